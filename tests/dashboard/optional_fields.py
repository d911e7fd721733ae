"""Registries with optional fields left out, and every page opened on them.

The fields come from the pydantic models, so a field added to a model is covered
without touching the tests. `enriched_copy` copies data/ and adds
`tests/fixtures/optional/` (a provincial report, its data annex as a workbook, and
three indicators written so that every optional field is present somewhere) and a
sector description; `variant` then removes one field everywhere it occurs, or sets it
to null wherever it is set, with the editor's round trip, which keeps everything else
as it was.

`check_field` opens every page on one field's variants and returns what went wrong;
the tests run it for each field in a few processes (AppTest runs a page in the
calling process, and the fields are independent)."""

from __future__ import annotations

import os
import re
import shutil
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from conftest import DATA, FIXTURES
from dashboard_helpers import APP, shown, text_of
from pydantic import BaseModel
from streamlit.testing.v1 import AppTest
from test_editor import ANALYST, SECRETS

from dashboard.downloads import FORMATS, export_rows
from dashboard.i18n import LABELS
from indicators import read_registry, yaml_writer
from indicators.formatting import LANGUAGES
from indicators.models import Indicator, Source, Taxonomy
from indicators.paths import DataLayout
from indicators.problems import display_path
from indicators.registry import Registry
from indicators.yaml_reader import fast_parse

ENRICHMENT = FIXTURES / "optional"
SECTOR_DESCRIPTION = {
    "vi": "Dịch vụ công trực tuyến, dữ liệu và điều hành của cơ quan nhà nước.",
    "en": "Online public services, data and the running of state agencies.",
}
FILE_MODELS = (Indicator, Source, Taxonomy)
# What a reader must never see where a value is missing (it reads "—").
LEAKED = re.compile(r"\b(None|nan|NaN|NaT|null)\b")


@dataclass(frozen=True)
class OptionalField:
    """A field that a file may leave out: `model.name`."""

    model: type[BaseModel]
    name: str

    @property
    def nullable(self) -> bool:
        """Whether the model accepts an explicit null for it."""
        return _admits_none(self.model.model_fields[self.name].annotation)

    def __str__(self) -> str:
        return f"{self.model.__name__}.{self.name}"


def nested_models(annotation) -> list[type[BaseModel]]:
    """The models inside an annotation: `list[Observation]`, `Target | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in typing.get_args(annotation) for model in nested_models(argument)]


def models_in(roots=FILE_MODELS) -> list[type[BaseModel]]:
    """Every model reachable from the file models, each once, roots first."""
    found: list[type[BaseModel]] = []
    pending = list(roots)
    while pending:
        model = pending.pop(0)
        if model not in found:
            found.append(model)
            pending += [nested for info in model.model_fields.values() for nested in nested_models(info.annotation)]
    return found


# An observation gives a quote or a cell: each is optional, one of them is required
# (leaving both out is refused as evidence-missing; see test_table_proof.py).
ONE_OF_TWO = {("Observation", "quote"), ("Observation", "cell")}


def optional_fields(roots=FILE_MODELS) -> list[OptionalField]:
    """Every field that is not required, in every model the data files use."""
    return [
        OptionalField(model, name)
        for model in models_in(roots)
        for name, info in model.model_fields.items()
        if not info.is_required() and (model.__name__, name) not in ONE_OF_TWO
    ]


def _admits_none(annotation) -> bool:
    return annotation is type(None) or any(_admits_none(argument) for argument in typing.get_args(annotation))


# --- data ------------------------------------------------------------------
def enriched_copy(target: Path) -> Path:
    """data/ with the enrichment files and a sector description: every optional field present."""
    shutil.copytree(DATA, target)
    shutil.copytree(ENRICHMENT, target, dirs_exist_ok=True)
    taxonomy = DataLayout(target).taxonomy
    document = yaml_writer.load(taxonomy.read_text(encoding="utf-8"))
    document["sectors"][0]["description"] = yaml_writer.yaml_value(SECTOR_DESCRIPTION)
    taxonomy.write_text(yaml_writer.dump(document), encoding="utf-8")
    return target


def mappings(data, model: type[BaseModel]) -> Iterator[tuple[dict, type[BaseModel]]]:
    """Every mapping in a file's data with the model it is validated as."""
    if not isinstance(data, dict):
        return
    yield data, model
    for name, info in model.model_fields.items():
        value = data.get(name)
        for nested in nested_models(info.annotation):
            for item in value if isinstance(value, list) else [value]:
                yield from mappings(item, nested)


def _holding(data: Path, field: OptionalField) -> Iterator[tuple[Path, type[BaseModel], int]]:
    """Each file of the folder that sets the field (to anything but null), with its model
    and how many times; read with the loader's fast reader (round trips are slow)."""
    layout = DataLayout(data)
    files = {
        Indicator: sorted(layout.registry.glob("*.yaml")),
        Source: sorted(layout.sources.glob("*.yaml")),
        Taxonomy: [layout.taxonomy],
    }
    for model, paths in files.items():
        for path in paths:
            text = path.read_text(encoding="utf-8")
            if f"{field.name}:" not in text:
                continue
            document = fast_parse(text)
            document = yaml_writer.load(text) if document is None else document
            count = sum(_sets(mapping, field) for mapping, of in mappings(document, model) if of is field.model)
            if count:
                yield path, model, count


def _sets(mapping: dict, field: OptionalField) -> bool:
    return mapping.get(field.name) is not None


def occurrences(data: Path, field: OptionalField) -> int:
    """How many mappings of the folder's files set the field (to anything but null)."""
    return sum(count for _, _, count in _holding(data, field))


def variant(data: Path, field: OptionalField, null: bool = False) -> list[Path]:
    """Remove the field everywhere in the folder (with `null`, set it to null wherever it
    is set); returns the files that changed."""
    changed = []
    for path, model, _ in list(_holding(data, field)):
        document = yaml_writer.load(path.read_text(encoding="utf-8"))
        for mapping, of in mappings(document, model):
            if of is field.model and _sets(mapping, field):
                if null:
                    mapping[field.name] = None
                else:
                    del mapping[field.name]
        path.write_text(yaml_writer.dump(document), encoding="utf-8")
        changed.append(path)
    return changed


# --- what the pages read -------------------------------------------------------
def source_of(registry: Registry, source_id: str):
    return registry.sources[source_id].meta if source_id in registry.sources else None


def indicator_of(registry: Registry, indicator_id: str) -> tuple:
    """What an indicator page reads: the indicator, its figures and its file's problems."""
    problems = [(problem.field, problem.message, problem.code) for problem in registry.problems_of(indicator_id)]
    return registry.indicators.get(indicator_id), registry.rows.get(indicator_id), problems


def loaded(registry: Registry) -> tuple:
    """Everything the pages read, but the lines of problems (a null is one line more) and
    the folder's own path (a table's problem names its file by its path)."""
    folder = display_path(registry.data_dir) + os.sep
    problems = [
        (Path(problem.path).name, problem.field, problem.message.replace(folder, ""), problem.code)
        for problem in registry.problems
    ]
    sources = {source_id: source.meta for source_id, source in registry.sources.items()}
    return registry.taxonomy, sources, registry.indicators, registry.rows, problems


def pages_to_open(baseline: Registry, registry: Registry) -> list[tuple[str, str | None]]:
    """The overview, rankings and health; each source and indicator that reads differently
    than in the baseline, and for each such source an indicator citing it."""
    sources = [
        source_id
        for source_id in sorted(registry.sources)
        if source_of(registry, source_id) != source_of(baseline, source_id)
    ]
    indicators = {
        indicator_id
        for indicator_id in {*baseline.files, *registry.unloaded}  # a file that no longer loads shows its problems
        if indicator_of(registry, indicator_id) != indicator_of(baseline, indicator_id)
    }
    for source_id in sources:
        indicators.update(
            next(([citing] for citing in sorted(registry.rows) if source_id in registry.rows[citing]["source"]), [])
        )
    return (
        [("overview", None), ("rankings", None), ("health", None)]
        + [("sources", source_id) for source_id in sources]
        + [("indicator", indicator_id) for indicator_id in sorted(indicators)]
    )


def editor_pages(changed: list[Path], registry: Registry) -> list[tuple[str, str]]:
    """The editor on each changed file it offers (those that load)."""
    return [("editor", path.stem) for path in changed if path.stem in registry.files]


# --- opening the pages -----------------------------------------------------------
def check_field(field: OptionalField, enriched: Path, workdir: Path) -> list[str]:
    """Every page on the field left out, in both languages; then the field set to null,
    which must load as the field left out (the pages read the same), in the editor, which
    reads the files as written. What went wrong, as text."""
    os.environ["INDICATORS_CACHE"] = str(workdir / "cache")  # the dashboard's own, for this field alone
    baseline = read_registry(enriched)
    absent = workdir / "absent"
    shutil.copytree(enriched, absent)
    changed = variant(absent, field)
    failures = [] if changed and occurrences(absent, field) == 0 else [f"{field} is still set in {absent}"]
    registry = read_registry(absent)
    pages, editors = pages_to_open(baseline, registry), editor_pages(changed, registry)
    for index, language in enumerate(LANGUAGES):  # the editor's form reads a file alike in either
        failures += visit(absent, pages + editors[index :: len(LANGUAGES)], language)
    for language in LANGUAGES:
        rows = export_rows(registry.observations_frame, language, {}, "http://localhost:8501/")
        for extension, (_, _, writer) in FORMATS.items():
            try:
                writer(rows)
            except Exception as error:  # noqa: BLE001 - reported with the others
                failures.append(f"{language} download {extension}: {error!r}")
    if field.nullable:
        null = workdir / "null"
        shutil.copytree(enriched, null)
        changed = variant(null, field, null=True)
        if loaded(read_registry(null)) != loaded(registry):
            failures.append("null does not load as the field left out")
        failures += visit(null, editor_pages(changed, registry), LANGUAGES[0])
    return [f"{field}: {failure}" for failure in failures]


def visit(data: Path, pages: list[tuple[str, str | None]], language: str) -> list[str]:
    """One reader's session on `data` in `language`, opening each page in turn: (page,
    the indicator or source it shows, or None); the overview with its table open."""
    os.environ["INDICATORS_DATA"], os.environ["DASHBOARD_EDIT"] = str(data), "1"
    app = AppTest.from_file(APP, default_timeout=60)
    app.secrets, app.user = SECRETS, ANALYST
    app.query_params["lang"] = language  # read when the session starts
    failures = []
    for page, item in pages:
        if page == "editor":
            if "editor_indicator" not in [box.key for box in app.selectbox]:
                app.switch_page("views/editor.py").run()
            app.selectbox(key="editor_indicator").set_value(item)
        else:
            app.session_state["more_indicators"] = True  # the overview's table
            app.session_state["observations_table"] = True  # the indicator page's table
            app.switch_page(f"views/{page}.py")
            if item is not None:
                app.query_params["indicator" if page == "indicator" else "source"] = item
        app.run()
        failures += [f"{language} {page} {item or ''}: {problem}" for problem in page_problems(app)]
    return failures


def page_problems(app) -> list[str]:
    """An exception, the page's own failure notice, or None/NaN shown for a missing value."""
    problems = [f"exception: {element.value}" for element in app.exception]
    problems += [
        f"failed: {shown(element.value)}" for element in app.error if shown(element.value) in LABELS["page_failed"]
    ]
    leaked = sorted(set(LEAKED.findall(text_of(app))))
    if leaked:
        problems.append(f"shows {leaked} for a missing value")
    for table in app.dataframe:
        frame = table.value
        empty = [column for column in frame.columns if frame[column].isna().any()]
        if empty:
            problems.append(f"a table shows None in {empty}")
    return problems
