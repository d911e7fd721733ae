"""Importing a new source document into data/sources/."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date

from indicators.editing import atomic_write, round_trip_yaml, yaml_value
from indicators.models import Source

MAX_SOURCE_BYTES = 1_000_000


class SourceImportError(ValueError):
    """The document cannot be imported; the message says why."""


def decode_upload(raw: bytes) -> str:
    """UTF-8 text or a clear refusal (other encodings, binary files, oversize)."""
    if len(raw) > MAX_SOURCE_BYTES:
        raise SourceImportError(f"the file is {len(raw):,} bytes; the limit is {MAX_SOURCE_BYTES:,}")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceImportError(
            f"the file is not UTF-8 text (byte {error.start}); save it as UTF-8 and try again"
        ) from None
    if "\x00" in text:
        raise SourceImportError("the file is binary, not text")
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n")


def slug(text: str, limit: int = 60) -> str:
    """`Dân trí` -> `dan-tri`: ASCII, lower case, dashes."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].rstrip("-")


def import_source(
    sources_dir,
    title: str,
    text: str,
    publisher: str | None,
    published: date | None,
    url: str | None,
    notes: str | None = None,
) -> Source:
    """Validate and write `<id>.yaml` + `<id>.txt`; refuses to replace an existing source."""
    if not text.strip():
        raise SourceImportError("the text is empty")
    if len(text.encode("utf-8")) > MAX_SOURCE_BYTES:
        raise SourceImportError(f"the text is larger than {MAX_SOURCE_BYTES:,} bytes")
    prefix = slug(publisher or "source", 20)
    source_id = "-".join(part for part in (prefix, published.isoformat() if published else "", slug(title, 40)) if part)
    meta = Source(
        id=source_id,
        title=title.strip(),
        publisher=(publisher or "").strip() or None,
        published=published,
        url=(url or "").strip() or None,
        language="vi",
        accessed=date.today(),
        origin="imported in the dashboard editor",
        notes=(notes or "").strip() or None,
    )
    meta_path = sources_dir / f"{source_id}.yaml"
    if meta_path.exists():
        raise SourceImportError(f"a source {source_id!r} already exists")
    record = meta.model_dump(mode="json", exclude_none=True)

    stream = io.StringIO()
    round_trip_yaml().dump(yaml_value(record), stream)
    atomic_write(sources_dir / f"{source_id}.txt", unicodedata.normalize("NFC", text))
    atomic_write(meta_path, stream.getvalue())
    return meta
