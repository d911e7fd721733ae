"""Charts as images a reader can paste into slides: PNG and SVG, rendered from the
chart's Vega-Lite spec by vl-convert (its own engine, no browser).

The image has what the page shows: the title, the source line and the language's
number and date formats (all in the spec, see `dashboard.charts.captioned`).
"""

from __future__ import annotations

import altair as alt
import vl_convert

IMAGE_WIDTH = 760  # pixels at scale 1; on the page a chart takes its column's width
IMAGE_PADDING = 16  # pixels around the chart, title included
PNG_SCALE = 2  # sharp on high-density screens and projectors
# A font with every Vietnamese letter (Debian's fonts-dejavu-core; the Docker image installs it).
# The engine's own sans-serif lacks letters such as "ậ" and falls back to a serif for them.
IMAGE_FONT = "DejaVu Sans"


def image_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec for an image: a fixed width where the page would
    stretch it (faceted charts keep their panels' widths, charts sized by a step keep
    their steps: a tile map's square tiles), a margin, and the image font."""
    spec = chart.to_dict()
    spec["padding"] = IMAGE_PADDING
    if "facet" not in spec and not isinstance(spec.get("width"), int | float | dict):
        spec["width"] = IMAGE_WIDTH
    spec["config"] = {**spec.get("config", {}), "font": IMAGE_FONT}
    return spec


def chart_png(chart: alt.TopLevelMixin) -> bytes:
    """The chart as PNG bytes, at PNG_SCALE times its size in pixels."""
    return vl_convert.vegalite_to_png(image_spec(chart), scale=PNG_SCALE)


def chart_svg(chart: alt.TopLevelMixin) -> bytes:
    """The chart as UTF-8 SVG bytes; its text stays text."""
    return vl_convert.vegalite_to_svg(image_spec(chart)).encode("utf-8")
