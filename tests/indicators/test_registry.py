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
    assert len(registry.indicators) == 36
    assert len(frame) == 40
    assert frame.groupby("source_id").size().to_dict() == {
        "dantri-2023-10-10-ngay-chuyen-doi-so-quoc-gia": 3,
        "gov-2024-10-12-ngay-chuyen-doi-so-quoc-gia": 1,
        "thanh-hoa-2023-07-12-so-ket-6-thang-chuyen-doi-so": 14,
        "vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha": 22,
    }


def test_every_sector_has_indicators(registry):
    sectors = {sector.id for sector in registry.taxonomy.sectors}
    assert set(registry.observations_frame.sector) == sectors


def test_every_quote_is_verbatim_in_its_source(registry):
    frame = registry.observations_frame
    for row in frame.itertuples():
        assert fold(row.quote) in registry.sources[row.source_id].folded, row.indicator_id


def test_provincial_figures_are_not_mixed_with_national_ones(registry):
    frame = registry.observations_frame
    provincial = frame[frame.reporting_unit_level == "province"]
    assert list(provincial.indicator_id) == ["thanh-hoa-digital-transformation-rank-change"]
    assert list(provincial.reporting_unit) == ["thanh-hoa"] and list(provincial.reporting_unit_vi) == ["Thanh Hóa"]
    assert (frame[frame.source_id != "thanh-hoa-2023-07-12-so-ket-6-thang-chuyen-doi-so"].reporting_unit == "vn").all()


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
    assert frame.loc[("egdi-rank", "2022"), ["value", "out_of"]].tolist() == [86, 193]
    assert frame.loc[("digital-economy-share-of-gdp", "2023-H1"), "value"] == pytest.approx(14.96)
    assert frame.loc[("civil-servant-database-records", "2023-06-30"), "value"] == 2_087_114
    assert frame.loc[("social-welfare-paid-to-accounts-recipients", "2021/2024"), "value_in_base_unit"] == (
        pytest.approx(1_960_000)
    )
    assert frame.loc[("online-public-services-annual-savings", "2023-H1"), "per_year"]
    assert frame.loc[("digital-economy-share-of-gdp", "2023-H1"), "status"] == "preliminary"


def test_each_ranking_states_its_rank_of_n(registry):
    ranks = registry.observations_frame.query("kind == 'rank'")
    assert sorted(zip(ranks.indicator_id, ranks.value, ranks.out_of, strict=True)) == [
        ("egdi-rank", 86, 193),
        ("global-innovation-index-rank", 46, 132),
        ("postal-development-rank", 47, 172),
    ]


def test_periods_sort_by_start_date(registry):
    frame = registry.observations_frame
    assert pd.api.types.is_datetime64_any_dtype(frame.period_start)
    assert frame.period_start.min() == pd.Timestamp("2020-01-01")


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
