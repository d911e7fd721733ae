"""Altair charts. Functions take tidy frames and return charts; no st.* calls.

Every chart carries its title and source line (so an image of it says what it
shows and where the figures come from) and the number and date formats of the
reader's language: a Vietnamese axis reads `2.000.000`, an English one `2,000,000`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import altair as alt
import pandas as pd
from babel import Locale

from indicators.formatting import LOCALES
from indicators.query import downsample_for_chart, only_columns

LABEL_EVERY_POINT_UP_TO = 12
TIME_PADDING = 48  # pixels between a history's plot edges and its first and last periods
# A history's value labels are laid out for an image's plot (dashboard.chart_images.IMAGE_WIDTH
# less the value axis); a narrower page chart keeps them, a wider one has more room.
LABEL_PLOT_WIDTH = 680
LABEL_CHARACTER_WIDTH = 8.6  # pixels per character of a 13 px bold label (DejaVu Sans Bold: 5.4–11.3)
LABEL_HEIGHT = 16
LABEL_OFFSET = 16  # pixels between a point and its label's middle
HEADROOM = 0.1  # share of a history's value span left above its highest figure
HISTORY_COLUMNS = [
    "period_start",
    "value",
    "series",
    "in_series",
    "period_text",
    "value_text",
    "quote",
    "source_line",
]
# Series beyond the period kinds (reporting units): Vega's "tableau10", in order.
SERIES_COLORS = [
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
]

PERIOD_COLORS = {
    "year": "#1f4e79",
    "half-year": "#d97706",
    "quarter": "#7c3aed",
    "month": "#0891b2",
    "date": "#059669",
    "range": "#9d174d",
    "other": "#6b7280",
}


# Vega's locale requires a currency (prefix, suffix); the charts format none.
CURRENCY_AFFIXES = {"vi": ["", "\u00a0₫"], "en": ["£", ""]}


@dataclass(frozen=True)
class Caption:
    """What a chart says about itself: its title, its source line and a credit line
    (who made the chart), in `language`, whose number and date formats its axes use."""

    title: str
    source: str
    language: str
    credit: str = ""


@cache
def vega_locale(language: str) -> dict:
    """Vega's number and time format locale for "vi" or "en" (en-GB), from babel's data:
    vi groups thousands with "." and writes "," as the decimal mark; its months are
    "tháng 1" … "tháng 12". Set as `config.locale`, the one place Streamlit passes on."""
    locale = Locale.parse(LOCALES[language])
    symbols = locale.number_symbols["latn"]
    months, days = locale.months["format"], locale.days["format"]
    sunday_first = (6, 0, 1, 2, 3, 4, 5)  # babel counts from Monday, d3 from Sunday
    periods = locale.day_periods["format"]["abbreviated"]
    return {
        "number": {
            "decimal": symbols["decimal"],
            "thousands": symbols["group"],
            "grouping": [3],
            "currency": CURRENCY_AFFIXES[language],
            "minus": symbols["minusSign"],
        },
        "time": {
            "dateTime": "%d/%m/%Y %H:%M:%S",
            "date": "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": [periods["am"], periods["pm"]],
            "days": [days["wide"][day] for day in sunday_first],
            "shortDays": [days["abbreviated"][day] for day in sunday_first],
            "months": [months["wide"][month] for month in range(1, 13)],
            "shortMonths": [months["abbreviated"][month] for month in range(1, 13)],
        },
    }


def captioned(chart: alt.TopLevelMixin, caption: Caption) -> alt.TopLevelMixin:
    """`chart` with its title, source and credit lines above it and its language's formats;
    a line break in the title or source starts a new line (a narrow chart wraps them)."""
    lines = caption.title.split("\n")
    title = alt.TitleParams(
        lines if len(lines) > 1 else caption.title,
        subtitle=[part for line in (caption.source, caption.credit) if line for part in line.split("\n")],
        anchor="start",
        fontSize=16,
        subtitleFontSize=12,
        subtitleColor="#52606d",
        subtitlePadding=4,  # a two-line title's descenders clear the source line
        offset=12,
    )
    return chart.properties(title=title).configure(locale=vega_locale(caption.language))


def history_chart(
    rows: pd.DataFrame,
    value_title: str,
    series_title: str,
    colors: dict[str, str],
    caption: Caption,
    targets: pd.DataFrame | None = None,
    rank: bool = False,
) -> alt.TopLevelMixin:
    """Points and lines over time, one series per legend entry (a reporting unit, a
    period type: half-year figures never join a line of full-year ones).

    `rows` carries `series` (the legend label), `in_series` (the figure that stands
    for its unit and period: filled and joined by the line; other sources' reports
    for the same period are hollow markers with their source in the tooltip),
    `period_text`, `value_text` and `source_line`. `colors` maps each series label to
    its colour, in legend order, so a series keeps its colour and shape whatever the
    language. A rank's axis runs from 1 at the top.

    `targets`: one row per target to draw, on one unit's series: `start` and
    `start_value` (that unit's first figure), `due` (where the target's year starts on
    the time axis, as a year's figures are drawn),
    `value`, `label` and `color` (the unit's series colour): a dashed path from the
    baseline to a labelled diamond at the target."""
    data = only_columns(downsample_for_chart(rows), HISTORY_COLUMNS)
    present = set(data["series"])
    domain = [label for label in colors if label in present]
    legend_scale = {"domain": domain}
    tooltip = [
        alt.Tooltip("series:N", title="●"),
        alt.Tooltip("period_text:N", title="⏱"),
        alt.Tooltip("value_text:N", title="="),
        alt.Tooltip("source_line:N", title="📄"),
        alt.Tooltip("quote:N", title="“”"),
    ]
    encoding = {
        "x": alt.X("period_start:T", title=None, axis=time_axis(data), scale=alt.Scale(padding=TIME_PADDING)),
        "y": alt.Y(
            "value:Q",
            title=value_title,
            scale=alt.Scale(reverse=True, zero=False, nice=False)
            if rank
            else alt.Scale(zero=True, domainMax=value_headroom(data, targets)),
        ),
        "color": alt.Color(
            "series:N",
            title=series_title,
            scale=alt.Scale(**legend_scale, range=[colors[label] for label in domain]),
            legend=alt.Legend(orient="bottom"),
        ),
        "tooltip": tooltip,
    }
    standing = data[data["in_series"]]
    others = data[~data["in_series"]]
    base = alt.Chart(standing).encode(**encoding)
    lines = base.mark_line(strokeWidth=2)
    shape = alt.Shape("series:N", scale=alt.Scale(**legend_scale), legend=None)
    points = base.mark_point(size=110, filled=True).encode(shape=shape)
    labels = [
        alt.Chart(placed.drop(columns=["align", "dy"]))
        .encode(**encoding)
        .mark_text(align=align, dy=dy, fontSize=13, fontWeight="bold")
        .encode(text="value_text:N")
        for (align, dy), placed in placed_labels(standing, data, targets, 360, rank).groupby(["align", "dy"])
    ]
    layers = [lines, points, *labels]
    if not others.empty:
        layers.append(
            alt.Chart(others).encode(**encoding).mark_point(size=150, filled=False, strokeWidth=2).encode(shape=shape)
        )
    for target in [] if targets is None else targets.itertuples():
        # One layer set per target, its colour a value (not a scale): the legend stays the series'.
        ends = pd.DataFrame(
            {"when": pd.to_datetime([target.start, target.due]), "at": [target.start_value, target.value]}
        ).assign(label=target.label)
        path = alt.Chart(ends).encode(x="when:T", y="at:Q")
        goal = alt.Chart(ends.tail(1)).encode(x="when:T", y="at:Q")
        layers.append(path.mark_line(strokeDash=[6, 4], strokeWidth=2, color=target.color))
        layers.append(
            goal.mark_point(shape="diamond", size=160, filled=True, color=target.color).encode(tooltip=["label:N"])
        )
        layers.append(
            goal.mark_text(align="right", dx=-10, dy=-12, fontWeight="bold", color=target.color).encode(text="label:N")
        )
    return captioned(alt.layer(*layers).properties(height=360), caption)


def placed_labels(
    standing: pd.DataFrame, data: pd.DataFrame, targets: pd.DataFrame | None, height: float, rank: bool
) -> pd.DataFrame:
    """The standing rows whose value label is written, each with `align` and `dy`: laid
    out on a plot LABEL_PLOT_WIDTH pixels wide (an image's) and `height` high, each
    series' latest figure first, then its first, then the others newest first; a label
    that would cross one already placed is left out (its figure stays in the tooltip). A
    label near a side is aligned to start at its point, one that would rise above the
    plot (the top tick's row) is written below its point."""
    if standing.empty:
        return standing.assign(align=[], dy=[])
    times = list(pd.to_datetime(data["period_start"]))
    values = list(data["value"]) + ([] if rank else [0.0])
    if targets is not None and not targets.empty:
        times += list(pd.to_datetime(targets["start"])) + list(pd.to_datetime(targets["due"]))
        values += list(targets["value"])
    first, last = min(times), max(times)
    low, high = min(values), (max(values) if rank else value_headroom(data, targets))
    inner = LABEL_PLOT_WIDTH - 2 * TIME_PADDING

    def x_of(when) -> float:
        span = (last - first).total_seconds()
        return LABEL_PLOT_WIDTH / 2 if span == 0 else TIME_PADDING + inner * (when - first).total_seconds() / span

    def y_of(value: float) -> float:
        share = 0.5 if high == low else (value - low) / (high - low)
        return height * (share if rank else 1 - share)

    ordered = standing.sort_values("period_start", ascending=False, kind="stable")
    by_series = ordered.groupby("series", observed=True)
    latest = by_series.head(1)
    earliest = ordered.loc[by_series["period_start"].idxmin()]
    if len(standing) > LABEL_EVERY_POINT_UP_TO:
        candidates = latest
    else:
        candidates = pd.concat([latest, earliest, ordered]).loc[lambda frame: ~frame.index.duplicated()]
    placed, boxes = [], []
    for index, row in candidates.iterrows():
        x, y = x_of(pd.Timestamp(row["period_start"])), y_of(row["value"])
        width = LABEL_CHARACTER_WIDTH * len(str(row["value_text"]))
        align = "left" if x - width / 2 < 0 else "right" if x + width / 2 > LABEL_PLOT_WIDTH else "center"
        left = {"left": x, "center": x - width / 2, "right": x - width}[align]
        dy = LABEL_OFFSET if y - LABEL_OFFSET - LABEL_HEIGHT / 2 < 0 else -LABEL_OFFSET
        box = (left - 3, y + dy - LABEL_HEIGHT / 2 - 2, left + width + 3, y + dy + LABEL_HEIGHT / 2 + 2)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes):
            continue
        boxes.append(box)
        placed.append((index, align, dy))
    indices, aligns, offsets = zip(*placed, strict=True)
    return standing.loc[list(indices)].assign(align=aligns, dy=offsets)


def value_headroom(data: pd.DataFrame, targets: pd.DataFrame | None) -> float:
    """The top of a history's value axis: its highest figure or target and a tenth more of
    the axis's span above it, so the latest figure's label, written above its point, stays
    inside the plot and off the line (the axis is then rounded up to a tick)."""
    values = [0.0, *data["value"]] + ([] if targets is None or targets.empty else list(targets["value"]))
    low, high = min(values), max(values)
    return high + HEADROOM * (high - low) if high > low else high + 1


def time_axis(rows: pd.DataFrame) -> alt.Axis:
    """Years on a history chart's time axis; a chart whose figures share one date (one
    figure, a draft's preview) has a year tick count that draws no tick at all, so its
    axis gets that date as its one tick, labelled with the figure's `period_text`."""
    starts = pd.to_datetime(rows["period_start"]).dropna().unique()
    if len(starts) != 1:
        return alt.Axis(format="%Y", tickCount="year")
    day = pd.Timestamp(starts[0])
    label = str(rows["period_text"].iloc[0]).replace("\\", "\\\\").replace("'", "\\'")
    return alt.Axis(values=[alt.DateTime(year=day.year, month=day.month, date=day.day)], labelExpr=f"'{label}'")


def ranking_chart(rows: pd.DataFrame, rank_title: str, caption: Caption) -> alt.TopLevelMixin:
    """One panel per index, rank on a reversed axis from 1 (top) to N (bottom),
    each point labelled `86/193`. `rows` carries `index_label` and `rank_text`."""
    bounds = pd.concat(
        [
            rows.assign(value=1.0, bound=True),
            rows.assign(value=rows["out_of"], bound=True),
        ]
    )
    # Only each index's latest rank is written beside its point: a history of 12 editions
    # would write labels over each other (every point keeps its rank in the tooltip).
    latest = rows["year"] == rows.groupby("index_label")["year"].transform("max")
    rows = rows.assign(label=rows["rank_text"].where(latest, ""))
    data = pd.concat([rows.assign(bound=False), bounds.assign(label="")], ignore_index=True)[
        ["index_label", "year", "value", "out_of", "rank_text", "label", "quote", "bound"]
    ]
    axis = alt.Y(
        "value:Q",
        title=rank_title,
        scale=alt.Scale(reverse=True, nice=False, zero=False),
        axis=alt.Axis(values=[1, 25, 50, 75, 100, 125, 150, 175, 200]),
    )
    # Twelve editions do not fit their years side by side in a panel: every other one is
    # left out where two would touch (each point keeps its year in the tooltip).
    years = alt.Axis(labelAngle=0, labelOverlap="greedy", labelSeparation=4)
    base = alt.Chart().encode(x=alt.X("year:O", title=None, axis=years), y=axis)
    frame_points = base.transform_filter("datum.bound").mark_point(opacity=0)
    ranks = base.transform_filter("!datum.bound")
    points = ranks.mark_point(size=90, filled=True, color="#c8102e").encode(
        tooltip=[
            alt.Tooltip("index_label:N"),
            alt.Tooltip("year:O"),
            alt.Tooltip("rank_text:N"),
            alt.Tooltip("quote:N"),
        ]
    )
    labels = ranks.mark_text(dx=0, dy=-18, align="center", fontSize=14, fontWeight="bold").encode(text="label:N")
    lines = ranks.mark_line(color="#c8102e")
    chart = (
        alt.layer(frame_points, lines, points, labels, data=data)
        .properties(width=240, height=300)
        .facet(column=alt.Column("index_label:N", title=None, header=alt.Header(labelFontSize=13, labelLimit=260)))
        .resolve_scale(y="independent")
    )
    return captioned(chart, caption)


def comparison_bars(rows: pd.DataFrame, value_title: str, caption: Caption, rank: bool = False) -> alt.TopLevelMixin:
    """One period's figure per reporting unit as horizontal bars, the best first
    (the highest, or rank 1), each labelled with its value. `rows` carries
    `unit_name`, `value`, `value_text`, `source_line` and `quote`."""
    data = only_columns(rows, ["unit_name", "value", "value_text", "source_line", "quote"])
    order = "x" if rank else "-x"
    base = alt.Chart(data).encode(
        y=alt.Y("unit_name:N", title=None, sort=order, axis=alt.Axis(labelLimit=220)),
        x=alt.X("value:Q", title=value_title, scale=alt.Scale(zero=True)),
        tooltip=[
            alt.Tooltip("unit_name:N", title="●"),
            alt.Tooltip("value_text:N", title="="),
            alt.Tooltip("source_line:N", title="📄"),
            alt.Tooltip("quote:N", title="“”"),
        ],
    )
    bars = base.mark_bar(color="#1f4e79")
    labels = base.mark_text(align="left", dx=4, fontWeight="bold").encode(text="value_text:N")
    return captioned(alt.layer(bars, labels).properties(height=alt.Step(30)), caption)


def count_bars(
    counts: pd.DataFrame, category: str, category_title: str, count_title: str, caption: Caption
) -> alt.TopLevelMixin:
    """Observations per category as horizontal bars, the largest first."""
    chart = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            # No axis title: the chart title names the categories, and a title beside long labels overlapped them.
            y=alt.Y(f"{category}:N", title=None, sort="-x", axis=alt.Axis(labelLimit=220)),
            x=alt.X("observations:Q", title=count_title),
            tooltip=[alt.Tooltip(f"{category}:N", title=category_title), "indicators:Q", "observations:Q"],
        )
        .properties(height=alt.Step(28))
    )
    return captioned(chart, caption)
