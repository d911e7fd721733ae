"""A columnar on-disk cache of validated indicator files.

A file's validation result is reused while the file (same size, time and
content digest), the taxonomy, every source and the validator's own code are
unchanged; a change to one indicator file re-validates only that
file. The cache is Parquet (observations) plus JSON (everything else): data
only, nothing in it is executed when read.

Location: `$INDICATORS_CACHE`, else `~/.cache/vn-indicators/<digest of the data
folder>`; `INDICATORS_CACHE=off` disables it. An unwritable location just
means no cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from indicators.models import Indicator, Observation
from indicators.problems import Problem

CACHE_FORMAT = 1
_CODE = Path(__file__).resolve().parent
_OBSERVATION_COLUMNS = ("file", "value", "out_of", "qualifier", "period", "period_start", "source", "quote", "note")


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


def stamp(path: Path) -> list:
    """Size, modification time and a digest of the content: a same-size edit
    within one tick of a coarse file-system clock still counts as a change."""
    status = path.stat()
    return [status.st_size, status.st_mtime_ns, hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()]


def context_digest(data_dir: Path) -> str:
    """Everything besides the file itself that its validation depends on."""
    parts = [f"format {CACHE_FORMAT}"]
    for path in sorted(_CODE.glob("*.py")):
        parts.append(f"{path.name} {stamp(path)}")
    taxonomy = data_dir / "taxonomy.yaml"
    if taxonomy.exists():
        parts.append(f"taxonomy {stamp(taxonomy)}")
    sources = data_dir / "sources"
    if sources.is_dir():
        with os.scandir(sources) as scan:
            parts.extend(sorted(f"{entry.name} {entry.stat().st_size} {entry.stat().st_mtime_ns}" for entry in scan))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class ValidationCache:
    """Validated files of one data folder: read at load, written when anything changed."""

    def __init__(self, data_dir: Path):
        self.folder = cache_folder(data_dir)
        self.context = context_digest(data_dir) if self.folder else ""
        self.entries: dict[str, dict] = {}
        self.observations: dict[str, list[tuple]] = {}
        self.changed = False
        if self.folder:
            self._read()

    def _read(self) -> None:
        index_path, table_path = self.folder / "files.json", self.folder / "observations.parquet"
        try:
            index = json.loads(index_path.read_text(encoding="utf-8"))
            if index.get("context") != self.context:
                return
            table = pq.read_table(table_path).to_pydict()
        except (OSError, ValueError, pa.ArrowException):
            return
        columns = [table[name] for name in _OBSERVATION_COLUMNS]
        rows = list(zip(*columns, strict=True))
        for name, entry in index["files"].items():
            start, count = entry["rows"]
            self.entries[name] = entry
            self.observations[name] = rows[start : start + count]

    def get(self, path: Path):
        """(indicator, problems, bad observations) when cached and current, else None."""
        entry = self.entries.get(path.name)
        if entry is None or entry["stamp"] != stamp(path):
            return None
        problems = [Problem(**fields) for fields in entry["problems"]]
        if entry["indicator"] is None:
            return None, problems, set(entry["bad"])
        observations = [_observation(row) for row in self.observations[path.name]]
        # Observation instances are taken as they are (pydantic does not revalidate instances).
        indicator = Indicator.model_validate({**entry["indicator"], "observations": observations})
        return indicator, problems, set(entry["bad"])

    def put(self, path: Path, indicator: Indicator | None, problems: list[Problem], bad: set[int]) -> None:
        self.changed = True
        fields = None if indicator is None else indicator.model_dump(mode="json", exclude={"observations"})
        self.entries[path.name] = {
            "stamp": stamp(path),
            "indicator": fields,
            "problems": [asdict(problem) for problem in problems],
            "bad": sorted(bad),
        }
        self.observations[path.name] = [] if indicator is None else [_row(path.name, o) for o in indicator.observations]

    def keep_only(self, names: set[str]) -> None:
        for name in set(self.entries) - names:
            self.changed = True
            del self.entries[name]
            self.observations.pop(name, None)

    def write(self) -> None:
        if not self.folder or not self.changed:
            return
        rows, files, start = [], {}, 0
        for name, entry in self.entries.items():
            chunk = self.observations.get(name, [])
            files[name] = {**entry, "rows": [start, len(chunk)]}
            rows.extend(chunk)
            start += len(chunk)
        columns = {name: [row[index] for row in rows] for index, name in enumerate(_OBSERVATION_COLUMNS)}
        schema = pa.schema(
            [
                ("file", pa.string()),
                ("value", pa.float64()),
                ("out_of", pa.float64()),
                ("qualifier", pa.string()),
                ("period", pa.string()),
                ("period_start", pa.string()),
                ("source", pa.string()),
                ("quote", pa.string()),
                ("note", pa.string()),
            ]
        )
        try:
            _replace(
                self.folder / "observations.parquet",
                lambda path: pq.write_table(pa.table(columns, schema=schema), path),
            )
            index = json.dumps({"context": self.context, "files": files}, ensure_ascii=False)
            _replace(self.folder / "files.json", lambda path: Path(path).write_text(index, encoding="utf-8"))
        except OSError:
            return


def _row(name: str, observation: Observation) -> tuple:
    start = observation.period_start.isoformat() if observation.period_start else None
    return (
        name,
        observation.value,
        observation.out_of,
        observation.qualifier,
        observation.period_label,
        start,
        observation.source,
        observation.quote,
        observation.note,
    )


_FIELDS_SET = frozenset(("value", "out_of", "qualifier", "period", "period_start", "source", "quote", "note"))
_set = object.__setattr__


def _observation(row: tuple) -> Observation:
    """An observation validated when the cache was written, rebuilt without
    validating again (the same as `trusted`, unrolled: it runs per row)."""
    _, value, out_of, qualifier, period, start, source, quote, note = row
    instance = Observation.__new__(Observation)
    _set(
        instance,
        "__dict__",
        {
            "value": value,
            "out_of": out_of,
            "qualifier": qualifier,
            "period": period,
            "period_start": date.fromisoformat(start) if start is not None else None,
            "source": source,
            "quote": quote,
            "note": note,
        },
    )
    _set(instance, "__pydantic_fields_set__", set(_FIELDS_SET))
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


def _replace(target: Path, write) -> None:
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(descriptor)
    try:
        write(temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
