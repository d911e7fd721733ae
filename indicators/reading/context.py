"""The period in force at each sentence of a document, and the sentence that set it.

Rules, in reading order:
- the title's period (one period, or one of them with the others its other readings)
  governs the whole document; the lead and the body may replace it;
- a heading that states a period governs its section; a heading that states none ends
  what the sentences before it set, and the title's period is in force again;
- a sentence that states one period (its own, not a comparison, a target or a value in
  brackets) governs the sentences after it until a heading or another stated period;
  a sentence that states several leaves no period in force (the reader cannot tell);
- photo captions neither set nor end anything;
- "trong quý", "trong tháng", "trong năm", "trong 6 tháng" refer back to the latest
  period of that kind in force (the quarter of the title, not the month stated since).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indicators.period_mentions import PeriodMention
from indicators.periods import parse_period
from indicators.statements import MINISTRIES_GROUP


@dataclass(frozen=True)
class PeriodContext:
    """The period in force at a sentence: `label` (a registry period label), the words that
    state it, and `quote`, the sentence (or the title) that states it, verbatim (folded);
    `where` is "title", "heading", "sentence" or "present" (present-tense wording: the
    source's date, for the rest of that paragraph). With no period in force, `label` is None
    and `reason` says why."""

    label: str | None = None
    words: str = ""
    quote: str = ""
    where: str = ""
    line: int = 0
    reason: str = "no sentence before it does"
    also: tuple[str, ...] = ()  # other readings of the same words ("cuối năm 2023": 2023-12-31, or 2023)

    @property
    def labels(self) -> tuple[str, ...]:
        return ((self.label,) if self.label else ()) + self.also


NONE = PeriodContext()

# "trong quý", "trong tháng", "trong năm", "6 tháng": the period of that kind already in force
_BACK_REFERENCE = re.compile(
    r"\b(?:trong|của|cả)\s+(quý|tháng|năm|(?:6|sáu)\s+tháng)(?!\s*(?:\d|I|V|nay|đầu|cuối|tới|sau|trước|qua))",
    re.IGNORECASE,
)
_KIND_OF_WORD = {"quý": "quarter", "tháng": "month", "năm": "year"}


def stated(
    periods: list[PeriodMention], sentence: str, year: int | None
) -> list[tuple[PeriodMention, tuple[str, ...]]]:
    """The periods a sentence states as its own (no comparison, target, present or
    bracketed value), each with its labels (a day and month take `year`)."""
    found = []
    for mention in periods:
        if mention.role != "period" or _in_brackets(sentence, mention.start):
            continue
        labels = mention.resolved(year)
        if labels:
            found.append((mention, labels))
    return found


def one_period(found: list[tuple[PeriodMention, tuple[str, ...]]]) -> tuple[PeriodMention, tuple[str, ...]] | None:
    """The one period a list of stated periods gives (a stock's day and its year, as in
    "cuối năm 2023", count as one), or None when it gives none or several."""
    if not found:
        return None
    first, labels = found[0]
    for _, others in found[1:]:
        if others[0] != labels[0] and others[0] not in labels and labels[0] not in others:
            return None
    return first, labels


def referred(sentence: str, history: list[PeriodContext]) -> PeriodContext | None:
    """The period a back reference ("trong quý") names: the latest in `history` of its kind."""
    match = _BACK_REFERENCE.search(sentence)
    if match is None:
        return None
    word = match.group(1).lower()
    kind = "half-year" if "tháng" in word and word != "tháng" else _KIND_OF_WORD[word]
    for context in reversed(history):
        if context.label and _kind(context.label) == kind:
            return context
    return PeriodContext(reason=f"'{match.group(0)}' refers to a {kind} no heading or sentence before states")


def _kind(label: str) -> str:
    try:
        return parse_period(label).kind
    except ValueError:
        return "other"


def _in_brackets(sentence: str, at: int) -> bool:
    before = sentence[:at]
    return before.count("(") > before.count(")")


@dataclass(frozen=True)
class UnitContext:
    """A reporting unit a sentence names (`unit_id`), still the one spoken of at a later
    sentence of the same section that names none; `quote` is the sentence that names it."""

    unit_id: str
    words: str
    quote: str
    line: int


# "toàn tỉnh", "tỉnh đã ...", "của Bộ", "Bộ đã ...": the publisher's own unit, left unnamed
_OWN_UNIT = re.compile(
    r"\b(?:toàn\s+tỉnh|tỉnh|toàn\s+thành\s+phố|thành\s+phố|thủ\s+đô)\b(?!\s+(?-i:[A-ZĐÂÊÔƠƯ]))|(?<!\w)(?-i:Bộ)(?!\s*,?\s*(?-i:[A-ZĐ]))(?!\s+(?:ngành|trưởng)\b)",
    re.IGNORECASE,
)


def named_unit(statement, line: int, catalogue, current: UnitContext | None) -> UnitContext | None:
    """The unit in force after a sentence: the one it names (its only named unit, not a
    source, a place in brackets or a place below a province), none when it names several
    units or, after a unit other than a province, the publisher's own ("toàn tỉnh"), else the
    one in force before it (a province, spoken of again as "tỉnh")."""
    if names_no_unit(statement):
        return current
    named = [
        u
        for u in statement.units
        if u.unit_id and not u.local and not statement._unit_excluded(u) and not statement.announces(u, catalogue)
    ]
    distinct = list(dict.fromkeys(u.unit_id for u in named))
    local = any(u.local for u in statement.units)
    if not named and not local and current is not None and catalogue.level(current.unit_id) == "province":
        return current  # "Lai Châu xếp thứ 52/63. Toàn tỉnh hiện có ...": the province named before
    if _OWN_UNIT.search(statement.sentence) or len(distinct) != 1 or local:
        return None
    return UnitContext(distinct[0], named[0].text, statement.sentence, line)


def names_no_unit(statement) -> bool:
    """Whether a sentence names no unit at all: no place (sources and bracketed names
    count: they end what a sentence before named), and not the publisher's own ("toàn tỉnh")."""
    return (
        not statement.units
        and not _OWN_UNIT.search(statement.sentence)
        and not MINISTRIES_GROUP.search(statement.sentence)
    )
