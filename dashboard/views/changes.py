"""What's new: the latest figure changes across the registry, from the edit log,
in the sectors the sidebar shows; the same entries as the Atom feed."""

import streamlit as st

from dashboard import render
from dashboard.changes import changes_table, data_file_links
from dashboard.data import changes_of
from dashboard.view import current_view
from indicators.site import FEED_ENTRIES

view = current_view()
registry = view.loaded.registry
render.title(view.t("page_changes"))
render.caption(view.t("changes_intro"))

sectors = set(view.filters.sectors)
changes = [
    change
    for change in changes_of(view.loaded)
    if change.indicator_id not in registry.indicators or registry.indicators[change.indicator_id].sector in sectors
][:FEED_ENTRIES]
if changes:
    st.dataframe(changes_table(view, changes, with_indicator=True), hide_index=True, width="stretch")
else:
    render.info(view.t("changes_none"), icon=":material/history:")
data_file_links(view, "changes")
