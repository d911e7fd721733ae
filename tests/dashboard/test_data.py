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
