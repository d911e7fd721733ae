"""The history of every figure, read from the edit log: what each save added, revised
or removed, and what an indicator's file said on any day.

Each log entry names the file, the time, the author, the digests of the text
before and after, and a diff without context; entries written since
`editing.file_snapshot` also hold the whole text after the save. A file's text
after each of its entries is that snapshot when present, else rebuilt from a
later known text (a later snapshot, or the file on disk when it is the one the
last entry wrote) by undoing the diffs in between; every rebuilt text must have
the digest its entry records, or it stays unknown. Nothing here trusts a text the
digests do not vouch for.

Figures are told apart by (period, reporting unit, source): the same key with
another value or `out_of` is a revision.

A day is a day in Viet Nam (UTC+7, no daylight saving): "as of 19/7/2024" is the
registry as it stood at the end of that day there.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Literal

from indicators.edit_log import iter_entries
from indicators.paths import DataLayout
from indicators.yaml_reader import parse_yaml

VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")
Change = Literal["added", "revised", "removed"]
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def public_editor(author: object) -> str:
    """The editor's name as readers see it: the local part of a signed-in editor's
    email (`analyst` for analyst@example.org), the login name of a local one; "?"
    for an entry without a readable author."""
    if not isinstance(author, dict):
        return "?"
    if author.get("kind") == "oidc" and isinstance(author.get("email"), str):
        return author["email"].split("@", 1)[0] or "?"
    if author.get("kind") == "local" and isinstance(author.get("user"), str):
        return author["user"] or "?"
    return "?"


@dataclass(frozen=True)
class Version:
    """One logged save of one file: the entry's `seq`, its time (aware, UTC), the
    public editor name, the summary, and the text before and after the save
    (None before: the save created the file; `known_before`/`known_after` False
    when the log does not hold enough to rebuild that text)."""

    seq: int
    file: str
    time: datetime
    editor: str
    summary: str
    before: str | None
    after: str | None
    known_before: bool
    known_after: bool


@dataclass(frozen=True)
class FigureChange:
    """One figure added, revised or removed by one save. `before`/`after` are the
    figure's (value, out_of) on each side, None where it did not exist."""

    seq: int
    time: datetime
    editor: str
    summary: str
    indicator_id: str
    change: Change
    period: str
    reporting_unit: str | None
    source: str
    before: tuple[float, float | None] | None
    after: tuple[float, float | None] | None

    @property
    def day(self) -> date:
        """The day of the change in Viet Nam."""
        return self.time.astimezone(VIETNAM_TIME).date()


def undo_diff(after: str, diff: str) -> str | None:
    """The text before a save, from the text after it and the save's unified diff
    without context (`editing.unified_diff(..., context=0)`); None when the diff
    does not apply to `after`."""
    lines = after.splitlines(keepends=True)
    hunks: list[tuple[int, int, list[str]]] = []  # (start in after, length in after, lines before)
    current: list[str] | None = None
    for line in diff.splitlines(keepends=True):
        match = _HUNK.match(line)
        if match:
            new_start, new_length = int(match.group(3)), int(match.group(4) or "1")
            current = []
            # With no lines after, difflib gives the line *before* which the removal was.
            hunks.append((new_start if new_length else new_start + 1, new_length, current))
        elif current is not None and line.startswith("-") and not line.startswith("---"):
            current.append(line[1:])
    for start, length, removed in reversed(hunks):
        index = start - 1
        if index < 0 or index + length > len(lines):
            return None
        lines[index : index + length] = removed
    return "".join(lines)


def versions(data_dir: Path) -> dict[str, list[Version]]:
    """Every logged save, per registry file name (`vssid-accounts.yaml`), oldest first.
    Entries that are not saves of a registry file are skipped."""
    layout = DataLayout(data_dir)
    by_file: dict[str, list[dict]] = {}
    for entry in iter_entries(layout.edit_log):
        name = entry.get("file")
        if isinstance(name, str) and name.endswith(".yaml") and isinstance(entry.get("time"), str):
            by_file.setdefault(name, []).append(entry)
    return {name: _file_versions(layout.registry / name, entries) for name, entries in by_file.items()}


def _file_versions(path: Path, entries: list[dict]) -> list[Version]:
    count = len(entries)
    after: list[str | None] = [None] * count
    before: list[str | None] = [None] * count
    known_after, known_before = [False] * count, [False] * count
    for index, entry in enumerate(entries):
        text = entry.get("text")
        if isinstance(text, str) and _digest(text) == entry.get("after"):
            after[index], known_after[index] = text, True
    if not known_after[-1] and path.exists():
        on_disk = path.read_text(encoding="utf-8")
        if _digest(on_disk) == entries[-1].get("after"):
            after[-1], known_after[-1] = on_disk, True
    for index in range(count - 1, -1, -1):  # newest first: undo each diff from a known text
        entry = entries[index]
        if entry.get("before") is None:
            known_before[index] = True
        elif known_after[index] and isinstance(entry.get("diff"), str):
            undone = undo_diff(after[index], entry["diff"])
            if undone is not None and _digest(undone) == entry["before"]:
                before[index], known_before[index] = undone, True
        follows = index and entries[index - 1].get("after") == entry.get("before")
        if follows and known_before[index] and not known_after[index - 1]:
            after[index - 1], known_after[index - 1] = before[index], True
    for index in range(1, count):  # a text known only from the save before
        follows = entries[index - 1].get("after") == entries[index].get("before")
        if follows and not known_before[index] and known_after[index - 1]:
            before[index], known_before[index] = after[index - 1], True
    return [
        Version(
            seq=entry.get("seq") or 0,
            file=path.name,
            time=_entry_time(entry),
            editor=public_editor(entry.get("author")),
            summary=entry.get("summary") if isinstance(entry.get("summary"), str) else "",
            before=before[index],
            after=after[index],
            known_before=known_before[index],
            known_after=known_after[index],
        )
        for index, entry in enumerate(entries)
    ]


def _entry_time(entry: dict) -> datetime:
    moment = datetime.fromisoformat(entry["time"])
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


FigureKey = tuple[str, str | None, str]


FIGURES_KEPT = 2048  # texts whose figures are remembered (a text's figures are small; the text is not kept)
_FIGURES: OrderedDict[str, tuple[str | None, dict[FigureKey, tuple[float, float | None]]]] = OrderedDict()
_FIGURES_LOCK = threading.Lock()


def remembered_figures_of(
    text: str | None, path: Path
) -> tuple[str | None, dict[FigureKey, tuple[float, float | None]]]:
    """`figures_of`, remembered by the text's digest for the FIGURES_KEPT texts used last
    (a history rebuilt after each save parses each logged version once, not every time).
    The result is shared: do not change it."""
    if text is None:
        return None, {}
    key = _digest(text)
    with _FIGURES_LOCK:
        if key in _FIGURES:
            _FIGURES.move_to_end(key)
            return _FIGURES[key]
    found = figures_of(text, path)
    with _FIGURES_LOCK:
        _FIGURES[key] = found
        while len(_FIGURES) > FIGURES_KEPT:
            _FIGURES.popitem(last=False)
    return found


def figures_of(text: str | None, path: Path) -> tuple[str | None, dict[FigureKey, tuple[float, float | None]]]:
    """The indicator id and figures a file's text holds: (period, reporting unit or
    None, source) -> (value, out_of). Read with the registry's safe YAML reader;
    a text that is not an indicator file holds none."""
    if text is None:
        return None, {}
    document = parse_yaml(path, text, [])
    data = document.data if document is not None else None
    if not isinstance(data, dict):
        return None, {}
    figures: dict[FigureKey, tuple[float, float | None]] = {}
    for observation in data.get("observations") or []:
        if not isinstance(observation, dict):
            continue
        value, out_of = observation.get("value"), observation.get("out_of")
        if not isinstance(value, int | float) or isinstance(value, bool):
            continue
        key = (str(observation.get("period")), observation.get("reporting_unit"), str(observation.get("source")))
        figures[key] = (float(value), float(out_of) if isinstance(out_of, int | float) else None)
    indicator_id = data.get("id")
    return (indicator_id if isinstance(indicator_id, str) else None), figures


def figure_changes(data_dir: Path) -> list[FigureChange]:
    """Every figure added, revised or removed by a logged save, newest first (by time,
    then log order). A save whose text before or after cannot be rebuilt gives none."""
    changes: list[FigureChange] = []
    for name, file_versions in versions(data_dir).items():
        path = DataLayout(data_dir).registry / name
        for version in file_versions:
            if not (version.known_before and version.known_after):
                continue
            _, old = remembered_figures_of(version.before, path)
            indicator_id, new = remembered_figures_of(version.after, path)
            changes.extend(_compare(version, indicator_id or name.removesuffix(".yaml"), old, new))
    return sorted(changes, key=lambda change: (change.time, change.seq), reverse=True)


def _compare(version: Version, indicator_id: str, old: dict, new: dict) -> list[FigureChange]:
    found = []
    for key in [*old, *(key for key in new if key not in old)]:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        change: Change = "added" if before is None else "removed" if after is None else "revised"
        period, unit, source = key
        found.append(
            FigureChange(
                version.seq,
                version.time,
                version.editor,
                version.summary,
                indicator_id,
                change,
                period,
                unit,
                source,
                before,
                after,
            )
        )
    return found


@dataclass(frozen=True)
class AsOf:
    """What an indicator's file said at the end of a day: `text` (None when the file did
    not exist then, or when `known` is False: the log cannot rebuild it), `seq` of the
    save it comes from (None: from before the first logged save, the file as it is now
    when the log has none), and why."""

    text: str | None
    known: bool
    seq: int | None
    saved: datetime | None


def end_of_day(day: date) -> datetime:
    """The last moment of `day` in Viet Nam, as an aware datetime."""
    return datetime.combine(day + timedelta(days=1), time(), VIETNAM_TIME) - timedelta(microseconds=1)


def indicator_as_of(data_dir: Path, indicator_id: str, day: date) -> AsOf:
    """The text of `registry/<indicator_id>.yaml` at the end of `day` (Viet Nam time).
    A file the log never saw is taken as it is now (nothing recorded a change)."""
    path = DataLayout(data_dir).indicator_file(indicator_id)
    saves = versions(data_dir).get(path.name, [])
    moment = end_of_day(day)
    done = [version for version in saves if version.time <= moment]
    if done:
        last = done[-1]
        return AsOf(last.after, last.known_after, last.seq, last.time)
    if saves:
        first = saves[0]
        return AsOf(first.before, first.known_before, None, None)
    if path.exists():
        return AsOf(path.read_text(encoding="utf-8"), True, None, None)
    return AsOf(None, True, None, None)


def last_change(data_dir: Path) -> dict[str, datetime]:
    """Per indicator file name, the time of its last logged save. One pass over the log
    that keeps no file text (the site files ask after every save)."""
    latest: dict[str, datetime] = {}
    for entry in iter_entries(DataLayout(data_dir).edit_log):
        name = entry.get("file")
        if isinstance(name, str) and name.endswith(".yaml") and isinstance(entry.get("time"), str):
            latest[name] = _entry_time(entry)
    return latest
