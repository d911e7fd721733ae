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


def test_download_buttons_keep_no_view_nor_registry_alive(monkeypatch):
    """A button's file is built when clicked, from a callable Streamlit keeps as long as the
    session (a closed tab's, two minutes): it must hold the rows, not the view and its registry."""
    import inspect

    from dashboard import downloads, render
    from dashboard.data import Loaded, reporting_units_of
    from dashboard.link import ALL_GEOGRAPHIES, LinkState
    from dashboard.view import View, build_view

    registry = read_registry(FIXTURES / "units")
    frame = registry.observations_frame
    view = build_view(
        Loaded(registry, frame, "v1", reporting_units_of(frame)), LinkState("en", (), (2022, 2024), ALL_GEOGRAPHIES)
    )
    kept = []
    monkeypatch.setattr(render, "download_button", lambda label, data, **_: kept.append(data))
    monkeypatch.setattr(downloads, "app_address", lambda page_path: "http://example.test/")
    monkeypatch.setattr(downloads, "filter_params", dict)
    downloads.download_buttons(view, view.filtered, "figures", page_path="overview")
    assert len(kept) == len(downloads.FORMATS)
    for build in kept:
        held = inspect.getclosurevars(build).nonlocals
        assert not [name for name, value in held.items() if isinstance(value, View | Loaded | type(registry))], held
        assert held["version"] == "v1" and held["language"] == "en"
