"""From a sentence in a source to a proposed observation, read with the same parsers the
validator uses (`indicators.statements`): the figure inside the text an editor points
at, its scale, unit, kind and hedge, its period (from the sentence, its list position,
a context sentence written as `period_quote`, or the source's date for present-tense
wording) and its reporting unit, or a refusal that says what to add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from indicators.coverage import is_claim
from indicators.numbers import NumberMention, find_numbers
from indicators.period_mentions import PeriodMention
from indicators.registry import SourceDocument
from indicators.reporting_units import UnitCatalogue
from indicators.statements import Statement, analyse
from indicators.text import fold, sentences
from indicators.vocabulary import QUALIFIERS, SCALE_OF_FACTOR

# Hedging words before a number, longest first ("ước đạt" before "ước").
_QUALIFIER_WORDS = sorted(
    ((word, qualifier.code) for qualifier in QUALIFIERS.values() for word in qualifier.written),
    key=lambda item: len(item[0]),
    reverse=True,
)
_UNIT_AFTER = re.compile(
    r"^\s*([^\d,.;:()“”\"]{1,30}?)(?=[,.;:()“”\"]|\s+(năm|trong|và|với|cho|so|tại|đến|của|trên|được|đã|mỗi|hàng)\b|$)"
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:tăng|giảm|tụt|cao hơn|thấp hơn|tăng trưởng)\s+(?:thêm\s+|bình\s+quân\s+|trung\s+bình\s+)?"
    r"(?:(?:khoảng|gần|hơn|trên|dưới|ít nhất)\s+)?$",
    re.IGNORECASE,
)
_RANK_BEFORE = re.compile(r"(?:xếp\s+(?:hạng|thứ)|hạng|đứng\s+thứ|thứ)\s*(?:thứ\s+)?$", re.IGNORECASE)
_LEVEL_BEFORE = re.compile(r"cấp\s+độ\s*$", re.IGNORECASE)
_COMPARISON_BASE_BEFORE = re.compile(
    r"(?:so\s+với(?:\s+mức)?|(?:gấp|bằng)\s+(?:\S+\s+){1,2}(?:con\s+số|mức)|(?:hơn|kém)\s+(?:mức|con\s+số))\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
# Between a hedge and its figure: "ước tính đạt 82,3", "ước đạt khoảng"
_LINKING_VERB = re.compile(r"\s+(?:đạt|là|ở\s+mức|lên\s+tới|lên\s+đến|vào\s+khoảng)$", re.IGNORECASE)
# "cao hơn 12,4 điểm": "hơn" compares, it does not hedge
_COMPARATIVE_BEFORE = re.compile(r"\b(?:cao|thấp|nhiều|ít|lớn|nhỏ|tăng|giảm|nhanh|chậm)\s+hơn\s*$", re.IGNORECASE)
# "Ước tính năm 2024, doanh thu ... đạt 2.150 tỷ đồng": a hedge opening the sentence covers its figures
_ESTIMATE_OPENS = re.compile(r"^\s*(?:ước\s+tính|ước)\b", re.IGNORECASE)
_UNNAMED_PROVINCE = re.compile(
    r"\b(?:toàn\s+tỉnh|của\s+tỉnh|trên\s+địa\s+bàn\s+tỉnh|toàn\s+thành\s+phố)\b(?!\s+(?-i:[A-ZĐÂÊÔƠƯ]))", re.IGNORECASE
)
_MONEY = re.compile(r"^(?:đồng|usd|vnd|đô\s+la)\b", re.IGNORECASE)
_CONTEXT_SENTENCES = 3


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str
    number: int = 1  # its place among the sentences of its line (1-based)


@dataclass(frozen=True)
class Proposal:
    """What the sentence says about one figure, ready to become an observation (or a target).

    `period_from` is "sentence", "list-position", "context" (then `period_quote` holds the
    sentence that states it), "source-date" (present-tense wording) or "none"; `refusal`,
    when set, says why the figure cannot be filed without a hint and what to add."""

    value: float
    scale: str
    unit_vi: str
    kind: str
    out_of: float | None
    qualifier: str | None
    period: str | None
    text: str
    period_from: str = "none"
    period_quote: str | None = None
    period_words: str = ""
    per_year: bool = False
    reporting_unit: str | None = "vn"
    target: bool = False
    figure_refusal: str | None = None  # the figure is not an observation (a comparison base)
    period_refusal: str | None = None  # the period cannot be told: --period settles it
    unit_refusal: str | None = None  # the reporting unit cannot be told: --reporting-unit settles it

    @property
    def refusal(self) -> str | None:
        return self.figure_refusal or self.period_refusal or self.unit_refusal

    def observation(self, source_id: str, quote: str, indicator_unit: str = "vn") -> dict:
        """The observation's fields in the registry's order (a plain dict for the YAML writer)."""
        observation: dict = {"value": _plain(self.value)}
        if self.out_of is not None:
            observation["out_of"] = _plain(self.out_of)
        if self.qualifier:
            observation["qualifier"] = self.qualifier
        observation["period"] = (
            int(self.period) if self.period and self.period.isdecimal() else self.period
        )  # a year: 2024
        if self.per_year:
            observation["per_year"] = True
        if self.reporting_unit and self.reporting_unit != indicator_unit:
            observation["reporting_unit"] = self.reporting_unit
        observation["source"] = source_id
        observation["quote"] = quote
        if self.period_quote:
            observation["period_quote"] = self.period_quote
        return observation

    def explained(self) -> str:
        """How the period was found, for people: "from the sentence ('năm 2023')"."""
        if self.period_from == "context":
            return f"from a context sentence, written as period_quote ('{self.period_words}')"
        if self.period_from == "source-date":
            return f"the source's date, for present-tense wording ('{self.period_words}')"
        if self.period_from == "list-position":
            return f"from its place in the list ('{self.period_words}')"
        return f"from the sentence ('{self.period_words}')"


def sentences_containing(source: SourceDocument, needle: str) -> list[Sentence]:
    """Every sentence of the source that contains `needle` (after NFC and whitespace
    folding) as whole numbers: "3 tỷ" is not inside "117,3 tỷ" nor "13 tỷ"."""
    if not fold(needle):
        return []
    return [sentence for sentence in _numbered(source) if whole_number_matches(sentence.text, needle)]


def whole_number_matches(text: str, needle: str) -> list[int]:
    """Where `needle` (folded) starts in `text` (folded) without cutting a number on
    either side: a digit, or a decimal or grouping mark between digits ("117,3",
    "2.087"), next to the match makes it part of a larger number.

    >>> whole_number_matches("đạt 117,3 tỷ USD, gần 3 tỷ USD", "3 tỷ")
    [22]
    """
    folded = fold(needle)
    found = []
    start = text.find(folded) if folded else -1
    while start >= 0:
        end = start + len(folded)
        if not _cuts_number(text, start, folded) and not _cuts_number_after(text, end, folded):
            found.append(start)
        start = text.find(folded, start + 1)
    return found


def _cuts_number(text: str, start: int, needle: str) -> bool:
    if not needle[0].isdigit() or start == 0:
        return False
    before = text[start - 1]
    return before.isdigit() or (before in ".," and start >= 2 and text[start - 2].isdigit())


def _cuts_number_after(text: str, end: int, needle: str) -> bool:
    if not needle[-1].isdigit() or end >= len(text):
        return False
    after = text[end]
    return after.isdigit() or (after in ".," and end + 1 < len(text) and text[end + 1].isdigit())


def figure_sentences(source: SourceDocument) -> list[Sentence]:
    """Every sentence of the source that states at least one figure."""
    return [
        sentence
        for sentence in _numbered(source)
        if any(is_claim(sentence.text, mention) for mention in find_numbers(sentence.text))
    ]


def _numbered(source: SourceDocument) -> list[Sentence]:
    found, counts = [], {}
    for line, text in sentences(source.text):
        counts[line] = counts.get(line, 0) + 1
        found.append(Sentence(line, text, counts[line]))
    return found


def propose(
    source: SourceDocument, sentence: Sentence, needle: str, catalogue: UnitCatalogue | None = None
) -> list[Proposal]:
    """Proposals for the figures inside `needle`, read as whole numbers (else the figures
    it overlaps, else every figure of the sentence), each with its period and reporting
    unit or a refusal, in the sentence's order."""
    statement = analyse(sentence.text, catalogue)
    inside = _figures_at(statement, needle)
    context = _context(source, sentence)
    return [_proposal(source, statement, figure, context, catalogue) for figure in (inside or statement.figures)]


def _figures_at(statement: Statement, needle: str) -> list[NumberMention]:
    """The figures of the statement that `needle` points at (see `propose`)."""
    length = len(fold(needle))
    spans = [(start, start + length) for start in whole_number_matches(statement.sentence, needle)]
    inside = [f for f in statement.figures if any(s <= f.start and f.end <= e for s, e in spans)]
    overlapping = [f for f in statement.figures if any(f.start < e and s < f.end for s, e in spans)]
    return inside or overlapping


def _context(source: SourceDocument, sentence: Sentence) -> list[Sentence]:
    """The sentences before this one in the source, nearest first."""
    numbered = _numbered(source)
    index = next((i for i, other in enumerate(numbered) if other == sentence), len(numbered))
    return list(reversed(numbered[max(0, index - _CONTEXT_SENTENCES) : index]))


def _proposal(
    source: SourceDocument,
    statement: Statement,
    figure: NumberMention,
    context: list[Sentence],
    catalogue: UnitCatalogue | None,
) -> Proposal:
    text = statement.sentence
    before, after = text[: figure.start], text[figure.end :]
    proposal = Proposal(
        value=figure.value,
        scale=SCALE_OF_FACTOR.get(figure.scale, "one"),
        unit_vi=_unit(figure, after),
        kind=_kind(figure, before, after),
        out_of=figure.denominator,
        qualifier=_qualifier(before, text),
        period=None,
        text=figure.text,
        target=statement.is_target(figure),
    )
    if _COMPARISON_BASE_BEFORE.search(before[-40:]):
        return replace(proposal, figure_refusal=f"'{figure.text}' is a comparison base, not a figure of its own period")
    proposal = _with_period(proposal, source, statement, figure, context, catalogue)
    return _with_unit(proposal, source, statement, figure, catalogue)


def target_year(period: str) -> int:
    """The year a target is due, from its period label ("2025", or the end of "2021/2025")."""
    return int(period.split("/")[-1][:4])


def _with_period(proposal, source, statement, figure, context, catalogue) -> Proposal:
    found = statement.period_of(figure, target=proposal.target)
    published = source.meta.published
    proposal = replace(proposal, per_year=found.per_year)
    if found.how in ("sentence", "list-position"):
        joined = _joined_periods(statement, found.mention)
        if joined:
            return replace(
                proposal,
                period_refusal=f"the sentence gives one figure for {joined}; add --period if one of them is meant",
            )
        labels = found.mention.resolved(published.year if published else None)
        if not labels:
            return replace(
                proposal, period_refusal="the sentence gives a day and month but the source has no date; add --period"
            )
        return replace(proposal, period=labels[0], period_from=found.how, period_words=found.mention.text)
    if found.how == "unsupported":
        return replace(
            proposal,
            period_refusal=f"{found.reason}, which has no period form here; add --period (a label with period_start)",
        )
    if "lần lượt" in found.reason or "listed" in found.reason:
        return replace(proposal, period_refusal=f"{found.reason}; add --period")
    if found.how == "present":
        if published is None:
            return replace(proposal, period_refusal="present-tense wording, but the source has no date; add --period")
        return replace(
            proposal, period=published.isoformat(), period_from="source-date", period_words=found.mention.text
        )
    return _period_from_context(proposal, context, catalogue, published)


def _period_from_context(proposal, context, catalogue, published) -> Proposal:
    year = published.year if published else None
    for sentence in context:
        stated = [
            (mention, mention.resolved(year))
            for mention in analyse(sentence.text, catalogue).periods
            if mention.role == "period"
        ]
        stated = [(mention, labels) for mention, labels in stated if labels]
        labels = list(dict.fromkeys(labels[0] for _, labels in stated))
        if len(labels) == 1:
            return replace(
                proposal,
                period=labels[0],
                period_from="context",
                period_quote=sentence.text,
                period_words=stated[0][0].text,
            )
        if len(labels) > 1:
            listed = ", ".join(labels)
            return replace(
                proposal,
                period_refusal=f"the sentence states no period and the one before states several ({listed}); add --period",
            )
    return replace(
        proposal,
        period_refusal="the sentence states no period and no sentence before it does; add --period (2024, 2024-H1, 2024-06-30, …)",
    )


def _joined_periods(statement: Statement, mention: PeriodMention | None) -> str:
    """ "Năm 2023 và 6 tháng đầu năm 2024": two periods joined before one figure."""
    if mention is None:
        return ""
    periods = [p for p in statement.periods if p.role == "period" and p.labels]
    index = next((i for i, p in enumerate(periods) if p is mention), None)
    if index is None:
        return ""
    for other in (periods[index - 1] if index else None, periods[index + 1] if index + 1 < len(periods) else None):
        if other is None:
            continue
        first, second = sorted((mention, other), key=lambda p: p.start)
        if (
            re.fullmatch(r"\s*(?:và|,)\s*", statement.sentence[first.end : second.start])
            and "lần lượt" not in statement.sentence
        ):
            return f"'{first.text}' and '{second.text}'"
    return ""


def _with_unit(proposal, source, statement, figure, catalogue) -> Proposal:
    if catalogue is None:
        return proposal
    found = statement.unit_of(figure, catalogue)
    if found.how == "ambiguous":
        return replace(proposal, reporting_unit=None, unit_refusal=f"{found.reason}; add --reporting-unit")
    if found.unit_id:
        return replace(proposal, reporting_unit=found.unit_id)
    if source.meta.reporting_unit:
        return replace(proposal, reporting_unit=source.meta.reporting_unit)
    if _UNNAMED_PROVINCE.search(statement.sentence):
        named = _one_province(proposal.period_quote, catalogue) if proposal.period_from == "context" else None
        if named:
            return replace(proposal, reporting_unit=named)
        refusal = "the sentence speaks of a province it does not name; add --reporting-unit"
        return replace(proposal, reporting_unit=None, unit_refusal=refusal)
    return replace(proposal, reporting_unit="vn")


def _one_province(text: str | None, catalogue: UnitCatalogue) -> str | None:
    """The one province a context sentence names ("... của Sơn La ..."), else None."""
    if not text:
        return None
    named = {
        unit.unit_id
        for unit in analyse(text, catalogue).units
        if catalogue.level(unit.unit_id) == "province" and not unit.local
    }
    return named.pop() if len(named) == 1 else None


def _qualifier(before: str, sentence: str) -> str | None:
    """The hedge written before a figure, as a whole word ("ước đạt", not "nước đạt"),
    also across a linking verb ("ước tính đạt 82,3") or opening the sentence ("Ước tính
    năm 2024, ... đạt 2.150"); "hơn" after a comparative ("cao hơn 12,4") is no hedge."""
    text = before.lower().rstrip()
    if _COMPARATIVE_BEFORE.search(text):
        return None
    for candidate in (text, _LINKING_VERB.sub("", text)):
        for word, code in _QUALIFIER_WORDS:
            if candidate.endswith(word) and not candidate[: len(candidate) - len(word)][-1:].isalpha():
                return code
    if _ESTIMATE_OPENS.match(sentence) and not _CHANGE_BEFORE.search(text[-24:]):
        return "about"
    return None


def _unit(figure: NumberMention, after: str) -> str:
    if figure.percent:
        return "%"
    match = _UNIT_AFTER.match(after)
    return match.group(1).strip() if match else ""


def _kind(figure: NumberMention, before: str, after: str) -> str:
    tail = before[-24:]
    if _CHANGE_BEFORE.search(tail):
        return "change"
    if figure.denominator is not None:
        if _LEVEL_BEFORE.search(tail):
            return "level"
        return "rank" if _RANK_BEFORE.search(tail) else "count"
    if figure.percent:
        return "share"
    unit = _unit(figure, after)
    if _MONEY.match(unit):
        return "amount"
    return "score" if unit.lower().startswith("điểm") else "count"


def _plain(number: float) -> int | float:
    return int(number) if float(number).is_integer() else number
