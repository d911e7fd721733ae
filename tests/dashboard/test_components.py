"""Pieces the pages share, as text: periods, values, source lines, chart source lines,
targets, links and the problem table."""

import pytest
from conftest import FIXTURES
from dashboard_helpers import shown

from dashboard.components import (
    chart_source,
    formatted_value,
    indicator_links,
    period_text,
    problems_frame,
    source_line,
    target_distance,
)
from dashboard.data import Loaded, reporting_units_of
from dashboard.link import ALL_GEOGRAPHIES, LinkState
from dashboard.view import build_view
from indicators import read_registry
from indicators.models import Target
from indicators.problems import Problem


@pytest.fixture(scope="module")
def loaded() -> Loaded:
    registry = read_registry(FIXTURES / "units")
    frame = registry.observations_frame
    return Loaded(registry, frame, "test", reporting_units_of(frame))


def view_in(loaded, language):
    return build_view(loaded, LinkState(language, (), (2022, 2024), ALL_GEOGRAPHIES))


def row_of(view, indicator_id, period, source=None):
    rows = view.filtered
    rows = rows[(rows.indicator_id == indicator_id) & (rows.period == period)]
    if source:
        rows = rows[rows.source_id == source]
    return next(rows.itertuples())


@pytest.mark.parametrize(
    ("language", "value", "line"),
    [
        ("vi", "73.000 doanh nghiệp", "Bộ Thông tin và Truyền thông, 10/1/2025"),
        ("en", "73,000 firms", "Bộ Thông tin và Truyền thông, 10 January 2025"),
    ],
)
def test_a_figure_and_its_source_line_in_each_language(loaded, language, value, line):
    view = view_in(loaded, language)
    row = row_of(view, "digital-firms", "2024", "stttt-tong-ket-2024")
    assert formatted_value(view, row) == value
    assert source_line(view, row) == line
    assert period_text(view, row) == "2024"


def test_a_chart_names_each_source_once(loaded):
    view = view_in(loaded, "vi")
    rows = view.filtered[view.filtered.indicator_id == "digital-firms"]
    assert chart_source(view, rows) == ("Nguồn: Bộ Thông tin và Truyền thông, 10/1/2025; Báo Đầu tư, 5/1/2025")
    one = rows[rows.source_id == "hiep-hoi-phan-mem-2025"]
    assert chart_source(view, one) == "Nguồn: Báo Đầu tư, 5/1/2025"


@pytest.mark.parametrize(
    ("direction", "value", "expected"),
    [
        ("higher-is-better", 61.5, "Target 2025: 80% · 18.5 to go"),
        ("higher-is-better", 82.0, "Target 2025: 80% · reached"),
        ("lower-is-better", 92.0, "Target 2025: 80% · 12 to go"),
        ("lower-is-better", 61.5, "Target 2025: 80% · reached"),
    ],
)
def test_the_distance_to_a_target_follows_the_direction(loaded, direction, value, expected):
    view = view_in(loaded, "en")
    row = row_of(view, "online-dossiers-provinces", "2024")._replace(direction=direction, value=value)
    target = Target(value=80, year=2025, source="s", quote="q")
    assert shown(target_distance(view, row, target)) == expected


def test_links_to_indicator_pages_keep_the_filters():
    assert indicator_links(["a", "b"], {"lang": "en", "unit": ["bac-ninh", "da-nang"]}, "https://x.vn/") == [
        "https://x.vn/indicator?lang=en&unit=bac-ninh&unit=da-nang&indicator=a",
        "https://x.vn/indicator?lang=en&unit=bac-ninh&unit=da-nang&indicator=b",
    ]


def test_problems_read_as_a_table_in_the_readers_language(loaded):
    problem = Problem("data/registry/x.yaml", 3, 5, "observations[0].value", "not stated", "value-not-in-quote")
    table = problems_frame(view_in(loaded, "vi"), [problem])
    # Vietnamese: what the code means, then the validator's English detail, marked untranslated.
    meaning = "Giá trị, nhân với quy mô của chỉ số, không phải một con số mà trích dẫn nêu."
    assert table.values.tolist() == [
        [
            "data/registry/x.yaml:3:5",
            "observations[0].value",
            f"{meaning} — chi tiết (tiếng Anh, chưa dịch): not stated",
            "value-not-in-quote",
        ]
    ]
    assert len(table.columns) == 4 and "Tệp" in table.columns[0]
    english = problems_frame(view_in(loaded, "en"), [problem])
    assert english.values.tolist()[0][2] == "not stated" and list(english.columns)[2] == "Message"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", ("+8,7 điểm phần trăm", "2023")), ("en", ("+8.7 percentage points", "2023"))],
)
def test_a_change_of_a_percentage_is_in_points_and_names_the_period_compared_with(loaded, language, expected):
    from dashboard.components import change_text, previous_period_text
    from indicators.query import kpi_summary

    view = view_in(loaded, language)
    summary = kpi_summary(view.filtered)
    share = next(row for row in summary.itertuples() if row.indicator_id == "online-dossiers-provinces")
    firms = next(row for row in summary.itertuples() if row.indicator_id == "digital-firms")
    change = share.value - share.previous_value
    assert (change_text(view, change, share), previous_period_text(view, share)) == expected
    assert "percentage" not in change_text(view, 3000, firms) and "phần trăm" not in change_text(view, 3000, firms)
