"""What the document around a quote proves: the period in force at its sentence (set by
the title, a heading or a sentence before), and the province a source speaks for."""

from __future__ import annotations

from dataclasses import dataclass

from indicators.numbers import find_numbers, same_number
from indicators.reading import PeriodContext, SentenceReading, read_document
from indicators.registry import SourceDocument
from indicators.reporting_units import ReportingUnit, UnitCatalogue


@dataclass(frozen=True)
class ContextVerdict:
    """`agrees`: the period in force is the observation's; otherwise `message` names the
    period the document states and the sentence that states it."""

    agrees: bool
    context: PeriodContext
    message: str = ""


def period_in_force(
    source: SourceDocument, quote: str, label: str, catalogue: UnitCatalogue, value: float | None = None
) -> ContextVerdict | None:
    """Whether the period the document has in force at the quote's sentence (for a table row
    under a header of years, at the cell that holds `value`) is `label`; None when the quote
    is not one sentence of the source or no period is in force there."""
    holding = read_document(source, catalogue).holding(quote)
    if len(holding) == 1 and holding[0].columns and value is not None:
        return _column_verdict(holding[0], label, value)
    contexts = {sentence.context for sentence in holding if sentence.context.label}
    if len(holding) != 1 or len(contexts) != 1:
        return None
    context = contexts.pop()
    if label in context.labels:
        return ContextVerdict(True, context)
    message = (
        f"the document states {context.label} ('{context.words}') for this sentence, in: '{_short(context.quote)}', "
        f"not {label}; file it under {context.label} with that sentence as period_quote"
    )
    return ContextVerdict(False, context, message)


def sentence_reading(
    source: SourceDocument | None, quote: str, catalogue: UnitCatalogue | None
) -> SentenceReading | None:
    """The reading of the one sentence of the source that holds the quote, or None."""
    if source is None or not quote:
        return None
    holding = read_document(source, catalogue).holding(quote)
    return holding[0] if len(holding) == 1 else None


def _column_verdict(row: SentenceReading, label: str, value: float) -> ContextVerdict | None:
    """The year of the one column whose cell holds `value` ("Bắc Ninh | 49,86 | 51,20" under
    "Địa phương | 2022 | 2023"), against `label`; None when no cell or several hold it."""
    years = {
        year
        for mention in find_numbers(row.text)
        if same_number(mention.value, value) and (year := row.column_of(mention.start)) is not None
    }
    if len(years) != 1:
        return None
    year = years.pop()
    context = PeriodContext(year, year, row.header, "heading", row.line, "")
    if label == year:
        return ContextVerdict(True, context)
    message = f"the table gives this value in the column '{year}' of its header '{_short(row.header)}', not {label}"
    return ContextVerdict(False, context, message)


def publishers_province(source: SourceDocument | None, catalogue: UnitCatalogue) -> ReportingUnit | None:
    """The province whose own publication the source is (its metadata's reporting_unit), or None."""
    unit_id = source.meta.reporting_unit if source is not None else None
    if unit_id is None or unit_id not in catalogue or catalogue.level(unit_id) != "province":
        return None
    return catalogue.latest(unit_id)


def _short(text: str, size: int = 90) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
