"""Period labels: every standard form resolved to its first and last day, free labels
placed by their period_start, malformed labels refused with what to write instead."""

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.periods import PERIOD_FORMS, Period, is_valid_period, parse_period


@pytest.mark.parametrize(
    ("label", "kind", "start", "end"),
    [
        # "Năm 2024, ..."
        ("2024", "year", date(2024, 1, 1), date(2024, 12, 31)),
        # "6 tháng đầu năm 2024", "6 tháng cuối năm 2023"
        ("2024-H1", "half-year", date(2024, 1, 1), date(2024, 6, 30)),
        ("2023-H2", "half-year", date(2023, 7, 1), date(2023, 12, 31)),
        # "quý I/2024" ... "quý IV/2024"
        ("2024-Q1", "quarter", date(2024, 1, 1), date(2024, 3, 31)),
        ("2024-Q2", "quarter", date(2024, 4, 1), date(2024, 6, 30)),
        ("2024-Q3", "quarter", date(2024, 7, 1), date(2024, 9, 30)),
        ("2024-Q4", "quarter", date(2024, 10, 1), date(2024, 12, 31)),
        # "tháng 9/2024"; February of a leap year and of a common year
        ("2024-09", "month", date(2024, 9, 1), date(2024, 9, 30)),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", "month", date(2023, 2, 1), date(2023, 2, 28)),
        ("2025-12", "month", date(2025, 12, 1), date(2025, 12, 31)),
        # "tính đến hết ngày 30-6-2024": one day
        ("2024-06-30", "date", date(2024, 6, 30), date(2024, 6, 30)),
        ("2024-02-29", "date", date(2024, 2, 29), date(2024, 2, 29)),
        # "giai đoạn 2021-2025": whole years, both ends included
        ("2021/2025", "range", date(2021, 1, 1), date(2025, 12, 31)),
        ("2024/2025", "range", date(2024, 1, 1), date(2025, 12, 31)),
    ],
)
def test_each_standard_form_has_its_kind_first_and_last_day(label, kind, start, end):
    assert parse_period(label) == Period(label, kind, start, end)
    assert is_valid_period(label)


def test_a_label_written_with_spaces_around_it_is_read_trimmed():
    assert parse_period("  2024-Q3 ") == Period("2024-Q3", "quarter", date(2024, 7, 1), date(2024, 9, 30))


def test_a_free_label_sorts_by_its_period_start_and_has_no_end():
    found = parse_period("tháng cao điểm Covid-19", date(2021, 8, 1))
    assert found == Period("tháng cao điểm Covid-19", "other", date(2021, 8, 1), None)
    assert is_valid_period("tháng cao điểm Covid-19", date(2021, 8, 1))


def test_a_free_label_without_period_start_is_refused_with_the_standard_forms():
    with pytest.raises(ValueError) as raised:
        parse_period("giai đoạn phòng, chống đại dịch Covid-19")
    assert str(raised.value) == (
        "'giai đoạn phòng, chống đại dịch Covid-19' is not a standard period "
        "(2024, 2024-H1, 2024-Q3, 2024-06, 2024-06-30 or 2021/2025); add period_start (YYYY-MM-DD) so it can be sorted"
    )
    assert not is_valid_period("giai đoạn phòng, chống đại dịch Covid-19")


def test_period_start_must_agree_with_a_standard_label():
    assert parse_period("2024-H2", date(2024, 7, 1)).start == date(2024, 7, 1)  # agreeing: accepted
    with pytest.raises(ValueError) as raised:
        parse_period("2024-H2", date(2024, 6, 1))
    assert str(raised.value) == (
        "period_start 2024-06-01 does not match period '2024-H2', which starts on 2024-07-01; "
        "remove period_start or correct it"
    )
    assert not is_valid_period("2024-H2", date(2024, 6, 1))


@pytest.mark.parametrize(
    "label",
    [
        "2024-H3",  # no third half
        "2024-Q5",  # no fifth quarter
        "2024-6",  # the month needs two digits
        "2024-06-1",  # and so does the day
        "2024-2025",  # a range is written with a slash
        "2024–2025",  # an en dash, as articles print "2024–2025"
        "2024 năm",
        "2024-q3",  # upper case Q only
        "2024/25",
    ],
)
def test_a_label_that_starts_like_a_year_is_refused_with_the_forms_to_write(label):
    with pytest.raises(ValueError) as raised:
        parse_period(label)
    assert str(raised.value) == f"{label!r} is not a period; write it as {PERIOD_FORMS}"
    # ... even with a period_start: it is a typo of a standard form, not a free label
    with pytest.raises(ValueError):
        parse_period(label, date(2024, 1, 1))


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("2024-13", "'2024-13' is not a real date (month must be in 1..12)"),
        ("2024-00", "'2024-00' is not a real date (month must be in 1..12)"),
        ("2023-02-29", "'2023-02-29' is not a real date (day is out of range for month)"),
        ("2024-04-31", "'2024-04-31' is not a real date (day is out of range for month)"),
        ("2025/2021", "'2025/2021' is not a range of years: the last must come after the first"),
        ("2024/2024", "'2024/2024' is not a range of years: the last must come after the first"),
    ],
)
def test_impossible_dates_and_backward_ranges_are_refused(label, message):
    with pytest.raises(ValueError) as raised:
        parse_period(label)
    assert str(raised.value) == message
    assert not is_valid_period(label)


@pytest.mark.parametrize("label", ["năm 2024", "quý III/2024", "6 tháng đầu năm 2024", "Q3 2024"])
def test_article_wording_is_a_free_label_not_a_standard_form(label):
    """The registry's forms are not the article's words: these need a period_start."""
    assert not is_valid_period(label)
    assert parse_period(label, date(2024, 1, 1)).kind == "other"


# --- properties --------------------------------------------------------------

# no example database: tests write nothing outside their temporary folders
property_settings = settings(database=None, deadline=None)

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


def labels_of(day: date) -> list[str]:
    """Every standard label of a period containing `day` (a range: that year and the next)."""
    quarter, half = (day.month - 1) // 3 + 1, 1 if day.month <= 6 else 2
    return [
        str(day.year),
        f"{day.year}-H{half}",
        f"{day.year}-Q{quarter}",
        f"{day.year}-{day.month:02d}",
        day.isoformat(),
        f"{day.year}/{day.year + 1}",
    ]


@property_settings
@given(days)
def test_every_label_round_trips_and_contains_its_day(day):
    for label in labels_of(day):
        period = parse_period(label)
        assert period.label == label
        assert period.start <= day <= period.end
        assert parse_period(period.label, period.start) == period  # its own start is accepted back


@property_settings
@given(days)
def test_months_quarters_and_halves_tile_their_year_without_gap_or_overlap(day):
    year = day.year
    for labels in (
        [f"{year}-{month:02d}" for month in range(1, 13)],
        [f"{year}-Q{quarter}" for quarter in range(1, 5)],
        [f"{year}-H1", f"{year}-H2"],
    ):
        periods = [parse_period(label) for label in labels]
        assert periods[0].start == date(year, 1, 1) and periods[-1].end == date(year, 12, 31)
        for before, after in zip(periods, periods[1:], strict=False):
            assert before.end + timedelta(days=1) == after.start
        covering = [period.label for period in periods if period.start <= day <= period.end]
        assert len(covering) == 1


@property_settings
@given(st.lists(days, min_size=2, max_size=6), st.data())
def test_first_and_last_day_order_standard_labels_totally(chosen, data):
    """Two different standard labels never share both their first and last day, so
    sorting by (start, end) is a total order with no ties between distinct periods."""
    labels = {data.draw(st.sampled_from(labels_of(day))) for day in chosen}
    spans = {label: (parse_period(label).start, parse_period(label).end) for label in labels}
    assert len(set(spans.values())) == len(labels)
    ordered = sorted(labels, key=spans.get)
    assert all(spans[a] < spans[b] for a, b in zip(ordered, ordered[1:], strict=False))


@property_settings
@given(st.integers(1990, 2100), st.integers(1, 12))
def test_a_month_ends_on_its_last_calendar_day(year, month):
    period = parse_period(f"{year}-{month:02d}")
    assert period.end == date(year, month, calendar.monthrange(year, month)[1])


@property_settings
@given(st.integers(1990, 2099), st.integers(1, 30))
def test_a_range_runs_from_the_first_day_of_its_first_year_to_the_last_of_its_last(first, length):
    period = parse_period(f"{first}/{first + length}")
    assert (period.kind, period.start, period.end) == ("range", date(first, 1, 1), date(first + length, 12, 31))
