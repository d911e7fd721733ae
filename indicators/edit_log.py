"""The edit log: one JSON line per accepted edit (who, when, which file, what changed),
chained so that an entry that was changed, removed or reordered shows.

Each entry carries, besides the edit itself,

- `seq`: its 1-based line number in the log when it was written;
- `previous`: `sha256:` and the hex SHA-256 of the previous line's exact bytes
  (its UTF-8 JSON text, without the line feed that ends it). The first line of a
  log has nothing before it: its `previous` is the digest of no bytes at all
  (`GENESIS`), so removing the first entry shows too.

`verify` walks the lines and reports the first place where the chain breaks.
What a chain cannot show: someone who can write the file can rewrite every line
and recompute every digest, and removing (or changing) the last entry leaves a
valid chain. The digest of the last line (`LogCheck.head`, printed by
`python -m indicators log verify`) catches both when it is compared with a copy
kept elsewhere.

Entries written before the chain existed have neither field; they are reported
as a warning (`edit-log-unchained`), since nothing vouches for them.

Lines are appended under a file lock and flushed to disk before the lock is released.
A line that cannot be written whole (a full disk) is cut off again; a torn last line
that a killed writer left is repaired by the next writer (`writing`), and `verify`
reports it only as a warning (`edit-log-torn`) until then. Entries are JSON objects:
fields may be added (readers ignore those they do not know).
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from filelock import FileLock

from indicators.files import TextError, read_data_bytes
from indicators.problems import Problem, display_path
from indicators.stamps import stat_stamp

LOCK_TIMEOUT_SECONDS = 10
GENESIS = "sha256:" + hashlib.sha256(b"").hexdigest()
_TAIL_BLOCK_BYTES = 64 * 1024
_AUTHOR_FIELDS = {"local": ("user",), "oidc": ("issuer", "subject", "email")}


def local_author() -> dict:
    """The person at this computer, for saves made from the command line:
    `{"kind": "local", "user": <OS login name>}`."""
    return {"kind": "local", "user": getpass.getuser()}


def oidc_author(issuer: str, subject: str, email: str) -> dict:
    """A person signed in with OpenID Connect: `{"kind": "oidc", "issuer", "subject", "email"}`
    (the `iss`, `sub` and `email` claims of their identity token)."""
    return {"kind": "oidc", "issuer": issuer, "subject": subject, "email": email}


def check_author(author: object) -> None:
    """Raise ValueError unless `author` is one of the two identity shapes above,
    every field a non-empty string."""
    kind = author.get("kind") if isinstance(author, dict) else None
    if kind not in _AUTHOR_FIELDS:
        raise ValueError(f"the author must be an identity ({' or '.join(_AUTHOR_FIELDS)}), not {author!r}")
    missing = [name for name in _AUTHOR_FIELDS[kind] if not isinstance(author.get(name), str) or not author[name]]
    if missing:
        raise ValueError(f"the {kind} identity lacks {', '.join(missing)}")


def line_digest(line: bytes) -> str:
    """`sha256:<hex>` of one log line's bytes (without its line feed)."""
    return "sha256:" + hashlib.sha256(line).hexdigest()


def append_entry(log_path: Path, entry: dict) -> dict:
    """Append `entry` (a JSON object) as the next line of `log_path`, chained to the
    line before it. Returns the entry as written: `seq` and `previous` first.
    Raises ValueError when `entry` already has either field, filelock.Timeout when
    another writer holds the log longer than LOCK_TIMEOUT_SECONDS, OSError when the
    line cannot be written (the log is then left as it was)."""
    if {"seq", "previous"} & entry.keys():
        raise ValueError("`seq` and `previous` are the log's own fields")
    with writing(log_path) as log:
        return log.append(entry)


class LogWriter:
    """The log, open for appending under its lock (see `writing`)."""

    def __init__(self, handle: BinaryIO):
        self._handle = handle
        self._undo_to: int | None = None

    def last_entry(self) -> dict | None:
        last = _last_line(self._handle)
        return None if last is None else _parse(last)

    def append(self, entry: dict) -> dict:
        """Write `entry` as the next line, flushed to disk; returns it as written. On any
        failure the bytes already written are cut off again and the error raised."""
        if {"seq", "previous"} & entry.keys():
            raise ValueError("`seq` and `previous` are the log's own fields")
        log = self._handle
        last = _last_line(log)
        chained = {"seq": _next_seq(log, last), "previous": GENESIS if last is None else line_digest(last), **entry}
        line = json.dumps(chained, ensure_ascii=False).encode("utf-8") + b"\n"
        size = log.seek(0, os.SEEK_END)
        try:
            view = memoryview(line)
            while view:  # unbuffered: nothing is left behind to be written later
                view = view[log.write(view) :]
            os.fsync(log.fileno())
        except BaseException:
            self._cut(size)
            raise
        self._undo_to = size
        return chained

    def undo(self) -> None:
        """Remove the line the last `append` wrote (the edit it records did not happen)."""
        if self._undo_to is not None:
            self._cut(self._undo_to)
            self._undo_to = None

    def _cut(self, size: int) -> None:
        os.ftruncate(self._handle.fileno(), size)
        os.fsync(self._handle.fileno())


@contextlib.contextmanager
def writing(log_path: Path, timeout: float | None = None):
    """The log open for appending, under its lock, with a torn last line (one that a
    killed writer left without its line feed) repaired first: cut off when it is not
    a whole JSON object, ended with its line feed when it is. A log that is a symbolic
    link or not a regular file is refused (ValueError): entries never go elsewhere.
    Raises filelock.Timeout when the lock is not free within `timeout` seconds
    (default LOCK_TIMEOUT_SECONDS)."""
    timeout = LOCK_TIMEOUT_SECONDS if timeout is None else timeout
    if log_path.is_symlink() or (log_path.exists() and not log_path.is_file()):
        raise ValueError(f"{log_path.name} is a link or not a regular file; nothing is logged through it")
    with FileLock(str(log_path) + ".lock", timeout=timeout):
        flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(log_path, flags, 0o666), "r+b", buffering=0) as handle:
            _repair_tail(handle)
            yield LogWriter(handle)


def _repair_tail(log: BinaryIO) -> None:
    end = log.seek(0, os.SEEK_END)
    if end == 0 or _ends_with_newline(log):
        return
    last = _last_line(log)
    if _parse(last) is None:
        os.ftruncate(log.fileno(), end - len(last))
    else:
        log.write(b"\n")
    os.fsync(log.fileno())


def _last_line(log: BinaryIO) -> bytes | None:
    """The last line's bytes (without its line feed); None for an empty file."""
    end = log.seek(0, os.SEEK_END)
    if end == 0:
        return None
    position = end
    while position > 0:
        position = max(0, position - _TAIL_BLOCK_BYTES)
        log.seek(position)
        tail = log.read(end - position).removesuffix(b"\n")
        start = tail.rfind(b"\n")
        if start >= 0:
            return tail[start + 1 :]
    return tail


def _ends_with_newline(log: BinaryIO) -> bool:
    log.seek(-1, os.SEEK_END)
    return log.read(1) == b"\n"


def _next_seq(log: BinaryIO, last: bytes | None) -> int:
    """One more than the last entry's `seq`; the number of lines + 1 when the last
    line has none (an entry written before the chain, or a torn line)."""
    if last is None:
        return 1
    previous = _parse(last)
    seq = previous.get("seq") if previous else None
    if _is_count(seq):
        return seq + 1
    log.seek(0)
    return sum(1 for _ in log) + 1


def read_entries(log_path: Path) -> list[dict]:
    """Every entry of the log, oldest first; [] when there is no log yet. Raises
    files.TextError for a log that is a link leaving its folder or not a regular file."""
    if not log_path.exists() and not log_path.is_symlink():
        return []
    return [json.loads(line) for line in _read_log(log_path).decode("utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class LogCheck:
    """What `verify` found: the number of lines, the digest of the last one
    (`sha256:<hex>`, None for an empty or missing log) and the problems: at most
    one error (the first break in the chain) and one warning (entries older
    than the chain)."""

    path: Path
    entries: int
    head: str | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not any(problem.is_error for problem in self.problems)

    @property
    def broken_at(self) -> Problem | None:
        """The first break (its `line` is 1-based), or None when the chain holds."""
        return next((problem for problem in self.problems if problem.is_error), None)


def verify(log_path: Path) -> LogCheck:
    """Check the chain of the log at `log_path` line by line. A missing log is an
    intact, empty one. Codes: `edit-log-unreadable` (a line that is not a JSON
    object), `edit-log-changed`, `edit-log-removed`, `edit-log-reordered`, and
    the warning `edit-log-unchained`."""
    shown = display_path(log_path)
    try:
        lines = _read_settled(log_path).split(b"\n")
    except TextError as refused:
        return LogCheck(log_path, 0, None, [Problem(shown, 1, 1, "-", str(refused), refused.code)])
    problems: list[Problem] = []
    if lines[-1] == b"":
        lines.pop()  # the line feed that ends the last line
    elif _parse(lines[-1]) is None:  # a writer was killed mid-line; the next one cuts it off
        message = f"line {len(lines)} is a torn entry (a save interrupted while logging); the next save removes it"
        problems.append(Problem(shown, len(lines), 1, "-", message, "edit-log-torn", "warning"))
        lines.pop()
    entries = [_parse(line) for line in lines]
    unchained = 0
    for index, entry in enumerate(entries):
        if entry is not None and "previous" not in entry and unchained == index:
            unchained += 1
            continue
        found = _break_at(index, lines, entries)
        if found is not None:
            line, message, code = found
            problems.append(Problem(shown, line, 1, "-", message, code))
            break
    if unchained:
        lines_before = "line 1 was" if unchained == 1 else f"lines 1–{unchained} were"
        message = f"{lines_before} written before the log was chained; nothing vouches for them"
        problems.insert(0, Problem(shown, 1, 1, "-", message, "edit-log-unchained", "warning"))
    return LogCheck(log_path, len(lines), line_digest(lines[-1]) if lines else None, problems)


_VERIFIED: dict[str, tuple[tuple, LogCheck]] = {}  # path -> (stat stamp, check); a few data folders at most
_VERIFIED_KEPT = 8


def verify_cached(log_path: Path) -> LogCheck:
    """`verify`, reused while the log's stat stamp (size, modification and status-change
    times, inode: see `indicators.stamps`) is unchanged, so a page that shows the log's
    state reads and hashes it only after it changed, not on every view. Any write
    (an append, an edit in place, a replacement) changes the stamp."""
    try:
        stamp = stat_stamp(os.stat(log_path))
    except FileNotFoundError:
        stamp = ()
    key = str(log_path)
    known = _VERIFIED.get(key)
    if known is not None and known[0] == stamp:
        return known[1]
    check = verify(log_path)
    _VERIFIED.pop(key, None)
    while len(_VERIFIED) >= _VERIFIED_KEPT:
        _VERIFIED.pop(next(iter(_VERIFIED)))
    _VERIFIED[key] = (stamp, check)
    return check


def _read_settled(log_path: Path) -> bytes:
    """The log's bytes with no append half-written: read under the writers' lock
    (b"" for a missing log). Where the lock cannot be taken (a read-only copy of the
    data, where nobody appends) the file is read as it is."""
    if not log_path.exists() and not log_path.is_symlink():
        return b""
    try:
        with FileLock(str(log_path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS):
            return _read_log(log_path)
    except OSError:
        return _read_log(log_path)


def _read_log(log_path: Path) -> bytes:
    """The data folder's rule for every file read (`files.read_data_bytes`): a regular
    file that stays in its folder, whatever its size."""
    return read_data_bytes(log_path, sys.maxsize, root=log_path.parent)


def _break_at(index: int, lines: list[bytes], entries: list[dict | None]) -> tuple[int, str, str] | None:
    """(1-based line, why, code) when the chain breaks at line `index + 1`, else None."""
    number, entry = index + 1, entries[index]
    if entry is None:
        return number, "not a log entry (one JSON object per line)", "edit-log-unreadable"
    seq, previous = entry.get("seq"), entry.get("previous")
    if not _is_count(seq) or not isinstance(previous, str):
        return (
            number,
            "the entry's `seq` or `previous` field is missing or not valid; it was changed",
            "edit-log-changed",
        )
    expected = line_digest(lines[index - 1]) if index else GENESIS
    if seq == number and previous == expected:
        return None
    if seq == number:
        if index == 0:
            return number, "the first entry's `previous` is not the start of a log; it was changed", "edit-log-changed"
        message = f"changed after it was written: line {number} records another digest for it"
        return number - 1, message, "edit-log-changed"
    elsewhere = [other for other in range(len(entries)) if other != index and _seq_of(entries[other]) == number]
    if seq < number or elsewhere:
        where = f"; entry {number} is at line {elsewhere[0] + 1}" if elsewhere else ""
        return number, f"entry {seq} stands at line {number}: the log was reordered{where}", "edit-log-reordered"
    missing = seq - number
    message = (
        f"{missing} entr{'y' if missing == 1 else 'ies'} before this one {'is' if missing == 1 else 'are'} missing"
    )
    return number, f"{message} (it was written as entry {seq})", "edit-log-removed"


def _parse(line: bytes) -> dict | None:
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return value if isinstance(value, dict) else None


def _seq_of(entry: dict | None) -> int | None:
    return entry.get("seq") if entry is not None and _is_count(entry.get("seq")) else None


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1
