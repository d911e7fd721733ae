"""From a sentence in a source to a proposed observation: the numbers it
states, their scale and unit, hedging words and period hints."""

from __future__ import annotations

import re
from dataclasses import dataclass

from indicators.coverage import is_claim
from indicators.numbers import NumberMention, find_numbers
from indicators.registry import SourceDocument
from indicators.text import fold, sentences
from indicators.vocabulary import QUALIFIERS, SCALE_OF_FACTOR

# Hedging words before a number, longest first ("ước đạt" before "ước").
_QUALIFIER_WORDS = sorted(
    ((word, qualifier.code) for qualifier in QUALIFIERS.values() for word in qualifier.written),
    key=lambda item: len(item[0]),
    reverse=True,
)
_UNIT_AFTER = re.compile(r"^\s*([^\d,.;:()“”\"]{1,30}?)(?=[,.;:()“”\"]|\s+(năm|trong|và|với|cho|so|tại|đến)\b|$)")
_HALF = re.compile(r"6 tháng (?:đầu )?(?:năm )?((?:19|20)\d{2})")
_YEAR = re.compile(r"năm ((?:19|20)\d{2})")
_DATE = re.compile(r"\b(\d{1,2})[-/](\d{1,2})[-/]((?:19|20)\d{2})\b")


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str


@dataclass(frozen=True)
class Proposal:
    """What the sentence says about one number, ready to become an observation."""

    value: float
    scale: str
    unit_vi: str
    kind: str
    out_of: float | None
    qualifier: str | None
    period: str | None
    text: str

    def observation(self, source_id: str, quote: str) -> dict:
        observation: dict = {"value": _plain(self.value)}
        if self.out_of is not None:
            observation["out_of"] = _plain(self.out_of)
        if self.qualifier:
            observation["qualifier"] = self.qualifier
        observation["period"] = self.period
        observation["source"] = source_id
        observation["quote"] = quote
        return observation


def sentences_containing(source: SourceDocument, needle: str) -> list[Sentence]:
    """Every sentence of the source that contains `needle` (after NFC and whitespace folding)."""
    folded_needle = fold(needle)
    if not folded_needle:
        return []
    return [Sentence(line, text) for line, text in sentences(source.text) if folded_needle in text]


def figure_sentences(source: SourceDocument) -> list[Sentence]:
    """Every sentence of the source that states at least one figure."""
    return [
        Sentence(line, text)
        for line, text in sentences(source.text)
        if any(is_claim(text, mention) for mention in find_numbers(text))
    ]


def propose(sentence: str, needle: str, fallback_period: str | None) -> list[Proposal]:
    """Proposals for the numbers inside `needle` (or every claim when it has none)."""
    start = sentence.find(fold(needle))
    mentions = [mention for mention in find_numbers(sentence) if is_claim(sentence, mention)]
    inside = [m for m in mentions if start <= m.start and m.end <= start + len(fold(needle))]
    return [_proposal(sentence, mention, fallback_period) for mention in (inside or mentions)]


def _proposal(sentence: str, mention: NumberMention, fallback_period: str | None) -> Proposal:
    before, after = sentence[: mention.start].lower(), sentence[mention.end :]
    qualifier = next((code for word, code in _QUALIFIER_WORDS if before.rstrip().endswith(word)), None)
    unit_match = _UNIT_AFTER.match(after)
    unit = "%" if mention.percent else (unit_match.group(1).strip() if unit_match else "")
    if mention.denominator is not None:
        kind = "rank" if "hạng" in before[-20:] else "level" if "cấp độ" in before[-20:] else "count"
    elif mention.percent:
        kind = "share"
    elif re.match(r"^(đồng|usd|vnd)\b", unit.lower()):
        kind = "amount"
    else:
        kind = "count"
    return Proposal(
        value=mention.value,
        scale=SCALE_OF_FACTOR.get(mention.scale, "one"),
        unit_vi=unit,
        kind=kind,
        out_of=mention.denominator,
        qualifier=qualifier,
        period=_period_hint(sentence, mention) or fallback_period,
        text=mention.text,
    )


def _period_hint(sentence: str, mention: NumberMention) -> str | None:
    """The period nearest before the number, else the first one after it."""
    hints: list[tuple[int, str]] = []
    half_spans = []
    for match in _HALF.finditer(sentence):
        hints.append((match.start(), f"{match.group(1)}-H1"))
        half_spans.append(match.span())
    for match in _YEAR.finditer(sentence):
        if not any(start <= match.start() < end for start, end in half_spans):
            hints.append((match.start(), match.group(1)))
    for match in _DATE.finditer(sentence):
        day, month, year = (int(part) for part in match.groups())
        hints.append((match.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    if not hints:
        return None
    before = [hint for hint in hints if hint[0] < mention.start]
    after = [hint for hint in hints if hint[0] > mention.end]
    if after:
        nearest = min(after)
        between = sentence[mention.end : nearest[0]]
        if len(between) < 12 and not re.search(r"[;:,()]", between):
            return nearest[1]
    return max(before)[1] if before else None


def _plain(number: float) -> int | float:
    return int(number) if float(number).is_integer() else number
