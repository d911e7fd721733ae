"""The checks of a whole indicator file, as an editor reads them (`path:line:col: field:
message [code]`): values against kinds, quotes against sources, periods and reporting
units against quotes, targets, and sources that disagree. An error drops its observation;
a warning keeps it."""

import pytest
from small_registry import good_copy, problems_of, write_indicator, write_source

from indicators import read_registry
from indicators.checks import IndicatorChecker
from indicators.models import OBSERVATION_DEFAULTS, IndicatorInfo

REPORT = """Báo cáo chuyển đổi số năm 2024
Trong quý III/2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 87,6%.
Năm 2023, tỉnh Thanh Hóa xếp hạng 12/63 tỉnh, thành phố; năm 2024 xếp hạng 9/63, tăng 3 bậc.
Năm 2024, Bộ Thông tin và Truyền thông tiếp nhận 1.400 hồ sơ trực tuyến.
Năm 2025, Bộ Thông tin và Truyền thông tiếp nhận 1.500 hồ sơ trực tuyến.
Mục tiêu đến năm 2025, kinh tế số chiếm 20% GDP.
Năm 2024, cả nước có 73.000 doanh nghiệp công nghệ số.
Theo số liệu cập nhật, năm 2024 cả nước có 73.500 doanh nghiệp công nghệ số.
Toàn tỉnh đã hình thành 1.400 doanh nghiệp công nghệ số.
Báo cáo tổng kết năm 2024 của tỉnh Bắc Ninh.
"""
RANKS = "Năm 2023, tỉnh Thanh Hóa xếp hạng 12/63 tỉnh, thành phố; năm 2024 xếp hạng 9/63, tăng 3 bậc."


@pytest.fixture
def data(tmp_path):
    folder = good_copy(tmp_path / "data")
    write_source(folder, "bao-cao", REPORT)
    return folder


def test_the_good_fixture_with_the_report_has_no_problems(data):
    assert problems_of(data) == []


def test_a_quarter_the_quote_does_not_state_drops_only_that_observation(data):
    write_indicator(
        data,
        "mof-online",
        """  - value: 87.6
    period: 2024-Q2
    source: bao-cao
    quote: "Trong quý III/2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 87,6%."
  - value: 87.6
    period: 2024-Q3
    source: bao-cao
    quote: "Trong quý III/2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 87,6%."
""",
        reporting_unit="bo-tai-chinh",
        kind="share",
        unit='{vi: "%", en: "%"}',
    )
    assert problems_of(data) == [
        "registry/mof-online.yaml:12:5: observations[0].period: the quote gives this value for 2024-Q3 "
        "('quý III/2024'); it does not state 2024-Q2 [period-not-in-quote]"
    ]
    rows = read_registry(data).rows["mof-online"]
    assert (rows["period"], rows["value"]) == (["2024-Q3"], [87.6])


def test_present_tense_wording_is_filed_at_the_sources_date(data):
    path = data / "registry" / "vssid-accounts.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("period: 2024-07-19", "period: 2024"), encoding="utf-8")
    assert problems_of(data) == [
        "registry/vssid-accounts.yaml:13:5: observations[0].period: the quote speaks of the present ('hiện có'): "
        "its period is the source's date, 2024-07-19 [period-not-in-quote]"
    ]
    assert "vssid-accounts" not in read_registry(data).indicators  # its only observation is dropped


def test_a_period_quote_that_is_not_verbatim_in_the_source(data):
    write_indicator(
        data,
        "bac-ninh-firms",
        """  - value: 1400
    period: 2024
    source: bao-cao
    quote: "Toàn tỉnh đã hình thành 1.400 doanh nghiệp công nghệ số."
    period_quote: "Báo cáo tổng kết năm 2024 của tỉnh Bắc Giang."
""",
        reporting_unit="bac-ninh",
    )
    assert problems_of(data) == [
        "registry/bac-ninh-firms.yaml:11:5: observations[0].reporting_unit: the quote does not name Bắc Ninh; "
        "quote a sentence that names it, or mark the source as Bắc Ninh's own publication (reporting_unit: "
        "bac-ninh in its metadata) [geography-not-in-quote]",
        "registry/bac-ninh-firms.yaml:15:5: observations[0].period_quote: the period_quote is not verbatim in "
        "source 'bao-cao' [quote-not-in-source]",
    ]


def test_a_verbatim_period_quote_states_the_period_and_names_the_province(data):
    write_indicator(
        data,
        "bac-ninh-firms",
        """  - value: 1400
    period: 2024
    source: bao-cao
    quote: "Toàn tỉnh đã hình thành 1.400 doanh nghiệp công nghệ số."
    period_quote: "Báo cáo tổng kết năm 2024 của tỉnh Bắc Ninh."
""",
        reporting_unit="bac-ninh",
    )
    assert problems_of(data) == []


def test_a_ministry_merged_on_1_march_2025_has_no_figures_for_2025(data):
    write_indicator(
        data,
        "mic-online-applications",
        """  - value: 1400
    period: 2024
    source: bao-cao
    quote: "Năm 2024, Bộ Thông tin và Truyền thông tiếp nhận 1.400 hồ sơ trực tuyến."
  - value: 1500
    period: 2025
    source: bao-cao
    quote: "Năm 2025, Bộ Thông tin và Truyền thông tiếp nhận 1.500 hồ sơ trực tuyến."
""",
        reporting_unit="bo-thong-tin-va-truyen-thong",
        unit="{vi: hồ sơ, en: applications}",
    )
    assert problems_of(data) == [
        "registry/mic-online-applications.yaml:15:5: observations[1].reporting_unit: Bộ Thông tin và Truyền thông ended on 2025-02-28 "
        "(its work passed to Bộ Khoa học và Công nghệ); file figures for 2025 under reporting_unit: "
        "bo-khoa-hoc-va-cong-nghe [reporting-unit-not-in-force]"
    ]
    assert read_registry(data).rows["mic-online-applications"]["value"] == [1400.0]


def test_ranks_need_out_of_and_cannot_exceed_it(data):
    write_indicator(
        data,
        "thanh-hoa-dti-rank",
        f"""  - value: 9
    period: 2024
    source: bao-cao
    quote: "{RANKS}"
  - value: 12
    out_of: 63
    period: 2023
    source: bao-cao
    quote: "{RANKS}"
  - value: 90
    out_of: 63
    period: 2024
    source: bao-cao
    quote: "{RANKS}"
""",
        reporting_unit="thanh-hoa",
        kind="rank",
        unit="{vi: hạng, en: rank}",
        direction="lower-is-better",
    )
    assert problems_of(data) == [
        "registry/thanh-hoa-dti-rank.yaml:11:5: observations[0].out_of: a rank needs out_of (193 in '86/193') "
        "[out-of-missing]",
        "registry/thanh-hoa-dti-rank.yaml:20:5: observations[2].value: 90 is larger than out_of 63 [value-invalid]",
        "registry/thanh-hoa-dti-rank.yaml:20:5: observations[2].value: the quote does not state 90/63 (numbers "
        "found: '2023' = 2,023, '12/63' = 12, '2024' = 2,024, '9/63' = 9, '3' = 3) [value-not-in-quote]",
    ]
    rows = read_registry(data).rows["thanh-hoa-dti-rank"]
    assert (rows["value"], rows["out_of"]) == ([12.0], [63.0])


def test_a_change_may_be_negative_and_is_stated_without_its_sign(data):
    write_indicator(
        data,
        "thanh-hoa-dti-rank-change",
        f"""  - value: -3
    period: 2024
    source: bao-cao
    quote: "{RANKS}"
""",
        reporting_unit="thanh-hoa",
        kind="change",
        unit="{vi: bậc, en: places}",
    )
    assert problems_of(data) == []


def test_a_quote_from_another_article_is_not_even_begun_in_the_source(data):
    write_indicator(
        data,
        "digital-economy-share",
        """  - value: 18.3
    period: 2024
    source: bao-cao
    quote: "Kinh tế số chiếm 18,3% GDP năm 2024."
""",
        kind="share",
        unit='{vi: "% GDP", en: "% of GDP"}',
    )
    assert problems_of(data) == [
        "registry/digital-economy-share.yaml:14:5: observations[0].quote: the quote is not in source 'bao-cao' "
        "(not even its beginning) [quote-not-in-source]"
    ]


TARGET_QUOTE = "Mục tiêu đến năm 2025, kinh tế số chiếm 20% GDP."


@pytest.mark.parametrize(
    ("value", "year", "problem"),
    [
        (20, 2025, None),
        (
            20,
            2030,
            "registry/digital-economy-share.yaml:12:3: target.year: the quote does not state 2030 as this "
            "target's year (it gives 2025) [period-not-in-quote]",
        ),
        (
            25,
            2025,
            "registry/digital-economy-share.yaml:11:3: target.value: 25 is not a number stated in the quote "
            "(numbers found: '2025' = 2,025, '20%' = 20) [value-not-in-quote]",
        ),
    ],
)
def test_a_target_is_checked_like_an_observation(data, value, year, problem):
    write_indicator(
        data,
        "digital-economy-share",
        """  - value: 87.6
    period: 2024-Q3
    source: bao-cao
    quote: "Trong quý III/2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 87,6%."
""",
        reporting_unit="bo-tai-chinh",
        kind="share",
        unit='{vi: "%", en: "%"}',
        extra=f"""target:
  value: {value}
  year: {year}
  source: bao-cao
  quote: "{TARGET_QUOTE}"
""",
    )
    assert problems_of(data) == ([problem] if problem else [])


CONFLICT = """  - value: 73000
    period: 2024
    source: bao-cao
    quote: "Năm 2024, cả nước có 73.000 doanh nghiệp công nghệ số."
  - value: 73500
    period: 2024
    source: {second}
    quote: "Theo số liệu cập nhật, năm 2024 cả nước có 73.500 doanh nghiệp công nghệ số."
"""


def test_national_figures_that_disagree_are_a_warning_and_both_kept(data):
    write_indicator(data, "digital-firms", CONFLICT.format(second="bao-cao"))
    message = (
        "warning: the figures for 2024 disagree: 73000 from bao-cao; 73500 from bao-cao; mark the one that stands "
        "with preferred: true (or status: revised for a later release) [conflicting-values]"
    )
    assert problems_of(data) == [
        f"registry/digital-firms.yaml:11:5: observations[0].value: {message}",
        f"registry/digital-firms.yaml:15:5: observations[1].value: {message}",
    ]
    assert read_registry(data).rows["digital-firms"]["value"] == [73_000.0, 73_500.0]


def test_a_later_release_of_the_same_publisher_settles_the_disagreement(data):
    write_source(data, "bao-cao-cap-nhat", REPORT, published="2025-03-01")
    write_indicator(data, "digital-firms", CONFLICT.format(second="bao-cao-cap-nhat"))
    assert problems_of(data) == []
    frame = read_registry(data).observations_frame
    assert frame[frame.indicator_id == "digital-firms"].stands.tolist() == [False, True]


def test_a_later_release_of_another_publisher_does_not(data):
    write_source(data, "bao-cao-cap-nhat", REPORT, published="2025-03-01", publisher="Tổng cục Thống kê")
    write_indicator(data, "digital-firms", CONFLICT.format(second="bao-cao-cap-nhat"))
    assert [line.rsplit(" ", 1)[-1] for line in problems_of(data)] == ["[conflicting-values]"] * 2


def test_an_observation_with_an_error_takes_no_part_in_the_series(data):
    """73.500 filed under 2023 is dropped for its period: it cannot disagree with 2023's other figures."""
    write_indicator(
        data,
        "digital-firms",
        """  - value: 73500
    period: 2023
    source: bao-cao
    quote: "Theo số liệu cập nhật, năm 2024 cả nước có 73.500 doanh nghiệp công nghệ số."
  - value: 70000
    period: 2023
    source: bao-cao-2023
    quote: "Năm 2023, cả nước có 70.000 doanh nghiệp công nghệ số."
""",
    )
    write_source(data, "bao-cao-2023", "Năm 2023, cả nước có 70.000 doanh nghiệp công nghệ số.\n")
    assert problems_of(data) == [
        "registry/digital-firms.yaml:12:5: observations[0].period: the quote gives this value for 2024 "
        "('năm 2024'); it does not state 2023 [period-not-in-quote]"
    ]


def test_a_ministrys_disagreeing_figures_name_the_ministry(data):
    write_source(
        data,
        "bao-cao-bo",
        "Trong quý III/2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 88,1%.\n",
        publisher="Bộ Tài chính",
    )
    write_indicator(
        data,
        "mof-online",
        """  - value: 87.6
    period: 2024-Q3
    source: bao-cao
    quote: "Trong quý III/2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 87,6%."
  - value: 88.1
    period: 2024-Q3
    source: bao-cao-bo
    quote: "Trong quý III/2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 88,1%."
""",
        reporting_unit="bo-tai-chinh",
        kind="share",
        unit='{vi: "%", en: "%"}',
    )
    message = (
        "warning: the figures for 2024-Q3 in Bộ Tài chính disagree: 87.6 from bao-cao; 88.1 from bao-cao-bo; "
        "mark the one that stands with preferred: true (or status: revised for a later release) [conflicting-values]"
    )
    assert problems_of(data) == [
        f"registry/mof-online.yaml:11:5: observations[0].value: {message}",
        f"registry/mof-online.yaml:15:5: observations[1].value: {message}",
    ]


def test_marking_one_preferred_settles_it(data):
    write_indicator(
        data,
        "digital-firms",
        CONFLICT.format(second="bao-cao").replace(
            '    source: bao-cao\n    quote: "Theo', '    preferred: true\n    source: bao-cao\n    quote: "Theo'
        ),
    )
    assert problems_of(data) == []
    frame = read_registry(data).observations_frame
    assert frame[frame.indicator_id == "digital-firms"][["value", "stands", "preferred"]].values.tolist() == [
        [73_000.0, False, False],
        [73_500.0, True, True],
    ]


# --- the checker itself ------------------------------------------------------


def info(**fields) -> IndicatorInfo:
    return IndicatorInfo(
        **{
            "id": "digital-firms",
            "name": {"vi": "Doanh nghiệp công nghệ số", "en": "Digital technology firms"},
            "description": {"vi": "Số doanh nghiệp.", "en": "Number of firms."},
            "sector": "digital-economy",
            "kind": "count",
            "unit": {"vi": "doanh nghiệp", "en": "firms"},
            "direction": "higher-is-better",
            **fields,
        }
    )


def row(value: float, period: str, quote: str, **fields) -> dict:
    return {**OBSERVATION_DEFAULTS, "value": value, "period": period, "source": "bao-cao", "quote": quote, **fields}


FIRMS_2024 = "Năm 2024, cả nước có 73.000 doanh nghiệp công nghệ số."


@pytest.fixture
def checker(data):
    registry = read_registry(data)
    return IndicatorChecker.for_taxonomy(registry.taxonomy, registry.units, registry.sources)


def test_accepts_only_what_the_full_check_finds_nothing_in(checker):
    assert checker.accepts(info(), [row(73_000, "2024", FIRMS_2024)], "digital-firms")
    assert not checker.accepts(info(), [row(73_000, "2024", FIRMS_2024)], "digital-firm")  # the file's name
    assert not checker.accepts(info(sector="kinh-te-so"), [row(73_000, "2024", FIRMS_2024)], "digital-firms")
    assert not checker.accepts(info(), [row(73_000, "2023", FIRMS_2024)], "digital-firms")
    updated = "Theo số liệu cập nhật, năm 2024 cả nước có 73.500 doanh nghiệp công nghệ số."
    # a warning is something: the careful path must place it
    assert not checker.accepts(info(), [row(73_000, "2024", FIRMS_2024), row(73_500, "2024", updated)], "digital-firms")


def test_without_a_taxonomy_or_catalogue_sectors_and_units_are_not_checked(checker):
    """`None`: the file could not be read, and that is reported once, not for every indicator."""
    unchecked = IndicatorChecker.for_taxonomy(None, None, checker.sources)
    assert (unchecked.sector_ids, unchecked.catalogue) == (None, None)
    odd = info(sector="kinh-te-so", reporting_unit="no-such-unit")
    assert unchecked.accepts(odd, [row(73_000, "2024", FIRMS_2024)], "digital-firms")
    assert not checker.accepts(odd, [row(73_000, "2024", FIRMS_2024)], "digital-firms")
