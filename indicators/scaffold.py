"""`python -m indicators new`: write a valid indicator file (or observation)
from a sentence in a source, or fail saying what to add."""

from __future__ import annotations

from pathlib import Path

from indicators.edit_log import local_author
from indicators.editing import check_text, new_draft, open_draft, save_text
from indicators.paths import DataLayout
from indicators.proposals import Proposal, propose, sentences_containing
from indicators.registry import Registry

REQUIRED_FOR_NEW = ("id", "sector", "name_vi", "name_en", "unit_en")


class NewError(Exception):
    """The figure cannot be filed without guessing; the message says what to add."""


def scaffold(registry: Registry, arguments) -> tuple[Path, str]:
    """The file `python -m indicators new` writes, and its text.

    `arguments` are the command's options (argparse namespace): `source`, `find`
    (the figure as the source writes it) and optionally `line`, `pick`, `period`,
    `indicator` (add to an existing indicator), the new indicator's `id`,
    `sector`, `name_vi`, `name_en`, `unit_en`, `unit_vi`, descriptions and
    `geography`, and `dry_run`. The file is validated like `validate` would and
    saved (unless `dry_run`) through `indicators.editing.save_text`, the edit
    log recording the local OS user as its author.

    Raises NewError when the source, the sentence, the figure or the period is
    missing or ambiguous, or when the result would not validate."""
    source = registry.sources.get(arguments.source)
    if source is None:
        raise NewError(f"no source {arguments.source!r}; sources: {', '.join(sorted(registry.sources))}")
    sentence = _one_sentence(source, arguments)
    fallback = source.meta.published.isoformat() if source.meta.published else None
    proposal = _one_proposal(propose(sentence.text, arguments.find, fallback), arguments)
    period = arguments.period or proposal.period
    if not period:
        raise NewError("no period in the sentence and the source has no date; add --period 2024 (or 2024-H1, ...)")
    proposal = Proposal(**{**proposal.__dict__, "period": period})
    observation = proposal.observation(source.meta.id, sentence.text)
    if arguments.indicator:
        draft = _add_observation(registry, arguments.indicator, observation)
    else:
        draft = _new_indicator(registry, arguments, proposal, observation)
    text = draft.text()
    _, problems = check_text(registry, draft.path, text)
    if problems:
        raise NewError("the result would not validate:\n" + "\n".join(str(problem) for problem in problems))
    if not arguments.dry_run:
        summary = f"new: {arguments.find!r} from {source.meta.id}"
        save_text(draft.path, text, draft.base_digest, local_author(), summary=summary)
    return draft.path, text


def _one_sentence(source, arguments):
    sentences = sentences_containing(source, arguments.find)
    if arguments.line:
        sentences = [sentence for sentence in sentences if sentence.line == arguments.line]
    if not sentences:
        raise NewError(
            f"{arguments.find!r} is not in source {source.meta.id!r}{' on that line' if arguments.line else ''}"
        )
    if len(sentences) > 1:
        listed = "\n".join(f"  line {sentence.line}: {sentence.text}" for sentence in sentences)
        raise NewError(f"{arguments.find!r} is in {len(sentences)} sentences; pick one with --line N:\n{listed}")
    return sentences[0]


def _one_proposal(proposals: list[Proposal], arguments) -> Proposal:
    if not proposals:
        raise NewError(f"{arguments.find!r} holds no figure (dates, years and document numbers do not count)")
    if arguments.pick:
        if not 1 <= arguments.pick <= len(proposals):
            raise NewError(f"--pick must be between 1 and {len(proposals)}")
        return proposals[arguments.pick - 1]
    if len(proposals) > 1:
        listed = "\n".join(f"  {index}: {proposal.text}" for index, proposal in enumerate(proposals, start=1))
        raise NewError(f"{arguments.find!r} holds {len(proposals)} figures; pick one with --pick N:\n{listed}")
    return proposals[0]


def _add_observation(registry: Registry, indicator_id: str, observation: dict):
    if indicator_id not in registry.files:
        raise NewError(f"no indicator {indicator_id!r}; create it by leaving out --indicator")
    draft = open_draft(registry.files[indicator_id])
    for existing in draft.data["observations"]:
        if str(existing.get("period")) == observation["period"] and existing.get("source") == observation["source"]:
            raise NewError(
                f"{indicator_id} already has a {observation['period']} figure from this source; edit it instead"
            )
    draft.data["observations"].append(observation)
    return draft


def _new_indicator(registry: Registry, arguments, proposal: Proposal, observation: dict):
    missing = [f"--{name.replace('_', '-')}" for name in REQUIRED_FOR_NEW if not getattr(arguments, name)]
    if missing:
        raise NewError(
            f"found {proposal.text!r} ({proposal.kind}, scale {proposal.scale}, unit {proposal.unit_vi!r}, "
            f"period {observation['period']}); a new indicator also needs {' '.join(missing)}"
        )
    indicator = {
        "id": arguments.id,
        "name": {"vi": arguments.name_vi, "en": arguments.name_en},
        "description": {
            "vi": arguments.description_vi or arguments.name_vi,
            "en": arguments.description_en or arguments.name_en,
        },
        "sector": arguments.sector,
        "geography": arguments.geography,
        "kind": proposal.kind,
        "unit": {"vi": arguments.unit_vi or proposal.unit_vi or arguments.unit_en, "en": arguments.unit_en},
        "scale": proposal.scale,
        "direction": "lower-is-better" if proposal.kind == "rank" else "higher-is-better",
        "observations": [observation],
    }
    try:
        return new_draft(DataLayout(registry.data_dir).registry, indicator)
    except FileExistsError as error:
        raise NewError(f"{error}; use --indicator {arguments.id} to add an observation") from None
