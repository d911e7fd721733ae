"""A columnar on-disk cache of validated indicator files.

A file's validation result is reused while the file (same size, time and
content digest), the taxonomy, every source, the reporting units and the
validator's own code are unchanged (`context_digest`); a change to one
indicator file re-validates only that file. The check across files (figures
cited twice) is kept with them and found again when any file changed. The cache is Parquet (observations) plus JSON (everything else): data
only, nothing in it is executed when read.

Location: `$INDICATORS_CACHE`, else `~/.cache/vn-indicators/<digest of the data
folder>`; `INDICATORS_CACHE=off` disables it. An unwritable location just
means no cache.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import asdict
from importlib import metadata
from itertools import chain
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from indicators.files import atomic_write
from indicators.models import IndicatorInfo, trusted_tree
from indicators.paths import DataLayout
from indicators.problems import Problem
from indicators.registry import OBSERVATION_FIELDS, FileResult, Rows
from indicators.stamps import file_stamp, stat_stamp

CACHE_FORMAT = 4
_CODE = Path(__file__).resolve().parent


def cache_folder(data_dir: Path) -> Path | None:
    configured = os.environ.get("INDICATORS_CACHE")
    if configured == "off":
        return None
    if configured:
        folder = Path(configured)
    else:
        digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
        folder = Path.home() / ".cache" / "vn-indicators" / digest
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def context_digest(data_dir: Path) -> str:
    """Everything besides the file itself that its validation depends on: the
    validator's code (every module, the proofs' included), the taxonomy, every
    source file (text or table, and its metadata), every reporting-units file and
    the provinces package the catalogue reads (stat stamps, which change with
    every write; see `indicators.stamps`)."""
    data = DataLayout(data_dir)
    parts = [f"format {CACHE_FORMAT}", f"vietnam-provinces {_version('vietnam-provinces')}"]
    parts += [f"{path.relative_to(_CODE)} {file_stamp(path)[-1]}" for path in sorted(_CODE.rglob("*.py"))]
    if data.taxonomy.exists():
        parts.append(f"taxonomy {file_stamp(data.taxonomy)}")
    for folder in (data.sources, data.reporting_units):
        if folder.is_dir():
            with os.scandir(folder) as scan:
                parts.extend(sorted(f"{folder.name}/{entry.name} {stat_stamp(entry.stat())}" for entry in scan))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


class ValidationCache:
    """Validated files of one data folder: read at load, written when anything changed."""

    def __init__(self, data_dir: Path):
        self.folder = cache_folder(data_dir)
        self.context = context_digest(data_dir) if self.folder else ""
        self.entries: dict[str, dict] = {}
        self.rows: dict[str, Rows] = {}
        self.cited_twice: list[Problem] | None = None  # figures cited by two indicators, across files
        self.changed = False
        if self.folder:
            self._read()

    def _read(self) -> None:
        index_path, table_path = self.folder / "files.json", self.folder / "observations.parquet"
        try:
            index = json.loads(index_path.read_text(encoding="utf-8"))
            if index.get("context") != self.context:
                return
            columns = pq.read_table(table_path, columns=list(OBSERVATION_FIELDS)).to_pydict()
        except (OSError, ValueError, pa.ArrowException):
            return
        for name, entry in index["files"].items():
            start, count = entry["rows"]
            self.entries[name] = entry
            self.rows[name] = {field: values[start : start + count] for field, values in columns.items()}
        if index.get("cited_twice") is not None:
            self.cited_twice = [Problem(**fields) for fields in index["cited_twice"]]

    def get(self, path: Path, stamp: list) -> FileResult | None:
        """What reading the file gave last time, when cached and its stamp is still `stamp`."""
        entry = self.entries.get(path.name)
        if entry is None or entry["stamp"] != stamp:
            return None
        problems = [Problem(**fields) for fields in entry["problems"]]
        if entry["indicator"] is None:
            return None, None, problems
        return trusted_tree(IndicatorInfo, entry["indicator"]), self.rows[path.name], problems

    def put(
        self, path: Path, stamp: list, indicator: IndicatorInfo | None, rows: Rows | None, problems: list[Problem]
    ) -> None:
        """Store what reading the file gave under `stamp`, taken *before* the read: a save
        during the read then leaves the entry out of date instead of older data under a
        newer stamp."""
        self.changed = True
        self.entries[path.name] = {
            "stamp": stamp,
            "indicator": None if indicator is None else indicator.model_dump(mode="json"),
            "problems": [asdict(problem) for problem in problems],
        }
        self.rows[path.name] = rows or {field: [] for field in OBSERVATION_FIELDS}

    def keep_cited_twice(self, problems: list[Problem]) -> None:
        """The registry's figures cited twice, found with the files as they now are."""
        self.changed = True
        self.cited_twice = problems

    def keep_only(self, names: set[str]) -> None:
        for name in set(self.entries) - names:
            self.changed = True
            del self.entries[name]
            self.rows.pop(name, None)

    def write(self) -> None:
        if not self.folder or not self.changed:
            return
        files, start = {}, 0
        for name, entry in self.entries.items():
            count = len(self.rows[name]["value"])
            files[name] = {**entry, "rows": [start, count]}
            start += count
        columns = {
            field: list(chain.from_iterable(self.rows[name][field] for name in self.entries))
            for field in OBSERVATION_FIELDS
        }
        table = io.BytesIO()
        pq.write_table(pa.table(columns, schema=_SCHEMA), table)
        cited_twice = None if self.cited_twice is None else [asdict(problem) for problem in self.cited_twice]
        index = json.dumps({"context": self.context, "files": files, "cited_twice": cited_twice}, ensure_ascii=False)
        try:
            atomic_write(self.folder / "observations.parquet", table.getvalue())
            atomic_write(self.folder / "files.json", index)
        except OSError:
            return


_SCHEMA = pa.schema(
    [
        ("value", pa.float64()),
        ("out_of", pa.float64()),
        ("qualifier", pa.string()),
        ("period", pa.string()),
        ("period_start", pa.date32()),
        ("period_en", pa.string()),
        ("per_year", pa.bool_()),
        ("reporting_unit", pa.string()),
        ("source", pa.string()),
        ("quote", pa.string()),
        ("cell", pa.struct([("row", pa.string()), ("column", pa.string())])),
        ("period_quote", pa.string()),
        ("status", pa.string()),
        ("preferred", pa.bool_()),
        ("note", pa.struct([("vi", pa.string()), ("en", pa.string())])),
    ]
)
