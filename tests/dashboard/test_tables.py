"""Tables show "—" where the registry has nothing, and no link where there is none."""

import pandas as pd

from dashboard.tables import missing_marked


def test_missing_text_reads_a_dash_and_a_missing_link_is_empty():
    frame = pd.DataFrame(
        {
            "publisher": pd.Categorical(["Dân trí", None]),
            "published": ["10/10/2023", None],
            "link": pd.Categorical(["https://dantri.com.vn/", None]),
            "value": [1.5, 2.0],
        }
    )
    marked = missing_marked(frame, links=["link"])
    assert marked["publisher"].tolist() == ["Dân trí", "—"] and isinstance(
        marked["publisher"].dtype, pd.CategoricalDtype
    )
    assert marked["published"].tolist() == ["10/10/2023", "—"]
    assert marked["link"].tolist() == ["https://dantri.com.vn/", ""] and marked["link"].dtype == object
    assert marked["value"].tolist() == [1.5, 2.0]
    assert frame["publisher"].isna().sum() == 1  # the caller's frame is left as it was


def test_a_table_without_missing_values_is_returned_as_it_is():
    frame = pd.DataFrame({"publisher": pd.Categorical(["Dân trí"]), "link": ["https://dantri.com.vn/"]})
    assert missing_marked(frame, links=["link"]) is frame


def test_a_column_with_nothing_in_it_reads_dashes():
    """No source names its publisher: pandas stores the column as numbers (NaN)."""
    frame = pd.DataFrame({"publisher": [float("nan")] * 2, "link": [None, None], "value": [1.0, None]})
    marked = missing_marked(frame, links=["link"])
    assert marked["publisher"].tolist() == ["—", "—"] and marked["link"].tolist() == ["", ""]
    assert marked["value"].isna().tolist() == [False, True]  # numbers stay numbers
