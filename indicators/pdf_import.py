"""A source from a PDF: its text in reading order (two columns read left then right),
without the running header and footer, and its tables kept apart (pdfplumber).

Refused, with the reason: a file that is not a PDF or is too large, an encrypted PDF,
a scanned PDF without a text layer, and text in the legacy Vietnamese font encodings
(TCVN3/ABC, VNI), which reads as nonsense once extracted. Nothing is written here;
`source_import.import_document` writes the result.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from indicators.source_import import ExtractedDocument, ExtractedTable, SourceImportError

MAX_PDF_BYTES = 50_000_000
MAX_PAGES = 1_000
ROW_TOLERANCE = 3.0  # points: words whose tops differ by less are on one row
RUN_GAP = 15.0  # points: a wider gap between two words of a row separates two columns
PARAGRAPH_GAP = 1.6  # times the line height: a wider gap between lines starts a paragraph
RUNNING_SHARE = 0.6  # a line at the top or bottom of this share of pages is a running header or footer
TABLE_TITLE = re.compile(r"^(?:Bảng|Biểu)\s*(?:số\s*)?\d+", re.IGNORECASE)

# Extracted from a TCVN3 (ABC, .VnTime) font, Vietnamese letters come out as Latin-1
# symbols ('®' for đ, '¸' for á) and capitals inside lower-case words ('liÖu' for liệu).
_TCVN3_SYMBOLS = set("¨©ª«¬®µ¶·¸¹»¼½¾")
_TCVN3_CAPITALS = set("ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞß")
# VNI fonts write the marks as separate Latin-1 letters no Vietnamese word holds ('ñ' for đ,
# 'ä' for the dot below with a circumflex: 'Vieät').
_VNI_LETTERS = set("äåæëïñöøûÄÅÑÖØÛ")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class _Run:
    """Words of one row within one column: where it is and what it says."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str


def read_pdf_file(path: Path) -> ExtractedDocument:
    """`read_pdf` of a file on disk; SourceImportError when it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_PDF_BYTES:
            raise SourceImportError(f"{path.name} is {size:,} bytes; the limit for a PDF is {MAX_PDF_BYTES:,}")
        raw = path.read_bytes()
    except OSError as error:
        raise SourceImportError(f"cannot read {path}: {error.strerror}") from None
    return read_pdf(raw, path.name)


def read_pdf(raw: bytes, name: str) -> ExtractedDocument:
    """The document in a PDF's bytes: text (title first, paragraphs one per line), the title
    (the PDF's own, else its first line), and its tables as `ExtractedTable`s. The
    publisher, date and address are not read from a PDF (None). Raises SourceImportError."""
    if len(raw) > MAX_PDF_BYTES:
        raise SourceImportError(f"{name} is {len(raw):,} bytes; the limit for a PDF is {MAX_PDF_BYTES:,}")
    if not raw.lstrip()[:5] == b"%PDF-":
        raise SourceImportError(f"{name} is not a PDF")
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise SourceImportError(f"{name} has {len(pdf.pages):,} pages; the limit is {MAX_PAGES:,}")
            runs, tables = [], []
            for number, page in enumerate(pdf.pages, start=1):
                page_runs, page_tables = _read_page(page, number, len(tables))
                runs.append(page_runs)
                tables.extend(page_tables)
            pdf_title = _clean(str((pdf.metadata or {}).get("Title") or ""))
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as error:
        cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
        if isinstance(cause, PDFPasswordIncorrect):
            raise SourceImportError(f"{name} is encrypted; save it without a password and import it again") from None
        raise SourceImportError(f"{name} cannot be read as a PDF ({cause})") from None
    if not any(runs) and not tables:
        raise SourceImportError(
            f"{name} has no text layer (a scanned document); nothing imported: run OCR on it first, or paste its text"
        )
    body = _without_running_lines(runs)
    paragraphs = _paragraphs(body)
    _refuse_legacy_encoding(
        " ".join(paragraphs + [cell for table in tables for row in table.rows for cell in row]), name
    )
    if not paragraphs:
        raise SourceImportError(f"{name} holds only tables, no text; nothing imported")
    title = pdf_title or paragraphs[0][:200]
    text = "\n\n".join(paragraphs if paragraphs[0] == title else [title, *paragraphs])
    return ExtractedDocument(
        title=title,
        text=text,
        publisher=None,
        published=None,
        url=None,
        origin=f"read from {name}",
        tables=tuple(tables),
    )


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _read_page(page, number: int, tables_before: int) -> tuple[list[_Run], list[ExtractedTable]]:
    found = page.find_tables()
    boxes = [table.bbox for table in found]
    words = [
        word
        for word in page.extract_words(keep_blank_chars=False, use_text_flow=False)
        if not any(_inside(word, box) for box in boxes)
    ]
    runs = _runs(words, number)
    tables = []
    for index, table in enumerate(found, start=tables_before + 1):
        rows = tuple(tuple(_clean(cell or "") for cell in row) for row in table.extract())
        rows = tuple(row for row in rows if any(row))
        if len(rows) < 2:
            continue
        title = _table_title(runs, table.bbox)
        if title is not None:
            runs.remove(title)
        tables.append(ExtractedTable(title.text if title else f"Bảng {index}", index, number, rows))
    return runs, tables


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    middle_x, middle_y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return x0 <= middle_x <= x1 and top <= middle_y <= bottom


def _table_title(runs: list[_Run], box) -> _Run | None:
    """The 'Bảng 2: ...' line just above a table, if there is one."""
    above = [
        run for run in runs if run.bottom <= box[1] + 1 and box[1] - run.bottom < 30 and TABLE_TITLE.match(run.text)
    ]
    return max(above, key=lambda run: run.bottom) if above else None


def _runs(words: list[dict], page: int) -> list[_Run]:
    """The page's words as runs in reading order: rows that span the page's width in
    place, and between them the left column's rows before the right column's."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) < ROW_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    runs_by_row = [_split_row(sorted(row, key=lambda w: w["x0"]), page) for row in rows]
    gutter = _gutter(runs_by_row)
    if gutter is None:
        return [run for row in runs_by_row for run in row]
    ordered, left, right = [], [], []
    for row in runs_by_row:
        if any(run.x0 < gutter < run.x1 for run in row):  # a heading across both columns
            ordered += left + right + row
            left, right = [], []
        else:
            left += [run for run in row if run.x1 <= gutter]
            right += [run for run in row if run.x0 >= gutter]
    return ordered + left + right


def _split_row(row: list[dict], page: int) -> list[_Run]:
    runs, current = [], [row[0]]
    for word in row[1:]:
        if word["x0"] - current[-1]["x1"] > RUN_GAP:
            runs.append(current)
            current = [word]
        else:
            current.append(word)
    runs.append(current)
    return [
        _Run(
            page,
            min(w["top"] for w in run),
            max(w["bottom"] for w in run),
            run[0]["x0"],
            run[-1]["x1"],
            " ".join(w["text"] for w in run),
        )
        for run in runs
    ]


def _gutter(rows: list[list[_Run]]) -> float | None:
    """The x of a gap between two columns: crossed by few rows, with text on both sides
    in many; None for a page of one column."""
    gaps = []  # each two-sided row's widest gap between runs
    for row in rows:
        if len(row) >= 2:
            gaps.append(max(((a.x1, b.x0) for a, b in zip(row, row[1:], strict=False)), key=lambda g: g[1] - g[0]))
    if len(gaps) < 3:
        return None
    # the point inside the most gaps; the gutter is the middle of the gaps holding it
    best = max((start for start, _ in gaps), key=lambda x: sum(1 for a, b in gaps if a <= x + 1 < b))
    holding = [(a, b) for a, b in gaps if a <= best + 1 < b]
    if len(holding) < max(3, len(gaps) / 2):
        return None
    gutter = (max(a for a, _ in holding) + min(b for _, b in holding)) / 2
    # between the first and the last row with text on both sides, few rows may cross it
    sides = [row for row in rows if len(row) >= 2 and any(run.x1 <= gutter for run in row)]
    first, last = sides[0][0].top, sides[-1][0].top
    crossing = [row for row in rows if first <= row[0].top <= last and any(r.x0 < gutter < r.x1 for r in row)]
    return gutter if len(crossing) <= len(holding) / 2 else None


def _running_key(text: str) -> str:
    """A line with its numbers blanked: 'Trang 3/12' and 'Trang 4/12' are one running line."""
    return re.sub(r"\d+", "#", text)


def _without_running_lines(pages: list[list[_Run]]) -> list[_Run]:
    """Every page's runs less the header and footer lines repeated on most pages."""
    if len(pages) < 2:
        return [run for page in pages for run in page]
    edges = Counter()
    for page in pages:
        if not page:
            continue
        top, bottom = min(run.top for run in page), max(run.bottom for run in page)
        keys = {_running_key(run.text) for run in page if run.top - top < 2 or bottom - run.bottom < 2}
        edges.update(keys)
    running = {key for key, count in edges.items() if count >= max(2, RUNNING_SHARE * len(pages))}
    return [run for page in pages for run in page if _running_key(run.text) not in running]


def _paragraphs(runs: list[_Run]) -> list[str]:
    """Lines joined into paragraphs: a line continues the one before it in the same
    column unless the gap between them is wider than usual or the page changes."""
    paragraphs: list[list[str]] = []
    previous = None
    for run in runs:
        height = run.bottom - run.top
        continues = (
            previous is not None
            and previous.page == run.page
            and abs(previous.x0 - run.x0) < 30
            and 0 <= run.top - previous.bottom < (PARAGRAPH_GAP - 1) * height + 2
        )
        if continues:
            paragraphs[-1].append(run.text)
        else:
            paragraphs.append([run.text])
        previous = run
    return [_clean(" ".join(lines)) for lines in paragraphs if _clean(" ".join(lines))]


def _refuse_legacy_encoding(text: str, name: str) -> None:
    words = _WORD.findall(text)
    if not words:
        return
    tcvn3 = sum(1 for word in words if _tcvn3_word(word))
    vni = sum(1 for word in words if any(ch in _VNI_LETTERS for ch in word[1:]) or word[:1] in "ñÑ")
    for encoding, count in (("TCVN3 (ABC, .VnTime fonts)", tcvn3), ("VNI (VNI-Times fonts)", vni)):
        if count >= 3 and count >= 0.03 * len(words):
            raise SourceImportError(
                f"{name} is written in the legacy Vietnamese font encoding {encoding}: its extracted text is not "
                "Unicode Vietnamese; nothing imported. Convert it to Unicode (for example with UniKey's converter) "
                "and export the PDF again"
            )


def _tcvn3_word(word: str) -> bool:
    if any(ch in _TCVN3_SYMBOLS for ch in word):
        return True
    letters = [ch for ch in word if ch.isalpha()]
    return not word.isupper() and any(ch in _TCVN3_CAPITALS for ch in letters[1:])
