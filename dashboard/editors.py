"""Who may use the editor: a visitor signed in with OpenID Connect (`st.login`)
whose verified email is on the allow-list of editors.

Both live in the secrets (`.streamlit/secrets.toml`, see `secrets.example.toml`):

    [auth]                      # Streamlit's own sign-in settings
    redirect_uri = "https://editor.example.org/oauth2callback"
    cookie_secret = "..."
    client_id = "..."
    client_secret = "..."
    server_metadata_url = "https://id.example.org/.well-known/openid-configuration"

    [editors]
    emails = ["analyst@example.org"]
    domains = ["example.gov.vn"]  # anyone with a verified email at exactly this domain

`access` decides from plain mappings (unit-tested); `current_access` feeds it
this run's secrets and `st.user`. Tests get an identity the way Streamlit's
AppTest offers: `AppTest.secrets` and `AppTest.user`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from indicators.edit_log import oidc_author

AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")

UNCONFIGURED = "unconfigured"  # [auth] lacks keys: nobody can sign in
NO_EDITORS = "no-editors"  # [editors] is empty or not valid: nobody may edit
SIGNED_OUT = "signed-out"
REFUSED = "refused"  # signed in, but not on the allow-list (or no verified email)
EDITOR = "editor"


@dataclass(frozen=True)
class Editors:
    """The allow-list: emails and domains, in lower case."""

    emails: frozenset[str]
    domains: frozenset[str]

    def admit(self, email: str) -> bool:
        """True when `email` is listed or its domain is (exactly; subdomains are not).
        Addresses are compared in `email_key` form; a malformed or non-ASCII one is refused."""
        address = email_key(email)
        if address is None:
            return False
        domain = address.split("@")[1]
        return address in self.emails or domain in self.domains


_LOCAL_PART = re.compile(r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


def email_key(email: str) -> str | None:
    """An address as the allow-list compares it: trimmed, NFKC, case-folded; None
    unless it was written in ASCII and is one plain address `local@domain` (one `@`,
    a dot-atom local part, a dotted host name). A look-alike is never another
    address: `Kim@…` written with a Kelvin sign (U+212A), which NFKC would make a K,
    is not ASCII: None. `x@evil.com@example.gov.vn`: None."""
    written = email.strip()
    if not written.isascii():
        return None
    address = unicodedata.normalize("NFKC", written).casefold()
    local_part, at, domain = address.partition("@")
    if not at or not _LOCAL_PART.fullmatch(local_part) or not _DOMAIN.fullmatch(domain):
        return None
    return address


def editors_from(section: Mapping) -> Editors:
    """The `[editors]` section as an allow-list. `emails` and `domains` are lists
    of strings (a domain may start with `@`); raises ValueError otherwise."""
    lists = {}
    for key in ("emails", "domains"):
        values = section.get(key, [])
        if not isinstance(values, list | tuple) or not all(isinstance(value, str) for value in values):
            raise ValueError(f'[editors] {key} must be a list of strings, like ["a@example.org"]')
        lists[key] = frozenset(
            unicodedata.normalize("NFKC", value).casefold().strip().removeprefix("@")
            for value in values
            if value.strip()
        )
    return Editors(lists["emails"], lists["domains"])


def identity_of(user: Mapping) -> dict | None:
    """The signed-in person as an edit-log author (`edit_log.oidc_author`): from the
    `iss`, `sub` and `email` claims, when the provider says the email is verified
    (`email_verified` true). None when signed out or a claim is missing."""
    claims = [user.get(name) for name in ("iss", "sub", "email")]
    if not user.get("is_logged_in") or user.get("email_verified") is not True:
        return None
    if not all(isinstance(claim, str) and claim for claim in claims):
        return None
    return oidc_author(*claims)


@dataclass(frozen=True)
class Access:
    """What the editor page may show: `state` is one of the constants above;
    `identity` is set for an editor; `detail` names what is missing or wrong."""

    state: str
    identity: dict | None = None
    detail: str = ""


def access(auth: Mapping, editors: Mapping, user: Mapping) -> Access:
    """Decide from the `[auth]` and `[editors]` sections and `st.user`'s claims."""
    missing = [key for key in AUTH_KEYS if not auth.get(key)]
    if missing:
        return Access(UNCONFIGURED, detail=", ".join(missing))
    try:
        allowed = editors_from(editors)
    except ValueError as error:
        return Access(NO_EDITORS, detail=str(error))
    if not allowed.emails and not allowed.domains:
        return Access(NO_EDITORS)
    if not user.get("is_logged_in"):
        return Access(SIGNED_OUT)
    identity = identity_of(user)
    if identity is None or not allowed.admit(identity["email"]):
        return Access(REFUSED, detail=str(user.get("email") or user.get("sub") or ""))
    return Access(EDITOR, identity)


def secrets_section(name: str) -> Mapping:
    """A section of this server's secrets; {} when it or the secrets file is absent."""
    try:
        section = st.secrets.get(name)
    except FileNotFoundError:  # no secrets file, or one that does not parse
        return {}
    return section if isinstance(section, Mapping) else {}


def current_access() -> Access:
    """`access` for this script run."""
    return access(secrets_section("auth"), secrets_section("editors"), st.user.to_dict())
