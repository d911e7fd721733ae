"""What a sentence says about each of its figures: the period and the reporting unit
it files the figure under, and how the sentence says so.

    >>> statement = analyse("Năm 2022, 2023 lần lượt đạt 4,5 tỷ USD và 5,2 tỷ USD.")
    >>> [statement.period_of(figure).labels for figure in statement.figures]
    [('2022',), ('2023',)]

Rules, in order:
1. A "respectively" list (`lần lượt`): the n-th figure after it goes with the n-th period
   (or place) listed before it; when the counts differ, or both periods and places are
   listed, the sentence does not say which goes with which.
2. Otherwise the period of a figure is one written right after it (`113,5 tỷ USD năm 2021`),
   else the nearest before it in its clause (clauses end at `;`), else the nearest before
   it in the sentence, else the nearest after it in its clause. Comparison periods
   (`so với cùng kỳ năm 2023`) never count; a target's due year counts only for a target.
3. With no period, present-tense wording (`hiện có`, `đến nay`) files it at the source's
   date; `hàng năm`, `mỗi năm` mark a per-year rate.
4. The reporting unit of a figure is the one named nearest before it in its clause (else
   after it), leaving out units in parentheses and sources (`Theo Bộ Tài chính, ...`);
   two units joined (`Hà Nội và TP.HCM có ...`) say nothing about which one. Not a unit:
   the Government as who sets or decides (`Chính phủ giao`, `Nghị quyết của Chính phủ`), a
   unit set against (`so với cả nước`, `cao hơn Hà Nội`), one past a comma that opens another
   phrase or in a target after the figure. A clause naming none goes on with the clause
   before it (`Cả nước có ...; tỷ lệ ... đạt ...`) unless it speaks of `tỉnh` or `Bộ`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from indicators.coverage import full_dates, is_claim
from indicators.numbers import NumberMention, find_numbers
from indicators.period_mentions import PeriodMention, find_periods
from indicators.reporting_units import UnitCatalogue, UnitMention

_RESPECTIVELY = re.compile(r"\blần\s+lượt\b", re.IGNORECASE)
# Between two listed items: "45,2% và 52,8%", "2023, 2024", "Hà Nội và TP.HCM" (a unit word may follow a value)
_LISTED = re.compile(r"^\s*(?:[^\d\s,;:()]+\s+){0,3}?(?:,|và|,\s*và)\s*(?:năm\s+)?$", re.IGNORECASE)
# Between two listed units: "Điện Biên và Hà Tĩnh", "tỉnh Lào Cai (cũ) và tỉnh Yên Bái"
_UNITS_LISTED = re.compile(
    r"^\s*(?:\((?:cũ|mới)\)\s*)?(?:,|và|,\s*và)\s*(?:(?:tỉnh|thành\s+phố|tp\.?)\s+)?$", re.IGNORECASE
)
# "Ở cấp bộ, Bộ Tài chính, ...": a level or place that opens the sentence as its scope, not an item of a list
_SCOPE_OPENS = re.compile(r"(?:^|[,;:]\s*)(?:ở|đối\s+với|về|tại|trong)\s+$", re.IGNORECASE)
# A district, town, commune or provincial city: a place below the catalogue's levels
_LOCAL_WORD = re.compile(
    r"(?<!\w)(?:thành\s+phố|tp\.?|thị\s+xã|thị\s+trấn|huyện|quận|phường|xã(?!\s+hội\b))\s+", re.IGNORECASE
)
# Places below a province, or across provinces, that name no unit: "cấp xã", "các huyện miền núi",
# "Sở Tư pháp", "khu vực nông thôn", "vùng Tây Nguyên", "Đông Nam Bộ"
_LOCAL_GROUP = re.compile(
    r"(?<!\w)(?:cấp\s+(?:xã|huyện)|nhóm\s+(?:các\s+)?(?:bộ(?!,\s*cơ\s+quan\s+ngang\s+bộ)|tỉnh|địa\s+phương)\b|(?:hai|ba|bốn|các)\s+tỉnh\b(?=[^,;.]*\b(?:trước|cũ))|(?:các|một\s+số|nhiều)\s+(?:xã|phường|huyện|thôn|bản|sở)\b"
    r"|công\s+an\s+(?:tỉnh|thành\s+phố)|khu\s+(?:kinh\s+tế|công\s+nghệ\s+cao|công\s+nghiệp|chế\s+xuất)"
    r"|(?-i:Sở)\s+(?-i:[A-ZĐ])\w*(?:\s+(?:và\s+)?(?-i:[A-ZĐ])\w*)*|khu\s+vực\s+(?:thành\s+thị|nông\s+thôn)"
    r"|vùng\s+(?-i:[A-ZĐ])\w*(?:\s+(?-i:[A-ZĐ])\w*)*|Đông\s+Nam\s+Bộ|Tây\s+Nguyên|Đồng\s+bằng\s+sông\s+(?:Hồng|Cửu\s+Long)"
    r"|Trung\s+du\s+và\s+miền\s+núi\s+phía\s+Bắc|(?:Bắc|Nam)\s+Trung\s+Bộ)",
    re.IGNORECASE,
)
_SUB_UNIT = re.compile(r"công\s+an|khu\s", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
# Between a local place and the unit that owns it: "huyện Mèo Vạc của tỉnh Hà Giang", "Sa Pa, Lào Cai"
_OWNER = re.compile(r"^\s*(?:,|\(|-|–|của|thuộc)\s*$", re.IGNORECASE)
_RIGHT_AFTER = re.compile(r"^(?!.*\bvà\b)[^\d,;:()]{0,16}$")  # "tỷ USD " between a figure and its year
_SOURCE_BEFORE = re.compile(
    r"(?:\btheo|\bdo)\s+(?:báo\s+cáo\s+(?:ngày\s+\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?\s+)?(?:của\s+)?|số\s+liệu\s+(?:của\s+)?|đánh\s+giá\s+của\s+)?$",
    re.IGNORECASE,
)
# "cao nhất cả nước", "xếp thứ 3 cả nước": the country is the ranking's scope, not the figure's unit
_SCOPE_BEFORE = re.compile(r"(?:nhất|thứ\s+\S+|đầu)\s*$", re.IGNORECASE)
# "về Chỉ số chuyển đổi số cấp tỉnh", "từ cấp tỉnh đến cấp xã": a level inside a name or a span
_LEVEL_NAMED_BEFORE = re.compile(r"(?:\bvề\s+(?-i:[A-ZĐ])[^,;()]*|\btừ\s*)$", re.IGNORECASE)
_NEXT_SUBJECT = re.compile(
    r",\s*(?:trong\s+đó|trong\s+khi|còn|riêng|cao\s+hơn|thấp\s+hơn|chỉ\s+sau|sau|trước|so\s+với)\b", re.I
)
_GOES_ON = re.compile(r"\s*(?:trong\s+đó|cụ\s+thể)\b", re.IGNORECASE)
_COMMUNE_LEVEL = re.compile(r"\bcấp\s+xã\b", re.IGNORECASE)
# "địa phương có giá trị thấp nhất": a unit the sentence leaves unnamed
_UNNAMED_EXTREME = re.compile(
    r"\b(?:địa\s+phương|tỉnh|bộ|đơn\s+vị)\s+(?:có\s+)?[^,;()]{0,30}?(?:cao|thấp|lớn|nhỏ)\s+nhất[^,;()]*$", re.IGNORECASE
)
_PEOPLE_AFTER = re.compile(r"^\s*(?:công\s+dân|người\s+dân)\b", re.IGNORECASE)
_NAME_BEFORE_BRACKET = re.compile(r"((?-i:[A-ZĐ])[\w.&]*(?:\s+[\w.&]+){0,4}?)\s*\($", re.IGNORECASE)
_JOINED = re.compile(r"^\s*(?:,|và|cùng|với|cùng với|phối hợp với)\s*$", re.IGNORECASE)
# "Chính phủ giao", "Nghị quyết của Chính phủ": the Government as who sets a figure for others or
# whose document is cited, not a figure's unit ("Chính phủ đã ban hành 6 nghị định" is its own)
_GOVERNMENT = re.compile(r"(?:thủ\s+tướng\s+)?chính\s+phủ", re.IGNORECASE)
_GOVERNMENT_ACTS = re.compile(r"\s*(?:đã\s+)?(?:giao|chỉ\s+đạo|yêu\s+cầu|đặt\s+ra)\b", re.IGNORECASE)
# "so với cả nước", "cao hơn Hà Nội": a unit the figure is set against
_REFERENCE_BEFORE = re.compile(r"(?:\bso\s+với|\bhơn)\s*$", re.IGNORECASE)
# ", hướng tới ...": a comma that opens another phrase (not one in a list of places, "xã, phường")
_PHRASE_COMMA = re.compile(
    r",(?!\s*(?:các\s+)?(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thôn|bản|khu\s+phố|tổ\s+dân\s+phố|ấp|làng|khóm|tỉnh|thành\s+phố|bộ|ngành|cơ\s+quan)\b)",
    re.IGNORECASE,
)
_OF_BEFORE = re.compile(r"\bcủa\s*$", re.IGNORECASE)
# "Tỉnh ...", "toàn tỉnh", "Bộ đã ...": the clause speaks of the publisher's own unit without its name
_OWN_UNIT_WORD = re.compile(
    r"\b(?:tỉnh|thành\s+phố|thủ\s+đô|toàn\s+ngành|(?-i:Bộ))\b(?!\s+(?-i:[A-ZĐ]))", re.IGNORECASE
)
# "đóng góp 13,9% GDP": the country's economy
_GDP_AFTER = re.compile(r"^\s*(?:[^\d,;()\s]+\s+){0,2}?(?-i:GDP)\b", re.IGNORECASE)
# "Gia Lai (mới)": the unit formed by a merger, for periods from its first day only
_NEW_UNIT_AFTER = re.compile(r"\s*\(\s*mới\s*\)", re.IGNORECASE)
# "xếp thứ 9", "đứng thứ 4", "xếp hạng 12", "vị trí thứ 5", "thứ 2, thứ 3": a rank written as a bare integer
_RANK_NUMBER_BEFORE = re.compile(
    r"(?:\bxếp\s+(?:hạng\s+)?(?:thứ\s+)?|\bđứng\s+thứ\s+|\bhạng\s+|\bvị\s+trí\s+thứ\s+|\bthứ\s+\d+\s*(?:,|và|,\s*và)\s*thứ\s+)$",
    re.IGNORECASE,
)
_NATIONWIDE = re.compile(r"\b(?:cả\s+nước|toàn\s+quốc)\b", re.IGNORECASE)
# "cấp ... cho công dân": a ministry serving people across the country, whose figure may be national
_BENEFICIARIES = re.compile(r"\bcho\s+(?:công\s+dân|người\s+dân|doanh\s+nghiệp|tổ\s+chức)\b", re.IGNORECASE)
_LED_GROUP_BEFORE = re.compile(r"(?:dẫn\s+đầu|đứng\s+đầu|đứng\s+thứ\s+\S+\s+trong)\s*$", re.IGNORECASE)
# "các bộ, ngành đã ...": the ministries as a group, which may be their bloc or the whole country
# (not "các bộ, ngành, địa phương", everyone)
MINISTRIES_GROUP = re.compile(
    r"\bcác\s+bộ,\s*(?:ngành|cơ\s+quan\s+ngang\s+bộ)\b(?!\s*(?:,|và|,\s*và)\s*(?:các\s+)?(?:địa\s+phương|tỉnh|doanh))",
    re.IGNORECASE,
)
# "Bộ Khoa học và Công nghệ đã công bố kết quả ...": a ministry announcing results, not their unit
_ANNOUNCES_AFTER = re.compile(r"\s*(?:(?:đã|vừa|chính\s+thức)\s+)*công\s+bố\b", re.IGNORECASE)
_TARGET_WORDS = re.compile(
    r"(?:mục\s+tiêu|phấn\s+đấu|chỉ\s+tiêu|(?-i:kế\s+hoạch)(?!\s+số)|yêu\s+cầu|(?<!hồ\s{1}sơ\s{1})(?<!đơn\s{1})đề\s+nghị(?!\s+cấp)|đặt\s+ra|cần\s+(?:đưa|đạt|nâng))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PeriodOf:
    """The period a sentence gives one figure: its labels and how it was found
    ("sentence", "list-position", or "present" for the source's date), or why none."""

    labels: tuple[str, ...] = ()
    how: str = "none"
    mention: PeriodMention | None = None
    reason: str = ""
    per_year: bool = False


@dataclass(frozen=True)
class UnitOf:
    """The reporting unit a sentence gives one figure, or why it cannot say."""

    unit_id: str | None = None
    how: str = "none"  # "sentence", "list-position", "ambiguous", "none"
    reason: str = ""


@dataclass
class Statement:
    sentence: str
    figures: list[NumberMention]
    periods: list[PeriodMention]
    units: list[UnitMention] = field(default_factory=list)

    # --- lists -----------------------------------------------------------
    def _respectively(self) -> tuple[int, list[PeriodMention], list[UnitMention], list[NumberMention]] | None:
        match = _RESPECTIVELY.search(self.sentence)
        if match is None:
            return None
        at = match.start()
        periods = [p for p in self.periods if p.end <= at and p.role == "period" and p.label]
        units = self._joined_before(at)
        after = [figure for figure in self.figures if figure.start >= match.end()]
        if after and len(periods) < 2:  # "lần lượt đạt 45,2% và 52,8% trong các năm 2023, 2024"
            periods = (
                self._list_after(after[-1].end, [p for p in self.periods if p.role == "period" and p.label]) or periods
            )
        if after and len({unit.unit_id for unit in units}) < 2:  # "lần lượt là 1.200 và 980 tại Hà Nội và TP.HCM"
            named = [u for u in self.units if not u.local and not self._unit_excluded(u)]
            units = self._list_after(after[-1].end, named) or units
        return at, periods, units, after

    def _joined_before(self, at: int) -> list[UnitMention]:
        """The units listed right before position `at` ("Điện Biên và Hà Tĩnh lần lượt"): the last
        one before it and those joined to it by "," or "và", not a unit of an earlier phrase."""
        named = [u for u in self.units if u.end <= at and not u.local and not self._unit_excluded(u)]
        if not named:
            return []
        listed = [named[-1]]
        for unit in reversed(named[:-1]):
            if not _UNITS_LISTED.match(self.sentence[unit.end : listed[0].start]) or _SCOPE_OPENS.search(
                self.sentence[: unit.start]
            ):
                break
            listed.insert(0, unit)
        return listed

    def _list_after(self, end: int, mentions: list) -> list:
        """The mentions listed ("2023, 2024", "Hà Nội và TP.HCM") right after position `end`,
        with only words between (no other figure), or [] when fewer than two."""
        following = [m for m in mentions if m.start >= end]
        if not following or any(end <= f.start < following[0].start for f in self.figures):
            return []
        listed = [following[0]]
        for mention in following[1:]:
            if not _LISTED.match(self.sentence[listed[-1].end : mention.start]):
                break
            listed.append(mention)
        return listed if len(listed) >= 2 else []

    def _value_list(self, figure: NumberMention) -> list[NumberMention]:
        """The figures listed with this one ("45,2% và 52,8%")."""
        index = next((i for i, other in enumerate(self.figures) if other.start == figure.start), None)
        if index is None:  # a number that is no figure of the sentence ("6" of "6 tháng"): listed with none
            return [figure]
        first = last = index
        while first > 0 and _LISTED.match(self.sentence[self.figures[first - 1].end : self.figures[first].start]):
            first -= 1
        while last + 1 < len(self.figures) and _LISTED.match(
            self.sentence[self.figures[last].end : self.figures[last + 1].start]
        ):
            last += 1
        return self.figures[first : last + 1]

    def _list_position(self, figure: NumberMention) -> tuple[int, int] | None:
        """(position, count) of the figure in the values after `lần lượt`."""
        found = self._respectively()
        if found is None:
            return None
        _, _, _, after = found
        for index, other in enumerate(after):
            if other.start == figure.start:
                return index, len(after)
        return None

    # --- periods ---------------------------------------------------------
    def period_of(self, figure: NumberMention, target: bool = False) -> PeriodOf:
        per_year = self._per_year(figure)
        listed = self._respectively()
        position = self._list_position(figure)
        if listed is not None and position is not None:
            _, periods, units, after = listed
            if len(periods) == 1 and periods[0].label and "/" in periods[0].label:
                return self._year_of_range(periods[0], position, len(after), per_year)
            if len(periods) >= 2:
                if len({unit.unit_id for unit in units}) >= 2:
                    return PeriodOf(reason="both periods and places are listed before 'lần lượt'", per_year=per_year)
                if len(periods) != len(after):
                    return PeriodOf(
                        reason=f"'lần lượt' pairs {len(periods)} periods with {len(after)} values", per_year=per_year
                    )
                chosen = periods[position[0]]
                return PeriodOf(chosen.labels, "list-position", chosen, per_year=per_year)
        values = self._value_list(figure)
        if len(values) >= 2 and self._list_after(values[-1].end, [p for p in self.periods if p.role == "period"]):
            reason = "the values and the periods are listed without 'lần lượt': which goes with which is not said"
            return PeriodOf(reason=reason, per_year=per_year)
        owner = self._period_before_brackets(figure)
        if owner is not None:  # "so với năm 2023 (0,7311)": the value of the period the brackets follow
            return PeriodOf(owner.labels, "sentence", owner, per_year=per_year)
        roles = {"period", "target"} if target else {"period"}
        candidates = [
            p for p in self.periods if p.role in roles and (p.labels or p.day_month or p.relative or p.unsupported)
        ]
        chosen = self._nearest(figure, candidates)
        if chosen is not None and chosen.unsupported:
            return PeriodOf(
                (), "unsupported", chosen, reason=f"the sentence gives {chosen.unsupported}", per_year=per_year
            )
        if chosen is not None:
            return PeriodOf(chosen.labels, "sentence", chosen, per_year=per_year)
        clause_start, clause_end = self._clause(figure)
        present = [p for p in self.periods if p.role == "present" and clause_start <= p.start < clause_end]
        if present:  # "Thành phố hiện cung cấp 1.215 ...; tỷ lệ ... đạt 74,6%": the present is its clause's
            return PeriodOf((), "present", present[0], per_year=per_year)
        return PeriodOf(reason="the sentence states no period for this figure", per_year=per_year)

    def _period_before_brackets(self, figure: NumberMention) -> PeriodMention | None:
        """The period written right before the brackets that hold only this figure
        ("tăng 8,9% so với năm 2023 (0,7311)"), or None."""
        bracket = self._brackets(figure.start)
        if bracket is None or self.sentence[bracket + 1 : figure.start].strip():
            return None
        closed = self.sentence.find(")", figure.end)
        if closed < 0 or self.sentence[figure.end : closed].strip(" %"):
            return None
        return next(
            (p for p in self.periods if p.labels and p.end <= bracket and not self.sentence[p.end : bracket].strip()),
            None,
        )

    def _year_of_range(
        self, mention: PeriodMention, position: tuple[int, int], values: int, per_year: bool
    ) -> PeriodOf:
        """ "các năm từ 2020 - 2024 lần lượt là a, b, c, d, e": the n-th value is the n-th year."""
        first, last = (int(year) for year in mention.label.split("/"))
        if last - first + 1 != values:
            reason = f"'lần lượt' pairs the {last - first + 1} years of '{mention.text}' with {values} values"
            return PeriodOf(reason=reason, per_year=per_year)
        year = replace(mention, label=str(first + position[0]), also=())
        return PeriodOf(year.labels, "list-position", year, per_year=per_year)

    def _nearest(self, figure: NumberMention, mentions: list):
        # "đạt 41,6% (cuối năm 2023 là 18,2%)": a period in brackets is only for what the brackets hold
        bracket = self._brackets(figure.start)
        following = re.match(r"\s*\(", self.sentence[figure.end :])
        if following:  # "lên 47 (năm 2017)": the period in brackets right after the figure is its own
            opened = figure.end + following.end() - 1
            own = [m for m in mentions if self._brackets(m.start) == opened]
            closed = self.sentence.find(")", opened)
            inside = find_numbers(self.sentence[opened : len(self.sentence) if closed < 0 else closed], opened)
            others = [n for n in inside if not any(m.start <= n.start < m.end for m in own)]
            if len(own) == 1 and not others:  # "(cuối năm 2023 là 18,2%)" is another value's period
                return own[0]
        mentions = [m for m in mentions if self._brackets(m.start) in (None, bracket)]
        clause_start, clause_end = self._clause(figure)
        after = [m for m in mentions if m.start >= figure.end and m.start < clause_end]
        if after and _RIGHT_AFTER.match(self.sentence[figure.end : after[0].start]):
            return after[0]
        before_in_clause = [m for m in mentions if clause_start <= m.start and m.end <= figure.start]
        if before_in_clause:
            return before_in_clause[-1]
        before = [m for m in mentions if m.end <= figure.start]
        if before:
            return before[-1]
        return after[0] if after else None

    def _brackets(self, at: int) -> int | None:
        """Where the brackets around position `at` open, or None outside brackets."""
        opened = self.sentence.rfind("(", 0, at)
        if opened < 0 or self.sentence.rfind(")", opened, at) >= 0:
            return None
        return opened

    def _clause(self, figure: NumberMention) -> tuple[int, int]:
        start = self.sentence.rfind(";", 0, figure.start) + 1
        end = self.sentence.find(";", figure.end)
        return start, len(self.sentence) if end < 0 else end

    def _per_year(self, figure: NumberMention) -> bool:
        start, end = self._clause(figure)
        return any(p.role == "rate" and start <= p.start < end for p in self.periods)

    # --- reporting units -------------------------------------------------
    def _unit_excluded(self, unit: UnitMention) -> bool:
        """Units in parentheses, sources ("Theo Bộ Tài chính") and the group a unit leads
        ("dẫn đầu khối tỉnh, thành phố") are not what a figure is about."""
        before = self.sentence[: unit.start]
        in_parentheses = before.count("(") > before.count(")")
        return (
            in_parentheses
            or self._government_acts(unit)
            or _REFERENCE_BEFORE.search(before[-40:]) is not None
            or _SOURCE_BEFORE.search(before[-40:]) is not None
            or _LED_GROUP_BEFORE.search(before[-30:]) is not None
            or (unit.unit_id == "vn" and _SCOPE_BEFORE.search(before[-20:]) is not None)
            or (unit.unit_id.startswith("khoi-") and _LEVEL_NAMED_BEFORE.search(before[-60:]) is not None)
        )

    def _government_acts(self, unit: UnitMention) -> bool:
        """ "Chính phủ giao ...", "Nghị quyết của Chính phủ": the Government sets or decides."""
        if unit.unit_id != "vn" or not _GOVERNMENT.fullmatch(unit.text):
            return False
        return bool(_GOVERNMENT_ACTS.match(self.sentence, unit.end) or _OF_BEFORE.search(self.sentence[: unit.start]))

    def unit_of(self, figure: NumberMention, catalogue: UnitCatalogue) -> UnitOf:
        listed = self._respectively()
        position = self._list_position(figure)
        if listed is not None and position is not None:
            _, periods, units, after = listed
            distinct = list(dict.fromkeys(unit.unit_id for unit in units))
            if len(distinct) >= 2:
                if len(periods) >= 2:
                    return UnitOf(how="ambiguous", reason="both periods and places are listed before 'lần lượt'")
                if len(distinct) != len(after):
                    return UnitOf(
                        how="ambiguous", reason=f"'lần lượt' pairs {len(distinct)} places with {len(after)} values"
                    )
                return UnitOf(distinct[position[0]], "list-position")
        clause_start, clause_end = self._clause(figure)
        units = [u for u in self.units if not self._unit_excluded(u) and not self.announces(u, catalogue)]
        bracket = self._brackets(figure.start)
        # a name with a value in brackets after it, "Bắc Ninh (80,17 điểm)", owns that value only
        units = [u for u in units if bracket == u.end + self._space_after(u.end) or not self._owns_brackets(u)]
        before = [u for u in units if clause_start <= u.start and u.end <= figure.start]
        # "đạt X, trong đó khối bộ đạt Y": a unit after the figure's clause names another figure's
        turn = _NEXT_SUBJECT.search(self.sentence, figure.end, clause_end)
        after_end = turn.start() if turn else clause_end
        own_word = _OWN_UNIT_WORD.search(self.sentence, clause_start, figure.start)
        # after the figure, its unit is in its own phrase: not past a comma that opens another
        # ("..., chủ yếu ở huyện X"), nor in a target that follows ("hướng tới mục tiêu của cả nước")
        comma = next(  # "Với 0,38 điểm, Sóc Trăng đứng ...": a name after the comma is the figure's subject
            (c for c in _PHRASE_COMMA.finditer(self.sentence, figure.end, after_end) if not self._name_at(c.end())),
            None,
        )
        after_end = comma.start() if comma else after_end
        target = _TARGET_WORDS.search(self.sentence, figure.end, after_end)
        after_end = target.start() if target and not self._brackets(target.start()) else after_end
        after = [u for u in units if figure.end <= u.start < after_end and not own_word]
        nearest = before[-1] if before else (after[0] if after else None)
        owner = self._name_before(bracket) if bracket is not None else ""
        if owner and not any(u.end + self._space_after(u.end) == bracket for u in self.units):
            # "Việt Nam xếp sau Singapore (hạng 4)": the value in brackets is the name's, outside the catalogue
            return UnitOf(how="ambiguous", reason=f"the value in brackets belongs to '{owner}', not a reporting unit")
        if nearest is not None and bracket is not None and self._inside_a_longer_name(nearest, bracket):
            owner = self.sentence[self._name_start(nearest.start) : bracket].strip()
            return UnitOf(how="ambiguous", reason=f"the value in brackets belongs to '{owner}', not a reporting unit")
        if nearest is None and _UNNAMED_EXTREME.search(self.sentence, clause_start, figure.start):
            return UnitOf(how="ambiguous", reason="the figure belongs to a unit the sentence does not name ('… nhất')")
        group = self._ministries_group(clause_start, figure.start)
        if group is not None and (nearest is None or nearest.end <= group.start() or nearest.start >= figure.end):
            reason = f"'{group.group(0)}' may be the ministries' bloc or the whole country"
            return UnitOf(how="ambiguous", reason=reason)
        if nearest is None and clause_start and (_GOES_ON.match(self.sentence, clause_start) or not own_word):
            # "Cả nước có ...; tỷ lệ ... đạt 48,6%", "Đối với cấp tỉnh, ... đạt 0,6974; trong đó trụ cột ...
            # đạt 0,7591": a clause naming no unit goes on with the unit of the clause before
            earlier = [u for u in units if u.end <= clause_start]
            nearest = earlier[-1] if earlier else None
        if nearest is None and not own_word and _GDP_AFTER.match(self.sentence[figure.end :]):
            return UnitOf("vn", "sentence")
        actor = next(
            (
                u
                for u in self.units
                if clause_start <= u.start < clause_end
                and self._brackets(u.start) == bracket
                and self._government_acts(u)
            ),
            None,
        )
        if nearest is None and not own_word and actor is not None and _GOVERNMENT_ACTS.match(self.sentence, actor.end):
            return UnitOf(how="ambiguous", reason=f"'{actor.text}' sets the figure; the sentence does not say for whom")
        if nearest is None and _UNNAMED_EXTREME.search(self.sentence, clause_start, figure.start):
            return UnitOf(how="ambiguous", reason="the figure belongs to a unit the sentence does not name ('… nhất')")
        if nearest is None:
            owner = _NAME_BEFORE_BRACKET.search(self.sentence, 0, bracket) if bracket is not None else None
            if owner is not None:  # "Singapore (hạng 4)", "Sở Tư pháp (97,1%)": a name outside the catalogue
                return UnitOf(
                    how="ambiguous", reason=f"the value in brackets belongs to '{owner.group(1)}', not a reporting unit"
                )
            return UnitOf(reason="the sentence names no place")
        if nearest.text.lower().startswith("cấp") and _COMMUNE_LEVEL.search(self.sentence):
            reason = f"'{nearest.text}' and 'cấp xã' are levels of government here, not the bloc of provinces"
            return UnitOf(how="ambiguous", reason=reason)
        after_figure = self.sentence[figure.end : figure.end + 24]
        if nearest.unit_id and catalogue.level(nearest.unit_id) == "ministry" and _PEOPLE_AFTER.match(after_figure):
            return UnitOf("vn", "sentence")  # "Bộ Công an bảo đảm 100% công dân ...": the country's people
        local = nearest if nearest.local else self._local_of(nearest, units)
        if local is not None:
            reason = f"the figure is about '{local.text}', a place below the province level the registry files"
            return UnitOf(how="ambiguous", reason=reason)
        group = self._joined_with(nearest, units)
        sub_national = {u.unit_id for u in group if u.unit_id and catalogue.level(u.unit_id) != "national"}
        if len(sub_national) >= 2:
            names = " and ".join(u.text for u in group)
            return UnitOf(how="ambiguous", reason=f"the figure is about {names} together, or it does not say whose")
        nationwide = _NATIONWIDE.search(self.sentence, clause_start, clause_end) is not None
        if catalogue.level(nearest.unit_id) == "ministry" and nationwide:
            return UnitOf("vn", "sentence")  # a ministry acting for the whole country ("cho công dân trên cả nước")
        if catalogue.level(nearest.unit_id) == "ministry" and _BENEFICIARIES.search(self.sentence, clause_start):
            reason = f"{nearest.text} serves people ('{_BENEFICIARIES.search(self.sentence, clause_start).group(0)}'): the figure may be the whole country's or the ministry's own"
            return UnitOf(how="ambiguous", reason=reason)
        if _NEW_UNIT_AFTER.match(self.sentence, nearest.end):
            return UnitOf(nearest.unit_id, "new-unit")
        return UnitOf(nearest.unit_id, "sentence")

    def announces(self, unit: UnitMention, catalogue: UnitCatalogue) -> bool:
        """ "Bộ ... công bố kết quả DTI": a ministry announcing figures, whose they are is said elsewhere."""
        return (
            bool(unit.unit_id)
            and catalogue.level(unit.unit_id) == "ministry"
            and _ANNOUNCES_AFTER.match(self.sentence, unit.end) is not None
        )

    def _ministries_group(self, start: int, end: int) -> re.Match | None:
        """ "các bộ, ngành" as who the clause speaks of (not a source, nor a unit set against)."""
        for match in MINISTRIES_GROUP.finditer(self.sentence, start, end):
            before = self.sentence[: match.start()][-40:]
            if not _SOURCE_BEFORE.search(before) and not _REFERENCE_BEFORE.search(before):
                return match
        return None

    def _name_at(self, at: int) -> bool:
        rest = self.sentence[at:].lstrip()
        return rest[:1].isupper()

    def _name_before(self, bracket: int) -> str:
        """The capitalised words written right before a bracket ("Thái Lan (hạng 41)"), or ""."""
        words = self.sentence[:bracket].split()
        name = []
        while words and words[-1][:1].isupper() and words[-1][-1:].isalpha():
            name.insert(0, words.pop())
        return " ".join(name) if name and len(words) else ""

    def _name_start(self, at: int) -> int:
        """Where the name ending with the unit written at `at` starts: after the last
        comma, colon, "là" or "và" before it."""
        before = self.sentence[:at]
        stops = [before.rfind(mark) + len(mark) for mark in (",", ";", ":", "(", " là ", " và ", " gồm ")]
        return max(0, *stops)

    def _inside_a_longer_name(self, unit: UnitMention, bracket: int) -> bool:
        """Whether a unit that owns a value in brackets is only the end of a longer name
        ("Bảo hiểm xã hội Việt Nam (92,10)"): the value is that name's, not the unit's."""
        if unit.end + self._space_after(unit.end) != bracket:
            return False
        words = self.sentence[self._name_start(unit.start) : unit.start].split()
        return any(word[:1].isupper() for word in words if word.lower() not in ("tỉnh", "thành", "phố", "tp.", "tp"))

    def _space_after(self, at: int) -> int:
        return len(self.sentence[at:]) - len(self.sentence[at:].lstrip())

    def _owns_brackets(self, unit: UnitMention) -> bool:
        """Whether a value in brackets follows the name: "Hà Nội (0,8241)" (not "Bình Dương (cũ)")."""
        opened = unit.end + self._space_after(unit.end)
        if not self.sentence.startswith("(", opened):
            return False
        closed = self.sentence.find(")", opened)
        return bool(find_numbers(self.sentence[opened : len(self.sentence) if closed < 0 else closed]))

    def _local_of(self, unit: UnitMention, units: list[UnitMention]) -> UnitMention | None:
        """The local place a unit is written after as its owner: "huyện Mèo Vạc (của|thuộc)
        tỉnh Hà Giang", "thị xã Sa Pa, Lào Cai"."""
        index = units.index(unit)
        previous = units[index - 1] if index else None
        if previous is not None and previous.local and _OWNER.match(self.sentence[previous.end : unit.start]):
            return previous
        return None

    def _joined_with(self, unit: UnitMention, units: list[UnitMention]) -> list[UnitMention]:
        """The unit and those written next to it with "," or "và" ("Hà Nội và TP.HCM")."""
        index = units.index(unit)
        group = [unit]
        for step in (-1, 1):
            position = index
            while 0 <= position + step < len(units):
                first, second = sorted((units[position], units[position + step]), key=lambda u: u.start)
                if not _JOINED.match(self.sentence[first.end : second.start]):
                    break
                position += step
                group.append(units[position])
        return group

    def names(self, unit_id: str) -> bool:
        """Whether the sentence names the unit itself (not a place inside it)."""
        return any(u.unit_id == unit_id and not u.local for u in self.units)

    def is_target(self, figure: NumberMention) -> bool:
        """Whether the figure is a target: a target word shortly before it ("mục tiêu 80%"),
        or after a target's due year in its clause ("mục tiêu đến năm 2025, ... đạt 10%")."""
        clause_start, _ = self._clause(figure)
        bracket = self._brackets(figure.start)
        if bracket is not None:  # "(kế hoạch 15%)", "(mục tiêu 70%)": a target of the figure before
            if _TARGET_WORDS.match(self.sentence, bracket + 1) is not None:
                return True
            # "vượt chỉ tiêu Trung ương giao (70%)": the bracket holds the value of the target it follows
            words = self.sentence[clause_start:bracket]
            named = list(_TARGET_WORDS.finditer(words))
            return bool(named) and not find_numbers(words[named[-1].end() :]) and self._alone_in(bracket, figure)
        return self._target_before(figure, clause_start)

    def _alone_in(self, bracket: int, figure: NumberMention) -> bool:
        """Whether the bracket opened at `bracket` holds only the figure ("(70%)")."""
        closed = self.sentence.find(")", figure.end)
        return (
            closed >= 0
            and not self.sentence[bracket + 1 : figure.start].strip()
            and not self.sentence[figure.end : closed].strip(" %")
        )

    def _target_before(self, figure: NumberMention, clause_start: int) -> bool:
        before = self.sentence[clause_start : figure.start]
        for match in _TARGET_WORDS.finditer(before):
            if self._brackets(clause_start + match.start()) is None:
                return True
        # "yêu cầu ... hoàn thành các chỉ tiêu: a; b": a target word before a colon governs every item after it
        colon = self.sentence.rfind(":", 0, clause_start)
        if colon >= 0 and any(
            self._brackets(match.start()) is None for match in _TARGET_WORDS.finditer(self.sentence, 0, colon)
        ):
            return True
        return any(
            p.role == "target" and clause_start <= p.start and p.end <= figure.start and self._brackets(p.start) is None
            for p in self.periods
        )


def analyse(sentence: str, catalogue: UnitCatalogue | None = None) -> Statement:
    """A sentence's figures (claims only), periods and named units.

    `sentence` is folded text (see `indicators.text.fold`)."""
    dates = full_dates(sentence)
    periods = find_periods(sentence)
    inside_period = [(p.start, p.end) for p in periods]
    figures = [
        mention
        for mention in find_numbers(sentence)
        if (is_claim(sentence, mention, dates) or _bare_rank(sentence, mention))
        and not any(start <= mention.start < end for start, end in inside_period)
    ]
    units = _with_local_places(sentence, catalogue.find(sentence)) if catalogue is not None else []
    return Statement(sentence, figures, periods, units)


def _bare_rank(sentence: str, mention: NumberMention) -> bool:
    """ "xếp thứ 9", "đứng thứ 4": a rank, which the date and ordinal rules leave out of claims."""
    return (
        float(mention.value).is_integer()
        and 0 < mention.value < 1000
        and "." not in mention.text
        and _RANK_NUMBER_BEFORE.search(sentence[max(0, mention.start - 24) : mention.start]) is not None
    )


def _with_local_places(sentence: str, units: list[UnitMention]) -> list[UnitMention]:
    """The units, with the places below a province the sentence names ("huyện Mèo Vạc",
    "thành phố Hà Giang", "xã Tả Van") marked local: a province's name after a local
    word names its district, town or provincial city, not the province."""
    by_start = {unit.start: unit for unit in units}
    found = list(units)
    for match in _LOCAL_GROUP.finditer(sentence):
        # "các huyện vùng cao" (then "của Sơn La"); "Công an tỉnh", "Khu kinh tế" end where they are written
        named = _SUB_UNIT.match(match.group(0))
        end = match.end() if named else _end_of_common_words(sentence, match.end())
        found = [unit for unit in found if not match.start() <= unit.start < end]
        found.append(UnitMention(match.start(), end, sentence[match.start() : end], "", True))
    for match in _LOCAL_WORD.finditer(sentence):
        if match.start() in by_start:  # "thành phố Đà Nẵng": a city's own name
            continue
        at = match.end()
        named = by_start.get(at)
        if named is not None:
            found.remove(named)
            found.append(
                UnitMention(match.start(), named.end, sentence[match.start() : named.end], named.unit_id, True)
            )
            continue
        end = _end_of_proper_name(sentence, at)
        if end > at:
            found.append(UnitMention(match.start(), end, sentence[match.start() : end], "", True))
    return sorted(found, key=lambda unit: unit.start)


def _end_of_common_words(sentence: str, start: int) -> int:
    """Where the lower-case words from `start` end, before an owner ("của", "thuộc") or a name."""
    end = start
    for word in _WORD.finditer(sentence, start):
        between = sentence[end : word.start()]
        if between.strip() or word.group(0)[0].isupper() or word.group(0) in ("của", "thuộc", "tại", "ở"):
            break
        end = word.end()
    return end


def _end_of_proper_name(sentence: str, start: int) -> int:
    """Where the capitalised words from `start` end ("Mèo Vạc có" -> after "Vạc"); at most four."""
    end = start
    for word in _WORD.finditer(sentence, start):
        if word.start() != end and sentence[end : word.start()].strip():
            break
        if not word.group(0)[0].isupper() or word.start() - start > 40:
            break
        end = word.end()
    return end
