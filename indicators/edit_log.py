"""The edit log: one JSON line per accepted edit (who, when, which file, what changed).

Lines are appended under a file lock and flushed to disk before the lock is released.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from filelock import FileLock

LOCK_TIMEOUT_SECONDS = 10


def append_entry(log_path: Path, entry: dict) -> None:
    """Append one entry (a JSON object) as a line of `log_path`."""
    with (
        FileLock(str(log_path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS),
        open(log_path, "a", encoding="utf-8") as log,
    ):
        log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        log.flush()
        os.fsync(log.fileno())


def read_entries(log_path: Path) -> list[dict]:
    """Every entry of the log, oldest first; [] when there is no log yet."""
    if not log_path.exists():
        return []
    return [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines() if line.strip()]
