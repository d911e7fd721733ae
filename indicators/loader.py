"""Files -> models. Collects every problem; never stops at the first."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pydantic import BaseModel, ValidationError

from indicators.cache import ValidationCache
from indicators.checks import IndicatorChecker
from indicators.models import OBSERVATION_DEFAULTS, PLAIN_OBSERVATIONS, Indicator, IndicatorInfo, Source, Taxonomy
from indicators.problems import Problem, display_path, field_name
from indicators.registry import FileResult, Registry, Rows, SourceDocument, rows_from_fields, rows_of
from indicators.yamlfile import MAX_FILE_BYTES, YamlDocument, fast_parse, parse_yaml, read_text, read_yaml, yaml11_hint

TAXONOMY_FILE = "taxonomy.yaml"
REGISTRY_DIR = "registry"
SOURCES_DIR = "sources"


def default_data_dir() -> Path:
    """`$INDICATORS_DATA` or the project's `data/` folder."""
    configured = os.environ.get("INDICATORS_DATA")
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "data"


def read_registry(
    data_dir: Path | str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    workers: int | None = None,
    cache: bool = False,
) -> Registry:
    """Everything that could be read, with every problem found. Never raises.

    Indicator files are read in `workers` processes (default: one per CPU)
    once there are enough of them to be worth it. `cache` reuses the
    validation of files unchanged since an earlier load (see indicators/cache.py)."""
    workers = workers or os.cpu_count() or 1
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    problems: list[Problem] = []
    if not data_dir.is_dir():
        problems.append(
            Problem(
                display_path(data_dir), 1, 1, "-", "data folder does not exist or is not a folder", "registry-missing"
            )
        )
        return Registry(data_dir, None, {}, {}, {}, {}, problems)
    with _collector_paused():
        taxonomy = _read_taxonomy(data_dir / TAXONOMY_FILE, problems)
        sources = _read_sources(data_dir / SOURCES_DIR, problems, max_bytes)
        indicators, rows, files = _read_indicators(
            data_dir / REGISTRY_DIR, taxonomy, sources, problems, max_bytes, workers, use_cache=cache
        )
    problems.sort(key=lambda problem: (problem.path, problem.line, problem.column))
    return Registry(data_dir, taxonomy, sources, indicators, rows, files, problems)


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


def data_fingerprint(folder: Path) -> str:
    """A digest of (path, size, modification time) of every file below `folder`:
    cheap enough to compute on every dashboard rerun, short to hash as a cache key."""
    entries, stack = [], [Path(folder)]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as scan:
                for entry in scan:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(Path(entry.path))
                    else:
                        status = entry.stat(follow_symlinks=False)
                        entries.append((entry.path, status.st_size, status.st_mtime_ns))
        except OSError:
            entries.append((str(current), -1, -1))
    return hashlib.sha256(repr(sorted(entries)).encode()).hexdigest()


def validate(data_dir: Path | str | None = None) -> list[Problem]:
    return read_registry(data_dir).problems


def load_registry(data_dir: Path | str | None = None) -> Registry:
    """The registry, or RegistryError carrying every problem."""
    registry = read_registry(data_dir)
    registry.raise_for_errors()
    return registry


def model_from_document(model: type[BaseModel], document: YamlDocument, problems: list[Problem]):
    """Validate a parsed document against a model; pydantic errors become problems."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        shown = display_path(document.path)
        for detail in error.errors(include_url=False):
            location = tuple(detail["loc"])
            line, column = document.position(location)
            problems.append(
                Problem(
                    shown,
                    line,
                    column,
                    field_name(location),
                    _schema_message(detail),
                    f"schema-{detail['type']}".replace("_", "-"),
                )
            )
        return None


def _schema_message(detail: dict) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field; check its spelling or remove it"
    given = detail.get("input")
    if isinstance(given, (dict, list)):
        given = type(given).__name__
    hint = yaml11_hint(given) if isinstance(given, str) else None
    return f"{detail['msg']} (got {given!r})" + (f"; {hint}" if hint else "")


def _read_taxonomy(path: Path, problems: list[Problem]) -> Taxonomy | None:
    if not path.is_file():
        problems.append(Problem(display_path(path), 1, 1, "-", "taxonomy file is missing", "file-missing"))
        return None
    document = read_yaml(path, problems)
    return None if document is None else model_from_document(Taxonomy, document, problems)


def _read_sources(folder: Path, problems: list[Problem], max_bytes: int) -> dict[str, SourceDocument]:
    if not folder.is_dir():
        problems.append(Problem(display_path(folder), 1, 1, "-", "sources folder does not exist", "registry-missing"))
        return {}
    sources: dict[str, SourceDocument] = {}
    for meta_path in sorted(folder.glob("*.yaml")):
        source, found = _read_source(meta_path, max_bytes)
        problems.extend(found)
        if source is not None:
            sources[source.meta.id] = source
    return sources


def _read_source(meta_path: Path, max_bytes: int) -> tuple[SourceDocument | None, list[Problem]]:
    """One source: its metadata file and its text."""
    problems: list[Problem] = []
    source = _quick_source(meta_path, problems)
    if source is None:
        document = read_yaml(meta_path, problems)
        source = None if document is None else model_from_document(Source, document, problems)
    if source is None:
        return None, problems
    if source.id != meta_path.stem:
        line, column = _position_of(meta_path, ("id",))
        message = f"id {source.id!r} must equal the file name {meta_path.stem!r}"
        problems.append(Problem(display_path(meta_path), line, column, "id", message, "id-mismatch"))
        return None, problems
    text_path = meta_path.with_suffix(".txt")
    if not text_path.is_file():
        message = f"the source text {text_path.name} is missing"
        problems.append(Problem(display_path(meta_path), 1, 1, "-", message, "file-missing"))
        return None, problems
    text = read_text(text_path, problems, max_bytes * 10)
    if text is None:
        return None, problems
    return SourceDocument(source, text, text_path), problems


def _quick_source(path: Path, problems: list[Problem]) -> Source | None:
    """The source metadata on the fast path, or None to take the careful one."""
    warnings: list[Problem] = []
    text = read_text(path, warnings)
    data = None if text is None else fast_parse(text)
    if not isinstance(data, dict):
        return None
    try:
        source = Source.model_validate(data)
    except ValidationError:
        return None
    problems.extend(warnings)
    return source


def _indicator_paths(folder: Path, problems: list[Problem]) -> list[Path]:
    root = folder.resolve()
    paths = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in {".yaml", ".yml"}:
            continue
        if path.suffix == ".yml":
            problems.append(Problem(display_path(path), 1, 1, "-", "registry files must end in .yaml", "file-name"))
            continue
        if path.is_symlink() and root not in path.resolve().parents:
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    1,
                    "-",
                    "symlink points outside the registry folder; not read",
                    "symlink-outside",
                )
            )
            continue
        paths.append(path)
    return paths


def _read_indicator(path: Path, checker: IndicatorChecker, max_bytes: int) -> FileResult:
    """Plain files that validate cleanly take the fast path; anything else is
    read again on the careful path, which knows every line and column."""
    problems: list[Problem] = []
    text = read_text(path, problems, max_bytes)
    if text is None:
        return None, None, problems
    data = fast_parse(text)
    if isinstance(data, dict):
        accepted = _quick_accept(path, data, checker)
        if accepted is not None:
            return *accepted, problems
    document = parse_yaml(path, text, problems)
    indicator = None if document is None else model_from_document(Indicator, document, problems)
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
    """Results for every path: from the cache when current, read (and cached) otherwise."""
    if cache is None:
        return _read_all(paths, checker, max_bytes, workers)
    results = [cache.get(path) for path in paths]
    stale = [index for index, result in enumerate(results) if result is None]
    fresh = _read_all([paths[index] for index in stale], checker, max_bytes, workers)
    for index, result in zip(stale, fresh, strict=True):
        cache.put(paths[index], *result)
        results[index] = result
    cache.keep_only({path.name for path in paths})
    cache.write()
    return results


_WORKER_CHECKER: IndicatorChecker | None = None
PARALLEL_MIN_FILES = 200


def _read_all(paths: list[Path], checker: IndicatorChecker, max_bytes: int, workers: int) -> list[FileResult]:
    """Read every file, in `workers` forked processes when there are enough files to pay for starting them."""
    if workers <= 1 or len(paths) < PARALLEL_MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return [_read_indicator(path, checker, max_bytes) for path in paths]
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


def _position_of(path: Path, location: tuple) -> tuple[int, int]:
    """Line and column of a key, read on the careful path (only for reports)."""
    text = read_text(path, [])
    document = None if text is None else parse_yaml(path, text, [])
    return document.position(location) if document else (1, 1)


def _read_indicators(
    folder: Path,
    taxonomy: Taxonomy | None,
    sources: dict[str, SourceDocument],
    problems: list[Problem],
    max_bytes: int,
    workers: int = 1,
    use_cache: bool = False,
) -> tuple[dict[str, IndicatorInfo], dict[str, Rows], dict[str, Path]]:
    indicators: dict[str, IndicatorInfo] = {}
    rows: dict[str, Rows] = {}
    files: dict[str, Path] = {}
    if not folder.is_dir():
        problems.append(Problem(display_path(folder), 1, 1, "-", "registry folder does not exist", "registry-missing"))
        return indicators, rows, files
    try:
        paths = _indicator_paths(folder, problems)
    except OSError as error:
        problems.append(
            Problem(display_path(folder), 1, 1, "-", f"cannot list folder: {error.strerror}", "file-unreadable")
        )
        return indicators, rows, files
    checker = IndicatorChecker.for_taxonomy(taxonomy, sources)
    cache = ValidationCache(folder.parent) if use_cache else None
    results = _read_with_cache(paths, checker, max_bytes, workers, cache)
    for path, (indicator, indicator_rows, file_problems) in zip(paths, results, strict=True):
        problems.extend(file_problems)
        if indicator is None:
            continue
        if indicator.id in indicators:
            first = display_path(files[indicator.id])
            line, column = _position_of(path, ("id",))
            message = f"id {indicator.id!r} is already used by {first}"
            problems.append(Problem(display_path(path), line, column, "id", message, "id-duplicate"))
            continue
        if any(problem.code in {"id-mismatch", "sector-unknown", "geography-unknown"} for problem in file_problems):
            continue
        if indicator_rows["value"]:
            indicators[indicator.id] = indicator
            rows[indicator.id] = indicator_rows
            files[indicator.id] = path
    return indicators, rows, files
