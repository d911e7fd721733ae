"""`new`, `import-source` and `schema` on the real sources."""

import getpass
import hashlib
import json
import subprocess
import sys

import pytest
from conftest import PROJECT

from indicators import load_registry
from indicators.edit_log import local_author, read_entries
from indicators.paths import SCHEMA_FILE
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


def test_new_writes_a_file_that_validates(real_data_copy):
    (real_data_copy / "registry" / "vssid-accounts.yaml").unlink()  # frees the figure
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
    assert again.returncode == 2 and "is already registered: vssid-accounts-copy" in again.stderr
    (real_data_copy / "registry" / "vssid-accounts-copy.yaml").unlink()
    again = run_cli(
        "--data", str(real_data_copy), "new", "--source", VOV, "--find", "35 triệu", "--id", "vssid-accounts-copy",
        "--sector", "digital-society", "--name-vi", "x", "--name-en", "x", "--unit-en", "x", "--dry-run",
    )  # fmt: skip
    assert again.returncode == 0, again.stderr


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
        (["--find", "tỷ USD"], "is in 2 sentences; pick one with --line N (or N:S)"),
        (["--find", "tỷ USD", "--line", "x"], "--line takes a line number, or LINE:SENTENCE"),
        (["--find", "hơn 700", "--id", "x"], "no sentence before it does; add --period"),
        (["--find", "không có ở đây"], "is not in source"),
        (["--find", "35 triệu"], "'35 triệu' on line 23 is already registered: vssid-accounts"),
        (["--find", "6 tháng năm 2024: 64,9 tỷ USD, tăng 23%", "--id", "x"], "holds 2 figures; pick one with --pick N"),
    ],
)
def test_new_fails_clearly_on_ambiguous_input(arguments, message):
    result = run_cli("new", "--source", VOV, *arguments, "--dry-run")
    assert result.returncode == 2
    assert message in result.stderr


def test_line_and_sentence_pick_one_clause_of_a_line(tmp_path, real_data_copy):
    source = real_data_copy / "sources" / f"{VOV}.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nNăm 2022 đạt 5 tỷ USD. Năm 2023 đạt 5 tỷ USD.\n", "utf-8")
    refused = run_cli("--data", str(real_data_copy), "new", "--source", VOV, "--find", "đạt 5 tỷ USD", "--dry-run")
    assert refused.returncode == 2 and "--line 27:1" in refused.stderr and "--line 27:2" in refused.stderr
    picked = run_cli(
        "--data", str(real_data_copy), "new", "--source", VOV, "--find", "đạt 5 tỷ USD", "--line", "27:2",
        "--id", "x-exports", "--sector", "digital-economy", "--name-vi", "x", "--name-en", "x", "--unit-en", "USD",
        "--dry-run",
    )  # fmt: skip
    assert picked.returncode == 0, picked.stderr
    assert "period: 2023" in picked.stdout and "from the sentence ('Năm 2023')" in picked.stderr


def test_new_writes_the_context_sentence_as_period_quote(real_data_copy):
    source = real_data_copy / "sources" / f"{VOV}.txt"
    added = "\nSơ kết 6 tháng đầu năm 2024 tại Hà Nội. Cả nước đã có 512 doanh nghiệp tham gia nền tảng số.\n"
    source.write_text(source.read_text(encoding="utf-8") + added, "utf-8")
    result = run_cli(
        "--data", str(real_data_copy), "new", "--source", VOV, "--find", "512 doanh nghiệp", "--id", "platform-firms",
        "--sector", "digital-economy", "--name-vi", "x", "--name-en", "x", "--unit-en", "firms", "--dry-run",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "period: 2024-H1" in result.stdout
    assert "period_quote: Sơ kết 6 tháng đầu năm 2024 tại Hà Nội." in result.stdout
    assert "from a context sentence, written as period_quote ('6 tháng đầu năm 2024')" in result.stderr
    refused = run_cli(
        "--data", str(real_data_copy), "new", "--source", "thanh-hoa-2023-07-12-so-ket-6-thang-chuyen-doi-so",
        "--find", "479,09 tỷ đồng", "--id", "fines-copy", "--sector", "digital-government", "--name-vi", "x",
        "--name-en", "x", "--unit-en", "VND", "--dry-run",
    )  # fmt: skip
    assert refused.returncode == 2 and "add --period" in refused.stderr


def test_import_source_writes_text_and_metadata(tmp_path, real_data_copy):
    text = tmp_path / "bai-viet.txt"
    text.write_text("Năm 2024, tỉnh Bắc Ninh có 1.234 doanh nghiệp công nghệ số.\n", encoding="utf-8")
    result = run_cli(
        "--data", str(real_data_copy), "import-source", "--title", "Doanh nghiệp số Bắc Ninh", "--text", str(text),
        "--publisher", "Báo Bắc Ninh", "--date", "2024-12-20", "--url", "https://example.org/bn",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    source_id = "bao-bac-ninh-2024-12-20-doanh-nghiep-so-bac-ninh"
    registry = load_registry(real_data_copy)
    assert registry.sources[source_id].meta.publisher == "Báo Bắc Ninh"
    assert "1.234 doanh nghiệp" in registry.sources[source_id].text
    (entry,) = read_entries(real_data_copy / "edit-log.jsonl")
    assert entry["author"] == local_author() and entry["file"] == f"{source_id}.yaml"
    text_digest = hashlib.sha256(text.read_text(encoding="utf-8").encode("utf-8")).hexdigest()
    assert entry["summary"].startswith(f"import-source: {source_id} (") and entry["summary"].endswith(text_digest + ")")
    again = run_cli(
        "--data", str(real_data_copy), "import-source", "--title", "Doanh nghiệp số Bắc Ninh", "--text", str(text),
        "--publisher", "Báo Bắc Ninh", "--date", "2024-12-20",
    )  # fmt: skip
    assert again.returncode == 2 and "already exists" in again.stderr
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00")
    binary = run_cli(
        "--data", str(real_data_copy), "import-source", "--title", "x", "--text", str(tmp_path / "binary.txt")
    )
    assert binary.returncode == 2 and "UTF-8" in binary.stderr


README_NEW = [
    "new", "--source", VOV, "--find", "35 triệu", "--id", "vssid-accounts-2", "--sector", "digital-society",
    "--name-vi", "Tài khoản VssID", "--name-en", "VssID accounts", "--unit-en", "accounts",
]  # fmt: skip


def test_the_readmes_new_example_refuses_a_figure_already_registered(real_data_copy):
    result = run_cli("--data", str(real_data_copy), *README_NEW)
    assert result.returncode == 2
    assert result.stderr == (
        f"new: '35 triệu' on line 23 is already registered: vssid-accounts ({real_data_copy}/registry/"
        "vssid-accounts.yaml); one figure is one observation. To add another figure of the source to that "
        "indicator, use --indicator vssid-accounts\n"
    )
    assert not (real_data_copy / "registry" / "vssid-accounts-2.yaml").exists()


def _without_observation(path, value_line: str) -> None:
    """Remove the observation starting with `value_line` from a registry file."""
    text = path.read_text(encoding="utf-8")
    start = text.index(value_line)
    end = text.find("\n  - value:", start + 1)
    path.write_text(text[:start] + (text[end + 1 :] if end >= 0 else ""), encoding="utf-8")


def test_new_warns_when_other_figures_of_the_sentence_are_registered(real_data_copy):
    _without_observation(real_data_copy / "registry" / "software-it-services-exports.yaml", "  - value: 3\n")
    result = run_cli(
        "--data", str(real_data_copy), "new", "--source", VOV, "--find", "3 tỷ", "--id", "x-exports",
        "--sector", "digital-economy", "--name-vi", "x", "--name-en", "x", "--unit-en", "USD", "--dry-run",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "new: warning: other figures of this sentence (line 19) are registered under software-it-services-exports, "
        "software-it-services-revenue; if '3 tỷ' belongs with them, use --indicator software-it-services-exports "
        "instead"
    )


def test_find_matches_whole_numbers_and_takes_the_figure_written_exactly(real_data_copy):
    """'3 tỷ' is not inside '13 tỷ' nor '117,3 tỷ'; on line 19 one figure is '3 tỷ' (then 'USD')."""
    from indicators.proposals import sentences_containing, whole_number_matches

    registry = load_registry(real_data_copy)
    assert [sentence.line for sentence in sentences_containing(registry.sources[VOV], "3 tỷ")] == [19]
    assert whole_number_matches("đạt 117,3 tỷ USD, 13 tỷ USD, gần 3 tỷ USD", "3 tỷ") == [33]
    assert whole_number_matches("2.087.114 hồ sơ và 87.114 hồ sơ", "87.114") == [19]
    _without_observation(real_data_copy / "registry" / "software-it-services-exports.yaml", "  - value: 3\n")
    result = run_cli(
        "--data", str(real_data_copy), "new", "--source", VOV, "--find", "3 tỷ", "--line", "19",
        "--indicator", "software-it-services-exports", "--dry-run",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (
        "new: '3 tỷ': value 3 (billion), period 2024-H1 from the sentence ('6 tháng 2024'), reporting unit vn"
    )


def test_the_summary_writes_numbers_as_the_registry_does(real_data_copy):
    (real_data_copy / "registry" / "civil-servant-database-records.yaml").unlink()
    result = run_cli(
        "--data", str(real_data_copy), "new", "--source", "thanh-hoa-2023-07-12-so-ket-6-thang-chuyen-doi-so",
        "--find", "2.087.114", "--id", "records", "--sector", "digital-government", "--name-vi", "x",
        "--name-en", "x", "--unit-en", "records", "--dry-run",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "value 2087114 (one)" in result.stderr and "e+06" not in result.stderr


def test_validate_reports_two_indicators_citing_one_figure(real_data_copy):
    registry = real_data_copy / "registry"
    text = (registry / "vssid-accounts.yaml").read_text(encoding="utf-8")
    (registry / "vssid-accounts-2.yaml").write_text(text.replace("id: vssid-accounts\n", "id: vssid-accounts-2\n"))
    line = text[: text.index("    quote:")].count("\n") + 1
    result = run_cli("--data", str(real_data_copy), "validate")
    assert result.returncode == 1
    assert result.stdout == (
        f"{registry}/vssid-accounts-2.yaml:{line}:5: observations[0].quote: indicator 'vssid-accounts' "
        f"({registry}/vssid-accounts.yaml) already cites this figure of this sentence; one figure is one "
        "observation: remove this one, or file it under 'vssid-accounts' [figure-cited-twice]\n"
    )
    assert result.stderr == "1 error; fix it and run again.\n"


def test_one_sentence_may_state_the_same_amount_for_two_indicators():
    """'1 Nghị định, 2 Chỉ thị, 1 Công điện': decrees and dispatches are both 1, two figures."""
    registry = load_registry()
    assert registry.rows["digital-transformation-decrees-issued"]["value"] == [1]
    assert registry.rows["digital-transformation-official-dispatches-issued"]["value"] == [1]
    assert not [problem for problem in registry.problems if problem.code == "figure-cited-twice"]
