"""Chart specs: series per period type, target rule, reversed rank axis, light payloads,
and on every chart its title, source line and the reader's number and date formats."""

import pandas as pd
import pytest
from conftest import DATA
from dashboard_helpers import labelled_values

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
COLORS = {label: f"#00000{index}" for index, label in enumerate(LABELS.values())}


CAPTION = Caption("Xuất khẩu sản phẩm số", "Nguồn: Dân trí, 10/10/2023", "vi")


def exports_rows() -> pd.DataFrame:
    frame = load_registry(DATA).observations_frame
    rows = frame[frame.indicator_id == "digital-product-exports"].copy()
    rows["period_text"] = rows.period.astype(str)
    rows["value_text"] = rows.value.astype(str)
    rows["series"] = [LABELS[kind] for kind in rows.period_type]
    rows["in_series"] = True
    rows["source_line"] = "Dân trí, 10/10/2023"
    return rows


def marks(spec: dict) -> list[tuple[str, bool | None]]:
    """Each layer's mark type and, for points, whether it is filled."""
    found = []
    for layer in spec["layer"]:
        mark = layer["mark"] if isinstance(layer["mark"], dict) else {"type": layer["mark"]}
        found.append((mark["type"], mark.get("filled")))
    return found


def test_half_years_and_years_are_separate_coloured_series():
    spec = history_chart(exports_rows(), "tỷ USD", "Loại kỳ", COLORS, CAPTION).to_dict()
    color = spec["layer"][0]["encoding"]["color"]
    assert color["field"] == "series"
    assert color["scale"]["domain"] == ["Năm", "6 tháng"]  # the order of `colors`, not of the rows or the alphabet
    assert color["scale"]["range"] == ["#000000", "#000001"]
    assert spec["layer"][1]["encoding"]["shape"]["scale"]["domain"] == ["Năm", "6 tháng"]
    assert marks(spec)[:2] == [("line", None), ("point", True)]
    assert {mark for mark in marks(spec)[2:]} == {("text", None)}  # value labels, one layer per placement


def test_other_sources_for_a_period_are_hollow_markers_off_the_line():
    rows = exports_rows()
    extra = rows.iloc[[0]].assign(value=114.0, in_series=False, source_line="Báo B, 1/2/2022")
    spec = history_chart(pd.concat([rows, extra]), "tỷ USD", "Loại kỳ", COLORS, CAPTION).to_dict()
    assert marks(spec)[:2] == [("line", None), ("point", True)] and marks(spec)[-1] == ("point", False)
    assert {mark for mark in marks(spec)[2:-1]} == {("text", None)}
    line_data = spec["datasets"][spec["layer"][0]["data"]["name"]] if "data" in spec["layer"][0] else None
    hollow = spec["datasets"][spec["layer"][-1]["data"]["name"]]
    assert [row["value"] for row in hollow] == [114.0] and hollow[0]["source_line"] == "Báo B, 1/2/2022"
    assert line_data is None or 114.0 not in [row["value"] for row in line_data]
    assert {"field": "source_line", "type": "nominal", "title": "📄"} in spec["layer"][-1]["encoding"]["tooltip"]


def test_a_rank_is_drawn_with_1_at_the_top():
    rows = exports_rows()
    spec = history_chart(rows, "hạng", "Loại kỳ", COLORS, CAPTION, rank=True).to_dict()
    assert spec["layer"][0]["encoding"]["y"]["scale"] == {"reverse": True, "zero": False, "nice": False}
    plain = history_chart(rows, "tỷ USD", "Loại kỳ", COLORS, CAPTION).to_dict()
    scale = plain["layer"][0]["encoding"]["y"]["scale"]
    assert scale["zero"] is True and scale["domainMax"] > rows["value"].max()  # room for the top label above


def test_a_target_is_a_labelled_path_from_its_units_first_figure():
    targets = pd.DataFrame(
        {
            "start": [pd.Timestamp(2021, 12, 31)],
            "start_value": [113.5],
            "due": [pd.Timestamp(2025, 1, 1)],
            "value": [150.0],
            "label": ["Mục tiêu 2025 · Việt Nam: 150 tỷ USD"],
            "color": ["#b35c00"],
        }
    )
    spec = history_chart(exports_rows(), "tỷ USD", "Loại kỳ", COLORS, CAPTION, targets=targets).to_dict()
    assert [mark for mark, _ in marks(spec)][-3:] == ["line", "point", "text"]
    datasets = spec["datasets"].values()
    ends = [row for data in datasets for row in data if row.get("label") == "Mục tiêu 2025 · Việt Nam: 150 tỷ USD"]
    assert sorted(row["at"] for row in ends) == [113.5, 150.0, 150.0]  # the path's ends, the diamond


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
            "series": "Tại ngày",
            "in_series": True,
            "value": range(20_000),
            "period_text": "x",
            "value_text": "x",
            "quote": "q",
            "source_line": "s",
        }
    )
    spec = history_chart(big, "u", "t", COLORS, CAPTION).to_dict()
    points, labels = sorted(spec["datasets"].values(), key=len, reverse=True)
    assert len(points) == 2000
    assert len(labels) == 1 and labels[0]["value"] == 19_999


def test_a_long_history_labels_only_the_latest_point_of_each_series():
    frame = pd.DataFrame(
        {
            "period_start": list(pd.date_range("2000-01-01", periods=30, freq="YS")) * 2,
            "series": ["Năm"] * 30 + ["6 tháng"] * 30,
            "in_series": True,
            "value": range(60),
            "period_text": "x",
            "value_text": [f"v{number}" for number in range(60)],
            "quote": "q",
            "source_line": "s",
        }
    )
    assert sorted(labelled_values(history_chart(frame, "u", "t", COLORS, CAPTION).to_dict())) == ["v29", "v59"]
    few = exports_rows()
    assert sorted(labelled_values(history_chart(few, "tỷ USD", "Loại kỳ", COLORS, CAPTION).to_dict())) == sorted(
        few["value_text"]
    )  # a short history: every point labelled (none of its labels would cross another)


def test_a_chart_carries_only_its_columns_and_its_own_categories():
    rows = exports_rows()  # its categorical columns hold every source title of the registry
    rows["source_line"] = rows["source_title"]
    assert len(rows["source_line"].cat.categories) > rows["source_line"].nunique() and "note_vi" in rows
    layers = history_chart(rows, "tỷ USD", "Loại kỳ", COLORS, CAPTION).layer
    frames = [layer.data for layer in layers if isinstance(layer.data, pd.DataFrame)]
    assert len(frames) >= 3  # the line and points, the labels, the targets' own
    for data in frames[:2]:
        assert list(data.columns) == HISTORY_COLUMNS
        assert list(data["source_line"].cat.categories) == sorted(set(rows["source_line"]))


def every_chart(language: str) -> list[dict]:
    """The spec of each kind of chart the dashboard draws, captioned in `language`."""
    caption = Caption("Tiêu đề", "Nguồn: VOV, 19/7/2024", language, credit="Chỉ số chuyển đổi số Việt Nam")
    frame = load_registry(DATA).observations_frame
    ranks = frame[frame.kind == "rank"].assign(index_label="EGDI", rank_text="86/193")
    counts = pd.DataFrame({"sector": ["a", "b"], "indicators": [2, 1], "observations": [2_000_000, 5]})
    return [
        history_chart(exports_rows(), "tỷ USD", "Loại kỳ", COLORS, caption).to_dict(),
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


def x_axis(spec: dict) -> dict:
    return spec["layer"][0]["encoding"]["x"]["axis"]


def test_a_chart_of_one_date_labels_that_date_on_its_axis():
    """A year tick count draws no tick on a one-date axis: the date is its one tick, labelled as the reader reads it."""
    rows = exports_rows()
    one = rows[rows.period == "2024-H1"].assign(period_text="H1 2024 (the reader's 'label')")
    axis = x_axis(history_chart(one, "tỷ USD", "Kỳ", COLORS, CAPTION).to_dict())
    start = pd.Timestamp(one.period_start.iloc[0])
    assert axis["values"] == [{"year": start.year, "month": start.month, "date": start.day}]
    assert axis["labelExpr"] == "'H1 2024 (the reader\\'s \\'label\\')'"
    several = x_axis(history_chart(rows, "tỷ USD", "Kỳ", COLORS, CAPTION).to_dict())
    assert several == {"format": "%Y", "tickCount": "year"}
