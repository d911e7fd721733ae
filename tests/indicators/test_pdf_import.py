"""`indicators.pdf_import` on PDFs written in the test (tests/dashboard/pdf_documents.py):
diacritics kept, two columns in reading order, running header and footer gone, the
table kept apart as a table; scans and legacy font encodings refused with the reason."""

from __future__ import annotations

import os

import pytest
from pdf_documents import (
    EXPECTED_TEXT,
    FONT_FILE,
    HEADER,
    TABLE,
    TABLE_TITLE,
    TCVN3,
    TITLE,
    VNI,
    legacy,
    report,
    scanned,
)

from indicators.cli import main
from indicators.pdf_import import read_pdf, read_pdf_file
from indicators.source_import import SourceImportError

if not FONT_FILE.exists():  # .ci/run installs fonts-dejavu-core; say so rather than skip
    pytest.fail(f"{FONT_FILE} is missing: apt-get install fonts-dejavu-core", pytrace=False)


def test_a_report_reads_in_order_without_its_running_lines_and_with_its_table(tmp_path):
    document = read_pdf_file(report(tmp_path / "bao-cao.pdf"))
    assert document.text == EXPECTED_TEXT
    assert "Tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh năm 2026 đạt 72,5%." in document.text.splitlines()
    assert HEADER not in document.text and "Trang" not in document.text
    assert "95.200" not in document.text and TABLE_TITLE not in document.text
    assert document.title == TITLE and document.origin == "read from bao-cao.pdf"
    (table,) = document.tables
    assert (table.title, table.number, table.page) == (TABLE_TITLE, 1, 2)
    assert table.rows == tuple(tuple(row) for row in TABLE)


@pytest.mark.parametrize(("table", "named"), [(TCVN3, "TCVN3"), (VNI, "VNI")])
def test_legacy_font_encodings_are_refused_by_name(tmp_path, table, named):
    with pytest.raises(SourceImportError, match=f"legacy Vietnamese font encoding {named}"):
        read_pdf_file(legacy(tmp_path / "cu.pdf", table))


def test_a_unicode_page_of_the_same_text_is_not_taken_for_a_legacy_encoding(tmp_path):
    document = read_pdf_file(legacy(tmp_path / "moi.pdf", {}))
    assert "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 72,5%" in document.text


def test_a_scan_without_a_text_layer_is_refused_with_that_reason(tmp_path):
    with pytest.raises(SourceImportError, match=r"has no text layer \(a scanned document\)"):
        read_pdf_file(scanned(tmp_path / "scan.pdf"))


@pytest.mark.parametrize(
    ("raw", "message"),
    [(b"<html>not a pdf</html>", "is not a PDF"), (b"%PDF-1.4\nbroken", "cannot be read as a PDF")],
)
def test_what_is_not_a_readable_pdf_is_refused(raw, message):
    with pytest.raises(SourceImportError, match=message):
        read_pdf(raw, "x.pdf")


def test_the_command_imports_a_pdf_and_says_the_table_is_not_written(tmp_path, real_data_copy, capsys):
    sources = real_data_copy / "sources"
    before = sorted(os.listdir(sources))
    assert main(["--data", str(real_data_copy), "import-source", "--file", str(scanned(tmp_path / "s.pdf"))]) == 2
    assert "no text layer" in capsys.readouterr().err and sorted(os.listdir(sources)) == before
    pdf = report(tmp_path / "bao-cao.pdf")
    arguments = ["--file", str(pdf), "--publisher", "UBND tỉnh Hòa Phong", "--date", "2026-12-01"]
    assert main(["--data", str(real_data_copy), "import-source", *arguments]) == 0
    said = capsys.readouterr().err
    source_id = "ubnd-tinh-hoa-phong-2026-12-01-bao-cao-ket-qua-chuyen-doi-so-nam-2026"
    assert f"imported {source_id}" in said
    assert "1 table(s) read but not written: check the cells against the print and import each as a table" in said
    assert (sources / f"{source_id}.txt").read_text(encoding="utf-8") == EXPECTED_TEXT
    assert main(["--data", str(real_data_copy), "validate"]) == 0
