"""Does the quote state the value? Scales, decimal marks both ways, ranks out of N,
changes without their sign, and the message an editor reads when it does not."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.citations import stating_mentions, value_in_quote
from indicators.numbers import find_numbers

THOUSAND, MILLION, BILLION, TRILLION, QUADRILLION = 1e3, 1e6, 1e9, 1e12, 1e15


@pytest.mark.parametrize(
    ("quote", "value", "scale"),
    [
        # the scale word carries the indicator's scale
        ("Phần mềm VssID hiện có 35 triệu tài khoản.", 35, MILLION),
        ("Xuất khẩu sản phẩm số đạt 113,5 tỷ USD năm 2021.", 113.5, BILLION),
        ("Năm 2024, tổng thu ngân sách nhà nước đạt 2,3 triệu tỷ đồng.", 2.3, QUADRILLION),
        ("Năm 2024, tổng thu ngân sách nhà nước đạt 2,3 triệu tỷ đồng.", 2300, TRILLION),
        ("Giai đoạn 2021-2025, tiết kiệm 12 nghìn tỷ đồng.", 12, TRILLION),
        ("Giai đoạn 2021-2025, tiết kiệm 12 ngàn tỷ đồng.", 12, TRILLION),
        ("Năm 2023, doanh thu đạt 5,2 tỉ USD.", 5.2, BILLION),
        ("Tính đến 30/6/2024, có 120 nghìn doanh nghiệp.", 120, THOUSAND),
        # the same figure in other units: written out, or as base units
        ("Cả nước có 35.000.000 tài khoản.", 35, MILLION),
        ("Phần mềm VssID hiện có 35 triệu tài khoản.", 35_000_000, 1),
        ("Doanh thu đạt 14,96 tỷ USD.", 14_960, MILLION),
        # Vietnamese marks: "." groups thousands, "," before decimals
        ("Năm 2023, tỉnh Bắc Ninh có 1.250 doanh nghiệp công nghệ số.", 1250, 1),
        ("Tổng số hồ sơ là 2.087.114 hồ sơ.", 2_087_114, 1),
        ("Quỹ đạt 1.234.567,8 tỷ đồng.", 1_234_567.8, BILLION),
        ("Tỷ lệ hồ sơ trực tuyến toàn trình đạt 45,2%.", 45.2, 1),
        ("Kinh tế số chiếm 0,5% GDP của tỉnh.", 0.5, 1),
        # stray marks the other way, as sources also print them
        ("Có 1.96 triệu người nhận trợ cấp qua tài khoản.", 1.96, MILLION),
        ("Tỷ lệ đạt 14.96% dân số.", 14.96, 1),
        ("Doanh thu đạt 1,234.5 tỷ đồng.", 1234.5, BILLION),
        # a stop right after the number is not a decimal mark
        ("Toàn tỉnh có 1.250.", 1250, 1),
        ("Tỷ lệ đạt 14,96. Năm sau tăng.", 14.96, 1),
        # "1.250" is also read as 1,25 (a dot before three digits is ambiguous): both readings count
        ("Năm 2023, tỉnh Bắc Ninh có 1.250 doanh nghiệp công nghệ số.", 1.25, THOUSAND),
        # a fraction: the numerator is a number the quote states
        ("Năm 2022, Việt Nam xếp hạng 86/193 quốc gia.", 86, 1),
    ],
)
def test_a_stated_value_is_accepted(quote, value, scale):
    assert value_in_quote(quote, value, scale) is None


@pytest.mark.parametrize(
    ("quote", "value", "scale", "message"),
    [
        # a value rounded by the editor is not the value stated
        (
            "Phần mềm VssID hiện có 35,2 triệu tài khoản.",
            35,
            MILLION,
            "35 × 1,000,000 = 35,000,000 is not a number stated in the quote (numbers found: '35,2 triệu' = 35,200,000)",
        ),
        (
            "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 45,2%.",
            45,
            1,
            "45 is not a number stated in the quote (numbers found: '45,2%' = 45.2)",
        ),
        # a share entered as a fraction of one
        (
            "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 45,2%.",
            0.452,
            1,
            "0.452 is not a number stated in the quote (numbers found: '45,2%' = 45.2)",
        ),
        # the wrong scale: "nghìn tỷ" is a trillion, not a thousand
        (
            "Giai đoạn 2021-2025, tiết kiệm 12 nghìn tỷ đồng.",
            12,
            THOUSAND,
            "12 × 1,000 = 12,000 is not a number stated in the quote (numbers found: '2021' = 2,021, "
            "'2025' = 2,025, '12 nghìn tỷ' = 12,000,000,000,000)",
        ),
        (
            "Năm 2024, tổng thu ngân sách nhà nước đạt 2,3 triệu tỷ đồng.",
            2.3,
            TRILLION,
            "2.3 × 1,000,000,000,000 = 2,300,000,000,000 is not a number stated in the quote "
            "(numbers found: '2024' = 2,024, '2,3 triệu tỷ' = 2.3e+15)",
        ),
        # large amounts are written out in full in the message, not as 1.153e+11
        (
            "Xuất khẩu sản phẩm số đạt 113,5 tỷ USD.",
            115.3,
            BILLION,
            "115.3 × 1,000,000,000 = 115,300,000,000 is not a number stated in the quote "
            "(numbers found: '113,5 tỷ' = 113,500,000,000)",
        ),
        # a dropped zero
        (
            "Năm 2023, tỉnh Bắc Ninh có 1.250 doanh nghiệp công nghệ số.",
            125,
            1,
            "125 is not a number stated in the quote (numbers found: '2023' = 2,023, '1.250' = 1,250)",
        ),
        (
            "Toàn tỉnh đã hình thành nhiều doanh nghiệp.",
            5,
            1,
            "5 is not a number stated in the quote (it contains no number)",
        ),
    ],
)
def test_an_unstated_value_is_refused_with_the_numbers_the_quote_does_state(quote, value, scale, message):
    assert value_in_quote(quote, value, scale) == message


RANKS = "Năm 2023, tỉnh Thanh Hóa xếp hạng 12/63 tỉnh, thành phố; năm 2024 xếp hạng 9/63, tăng 3 bậc."


@pytest.mark.parametrize(("value", "out_of"), [(12, 63), (9, 63)])
def test_a_rank_out_of_n_is_stated_by_its_fraction(value, out_of):
    assert value_in_quote(RANKS, value, 1, out_of) is None


@pytest.mark.parametrize(
    ("quote", "value", "out_of", "message"),
    [
        (
            RANKS,
            10,
            63,
            "the quote does not state 10/63 (numbers found: '2023' = 2,023, '12/63' = 12, '2024' = 2,024, "
            "'9/63' = 9, '3' = 3)",
        ),
        # the right place out of the wrong number of countries
        (
            "Năm 2022, Việt Nam xếp hạng 86/193 quốc gia.",
            86,
            190,
            "the quote does not state 86/190 (numbers found: '2022' = 2,022, '86/193' = 86)",
        ),
        # the rank and the number of countries written apart are not a fraction
        (
            "Việt Nam đứng thứ 86 trong số 193 quốc gia.",
            86,
            193,
            "the quote does not state 86/193 (numbers found: '86' = 86, '193' = 193)",
        ),
    ],
)
def test_a_rank_needs_its_fraction(quote, value, out_of, message):
    assert value_in_quote(quote, value, 1, out_of) == message


def test_the_denominator_alone_is_not_the_value():
    assert value_in_quote("Năm 2022, Việt Nam xếp hạng 86/193 quốc gia.", 193, 1) == (
        "193 is not a number stated in the quote (numbers found: '2022' = 2,022, '86/193' = 86)"
    )


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("Chỉ số DTI của tỉnh Thanh Hóa giảm 3 bậc so với năm 2022.", -3),
        ("Tỷ lệ thất nghiệp giảm 0,5 điểm phần trăm.", -0.5),
        ("Năm 2024, doanh thu tăng 7,6% so với năm 2023.", 7.6),
    ],
)
def test_a_change_is_stated_without_its_sign(quote, value):
    assert value_in_quote(quote, value, 1, absolute=True) is None
    assert value_in_quote(quote, -value, 1, absolute=True) is None


def test_without_absolute_a_negative_value_is_not_stated_by_the_word_giam():
    quote = "Chỉ số DTI của tỉnh Thanh Hóa giảm 3 bậc so với năm 2022."
    assert value_in_quote(quote, -3, 1) == (
        "-3 is not a number stated in the quote (numbers found: '3' = 3, '2022' = 2,022)"
    )


def test_a_change_must_still_be_the_stated_amount():
    quote = "Chỉ số DTI của tỉnh Thanh Hóa giảm 3 bậc so với năm 2022."
    assert value_in_quote(quote, -4, 1, absolute=True) == (
        "-4 is not a number stated in the quote (numbers found: '3' = 3, '2022' = 2,022)"
    )


def test_the_message_lists_at_most_eight_numbers():
    quote = "Các năm lần lượt đạt 1, 2, 3, 4, 5, 6, 7, 8, 9 và 10 điểm."
    assert value_in_quote(quote, 11, 1) == (
        "11 is not a number stated in the quote (numbers found: '1' = 1, '2' = 2, '3' = 3, '4' = 4, "
        "'5' = 5, '6' = 6, '7' = 7, '8' = 8)"
    )


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 1e308, -0.0])
def test_odd_values_get_a_message_not_an_exception(value):
    reason = value_in_quote("Phần mềm VssID hiện có 35 triệu tài khoản.", value, MILLION)
    assert reason is not None and reason.endswith("(numbers found: '35 triệu' = 35,000,000)")


def test_stating_mentions_are_the_figures_that_state_the_value():
    mentions = find_numbers(RANKS)
    assert [mention.text for mention in stating_mentions(mentions, 9, 1, 63)] == ["9/63"]
    assert [mention.text for mention in stating_mentions(mentions, -3, 1, absolute=True)] == ["3"]
    assert [mention.text for mention in stating_mentions(mentions, 63, 1)] == []
    assert stating_mentions([], 9, 1) == []


# --- properties --------------------------------------------------------------

# no example database: tests write nothing outside their temporary folders
property_settings = settings(database=None, deadline=None)


def vietnamese(value: int, cents: int) -> str:
    """`1234567, 8` -> `1.234.567,08`: grouped by dots, a comma before the decimals."""
    grouped = f"{value:,}".replace(",", ".")
    return f"{grouped},{cents:02d}" if cents else grouped


scales = st.sampled_from(
    [(1.0, ""), (THOUSAND, " nghìn"), (MILLION, " triệu"), (BILLION, " tỷ"), (TRILLION, " nghìn tỷ")]
)


@property_settings
@given(st.integers(0, 10**6), st.integers(0, 99), scales)
def test_a_value_written_the_vietnamese_way_is_stated_and_a_hundredth_more_is_not(whole, cents, scale):
    factor, word = scale
    quote = f"Cả nước đạt {vietnamese(whole, cents)}{word} đồng."
    value = whole + cents / 100
    assert value_in_quote(quote, value, factor) is None
    assert value_in_quote(quote, value + 0.01, factor) is not None


@property_settings
@given(st.text(max_size=80), st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([1.0, MILLION, BILLION]))
def test_any_quote_and_value_give_none_or_a_sentence_never_an_exception(quote, value, scale):
    reason = value_in_quote(quote, value, scale)
    assert reason is None or "the quote" in reason
