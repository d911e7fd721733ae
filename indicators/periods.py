"""Periods as the articles state them, with a sortable start date.

Standard forms: `2023` (year), `2024-H1` (half year), `2024-Q3` (quarter),
`2024-06` (month), `2023-06-30` (a date: "as of"), `2021/2025` (a range of whole
years: "giai đoạn 2021-2025"). Anything else is a free label ("Covid-19 peak
month") and needs an explicit `period_start`; its start is then inferred, not stated.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

PERIOD_FORMS = "2024, 2024-H1, 2024-Q3, 2024-06, 2024-06-30 or 2021/2025"

_PATTERNS = {
    "year": re.compile(r"^(?P<year>\d{4})$"),
    "half-year": re.compile(r"^(?P<year>\d{4})-H(?P<half>[12])$"),
    "quarter": re.compile(r"^(?P<year>\d{4})-Q(?P<quarter>[1-4])$"),
    "month": re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$"),
    "date": re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),
    "range": re.compile(r"^(?P<year>\d{4})/(?P<last>\d{4})$"),
}
_LOOKS_STANDARD = re.compile(r"^\d{4}(\b|-)")


@dataclass(frozen=True)
class Period:
    """A period label resolved: its kind (year, half-year, quarter, month, date, range,
    other) and first day; `end` is its last day (None for a free label)."""

    label: str
    kind: str
    start: date
    end: date | None = None


@lru_cache(maxsize=65536)
def parse_period(label: str, start: date | None = None) -> Period:
    """Resolve a period label; raises ValueError with an editor-friendly message."""
    label = label.strip()
    for kind, pattern in _PATTERNS.items():
        match = pattern.match(label)
        if match:
            derived = _start_of(kind, match)
            if start is not None and start != derived:
                raise ValueError(
                    f"period_start {start.isoformat()} does not match period {label!r}, "
                    f"which starts on {derived.isoformat()}; remove period_start or correct it"
                )
            return Period(label, kind, derived, _end_of(kind, match, derived))
    if _LOOKS_STANDARD.match(label):
        raise ValueError(f"{label!r} is not a period; write it as {PERIOD_FORMS}")
    if start is None:
        raise ValueError(
            f"{label!r} is not a standard period ({PERIOD_FORMS}); add period_start (YYYY-MM-DD) so it can be sorted"
        )
    return Period(label, "other", start)


@lru_cache(maxsize=65536)
def is_valid_period(label: str, start: date | None = None) -> bool:
    """Whether `parse_period` accepts it (remembered, unlike its errors)."""
    try:
        parse_period(label, start)
    except ValueError:
        return False
    return True


def _start_of(kind: str, match: re.Match) -> date:
    year = int(match["year"])
    if kind == "range" and int(match["last"]) <= year:
        raise ValueError(f"{match.group(0)!r} is not a range of years: the last must come after the first")
    try:
        if kind == "half-year":
            return date(year, 1 if match["half"] == "1" else 7, 1)
        if kind == "quarter":
            return date(year, 3 * int(match["quarter"]) - 2, 1)
        if kind == "month":
            return date(year, int(match["month"]), 1)
        if kind == "date":
            return date(year, int(match["month"]), int(match["day"]))
    except ValueError as error:
        raise ValueError(f"{match.group(0)!r} is not a real date ({error})") from None
    return date(year, 1, 1)


def _end_of(kind: str, match: re.Match, start: date) -> date:
    year = start.year
    if kind == "half-year":
        return date(year, 6, 30) if start.month == 1 else date(year, 12, 31)
    if kind == "quarter":
        last_month = start.month + 2
        return date(year, last_month, calendar.monthrange(year, last_month)[1])
    if kind == "month":
        return date(year, start.month, calendar.monthrange(year, start.month)[1])
    if kind == "date":
        return start
    if kind == "range":
        return date(int(match["last"]), 12, 31)
    return date(year, 12, 31)
