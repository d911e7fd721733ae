"""Integrity of the document corpus (tests/fixtures/documents/): whole Vietnamese documents
written for the tests, each with the figures a careful reader files from it (`<id>.gold.yaml`).

The proof engine is measured on this corpus, so the corpus itself must be right: every gold
figure is written on the line it names, reads as the value it gives with the project's number
parser, has a period label the registry accepts and a reporting unit of the catalogue that was
in force in that period; every must-refuse case says why. See tests/fixtures/documents/README.md
for the format and tests/fixtures/documents/FORMS.md for the forms the documents use.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from indicators.models import Source
from indicators.numbers import find_numbers, mention_states
from indicators.periods import parse_period
from indicators.reporting_units import UnitCatalogue, read_catalogue
from indicators.vocabulary import KINDS, QUALIFIERS, SCALES

PROJECT = Path(__file__).resolve().parents[2]
DOCUMENTS = PROJECT / "tests" / "fixtures" / "documents"

DOCUMENT_KINDS = (
    "ministry-summary",
    "quarterly-briefing",
    "statistics-release",
    "provincial-newspaper",
    "provincial-portal",
    "ranking-piece",
    "post-merger-report",
    "conference-report",
    "interview",
    "national-news",
    "table-in-text",
)
FILED_FIELDS = {"value", "scale", "period", "reporting_unit", "kind"}
OPTIONAL_FIELDS = {
    "occurrence",
    "qualifier",
    "out_of",
    "per_year",
    "target",
    "period_from",
    "period_evidence",
    "unit_from",
}
PERIOD_FROM = ("sentence", "list-position", "context", "source-date")
UNIT_FROM = ("sentence", "context", "publisher")
ID_FORM = re.compile(r"^(?P<publisher>[a-z0-9]+(?:-[a-z0-9]+)*?)-(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9-]+)$")

MINIMUM_DOCUMENTS = 46
MINIMUM_FIGURES = 700
MINIMUM_REFUSALS = 120


@cache
def catalogue() -> UnitCatalogue:
    problems: list = []
    units = read_catalogue(PROJECT / "data" / "reporting-units", problems)
    assert problems == [], problems
    return units


def document_ids(folder: Path) -> list[str]:
    return sorted(path.name.removesuffix(".txt") for path in folder.glob("*.txt"))


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def read_gold(folder: Path, document_id: str) -> dict:
    return read_yaml(folder / f"{document_id}.gold.yaml")


def document_problems(folder: Path, document_id: str) -> list[str]:
    """Every way the document `document_id` in `folder` breaks the corpus format (empty when
    it keeps it): its text, its metadata and each gold figure."""
    problems: list[str] = []
    text_path = folder / f"{document_id}.txt"
    raw = text_path.read_bytes().decode("utf-8")
    if raw != unicodedata.normalize("NFC", raw):
        problems.append("the text is not in NFC")
    if not raw.endswith("\n") or "\r" in raw:
        problems.append("the text must end with a newline and use \\n line ends")
    lines = raw.split("\n")[:-1]
    for number, line in enumerate(lines, 1):
        if not line.strip() or line != line.strip():
            problems.append(f"line {number}: empty, or space at an end (one paragraph per line)")
    source = _source_problems(folder, document_id, problems)
    gold = read_gold(folder, document_id)
    if set(gold) != {"kind", "figures"}:
        problems.append(f"gold keys must be kind and figures, not {sorted(gold)}")
    if gold.get("kind") not in DOCUMENT_KINDS:
        problems.append(f"unknown document kind {gold.get('kind')!r}")
    figures = gold.get("figures") or []
    if not figures:
        problems.append("no figures")
    whole_text = "\n".join([source.title if source else "", *lines])
    seen = set()
    for index, figure in enumerate(figures):
        where = f"figures[{index}] {figure.get('find')!r}"
        key = (figure.get("line"), figure.get("find"), figure.get("occurrence", 1))
        if key in seen:
            problems.append(f"{where}: listed twice")
        seen.add(key)
        problems.extend(f"{where}: {message}" for message in _figure_problems(figure, lines, whole_text, source))
    return problems


def _source_problems(folder: Path, document_id: str, problems: list[str]) -> Source | None:
    metadata = read_yaml(folder / f"{document_id}.yaml")
    try:
        source = Source.model_validate(metadata)
    except Exception as error:  # pydantic's ValidationError: report it as text
        problems.append(f"metadata: {error}")
        return None
    form = ID_FORM.match(document_id)
    if source.id != document_id:
        problems.append(f"metadata id {source.id!r} is not the file name")
    if form is None or source.published is None or form["date"] != source.published.isoformat():
        problems.append("the id must be <publisher>-<yyyy>-<mm>-<dd>-<slug> with the publication date")
    if source.language != "vi" or source.url is not None:
        problems.append("language must be vi and url null (documents written for the tests)")
    if source.reporting_unit is not None:
        if source.reporting_unit not in catalogue():
            problems.append(f"metadata reporting_unit {source.reporting_unit!r} is not in the catalogue")
        elif source.published and catalogue().at(source.reporting_unit, source.published) is None:
            problems.append(f"metadata reporting_unit {source.reporting_unit!r} was not in force on publication")
    return source


def _figure_problems(figure: dict, lines: list[str], whole_text: str, source: Source | None) -> list[str]:
    find, line_number = figure.get("find"), figure.get("line")
    if not isinstance(find, str) or not isinstance(line_number, int) or not 1 <= line_number <= len(lines):
        return ["find (text) and line (a line of the text) are required"]
    problems = _position_problems(figure, lines[line_number - 1])
    mentions = find_numbers(find)
    if len(mentions) != 1 or mentions[0].text != find:
        return [*problems, "find must be exactly one written number (with its scale word, % or /total)"]
    if "refuse" in figure:
        extra = set(figure) - {"find", "line", "occurrence", "refuse"}
        if not isinstance(figure["refuse"], str) or len(figure["refuse"]) < 15:
            problems.append("refuse must say why, in words")
        if extra:
            problems.append(f"a refused figure has no reading, yet gives {sorted(extra)}")
        return problems
    missing = FILED_FIELDS - set(figure)
    unknown = set(figure) - FILED_FIELDS - OPTIONAL_FIELDS - {"find", "line"}
    if missing or unknown:
        return [*problems, f"missing {sorted(missing)}, unknown {sorted(unknown)}"]
    problems.extend(_reading_problems(figure, mentions[0]))
    problems.extend(_period_and_unit_problems(figure, whole_text, source))
    return problems


def _position_problems(figure: dict, line: str) -> list[str]:
    """`find` is written on its line as a whole number (never only as the tail of a longer
    one: "5%" in "15%", "2" in "2023") at least `occurrence` times; occurrences count whole
    numbers, so "2" in "năm 2023, tăng 2 bậc" is the first."""
    find, occurrence = figure["find"], figure.get("occurrence", 1)
    count = sum(mention.text == find for mention in find_numbers(line))
    if not isinstance(occurrence, int) or not 1 <= occurrence <= count:
        return [f"written {count} time(s) as a whole number on line {figure['line']}, not an occurrence {occurrence}"]
    if count > 1 and "occurrence" not in figure:
        return [f"written {count} times on its line: say which (occurrence)"]
    return []


def _reading_problems(figure: dict, mention) -> list[str]:
    problems = []
    kind, scale, value = figure["kind"], figure["scale"], figure["value"]
    if kind not in KINDS:
        problems.append(f"kind {kind!r} is not one of {KINDS}")
    if scale not in SCALES:
        return [*problems, f"scale {scale!r} is not one of {tuple(SCALES)}"]
    if not isinstance(value, int | float) or isinstance(value, bool):
        return [*problems, "value must be a number"]
    if not mention_states(mention, value, SCALES[scale].factor, absolute=kind == "change"):
        problems.append(f"{mention.text!r} does not read as {value} × {scale}")
    if value < 0 and kind != "change":
        problems.append("only a change may be negative")
    if mention.percent and kind not in ("share", "change"):
        problems.append(f"a percentage must be a share or a change, not a {kind}")
    if "qualifier" in figure and figure["qualifier"] not in QUALIFIERS:
        problems.append(f"qualifier {figure['qualifier']!r} is not one of {tuple(QUALIFIERS)}")
    out_of = figure.get("out_of")
    if mention.denominator is not None and out_of != mention.denominator:
        problems.append(f"written out of {mention.denominator:g}, so out_of must be {mention.denominator:g}")
    if out_of is not None and (not isinstance(out_of, int | float) or out_of <= 0 or out_of < value):
        problems.append("out_of must be a positive total, at least the value")
    for flag in ("per_year", "target"):
        if flag in figure and not isinstance(figure[flag], bool):
            problems.append(f"{flag} must be true or false")
    return problems


def _period_and_unit_problems(figure: dict, whole_text: str, source: Source | None) -> list[str]:
    problems = []
    label = str(figure["period"])
    try:
        period = parse_period(label)
    except ValueError as error:
        return [f"period: {error}"]
    if period.kind == "other":
        problems.append(f"period {label!r} is a free label; the corpus uses the standard forms")
    if source is not None and source.published and not figure.get("target") and period.start > source.published:
        problems.append(f"period {label} begins after the document was published ({source.published})")
    unit_id = figure["reporting_unit"]
    if unit_id not in catalogue():
        problems.append(f"reporting unit {unit_id!r} is not in the catalogue")
    else:
        # As `validate` reads it: in force on the period's first and last day (a range: its first).
        days = [period.start] if period.kind == "range" else [period.start, period.end]
        if any(catalogue().at(unit_id, day) is None for day in days):
            problems.append(f"reporting unit {unit_id!r} was not in force in {label}")
    if figure.get("period_from", "sentence") not in PERIOD_FROM:
        problems.append(f"period_from must be one of {PERIOD_FROM}")
    if figure.get("unit_from", "sentence") not in UNIT_FROM:
        problems.append(f"unit_from must be one of {UNIT_FROM}")
    if figure.get("unit_from") == "publisher" and (source is None or source.reporting_unit != unit_id):
        problems.append("unit_from: publisher needs the metadata's reporting_unit to be this unit")
    evidence = figure.get("period_evidence")
    if evidence is not None and str(evidence) not in whole_text:
        problems.append(f"period_evidence {evidence!r} is not written in the document or its title")
    return problems


# --- the tests ---------------------------------------------------------------

IDS = document_ids(DOCUMENTS)


def test_each_document_has_its_text_metadata_and_gold():
    names = {path.name for path in DOCUMENTS.iterdir() if path.suffix in (".txt", ".yaml")}
    expected = {f"{document_id}{suffix}" for document_id in IDS for suffix in (".txt", ".yaml", ".gold.yaml")}
    assert names == expected


@pytest.mark.parametrize("document_id", IDS)
def test_document_keeps_the_corpus_format(document_id):
    assert document_problems(DOCUMENTS, document_id) == []


def test_corpus_is_large_and_covers_every_kind():
    golds = [read_gold(DOCUMENTS, document_id) for document_id in IDS]
    figures = [figure for gold in golds for figure in gold["figures"]]
    refusals = [figure for figure in figures if "refuse" in figure]
    assert len(golds) >= MINIMUM_DOCUMENTS
    assert len(figures) >= MINIMUM_FIGURES
    assert len(refusals) >= MINIMUM_REFUSALS
    documents_per_kind = Counter(gold["kind"] for gold in golds)
    assert {kind: documents_per_kind[kind] for kind in DOCUMENT_KINDS if documents_per_kind[kind] < 2} == {}
    figures_per_kind = Counter(figure["kind"] for figure in figures if "refuse" not in figure)
    assert {kind: figures_per_kind[kind] for kind in KINDS if figures_per_kind[kind] < 2} == {}


def test_corpus_reads_periods_and_units_from_context_not_only_from_the_sentence():
    """The corpus exists to measure readings beyond the sentence: a fair share of its filed
    figures take their period or unit from elsewhere in the document."""
    figures = [figure for document_id in IDS for figure in read_gold(DOCUMENTS, document_id)["figures"]]
    filed = [figure for figure in figures if "refuse" not in figure]
    from_context = [figure for figure in filed if figure.get("period_from", "sentence") != "sentence"]
    from_publisher = [figure for figure in filed if figure.get("unit_from") == "publisher"]
    assert len(from_context) >= len(filed) // 4
    assert len(from_publisher) >= 30


def test_the_checks_catch_a_figure_on_the_wrong_line(tmp_path):
    document_id = IDS[0]
    for suffix in (".txt", ".yaml", ".gold.yaml"):
        (tmp_path / f"{document_id}{suffix}").write_bytes((DOCUMENTS / f"{document_id}{suffix}").read_bytes())
    gold = read_gold(tmp_path, document_id)
    filed = next(figure for figure in gold["figures"] if "refuse" not in figure)
    filed["line"] = 1 if filed["line"] != 1 else 2
    filed["value"] = filed["value"] * 10 + 1
    filed["reporting_unit"] = "no-such-unit"
    (tmp_path / f"{document_id}.gold.yaml").write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    problems = " | ".join(document_problems(tmp_path, document_id))
    assert "not an occurrence" in problems
    assert "'no-such-unit' is not in the catalogue" in problems
