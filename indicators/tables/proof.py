"""The proof of an observation that cites a table cell (`cell: {row, column}`).

Like a quote's proof (`indicators.checks`, `indicators.evidence`), with the table's
labels in the sentence's place:
- the row and column labels name exactly one cell (`cell-not-in-table`, `table-row-duplicate`);
- the cell holds the value (`value-not-in-cell`, `cell-not-a-number`): the same number
  readings as sentences, times the scale word its column, row or the table's title gives
  ("(triệu người)"), or in the indicator's own unit when none does; `out_of` is the
  cell's denominator (`86/193`), a number its headers or title state, or the count of
  ranked rows in its column; a footnote marker is a warning (`cell-footnote`);
- the period is the one its column states, else its row, else the table's title
  (`period-not-in-cell`);
- the reporting unit is one its row or column names (same catalogue and written
  forms), else the one the table's title names or the source's own; a national
  figure's labels must not name another unit; the unit must be in force in the period
  (`geography-not-in-cell`, `reporting-unit-not-in-force`).
"""

from __future__ import annotations

from indicators.evidence import Finding
from indicators.models import IndicatorInfo
from indicators.numbers import find_numbers, same_number
from indicators.periods import parse_period
from indicators.reporting_units import UnitCatalogue
from indicators.tables.cells import CellError, header_periods, label_scale
from indicators.tables.citing import locate, table_name
from indicators.tables.sheets import TableCell, cell_labels


def cell_findings(indicator: IndicatorInfo, fields: dict, source, catalogue: UnitCatalogue | None) -> list[Finding]:
    """Findings about an observation that cites a cell (`fields`: every Observation
    field, `cell` a dict with `row` and `column`)."""
    if source is None:
        return [Finding(("source",), f"no source {fields['source']!r} in data/sources/", "source-unknown")]
    if source.table is None:
        message = f"source {source.meta.id!r} is a text, not a table; cite it with a quote"
        return [Finding(("cell",), message, "cell-not-in-table")]
    fields = {**fields, "cell": cell_labels(fields["cell"])}
    found, located = locate(source, fields["cell"])
    if located is None:
        return found
    row, column, cell = located
    found += _value_findings(indicator, fields, source, row, column, cell)
    if any(finding.severity == "error" for finding in found):
        return found
    found += _period_findings(fields, source, row, column, cell)
    found += _unit_findings(indicator, fields, source, row, column, cell, catalogue)
    return found


def _value_findings(indicator, fields, source, row: int, column: int, cell: TableCell) -> list[Finding]:
    table = source.table
    at = f"{table.where()} cell {cell.reference} (row {fields['cell']['row']!r}, column {fields['cell']['column']!r})"
    try:
        number = source.numbers.number(cell)
    except CellError as error:
        return [Finding(("cell",), f"{at} {error}", "cell-not-a-number")]
    value, out_of = fields["value"], fields["out_of"]
    labels = (table.headers[column].text, table.rows[row][0].text, table_name(source))
    scale = next((found for found in map(label_scale, labels) if found is not None), None)
    if indicator.kind == "change":
        value = abs(value)
        readings = tuple(abs(reading) for reading in number.readings)
    else:
        readings = number.readings
    wanted = value * indicator.scale_factor
    states = any(
        same_number(reading * scale, wanted)
        if scale is not None
        else same_number(reading, value) or same_number(reading, wanted)
        for reading in readings
    )
    found = []
    if not states:
        read = " or ".join(f"{reading:.15g}" for reading in number.readings)
        scaled = f" × {scale:.15g}" if scale else ""
        message = f"{at} holds {cell.text!r} = {read}{scaled}, not {fields['value']:.15g}"
        found.append(Finding(("value",), message, "value-not-in-cell"))
    ranked = source.meta.table.ranked if source.meta.table else None
    if out_of is not None and not (
        (ranked is not None and same_number(ranked, out_of))
        or _out_of_stated(out_of, number.denominator, labels, table, column)
    ):
        message = (
            f"{at}: out_of {out_of:g} is not stated by the cell, its headers, the table's title or its `ranked`, "
            "nor is it the number of ranked rows in the column"
        )
        found.append(Finding(("out_of",), message, "value-not-in-cell"))
    if number.marker:
        message = (
            f"{at} carries the footnote marker {number.marker!r}; read the footnote and say what it changes in a note"
        )
        if not fields.get("note"):
            found.append(Finding(("cell",), message, "cell-footnote", "warning"))
    return found


def _out_of_stated(out_of: float, denominator: float | None, labels: tuple[str, ...], table, column: int) -> bool:
    if denominator is not None:
        return same_number(denominator, out_of)
    for label in labels:
        for mention in find_numbers(label):
            if any(same_number(reading, out_of) for reading in mention.readings) or (
                mention.denominator is not None and same_number(mention.denominator, out_of)
            ):
                return True
    ranked = 0
    for row in table.rows:
        cell = row[column] if column < len(row) else None
        if cell is not None and (cell.number is not None or cell.text[:1].isdigit()):
            ranked += 1
    return ranked == out_of


def _period_findings(fields, source, row: int, column: int, cell: TableCell) -> list[Finding]:
    try:
        period = parse_period(fields["period"], fields["period_start"])
    except ValueError:
        return []  # reported as period-invalid
    if period.kind == "other":
        return []
    table = source.table
    places = (
        ("column", table.headers[column].text),
        ("row", table.rows[row][0].text),
        ("table title", table_name(source)),
        ("source's title", source.meta.title),
    )
    for place, text in places:
        labels = header_periods(text)
        if labels:
            if period.label in labels:
                return []
            message = (
                f"{table.where()} cell {cell.reference}: its {place} {text!r} states {', '.join(labels)}, "
                f"not {period.label}"
            )
            return [Finding(("period",), message, "period-not-in-cell")]
    message = (
        f"{table.where()} cell {cell.reference}: neither its column {places[0][1]!r}, its row {places[1][1]!r} "
        f"nor the table's or the source's title states a period"
    )
    return [Finding(("period",), message, "period-not-in-cell")]


def _unit_findings(indicator, fields, source, row: int, column: int, cell: TableCell, catalogue) -> list[Finding]:
    if catalogue is None:
        return []
    unit_id = fields["reporting_unit"] or indicator.reporting_unit
    location = ("reporting_unit",)
    if unit_id not in catalogue:
        return [
            Finding(
                location, f"unknown reporting unit {unit_id!r}; see data/reporting-units/", "reporting-unit-unknown"
            )
        ]
    table = source.table
    at = f"{table.where()} cell {cell.reference}"
    labels = (table.rows[row][0].text, table.headers[column].text)
    # the row's label, the column's header, and the row's text cells (a "Country" column)
    texts = [
        *labels,
        *(other.text for other in table.rows[row][1:] if other.number is None and not other.text[:1].isdigit()),
    ]
    named = list(dict.fromkeys(mention.unit_id for text in texts for mention in catalogue.find(text)))
    name = catalogue.latest(unit_id).name
    if named and unit_id not in named:
        others = ", ".join(catalogue.latest(other).name for other in named)
        message = f"{at}: its row {labels[0]!r} (or a text cell of the row) and column {labels[1]!r} name {others}, not {name}"
        return [Finding(location, message, "geography-not-in-cell")]
    if not named:
        in_title = any(mention.unit_id == unit_id for mention in catalogue.find(table_name(source)))
        if not in_title and source.meta.reporting_unit != unit_id:
            message = (
                f"{at}: neither its row {labels[0]!r}, its column {labels[1]!r} nor the table's title names {name}, "
                f"and the source is not {name}'s own publication"
            )
            return [Finding(location, message, "geography-not-in-cell")]
    return _not_in_force(unit_id, fields, catalogue, location)


def _not_in_force(unit_id: str, fields: dict, catalogue: UnitCatalogue, location: tuple) -> list[Finding]:
    try:
        period = parse_period(fields["period"], fields["period_start"])
    except ValueError:
        return []
    days = [period.start] if period.kind in ("range", "other") else [period.start, period.end]
    if all(catalogue.at(unit_id, day) is not None for day in days if day is not None):
        return []
    latest = catalogue.latest(unit_id)
    successor = f"; file it under {latest.successor}" if latest.successor else ""
    message = f"{latest.name} was not in force in {period.label}{successor}"
    return [Finding(location, message, "reporting-unit-not-in-force")]
