"""Every figure of a source at once: what `python -m indicators propose SOURCE` prints and
the editor's review lists, each row with its proposed indicator (an existing one, or a
new one), value, period, reporting unit, evidence and what is still missing; then the
accepted rows filed in one step, one validated, locked, atomic save per file
(`editing.save_text`, one edit-log entry each).

The reading of a sentence is `indicators.proposals`; this module calls it through
`_proposals` alone, so a change of that reading changes nothing here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from indicators import yaml_writer
from indicators.editing import check_text, new_draft, open_draft, save_text
from indicators.files import TextError
from indicators.paths import DataLayout
from indicators.proposals import Proposal, Sentence, figure_sentences, propose
from indicators.registry import Registry, SourceDocument
from indicators.source_import import slug
from indicators.text import fold
from indicators.vocabulary import SCALES

NEW_INDICATOR_FIELDS = ("id", "sector", "name_vi", "name_en", "unit_vi", "unit_en")
_STOP_WORDS = set(
    [
        "của",
        "về",
        "theo",
        "được",
        "và",
        "trong",
        "qua",
        "đã",
        "các",
        "có",
        "cho",
        "với",
        "là",
        "tại",
        "từ",
        "đến",
        "trên",
        "một",
        "những",
        "số",
    ]
)
_VERB = re.compile(r"\s(?:đạt|là|có|lên|tăng|giảm|ước|chiếm|với|được|gồm|xếp)\b", re.IGNORECASE)
_OPENING_CLAUSE = re.compile(r"^[^,]*\d[^,]*,\s*")  # "Năm 2026, " / "Tính đến hết tháng 11, "


class ReviewError(Exception):
    """The accepted rows cannot be filed; `problems` lists each reason (file:line: message)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("nothing saved:\n" + "\n".join(problems))


@dataclass(frozen=True)
class Row:
    """One figure of the source, proposed as an observation.

    `indicator_id` is the existing indicator it fits, or None when a new one is proposed
    (`new_indicator`: the fields guessed from the sentence; sector and English names
    are left to the editor). `missing` names what must be added before it can be filed."""

    key: str
    sentence: Sentence
    proposal: Proposal
    indicator_id: str | None
    new_indicator: dict
    value: float
    missing: tuple[str, ...]

    @property
    def quote(self) -> str:
        return self.sentence.text

    @property
    def context(self) -> str | None:
        """The sentence the period was taken from, when not the quote itself."""
        return self.proposal.period_quote


@dataclass
class Accepted:
    """A row as the editor accepts it, corrected or not: the existing `indicator_id`, or
    `new_indicator` (the fields of NEW_INDICATOR_FIELDS, plus kind and scale); the
    observation's `value`, `period` and `reporting_unit`."""

    row: Row
    period: str
    reporting_unit: str
    value: float
    indicator_id: str | None = None
    new_indicator: dict = field(default_factory=dict)


def _proposals(source: SourceDocument, sentence: Sentence, registry: Registry) -> list[Proposal]:
    """The one call into the proposal reading (issue 20 rewrites what is behind it)."""
    return propose(source, sentence, sentence.text, registry.units)


def review_rows(registry: Registry, source_id: str) -> list[Row]:
    """Every figure the source states that no observation of it cites yet, in text order.
    Raises KeyError for an unknown source."""
    source = registry.sources[source_id]
    cited = {
        (fold(observation.quote), round(observation.value * SCALES[indicator.scale].factor, 6))
        for indicator in registry.indicators.values()
        for observation in registry.observations(indicator.id)
        if observation.source == source_id
    }
    rows = []
    for sentence in figure_sentences(source):
        for index, proposal in enumerate(_proposals(source, sentence, registry), start=1):
            base = round(proposal.value * SCALES[proposal.scale].factor, 6)
            if (fold(sentence.text), base) in cited:
                continue
            rows.append(_row(registry, sentence, index, proposal))
    return rows


def _row(registry: Registry, sentence: Sentence, index: int, proposal: Proposal) -> Row:
    match = _matching_indicator(registry, sentence.text, proposal)
    missing = []
    if proposal.figure_refusal:
        missing.append(proposal.figure_refusal)
    if proposal.target:
        missing.append("a target, not an observation: set it as the indicator's target in the Indicator tab")
    if proposal.period_refusal or not proposal.period:
        missing.append(f"period: {proposal.period_refusal or 'not stated'}")
    if proposal.unit_refusal or not proposal.reporting_unit:
        missing.append(f"reporting unit: {proposal.unit_refusal or 'not stated'}")
    new = {}
    value = proposal.value
    if match is None:
        name = _subject(sentence.text, proposal)
        new = {"id": slug(name, 50), "name_vi": name, "unit_vi": proposal.unit_vi, "kind": proposal.kind}
        new |= {"scale": proposal.scale, "sector": "", "name_en": "", "unit_en": ""}
        missing.append("a new indicator: its sector, English name and English unit")
    else:
        indicator = registry.indicators[match]
        value = proposal.value * SCALES[proposal.scale].factor / SCALES[indicator.scale].factor
        value = round(value, 9)
    return Row(f"{sentence.line}.{sentence.number}.{index}", sentence, proposal, match, new, value, tuple(missing))


def _words(text: str) -> set[str]:
    return {word for word in re.findall(r"\w+", fold(text).lower()) if word not in _STOP_WORDS and not word.isdigit()}


def _matching_indicator(registry: Registry, sentence: str, proposal: Proposal) -> str | None:
    """The existing indicator whose unit and kind are the figure's and whose name's words
    the sentence holds best (at least 60 % of them); None when none or two fit equally."""
    said = _words(sentence)
    scored = []
    for indicator in registry.indicators.values():
        if indicator.kind != proposal.kind or not _same_unit(indicator.kind, indicator.unit.vi, proposal.unit_vi):
            continue
        name = _words(indicator.name.vi)
        if name:
            scored.append((len(name & said) / len(name), indicator.id))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < 0.6 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def _same_unit(kind: str, indicator_unit: str, written: str) -> bool:
    """The figure's unit as written ('yêu cầu tra cứu', '%') is the indicator's ('yêu cầu',
    '% GDP'); ranks and levels are matched by name alone."""
    if kind in ("rank", "level"):
        return True
    ours, theirs = fold(indicator_unit).lower(), fold(written).lower()
    if theirs == "%" or ours.startswith("%"):
        return ours.startswith("%") and theirs.startswith("%")
    return bool(ours) and (theirs == ours or theirs.startswith(ours + " "))


def _subject(sentence: str, proposal: Proposal) -> str:
    """What the figure counts, as the sentence names it before its verb: a new indicator's name."""
    before = sentence[: sentence.find(proposal.text)] if proposal.text in sentence else sentence
    before = _OPENING_CLAUSE.sub("", before)
    verb = _VERB.search(" " + before)
    subject = (" " + before)[: verb.start()] if verb else before
    subject = subject.strip(" ,;:")
    return (subject[:1].upper() + subject[1:]) if subject else proposal.unit_vi or "Chỉ số mới"


def proposals_table(rows: list[Row]) -> list[dict]:
    """The rows as plain records for printing: figure, indicator, value, period, unit, evidence, missing."""
    return [
        {
            "row": row.key,
            "figure": row.proposal.text,
            "indicator": row.indicator_id or f"new: {row.new_indicator.get('id')}",
            "value": _plain(row.value),
            "period": row.proposal.period or "?",
            "reporting unit": row.proposal.reporting_unit or "?",
            "evidence": row.quote + (f" [context: {row.context}]" if row.context else ""),
            "missing": "; ".join(row.missing) or "-",
        }
        for row in rows
    ]


def ready(row: Row) -> Accepted | None:
    """The row accepted as proposed, when it needs no hint (an existing indicator, its
    period and reporting unit known); None otherwise."""
    if row.missing or row.indicator_id is None:
        return None
    return Accepted(row, row.proposal.period, row.proposal.reporting_unit, row.value, indicator_id=row.indicator_id)


def file_accepted(registry: Registry, source_id: str, accepted: list[Accepted], author: dict) -> list[dict]:
    """File the accepted rows: their observations added to each existing indicator's file,
    new indicators written with theirs; every file checked as `validate` would before any
    is written, then each saved under its lock, atomically, with one log entry.

    Returns the log entries written. Raises ReviewError listing every problem (nothing
    written then), and `editing.ConflictError` when a file changed during the save."""
    drafts, problems = _drafts(registry, source_id, accepted)
    for path, draft in drafts.items():
        _, found = check_text(registry, path, draft.text())
        problems += [str(problem) for problem in found if problem.is_error]
    if problems:
        raise ReviewError(problems)
    entries = []
    for path, draft in drafts.items():
        count = len(draft.data["observations"]) - (len(open_draft(path).data["observations"]) if draft.original else 0)
        summary = f"review: {count} figure(s) from {source_id}"
        entries.append(save_text(path, draft.text(), draft.base_digest, author, summary=summary))
    return entries


def _drafts(registry: Registry, source_id: str, accepted: list[Accepted]):
    grouped: dict[str, list[Accepted]] = defaultdict(list)
    problems: list[str] = []
    for item in accepted:
        key = item.indicator_id or (item.new_indicator.get("id") or "").strip()
        if not key:
            problems.append(
                f"row {item.row.key} ({item.row.proposal.text}): choose an indicator or give the new one an id"
            )
            continue
        grouped[key].append(item)
    drafts = {}
    for key, items in grouped.items():
        if key in registry.files:
            try:
                draft = open_draft(registry.files[key])
            except TextError as error:  # replaced since the load by a link leaving the data folder, a FIFO...
                problems.append(f"{registry.files[key].name}: {error} [{error.code}]")
                continue
            own_unit = str(draft.data.get("reporting_unit", "vn"))
        else:
            fields = items[0].new_indicator
            lacking = [name for name in NEW_INDICATOR_FIELDS if not str(fields.get(name) or "").strip()]
            if lacking:
                problems.append(f"new indicator {key}: {', '.join(lacking)} missing (row {items[0].row.key})")
                continue
            own_unit = items[0].reporting_unit
            draft = new_draft(DataLayout(registry.data_dir).registry, _indicator(fields, own_unit))
        for item in items:
            draft.data["observations"].append(_observation(item, source_id, own_unit))
        drafts[draft.path] = draft
    return drafts, problems


def _indicator(fields: dict, reporting_unit: str) -> dict:
    kind = fields.get("kind", "count")
    return {
        "id": fields["id"].strip(),
        "name": {"vi": fields["name_vi"].strip(), "en": fields["name_en"].strip()},
        "description": {"vi": fields["name_vi"].strip(), "en": fields["name_en"].strip()},
        "sector": fields["sector"],
        "reporting_unit": reporting_unit,
        "kind": kind,
        "unit": {"vi": fields["unit_vi"].strip(), "en": fields["unit_en"].strip()},
        "scale": fields.get("scale", "one"),
        "direction": "lower-is-better" if kind == "rank" else "higher-is-better",
        "observations": [],
    }


def _observation(item: Accepted, source_id: str, own_unit: str) -> dict:
    proposal = item.row.proposal
    corrected = replace(proposal, value=item.value, period=item.period, reporting_unit=item.reporting_unit)
    if item.period != proposal.period:
        corrected = replace(corrected, period_quote=None)  # the editor's own period: the context no longer applies
    return yaml_writer.yaml_value(corrected.observation(source_id, item.row.quote, own_unit))


def _plain(number: float) -> int | float:
    return int(number) if float(number).is_integer() else number
