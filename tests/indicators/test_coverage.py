import pytest
from conftest import DATA, FIXTURES

from indicators import load_registry, read_registry
from indicators.coverage import coverage_report, find_numbers, is_claim, split_sentences


@pytest.fixture(scope="module")
def report():
    return coverage_report(load_registry(DATA))


def test_real_registry_cites_or_waives_every_numeric_claim(report):
    claims, problems = report
    assert problems == []
    statuses = [claim.status for claim in claims]
    assert (statuses.count("cited"), statuses.count("waived"), statuses.count("uncited")) == (40, 7, 0)


def test_each_cited_claim_names_its_indicator(report):
    claims, _ = report
    by_text = {(claim.source_id, claim.text): claim for claim in claims}
    assert by_text[("vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha", "35 triệu")].cited_by == ("vssid-accounts",)
    assert by_text[("vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha", "86/193")].cited_by == ("egdi-rank",)


@pytest.mark.parametrize(
    ("sentence", "number", "claim"),
    [
        ("Sáng nay (8/8), tại Trụ sở Chính phủ", "8/8", False),
        ("Tính đến hết ngày 30-6-2023, đã có 96 bộ", "30", False),
        ("Tính đến hết ngày 30-6-2023, đã có 96 bộ", "96", True),
        ("theo Quyết định số 422/QĐ-TTg trên Cổng", "422", False),
        ("Đề án 06 của Chính phủ", "06", False),
        ("đại dịch Covid-19, chúng ta", "19", False),
        ("trong 6 tháng đầu năm 2023 đạt khoảng 14,96%", "6", False),
        ("trong 6 tháng đầu năm 2023 đạt khoảng 14,96%", "2023", False),
        ("trong 6 tháng đầu năm 2023 đạt khoảng 14,96%", "14,96%", True),
        ("Chỉ số Bưu chính năm 2023 đạt cấp độ 6/10", "6/10", True),
        ("Cách mạng công nghiệp lần thứ 4 ở Việt Nam", "4", False),
        ("hiện có 35 triệu tài khoản", "35 triệu", True),
    ],
)
def test_dates_years_ordinals_and_document_numbers_are_not_claims(sentence, number, claim):
    (mention,) = [m for m in find_numbers(sentence) if m.text == number]
    assert is_claim(sentence, mention) is claim


def test_sentences_split_at_stops_but_not_inside_numbers():
    line = "Tổng số là 2.087.114 hồ sơ. Đồng thời, tỷ lệ đạt 14,96%. Hết"
    assert [line[a:b].strip() for a, b in split_sentences(line)] == [
        "Tổng số là 2.087.114 hồ sơ.",
        "Đồng thời, tỷ lệ đạt 14,96%.",
        "Hết",
    ]


def test_an_uncited_number_fails_and_a_stale_waiver_is_reported(real_data_copy):
    waivers = real_data_copy / "coverage-waivers.yaml"
    text = waivers.read_text(encoding="utf-8")
    waivers.write_text(text.replace("text: với 63 tỉnh, thành phố", "text: với 64 tỉnh"), encoding="utf-8")
    claims, problems = coverage_report(load_registry(real_data_copy))
    uncited = [claim for claim in claims if claim.status == "uncited"]
    assert [(claim.text, claim.line) for claim in uncited] == [("63", 9)]
    assert [problem.code for problem in problems] == ["waiver-stale"]


def test_the_claim_scan_is_linear_on_one_long_line():
    """A 2 MB one-line source: the scan reads a few words around each number and finds
    each quote's places once per line (it took minutes when it re-read the line per number)."""
    import time

    from benchmarks.long_source import long_line

    line = long_line(2.0)
    registry = read_registry(FIXTURES / "good")
    source = registry.sources["example-source"]
    registry.sources["example-source"] = type(source)(source.meta, source.text + line, source.path)
    started = time.process_time()
    claims, _ = coverage_report(registry)
    assert time.process_time() - started < 10
    assert len(claims) > 40_000 and sum(claim.status == "cited" for claim in claims) == 5
