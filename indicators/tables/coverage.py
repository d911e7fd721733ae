"""Which numeric cells of a table source the registry cites: every cell that reads as a
number (the row labels aside) is a claim, cited by an observation that names its row
and column, waived by a waiver naming its row, its column or both, or uncited."""

from __future__ import annotations

from indicators.tables.cells import CellError
from indicators.tables.sheets import cell_labels
from indicators.text import fold


def table_claims(
    source_id: str, source, cited: list[tuple[str, dict]], waivers: list, claim_type
) -> tuple[list, set[int]]:
    """The claims of one table source (`claim_type`: coverage's Claim) and the indexes of
    the waivers used. `cited`: (indicator id, cell) of each observation citing the source;
    `waivers`: (index, waiver) of the source's waivers."""
    table, numbers = source.table, source.numbers
    citing: dict[tuple[str, str], list[str]] = {}
    for indicator_id, cell in cited:
        labels = cell_labels(cell)
        citing.setdefault((fold(labels["row"]), fold(labels["column"])), []).append(indicator_id)
    claims, used = [], set()
    for row_index, row in enumerate(table.rows):
        for column_index, cell in enumerate(row[1:], start=1):
            try:
                number = numbers.number(cell)
            except CellError:
                continue
            key = (table.row_labels[row_index], table.column_labels[column_index - 1])
            sentence = f"{row[0].text} × {table.headers[column_index].text}"
            claim = claim_type(source_id, cell.line, cell.column, sentence, cell.text, number.readings[0], "uncited")
            if key in citing:
                claims.append(
                    claim.__class__(
                        **{**claim.__dict__, "status": "cited", "cited_by": tuple(dict.fromkeys(citing[key]))}
                    )
                )
                continue
            waiver = next(
                (
                    (index, waiver)
                    for index, waiver in waivers
                    if (waiver.row or waiver.column)
                    and (waiver.row is None or fold(waiver.row) == key[0])
                    and (waiver.column is None or fold(waiver.column) == key[1])
                ),
                None,
            )
            if waiver is not None:
                used.add(waiver[0])
                claims.append(claim.__class__(**{**claim.__dict__, "status": "waived", "reason": waiver[1].reason}))
            else:
                claims.append(claim)
    return claims, used
