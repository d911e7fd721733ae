"""`indicators.models`: the shapes and types of registry files, and the trusted constructors the cache uses."""

from datetime import date

import pytest
from conftest import DATA
from pydantic import ValidationError

from indicators import read_registry
from indicators.models import (
    PLAIN_OBSERVATIONS,
    Indicator,
    IndicatorInfo,
    Observation,
    Source,
    Target,
    Taxonomy,
    trusted,
    trusted_tree,
)

OBSERVATION = {"value": 35, "period": 2024, "source": "vov-2024", "quote": "Hiện có 35 triệu tài khoản."}
INDICATOR = {
    "id": "vssid-accounts",
    "name": {"vi": "Tài khoản VssID", "en": "VssID accounts"},
    "description": {"vi": "Số tài khoản VssID.", "en": "Number of VssID accounts."},
    "sector": "digital-society",
    "kind": "count",
    "unit": {"vi": "tài khoản", "en": "accounts"},
    "scale": "million",
    "direction": "higher-is-better",
    "observations": [OBSERVATION],
}
SOURCE = {"id": "vov-2024", "title": "Chuyển đổi số", "language": "vi", "accessed": "2024-07-20"}


def errors(model, data) -> list[tuple[tuple, str]]:
    """(location, pydantic type) of every error, as the validator turns them into problems."""
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    return [(tuple(error["loc"]), error["type"]) for error in raised.value.errors()]


def with_observation(**changes) -> dict:
    return {**INDICATOR, "observations": [{**OBSERVATION, **changes}]}


def test_an_indicator_with_defaults_filled_in():
    indicator = Indicator.model_validate(INDICATOR)
    assert (indicator.reporting_unit, indicator.headline, indicator.target) == ("vn", False, None)
    assert indicator.scale_factor == 1e6
    (observation,) = indicator.observations
    assert (observation.value, observation.period) == (35.0, "2024")  # `period: 2024` is the year, kept as text
    assert type(observation.value) is float and observation.preferred is False


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"value": "35 triệu"}, [(("observations", 0, "value"), "float_parsing")]),
        ({"value": None}, [(("observations", 0, "value"), "float_type")]),
        ({"value": float("inf")}, [(("observations", 0, "value"), "finite_number")]),
        ({"quote": ""}, [(("observations", 0, "quote"), "string_too_short")]),
        ({"quote": 35}, [(("observations", 0, "quote"), "string_type")]),
        ({"source": "VOV 2024"}, [(("observations", 0, "source"), "string_pattern_mismatch")]),
        ({"qualifier": "khoảng"}, [(("observations", 0, "qualifier"), "literal_error")]),
        ({"status": "final"}, [(("observations", 0, "status"), "literal_error")]),
        ({"period_start": "30/06/2024"}, [(("observations", 0, "period_start"), "date_from_datetime_parsing")]),
        ({"note": "ghi chú"}, [(("observations", 0, "note"), "model_type")]),
        ({"qoute": "x"}, [(("observations", 0, "qoute"), "extra_forbidden")]),
    ],
)
def test_a_wrong_observation_field_is_named_with_its_index(changes, expected):
    assert errors(Indicator, with_observation(**changes)) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"id": "VssID_accounts"}, [(("id",), "string_pattern_mismatch")]),
        ({"kind": "percent"}, [(("kind",), "literal_error")]),
        ({"scale": "tỷ"}, [(("scale",), "literal_error")]),
        ({"direction": "up"}, [(("direction",), "literal_error")]),
        ({"name": {"vi": "Tài khoản"}}, [(("name", "en"), "missing")]),
        ({"name": "Tài khoản"}, [(("name",), "model_type")]),
        ({"unit": {"vi": "", "en": "accounts"}}, [(("unit", "vi"), "string_too_short")]),
        ({"observations": []}, [(("observations",), "too_short")]),
        ({"observations": {"value": 35}}, [(("observations",), "list_type")]),
        ({"headline": "có"}, [(("headline",), "bool_parsing")]),
        ({"sectr": "x"}, [(("sectr",), "extra_forbidden")]),
    ],
)
def test_a_wrong_indicator_field_is_named(changes, expected):
    assert errors(Indicator, {**INDICATOR, **changes}) == expected


def test_every_missing_required_field_is_named():
    assert errors(Indicator, {"id": "x"}) == [
        ((name,), "missing") for name in ("name", "description", "sector", "kind", "unit", "direction", "observations")
    ]


def test_text_limits_are_inclusive():
    long_quote = "Năm 2024 có 35 triệu tài khoản " + "x" * (5000 - 31)
    assert len(long_quote) == 5000
    assert Indicator.model_validate(with_observation(quote=long_quote)).observations[0].quote == long_quote
    assert errors(Indicator, with_observation(quote=long_quote + "x")) == [
        (("observations", 0, "quote"), "string_too_long")
    ]
    assert errors(Indicator, {**INDICATOR, "name": {"vi": "x" * 301, "en": "x"}}) == [
        (("name", "vi"), "string_too_long")
    ]


def test_a_period_is_text_or_a_whole_year():
    assert Observation.model_validate({**OBSERVATION, "period": "2024-H1"}).period == "2024-H1"
    assert PLAIN_OBSERVATIONS.validate_python([{**OBSERVATION, "period": 2023}])[0]["period"] == "2023"


@pytest.mark.parametrize("period", [2024.5, True, [2024], None])
def test_a_period_of_another_type_is_one_problem_at_period(period):
    # Not one per member of a union, named `period.str` and `period.function-after[str(), int]`.
    assert errors(Observation, {**OBSERVATION, "period": period}) == [(("period",), "string_type")]
    with pytest.raises(ValidationError) as raised:
        PLAIN_OBSERVATIONS.validate_python([{**OBSERVATION, "period": period}])
    assert [tuple(error["loc"]) for error in raised.value.errors()] == [(0, "period")]


def test_models_are_frozen():
    indicator = Indicator.model_validate(INDICATOR)
    with pytest.raises(ValidationError, match="frozen"):
        indicator.id = "other"


def test_a_target_is_due_between_1990_and_2100():
    target = {"value": 20, "year": 2025, "source": "vov-2024", "quote": "Đến năm 2025 đạt 20%."}
    assert Target.model_validate(target).year == 2025
    assert errors(Target, {**target, "year": 2101}) == [(("year",), "less_than_equal")]
    assert errors(Target, {**target, "year": 1989}) == [(("year",), "greater_than_equal")]
    assert errors(Target, {**target, "year": 2025.5}) == [(("year",), "int_from_float")]


def test_a_source_needs_an_http_address_and_a_known_language():
    source = Source.model_validate({**SOURCE, "url": "https://vov.vn/chuyen-doi-so"})
    assert source.accessed == date(2024, 7, 20) and source.url == "https://vov.vn/chuyen-doi-so"
    assert errors(Source, {**SOURCE, "url": "vov.vn/chuyen-doi-so"}) == [(("url",), "string_pattern_mismatch")]
    assert errors(Source, {**SOURCE, "url": "https://vov.vn/chuyển đổi số"}) == [(("url",), "string_pattern_mismatch")]
    assert errors(Source, {**SOURCE, "language": "fr"}) == [(("language",), "literal_error")]
    assert errors(Source, {**SOURCE, "notes": "ngày suy ra"}) == [(("notes",), "model_type")]


def test_a_taxonomy_needs_a_sector():
    assert errors(Taxonomy, {"sectors": []}) == [(("sectors",), "too_short")]
    sector = {"id": "digital-economy", "name": {"vi": "Kinh tế số", "en": "Digital economy"}}
    assert Taxonomy.model_validate({"sectors": [sector]}).sectors[0].id == "digital-economy"


def test_plain_observations_validate_into_dicts_without_defaults():
    assert PLAIN_OBSERVATIONS.validate_python([OBSERVATION]) == [{**OBSERVATION, "value": 35.0, "period": "2024"}]
    with pytest.raises(ValidationError) as raised:
        PLAIN_OBSERVATIONS.validate_python([OBSERVATION, {**OBSERVATION, "value": "x"}])
    assert [(tuple(error["loc"]), error["type"]) for error in raised.value.errors()] == [
        ((1, "value"), "float_parsing")
    ]


def test_info_is_the_indicator_without_its_observations():
    indicator = Indicator.model_validate(INDICATOR)
    info = indicator.info()
    assert type(info) is IndicatorInfo
    assert info == IndicatorInfo.model_validate({k: v for k, v in INDICATOR.items() if k != "observations"})
    assert not hasattr(info, "observations")


def test_trusted_tree_rebuilds_what_validated_from_its_json():
    for indicator in read_registry(DATA).indicators.values():
        rebuilt = trusted_tree(IndicatorInfo, indicator.model_dump(mode="json", exclude_defaults=True))
        assert rebuilt == indicator
        assert type(rebuilt.name).__name__ == "Names" and rebuilt.scale_factor == indicator.scale_factor
        if indicator.target is not None:
            assert type(rebuilt.target) is Target


def test_trusted_builds_without_validating():
    values = {"value": 1.0, "year": 2025, "reporting_unit": None, "source": "x", "quote": "q", "period_quote": None}
    built = trusted(Target, values)
    assert built == Target(value=1.0, year=2025, source="x", quote="q")
    assert built.model_fields_set == set(values)
