"""Every label of the dashboard in Vietnamese and English.

A label that counts something (`{count}`) has one English text per plural form,
`{"one": ..., "other": ...}` ("1 problem", "3 problems"); `translate` picks the form
babel's plural rules give for the count. Vietnamese has one form, so its text is
always a single string. A count is written in the language's number format.
"""

from __future__ import annotations

from dashboard.reader_labels import READER_LABELS
from indicators.formatting import format_number, plural_form

Forms = dict[str, str]  # a label's text per plural form of its `count`: "one", "other"

LABELS: dict[str, tuple[str, str | Forms]] = {
    # key: (vi, en)
    "app_title": ("Chỉ số chuyển đổi số Việt Nam", "Viet Nam digital transformation indicators"),
    "tagline": (
        "Mỗi con số đều dẫn về câu văn gốc đã nêu nó, được máy kiểm chứng.",
        "Every number links to the sentence that states it, checked by machine.",
    ),
    "language": ("Ngôn ngữ", "Language"),
    "filters": ("Bộ lọc", "Filters"),
    "sectors": ("Lĩnh vực", "Sectors"),
    "sectors_help": ("Để trống để xem tất cả lĩnh vực.", "Leave empty to see every sector."),
    "years": ("Năm", "Years"),
    "geography": ("Phạm vi", "Geography"),
    "geo_all": ("Tất cả", "All"),
    "reporting_units": ("Đơn vị báo cáo", "Reporting units"),
    "reporting_units_help": (
        "Tỉnh, thành phố, bộ, ngành hay cả nước; để trống để xem tất cả.",
        "Provinces, ministries or the country; leave empty to see all.",
    ),
    "geo_national": ("Toàn quốc", "National"),
    "geo_province": ("Cấp tỉnh", "Provincial"),
    "geo_ministry": ("Bộ, ngành", "Ministries"),
    "geo_bloc": ("Khối", "Blocs"),
    "page_overview": ("Tổng quan", "Overview"),
    "page_indicator": ("Chỉ số", "Indicator"),
    "page_rankings": ("Xếp hạng", "Rankings"),
    "page_sources": ("Nguồn", "Sources"),
    "reading_sources": (
        "Đang đọc mọi con số trong các nguồn…",
        "Reading every number in the sources…",
    ),
    "page_health": ("Tình trạng dữ liệu", "Registry health"),
    "page_editor": ("Biên tập", "Editor"),
    "quote": ("Trích dẫn", "Quote"),
    "source": ("Nguồn", "Source"),
    "publisher": ("Cơ quan đăng", "Publisher"),
    "published": ("Ngày đăng", "Published"),
    "link": ("Liên kết", "Link"),
    "no_link": ("không có liên kết trong văn bản", "no link stated in the text"),
    "details": ("Chi tiết", "Details"),
    "period": ("Kỳ", "Period"),
    "value": ("Giá trị", "Value"),
    "note": ("Ghi chú", "Note"),
    "vs": ("so với", "vs"),
    "no_data": (
        "Không có số liệu nào khớp bộ lọc. Hãy mở rộng khoảng năm hoặc chọn thêm lĩnh vực.",
        "No figures match the filters. Widen the year range or pick more sectors.",
    ),
    "more_indicators": ("Các chỉ số khác", "More indicators"),
    "single_point": (
        "Chỉ có một số liệu: hiển thị giá trị và ngày, không vẽ đường.",
        "A single figure: shown as a value with its date, not as a line.",
    ),
    "choose_indicator": ("Chọn chỉ số", "Choose an indicator"),
    "observations": ("Số liệu", "Observations"),
    "indicators": ("Chỉ số", "Indicators"),
    "all_in_table": ("bảng dưới đây liệt kê tất cả, kèm trích dẫn", "the table below lists them all, with quotes"),
    "observations_table": ("Bảng tất cả số liệu", "Table of all observations"),
    "how_to_cite": ("Cách trích dẫn", "How to cite"),
    "page_changes": ("Có gì mới", "What's new"),
    "changes_intro": (
        "Các số liệu được thêm, sửa hay xoá gần đây, theo nhật ký chỉnh sửa; lọc theo lĩnh vực ở thanh bên.",
        "Figures added, revised or removed lately, from the edit log; filter by sector in the sidebar.",
    ),
    "changes_none": (
        "Nhật ký chỉnh sửa chưa ghi thay đổi số liệu nào.",
        "The edit log records no change to a figure yet.",
    ),
    "feed_links": ("Theo dõi qua Atom", "Follow by Atom"),
    "history": ("Lịch sử số liệu", "History of the figures"),
    "history_none": (
        "Nhật ký chỉnh sửa chưa ghi thay đổi nào của chỉ số này.",
        "The edit log records no change to this indicator yet.",
    ),
    "change": ("Thay đổi", "Change"),
    "change_added": ("thêm", "added"),
    "change_revised": ("sửa", "revised"),
    "change_removed": ("xoá", "removed"),
    "changed_on": ("Ngày", "Date"),
    "editor_name": ("Người sửa", "Editor"),
    "value_before": ("Trước", "Before"),
    "value_after": ("Sau", "After"),
    "as_of": ("Số liệu theo ngày", "As of a date"),
    "as_of_day": ("Ngày", "Day"),
    "as_of_saved": ("Theo lần lưu ngày {day} (mục {seq} của nhật ký).", "As saved on {day} (log entry {seq})."),
    "as_of_before_log": (
        "Trước lần lưu đầu tiên nhật ký ghi lại: tệp như khi đó.",
        "Before the first save the log records: the file as it was then.",
    ),
    "as_of_missing": ("Ngày đó chỉ số này chưa có.", "The indicator did not exist on that day."),
    "as_of_unknown": (
        "Nhật ký không đủ để dựng lại tệp ngày đó (tệp đã bị sửa ngoài trình soạn thảo).",
        "The log does not hold enough to rebuild the file on that day (it was changed outside the editor).",
    ),
    "data_files": ("Tệp dữ liệu", "Data files"),
    "data_files_pending": ("Các tệp dữ liệu đang được tạo lại.", "The data files are being rebuilt."),
    "data_package": ("Gói dữ liệu (datapackage.json)", "Data package (datapackage.json)"),
    "csv_excel": ("CSV cho Excel", "CSV for Excel"),
    "embed": ("Nhúng", "Embed"),
    "embed_help": (
        "Dán đoạn mã này vào trang của bạn để nhúng biểu đồ đúng như đang xem:",
        "Paste this into your page to embed the chart as shown:",
    ),
    "embed_file": ("Tệp HTML độc lập", "Self-contained HTML"),
    "embed_missing": (
        "Trang này không còn biểu đồ mà đường dẫn nhúng nêu.",
        "This page no longer has the chart the embed names.",
    ),
    "link_back": ("Xem trên {site}", "See it on {site}"),
    "cite_undated": ("không ghi ngày", "n.d."),
    "cite_accessed": ("truy cập ngày {date}", "accessed {date}"),
    "cite_accessed_alone": ("Truy cập ngày {date}", "Accessed {date}"),
    "cite_permalink": ("Đường dẫn cố định đến trang này", "Permalink to this view"),
    "download_csv": ("Tải CSV", "Download CSV"),
    "download_json": ("Tải JSON", "Download JSON"),
    "download_xlsx": ("Tải Excel", "Download Excel"),
    "download_shown": (
        "Mọi chỉ số đang hiển thị theo bộ lọc: số liệu mới nhất của mỗi chỉ số, kèm trích dẫn, nguồn và liên kết.",
        "Every indicator the filters show: its latest figure, with quote, source and links.",
    ),
    "download_png": ("Ảnh PNG", "PNG image"),
    "download_svg": ("Ảnh SVG", "SVG image"),
    "chart_source": ("Nguồn", "Source"),
    "chart_sources": ("Nguồn", "Sources"),
    "more_sources": ("và {count} nguồn khác", "and {count} more"),
    "registry_source": (
        "Nguồn: sổ chỉ số của trang này, {indicators}, {observations}",
        "Source: this site's registry, {indicators}, {observations}",
    ),
    "rank_chart_title": ("Thứ hạng của Việt Nam trong các bảng xếp hạng quốc tế", "Viet Nam in international rankings"),
    "indicator_count": ("{count} chỉ số", {"one": "{count} indicator", "other": "{count} indicators"}),
    "observation_count": ("{count} số liệu", {"one": "{count} observation", "other": "{count} observations"}),
    "observations_per_sector": ("Số liệu theo lĩnh vực", "Observations per sector"),
    "observations_per_source": ("Số liệu theo nguồn", "Observations per source"),
    "target": ("Mục tiêu", "Target"),
    "period_type": ("Loại kỳ", "Period type"),
    "year": ("Năm", "Full year"),
    "half-year": ("6 tháng", "Half year"),
    "quarter": ("Quý", "Quarter"),
    "month": ("Tháng", "Month"),
    "date": ("Tại ngày", "As of date"),
    "range": ("Giai đoạn", "Range of years"),
    "other": ("Khác", "Other"),
    "rank_of": ("hạng {rank} trên {total}", "rank {rank} of {total}"),
    "international_rankings": ("Xếp hạng quốc tế", "International rankings"),
    "rankings_intro": (
        "Thứ hạng càng nhỏ càng tốt; trục dọc đảo ngược để hạng 1 ở trên cùng.",
        "Lower is better; the axis is reversed so that rank 1 is at the top.",
    ),
    "levels": ("Cấp độ", "Levels"),
    "provincial": ("Địa phương", "Provinces"),
    "index": ("Chỉ số", "Index"),
    "rank": ("Hạng", "Rank"),
    "out_of": ("Trên tổng số", "Out of"),
    "no_rankings": ("Không có xếp hạng nào khớp bộ lọc.", "No rankings match the filters."),
    "source_text": ("Toàn văn", "Full text"),
    "cited_sentences": (
        "{count} câu được trích dẫn",
        {"one": "{count} cited sentence", "other": "{count} cited sentences"},
    ),
    "cites": ("Trích cho", "Cited by"),
    "source_table": ("Bảng", "Table"),
    "history_many_units": (
        "{count} đơn vị, mỗi đơn vị một kỳ: xem phần so sánh giữa các đơn vị bên dưới.",
        {
            "one": "{count} unit with one period: see the comparison below.",
            "other": "{count} units, one period each: see the comparison of units below.",
        },
    ),
    "rank_history": ("Lịch sử xếp hạng", "Rank history"),
    "mergers": ("Tỉnh, thành phố đã hợp nhất từ 1/7/2025", "Provinces merged on 1 July 2025"),
    "provincial_comparison": ("So sánh các tỉnh, thành phố", "Provinces compared"),
    "choose_year": ("Chọn năm", "Choose a year"),
    "cited_cells": ("{count} ô được trích dẫn", {"one": "{count} cited cell", "other": "{count} cited cells"}),
    "table_place": ("Vị trí trong ấn phẩm", "Place in the publication"),
    "page_number": ("trang {page}", "page {page}"),
    "language_name": ("Ngôn ngữ", "Language"),
    "language_vi": ("tiếng Việt", "Vietnamese"),
    "language_en": ("tiếng Anh", "English"),
    "accessed": ("Ngày truy cập", "Accessed"),
    "notes": ("Ghi chú", "Notes"),
    "choose_source": ("Chọn nguồn", "Choose a source"),
    "problems": ("Lỗi", "Problems"),
    "registry_problems": (
        "Sổ chỉ số có {count} lỗi; các số liệu bị lỗi đã được ẩn, phần còn lại vẫn hiển thị.",
        {
            "one": "The registry has {count} problem; the figures it affects are hidden, the rest is shown.",
            "other": "The registry has {count} problems; the figures they affect are hidden, the rest is shown.",
        },
    ),
    "indicator_unloaded": (
        "Tệp của chỉ số này có {count} lỗi nên chưa hiển thị được; sửa các lỗi dưới đây.",
        {
            "one": "This indicator's file has {count} problem, so it cannot be shown; fix the problem below.",
            "other": "This indicator's file has {count} problems, so it cannot be shown; fix the problems below.",
        },
    ),
    "indicator_problems": (
        "Tệp của chỉ số này có {count} lỗi: các số liệu bị lỗi không hiển thị ở đây.",
        {
            "one": "This indicator's file has {count} problem: the figures it affects are not shown here.",
            "other": "This indicator's file has {count} problems: the figures they affect are not shown here.",
        },
    ),
    "figures_hidden": (
        "{count} lỗi trong tệp của chỉ số này: số liệu mới hơn có thể đang bị ẩn.",
        {
            "one": "{count} problem in this indicator's file: a newer figure may be hidden.",
            "other": "{count} problems in this indicator's file: a newer figure may be hidden.",
        },
    ),
    "unit_comparison": ("So sánh giữa các đơn vị", "Comparison across reporting units"),
    "comparison_period": ("Kỳ so sánh", "Period compared"),
    "comparison_citations": ("Trích dẫn từng đơn vị", "Each unit's citation"),
    "outside_filters": (
        "Các bộ lọc đang chọn (năm, lĩnh vực, phạm vi, đơn vị) không giữ số liệu nào của chỉ số này; "
        "hãy mở rộng bộ lọc ở thanh bên.",
        "The filters chosen (years, sector, level, unit) leave none of this indicator's figures; "
        "widen them in the sidebar.",
    ),
    "no_common_period": (
        "Các đơn vị chưa có số liệu cho cùng một kỳ để so sánh.",
        "The reporting units have no period in common to compare.",
    ),
    "merged_into": (
        "{unit} đã hợp nhất vào {successor} từ ngày {day}: chuỗi số liệu của {unit} kết thúc tại đó.",
        "{unit} merged into {successor} on {day}: its series ends there.",
    ),
    "places_vs": ("bậc so với", "places vs"),
    "also_reported_by": (
        "cùng số liệu: {count} nguồn khác",
        {"one": "also reported by {count} other source", "other": "also reported by {count} other sources"},
    ),
    "sources_disagree": (
        "Các nguồn nêu số khác nhau cho {period}; trang chi tiết liệt kê từng nguồn.",
        "Sources disagree on {period}; the details page lists each one.",
    ),
    "target_gap": ("Mục tiêu {year}: {goal} · còn cách {gap}", "Target {year}: {goal} · {gap} to go"),
    "target_reached": ("Mục tiêu {year}: {goal} · đã đạt", "Target {year}: {goal} · reached"),
    "no_problems": (
        "Không có lỗi: mọi trích dẫn đều nguyên văn và nêu đúng giá trị.",
        "No problems: every quote is verbatim and states its value.",
    ),
    "edit_log": ("Nhật ký biên tập", "Edit log"),
    "edit_log_help": (
        "Mỗi mục của nhật ký ghi mã băm SHA-256 của dòng trước nó, nên một mục bị sửa, xóa hay đổi chỗ sẽ lộ ra; "
        "`python -m indicators log verify` kiểm tra cùng chuỗi này. Hãy lưu mã băm dòng cuối ở nơi khác: "
        "chỉ nó cho thấy mục cuối bị sửa hay cả nhật ký bị viết lại.",
        "Each entry of the log records the SHA-256 of the line before it, so an entry changed, removed or "
        "reordered shows; `python -m indicators log verify` checks the same chain. Keep the last line's digest "
        "elsewhere: only it shows a changed last entry or a log rewritten whole.",
    ),
    "edit_log_intact": (
        "Chuỗi nguyên vẹn: {count} mục. Mã băm dòng cuối: {head}",
        {
            "one": "The chain is intact: {count} entry. Digest of the last line: {head}",
            "other": "The chain is intact: {count} entries. Digest of the last line: {head}",
        },
    ),
    "edit_log_empty": ("Nhật ký biên tập chưa có mục nào.", "The edit log has no entries yet."),
    "edit_log_problem": ("Dòng {line}: {message} [{code}]", "Line {line}: {message} [{code}]"),
    "coverage": ("Độ phủ các con số trong nguồn", "Coverage of the numbers in the sources"),
    "coverage_help": (
        "Mỗi con số trong nguồn phải được một số liệu trích dẫn hoặc được miễn có lý do.",
        "Every number in a source must be cited by an observation or waived with a reason.",
    ),
    "cited": ("Đã trích", "Cited"),
    "waived": ("Được miễn", "Waived"),
    "uncited": ("Chưa trích", "Uncited"),
    "single_observation_indicators": ("Chỉ số chỉ có một số liệu", "Indicators with a single figure"),
    "url_notice": (
        "Bỏ qua giá trị không hợp lệ trong đường dẫn: {details}",
        "Ignored invalid values in the link: {details}",
    ),
    "page_failed": (
        "Trang này gặp lỗi và không hiển thị được. Chi tiết đã được ghi lại.",
        "This page hit an error and could not be shown. The details were logged.",
    ),
    "sector": ("Lĩnh vực", "Sector"),
    "kind": ("Loại", "Kind"),
    "file": ("Tệp", "File"),
    "field": ("Trường", "Field"),
    "message": ("Thông báo", "Message"),
    "untranslated_detail": (
        "{meaning} — chi tiết (tiếng Anh, chưa dịch): {detail}",
        "{meaning} — detail (in Vietnamese, not translated): {detail}",
    ),
    "code": ("Mã", "Code"),
    "line": ("Dòng", "Line"),
    "status": ("Trạng thái", "Status"),
    "reason": ("Lý do", "Reason"),
    "number": ("Con số", "Number"),
    "sentence": ("Câu", "Sentence"),
    "national": ("Toàn quốc", "National"),
    "province": ("Cấp tỉnh", "Provincial"),
    "ministry": ("Bộ, ngành", "Ministry"),
    "bloc": ("Khối", "Bloc"),
    # editor
    "ed_read_only": (
        "Thư mục {folder} chỉ đọc trên máy này; không thể lưu thay đổi.",
        "The registry folder {folder} is read-only here; edits cannot be saved.",
    ),
    "ed_parsed": (
        "Đọc được — loại: {kind}; quy mô: {scale}; đơn vị: “{unit}”",
        "Parsed — kind: {kind}; scale: {scale}; unit: “{unit}”",
    ),
    "ed_saved": (
        "Đã lưu {name}. Nút Lưu mở lại khi có thay đổi mới.",
        "Saved {name}. Save is available again after the next change.",
    ),
    "ed_imported": ("Đã nhập {source}.", "Imported {source}."),
    "ed_problem_count": (
        "{count} lỗi; hãy sửa trước khi lưu.",
        {"one": "{count} problem; fix it before saving.", "other": "{count} problems; fix them before saving."},
    ),
    "ed_not_imported": ("Chưa nhập: {reason}", "Not imported: {reason}"),
    "ed_sign_in": ("Đăng nhập", "Sign in"),
    "ed_sign_out": ("Đăng xuất", "Sign out"),
    "ed_sign_in_needed": (
        "Đăng nhập để biên tập. Nhật ký biên tập ghi lại danh tính bạn dùng để đăng nhập.",
        "Sign in to edit. The edit log records the identity you sign in with.",
    ),
    "ed_sign_in_unconfigured": (
        "Máy chủ này chưa cấu hình đăng nhập nên không thể biên tập: mục [auth] trong "
        ".streamlit/secrets.toml thiếu {keys} (xem .streamlit/secrets.example.toml).",
        "Sign-in is not configured on this server, so nobody can edit: the [auth] section of "
        ".streamlit/secrets.toml lacks {keys} (see .streamlit/secrets.example.toml).",
    ),
    "ed_no_editors": (
        "Chưa có biên tập viên nào: thêm emails hoặc domains vào mục [editors] của .streamlit/secrets.toml. {detail}",
        "No editors are configured: add emails or domains to the [editors] section of .streamlit/secrets.toml. {detail}",
    ),
    "ed_not_editor": (
        "Bạn đã đăng nhập là {who} nhưng không phải biên tập viên (danh sách biên tập viên xét theo email đã xác minh).",
        "You are signed in as {who}, but not an editor (editors are listed by verified email).",
    ),
    "ed_signed_in_as": (
        "Đăng nhập là {email}, do {issuer} xác nhận; mỗi lần lưu được ghi vào nhật ký biên tập với danh tính này.",
        "Signed in as {email} through {issuer}; every save is logged with this identity.",
    ),
    "ed_disabled": (
        "Chức năng biên tập đang tắt trên máy chủ này (đặt DASHBOARD_EDIT=1 trên một máy chủ ghi duy nhất).",
        "Editing is disabled on this server (set DASHBOARD_EDIT=1 on the single writer instance).",
    ),
    "ed_name_vi": ("Tên (tiếng Việt)", "Name (vi)"),
    "ed_name_en": ("Tên (tiếng Anh)", "Name (en)"),
    "ed_description_vi": ("Mô tả (tiếng Việt)", "Description (vi)"),
    "ed_description_en": ("Mô tả (tiếng Anh)", "Description (en)"),
    "ed_sector": ("Lĩnh vực", "Sector"),
    "ed_reporting_unit": ("Đơn vị báo cáo", "Reporting unit"),
    "ed_kind": ("Loại", "Kind"),
    "ed_direction": ("Chiều tốt", "Direction"),
    "ed_unit_vi": ("Đơn vị (tiếng Việt), không kèm từ chỉ quy mô", "Unit (vi), without the scale word"),
    "ed_unit_en": ("Đơn vị (tiếng Anh), không kèm từ chỉ quy mô", "Unit (en), without the scale word"),
    "ed_scale": ("Quy mô", "Scale"),
    "ed_headline": ("Chỉ số chính (thẻ KPI ở trang tổng quan)", "Headline (KPI card on the overview)"),
    "ed_no_figures": ("Nguồn này không có câu nào nêu số liệu.", "This source has no sentence with a figure."),
    "ed_sentence": ("Câu (gõ để tìm)", "Sentence (type to search)"),
    "ed_figure": ("Con số", "Figure"),
    "ed_indicator": ("Chỉ số", "Indicator"),
    "ed_changed_on_disk": (
        "Tệp đã thay đổi trên đĩa từ khi bạn mở; khi lưu sẽ hiện phần khác biệt.",
        "This file changed on disk since you opened it; saving will show the difference.",
    ),
    "ed_add_figure": ("Thêm số liệu từ một câu trong nguồn", "Add a figure from a source sentence"),
    "ed_import_help": (
        "Nhập địa chỉ trang web, hoặc tải lên tệp PDF hay .txt (UTF-8, tối đa {limit} MB) hay một bảng .csv hoặc .xlsx, hoặc dán văn bản. "
        "Văn bản được lưu vào data/sources/; tiêu đề, cơ quan đăng và ngày đăng được đọc từ trang web khi để trống.",
        "Give a web address, or upload a PDF, a .txt file (UTF-8, at most {limit} MB) or a .csv or .xlsx table, or paste the text. "
        "It is saved under data/sources/; a page's title, publisher and date are read from it when left empty.",
    ),
    "ed_title": ("Tiêu đề", "Title"),
    "ed_publisher": ("Cơ quan đăng", "Publisher"),
    "ed_published": ("Ngày đăng", "Published"),
    "ed_url": (
        "Địa chỉ trang web (được tải về khi không có tệp hay văn bản; nếu có, là URL do cơ quan đăng công bố)",
        "Web address (fetched when no file or text is given; with one, the address the publisher gives)",
    ),
    "ed_give_document": (
        "hãy nhập địa chỉ trang web, tải lên tệp hoặc dán văn bản",
        "give a web address, a file or the text",
    ),
    "ed_fetching": ("Đang đọc tài liệu…", "Reading the document…"),
    "ed_tables": (
        "{count} bảng được đọc từ tài liệu và để riêng; đối chiếu từng ô với bản in, rồi chọn bảng cần lưu thành nguồn dạng bảng.",
        {
            "one": "{count} table was read from the document and kept apart: check its cells against the print, then tick it to save it as a table source.",
            "other": "{count} tables were read from the document and kept apart: check their cells against the print, then tick each to save as a table source.",
        },
    ),
    "ed_table_caption": ("Bảng {number} (trang {page}): {title}", "Table {number} (page {page}): {title}"),
    "ed_review": ("Duyệt các con số", "Review the figures"),
    "ed_review_source": ("Nguồn", "Source"),
    "ed_review_count": (
        "{count} con số chưa được đăng ký; {ready} con số đã đủ thông tin.",
        {
            "one": "{count} figure is not registered yet; {ready} need nothing more.",
            "other": "{count} figures are not registered yet; {ready} need nothing more.",
        },
    ),
    "ed_review_none": ("Mọi con số của nguồn này đã được đăng ký.", "Every figure of this source is registered."),
    "ed_quote": ("Trích dẫn", "Quote"),
    "ed_context": ("Kỳ lấy từ câu trước", "Period from the sentence before"),
    "ed_missing": ("Còn thiếu: {what}", "Still missing: {what}"),
    "ed_decision": ("Quyết định", "Decision"),
    "ed_accept": ("Chấp nhận", "Accept"),
    "ed_reject": ("Bỏ qua", "Reject"),
    "ed_correct": ("Sửa", "Correct"),
    "ed_row_value": ("Giá trị (theo quy mô của chỉ số)", "Value (in the indicator's scale)"),
    "ed_save_accepted": (
        "Lưu {count} con số được chấp nhận",
        {"one": "Save the {count} accepted figure", "other": "Save the {count} accepted figures"},
    ),
    "ed_saved_files": (
        "Đã lưu {count} con số vào {files} tệp: {names}",
        {
            "one": "Saved {count} figure in {files} file(s): {names}",
            "other": "Saved {count} figures in {files} file(s): {names}",
        },
    ),
    "ed_not_saved": ("Chưa lưu gì: {reason}", "Nothing saved: {reason}"),
    "ed_value_invalid": (
        "dòng {row}: giá trị {value} không phải là số",
        "row {row}: the value {value} is not a number",
    ),
    "ed_text": ("Văn bản", "Text"),
    "ed_import": ("Nhập", "Import"),
    "ed_tab_indicator": ("Chỉ số", "Indicator"),
    "ed_tab_import": ("Nhập nguồn", "Import a source"),
    "ed_source": ("Nguồn", "Source"),
    "ed_period": ("Kỳ", "Period"),
    "ed_note": ("Ghi chú (không bắt buộc)", "Note (optional)"),
    "ed_preview": ("Kiểm tra và xem trước", "Validate and preview"),
    "ed_save": ("Lưu", "Save"),
    "ed_reload": ("Tải lại tệp đã lưu", "Reload the saved file"),
    "ed_busy": (
        "Có người khác đang lưu; chưa có gì được ghi. Hãy thử lại sau giây lát.",
        "Someone else is saving; nothing was written. Try again in a moment.",
    ),
    "ed_write_failed": (
        "Không ghi được lên đĩa ({reason}); tệp và nhật ký biên tập vẫn như trước.",
        "The disk refused the write ({reason}); the file and the edit log are as they were.",
    ),
    "ed_file_refused": (
        "Tệp {name} không được đọc ({reason}); không có gì được ghi.",
        "The file {name} was not read ({reason}); nothing was written.",
    ),
    "ed_new_indicator": ("+ Chỉ số mới", "+ New indicator"),
    "ed_new_id": (
        "Mã mới (chữ thường, nối bằng gạch ngang; thành tên tệp)",
        "New id (lower-case words with dashes; becomes the file name)",
    ),
    "ed_add_toggle": ("Thêm một số liệu", "Add an observation"),
    "ed_remove": ("Xóa", "Remove"),
    "ed_change": ("Sửa", "Change"),
    "ed_value": ("Giá trị (dấu chấm thập phân: 35.5)", "Value (a dot as decimal mark: 35.5)"),
    "ed_quote_verbatim": ("Trích dẫn (nguyên văn từ nguồn)", "Quote (verbatim from the source)"),
    "ed_period_quote": (
        "Câu nêu kỳ (period_quote, không bắt buộc: một câu nguyên văn của cùng nguồn)",
        "Period quote (period_quote, optional: a sentence of the same source, verbatim)",
    ),
    "ed_value_hint": ("viết một số, dấu chấm thập phân: 35.5", "write a number with a dot as decimal mark: 35.5"),
    "ed_value_not_number": ("Giá trị “{value}” không phải là số: {hint}", "Value “{value}” is not a number: {hint}"),
    "ed_upload": (
        "…hoặc tải lên tệp PDF, .txt, hay một bảng .csv hoặc .xlsx",
        "…or upload a PDF, a .txt file, or a .csv or .xlsx table",
    ),
    "ed_sentence_option": ("dòng {line}: {text}", "line {line}: {text}"),
    "ed_figure_option": ("{text} → {value} · {period}", "{text} → {value} · {period}"),
    "ed_no_change": ("(không có thay đổi)", "(no change)"),
    "ed_title_required": ("cần nhập tiêu đề", "the title is required"),
    "ed_table_fields": (
        "Với một bảng (.csv, .xlsx): tiêu đề là tên ấn phẩm; vị trí của bảng trong ấn phẩm:",
        "For a table (.csv, .xlsx): the title is the publication's; where the table stands in it:",
    ),
    "ed_table_title": ("Tên bảng (như bản in)", "Table title (as printed)"),
    "ed_table_number": ("Số bảng", "Table number"),
    "ed_table_page": ("Trang", "Page"),
    "ed_table_sheet": ("Trang tính (.xlsx)", "Sheet (.xlsx)"),
    "ed_table_page_number": ("trang phải là một số, không phải “{page}”", "the page must be a number, not “{page}”"),
    "ed_table_keep": ("Lưu bảng {number} thành nguồn dạng bảng", "Save table {number} as a table source"),
    "ed_tables_save": (
        "Lưu {count} bảng đã chọn",
        {"one": "Save the {count} table chosen", "other": "Save the {count} tables chosen"},
    ),
    "ed_table_refused": ("Bảng {number} chưa được lưu: {reason}", "Table {number} was not saved: {reason}"),
    "ed_tables_saved": ("Đã lưu nguồn dạng bảng: {sources}", "Saved as table sources: {sources}"),
    "ed_table_source": ("Bảng: {where}", "Table: {where}"),
    "ed_table_row": ("Dòng", "Row"),
    "ed_table_column": ("Cột", "Column"),
    "ed_whole_column": ("(mọi dòng: cả cột)", "(every row: the whole column)"),
    "ed_whole_row": ("(mọi cột: cả dòng)", "(every column: the whole row)"),
    "ed_table_unit_hint": (
        "Đơn vị báo cáo, khi bảng không nêu",
        "Reporting unit, where the table names none",
    ),
    "ed_as_table_states": ("(như bảng nêu)", "(as the table states)"),
    "ed_table_period_hint": ("Kỳ, khi bảng không nêu", "Period, where the table states none"),
    "ed_choose_cells": (
        "Chọn một dòng, một cột, hoặc cả hai (một ô).",
        "Choose a row, a column, or both (one cell).",
    ),
    "ed_cells_not_ready": ("Chưa thể ghi các ô này: {reason}", "These cells cannot be filed yet: {reason}"),
    "ed_as_printed": ("Như bản in", "As printed"),
    "ed_file_cells": (
        "Ghi {count} ô vào {file}",
        {"one": "File {count} cell in {file}", "other": "File {count} cells in {file}"},
    ),
    "ed_cells_filed": (
        "Đã ghi {count} ô vào {file}",
        {"one": "Filed {count} cell in {file}", "other": "Filed {count} cells in {file}"},
    ),
    "ed_scale_option": ("{word} (× {factor})", "{word} (× {factor})"),
    "scale_one": ("không có (× 1)", "none (× 1)"),
    # the registry's vocabulary (indicators/vocabulary.py)
    "kind_count": ("Số lượng", "Count"),
    "kind_amount": ("Số tiền", "Amount of money"),
    "kind_share": ("Tỷ lệ phần trăm", "Percentage share"),
    "kind_rank": ("Thứ hạng (trên N)", "Rank (of N)"),
    "kind_level": ("Cấp độ (trên N)", "Level (of N)"),
    "kind_score": ("Điểm số", "Score"),
    "kind_change": ("Mức thay đổi", "Change"),
    "direction_higher-is-better": ("Càng cao càng tốt", "Higher is better"),
    "direction_lower-is-better": ("Càng thấp càng tốt", "Lower is better"),
    "how_to_fix": ("Cách sửa", "How to fix"),
    "open_conflicts": ("Số liệu vênh nhau chưa xử lý", "Open conflicts"),
    "open_conflicts_help": (
        "Các nguồn nêu số khác nhau cho cùng chỉ số, đơn vị và kỳ, mà tệp chưa ghi số nào được dùng "
        "(preferred: true, hoặc status: revised cho bản công bố sau).",
        "Sources give different figures for one indicator, reporting unit and period, and the file does "
        "not yet say which stands (preferred: true, or status: revised for a later release).",
    ),
    "no_conflicts": ("Không có số liệu vênh nhau.", "No open conflicts."),
    "reporting_unit": ("Đơn vị báo cáo", "Reporting unit"),
    "values": ("Các giá trị", "Values"),
    "not_translated": ("chưa dịch", "not translated"),
    "in_english": ("tiếng Anh, chưa dịch", "in English"),
    "untranslated_note": ("Ghi chú (chưa dịch): {note}", "Note (not translated): {note}"),
    "per_year_of": ("mỗi năm (báo cáo {period})", "per year (reported {period})"),
    "per_year_series": ("mỗi năm", "per year"),
    "being_corrected": (
        "Số liệu này đang được chỉnh sửa; đây là con số hợp lệ gần nhất.",
        "This figure is being corrected; shown is the last valid figure.",
    ),
    "see_health": ("Xem chi tiết ở trang Tình trạng sổ chỉ số", "See the details on the Registry health page"),
    "full_text": ("Toàn văn theo trang", "The whole text, page by page"),
    "text_page": ("Trang (trong {pages} trang)", "Page (of {pages})"),
}
if set(READER_LABELS) & set(LABELS):  # a label defined twice would silently take one of the texts
    raise ValueError(f"labels defined twice: {sorted(set(READER_LABELS) & set(LABELS))}")
LABELS.update(READER_LABELS)


def template(key: str, language: str, count: float | None = None) -> str:
    """The label's text in `language`, with its `{name}` fields unfilled; for a label
    with plural forms, the form `count` takes."""
    vi, en = LABELS[key]
    text = vi if language == "vi" else en
    if isinstance(text, dict):
        if count is None:
            raise ValueError(f"label {key!r} has plural forms: give its count")
        text = text[plural_form(count, language)]
    return text


def localised(values: dict, language: str) -> dict:
    """The values of a label, its `count` written in the language's number format."""
    count = values.get("count")
    if isinstance(count, int | float) and not isinstance(count, bool):
        return {**values, "count": format_number(count, language)}
    return values


def translate(key: str, language: str, **values: object) -> str:
    """The label in `language`, its fields filled with `values`."""
    text = template(key, language, values.get("count"))
    return text.format(**localised(values, language)) if values else text
