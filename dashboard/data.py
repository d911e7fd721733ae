"""Loading, kept out of the rerun path: one load per change of the data files."""

from __future__ import annotations

import contextlib
import ctypes
import threading
import time
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
    correcting: frozenset[str] = frozenset()  # indicators shown with their last valid figures (see below)


# The last valid state of every indicator, per data folder, kept by this server: when a
# hand edit breaks a file, readers keep its card with the last valid figures, marked as
# being corrected (the problems themselves are on the registry-health page). One entry per
# indicator, replaced at every load and dropped when its file is removed: bounded by the registry.
# Each entry carries when its load started: loads of two versions run side by side, and the
# one that started later read every file as new or newer, whichever ends last.
_LAST_VALID: dict[str, dict[str, tuple]] = {}
_LAST_VALID_LOCK = threading.Lock()


def load_started() -> int:
    """The moment a load starts, to order loads (see `_with_last_valid`)."""
    return time.monotonic_ns()


def _with_last_valid(folder: str, registry: Registry, started: int) -> frozenset[str]:
    """Put back, in place, the last valid version of every indicator whose file now fails;
    returns their ids. `started`: when the load of `registry` started (`load_started`)."""
    with _LAST_VALID_LOCK:
        kept = _LAST_VALID.setdefault(folder, {})
        correcting = frozenset(indicator_id for indicator_id in registry.unloaded if indicator_id in kept)
        for indicator_id in correcting:
            _, registry.indicators[indicator_id], registry.rows[indicator_id], registry.files[indicator_id] = kept[
                indicator_id
            ]
        for indicator_id in set(kept) - set(registry.indicators) - set(registry.unloaded):
            if kept[indicator_id][0] <= started:
                del kept[indicator_id]
        for indicator_id, indicator in registry.indicators.items():
            if indicator_id not in correcting and (indicator_id not in kept or kept[indicator_id][0] <= started):
                kept[indicator_id] = (started, indicator, registry.rows[indicator_id], registry.files[indicator_id])
        return correcting


# Every save is a new load of the whole registry, on whichever thread runs the script; what
# the loads evicted from the cache free, the C allocator keeps in its per-thread arenas, in
# pieces too scattered to give back on its own: the server's resident memory grew with the
# number of saves. Before a load, at most once every TRIM_SECONDS, glibc's malloc_trim hands
# the free pages back (a few milliseconds; nothing where the C library is not glibc).
TRIM_SECONDS = 30.0
_trim_lock = threading.Lock()
_trimmed_at: float | None = None


def _glibc_trim() -> None:
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def hand_back_freed_memory(now: float | None = None) -> bool:
    """Trim the C allocator's free memory unless done in the last TRIM_SECONDS; True when done."""
    global _trimmed_at
    now = time.monotonic() if now is None else now
    with _trim_lock:
        if _trimmed_at is not None and now - _trimmed_at < TRIM_SECONDS:
            return False
        _trimmed_at = now
    _glibc_trim()
    return True


def data_dir() -> Path:
    return default_data_dir()


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(folder: str, stamp: str) -> Loaded:
    # Reuses the validation of unchanged files across restarts; large registries use every core.
    hand_back_freed_memory()
    started = load_started()
    registry = read_registry(Path(folder), cache=True)
    correcting = _with_last_valid(folder, registry, started)
    frame = registry.observations_frame
    return Loaded(registry, frame, stamp, reporting_units_of(frame), correcting)


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
