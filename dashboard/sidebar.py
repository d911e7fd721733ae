"""The sidebar: language and filters, seeded from the link once per session and
mirrored back into the URL on every run, so a link reproduces the view."""

from __future__ import annotations

import streamlit as st

from dashboard import render
from dashboard.data import Loaded
from dashboard.i18n import translate
from dashboard.link import ALL_GEOGRAPHIES, DEFAULT_LANGUAGE, Choices, LinkState, link_params, parse_link
from dashboard.render import Markdown, md
from dashboard.view import sector_ids, sector_label
from indicators.formatting import LANGUAGES
from indicators.query import UNIT_LEVELS, year_bounds

LANGUAGE_NAMES = {"vi": Markdown("Tiếng Việt"), "en": Markdown("English")}


def link_choices(loaded: Loaded) -> Choices:
    return Choices(
        LANGUAGES,
        sector_ids(loaded),
        year_bounds(loaded.frame),
        (ALL_GEOGRAPHIES, *UNIT_LEVELS),
        tuple(loaded.units["id"]),
    )


def sidebar(loaded: Loaded) -> LinkState:
    """Draw the language switch and filters; return what they hold."""
    choices = link_choices(loaded)
    if "view_seeded" not in st.session_state:
        _seed_from_link(choices)
    _fit_to(choices)
    language = st.session_state.get("lang") or DEFAULT_LANGUAGE
    with st.sidebar:
        render.segmented_control(
            Markdown("Ngôn ngữ · Language"), LANGUAGES, key="lang", format_func=LANGUAGE_NAMES.get, required=True
        )
        language = st.session_state.get("lang") or DEFAULT_LANGUAGE
        render.subheader(md(translate("filters", language)))
        render.multiselect(
            md(translate("sectors", language)),
            choices.sectors,
            **_kept("sectors", language),
            format_func=lambda sector_id: sector_label(loaded, sector_id, language),
            help=md(translate("sectors_help", language)),
            placeholder=translate("geo_all", language),
        )
        low, high = choices.year_bounds
        if low < high:
            render.slider(md(translate("years", language)), low, high, **_kept("years", language))
        render.radio(
            md(translate("geography", language)),
            choices.geographies,
            **_kept("geo", language),
            format_func=lambda geo: md(translate(f"geo_{geo}", language)),
            horizontal=True,
        )
        units = loaded.units
        if st.session_state["geo"] != ALL_GEOGRAPHIES:
            units = units[units["level"] == st.session_state["geo"]]
        names = dict(zip(units["id"], units["name_vi" if language == "vi" else "name_en"], strict=True))
        # Choosing another level drops the units that are not of it.
        st.session_state["units"] = [unit for unit in st.session_state["units"] if unit in names]
        render.multiselect(
            md(translate("reporting_units", language)),
            list(names),
            **_kept("units", language),
            format_func=names.get,
            help=md(translate("reporting_units_help", language)),
            placeholder=translate("geo_all", language),
        )
    year_from, year_to = st.session_state["years"]
    return LinkState(
        language,
        tuple(st.session_state["sectors"]),
        (int(year_from), int(year_to)),
        st.session_state["geo"],
        tuple(st.session_state["units"]),
    )


def linked_state(loaded: Loaded) -> LinkState:
    """The view the URL describes, without drawing the sidebar (for an embed)."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    return parse_link(params, link_choices(loaded))[0]


def _fit_to(choices: Choices) -> None:
    """Keep the filters within what the data now has: an edit may remove the earliest
    year or a sector while a session is open, and a widget refuses a value outside
    its options."""
    state = st.session_state
    low, high = choices.year_bounds
    state["years"] = tuple(min(max(year, low), high) for year in state["years"])
    state["sectors"] = [sector for sector in state["sectors"] if sector in choices.sectors]
    if state["geo"] not in choices.geographies:
        state["geo"] = ALL_GEOGRAPHIES
    state["units"] = [unit for unit in state["units"] if unit in choices.units]


def _kept(key: str, language: str) -> dict:
    """Widget arguments that keep the filter `key` across a language switch.

    Streamlit takes a widget whose label or option texts changed for a new widget,
    drawn with no selection. So each language has its own widget (`key@language`),
    seeded from `key` on every run and writing back to it when the reader changes it."""
    widget_key = f"{key}@{language}"
    st.session_state[widget_key] = st.session_state[key]
    return {"key": widget_key, "on_change": _write_back, "args": (widget_key, key)}


def _write_back(widget_key: str, key: str) -> None:
    st.session_state[key] = st.session_state[widget_key]


def _seed_from_link(choices: Choices) -> None:
    """Put the link's state into the widgets' keys, and its notices where the app shows them."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    state, notices = parse_link(params, choices)
    st.session_state.update(
        lang=state.language,
        sectors=list(state.sectors),
        years=state.years,
        geo=state.geography,
        units=list(state.units),
        view_seeded=True,
    )
    st.session_state["url_notices"] = notices


def write_link(state: LinkState, choices: Choices) -> None:
    """Mirror the state in the URL, leaving defaults out."""
    for key, value in link_params(state, choices).items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get_all(key) != (value if isinstance(value, list) else [value]):
            st.query_params[key] = value
