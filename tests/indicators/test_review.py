"""`indicators.review` and `python -m indicators propose`: every figure of a source
proposed at once, with its indicator, period, unit, evidence and what is missing; the
accepted ones filed in one step, one validated atomic save and log entry per file."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import FIXTURES

from indicators.cli import main
from indicators.edit_log import local_author, read_entries, verify
from indicators.loader import read_registry
from indicators.paths import DataLayout
from indicators.review import Accepted, ReviewError, file_accepted, ready, review_rows
from indicators.source_import import import_document, import_source
from indicators.web_import import read_page

TEN = {
    "41,2 triệu": ("vssid-accounts", 41.2),
    "19,5%": ("digital-economy-share-of-gdp", 19.5),
    "172 tỷ": ("digital-product-exports", 172),
    "9,1 tỷ": ("software-it-services-revenue", 9.1),
    "2,4 tỷ": ("software-it-services-exports", 2.4),
    "99,6%": ("commune-fibre-coverage", 99.6),
    "3,2 tỷ": ("population-database-requests", 3.2),
    "44/193": ("egdi-rank", 44),
    "6": ("digital-transformation-decrees-issued", 6),
    "12,5 triệu": ("social-welfare-paid-to-accounts-recipients", 12.5),
}


def imported_ten(data_dir) -> str:
    raw = (FIXTURES / "web" / "ten-figures.html").read_bytes()
    document = read_page(raw, "http://127.0.0.1:8000/ten-figures.html", "utf-8", today=date(2026, 12, 7))
    return import_document(DataLayout(data_dir), document, local_author()).id


def test_every_figure_is_proposed_with_its_indicator_period_and_unit(real_data_copy):
    source_id = imported_ten(real_data_copy)
    rows = review_rows(read_registry(real_data_copy), source_id)
    proposed = {row.proposal.text: (row.indicator_id, row.value) for row in rows if row.indicator_id}
    assert proposed == TEN
    assert {(row.proposal.period, row.proposal.reporting_unit) for row in rows} == {("2026", "vn")}
    (title,) = [row for row in rows if row.indicator_id is None]  # "10 con số" in the headline
    assert title.missing == ("a new indicator: its sector, English name and English unit",)
    assert title.new_indicator["name_vi"] == "Toàn cảnh chuyển đổi số quốc gia năm 2026 qua"
    assert [row.missing for row in rows if row.indicator_id] == [()] * 10


def test_a_period_from_the_sentence_before_is_shown_as_context(good_data):
    text = (
        "Sơ kết 6 tháng đầu năm 2026 về chuyển đổi số.\n\n"
        "Trong kỳ, số tài khoản VssID tăng thêm 2.500 tài khoản tại các điểm thử nghiệm.\n"
    )
    source = import_source(DataLayout(good_data), "Sơ kết", text, "Sở", None, None, local_author())
    (row,) = review_rows(read_registry(good_data), source.id)
    assert (row.proposal.text, row.proposal.period, row.proposal.period_from) == ("2.500", "2026-H1", "context")
    assert row.context == "Sơ kết 6 tháng đầu năm 2026 về chuyển đổi số."
    assert row.quote == "Trong kỳ, số tài khoản VssID tăng thêm 2.500 tài khoản tại các điểm thử nghiệm."


def test_accepted_rows_are_filed_one_save_and_log_entry_per_file(real_data_copy):
    source_id = imported_ten(real_data_copy)
    registry = read_registry(real_data_copy)
    rows = review_rows(registry, source_id)
    accepted = [ready(row) for row in rows if ready(row)]
    title = next(row for row in rows if row.indicator_id is None)
    fields = dict(title.new_indicator, sector="digital-government", name_en="Headline figures", unit_en="figures")
    fields |= {"id": "headline-figures", "unit_vi": "con số"}
    accepted.append(Accepted(title, "2026", "vn", 10, new_indicator=fields))
    entries = file_accepted(registry, source_id, accepted, local_author())
    assert len(entries) == 11 and len({entry["file"] for entry in entries}) == 11
    after = read_registry(real_data_copy)
    assert not after.errors
    assert review_rows(after, source_id) == []
    log = DataLayout(real_data_copy).edit_log
    assert len(read_entries(log)) == 12 and verify(log).ok  # the import, then one per file


def test_nothing_is_written_when_one_accepted_row_is_incomplete(real_data_copy):
    source_id = imported_ten(real_data_copy)
    registry = read_registry(real_data_copy)
    rows = review_rows(registry, source_id)
    before = {path: path.read_text(encoding="utf-8") for path in registry.files.values()}
    title = next(row for row in rows if row.indicator_id is None)
    accepted = [ready(row) for row in rows if ready(row)] + [
        Accepted(title, "2026", "vn", 10, new_indicator=title.new_indicator)
    ]
    with pytest.raises(ReviewError) as refused:
        file_accepted(registry, source_id, accepted, local_author())
    assert "sector, name_en, unit_en missing" in str(refused.value)
    assert {path: path.read_text(encoding="utf-8") for path in registry.files.values()} == before
    wrong = [Accepted(rows[1], "2025", "vn", rows[1].value, indicator_id=rows[1].indicator_id)]
    with pytest.raises(ReviewError, match="period-not-in-quote"):
        file_accepted(registry, source_id, wrong, local_author())
    assert len(read_entries(DataLayout(real_data_copy).edit_log)) == 1  # the import alone


def test_propose_prints_the_table_and_apply_files_those_needing_no_hint(real_data_copy, capsys):
    source_id = imported_ten(real_data_copy)
    assert main(["--data", str(real_data_copy), "propose", source_id]) == 0
    printed = capsys.readouterr()
    assert printed.out.splitlines()[0].split() == [
        "row",
        "figure",
        "indicator",
        "value",
        "period",
        "reporting",
        "unit",
        "evidence",
        "missing",
    ]
    assert "egdi-rank" in printed.out and "11 figure(s) not registered; 10 need no hint" in printed.err
    assert main(["--data", str(real_data_copy), "propose", source_id, "--apply"]) == 0
    assert "filed 10 figure(s) in 10 file(s)" in capsys.readouterr().err
    assert main(["--data", str(real_data_copy), "validate"]) == 0
    assert main(["--data", str(real_data_copy), "propose", "no-such-source"]) == 2
