"""`indicators.schema`: the JSON Schema editors check indicator files with, generated from the models."""

import json

import jsonschema
import pytest
from conftest import DATA
from pydantic import ValidationError

from indicators.models import Indicator
from indicators.schema import schema_text
from indicators.vocabulary import DIRECTIONS, KINDS, SCALES
from indicators.yaml_reader import parse_yaml

SCHEMA = json.loads(schema_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
REGISTRY_FILES = sorted((DATA / "registry").glob("*.yaml"))


def test_the_schema_is_one_json_document_with_its_header_first():
    text = schema_text()
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert list(SCHEMA)[:2] == ["$schema", "$id"]
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == "indicator.schema.json"
    assert SCHEMA["title"] == "Indicator"
    assert SCHEMA["description"] == "One indicator of data/registry/: names, sector, unit and cited observations."
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_vietnamese_in_the_hover_help_is_written_as_is():
    assert "'trillion' for 'nghìn tỷ đồng'" in schema_text()
    assert "\\u" not in schema_text()


def test_the_lists_are_the_vocabulary_s():
    properties = SCHEMA["properties"]
    assert properties["kind"]["enum"] == list(KINDS)
    assert properties["direction"]["enum"] == list(DIRECTIONS)
    assert properties["scale"]["enum"] == list(SCALES) and properties["scale"]["default"] == "one"


def test_every_field_an_editor_writes_has_hover_help():
    observation = SCHEMA["$defs"]["Observation"]["properties"]
    undocumented = [name for name, field in observation.items() if name != "note" and not field.get("description")]
    assert undocumented == []


@pytest.mark.parametrize("path", REGISTRY_FILES, ids=lambda path: path.stem)
def test_every_registry_file_passes_the_schema(path):
    problems = []
    document = parse_yaml(path, path.read_text(encoding="utf-8"), problems)
    assert problems == []
    assert [error.message for error in VALIDATOR.iter_errors(document.data)] == []


def vssid() -> dict:
    path = DATA / "registry" / "vssid-accounts.yaml"
    return parse_yaml(path, path.read_text(encoding="utf-8"), []).data


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda data: data.update(kind="percent"), ["kind"]),
        (lambda data: data.update(observations=[]), ["observations"]),
        (lambda data: data.update(colour="red"), []),
        (lambda data: data["observations"][0].update(qoute="x"), ["observations", 0]),
        (lambda data: data["observations"][0].update(quote="x" * 5001), ["observations", 0, "quote"]),
        (lambda data: data["observations"][0].update(period=2024.5), ["observations", 0, "period"]),
        (lambda data: data["observations"][0].update(source="VOV 2024"), ["observations", 0, "source"]),
        (lambda data: data.update(id="Vssid"), ["id"]),
        (lambda data: data.pop("unit"), []),
    ],
)
def test_the_schema_refuses_what_the_model_refuses(change, where):
    data = vssid()
    assert VALIDATOR.is_valid(data)
    change(data)
    assert [list(error.absolute_path) for error in VALIDATOR.iter_errors(data)] == [where]
    with pytest.raises(ValidationError):
        Indicator.model_validate(data)
