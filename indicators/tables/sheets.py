"""Reading a table source (`data/sources/<id>.csv` or `<id>.xlsx`) into a `Table`.

A table is its header row (the column labels as printed; the first is the row labels'
own header and may be blank) and its rows (a row label, then the cells as printed).
Problems of the file itself are reported with the file and the cell (`B3`):
- a blank column header (a merged header leaves all but its first cell blank) is an
  error: such a column cannot be cited (`table-header-blank`);
- two rows with one label is a warning; citing that label is an error (`table-row-duplicate`);
- a file over `MAX_TABLE_BYTES` (an XLSX sheet: its uncompressed XML) is not read
  (`file-too-large`); an unreadable workbook or a missing sheet is `table-unreadable`.
XLSX cells are read with openpyxl as their cached values (`data_only=True`): a formula
is never evaluated, and one that was never calculated (no cached value) is a text cell
`=…` the proof refuses.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from indicators.files import decode_text
from indicators.problems import Problem, display_path
from indicators.text import fold

MAX_TABLE_BYTES = 5_000_000  # a CSV file, or one XLSX sheet's XML once uncompressed
MAX_TABLE_CELLS = 200_000
TABLE_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class TableCell:
    """One cell: its text as printed, and where it stands (`reference` as a spreadsheet
    names it, `B3`; `line` is the CSV line or the sheet's row). `number` is the value an
    XLSX cell stores as a number (None for text, and for every CSV cell)."""

    text: str
    reference: str
    line: int
    column: int
    number: float | None = None
    formula: str | None = None  # the formula of an XLSX cell whose cached value `text` is


@dataclass(frozen=True)
class Table:
    """A table source's cells. `headers[0]` heads the row labels; `rows[i][0]` is a row's label."""

    path: Path
    headers: tuple[TableCell, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    sheet: str | None = None

    @cached_property
    def column_labels(self) -> tuple[str, ...]:
        return tuple(fold(cell.text) for cell in self.headers[1:])

    @cached_property
    def row_labels(self) -> tuple[str, ...]:
        return tuple(fold(row[0].text) if row else "" for row in self.rows)

    def column_index(self, label: str) -> list[int]:
        """Indexes (1-based, as in a row) of the columns with this label."""
        folded = fold(label)
        return [index + 1 for index, name in enumerate(self.column_labels) if name == folded and name]

    def row_index(self, label: str) -> list[int]:
        folded = fold(label)
        return [index for index, name in enumerate(self.row_labels) if name == folded and name]

    def cell(self, row: int, column: int) -> TableCell | None:
        cells = self.rows[row]
        return cells[column] if column < len(cells) else None

    def where(self) -> str:
        return display_path(self.path) + (f" (sheet {self.sheet!r})" if self.sheet else "")


def cell_labels(cell) -> dict:
    """{"row": ..., "column": ...} of a CellCitation or of its dict."""
    return cell if isinstance(cell, dict) else {"row": cell.row, "column": cell.column}


def reference(line: int, column: int) -> str:
    """`B3` for line 3, column 2 (both 1-based)."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{line}"


def read_table(path: Path, sheet: str | None, problems: list[Problem]) -> Table | None:
    """The table in `path` (a CSV file, or the sheet `sheet` of an XLSX workbook), with
    the file's problems added to `problems`; None when it cannot be read at all."""
    try:
        size = path.stat().st_size
    except OSError as error:
        problems.append(Problem(display_path(path), 1, 1, "-", f"cannot read: {error.strerror}", "file-unreadable"))
        return None
    if size > MAX_TABLE_BYTES and path.suffix == ".csv":
        message = f"the table is {size:,} bytes, more than the limit of {MAX_TABLE_BYTES:,}; not read"
        problems.append(Problem(display_path(path), 1, 1, "-", message, "file-too-large"))
        return None
    cells = _xlsx_cells(path, sheet, problems) if path.suffix == ".xlsx" else _csv_cells(path, problems)
    if cells is None:
        return None
    return _table(path, sheet, cells, problems)


def table_from_bytes(
    raw: bytes, suffix: str, sheet: str | None, name: str = "upload"
) -> tuple[Table | None, list[Problem]]:
    """A table from an upload's bytes (see `read_table`), and its problems."""
    import tempfile

    problems: list[Problem] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}{suffix}"
        path.write_bytes(raw)
        table = read_table(path, sheet, problems)
    if table is not None:
        table = Table(Path(f"{name}{suffix}"), table.headers, table.rows, table.sheet)
    return table, [
        Problem(f"{name}{suffix}", p.line, p.column, p.field, p.message, p.code, p.severity) for p in problems
    ]


def _csv_cells(path: Path, problems: list[Problem]) -> list[list[TableCell]] | None:
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(display_path(path), 1, 1, "-", f"cannot read: {error.strerror}", "file-unreadable"))
        return None
    try:
        text, _ = decode_text(raw, MAX_TABLE_BYTES)
    except Exception as error:  # TextError: not UTF-8, binary
        code = getattr(error, "code", "encoding-invalid")
        problems.append(Problem(display_path(path), getattr(error, "line", 1), 1, "-", str(error), code))
        return None
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), strict=True)
    rows, line = [], 1
    try:
        for record in reader:
            rows.append(
                [
                    TableCell(value.strip(), reference(line, index + 1), line, index + 1)
                    for index, value in enumerate(record)
                ]
            )
            line = reader.line_num + 1
    except csv.Error as error:
        problems.append(
            Problem(display_path(path), reader.line_num, 1, "-", f"not valid CSV: {error}", "table-unreadable")
        )
        return None
    return rows


def _xlsx_cells(path: Path, sheet: str | None, problems: list[Problem]) -> list[list[TableCell]] | None:
    import openpyxl  # only tables need it

    where = display_path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = max(
                (info.file_size for info in archive.infolist() if info.filename.startswith("xl/worksheets/")), default=0
            )
    except (OSError, zipfile.BadZipFile) as error:
        problems.append(Problem(where, 1, 1, "-", f"not an XLSX workbook: {error}", "table-unreadable"))
        return None
    if unpacked > MAX_TABLE_BYTES:
        message = f"a sheet is {unpacked:,} bytes once unpacked, more than the limit of {MAX_TABLE_BYTES:,}; not read"
        problems.append(Problem(where, 1, 1, "-", message, "file-too-large"))
        return None
    try:
        values = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        problems.append(Problem(where, 1, 1, "-", f"the workbook cannot be read: {error}", "table-unreadable"))
        return None
    try:
        names = values.sheetnames
        if sheet is None or sheet not in names:
            message = f"the workbook has no sheet {sheet!r}; its sheets: {', '.join(names)}; name one as table.sheet"
            problems.append(Problem(where, 1, 1, "table.sheet", message, "table-unreadable"))
            return None
        rows = []
        value_rows = values[sheet].iter_rows(values_only=True)
        formula_rows = formulas[sheet].iter_rows(values_only=True)
        for line, (stored, written) in enumerate(zip(value_rows, formula_rows, strict=False), start=1):
            rows.append(
                [
                    _xlsx_cell(value, formula, line, index + 1)
                    for index, (value, formula) in enumerate(zip(stored, written, strict=False))
                ]
            )
            if line * max(len(stored), 1) > MAX_TABLE_CELLS:
                problems.append(
                    Problem(where, line, 1, "-", f"more than {MAX_TABLE_CELLS:,} cells; not read", "file-too-large")
                )
                return None
        return rows
    finally:
        values.close()
        formulas.close()


def _xlsx_cell(value, formula, line: int, column: int) -> TableCell:
    formula_text = formula if isinstance(formula, str) and formula.startswith("=") else None
    if value is None:
        text = formula_text or ""  # a formula never calculated: no cached value, shown as written
        return TableCell(text, reference(line, column), line, column, None, formula_text)
    if isinstance(value, bool):
        return TableCell(str(value), reference(line, column), line, column, None, formula_text)
    if isinstance(value, int | float):
        number = float(value)
        text = str(int(number)) if number.is_integer() else repr(number)
        return TableCell(text, reference(line, column), line, column, number, formula_text)
    return TableCell(str(value).strip(), reference(line, column), line, column, None, formula_text)


def _table(path: Path, sheet: str | None, cells: list[list[TableCell]], problems: list[Problem]) -> Table | None:
    where = display_path(path)
    cells = [row for row in cells if any(cell.text for cell in row)]  # blank lines between blocks
    if not cells:
        problems.append(Problem(where, 1, 1, "-", "the table is empty", "table-unreadable"))
        return None
    headers, rows = cells[0], cells[1:]
    width = max(len(row) for row in cells)
    while width > 1 and all(len(row) < width or not row[width - 1].text for row in cells):
        width -= 1  # trailing empty columns
    headers = headers[:width]
    for cell in headers[1:]:
        if not cell.text:
            message = (
                f"cell {cell.reference}: the column header is blank (a merged or missing header); write the header "
                "printed above this column in every one of its cells"
            )
            problems.append(Problem(where, cell.line, cell.column, cell.reference, message, "table-header-blank"))
    seen: dict[str, TableCell] = {}
    for row in rows:
        label = fold(row[0].text) if row else ""
        if label and label in seen:
            first = seen[label]
            message = (
                f"cell {row[0].reference}: the row label {row[0].text!r} is also the label of row {first.line} "
                f"({first.reference}); a citation of it would be ambiguous"
            )
            problems.append(Problem(where, row[0].line, 1, row[0].reference, message, "table-row-duplicate", "warning"))
        seen.setdefault(label, row[0])
    return Table(path, tuple(headers), tuple(tuple(row[:width]) for row in rows), sheet)
