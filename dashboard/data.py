"""Loading, kept out of the rerun path: one load per change of the data files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators import Registry, default_data_dir, read_registry
from indicators.coverage import Claim, coverage_report
from indicators.history import FigureChange, figure_changes
from indicators.problems import Problem
from indicators.stamps import data_fingerprint
from indicators.text import alphabetical_key


@dataclass(frozen=True)
class Loaded:
    registry: Registry
    frame: pd.DataFrame
    fingerprint: str
    units: pd.DataFrame  # one row per reporting unit the data has: id, level, name_vi, name_en


def data_dir() -> Path:
    return default_data_dir()


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(folder: str, stamp: str) -> Loaded:
    # Reuses the validation of unchanged files across restarts; large registries use every core.
    registry = read_registry(Path(folder), cache=True)
    frame = registry.observations_frame
    return Loaded(registry, frame, stamp, reporting_units_of(frame))


def reporting_units_of(frame: pd.DataFrame) -> pd.DataFrame:
    """The reporting units of an observations frame, by level, then Vietnamese name."""
    columns = ["reporting_unit", "reporting_unit_level", "reporting_unit_vi", "reporting_unit_en"]
    units = frame[columns].drop_duplicates("reporting_unit").astype(str)
    units.columns = ["id", "level", "name_vi", "name_en"]
    return units.sort_values(
        ["level", "name_vi"],
        key=lambda column: column.map(alphabetical_key) if column.name == "name_vi" else column,
        kind="stable",
        ignore_index=True,
    )


@st.cache_resource(max_entries=4, show_spinner=False)
def _coverage(folder: str, stamp: str) -> tuple[list[Claim], list[Problem]]:
    return coverage_report(_load(folder, stamp).registry)


def current() -> Loaded:
    folder = data_dir()
    return _load(str(folder), data_fingerprint(folder))


def current_registry() -> tuple[Registry, str]:
    """The loaded registry and its fingerprint (for threads outside a script run)."""
    loaded = current()
    return loaded.registry, loaded.fingerprint


def coverage_of(loaded: Loaded) -> tuple[list[Claim], list[Problem]]:
    """The coverage report of a loaded registry, computed once per data change."""
    return _coverage(str(loaded.registry.data_dir), loaded.fingerprint)


@st.cache_resource(max_entries=4, show_spinner=False)
def _changes(folder: str, stamp: str) -> list[FigureChange]:
    return figure_changes(Path(folder))


def changes_of(loaded: Loaded) -> list[FigureChange]:
    """Every figure change the edit log records, newest first, computed once per data change."""
    return _changes(str(loaded.registry.data_dir), loaded.fingerprint)
