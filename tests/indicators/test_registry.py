"""The real registry: valid, complete, and every number traceable."""

import pandas as pd
import pytest
from conftest import DATA

from indicators import load_registry, read_registry
from indicators.coverage import coverage_report
from indicators.query import kpi_summary
from indicators.text import fold


@pytest.fixture(scope="module")
def registry():
    return load_registry(DATA)


def test_real_registry_has_no_problems_at_all(registry):
    assert registry.problems == []


def test_registry_size_matches_the_curated_articles(registry):
    frame = registry.observations_frame
    assert len(registry.indicators) == 46
    assert len(frame) == 274
    by_source = frame.groupby("source_id").size().to_dict()
    assert {source: count for source, count in by_source.items() if registry.sources[source].table is None} == {
        "dantri-2023-10-10-ngay-chuyen-doi-so-quoc-gia": 3,
        "gov-2024-10-12-ngay-chuyen-doi-so-quoc-gia": 1,
        "thanh-hoa-2023-07-12-so-ket-6-thang-chuyen-doi-so": 14,
        "vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha": 22,
    }
    assert by_source["mic-dti-2022-provincial-ranking"] == 63  # every province's DTI 2022 rank
    assert by_source["owid-itu-internet-users-share-dsa210"] == 34  # 1990-2023
    assert [by_source[source] for source in by_source if source.startswith("un-egov-data-")] == [6] * 12


def test_at_least_eight_indicators_have_five_periods_from_tables(registry):
    frame = registry.observations_frame
    from_tables = frame[frame.source_id.map(lambda source: registry.sources[source].table is not None)]
    periods = from_tables.groupby("indicator_id").period.nunique()
    assert sorted(periods[periods >= 5].index) == [
        "egdi-rank",
        "egdi-score",
        "egov-e-participation-index",
        "egov-human-capital-index",
        "egov-online-service-index",
        "egov-telecommunication-infrastructure-index",
        "fixed-broadband-subscriptions-per-100",
        "internet-users-share",
        "mobile-cellular-subscriptions-per-100",
    ]


def test_every_sector_has_indicators(registry):
    sectors = {sector.id for sector in registry.taxonomy.sectors}
    assert set(registry.observations_frame.sector) == sectors


def test_every_quote_is_verbatim_in_its_source(registry):
    frame = registry.observations_frame
    for row in frame.itertuples():
        if registry.sources[row.source_id].table is None:  # a table's cells: see test_table_proof.py
            assert fold(row.quote) in registry.sources[row.source_id].folded, row.indicator_id


def test_provincial_figures_are_not_mixed_with_national_ones(registry):
    frame = registry.observations_frame
    provincial = frame[frame.reporting_unit_level == "province"]
    assert set(provincial.indicator_id) == {
        "thanh-hoa-digital-transformation-rank-change",
        "dti-province-rank",
        "dti-province-score",
    }
    assert provincial[provincial.indicator_id == "dti-province-rank"].reporting_unit.nunique() == 63
    thanh_hoa = provincial[provincial.indicator_id == "thanh-hoa-digital-transformation-rank-change"]
    assert list(thanh_hoa.reporting_unit) == ["thanh-hoa"] and list(thanh_hoa.reporting_unit_vi) == ["Thanh Hóa"]
    national = frame[~frame.indicator_id.isin(provincial.indicator_id.unique())]
    assert (national.reporting_unit == "vn").all()


def test_half_year_and_full_year_figures_stay_distinct(registry):
    exports = registry.observations_frame.query("indicator_id == 'digital-product-exports'")
    assert list(zip(exports.period, exports.period_type, exports.value, strict=True)) == [
        ("2021", "year", 113.5),
        ("2023", "year", 117.3),
        ("2024-H1", "half-year", 64.9),
    ]


def test_key_figures_are_stored_as_the_articles_state_them(registry):
    frame = registry.observations_frame.set_index(["indicator_id", "period"])
    assert frame.loc[("vssid-accounts", "2024-07-19"), "value_in_base_unit"] == 35_000_000
    assert frame.loc[("egdi-rank", "2022"), ["value", "out_of"]].values.tolist() == [
        [86, 193],
        [86, 193],
    ]  # an article and the table
    assert frame.loc[("egdi-rank", "2024"), ["value", "out_of"]].tolist() == [71, 193]
    assert frame.loc[("egdi-score", "2022"), "value"] == pytest.approx(0.6787)
    assert frame.loc[("digital-economy-share-of-gdp", "2023-H1"), "value"] == pytest.approx(14.96)
    assert frame.loc[("civil-servant-database-records", "2023-06-30"), "value"] == 2_087_114
    assert frame.loc[("social-welfare-paid-to-accounts-recipients", "2021/2024"), "value_in_base_unit"] == (
        pytest.approx(1_960_000)
    )
    assert frame.loc[("online-public-services-annual-savings", "2023-H1"), "per_year"]
    assert frame.loc[("digital-economy-share-of-gdp", "2023-H1"), "status"] == "preliminary"


def test_each_ranking_states_its_rank_of_n(registry):
    ranks = registry.observations_frame.query("kind == 'rank'")
    national = ranks[ranks.indicator_id != "dti-province-rank"]
    assert sorted(zip(national.indicator_id, national.period, national.value, national.out_of, strict=True))[:3] == [
        ("egdi-rank", "2003", 97, 191),
        ("egdi-rank", "2004", 112, 191),
        ("egdi-rank", "2005", 105, 191),
    ]
    assert sorted(set(zip(national.indicator_id, national.out_of, strict=True))) == [
        ("egdi-rank", 191),
        ("egdi-rank", 192),
        ("egdi-rank", 193),
        ("global-innovation-index-rank", 132),
        ("postal-development-rank", 172),
    ]
    assert set(ranks[ranks.indicator_id == "dti-province-rank"].out_of) == {63}


def test_periods_sort_by_start_date(registry):
    frame = registry.observations_frame
    assert pd.api.types.is_datetime64_any_dtype(frame.period_start)
    assert frame.period_start.min() == pd.Timestamp("1980-01-01")  # ITU's mobile-cellular series


def test_sources_without_citations_state_no_figures(registry):
    """Source 001 reports a meeting and states no indicator figures: its only
    numeric claims (pillars, breakthroughs) are waived with reasons."""
    claims, problems = coverage_report(registry)
    assert problems == []
    uncited_sources = set(registry.sources) - set(registry.observations_frame.source_id)
    assert uncited_sources == {"blog-2022-08-08-uy-ban-quoc-gia-phien-hop-thu-ba"}
    blog_claims = [claim for claim in claims if claim.source_id in uncited_sources]
    assert [(claim.text, claim.status) for claim in blog_claims] == [("3", "waived"), ("3", "waived")]


def plain_kpi_summary(frame):
    """The KPI summary written the obvious way, to check the fast one against."""
    ordered = frame.sort_values(["indicator_id", "period_start"], kind="stable")
    groups = ordered.groupby(["indicator_id", "period_type"], sort=False, observed=True)["value"]
    ordered = ordered.assign(previous_value=groups.shift(1))
    histories = groups.agg(list).rename("history")
    latest = ordered.groupby("indicator_id", sort=False, observed=True).tail(1)
    return latest.join(histories, on=["indicator_id", "period_type"]).reset_index(drop=True)


def test_kpi_summary_gives_latest_previous_and_history_per_indicator(tmp_path):
    from benchmarks.synthetic import generate

    for data in (DATA, generate(tmp_path / "data", 7, 30)):
        frame = load_registry(data).observations_frame
        # one reporting unit per indicator: which unit of a provincial ranking heads it is the fast path's choice
        frame = frame[frame.groupby("indicator_id", observed=True).reporting_unit.transform("nunique") == 1]
        frame = frame[~frame.duplicated(["indicator_id", "period"])]  # a figure also reported by a second source
        for rows in (frame, frame[frame.year >= frame.year.max() - 3], frame.iloc[::-3]):
            fast, plain = kpi_summary(rows), plain_kpi_summary(rows)
            pd.testing.assert_frame_equal(fast[plain.columns], plain)
    summary = kpi_summary(load_registry(generate(tmp_path / "small", 1, 6)).observations_frame)
    (row,) = summary.itertuples()  # 2023-H2, 2023-Q1, 2024, 2024-H1, 2024-H2, 2024-Q1: the latest start is H2
    assert row.period == "2024-H2" and len(row.history) == 3
    assert row.history[-2:] == [row.previous_value, row.value]


def test_each_indicator_knows_the_problems_of_its_own_file(real_data_copy):
    registry_folder = real_data_copy / "registry"
    (registry_folder / "vssid-accounts.yaml").write_text("id: vssid-accounts\nname: [unclosed\n", encoding="utf-8")
    exports = registry_folder / "digital-product-exports.yaml"
    exports.write_text(exports.read_text(encoding="utf-8").replace("value: 64.9", "value: 65.9"), encoding="utf-8")
    loaded = read_registry(real_data_copy)
    assert loaded.unloaded == {"vssid-accounts"}
    assert [problem.line for problem in loaded.problems_of("vssid-accounts")] == [3]
    assert [problem.code for problem in loaded.problems_of("digital-product-exports")] == ["value-not-in-quote"]
    assert len(loaded.observations("digital-product-exports")) == 2  # the two valid figures stay
    assert loaded.problems_of("egdi-rank") == [] and "egdi-rank" not in loaded.unloaded
