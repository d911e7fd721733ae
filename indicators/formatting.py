"""Numbers, units and periods written for a reader, in Vietnamese or English."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern

from indicators.vocabulary import QUALIFIERS, SCALES

LOCALES = {"vi": "vi_VN", "en": "en_GB"}
LANGUAGES = ("vi", "en")
MISSING = "—"  # a value or date the registry does not have


_PERIOD_WORDS = {
    "vi": {
        "H1": "6 tháng đầu năm {year}",
        "H2": "6 tháng cuối năm {year}",
        "Q": "quý {quarter}/{year}",
        "month": "tháng {month}/{year}",
        "range": "giai đoạn {first}–{last}",
    },
    "en": {"H1": "H1 {year}", "H2": "H2 {year}", "Q": "Q{quarter} {year}", "month": None, "range": "{first}–{last}"},
}
# One date style per language: 19/7/2024; 19 July 2024.
_DATE_FORMATS = {"vi": "d/M/yyyy", "en": "d MMMM yyyy"}


def plural_form(count: float, language: str) -> str:
    """babel's plural category of `count` in `language`: "one" for an English 1, else "other"."""
    return _locale(language).plural_form(abs(count))


def counted(count: int, one: str, other: str) -> str:
    """`count` with the English noun in its plural form: "1 error", "2 errors", "0 errors"."""
    return f"{count} {one if plural_form(count, 'en') == 'one' else other}"


def plain_number(value: float) -> str:
    """A number as a registry file writes it, for the command line: `2087114`, `14.96`,
    `35` (never `2.08711e+06` nor `35.0`).

    >>> plain_number(2087114.0), plain_number(14.96), plain_number(35.0)
    ('2087114', '14.96', '35')
    """
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


@lru_cache(maxsize=65536)  # a page writes the same figures on every rerun
def format_number(value: float, language: str, digits: int = 2) -> str:
    """`1234.5` -> `1.234,5` (vi) or `1,234.5` (en); at most `digits` decimals; -0.0 as `0`;
    `—` for a missing value."""
    if _missing(value):
        return MISSING
    # + 0.0 turns -0.0 into 0.0: the cache holds one entry for both, so they must read alike.
    return _number_pattern(digits).apply(value + 0.0, _locale(language))


@lru_cache(maxsize=8)
def _number_pattern(digits: int) -> NumberPattern:
    # Parsed once: babel's format_decimal parses the pattern and the locale on every call.
    return parse_pattern("#,##0" + ("." + "#" * digits if digits else ""))


@lru_cache(maxsize=4)
def _locale(language: str) -> Locale:
    return Locale.parse(LOCALES[language])


def scaled_unit(unit: str, scale: str, language: str) -> str:
    """A unit with its scale word in `language`: `tỷ USD`, `billion USD`; `%` alone.

    >>> [scaled_unit("USD", scale, "en") for scale in ("one", "thousand", "billion", "trillion")]
    ['USD', 'thousand USD', 'billion USD', 'trillion USD']
    >>> scaled_unit("đồng", "trillion", "vi")
    'nghìn tỷ đồng'"""
    words = SCALES[scale]
    return f"{words.vi if language == 'vi' else words.en} {unit}".strip()


def unit_for(value: float, unit: str, language: str, unit_one: str | None = None) -> str:
    """`unit_one` (a unit's English singular: `decree`) where `value` takes the singular
    form in `language` (an English 1), else `unit`; Vietnamese has one form.

    >>> [unit_for(count, "decrees", "en", "decree") for count in (1, 3, 0, 1.5)]
    ['decree', 'decrees', 'decrees', 'decrees']"""
    singular = bool(unit_one) and not _missing(unit_one) and not _missing(value)
    return unit_one if singular and plural_form(value, language) == "one" else unit


def format_value(
    value: float,
    unit: str,
    language: str,
    out_of: float | None = None,
    qualifier: str | None = None,
    unit_one: str | None = None,
) -> str:
    """A value as a sentence would write it: `gần 3 tỷ USD`, `86/193`, `14,96%`, `1 decree`
    (with `unit_one`, the singular English unit); `—` for a missing value."""
    if _missing(value):
        return MISSING
    number = format_number(value, language)
    unit = unit_for(value, unit, language, unit_one)
    if out_of is not None and not pd.isna(out_of):
        text = f"{number}/{format_number(out_of, language)}"
    elif unit.startswith("%"):
        text = f"{number}{unit}"
    else:
        text = f"{number} {unit}".strip()
    if qualifier and not pd.isna(qualifier):
        words = QUALIFIERS[qualifier]
        text = f"{words.vi if language == 'vi' else words.en} {text}"
    return text


@lru_cache(maxsize=65536)
def format_period(label: str, kind: str, language: str) -> str:
    """A period label as a reader reads it, for each kind of `indicators.periods`:

    >>> [format_period(label, kind, "vi") for label, kind in PERIOD_EXAMPLES]
    ['2024', '6 tháng đầu năm 2024', 'quý 3/2024', 'tháng 6/2024', '30/6/2024', 'giai đoạn 2021–2025']
    >>> [format_period(label, kind, "en") for label, kind in PERIOD_EXAMPLES]
    ['2024', 'H1 2024', 'Q3 2024', 'June 2024', '30 June 2024', '2021–2025']

    A free label ("other") is returned as it is."""
    words = _PERIOD_WORDS[language]
    if kind == "half-year":
        year, half = label.split("-")
        return words[half].format(year=year)
    if kind == "quarter":
        year, quarter = label.split("-Q")
        return words["Q"].format(year=year, quarter=quarter)
    if kind == "date":
        return format_date_value(label, language)
    if kind == "month":
        year, month = label.split("-")
        if words["month"]:
            return words["month"].format(year=year, month=int(month))
        return format_date(date(int(year), int(month), 1), format="MMMM yyyy", locale=LOCALES[language])
    if kind == "range":
        first, last = label.split("/")
        return words["range"].format(first=first, last=last)
    return label


PERIOD_EXAMPLES = [
    ("2024", "year"),
    ("2024-H1", "half-year"),
    ("2024-Q3", "quarter"),
    ("2024-06", "month"),
    ("2024-06-30", "date"),
    ("2021/2025", "range"),
]


@lru_cache(maxsize=4096)
def format_date_value(value: date | str | None, language: str) -> str:
    """A date (or ISO date text) in the language's one style: `19/7/2024`, `19 July 2024`;
    "—" when there is none (None, "", NaN)."""
    if _missing(value) or value == "":
        return MISSING
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return format_date(day, format=_DATE_FORMATS[language], locale=LOCALES[language])


def _missing(value) -> bool:
    """None, NaN, NaT or pd.NA: what a frame holds where the registry has nothing."""
    return value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and bool(pd.isna(value)))
