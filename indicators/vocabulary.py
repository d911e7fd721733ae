"""The registry's controlled vocabulary: scales, kinds, directions, period kinds
and qualifiers. Models, parsers, formatting and the dashboard all derive their
lists from here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """A unit multiplier: `million` means a value of 35 is 35 × 10^6."""

    name: str
    factor: float
    vi: str  # as a reader sees it: "triệu", "nghìn tỷ"
    en: str
    written: tuple[str, ...] = ()  # how texts write it: "nghìn", "ngàn"


SCALES: dict[str, Scale] = {
    scale.name: scale
    for scale in (
        Scale("one", 1.0, "", ""),
        Scale("thousand", 1e3, "nghìn", "thousand", ("nghìn", "ngàn")),
        Scale("million", 1e6, "triệu", "million", ("triệu",)),
        Scale("billion", 1e9, "tỷ", "billion", ("tỷ", "tỉ")),
        Scale("trillion", 1e12, "nghìn tỷ", "trillion", ("nghìn tỷ", "ngàn tỷ", "nghìn tỉ", "ngàn tỉ")),
        Scale("quadrillion", 1e15, "triệu tỷ", "quadrillion", ("triệu tỷ", "triệu tỉ")),
    )
}
SCALE_OF_FACTOR: dict[float, str] = {scale.factor: scale.name for scale in SCALES.values()}
# Every written scale word with its factor, longest first so "nghìn tỷ" wins over "nghìn".
SCALE_WORDS: dict[str, float] = dict(
    sorted(
        ((word, scale.factor) for scale in SCALES.values() for word in scale.written),
        key=lambda item: len(item[0]),
        reverse=True,
    )
)

KINDS = ("count", "amount", "share", "rank", "level", "score", "change")
"""count: a number of things; amount: money; share: a percentage; rank: a place
out of N (1 is best); level: a grade out of N; score: an index's value ("0,74 điểm");
change: a difference (may be negative)."""
NON_NEGATIVE_KINDS = frozenset({"count", "amount", "rank", "level"})
OUT_OF_KINDS = frozenset({"rank", "level"})

DIRECTIONS = ("higher-is-better", "lower-is-better")

PERIOD_KINDS = ("year", "half-year", "quarter", "month", "date", "range", "other")


@dataclass(frozen=True)
class Qualifier:
    """A hedge a source puts on a figure: "khoảng 35 triệu" is about 35 million."""

    code: str
    vi: str
    en: str
    written: tuple[str, ...]  # the words before a number that mean it, lower case


QUALIFIERS: dict[str, Qualifier] = {
    qualifier.code: qualifier
    for qualifier in (
        Qualifier("about", "khoảng", "about", ("khoảng", "ước đạt", "ước tính", "ước", "xấp xỉ", "chừng")),
        Qualifier("nearly", "gần", "nearly", ("gần",)),
        Qualifier("more-than", "hơn", "more than", ("hơn", "trên")),
        Qualifier("less-than", "dưới", "less than", ("dưới",)),
        Qualifier("at-least", "ít nhất", "at least", ("ít nhất", "tối thiểu")),
    )
}
