"""Sources: metadata and a reader with the cited sentences highlighted."""

import streamlit as st

from dashboard.components import INDICATOR_PAGE, escape_markdown
from dashboard.view import current_view
from indicators.formatting import format_date_value
from indicators.text import fold

view = current_view()
registry = view.loaded.registry
frame = view.loaded.frame
st.title(view.t("page_sources"))

source_ids = sorted(registry.sources, key=lambda source_id: registry.sources[source_id].meta.published or "")
if not source_ids:
    st.info(view.t("no_data"))
    st.stop()


def follow_choice() -> None:
    st.query_params["source"] = st.session_state["source_choice"]


requested = st.query_params.get("source")
if requested and requested not in registry.sources:
    st.warning(view.t("url_notice", details=f"source={requested}"), icon=":material/link_off:")
st.session_state["source_choice"] = requested if requested in registry.sources else source_ids[-1]
source_id = st.selectbox(
    view.t("choose_source"),
    source_ids,
    key="source_choice",
    format_func=lambda key: (
        f"{registry.sources[key].meta.title} ({format_date_value(str(registry.sources[key].meta.published or ''), view.language)})"
    ),
    on_change=follow_choice,
)
if st.query_params.get("source") != source_id:
    st.query_params["source"] = source_id

source = registry.sources[source_id]
meta = source.meta
cited = frame[frame.source_id == source_id]
st.header(escape_markdown(meta.title), divider="gray")
details = {
    view.t("publisher"): meta.publisher or "—",
    view.t("published"): format_date_value(meta.published.isoformat() if meta.published else None, view.language),
    view.t("accessed"): format_date_value(meta.accessed.isoformat(), view.language),
    view.t("language_name"): meta.language,
    view.t("origin"): meta.origin or "—",
    view.t("observations"): str(len(cited)),
}
for label, value in details.items():
    st.markdown(f"**{escape_markdown(label)}:** {escape_markdown(value)}")
if meta.url:
    st.link_button(view.t("link"), meta.url, icon=":material/open_in_new:")
else:
    st.caption(view.t("no_link"))
if meta.notes:
    st.info(meta.notes, icon=":material/info:")

quotes: dict[str, list[str]] = {}
for row in cited.itertuples():
    quotes.setdefault(fold(row.quote), []).append(row.indicator_id)

st.subheader(f"{view.t('source_text')} · {len(quotes)} {view.t('cited_sentences')}")
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
        st.markdown(escape_markdown(folded))
        continue
    pieces, position, linked = [], 0, []
    for start, end, indicator_ids in spans:
        if start < position:
            continue  # overlapping quotes: the first one is highlighted
        pieces.append(escape_markdown(folded[position:start]))
        pieces.append(f":orange-background[{escape_markdown(folded[start:end])}]")
        position = end
        linked.extend(indicator_ids)
    pieces.append(escape_markdown(folded[position:]))
    with st.container(border=True):
        st.markdown("".join(pieces))
        st.caption(view.t("cites"))
        with st.container(horizontal=True):
            for indicator_id in dict.fromkeys(linked):
                st.page_link(
                    INDICATOR_PAGE,
                    label=view.name(indicator_id),
                    icon=":material/arrow_forward:",
                    query_params={"indicator": indicator_id},
                )
