"""`python -m indicators new`: write a valid indicator file, observation or target from a
sentence in a source, or refuse saying what to add; and `import-source`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from indicators.duplicates import registered_figure
from indicators.edit_log import local_author
from indicators.editing import check_text, new_draft, open_draft, save_text
from indicators.files import MAX_SOURCE_TEXT_BYTES, TextError, decode_text
from indicators.paths import DataLayout
from indicators.problems import display_path
from indicators.proposals import Proposal, Sentence, propose, sentences_containing, target_year
from indicators.registry import Registry
from indicators.source_import import SourceImportError, import_document, import_source, import_table_source
from indicators.tables.scaffold import TableScaffoldError, cell_figures, kind_of, observation
from indicators.text import fold
from indicators.vocabulary import SCALES

REQUIRED_FOR_NEW = ("id", "sector", "name_vi", "name_en", "unit_en")
TABLE_OPTIONS = (
    "row",
    "column",
    "period",
    "reporting_unit",
    "indicator",
    *REQUIRED_FOR_NEW,
    "unit_vi",
    "description_vi",
    "description_en",
    "dry_run",
)


class NewError(Exception):
    """The figure cannot be filed without guessing; the message says what to add."""


def scaffold(registry: Registry, arguments, warnings: list[str] | None = None) -> tuple[Path, str, Proposal]:
    """The file `python -m indicators new` writes, its text, and the proposal it came from.

    `arguments` are the command's options (argparse namespace): `source`, `find` (the
    figure as the source writes it) and optionally `line` ("19", or "19:2" for the second
    sentence of line 19), `pick`, the hints `period` and `reporting_unit`, `indicator`
    (add to an existing indicator), `target` (file the figure as that indicator's
    target), the new indicator's `id`, `sector`, `name_vi`, `name_en`, `unit_en`,
    `unit_vi` and descriptions, and `dry_run`. The file is validated like `validate`
    would and saved (unless `dry_run`) through `indicators.editing.save_text`, the edit log
    recording the local OS user as its author. When other figures of the sentence are
    already registered, a sentence naming their indicators goes to `warnings`.

    Raises NewError when the source, the sentence or the figure is missing or
    ambiguous, when the sentence does not say the period or the reporting unit (the
    message names the hint to add), when an indicator already cites the figure, or when
    the result would not validate."""
    if getattr(arguments, "table", None):
        return scaffold_table(registry, arguments)
    if not arguments.source or not arguments.find:
        raise NewError("give --source and --find (a figure in a text), or --table with --row and/or --column")
    source = registry.sources.get(arguments.source)
    if source is None:
        raise NewError(f"no source {arguments.source!r}; sources: {', '.join(sorted(registry.sources))}")
    sentence = _one_sentence(source, arguments)
    proposal = _settled(_one_proposal(propose(source, sentence, arguments.find, registry.units), arguments), arguments)
    if not (proposal.target or arguments.target):
        note = _already_registered(registry, source.meta.id, sentence, proposal, arguments.indicator)
        if note and warnings is not None:
            warnings.append(note)
    if proposal.target or arguments.target:
        draft = _add_target(registry, arguments, proposal, source.meta.id, sentence.text)
    elif arguments.indicator:
        draft = _add_observation(registry, arguments.indicator, proposal, source.meta.id, sentence.text)
    else:
        draft = _new_indicator(registry, arguments, proposal, source.meta.id, sentence.text)
    text = draft.text()
    _, problems = check_text(registry, draft.path, text)
    if [problem for problem in problems if problem.is_error]:
        raise NewError("the result would not validate:\n" + "\n".join(str(problem) for problem in problems))
    if not arguments.dry_run:
        summary = f"new: {arguments.find!r} from {source.meta.id}"
        save_text(draft.path, text, draft.base_digest, local_author(), summary=summary)
    return draft.path, text, proposal


def _already_registered(
    registry: Registry, source_id: str, sentence: Sentence, proposal: Proposal, indicator_id: str | None
) -> str | None:
    """Raises NewError when an indicator already cites the figure; a warning naming the
    indicators that cite other figures of the sentence, else None."""
    amount = proposal.value * SCALES[proposal.scale].factor
    same, others = registered_figure(registry, source_id, sentence.text, amount, proposal.out_of)
    if same:
        listed = ", ".join(f"{other} ({display_path(registry.files[other])})" for other in same)
        raise NewError(
            f"{proposal.text!r} on line {sentence.line} is already registered: {listed}; one figure is one "
            f"observation. To add another figure of the source to that indicator, use --indicator {same[0]}"
        )
    others = [other for other in others if other != indicator_id]
    if not others:
        return None
    listed = ", ".join(others)
    return (
        f"warning: other figures of this sentence (line {sentence.line}) are registered under {listed}; "
        f"if '{proposal.text}' belongs with them, use --indicator {others[0]} instead"
    )


def _settled(proposal: Proposal, arguments) -> Proposal:
    """The proposal with the hints given applied, or NewError with what is still unknown."""
    if arguments.period:
        proposal = replace(
            proposal, period=arguments.period, period_from="hint", period_quote=None, period_refusal=None
        )
    if arguments.reporting_unit:
        proposal = replace(proposal, reporting_unit=arguments.reporting_unit, unit_refusal=None)
    if proposal.refusal:
        raise NewError(f"{proposal.text!r}: {proposal.refusal}")
    return proposal


def _one_sentence(source, arguments) -> Sentence:
    found = sentences_containing(source, arguments.find)
    line, number = _line_and_sentence(arguments.line)
    if line is not None:
        found = [sentence for sentence in found if sentence.line == line and number in (None, sentence.number)]
    if not found:
        where = f" on line {arguments.line}" if arguments.line else ""
        raise NewError(f"{arguments.find!r} is not in source {source.meta.id!r}{where}")
    if len(found) > 1:
        listed = "\n".join(f"  --line {sentence.line}:{sentence.number}  {sentence.text}" for sentence in found)
        raise NewError(f"{arguments.find!r} is in {len(found)} sentences; pick one with --line N (or N:S):\n{listed}")
    return found[0]


def _line_and_sentence(text: str | None) -> tuple[int | None, int | None]:
    """'19' -> (19, None); '19:2' -> (19, 2). Raises NewError for anything else."""
    if not text:
        return None, None
    line, _, number = str(text).partition(":")
    if not line.isdecimal() or (number and not number.isdecimal()):
        raise NewError(f"--line takes a line number, or LINE:SENTENCE (19:2); got {text!r}")
    return int(line), int(number) if number else None


def _one_proposal(proposals: list[Proposal], arguments) -> Proposal:
    if not proposals:
        raise NewError(f"{arguments.find!r} holds no figure (dates, years and document numbers do not count)")
    if arguments.pick:
        if not 1 <= arguments.pick <= len(proposals):
            raise NewError(f"--pick must be between 1 and {len(proposals)}")
        return proposals[arguments.pick - 1]
    exact = [proposal for proposal in proposals if proposal.text == fold(arguments.find)]
    if len(exact) == 1:
        return exact[0]
    if len(proposals) > 1:
        listed = "\n".join(f"  {index}: {proposal.text}" for index, proposal in enumerate(proposals, start=1))
        raise NewError(f"{arguments.find!r} holds {len(proposals)} figures; pick one with --pick N:\n{listed}")
    return proposals[0]


def _add_observation(registry: Registry, indicator_id: str, proposal: Proposal, source_id: str, quote: str):
    if indicator_id not in registry.files:
        raise NewError(f"no indicator {indicator_id!r}; create it by leaving out --indicator")
    draft = open_draft(registry.files[indicator_id])
    own_unit = str(draft.data.get("reporting_unit", "vn"))
    observation = proposal.observation(source_id, quote, own_unit)
    for existing in draft.data["observations"]:
        same = (str(existing.get("period")), existing.get("source"), existing.get("reporting_unit", own_unit))
        if same == (observation["period"], source_id, observation.get("reporting_unit", own_unit)):
            raise NewError(
                f"{indicator_id} already has a {observation['period']} figure from this source; edit it instead"
            )
    draft.data["observations"].append(observation)
    return draft


def _add_target(registry: Registry, arguments, proposal: Proposal, source_id: str, quote: str):
    if not arguments.indicator:
        raise NewError(
            f"{proposal.text!r} is a target ('mục tiêu'); add it to an indicator with --indicator ID --target"
        )
    if arguments.indicator not in registry.files:
        raise NewError(f"no indicator {arguments.indicator!r}")
    draft = open_draft(registry.files[arguments.indicator])
    target = {"value": proposal.observation(source_id, quote)["value"], "year": target_year(proposal.period)}
    target |= {"source": source_id, "quote": quote}
    if proposal.period_quote:
        target["period_quote"] = proposal.period_quote
    draft.data["target"] = target
    return draft


def _new_indicator(registry: Registry, arguments, proposal: Proposal, source_id: str, quote: str):
    missing = [f"--{name.replace('_', '-')}" for name in REQUIRED_FOR_NEW if not getattr(arguments, name)]
    if missing:
        raise NewError(
            f"found {proposal.text!r} ({proposal.kind}, scale {proposal.scale}, unit {proposal.unit_vi!r}, "
            f"period {proposal.period}, reporting unit {proposal.reporting_unit}); a new indicator also needs "
            + " ".join(missing)
        )
    unit = proposal.reporting_unit or "vn"
    indicator = {
        "id": arguments.id,
        "name": {"vi": arguments.name_vi, "en": arguments.name_en},
        "description": {
            "vi": arguments.description_vi or arguments.name_vi,
            "en": arguments.description_en or arguments.name_en,
        },
        "sector": arguments.sector,
        "reporting_unit": unit,
        "kind": proposal.kind,
        "unit": {"vi": arguments.unit_vi or proposal.unit_vi or arguments.unit_en, "en": arguments.unit_en},
        "scale": proposal.scale,
        "direction": "lower-is-better" if proposal.kind == "rank" else "higher-is-better",
        "observations": [proposal.observation(source_id, quote, unit)],
    }
    if proposal.out_of is not None and proposal.kind not in ("rank", "level"):
        raise NewError(f"{proposal.text!r} is a fraction; say what it is with a rank or level indicator (--indicator)")
    try:
        return new_draft(DataLayout(registry.data_dir).registry, indicator)
    except FileExistsError as error:
        raise NewError(f"{error}; use --indicator {arguments.id} to add an observation") from None


def table_request(source_id: str, **options) -> SimpleNamespace:
    """The options of `new --table SOURCE` as `scaffold_table` reads them, for a caller
    that is not the command line (the editor's import tab): `row`, `column`, `period`,
    `reporting_unit`, `indicator`, or a new indicator's `id`, `sector`, `name_vi`,
    `name_en`, `unit_vi`, `unit_en`, `description_vi`, `description_en`; `dry_run`.
    Raises TypeError for an option `new --table` does not have."""
    unknown = set(options) - set(TABLE_OPTIONS)
    if unknown:
        raise TypeError(f"not an option of new --table: {', '.join(sorted(unknown))}")
    return SimpleNamespace(table=source_id, **(dict.fromkeys(TABLE_OPTIONS) | {"dry_run": False} | options))


def scaffold_table(registry: Registry, arguments, author: dict | None = None) -> tuple[Path, str, list]:
    """`new --table SOURCE --row R --column C` (or only --row, or only --column): the file
    with an observation per numeric cell, its text, and the figures (see
    `indicators.tables.scaffold`). Added to `--indicator`, or a new indicator from the
    same options as `new`; saved (unless `dry_run`) and logged with `author` (the local
    user when None). Raises NewError as `scaffold` does, ConflictError or filelock's
    Timeout as `save_text` does."""
    source = registry.sources.get(arguments.table)
    if source is None or source.table is None:
        tables = ", ".join(sorted(key for key, found in registry.sources.items() if found.table is not None))
        raise NewError(f"no table source {arguments.table!r}; table sources: {tables}")
    try:
        figures, skipped = cell_figures(
            source, registry.units, arguments.row, arguments.column, arguments.period, arguments.reporting_unit
        )
    except TableScaffoldError as error:
        raise NewError(str(error)) from None
    if arguments.indicator:
        if arguments.indicator not in registry.files:
            raise NewError(f"no indicator {arguments.indicator!r}; create it by leaving out --indicator")
        draft = open_draft(registry.files[arguments.indicator])
        info = registry.indicators[arguments.indicator]
        own_unit, scale = info.reporting_unit, info.scale_factor
    else:
        missing = [f"--{name.replace('_', '-')}" for name in REQUIRED_FOR_NEW if not getattr(arguments, name)]
        if missing:
            raise NewError(f"{len(figures)} cell(s) found; a new indicator also needs " + " ".join(missing))
        units = {figure.reporting_unit for figure in figures}
        own_unit = units.pop() if len(units) == 1 else "vn"
        kind = kind_of(figures[0])
        indicator = {
            "id": arguments.id,
            "name": {"vi": arguments.name_vi, "en": arguments.name_en},
            "description": {
                "vi": arguments.description_vi or arguments.name_vi,
                "en": arguments.description_en or arguments.name_en,
            },
            "sector": arguments.sector,
            "reporting_unit": own_unit,
            "kind": kind,
            "unit": {"vi": arguments.unit_vi or arguments.unit_en, "en": arguments.unit_en},
            "scale": figures[0].scale,
            "direction": "lower-is-better" if kind == "rank" else "higher-is-better",
            "observations": [],
        }
        scale = SCALES[figures[0].scale].factor
        try:
            draft = new_draft(DataLayout(registry.data_dir).registry, indicator)
        except FileExistsError as error:
            raise NewError(f"{error}; use --indicator {arguments.id} to add observations") from None
    existing = {
        (str(o.get("source")), str((o.get("cell") or {}).get("row")), str((o.get("cell") or {}).get("column")))
        for o in draft.data["observations"]
    }
    for figure in figures:
        if (source.meta.id, figure.row, figure.column) in existing:
            raise NewError(f"the cell {figure.row!r} × {figure.column!r} is already cited; edit it instead")
        draft.data["observations"].append(observation(figure, source.meta.id, own_unit, scale))
    text = draft.text()
    _, problems = check_text(registry, draft.path, text)
    if [problem for problem in problems if problem.is_error]:
        raise NewError("the result would not validate:\n" + "\n".join(str(problem) for problem in problems))
    if not arguments.dry_run:
        summary = f"new: {len(figures)} cell(s) of {source.meta.id}" + (f" ({len(skipped)} skipped)" if skipped else "")
        save_text(draft.path, text, draft.base_digest, author or local_author(), summary=summary)
    return draft.path, text, figures


def import_source_file(data_dir: Path, arguments):
    """`python -m indicators import-source`: write a source's text and metadata from a UTF-8
    text file (`--text`, with `--title`), a web page (`--url` alone) or a PDF (`--file`); with a
    file, `--url` is the address the publisher gives.
    Returns the source's metadata and the document read (None for a text file). Raises
    SourceImportError with the reason (unreadable or oversized file, not UTF-8, a page or
    PDF that cannot be read, invalid metadata, an id that exists); nothing is written then.
    With `--table`, a .csv or .xlsx table (see `indicators.source_import.import_table_source`)."""
    if getattr(arguments, "table", None):
        return _import_table_file(data_dir, arguments), None
    published = date.fromisoformat(arguments.date) if arguments.date else None
    if not (arguments.text or arguments.file or arguments.url):
        raise SourceImportError(
            "give the document: --url ADDRESS, --file REPORT.pdf, --text FILE.txt or --table TABLE.csv|xlsx"
        )
    if arguments.file or not arguments.text:
        if arguments.file:
            document = read_document(path=Path(arguments.file))
            document = replace(document, url=arguments.url) if arguments.url else document
        else:
            document = read_document(url=arguments.url)
        meta = import_document(
            DataLayout(data_dir),
            document,
            local_author(),
            title=arguments.title,
            publisher=arguments.publisher,
            published=published,
            notes=arguments.notes,
        )
        return meta, document
    if not arguments.title:
        raise SourceImportError("--text needs --title (a page or a PDF gives its own)")
    try:
        raw = Path(arguments.text).read_bytes()
    except OSError as error:
        raise SourceImportError(f"cannot read {arguments.text}: {error.strerror}") from None
    try:
        text, _ = decode_text(raw, MAX_SOURCE_TEXT_BYTES)
    except TextError as error:
        raise SourceImportError(str(error)) from None
    meta = import_source(
        DataLayout(data_dir),
        arguments.title,
        text.replace("\r\n", "\n"),
        arguments.publisher,
        published,
        arguments.url,
        local_author(),
        notes=arguments.notes,
        origin=f"imported from {Path(arguments.text).name}",
    )
    return meta, None


def read_document(url: str | None = None, path: Path | None = None):
    """The document at a web address or in a PDF file, read but not written
    (`source_import.ExtractedDocument`). Raises SourceImportError."""
    if url:
        from indicators.web_import import fetch_page, read_page

        raw, charset = fetch_page(url)
        return read_page(raw, url, charset)
    from indicators.pdf_import import read_pdf_file

    return read_pdf_file(path)


def _import_table_file(data_dir: Path, arguments):
    if not arguments.title:
        raise SourceImportError("--table needs --title (the publication's title)")
    path = Path(arguments.table)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceImportError(f"cannot read {path}: {error.strerror}") from None
    table = {"title": arguments.table_title, "number": arguments.table_number, "page": arguments.page}
    table["sheet"] = arguments.sheet
    return import_table_source(
        DataLayout(data_dir),
        arguments.title,
        raw,
        path.suffix,
        table,
        arguments.publisher,
        date.fromisoformat(arguments.date) if arguments.date else None,
        arguments.url,
        local_author(),
        notes=arguments.notes,
        origin=f"imported from {path.name}",
        file_name=path.name,
    )
