"""Pure filter/aggregate functions over the observations frame."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

UNIT_LEVELS = ("national", "province", "ministry", "bloc")


@dataclass(frozen=True)
class Filters:
    """What a view shows: sectors, a range of years (inclusive), reporting-unit levels and,
    when not empty, only these reporting units."""

    sectors: tuple[str, ...]
    year_from: int
    year_to: int
    unit_levels: tuple[str, ...] = UNIT_LEVELS
    units: tuple[str, ...] = ()


def year_bounds(frame: pd.DataFrame) -> tuple[int, int]:
    if frame.empty:
        return (2000, 2000)
    return int(frame["year"].min()), int(frame["year"].max())


def filter_observations(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of an observations frame (see `indicators.frames`) that the filters keep:
    sector in `filters.sectors`, a period overlapping the years `year_from` to `year_to` (inclusive),
    reporting-unit level in `unit_levels`, and unit in `units` when that is not empty.
    Same columns, original order; never raises for empty filters (an empty frame)."""
    mask = (
        frame["sector"].isin(filters.sectors)
        & (frame["year"] <= filters.year_to)
        & (frame["period_end"].dt.year >= filters.year_from)  # a range of years counts for each year it covers
        & frame["reporting_unit_level"].isin(filters.unit_levels)
    )
    if filters.units:
        mask &= frame["reporting_unit"].isin(filters.units)
    return frame[mask]


def series_rows(frame: pd.DataFrame) -> np.ndarray:
    """A boolean mask: the rows that make up each unit's series, one per indicator,
    reporting unit and period: the figure that stands (see `indicators.series`) or,
    where the sources disagree and nothing says which stands, the first in file
    order (its `conflict` column is true). The other rows are further reports."""
    shown = frame["stands"].to_numpy(dtype=bool).copy()
    conflicted = np.flatnonzero(frame["conflict"].to_numpy(dtype=bool))
    if len(conflicted):
        keys = frame.iloc[conflicted][["indicator_id", "reporting_unit", "period", "per_year"]]
        shown[conflicted[~keys.duplicated().to_numpy()]] = True
    return shown


def headline_units(frame: pd.DataFrame) -> pd.DataFrame:
    """The reporting unit each indicator's card shows: the nation when it reports,
    else the unit with the most figures (ties: the first id). Columns
    `indicator_id`, `reporting_unit`."""
    counts = (
        frame.groupby(["indicator_id", "reporting_unit", "reporting_unit_level"], observed=True)
        .size()
        .reset_index(name="figures")
    )
    counts["national"] = counts["reporting_unit_level"] == "national"
    counts = counts.sort_values(
        ["indicator_id", "national", "figures", "reporting_unit"],
        ascending=[True, False, False, True],
        kind="stable",
    )
    return counts.drop_duplicates("indicator_id")[["indicator_id", "reporting_unit"]]


def kpi_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator: the latest figure of its headline unit's series (see
    `headline_units`, `series_rows`), the previous comparable one (same unit, same
    period type, an earlier period: never another source's figure for the same
    period) and that comparable history for a sparkline. The row's `conflict` says
    the sources disagree on the figure shown."""
    if frame.empty:
        return frame.assign(
            previous_value=pd.Series(dtype=float),
            previous_period=pd.Series(dtype=object),
            history=pd.Series(dtype=object),
        )
    series = frame[series_rows(frame)]
    chosen = pd.MultiIndex.from_frame(headline_units(series).astype(str))
    pairs = pd.MultiIndex.from_arrays([series["indicator_id"].astype(str), series["reporting_unit"].astype(str)])
    series = series[pairs.isin(chosen)]
    ordered = series.sort_values(["indicator_id", "period_start"], kind="stable", ignore_index=True)
    grouped = ordered.groupby(["indicator_id", "period_type"], sort=False, observed=True)
    ordered = ordered.assign(
        previous_value=grouped["value"].shift(1), previous_period=grouped["period"].shift(1).astype(object)
    )
    codes = grouped.ngroup().to_numpy()
    latest_rows = ordered.groupby("indicator_id", sort=False, observed=True).tail(1)
    # Each series' values in time order (the frame is sorted), cut per series: no Python per group.
    by_series = np.argsort(codes, kind="stable")
    cuts = np.cumsum(np.bincount(codes))[:-1]
    values = np.split(ordered["value"].to_numpy()[by_series], cuts)
    latest_codes = codes[latest_rows.index.to_numpy()]
    return latest_rows.assign(history=[values[code].tolist() for code in latest_codes]).reset_index(drop=True)


def observations_per(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Indicator and observation counts per sector, source, ..."""
    return (
        frame.groupby(column)
        .agg(indicators=("indicator_id", "nunique"), observations=("indicator_id", "size"))
        .reset_index()
        .sort_values("observations", ascending=False, kind="stable")
    )


def only_columns(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """`columns` of `frame`, categorical ones cut to the categories its rows use.

    A categorical column carries every category of the registry; sent to the browser
    as is, a chart of 100 points would ship the text of every source and indicator."""
    return frame[columns].apply(
        lambda column: (
            column.cat.remove_unused_categories() if isinstance(column.dtype, pd.CategoricalDtype) else column
        )
    )


def downsample_for_chart(frame: pd.DataFrame, max_points: int = 2000) -> pd.DataFrame:
    """Keep charts light: at most `max_points` rows, evenly spaced by date."""
    if len(frame) <= max_points:
        return frame
    step = len(frame) / max_points
    positions = [int(index * step) for index in range(max_points - 1)] + [len(frame) - 1]
    return frame.iloc[positions]
