"""A save and its edit-log entry reach the disk together or not at all: with the
log's lock held by someone else, when the saving process is killed at any moment,
and when the disk refuses a write."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PROJECT
from filelock import Timeout

from indicators import edit_log
from indicators.edit_log import local_author, read_entries, verify
from indicators.editing import digest, save_text

NOTE_LINE = "    quote: "


def registry_file(data: Path) -> Path:
    return data / "registry" / "vssid-accounts.yaml"


def with_note(text: str, note: str) -> str:
    """The file with the first observation's note set to `note` (a plain edit)."""
    index = text.index(NOTE_LINE)
    return text[:index] + f"    note: {json.dumps(note)}\n" + text[index:]


def logged_states(data: Path, initial: str) -> set[str]:
    states = {digest(initial)}
    states |= {entry["after"] for entry in read_entries(data / "edit-log.jsonl") if entry.get("file")}
    return states


HOLD_LOCK = """
import sys, time
from filelock import FileLock
with FileLock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_held_log_lock_refuses_the_save_before_the_file_changes(good_data, monkeypatch):
    path = registry_file(good_data)
    before = path.read_text(encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(good_data / "edit-log.jsonl.lock")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(edit_log, "LOCK_TIMEOUT_SECONDS", 0.5)
        with pytest.raises(Timeout):
            save_text(path, with_note(before, "Mới."), digest(before), local_author(), summary="blocked")
    finally:
        holder.kill()
        holder.wait()
    assert path.read_text(encoding="utf-8") == before
    assert read_entries(good_data / "edit-log.jsonl") == []
    # once the lock is free the same save goes through, logged
    entry = save_text(path, with_note(before, "Mới."), digest(before), local_author(), summary="free")
    assert entry["after"] == digest(path.read_text(encoding="utf-8")) and verify(good_data / "edit-log.jsonl").ok


SAVE_FOREVER = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from indicators.edit_log import local_author
from indicators.editing import digest, read_exact, save_text
path = Path(sys.argv[1])
number = 0
print("saving", flush=True)
while True:
    number += 1
    current = read_exact(path)
    text = current.replace("# A comment", f"# Save {number}. A comment", 1) if number % 2 else current.split(". ", 1)[-1] if current.startswith("# Save") else current
    text = text if text != current else "# Save again. " + current.split("# ", 1)[-1]
    save_text(path, text, digest(current), local_author(), summary=f"save {number}")
"""


def test_killing_a_saving_process_at_any_moment_leaves_every_state_on_disk_logged(good_data):
    path = registry_file(good_data)
    initial = path.read_text(encoding="utf-8")
    log = good_data / "edit-log.jsonl"
    randomness = random.Random(19)  # noqa: S311 - kill times, not secrets
    for kills in range(1, 26):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVE_FOREVER, str(path), str(PROJECT)], stdout=subprocess.PIPE, text=True
        )
        assert saver.stdout.readline().strip() == "saving"
        time.sleep(randomness.uniform(0.0, 0.15))  # the kill's moment, at random (not a wait for a result)
        os.kill(saver.pid, signal.SIGKILL)
        saver.wait()
        on_disk = digest(path.read_text(encoding="utf-8"))
        assert on_disk in logged_states(good_data, initial), f"after kill {kills} the file's text is not logged"
        check = verify(log)
        assert check.ok, check.problems
    entries = read_entries(log)
    assert len(entries) > 25  # the savers did save between kills
    # a later save settles whatever the last kill interrupted, and the log stays whole
    current = path.read_text(encoding="utf-8")
    save_text(path, with_note(current, "Sau cùng."), digest(current), local_author(), summary="after the kills")
    last = read_entries(log)[-1]
    assert last["summary"] == "after the kills" and last["after"] == digest(path.read_text(encoding="utf-8"))
    assert verify(log).ok and verify(log).problems == []


FULL_DISK = """
import json, resource, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from indicators.edit_log import local_author
from indicators.editing import digest, read_exact, save_text
limit = int(sys.argv[2])
path = Path(sys.argv[1])
current = read_exact(path)
text = current.replace("# A comment", "# A changed comment", 1)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    save_text(path, text, digest(current), local_author(), summary="on a full disk")
except OSError as error:
    print(json.dumps({"error": error.errno}))
else:
    print(json.dumps({"error": None}))
"""


def save_on_a_full_disk(path: Path, limit: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(path), str(limit), str(PROJECT)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout)


def test_a_full_disk_when_the_file_is_written_rolls_the_entry_back(good_data):
    path = registry_file(good_data)
    # a long file: its small edit's entry fits under the limit, the file itself does not
    padding = "".join(f"# padding line {number}\n" for number in range(4000))
    path.write_text(path.read_text(encoding="utf-8") + padding, encoding="utf-8")
    before = path.read_bytes()
    assert save_on_a_full_disk(path, 20_000) == {"error": 27}  # EFBIG
    assert path.read_bytes() == before
    log = good_data / "edit-log.jsonl"
    assert not log.exists() or log.read_bytes() == b""
    assert verify(log).ok


def test_a_full_disk_when_the_entry_is_written_leaves_the_file_and_log_as_they_were(good_data):
    path = registry_file(good_data)
    log = good_data / "edit-log.jsonl"
    current = path.read_text(encoding="utf-8")
    save_text(path, with_note(current, "Một."), digest(current), local_author(), summary="first")
    log.write_bytes(log.read_bytes() + b"")
    log_before, file_before = log.read_bytes(), path.read_bytes()
    assert save_on_a_full_disk(path, len(log_before) + 40) == {"error": 27}
    assert path.read_bytes() == file_before and log.read_bytes() == log_before
    check = verify(log)
    assert check.ok and check.problems == [] and check.entries == 1
    assert hashlib.sha256(file_before).hexdigest() == read_entries(log)[-1]["after"]
