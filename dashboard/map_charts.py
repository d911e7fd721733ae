"""The province tile map as an Altair chart (no st.* calls): one square per province,
coloured by its figure on a scale fit for the indicator's kind; provinces without a
figure drawn empty."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts import Caption, captioned

TILE_STEP = 40  # pixels per grid cell: 7 columns of the 63-unit map fit a 390 px phone
SELECTION = "tile"  # the chart's selection parameter: the clicked tile's unit_id
EMPTY_FILL = "#ffffff"
EMPTY_STROKE = "#9aa5b1"
# Text on a tile this far along the scale (0-1) is white; below it, dark.
DARK_FROM = 0.6


def color_scale(kind: str, direction: str, values: pd.Series, out_of: float | None) -> tuple[alt.Scale, list[float]]:
    """The colour scale for an indicator's kind, and its domain:
    - share: 0 to 100 %, sequential;
    - rank: 1 to N, reversed (rank 1 darkest: the best);
    - change: diverging around 0 (red a fall, blue a rise; reversed when lower is better);
    - count, amount, level, score: 0 to the largest figure, sequential.
    A lower-is-better indicator (not a rank) is reversed: its best figure is darkest."""
    largest = float(values.max()) if len(values) else 1.0
    if kind == "change":
        bound = max(abs(float(values.min())), abs(largest), 1e-9) if len(values) else 1.0
        domain = [-bound, bound]
        scheme = "redblue" if direction == "higher-is-better" else "blueorange"
        return alt.Scale(scheme=scheme, domain=domain, domainMid=0), domain
    if kind == "rank":
        domain = [1.0, float(out_of) if out_of else max(largest, 2.0)]
        return alt.Scale(scheme="blues", domain=domain, reverse=True), domain
    domain = [0.0, 100.0] if kind == "share" else [0.0, max(largest, 1e-9)]
    return alt.Scale(scheme="blues", domain=domain, reverse=direction == "lower-is-better"), domain


def _darkness(value: float, domain: list[float], reverse: bool) -> float:
    low, high = domain
    share = (value - low) / (high - low) if high > low else 1.0
    return 1 - share if reverse else share


def tile_map_chart(
    tiles: pd.DataFrame,
    kind: str,
    direction: str,
    legend_title: str,
    caption: Caption,
    missing_label: str,
) -> alt.TopLevelMixin:
    """The tile map of `tiles` (see `indicators.tile_maps.tiles_frame`, with `unit_name`,
    `value_text`, `period_text`, `source_line` and `quote` for the tiles with a figure).

    Provinces without a figure are white squares with a grey outline, their tooltip
    `missing_label`. Clicking a tile selects its `unit_id` (the parameter SELECTION)."""
    data = tiles.copy()
    has_value = data["value"].notna()
    out_of = data["out_of"].max() if "out_of" in data and data["out_of"].notna().any() else None
    scale, domain = color_scale(kind, direction, data.loc[has_value, "value"], out_of)
    reverse = kind == "rank" or (kind not in ("change", "rank") and direction == "lower-is-better")
    if kind == "change":
        data["ink"] = [
            "#ffffff" if ok and abs(value) / domain[1] > DARK_FROM else "#1f2933"
            for ok, value in zip(has_value, data["value"], strict=True)
        ]
    else:
        data["ink"] = [
            "#ffffff" if ok and _darkness(value, domain, reverse) > DARK_FROM else "#1f2933"
            for ok, value in zip(has_value, data["value"], strict=True)
        ]
    for column in ("value_text", "period_text", "source_line", "quote"):
        data[column] = data[column].where(has_value, missing_label if column == "value_text" else "")
    columns = max(data["column"]) + 1
    rows = max(data["row"]) + 1
    data = data[
        [
            "unit_id",
            "column",
            "row",
            "short",
            "unit_name",
            "value",
            "value_text",
            "period_text",
            "source_line",
            "quote",
            "ink",
        ]
    ]
    tooltip = [
        alt.Tooltip("unit_name:N", title="●"),
        alt.Tooltip("value_text:N", title="="),
        alt.Tooltip("period_text:N", title="⏱"),
        alt.Tooltip("source_line:N", title="📄"),
        alt.Tooltip("quote:N", title="“”"),
    ]
    base = alt.Chart(data).encode(
        x=alt.X("column:O", axis=None, scale=alt.Scale(domain=list(range(columns)), paddingInner=0.08)),
        y=alt.Y("row:O", axis=None, scale=alt.Scale(domain=list(range(rows)), paddingInner=0.08)),
        tooltip=tooltip,
    )
    selection = alt.selection_point(name=SELECTION, fields=["unit_id"], on="click", clear="dblclick")
    empty = base.transform_filter("!isValid(datum.value)").mark_rect(
        fill=EMPTY_FILL, stroke=EMPTY_STROKE, strokeDash=[3, 2], strokeWidth=1
    )
    filled = (
        base.transform_filter("isValid(datum.value)")
        .mark_rect(stroke="#ffffff", strokeWidth=1)
        .encode(
            color=alt.Color(
                "value:Q",
                scale=scale,
                title=legend_title,
                legend=alt.Legend(orient="bottom", direction="horizontal", gradientLength=220, titleLimit=300),
            ),
        )
    )
    labels = base.mark_text(fontSize=10, fontWeight="bold").encode(text="short:N", color=alt.Color("ink:N", scale=None))
    clickable = base.mark_rect(opacity=0, cursor="pointer").add_params(selection)
    chart = (
        alt.layer(empty, filled, labels, clickable)
        .resolve_scale(color="independent")
        .properties(width=alt.Step(TILE_STEP), height=alt.Step(TILE_STEP))
    )
    return captioned(chart.configure_view(stroke=None), caption)
