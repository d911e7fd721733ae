"""Any link gives a view: unknown or malformed values fall back to defaults with a notice."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.link import Choices, LinkState, link_params, parse_link

CHOICES = Choices(
    ("vi", "en"),
    ("digital-government", "digital-economy"),
    (2020, 2024),
    ("all", "national", "province"),
    ("vn", "bac-ninh", "da-nang"),
)
KEYS = ["lang", "sector", "from", "to", "geo", "unit", "indicator", "x"]


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), st.lists(st.text(max_size=60), min_size=1, max_size=3)))
def test_any_parameters_give_a_valid_state(params):
    state, notices = parse_link(params, CHOICES)
    assert state.language in CHOICES.languages
    assert set(state.sectors) <= set(CHOICES.sectors)
    assert 2020 <= state.years[0] <= state.years[1] <= 2024
    assert state.geography in CHOICES.geographies
    assert set(state.units) <= set(CHOICES.units)
    assert all(isinstance(notice, str) and len(notice) < 80 and notice.isprintable() for notice in notices)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(CHOICES.languages),
    st.lists(st.sampled_from(CHOICES.sectors), unique=True),
    st.integers(2020, 2024),
    st.integers(2020, 2024),
    st.sampled_from(CHOICES.geographies),
    st.lists(st.sampled_from(CHOICES.units), unique=True),
)
def test_a_written_link_reads_back_as_the_same_state(language, sectors, first, second, geography, units):
    state = LinkState(language, tuple(sectors), (min(first, second), max(first, second)), geography, tuple(units))
    params = {key: value if isinstance(value, list) else [value] for key, value in link_params(state, CHOICES).items()}
    params = {key: value for key, value in params.items() if value != [None]}
    assert parse_link(params, CHOICES) == (state, [])


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"from": ["²"]}, "from=²"),
        ({"from": ["٢٠٢١"]}, "from=٢٠٢١"),
        ({"to": ["20\x0024"]}, "to=20�24"),
        ({"geo": ["x" * 3000]}, "geo=" + "x" * 39 + "…"),
        ({"lang": ["en", "vi"]}, "lang=vi (repeated)"),
        ({"from": ["2024"], "to": ["2020"]}, "from=2024>to=2020"),
        ({"sector": ["digital-economy,nope"]}, "sector=nope"),
        ({"unit": ["bac-ninh", "ha-tay"]}, "unit=ha-tay"),
    ],
)
def test_malformed_values_are_named_in_the_notice(params, notice):
    state, notices = parse_link(params, CHOICES)
    assert notice in notices
    assert state.years[0] <= state.years[1]


def test_a_repeated_key_keeps_its_first_value():
    state, _ = parse_link({"lang": ["en", "vi"]}, CHOICES)
    assert state.language == "en"
