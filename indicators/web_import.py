"""A source from a web address: fetch the page within limits, keep the article's main
text, title, publisher and publication date (trafilatura with htmldate), never the
site's menus, breadcrumbs, captions, comments or lists of other articles.

`fetch_page` and `read_page` raise `SourceImportError` with a message a person can act
on; nothing is written by either. `source_import.import_document` writes the result.
"""

from __future__ import annotations

import re
import time
import unicodedata
import urllib.error
import urllib.request
from datetime import date
from urllib.parse import urlsplit

import htmldate
import lxml.html
import trafilatura

from indicators.source_import import ExtractedDocument, SourceImportError

FETCH_TIMEOUT_SECONDS = 20.0  # the whole fetch: connecting, waiting and reading
MAX_PAGE_BYTES = 5_000_000  # an article page with its markup; larger is not an article
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "vn-digital-indicators/1 (+source import; one page per request)"
_SPACE = re.compile(r"\s+")


def fetch_page(
    url: str, timeout: float = FETCH_TIMEOUT_SECONDS, limit: int = MAX_PAGE_BYTES
) -> tuple[bytes, str | None]:
    """The page's bytes and the charset its server declares (None when it declares none).

    Only http:// and https:// addresses; at most `limit` bytes; the whole fetch within
    `timeout` seconds. Raises SourceImportError for an address that is not a web address,
    a timeout, an unreachable host, a 4xx/5xx answer, a response that is not HTML
    (a PDF is named as such) and a page over the limit."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourceImportError(f"{url!r} is not a web address (it must start with http:// or https://)")
    request = urllib.request.Request(url.strip(), headers={"User-Agent": USER_AGENT, "Accept": ", ".join(HTML_TYPES)})  # noqa: S310 (scheme checked above)
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked above)
            kind = response.headers.get_content_type()
            if kind not in HTML_TYPES:
                hint = "; import a PDF with --file (the import tab's upload)" if kind == "application/pdf" else ""
                raise SourceImportError(f"{url} is not a web page: the server sends {kind}{hint}")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdecimal() and int(declared) > limit:
                raise SourceImportError(f"{url} is {int(declared):,} bytes; the limit for a page is {limit:,}")
            body = _read_within(response, limit, deadline, url)
            return body, response.headers.get_content_charset()
    except urllib.error.HTTPError as error:
        raise SourceImportError(f"{url}: the server answered {error.code} {error.reason}; nothing imported") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise SourceImportError(f"{url} did not answer within {timeout:g} s; nothing imported") from None
        raise SourceImportError(f"cannot reach {parts.hostname}: {error.reason}") from None
    except TimeoutError:
        raise SourceImportError(f"{url} did not answer within {timeout:g} s; nothing imported") from None


def _read_within(response, limit: int, deadline: float, url: str) -> bytes:
    chunks, size = [], 0
    while chunk := response.read(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise SourceImportError(f"{url} is larger than the limit for a page ({limit:,} bytes); nothing imported")
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)


def read_page(raw: bytes, url: str, charset: str | None = None, today: date | None = None) -> ExtractedDocument:
    """The article in a page: its title, main text (paragraphs one per line, the title
    first), publisher (the site's name), publication date and the address.

    The text is what both of trafilatura's readings agree is the article (its precise
    reading and its default one, in the page's order), without the text of data tables.
    Raises SourceImportError for a page with no article text and for a page that is only
    a table."""
    html = _decoded(raw, charset)
    tree = lxml.html.fromstring(html)
    options = {"include_comments": False, "include_tables": False, "include_images": False, "include_links": False}
    precise = trafilatura.bare_extraction(tree, url=url, favor_precision=True, with_metadata=True, **options)
    default = trafilatura.bare_extraction(lxml.html.fromstring(html), url=url, **options)
    tables = _data_table_texts(lxml.html.fromstring(html))
    title = _clean(getattr(precise or default, "title", None) or "")
    # The precise reading decides whether there is an article; the default one adds what
    # it skipped (a lead set apart from the body), except text that is only a link's.
    links = {_clean(link.text_content()) for link in lxml.html.fromstring(html).iter("a")}
    paragraphs = _in_page_order(
        [_clean(line) for line in (precise.text if precise else "").splitlines()]
        + [_clean(line) for line in (default.text if precise and default else "").splitlines()],
        _clean(lxml.html.fromstring(html).text_content()),
    )
    kept = [p for p in paragraphs if p not in links and _without_tables(p, tables, title)]
    if not kept:
        if tables:
            raise SourceImportError(f"{url} holds only a table, no article text; nothing imported")
        raise SourceImportError(f"{url} holds no article text (a list of links or a menu only); nothing imported")
    meta = precise
    host = urlsplit(url).hostname or ""
    publisher = _clean(getattr(meta, "sitename", None) or "")
    published = _published(html, url, today or date.today())
    return ExtractedDocument(
        title=title or kept[0][:200],
        text="\n\n".join([title, *kept]) if title else "\n\n".join(kept),
        publisher=None if not publisher or publisher.lower() == host.lower() else publisher,
        published=published,
        url=url,
        origin="fetched from the web address",
    )


def _decoded(raw: bytes, charset: str | None) -> str:
    for encoding in (charset, "utf-8"):
        if encoding:
            try:
                return raw.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return trafilatura.utils.decode_file(raw)


def _clean(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _in_page_order(paragraphs: list[str], page_text: str) -> list[str]:
    """Each paragraph once, in the order it appears in the page."""
    unique = list(dict.fromkeys(p for p in paragraphs if p))
    position = {p: page_text.find(p) for p in unique}
    unique = [p for p in unique if not any(p != other and p in other for other in unique)]
    return sorted(unique, key=lambda p: (position[p] < 0, position[p]))


def _data_table_texts(tree) -> list[str]:
    """The text of each table that holds data (no table inside it, two rows of two cells
    or more); layout tables and one-cell photo frames do not count."""
    found = []
    for table in tree.iter("table"):
        if table.find(".//table") is not None:
            continue
        rows = [row for row in table.iter("tr") if len(row.findall("td") + row.findall("th")) >= 2]
        if len(rows) >= 2:
            found.append(
                _clean(" ".join(cell.text_content() for row in rows for cell in row if cell.tag in ("td", "th")))
            )
    return found


def _without_tables(paragraph: str, tables: list[str], title: str) -> bool:
    """True when the paragraph holds text of its own, besides data tables and the title."""
    rest = paragraph
    for table in tables:
        rest = rest.replace(table, " ")
        if rest.strip() and rest.strip() in table:
            rest = ""
    rest = _clean(rest)
    return bool(rest) and rest != title


def _published(html: str, url: str, today: date) -> date | None:
    found = htmldate.find_date(html, url=url, original_date=True, outputformat="%Y-%m-%d", max_date=today.isoformat())
    return date.fromisoformat(found) if found else None
