"""The kinds of wrong filing issue 20 found on documents written by others, each on a short
document of its own: a comparison's base is not the figure's period; a day or month
without a year takes the document's year; the reporting unit is the one of the figure's
clause; shapes that are no observation are refused; ranks and targets after "so với" file."""

from __future__ import annotations

import datetime
from functools import cache
from pathlib import Path

import pytest

from indicators.models import Source
from indicators.proposals import propose, sentences_containing
from indicators.registry import SourceDocument
from indicators.reporting_units import read_catalogue

PROJECT = Path(__file__).resolve().parents[2]


@cache
def catalogue():
    problems: list = []
    units = read_catalogue(PROJECT / "data" / "reporting-units", problems)
    assert problems == []
    return units


def proposal(text: str, find: str, published: str, title: str = "Tin", unit: str | None = None):
    meta = Source(
        id="doc",
        title=title,
        publisher="Báo",
        published=datetime.date.fromisoformat(published),
        language="vi",
        accessed=datetime.date(2026, 12, 7),
        reporting_unit=unit,
    )
    source = SourceDocument(meta, text, Path("doc.txt"))
    (sentence,) = sentences_containing(source, find)
    (found,) = propose(source, sentence, find, catalogue())
    return found


@pytest.mark.parametrize(
    ("text", "find", "period"),
    [
        ("Năm 2024, tỉnh đạt nhiều kết quả.\nTỷ lệ ký số đạt 41,5%, gấp 1,7 lần năm 2022.", "41,5%", "2024"),
        ("Năm 2024, tỉnh đạt nhiều kết quả.\nSố tài khoản đạt 3,2 triệu, gấp đôi cuối năm 2022.", "3,2 triệu", "2024"),
        ("Năm 2024, tỉnh đạt nhiều kết quả.\nSố hồ sơ tăng 9,1% so với cùng kỳ năm 2022.", "9,1%", "2024"),
    ],
)
def test_a_comparison_base_gives_no_period(text, find, period):
    found = proposal(text, find, "2025-01-20", unit="nam-dinh")
    assert (found.refusal, found.period) == (None, period)


def test_a_comparison_base_sets_no_context_for_later_sentences():
    text = "Năm 2024, tỉnh đạt nhiều kết quả.\nTỷ lệ ký số gấp 1,6 lần năm 2022.\nTỷ lệ hồ sơ trực tuyến đạt 63,4%."
    found = proposal(text, "63,4%", "2025-01-20", unit="nam-dinh")
    assert found.period == "2024"


def test_a_context_period_equal_to_the_sentences_comparison_base_is_refused():
    text = "Năm 2023, tỉnh xếp thứ 15.\nDoanh thu đạt 120 tỷ đồng, tăng 7% so với năm 2023."
    assert "comparison base" in proposal(text, "120 tỷ", "2025-01-20", unit="nam-dinh").refusal


@pytest.mark.parametrize(
    ("text", "find", "period"),
    [
        (
            "Tỉnh đẩy mạnh chuyển đổi số.\nNăm 2023, tỉnh xếp thứ 30.\nĐến ngày 12/9, toàn tỉnh có 5.120 tổ công nghệ số.",
            "5.120",
            "2024-09-12",
        ),
        (
            "Tỉnh đẩy mạnh chuyển đổi số.\nNăm 2023, tỉnh xếp thứ 30.\nĐến cuối tháng 8, tỷ lệ ký số đạt 71,2%.",
            "71,2%",
            "2024-08-31",
        ),
        (
            "Tỉnh đẩy mạnh chuyển đổi số.\nNăm 2023, tỉnh xếp thứ 30.\nĐến cuối năm, tỉnh phấn đấu 95% hồ sơ trực tuyến.",
            "95%",
            "2024-12-31",
        ),
    ],
)
def test_a_day_or_month_without_a_year_takes_the_documents_year(text, find, period):
    """Not the year of a past reference in the sentence before (the lead states none here)."""
    assert proposal(text, find, "2024-09-25", unit="nam-dinh").period == period


def test_the_end_of_the_quarter_is_the_last_day_of_the_quarter_in_force():
    text = "Trong quý II/2025, tỉnh triển khai nhiều nhiệm vụ.\nĐến cuối quý, toàn tỉnh có 880 nghìn tài khoản."
    assert proposal(text, "880 nghìn", "2025-07-05", unit="nam-dinh").period == "2025-06-30"


def test_a_title_year_beats_the_publication_year_for_a_day_without_one():
    text = "Tỉnh tổng kết năm.\nĐến ngày 31/12, toàn tỉnh có 640 nghìn người dùng."
    found = proposal(text, "640 nghìn", "2025-01-06", title="Chuyển đổi số năm 2024", unit="nam-dinh")
    assert found.period == "2024-12-31"


@pytest.mark.parametrize(
    ("text", "find", "unit_id", "publisher"),
    [
        ("Năm 2024, thực hiện Nghị quyết của Chính phủ, tỉnh đưa 930 thủ tục lên cổng.", "930", "nam-dinh", "nam-dinh"),
        (
            "Năm 2024, toàn tỉnh có 88 xã có điểm hỗ trợ, hướng tới mục tiêu chung của cả nước.",
            "88",
            "nam-dinh",
            "nam-dinh",
        ),
        ("Năm 2024, tỷ lệ trong tỉnh đạt 44,1%, trong khi cả nước đạt 50,3%.", "44,1%", "nam-dinh", "nam-dinh"),
        ("Năm 2024, cả nước có 2.050 thủ tục; tỷ lệ hồ sơ trực tuyến đạt 47,7%.", "47,7%", "vn", "bo-tai-chinh"),
        ("Năm 2024, kinh tế số đóng góp 14,1% GDP.", "14,1%", "vn", "bo-tai-chinh"),
        (
            "Năm 2024, Bộ cung cấp 120 dịch vụ, trong khi cả nước có 4.300 dịch vụ.",
            "120",
            "bo-tai-chinh",
            "bo-tai-chinh",
        ),
        ("Năm 2024, nhóm các bộ, cơ quan ngang bộ đạt 55,5%.", "55,5%", "khoi-bo-nganh", None),
        ("Năm 2024, Nam Định xếp thứ 14 và Ninh Bình xếp thứ 22.", "14", "nam-dinh", None),
        ("Năm 2024, Nam Định xếp thứ 14 và Ninh Bình xếp thứ 22.", "22", "ninh-binh", None),
    ],
)
def test_the_unit_is_the_one_of_the_figures_clause(text, find, unit_id, publisher):
    found = proposal(text, find, "2025-02-10", unit=publisher)
    assert (found.refusal, found.reporting_unit) == (None, unit_id)


def test_a_target_the_government_assigns_to_no_named_unit_is_refused():
    text = "Chính phủ giao chỉ tiêu năm 2025 đạt 75% hồ sơ trực tuyến."
    assert "Chính phủ" in proposal(text, "75%", "2025-02-10", unit="nam-dinh").refusal


@pytest.mark.parametrize(
    ("text", "find"),
    [
        ("Theo địa giới mới, Ninh Bình (mới) năm 2024 đạt 0,6611 điểm.", "0,6611"),
        ("Năm 2024, Công an tỉnh đã cấp 52.000 tài khoản định danh.", "52.000"),
        ("Năm 2024, Khu kinh tế Nghi Sơn số hóa 100% hồ sơ.", "100%"),
        ("Năm 2024, Khu công nghệ cao thu hút 31 doanh nghiệp.", "31"),
        ("Năm 2024, bình quân mỗi ngày cổng tiếp nhận 2.400 hồ sơ.", "2.400"),
        ("Năm 2024, bảng xếp hạng 7 địa phương đứng đầu được công bố.", "7"),
        ("Năm 2024, có 23 tỉnh đạt tỷ lệ ký số trên 40%.", "23"),
        ("Năm 2024, khoảng cách giữa hai tỉnh là 0,0912 điểm.", "0,0912"),
        ("Năm 2024, Nam Định cao hơn Ninh Bình 0,0912 điểm.", "0,0912"),
        ("Năm 2025, tỉnh phấn đấu mỗi xã có ít nhất 3 máy tính nối mạng.", "3"),
    ],
)
def test_shapes_that_are_no_observation_are_refused(text, find):
    assert proposal(text, find, "2025-08-10", unit="ninh-binh").refusal


def test_a_target_after_so_voi_muc_tieu_is_a_target_not_a_comparison_base():
    text = "Năm 2024, tỷ lệ ký số đạt 61,5%, so với mục tiêu 70% đề ra cho năm 2024."
    found = proposal(text, "70%", "2025-01-10", unit="nam-dinh")
    assert (found.refusal, found.target, found.period, found.reporting_unit) == (None, True, "2024", "nam-dinh")
