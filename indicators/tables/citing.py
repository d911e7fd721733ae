"""A cited cell found in its table, and written out for readers."""

from __future__ import annotations

from indicators.evidence import Finding
from indicators.tables.sheets import TableCell, cell_labels


def citation(source, cell) -> str:
    """The cell as a reader sees it cited, in any language: the table's number and title,
    the row's label × the column's header, and the cell as printed:
    'Bảng 3. Chỉ số DTI 2023 — Hà Nội × Điểm: 0,6431'."""
    cell = cell_labels(cell)
    if source is None or source.table is None:
        return f"{cell['row']} × {cell['column']}"
    _, located = locate(source, cell)
    printed = f": {located[2].text}" if located else ""
    return f"{table_name(source)} — {cell['row']} × {cell['column']}{printed}"


def table_name(source) -> str:
    """'Bảng 3. Title' (the table's number and title as printed), or the source's title."""
    info = source.meta.table
    if info is None:
        return source.meta.title
    number = f"{info.number}. " if info.number else ""
    return f"{number}{info.title or source.meta.title}"


def locate(source, cell: dict) -> tuple[list[Finding], tuple[int, int, TableCell] | None]:
    table = source.table
    rows, columns = table.row_index(cell["row"]), table.column_index(cell["column"])
    where = table.where()
    if not rows:
        listed = ", ".join(repr(row[0].text) for row in table.rows[:12])
        message = (
            f"{where} has no row labelled {cell['row']!r} (its rows: {listed}{'…' if len(table.rows) > 12 else ''})"
        )
        return [Finding(("cell", "row"), message, "cell-not-in-table")], None
    if not columns:
        listed = ", ".join(repr(header.text) for header in table.headers[1:] if header.text)
        message = f"{where} has no column headed {cell['column']!r} (its columns: {listed})"
        return [Finding(("cell", "column"), message, "cell-not-in-table")], None
    if len(rows) > 1:
        lines = ", ".join(table.rows[index][0].reference for index in rows)
        message = f"{where} has {len(rows)} rows labelled {cell['row']!r} ({lines}); the citation is ambiguous"
        return [Finding(("cell", "row"), message, "table-row-duplicate")], None
    if len(columns) > 1:
        message = f"{where} has {len(columns)} columns headed {cell['column']!r}; the citation is ambiguous"
        return [Finding(("cell", "column"), message, "cell-not-in-table")], None
    found = table.cell(rows[0], columns[0])
    if found is None:
        message = f"{where}: row {cell['row']!r} has no cell under column {cell['column']!r}"
        return [Finding(("cell",), message, "cell-not-a-number")], None
    return [], (rows[0], columns[0], found)


def table_frame(source):
    """The table as a DataFrame of its cells as printed (text; columns: the headers, the
    first the row labels; a blank or repeated header gets its cell reference), and the
    (row, column) positions of that frame."""
    import pandas as pd

    table = source.table
    names, seen = [], set()
    for header in table.headers:
        name = header.text if header.text and header.text not in seen else f"{header.text or '—'} ({header.reference})"
        seen.add(name)
        names.append(name)
    cells = [[cell.text for cell in row] + [""] * (len(names) - len(row)) for row in table.rows]
    return pd.DataFrame(cells, columns=names, dtype=object)


def cited_positions(source, cells) -> set[tuple[int, int]]:
    """(row index, column index) in `table_frame` of each cited cell that is in the table."""
    found = set()
    for cell in cells:
        _, located = locate(source, cell_labels(cell))
        if located is not None:
            found.add((located[0], located[1]))
    return found
