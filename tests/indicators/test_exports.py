"""Exports: exact numbers, CSV with a byte-order mark, JSON, and an Excel workbook read back."""

import csv
import io
import json
from datetime import datetime
from decimal import Decimal

import openpyxl
import pandas as pd
import pytest
from babel.numbers import format_decimal
from conftest import DATA
from hypothesis import assume, given
from hypothesis import strategies as st

from indicators import exports, load_registry
from indicators.exports import (
    EXPORT_COLUMNS,
    INDICATOR_URL,
    READER_COLUMNS,
    SOURCE_COLUMNS,
    csv_bytes,
    exact_number,
    export_frame,
    in_base_unit,
    json_text,
    sources_frame,
    xlsx_bytes,
)
from indicators.formatting import format_number
from indicators.vocabulary import SCALES

DISTRICTS = "covid-online-meetings-districts"  # "hơn 700 quận, huyện"


@pytest.fixture(scope="module")
def observations() -> pd.DataFrame:
    return load_registry(DATA).observations_frame


@pytest.fixture(scope="module")
def frame(observations) -> pd.DataFrame:
    links = {
        indicator_id: f"http://dash.test/indicator?indicator={indicator_id}"
        for indicator_id in observations.indicator_id
    }
    return export_frame(observations, "vi", links)


def row_of(frame: pd.DataFrame, indicator_id: str, period: str | None = None) -> dict:
    rows = frame[(frame.indicator_id == indicator_id) & ((frame.period == period) if period else True)]
    assert len(rows) == 1
    return rows.iloc[0].to_dict()


@pytest.mark.parametrize(
    ("value", "scale", "expected"),
    [
        (35.0, "million", 35_000_000),
        (64.9, "billion", 64_900_000_000),
        (1.96, "million", 1_960_000),
        (479.09, "billion", 479_090_000_000),
        (31836.0, "billion", 31_836_000_000_000),
        (14.96, "one", 14.96),
        (0.5, "thousand", 500),
        (-3.0, "one", -3),
    ],
)
def test_values_in_base_unit_are_exact(value, scale, expected):
    result = in_base_unit(value, scale)
    assert result == expected and type(result) is type(expected)


@given(
    st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(list(SCALES)),
)
def test_base_unit_is_the_written_value_times_the_factor(written, scale):
    product = written * Decimal(repr(SCALES[scale].factor))
    assert Decimal(repr(float(in_base_unit(float(written), scale)))) == product.normalize()


def test_whole_numbers_are_integers_and_missing_ones_none():
    assert exact_number(700.0) == 700 and type(exact_number(700.0)) is int
    assert exact_number(64.9) == 64.9
    assert exact_number(float("nan")) is None


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.sampled_from(["vi", "en"]))
def test_number_format_is_babels(value, language):
    locale = {"vi": "vi_VN", "en": "en_GB"}[language]
    assume(value != 0)  # babel writes -0.0 as "-0"; see the test below
    assert format_number(value, language) == format_decimal(value, format="#,##0.##", locale=locale)


def test_zero_is_written_without_a_sign():
    assert format_number(-0.0, "vi") == format_number(0.0, "vi") == "0"


def test_export_columns_keep_their_order_and_add_reader_columns_at_the_end(observations, frame):
    assert list(frame.columns) == [*EXPORT_COLUMNS, *READER_COLUMNS, INDICATOR_URL]
    assert list(export_frame(observations).columns) == EXPORT_COLUMNS + READER_COLUMNS
    assert len(frame) == 274


def test_export_rows_carry_exact_numbers_and_the_readers_text(frame):
    districts = row_of(frame, DISTRICTS)
    assert districts["value"] == 700 and type(districts["value"]) is int
    assert districts["value_in_base_unit"] == 700 and districts["value_text"] == "hơn 700 quận, huyện"
    exports_2024 = row_of(frame, "digital-product-exports", "2024-H1")
    assert exports_2024["value_in_base_unit"] == 64_900_000_000 and exports_2024["value_text"] == "64,9 tỷ USD"
    assert exports_2024["indicator_name"] == "Xuất khẩu sản phẩm số"
    assert exports_2024["indicator_url"] == "http://dash.test/indicator?indicator=digital-product-exports"
    assert exports_2024["source_published"] == pd.Timestamp("2024-07-19")
    assert exports_2024["source_accessed"] == pd.Timestamp("2026-11-23")
    egdi = row_of(frame, "egdi-rank", "2024")
    assert egdi["out_of"] == 193 and type(egdi["out_of"]) is int and egdi["value_text"] == "71/193"
    # a table-cited figure's quote column is the cell, written out
    assert egdi["quote"].endswith(" — 2024 × Rank: 71") and egdi["quote"].startswith("EGOV_DATA_2024 (")


def test_english_export_writes_english_names_and_numbers(observations):
    english = export_frame(observations, "en")
    share = row_of(english, "digital-economy-share-of-gdp")
    assert share["value_text"] == "about 14.96% of GDP" and share["indicator_name"].startswith("Digital economy")
    decrees = row_of(english, "digital-transformation-decrees-issued")
    assert decrees["value_text"] == "1 decree" and decrees["unit"] == "decrees"  # the singular for one


def test_csv_starts_with_a_byte_order_mark_only_when_asked(frame):
    with_mark, without = csv_bytes(frame), csv_bytes(frame, byte_order_mark=False)
    assert with_mark.startswith(b"\xef\xbb\xbfindicator_id,") and without.startswith(b"indicator_id,")
    assert with_mark[3:].replace(b",'-", b",-") == without  # the same but for text that starts like a formula
    rows = list(csv.DictReader(io.StringIO(with_mark.decode("utf-8-sig"))))
    districts = next(row for row in rows if row["indicator_id"] == DISTRICTS)
    assert districts["value"] == "700" and districts["value_in_base_unit"] == "700"
    assert districts["unit_vi"] == "quận, huyện" and districts["period_start"] != ""
    exports_2024 = next(
        row for row in rows if row["period"] == "2024-H1" and row["indicator_id"] == "digital-product-exports"
    )
    assert exports_2024["value_in_base_unit"] == "64900000000" and exports_2024["period_start"] == "2024-01-01"
    assert exports_2024["source_published"] == "2024-07-19" and exports_2024["out_of"] == ""


def test_json_keeps_numbers_as_numbers_and_missing_values_as_null(frame):
    records = json.loads(json_text(frame))
    assert len(records) == 274 and list(records[0]) == list(frame.columns)
    social = next(
        record for record in records if record["indicator_id"] == "social-welfare-paid-to-accounts-recipients"
    )
    assert social["value"] == 1.96 and social["value_in_base_unit"] == 1_960_000 and social["year"] == 2021
    assert social["out_of"] is None and social["qualifier"] is None and social["period_start"] == "2021-01-01"
    assert records[0]["note"] is None


def test_sources_list_each_quote_once_with_every_indicator_it_states(frame):
    table = sources_frame(frame)
    assert list(table.columns) == SOURCE_COLUMNS
    assert len(table) == frame[["source_id", "quote"]].drop_duplicates().shape[0]
    assert table["source_id"].is_monotonic_increasing
    shared = table[table.indicator_ids.str.contains(",")]
    assert shared.iloc[0]["indicator_ids"] == (
        "government-reporting-system-connected-agencies, government-reporting-system-data-sharing-provinces"
    )


def test_workbook_has_typed_data_and_sources_sheets(frame):
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(frame)))
    assert workbook.sheetnames == ["data", "sources"]
    data = workbook["data"]
    header = [cell.value for cell in data[1]]
    assert header == list(frame.columns) and data.max_row == 275 and data.freeze_panes == "A2"
    rows = [dict(zip(header, [cell for cell in row], strict=True)) for row in data.iter_rows(min_row=2)]
    districts = next(row for row in rows if row["indicator_id"].value == DISTRICTS)
    assert districts["value"].value == 700 and type(districts["value"].value) is int
    assert districts["value_text"].value == "hơn 700 quận, huyện" and districts["out_of"].value is None
    yearly = next(row for row in rows if row["indicator_id"].value == "egdi-rank" and row["period"].value == "2022")
    assert yearly["period"].value == "2022" and yearly["period"].data_type == "s" and yearly["year"].value == 2022
    assert yearly["period_start"].value == datetime(2022, 1, 1) and yearly["period_start"].is_date
    assert yearly["source_accessed"].value == datetime(2026, 11, 23)
    exports_2024 = next(
        row
        for row in rows
        if row["period"].value == "2024-H1" and row["indicator_id"].value == "digital-product-exports"
    )
    assert exports_2024["value_in_base_unit"].value == 64_900_000_000
    assert exports_2024["indicator_url"].hyperlink.target.startswith("http://dash.test/indicator?indicator=")
    sources = workbook["sources"]
    assert [cell.value for cell in sources[1]] == SOURCE_COLUMNS
    assert sources.max_row == 1 + len(sources_frame(frame))
    linked = [row for row in sources.iter_rows(min_row=2) if row[4].value]
    assert linked and all(row[4].hyperlink.target == row[4].value for row in linked)
    assert all(row[3].is_date for row in sources.iter_rows(min_row=2) if row[3].value is not None)  # some have no date


def test_text_that_looks_like_a_formula_stays_text(frame):
    tricky = frame.head(1).assign(note='=HYPERLINK("http://evil.test")', quote="+1 -2")
    data = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(tricky)))["data"]
    header = [cell.value for cell in data[1]]
    note, quote = data.cell(2, header.index("note") + 1), data.cell(2, header.index("quote") + 1)
    assert (note.data_type, note.value) == ("s", '=HYPERLINK("http://evil.test")')
    assert (quote.data_type, quote.value) == ("s", "+1 -2")


def test_links_past_excels_limit_are_written_as_text(frame, monkeypatch):
    source_links = int(frame["source_url"].notna().sum())  # written first: the column comes earlier
    monkeypatch.setattr(exports, "EXCEL_LINKS_PER_SHEET", source_links + 3)
    data = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(frame)))["data"]
    column = [cell.value for cell in data[1]].index(INDICATOR_URL) + 1
    cells = [data.cell(row, column) for row in range(2, data.max_row + 1)]
    assert all(cell.value.startswith("http://dash.test/") for cell in cells)
    assert sum(cell.hyperlink is not None for cell in cells) == 3


def test_sources_without_any_publication_date_export_empty_dates(observations):
    """`published: null` on every source: no date to convert, each row's date is missing."""
    undated = observations.assign(source_published=pd.Categorical([None] * len(observations)))
    frame = export_frame(undated, "en", {})
    assert frame["source_published"].isna().all() and frame["source_accessed"].notna().all()
    records = json.loads(json_text(frame))
    assert {record["source_published"] for record in records} == {None}
    assert b"source_published" in csv_bytes(frame) and xlsx_bytes(frame).startswith(b"PK")


def test_a_spreadsheet_csv_never_holds_a_formula():
    """With the byte-order mark (the file Excel opens) a text cell that starts like a
    formula is written as text; numbers, and the CSV for tools, are left as they are."""
    frame = pd.DataFrame(
        {
            "note": ['=HYPERLINK("http://127.0.0.1:9/x","click")', "+1", "@SUM(A1)", "-3 bậc", "bình thường"],
            "value": [-3.0, 1.0, 2.0, 3.0, 4.0],
        }
    )
    for_excel = list(csv.reader(io.StringIO(csv_bytes(frame).decode("utf-8-sig"))))
    assert [row[0] for row in for_excel[1:]] == [
        '\'=HYPERLINK("http://127.0.0.1:9/x","click")',
        "'+1",
        "'@SUM(A1)",
        "'-3 bậc",
        "bình thường",
    ]
    assert [row[1] for row in for_excel[1:]][0] == "-3.0"
    for_tools = list(csv.reader(io.StringIO(csv_bytes(frame, byte_order_mark=False).decode("utf-8"))))
    assert for_tools[1][0].startswith("=HYPERLINK")


@pytest.mark.parametrize(
    ("language", "unit_text", "qualifier_text"),
    [("vi", "% GDP", "khoảng"), ("en", "% of GDP", "about")],
)
def test_unit_and_qualifier_are_written_in_the_downloads_language(observations, language, unit_text, qualifier_text):
    """The English `unit` and `qualifier` stay for tools; `unit_text` and `qualifier_text` follow the language."""
    rows = export_frame(observations, language)
    share = row_of(rows, "digital-economy-share-of-gdp")
    assert (share["unit"], share["qualifier"]) == ("% of GDP", "about")
    assert (share["unit_text"], share["qualifier_text"]) == (unit_text, qualifier_text)
    assert pd.isna(row_of(rows, "egdi-rank", "2024")["qualifier_text"])
    text = csv_bytes(rows, byte_order_mark=False).decode("utf-8")
    header = text.splitlines()[0]
    assert header.split(",")[len(EXPORT_COLUMNS) + 2 : len(EXPORT_COLUMNS) + 4] == ["unit_text", "qualifier_text"]
