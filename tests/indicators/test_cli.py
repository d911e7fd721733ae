import csv
import io
import json
import os
import pty
import re
import shlex
import shutil
import subprocess
import sys

import openpyxl
import pytest
from conftest import DATA, FIXTURES, PROJECT

from indicators import load_registry
from indicators.codes import markdown_table
from indicators.exports import EXPORT_COLUMNS, READER_COLUMNS, export_frame


def run_cli(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "indicators", *arguments],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_validate_passes_on_the_real_registry():
    result = run_cli("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok: 46 indicators, 274 observations, 22 sources" in result.stderr


@pytest.mark.parametrize("case", ["value-not-in-quote", "yaml-duplicate-key", "quote-not-in-source"])
def test_validate_fails_naming_the_file_and_line(case, good_data):
    shutil.copytree(FIXTURES / "bad" / case / "registry", good_data / "registry", dirs_exist_ok=True)
    result = run_cli("--data", str(good_data), "validate")
    assert result.returncode == 1
    expected = (FIXTURES / "bad" / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert result.stdout.splitlines() == [f"{good_data}/{line}" for line in expected]


def test_csv_export_round_trips_every_observation():
    result = run_cli("export", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("indicator_id,")  # no byte-order mark unless asked: tools read stdout
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == EXPORT_COLUMNS + READER_COLUMNS
    frame = export_frame(load_registry(DATA).observations_frame)
    assert len(rows) == len(frame) == 274
    for needed in ["indicator_id", "sector", "reporting_unit", "period", "year", "value", "unit", "source_id", "quote"]:
        assert needed in rows[0]
    for row, expected in zip(rows, frame.itertuples(), strict=True):
        assert row["indicator_id"] == expected.indicator_id
        assert float(row["value"]) == expected.value
        assert row["quote"] == expected.quote
        assert int(row["year"]) == expected.year


def test_csv_export_with_a_byte_order_mark_for_excel(tmp_path):
    target = tmp_path / "observations.csv"
    result = run_cli("export", "--bom", "--language", "en", "--output", str(target))
    assert result.returncode == 0 and result.stdout == "" and "wrote 274 observations" in result.stderr
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfindicator_id,")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    districts = next(row for row in rows if row["indicator_id"] == "covid-online-meetings-districts")
    assert districts["unit_vi"] == "quận, huyện" and districts["value"] == "700"
    assert districts["value_text"] == "more than 700 districts"


def test_xlsx_export_writes_a_workbook(tmp_path):
    target = tmp_path / "observations.xlsx"
    result = run_cli("export", "--format", "xlsx", "--output", str(target))
    assert result.returncode == 0, result.stderr
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["data", "sources"] and workbook["data"].max_row == 275


def test_xlsx_export_refuses_a_terminal_and_bom_refuses_json():
    controller, terminal = pty.openpty()
    try:
        refused = subprocess.run(
            [sys.executable, "-m", "indicators", "export", "--format", "xlsx"],
            cwd=PROJECT,
            stdout=terminal,
            stderr=subprocess.PIPE,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    assert refused.returncode == 2 and b"--output PATH" in refused.stderr
    result = run_cli("export", "--format", "json", "--bom")
    assert result.returncode == 2 and "CSV only" in result.stderr and result.stdout == ""


def test_json_export_matches_csv():
    rows = json.loads(run_cli("export", "--format", "json").stdout)
    assert len(rows) == 274
    vssid = next(row for row in rows if row["indicator_id"] == "vssid-accounts")
    assert vssid["value"] == 35 and vssid["unit"] == "million accounts" and vssid["unit_vi"] == "triệu tài khoản"
    assert vssid["value_in_base_unit"] == 35_000_000
    assert vssid["quote"].startswith("Phần mềm Bảo hiểm xã hội hiện có 35 triệu tài khoản")


def test_export_refuses_an_invalid_registry(good_data):
    shutil.copytree(FIXTURES / "bad" / "value-not-in-quote" / "registry", good_data / "registry", dirs_exist_ok=True)
    result = run_cli("--data", str(good_data), "export", "--format", "csv")
    assert result.returncode == 1 and result.stdout == ""
    assert "vssid-accounts.yaml:11:5" in result.stderr


def test_list_and_show():
    listing = run_cli("list").stdout.splitlines()
    assert len(listing) == 46 and listing[0].startswith("civil-servant-database-connected-agencies\t")
    shown = run_cli("show", "egdi-rank")
    assert shown.returncode == 0 and "2022: 86/193" in shown.stdout
    assert run_cli("show", "nope").returncode == 2


def test_coverage_passes_on_the_real_registry():
    result = run_cli("coverage")
    assert result.returncode == 0, result.stdout
    assert "326 numeric claims: 274 cited, 52 waived, 0 uncited" in result.stderr


def test_the_readme_lists_every_problem_code_from_the_catalogue():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    listed = readme.split("<!-- codes:start -->\n")[1].split("\n<!-- codes:end -->")[0]
    assert listed == markdown_table(), "paste indicators.codes.markdown_table() between the README's codes markers"


def test_validate_counts_errors_in_their_plural_form(good_data):
    """'1 error; fix it' and '2 errors; fix them', never '1 error(s)'."""
    shutil.copytree(
        FIXTURES / "bad" / "reporting-unit-unknown" / "registry", good_data / "registry", dirs_exist_ok=True
    )
    result = run_cli("--data", str(good_data), "validate")
    assert result.returncode == 1
    assert result.stderr == "2 errors; fix them and run again.\n"
    assert result.stdout.count("[reporting-unit-unknown]") == 2  # one per distinct unknown value
    assert "did you mean 'da-nang' or 'dak-nong'?" in result.stdout


def _readme_commands() -> list[tuple[str, list[str]]]:
    """Each `python -m indicators …` command of the README's sh blocks (continued lines
    joined, trailing comments and redirections kept), with the `# ` lines after it."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in readme.split("```sh\n")[1:]:
        lines = block.split("\n```")[0].replace("\\\n", " ").splitlines()
        for index, line in enumerate(lines):
            if line.startswith("python -m indicators"):
                output = [out[2:] for out in lines[index + 1 :] if out.startswith("# ")]
                commands.append((line, output[: next((i for i, o in enumerate(output) if not o), len(output))]))
    return commands


def _a_form(line: str) -> bool:
    """A command that shows a form rather than a run: a placeholder in capitals
    (SOURCE_ID, TABLE.csv), or a document or address of the reader's own (--file, --text, --url)."""
    words = shlex.split(line, comments=True)
    return any(re.fullmatch(r"[A-Z][A-Z_]+(\.[a-z]+)?", word) for word in words) or bool(
        {"--file", "--text", "--url"} & set(words)
    )


def test_the_readme_says_how_to_use_the_environment_before_its_first_command():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    first = readme.index("python -m indicators")
    assert readme.index(". .venv/bin/activate") < readme.index("\n", readme.index("\n## ", first))
    assert "`make venv`" in readme[: readme.index("\n## ", first)]
    make = subprocess.run(["make", "-n", "venv"], cwd=PROJECT, capture_output=True, text=True, check=False)
    assert make.returncode == 0, make.stderr


def test_every_readme_command_runs_as_written(tmp_path):
    """In a fresh folder holding a copy of the data, each command of the README exits 0,
    except the `new` example, which is refused with exactly the message shown."""
    shutil.copytree(DATA, tmp_path / "data")
    commands = [(line, output) for line, output in _readme_commands() if not _a_form(line)]
    assert len(commands) >= 6
    environment = {**os.environ, "INDICATORS_DATA": "data", "PYTHONPATH": str(PROJECT)}  # as from the project folder
    for line, documented in commands:
        words = shlex.split(line, comments=True)
        target = words[words.index(">") + 1] if ">" in words else None
        words = [sys.executable, *words[1:]] if target is None else [sys.executable, *words[1 : words.index(">")]]
        result = subprocess.run(words, cwd=tmp_path, env=environment, capture_output=True, text=True, encoding="utf-8")
        if target is not None:
            (tmp_path / target).write_text(result.stdout, encoding="utf-8")
        if " new " in line:
            assert result.returncode == 2, line
            assert result.stderr.splitlines() == documented, line
            assert not (tmp_path / "data" / "registry" / "vssid-accounts-2.yaml").exists()
        else:
            assert result.returncode == 0, f"{line}\n{result.stderr}"
