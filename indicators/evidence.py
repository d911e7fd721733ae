"""When and where: does the sentence file the figure under the observation's period and
reporting unit? (`citations.py` proves the value; this module proves the rest.)

Period (`period-not-in-quote`, an error; `period-unsupported`, a warning):
- the period the quote gives the figure (see `indicators.statements`) must be the
  observation's: a year the sentence does not state, two values swapped between their
  years, or a list position taken by another value is an error;
- a quote that states no period for the figure needs a `period_quote` (a sentence of
  the same source that states one period: it must be verbatim in the source and state
  the observation's period), or present-tense wording (`hiện có`, `đến nay`) with the
  period at the source's date; otherwise a warning says what to add;
- a free label with `period_start` is accepted as an inferred period.
Reporting unit (`geography-not-in-quote`, `reporting-unit-unknown`, `reporting-unit-not-in-force`):
- a province, ministry or bloc must be named by the quote, by its period_quote, or be the
  source's own (`reporting_unit` of the source), and the quote must not give the figure to
  another unit; a national figure's quote must not give it to one province, ministry or bloc;
- the unit must be in force in the period (a province merged on 1 July 2025 has no later figures).
"""

from __future__ import annotations

from dataclasses import dataclass

from indicators.citations import stating_mentions
from indicators.models import IndicatorInfo, Target
from indicators.numbers import NumberMention, find_numbers
from indicators.periods import Period, parse_period
from indicators.proofs.context import period_in_force, publishers_province, sentence_reading
from indicators.registry import SourceDocument
from indicators.reporting_units import UnitCatalogue
from indicators.statements import PeriodOf, Statement, analyse
from indicators.text import fold


@dataclass(frozen=True)
class Finding:
    location: tuple  # inside the observation (or the target)
    message: str
    code: str
    severity: str = "error"


class Evidence:
    """Checks of period and reporting unit against quotes; sentence analyses are kept per quote."""

    def __init__(self, catalogue: UnitCatalogue | None, sources: dict[str, SourceDocument]):
        self.catalogue = catalogue
        self.sources = sources
        self._statements: dict[str, Statement] = {}

    def statement(self, text: str) -> Statement:
        folded = fold(text)
        found = self._statements.get(folded)
        if found is None:
            found = self._statements[folded] = analyse(folded, self.catalogue)
        return found

    # --- periods ---------------------------------------------------------
    def period_findings(self, indicator: IndicatorInfo, fields: dict) -> list[Finding]:
        """Findings about an observation's period (`fields`: every Observation field)."""
        try:
            period = parse_period(fields["period"], fields["period_start"])
        except ValueError:
            return []  # reported as period-invalid
        if period.kind == "other":
            return []  # a free label, inferred: its period_start says where it sorts
        source = self.sources.get(fields["source"])
        statement = self.statement(fields["quote"])
        figures = self._figures(statement, indicator, fields["value"], fields["out_of"])
        if not figures:
            return []  # reported as value-not-in-quote
        given = [statement.period_of(figure) for figure in figures]
        stated = [found for found in given if found.how in ("sentence", "list-position")]
        labels = {label for found in stated for label in self._labels(found, source, fields["quote"])}
        if labels:
            if period.label in labels:
                return []
            return [Finding(("period",), self._wrong_period(period, stated, statement, source), "period-not-in-quote")]
        unsupported = next((found for found in given if found.how == "unsupported"), None)
        if unsupported is not None:
            message = f"{unsupported.reason} ('{unsupported.mention.text}'), not {period.label}; file it under a free label with period_start"
            return [Finding(("period",), message, "period-not-in-quote")]
        unclear = next((found.reason for found in given if "lần lượt" in found.reason or "listed" in found.reason), "")
        if unclear:
            message = f"the quote does not say which period this value is for: {unclear}"
            return [Finding(("period",), message, "period-not-in-quote")]
        return self._period_from_elsewhere(period, fields, source)

    def _labels(self, found: PeriodOf, source: SourceDocument | None, quote: str = "") -> tuple[str, ...]:
        """The labels a period mention stands for; a day or month without a year ("đến ngày
        31/12", "đến cuối quý") takes the document's year (or quarter) at the quote's sentence,
        else the source's year."""
        published = source.meta.published if source else None
        if found.how == "present":
            return (published.isoformat(),) if published else ()
        if found.mention is None:
            return ()
        if source is not None and (found.mention.day_month or found.mention.relative):
            reading = sentence_reading(source, quote, self.catalogue)
            if reading is not None:
                return reading.resolved(found.mention)
        return found.mention.resolved(published.year if published else None)

    def _wrong_period(
        self, period: Period, given: list[PeriodOf], statement: Statement, source: SourceDocument | None
    ) -> str:
        stated = "; ".join(f"'{found.mention.text}'" for found in given if found.mention is not None)
        # with the source's year where the words leave it out ("tính đến 15/11", "năm nay")
        labels = ", ".join(
            dict.fromkeys(label for found in given for label in self._labels(found, source, statement.sentence))
        )
        if found_elsewhere := [m for m in statement.periods if period.label in m.labels]:
            where = f"'{found_elsewhere[0].text}' goes with another figure"
            return f"the quote gives this value for {labels} ({stated}), not {period.label}: {where}"
        return f"the quote gives this value for {labels} ({stated or 'the present'}); it does not state {period.label}"

    def _period_from_elsewhere(self, period: Period, fields: dict, source: SourceDocument | None) -> list[Finding]:
        period_quote = fields.get("period_quote")
        if period_quote:
            return self._period_quote_findings(period, period_quote, source)
        statement = self.statement(fields["quote"])
        if any(mention.role == "present" for mention in statement.periods):
            published = source.meta.published if source else None
            if published is None:
                message = "the quote speaks of the present but the source has no date; add the source's date or a period_quote"
                return [Finding(("period",), message, "period-unsupported", "warning")]
            if period.label != published.isoformat():
                message = f"the quote speaks of the present ('{_present_words(statement)}'): its period is the source's date, {published.isoformat()}"
                return [Finding(("period",), message, "period-not-in-quote")]
            return []
        found = self._context_findings(period, fields["quote"], source, fields.get("value"))
        if found is not None:
            return found
        message = (
            "the quote states no period for this value; add period_quote: a sentence of the same source, "
            f"verbatim, that states {period.label}"
        )
        return [Finding(("period",), message, "period-unsupported", "warning")]

    def _context_findings(
        self, period: Period, quote: str, source: SourceDocument | None, value: float | None = None
    ) -> list[Finding] | None:
        """What the document around the quote says of its period (see `indicators.proofs.context`):
        nothing when it is the observation's, an error naming the sentence when it is another;
        None when the document does not say."""
        if source is None or self.catalogue is None:
            return None
        verdict = period_in_force(source, quote, period.label, self.catalogue, value)
        if verdict is None:
            return None
        return [] if verdict.agrees else [Finding(("period",), verdict.message, "period-not-in-quote")]

    def _period_quote_findings(self, period: Period, period_quote: str, source: SourceDocument | None) -> list[Finding]:
        if source is not None and fold(period_quote) == fold(source.meta.title):
            pass  # the title states the period of the whole document
        elif source is not None and not source.contains(period_quote):
            return [
                Finding(
                    ("period_quote",),
                    f"the period_quote is not verbatim in source {source.meta.id!r}",
                    "quote-not-in-source",
                )
            ]
        published = source.meta.published if source else None
        periods = self.statement(period_quote).periods
        if published is not None and period.label == published.isoformat():
            own = [mention for mention in periods if mention.role == "period"]
            if not own and any(mention.role == "present" for mention in periods):
                return []  # "Hiện 100% cơ quan ...": the present, at the source's date
        reading = sentence_reading(source, period_quote, self.catalogue)
        stated = {
            label
            for mention in periods
            if mention.role == "period"
            for label in (
                reading.resolved(mention)
                if reading is not None
                else mention.resolved(published.year if published else None)
            )
        }
        if (
            period.label in stated
            and len({label for label in stated if label != period.label} - _also(stated, period.label)) == 0
        ):
            return []
        if period.label in stated:
            message = f"the period_quote states several periods ({', '.join(sorted(stated))}); quote a sentence that states only {period.label}"
        else:
            message = f"the period_quote does not state {period.label}" + (
                f" (it states {', '.join(sorted(stated))})" if stated else ""
            )
        return [Finding(("period_quote",), message, "period-not-in-quote")]

    # --- targets ---------------------------------------------------------
    def target_findings(self, indicator: IndicatorInfo, target: Target) -> list[Finding]:
        statement = self.statement(target.quote)
        figures = self._figures(statement, indicator, target.value, None)
        if not figures:
            return []
        source = self.sources.get(target.source)
        years = set()
        for figure in figures:
            for label in self._labels(statement.period_of(figure, target=True), source):
                years.add(label.split("/")[-1][:4])
        if str(target.year) in years:
            return []
        if not years and target.period_quote:
            found = self._period_quote_findings(parse_period(str(target.year)), target.period_quote, source)
            return [Finding(("period_quote",), f.message, f.code, f.severity) for f in found]
        stated = f" (it gives {', '.join(sorted(years))})" if years else ""
        return [
            Finding(
                ("year",),
                f"the quote does not state {target.year} as this target's year{stated}",
                "period-not-in-quote",
            )
        ]

    # --- reporting units --------------------------------------------------
    def unit_findings(self, indicator: IndicatorInfo, fields: dict) -> list[Finding]:
        """Findings about the reporting unit of an observation (every Observation field in `fields`)."""
        catalogue = self.catalogue
        if catalogue is None:
            return []
        unit_id = fields["reporting_unit"] or indicator.reporting_unit
        location = ("reporting_unit",) if fields["reporting_unit"] else ()
        if unit_id not in catalogue:
            if not location:  # the indicator's own unit: reported once, at its own line, by the checker
                return []
            return [Finding(location, unknown_unit(unit_id, catalogue), "reporting-unit-unknown")]
        found = self._not_in_force(unit_id, fields, location)
        if found:
            return found
        statement = self.statement(fields["quote"])
        figures = self._figures(statement, indicator, fields["value"], fields["out_of"])
        given = [statement.unit_of(figure, catalogue) for figure in figures]
        clear = {found.unit_id for found in given if found.how in ("sentence", "list-position") and found.unit_id}
        level = catalogue.level(unit_id)
        name = catalogue.latest(unit_id).name
        if level == "national":
            others = [other for other in clear if catalogue.level(other) != "national"]
            if others and "vn" not in clear:
                other = catalogue.latest(others[0])
                message = f"the quote gives this figure to {other.name}, not the whole country; file it under reporting_unit: {other.id}"
                return [Finding(location or ("reporting_unit",), message, "geography-not-in-quote")]
            own = publishers_province(self.sources.get(fields["source"]), catalogue)
            if own is not None and not statement.units:
                message = (
                    f"the source is {own.name}'s own publication and the quote names no other place: the figure is "
                    f"{own.name}'s; file it under reporting_unit: {own.id}"
                )
                return [Finding(location or ("reporting_unit",), message, "geography-not-in-quote")]
            return []
        if clear and unit_id not in clear:
            other = catalogue.latest(sorted(clear)[0])
            message = f"the quote gives this figure to {other.name}, not {name}"
            return [Finding(location or ("reporting_unit",), message, "geography-not-in-quote")]
        source = self.sources.get(fields["source"])
        named = statement.names(unit_id) or (
            fields.get("period_quote") and self.statement(fields["period_quote"]).names(unit_id)
        )
        if unit_id in clear or named or (source is not None and source.meta.reporting_unit == unit_id):
            return []
        reading = sentence_reading(source, fields["quote"], catalogue)
        if reading is not None and reading.unit is not None and reading.unit.unit_id == unit_id:
            return []  # "Lai Châu xếp thứ 52/63. Toàn tỉnh hiện có ...": the unit a sentence before names
        message = (
            f"the quote does not name {name}; quote a sentence that names it, or mark the source as "
            f"{name}'s own publication (reporting_unit: {unit_id} in its metadata)"
        )
        return [Finding(location or ("reporting_unit",), message, "geography-not-in-quote")]

    def _not_in_force(self, unit_id: str, fields: dict, location: tuple) -> list[Finding]:
        try:
            period = parse_period(fields["period"], fields["period_start"])
        except ValueError:
            return []
        days = [period.start] if period.kind in ("range", "other") else [period.start, period.end]
        if all(self.catalogue.at(unit_id, day) is not None for day in days if day is not None):
            return []
        latest = self.catalogue.latest(unit_id)
        if latest.valid_until is not None and latest.successor:
            successor = self.catalogue.latest(latest.successor)
            taken_over = "its territory is part of" if latest.level == "province" else "its work passed to"
            message = (
                f"{latest.name} ended on {latest.valid_until.isoformat()} ({taken_over} {successor.name}); "
                f"file figures for {period.label} under reporting_unit: {successor.id}"
            )
        else:
            first = self.catalogue.versions[unit_id][0]
            message = f"{latest.name} was not in force in {period.label} (from {first.valid_from or latest.valid_from})"
        return [Finding(location or ("reporting_unit",), message, "reporting-unit-not-in-force")]

    # --- shared ----------------------------------------------------------
    def _figures(
        self, statement: Statement, indicator: IndicatorInfo, value: float, out_of: float | None
    ) -> list[NumberMention]:
        """The figures of the sentence that state the value (any number, when no claim does)."""
        absolute = indicator.kind == "change"
        found = stating_mentions(statement.figures, value, indicator.scale_factor, out_of, absolute)
        return found or stating_mentions(
            find_numbers(statement.sentence), value, indicator.scale_factor, out_of, absolute
        )


def _also(stated: set[str], label: str) -> set[str]:
    """Labels that are another reading of the same words (a year-end date and its year)."""
    return {other for other in stated if other.startswith(label) or label.startswith(other)}


def _present_words(statement: Statement) -> str:
    return next(mention.text for mention in statement.periods if mention.role == "present")


def unknown_unit(unit_id: str, catalogue: UnitCatalogue) -> str:
    """What to say of a reporting unit id that is not in the catalogue: the closest ids
    when some are close ("did you mean 'da-nang'?"), else the forms ids take."""
    closest = catalogue.closest(unit_id)
    if closest:
        listed = " or ".join(repr(known) for known in closest)
        return f"unknown reporting unit {unit_id!r}; did you mean {listed}? (ids are listed in data/reporting-units/)"
    return (
        f"unknown reporting unit {unit_id!r}; use 'vn', a province or city id ('thanh-hoa'), a ministry id "
        "('bo-tai-chinh') or a bloc ('khoi-tinh-thanh') from data/reporting-units/"
    )
