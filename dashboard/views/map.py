"""Province map: for an indicator with provincial figures, a tile map of one period
(the 63 provinces before 1 July 2025, the 34 from then); a tile opens that province's series."""

from textwrap import wrap
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard import render
from dashboard.components import (
    INDICATOR_PAGE,
    chart_caption,
    chart_source,
    chart_with_images,
    filter_params,
    history_of,
    labelled,
    source_line,
)
from dashboard.map_charts import SELECTION, TILE_STEP, tile_map_chart
from dashboard.render import Markdown, inert, md
from dashboard.view import current_view
from indicators.formatting import format_date_value
from indicators.query import series_rows
from indicators.tile_maps import mapped_periods, off_map, tile_map_for, tiles_frame

view = current_view()
registry = view.loaded.registry
render.title(view.t("page_map"))
render.caption(view.t("map_intro"))

periods = mapped_periods(view.filtered)
if periods.empty or registry.units is None:
    render.info(view.t("map_none"), icon=":material/filter_alt_off:")
    st.stop()

links = {key: value for key, value in filter_params().items() if key not in ("period", "province")}
mapped = sorted(dict.fromkeys(periods.indicator_id), key=lambda indicator_id: view.sort_key(view.name(indicator_id)))


def map_link(indicator_id: str) -> str:
    """This page for another indicator, keeping the filters (and the language)."""
    return "map?" + urlencode({**links, "indicator": indicator_id}, doseq=True)


render.subheader(view.t("map_indicators"))
# Links, not buttons: a long name wraps on a phone.
render.markdown(
    Markdown("\n").join(
        md("- [{name}]({url})", name=view.name(indicator_id), url=Markdown(map_link(indicator_id)))
        for indicator_id in mapped
    )
)

requested = st.query_params.get("indicator")
st.session_state["map_indicator"] = requested if requested in mapped else mapped[0]


def follow(key: str, param: str) -> None:
    st.query_params[param] = st.session_state[key]
    if param == "indicator":
        st.query_params.pop("period", None)
        st.query_params.pop("province", None)


indicator_id = render.selectbox(
    view.t("choose_indicator"),
    mapped,
    format_func=view.name,
    key="map_indicator",
    on_change=follow,
    args=("map_indicator", "indicator"),
)
st.query_params["indicator"] = indicator_id
indicator = registry.indicators[indicator_id]
rows = view.filtered[(view.filtered.indicator_id == indicator_id)]
rows = labelled(view, rows[series_rows(rows)])
provincial = rows[rows.reporting_unit_level.astype(str) == "province"]

own_periods = periods[periods.indicator_id == indicator_id]
texts = {row.period: row.period_text for row in provincial.itertuples()}
choices = list(own_periods.period)
requested_period = st.query_params.get("period")
st.session_state["map_period"] = requested_period if requested_period in choices else choices[0]
period = render.selectbox(
    view.t("map_period"),
    choices,
    format_func=texts.get,
    key="map_period",
    on_change=follow,
    args=("map_period", "period"),
)
st.query_params["period"] = period

chosen = provincial[provincial.period.astype(str) == period]
day = pd.Timestamp(own_periods[own_periods.period == period].period_end.iloc[0]).date()
layout = tile_map_for(day)
tiles = tiles_frame(chosen, layout, registry.units)
names = tiles["tile_name_vi" if view.language == "vi" else "tile_name_en"]
tiles = tiles.assign(
    unit_name=names,
    source_line=[source_line(view, row) if pd.notna(row.value) else "" for row in tiles.itertuples()],
)
missing = list(names[tiles["value"].isna()])
layout_label = view.plain("map_layout_63" if len(layout.tiles) == 63 else "map_layout_34")
title = view.plain("map_chart_title", name=view.name(indicator_id), period=texts[period])
notes = [chart_source(view, chosen), layout_label]
notes += [view.plain("map_empty_tiles", count=len(missing))] if missing else []
# The map is narrow (its columns of tiles): its title and notes wrap to its width.
width = TILE_STEP * (1 + max(tile.column for tile in layout.tiles)) // 8
caption = chart_caption(
    view, "\n".join(wrap(title, width)), "\n".join(line for note in notes for line in wrap(note, width + 8))
)
legend = view.unit(chosen.iloc[0])
chart = tile_map_chart(tiles, indicator.kind, indicator.direction, legend, caption, view.plain("map_no_figure"))

render.caption(md("{layout} · {reporting}", layout=layout_label, reporting=view.t("map_reporting", count=len(chosen))))
event = chart_with_images(
    view,
    chart,
    f"map-{indicator_id}-{period}".replace("/", "-"),
    stretch=False,
    on_select="rerun",
    selection_mode=SELECTION,
    key=f"map-{indicator_id}-{period}",
)
if missing:
    render.caption(view.t("map_missing", count=len(missing), names=", ".join(missing)))
unplaced = off_map(chosen, layout)
if unplaced:
    render.caption(view.t("map_off_layout", names=", ".join(unplaced)))

# The province: a clicked tile, else the one chosen in the box (kept in the URL).
clicked = [point.get("unit_id") for point in (event.selection.get(SELECTION) or [])] if event else []
unit_names = dict(zip(tiles.unit_id, names, strict=True))
if clicked and clicked[0] in unit_names:
    st.query_params["province"] = clicked[0]
province = st.query_params.get("province")
options = ["", *sorted(unit_names, key=lambda unit_id: view.sort_key(unit_names[unit_id]))]
st.session_state["map_province"] = province if province in unit_names else ""
province = render.selectbox(
    view.t("map_choose_unit"),
    options,
    format_func=lambda unit_id: unit_names.get(unit_id) or view.plain("map_no_unit"),
    key="map_province",
    on_change=follow,
    args=("map_province", "province"),
)

if province:
    render.subheader(view.t("map_unit_series", unit=unit_names[province]))
    series = rows[rows.reporting_unit.astype(str) == province]
    if series.empty:
        render.info(view.t("map_no_figure"), icon=":material/filter_alt_off:")
    elif len(series) == 1:
        row = next(series.itertuples())
        render.metric(inert(row.period_text), inert(row.value_text), border=True)
        render.caption(
            md(
                "{source} · {date}",
                source=source_line(view, row),
                date=format_date_value(row.source_published, view.language),
            )
        )
    else:
        targets = [(indicator.target_unit(target), target) for _, target in indicator.all_targets()]
        chart_with_images(view, history_of(view, series, targets), f"{indicator_id}-{province}")
    render.page_link(
        INDICATOR_PAGE,
        label=view.t("map_open_indicator"),
        icon=":material/query_stats:",
        query_params={**links, "indicator": indicator_id},
    )
