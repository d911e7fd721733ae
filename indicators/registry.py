"""The loaded registry and its tidy one-row-per-observation view."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

from indicators.citations import fold
from indicators.models import Indicator, IndicatorInfo, Observation, Source, Taxonomy, trusted
from indicators.periods import parse_period
from indicators.problems import Problem, RegistryError

SCALE_WORDS = {
    "vi": {"one": "", "thousand": "nghìn", "million": "triệu", "billion": "tỷ"},
    "en": {"one": "", "thousand": "thousand", "million": "million", "billion": "billion"},
}

EXPORT_COLUMNS = [
    "indicator_id",
    "sector",
    "geography",
    "period",
    "period_type",
    "period_start",
    "year",
    "value",
    "out_of",
    "qualifier",
    "unit",
    "unit_vi",
    "scale",
    "value_in_base_unit",
    "source_id",
    "quote",
    "note",
]


def unit_label(indicator: IndicatorInfo, language: str) -> str:
    """The unit with its scale word: 'tỷ USD', 'billion USD', '%'."""
    unit = indicator.unit.vi if language == "vi" else indicator.unit.en
    word = SCALE_WORDS[language][indicator.scale]
    return f"{word} {unit}".strip()


@dataclass(frozen=True)
class SourceDocument:
    meta: Source
    text: str
    path: Path

    @cached_property
    def folded(self) -> str:
        """The text as quotes are compared with it (see `fold`)."""
        return fold(self.text)

    @cached_property
    def sentences(self) -> frozenset[str]:
        """The folded text cut after each full stop: most quotes are one of these."""
        folded = self.folded
        for stop in _SENTENCE_STOPS:
            folded = folded.replace(stop, stop[0] + "\n")  # a folded text has no line breaks left
        return frozenset(folded.split("\n"))

    def contains(self, quote: str) -> bool:
        """Whether the quote is verbatim in the text, up to `fold`."""
        return quote in self.sentences or fold(quote) in self.folded


_SENTENCE_STOPS = (". ", "! ", "? ", "… ")


Rows = dict[str, list]
"""An indicator's observations as columns: one list per Observation field."""

OBSERVATION_FIELDS = tuple(Observation.model_fields)

FileResult = tuple[IndicatorInfo | None, Rows | None, list[Problem]]
"""What reading one indicator file gives: its fields, its valid observations
as columns, and its problems. Plain data: cheap to send between processes."""


_FIELD_VALUES = itemgetter(*OBSERVATION_FIELDS)


def rows_of(observations: list[Observation]) -> Rows:
    return rows_from_fields([observation.__dict__ for observation in observations])


def rows_from_fields(observations: list[dict]) -> Rows:
    """Columns from observations given as dicts of every field."""
    if not observations:
        return {name: [] for name in OBSERVATION_FIELDS}
    columns = zip(*map(_FIELD_VALUES, observations), strict=True)
    rows = {name: list(values) for name, values in zip(OBSERVATION_FIELDS, columns, strict=True)}
    for name in _REPEATED_TEXT:  # one object per distinct text: less memory, cheaper to send between processes
        rows[name] = [value if value is None else sys.intern(value) for value in rows[name]]
    return rows


_REPEATED_TEXT = ("period", "source", "qualifier")


def observations_of(rows: Rows) -> list[Observation]:
    """The models back from validated rows, without validating them again."""
    columns = [rows[name] for name in OBSERVATION_FIELDS]
    return [
        trusted(Observation, dict(zip(OBSERVATION_FIELDS, values, strict=True)))
        for values in zip(*columns, strict=True)
    ]


@dataclass
class Registry:
    """What loaded: indicators (their own fields), their valid observations as
    columns (`rows`, per indicator id), sources, and every problem found."""

    data_dir: Path
    taxonomy: Taxonomy | None
    sources: dict[str, SourceDocument]
    indicators: dict[str, IndicatorInfo]
    rows: dict[str, Rows]
    files: dict[str, Path]
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    def raise_for_errors(self) -> None:
        if self.errors:
            raise RegistryError(self.problems)

    def observations(self, indicator_id: str) -> list[Observation]:
        return observations_of(self.rows[indicator_id])

    @property
    def observation_count(self) -> int:
        return sum(len(rows["value"]) for rows in self.rows.values())

    def with_only(self, indicator: Indicator) -> Registry:
        """This registry's taxonomy and sources with one (checked) indicator: a draft's preview."""
        return Registry(
            self.data_dir,
            self.taxonomy,
            self.sources,
            {indicator.id: indicator.info()},
            {indicator.id: rows_of(indicator.observations)},
            {},
        )

    @cached_property
    def observations_frame(self) -> pd.DataFrame:
        """One row per valid observation, sorted by indicator and period start.

        Built column by column from the rows. Text that repeats (everything
        about the indicator, the period or the source) is stored as
        categories: at hundreds of thousands of rows this is several times
        faster and smaller."""
        levels = {geo.id: geo.level for geo in self.taxonomy.geographies} if self.taxonomy else {}
        ordered = [self.indicators[indicator_id] for indicator_id in sorted(self.indicators)]
        counts = np.array([len(self.rows[i.id]["value"]) for i in ordered], dtype=np.int64)
        codes = np.repeat(np.arange(len(ordered)), counts)
        per_indicator = {
            "indicator_id": [i.id for i in ordered],
            "name_vi": [i.name.vi for i in ordered],
            "name_en": [i.name.en for i in ordered],
            "sector": [i.sector for i in ordered],
            "geography": [i.geography for i in ordered],
            "geography_level": [levels.get(i.geography, "national") for i in ordered],
            "kind": [i.kind for i in ordered],
            "direction": [i.direction for i in ordered],
            "unit": [unit_label(i, "en") for i in ordered],
            "unit_vi": [unit_label(i, "vi") for i in ordered],
            "scale": [i.scale for i in ordered],
        }
        columns: dict[str, object] = {name: _categorical(values, codes) for name, values in per_indicator.items()}
        columns["headline"] = np.repeat(np.array([i.headline for i in ordered], dtype=bool), counts)

        def column(name: str) -> list:
            return list(chain.from_iterable(self.rows[i.id][name] for i in ordered))

        values = np.array(column("value"), dtype=float)
        factors = np.repeat(np.array([i.scale_factor for i in ordered], dtype=float), counts)
        columns.update(
            _period_columns(column("period"), column("period_start")),
            value=values,
            out_of=np.array(column("out_of"), dtype=float),  # None -> NaN
            qualifier=_categorical(column("qualifier")),
            value_in_base_unit=values * factors,
            **self._source_columns(_categorical(column("source"))),
            # Unique text: plain Python strings, spared a conversion to Arrow.
            quote=pd.Series(column("quote"), dtype=object),
            note=pd.Series(column("note"), dtype=object),
        )
        frame = pd.DataFrame(columns, columns=_FRAME_COLUMNS)
        # Observations keep their file order within an indicator; sort by start date, stably.
        return frame.sort_values(["indicator_id", "period_start"], kind="stable").reset_index(drop=True)

    def _source_columns(self, source_ids: pd.Categorical) -> dict[str, pd.Categorical]:
        metas = [self.sources[source_id].meta for source_id in source_ids.categories]
        per_source = {
            "source_title": [meta.title for meta in metas],
            "source_publisher": [meta.publisher for meta in metas],
            "source_published": [meta.published.isoformat() if meta.published else None for meta in metas],
            "source_url": [meta.url for meta in metas],
        }
        return {"source_id": source_ids} | {
            name: _categorical(values, source_ids.codes) for name, values in per_source.items()
        }

    def export_frame(self) -> pd.DataFrame:
        return self.observations_frame[EXPORT_COLUMNS]


def _period_columns(labels: list[str], starts: list) -> dict[str, object]:
    """Label, kind, start and year of each row's period, each distinct period parsed once."""
    keys = labels
    if any(start is not None for start in starts):
        keys = [label if start is None else f"{label}\n{start}" for label, start in zip(labels, starts, strict=True)]
    codes, _ = pd.factorize(np.asarray(keys, dtype=object))
    _, first_rows = np.unique(codes, return_index=True)
    parsed = [parse_period(labels[row], starts[row]) for row in first_rows]
    return {
        "period": _categorical([p.label for p in parsed], codes),
        "period_type": _categorical([p.kind for p in parsed], codes),
        "period_start": pd.to_datetime([p.start for p in parsed])[codes],
        "year": np.array([p.start.year for p in parsed], dtype=np.int64)[codes],
    }


_FRAME_COLUMNS = [
    "indicator_id",
    "name_vi",
    "name_en",
    "sector",
    "geography",
    "geography_level",
    "kind",
    "direction",
    "headline",
    "period",
    "period_type",
    "period_start",
    "year",
    "value",
    "out_of",
    "qualifier",
    "unit",
    "unit_vi",
    "scale",
    "value_in_base_unit",
    "source_id",
    "source_title",
    "source_publisher",
    "source_published",
    "source_url",
    "quote",
    "note",
]


def _categorical(values: list, codes: np.ndarray | None = None) -> pd.Categorical:
    """`values` as categories (sorted), or `values[codes]` when codes are given.
    Faster than `pd.Categorical(list)`, which first turns every string into Arrow."""
    value_codes, categories = pd.factorize(np.asarray(values, dtype=object), sort=True)
    return pd.Categorical.from_codes(value_codes if codes is None else value_codes[codes], categories=categories)
