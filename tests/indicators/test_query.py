"""Filters and summaries over the observations frame: years by overlap, sectors,
reporting-unit levels and units; KPI rows, counts, light frames for charts."""

import pandas as pd
import pytest
from small_registry import sample_registry

from indicators import load_registry
from indicators.query import (
    UNIT_LEVELS,
    Filters,
    downsample_for_chart,
    filter_observations,
    headline_units,
    kpi_summary,
    observations_per,
    only_columns,
    series_rows,
    year_bounds,
)

SECTORS = ("digital-economy", "digital-society")


@pytest.fixture(scope="module")
def frame(tmp_path_factory):
    return load_registry(sample_registry(tmp_path_factory.mktemp("query") / "data")).observations_frame


def shown(frame, filters: Filters) -> list[tuple[str, str, str]]:
    found = filter_observations(frame, filters)
    return list(zip(found.indicator_id, found.period, found.reporting_unit, strict=True))


def test_everything_is_shown_with_every_sector_and_year(frame):
    found = filter_observations(frame, Filters(SECTORS, 2000, 2100))
    pd.testing.assert_frame_equal(found, frame)


def test_a_year_keeps_every_period_that_overlaps_it(frame):
    assert shown(frame, Filters(SECTORS, 2024, 2024)) == [
        ("digital-economy-growth", "2021/2025", "vn"),  # giai đoạn 2021-2025 covers 2024
        ("digital-firms", "2024", "vn"),
        ("digital-firms", "2024", "bac-ninh"),
        ("digital-firms", "2024-H1", "da-nang"),
        ("digital-firms", "2024", "vn"),
        ("mof-online-processing", "2024-Q3", "bo-tai-chinh"),
        ("vssid-accounts", "2024-07-19", "vn"),
    ]


def test_a_range_of_years_is_inclusive_at_both_ends(frame):
    assert shown(frame, Filters(SECTORS, 2021, 2022)) == [
        ("covid-online-applications", "tháng cao điểm Covid-19", "vn"),  # placed at 1/8/2021
        ("digital-economy-growth", "2021/2025", "vn"),
        ("digital-product-exports", "2021", "vn"),
        ("egdi-rank", "2022", "vn"),
    ]
    assert shown(frame, Filters(SECTORS, 2025, 2025)) == [("digital-economy-growth", "2021/2025", "vn")]


def test_a_sector_keeps_only_its_indicators(frame):
    found = filter_observations(frame, Filters(("digital-society",), 2000, 2100))
    assert sorted(set(found.indicator_id)) == [
        "covid-online-applications",
        "egdi-rank",
        "mof-online-processing",
        "vssid-accounts",
    ]


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        (("province",), [("2023", "bac-ninh"), ("2023", "bac-ninh"), ("2024", "bac-ninh"), ("2024-H1", "da-nang")]),
        (("ministry",), [("2024-Q3", "bo-tai-chinh")]),
        (("bloc",), []),
    ],
)
def test_reporting_unit_levels(frame, levels, expected):
    found = filter_observations(frame, Filters(SECTORS, 2000, 2100, levels))
    assert list(zip(found.period, found.reporting_unit, strict=True)) == expected


def test_the_national_level_leaves_out_provinces_and_ministries(frame):
    found = filter_observations(frame, Filters(SECTORS, 2000, 2100, ("national",)))
    assert set(found.reporting_unit) == {"vn"} and len(found) == 9


def test_chosen_units_narrow_the_levels(frame):
    assert shown(frame, Filters(SECTORS, 2024, 2024, UNIT_LEVELS, ("bac-ninh", "da-nang"))) == [
        ("digital-firms", "2024", "bac-ninh"),
        ("digital-firms", "2024-H1", "da-nang"),
    ]
    # a unit outside the chosen levels stays out
    assert shown(frame, Filters(SECTORS, 2000, 2100, ("national",), ("bac-ninh",))) == []


@pytest.mark.parametrize(
    "filters",
    [Filters((), 2000, 2100), Filters(SECTORS, 2000, 2100, ()), Filters(SECTORS, 2019, 2020)],
)
def test_empty_filters_give_an_empty_frame_with_every_column(frame, filters):
    found = filter_observations(frame, filters)
    assert found.empty and list(found.columns) == list(frame.columns)


def test_year_bounds_are_the_first_and_last_starting_years(frame):
    assert year_bounds(frame) == (2021, 2024)
    assert year_bounds(frame.iloc[:0]) == (2000, 2000)


def test_an_empty_summary_still_has_its_columns(frame):
    summary = kpi_summary(frame.iloc[:0])
    assert summary.empty and list(summary.columns) == [*frame.columns, "previous_value", "previous_period", "history"]


def test_the_summary_compares_with_the_previous_figure_of_the_same_period_type(frame):
    summary = kpi_summary(frame).set_index("indicator_id")
    assert summary.loc["digital-product-exports", ["period", "value", "previous_value"]].tolist() == [
        "2023",
        117.3,
        113.5,
    ]
    assert summary.loc["digital-product-exports", "history"] == [113.5, 117.3]
    assert pd.isna(summary.loc["egdi-rank", "previous_value"]) and summary.loc["egdi-rank", "history"] == [86.0]


def test_a_national_figures_previous_value_is_the_countrys_not_a_provinces(frame):
    row = kpi_summary(frame).set_index("indicator_id").loc["digital-firms"]
    assert (row.reporting_unit, row.value, row.previous_value, row.history, row.stands) == (
        "vn",
        73_000.0,
        70_000.0,
        [70_000.0, 73_000.0],
        True,
    )


def test_a_unit_s_series_has_one_figure_per_period_and_flags_a_disagreement(frame):
    firms = frame[series_rows(frame) & (frame.indicator_id == "digital-firms")]
    by_unit = {
        unit: list(zip(rows.period, rows.value, rows.conflict, strict=True))
        for unit, rows in firms.groupby("reporting_unit", observed=True)
    }
    # The two sources agreeing on the country's 2024 figure count once; Bắc Ninh's
    # disagreeing 2023 figures give the first, flagged.
    assert sorted(by_unit["vn"]) == [("2023", 70_000.0, False), ("2024", 73_000.0, False)]
    assert sorted(by_unit["bac-ninh"]) == [("2023", 1_250.0, True), ("2024", 1_250.0, False)]


def test_a_card_shows_the_nation_or_else_the_unit_with_most_figures(frame):
    units = dict(headline_units(frame[series_rows(frame)]).astype(str).itertuples(index=False))
    assert units["digital-firms"] == "vn"
    assert units["mof-online-processing"] == "bo-tai-chinh"
    provinces_only = frame[(frame.indicator_id == "digital-firms") & (frame.reporting_unit != "vn")]
    assert dict(headline_units(provinces_only).astype(str).itertuples(index=False)) == {"digital-firms": "bac-ninh"}


def test_a_card_never_compares_two_figures_of_one_period(frame):
    bac_ninh = frame[(frame.indicator_id == "digital-firms") & (frame.reporting_unit == "bac-ninh")]
    row = kpi_summary(bac_ninh).iloc[0]
    assert (row.period, row.value, row.previous_value, row.history) == ("2024", 1_250.0, 1_250.0, [1_250.0, 1_250.0])
    only_2023 = kpi_summary(bac_ninh[bac_ninh.period == "2023"]).iloc[0]
    assert pd.isna(only_2023.previous_value) and only_2023.conflict  # not 1,310 vs 1,250 as a change


def test_observations_per_sector_and_source(frame):
    per_sector = observations_per(frame, "sector")
    assert per_sector.values.tolist() == [["digital-economy", 3, 10], ["digital-society", 4, 4]]
    per_source = observations_per(frame, "source_id")
    assert per_source.values.tolist() == [
        ["bao-cao-2024", 5, 8],
        ["example-source", 2, 3],  # a tie keeps the sources' order
        ["provincial-digital-firms", 1, 3],
    ]


def test_observations_per_lists_only_what_a_filtered_frame_has(frame):
    society = filter_observations(frame, Filters(("digital-society",), 2000, 2100))
    assert observations_per(society, "source_id").values.tolist() == [
        ["bao-cao-2024", 3, 3],
        ["example-source", 1, 1],
    ]


def test_only_columns_cuts_categories_to_those_the_rows_use(frame):
    rows = frame[frame.indicator_id == "egdi-rank"]
    light = only_columns(rows, ["indicator_id", "source_id", "value", "quote"])
    assert list(light.columns) == ["indicator_id", "source_id", "value", "quote"]
    assert list(light.indicator_id.cat.categories) == ["egdi-rank"]
    assert list(light.source_id.cat.categories) == ["bao-cao-2024"]
    assert len(rows.indicator_id.cat.categories) == 7  # the full frame's, untouched
    assert light.value.tolist() == [86.0] and light.quote.dtype == object


def test_a_short_history_is_not_downsampled():
    rows = pd.DataFrame({"value": range(5)})
    assert downsample_for_chart(rows, max_points=5) is rows


def test_a_long_history_keeps_max_points_rows_first_and_last_included():
    rows = pd.DataFrame({"value": range(10)})
    assert downsample_for_chart(rows, max_points=4).value.tolist() == [0, 2, 5, 9]
    assert len(downsample_for_chart(pd.DataFrame({"value": range(20_001)}))) == 2000
