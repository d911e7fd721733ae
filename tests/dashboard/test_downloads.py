"""What a download holds: the export columns in the reader's language, each row linked
to its indicator's page with the view's filters."""

from conftest import FIXTURES

from dashboard.downloads import export_rows
from indicators import read_registry
from indicators.exports import EXPORT_COLUMNS, READER_COLUMNS


def test_each_row_links_to_its_indicator_with_the_filters():
    frame = read_registry(FIXTURES / "units").observations_frame
    rows = frame[frame.indicator_id.isin(["digital-firms", "egdi-rank"])]
    exported = export_rows(rows, "en", {"lang": "en", "geo": "national"}, "https://chiso.example.vn/")
    assert list(exported.columns) == [*EXPORT_COLUMNS, *READER_COLUMNS, "indicator_url"]
    links = dict(zip(exported.indicator_id, exported.indicator_url, strict=True))
    assert links == {
        "digital-firms": "https://chiso.example.vn/indicator?lang=en&geo=national&indicator=digital-firms",
        "egdi-rank": "https://chiso.example.vn/indicator?lang=en&geo=national&indicator=egdi-rank",
    }
    assert sorted(exported.value_text) == ["70,000 firms", "71/193", "73,000 firms", "74,500 firms", "86/193"]
