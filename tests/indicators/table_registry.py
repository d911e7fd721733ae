"""Data folders with table sources for a test: the good fixture plus the tables of
tests/fixtures/tables and indicators that cite their cells."""

import shutil
from pathlib import Path

from conftest import FIXTURES
from small_registry import good_copy, write_indicator

TABLES = FIXTURES / "tables"

SHARE_OBSERVATIONS = """  - value: 14.26
    period: 2022
    source: tk-kinh-te-so
    cell: {row: Tỷ trọng kinh tế số trong GDP (%), column: "2022"}
  - value: 12.87
    period: 2021
    source: tk-kinh-te-so
    cell: {row: Tỷ trọng kinh tế số trong GDP (%), column: "2021"}
  - value: 15.1
    period: 2023-Q3
    source: tk-kinh-te-so
    cell: {row: Tỷ trọng kinh tế số trong GDP (%), column: Quý III/2023}
"""

DTI_OBSERVATIONS = """  - value: 0.6431
    out_of: 1
    period: 2023
    reporting_unit: ha-noi
    source: dti-tinh-2023
    cell: {row: Hà Nội, column: Điểm DTI (thang điểm 1)}
  - value: 0.611
    out_of: 1
    period: 2023
    reporting_unit: ho-chi-minh
    source: dti-tinh-2023
    cell: {row: TP. Hồ Chí Minh, column: Điểm DTI (thang điểm 1)}
  - value: 0.512
    out_of: 1
    period: 2023
    source: dti-tinh-2023
    cell: {row: Cả nước, column: Điểm DTI (thang điểm 1)}
"""


def copy_tables(data: Path, *names: str) -> None:
    for name in names:
        for path in TABLES.glob(f"{name}.*"):
            shutil.copy(path, data / "sources" / path.name)


def table_registry(data: Path) -> Path:
    """The good fixture, the national and provincial tables, and two indicators citing them."""
    good_copy(data)
    copy_tables(data, "tk-kinh-te-so", "dti-tinh-2023")
    write_indicator(data, "digital-economy-share", SHARE_OBSERVATIONS, kind="share", unit="{vi: '%', en: '%'}")
    write_indicator(
        data, "dti-score", DTI_OBSERVATIONS, sector="digital-society", kind="level", unit="{vi: điểm, en: points}"
    )
    return data
