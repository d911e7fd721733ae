"""Search over the registry: indicator names and descriptions, units, reporting units,
quotes and sources (title and publisher), in Vietnamese and English, whatever the tone marks and case
("dich vu cong" finds "dịch vụ công").

Ranking: every word of the query must occur in an indicator's texts (as the start of a
word: "tai" finds "tài khoản", not "chi tai"); its score is the sum, over the words, of
the weight of the best field each word is found in (name 8, reporting unit 5, unit and
source title 3, description 2, quote 1), doubled for a field that holds the whole query
as a phrase. Ties: the indicator's name in alphabetical order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from indicators.text import alphabetical_key

FIELD_WEIGHTS = {"name": 8, "reporting_unit": 5, "unit": 3, "source": 3, "description": 2, "quote": 1}
_WORD = re.compile(r"\w+")


def search_key(text: str) -> str:
    """Text as the search compares it: lower case, no tone or vowel marks, đ as d,
    words separated by single spaces.

    >>> search_key("Dịch vụ CÔNG trực tuyến, Đà Nẵng")
    'dich vu cong truc tuyen da nang'
    """
    lowered = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    bare = "".join(character for character in lowered if not unicodedata.combining(character))
    return " ".join(_WORD.findall(bare))


@dataclass(frozen=True)
class Field:
    kind: str  # a key of FIELD_WEIGHTS
    text: str  # as the reader sees it
    key: str  # search_key(text), padded with spaces: " words of the text "


@dataclass(frozen=True)
class SearchHit:
    indicator_id: str
    score: float
    field: str  # the kind of the best-matching field
    text: str  # that field's text, as the reader sees it


@dataclass(frozen=True)
class SearchIndex:
    """Every indicator's searchable texts, keyed once (see `build_index`)."""

    fields: dict[str, list[Field]]
    names: dict[str, str]  # for ties: the indicator's Vietnamese name

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """The indicators every word of `query` occurs in, the best first; [] for a blank query."""
        words = search_key(query).split()
        if not words:
            return []
        phrase = " " + " ".join(words)
        hits = []
        for indicator_id, fields in self.fields.items():
            tops = [_best(field for field in fields if f" {word}" in field.key) for word in words]
            if None in tops:
                continue
            score = sum(FIELD_WEIGHTS[top.kind] for top in tops)
            shown = _best(field for field in fields if phrase in field.key)
            if shown is not None:
                score += FIELD_WEIGHTS[shown.kind] * len(words)
            shown = shown or _best(tops)
            hits.append(SearchHit(indicator_id, score, shown.kind, shown.text))
        hits.sort(key=lambda hit: (-hit.score, alphabetical_key(self.names[hit.indicator_id])))
        return hits[:limit]


def _best(fields) -> Field | None:
    """The field of the highest weight (the first of equals), or None."""
    return max(fields, key=lambda field: FIELD_WEIGHTS[field.kind], default=None)


def build_index(registry, frame: pd.DataFrame) -> SearchIndex:
    """The index of a loaded registry and its observations frame (one row per
    observation with `indicator_id`, `reporting_unit_vi`, `reporting_unit_en`, `quote`,
    `source_title`, `source_publisher`)."""
    fields: dict[str, list[Field]] = {}
    for indicator_id, indicator in registry.indicators.items():
        texts = [
            ("name", indicator.name.vi),
            ("name", indicator.name.en),
            ("description", indicator.description.vi),
            ("description", indicator.description.en),
            ("unit", indicator.unit.vi),
            ("unit", indicator.unit.en),
        ]
        fields[indicator_id] = [_field(kind, text) for kind, text in texts]
    columns = ["indicator_id", "reporting_unit_vi", "reporting_unit_en", "quote", "source_title", "source_publisher"]
    rows = frame[columns].astype("string").fillna("").drop_duplicates()
    for kind, column in (
        ("reporting_unit", "reporting_unit_vi"),
        ("reporting_unit", "reporting_unit_en"),
        ("quote", "quote"),
        ("source", "source_title"),
        ("source", "source_publisher"),
    ):
        pairs = rows[["indicator_id", column]].drop_duplicates()
        for indicator_id, text in zip(pairs["indicator_id"], pairs[column], strict=True):
            if indicator_id in fields and text:
                fields[indicator_id].append(_field(kind, text))
    names = {indicator_id: indicator.name.vi for indicator_id, indicator in registry.indicators.items()}
    return SearchIndex(fields, names)


def _field(kind: str, text: str) -> Field:
    return Field(kind, text, f" {search_key(text)} ")
