"""When and where: the period and the reporting unit a sentence files its figure under,
checked against the observation, with the finding an editor reads."""

from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES

from indicators.evidence import Evidence, Finding
from indicators.models import OBSERVATION_DEFAULTS, IndicatorInfo, Source, Target
from indicators.registry import SourceDocument
from indicators.reporting_units import read_catalogue

REPORT = """Báo cáo chuyển đổi số năm 2024
Trong quý III/2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 87,6%.
Năm 2023 và năm 2024, tỷ lệ hồ sơ trực tuyến lần lượt đạt 45,2% và 52,8%.
Trong 6 tháng đầu năm 2024, xuất khẩu sản phẩm số đạt 64,9 tỷ USD.
9 tháng đầu năm 2024, doanh thu công nghiệp công nghệ số đạt 12 tỷ USD.
Tỷ lệ hồ sơ trực tuyến đạt 45,2% và 52,8% trong các năm 2023, 2024.
Năm 2022, 2023 và 2024, tỷ lệ hồ sơ trực tuyến lần lượt đạt 45,2% và 52,8%.
Phần mềm VssID hiện có 35 triệu tài khoản.
Toàn tỉnh đã hình thành 1.400 doanh nghiệp công nghệ số.
Báo cáo tổng kết năm 2024 của tỉnh Bắc Ninh.
Tính đến 15/11, cả nước có 60 triệu tài khoản định danh điện tử.
Năm nay, tỉnh có 120 doanh nghiệp công nghệ số.
Đến cuối năm 2023, cả nước có 73.000 doanh nghiệp công nghệ số.
Số liệu của các năm 2023 và 2024 được tổng hợp dưới đây.
Năm 2024, tỉnh Bắc Ninh có 1.250 doanh nghiệp công nghệ số.
Năm 2024, Bộ Công an đã cấp 79,5 triệu tài khoản định danh điện tử cho công dân trên cả nước.
Năm 2024, thành phố Đà Nẵng có 2.100 doanh nghiệp công nghệ số.
Mục tiêu đến năm 2025, kinh tế số chiếm 20% GDP.
Phấn đấu kinh tế số chiếm 30% GDP.
"""


def source(source_id: str, published: date | None = date(2024, 12, 20), reporting_unit: str | None = None):
    meta = Source(
        id=source_id,
        title="Báo cáo chuyển đổi số năm 2024",
        publisher="Sở Khoa học và Công nghệ",
        published=published,
        language="vi",
        accessed=date(2025, 1, 10),
        reporting_unit=reporting_unit,
    )
    return SourceDocument(meta, REPORT, Path(f"{source_id}.txt"))  # read from memory: the path is never opened


@pytest.fixture(scope="module")
def evidence():
    catalogue = read_catalogue(FIXTURES / "good" / "reporting-units", [])
    sources = {
        "bao-cao": source("bao-cao"),
        "undated": source("undated", published=None),
        "cong-bac-ninh": source("cong-bac-ninh", reporting_unit="bac-ninh"),  # the province's own portal
        "cong-bac-giang": source("cong-bac-giang", reporting_unit="bac-giang"),
    }
    return Evidence(catalogue, sources)


def indicator(kind: str = "share", scale: str = "one", reporting_unit: str = "vn") -> IndicatorInfo:
    return IndicatorInfo(
        id="chi-tieu",
        name={"vi": "Chỉ tiêu", "en": "Indicator"},
        description={"vi": "Mô tả.", "en": "Description."},
        sector="digital-economy",
        reporting_unit=reporting_unit,
        kind=kind,
        unit={"vi": "đơn vị", "en": "units"},
        scale=scale,
        direction="higher-is-better",
    )


def observation(value: float, period: str, quote: str, **fields) -> dict:
    return {**OBSERVATION_DEFAULTS, "value": value, "period": period, "source": "bao-cao", "quote": quote, **fields}


def period_error(message: str, location: str = "period") -> list[Finding]:
    return [Finding((location,), message, "period-not-in-quote")]


QUARTER = "Trong quý III/2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 87,6%."
RESPECTIVELY = "Năm 2023 và năm 2024, tỷ lệ hồ sơ trực tuyến lần lượt đạt 45,2% và 52,8%."
PRESENT = "Phần mềm VssID hiện có 35 triệu tài khoản."
UNNAMED = "Toàn tỉnh đã hình thành 1.400 doanh nghiệp công nghệ số."
NAMES_BAC_NINH = "Báo cáo tổng kết năm 2024 của tỉnh Bắc Ninh."
AS_OF_DAY = "Tính đến 15/11, cả nước có 60 triệu tài khoản định danh điện tử."
THIS_YEAR = "Năm nay, tỉnh có 120 doanh nghiệp công nghệ số."


# --- periods -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "kind", "scale"),
    [
        (observation(87.6, "2024-Q3", QUARTER), "share", "one"),
        (observation(45.2, "2023", RESPECTIVELY), "share", "one"),
        (observation(52.8, "2024", RESPECTIVELY), "share", "one"),
        (observation(35, "2024-12-20", PRESENT), "count", "million"),  # the present: the source's date
        (observation(60, "2024-11-15", AS_OF_DAY), "count", "million"),  # "tính đến 15/11": the source's year
        (observation(120, "2024", THIS_YEAR), "count", "one"),  # "năm nay": the source's year
        (observation(1400, "2024", UNNAMED, period_quote=NAMES_BAC_NINH), "count", "one"),
        # "cuối năm 2023" is the last day of 2023 and also the year 2023 as a stock at its end
        (
            observation(
                1400, "2023", UNNAMED, period_quote="Đến cuối năm 2023, cả nước có 73.000 doanh nghiệp công nghệ số."
            ),
            "count",
            "one",
        ),
        # a free label is inferred: its period_start places it
        (observation(120, "năm báo cáo", THIS_YEAR, period_start=date(2024, 1, 1)), "count", "one"),
        # left to other checks: a malformed period (period-invalid), a value the quote lacks (value-not-in-quote)
        (observation(120, "2024-H3", THIS_YEAR), "count", "one"),
        (observation(121, "2025", THIS_YEAR), "count", "one"),
    ],
)
def test_a_period_the_quote_states_has_no_finding(evidence, fields, kind, scale):
    assert evidence.period_findings(indicator(kind, scale), fields) == []


def test_a_quarter_the_quote_does_not_state(evidence):
    assert evidence.period_findings(indicator(), observation(87.6, "2024-Q2", QUARTER)) == period_error(
        "the quote gives this value for 2024-Q3 ('quý III/2024'); it does not state 2024-Q2"
    )


def test_a_half_year_filed_as_the_whole_year(evidence):
    fields = observation(64.9, "2024", "Trong 6 tháng đầu năm 2024, xuất khẩu sản phẩm số đạt 64,9 tỷ USD.")
    assert evidence.period_findings(indicator("amount", "billion"), fields) == period_error(
        "the quote gives this value for 2024-H1 ('6 tháng đầu năm 2024'); it does not state 2024"
    )


@pytest.mark.parametrize(
    ("value", "period", "message"),
    [
        (
            45.2,
            "2024",
            "the quote gives this value for 2023 ('Năm 2023'), not 2024: 'năm 2024' goes with another figure",
        ),
        (
            52.8,
            "2023",
            "the quote gives this value for 2024 ('năm 2024'), not 2023: 'Năm 2023' goes with another figure",
        ),
    ],
)
def test_values_swapped_between_the_years_of_a_lan_luot_list(evidence, value, period, message):
    assert evidence.period_findings(indicator(), observation(value, period, RESPECTIVELY)) == period_error(message)


def test_the_first_nine_months_have_no_period_form(evidence):
    fields = observation(12, "2024", "9 tháng đầu năm 2024, doanh thu công nghiệp công nghệ số đạt 12 tỷ USD.")
    assert evidence.period_findings(indicator("amount", "billion"), fields) == period_error(
        "the sentence gives the first 9 months of 2024 ('9 tháng đầu năm 2024'), not 2024; "
        "file it under a free label with period_start"
    )


@pytest.mark.parametrize(
    ("quote", "reason"),
    [
        (
            "Tỷ lệ hồ sơ trực tuyến đạt 45,2% và 52,8% trong các năm 2023, 2024.",
            "the values and the periods are listed without 'lần lượt': which goes with which is not said",
        ),
        (
            "Năm 2022, 2023 và 2024, tỷ lệ hồ sơ trực tuyến lần lượt đạt 45,2% và 52,8%.",
            "'lần lượt' pairs 3 periods with 2 values",
        ),
    ],
)
def test_lists_that_do_not_pair_values_with_periods(evidence, quote, reason):
    assert evidence.period_findings(indicator(), observation(45.2, "2023", quote)) == period_error(
        f"the quote does not say which period this value is for: {reason}"
    )


def test_present_tense_wording_files_the_figure_at_the_sources_date(evidence):
    assert evidence.period_findings(indicator("count", "million"), observation(35, "2024", PRESENT)) == period_error(
        "the quote speaks of the present ('hiện có'): its period is the source's date, 2024-12-20"
    )


def test_present_tense_wording_in_an_undated_source_is_a_warning(evidence):
    fields = observation(35, "2024-12-20", PRESENT, source="undated")
    assert evidence.period_findings(indicator("count", "million"), fields) == [
        Finding(
            ("period",),
            "the quote speaks of the present but the source has no date; add the source's date or a period_quote",
            "period-unsupported",
            "warning",
        )
    ]


@pytest.mark.parametrize(
    ("quote", "value", "period", "message"),
    [
        (
            AS_OF_DAY,
            60,
            "2023-11-15",
            "the quote gives this value for 2024-11-15 ('tính đến 15/11'); it does not state 2023-11-15",
        ),
        (THIS_YEAR, 120, "2025", "the quote gives this value for 2024 ('năm nay'); it does not state 2025"),
    ],
)
def test_words_without_a_year_take_the_sources_year_in_the_message_too(evidence, quote, value, period, message):
    scale = "million" if value == 60 else "one"
    assert evidence.period_findings(indicator("count", scale), observation(value, period, quote)) == period_error(
        message
    )


def test_a_quote_without_a_period_needs_a_period_quote(evidence):
    assert evidence.period_findings(indicator("count"), observation(1400, "2024", UNNAMED)) == [
        Finding(
            ("period",),
            "the quote states no period for this value; add period_quote: a sentence of the same source, "
            "verbatim, that states 2024",
            "period-unsupported",
            "warning",
        )
    ]


@pytest.mark.parametrize(
    ("period", "period_quote", "finding"),
    [
        (
            "2024",
            "Báo cáo tổng kết năm 2024 của tỉnh Bắc Giang.",  # the source says Bắc Ninh
            Finding(("period_quote",), "the period_quote is not verbatim in source 'bao-cao'", "quote-not-in-source"),
        ),
        (
            "2023",
            NAMES_BAC_NINH,
            Finding(("period_quote",), "the period_quote does not state 2023 (it states 2024)", "period-not-in-quote"),
        ),
        (
            "2024",
            "Số liệu của các năm 2023 và 2024 được tổng hợp dưới đây.",
            Finding(
                ("period_quote",),
                "the period_quote states several periods (2023, 2024); quote a sentence that states only 2024",
                "period-not-in-quote",
            ),
        ),
    ],
)
def test_a_period_quote_must_be_verbatim_and_state_only_the_period(evidence, period, period_quote, finding):
    fields = observation(1400, period, UNNAMED, period_quote=period_quote)
    assert evidence.period_findings(indicator("count"), fields) == [finding]


# --- reporting units ---------------------------------------------------------

FIRMS_BAC_NINH = "Năm 2024, tỉnh Bắc Ninh có 1.250 doanh nghiệp công nghệ số."
IDENTITY_ACCOUNTS = "Năm 2024, Bộ Công an đã cấp 79,5 triệu tài khoản định danh điện tử cho công dân trên cả nước."


def unit_error(message: str, code: str = "geography-not-in-quote") -> list[Finding]:
    return [Finding(("reporting_unit",), message, code)]


@pytest.mark.parametrize(
    ("info", "fields"),
    [
        (indicator("count"), observation(1250, "2024", FIRMS_BAC_NINH, reporting_unit="bac-ninh")),
        (indicator("count", reporting_unit="bac-ninh"), observation(1250, "2024", FIRMS_BAC_NINH)),
        # a ministry issuing to citizens across the country: the nation's figure
        (indicator("count", "million"), observation(79.5, "2024", IDENTITY_ACCOUNTS)),
        # the province's own portal need not name it
        (indicator("count"), observation(1400, "2024", UNNAMED, reporting_unit="bac-ninh", source="cong-bac-ninh")),
        # ... nor a quote whose period_quote does
        (
            indicator("count"),
            observation(1400, "2024", UNNAMED, reporting_unit="bac-ninh", period_quote=NAMES_BAC_NINH),
        ),
        # a province merged on 1 July 2025, up to its last day
        (
            indicator("count"),
            observation(1400, "2025-H1", UNNAMED, reporting_unit="bac-giang", source="cong-bac-giang"),
        ),
        (
            indicator("count"),
            observation(1400, "2025-06-30", UNNAMED, reporting_unit="bac-giang", source="cong-bac-giang"),
        ),
        # a range is checked at its start: "giai đoạn 2021-2025" of Bắc Giang
        (
            indicator("count"),
            observation(1400, "2021/2025", UNNAMED, reporting_unit="bac-giang", source="cong-bac-giang"),
        ),
    ],
)
def test_a_unit_the_quote_gives_the_figure_to_has_no_finding(evidence, info, fields):
    assert evidence.unit_findings(info, fields) == []


def test_a_province_figure_filed_as_national(evidence):
    assert evidence.unit_findings(indicator("count"), observation(1250, "2024", FIRMS_BAC_NINH)) == unit_error(
        "the quote gives this figure to Bắc Ninh, not the whole country; file it under reporting_unit: bac-ninh"
    )


def test_a_national_sentence_filed_under_the_ministry_that_acted(evidence):
    info = indicator("count", "million", reporting_unit="bo-cong-an")
    assert evidence.unit_findings(info, observation(79.5, "2024", IDENTITY_ACCOUNTS)) == unit_error(
        "the quote gives this figure to Việt Nam, not Bộ Công an"
    )


def test_another_provinces_figure(evidence):
    fields = observation(
        2100,
        "2024",
        "Năm 2024, thành phố Đà Nẵng có 2.100 doanh nghiệp công nghệ số.",
        reporting_unit="bac-ninh",
    )
    assert evidence.unit_findings(indicator("count"), fields) == unit_error(
        "the quote gives this figure to Đà Nẵng, not Bắc Ninh"
    )


def test_a_province_the_quote_does_not_name(evidence):
    fields = observation(1400, "2024", UNNAMED, reporting_unit="bac-ninh")
    assert evidence.unit_findings(indicator("count"), fields) == unit_error(
        "the quote does not name Bắc Ninh; quote a sentence that names it, or mark the source as "
        "Bắc Ninh's own publication (reporting_unit: bac-ninh in its metadata)"
    )


@pytest.mark.parametrize("period", ["2025-Q3", "2025", "2025-07-01", "2025-12", "2025-H2"])
def test_a_merged_province_has_no_figures_after_1_july_2025(evidence, period):
    fields = observation(1400, period, UNNAMED, reporting_unit="bac-giang", source="cong-bac-giang")
    assert evidence.unit_findings(indicator("count"), fields) == unit_error(
        f"Bắc Giang ended on 2025-06-30 (its territory is part of Bắc Ninh); "
        f"file figures for {period} under reporting_unit: bac-ninh",
        "reporting-unit-not-in-force",
    )


def test_a_ministry_merged_on_1_march_2025_passes_its_work_on(evidence):
    fields = observation(1400, "2025", UNNAMED, reporting_unit="bo-thong-tin-va-truyen-thong")
    assert evidence.unit_findings(indicator("count"), fields) == unit_error(
        "Bộ Thông tin và Truyền thông ended on 2025-02-28 (its work passed to Bộ Khoa học và Công nghệ); "
        "file figures for 2025 under reporting_unit: bo-khoa-hoc-va-cong-nghe",
        "reporting-unit-not-in-force",
    )


def test_a_ministry_founded_on_1_march_2025_has_no_earlier_figures(evidence):
    fields = observation(1400, "2024", UNNAMED, reporting_unit="bo-nong-nghiep-va-moi-truong")
    assert evidence.unit_findings(indicator("count"), fields) == unit_error(
        "Bộ Nông nghiệp và Môi trường was not in force in 2024 (from 2025-03-01)", "reporting-unit-not-in-force"
    )


def test_an_unknown_unit_of_an_observation_suggests_the_closest_ids(evidence):
    fields = observation(1400, "2024", UNNAMED, reporting_unit="bac-ninh-moi")
    assert evidence.unit_findings(indicator("count"), fields) == unit_error(
        "unknown reporting unit 'bac-ninh-moi'; did you mean 'bac-ninh'? (ids are listed in data/reporting-units/)",
        "reporting-unit-unknown",
    )
    far = observation(1400, "2024", UNNAMED, reporting_unit="xyz")
    assert evidence.unit_findings(indicator("count"), far) == unit_error(
        "unknown reporting unit 'xyz'; use 'vn', a province or city id ('thanh-hoa'), a ministry id "
        "('bo-tai-chinh') or a bloc ('khoi-tinh-thanh') from data/reporting-units/",
        "reporting-unit-unknown",
    )


def test_an_unknown_unit_of_the_indicator_is_left_to_the_indicators_own_line(evidence):
    """Reported once by the checker at `reporting_unit:` of the indicator, not at every observation."""
    assert evidence.unit_findings(indicator("count", reporting_unit="danang"), observation(1400, "2024", UNNAMED)) == []


def test_without_a_catalogue_units_are_not_checked():
    unchecked = Evidence(None, {"bao-cao": source("bao-cao")})
    assert unchecked.unit_findings(indicator("count"), observation(1250, "2024", FIRMS_BAC_NINH)) == []


# --- targets -----------------------------------------------------------------

DUE_2025 = "Mục tiêu đến năm 2025, kinh tế số chiếm 20% GDP."
NO_YEAR = "Phấn đấu kinh tế số chiếm 30% GDP."


def target(value: float, year: int, quote: str, period_quote: str | None = None) -> Target:
    return Target(value=value, year=year, source="bao-cao", quote=quote, period_quote=period_quote)


@pytest.mark.parametrize(
    "goal",
    [
        target(20, 2025, DUE_2025),
        target(30, 2024, NO_YEAR, NAMES_BAC_NINH),
        target(31, 2030, NO_YEAR),  # a value the quote lacks: value-not-in-quote's to report
    ],
)
def test_a_target_due_in_the_year_its_quote_states(evidence, goal):
    assert evidence.target_findings(indicator(), goal) == []


@pytest.mark.parametrize(
    ("goal", "finding"),
    [
        (
            target(20, 2030, DUE_2025),
            Finding(
                ("year",), "the quote does not state 2030 as this target's year (it gives 2025)", "period-not-in-quote"
            ),
        ),
        (
            target(30, 2030, NO_YEAR),
            Finding(("year",), "the quote does not state 2030 as this target's year", "period-not-in-quote"),
        ),
        (
            target(30, 2025, NO_YEAR, NAMES_BAC_NINH),
            Finding(("period_quote",), "the period_quote does not state 2025 (it states 2024)", "period-not-in-quote"),
        ),
    ],
)
def test_a_target_year_the_quote_does_not_state(evidence, goal, finding):
    assert evidence.target_findings(indicator(), goal) == [finding]


def test_sentence_analyses_are_kept_per_folded_quote(evidence):
    first = evidence.statement("Năm 2024,  tỉnh Bắc Ninh có 1.250 doanh nghiệp công nghệ số.")
    assert evidence.statement(FIRMS_BAC_NINH) is first
    assert [figure.text for figure in first.figures] == ["1.250"]
