"""One reading per source document, computed once and kept by the digest of what it
reads (title, date, text): the sentences in order, each with its layout role, what it
states (`indicators.statements.Statement`) and the period in force at it."""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from indicators.period_mentions import find_periods
from indicators.periods import parse_period
from indicators.reading.context import NONE, PeriodContext, UnitContext, named_unit, one_period, referred, stated
from indicators.reading.layout import line_role
from indicators.reporting_units import MERGER_DAY, UnitCatalogue
from indicators.statements import Statement, analyse
from indicators.text import fold, split_sentences

_KEPT = 512  # readings kept in memory (one per source text)
_AVERAGE = re.compile(r"\b(?:mỗi|một)\s+ngày\b|\btrung\s+bình\b|\bbình\s+quân\b", re.IGNORECASE)
# "bình quân giai đoạn 2020 - 2024", "mỗi ngày trong tháng 5": the average's words right before its span
_AVERAGE_SPAN = 25
# "II. NHIỆM VỤ THÁNG 12", "Phương hướng năm 2025": a section of tasks or plans
_PLANS_HEADING = re.compile(
    r"^\s*(?:(?:[IVX]+|\d+(?:\.\d+)*)\.?\s*)?(?:nhiệm\s+vụ|phương\s+hướng|kế\s+hoạch|mục\s+tiêu)\b", re.IGNORECASE
)
# "Năm 2025, tỉnh phấn đấu ...": a target's due year is no period for the sentences after it
# "Tháng 11, Tổ công tác yêu cầu các địa phương hoàn thành 100% ...": a task set for a period, the same
_TARGET = re.compile(
    r"\b(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|(?:yêu\s+cầu|đề\s+nghị)\s+(?:các|toàn|hoàn\s+thành|tập\s+trung))\b"
    r"|\b(?:yêu\s+cầu|đề\s+nghị)\s+100%",
    re.IGNORECASE,
)
# "Con số này năm 2023 là 16,5%", "Tỷ lệ này cùng kỳ năm trước là ...": the figure before, at another time
# "Trước đó, năm 2023, tỷ lệ này đạt 80,2%": the same, for a period before the one in force
_SAME_FIGURE_THEN = re.compile(
    r"^\s*(?:con\s+số|tỷ\s+lệ|mức|chỉ\s+số|giá\s+trị|tỷ\s+trọng)\s+(?:này|tương\s+ứng)\b", re.IGNORECASE
)
_EARLIER_ASIDE = re.compile(
    r"^\s*trước\s+đó\b|\b(?:con\s+số|tỷ\s+lệ|mức|chỉ\s+số|giá\s+trị|tỷ\s+trọng)\s+(?:này|tương\s+ứng)\b",
    re.IGNORECASE,
)
# "Tỉnh Đồng Tháp (mới)": the province as it is since the merger, that is as the source writes
_NEW_UNIT = re.compile(r"\(\s*mới\s*\)", re.IGNORECASE)


@dataclass(frozen=True)
class SentenceReading:
    """One sentence: its place (`line`, 1-based; `number`, its place on the line), its
    layout `role`, what it states, and the period in force at it (`context`: set by the
    title, a heading or a sentence before; for a heading, its own)."""

    index: int
    line: int
    number: int
    text: str
    role: str
    statement: Statement
    context: PeriodContext
    year: int | None  # the year a day and month without one take here
    unit: UnitContext | None = None  # a unit a sentence before named, still spoken of here
    # a table row under a header of years ("Địa phương | 2022 | 2023"): (start, end, year) of each cell
    columns: tuple[tuple[int, int, str], ...] = ()
    header: str = ""  # that header row
    plans: bool = False  # under a heading of tasks or plans ("II. NHIỆM VỤ THÁNG 12"): its figures are targets

    def column_of(self, at: int) -> str | None:
        """The year of the column holding position `at` of the sentence, or None."""
        return next((label for start, end, label in self.columns if start <= at < end), None)

    def resolved(self, mention) -> tuple[str, ...]:
        """A period mention's labels, with the year of the document where the words leave it
        out; "đến cuối quý" is the last day of the quarter in force."""
        if mention.relative == "quarter-end":
            label = self.context.label or ""
            if len(label) == 7 and label[5] == "Q":
                quarter = int(label[6])
                last = (31, 30, 30, 31)[quarter - 1]
                return (f"{label[:4]}-{3 * quarter:02d}-{last}", label)
            return ()
        return mention.resolved(self.year)


@dataclass(frozen=True)
class DocumentReading:
    title: str
    published: date | None
    sentences: tuple[SentenceReading, ...]

    def at(self, line: int, number: int) -> SentenceReading | None:
        """The `number`-th sentence of line `line`."""
        return next((s for s in self.sentences if s.line == line and s.number == number), None)

    def holding(self, quote: str) -> list[SentenceReading]:
        """The sentences that hold the (folded) quote, or that the quote holds whole."""
        folded = fold(quote)
        return [s for s in self.sentences if folded in s.text or (len(s.text) > 20 and s.text in folded)]

    def states_title(self, quote: str) -> bool:
        return bool(self.title) and fold(quote) == self.title


_readings: OrderedDict[tuple, DocumentReading] = OrderedDict()


def read_document(source, catalogue: UnitCatalogue | None = None) -> DocumentReading:
    """The reading of a `SourceDocument` (its metadata's title and date and its text),
    computed once per distinct text and catalogue."""
    meta = source.meta
    return read_text(source.text, meta.title, meta.published, catalogue)


def read_text(
    text: str, title: str = "", published: date | None = None, catalogue: UnitCatalogue | None = None
) -> DocumentReading:
    """The reading of a text (one paragraph, heading, caption or table row per line)."""
    digest = hashlib.blake2b(f"{title}\x00{published}\x00{text}".encode(), digest_size=16).digest()
    # the catalogue's content: every load builds a new catalogue from the same files (keyed by
    # identity, each load kept its own readings; by id, a freed catalogue's id could be reused)
    key = (digest, catalogue.digest if catalogue is not None else None)
    found = _readings.get(key)
    if found is not None:
        _readings.move_to_end(key)
        return found
    found = _read(text, fold(title), published, catalogue)
    _readings[key] = found
    if len(_readings) > _KEPT:
        _readings.popitem(last=False)
    return found


def _read(text: str, title: str, published: date | None, catalogue: UnitCatalogue | None) -> DocumentReading:
    default_year = published.year if published else None
    base = NONE
    if title:
        own = stated(find_periods(title), title, default_year)
        one = one_period(own)
        if one is not None:
            base = PeriodContext(one[1][0], one[0].text, title, "title", 0, "", one[1][1:])
        elif own:
            base = PeriodContext(reason="the title states several periods")
    current, history, found = base, [base], []
    before_present = base
    # the document's own year, for a day or month written without one: the title's, else the
    # lead's, else the publication's (never a year a later sentence names: it may be a past one)
    document_year = _year(base)
    lead_seen = False
    lead_base: PeriodContext | None = None  # the lead's period, while it holds after headings
    unit: UnitContext | None = None
    header: tuple[str, tuple[str | None, ...]] | None = None  # a table's header of years and its row
    plans = False
    for line_number, raw in enumerate(text.splitlines(), start=1):
        line = fold(raw)
        if current.where == "present":  # "hiện ..." speaks for the rest of its paragraph only
            current = before_present
        role = line_role(line)
        if role == "heading":
            unit = None  # a new section speaks of the document's own unit again
            plans = _PLANS_HEADING.match(line) is not None
        columns: tuple[tuple[int, int, str], ...] = ()
        if role != "table-row":
            header = None
        elif (years := _year_columns(line)) is not None:
            header = (line.strip(), years)
        elif header is not None:
            columns = _cells(line, header[1])
        for number, (start, end) in enumerate(split_sentences(line), start=1):
            sentence = line[start:end].strip()
            statement = analyse(sentence, catalogue)
            # a month or day without a year: the year of the period set on this line or by a heading, else the title's
            near = current.where == "heading" or (
                current.where in ("sentence", "present") and current.line == line_number
            )
            year = (_year(current) if near else None) or document_year or default_year
            own = stated(statement.periods, sentence, year)
            one = one_period(own)
            lead = role == "paragraph" and not lead_seen
            if lead:
                lead_seen = True
                if document_year is None and one is not None:
                    document_year = _year(PeriodContext(one[1][0]))
            if role == "heading":
                if one is not None:
                    current = PeriodContext(one[1][0], one[0].text, sentence, "heading", line_number, "", one[1][1:])
                    history.append(current)
                elif own:
                    current = PeriodContext(reason=f"the heading '{sentence}' states several periods")
                else:
                    current = base  # a new section: what the sentences before set ends
            at = current
            if role != "heading" and (back := referred(sentence, history)) is not None:
                at = back
            if role != "heading" and not own and _after_the_merger(sentence, at, published):
                # "Tỉnh Đồng Tháp (mới) có 102 xã": the merged province as it is now, not a period before it existed
                at = PeriodContext(published.isoformat(), "(mới)", sentence, "present", line_number, "")
            cells = _shifted(columns, line, start, sentence)
            found.append(
                SentenceReading(
                    len(found),
                    line_number,
                    number,
                    sentence,
                    role,
                    statement,
                    at,
                    year,
                    unit,
                    cells,
                    header[0] if cells and header else "",
                    plans,
                )
            )
            if role in ("heading", "caption", "table-row"):
                continue  # a table's rows are read by their columns; the prose after it goes on as before
            if catalogue is not None:
                unit = named_unit(statement, line_number, catalogue, unit)
            if at.where == "present" and at.quote == sentence and current.where != "present":
                before_present, current = current, at
                continue
            if one is not None and ("/" in one[1][0] or _averaged_over(sentence, one[0])):
                continue  # a range or an average's span ("mỗi ngày trong tháng 5") is its sentence's own
            if one is not None and _outside_brackets(_TARGET, sentence):
                continue  # a target's due year
            if one is not None and _an_earlier_aside(sentence, one[1][0], current):
                continue  # "Con số này năm 2023 là 16,5%": another period's value of the figure before, an aside
            unsupported = next((p for p in statement.periods if p.role == "period" and p.unsupported), None)
            if one is not None:
                current = PeriodContext(one[1][0], one[0].text, sentence, "sentence", line_number, "", one[1][1:])
                history.append(current)
                if lead and base is NONE and len(current.label) <= 7:
                    base = lead_base = (
                        current  # "Năm 2023, ...": a lead's year, quarter or month holds where the title states none
                    )
                elif base is lead_base and current.label != lead_base.label:
                    # a body that goes on to another period speaks of several: after a heading, no period is in force
                    base = PeriodContext(reason=f"the document speaks of {lead_base.label} and {current.label}")
            elif (
                unsupported is not None
            ):  # "Trong 9 tháng năm 2024, ...": a new period, one the registry has no form for
                current = PeriodContext(reason=f"the sentence on line {line_number} states {unsupported.unsupported}")
            elif published is not None and any(p.role == "present" for p in statement.periods):
                # "Hiện 100% cơ quan ...": the day of publication, for what follows in the paragraph
                present = next(p for p in statement.periods if p.role == "present")
                if current.where != "present":
                    before_present = current
                current = PeriodContext(published.isoformat(), present.text, sentence, "present", line_number, "")
            elif own:
                labels = ", ".join(dict.fromkeys(labels[0] for _, labels in own))
                current = PeriodContext(reason=f"the sentence on line {line_number} states several periods ({labels})")
            elif at is not current and at.label:
                current = at
    return DocumentReading(title, published, tuple(found))


def _an_earlier_aside(sentence: str, label: str, current: PeriodContext) -> bool:
    """Whether the sentence gives the figure before at another time ("Con số tương ứng năm 2023
    là ...", "Trước đó, năm 2023, tỷ lệ này đạt 80,2%") while a period is in force: an aside."""
    if not current.label:
        return False
    if _SAME_FIGURE_THEN.match(sentence):
        return True
    if not _EARLIER_ASIDE.search(sentence):
        return False
    try:
        return parse_period(label).end < parse_period(current.label).start
    except ValueError:
        return False


def _averaged_over(sentence: str, mention) -> bool:
    """Whether the period is the span of an average written right before it ("bình quân giai
    đoạn 2020 - 2024", "mỗi ngày trong tháng 5"), not an average the sentence only names
    ("tốc độ ... trung bình ... đạt", after "Đến cuối tháng 11/2025")."""
    return any(
        match.end() <= mention.start and mention.start - match.end() <= _AVERAGE_SPAN
        for match in _AVERAGE.finditer(sentence, max(0, mention.start - _AVERAGE_SPAN - 20), mention.start)
    )


def _after_the_merger(sentence: str, context: PeriodContext, published: date | None) -> bool:
    """Whether the sentence speaks of a unit as it is since the 1 July 2025 merger ("(mới)")
    while the period in force began before it (that period cannot be the sentence's), or while
    none is in force."""
    if published is None or published < MERGER_DAY or not _NEW_UNIT.search(sentence):
        return False
    if context.label is None:
        return True
    try:
        return parse_period(context.label).start < MERGER_DAY
    except ValueError:
        return False


_YEAR_CELL = re.compile(r"^\s*(?:năm\s+)?((?:19|20)\d{2})\s*$", re.IGNORECASE)


def _year_columns(line: str) -> tuple[str | None, ...] | None:
    """The period of each cell of a table's header row ("Địa phương | 2022 | 2023",
    "Địa phương | Tháng 9/2025 | Tháng 10/2025"), None for a cell that names none; None for a
    row with fewer than two such cells."""
    periods = tuple(_period_cell(cell) for cell in line.split(" | "))
    return periods if sum(period is not None for period in periods) >= 2 else None


def _period_cell(cell: str) -> str | None:
    """The period a header cell is, whole ("2023", "Quý III/2025", "Tháng 9/2025"), else None."""
    if match := _YEAR_CELL.match(cell):
        return match.group(1)
    mentions = find_periods(cell)
    if len(mentions) != 1 or mentions[0].role != "period" or len(mentions[0].labels) != 1:
        return None
    mention = mentions[0]
    return mention.labels[0] if not (cell[: mention.start] + cell[mention.end :]).strip() else None


def _cells(line: str, years: tuple[str | None, ...]) -> tuple[tuple[int, int, str], ...]:
    """(start, end, year) of the cells of a row under a header of years, when the row has as
    many cells as the header (else which value is in which column cannot be told)."""
    cells, at = [], 0
    for cell in line.split(" | "):
        cells.append((at, at + len(cell)))
        at += len(cell) + 3
    if len(cells) != len(years):
        return ()
    return tuple((start, end, year) for (start, end), year in zip(cells, years, strict=True) if year)


def _shifted(columns, line: str, start: int, sentence: str) -> tuple[tuple[int, int, str], ...]:
    """The cells of the line, at their places in the sentence (which starts at `start`, stripped)."""
    offset = start + len(line[start:]) - len(line[start:].lstrip())
    return tuple(
        (a - offset, b - offset, label) for a, b, label in columns if b > offset and a - offset < len(sentence)
    )


def _year(context: PeriodContext) -> int | None:
    label = context.label
    return int(label[:4]) if label and label[:4].isdecimal() else None


def _outside_brackets(pattern: re.Pattern, sentence: str) -> bool:
    return any(
        sentence[: match.start()].count("(") <= sentence[: match.start()].count(")")
        for match in pattern.finditer(sentence)
    )
