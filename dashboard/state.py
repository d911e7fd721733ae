"""The view a person has chosen: language and filters, kept in the URL.

The link reproduces the view: `?lang=en&sector=digital-economy&from=2023&to=2024&geo=national`.
Bad or unknown values in a link fall back to defaults with a notice.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.data import Loaded
from dashboard.i18n import translate
from indicators.formatting import LANGUAGES
from indicators.query import GEOGRAPHY_LEVELS, Filters, filter_observations, year_bounds

GEO_CHOICES = ("all", *GEOGRAPHY_LEVELS)
DEFAULT_LANGUAGE = "vi"


@dataclass(frozen=True)
class View:
    loaded: Loaded
    language: str
    filters: Filters
    filtered: pd.DataFrame

    def t(self, key: str, **values: object) -> str:
        return translate(key, self.language, **values)

    def name(self, indicator_id: str) -> str:
        names = self.loaded.registry.indicators[indicator_id].name
        return names.vi if self.language == "vi" else names.en

    def sector_name(self, sector_id: str) -> str:
        return sector_label(self.loaded, sector_id, self.language)

    def unit(self, row) -> str:
        return row.unit_vi if self.language == "vi" else row.unit


def sector_ids(loaded: Loaded) -> list[str]:
    """The taxonomy's sectors; those the data uses when the taxonomy is unreadable."""
    taxonomy = loaded.registry.taxonomy
    if taxonomy:
        return [sector.id for sector in taxonomy.sectors]
    return sorted(map(str, loaded.frame["sector"].unique()))


def _read_link(loaded: Loaded) -> list[str]:
    """Seed the widgets from the URL once per session; return notices for bad values."""
    params = st.query_params
    notices: list[str] = []
    language = params.get("lang", DEFAULT_LANGUAGE)
    if language not in LANGUAGES:
        notices.append(f"lang={language}")
        language = DEFAULT_LANGUAGE
    st.session_state["lang"] = language

    known = sector_ids(loaded)
    wanted = [part for value in params.get_all("sector") for part in value.split(",") if part]
    st.session_state["sectors"] = [sector for sector in wanted if sector in known]
    notices += [f"sector={sector}" for sector in wanted if sector not in known]

    low, high = year_bounds(loaded.frame)
    years = [low, high]
    for index, key in enumerate(("from", "to")):
        if key in params:
            text = params[key]
            if text.isdigit() and low <= int(text) <= high:
                years[index] = int(text)
            else:
                notices.append(f"{key}={text}")
    if years[0] > years[1]:
        notices.append(f"from={years[0]}>to={years[1]}")
        years = [low, high]
    st.session_state["years"] = tuple(years)

    geo = params.get("geo", "all")
    if geo not in GEO_CHOICES:
        notices.append(f"geo={geo}")
        geo = "all"
    st.session_state["geo"] = geo
    return notices


def _write_link(loaded: Loaded, view: View) -> None:
    """Mirror the current choices in the URL, leaving defaults out."""
    low, high = year_bounds(loaded.frame)
    desired = {
        "lang": view.language if view.language != DEFAULT_LANGUAGE else None,
        "sector": list(st.session_state["sectors"]) or None,
        "from": str(view.filters.year_from) if view.filters.year_from != low else None,
        "to": str(view.filters.year_to) if view.filters.year_to != high else None,
        "geo": st.session_state["geo"] if st.session_state["geo"] != "all" else None,
    }
    for key, value in desired.items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get_all(key) != (value if isinstance(value, list) else [value]):
            st.query_params[key] = value


def sidebar(loaded: Loaded) -> View:
    """Draw the language switch and filters; return the chosen view."""
    if "view_seeded" not in st.session_state:
        st.session_state["url_notices"] = _read_link(loaded)
        st.session_state["view_seeded"] = True
    language = st.session_state.get("lang") or DEFAULT_LANGUAGE

    with st.sidebar:
        st.segmented_control(
            "Ngôn ngữ · Language",
            LANGUAGES,
            key="lang",
            format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
            required=True,
        )
        language = st.session_state.get("lang") or DEFAULT_LANGUAGE
        st.subheader(translate("filters", language))
        known = sector_ids(loaded)
        st.multiselect(
            translate("sectors", language),
            known,
            key="sectors",
            format_func=lambda sector_id: sector_label(loaded, sector_id, language),
            help=translate("sectors_help", language),
            placeholder=translate("geo_all", language),
        )
        low, high = year_bounds(loaded.frame)
        if low < high:
            st.slider(translate("years", language), low, high, key="years")
        else:
            st.session_state["years"] = (low, high)
        st.radio(
            translate("geography", language),
            GEO_CHOICES,
            key="geo",
            format_func=lambda geo: translate(f"geo_{geo}", language),
            horizontal=True,
        )

    year_from, year_to = st.session_state["years"]
    chosen_sectors = tuple(st.session_state["sectors"]) or tuple(known)
    geo = st.session_state["geo"]
    levels = GEOGRAPHY_LEVELS if geo == "all" else (geo,)
    filters = Filters(chosen_sectors, int(year_from), int(year_to), levels)
    view = View(loaded, language, filters, filter_observations(loaded.frame, filters))
    _write_link(loaded, view)
    return view


def sector_label(loaded: Loaded, sector_id: str, language: str) -> str:
    taxonomy = loaded.registry.taxonomy
    for sector in taxonomy.sectors if taxonomy else []:
        if sector.id == sector_id:
            return sector.name.vi if language == "vi" else sector.name.en
    return sector_id


def current_view() -> View:
    """The view the app computed for this run (pages call this)."""
    return st.session_state["view"]
