"""Tile maps of the provinces: one equal tile per province on a grid that follows the
country's shape, a layout for the 63 units in force until 30 June 2025 and one for the
34 in force from 1 July 2025 (`indicators/tile_maps/*.yaml`, authored by hand).

No boundary file that may be shipped exists in the package registries, and a tile map
shows every province at the same size (a small city is as visible as a large province).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
from pydantic import Field

from indicators.models import ShortText, Slug, Strict
from indicators.problems import Problem
from indicators.reporting_units import MERGER_DAY, UnitCatalogue
from indicators.yaml_reader import read_yaml, validate_document

LAYOUTS = Path(__file__).resolve().parent / "tile_maps"
LAYOUT_FILES = ("provinces-63.yaml", "provinces-34.yaml")


class _Tile(Strict):
    unit: Slug
    column: int = Field(ge=0, le=30)
    row: int = Field(ge=0, le=40)
    short: ShortText


class _Layout(Strict):
    in_force: date = Field(description="A day on which every unit of the layout was in force.")
    tiles: list[_Tile] = Field(min_length=1)


@dataclass(frozen=True)
class Tile:
    unit_id: str
    column: int  # 0 is the west
    row: int  # 0 is the north
    short: str  # the tile's label


@dataclass(frozen=True)
class TileMap:
    """One layout: the day its units were in force and a tile per unit."""

    name: str  # the file's stem: "provinces-63"
    in_force: date
    tiles: tuple[Tile, ...]

    @property
    def unit_ids(self) -> list[str]:
        return [tile.unit_id for tile in self.tiles]


class TileMapError(ValueError):
    """A layout file that cannot be read; the message names the file and line."""


@functools.cache
def tile_maps() -> tuple[TileMap, ...]:
    """Both layouts, the older first. Raises TileMapError for an unreadable file."""
    return tuple(read_tile_map(LAYOUTS / name) for name in LAYOUT_FILES)


def read_tile_map(path: Path) -> TileMap:
    problems: list[Problem] = []
    document = read_yaml(path, problems)
    layout = None if document is None else validate_document(_Layout, document, problems)
    if layout is None:
        raise TileMapError("; ".join(str(problem) for problem in problems) or f"{path}: unreadable")
    tiles = tuple(Tile(tile.unit, tile.column, tile.row, tile.short) for tile in layout.tiles)
    return TileMap(path.stem, layout.in_force, tiles)


def tile_map_for(day: date) -> TileMap:
    """The layout of the units in force on `day`: the 63 before 1 July 2025, the 34 from then."""
    before, after = tile_maps()
    return before if day < MERGER_DAY else after


def layout_problems(tile_map: TileMap, catalogue: UnitCatalogue) -> list[str]:
    """What is wrong with a layout against the catalogue, one sentence each: a province in
    force on the layout's day without a tile or with two, a tile of a unit not in force
    then (or not a province), two tiles in one cell, two tiles with one label. [] when sound."""
    problems = []
    in_force = {
        unit_id
        for unit_id in catalogue.versions
        if catalogue.level(unit_id) == "province" and catalogue.at(unit_id, tile_map.in_force) is not None
    }
    counts: dict[str, int] = {}
    for tile in tile_map.tiles:
        counts[tile.unit_id] = counts.get(tile.unit_id, 0) + 1
    problems += [f"{unit_id} has no tile" for unit_id in sorted(in_force - set(counts))]
    problems += [f"{unit_id} has {count} tiles" for unit_id, count in sorted(counts.items()) if count > 1]
    problems += [f"{unit_id} was not a province in force" for unit_id in sorted(set(counts) - in_force)]
    for kind, key in (("cell", lambda tile: (tile.column, tile.row)), ("label", lambda tile: tile.short)):
        seen: dict[object, str] = {}
        for tile in tile_map.tiles:
            if key(tile) in seen:
                problems.append(f"{seen[key(tile)]} and {tile.unit_id} share the {kind} {key(tile)}")
            seen.setdefault(key(tile), tile.unit_id)
    return problems


def mapped_periods(frame: pd.DataFrame) -> pd.DataFrame:
    """The (indicator, period) pairs with a provincial figure, newest period first per
    indicator: columns `indicator_id`, `period`, `period_end`, `provinces` (how many report)."""
    provincial = frame[frame["reporting_unit_level"].astype(str) == "province"]
    if provincial.empty:
        return pd.DataFrame(columns=["indicator_id", "period", "period_end", "provinces"])
    pairs = (
        provincial.assign(indicator_id=provincial["indicator_id"].astype(str), period=provincial["period"].astype(str))
        .groupby(["indicator_id", "period"], observed=True)
        .agg(period_end=("period_end", "max"), provinces=("reporting_unit", "nunique"))
        .reset_index()
    )
    return pairs.sort_values(["indicator_id", "period_end"], ascending=[True, False], ignore_index=True)


def tiles_frame(rows: pd.DataFrame, tile_map: TileMap, catalogue: UnitCatalogue) -> pd.DataFrame:
    """One row per tile of `tile_map`: `unit_id`, `column`, `row`, `short`, `tile_name_vi`,
    `tile_name_en`, and the columns of `rows` (one period's standing figures, one per unit)
    for the units that report; NaN `value` for those that do not. Figures of units
    without a tile in this layout are left out (see `off_map`)."""
    tiles = pd.DataFrame(
        {
            "unit_id": [tile.unit_id for tile in tile_map.tiles],
            "column": [tile.column for tile in tile_map.tiles],
            "row": [tile.row for tile in tile_map.tiles],
            "short": [tile.short for tile in tile_map.tiles],
            "tile_name_vi": [_unit_at(catalogue, tile.unit_id, tile_map.in_force).name for tile in tile_map.tiles],
            "tile_name_en": [_unit_at(catalogue, tile.unit_id, tile_map.in_force).name_en for tile in tile_map.tiles],
        }
    )
    figures = rows.assign(unit_id=rows["reporting_unit"].astype(str)).drop_duplicates("unit_id")
    figures = figures.drop(columns=[column for column in ("column", "row", "short") if column in figures])
    return tiles.merge(figures, on="unit_id", how="left")


def off_map(rows: pd.DataFrame, tile_map: TileMap) -> list[str]:
    """Units of `rows` that have no tile in `tile_map` (a unit not in force in the period)."""
    placed = set(tile_map.unit_ids)
    return sorted({str(unit) for unit in rows["reporting_unit"]} - placed)


def _unit_at(catalogue: UnitCatalogue, unit_id: str, day: date):
    return catalogue.at(unit_id, day) or catalogue.latest(unit_id)
