"""The history of figures as readers see it (from `indicators.history`), an indicator as
of a day, and links to the data files (`dashboard.site_files`)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import render, site_files
from dashboard.downloads import app_address
from dashboard.render import Markdown, md
from dashboard.view import View
from indicators.formatting import format_date_value, format_value
from indicators.frames import unit_label
from indicators.history import FigureChange, figures_of, indicator_as_of
from indicators.models import Indicator
from indicators.site import figure_text
from indicators.yaml_reader import parse_yaml, validate_document


def changes_table(view: View, changes: list[FigureChange], with_indicator: bool = False) -> pd.DataFrame:
    """One row per figure change, newest first: date, (indicator,) change, period, before,
    after, editor (the public name the log records: an email's local part)."""
    registry = view.loaded.registry
    rows = []
    for change in changes:
        row = {view.plain("changed_on"): format_date_value(change.day, view.language)}
        if with_indicator:
            known = change.indicator_id in registry.indicators
            row[view.plain("page_indicator")] = view.name(change.indicator_id) if known else change.indicator_id
        row[view.plain("change")] = view.plain(f"change_{change.change}")
        row[view.plain("period")] = change.period
        info = registry.indicators.get(change.indicator_id)
        unit = f" {unit_label(info, view.language)}" if info is not None else ""
        for key, value in (("value_before", change.before), ("value_after", change.after)):
            row[view.plain(key)] = figure_text(value, view.language) + (unit if value is not None else "")
        row[view.plain("editor_name")] = change.editor
        rows.append(row)
    return pd.DataFrame(rows)


def data_file_links(view: View, page_path: str, indicator_id: str | None = None) -> None:
    """Links to the stable addresses of the data files: this indicator's CSV, CSV for
    Excel and JSON (with an id), the whole registry's, the data package and the feed."""
    if not site_files.enabled():
        return
    address = app_address(page_path)
    if site_files.published_stamp() is None:
        render.caption(view.t("data_files_pending"))
        return
    stem = f"indicators/{indicator_id}" if indicator_id else "observations"
    files = [
        ("CSV", f"{stem}.csv"),
        (view.plain("csv_excel"), f"{stem}-excel.csv"),
        ("JSON", f"{stem}.json"),
        (view.plain("data_package"), "datapackage.json"),
        ("Atom", f"changes.{view.language}.atom"),
    ]
    # The paths are built from validated ids (slugs) and this module's own names.
    links = [
        Markdown(f"[{render.escape_markdown(label)}]({site_files.file_url(address, path)})") for label, path in files
    ]
    render.markdown(md("**{title}**: ", title=view.t("data_files")) + Markdown(" · ").join(links))


def as_of_view(view: View, indicator_id: str) -> None:
    """A day picker and the indicator's figures as its file stood at the end of that day."""
    registry = view.loaded.registry
    day = render.date_input(
        view.t("as_of_day"),
        value=date.today(),
        max_value=date.today(),
        key=f"as_of_{indicator_id}",
        format="DD/MM/YYYY",
    )
    state = indicator_as_of(registry.data_dir, indicator_id, day)
    if not state.known:
        render.warning(view.t("as_of_unknown"), icon=":material/history_toggle_off:")
        return
    if state.text is None:
        render.info(view.t("as_of_missing"), icon=":material/history:")
        return
    if state.seq is not None:
        render.caption(view.t("as_of_saved", day=format_date_value(state.saved.date(), view.language), seq=state.seq))
    elif registry.files.get(indicator_id) is not None:
        render.caption(view.t("as_of_before_log"))
    path = registry.data_dir / "registry" / f"{indicator_id}.yaml"
    st.dataframe(as_of_table(view, path, state.text), hide_index=True, width="stretch")


def as_of_table(view: View, path, text: str) -> pd.DataFrame:
    """The figures of an indicator file's text: period, value (with its unit when the
    text reads as an indicator), source and quote."""
    document = parse_yaml(path, text, [])
    indicator = validate_document(Indicator, document, []) if document is not None else None
    if indicator is None:  # a text that was not a valid file that day: its figures as numbers
        _, figures = figures_of(text, path)
        return pd.DataFrame(
            [
                {view.plain("period"): period, view.plain("value"): figure_text(value, view.language)}
                for (period, _, _), value in figures.items()
            ]
        )
    unit = unit_label(indicator, view.language)
    return pd.DataFrame(
        [
            {
                view.plain("period"): observation.period,
                view.plain("value"): format_value(
                    observation.value, unit, view.language, out_of=observation.out_of, qualifier=observation.qualifier
                ),
                view.plain("source"): observation.source,
                view.plain("quote"): observation.quote,
            }
            for observation in indicator.observations
        ]
    )
