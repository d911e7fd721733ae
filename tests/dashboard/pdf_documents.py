"""PDFs written in the test, as reports arrive: Vietnamese text in a Unicode font
(DejaVu Sans, Debian's fonts-dejavu-core, which .ci/run installs), a title across the
page above two columns, a running header and footer on every page, a ruled table
with its caption; and the failures: a scan with no text layer, legacy TCVN3 and VNI text."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT = "DejaVuSans"
WIDTH, HEIGHT = A4
MARGIN = 56
LEADING = 14

HEADER = "UBND TỈNH HÒA PHONG - Báo cáo chuyển đổi số năm 2026"
TITLE = "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2026"
# Each paragraph as its lines on the page (the PDF wraps them; the import joins them)
INTRO = [
    "Năm 2026, tỉnh Hòa Phong tiếp tục đẩy mạnh chuyển đổi số trên cả ba trụ cột chính quyền số,",
    "kinh tế số và xã hội số, gắn với Đề án 06 của Chính phủ.",
]
LEFT = [
    ["Tỷ lệ hồ sơ trực tuyến toàn trình", "của tỉnh năm 2026 đạt 72,5%."],
    ["Toàn tỉnh có 1.120 điểm truy cập", "Internet công cộng tại các xã."],
]
RIGHT = [
    ["Kinh tế số của tỉnh đóng góp", "khoảng 9,8% GRDP năm 2026."],
    ["Số tài khoản thanh toán điện tử", "của người dân đạt 640 nghìn."],
]
TABLE_TITLE = "Bảng 1: Hồ sơ dịch vụ công trực tuyến theo quý năm 2026"
TABLE = [["Quý", "Số hồ sơ", "Tỷ lệ đúng hạn"], ["Quý I", "95.200", "97,1%"], ["Quý II", "101.480", "98,0%"]]
AFTER_TABLE = ["Sở Khoa học và Công nghệ đề nghị các sở, ngành tiếp tục", "rà soát quy trình nội bộ."]
LAST = ["Đến cuối năm 2026, 100% xã đã có tổ công nghệ số cộng đồng."]

EXPECTED_TEXT = "\n\n".join(
    [
        TITLE,
        " ".join(INTRO),
        *(" ".join(lines) for lines in LEFT),
        *(" ".join(lines) for lines in RIGHT),
        " ".join(AFTER_TABLE),
        " ".join(LAST),
    ]
)


def canvas(path: Path) -> Canvas:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))
    return Canvas(str(path), pagesize=A4)


def lines(pdf: Canvas, x: float, y: float, written: list[str], size: float = 11) -> float:
    pdf.setFont(FONT, size)
    for line in written:
        pdf.drawString(x, y, line)
        y -= LEADING
    return y - LEADING  # a blank line after a paragraph


def running(pdf: Canvas, page: int, pages: int) -> None:
    pdf.setFont(FONT, 9)
    pdf.drawString(MARGIN, HEIGHT - 36, HEADER)
    pdf.drawString(WIDTH / 2 - 20, 30, f"Trang {page}/{pages}")


def report(path: Path) -> Path:
    """Three pages: title and intro across the page, then two columns; a table with its
    caption and a paragraph; a last paragraph. Header and footer on every page."""
    pdf = canvas(path)
    pdf.setTitle(TITLE)
    running(pdf, 1, 3)
    y = lines(pdf, MARGIN, HEIGHT - 90, [TITLE], size=14)
    y = lines(pdf, MARGIN, y, INTRO)
    column = (WIDTH - 2 * MARGIN) / 2
    left_y = right_y = y
    for paragraph in LEFT:
        left_y = lines(pdf, MARGIN, left_y, paragraph)
    for paragraph in RIGHT:
        right_y = lines(pdf, MARGIN + column + 20, right_y, paragraph)
    pdf.showPage()
    running(pdf, 2, 3)
    y = lines(pdf, MARGIN, HEIGHT - 90, [TABLE_TITLE])
    top, row_height, widths = y + LEADING - 4, 20, [120, 120, 140]
    pdf.setFont(FONT, 10)
    for r, row in enumerate(TABLE):
        x = MARGIN
        for c, cell in enumerate(row):
            pdf.rect(x, top - (r + 1) * row_height, widths[c], row_height)
            pdf.drawString(x + 4, top - (r + 1) * row_height + 6, cell)
            x += widths[c]
    y = top - len(TABLE) * row_height - 30
    lines(pdf, MARGIN, y, AFTER_TABLE)
    pdf.showPage()
    running(pdf, 3, 3)
    lines(pdf, MARGIN, HEIGHT - 90, LAST)
    pdf.showPage()
    pdf.save()
    return path


def scanned(path: Path) -> Path:
    """Two pages of drawn shapes only, as a scanner's images leave it: no text layer."""
    pdf = canvas(path)
    for _ in range(2):
        for row in range(30):
            pdf.rect(MARGIN, HEIGHT - 90 - row * 20, WIDTH - 2 * MARGIN - (row % 4) * 60, 8, fill=1)
        pdf.showPage()
    pdf.save()
    return path


# The letters of the legacy encodings (TCVN3/ABC and VNI) as their fonts' code points come
# out of a PDF: one Latin-1 character per letter (TCVN3), a base letter and a mark (VNI).
TCVN3 = dict(zip("àảãáạăâđèéêệểếềìíịòóôốồổộơờớợùúủụưừứựýỳ", "µ¶·¸¹¨©®ÌÐªÖÓÕÒ×ÝÞßã«èåæé¬êíîïóñô\xadõøùýú", strict=True))
VNI = {
    "ệ": "eä", "ế": "eá", "ể": "eå", "ề": "eà", "ê": "eâ", "đ": "ñ", "ố": "oá", "ổ": "oå", "ộ": "oä",
    "ô": "oâ", "ư": "ö", "ơ": "ô", "à": "aø", "á": "aù", "ả": "aû", "ạ": "aï", "ã": "aõ", "â": "aâ",
    "ậ": "aä", "ấ": "aá", "ầ": "aà", "ì": "ø", "í": "í", "ị": "ò", "ú": "uù", "ụ": "uï", "ủ": "uû",
    "ó": "où", "ò": "oø", "ọ": "oï", "ớ": "ôù", "ờ": "ôø", "ợ": "ôï", "ở": "ôû", "ự": "öï", "ứ": "öù",
    "ừ": "öø", "ử": "öû", "ý": "yù", "ỹ": "yõ", "ỷ": "yû",
}  # fmt: skip

LEGACY_LINES = [
    "Báo cáo số liệu chuyển đổi số của tỉnh năm 2026",
    "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 72,5% và số điểm truy cập",
    "Internet công cộng là 1.120 điểm tại các xã, phường.",
]


def legacy(path: Path, table: dict[str, str]) -> Path:
    """A page whose text a legacy font encodes: what the PDF's text layer holds."""
    pdf = canvas(path)
    written = ["".join(table.get(letter, letter) for letter in line) for line in LEGACY_LINES]
    lines(pdf, MARGIN, HEIGHT - 90, written)
    pdf.showPage()
    pdf.save()
    return path
