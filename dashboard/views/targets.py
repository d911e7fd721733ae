"""Targets: every target of the registry with its progress, filterable by sector."""

import pandas as pd
import streamlit as st

from dashboard import render
from dashboard.components import filter_params, indicator_links
from dashboard.downloads import app_address
from dashboard.target_views import all_progress, period, status_label, unit_label
from dashboard.view import current_view, sector_ids
from indicators.formatting import format_value
from indicators.frames import unit_label as indicator_unit

view = current_view()
registry = view.loaded.registry
render.title(view.t("page_targets"))
render.caption(view.t("targets_intro"))

progress = [(indicator_id, item) for indicator_id, item in all_progress(view) if indicator_id in registry.indicators]
chosen = render.multiselect(
    view.t("sectors"),
    sector_ids(view.loaded),
    format_func=view.sector_name,
    placeholder=view.plain("geo_all"),
    key=f"targets_sectors@{view.language}",
)
shown = [(i, item) for i, item in progress if not chosen or registry.indicators[i].sector in chosen]
if not shown:
    render.info(view.t("targets_none"), icon=":material/flag:")
    st.stop()


def value(indicator_id: str, number) -> str:
    if number is None:
        return "—"
    return format_value(number, indicator_unit(registry.indicators[indicator_id], view.language), view.language)


details = view.plain("details")
ids = [indicator_id for indicator_id, _ in shown]
table = pd.DataFrame(
    {
        view.plain("indicators"): [view.name(i) for i in ids],
        view.plain("sector"): [view.sector_name(registry.indicators[i].sector) for i in ids],
        view.plain("reporting_unit"): [unit_label(view, item.unit_id) for _, item in shown],
        view.plain("target_status"): [status_label(view, item) for _, item in shown],
        view.plain("target_year"): [str(item.target.year) for _, item in shown],
        view.plain("target_value"): [value(i, item.target.value) for i, item in shown],
        view.plain("baseline"): [
            f"{value(i, item.baseline_value)} ({period(view, item.baseline_period)})" if item.baseline_period else "—"
            for i, item in shown
        ],
        view.plain("latest"): [
            f"{value(i, item.latest_value)} ({period(view, item.latest_period)})" if item.latest_period else "—"
            for i, item in shown
        ],
        view.plain("quote"): [item.target.quote for _, item in shown],
        details: indicator_links(ids, filter_params(), app_address("")),
    }
)
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={details: st.column_config.LinkColumn(details, display_text="→")},
)
