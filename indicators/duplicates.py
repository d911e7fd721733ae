"""One figure, one observation: two indicators that cite the same figure of the same
sentence (`figure-cited-twice`), and the indicators that already cite a sentence, for
`python -m indicators new` to say so before it files the figure again."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from indicators.citations import stating_mentions
from indicators.numbers import find_numbers
from indicators.problems import Problem, display_path
from indicators.registry import Registry, Rows, SourceDocument
from indicators.text import fold
from indicators.yaml_reader import parse_yaml


@dataclass(frozen=True)
class Citation:
    """An observation seen as the figure it cites: its source, the sentence of the source
    that holds its quote (folded; the quote itself when it spans sentences, so two
    quotes cut differently from one sentence are one), its value times the
    indicator's scale (35 with scale million: 35000000.0) and `out_of`.
    A sentence that states the same amount twice ("1 Nghị định, 1 Công điện") holds two
    figures of it: `times_stated` counts them."""

    indicator_id: str
    source: str
    sentence: str
    amount: float
    out_of: float | None
    value: float
    scale: float
    cell: bool = False  # a table cell: `sentence` is its row and column, which state one figure

    @property
    def figure(self) -> tuple:
        return (self.source, self.sentence, round(self.amount, 6), self.out_of)

    def times_stated(self) -> int:
        """How many numbers of the quote state this amount (at least 1)."""
        if self.cell:
            return 1
        mentions = find_numbers(self.sentence)
        return max(1, len(stating_mentions(mentions, self.value, self.scale, self.out_of, absolute=True)))


def citations(indicators: dict, rows: dict[str, Rows], sources: dict[str, SourceDocument]) -> Iterator[Citation]:
    """Every observation of every indicator as a Citation, indicators in id order."""
    for indicator_id in sorted(rows):
        factor = indicators[indicator_id].scale_factor
        columns = rows[indicator_id]
        for source, quote, cell, value, out_of in zip(
            columns["source"], columns["quote"], columns["cell"], columns["value"], columns["out_of"], strict=True
        ):
            yield citation_of(indicator_id, sources, source, quote, cell, value, out_of, factor)


def citation_of(
    indicator_id: str, sources: dict, source: str, quote: str | None, cell, value: float, out_of, factor: float
) -> Citation:
    """One observation as a Citation: its quote's sentence, or a table cell named by its
    row and column labels (`cell`: a dict or an object with `row` and `column`)."""
    where = _cited_where(sources, source, quote, cell)
    return Citation(indicator_id, source, where, value * factor, out_of, value, factor, cell=quote is None)


def _cited_where(sources: dict, source: str, quote: str | None, cell) -> str:
    """A Citation's `sentence`: the sentence of the quote, or the cell's row and column."""
    if quote is None:
        labels = cell if isinstance(cell, dict) else getattr(cell, "__dict__", {})
        return f"{labels.get('row')} × {labels.get('column')}"
    return sentence_of(sources.get(source), quote)


def sentence_of(source: SourceDocument | None, quote: str) -> str:
    """The sentence of `source` that holds `quote` (both folded), or the folded quote
    when no one sentence holds it."""
    if source is not None and quote in source.sentences:  # a sentence of the source is folded already
        return quote
    folded = fold(quote)
    if source is None or folded in source.sentences:
        return folded
    return next((sentence for sentence in sorted(source.sentences) if folded in sentence), folded)


def figures_cited_twice(
    indicators: dict, rows: dict[str, Rows], files: dict[str, Path], sources: dict[str, SourceDocument]
) -> list[Problem]:
    """An error at each observation that cites a figure of a sentence another indicator
    (first in id order) already cites; the message names that indicator and its file."""
    first: dict[tuple, str] = {}  # each figure (`Citation.figure`) and the first indicator citing it
    repeated = set()
    for indicator_id in sorted(rows):
        factor = indicators[indicator_id].scale_factor
        columns = rows[indicator_id]
        for source, quote, cell, value, out_of in zip(
            columns["source"], columns["quote"], columns["cell"], columns["value"], columns["out_of"], strict=True
        ):
            figure = (source, _cited_where(sources, source, quote, cell), round(value * factor, 6), out_of)
            if first.setdefault(figure, indicator_id) != indicator_id:
                repeated.add(figure)
    if not repeated:
        return []
    groups: dict[tuple, dict[str, Citation]] = {}
    for citation in citations(indicators, rows, sources):
        if citation.figure in repeated:
            groups.setdefault(citation.figure, {}).setdefault(citation.indicator_id, citation)
    problems = []
    for group in groups.values():
        if len(group) < 2:
            continue
        first, *_ = cited = list(group.values())
        problems += [_cited_twice_at(citation, first, files) for citation in cited[first.times_stated() :]]
    return problems


def _cited_twice_at(citation: Citation, earlier: Citation, files: dict[str, Path]) -> Problem:
    path = files[citation.indicator_id]
    index, line, column = _observation_position(path, citation)
    message = _cited_twice(earlier.indicator_id, files[earlier.indicator_id])
    return Problem(
        display_path(path),
        line,
        column,
        f"observations[{index}].{'cell' if citation.cell else 'quote'}",
        message,
        "figure-cited-twice",
    )


def citing_sentence(registry: Registry, source_id: str, sentence: str) -> list[Citation]:
    """The observations of the registry that quote `sentence` of source `source_id`
    (or a part of it), indicators in id order."""
    folded = sentence_of(registry.sources.get(source_id), sentence)
    return [
        citation
        for citation in citations(registry.indicators, registry.rows, registry.sources)
        if citation.source == source_id and citation.sentence and citation.sentence in folded
    ]


def _cited_twice(indicator_id: str, path: Path) -> str:
    return (
        f"indicator {indicator_id!r} ({display_path(path)}) already cites this figure of this sentence; "
        f"one figure is one observation: remove this one, or file it under {indicator_id!r}"
    )


def _observation_position(path: Path, citation: Citation) -> tuple[int, int, int]:
    """The index of the observation in its file, and the line and column of its quote
    (the file is read again only for this report)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 0, 1, 1
    document = parse_yaml(path, text, [])
    observations = document.data.get("observations") if document and isinstance(document.data, dict) else None
    for index, observation in enumerate(observations or []):
        if (
            isinstance(observation, dict)
            and observation.get("source") == citation.source
            and _cites(observation, citation)
            and observation.get("value") == citation.value
        ):
            return index, *document.position(("observations", index, "cell" if citation.cell else "quote"))
    return 0, 1, 1


def cited_by_others(registry: Registry, indicator, document) -> list[Problem]:
    """For a draft (an Indicator and its parsed YamlDocument, as the editor and `new`
    check it): an error at each observation citing a figure of a sentence that another
    indicator of `registry` already cites."""
    others: dict[tuple, list[Citation]] = {}
    for citation in citations(registry.indicators, registry.rows, registry.sources):
        if citation.indicator_id != indicator.id:
            others.setdefault(citation.figure, []).append(citation)
    problems = []
    for index, observation in enumerate(indicator.observations):
        citation = citation_of(
            indicator.id,
            registry.sources,
            observation.source,
            observation.quote,
            observation.cell,
            observation.value,
            observation.out_of,
            indicator.scale_factor,
        )
        earlier = others.get(citation.figure, [])
        if len({other.indicator_id for other in earlier}) < citation.times_stated():
            continue
        evidence = "cell" if citation.cell else "quote"
        line, column = document.position(("observations", index, evidence))
        message = _cited_twice(earlier[0].indicator_id, registry.files[earlier[0].indicator_id])
        field = f"observations[{index}].{evidence}"
        problems.append(Problem(display_path(document.path), line, column, field, message, "figure-cited-twice"))
    return problems


def registered_figure(registry: Registry, source_id: str, sentence: str, amount: float, out_of: float | None):
    """What the registry already files from this sentence, for `new`: the ids of the
    indicators citing this figure (`amount`: value × scale factor) once the sentence
    has no further figure of that amount, and the ids citing other figures of it."""
    cited = citing_sentence(registry, source_id, sentence)
    figure = [c for c in cited if round(c.amount, 6) == round(amount, 6) and c.out_of == out_of]
    same = list(dict.fromkeys(c.indicator_id for c in figure))
    if same and len(same) < figure[0].times_stated():
        same = []
    others = list(dict.fromkeys(c.indicator_id for c in cited if c.indicator_id not in same))
    return same, others


def _cites(observation: dict, citation: Citation) -> bool:
    """Whether an observation as written in its file is the one `citation` was made from."""
    cell = observation.get("cell")
    if citation.cell:
        return isinstance(cell, dict) and f"{cell.get('row')} × {cell.get('column')}" == citation.sentence
    return fold(str(observation.get("quote", ""))) in citation.sentence
