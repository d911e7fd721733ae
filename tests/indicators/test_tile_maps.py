from dataclasses import replace
from datetime import date

import pytest
from conftest import DATA

from indicators.reporting_units import read_catalogue
from indicators.tile_maps import Tile, layout_problems, tile_map_for, tile_maps


@pytest.fixture(scope="module")
def catalogue():
    problems = []
    units = read_catalogue(DATA / "reporting-units", problems)
    assert problems == []
    return units


def test_each_layout_has_exactly_one_tile_per_unit_in_force_and_one_unit_per_cell(catalogue):
    before, after = tile_maps()
    assert (len(before.tiles), len(after.tiles)) == (63, 34)
    assert layout_problems(before, catalogue) == []
    assert layout_problems(after, catalogue) == []


def test_the_layout_is_picked_by_the_day():
    assert tile_map_for(date(2025, 6, 30)).name == "provinces-63"
    assert tile_map_for(date(2025, 7, 1)).name == "provinces-34"
    assert "ha-giang" in tile_map_for(date(2024, 12, 31)).unit_ids
    assert "ha-giang" not in tile_map_for(date(2025, 12, 31)).unit_ids


def test_a_missing_a_doubled_and_a_shared_cell_are_each_named(catalogue):
    before, _ = tile_maps()
    tiles = list(before.tiles)
    dropped = next(tile for tile in tiles if tile.unit_id == "ca-mau")
    tiles.remove(dropped)
    hanoi = next(tile for tile in tiles if tile.unit_id == "ha-noi")
    tiles.append(Tile("ha-noi", 9, 30, "HN2"))  # a second tile for Hà Nội
    tiles.append(Tile("ca-mau", hanoi.column, hanoi.row, "CM"))  # on Hà Nội's cell
    tiles.append(Tile("hanoi-district", 9, 31, "X"))
    problems = layout_problems(replace(before, tiles=tuple(tiles)), catalogue)
    assert "ha-noi has 2 tiles" in problems
    assert "hanoi-district was not a province in force" in problems
    assert f"ha-noi and ca-mau share the cell ({hanoi.column}, {hanoi.row})" in problems


def test_a_unit_merged_away_is_not_in_the_later_layout(catalogue):
    _, after = tile_maps()
    tiles = (*after.tiles, Tile("ha-giang", 9, 30, "HG"))
    assert layout_problems(replace(after, tiles=tiles), catalogue) == ["ha-giang was not a province in force"]
    missing = tuple(tile for tile in after.tiles if tile.unit_id != "hue")
    assert layout_problems(replace(after, tiles=missing), catalogue) == ["hue has no tile"]
