"""The dashboard in a real browser: Debian's Chromium driven by Playwright
against `streamlit run` on a loopback port, clicking as a person would."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import openpyxl
import pytest
from conftest import DATA, FIXTURES, PROJECT
from dashboard_helpers import skip_without_chromium

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from dashboard.render import WORD_JOINER

# Page timings of the last run, for reading after it; outside the checkout (tests never write there)
TIMINGS = Path(os.environ.get("TEST_RESULTS") or tempfile.gettempdir()) / "indicators-browser-timings.json"

pytestmark = pytest.mark.browser

skip_without_chromium()

from optional_fields import enriched_copy, optional_fields, variant  # noqa: E402
from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from dashboard.i18n import LABELS  # noqa: E402

CHART = '[data-testid="stVegaLiteChart"]'
CHART_DRAWN = f"{CHART} canvas, {CHART} svg.marks"  # vega draws into one of these


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`streamlit run script` on a free loopback port; `env` adds environment
    variables, `flags` command-line options (`["--secrets.files", path]`)."""

    def __init__(
        self,
        data_dir: Path | None = None,
        script: str = "dashboard/app.py",
        env: dict[str, str] | None = None,
        flags: list[str] | None = None,
    ):
        self.port = free_port()
        env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false", **(env or {}))
        if data_dir is not None:
            env["INDICATORS_DATA"] = str(data_dir)
        command = [sys.executable, "-m", "streamlit", "run", script]
        command += ["--server.port", str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true"]
        command += flags or []
        self.process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as response:  # noqa: S310
                    if response.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("streamlit did not become healthy within 60 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="module")
def server():
    running = Server()
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
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    opened = context.new_page()
    yield opened
    context.close()


def open_and_wait(page: Page, url: str, ready: str = '[data-testid="stMain"] h1') -> None:
    """Open a URL and wait until `ready` shows and the script run has finished."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
    page.wait_for_selector(ready, timeout=30_000)
    wait_for_the_run(page)


def wait_for_the_run(page: Page) -> None:
    """Wait while a script run is in progress (the status widget shows)."""
    for _ in range(120):
        if page.query_selector('[data-testid="stStatusWidget"]') is None:
            return
        time.sleep(0.25)


def choose(page: Page, box, option: str) -> None:
    """Pick `option` of a select box as a reader does: open it, click the option; a run
    that redraws the page closes an open list, so it is opened again (at most three times)."""
    for attempt in range(3):
        wait_for_the_run(page)
        box.click()
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=10_000)
            time.sleep(0.5)  # the run the choice starts
            wait_for_the_run(page)  # fields it redraws take what is typed next
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


def assert_no_exception(page: Page) -> None:
    assert page.query_selector_all('[data-testid="stException"]') == []


def open_timed(page: Page, url: str, ready: str, name: str) -> None:
    """Open a URL, wait until `ready` shows, and record how long that took as `name`."""
    started = time.monotonic()
    page.goto(url)
    page.wait_for_selector(ready, timeout=30_000)
    TIMINGS.parent.mkdir(parents=True, exist_ok=True)
    timings = json.loads(TIMINGS.read_text()) if TIMINGS.exists() else {}
    timings[name] = round(time.monotonic() - started, 2)
    TIMINGS.write_text(json.dumps(timings, indent=1))


def test_overview_shows_cards_and_opens_a_quote(server, page):
    open_timed(page, server.url, '[data-testid="stMetric"]', "overview_first_metric_s")
    assert_no_exception(page)
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(14, timeout=30_000)
    expect(page.get_by_role("heading", name="Chính phủ số")).to_be_visible()
    page.get_by_role("button", name="Trích dẫn").first.click()
    expect(page.get_by_text("2024 × Rank: 71", exact=False).first).to_be_visible()  # a cell cited


def test_indicator_page_from_a_link_draws_its_chart_and_quotes(server, page):
    open_timed(
        page, f"{server.url}/indicator?indicator=digital-product-exports", CHART_DRAWN, "indicator_first_chart_s"
    )
    assert_no_exception(page)
    expect(page.get_by_role("heading", name="Xuất khẩu sản phẩm số")).to_be_visible()
    quote = "xuất khẩu sản phẩm số tăng từ 113,5 tỷ USD năm 2021 lên 117,3 tỷ USD năm 2023"
    expect(page.get_by_text(quote, exact=False).first).to_be_visible()
    assert page.locator(CHART).locator("canvas, svg").count() >= 1
    # The table of every observation is drawn when its expander is opened.
    assert page.locator('[data-testid="stDataFrame"]').count() == 0
    page.get_by_text("Bảng tất cả số liệu").click()
    expect(page.locator('[data-testid="stDataFrame"]')).to_be_visible(timeout=30_000)
    assert_no_exception(page)


def test_details_link_on_a_card_opens_that_indicator(server, page):
    open_and_wait(page, f"{server.url}/?sector=digital-society", ready='[data-testid="stMetric"]')
    page.get_by_role("link", name="Chi tiết").first.click()
    page.wait_for_url("**/indicator?*", timeout=30_000)
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=30_000)
    assert "indicator=" in page.url and "sector=digital-society" in page.url
    assert_no_exception(page)


def test_rankings_page_draws_rank_of_n(server, page):
    open_timed(page, f"{server.url}/rankings", CHART_DRAWN, "rankings_first_chart_s")
    assert_no_exception(page)
    expect(page.get_by_text("hạng 71 trên 193").first).to_be_visible()


def test_sources_page_shows_the_text_with_cited_sentences(server, page):
    open_and_wait(page, f"{server.url}/sources?source=vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha")
    assert_no_exception(page)
    expect(page.get_by_text("Phần mềm Bảo hiểm xã hội hiện có 35 triệu tài khoản").first).to_be_visible()
    expect(page.get_by_text("Toàn văn · 8 câu được trích dẫn")).to_be_visible()


def test_how_to_cite_links_back_to_this_exact_view_in_the_readers_language(server, page):
    open_and_wait(page, f"{server.url}/indicator?lang=en&from=2023&indicator=population-database-requests")
    assert_no_exception(page)
    assert page.title() == "Viet Nam digital transformation indicators"  # the browser tab, in English too
    cite = page.locator('[data-testid="stCode"] code').last
    cite.scroll_into_view_if_needed()
    text = cite.inner_text()
    assert text.startswith("Look-up and verification requests to the national population database (2023)")
    assert (
        "Dân trí. “Thủ tướng: Chuyển đổi số phải ưu tiên chất lượng hơn chạy theo số lượng”. 10 October 2023." in text
    )
    permalink = text.split("Permalink to this view: ")[1]
    assert permalink == f"{server.url}/indicator?lang=en&from=2023&indicator=population-database-requests"
    open_and_wait(page, permalink)  # the permalink reopens the same view
    expect(page.get_by_role("heading", name="Look-up and verification requests")).to_be_visible()
    assert "from=2023" in page.url and "lang=en" in page.url


def test_a_filtered_link_restores_its_filters(server, page):
    open_and_wait(page, f"{server.url}/?lang=en&sector=digital-economy&from=2023", ready='[data-testid="stMetric"]')
    assert_no_exception(page)
    headings = page.locator('[data-testid="stMain"] h2')
    expect(headings).to_have_count(1, timeout=30_000)
    expect(headings.first).to_have_text("Digital economy")
    expect(page.get_by_text("Exports of digital products").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"sector=digital-economy"))
    assert "from=2023" in page.url and "lang=en" in page.url
    thumbs = page.locator('[data-testid="stSidebar"] [data-testid="stSliderThumbValue"]')
    expect(thumbs).to_have_text(["2023", "2024"])


# Markdown, Streamlit directives and HTML that would load from, link to or style with a
# host nobody should reach (port 9 is "discard"), or run script.
PAYLOAD = (
    "![px](http://127.0.0.1:9/pixel.png) [click](http://127.0.0.1:9/x) **bold** :red[red] "
    '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b>tag</b>'
)


def with_payload(data: Path) -> str:
    """Put PAYLOAD into every kind of text field of a copy of the registry: names,
    descriptions, units, a note, an index name, a sector name, a source's title,
    publisher and notes, and a cited sentence. Returns that sentence."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 10_000

    def edit(path: Path, change) -> None:
        document = yaml.load(path.read_text(encoding="utf-8"))
        change(document)
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(document, handle)

    sentence = f"Thử nghiệm {PAYLOAD} có 35 triệu tài khoản."
    source_id = "vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha"
    text = data / "sources" / f"{source_id}.txt"
    text.write_text(text.read_text(encoding="utf-8") + sentence + "\n", encoding="utf-8")

    def source(document):
        document["title"] = f"{PAYLOAD} {document['title']}"
        document["publisher"] = f"{PAYLOAD} VOV"
        document["notes"] = {"vi": f"{PAYLOAD} ghi chú", "en": f"{PAYLOAD} notes"}

    def accounts(document):
        for field in ("name", "description", "unit"):
            document[field] = {"vi": f"{PAYLOAD} {field}", "en": f"{PAYLOAD} {field}"}
        observation = document["observations"][0]
        observation["quote"] = sentence
        observation["note"] = {"vi": f"{PAYLOAD} Ghi chú", "en": f"{PAYLOAD} The article says"}

    def egdi(document):
        document["index_name"] = {"vi": f"{PAYLOAD} EGDI", "en": f"{PAYLOAD} EGDI"}

    def taxonomy(document):
        for sector in document["sectors"]:
            sector["name"] = {"vi": f"{PAYLOAD} {sector['id']}", "en": f"{PAYLOAD} {sector['id']}"}

    edit(data / "sources" / f"{source_id}.yaml", source)
    edit(data / "registry" / "vssid-accounts.yaml", accounts)
    edit(data / "registry" / "egdi-rank.yaml", egdi)
    edit(data / "taxonomy.yaml", taxonomy)
    return sentence


def assert_inert(page: Page, reached: list[str], shown: bool = True) -> None:
    """Nothing of PAYLOAD acted: no request to its host, no script run, no image,
    link or formatting made from it, and (when `shown`) its text is on the page as text."""
    main = page.locator('[data-testid="stApp"]')
    if shown:  # first, so that the checks below see the page drawn
        expect(main.get_by_text("**bold** :red[red]", exact=False).first).to_be_visible()
    assert_no_exception(page)
    assert page.evaluate("window.__xss") is None
    assert reached == []
    assert main.locator('img[src="x"], img[src*="127.0.0.1:9"], a[href*="127.0.0.1:9"]').count() == 0
    assert main.locator("b:text-is('tag'), strong:text-is('bold'), span:text-is('red')").count() == 0


def test_markup_in_registry_text_is_shown_as_inert_text(tmp_path, browser):
    """Every kind of registry and source text carrying markdown, Streamlit directives
    and HTML stays text on every page, in both languages."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    sentence = with_payload(data)
    running = Server(data)
    try:
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        page = context.new_page()
        reached: list[str] = []
        page.on("request", lambda request: reached.append(request.url) if ":9/" in request.url else None)
        source = "vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha"
        for language in ("vi", "en"):
            for path, ready in (
                ("/?sector=digital-society", '[data-testid="stMetric"]'),
                ("/indicator?indicator=vssid-accounts", '[data-testid="stMain"] h1'),
                ("/rankings", '[data-testid="stMain"] h1'),
                (f"/sources?source={source}", '[data-testid="stMain"] h1'),
                ("/health", '[data-testid="stMain"] h1'),
            ):
                joiner = "&" if "?" in path else "?"
                open_and_wait(page, f"{running.url}{path}{joiner}lang={language}", ready=ready)
                for popover in page.get_by_role("button", name=re.compile("^(Trích dẫn|Quote)$")).all():
                    popover.click()  # each card's quote opens on demand
                    assert_inert(page, reached)
                    page.keyboard.press("Escape")
                assert_inert(page, reached, shown=not path.startswith("/health"))  # its texts are in a chart
        open_and_wait(page, f"{running.url}/indicator?indicator=vssid-accounts")
        # The text as written, up to the invisible joiners inside its addresses, once the note is drawn.
        page.wait_for_function(
            """([main, joiner, wanted]) => {
                const text = (document.querySelector(main)?.innerText || "").replaceAll(joiner, "");
                return wanted.every((part) => text.includes(part));
            }""",
            arg=['[data-testid="stMain"]', WORD_JOINER, [sentence, f"{PAYLOAD} Ghi chú"]],
            timeout=30_000,
        )
        shown = page.locator('[data-testid="stMain"]').inner_text().replace(WORD_JOINER, "")
        assert sentence in shown and f"{PAYLOAD} Ghi chú" in shown
        context.close()
    finally:
        running.stop()


def test_an_edit_that_keeps_the_size_and_the_times_is_seen(tmp_path, browser):
    """35 -> 36 in a registry file with its modification time restored: the running
    server shows the problem the validator reports, not the figure it had cached."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "registry" / "vssid-accounts.yaml"
    running = Server(data)
    try:
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        page = context.new_page()
        problems = page.locator('[data-testid="stMetric"]').filter(has_text="Problems")
        open_and_wait(page, f"{running.url}/health?lang=en")
        expect(problems.locator('[data-testid="stMetricValue"]')).to_have_text("0")
        before = path.stat()
        path.write_text(path.read_text(encoding="utf-8").replace("value: 35\n", "value: 36\n", 1), encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
        open_and_wait(page, f"{running.url}/health?lang=en")
        expect(problems.locator('[data-testid="stMetricValue"]')).to_have_text("1")
        assert_no_exception(page)
        context.close()
    finally:
        running.stop()


def download(page: Page, button: str, folder: Path) -> bytes:
    """Click a download button, save the file under `folder` and return its bytes."""
    with page.expect_download(timeout=60_000) as started:
        page.get_by_role("button", name=button, exact=True).click()
    saved = folder / started.value.suggested_filename
    started.value.save_as(saved)
    return saved.read_bytes()


def csv_rows(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf"), "no byte-order mark: Excel would misread the Vietnamese text"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def workbook_rows(data: bytes, sheet: str = "data") -> list[dict]:
    """The sheet's rows as dicts of cells (header -> cell), so tests see values and types."""
    rows = list(openpyxl.load_workbook(io.BytesIO(data))[sheet].iter_rows())
    header = [cell.value for cell in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def test_indicator_page_downloads_a_csv_and_a_workbook_that_read_back(server, page, tmp_path):
    open_and_wait(page, f"{server.url}/indicator?indicator=digital-product-exports")
    link = f"{server.url}/indicator?indicator=digital-product-exports"
    rows = csv_rows(download(page, "Tải CSV", tmp_path))
    assert [row["period"] for row in rows] == ["2021", "2023", "2024-H1"]
    latest = rows[-1]
    assert (latest["value"], latest["value_in_base_unit"], latest["value_text"]) == (
        "64.9",
        "64900000000",
        "64,9 tỷ USD",
    )
    assert latest["unit_vi"] == "tỷ USD" and latest["indicator_name"] == "Xuất khẩu sản phẩm số"
    assert latest["source_published"] == "2024-07-19" and latest["indicator_url"] == link
    workbook = download(page, "Tải Excel", tmp_path)
    cells = workbook_rows(workbook)[-1]
    assert cells["value"].value == 64.9 and cells["value_in_base_unit"].value == 64_900_000_000
    assert cells["period"].value == "2024-H1" and cells["period_start"].is_date
    assert cells["value_text"].value == "64,9 tỷ USD" and cells["indicator_url"].hyperlink.target == link
    (source,) = workbook_rows(workbook, "sources")
    assert source["indicator_ids"].value == "digital-product-exports" and source["source_published"].is_date
    assert source["quote"].value.startswith("Theo báo cáo của Tổng cục Hải quan, xuất khẩu sản phẩm số")


def test_overview_downloads_every_indicator_it_shows(server, page, tmp_path):
    open_and_wait(page, server.url, ready='[data-testid="stMetric"]')
    rows = csv_rows(download(page, "Tải CSV", tmp_path))
    assert len(rows) == 46 and rows[0]["indicator_id"] == "egdi-rank"  # the first card, then the others
    districts = next(row for row in rows if row["indicator_id"] == "covid-online-meetings-districts")
    assert districts["value"] == "700" and districts["value_text"] == "hơn 700 quận, huyện"
    assert districts["unit_vi"] == "quận, huyện" and districts["period"] == "giai đoạn phòng, chống đại dịch Covid-19"
    assert all(row["indicator_url"].startswith(f"{server.url}/indicator?indicator=") for row in rows)
    cells = workbook_rows(download(page, "Tải Excel", tmp_path))
    assert len(cells) == 46
    counted = next(row for row in cells if row["indicator_id"].value == "covid-online-meetings-districts")
    assert counted["value"].value == 700 and type(counted["value"].value) is int
    assert counted["unit_vi"].value == "quận, huyện" and counted["value_text"].value == "hơn 700 quận, huyện"


def test_a_filtered_english_overview_downloads_what_it_shows(server, page, tmp_path):
    open_and_wait(page, f"{server.url}/?lang=en&sector=digital-economy", ready='[data-testid="stMetric"]')
    rows = csv_rows(download(page, "Download CSV", tmp_path))
    assert len(rows) == 6 and {row["sector"] for row in rows} == {"digital-economy"}
    share = next(row for row in rows if row["indicator_id"] == "digital-economy-share-of-gdp")
    assert share["value_text"] == "about 14.96% of GDP" and share["value"] == "14.96"
    assert share["indicator_url"].startswith(f"{server.url}/indicator?")
    assert "lang=en" in share["indicator_url"] and "sector=digital-economy" in share["indicator_url"]


@pytest.fixture(scope="module")
def records_server(tmp_path_factory):
    """The registry with a second figure of civil-servant records, so that its chart's
    value axis runs past two million."""
    data = tmp_path_factory.mktemp("records") / "data"
    shutil.copytree(DATA, data)
    sentence = "Đến ngày 31-12-2022, có 1.500.000 hồ sơ được đồng bộ."
    source = data / "sources" / "thanh-hoa-2023-07-12-so-ket-6-thang-chuyen-doi-so.txt"
    source.write_text(source.read_text(encoding="utf-8") + sentence + "\n", encoding="utf-8")
    with (data / "registry" / "civil-servant-database-records.yaml").open("a", encoding="utf-8") as registry_file:
        registry_file.write(
            "  - value: 1500000\n    period: 2022-12-31\n"
            f'    source: thanh-hoa-2023-07-12-so-ket-6-thang-chuyen-doi-so\n    quote: "{sentence}"\n'
        )
    running = Server(data)
    yield running
    running.stop()


@pytest.mark.parametrize(
    ("language", "tick", "png", "svg"),
    [("vi", "2.000.000", "Ảnh PNG", "Ảnh SVG"), ("en", "2,000,000", "PNG image", "SVG image")],
)
def test_chart_axes_use_the_languages_numbers_and_download_as_images(
    records_server, page, tmp_path, language, tick, png, svg
):
    open_and_wait(page, f"{records_server.url}/indicator?indicator=civil-servant-database-records&lang={language}")
    page.wait_for_selector(CHART_DRAWN, timeout=30_000)
    axis = page.locator(f"{CHART} svg.marks text").all_text_contents()
    assert tick in axis, axis
    image = download(page, png, tmp_path)
    assert image.startswith(b"\x89PNG\r\n\x1a\n") and len(image) > 20_000
    drawing = download(page, svg, tmp_path).decode("utf-8")
    texts = re.findall(r">([^<>]+)</(?:text|tspan)>", drawing)  # a title's lines are tspans
    assert tick in texts and ("Nguồn: " if language == "vi" else "Source: ") + "Hội nghị sơ kết" in " ".join(texts)
    title = (
        "Hồ sơ đồng bộ về cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức"
        if language == "vi"
        else "Records synchronised into the national civil-servant database"
    )
    assert title in texts


def test_a_conflict_and_a_province_comparison_are_shown(tmp_path, browser):
    """Two sources disagreeing on one year, and three provinces reporting one indicator
    (tests/fixtures/units): the card says the sources disagree; the indicator page
    draws the units side by side for a period, with each one's citation."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "units", data)
    running = Server(data)
    try:
        context = browser.new_context(viewport={"width": 1440, "height": 1400})
        page = context.new_page()
        open_and_wait(page, f"{running.url}/?lang=en", ready='[data-testid="stMetric"]')
        assert_no_exception(page)
        expect(page.get_by_text("Sources disagree on 2024; the details page lists each one.")).to_be_visible()
        expect(page.get_by_text("Bac Ninh province · 2024", exact=False)).to_be_visible()
        open_and_wait(page, f"{running.url}/indicator?indicator=online-dossiers-provinces&lang=en")
        assert_no_exception(page)
        expect(page.get_by_text("Comparison across reporting units")).to_be_visible()
        expect(page.get_by_text("Ha Giang province merged into Tuyen Quang province on 1 July 2025", exact=False))
        charts = page.locator('[data-testid="stVegaLiteChart"]')
        expect(charts).to_have_count(2)
        page.get_by_text("Each unit's citation", exact=False).click()
        expect(page.get_by_text("Da Nang city: 72.3%")).to_be_visible()
        expect(page.get_by_text("của thành phố Đà Nẵng đạt 72,3%", exact=False).first).to_be_visible()
        page.screenshot(path=str(TIMINGS.parent / "indicators-comparison.png"), full_page=True)  # to look at
        open_and_wait(page, f"{running.url}/indicator?indicator=digital-firms&lang=en")
        assert_no_exception(page)
        expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(1)
        context.close()
    finally:
        running.stop()


def test_filters_keep_their_choice_when_the_language_switches(server, page):
    open_and_wait(
        page, f"{server.url}/?geo=national&sector=digital-economy&from=2023", ready='[data-testid="stMetric"]'
    )
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_role("radio", name="Toàn quốc")).to_be_checked()
    for language, national, sector in (
        ("English", "National", "Digital economy"),
        ("Tiếng Việt", "Toàn quốc", "Kinh tế số"),
    ):
        sidebar.get_by_text(language, exact=True).click()
        expect(sidebar.get_by_role("radio", name=national)).to_be_checked()
        expect(sidebar.get_by_text(sector, exact=True)).to_be_visible()  # the chosen sector's tag
        expect(sidebar.locator('[data-testid="stSliderThumbValue"]')).to_have_text(["2023", "2024"])
        assert "geo=national" in page.url and "sector=digital-economy" in page.url


@pytest.fixture(scope="module")
def bare_server(tmp_path_factory):
    """The registry with every optional field of the models left out at once (see
    `optional_fields`): many files no longer validate; the rest must still read."""
    data = enriched_copy(tmp_path_factory.mktemp("bare") / "data")
    for field in optional_fields():
        variant(data, field)
    running = Server(data, env={"DASHBOARD_EDIT": "1"})
    yield running
    running.stop()


def assert_rendered(page: Page, path: str) -> None:
    """No exception box and no "this page failed" notice (a page's own error, caught)."""
    assert_no_exception(page)
    failed = [text for text in LABELS["page_failed"] if page.get_by_text(text).count()]
    assert failed == [], path


def test_every_page_renders_with_every_optional_field_left_out(bare_server, page):
    report = "bac-ninh-2025-01-10-bao-cao-chuyen-doi-so-nam-2024"
    share = "bac-ninh-full-online-applications-share"  # loads, with the figures its changes broke hidden
    pages = [
        ("", LABELS["more_indicators"]),
        (f"indicator?indicator={share}", LABELS["observations_table"]),
        ("indicator?indicator=egdi-rank", None),  # no longer loads: its page lists its problems
        ("rankings", None),
        (f"sources?source={report}", None),
        ("health", None),
        ("editor", None),
    ]
    for language in ("vi", "en"):
        vi = language == "vi"
        for path, expander in pages:
            separator = "&" if "?" in path else "?"
            open_and_wait(page, f"{bare_server.url}/{path}{separator}lang={language}")
            assert_rendered(page, path)
            if expander:  # its table is drawn once it is open
                label = expander[0 if vi else 1]
                page.get_by_text(label).first.click()
                box = page.locator('[data-testid="stExpander"]').filter(has_text=label)
                expect(box.locator('[data-testid="stDataFrame"]')).to_be_visible(timeout=30_000)
                assert_rendered(page, path)
        # What the registry does not have reads "—".
        open_and_wait(page, f"{bare_server.url}/sources?source={report}&lang={language}")
        for label in ("publisher", "published"):
            expect(page.get_by_text(f"{LABELS[label][0 if vi else 1]}: —").first).to_be_visible()
        expect(page.get_by_text(LABELS["no_link"][0 if vi else 1]).first).to_be_visible()
        open_and_wait(page, f"{bare_server.url}/indicator?indicator={share}&lang={language}")
        expect(page.get_by_text(re.compile(r" —$")).first).to_be_visible()  # a citation without a date
