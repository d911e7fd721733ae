"""Edits keep every other byte, never lose an accepted save, never tear a file."""

import json
import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, PROJECT

from indicators import load_registry, read_registry
from indicators.edit_log import local_author, oidc_author, verify
from indicators.editing import ConflictError, check_text, digest, open_draft, save_text

ANALYST = oidc_author("https://id.example.org", "analyst-1", "analyst@example.org")


def test_every_registry_file_round_trips_byte_for_byte():
    for path in sorted((DATA / "registry").glob("*.yaml")):
        assert open_draft(path).text() == path.read_text(encoding="utf-8"), path.name


def test_editing_one_value_changes_only_that_line(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    before = path.read_text(encoding="utf-8")
    draft = open_draft(path)
    draft.data["observations"][0]["note"] = "Kept with the comment above."
    draft.data["observations"][0]["value"] = 35
    save_text(path, draft.text(), draft.base_digest, local_author())
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# A comment that must survive edits.\n")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["    note: Kept with the comment above."]
    assert after.replace("    note: Kept with the comment above.\n", "") == before


def test_crlf_files_stay_crlf(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    draft = open_draft(path)
    draft.data["headline"] = True
    save_text(path, draft.text(), draft.base_digest, local_author())
    raw = path.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")
    assert load_registry(good_data).indicators["vssid-accounts"].headline


def test_a_stale_save_is_refused_with_the_difference(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    mine, theirs = open_draft(path), open_draft(path)
    theirs.data["headline"] = True
    save_text(path, theirs.text(), theirs.base_digest, ANALYST)
    mine.data["scale"] = "thousand"
    with pytest.raises(ConflictError) as refused:
        save_text(path, mine.text(), mine.base_digest, ANALYST)
    assert "changed by someone else" in str(refused.value)
    assert "-headline: true" in refused.value.diff
    assert "headline: true" in path.read_text(encoding="utf-8")


def test_saving_a_new_file_refuses_to_overwrite(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    with pytest.raises(ConflictError):
        save_text(path, "id: x\n", None, ANALYST)


def test_edits_are_logged_as_json_lines(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    draft = open_draft(path)
    draft.data["headline"] = True
    save_text(path, draft.text(), draft.base_digest, ANALYST, summary="headline on")
    (entry,) = [json.loads(line) for line in (good_data / "edit-log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert entry["author"] == {
        "kind": "oidc",
        "issuer": "https://id.example.org",
        "subject": "analyst-1",
        "email": "analyst@example.org",
    }
    assert entry["file"] == "vssid-accounts.yaml" and entry["summary"] == "headline on"
    assert entry["after"] == digest(path.read_text(encoding="utf-8")) and "+headline: true" in entry["diff"]


@pytest.mark.parametrize(
    "author",
    ["Analyst", None, {"kind": "oidc", "issuer": "https://id.example.org", "subject": "a"}, {"kind": "x", "user": "a"}],
)
def test_a_save_without_an_identity_is_refused_before_writing(good_data, author):
    path = good_data / "registry" / "vssid-accounts.yaml"
    before = path.read_text(encoding="utf-8")
    draft = open_draft(path)
    draft.data["headline"] = True
    with pytest.raises(ValueError, match="identity"):
        save_text(path, draft.text(), draft.base_digest, author)
    assert path.read_text(encoding="utf-8") == before
    assert not (good_data / "edit-log.jsonl").exists()


def test_check_text_uses_the_validator(good_data):
    registry = read_registry(good_data)
    path = good_data / "registry" / "vssid-accounts.yaml"
    text = path.read_text(encoding="utf-8").replace("value: 35", "value: 36")
    _, problems = check_text(registry, path, text)
    assert [problem.code for problem in problems] == ["value-not-in-quote"]


def _save_many(arguments):
    """Worker: N read-modify-save cycles, retrying on conflict. Returns counts."""
    data_dir, file_name, worker, rounds = arguments
    path = Path(data_dir) / "registry" / file_name
    accepted = refused = 0
    for round_number in range(rounds):
        while True:
            draft = open_draft(path)
            note = draft.data["observations"][0].get("note") or {"vi": ""}
            draft.data["observations"][0]["note"] = {"vi": f"{note['vi']} w{worker}r{round_number}".strip()}
            try:
                save_text(path, draft.text(), draft.base_digest, {"kind": "local", "user": f"w{worker}"})
                accepted += 1
                break
            except ConflictError:
                refused += 1
    return accepted, refused


def test_concurrent_saves_lose_no_accepted_edit(good_data):
    workers, rounds = 6, 8
    jobs = [(str(good_data), "vssid-accounts.yaml", worker, rounds) for worker in range(workers)]
    jobs += [(str(good_data), "digital-product-exports.yaml", worker, rounds) for worker in range(workers, workers + 2)]
    with multiprocessing.get_context("spawn").Pool(len(jobs)) as pool:
        results = pool.map(_save_many, jobs)
    accepted = sum(result[0] for result in results)
    refused = sum(result[1] for result in results)
    registry = load_registry(good_data)
    notes = registry.observations("vssid-accounts")[0].note.vi.split()
    other = registry.observations("digital-product-exports")[0].note.vi.split()
    expected_vssid = {f"w{worker}r{round_number}" for worker in range(workers) for round_number in range(rounds)}
    assert set(notes) == expected_vssid and len(notes) == workers * rounds  # every accepted edit is there, once
    assert len(other) == 2 * rounds
    assert refused > 0  # writers did collide, and the collisions were refused rather than overwritten
    entries = [json.loads(line) for line in (good_data / "edit-log.jsonl").read_text(encoding="utf-8").splitlines()]
    for name, count in (("vssid-accounts.yaml", workers * rounds), ("digital-product-exports.yaml", 2 * rounds)):
        saves = [entry for entry in entries if entry["file"] == name]
        assert len(saves) == count
        # Each accepted save starts from the text the one before it left: none was lost in between.
        assert {entry["before"] for entry in saves[1:]} <= {entry["after"] for entry in saves}
        assert len({entry["after"] for entry in saves}) == count
    log = (good_data / "edit-log.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(log) == accepted
    chain = verify(good_data / "edit-log.jsonl")  # every append chained to the one before, across processes
    assert chain.ok and chain.problems == [] and chain.entries == accepted
    assert [json.loads(line)["seq"] for line in log] == list(range(1, accepted + 1))


WRITER = """
import sys, time
from pathlib import Path
sys.path.insert(0, {project!r})
import indicators.files as editing
path = Path({path!r})
big = path.read_text(encoding="utf-8") + "# " + "x" * 2_000_000 + "\\n"
original_fsync = editing.os.fsync
def slow_fsync(descriptor):
    print("writing", flush=True)
    time.sleep(30)
editing.os.fsync = slow_fsync
editing.atomic_write(path, big)
"""


def test_a_writer_killed_mid_save_leaves_the_old_file(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    before = path.read_bytes()
    script = WRITER.format(project=str(PROJECT), path=str(path))
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "writing"
    readers_saw = {path.read_bytes() for _ in range(50)}
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert readers_saw == {before}
    assert path.read_bytes() == before
    assert load_registry(good_data).observations("vssid-accounts")[0].value == 35


ALTERNATING_WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, {project!r})
from indicators.files import atomic_write
texts = [Path(name).read_text(encoding="utf-8") for name in sys.argv[1:]]
for index in range(200):
    atomic_write(Path({path!r}), texts[index % 2])
"""


def test_readers_never_see_a_torn_file_while_saves_run(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    texts = []
    for index in range(2):
        draft = open_draft(path)
        draft.data["observations"][0]["note"] = "n" * (20_000 * (index + 1))
        texts.append(draft.text())
    valid = {path.read_text(encoding="utf-8"), *texts}
    names = []
    for index, text in enumerate(texts):
        names.append(str(good_data / f"text-{index}.txt"))
        Path(names[-1]).write_text(text, encoding="utf-8")
    script = ALTERNATING_WRITER.format(project=str(PROJECT), path=str(path))
    writer = subprocess.Popen([sys.executable, "-c", script, *names])
    seen = set()
    while writer.poll() is None:
        seen.add(path.read_text(encoding="utf-8"))
    writer.wait()
    assert writer.returncode == 0
    assert seen and seen <= valid


def test_the_preview_refuses_a_text_over_the_size_limit_that_a_load_would_refuse(good_data):
    from indicators.editing import check_text
    from indicators.files import MAX_YAML_BYTES

    registry = read_registry(good_data)
    path = good_data / "registry" / "vssid-accounts.yaml"
    text = path.read_text(encoding="utf-8")
    long_text = text + "# " + "x" * (MAX_YAML_BYTES - len(text.encode("utf-8"))) + "\n"
    indicator, problems = check_text(registry, path, long_text)
    assert indicator is None and [problem.code for problem in problems] == ["file-too-large"]
    path.write_text(long_text, encoding="utf-8")  # and the load agrees
    assert "file-too-large" in [problem.code for problem in read_registry(good_data).problems]
    assert check_text(registry, path, text)[1] == []
