"""Which observation stands for each reporting unit and period when several sources give one."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.series import Member, Standing, conflicts, group_standing, preferred_twice


def member(index: int, value: float, **fields) -> Member:
    """An observation of the country's 2023 figure from the statistics office, unless told otherwise."""
    defaults = {
        "index": index,
        "unit": "vn",
        "period": "2023",
        "value": value,
        "out_of": None,
        "preferred": False,
        "status": None,
        "publisher": "Tổng cục Thống kê",
        "published": None,
        "source": f"source-{index}",
    }
    return Member(**{**defaults, **fields})


STANDS_ALONE = Standing(True, 0, False)
CONFLICT = Standing(False, 0, True)


def test_a_lone_observation_stands():
    assert group_standing([member(0, 73_000)]) == {0: STANDS_ALONE}
    assert group_standing([]) == {}


def test_groups_are_one_reporting_unit_and_one_period():
    """Bắc Ninh's 1.250 and Đà Nẵng's 2.100 in 2023, and Bắc Ninh's 1.310 in 2024: three groups of one."""
    members = [
        member(0, 1250, unit="bac-ninh"),
        member(1, 2100, unit="da-nang"),
        member(2, 1310, unit="bac-ninh", period="2024"),
    ]
    assert group_standing(members) == {0: STANDS_ALONE, 1: STANDS_ALONE, 2: STANDS_ALONE}
    assert conflicts(members) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (35, 35.2),  # "35 triệu" and "35,2 triệu"
        (35.2, 35),
        (14.96, 15),  # "14,96%" and "15%"
        (45.2, 45.24),
        (1250, 1250),
        (86, 86.0),
    ],
)
def test_values_equal_after_rounding_to_the_coarser_precision_agree(first, second):
    standing = group_standing([member(0, first), member(1, second)])
    assert standing == {0: Standing(True, 1, False), 1: Standing(False, 1, False)}


def test_the_first_of_agreeing_observations_stands_and_counts_the_others():
    members = [member(3, 35.2), member(5, 35), member(8, 35.24)]
    assert group_standing(members) == {
        3: Standing(True, 2, False),
        5: Standing(False, 2, False),
        8: Standing(False, 2, False),
    }
    assert conflicts(members) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (36.5, 37),  # "36,5 triệu" rounds to 37 triệu, as publications round
        (2.5, 3),
        (14.25, 14.3),  # halves of a decimal place too
        (1.15, 1.2),  # 1.15 is stored as 1.1499...: rounding follows the written value
        (-36.5, -37),  # a fall of 36,5 and a fall of 37
    ],
)
def test_a_half_rounds_up_as_publications_round_it(first, second):
    assert group_standing([member(0, first), member(1, second)]) == {
        0: Standing(True, 1, False),
        1: Standing(False, 1, False),
    }


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (1250, 1310),  # the first count and a recount of Bắc Ninh's firms
        (35, 35.6),  # 35,6 rounds to 36
        (14.96, 14.9),
        (45.2, 52.8),
        (36.4, 37),
    ],
)
def test_different_values_conflict_and_none_stands(first, second):
    members = [member(0, first), member(1, second)]
    assert group_standing(members) == {0: CONFLICT, 1: CONFLICT}
    assert conflicts(members) == [members]


def test_ranks_agree_only_out_of_the_same_number():
    """86/193 and 86/190 are different ranks; 86/193 and a bare 86 are not comparable."""
    assert group_standing([member(0, 86, out_of=193), member(1, 86, out_of=193.0)])[0] == Standing(True, 1, False)
    assert group_standing([member(0, 86, out_of=193), member(1, 86, out_of=190)]) == {0: CONFLICT, 1: CONFLICT}
    assert group_standing([member(0, 86, out_of=193), member(1, 86)]) == {0: CONFLICT, 1: CONFLICT}


def test_agreement_is_between_every_two_values_whatever_their_order():
    """35 agrees with 35,4 and with 34,6, but 35,4 and 34,6 differ: the sources disagree,
    in whichever order the file lists them."""
    for values in ([35, 35.4, 34.6], [35.4, 34.6, 35], [34.6, 35, 35.4]):
        members = [member(index, value) for index, value in enumerate(values)]
        assert group_standing(members) == {0: CONFLICT, 1: CONFLICT, 2: CONFLICT}, values


def test_the_preferred_observation_stands_over_a_conflict():
    members = [
        member(0, 1250, unit="bac-ninh"),
        member(1, 1310, unit="bac-ninh", preferred=True),
        member(2, 1310.0, unit="bac-ninh"),
    ]
    assert group_standing(members) == {
        0: Standing(False, 0, False),
        1: Standing(True, 1, False, "preferred"),
        2: Standing(False, 0, False),
    }
    assert conflicts(members) == []


def test_a_revised_figure_stands_over_the_first_release():
    members = [member(0, 1250, status="official"), member(1, 1310, status="revised")]
    assert group_standing(members) == {0: Standing(False, 0, False), 1: Standing(True, 0, False, "revised")}


def test_preferred_wins_over_revised():
    members = [member(0, 1250, preferred=True), member(1, 1310, status="revised")]
    assert group_standing(members)[0] == Standing(True, 0, False, "preferred")


def test_two_revised_figures_say_nothing_about_which_stands():
    members = [member(0, 1250, status="revised"), member(1, 1310, status="revised")]
    assert group_standing(members) == {0: CONFLICT, 1: CONFLICT}


def test_the_later_release_of_the_same_publisher_stands():
    """The statistics office's release of 15/1/2025 revises its release of 6/7/2024."""
    members = [
        member(0, 1250, published=date(2025, 1, 15)),
        member(1, 1310, published=date(2024, 7, 6)),
    ]
    assert group_standing(members) == {0: Standing(True, 0, False, "later release"), 1: Standing(False, 0, False)}


@pytest.mark.parametrize(
    "second",
    [
        {"publisher": "Bộ Khoa học và Công nghệ", "published": date(2025, 1, 15)},  # another publisher
        {"published": date(2024, 7, 6)},  # released the same day
        {"published": None},  # undated
        {"publisher": None, "published": date(2025, 1, 15)},  # no publisher known
    ],
)
def test_without_a_later_release_of_the_same_publisher_the_conflict_stays(second):
    members = [member(0, 1250, published=date(2024, 7, 6)), member(1, 1310, **second)]
    assert group_standing(members) == {0: CONFLICT, 1: CONFLICT}
    assert conflicts(members) == [members]


def test_conflicts_lists_only_the_groups_that_disagree():
    members = [
        member(0, 1250, unit="bac-ninh"),
        member(1, 1310, unit="bac-ninh"),
        member(2, 73_000),
        member(3, 73_000.0),
        member(4, 2100, unit="da-nang", period="2024"),
    ]
    assert conflicts(members) == [members[:2]]


def test_preferred_twice_lists_the_groups_with_more_than_one_preferred():
    members = [
        member(0, 1250, unit="bac-ninh", preferred=True),
        member(1, 1310, unit="bac-ninh", preferred=True),
        member(2, 73_000, preferred=True),
        member(3, 72_000),
    ]
    assert preferred_twice(members) == [members[:2]]
    assert preferred_twice(members[2:]) == []
    # two preferred decide nothing: the conflict stays
    assert group_standing(members[:2]) == {0: CONFLICT, 1: CONFLICT}


# --- properties --------------------------------------------------------------

# no example database: tests write nothing outside their temporary folders
property_settings = settings(database=None, deadline=None)

values = st.sampled_from([35, 35.2, 35.4, 34.6, 35.6, 36, 36.5, 37, 1250, 1310])
groups = st.lists(
    st.builds(
        member,
        index=st.just(0),
        value=values,
        unit=st.sampled_from(["vn", "bac-ninh"]),
        period=st.sampled_from(["2023", "2024"]),
        preferred=st.booleans(),
        status=st.sampled_from([None, "revised", "official"]),
        published=st.sampled_from([None, date(2024, 7, 6), date(2025, 1, 15)]),
    ),
    max_size=8,
)


def indexed(members: list[Member]) -> list[Member]:
    return [replace(found, index=index, source=f"source-{index}") for index, found in enumerate(members)]


@property_settings
@given(groups)
def test_in_each_group_one_stands_or_all_conflict(drawn):
    members = indexed(drawn)
    standing = group_standing(members)
    assert set(standing) == {found.index for found in members}
    keys = {(found.unit, found.period) for found in members}
    for key in keys:
        group = [standing[found.index] for found in members if (found.unit, found.period) == key]
        if any(found.conflict for found in group):
            assert all(found == CONFLICT for found in group)
        else:
            assert sum(found.stands for found in group) == 1


# around "35 triệu": each rounds to 35, two of them may still differ at one decimal
near_35 = st.sampled_from([35, 35.2, 35.4, 34.6, 34.8])
plain_groups = st.lists(st.builds(member, index=st.just(0), value=near_35), min_size=2, max_size=5)


@property_settings
@given(st.one_of(groups, plain_groups), st.randoms(use_true_random=False))
def test_whether_a_group_conflicts_does_not_depend_on_file_order(drawn, random):
    members = indexed(drawn)
    shuffled = list(members)
    random.shuffle(shuffled)
    before, after = group_standing(members), group_standing(shuffled)
    assert {index: found.conflict for index, found in before.items()} == {
        index: found.conflict for index, found in after.items()
    }
    assert sorted(map(sorted, ([m.index for m in group] for group in conflicts(members)))) == sorted(
        map(sorted, ([m.index for m in group] for group in conflicts(shuffled)))
    )
