"""Pure filter/aggregate functions over the observations frame."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

GEOGRAPHY_LEVELS = ("national", "province")


@dataclass(frozen=True)
class Filters:
    sectors: tuple[str, ...]
    year_from: int
    year_to: int
    geography_levels: tuple[str, ...] = GEOGRAPHY_LEVELS


def year_bounds(frame: pd.DataFrame) -> tuple[int, int]:
    if frame.empty:
        return (2000, 2000)
    return int(frame["year"].min()), int(frame["year"].max())


def filter_observations(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    mask = (
        frame["sector"].isin(filters.sectors)
        & frame["year"].between(filters.year_from, filters.year_to)
        & frame["geography_level"].isin(filters.geography_levels)
    )
    return frame[mask]


def kpi_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator: its latest observation, the previous comparable
    one (same period type, earlier) and the comparable history for a sparkline."""
    if frame.empty:
        return frame.assign(previous_value=pd.Series(dtype=float), history=pd.Series(dtype=object))
    ordered = frame.sort_values(["indicator_id", "period_start"], kind="stable")
    groups = ordered.groupby(["indicator_id", "period_type"], sort=False)["value"]
    ordered = ordered.assign(previous_value=groups.shift(1))
    histories = groups.agg(list).rename("history")
    latest = ordered.groupby("indicator_id", sort=False).tail(1)
    latest = latest.join(histories, on=["indicator_id", "period_type"])
    return latest.reset_index(drop=True)


def observations_per(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Indicator and observation counts per sector, source, ..."""
    return (
        frame.groupby(column)
        .agg(indicators=("indicator_id", "nunique"), observations=("indicator_id", "size"))
        .reset_index()
        .sort_values("observations", ascending=False, kind="stable")
    )


def downsample_for_chart(frame: pd.DataFrame, max_points: int = 2000) -> pd.DataFrame:
    """Keep charts light: at most `max_points` rows, evenly spaced by date."""
    if len(frame) <= max_points:
        return frame
    step = len(frame) / max_points
    positions = [int(index * step) for index in range(max_points - 1)] + [len(frame) - 1]
    return frame.iloc[positions]
