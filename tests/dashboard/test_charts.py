"""Chart specs: series per period type, target rule, reversed rank axis, light payloads."""

import pandas as pd
from conftest import DATA

from dashboard.charts import HISTORY_COLUMNS, history_chart, ranking_chart
from indicators import load_registry

LABELS = {
    "year": "Năm",
    "half-year": "6 tháng",
    "quarter": "Quý",
    "month": "Tháng",
    "date": "Tại ngày",
    "other": "Khác",
}


def exports_rows() -> pd.DataFrame:
    frame = load_registry(DATA).observations_frame
    rows = frame[frame.indicator_id == "digital-product-exports"].copy()
    rows["period_text"] = rows.period.astype(str)
    rows["value_text"] = rows.value.astype(str)
    rows["period_label"] = [LABELS[kind] for kind in rows.period_type]
    return rows


def test_half_years_and_years_are_separate_coloured_series():
    spec = history_chart(exports_rows(), "tỷ USD", "Loại kỳ", LABELS).to_dict()
    color = spec["layer"][0]["encoding"]["color"]
    assert color["field"] == "period_label"
    assert color["scale"]["domain"] == ["Năm", "6 tháng"]
    assert color["scale"]["range"][0] != color["scale"]["range"][1]
    assert len(spec["layer"]) == 3


def test_a_target_adds_a_labelled_rule():
    spec = history_chart(
        exports_rows(), "tỷ USD", "Loại kỳ", LABELS, target=150, target_label="Mục tiêu 2025"
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
    spec = ranking_chart(ranks, "Hạng").to_dict()
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
    spec = history_chart(big, "u", "t", LABELS).to_dict()
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
    spec = history_chart(frame, "u", "t", LABELS).to_dict()
    label_layer = spec["layer"][2]
    labelled = spec["datasets"][label_layer["data"]["name"]]
    assert sorted(row["value_text"] for row in labelled) == ["v29", "v59"]
    few = history_chart(exports_rows(), "tỷ USD", "Loại kỳ", LABELS).to_dict()
    assert "data" not in few["layer"][2]  # a short history: the labels share every point


def test_a_chart_carries_only_its_columns_and_its_own_categories():
    rows = exports_rows()  # its categorical columns hold every source title of the registry
    assert len(rows["source_title"].cat.categories) > rows["source_title"].nunique() and "note_vi" in rows
    data = history_chart(rows, "tỷ USD", "Loại kỳ", LABELS).data
    assert list(data.columns) == HISTORY_COLUMNS
    assert list(data["source_title"].cat.categories) == sorted(set(rows["source_title"]))
