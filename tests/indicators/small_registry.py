"""Small registries written for a test: a copy of tests/fixtures/good with more sources
and indicator files, in the test's temporary folder."""

import shutil
from pathlib import Path

from conftest import FIXTURES

from indicators import read_registry


def good_copy(folder: Path) -> Path:
    """A writable copy of the small valid data folder at `folder`."""
    shutil.copytree(FIXTURES / "good", folder)
    return folder


def write_source(
    data: Path,
    source_id: str,
    text: str,
    published: str | None = "2024-12-20",
    publisher: str = "Sở Khoa học và Công nghệ",
    reporting_unit: str | None = None,
) -> None:
    """A source document: its metadata and its text (one sentence a line)."""
    lines = [
        f"id: {source_id}",
        f"title: Báo cáo {source_id}",
        f"publisher: {publisher}",
        *([f"published: {published}"] if published else []),
        f"url: https://example.org/{source_id}",
        "language: vi",
        "accessed: 2025-01-10",
        *([f"reporting_unit: {reporting_unit}"] if reporting_unit else []),
    ]
    (data / "sources" / f"{source_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (data / "sources" / f"{source_id}.txt").write_text(text, encoding="utf-8")


def write_indicator(
    data: Path,
    indicator_id: str,
    observations: str,
    *,
    sector: str = "digital-economy",
    reporting_unit: str = "vn",
    kind: str = "count",
    unit: str = "{vi: doanh nghiệp, en: firms, en_one: firm}",
    scale: str = "one",
    direction: str = "higher-is-better",
    extra: str = "",
) -> Path:
    """An indicator file; `observations` is the YAML list under `observations:`, indented by two."""
    text = (
        f"id: {indicator_id}\n"
        f"name: {{vi: Chỉ tiêu {indicator_id}, en: Indicator {indicator_id}}}\n"
        "description: {vi: Mô tả., en: Description.}\n"
        f"sector: {sector}\n"
        f"reporting_unit: {reporting_unit}\n"
        f"kind: {kind}\n"
        f"unit: {unit}\n"
        f"scale: {scale}\n"
        f"direction: {direction}\n"
        f"{extra}"
        "observations:\n"
        f"{observations}"
    )
    path = data / "registry" / f"{indicator_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(data: Path) -> list[str]:
    """Every problem of the data folder, as printed, paths relative to it."""
    return [str(problem).replace(f"{data}/", "") for problem in read_registry(data).problems]


REPORT_2024 = """Báo cáo chuyển đổi số năm 2024
Năm 2023, cả nước có 70.000 doanh nghiệp công nghệ số.
Năm 2024, cả nước có 73.000 doanh nghiệp công nghệ số.
Năm 2024, tỉnh Bắc Ninh có 1.250 doanh nghiệp công nghệ số.
Trong 6 tháng đầu năm 2024, thành phố Đà Nẵng có 2.100 doanh nghiệp công nghệ số.
Trong quý III/2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 87,6%.
Giai đoạn 2021-2025, kinh tế số tăng bình quân 20% mỗi năm.
Trong tháng cao điểm Covid-19, cả nước có khoảng 1,2 triệu hồ sơ trực tuyến.
Năm 2022, Việt Nam xếp hạng 86/193 quốc gia về Chính phủ điện tử.
"""


def sample_registry(data: Path) -> Path:
    """The good fixture plus one statistics-office report with figures of every kind of
    period (year, half-year, quarter, date, range, free label) and reporting unit
    (the country, provinces, a ministry), two sources agreeing on the country's 2024
    figure, and two disagreeing on Bắc Ninh's 2023 figure."""
    good_copy(data)
    write_source(data, "bao-cao-2024", REPORT_2024)
    write_indicator(
        data,
        "digital-firms",
        """  - value: 73000
    period: 2024
    source: bao-cao-2024
    quote: "Năm 2024, cả nước có 73.000 doanh nghiệp công nghệ số."
  - value: 70000
    period: 2023
    source: bao-cao-2024
    quote: "Năm 2023, cả nước có 70.000 doanh nghiệp công nghệ số."
  - value: 1250
    period: 2024
    reporting_unit: bac-ninh
    source: bao-cao-2024
    quote: "Năm 2024, tỉnh Bắc Ninh có 1.250 doanh nghiệp công nghệ số."
  - value: 2100
    period: 2024-H1
    reporting_unit: da-nang
    source: bao-cao-2024
    quote: "Trong 6 tháng đầu năm 2024, thành phố Đà Nẵng có 2.100 doanh nghiệp công nghệ số."
  - value: 73000
    period: 2024
    source: provincial-digital-firms
    quote: "Năm 2024, cả nước có 73.000 doanh nghiệp công nghệ số, trong đó thành phố Đà Nẵng có 2.100 doanh nghiệp."
  - value: 1250
    period: 2023
    reporting_unit: bac-ninh
    source: provincial-digital-firms
    quote: "Năm 2023, tỉnh Bắc Ninh có 1.250 doanh nghiệp công nghệ số."
  - value: 1310
    period: 2023
    reporting_unit: bac-ninh
    source: provincial-digital-firms
    quote: "Theo số liệu rà soát lại của Sở Khoa học và Công nghệ, năm 2023 tỉnh Bắc Ninh có 1.310 doanh nghiệp công nghệ số."
""",
    )
    write_indicator(
        data,
        "mof-online-processing",
        """  - value: 87.6
    period: 2024-Q3
    source: bao-cao-2024
    quote: "Trong quý III/2024, tỷ lệ hồ sơ trực tuyến toàn trình của Bộ Tài chính đạt 87,6%."
""",
        sector="digital-society",
        reporting_unit="bo-tai-chinh",
        kind="share",
        unit='{vi: "%", en: "%"}',
    )
    write_indicator(
        data,
        "digital-economy-growth",
        """  - value: 20
    period: 2021/2025
    per_year: true
    source: bao-cao-2024
    quote: "Giai đoạn 2021-2025, kinh tế số tăng bình quân 20% mỗi năm."
    note: {vi: Bình quân mỗi năm của giai đoạn., en: Yearly average over the period.}
""",
        kind="change",
        unit='{vi: "%", en: "%"}',
    )
    write_indicator(
        data,
        "covid-online-applications",
        """  - value: 1.2
    qualifier: about
    period: tháng cao điểm Covid-19
    period_start: 2021-08-01
    period_en: Covid-19 peak month
    status: estimate
    source: bao-cao-2024
    quote: "Trong tháng cao điểm Covid-19, cả nước có khoảng 1,2 triệu hồ sơ trực tuyến."
""",
        sector="digital-society",
        unit="{vi: hồ sơ, en: applications, en_one: application}",
        scale="million",
    )
    write_indicator(
        data,
        "egdi-rank",
        """  - value: 86
    out_of: 193
    period: 2022
    source: bao-cao-2024
    quote: "Năm 2022, Việt Nam xếp hạng 86/193 quốc gia về Chính phủ điện tử."
""",
        sector="digital-society",
        kind="rank",
        unit="{vi: hạng, en: rank}",
        direction="lower-is-better",
    )
    return data
