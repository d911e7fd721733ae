"""The tidy view of a registry: one row per valid observation, as a pandas frame.

Built column by column from the registry's rows. Text that repeats (everything
about the indicator, the period or the source) is stored as categories: at
hundreds of thousands of rows this is several times faster and smaller.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from indicators.formatting import scaled_unit
from indicators.models import IndicatorInfo
from indicators.periods import parse_period
from indicators.series import Member, group_standing

if TYPE_CHECKING:
    from indicators.registry import Registry

FRAME_COLUMNS = [
    "indicator_id",
    "name_vi",
    "name_en",
    "sector",
    "reporting_unit",
    "reporting_unit_level",
    "reporting_unit_vi",
    "reporting_unit_en",
    "kind",
    "direction",
    "headline",
    "period",
    "period_en",
    "period_type",
    "period_inferred",
    "period_start",
    "period_end",
    "year",
    "per_year",
    "value",
    "out_of",
    "qualifier",
    "unit",
    "unit_vi",
    "unit_one",
    "scale",
    "value_in_base_unit",
    "source_id",
    "source_title",
    "source_publisher",
    "source_published",
    "source_url",
    "source_accessed",
    "quote",
    "period_quote",
    "status",
    "preferred",
    "stands",
    "also_reported_by",
    "conflict",
    "note_vi",
    "note_en",
]


def unit_label(indicator: IndicatorInfo, language: str) -> str:
    """The unit with its scale word: 'tỷ USD', 'billion USD', '%'."""
    return scaled_unit(indicator.unit.vi if language == "vi" else indicator.unit.en, indicator.scale, language)


def unit_one_label(indicator: IndicatorInfo) -> str | None:
    """The English unit of a value of one ('decree'), when the unit says one (`en_one`)
    and no scale word comes between ('1 million accounts')."""
    return indicator.unit.en_one if indicator.scale == "one" else None


def observations_frame(registry: Registry) -> pd.DataFrame:
    """One row per valid observation (columns: FRAME_COLUMNS), sorted by indicator
    and period start; observations keep their file order within a period."""
    ordered = [registry.indicators[indicator_id] for indicator_id in sorted(registry.indicators)]
    counts = np.array([len(registry.rows[indicator.id]["value"]) for indicator in ordered], dtype=np.int64)

    def column(name: str) -> list:
        return list(chain.from_iterable(registry.rows[indicator.id][name] for indicator in ordered))

    values = np.array(column("value"), dtype=float)
    notes = column("note")
    units = [
        own or indicator.reporting_unit
        for indicator, own in zip(_each(ordered, counts), column("reporting_unit"), strict=True)
    ]
    columns = {
        **_indicator_columns(ordered, counts),
        **_unit_columns(registry, units),
        **_period_columns(column("period"), column("period_start")),
        "period_en": pd.Series(column("period_en"), dtype=object),
        "per_year": np.array(column("per_year"), dtype=bool),
        "value": values,
        "out_of": np.array(column("out_of"), dtype=float),  # None -> NaN
        "qualifier": _categorical(column("qualifier")),
        "value_in_base_unit": values * np.repeat([indicator.scale_factor for indicator in ordered], counts),
        **_source_columns(registry, _categorical(column("source"))),
        # Unique text: plain Python strings, spared a conversion to Arrow.
        "quote": pd.Series(column("quote"), dtype=object),
        "period_quote": pd.Series(column("period_quote"), dtype=object),
        "status": _categorical(column("status")),
        "preferred": np.array(column("preferred"), dtype=bool),
        **_standing_columns(registry, ordered),
        "note_vi": pd.Series([note["vi"] if note else None for note in notes], dtype=object),
        "note_en": pd.Series([note["en"] if note else None for note in notes], dtype=object),
    }
    frame = pd.DataFrame(columns, columns=FRAME_COLUMNS)
    return frame.sort_values(["indicator_id", "period_start"], kind="stable").reset_index(drop=True)


def _each(ordered: list[IndicatorInfo], counts: np.ndarray):
    """Each indicator once per observation of it."""
    for indicator, count in zip(ordered, counts, strict=True):
        yield from [indicator] * int(count)


def _unit_columns(registry: Registry, units: list[str]) -> dict[str, pd.Categorical]:
    """The reporting unit of each row: id, level and names."""
    codes, distinct = pd.factorize(np.asarray(units, dtype=object))
    catalogue = registry.units
    known = [catalogue.latest(unit) if catalogue is not None and unit in catalogue else None for unit in distinct]
    per_unit = {
        "reporting_unit_level": [unit.level if unit else "national" for unit in known],
        "reporting_unit_vi": [unit.name if unit else unit_id for unit, unit_id in zip(known, distinct, strict=True)],
        "reporting_unit_en": [unit.name_en if unit else unit_id for unit, unit_id in zip(known, distinct, strict=True)],
    }
    return {"reporting_unit": _categorical(list(distinct), codes)} | {
        name: _categorical(values, codes) for name, values in per_unit.items()
    }


def _standing_columns(registry: Registry, ordered: list[IndicatorInfo]) -> dict[str, np.ndarray]:
    """Whether each row stands for its unit and period, how many other sources agree,
    and whether its group's sources disagree unresolved (see `indicators.series`).
    A row alone in its unit and period stands (most rows): only shared ones are grouped."""
    total = sum(len(registry.rows[indicator.id]["value"]) for indicator in ordered)
    stands, agreeing, conflict = (
        np.ones(total, dtype=bool),
        np.zeros(total, dtype=np.int64),
        np.zeros(total, dtype=bool),
    )
    offset = 0
    for indicator in ordered:
        rows = registry.rows[indicator.id]
        keys = [
            (unit or indicator.reporting_unit, period, bool(per_year))
            for unit, period, per_year in zip(rows["reporting_unit"], rows["period"], rows["per_year"], strict=True)
        ]
        counts = Counter(keys)
        shared = [index for index, key in enumerate(keys) if counts[key] > 1]
        if shared:
            members = [
                Member(
                    index,
                    keys[index][0],
                    keys[index][1],
                    rows["value"][index],
                    rows["out_of"][index],
                    rows["preferred"][index],
                    rows["status"][index],
                    _meta(registry, rows["source"][index]).publisher,
                    _meta(registry, rows["source"][index]).published,
                    rows["source"][index],
                    keys[index][2],
                )
                for index in shared
            ]
            for index, standing in group_standing(members).items():
                stands[offset + index] = standing.stands
                agreeing[offset + index] = standing.agreeing
                conflict[offset + index] = standing.conflict
        offset += len(keys)
    return {"stands": stands, "also_reported_by": agreeing, "conflict": conflict}


def _meta(registry: Registry, source_id: str):
    return registry.sources[source_id].meta


def _indicator_columns(ordered: list[IndicatorInfo], counts: np.ndarray) -> dict[str, object]:
    """Each indicator's own fields, repeated for each of its observations."""
    codes = np.repeat(np.arange(len(ordered)), counts)
    per_indicator = {
        "indicator_id": [indicator.id for indicator in ordered],
        "name_vi": [indicator.name.vi for indicator in ordered],
        "name_en": [indicator.name.en for indicator in ordered],
        "sector": [indicator.sector for indicator in ordered],
        "kind": [indicator.kind for indicator in ordered],
        "direction": [indicator.direction for indicator in ordered],
        "unit": [unit_label(indicator, "en") for indicator in ordered],
        "unit_vi": [unit_label(indicator, "vi") for indicator in ordered],
        "unit_one": [unit_one_label(indicator) for indicator in ordered],
        "scale": [indicator.scale for indicator in ordered],
    }
    columns: dict[str, object] = {name: _categorical(values, codes) for name, values in per_indicator.items()}
    columns["headline"] = np.repeat(np.array([indicator.headline for indicator in ordered], dtype=bool), counts)
    return columns


def _period_columns(labels: list[str], starts: list) -> dict[str, object]:
    """Label, kind, start and year of each row's period, each distinct period parsed once."""
    keys = labels
    if any(start is not None for start in starts):
        keys = [label if start is None else f"{label}\n{start}" for label, start in zip(labels, starts, strict=True)]
    codes, _ = pd.factorize(np.asarray(keys, dtype=object))
    _, first_rows = np.unique(codes, return_index=True)
    parsed = [parse_period(labels[row], starts[row]) for row in first_rows]
    return {
        "period": _categorical([period.label for period in parsed], codes),
        "period_type": _categorical([period.kind for period in parsed], codes),
        "period_inferred": np.array([period.kind == "other" for period in parsed], dtype=bool)[codes],
        "period_start": pd.to_datetime([period.start for period in parsed])[codes],
        "period_end": pd.to_datetime([period.end or period.start for period in parsed])[codes],
        "year": np.array([period.start.year for period in parsed], dtype=np.int64)[codes],
    }


def _source_columns(registry: Registry, source_ids: pd.Categorical) -> dict[str, pd.Categorical]:
    """The cited source's id, title, publisher, publication date, URL and access date of each row."""
    metas = [registry.sources[source_id].meta for source_id in source_ids.categories]
    per_source = {
        "source_title": [meta.title for meta in metas],
        "source_publisher": [meta.publisher for meta in metas],
        "source_published": [meta.published.isoformat() if meta.published else None for meta in metas],
        "source_url": [meta.url for meta in metas],
        "source_accessed": [meta.accessed.isoformat() for meta in metas],
    }
    return {"source_id": source_ids} | {
        name: _categorical(values, source_ids.codes) for name, values in per_source.items()
    }


def _categorical(values: list, codes: np.ndarray | None = None) -> pd.Categorical:
    """`values` as categories (sorted), or `values[codes]` when codes are given.
    Faster than `pd.Categorical(list)`, which first turns every string into Arrow."""
    value_codes, categories = pd.factorize(np.asarray(values, dtype=object), sort=True)
    return pd.Categorical.from_codes(value_codes if codes is None else value_codes[codes], categories=categories)
