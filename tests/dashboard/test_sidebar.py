"""The sidebar: filters seeded from the link, kept across a language switch, written back."""

import shutil

from conftest import FIXTURES


def test_filters_survive_a_language_switch_and_stay_in_the_link(app, monkeypatch):
    monkeypatch.setenv("INDICATORS_DATA", str(FIXTURES / "units"))
    app.query_params["geo"] = "province"
    app.query_params["unit"] = "da-nang"
    app.run()
    assert app.sidebar.radio(key="geo@vi").value == "province"
    assert app.sidebar.multiselect(key="units@vi").value == ["da-nang"]
    app.session_state["lang"] = "en"
    app.run()
    assert app.sidebar.radio(key="geo@en").value == "province"
    assert app.sidebar.multiselect(key="units@en").value == ["da-nang"]
    assert app.query_params["lang"] == "en" and app.query_params["unit"] == "da-nang"
    app.sidebar.radio(key="geo@en").set_value("national").run()
    assert app.query_params["geo"] == "national"
    assert "unit" not in app.query_params  # Da Nang is not a national unit: its choice is dropped


def test_filters_follow_the_data_when_a_year_or_a_unit_disappears(app, monkeypatch, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "units", data)
    monkeypatch.setenv("INDICATORS_DATA", str(data))
    app.query_params["from"] = "2022"
    app.query_params["unit"] = "vn"
    app.run()
    assert app.sidebar.slider(key="years@vi").value == (2022, 2024)
    (data / "registry" / "egdi-rank.yaml").unlink()  # the only figure of 2022
    (data / "registry" / "digital-firms.yaml").unlink()  # the only national figures besides it
    app.run()
    assert not app.exception
    assert app.sidebar.slider(key="years@vi").value == (2023, 2024)
    assert app.sidebar.multiselect(key="units@vi").value == []
    last = data / "registry" / "online-dossiers-provinces.yaml"
    last.write_text("id: [", encoding="utf-8")
    app.run()  # a file broken after a valid load keeps its last valid figures, and the years they cover
    assert not app.exception and app.sidebar.slider(key="years@vi").value == (2023, 2024)
    last.unlink()
    app.run()  # no figure at all: one year, no slider
    assert not app.exception and not app.sidebar.get("slider")
