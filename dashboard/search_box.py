"""The search box in the sidebar, on every page: Enter opens the search page with the query."""

from __future__ import annotations

import streamlit as st

from dashboard import data, render
from dashboard.view import View
from indicators.search import SearchIndex, build_index

SEARCH_PAGE = "views/search.py"


@st.cache_resource(max_entries=4, show_spinner=False)
def _index(folder: str, stamp: str) -> SearchIndex:
    loaded = data.current()
    return build_index(loaded.registry, loaded.frame)


def search_index(view: View) -> SearchIndex:
    """The index of the loaded registry, built once per change of the data files."""
    loaded = view.loaded
    return _index(str(loaded.registry.data_dir), loaded.fingerprint)


def _go() -> None:
    st.session_state["search_go"] = st.session_state.get("search_box", "")
    st.session_state["search_box"] = ""  # a callback may clear its widget; the run after it may not


def search_box(view: View) -> None:
    """A search field at the top of the sidebar; a query submitted opens the search page."""
    with st.sidebar:
        render.text_input(
            view.t("search"),
            key="search_box",
            type="search",
            placeholder=view.plain("search_placeholder"),
            on_change=_go,
            icon=":material/search:",
        )
    query = st.session_state.pop("search_go", None)
    if query and query.strip():
        st.switch_page(SEARCH_PAGE, query_params={"q": query})
