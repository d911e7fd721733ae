"""Progress towards targets: is a reporting unit's series on the linear path from its
baseline figure to the target?

The method (as the SDG progress assessments do, with a linear path):
- baseline: the unit's earliest standing figure; latest: its newest one (by the end of
  their periods); the target is due at the end of its year;
- expected: where a straight line from the baseline to the target stands at the latest
  figure's date;
- ratio: the progress made (latest - baseline) over the progress expected
  (expected - baseline); the same in either direction (a target below the baseline);
- status: `reached` when the latest figure meets the target (in the indicator's
  direction); `on-track` when the ratio is at least 1 (at or ahead of the path);
  `needs-acceleration` from 0.5 to 1; `off-track` below 0.5 (moving away included), or
  when the target's year has ended unmet; `no-baseline` with fewer than two figures
  before the target's year ends, where no path can be drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from indicators.models import IndicatorInfo, Target
from indicators.query import series_rows

ON_TRACK_FROM = 1.0
ACCELERATE_FROM = 0.5
STATUSES = ("reached", "on-track", "needs-acceleration", "off-track", "no-baseline")


@dataclass(frozen=True)
class TargetProgress:
    """One target's assessment; the figures are in the indicator's units (its scale)."""

    target: Target
    unit_id: str
    status: str  # one of STATUSES
    baseline_value: float | None = None
    baseline_period: str | None = None
    latest_value: float | None = None
    latest_period: str | None = None
    expected_value: float | None = None  # on the linear path, at the latest figure's date
    ratio: float | None = None  # progress made / progress expected


def due_day(target: Target) -> date:
    return date(target.year, 12, 31)


def assess(indicator: IndicatorInfo, target: Target, series: pd.DataFrame) -> TargetProgress:
    """The progress of `target` from `series`: the standing figures of the indicator for
    the target's unit (columns `value`, `period`, `period_end`), in any order."""
    unit_id = indicator.target_unit(target)
    ordered = series.dropna(subset=["value"]).sort_values("period_end", kind="stable")
    if ordered.empty:
        return TargetProgress(target, unit_id, "no-baseline")
    first, last = ordered.iloc[0], ordered.iloc[-1]
    latest = {"latest_value": float(last["value"]), "latest_period": str(last["period"])}
    higher = indicator.direction == "higher-is-better"
    if (last["value"] >= target.value) if higher else (last["value"] <= target.value):
        return TargetProgress(target, unit_id, "reached", **latest)
    start, now, due = _day(first["period_end"]), _day(last["period_end"]), due_day(target)
    if now >= due:
        return TargetProgress(target, unit_id, "off-track", **latest)
    if len(ordered) < 2 or now <= start:
        return TargetProgress(target, unit_id, "no-baseline", **latest)
    baseline = float(first["value"])
    expected = baseline + (target.value - baseline) * (now - start).days / (due - start).days
    ratio = (float(last["value"]) - baseline) / (expected - baseline) if expected != baseline else 1.0
    status = "on-track" if ratio >= ON_TRACK_FROM else "needs-acceleration" if ratio >= ACCELERATE_FROM else "off-track"
    return TargetProgress(
        target,
        unit_id,
        status,
        baseline_value=baseline,
        baseline_period=str(first["period"]),
        expected_value=expected,
        ratio=ratio,
        **latest,
    )


def _day(value) -> date:
    return pd.Timestamp(value).date()


def targets_progress(indicators: dict[str, IndicatorInfo], frame: pd.DataFrame) -> list[tuple[str, TargetProgress]]:
    """(indicator id, progress) of every target of `indicators`, assessed on the standing
    figures of `frame` (see `indicators.query.series_rows`), in file order."""
    standing = frame[series_rows(frame)] if not frame.empty else frame
    groups = {
        key: rows
        for key, rows in standing.assign(
            indicator_id=standing["indicator_id"].astype(str), reporting_unit=standing["reporting_unit"].astype(str)
        ).groupby(["indicator_id", "reporting_unit"], observed=True)
    }
    empty = pd.DataFrame(columns=["value", "period", "period_end"])
    found = []
    for indicator_id, indicator in indicators.items():
        for _, target in indicator.all_targets():
            series = groups.get((indicator_id, indicator.target_unit(target)), empty)
            found.append((indicator_id, assess(indicator, target, series)))
    return found
