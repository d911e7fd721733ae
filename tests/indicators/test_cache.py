"""The on-disk validation cache gives the same registry and follows every change."""

import json
import shutil

from conftest import FIXTURES

from indicators import read_registry
from indicators.cache import _SCHEMA, ValidationCache
from indicators.registry import OBSERVATION_FIELDS


def loads(data):
    fresh = read_registry(data)
    first = read_registry(data, cache=True)
    second = read_registry(data, cache=True)
    return fresh, first, second


def test_a_cache_hit_gives_the_same_registry(real_data_copy):
    fresh, first, second = loads(real_data_copy)
    assert fresh.problems == first.problems == second.problems == []
    assert fresh.indicators == second.indicators
    assert fresh.rows == second.rows
    assert fresh.observations_frame.equals(second.observations_frame)
    cache = ValidationCache(real_data_copy)
    assert len(cache.entries) == 46 and sum(len(rows["value"]) for rows in cache.rows.values()) == 274


def test_the_cache_columns_are_the_observation_fields():
    assert tuple(_SCHEMA.names) == OBSERVATION_FIELDS


def test_problems_are_cached_and_still_reported(good_data):
    shutil.copytree(FIXTURES / "bad" / "value-not-in-quote" / "registry", good_data / "registry", dirs_exist_ok=True)
    fresh, first, second = loads(good_data)
    assert [str(p) for p in second.problems] == [str(p) for p in fresh.problems]
    assert [p.code for p in second.problems] == ["value-not-in-quote"]
    assert set(second.indicators) == {"digital-product-exports"}


def test_changing_one_file_revalidates_only_that_file(good_data, monkeypatch):
    read_registry(good_data, cache=True)
    path = good_data / "registry" / "vssid-accounts.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 35", "value: 36"), encoding="utf-8")
    read = []
    original = __import__("indicators.loader", fromlist=["_read_indicator"])._read_indicator
    monkeypatch.setattr("indicators.loader._read_indicator", lambda p, *a: read.append(p.name) or original(p, *a))
    registry = read_registry(good_data, cache=True)
    assert read == ["vssid-accounts.yaml"]
    assert [p.code for p in registry.problems] == ["value-not-in-quote"]


def test_a_source_change_invalidates_everything(good_data):
    read_registry(good_data, cache=True)
    source = good_data / "sources" / "example-source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("35 triệu", "36 triệu"), encoding="utf-8")
    registry = read_registry(good_data, cache=True)
    assert [p.code for p in registry.problems] == ["quote-not-in-source"]


def test_the_cache_is_plain_data(good_data, monkeypatch, tmp_path):
    folder = tmp_path / "cache-here"
    monkeypatch.setenv("INDICATORS_CACHE", str(folder))
    read_registry(good_data, cache=True)
    assert sorted(path.name for path in folder.iterdir()) == ["files.json", "observations.parquet"]
    index = json.loads((folder / "files.json").read_text(encoding="utf-8"))
    assert set(index["files"]) == {"digital-product-exports.yaml", "vssid-accounts.yaml"}


def test_cache_can_be_off_or_unwritable(good_data, monkeypatch, tmp_path):
    monkeypatch.setenv("INDICATORS_CACHE", "off")
    assert ValidationCache(good_data).folder is None
    assert read_registry(good_data, cache=True).problems == []
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("INDICATORS_CACHE", str(blocked / "cache"))
    assert ValidationCache(good_data).folder is None
    assert read_registry(good_data, cache=True).problems == []


def test_a_save_during_the_read_is_not_cached_under_the_new_stamp(good_data, monkeypatch):
    """A file saved after it was read but before its entry is stored: the entry must keep the
    stamp of what was read, so the next load reads the saved file instead of the older result."""
    path = good_data / "registry" / "vssid-accounts.yaml"
    text = path.read_text(encoding="utf-8")
    assert "value: 35" in text
    original = __import__("indicators.loader", fromlist=["_read_indicator"])._read_indicator

    def read_then_saved(p, *rest):
        result = original(p, *rest)
        if p == path:  # an editor saves while the load is still going
            path.write_text(text.replace("value: 35", "value: 36"), encoding="utf-8")
        return result

    monkeypatch.setattr("indicators.loader._read_indicator", read_then_saved)
    during = read_registry(good_data, cache=True)
    assert during.problems == []  # the file as it was read
    monkeypatch.setattr("indicators.loader._read_indicator", original)
    after = read_registry(good_data, cache=True)
    assert [p.code for p in after.problems] == ["value-not-in-quote"]
    assert [str(p) for p in after.problems] == [str(p) for p in read_registry(good_data).problems]
