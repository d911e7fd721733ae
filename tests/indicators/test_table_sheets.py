"""Reading table sources: XLSX cached values (never a formula evaluated), size limits
for a 50 MB sheet or CSV, and cells that are not numbers."""

import zipfile

import pytest
import xlsxwriter
from small_registry import good_copy, problems_of, write_indicator

from indicators import read_registry
from indicators.tables.cells import CellError, TableNumbers
from indicators.tables.sheets import read_table

META = """id: {id}
title: Số liệu mẫu
publisher: Mẫu
published: 2024-03-01
language: vi
accessed: 2025-01-10
reporting_unit: vn
table: {{title: Thuê bao Internet theo năm, number: Bảng 1, page: 3, sheet: {sheet}}}
"""


def write_workbook(path, formula_cached: bool):
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Số liệu")
    workbook.add_worksheet("Ghi chú").write(0, 0, "Nguồn: mẫu")
    for column, header in enumerate(["Chỉ tiêu", "2022", "2023"]):
        sheet.write(0, column, header)
    sheet.write(1, 0, "Thuê bao băng rộng di động (triệu)")
    sheet.write_number(1, 1, 82.5)
    # a formula: XlsxWriter stores the cached value given, as Excel does when it saves
    sheet.write_formula(1, 2, "=B2+3.4", None, 85.9 if formula_cached else 0)
    workbook.close()
    if not formula_cached:  # a formula never calculated: remove its cached value
        with zipfile.ZipFile(path) as archive:
            files = {name: archive.read(name) for name in archive.namelist()}
        sheet_xml = next(name for name in files if name.startswith("xl/worksheets/sheet1"))
        files[sheet_xml] = files[sheet_xml].replace(b"<v>0</v>", b"")
        with zipfile.ZipFile(path, "w") as archive:
            for name, content in files.items():
                archive.writestr(name, content)


@pytest.fixture
def data(tmp_path):
    return good_copy(tmp_path / "data")


OBSERVATIONS = """  - value: 82.5
    period: 2022
    source: thue-bao
    cell: {row: Thuê bao băng rộng di động (triệu), column: "2022"}
  - value: 85.9
    period: 2023
    source: thue-bao
    cell: {row: Thuê bao băng rộng di động (triệu), column: "2023"}
"""


def test_an_xlsx_formula_cell_is_read_as_its_cached_value(data):
    write_workbook(data / "sources" / "thue-bao.xlsx", formula_cached=True)
    (data / "sources" / "thue-bao.yaml").write_text(META.format(id="thue-bao", sheet="Số liệu"), encoding="utf-8")
    write_indicator(data, "mobile-broadband", OBSERVATIONS, scale="million", unit="{vi: thuê bao, en: subscriptions}")
    registry = read_registry(data)
    assert registry.problems == []
    assert registry.rows["mobile-broadband"]["value"] == [82.5, 85.9]
    table = registry.sources["thue-bao"].table
    assert table.rows[0][2].formula == "=B2+3.4" and table.rows[0][2].text == "85.9"


def test_an_xlsx_formula_without_a_cached_value_is_refused_never_evaluated(data):
    write_workbook(data / "sources" / "thue-bao.xlsx", formula_cached=False)
    (data / "sources" / "thue-bao.yaml").write_text(META.format(id="thue-bao", sheet="Số liệu"), encoding="utf-8")
    write_indicator(data, "mobile-broadband", OBSERVATIONS, scale="million", unit="{vi: thuê bao, en: subscriptions}")
    assert problems_of(data) == [
        "registry/mobile-broadband.yaml:18:5: observations[1].cell: sources/thue-bao.xlsx (sheet 'Số liệu') cell C2 "
        "(row 'Thuê bao băng rộng di động (triệu)', column '2023') holds the formula '=B2+3.4' with no calculated "
        "value saved; open the workbook and save it [cell-not-a-number]"
    ]


def test_a_missing_sheet_names_the_sheets_there_are(data):
    write_workbook(data / "sources" / "thue-bao.xlsx", formula_cached=True)
    (data / "sources" / "thue-bao.yaml").write_text(META.format(id="thue-bao", sheet="Sheet1"), encoding="utf-8")
    problems = problems_of(data)
    assert problems == [
        "sources/thue-bao.xlsx:1:1: table.sheet: the workbook has no sheet 'Sheet1'; its sheets: Số liệu, Ghi chú; "
        "name one as table.sheet [table-unreadable]"
    ]


def test_a_50_mb_sheet_is_refused_by_size_without_reading_it(data):
    path = data / "sources" / "lon.xlsx"
    row = b'<row><c t="inlineStr"><is><t>' + b"x" * 1000 + b"</t></is></c></row>"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "xl/worksheets/sheet1.xml", b"<worksheet><sheetData>" + row * 50_000 + b"</sheetData></worksheet>"
        )
    assert path.stat().st_size < 1_000_000  # small on disk, 50 MB once unpacked
    (data / "sources" / "lon.yaml").write_text(META.format(id="lon", sheet="Sheet1"), encoding="utf-8")
    problems = problems_of(data)
    assert len(problems) == 1 and problems[0].startswith(
        "sources/lon.xlsx:1:1: -: a sheet is 52,400,046 bytes once unpacked"
    )
    assert problems[0].endswith("more than the limit of 5,000,000; not read [file-too-large]")
    assert len(read_registry(data).indicators) == 2  # nothing else breaks


def test_a_50_mb_csv_is_refused_by_size(data):
    path = data / "sources" / "lon.csv"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (data / "sources" / "lon.yaml").write_text(META.format(id="lon", sheet="null"), encoding="utf-8")
    assert problems_of(data) == [
        "sources/lon.csv:1:1: -: the table is 52,428,800 bytes, more than the limit of 5,000,000; not read [file-too-large]"
    ]


@pytest.mark.parametrize(
    ("text", "readings", "marker"),
    [
        ("86", (86.0,), None),
        ("86*", (86.0,), "*"),
        ("0,7951", (0.7951,), None),
        ("12,5%", (12.5,), None),
        ("1.234", (1234.0,), None),
        ("86 (a)", (86.0,), "(a)"),
        ("86¹", (86.0,), "¹"),
        ("-3", (-3.0,), None),
    ],
)
def test_cell_numbers_read_the_tables_way(tmp_path, text, readings, marker):
    path = tmp_path / "bang.csv"
    path.write_text(f'Tỉnh,2023\nHà Nội,"{text}"\nĐà Nẵng,"1.250.000"\n', encoding="utf-8")
    table = read_table(path, None, [])
    number = TableNumbers(table).number(table.rows[0][1])
    assert (number.readings, number.marker) == (readings, marker)


@pytest.mark.parametrize(
    ("text", "words"),
    [("n/a", "is text ('n/a')"), ("–", "is text ('–')"), ("", "is blank"), ("1,234,567", "the other way round")],
)
def test_cells_that_are_not_numbers_say_why(tmp_path, text, words):
    path = tmp_path / "bang.csv"
    path.write_text(f'Tỉnh,2023\nHà Nội,"{text}"\nĐà Nẵng,"1.250.000"\nHuế,"12,5"\n', encoding="utf-8")
    table = read_table(path, None, [])
    with pytest.raises(CellError, match=words.replace("(", r"\(").replace(")", r"\)")):
        TableNumbers(table).number(table.rows[0][1])
