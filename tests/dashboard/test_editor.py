"""The editor page: off by default; only a signed-in editor sees it; every save is
validated, previewed, safe and logged with the editor's identity.

Identities come through AppTest's own doors: `app.secrets` holds the [auth] and
[editors] sections, `app.user` the claims `st.user` reads."""

import json
import shutil

import pytest
from conftest import DATA
from dashboard_helpers import shown, static_tables

from dashboard.render import inline_code
from indicators import load_registry
from indicators.edit_log import read_entries
from indicators.files import MAX_SOURCE_TEXT_BYTES
from indicators.source_import import SourceImportError, decode_upload

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "a cookie secret only these tests use",
    "client_id": "indicators-dashboard",
    "client_secret": "test-client-secret",
    "server_metadata_url": "https://id.example.org/.well-known/openid-configuration",
}
SECRETS = {"auth": AUTH, "editors": {"emails": ["analyst@example.org"], "domains": ["desk.example.vn"]}}
ANALYST = {
    "is_logged_in": True,
    "iss": "https://id.example.org",
    "sub": "analyst-1",
    "email": "analyst@example.org",
    "email_verified": True,
    "name": "An Analyst",
}


def open_editor(app, monkeypatch, tmp_path, user: dict, secrets: dict = SECRETS, language: str = "en"):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    monkeypatch.setenv("INDICATORS_DATA", str(data))
    monkeypatch.setenv("DASHBOARD_EDIT", "1")
    app.secrets = secrets
    app.user = user
    if language == "en":
        app.query_params["lang"] = "en"
    app.run()
    app.switch_page("views/editor.py")
    app.run()
    assert not app.exception, [element.value for element in app.exception]
    return app, data


@pytest.fixture
def editable(app, monkeypatch, tmp_path):
    return open_editor(app, monkeypatch, tmp_path, ANALYST)


def main_widgets(app) -> list[str]:
    """The kinds of input the page's main area offers (the sidebar's filters aside)."""
    kinds = ("text_input", "text_area", "selectbox", "checkbox", "radio", "toggle", "button", "tabs")
    return [kind for kind in kinds for _ in app.main.get(kind)]


def by_label(elements, label):
    return next(element for element in elements if element.label == label)


def test_editor_is_off_unless_enabled(app, monkeypatch):
    monkeypatch.delenv("DASHBOARD_EDIT", raising=False)
    app.run()
    assert not app.exception
    with pytest.raises(ValueError, match="Known pages") as refused:
        app.switch_page("views/editor.py")
    assert "editor.py" not in str(refused.value).split("Known pages")[1]


def test_editing_a_field_saves_one_changed_line_and_logs_it(editable):
    app, data = editable
    path = data / "registry" / "vssid-accounts.yaml"
    before = path.read_text(encoding="utf-8")
    app.selectbox(key="editor_indicator").set_value("vssid-accounts").run()
    headline = next(box for box in app.checkbox if box.label.startswith("Headline"))
    headline.uncheck()
    app.button(key="editor_preview").click().run()
    assert not app.exception and not app.error
    assert "-headline: true\n+headline: false" in app.code[0].value
    app.button(key="save_vssid-accounts").click().run()
    assert app.success and "Saved vssid-accounts.yaml" in shown(app.success[0].value)
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("headline: true", "headline: false")
    (entry,) = [json.loads(line) for line in (data / "edit-log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert entry["file"] == "vssid-accounts.yaml"
    assert entry["author"] == {
        "kind": "oidc",
        "issuer": "https://id.example.org",
        "subject": "analyst-1",
        "email": "analyst@example.org",
    }


def test_a_new_indicator_from_a_source_sentence_validates_and_saves(editable):
    app, data = editable
    (data / "registry" / "digital-product-exports.yaml").unlink()  # frees its figures
    app.selectbox(key="editor_indicator").set_value("__new__").run()
    app.text_input(key="editor_new_id").input("digital-product-exports-copy")
    by_label(app.text_input, "Name (vi)").input("Xuất khẩu sản phẩm số (bản sao)")
    by_label(app.text_input, "Name (en)").input("Exports of digital products (copy)")
    by_label(app.text_input, "Unit (vi), without the scale word").input("USD")
    by_label(app.text_input, "Unit (en), without the scale word").input("USD")
    by_label(app.text_area, "Description (vi)").input("Bản sao để thử.")
    by_label(app.text_area, "Description (en)").input("A copy for testing.")
    by_label(app.selectbox, "Sector").set_value("digital-economy")
    by_label(app.selectbox, "Kind").set_value("amount")
    by_label(app.selectbox, "Scale").set_value("billion")
    app.selectbox(key="pick_source___new__").set_value("vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha").run()
    sentences = next(box for box in app.selectbox if (box.key or "").startswith("pick_sentence___new__"))
    sentences.select(next(option for option in sentences.options if "117,3 tỷ USD" in option)).run()
    figure = next(radio for radio in app.radio if (radio.key or "").startswith("pick_figure___new__"))
    figure.set_value(next(i for i, option in enumerate(figure.options) if option.startswith("117,3 tỷ →"))).run()
    period_quote = next(area for area in app.text_area if (area.key or "").startswith("pick_period_quote___new__"))
    assert period_quote.value == ""  # the sentence states its period
    period_quote.input(CONTEXT).run()
    app.button(key="editor_preview").click().run()
    assert f"+    period_quote: '{CONTEXT}'" in app.code[0].value
    assert not app.exception
    assert not app.error, [element.value for element in app.error]
    app.button(key="save___new__").click().run()
    assert "Saved digital-product-exports-copy.yaml" in shown(app.success[0].value)
    assert app.selectbox(key="editor_indicator").value == "digital-product-exports-copy"  # the saved file, by name
    assert app.button(key="save_digital-product-exports-copy").disabled  # until the next change
    saved = load_registry(data).observations("digital-product-exports-copy")
    assert [(o.value, o.period, o.period_quote) for o in saved] == [(117.3, "2023", CONTEXT)]


CONTEXT = (
    "Doanh thu phần mềm và dịch vụ công nghệ thông tin tăng khá (năm 2023: 13 tỷ USD; 6 tháng 2024: 6 tỷ USD); "
    "xuất khẩu năm 2023: 7,5 tỷ USD; 6 tháng 2024: gần 3 tỷ USD."
)


def test_the_editor_refuses_a_figure_another_indicator_cites(editable):
    app, data = editable
    app.selectbox(key="editor_indicator").set_value("__new__").run()
    app.text_input(key="editor_new_id").input("exports-copy")
    for label, text in [("Name (vi)", "x"), ("Name (en)", "x"), ("Unit (vi), without the scale word", "USD")]:
        by_label(app.text_input, label).input(text)
    by_label(app.text_input, "Unit (en), without the scale word").input("USD")
    by_label(app.text_area, "Description (vi)").input("x")
    by_label(app.text_area, "Description (en)").input("x")
    by_label(app.selectbox, "Sector").set_value("digital-economy")
    by_label(app.selectbox, "Kind").set_value("amount")
    by_label(app.selectbox, "Scale").set_value("billion")
    app.selectbox(key="pick_source___new__").set_value("vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha").run()
    sentences = next(box for box in app.selectbox if (box.key or "").startswith("pick_sentence___new__"))
    sentences.select(next(option for option in sentences.options if "117,3 tỷ USD" in option)).run()
    figure = next(radio for radio in app.radio if (radio.key or "").startswith("pick_figure___new__"))
    figure.set_value(next(i for i, option in enumerate(figure.options) if option.startswith("117,3 tỷ →"))).run()
    app.button(key="editor_preview").click().run()
    (problems,) = static_tables(app)
    assert problems["Code"].tolist() == ["figure-cited-twice"]
    assert (
        problems["Message"].tolist()
        == [
            "indicator 'digital-product-exports' (registry/digital-product-exports.yaml) already cites this "  # no server path
            "figure of this sentence; one figure is one observation: remove this one, or file it under "
            "'digital-product-exports'"
        ]
    )
    assert app.button(key="save___new__").disabled


def test_a_figure_is_changed_in_place(editable):
    app, data = editable
    app.selectbox(key="editor_indicator").set_value("vssid-accounts").run()
    app.toggle(key="change_vssid-accounts_0").set_value(True).run()
    assert app.text_input(key="value_vssid-accounts_0").value == "35"
    app.text_input(key="value_vssid-accounts_0").input("35,0").run()
    app.button(key="editor_preview").click().run()
    assert shown(app.error[0].value) == ("Value “35,0” is not a number: write 35.0 (a dot as the decimal mark)")
    app.text_input(key="value_vssid-accounts_0").input("35").run()
    app.text_area(key="quote_vssid-accounts_0").input("Phần mềm Bảo hiểm xã hội hiện có 35 triệu tài khoản").run()
    app.button(key="editor_preview").click().run()
    assert not app.error, [element.value for element in app.error]
    app.button(key="save_vssid-accounts").click().run()
    (observation,) = load_registry(data).observations("vssid-accounts")
    assert observation.quote == "Phần mềm Bảo hiểm xã hội hiện có 35 triệu tài khoản"


def test_a_figure_citing_a_table_cell_shows_its_cell_and_is_changed_without_a_quote(editable):
    app, data = editable
    app.selectbox(key="editor_indicator").set_value("egdi-rank").run()
    assert not app.exception and not app.error, [element.value for element in app.exception]
    row = next(box for box in app.checkbox if box.key == "remove_egdi-rank_1")
    assert shown(row.label) == "Remove · 2003: 97 — 2003 × E-Government Rank"
    app.toggle(key="change_egdi-rank_1").set_value(True).run()
    assert any(shown(caption.value).endswith(" — 2003 × E-Government Rank: 97") for caption in app.main.caption)
    assert app.text_input(key="value_egdi-rank_1").value == "97"
    assert "quote_egdi-rank_1" not in [area.key for area in app.text_area]  # the cell is its evidence
    app.text_input(key="value_egdi-rank_1").input("98").run()
    app.button(key="editor_preview").click().run()
    diff = app.code[0].value
    assert "-  - value: 97\n+  - value: 98" in diff and "+    quote" not in diff and "-    cell" not in diff
    assert "value-not-in-cell" in static_tables(app)[0].to_csv()


def test_a_conflicting_save_is_refused_with_the_difference(editable):
    app, data = editable
    path = data / "registry" / "vssid-accounts.yaml"
    app.selectbox(key="editor_indicator").set_value("vssid-accounts").run()
    next(box for box in app.checkbox if box.label.startswith("Headline")).uncheck()
    app.button(key="editor_preview").click().run()
    someone_else = path.read_text(encoding="utf-8").replace("direction: higher-is-better", "direction: lower-is-better")
    path.write_text(someone_else, encoding="utf-8")
    app.button(key="save_vssid-accounts").click().run()
    assert any("changed by someone else" in shown(error.value) for error in app.error)
    assert "-direction: lower-is-better" in app.code[-1].value
    assert path.read_text(encoding="utf-8") == someone_else


def test_invalid_edits_show_the_problems_and_cannot_be_saved(editable):
    app, data = editable
    app.selectbox(key="editor_indicator").set_value("vssid-accounts").run()
    by_label(app.selectbox, "Scale").set_value("thousand").run()
    app.button(key="editor_preview").click().run()
    assert "problem" in shown(app.error[0].value)
    assert "value-not-in-quote" in static_tables(app)[0].to_csv()
    assert app.button(key="save_vssid-accounts").disabled


def test_importing_a_source_lists_its_figures_to_register(editable):
    app, data = editable
    text = "Bài báo thử\nNăm 2025, cả nước có 120 triệu thuê bao di động băng rộng."
    by_label(app.text_input, "Title").input("Bài báo thử")
    by_label(app.text_input, "Publisher").input("Báo Thử")
    by_label(app.text_area, "Text").input(text)
    app.button[[button.label for button in app.button].index("Import")].click().run()
    assert not app.exception and not app.error, [element.value for element in app.error]
    assert app.success and "Imported bao-thu-bai-bao-thu" in shown(app.success[0].value)
    assert (data / "sources" / "bao-thu-bai-bao-thu.txt").read_text(encoding="utf-8") == text
    assert "1 figure is not registered yet; 0 need nothing more." in [shown(m.value) for m in app.markdown]
    row = "rv_bao-thu-bai-bao-thu_2.1.1"  # line 2, its first sentence, its first figure
    assert app.radio(key=f"{row}_decision").value == "reject"  # a new indicator: names still missing
    assert app.text_input(key=f"{row}_period").value == "2025"
    assert load_registry(data).sources["bao-thu-bai-bao-thu"].meta.publisher == "Báo Thử"
    (entry,) = read_entries(data / "edit-log.jsonl")  # the import is logged with who made it
    assert entry["author"] == {
        "kind": "oidc",
        "issuer": ANALYST["iss"],
        "subject": "analyst-1",
        "email": ANALYST["email"],
    }
    assert entry["file"] == "bao-thu-bai-bao-thu.yaml" and entry["summary"].startswith(
        "import-source: bao-thu-bai-bao-thu"
    )


def test_a_figure_for_a_new_indicator_is_corrected_accepted_and_saved(editable):
    app, data = editable
    by_label(app.text_input, "Title").input("Bài báo thử")
    by_label(app.text_input, "Publisher").input("Báo Thử")
    by_label(app.text_area, "Text").input("Bài báo thử\nNăm 2025, cả nước có 120 triệu thuê bao di động băng rộng.")
    app.button[[button.label for button in app.button].index("Import")].click().run()
    row = "rv_bao-thu-bai-bao-thu_2.1.1"
    assert app.text_input(key=f"{row}_nvi").value == "Cả nước"  # what the sentence names before its verb
    app.text_input(key=f"{row}_id").input("mobile-broadband-subscriptions")
    app.text_input(key=f"{row}_nvi").input("Thuê bao di động băng rộng")
    app.text_input(key=f"{row}_nen").input("Mobile broadband subscriptions")
    app.text_input(key=f"{row}_uvi").input("thuê bao")
    app.text_input(key=f"{row}_uen").input("subscriptions")
    app.selectbox(key=f"{row}_sector").set_value("digital-infrastructure")
    app.radio(key=f"{row}_decision").set_value("accept").run()
    app.button(key="review_save_bao-thu-bai-bao-thu").click().run()
    assert not app.exception and not app.error, [shown(element.value) for element in app.error]
    assert "Saved 1 figure in 1 file(s): mobile-broadband-subscriptions.yaml" in shown(app.success[0].value)
    registry = load_registry(data)
    (observation,) = registry.observations("mobile-broadband-subscriptions")
    assert (observation.value, observation.period, registry.indicators["mobile-broadband-subscriptions"].scale) == (
        120,
        "2025",
        "million",
    )
    assert [entry["file"] for entry in read_entries(data / "edit-log.jsonl")] == [
        "bao-thu-bai-bao-thu.yaml",
        "mobile-broadband-subscriptions.yaml",
    ]


def test_uploads_must_be_utf8_text_within_the_limit():
    assert decode_upload("Tiếng Việt".encode()) == "Tiếng Việt"
    with pytest.raises(SourceImportError, match="not valid UTF-8"):
        decode_upload(b"Ti\xeang Vi\xeat")
    with pytest.raises(SourceImportError, match="limit is"):
        decode_upload(b"a" * (MAX_SOURCE_TEXT_BYTES + 1))
    with pytest.raises(SourceImportError, match="binary"):
        decode_upload(b"\x00\x01text")


def test_editor_speaks_vietnamese_by_default(app, monkeypatch, tmp_path):
    app, _ = open_editor(app, monkeypatch, tmp_path, {"is_logged_in": False}, language="vi")
    assert shown(app.title[0].value) == "Biên tập"
    assert [button.label for button in app.main.button] == ["Đăng nhập"]
    assert shown(app.info[0].value).startswith("Đăng nhập để biên tập.")


def test_a_signed_out_visitor_sees_only_a_sign_in_button(app, monkeypatch, tmp_path):
    app, data = open_editor(app, monkeypatch, tmp_path, {"is_logged_in": False})
    assert main_widgets(app) == ["button"]
    assert app.main.button[0].label == "Sign in"
    assert "The edit log records the identity you sign in with" in shown(app.info[0].value)
    assert not (data / "edit-log.jsonl").exists()


@pytest.mark.parametrize(
    "claims",
    [
        {"email": "someone@example.org"},
        {"email": "analyst@desk.example.vn.elsewhere.example"},  # a domain is matched exactly
        {"email_verified": False},  # on the list, but the provider has not verified it
        {"email_verified": None},
    ],
)
def test_a_signed_in_visitor_who_is_not_an_editor_is_refused(app, monkeypatch, tmp_path, claims):
    app, data = open_editor(app, monkeypatch, tmp_path, {**ANALYST, **claims})
    assert main_widgets(app) == ["button"]
    assert app.main.button[0].label == "Sign out"
    (refusal,) = app.error
    email = claims.get("email", ANALYST["email"])
    assert shown(refusal.value).startswith(f"You are signed in as {inline_code(email)}, but not an editor")
    assert not (data / "edit-log.jsonl").exists()


def test_an_editor_by_domain_is_let_in_and_told_who_they_are(app, monkeypatch, tmp_path):
    app, _ = open_editor(app, monkeypatch, tmp_path, {**ANALYST, "email": "Reporter@Desk.Example.VN"})
    assert "tabs" in main_widgets(app) and "Sign out" in [button.label for button in app.main.button]
    caption = next(shown(caption.value) for caption in app.caption if shown(caption.value).startswith("Signed in as"))
    assert caption == (
        "Signed in as ` Reporter@Desk.Example.VN ` through ` https://id.example.org `; every save is logged with this identity."
    )


def test_without_sign_in_settings_the_editor_says_so_and_offers_nothing(app, monkeypatch, tmp_path):
    secrets = {"auth": {"redirect_uri": AUTH["redirect_uri"]}, "editors": SECRETS["editors"]}
    app, _ = open_editor(app, monkeypatch, tmp_path, ANALYST, secrets=secrets)
    assert main_widgets(app) == []
    (message,) = app.error
    assert shown(message.value).startswith("Sign-in is not configured on this server, so nobody can edit")
    assert ", ".join(
        inline_code(key) for key in ["cookie_secret", "client_id", "client_secret", "server_metadata_url"]
    ) in (shown(message.value))


def test_without_editors_nobody_may_edit(app, monkeypatch, tmp_path):
    app, _ = open_editor(app, monkeypatch, tmp_path, ANALYST, secrets={"auth": AUTH, "editors": {"emails": []}})
    assert main_widgets(app) == []
    assert shown(app.error[0].value).startswith("No editors are configured")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("editor@example.org", "` editor@example.org `"),
        ("a`b", "`` a`b ``"),
        ("``x`", "``` ``x` ```"),
        ("[x](javascript:alert(1))\n*y*", "` [x](javascript:alert(1)) *y* `"),
    ],
)
def test_identity_text_is_shown_as_a_code_span(text, span):
    assert inline_code(text) == span


def pick_the_population_figure(app):
    """Open population-database-requests and pick the `gần 1,2 tỷ` sentence of Dân trí's article."""
    app.selectbox(key="editor_indicator").set_value("population-database-requests").run()
    app.toggle(key="adding_population-database-requests").set_value(True).run()
    source = "dantri-2023-10-10-ngay-chuyen-doi-so-quoc-gia"
    app.selectbox(key="pick_source_population-database-requests").set_value(source).run()
    sentences = next(box for box in app.selectbox if (box.key or "").startswith("pick_sentence_"))
    sentences.select(next(option for option in sentences.options if "1,2 tỷ" in option)).run()
    assert not app.exception, [element.value for element in app.exception]
    return app


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "vi",
            {
                "kinds": ["Số lượng", "Số tiền", "Tỷ lệ phần trăm", "Thứ hạng (trên N)"],
                "directions": ["Càng cao càng tốt", "Càng thấp càng tốt"],
                "scale": "tỷ (× 1.000.000.000)",
                "sentence": "dòng 18: Tiêu biểu",
                "figure": "1,2 tỷ → gần 1,2 tỷ yêu cầu tra cứu · 2023",
                "parsed": "Đọc được — loại: Số lượng; quy mô: tỷ (× 1.000.000.000); đơn vị: “yêu cầu tra cứu”",
                "remove": "Xóa · 2023: 1,2 — Tiêu biểu",
            },
        ),
        (
            "en",
            {
                "kinds": ["Count", "Amount of money", "Percentage share", "Rank (of N)"],
                "directions": ["Higher is better", "Lower is better"],
                "scale": "billion (× 1,000,000,000)",
                "sentence": "line 18: Tiêu biểu",
                "figure": "1,2 tỷ → nearly 1.2 billion “yêu cầu tra cứu” · 2023",
                "parsed": "Parsed — kind: Count; scale: billion (× 1,000,000,000); unit: “yêu cầu tra cứu”",
                "remove": "Remove · 2023: 1.2 — Tiêu biểu",
            },
        ),
    ],
)
def test_the_editor_writes_the_vocabulary_and_figures_in_the_readers_language(
    app, monkeypatch, tmp_path, language, expected
):
    app, _ = open_editor(app, monkeypatch, tmp_path, ANALYST, language=language)
    pick_the_population_figure(app)
    kind, direction, scale = (
        next(box for box in app.selectbox if box.value == value) for value in ("count", "higher-is-better", "billion")
    )
    # The options read as words; the values stay the registry's ids.
    assert kind.options[:4] == expected["kinds"] and kind.value == "count"
    assert direction.options == expected["directions"] and direction.value == "higher-is-better"
    assert scale.options[3] == expected["scale"] and scale.value == "billion"
    sentence = next(box for box in app.selectbox if (box.key or "").startswith("pick_sentence_"))
    assert sentence.options[0].startswith(expected["sentence"])
    figure = next(radio for radio in app.radio if (radio.key or "").startswith("pick_figure_"))
    assert [shown(option) for option in figure.options] == [expected["figure"]]
    assert expected["parsed"] in [shown(caption.value) for caption in app.caption]
    assert any(shown(box.label).startswith(expected["remove"]) for box in app.checkbox)
    (published,) = app.date_input
    assert published.proto.format == "DD/MM/YYYY"  # day first in both languages


def test_an_unchanged_preview_says_so_in_the_readers_language(app, monkeypatch, tmp_path):
    app, _ = open_editor(app, monkeypatch, tmp_path, ANALYST, language="vi")
    app.selectbox(key="editor_indicator").set_value("vssid-accounts").run()
    app.button(key="editor_preview").click().run()
    assert app.code[0].value == "(không có thay đổi)"


def test_an_import_without_a_title_is_refused_in_the_readers_language(app, monkeypatch, tmp_path):
    app, data = open_editor(app, monkeypatch, tmp_path, ANALYST, language="vi")
    by_label(app.text_area, "Văn bản").input("Năm 2025, cả nước có 120 triệu thuê bao di động băng rộng.")
    app.button[[button.label for button in app.button].index("Nhập")].click().run()
    assert [shown(error.value) for error in app.error] == ["Chưa nhập: cần nhập tiêu đề"]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Someone else is saving; nothing was written. Try again in a moment."),
        ("vi", "Có người khác đang lưu; chưa có gì được ghi. Hãy thử lại sau giây lát."),
    ],
)
def test_a_save_while_someone_else_holds_the_log_says_try_again(app, monkeypatch, tmp_path, language, message):
    import subprocess
    import sys

    from indicators import edit_log

    app, data = open_editor(app, monkeypatch, tmp_path, ANALYST, language=language)
    path = data / "registry" / "vssid-accounts.yaml"
    before = path.read_text(encoding="utf-8")
    app.selectbox(key="editor_indicator").set_value("vssid-accounts").run()
    next(box for box in app.checkbox if box.label.startswith(("Headline", "Chỉ số chính"))).uncheck()
    app.button(key="editor_preview").click().run()
    hold = "import sys, time\nfrom filelock import FileLock\nwith FileLock(sys.argv[1]):\n    print('held', flush=True)\n    time.sleep(60)\n"
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(data / "edit-log.jsonl.lock")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(edit_log, "LOCK_TIMEOUT_SECONDS", 0.5)
        app.button(key="save_vssid-accounts").click().run()
    finally:
        holder.kill()
        holder.wait()
    assert not app.exception
    assert message in [shown(warning.value) for warning in app.warning]
    assert path.read_text(encoding="utf-8") == before and read_entries(data / "edit-log.jsonl") == []
