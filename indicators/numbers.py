"""Vietnamese number parsing.

Vietnamese writes `.` to group thousands and `,` as the decimal mark
(`2.087.114`, `14,96%`, `479,09 tỷ đồng`), but sources are not consistent:
`1.96 triệu người` means 1.96 million. A written number can therefore have
more than one reading; `NumberMention.readings` keeps every plausible one and
lists the Vietnamese reading first.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from indicators.vocabulary import SCALE_WORDS

_SCALE_PATTERN = "|".join(re.escape(word) for word in SCALE_WORDS)  # longest first

NUMBER_PATTERN = re.compile(
    r"(?<![\w/.,])"
    r"(?P<number>\d+(?:[.,]\d+)*)"
    r"(?:/(?P<denominator>\d+(?:[.,]\d+)*))?"
    r"(?![^\W_])"  # not glued to a letter or cut from digits: "5G", "16h" (no "1" of "16h") name no figure
    r"(?:\s*(?P<percent>%))?"
    # a scale word, unless it begins another word: "tỷ trọng" (share), "tỷ lệ" (rate), "tỷ giá"
    r"(?:(?<!%)\s+(?P<scale>" + _SCALE_PATTERN + r")(?!\w)(?!\s+(?:trọng|lệ|giá|suất)\b))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMention:
    """One number as written in a text, with every plausible reading."""

    text: str
    start: int
    end: int
    readings: tuple[float, ...]
    scale_word: str | None = None
    scale: float = 1.0
    percent: bool = False
    denominator: float | None = None

    @property
    def value(self) -> float:
        """The preferred (Vietnamese) reading, before the scale word."""
        return self.readings[0]

    @property
    def scaled_readings(self) -> tuple[float, ...]:
        return tuple(reading * self.scale for reading in self.readings)


def readings_of(digits: str) -> tuple[float, ...]:
    """Every plausible value of a digit string with `.`/`,` separators.

    >>> readings_of("2.087.114")
    (2087114.0,)
    >>> readings_of("14,96")
    (14.96,)
    >>> readings_of("8.280")
    (8280.0, 8.28)
    """
    dots, commas = digits.count("."), digits.count(",")
    if not dots and not commas:
        return (float(digits),)
    if dots and commas:
        # Whichever mark comes last is the decimal mark.
        if digits.rfind(",") > digits.rfind("."):
            return _reading_with_marks(digits, group=".", decimal=",")
        return _reading_with_marks(digits, group=",", decimal=".")
    mark = "." if dots else ","
    groups = digits.split(mark)
    grouping = float(digits.replace(mark, "")) if _valid_grouping(groups) else None
    decimal = float(digits.replace(mark, ".")) if len(groups) == 2 else None
    # Vietnamese reading first: "." groups thousands, "," is the decimal mark.
    ordered = (grouping, decimal) if mark == "." else (decimal, grouping)
    return tuple(reading for reading in ordered if reading is not None)


def _reading_with_marks(digits: str, group: str, decimal: str) -> tuple[float, ...]:
    """The one reading of digits that use both marks: `group` between thousands, `decimal` before the fraction."""
    whole, _, fraction = digits.rpartition(decimal)
    if not _valid_grouping(whole.split(group)):
        return ()
    return (float(whole.replace(group, "") + "." + fraction),)


def _valid_grouping(groups: list[str]) -> bool:
    return len(groups) >= 2 and 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def find_numbers(text: str, offset: int = 0) -> list[NumberMention]:
    """Every number written in `text`, in order; positions shifted by `offset`
    (where `text` starts in a longer line).

    >>> [(m.text, m.value, m.scale) for m in find_numbers("đạt 35 triệu tài khoản, 14,96%")]
    [('35 triệu', 35.0, 1000000.0), ('14,96%', 14.96, 1.0)]
    """
    mentions = []
    for match in NUMBER_PATTERN.finditer(text):
        readings = readings_of(match["number"])
        if not readings:
            continue
        scale_word = match["scale"].lower() if match["scale"] else None
        denominator = None
        if match["denominator"]:
            denominator = readings_of(match["denominator"])[0]
        mentions.append(
            NumberMention(
                text=match.group(0),
                start=match.start() + offset,
                end=match.end() + offset,
                readings=readings,
                scale_word=scale_word,
                scale=SCALE_WORDS[scale_word] if scale_word else 1.0,
                percent=bool(match["percent"]),
                denominator=denominator,
            )
        )
    return mentions


def same_number(left: float, right: float) -> bool:
    return math.isclose(left, right, rel_tol=1e-9, abs_tol=1e-9)


def mention_states(mention: NumberMention, value: float, scale: float, absolute: bool = False) -> bool:
    """True when `mention` states `value` (in units of `scale`)."""
    if absolute:
        value = abs(value)
    return any(same_number(reading, value * scale) for reading in mention.scaled_readings)
