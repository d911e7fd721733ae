"""`new --table` and `import-source --table`: observations and sources from a table's
cells that `validate` accepts, and refusals that say what to give."""

import subprocess
import sys

import pytest
from conftest import FIXTURES, PROJECT
from small_registry import good_copy
from table_registry import copy_tables

from indicators import read_registry


def run(data, *arguments):
    return subprocess.run(
        [sys.executable, "-m", "indicators", "--data", str(data), *arguments],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=120,
    )


@pytest.fixture
def data(tmp_path):
    data = good_copy(tmp_path / "data")
    copy_tables(data, "tk-kinh-te-so", "dti-tinh-2023")
    return data


NEW = ("--sector", "digital-society", "--name-vi", "Người dùng Internet", "--name-en", "Internet users")


def test_a_whole_row_becomes_one_observation_per_period(data):
    result = run(
        data,
        "new",
        "--table",
        "tk-kinh-te-so",
        "--row",
        "Người dùng Internet (triệu người)",
        "--id",
        "internet-users",
        *NEW,
        "--unit-en",
        "people",
        "--unit-vi",
        "người",
    )
    assert result.returncode == 0, result.stderr
    registry = read_registry(data)
    assert registry.problems == []
    rows = registry.rows["internet-users"]
    assert rows["period"] == ["2020", "2021", "2022", "2023-Q3", "2021/2025"]
    assert rows["value"] == [68.7, 70.3, 72.1, 77.9, 85]  # in millions: "(triệu người)"
    assert registry.indicators["internet-users"].scale == "million"


def test_a_whole_column_of_a_provincial_table_files_each_province_and_skips_text(data):
    result = run(
        data,
        "new",
        "--table",
        "dti-tinh-2023",
        "--column",
        "Xếp hạng (trên 63)",
        "--id",
        "dti-rank",
        *NEW,
        "--unit-en",
        "rank",
    )
    assert result.returncode == 0, result.stderr
    assert "Thanh Hóa × Xếp hạng (trên 63): 15* → 2023, thanh-hoa" in result.stderr
    registry = read_registry(data)
    assert [problem.code for problem in registry.problems] == ["cell-footnote"]  # a warning: 15*
    rows = registry.rows["dti-rank"]
    assert rows["reporting_unit"] == ["ha-noi", "ho-chi-minh", "da-nang", "bac-ninh", "thanh-hoa", "ha-giang"]
    assert set(rows["out_of"]) == {63} and registry.indicators["dti-rank"].kind == "rank"


def test_one_cell_added_to_an_indicator_and_a_cell_cited_twice_refused(data):
    arguments = ("new", "--table", "tk-kinh-te-so", "--row", "Tỷ trọng kinh tế số trong GDP (%)", "--column", "2022")
    assert run(data, *arguments, "--id", "share", *NEW, "--unit-en", "%").returncode == 0
    assert read_registry(data).rows["share"]["value"] == [14.26]
    again = run(data, *arguments, "--indicator", "share")
    assert again.returncode == 2 and "is already cited; edit it instead" in again.stderr
    other = run(
        data,
        "new",
        "--table",
        "tk-kinh-te-so",
        "--row",
        "Tỷ trọng kinh tế số trong GDP (%)",
        "--column",
        "2021",
        "--indicator",
        "share",
    )
    assert other.returncode == 0 and read_registry(data).rows["share"]["period"] == ["2022", "2021"]


def test_refusals_say_what_to_give(data):
    missing = run(data, "new", "--table", "tk-kinh-te-so", "--row", "Nhập khẩu")
    assert missing.returncode == 2 and "0 rows labelled 'Nhập khẩu'" in missing.stderr
    no_table = run(data, "new", "--table", "example-source", "--row", "a")
    assert no_table.returncode == 2 and "no table source 'example-source'" in no_table.stderr
    needs = run(data, "new", "--table", "tk-kinh-te-so", "--column", "2022")
    assert needs.returncode == 2 and "4 cell(s) found; a new indicator also needs --id --sector" in needs.stderr


def test_import_source_takes_a_csv_and_refuses_a_bad_table(data, tmp_path):
    imported = run(
        data,
        "import-source",
        "--title",
        "Niên giám",
        "--table",
        str(FIXTURES / "tables" / "tk-kinh-te-so.csv"),
        "--publisher",
        "Cục Thống kê",
        "--date",
        "2024-06-30",
        "--table-number",
        "Bảng 2.1",
        "--page",
        "14",
    )
    assert imported.returncode == 0, imported.stderr
    registry = read_registry(data)
    source = registry.sources["cuc-thong-ke-2024-06-30-nien-giam"]
    assert source.table is not None and source.meta.table.number == "Bảng 2.1" and len(source.table.rows) == 4
    bad = run(data, "import-source", "--title", "Lỗi", "--table", str(FIXTURES / "tables" / "bang-loi.csv"))
    assert bad.returncode == 2
    assert "bang-loi.csv:1:3: C1: cell C1: the column header is blank" in bad.stderr
    assert not list((data / "sources").glob("source-loi*"))


EDITOR = {"kind": "oidc", "issuer": "https://id.example.org", "subject": "e-1", "email": "editor@example.org"}


def test_the_editor_files_cells_through_new_tables_own_code(data):
    from indicators.edit_log import read_entries
    from indicators.scaffold import NewError, scaffold_table, table_request

    registry = read_registry(data)
    request = table_request(
        "tk-kinh-te-so",
        row="Tỷ trọng kinh tế số trong GDP (%)",
        id="share",
        sector="digital-society",
        name_vi="Tỷ trọng",
        name_en="Share",
        unit_en="%",
    )
    path, _, figures = scaffold_table(registry, request, EDITOR)
    assert path.name == "share.yaml" and len(figures) == len(read_registry(data).rows["share"]["value"])
    entry = read_entries(data / "edit-log.jsonl")[-1]
    assert entry["author"]["email"] == "editor@example.org" and entry["summary"].startswith("new: ")
    with pytest.raises(NewError, match="is already cited"):
        scaffold_table(read_registry(data), table_request("tk-kinh-te-so", row=request.row, indicator="share"))
    with pytest.raises(TypeError, match="quote"):
        table_request("tk-kinh-te-so", quote="x")


def test_a_documents_table_is_saved_as_a_table_source_or_refused_naming_the_cell(data):
    from indicators.paths import DataLayout
    from indicators.source_import import (
        ExtractedDocument,
        ExtractedTable,
        SourceImportError,
        import_document,
        import_extracted_table,
    )

    good = ExtractedTable("Bảng 1: Hồ sơ theo quý", 1, 2, (("Quý", "Số hồ sơ"), ("Quý I", "95.200"), ("Quý II",)))
    blank = ExtractedTable("Bảng 2", 2, 3, (("Quý", "", "Tỷ lệ"), ("Quý I", "1", "2")))
    document = ExtractedDocument("Báo cáo quý", "Báo cáo quý\n\nVăn bản.", "Sở KH&CN", None, None, "read from a.pdf")
    layout = DataLayout(data)
    meta = import_document(layout, document, EDITOR)
    saved = import_extracted_table(layout, document, meta, good, EDITOR)
    assert saved.id == f"{meta.id}-bang-1" and saved.table.page == 2 and saved.table.title == good.title
    assert (data / "sources" / f"{saved.id}.csv").read_text(encoding="utf-8") == (
        "Quý,Số hồ sơ\nQuý I,95.200\nQuý II,\n"
    )
    source = read_registry(data).sources[saved.id]
    assert [[cell.text for cell in row] for row in source.table.rows] == [["Quý I", "95.200"], ["Quý II", ""]]
    with pytest.raises(SourceImportError, match=rf"{meta.id}-bang-2\.csv:1:2: B1"):
        import_extracted_table(layout, document, meta, blank, EDITOR)
    assert not list((data / "sources").glob(f"{meta.id}-bang-2*"))
