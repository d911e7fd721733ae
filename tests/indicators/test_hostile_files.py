"""Files a careless or hostile hand can put in the data folder: nesting that would
overflow a parser's stack, links that leave the folder, names that are not files.
Each is refused with a code, naming the file; the rest of the registry still loads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

from indicators import read_registry
from indicators.coverage import coverage_report
from indicators.editing import open_draft
from indicators.files import read_text
from indicators.yaml_reader import SCAN_MAX_DEPTH, TooDeep, check_nesting, fast_parse, parse_yaml

FLOW = "x: " + "[" * 30000 + "]" * 30000 + "\n"
COMPACT = "x:\n" + "- " * 200_000 + "1\n"
INDENTED = "".join(" " * level + f"k{level}:\n" for level in range(400)) + " " * 400 + "v: 1\n"
MIXED = "a:\n" + "".join("  " * level + "- " + "{b: [" for level in range(60)) + "\n"


def cli(data: Path, *arguments: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "indicators", "--data", str(data), *arguments]
    return subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.mark.parametrize("text", [FLOW, COMPACT, INDENTED, MIXED], ids=["flow", "compact", "indented", "mixed"])
def test_deep_text_is_refused_before_any_parser_recurses(text, tmp_path):
    with pytest.raises(TooDeep) as deep:
        check_nesting(text)
    assert deep.value.line >= 1
    problems = []
    assert parse_yaml(tmp_path / "deep.yaml", text, problems) is None
    assert [problem.code for problem in problems] == ["yaml-too-deep"]
    assert fast_parse(text) is None


def test_the_scan_counts_quotes_comments_and_block_scalars_as_text():
    text = (
        "a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n"
        'b: "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{"\n'
        "c: x[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"
        "# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"
        "d: |\n" + "".join("  " + " " * level + "- - - - -\n" for level in range(100))
    )
    check_nesting(text)  # no TooDeep
    assert parse_yaml(Path("ok.yaml"), text, []) is not None


def test_nesting_just_inside_the_bound_still_parses_and_meets_the_exact_limit():
    text = "x: " + "[" * (SCAN_MAX_DEPTH - 2) + "]" * (SCAN_MAX_DEPTH - 2) + "\n"
    check_nesting(text)
    problems = []
    assert parse_yaml(Path("d.yaml"), text, problems) is None
    assert [problem.code for problem in problems] == ["yaml-too-deep"]  # the careful path's exact bound of 32


@pytest.mark.parametrize(
    "relative",
    [
        "registry/deep.yaml",
        "sources/deep-2024-01-02-a.yaml",
        "coverage-waivers.yaml",
        "taxonomy.yaml",
        "reporting-units/ministries.yaml",
    ],
)
def test_a_deep_file_anywhere_names_the_file_and_validate_exits_1(relative, real_data_copy):
    (real_data_copy / relative).write_text(FLOW, encoding="utf-8")
    if relative.startswith("sources/"):
        (real_data_copy / relative).with_suffix(".txt").write_text("Một dòng.\n", encoding="utf-8")
    command = "coverage" if relative == "coverage-waivers.yaml" else "validate"
    result = cli(real_data_copy, command)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{relative}:1:" in result.stdout + result.stderr
    assert "[yaml-too-deep]" in result.stdout + result.stderr


def test_a_deep_registry_file_leaves_the_rest_of_the_registry_loaded(real_data_copy):
    (real_data_copy / "registry" / "deep.yaml").write_text(FLOW, encoding="utf-8")
    registry = read_registry(real_data_copy)
    assert set(registry.indicators) == {path.stem for path in (real_data_copy / "registry").glob("*.yaml")} - {"deep"}
    assert [(Path(problem.path).name, problem.code) for problem in registry.problems] == [
        ("deep.yaml", "yaml-too-deep")
    ]


def test_the_editor_refuses_to_open_a_deep_file(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text(FLOW, encoding="utf-8")
    with pytest.raises(TooDeep):
        open_draft(path)


# --- one rule for every file of the data folder --------------------------

LEAKED_LINE = "cookie_secret = 'do-not-show-8f3a'\n"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secrets.toml"
    path.write_text(LEAKED_LINE, encoding="utf-8")
    return path


def link_source_text(data: Path, target: Path, source_id: str = "x-2024-01-02-a") -> None:
    (data / "sources" / f"{source_id}.yaml").write_text(
        f"id: {source_id}\ntitle: Một bài\npublisher: Báo X\npublished: 2024-01-02\nlanguage: vi\naccessed: 2024-01-03\n",
        encoding="utf-8",
    )
    os.symlink(target, data / "sources" / f"{source_id}.txt")


def test_a_linked_source_text_is_refused_in_validate_coverage_and_show(real_data_copy, secret):
    link_source_text(real_data_copy, secret)
    for command in (["validate"], ["coverage"]):
        result = cli(real_data_copy, *command)
        assert result.returncode == 1, command
        assert "do-not-show" not in result.stdout + result.stderr
        output = result.stdout + result.stderr
        assert "sources/x-2024-01-02-a.txt:1:1: -: a symbolic link leads outside the data folder" in output
    result = cli(real_data_copy, "show", "vssid-accounts")
    assert "do-not-show" not in result.stdout + result.stderr
    registry = read_registry(real_data_copy)
    assert "x-2024-01-02-a" not in registry.sources
    claims, _ = coverage_report(registry)
    assert all(claim.source_id != "x-2024-01-02-a" for claim in claims)


@pytest.mark.parametrize(
    "relative",
    [
        "taxonomy.yaml",
        "coverage-waivers.yaml",
        "reporting-units/ministries.yaml",
        "registry/vssid-accounts.yaml",
        "sources/vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha.yaml",
    ],
)
def test_every_yaml_of_the_data_folder_refuses_a_link_leading_out(relative, real_data_copy, secret):
    path = real_data_copy / relative
    path.unlink()
    os.symlink(secret, path)
    registry = read_registry(real_data_copy)
    problems = list(registry.problems)
    if relative == "coverage-waivers.yaml":
        problems = coverage_report(registry)[1]
    assert (relative, "symlink-outside") in [(problem.path.split("/data/")[-1], problem.code) for problem in problems]


def test_a_link_inside_the_data_folder_is_followed(real_data_copy):
    target = real_data_copy / "registry" / "vssid-accounts.yaml"
    moved = real_data_copy / "vssid-accounts.yaml.orig"
    target.rename(moved)
    os.symlink(moved, target)
    registry = read_registry(real_data_copy)
    assert "vssid-accounts" in registry.indicators and registry.problems == []


def test_a_fifo_or_a_folder_is_refused_without_blocking(real_data_copy):
    fifo = real_data_copy / "registry" / "pipe.yaml"
    os.mkfifo(fifo)
    (real_data_copy / "registry" / "folder.yaml").mkdir()
    sources = real_data_copy / "sources"
    (sources / "vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha.txt").unlink()
    os.mkfifo(sources / "vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha.txt")
    result = cli(real_data_copy, "validate")
    assert result.returncode == 1
    assert "registry/pipe.yaml:1:1: -: not a regular file" in result.stdout
    assert "registry/folder.yaml:1:1: -: not a regular file" in result.stdout
    assert "vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha.txt:1:1: -: not a regular file" in result.stdout


def test_read_text_refuses_a_link_out_of_the_given_root(tmp_path, secret):
    data = tmp_path / "data"
    data.mkdir()
    os.symlink(secret, data / "taxonomy.yaml")
    problems = []
    assert read_text(data / "taxonomy.yaml", problems, root=data) is None
    assert [problem.code for problem in problems] == ["symlink-outside"]


def test_an_edit_log_linked_outside_is_neither_read_nor_written(real_data_copy, secret):
    from indicators.edit_log import local_author, verify
    from indicators.editing import digest, save_text

    log = real_data_copy / "edit-log.jsonl"
    log.unlink(missing_ok=True)
    os.symlink(secret, log)
    check = verify(log)
    assert not check.ok and [problem.code for problem in check.problems] == ["symlink-outside"]
    path = real_data_copy / "registry" / "vssid-accounts.yaml"
    before = path.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="link"):
        save_text(path, before + "# x\n", digest(before), local_author())
    assert path.read_text(encoding="utf-8") == before and secret.read_text(encoding="utf-8") == LEAKED_LINE


def _random_texts(count: int):
    """Texts near the nesting limit: staircases of indentation with items, quotes, comments
    and flow marks, and the exact edge (one column a level, then flow marks)."""
    import random

    marks = ["- ", "- ", "? ", " ", "k: ", "'q' ", "# ", "-x", "x", "[x] ", "{x} "]
    rng = random.Random(20)
    for _ in range(count):
        lines, indent = [], 0
        for _ in range(rng.randint(1, 2 * SCAN_MAX_DEPTH)):
            indent = max(0, indent + rng.choice([-2, 0, 1, 2, 2]))
            lines.append(" " * indent + "".join(rng.choice(marks) for _ in range(rng.randint(0, 6))) + "k:")
        flow = rng.randint(0, SCAN_MAX_DEPTH // 2)
        yield "\n".join(lines) + " " + "[" * flow + "]" * flow + "\n"
    for levels in range(SCAN_MAX_DEPTH - 12, SCAN_MAX_DEPTH + 2):
        for flow in range(0, 12):
            staircase = "".join(" " * level + "k:\n" for level in range(levels - 1))
            yield staircase + " " * (levels - 1) + "k: " + "[" * flow + "]" * flow + "\n"
            yield "- " * levels + "x: " + "{" * flow + "}" * flow + "\n"


def test_the_quick_bound_never_passes_a_text_the_scan_refuses():
    """`check_nesting` skips its scan when a bound counted in C says it cannot reach the
    limit: on texts around the limit it refuses exactly what the scan refuses."""
    from indicators.yaml_reader import _scan_nesting, _within_bound

    refused = skipped = 0
    for text in _random_texts(1500):
        try:
            _scan_nesting(text)
        except TooDeep:
            refused += 1
            assert not _within_bound(text), text
            with pytest.raises(TooDeep):
                check_nesting(text)
        else:
            check_nesting(text)
            skipped += _within_bound(text)
    assert refused > 50 and skipped > 50  # both sides of the limit were met
