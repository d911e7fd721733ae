"""Reporting units: the nation, its provinces and centrally-run cities, ministries and
ministry-level agencies, and the blocs reports aggregate; and where a sentence names them.

Sources of the catalogue:
- the 34 provinces and cities in force from 1 July 2025 and their statistics-office (GSO)
  codes: the `vietnam-provinces` package (2025 release);
- the 63 in force until 30 June 2025, each with the unit that took over its territory:
  `data/reporting-units/provinces-before-2025.yaml`, generated from vietnam-provinces 0.6.0
  (legal source of the successors: Nghị quyết số 202/2025/QH15);
- ministries and ministry-level agencies before and after 1 March 2025:
  `data/reporting-units/ministries.yaml` (Nghị quyết số 176/2025/QH15);
- the nation and the blocs: `data/reporting-units/aggregates.yaml`;
- other written names (`TP.HCM`, `Thừa Thiên Huế`): `data/reporting-units/aliases.yaml`.

A province merged into another on 1 July 2025 keeps its id for its history and has a
`valid_until` and a `successor`; a province that absorbed others has two versions under one
id, before and after the merger (its territory changed), told apart by date.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import Field, RootModel

from indicators.models import ShortText, Slug, Strict
from indicators.problems import Problem, display_path
from indicators.yaml_reader import read_yaml, validate_document

MERGER_DAY = date(2025, 7, 1)
LEVELS = ("national", "bloc", "province", "ministry")


@dataclass(frozen=True)
class ReportingUnit:
    """One version of a reporting unit: its names, level, code and the days it was in force."""

    id: str
    name: str
    name_en: str
    level: str  # one of LEVELS
    gso_code: str | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    successor: str | None = None
    written: tuple[str, ...] = ()  # every way a text may name it, the name included

    def in_force(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


@dataclass(frozen=True)
class UnitMention:
    start: int
    end: int
    text: str
    unit_id: str
    local: bool = False  # a place below the catalogue's levels ("huyện Mèo Vạc"), inside `unit_id` if named


@dataclass(eq=False)  # hashed by identity: analyses are cached per catalogue
class UnitCatalogue:
    """Every reporting unit by id (each with its versions, oldest first), and a matcher
    of their written names."""

    versions: dict[str, list[ReportingUnit]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._names: dict[tuple[str, ...], str] = {}
        for unit_id, versions in self.versions.items():
            for version in versions:
                for written in version.written:
                    self._names.setdefault(_name_key(written), unit_id)
        # names written with a comma ("khối bộ, ngành"); others never match across one ("hai cấp, tỉnh")
        self._with_comma = {
            _name_key(written)
            for versions in self.versions.values()
            for version in versions
            for written in version.written
            if "," in written
        }
        self._longest = max((len(key) for key in self._names), default=0)
        self._first_words = {key[0] for key in self._names}
        # every way a word may be written whose key starts a name (of any unit; of a unit below the nation)
        self._first_forms = _any_word({form for key in self._first_words for form in _written_forms(key)})
        self._first_forms_below_nation = _any_word(
            {
                form
                for key, unit_id in self._names.items()
                if self.level(unit_id) != "national"
                for form in _written_forms(key[0])
            }
        )
        # What the catalogue holds, for caches of what was read with it: every load builds a new
        # catalogue from the same files, and a cache keyed by the catalogue's identity kept
        # one reading per source for every load, until its bound.
        self.digest = hashlib.blake2b(repr(sorted(self.versions.items())).encode(), digest_size=16).digest()

    def __contains__(self, unit_id: str) -> bool:
        return unit_id in self.versions

    def closest(self, unit_id: str, count: int = 3) -> list[str]:
        """The ids most like a mistyped one, closest first ("danang" -> ["da-nang"]);
        dashes are left out of the comparison. Empty when none is close."""
        bare = {known.replace("-", ""): known for known in self.versions}
        matches = difflib.get_close_matches(unit_id.replace("-", ""), list(bare), n=count, cutoff=0.75)
        return [bare[match] for match in matches]

    def latest(self, unit_id: str) -> ReportingUnit:
        return self.versions[unit_id][-1]

    def at(self, unit_id: str, day: date) -> ReportingUnit | None:
        """The version of the unit in force on `day`, or None when it was not."""
        return next((version for version in self.versions[unit_id] if version.in_force(day)), None)

    def level(self, unit_id: str) -> str:
        return self.versions[unit_id][-1].level

    def names_only_the_nation(self, sentence: str) -> bool:
        """Whether every unit `find` finds in the sentence is national (or it finds none);
        most sentences hold no word that starts the name of a unit below the nation."""
        if self._first_forms_below_nation.search(_lowered(sentence)) is None:
            return True
        return all(self.level(mention.unit_id) == "national" for mention in self.find(sentence))

    def find(self, sentence: str) -> list[UnitMention]:
        """Every unit named in a sentence, in order; the longest name wins where names
        overlap ("Văn phòng Chính phủ" over "Chính phủ")."""
        if self._first_forms.search(_lowered(sentence)) is None:
            return []  # no word that starts a name: most sentences
        return self._walk(sentence)

    def _walk(self, sentence: str) -> list[UnitMention]:
        tokens = [(match.start(), match.end(), _word_key(match.group(0))) for match in _TOKEN.finditer(sentence)]
        found, index = [], 0
        while index < len(tokens):
            if tokens[index][2] not in self._first_words:  # no name starts here: most words
                index += 1
                continue
            for size in range(min(self._longest, len(tokens) - index), 0, -1):
                key = tuple(token[2] for token in tokens[index : index + size])
                unit_id = self._names.get(key)
                start, end = tokens[index][0], tokens[index + size - 1][1]
                if unit_id is not None and ("," not in sentence[start:end] or key in self._with_comma):
                    found.append(UnitMention(start, end, sentence[start:end], unit_id))
                    index += size
                    break
            else:
                index += 1
        return found


# --- names as texts write them ---------------------------------------------

_TOKEN = re.compile(r"\w+(?:[.&]\w+)*")
# Old-style tone placement on the second vowel of oa, oe, uy at a syllable's end -> on the first.
_TONE_MOVES = {
    old: new
    for pair, tones in (
        ("oa", ("oà", "oá", "oả", "oã", "oạ", "òa", "óa", "ỏa", "õa", "ọa")),
        ("oe", ("oè", "oé", "oẻ", "oẽ", "oẹ", "òe", "óe", "ỏe", "õe", "ọe")),
        ("uy", ("uỳ", "uý", "uỷ", "uỹ", "uỵ", "ùy", "úy", "ủy", "ũy", "ụy")),
    )
    for old, new in zip(tones[:5], tones[5:], strict=True)
}


@functools.lru_cache(maxsize=1 << 16)  # texts repeat their words: a load meets each a few hundred times
def _word_key(word: str) -> str:
    """A word as names are compared: lower case, NFC, one tone-mark placement ("hoà" = "hòa")."""
    word = unicodedata.normalize("NFC", word.lower())
    ending = word[-2:]
    return word[:-2] + _TONE_MOVES[ending] if ending in _TONE_MOVES else word


def _written_forms(key: str) -> tuple[str, ...]:
    """Every lower-case NFC word whose key is `key`: itself and, where its ending is a tone
    placement `_word_key` moves to, the old placement."""
    return (key, *(key[:-2] + old for old, new in _TONE_MOVES.items() if key.endswith(new)))


def _lowered(sentence: str) -> str:
    """The sentence in lower case and NFC: each of its words (`_TOKEN`) is one of the
    `_written_forms` of its key."""
    return unicodedata.normalize("NFC", sentence.lower())


def _any_word(words: set[str]) -> re.Pattern:
    """A pattern that finds any of `words` as a whole word (letters, digits on neither side),
    written as a trie so that a search tries each letter once."""
    trie: dict = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alternatives = [re.escape(character) + branch(child) for character, child in sorted(node.items()) if character]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{body})?" if "" in node else body

    return re.compile(rf"(?<!\w){branch(trie)}(?!\w)" if trie else r"(?!)")


def _name_key(written: str) -> tuple[str, ...]:
    return tuple(_word_key(match.group(0)) for match in _TOKEN.finditer(written))


def _province_forms(name: str, kind: str) -> tuple[str, ...]:
    """ "Hà Giang", "tỉnh Hà Giang"; a centrally-run city also as "thành phố Đà Nẵng", "TP Đà Nẵng".
    ("thành phố Hà Giang" was a city inside the province: see `indicators.statements`.)"""
    prefixes = ["thành phố", "TP"] if kind == "city" else ["tỉnh"]
    return (name, *(f"{prefix} {name}" for prefix in prefixes))


# --- reading the catalogue -------------------------------------------------


class _Aggregate(Strict):
    id: Slug
    name: ShortText
    name_en: ShortText
    level: str = Field(pattern="^(national|bloc)$")
    written: list[ShortText] = Field(default_factory=list)


class _Ministry(Strict):
    id: Slug
    name: ShortText
    name_en: ShortText
    kind: str = Field(pattern="^(ministry|agency)$")
    abbreviations: list[ShortText] = Field(default_factory=list)
    valid_from: date | None = None
    valid_until: date | None = None
    successor: Slug | None = None


class _FormerProvince(Strict):
    id: Slug
    name: ShortText
    kind: str = Field(pattern="^(province|city)$")
    gso_code: str = Field(pattern="^[0-9]{2}$")
    valid_until: date
    successor: Slug


_Aggregates = RootModel[list[_Aggregate]]
_Ministries = RootModel[list[_Ministry]]
_FormerProvinces = RootModel[list[_FormerProvince]]
_Aliases = RootModel[dict[Slug, list[ShortText]]]


def read_catalogue(folder: Path, problems: list[Problem]) -> UnitCatalogue:
    """The catalogue from a data folder's `reporting-units/` files and the current
    provinces of `vietnam-provinces`; problems with the files go to `problems`."""
    aggregates = _read(folder / "aggregates.yaml", _Aggregates, problems) or []
    ministries = _read(folder / "ministries.yaml", _Ministries, problems) or []
    former = _read(folder / "provinces-before-2025.yaml", _FormerProvinces, problems) or []
    aliases = _read(folder / "aliases.yaml", _Aliases, problems, required=False) or {}
    versions: dict[str, list[ReportingUnit]] = {}
    for entry in aggregates:
        versions[entry.id] = [
            ReportingUnit(entry.id, entry.name, entry.name_en, entry.level, written=(entry.name, *entry.written))
        ]
    for entry in ministries:
        written = (entry.name, *entry.abbreviations)
        versions[entry.id] = [
            ReportingUnit(
                entry.id,
                entry.name,
                entry.name_en,
                "ministry",
                None,
                entry.valid_from,
                entry.valid_until,
                entry.successor,
                written,
            )
        ]
    for unit_id, units in _provinces(former).items():
        versions[unit_id] = units
    for unit_id, names in aliases.items():
        if unit_id in versions:
            versions[unit_id] = [
                ReportingUnit(**{**version.__dict__, "written": (*version.written, *names)})
                for version in versions[unit_id]
            ]
    return UnitCatalogue(versions)


def _provinces(former: list[_FormerProvince]) -> dict[str, list[ReportingUnit]]:
    """Each province's versions: one when its territory never changed, else the one
    before 1 July 2025 and (for a unit that absorbed others) the one after."""
    from vietnam_provinces import Province, VietNamDivisionType  # the current 34; imported here, when needed

    current = {}
    for province in Province.iter_all():
        kind = "city" if province.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG else "province"
        name = province.name.removeprefix("Thành phố ")
        current[province.codename.replace("_", "-")] = (name, kind, f"{province.code:02d}")
    absorbed_into = {entry.successor for entry in former if entry.successor != entry.id}
    versions: dict[str, list[ReportingUnit]] = {}
    for entry in former:
        english = _english(entry.name, entry.kind)
        written = _province_forms(entry.name, entry.kind)
        if entry.successor == entry.id and entry.id not in absorbed_into:  # the same territory throughout
            name, kind, code = current[entry.id]
            versions[entry.id] = [
                ReportingUnit(
                    entry.id,
                    name,
                    _english(name, kind),
                    "province",
                    code,
                    written=(*written, *_province_forms(name, kind)),
                )
            ]
        else:
            versions[entry.id] = [
                ReportingUnit(
                    entry.id,
                    entry.name,
                    english,
                    "province",
                    entry.gso_code,
                    None,
                    entry.valid_until,
                    entry.successor,
                    written,
                )
            ]
    for unit_id, (name, kind, code) in current.items():
        if unit_id in absorbed_into:
            later = ReportingUnit(
                unit_id, name, _english(name, kind), "province", code, MERGER_DAY, written=_province_forms(name, kind)
            )
            versions.setdefault(unit_id, []).append(later)
    return versions


def _english(name: str, kind: str) -> str:
    plain = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d")).encode("ascii", "ignore").decode()
    return f"{plain} city" if kind == "city" else f"{plain} province"


def _read(path: Path, model, problems: list[Problem], required: bool = True):
    """The file's entries (the model's root), or None with its problems reported."""
    if not path.exists() and not path.is_symlink():
        if required:
            problems.append(Problem(display_path(path), 1, 1, "-", "reporting-unit file is missing", "file-missing"))
        return None
    document = read_yaml(path, problems, root=path.parent.parent)
    parsed = None if document is None else validate_document(model, document, problems)
    return None if parsed is None else parsed.root
