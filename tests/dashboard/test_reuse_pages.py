"""Reuse in the app (AppTest): What's new, each figure's history, embeds and their HTML file."""

import pytest
from dashboard_helpers import charts, open_page, shown, text_of
from test_pages import assert_clean

from indicators.edit_log import oidc_author
from indicators.editing import open_draft, save_text

EDITOR = oidc_author("https://id.example.org", "s-1", "tran.binh@example.gov.vn")


@pytest.fixture
def edited(app, monkeypatch, real_data_copy):
    """The real data where the 2023 export figure was taken out, then put back."""
    path = real_data_copy / "registry" / "digital-product-exports.yaml"
    draft = open_draft(path)
    taken = draft.data["observations"].pop(1)
    save_text(path, draft.text(), draft.base_digest, EDITOR, "kiểm tra lại")
    draft = open_draft(path)
    draft.data["observations"].insert(1, taken)
    save_text(path, draft.text(), draft.base_digest, EDITOR, "khôi phục")
    monkeypatch.setenv("INDICATORS_DATA", str(real_data_copy))
    return app


def test_whats_new_without_a_log_says_so(app):
    open_page(app, "changes")
    assert_clean(app)
    assert shown(app.title[0].value) == "Có gì mới"
    assert "Nhật ký chỉnh sửa chưa ghi thay đổi số liệu nào." in text_of(app)


def test_whats_new_lists_each_change_newest_first_in_the_sectors_shown(edited):
    edited.query_params["lang"] = "en"
    open_page(edited, "changes")
    assert_clean(edited)
    (table,) = [element.value for element in edited.dataframe]
    assert table["Change"].tolist() == ["added", "removed"]
    assert table["Indicator"].tolist() == ["Exports of digital products"] * 2
    assert table["Before"].tolist() == ["—", "117.3 billion USD"] and set(table["Editor"]) == {"tran.binh"}
    edited.session_state["sectors"] = ["digital-society"]  # as the sidebar's sector filter sets it
    edited.run()
    assert not edited.dataframe and "The edit log records no change to a figure yet." in text_of(edited)


def test_the_indicator_page_shows_its_history_and_none_elsewhere(edited):
    open_page(edited, "indicator", indicator="digital-product-exports")
    assert_clean(edited)
    (table,) = [element.value for element in edited.dataframe]
    assert table["Thay đổi"].tolist() == ["thêm", "xoá"] and table["Kỳ"].tolist() == ["2023", "2023"]
    open_page(edited, "indicator", indicator="vssid-accounts")
    assert not edited.dataframe and "Nhật ký chỉnh sửa chưa ghi thay đổi nào của chỉ số này." in text_of(edited)


def test_every_chart_offers_an_embed_of_this_view_and_an_html_file(app):
    app.query_params["lang"] = "en"
    open_page(app, "indicator", indicator="digital-product-exports")
    assert_clean(app)
    codes = [element.value.strip("` ") for element in app.markdown if "<iframe" in element.value]
    assert len(codes) == len(charts(app)) == 1
    source = "http://localhost:8501/indicator?lang=en&amp;indicator=digital-product-exports&amp;embed=true"
    assert codes[0].startswith(f'<iframe src="{source}&amp;chart=digital-product-exports" ')
    labels = [button.proto.label for button in app.get("download_button")]
    assert "Self-contained HTML" in labels and "PNG image" in labels


def test_an_embed_shows_the_chart_it_names_and_a_link_back_only(app):
    app.query_params["lang"] = "en"
    open_page(app, "indicator", indicator="digital-product-exports", chart="digital-product-exports")
    assert_clean(app)
    assert len(charts(app)) == 1
    (link,) = app.get("link_button")
    assert link.proto.label == "See it on Viet Nam digital transformation indicators"
    assert "chart=" not in link.proto.url and "lang=en" in link.proto.url
    assert not app.sidebar.children or all(not block.children for block in app.sidebar.children.values())


def test_an_embed_of_a_chart_the_page_no_longer_has_says_so(app):
    open_page(app, "indicator", indicator="digital-product-exports", chart="no-such-chart")
    assert_clean(app)
    assert not charts(app)
    assert "Trang này không còn biểu đồ mà đường dẫn nhúng nêu." in text_of(app)
