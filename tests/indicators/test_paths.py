"""`indicators.paths`: every file of a data folder derived from its root."""

from pathlib import Path

import pytest
from conftest import DATA, PROJECT

from indicators import paths
from indicators.paths import SCHEMA_FILE, DataLayout, default_data_dir


def test_every_path_lies_in_the_one_data_folder(tmp_path):
    layout = DataLayout(tmp_path / "data")
    root = tmp_path / "data"
    assert layout.taxonomy == root / "taxonomy.yaml"
    assert layout.registry == root / "registry"
    assert layout.sources == root / "sources"
    assert layout.reporting_units == root / "reporting-units"
    assert layout.waivers == root / "coverage-waivers.yaml"
    assert layout.edit_log == root / "edit-log.jsonl"
    assert layout.indicator_file("vssid-accounts") == root / "registry" / "vssid-accounts.yaml"
    assert layout.source_metadata("vov-2024") == root / "sources" / "vov-2024.yaml"
    assert layout.source_text("vov-2024") == root / "sources" / "vov-2024.txt"


def test_a_file_knows_its_data_folder(tmp_path):
    layout = DataLayout(tmp_path / "data")
    for path in (layout.indicator_file("x"), layout.source_metadata("s"), layout.source_text("s")):
        assert DataLayout.of_file(path) == layout


def test_a_relative_file_name_is_taken_from_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / "data" / "registry").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "data")
    assert DataLayout.of_file(Path("registry/egdi-rank.yaml")).root == tmp_path / "data"
    assert DataLayout.of_file("registry/egdi-rank.yaml").root == tmp_path / "data"


def test_a_layout_is_a_value():
    assert DataLayout(Path("data")) == DataLayout(Path("data"))
    assert len({DataLayout(Path("data")), DataLayout(Path("data"))}) == 1
    with pytest.raises(AttributeError):
        DataLayout(Path("data")).root = Path("other")


def test_the_real_data_folder_holds_only_what_the_layout_names():
    layout = DataLayout(DATA)
    named = {layout.taxonomy, layout.registry, layout.sources, layout.reporting_units, layout.waivers, layout.edit_log}
    assert set(DATA.iterdir()) - named == set()
    assert layout.taxonomy.is_file() and layout.waivers.is_file()
    assert layout.registry.is_dir() and layout.sources.is_dir() and layout.reporting_units.is_dir()


def test_the_module_describes_every_file_of_the_layout():
    layout = DataLayout(Path("data"))
    described = paths.__doc__
    for path in (layout.taxonomy, layout.registry, layout.sources, layout.reporting_units, layout.waivers):
        assert f"  {path.relative_to('data')}" in described, path
    assert "edit-log.jsonl" in described


def test_the_data_folder_is_the_environment_s_or_the_project_s(monkeypatch, tmp_path):
    monkeypatch.setenv("INDICATORS_DATA", str(tmp_path))
    assert default_data_dir() == tmp_path
    monkeypatch.setenv("INDICATORS_DATA", "")
    assert default_data_dir() == PROJECT / "data"
    monkeypatch.delenv("INDICATORS_DATA")
    assert default_data_dir() == PROJECT / "data"


def test_the_project_and_its_schema_are_found_from_the_package():
    assert paths.PROJECT == PROJECT
    assert SCHEMA_FILE == PROJECT / "schemas" / "indicator.schema.json" and SCHEMA_FILE.is_file()
