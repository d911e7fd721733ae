"""The running dashboard on a data folder a hostile hand has touched: a file nested
deep enough to overflow a parser's stack, a source text linked to the server's
secrets. The server stays up, the rest of the registry is shown, nothing leaks."""

from __future__ import annotations

import os
import re
import shutil
import urllib.request

import pytest
from conftest import DATA
from dashboard_helpers import skip_without_chromium

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser

skip_without_chromium()

from playwright.sync_api import expect, sync_playwright  # noqa: E402
from test_browser import Server, assert_no_exception, open_and_wait  # noqa: E402

DEEP = "x: " + "[" * 30000 + "]" * 30000 + "\n"
LEAKED_LINE = "cookie_secret = 'do-not-show-8f3a'\n"


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    data = folder / "data"
    shutil.copytree(DATA, data)
    (folder / "secrets.toml").write_text(LEAKED_LINE, encoding="utf-8")
    (data / "registry" / "deep.yaml").write_text(DEEP, encoding="utf-8")
    (data / "sources" / "deep-2024-01-01-a.yaml").write_text(DEEP, encoding="utf-8")
    (data / "sources" / "deep-2024-01-01-a.txt").write_text("Một dòng.\n", encoding="utf-8")
    (data / "sources" / "x-2024-01-02-a.yaml").write_text(
        "id: x-2024-01-02-a\ntitle: Một bài\npublisher: Báo X\npublished: 2024-01-02\nlanguage: vi\n"
        "accessed: 2024-01-03\n",
        encoding="utf-8",
    )
    os.symlink(folder / "secrets.toml", data / "sources" / "x-2024-01-02-a.txt")
    return data


@pytest.fixture(scope="module")
def server(hostile_data):
    running = Server(hostile_data)
    yield running
    running.stop()


@pytest.fixture
def page():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        opened = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
        yield opened
        browser.close()


def healthy(server) -> bool:
    with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=5) as response:  # noqa: S310
        return response.read() == b"ok"


def test_a_deep_file_leaves_the_server_up_and_the_rest_shown(server, page):
    for _ in range(2):  # and again on the next view
        open_and_wait(page, server.url, ready='[data-testid="stMetric"]')
        assert_no_exception(page)
        expect(page.locator('[data-testid="stMetric"]').first).to_be_visible()
    open_and_wait(page, f"{server.url}/health?lang=en")
    assert_no_exception(page)
    # the deep registry file, the deep source metadata and the linked source text; every other indicator shown
    shipped = len(list((DATA / "registry").glob("*.yaml")))
    expect(page.locator('[data-testid="stMetric"]').filter(has_text="Problems")).to_contain_text("3")
    expect(page.locator('[data-testid="stMetric"]').filter(has_text="Indicators")).to_have_text(
        re.compile(rf"Indicators\s*{shipped}$")
    )
    assert server.process.poll() is None and healthy(server)


def test_a_linked_source_text_is_never_shown(server, page):
    open_and_wait(page, f"{server.url}/sources?source=x-2024-01-02-a")
    assert_no_exception(page)
    open_and_wait(page, f"{server.url}/health?lang=en")
    sources = len(list((DATA / "sources").glob("*.yaml")))  # the linked text's source is refused, not counted
    expect(page.locator('[data-testid="stMetric"]').filter(has_text="Sources")).to_have_text(
        re.compile(rf"Sources\s*{sources}$")
    )
    assert "do-not-show" not in page.content()
    open_and_wait(page, f"{server.url}/sources?source=x-2024-01-02-a")
    assert "do-not-show" not in page.content()
    assert server.process.poll() is None and healthy(server)
