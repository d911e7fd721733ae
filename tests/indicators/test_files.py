"""`indicators.files`: the one UTF-8 reader with its limits, and the atomic writer."""

import os
import stat
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.files import FORMAT_CHARACTERS, TextError, atomic_write, decode_text, read_exact, read_text
from indicators.problems import display_path

BOM = b"\xef\xbb\xbf"
LINE = "Năm 2024, Hà Nội có 1.234 doanh nghiệp số."


def refused(raw: bytes, max_bytes: int = 1_000) -> TextError:
    with pytest.raises(TextError) as raised:
        decode_text(raw, max_bytes)
    return raised.value


def test_decode_text_gives_nfc_and_keeps_line_ends():
    raw = unicodedata.normalize("NFD", f"{LINE}\r\n{LINE}\n").encode("utf-8")
    assert decode_text(raw, 1_000) == (f"{LINE}\r\n{LINE}\n", False)


def test_decode_text_drops_a_byte_order_mark_and_says_so():
    assert decode_text(BOM + LINE.encode("utf-8"), 1_000) == (LINE, True)
    assert decode_text(BOM, 1_000) == ("", True)


def test_decode_text_limit_is_inclusive():
    raw = LINE.encode("utf-8")
    assert decode_text(raw, len(raw)) == (LINE, False)
    error = refused(raw + b"x", len(raw))
    assert (error.code, str(error)) == ("file-too-large", f"file is {len(raw) + 1:,} bytes; the limit is {len(raw):,}")


def test_windows_1258_text_is_refused_at_the_first_bad_character():
    raw = "id: hanoi\nname: {vi: Hà Nam}\n".encode("cp1258")
    error = refused(raw)
    assert error.code == "encoding-invalid"
    assert str(error) == "file is not valid UTF-8 (byte 0xe0); save it as UTF-8"
    assert (error.line, error.column) == (2, 13)


def test_the_column_of_a_bad_byte_counts_characters_not_bytes():
    # What an editor shows: "Hà Nội có " is 10 characters (15 bytes) before the bad byte.
    error = refused("ok\nHà Nội có ".encode() + b"\xff" + " 5 tỉnh\n".encode())
    assert (error.line, error.column) == (2, 11)


def test_a_character_cut_short_at_the_end_is_invalid():
    raw = "Đà Nẵ".encode()[:-1]
    error = refused(raw)
    assert (error.code, error.line, error.column) == ("encoding-invalid", 1, 5)


def test_utf16_from_notepad_is_not_utf8():
    error = refused(LINE.encode("utf-16"))
    assert (error.code, error.line, error.column) == ("encoding-invalid", 1, 1)
    assert "(byte 0xff)" in str(error)


def test_a_nul_byte_means_binary():
    error = refused(b"%PDF-1.7\n\x00\x01")
    assert (error.code, str(error)) == ("file-binary", "file is binary, not text")


def test_read_text_reads_nfc_without_problems(tmp_path):
    path = tmp_path / "source.txt"
    path.write_bytes(unicodedata.normalize("NFD", LINE + "\r\n").encode("utf-8"))
    problems = []
    assert read_text(path, problems) == LINE + "\r\n"
    assert problems == []


def test_read_text_warns_about_a_byte_order_mark_and_reads_on(tmp_path):
    path = tmp_path / "taxonomy.yaml"
    path.write_bytes(BOM + b"sectors: []\n")
    problems = []
    assert read_text(path, problems) == "sectors: []\n"
    assert [str(problem) for problem in problems] == [
        f"{display_path(path)}:1:1: -: warning: file starts with a UTF-8 byte-order mark; it was ignored [utf8-bom]"
    ]
    assert not problems[0].is_error


def test_read_text_refuses_a_large_file_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2_001)

    def never(self):
        raise AssertionError("a file over the limit is read")

    monkeypatch.setattr(Path, "read_bytes", never)
    problems = []
    assert read_text(path, problems, max_bytes=2_000) is None
    assert [(problem.code, problem.message) for problem in problems] == [
        ("file-too-large", "file is 2,001 bytes; the limit is 2,000")
    ]


def test_read_text_reports_where_a_file_stops_being_utf8(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("id: x\nname: {vi: Hà Nam}\n".encode("cp1258"))
    problems = []
    assert read_text(path, problems) is None
    (problem,) = problems
    assert (problem.path, problem.line, problem.column, problem.code) == (display_path(path), 2, 13, "encoding-invalid")


def test_read_text_of_a_missing_file_says_it_is_missing(tmp_path):
    problems = []
    assert read_text(tmp_path / "gone.yaml", problems) is None
    assert [(problem.code, problem.message) for problem in problems] == [
        ("file-missing", "cannot read file: No such file or directory")
    ]


def test_read_text_of_a_folder_says_it_is_not_a_regular_file(tmp_path):
    folder = tmp_path / "registry.yaml"
    folder.mkdir()
    problems = []
    assert read_text(folder, problems) is None
    assert [(problem.code, problem.message) for problem in problems] == [
        ("file-not-regular", "not a regular file (a folder, pipe, device or socket); not read")
    ]


def test_read_exact_keeps_the_bytes_meaning_as_they_are(tmp_path):
    path = tmp_path / "x.yaml"
    text = unicodedata.normalize("NFD", "vi: Hà Nội\r\n")
    path.write_bytes(text.encode("utf-8"))
    assert read_exact(path) == text
    assert read_exact(tmp_path / "absent.yaml") is None


def test_atomic_write_replaces_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "vssid-accounts.yaml"
    path.write_text("old\n", encoding="utf-8")
    atomic_write(path, "mới\n")
    atomic_write(tmp_path / "cache.bin", b"\x00\xff")
    assert path.read_bytes() == "mới\n".encode()
    assert (tmp_path / "cache.bin").read_bytes() == b"\x00\xff"
    assert sorted(os.listdir(tmp_path)) == ["cache.bin", "vssid-accounts.yaml"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary(tmp_path, monkeypatch):
    path = tmp_path / "vssid-accounts.yaml"
    path.write_text("old\n", encoding="utf-8")

    def disk_full(*arguments):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["vssid-accounts.yaml"]


def test_an_interrupted_write_removes_the_temporary(tmp_path, monkeypatch):
    path = tmp_path / "new.yaml"

    def interrupted(descriptor):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, "text\n")
    assert os.listdir(tmp_path) == []


def test_atomic_write_into_a_missing_folder_fails_and_creates_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "no-such-folder" / "x.yaml", "x")
    assert os.listdir(tmp_path) == []


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_rewritten_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "vssid-accounts.yaml"
    path.write_text("old\n", encoding="utf-8")
    for permissions in (0o644, 0o664, 0o640):
        path.chmod(permissions)
        atomic_write(path, "new\n")
        assert mode(path) == permissions


def test_a_new_file_gets_the_permissions_of_any_new_file(tmp_path):
    umask = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new.txt", "x")
        (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    finally:
        os.umask(umask)
    assert mode(tmp_path / "new.txt") == mode(tmp_path / "plain.txt") == 0o640


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(st.text())
def test_whatever_is_written_reads_back(tmp_path, text):
    path = tmp_path / "round-trip.txt"
    atomic_write(path, text)
    assert read_exact(path) == text
    problems = []
    if "\x00" in text:
        assert read_text(path, problems) is None and [problem.code for problem in problems] == ["file-binary"]
    elif FORMAT_CHARACTERS.search(text.removeprefix("\ufeff")):  # invisible format characters are refused
        assert read_text(path, problems) is None and problems[-1].code == "text-format-character"
    elif text.startswith("\ufeff"):
        assert read_text(path, problems) == unicodedata.normalize("NFC", text[1:])
    else:
        assert read_text(path, problems) == unicodedata.normalize("NFC", text) and problems == []
    assert os.listdir(tmp_path) == ["round-trip.txt"]
