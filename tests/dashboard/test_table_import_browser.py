"""In Chromium, as an editor would: a published table uploaded in the import tab becomes a
table source (one with a blank header cell is refused naming the file and the cell), a
whole column of it is filed as a new indicator's observations, and a PDF's table is
saved as a table source by ticking it. The data copy then validates and the edit log
holds one entry per file written, each with the editor's identity."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from conftest import DATA
from pdf_documents import TABLE, report
from playwright.sync_api import expect, sync_playwright
from test_browser import CHROMIUM, CHROMIUM_ARGS, Server, choose  # skips this module without Chromium
from test_sign_in import EDITOR, ONLY_LOOPBACK, SIGN_IN, SIGN_OUT, open_editor, openid_provider, sign_in, write_secrets

from indicators.edit_log import read_entries, verify
from indicators.loader import read_registry

pytestmark = pytest.mark.browser

# A provincial index by province × year, as a ministry's annual report prints it
# (the scores are this test's own, in the report's form: a decimal comma, four places).
INDEX_CSV = """"Tỉnh, thành phố",2020,2021,2022,2023
Quảng Ninh,"0,5120","0,5842","0,7024","0,7391"
Bắc Giang,"0,4013","0,4671","0,5263","0,5917"
Thừa Thiên Huế,"0,5302","0,5788","0,6975","0,7120"
Bình Dương,"0,4755","0,5329","0,6118","0,6502"
Cà Mau,"0,3126","0,3660","0,4217","0,4895"
"""
BLANK_HEADER_CSV = '"Tỉnh, thành phố",2022,,2023\nQuảng Ninh,"0,7024","0,7100","0,7391"\n'
PUBLISHER = "Bộ Thông tin và Truyền thông"
TITLE = "Báo cáo Chỉ số chuyển đổi số cấp tỉnh"
SOURCE = "bo-thong-tin-va-truy-bao-cao-chi-so-chuyen-doi-so-cap-tinh"  # 20 characters of the publisher
PDF_TABLE_SOURCE = "source-bao-cao-ket-qua-chuyen-doi-so-nam-2026-bang-1"
INDICATOR = "dti-cap-tinh-thu-nghiem"
SHOTS = "table-import"


def test_a_table_is_uploaded_a_column_filed_and_a_pdf_table_saved(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (tmp_path / "chi-so-tinh.csv").write_text(INDEX_CSV, encoding="utf-8")
    (tmp_path / "tieu-de-trong.csv").write_text(BLANK_HEADER_CSV, encoding="utf-8")
    shots = tmp_path / SHOTS
    shots.mkdir()
    with openid_provider([EDITOR]) as issuer:
        secrets_file = write_secrets(tmp_path / "secrets.toml", issuer, ["editor@example.org"])
        server = Server(data, env={"DASHBOARD_EDIT": "1"}, flags=["--secrets.files", str(secrets_file)])
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1440, "height": 1000})
                context.route(ONLY_LOOPBACK, lambda route: route.abort())
                page = context.new_page()
                open_editor(page, server, ready=SIGN_IN)
                sign_in(page, server, issuer, EDITOR.sub)
                open_editor(page, server, ready=SIGN_OUT)
                main = page.locator('[data-testid="stMain"]')
                main.get_by_role("tab", name="Import a source").click()
                upload = main.locator('input[type="file"]')
                import_button = main.get_by_role("button", name="Import", exact=True)

                # A table with a blank header cell: refused, naming the file and the cell
                upload.set_input_files(str(tmp_path / "tieu-de-trong.csv"))
                main.get_by_label("Title", exact=True).fill(TITLE)
                main.get_by_label("Publisher", exact=True).fill(PUBLISHER)
                import_button.click()
                refusal = main.get_by_text(re.compile(r"tieu-de-trong\.csv:1:3"))
                expect(refusal.first).to_be_visible(timeout=60_000)
                page.screenshot(path=str(shots / "1-refused.png"), full_page=True)
                assert not list((data / "sources").glob(f"{SOURCE}*"))

                # The published table, with where it stands in the report
                upload.set_input_files(str(tmp_path / "chi-so-tinh.csv"))
                main.get_by_label("Table title (as printed)").fill("Chỉ số DTI cấp tỉnh theo năm")
                main.get_by_label("Table number").fill("Bảng 4")
                main.get_by_label("Page", exact=True).fill("12")
                import_button.click()
                expect(main.get_by_text(f"Imported {SOURCE}")).to_be_visible(timeout=60_000)
                expect(main.get_by_text("Table: Chỉ số DTI cấp tỉnh theo năm")).to_be_visible()
                page.screenshot(path=str(shots / "2-imported.png"), full_page=True)

                # The 2022 column, filed as a new indicator
                column = main.get_by_role("combobox", name="Column", exact=True)
                choose(page, column, "2022")
                new_id = main.get_by_role("textbox", name="New id")
                expect(new_id).to_have_count(1, timeout=60_000)  # the form the choice drew, its old one gone
                new_id.fill(INDICATOR)
                main.get_by_role("textbox", name="Name (vi)", exact=True).fill(
                    "Chỉ số chuyển đổi số cấp tỉnh (thử nghiệm)"
                )
                main.get_by_role("textbox", name="Name (en)", exact=True).fill(
                    "Provincial digital transformation index (test)"
                )
                main.get_by_role("textbox", name="Unit (en), without the scale word").fill("index points")
                main.get_by_role("textbox", name="Unit (en), without the scale word").press("Enter")
                file_button = main.get_by_role("button", name=f"File 5 cells in {INDICATOR}.yaml")
                expect(file_button).to_be_visible(timeout=60_000)
                for province in ("Quảng Ninh", "Cà Mau"):
                    expect(main.get_by_role("cell", name=province, exact=True)).to_be_visible()
                page.screenshot(path=str(shots / "3-preview.png"), full_page=True)
                file_button.click()
                expect(main.get_by_text(f"Filed 5 cells in {INDICATOR}.yaml")).to_be_visible(timeout=60_000)
                page.screenshot(path=str(shots / "4-filed.png"), full_page=True)

                # A PDF's table, ticked and saved as a table source in the same tab
                upload.set_input_files(str(report(tmp_path / "bao-cao.pdf")))
                main.get_by_label("Title", exact=True).fill("")
                main.get_by_label("Publisher", exact=True).fill("")
                main.get_by_label("Table title (as printed)").fill("")
                main.get_by_label("Table number").fill("")
                main.get_by_label("Page", exact=True).fill("")
                import_button.click()
                keep = main.get_by_text("Save table 1 as a table source")
                expect(keep).to_be_visible(timeout=60_000)
                keep.click()
                main.get_by_role("button", name="Save the 1 table chosen").click()
                expect(main.get_by_text(f"Saved as table sources: {PDF_TABLE_SOURCE}")).to_be_visible(timeout=60_000)
                page.screenshot(path=str(shots / "5-pdf-table.png"), full_page=True)
                browser.close()
        finally:
            server.stop()
    checked = subprocess.run(
        [sys.executable, "-m", "indicators", "--data", str(data), "validate"], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    registry = read_registry(data)
    rows = registry.rows[INDICATOR]
    assert rows["reporting_unit"] == ["quang-ninh", "bac-giang", "hue", "binh-duong", "ca-mau"]
    assert rows["value"] == [0.7024, 0.5263, 0.6975, 0.6118, 0.4217] and set(rows["period"]) == {"2022"}
    pdf_table = registry.sources[PDF_TABLE_SOURCE]
    assert [[cell.text for cell in row] for row in pdf_table.table.rows] == [list(row) for row in TABLE[1:]]
    entries = read_entries(data / "edit-log.jsonl")
    assert [entry["file"] for entry in entries] == [
        f"{SOURCE}.yaml",
        f"{INDICATOR}.yaml",
        "source-bao-cao-ket-qua-chuyen-doi-so-nam-2026.yaml",
        f"{PDF_TABLE_SOURCE}.yaml",
    ]
    assert entries[1]["summary"] == f"new: 5 cell(s) of {SOURCE}"
    assert all(entry["author"]["email"] == "editor@example.org" for entry in entries)
    assert verify(data / "edit-log.jsonl").ok
