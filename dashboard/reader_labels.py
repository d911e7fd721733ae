"""Labels of the reader's tools (map, search, targets, reading aids) in Vietnamese and
English; merged into `dashboard.i18n.LABELS` (same form: vi, then en or its plural forms)."""

from __future__ import annotations

READER_LABELS: dict[str, tuple] = {
    "page_search": ("Tìm kiếm", "Search"),
    "search": ("Tìm chỉ số", "Search indicators"),
    "search_placeholder": ("vd. dịch vụ công, Thanh Hóa", "e.g. public services, Thanh Hoa"),
    "search_intro": (
        "Tìm trong tên, mô tả, đơn vị, đơn vị báo cáo, câu trích dẫn và nguồn, bằng tiếng Việt hoặc tiếng Anh; "
        'không phân biệt dấu và chữ hoa ("dich vu cong" tìm được "dịch vụ công").',
        "Searches names, descriptions, units, reporting units, quotes and sources, in Vietnamese or English, "
        'whatever the tone marks and case ("dich vu cong" finds "dịch vụ công").',
    ),
    "search_results": (
        '{count} chỉ số khớp "{query}"',
        {"one": '{count} indicator matches "{query}"', "other": '{count} indicators match "{query}"'},
    ),
    "search_none": (
        'Không có chỉ số nào khớp "{query}". Hãy thử ít từ hơn hoặc từ khác.',
        'No indicator matches "{query}". Try fewer or other words.',
    ),
    "found_in_name": ("tên", "name"),
    "found_in_description": ("mô tả", "description"),
    "found_in_unit": ("đơn vị", "unit"),
    "found_in_reporting_unit": ("đơn vị báo cáo", "reporting unit"),
    "found_in_quote": ("trích dẫn", "quote"),
    "found_in_source": ("nguồn", "source"),
    "also_in_sector": ("Cũng thuộc lĩnh vực này", "Also in this sector"),
    "page_targets": ("Mục tiêu", "Targets"),
    "targets_intro": (
        "Mọi mục tiêu trong sổ đăng ký, mỗi mục tiêu của một đơn vị báo cáo, với tiến độ: so số mới nhất với "
        "đường thẳng từ số liệu gốc (số sớm nhất) đến mục tiêu vào cuối năm đích.",
        "Every target in the registry, each for one reporting unit, with its progress: the newest figure set "
        "against the straight line from the baseline (the earliest figure) to the target at the end of its year.",
    ),
    "targets_none": ("Không có mục tiêu nào trong các lĩnh vực đã chọn.", "No target in the chosen sectors."),
    "targets_section": ("Mục tiêu và tiến độ", "Targets and progress"),
    "target_year": ("Năm đích", "Year"),
    "target_value": ("Mục tiêu", "Target"),
    "baseline": ("Số liệu gốc", "Baseline"),
    "latest": ("Số mới nhất", "Latest"),
    "target_status": ("Tiến độ", "Status"),
    "status_reached": ("Đã đạt", "Reached"),
    "status_on-track": ("Đúng tiến độ", "On track"),
    "status_needs-acceleration": ("Cần tăng tốc", "Needs acceleration"),
    "status_off-track": ("Chậm tiến độ", "Off track"),
    "status_no-baseline": ("Chưa đủ số liệu để đánh giá", "Too few figures to assess"),
    "explain_path": (
        "Từ {baseline} ({baseline_period}), theo đường thẳng đến mục tiêu thì đến {latest_period} phải đạt "
        "{expected}; số thực tế là {latest}: {share}% quãng đường cần đi đến lúc đó.",
        "From {baseline} ({baseline_period}), the straight line to the target reaches {expected} by "
        "{latest_period}; the figure is {latest}: {share}% of the progress due by then.",
    ),
    "explain_away": (
        "Từ {baseline} ({baseline_period}), theo đường thẳng đến mục tiêu thì đến {latest_period} phải đạt "
        "{expected}; số thực tế là {latest}: đang đi xa mục tiêu.",
        "From {baseline} ({baseline_period}), the straight line to the target reaches {expected} by "
        "{latest_period}; the figure is {latest}: moving away from the target.",
    ),
    "explain_reached": (
        "Số mới nhất ({period}) là {latest}: đã đạt mục tiêu.",
        "The newest figure ({period}) is {latest}: the target is met.",
    ),
    "explain_ended": (
        "Năm đích đã qua; số mới nhất ({period}) là {latest}, chưa đạt mục tiêu.",
        "The target's year has ended; the newest figure ({period}) is {latest}, short of the target.",
    ),
    "explain_no_baseline": (
        "Cần ít nhất hai số liệu của đơn vị này trước cuối năm đích để vẽ đường tiến độ.",
        "At least two figures of this unit before the end of the target's year are needed to draw the path.",
    ),
    "percentage_points": ("điểm phần trăm", "percentage points"),
    "newest_figure": (
        "Số liệu mới nhất: {period} (nguồn công bố {published}).",
        "Newest figure: {period} (source published {published}).",
    ),
    "data_changed": (
        "Dữ liệu cập nhật lần cuối ngày {date} (ngày đọc nguồn mới nhất). Chỉ số đánh dấu “cũ” có số mới nhất "
        "từ hơn hai năm trước.",
        "Data last changed on {date} (the day the newest source was read). Indicators marked “old” have no "
        "figure from the last two years.",
    ),
    "stale": ("cũ: số mới nhất hơn 2 năm trước", "old: newest figure over 2 years ago"),
    "stale_short": ("cũ", "old"),
    "page_map": ("Bản đồ tỉnh", "Province map"),
    "map_intro": (
        "Mỗi ô là một tỉnh, thành phố, cùng kích thước, đặt theo hình đất nước; màu theo giá trị. "
        "Kỳ trước 1/7/2025 dùng 63 tỉnh, thành phố; từ ngày đó, 34. Bấm vào một ô (hoặc chọn dưới đây) "
        "để xem chuỗi số liệu của tỉnh đó.",
        "Each tile is a province or centrally-run city, all the same size, placed to follow the "
        "country's shape; its colour is its figure. Periods before 1 July 2025 use the 63 provinces; "
        "from then, the 34. Click a tile (or choose below) to see that province's series.",
    ),
    "map_indicators": ("Các chỉ số có bản đồ", "Indicators with a map"),
    "map_none": (
        "Không có chỉ số nào có số liệu cấp tỉnh trong bộ lọc này.",
        "No indicator has provincial figures within these filters.",
    ),
    "map_period": ("Kỳ", "Period"),
    "map_layout_63": ("63 tỉnh, thành phố (trước 1/7/2025)", "63 provinces (before 1 July 2025)"),
    "map_layout_34": ("34 tỉnh, thành phố (từ 1/7/2025)", "34 provinces (from 1 July 2025)"),
    "map_no_figure": ("không có số liệu", "no figure"),
    "map_missing": (
        "Không có số liệu ({count}): {names}",
        {"one": "No figure ({count}): {names}", "other": "No figure ({count}): {names}"},
    ),
    "map_empty_tiles": (
        "ô viền nét đứt: không có số liệu ({count})",
        {"one": "dashed tile: no figure ({count})", "other": "dashed tiles: no figure ({count})"},
    ),
    "map_reporting": (
        "{count} tỉnh, thành phố có số liệu",
        {"one": "{count} province has a figure", "other": "{count} provinces have a figure"},
    ),
    "map_off_layout": (
        "Số liệu của đơn vị không có trên bản đồ này: {names}",
        "Figures of units not on this map: {names}",
    ),
    "map_choose_unit": ("Tỉnh, thành phố", "Province"),
    "map_no_unit": ("(chưa chọn)", "(none chosen)"),
    "map_unit_series": ("Chuỗi số liệu của {unit}", "Series of {unit}"),
    "map_open_indicator": ("Mở trang chỉ số", "Open the indicator page"),
    "map_chart_title": ("{name} · {period}", "{name} · {period}"),
}
