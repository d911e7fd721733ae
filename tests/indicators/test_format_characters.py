"""Invisible format characters (Unicode Cf) are refused wherever text is read: a
right-to-left override can make a quote show "12%" while 21 is what was checked."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from indicators import read_registry
from indicators.editing import check_text
from indicators.files import FORMAT_CHARACTERS, TextError, decode_text

OVERRIDE = "\u202e"
POP = "\u202c"


def codes_and_places(registry):
    return [
        (problem.path.rsplit("/", 2)[-2:], problem.line, problem.column, problem.code) for problem in registry.problems
    ]


def test_every_format_character_is_in_the_refused_set():
    missing = [hex(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cf"]
    missing = [code for code in missing if not FORMAT_CHARACTERS.fullmatch(chr(int(code, 16)))]
    assert missing == []
    for allowed in "đạt 21% trên cả nước, “trích dẫn” — 35 triệu\n\t":
        assert not FORMAT_CHARACTERS.fullmatch(allowed)


@pytest.mark.parametrize("character", ["\u202a", "\u202e", "\u2066", "\u2069", "\u200b", "\u200d", "\u00ad", "\ufeff"])
def test_decoding_refuses_each_with_its_line_and_column(character):
    raw = f"Dòng một.\nTỷ lệ đạt {character}%21 trên cả nước.\n".encode()
    with pytest.raises(TextError) as refused:
        decode_text(raw, 10_000)
    assert (refused.value.code, refused.value.line, refused.value.column) == ("text-format-character", 2, 11)
    assert f"U+{ord(character):04X}" in str(refused.value)


def test_a_source_with_an_override_is_refused_and_its_figure_not_proven(good_data):
    text_path = good_data / "sources" / "example-source.txt"
    lines = text_path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace("35", f"{OVERRIDE}53{POP}")
    text_path.write_text("".join(lines), encoding="utf-8")
    registry = read_registry(good_data)
    assert (["sources", "example-source.txt"], 3, 34, "text-format-character") in codes_and_places(registry)
    assert "example-source" not in registry.sources


def test_a_quote_or_name_with_an_override_is_refused(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    text = path.read_text(encoding="utf-8").replace("hiện có 35", f"hiện có {OVERRIDE}35{POP}")
    path.write_text(text, encoding="utf-8")
    registry = read_registry(good_data)
    assert (["registry", "vssid-accounts.yaml"], 15, 46, "text-format-character") in codes_and_places(registry)
    assert "vssid-accounts" not in registry.indicators


def test_the_editor_refuses_an_override_in_its_text(good_data):
    registry = read_registry(good_data)
    path = good_data / "registry" / "vssid-accounts.yaml"
    text = path.read_text(encoding="utf-8").replace("VssID accounts}", f"VssID {OVERRIDE}accounts}}")
    indicator, problems = check_text(registry, path, text)
    assert indicator is None
    assert [(problem.line, problem.column, problem.code) for problem in problems] == [(3, 39, "text-format-character")]
