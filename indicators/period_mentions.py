"""The periods a Vietnamese sentence states, where, and in what role.

    >>> [(m.label, m.role) for m in find_periods("6 tháng đầu năm 2024 đạt 64,9 tỷ USD, tăng 23% so với cùng kỳ năm 2023")]
    [('2024-H1', 'period'), ('2023', 'comparison')]

Forms read (case-insensitive, on folded text):
- years: `năm 2024`; a bare year in a list (`các năm 2022, 2023`) or after an index
  name (`Chỉ số Đổi mới sáng tạo toàn cầu 2024`, `DTI 2023`);
- half-years: `6 tháng đầu năm 2024`, `6 tháng năm 2024`, `6 tháng 2024`, `nửa đầu năm 2024`,
  `6 tháng cuối năm 2024`; quarters: `quý III/2024`, `quý 3 năm 2024`; months: `tháng 9/2025`,
  `tháng 9 năm 2025`;
- as-of dates: `tính đến hết ngày 30-6-2023`, `ngày 15/11/2024`, `đến cuối tháng 5-2024`,
  `hết tháng 2/2024`, `cuối năm 2023`; a day and month without a year (`tính đến 15/11`);
- ranges: `giai đoạn 2020 - 2024`, `2021-2025`, `từ năm 2020 - 2023`, `từ năm 2020 đến năm 2023`;
- `so với (cùng kỳ) năm 2023`, `so với tháng 8/2025`: the comparison, not the figure's period;
- `hàng năm`, `hằng năm`, `mỗi năm`: a per-year rate (no period);
- `hiện có`, `hiện nay`, `đến nay`, `đến thời điểm này`, `thời gian qua`: the present (the source's own date);
- `đến năm 2025` after `mục tiêu` or `phấn đấu`: the year a target is due;
- `năm nay`, `6 tháng đầu năm nay`: the source's own year.
Dates that belong to a document (`Quyết định số 749/QĐ-TTg ngày 3/6/2020`) and years inside
document numbers (`13/2023/NĐ-CP`) are not periods.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

# role: "period" (the figure's own), "comparison", "target" (a target's due year),
# "rate" (per year: no period), "present" (the source's date), "name" (the year of a named
# report, "Báo cáo Thương mại điện tử Việt Nam năm 2025": its edition, no figure's period)
ROLES = ("period", "comparison", "target", "rate", "present", "name")
_NAMED_REPORT_BEFORE = re.compile(r"(?-i:Báo\s+cáo|Sách\s+trắng)\s+(?-i:[A-ZĐ])[^,;:()]*$")


@dataclass(frozen=True)
class PeriodMention:
    """One period as a sentence writes it.

    `label` is the registry's form (`2024`, `2024-H1`, `2024-Q3`, `2024-09`, `2023-06-30`,
    `2020/2024` for a range of years), or None for `rate` and `present` mentions and
    for a day-month without a year. `also` lists labels the same words may also
    stand for ("cuối năm 2023" is 2023-12-31, or the year 2023 as a stock at its end)."""

    start: int
    end: int
    text: str
    label: str | None
    role: str
    also: tuple[str, ...] = ()
    day_month: tuple[int, int] | None = None  # for "tính đến 15/11": the year is the source's
    # the period of the year around it: "year" ("năm nay"), "year-end" ("cuối năm nay"), "H1"/"H2"
    # ("6 tháng đầu năm"), "Q3" ("quý III"), "M09" ("tháng 9"), "E09" ("đến cuối tháng 9")
    relative: str | None = None
    unsupported: str | None = None  # a period the registry has no form for: "the first 9 months of 2024"

    def resolved(self, source_year: int | None) -> tuple[str, ...]:
        """Its labels, with a year taken from the source's date where the text omits it."""
        if source_year is None or (self.day_month is None and self.relative is None):
            return self.labels
        if self.day_month is not None:
            day, month = self.day_month
            if day > calendar.monthrange(source_year, month)[1]:
                return ()
            return (f"{source_year}-{month:02d}-{day:02d}",)
        relative = self.relative
        if relative == "quarter-end":
            return ()  # the quarter is the one in force (`indicators.reading`), not the year's
        if relative == "year":
            return (str(source_year),)
        if relative == "year-end":
            return (f"{source_year}-12-31", str(source_year))
        if relative[0] in "ME":  # "M09": a month; "E09": the last day of a month
            month = int(relative[1:])
            last = f"{source_year}-{month:02d}-{calendar.monthrange(source_year, month)[1]:02d}"
            return (f"{source_year}-{month:02d}",) if relative[0] == "M" else (last, f"{source_year}-{month:02d}")
        return (f"{source_year}-{relative}",)  # "H1", "Q3"

    @property
    def labels(self) -> tuple[str, ...]:
        return ((self.label,) if self.label else ()) + self.also


_YEAR = r"((?:19|20)\d{2})"
_YEARS = re.compile(r"(?:19|20)\d\d(?<!\d{5})(?!\d)")  # no digit on either side; the literal first, for speed
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_SEP = r"\s*[-/.]\s*"
_WINDOW = 48
_MONTH_COUNT_WORDS = "hai|ba|bốn|năm|bảy|tám|chín|mười một|mười"  # how far before a year its period's words may start

# A document number, with the document's date when one follows: "749/QĐ-TTg ngày 3/6/2020", "13/2023/NĐ-CP".
_DOCUMENT = re.compile(
    r"\d+[/-][0-9A-ZĐa-zđ.]*[A-ZĐ][A-ZĐa-zđ\-/.]*(?:\s+ngày\s+\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4})?"
    r"|\d+/\d{4}/[A-ZĐ][A-ZĐa-zđ\-]*"
)

# Forms that end with a year, tried in order on the (lower-case) text just before each year;
# each only when one of its words is there (a substring test is far cheaper than a search).
_ENDING_WITH_A_YEAR: list[tuple[str, re.Pattern]] = [
    (
        "range",
        re.compile(
            rf"(?:giai đoạn|thời kỳ|các năm từ|từ năm|từ)\s+(?:năm\s+)?{_YEAR}\s*(?:-|–|đến|tới)\s*(?:năm\s+)?{_YEAR}$"
            rf"|(?<![\d/.,-]){_YEAR}\s*[-–]\s*{_YEAR}$"
        ),
    ),
    (
        "end-of-month",
        re.compile(
            rf"(?:(?:(?:tính\s+)?(?:đến|tới)\s+)?(?:hết|cuối)|(?:tính\s+)?(?:đến|tới)(?:\s+hết)?)\s+tháng\s+(\d{{1,2}})"
            rf"(?:{_SEP}|\s+năm\s+){_YEAR}$"
        ),
    ),
    (
        "end-of-quarter",
        re.compile(
            rf"(?:(?:(?:tính\s+)?(?:đến|tới)\s+)?(?:hết|cuối)|(?:tính\s+)?(?:đến|tới)(?:\s+hết)?)\s+qu[ýí]\s+"
            rf"(iv|iii|ii|i|[1-4])\s*(?:/|năm|-)\s*{_YEAR}$"
        ),
    ),
    # "9 tháng đầu năm 2024": the first months of a year other than a half: not a period the registry files
    (
        "months-to-date",
        re.compile(rf"(?<![\d\w])(1[0-2]|[2-57-9]|{_MONTH_COUNT_WORDS})\s+tháng\s+(?:đầu\s+)?(?:năm\s+)?{_YEAR}$"),
    ),
    ("end-of-year", re.compile(rf"(?:(?:tính\s+)?(?:đến|tới)\s+)?(?:hết|cuối)\s+năm\s+{_YEAR}$")),
    (
        "date",
        re.compile(
            rf"(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?)?(?:ngày\s+)?(?<![\d.,])(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}{_YEAR}$"
        ),
    ),
    ("half-year", re.compile(rf"(?:(?:6|sáu)\s+tháng\s+(đầu|cuối)?\s*(?:năm\s+)?|nửa\s+(đầu|cuối)\s+năm\s+){_YEAR}$")),
    (
        "quarter-list",
        re.compile(
            rf"qu[ýí]\s+(?:iv|iii|ii|i|[1-4])(?:\s*(?:,|và)\s*(?:qu[ýí]\s+)?(?:iv|iii|ii|i|[1-4]))+\s*(?:/|năm|-)\s*{_YEAR}$"
        ),
    ),
    ("quarter", re.compile(rf"qu[ýí]\s+(iv|iii|ii|i|[1-4])\s*(?:/|năm|-)\s*{_YEAR}$")),
    ("month", re.compile(rf"tháng\s+(\d{{1,2}})\s*(?:/|-|năm)\s*{_YEAR}$")),
    ("year", re.compile(rf"năm\s+{_YEAR}$")),
    ("bare-year", re.compile(rf"(?<![\d/.,-]){_YEAR}$")),
]
_WORDS_OF = {
    "range": ("-", "–", "đến", "tới"),
    "end-of-month": ("hết", "cuối", "đến", "tới"),
    "end-of-quarter": ("hết", "cuối", "đến", "tới"),
    "months-to-date": ("tháng",),
    "end-of-year": ("hết", "cuối"),
    "date": ("-", "/", "."),
    "half-year": ("tháng", "nửa"),
    "quarter-list": ("qu",),
    "quarter": ("qu",),
    "month": ("tháng",),
    "year": ("năm",),
    "bare-year": ("",),
}
_ALL_WORDS = frozenset(word for words in _WORDS_OF.values() for word in words)
_RANGE_GOES_ON = re.compile(rf"\s*(?:-|–|đến|tới)\s*(?:năm\s+)?{_YEAR}")
_AFTER_A_BARE_YEAR = re.compile(r"\d|[/.,-]\d|%|\s*(?:tỷ|triệu|nghìn|ngàn)")
# Forms without a year, found only where their words occur.
_WITHOUT_A_YEAR: list[tuple[str, tuple[str, ...], re.Pattern]] = [
    ("rate", ("hàng năm", "hằng năm", "mỗi năm", "/"), re.compile(r"\b(?:hàng|hằng|mỗi)\s+năm\b|/\s*năm\b")),
    ("year-end", ("năm nay",), re.compile(r"(?:(?:tính\s+)?(?:đến|tới)\s+)?(?:hết|cuối)\s+năm\s+nay")),
    # "Đến cuối năm", "hết năm": the end of the document's year
    (
        "year-end",
        ("cuối năm", "hết năm"),
        re.compile(
            r"(?:(?:tính\s+)?(?:đến|tới)\s+)?(?<!tháng )(?<!nửa )(?:hết|cuối)\s+năm\b(?!\s*(?:nay|\d|học|trước|sau|tới|qua|ngoái|đó))"
        ),
    ),
    # "Đến cuối quý": the last day of the quarter in force
    (
        "quarter-end",
        ("cuối quý", "hết quý"),
        re.compile(r"(?:(?:tính\s+)?(?:đến|tới)\s+)?(?:hết|cuối)\s+quý\b(?!\s*(?:[ivx\d]|này|trước|sau|tới|đó))"),
    ),
    ("this-half", ("năm nay",), re.compile(r"(?:6|sáu)\s+tháng\s+(đầu|cuối)?\s*năm\s+nay")),
    ("this-year", ("năm nay",), re.compile(r"\bnăm\s+nay\b")),
    (
        "present",
        ("hiện", "nay", "thời điểm", "qua"),
        re.compile(
            r"(?<!thực )(?<!xuất )(?<!biểu )(?<!thể )(?<!phát )(?<!hiển )"
            r"\b(?:hiện\s+(?:có|nay|đang|đã|tại)|hiện(?=\s+(?!thực|hành|đại|trạng|tượng|vật|diện|thời))|(?:tính\s+)?(?:đến|tới)\s+(?:nay|thời điểm (?:này|hiện tại)|hiện tại)"
            r"|thời gian (?:vừa\s+)?qua)\b"
        ),
    ),
    (
        "months-so-far",
        ("tháng",),
        re.compile(
            rf"(?:tính\s+chung\s+)?(?<![\d\w])(?<!sau )(?<!sau gần )(?<!sau hơn )(?<!sau khoảng )"
            rf"(1[0-2]|[2-57-9]|{_MONTH_COUNT_WORDS})\s+tháng(?:\s+đầu\s+năm)?\b"
            r"(?!\s*(?:qua|tới|trước|sau|gần|liên|\d))"
        ),
    ),
    (
        "half-of-year",
        ("tháng",),
        re.compile(r"(?<![\d\w])(?:6|sáu)\s+tháng(?:\s+(đầu|cuối)(?:\s+năm)?)?\b(?!\s*(?:qua|tới|trước|sau|\d))"),
    ),
    (
        "quarter-of-year",
        ("qu",),
        re.compile(
            r"(?:(?:(?:tính\s+)?(?:đến|tới)\s+)?(hết|cuối)\s+)?\bqu[ýí]\s+(iv|iii|ii|i|[1-4])\b(?!\s*(?:/|-|năm)\s*\d)"
        ),
    ),
    (
        "month-of-year",
        ("tháng",),
        re.compile(
            r"(?:(?:(?:tính\s+)?(?:đến|tới)\s+)?(hết|cuối)\s+)?tháng\s+(1[0-2]|0?[1-9])\b(?!\s*(?:[/.-]\s*\d|năm\s+\d))"
        ),
    ),
    (
        "day-month",
        ("đến", "tới", "báo cáo", "riêng"),
        # "tính đến 15/11", "tính đến 16h ngày 19/8", "báo cáo ngày 23/8", "tính đến ngày 15.6" (a dot only after "ngày": "15.6" alone is a number),
        # "Riêng ngày 8/8" (one day singled out, as "Riêng tháng 9" is a month)
        re.compile(
            r"(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:\d{1,2}\s*(?:h|giờ)(?:\s*\d{2})?\s+)?|báo\s+cáo\s+|riêng\s+(?:trong\s+)?(?=ngày))"
            r"(?:ngày\s+(\d{1,2})\s*[/.-]|(\d{1,2})\s*[/-])\s*(\d{1,2})\b(?![/.-]\d)"
        ),
    ),
]
# "so với cùng kỳ năm 2023", "gấp 1,9 lần năm 2023", "gấp đôi cuối năm 2024", "gấp 2,1 lần cả năm 2024"
_COMPARISON_BEFORE = re.compile(
    r"(?:so\s+với\s+(?:mức\s+.{0,40}?\s+|[^\d,;()]{0,30}?\s+)?"
    r"|gấp\s+(?:[\d.,]+\s+lần|[^\d,;()]{0,20}?lần|đôi|rưỡi)\s+(?:so\s+với\s+)?(?:[^\d,;()]{0,20}?\s+)?)$",
    re.IGNORECASE,
)
_SAME_TIME_BEFORE = re.compile(r"(?<!\()\b(?:hơn|với|kém|bằng)\s+cùng\s+kỳ\s+$", re.IGNORECASE)
_TARGET_WORDS = ("mục tiêu", "phấn đấu", "kế hoạch", "chỉ tiêu", "định hướng")
_TARGET_BEFORE = re.compile(
    r"(?:mục\s+tiêu|phấn\s+đấu|kế\s+hoạch|chỉ\s+tiêu|định\s+hướng)[^.;]{0,40}?(?:đến|tới|vào|trong)?\s*$", re.IGNORECASE
)


def find_periods(sentence: str) -> list[PeriodMention]:
    """Every period mention of a (folded) sentence, in order, none overlapping."""
    low = sentence.lower()
    if len(low) != len(sentence):  # lower-casing changed lengths: positions would drift
        low = sentence
    taken = [match.span() for match in _DOCUMENT.finditer(sentence) if "/" in match.group(0)] if "/" in sentence else []
    mentions: list[PeriodMention] = []
    for year in _YEARS.finditer(low):
        if any(start < year.end() and year.start() < end for start, end in taken):
            continue
        if _RANGE_GOES_ON.match(low, year.end()):
            continue  # the first year of a range: the range is read at its last year
        found = _ending_at(low, sentence, year.end(), taken)
        if found:
            mentions.extend(found)
            taken.append((found[0].start, found[-1].end))
    for kind, words, pattern in _WITHOUT_A_YEAR:
        if not any(word in low for word in words):
            continue
        for match in pattern.finditer(low):
            if not any(start < match.end() and match.start() < end for start, end in taken):
                mentions.extend(_mentions_of(kind, match, sentence))
                taken.append(match.span())
    return sorted(mentions, key=lambda mention: mention.start)


def _ending_at(low: str, sentence: str, end: int, taken: list[tuple[int, int]]) -> list[PeriodMention]:
    """The period mention that ends with the year ending at `end`, if its words form one."""
    window_start = max(0, end - _WINDOW)
    window = low[window_start:end]
    best = None  # the form that starts earliest (the longest) wins: "6 tháng cuối năm 2024" over "cuối năm 2024"
    for kind, pattern in _forms_for(window):
        if kind == "bare-year" and best is not None:
            break  # the last form, and the shortest: it starts at the year, so it never starts earlier
        match = pattern.search(window)
        if match is None:
            continue
        start = window_start + match.start()
        if kind == "bare-year" and _AFTER_A_BARE_YEAR.match(low, end):
            continue
        if any(taken_start < end and start < taken_end for taken_start, taken_end in taken):
            continue  # its words overlap an earlier mention: a shorter form may not
        if best is None or start < best[0]:
            best = (start, kind, match)
    if best is None:
        return []
    _, kind, match = best
    return _mentions_of(kind, _Located(match, sentence, window_start), sentence)


_FORMS_FOR: dict[frozenset[str], tuple[tuple[str, re.Pattern], ...]] = {}


def _forms_for(window: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The forms of `_ENDING_WITH_A_YEAR` one of whose words is in the window, in order
    (kept per set of words present: there are few)."""
    present = frozenset(word for word in _ALL_WORDS if word in window)
    forms = _FORMS_FOR.get(present)
    if forms is None:
        forms = tuple(
            (kind, pattern) for kind, pattern in _ENDING_WITH_A_YEAR if not present.isdisjoint(_WORDS_OF[kind])
        )
        _FORMS_FOR[present] = forms
    return forms


class _Located:
    """A match on a window, seen as if on the whole sentence."""

    def __init__(self, match: re.Match, sentence: str, offset: int):
        self._match, self.string, self._offset = match, sentence, offset

    def groups(self):
        return self._match.groups()

    def span(self):
        return self._match.start() + self._offset, self._match.end() + self._offset

    def start(self):
        return self._match.start() + self._offset

    def end(self):
        return self._match.end() + self._offset

    def group(self, index=0):
        start, end = self.span()
        return self.string[start:end] if index == 0 else self._match.group(index)


def _mentions_of(kind: str, match: re.Match, sentence: str) -> list[PeriodMention]:
    groups = [group for group in match.groups() if group is not None]
    start, end = match.span()
    text = match.group(0)
    role = _role(sentence, start)
    if kind == "rate":
        return [PeriodMention(start, end, text, None, "rate")]
    if kind == "this-year":
        return [PeriodMention(start, end, text, None, role, relative="year")]
    if kind == "this-half":
        return [PeriodMention(start, end, text, None, role, relative="H2" if "cuối" in text.lower() else "H1")]
    if kind == "present":
        return [PeriodMention(start, end, text, None, "present")]
    if kind == "year-end":
        return [PeriodMention(start, end, text, None, role, relative="year-end")]
    if kind == "quarter-end":
        return [PeriodMention(start, end, text, None, role, relative="quarter-end")]
    if kind == "months-so-far":
        return [PeriodMention(start, end, text, None, role, unsupported=f"the first {groups[0]} months of a year")]
    if kind == "half-of-year":
        return [PeriodMention(start, end, text, None, role, relative="H2" if "cuối" in text.lower() else "H1")]
    if kind == "quarter-of-year":
        number = _ROMAN.get(groups[-1].lower()) or int(groups[-1])
        relative = f"E{3 * number:02d}" if len(groups) == 2 else f"Q{number}"  # "đến cuối quý II": its last day
        return [PeriodMention(start, end, text, None, role, relative=relative)]
    if kind == "month-of-year":
        month = int(groups[-1])
        end_of = len(groups) == 2  # "(đến) hết/cuối tháng 9": its last day
        return [PeriodMention(start, end, text, None, role, relative=f"{'E' if end_of else 'M'}{month:02d}")]
    if kind == "range":
        first, last = int(groups[0]), int(groups[1])
        if first >= last:
            return []
        return [PeriodMention(start, end, text, f"{first}/{last}", role)]
    if kind == "end-of-month":
        month, year = int(groups[0]), int(groups[1])
        if not 1 <= month <= 12:
            return []
        day = calendar.monthrange(year, month)[1]
        return [PeriodMention(start, end, text, f"{year}-{month:02d}-{day:02d}", role, also=(f"{year}-{month:02d}",))]
    if kind == "end-of-quarter":
        number = _ROMAN.get(groups[0].lower()) or int(groups[0])
        year, month = int(groups[1]), 3 * number
        day = calendar.monthrange(year, month)[1]
        return [PeriodMention(start, end, text, f"{year}-{month:02d}-{day:02d}", role, also=(f"{year}-Q{number}",))]
    if kind == "months-to-date":
        return [PeriodMention(start, end, text, None, role, unsupported=f"the first {groups[0]} months of {groups[1]}")]
    if kind == "end-of-year":
        year = int(groups[0])
        return [PeriodMention(start, end, text, f"{year}-12-31", role, also=(str(year),))]
    if kind == "date":
        day, month, year = (int(group) for group in groups)
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
            return []
        return [PeriodMention(start, end, text, f"{year}-{month:02d}-{day:02d}", role)]
    if kind == "day-month":
        day, month = int(groups[0]), int(groups[1])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return []
        return [PeriodMention(start, end, text, None, role, day_month=(day, month))]
    if kind == "half-year":
        half = "H2" if "cuối" in text.lower() else "H1"
        return [PeriodMention(start, end, text, f"{groups[-1]}-{half}", role)]
    if kind == "quarter":
        number = _ROMAN.get(groups[0].lower()) or int(groups[0])
        return [PeriodMention(start, end, text, f"{groups[1]}-Q{number}", role)]
    if kind == "quarter-list":  # "quý I, quý II và quý III/2024": one mention per quarter, the year shared
        year = groups[-1]
        quarters = list(re.finditer(r"(?:qu[ýí]\s+)?\b(iv|iii|ii|i|[1-4])\b", text[: text.rfind(year)], re.IGNORECASE))
        return [
            PeriodMention(
                start + found.start(),
                start + found.end(),
                found.group(0),
                f"{year}-Q{_ROMAN.get(found.group(1).lower()) or int(found.group(1))}",
                role,
            )
            for found in quarters
        ]
    if kind == "month":
        month = int(groups[0])
        if not 1 <= month <= 12:
            return []
        return [PeriodMention(start, end, text, f"{groups[1]}-{month:02d}", role)]
    return [PeriodMention(start, end, text, groups[0], role)]  # a year, with or without "năm"


def _role(sentence: str, start: int) -> str:
    before = sentence[max(0, start - 60) : start]
    low = before.lower()
    if ("so với" in low or "gấp" in low) and _COMPARISON_BEFORE.search(before):
        return "comparison"
    if _SAME_TIME_BEFORE.search(before):  # "cao hơn cùng kỳ năm 2023 là 18,7 điểm": the same period a year before
        return "comparison"
    if any(word in low for word in _TARGET_WORDS) and _TARGET_BEFORE.search(before):
        return "target"
    if ("báo" in low or "sách" in low) and _NAMED_REPORT_BEFORE.search(sentence, max(0, start - 80), start):
        return "name"
    return "period"


# Words that can make a period mention other than plain (present, rate, relative, comparison,
# target) or add one without a year (a day and month): their absence is what makes the quick
# reading below certain.
_NOT_PLAIN = ("nay", "hiện", "thời điểm", "thời gian", "lượt", "so với", "/", "hàng năm", "hằng năm", "mỗi năm")
_NOT_PLAIN_WORDS = re.compile("|".join(map(re.escape, _NOT_PLAIN + _TARGET_WORDS)))


def single_plain_period(sentence: str) -> PeriodMention | None:
    """The sentence's only period mention when it is certain without a full reading: one
    year in the sentence, nothing that could add a period or change a role. None otherwise
    (then `find_periods` decides). Where it answers, it answers as `find_periods` would."""
    low = sentence.lower()
    if len(low) != len(sentence) or _NOT_PLAIN_WORDS.search(low):
        return None
    years = list(_YEARS.finditer(low))
    if len(years) != 1 or _RANGE_GOES_ON.match(low, years[0].end()):
        return None
    found = _ending_at(low, sentence, years[0].end(), [])
    if len(found) != 1 or found[0].role != "period":
        return None
    # "tháng 9", "quý III" away from the year: a period without one, which find_periods reads
    for word in ("tháng", "qu"):
        at = low.find(word)
        while at >= 0:
            if not found[0].start <= at < found[0].end:
                return None
            at = low.find(word, at + 1)
    return found[0]
