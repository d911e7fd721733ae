"""Safe edits of registry files.

- Round trip with ruamel.yaml (`yaml_writer`): comments, key order and quoting are kept.
- Validation with the same checks as `python -m indicators validate`.
- Atomic writes (`files.atomic_write`): temporary file, fsync, `os.replace`.
- A file lock per file plus optimistic concurrency: a save names the digest
  of the text it started from and is refused if the file changed since.
- Every accepted save is appended to the chained edit log (`edit_log`) with who
  saved it: a signed-in identity, or the local user on the command line.
"""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock

from indicators import edit_log, yaml_writer
from indicators.checks import IndicatorChecker
from indicators.duplicates import cited_by_others
from indicators.edit_log import check_author
from indicators.files import MAX_YAML_BYTES, TextError, atomic_write, read_exact, refuse_format_characters
from indicators.models import Indicator
from indicators.paths import DataLayout
from indicators.problems import Problem
from indicators.registry import Registry
from indicators.yaml_reader import parse_yaml, validate_document

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/indicator.schema.json\n"


class ConflictError(Exception):
    """The file changed since the editor read it; nothing was written."""

    def __init__(self, path: Path, diff: str):
        self.path, self.diff = path, diff
        super().__init__(f"{path.name} was changed by someone else since you opened it; reload and redo your edit")


def digest(text: str | None) -> str | None:
    """SHA-256 of the text (None for a file that does not exist yet)."""
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def unified_diff(before: str | None, after: str, from_name: str, to_name: str, context: int = 3) -> str:
    return "".join(
        difflib.unified_diff(
            (before or "").splitlines(keepends=True), after.splitlines(keepends=True), from_name, to_name, n=context
        )
    )


@dataclass
class Draft:
    """A file as an editor opened it: its text (None for a new file) and round-trip data."""

    path: Path
    original: str | None
    data: Any

    @property
    def base_digest(self) -> str | None:
        return digest(self.original)

    def text(self) -> str:
        text = yaml_writer.dump(self.data)
        if self.original and "\r\n" in self.original:
            text = text.replace("\n", "\r\n")
        return text

    def diff(self) -> str:
        return unified_diff(self.original, self.text(), f"a/{self.path.name}", f"b/{self.path.name}")


def open_draft(path: Path) -> Draft:
    original = read_exact(path)
    return Draft(path, original, yaml_writer.load(original) if original else None)


def new_draft(registry_dir: Path, indicator: dict) -> Draft:
    """A draft for a new indicator file; refuses (FileExistsError) to replace an existing one."""
    path = registry_dir / f"{indicator['id']}.yaml"
    if path.exists():
        raise FileExistsError(f"{path.name} already exists; edit it instead")
    return Draft(path, None, yaml_writer.load(SCHEMA_LINE + yaml_writer.dump(yaml_writer.yaml_value(indicator))))


def draft_from_text(path: Path, base: str | None, text: str) -> Draft:
    """A draft whose data is `text` but whose base (for conflicts and diffs) is `base`."""
    return Draft(path, base, yaml_writer.load(text))


def check_text(registry: Registry, path: Path, text: str) -> tuple[Indicator | None, list[Problem]]:
    """Validate a file's new text in the context of the registry, as `validate` would:
    every check a load applies (size limit, format characters, nesting, schema, quotes)."""
    problems: list[Problem] = []
    size = len(text.encode("utf-8"))
    if size > MAX_YAML_BYTES:  # the limit every load applies; beyond it the file would vanish from the registry
        message = f"the file would be {size:,} bytes; the limit is {MAX_YAML_BYTES:,}"
        return None, [Problem(str(path), 1, 1, "-", message, "file-too-large")]
    text = unicodedata.normalize("NFC", text)
    try:
        refuse_format_characters(text)
    except TextError as error:
        return None, [Problem(str(path), error.line, error.column, "-", str(error), error.code)]
    document = parse_yaml(path, text, problems)
    if document is None:
        return None, problems
    indicator = validate_document(Indicator, document, problems)
    if indicator is None:
        return None, problems
    checker = IndicatorChecker.for_taxonomy(registry.taxonomy, registry.units, registry.sources)
    found, _ = checker.check(indicator, document)
    problems.extend(found)
    problems.extend(cited_by_others(registry, indicator, document))
    other = registry.files.get(indicator.id)
    if other is not None and other.resolve() != path.resolve():
        problems.append(
            Problem(str(path), 1, 1, "id", f"id {indicator.id!r} is already used by {other.name}", "id-duplicate")
        )
    return indicator, problems


def save_text(path: Path, text: str, base_digest: str | None, author: dict, summary: str = "") -> dict:
    """Save `text` if the file still has `base_digest` (None: it must not exist yet),
    together with its entry in the data folder's edit log: both or neither.

    `author` is who saves: `edit_log.oidc_author(...)` for someone signed in,
    `edit_log.local_author()` on the command line; anything else is refused with
    ValueError before the file is touched.

    The file's lock and the log's lock are held across both writes (always taken in
    that order). The entry is written (and flushed to disk) first, then the file; when
    the file cannot be written the entry is cut off again, and when the entry cannot
    be written the file is not touched. A save killed between the two leaves an entry
    whose file kept its old text: the next save of that file logs the rollback first
    (`settle_interrupted`), so every text the file ever had on disk is in the log.

    Returns the log entry as written. Raises ConflictError, carrying the difference between
    what is saved and `text`, when someone saved in between; filelock.Timeout when
    someone else is saving (a lock not free within LOCK_TIMEOUT_SECONDS); OSError when
    the disk refuses a write. Nothing is written in any of these cases."""
    check_author(author)
    with (
        FileLock(str(path) + ".lock", timeout=edit_log.LOCK_TIMEOUT_SECONDS),
        edit_log.writing(DataLayout.of_file(path).edit_log) as log,
    ):
        current = read_exact(path)
        settle_interrupted(log, path.name, digest(current), current)
        if digest(current) != base_digest:
            raise ConflictError(path, unified_diff(current, text, f"saved/{path.name}", f"yours/{path.name}"))
        written = log.append(edit_entry(path, current, text, author, summary))
        try:
            atomic_write(path, text)
        except BaseException:
            log.undo()
            raise
    return written


def edit_entry(path: Path, before: str | None, after: str, author: dict, summary: str) -> dict:
    """The log entry of one save (a JSON object; new fields may be added)."""
    return {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "author": author,
        "file": path.name,
        "before": digest(before),
        "after": digest(after),
        "summary": summary,
        "diff": unified_diff(before, after, "before", "after", context=0),
        **file_snapshot(after),
    }


def settle_interrupted(log: edit_log.LogWriter, name: str, on_disk: str | None, text: str | None) -> dict | None:
    """When the log's last entry is a save of file `name` that never reached the disk
    (the file still has the entry's `before`, not its `after`: the saving process was
    killed between the two writes), append an entry recording that rollback (with the
    file's `text` as it is, `file_snapshot`) and return it; else None."""
    last = log.last_entry()
    if not last or last.get("file") != name or last.get("after") == on_disk or last.get("before") != on_disk:
        return None
    return log.append(
        {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "author": last.get("author"),
            "file": name,
            "before": last.get("after"),
            "after": on_disk,
            "summary": f"rolled back: the save logged as entry {last.get('seq')} did not reach the file",
            "rollback_of": last.get("seq"),
            "diff": "",
            **(file_snapshot(text) if text is not None else {}),
        }
    )


def file_snapshot(text: str) -> dict:
    """The fields of a log entry that keep the file as saved, `{"text": <its whole text>}`,
    so that `indicators.history` can rebuild what the registry said on any day without
    replaying diffs (older entries lack it and are rebuilt from their diffs)."""
    return {"text": text}


INDICATOR_FIELDS = (
    "name",
    "description",
    "sector",
    "reporting_unit",
    "kind",
    "unit",
    "scale",
    "direction",
    "headline",
)


def apply_fields(draft: Draft, fields: dict) -> None:
    """Set indicator-level fields in place, keeping the file's order and comments."""
    for key in INDICATOR_FIELDS:
        if key not in fields:
            continue
        value = yaml_writer.yaml_value(fields[key])
        current = draft.data.get(key)
        if isinstance(value, dict) and hasattr(current, "items"):
            for inner_key, inner_value in value.items():
                if current.get(inner_key) != inner_value:
                    current[inner_key] = inner_value
        elif current != value and not (key == "headline" and value is False and key not in draft.data):
            draft.data[key] = value


def add_observation(draft: Draft, observation: dict) -> None:
    draft.data["observations"].append(yaml_writer.yaml_value(observation))


def remove_observation(draft: Draft, index: int) -> None:
    del draft.data["observations"][index]


def change_observation(draft: Draft, index: int, changes: dict) -> None:
    """Set fields of the observation at `index` in place, keeping its other fields, their
    order and comments; a field changed to None or "" is removed (an optional one, such
    as `period_quote`). A new field goes after `quote`'s neighbours, at the end."""
    observation = draft.data["observations"][index]
    for key, value in changes.items():
        if value is None or value == "":
            observation.pop(key, None)
        elif observation.get(key) != value:
            observation[key] = yaml_writer.yaml_value(value)
