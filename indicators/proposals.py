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
from indicators.periods import parse_period
from indicators.reading import PeriodContext, SentenceReading, read_document
from indicators.reading.context import names_no_unit
from indicators.registry import SourceDocument
from indicators.reporting_units import MERGER_DAY, UnitCatalogue
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
    r"(?:\btừ\s+(?:vị\s+trí|mức|hạng|thứ)|so\s+với(?!\s+(?:mục\s+tiêu|kế\s+hoạch|chỉ\s+tiêu))(?:\s+mức)?|(?:gấp|bằng)\s+(?:\S+\s+){1,2}(?:con\s+số|mức)|(?:hơn|kém)\s+(?:mức|con\s+số))\s+"
    r"(?:(?!(?:lên|xuống|đến|tới|thành)\s)[^\s;,]+\s+){0,2}$",
    re.IGNORECASE,
)
# "(cùng kỳ năm 2024 tăng 8,6%)": the same period a year before
_SAME_TIME_BEFORE = re.compile(r"\s*(?:cùng\s+kỳ|so\s+với)\b", re.IGNORECASE)
_OWN_YEAR_AFTER = re.compile(r"^\s*\((?:năm\s+)?(?:19|20)\d{2}\)")
_RATIO_AFTER = re.compile(r"^\s*lần\b", re.IGNORECASE)
# "có tỷ lệ dưới 20%", "Có 14 địa phương đạt trên 50%", "còn dưới 60 điểm", "(trên 0,75)"
_THRESHOLD_BEFORE = re.compile(
    r"(?:\b(?:có|còn)\s+\S.*?\s|\(|\b(?:một\s+số|các|nhiều)\s+(?:địa\s+phương|tỉnh|bộ|đơn\s+vị)\b.*?\s)(?:trên|dưới)\s*$|\bnhóm\b[^;]*\((?:trên|dưới)\s*$",
    re.IGNORECASE,
)
_RANKED_TOTAL_BEFORE = re.compile(
    r"(?:\btheo|\btrong\s+(?:số\s+)?|\btrên\s+tổng\s+số|\btính\s+trên)\s*$", re.IGNORECASE
)
# "cao hơn 7,9% so với năm trước đó (0,7240)": the value of a period named only as the one before
_EARLIER_BRACKET = re.compile(r"\b(?:năm|quý|tháng|kỳ)\s+trước(?:\s+đó)?\s*\(\s*$", re.IGNORECASE)
_UNITS_AFTER = re.compile(r"^\s*(?:tỉnh|địa\s+phương|bộ|nền\s+kinh\s+tế|quốc\s+gia)\b", re.IGNORECASE)
_GROUP_BEFORE = re.compile(r"(?:\bnhóm|\bbảng\s+xếp\s+hạng|\bdanh\s+sách|\btop)\s*$", re.IGNORECASE)
# "Bình quân mỗi ngày, ... tiếp nhận 1.250 hồ sơ", "mỗi tháng có 620 ...": a rate per day, week,
# month or quarter stated before the figure
_PER_DAY_BEFORE = re.compile(r"\b(?:mỗi|một)\s+ngày\b|\bmỗi\s+(?:tuần|tháng|quý)\b", re.IGNORECASE)
# "Có 17 tỉnh ... đạt trên 30%": units counted by a threshold
_UNITS_COUNTED_AFTER = re.compile(
    r"^\s*(?:tỉnh|thành\s+phố|địa\s+phương|bộ|ngành|huyện|xã|phường|đơn\s+vị|cơ\s+quan)\b[^;]*?"
    r"(?:\b(?:trên|dưới|từ|hơn|vượt)\s+\d|\btrở\s+lên\b)",
    re.IGNORECASE,
)
# "Khoảng cách giữa ...", "chênh lệch ...", "cao hơn Gia Lai 0,15 điểm": a gap between two units
_GAP_BEFORE = re.compile(
    r"\b(?:khoảng\s+cách|chênh\s+lệch)\b|\b(?:cao|thấp|kém)\s+hơn\s+(?:(?-i:[A-ZĐ])|khối|cả\s+nước|các)[^\d,;()]{0,30}$",
    re.IGNORECASE,
)
# "vượt 13,7 điểm phần trăm so với chỉ tiêu", "cao hơn 5% so với kế hoạch": by how much a target was passed
_BY_BEFORE_TARGET = re.compile(
    r"\b(?:vượt|cao\s+hơn|thấp\s+hơn|tăng|giảm|hụt)\s+(?:(?:mức|khoảng|gần|hơn|trên)\s+)?$", re.IGNORECASE
)
_TARGET_AFTER = re.compile(
    r"^[^\d;()]{0,30}?\b(?:so\s+với\s+)?(?:mục\s+tiêu|(?-i:kế\s+hoạch)|chỉ\s+tiêu)\b", re.IGNORECASE
)
# "cao hơn khối bộ, ngành 9,2 điểm": a unit named between "hơn" and the figure
_MORE_THAN_BEFORE = re.compile(r"\b(?:cao|thấp|kém|nhiều|ít)\s+hơn\s+$", re.IGNORECASE)
# "mỗi xã, phường có ít nhất 1 điểm": a norm for each unit below, not a value of the unit
_EACH_UNIT_BEFORE = re.compile(
    r"\bmỗi\s+(?:xã|phường|huyện|thôn|bản|hộ|người|doanh\s+nghiệp|đơn\s+vị|cơ\s+quan|trường|tỉnh|bộ)\b",
    re.IGNORECASE,
)
_FORECAST = re.compile(r"\b(?:dự\s+báo|dự\s+kiến|có\s+thể\s+đạt|kiến\s+nghị|đề\s+xuất)\b", re.IGNORECASE)
_PER_DAY_AFTER = re.compile(r"^[^,;.]{0,40}?(?:\bmỗi\s+(?:ngày|tuần|tháng|quý)|\bmột\s+ngày|/\s*ngày)\b", re.IGNORECASE)
_EARLIER_PERIOD = re.compile(r"(?<!với )(?<!cùng kỳ )\b(?:tuần|tháng|quý|năm|kỳ)\s+trước(?:\s+đó)?\b", re.IGNORECASE)
_EDITION_KINDS = ("rank", "level", "score")
_EDITION_BEFORE = re.compile(r"\b(?:vị\s+trí|bậc|hạng|xếp\s+(?:thứ|ở)?|đứng\s+thứ)\s*(?:thứ\s+)?$", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\b(?:đến|tới)\s+(?:hết\s+)?$", re.IGNORECASE)
_INDEX_NAMED = re.compile(r"(?-i:Chỉ\s+số)\s+(?-i:[A-ZĐ]|[^,;]*\((?-i:[A-Z]{2,})\))")
_RANKING_WORDS = re.compile(r"\b(?:thứ\s+hạng|xếp\s+hạng|vị\s+trí)\b", re.IGNORECASE)
_EDITION_AFTER = re.compile(r"^\s*(?:bậc|hạng|vị\s+trí)\b", re.IGNORECASE)
_RUNNING_DAYS = 60  # a year-end report may come out a few weeks before the year ends
_SINCE = re.compile(r"\b(?:kể\s+từ\s+khi|từ\s+khi)\b", re.IGNORECASE)
# Between a hedge and its figure: "ước tính đạt 82,3", "ước đạt khoảng"
_LINKING_VERB = re.compile(r"\s+(?:đạt|là|ở\s+mức|lên\s+tới|lên\s+đến|vào\s+khoảng)$", re.IGNORECASE)
# "cao hơn 12,4 điểm": "hơn" compares, it does not hedge
_COMPARATIVE_BEFORE = re.compile(r"\b(?:cao|thấp|nhiều|ít|lớn|nhỏ|tăng|giảm|nhanh|chậm)\s+hơn\s*$", re.IGNORECASE)
# "Ước tính năm 2024, doanh thu ... đạt 2.150 tỷ đồng": a hedge opening the sentence covers its figures
_ESTIMATE_OPENS = re.compile(r"^\s*(?:ước\s+tính|ước)\b", re.IGNORECASE)
_UNNAMED_PROVINCE = re.compile(
    r"\b(?:toàn\s+tỉnh|của\s+tỉnh|trên\s+địa\s+bàn\s+tỉnh|toàn\s+thành\s+phố)\b(?!\s+(?-i:[A-ZĐÂÊÔƠƯ]))", re.IGNORECASE
)
_FORMER_TERRITORY = re.compile(r"\bcũ\b|\btrước\s+(?:khi\s+)?(?:hợp\s+nhất|sáp\s+nhập|sắp\s+xếp)", re.IGNORECASE)
_MONEY = re.compile(r"^(?:đồng|usd|vnd|đô\s+la)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str
    number: int = 1  # its place among the sentences of its line (1-based)


@dataclass(frozen=True)
class Proposal:
    """What the sentence says about one figure, ready to become an observation (or a target).

    `period_from` is "sentence", "list-position", "column" (a table's header of years), "context" (then `period_quote` holds the
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
        if self.period_from == "column":
            return f"from its column's heading in the table ('{self.period_words}')"
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
    it overlaps; every figure of the sentence when it holds no number), each with its
    period and reporting unit or a refusal, in the sentence's order."""
    reading = read_document(source, catalogue).at(sentence.line, sentence.number)
    if reading is None or reading.text != sentence.text:
        raise ValueError(
            f"line {sentence.line} of {source.meta.id} has no sentence {sentence.number}: {sentence.text!r}"
        )
    statement = reading.statement
    inside = _figures_at(statement, needle)
    if not inside and find_numbers(fold(needle)):
        return []  # the number pointed at is no figure (a date, a year, a number in a name)
    return [_proposal(source, reading, figure, catalogue) for figure in (inside or statement.figures)]


def _figures_at(statement: Statement, needle: str) -> list[NumberMention]:
    """The figures of the statement that `needle` points at (see `propose`)."""
    length = len(fold(needle))
    spans = [(start, start + length) for start in whole_number_matches(statement.sentence, needle)]
    inside = [f for f in statement.figures if any(s <= f.start and f.end <= e for s, e in spans)]
    overlapping = [f for f in statement.figures if any(f.start < e and s < f.end for s, e in spans)]
    return inside or overlapping


def _proposal(
    source: SourceDocument, reading: SentenceReading, figure: NumberMention, catalogue: UnitCatalogue | None
) -> Proposal:
    statement = reading.statement
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
    not_a_figure = _not_an_observation(statement, figure, before, after)
    if not_a_figure:
        return replace(proposal, figure_refusal=f"'{figure.text}' is {not_a_figure}")
    proposal = _with_period(proposal, source, reading, figure)
    if not proposal.target and _due_after(proposal, source, statement, figure):
        proposal = replace(proposal, target=True)  # "đến năm 2025, kinh tế số chiếm 20%", written in 2024
    if not proposal.target and reading.plans and _ends_after(proposal.period, source):
        proposal = replace(proposal, target=True)  # under "II. NHIỆM VỤ THÁNG 12", "... đạt 50% trong tháng 12"
    proposal = _within_the_document(proposal, source, statement, figure)
    return _with_unit(proposal, source, reading, figure, catalogue)


def _not_an_observation(statement: Statement, figure: NumberMention, before: str, after: str) -> str:
    """What the figure is when it is no observation of a unit and period (a comparison
    base, a ratio, a threshold, a group's size, a forecast, a daily rate), else ""."""
    clause = before[before.rfind(";") + 1 :]
    opened = before.rfind("(")
    in_brackets = opened > before.rfind(")")
    own_year = _OWN_YEAR_AFTER.match(after)  # "từ vị trí 59 (năm 2016)": a base with its own year is that year's figure
    if (_COMPARISON_BASE_BEFORE.search(before[-40:]) and not own_year) or (
        in_brackets and _SAME_TIME_BEFORE.match(before[opened + 1 :])
    ):
        return "a comparison base, not a figure of its own period"
    if _GAP_BEFORE.search(clause) or _unit_set_against(statement, figure):
        return "a gap between two units ('khoảng cách', 'chênh lệch', 'cao hơn X …'), no unit's own figure"
    if _BY_BEFORE_TARGET.search(clause[-30:]) and _TARGET_AFTER.match(after):
        return "by how much a target or plan was passed or missed ('vượt … so với chỉ tiêu'), not an observation"
    if _RATIO_AFTER.match(after):
        return "a ratio ('… lần'), not a figure the registry keeps; file the two figures it compares"
    if _THRESHOLD_BEFORE.search(clause[-90:]):
        return "a threshold that says which units are counted ('có … trên/dưới …'), not an observation"
    if _RANKED_TOTAL_BEFORE.search(before[-30:]) and _UNITS_AFTER.match(after):
        return "the number of units a ranking covers ('theo 63 tỉnh'), not an observation"
    if _GROUP_BEFORE.search(before[-24:]):
        return "the size of a group ('nhóm 10 …'), not an observation"
    if _FORECAST.search(clause):
        return "a forecast or a recommendation ('dự báo', 'dự kiến', 'kiến nghị'), neither an observation nor a target"
    if _PER_DAY_AFTER.match(after) or _PER_DAY_BEFORE.search(clause):
        return "a daily or monthly rate ('mỗi ngày', 'mỗi tháng'); the registry keeps no such figures"
    if not figure.percent and figure.denominator is None and _UNITS_COUNTED_AFTER.match(after):
        return "the number of units that meet a threshold ('Có 17 tỉnh … trên 30%'), no unit's own figure"
    if _EACH_UNIT_BEFORE.search(clause):
        return "a norm for each unit below ('mỗi xã … ít nhất 1'), not a value of the unit"
    return ""


def _unit_set_against(statement: Statement, figure: NumberMention) -> bool:
    """ "cao hơn khối bộ, ngành 9,2 điểm phần trăm": the figure follows a unit named after
    "hơn", with nothing but words between: the gap to that unit."""
    for unit in statement.units:
        if unit.end <= figure.start and _MORE_THAN_BEFORE.search(
            statement.sentence[max(0, unit.start - 20) : unit.start]
        ):
            between = statement.sentence[unit.end : figure.start]
            if not re.search(r"[\d,;()]", between) and len(between) <= 20:
                return True
    return False


def _due_after(proposal: Proposal, source: SourceDocument, statement: Statement, figure: NumberMention) -> bool:
    """Whether the sentence gives the figure "by" a year ("đến năm 2025") that had not ended
    when the source was published: a figure due then, that is a target."""
    published = source.meta.published
    if published is None or proposal.period_from != "sentence" or not (proposal.period or "").isdecimal():
        return False
    mention = statement.period_of(figure).mention
    by = mention is not None and _BY_BEFORE.search(statement.sentence[: mention.start][-12:])
    return bool(by) and int(proposal.period) >= published.year


def _ends_after(label: str | None, source: SourceDocument) -> bool:
    """Whether the period had not ended when the source was published."""
    published = source.meta.published
    if label is None or published is None:
        return False
    try:
        end = parse_period(label).end
    except ValueError:
        return False
    return end is not None and end > published


def _of_an_edition(statement: Statement, figure: NumberMention) -> bool:
    """Whether a figure is read off a ranking's edition (a place, a step or a level: "tăng 2
    bậc", "giữ nguyên vị trí 36", "xếp ở bậc 1/5"), complete when published within its year."""
    start, end = statement._clause(figure)
    before = statement.sentence[start : figure.start][-30:]
    after = statement.sentence[figure.end : end][:12]
    # "Chỉ số dịch vụ trực tuyến (OSI) của Việt Nam đạt 0,7934": a named index's value; "thứ hạng
    # ... từ vị trí 59 (năm 2016) lên 47 (năm 2017), ... và 44 năm 2024": places listed in a ranking
    index = _INDEX_NAMED.search(statement.sentence, start, figure.start)
    ranking = _RANKING_WORDS.search(statement.sentence, start, figure.start)
    return bool(_EDITION_BEFORE.search(before) or _EDITION_AFTER.match(after) or index or ranking)


def _within_the_document(
    proposal: Proposal, source: SourceDocument, statement: Statement, figure: NumberMention
) -> Proposal:
    """Refuse a period the document cannot give the figure: one still running when it was
    published (an observation, not a target), a running total since an unstated day, or a
    period read from context in a sentence that speaks of an earlier one ("tuần trước")."""
    if proposal.refusal or proposal.period is None:
        return proposal
    published = source.meta.published
    if not proposal.target and published is not None and proposal.period_from != "source-date":
        try:
            period = parse_period(proposal.period)
        except ValueError:
            period = None
        # a flow counted over a period that still had months to run (an index's edition is named by its year)
        running = period is not None and (
            period.start > published
            or (
                proposal.kind not in _EDITION_KINDS
                and not _of_an_edition(statement, figure)
                and (period.end - published).days > _RUNNING_DAYS
            )
        )
        if running:
            return replace(
                proposal,
                period_refusal=f"{proposal.period} had not ended when the source was published ({published.isoformat()}); "
                "a figure for part of it needs its own day: add --period",
            )
    if proposal.period_from == "context":
        base = next((p for p in statement.periods if p.role == "comparison" and proposal.period in p.labels), None)
        if base is not None:
            return replace(
                proposal,
                period_refusal=f"the period in force ({proposal.period}) is the sentence's own comparison base "
                f"('{base.text}'); add --period",
            )
        earlier = _EARLIER_PERIOD.search(statement.sentence)
        if earlier:
            return replace(
                proposal,
                period_refusal=f"the sentence speaks of '{earlier.group(0)}', which names no period; add --period",
            )
        if _SINCE.search(statement.sentence):
            return replace(
                proposal,
                period_refusal="a running total since a day the sentence does not give, with no as-of day; add --period",
            )
    return proposal


def target_year(period: str) -> int:
    """The year a target is due, from its period label ("2025", or the end of "2021/2025")."""
    return int(period.split("/")[-1][:4])


def _with_period(proposal, source, reading: SentenceReading, figure) -> Proposal:
    statement = reading.statement
    earlier = _EARLIER_BRACKET.search(statement.sentence[: figure.start])
    if earlier:
        return replace(
            proposal,
            period_refusal=f"the value in brackets is that of '{earlier.group(0).rstrip(' (')}', "
            "a period the sentence does not name; add --period",
        )
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
        labels = reading.resolved(found.mention)
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
    column = reading.column_of(figure.start)
    if column is not None:  # "Bắc Ninh | 49,86 | 51,20" under "Địa phương | 2022 | 2023"
        return replace(proposal, period=column, period_from="column", period_words=column)
    present = next((p for p in statement.periods if p.role == "present"), None)
    if present is not None:  # "Tỉnh hiện có 1.028 tổ ...; 96,5% người dân ...": does "hiện" reach this clause?
        return replace(
            proposal,
            period_refusal=f"the sentence speaks of the present ('{present.text}') in another clause; add --period",
        )
    return _period_from_context(proposal, reading.context, reading.text)


def _period_from_context(proposal: Proposal, context: PeriodContext, reading_text: str) -> Proposal:
    """The period in force at the sentence (set by the title, a heading or a sentence
    before), written as `period_quote`, or a refusal that says why there is none."""
    if proposal.per_year and proposal.unit_vi == "%":  # "tăng khoảng 20%/năm": over a span the sentence does not state
        return replace(proposal, period_refusal="a rate per year over a span the sentence does not state; add --period")
    if context.label is None:
        return replace(
            proposal,
            period_refusal=f"the sentence states no period and {context.reason}; add --period (2024, 2024-H1, 2024-06-30, …)",
        )
    if context.where == "present" and context.quote == reading_text:
        # the sentence's own wording speaks of the present ("tỉnh X (mới)"): the source's date
        return replace(proposal, period=context.label, period_from="source-date", period_words=context.words)
    return replace(
        proposal,
        period=context.label,
        period_from="context",
        period_quote=context.quote,
        period_words=context.words,
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


def _with_unit(proposal, source, reading: SentenceReading, figure, catalogue) -> Proposal:
    if catalogue is None:
        return proposal
    proposal = _unit_of(proposal, source, reading, figure, catalogue)
    unit_id, label = proposal.reporting_unit, proposal.period
    if proposal.refusal or unit_id is None or label is None or unit_id not in catalogue:
        return proposal
    try:
        period = parse_period(label)
    except ValueError:
        return proposal
    days = [period.start] if period.kind == "range" else [period.start, period.end]
    if all(catalogue.at(unit_id, day) is not None for day in days if day is not None):
        return _territory_named(proposal, source, reading.statement, period, catalogue)
    name = catalogue.latest(unit_id).name
    refusal = f"{name} was not a reporting unit throughout {label} (a merger): add --reporting-unit or --period"
    return replace(proposal, unit_refusal=refusal)


def _territory_named(proposal, source, statement: Statement, period, catalogue) -> Proposal:
    """Refuse a figure for a period before the 1 July 2025 merger of a province whose
    territory changed then, in a source written after it that does not say the former
    territory ("(cũ)", "trước khi hợp nhất"): it may be the merged province's recomputed value."""
    unit_id, published = proposal.reporting_unit, source.meta.published
    versions = catalogue.versions[unit_id]
    if published is None or published < MERGER_DAY or period.end is None or period.end >= MERGER_DAY:
        return proposal
    if len(versions) < 2 or versions[-1].valid_from != MERGER_DAY or _FORMER_TERRITORY.search(statement.sentence):
        return proposal
    refusal = (
        f"{versions[-1].name} took in other provinces on {MERGER_DAY.isoformat()} and the source, written after, "
        f"does not say the {proposal.period} figure is the former territory's ('(cũ)'); add --reporting-unit"
    )
    return replace(proposal, unit_refusal=refusal)


def _unit_of(proposal, source, reading: SentenceReading, figure, catalogue) -> Proposal:
    statement = reading.statement
    found = statement.unit_of(figure, catalogue)
    if found.how == "new-unit" and proposal.period and found.unit_id in catalogue:
        formed = catalogue.latest(found.unit_id).valid_from
        try:
            starts = parse_period(proposal.period).start
        except ValueError:
            starts = None
        if formed is not None and starts is not None and starts < formed:
            refusal = (
                f"'(mới)' names the unit formed on {formed.isoformat()}: a figure for {proposal.period} "
                "recomputed for it is no observation of a unit in force then"
            )
            return replace(proposal, reporting_unit=None, unit_refusal=refusal)
    if found.how == "ambiguous":
        return replace(proposal, reporting_unit=None, unit_refusal=f"{found.reason}; add --reporting-unit")
    if found.unit_id:
        return replace(proposal, reporting_unit=found.unit_id)
    if reading.unit is not None and names_no_unit(statement):  # "Cả nước đã có ...". "Tỷ lệ ... đạt 99,4%"
        return replace(proposal, reporting_unit=reading.unit.unit_id)
    if source.meta.reporting_unit:
        return replace(proposal, reporting_unit=source.meta.reporting_unit)
    if _UNNAMED_PROVINCE.search(statement.sentence):
        # "Quảng Ngãi ... xếp thứ 21/63; ba trụ cột ... của tỉnh": the province the sentence opens with
        named = _subject_province(statement, catalogue)
        if named is None and proposal.period_from == "context":
            named = _one_province(proposal.period_quote, catalogue)
        if named is None and reading.unit is not None and catalogue.level(reading.unit.unit_id) == "province":
            named = reading.unit.unit_id  # "Lai Châu xếp thứ 52/63. Toàn tỉnh hiện có 106 xã ..."
        if named:
            return replace(proposal, reporting_unit=named)
        refusal = "the sentence speaks of a province it does not name; add --reporting-unit"
        return replace(proposal, reporting_unit=None, unit_refusal=refusal)
    return replace(proposal, reporting_unit="vn")


def _subject_province(statement: Statement, catalogue: UnitCatalogue) -> str | None:
    """The province a sentence opens with as its subject ("Quảng Ngãi tăng 5 bậc ...",
    "Tỉnh Lạng Sơn ..."), when it names no other unit, else None."""
    units = [u for u in statement.units if u.unit_id or u.local]
    if len({u.unit_id for u in units}) != 1 or units[0].local or catalogue.level(units[0].unit_id) != "province":
        return None
    opening = statement.sentence[: units[0].start].strip().lower()
    return units[0].unit_id if opening in ("", "tỉnh", "thành phố") else None


def _one_province(text: str | None, catalogue: UnitCatalogue) -> str | None:
    """The one province a context sentence names ("... của Sơn La ..."), else None."""
    if not text:
        return None
    named = {
        unit.unit_id
        for unit in analyse(text, catalogue).units
        if not unit.local and catalogue.level(unit.unit_id) == "province"
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
