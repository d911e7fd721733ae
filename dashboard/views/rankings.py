"""Rankings: international indices as rank of N on a reversed axis; levels; provinces."""

from textwrap import wrap

import streamlit as st

from dashboard import render
from dashboard.charts import ranking_chart
from dashboard.components import (
    chart_caption,
    chart_source,
    chart_with_images,
    citation,
    formatted_value,
    period_text,
)
from dashboard.render import md
from dashboard.view import current_view

PANEL_CHARACTERS = 34  # a title line across one ranking panel

view = current_view()
registry = view.loaded.registry
render.title(view.t("page_rankings"))
render.caption(view.t("rankings_intro"))


def index_label(indicator_id: str) -> str:
    indicator = registry.indicators[indicator_id]
    names = indicator.index_name or indicator.name
    return names.vi if view.language == "vi" else names.en


ranks = view.filtered[(view.filtered.kind == "rank")].copy()
render.header(view.t("international_rankings"), divider="gray")
if ranks.empty:
    render.info(view.t("no_rankings"), icon=":material/filter_alt_off:")
else:
    ranks["index_label"] = [index_label(indicator_id) for indicator_id in ranks.indicator_id]
    ranks["rank_text"] = [f"{row.value:g}/{row.out_of:g}" for row in ranks.itertuples()]
    # One panel per index in columns, which stack on a phone (one wide chart of three panels did not fit).
    indices = list(dict.fromkeys(ranks.sort_values("index_label").index_label))
    for column, index in zip(st.columns(len(indices)), indices, strict=True):
        panel = ranks[ranks.index_label == index]
        title = "\n".join(wrap(view.plain("rank_chart_title"), PANEL_CHARACTERS))
        source = "\n".join(wrap(chart_source(view, panel), PANEL_CHARACTERS + 10))
        with column:
            chart = ranking_chart(panel, view.plain("rank"), chart_caption(view, title, source))
            chart_with_images(view, chart, f"rankings-{panel.indicator_id.iloc[0]}", stretch=False)
    for row in ranks.sort_values(["index_label", "period_start"]).itertuples():
        with st.container(border=True):
            rank = view.t("rank_of", rank=f"{row.value:g}", total=f"{row.out_of:g}")
            render.markdown(
                md(
                    "**{index}** · {period}: **{rank}**",
                    index=row.index_label,
                    period=period_text(view, row),
                    rank=rank,
                )
            )
            citation(view, row)


def figure_cards(title_key: str, rows, label) -> None:
    """A section of figures, each as a metric with its citation."""
    if rows.empty:
        return
    render.header(view.t(title_key), divider="gray")
    for row in rows.itertuples():
        with st.container(border=True):
            sign = "+" if row.kind == "change" and row.value > 0 else ""
            render.metric(
                md("{name} · {period}", name=label(row.indicator_id), period=period_text(view, row)),
                md("{sign}{value}", sign=sign, value=formatted_value(view, row)),
            )
            citation(view, row)


figure_cards("levels", view.filtered[view.filtered.kind == "level"], index_label)
figure_cards("provincial", view.filtered[view.filtered.reporting_unit_level == "province"], view.name)
