"""Sources: metadata and a reader with the cited sentences highlighted."""

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import render
from dashboard.components import INDICATOR_PAGE
from dashboard.render import Markdown, inert, md
from dashboard.view import current_view
from indicators.formatting import format_date_value
from indicators.tables.citing import cited_positions, table_frame
from indicators.text import cited_passages, fold, text_pages

view = current_view()
registry = view.loaded.registry
frame = view.loaded.frame
render.title(view.t("page_sources"))

# Oldest first, undated sources before every dated one; the newest is chosen by default.
source_ids = sorted(
    registry.sources,
    key=lambda source_id: (
        registry.sources[source_id].meta.published is not None,
        registry.sources[source_id].meta.published or date.min,
        source_id,
    ),
)
if not source_ids:
    render.info(view.t("no_data"))
    st.stop()


def follow_choice() -> None:
    st.query_params["source"] = st.session_state["source_choice"]


requested = st.query_params.get("source")
if requested and requested not in registry.sources:
    render.warning(view.t("url_notice", details=f"source={requested}"), icon=":material/link_off:")
st.session_state["source_choice"] = requested if requested in registry.sources else source_ids[-1]
source_id = render.selectbox(
    view.t("choose_source"),
    source_ids,
    key="source_choice",
    format_func=lambda key: (
        f"{registry.sources[key].meta.title} ({format_date_value(registry.sources[key].meta.published, view.language)})"
    ),
    on_change=follow_choice,
)
if st.query_params.get("source") != source_id:
    st.query_params["source"] = source_id


def show_table(view, registry, source, cited) -> None:
    """A table source: where it stands, its cells as printed with the cited ones highlighted
    (text only: a DataFrame, never HTML), and the indicators citing it."""
    info = source.meta.table
    if info is not None:
        place = [part for part in (info.number, info.title) if part]
        if info.page:
            place.append(view.plain("page_number", page=info.page))
        if info.sheet:
            place.append(info.sheet)
        render.markdown(md("**{label}:** {place}", label=view.t("table_place"), place=" · ".join(place)))
    rows = registry.rows
    cells = [
        cell
        for indicator_id in cited.indicator_id.unique()
        for cell, source_id in zip(rows[indicator_id]["cell"], rows[indicator_id]["source"], strict=True)
        if cell is not None and source_id == source.meta.id
    ]
    positions = cited_positions(source, cells)
    render.subheader(
        md("{text} · {cited}", text=view.t("source_table"), cited=view.t("cited_cells", count=len(positions)))
    )
    table = table_frame(source)

    def highlight(frame):
        styles = pd.DataFrame("", index=frame.index, columns=frame.columns)
        for row, column in positions:
            styles.iat[row, column] = "background-color: #ffe0b2; font-weight: 600"
        return styles

    st.dataframe(table.style.apply(highlight, axis=None), hide_index=True, width="stretch")
    render.caption(view.t("cites"))
    with st.container(horizontal=True):
        for indicator_id in cited.indicator_id.unique():
            render.page_link(
                INDICATOR_PAGE,
                label=inert(view.name(indicator_id)),
                icon=":material/arrow_forward:",
                query_params={"indicator": indicator_id},
            )


source = registry.sources[source_id]
meta = source.meta
cited = frame[frame.source_id == source_id]
render.header(inert(meta.title), divider="gray")
details = {
    "publisher": meta.publisher,
    "published": format_date_value(meta.published, view.language),
    "accessed": format_date_value(meta.accessed, view.language),
    "language_name": view.plain(f"language_{meta.language}"),
    "observations": len(cited),
}
for label, value in details.items():
    render.markdown(md("**{label}:** {value}", label=view.t(label), value=value))
if meta.url:
    render.link_button(view.t("link"), meta.url, icon=":material/open_in_new:")
else:
    render.caption(view.t("no_link"))
notes = meta.notes and (meta.notes.vi if view.language == "vi" else meta.notes.en)
if notes:
    render.info(inert(notes), icon=":material/info:")
elif meta.notes:
    render.info(md("{missing}: {notes}", missing=view.t("not_translated"), notes=meta.notes.vi), icon=":material/info:")

if source.table is not None:
    show_table(view, registry, source, cited)
    st.stop()

quotes: dict[str, list[str]] = {}
for row in cited.itertuples():
    quotes.setdefault(fold(row.quote), []).append(row.indicator_id)
lines = [folded for folded in map(fold, source.text.splitlines()) if folded]

# The cited sentences first, each with a little of the text around it; then the whole
# text a page at a time (a 10 MB source is never one page).
render.subheader(md("{text} · {cited}", text=view.t("source_text"), cited=view.t("cited_sentences", count=len(quotes))))
for _, before, quote, after in cited_passages(lines, list(quotes)):
    with st.container(border=True):
        render.markdown(
            Markdown("").join([inert(before), md(":orange-background[{quote}]", quote=quote), inert(after)])
        )
        render.caption(view.t("cites"))
        with st.container(horizontal=True):
            for indicator_id in dict.fromkeys(quotes[quote]):
                render.page_link(
                    INDICATOR_PAGE,
                    label=inert(view.name(indicator_id)),
                    icon=":material/arrow_forward:",
                    query_params={"indicator": indicator_id},
                )

render.subheader(view.t("full_text"))
pages = text_pages(lines)
shown = 1
if len(pages) > 1:
    shown = int(
        st.number_input(
            view.plain("text_page", pages=len(pages)),
            min_value=1,
            max_value=len(pages),
            value=1,
            step=1,
            key=f"text_page_{source_id}",
        )
    )
for line in pages[shown - 1] if pages else []:
    render.markdown(inert(line))
