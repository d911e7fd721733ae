"""Editor (only when DASHBOARD_EDIT=1): edit an indicator, add a figure from a
source sentence, import a source. Only a signed-in editor (`dashboard.editors`)
sees it; everyone else sees why not. Every save is validated, previewed as a
diff and a chart, written atomically with conflict detection, and logged with
the editor's identity."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st
from filelock import Timeout

from dashboard import editors, import_review, render
from dashboard.components import history_of, labelled, problems_table
from dashboard.render import Markdown, inert, inline_code, md
from dashboard.view import current_view
from indicators.editing import (
    ConflictError,
    add_observation,
    apply_fields,
    change_observation,
    check_text,
    digest,
    draft_from_text,
    new_draft,
    open_draft,
    remove_observation,
    save_text,
)
from indicators.files import TextError
from indicators.formatting import MISSING, format_number, format_period, format_value, plain_number, scaled_unit
from indicators.periods import is_valid_period, parse_period
from indicators.proposals import figure_sentences, propose
from indicators.tables.citing import citation
from indicators.text import alphabetical_key
from indicators.vocabulary import DIRECTIONS, KINDS, SCALES
from indicators.yaml_reader import number_hint

NEW = "__new__"

view = current_view()
registry = view.loaded.registry
render.title(view.t("page_editor"))

if os.environ.get("DASHBOARD_EDIT") != "1":
    render.error(view.t("ed_disabled"))
    st.stop()
if not os.access(registry.data_dir / "registry", os.W_OK):
    render.error(view.t("ed_read_only", folder=registry.data_dir / "registry"))
    st.stop()


def sign_out_button() -> None:
    if render.button(view.t("ed_sign_out"), icon=":material/logout:", key="sign_out"):
        st.logout()


def signed_in_editor() -> dict:
    """The editor's identity; for anyone else, the reason they cannot edit, then stop."""
    allowed = editors.current_access()
    if allowed.state == editors.UNCONFIGURED:
        keys = Markdown(", ").join(inline_code(key) for key in allowed.detail.split(", "))
        render.error(view.t("ed_sign_in_unconfigured", keys=keys), icon=":material/lock:")
    elif allowed.state == editors.NO_EDITORS:
        render.error(view.t("ed_no_editors", detail=allowed.detail), icon=":material/lock:")
    elif allowed.state == editors.SIGNED_OUT:
        render.info(view.t("ed_sign_in_needed"), icon=":material/lock:")
        if render.button(view.t("ed_sign_in"), type="primary", icon=":material/login:", key="sign_in"):
            st.login()
    elif allowed.state == editors.REFUSED:
        render.error(view.t("ed_not_editor", who=inline_code(allowed.detail)), icon=":material/block:")
        sign_out_button()
    else:
        return allowed.identity
    st.stop()


identity = signed_in_editor()
who, sign_out_column = st.columns([4, 1], vertical_alignment="center")
render.caption(
    view.t("ed_signed_in_as", email=inline_code(identity["email"]), issuer=inline_code(identity["issuer"])), into=who
)
with sign_out_column:
    sign_out_button()
edit_tab, import_tab = render.tabs([view.t("ed_indicator"), view.t("ed_tab_import")])


def sector_options() -> list[str]:
    return [sector.id for sector in registry.taxonomy.sectors]


def unit_options() -> list[str]:
    """Every reporting unit, the nation first, then by name."""
    units = registry.units.versions if registry.units else {"vn": None}
    return [
        "vn",
        *sorted(
            (unit for unit in units if unit != "vn"),
            key=lambda unit: alphabetical_key(registry.units.latest(unit).name),
        ),
    ]


def unit_label(unit_id: str) -> str:
    if not registry.units or unit_id not in registry.units:
        return unit_id
    unit = registry.units.latest(unit_id)
    return f"{unit.name if view.language == 'vi' else unit.name_en} ({unit_id})"


def kind_label(kind: str) -> str:
    return view.plain(f"kind_{kind}")


def direction_label(direction: str) -> str:
    return view.plain(f"direction_{direction}")


def scale_label(scale: str) -> str:
    """`tỷ (× 1.000.000.000)`, `billion (× 1,000,000,000)`: the word and what it multiplies by."""
    words = SCALES[scale]
    if scale == "one":
        return view.plain("scale_one")
    word = words.vi if view.language == "vi" else words.en
    return view.plain("ed_scale_option", word=word, factor=format_number(words.factor, view.language))


def period_label(period) -> str:
    """A standard period as the reader's language writes it; a free label as it is."""
    label = "" if period is None else str(period)
    if not label:
        return MISSING
    return format_period(label, parse_period(label).kind, view.language) if is_valid_period(label) else label


def base_text(indicator_id: str) -> str | None:
    """The text the editor started from; kept until a save or a reload."""
    key = f"editor_base_{indicator_id}"
    if key not in st.session_state:
        path = registry.files.get(indicator_id)
        st.session_state[key] = open_draft(path).original if path else None
    return st.session_state[key]


def indicator_form(current: dict) -> dict:
    """Indicator-level fields; returns what the form holds."""
    left, right = st.columns(2)
    name_vi = render.text_input(view.t("ed_name_vi"), current["name"]["vi"], into=left)
    name_en = render.text_input(view.t("ed_name_en"), current["name"]["en"], into=right)
    description_vi = render.text_area(view.t("ed_description_vi"), current["description"]["vi"], height=80, into=left)
    description_en = render.text_area(view.t("ed_description_en"), current["description"]["en"], height=80, into=right)
    sectors, units = sector_options(), unit_options()
    sector = render.selectbox(
        view.t("ed_sector"),
        sectors,
        index=sectors.index(current["sector"]) if current["sector"] in sectors else 0,
        format_func=lambda sector_id: f"{view.sector_name(sector_id)} ({sector_id})",
        into=left,
    )
    reporting_unit = render.selectbox(
        view.t("ed_reporting_unit"),
        units,
        index=units.index(current.get("reporting_unit", "vn")) if current.get("reporting_unit", "vn") in units else 0,
        format_func=unit_label,
        into=right,
    )
    kind = render.selectbox(
        view.t("ed_kind"), list(KINDS), index=KINDS.index(current["kind"]), format_func=kind_label, into=left
    )
    direction = render.selectbox(
        view.t("ed_direction"),
        list(DIRECTIONS),
        index=DIRECTIONS.index(current["direction"]),
        format_func=direction_label,
        into=right,
    )
    unit_vi = render.text_input(view.t("ed_unit_vi"), current["unit"]["vi"], into=left)
    unit_en = render.text_input(view.t("ed_unit_en"), current["unit"]["en"], into=right)
    scales = list(SCALES)
    scale = render.selectbox(
        view.t("ed_scale"), scales, index=scales.index(current.get("scale", "one")), format_func=scale_label, into=left
    )
    headline = render.checkbox(view.t("ed_headline"), bool(current.get("headline", False)), into=right)
    return {
        "name": {"vi": name_vi, "en": name_en},
        "description": {"vi": description_vi, "en": description_en},
        "sector": sector,
        "reporting_unit": reporting_unit,
        "kind": kind,
        "direction": direction,
        "unit": {"vi": unit_vi, "en": unit_en},
        "scale": scale,
        "headline": headline,
    }


def observation_picker(indicator_id: str) -> dict | None:
    """Choose a source, then a sentence (searchable), then a number parsed from it."""
    sources = sorted(registry.sources)
    source_id = render.selectbox(
        view.t("ed_source"),
        sources,
        format_func=lambda key: registry.sources[key].meta.title,
        key=f"pick_source_{indicator_id}",
    )
    source = registry.sources[source_id]
    candidates = figure_sentences(source)
    if not candidates:
        render.info(view.t("ed_no_figures"))
        return None
    sentence = render.selectbox(
        view.t("ed_sentence"),
        candidates,
        format_func=lambda item: view.plain("ed_sentence_option", line=item.line, text=item.text),
        key=f"pick_sentence_{indicator_id}_{source_id}",
    )
    proposals = propose(source, sentence, sentence.text, registry.units)
    choice = render.radio(
        view.t("ed_figure"),
        range(len(proposals)),
        format_func=lambda index: inert(describe(proposals[index])),
        key=f"pick_figure_{indicator_id}_{source_id}_{sentence.line}",
    )
    proposal = proposals[choice]
    if proposal.refusal:
        render.warning(inert(untranslated(proposal.refusal)), icon=":material/help:")
    period = render.text_input(
        view.t("ed_period"), proposal.period or "", key=f"pick_period_{indicator_id}_{sentence.line}_{proposal.text}"
    )
    period_quote = render.text_area(
        view.t("ed_period_quote"),
        proposal.period_quote or "",
        height=68,
        key=f"pick_period_quote_{indicator_id}_{sentence.line}_{proposal.text}",
    )
    note = render.text_input(view.t("ed_note"), key=f"pick_note_{indicator_id}")
    observation = proposal.observation(source_id, sentence.text, current_unit(indicator_id))
    observation.pop("period_quote", None)
    if period_quote.strip():
        observation["period_quote"] = period_quote.strip()
    observation["period"] = period
    if note:
        observation["note"] = {"vi": note}
    render.caption(
        view.t("ed_parsed", kind=kind_label(proposal.kind), scale=scale_label(proposal.scale), unit=proposal.unit_vi)
    )
    return observation


def untranslated(message: object) -> str:
    """A message the indicators package writes (in English), marked as such on a Vietnamese page."""
    return str(message) if view.language == "en" else f"{message} ({view.plain('in_english')})"


def current_unit(indicator_id: str) -> str:
    return registry.indicators[indicator_id].reporting_unit if indicator_id in registry.indicators else "vn"


def describe(proposal) -> str:
    """`1,2 tỷ → gần 1,2 tỷ yêu cầu · 2023`: the figure as the text writes it, then as read.
    The unit is the text's own (Vietnamese): English quotes it after the English scale word."""
    unit = proposal.unit_vi
    if view.language == "en" and unit and not unit.startswith("%"):
        unit = f"“{unit}”"
    value = format_value(
        proposal.value,
        scaled_unit(unit, proposal.scale, view.language),
        view.language,
        out_of=proposal.out_of,
        qualifier=proposal.qualifier,
    )
    return view.plain("ed_figure_option", text=proposal.text, value=value, period=period_label(proposal.period))


def preview(indicator_id: str, path, base: str | None, text: str) -> None:
    """Problems, chart and diff of the pending text; save when it is valid."""
    indicator, problems = check_text(registry, path, text)
    if problems:
        render.error(view.t("ed_problem_count", count=len(problems)), icon=":material/error:")
        problems_table(view, problems)
    elif indicator is not None:
        # The draft as the dashboard would show it: a one-indicator registry's frame.
        preview_frame = registry.with_only(indicator).observations_frame
        st.altair_chart(history_of(view, labelled(view, preview_frame)), width="stretch")
    diff = draft_from_text(path, base, text).diff()
    st.code(diff or view.plain("ed_no_change"), language="diff")
    can_save = not problems and bool(diff)
    if render.button(view.t("ed_save"), type="primary", disabled=not can_save, key=f"save_{indicator_id}"):
        try:
            save_text(path, text, digest(base), identity, summary=f"editor: {indicator_id}")
        except ConflictError as conflict:
            render.error(inert(untranslated(conflict)), icon=":material/sync_problem:")
            st.code(conflict.diff, language="diff")
            if render.button(view.t("ed_reload"), key=f"reload_{indicator_id}"):
                st.session_state.pop(f"editor_base_{indicator_id}", None)
                st.rerun()
        except Timeout:
            render.warning(view.t("ed_busy"), icon=":material/hourglass_top:")
        except TextError as error:  # the file on disk became a link leaving the data folder, a FIFO...
            render.error(view.t("ed_file_refused", name=path.name, reason=f"{error} [{error.code}]"))
        except OSError as error:
            render.error(view.t("ed_write_failed", reason=error.strerror or type(error).__name__))
        else:
            after_save(indicator_id, path, text)


def after_save(indicator_id: str, path: Path, text: str) -> None:
    """Start again from the saved file: the registry reloads (the picker shows the new
    name, a new indicator is selected), the preview holds the saved text with nothing
    to save, so Save stays disabled until the next change."""
    saved_id = path.stem
    st.session_state.pop(f"editor_base_{indicator_id}", None)
    st.session_state["editor_pending"] = (saved_id, str(path), text, text)
    st.session_state["editor_saved"] = path.name
    st.session_state["editor_select"] = saved_id
    st.rerun()


def saved_message() -> None:
    """The success message of the save that ended the previous run."""
    name = st.session_state.pop("editor_saved", None)
    if name:
        render.success(view.t("ed_saved", name=name), icon=":material/check:")


def cited_cell(observation) -> dict | None:
    """The table cell an observation cites (`{row, column}`), None for a quote."""
    cell = observation.get("cell")
    return cell if isinstance(cell, dict) and {"row", "column"} <= cell.keys() else None


def evidence(observation) -> str:
    """What an observation cites, in short: its quote, or its cell's row × column ("" for
    neither: a file being fixed)."""
    cell = cited_cell(observation)
    return f"{cell['row']} × {cell['column']}" if cell else str(observation.get("quote") or "")


def observation_rows(indicator_id: str, existing: list) -> tuple[list[int], dict[int, dict]]:
    """Each observation with a Remove box and a Change toggle that opens its value,
    period, quote and period quote for editing in place. Returns the indexes to remove
    and, per index, the fields changed (as they will be written)."""
    removed, changes = [], {}
    for index, observation in enumerate(existing):
        value = format_number(observation["value"], view.language)
        label = f"{period_label(observation['period'])}: {value} — {evidence(observation)[:90]}"
        remove, change = st.columns([5, 1])
        if render.checkbox(
            md("{remove} · {label}", remove=view.t("ed_remove"), label=label),
            key=f"remove_{indicator_id}_{index}",
            into=remove,
        ):
            removed.append(index)
        if render.toggle(view.t("ed_change"), key=f"change_{indicator_id}_{index}", into=change):
            changes[index] = observation_fields(indicator_id, index, observation)
    return removed, changes


def observation_fields(indicator_id: str, index: int, observation) -> dict:
    """The value, period, quote and period quote of one observation as the editor holds
    them; an observation citing a table cell shows its cell, and has no quote to edit."""
    key = f"{indicator_id}_{index}"
    left, right = st.columns(2)
    value = render.text_input(view.t("ed_value"), plain_number(observation["value"]), key=f"value_{key}", into=left)
    period = render.text_input(view.t("ed_period"), str(observation["period"]), key=f"period_{key}", into=right)
    cell = cited_cell(observation)
    if cell:  # the table's title, row × column, and the cell as printed
        render.caption(inert(citation(registry.sources.get(str(observation.get("source"))), cell)))
        return {"value": value.strip(), "period": period.strip()}
    quote = render.text_area(view.t("ed_quote_verbatim"), evidence(observation), height=100, key=f"quote_{key}")
    period_quote = render.text_area(
        view.t("ed_period_quote"), str(observation.get("period_quote") or ""), height=68, key=f"period_quote_{key}"
    )
    return {
        "value": value.strip(),
        "period": period.strip(),
        "quote": quote.strip(),
        "period_quote": period_quote.strip(),
    }


def as_written(fields: dict) -> dict:
    """The fields of `observation_fields` as the file writes them: the value a number, a
    year an int (2024). Raises ValueError saying how to write a value that is not a number."""
    text = fields["value"]
    try:
        number = float(text)
    except ValueError:
        hint = untranslated(number_hint(text)) if number_hint(text) else view.plain("ed_value_hint")
        raise ValueError(view.plain("ed_value_not_number", value=text, hint=hint)) from None
    period = fields["period"]
    return fields | {
        "value": int(number) if number.is_integer() else number,
        "period": int(period) if period.isdecimal() else period,
    }


with edit_tab:
    choices = [NEW, *sorted(registry.files)]
    if st.session_state.get("editor_select") in choices:  # the file just saved
        st.session_state["editor_indicator"] = st.session_state.pop("editor_select")
    indicator_id = render.selectbox(
        view.t("ed_indicator"),
        choices,
        format_func=lambda key: view.t("ed_new_indicator") if key == NEW else f"{view.name(key)} ({key})",
        key="editor_indicator",
    )
    if indicator_id == NEW:
        new_id = render.text_input(view.t("ed_new_id"), key="editor_new_id")
        current = {
            "name": {"vi": "", "en": ""},
            "description": {"vi": "", "en": ""},
            "sector": sector_options()[0],
            "reporting_unit": "vn",
            "kind": "count",
            "direction": "higher-is-better",
            "unit": {"vi": "", "en": ""},
            "scale": "one",
        }
    else:
        new_id = indicator_id
        path = registry.files[indicator_id]
        try:
            on_disk = open_draft(path)
        except TextError as error:  # replaced since the load by a link leaving the data folder, a FIFO...
            render.error(view.t("ed_file_refused", name=path.name, reason=f"{error} [{error.code}]"))
            st.stop()
        current = on_disk.data
        if base_text(indicator_id) != on_disk.original:
            render.warning(view.t("ed_changed_on_disk"))

    fields = indicator_form(current)
    existing = list(current.get("observations", [])) if indicator_id != NEW else []
    removed, changes = [], {}
    if existing:
        render.subheader(view.t("observations"))
        removed, changes = observation_rows(indicator_id, existing)
    render.subheader(view.t("ed_add_figure"))
    adding = render.toggle(view.t("ed_add_toggle"), value=indicator_id == NEW, key=f"adding_{indicator_id}")
    observation = observation_picker(indicator_id) if adding else None

    if render.button(view.t("ed_preview"), key="editor_preview"):
        try:
            if indicator_id == NEW:
                draft = new_draft(registry.data_dir / "registry", {"id": new_id, **fields, "observations": []})
                base = None
            else:
                base = base_text(indicator_id)
                draft = draft_from_text(registry.files[indicator_id], base, base)
                apply_fields(draft, fields)
                for index, changed in changes.items():
                    change_observation(draft, index, as_written(changed))
                for index in sorted(removed, reverse=True):
                    remove_observation(draft, index)
            if observation is not None:
                add_observation(draft, observation)
            st.session_state["editor_pending"] = (indicator_id, str(draft.path), base, draft.text())
        except (FileExistsError, ValueError) as error:
            render.error(inert(untranslated(error)))
    saved_message()
    pending = st.session_state.get("editor_pending")
    if pending and pending[0] == indicator_id:
        preview(indicator_id, Path(pending[1]), pending[2], pending[3])


with import_tab:
    import_review.import_form(view, identity, untranslated)
    import_review.review(view, identity, untranslated, unit_label, unit_options, sector_options)
