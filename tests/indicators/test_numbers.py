import pytest

from indicators.numbers import find_numbers, readings_of


def read_one(written: str) -> float:
    """The value of a text that is exactly one number, scale word included."""
    (mention,) = find_numbers(written)
    assert mention.text == written
    return mention.value * mention.scale


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2.087.114", 2_087_114),
        ("14,96%", 14.96),
        ("479,09 tỷ", 479.09e9),
        ("113,5 tỷ", 113.5e9),
        ("35 triệu", 35e6),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("31.836 tỷ", 31_836e9),
        ("8.280 tỷ", 8_280e9),
        ("10.000", 10_000),
        ("1,2 tỷ", 1.2e9),
        ("2 nghìn tỷ", 2e12),
        ("5 ngàn", 5e3),
        ("81,8%", 81.8),
    ],
)
def test_vietnamese_numbers_read_as_written(written, value):
    assert read_one(written) == pytest.approx(value)


def test_a_point_before_two_digits_is_a_decimal_point():
    # The VOV article writes "1.96 triệu người": a decimal point, not grouping.
    assert readings_of("1.96") == (1.96,)
    assert read_one("1.96 triệu") == pytest.approx(1.96e6)


def test_ambiguous_groups_keep_both_readings_vietnamese_first():
    assert readings_of("8.280") == (8280.0, 8.28)
    assert readings_of("1,234") == (1.234, 1234.0)


def test_fractions_ranks_and_levels():
    rank, level = find_numbers("xếp hạng 86/193; cấp độ 6/10")
    assert (rank.value, rank.denominator) == (86, 193)
    assert (level.value, level.denominator) == (6, 10)


def test_percent_and_scale_word_are_recognised():
    (share,) = find_numbers("đạt khoảng 14,96%.")
    assert share.percent and share.value == pytest.approx(14.96)
    (amount,) = find_numbers("trên 8.280 tỷ đồng")
    assert amount.scale_word == "tỷ" and amount.scale == 1e9


def test_document_numbers_do_not_swallow_neighbours():
    texts = [mention.text for mention in find_numbers("Quyết định số 422/QĐ-TTg, ngày 30-6-2023")]
    assert texts == ["422", "30", "6", "2023"]


def test_every_number_in_a_sentence_is_found_in_order():
    sentence = "tăng từ 113,5 tỷ USD năm 2021 lên 117,3 tỷ USD năm 2023; 6 tháng năm 2024: 64,9 tỷ USD, tăng 23%."
    values = [mention.value * mention.scale for mention in find_numbers(sentence)]
    assert values == pytest.approx([113.5e9, 2021, 117.3e9, 2023, 6, 2024, 64.9e9, 23])


def test_text_without_digits_holds_no_number():
    assert find_numbers("") == find_numbers("không có số nào") == []
    assert [mention.value for mention in find_numbers("35 và 36")] == [35, 36]


def test_compound_scale_words_are_read_whole():
    (amount,) = find_numbers("đạt 2,3 triệu tỷ đồng")
    assert amount.scale_word == "triệu tỷ" and amount.value * amount.scale == pytest.approx(2.3e15)
