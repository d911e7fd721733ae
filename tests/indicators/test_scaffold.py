"""`new` and `schema` on the real sources."""

import getpass
import json
import subprocess
import sys

import pytest
from conftest import PROJECT

from indicators import load_registry
from indicators.edit_log import read_entries
from indicators.paths import SCHEMA_FILE
from indicators.proposals import propose, sentences_containing
from indicators.schema import schema_text

VOV = "vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha"


def run_cli(*arguments: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "indicators", *arguments]
    return subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, encoding="utf-8", check=False)


def test_committed_schema_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "run `python -m indicators schema`"
    schema = json.loads(schema_text())
    assert set(schema["required"]) >= {"id", "name", "sector", "unit", "observations"}
    assert schema["additionalProperties"] is False


def test_every_registry_file_points_editors_at_the_schema():
    for path in (PROJECT / "data" / "registry").glob("*.yaml"):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../../schemas/indicator.schema.json\n"
        ), path.name


@pytest.mark.parametrize(
    ("find", "value", "scale", "unit", "kind", "period", "qualifier", "out_of"),
    [
        ("35 triệu", 35, "million", "tài khoản", "count", "2024-07-19", None, None),
        ("113,5 tỷ USD", 113.5, "billion", "USD", "amount", "2021", None, None),
        ("64,9 tỷ USD", 64.9, "billion", "USD", "amount", "2024-H1", None, None),
        ("gần 3 tỷ USD", 3, "billion", "USD", "amount", "2024-H1", "nearly", None),
        ("86/193", 86, "one", "", "rank", "2022", None, 193),
        ("cấp độ 6/10", 6, "one", "", "level", "2023", None, 10),
        ("8.280 tỷ đồng", 8280, "billion", "đồng", "amount", "2024-07-19", "more-than", None),
    ],
)
def test_proposals_read_the_sentence_like_an_editor(find, value, scale, unit, kind, period, qualifier, out_of):
    registry = load_registry()
    (sentence,) = sentences_containing(registry.sources[VOV], find)
    (proposal,) = propose(sentence.text, find, "2024-07-19")
    assert (proposal.value, proposal.scale, proposal.unit_vi, proposal.kind) == (value, scale, unit, kind)
    assert (proposal.period, proposal.qualifier, proposal.out_of) == (period, qualifier, out_of)


def test_new_writes_a_file_that_validates(real_data_copy):
    result = run_cli(
        "--data", str(real_data_copy), "new", "--source", VOV, "--find", "35 triệu", "--id", "vssid-accounts-copy",
        "--sector", "digital-society", "--name-vi", "Tài khoản VssID", "--name-en", "VssID accounts", "--unit-en", "accounts",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    written = real_data_copy / "registry" / "vssid-accounts-copy.yaml"
    assert "value: 35" in written.read_text(encoding="utf-8")
    assert run_cli("--data", str(real_data_copy), "validate").returncode == 0
    entry = read_entries(real_data_copy / "edit-log.jsonl")[-1]
    assert entry["file"] == "vssid-accounts-copy.yaml"
    assert entry["author"] == {"kind": "local", "user": getpass.getuser()}  # the command line's user, marked so
    again = run_cli(
        "--data", str(real_data_copy), "new", "--source", VOV, "--find", "35 triệu", "--id", "vssid-accounts-copy",
        "--sector", "digital-society", "--name-vi", "x", "--name-en", "x", "--unit-en", "x",
    )  # fmt: skip
    assert again.returncode == 2 and "already exists" in again.stderr


def test_new_adds_an_observation_to_an_existing_indicator(real_data_copy):
    path = real_data_copy / "registry" / "digital-product-exports.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - value: 117.3")], encoding="utf-8")
    result = run_cli(
        "--data",
        str(real_data_copy),
        "new",
        "--source",
        VOV,
        "--find",
        "117,3 tỷ USD",
        "--indicator",
        "digital-product-exports",
    )
    assert result.returncode == 0, result.stderr
    periods = [o.period for o in load_registry(real_data_copy).observations("digital-product-exports")]
    assert periods == ["2021", "2023"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--find", "tỷ USD"], "is in 2 sentences; pick one with --line N"),
        (["--find", "không có ở đây"], "is not in source"),
        (["--find", "35 triệu"], "a new indicator also needs --id --sector --name-vi --name-en --unit-en"),
        (["--find", "6 tháng năm 2024: 64,9 tỷ USD, tăng 23%", "--id", "x"], "holds 2 figures; pick one with --pick N"),
    ],
)
def test_new_fails_clearly_on_ambiguous_input(arguments, message):
    result = run_cli("new", "--source", VOV, *arguments, "--dry-run")
    assert result.returncode == 2
    assert message in result.stderr
