"""Numbers, values, periods and dates as a Vietnamese or an English reader writes them."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.formatting import (
    MISSING,
    counted,
    format_date_value,
    format_number,
    format_period,
    format_value,
    scaled_unit,
)
from indicators.numbers import readings_of
from indicators.vocabulary import QUALIFIERS, SCALES


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (1_234_567.8, "1.234.567,8", "1,234,567.8"),
        (2_087_114, "2.087.114", "2,087,114"),
        (1250, "1.250", "1,250"),
        (45.2, "45,2", "45.2"),
        (14.96, "14,96", "14.96"),
        (14.956, "14,96", "14.96"),  # at most two decimals
        (35.0, "35", "35"),  # no trailing zeros
        (0, "0", "0"),
        (0.5, "0,5", "0.5"),
        (-1234.5, "-1.234,5", "-1,234.5"),  # a fall
        (2.3e15, "2.300.000.000.000.000", "2,300,000,000,000,000"),
    ],
)
def test_numbers_use_each_languages_marks(value, vi, en):
    assert format_number(value, "vi") == vi
    assert format_number(value, "en") == en


def test_digits_limit_the_decimals():
    assert format_number(1_234_567.8, "vi", digits=0) == "1.234.568"
    assert format_number(14.96, "en", digits=1) == "15"
    assert format_number(0.745, "vi", digits=3) == "0,745"


@pytest.mark.parametrize("missing", [None, math.nan, np.float64("nan"), pd.NA])
def test_a_missing_number_is_a_dash_not_an_exception(missing):
    assert format_number(missing, "vi") == format_number(missing, "en") == MISSING == "—"
    assert format_value(missing, "triệu tài khoản", "vi") == "—"
    assert format_value(missing, "%", "en", out_of=193) == "—"


@pytest.mark.parametrize(
    ("value", "units", "vi", "en"),
    [
        (35, ("triệu tài khoản", "million accounts"), "35 triệu tài khoản", "35 million accounts"),
        (113.5, ("tỷ USD", "billion USD"), "113,5 tỷ USD", "113.5 billion USD"),
        (14.96, ("%", "%"), "14,96%", "14.96%"),  # a percentage is written against its number
        (45.2, ("% hồ sơ", "% of records"), "45,2% hồ sơ", "45.2% of records"),
        (1250, ("", ""), "1.250", "1,250"),  # no unit, no trailing space
    ],
)
def test_values_with_their_unit(value, units, vi, en):
    assert format_value(value, units[0], "vi") == vi
    assert format_value(value, units[1], "en") == en


@pytest.mark.parametrize("scale", list(SCALES))
def test_every_scale_word_is_written_in_the_readers_language(scale):
    words = SCALES[scale]
    vi = format_value(1.2, scaled_unit("yêu cầu", scale, "vi"), "vi", qualifier="nearly")
    en = format_value(1.2, scaled_unit("requests", scale, "en"), "en", qualifier="nearly")
    assert vi == " ".join(part for part in ("gần 1,2", words.vi, "yêu cầu") if part)
    assert en == " ".join(part for part in ("nearly 1.2", words.en, "requests") if part)
    vietnamese_words = {word for other in SCALES.values() for word in other.written}
    assert not any(word in en for word in vietnamese_words)


@pytest.mark.parametrize(
    ("value", "en"),
    [(1, "1 decree"), (1.0, "1 decree"), (-1, "-1 decree"), (2, "2 decrees"), (0, "0 decrees"), (1.5, "1.5 decrees")],
)
def test_an_english_one_takes_the_singular_unit(value, en):
    assert format_value(value, "decrees", "en", unit_one="decree") == en
    assert format_value(value, "nghị định", "vi", unit_one="decree").endswith(" nghị định")  # one form


def test_the_singular_unit_is_optional_and_missing_in_a_frame_is_none():
    assert format_value(1, "decrees", "en") == "1 decrees"  # no singular given: the one unit there is
    assert format_value(1, "decrees", "en", unit_one=math.nan) == "1 decrees"
    assert format_value(1, "", "en", out_of=193, unit_one="rank") == "1/193"
    assert format_value(1, "decrees", "en", qualifier="more-than", unit_one="decree") == "more than 1 decree"


def test_a_rank_is_written_out_of_n_and_its_unit_left_out():
    assert format_value(86, "hạng", "vi", out_of=193) == "86/193"
    assert format_value(1234, "", "en", out_of=10_000.0) == "1,234/10,000"


def test_a_missing_out_of_or_qualifier_from_a_frame_is_ignored():
    assert format_value(86, "", "vi", out_of=math.nan) == "86"
    assert format_value(35, "triệu", "vi", qualifier=math.nan) == "35 triệu"
    assert format_value(35, "triệu", "vi", out_of=None, qualifier=None) == "35 triệu"


@pytest.mark.parametrize(
    ("code", "vi", "en"),
    [
        ("about", "khoảng 3 tỷ USD", "about 3 billion USD"),
        ("nearly", "gần 3 tỷ USD", "nearly 3 billion USD"),
        ("more-than", "hơn 3 tỷ USD", "more than 3 billion USD"),
        ("less-than", "dưới 3 tỷ USD", "less than 3 billion USD"),
        ("at-least", "ít nhất 3 tỷ USD", "at least 3 billion USD"),
    ],
)
def test_each_qualifier_comes_before_the_value_in_the_readers_language(code, vi, en):
    assert format_value(3, "tỷ USD", "vi", qualifier=code) == vi
    assert format_value(3, "billion USD", "en", qualifier=code) == en


def test_every_qualifier_of_the_vocabulary_is_tested_above():
    assert set(QUALIFIERS) == {"about", "nearly", "more-than", "less-than", "at-least"}


@pytest.mark.parametrize(
    ("label", "kind", "vi", "en"),
    [
        ("2024", "year", "2024", "2024"),
        ("2024-H1", "half-year", "6 tháng đầu năm 2024", "H1 2024"),
        ("2023-H2", "half-year", "6 tháng cuối năm 2023", "H2 2023"),
        ("2024-Q3", "quarter", "quý 3/2024", "Q3 2024"),
        ("2024-09", "month", "tháng 9/2024", "September 2024"),
        ("2025-12", "month", "tháng 12/2025", "December 2025"),
        ("2024-07-19", "date", "19/7/2024", "19 July 2024"),
        ("2023-06-30", "date", "30/6/2023", "30 June 2023"),
        ("2021/2025", "range", "giai đoạn 2021–2025", "2021–2025"),
        ("tháng cao điểm Covid-19", "other", "tháng cao điểm Covid-19", "tháng cao điểm Covid-19"),
    ],
)
def test_each_period_kind_in_each_language(label, kind, vi, en):
    assert format_period(label, kind, "vi") == vi
    assert format_period(label, kind, "en") == en


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        ("2024-07-19", "19/7/2024", "19 July 2024"),
        ("2023-10-10", "10/10/2023", "10 October 2023"),
        ("2026-01-05", "5/1/2026", "5 January 2026"),
    ],
)
def test_publication_dates_in_each_language(value, vi, en):
    assert format_date_value(value, "vi") == vi
    assert format_date_value(value, "en") == en


@pytest.mark.parametrize("missing", [None, "", math.nan])
def test_a_source_without_a_date_shows_a_dash(missing):
    """A frame holds NaN in source_published for a source without `published`."""
    assert format_date_value(missing, "vi") == format_date_value(missing, "en") == "—"


# --- properties --------------------------------------------------------------

# no example database: tests write nothing outside their temporary folders
property_settings = settings(database=None, deadline=None)
hundredths = st.integers(0, 10**13).map(lambda cents: cents / 100)


@property_settings
@given(hundredths)
def test_the_validator_reads_a_vietnamese_number_back_as_its_value(value):
    """What the dashboard writes in Vietnamese, the validator's first reading takes for the same number."""
    assert readings_of(format_number(value, "vi"))[0] == pytest.approx(value, rel=1e-15)


@property_settings
@given(hundredths)
def test_the_two_languages_differ_only_in_their_marks(value):
    vi, en = format_number(value, "vi"), format_number(value, "en")
    assert vi.translate(str.maketrans(".,", ",.")) == en
    assert float(en.replace(",", "")) == pytest.approx(value, rel=1e-15)


def test_counted_writes_the_plural_form_babel_gives():
    assert [counted(n, "error", "errors") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
