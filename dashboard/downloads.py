"""Download buttons for the observations a page shows: CSV (with a byte-order mark,
so that Excel reads it as UTF-8), an Excel workbook and JSON, in the columns of
`indicators.exports` plus `indicator_url`, an absolute link to each indicator's page.

Files are built when a button is clicked, never on a rerun, and kept (per data
version, filters, language and address) for the next reader who asks.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import render
from dashboard.components import filter_params, indicator_links
from dashboard.view import View
from indicators.exports import csv_bytes, export_frame, json_text, xlsx_bytes

FORMATS: dict[str, tuple[str, str, Callable[[pd.DataFrame], bytes]]] = {
    # extension: (label key, MIME type, writer of an export frame)
    "csv": ("download_csv", "text/csv", csv_bytes),
    "xlsx": ("download_xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx_bytes),
    "json": ("download_json", "application/json", lambda frame: json_text(frame).encode("utf-8")),
}


def app_address(page_path: str) -> str:
    """The app's address as the reader's browser sees it, ending in "/": the page's
    URL less `page_path` (its `url_path`, "" for the default page); without one (a
    test run), the Host header; without that, this server on localhost."""
    url = st.context.url
    if url:
        url = url.rstrip("/")
        return (url.removesuffix("/" + page_path) if page_path else url) + "/"
    headers = st.context.headers
    if headers.get("host"):
        return f"{headers.get('x-forwarded-proto', 'http')}://{headers['host']}/"
    return f"http://localhost:{st.get_option('server.port')}/"


def download_buttons(
    view: View,
    rows: pd.DataFrame,
    file_stem: str,
    page_path: str,
    formats: tuple[str, ...] = tuple(FORMATS),
    tooltip: str | None = None,
) -> None:
    """A row of buttons, one per extension in `formats`, each downloading `rows`
    (observations frame rows, in the order shown) as `<file_stem>.<extension>`."""
    # Read now: the file is built on another thread, outside this script run. The buttons
    # keep only what they need, not the view: a closed tab's buttons live on for two minutes,
    # and a view kept its whole loaded registry alive.
    address, filters = app_address(page_path), filter_params()
    scope = f"{view.filters!r} {file_stem}"
    version, language = view.loaded.fingerprint, view.language
    with st.container(horizontal=True):
        for extension in formats:
            label, mime, _ = FORMATS[extension]
            render.download_button(
                view.t(label),
                lambda extension=extension: _download_bytes(
                    extension, version, scope, language, address, filters, rows
                ),
                file_name=f"{file_stem}.{extension}",
                mime=mime,
                help=tooltip,
                icon=":material/download:",
                on_click="ignore",
                key=f"download-{file_stem}-{extension}",
            )


def export_rows(rows: pd.DataFrame, language: str, filters: dict, address: str) -> pd.DataFrame:
    """`rows` in the export columns, in `language`, each linked to its indicator's page
    under `address` with `filters` (see `components.filter_params`)."""
    indicator_ids = list(dict.fromkeys(rows["indicator_id"]))
    links = dict(zip(indicator_ids, indicator_links(indicator_ids, filters, address), strict=True))
    return export_frame(rows, language, links)


@st.cache_data(max_entries=16, show_spinner=False)
def _download_bytes(
    extension: str, data_version: str, scope: str, language: str, address: str, _filters: dict, _rows: pd.DataFrame
) -> bytes:
    """One download, built on the first click. The data version, `scope` (filters and file
    name), language and address decide the rows and links, so those are not hashed."""
    return FORMATS[extension][2](export_rows(_rows, language, _filters, address))
