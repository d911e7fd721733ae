"""One language per page: no page in one language shows a label from the other
language's table.

Every string a page holds is collected (titles, markdown, captions, alerts, metric
labels and values, widget labels, help and options, table headers and cells, chart
titles, legends and data); text from the registry and its sources (quotes, titles,
notes, the source texts) is set aside, since a Vietnamese quote stays Vietnamese on
an English page. What remains must not contain a distinctive label of the other
language: one whose two texts differ and that is long enough not to be a common word.
"""

from __future__ import annotations

import csv
import json
import re
import string
from functools import cache

import pytest
import yaml
from conftest import DATA, FIXTURES
from dashboard_helpers import shown
from google.protobuf.message import Message
from test_editor import ANALYST, open_editor

from dashboard.i18n import LABELS
from indicators.text import fold

OTHER = {"vi": "en", "en": "vi"}
PAGES = [
    ("overview", {}),
    ("indicator", {"indicator": "digital-product-exports"}),  # a chart, years and a half year
    ("indicator", {"indicator": "covid-online-meetings-communes"}),  # a free period label and a note
    ("indicator", {"indicator": "digital-transformation-decrees-issued"}),  # a count of one
    ("rankings", {}),
    ("sources", {"source": "dantri-2023-10-10-ngay-chuyen-doi-so-quoc-gia"}),
    ("health", {}),
]
# Many reporting units and sources: comparisons, disagreements, mergers (tests/fixtures/units)
UNIT_PAGES = [
    ("overview", {}),
    ("indicator", {"indicator": "online-dossiers-provinces"}),
    ("indicator", {"indicator": "digital-firms"}),
    ("health", {}),
]
# Where the registry's own text (a Vietnamese quote on an English page) may sit inside a string
SEPARATORS = re.compile(r"(\n| · |: | — | → | × |; |, |\. |\(|\)|\[|\]|“|”|\*\*)")  # × : a table's row × column
PUNCTUATION = " .,:;·()“”'\"—–-→"
CODE_SPAN = re.compile(r"`+[^`]*`+")  # commands and identities: neither language
IDENTIFIER = re.compile(r"[a-z_$][a-z0-9_]*")  # a chart's field names, not text
FIELD_PATH = re.compile(r"[a-z_]+(\[\d+\])?(\.[a-z_]+(\[\d+\])?)*")  # a problem's field: observations[1].value
NOT_SHOWN = {"id", "form_id"}  # an element's own fields that no reader sees


def fragments(text: str) -> list[str]:
    """The literal parts of a label template, around its `{fields}`."""
    return [literal.strip(PUNCTUATION) for literal, *_ in string.Formatter().parse(text)]


def distinctive(fragment: str) -> bool:
    """Long enough not to be a word either language might use in passing."""
    return (len(fragment) >= 7 and " " in fragment) or len(re.sub(r"\W", "", fragment)) >= 10


@cache
def labels_of(language: str) -> frozenset[str]:
    """The distinctive fragments of every label whose Vietnamese and English differ."""
    found = set()
    for vi, en in LABELS.values():
        if vi == en:
            continue
        label = vi if language == "vi" else en
        for text in label.values() if isinstance(label, dict) else [label]:
            found.update(fragment for fragment in fragments(text) if distinctive(fragment))
    return frozenset(found)


@cache
def registry_text(data=DATA) -> str:
    """Every text of the data folder, as written and folded: the YAML files' strings,
    the source documents and their tables' cells."""
    parts = []
    for path in data.rglob("*"):
        if path.suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as table:
                parts += [fold(cell) for row in csv.reader(table) for cell in row]
        elif path.suffix == ".txt":
            text = path.read_text(encoding="utf-8")
            parts += [text, *(fold(line) for line in text.splitlines())]
        elif path.suffix == ".yaml":
            parts += [fold(text) for text in strings_in(yaml.safe_load(path.read_text(encoding="utf-8")))]
    return "\n".join(parts)


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return []


def without_registry_text(text: str, data=DATA) -> str:
    """`text` with each part that the registry or a source states set aside."""
    corpus = registry_text(data)
    parts = SEPARATORS.split(text)
    return "".join("¶" if len(part.strip()) >= 4 and quoted(part, corpus) else part for part in parts)


def quoted(part: str, corpus: str) -> bool:
    """Whether the registry states `part`, or begins it (a long title cut with "…")."""
    return fold(part) in corpus or (part.endswith("…") and fold(part[:-1]) in corpus)


def proto_strings(message: Message) -> list[str]:
    """Every string of an element's message, JSON (a chart's spec, a table's columns) opened."""
    found = []
    for field, value in message.ListFields():
        if field.name in NOT_SHOWN:
            continue
        values = value if field.is_repeated else [value]
        for item in values:
            if isinstance(item, Message):
                found += proto_strings(item)
            elif isinstance(item, str):
                found += json_strings(item)
    return found


def json_strings(text: str) -> list[str]:
    if text[:1] not in "{[":
        return [text]
    try:
        return [text for text in strings_in(json.loads(text)) if not IDENTIFIER.fullmatch(text)]
    except ValueError:
        return [text]


def page_text(app, data=DATA) -> list[str]:
    """Every string on the page and in the sidebar, as a reader sees it (markdown unescaped),
    registry text set aside; the language switch, which names both languages, aside."""
    found = []
    for block in (app.main, app.sidebar):
        for element in block:
            if getattr(element, "key", None) == "lang":
                continue
            proto = getattr(element, "proto", None)
            if isinstance(proto, Message):
                found += proto_strings(proto)
            if getattr(element, "type", None) in ("arrow_data_frame", "dataframe"):
                table = element.value
                found += [str(column) for column in table.columns]
                found += [str(cell) for column in table.columns for cell in table[column] if isinstance(cell, str)]
    shown_texts = [CODE_SPAN.sub("¶", shown(text)) for text in found if text.strip()]
    return [without_registry_text(text, data) for text in shown_texts if not FIELD_PATH.fullmatch(text)]


def leaks(texts: list[str], language: str) -> dict[str, str]:
    """The other language's labels found in `texts`, each with the text it is in."""
    found = {}
    for label in labels_of(OTHER[language]):
        pattern = re.compile(rf"(?<!\w){re.escape(label)}(?!\w)", re.IGNORECASE)
        for text in texts:
            if pattern.search(text):
                found[label] = text[:200]
                break
    return found


def open_everything(app) -> None:
    """Open what a page draws only on demand: the tables in expanders."""
    for key in ("more_indicators", "observations_table"):
        app.session_state[key] = True


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(("page", "params"), PAGES, ids=[f"{page}-{'-'.join(p.values())}" for page, p in PAGES])
def test_a_page_shows_no_label_of_the_other_language(app, language, page, params):
    app.query_params["lang"] = language
    app.run()
    app.switch_page(f"views/{page}.py")
    for key, value in params.items():
        app.query_params[key] = value
    open_everything(app)
    app.run()
    assert not app.exception, [element.value for element in app.exception]
    texts = page_text(app)
    assert len(texts) > 20  # the page was drawn and read
    assert leaks(texts, language) == {}


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    ("page", "params"), UNIT_PAGES, ids=[f"{page}-{'-'.join(p.values())}" for page, p in UNIT_PAGES]
)
def test_a_page_of_many_units_shows_no_label_of_the_other_language(app, monkeypatch, language, page, params):
    monkeypatch.setenv("INDICATORS_DATA", str(FIXTURES / "units"))
    app.query_params["lang"] = language
    app.run()
    app.switch_page(f"views/{page}.py")
    for key, value in params.items():
        app.query_params[key] = value
    open_everything(app)
    app.run()
    assert not app.exception, [element.value for element in app.exception]
    texts = page_text(app, FIXTURES / "units")
    assert len(texts) > 20
    assert leaks(texts, language) == {}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_editor_shows_no_label_of_the_other_language(app, monkeypatch, tmp_path, language):
    app, _ = open_editor(app, monkeypatch, tmp_path, ANALYST, language=language)
    app.selectbox(key="editor_indicator").set_value("population-database-requests").run()
    app.toggle(key="adding_population-database-requests").set_value(True).run()
    source = "dantri-2023-10-10-ngay-chuyen-doi-so-quoc-gia"
    app.selectbox(key="pick_source_population-database-requests").set_value(source).run()
    app.button(key="editor_preview").click().run()
    assert not app.exception, [element.value for element in app.exception]
    texts = page_text(app)
    assert len(texts) > 20
    assert leaks(texts, language) == {}


def test_the_check_finds_a_label_of_the_other_language():
    """The check itself: an English label on a Vietnamese page is found, a quote is not."""
    quote = "Tiêu biểu là nền tảng tích hợp, chia sẻ dữ liệu quốc gia hoạt động hiệu quả"
    assert "Choose an indicator" in leaks(["Choose an indicator", quote], "vi")
    assert leaks([without_registry_text(f"line 18: {quote}")], "en") == {}
    assert "Chọn chỉ số" in leaks([without_registry_text(f"{quote} · Chọn chỉ số")], "en")
    assert len(labels_of("vi")) > 100 and len(labels_of("en")) > 100
