"""Who may edit, decided from the secrets' [auth] and [editors] sections and `st.user`."""

import tomllib

import pytest
from conftest import PROJECT

from dashboard.editors import (
    AUTH_KEYS,
    EDITOR,
    NO_EDITORS,
    REFUSED,
    SIGNED_OUT,
    UNCONFIGURED,
    Editors,
    access,
    editors_from,
    identity_of,
)

AUTH = {key: f"{key}-value" for key in AUTH_KEYS}
EDITORS = {"emails": ["Analyst@Example.org"], "domains": ["@desk.example.vn"]}
SIGNED_IN = {
    "is_logged_in": True,
    "iss": "https://id.example.org",
    "sub": "248289761001",
    "email": "analyst@example.org",
    "email_verified": True,
}


def test_the_allow_list_is_read_in_lower_case_without_at_signs():
    assert editors_from(EDITORS) == Editors(frozenset({"analyst@example.org"}), frozenset({"desk.example.vn"}))
    assert editors_from({}) == Editors(frozenset(), frozenset())


@pytest.mark.parametrize("section", [{"emails": "analyst@example.org"}, {"emails": 5}, {"domains": ["example.vn", 3]}])
def test_an_allow_list_that_is_not_lists_of_strings_is_refused(section):
    with pytest.raises(ValueError, match="must be a list of strings"):
        editors_from(section)


@pytest.mark.parametrize(
    ("email", "admitted"),
    [
        ("analyst@example.org", True),
        (" ANALYST@example.org ", True),
        ("someone@desk.example.vn", True),
        ("someone@Desk.Example.VN", True),
        ("other@example.org", False),  # the email is listed, not its domain
        ("someone@news.desk.example.vn", False),  # subdomains are not included
        ("someone@evildesk.example.vn", False),
        ("desk.example.vn@elsewhere.example", False),
        ("desk.example.vn", False),  # a domain alone is not an email at it
        ("@desk.example.vn", False),
        ("", False),
        ("x@evil.com@desk.example.vn", False),  # two `@`: malformed, whatever its last domain
        ("analyst@example.org@evil.com", False),
        ("an\u212alyst@example.org", False),
        ("analyst@example.org\u200b", False),
        ("someone@desk.example.vn.", False),
        ("some one@desk.example.vn", False),
        ("ＡＮＡＬＹＳＴ@example.org", False),  # full-width look-alikes are not ASCII
    ],
)
def test_an_email_is_admitted_when_listed_or_at_a_listed_domain(email, admitted):
    assert editors_from(EDITORS).admit(email) is admitted


def test_a_kelvin_sign_never_matches_a_listed_k():
    editors = editors_from({"emails": ["kim@example.org"], "domains": []})
    assert editors.admit("kim@example.org") and editors.admit("KIM@example.org")
    assert not editors.admit("\u212aim@example.org")  # NFKC would make it K; as written it is not ASCII


def test_the_identity_is_issuer_subject_and_verified_email():
    assert identity_of(SIGNED_IN) == {
        "kind": "oidc",
        "issuer": "https://id.example.org",
        "subject": "248289761001",
        "email": "analyst@example.org",
    }


@pytest.mark.parametrize(
    "changed",
    [
        {"is_logged_in": False},
        {"email_verified": False},
        {"email_verified": "true"},  # only a JSON true counts
        {"email": ""},
        {"sub": None},
        {"iss": 7},
    ],
)
def test_no_identity_without_sign_in_claims_or_a_verified_email(changed):
    assert identity_of({**SIGNED_IN, **changed}) is None


def test_access_states():
    assert access({}, EDITORS, SIGNED_IN) == access({}, {}, {})
    assert access({}, EDITORS, SIGNED_IN).state == UNCONFIGURED
    partial = access({"redirect_uri": "x", "client_id": "y"}, EDITORS, SIGNED_IN)
    assert (partial.state, partial.detail) == (UNCONFIGURED, "cookie_secret, client_secret, server_metadata_url")
    assert access(AUTH, {}, SIGNED_IN).state == NO_EDITORS
    invalid = access(AUTH, {"emails": "a@example.org"}, SIGNED_IN)
    assert invalid.state == NO_EDITORS and "must be a list" in invalid.detail
    assert access(AUTH, EDITORS, {}) == access(AUTH, EDITORS, {"is_logged_in": False})
    assert access(AUTH, EDITORS, {}).state == SIGNED_OUT
    refused = access(AUTH, EDITORS, {**SIGNED_IN, "email": "visitor@elsewhere.example"})
    assert (refused.state, refused.identity, refused.detail) == (REFUSED, None, "visitor@elsewhere.example")
    no_email = access(AUTH, EDITORS, {key: value for key, value in SIGNED_IN.items() if key != "email"})
    assert (no_email.state, no_email.detail) == (REFUSED, "248289761001")
    allowed = access(AUTH, EDITORS, SIGNED_IN)
    assert (allowed.state, allowed.identity) == (EDITOR, identity_of(SIGNED_IN))


def test_the_example_secrets_name_every_setting():
    example = tomllib.loads((PROJECT / ".streamlit" / "secrets.example.toml").read_text(encoding="utf-8"))
    assert set(example) == {"auth", "editors"} and set(AUTH_KEYS) <= set(example["auth"])
    assert access(example["auth"], example["editors"], {}).state == SIGNED_OUT
