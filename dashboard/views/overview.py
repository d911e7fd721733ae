"""Overview: KPI cards per sector, headline indicators first."""

import pandas as pd
import streamlit as st

from dashboard import render
from dashboard.components import (
    drawn_when_open,
    filter_params,
    formatted_value,
    indicator_links,
    is_stale,
    kpi_card,
    period_text,
)
from dashboard.downloads import app_address, download_buttons
from dashboard.render import Markdown, inert, md
from dashboard.tables import missing_marked
from dashboard.view import current_view
from indicators.formatting import format_date_value
from indicators.query import kpi_summary

CARDS_PER_ROW = 3
CARDS_PER_SECTOR = 4  # every card is a few hundred elements for the browser to build

view = current_view()
render.title(view.t("app_title"))
render.caption(view.t("tagline"))
if not view.loaded.frame.empty:
    render.caption(
        view.t(
            "data_changed",
            date=format_date_value(max(view.loaded.frame["source_accessed"].dropna().astype(str)), view.language),
        )
    )
downloads = st.container()  # filled once the page knows what it shows


def card_grid(records: list) -> None:
    for start in range(0, len(records), CARDS_PER_ROW):
        columns = st.columns(CARDS_PER_ROW)
        for column, row in zip(columns, records[start : start + CARDS_PER_ROW], strict=False):
            with column:
                kpi_card(view, row)


def others_table(records: list) -> None:
    """The indicators without a card as one compact table, each linked to its page."""
    details, quote, link = view.plain("details"), view.plain("quote"), view.plain("link")
    table = pd.DataFrame(
        {
            view.plain("indicators"): [view.name(row.indicator_id) for row in records],
            view.plain("sector"): [view.sector_name(row.sector) for row in records],
            view.plain("value"): [formatted_value(view, row) for row in records],
            view.plain("period"): [period_text(view, row) for row in records],
            quote: [row.quote for row in records],
            view.plain("source"): [row.source_title for row in records],
            view.plain("publisher"): [row.source_publisher for row in records],
            view.plain("published"): [format_date_value(row.source_published, view.language) for row in records],
            link: [row.source_url for row in records],
            # Absolute, like the downloads: the table's own export keeps working links.
            details: indicator_links([row.indicator_id for row in records], filter_params(), app_address("")),
        }
    )
    st.dataframe(
        missing_marked(table, links=[link]),
        hide_index=True,
        width="stretch",
        column_config={
            details: st.column_config.LinkColumn(details, display_text="→"),
            quote: st.column_config.TextColumn(quote, width="large"),
            link: st.column_config.LinkColumn(link),
        },
    )


def also_links(records: list) -> None:
    """The sector's indicators without a card, as links in the reader's alphabetical order:
    every indicator is one click from the overview (and found by the browser's search)."""
    if not records:
        return
    ordered = sorted(records, key=lambda row: view.sort_key(view.name(row.indicator_id)))
    links = indicator_links([row.indicator_id for row in ordered], filter_params())
    items = [
        md(
            "[{name}]({link}){old}",
            name=view.name(row.indicator_id),
            link=Markdown(link),
            old=md(" ({old})", old=view.plain("stale_short")) if is_stale(row) else Markdown(""),
        )
        for row, link in zip(ordered, links, strict=True)
    ]
    render.markdown(md("{label}: ", label=view.t("also_in_sector")) + Markdown(" · ").join(items))


summary = kpi_summary(view.filtered)
if summary.empty:
    render.info(view.t("no_data"), icon=":material/filter_alt_off:")

# Rows as plain records, read once: at thousands of indicators, per-sector frame slicing dominates a rerun.
by_sector: dict[str, list] = {}
for row in summary.itertuples():
    by_sector.setdefault(row.sector, []).append(row)

rest: list = []
shown: list = []  # every indicator on the page, in the order shown: the cards, then the table
for sector_id in view.filters.sectors:
    records = by_sector.get(sector_id)
    if not records:
        continue
    render.header(inert(view.sector_name(sector_id)), divider="gray")
    headline = [row for row in records if row.headline]
    others = [row for row in records if not row.headline]
    if not headline:  # no headline chosen: the first few as cards
        headline, others = others[:CARDS_PER_SECTOR], others[CARDS_PER_SECTOR:]
    if len(headline) > CARDS_PER_SECTOR:  # a large registry: the rest go to the table
        headline, others = headline[:CARDS_PER_SECTOR], headline[CARDS_PER_SECTOR:] + others
    card_grid(headline)
    also_links(others)
    shown.extend(headline)
    rest.extend(others)
shown.extend(rest)

if shown:
    with downloads:
        download_buttons(
            view,
            summary.iloc[[row.Index for row in shown]],
            "indicators-latest",
            page_path="",
            formats=("csv", "xlsx"),
            tooltip=view.t("download_shown"),
        )

# One table for every sector.
more = drawn_when_open(view.t("more_indicators"), len(rest), key="more_indicators") if rest else None
if more:
    with more:
        others_table(rest)
