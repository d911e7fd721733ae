"""How the scaffolder's proposal reads the document corpus (tests/fixtures/documents/).

For every gold figure of every document, propose it as `python -m indicators new` would
without hints (no --period, --reporting-unit or --pick) and compare with the gold:

- right: a filed figure proposed with the gold value, period, reporting unit and target
  flag; or a must-refuse figure refused;
- refused: a filed figure the proposal refuses (or cannot pick without --pick);
- wrong: a filed figure proposed with another value, period, unit or target flag, or a
  must-refuse figure proposed as if it could be filed.

Run: `.venv/bin/python scripts/document_report.py [--json PATH] [--show wrong|refused|all]
[--documents FOLDER]` (another folder of documents in the same form).
Prints one row per document kind and the total; `--json` also writes every figure's outcome.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from indicators.models import Source  # noqa: E402
from indicators.numbers import find_numbers, same_number  # noqa: E402
from indicators.proposals import Sentence, propose  # noqa: E402
from indicators.registry import SourceDocument  # noqa: E402
from indicators.reporting_units import UnitCatalogue, read_catalogue  # noqa: E402
from indicators.text import fold, split_sentences  # noqa: E402
from indicators.vocabulary import SCALES  # noqa: E402

DOCUMENTS = PROJECT / "tests" / "fixtures" / "documents"


@dataclass(frozen=True)
class Outcome:
    document: str
    kind: str
    line: int
    find: str
    occurrence: int
    verdict: str  # "right", "refused", "wrong"
    expected: str
    proposed: str


def load_document(document_id: str, folder: Path = DOCUMENTS) -> tuple[SourceDocument, dict]:
    """The source document (text and metadata) and its gold."""
    meta = Source.model_validate(yaml.safe_load((folder / f"{document_id}.yaml").read_text(encoding="utf-8")))
    path = folder / f"{document_id}.txt"
    gold = yaml.safe_load((folder / f"{document_id}.gold.yaml").read_text(encoding="utf-8"))
    return SourceDocument(meta, path.read_text(encoding="utf-8"), path), gold


def figure_sentence(source: SourceDocument, line_number: int, find: str, occurrence: int) -> tuple[Sentence, str]:
    """The sentence holding the `occurrence`-th `find` of the line, and the text an editor
    gives as `--find` to point at it (the figure, with words before it when the sentence
    writes it more than once)."""
    line = fold(source.text.splitlines()[line_number - 1])
    mention = [m for m in find_numbers(line) if m.text == find][occurrence - 1]
    for number, (start, end) in enumerate(split_sentences(line), start=1):
        if start <= mention.start < end:
            raw = line[start:end]
            text = raw.strip()
            at = mention.start - start - (len(raw) - len(raw.lstrip()))
            needle_start = at
            # widened to the left until it is unique, never starting on a space (the editor's --find is stripped)
            while needle_start > 0 and (
                text.count(text[needle_start : at + len(find)]) > 1 or text[needle_start].isspace()
            ):
                needle_start -= 1
            return Sentence(line_number, text, number), text[needle_start : at + len(find)]
    raise ValueError(f"line {line_number}: {find!r} is in no sentence")


def judge(source: SourceDocument, figure: dict, catalogue: UnitCatalogue) -> tuple[str, str, str]:
    """(verdict, expected, proposed) for one gold figure."""
    sentence, needle = figure_sentence(source, figure["line"], figure["find"], figure.get("occurrence", 1))
    proposals = propose(source, sentence, needle, catalogue)
    refuse = "refuse" in figure
    expected = "refuse" if refuse else _describe_gold(figure)
    if len(proposals) != 1:
        proposed = f"{len(proposals)} figures (needs --pick)"
        return ("right" if refuse else "refused"), expected, proposed
    proposal = proposals[0]
    if proposal.refusal:
        return ("right" if refuse else "refused"), expected, f"refused: {proposal.refusal}"
    proposed = _describe(
        proposal.value * _factor(proposal.scale), proposal.period, proposal.reporting_unit, proposal.target
    )
    if refuse:
        return "wrong", expected, proposed
    same = (
        same_number(abs(proposal.value * _factor(proposal.scale)), abs(figure["value"] * _factor(figure["scale"])))
        and str(proposal.period) == str(figure["period"])
        and proposal.reporting_unit == figure["reporting_unit"]
        and bool(proposal.target) == bool(figure.get("target", False))
    )
    return ("right" if same else "wrong"), expected, proposed


def _factor(scale: str) -> float:
    return SCALES[scale].factor


def _describe(value: float, period, unit, target: bool) -> str:
    return f"{value:g} {period} {unit}" + (" target" if target else "")


def _describe_gold(figure: dict) -> str:
    return _describe(
        figure["value"] * _factor(figure["scale"]),
        figure["period"],
        figure["reporting_unit"],
        figure.get("target", False),
    )


def corpus_outcomes(folder: Path = DOCUMENTS) -> list[Outcome]:
    problems: list = []
    catalogue = read_catalogue(PROJECT / "data" / "reporting-units", problems)
    if problems:
        raise SystemExit("\n".join(str(problem) for problem in problems))
    outcomes = []
    for path in sorted(folder.glob("*.txt")):
        document_id = path.name.removesuffix(".txt")
        source, gold = load_document(document_id, folder)
        for figure in gold["figures"]:
            verdict, expected, proposed = judge(source, figure, catalogue)
            outcomes.append(
                Outcome(
                    document_id,
                    gold["kind"],
                    figure["line"],
                    figure["find"],
                    figure.get("occurrence", 1),
                    verdict,
                    expected,
                    proposed,
                )
            )
    return outcomes


def summary(outcomes: list[Outcome]) -> dict:
    """{kind: {"right": n, "refused": n, "wrong": n, "figures": n, "must_refuse": n}}, with "all"."""
    table: dict[str, Counter] = defaultdict(Counter)
    for outcome in outcomes:
        for key in (outcome.kind, "all"):
            table[key][outcome.verdict] += 1
            table[key]["figures"] += 1
            table[key]["must_refuse"] += outcome.expected == "refuse"
    return {
        kind: {k: counts[k] for k in ("figures", "must_refuse", "right", "refused", "wrong")}
        for kind, counts in sorted(table.items(), key=lambda item: (item[0] == "all", item[0]))
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write every figure's outcome and the summary here")
    parser.add_argument("--show", choices=("wrong", "refused", "all"), help="list the figures with this verdict")
    parser.add_argument(
        "--documents",
        type=Path,
        default=DOCUMENTS,
        help="a folder of documents in the corpus's form (default: tests/fixtures/documents/)",
    )
    arguments = parser.parse_args(argv)
    outcomes = corpus_outcomes(arguments.documents)
    table = summary(outcomes)
    print(f"{'document kind':<22} {'figures':>7} {'refuse':>7} {'right':>7} {'refused':>8} {'wrong':>6} {'right %':>8}")
    for kind, counts in table.items():
        share = 100 * counts["right"] / counts["figures"]
        print(
            f"{kind:<22} {counts['figures']:>7} {counts['must_refuse']:>7} {counts['right']:>7} "
            f"{counts['refused']:>8} {counts['wrong']:>6} {share:>7.1f}%"
        )
    if arguments.show:
        for outcome in outcomes:
            if arguments.show == "all" or outcome.verdict == arguments.show:
                print(
                    f"{outcome.verdict:8} {outcome.document}:{outcome.line} {outcome.find!r}#{outcome.occurrence}  "
                    f"gold: {outcome.expected}  proposed: {outcome.proposed}"
                )
    if arguments.json:
        payload = {"summary": table, "figures": [outcome.__dict__ for outcome in outcomes]}
        arguments.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
