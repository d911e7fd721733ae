"""Targets for readers: each target's progress (see `indicators.targets`) as a line of
text, on cards, on the indicator page and on the targets page."""

from __future__ import annotations

import streamlit as st

from dashboard import data, render
from dashboard.render import md
from dashboard.view import View
from indicators.formatting import format_date_value, format_number, format_period, format_value
from indicators.frames import unit_label as indicator_unit
from indicators.periods import parse_period
from indicators.targets import TargetProgress, targets_progress

# Streamlit's badge colour and material icon per status (no emoji: not every system draws them).
STATUS_BADGES = {
    "reached": ("green", "check_circle"),
    "on-track": ("green", "trending_up"),
    "needs-acceleration": ("orange", "speed"),
    "off-track": ("red", "trending_down"),
    "no-baseline": ("gray", "help"),
}


@st.cache_resource(max_entries=4, show_spinner=False)
def _progress(folder: str, stamp: str) -> list[tuple[str, TargetProgress]]:
    loaded = data.current()
    return targets_progress(loaded.registry.indicators, loaded.frame)


def all_progress(view: View) -> list[tuple[str, TargetProgress]]:
    """(indicator id, progress) of every target of the registry, on every figure (not
    only those the filters show: a target's status does not change with the years shown)."""
    loaded = view.loaded
    return _progress(str(loaded.registry.data_dir), loaded.fingerprint)


def progress_of(view: View, indicator_id: str, unit_id: str | None = None) -> list[TargetProgress]:
    """The targets of one indicator (of one reporting unit, when given)."""
    return [
        progress
        for owner, progress in all_progress(view)
        if owner == indicator_id and (unit_id is None or progress.unit_id == unit_id)
    ]


def unit_label(view: View, unit_id: str) -> str:
    units = view.loaded.registry.units
    if units is None or unit_id not in units:
        return unit_id
    latest = units.latest(unit_id)
    return latest.name if view.language == "vi" else latest.name_en


def status_label(view: View, progress: TargetProgress) -> str:
    """The status in words, for tables and charts."""
    return view.plain("status_" + progress.status)


def status_badge(view: View, progress: TargetProgress) -> render.Markdown:
    """The status as a coloured badge with an icon, for markdown places."""
    colour, icon = STATUS_BADGES[progress.status]
    return md(f":{colour}-badge[:material/{icon}: {{label}}]", label=status_label(view, progress))


def target_headline(view: View, indicator_id: str, progress: TargetProgress) -> render.Markdown:
    """`Mục tiêu 2025 · Bắc Ninh: 80% · 🟢 Đúng tiến độ`"""
    unit = indicator_unit(view.loaded.registry.indicators[indicator_id], view.language)
    return md(
        "{target} {year} · {unit}: **{goal}** · {status}",
        target=view.t("target"),
        year=progress.target.year,
        unit=unit_label(view, progress.unit_id),
        goal=format_value(progress.target.value, unit, view.language),
        status=status_badge(view, progress),
    )


def target_explanation(view: View, indicator_id: str, progress: TargetProgress) -> render.Markdown:
    """How the status was found, in the reader's language (the method is in the README)."""
    unit = indicator_unit(view.loaded.registry.indicators[indicator_id], view.language)

    def value(number):
        return format_value(number, unit, view.language)

    if progress.status == "no-baseline":
        return view.t("explain_no_baseline")
    if progress.baseline_value is None:  # reached, or the year ended unmet
        key = "explain_reached" if progress.status == "reached" else "explain_ended"
        return view.t(key, latest=value(progress.latest_value), period=period(view, progress.latest_period))
    return view.t(
        "explain_away" if progress.ratio < 0 else "explain_path",
        baseline=value(progress.baseline_value),
        baseline_period=period(view, progress.baseline_period),
        latest=value(progress.latest_value),
        latest_period=period(view, progress.latest_period),
        expected=value(round(progress.expected_value, 1)),
        share=format_number(round(100 * progress.ratio), view.language),
    )


def period(view: View, label: str) -> str:
    """A period label of the registry for the reader: `2025-Q4` -> `quý 4/2025`."""
    try:
        return format_period(label, parse_period(label).kind, view.language)
    except ValueError:
        return label


def target_source(view: View, progress: TargetProgress) -> render.Markdown:
    """The target's own sentence and where it comes from."""
    source = view.loaded.registry.sources.get(progress.target.source)
    title = source.meta.title if source is not None else progress.target.source
    published = source.meta.published if source is not None else None
    when = f" · {format_date_value(published, view.language)}" if published else ""
    return md(
        "> “{quote}”\n\n**{label}:** {title}{when}",
        quote=progress.target.quote,
        label=view.t("source"),
        title=title,
        when=when,
    )


def targets_section(view: View, indicator_id: str) -> None:
    """The indicator's targets, each with its status, how it was found, and its sentence."""
    found = progress_of(view, indicator_id)
    if not found:
        return
    render.subheader(view.t("targets_section"))
    for progress in found:
        with st.container(border=True):
            render.markdown(target_headline(view, indicator_id, progress))
            render.caption(target_explanation(view, indicator_id, progress))
            render.markdown(target_source(view, progress))
