"""The loaded registry and its tidy one-row-per-observation view."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from pathlib import Path

import pandas as pd

from indicators.frames import observations_frame
from indicators.models import Bilingual, CellCitation, Indicator, IndicatorInfo, Observation, Source, Taxonomy, trusted
from indicators.problems import Problem, RegistryError
from indicators.reporting_units import UnitCatalogue
from indicators.tables.cells import TableNumbers
from indicators.tables.sheets import Table
from indicators.text import fold, sentences


@dataclass(frozen=True)
class SourceDocument:
    """A source: its metadata and its text, or (a table source) its table and no text."""

    meta: Source
    text: str
    path: Path
    table: Table | None = None

    @cached_property
    def numbers(self) -> TableNumbers | None:
        """The table's cells read as numbers, the table's way (None for a text)."""
        return TableNumbers(self.table) if self.table is not None else None

    @cached_property
    def folded(self) -> str:
        """The text as quotes are compared with it (see `fold`)."""
        return fold(self.text)

    @cached_property
    def sentences(self) -> frozenset[str]:
        """Every sentence of the text, folded: most quotes are one of these."""
        return frozenset(sentence for _, sentence in sentences(self.text))

    def contains(self, quote: str) -> bool:
        """Whether the quote is verbatim in the text, up to `fold`."""
        return quote in self.sentences or fold(quote) in self.folded


Rows = dict[str, list]
"""An indicator's observations as columns: one list per Observation field."""

OBSERVATION_FIELDS = tuple(Observation.model_fields)

FileResult = tuple[IndicatorInfo | None, Rows | None, list[Problem]]
"""What reading one indicator file gives: its fields, its valid observations
as columns, and its problems. Plain data: cheap to send between processes."""


_FIELD_VALUES = itemgetter(*OBSERVATION_FIELDS)


def rows_of(observations: list[Observation]) -> Rows:
    return rows_from_fields([observation.__dict__ for observation in observations])


def rows_from_fields(observations: list[dict]) -> Rows:
    """Columns from observations given as dicts of every field; a note becomes a plain
    dict ({"vi": ..., "en": ...}) so that rows are plain data throughout."""
    if not observations:
        return {name: [] for name in OBSERVATION_FIELDS}
    columns = zip(*map(_FIELD_VALUES, observations), strict=True)
    rows = {name: list(values) for name, values in zip(OBSERVATION_FIELDS, columns, strict=True)}
    for name in _REPEATED_TEXT:  # one object per distinct text: less memory, cheaper to send between processes
        rows[name] = [value if value is None else sys.intern(value) for value in rows[name]]
    rows["note"] = [note if note is None or isinstance(note, dict) else dict(note.__dict__) for note in rows["note"]]
    rows["cell"] = [cell if cell is None or isinstance(cell, dict) else dict(cell.__dict__) for cell in rows["cell"]]
    return rows


_REPEATED_TEXT = ("period", "source", "qualifier", "reporting_unit", "status")


def observations_of(rows: Rows) -> list[Observation]:
    """The models back from validated rows, without validating them again."""
    columns = [rows[name] for name in OBSERVATION_FIELDS]
    observations = []
    for values in zip(*columns, strict=True):
        fields = dict(zip(OBSERVATION_FIELDS, values, strict=True))
        if fields["note"] is not None:
            fields["note"] = trusted(Bilingual, fields["note"])
        if fields["cell"] is not None:
            fields["cell"] = trusted(CellCitation, fields["cell"])
        observations.append(trusted(Observation, fields))
    return observations


@dataclass
class Registry:
    """What loaded: indicators (their own fields), their valid observations as
    columns (`rows`, per indicator id), sources, and every problem found."""

    data_dir: Path
    taxonomy: Taxonomy | None
    sources: dict[str, SourceDocument]
    indicators: dict[str, IndicatorInfo]
    rows: dict[str, Rows]
    files: dict[str, Path]
    problems: list[Problem] = field(default_factory=list)
    units: UnitCatalogue | None = None

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    def raise_for_errors(self) -> None:
        if self.errors:
            raise RegistryError(self.problems)

    def problems_of(self, indicator_id: str) -> list[Problem]:
        """The problems found in the indicator's own file, `registry/<id>.yaml`."""
        return self._problems_by_indicator.get(indicator_id, [])

    @cached_property
    def unloaded(self) -> frozenset[str]:
        """Ids of registry files that have errors and whose indicator did not load at all."""
        return frozenset(
            indicator_id
            for indicator_id, problems in self._problems_by_indicator.items()
            if indicator_id not in self.indicators and any(problem.is_error for problem in problems)
        )

    @cached_property
    def _problems_by_indicator(self) -> dict[str, list[Problem]]:
        found: dict[str, list[Problem]] = {}
        for problem in self.problems:
            path = Path(problem.path)
            if path.parent.name == "registry" and path.suffix == ".yaml":
                found.setdefault(path.stem, []).append(problem)
        return found

    def observations(self, indicator_id: str) -> list[Observation]:
        return observations_of(self.rows[indicator_id])

    @property
    def observation_count(self) -> int:
        return sum(len(rows["value"]) for rows in self.rows.values())

    def with_only(self, indicator: Indicator) -> Registry:
        """This registry's taxonomy and sources with one (checked) indicator: a draft's preview."""
        return Registry(
            self.data_dir,
            self.taxonomy,
            self.sources,
            {indicator.id: indicator.info()},
            {indicator.id: rows_of(indicator.observations)},
            {},
            units=self.units,
        )

    @cached_property
    def observations_frame(self) -> pd.DataFrame:
        """One row per valid observation (see `indicators.frames`)."""
        return observations_frame(self)
