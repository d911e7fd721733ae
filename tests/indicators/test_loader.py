"""Golden bad inputs: each case names its exact problems, file and line."""

import os
import shutil
import unicodedata
from pathlib import Path

import pytest
from conftest import FIXTURES

from indicators import RegistryError, load_registry, read_registry

BAD_CASES = sorted(path.name for path in (FIXTURES / "bad").iterdir())


def problems_of(data: Path) -> list[str]:
    return [str(problem).replace(f"{data}/", "") for problem in read_registry(data).problems]


def test_the_good_fixture_is_valid(good_data):
    registry = load_registry(good_data)
    assert len(registry.indicators) == 2
    assert len(registry.observations_frame) == 3


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_reports_exactly_the_expected_problems(case, good_data):
    shutil.copytree(FIXTURES / "bad" / case / "registry", good_data / "registry", dirs_exist_ok=True)
    expected = (FIXTURES / "bad" / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    problems = problems_of(good_data)
    assert problems == expected
    code = case.split("--")[0]  # "yaml-syntax--tabs": a second case of the same code
    assert any(line.endswith(f"[{code}]") for line in problems), f"no problem coded {code}"


@pytest.mark.parametrize("case", BAD_CASES)
def test_a_bad_file_does_not_hide_the_good_ones(case, good_data):
    shutil.copytree(FIXTURES / "bad" / case / "registry", good_data / "registry", dirs_exist_ok=True)
    registry = read_registry(good_data)
    assert "digital-product-exports" in registry.indicators
    if all(problem.severity == "warning" for problem in registry.problems):
        registry.raise_for_errors()  # warnings only: the registry loads
        return
    with pytest.raises(RegistryError) as raised:
        registry.raise_for_errors()
    assert "registry/" in str(raised.value)


def test_forbidden_tags_are_never_constructed(good_data, tmp_path):
    marker = tmp_path / "pwned"
    (good_data / "registry" / "evil.yaml").write_text(
        f'id: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8"
    )
    assert any("[yaml-tag-forbidden]" in line for line in problems_of(good_data))
    assert not marker.exists()


def test_utf8_byte_order_mark_is_a_warning_only(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    registry = read_registry(good_data)
    assert problems_of(good_data) == [
        "registry/vssid-accounts.yaml:1:1: -: warning: file starts with a UTF-8 byte-order mark; it was ignored [utf8-bom]"
    ]
    assert registry.errors == [] and "vssid-accounts" in registry.indicators


def test_crlf_line_ends_are_read_like_lf(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert problems_of(good_data) == []


def test_decomposed_vietnamese_matches_after_nfc(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    text = path.read_text(encoding="utf-8")
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    path.write_text(decomposed, encoding="utf-8")
    source = good_data / "sources" / "example-source.txt"
    source.write_text(unicodedata.normalize("NFD", source.read_text(encoding="utf-8")), encoding="utf-8")
    assert problems_of(good_data) == []
    assert read_registry(good_data).indicators["vssid-accounts"].name.vi == "Tài khoản VssID"


def test_oversize_file_is_refused_with_its_size(good_data):
    registry = read_registry(good_data, max_bytes=200)
    lines = [str(problem).replace(f"{good_data}/", "") for problem in registry.problems]
    assert any(
        line.startswith("registry/digital-product-exports.yaml:1:1: -: file is ")
        and "the limit is 200 [file-too-large]" in line
        for line in lines
    )


def test_symlink_outside_the_registry_is_not_followed(good_data, tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text("id: secret\n", encoding="utf-8")
    os.symlink(outside, good_data / "registry" / "secret.yaml")
    assert problems_of(good_data) == [
        "registry/secret.yaml:1:1: -: a symbolic link leads outside the data folder; not read [symlink-outside]"
    ]


def test_missing_data_folder_is_one_clear_problem(tmp_path):
    missing = tmp_path / "nowhere"
    (problem,) = read_registry(missing).problems
    assert problem.code == "registry-missing" and str(missing) in str(problem)


def test_unreadable_file_is_reported(good_data, monkeypatch):
    # Permission bits do not stop root (CI runs as root), so fail the read itself.
    original = os.open

    def refuse(path, *arguments, **options):
        if Path(path).name == "vssid-accounts.yaml":
            raise PermissionError(13, "Permission denied")
        return original(path, *arguments, **options)

    monkeypatch.setattr(os, "open", refuse)
    assert problems_of(good_data) == [
        "registry/vssid-accounts.yaml:1:1: -: cannot read file: Permission denied [file-unreadable]"
    ]


def test_absurd_numbers_are_rejected(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    text = path.read_text(encoding="utf-8")
    for value, code in [(".inf", "schema-finite-number"), ("1e308", "value-invalid")]:
        path.write_text(text.replace("value: 35", f"value: {value}"), encoding="utf-8")
        assert any("observations[0].value:" in line and f"[{code}]" in line for line in problems_of(good_data)), value


def test_free_period_label_needs_a_start_date(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("period: 2024-07-19", "period: Covid-19 peak month"), encoding="utf-8")
    assert problems_of(good_data) == [
        "registry/vssid-accounts.yaml:13:5: observations[0].period: 'Covid-19 peak month' is not a standard period "
        "(2024, 2024-H1, 2024-Q3, 2024-06, 2024-06-30 or 2021/2025); add period_start (YYYY-MM-DD) so it can be sorted [period-invalid]"
    ]
    path.write_text(
        text.replace("period: 2024-07-19", "period: Covid-19 peak month\n    period_start: 2021-01-01"),
        encoding="utf-8",
    )
    frame = load_registry(good_data).observations_frame
    row = frame[frame.indicator_id == "vssid-accounts"].iloc[0]
    assert (row.period, row.period_type, row.year) == ("Covid-19 peak month", "other", 2021)


def test_a_broken_taxonomy_is_one_problem_not_one_per_indicator(real_data_copy):
    (real_data_copy / "taxonomy.yaml").write_text("sectors: [\n", encoding="utf-8")
    registry = read_registry(real_data_copy)
    assert [(problem.path.endswith("taxonomy.yaml"), problem.code) for problem in registry.problems] == [
        (True, "yaml-syntax")
    ]
    assert len(registry.indicators) == 36


def test_a_value_matching_only_a_period_number_is_a_problem_not_a_crash(real_data_copy):
    """`scale: billion` left out: 6 (billion USD) now matches only the "6" of "6 tháng 2024",
    a number that is no figure of the sentence."""
    path = real_data_copy / "registry" / "software-it-services-revenue.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("scale: billion\n", ""), encoding="utf-8")
    registry = read_registry(real_data_copy)
    found = [(problem.field, problem.code) for problem in registry.problems_of("software-it-services-revenue")]
    assert found == [("observations[0].value", "value-not-in-quote"), ("observations[1].period", "period-not-in-quote")]
