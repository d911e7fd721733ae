"""What a table's cells and labels state: a cell's number (with the sentence rules of
`indicators.numbers`), the period a header states, the scale word a header gives the
cells, and the reporting units a label names.

A cell's number is its digits as printed, a `%`, and at most one footnote marker after
it (`86*`, `86¹`, `86 (a)`): the marker is reported, the number read. A table writes
its numbers one way: where most cells that show it group thousands with `.` and write
decimals with `,` (Vietnamese) or the other way round, a cell written the other way
round is refused, and a cell that could be read either way (`1.234`) is read the
table's way."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from indicators.numbers import readings_of
from indicators.period_mentions import find_periods
from indicators.tables.sheets import Table, TableCell
from indicators.vocabulary import SCALE_WORDS

_CELL_NUMBER = re.compile(
    r"^(?P<sign>[-−–]?)\s*(?P<digits>\d+(?:[.,]\d+)*)(?:/(?P<denominator>\d+))?\s*(?P<percent>%)?"
    r"\s*(?P<marker>\*+|[†‡§]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\w{1,3}\)|\[\w{1,3}\])?$"
)
_SCALE_IN_LABEL = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(word) for word in SCALE_WORDS) + r")(?!\w)(?!\s+(?:trọng|lệ|giá|suất)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CellNumber:
    """A cell read as a number: its readings (one, or two for `1.234` when the table does
    not settle it), the denominator of `86/193`, and the footnote marker, if any."""

    readings: tuple[float, ...]
    denominator: float | None = None
    percent: bool = False
    marker: str | None = None


class CellError(ValueError):
    """The cell is not a number the table can state; the message says why."""


def _style(digits: str) -> str | None:
    """'vi' ("." groups, "," decimal), 'en' (the other way round), or None when the
    digits read the same either way or could be either."""
    readings = readings_of(digits)
    if len(readings) != 1 or ("." not in digits and "," not in digits):
        return None
    try:
        vietnamese = float(digits.replace(".", "").replace(",", "."))
    except ValueError:  # "1,234,567": two decimal marks read the Vietnamese way
        return "en"
    return "vi" if readings[0] == vietnamese else "en"


class TableNumbers:
    """The numbers of one table, read the table's way."""

    def __init__(self, table: Table):
        self.table = table

    @cached_property
    def style(self) -> str | None:
        """How most of the table's cells write numbers ('vi' or 'en'), or None."""
        counted = Counter()
        for row in self.table.rows:
            for cell in row[1:]:
                match = _CELL_NUMBER.match(cell.text) if cell.number is None else None
                style = _style(match["digits"]) if match else None
                if style:
                    counted[style] += 1
        if not counted:
            return None
        (first, first_count), *rest = counted.most_common()
        return first if not rest or first_count > rest[0][1] else None

    def number(self, cell: TableCell) -> CellNumber:
        """The cell's number; CellError for text, a blank, an uncalculated formula, or
        thousands grouped the other way round from the rest of the table."""
        if cell.number is not None:
            return CellNumber((cell.number,))
        if cell.formula and cell.text == cell.formula:
            raise CellError(
                f"holds the formula {cell.formula!r} with no calculated value saved; open the workbook and save it"
            )
        text = cell.text.replace("\u00a0", " ").strip()
        if not text:
            raise CellError("is blank")
        match = _CELL_NUMBER.match(text)
        if match is None:
            raise CellError(f"is text ({cell.text!r}), not a number")
        digits = match["digits"]
        readings = readings_of(digits)
        if not readings:
            raise CellError(f"{cell.text!r} is not a number as written (its groups of digits are uneven)")
        style = _style(digits)
        if self.style and style and style != self.style:
            written = (
                "'.' groups thousands and ',' marks decimals"
                if self.style == "vi"
                else "',' groups thousands and '.' marks decimals"
            )
            raise CellError(
                f"{cell.text!r} writes thousands and decimals the other way round from the rest of the table, where "
                f"{written}; check the cell against the publication"
            )
        if len(readings) > 1 and self.style:
            readings = (
                (readings[0],) if self.style == "vi" else (readings[1],)
            )  # readings_of lists the Vietnamese first
        if match["sign"]:
            readings = tuple(-reading for reading in readings)
        denominator = float(match["denominator"]) if match["denominator"] else None
        return CellNumber(readings, denominator, bool(match["percent"]), match["marker"])


def header_periods(text: str) -> tuple[str, ...]:
    """The period labels a header states as the figure's own period ('2023', '2024-Q3', '2021/2025')."""
    labels = []
    for mention in find_periods(text):
        if mention.role == "period" and mention.label:
            labels.append(mention.label)
    return tuple(dict.fromkeys(labels))


def label_scale(text: str) -> float | None:
    """The scale a header gives its cells ('Số thuê bao (triệu)' -> 1e6), or None."""
    match = _SCALE_IN_LABEL.search(text)
    return SCALE_WORDS[match.group(1).lower()] if match else None
