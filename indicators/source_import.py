"""Importing a new source document into data/sources/: its text and its metadata."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from indicators import yaml_writer
from indicators.edit_log import check_author
from indicators.editing import ConflictError, digest, save_text
from indicators.files import MAX_SOURCE_TEXT_BYTES, TextError, atomic_write, decode_text
from indicators.models import Source
from indicators.paths import DataLayout
from indicators.reporting_units import UnitCatalogue, read_catalogue


class SourceImportError(ValueError):
    """The document cannot be imported; the message says why."""


@dataclass(frozen=True)
class ExtractedTable:
    """A table read from a document: its caption or heading (`title`), its number in the
    document (1-based), the page it is on (PDF; None for a web page) and its rows of cells."""

    title: str
    number: int
    page: int | None
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ExtractedDocument:
    """A document read from a web address or a file, before it is written: the text as it
    will be stored (title first), its metadata as found, and its tables (kept apart from
    the text; written as table sources once the loader reads them)."""

    title: str
    text: str
    publisher: str | None
    published: date | None
    url: str | None
    origin: str
    tables: tuple[ExtractedTable, ...] = field(default=())


def decode_upload(raw: bytes) -> str:
    """An uploaded or pasted document as NFC text with LF line ends, or a
    SourceImportError saying why not (not UTF-8, binary, over the size limit)."""
    try:
        text, _ = decode_text(raw, MAX_SOURCE_TEXT_BYTES)
    except TextError as error:
        raise SourceImportError(str(error).replace("file is", "the file is", 1)) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def slug(text: str, limit: int = 60) -> str:
    """`Dân trí` -> `dan-tri`: ASCII, lower case, dashes.

    >>> slug("Báo Điện tử Chính phủ")
    'bao-dien-tu-chinh-phu'
    """
    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].rstrip("-")


def import_table_source(
    data: DataLayout,
    title: str,
    raw: bytes,
    suffix: str,
    table: dict,
    publisher: str | None,
    published: date | None,
    url: str | None,
    author: dict,
    notes: str | None = None,
    origin: str = "imported in the dashboard editor",
    file_name: str = "table",
    part: str | None = None,
) -> Source:
    """Write a table source: `<id>.csv` (UTF-8, NFC) or `<id>.xlsx` (the bytes as given)
    and `<id>.yaml` with `table` ({title, number, page, sheet}). The table is read first
    as `validate` reads it (cached values only for XLSX); any error in it (a blank
    header, a missing sheet, over the size limit) refuses the import with the problems.
    `part` ends the id made from the publisher, date and title (`bang-2`: one of several
    tables of one publication).
    Raises SourceImportError, or ValueError for an author that is not an identity."""
    from indicators.tables.sheets import MAX_TABLE_BYTES, table_from_bytes

    check_author(author)
    suffix = suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise SourceImportError(f"a table must be a .csv or .xlsx file, not {suffix or 'a file without extension'}")
    if len(raw) > MAX_TABLE_BYTES:
        raise SourceImportError(f"the table is larger than {MAX_TABLE_BYTES:,} bytes")
    if suffix == ".csv":
        raw = unicodedata.normalize("NFC", decode_upload(raw)).encode("utf-8")
    found, problems = table_from_bytes(raw, suffix, table.get("sheet"), Path(file_name).stem)
    errors = [problem for problem in problems if problem.is_error]
    if found is None or errors:
        raise SourceImportError("the table has problems:\n" + "\n".join(str(problem) for problem in errors or problems))
    meta = _metadata(title, publisher, published, url, notes, origin, {k: v for k, v in table.items() if v}, part)
    for path in (
        data.source_metadata(meta.id),
        *(data.sources / f"{meta.id}{kind}" for kind in (".txt", ".csv", ".xlsx")),
    ):
        if path.exists():
            raise SourceImportError(f"a source {meta.id!r} already exists")
    atomic_write(data.sources / f"{meta.id}{suffix}", raw)
    summary = f"import-source: {meta.id} (a {suffix[1:]} table of {len(found.rows)} rows, sha256 {digest(raw.decode('latin-1'))})"
    return _write_metadata(data, meta, summary, author)


def _metadata(title, publisher, published, url, notes, origin, table: dict | None = None, part=None) -> Source:
    publisher = (publisher or "").strip() or None
    prefix = slug(publisher or "source", 20)
    pieces = (prefix, published.isoformat() if published else "", slug(title, 40), slug(part or ""))
    source_id = "-".join(piece for piece in pieces if piece)
    notes = (notes or "").strip() or None
    try:
        return Source(
            id=source_id,
            title=title.strip(),
            publisher=publisher,
            published=published,
            url=(url or "").strip() or None,
            language="vi",
            accessed=date.today(),
            origin=origin,
            notes={"vi": notes} if notes else None,  # written in Vietnamese; the English is added by an editor
            table=table or None,
        )
    except ValidationError as error:
        raise SourceImportError(str(error)) from None


def _write_metadata(data: DataLayout, meta: Source, summary: str, author: dict) -> Source:
    record = yaml_writer.yaml_value(meta.model_dump(mode="json", exclude_none=True))
    try:
        save_text(data.source_metadata(meta.id), yaml_writer.dump(record), None, author, summary=summary)
    except ConflictError:  # imported at the same moment by someone else: keep theirs
        raise SourceImportError(f"a source {meta.id!r} already exists") from None
    return meta


def import_source(
    data: DataLayout,
    title: str,
    text: str,
    publisher: str | None,
    published: date | None,
    url: str | None,
    author: dict,
    notes: str | None = None,
    origin: str = "imported in the dashboard editor",
    reporting_unit: str | None = None,
) -> Source:
    """Validate and write `<id>.txt` and `<id>.yaml` under the data folder's sources;
    the id is made from the publisher, the date and the title. The edit log records
    the import with `author` (see `indicators.edit_log`), the metadata as its diff and
    the text's SHA-256 in its summary. Raises SourceImportError for empty or oversized
    text, invalid metadata (pydantic's message), or an id that already exists (nothing
    is replaced), and ValueError for an author that is not an identity.

    `reporting_unit`: the unit whose own publication the source is; when not given, the
    one province the publisher's name holds ("Báo Nghệ An", "Cổng thông tin điện tử tỉnh
    Lào Cai") is proposed (see `publisher_unit`), so figures that leave it unnamed
    ("toàn tỉnh") are that province's."""
    check_author(author)
    if not text.strip():
        raise SourceImportError("the text is empty")
    if len(text.encode("utf-8")) > MAX_SOURCE_TEXT_BYTES:
        raise SourceImportError(f"the text is larger than {MAX_SOURCE_TEXT_BYTES:,} bytes")
    publisher = (publisher or "").strip() or None
    prefix = slug(publisher or "source", 20)
    source_id = "-".join(part for part in (prefix, published.isoformat() if published else "", slug(title, 40)) if part)
    notes = (notes or "").strip() or None
    if reporting_unit is None and publisher:
        problems: list = []
        reporting_unit = publisher_unit(publisher, read_catalogue(data.reporting_units, problems), published)
    try:
        meta = Source(
            id=source_id,
            title=title.strip(),
            publisher=publisher,
            published=published,
            url=(url or "").strip() or None,
            language="vi",
            accessed=date.today(),
            origin=origin,
            reporting_unit=reporting_unit,
            notes={"vi": notes} if notes else None,  # written in Vietnamese; the English is added by an editor
        )
    except ValidationError as error:
        raise SourceImportError(str(error)) from None
    meta_path: Path = data.source_metadata(source_id)
    if meta_path.exists() or data.source_text(source_id).exists():
        raise SourceImportError(f"a source {source_id!r} already exists")
    text = unicodedata.normalize("NFC", text)
    atomic_write(data.source_text(source_id), text)
    record = yaml_writer.yaml_value(meta.model_dump(mode="json", exclude_none=True))
    summary = f"import-source: {source_id} ({len(text.encode('utf-8')):,} bytes of text, sha256 {digest(text)})"
    try:
        save_text(meta_path, yaml_writer.dump(record), None, author, summary=summary)
    except ConflictError:  # imported at the same moment by someone else: keep theirs
        raise SourceImportError(f"a source {source_id!r} already exists") from None
    except BaseException:  # not saved nor logged (someone else saving, a full disk): no text without metadata
        data.source_text(source_id).unlink(missing_ok=True)
        raise
    return meta


def import_document(
    data: DataLayout,
    document: ExtractedDocument,
    author: dict,
    title: str | None = None,
    publisher: str | None = None,
    published: date | None = None,
    notes: str | None = None,
) -> Source:
    """Write a document read from a web address or a file (`import_source`), with the
    metadata found in it unless `title`, `publisher` or `published` is given. The
    document's tables are not written (see `ExtractedDocument`). Raises as
    `import_source` does."""
    return import_source(
        data,
        (title or "").strip() or document.title,
        document.text,
        (publisher or "").strip() or document.publisher,
        published or document.published,
        document.url,
        author,
        notes=notes,
        origin=document.origin,
    )


def table_csv(table: ExtractedTable) -> bytes:
    """A table read from a document as CSV (UTF-8): its first row the header, every
    cell as read, rows padded to one width."""
    width = max((len(row) for row in table.rows), default=0)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in table.rows:
        writer.writerow([*row, *[""] * (width - len(row))])
    return out.getvalue().encode("utf-8")


def import_extracted_table(
    data: DataLayout, document: ExtractedDocument, meta: Source, table: ExtractedTable, author: dict
) -> Source:
    """Write one table of an imported document (`meta`: the document's source) as a table
    source of its own (`import_table_source`): the publication's title, publisher, date
    and address, the table's title and page, and the id ending `bang-N` (its number in
    the document). Raises as `import_table_source` does: a blank header cell, for one,
    refuses it naming the cell."""
    return import_table_source(
        data,
        meta.title,
        table_csv(table),
        ".csv",
        {"title": table.title or None, "page": table.page},
        meta.publisher,
        meta.published,
        meta.url,
        author,
        origin=f"{document.origin}; table {table.number} of source {meta.id}",
        file_name=f"{meta.id}-bang-{table.number}",
        part=f"bang-{table.number}",
    )


def publisher_unit(publisher: str, catalogue: UnitCatalogue, published: date | None = None) -> str | None:
    """The province a publisher's name holds, when it holds exactly one that was in force
    on `published` ("Báo Nghệ An" -> nghe-an; "Cổng thông tin điện tử thành phố Đà Nẵng"
    -> da-nang); None for national publishers ("Báo Nhân Dân", "Cổng Thông tin điện tử
    Chính phủ") and ministries (a ministry's portal also reports the country's figures,
    so an editor decides)."""
    provinces = {
        mention.unit_id
        for mention in catalogue.find(publisher)
        if catalogue.level(mention.unit_id) == "province"
        and (published is None or catalogue.at(mention.unit_id, published) is not None)
    }
    return provinces.pop() if len(provinces) == 1 else None
