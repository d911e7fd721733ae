"""Chart specs: series per period type, target rule, reversed rank axis, light payloads,
and on every chart its title, source line and the reader's number and date formats."""

import pandas as pd
import pytest
from conftest import DATA

from dashboard.charts import HISTORY_COLUMNS, Caption, count_bars, history_chart, ranking_chart
from indicators import load_registry

LABELS = {
    "year": "Năm",
    "half-year": "6 tháng",
    "quarter": "Quý",
    "month": "Tháng",
    "date": "Tại ngày",
    "other": "Khác",
}


CAPTION = Caption("Xuất khẩu sản phẩm số", "Nguồn: Dân trí, 10/10/2023", "vi")


def exports_rows() -> pd.DataFrame:
    frame = load_registry(DATA).observations_frame
    rows = frame[frame.indicator_id == "digital-product-exports"].copy()
    rows["period_text"] = rows.period.astype(str)
    rows["value_text"] = rows.value.astype(str)
    rows["period_label"] = [LABELS[kind] for kind in rows.period_type]
    return rows


def test_half_years_and_years_are_separate_coloured_series():
    spec = history_chart(exports_rows(), "tỷ USD", "Loại kỳ", LABELS, CAPTION).to_dict()
    color = spec["layer"][0]["encoding"]["color"]
    assert color["field"] == "period_label"
    assert color["scale"]["domain"] == ["Năm", "6 tháng"]
    assert color["scale"]["range"][0] != color["scale"]["range"][1]
    assert len(spec["layer"]) == 3


def test_a_target_adds_a_labelled_rule():
    spec = history_chart(
        exports_rows(), "tỷ USD", "Loại kỳ", LABELS, CAPTION, target=150, target_label="Mục tiêu 2025"
    ).to_dict()
    assert [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]][
        -2:
    ] == [
        "rule",
        "text",
    ]
    datasets = spec["datasets"].values()
    assert any(row.get("target") == 150 and row.get("label") == "Mục tiêu 2025" for data in datasets for row in data)


def test_ranks_are_drawn_on_a_reversed_axis_per_index():
    frame = load_registry(DATA).observations_frame
    ranks = frame[frame.kind == "rank"].copy()
    ranks["index_label"] = ranks.indicator_id.astype(str)
    ranks["rank_text"] = [f"{row.value:g}/{row.out_of:g}" for row in ranks.itertuples()]
    spec = ranking_chart(ranks, "Hạng", CAPTION).to_dict()
    assert spec["facet"]["column"]["field"] == "index_label"
    assert spec["resolve"]["scale"]["y"] == "independent"
    y = spec["spec"]["layer"][0]["encoding"]["y"]
    assert y["scale"]["reverse"] is True and 1 in y["axis"]["values"]


def test_large_histories_are_downsampled_before_charting():
    big = pd.DataFrame(
        {
            "period_start": pd.date_range("1900-01-01", periods=20_000, freq="D"),
            "period_type": "date",
            "period_label": "Tại ngày",
            "value": range(20_000),
            "period_text": "x",
            "value_text": "x",
            "quote": "q",
            "source_title": "s",
        }
    )
    spec = history_chart(big, "u", "t", LABELS, CAPTION).to_dict()
    points, labels = sorted(spec["datasets"].values(), key=len, reverse=True)
    assert len(points) == 2000
    assert len(labels) == 1 and labels[0]["value"] == 19_999


def test_a_long_history_labels_only_the_latest_point_of_each_series():
    frame = pd.DataFrame(
        {
            "period_start": list(pd.date_range("2000-01-01", periods=30, freq="YS")) * 2,
            "period_type": ["year"] * 30 + ["half-year"] * 30,
            "period_label": ["Năm"] * 30 + ["6 tháng"] * 30,
            "value": range(60),
            "period_text": "x",
            "value_text": [f"v{number}" for number in range(60)],
            "quote": "q",
            "source_title": "s",
        }
    )
    spec = history_chart(frame, "u", "t", LABELS, CAPTION).to_dict()
    label_layer = spec["layer"][2]
    labelled = spec["datasets"][label_layer["data"]["name"]]
    assert sorted(row["value_text"] for row in labelled) == ["v29", "v59"]
    few = history_chart(exports_rows(), "tỷ USD", "Loại kỳ", LABELS, CAPTION).to_dict()
    assert "data" not in few["layer"][2]  # a short history: the labels share every point


def test_a_chart_carries_only_its_columns_and_its_own_categories():
    rows = exports_rows()  # its categorical columns hold every source title of the registry
    assert len(rows["source_title"].cat.categories) > rows["source_title"].nunique() and "note_vi" in rows
    data = history_chart(rows, "tỷ USD", "Loại kỳ", LABELS, CAPTION).data
    assert list(data.columns) == HISTORY_COLUMNS
    assert list(data["source_title"].cat.categories) == sorted(set(rows["source_title"]))


def every_chart(language: str) -> list[dict]:
    """The spec of each kind of chart the dashboard draws, captioned in `language`."""
    caption = Caption("Tiêu đề", "Nguồn: VOV, 19/7/2024", language, credit="Chỉ số chuyển đổi số Việt Nam")
    frame = load_registry(DATA).observations_frame
    ranks = frame[frame.kind == "rank"].assign(index_label="EGDI", rank_text="86/193")
    counts = pd.DataFrame({"sector": ["a", "b"], "indicators": [2, 1], "observations": [2_000_000, 5]})
    return [
        history_chart(exports_rows(), "tỷ USD", "Loại kỳ", LABELS, caption).to_dict(),
        ranking_chart(ranks, "Hạng", caption).to_dict(),
        count_bars(counts, "sector", "Lĩnh vực", "Số liệu", caption).to_dict(),
    ]


def test_vietnamese_charts_group_thousands_with_dots_and_name_months_in_vietnamese():
    for spec in every_chart("vi"):
        number, time = spec["config"]["locale"]["number"], spec["config"]["locale"]["time"]
        assert (number["decimal"], number["thousands"], number["grouping"]) == (",", ".", [3])
        assert time["months"][0] == "tháng 1" and time["months"][11] == "tháng 12"
        assert time["shortMonths"][0] == "thg 1" and time["days"][0] == "Chủ Nhật"
        assert time["date"] == "%d/%m/%Y"


def test_english_charts_use_british_formats():
    for spec in every_chart("en"):
        number, time = spec["config"]["locale"]["number"], spec["config"]["locale"]["time"]
        assert (number["decimal"], number["thousands"]) == (".", ",")
        assert time["months"][0] == "January" and time["days"][0] == "Sunday" and time["date"] == "%d/%m/%Y"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_chart_carries_its_title_and_source_line(language):
    for spec in every_chart(language):
        assert spec["title"]["text"] == "Tiêu đề"
        assert spec["title"]["subtitle"] == ["Nguồn: VOV, 19/7/2024", "Chỉ số chuyển đổi số Việt Nam"]
        assert spec["title"]["anchor"] == "start"
