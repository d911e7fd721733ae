"""What readers take away: one row per observation, in the columns other tools rely on."""

from __future__ import annotations

import pandas as pd

EXPORT_COLUMNS = [
    "indicator_id",
    "sector",
    "reporting_unit",
    "period",
    "period_type",
    "period_start",
    "year",
    "value",
    "out_of",
    "qualifier",
    "unit",
    "unit_vi",
    "scale",
    "value_in_base_unit",
    "source_id",
    "quote",
    "note",
]


def export_frame(observations: pd.DataFrame) -> pd.DataFrame:
    """The export columns of an observations frame (see `indicators.frames`), with
    `period_start` as ISO text (YYYY-MM-DD)."""
    frame = observations.assign(note=observations["note_vi"])[EXPORT_COLUMNS].copy()
    frame["period_start"] = frame["period_start"].dt.strftime("%Y-%m-%d")
    return frame
