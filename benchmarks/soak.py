"""Soak: the dashboard under readers and a writer at once; print the result as JSON.

    python -m benchmarks.soak                          # 60 s, 4 browser sessions
    python -m benchmarks.soak --seconds 300 --sessions 6 --keep /tmp/soak
    python -m benchmarks.soak --seconds 480 --sessions 2 --trace /tmp/trace.txt  # what grows

What runs, all against a copy of `data/` in a temporary folder:

- `streamlit run dashboard/app.py` on a free 127.0.0.1 port, with `INDICATORS_DATA`
  at the copy and a private `INDICATORS_CACHE`; error details are shown in full
  (`.streamlit/config.toml` hides them from readers) so an exception's message can
  be reported.
- A writer process (`--writer`) saving registry files through `indicators.editing`
  with the local user as author: valid edits (a note, CRLF line ends, decomposed
  Unicode, the original text back) and invalid ones (a value the quote does not
  state, a value of the wrong type, an unknown sector, broken YAML, a duplicate
  key, an empty file), so files flip between valid and invalid. Now and then it
  breaks every file holding the earliest year, so the year range shrinks under
  open sessions, and it saves over a stale draft, which must be refused
  (ConflictError). Every save is classified by `editing.check_text`; a save whose
  class differs from the one intended is reported as a surprise.
- N Chromium sessions (browser contexts, run concurrently) cycling the pages of
  `PAGES` (the navigation has more): by link (a new Streamlit session, with `?indicator=` or
  `?source=`, sometimes in English), by the sidebar's navigation (the same
  session, its filters seeded before the data changed) and by switching the
  language. After each load has settled (no running indicator, no stale element)
  the page is checked for an exception box and for the app's "page failed"
  message; an indicator page (over every year) must show the note its file held
  from before the load to after it (otherwise the load is reported as stale), and
  the registry-health page must find the edit log's chain intact (only
  `save_text` writes it), otherwise an edit-log alarm is reported.

Past `--seconds` the readers (and the writer) go on until every page has loaded at
least once, for at most `overtime` seconds. At the end the server must still be running and answer `/_stcore/health`, and
the edit log's chain must hold with one entry per accepted save. Tracebacks in
the server's log are summarised in `server.log_errors`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

DATA = PROJECT / "data"
# The pages of dashboard/app.py's navigation (the editor only exists with DASHBOARD_EDIT=1).
PAGES = ("overview", "indicator", "rankings", "sources", "changes", "health")
# How a reader reaches the next page: a link (a new Streamlit session), the sidebar's navigation
# (the same session), or the language switch (the same page again); drawn with these weights.
MODES = ("link", "link", "navigation", "navigation", "language")
LANGUAGES = ("vi", "en")  # the order of dashboard.i18n's labels
LANGUAGE_BUTTONS = {"Tiếng Việt": "vi", "English": "en"}  # the sidebar's language switch
LOAD_TIMEOUT_S = 90  # one load on a busy 2-core machine: generous on purpose
SETTLED_FOR_S = 1.0  # how long a page must stay idle before it is inspected
EXCEPTION = '[data-testid="stException"]'
RUNNING = '[data-testid="stStatusWidget"]'  # shown while a script run is in progress
STALE = '[data-stale="true"]'  # elements of the previous run, until the new one replaces them
TITLE = '[data-testid="stMain"] h1'
LANGUAGE_SWITCH = '[data-testid="stSidebar"] [data-testid="stButtonGroup"] button[role="radio"]'


# --- the writer -------------------------------------------------------------------------


def _value_not_stated(data) -> None:
    observation = data["observations"][0]
    observation["value"] = observation["value"] * 10 + 7  # no quote states 10x+7 of its own figure


def _wrong_type(data) -> None:
    data["observations"][0]["value"] = "nhiều"


def _unknown_sector(data) -> None:
    data["sector"] = "soak-no-such-sector"


INVALID_DATA_EDITS = {
    "value_not_in_quote": _value_not_stated,
    "wrong_type": _wrong_type,
    "unknown_sector": _unknown_sector,
}
INVALID_TEXT_EDITS = {
    "broken_yaml": lambda text: re.sub(r"(?m)^sector: ", "sector: [", text, count=1),
    "duplicate_key": lambda text: text + "kind: count\n",
    "empty_file": lambda text: "",
}


NOTE_REST_S = 30


def note_token(number: int) -> str:
    return f"Soak note {number}"


class Writer:
    """Saves registry files of one data folder the way an editor would, and counts."""

    def __init__(self, data_dir: Path, state_path: Path, seed: int):
        from indicators import read_registry
        from indicators.edit_log import local_author

        self.rng = random.Random(seed)
        self.registry = read_registry(data_dir, workers=1, cache=False)
        self.author = local_author()
        self.state_path = state_path
        self.paths = {indicator_id: Path(path) for indicator_id, path in sorted(self.registry.files.items())}
        self.originals = {indicator_id: path.read_text(encoding="utf-8") for indicator_id, path in self.paths.items()}
        frame = self.registry.observations_frame
        earliest = frame[frame["year"] == frame["year"].min()]
        self.earliest_year_files = sorted(set(map(str, earliest["indicator_id"])))
        self.invalid: set[str] = set()
        self.notes: dict[str, str] = {}  # indicator id -> the note its valid file now carries
        self.noted_at: dict[str, float] = {}
        self.saves = Counter()
        self.kinds = Counter()
        self.conflicts = 0
        self.surprises: list[dict] = []
        self.errors: list[str] = []
        self.version = 0
        self.publish()

    def publish(self) -> None:
        """The writer's view for the readers: which notes they must see, which files are broken."""
        self.version += 1
        state = {"version": self.version, "notes": self.notes, "invalid": sorted(self.invalid)}
        temporary = self.state_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(state), encoding="utf-8")
        os.replace(temporary, self.state_path)

    def save(self, indicator_id: str, kind: str, intended_valid: bool, text: str, base: str | None) -> bool:
        from indicators.editing import ConflictError, check_text, save_text

        path = self.paths[indicator_id]
        if self.notes.pop(indicator_id, None):  # readers must not expect the note while the file changes
            self.publish()
        _, problems = check_text(self.registry, path, text)
        errors = [problem for problem in problems if problem.is_error]
        if bool(errors) == intended_valid:
            found = "; ".join(f"{problem.code}: {problem.message}" for problem in errors[:3]) or "no problem"
            self.surprises.append({"file": path.name, "kind": kind, "intended_valid": intended_valid, "found": found})
        try:
            save_text(path, text, base, self.author, summary=f"soak: {kind}")
        except ConflictError:
            self.conflicts += 1
            self.errors.append(f"{path.name}: unexpected conflict on a {kind} save (no one else writes)")
            return False
        valid = not errors
        self.saves["valid" if valid else "invalid"] += 1
        self.kinds[kind] += 1
        if valid:
            self.invalid.discard(indicator_id)
        else:
            self.invalid.add(indicator_id)
        return True

    def open(self, indicator_id: str):
        """(the file as `editing.open_draft` reads it, or None when it does not parse; its digest)."""
        from indicators.editing import digest, open_draft
        from indicators.files import read_exact

        path = self.paths[indicator_id]
        try:
            draft = open_draft(path)
        except Exception:  # broken YAML saved earlier: the digest is all a save needs
            return None, digest(read_exact(path))
        return (draft if draft.data is not None else None), draft.base_digest

    def step(self) -> None:
        action = self.rng.random()
        if action < 0.04 and self.earliest_year_files:
            for indicator_id in self.earliest_year_files:  # the year range shrinks under open sessions
                self.invalid_edit(indicator_id, "value_not_in_quote")
        elif action < 0.12:
            self.stale_save()
        else:
            # A broken file is picked often enough that few stay broken, and is mostly mended.
            broken = self.invalid and self.rng.random() < 0.3
            # A new note is left alone for NOTE_REST_S, so readers get the time to see it.
            now = time.monotonic()
            resting = {key for key, noted in self.noted_at.items() if now - noted < NOTE_REST_S}
            choices = sorted(self.invalid) if broken else [key for key in self.paths if key not in resting]
            indicator_id = self.rng.choice(choices or list(self.paths))
            if self.rng.random() < (0.7 if indicator_id in self.invalid else 0.5):
                self.valid_edit(indicator_id, self.rng.choice(["note", "note", "restore", "crlf", "decomposed"]))
            else:
                self.invalid_edit(
                    indicator_id, self.rng.choice(sorted(INVALID_DATA_EDITS) + sorted(INVALID_TEXT_EDITS))
                )
        self.publish()

    def valid_edit(self, indicator_id: str, kind: str) -> bool:
        """`note`: a new note on the first observation; otherwise the original text, as it
        was (`restore`), with CRLF line ends or in decomposed Unicode (both accepted)."""
        from indicators import yaml_writer

        draft, base = self.open(indicator_id)
        original = self.originals[indicator_id]
        if kind == "note":
            token = note_token(sum(self.saves.values()) + 1)
            if draft is not None and indicator_id not in self.invalid:
                draft.data["observations"][0]["note"] = {"vi": token, "en": token}
                text = draft.text()
            else:
                data = yaml_writer.load(original)
                data["observations"][0]["note"] = {"vi": token, "en": token}
                text = yaml_writer.dump(data)
            saved = self.save(indicator_id, kind, True, text, base)
            if saved:
                self.notes[indicator_id] = token  # published by the caller
                self.noted_at[indicator_id] = time.monotonic()
            return saved
        if kind == "crlf":
            text = original.replace("\n", "\r\n")
        elif kind == "decomposed":
            text = unicodedata.normalize("NFD", original)
        else:
            text = original
        return self.save(indicator_id, kind, True, text, base)

    def invalid_edit(self, indicator_id: str, kind: str) -> None:
        from indicators import yaml_writer

        _, base = self.open(indicator_id)
        original = self.originals[indicator_id]
        if kind in INVALID_DATA_EDITS:
            data = yaml_writer.load(original)
            INVALID_DATA_EDITS[kind](data)
            text = yaml_writer.dump(data)
        else:
            text = INVALID_TEXT_EDITS[kind](original)
        self.save(indicator_id, kind, False, text, base)

    def stale_save(self) -> None:
        """Two editors open one file; the first saves a note; the second saves over its
        stale draft, which must be refused."""
        from indicators.editing import ConflictError, save_text

        indicator_id = self.rng.choice(list(self.paths))
        _, stale_base = self.open(indicator_id)
        if not self.valid_edit(indicator_id, "note"):
            return
        self.publish()
        path = self.paths[indicator_id]
        try:  # the note stays published: this save must change nothing
            save_text(path, self.originals[indicator_id], stale_base, self.author, summary="soak: stale draft")
        except ConflictError:
            self.conflicts += 1
        else:
            self.saves["valid"] += 1  # it was written and logged; counted so the log check still adds up
            self.notes.pop(indicator_id, None)
            self.publish()
            self.errors.append(f"{path.name}: a save over a stale draft was accepted")

    def run(self, stop: Path, seconds: float, pause: tuple[float, float]) -> dict:
        """Save until the file `stop` exists (at most `seconds`), then check the edit log."""
        from indicators.edit_log import verify
        from indicators.paths import DataLayout

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not stop.exists():
            try:
                self.step()
            except Exception as error:  # counted and reported: the soak goes on
                self.errors.append(f"{type(error).__name__}: {error}")
            time.sleep(self.rng.uniform(*pause))
        log = verify(DataLayout(self.registry.data_dir).edit_log)
        accepted = sum(self.saves.values())
        return {
            "saves": {"valid": self.saves["valid"], "invalid": self.saves["invalid"]},
            "saves_by_kind": dict(sorted(self.kinds.items())),
            "conflicts": self.conflicts,
            "invalid_at_end": sorted(self.invalid),
            "surprises": self.surprises,
            "errors": self.errors,
            "edit_log": {
                "ok": log.ok,
                "entries": log.entries,
                "one_per_save": log.entries == accepted,
                "problems": [f"{problem.line}: {problem.message} [{problem.code}]" for problem in log.problems],
            },
        }


# --- the server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as response:  # noqa: S310 - loopback
            return response.read() == b"ok"
    except OSError:
        return False


class Server:
    """`streamlit run dashboard/app.py` on a free loopback port, its output in `log_path`."""

    def __init__(self, data_dir: Path, cache_dir: Path, log_path: Path, trace: Path | None = None, timeout: float = 90):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        env = dict(
            os.environ,
            INDICATORS_DATA=str(data_dir),
            INDICATORS_CACHE=str(cache_dir),
            STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
        )
        env.pop("DASHBOARD_EDIT", None)
        env.pop("DASHBOARD_TRACEMALLOC", None)
        if trace:  # where the server's memory goes (dashboard/memory_trace.py)
            env["DASHBOARD_TRACEMALLOC"] = str(trace.resolve())
        command = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(self.port)]
        command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--client.showErrorDetails", "full"]
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            if healthy(self.url):
                return
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"streamlit did not become healthy within {timeout} s:\n{log_path.read_text()[-3000:]}")

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(15)
        self._log.close()


CHAINED = ("The above exception was the direct cause", "During handling of the above exception")


def log_errors(log_text: str) -> list[dict]:
    """Each distinct error in a server log: the line logged before its traceback, the
    traceback's last line (of the last exception when they are chained), how often, and the
    first full traceback."""
    found: dict[tuple[str, str], dict] = {}
    lines = log_text.splitlines()
    index = 0
    while index < len(lines):
        if not lines[index].startswith("Traceback"):
            index += 1
            continue
        start = end = index
        while end < len(lines) and lines[end].startswith("Traceback"):
            end += 1
            while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
                end += 1  # the frames, up to the exception's line
            following = end + 1
            while following < len(lines) and not lines[following].strip():
                following += 1
            if following + 2 < len(lines) and lines[following].startswith(CHAINED):
                end = following + 1
                while end < len(lines) and not lines[end].strip():
                    end += 1
        block = lines[start : min(end + 1, len(lines))]
        logged = re.sub(r"^[0-9-]+ [0-9:.]+ ", "", lines[start - 1]) if start else ""
        key = (logged, block[-1])
        entry = found.setdefault(key, {"logged": logged, "error": block[-1], "count": 0, "traceback": "\n".join(block)})
        entry["count"] += 1
        index = end + 1
    return list(found.values())


# --- the readers --------------------------------------------------------------------------


def failure_texts() -> list[str]:
    from dashboard.i18n import LABELS

    return [text.split(".")[0] for text in LABELS["page_failed"]]


class Readers:
    """N browser sessions cycling the pages until a deadline; what they saw, counted."""

    def __init__(self, url: str, data_dir: Path, state_path: Path, seed: int):
        from dashboard.i18n import LABELS
        from indicators import read_registry

        registry = read_registry(data_dir, workers=1, cache=False)
        self.url = url
        self.state_path = state_path
        self.seed = seed
        self.indicators = sorted(registry.indicators)
        self.sources = sorted(registry.sources)
        self.failed = failure_texts()
        # What the h1 of each page says in each language once it has loaded (the indicator page:
        # one indicator's name, or the page's name when the filters leave none).
        self.titles = {
            (name, language): {LABELS[key][index]}
            for name, key in [("overview", "app_title"), ("rankings", "page_rankings"), ("sources", "page_sources")]
            + [("changes", "page_changes"), ("health", "page_health"), ("indicator", "page_indicator")]
            for index, language in enumerate(LANGUAGES)
        }
        for info in registry.indicators.values():
            self.titles["indicator", "vi"].add(info.name.vi)
            self.titles["indicator", "en"].add(info.name.en)
        self.loads = Counter()
        self.modes = Counter()
        self.seconds: list[float] = []
        self.exceptions: list[dict] = []
        self.timeouts: list[dict] = []
        self.stale: list[dict] = []
        self.edit_log_alarms: list[dict] = []
        self.notes_checked = 0
        self.started = time.monotonic()

    def state(self) -> dict:
        try:
            return json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"version": -1, "notes": {}, "invalid": []}

    def more(self, deadline: float, overtime: float) -> bool:
        """Go on until the deadline, and past it (up to `overtime` s) until every page has loaded."""
        now = time.monotonic()
        return now < deadline or (now < deadline + overtime and not all(self.loads[name] for name in PAGES))

    async def run(self, sessions: int, seconds: float, overtime: float) -> None:
        from playwright.async_api import async_playwright

        deadline = time.monotonic() + seconds
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                readers = (self.session(browser, number, deadline, overtime) for number in range(sessions))
                await asyncio.gather(*readers)
            finally:
                await browser.close()

    async def session(self, browser, number: int, deadline: float, overtime: float) -> None:
        rng = random.Random(self.seed * 1000 + number)
        context = await browser.new_context(viewport={"width": 1440, "height": 1000})
        page = await context.new_page()
        current: str | None = None
        try:
            while self.more(deadline, overtime):
                order = list(PAGES)
                rng.shuffle(order)
                for name in order:
                    if not self.more(deadline, overtime):
                        break
                    mode = "link" if current is None else rng.choice(MODES)
                    if mode == "language":
                        name = current
                    elif mode == "navigation" and name == current:
                        mode = "link"
                    current = name if await self.load(page, number, name, mode, rng) else None
        finally:
            await context.close()

    async def load(self, page, session: int, name: str, mode: str, rng: random.Random) -> bool:
        """One page load by `mode`; True when the page settled (it is inspected either way)."""
        from playwright.async_api import Error as PlaywrightError

        started = time.monotonic()
        before = self.state()
        url, settled = self.url + ("/" if name == "overview" else f"/{name}"), False
        try:
            if mode == "link":
                params, language = [], "vi"
                if name == "indicator":  # mostly one whose note must show
                    noted = sorted(before["notes"]) if rng.random() < 0.75 else []
                    indicator_id = rng.choice(noted or self.indicators)
                    params.append(f"indicator={indicator_id}")
                elif name == "sources":
                    params.append(f"source={rng.choice(self.sources)}")
                if rng.random() < 0.25:
                    params.append("lang=en")
                    language = "en"
                url += "?" + "&".join(params) if params else ""
                await page.goto(url, wait_until="domcontentloaded", timeout=LOAD_TIMEOUT_S * 1000)
            elif mode == "navigation":
                language = await self.language_of(page)
                await (await self.sidebar_link(page, name)).click(timeout=LOAD_TIMEOUT_S * 1000)
            else:
                other = page.locator(f'{LANGUAGE_SWITCH}[aria-checked="false"]').first
                language = LANGUAGE_BUTTONS[(await other.inner_text(timeout=LOAD_TIMEOUT_S * 1000)).strip()]
                await other.click(timeout=LOAD_TIMEOUT_S * 1000)
            settled = await self.settle(page, self.titles[name, language])
        except PlaywrightError as error:
            url = f"{url} ({str(error).splitlines()[0]})"
        at = round(time.monotonic() - self.started, 1)
        where = {"page": name, "mode": mode, "session": session, "url": page.url, "at_s": at}
        problems = await self.inspect(page)
        self.exceptions += [dict(where, **problem) for problem in problems]
        if not settled:
            self.timeouts.append(dict(where, requested=url))
            return False
        self.loads[name] += 1
        self.modes[mode] += 1
        self.seconds.append(time.monotonic() - started)
        await self.check_note(page, before, where)
        if name == "health":
            await self.check_edit_log(page, where)
        return True

    async def sidebar_link(self, page, name: str):
        """The sidebar's link to page `name`, found by its address (the default page's is the
        app's root), not by its place: the navigation has more pages than the soak reads."""
        links = page.locator('[data-testid="stSidebarNav"] a')
        hrefs = await links.evaluate_all("links => links.map(link => link.href)")
        for index, href in enumerate(hrefs):
            last = urllib.parse.urlparse(href).path.rstrip("/").rsplit("/", 1)[-1]
            if last == name or (name == "overview" and last == ""):
                return links.nth(index)
        raise LookupError(f"the sidebar has no link to the {name} page: {hrefs}")

    async def check_edit_log(self, page, where: dict) -> None:
        """Only `save_text` writes the soak's edit log, so the health page must find its chain intact."""
        for text in await page.locator('[data-testid="stMain"] [data-testid="stAlert"]').all_inner_texts():
            if re.search(r"\[edit-log-[a-z-]+\]", text):
                self.edit_log_alarms.append(dict(where, message=text.strip()[:500]))

    async def check_note(self, page, before: dict, where: dict) -> None:
        """An indicator page over every year, sector and level must show the note its file
        held from before the load to after it."""
        query = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)
        if where["page"] != "indicator" or "indicator" not in query or {"from", "to", "sector", "geo"} & set(query):
            return
        indicator_id = query["indicator"][0]
        note = before["notes"].get(indicator_id)
        if note and self.state()["notes"].get(indicator_id) == note:
            self.notes_checked += 1
            if not any(note in text for text in await page.locator('[data-testid="stMain"]').all_inner_texts()):
                self.stale.append(dict(where, indicator=indicator_id, expected_note=note))

    async def language_of(self, page) -> str:
        chosen = page.locator(f'{LANGUAGE_SWITCH}[aria-checked="true"]').first
        return LANGUAGE_BUTTONS.get((await chosen.inner_text(timeout=LOAD_TIMEOUT_S * 1000)).strip(), "vi")

    async def settle(self, page, titles: set[str]) -> bool:
        """Wait until the page's h1 is one of `titles`, no script run is in progress and no
        element is stale, for SETTLED_FOR_S in a row."""
        deadline = time.monotonic() + LOAD_TIMEOUT_S
        quiet_since = None
        while time.monotonic() < deadline:
            shown = await page.locator(TITLE).all_inner_texts()
            busy = await page.locator(f"{RUNNING}, {STALE}").count()
            if not busy and any(title.strip() in titles for title in shown):
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since >= SETTLED_FOR_S:
                    return True
            else:
                quiet_since = None
            await asyncio.sleep(0.2)
        return False

    async def inspect(self, page) -> list[dict]:
        from playwright.async_api import Error as PlaywrightError

        found = []
        try:
            for box in await page.locator(EXCEPTION).all():
                found.append({"kind": "exception", "message": (await box.inner_text())[:2000]})
            main = await page.locator('[data-testid="stMain"]').all_inner_texts()
            for text in self.failed:
                if any(text in shown for shown in main):
                    found.append({"kind": "page_failed", "message": text})
        except PlaywrightError as error:
            found.append({"kind": "inspect_failed", "message": str(error).splitlines()[0]})
        return found

    def summary(self) -> dict:
        seconds = sorted(self.seconds)
        return {
            "page_loads": {name: self.loads[name] for name in PAGES},
            "page_loads_total": sum(self.loads.values()),
            "loads_by_mode": dict(sorted(self.modes.items())),
            "load_seconds": {
                "median": round(statistics.median(seconds), 2) if seconds else None,
                "p90": round(seconds[math.ceil(0.9 * len(seconds)) - 1], 2) if seconds else None,
                "max": round(seconds[-1], 2) if seconds else None,
            },
            "notes_checked": self.notes_checked,
            "exceptions": self.exceptions,
            "timeouts": self.timeouts,
            "stale": self.stale,
            "edit_log_alarms": self.edit_log_alarms,
        }


# --- the whole soak -----------------------------------------------------------------------


def rss_mib(pid: int) -> float | None:
    """The resident memory of process `pid` in MiB (Linux `/proc`), None when unknown."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return round(int(found.group(1)) / 1024, 1) if found else None


class RssSampler:
    """The server's resident memory every `every` seconds, in a thread, while the soak runs."""

    def __init__(self, pid: int, every: float = 10):
        self.pid, self.every, self.samples = pid, every, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        started = time.monotonic()
        while True:
            value = rss_mib(self.pid)
            if value is not None:
                self.samples.append((round(time.monotonic() - started), value))
            if self._stop.wait(self.every):
                return

    def summary(self) -> dict:
        """Start (the first minute's last sample: the server has loaded every page once), end, peak, and one
        sample a minute."""
        if not self.samples:
            return {}
        warm = [value for at, value in self.samples if at <= 60] or [self.samples[0][1]]
        return {
            "warm_start": warm[-1],
            "end": self.samples[-1][1],
            "peak": max(value for _, value in self.samples),
            "per_minute": [value for at, value in self.samples if at % 60 < self.every],
        }


def run(
    seconds: float = 60,
    sessions: int = 4,
    seed: int = 1,
    workdir: Path | None = None,
    overtime: float = 180,
    trace: Path | None = None,
) -> dict:
    """Run the soak for `seconds` in `workdir` (a new temporary folder when None, removed
    after) and return its result; `trace` names the file the server's allocation tracer
    appends to (`DASHBOARD_TRACEMALLOC`). Past `seconds`, the readers go on (at most `overtime` s)
    until every page has loaded at least once, and the writer with them."""
    with contextlib.ExitStack() as stack:
        if workdir is None:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="indicators-soak-")))
        workdir.mkdir(parents=True, exist_ok=True)
        data_dir = workdir / "data"
        if data_dir.exists():
            raise FileExistsError(f"{data_dir} exists: give the soak an empty folder")
        load_before = round(os.getloadavg()[0], 1)
        shutil.copytree(DATA, data_dir, ignore=shutil.ignore_patterns("*.lock", ".*.tmp"))
        state_path = workdir / "writer-state.json"
        server = Server(data_dir, workdir / "cache", workdir / "server.log", trace)
        stack.callback(server.stop)
        readers = Readers(server.url, data_dir, state_path, seed)
        readers.state_path.write_text(json.dumps({"version": 0, "notes": {}, "invalid": []}), encoding="utf-8")
        env = dict(os.environ, INDICATORS_DATA=str(data_dir), INDICATORS_CACHE=str(workdir / "writer-cache"))
        stop = workdir / "writer-stop"
        command = [sys.executable, "-m", "benchmarks.soak", "--writer", str(data_dir), "--state", str(state_path)]
        command += ["--stop", str(stop), "--seconds", str(seconds + overtime + 60), "--seed", str(seed)]
        with (workdir / "writer.log").open("wb") as writer_log:
            writer = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=writer_log)
            started = time.monotonic()
            try:
                with RssSampler(server.process.pid) as memory:
                    asyncio.run(readers.run(sessions, seconds, overtime))
                stop.touch()
                output, _ = writer.communicate(timeout=120)
            finally:
                if writer.poll() is None:
                    writer.kill()
                    writer.wait()
        elapsed = time.monotonic() - started
        written = json.loads(output) if writer.returncode == 0 and output else {}
        if not written:
            written = {"errors": [f"the writer failed (exit {writer.returncode}): see {workdir / 'writer.log'}"]}
        alive, health = server.alive(), healthy(server.url)
        server.stop()
        result = {
            "seconds": round(elapsed, 1),
            "sessions": sessions,
            "cpu_count": os.cpu_count(),
            "load_average_before_after": [load_before, round(os.getloadavg()[0], 1)],  # other work on the machine
            "saves": written.get("saves", {"valid": 0, "invalid": 0}),
            "conflicts": written.get("conflicts", 0),
            **readers.summary(),
            "server": {
                "alive": alive,
                "health_ok": health,
                "rss_mib": memory.summary(),
                "log_errors": log_errors(server.log_path.read_text(encoding="utf-8", errors="replace")),
            },
            "writer": {key: value for key, value in written.items() if key not in ("saves", "conflicts")},
        }
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60, help="how long readers and the writer run")
    parser.add_argument("--sessions", type=int, default=4, help="browser sessions reading at once")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (data copy, logs)")
    parser.add_argument(
        "--trace", type=Path, metavar="FILE", help="trace the server's allocations into FILE every minute (slower)"
    )
    parser.add_argument("--writer", type=Path, metavar="DATA", help=argparse.SUPPRESS)  # the writer process
    parser.add_argument("--state", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stop", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.writer:
        writer = Writer(arguments.writer, arguments.state, arguments.seed)
        print(json.dumps(writer.run(arguments.stop, arguments.seconds, pause=(0.1, 0.4))))
        return
    if not Path(CHROMIUM).exists():
        sys.exit(f"no Chromium at {CHROMIUM}: `apt-get install chromium`")
    result = run(arguments.seconds, arguments.sessions, arguments.seed, arguments.keep, trace=arguments.trace)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    writer = result["writer"]
    clean = not (result["exceptions"] or result["stale"] or result["edit_log_alarms"])
    clean = clean and not (writer.get("errors") or writer.get("surprises"))
    clean = clean and not result["server"]["log_errors"] and writer.get("edit_log", {}).get("one_per_save")
    sys.exit(0 if clean and result["server"]["alive"] and result["server"]["health_ok"] else 1)


if __name__ == "__main__":
    main()
