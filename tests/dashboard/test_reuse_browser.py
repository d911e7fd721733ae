"""Reuse in a real browser: the data files at their stable addresses, the history of a
figure and the registry as of a day, What's new, and a chart embedded in a page of
another origin. The server runs a copy of the dashboard (its `static/` folder is
written by the app) with the data files on, over a copy of the real data with saves."""

from __future__ import annotations

import http.server
import io
import json
import shutil
import threading
import time
import urllib.request
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import feedparser
import pandas as pd
import pytest
from conftest import DATA, PROJECT
from dashboard_helpers import skip_without_chromium

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from indicators import editing, read_registry
from indicators.edit_log import oidc_author
from indicators.editing import open_draft, save_text

pytestmark = pytest.mark.browser

skip_without_chromium()

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402
from test_browser import CHART, Server, assert_no_exception, open_and_wait  # noqa: E402

INDICATOR = "digital-product-exports"
SHIPPED_OBSERVATIONS = read_registry(DATA).observation_count
EDITOR = oidc_author("https://id.example.org", "s-1", "tran.binh@example.gov.vn")


class _Clock:
    moment = datetime(2024, 8, 1, tzinfo=UTC)

    @classmethod
    def now(cls, tz=None):
        return cls.moment


def save_at(data_dir: Path, moment: datetime, change, summary: str) -> None:
    """A real save through `editing.save_text`, logged at `moment`."""
    original, editing.datetime = editing.datetime, _Clock
    try:
        _Clock.moment = moment
        path = data_dir / "registry" / f"{INDICATOR}.yaml"
        draft = open_draft(path)
        change(draft.data["observations"])
        save_text(path, draft.text(), draft.base_digest, EDITOR, summary)
    finally:
        editing.datetime = original


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """The real data, where the 2023 export figure was taken out on 1 August 2024 (09:00
    in Viet Nam) and put back on 2 August (16:00 in Viet Nam)."""
    target = tmp_path_factory.mktemp("reuse") / "data"
    shutil.copytree(DATA, target)
    taken: list[dict] = []
    save_at(target, datetime(2024, 8, 1, 2, tzinfo=UTC), lambda rows: taken.append(rows.pop(1)), "kiểm tra lại")
    save_at(target, datetime(2024, 8, 2, 9, tzinfo=UTC), lambda rows: rows.insert(1, taken[0]), "khôi phục")
    return target


@pytest.fixture(scope="module")
def server(tmp_path_factory, data_dir):
    """The dashboard run from a copy, so that its data files go to the copy's static/."""
    root = tmp_path_factory.mktemp("app")
    shutil.copytree(PROJECT / "dashboard", root / "dashboard", ignore=shutil.ignore_patterns("builds", "data"))
    (root / "indicators").symlink_to(PROJECT / "indicators")
    running = Server(data_dir, script=str(root / "dashboard" / "app.py"), env={"DASHBOARD_SITE_FILES": "on"})
    running.static = root / "dashboard" / "static"
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1400}, accept_downloads=True)
    opened = context.new_page()
    yield opened
    context.close()


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (a loopback test server)
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def wait_for_package(server, page: Page, check, seconds: float = 120) -> dict:
    """The served datapackage.json once `check(package)` holds; a page visit starts the build."""
    open_and_wait(page, f"{server.url}/indicator?indicator={INDICATOR}")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, _, body = fetch(f"{server.url}/app/static/data/datapackage.json")
        if status == 200 and check(package := json.loads(body)):
            return package
        time.sleep(0.5)
    raise AssertionError("the data files were not (re)built in time")


def test_the_data_files_are_served_at_stable_addresses_with_their_types(server, page):
    package = wait_for_package(server, page, lambda package: True)
    assert package["last_changed"] == "2024-08-02" and package["last_changed_basis"] == "edit-log"
    base = f"{server.url}/app/static/data"
    status, kind, body = fetch(f"{base}/changes.en.atom")
    assert status == 200 and kind.startswith("application/atom+xml")
    feed = feedparser.parse(body)
    assert not feed.bozo and [entry.title for entry in feed.entries] == [
        "Exports of digital products: 2023 added 117.3",
        "Exports of digital products: 2023 removed 117.3",
    ]
    assert feed.entries[0].author == "tran.binh" and b"example.gov.vn" not in body
    status, kind, _ = fetch(f"{base}/indicators/{INDICATOR}-excel.csv")
    assert status == 200 and kind.startswith("text/csv")
    frame = pd.read_csv(f"{base}/observations.csv")  # the README's one-liner
    assert len(frame) == SHIPPED_OBSERVATIONS and frame.columns[0] == "indicator_id"
    status, kind, body = fetch(f"{base}/indicators/{INDICATOR}.json")
    record = json.loads(body)
    assert kind.startswith("application/json") and record["last_changed"] == "2024-08-02"
    assert record["newest_figure"] == {"period": "2024-H1", "period_start": "2024-01-01"}
    # The indicator page links its own files at those addresses.
    open_and_wait(page, f"{server.url}/indicator?indicator={INDICATOR}")
    link = page.get_by_role("link", name="CSV", exact=True)
    link.scroll_into_view_if_needed()
    assert link.get_attribute("href") == f"{base}/indicators/{INDICATOR}.csv"
    assert page.get_by_role("link", name="Atom").get_attribute("href") == f"{base}/changes.vi.atom"


def pick_day(page: Page, label: str, digits: str) -> None:
    """Type a day into Streamlit's date field (day, month, year segments) as a person
    would, then leave the field, which commits it."""
    page.get_by_label(label, exact=True).locator('[role="spinbutton"]').first.click()
    page.keyboard.type(digits)
    page.locator("h1").first.click()


@pytest.mark.parametrize(
    ("language", "removed", "value", "as_of_label", "day_label", "saved"),
    [
        ("vi", "xoá", "117,3 tỷ USD", "Số liệu theo ngày", "Ngày", "Theo lần lưu ngày {day}/8/2024 (mục {seq}"),
        (
            "en",
            "removed",
            "117.3 billion USD",
            "As of a date",
            "Day",
            "As saved on {day} August 2024 (log entry {seq})",
        ),
    ],
)
def test_the_indicator_page_shows_each_figures_history_and_the_file_as_of_a_day(
    server, page, language, removed, value, as_of_label, day_label, saved
):
    open_and_wait(page, f"{server.url}/indicator?indicator={INDICATOR}&lang={language}")
    assert_no_exception(page)
    history = page.locator('[data-testid="stDataFrame"]').first
    history.scroll_into_view_if_needed()
    for text in (removed, value, "tran.binh", "2023"):
        expect(history).to_contain_text(text, timeout=30_000)
    assert "example.gov.vn" not in page.content()
    page.get_by_text(as_of_label).click()
    pick_day(page, day_label, "01082024")
    expect(page.get_by_text(saved.format(day=1, seq=1))).to_be_visible(timeout=30_000)
    assert periods_as_of(page, 2) == ["2021", "2024-H1"]  # 2023 was taken out that day
    pick_day(page, day_label, "02082024")
    expect(page.get_by_text(saved.format(day=2, seq=2))).to_be_visible(timeout=30_000)
    assert periods_as_of(page, 3) == ["2021", "2023", "2024-H1"]
    assert_no_exception(page)


def periods_as_of(page: Page, count: int) -> list[str]:
    """The period column of the as-of table (the first cell of each row), once it has `count` rows."""
    table = page.locator('[data-testid="stDataFrame"]').last
    expect(table.locator('[role="row"]')).to_have_count(count + 1, timeout=30_000)
    rows = table.locator('[role="row"]').all()[1:]
    return [row.locator('[role="gridcell"]').first.text_content() for row in rows]


def test_whats_new_lists_the_changes_and_follows_the_sector_filter(server, page):
    open_and_wait(page, f"{server.url}/changes?lang=en")
    assert_no_exception(page)
    expect(page.get_by_role("heading", name="What's new")).to_be_visible()
    table = page.locator('[data-testid="stDataFrame"]')
    expect(table).to_contain_text("Exports of digital products")
    expect(table).to_contain_text("2 August 2024")
    open_and_wait(page, f"{server.url}/changes?sector=digital-government")
    expect(page.get_by_text("Nhật ký chỉnh sửa chưa ghi thay đổi số liệu nào.")).to_be_visible()
    assert page.locator('[data-testid="stDataFrame"]').count() == 0


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def test_an_embed_opens_in_a_page_of_another_origin(server, page, tmp_path):
    open_and_wait(page, f"{server.url}/indicator?indicator={INDICATOR}&lang=en&from=2021")
    page.get_by_role("button", name="Embed").first.click()
    code = page.locator('[data-testid="stPopoverBody"] code').inner_text().strip()
    assert code.startswith("<iframe src=") and "embed=true" in code and f"chart={INDICATOR}" in code
    (tmp_path / "article.html").write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>An article</title></head>"
        f"<body><h1>An article</h1>{code}</body></html>",
        encoding="utf-8",
    )
    host = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    threading.Thread(target=host.serve_forever, daemon=True).start()
    try:
        article = f"http://127.0.0.1:{host.server_address[1]}/article.html"
        assert article.split("/")[2] != server.url.split("/")[2]  # another origin: another port
        page.goto(article)
        frame = page.frame_locator("iframe")
        expect(frame.locator(f"{CHART} canvas, {CHART} svg.marks").first).to_be_visible(timeout=60_000)
        expect(frame.get_by_role("link", name="See it on Viet Nam digital transformation indicators")).to_be_visible()
        assert frame.locator('[data-testid="stSidebar"]').count() == 0
        assert frame.locator('[data-testid="stSidebarNav"]').count() == 0
        expect(frame.locator("h1")).to_be_hidden()  # the page's title and text are not shown
        expect(frame.get_by_text("Value of digital-product exports")).to_be_attached()
        expect(frame.get_by_text("Value of digital-product exports")).to_be_hidden()
        assert sum(chart.is_visible() for chart in frame.locator(CHART).all()) == 1
        back = frame.get_by_role("link", name="See it on Viet Nam digital transformation indicators")
        href = back.get_attribute("href")
        assert "embed" not in href and "chart=" not in href and "from=2021" in href and "lang=en" in href
    finally:
        host.shutdown()


def test_the_html_file_of_a_chart_draws_it_without_any_outside_request(server, page, tmp_path):
    open_and_wait(page, f"{server.url}/indicator?indicator={INDICATOR}")
    with page.expect_download(timeout=60_000) as started:
        page.get_by_role("button", name="Tệp HTML độc lập").first.click()
    saved = tmp_path / started.value.suggested_filename
    started.value.save_as(saved)
    assert saved.name == f"{INDICATOR}.html"
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(saved.as_uri())
    expect(page.locator("svg.marks, canvas").first).to_be_visible(timeout=30_000)
    expect(page.locator("text=Xuất khẩu sản phẩm số").first).to_be_attached()
    assert [url for url in requests if not url.startswith(("file:", "data:", "blob:"))] == []


def test_a_change_to_the_data_rebuilds_the_files_and_swaps_them_in(server, page, data_dir):
    wait_for_package(server, page, lambda package: True)
    before = Path(server.static, "data").readlink()
    save_at(data_dir, datetime(2024, 9, 3, 2, tzinfo=UTC), lambda rows: rows.pop(1), "gỡ lại")
    package = wait_for_package(server, page, lambda package: package["last_changed"] == "2024-09-03")
    after = Path(server.static, "data").readlink()
    assert after != before and after.parent == Path("builds")
    assert {build.name for build in (Path(server.static) / "builds").iterdir()} <= {before.name, after.name}
    observations = pd.read_csv(io.BytesIO(fetch(f"{server.url}/app/static/data/observations.csv")[2]))
    assert len(observations) == SHIPPED_OBSERVATIONS - 1 and package["resources"][0]["name"] == "observations"
