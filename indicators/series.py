"""Many sources, one series: which observation stands for each reporting unit and period.

Observations of one indicator are grouped by (reporting unit, period, per year): a
rate per year (`per_year: true`) and a level of the same period are two series. In a group:
- values equal after rounding to the coarser of their precisions ("35 triệu" and
  "35,2 triệu") agree: one stands, the others are "also reported by";
- different values conflict, unless the file says which stands: one observation marked
  `preferred: true`, or one with `status: revised`, or a later release by the same
  publisher (a revision: the latest stands). An unresolved conflict is reported as a
  warning (`conflicting-values`) and no observation of the group stands above the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from itertools import combinations


@dataclass(frozen=True)
class Member:
    """What grouping needs to know of one observation (by its index in the file)."""

    index: int
    unit: str
    period: str
    value: float
    out_of: float | None
    preferred: bool
    status: str | None
    publisher: str | None
    published: date | None
    source: str
    per_year: bool = False  # a rate per year of the period, never the same series as a level


def series_key(member: Member) -> tuple[str, str, bool]:
    """What makes one figure of a series: reporting unit, period, and whether it is a per-year rate."""
    return member.unit, member.period, member.per_year


@dataclass(frozen=True)
class Standing:
    """One observation's place in its group."""

    stands: bool  # the figure shown for its unit and period
    agreeing: int  # how many other sources give the same value
    conflict: bool  # the group's values differ and the file does not say which stands
    reason: str = ""  # why it stands over the others ("preferred", "revised", "later release", "")


def group_standing(members: list[Member]) -> dict[int, Standing]:
    """The standing of every member, by index."""
    groups: dict[tuple[str, str, bool], list[Member]] = {}
    for member in members:
        groups.setdefault(series_key(member), []).append(member)
    standing: dict[int, Standing] = {}
    for group in groups.values():
        standing.update(_standing_in(group))
    return standing


def conflicts(members: list[Member]) -> list[list[Member]]:
    """The groups whose values differ with nothing saying which stands."""
    groups: dict[tuple[str, str, bool], list[Member]] = {}
    for member in members:
        groups.setdefault(series_key(member), []).append(member)
    return [group for group in groups.values() if len(group) > 1 and _standing_in(group)[group[0].index].conflict]


def preferred_twice(members: list[Member]) -> list[list[Member]]:
    """Groups where more than one observation is marked preferred."""
    groups: dict[tuple[str, str, bool], list[Member]] = {}
    for member in members:
        if member.preferred:
            groups.setdefault(series_key(member), []).append(member)
    return [group for group in groups.values() if len(group) > 1]


def _standing_in(group: list[Member]) -> dict[int, Standing]:
    if len(group) == 1:
        return {group[0].index: Standing(True, 0, False)}
    if _all_agree(group):
        first = group[0]
        return {member.index: Standing(member is first, len(group) - 1, False) for member in group}
    winner, reason = _decided(group)
    if winner is None:
        return {member.index: Standing(False, 0, True) for member in group}
    agreeing = sum(1 for member in group if member is not winner and _agree(member, winner))
    return {
        member.index: Standing(
            member is winner, agreeing if member is winner else 0, False, reason if member is winner else ""
        )
        for member in group
    }


def _decided(group: list[Member]) -> tuple[Member | None, str]:
    preferred = [member for member in group if member.preferred]
    if len(preferred) == 1:
        return preferred[0], "preferred"
    revised = [member for member in group if member.status == "revised"]
    if len(revised) == 1:
        return revised[0], "revised"
    publishers = {member.publisher for member in group}
    dated = [member for member in group if member.published is not None]
    if len(publishers) == 1 and None not in publishers and len(dated) == len(group):
        latest = max(dated, key=lambda member: member.published)
        if sum(member.published == latest.published for member in dated) == 1:
            return latest, "later release"
    return None, ""


def _all_agree(group: list[Member]) -> bool:
    """Every two agree: agreeing with the first is not enough (35 agrees with 35,4
    and with 34,6, which disagree), and the answer must not depend on file order."""
    return all(_agree(left, right) for left, right in combinations(group, 2))


def _agree(left: Member, right: Member) -> bool:
    """Equal after rounding both to the coarser precision of the two."""
    if (left.out_of is None) != (right.out_of is None):
        return False
    if left.out_of is not None and not _same_rounded(left.out_of, right.out_of):
        return False
    return _same_rounded(left.value, right.value)


def _same_rounded(left: float, right: float) -> bool:
    digits = min(_decimals(left), _decimals(right))
    return _rounded(left, digits) == _rounded(right, digits)


_EXACT = Context(prec=400)  # enough digits for any float written out


def _rounded(value: float, digits: int) -> Decimal:
    """The value as written (35.5, not its binary neighbour) rounded half away from zero,
    as publications round: 36,5 -> 37 and 14,25 -> 14,3 (Python's `round` gives 36 and 14,2)."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP, context=_EXACT)


def _decimals(value: float) -> int:
    """Decimal places as the value is written: 35 -> 0, 35.2 -> 1, 14.96 -> 2."""
    text = repr(float(value))
    if "e" in text:
        return 0
    whole, _, fraction = text.partition(".")
    return 0 if fraction == "0" else len(fraction)
