"""In Chromium, as an editor would: sign in (local OpenID provider), import a page of
ten figures from a local web site by its address, review the list and save: ten valid
observations, one edit-log entry for the import and one per file saved. Also a PDF
uploaded through the same tab."""

from __future__ import annotations

import shutil

import pytest
from conftest import DATA
from local_site import local_site
from pdf_documents import EXPECTED_TEXT, TABLE_TITLE, report
from playwright.sync_api import expect, sync_playwright
from test_browser import CHROMIUM, CHROMIUM_ARGS, Server, wait_for_the_run  # skips this module without Chromium
from test_sign_in import EDITOR, ONLY_LOOPBACK, SIGN_IN, SIGN_OUT, open_editor, openid_provider, sign_in, write_secrets

from indicators.edit_log import read_entries, verify
from indicators.loader import read_registry

pytestmark = pytest.mark.browser

PDF_SOURCE = "source-bao-cao-ket-qua-chuyen-doi-so-nam-2026"  # a PDF names no publisher nor date
SOURCE = "bao-tin-so-2026-12-05-toan-canh-chuyen-doi-so-quoc-gia-nam-202"  # the id keeps 40 characters of the title


def test_a_page_of_ten_figures_is_imported_reviewed_and_saved_in_one_go(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with local_site() as site, openid_provider([EDITOR]) as issuer:
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
                address = main.get_by_label("Web address (fetched when no file or text is given", exact=False)
                address.fill(f"{site}/ten-figures.html")
                main.get_by_role("button", name="Import", exact=True).click()
                expect(main.get_by_text(f"Imported {SOURCE}")).to_be_visible(timeout=60_000)
                expect(main.get_by_text("11 figures are not registered yet; 10 need nothing more.")).to_be_visible()
                save = main.get_by_role("button", name="Save the 10 accepted figures")
                save.click()
                expect(main.get_by_text("Saved 10 figures in 10 file(s)", exact=False)).to_be_visible(timeout=60_000)
                expect(main.get_by_text("1 figure is not registered yet; 0 need nothing more.")).to_be_visible()

                # A PDF through the same tab: its text imported, its table kept apart
                address.fill("")
                main.locator('input[type="file"]').set_input_files(str(report(tmp_path / "bao-cao.pdf")))
                page.wait_for_timeout(500)  # the run the cleared address and the upload start
                wait_for_the_run(page)  # a click during it is lost
                main.get_by_role("button", name="Import", exact=True).click()
                expect(main.get_by_text(f"Imported {PDF_SOURCE}")).to_be_visible(timeout=60_000)
                expect(
                    main.get_by_text("1 table was read from the document and kept apart", exact=False)
                ).to_be_visible()
                expect(main.get_by_text(TABLE_TITLE, exact=False).first).to_be_visible()
                browser.close()
        finally:
            server.stop()
    registry = read_registry(data)
    assert not registry.errors
    filed = [
        (indicator_id, observation.value)
        for indicator_id in registry.indicators
        for observation in registry.observations(indicator_id)
        if observation.source == SOURCE
    ]
    assert len(filed) == 10
    entries = read_entries(data / "edit-log.jsonl")
    assert [entry["file"] for entry in entries][0] == f"{SOURCE}.yaml"
    assert len(entries) == 12 and all(entry["author"]["email"] == "editor@example.org" for entry in entries)
    assert verify(data / "edit-log.jsonl").ok
    assert (data / "sources" / f"{PDF_SOURCE}.txt").read_text(encoding="utf-8") == EXPECTED_TEXT
