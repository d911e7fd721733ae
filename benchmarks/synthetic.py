"""A deterministic synthetic registry: N indicators x M observations, with
source texts that state every figure, so that every quote verifies."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

SECTORS = ["digital-government", "digital-economy", "digital-society", "digital-infrastructure", "cyber-security"]
UNITS = [
    ("tài khoản", "accounts", "million"),
    ("USD", "USD", "billion"),
    ("%", "%", "one"),
    ("hồ sơ", "records", "one"),
]


def periods(count: int) -> list[str]:
    """`count` distinct periods: years, half years and quarters, oldest first."""
    labels = []
    for year in range(2024 - count, 2025):
        labels += [f"{year}", f"{year}-H1", f"{year}-H2", f"{year}-Q1"]
    return labels[-count:]


def written_period(label: str) -> str:
    """A period label as Vietnamese reports write it: `2024-H1` -> `6 tháng đầu năm 2024`."""
    year, _, part = label.partition("-")
    if part == "H1":
        return f"6 tháng đầu năm {year}"
    if part == "H2":
        return f"6 tháng cuối năm {year}"
    if part.startswith("Q"):
        return f"quý {part[1:]} năm {year}"
    return f"năm {year}"


def vietnamese(value: float) -> str:
    whole, _, fraction = f"{value:.2f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    fraction = fraction.rstrip("0")
    return f"{grouped},{fraction}" if fraction else grouped


def generate(target: Path, indicators: int, observations_per_indicator: int, seed: int = 42) -> Path:
    """Write taxonomy, sources and registry files under `target`; return it."""
    random.seed(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "registry").mkdir(parents=True)
    (target / "sources").mkdir()
    project_data = Path(__file__).resolve().parent.parent / "data"
    shutil.copy(project_data / "taxonomy.yaml", target / "taxonomy.yaml")
    shutil.copytree(project_data / "reporting-units", target / "reporting-units")
    labels = periods(observations_per_indicator)
    for number in range(indicators):
        indicator_id = f"synthetic-{number:05d}"
        source_id = f"synthetic-source-{number:05d}"
        unit_vi, unit_en, scale = UNITS[number % len(UNITS)]
        scale_word = {"million": " triệu", "billion": " tỷ", "one": ""}[scale]
        sentences, observations = [f"Báo cáo tổng hợp số {number}"], []
        for label in labels:
            value = round(random.uniform(1, 99_999), random.choice([0, 1, 2]))
            stated = vietnamese(value) + ("%" if unit_vi == "%" else f"{scale_word} {unit_vi}")
            sentence = f"Theo báo cáo kỳ {written_period(label)}, chỉ số {number} đạt {stated} trên cả nước."
            sentences.append(sentence)
            observations.append(
                f"  - value: {value!r}\n    period: '{label}'\n    source: {source_id}\n    quote: \"{sentence}\"\n"
            )
        (target / "sources" / f"{source_id}.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
        (target / "sources" / f"{source_id}.yaml").write_text(
            f"id: {source_id}\ntitle: Báo cáo tổng hợp {number}\npublisher: Synthetic\npublished: 2024-12-31\n"
            "language: vi\naccessed: 2026-11-23\n",
            encoding="utf-8",
        )
        header = (
            f"id: {indicator_id}\nname: {{vi: Chỉ số tổng hợp {number}, en: Synthetic indicator {number}}}\n"
            f"description: {{vi: Dữ liệu thử nghiệm., en: Benchmark data.}}\nsector: {SECTORS[number % len(SECTORS)]}\n"
            f"reporting_unit: vn\nkind: {'share' if unit_vi == '%' else 'count'}\nunit: {{vi: '{unit_vi}', en: '{unit_en}'}}\n"
            f"scale: {scale}\ndirection: higher-is-better\nheadline: {str(number % 50 < 5).lower()}\nobservations:\n"
        )
        (target / "registry" / f"{indicator_id}.yaml").write_text(header + "".join(observations), encoding="utf-8")
    return target


if __name__ == "__main__":
    import sys

    out = generate(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    print(out)
