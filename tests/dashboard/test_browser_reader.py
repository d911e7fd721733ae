"""The reader's tools in a real browser (Debian Chromium, Playwright): the province map,
search, targets, and pages on a 390 px phone. Test registries: `tests/fixtures/maps`
(provincial figures for 2024, 63 provinces, and Q4 2025, 34, with targets) and the
shipped registry."""

from __future__ import annotations

import re

import pytest
from conftest import DATA, FIXTURES
from dashboard_helpers import skip_without_chromium

pytestmark = pytest.mark.browser

skip_without_chromium()

from playwright.sync_api import Page, expect  # noqa: E402
from test_browser import CHART, CHART_DRAWN, Server, assert_no_exception, browser, open_and_wait  # noqa: E402, F401

PHONE = {"width": 390, "height": 844}
MAPS = FIXTURES / "maps"


@pytest.fixture(scope="module")
def maps_server():
    running = Server(MAPS)
    yield running
    running.stop()


@pytest.fixture
def phone(browser):  # noqa: F811
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def wide(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    yield context.new_page()
    context.close()


def no_wider_than_the_screen(page: Page) -> None:
    """Nothing on the page reaches past the viewport's right edge (charts, tables, panels)."""
    overflowing = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > innerWidth + 1; })
            .filter(e => !e.closest('[data-testid="stSidebar"]'))
            .map(e => (e.getAttribute('data-testid') || e.tagName) + ':' + Math.round(e.getBoundingClientRect().right))
            .slice(0, 5)"""
    )
    assert overflowing == []


def click_a_tile(page: Page) -> str:
    """Hover the map's cells until the tooltip names a province with a figure, click it,
    and return that province's name (the tooltip's first line)."""
    chart = page.locator(CHART).first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    for y in range(int(box["height"] * 0.2), int(box["height"] * 0.8), 20):
        for x in range(20, int(min(box["width"], 300)), 20):
            page.mouse.move(box["x"] + x, box["y"] + y)
            tooltip = page.locator("#vg-tooltip-element")
            if tooltip.count() and tooltip.is_visible():
                text = tooltip.inner_text()
                if "%" in text:
                    page.mouse.click(box["x"] + x, box["y"] + y)
                    return text.split("\n")[0].split("\t")[-1].strip()
    raise AssertionError("no tile with a figure found under the pointer")


@pytest.mark.parametrize(
    ("query", "layout", "reporting", "missing"),
    [
        (
            "period=2024",
            "63 tỉnh, thành phố (trước 1/7/2025)",
            "45 tỉnh, thành phố có số liệu",
            "Không có số liệu (18)",
        ),
        ("period=2025-Q4", "34 tỉnh, thành phố (từ 1/7/2025)", "26 tỉnh, thành phố có số liệu", "Không có số liệu (8)"),
    ],
)
def test_the_map_draws_the_units_in_force_in_the_period(maps_server, wide, query, layout, reporting, missing):
    open_and_wait(wide, f"{maps_server.url}/map?indicator=online-dossiers-by-province&{query}", CHART_DRAWN)
    assert_no_exception(wide)
    expect(wide.get_by_text(f"{layout} · {reporting}")).to_be_visible()
    expect(wide.locator("p").filter(has_text=f"{missing}: ")).to_be_visible()
    expect(wide.get_by_role("button", name="Ảnh PNG")).to_be_visible()


def test_clicking_a_tile_opens_that_provinces_series_in_english(maps_server, wide):
    url = f"{maps_server.url}/map?lang=en&indicator=online-dossiers-by-province&period=2025-Q4"
    open_and_wait(wide, url, CHART_DRAWN)
    expect(wide.locator("p").filter(has_text="No figure (8): ")).to_be_visible()
    name = click_a_tile(wide)
    expect(wide.get_by_role("heading", name=f"Series of {name}")).to_be_visible(timeout=30_000)
    assert "province=" in wide.url
    assert_no_exception(wide)


def test_the_map_page_lists_the_indicators_that_have_one_and_fits_a_phone(maps_server, phone):
    open_and_wait(phone, f"{maps_server.url}/map?indicator=provincial-dti-rank&province=ha-noi", CHART_DRAWN)
    assert_no_exception(phone)
    expect(phone.get_by_role("link", name="Xếp hạng chỉ số chuyển đổi số cấp tỉnh")).to_be_visible()
    expect(phone.get_by_role("link", name="Tỷ lệ hồ sơ trực tuyến toàn trình theo tỉnh")).to_be_visible()
    expect(phone.get_by_role("heading", name="Chuỗi số liệu của Hà Nội")).to_be_visible()
    no_wider_than_the_screen(phone)


@pytest.fixture(scope="module")
def shipped_server():
    running = Server()
    yield running
    running.stop()


def test_the_sidebar_search_finds_without_tone_marks_and_links_to_the_page(shipped_server, wide):
    open_and_wait(wide, shipped_server.url, ready='[data-testid="stMetric"]')
    box = wide.locator('[data-testid="stSidebar"]').get_by_label("Tìm chỉ số")
    box.fill("dich vu cong")
    box.press("Enter")
    expect(wide.get_by_role("heading", name='10 chỉ số khớp "dich vu cong"')).to_be_visible(timeout=30_000)
    expect(wide).to_have_url(re.compile(r"/search\?q=dich\+vu\+cong"))
    result = wide.get_by_role("link", name="Dịch vụ công theo Quyết định 422/QĐ-TTg đã cung cấp")
    with wide.context.expect_page() as opened:  # the app's links to pages open a tab, like its tables' links
        result.click()
    indicator = opened.value
    expect(indicator.get_by_role("heading", name="Dịch vụ công theo Quyết định 422/QĐ-TTg đã cung cấp")).to_be_visible(
        timeout=30_000
    )
    assert "/indicator?indicator=decision-422-online-public-services" in indicator.url
    assert_no_exception(indicator)


def test_search_in_english_on_a_phone(shipped_server, phone):
    open_and_wait(phone, f"{shipped_server.url}/search?lang=en&q=PUBLIC%20services")
    assert_no_exception(phone)
    expect(phone.get_by_role("link", name="Level-4 online public services of Project 06 in service")).to_be_visible()
    open_and_wait(phone, f"{shipped_server.url}/search?lang=en&q=xyzzy")
    expect(phone.get_by_text('No indicator matches "xyzzy"', exact=False)).to_be_visible()
    no_wider_than_the_screen(phone)


def test_every_indicator_is_a_link_on_the_overview_without_opening_anything(shipped_server, wide):
    open_and_wait(wide, shipped_server.url, ready='[data-testid="stMetric"]')
    expect(wide.locator('[data-testid="stMetric"]')).to_have_count(14, timeout=30_000)  # each sector's cards
    hrefs = wide.locator('[data-testid="stMain"] a[href*="indicator?"]').evaluate_all(
        "links => links.map(link => new URL(link.href).searchParams.get('indicator'))"
    )
    assert len(set(hrefs)) == len(list((DATA / "registry").glob("*.yaml")))
    assert wide.locator('[data-testid="stDataFrame"]').count() == 0  # the table stays closed


def test_the_targets_page_lists_every_target_with_its_status_and_filters_by_sector(maps_server, wide):
    open_and_wait(wide, f"{maps_server.url}/targets")
    assert_no_exception(wide)
    grid = wide.locator('[data-testid="stDataFrame"]')
    expect(grid).to_be_visible(timeout=30_000)
    rows = grid.locator('[role="row"]')
    expect(rows).to_have_count(4)  # the header and three targets
    expect(grid.get_by_text("Đúng tiến độ")).to_have_count(1)
    expect(grid.get_by_text("Chậm tiến độ")).to_have_count(2)
    wide.locator('[data-testid="stMain"] [data-testid="stMultiSelect"]').click()
    wide.get_by_role("option", name="Kinh tế số").click()
    expect(wide.get_by_text("Không có mục tiêu nào trong các lĩnh vực đã chọn.")).to_be_visible(timeout=30_000)


def test_targets_and_their_status_on_the_card_and_the_indicator_page_in_english(maps_server, wide):
    open_and_wait(wide, f"{maps_server.url}/?lang=en", ready='[data-testid="stMetric"]')
    expect(wide.get_by_text("Target 2030: 95% · 30.7 to go", exact=False)).to_be_visible()
    expect(wide.get_by_text(re.compile(r"Off track$"))).to_have_count(2)  # Bắc Ninh's card: its two targets
    open_and_wait(wide, f"{maps_server.url}/indicator?lang=en&indicator=online-dossiers-by-province", CHART_DRAWN)
    expect(wide.get_by_role("heading", name="Targets and progress")).to_be_visible()
    expect(wide.locator("p").filter(has_text="Target 2026 · Ha Noi city: 90% ·")).to_contain_text("On track")
    # On the chart, each target is labelled with its unit, once.
    expect(wide.locator(f"{CHART} text", has_text="Target 2026 · Ha Noi city: 90%")).to_have_count(1)
    expect(wide.locator(f"{CHART} text", has_text="Target 2030 · Bac Ninh province: 95%")).to_have_count(1)
    expect(wide.get_by_text("of the progress due by then", exact=False)).to_be_visible()
    assert_no_exception(wide)


@pytest.mark.parametrize(
    "path", ["", "rankings", "indicator?indicator=digital-product-exports", "targets", "search?q=xuat+khau"]
)
def test_a_phone_page_is_no_wider_than_the_screen(shipped_server, phone, path):
    open_and_wait(phone, f"{shipped_server.url}/{path}")
    phone.wait_for_timeout(0)
    assert_no_exception(phone)
    no_wider_than_the_screen(phone)


def test_no_request_leaves_the_site(shipped_server, phone):
    requested = []
    phone.on("request", lambda request: requested.append(request.url))
    open_and_wait(phone, f"{shipped_server.url}/indicator?indicator=digital-product-exports", CHART_DRAWN)
    open_and_wait(phone, f"{shipped_server.url}/?lang=en", ready='[data-testid="stMetric"]')
    elsewhere = [url for url in requested if not url.startswith(("http://127.0.0.1:", "data:", "blob:"))]
    assert requested and elsewhere == []


def test_reading_aids_in_both_languages(shipped_server, wide):
    open_and_wait(wide, shipped_server.url, ready='[data-testid="stMetric"]')
    expect(wide.get_by_text("Dữ liệu cập nhật lần cuối ngày", exact=False)).to_be_visible()
    expect(wide.get_by_text("cũ: số mới nhất hơn 2 năm trước").first).to_be_visible()
    open_and_wait(wide, f"{shipped_server.url}/indicator?lang=en&indicator=digital-product-exports", CHART_DRAWN)
    expect(wide.get_by_text("Newest figure: ", exact=False)).to_be_visible()


def test_how_to_cite_has_a_copy_button_that_copies_the_citation(shipped_server, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=shipped_server.url)
    page = context.new_page()
    try:
        open_and_wait(page, f"{shipped_server.url}/indicator?lang=en&indicator=digital-product-exports", CHART_DRAWN)
        block = page.locator('[data-testid="stCode"]').last
        block.scroll_into_view_if_needed()
        block.hover()
        block.get_by_role("button").first.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("Exports of digital products (") and "Permalink to this view: " in copied
    finally:
        context.close()
