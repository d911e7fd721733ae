"""The least a Streamlit page can be: one 100-point Altair line chart.

The benchmark times its first chart in a new browser beside the dashboard's,
so the dashboard's own share of the wait is visible on any machine."""

import altair as alt
import pandas as pd
import streamlit as st

st.set_page_config(page_title="floor", layout="wide")
points = pd.DataFrame({"x": range(100), "y": range(100)})
st.altair_chart(alt.Chart(points).mark_line().encode(x="x:Q", y="y:Q"), width="stretch")
