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


def test_a_reporting_units_change_invalidates_everything(good_data):
    """The catalogue is read by the place proofs: a name added to a bloc makes the quote
    that writes it that bloc's, on the next load with the cache as without it."""
    assert read_registry(good_data, cache=True).problems == []
    aggregates = good_data / "reporting-units" / "aggregates.yaml"
    text = aggregates.read_text(encoding="utf-8")
    aggregates.write_text(
        text.replace('written: ["khối tỉnh, thành phố"', 'written: ["Bảo hiểm xã hội", "khối tỉnh, thành phố"'),
        encoding="utf-8",
    )
    fresh, cached = read_registry(good_data), read_registry(good_data, cache=True)
    assert [(p.code, p.line) for p in cached.problems] == [("geography-not-in-quote", 12)]
    assert cached.problems == fresh.problems


def test_a_source_date_change_invalidates_everything(good_data):
    """The period proofs read the source's date ("hiện có" is the day of publication)."""
    assert read_registry(good_data, cache=True).problems == []
    meta = good_data / "sources" / "example-source.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("2024-07-19", "2024-07-20"), encoding="utf-8")
    fresh, cached = read_registry(good_data), read_registry(good_data, cache=True)
    assert [p.code for p in cached.problems] == ["period-not-in-quote"]
    assert cached.problems == fresh.problems


def test_the_proofs_code_is_part_of_the_cache_context(good_data, monkeypatch, tmp_path):
    """A change to any module of the validator, those of `indicators.reading` and
    `indicators.proofs` included, invalidates the cache."""
    import indicators.cache as cache_module

    code = tmp_path / "code"
    shutil.copytree(cache_module._CODE, code)
    monkeypatch.setattr(cache_module, "_CODE", code)
    before = cache_module.context_digest(good_data)
    module = code / "reading" / "document.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert cache_module.context_digest(good_data) != before


def test_figures_cited_twice_come_from_the_cache_until_a_file_changes(good_data, monkeypatch):
    """The check across files is kept with the files' results: a restart with every file
    current reports it without finding it again; an edit finds it again."""
    duplicate = FIXTURES / "bad" / "figure-cited-twice" / "registry" / "vssid-app-accounts.yaml"
    shutil.copy(duplicate, good_data / "registry")
    fresh, first = read_registry(good_data), read_registry(good_data, cache=True)
    assert [p.code for p in first.problems] == ["figure-cited-twice"] and first.problems == fresh.problems
    found = []
    original = __import__("indicators.loader", fromlist=["figures_cited_twice"]).figures_cited_twice
    monkeypatch.setattr("indicators.loader.figures_cited_twice", lambda *a: found.append(1) or original(*a))
    assert read_registry(good_data, cache=True).problems == fresh.problems and found == []
    copy = good_data / "registry" / "vssid-app-accounts.yaml"
    copy.write_text(copy.read_text(encoding="utf-8").replace("value: 35", "value: 36"), encoding="utf-8")
    again = read_registry(good_data, cache=True)
    assert [p.code for p in again.problems] == ["value-not-in-quote"] and found == [1]
    assert read_registry(good_data, cache=True).problems == again.problems and found == [1]


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
