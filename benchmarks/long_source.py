"""`coverage` on one long source: a line of about 10 MB (the source-text limit) of
report sentences, each with figures, one of them cited and one waived. Prints JSON:
the text's bytes, its claims and the seconds the claim scan took, on the clock and in
CPU time (the target: <= 10 s).

    .venv/bin/python benchmarks/long_source.py [--megabytes 9.9]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indicators import read_registry  # noqa: E402
from indicators.coverage import coverage_report  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "good"
# Sentences in the forms provincial reports use; the figures vary with the sentence's number.
FORMS = (
    "Trong tháng {n}, tỉnh tiếp nhận {a}.{b:03d} hồ sơ trực tuyến, đạt {p},{q}% tổng số hồ sơ. ",
    "Tỷ lệ thanh toán trực tuyến đạt {p},{q}%, tăng {q} điểm phần trăm so với cùng kỳ. ",
    "Toàn tỉnh có {a} doanh nghiệp công nghệ số, doanh thu ước đạt {a},{q} tỷ đồng. ",
    "Cổng dịch vụ công đã cung cấp {b} dịch vụ công trực tuyến toàn trình; {p} xã đã kết nối. ",
)
CITED = "Xuất khẩu sản phẩm số tăng từ 113,5 tỷ USD năm 2021 lên 117,3 tỷ USD năm 2023."


def long_line(megabytes: float) -> str:
    target = int(megabytes * 1_000_000)
    parts, size, number = [CITED, " "], 0, 0
    while size < target:
        number += 1
        form = FORMS[number % len(FORMS)]
        part = form.format(n=number % 12 + 1, a=number % 900 + 100, b=number % 1000, p=number % 90 + 10, q=number % 10)
        parts.append(part)
        size += len(part.encode("utf-8"))
    return "".join(parts).rstrip() + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=9.9)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(FIXTURES, data)
        text = long_line(arguments.megabytes)
        (data / "sources" / "example-source.txt").write_text(
            (data / "sources" / "example-source.txt").read_text(encoding="utf-8") + text, encoding="utf-8"
        )
        (data / "coverage-waivers.yaml").write_text(
            "waivers:\n  - source: example-source\n    text: có 102 doanh nghiệp công nghệ số\n"
            "    reason: a count the registry does not track\n",
            encoding="utf-8",
        )
        started = time.perf_counter()
        registry = read_registry(data)
        loaded, cpu_before = time.perf_counter(), time.process_time()
        claims, problems = coverage_report(registry)
        scanned, cpu_after = time.perf_counter(), time.process_time()
    statuses = {status: sum(claim.status == status for claim in claims) for status in ("cited", "waived", "uncited")}
    print(
        json.dumps(
            {
                "source_bytes": len(text.encode("utf-8")),
                "load_s": round(loaded - started, 2),
                "coverage_s": round(scanned - loaded, 2),
                "coverage_cpu_s": round(cpu_after - cpu_before, 2),  # the same, without other processes' share
                "claims": len(claims),
                **statuses,
                "problems": [problem.code for problem in problems],
            }
        )
    )


if __name__ == "__main__":
    main()
