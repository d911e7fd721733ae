"""`export --format site`: the files, a data package frictionless accepts, feeds a feed reader reads."""

import json
import subprocess
import sys
from datetime import UTC, datetime

import feedparser
import frictionless
import pandas as pd
import pytest
from conftest import PROJECT
from test_history import EDITOR, _Clock, save_at

from indicators import editing, read_registry
from indicators.site import write_site


def export_site(data_dir, output, *extra) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "indicators", "--data", str(data_dir), "export", "--format", "site"]
        + ["--output", str(output), *extra],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("site")
    result = export_site(PROJECT / "data", output)
    assert result.returncode == 0, result.stderr
    return output, result


def test_the_site_of_the_real_registry_holds_every_file(real_site):
    output, result = real_site
    registry = read_registry(PROJECT / "data")
    assert f"wrote {len(registry.indicators) + 1} tables" in result.stderr
    for name in ("datapackage.json", "observations.csv", "observations-excel.csv", "observations.json"):
        assert (output / name).stat().st_size > 0
    for indicator_id in registry.indicators:
        for suffix in (".csv", "-excel.csv", ".json"):
            assert (output / "indicators" / f"{indicator_id}{suffix}").exists()
    assert (output / "changes.vi.atom").exists() and (output / "changes.en.atom").exists()


def test_frictionless_accepts_the_data_package_and_every_row(real_site):
    output, _ = real_site
    report = frictionless.validate(str(output / "datapackage.json"))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads((output / "datapackage.json").read_text(encoding="utf-8"))
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    registry = read_registry(PROJECT / "data")
    assert rows["observations"] == registry.observation_count > 200
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert [source["id"] for source in package["sources"]] == sorted(registry.sources)
    assert all(source["title"] for source in package["sources"])
    fields = package["resources"][0]["schema"]["fields"]
    assert {field["name"]: field["type"] for field in fields}["period_start"] == "date"
    assert all(field["description"] for field in fields)


def test_the_csv_for_tools_has_no_byte_order_mark_and_the_one_for_excel_has(real_site):
    output, _ = real_site
    assert not (output / "observations.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (output / "observations-excel.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(output / "observations.csv")
    observations = read_registry(PROJECT / "data").observation_count
    assert len(frame) == observations and frame.columns[0] == "indicator_id"
    records = json.loads((output / "observations.json").read_text(encoding="utf-8"))
    assert len(records) == observations and records[0]["indicator_id"] == frame.indicator_id[0]


def test_freshness_of_a_file_the_log_never_saw_is_the_day_its_figures_were_read(real_site):
    output, _ = real_site
    record = json.loads((output / "indicators" / "vssid-accounts.json").read_text(encoding="utf-8"))
    assert record["last_changed_basis"] == "source-accessed" and record["last_changed"] == "2026-11-23"
    assert record["newest_figure"] == {"period": "2024-07-19", "period_start": "2024-07-19"}
    assert record["files"]["csv"] == "vssid-accounts.csv" and record["observations"][0]["value"] == 35


def test_site_needs_an_output_folder(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "indicators", "export", "--format", "site"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "--format site needs --output DIR" in result.stderr


@pytest.fixture
def edited(good_data, monkeypatch):
    """35 revised to 36 on 1 July 2024 (the source corrected), a 2025 figure added on 3 July,
    removed on 4 July."""
    monkeypatch.setattr(editing, "datetime", _Clock)
    path = good_data / "registry" / "vssid-accounts.yaml"
    source = good_data / "sources" / "example-source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("35 triệu", "36 triệu"), encoding="utf-8")

    def revise(data):
        data["observations"][0]["value"] = 36
        data["observations"][0]["quote"] = "Phần mềm Bảo hiểm xã hội hiện có 36 triệu tài khoản."

    def add(data):
        data["observations"].append({"value": 40, "period": "2025", "source": "example-source", "quote": "x"})

    save_at(_Clock, path, datetime(2024, 7, 1, 3, tzinfo=UTC), revise)
    save_at(_Clock, path, datetime(2024, 7, 3, 3, tzinfo=UTC), add)
    # The second figure's quote is not in its source: put the file back to a valid one with a third save.
    save_at(_Clock, path, datetime(2024, 7, 4, 3, tzinfo=UTC), lambda data: data["observations"].pop())
    return good_data


def test_the_feeds_carry_every_figure_change_in_each_language(edited, tmp_path):
    result = export_site(edited, tmp_path / "site", "--site-url", "https://example.org/app")
    assert result.returncode == 0, result.stderr
    english = feedparser.parse((tmp_path / "site" / "changes.en.atom").read_bytes())
    assert not english.bozo, english.bozo_exception
    assert [entry.title for entry in english.entries] == [
        "VssID accounts: 2025 removed 40",
        "VssID accounts: 2025 added 40",
        "VssID accounts: 2024-07-19 revised 35 → 36",
    ]
    first = english.entries[-1]
    assert first.author == "nguyen.an" and first.updated_parsed[:3] == (2024, 7, 1)
    assert first.link == "https://example.org/app/indicator?indicator=vssid-accounts&lang=en"
    assert first.tags[0].term == "digital-society"
    assert (
        first.id == "tag:vn-digital-transformation-indicators,2024:change/1/vssid-accounts/2024-07-19/-/example-source"
    )
    assert english.feed.links[0].href == "https://example.org/app/app/static/data/changes.en.atom"
    vietnamese = feedparser.parse((tmp_path / "site" / "changes.vi.atom").read_bytes())
    assert not vietnamese.bozo and vietnamese.feed.language == "vi"
    assert vietnamese.entries[-1].title == "Tài khoản VssID: 2024-07-19 sửa 35 → 36"


def test_freshness_of_an_edited_file_is_the_day_of_its_last_save(edited, tmp_path):
    package = write_site(read_registry(edited), tmp_path / "site")
    record = json.loads((tmp_path / "site" / "indicators" / "vssid-accounts.json").read_text(encoding="utf-8"))
    assert (record["last_changed"], record["last_changed_basis"]) == ("2024-07-04", "edit-log")
    assert (package["last_changed"], package["newest_figure"]["period"]) == ("2024-07-04", "2024-07-19")
    assert record["observations"][0]["value"] == 36
    assert EDITOR["email"] not in (tmp_path / "site" / "changes.en.atom").read_text(encoding="utf-8")
