"""Text as quotes are compared: one normaliser and one sentence splitter."""

from __future__ import annotations

import re
import unicodedata

_SENTENCE_END = re.compile(r"[.!?…]+[”\")]?\s+")
_SENTENCE_START = ("“", '"', "(")
_TABLE_CELLS = " | "
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:TP|Tp|TS|ThS|PGS|GS|TT|Th\.S)\.$")
_ABBREVIATION_REACH = 6  # the longest abbreviation ("Th.S") and the space before it


def fold(text: str) -> str:
    """Unicode NFC and whitespace folded to single spaces: the only differences a
    quote may have from its source.

    >>> fold("Hà  Nội\\n có")
    'Hà Nội có'
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def alphabetical_key(text: str) -> str:
    """A sort key for Vietnamese names: letters without tone or vowel marks, case
    ignored, and đ as the letter after d (Bắc Ninh, Cà Mau, Đà Nẵng, Hà Giang).

    >>> sorted(["Hà Giang", "Đà Nẵng", "Bắc Ninh", "Điện Biên", "Dương"], key=alphabetical_key)
    ['Bắc Ninh', 'Dương', 'Đà Nẵng', 'Điện Biên', 'Hà Giang']
    """
    lowered = text.casefold().replace("đ", "d\U0010ffff")
    bare = "".join(
        character for character in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(character)
    )
    return bare + "\x00" + lowered  # equal bare names in a stable, mark-aware order


def split_sentences(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a line: a stop mark (`.`, `!`, `?`, `…`),
    a space, then a capital, a digit or an opening mark. A semicolon never ends a
    sentence, so a list of figures stays whole; nor does the stop of an abbreviation
    ("TP. Đà Nẵng"); a table row (cells joined by " | ") is one sentence.

    >>> line = "Năm 2023 đạt 5,2%; năm 2024 đạt 6%. Hà Nội dẫn đầu."
    >>> [line[start:end] for start, end in split_sentences(line)]
    ['Năm 2023 đạt 5,2%; năm 2024 đạt 6%. ', 'Hà Nội dẫn đầu.']
    """
    if _TABLE_CELLS in line:  # a table row, "1 | TP. Đà Nẵng | 0,7925": one statement
        return [(0, len(line))] if line.strip() else []
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        following = line[match.end() : match.end() + 1]
        # "TP. Hồ Chí Minh", "TS. Nguyễn": the few characters before the stop, not the whole
        # line before it (a search from 0 made a long line's split quadratic)
        if _ABBREVIATION.search(line, max(0, match.start() - _ABBREVIATION_REACH), match.start() + 1):
            continue
        if following and (following.isupper() or following.isdigit() or following in _SENTENCE_START):
            spans.append((start, match.end()))
            start = match.end()
    if start < len(line):
        spans.append((start, len(line)))
    return [(begin, end) for begin, end in spans if line[begin:end].strip()]


def sentences(text: str) -> list[tuple[int, str]]:
    """(line number, folded sentence) of every sentence of a text, in order."""
    found = []
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = fold(raw_line)
        found.extend((number, line[start:end].strip()) for start, end in split_sentences(line))
    return found


# Vietnamese collation (the order of Vietnamese dictionaries): the 29 letters of the
# alphabet in order, a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư (f, j, w, z after the letter
# they follow in Latin); a tone mark only breaks ties (none, huyền, hỏi, ngã, sắc, nặng);
# then case. The Python standard library has no ICU collation and PyICU needs a compiler.
_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: index for index, letter in enumerate(_LETTERS)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng
_VOWEL_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)


def collation_key(text: str) -> tuple:
    """A sort key in Vietnamese dictionary order: letters first (ă after a, đ after d,
    ư after u), tone marks to break ties, case last. Other characters keep their code.

    >>> sorted(["Ưu", "Ủy", "Uy", "Đà", "Dương", "Ăn", "An", "Ấn", "ân"], key=collation_key)
    ['An', 'Ăn', 'ân', 'Ấn', 'Dương', 'Đà', 'Uy', 'Ủy', 'Ưu']
    """
    letters, tones = [], []
    for character in unicodedata.normalize("NFC", text):
        lowered = character.lower()
        parts = unicodedata.normalize("NFD", lowered)
        base = parts[0] + "".join(mark for mark in parts[1:] if mark in _VOWEL_MARKS)
        base = unicodedata.normalize("NFC", base)
        letters.append(_LETTER_RANK.get(base, 100 + ord(base[0])) if base else 0)
        tones.append(next((_TONES[mark] for mark in parts[1:] if mark in _TONES), 0))
    cases = [character.isupper() for character in text]
    return tuple(letters), tuple(tones), tuple(cases)


PAGE_CHARACTERS = 20_000  # a page of a source text in the reader
CONTEXT_CHARACTERS = 300  # shown either side of a cited quote


def text_pages(lines: list[str], size: int = PAGE_CHARACTERS) -> list[list[str]]:
    """`lines` grouped into pages of about `size` characters each, in order; a line
    longer than a page is cut at a space (or, without one, at the limit). Linear.

    >>> text_pages(["một hai", "ba"], size=8)
    [['một hai'], ['ba']]
    """
    pages: list[list[str]] = []
    page: list[str] = []
    filled = 0
    for line in lines:
        while len(line) > size:
            cut = line.rfind(" ", 0, size) + 1 or size
            if page:
                pages.append(page)
            pages.append([line[:cut]])
            page, filled, line = [], 0, line[cut:]
        if page and filled + len(line) > size:
            pages.append(page)
            page, filled = [], 0
        if line:
            page.append(line)
            filled += len(line)
    if page:
        pages.append(page)
    return pages


def cited_passages(lines: list[str], quotes: list[str]) -> list[tuple[int, str, str, str]]:
    """Where each quote stands in the (folded) lines: (line number, text before, the
    quote, text after), with at most CONTEXT_CHARACTERS of context
    either side (cut at a space), in the order of the text; every place of every quote."""
    found = []
    for number, line in enumerate(lines, start=1):
        for quote in quotes:
            start = line.find(quote) if quote else -1
            while start >= 0:
                end = start + len(quote)
                before = line[max(0, start - CONTEXT_CHARACTERS) : start]
                after = line[end : end + CONTEXT_CHARACTERS]
                if start > CONTEXT_CHARACTERS and " " in before:
                    before = "… " + before[before.index(" ") + 1 :]
                if len(line) - end > CONTEXT_CHARACTERS and " " in after:
                    after = after[: after.rindex(" ")] + " …"
                found.append((number, start, before, quote, after))
                start = line.find(quote, end)
    found.sort(key=lambda place: (place[0], place[1]))
    return [(number, before, quote, after) for number, _, before, quote, after in found]
