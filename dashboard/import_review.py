"""The editor's import tab: a source from a web address, a PDF, a text file or pasted
text; then every figure it states, reviewed at once (`indicators.review`): accept,
correct or reject each row, and save the accepted ones in one step."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st
from filelock import Timeout

from dashboard import data, render
from dashboard.render import inert
from dashboard.view import View
from indicators.editing import ConflictError
from indicators.files import MAX_SOURCE_TEXT_BYTES, TextError
from indicators.formatting import format_period, format_value, scaled_unit
from indicators.paths import DataLayout
from indicators.pdf_import import read_pdf
from indicators.periods import is_valid_period, parse_period
from indicators.review import Accepted, ReviewError, Row, file_accepted, review_rows
from indicators.scaffold import NewError, scaffold_table, table_request
from indicators.source_import import (
    ExtractedDocument,
    SourceImportError,
    decode_upload,
    import_document,
    import_extracted_table,
    import_source,
    import_table_source,
)
from indicators.tables.sheets import TABLE_SUFFIXES
from indicators.web_import import fetch_page, read_page

DATE_INPUT_FORMAT = "DD/MM/YYYY"  # day first, as both languages write dates (19/7/2024, 19 July 2024)
NEW = "__new__"
REVIEWED = "review_source"  # session key: the source whose figures are listed
DOCUMENT = "import_document"  # session key: (metadata, document) of a PDF just imported with tables


def import_form(view: View, identity: dict, untranslated) -> None:
    """The import form; on success the new source's figures are listed for review."""
    registry = data.current().registry
    render.caption(view.t("ed_import_help", limit=MAX_SOURCE_TEXT_BYTES // 1_000_000))
    with st.form("import_source"):
        url = render.text_input(view.t("ed_url"), key="import_url")
        uploaded = render.file_uploader(
            view.t("ed_upload"), type=["pdf", "txt", "csv", "xlsx"], max_upload_size=MAX_SOURCE_TEXT_BYTES // 1_000_000
        )
        pasted = render.text_area(view.t("ed_text"), height=120)
        title = render.text_input(view.t("ed_title"))
        publisher = render.text_input(view.t("ed_publisher"))
        published = render.date_input(
            view.t("ed_published"), value=None, max_value=date.today(), format=DATE_INPUT_FORMAT
        )
        render.caption(view.t("ed_table_fields"))
        title_column, number_column, page_column, sheet_column = st.columns([3, 1, 1, 1])
        table = {
            "title": render.text_input(view.t("ed_table_title"), into=title_column),
            "number": render.text_input(view.t("ed_table_number"), into=number_column),
            "page": render.text_input(view.t("ed_table_page"), into=page_column),
            "sheet": render.text_input(view.t("ed_table_sheet"), into=sheet_column),
        }
        submitted = render.form_submit_button(view.t("ed_import"))
    if submitted:
        try:
            with render.spinner(view.t("ed_fetching")):
                meta, document = _import(
                    registry, identity, url, uploaded, pasted, title, publisher, published, table, view
                )
        except Timeout:
            render.warning(view.t("ed_busy"), icon=":material/hourglass_top:")
            return
        except _InReadersLanguage as error:
            render.error(view.t("ed_not_imported", reason=str(error)), icon=":material/error:")
            return
        except (SourceImportError, ValueError) as error:
            render.error(view.t("ed_not_imported", reason=untranslated(error)), icon=":material/error:")
            return
        st.session_state[REVIEWED] = meta.id
        st.session_state[DOCUMENT] = (meta, document) if document is not None and document.tables else None
        render.success(view.t("ed_imported", source=meta.id), icon=":material/check:")
    document_tables(view, identity, untranslated)


def document_tables(view: View, identity: dict, untranslated) -> None:
    """The tables of the PDF just imported, each shown with a box to save it as a table
    source of its own (`import_extracted_table`, as `import-source --table` writes one)."""
    kept = st.session_state.get(DOCUMENT)
    if not kept:
        return
    meta, document = kept
    layout = DataLayout(data.current().registry.data_dir)
    render.info(view.t("ed_tables", count=len(document.tables)), icon=":material/table:")
    chosen = []
    for table in document.tables:
        render.caption(view.t("ed_table_caption", number=table.number, page=table.page or "—", title=table.title))
        st.dataframe(pd.DataFrame(table.rows[1:], columns=_columns(table.rows[0])), hide_index=True)
        if render.checkbox(view.t("ed_table_keep", number=table.number), key=f"keep_{meta.id}_{table.number}"):
            chosen.append(table)
    if not render.button(
        view.t("ed_tables_save", count=len(chosen)), disabled=not chosen, key=f"tables_save_{meta.id}"
    ):
        return
    saved = []
    for table in chosen:
        try:
            saved.append(import_extracted_table(layout, document, meta, table, identity).id)
        except Timeout:
            render.warning(view.t("ed_busy"), icon=":material/hourglass_top:")
        except (SourceImportError, ValueError) as error:
            render.error(view.t("ed_table_refused", number=table.number, reason=untranslated(error)))
    if saved:
        st.session_state[DOCUMENT] = None
        st.session_state[REVIEWED] = saved[-1]
        st.session_state["tables_saved"] = ", ".join(saved)
        st.rerun()


def tables_saved_message(view: View) -> None:
    saved = st.session_state.pop("tables_saved", None)
    if saved:
        render.success(view.t("ed_tables_saved", sources=saved), icon=":material/check:")


class _InReadersLanguage(SourceImportError):
    """A refusal this page words itself, in the reader's language."""


def _columns(header: tuple[str, ...]) -> list[str]:
    """Unique column names for a table's header row (empty and repeated cells numbered)."""
    seen: dict[str, int] = {}
    names = []
    for index, cell in enumerate(header, start=1):
        name = cell or f"({index})"
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


def _import(registry, identity, url, uploaded, pasted, title, publisher, published, table, view):
    layout = DataLayout(registry.data_dir)
    suffix = Path(uploaded.name).suffix.lower() if uploaded is not None else ""
    if suffix in TABLE_SUFFIXES:
        if not title.strip():
            raise _InReadersLanguage(view.plain("ed_title_required"))
        page = table["page"].strip()
        if page and not page.isdecimal():
            raise _InReadersLanguage(view.plain("ed_table_page_number", page=page))
        fields = {key: value.strip() or None for key, value in table.items()} | {"page": int(page) if page else None}
        meta = import_table_source(
            layout,
            title,
            uploaded.getvalue(),
            suffix,
            fields,
            publisher,
            published,
            url,
            identity,
            origin=f"uploaded in the dashboard editor as {uploaded.name}",
            file_name=uploaded.name,
        )
        return meta, None
    if suffix == ".pdf":
        document = read_pdf(uploaded.getvalue(), uploaded.name)
        if url.strip():
            document = ExtractedDocument(**{**document.__dict__, "url": url.strip()})
    elif uploaded is not None or pasted.strip():
        if not title.strip():
            raise _InReadersLanguage(view.plain("ed_title_required"))
        text = decode_upload(uploaded.getvalue() if uploaded is not None else pasted.encode("utf-8"))
        return import_source(layout, title, text, publisher, published, url, identity), None
    elif url.strip():
        raw, charset = fetch_page(url.strip())
        document = read_page(raw, url.strip(), charset)
    else:
        raise _InReadersLanguage(view.plain("ed_give_document"))
    meta = import_document(layout, document, identity, title=title, publisher=publisher, published=published)
    return meta, document


def review(view: View, identity: dict, untranslated, unit_label, unit_options, sector_options) -> None:
    """Every figure of the chosen source not registered yet, one row each, and one save."""
    registry = data.current().registry
    render.subheader(view.t("ed_review"))
    sources = sorted(registry.sources)
    if not sources:
        return
    chosen = st.session_state.get(REVIEWED)
    source_id = render.selectbox(
        view.t("ed_review_source"),
        sources,
        index=sources.index(chosen) if chosen in sources else 0,
        format_func=lambda key: f"{registry.sources[key].meta.title} ({key})",
        key=f"review_pick_{chosen}",
    )
    saved = st.session_state.pop("review_saved", None)
    if saved:
        render.success(view.t("ed_saved_files", **saved), icon=":material/check:")
    tables_saved_message(view)
    if registry.sources[source_id].table is not None:
        table_filing(view, registry, source_id, identity, untranslated, unit_label, unit_options, sector_options)
        return
    rows = review_rows(registry, source_id)
    if not rows:
        render.info(view.t("ed_review_none"))
        return
    ready = sum(1 for row in rows if not row.missing and row.indicator_id)
    render.markdown(view.t("ed_review_count", count=len(rows), ready=ready))
    accepted, invalid = [], []
    for row in rows:
        item = _row(view, registry, source_id, row, untranslated, unit_label, unit_options, sector_options)
        if isinstance(item, str):
            invalid.append(item)
        elif item is not None:
            accepted.append(item)
    if render.button(
        view.t("ed_save_accepted", count=len(accepted)),
        type="primary",
        disabled=not accepted,
        key=f"review_save_{source_id}",
    ):
        if invalid:
            render.error(view.t("ed_not_saved", reason="; ".join(invalid)), icon=":material/error:")
            return
        try:
            entries = file_accepted(registry, source_id, accepted, identity)
        except ReviewError as refused:
            render.error(view.t("ed_problem_count", count=len(refused.problems)), icon=":material/error:")
            st.code("\n".join(refused.problems), language=None)
        except ConflictError as conflict:
            render.error(inert(untranslated(conflict)), icon=":material/sync_problem:")
        except Timeout:
            render.warning(view.t("ed_busy"), icon=":material/hourglass_top:")
        except TextError as error:  # a file replaced during the save by a link leaving the data folder, a FIFO...
            render.error(view.t("ed_not_saved", reason=f"{error} [{error.code}]"), icon=":material/error:")
        else:
            names = ", ".join(entry["file"] for entry in entries)
            st.session_state["review_saved"] = {"count": len(accepted), "files": len(entries), "names": names}
            st.rerun()


WHOLE = "__whole__"


def table_filing(
    view: View, registry, source_id: str, identity, untranslated, unit_label, unit_options, sector_options
):
    """A table source: the table as printed, then a cell, a whole row or a whole column
    filed as observations of an existing or a new indicator, through `new --table`'s own
    code (`indicators.scaffold.scaffold_table`): previewed (the figures read and the
    file's check), then validated, saved and logged in one step."""
    source = registry.sources[source_id]
    table = source.table
    render.caption(view.t("ed_table_source", where=source.meta.table.title if source.meta.table else source_id))
    header = _columns(tuple(cell.text for cell in table.headers))
    st.dataframe(
        pd.DataFrame(
            [[cell.text for cell in row] + [""] * (len(header) - len(row)) for row in table.rows], columns=header
        ),
        hide_index=True,
    )
    filed = st.session_state.pop("table_filed", None)
    if filed:
        render.success(view.t("ed_cells_filed", **filed), icon=":material/check:")
    key = f"tf_{source_id}"
    rows = [WHOLE, *dict.fromkeys(row[0].text for row in table.rows if row and row[0].text)]
    columns = [WHOLE, *dict.fromkeys(cell.text for cell in table.headers[1:] if cell.text)]
    left, right = st.columns(2)
    row = render.selectbox(
        view.t("ed_table_row"),
        rows,
        format_func=lambda label: view.plain("ed_whole_column") if label == WHOLE else label,
        key=f"{key}_row",
        into=left,
    )
    column = render.selectbox(
        view.t("ed_table_column"),
        columns,
        format_func=lambda label: view.plain("ed_whole_row") if label == WHOLE else label,
        key=f"{key}_column",
        into=right,
    )
    indicators = [NEW, *sorted(registry.indicators)]
    indicator_id = render.selectbox(
        view.t("ed_indicator"),
        indicators,
        format_func=lambda choice: (
            view.plain("ed_new_indicator") if choice == NEW else f"{view.name(choice)} ({choice})"
        ),
        key=f"{key}_indicator",
        into=left,
    )
    units = ["", *unit_options()]
    reporting_unit = render.selectbox(
        view.t("ed_table_unit_hint"),
        units,
        format_func=lambda unit: view.plain("ed_as_table_states") if not unit else unit_label(unit),
        key=f"{key}_unit",
        into=right,
    )
    period = render.text_input(view.t("ed_table_period_hint"), key=f"{key}_period", into=left)
    options = {}
    if indicator_id == NEW:
        options["id"] = render.text_input(view.t("ed_new_id"), key=f"{key}_id", into=right)
        options["sector"] = render.selectbox(
            view.t("ed_sector"), sector_options(), format_func=view.sector_name, key=f"{key}_sector", into=left
        )
        options["name_vi"] = render.text_input(view.t("ed_name_vi"), key=f"{key}_nvi", into=right)
        options["name_en"] = render.text_input(view.t("ed_name_en"), key=f"{key}_nen", into=left)
        options["unit_vi"] = render.text_input(view.t("ed_unit_vi"), key=f"{key}_uvi", into=right)
        options["unit_en"] = render.text_input(view.t("ed_unit_en"), key=f"{key}_uen", into=left)
        options = {name: value.strip() if isinstance(value, str) else value for name, value in options.items()}
    else:
        options["indicator"] = indicator_id
    if row == WHOLE and column == WHOLE:
        render.info(view.t("ed_choose_cells"))
        return
    request = table_request(
        source_id,
        row=None if row == WHOLE else row,
        column=None if column == WHOLE else column,
        period=period.strip() or None,
        reporting_unit=reporting_unit or None,
        **{name: value or None for name, value in options.items()},
    )
    try:
        path, _, figures = scaffold_table(registry, replace_options(request, dry_run=True), identity)
    except NewError as refused:
        render.warning(view.t("ed_cells_not_ready", reason=untranslated(refused)), icon=":material/help:")
        return
    render.table(
        pd.DataFrame(
            [
                {
                    view.plain("ed_table_row"): figure.row,
                    view.plain("ed_table_column"): figure.column,
                    view.plain("ed_as_printed"): figure.printed,
                    view.plain("ed_period"): _period_label(str(figure.period), view),
                    view.plain("ed_reporting_unit"): unit_label(figure.reporting_unit),
                }
                for figure in figures
            ]
        )
    )
    if not render.button(
        view.t("ed_file_cells", count=len(figures), file=path.name), type="primary", key=f"{key}_file"
    ):
        return
    try:
        path, _, figures = scaffold_table(registry, request, identity)
    except NewError as refused:
        render.error(view.t("ed_not_saved", reason=untranslated(refused)), icon=":material/error:")
    except ConflictError as conflict:
        render.error(inert(untranslated(conflict)), icon=":material/sync_problem:")
    except Timeout:
        render.warning(view.t("ed_busy"), icon=":material/hourglass_top:")
    else:
        st.session_state["table_filed"] = {"count": len(figures), "file": path.name}
        st.rerun()


def replace_options(request, **changes):
    """A copy of a `table_request` with `changes`."""
    return type(request)(**{**vars(request), **changes})


def _row(view: View, registry, source_id: str, row: Row, untranslated, unit_label, unit_options, sector_options):
    """One figure's card: what was read, the evidence, what is missing, the decision and
    the corrections. Returns the Accepted row, None when rejected, or a message when
    the corrected value is not a number."""
    key = f"rv_{source_id}_{row.key}"
    proposal = row.proposal
    indicators = [NEW, *sorted(registry.indicators)]
    with st.container(border=True):
        head, decision_column = st.columns([4, 1])
        if row.indicator_id is None:
            unit = row.new_indicator.get("unit_vi") or ""
        else:
            words = registry.indicators[row.indicator_id].unit
            unit = words.en if view.language == "en" else words.vi
        scale = (
            row.new_indicator.get("scale") if row.indicator_id is None else registry.indicators[row.indicator_id].scale
        )
        value_text = format_value(
            row.value, scaled_unit(unit, scale, view.language), view.language, proposal.out_of, proposal.qualifier
        )
        target = view.name(row.indicator_id) if row.indicator_id else view.plain("ed_new_indicator")
        period = _period_label(proposal.period, view)
        summary = f"{proposal.text} → {value_text} · {period} · {unit_label(proposal.reporting_unit or '?')} · {target}"
        render.markdown(inert(summary), into=head)
        render.caption(inert(f"{view.plain('ed_quote')}: {row.quote}"), into=head)
        if row.context:
            render.caption(inert(f"{view.plain('ed_context')}: {row.context}"), into=head)
        if row.missing:
            render.warning(view.t("ed_missing", what=untranslated("; ".join(row.missing))), icon=":material/help:")
        decision = render.radio(
            view.t("ed_decision"),
            ["accept", "reject"],
            index=0 if not row.missing and row.indicator_id else 1,
            format_func=lambda choice: view.t(f"ed_{choice}"),
            horizontal=True,
            key=f"{key}_decision",
            into=decision_column,
        )
        with render.expander(view.t("ed_correct"), expanded=bool(row.missing)):
            left, right = st.columns(2)
            indicator_id = render.selectbox(
                view.t("ed_indicator"),
                indicators,
                index=indicators.index(row.indicator_id) if row.indicator_id else 0,
                format_func=lambda choice: (
                    view.plain("ed_new_indicator") if choice == NEW else f"{view.name(choice)} ({choice})"
                ),
                key=f"{key}_indicator",
                into=left,
            )
            value = render.text_input(view.t("ed_row_value"), _plain(row.value), key=f"{key}_value", into=right)
            period_text = render.text_input(view.t("ed_period"), proposal.period or "", key=f"{key}_period", into=left)
            units = unit_options()
            proposed_unit = proposal.reporting_unit if proposal.reporting_unit in units else "vn"
            reporting_unit = render.selectbox(
                view.t("ed_reporting_unit"),
                units,
                index=units.index(proposed_unit),
                format_func=unit_label,
                key=f"{key}_unit",
                into=right,
            )
            new = {}
            if indicator_id == NEW:
                sectors = sector_options()
                new = dict(row.new_indicator)
                new["id"] = render.text_input(view.t("ed_new_id"), new.get("id", ""), key=f"{key}_id", into=left)
                new["sector"] = render.selectbox(
                    view.t("ed_sector"), sectors, format_func=view.sector_name, key=f"{key}_sector", into=right
                )
                new["name_vi"] = render.text_input(
                    view.t("ed_name_vi"), new.get("name_vi", ""), key=f"{key}_nvi", into=left
                )
                new["name_en"] = render.text_input(view.t("ed_name_en"), "", key=f"{key}_nen", into=right)
                new["unit_vi"] = render.text_input(
                    view.t("ed_unit_vi"), new.get("unit_vi", ""), key=f"{key}_uvi", into=left
                )
                new["unit_en"] = render.text_input(view.t("ed_unit_en"), "", key=f"{key}_uen", into=right)
                new.setdefault("kind", proposal.kind)
                new.setdefault("scale", proposal.scale)
    if decision != "accept":
        return None
    try:
        number = float(value.strip().replace(",", "."))
    except ValueError:
        return view.plain("ed_value_invalid", row=row.key, value=value)
    return Accepted(
        row,
        period_text.strip(),
        reporting_unit,
        number,
        indicator_id=None if indicator_id == NEW else indicator_id,
        new_indicator=new,
    )


def _period_label(period: str | None, view: View) -> str:
    if not period:
        return "?"
    return format_period(period, parse_period(period).kind, view.language) if is_valid_period(period) else period


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(float(number))
