"""Rules that look beyond one field: ids, taxonomy, reporting units, sources, periods,
citations, and agreement between sources of the same figure."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import replace

from indicators.citations import plainly_stated, value_in_quote
from indicators.evidence import Evidence, Finding, unknown_unit
from indicators.models import Indicator, IndicatorInfo, Taxonomy
from indicators.period_mentions import single_plain_period
from indicators.periods import is_valid_period, parse_period
from indicators.problems import Problem, display_path, field_name
from indicators.registry import SourceDocument
from indicators.reporting_units import UnitCatalogue
from indicators.series import Member, conflicts, preferred_twice
from indicators.tables.proof import cell_findings
from indicators.text import fold
from indicators.vocabulary import NON_NEGATIVE_KINDS, OUT_OF_KINDS
from indicators.yaml_reader import YamlDocument

_QUICK_KINDS = frozenset({"count", "amount", "share"})


class IndicatorChecker:
    """Checks one parsed indicator against the taxonomy, the reporting units and the sources."""

    def __init__(
        self, sector_ids: set[str] | None, catalogue: UnitCatalogue | None, sources: dict[str, SourceDocument]
    ):
        """`None` for sectors or the catalogue: it could not be read (that problem is
        reported once, not again for every indicator)."""
        self.sector_ids = sector_ids
        self.catalogue = catalogue
        self.sources = sources
        self.evidence = Evidence(catalogue, sources)

    @classmethod
    def for_taxonomy(
        cls, taxonomy: Taxonomy | None, catalogue: UnitCatalogue | None, sources: dict[str, SourceDocument]
    ) -> IndicatorChecker:
        """A checker for a taxonomy (None: unreadable), reporting units and loaded source documents."""
        return cls({sector.id for sector in taxonomy.sectors} if taxonomy else None, catalogue, sources)

    def check(self, indicator: Indicator, document: YamlDocument) -> tuple[list[Problem], set[int]]:
        """Problems of the file, and the indexes of observations that must be dropped
        (those with an error; a warning keeps the observation)."""
        problems: list[Problem] = []
        bad_observations: set[int] = set()

        def report(location: tuple, finding: Finding) -> None:
            line, column = document.position(location)
            path = display_path(document.path)
            problems.append(
                Problem(path, line, column, field_name(location), finding.message, finding.code, finding.severity)
            )

        for finding in self._indicator_findings(indicator, document.path.stem):
            report(finding.location, finding)
        passes = self._quick_pass(indicator)
        rows = [observation.__dict__ for observation in indicator.observations]
        for index, fields in enumerate(rows):
            if passes(fields):
                continue
            for finding in self._observation_findings(indicator, fields):
                if finding.severity == "error":
                    bad_observations.add(index)
                report(("observations", index, *finding.location), finding)
        kept = [(index, fields) for index, fields in enumerate(rows) if index not in bad_observations]
        for index, finding in self._series_findings(indicator, kept):
            report(("observations", index, *finding.location), finding)
        return once_per_unknown_unit(problems), bad_observations

    def accepts(self, indicator: IndicatorInfo, rows: list[dict], file_stem: str) -> bool:
        """Whether `check` would find nothing at all (no error, no warning), for
        observations given as plain validated dicts (every field present): the
        loader's fast path."""
        if next(self._indicator_findings(indicator, file_stem), None) is not None:
            return False
        passes = self._quick_pass(indicator)
        if not all(passes(row) or not self._observation_findings(indicator, row) for row in rows):
            return False
        return not self._series_findings(indicator, list(enumerate(rows)))

    # --- the indicator ---------------------------------------------------
    def _indicator_findings(self, indicator: IndicatorInfo, file_stem: str) -> Iterator[Finding]:
        if indicator.id != file_stem:
            yield Finding(("id",), f"id {indicator.id!r} must equal the file name {file_stem!r}", "id-mismatch")
        if self.sector_ids is not None and indicator.sector not in self.sector_ids:
            known = ", ".join(sorted(self.sector_ids))
            yield Finding(("sector",), f"unknown sector {indicator.sector!r}; use one of: {known}", "sector-unknown")
        if self.catalogue is not None and indicator.reporting_unit not in self.catalogue:
            message = unknown_unit(indicator.reporting_unit, self.catalogue)
            yield Finding(("reporting_unit",), message, "reporting-unit-unknown")
        for where, target in indicator.all_targets():
            for finding in self._citation_findings(indicator, target.source, target.quote, target.value, None):
                yield Finding((*where, *finding.location), finding.message, finding.code)
            for finding in self.evidence.target_findings(indicator, target):
                yield Finding((*where, *finding.location), finding.message, finding.code, finding.severity)
            unit = target.reporting_unit
            if unit is not None and self.catalogue is not None and unit not in self.catalogue:
                message = f"unknown reporting unit {unit!r}; see data/reporting-units/ ('vn', 'thanh-hoa')"
                yield Finding((*where, "reporting_unit"), message, "reporting-unit-unknown")

    # --- observations ----------------------------------------------------
    def _quick_pass(self, indicator: IndicatorInfo) -> Callable[[dict], bool]:
        """A cheap test, on an observation's fields, that says yes only when the full
        check finds nothing at all (counts, amounts and shares of the indicator's own
        unit, the value and its only period stated plainly: most of them); anything
        else gets the full check."""
        if indicator.kind not in _QUICK_KINDS or indicator.reporting_unit != "vn" or self.catalogue is None:
            return lambda fields: False
        scale = indicator.scale_factor
        may_be_negative = indicator.kind not in NON_NEGATIVE_KINDS
        sources, evidence = self.sources, self.evidence

        def passes(fields: dict) -> bool:
            source = sources.get(fields["source"])
            value = fields["value"]
            if not (
                source is not None
                and source.meta.reporting_unit is None  # a unit's own publication: its figures may be that unit's
                and fields["cell"] is None
                and fields["quote"] is not None
                and fields["out_of"] is None
                and fields["reporting_unit"] is None
                and fields["period_quote"] is None
                and not fields["preferred"]
                and (may_be_negative or value >= 0)
                and math.isfinite(value * scale)
                and is_valid_period(fields["period"], fields["period_start"])
                and source.contains(fields["quote"])
                and plainly_stated(fields["quote"], value, scale)
            ):
                return False
            quote = fields["quote"]
            if quote not in source.sentences:  # a sentence of the source is folded already
                quote = fold(quote)
            period = single_plain_period(quote)
            if period is None or fields["period"] not in period.labels:
                return False
            return evidence.catalogue.names_only_the_nation(quote)

        return passes

    def observation_findings(self, indicator: IndicatorInfo, fields: dict) -> list[Finding]:
        """Every finding of the full proof of one observation (`fields`: every Observation
        field, as `Observation.__dict__` holds them): value, period and reporting unit."""
        return self._observation_findings(indicator, fields)

    def _observation_findings(self, indicator: IndicatorInfo, fields: dict) -> list[Finding]:
        found = []
        try:
            parse_period(fields["period"], fields["period_start"])
        except ValueError as error:
            found.append(Finding(("period",), str(error), "period-invalid"))
        value, out_of = fields["value"], fields["out_of"]
        if value < 0 and indicator.kind in NON_NEGATIVE_KINDS:
            found.append(Finding(("value",), f"a {indicator.kind} cannot be negative ({value:g})", "value-invalid"))
        if out_of is None and indicator.kind in OUT_OF_KINDS:
            found.append(Finding(("out_of",), f"a {indicator.kind} needs out_of (193 in '86/193')", "out-of-missing"))
        if out_of is not None and value > out_of:
            found.append(Finding(("value",), f"{value:g} is larger than out_of {out_of:g}", "value-invalid"))
        if not math.isfinite(value * indicator.scale_factor):
            found.append(Finding(("value",), "value overflows once scaled; check the scale", "value-invalid"))
            return found
        evidence = _evidence_findings(fields)
        if evidence or fields["cell"] is not None:
            source = self.sources.get(fields["source"])
            return found + (evidence or cell_findings(indicator, fields, source, self.catalogue))
        citation = list(self._citation_findings(indicator, fields["source"], fields["quote"], value, out_of))
        found.extend(citation)
        if not citation and not found:
            found.extend(self.evidence.period_findings(indicator, fields))
        if not citation:
            found.extend(self.evidence.unit_findings(indicator, fields))
        return found

    def _citation_findings(
        self, indicator: IndicatorInfo, source_id: str, quote: str, value: float, out_of: float | None
    ) -> Iterator[Finding]:
        source = self.sources.get(source_id)
        if source is None:
            yield Finding(("source",), f"no source {source_id!r} in data/sources/", "source-unknown")
        elif not source.contains(quote):
            yield Finding(("quote",), _quote_miss(quote, source.folded, source_id), "quote-not-in-source")
        reason = value_in_quote(quote, value, indicator.scale_factor, out_of, absolute=indicator.kind == "change")
        if reason:
            yield Finding(("value",), reason, "value-not-in-quote")

    # --- the series ------------------------------------------------------
    def _series_findings(self, indicator: IndicatorInfo, rows: list[tuple[int, dict]]) -> list[tuple[int, Finding]]:
        """Sources that disagree on one unit and period with nothing saying which stands,
        and groups with more than one `preferred`."""
        members = [self._member(indicator, index, fields) for index, fields in rows]
        found = []
        for group in conflicts(members):
            listed = "; ".join(f"{member.value:g} from {member.source}" for member in group)
            where = self._place(group[0].unit)
            message = (
                f"the figures for {group[0].period}{where} disagree: {listed}; mark the one that stands with "
                "preferred: true (or status: revised for a later release)"
            )
            found += [(member.index, Finding(("value",), message, "conflicting-values", "warning")) for member in group]
        for group in preferred_twice(members):
            message = f"{len(group)} observations of {group[0].period} are marked preferred; keep one"
            found += [(member.index, Finding(("preferred",), message, "preferred-duplicate")) for member in group[1:]]
        return found

    def _place(self, unit_id: str) -> str:
        """ " in Bắc Ninh" for a unit below the country, "" for the country or an unknown unit."""
        catalogue = self.evidence.catalogue
        if catalogue is None or unit_id not in catalogue or catalogue.level(unit_id) == "national":
            return ""
        return f" in {catalogue.latest(unit_id).name}"

    def _member(self, indicator: IndicatorInfo, index: int, fields: dict) -> Member:
        source = self.sources.get(fields["source"])
        meta = source.meta if source else None
        return Member(
            index,
            fields["reporting_unit"] or indicator.reporting_unit,
            str(fields["period"]),
            fields["value"],
            fields["out_of"],
            fields["preferred"],
            fields["status"],
            meta.publisher if meta else None,
            meta.published if meta else None,
            fields["source"],
            bool(fields.get("per_year")),
        )


def once_per_unknown_unit(problems: list[Problem]) -> list[Problem]:
    """One problem per distinct unknown reporting unit of a file, at its first line, the
    message listing the other lines that repeat it; other problems as they are."""
    first: dict[str, int] = {}
    repeats: dict[str, list[int]] = {}
    kept = []
    for problem in problems:
        if problem.code != "reporting-unit-unknown":
            kept.append(problem)
        elif problem.message in first:
            repeats[problem.message].append(problem.line)
        else:
            first[problem.message] = len(kept)
            repeats[problem.message] = []
            kept.append(problem)
    for message, index in first.items():
        lines = repeats[message]
        if lines:
            also = f" (also on line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))})"
            kept[index] = replace(kept[index], message=message + also)
    return kept


def _evidence_findings(fields: dict) -> list[Finding]:
    """An observation cites a quote or a cell: exactly one of them."""
    if fields["quote"] is None and fields["cell"] is None:
        return [
            Finding(("quote",), "give the quote that states the value (or, for a table, the cell)", "evidence-missing")
        ]
    if fields["quote"] is not None and fields["cell"] is not None:
        message = "give either a quote or a cell, not both: a figure is proven by one of them"
        return [Finding(("cell",), message, "evidence-missing")]
    return []


def _quote_miss(quote: str, folded_source: str, source_id: str) -> str:
    """Say where the quote stops matching, so the editor can find the typo."""
    folded = fold(quote)
    low, high = 0, len(folded)
    while low < high:  # longest prefix of the quote present in the source
        middle = (low + high + 1) // 2
        if folded[:middle] in folded_source:
            low = middle
        else:
            high = middle - 1
    matched = low
    if matched < 12:
        return f"the quote is not in source {source_id!r} (not even its beginning)"
    snippet = folded[max(0, matched - 20) : matched + 20]
    return (
        f"the quote is not verbatim in source {source_id!r}: it differs after {matched} characters, near '…{snippet}…'"
    )
