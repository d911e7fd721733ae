"""The periods a sentence states: each form Vietnamese reporting uses, with its label and role."""

import pytest

from indicators.period_mentions import find_periods, single_plain_period


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # years, halves, quarters, months
        ("Năm 2024, kinh tế số chiếm 18,3% GDP.", [("2024", "period")]),
        ("Trong 6 tháng đầu năm 2024, doanh thu đạt 64,9 tỷ USD.", [("2024-H1", "period")]),
        ("6 tháng cuối năm 2023 có 1,2 triệu hồ sơ.", [("2023-H2", "period")]),
        ("Nửa đầu năm 2025, tỷ lệ đạt 52%.", [("2025-H1", "period")]),
        ("Trong quý III/2024, có 12 triệu giao dịch.", [("2024-Q3", "period")]),
        ("Quý 2 năm 2024 ghi nhận 82,3 triệu thuê bao.", [("2024-Q2", "period")]),
        ("Tháng 9/2025, cổng dịch vụ công tiếp nhận 2,1 triệu hồ sơ.", [("2025-09", "period")]),
        # as-of dates: a day, the end of a month, quarter or year
        ("Tính đến hết ngày 30-6-2023, có 35 triệu tài khoản.", [("2023-06-30", "period")]),
        ("Tính đến 30.9.2024, Bộ Công an đã cấp 79,5 triệu tài khoản.", [("2024-09-30", "period")]),
        ("Đến cuối tháng 5-2024, có 80% người dân có tài khoản.", [("2024-05-31", "period")]),
        ("Tính đến tháng 6/2024, toàn tỉnh có 120 doanh nghiệp.", [("2024-06-30", "period")]),
        ("Hết quý I/2024, có 1.200 trạm BTS.", [("2024-03-31", "period")]),
        ("Đến cuối năm 2023, có 73.000 doanh nghiệp công nghệ số.", [("2023-12-31", "period")]),
        # ranges
        ("Giai đoạn 2021 - 2025, kinh tế số tăng 20% mỗi năm.", [("2021/2025", "period"), (None, "rate")]),
        ("Từ năm 2020 đến năm 2023, tỷ lệ tăng gấp đôi.", [("2020/2023", "period")]),
        # comparisons, targets, the present
        (
            "Năm 2024 đạt 52,8%, tăng 7,6 điểm phần trăm so với năm 2023.",
            [("2024", "period"), ("2023", "comparison")],
        ),
        ("Mục tiêu đến năm 2025, kinh tế số chiếm 20% GDP.", [("2025", "target")]),
        ("Hiện có 35 triệu tài khoản.", [(None, "present")]),
        ("Đến nay, 100% xã có cáp quang.", [(None, "present")]),
        # "cao hơn cùng kỳ năm 2023": the same period a year before, a comparison
        (
            "Trong 6 tháng đầu năm 2024 đạt 62,5%, cao hơn cùng kỳ năm 2023 là 18,7 điểm phần trăm.",
            [("2024-H1", "period"), ("2023", "comparison")],
        ),
        # one day singled out, its year the document's
        ("Riêng ngày 8/8, cả nước tiếp nhận 240.000 hồ sơ.", [(None, "period")]),
        # the year of a named report is its edition's, no figure's period
        (
            "Theo Báo cáo Kinh tế số Hà Tĩnh năm 2025, tỷ trọng năm 2024 đạt 9,8%.",
            [("2025", "name"), ("2024", "period")],
        ),
    ],
)
def test_each_form_gives_its_label_and_role(sentence, expected):
    assert [(mention.label, mention.role) for mention in find_periods(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Thực hiện Quyết định số 749/QĐ-TTg ngày 3/6/2020 của Thủ tướng, có 35 triệu tài khoản.",
        "Theo Nghị định 13/2023/NĐ-CP, dữ liệu cá nhân được bảo vệ.",
        # a duration, not the first months of a year
        "Sau gần ba tháng vận hành, tỉnh đã số hóa 80% hồ sơ.",
    ],
)
def test_dates_and_years_of_documents_are_not_periods(sentence):
    assert [mention for mention in find_periods(sentence) if mention.role == "period"] == []


def test_a_day_and_month_without_a_year_take_the_sources_year():
    (mention,) = find_periods("Tính đến 15/11, cả nước có 60 triệu tài khoản.")
    assert (mention.label, mention.day_month) == (None, (15, 11))
    assert mention.resolved(2024) == ("2024-11-15",)
    assert mention.resolved(None) == ()


def test_this_year_and_its_first_half_take_the_sources_year():
    (year,) = find_periods("Năm nay, tỉnh có 120 doanh nghiệp.")
    (half,) = find_periods("6 tháng đầu năm nay, doanh thu đạt 5 tỷ USD.")
    assert (year.resolved(2025), half.resolved(2025)) == (("2025",), ("2025-H1",))


def test_the_first_nine_months_is_read_but_has_no_period_form():
    (mention,) = find_periods("9 tháng đầu năm 2024, doanh thu đạt 12 tỷ USD.")
    assert mention.label is None and mention.unsupported == "the first 9 months of 2024"


def test_the_end_of_a_year_is_also_the_year():
    (mention,) = find_periods("Cuối năm 2023, có 73.000 doanh nghiệp.")
    assert mention.labels == ("2023-12-31", "2023")


def test_a_sentence_with_one_plain_period_has_it():
    assert single_plain_period("Năm 2024, có 120 doanh nghiệp.").label == "2024"
    assert single_plain_period("Năm 2023 và năm 2024 có 120 và 140 doanh nghiệp.") is None


def test_the_year_pattern_finds_what_its_plain_form_finds():
    """`_YEARS` puts its literal first (a faster search); it finds the same years as
    "no digit before, 19xx or 20xx, no digit after" over random digit strings."""
    import random
    import re

    from indicators.period_mentions import _YEARS

    plain = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
    rng = random.Random(84)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(["19", "20", "0", "1", "2", "9", " ", "a", "/"]) for _ in range(rng.randint(0, 16)))
        spans = [match.span() for match in plain.finditer(text)]
        assert [match.span() for match in _YEARS.finditer(text)] == spans, text
        found += len(spans)
    assert found > 1000
