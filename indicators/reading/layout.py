"""What each line of a source text is: a heading, a photo caption, a table row or a
paragraph (the title is the source's metadata, the lead its first paragraph).

    >>> [line_role(text) for text in ("I. KẾT QUẢ NỔI BẬT", "Ảnh: Minh Anh", "1 | Hà Nội | 0,82", "Năm 2024, tỉnh có 12 xã.")]
    ['heading', 'caption', 'table-row', 'paragraph']
"""

from __future__ import annotations

import re

ROLES = ("title", "heading", "caption", "table-row", "paragraph")

_NUMBERED = re.compile(r"^(?:PHẦN\s+[IVX\d]+|[IVX]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))\s*", re.IGNORECASE)
_CAPTION = re.compile(r"(?:^|\.\s|\s)(?:Ảnh|Nguồn|Video|Đồ họa|Infographic)\s*:", re.IGNORECASE)
_SHORT_HEADING = 80  # a line this short with no stop at its end is a sub-heading


def line_role(line: str) -> str:
    """'heading', 'caption', 'table-row' or 'paragraph' for one (folded) line of a text."""
    text = line.strip()
    if " | " in text:
        return "table-row"
    if _CAPTION.search(text) and len(text) < 240:
        return "caption"
    letters = [character for character in text if character.isalpha()]
    if letters and sum(character.isupper() for character in letters) >= 0.8 * len(letters):
        return "heading"  # "I. KẾT QUẢ NỔI BẬT 6 THÁNG ĐẦU NĂM 2024"
    body = _NUMBERED.sub("", text, count=1)
    if len(text) <= _SHORT_HEADING and not re.search(r"[.:;!?…]$", text) and body[:1].isupper():
        return "heading"  # "1. Chính phủ số", "Kinh tế số"
    return "paragraph"
