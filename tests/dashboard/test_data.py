"""Loading out of the rerun path: one load per change of the data files."""

import os
import shutil

import pytest
from conftest import FIXTURES

from dashboard import data


@pytest.fixture
def folder(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(FIXTURES / "units", copy)
    monkeypatch.setenv("INDICATORS_DATA", str(copy))
    monkeypatch.setenv("INDICATORS_CACHE", "off")
    return copy


def test_a_rerun_without_a_change_reuses_the_load(folder):
    first = data.current()
    assert data.current() is first
    assert data.coverage_of(first) is data.coverage_of(first)
    assert first.registry.data_dir == folder and len(first.frame) == 11


def test_any_write_gives_a_new_load(folder):
    first = data.current()
    path = folder / "registry" / "digital-firms.yaml"
    text = path.read_text(encoding="utf-8")
    times = path.stat()
    path.write_text(text.replace("value: 70000", "value: 70001"), encoding="utf-8")  # same size
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))  # and the old time
    second = data.current()
    assert second is not first
    assert [problem.code for problem in second.registry.problems if problem.is_error] == ["value-not-in-quote"]


def test_after_many_saves_the_server_holds_at_most_four_loads(folder):
    """Each save gives a new load (a new fingerprint); the caches keep the last four
    (`max_entries`), so older versions of the registry are freed, not kept per stamp.
    Only this folder's loads are counted: an app test run earlier in the process leaves
    its last run's view, and the load it shows, in the script's globals (`__main__`)."""
    import gc

    from indicators import Registry
    from indicators.edit_log import local_author
    from indicators.editing import open_draft, save_text

    path = folder / "registry" / "digital-firms.yaml"
    for number in range(10):
        draft = open_draft(path)
        draft.data["observations"][0]["note"] = {"vi": f"Ghi chú {number}", "en": f"Note {number}"}
        save_text(path, draft.text(), draft.base_digest, local_author(), summary="test")
        loaded = data.current()
        data.coverage_of(loaded)
        data.changes_of(loaded)
        assert f"Ghi chú {number}" in loaded.frame["note_vi"].tolist()
    gc.collect()
    alive = [
        thing for thing in gc.get_objects() if isinstance(thing, data.Loaded) and thing.registry.data_dir == folder
    ]
    registries = [thing for thing in gc.get_objects() if isinstance(thing, Registry) and thing.data_dir == folder]
    assert 1 <= len(alive) <= 4
    assert len(registries) <= 4


def test_a_load_that_ends_late_does_not_bring_back_an_older_last_valid_version(folder):
    """Loads of two versions run side by side and the older ends last: a file broken after
    both must be shown with the newer of its valid versions, not the one that ended last."""
    from indicators import read_registry
    from indicators.edit_log import local_author
    from indicators.editing import open_draft, save_text

    path = folder / "registry" / "digital-firms.yaml"
    loads = []
    for number in (1, 2):
        draft = open_draft(path)
        draft.data["observations"][0]["note"] = {"vi": f"Ghi chú {number}", "en": f"Note {number}"}
        save_text(path, draft.text(), draft.base_digest, local_author(), summary="test")
        loads.append((data.load_started(), read_registry(folder)))
    (older_started, older), (newer_started, newer) = loads
    data._with_last_valid(str(folder), newer, newer_started)
    data._with_last_valid(str(folder), older, older_started)  # the older load ends last
    draft = open_draft(path)
    save_text(path, draft.text().replace("value: 70000", "value: 7 0000"), draft.base_digest, local_author(), "x")
    broken = read_registry(folder)
    assert data._with_last_valid(str(folder), broken, data.load_started()) == {"digital-firms"}
    notes = broken.observations_frame.query("indicator_id == 'digital-firms'")["note_vi"].tolist()
    assert "Ghi chú 2" in notes and "Ghi chú 1" not in notes


def test_loads_hand_freed_memory_back_at_most_every_trim_seconds(folder, monkeypatch):
    """Each save is a new load; what the evicted loads freed is handed back to the system
    (glibc's malloc_trim) before a load, but not more often than TRIM_SECONDS."""
    trims = []
    monkeypatch.setattr(data, "_glibc_trim", lambda: trims.append(1))
    monkeypatch.setattr(data, "_trimmed_at", None)
    clock = [1000.0]
    monkeypatch.setattr(data.time, "monotonic", lambda: clock[0])
    path = folder / "registry" / "digital-firms.yaml"
    text = path.read_text(encoding="utf-8")
    for number in range(3):  # three saves within TRIM_SECONDS: one trim
        path.write_text(text + f"# {number}\n", encoding="utf-8")
        data.current()
        clock[0] += 1
    assert len(trims) == 1
    clock[0] += data.TRIM_SECONDS
    path.write_text(text, encoding="utf-8")
    data.current()
    assert len(trims) == 2
    assert data.hand_back_freed_memory(clock[0] + 1) is False
    assert data.hand_back_freed_memory(clock[0] + data.TRIM_SECONDS) is True
