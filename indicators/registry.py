"""The loaded registry and its tidy one-row-per-observation view."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from indicators.models import Indicator, Source, Taxonomy
from indicators.periods import parse_period
from indicators.problems import Problem, RegistryError

SCALE_WORDS = {
    "vi": {"one": "", "thousand": "nghìn", "million": "triệu", "billion": "tỷ"},
    "en": {"one": "", "thousand": "thousand", "million": "million", "billion": "billion"},
}

EXPORT_COLUMNS = [
    "indicator_id",
    "sector",
    "geography",
    "period",
    "period_type",
    "period_start",
    "year",
    "value",
    "out_of",
    "qualifier",
    "unit",
    "unit_vi",
    "scale",
    "value_in_base_unit",
    "source_id",
    "quote",
    "note",
]


def unit_label(indicator: Indicator, language: str) -> str:
    """The unit with its scale word: 'tỷ USD', 'billion USD', '%'."""
    unit = indicator.unit.vi if language == "vi" else indicator.unit.en
    word = SCALE_WORDS[language][indicator.scale]
    return f"{word} {unit}".strip()


@dataclass(frozen=True)
class SourceDocument:
    meta: Source
    text: str
    folded: str
    path: Path


@dataclass
class Registry:
    data_dir: Path
    taxonomy: Taxonomy | None
    sources: dict[str, SourceDocument]
    indicators: dict[str, Indicator]
    files: dict[str, Path]
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    def raise_for_errors(self) -> None:
        if self.errors:
            raise RegistryError(self.problems)

    @cached_property
    def observations_frame(self) -> pd.DataFrame:
        """One row per valid observation, sorted by indicator and period start.

        Built column by column. Text that repeats (everything about the
        indicator or the source) is stored as categories: at hundreds of
        thousands of rows this is several times faster and smaller."""
        levels = {geo.id: geo.level for geo in self.taxonomy.geographies} if self.taxonomy else {}
        ordered = sorted(self.indicators.values(), key=lambda indicator: indicator.id)
        counts = np.array([len(indicator.observations) for indicator in ordered], dtype=np.int64)
        codes = np.repeat(np.arange(len(ordered)), counts)
        per_indicator = {
            "indicator_id": [i.id for i in ordered],
            "name_vi": [i.name.vi for i in ordered],
            "name_en": [i.name.en for i in ordered],
            "sector": [i.sector for i in ordered],
            "geography": [i.geography for i in ordered],
            "geography_level": [levels.get(i.geography, "national") for i in ordered],
            "kind": [i.kind for i in ordered],
            "direction": [i.direction for i in ordered],
            "unit": [unit_label(i, "en") for i in ordered],
            "unit_vi": [unit_label(i, "vi") for i in ordered],
            "scale": [i.scale for i in ordered],
        }
        columns: dict[str, object] = {name: _repeat(values, codes) for name, values in per_indicator.items()}
        columns["headline"] = np.repeat(np.array([i.headline for i in ordered], dtype=bool), counts)
        observations = [o for indicator in ordered for o in indicator.observations]
        periods = [parse_period(o.period_label, o.period_start) for o in observations]
        sources = [self.sources[o.source].meta for o in observations]
        published = {
            source_id: source.meta.published.isoformat() if source.meta.published else None
            for source_id, source in self.sources.items()
        }
        factors = np.repeat(np.array([i.scale_factor for i in ordered], dtype=float), counts)
        values = np.array([o.value for o in observations], dtype=float)
        columns.update(
            {
                "period": pd.Categorical([p.label for p in periods]),
                "period_type": pd.Categorical([p.kind for p in periods]),
                "period_start": pd.to_datetime([p.start for p in periods]),
                "year": np.array([p.start.year for p in periods], dtype=np.int64),
                "value": values,
                "out_of": np.array([np.nan if o.out_of is None else o.out_of for o in observations], dtype=float),
                "qualifier": pd.Categorical([o.qualifier for o in observations]),
                "value_in_base_unit": values * factors,
                "source_id": pd.Categorical([o.source for o in observations]),
                "source_title": pd.Categorical([s.title for s in sources]),
                "source_publisher": pd.Categorical([s.publisher for s in sources]),
                "source_published": pd.Categorical([published[s.id] for s in sources]),
                "source_url": pd.Categorical([s.url for s in sources]),
                # Unique text: plain Python strings, spared a conversion to Arrow.
                "quote": pd.Series([o.quote for o in observations], dtype=object),
                "note": pd.Series([o.note for o in observations], dtype=object),
            }
        )
        frame = pd.DataFrame(columns, columns=_FRAME_COLUMNS)
        # Observations keep their file order within an indicator; sort by start date, stably.
        return frame.sort_values(["indicator_id", "period_start"], kind="stable").reset_index(drop=True)

    def export_frame(self) -> pd.DataFrame:
        return self.observations_frame[EXPORT_COLUMNS]


_FRAME_COLUMNS = [
    "indicator_id",
    "name_vi",
    "name_en",
    "sector",
    "geography",
    "geography_level",
    "kind",
    "direction",
    "headline",
    "period",
    "period_type",
    "period_start",
    "year",
    "value",
    "out_of",
    "qualifier",
    "unit",
    "unit_vi",
    "scale",
    "value_in_base_unit",
    "source_id",
    "source_title",
    "source_publisher",
    "source_published",
    "source_url",
    "quote",
    "note",
]


def _repeat(values: list, codes: np.ndarray) -> pd.Categorical:
    """`values[i]` repeated for each row of indicator `i`, as categories."""
    categories = sorted(set(values), key=str)
    position = {value: index for index, value in enumerate(categories)}
    value_codes = np.array([position[value] for value in values], dtype=np.int64)
    return pd.Categorical.from_codes(value_codes[codes] if len(codes) else codes, categories=categories)
