"""Chart images: PNG and SVG rendered without a browser, with title, source line and locale."""

import re
import struct

import pandas as pd
import pytest

from dashboard.chart_images import IMAGE_FONT, IMAGE_WIDTH, PNG_SCALE, chart_png, chart_svg, image_spec
from dashboard.charts import Caption, history_chart, ranking_chart

COLORS = {"Tại ngày": "#059669"}


def records_chart(language: str):
    """A history in the millions, so that the value axis has a tick at 2,000,000."""
    rows = pd.DataFrame(
        {
            "period_start": pd.to_datetime(["2022-06-30", "2023-06-30"]),
            "value": [1_500_000.0, 2_087_114.0],
            "series": "Tại ngày",
            "in_series": True,
            "period_text": ["30/6/2022", "30/6/2023"],
            "value_text": ["1.500.000 hồ sơ", "2.087.114 hồ sơ"],
            "quote": "q",
            "source_line": "s",
        }
    )
    caption = Caption("Hồ sơ cán bộ, công chức", "Nguồn: Thanh Hóa, 12/7/2023", language)
    return history_chart(rows, "hồ sơ", "Loại kỳ", COLORS, caption)


def texts_of(svg: bytes) -> list[str]:
    """Every text in the drawing (a title's lines are tspans)."""
    return re.findall(r">([^<>]+)</(?:text|tspan)>", svg.decode("utf-8"))


@pytest.mark.parametrize(("language", "tick"), [("vi", "2.000.000"), ("en", "2,000,000")])
def test_svg_has_the_title_source_line_and_the_languages_numbers(language, tick):
    texts = texts_of(chart_svg(records_chart(language)))
    assert "Hồ sơ cán bộ, công chức" in texts and "Nguồn: Thanh Hóa, 12/7/2023" in texts
    assert tick in texts and "2.087.114 hồ sơ" in texts


def test_png_is_drawn_at_twice_the_image_width():
    png = chart_png(records_chart("vi"))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert width >= IMAGE_WIDTH * PNG_SCALE and 300 * PNG_SCALE < height < 600 * PNG_SCALE


def test_a_stretched_chart_gets_a_fixed_width_and_a_faceted_one_keeps_its_panels():
    spec = image_spec(records_chart("vi"))
    assert spec["width"] == IMAGE_WIDTH and spec["config"]["font"] == IMAGE_FONT
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    ranks = pd.DataFrame(
        {"index_label": "EGDI", "year": [2020, 2022], "value": [86.0, 86.0], "out_of": 193.0, "quote": "q"}
    ).assign(rank_text="86/193")
    faceted = image_spec(ranking_chart(ranks, "Hạng", Caption("t", "s", "vi")))
    assert "width" not in faceted and faceted["spec"]["width"] == 240
    assert "86/193" in texts_of(chart_svg(ranking_chart(ranks, "Hạng", Caption("t", "s", "vi"))))
