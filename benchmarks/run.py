"""Load, validate, filter and export a synthetic registry; print figures as JSON.

    python benchmarks/run.py                      # 100k observations, side by side with the naive path
    python benchmarks/run.py --sizes 10000,100000,1000000 --no-naive
    python benchmarks/run.py --browser            # also time the dashboard's first chart on it

Each size is 100 observations per indicator file. Figures are seconds unless
named otherwise; ratios are measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import yaml  # noqa: E402

from benchmarks.synthetic import generate  # noqa: E402
from indicators import read_registry  # noqa: E402
from indicators.exports import csv_bytes, export_frame, xlsx_bytes  # noqa: E402
from indicators.models import Indicator  # noqa: E402
from indicators.numbers import find_numbers, mention_states  # noqa: E402
from indicators.query import Filters, downsample_for_chart, filter_observations, kpi_summary  # noqa: E402
from indicators.stamps import data_fingerprint  # noqa: E402
from indicators.text import fold  # noqa: E402

OUT = PROJECT / "benchmarks" / "out"
PER_FILE = 100


# A load in a new Python process, as the CLI or a restarted dashboard does it: no
# warm caches from an earlier load. Imports are not timed; the frame build is.
# Also its CPU time, the process's and its workers': on a shared machine the clock counts
# the time other programs held the cores, the CPU time does not.
FRESH_LOAD = """
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from indicators import read_registry
def cpu():
    return sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) for field in ("ru_utime", "ru_stime"))
started, cpu_started = time.perf_counter(), cpu()
frame = read_registry(sys.argv[2], workers=int(sys.argv[3]), cache=sys.argv[4] == "cache").observations_frame
print(time.perf_counter() - started, cpu() - cpu_started, len(frame))
"""


def load_in_new_process(data_dir: Path, workers: int, cache: bool = False) -> tuple[float, float]:
    """(seconds on the clock, CPU seconds) of a load in a new process."""
    command = [sys.executable, "-c", FRESH_LOAD, str(PROJECT), str(data_dir), str(workers), "cache" if cache else "-"]
    seconds, cpu_seconds, rows = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split()
    assert int(rows) > 0
    return float(seconds), float(cpu_seconds)


def timed(function, repeat: int = 1):
    """(best seconds of `repeat` runs, last result)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def naive_load(data_dir: Path) -> int:
    """Pure-Python YAML, pydantic per object, the full citation check per observation."""
    folded_sources = {
        path.stem: fold(path.read_text(encoding="utf-8")) for path in (data_dir / "sources").glob("*.txt")
    }
    observations = 0
    for path in sorted((data_dir / "registry").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)  # noqa: S506 - SafeLoader
        indicator = Indicator.model_validate(data)
        for observation in indicator.observations:
            assert fold(observation.quote) in folded_sources[observation.source]
            mentions = find_numbers(observation.quote)
            assert any(mention_states(m, observation.value, indicator.scale_factor) for m in mentions)
            observations += 1
    return observations


def one_rerun(frame, indicator_id: str, years: tuple[int, int]) -> int:
    """The data work of one dashboard rerun: filter, the overview's KPI summary
    of every indicator, one chart's points."""
    filters = Filters(tuple(frame["sector"].unique()), years[0], years[1])
    filtered = filter_observations(frame, filters)
    summary = kpi_summary(filtered)
    chart = downsample_for_chart(filtered[filtered.indicator_id == indicator_id])
    return len(summary) + len(chart)


def measure(size: int, naive: bool) -> dict:
    files = max(1, size // PER_FILE)
    data_dir = OUT / f"registry-{size}"
    if not (data_dir / "registry").is_dir() or len(list((data_dir / "registry").glob("*.yaml"))) != files:
        generate(data_dir, files, PER_FILE)
    figures: dict = {"observations": size, "files": files}

    workers = os.cpu_count() or 1

    def new_process(key: str, *arguments, **options) -> None:
        seconds, cpu_seconds = load_in_new_process(data_dir, *arguments, **options)
        figures[f"{key}_s"], figures[f"{key}_cpu_s"] = round(seconds, 3), round(cpu_seconds, 3)

    new_process("cold_load_validate", 1)
    new_process(f"cold_load_validate_{workers}_processes", workers)

    cache_folder = OUT / f"cache-{size}"
    shutil.rmtree(cache_folder, ignore_errors=True)
    os.environ["INDICATORS_CACHE"] = str(cache_folder)
    new_process("cold_with_cache_miss", workers, cache=True)
    new_process("cold_with_on_disk_cache", workers, cache=True)
    edited = sorted((data_dir / "registry").glob("*.yaml"))[0]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("observations:\n", "observations:\n", 1) + "# touched\n", encoding="utf-8")
    new_process("cold_one_file_changed", workers, cache=True)
    edited.write_text(text, encoding="utf-8")

    # the largest of the loads above, each a new process (with its workers): what a load costs alone
    figures["load_peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)

    registry = read_registry(data_dir, workers=workers)  # for the steps that follow a load
    frame = registry.observations_frame
    assert not registry.problems and len(frame) == size

    cache = {data_fingerprint(data_dir): registry}
    warm, hit = timed(lambda: cache.get(data_fingerprint(data_dir)), repeat=5)
    assert hit is registry
    figures["warm_load_s"] = round(warm, 4)

    years = (int(frame["year"].max()) - 5, int(frame["year"].max()))
    rerun, _ = timed(lambda: one_rerun(frame, frame["indicator_id"].iloc[0], years), repeat=5)
    figures["filtered_rerun_s"] = round(rerun, 4)

    export, _ = timed(lambda: csv_bytes(export_frame(registry.observations_frame)))
    figures["export_csv_s"] = round(export, 3)
    if size <= 100_000:  # the workbook is written cell by cell in Python: minutes at a million
        workbook, _ = timed(lambda: xlsx_bytes(export_frame(registry.observations_frame)))
        figures["export_xlsx_s"] = round(workbook, 3)

    if naive:
        cpu_started = time.process_time()
        naive_seconds, counted = timed(lambda: naive_load(data_dir))
        assert counted == size
        figures["naive_load_validate_s"] = round(naive_seconds, 3)
        figures["naive_load_validate_cpu_s"] = round(time.process_time() - cpu_started, 3)
        figures["cpu_speedup_cold_vs_naive"] = round(
            figures["naive_load_validate_cpu_s"] / figures["cold_load_validate_cpu_s"], 1
        )
        figures["speedup_cold_vs_naive"] = round(naive_seconds / figures["cold_load_validate_s"], 1)
        figures[f"speedup_{workers}_processes_vs_naive"] = round(
            naive_seconds / figures[f"cold_load_validate_{workers}_processes_s"], 1
        )
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    figures["peak_rss_mib"] = round(peak / 1024, 1)
    return figures


def browser_first_chart(size: int, repeat: int = 5) -> dict:
    """Start the dashboard on the synthetic registry and time its first chart in Chromium.

    The machine is noisy, so new-browser figures are medians of `repeat` fresh contexts,
    taken in turn with a one-chart Streamlit app (`floor_app.py`) as the floor."""
    sys.path.insert(0, str(PROJECT / "tests"))
    sys.path.insert(0, str(PROJECT / "tests" / "dashboard"))
    from playwright.sync_api import sync_playwright
    from test_browser import CHART_DRAWN, Server

    from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS

    server = Server(OUT / f"registry-{size}")
    floor = Server(script="benchmarks/floor_app.py")
    indicator = "/indicator?indicator=synthetic-00000"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

            def visit(page, url: str, ready: str) -> float:
                started = time.perf_counter()
                page.goto(url)
                page.wait_for_selector(ready, timeout=120_000)
                return round(time.perf_counter() - started, 2)

            def visit_new_browser(url: str, ready: str) -> float:
                context = browser.new_context()  # closed after, so no open session loads the next one
                try:
                    return visit(context.new_page(), url, ready)
                finally:
                    context.close()

            # A reader's first visit after a restart: the server loads the registry.
            reader = browser.new_context().new_page()
            timings = {"overview_first_metric_after_restart_s": visit(reader, server.url, '[data-testid="stMetric"]')}
            visit_new_browser(floor.url, CHART_DRAWN)  # the floor app's first run, not timed
            # New browsers (no cached scripts): the overview, a shared link to a chart, the floor app.
            cards, fresh, floors = [], [], []
            for _ in range(repeat):
                cards.append(visit_new_browser(server.url, '[data-testid="stMetric"]'))
                fresh.append(visit_new_browser(server.url + indicator, CHART_DRAWN))
                floors.append(visit_new_browser(floor.url, CHART_DRAWN))
            timings["overview_first_card_new_browser_s"] = statistics.median(cards)
            timings["indicator_first_chart_new_browser_s"] = statistics.median(fresh)
            timings["indicator_first_chart_new_browser_all_s"] = sorted(fresh)
            timings["one_chart_streamlit_app_new_browser_s"] = statistics.median(floors)
            timings["indicator_vs_one_chart_app"] = round(statistics.median(fresh) / statistics.median(floors), 2)
            # The first reader following a link: scripts cached, registry loaded.
            again = [visit(reader, server.url + indicator, CHART_DRAWN) for _ in range(repeat)]
            timings["indicator_first_chart_returning_reader_s"] = statistics.median(again)
            browser.close()
            return timings
    finally:
        server.stop()
        floor.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000", help="comma-separated observation counts")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive path (slow at large sizes)")
    parser.add_argument("--browser", action="store_true", help="time the dashboard's first chart on the largest size")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    results = {"cpu_count": os.cpu_count(), "python": sys.version.split()[0], "sizes": []}
    for size in sizes:
        results["sizes"].append(measure(size, naive=not arguments.no_naive and size <= 100_000))
    if arguments.browser:
        results["browser"] = browser_first_chart(max(sizes))
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
