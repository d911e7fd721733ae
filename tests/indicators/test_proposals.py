"""Proposals read a sentence like an editor: on the seed sources, and on corpora of
realistic sentences written for these tests (tests/fixtures/corpus/), where every
figure must be filed right without hints or refused with what to add."""

import datetime
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES

from indicators import load_registry
from indicators.models import Source
from indicators.proposals import propose, sentences_containing
from indicators.registry import SourceDocument
from indicators.text import fold

VOV = "vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha"
CORPORA = sorted((FIXTURES / "corpus").glob("*.yaml"))
FIELDS = ("value", "scale", "period", "reporting_unit", "qualifier", "target", "per_year")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.mark.parametrize(
    ("find", "value", "scale", "unit", "kind", "period", "how", "qualifier", "out_of"),
    [
        ("35 triệu", 35, "million", "tài khoản", "count", "2024-07-19", "source-date", None, None),
        ("113,5 tỷ USD", 113.5, "billion", "USD", "amount", "2021", "sentence", None, None),
        ("64,9 tỷ USD", 64.9, "billion", "USD", "amount", "2024-H1", "sentence", None, None),
        ("gần 3 tỷ USD", 3, "billion", "USD", "amount", "2024-H1", "sentence", "nearly", None),
        ("86/193", 86, "one", "", "rank", "2022", "sentence", None, 193),
        ("cấp độ 6/10", 6, "one", "", "level", "2023", "sentence", None, 10),
    ],
)
def test_proposals_read_the_seed_sentences(registry, find, value, scale, unit, kind, period, how, qualifier, out_of):
    source = registry.sources[VOV]
    (sentence,) = sentences_containing(source, find)
    (proposal,) = propose(source, sentence, find, registry.units)
    assert (proposal.value, proposal.scale, proposal.unit_vi, proposal.kind) == (value, scale, unit, kind)
    assert (proposal.period, proposal.period_from, proposal.qualifier, proposal.out_of) == (
        period,
        how,
        qualifier,
        out_of,
    )
    assert proposal.refusal is None and proposal.reporting_unit == "vn"


def test_a_figure_whose_context_is_not_clear_is_refused_with_what_to_add(registry):
    """The sentence before states two periods: the editor must say which (the registry
    files this figure with the introducing sentence of the list as period_quote)."""
    source = registry.sources[VOV]
    (sentence,) = sentences_containing(source, "8.280 tỷ đồng")
    (proposal,) = propose(source, sentence, "8.280 tỷ đồng", registry.units)
    assert (proposal.value, proposal.qualifier, proposal.period) == (8280, "more-than", None)
    assert proposal.period_refusal.endswith("add --period (2024, 2024-H1, 2024-06-30, …)")


def test_a_context_sentence_with_one_period_becomes_the_period_quote(registry):
    context = "Báo cáo sơ kết 6 tháng đầu năm 2024 của Sở Thông tin và Truyền thông được công bố hôm qua."
    text = context + " Toàn tỉnh Nghệ An đã có 1.234 doanh nghiệp công nghệ số."
    source = _source("2024-07-20", text)
    (sentence,) = sentences_containing(source, "1.234 doanh nghiệp")
    (proposal,) = propose(source, sentence, "1.234 doanh nghiệp", registry.units)
    assert (proposal.period, proposal.period_from, proposal.period_quote) == ("2024-H1", "context", context)
    assert proposal.reporting_unit == "nghe-an"


def test_the_figure_inside_find_is_the_one_proposed(registry):
    source = _source("2024-07-01", "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 71,2% trong tổng số 245.310 hồ sơ năm 2024.")
    (sentence,) = sentences_containing(source, "245.310 hồ sơ")
    (proposal,) = propose(source, sentence, "245.310 hồ sơ", registry.units)
    assert (proposal.value, proposal.unit_vi, proposal.period) == (245310, "hồ sơ", "2024")


def test_compound_scales_and_hedges_are_read(registry):
    text = "Năm 2024, giá trị giao dịch qua di động đạt gần 2,3 triệu tỷ đồng, dưới 5% số giao dịch bị lỗi."
    source = _source("2025-01-10", text)
    (sentence,) = sentences_containing(source, "2,3 triệu tỷ")
    amount, share = propose(source, sentence, text, registry.units)
    assert (amount.value, amount.scale, amount.qualifier, amount.kind) == (2.3, "quadrillion", "nearly", "amount")
    assert (share.value, share.qualifier, share.kind) == (5, "less-than", "share")


def _source(published: str, text: str, publisher: str | None = None) -> SourceDocument:
    meta = Source(
        id="corpus",
        title="corpus",
        publisher=publisher,
        published=datetime.date.fromisoformat(str(published)),
        language="vi",
        accessed=datetime.date(2026, 11, 29),
    )
    return SourceDocument(meta, text, Path("corpus.txt"))


def _comparable(values) -> tuple:
    """The fields in FIELDS order, the value as a number and the rest as text (YAML reads 2024 as a number)."""
    value, *rest = values
    return (round(float(value), 9), *(str(item) for item in rest))


def _cases(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def file_case(case: dict, catalogue):
    """What `new` files for a corpus case, with no hint: the one proposal for its `find`."""
    text = (case["context"] + " " if case.get("context") else "") + case["sentence"]
    source = _source(case["source_date"], text, case.get("source_publisher"))
    sentence = next(s for s in sentences_containing(source, case["find"]) if s.text in fold(case["sentence"]))
    return propose(source, sentence, case["find"], catalogue)


@pytest.mark.parametrize("corpus", CORPORA, ids=[path.stem for path in CORPORA])
def test_a_corpus_is_filed_right_or_refused_never_wrong(corpus, registry):
    cases = _cases(corpus)
    filed = refused = 0
    wrong = []
    for case in cases:
        proposals = file_case(case, registry.units)
        if "refuse" in case and not proposals:
            refused += 1  # not read as a figure at all: a decision's number, a date written "15.8"
            continue
        assert len(proposals) == 1, (case["id"], [proposal.text for proposal in proposals])
        (proposal,) = proposals
        if "refuse" in case:
            if proposal.refusal:
                refused += 1
                assert "add" in proposal.refusal or "not" in proposal.refusal, proposal.refusal  # says what to do
            else:
                wrong.append((case["id"], "filed a figure that must be refused", proposal))
            continue
        expected = _comparable(case["expect"][name] for name in FIELDS)
        if proposal.refusal:
            refused += 1
            assert "--" in proposal.refusal, (case["id"], proposal.refusal)  # names the hint to add
        elif _comparable(getattr(proposal, name) for name in FIELDS) == expected:
            filed += 1
        else:
            wrong.append((case["id"], expected, proposal))
    expecting = sum("expect" in case for case in cases)
    assert wrong == []  # never a wrong value, period or place
    assert len(cases) >= 60 and filed >= 0.9 * expecting, (filed, expecting)
