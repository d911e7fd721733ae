"""Which numeric claims in the sources does the registry cite?

Every source is split into sentences; every number that is a claim (a count,
an amount, a percent, a rank or fraction: not a date, a year, an ordinal, a
duration or a document number) must be cited by an observation whose quote
covers it and states it, or be waived in `data/coverage-waivers.yaml` with a
reason.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import Field

from indicators.models import Slug, Strict, Text
from indicators.numbers import NumberMention, find_numbers, mention_states, same_number
from indicators.paths import DataLayout
from indicators.problems import Problem, display_path
from indicators.registry import Registry
from indicators.tables.coverage import table_claims
from indicators.text import fold, split_sentences
from indicators.yaml_reader import read_yaml, validate_document

_DATE_CONTEXT = re.compile(r"(ngày|sáng|chiều|tối|trưa|nay|hôm)\s*$", re.IGNORECASE)
# "(12/7)", "(3)": a day or a list number in brackets; "Hà Nội (0,8241)" is an index value
_BRACKET_OPENS = re.compile(r"\(\s*$")
_FULL_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](19|20)\d{2}\b")
_NAME_BEFORE = re.compile(
    r"(đề án|đại hội|(?:nghị quyết|quyết định|nghị định|thông tư|chỉ thị|công văn|báo cáo|kế hoạch) số|(?<!tổng )(?<!con )(?<!chỉ )số"
    r"|mức độ|(?<!xếp )thứ|covid-|lần)\s*$",
    re.IGNORECASE,
)
# "5 năm" is a duration, "44 năm 2024" a figure and its year
_DURATION_AFTER = re.compile(r"^\s*(?:(?:tháng|ngày|giờ|tuần|quý)\b|năm\b(?!\s+(?:19|20)\d{2}\b))", re.IGNORECASE)
# A duration is a measure when a comparison or an average comes before it ("giảm xuống dưới 3 ngày").
_MEASURED_DURATION_BEFORE = re.compile(
    r"(dưới|trên|hơn|khoảng|gần|còn|xuống|đạt|bình quân|trung bình|mất|chỉ)\s*$", re.IGNORECASE
)
_IDENTIFIER_AFTER = re.compile(r"^[-/][A-ZĐa-zđ]")
_CONTEXT_CHARACTERS = 40  # what `is_claim` reads either side of a number (the patterns above need at most 16)


class Waiver(Strict):
    source: Slug
    text: Text | None = Field(
        default=None, description="The words around the number, verbatim, so the waiver finds it."
    )
    row: Text | None = Field(default=None, description="For a table: the row whose numeric cells are waived.")
    column: Text | None = Field(default=None, description="For a table: the column whose numeric cells are waived.")
    reason: Text


class WaiverFile(Strict):
    waivers: list[Waiver] = Field(default_factory=list)


@dataclass(frozen=True)
class Claim:
    source_id: str
    line: int
    column: int
    sentence: str
    text: str
    value: float
    status: str  # cited | waived | uncited
    cited_by: tuple[str, ...] = ()
    reason: str | None = None


def is_claim(line: str, mention: NumberMention, dates: list[tuple[int, int]] | None = None) -> bool:
    """False for dates, years, ordinals, durations and document numbers.

    `dates`: the (start, end) of every full date in `line`, when already found.
    Only a few words either side are read, so a long line costs no more per number."""
    before = line[max(0, mention.start - _CONTEXT_CHARACTERS) : mention.start]
    after = line[mention.end : mention.end + _CONTEXT_CHARACTERS]
    if mention.percent or mention.scale_word or mention.denominator:
        if (
            mention.denominator
            and (_DATE_CONTEXT.search(before[-12:]) or _BRACKET_OPENS.search(before[-4:]))
            and mention.denominator <= 12
        ):
            return False
        return not (_FULL_DATE.match(line, mention.start))
    if dates is None:
        dates = full_dates(line)
    if any(start <= mention.start < end for start, end in dates):
        return False
    if _DATE_CONTEXT.search(before[-12:]) or _NAME_BEFORE.search(before[-16:]):
        return False
    if _BRACKET_OPENS.search(before[-4:]) and float(mention.value).is_integer() and "," not in mention.text:
        return False
    if before.endswith("-") or before.endswith("/") or _IDENTIFIER_AFTER.match(after):
        return False
    if _DURATION_AFTER.match(after) and not _MEASURED_DURATION_BEFORE.search(before[-14:]):
        return False
    value = mention.value
    if float(value).is_integer() and 1900 <= value <= 2100 and "." not in mention.text:
        return False  # a year
    return not re.match(r"^[-.]\d", after)  # day-month such as 12-7 or 19.7


def full_dates(line: str) -> list[tuple[int, int]]:
    return [match.span() for match in _FULL_DATE.finditer(line)]


def read_waivers(data_dir: Path, problems: list[Problem]) -> list[Waiver]:
    """The waivers of `data/coverage-waivers.yaml` ([] when there is no such file)."""
    path = DataLayout(data_dir).waivers
    if not path.exists() and not path.is_symlink():
        return []
    document = read_yaml(path, problems, root=data_dir)
    parsed = None if document is None else validate_document(WaiverFile, document, problems)
    return parsed.waivers if parsed else []


def coverage_report(registry: Registry) -> tuple[list[Claim], list[Problem]]:
    """Every claim in every source with its status, and problems with the waiver file."""
    problems: list[Problem] = []
    waivers = list(enumerate(read_waivers(registry.data_dir, problems)))
    used_waivers: set[int] = set()
    claims: list[Claim] = []
    cited = _observations_by_source(registry)
    cited_cells = _cells_by_source(registry)
    for source_id, source in registry.sources.items():
        if source.table is not None:
            own = [(i, w) for i, w in waivers if w.source == source_id]
            found, used = table_claims(source_id, source, cited_cells.get(source_id, []), own, Claim)
            claims.extend(found)
            used_waivers |= used
            continue
        scan = _SourceScan(source_id, cited.get(source_id, []), [(i, w) for i, w in waivers if w.source == source_id])
        claims.extend(scan.claims(source.text))
        used_waivers |= scan.used_waivers
    waivers_path = display_path(DataLayout(registry.data_dir).waivers)
    for index, waiver in waivers:
        if index not in used_waivers:
            message = f"waiver {waiver.text!r} matches no uncited number in source {waiver.source!r}; remove it"
            problems.append(Problem(waivers_path, 1, 1, f"waivers[{index}]", message, "waiver-stale"))
    return claims, problems


@dataclass
class _SourceScan:
    """The claims of one source, each checked against the observations quoting
    its line and against the source's waivers."""

    source_id: str
    observations: list[tuple[str, str, float, float, float | None]]  # see _observations_by_source
    waivers: list[tuple[int, Waiver]]
    used_waivers: set[int] = field(default_factory=set)
    _starts: dict[tuple[int, str], list[int]] = field(default_factory=dict)  # (line, quote) -> where it starts

    def claims(self, text: str) -> list[Claim]:
        lines = [fold(raw_line) for raw_line in text.splitlines()]
        quoted = _observations_by_line(lines, self.observations)
        found = []
        for line_number, line in enumerate(lines, start=1):
            in_line = quoted.get(line_number - 1, [])  # only these can cover a number of the line
            dates = full_dates(line)
            for start, end in split_sentences(line):
                sentence = line[start:end].strip()
                for mention in find_numbers(line[start:end], offset=start):
                    if is_claim(line, mention, dates):
                        found.append(self._classify(line_number, line, sentence, mention, in_line))
            self._starts.clear()  # positions of quotes in this line only
        return found

    def _classify(self, line_number: int, line: str, sentence: str, mention: NumberMention, in_line) -> Claim:
        claim = Claim(
            self.source_id, line_number, mention.start + 1, sentence, mention.text, mention.value * mention.scale, ""
        )
        citing = tuple(
            indicator_id
            for indicator_id, quote, value, scale, out_of in in_line
            if self._covers(line_number, line, quote, mention) and _states(mention, value, scale, out_of)
        )
        if citing:
            return replace(claim, status="cited", cited_by=citing)
        for index, waiver in self.waivers:
            if waiver.text and self._covers(line_number, line, fold(waiver.text), mention):
                self.used_waivers.add(index)
                return replace(claim, status="waived", reason=waiver.reason)
        return replace(claim, status="uncited")

    def _covers(self, line_number: int, line: str, quote: str, mention: NumberMention) -> bool:
        """Whether `quote` (folded) covers the mention somewhere in the line. The quote's
        places in the line are found once per line, not once per number."""
        if not quote:
            return False
        key = (line_number, quote)
        starts = self._starts.get(key)
        if starts is None:
            starts, position = [], line.find(quote)
            while position >= 0:
                starts.append(position)
                position = line.find(quote, position + 1)
            self._starts[key] = starts
        # the last place starting at or before the number reaches furthest (one quote, one length)
        index = bisect.bisect_right(starts, mention.start) - 1
        return index >= 0 and mention.end <= starts[index] + len(quote)


def _observations_by_line(lines: list[str], observations: list[tuple]) -> dict[int, list[tuple]]:
    """The observations whose quote is in each line (by index), in their original order.

    One search per distinct quote through the whole text, instead of testing
    every quote against every line; a folded quote holds no line break."""
    text = "\n".join(lines)
    starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    lines_of: dict[str, list[int]] = {}
    for quote in dict.fromkeys(observation[1] for observation in observations):
        found, position = [], text.find(quote)
        while position >= 0:
            line = bisect.bisect_right(starts, position) - 1
            if not found or found[-1] != line:
                found.append(line)
            position = text.find(quote, position + 1)
        lines_of[quote] = found
    by_line: dict[int, list[tuple]] = {}
    for observation in observations:
        for line in lines_of[observation[1]]:
            by_line.setdefault(line, []).append(observation)
    return by_line


def _observations_by_source(registry: Registry) -> dict[str, list[tuple[str, str, float, float, float | None]]]:
    """(indicator id, folded quote, value, scale, out_of) of every observation, per cited source."""
    cited: dict[str, list] = {}
    for indicator_id, rows in registry.rows.items():
        scale = registry.indicators[indicator_id].scale_factor
        for source_id, quote, value, out_of in zip(
            rows["source"], rows["quote"], rows["value"], rows["out_of"], strict=True
        ):
            if quote is None:
                continue  # a table cell: see _cells_by_source
            cited.setdefault(source_id, []).append((indicator_id, fold(quote), value, scale, out_of))
    return cited


def _cells_by_source(registry: Registry) -> dict[str, list[tuple[str, dict]]]:
    """(indicator id, cell) of every observation citing a table cell, per source."""
    cited: dict[str, list] = {}
    for indicator_id, rows in registry.rows.items():
        for source_id, cell in zip(rows["source"], rows["cell"], strict=True):
            if cell is not None:
                cited.setdefault(source_id, []).append((indicator_id, cell))
    return cited


def _states(mention: NumberMention, value: float, scale: float, out_of: float | None) -> bool:
    if out_of is not None:
        return (
            mention.denominator is not None
            and same_number(mention.denominator, out_of)
            and (mention_states(mention, value, 1.0))
        )
    return mention_states(mention, value, scale, absolute=True)
