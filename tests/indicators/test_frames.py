"""The observations frame: one row per valid observation, every column filled from the
indicator, the period, the reporting unit and the source."""

import pandas as pd
import pytest
from small_registry import sample_registry

from indicators import load_registry
from indicators.frames import FRAME_COLUMNS, observations_frame, unit_label


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    return load_registry(sample_registry(tmp_path_factory.mktemp("frames") / "data"))


@pytest.fixture(scope="module")
def frame(registry):
    return observations_frame(registry)


def rows(frame, **where) -> pd.DataFrame:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    return frame[mask]


def test_the_columns_are_the_documented_ones_in_order(frame):
    assert list(frame.columns) == FRAME_COLUMNS
    assert len(FRAME_COLUMNS) == len(set(FRAME_COLUMNS))


def test_rows_sort_by_indicator_then_period_start_keeping_file_order_within_a_start(frame):
    assert list(zip(frame.indicator_id, frame.period, frame.reporting_unit, frame.value, strict=True)) == [
        ("covid-online-applications", "tháng cao điểm Covid-19", "vn", 1.2),
        ("digital-economy-growth", "2021/2025", "vn", 20.0),
        ("digital-firms", "2023", "vn", 70_000.0),
        ("digital-firms", "2023", "bac-ninh", 1250.0),
        ("digital-firms", "2023", "bac-ninh", 1310.0),
        ("digital-firms", "2024", "vn", 73_000.0),  # 2024 and 2024-H1 both start on 1 January: file order
        ("digital-firms", "2024", "bac-ninh", 1250.0),
        ("digital-firms", "2024-H1", "da-nang", 2100.0),
        ("digital-firms", "2024", "vn", 73_000.0),
        ("digital-product-exports", "2021", "vn", 113.5),
        ("digital-product-exports", "2023", "vn", 117.3),
        ("egdi-rank", "2022", "vn", 86.0),
        ("mof-online-processing", "2024-Q3", "bo-tai-chinh", 87.6),
        ("vssid-accounts", "2024-07-19", "vn", 35.0),
    ]
    assert frame.index.tolist() == list(range(14))


@pytest.mark.parametrize(
    ("unit", "level", "vi", "en"),
    [
        ("vn", "national", "Việt Nam", "Viet Nam"),
        ("bac-ninh", "province", "Bắc Ninh", "Bac Ninh province"),
        ("da-nang", "province", "Đà Nẵng", "Da Nang city"),
        ("bo-tai-chinh", "ministry", "Bộ Tài chính", "Ministry of Finance"),
    ],
)
def test_each_row_names_its_reporting_unit_and_level(frame, unit, level, vi, en):
    found = rows(frame, reporting_unit=unit)
    assert set(zip(found.reporting_unit_level, found.reporting_unit_vi, found.reporting_unit_en, strict=True)) == {
        (level, vi, en)
    }


def test_an_observations_own_reporting_unit_overrides_the_indicators(frame):
    firms = rows(frame, indicator_id="digital-firms")
    assert firms.reporting_unit.value_counts().to_dict() == {"vn": 3, "bac-ninh": 3, "da-nang": 1, "bo-tai-chinh": 0}


@pytest.mark.parametrize(
    ("indicator_id", "period", "kind", "start", "end", "year", "inferred"),
    [
        ("digital-firms", "2023", "year", "2023-01-01", "2023-12-31", 2023, False),
        ("digital-firms", "2024-H1", "half-year", "2024-01-01", "2024-06-30", 2024, False),
        ("mof-online-processing", "2024-Q3", "quarter", "2024-07-01", "2024-09-30", 2024, False),
        ("vssid-accounts", "2024-07-19", "date", "2024-07-19", "2024-07-19", 2024, False),
        ("digital-economy-growth", "2021/2025", "range", "2021-01-01", "2025-12-31", 2021, False),
        # a free label: placed at its period_start, inferred, its end the same day
        ("covid-online-applications", "tháng cao điểm Covid-19", "other", "2021-08-01", "2021-08-01", 2021, True),
    ],
)
def test_period_columns(frame, indicator_id, period, kind, start, end, year, inferred):
    (row,) = rows(frame, indicator_id=indicator_id, period=period).head(1).itertuples()
    assert (row.period_type, row.period_start, row.period_end, row.year, row.period_inferred) == (
        kind,
        pd.Timestamp(start),
        pd.Timestamp(end),
        year,
        inferred,
    )


def test_per_year_period_en_qualifier_status_and_note_are_carried(frame):
    (growth,) = rows(frame, indicator_id="digital-economy-growth").itertuples()
    assert (growth.per_year, growth.note_vi, growth.note_en) == (
        True,
        "Bình quân mỗi năm của giai đoạn.",
        "Yearly average over the period.",
    )
    (covid,) = rows(frame, indicator_id="covid-online-applications").itertuples()
    assert (covid.period_en, covid.qualifier, covid.status, covid.per_year) == (
        "Covid-19 peak month",
        "about",
        "estimate",
        False,
    )
    (exports,) = rows(frame, indicator_id="digital-product-exports", period="2021").itertuples()
    assert (exports.period_en, exports.note_vi, exports.note_en) == (None, None, None)
    assert pd.isna(exports.qualifier) and pd.isna(exports.status)


def test_values_in_the_base_unit_apply_the_scale(frame):
    assert rows(frame, indicator_id="digital-product-exports").value_in_base_unit.tolist() == [113.5e9, 117.3e9]
    assert rows(frame, indicator_id="covid-online-applications").value_in_base_unit.tolist() == [1_200_000.0]
    assert rows(frame, indicator_id="digital-firms", period="2023").value_in_base_unit.tolist() == [
        70_000.0,
        1250.0,
        1310.0,
    ]


def test_out_of_is_a_number_for_ranks_and_missing_otherwise(frame):
    (rank,) = rows(frame, indicator_id="egdi-rank").itertuples()
    assert (rank.value, rank.out_of, rank.kind, rank.direction) == (86.0, 193.0, "rank", "lower-is-better")
    assert rows(frame, indicator_id="digital-firms").out_of.isna().all()


def test_units_carry_their_scale_word_in_each_language(frame, registry):
    assert rows(frame, indicator_id="digital-product-exports")[["unit", "unit_vi", "scale"]].iloc[0].tolist() == [
        "billion USD",
        "tỷ USD",
        "billion",
    ]
    assert rows(frame, indicator_id="covid-online-applications")[["unit", "unit_vi"]].iloc[0].tolist() == [
        "million applications",
        "triệu hồ sơ",
    ]
    assert rows(frame, indicator_id="digital-firms")[["unit", "unit_vi"]].iloc[0].tolist() == ["firms", "doanh nghiệp"]
    shares = registry.indicators["mof-online-processing"]
    assert (unit_label(shares, "vi"), unit_label(shares, "en")) == ("%", "%")


def test_the_english_singular_unit_is_kept_where_no_scale_word_comes_between(frame):
    assert set(rows(frame, indicator_id="digital-firms")["unit_one"]) == {"firm"}  # "1 firm"
    assert rows(frame, indicator_id="covid-online-applications")["unit_one"].isna().all()  # "1 million applications"
    assert rows(frame, indicator_id="mof-online-processing")["unit_one"].isna().all()  # none given


def test_each_row_carries_its_sources_title_publisher_date_and_address(frame):
    (row,) = rows(frame, indicator_id="mof-online-processing").itertuples()
    assert (
        row.source_id,
        row.source_title,
        row.source_publisher,
        row.source_published,
        row.source_url,
        row.source_accessed,
    ) == (
        "bao-cao-2024",
        "Báo cáo bao-cao-2024",
        "Sở Khoa học và Công nghệ",
        "2024-12-20",
        "https://example.org/bao-cao-2024",
        "2025-01-10",
    )
    assert row.quote == "Trong quý III/2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 87,6%."
    assert row.period_quote is None


def test_standing_columns_show_agreement_and_conflict(frame):
    firms = rows(frame, indicator_id="digital-firms")
    assert list(
        zip(firms.period, firms.reporting_unit, firms.stands, firms.also_reported_by, firms.conflict, strict=True)
    ) == [
        ("2023", "vn", True, 0, False),
        ("2023", "bac-ninh", False, 0, True),  # 1.250 and 1.310: nothing says which stands
        ("2023", "bac-ninh", False, 0, True),
        ("2024", "vn", True, 1, False),  # two sources give 73.000: the first stands
        ("2024", "bac-ninh", True, 0, False),
        ("2024-H1", "da-nang", True, 0, False),
        ("2024", "vn", False, 1, False),
    ]
    assert not frame.preferred.any()


def test_repeated_text_is_categorical_and_unique_text_is_plain(frame):
    for column in ["indicator_id", "sector", "reporting_unit", "reporting_unit_level", "period", "period_type"]:
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
    for column in ["quote", "period_quote", "note_vi", "note_en", "period_en"]:
        assert frame[column].dtype == object, column
    assert frame.year.dtype == "int64" and frame.also_reported_by.dtype == "int64"
    assert [frame[column].dtype == bool for column in ["headline", "per_year", "preferred", "stands", "conflict"]] == [
        True
    ] * 5


def test_a_source_without_a_date_gives_a_missing_publication_date(tmp_path):
    data = sample_registry(tmp_path / "data")
    meta = data / "sources" / "bao-cao-2024.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("published: 2024-12-20\n", ""), encoding="utf-8")
    frame = load_registry(data).observations_frame
    published = rows(frame, source_id="bao-cao-2024").source_published
    assert len(published) == 8 and published.isna().all()
    assert set(rows(frame, source_id="example-source").source_published) == {"2024-07-19"}


def test_a_registry_without_observations_gives_an_empty_frame_with_every_column(registry):
    empty = observations_frame(
        type(registry)(registry.data_dir, registry.taxonomy, registry.sources, {}, {}, {}, units=registry.units)
    )
    assert list(empty.columns) == FRAME_COLUMNS and len(empty) == 0
