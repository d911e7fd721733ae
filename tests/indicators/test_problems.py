"""`indicators.problems`: the one error type, how it prints, and the paths and field names it shows."""

import dataclasses
import os

import pytest

from indicators.problems import Problem, RegistryError, display_path, field_name


def test_an_error_prints_as_editors_and_ci_expect():
    problem = Problem("data/registry/egdi-rank.yaml", 12, 5, "observations[0].value", "86 is not 87", "value-invalid")
    assert str(problem) == "data/registry/egdi-rank.yaml:12:5: observations[0].value: 86 is not 87 [value-invalid]"
    assert problem.is_error


def test_a_warning_says_so_before_its_message():
    problem = Problem("x.yaml", 1, 1, "-", "file starts with a BOM", "utf8-bom", "warning")
    assert str(problem) == "x.yaml:1:1: -: warning: file starts with a BOM [utf8-bom]"
    assert not problem.is_error


def test_a_code_outside_the_catalogue_is_refused():
    with pytest.raises(ValueError, match=r"problem code 'value-wrong' is not in indicators/codes.py"):
        Problem("x.yaml", 1, 1, "-", "message", "value-wrong")


def test_problems_are_values_sorted_by_file_then_position():
    problems = [
        Problem("b.yaml", 1, 1, "-", "m", "yaml-empty"),
        Problem("a.yaml", 10, 1, "-", "m", "yaml-syntax"),
        Problem("a.yaml", 2, 9, "-", "m", "yaml-syntax"),
        Problem("a.yaml", 2, 3, "-", "m", "yaml-syntax"),
    ]
    assert [(p.path, p.line, p.column) for p in sorted(problems)] == [
        ("a.yaml", 2, 3),
        ("a.yaml", 2, 9),
        ("a.yaml", 10, 1),
        ("b.yaml", 1, 1),
    ]
    assert problems[0] == Problem("b.yaml", 1, 1, "-", "m", "yaml-empty") and len(set(problems + problems)) == 4
    with pytest.raises(dataclasses.FrozenInstanceError):
        problems[0].line = 2


def test_registry_error_counts_and_lists_the_errors_but_keeps_every_problem():
    error = Problem("a.yaml", 3, 1, "id", "id 'x' must equal the file name 'a'", "id-mismatch")
    warning = Problem("b.yaml", 1, 1, "-", "file starts with a BOM", "utf8-bom", "warning")
    raised = RegistryError([warning, error])
    assert raised.problems == [warning, error]
    assert str(raised) == f"1 problem in the registry:\n{error}"


def test_display_path_is_relative_below_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "data" / "registry" / "x.yaml") == os.path.join("data", "registry", "x.yaml")
    assert display_path("data/./registry/../sources/s.txt") == os.path.join("data", "sources", "s.txt")
    assert display_path(tmp_path) == "."


def test_display_path_is_absolute_outside_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert display_path(tmp_path / "elsewhere" / "x.yaml") == str(tmp_path / "elsewhere" / "x.yaml")
    assert display_path(tmp_path) == str(tmp_path)


def test_a_folder_whose_name_starts_with_two_dots_is_still_below(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "..data" / "x.yaml") == os.path.join("..data", "x.yaml")


@pytest.mark.parametrize(
    ("location", "name"),
    [
        (("observations", 0, "value"), "observations[0].value"),
        (("name", "vi"), "name.vi"),
        (("observations", 12, "note", "en"), "observations[12].note.en"),
        (("sectors", 0), "sectors[0]"),
        ((0,), "[0]"),
        ((), "-"),
    ],
)
def test_field_name_writes_a_location_as_a_dotted_path(location, name):
    assert field_name(location) == name
