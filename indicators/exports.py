"""What readers take away: one row per observation, as CSV, JSON or an Excel workbook.

The first columns (EXPORT_COLUMNS) are what other tools have always read, in that
order; READER_COLUMNS follow. Numbers are exact: a whole number is an integer
(`700`, not `700.0`) and `value_in_base_unit` is computed in decimal from the
value as written (64.9 billion is `64900000000`, not `64900000000.00001`).
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from decimal import Decimal

import numpy as np
import pandas as pd
import xlsxwriter

from indicators.formatting import format_value
from indicators.vocabulary import QUALIFIERS, SCALES

EXPORT_COLUMNS = [
    "indicator_id",
    "sector",
    "reporting_unit",
    "period",
    "period_type",
    "period_start",
    "year",
    "value",
    "out_of",
    "qualifier",
    "unit",
    "unit_vi",
    "scale",
    "value_in_base_unit",
    "source_id",
    "quote",
    "note",
    "per_year",  # true: the value is a rate per year of the period, not a level
]
READER_COLUMNS = [
    "indicator_name",  # in the reader's language
    "value_text",  # the value as the reader's language writes it: `2.087.114 hồ sơ`, `about 14.96%`
    "unit_text",  # the unit in the reader's language: `% GDP` (vi), `% of GDP` (en)
    "qualifier_text",  # the hedge in the reader's language: `khoảng` (vi), `about` (en); empty without one
    "source_title",
    "source_publisher",
    "source_published",
    "source_accessed",
    "source_url",
]
INDICATOR_URL = "indicator_url"  # the indicator's page in the dashboard; only when links are given
DATE_COLUMNS = ("period_start", "source_published", "source_accessed")
SOURCE_COLUMNS = [
    "source_id",
    "source_title",
    "source_publisher",
    "source_published",
    "source_url",
    "source_accessed",
    "quote",
    "indicator_ids",
]
BYTE_ORDER_MARK = "\ufeff"
EXCEL_LINKS_PER_SHEET = 65_530  # Excel's limit; later links are written as plain text
_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")  # day 0 of Excel's date serials (1900 system)
_COLUMN_WIDTHS = {"quote": 70, "source_title": 40, "indicator_name": 36, "value_text": 22, "source_url": 40}


def exact_number(value: float) -> int | float | None:
    """A value as written: whole numbers as int (`700.0` -> `700`), NaN as None."""
    if value is None or np.isnan(value):
        return None
    return int(value) if float(value).is_integer() else float(value)


def in_base_unit(value: float, scale: str) -> int | float:
    """`value` × its scale's factor, computed in decimal from the value's shortest repr:
    64.9 billion -> 64900000000, 1.96 million -> 1960000. Whole results are int."""
    product = Decimal(repr(float(value))) * Decimal(repr(SCALES[scale].factor))
    return int(product) if product == product.to_integral_value() else float(product)


def export_frame(
    observations: pd.DataFrame,
    language: str = "vi",
    indicator_urls: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per observation of an observations frame (see `indicators.frames`):
    EXPORT_COLUMNS, then READER_COLUMNS in `language` ("vi" or "en"), then
    `indicator_url` when `indicator_urls` (indicator id -> absolute link) is given.

    Numbers are Python int or float (None when missing); the DATE_COLUMNS are
    datetime64 (NaT when missing); everything else is text."""
    frame = observations.assign(note=_notes(observations, language))[EXPORT_COLUMNS].copy()
    values, scales = observations["value"].tolist(), observations["scale"].tolist()
    frame["value"] = _objects([exact_number(value) for value in values], frame.index)
    frame["out_of"] = _objects([exact_number(value) for value in observations["out_of"].tolist()], frame.index)
    frame["value_in_base_unit"] = _objects(
        [in_base_unit(value, scale) for value, scale in zip(values, scales, strict=True)], frame.index
    )
    names = observations["name_vi" if language == "vi" else "name_en"]
    units = observations["unit_vi" if language == "vi" else "unit"]
    frame["indicator_name"] = names
    frame["value_text"] = [
        format_value(value, unit, language, out_of=out_of, qualifier=qualifier, unit_one=unit_one)
        for value, unit, out_of, qualifier, unit_one in zip(
            observations["value"],
            units,
            observations["out_of"],
            observations["qualifier"],
            observations["unit_one"],
            strict=True,
        )
    ]
    frame["unit_text"] = units
    frame["qualifier_text"] = [qualifier_text(code, language) for code in observations["qualifier"]]
    for column in READER_COLUMNS[4:]:
        frame[column] = _dates(observations[column]) if column in DATE_COLUMNS else observations[column]
    if indicator_urls is not None:
        frame[INDICATOR_URL] = observations["indicator_id"].astype(object).map(indicator_urls)
    return frame.reset_index(drop=True)


def qualifier_text(code: str | None, language: str) -> str | None:
    """A qualifier code (`about`) as `language` writes it (`khoảng`, `about`); None for none."""
    if code is None or not isinstance(code, str) or not code:
        return None
    words = QUALIFIERS[code]
    return words.vi if language == "vi" else words.en


def _notes(observations: pd.DataFrame, language: str) -> list[str | None]:
    """Each observation's note in `language`; an English note not yet translated is the
    Vietnamese one marked `[vi] `, never passed off as English."""
    notes_vi = observations["note_vi"].astype(object).tolist()
    if language == "vi":
        return notes_vi
    notes_en = observations["note_en"].astype(object).tolist()
    return [
        en if isinstance(en, str) and en else (f"[vi] {vi}" if isinstance(vi, str) and vi else None)
        for vi, en in zip(notes_vi, notes_en, strict=True)
    ]


def csv_bytes(frame: pd.DataFrame, byte_order_mark: bool = True) -> bytes:
    """An export frame as UTF-8 CSV, dates as YYYY-MM-DD. With the byte-order mark,
    Excel reads the file as UTF-8 (without it, `quận` opens as `quáº­n`); such a file
    is meant for a spreadsheet, so a text cell that a spreadsheet would take for a
    formula (`=`, `+`, `-`, `@`, a tab or a carriage return first) starts with `'`."""
    frame = _with_iso_dates(frame)
    if byte_order_mark:
        frame = frame.apply(_inert_in_spreadsheets)
    text = frame.to_csv(index=False, lineterminator="\n")
    return ((BYTE_ORDER_MARK if byte_order_mark else "") + text).encode("utf-8")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert_in_spreadsheets(column: pd.Series) -> pd.Series:
    """Text cells a spreadsheet would read as a formula, made text (`'=1+1`); numbers stay."""
    if column.dtype != object and not isinstance(column.dtype, pd.CategoricalDtype | pd.StringDtype):
        return column
    formula = [isinstance(cell, str) and cell.startswith(_FORMULA_START) for cell in column]
    if not any(formula):
        return column  # untouched: mapping a column would let pandas change its type
    return column.astype(object).where(~pd.Series(formula, index=column.index), "'" + column.astype(str))


def json_text(frame: pd.DataFrame) -> str:
    """An export frame as a JSON array of records, one record per line: numbers as
    numbers, dates as YYYY-MM-DD, missing values as null."""
    records = (json.dumps(record, ensure_ascii=False) for record in _records(_with_iso_dates(frame)))
    return "[\n" + ",\n".join(records) + "\n]\n"


def sources_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per quote of an export frame (columns: SOURCE_COLUMNS), grouped by
    source: the source's metadata, the quote and the ids of the indicators it states."""
    indicators_of: dict[tuple[str, str], dict[str, None]] = {}
    first_rows: list[int] = []
    keys = zip(frame["source_id"].tolist(), frame["quote"].tolist(), frame["indicator_id"].tolist(), strict=True)
    for row, (source_id, quote, indicator_id) in enumerate(keys):
        if (source_id, quote) not in indicators_of:
            indicators_of[(source_id, quote)] = {}
            first_rows.append(row)
        indicators_of[(source_id, quote)][indicator_id] = None
    table = frame.iloc[first_rows][SOURCE_COLUMNS[:-1]].reset_index(drop=True)
    table["indicator_ids"] = [", ".join(ids) for ids in indicators_of.values()]
    return table.sort_values("source_id", kind="stable", ignore_index=True)


def xlsx_bytes(frame: pd.DataFrame) -> bytes:
    """An export frame as an Excel workbook: a `data` sheet (one row per observation:
    numbers as numbers, dates as dates, periods and all other text as text) and a
    `sources` sheet (one row per quote, see `sources_frame`)."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    _write_sheet(workbook, "data", frame)
    _write_sheet(workbook, "sources", sources_frame(frame))
    workbook.close()
    return buffer.getvalue()


def _write_sheet(workbook: xlsxwriter.Workbook, name: str, frame: pd.DataFrame) -> None:
    """One sheet: a bold, frozen header row with filters, then one typed cell per value."""
    sheet = workbook.add_worksheet(name)
    header = workbook.add_format({"bold": True, "bottom": 1})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, list(frame.columns), header)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(frame), len(frame.columns) - 1)
    links = 0
    for column_number, column in enumerate(frame.columns):
        sheet.set_column(column_number, column_number, _COLUMN_WIDTHS.get(column, 14))
        if column in DATE_COLUMNS:
            _write_dates(sheet, column_number, frame[column], date)
        elif column in ("year", "value", "out_of", "value_in_base_unit"):
            _write_numbers(sheet, column_number, frame[column])
        elif column.endswith("url"):
            links = _write_links(sheet, column_number, frame[column], links)
        else:
            _write_text(sheet, column_number, frame[column])


def _write_dates(sheet, column_number: int, dates: pd.Series, date_format) -> None:
    serials = (dates.to_numpy(dtype="datetime64[D]") - _EXCEL_EPOCH).astype(np.int64)
    for row, (serial, missing) in enumerate(zip(serials.tolist(), dates.isna().tolist(), strict=True), start=1):
        if not missing:
            sheet.write_number(row, column_number, serial, date_format)


def _write_numbers(sheet, column_number: int, numbers: pd.Series) -> None:
    for row, number in enumerate(numbers.tolist(), start=1):
        if number is not None:
            sheet.write_number(row, column_number, number)


def _write_links(sheet, column_number: int, urls: pd.Series, written: int) -> int:
    """Links as hyperlinks up to Excel's limit per sheet, then as text; returns the count so far."""
    for row, url in enumerate(urls.tolist(), start=1):
        if not isinstance(url, str) or not url:
            continue
        if written < EXCEL_LINKS_PER_SHEET:
            sheet.write_url(row, column_number, url)
            written += 1
        else:
            sheet.write_string(row, column_number, url)
    return written


def _write_text(sheet, column_number: int, texts: pd.Series) -> None:
    for row, text in enumerate(texts.astype(object).tolist(), start=1):
        if isinstance(text, str) and text:
            sheet.write_string(row, column_number, text)


def _objects(values: list, index: pd.Index) -> pd.Series:
    """Python values kept as they are (a list of int and float would become all float)."""
    return pd.Series(values, index=index, dtype=object)


def _dates(texts: pd.Series) -> pd.Series:
    """ISO date text (categorical, as in the observations frame) as datetime64; None as NaT."""
    if isinstance(texts.dtype, pd.CategoricalDtype):
        days = pd.to_datetime(texts.cat.categories).to_numpy(dtype="datetime64[D]")
        # Code -1 (no date) picks the NaT at the end, also when no row has a date at all.
        days = np.append(days, np.datetime64("NaT", "D"))
        return pd.Series(days[texts.cat.codes.to_numpy()], index=texts.index)
    return pd.to_datetime(texts.astype(object))


def _with_iso_dates(frame: pd.DataFrame) -> pd.DataFrame:
    dates = {column: frame[column].dt.strftime("%Y-%m-%d") for column in DATE_COLUMNS if column in frame}
    return frame.assign(**dates)


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain Python values (missing ones as None)."""
    columns = {name: frame[name].astype(object).where(frame[name].notna(), None).tolist() for name in frame.columns}
    return [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]
