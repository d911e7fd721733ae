"""YAML reading: one dialect (YAML 1.2, core schema) on every path.

Two readers give the same values for every file they both accept:

- `parse_yaml`, the careful path: libyaml (through PyYAML's C composer) with
  the YAML 1.2 core-schema resolver of `yamlcore`. It keeps the line and
  column of every value, reports duplicate keys, anchors and aliases, and
  any tag outside the core schema, and never constructs anything else.
  A plain scalar that YAML 1.1 tools read differently is read as YAML 1.2
  reads it: `No` and `on` are text, `010` is 10, `1_000` and `1:20` are text
  (a number field then refuses them, saying what YAML 1.1 would have read).
- `fast_parse`, for speed on large registries: rapidyaml parses, emits JSON,
  and `json` builds the values. It declines (returns None) any text where
  its reading could differ from the careful one: tags, anchors, aliases,
  escapes, tabs, duplicate keys, and strings that the core schema would
  read as something else had they been written unquoted.
  `tests/indicators/test_yaml_reader.py` checks on a corpus and on generated
  documents that it never accepts a text the careful path reads otherwise.

The editor writes with ruamel.yaml (also YAML 1.2) and quotes every string
that any of these readers could take for something else (`plain_reads_as_text`).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import ryml
import yaml
import yamlcore
from pydantic import BaseModel, ValidationError

from indicators.codes import schema_code
from indicators.files import read_text
from indicators.problems import Problem, display_path, field_name

MAX_DEPTH = 32
Model = TypeVar("Model", bound=BaseModel)

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_CORE + name for name in ("str", "int", "float", "bool", "null")}
# Composes with the YAML 1.2 core-schema resolver; builds scalars with its constructors.
_CORE_LOADER = yamlcore.CCoreLoader
_core_constructor = yamlcore.CoreLoader("")
# How YAML 1.1 tools (PyYAML's safe loader among them) read the same plain scalar.
_yaml11_resolver = yaml.SafeLoader("")
_YAML11_BOOLEANS = {
    **dict.fromkeys(("y", "Y", "yes", "Yes", "YES", "on", "On", "ON"), True),
    **dict.fromkeys(("n", "N", "no", "No", "NO", "off", "Off", "OFF"), False),
}


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


def parse_yaml(path: Path, text: str, problems: list[Problem]) -> YamlDocument | None:
    """Compose and convert YAML text (the careful path); append problems and
    return None when the file cannot be read as data."""
    shown = display_path(path)
    try:
        check_nesting(text)
    except TooDeep as deep:
        problems.append(Problem(shown, deep.line, deep.column, "-", str(deep), "yaml-too-deep"))
        return None
    try:
        node = yaml.compose(text, Loader=_CORE_LOADER)
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
        document.data = _Converter(document.positions).convert(node, (), 0)
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


def read_yaml(path: Path, problems: list[Problem], root: Path | None = None) -> YamlDocument | None:
    """A YAML file of the data folder `root` read on the careful path (`files.read_text`
    applies the data folder's file rule); None, with the reasons in `problems`."""
    text = read_text(path, problems, root=root)
    return None if text is None else parse_yaml(path, text, problems)


def validate_document(model: type[Model], document: YamlDocument, problems: list[Problem]) -> Model | None:
    """The document's data as `model`, or None with every pydantic error turned into
    a problem at the line and column of its field."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        shown = display_path(document.path)
        for detail in error.errors(include_url=False):
            location = tuple(detail["loc"])
            line, column = document.position(location)
            problem = Problem(
                shown, line, column, field_name(location), _schema_message(detail), schema_code(detail["type"])
            )
            problems.append(problem)
        return None


def _schema_message(detail: dict) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field; check its spelling or remove it"
    given = detail.get("input")
    if isinstance(given, dict | list):
        given = type(given).__name__
    if kind in ("float_parsing", "int_parsing") and isinstance(given, str) and number_hint(given):
        return f"{given!r} is not a number as YAML writes it; {number_hint(given)}"
    hint = yaml11_hint(given) if isinstance(given, str) else None
    return f"{detail['msg']} (got {given!r})" + (f"; {hint}" if hint else "")


def _first_alias_mark(text: str):
    """Where the first alias is; composed nodes only know where the anchor was."""
    for event in yaml.parse(text, Loader=_CORE_LOADER):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark
    return None


class _Converter:
    """Composed nodes -> plain values, remembering where each one was."""

    def __init__(self, positions: dict):
        self.positions = positions
        self.seen: set[int] = set()

    def convert(self, node: yaml.Node, location: tuple, depth: int) -> Any:
        if id(node) in self.seen:
            raise _Invalid(node, location, "aliases (*name) are not allowed; write the value out", "yaml-alias")
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _Invalid(node, location, f"nested deeper than {MAX_DEPTH} levels", "yaml-too-deep")
        self.positions.setdefault(location, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            if node.tag != _CORE + "map":
                raise _tag_problem(node, location)
            return self._mapping(node, location, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _CORE + "seq":
                raise _tag_problem(node, location)
            return [self.convert(item, (*location, index), depth + 1) for index, item in enumerate(node.value)]
        if node.tag not in _SCALAR_TAGS:
            raise _tag_problem(node, location)
        return _construct(_core_constructor, node)

    def _mapping(self, node: yaml.MappingNode, location: tuple, depth: int) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == _CORE + "merge" or (not key_node.style and key_node.value == "<<"):
                raise _Invalid(key_node, location, "merge keys (<<) are not allowed", "yaml-alias")
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Invalid(key_node, location, "keys must be plain text", "yaml-key-invalid")
            key = key_node.value
            child = (*location, key)
            if key in result:
                first_line = self.positions[child][0]
                raise _Invalid(
                    key_node,
                    child,
                    f"duplicate key {key!r} (first defined on line {first_line}); YAML would keep only the last",
                    "yaml-duplicate-key",
                )
            self.positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.convert(value_node, child, depth + 1)
        return result


_SAME_TEXT = object()


def _yaml11_reading(text: str) -> Any:
    """The value a YAML 1.1 reader gives a plain scalar (dates stay text: both dialects agree on their meaning)."""
    if text in _YAML11_BOOLEANS:
        return _YAML11_BOOLEANS[text]
    tag = _yaml11_resolver.resolve(yaml.ScalarNode, text, (True, False))
    if tag == _CORE + "timestamp":
        return _SAME_TEXT
    if tag not in _SCALAR_TAGS - {_CORE + "str"}:  # text, or a 1.1 oddity (`=`, `<<`) that stays text
        return text
    return _construct(_yaml11_resolver, yaml.ScalarNode(tag, text))


def plain_reads_as_text(text: str) -> bool:
    """Whether `text`, written unquoted, is read back as this very text by
    YAML 1.2 (core schema), by YAML 1.1 and by ruamel.yaml: not `No`, `1:20`, `010`."""
    if not text or text != text.strip() or "\n" in text:
        return False
    core_tag = _core_constructor.resolve(yaml.ScalarNode, text, (True, False))
    return core_tag == _CORE + "str" and _yaml11_reading(text) == text


def _construct(loader: yaml.BaseLoader, node: yaml.ScalarNode) -> Any:
    """A scalar's value by the loader's constructor for its tag. (`construct_object`
    would also remember every node it saw, for as long as the loader lives.)"""
    return loader.yaml_constructors[node.tag](loader, node)


def yaml11_hint(text: str) -> str | None:
    """For text that YAML 1.1 tools read as something else, how they read it and
    what to write instead: `1:20` -> "YAML 1.1 tools read 80 here; write 80 if you
    mean the number, or quote '1:20' to keep text". None for ordinary text."""
    older = _yaml11_reading(text)
    if older is _SAME_TEXT or older == text:
        return None
    written = _plain_form(older)
    return f"YAML 1.1 tools read {written} here; write {written} if you mean that, or quote '{text}' to keep text"


_DECIMAL_COMMA = re.compile(r"([+-]?\d+),(\d+)")
_GROUPED_DOTS = re.compile(r"([+-]?\d{1,3}(?:\.\d{3})+)(?:,(\d+))?")
_GROUPED_COMMAS = re.compile(r"([+-]?\d{1,3}(?:,\d{3})+)(?:\.(\d+))?")


def number_hint(text: str) -> str | None:
    """How to write a number given as Vietnamese or grouped text, or None for other
    text: `35,0` -> "write 35.0 (a dot as the decimal mark)"; `2.087.114` -> "write
    2087114 (no thousands separators)"; `1,500` -> both readings.

    >>> number_hint("35,0")
    'write 35.0 (a dot as the decimal mark)'
    """
    text = text.strip()
    match = _DECIMAL_COMMA.fullmatch(text)
    if match:
        whole, decimals = match.groups()
        hint = f"write {whole}.{decimals} (a dot as the decimal mark)"
        if len(decimals) == 3 and whole.lstrip("+-") != "0":
            hint += f", or {whole}{decimals} if the comma separates thousands"
        return hint
    for pattern, group_mark in ((_GROUPED_DOTS, "."), (_GROUPED_COMMAS, ",")):
        match = pattern.fullmatch(text)
        if match:
            whole, decimals = match.groups()
            written = whole.replace(group_mark, "") + (f".{decimals}" if decimals else "")
            return f"write {written} (no thousands separators; a dot as the decimal mark)"
    return None


def _plain_form(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and math.isfinite(value):
        return f"{int(value)}" if value.is_integer() else repr(value)
    return str(value)


def _tag_problem(node: yaml.Node, location: tuple) -> _Invalid:
    tag = node.tag.replace(_CORE, "!!")
    message = f"tag {tag!r} is not allowed: only plain text, numbers, dates, lists and mappings (nothing is executed)"
    return _Invalid(node, location, message, "yaml-tag-forbidden")


# --- the fast path -------------------------------------------------------

# Text the fast path leaves to the careful one, found with plain substring tests.
_DECLINED_CHARACTERS = ("\t", "\r", "\\")  # tabs (YAML 1.1 refuses them), CR line ends, escapes
_DOCUMENT_MARKERS = ("---", "...", "%")
# An anchor, a tag or a block scalar where a value starts: rapidyaml drops anchors
# and tags from its JSON and accepts block-scalar headers that libyaml refuses.
_VALUE_INDICATOR = re.compile(r"(?:^|[:?,\[{-])[ \t]*[&!|>]", re.MULTILINE)
_COLON_BEFORE_TEXT = re.compile(r":[^ ]")


def _declined_text(text: str) -> bool:
    """Whether the text holds anything rapidyaml may read otherwise than libyaml."""
    if any(mark in text for mark in _DECLINED_CHARACTERS) or text.startswith(_DOCUMENT_MARKERS):
        return True
    if any(f"\n{marker}" in text for marker in _DOCUMENT_MARKERS):
        return True
    if any(mark in text for mark in "&!|>") and _VALUE_INDICATOR.search(text):
        return True
    if "{" in text or "[" in text:
        return any(not _plain_flow_line(line) for line in text.split("\n") if "{" in line or "[" in line)
    return False


def _plain_flow_line(line: str) -> bool:
    """A line with a flow collection both readers parse alike: opened and closed on
    the line, quotes paired, no comment inside, no `:` glued to text (YAML 1.1 refuses it)."""
    body = line.rstrip(" ")
    return (
        body.endswith(("}", "]"))
        and body.count("{") + body.count("[") == body.count("}") + body.count("]")
        and body.count('"') % 2 == 0
        and body.count("'") % 2 == 0
        and "#" not in body
        and _COLON_BEFORE_TEXT.search(body) is None
    )


# The core schema's non-text scalars that rapidyaml writes as JSON strings, and the
# plain numbers it always writes as JSON numbers (so such a string was quoted).
_CORE_WORDS = frozenset(("true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~"))
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_MAY_START_A_NUMBER = frozenset("0123456789+-.")
# rapidyaml reads a plain scalar starting with an indicator where YAML 1.1 readers refuse the file.
_INDICATORS = frozenset("!&*|>%@`?:]},#'\"[{")
_SUSPECT_START = _INDICATORS | _MAY_START_A_NUMBER
_SPECIAL_FLOATS = frozenset((".inf", "-.inf", "+.inf", ".nan"))  # rapidyaml lower-cases even quoted keys


def _core_reads_as_text(text: str) -> bool:
    if text in _CORE_WORDS or not text:
        return False
    if text[:1] not in _MAY_START_A_NUMBER:
        return True
    return _core_constructor.resolve(yaml.ScalarNode, text, (True, False)) == _CORE + "str"


@lru_cache(maxsize=65536)  # periods and numbers in quotes repeat across files
def _reads_alike(text: str) -> bool:
    """Whether a string reads the same however it was written: the core schema
    reads it as text too and no YAML 1.1 reader refuses it unquoted, or it is a
    plain number's digits (which rapidyaml writes as a JSON number when unquoted)."""
    if text[0] not in _INDICATORS and _core_reads_as_text(text):
        return True
    return _PLAIN_NUMBER.fullmatch(text) is not None


def _all_safe(data: Any, text: str, keys_written: int) -> bool:
    """Every key and string of the data reads the same on the careful path: it
    reads alike however written (`_reads_alike`), or the YAML text never writes
    it unquoted. Refuses empty, merge (`<<`) and duplicate keys (JSON keeps the last of two, so
    the data holds fewer keys than were written) and nesting deeper than the
    careful path allows."""
    stack = [(data, 0)]
    keys_kept = 0
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if type(value) is dict:
            keys_kept += len(value)
            for key in value:
                if not key or key == "<<" or (key[0] in _SUSPECT_START and not _safe_string(key, text)):
                    return False
            children = value.values()
        else:
            children = value
        for item in children:
            if type(item) is str:
                suspect = item and (item[0] in _SUSPECT_START or (len(item) < 6 and item in _CORE_WORDS))
                if suspect and not _safe_string(item, text):
                    return False
            elif type(item) is dict or type(item) is list:
                stack.append((item, depth + 1))
    return keys_kept == keys_written


def _safe_string(value: str, text: str) -> bool:
    if _reads_alike(value):
        return True
    return value.lower() not in _SPECIAL_FLOATS and not _written_plain(value, text)


def _written_plain(value: str, text: str) -> bool:
    """Whether the YAML text has a plain scalar starting like `value` (its first word):
    at the start of a line, after `[`, `{` or `,`, or after `:`, `?` or `-` and a space."""
    word = value.split(maxsplit=1)[0] if value.strip() else value
    start = text.find(word)
    while start >= 0:
        before = text[text.rfind("\n", 0, start) + 1 : start]
        indicator = before.rstrip(" ")
        if not indicator or indicator[-1] in "[{," or (indicator[-1] in ":?-" and indicator != before):
            return True
        start = text.find(word, start + 1)
    return False


def _keys_written(emitted: str) -> int:
    """How many keys rapidyaml's JSON writes (`"key": `; a quote inside a string is escaped)."""
    return emitted.count('": ') - emitted.count('\\": ')


def _no_constants(name: str):
    raise ValueError(f"not a YAML value: {name}")


def fast_parse(text: str) -> Any | None:
    """Plain data for plain YAML, or None when the careful path must decide.

    rapidyaml parses and writes JSON; `json` builds the values. What JSON no
    longer says (was a string quoted?) is checked against the text: a string
    that the core schema would read as something else unquoted (`~`, `True`,
    `010`, `0x1F`) is accepted only when the text never writes it unquoted.
    Callers use the result only when it validates without any problem; every
    problem is found again on the careful path, with its line and column."""
    if _declined_text(text):
        return None
    try:
        check_nesting(text)
        emitted = ryml.emit_json(ryml.parse_in_arena(text.encode("utf-8")))
        if not emitted:
            return None
        data = json.loads(emitted, parse_constant=_no_constants)
    except Exception:  # noqa: BLE001 - any refusal sends the file to the careful path
        return None
    if isinstance(data, dict | list):
        return data if _all_safe(data, text, _keys_written(emitted)) else None
    if isinstance(data, str):  # a document that is one string
        return data if not data or _safe_string(data, text) else None
    return data


# --- nesting, bounded before any parser runs -------------------------------

# libyaml's composer (C, through PyYAML), rapidyaml's emitter and ruamel.yaml all
# recurse once per level of nesting: a small file of 30,000 `[` overflows the C stack.
# `nesting_depth` reads the text once, without recursion, and every reader refuses a
# text deeper than SCAN_MAX_DEPTH before parsing it. The scan may over-count (a plain
# scalar's continuation line counts as a level), never under-count, so its bound sits
# above MAX_DEPTH, which the careful path then applies exactly.
SCAN_MAX_DEPTH = 2 * MAX_DEPTH + 8
_SCAN_STOPS = re.compile(r"[\[\]{}'\"#\n]")
_BLOCK_SCALAR_HEADER = re.compile(r"(?:^|[:?-] +)[|>][0-9+-]*[ \t]*(?:#.*)?$")
_FLOW_TOKEN_START = frozenset(" \t[{,:")


class TooDeep(ValueError):
    """Text nested deeper than SCAN_MAX_DEPTH; `line` and `column` (1-based) where the bound is crossed."""

    def __init__(self, line: int, column: int):
        super().__init__(f"nested deeper than {SCAN_MAX_DEPTH} levels; not parsed")
        self.line, self.column = line, column


def check_nesting(text: str) -> None:
    """Raise TooDeep when YAML `text` nests (block indentation, `- ` and `? ` items and
    flow `[`/`{` together) deeper than SCAN_MAX_DEPTH. One pass, linear in the text."""
    if not _within_bound(text):
        _scan_nesting(text)


def _scan_nesting(text: str) -> None:
    flow = 0  # open flow collections
    block: list[int] = []  # the columns of the block levels open at this line
    scalar_indent = -1  # >= 0 while inside a block scalar (|, >) opened at this indentation
    position, line_start, line = 0, 0, 1
    length = len(text)
    while position <= length:
        if position == line_start:
            end = text.find("\n", line_start)
            end = length if end < 0 else end
            body = text[line_start:end]
            content = body.lstrip(" ")
            indent = len(body) - len(content)
            if scalar_indent >= 0 and (not content.strip() or indent > scalar_indent):
                position = line_start = end + 1
                line += 1
                continue
            scalar_indent = -1
            if flow == 0 and content.strip() and not content.startswith("#"):
                while block and block[-1] >= indent:
                    block.pop()
                column = indent
                while True:
                    block.append(column)
                    rest = content[column - indent :]
                    if rest[:1] in ("-", "?") and rest[1:2] in (" ", ""):
                        stripped = rest[1:].lstrip(" ")
                        column += len(rest) - len(stripped)
                        if stripped and not stripped.startswith("#"):
                            continue
                    break
                if len(block) > SCAN_MAX_DEPTH:
                    raise TooDeep(line, column + 1)
                if _BLOCK_SCALAR_HEADER.search(content):
                    scalar_indent = indent
        match = _SCAN_STOPS.search(text, position)
        if match is None:
            return
        position = match.end()
        mark = match.group()
        if mark == "\n":
            line += 1
            line_start = position
            continue
        # Where a token may start: after a space (block context), also after `[{,:` inside a flow collection.
        at_token = match.start() == line_start or text[match.start() - 1] in (_FLOW_TOKEN_START if flow else " \t")
        if mark == "#":
            if at_token:
                newline = text.find("\n", position)
                position = length if newline < 0 else newline
            continue
        if mark in "[{":
            if flow or at_token:
                flow += 1
                if flow + len(block) > SCAN_MAX_DEPTH:
                    raise TooDeep(line, match.start() - line_start + 1)
        elif mark in "]}":
            flow = max(0, flow - 1) if flow else 0
        elif at_token:
            closing = _closing_quote(text, position, mark)
            line += text.count("\n", position, closing)
            if closing > position and "\n" in text[position:closing]:
                line_start = text.rfind("\n", position, closing) + 1
            position = closing


def _within_bound(text: str) -> bool:
    """Whether the scan below cannot reach SCAN_MAX_DEPTH, by a bound counted in C: the
    block levels open at a line are columns, strictly increasing, none past the end of the
    line's leading run of spaces, `-` and `?`; open flow collections are at most every `[`
    and `{` of the text."""
    room = SCAN_MAX_DEPTH - 1 - text.count("[") - text.count("{")
    return room >= 0 and re.search(f"^[ ?-]{{{room + 1}}}", text, re.MULTILINE) is None


def _closing_quote(text: str, start: int, quote: str) -> int:
    """The index just past the quote that closes a scalar opened before `start` (the end of the text if none)."""
    position = start
    while True:
        found = text.find(quote, position)
        if found < 0:
            return len(text)
        if quote == "'":
            if text.startswith("''", found):
                position = found + 2
                continue
            return found + 1
        before = found
        while before > start and text[before - 1] == "\\":
            before -= 1
        if (found - before) % 2:
            position = found + 1
            continue
        return found + 1
