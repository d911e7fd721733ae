"""Where everything lives: the data folder's layout in one place.

data/
  taxonomy.yaml             the sectors indicators belong to
  registry/<id>.yaml        one indicator per file
  sources/<id>.yaml         a source document's metadata ...
  sources/<id>.txt          ... and its text
  reporting-units/*.yaml    provinces, ministries and blocs figures are filed under
  coverage-waivers.yaml     numbers in sources that are deliberately not indicators
  edit-log.jsonl            every accepted edit
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = PROJECT / "schemas" / "indicator.schema.json"


def default_data_dir() -> Path:
    """`$INDICATORS_DATA` or the project's `data/` folder."""
    configured = os.environ.get("INDICATORS_DATA")
    return Path(configured) if configured else PROJECT / "data"


@dataclass(frozen=True)
class DataLayout:
    """The files of one data folder."""

    root: Path

    @property
    def taxonomy(self) -> Path:
        return self.root / "taxonomy.yaml"

    @property
    def registry(self) -> Path:
        return self.root / "registry"

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def reporting_units(self) -> Path:
        return self.root / "reporting-units"

    @property
    def waivers(self) -> Path:
        return self.root / "coverage-waivers.yaml"

    @property
    def edit_log(self) -> Path:
        return self.root / "edit-log.jsonl"

    def indicator_file(self, indicator_id: str) -> Path:
        return self.registry / f"{indicator_id}.yaml"

    def source_metadata(self, source_id: str) -> Path:
        return self.sources / f"{source_id}.yaml"

    def source_text(self, source_id: str) -> Path:
        return self.sources / f"{source_id}.txt"

    @classmethod
    def of_file(cls, path: Path) -> DataLayout:
        """The layout a registry or source file belongs to (`data/registry/x.yaml` -> `data/`).
        A symbolic link is not followed: the layout is the one the name is in."""
        return cls(Path(os.path.abspath(path)).parent.parent)
