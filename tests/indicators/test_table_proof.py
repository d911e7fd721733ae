"""Cell evidence: an observation citing a table cell is proven like a quote (value,
period, reporting unit), and every mutation of a cited value, row or column is refused."""

import pytest
from small_registry import problems_of, write_indicator
from table_registry import copy_tables, table_registry

from indicators import read_registry


@pytest.fixture
def data(tmp_path):
    return table_registry(tmp_path / "data")


def test_cited_cells_are_proven_and_read_as_citations(data):
    registry = read_registry(data)
    assert registry.problems == []
    frame = registry.observations_frame
    dti = frame[frame.indicator_id == "dti-score"].set_index("reporting_unit")
    assert dti.loc["ha-noi", "value"] == pytest.approx(0.6431)
    assert dti.loc["ha-noi", "quote"] == (
        "Bảng 3. Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2023 — Hà Nội × Điểm DTI (thang điểm 1): 0,6431"
    )
    share = frame[frame.indicator_id == "digital-economy-share"]
    assert sorted(share.period) == ["2021", "2022", "2023-Q3"]


MUTATIONS = [
    # (indicator, text replaced, replacement, expected line, code, words of the message)
    ("digital-economy-share", "value: 14.26", "value: 14.62", 11, "value-not-in-cell", "cell D2 (row"),
    ("digital-economy-share", "value: 14.26", "value: 1426", 11, "value-not-in-cell", "'14,26' = 14.26"),
    ("digital-economy-share", 'column: "2022"}', 'column: "2021"}', 11, "value-not-in-cell", "cell C2"),
    (
        "digital-economy-share",
        "period: 2022",
        "period: 2021",
        12,
        "period-not-in-cell",
        "its column '2022' states 2022, not 2021",
    ),
    ("digital-economy-share", "period: 2023-Q3", "period: 2023", 20, "period-not-in-cell", "states 2023-Q3, not 2023"),
    (
        "digital-economy-share",
        'row: Tỷ trọng kinh tế số trong GDP (%), column: "2022"',
        'row: Tỷ trọng kinh tế số, column: "2022"',
        14,
        "cell-not-in-table",
        "has no row labelled 'Tỷ trọng kinh tế số'",
    ),
    (
        "digital-economy-share",
        'column: "2022"}',
        'column: "2019"}',
        14,
        "cell-not-in-table",
        "has no column headed '2019'",
    ),
    ("dti-score", "row: Hà Nội,", "row: Đà Nẵng,", 11, "value-not-in-cell", "holds '0,6782'"),
    (
        "dti-score",
        "value: 0.6431\n    out_of: 1\n    period: 2023\n    reporting_unit: ha-noi\n    source: dti-tinh-2023\n    cell: {row: Hà Nội",
        "value: 0.6782\n    out_of: 1\n    period: 2023\n    reporting_unit: ha-noi\n    source: dti-tinh-2023\n    cell: {row: Đà Nẵng",
        14,
        "geography-not-in-cell",
        "name Đà Nẵng, not Hà Nội",
    ),
    (
        "dti-score",
        "out_of: 1\n    period: 2023\n    reporting_unit: ha-noi",
        "out_of: 10\n    period: 2023\n    reporting_unit: ha-noi",
        12,
        "value-not-in-cell",
        "out_of 10 is not stated",
    ),
    ("dti-score", "reporting_unit: ha-noi", "reporting_unit: bac-ninh", 14, "geography-not-in-cell", "not Bắc Ninh"),
]


@pytest.mark.parametrize(("indicator", "old", "new", "line", "code", "words"), MUTATIONS)
def test_a_mutated_citation_is_refused_with_file_line_and_cell(data, indicator, old, new, line, code, words):
    path = data / "registry" / f"{indicator}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = [problem for problem in problems_of(data) if f"[{code}]" in problem]
    assert problems, problems_of(data)
    assert any(problem.startswith(f"registry/{indicator}.yaml:{line}:") and words in problem for problem in problems), (
        problems
    )


def test_every_value_of_the_table_mutated_is_refused(data):
    """A mutation of any cited value (by a rounding step, a scale or a sign) never validates."""
    path = data / "registry" / "digital-economy-share.yaml"
    original = path.read_text(encoding="utf-8")
    for value in ("14.26", "12.87", "15.1"):
        for wrong in (float(value) + 0.01, float(value) * 10, float(value) / 100, -float(value)):
            path.write_text(original.replace(f"value: {value}\n", f"value: {wrong:g}\n"), encoding="utf-8")
            registry = read_registry(data)
            assert registry.errors, (value, wrong)
            assert {problem.code for problem in registry.errors} <= {"value-not-in-cell", "value-invalid"}


def test_a_text_source_cited_by_cell_and_evidence_missing_are_errors(data):
    write_indicator(
        data,
        "by-cell-from-text",
        """  - value: 35
    period: 2024
    source: example-source
    cell: {row: a, column: b}
  - value: 35
    period: 2024
    source: tk-kinh-te-so
""",
    )
    problems = problems_of(data)
    assert any(
        "by-cell-from-text.yaml:14:5: observations[0].cell: source 'example-source' is a text" in p for p in problems
    ), problems
    assert any(
        "by-cell-from-text.yaml:15:5: observations[1].quote: give the quote" in p and "[evidence-missing]" in p
        for p in problems
    ), problems


def test_bad_input_table_gives_one_clear_problem_per_cell(tmp_path):
    from small_registry import good_copy

    data = good_copy(tmp_path / "data")
    copy_tables(data, "bang-loi")
    observations = """  - value: 1234567
    period: 2022
    source: bang-loi
    cell: {row: Đà Nẵng, column: "2022"}
  - value: 1250000
    period: 2023
    source: bang-loi
    cell: {row: Hà Nội, column: "2023"}
  - value: 0
    period: 2022
    reporting_unit: can-tho
    source: bang-loi
    cell: {row: Cần Thơ, column: "2022"}
  - value: 86
    period: 2024
    source: bang-loi
    cell: {row: Đà Nẵng, column: "2024"}
  - value: 2345.6
    period: 2023
    source: bang-loi
    cell: {row: Đà Nẵng, column: "2023"}
  - value: 2345678
    period: 2023
    reporting_unit: can-tho
    source: bang-loi
    cell: {row: Cần Thơ, column: "2023"}
"""
    write_indicator(data, "subscribers", observations, reporting_unit="da-nang")
    problems = problems_of(data)
    expected = [
        "sources/bang-loi.csv:1:3: C1: cell C1: the column header is blank",
        "sources/bang-loi.csv:3:1: A3: warning: cell A3: the row label 'Hà Nội' is also the label of row 2",
        "registry/subscribers.yaml:11:5: observations[0].value: sources/bang-loi.csv cell B4",  # "1.234" is 1234 here
        "registry/subscribers.yaml:18:12: observations[1].cell.row: sources/bang-loi.csv has 2 rows labelled 'Hà Nội' (A2, A3)",
        "registry/subscribers.yaml:23:5: observations[2].cell: sources/bang-loi.csv cell B5 (row 'Cần Thơ', column '2022') is text ('n/a')",
        "registry/subscribers.yaml:27:5: observations[3].cell: warning: sources/bang-loi.csv cell E4",
        "registry/subscribers.yaml:36:5: observations[5].cell: sources/bang-loi.csv cell D5 (row 'Cần Thơ', column "
        "'2023') '2,345,678' writes thousands and decimals the other way round",
    ]
    for start in expected:
        assert any(problem.startswith(start) for problem in problems), (start, problems)
    assert not any("observations[4]" in problem for problem in problems), problems
    registry = read_registry(data)
    assert registry.rows["subscribers"]["value"] == [86, 2345.6]  # the footnoted and the good cell stand


def test_a_cell_cited_by_two_indicators_is_refused_at_the_second(data):
    from table_registry import SHARE_OBSERVATIONS

    write_indicator(data, "digital-economy-share-copy", SHARE_OBSERVATIONS, kind="share", unit="{vi: '%', en: '%'}")
    twice = [p for p in read_registry(data).problems if p.code == "figure-cited-twice"]
    assert len(twice) == SHARE_OBSERVATIONS.count("cell:")  # every cell of the copy, none of the first
    assert {p.path.rsplit("/", 1)[-1] for p in twice} == {"digital-economy-share-copy.yaml"}
    assert twice[0].field == "observations[0].cell"
    assert "indicator 'digital-economy-share'" in twice[0].message
