"""Many units and many sources on the pages: a card shows one unit's standing series,
a disagreement is said, units are compared for one period, a merged province's series
ends with its successor named. Data: tests/fixtures/units (written for these tests)."""

import json

import pyarrow as pa
import pytest
from conftest import FIXTURES
from dashboard_helpers import charts, labelled_values, open_page, shown, text_of

UNITS = FIXTURES / "units"


@pytest.fixture
def units_app(app, monkeypatch):
    monkeypatch.setenv("INDICATORS_DATA", str(UNITS))
    app.query_params["lang"] = "en"
    return app


def specs(app) -> list[dict]:
    """Each chart's Vega-Lite spec with its data sets back in `datasets`, as records
    (Streamlit sends them beside the spec, in Arrow)."""
    found = []
    for chart in charts(app):
        spec = json.loads(chart.proto.spec)
        spec["datasets"] = {
            dataset.name: pa.ipc.open_stream(dataset.data.data).read_pandas().to_dict("records")
            for dataset in chart.proto.datasets
        }
        found.append(spec)
    return found


def mark_types(spec: dict) -> list[tuple[str, object]]:
    return [(layer["mark"]["type"], layer["mark"].get("filled")) for layer in spec.get("layer", [])]


def test_a_card_shows_the_first_figure_of_a_disputed_period_and_says_so(units_app):
    units_app.run()
    assert not units_app.exception
    cards = {shown(metric.label): metric for metric in units_app.metric}
    firms = cards["firms"]
    assert shown(firms.value) == "73,000"  # not 74,500 compared with 73,000 as growth
    assert shown(firms.proto.delta) == "+3,000"  # 2023's 70,000, the previous year
    assert [shown(warning.value) for warning in units_app.warning] == [
        "Sources disagree on 2024; the details page lists each one."
    ]


def test_a_card_of_provincial_figures_names_its_unit(units_app):
    units_app.run()
    cards = {shown(metric.label): metric for metric in units_app.metric}
    assert shown(cards["%"].value) == "61.5%"
    assert "Bac Ninh province · 2024 · Bộ Thông tin và Truyền thông, 10 January 2025" in text_of(units_app)


def test_the_indicator_page_compares_units_for_one_period_with_citations(units_app):
    open_page(units_app, "indicator", indicator="online-dossiers-provinces")
    assert not units_app.exception and not units_app.error
    history, comparison = specs(units_app)
    assert history["layer"][0]["encoding"]["color"]["scale"]["domain"] == [
        "Bac Ninh province",
        "Da Nang city",
        "Ha Giang province",
    ]
    assert comparison["title"]["text"].endswith(" · 2024")
    assert mark_types(comparison) == [("bar", None), ("text", None)]
    bars = next(iter(comparison["datasets"].values()))
    assert sorted((row["unit_name"], row["value"]) for row in bars) == [
        ("Bac Ninh province", 61.5),
        ("Da Nang city", 72.3),
        ("Ha Giang province", 38.4),
    ]
    assert units_app.selectbox(key="compare_online-dossiers-provinces").options == ["2024", "2023"]
    text = text_of(units_app)
    assert "Ha Giang province merged into Tuyen Quang province on 1 July 2025: its series ends there." in text
    assert text.count("Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình") >= 3  # each bar's citation


def test_the_comparison_follows_the_period_chosen(units_app):
    open_page(units_app, "indicator", indicator="online-dossiers-provinces")
    units_app.selectbox(key="compare_online-dossiers-provinces").select("2023").run()
    _, comparison = specs(units_app)
    bars = next(iter(comparison["datasets"].values()))
    assert sorted(row["value"] for row in bars) == [30.2, 52.8, 66.1]


def test_other_sources_for_a_period_are_hollow_markers(units_app):
    open_page(units_app, "indicator", indicator="digital-firms")
    (history,) = specs(units_app)
    marks = mark_types(history)
    assert marks[:2] == [("line", None), ("point", True)] and marks[-1] == ("point", False)
    assert set(marks[2:-1]) == {("text", None)}  # value labels, one layer per placement
    assert sorted(labelled_values(history)) == ["70,000 firms", "73,000 firms"]  # the standing figures only
    hollow = history["datasets"][history["layer"][-1]["data"]["name"]]
    assert [(row["value"], row["source_line"]) for row in hollow] == [(74_500.0, "Báo Đầu tư, 5 January 2025")]


def test_the_unit_filter_keeps_only_the_units_chosen(units_app):
    units_app.query_params["unit"] = "da-nang"
    open_page(units_app, "indicator", indicator="online-dossiers-provinces")
    assert not units_app.warning
    (history,) = specs(units_app)  # one unit: no comparison
    line = history["datasets"][history["layer"][0]["data"]["name"]]
    assert sorted(row["value"] for row in line) == [66.1, 72.3]
    assert {row["value"] for data in history["datasets"].values() for row in data if "value" in row} == {66.1, 72.3}
    assert sorted(labelled_values(history)) == ["66.1%", "72.3%"]
    assert units_app.multiselect(key="units@en").value == ["da-nang"]


def test_health_lists_the_open_conflict(units_app):
    open_page(units_app, "health")
    assert not units_app.exception
    text = text_of(units_app)
    assert "Open conflicts" in text
    assert any("74500" in table.value.to_csv() and "73000" in table.value.to_csv() for table in units_app.dataframe)


def test_a_rank_that_falls_is_an_improvement_drawn_upwards(units_app):
    units_app.run()
    rank = {shown(metric.label): metric for metric in units_app.metric}["rank"].proto
    assert (shown(rank.body), shown(rank.delta), rank.color, rank.direction) == ("71/193", "+15", rank.GREEN, rank.UP)
    assert rank.delta_description == "places vs 2022"  # the period the change is reckoned from
    assert list(rank.chart_data) == [-86, -71]  # the sparkline rises as the rank improves


def test_a_rank_history_has_1_at_the_top(units_app):
    open_page(units_app, "indicator", indicator="egdi-rank")
    (history,) = specs(units_app)
    assert history["layer"][0]["encoding"]["y"]["scale"]["reverse"] is True


def test_a_card_gives_the_distance_to_its_target(units_app):
    units_app.run()
    assert "Target 2025: 80% · 18.5 to go" in text_of(units_app)
    open_page(units_app, "indicator", indicator="online-dossiers-provinces")
    history = specs(units_app)[0]
    path, goal, label = history["layer"][-3:]  # a dashed path from Bac Ninh's first figure to a labelled diamond
    assert (path["mark"]["type"], path["mark"]["strokeDash"]) == ("line", [6, 4])
    assert [row["at"] for row in history["datasets"][path["data"]["name"]]] == [52.8, 80.0]
    assert (goal["mark"]["type"], goal["mark"]["shape"]) == ("point", "diamond")
    assert label["mark"]["type"] == "text"
    assert [row["label"] for row in history["datasets"][label["data"]["name"]]] == [
        "Target 2025 · Bac Ninh province: 80%"
    ]
