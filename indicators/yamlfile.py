"""Safe YAML reading that remembers where every value came from.

PyYAML's `safe_load` keeps the last of two duplicate keys, expands aliases
(a few lines can become billions of nodes) and forgets line numbers. Here the
file is composed into nodes (C parser when available) and turned into plain
Python values by hand: duplicate keys, anchors/aliases and any tag outside
the YAML core schema are reported as problems, never constructed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from indicators.problems import Problem, display_path, field_name

try:  # a Rust YAML parser, about ten times faster than PyYAML's C loader
    import yaml_rs
except ImportError:  # pragma: no cover - the careful path alone is complete
    yaml_rs = None

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Text that could mean a tag, an anchor, an alias, a merge key, or a number
# that YAML 1.1 and 1.2 read differently (012, 1_000, 1:30): such files take
# the careful path. A false alarm only costs speed.
_CAREFUL_CHARACTERS = ("!", "&", "*", "<<", "_")
_CAREFUL_NUMBERS = re.compile(r":[ \t]+[-+]?(?:0\d|\d+:\d)")


def _needs_careful_path(text: str) -> bool:
    return any(mark in text for mark in _CAREFUL_CHARACTERS) or _CAREFUL_NUMBERS.search(text) is not None


MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 32

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_constructor = yaml.constructor.SafeConstructor()


@dataclass
class YamlDocument:
    """A parsed file: plain data plus (line, column) for every key path."""

    path: Path
    data: Any
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def position(self, location: tuple) -> tuple[int, int]:
        """Nearest known position for a path, walking up to its parents."""
        location = tuple(location)
        while location:
            if location in self.positions:
                return self.positions[location]
            location = location[:-1]
        return self.positions.get((), (1, 1))


class _Invalid(Exception):
    def __init__(self, node: yaml.Node, location: tuple, message: str, code: str):
        super().__init__(message)
        self.node, self.location, self.message, self.code = node, location, message, code


def read_text(path: Path, problems: list[Problem], max_bytes: int = MAX_FILE_BYTES) -> str | None:
    """Read a UTF-8 text file, NFC-normalised; report what makes it unreadable."""

    def report(message: str, code: str, line: int = 1, column: int = 1, severity: str = "error") -> None:
        problems.append(Problem(display_path(path), line, column, "-", message, code, severity))

    try:
        size = path.stat().st_size
        if size > max_bytes:
            report(f"file is {size:,} bytes; the limit is {max_bytes:,}", "file-too-large")
            return None
        raw = path.read_bytes()
    except OSError as error:
        report(f"cannot read file: {error.strerror}", "file-unreadable")
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        report("file starts with a UTF-8 byte-order mark; it was ignored", "utf8-bom", severity="warning")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"file is not valid UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8"
        report(message, "encoding-invalid", line, column)
        return None
    return unicodedata.normalize("NFC", text)


def parse_yaml(path: Path, text: str, problems: list[Problem]) -> YamlDocument | None:
    """Compose and convert YAML text; append problems and return None on failure."""
    shown = display_path(path)
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part)
        lines = text.splitlines()
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            message += " (a tab character: YAML indents with spaces only)"
        problems.append(Problem(shown, line, column, "-", f"YAML syntax error: {message}", "yaml-syntax"))
        return None
    except (yaml.YAMLError, RecursionError) as error:
        problems.append(Problem(shown, 1, 1, "-", f"YAML error: {error}", "yaml-syntax"))
        return None
    if node is None:
        problems.append(Problem(shown, 1, 1, "-", "file is empty", "yaml-empty"))
        return None
    document = YamlDocument(path, None)
    try:
        document.data = _convert(node, (), document.positions, set(), 0)
    except _Invalid as invalid:
        mark = invalid.node.start_mark
        if invalid.code == "yaml-alias":
            mark = _first_alias_mark(text) or mark
        location = invalid.location if len(invalid.location) <= 6 else (*invalid.location[:6], "…")
        problems.append(
            Problem(shown, mark.line + 1, mark.column + 1, field_name(location), invalid.message, invalid.code)
        )
        return None
    return document


def _first_alias_mark(text: str):
    """Where the first alias is; composed nodes only know where the anchor was."""
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark
    return None


def _tag_problem(node: yaml.Node, location: tuple) -> _Invalid:
    tag = node.tag.replace(_CORE, "!!")
    message = f"tag {tag!r} is not allowed: only plain text, numbers, dates, lists and mappings (nothing is executed)"
    return _Invalid(node, location, message, "yaml-tag-forbidden")


def quick_parse(text: str):
    """Plain data for plain YAML, parsed fast; None when the careful path must decide.

    Callers use the result only when it validates without any problem; any
    problem is re-derived on the careful path, with its line and column."""
    if yaml_rs is None or _needs_careful_path(text):
        return None
    try:
        return yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 - any refusal sends the file to the careful path
        return None


def read_yaml(path: Path, problems: list[Problem], max_bytes: int = MAX_FILE_BYTES) -> YamlDocument | None:
    text = read_text(path, problems, max_bytes)
    return None if text is None else parse_yaml(path, text, problems)


def _convert(node: yaml.Node, location: tuple, positions: dict, seen: set[int], depth: int) -> Any:
    if id(node) in seen:
        raise _Invalid(node, location, "aliases (*name) are not allowed; write the value out", "yaml-alias")
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _Invalid(node, location, f"nested deeper than {MAX_DEPTH} levels", "yaml-too-deep")
    positions.setdefault(location, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        if node.tag != _CORE + "map":
            raise _tag_problem(node, location)
        return _convert_mapping(node, location, positions, seen, depth)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _CORE + "seq":
            raise _tag_problem(node, location)
        return [_convert(item, (*location, index), positions, seen, depth + 1) for index, item in enumerate(node.value)]
    if node.tag not in _SCALAR_TAGS:
        raise _tag_problem(node, location)
    if node.tag == _CORE + "timestamp":
        return node.value  # kept as written; pydantic parses dates
    return _constructor.construct_object(node)


def _convert_mapping(node: yaml.MappingNode, location: tuple, positions: dict, seen: set[int], depth: int) -> dict:
    result: dict = {}
    for key_node, value_node in node.value:
        if key_node.tag == _CORE + "merge":
            raise _Invalid(key_node, location, "merge keys (<<) are not allowed", "yaml-alias")
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Invalid(key_node, location, "keys must be plain text", "yaml-key-invalid")
        key = key_node.value
        child = (*location, key)
        if key in result:
            first_line = positions[child][0]
            raise _Invalid(
                key_node,
                child,
                f"duplicate key {key!r} (first defined on line {first_line}); YAML would keep only the last",
                "yaml-duplicate-key",
            )
        positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        result[key] = _convert(value_node, child, positions, seen, depth + 1)
    return result
