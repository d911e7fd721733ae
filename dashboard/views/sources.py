"""Sources: metadata and a reader with the cited sentences highlighted."""

from datetime import date

import streamlit as st

from dashboard import render
from dashboard.components import INDICATOR_PAGE
from dashboard.render import Markdown, inert, md
from dashboard.view import current_view
from indicators.formatting import format_date_value
from indicators.text import fold

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

render.subheader(md("{text} · {cited}", text=view.t("source_text"), cited=view.t("cited_sentences", count=len(quotes))))
for line in source.text.splitlines():
    folded = fold(line)
    if not folded:
        continue
    spans = sorted(
        (folded.find(quote), folded.find(quote) + len(quote), indicator_ids)
        for quote, indicator_ids in quotes.items()
        if quote in folded
    )
    if not spans:
        render.markdown(inert(folded))
        continue
    pieces, position, linked = [], 0, []
    for start, end, indicator_ids in spans:
        if start < position:
            continue  # overlapping quotes: the first one is highlighted
        pieces.append(inert(folded[position:start]))
        pieces.append(md(":orange-background[{quote}]", quote=folded[start:end]))
        position = end
        linked.extend(indicator_ids)
    pieces.append(inert(folded[position:]))
    with st.container(border=True):
        render.markdown(Markdown("").join(pieces))
        render.caption(view.t("cites"))
        with st.container(horizontal=True):
            for indicator_id in dict.fromkeys(linked):
                render.page_link(
                    INDICATOR_PAGE,
                    label=inert(view.name(indicator_id)),
                    icon=":material/arrow_forward:",
                    query_params={"indicator": indicator_id},
                )
