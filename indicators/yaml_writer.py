"""Writing YAML the way the editor does: ruamel.yaml's round trip (YAML 1.2),
keeping comments, key order and quoting, never re-wrapping a line, and quoting
every new string that a reader could take for something else."""

from __future__ import annotations

import io
import sys
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from indicators.yaml_reader import check_nesting, plain_reads_as_text


def round_trip_yaml() -> YAML:
    """A ruamel.yaml round-trip reader/writer with the registry's layout."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = sys.maxsize  # an edit changes only the lines it touches, however long the others
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


def dump(data: Any) -> str:
    """`data` as YAML text, laid out as above; round-trip data keeps its comments and
    styles (pass new plain data through `yaml_value` first)."""
    stream = io.StringIO()
    round_trip_yaml().dump(data, stream)
    return stream.getvalue()


def load(text: str) -> Any:
    """Round-trip data (comments and styles attached) from YAML text.

    Raises `yaml_reader.TooDeep` (a ValueError) before parsing a text nested too deeply."""
    check_nesting(text)
    return round_trip_yaml().load(text)
