"""`indicators.source_import`: an uploaded document checked, named and written with its metadata."""

import os
import re
import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators import load_registry
from indicators.edit_log import local_author, read_entries
from indicators.files import MAX_SOURCE_TEXT_BYTES
from indicators.paths import DataLayout
from indicators.source_import import SourceImportError, decode_upload, import_source, slug

TEXT = "Năm 2024, tỉnh Bắc Ninh có 1.234 doanh nghiệp công nghệ số.\nHết.\n"
SOURCE_ID = "bao-bac-ninh-2024-12-20-doanh-nghiep-so-bac-ninh"


def refused_upload(raw: bytes) -> str:
    with pytest.raises(SourceImportError) as raised:
        decode_upload(raw)
    return str(raised.value)


def test_an_upload_becomes_nfc_text_with_lf_line_ends():
    raw = b"\xef\xbb\xbf" + unicodedata.normalize("NFD", "Dòng một.\r\nDòng hai.\rDòng ba.\n").encode("utf-8")
    assert decode_upload(raw) == "Dòng một.\nDòng hai.\nDòng ba.\n"


def test_an_upload_that_is_not_utf8_is_refused_saying_what_to_do():
    assert refused_upload("Hà Nam".encode("cp1258")) == "the file is not valid UTF-8 (byte 0xe0); save it as UTF-8"


def test_a_binary_upload_is_refused():
    assert refused_upload(b"PK\x03\x04\x00\x00") == "the file is binary, not text"


def test_an_upload_over_the_limit_is_refused_with_its_size():
    message = refused_upload(b"a" * (MAX_SOURCE_TEXT_BYTES + 1))
    assert message == f"the file is {MAX_SOURCE_TEXT_BYTES + 1:,} bytes; the limit is {MAX_SOURCE_TEXT_BYTES:,}"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Báo Điện tử Chính phủ", 60, "bao-dien-tu-chinh-phu"),
        ("Đà Nẵng: 5,2% — tăng!", 60, "da-nang-5-2-tang"),
        ("Sở Thông tin và Truyền thông Thanh Hóa", 20, "so-thong-tin-va-truy"),
        ("Chuyển đổi số đến từng ngõ", 13, "chuyen-doi-so"),  # no dash left at the cut
        ("— “” …", 60, ""),
    ],
)
def test_slug(text, limit, expected):
    assert slug(text, limit) == expected
    assert slug(unicodedata.normalize("NFD", text), limit) == expected


@given(st.text(), st.integers(min_value=1, max_value=80))
def test_a_slug_is_empty_or_a_valid_id_within_its_limit(text, limit):
    made = slug(text, limit)
    assert len(made) <= limit
    assert made == "" or re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", made)


@pytest.fixture
def data(good_data) -> DataLayout:
    return DataLayout(good_data)


def sources_listing(data: DataLayout) -> list[str]:
    return sorted(os.listdir(data.sources))


def imported(data: DataLayout, **changes):
    arguments = {
        "title": "Doanh nghiệp số Bắc Ninh",
        "text": TEXT,
        "publisher": "Báo Bắc Ninh",
        "published": date(2024, 12, 20),
        "url": "https://example.org/bn",
        "author": local_author(),
    }
    return import_source(data, **{**arguments, **changes})


def test_import_writes_the_text_and_metadata_the_registry_loads(data):
    meta = imported(data, text=unicodedata.normalize("NFD", TEXT), notes="  Ngày đăng lấy từ địa chỉ bài.  ")
    assert meta.id == SOURCE_ID
    assert data.source_text(SOURCE_ID).read_text(encoding="utf-8") == TEXT
    assert data.source_metadata(SOURCE_ID).read_text(encoding="utf-8") == (
        f"id: {SOURCE_ID}\n"
        "title: Doanh nghiệp số Bắc Ninh\n"
        "publisher: Báo Bắc Ninh\n"
        "published: '2024-12-20'\n"
        "url: https://example.org/bn\n"
        "language: vi\n"
        f"accessed: '{date.today().isoformat()}'\n"
        "reporting_unit: bac-ninh\n"  # proposed from the publisher, Báo Bắc Ninh
        "origin: imported in the dashboard editor\n"
        "notes:\n"
        "  vi: Ngày đăng lấy từ địa chỉ bài.\n"
    )
    source = load_registry(data.root).sources[SOURCE_ID]
    assert source.meta == meta and source.meta.notes.vi == "Ngày đăng lấy từ địa chỉ bài."
    assert [entry["file"] for entry in read_entries(data.edit_log)] == [f"{SOURCE_ID}.yaml"]
    assert not [name for name in sources_listing(data) if name.endswith(".tmp")]


def test_a_document_without_publisher_or_date_is_named_from_its_title(data):
    meta = imported(data, title="  Báo cáo chuyển đổi số  ", publisher=" ", published=None, url=None)
    assert (meta.id, meta.title, meta.publisher, meta.url) == (
        "source-bao-cao-chuyen-doi-so",
        "Báo cáo chuyển đổi số",
        None,
        None,
    )


def test_a_title_yaml_could_misread_is_kept_as_text(data):
    meta = imported(data, title="2024")
    assert "title: '2024'\n" in data.source_metadata(meta.id).read_text(encoding="utf-8")
    assert load_registry(data.root).sources[meta.id].meta.title == "2024"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"text": " \n\t\n"}, "the text is empty"),
        ({"text": "a" * (MAX_SOURCE_TEXT_BYTES + 1)}, f"the text is larger than {MAX_SOURCE_TEXT_BYTES:,} bytes"),
        ({"url": "example.org/bn"}, "url\n  String should match pattern"),
        ({"title": "x" * 301}, "title\n  String should have at most 300 characters"),
        ({"title": "   "}, "title\n  String should have at least 1 character"),
    ],
)
def test_a_bad_import_is_refused_and_writes_nothing(data, changes, message):
    before = sources_listing(data)
    with pytest.raises(SourceImportError) as raised:
        imported(data, **changes)
    assert message in str(raised.value)
    assert sources_listing(data) == before and not data.edit_log.exists()


def test_an_import_without_an_identity_is_refused_before_anything_is_written(data):
    before = sources_listing(data)
    with pytest.raises(ValueError, match="the author must be an identity"):
        imported(data, author={"kind": "anonymous"})
    assert sources_listing(data) == before


def test_an_existing_source_is_never_replaced(data):
    imported(data)
    text_before = data.source_text(SOURCE_ID).read_bytes()
    with pytest.raises(SourceImportError, match=f"a source '{SOURCE_ID}' already exists"):
        imported(data, text="Một văn bản khác.\n")
    assert data.source_text(SOURCE_ID).read_bytes() == text_before
    assert len(read_entries(data.edit_log)) == 1
