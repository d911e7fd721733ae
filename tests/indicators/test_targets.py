import pandas as pd
import pytest
from conftest import FIXTURES

from indicators import read_registry
from indicators.models import IndicatorInfo, Target
from indicators.targets import assess, targets_progress

INFO = {
    "id": "online-share",
    "name": {"vi": "Tỷ lệ", "en": "Share"},
    "description": {"vi": "Tỷ lệ.", "en": "Share."},
    "sector": "digital-government",
    "reporting_unit": "bac-ninh",
    "kind": "share",
    "unit": {"vi": "%", "en": "%"},
    "direction": "higher-is-better",
}


def target(value, year, unit=None):
    return Target(value=value, year=year, reporting_unit=unit, source="s", quote="q")


def series(*figures):
    return pd.DataFrame(
        {
            "value": [value for _, value in figures],
            "period": [str(year) for year, _ in figures],
            "period_end": [pd.Timestamp(year, 12, 31) for year, _ in figures],
        }
    )


@pytest.mark.parametrize(
    ("figures", "goal", "status"),
    [
        # from 40 (2020) to 80 (2025): the path expects 64 at the end of 2023
        (((2020, 40), (2023, 66)), 80, "on-track"),
        (((2020, 40), (2023, 55)), 80, "needs-acceleration"),  # 15 of 24 expected: 0.625
        (((2020, 40), (2023, 45)), 80, "off-track"),  # 5 of 24
        (((2020, 40), (2023, 38)), 80, "off-track"),  # moving away
        (((2020, 40), (2023, 81)), 80, "reached"),
        (((2023, 50),), 80, "no-baseline"),
        (((2020, 40), (2025, 70)), 80, "off-track"),  # the year has ended unmet
    ],
)
def test_status_follows_the_linear_path_from_the_baseline(figures, goal, status):
    progress = assess(IndicatorInfo(**INFO), target(goal, 2025), series(*figures))
    assert progress.status == status


def test_a_lower_is_better_target_is_measured_downwards():
    info = IndicatorInfo(**{**INFO, "direction": "lower-is-better", "kind": "count"})
    progress = assess(info, target(10, 2025), series((2020, 60), (2023, 25)))
    assert progress.status == "on-track"  # 35 fallen of 30 expected
    assert progress.expected_value == pytest.approx(60 - 50 * 1095 / 1826, abs=0.01)
    assert progress.ratio == pytest.approx(35 / (60 - progress.expected_value))


def test_each_target_is_assessed_on_its_own_units_series():
    registry = read_registry(FIXTURES / "maps")
    progress = targets_progress(registry.indicators, registry.observations_frame)
    found = [(item.target.year, item.unit_id, item.status) for _, item in progress]
    assert [(year, unit) for year, unit, _ in found] == [(2025, "bac-ninh"), (2030, "bac-ninh"), (2026, "ha-noi")]
    assert all(status in ("reached", "on-track", "needs-acceleration", "off-track") for *_, status in found)
