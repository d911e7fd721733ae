"""Files -> models. Collects every problem; never stops at the first."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pydantic import BaseModel, ValidationError

from indicators.cache import ValidationCache
from indicators.checks import IndicatorChecker
from indicators.citations import fold
from indicators.models import Indicator, Observation, Source, Taxonomy, trusted
from indicators.problems import Problem, display_path, field_name
from indicators.registry import Registry, SourceDocument
from indicators.yamlfile import MAX_FILE_BYTES, YamlDocument, parse_yaml, quick_parse, read_text, read_yaml

TAXONOMY_FILE = "taxonomy.yaml"
REGISTRY_DIR = "registry"
SOURCES_DIR = "sources"


def default_data_dir() -> Path:
    """`$INDICATORS_DATA` or the project's `data/` folder."""
    configured = os.environ.get("INDICATORS_DATA")
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "data"


def read_registry(
    data_dir: Path | str | None = None, max_bytes: int = MAX_FILE_BYTES, workers: int = 1, cache: bool = False
) -> Registry:
    """Everything that could be read, with every problem found. Never raises.

    `workers` > 1 parses and checks indicator files in that many processes
    (worth it from a few hundred files on). `cache` reuses the validation of
    files unchanged since an earlier load (see indicators/cache.py)."""
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    problems: list[Problem] = []
    if not data_dir.is_dir():
        problems.append(
            Problem(
                display_path(data_dir), 1, 1, "-", "data folder does not exist or is not a folder", "registry-missing"
            )
        )
        return Registry(data_dir, None, {}, {}, {}, problems)
    taxonomy = _read_taxonomy(data_dir / TAXONOMY_FILE, problems)
    sources = _read_sources(data_dir / SOURCES_DIR, problems, max_bytes)
    indicators, files = _read_indicators(
        data_dir / REGISTRY_DIR, taxonomy, sources, problems, max_bytes, workers, use_cache=cache
    )
    problems.sort(key=lambda problem: (problem.path, problem.line, problem.column))
    return Registry(data_dir, taxonomy, sources, indicators, files, problems)


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
    return f"{detail['msg']} (got {given!r})"


def _read_taxonomy(path: Path, problems: list[Problem]) -> Taxonomy | None:
    if not path.is_file():
        problems.append(Problem(display_path(path), 1, 1, "-", "taxonomy file is missing", "file-missing"))
        return None
    document = read_yaml(path, problems)
    return None if document is None else model_from_document(Taxonomy, document, problems)


def _read_sources(folder: Path, problems: list[Problem], max_bytes: int) -> dict[str, SourceDocument]:
    sources: dict[str, SourceDocument] = {}
    if not folder.is_dir():
        problems.append(Problem(display_path(folder), 1, 1, "-", "sources folder does not exist", "registry-missing"))
        return sources
    for meta_path in sorted(folder.glob("*.yaml")):
        source = _quick_source(meta_path, problems)
        if source is None:
            document = read_yaml(meta_path, problems)
            source = None if document is None else model_from_document(Source, document, problems)
        if source is None:
            continue
        if source.id != meta_path.stem:
            text = read_text(meta_path, [])
            document = parse_yaml(meta_path, text, []) if text else None
            line, column = document.position(("id",)) if document else (1, 1)
            problems.append(
                Problem(
                    display_path(meta_path),
                    line,
                    column,
                    "id",
                    f"id {source.id!r} must equal the file name {meta_path.stem!r}",
                    "id-mismatch",
                )
            )
            continue
        text_path = meta_path.with_suffix(".txt")
        if not text_path.is_file():
            problems.append(
                Problem(
                    display_path(meta_path), 1, 1, "-", f"the source text {text_path.name} is missing", "file-missing"
                )
            )
            continue
        text = read_text(text_path, problems, max_bytes * 10)
        if text is not None:
            sources[source.id] = SourceDocument(source, text, fold(text), text_path)
    return sources


def _quick_source(path: Path, problems: list[Problem]) -> Source | None:
    """The source metadata on the fast path, or None to take the careful one."""
    warnings: list[Problem] = []
    text = read_text(path, warnings)
    data = None if text is None else quick_parse(text)
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


def _read_indicator(path: Path, checker: IndicatorChecker, max_bytes: int):
    """(indicator or None, problems, indexes of bad observations) for one file.

    Plain files that validate cleanly take the fast path; anything else is
    read again on the careful path, which knows every line and column."""
    problems: list[Problem] = []
    text = read_text(path, problems, max_bytes)
    if text is None:
        return None, problems, set()
    data = quick_parse(text)
    if isinstance(data, dict):
        try:
            indicator = Indicator.model_validate(data)
        except ValidationError:
            indicator = None
        if indicator is not None:
            found, bad = checker.check(indicator, YamlDocument(path, data))
            if not found:
                return indicator, problems, set()
    document = parse_yaml(path, text, problems)
    indicator = None if document is None else model_from_document(Indicator, document, problems)
    if indicator is None:
        return None, problems, set()
    found, bad = checker.check(indicator, document)
    return indicator, problems + found, bad


def _read_with_cache(paths, checker, max_bytes, workers, cache: ValidationCache | None) -> list:
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


def _read_all(paths: list[Path], checker: IndicatorChecker, max_bytes: int, workers: int) -> list:
    """Read every file, in `workers` forked processes when there are enough files."""
    if workers <= 1 or len(paths) < PARALLEL_MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return [_read_indicator(path, checker, max_bytes) for path in paths]
    global _WORKER_CHECKER
    _WORKER_CHECKER = checker  # inherited by the forked workers, not pickled
    try:
        chunk = max(1, len(paths) // (workers * 4))
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            packed = pool.map(_read_in_worker, paths, [max_bytes] * len(paths), chunksize=chunk)
            return [_unpack(*result) for result in packed]
    finally:
        _WORKER_CHECKER = None


_OBSERVATION_FIELDS = tuple(Observation.model_fields)


def _read_in_worker(path: Path, max_bytes: int):
    """Read one file in a worker; send back plain values, not models (cheaper to pickle)."""
    indicator, problems, bad = _read_indicator(path, _WORKER_CHECKER, max_bytes)
    if indicator is None:
        return None, None, problems, bad
    fields = {name: getattr(indicator, name) for name in Indicator.model_fields if name != "observations"}
    rows = [tuple(getattr(o, name) for name in _OBSERVATION_FIELDS) for o in indicator.observations]
    return fields, rows, problems, bad


def _unpack(fields, rows, problems, bad):
    """Rebuild the indicator a worker validated, without validating it again."""
    if fields is None:
        return None, problems, bad
    observations = [trusted(Observation, dict(zip(_OBSERVATION_FIELDS, row, strict=True))) for row in rows]
    return trusted(Indicator, {**fields, "observations": observations}), problems, bad


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
) -> tuple[dict[str, Indicator], dict[str, Path]]:
    indicators: dict[str, Indicator] = {}
    files: dict[str, Path] = {}
    if not folder.is_dir():
        problems.append(Problem(display_path(folder), 1, 1, "-", "registry folder does not exist", "registry-missing"))
        return indicators, files
    try:
        paths = _indicator_paths(folder, problems)
    except OSError as error:
        problems.append(
            Problem(display_path(folder), 1, 1, "-", f"cannot list folder: {error.strerror}", "file-unreadable")
        )
        return indicators, files
    checker = IndicatorChecker.for_taxonomy(taxonomy, sources)
    cache = ValidationCache(folder.parent) if use_cache else None
    results = _read_with_cache(paths, checker, max_bytes, workers, cache)
    for path, (indicator, file_problems, bad_observations) in zip(paths, results, strict=True):
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
        kept = [obs for index, obs in enumerate(indicator.observations) if index not in bad_observations]
        if kept:
            indicators[indicator.id] = (
                indicator.model_copy(update={"observations": kept}) if bad_observations else indicator
            )
            files[indicator.id] = path
    return indicators, files
