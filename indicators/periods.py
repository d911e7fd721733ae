"""Periods as the articles state them, with a sortable start date.

Standard forms: `2023` (year), `2024-H1` (half year), `2024-Q3` (quarter),
`2024-06` (month), `2023-06-30` (a date: "as of"). Anything else is a free
label ("Covid-19 peak month") and needs an explicit `period_start`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

PERIOD_FORMS = "2024, 2024-H1, 2024-Q3, 2024-06 or 2024-06-30"

_PATTERNS = {
    "year": re.compile(r"^(?P<year>\d{4})$"),
    "half-year": re.compile(r"^(?P<year>\d{4})-H(?P<half>[12])$"),
    "quarter": re.compile(r"^(?P<year>\d{4})-Q(?P<quarter>[1-4])$"),
    "month": re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$"),
    "date": re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),
}
_LOOKS_STANDARD = re.compile(r"^\d{4}(\b|-)")


@dataclass(frozen=True)
class Period:
    label: str
    kind: str
    start: date


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
            return Period(label, kind, derived)
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
