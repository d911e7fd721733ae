"""`indicators.codes`: every problem code with what it means and how to fix it, and `validate --explain`."""

import ast
import re
import typing

import pytest
from conftest import PROJECT
from pydantic_core.core_schema import ErrorType

from indicators import cli
from indicators.codes import CATALOGUE, VIETNAMESE, explain, markdown_table, schema_code

CODE_FORM = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+$")
SOURCES = sorted((PROJECT / "indicators").rglob("*.py"))


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_every_code_says_what_it_means_and_how_to_fix_it(name):
    entry = CATALOGUE[name]
    assert entry.name == name and CODE_FORM.match(name)
    for text in (entry.summary, entry.fix):
        assert text == text.strip() and len(text) >= 10 and text[0].isupper() and text.endswith((".", ")"))


def test_every_code_is_explained_in_vietnamese_too():
    assert list(VIETNAMESE) == list(CATALOGUE)
    for name, entry in CATALOGUE.items():
        summary, fix = entry.summary_in("vi"), entry.fix_in("vi")
        assert (summary, fix) == VIETNAMESE[name]
        assert (entry.summary_in("en"), entry.fix_in("en")) == (entry.summary, entry.fix)
        for text, english in ((summary, entry.summary), (fix, entry.fix)):
            assert text == text.strip() and text[0].isupper() and text.endswith((".", ")")), name
            assert text != english, name


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_validate_explain_prints_the_entry(name, capsys):
    assert cli.main(["validate", "--explain", name]) == 0
    out, err = capsys.readouterr()
    entry = CATALOGUE[name]
    assert out == f"{name}: {entry.summary}\n  fix: {entry.fix}\n" == explain(name) + "\n"
    assert err == ""


def test_validate_explain_of_an_unknown_code_lists_the_codes(capsys):
    assert cli.main(["validate", "--explain", "value-wrong"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"no problem code 'value-wrong'; codes: {', '.join(CATALOGUE)}\n"


def test_explain_refuses_an_unknown_code():
    with pytest.raises(KeyError):
        explain("value-wrong")


def test_the_table_has_one_row_per_code_in_catalogue_order():
    rows = markdown_table().splitlines()
    assert rows[:2] == ["| code | what it means | how to fix it |", "| --- | --- | --- |"]
    assert [row.split(" | ")[0] for row in rows[2:]] == [f"| `{name}`" for name in CATALOGUE]  # no name twice
    assert rows[2 + list(CATALOGUE).index("utf8-bom")] == (
        "| `utf8-bom` | The file starts with a UTF-8 byte-order mark (a warning; it is ignored). "
        "| Save it as UTF-8 without BOM. |"
    )


@pytest.mark.parametrize(
    ("pydantic_type", "code"),
    [
        ("float_parsing", "schema-float-parsing"),
        ("missing", "schema-missing"),
        ("extra_forbidden", "schema-extra-forbidden"),
        ("string_pattern_mismatch", "schema-string-pattern-mismatch"),
        ("url_parsing", "schema-invalid"),  # a pydantic type the catalogue has no entry for
        ("", "schema-invalid"),
    ],
)
def test_schema_code_maps_pydantic_error_types(pydantic_type, code):
    assert schema_code(pydantic_type) == code


def test_every_schema_code_is_a_pydantic_error_type():
    types = set(typing.get_args(ErrorType))
    names = [name for name in CATALOGUE if name.startswith("schema-") and name != "schema-invalid"]
    assert [name for name in names if name.removeprefix("schema-").replace("-", "_") not in types] == []
    assert all(schema_code(name.removeprefix("schema-").replace("-", "_")) == name for name in names)


def string_constants(tree) -> set[str]:
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def codes_passed_to_problems(tree) -> set[str]:
    """Code-like strings given to the constructors and helpers that carry a problem's code."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if called in {"Problem", "Finding", "_Invalid", "TextError", "report"}:
                arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
                found |= {
                    text for argument in arguments for text in string_constants(argument) if CODE_FORM.match(text)
                }
    return found


def test_every_code_the_validator_reports_is_in_the_catalogue():
    reported = set().union(*(codes_passed_to_problems(ast.parse(path.read_text(encoding="utf-8"))) for path in SOURCES))
    assert len(reported) > 25
    assert reported - set(CATALOGUE) == set()


def test_every_code_outside_the_schema_is_reported_somewhere():
    used = set().union(
        *(string_constants(ast.parse(path.read_text(encoding="utf-8"))) for path in SOURCES if path.name != "codes.py")
    )
    unused = [name for name in CATALOGUE if not name.startswith("schema-") and name not in used]
    assert unused == []
