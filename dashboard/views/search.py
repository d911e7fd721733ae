"""Search: every indicator whose texts hold the query's words, the best first, each a
link to its page with the matching text."""

import streamlit as st

from dashboard import render
from dashboard.components import filter_params, indicator_links
from dashboard.render import md
from dashboard.search_box import search_index
from dashboard.view import current_view

SHOWN_CHARACTERS = 220

view = current_view()
render.title(view.t("page_search"))
render.caption(view.t("search_intro"))


def follow() -> None:
    st.query_params["q"] = st.session_state["search_query"]


st.session_state["search_query"] = st.query_params.get("q", "")
query = render.text_input(
    view.t("search"),
    key="search_query",
    type="search",
    placeholder=view.plain("search_placeholder"),
    on_change=follow,
    icon=":material/search:",
)

if query.strip():
    st.query_params["q"] = query  # a link to these results
    hits = search_index(view).search(query)
    if not hits:
        render.info(view.t("search_none", query=query), icon=":material/search_off:")
    else:
        render.subheader(view.t("search_results", count=len(hits), query=query))
    params = {key: value for key, value in filter_params().items() if key != "q"}
    links = indicator_links([hit.indicator_id for hit in hits], params)
    for hit, link in zip(hits, links, strict=True):
        indicator = view.loaded.registry.indicators[hit.indicator_id]
        text = hit.text if len(hit.text) <= SHOWN_CHARACTERS else hit.text[: SHOWN_CHARACTERS - 1] + "…"
        with st.container(border=True):
            render.markdown(md("**[{name}]({link})**", name=view.name(hit.indicator_id), link=render.Markdown(link)))
            if hit.field == "name":  # the link says it already
                render.caption(md("{sector}", sector=view.sector_name(indicator.sector)))
            else:
                render.caption(
                    md(
                        "{sector} · {where}: {text}",
                        sector=view.sector_name(indicator.sector),
                        where=view.t(f"found_in_{hit.field}"),
                        text=text,
                    )
                )
