"""Tables for readers. Streamlit's grid writes "None" in a cell that holds nothing;
here a missing value reads "—", as everywhere else in the app, and a missing link is
an empty cell (a "—" there would be a link to nowhere)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from indicators.formatting import MISSING


def missing_marked(frame: pd.DataFrame, links: Iterable[str] = ()) -> pd.DataFrame:
    """`frame` with "—" in every empty text cell and "" in every empty cell of the `links`
    columns; text stored as categories stays categories, numbers stay numbers."""
    links = set(links)
    marked = {}
    for name in frame.columns:
        column = frame[name]
        missing = column.isna()
        if not missing.any():
            continue
        if name in links:  # as plain text: the grid shows an empty category as "None" too
            marked[name] = column.astype(object).where(~missing, "")
        elif missing.all():  # nothing at all, which pandas may store as numbers
            marked[name] = pd.Series(MISSING, index=column.index, dtype=object)
        elif isinstance(column.dtype, pd.CategoricalDtype):
            if MISSING not in column.cat.categories:
                column = column.cat.add_categories([MISSING])
            marked[name] = column.fillna(MISSING)
        elif pd.api.types.is_object_dtype(column.dtype) or pd.api.types.is_string_dtype(column.dtype):
            marked[name] = column.where(~missing, MISSING)
    return frame.assign(**marked) if marked else frame
