"""Signing in to the editor for real: a local OpenID provider (oidc-provider-mock)
on a loopback port, `streamlit run` with DASHBOARD_EDIT=1, a copy of the data and
a temporary secrets file, and Chromium clicking through the whole round trip:
signed out -> refused; a visitor -> refused; an editor -> a save whose log entry
names them; signed out -> refused again."""

from __future__ import annotations

import json
import re
import secrets
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import werkzeug.serving
from conftest import DATA
from oidc_provider_mock import User, app
from playwright.sync_api import Page, expect, sync_playwright
from test_browser import CHROMIUM, CHROMIUM_ARGS, Server, open_and_wait  # skips this module without Chromium

from indicators.edit_log import verify

pytestmark = pytest.mark.browser

EDITOR = User(sub="editor-7", claims={"email": "editor@example.org", "email_verified": True, "name": "Editor"})
VISITOR = User(sub="visitor-3", claims={"email": "visitor@elsewhere.example", "email_verified": True})
ONLY_LOOPBACK = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")  # the provider's page links a stylesheet CDN
SIGN_IN, SIGN_OUT = "Sign in", "Sign out"


@contextmanager
def openid_provider(users: list[User]) -> Iterator[str]:
    """oidc-provider-mock serving on a free 127.0.0.1 port in a thread; yields its issuer URL."""
    server = werkzeug.serving.make_server("127.0.0.1", 0, app(user_claims=users), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


def write_secrets(path: Path, issuer: str, editors: list[str]) -> Path:
    """The [auth] settings for `issuer` and the [editors] allow-list, as TOML."""
    path.write_text(
        "[auth]\n"
        'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'  # Streamlit fills in its port
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        'client_id = "indicators-dashboard"\n'
        'client_secret = "a-client-secret-for-tests"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
        "\n[editors]\n"
        f"emails = {json.dumps(editors)}\n",
        encoding="utf-8",
    )
    return path


def open_editor(page: Page, server: Server, ready: str) -> None:
    """Open the editor in English and wait until the button named `ready` shows."""
    open_and_wait(page, f"{server.url}/editor?lang=en")
    expect(page.get_by_role("button", name=ready)).to_be_visible(timeout=30_000)


def assert_refused(page: Page, button: str) -> None:
    """The main area holds no form: one button (`button`), no fields, no tabs."""
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("button")).to_have_count(1)
    expect(main.get_by_role("button", name=button)).to_be_visible()
    assert main.locator("input, textarea, [role=tab]").count() == 0


def sign_in(page: Page, server: Server, issuer: str, subject: str) -> None:
    """From the editor's sign-in button through the provider's form and back."""
    page.get_by_role("button", name=SIGN_IN).click()
    page.wait_for_url(f"{issuer}/oauth2/authorize?*", timeout=30_000)
    page.get_by_placeholder("sub").fill(subject)
    page.get_by_role("button", name="Authorize").click()
    back_home(page, server)


def sign_out(page: Page, server: Server, issuer: str) -> None:
    """The editor's sign-out button, then the provider's end-of-session form."""
    page.get_by_role("button", name=SIGN_OUT).click()
    page.wait_for_url(f"{issuer}/oauth2/end_session?*", timeout=30_000)
    page.get_by_role("button", name="End session").click()
    back_home(page, server)


def back_home(page: Page, server: Server) -> None:
    """Wait until Streamlit has sent the browser to the app's home page (with the
    identity cookie set or cleared); the tests go on to the editor, not waiting
    for the home page to draw."""
    page.wait_for_url(f"{server.url}/", timeout=30_000, wait_until="commit")


def untick_headline_and_save(page: Page) -> None:
    """Open vssid-accounts, untick "headline", validate and preview, save."""
    main = page.locator('[data-testid="stMain"]')
    indicator = main.get_by_role("combobox", name="Indicator", exact=True)
    indicator.click()
    indicator.fill("(vssid-accounts)")  # the list is long; typing narrows it
    page.get_by_role("option", name=re.compile(r"\(vssid-accounts\)")).click()
    headline = main.get_by_role("checkbox", name="Headline (KPI card on the overview)")
    expect(headline).to_be_checked(timeout=30_000)
    main.get_by_text("Headline (KPI card on the overview)").click()
    expect(headline).not_to_be_checked()
    main.get_by_role("button", name="Validate and preview").click()
    expect(main.get_by_text("+headline: false")).to_be_visible(timeout=30_000)
    main.get_by_role("button", name="Save", exact=True).click()
    expect(main.get_by_text("Saved vssid-accounts.yaml")).to_be_visible(timeout=30_000)


def test_only_a_signed_in_editor_edits_and_the_log_names_them(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    registry_file = data / "registry" / "vssid-accounts.yaml"
    before = registry_file.read_text(encoding="utf-8")
    with openid_provider([EDITOR, VISITOR]) as issuer:
        secrets_file = write_secrets(tmp_path / "secrets.toml", issuer, ["editor@example.org"])
        server = Server(data, env={"DASHBOARD_EDIT": "1"}, flags=["--secrets.files", str(secrets_file)])
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1440, "height": 1000})
                context.route(ONLY_LOOPBACK, lambda route: route.abort())
                page = context.new_page()

                open_editor(page, server, ready=SIGN_IN)
                assert_refused(page, SIGN_IN)

                sign_in(page, server, issuer, VISITOR.sub)
                open_editor(page, server, ready=SIGN_OUT)
                expect(page.get_by_text("but not an editor")).to_be_visible()
                expect(page.get_by_text("visitor@elsewhere.example")).to_be_visible()
                assert_refused(page, SIGN_OUT)
                sign_out(page, server, issuer)

                open_editor(page, server, ready=SIGN_IN)
                sign_in(page, server, issuer, EDITOR.sub)
                open_editor(page, server, ready=SIGN_OUT)
                expect(page.get_by_text("every save is logged with this identity")).to_be_visible()
                untick_headline_and_save(page)

                sign_out(page, server, issuer)
                open_editor(page, server, ready=SIGN_IN)
                assert_refused(page, SIGN_IN)
                browser.close()
        finally:
            server.stop()
    assert registry_file.read_text(encoding="utf-8") == before.replace("headline: true", "headline: false")
    log = data / "edit-log.jsonl"
    (entry,) = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert entry["author"] == {"kind": "oidc", "issuer": issuer, "subject": "editor-7", "email": "editor@example.org"}
    assert entry["file"] == "vssid-accounts.yaml" and "+headline: false" in entry["diff"]
    assert verify(log).ok
