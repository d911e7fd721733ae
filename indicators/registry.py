"""The loaded registry and its tidy one-row-per-observation view."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

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
        """One row per valid observation, sorted by indicator and period start."""
        rows = []
        levels = {geo.id: geo.level for geo in self.taxonomy.geographies} if self.taxonomy else {}
        for indicator in self.indicators.values():
            for observation in indicator.observations:
                period = parse_period(observation.period_label, observation.period_start)
                source = self.sources[observation.source].meta
                rows.append(
                    {
                        "indicator_id": indicator.id,
                        "name_vi": indicator.name.vi,
                        "name_en": indicator.name.en,
                        "sector": indicator.sector,
                        "geography": indicator.geography,
                        "geography_level": levels.get(indicator.geography, "national"),
                        "kind": indicator.kind,
                        "direction": indicator.direction,
                        "headline": indicator.headline,
                        "period": period.label,
                        "period_type": period.kind,
                        "period_start": pd.Timestamp(period.start),
                        "year": period.start.year,
                        "value": observation.value,
                        "out_of": observation.out_of,
                        "qualifier": observation.qualifier,
                        "unit": unit_label(indicator, "en"),
                        "unit_vi": unit_label(indicator, "vi"),
                        "scale": indicator.scale,
                        "value_in_base_unit": observation.value * indicator.scale_factor,
                        "source_id": observation.source,
                        "source_title": source.title,
                        "source_publisher": source.publisher,
                        "source_published": source.published.isoformat() if source.published else None,
                        "source_url": source.url,
                        "quote": observation.quote,
                        "note": observation.note,
                    }
                )
        frame = pd.DataFrame(rows, columns=_FRAME_COLUMNS)
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
