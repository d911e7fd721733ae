"""The document reading's rules of this round, each on a short document of its own: a unit
a sentence names carries to the next that names none, the merged province "(mới)" is not
under a period before the merger, a table's header of years gives each column its year, a
value in brackets after a period is that period's, a name outside the catalogue owns its
bracketed value, and figures due "by" a later year are targets."""

import datetime
from functools import cache
from pathlib import Path

from indicators.models import Source
from indicators.proposals import propose, sentences_containing
from indicators.registry import SourceDocument
from indicators.reporting_units import read_catalogue

PROJECT = Path(__file__).resolve().parents[2]


@cache
def catalogue():
    problems: list = []
    units = read_catalogue(PROJECT / "data" / "reporting-units", problems)
    assert problems == []
    return units


def _filed(text: str, find: str, published: str = "2025-01-10", reporting_unit: str | None = None):
    meta = Source(
        id="doc",
        title="Tin",
        published=datetime.date.fromisoformat(published),
        language="vi",
        accessed=datetime.date(2026, 12, 1),
        reporting_unit=reporting_unit,
    )
    source = SourceDocument(meta, text, Path("doc.txt"))
    (sentence,) = sentences_containing(source, find)
    (proposal,) = propose(source, sentence, find, catalogue())
    return proposal


def test_a_unit_named_once_carries_to_the_next_sentence_of_its_section():
    text = (
        "Năm 2024, Bộ đạt nhiều kết quả.\nThuế điện tử\n"
        "Cả nước có 1,2 triệu doanh nghiệp dùng hóa đơn điện tử.\nTỷ lệ nộp thuế điện tử đạt 98,1%.\n"
        "Hạ tầng\nTỷ lệ hệ thống được phê duyệt cấp độ đạt 91,4%."
    )
    assert _filed(text, "98,1%", reporting_unit="bo-tai-chinh").reporting_unit == "vn"
    assert _filed(text, "91,4%", reporting_unit="bo-tai-chinh").reporting_unit == "bo-tai-chinh"  # a new heading


def test_the_merged_province_is_not_under_a_period_before_the_merger():
    text = (
        "Trong 6 tháng đầu năm 2025, tỉnh Bạc Liêu (cũ) đạt 70,2%.\n"
        "Tỉnh Cà Mau (mới) có 64 xã, phường; tỷ lệ hồ sơ trực tuyến đạt 80,5%."
    )
    proposal = _filed(text, "64", published="2025-09-20", reporting_unit="ca-mau")
    assert (proposal.period, proposal.period_from, proposal.refusal) == ("2025-09-20", "source-date", None)
    assert _filed(text, "70,2%", published="2025-09-20", reporting_unit="ca-mau").refusal is None


def test_a_header_of_years_gives_each_column_its_year():
    text = "Bảng: Tỷ lệ (%)\nTỉnh | 2022 | 2023\nNghệ An | 41,20 | 45,70\nHà Tĩnh | 38,10 | 44,90"
    proposal = _filed(text, "44,90")
    assert (proposal.period, proposal.period_from, proposal.reporting_unit) == ("2023", "column", "ha-tinh")
    assert _filed(text, "41,20").period == "2022"
    ragged = "Tỉnh | 2022 | 2023\nNghệ An | 41,20"  # a row shorter than its header: the column is not told
    assert _filed(ragged, "41,20").refusal


def test_a_value_in_brackets_after_a_period_is_that_periods():
    proposal = _filed("Năm 2024, DTI cả nước đạt 0,7012, tăng 4,1% so với năm 2023 (0,6736).", "0,6736")
    assert (proposal.period, proposal.refusal) == ("2023", None)


def test_a_bracketed_value_of_a_name_outside_the_catalogue_is_refused():
    text = "Năm 2024, Việt Nam xếp sau Singapore (hạng 5) và Thái Lan (hạng 40)."
    assert "Thái Lan" in _filed(text, "40").refusal
    text = "Năm 2024, các đơn vị có điểm cao nhất là Bảo hiểm xã hội Việt Nam (91,20)."
    assert "Bảo hiểm xã hội" in _filed(text, "91,20").refusal


def test_figures_due_by_a_later_year_and_items_after_a_target_colon_are_targets():
    proposal = _filed("Năm 2024, tỉnh đạt 12%; đến năm 2026, kinh tế số chiếm 25% GRDP.", "25%", published="2025-01-10")
    assert (proposal.period, proposal.target) == ("2026", True)
    text = "Năm 2025, Thủ tướng yêu cầu hoàn thành các chỉ tiêu: tỷ lệ hồ sơ đạt 85%; kinh tế số đạt 22% GDP."
    assert _filed(text, "22%", published="2025-03-01").target


def test_a_reading_is_never_served_for_another_catalogue(tmp_path):
    """Readings are kept per text and catalogue. Catalogues read one after the other (as a
    dashboard reloads its registry) may be allocated where a freed one was: a name added to
    a bloc in one of them must still decide the unit carried to the next sentence."""
    import gc
    import shutil

    from indicators.reading import read_text

    shutil.copytree(PROJECT / "data" / "reporting-units", tmp_path / "plain")
    shutil.copytree(PROJECT / "data" / "reporting-units", tmp_path / "added")
    aggregates = tmp_path / "added" / "aggregates.yaml"
    written = 'written: ["khối tỉnh, thành phố"'
    aggregates.write_text(
        aggregates.read_text(encoding="utf-8").replace(written, 'written: ["Bảo hiểm xã hội", "khối tỉnh, thành phố"'),
        encoding="utf-8",
    )
    text = "Năm 2024, Bảo hiểm xã hội có 35 triệu tài khoản.\nTrong đó, 20 triệu tài khoản mới."
    for _ in range(30):
        for folder, expected in (("plain", None), ("added", "khoi-tinh-thanh")):
            units = read_catalogue(tmp_path / folder, [])
            carried = read_text(text, "Tin", None, units).sentences[1].unit
            assert (carried.unit_id if carried else None) == expected
            del units
            gc.collect()


def test_the_leads_year_holds_after_a_heading_only_while_the_body_keeps_to_it():
    kept = (
        "Năm 2024, tỉnh Bắc Ninh đẩy mạnh chuyển đổi số.\nDịch vụ công\n"
        "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 61,5%.\nDoanh nghiệp số\nToàn tỉnh có 1.420 doanh nghiệp công nghệ số."
    )
    assert _filed(kept, "1.420").period == "2024"
    moved_on = (
        "Năm 2023, tỉnh Bắc Ninh có 1.250 doanh nghiệp công nghệ số.\n"
        "Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình đạt 61,5%.\nDoanh nghiệp số\n"
        "Toàn tỉnh đã hình thành 1.400 doanh nghiệp công nghệ số."
    )
    refused = _filed(moved_on, "1.400")  # 2023 or 2024? The document does not say: no guess
    assert refused.period is None and "2023 and 2024" in refused.period_refusal


def test_a_reading_is_kept_once_for_catalogues_read_from_the_same_files():
    """Every registry load builds a new catalogue from the same files: a document read with
    each must be kept once, not once per load (the server's memory grew with every save)."""
    from indicators.reading import document

    def fresh_catalogue():
        problems: list = []
        return read_catalogue(PROJECT / "data" / "reporting-units", problems)

    text = "Sở Thông tin và Truyền thông tỉnh Hà Giang cho biết năm 2024 có 120 xã phủ cáp quang.\n"
    first, second = fresh_catalogue(), fresh_catalogue()
    assert first is not second and first.digest == second.digest
    before = len(document._readings)
    reading = document.read_text(text, "Tin", datetime.date(2025, 1, 10), first)
    assert document.read_text(text, "Tin", datetime.date(2025, 1, 10), second) is reading
    assert len(document._readings) == before + 1
    other = read_catalogue(PROJECT / "tests" / "fixtures" / "units" / "reporting-units", [])
    assert other.digest != first.digest  # another catalogue: read again
    assert document.read_text(text, "Tin", datetime.date(2025, 1, 10), other) is not reading
