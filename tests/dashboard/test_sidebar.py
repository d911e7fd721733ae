"""The sidebar: filters seeded from the link, kept across a language switch, written back."""

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
