"""Where the server's memory goes, for a soak: `DASHBOARD_TRACEMALLOC=<file>` makes the app
trace allocations (`tracemalloc`, `DASHBOARD_TRACEMALLOC_FRAMES` frames, default 12) and
append to `<file>`, every `DASHBOARD_TRACEMALLOC_EVERY` seconds (default 60), the resident
memory before and after glibc's `malloc_trim`, the traced total and the growth since the
first report (after warm-up) and since the last one, summed by the project's nearest line
and by traceback. With 0 frames only the resident memory is reported. Off by default:
tracing slows every allocation."""

from __future__ import annotations

import ctypes
import os
import threading
import time
import tracemalloc
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


def _report(target: Path, every: float) -> None:
    filters = [
        tracemalloc.Filter(False, tracemalloc.__file__),
        tracemalloc.Filter(False, "<frozen importlib._bootstrap>"),
    ]
    first = previous = None
    started = time.monotonic()
    while True:
        time.sleep(every)
        if not tracemalloc.is_tracing():
            with target.open("a", encoding="utf-8") as out:
                out.write(f"== at {time.monotonic() - started:.0f} s: {_trimmed()}\n")
            continue
        snapshot = tracemalloc.take_snapshot().filter_traces(filters)
        traced, peak = tracemalloc.get_traced_memory()
        overhead = tracemalloc.get_tracemalloc_memory() / 2**20
        lines = [
            f"== at {time.monotonic() - started:.0f} s: traced {traced / 2**20:.1f} MiB (peak {peak / 2**20:.1f}, "
            f"tracing itself {overhead:.1f} MiB); {_trimmed()}"
        ]
        if first is None:
            first = snapshot
        else:
            lines += ["-- since the first report:", *_differences(snapshot, first)]
            lines += ["-- since the last report:", *_differences(snapshot, previous)]
        previous = snapshot
        with target.open("a", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
