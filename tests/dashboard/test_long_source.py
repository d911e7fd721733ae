"""A long source on the sources page: its cited sentences first, then the text a page
at a time; never the whole document in one page."""

from __future__ import annotations

import shutil

from conftest import DATA
from dashboard_helpers import open_page, shown, text_of

from benchmarks.long_source import long_line
from indicators.text import PAGE_CHARACTERS, cited_passages, text_pages

SOURCE = "vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha"


def test_pages_keep_lines_whole_and_cut_a_long_line_at_spaces():
    lines = ["một " * 10, "hai", "ba " * 3000]
    pages = text_pages(lines, size=100)
    assert "".join("".join(page) for page in pages) == "".join(lines)
    assert all(sum(map(len, page)) <= 100 for page in pages)
    assert pages[0] == [lines[0], lines[1]] and pages[1][0].startswith("ba ")


def test_a_cited_passage_carries_a_little_context_either_side():
    line = "chữ " * 1000 + "Năm 2024 có 35 triệu tài khoản." + " chữ" * 1000
    ((number, before, quote, after),) = cited_passages(["đầu", line], ["35 triệu tài khoản"])
    assert number == 2 and quote == "35 triệu tài khoản"
    assert before.startswith("… ") and before.endswith("Năm 2024 có ") and len(before) <= 302
    assert after.startswith(".") and after.endswith(" …") and len(after) <= 302


def test_a_long_source_page_shows_the_cited_sentences_and_one_page_of_text(app, monkeypatch, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = data / "sources" / f"{SOURCE}.txt"
    text.write_text(text.read_text(encoding="utf-8") + long_line(3.0), encoding="utf-8")
    monkeypatch.setenv("INDICATORS_DATA", str(data))
    page = open_page(app, "sources", source=SOURCE)
    assert not page.exception
    everything = text_of(page)
    assert len(everything) < 5 * PAGE_CHARACTERS  # not 3 MB
    assert "Phần mềm Bảo hiểm xã hội hiện có 35 triệu tài khoản" in everything
    (pager,) = page.number_input
    assert pager.max >= 100  # about 2.3 million characters in pages of 20,000
    pager.set_value(5).run()
    assert not page.exception and shown(page.markdown[-1].value) != everything.splitlines()[-1]
