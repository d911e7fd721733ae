"""Registry health: counts, problems, the edit log's chain and the coverage of
numbers in the sources."""

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.charts import count_bars
from dashboard.components import chart_caption, chart_with_images, escape_markdown, inline_code, problems_frame
from dashboard.view import current_view
from indicators.edit_log import verify
from indicators.paths import DataLayout
from indicators.query import observations_per

view = current_view()
registry = view.loaded.registry
frame = view.loaded.frame
with st.spinner(view.t("reading_sources")):  # every number in every source: seconds on a large registry
    claims, waiver_problems = data.coverage_of(view.loaded)
problems = registry.problems + waiver_problems
errors = [problem for problem in problems if problem.is_error]

st.title(view.t("page_health"))
columns = st.columns(5)
columns[0].metric(view.t("indicators"), len(registry.indicators))
columns[1].metric(view.t("observations"), len(frame))
columns[2].metric(view.t("page_sources"), len(registry.sources))
columns[3].metric(view.t("problems"), len(errors))
uncited = [claim for claim in claims if claim.status == "uncited"]
columns[4].metric(view.t("uncited"), len(uncited))

st.header(view.t("problems"), divider="gray")
if problems:
    st.dataframe(problems_frame(view, problems), hide_index=True, width="stretch")
else:
    st.success(view.t("no_problems"), icon=":material/verified:")

st.header(view.t("edit_log"), divider="gray")
st.caption(view.t("edit_log_help"))
log_check = verify(DataLayout(registry.data_dir).edit_log)  # reads the log on every run: a change shows at once
for problem in log_check.problems:
    text = view.t("edit_log_problem", line=problem.line, message=escape_markdown(problem.message), code=problem.code)
    if problem.is_error:
        st.error(text, icon=":material/gpp_bad:")
    else:
        st.warning(text, icon=":material/history:")
if log_check.ok and log_check.head:
    st.success(
        view.t("edit_log_intact", count=log_check.entries, head=inline_code(log_check.head)),
        icon=":material/verified:",
    )
elif log_check.ok:
    st.info(view.t("edit_log_empty"))

registry_source = view.t("registry_source", indicators=len(registry.indicators), observations=len(frame))
left, right = st.columns(2)
with left:
    per_sector = observations_per(frame, "sector")
    per_sector["sector"] = [view.sector_name(sector) for sector in per_sector.sector]
    caption = chart_caption(view, view.t("observations_per_sector"), registry_source)
    chart = count_bars(per_sector, "sector", view.t("sector"), view.t("observations"), caption)
    chart_with_images(view, chart, "observations-per-sector")
with right:
    per_source = observations_per(frame, "source_title")
    caption = chart_caption(view, view.t("observations_per_source"), registry_source)
    chart = count_bars(per_source, "source_title", view.t("source"), view.t("observations"), caption)
    chart_with_images(view, chart, "observations-per-source")

st.header(view.t("coverage"), divider="gray")
st.caption(view.t("coverage_help"))
counts = {status: sum(claim.status == status for claim in claims) for status in ("cited", "waived", "uncited")}
cited_column, waived_column, uncited_column = st.columns(3)
cited_column.metric(view.t("cited"), counts["cited"])
waived_column.metric(view.t("waived"), counts["waived"])
uncited_column.metric(view.t("uncited"), counts["uncited"])
claims_table = pd.DataFrame(
    [
        {
            view.t("status"): view.t(claim.status),
            view.t("number"): claim.text,
            view.t("source"): claim.source_id,
            view.t("line"): claim.line,
            view.t("cites"): ", ".join(claim.cited_by) or (claim.reason or ""),
            view.t("sentence"): claim.sentence,
        }
        for claim in sorted(claims, key=lambda claim: ("uncited", "waived", "cited").index(claim.status))
    ]
)
st.dataframe(claims_table, hide_index=True, width="stretch")

st.header(view.t("single_observation_indicators"), divider="gray")
sizes = frame.groupby("indicator_id").size()
single = [view.name(indicator_id) for indicator_id in sizes[sizes == 1].index]
st.caption(f"{len(single)} / {len(sizes)}")
st.dataframe(pd.DataFrame({view.t("indicators"): single}), hide_index=True, width="stretch")
