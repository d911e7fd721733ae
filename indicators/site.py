"""The registry as files anyone can fetch: `python -m indicators export --format site`.

    datapackage.json            Frictionless Data Package: every CSV, the schema of each
                                column, the licence, the sources, and freshness
    observations.csv            every observation (the columns of `exports`), no byte-order mark
    observations-excel.csv      the same with the mark, formula-like text made text (for Excel)
    observations.json           the same as a JSON array
    indicators/<id>.csv         one indicator's observations, as above
    indicators/<id>-excel.csv
    indicators/<id>.json        its fields, freshness and observations, as one JSON object
    changes.vi.atom             the figures added, revised or removed (Atom), Vietnamese
    changes.en.atom             ... and English

Text columns are Vietnamese (the registry's language; `export --language en` gives English).
Freshness: `last_changed` is the day of the last save in the edit log (Viet Nam time),
or, for a file the log never saw, the latest day its figures were read from their sources
(`last_changed_basis` says which); `newest_figure` is the period of the figure that starts
latest. Dates are YYYY-MM-DD.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from indicators.exports import EXPORT_COLUMNS, READER_COLUMNS, csv_bytes, export_frame, json_text
from indicators.files import atomic_write
from indicators.formatting import format_date_value, format_number
from indicators.history import VIETNAM_TIME, FigureChange, figure_changes, last_change
from indicators.registry import Registry

LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
PACKAGE_NAME = "vn-digital-transformation-indicators"
FEED_LANGUAGES = ("vi", "en")
FEED_ENTRIES = 200  # the newest changes a feed carries
ATOM = "http://www.w3.org/2005/Atom"

COLUMN_TYPES = {
    "period_start": "date",
    "source_published": "date",
    "source_accessed": "date",
    "year": "integer",
    "value": "number",
    "out_of": "number",
    "value_in_base_unit": "number",
    "per_year": "boolean",
}
COLUMN_DESCRIPTIONS = {
    "indicator_id": "Id of the indicator (its file data/registry/<id>.yaml).",
    "sector": "Sector id from data/taxonomy.yaml.",
    "reporting_unit": "The unit the figure is about: vn (the nation), a province, a ministry or a bloc.",
    "period": "The period as the source states it: 2023, 2024-H1, 2024-Q3, 2024-06, 2023-06-30, 2021/2025.",
    "period_type": "year, half-year, quarter, month, date, range or other.",
    "period_start": "First day of the period.",
    "year": "Year of the period's start.",
    "value": "The value as the source states it, in units of `scale`.",
    "out_of": "For ranks and levels: N in 86/193.",
    "qualifier": "The source's hedge: about, nearly, more than, less than.",
    "unit": "Unit in English.",
    "unit_vi": "Unit in Vietnamese.",
    "scale": "one, thousand, million, billion or trillion.",
    "value_in_base_unit": "value times its scale, computed in decimal.",
    "per_year": "true: the value is a rate per year of the period, not a level at its end.",
    "source_id": "Id of the source document (data/sources/<id>.yaml).",
    "quote": "The sentence of the source that states the value, verbatim.",
    "note": "A note on the figure (Vietnamese).",
    "indicator_name": "The indicator's name (Vietnamese).",
    "value_text": "The value as Vietnamese writes it, with its unit.",
    "unit_text": "The unit as Vietnamese writes it (`% GDP`); `unit` keeps the English one.",
    "qualifier_text": "The hedge as Vietnamese writes it (`khoảng`); empty without one; `qualifier` keeps its code.",
    "source_title": "Title of the source document.",
    "source_publisher": "Publisher of the source document.",
    "source_published": "Day the source was published.",
    "source_accessed": "Day the source was read.",
    "source_url": "Address of the source document.",
}
_FEED_WORDS = {
    "vi": {
        "title": "Chỉ số chuyển đổi số Việt Nam: thay đổi số liệu",
        "added": "thêm",
        "revised": "sửa",
        "removed": "xoá",
        "by": "người sửa",
    },
    "en": {
        "title": "Viet Nam digital-transformation indicators: changes to figures",
        "added": "added",
        "revised": "revised",
        "removed": "removed",
        "by": "editor",
    },
}


@dataclass(frozen=True)
class Freshness:
    """`last_changed` (a day), how it is known ("edit-log" or "source-accessed"), and the
    newest figure's period label and start day (None for an empty set of figures)."""

    last_changed: date | None
    last_changed_basis: str | None
    newest_period: str | None
    newest_period_start: date | None

    def as_json(self) -> dict:
        return {
            "last_changed": _iso(self.last_changed),
            "last_changed_basis": self.last_changed_basis,
            "newest_figure": {"period": self.newest_period, "period_start": _iso(self.newest_period_start)},
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def freshness(rows: pd.DataFrame, logged: datetime | None) -> Freshness:
    """The freshness of observations frame `rows`, given the time of their file's (or
    the registry's) last logged save, if any."""
    if logged is not None:
        changed, basis = logged.astimezone(VIETNAM_TIME).date(), "edit-log"
    else:
        accessed = pd.to_datetime(rows["source_accessed"].astype(object)).dropna()
        changed, basis = (accessed.max().date(), "source-accessed") if len(accessed) else (None, None)
    if rows.empty:
        return Freshness(changed, basis, None, None)
    newest = rows.loc[rows["period_start"].idxmax()]
    return Freshness(changed, basis, str(newest["period"]), pd.Timestamp(newest["period_start"]).date())


def write_site(registry: Registry, directory: Path, site_url: str = "", files_url: str = "") -> dict:
    """Write every file listed above into `directory` (created; files already there are
    replaced one by one). `site_url` is the dashboard's address ending in "/", for the
    feeds' links to indicator pages; `files_url` the address these files are served at
    (the feeds' own links). Returns the data package as written."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "indicators").mkdir(exist_ok=True)
    frame = registry.observations_frame
    logged = last_change(registry.data_dir)
    exported = export_frame(frame, "vi")
    _write_tables(directory, "observations", exported)
    resources = [_resource("observations", "observations.csv", "Every observation of the registry.")]
    for indicator_id, info in registry.indicators.items():
        mask = (frame["indicator_id"] == indicator_id).to_numpy()
        rows, table = frame[mask], exported[mask]
        _write_tables(directory / "indicators", indicator_id, table)
        fresh = freshness(rows, logged.get(f"{indicator_id}.yaml"))
        record = {
            "indicator_id": indicator_id,
            "name": info.name.model_dump(),
            "description": info.description.model_dump(),
            "sector": info.sector,
            "reporting_unit": info.reporting_unit,
            "kind": info.kind,
            "unit": info.unit.model_dump(exclude_none=True),
            "scale": info.scale,
            **fresh.as_json(),
            "files": {name: f"{indicator_id}{suffix}" for name, suffix in _SUFFIXES.items()},
            "observations": json.loads(json_text(table)),
        }
        atomic_write(directory / "indicators" / f"{indicator_id}.json", _json(record))
        resources.append(_resource(indicator_id, f"indicators/{indicator_id}.csv", info.name.en, fresh))
    changes = figure_changes(registry.data_dir)
    overall = freshness(frame, max(logged.values(), default=None))
    package = _package(registry, resources, overall)
    atomic_write(directory / "datapackage.json", _json(package))
    for language in FEED_LANGUAGES:
        atomic_write(
            directory / f"changes.{language}.atom",
            atom_feed(registry, changes, language, site_url, overall.last_changed, files_url),
        )
    return package


_SUFFIXES = {"csv": ".csv", "csv_excel": "-excel.csv", "json": ".json"}


def _write_tables(directory: Path, stem: str, table: pd.DataFrame) -> None:
    _write_bytes(directory / f"{stem}.csv", csv_bytes(table, byte_order_mark=False))
    _write_bytes(directory / f"{stem}-excel.csv", csv_bytes(table, byte_order_mark=True))
    if stem == "observations":
        _write_bytes(directory / f"{stem}.json", json_text(table).encode("utf-8"))


def _write_bytes(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _schema() -> dict:
    fields = []
    for name in [*EXPORT_COLUMNS, *READER_COLUMNS]:
        field = {"name": name, "type": COLUMN_TYPES.get(name, "string"), "description": COLUMN_DESCRIPTIONS[name]}
        if name in ("indicator_id", "sector", "period", "value", "source_id", "quote", "year"):
            field["constraints"] = {"required": True}
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def _resource(name: str, path: str, description: str, fresh: Freshness | None = None) -> dict:
    resource = {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": description,
        "schema": _schema(),
    }
    if fresh is not None:
        resource.update(fresh.as_json())
    return resource


def _package(registry: Registry, resources: list[dict], fresh: Freshness) -> dict:
    """The Data Package: its resources, licence (LICENCE), every source document and freshness."""
    sources = []
    for source_id, document in sorted(registry.sources.items()):
        meta = document.meta
        entry = {"title": meta.title, "id": source_id}
        if meta.url:
            entry["path"] = meta.url
        if meta.publisher:
            entry["publisher"] = meta.publisher
        if meta.published:
            entry["published"] = meta.published.isoformat()
        sources.append(entry)
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": "Viet Nam digital-transformation indicators",
        "description": "Figures on Viet Nam's digital transformation, each with the verbatim sentence of the "
        "document that states it.",
        "licenses": [LICENCE],
        "sources": sources,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        **fresh.as_json(),
        "resources": resources,
    }


def atom_feed(
    registry: Registry,
    changes: list[FigureChange],
    language: str,
    site_url: str = "",
    quiet_since: date | None = None,
    files_url: str = "",
) -> str:
    """The newest FEED_ENTRIES figure changes as an Atom 1.0 feed in `language`. Each entry:
    "<indicator>: <period> <added|revised|removed> <before> → <after>", the editor as
    the public sees them, the time of the save and a link to the indicator's page. A feed
    with no change is `updated` at the start of `quiet_since` (the data's last change)."""
    words = _FEED_WORDS[language]
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language})
    _text(feed, "id", f"tag:{PACKAGE_NAME},2024:changes/{language}")
    _text(feed, "title", words["title"])
    quiet = datetime.combine(quiet_since or date(2024, 1, 1), datetime.min.time(), VIETNAM_TIME)
    newest = changes[0].time if changes else quiet
    _text(feed, "updated", newest.isoformat(timespec="seconds"))
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": f"{files_url}changes.{language}.atom"})
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", PACKAGE_NAME)
    for change in changes[:FEED_ENTRIES]:
        entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
        figure = f"{change.indicator_id}/{change.period}/{change.reporting_unit or '-'}/{change.source}"
        _text(entry, "id", f"tag:{PACKAGE_NAME},2024:change/{change.seq}/{figure}")
        _text(entry, "title", change_line(registry, change, language))
        _text(entry, "updated", change.time.isoformat(timespec="seconds"))
        who = ElementTree.SubElement(entry, f"{{{ATOM}}}author")
        _text(who, "name", change.editor)
        link = f"{site_url}indicator?indicator={change.indicator_id}&lang={language}"
        ElementTree.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": link})
        ElementTree.SubElement(entry, f"{{{ATOM}}}category", {"term": _sector_of(registry, change)})
        day = format_date_value(change.day, language)
        _text(entry, "summary", f"{change_line(registry, change, language)} ({words['by']}: {change.editor}, {day})")
    ElementTree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="unicode") + "\n"


def _text(parent: ElementTree.Element, tag: str, text: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _sector_of(registry: Registry, change: FigureChange) -> str:
    info = registry.indicators.get(change.indicator_id)
    return info.sector if info is not None else "-"


def figure_text(value: tuple[float, float | None] | None, language: str) -> str:
    """A figure's value as `language` writes it (`86/193`), "—" for none."""
    if value is None:
        return "—"
    number, out_of = value
    text = format_number(number, language)
    return f"{text}/{format_number(out_of, language)}" if out_of is not None else text


def change_line(registry: Registry, change: FigureChange, language: str) -> str:
    """One line for a figure change: "VssID accounts: 2024-07-19 revised 35 → 36",
    "...: 2025 added 40", "...: 2025 removed 40"."""
    info = registry.indicators.get(change.indicator_id)
    name = (info.name.vi if language == "vi" else info.name.en) if info is not None else change.indicator_id
    if change.change == "revised":
        values = f"{figure_text(change.before, language)} → {figure_text(change.after, language)}"
    else:
        values = figure_text(change.after if change.change == "added" else change.before, language)
    return f"{name}: {change.period} {_FEED_WORDS[language][change.change]} {values}"
