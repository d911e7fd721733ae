"""The editor as an analyst uses it, in Chromium, signed in through a local OpenID
provider (as in test_sign_in.py): a figure changed in place, its period quote at
hand, problems whose messages wrap, and after a save a Save button that waits for
the next change and a picker that shows the new name."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import DATA
from playwright.sync_api import Page, expect, sync_playwright
from test_browser import CHROMIUM, CHROMIUM_ARGS, Server  # skips this module without Chromium
from test_sign_in import EDITOR, ONLY_LOOPBACK, SIGN_IN, SIGN_OUT, open_editor, openid_provider, sign_in, write_secrets

from indicators import load_registry

pytestmark = pytest.mark.browser

SHORT_QUOTE = "Phần mềm Bảo hiểm xã hội hiện có 35 triệu tài khoản"


def choose_vssid(page: Page) -> None:
    main = page.locator('[data-testid="stMain"]')
    indicator = main.get_by_role("combobox", name="Indicator", exact=True)
    indicator.click()
    indicator.fill("(vssid-accounts)")
    page.get_by_role("option", name=re.compile(r"\(vssid-accounts\)")).click()
    expect(main.get_by_text("Change", exact=True)).to_be_visible(timeout=30_000)


def type_into(page: Page, label: str, text: str) -> None:
    """Fill a text field and commit it (Enter for one line, Ctrl+Enter for an area)."""
    field = page.locator('[data-testid="stMain"]').get_by_label(label, exact=True).first  # the edit tab comes first
    field.fill(text)
    field.press("Control+Enter" if field.evaluate("e => e.tagName") == "TEXTAREA" else "Enter")
    expect(field).to_have_value(text)


def preview(page: Page) -> None:
    page.locator('[data-testid="stMain"]').get_by_role("button", name="Validate and preview").click()


def test_a_figure_is_changed_in_place_and_saved_once(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with openid_provider([EDITOR]) as issuer:
        secrets_file = write_secrets(tmp_path / "secrets.toml", issuer, ["editor@example.org"])
        server = Server(data, env={"DASHBOARD_EDIT": "1"}, flags=["--secrets.files", str(secrets_file)])
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1280, "height": 1000})
                context.route(ONLY_LOOPBACK, lambda route: route.abort())
                page = context.new_page()
                open_editor(page, server, ready=SIGN_IN)
                sign_in(page, server, issuer, EDITOR.sub)
                open_editor(page, server, ready=SIGN_OUT)
                main = page.locator('[data-testid="stMain"]')
                choose_vssid(page)

                main.get_by_text("Change", exact=True).click()
                value = main.get_by_label("Value (a dot as decimal mark: 35.5)", exact=True)
                expect(value).to_have_value("35", timeout=30_000)
                expect(main.get_by_label(re.compile(r"^Period quote \(period_quote"))).to_have_value("")

                # A wrong value: the problem's whole message shows, wrapped, and Save is off.
                type_into(page, "Value (a dot as decimal mark: 35.5)", "36")
                preview(page)
                message = main.locator('[data-testid="stTable"] td', has_text="is not a number stated in the quote")
                expect(message).to_be_visible(timeout=30_000)
                expect(message).to_have_text(
                    "36 × 1,000,000 = 36,000,000 is not a number stated in the quote "
                    "(numbers found: '35 triệu' = 35,000,000, '72%' = 72)"
                )
                box = message.bounding_box()
                assert box["height"] > 40, box  # more than one line: wrapped, not cut
                assert message.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
                expect(main.locator('[data-testid="stTable"] td', has_text="observations[0].value")).to_be_visible()
                expect(main.get_by_role("button", name="Save", exact=True)).to_be_disabled()
                page.screenshot(path=str(tmp_path / "problem.png"), full_page=True)

                # Changed in place: the value back, a shorter verbatim quote, a new name.
                type_into(page, "Value (a dot as decimal mark: 35.5)", "35")
                type_into(page, "Quote (verbatim from the source)", SHORT_QUOTE)
                type_into(page, "Name (en)", "VssID app accounts")
                preview(page)
                expect(main.get_by_text(f'+    quote: "{SHORT_QUOTE}"')).to_be_visible(timeout=30_000)
                save = main.get_by_role("button", name="Save", exact=True)
                expect(save).to_be_enabled()
                save.click()
                expect(main.get_by_text("Saved vssid-accounts.yaml")).to_be_visible(timeout=30_000)
                expect(save).to_be_disabled()
                page.screenshot(path=str(tmp_path / "saved.png"))
                picker = main.get_by_role("combobox", name="Indicator", exact=True)
                expect(picker).to_have_value("VssID app accounts (vssid-accounts)")
                browser.close()
        finally:
            server.stop()
    saved = load_registry(data)
    (observation,) = saved.observations("vssid-accounts")
    assert (observation.value, observation.quote) == (35, SHORT_QUOTE)
    assert saved.indicators["vssid-accounts"].name.en == "VssID app accounts"
    log = (data / "edit-log.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(log) == 1  # saved once
