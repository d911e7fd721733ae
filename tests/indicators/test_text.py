"""`indicators.text`: the one normaliser quotes are compared with, and the sentence splitter."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators.text import fold, sentences, split_sentences

NFC = "Phần mềm Bảo hiểm xã hội hiện có 35 triệu tài khoản"
NFD = unicodedata.normalize("NFD", NFC)


def test_fold_composes_decomposed_vietnamese():
    assert NFD != NFC
    assert fold(NFD) == NFC


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("35\u00a0triệu tài khoản", "35 triệu tài khoản"),  # a non-breaking space from a web page
        ("Hà Nội\r\ndẫn đầu", "Hà Nội dẫn đầu"),
        ("\tđạt  5,2%  \n", "đạt 5,2%"),
        ("Hà\u3000Nội\u2028có", "Hà Nội có"),  # ideographic space, line separator
        ("a\u200bb", "a\u200bb"),  # a zero-width space is not whitespace: it stays
    ],
)
def test_fold_turns_every_run_of_whitespace_into_one_space(written, folded):
    assert fold(written) == folded


text_with_whitespace = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\u00a0", "\r", "\n", "\t", " ", "\u0300", "\u0323", "\u0301", "a", "ơ", "Đ"]),
    )
)


@given(text_with_whitespace)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(text_with_whitespace)
def test_fold_gives_nfc_with_single_inner_spaces(text):
    folded = fold(text)
    assert unicodedata.is_normalized("NFC", folded)
    assert folded == folded.strip()
    assert "  " not in folded and not any(ch.isspace() and ch != " " for ch in folded)


@given(text_with_whitespace)
def test_canonically_equivalent_texts_fold_alike(text):
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text)) == fold(text)


def parts(line: str) -> list[str]:
    return [line[start:end] for start, end in split_sentences(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Đạt 5 triệu.” Hà Nội dẫn đầu.", ["Đạt 5 triệu.” ", "Hà Nội dẫn đầu."]),
        ("Tăng 5%! (Theo Bộ TT&TT)", ["Tăng 5%! ", "(Theo Bộ TT&TT)"]),
        ("Thật sao? “Có” đấy", ["Thật sao? ", "“Có” đấy"]),
        ("Giảm 3%… 2025 tăng trở lại", ["Giảm 3%… ", "2025 tăng trở lại"]),
        ("Đà Nẵng đứng thứ hai... Ở Huế", ["Đà Nẵng đứng thứ hai... ", "Ở Huế"]),
    ],
)
def test_a_stop_then_a_capital_digit_or_opening_mark_starts_a_sentence(line, expected):
    assert parts(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Năm 2024 đạt 6%.Hà Nội dẫn đầu",  # no space after the stop
        "Tăng 5. đến năm sau",  # a small letter follows
        "Năm 2023 đạt 5,2%; Năm 2024 đạt 6%",  # a semicolon keeps a list of figures whole
        "Tổng là 2.087.114 hồ sơ",  # dots inside a number
    ],
)
def test_no_split_without_stop_space_and_a_capital(line):
    assert parts(line) == [line]


def test_a_blank_line_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("   ") == []


@given(st.text(alphabet=st.sampled_from(list("aĐH2 .!?…;”“(\u00a0"))))
def test_sentences_of_a_line_are_contiguous_and_cover_it(line):
    spans = split_sentences(line)
    if not line.strip():
        assert spans == []
        return
    assert spans[0][0] == 0 and spans[-1][1] == len(line)
    assert all(end == next_start for (_, end), (next_start, _) in zip(spans, spans[1:], strict=False))
    assert all(line[start:end].strip() for start, end in spans)


def test_sentences_number_lines_as_an_editor_does_across_crlf_and_blank_lines():
    text = "Năm 2023 đạt 5%.\r\n\r\nHà\u00a0Nội dẫn đầu. Đà Nẵng thứ hai.\r\n"
    assert sentences(text) == [(1, "Năm 2023 đạt 5%."), (3, "Hà Nội dẫn đầu."), (3, "Đà Nẵng thứ hai.")]


def test_sentences_are_folded():
    text = unicodedata.normalize("NFD", "Tỉnh  Thanh Hóa có\t1.234 doanh nghiệp số. Hết.")
    assert sentences(text) == [(1, "Tỉnh Thanh Hóa có 1.234 doanh nghiệp số."), (1, "Hết.")]
