"""Registry health: counts, problems (each with its fix from the catalogue of codes),
open conflicts between sources, the edit log's chain and the coverage of numbers in
the sources."""

import pandas as pd
import streamlit as st

from dashboard import data, render
from dashboard.charts import count_bars
from dashboard.components import (
    chart_caption,
    chart_with_images,
    formatted_value,
    period_text,
    problem_message,
    problems_frame,
)
from dashboard.render import inline_code, md
from dashboard.view import current_view
from indicators.codes import CATALOGUE
from indicators.edit_log import verify_cached
from indicators.paths import DataLayout
from indicators.query import observations_per

view = current_view()
registry = view.loaded.registry
frame = view.loaded.frame
with render.spinner(view.t("reading_sources")):  # every number in every source: seconds on a large registry
    claims, waiver_problems = data.coverage_of(view.loaded)
problems = registry.problems + waiver_problems
errors = [problem for problem in problems if problem.is_error]
uncited = [claim for claim in claims if claim.status == "uncited"]

render.title(view.t("page_health"))
for column, (label, count) in zip(
    st.columns(5),
    [
        ("indicators", len(registry.indicators)),
        ("observations", len(frame)),
        ("page_sources", len(registry.sources)),
        ("problems", len(errors)),
        ("uncited", len(uncited)),
    ],
    strict=True,
):
    with column:
        render.metric(view.t(label), count)

render.header(view.t("problems"), divider="gray")
if problems:
    table = problems_frame(view, problems)
    table[view.plain("how_to_fix")] = [CATALOGUE[problem.code].fix_in(view.language) for problem in problems]
    st.dataframe(table, hide_index=True, width="stretch")
else:
    render.success(view.t("no_problems"), icon=":material/verified:")

render.header(view.t("open_conflicts"), divider="gray")
render.caption(view.t("open_conflicts_help"))
conflicting = frame[frame["conflict"]]
if conflicting.empty:
    render.success(view.t("no_conflicts"), icon=":material/verified:")
else:
    groups = conflicting.groupby(["indicator_id", "reporting_unit", "period"], observed=True, sort=True)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    view.plain("indicators"): view.name(str(indicator_id)),
                    view.plain("reporting_unit"): rows.iloc[0][
                        "reporting_unit_vi" if view.language == "vi" else "reporting_unit_en"
                    ],
                    view.plain("period"): period_text(view, rows.iloc[0]),
                    view.plain("values"): "; ".join(
                        f"{formatted_value(view, row)} ({row.source_id})" for row in rows.itertuples()
                    ),
                }
                for (indicator_id, unit_id, period), rows in groups
            ]
        ),
        hide_index=True,
        width="stretch",
    )

render.header(view.t("edit_log"), divider="gray")
render.caption(view.t("edit_log_help"))
log_check = verify_cached(DataLayout(registry.data_dir).edit_log)  # read again only after the log changed
for problem in log_check.problems:
    text = view.t("edit_log_problem", line=problem.line, message=problem_message(view, problem), code=problem.code)
    (render.error if problem.is_error else render.warning)(
        text, icon=":material/gpp_bad:" if problem.is_error else ":material/history:"
    )
if log_check.ok and log_check.head:
    render.success(
        view.t("edit_log_intact", count=log_check.entries, head=inline_code(log_check.head)),
        icon=":material/verified:",
    )
elif log_check.ok:
    render.info(view.t("edit_log_empty"))

registry_source = view.plain(
    "registry_source",
    indicators=view.plain("indicator_count", count=len(registry.indicators)),
    observations=view.plain("observation_count", count=len(frame)),
)
left, right = st.columns(2)
with left:
    per_sector = observations_per(frame, "sector")
    per_sector["sector"] = [view.sector_name(sector) for sector in per_sector.sector]
    caption = chart_caption(view, view.plain("observations_per_sector"), registry_source)
    chart = count_bars(per_sector, "sector", view.plain("sector"), view.plain("observations"), caption)
    chart_with_images(view, chart, "observations-per-sector")
with right:
    per_source = observations_per(frame, "source_title")
    caption = chart_caption(view, view.plain("observations_per_source"), registry_source)
    chart = count_bars(per_source, "source_title", view.plain("source"), view.plain("observations"), caption)
    chart_with_images(view, chart, "observations-per-source")

render.header(view.t("coverage"), divider="gray")
render.caption(view.t("coverage_help"))
counts = {status: sum(claim.status == status for claim in claims) for status in ("cited", "waived", "uncited")}
for column, status in zip(st.columns(3), ("cited", "waived", "uncited"), strict=True):
    with column:
        render.metric(view.t(status), counts[status])
claims_table = pd.DataFrame(
    [
        {
            view.plain("status"): view.plain(claim.status),
            view.plain("number"): claim.text,
            view.plain("source"): claim.source_id,
            view.plain("line"): claim.line,
            view.plain("cites"): ", ".join(claim.cited_by) or (claim.reason or ""),
            view.plain("sentence"): claim.sentence,
        }
        for claim in sorted(claims, key=lambda claim: ("uncited", "waived", "cited").index(claim.status))
    ]
)
st.dataframe(claims_table, hide_index=True, width="stretch")

render.header(view.t("single_observation_indicators"), divider="gray")
sizes = frame.groupby("indicator_id", observed=True).size()
single = [view.name(indicator_id) for indicator_id in sizes[sizes == 1].index]
render.caption(md("{count} / {total}", count=len(single), total=len(sizes)))
st.dataframe(pd.DataFrame({view.plain("indicators"): single}), hide_index=True, width="stretch")
