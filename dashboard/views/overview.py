"""Overview: KPI cards per sector, headline indicators first."""

import pandas as pd
import streamlit as st

from dashboard.components import escape_markdown, formatted_value, indicator_links, kpi_card, period_text, source_line
from dashboard.state import current_view
from indicators.query import kpi_summary

CARDS_PER_ROW = 3
FALLBACK_CARDS = 6
MAX_CARDS = 6

view = current_view()
st.title(view.t("app_title"))
st.caption(view.t("tagline"))


def card_grid(rows) -> None:
    records = list(rows.itertuples())
    for start in range(0, len(records), CARDS_PER_ROW):
        columns = st.columns(CARDS_PER_ROW)
        for column, row in zip(columns, records[start : start + CARDS_PER_ROW], strict=False):
            with column:
                kpi_card(view, row)


def others_table(rows) -> None:
    """The non-headline indicators as one compact table, each linked to its page."""
    table = pd.DataFrame(
        {
            view.t("indicators"): [view.name(indicator_id) for indicator_id in rows.indicator_id],
            view.t("value"): [formatted_value(view, row) for row in rows.itertuples()],
            view.t("period"): [period_text(view, row) for row in rows.itertuples()],
            view.t("quote"): rows.quote.tolist(),
            view.t("source"): rows.source_title.astype(str).tolist(),
            view.t("published"): [source_line(view, row) for row in rows.itertuples()],
            view.t("link"): rows.source_url.tolist(),
            view.t("details"): indicator_links(rows.indicator_id),
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            view.t("details"): st.column_config.LinkColumn(view.t("details"), display_text="→"),
            view.t("quote"): st.column_config.TextColumn(view.t("quote"), width="large"),
            view.t("link"): st.column_config.LinkColumn(view.t("link")),
        },
    )


summary = kpi_summary(view.filtered)
if summary.empty:
    st.info(view.t("no_data"), icon=":material/filter_alt_off:")

for sector_id in view.filters.sectors:
    sector_rows = summary[summary.sector == sector_id]
    if sector_rows.empty:
        continue
    st.header(escape_markdown(view.sector_name(sector_id)), divider="gray")
    headline = sector_rows[sector_rows.headline]
    others = sector_rows[~sector_rows.headline]
    if headline.empty:  # no headline chosen: the first few as cards
        headline, others = others.iloc[:FALLBACK_CARDS], others.iloc[FALLBACK_CARDS:]
    if len(headline) > MAX_CARDS:  # a large registry: the rest go to the table
        headline, others = headline.iloc[:MAX_CARDS], pd.concat([headline.iloc[MAX_CARDS:], others])
    card_grid(headline)
    if not others.empty:
        with st.expander(f"{view.t('more_indicators')} ({len(others)})"):
            others_table(others)
