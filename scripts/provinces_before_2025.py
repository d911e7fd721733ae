"""Write data/reporting-units/provinces-before-2025.yaml: the 63 province-level
units (tỉnh, thành phố trực thuộc trung ương) in force until 30 June 2025, each
with the unit that took over its territory on 1 July 2025.

Names and GSO codes come from the vietnam-provinces package, version 0.6.0 (the
last release before the 2025 rearrangement); the successors follow Nghị quyết
số 202/2025/QH15. The package is not a dependency of this project, so run the
script from a throw-away virtualenv:

    python3 -m venv /tmp/vp && /tmp/vp/bin/pip install vietnam-provinces==0.6.0 ruamel.yaml
    /tmp/vp/bin/python scripts/provinces_before_2025.py
"""

import datetime
import sys
import unicodedata
from pathlib import Path

import vietnam_provinces
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

OUTPUT = Path(__file__).resolve().parent.parent / "data" / "reporting-units" / "provinces-before-2025.yaml"
VALID_UNTIL = datetime.date(2025, 6, 30)
CITY_PREFIX = "Thành phố "  # the package marks every unit 'tỉnh', so the name tells a city
PROVINCE_PREFIX = "Tỉnh "

# Nghị quyết số 202/2025/QH15: the 23 new units formed by merging (new unit's id:
# the ids of the units merged into it). Every other unit keeps its territory and id.
MERGED = {
    "tuyen-quang": ["ha-giang", "tuyen-quang"],
    "lao-cai": ["lao-cai", "yen-bai"],
    "thai-nguyen": ["bac-kan", "thai-nguyen"],
    "phu-tho": ["vinh-phuc", "phu-tho", "hoa-binh"],
    "bac-ninh": ["bac-giang", "bac-ninh"],
    "hung-yen": ["hung-yen", "thai-binh"],
    "hai-phong": ["hai-duong", "hai-phong"],
    "ninh-binh": ["ha-nam", "ninh-binh", "nam-dinh"],
    "quang-tri": ["quang-binh", "quang-tri"],
    "da-nang": ["quang-nam", "da-nang"],
    "quang-ngai": ["kon-tum", "quang-ngai"],
    "gia-lai": ["gia-lai", "binh-dinh"],
    "khanh-hoa": ["ninh-thuan", "khanh-hoa"],
    "lam-dong": ["lam-dong", "dak-nong", "binh-thuan"],
    "dak-lak": ["dak-lak", "phu-yen"],
    "ho-chi-minh": ["ba-ria-vung-tau", "binh-duong", "ho-chi-minh"],
    "dong-nai": ["dong-nai", "binh-phuoc"],
    "tay-ninh": ["long-an", "tay-ninh"],
    "can-tho": ["soc-trang", "hau-giang", "can-tho"],
    "vinh-long": ["ben-tre", "vinh-long", "tra-vinh"],
    "dong-thap": ["tien-giang", "dong-thap"],
    "ca-mau": ["bac-lieu", "ca-mau"],
    "an-giang": ["kien-giang", "an-giang"],
}
UNCHANGED = [
    "ha-noi",
    "hue",
    "lai-chau",
    "dien-bien",
    "son-la",
    "lang-son",
    "quang-ninh",
    "thanh-hoa",
    "nghe-an",
    "ha-tinh",
    "cao-bang",
]

HEADER = f"""\
Province-level units (tỉnh, thành phố trực thuộc trung ương) in force until
30 June 2025: the 63 units before the 2025 rearrangement.

Generated from vietnam-provinces 0.6.0 (data of {vietnam_provinces.__data_version__}) by
scripts/provinces_before_2025.py; do not edit by hand.

id: ASCII slug of the name; name: the package's name without "Tỉnh" /
"Thành phố"; kind: province, or city (thành phố trực thuộc trung ương);
gso_code: the General Statistics Office code. Huế is listed as the city it
became on 1 January 2025 (formerly tỉnh Thừa Thiên Huế).

successor: id of the unit, among the 34 in force from 1 July 2025, that took
over the territory, per Nghị quyết số 202/2025/QH15 của Quốc hội về việc sắp
xếp đơn vị hành chính cấp tỉnh (adopted 12 June 2025; the new provincial units
operate from 1 July 2025)."""


def slug(name: str) -> str:
    """'Bà Rịa - Vũng Tàu' -> 'ba-ria-vung-tau'."""
    letters = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    ascii_name = "".join(c for c in letters if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_name).split())


def successors() -> dict[str, str]:
    """The successor id of every one of the 63 ids."""
    mapping = {old: new for new, olds in MERGED.items() for old in olds}
    mapping.update({unit: unit for unit in UNCHANGED})
    return mapping


def units() -> list[dict]:
    from vietnam_provinces.enums import ProvinceEnum  # only in releases before 2025.8

    successor = successors()
    entries = []
    for member in ProvinceEnum:
        province = member.value
        full_name = unicodedata.normalize("NFC", province.name)
        is_city = full_name.startswith(CITY_PREFIX)
        name = full_name.removeprefix(CITY_PREFIX if is_city else PROVINCE_PREFIX)
        unit_id = slug(name)
        entries.append(
            {
                "id": unit_id,
                "name": name,
                "kind": "city" if is_city else "province",
                "gso_code": DoubleQuotedScalarString(f"{province.code:02d}"),
                "valid_until": VALID_UNTIL,
                "successor": successor.pop(unit_id, None),
            }
        )
    without = [entry["id"] for entry in entries if entry["successor"] is None]
    if len(entries) != 63 or without or successor:
        sys.exit(
            f"expected 63 units with a successor each: {len(entries)} units, {without=}, unused={sorted(successor)}"
        )
    return entries


def main() -> None:
    if vietnam_provinces.__version__ != "0.6.0":
        sys.exit(f"needs vietnam-provinces 0.6.0, found {vietnam_provinces.__version__}")
    document = units()
    yaml = YAML()
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.representer.ignore_aliases = lambda data: True  # one date, written out each time
    yaml.width = 100
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8") as stream:
        stream.writelines(f"# {line}".rstrip() + "\n" for line in HEADER.splitlines())
        stream.write("\n")
        yaml.dump(document, stream)
    print(f"wrote {len(document)} units to {OUTPUT}")


if __name__ == "__main__":
    main()
