"""A rate per year (`per_year: true`) and a level of the same indicator and period are
two series: neither conflicts with the other, and the export says which is which."""

from __future__ import annotations

import csv
import io

from indicators import read_registry
from indicators.exports import EXPORT_COLUMNS, export_frame

SENTENCE = "Giai đoạn 2021-2023, xuất khẩu sản phẩm số đạt tổng cộng 345 tỷ USD, bình quân 115 tỷ USD mỗi năm."


def with_level_and_rate(data):
    with open(data / "sources" / "example-source.txt", "a", encoding="utf-8") as text:
        text.write(SENTENCE + "\n")
    with open(data / "registry" / "digital-product-exports.yaml", "a", encoding="utf-8") as registry:
        for value, flag in ((345, ""), (115, "    per_year: true\n")):
            registry.write(
                f"  - value: {value}\n    period: 2021/2023\n{flag}    source: example-source\n    quote: {SENTENCE!r}\n"
            )
    return data


def test_a_rate_and_a_level_of_one_period_do_not_conflict(good_data):
    registry = read_registry(with_level_and_rate(good_data))
    assert [problem.code for problem in registry.problems] == []
    frame = registry.observations_frame
    rows = frame[(frame.indicator_id == "digital-product-exports") & (frame.period == "2021/2023")]
    assert sorted(zip(rows.value, rows.per_year, rows.stands, rows.conflict, strict=True)) == [
        (115, True, True, False),
        (345, False, True, False),
    ]


def test_the_export_carries_the_per_year_flag(good_data):
    registry = read_registry(with_level_and_rate(good_data))
    assert "per_year" in EXPORT_COLUMNS
    written = export_frame(registry.observations_frame).to_csv(index=False)
    rows = [row for row in csv.DictReader(io.StringIO(written)) if row["period"] == "2021/2023"]
    assert sorted((row["value"], row["per_year"]) for row in rows) == [("115", "True"), ("345", "False")]
