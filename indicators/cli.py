"""`python -m indicators validate|export|list|show|new|schema|coverage|log verify`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from indicators import codes
from indicators.edit_log import verify
from indicators.exports import csv_bytes, export_frame, json_text, xlsx_bytes
from indicators.formatting import LANGUAGES, counted, plain_number
from indicators.loader import read_registry
from indicators.paths import SCHEMA_FILE, DataLayout, default_data_dir
from indicators.problems import display_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m indicators", description=__doc__)
    parser.add_argument("--data", type=Path, default=None, help="data folder (default: $INDICATORS_DATA or ./data)")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every file; exit 1 if any problem")
    validate.add_argument("--explain", metavar="CODE", help="say what a problem code means and how to fix it")
    export = commands.add_parser("export", help="one row per observation, as CSV, JSON or an Excel workbook")
    export.add_argument("--format", choices=["csv", "json", "xlsx", "site"], default="csv")
    export.add_argument(
        "--output",
        type=Path,
        help="write to this file instead of stdout (xlsx on a terminal needs it); for site, the folder to fill",
    )
    export.add_argument(
        "--site-url", default="", help="site: the dashboard's address, for the feeds' links (https://host/)"
    )
    export.add_argument("--bom", action="store_true", help="start the CSV with a UTF-8 byte-order mark, for Excel")
    export.add_argument("--language", choices=LANGUAGES, default="vi", help="of indicator_name and value_text")
    commands.add_parser("list", help="one line per indicator")
    show = commands.add_parser("show", help="an indicator with its observations and quotes")
    show.add_argument("indicator_id")
    new = commands.add_parser("new", help="a new indicator, observation or target from a sentence in a source")
    new.add_argument("--source", required=True, help="source id (a file in data/sources/)")
    new.add_argument("--find", required=True, help="text of the figure as the source writes it, e.g. '35 triệu'")
    new.add_argument("--indicator", help="add an observation to this existing indicator instead")
    new.add_argument("--target", action="store_true", help="file the figure as the indicator's target")
    new.add_argument("--line", help="pick the sentence on this line (N), or the S-th sentence of it (N:S)")
    new.add_argument("--pick", type=int, help="pick the N-th number (1-based) when the text holds several")
    new.add_argument("--period", help="the period, when the sentence does not say it (2024, 2024-H1, 2023-06-30, ...)")
    for option in ("id", "sector", "name-vi", "name-en", "unit-en", "unit-vi", "description-vi", "description-en"):
        new.add_argument(f"--{option}")
    new.add_argument("--reporting-unit", help="the unit the figure is about, when the sentence does not say it")
    new.add_argument("--dry-run", action="store_true", help="print the file instead of writing it")
    imported = commands.add_parser("import-source", help="add a source document (its text and metadata)")
    document = imported.add_mutually_exclusive_group()
    document.add_argument("--text", help="a UTF-8 text file holding the document (needs --title)")
    document.add_argument("--file", help="a PDF: its text (and tables) are read from it")
    imported.add_argument(
        "--url",
        help="alone: a web page to fetch, whose article text, title, publisher and date are read; "
        "with --text or --file: the address the publisher gives",
    )
    imported.add_argument("--title", help="the title (read from a page or a PDF when left out)")
    imported.add_argument("--publisher")
    imported.add_argument("--date", help="publication date, YYYY-MM-DD")
    imported.add_argument("--notes", help="what is inferred rather than stated (Vietnamese)")
    proposed = commands.add_parser("propose", help="every figure of a source not registered yet, as proposals")
    proposed.add_argument("source", help="a source id (data/sources/<id>.yaml)")
    proposed.add_argument("--apply", action="store_true", help="file the proposals that need no hint")
    schema = commands.add_parser("schema", help="write the JSON Schema of indicator files")
    schema.add_argument("--check", action="store_true", help="exit 1 if the committed schema is stale")
    coverage = commands.add_parser("coverage", help="numbers in the sources that no observation cites")
    coverage.add_argument("--all", action="store_true", help="list cited and waived numbers too")
    log = commands.add_parser("log", help="the edit log")
    log.add_subparsers(dest="log_command", required=True).add_parser(
        "verify", help="check the log's chain; exit 1 at the first entry changed, removed or reordered"
    )
    arguments = parser.parse_args(argv)
    _utf8_stdout()
    data_dir = arguments.data or default_data_dir()
    handler = {
        "validate": _validate,
        "export": _export,
        "list": _list,
        "show": _show,
        "coverage": _coverage,
        "new": _new,
        "import-source": _import_source,
        "propose": _propose,
        "schema": _schema,
        "log": _verify_log,
    }[arguments.command]
    return handler(data_dir, arguments)


def _utf8_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _validate(data_dir: Path, arguments) -> int:
    if arguments.explain:
        if arguments.explain not in codes.CATALOGUE:
            print(f"no problem code {arguments.explain!r}; codes: {', '.join(codes.CATALOGUE)}", file=sys.stderr)
            return 2
        print(codes.explain(arguments.explain))
        return 0
    registry = read_registry(data_dir)
    for problem in registry.problems:
        print(problem)
    errors = len(registry.errors)
    observations = registry.observation_count
    if errors:
        print(
            f"{counted(errors, 'error', 'errors')}; fix {'it' if errors == 1 else 'them'} and run again.",
            file=sys.stderr,
        )
        return 1
    print(
        f"ok: {len(registry.indicators)} indicators, {observations} observations, "
        f"{len(registry.sources)} sources; every quote is verbatim and states its value.",
        file=sys.stderr,
    )
    return 0


def _registry_or_exit(data_dir: Path):
    registry = read_registry(data_dir)
    if registry.errors:
        for problem in registry.errors:
            print(problem, file=sys.stderr)
        print("the registry has errors; run `python -m indicators validate`", file=sys.stderr)
        raise SystemExit(1)
    return registry


def _export(data_dir: Path, arguments) -> int:
    if arguments.bom and arguments.format != "csv":
        print("export: --bom applies to CSV only", file=sys.stderr)
        return 2
    if arguments.format == "xlsx" and arguments.output is None and sys.stdout.isatty():
        print("export: an Excel workbook is binary; give --output PATH or redirect stdout to a file", file=sys.stderr)
        return 2
    if arguments.format == "site":
        return _export_site(data_dir, arguments)
    frame = export_frame(_registry_or_exit(data_dir).observations_frame, arguments.language)
    if arguments.format == "csv":
        data = csv_bytes(frame, byte_order_mark=arguments.bom)
    elif arguments.format == "json":
        data = json_text(frame).encode("utf-8")
    else:
        data = xlsx_bytes(frame)
    if arguments.output is not None:
        arguments.output.write_bytes(data)
        print(f"wrote {len(frame)} observations to {arguments.output}", file=sys.stderr)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


def _export_site(data_dir: Path, arguments) -> int:
    from indicators.site import write_site

    if arguments.output is None:
        print("export: --format site needs --output DIR, the folder to write the files to", file=sys.stderr)
        return 2
    site_url = arguments.site_url
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    files_url = f"{site_url}app/static/data/" if site_url else ""
    package = write_site(_registry_or_exit(data_dir), arguments.output, site_url, files_url)
    print(
        f"wrote {len(package['resources'])} tables, their JSON, datapackage.json and 2 feeds to {arguments.output}",
        file=sys.stderr,
    )
    return 0


def _list(data_dir: Path, arguments) -> int:
    registry = _registry_or_exit(data_dir)
    for indicator in registry.indicators.values():
        print(
            f"{indicator.id}\t{indicator.sector}\t{indicator.reporting_unit}\t{len(registry.rows[indicator.id]['value'])}\t{indicator.name.en}"
        )
    return 0


def _show(data_dir: Path, arguments) -> int:
    registry = _registry_or_exit(data_dir)
    indicator = registry.indicators.get(arguments.indicator_id)
    if indicator is None:
        print(f"no indicator {arguments.indicator_id!r}; see `python -m indicators list`", file=sys.stderr)
        return 2
    print(f"{indicator.id}: {indicator.name.vi} / {indicator.name.en}")
    print(f"sector {indicator.sector}, reporting unit {indicator.reporting_unit}, kind {indicator.kind}")
    for observation in registry.observations(indicator.id):
        out_of = f"/{plain_number(observation.out_of)}" if observation.out_of is not None else ""
        print(f"\n  {observation.period}: {plain_number(observation.value)}{out_of}  [{observation.source}]")
        print(f"    “{observation.quote}”")
    return 0


def _coverage(data_dir: Path, arguments) -> int:
    from indicators.coverage import coverage_report

    registry = _registry_or_exit(data_dir)
    claims, problems = coverage_report(registry)
    for problem in problems:
        print(problem)
    for claim in claims:
        if claim.status == "uncited" or arguments.all:
            path = display_path(registry.sources[claim.source_id].path)
            detail = ", ".join(claim.cited_by) if claim.cited_by else (claim.reason or "neither cited nor waived")
            print(f"{path}:{claim.line}:{claim.column}: {claim.status}: '{claim.text}' ({detail}) — {claim.sentence}")
    counts = {status: sum(claim.status == status for claim in claims) for status in ("cited", "waived", "uncited")}
    print(
        f"{len(claims)} numeric claims: {counts['cited']} cited, {counts['waived']} waived, {counts['uncited']} uncited",
        file=sys.stderr,
    )
    return 1 if counts["uncited"] or any(problem.is_error for problem in problems) else 0


def _schema(data_dir: Path, arguments) -> int:
    from indicators.schema import schema_text

    text = schema_text()
    if arguments.check:
        current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
        if current != text:
            print(f"{display_path(SCHEMA_FILE)} is stale; run `python -m indicators schema`", file=sys.stderr)
            return 1
        return 0
    SCHEMA_FILE.parent.mkdir(exist_ok=True)
    SCHEMA_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {display_path(SCHEMA_FILE)}", file=sys.stderr)
    return 0


def _new(data_dir: Path, arguments) -> int:
    from indicators.scaffold import NewError, scaffold

    registry = _registry_or_exit(data_dir)
    warnings: list[str] = []
    try:
        path, text, proposal = scaffold(registry, arguments, warnings)
    except NewError as error:
        print(f"new: {error}", file=sys.stderr)
        return 2
    for warning in warnings:
        print(f"new: {warning}", file=sys.stderr)
    how = "given with --period" if proposal.period_from == "hint" else proposal.explained()
    print(
        f"new: {proposal.text!r}: value {plain_number(proposal.value)} ({proposal.scale}), period {proposal.period} {how}, "
        f"reporting unit {proposal.reporting_unit}" + (", a target" if proposal.target else ""),
        file=sys.stderr,
    )
    if arguments.dry_run:
        sys.stdout.write(text)
    else:
        print(f"wrote {display_path(path)}; `python -m indicators validate` accepts it", file=sys.stderr)
    return 0


def _import_source(data_dir: Path, arguments) -> int:
    from indicators.scaffold import import_source_file
    from indicators.source_import import SourceImportError

    try:
        meta, document = import_source_file(data_dir, arguments)
    except (SourceImportError, ValueError) as error:
        print(f"import-source: {error}", file=sys.stderr)
        return 2
    published = meta.published.isoformat() if meta.published else "no date found"
    print(f"imported {meta.id}: {meta.title!r}, {meta.publisher or 'no publisher found'}, {published}", file=sys.stderr)
    if document is not None and document.tables:
        print(
            f"{len(document.tables)} table(s) read but not written: the registry does not read table sources yet",
            file=sys.stderr,
        )
    print(f"`python -m indicators propose {meta.id}` lists its figures", file=sys.stderr)
    return 0


def _propose(data_dir: Path, arguments) -> int:
    from indicators.edit_log import local_author
    from indicators.editing import ConflictError
    from indicators.review import ReviewError, file_accepted, proposals_table, ready, review_rows

    registry = read_registry(data_dir)
    if arguments.source not in registry.sources:
        print(f"propose: no source {arguments.source!r}", file=sys.stderr)
        return 2
    rows = review_rows(registry, arguments.source)
    records = proposals_table(rows)
    if records:
        columns = list(records[0])
        widths = {column: min(60, max(len(column), *(len(str(r[column])) for r in records))) for column in columns}
        print("  ".join(column.ljust(widths[column]) for column in columns).rstrip())
        for record in records:
            cells = (_cut(str(record[column]), widths[column]).ljust(widths[column]) for column in columns)
            print("  ".join(cells).rstrip())
    accepted = [item for item in map(ready, rows) if item is not None]
    print(f"{len(rows)} figure(s) not registered; {len(accepted)} need no hint", file=sys.stderr)
    if not arguments.apply or not accepted:
        return 0
    try:
        entries = file_accepted(registry, arguments.source, accepted, local_author())
    except (ReviewError, ConflictError) as error:
        print(f"propose --apply: {error}", file=sys.stderr)
        return 1
    files = ", ".join(entry["file"] for entry in entries)
    print(f"filed {len(accepted)} figure(s) in {len(entries)} file(s): {files}", file=sys.stderr)
    return 0


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _verify_log(data_dir: Path, arguments) -> int:
    check = verify(DataLayout(data_dir).edit_log)
    for problem in check.problems:
        print(problem)
    if not check.ok:
        print(f"the edit log is broken at line {check.broken_at.line}.", file=sys.stderr)
        return 1
    head = f"; last line {check.head}" if check.head else ""
    print(f"ok: {check.entries} entries, the chain is intact{head}.", file=sys.stderr)
    return 0
