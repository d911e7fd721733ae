"""Where the server's memory goes, for a soak: `DASHBOARD_TRACEMALLOC=<file>` makes the app
trace allocations (`tracemalloc`, 12 frames) and append to `<file>`, every
`DASHBOARD_TRACEMALLOC_EVERY` seconds (default 60), the traced total and the 25 tracebacks
that grew most since the first report (after warm-up) and since the last one. Off by default:
tracing slows every allocation."""

from __future__ import annotations

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
        tracemalloc.start(FRAMES)
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


def _report(target: Path, every: float) -> None:
    filters = [
        tracemalloc.Filter(False, tracemalloc.__file__),
        tracemalloc.Filter(False, "<frozen importlib._bootstrap>"),
    ]
    first = previous = None
    started = time.monotonic()
    while True:
        time.sleep(every)
        snapshot = tracemalloc.take_snapshot().filter_traces(filters)
        traced, peak = tracemalloc.get_traced_memory()
        lines = [f"== at {time.monotonic() - started:.0f} s: traced {traced / 2**20:.1f} MiB (peak {peak / 2**20:.1f})"]
        if first is None:
            first = snapshot
        else:
            lines += ["-- since the first report:", *_differences(snapshot, first)]
            lines += ["-- since the last report:", *_differences(snapshot, previous)]
        previous = snapshot
        with target.open("a", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
