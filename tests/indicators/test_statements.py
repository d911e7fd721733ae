"""Which period and which reporting unit a sentence gives each of its figures."""

from pathlib import Path

import pytest
from conftest import DATA

from indicators.reporting_units import read_catalogue
from indicators.statements import analyse
from indicators.text import fold


@pytest.fixture(scope="module")
def catalogue():
    return read_catalogue(Path(DATA) / "reporting-units", [])


def read(sentence, catalogue):
    """(figure, period labels, period how, unit id, unit how) for every figure of the sentence."""
    statement = analyse(fold(sentence), catalogue)
    rows = []
    for figure in statement.figures:
        period, unit = statement.period_of(figure), statement.unit_of(figure, catalogue)
        rows.append((figure.text, period.labels, period.how, unit.unit_id, unit.how))
    return rows


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # lần lượt: periods before, values after
        (
            "Năm 2023 và năm 2024, tỷ lệ hồ sơ trực tuyến lần lượt đạt 45,2% và 52,8%.",
            [("45,2%", ("2023",), "list-position"), ("52,8%", ("2024",), "list-position")],
        ),
        # lần lượt: values first, the periods after them
        (
            "Tỷ lệ hồ sơ trực tuyến lần lượt đạt 45,2% và 52,8% trong các năm 2023, 2024.",
            [("45,2%", ("2023",), "list-position"), ("52,8%", ("2024",), "list-position")],
        ),
        # a list of values and a list of periods without lần lượt: which goes with which is not said
        (
            "Tỷ lệ hồ sơ trực tuyến đạt 45,2% và 52,8% trong các năm 2023, 2024.",
            [("45,2%", (), "none"), ("52,8%", (), "none")],
        ),
        # the figure's own period, not the comparison's
        (
            "Năm 2024, doanh thu đạt 52,8 tỷ USD, tăng 7,6% so với năm 2023.",
            [("52,8 tỷ", ("2024",), "sentence"), ("7,6%", ("2024",), "sentence")],
        ),
        # present tense: the source's date
        ("Phần mềm VssID hiện có 35 triệu tài khoản.", [("35 triệu", (), "present")]),
        # the first nine months: read, but no period form
        ("9 tháng đầu năm 2024, doanh thu đạt 12 tỷ USD.", [("12 tỷ", (), "unsupported")]),
    ],
)
def test_the_period_of_each_figure(sentence, expected, catalogue):
    assert [row[:3] for row in read(sentence, catalogue)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Năm 2024, tỉnh Bắc Ninh có 1.250 doanh nghiệp công nghệ số.", [("bac-ninh", "sentence")]),
        ("Năm 2024, cả nước có 73.000 doanh nghiệp công nghệ số.", [("vn", "sentence")]),
        # lần lượt pairs places with values
        (
            "Năm 2024, Hà Nội và TP.HCM lần lượt có 1.200 và 980 doanh nghiệp công nghệ số.",
            [("ha-noi", "list-position"), ("ho-chi-minh", "list-position")],
        ),
        # two places joined before one figure: whose is it?
        ("Năm 2024, Hà Nội và TP.HCM có 2.180 doanh nghiệp công nghệ số.", [(None, "ambiguous")]),
        # the source of a figure is not its place
        ("Theo Bộ Tài chính, năm 2024 cả nước có 73.000 doanh nghiệp.", [("vn", "sentence")]),
        # a ministry acting nationwide, and its own caseload
        (
            "Năm 2024, Bộ Công an đã cấp 79,5 triệu tài khoản định danh điện tử cho công dân trên cả nước.",
            [("vn", "sentence")],
        ),
        (
            "Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 87,6%.",
            [("bo-tai-chinh", "sentence")],
        ),
        # a ministry serving people, with no word on the scope: refused
        ("Năm 2024, Bộ Công an đã cấp 79,5 triệu tài khoản cho công dân.", [(None, "ambiguous")]),
        # places below a province are not the province
        ("Năm 2024, thành phố Hà Giang có 120 doanh nghiệp số.", [(None, "ambiguous")]),
        ("Năm 2024, huyện Mèo Vạc của tỉnh Hà Giang có 12 doanh nghiệp.", [(None, "ambiguous")]),
        ("Năm 2024, thị xã Sa Pa, Lào Cai có 12 doanh nghiệp.", [(None, "ambiguous")]),
        (
            "Năm 2024, tỉnh Lào Cai có 40 doanh nghiệp, riêng thị xã Sa Pa có 12 doanh nghiệp.",
            [("lao-cai", "sentence"), (None, "ambiguous")],
        ),
        # a centrally-run city written with its own "thành phố"
        ("Năm 2024, Thành phố Đà Nẵng có 2.100 doanh nghiệp.", [("da-nang", "sentence")]),
        ("Năm 2024, Bảo hiểm xã hội Việt Nam có 12 triệu tài khoản.", [("vn", "sentence")]),
        # 'lần lượt' pairs the places listed right before it, not one of an earlier phrase or the scope
        (
            "Năm 2024, Sơn La đứng thứ 9, Điện Biên và Lai Châu lần lượt xếp thứ 12 và 14.",
            [("son-la", "sentence"), ("dien-bien", "list-position"), ("lai-chau", "list-position")],
        ),
        (
            "Năm 2023, ở cấp tỉnh, Hà Tĩnh và Nghệ An lần lượt đạt 0,66 và 0,65.",
            [("ha-tinh", "list-position"), ("nghe-an", "list-position")],
        ),
        # 'các bộ, ngành': the ministries' bloc or the whole country
        ("Năm 2024, các bộ, ngành đã cắt giảm 820 thủ tục.", [(None, "ambiguous")]),
        # a ministry announcing results is not their unit
        ("Năm 2024, Bộ Nội vụ công bố chỉ số chung đạt 85,1%.", [(None, "none")]),
    ],
)
def test_the_reporting_unit_of_each_figure(sentence, expected, catalogue):
    assert [row[3:] for row in read(sentence, catalogue)] == expected


def test_a_target_is_told_from_an_observation(catalogue):
    statement = analyse(fold("Năm 2024 đạt 18,3% GDP; mục tiêu đến năm 2025 đạt 20% GDP."), catalogue)
    achieved, target = statement.figures
    assert (statement.is_target(achieved), statement.is_target(target)) == (False, True)
    assert statement.period_of(target, target=True).labels == ("2025",)


def test_a_bracketed_value_after_a_named_target_is_that_target(catalogue):
    statement = analyse(fold("Tỷ lệ đạt 73,2%, vượt chỉ tiêu Trung ương giao (70%)."), catalogue)
    achieved, target = statement.figures
    assert (statement.is_target(achieved), statement.is_target(target)) == (False, True)
    # a value in brackets after a name, with no target named before it, is no target
    statement = analyse(fold("Mục tiêu năm 2025 đã đạt; Hà Nội dẫn đầu (0,82)."), catalogue)
    assert [statement.is_target(figure) for figure in statement.figures] == [False]


def test_a_per_year_rate_is_marked(catalogue):
    statement = analyse(fold("Giai đoạn 2021-2025, kinh tế số tăng bình quân 20% mỗi năm."), catalogue)
    (figure,) = statement.figures
    found = statement.period_of(figure)
    assert (found.labels, found.per_year) == (("2021/2025",), True)
