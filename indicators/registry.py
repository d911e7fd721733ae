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
        """One row per valid observation, sorted by indicator and period start.

        Built column by column: per-indicator values are repeated, not looked
        up per observation (this matters at hundreds of thousands of rows)."""
        levels = {geo.id: geo.level for geo in self.taxonomy.geographies} if self.taxonomy else {}
        columns: dict[str, list] = {name: [] for name in _FRAME_COLUMNS}
        for indicator in self.indicators.values():
            observations = indicator.observations
            count = len(observations)
            constant = {
                "indicator_id": indicator.id,
                "name_vi": indicator.name.vi,
                "name_en": indicator.name.en,
                "sector": indicator.sector,
                "geography": indicator.geography,
                "geography_level": levels.get(indicator.geography, "national"),
                "kind": indicator.kind,
                "direction": indicator.direction,
                "headline": indicator.headline,
                "unit": unit_label(indicator, "en"),
                "unit_vi": unit_label(indicator, "vi"),
                "scale": indicator.scale,
            }
            for name, value in constant.items():
                columns[name].extend([value] * count)
            periods = [parse_period(o.period_label, o.period_start) for o in observations]
            columns["period"].extend(period.label for period in periods)
            columns["period_type"].extend(period.kind for period in periods)
            columns["period_start"].extend(period.start for period in periods)
            columns["year"].extend(period.start.year for period in periods)
            factor = indicator.scale_factor
            for observation in observations:
                source = self.sources[observation.source].meta
                columns["value"].append(observation.value)
                columns["out_of"].append(observation.out_of)
                columns["qualifier"].append(observation.qualifier)
                columns["value_in_base_unit"].append(observation.value * factor)
                columns["source_id"].append(observation.source)
                columns["source_title"].append(source.title)
                columns["source_publisher"].append(source.publisher)
                columns["source_published"].append(source.published.isoformat() if source.published else None)
                columns["source_url"].append(source.url)
                columns["quote"].append(observation.quote)
                columns["note"].append(observation.note)
        frame = pd.DataFrame(columns, columns=_FRAME_COLUMNS)
        frame["period_start"] = pd.to_datetime(frame["period_start"])
        frame["value"] = frame["value"].astype(float)
        frame["out_of"] = frame["out_of"].astype(float)
        frame["year"] = frame["year"].astype(int)
        frame["headline"] = frame["headline"].astype(bool)
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
