"""Safe edits of registry files.

- Round trip with ruamel.yaml: comments, key order and quoting are kept.
- Validation with the same checks as `python -m indicators validate`.
- Atomic writes: temp file in the same folder, fsync, `os.replace`.
- A file lock per file plus optimistic concurrency: a save names the digest
  of the text it started from and is refused if the file changed since.
- An append-only JSON-lines edit log: who, when, which file, what changed.
"""

from __future__ import annotations

import difflib
import getpass
import hashlib
import io
import json
import os
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from indicators.checks import IndicatorChecker
from indicators.loader import model_from_document
from indicators.models import Indicator
from indicators.problems import Problem
from indicators.registry import Registry
from indicators.yamlfile import parse_yaml, plain_reads_as_text

EDIT_LOG = "edit-log.jsonl"
LOCK_TIMEOUT_SECONDS = 10
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/indicator.schema.json\n"


class ConflictError(Exception):
    """The file changed since the editor read it; nothing was written."""

    def __init__(self, path: Path, diff: str):
        self.path, self.diff = path, diff
        super().__init__(f"{path.name} was changed by someone else since you opened it; reload and redo your edit")


def round_trip_yaml() -> YAML:
    """ruamel.yaml's round trip (YAML 1.2): comments, order and quoting kept; lines
    never re-wrapped, however long, so an edit changes only the lines it touches."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = sys.maxsize
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def yaml_value(value: Any) -> Any:
    """A value about to be written, with every string that a YAML reader could
    take for something else (`No`, `on`, `1:20`, `010`) single-quoted."""
    if isinstance(value, dict):
        return {key: yaml_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [yaml_value(item) for item in value]
    if isinstance(value, str) and not plain_reads_as_text(value):
        return SingleQuotedScalarString(value)
    return value


def digest(text: str | None) -> str | None:
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Draft:
    """A file as an editor opened it: its text, digest and round-trip data."""

    path: Path
    original: str | None
    data: Any

    @property
    def base_digest(self) -> str | None:
        return digest(self.original)

    def text(self) -> str:
        stream = io.StringIO()
        round_trip_yaml().dump(self.data, stream)
        text = stream.getvalue()
        if self.original and "\r\n" in self.original:
            text = text.replace("\n", "\r\n")
        return text

    def diff(self) -> str:
        before = (self.original or "").splitlines(keepends=True)
        after = self.text().splitlines(keepends=True)
        return "".join(difflib.unified_diff(before, after, f"a/{self.path.name}", f"b/{self.path.name}"))


def read_exact(path: Path) -> str | None:
    """The file's text with its line ends as they are (no newline translation)."""
    return path.read_bytes().decode("utf-8") if path.exists() else None


def open_draft(path: Path) -> Draft:
    original = read_exact(path)
    data = round_trip_yaml().load(original) if original else None
    return Draft(path, original, data)


def new_draft(registry_dir: Path, indicator: dict) -> Draft:
    """A draft for a new indicator file; refuses to replace an existing one."""
    path = registry_dir / f"{indicator['id']}.yaml"
    if path.exists():
        raise FileExistsError(f"{path.name} already exists; edit it instead")
    stream = io.StringIO()
    round_trip_yaml().dump(yaml_value(indicator), stream)
    data = round_trip_yaml().load(SCHEMA_LINE + stream.getvalue())
    return Draft(path, None, data)


def check_text(registry: Registry, path: Path, text: str) -> tuple[Indicator | None, list[Problem]]:
    """Validate a file's new text in the context of the registry, as `validate` would."""
    problems: list[Problem] = []
    document = parse_yaml(path, unicodedata.normalize("NFC", text), problems)
    if document is None:
        return None, problems
    indicator = model_from_document(Indicator, document, problems)
    if indicator is None:
        return None, problems
    found, _ = IndicatorChecker.for_taxonomy(registry.taxonomy, registry.sources).check(indicator, document)
    problems.extend(found)
    other = registry.files.get(indicator.id)
    if other is not None and other.resolve() != path.resolve():
        problems.append(
            Problem(str(path), 1, 1, "id", f"id {indicator.id!r} is already used by {other.name}", "id-duplicate")
        )
    return indicator, problems


def atomic_write(path: Path, text: str) -> None:
    """Write so that readers see the old file or the new one, never a mix."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def save_text(
    path: Path,
    text: str,
    base_digest: str | None,
    author: str | None = None,
    summary: str = "",
    log_dir: Path | None = None,
) -> dict:
    """Save `text` if the file still has `base_digest` (None: must not exist).

    Raises ConflictError, with the difference, when someone saved in between.
    Returns the edit-log entry."""
    lock = FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS)
    with lock:
        current = read_exact(path)
        if digest(current) != base_digest:
            theirs = "".join(
                difflib.unified_diff(
                    (current or "").splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    f"saved/{path.name}",
                    f"yours/{path.name}",
                )
            )
            raise ConflictError(path, theirs)
        atomic_write(path, text)
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "author": author or getpass.getuser(),
            "file": path.name,
            "before": base_digest,
            "after": digest(text),
            "summary": summary,
            "diff": "".join(
                difflib.unified_diff(
                    (current or "").splitlines(keepends=True), text.splitlines(keepends=True), "before", "after", n=0
                )
            ),
        }
    append_log(log_dir or path.parent.parent, entry)
    return entry


def append_log(data_dir: Path, entry: dict) -> None:
    """One JSON line per accepted edit; appends are serialised by a lock."""
    log_path = data_dir / EDIT_LOG
    with FileLock(str(log_path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS), open(log_path, "a", encoding="utf-8") as log:
        log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        log.flush()
        os.fsync(log.fileno())


INDICATOR_FIELDS = ("name", "description", "sector", "geography", "kind", "unit", "scale", "direction", "headline")


def apply_fields(draft: Draft, fields: dict) -> None:
    """Set indicator-level fields in place, keeping the file's order and comments."""
    for key in INDICATOR_FIELDS:
        if key not in fields:
            continue
        value = yaml_value(fields[key])
        current = draft.data.get(key)
        if isinstance(value, dict) and hasattr(current, "items"):
            for inner_key, inner_value in value.items():
                if current.get(inner_key) != inner_value:
                    current[inner_key] = inner_value
        elif current != value and not (key == "headline" and value is False and key not in draft.data):
            draft.data[key] = value


def add_observation(draft: Draft, observation: dict) -> None:
    draft.data["observations"].append(yaml_value(observation))


def remove_observation(draft: Draft, index: int) -> None:
    del draft.data["observations"][index]


def draft_from_text(path: Path, base: str | None, text: str) -> Draft:
    """A draft whose data is `text` but whose base (for conflicts and diffs) is `base`."""
    return Draft(path, base, round_trip_yaml().load(text))
