"""The edit log is a chain: `log verify` names the first entry changed, removed or reordered."""

import hashlib
import json
import subprocess
import sys
import threading

import pytest
from conftest import PROJECT
from filelock import FileLock

from indicators import edit_log
from indicators.edit_log import GENESIS, append_entry, local_author, oidc_author, read_entries, verify
from indicators.editing import open_draft, save_text

EDITOR = oidc_author("https://id.example.org", "editor-7", "editor@example.org")


def save_notes(data_dir, count: int) -> None:
    """`count` real saves through save_text, each changing the first observation's note."""
    path = data_dir / "registry" / "vssid-accounts.yaml"
    for number in range(1, count + 1):
        draft = open_draft(path)
        draft.data["observations"][0]["note"] = f"Edit number {number}."
        save_text(path, draft.text(), draft.base_digest, EDITOR, summary=f"edit {number}")


def log_lines(data_dir) -> list[str]:
    return (data_dir / "edit-log.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)


def write_lines(data_dir, lines: list[str]) -> None:
    (data_dir / "edit-log.jsonl").write_text("".join(lines), encoding="utf-8")


def run_verify(data_dir) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "indicators", "--data", str(data_dir), "log", "verify"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_each_entry_carries_its_number_and_the_digest_of_the_line_before(good_data):
    save_notes(good_data, 3)
    lines = [line.rstrip("\n").encode("utf-8") for line in log_lines(good_data)]
    entries = read_entries(good_data / "edit-log.jsonl")
    assert [entry["seq"] for entry in entries] == [1, 2, 3]
    assert entries[0]["previous"] == GENESIS == "sha256:" + hashlib.sha256(b"").hexdigest()
    assert entries[1]["previous"] == "sha256:" + hashlib.sha256(lines[0]).hexdigest()
    assert entries[2]["previous"] == "sha256:" + hashlib.sha256(lines[1]).hexdigest()
    assert list(entries[2])[:2] == ["seq", "previous"] and entries[2]["author"] == EDITOR


def test_an_intact_log_verifies(good_data):
    save_notes(good_data, 4)
    check = verify(good_data / "edit-log.jsonl")
    last = log_lines(good_data)[-1].rstrip("\n").encode("utf-8")
    assert check.ok and check.problems == [] and check.broken_at is None
    assert check.entries == 4 and check.head == "sha256:" + hashlib.sha256(last).hexdigest()


def test_a_missing_log_is_an_intact_empty_one(good_data):
    check = verify(good_data / "edit-log.jsonl")
    assert check.ok and check.entries == 0 and check.head is None and check.problems == []


def test_an_edited_entry_is_reported_at_its_line(good_data):
    save_notes(good_data, 4)
    lines = log_lines(good_data)
    assert '"summary": "edit 2"' in lines[1]
    lines[1] = lines[1].replace('"summary": "edit 2"', '"summary": "edit two"')
    write_lines(good_data, lines)
    problem = verify(good_data / "edit-log.jsonl").broken_at
    assert (problem.line, problem.code) == (2, "edit-log-changed")
    assert "changed after it was written: line 3 records another digest for it" in problem.message


def test_a_deleted_line_is_reported_where_it_was(good_data):
    save_notes(good_data, 4)
    lines = log_lines(good_data)
    write_lines(good_data, lines[:2] + lines[3:])
    problem = verify(good_data / "edit-log.jsonl").broken_at
    assert (problem.line, problem.code) == (3, "edit-log-removed")
    assert problem.message == "1 entry before this one is missing (it was written as entry 4)"


def test_deleting_the_first_line_shows(good_data):
    save_notes(good_data, 3)
    write_lines(good_data, log_lines(good_data)[1:])
    problem = verify(good_data / "edit-log.jsonl").broken_at
    assert (problem.line, problem.code) == (1, "edit-log-removed")


def test_two_swapped_lines_are_reported_at_the_first(good_data):
    save_notes(good_data, 4)
    lines = log_lines(good_data)
    lines[1], lines[2] = lines[2], lines[1]
    write_lines(good_data, lines)
    problem = verify(good_data / "edit-log.jsonl").broken_at
    assert (problem.line, problem.code) == (2, "edit-log-reordered")
    assert problem.message == "entry 3 stands at line 2: the log was reordered; entry 2 is at line 3"


def test_a_line_that_is_not_an_entry_is_reported(good_data):
    save_notes(good_data, 3)
    lines = log_lines(good_data)
    lines[1] = lines[1][: len(lines[1]) // 2] + "\n"
    write_lines(good_data, lines)
    problem = verify(good_data / "edit-log.jsonl").broken_at
    assert (problem.line, problem.code) == (2, "edit-log-unreadable")


def test_changing_the_last_entry_changes_only_the_head(good_data):
    """The limit of a chain: nothing after the last entry vouches for it; its digest does."""
    save_notes(good_data, 2)
    before = verify(good_data / "edit-log.jsonl").head
    lines = log_lines(good_data)
    write_lines(good_data, [lines[0], lines[1].replace("edit 2", "edit B")])
    after = verify(good_data / "edit-log.jsonl")
    assert after.ok and after.head != before


def test_a_log_older_than_the_chain_is_reported_and_then_chained(good_data):
    log = good_data / "edit-log.jsonl"
    old = [{"time": "2024-01-02T03:04:05+00:00", "author": "analyst", "file": "x.yaml"} for _ in range(2)]
    log.write_text("".join(json.dumps(entry) + "\n" for entry in old), encoding="utf-8")
    check = verify(log)
    assert check.ok and check.entries == 2
    (warning,) = check.problems
    assert (warning.line, warning.code, warning.severity) == (1, "edit-log-unchained", "warning")
    assert "lines 1–2 were written before the log was chained" in warning.message
    save_notes(good_data, 1)
    entry = read_entries(log)[-1]
    assert entry["seq"] == 3 and entry["previous"] != GENESIS
    assert verify(log).ok and [problem.code for problem in verify(log).problems] == ["edit-log-unchained"]


def test_an_unchained_entry_after_chained_ones_is_a_change(good_data):
    save_notes(good_data, 2)
    lines = log_lines(good_data)
    entry = json.loads(lines[1])
    del entry["seq"], entry["previous"]
    write_lines(good_data, [lines[0], json.dumps(entry, ensure_ascii=False) + "\n"])
    problem = verify(good_data / "edit-log.jsonl").broken_at
    assert (problem.line, problem.code) == (2, "edit-log-changed")


def test_a_torn_last_line_is_a_warning_and_the_next_append_cuts_it_off(good_data):
    save_notes(good_data, 1)
    log = good_data / "edit-log.jsonl"
    with open(log, "a", encoding="utf-8") as handle:
        handle.write('{"seq": 2, "previo')  # a save killed mid-line
    torn = verify(log)
    assert torn.ok and [(problem.line, problem.code) for problem in torn.problems] == [(2, "edit-log-torn")]
    entry = append_entry(log, {"author": local_author(), "summary": "after the crash"})
    lines = log.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[1]) == entry and entry["seq"] == 2
    assert verify(log).ok and verify(log).problems == []


def test_a_whole_last_entry_without_its_line_feed_is_kept(good_data):
    save_notes(good_data, 2)
    log = good_data / "edit-log.jsonl"
    log.write_bytes(log.read_bytes().removesuffix(b"\n"))
    entry = append_entry(log, {"author": local_author(), "summary": "after"})
    assert entry["seq"] == 3 and verify(log).ok and verify(log).entries == 3


def test_the_chain_fields_belong_to_the_log(tmp_path):
    with pytest.raises(ValueError, match="own fields"):
        append_entry(tmp_path / "edit-log.jsonl", {"seq": 1})
    assert not (tmp_path / "edit-log.jsonl").exists()


def test_log_verify_exit_codes_and_output(good_data):
    save_notes(good_data, 3)
    intact = run_verify(good_data)
    assert intact.returncode == 0, intact.stderr
    assert intact.stdout == ""
    assert intact.stderr.startswith("ok: 3 entries, the chain is intact; last line sha256:")
    lines = log_lines(good_data)
    write_lines(good_data, [lines[0], lines[2]])
    broken = run_verify(good_data)
    assert broken.returncode == 1
    log = good_data / "edit-log.jsonl"
    message = "1 entry before this one is missing (it was written as entry 3)"
    assert broken.stdout == f"{log}:2:1: -: {message} [edit-log-removed]\n"
    assert "broken at line 2" in broken.stderr


def test_verify_waits_for_an_append_in_progress(good_data):
    """A reader (the health page) that looks while a line is half-written sees the log
    as it is before or after the append, never a torn line."""
    save_notes(good_data, 2)
    log_path = good_data / "edit-log.jsonl"
    whole = log_path.read_bytes()
    with FileLock(str(log_path) + ".lock"):  # what append_entry holds while it writes
        log_path.write_bytes(whole + b'{"seq": 3, "prev')
        checks = []
        reader = threading.Thread(target=lambda: checks.append(verify(log_path)))
        reader.start()
        reader.join(timeout=0.3)
        assert reader.is_alive() and not checks  # the reader waits for the writer
        log_path.write_bytes(whole)  # the writer finishes (here: as if it had written nothing)
    reader.join(timeout=10)
    assert checks and checks[0].ok and checks[0].entries == 2


def test_verify_reads_a_log_it_cannot_lock(good_data, monkeypatch):
    save_notes(good_data, 2)
    monkeypatch.setattr(edit_log, "FileLock", _unlockable)
    check = verify(good_data / "edit-log.jsonl")
    assert check.ok and check.entries == 2


def _unlockable(*args, **kwargs):
    raise PermissionError("read-only copy of the data")


def test_the_cached_check_reads_the_log_only_after_it_changed(good_data, monkeypatch):
    from indicators import edit_log

    save_notes(good_data, 2)
    log = good_data / "edit-log.jsonl"
    reads = []
    original = edit_log._read_settled
    monkeypatch.setattr(edit_log, "_read_settled", lambda path: reads.append(path) or original(path))
    first = edit_log.verify_cached(log)
    assert edit_log.verify_cached(log) is first and edit_log.verify_cached(log).entries == 2
    assert len(reads) == 1  # the second and third views did not read it
    save_notes(good_data, 1)
    assert edit_log.verify_cached(log).entries == 3 and len(reads) == 2
    lines = log_lines(good_data)
    write_lines(good_data, [lines[1], lines[0], lines[2]])  # an edit in place shows at once
    assert not edit_log.verify_cached(log).ok and len(reads) == 3
