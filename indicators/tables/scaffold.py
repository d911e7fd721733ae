"""Observations from a table's cells: `python -m indicators new --table SOURCE --row … --column …`
(one cell, or every numeric cell of a row or a column) and the editor's import tab.

Each cell gives its value as printed (times the scale word its headers give, in the
indicator's scale), the period its column, row or title states, and the reporting unit
its row names (else the source's own, or the one a hint gives). Nothing is guessed: a
cell whose period or unit is not stated is refused with the hint to give."""

from __future__ import annotations

from dataclasses import dataclass

from indicators.numbers import find_numbers
from indicators.tables.cells import CellError, header_periods, label_scale
from indicators.tables.citing import table_name
from indicators.vocabulary import SCALE_OF_FACTOR, SCALES


class TableScaffoldError(ValueError):
    """The cells cannot be filed without guessing; the message says what to give."""


@dataclass(frozen=True)
class CellFigure:
    """One cell read for filing: its labels, its number in units of `scale`, period and unit."""

    row: str
    column: str
    printed: str
    value: float
    scale: str
    period: str
    reporting_unit: str
    percent: bool
    out_of: float | None = None


def cell_figures(
    source, catalogue, row: str | None, column: str | None, period: str | None = None, unit: str | None = None
) -> tuple[list[CellFigure], list[str]]:
    """The figures of one cell (`row` and `column`), of a whole row (`row` only) or a whole
    column (`column` only), and the cells skipped (text, blank) with why. `period` and
    `unit` are hints used where the table states none. Raises TableScaffoldError."""
    table = source.table
    if table is None:
        raise TableScaffoldError(f"source {source.meta.id!r} is a text, not a table; use --source and --find")
    if not row and not column:
        raise TableScaffoldError("give --row, --column or both")
    rows = table.row_index(row) if row else list(range(len(table.rows)))
    columns = table.column_index(column) if column else list(range(1, len(table.headers)))
    if row and len(rows) != 1:
        listed = ", ".join(repr(label[0].text) for label in table.rows[:15])
        raise TableScaffoldError(f"{len(rows)} rows labelled {row!r} in {table.where()} (its rows: {listed})")
    if column and len(columns) != 1:
        listed = ", ".join(repr(header.text) for header in table.headers[1:])
        raise TableScaffoldError(f"{len(columns)} columns headed {column!r} in {table.where()} (its columns: {listed})")
    figures, skipped = [], []
    for row_index in rows:
        for column_index in columns:
            cell = table.cell(row_index, column_index)
            if cell is None or not table.headers[column_index].text:
                continue
            try:
                number = source.numbers.number(cell)
            except CellError as error:
                skipped.append(f"{cell.reference} {error}")
                continue
            figures.append(_figure(source, catalogue, row_index, column_index, number, period, unit))
    if not figures:
        raise TableScaffoldError("no cell there holds a number: " + "; ".join(skipped))
    return figures, skipped


def _figure(source, catalogue, row_index: int, column_index: int, number, period_hint, unit_hint) -> CellFigure:
    table = source.table
    row_label, column_label = table.rows[row_index][0].text, table.headers[column_index].text
    places = (column_label, row_label, table_name(source), source.meta.title)
    scale = next((found for found in map(label_scale, places[:3]) if found is not None), 1.0)
    periods = next((found for found in map(header_periods, places) if found), ())
    if len(periods) > 1 or (not periods and not period_hint):
        stated = f"states {', '.join(periods)}" if periods else "states no period"
        raise TableScaffoldError(f"cell {row_label!r} × {column_label!r} {stated}; give --period")
    texts = [row_label, column_label, *(cell.text for cell in table.rows[row_index][1:] if cell.number is None)]
    named = list(dict.fromkeys(m.unit_id for text in texts for m in catalogue.find(text))) if catalogue else []
    if len(named) > 1:
        raise TableScaffoldError(
            f"cell {row_label!r} × {column_label!r} names {', '.join(named)}; give --reporting-unit"
        )
    unit = (named[0] if named else None) or unit_hint or source.meta.reporting_unit
    if unit is None:
        raise TableScaffoldError(
            f"cell {row_label!r} × {column_label!r} names no reporting unit, and the source is no unit's own "
            "publication; give --reporting-unit"
        )
    ranked = _ranked(source, column_index)
    return CellFigure(
        row_label,
        column_label,
        table.rows[row_index][column_index].text,
        number.readings[0],
        SCALE_OF_FACTOR.get(scale, "one"),
        periods[0] if periods else period_hint,
        unit,
        number.percent or "%" in column_label or "%" in row_label,
        number.denominator or ranked,
    )


def _ranked(source, column_index: int) -> float | None:
    """N of a rank column ('Xếp hạng', 'Rank'): the table's stated `ranked`, else its ranked rows."""
    header = source.table.headers[column_index].text.lower()
    if not any(word in header for word in ("hạng", "rank")):
        return None
    info = source.meta.table
    if info is not None and info.ranked:
        return float(info.ranked)
    ranks = []
    for row in source.table.rows:
        try:
            ranks.append(source.numbers.number(row[column_index]).readings[0])
        except (CellError, IndexError):
            continue
    stated = [mention.value for mention in find_numbers(header) if ranks and mention.value >= max(ranks)]
    return stated[0] if stated else float(len(ranks))  # "Xếp hạng (trên 63)", else the rows it ranks


def kind_of(figure: CellFigure) -> str:
    """The kind a new indicator of these cells has: rank, share or count."""
    if figure.out_of is not None:
        return "rank"
    return "share" if figure.percent else "count"


def observation(figure: CellFigure, source_id: str, indicator_unit: str, indicator_scale: float) -> dict:
    """The observation (plain data, in the order files write it) citing the cell."""
    value = float(f"{figure.value * SCALES[figure.scale].factor / indicator_scale:.12g}")  # no 100.00000000000001
    value = int(value) if value.is_integer() else value
    fields: dict = {"value": value}
    if figure.out_of is not None:
        fields["out_of"] = int(figure.out_of) if float(figure.out_of).is_integer() else figure.out_of
    fields["period"] = figure.period
    if figure.reporting_unit != indicator_unit:
        fields["reporting_unit"] = figure.reporting_unit
    fields["source"] = source_id
    fields["cell"] = {"row": figure.row, "column": figure.column}
    return fields
