"""Entry point: load, draw the sidebar, route to the page. Nothing else."""

import contextlib
import logging
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

from dashboard import data, embeds, memory_trace, render, site_files  # noqa: E402
from dashboard.components import problems_panel  # noqa: E402
from dashboard.downloads import app_address  # noqa: E402
from dashboard.search_box import search_box  # noqa: E402
from dashboard.sidebar import link_choices, linked_state, sidebar, write_link  # noqa: E402
from dashboard.view import build_view, set_current_view  # noqa: E402

memory_trace.start_from_environment()  # a soak's allocation report; off unless asked
# A file of the app's own: a Material icon name would be fetched from fonts.gstatic.com by every reader.
ICON = str(Path(__file__).resolve().parent / "assets" / "icon.png")
st.set_page_config(page_title="Chỉ số chuyển đổi số Việt Nam", page_icon=ICON, layout="wide")
# Also set in .streamlit/config.toml; here too for a server started from another folder:
# no grid offers its own unescaped CSV download (every file out of the app goes through
# dashboard.downloads, which escapes what a spreadsheet would run).
st.set_option("client.disableDataExport", True)

loaded = data.current()
embedding = embeds.embedding()  # an <iframe> on another site: the chart alone, no sidebar
chosen = linked_state(loaded) if embedding else sidebar(loaded)
if not embedding:
    write_link(chosen, link_choices(loaded))
view = build_view(loaded, chosen)
set_current_view(view)
st.set_page_config(page_title=view.plain("app_title"))  # the browser tab, in the reader's language

pages = [
    st.Page(
        "views/overview.py",
        title=view.t("page_overview"),
        icon=":material/dashboard:",
        url_path="overview",
        default=True,
    ),
    st.Page("views/indicator.py", title=view.t("page_indicator"), icon=":material/query_stats:", url_path="indicator"),
    st.Page("views/rankings.py", title=view.t("page_rankings"), icon=":material/leaderboard:", url_path="rankings"),
    st.Page("views/sources.py", title=view.t("page_sources"), icon=":material/article:", url_path="sources"),
    st.Page("views/changes.py", title=view.t("page_changes"), icon=":material/history:", url_path="changes"),
    st.Page("views/health.py", title=view.t("page_health"), icon=":material/fact_check:", url_path="health"),
    st.Page("views/map.py", title=view.t("page_map"), icon=":material/map:", url_path="map"),
    st.Page("views/search.py", title=view.t("page_search"), icon=":material/search:", url_path="search"),
    st.Page("views/targets.py", title=view.t("page_targets"), icon=":material/flag:", url_path="targets"),
]
if os.environ.get("DASHBOARD_EDIT") == "1":
    pages.append(st.Page("views/editor.py", title=view.t("page_editor"), icon=":material/edit:", url_path="editor"))
page = st.navigation(pages, position="hidden" if embedding else "sidebar")
if not embedding:
    search_box(view)
st.session_state[embeds.PAGE_PATH] = page.url_path
# The data files follow the data: a build starts on another thread when the data changed.
site_files.builder().ensure(loaded.registry, loaded.fingerprint, app_address(page.url_path))
site_files.builder().watch(data.current_registry)

if page.url_path not in ("indicator", "map") and "indicator" in st.query_params:
    del st.query_params["indicator"]
for key, own_page in (("period", "map"), ("province", "map"), ("q", "search")):  # pages' own parameters
    if page.url_path != own_page and key in st.query_params:
        del st.query_params[key]
if page.url_path != "sources" and "source" in st.query_params:
    del st.query_params["source"]

notices = st.session_state.pop("url_notices", [])
if notices and not embedding:
    render.warning(view.t("url_notice", details=", ".join(notices)), icon=":material/link_off:")
if not embedding:
    problems_panel(view, loaded.registry.problems)

try:
    with embeds.begin() if embedding else contextlib.nullcontext():
        page.run()
    if embedding:
        embeds.finish(view.t("embed_missing"))
except Exception:  # a page bug must not show a traceback to readers
    logging.getLogger("dashboard").exception("page %s failed", page.url_path)
    render.error(view.t("page_failed"), icon=":material/error:")
