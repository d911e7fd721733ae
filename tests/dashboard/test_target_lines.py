"""A target line belongs to one reporting unit: drawn on that unit's series only, in its
colour and labelled with its name."""

import pytest
from conftest import FIXTURES

from dashboard.components import history_of, labelled
from dashboard.data import Loaded, reporting_units_of
from dashboard.link import ALL_GEOGRAPHIES, LinkState
from dashboard.view import build_view
from indicators import read_registry


@pytest.fixture(scope="module")
def loaded() -> Loaded:
    registry = read_registry(FIXTURES / "maps")
    frame = registry.observations_frame
    return Loaded(registry, frame, "test", reporting_units_of(frame))


def target_layers(spec):
    """(colour, label) of each target diamond of a history chart's spec."""
    found = []
    for layer in spec["layer"]:
        mark = layer["mark"]
        if isinstance(mark, dict) and mark.get("shape") == "diamond":
            rows = spec["datasets"][layer["data"]["name"]]
            found.append((mark["color"], rows[0]["label"]))
    return found


def series_colours(spec):
    colour = spec["layer"][0]["encoding"]["color"]["scale"]
    return dict(zip(colour["domain"], colour["range"], strict=True))


@pytest.mark.parametrize(("language", "hanoi"), [("vi", "Hà Nội"), ("en", "Ha Noi city")])
def test_each_target_is_drawn_on_its_own_units_series_in_its_colour(loaded, language, hanoi):
    view = build_view(loaded, LinkState(language, (), (2024, 2025), ALL_GEOGRAPHIES, ("ha-noi", "da-nang")))
    indicator = loaded.registry.indicators["online-dossiers-by-province"]
    rows = labelled(view, view.filtered[view.filtered.indicator_id == indicator.id])
    targets = [(indicator.target_unit(target), target) for _, target in indicator.all_targets()]
    spec = history_of(view, rows, targets).to_dict()
    drawn = target_layers(spec)
    assert len(drawn) == 1  # Bắc Ninh's two targets are not drawn on a chart without Bắc Ninh
    colour, label = drawn[0]
    assert label.endswith(f"2026 · {hanoi}: 90%")
    hanoi_series = [name for name in series_colours(spec) if name.startswith(hanoi)]
    assert colour == series_colours(spec)[hanoi_series[0]]
