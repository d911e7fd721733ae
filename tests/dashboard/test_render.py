"""Registry text is never markup: one checked path to every Streamlit call that reads markdown."""

import ast
import re
from pathlib import Path

import pytest
from conftest import PROJECT
from hypothesis import given
from hypothesis import strategies as st_

from dashboard import render
from dashboard.render import WORD_JOINER, Markdown, escape_markdown, inert, md

DASHBOARD = PROJECT / "dashboard"


def streamlit_markdown_calls(path: Path) -> list[str]:
    """`st.markdown(...)`, `column.metric(...)`: calls of a markdown-reading Streamlit
    function by its name on anything but the render module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in render.CHECKED:
            owner = node.func.value
            if not (isinstance(owner, ast.Name) and owner.id == "render"):
                found.append(f"{path.relative_to(PROJECT)}:{node.lineno}: {ast.unparse(node.func)}")
    return found


def test_no_page_calls_streamlits_markdown_functions_directly():
    files = [path for path in DASHBOARD.rglob("*.py") if path.name != "render.py"]
    assert [call for path in files for call in streamlit_markdown_calls(path)] == []


def test_plain_text_is_refused_where_markdown_is_read():
    with pytest.raises(TypeError, match="inert"):
        render.markdown("![x](http://127.0.0.1:9/pixel.png)")
    with pytest.raises(TypeError, match="help="):
        render.caption(Markdown("ok"), help="[click](http://127.0.0.1:9/x)")
    with pytest.raises(TypeError):
        Markdown("**") + "[click](x)"


@pytest.mark.parametrize(
    "payload",
    [
        "![px](http://127.0.0.1:9/pixel.png)",
        "[click](http://127.0.0.1:9/x)",
        '<img src=x onerror="alert(1)">',
        "<script>alert(1)</script>",
        ":red[danger] :material/warning:",
        "**bold** _it_ `code` ~~gone~~",
        "# heading\n- item\n1. first",
        "http://127.0.0.1:9/autolink and editor@example.org",
        "$x^2$ and $$y$$",
    ],
)
def test_every_markup_character_of_a_payload_is_escaped(payload):
    escaped = inert(payload)
    special = set("\\`*_{}[]()<>#+-.!|:~$&=\"'^@")
    index = 0
    while index < len(escaped):
        if escaped[index] == "\\":
            index += 2
            continue
        assert escaped[index] not in special, (payload, escaped, index)
        index += 1


@given(st_.text())
def test_inert_text_reads_back_as_the_same_text(text):
    """Up to the invisible word joiners that keep addresses from becoming links."""
    unescaped = inert(text.replace(WORD_JOINER, "")).replace("  \n", "\n").replace(WORD_JOINER, "")
    restored, index = [], 0
    while index < len(unescaped):
        if unescaped[index] == "\\" and index + 1 < len(unescaped):
            index += 1
        restored.append(unescaped[index])
        index += 1
    assert "".join(restored) == text.replace(WORD_JOINER, "").replace("\r\n", "\n")


@pytest.mark.parametrize(
    "text",
    ["http://127.0.0.1:9/x", "HTTPS://a.vn", "www.example.org", "WWW.a.vn", "lien.he@so.gov.vn", "mailto:a@b.vn"],
)
def test_addresses_are_not_autolinked(text):
    """Streamlit's markdown links `http://`, `www.` and e-mail addresses found in text
    after escapes are read; a word joiner inside each breaks the pattern."""
    shown = re.sub(r"\\(.)", r"\1", inert(text))
    assert not re.search(r"(?i)https?://|www\.|[-.+\w]+@[-\w]+\.", shown)
    assert shown.replace(WORD_JOINER, "") == text


def test_a_template_is_kept_and_its_values_are_escaped():
    assert md("**{name}**: {value}", name="*x*", value=Markdown("**ok**")) == "**\\*x\\***: **ok**"
    assert inert(None) == inert(float("nan")) == "—"
    assert escape_markdown("a\nb") == "a  \nb"
