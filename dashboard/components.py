"""Pieces the pages share: citations, KPI cards, the problem panel.

Every text goes to the page through `dashboard.render`: registry and source text
is inert there, whatever it holds.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import embeds, render
from dashboard.chart_images import chart_png, chart_svg
from dashboard.charts import PERIOD_COLORS, SERIES_COLORS, Caption, history_chart
from dashboard.render import Markdown, inert, inline_code, md
from dashboard.target_views import progress_of, status_badge
from dashboard.view import View
from indicators.codes import CATALOGUE
from indicators.formatting import format_date_value, format_number, format_period, format_value
from indicators.problems import Problem, display_path
from indicators.query import series_rows
from indicators.vocabulary import PERIOD_KINDS

INDICATOR_PAGE = "views/indicator.py"
SOURCES_NAMED = 3
TARGET_COLOR = "#b35c00"  # a target of an indicator with one reporting unit  # a chart's source line names this many sources, then counts the rest


def present(value) -> bool:
    """True for a non-empty string; pandas stores missing text as NaN."""
    return isinstance(value, str) and bool(value)


def formatted_value(view: View, row) -> str:
    return format_value(row.value, view.unit(row, row.value), view.language, out_of=row.out_of, qualifier=row.qualifier)


def period_text(view: View, row) -> str:
    """The row's period for the reader: `6 tháng đầu năm 2024`, `June 2024`; a free label
    in the reader's language, or marked untranslated; a per-year rate as such."""
    if row.period_type == "other":
        english = row.period_en if present(row.period_en) else None
        label = row.period if view.language == "vi" else english
        label = label or f"{row.period} ({view.plain('not_translated')})"
    else:
        label = format_period(row.period, row.period_type, view.language)
    return view.plain("per_year_of", period=label) if row.per_year else label


def source_line(view: View, row) -> str:
    """`Dân trí, 10/10/2023`: publisher (or title) and date."""
    who = row.source_publisher if present(row.source_publisher) else _shorten(row.source_title)
    return f"{who}, {published_date(view, row)}"


def published_date(view: View, row) -> str:
    return format_date_value(row.source_published, view.language)


def _shorten(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def citation(view: View, row, with_quote: bool = True) -> None:
    """The verbatim sentence, then where it comes from."""
    if with_quote:
        render.markdown(md("> “{quote}”", quote=row.quote))
    # The full title, then the publisher and date; without a publisher, the date alone (not the title twice).
    when = source_line(view, row) if present(row.source_publisher) else published_date(view, row)
    render.markdown(md("**{label}:** {title} · {when}", label=view.t("source"), title=row.source_title, when=when))
    if present(row.source_url):
        render.link_button(view.t("link"), row.source_url, icon=":material/open_in_new:")
    else:
        render.caption(view.t("no_link"))
    note = row.note_vi if view.language == "vi" else row.note_en
    if present(note):
        render.caption(md("{label}: {note}", label=view.t("note"), note=note))
    elif present(row.note_vi):  # no English yet: the Vietnamese, marked as such
        render.caption(view.t("untranslated_note", note=row.note_vi))


def how_to_cite(view: View, row, permalink: str) -> str:
    """The figure and its source in one style, for pasting: the figure; the publisher (the
    site's host when none is stated); the full title; the date (or `n.d.`); the URL with the
    date it was read; a permalink to this view.

    `Exports of digital products (H1 2024): 64.9 billion USD. VOV. “Title”. 19 July 2024.
    https://vov.vn/… (accessed 23 November 2026). Permalink: https://…/indicator?indicator=…`"""
    publisher = row.source_publisher if present(row.source_publisher) else _host(row.source_url)
    published = published_date(view, row) if present(row.source_published) else view.plain("cite_undated")
    accessed = format_date_value(row.source_accessed, view.language)
    parts = [f"{view.name(row.indicator_id)} ({period_text(view, row)}): {formatted_value(view, row)}."]
    parts += [_sentence(publisher)] if publisher else []
    parts += [f"“{_nested_quotes(row.source_title)}”.", _sentence(published)]
    if present(row.source_url):
        parts.append(f"{row.source_url} ({view.plain('cite_accessed', date=accessed)}).")
    else:
        parts.append(f"{view.plain('cite_accessed_alone', date=accessed)}.")
    parts.append(f"{view.plain('cite_permalink')}: {permalink}")
    return " ".join(parts)


def _host(url) -> str | None:
    """The site of a URL, `dantri.com.vn`; None without one."""
    host = urlsplit(url).hostname if present(url) else None
    return host.removeprefix("www.") if host else None


def _sentence(text: str) -> str:
    """`text` closed with a full stop, unless it ends with one already (`n.d.`)."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _nested_quotes(title: str) -> str:
    """Quotation marks inside a quoted title become single ones: “A ‘b’ c”."""
    return title.replace("“", "‘").replace("”", "’")


def labelled(view: View, rows: pd.DataFrame) -> pd.DataFrame:
    """Observation rows with their period, value and period type written for the reader."""
    return rows.assign(
        period_text=[period_text(view, row) for row in rows.itertuples()],
        value_text=[formatted_value(view, row) for row in rows.itertuples()],
    )


def chart_caption(view: View, title: str, source: str) -> Caption:
    """A chart's title and source line, credited to this site, in the reader's language."""
    return Caption(title, source, view.language, credit=view.plain("app_title"))


def chart_source(view: View, rows: pd.DataFrame) -> str:
    """A chart's source line: `Nguồn: Dân trí, 10/10/2023; VOV, 19/7/2024`, naming at
    most SOURCES_NAMED of the sources of `rows`."""
    named = list(dict.fromkeys(source_line(view, row) for row in rows.drop_duplicates("source_id").itertuples()))
    text = "; ".join(named[:SOURCES_NAMED])
    if len(named) > SOURCES_NAMED:
        text += " " + view.plain("more_sources", count=len(named) - SOURCES_NAMED)
    return f"{view.plain('chart_source' if len(named) == 1 else 'chart_sources')}: {text}"


def history_of(view: View, rows: pd.DataFrame, targets=()) -> alt.TopLevelMixin:
    """The history chart of one indicator's `labelled` rows: a series per reporting unit
    (and per period type), each unit's standing figures joined, other sources' reports
    for the same period as hollow markers. `targets`: (unit id, Target) pairs; each is
    drawn on its unit's series only (from that unit's first figure, in its colour,
    labelled with its name); a target of a unit the rows do not hold is not drawn."""
    rows = rows.assign(in_series=series_rows(rows), source_line=[source_line(view, row) for row in rows.itertuples()])
    # A rate per year is its own series beside the levels of the same period type.
    row_kinds = [(kind, bool(per_year)) for kind, per_year in zip(rows.period_type, rows.per_year, strict=True)]
    kinds = [(kind, rate) for rate in (False, True) for kind in PERIOD_KINDS if (kind, rate) in set(row_kinds)]

    def kind_name(kind: tuple[str, bool]) -> str:
        return f"{view.plain(kind[0])} · {view.plain('per_year_series')}" if kind[1] else view.plain(kind[0])

    units = list(dict.fromkeys(rows.sort_values("reporting_unit", kind="stable").reporting_unit))
    names = dict(zip(rows.reporting_unit, (_unit_name(view, row) for row in rows.itertuples()), strict=True))
    if len(units) == 1:
        series = [kind_name(kind) for kind in row_kinds]
        colors = {
            kind_name(kind): SERIES_COLORS[index % len(SERIES_COLORS)] if kind[1] else PERIOD_COLORS[kind[0]]
            for index, kind in enumerate(kinds)
        }
        legend = view.plain("period_type")
        unit_colors = {units[0]: TARGET_COLOR}
    else:

        def label(unit, kind):
            return names[unit] if len(kinds) == 1 else f"{names[unit]} · {kind_name(kind)}"

        series = [label(unit, kind) for unit, kind in zip(rows.reporting_unit, row_kinds, strict=True)]
        ordered = [label(unit, kind) for unit in units for kind in kinds]
        colors = {name: SERIES_COLORS[index % len(SERIES_COLORS)] for index, name in enumerate(ordered)}
        legend = view.plain("reporting_unit")
        unit_colors = {unit: colors[label(unit, kinds[0])] for unit in units}
    first = rows.iloc[0]  # the rows' own name: the editor previews drafts the registry does not hold yet
    caption = chart_caption(view, first.name_vi if view.language == "vi" else first.name_en, chart_source(view, rows))
    return history_chart(
        rows.assign(series=series),
        view.unit(first),
        legend,
        colors,
        caption,
        target_lines(view, rows, targets, names, unit_colors),
        rank=first.kind == "rank",
    )


def target_lines(view: View, rows: pd.DataFrame, targets, names: dict, colors: dict) -> pd.DataFrame:
    """The rows `history_chart` draws its targets from (see there)."""
    standing = rows[rows["in_series"]].sort_values("period_end", kind="stable")
    drawn = []
    for unit_id, target in targets:
        own = standing[standing.reporting_unit.astype(str) == unit_id]
        if own.empty:
            continue
        goal = format_value(target.value, view.unit(own.iloc[0]), view.language)
        label = f"{view.plain('target')} {target.year} · {names[own.iloc[0].reporting_unit]}: {goal}"
        drawn.append(
            {
                "start": own.iloc[0].period_start,
                "start_value": own.iloc[0].value,
                "due": pd.Timestamp(target.year, 1, 1),
                "value": target.value,
                "label": label,
                "color": colors[own.iloc[0].reporting_unit],
            }
        )
    return pd.DataFrame(drawn, columns=["start", "start_value", "due", "value", "label", "color"])


def chart_with_images(view: View, chart: alt.TopLevelMixin, file_stem: str, stretch: bool = True, **selecting):
    """The chart, then buttons that download it as PNG, SVG and a self-contained HTML file
    (rendered when clicked), and "Embed", the `<iframe>` of this view. In an embed
    (`dashboard.embeds`) only the chart the link names is drawn. `selecting`:
    st.altair_chart's `on_select`, `selection_mode` and `key`; returns its event (None in an embed)."""
    if embeds.draw_if_requested(chart, file_stem, view.t("link_back", site=view.plain("app_title"))):
        return None
    event = st.altair_chart(chart, width="stretch" if stretch else "content", **selecting)
    title = chart_title(chart) or file_stem
    with st.container(horizontal=True, horizontal_alignment="right"):
        with render.popover(view.t("embed"), icon=":material/code:", key=f"{file_stem}-embed"):
            render.caption(view.t("embed_help"))
            render.markdown(inline_code(embeds.iframe_code(file_stem, title)))
        render.download_button(
            view.t("embed_file"),
            lambda: embeds.chart_html(chart, title),
            file_name=f"{file_stem}.html",
            mime="text/html",
            icon=":material/html:",
            type="tertiary",
            on_click="ignore",
            key=f"{file_stem}-html",
        )
        for label, draw, extension, mime in (
            ("download_png", chart_png, "png", "image/png"),
            ("download_svg", chart_svg, "svg", "image/svg+xml"),
        ):
            render.download_button(
                view.t(label),
                lambda draw=draw: draw(chart),
                file_name=f"{file_stem}.{extension}",
                mime=mime,
                icon=":material/image:",
                type="tertiary",
                on_click="ignore",
                key=f"{file_stem}-{extension}",
            )
    return event


def chart_title(chart: alt.TopLevelMixin) -> str:
    """The chart's title text ("" when it has none)."""
    title = getattr(chart, "title", alt.Undefined)
    text = getattr(title, "text", title)
    return text if isinstance(text, str) else ""


def kpi_card(view: View, row) -> None:
    """One indicator: the latest figure of its headline series (see `query.kpi_summary`),
    the change since the previous comparable figure, coloured by the indicator's
    direction (a rank that falls from 86 to 71 has risen 15 places), a sparkline with
    better upwards, the distance to its target, and its citation."""
    indicator = view.loaded.registry.indicators[row.indicator_id]
    rank = row.kind == "rank"
    with st.container(border=True):
        render.markdown(md("**{name}**", name=view.name(row.indicator_id)))
        history = row.history if isinstance(row.history, list) and len(row.history) > 1 else None
        if history and rank:
            history = [-value for value in history]  # 1 is the best rank: draw it at the top
        delta, description, colour = None, None, "normal"
        if not pd.isna(row.previous_value):
            change = row.previous_value - row.value if rank else row.value - row.previous_value
            delta = inert(change_text(view, change, row))
            description = md(
                "{vs} {period}", vs=view.t("places_vs" if rank else "vs"), period=previous_period_text(view, row)
            )
            colour = "inverse" if row.direction == "lower-is-better" and not rank else "normal"
        unit = view.unit(row, row.value)
        percent = "%" if unit.startswith("%") and pd.isna(row.out_of) else ""
        number = format_value(row.value, "", view.language, out_of=row.out_of, qualifier=row.qualifier) + percent
        render.metric(
            inert(unit),
            inert(number),
            delta=delta,
            delta_color=colour,
            delta_description=description,
            chart_data=history,
            help=inert(indicator.description.vi if view.language == "vi" else indicator.description.en),
        )
        where = "" if row.reporting_unit_level == "national" else f"{_unit_name(view, row)} · "
        render.caption(
            md("{where}{period} · {source}", where=where, period=period_text(view, row), source=source_line(view, row))
        )
        if is_stale(row):
            render.caption(md(":orange-badge[:material/history: {label}]", label=view.plain("stale")))
        if row.also_reported_by:
            render.caption(view.t("also_reported_by", count=int(row.also_reported_by)))
        for progress in progress_of(view, row.indicator_id, str(row.reporting_unit)):
            render.caption(target_distance(view, row, progress.target) + Markdown(" · ") + status_badge(view, progress))
        if row.conflict:
            render.warning(view.t("sources_disagree", period=period_text(view, row)), icon=":material/compare_arrows:")
        errors = [problem for problem in view.loaded.registry.problems_of(row.indicator_id) if problem.is_error]
        if row.indicator_id in view.loaded.correcting:  # its file fails now: the last valid figure, marked
            render.warning(view.t("being_corrected"), icon=":material/edit_note:")
        elif errors:  # a figure dropped for its errors may be newer than the one shown
            render.warning(view.t("figures_hidden", count=len(errors)), icon=":material/warning:")
        left, right = st.columns(2)
        with left, render.popover(view.t("quote"), icon=":material/format_quote:", width="stretch"):
            citation(view, row)
        with right:
            render.page_link(
                INDICATOR_PAGE,
                label=view.t("details"),
                icon=":material/query_stats:",
                query_params=_link_params(row.indicator_id),
            )


STALE_AFTER_DAYS = 2 * 365


def is_stale(row, today: date | None = None) -> bool:
    """Whether the row's period ended more than two years before `today`."""
    ended = pd.Timestamp(row.period_end)
    return not pd.isna(ended) and (pd.Timestamp(today or date.today()) - ended).days > STALE_AFTER_DAYS


def change_text(view: View, change: float, row) -> str:
    """A change with its sign; a change of a percentage in percentage points
    ("+8.7 percentage points", "+8,7 điểm phần trăm"), never in per cent."""
    text = ("+" if change > 0 else "") + format_number(change, view.language)
    if row.kind == "share" or (view.unit(row).startswith("%") and pd.isna(row.out_of)):
        return f"{text} {view.plain('percentage_points')}"
    return text


def previous_period_text(view: View, row) -> str:
    """The period a change is reckoned from: `2023`, `6 tháng đầu năm 2023`."""
    previous = getattr(row, "previous_period", None)
    if not present(previous):
        return view.plain(row.period_type).lower()
    if row.period_type == "other":
        return previous
    return format_period(previous, row.period_type, view.language)


def _unit_name(view: View, row) -> str:
    return row.reporting_unit_vi if view.language == "vi" else row.reporting_unit_en


def target_distance(view: View, row, target) -> render.Markdown:
    """`Mục tiêu 2025: 80% · còn 27,2`: the target and how far the figure is from it,
    in the indicator's direction ("reached" once it is met)."""
    goal = format_value(target.value, view.unit(row), view.language)
    gap = target.value - row.value if row.direction == "higher-is-better" else row.value - target.value
    if gap <= 0:
        return view.t("target_reached", year=target.year, goal=goal)
    return view.t("target_gap", year=target.year, goal=goal, gap=format_number(gap, view.language))


def indicator_links(indicator_ids, filters: dict, base: str = "") -> list[str]:
    """Links to indicator pages that keep `filters` (see `filter_params`): relative,
    or absolute under `base`, the app's address ending in "/"."""
    return [
        f"{base}indicator?{urlencode({**filters, 'indicator': indicator_id}, doseq=True)}"
        for indicator_id in indicator_ids
    ]


def _link_params(indicator_id: str) -> dict:
    return {**filter_params(), "indicator": indicator_id}


def filter_params() -> dict:
    """The URL's parameters other than the indicator (and an embed's chart); one value
    unwrapped from its list."""
    params = {key: st.query_params.get_all(key) for key in st.query_params if key not in ("indicator", embeds.CHART)}
    return {key: values if len(values) > 1 else values[0] for key, values in params.items()}


def drawn_when_open(label: render.Markdown, count: int, key: str):
    """An expander titled `label (count)` whose content is drawn only while it is open
    (a data grid is the heaviest script a first visit would load); None while closed."""
    box = render.expander(md("{label} ({count})", label=label, count=count), key=key, on_change="rerun")
    return box if box.open else None


def problems_panel(view: View, problems: list[Problem]) -> None:
    """How many problems the registry has, and a link to the registry-health page that
    lists them (readers see no file names here)."""
    errors = [problem for problem in problems if problem.is_error]
    if not errors:
        return
    render.error(view.t("registry_problems", count=len(errors)), icon=":material/error:")
    render.page_link("views/health.py", label=view.t("see_health"), icon=":material/fact_check:")


def problems_table(view: View, problems: list[Problem]) -> None:
    """Problems as a static table whose messages wrap (the data grid cuts them where they
    say what to do): for the few problems of one draft in the editor."""
    render.table(problems_frame(view, problems), hide_index=True)


def problems_frame(view: View, problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table: where (file:line:column), the field, the message, the code."""
    return pd.DataFrame(
        [
            {
                view.plain("file"): f"{shown_path(view, problem.path)}:{problem.line}:{problem.column}",
                view.plain("field"): problem.field,
                view.plain("message"): problem_message(view, problem),
                view.plain("code"): problem.code,
            }
            for problem in problems
        ]
    )


def shown_path(view: View, path: str) -> str:
    """A problem's file as readers may see it: relative to the data folder
    (`registry/x.yaml`), never where the server keeps it."""
    data_dir = os.path.abspath(view.loaded.registry.data_dir)
    absolute = os.path.abspath(path)
    if absolute.startswith(data_dir + os.sep):
        return os.path.relpath(absolute, data_dir)
    return os.path.join(*Path(absolute).parts[-2:]) if os.path.isabs(path) else path


def problem_message(view: View, problem: Problem) -> str:
    """The problem's message (written in English) for the reader: on a Vietnamese page, what
    its code means in Vietnamese, then the English detail marked untranslated. A file it
    names (a table, another indicator's) is named relative to the data folder, as
    `shown_path` names the problem's own."""
    detail = problem.message.replace(display_path(view.loaded.registry.data_dir) + os.sep, "")
    if view.language == "en":
        return detail
    meaning = CATALOGUE[problem.code].summary_in(view.language)
    return view.plain("untranslated_detail", meaning=meaning, detail=detail)
