"""Every page runs, shows what the real registry holds, and follows filters and links."""

import hashlib
import json
import re
import shutil

import pytest
from conftest import DATA, FIXTURES
from dashboard_helpers import charts, open_page, shown, text_of

from indicators import read_registry
from indicators.edit_log import local_author, verify
from indicators.editing import open_draft, save_text


def assert_clean(app):
    assert not app.exception, [element.value for element in app.exception]
    assert not app.error, [element.value for element in app.error]


def test_overview_shows_headline_cards_and_a_table_of_the_rest(app):
    app.run()
    assert_clean(app)
    assert len(app.metric) == 14  # 12 from articles, EGDI score, internet use and fixed broadband from tables
    assert not app.dataframe  # the table is drawn once its expander is opened
    app.session_state["more_indicators"] = True
    app.run()
    tables = [element.value for element in app.dataframe]
    assert sum(len(table) for table in tables) == 46 - 14
    # Absolute links (a test run has no browser address: this server on localhost).
    assert all(
        link.startswith("http://localhost:8501/indicator?indicator=") for table in tables for link in table["Chi tiết"]
    )
    dates = [date for table in tables for date in table["Ngày đăng"]]
    assert "12/7/2023" in dates and all(re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}|—", date) for date in dates)
    assert shown(app.title[0].value) == "Chỉ số chuyển đổi số Việt Nam"
    assert [shown(header.value) for header in app.header] == [
        "Chính phủ số",
        "Kinh tế số",
        "Xã hội số",
        "Hạ tầng số",
        "An toàn thông tin mạng",
    ]
    assert [button.proto.label for button in app.get("download_button")] == ["Tải CSV", "Tải Excel"]
    values = {shown(metric.label): shown(metric.value) for metric in app.metric}
    assert values["triệu tài khoản"] == "35"
    assert values["% GDP"] == "khoảng 14,96%"


def test_overview_follows_sector_and_language_in_the_link(app):
    app.query_params["sector"] = "digital-economy"
    app.query_params["lang"] = "en"
    app.session_state["more_indicators"] = True
    app.run()
    assert_clean(app)
    assert shown(app.title[0].value) == "Viet Nam digital transformation indicators"
    assert [shown(header.value) for header in app.header] == ["Digital economy"]
    assert sorted(shown(metric.value) for metric in app.metric) == ["46/132", "6", "64.9", "about 14.96%"]
    assert sorted(app.dataframe[0].value["Value"]) == ["23%", "nearly 3 billion USD"]
    downloads = [(button.proto.label, button.proto.help) for button in app.get("download_button")]
    assert [label for label, _ in downloads] == ["Download CSV", "Download Excel"]
    assert downloads[0][1].startswith("Every indicator the filters show")


def test_year_and_geography_filters_change_the_content(app):
    app.run()
    app.sidebar.slider(key="years@vi").set_value((2024, 2024)).run()
    assert_clean(app)
    assert len(app.metric) == 8  # the headline indicators with a 2024 figure (EGDI rank and score from a table)
    assert app.query_params["from"] == "2024"
    app.sidebar.slider(key="years@vi").set_value((2020, 2024))
    app.sidebar.radio(key="geo@vi").set_value("province")
    app.run()
    assert len(app.metric) == 3 and app.query_params["geo"] == "province"


def test_bad_link_values_fall_back_to_defaults_with_a_notice(app):
    app.query_params["sector"] = "no-such-sector"
    app.query_params["from"] = "abc"
    app.query_params["lang"] = "fr"
    app.run()
    assert not app.exception
    assert "sector=no-such-sector" in shown(app.warning[0].value) and "from=abc" in shown(app.warning[0].value)
    assert len(app.metric) == 14  # 12 from articles, EGDI score, internet use and fixed broadband from tables


def test_indicator_page_charts_history_and_cites_each_figure(app):
    open_page(app, "indicator", indicator="digital-product-exports")
    assert_clean(app)
    assert len(charts(app)) == 1
    text = text_of(app)
    assert text.count("Tổng cục Hải quan") >= 3  # one citation per observation
    assert "2024-H1" not in shown(app.title[0].value)
    assert app.get("download_button")
    (citation_text,) = [element.value for element in app.code]
    assert citation_text.startswith(
        "Xuất khẩu sản phẩm số (6 tháng đầu năm 2024): 64,9 tỷ USD. VOV (Đài Tiếng nói Việt Nam). “Thủ tướng"
    )
    assert not app.dataframe  # the table of every observation waits for its expander


def test_indicator_table_lists_every_observation_once_opened(app):
    open_page(app, "indicator", indicator="digital-product-exports")
    app.session_state["observations_table"] = True
    app.run()
    assert_clean(app)
    (table,) = [element.value for element in app.dataframe]
    assert list(table.columns) == [
        "period_text",
        "value_text",
        "quote",
        "source_title",
        "source_publisher",
        "source_published",
        "source_url",
    ]
    shown = read_registry(DATA).observations_frame.query("indicator_id == 'digital-product-exports'")
    assert len(shown) == 3 and table["quote"].tolist() == shown["quote"].tolist()
    assert table["source_published"].tolist() == ["19/7/2024"] * 3  # the page's one date style
    # Only the rows' own categories travel to the browser, not every source of the registry.
    assert len(table["source_title"].cat.categories) == table["source_title"].nunique()


def test_indicator_page_shows_a_single_figure_as_a_value_not_a_line(app):
    open_page(app, "indicator", indicator="vssid-accounts")
    assert_clean(app)
    assert charts(app) == []
    assert shown(app.metric[0].value) == "35 triệu tài khoản"


def test_indicator_choice_is_written_to_the_link(app):
    open_page(app, "indicator", indicator="digital-product-exports")
    app.selectbox(key="indicator_choice").set_value("egdi-rank").run()
    assert app.query_params["indicator"] == "egdi-rank"
    assert len(charts(app)) == 1 and "71/193" in text_of(app)  # twelve editions: a history, the latest 2024


def test_unknown_indicator_in_the_link_is_a_notice(app):
    open_page(app, "indicator", indicator="nope")
    assert not app.exception
    assert "indicator=nope" in shown(app.warning[0].value)


def test_rankings_page_shows_rank_of_n(app):
    open_page(app, "rankings")
    assert_clean(app)
    *panels, provinces = [json.loads(chart.proto.spec) for chart in charts(app)]
    assert len(panels) == 3 and all("facet" in panel for panel in panels)  # one per index, in columns that stack
    # The provincial index's 63 provinces compared for its one year (DTI 2022):
    assert provinces["title"]["text"] == "Xếp hạng chỉ số chuyển đổi số cấp tỉnh (DTI) · 2022"
    assert provinces["layer"][0]["mark"]["type"] == "bar" and app.selectbox(key="province_period").options == ["2022"]
    text = text_of(app)
    for rank in ["hạng 71 trên 193", "hạng 46 trên 132", "hạng 47 trên 172", "97/191"]:
        assert rank in text  # the latest of each index, and an earlier edition in its history
    assert [shown(metric.value) for metric in app.metric] == ["6/10", "-3 bậc"]


@pytest.mark.parametrize(
    ("page", "params", "count"),
    [("indicator", {"indicator": "digital-product-exports"}, 1), ("rankings", {}, 4), ("health", {}, 2)],
)
@pytest.mark.parametrize(("language", "thousands", "month"), [("vi", ".", "tháng 1"), ("en", ",", "January")])
def test_every_chart_has_a_title_a_source_line_and_the_languages_formats(
    app, page, params, count, language, thousands, month
):
    app.query_params["lang"] = language  # before the first run: the language is read when the session starts
    open_page(app, page, **params)
    assert_clean(app)
    specs = [json.loads(chart.proto.spec) for chart in charts(app)]
    assert len(specs) == count
    for spec in specs:
        assert spec["config"]["locale"]["number"]["thousands"] == thousands
        assert spec["config"]["locale"]["time"]["months"][0] == month
        *source, credit = spec["title"]["subtitle"]  # a narrow chart wraps its source line
        assert spec["title"]["text"] and source[0].startswith("Nguồn: " if language == "vi" else "Source")
        assert credit == (
            "Chỉ số chuyển đổi số Việt Nam" if language == "vi" else "Viet Nam digital transformation indicators"
        )


def test_sources_page_highlights_cited_sentences(app):
    open_page(app, "sources", source="vov-2024-07-19-chuyen-doi-so-den-tung-ngo-tung-nha")
    assert_clean(app)
    text = text_of(app)
    assert "Toàn văn · 8 câu được trích dẫn" in text
    assert text.count(":orange-background[") == 8
    assert "35 triệu tài khoản" in text


def test_health_page_reports_counts_and_coverage(app):
    open_page(app, "health")
    assert_clean(app)
    values = {shown(metric.label): shown(metric.value) for metric in app.metric}
    assert values["Chỉ số"] == "46" and values["Số liệu"] == "274" and values["Lỗi"] == "0"
    assert values["Đã trích"] == "274" and values["Được miễn"] == "52" and values["Chưa trích"] == "0"
    assert len(charts(app)) == 2


def save_headline_edits(data, count: int) -> list[str]:
    """`count` real saves of vssid-accounts.yaml; returns the log's lines."""
    path = data / "registry" / "vssid-accounts.yaml"
    for number in range(count):
        draft = open_draft(path)
        draft.data["headline"] = number % 2 == 1
        save_text(path, draft.text(), draft.base_digest, local_author(), summary=f"edit {number}")
    return (data / "edit-log.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)


def test_health_page_shows_an_intact_edit_log_with_its_last_digest(app, monkeypatch, real_data_copy):
    lines = save_headline_edits(real_data_copy, 3)
    monkeypatch.setenv("INDICATORS_DATA", str(real_data_copy))
    app.query_params["lang"] = "en"
    open_page(app, "health")
    assert_clean(app)
    head = verify(real_data_copy / "edit-log.jsonl").head
    assert head == "sha256:" + hashlib.sha256(lines[-1].rstrip("\n").encode("utf-8")).hexdigest()
    assert [shown(message.value) for message in app.success] == [
        "No problems: every quote is verbatim and states its value.",
        "No open conflicts.",
        f"The chain is intact: 3 entries. Digest of the last line: ` {head} `",
    ]


def test_health_page_names_the_first_broken_line_of_the_edit_log(app, monkeypatch, real_data_copy):
    lines = save_headline_edits(real_data_copy, 3)
    (real_data_copy / "edit-log.jsonl").write_text(lines[0] + lines[2], encoding="utf-8")
    monkeypatch.setenv("INDICATORS_DATA", str(real_data_copy))
    app.query_params["lang"] = "en"
    open_page(app, "health")
    assert not app.exception
    message = "1 entry before this one is missing (it was written as entry 3)"
    assert [shown(error.value) for error in app.error] == [f"Line 2: {message} [edit-log-removed]"]
    assert not any("chain is intact" in shown(success.value) for success in app.success)


def test_health_page_warns_of_entries_older_than_the_chain(app, monkeypatch, real_data_copy):
    (real_data_copy / "edit-log.jsonl").write_text('{"author": "analyst", "file": "x.yaml"}\n', encoding="utf-8")
    save_headline_edits(real_data_copy, 1)
    monkeypatch.setenv("INDICATORS_DATA", str(real_data_copy))
    app.query_params["lang"] = "en"
    open_page(app, "health")
    assert_clean(app)
    (warning,) = app.warning
    assert shown(warning.value).startswith("Line 1: line 1 was written before the log was chained")
    assert shown(warning.value).endswith("[edit-log-unchained]")
    assert "The chain is intact: 2 entries." in shown(app.success[-1].value)


def test_health_page_without_an_edit_log(app, monkeypatch, real_data_copy):
    monkeypatch.setenv("INDICATORS_DATA", str(real_data_copy))
    open_page(app, "health")
    assert_clean(app)
    assert [shown(info.value) for info in app.info] == ["Nhật ký biên tập chưa có mục nào."]


def test_a_problem_naming_a_table_names_it_relative_to_the_data_folder(app, monkeypatch, tmp_path):
    data = tmp_path / "data"  # outside the working directory: the validator names its files in full
    shutil.copytree(DATA, data)
    path = data / "registry" / "dti-province-rank.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    reporting_unit: da-nang\n", "", 1), encoding="utf-8")
    monkeypatch.setenv("INDICATORS_DATA", str(data))
    app.query_params["lang"] = "en"
    open_page(app, "health")
    assert not app.exception
    (problems,) = [table.value for table in app.main.dataframe if "How to fix" in table.value.columns]
    (message,) = problems.loc[problems["Code"] == "geography-not-in-cell", "Message"]
    assert message.startswith("sources/mic-dti-2022-provincial-ranking.csv cell B2: ")
    assert str(tmp_path) not in problems.to_csv()


def test_a_broken_registry_shows_an_error_panel_and_the_valid_rest(app, monkeypatch, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    shutil.copy(FIXTURES / "bad" / "yaml-duplicate-key" / "registry" / "vssid-accounts.yaml", data / "registry")
    monkeypatch.setenv("INDICATORS_DATA", str(data))
    app.run()
    assert not app.exception
    assert "1" in shown(app.error[0].value)
    assert len(app.metric) == 13
    assert app.dataframe == [] and "vssid-accounts.yaml" not in text_of(app)  # the details are on the health page
    app.switch_page("views/health.py").run()
    (problems,) = [table.value for table in app.main.dataframe if "Cách sửa" in table.value.columns]
    # Relative to the data folder: readers never see where the server keeps it.
    assert problems.iloc[0, 0] == "registry/vssid-accounts.yaml:15:5"
    # In Vietnamese: what the code means, then the validator's English detail, marked untranslated.
    assert list(problems.columns) == ["Tệp", "Trường", "Thông báo", "Mã", "Cách sửa"]
    assert (
        problems["Thông báo"]
        .iloc[0]
        .startswith(
            "Một khóa xuất hiện hai lần trong cùng một ánh xạ; YAML sẽ lặng lẽ giữ lại khóa sau. "
            "— chi tiết (tiếng Anh, chưa dịch): "
        )
    )
    health = problems
    assert health["Cách sửa"].tolist() == ["Chỉ giữ một trong hai."]


def test_a_file_broken_after_a_valid_load_keeps_its_card_marked_as_being_corrected(app, monkeypatch, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    monkeypatch.setenv("INDICATORS_DATA", str(data))
    app.query_params["lang"] = "en"
    app.run()
    cards = len(app.metric)
    path = data / "registry" / "vssid-accounts.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 35", "value: 3 5"), encoding="utf-8")  # a typo
    app.run()
    assert not app.exception
    assert len(app.metric) == cards  # the card stays, with the last valid figure ...
    assert "This figure is being corrected; shown is the last valid figure." in [
        shown(warning.value) for warning in app.warning
    ]
    assert any("35" in str(metric.value) for metric in app.metric)
    assert "vssid-accounts.yaml" not in text_of(app) and str(data) not in text_of(app)  # ... without file details
    path.write_text(path.read_text(encoding="utf-8").replace("value: 3 5", "value: 35"), encoding="utf-8")
    app.run()
    assert "This figure is being corrected; shown is the last valid figure." not in [
        shown(warning.value) for warning in app.warning
    ]


def test_a_link_to_a_broken_indicator_shows_its_problems_not_another_indicator(app, monkeypatch, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    shutil.copy(FIXTURES / "bad" / "yaml-duplicate-key" / "registry" / "vssid-accounts.yaml", data / "registry")
    monkeypatch.setenv("INDICATORS_DATA", str(data))
    app.query_params["lang"] = "en"
    open_page(app, "indicator", indicator="vssid-accounts")
    assert not app.exception
    assert not app.warning  # not "ignored invalid values in the link"
    assert shown(app.title[0].value) == "vssid-accounts"
    assert shown(app.error[-1].value).startswith("This indicator's file has 1 problem")
    assert not charts(app) and not app.selectbox  # no other indicator instead
    assert any("vssid-accounts.yaml:15:5" in table.value.to_csv() for table in app.dataframe)


def test_an_indicator_with_a_bad_figure_shows_its_problem_and_its_valid_figures(app, monkeypatch, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "registry" / "digital-product-exports.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 64.9", "value: 65.9"), encoding="utf-8")
    monkeypatch.setenv("INDICATORS_DATA", str(data))
    app.query_params["lang"] = "en"
    open_page(app, "indicator", indicator="digital-product-exports")
    assert not app.exception
    assert shown(app.title[0].value) == "Exports of digital products"
    assert shown(app.error[-1].value).startswith("This indicator's file has 1 problem")
    assert any("digital-product-exports.yaml:26:5" in table.value.to_csv() for table in app.dataframe)
    assert len(charts(app)) == 1  # 2021 and 2023 still drawn


def test_a_kpi_card_says_when_a_newer_figure_is_hidden(app, monkeypatch, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "registry" / "digital-product-exports.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 64.9", "value: 65.9"), encoding="utf-8")
    monkeypatch.setenv("INDICATORS_DATA", str(data))
    app.query_params["lang"] = "en"
    app.run()
    assert not app.exception
    assert "117.3" in [shown(metric.value) for metric in app.metric]  # the 2023 figure stands in
    warnings = [shown(warning.value) for warning in app.warning]
    assert warnings == ["1 problem in this indicator's file: a newer figure may be hidden."]


def test_editing_a_file_shows_on_the_next_run_without_restart(app, monkeypatch, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    monkeypatch.setenv("INDICATORS_DATA", str(data))
    app.run()
    assert len(app.metric) == 14  # 12 from articles, EGDI score, internet use and fixed broadband from tables
    assert "71/193" in [shown(metric.value) for metric in app.metric]
    (data / "registry" / "egdi-rank.yaml").unlink()
    app.run()
    assert "71/193" not in [shown(metric.value) for metric in app.metric]  # its card is gone


def test_a_large_registry_shows_a_few_cards_per_sector_and_one_table(app, monkeypatch, tmp_path):
    from benchmarks.synthetic import generate

    data = generate(tmp_path / "data", 40, 3)
    for path in (data / "registry").glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("headline: false", "headline: true"), "utf-8")
    monkeypatch.setenv("INDICATORS_DATA", str(data))
    app.session_state["more_indicators"] = True
    app.run()
    assert_clean(app)
    assert len(app.header) == 5 and len(app.metric) == 5 * 4
    (table,) = [element.value for element in app.dataframe]
    assert len(table) == 40 - 20 and table["Lĩnh vực"].nunique() == 5


@pytest.mark.parametrize("value", ["²", "٣", "\x00", "9" * 3000, "-1", "2023.5"])
def test_no_link_value_can_break_the_app(app, value):
    app.query_params["from"] = value
    app.query_params["geo"] = value
    app.run()
    assert not app.exception
    assert "from=" in shown(app.warning[0].value) and "geo=" in shown(app.warning[0].value)
    assert len(app.metric) == 14  # the defaults: every headline card


def test_an_english_count_of_one_takes_the_singular(app):
    app.query_params["lang"] = "en"
    open_page(app, "indicator", indicator="digital-transformation-decrees-issued")
    assert_clean(app)
    assert shown(app.metric[0].value) == "1 decree"
    assert "**H1 2023: 1 decree**" in [element.value for element in app.markdown]
    app.switch_page("views/overview.py").run()
    app.session_state["more_indicators"] = True
    app.run()
    values = dict(zip(app.dataframe[0].value["Indicators"], app.dataframe[0].value["Value"], strict=True))
    assert values["Decrees on digital transformation issued"] == "1 decree"
    assert values["Directives on digital transformation issued"] == "2 directives"


def test_the_history_chart_gives_a_period_type_one_shape_and_colour_in_both_languages(app):
    """Vega gives shapes in the order of the shape scale's domain, and labels sort differently
    in each language ("6 tháng" < "Năm", "Full year" < "Half year"): the domain must be in
    period-type order in both, or a year is a square in one language and a circle in the other."""
    seen = {}
    for language, labels in (("vi", ["Năm", "6 tháng"]), ("en", ["Full year", "Half year"])):
        app.query_params["lang"] = language
        app.session_state["lang"] = language
        open_page(app, "indicator", indicator="digital-product-exports")
        assert_clean(app)
        (spec,) = [json.loads(chart.proto.spec) for chart in charts(app)]
        shape = next(layer["encoding"]["shape"]["scale"] for layer in spec["layer"] if "shape" in layer["encoding"])
        color = spec["layer"][0]["encoding"]["color"]["scale"]
        assert shape["domain"] == color["domain"] == labels
        seen[language] = color["range"]
    assert seen["vi"] == seen["en"]


DANTRI = "dantri-2023-10-10-ngay-chuyen-doi-so-quoc-gia"
DANTRI_TITLE = "Thủ tướng: Chuyển đổi số phải ưu tiên chất lượng hơn chạy theo số lượng"
DANTRI_URL = (
    "https://dantri.com.vn/suc-manh-so/thu-tuong-chuyen-doi-so-phai-uu-tien-chat-luong-hon-chay-theo-so-luong"
    "-20231010110356037.htm"
)


def how_to_cite(app) -> str:
    assert_clean(app)
    assert shown(app.main.subheader[-1].value) in ("Cách trích dẫn", "How to cite")
    (text,) = [element.value for element in app.code]
    return text


def test_how_to_cite_gives_publisher_full_title_date_url_access_date_and_a_permalink(app):
    app.query_params["lang"] = "en"
    app.query_params["from"] = "2023"  # a filter the permalink keeps
    open_page(app, "indicator", indicator="population-database-requests")
    assert how_to_cite(app) == (
        "Look-up and verification requests to the national population database (2023): nearly 1.2 billion requests. "
        f"Dân trí. “{DANTRI_TITLE}”. 10 October 2023. {DANTRI_URL} (accessed 23 November 2026). "
        "Permalink to this view: http://localhost:8501/indicator?lang=en&from=2023&indicator=population-database-requests"
    )


def test_how_to_cite_without_publisher_or_link_starts_with_the_full_title(app):
    open_page(app, "indicator", indicator="digital-transformation-decrees-issued")
    assert how_to_cite(app) == (
        "Nghị định về chuyển đổi số được ban hành (6 tháng đầu năm 2023): 1 nghị định. "
        "“Hội nghị sơ kết 6 tháng đầu năm 2023 về chuyển đổi số quốc gia và Đề án 06 (điểm cầu Thanh Hóa)”. "
        "12/7/2023. Truy cập ngày 23/11/2026. "
        "Đường dẫn cố định đến trang này: http://localhost:8501/indicator?indicator=digital-transformation-decrees-issued"
    )


def test_how_to_cite_an_undated_source_without_publisher_names_its_site(app, monkeypatch, real_data_copy):
    path = real_data_copy / "sources" / f"{DANTRI}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith(("publisher:", "published:"))), "utf-8")
    monkeypatch.setenv("INDICATORS_DATA", str(real_data_copy))
    app.query_params["lang"] = "en"
    open_page(app, "indicator", indicator="population-database-requests")
    cite = how_to_cite(app)
    assert f"nearly 1.2 billion requests. dantri.com.vn. “{DANTRI_TITLE}”. n.d. {DANTRI_URL} (accessed" in cite


def test_a_filter_that_leaves_an_indicator_no_figure_keeps_that_indicator(app):
    app.query_params["lang"] = "en"
    app.query_params["from"] = "2024"  # before the first run: the filters are read when the session starts
    open_page(app, "indicator", indicator="global-innovation-index-rank")
    assert not app.exception and not app.warning  # not "ignored invalid values in the link"
    assert shown(app.title[0].value) == read_registry(DATA).indicators["global-innovation-index-rank"].name.en
    assert shown(app.info[0].value).startswith("The filters chosen (years, sector, level, unit) leave none")
    assert app.query_params["indicator"] == "global-innovation-index-rank" and not charts(app)
    app.sidebar.slider(key="years@en").set_value((2020, 2024)).run()
    assert app.query_params["indicator"] == "global-innovation-index-rank"
    assert (
        shown(app.title[0].value) == read_registry(DATA).indicators["global-innovation-index-rank"].name.en
        and not app.info
    )


def test_a_finished_run_leaves_no_loaded_registry_in_the_session_state(app):
    """A session's state outlives its runs (a closed tab's, two minutes): a view kept there
    kept a whole loaded registry alive per session, beyond the loads the cache holds."""
    from dashboard.data import Loaded
    from dashboard.view import View

    for name in ("overview", "indicator", "changes"):
        open_page(app, name)
        assert_clean(app)
        kept = {key: type(app.session_state[key]).__name__ for key in app.session_state}
        assert not [key for key in app.session_state if isinstance(app.session_state[key], View | Loaded)], kept
