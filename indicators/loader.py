"""Files -> Registry. Collects every problem; never stops at the first."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pydantic import ValidationError

from indicators.cache import ValidationCache
from indicators.checks import IndicatorChecker
from indicators.codes import CATALOGUE
from indicators.duplicates import figures_cited_twice
from indicators.files import MAX_SOURCE_TEXT_BYTES, MAX_YAML_BYTES, TextError, check_data_file, read_text
from indicators.models import OBSERVATION_DEFAULTS, PLAIN_OBSERVATIONS, Indicator, IndicatorInfo, Source, Taxonomy
from indicators.paths import DataLayout, default_data_dir
from indicators.problems import Problem, display_path
from indicators.registry import FileResult, Registry, Rows, SourceDocument, rows_from_fields, rows_of
from indicators.reporting_units import read_catalogue
from indicators.stamps import file_stamp
from indicators.tables.sheets import TABLE_SUFFIXES, read_table
from indicators.yaml_reader import fast_parse, parse_yaml, read_yaml, validate_document


def read_registry(
    data_dir: Path | str | None = None,
    max_bytes: int = MAX_YAML_BYTES,
    workers: int | None = None,
    cache: bool = False,
) -> Registry:
    """Everything that could be read, with every problem found. Never raises.

    `data_dir`: a data folder (see `indicators.paths`), default `$INDICATORS_DATA`
    or the project's `data/`. `max_bytes`: the size limit of each YAML file.
    Indicator files are read in `workers` processes (default: one per CPU) once
    there are enough of them to be worth it. `cache` reuses the validation of
    files unchanged since an earlier load (see `indicators.cache`)."""
    data = DataLayout(Path(data_dir) if data_dir is not None else default_data_dir())
    problems: list[Problem] = []
    if not data.root.is_dir():
        message = "data folder does not exist or is not a folder"
        problems.append(Problem(display_path(data.root), 1, 1, "-", message, "registry-missing"))
        return Registry(data.root, None, {}, {}, {}, {}, problems, None)
    with _collector_paused():
        taxonomy = _read_taxonomy(data, problems)
        units = read_catalogue(data.reporting_units, problems) if data.reporting_units.is_dir() else None
        if units is None:
            message = "the reporting-units folder is missing; copy data/reporting-units/ into the data folder"
            problems.append(Problem(display_path(data.reporting_units), 1, 1, "-", message, "registry-missing"))
        sources = _read_sources(data, problems)
        checker = IndicatorChecker.for_taxonomy(taxonomy, units, sources)
        paths = _indicator_paths(data.registry, problems)
        stored = ValidationCache(data.root) if cache else None
        results = _read_with_cache(paths, checker, max_bytes, workers or os.cpu_count() or 1, stored)
        indicators, rows, files = _assemble(paths, results, problems)
        problems.extend(_cited_twice(stored, indicators, rows, files, sources))
        if stored is not None:
            stored.write()
    problems.sort(key=lambda problem: (problem.path, problem.line, problem.column))
    return Registry(data.root, taxonomy, sources, indicators, rows, files, problems, units)


def load_registry(data_dir: Path | str | None = None) -> Registry:
    """The registry, or RegistryError carrying every problem."""
    registry = read_registry(data_dir)
    registry.raise_for_errors()
    return registry


@contextlib.contextmanager
def _collector_paused():
    """Python's cycle collector off while a registry loads (worker processes inherit it).

    A load allocates millions of objects that all stay alive; each full collection
    scans every one of them again, and there are more of them the larger the
    registry (measured: 5 full collections and about a quarter of the time at 1M
    observations). A collection right after a load frees nothing, so the pause
    costs no memory."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_taxonomy(data: DataLayout, problems: list[Problem]) -> Taxonomy | None:
    path = data.taxonomy
    if not path.exists() and not path.is_symlink():
        problems.append(Problem(display_path(path), 1, 1, "-", "taxonomy file is missing", "file-missing"))
        return None
    document = read_yaml(path, problems, root=data.root)
    return None if document is None else validate_document(Taxonomy, document, problems)


def _read_sources(data: DataLayout, problems: list[Problem]) -> dict[str, SourceDocument]:
    folder = data.sources
    if not folder.is_dir():
        problems.append(Problem(display_path(folder), 1, 1, "-", "sources folder does not exist", "registry-missing"))
        return {}
    sources: dict[str, SourceDocument] = {}
    for meta_path in sorted(folder.glob("*.yaml")):
        source = _read_source(meta_path, problems, data.root)
        if source is not None:
            sources[source.meta.id] = source
    return sources


def _read_source(meta_path: Path, problems: list[Problem], root: Path) -> SourceDocument | None:
    """One source: its metadata file (read once; the fast reader first) and its text."""
    text = read_text(meta_path, problems, root=root)
    if text is None:
        return None
    meta, document = _validated_fast(Source, text), None
    if meta is None:
        document = parse_yaml(meta_path, text, problems)
        meta = None if document is None else validate_document(Source, document, problems)
        if meta is None:
            return None
    if meta.id != meta_path.stem:
        document = document or parse_yaml(meta_path, text, [])
        line, column = document.position(("id",)) if document else (1, 1)
        message = f"id {meta.id!r} must equal the file name {meta_path.stem!r}"
        problems.append(Problem(display_path(meta_path), line, column, "id", message, "id-mismatch"))
        return None
    table_path = next((path for path in map(meta_path.with_suffix, TABLE_SUFFIXES) if path.is_file()), None)
    if table_path is not None:
        try:
            check_data_file(table_path, root)
        except TextError as error:
            problems.append(Problem(display_path(table_path), error.line, error.column, "-", str(error), error.code))
            return None
        table = read_table(table_path, meta.table.sheet if meta.table else None, problems)
        return None if table is None else SourceDocument(meta, "", table_path, table)
    text_path = meta_path.with_suffix(".txt")
    if not text_path.exists() and not text_path.is_symlink():
        message = f"the source text {text_path.name} (or a table, {meta_path.stem}.csv or .xlsx) is missing"
        problems.append(Problem(display_path(meta_path), 1, 1, "-", message, "file-missing"))
        return None
    source_text = read_text(text_path, problems, MAX_SOURCE_TEXT_BYTES, root=root)
    return None if source_text is None else SourceDocument(meta, source_text, text_path)


def _validated_fast(model, text: str):
    """The model from the fast reader when it reads the text and the data is valid;
    else None for the careful path."""
    data = fast_parse(text)
    if not isinstance(data, dict):
        return None
    try:
        return model.model_validate(data)
    except ValidationError:
        return None


def _indicator_paths(folder: Path, problems: list[Problem]) -> list[Path]:
    """The registry's `.yaml` files, sorted; other names and links leading outside are reported."""
    if not folder.is_dir():
        problems.append(Problem(display_path(folder), 1, 1, "-", "registry folder does not exist", "registry-missing"))
        return []
    try:
        names = sorted(folder.iterdir())
    except OSError as error:
        message = f"cannot list folder: {error.strerror}"
        problems.append(Problem(display_path(folder), 1, 1, "-", message, "file-unreadable"))
        return []
    paths = []
    for path in names:
        if path.suffix == ".yml":
            problems.append(Problem(display_path(path), 1, 1, "-", "registry files must end in .yaml", "file-name"))
        elif path.suffix == ".yaml":
            paths.append(path)
    return paths


def _read_indicator(path: Path, checker: IndicatorChecker, max_bytes: int) -> FileResult:
    """Plain files that validate cleanly take the fast path; anything else is
    read again on the careful path, which knows every line and column."""
    problems: list[Problem] = []
    text = read_text(path, problems, max_bytes, root=path.parent.parent)
    if text is None:
        return None, None, problems
    data = fast_parse(text)
    if isinstance(data, dict):
        accepted = _quick_accept(path, data, checker)
        if accepted is not None:
            return *accepted, problems
    document = parse_yaml(path, text, problems)
    indicator = None if document is None else validate_document(Indicator, document, problems)
    if indicator is None:
        return None, None, problems
    found, bad = checker.check(indicator, document)
    kept = [observation for index, observation in enumerate(indicator.observations) if index not in bad]
    return indicator.info(), rows_of(kept), problems + found


def _quick_accept(path: Path, data: dict, checker: IndicatorChecker) -> tuple[IndicatorInfo, Rows] | None:
    """The indicator and its rows when the file is valid and passes every check;
    None sends it to the careful path, which finds and places the problems."""
    fields = {key: value for key, value in data.items() if key != "observations"}
    try:
        indicator = IndicatorInfo.model_validate(fields)
        plain = PLAIN_OBSERVATIONS.validate_python(data.get("observations"))
    except ValidationError:
        return None
    observations = [{**OBSERVATION_DEFAULTS, **row} for row in plain]
    if not checker.accepts(indicator, observations, path.stem):
        return None
    return indicator, rows_from_fields(observations)


def _read_with_cache(paths, checker, max_bytes, workers, cache: ValidationCache | None) -> list[FileResult]:
    """Results for every path: from the cache when current, read (and put in the cache) otherwise."""
    if cache is None:
        return _read_all(paths, checker, max_bytes, workers)
    stamps = [file_stamp(path) for path in paths]  # before any read (see `ValidationCache.put`)
    results = [cache.get(path, stamp) for path, stamp in zip(paths, stamps, strict=True)]
    stale = [index for index, result in enumerate(results) if result is None]
    fresh = _read_all([paths[index] for index in stale], checker, max_bytes, workers)
    for index, result in zip(stale, fresh, strict=True):
        cache.put(paths[index], stamps[index], *result)
        results[index] = result
    cache.keep_only({path.name for path in paths})
    return results


def _cited_twice(cache: ValidationCache | None, indicators, rows, files, sources) -> list[Problem]:
    """`figures_cited_twice` of the registry; from the cache when no file changed since it was
    found (it reads only the files and the sources, which the cache's context covers)."""
    if cache is not None and not cache.changed and cache.cited_twice is not None:
        return cache.cited_twice
    found = figures_cited_twice(indicators, rows, files, sources)
    if cache is not None:
        cache.keep_cited_twice(found)
    return found


_WORKER_CHECKER: IndicatorChecker | None = None
PARALLEL_MIN_FILES = 200


def _read_all(paths: list[Path], checker: IndicatorChecker, max_bytes: int, workers: int) -> list[FileResult]:
    """Read every file, in `workers` forked processes when there are enough files to pay for starting them."""
    if workers <= 1 or len(paths) < PARALLEL_MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return [_read_indicator(path, checker, max_bytes) for path in paths]
    for source in checker.sources.values():
        _ = source.sentences  # split once, before the fork: the workers and the registry's later checks share them
    global _WORKER_CHECKER
    _WORKER_CHECKER = checker  # inherited by forked workers, not pickled
    try:
        chunk = max(1, len(paths) // (workers * 4))
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_read_in_worker, paths, [max_bytes] * len(paths), chunksize=chunk))
    finally:
        _WORKER_CHECKER = None


def _read_in_worker(path: Path, max_bytes: int) -> FileResult:
    return _read_indicator(path, _WORKER_CHECKER, max_bytes)


def _assemble(
    paths: list[Path], results: list[FileResult], problems: list[Problem]
) -> tuple[dict[str, IndicatorInfo], dict[str, Rows], dict[str, Path]]:
    """The registry's indicators, rows and files from every file's result; each file's
    problems go to `problems`. Duplicate ids, files whose problems drop them (a wrong
    id, sector or geography) and files without a valid observation are left out."""
    indicators: dict[str, IndicatorInfo] = {}
    rows: dict[str, Rows] = {}
    files: dict[str, Path] = {}
    for path, (indicator, indicator_rows, file_problems) in zip(paths, results, strict=True):
        problems.extend(file_problems)
        if indicator is None:
            continue
        if indicator.id in indicators:
            line, column = _position_of(path, ("id",))
            message = f"id {indicator.id!r} is already used by {display_path(files[indicator.id])}"
            problems.append(Problem(display_path(path), line, column, "id", message, "id-duplicate"))
            continue
        if any(
            CATALOGUE[problem.code].drops_file and not problem.field.startswith("observations[")
            for problem in file_problems
        ):
            continue
        if indicator_rows["value"]:
            indicators[indicator.id] = indicator
            rows[indicator.id] = indicator_rows
            files[indicator.id] = path
    return indicators, rows, files


def _position_of(path: Path, location: tuple) -> tuple[int, int]:
    """Line and column of a key, read on the careful path (only for a report)."""
    text = read_text(path, [], root=path.parent.parent)
    document = None if text is None else parse_yaml(path, text, [])
    return document.position(location) if document else (1, 1)
