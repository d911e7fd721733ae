"""Rankings: international indices as rank histories (rank of N on a reversed axis);
levels; and every province of a provincial index compared for a chosen year."""

from textwrap import wrap

import streamlit as st

from dashboard import render
from dashboard.charts import comparison_bars, ranking_chart
from dashboard.components import (
    chart_caption,
    chart_source,
    chart_with_images,
    citation,
    formatted_value,
    labelled,
    period_text,
)
from dashboard.render import md
from dashboard.view import current_view
from indicators.query import series_rows

PANEL_CHARACTERS = 34  # a title line across one ranking panel

view = current_view()
registry = view.loaded.registry
render.title(view.t("page_rankings"))
render.caption(view.t("rankings_intro"))


def index_label(indicator_id: str) -> str:
    indicator = registry.indicators[indicator_id]
    names = indicator.index_name or indicator.name
    return names.vi if view.language == "vi" else names.en


national = view.filtered[view.filtered.reporting_unit_level == "national"]
ranks = national[(national.kind == "rank")]
ranks = ranks[series_rows(ranks)].copy()  # one figure per period: a second report of it is not a second point
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
    for _, history in ranks.sort_values(["index_label", "period_start"]).groupby("index_label", sort=True):
        latest = history.iloc[-1]
        with st.container(border=True):
            rank = view.t("rank_of", rank=f"{latest.value:g}", total=f"{latest.out_of:g}")
            render.markdown(
                md(
                    "**{index}** · {period}: **{rank}**",
                    index=latest.index_label,
                    period=period_text(view, latest),
                    rank=rank,
                )
            )
            citation(view, latest)
            if len(history) > 1:
                with render.expander(md("{label} ({count})", label=view.t("rank_history"), count=len(history))):
                    for row in history.iloc[::-1].itertuples():
                        render.markdown(
                            md(
                                "**{period}: {rank}**",
                                period=period_text(view, row),
                                rank=f"{row.value:g}/{row.out_of:g}",
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


figure_cards("levels", national[national.kind == "level"], index_label)

provincial = view.filtered[view.filtered.reporting_unit_level == "province"]
provincial = provincial[series_rows(provincial)]
compared = [
    indicator_id
    for indicator_id, units in provincial.groupby("indicator_id", observed=True).reporting_unit.nunique().items()
    if units > 1
]
if compared:
    render.header(view.t("provincial_comparison"), divider="gray")
    with st.container(horizontal=True):
        indicator_id = render.selectbox(
            view.t("choose_indicator"), compared, format_func=view.name, key="province_index"
        )
        rows = labelled(view, provincial[provincial.indicator_id == indicator_id])
        years = sorted(rows.period.unique(), reverse=True)
        texts = {row.period: row.period_text for row in rows.itertuples()}
        period = render.selectbox(view.t("choose_year"), years, format_func=texts.get, key="province_period")
    chosen = rows[rows.period == period]
    chosen = chosen.assign(
        unit_name=list(chosen.reporting_unit_vi if view.language == "vi" else chosen.reporting_unit_en),
        source_line=[f"{row.source_title}" for row in chosen.itertuples()],
    )
    indicator = registry.indicators[indicator_id]
    caption = chart_caption(view, f"{view.name(indicator_id)} · {texts[period]}", chart_source(view, chosen))
    chart_with_images(
        view, comparison_bars(chosen, view.unit(chosen.iloc[0]), caption, rank=indicator.kind == "rank"), "provinces"
    )
single = provincial[~provincial.indicator_id.isin(compared)]
figure_cards("provincial", single, view.name)
