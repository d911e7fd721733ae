"""`indicators.web_import` on pages served from 127.0.0.1, built in the shapes of a
Vietnamese news site (menu, breadcrumb, byline date, photo caption, related and
most-read lists, comments) and a provincial portal (layout table, side portlets,
"Tin khác", visit counters): exactly the article's sentences land in the text, and
every page that cannot be read is refused with its reason and writes nothing."""

from __future__ import annotations

import os
from datetime import date

import pytest
import yaml
from local_site import local_site

from indicators.cli import main
from indicators.source_import import SourceImportError
from indicators.web_import import fetch_page, read_page

NEWS_TEXT = """Hà Nam: 98% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến

Sau 11 tháng năm 2026, tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến của tỉnh Hà Nam đạt 98%, tăng 12 điểm phần trăm so với cùng kỳ năm trước.

Theo báo cáo của Sở Khoa học và Công nghệ, tính đến hết tháng 11/2026 toàn tỉnh đã tiếp nhận 412.500 hồ sơ trực tuyến.

Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt 76,4%, cao hơn mức bình quân cả nước.

Ông Trần Văn Hòa, Giám đốc Sở, cho biết năm 2027 tỉnh phấn đấu 100% hồ sơ được số hóa ngay khi tiếp nhận.

Hiện tỉnh có 1.830 tổ công nghệ số cộng đồng hoạt động tại các thôn, tổ dân phố."""

PORTAL_TEXT = """Kết quả chuyển đổi số quý III năm 2026

Chiều 9/10, Ban Chỉ đạo chuyển đổi số tỉnh họp đánh giá kết quả quý III năm 2026.

Trong quý III năm 2026, tỉnh Hòa Phong đã cấp 58.300 chữ ký số cá nhân cho người dân.

Tỷ lệ văn bản điện tử được trao đổi giữa các cơ quan nhà nước đạt 99,2%.

Doanh thu thương mại điện tử trên địa bàn ước đạt 1.250 tỷ đồng.

Văn phòng UBND tỉnh"""

# What the pages hold around the article, none of which may land in the text
NOT_ARTICLE = [
    "Thời sự",  # menu
    "Trang chủ",  # breadcrumb
    "35 quầy",  # photo caption (news)
    "64 đại biểu",  # photo caption (portal)
    "1,2 triệu hồ sơ hộ tịch",  # related articles
    "120 tỷ USD",  # most read
    "40% người dân",  # a comment
    "15 phút",  # a comment
    "Lượt xem",  # byline counters
    "5.402.118",  # visit counter portlet
    "312 doanh nghiệp",  # "Tin khác"
    "Giấy phép",  # footer
    "Kinh tế số đạt 20% GDP",  # hot topics bar
]


def read(site: str, path: str):
    raw, charset = fetch_page(f"{site}{path}")
    return read_page(raw, f"{site}{path}", charset, today=date(2026, 12, 7))


def test_a_news_article_keeps_its_lead_and_body_and_nothing_around_them():
    with local_site() as site:
        document = read(site, "/news-article.html")
    assert document.text == NEWS_TEXT
    assert not [words for words in NOT_ARTICLE if words in document.text]
    assert document.title == "Hà Nam: 98% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến"
    assert document.publisher == "Báo Tin Số"
    assert document.published == date(2026, 12, 4)  # the byline's date, not the header's "today"
    assert document.url == f"{site}/news-article.html"


def test_a_provincial_portal_article_inside_a_layout_table():
    with local_site() as site:
        document = read(site, "/portal-article.html")
    assert document.text == PORTAL_TEXT
    assert not [words for words in NOT_ARTICLE if words in document.text]
    assert (document.publisher, document.published) == ("Cổng thông tin điện tử tỉnh Hòa Phong", date(2026, 10, 9))


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "the server answered 404 Not Found"),
        ("/broken", "the server answered 500 Internal Server Error"),
        ("/report.pdf", "is not a web page: the server sends application/pdf; import a PDF with --file"),
        ("/navigation-only.html", "holds no article text (a list of links or a menu only)"),
        ("/table-only.html", "holds only a table, no article text"),
    ],
)
def test_a_page_that_cannot_be_read_is_refused_with_its_reason(path, message):
    with local_site() as site, pytest.raises(SourceImportError) as refused:
        read(site, path)
    assert message in str(refused.value)


def test_a_slow_page_times_out_and_a_large_one_is_refused_by_size():
    big = ("text/html; charset=utf-8", b"<html><body>" + b"<p>x</p>" * 2000 + b"</body></html>")
    with local_site({"/big.html": big}) as site:
        with pytest.raises(SourceImportError, match=r"did not answer within 0\.5 s"):
            fetch_page(f"{site}/slow", timeout=0.5)
        with pytest.raises(SourceImportError, match="is 16,026 bytes; the limit for a page is 10,000"):
            fetch_page(f"{site}/big.html", limit=10_000)
    with pytest.raises(SourceImportError, match="is not a web address"):
        fetch_page("file:///etc/passwd")


def test_the_command_imports_a_page_with_its_address_and_access_date(real_data_copy, capsys):
    sources = real_data_copy / "sources"
    before = sorted(os.listdir(sources))
    with local_site() as site:
        assert main(["--data", str(real_data_copy), "import-source", "--url", f"{site}/missing"]) == 2
        assert "404" in capsys.readouterr().err
        assert sorted(os.listdir(sources)) == before and not (real_data_copy / "edit-log.jsonl").exists()
        assert main(["--data", str(real_data_copy), "import-source", "--url", f"{site}/news-article.html"]) == 0
    source_id = "bao-tin-so-2026-12-04-ha-nam-98-ho-so-thu-tuc-hanh-chinh-duoc"
    assert f"imported {source_id}" in capsys.readouterr().err
    meta = yaml.safe_load((sources / f"{source_id}.yaml").read_text(encoding="utf-8"))
    assert meta["url"] == f"{site}/news-article.html" and str(meta["accessed"]) == date.today().isoformat()
    assert (meta["publisher"], str(meta["published"])) == ("Báo Tin Số", "2026-12-04")
    assert (sources / f"{source_id}.txt").read_text(encoding="utf-8") == NEWS_TEXT
    assert main(["--data", str(real_data_copy), "validate"]) == 0
