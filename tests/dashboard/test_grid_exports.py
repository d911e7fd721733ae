"""Every grid on every page: no toolbar "Download as CSV" (it would write a quote
`=HYPERLINK(…)` as a formula a spreadsheet runs). Every path to a file goes through
the app's own download buttons, which escape such text."""

from __future__ import annotations

import shutil

import pytest
from conftest import DATA
from dashboard_helpers import skip_without_chromium

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser

skip_without_chromium()

from playwright.sync_api import expect, sync_playwright  # noqa: E402
from test_browser import Server, assert_no_exception, open_and_wait  # noqa: E402

GRID = '[data-testid="stDataFrame"] >> visible=true'


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("grids") / "data"
    shutil.copytree(DATA, data)
    # a problem, so that the health page and the indicator page draw their problem grids
    (data / "registry" / "broken.yaml").write_text("id: broken\nsector: [\n", encoding="utf-8")
    running = Server(data)
    yield running
    running.stop()


PAGES = [
    ("/?lang=en", "More indicators"),
    ("/indicator?indicator=digital-product-exports&lang=en", "Table of all observations"),
    ("/health?lang=en", None),
]


@pytest.mark.parametrize(("path", "expander"), PAGES)
def test_no_grid_offers_its_own_csv_download(server, path, expander):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True).new_page()
        open_and_wait(page, f"{server.url}{path}")
        assert_no_exception(page)
        if expander:
            page.get_by_text(expander, exact=False).first.click()
        grids = page.locator(GRID)
        expect(grids.first).to_be_visible(timeout=30_000)
        assert grids.count() >= 1
        for index in range(grids.count()):
            grid = grids.nth(index)
            grid.scroll_into_view_if_needed()
            grid.hover()
            toolbar = page.locator('[data-testid="stElementToolbar"] >> visible=true')
            expect(toolbar.first).to_be_visible(timeout=10_000)  # the toolbar is there (search, fullscreen) ...
            assert page.get_by_role("button", name="Download as CSV").count() == 0  # ... without the download
        browser.close()
