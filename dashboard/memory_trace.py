"""Where the server's memory goes, for a soak: `DASHBOARD_TRACEMALLOC=<file>` makes the app
trace allocations (`tracemalloc`, `DASHBOARD_TRACEMALLOC_FRAMES` frames, default 12) and
append to `<file>`, every `DASHBOARD_TRACEMALLOC_EVERY` seconds (default 60), the resident
memory before and after glibc's `malloc_trim`, the traced total and the growth since the
first report (after warm-up) and since the last one, summed by the project's nearest line
and by traceback. Every report also counts what tracing cannot see or is too slow to
group on a busy server: live Python objects by type (the growth since the first report),
the bytes Arrow holds outside Python's allocator and Streamlit's own statistics (its
caches, session states, media files), by family. With 0 frames only these counts and the
resident memory are reported. Off by default: tracing slows every allocation."""

from __future__ import annotations

import ctypes
import gc
import os
import threading
import time
import tracemalloc
from collections import Counter
from pathlib import Path

FRAMES = 12
TOP = 25
_started = threading.Lock()
_thread: threading.Thread | None = None


def start_from_environment() -> None:
    """Start tracing once per process when `DASHBOARD_TRACEMALLOC` names a file; else nothing."""
    global _thread
    target = os.environ.get("DASHBOARD_TRACEMALLOC")
    if not target:
        return
    with _started:
        if _thread is not None:
            return
        every = float(os.environ.get("DASHBOARD_TRACEMALLOC_EVERY", "60"))
        frames = int(os.environ.get("DASHBOARD_TRACEMALLOC_FRAMES", FRAMES))
        if frames:  # 0: only the resident memory, before and after malloc_trim (tracing inflates it)
            tracemalloc.start(frames)
        _thread = threading.Thread(target=_report, args=(Path(target), every), daemon=True, name="memory-trace")
        _thread.start()


PROJECT = str(Path(__file__).resolve().parent.parent)


def _by_project_frame(stats: list[tracemalloc.StatisticDiff]) -> list[str]:
    """The growth summed by the project's line nearest to each allocation (the library
    frames below it folded in), largest first."""
    grown: dict[str, list[int]] = {}
    for stat in stats:
        ours = [
            frame for frame in stat.traceback if frame.filename.startswith(PROJECT) and "/.venv/" not in frame.filename
        ]
        where = f"{ours[-1].filename}:{ours[-1].lineno}" if ours else "(outside the project)"
        total = grown.setdefault(where, [0, 0])
        total[0] += stat.size_diff
        total[1] += stat.count_diff
    ranked = sorted(grown.items(), key=lambda item: -abs(item[1][0]))[:TOP]
    return [f"  {size / 1024:+10.1f} KiB {count:+8d} blocks  {where}" for where, (size, count) in ranked]


def _differences(snapshot: tracemalloc.Snapshot, earlier: tracemalloc.Snapshot) -> list[str]:
    stats = snapshot.compare_to(earlier, "traceback")
    lines = ["  (by the project's nearest line)", *_by_project_frame(stats), "  (by traceback)"]
    for stat in stats[:TOP]:
        lines.append(
            f"  {stat.size_diff / 1024:+10.1f} KiB {stat.count_diff:+8d} blocks (now {stat.size / 1024:.1f} KiB)"
        )
        lines += [f"      {frame.filename}:{frame.lineno}" for frame in stat.traceback[-FRAMES:]]
    return lines


def rss_mib() -> float | None:
    """This process's resident memory in MiB (Linux `/proc`), None where unknown."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    line = next((line for line in status.splitlines() if line.startswith("VmRSS:")), None)
    return int(line.split()[1]) / 1024 if line else None


def _trimmed() -> str:
    """RSS before and after glibc's `malloc_trim(0)` (memory freed but kept by the C
    allocator is handed back): a large drop means the growth was not live objects."""
    before = rss_mib()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        return f"RSS {before} MiB (no glibc malloc_trim here)"
    return f"RSS {before:.1f} MiB, after malloc_trim {rss_mib():.1f} MiB"


def object_counts() -> Counter:
    """Objects of the garbage collector's oldest generation (what lives on), by type name.
    Only that generation: a listing of the young ones can catch a tuple still being built
    in another thread, whose resize then fails (SystemError in `_PyTuple_Resize`)."""
    return Counter(type(thing).__qualname__ for thing in gc.get_objects(generation=2))


def census(counts: Counter, first: Counter) -> list[str]:
    """Object types that grew most since `first`, Arrow's bytes and Streamlit's statistics."""
    grown = sorted(((counts[name] - first.get(name, 0), name) for name in counts), reverse=True)[:TOP]
    lines = ["  (objects by type, growth since the first report)"]
    lines += [f"  {growth:+10d} now {counts[name]:9d}  {name}" for growth, name in grown if growth > 0]
    try:
        import pyarrow

        lines.append(f"  arrow: {pyarrow.total_allocated_bytes() / 2**20:.1f} MiB allocated")
    except ImportError:
        pass
    try:
        from streamlit.runtime import Runtime

        families = Runtime.instance().stats_mgr.get_stats()
    except Exception as error:  # no runtime (a test), or a statistic that failed: say so
        return [*lines, f"  streamlit statistics: {type(error).__name__}: {error}"]
    for family, stats in sorted(families.items()):
        sizes = [getattr(stat, "byte_length", None) for stat in stats]
        if any(size is not None for size in sizes):
            total = sum(size or 0 for size in sizes)
            lines.append(f"  streamlit {family}: {len(stats)} entries, {total / 2**20:.1f} MiB")
        else:
            values = [getattr(stat, "value", None) for stat in stats]
            lines.append(f"  streamlit {family}: {[value for value in values if value is not None][:8]}")
    return lines


def _report(target: Path, every: float) -> None:
    filters = [
        tracemalloc.Filter(False, tracemalloc.__file__),
        tracemalloc.Filter(False, "<frozen importlib._bootstrap>"),
    ]
    first = previous = None
    first_counts: Counter | None = None
    started = time.monotonic()
    while True:
        time.sleep(every)
        counts = object_counts()
        first_counts = first_counts or counts
        if not tracemalloc.is_tracing():
            lines = [f"== at {time.monotonic() - started:.0f} s: {_trimmed()}", *census(counts, first_counts)]
            with target.open("a", encoding="utf-8") as out:
                out.write("\n".join(lines) + "\n")
            continue
        snapshot = tracemalloc.take_snapshot().filter_traces(filters)
        traced, peak = tracemalloc.get_traced_memory()
        overhead = tracemalloc.get_tracemalloc_memory() / 2**20
        lines = [
            f"== at {time.monotonic() - started:.0f} s: traced {traced / 2**20:.1f} MiB (peak {peak / 2**20:.1f}, "
            f"tracing itself {overhead:.1f} MiB); {_trimmed()}",
            *census(counts, first_counts),
        ]
        if first is None:
            first = snapshot
        else:
            lines += ["-- since the first report:", *_differences(snapshot, first)]
            lines += ["-- since the last report:", *_differences(snapshot, previous)]
        previous = snapshot
        with target.open("a", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
