"""One indicator: chart over time, every observation with its citation, downloads."""

import streamlit as st

from dashboard.components import (
    chart_with_images,
    citation,
    escape_markdown,
    formatted_value,
    history_of,
    labelled,
    period_text,
    present,
    source_line,
)
from dashboard.downloads import download_buttons
from dashboard.view import current_view
from indicators.query import only_columns

CITATION_CARDS = 10

view = current_view()
registry = view.loaded.registry
available = list(dict.fromkeys(view.filtered.indicator_id))

if not available:
    st.title(view.t("page_indicator"))
    st.info(view.t("no_data"), icon=":material/filter_alt_off:")
    st.stop()

requested = st.query_params.get("indicator")
if requested and requested not in available:
    st.warning(view.t("url_notice", details=f"indicator={requested}"), icon=":material/link_off:")


def observations_table(rows) -> None:
    """Every observation with its quote and source, one row each."""
    labels = {
        "period_text": view.t("period"),
        "value_text": view.t("value"),
        "quote": st.column_config.TextColumn(view.t("quote"), width="large"),
        "source_title": view.t("source"),
        "source_publisher": view.t("publisher"),
        "source_published": view.t("published"),
        "source_url": st.column_config.LinkColumn(view.t("link")),
    }
    st.dataframe(only_columns(rows, list(labels)), hide_index=True, width="stretch", column_config=labels)


def follow_choice() -> None:
    st.query_params["indicator"] = st.session_state["indicator_choice"]


# The URL decides (links from cards, shared links); the select box writes back to it.
st.session_state["indicator_choice"] = requested if requested in available else available[0]
indicator_id = st.selectbox(
    view.t("choose_indicator"), available, format_func=view.name, key="indicator_choice", on_change=follow_choice
)
if st.query_params.get("indicator") != indicator_id:
    st.query_params["indicator"] = indicator_id

indicator = registry.indicators[indicator_id]
rows = view.filtered[view.filtered.indicator_id == indicator_id].copy()
description = indicator.description.vi if view.language == "vi" else indicator.description.en
st.title(escape_markdown(view.name(indicator_id)))
st.caption(
    " · ".join(
        [
            escape_markdown(view.sector_name(indicator.sector)),
            escape_markdown(view.t(rows.iloc[0].reporting_unit_level)),
            escape_markdown(view.unit(rows.iloc[0])),
        ]
    )
)
st.markdown(escape_markdown(description))

rows = labelled(view, rows)

if len(rows) > 1:
    chart_with_images(view, history_of(view, rows, indicator.target), indicator_id)
else:
    row = next(rows.itertuples())
    st.metric(period_text(view, row), formatted_value(view, row), border=True)
    st.caption(view.t("single_point"))

st.subheader(view.t("observations"))
# The newest figures as citation cards; the table below lists every one with its quote.
for row in rows.iloc[::-1].iloc[:CITATION_CARDS].itertuples():
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(row.period_text)}: {escape_markdown(row.value_text)}**")
        citation(view, row)
if len(rows) > CITATION_CARDS:
    st.caption(f"{CITATION_CARDS} / {len(rows)} · {view.t('all_in_table')}")

# Drawn only while open: a data grid is the heaviest script a first visit would load.
table_box = st.expander(f"{view.t('observations_table')} ({len(rows)})", key="observations_table", on_change="rerun")
if table_box.open:
    with table_box:
        observations_table(rows)

st.subheader(view.t("how_to_cite"))
first = rows.iloc[-1]
cite = (
    f"{view.name(indicator_id)} ({period_text(view, first)}): {formatted_value(view, first)}. "
    f"{first.source_title}. {source_line(view, first)}." + (f" {first.source_url}" if present(first.source_url) else "")
)
# Plain text, not st.code: its highlighter is the heaviest script a first visit would load.
with st.container(border=True):
    st.text(cite)

download_buttons(view, rows, indicator_id, page_path="indicator")
