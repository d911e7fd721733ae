"""Chart images: no text drawn on top of another (a value label over an axis tick, two
value labels over each other), for every chart the app makes from the shipped registry.

Each chart's image spec is laid out by vl-convert (the engine of the downloads); every
text's box is measured with the image font's own metrics and checked against the others."""

from __future__ import annotations

from functools import cache
from itertools import combinations
from pathlib import Path
from textwrap import wrap

import pandas as pd
import pytest
import vl_convert
from PIL import ImageFont

from dashboard.chart_images import image_spec
from dashboard.charts import Caption, comparison_bars, count_bars, ranking_chart
from dashboard.components import chart_caption, chart_source, history_of, labelled
from dashboard.data import Loaded, reporting_units_of
from dashboard.link import ALL_GEOGRAPHIES, LinkState
from dashboard.view import build_view
from indicators import read_registry
from indicators.query import series_rows

DATA = Path(__file__).resolve().parents[2] / "data"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
TOLERANCE = 1.0  # pixels two boxes may share (anti-aliased edges)


@cache
def font(size: float, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), round(size))


def text_boxes(scene: dict) -> list[tuple[str, str, tuple[float, float, float, float]]]:
    """(role, text, (left, top, right, bottom)) of every non-empty text in a laid-out
    scenegraph, in image pixels; a rotated text (an axis title) turns its box."""
    found = []

    def walk(node: dict, x0: float, y0: float) -> None:
        for item in node.get("items", []):
            x, y = x0 + item.get("x", 0), y0 + item.get("y", 0)
            if node.get("marktype") == "text":
                lines = item.get("text")
                lines = [lines] if isinstance(lines, str) else list(lines or [])
                lines = [str(line) for line in lines if str(line).strip()]
                if not lines or item.get("opacity", 1) == 0:
                    continue
                size = item.get("fontSize", 11)
                face = font(size, str(item.get("fontWeight", "")) in ("bold", "700"))
                width = min(max(face.getlength(line) for line in lines), item.get("limit") or 1e9)
                height = size * 1.2 * len(lines) if len(lines) > 1 else size
                x += item.get("dx", 0)
                y += item.get("dy", 0)
                align, baseline = item.get("align", "left"), item.get("baseline", "alphabetic")
                left = {"left": x, "center": x - width / 2, "right": x - width}[align]
                top = {"top": y, "middle": y - height / 2, "bottom": y - height}.get(baseline, y - 0.8 * size)
                box = (left, top, left + width, top + height)
                if item.get("angle") in (-90, 90, 270):  # turned about (x, y)
                    dx0, dy0, dx1, dy1 = box[0] - x, box[1] - y, box[2] - x, box[3] - y
                    box = (x + min(dy0, dy1), y - max(dx0, dx1), x + max(dy0, dy1), y - min(dx0, dx1))
                found.append((node.get("role", ""), " / ".join(lines), box))
            elif "items" in item:
                walk(item, x, y)

    walk({"items": [scene["scenegraph"]]}, scene["origin"][0], scene["origin"][1])
    return found


def collisions(chart) -> list[str]:
    boxes = text_boxes(vl_convert.vegalite_to_scenegraph(image_spec(chart)))
    clashes = []
    for (role_a, text_a, a), (role_b, text_b, b) in combinations(boxes, 2):
        if min(a[2], b[2]) - max(a[0], b[0]) > TOLERANCE and min(a[3], b[3]) - max(a[1], b[1]) > TOLERANCE:
            clashes.append(f"{role_a} {text_a!r} over {role_b} {text_b!r}")
    return clashes


@pytest.fixture(scope="module")
def loaded() -> Loaded:
    registry = read_registry(DATA)
    frame = registry.observations_frame
    return Loaded(registry, frame, "test", reporting_units_of(frame))


def views(loaded: Loaded):
    years = (int(loaded.frame.year.min(skipna=True)), int(loaded.frame.year.max(skipna=True)))
    return {language: build_view(loaded, LinkState(language, (), years, ALL_GEOGRAPHIES)) for language in ("vi", "en")}


LANGUAGES = ["vi", "en"]


def test_the_measure_finds_a_value_label_over_a_tick():
    """The check itself: a label drawn at the axis' left edge lands on the tick labels."""
    import altair as alt

    frame = pd.DataFrame({"x": [0.0, 10.0], "y": [117.3, 50.0], "text": ["113.5 tỷ USD", "x"]})
    base = alt.Chart(frame).encode(x="x:Q", y="y:Q")
    chart = alt.layer(base.mark_point(), base.mark_text(align="right", dx=-4).encode(text="text:N"))
    assert any("113.5 tỷ USD" in clash for clash in collisions(chart))


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_history_chart_draws_a_label_over_another(loaded, language):
    view = views(loaded)[language]
    clashes = {}
    for indicator_id, indicator in loaded.registry.indicators.items():
        rows = view.filtered[view.filtered.indicator_id == indicator_id]
        if rows.reporting_unit.nunique() > 8:  # the page draws the units with a history only
            rows = rows[rows.groupby("reporting_unit", observed=True).period.transform("nunique") > 1]
        if len(rows) < 2:
            continue
        targets = [(indicator.target_unit(target), target) for _, target in indicator.all_targets()]
        found = collisions(history_of(view, labelled(view, rows), targets))
        if found:
            clashes[indicator_id] = found
    assert clashes == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_rankings_or_comparison_chart_draws_a_label_over_another(loaded, language):
    view = views(loaded)[language]
    national = view.filtered[view.filtered.reporting_unit_level == "national"]
    ranks = national[national.kind == "rank"]
    ranks = ranks[series_rows(ranks)]
    clashes = {}
    for indicator_id, panel in ranks.groupby("indicator_id", observed=True):
        panel = panel.assign(
            index_label=view.name(indicator_id),
            rank_text=[f"{v:g}/{o:g}" for v, o in zip(panel.value, panel.out_of, strict=True)],
        )
        title = "\n".join(wrap(view.plain("rank_chart_title"), 34))
        source = "\n".join(wrap(chart_source(view, panel), 44))
        found = collisions(ranking_chart(panel, view.plain("rank"), chart_caption(view, title, source)))
        if found:
            clashes[indicator_id] = found
    provincial = view.filtered[view.filtered.reporting_unit_level == "province"]
    provincial = provincial[series_rows(provincial)]
    for indicator_id, rows in provincial.groupby("indicator_id", observed=True):
        rows = labelled(view, rows)
        for period, chosen in rows.groupby("period"):
            if len(chosen) < 2:
                continue
            chosen = chosen.assign(
                unit_name=list(chosen.reporting_unit_vi if language == "vi" else chosen.reporting_unit_en),
                source_line=list(chosen.source_title),
            )
            caption = chart_caption(view, view.name(indicator_id), chart_source(view, chosen))
            rank = loaded.registry.indicators[indicator_id].kind == "rank"
            found = collisions(comparison_bars(chosen, view.unit(chosen.iloc[0]), caption, rank=rank))
            if found:
                clashes[f"{indicator_id} {period}"] = found
    assert clashes == {}


def test_no_count_chart_draws_a_label_over_another(loaded):
    per_source = (
        loaded.frame.groupby("source_title")
        .agg(observations=("value", "size"), indicators=("indicator_id", "nunique"))
        .reset_index()
    )
    chart = count_bars(per_source, "source_title", "Nguồn", "Số liệu", Caption("Số liệu theo nguồn", "s", "vi"))
    assert collisions(chart) == []
