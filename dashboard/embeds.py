"""Charts for other sites: an `<iframe>` of the current view and a self-contained HTML file.

The iframe loads this page with the reader's filters and language plus `embed=true`
(Streamlit's embed mode: no toolbar, no padding; Streamlit keeps that parameter from
the script) and `chart=<the chart's file stem>`, which puts the app in its own embed
mode: no sidebar and no navigation, the page run into a container that is never
shown, and the chart the link names drawing itself (its title and source line are
part of it) and a link back into a slot above that container, then stopping the page. One mechanism for every chart of every page: `components.chart_with_images`.

The HTML file holds the chart's Vega-Lite spec and the Vega libraries inline
(vl-convert's bundle): opened anywhere, it makes no outside request.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

import altair as alt
import streamlit as st
import vl_convert

from dashboard import render
from dashboard.chart_images import image_spec

EMBED, CHART = "embed", "chart"
PAGE_PATH = "page_path"  # session key: the url_path of the page this run draws (set by app.py)
IFRAME_HEIGHT = 560  # pixels: a chart of 360 with its title, legend and the link back
_SLOT, _TAKEN = "embed_slot", "embed_taken"
_HIDDEN_KEY = "embedded-page"
# The page runs into this container; only the requested chart is shown (above it).
_HIDE_PAGE = f"<style>.st-key-{_HIDDEN_KEY} {{ display: none !important; }}</style>"


def embedding() -> bool:
    """Whether this run draws an embed (`?chart=...`)."""
    return CHART in st.query_params


def begin():
    """In embed mode, before the page runs: the slot the chart will take, and the hidden
    container to run the page in (returned; use it as a context manager)."""
    st.session_state[_SLOT] = st.container()
    st.session_state[_TAKEN] = False
    st.html(_HIDE_PAGE)
    return st.container(key=_HIDDEN_KEY)


def finish(message) -> None:
    """After the page ran in embed mode: say so in the slot when it drew no chart the link names."""
    if not st.session_state.get(_TAKEN):
        with st.session_state[_SLOT]:
            render.info(message, icon=":material/hide_image:")


def draw_if_requested(chart: alt.TopLevelMixin, file_stem: str, back_label) -> bool:
    """In embed mode, draw `chart` into the slot if it is the one the link names, with a
    link back to the page, and stop the page.
    Returns False when not embedding; True when the chart is not the one (draw nothing)."""
    if not embedding():
        return False
    wanted = st.query_params.get(CHART)
    if st.session_state.get(_TAKEN) or wanted != file_stem:
        return True
    st.session_state[_TAKEN] = True
    with st.session_state[_SLOT]:
        st.altair_chart(chart, width="stretch")
        render.link_button(back_label, page_url(drop=(EMBED, CHART)), icon=":material/open_in_new:", type="tertiary")
    st.stop()
    return True  # not reached


def page_url(drop: tuple[str, ...] = (), add: dict | None = None) -> str:
    """This page's address with its query parameters, less `drop`, plus `add`."""
    from dashboard.downloads import app_address  # downloads -> components -> here: import when used

    url = st.context.url or app_address("") + st.session_state.get(PAGE_PATH, "")
    params = {key: st.query_params.get_all(key) for key in st.query_params if key not in drop}
    params = {key: values if len(values) > 1 else values[0] for key, values in params.items()}
    query = urlencode({**params, **(add or {})}, doseq=True)
    return f"{url.split('?')[0]}?{query}" if query else url.split("?")[0]


def iframe_code(file_stem: str, title: str) -> str:
    """The `<iframe>` a reader pastes into their page to show this chart as it is now."""
    source = page_url(drop=(EMBED, CHART), add={EMBED: "true", CHART: file_stem})
    return (
        f'<iframe src="{escape(source)}" title="{escape(title)}" width="100%" height="{IFRAME_HEIGHT}" '
        'style="border: 0" loading="lazy"></iframe>'
    )


def chart_html(chart: alt.TopLevelMixin, title: str) -> bytes:
    """The chart as one HTML file with the Vega libraries inline: no outside request."""
    html = vl_convert.vegalite_to_html(image_spec(chart), bundle=True)
    return html.replace("<head>", f"<head>\n<title>{escape(title)}</title>", 1).encode("utf-8")
