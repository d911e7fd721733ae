"""Rules that look across files: ids, taxonomy, sources, periods, citations."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from indicators.citations import plainly_stated, value_in_quote
from indicators.models import Indicator, IndicatorInfo, Observation, Taxonomy, trusted
from indicators.periods import is_valid_period, parse_period
from indicators.problems import Problem, display_path, field_name
from indicators.registry import SourceDocument
from indicators.text import fold
from indicators.vocabulary import NON_NEGATIVE_KINDS, OUT_OF_KINDS
from indicators.yaml_reader import YamlDocument


class IndicatorChecker:
    """Checks one parsed indicator against the taxonomy and the sources."""

    def __init__(self, sector_ids: set[str] | None, geography_ids: set[str] | None, sources: dict[str, SourceDocument]):
        """`None` for sectors or geographies: the taxonomy could not be read (that
        problem is reported once, not again for every indicator)."""
        self.sector_ids = sector_ids
        self.geography_ids = geography_ids
        self.sources = sources

    @classmethod
    def for_taxonomy(cls, taxonomy: Taxonomy | None, sources: dict[str, SourceDocument]) -> IndicatorChecker:
        """A checker for a taxonomy (None: unreadable) and loaded source documents."""
        return cls(
            {sector.id for sector in taxonomy.sectors} if taxonomy else None,
            {geography.id for geography in taxonomy.geographies} if taxonomy else None,
            sources,
        )

    def check(self, indicator: Indicator, document: YamlDocument) -> tuple[list[Problem], set[int]]:
        """Problems of the file, and the indexes of observations that must be dropped."""
        problems: list[Problem] = []
        bad_observations: set[int] = set()

        def report(location: tuple, message: str, code: str) -> None:
            line, column = document.position(location)
            problems.append(Problem(display_path(document.path), line, column, field_name(location), message, code))

        for location, message, code in self._indicator_problems(indicator, document.path.stem):
            report(location, message, code)
        passes = self._quick_pass(indicator)
        for index, observation in enumerate(indicator.observations):
            if passes(observation.__dict__):
                continue
            found = self._observation_problems(indicator, observation)
            if found:
                bad_observations.add(index)
                for location, message, code in found:
                    report(("observations", index, *location), message, code)
        return problems, bad_observations

    def accepts(self, indicator: IndicatorInfo, rows: list[dict], file_stem: str) -> bool:
        """Whether `check` would find nothing wrong, for observations given as
        plain validated dicts (every field present): the loader's fast path."""
        if next(self._indicator_problems(indicator, file_stem), None) is not None:
            return False
        passes = self._quick_pass(indicator)
        return all(passes(row) or not self._observation_problems(indicator, trusted(Observation, row)) for row in rows)

    def _indicator_problems(self, indicator: IndicatorInfo, file_stem: str) -> Iterator[tuple[tuple, str, str]]:
        if indicator.id != file_stem:
            yield ("id",), f"id {indicator.id!r} must equal the file name {file_stem!r}", "id-mismatch"
        if self.sector_ids is not None and indicator.sector not in self.sector_ids:
            known = ", ".join(sorted(self.sector_ids))
            yield ("sector",), f"unknown sector {indicator.sector!r}; use one of: {known}", "sector-unknown"
        if self.geography_ids is not None and indicator.geography not in self.geography_ids:
            known = ", ".join(sorted(self.geography_ids))
            message = f"unknown geography {indicator.geography!r}; use one of: {known}"
            yield ("geography",), message, "geography-unknown"
        target = indicator.target
        if target is not None:
            for location, message, code in self._citation_problems(
                indicator, target.source, target.quote, target.value, None
            ):
                yield ("target", *location), message, code

    def _quick_pass(self, indicator: IndicatorInfo) -> Callable[[dict], bool]:
        """A cheap test, on an observation's fields, that says yes only when the
        full check finds nothing wrong (counts, amounts and shares stated
        plainly: most of them); anything else gets the full check."""
        if indicator.kind not in {"count", "amount", "share"}:
            return lambda fields: False
        scale = indicator.scale_factor
        may_be_negative = indicator.kind not in NON_NEGATIVE_KINDS
        sources = self.sources

        def passes(fields: dict) -> bool:
            source = sources.get(fields["source"])
            value = fields["value"]
            return (
                source is not None
                and fields["out_of"] is None
                and (may_be_negative or value >= 0)
                and math.isfinite(value * scale)
                and is_valid_period(fields["period"], fields["period_start"])
                and source.contains(fields["quote"])
                and plainly_stated(fields["quote"], value, scale)
            )

        return passes

    def _observation_problems(self, indicator: IndicatorInfo, observation: Observation) -> list[tuple[tuple, str, str]]:
        found = []
        try:
            parse_period(observation.period, observation.period_start)
        except ValueError as error:
            found.append((("period",), str(error), "period-invalid"))
        value, out_of = observation.value, observation.out_of
        if value < 0 and indicator.kind in NON_NEGATIVE_KINDS:
            found.append((("value",), f"a {indicator.kind} cannot be negative ({value:g})", "value-invalid"))
        if out_of is None and indicator.kind in OUT_OF_KINDS:
            found.append((("out_of",), f"a {indicator.kind} needs out_of (193 in '86/193')", "out-of-missing"))
        if out_of is not None and value > out_of:
            found.append((("value",), f"{value:g} is larger than out_of {out_of:g}", "value-invalid"))
        if not math.isfinite(value * indicator.scale_factor):
            found.append((("value",), "value overflows once scaled; check the scale", "value-invalid"))
            return found
        found.extend(self._citation_problems(indicator, observation.source, observation.quote, value, out_of))
        return found

    def _citation_problems(
        self, indicator: IndicatorInfo, source_id: str, quote: str, value: float, out_of: float | None
    ) -> Iterator[tuple[tuple, str, str]]:
        source = self.sources.get(source_id)
        if source is None:
            yield ("source",), f"no source {source_id!r} in data/sources/", "source-unknown"
        elif not source.contains(quote):
            yield ("quote",), _quote_miss(quote, source.folded, source_id), "quote-not-in-source"
        reason = value_in_quote(quote, value, indicator.scale_factor, out_of, absolute=indicator.kind == "change")
        if reason:
            yield ("value",), reason, "value-not-in-quote"


def _quote_miss(quote: str, folded_source: str, source_id: str) -> str:
    """Say where the quote stops matching, so the editor can find the typo."""
    folded = fold(quote)
    matched = 0
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
