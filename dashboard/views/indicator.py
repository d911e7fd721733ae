"""One indicator: chart over time, every observation with its citation, downloads."""

from datetime import timedelta

import streamlit as st

from dashboard import embeds, render
from dashboard.changes import as_of_view, changes_table, data_file_links
from dashboard.charts import comparison_bars
from dashboard.components import (
    chart_caption,
    chart_source,
    chart_with_images,
    citation,
    drawn_when_open,
    filter_params,
    formatted_value,
    history_of,
    how_to_cite,
    indicator_links,
    labelled,
    period_text,
    problems_frame,
    source_line,
)
from dashboard.data import changes_of
from dashboard.downloads import app_address, download_buttons
from dashboard.render import inert, md
from dashboard.tables import missing_marked
from dashboard.target_views import targets_section
from dashboard.view import current_view
from indicators.formatting import format_date_value
from indicators.query import only_columns, series_rows

CITATION_CARDS = 10

view = current_view()
registry = view.loaded.registry
# The chooser in the reader's language's alphabetical order.
available = sorted(
    dict.fromkeys(view.filtered.indicator_id), key=lambda indicator_id: view.sort_key(view.name(indicator_id))
)
requested = st.query_params.get("indicator")


def own_problems(indicator_id: str) -> None:
    """The errors of the indicator's own file, where the reader is: file:line, message."""
    errors = [problem for problem in registry.problems_of(indicator_id) if problem.is_error]
    if errors:
        key = "indicator_unloaded" if indicator_id in registry.unloaded else "indicator_problems"
        render.error(view.t(key, count=len(errors)), icon=":material/error:")
        st.dataframe(problems_frame(view, errors), hide_index=True, width="stretch")


if requested in registry.unloaded and requested not in view.loaded.correcting:  # broken, never valid here
    render.title(inert(requested))
    own_problems(requested)
    st.stop()

if not available:
    render.title(view.t("page_indicator"))
    render.info(view.t("no_data"), icon=":material/filter_alt_off:")
    st.stop()

if requested in registry.indicators and requested not in available:
    # A filter (years, sector, level, unit) leaves none of its figures: say so, keep the indicator.
    render.title(inert(view.name(requested)))
    render.info(view.t("outside_filters"), icon=":material/filter_alt_off:")
    st.stop()

if requested and requested not in available:
    render.warning(view.t("url_notice", details=f"indicator={requested}"), icon=":material/link_off:")


def observations_table(rows) -> None:
    """Every observation with its quote and source, one row each."""
    labels = {
        "period_text": view.plain("period"),
        "value_text": view.plain("value"),
        "quote": st.column_config.TextColumn(view.plain("quote"), width="large"),
        "source_title": view.plain("source"),
        "source_publisher": view.plain("publisher"),
        "source_published": view.plain("published"),
        "source_url": st.column_config.LinkColumn(view.plain("link")),
    }
    table = only_columns(rows, list(labels))
    table["source_published"] = [format_date_value(day, view.language) for day in table["source_published"]]
    table = missing_marked(table, links=["source_url"])
    st.dataframe(table, hide_index=True, width="stretch", column_config=labels)


def follow_choice() -> None:
    st.query_params["indicator"] = st.session_state["indicator_choice"]


# The URL decides (links from cards, shared links); the select box writes back to it.
st.session_state["indicator_choice"] = requested if requested in available else available[0]
indicator_id = render.selectbox(
    view.t("choose_indicator"), available, format_func=view.name, key="indicator_choice", on_change=follow_choice
)
if st.query_params.get("indicator") != indicator_id:
    st.query_params["indicator"] = indicator_id

indicator = registry.indicators[indicator_id]
rows = view.filtered[view.filtered.indicator_id == indicator_id].copy()
description = indicator.description.vi if view.language == "vi" else indicator.description.en
render.title(inert(view.name(indicator_id)))
first_row = rows.iloc[0]
render.caption(
    md(
        "{sector} · {level} · {unit}",
        sector=view.sector_name(indicator.sector),
        level=view.t(first_row.reporting_unit_level),
        unit=view.unit(first_row),
    )
)
render.markdown(inert(description))
newest = rows.sort_values("period_end", kind="stable").iloc[-1]
render.caption(
    view.t(
        "newest_figure",
        period=period_text(view, newest),
        published=format_date_value(newest.source_published, view.language),
    )
)
own_problems(indicator_id)

rows = labelled(view, rows)

if len(rows) > 1:
    targets = [(indicator.target_unit(target), target) for _, target in indicator.all_targets()]
    chart_with_images(view, history_of(view, rows, targets), indicator_id)
else:
    row = next(rows.itertuples())
    render.metric(inert(period_text(view, row)), inert(formatted_value(view, row)), border=True)
    render.caption(view.t("single_point"))


def unit_comparison(rows) -> None:
    """For an indicator several units report: their figures for one period as ranked
    bars, each with its citation, and where a unit's series ends at a merger."""
    series = rows[series_rows(rows)]
    units_per_period = series.groupby("period", observed=True)["reporting_unit"].nunique()
    periods = [
        period
        for period in series.sort_values("period_start", ascending=False, kind="stable")["period"].unique()
        if units_per_period.get(period, 0) > 1
    ]
    render.subheader(view.t("unit_comparison"))
    if periods:
        texts = {row.period: row.period_text for row in series.itertuples()}
        stems = [comparison_stem(period) for period in periods]
        # An embed names its period through its chart's file stem.
        wanted = st.query_params.get(embeds.CHART) if embeds.embedding() else None
        period = render.selectbox(
            view.t("comparison_period"),
            periods,
            format_func=texts.get,
            index=stems.index(wanted) if wanted in stems else 0,
            key=f"compare_{indicator.id}",
        )
        chosen = series[series.period == period]
        chosen = chosen.assign(
            unit_name=[unit_name(row) for row in chosen.itertuples()],
            source_line=[source_line(view, row) for row in chosen.itertuples()],
        )
        title = f"{view.name(indicator.id)} · {texts[period]}"
        caption = chart_caption(view, title, chart_source(view, chosen))
        rank = indicator.kind == "rank"
        chart_with_images(
            view,
            comparison_bars(chosen, view.unit(chosen.iloc[0]), caption, rank=rank),
            comparison_stem(period),
        )
        best_first = chosen.sort_values("value", ascending=rank or indicator.direction == "lower-is-better")
        with render.expander(md("{label} ({count})", label=view.t("comparison_citations"), count=len(chosen))):
            for row in best_first.itertuples():
                render.markdown(md("**{unit}: {value}**", unit=row.unit_name, value=row.value_text))
                citation(view, row)
    else:
        render.caption(view.t("no_common_period"))


def comparison_stem(period: str) -> str:
    """The file stem of the comparison chart of one period (its images, its embed)."""
    return f"{indicator.id}-{period}".replace("/", "-")


def unit_name(row) -> str:
    return row.reporting_unit_vi if view.language == "vi" else row.reporting_unit_en


def merger_of(unit_id: str):
    """ "Hà Giang merged into Tuyên Quang on 1/7/2025: its series ends there", or None."""
    units = registry.units
    if units is None or unit_id not in units:
        return None
    latest = units.latest(unit_id)
    if latest.valid_until is None or latest.successor in (None, unit_id):
        return None
    successor = units.latest(latest.successor)
    return view.t(
        "merged_into",
        unit=latest.name if view.language == "vi" else latest.name_en,
        successor=successor.name if view.language == "vi" else successor.name_en,
        day=format_date_value(latest.valid_until + timedelta(days=1), view.language),
    )


for unit in dict.fromkeys(rows.reporting_unit):
    ended = merger_of(unit)
    if ended:
        render.caption(ended)
if rows.reporting_unit.nunique() > 1:
    unit_comparison(rows)

targets_section(view, indicator_id)

render.subheader(view.t("observations"))
# The newest figures as citation cards; the table below lists every one with its quote.
for row in rows.iloc[::-1].iloc[:CITATION_CARDS].itertuples():
    with st.container(border=True):
        render.markdown(md("**{period}: {value}**", period=row.period_text, value=row.value_text))
        citation(view, row)
if len(rows) > CITATION_CARDS:
    render.caption(md("{shown} / {total} · {rest}", shown=CITATION_CARDS, total=len(rows), rest=view.t("all_in_table")))

table_box = drawn_when_open(view.t("observations_table"), len(rows), key="observations_table")
if table_box:
    with table_box:
        observations_table(rows)

render.subheader(view.t("history"))
history = [change for change in changes_of(view.loaded) if change.indicator_id == indicator_id]
if history:
    st.dataframe(changes_table(view, history), hide_index=True, width="stretch")
else:
    render.caption(view.t("history_none"))
# Drawn only while open: its table would load the data grid's script on a first visit.
as_of_box = render.expander(view.t("as_of"), icon=":material/history:", key="as_of", on_change="rerun")
if as_of_box.open:
    with as_of_box:
        as_of_view(view, indicator_id)

render.subheader(view.t("how_to_cite"))
# The newest figure, with a link to exactly this view (its filters and language).
permalink = indicator_links([indicator_id], filter_params(), app_address("indicator"))[0]
# A code block: its text is shown as is, wrapped, with a copy button.
st.code(how_to_cite(view, rows.iloc[-1], permalink), language=None, wrap_lines=True)

download_buttons(view, rows, indicator_id, page_path="indicator")
data_file_links(view, "indicator", indicator_id)
