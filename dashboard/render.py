"""The one path from text to the page: every Streamlit call that reads markdown.

Streamlit reads markdown in `st.markdown`, captions, alerts and titles, and in the
label, help, value and options of most widgets: a registry note such as
`![x](http://host/pixel.png)` would load an image from that host in every reader's
browser, and `[text](url)` would become a link. Here every such argument must be
`Markdown`: text this app wrote (an i18n template whose values were escaped, see
`View.t`, or a literal wrapped in `Markdown(...)`), or any other text made inert
with `inert()`. A plain `str` raises TypeError, so a page cannot forget; the pages
call these functions instead of Streamlit's (`tests/dashboard/test_render.py`
checks that no page calls Streamlit's directly).

Plain-text places (data frames, charts, select boxes, `st.text`) take any text.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable

import streamlit as st

from indicators.formatting import MISSING

WORD_JOINER = "\u2060"
_AUTOLINKED = re.compile(r"://|(?i:www)\.|@.")  # the joiner goes before the last character
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:~$&=\"'^@])")


class Markdown(str):
    """Text that is safe to give Streamlit's markdown: written by this app, or escaped."""

    __slots__ = ()

    def __add__(self, other: str) -> Markdown:
        _require(other, "Markdown + text")
        return Markdown(str(self) + other)

    def join(self, parts) -> Markdown:
        parts = list(parts)
        for part in parts:
            _require(part, "Markdown.join")
        return Markdown(str.join(self, parts))


def escape_markdown(text: object) -> str:
    """Backslash-escape every character markdown, HTML or Streamlit's directives
    (`:red[…]`, `:material/icon:`) could act on; a line break stays a line break.

    Escapes do not stop GitHub-style autolinks: Streamlit's markdown finds
    `http://…`, `www.…` and `name@host.vn` in the text after escapes are read. An
    invisible word joiner (U+2060) inside each (`:/⁠/`, `www⁠.`, `@⁠x`) keeps them text."""
    text = _AUTOLINKED.sub(lambda match: match.group(0)[:-1] + WORD_JOINER + match.group(0)[-1], str(text))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return text.replace("\r\n", "\n").replace("\n", "  \n")


def inert(value: object) -> Markdown:
    """Any value as markdown that shows exactly its text; None and NaN as "—"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return Markdown(MISSING)
    return Markdown(escape_markdown(value))


def md(template: str, **values: object) -> Markdown:
    """`template` (this app's own markdown) with each `{name}` filled by its value made
    inert, unless the value is already Markdown."""
    if not values:
        return Markdown(template)
    return Markdown(template.format(**{name: _as_markdown(value) for name, value in values.items()}))


def inline_code(text: object) -> Markdown:
    """`text` as a code span: shown verbatim, never a link or formatting (the fence is
    one backtick longer than any run of backticks in the text)."""
    text = str(text).replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return Markdown(f"{fence} {text} {fence}")


def _as_markdown(value: object) -> Markdown:
    return value if isinstance(value, Markdown) else inert(value)


def _require(value: object, where: str) -> None:
    if value is None or isinstance(value, Markdown | int | float):
        return
    raise TypeError(
        f"{where} takes Markdown, not {type(value).__name__} {str(value)[:60]!r}: "
        "pass registry and source text through dashboard.render.inert(), this app's own through Markdown()"
    )


def _checked(name: str, positional: int, keywords: tuple[str, ...] = (), options: bool = False) -> Callable:
    """Streamlit's `name`, refusing anything but Markdown in its first `positional`
    arguments and in `keywords`; with `options`, the labels `format_func` gives too."""
    element = getattr(st, name)

    @functools.wraps(element)
    def call(*args, into=None, **kwargs):
        for value in args[:positional]:
            _require(value, f"st.{name}")
        for keyword in keywords:
            _require(kwargs.get(keyword), f"st.{name}({keyword}=)")
        if options:
            format_func = kwargs.get("format_func", str)
            kwargs["format_func"] = lambda option: _checked_label(format_func(option), name)
        return getattr(into, name)(*args, **kwargs) if into is not None else element(*args, **kwargs)

    call.__doc__ = (
        f"`st.{name}`, its markdown arguments checked (see dashboard.render); "
        f"`into=` a container (a column, the sidebar) draws it there."
    )
    return call


def _checked_label(label: object, name: str) -> object:
    _require(label, f"st.{name} option")
    return label


# Text elements
markdown = _checked("markdown", 1, ("body", "help"))
caption = _checked("caption", 1, ("body", "help"))
title = _checked("title", 1, ("body", "help"))
header = _checked("header", 1, ("body", "help"))
subheader = _checked("subheader", 1, ("body", "help"))
error = _checked("error", 1, ("body",))
warning = _checked("warning", 1, ("body",))
info = _checked("info", 1, ("body",))
success = _checked("success", 1, ("body",))
spinner = _checked("spinner", 1, ("text",))
metric = _checked("metric", 3, ("label", "value", "delta", "delta_description", "help"))
# Containers and links
expander = _checked("expander", 1, ("label",))
popover = _checked("popover", 1, ("label", "help"))
page_link = _checked("page_link", 0, ("label", "help"))
link_button = _checked("link_button", 1, ("label", "help"))
button = _checked("button", 1, ("label", "help"))
download_button = _checked("download_button", 1, ("label", "help"))
form_submit_button = _checked("form_submit_button", 1, ("label", "help"))
# Inputs: their labels and help read markdown; radio and segmented-control options too
radio = _checked("radio", 1, ("label", "help"), options=True)
segmented_control = _checked("segmented_control", 1, ("label", "help"), options=True)
checkbox = _checked("checkbox", 1, ("label", "help"))
toggle = _checked("toggle", 1, ("label", "help"))
selectbox = _checked("selectbox", 1, ("label", "help"))
multiselect = _checked("multiselect", 1, ("label", "help"))
slider = _checked("slider", 1, ("label", "help"))
text_input = _checked("text_input", 1, ("label", "help"))
text_area = _checked("text_area", 1, ("label", "help"))
date_input = _checked("date_input", 1, ("label", "help"))
file_uploader = _checked("file_uploader", 1, ("label", "help"))


def tabs(labels: list, **kwargs):
    """`st.tabs`, each label checked."""
    for label in labels:
        _require(label, "st.tabs label")
    return st.tabs(labels, **kwargs)


def table(frame, **kwargs):
    """`st.table` (which reads markdown in every cell and header) of `frame` with every
    header and cell made inert: a static table whose long text wraps, where the data
    grid would cut it."""
    shown = frame.map(inert)
    shown.columns = [inert(column) for column in frame.columns]
    return st.table(shown, **kwargs)


# Every Streamlit function that reads markdown, by name: pages call these, never Streamlit's.
CHECKED = frozenset(
    {"tabs", "table"}
    | {name for name, value in list(globals().items()) if getattr(value, "__wrapped__", None) is not None}
)
