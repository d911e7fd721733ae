"""Sources: metadata and a reader with the cited sentences highlighted."""

from datetime import date

import streamlit as st

from dashboard import render
from dashboard.components import INDICATOR_PAGE
from dashboard.render import Markdown, inert, md
from dashboard.view import current_view
from indicators.formatting import format_date_value
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
