"""The proofs on whole documents (tests/fixtures/documents/): the scaffolder's proposal,
without hints, files each gold figure right or refuses it; what it files, `validate`
proves; and filing the same figure under another year, another reporting unit or another
value is refused as an error."""

from __future__ import annotations

import re
import sys
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from indicators.checks import IndicatorChecker
from indicators.models import OBSERVATION_DEFAULTS, IndicatorInfo
from indicators.reading import read_text
from indicators.reporting_units import read_catalogue
from indicators.source_import import publisher_unit
from indicators.vocabulary import OUT_OF_KINDS

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT / "scripts"))

import document_report  # noqa: E402

# Measured on the corpus (776 of 800 right, 97.0%; none wrong), less one point: a regression
# below these fails. The target is 95% right; the report script lists what is left.
AT_LEAST_RIGHT = 0.959
AT_MOST_WRONG = 0


@cache
def catalogue():
    problems: list = []
    units = read_catalogue(PROJECT / "data" / "reporting-units", problems)
    assert problems == []
    return units


@cache
def outcomes():
    return document_report.corpus_outcomes()


def test_the_corpus_is_filed_right_or_refused():
    found = outcomes()
    right = sum(outcome.verdict == "right" for outcome in found)
    wrong = [outcome for outcome in found if outcome.verdict == "wrong"]
    assert right / len(found) >= AT_LEAST_RIGHT
    assert len(wrong) <= AT_MOST_WRONG, "\n".join(f"{o.document}:{o.line} {o.find} {o.proposed}" for o in wrong)


def _filed_right() -> list[tuple]:
    """(source, gold figure, proposal) for every corpus figure the proposal files right."""
    found = []
    for path in sorted(document_report.DOCUMENTS.glob("*.txt")):
        source, gold = document_report.load_document(path.name.removesuffix(".txt"))
        for figure in gold["figures"]:
            if "refuse" in figure or figure.get("target"):
                continue
            if figure["kind"] in OUT_OF_KINDS and "out_of" not in figure:
                continue  # a rank with no total ("lần lượt xếp thứ 5, 9 và 11"): the registry files ranks out of N
            verdict, _, _ = document_report.judge(source, figure, catalogue())
            if verdict != "right":
                continue
            sentence, needle = document_report.figure_sentence(
                source, figure["line"], figure["find"], figure.get("occurrence", 1)
            )
            (proposal,) = document_report.propose(source, sentence, needle, catalogue())
            found.append((source, sentence.text, figure, proposal))
    return found


FILED = _filed_right()


def _checker(source) -> IndicatorChecker:
    return IndicatorChecker(None, catalogue(), {source.meta.id: source})


def _indicator(figure: dict) -> IndicatorInfo:
    return IndicatorInfo.model_validate(
        {
            "id": "x",
            "name": {"vi": "x", "en": "x"},
            "description": {"vi": "x", "en": "x"},
            "sector": "x",
            "kind": figure["kind"],
            "unit": {"vi": "x", "en": "x"},
            "scale": figure["scale"],
            "direction": "higher-is-better",
        }
    )


def _fields(source, quote: str, proposal) -> dict:
    observation = proposal.observation(source.meta.id, quote, indicator_unit="vn")
    fields = dict(OBSERVATION_DEFAULTS) | observation
    fields["period"] = str(fields["period"])
    fields.setdefault("reporting_unit", None)
    return fields


def _errors(source, figure, fields) -> list:
    findings = _checker(source).observation_findings(_indicator(figure), fields)
    return [finding for finding in findings if finding.severity == "error"]


def _another_year(label: str) -> str:
    return re.sub(r"(?:19|20)\d{2}", lambda year: str(int(year.group(0)) - 1), label)


def _neighbour(unit_id: str) -> str:
    """A unit a careless filer might take instead: another province for a province,
    another ministry for a ministry, a province for the country or a bloc."""
    level = catalogue().level(unit_id)
    if level == "province":
        return "ha-noi" if unit_id != "ha-noi" else "hai-phong"
    if level == "ministry":
        return "bo-cong-an" if unit_id != "bo-cong-an" else "bo-tai-chinh"
    return "ha-noi"


@pytest.mark.parametrize("case", FILED, ids=lambda case: f"{case[0].meta.id}:{case[2]['line']}:{case[2]['find']}")
def test_a_right_filing_is_proven_and_each_wrong_one_is_an_error(case):
    source, quote, figure, proposal = case
    fields = _fields(source, quote, proposal)
    findings = _checker(source).observation_findings(_indicator(figure), fields)
    assert [f for f in findings if f.severity == "error"] == [], findings
    assert _errors(source, figure, fields | {"period": _another_year(fields["period"])}), "another year passed"
    unit = fields["reporting_unit"] or "vn"
    neighbour = _neighbour(unit)
    assert _errors(source, figure, fields | {"reporting_unit": None if neighbour == "vn" else neighbour}), (
        f"{neighbour} instead of {unit} passed"
    )
    other_value = fields["value"] + (1 if abs(fields["value"]) >= 1 else 0.01)
    assert _errors(source, figure, fields | {"value": other_value}), "another value passed"


def test_filed_figures_cover_context_and_publisher_readings():
    from_context = [case for case in FILED if case[3].period_from == "context"]
    from_publisher = [case for case in FILED if case[2].get("unit_from") == "publisher"]
    assert len(FILED) >= 350
    assert len(from_context) >= 80
    assert len(from_publisher) >= 30


def test_the_reading_carries_a_period_until_a_heading_or_a_new_one():
    text = "\n".join(
        [
            "Năm 2024, toàn tỉnh có 1.200 tổ công nghệ số.",
            "Trong đó, 300 tổ ở khu vực miền núi.",
            "Ảnh: Minh Anh",
            "Tổ công nghệ số đã hỗ trợ 12.000 lượt người dân.",
            "KINH TẾ SỐ",
            "Doanh thu thương mại điện tử đạt 800 tỷ đồng.",
            "Đến tháng 8/2025, có 95% hộ dùng Internet.",
            "Trong quý, doanh thu đạt 210 tỷ đồng.",
        ]
    )
    reading = read_text(text, title="Chuyển đổi số quý III/2025", published=None)
    context = [(sentence.line, sentence.context.label, sentence.context.where) for sentence in reading.sentences]
    assert context == [
        (1, "2025-Q3", "title"),
        (2, "2024", "sentence"),  # the sentence before
        (3, "2024", "sentence"),  # a caption neither sets nor ends
        (4, "2024", "sentence"),
        (5, "2025-Q3", "title"),  # a heading ends what sentences set
        (6, "2025-Q3", "title"),
        (7, "2025-Q3", "title"),
        (8, "2025-Q3", "title"),  # "trong quý": the quarter, not the month stated since
    ]
    assert reading.sentences[1].context.quote == "Năm 2024, toàn tỉnh có 1.200 tổ công nghệ số."


def test_the_reading_is_computed_once_per_text():
    first = read_text("Năm 2024, có 12 xã.", title="Tin")
    assert read_text("Năm 2024, có 12 xã.", title="Tin") is first
    assert read_text("Năm 2024, có 12 xã.", title="Tin khác") is not first


def test_the_importer_proposes_the_publishers_own_province():
    proposed = 0
    for path in sorted(document_report.DOCUMENTS.glob("*.txt")):
        source, _ = document_report.load_document(path.name.removesuffix(".txt"))
        unit = publisher_unit(source.meta.publisher, catalogue(), source.meta.published)
        if unit is not None:
            proposed += 1
            assert unit == source.meta.reporting_unit, source.meta.publisher
    assert proposed >= 15
    assert publisher_unit("Báo Nhân Dân", catalogue()) is None
    assert publisher_unit("Cổng Thông tin điện tử Chính phủ", catalogue()) is None
    assert publisher_unit("Báo Hà Giang", catalogue(), date(2025, 8, 1)) is None  # merged into Tuyên Quang
