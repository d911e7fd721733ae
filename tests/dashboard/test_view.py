"""The view: a link's state applied to the loaded registry, and its labels."""

import pytest
from conftest import FIXTURES

from dashboard.data import Loaded, reporting_units_of
from dashboard.link import ALL_GEOGRAPHIES, LinkState
from dashboard.render import Markdown
from dashboard.view import build_view, sector_ids, sector_label
from indicators import read_registry


@pytest.fixture(scope="module")
def loaded() -> Loaded:
    registry = read_registry(FIXTURES / "units")
    frame = registry.observations_frame
    return Loaded(registry, frame, "test", reporting_units_of(frame))


def state(**changes) -> LinkState:
    values = {"language": "en", "sectors": (), "years": (2022, 2024), "geography": ALL_GEOGRAPHIES, "units": ()}
    return LinkState(**{**values, **changes})


def test_the_default_state_shows_every_figure(loaded):
    view = build_view(loaded, state())
    assert len(view.filtered) == len(loaded.frame) == 11
    assert view.filters.sectors == tuple(sector_ids(loaded))


def test_sectors_years_level_and_units_narrow_the_view(loaded):
    assert set(build_view(loaded, state(sectors=("digital-economy",))).filtered.indicator_id) == {"digital-firms"}
    assert set(build_view(loaded, state(years=(2022, 2022))).filtered.period) == {"2022"}
    provinces = build_view(loaded, state(geography="province")).filtered
    assert set(provinces.reporting_unit) == {"bac-ninh", "da-nang", "ha-giang"}
    one = build_view(loaded, state(units=("da-nang",))).filtered
    assert one.value.tolist() == [66.1, 72.3]
    assert build_view(loaded, state(geography="ministry")).filtered.empty


def test_labels_are_markdown_with_their_values_made_inert(loaded):
    view = build_view(loaded, state())
    label = view.t("merged_into", unit="*Hà Giang*", successor="Tuyên Quang", day="1 July 2025")
    assert isinstance(label, Markdown) and label.startswith("\\*Hà Giang\\* merged into")
    assert view.plain("merged_into", unit="*Hà Giang*", successor="Tuyên Quang", day="1 July 2025").startswith(
        "*Hà Giang* merged"
    )


def test_names_follow_the_language(loaded):
    english, vietnamese = build_view(loaded, state()), build_view(loaded, state(language="vi"))
    assert english.name("digital-firms") == "Digital technology firms"
    assert vietnamese.name("digital-firms") == "Số doanh nghiệp công nghệ số"
    assert sector_label(loaded, "digital-economy", "vi") == "Kinh tế số"
    assert sector_label(loaded, "no-such-sector", "en") == "no-such-sector"


def test_reporting_units_are_listed_once_by_level_then_name(loaded):
    units = loaded.units
    assert list(units.columns) == ["id", "level", "name_vi", "name_en"]
    assert units.values.tolist() == [
        ["vn", "national", "Việt Nam", "Viet Nam"],
        ["bac-ninh", "province", "Bắc Ninh", "Bac Ninh province"],
        ["da-nang", "province", "Đà Nẵng", "Da Nang city"],
        ["ha-giang", "province", "Hà Giang", "Ha Giang province"],
    ]
