"""Every problem code the validator reports, with what it means and how to fix it,
in English and (for the dashboard's Vietnamese pages) in Vietnamese.

`python -m indicators validate --explain CODE` prints an entry; the README's table
and the dashboard's Registry-health page are built from this catalogue, and a
Problem refuses a code that is not in it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    name: str
    summary: str
    fix: str
    drops_file: bool = False  # the whole file is left out of the registry, not only some observations

    def summary_in(self, language: str) -> str:
        """What the code means, in "vi" or "en"."""
        return VIETNAMESE[self.name][0] if language == "vi" else self.summary

    def fix_in(self, language: str) -> str:
        """How to fix it, in "vi" or "en"."""
        return VIETNAMESE[self.name][1] if language == "vi" else self.fix


_ENTRIES = [
    # reading files
    Code(
        "registry-missing",
        "The data folder, or its registry or sources folder, does not exist.",
        "Point `--data` or `INDICATORS_DATA` at a data folder with registry/ and sources/.",
    ),
    Code(
        "file-missing",
        "A file the registry needs is missing (the taxonomy, or a source's text).",
        "Add the file, or remove what refers to it.",
    ),
    Code(
        "file-unreadable",
        "The file could not be read (permissions, or a folder where a file was expected).",
        "Check the file's permissions.",
    ),
    Code(
        "file-too-large",
        "The file is larger than the limit for its kind.",
        "Split it, or check that it is the right file.",
    ),
    Code("file-name", "Registry files must end in .yaml.", "Rename the file to <id>.yaml."),
    Code("file-binary", "The file holds binary data, not text.", "Save the document as plain UTF-8 text."),
    Code(
        "symlink-outside",
        "A symbolic link in the data folder leads outside it; it is not followed, nothing of its target is shown.",
        "Copy the file into the data folder instead of linking it.",
    ),
    Code(
        "text-format-character",
        "The text holds an invisible format character (a bidirectional control such as U+202E, a zero-width "
        "space or joiner, a soft hyphen): it can make a quote show another number than the one checked.",
        "Delete the character at the line and column given (retype the sentence if your editor hides it).",
    ),
    Code(
        "file-not-regular",
        "A name in the data folder is not a regular file (a folder, pipe, device or socket); it is not read.",
        "Replace it with the plain text file the registry expects.",
    ),
    Code(
        "encoding-invalid",
        "The file is not valid UTF-8.",
        "Save it as UTF-8 (the message gives the line and column of the first bad byte).",
    ),
    Code(
        "utf8-bom",
        "The file starts with a UTF-8 byte-order mark (a warning; it is ignored).",
        "Save it as UTF-8 without BOM.",
    ),
    # YAML
    Code(
        "yaml-syntax",
        "The file is not valid YAML.",
        "Fix the syntax at the line and column given; YAML indents with spaces, never tabs.",
    ),
    Code("yaml-empty", "The file is empty.", "Write the indicator's fields, or delete the file."),
    Code(
        "yaml-duplicate-key",
        "A key appears twice in one mapping; YAML would silently keep the last.",
        "Keep one of the two.",
    ),
    Code(
        "yaml-alias", "Anchors, aliases (*name) and merge keys (<<) are not allowed.", "Write each value out in full."
    ),
    Code(
        "yaml-tag-forbidden",
        "A YAML tag (!!python/..., !custom) is not allowed; nothing is ever constructed from one.",
        "Remove the tag and write plain text, numbers, lists and mappings.",
    ),
    Code(
        "yaml-too-deep", "Mappings or lists are nested deeper than the registry ever needs.", "Flatten the structure."
    ),
    Code(
        "yaml-key-invalid",
        "A key is not plain text (a list or a mapping used as a key).",
        "Use a plain name as the key.",
    ),
    # the schema
    Code("schema-missing", "A required field is missing.", "Add the field (the editor's schema help lists them)."),
    Code("schema-extra-forbidden", "An unknown field.", "Check its spelling against the schema, or remove it."),
    Code(
        "schema-string-type",
        "A field that must be text holds something else (a number, true/false, a list).",
        "Quote the value: 'No', '2024'.",
    ),
    Code("schema-string-too-short", "A text field is empty.", "Write the text, or remove the optional field."),
    Code("schema-string-too-long", "A text field is longer than allowed.", "Shorten it; a quote is one sentence."),
    Code(
        "schema-string-pattern-mismatch",
        "A text field does not have the required form (an id in lower case with dashes, a URL starting with http).",
        "Write it in the form the message shows.",
    ),
    Code(
        "schema-float-parsing",
        "A number field holds text that is not a number.",
        "Write the number with a dot as decimal mark and no grouping: 2087114, 14.96.",
    ),
    Code("schema-float-type", "A number field holds something that is not a number.", "Write a number."),
    Code("schema-int-parsing", "A whole-number field holds text that is not a whole number.", "Write a whole number."),
    Code(
        "schema-int-type", "A whole-number field holds something that is not a whole number.", "Write a whole number."
    ),
    Code("schema-int-from-float", "A whole-number field holds a fraction.", "Write a whole number."),
    Code("schema-finite-number", "A number field holds infinity or NaN.", "Write a finite number."),
    Code("schema-greater-than-equal", "A number is below its allowed minimum.", "Check the value."),
    Code("schema-less-than-equal", "A number is above its allowed maximum.", "Check the value."),
    Code("schema-bool-parsing", "A true/false field holds something else.", "Write true or false."),
    Code("schema-bool-type", "A true/false field holds something else.", "Write true or false."),
    Code("schema-date-from-datetime-parsing", "A date field does not hold a date.", "Write the date as YYYY-MM-DD."),
    Code("schema-date-parsing", "A date field does not hold a date.", "Write the date as YYYY-MM-DD."),
    Code("schema-date-type", "A date field does not hold a date.", "Write the date as YYYY-MM-DD."),
    Code(
        "schema-date-from-datetime-inexact", "A date field holds a time of day.", "Write the date alone, as YYYY-MM-DD."
    ),
    Code(
        "schema-literal-error",
        "A field holds a value outside its list of allowed values.",
        "Use one of the values the message lists.",
    ),
    Code(
        "schema-dict-type",
        "A field that must be a mapping (vi:/en: names, a unit) holds something else.",
        "Write it as a mapping: {vi: ..., en: ...}.",
    ),
    Code(
        "schema-model-type",
        "A field that must be a mapping holds something else.",
        "Write it as a mapping with the fields the schema lists.",
    ),
    Code(
        "schema-list-type",
        "A field that must be a list holds something else.",
        "Write it as a list (each item on a line starting with '- ').",
    ),
    Code(
        "schema-too-short",
        "A list is shorter than allowed (an indicator needs at least one observation).",
        "Add the missing items.",
    ),
    Code("schema-value-error", "A value breaks one of the schema's own rules.", "Read the message for the rule."),
    Code(
        "schema-invalid",
        "A value does not fit the schema in some other way.",
        "Read the message; the schema help in the editor shows the expected form.",
    ),
    # rules across files
    Code(
        "id-mismatch",
        "An id differs from its file name.",
        "Rename the file or change the id so that they match.",
        drops_file=True,
    ),
    Code("id-duplicate", "Two files use the same indicator id.", "Give one of them another id (and file name)."),
    Code(
        "sector-unknown",
        "The sector is not one of the taxonomy's sectors.",
        "Use a sector id from data/taxonomy.yaml.",
        drops_file=True,
    ),
    Code(
        "reporting-unit-unknown",
        "The reporting unit is not in data/reporting-units/ (for the indicator, the whole file is left out).",
        "Use 'vn', a province or city ('thanh-hoa'), a ministry ('bo-tai-chinh') or a bloc ('khoi-tinh-thanh').",
        drops_file=True,
    ),
    Code(
        "reporting-unit-not-in-force",
        "The reporting unit did not exist in the observation's period (a province merged on 1 July 2025 has no "
        "later figures).",
        "File the figure under the unit in force then: the message names the successor.",
    ),
    Code(
        "source-unknown",
        "An observation names a source that is not in data/sources/.",
        "Import the source first, or correct the id.",
    ),
    Code(
        "period-invalid",
        "The period is not a period: not one of the standard forms, or a free label without period_start.",
        "Write 2024, 2024-H1, 2024-Q3, 2024-06, 2024-06-30 or 2021/2025, or add period_start to a free label.",
    ),
    Code(
        "value-invalid",
        "The value is impossible for its kind (a negative count, a rank above out_of, an overflow once scaled).",
        "Check the value, the kind and the scale.",
    ),
    Code("out-of-missing", "A rank or level has no out_of.", "Add out_of: the N of '86/193' or '6/10'."),
    # the citation
    Code(
        "quote-not-in-source",
        "The quote is not verbatim in its source (after Unicode and whitespace folding).",
        "Copy the sentence again from the source text; the message says where it stops matching.",
    ),
    Code(
        "value-not-in-quote",
        "The value, times the indicator's scale, is not a number the quote states.",
        "Check the value and the scale against the numbers the message lists.",
    ),
    Code(
        "period-not-in-quote",
        "The quote (or the period_quote) gives the figure another period: a year it does not state, a value "
        "swapped with another year's, another list position, or the source's date for present-tense wording.",
        "Correct the period to the one the message names, or quote the sentence that states this one.",
    ),
    Code(
        "period-unsupported",
        "The quote states no period for the figure (a warning).",
        "Add period_quote: a sentence of the same source, verbatim, that states the period.",
    ),
    Code(
        "geography-not-in-quote",
        "The quote does not name the reporting unit, or gives the figure to another unit; or a national figure's "
        "quote gives it to one province, ministry or bloc.",
        "File the figure under the unit the quote names, or quote a sentence that names this one (or mark the "
        "source as the unit's own publication).",
    ),
    # agreement between sources
    Code(
        "conflicting-values",
        "Sources give different values for the same reporting unit and period, and nothing says which stands "
        "(a warning).",
        "Mark the one that stands with preferred: true, or status: revised for a later release.",
    ),
    Code(
        "preferred-duplicate",
        "More than one observation of the same unit and period is marked preferred.",
        "Keep preferred: true on one of them.",
    ),
    Code(
        "figure-cited-twice",
        "Two indicators cite the same figure of the same sentence, so one figure would show twice.",
        "Keep the figure in one indicator: remove the second observation (or its file), or add what it brings to "
        "the first with `new --indicator ID`.",
    ),
    # coverage
    Code("waiver-stale", "A coverage waiver matches no uncited number any more.", "Remove the waiver."),
    # the edit log (`python -m indicators log verify`)
    Code(
        "edit-log-unreadable",
        "A line of the edit log is not a log entry (one JSON object per line).",
        "Restore the log from a copy; a line cut short by a crash mid-save also shows here.",
    ),
    Code(
        "edit-log-changed",
        "An entry of the edit log was changed after it was written: the next entry records another digest for it.",
        "Restore the entry from a copy of the log; the registry's history cannot be trusted past this line.",
    ),
    Code(
        "edit-log-removed",
        "Entries are missing from the edit log: this entry was written with a higher number than its line.",
        "Restore the missing entries from a copy of the log.",
    ),
    Code(
        "edit-log-reordered",
        "Entries of the edit log are out of order: an entry stands at another line than the one it was written at.",
        "Put the lines back in the order of their `seq` numbers.",
    ),
    Code(
        "edit-log-unchained",
        "Entries at the start of the edit log were written before entries were chained; nothing vouches for them "
        "(a warning).",
        "Nothing to fix; keep a copy of the log as it is now. Every later entry is chained.",
    ),
    Code(
        "edit-log-torn",
        "The log's last line is incomplete: a save was interrupted while it was being logged (its file was not "
        "changed; a warning).",
        "Nothing to do: the next save removes the torn line.",
    ),
]

# Each code in Vietnamese (the same order), for the dashboard's Vietnamese pages: (what it means, how to fix it).
VIETNAMESE: dict[str, tuple[str, str]] = {
    "registry-missing": (
        "Không có thư mục dữ liệu, hoặc thiếu thư mục registry hay sources trong đó.",
        "Trỏ `--data` hoặc `INDICATORS_DATA` tới một thư mục dữ liệu có registry/ và sources/.",
    ),
    "file-missing": (
        "Thiếu một tệp mà sổ chỉ số cần (tệp phân loại, hoặc văn bản của một nguồn).",
        "Thêm tệp đó, hoặc bỏ chỗ tham chiếu tới nó.",
    ),
    "file-unreadable": (
        "Không đọc được tệp (do quyền truy cập, hoặc gặp thư mục ở chỗ cần một tệp).",
        "Kiểm tra quyền truy cập của tệp.",
    ),
    "file-too-large": ("Tệp lớn hơn giới hạn cho loại tệp này.", "Tách tệp, hoặc kiểm tra xem có đúng tệp không."),
    "file-name": ("Tệp trong sổ chỉ số phải có đuôi .yaml.", "Đổi tên tệp thành <id>.yaml."),
    "file-binary": ("Tệp chứa dữ liệu nhị phân, không phải văn bản.", "Lưu tài liệu dưới dạng văn bản thuần UTF-8."),
    "symlink-outside": (
        "Một liên kết tượng trưng trong thư mục dữ liệu trỏ ra ngoài thư mục; liên kết không được theo, "
        "không hiển thị gì từ tệp đích.",
        "Chép tệp vào thư mục dữ liệu thay vì liên kết tới nó.",
    ),
    "text-format-character": (
        "Văn bản chứa một ký tự định dạng vô hình (ký tự điều khiển hướng chữ như U+202E, khoảng trắng hay ký tự "
        "nối độ rộng bằng không, gạch nối mềm): nó có thể khiến trích dẫn hiển thị một con số khác với số đã kiểm.",
        "Xóa ký tự ở dòng và cột đã nêu (gõ lại câu nếu trình soạn thảo của bạn không hiện nó).",
    ),
    "file-not-regular": (
        "Một tên trong thư mục dữ liệu không phải tệp thường (thư mục, ống, thiết bị hay socket); tên này không được đọc.",
        "Thay bằng tệp văn bản thường mà sổ chỉ số cần.",
    ),
    "encoding-invalid": (
        "Tệp không phải UTF-8 hợp lệ.",
        "Lưu tệp dưới dạng UTF-8 (thông báo nêu dòng và cột của byte lỗi đầu tiên).",
    ),
    "utf8-bom": (
        "Tệp bắt đầu bằng dấu thứ tự byte UTF-8 (cảnh báo; dấu này được bỏ qua).",
        "Lưu tệp dưới dạng UTF-8 không có BOM.",
    ),
    "yaml-syntax": (
        "Tệp không phải YAML hợp lệ.",
        "Sửa cú pháp ở dòng và cột đã nêu; YAML thụt lề bằng dấu cách, không bao giờ bằng tab.",
    ),
    "yaml-empty": ("Tệp rỗng.", "Viết các trường của chỉ số, hoặc xóa tệp."),
    "yaml-duplicate-key": (
        "Một khóa xuất hiện hai lần trong cùng một ánh xạ; YAML sẽ lặng lẽ giữ lại khóa sau.",
        "Chỉ giữ một trong hai.",
    ),
    "yaml-alias": (
        "Không được dùng neo, bí danh (*tên) và khóa gộp (<<).",
        "Viết đầy đủ từng giá trị.",
    ),
    "yaml-tag-forbidden": (
        "Không được dùng thẻ YAML (!!python/..., !custom); không có gì được dựng từ thẻ.",
        "Bỏ thẻ và viết văn bản, số, danh sách và ánh xạ thông thường.",
    ),
    "yaml-too-deep": ("Ánh xạ hoặc danh sách lồng sâu hơn mức sổ chỉ số từng cần.", "Làm phẳng cấu trúc."),
    "yaml-key-invalid": (
        "Một khóa không phải văn bản thường (dùng danh sách hay ánh xạ làm khóa).",
        "Dùng một tên thường làm khóa.",
    ),
    "schema-missing": (
        "Thiếu một trường bắt buộc.",
        "Thêm trường đó (phần trợ giúp lược đồ trong trình soạn thảo liệt kê chúng).",
    ),
    "schema-extra-forbidden": ("Một trường không xác định.", "Kiểm tra chính tả theo lược đồ, hoặc bỏ trường đó."),
    "schema-string-type": (
        "Một trường phải là văn bản lại chứa thứ khác (số, true/false, danh sách).",
        "Đặt giá trị trong dấu nháy: 'No', '2024'.",
    ),
    "schema-string-too-short": ("Một trường văn bản bị để trống.", "Viết nội dung, hoặc bỏ trường không bắt buộc đó."),
    "schema-string-too-long": ("Một trường văn bản dài hơn mức cho phép.", "Rút ngắn lại; một trích dẫn là một câu."),
    "schema-string-pattern-mismatch": (
        "Một trường văn bản không đúng dạng yêu cầu (mã viết thường nối bằng gạch ngang, URL bắt đầu bằng http).",
        "Viết theo dạng mà thông báo nêu.",
    ),
    "schema-float-parsing": (
        "Một trường số chứa văn bản không phải số.",
        "Viết số với dấu chấm thập phân và không có dấu phân cách hàng nghìn: 2087114, 14.96.",
    ),
    "schema-float-type": ("Một trường số chứa thứ không phải số.", "Viết một số."),
    "schema-int-parsing": ("Một trường số nguyên chứa văn bản không phải số nguyên.", "Viết một số nguyên."),
    "schema-int-type": ("Một trường số nguyên chứa thứ không phải số nguyên.", "Viết một số nguyên."),
    "schema-int-from-float": ("Một trường số nguyên chứa số thập phân.", "Viết một số nguyên."),
    "schema-finite-number": ("Một trường số chứa vô cực hoặc NaN.", "Viết một số hữu hạn."),
    "schema-greater-than-equal": ("Một số nhỏ hơn mức tối thiểu cho phép.", "Kiểm tra lại giá trị."),
    "schema-less-than-equal": ("Một số lớn hơn mức tối đa cho phép.", "Kiểm tra lại giá trị."),
    "schema-bool-parsing": ("Một trường true/false chứa giá trị khác.", "Viết true hoặc false."),
    "schema-bool-type": ("Một trường true/false chứa giá trị khác.", "Viết true hoặc false."),
    "schema-date-from-datetime-parsing": ("Một trường ngày không chứa ngày.", "Viết ngày theo dạng YYYY-MM-DD."),
    "schema-date-parsing": ("Một trường ngày không chứa ngày.", "Viết ngày theo dạng YYYY-MM-DD."),
    "schema-date-type": ("Một trường ngày không chứa ngày.", "Viết ngày theo dạng YYYY-MM-DD."),
    "schema-date-from-datetime-inexact": (
        "Một trường ngày có kèm giờ trong ngày.",
        "Chỉ viết ngày, theo dạng YYYY-MM-DD.",
    ),
    "schema-literal-error": (
        "Một trường chứa giá trị ngoài danh sách giá trị được phép.",
        "Dùng một trong các giá trị mà thông báo liệt kê.",
    ),
    "schema-dict-type": (
        "Một trường phải là ánh xạ (tên vi:/en:, đơn vị) lại chứa thứ khác.",
        "Viết dưới dạng ánh xạ: {vi: ..., en: ...}.",
    ),
    "schema-model-type": (
        "Một trường phải là ánh xạ lại chứa thứ khác.",
        "Viết dưới dạng ánh xạ với các trường mà lược đồ liệt kê.",
    ),
    "schema-list-type": (
        "Một trường phải là danh sách lại chứa thứ khác.",
        "Viết dưới dạng danh sách (mỗi mục một dòng, bắt đầu bằng '- ').",
    ),
    "schema-too-short": (
        "Một danh sách ngắn hơn mức cho phép (một chỉ số cần ít nhất một số liệu).",
        "Thêm các mục còn thiếu.",
    ),
    "schema-value-error": ("Một giá trị vi phạm một quy tắc riêng của lược đồ.", "Đọc thông báo để biết quy tắc."),
    "schema-invalid": (
        "Một giá trị không khớp lược đồ theo cách khác.",
        "Đọc thông báo; phần trợ giúp lược đồ trong trình soạn thảo cho thấy dạng cần viết.",
    ),
    "id-mismatch": ("Mã khác với tên tệp.", "Đổi tên tệp hoặc đổi mã cho khớp nhau."),
    "id-duplicate": ("Hai tệp dùng cùng một mã chỉ số.", "Đặt mã khác (và tên tệp khác) cho một trong hai."),
    "sector-unknown": (
        "Lĩnh vực không thuộc các lĩnh vực trong tệp phân loại.",
        "Dùng một mã lĩnh vực trong data/taxonomy.yaml.",
    ),
    "reporting-unit-unknown": (
        "Đơn vị báo cáo không có trong data/reporting-units/ (với chỉ số, cả tệp bị bỏ ra).",
        "Dùng 'vn', một tỉnh hoặc thành phố ('thanh-hoa'), một bộ ('bo-tai-chinh') hoặc một khối ('khoi-tinh-thanh').",
    ),
    "reporting-unit-not-in-force": (
        "Đơn vị báo cáo chưa hoặc không còn tồn tại trong kỳ của số liệu (một tỉnh sáp nhập ngày 1/7/2025 không có "
        "số liệu sau đó).",
        "Ghi số liệu cho đơn vị đang tồn tại lúc đó: thông báo nêu tên đơn vị kế thừa.",
    ),
    "source-unknown": (
        "Một số liệu dẫn một nguồn không có trong data/sources/.",
        "Nhập nguồn trước, hoặc sửa lại mã.",
    ),
    "period-invalid": (
        "Kỳ không phải một kỳ: không theo dạng chuẩn nào, hoặc là nhãn tự do mà thiếu period_start.",
        "Viết 2024, 2024-H1, 2024-Q3, 2024-06, 2024-06-30 hoặc 2021/2025, hoặc thêm period_start cho nhãn tự do.",
    ),
    "value-invalid": (
        "Giá trị không thể có với loại của nó (số lượng âm, thứ hạng lớn hơn out_of, tràn số khi nhân quy mô).",
        "Kiểm tra giá trị, loại và quy mô.",
    ),
    "out-of-missing": ("Một thứ hạng hoặc cấp độ thiếu out_of.", "Thêm out_of: số N trong '86/193' hoặc '6/10'."),
    "quote-not-in-source": (
        "Trích dẫn không có nguyên văn trong nguồn (sau khi chuẩn hóa Unicode và khoảng trắng).",
        "Chép lại câu từ văn bản nguồn; thông báo nêu chỗ bắt đầu không khớp.",
    ),
    "value-not-in-quote": (
        "Giá trị, nhân với quy mô của chỉ số, không phải một con số mà trích dẫn nêu.",
        "Đối chiếu giá trị và quy mô với các con số mà thông báo liệt kê.",
    ),
    "period-not-in-quote": (
        "Trích dẫn (hoặc period_quote) gắn con số với kỳ khác: một năm nó không nêu, một giá trị bị tráo với năm "
        "khác, một vị trí khác trong danh sách, hoặc ngày của nguồn khi câu viết ở thì hiện tại.",
        "Sửa kỳ thành kỳ mà thông báo nêu, hoặc trích câu nêu đúng kỳ này.",
    ),
    "period-unsupported": (
        "Trích dẫn không nêu kỳ của con số (cảnh báo).",
        "Thêm period_quote: một câu nguyên văn trong cùng nguồn nêu kỳ đó.",
    ),
    "geography-not-in-quote": (
        "Trích dẫn không nêu đơn vị báo cáo, hoặc gắn con số với đơn vị khác; hoặc trích dẫn của một số liệu toàn "
        "quốc lại gắn nó với một tỉnh, bộ hay khối.",
        "Ghi số liệu cho đơn vị mà trích dẫn nêu, hoặc trích câu nêu đơn vị này (hoặc đánh dấu nguồn là ấn phẩm "
        "của chính đơn vị đó).",
    ),
    "conflicting-values": (
        "Các nguồn nêu giá trị khác nhau cho cùng đơn vị báo cáo và kỳ, mà chưa ghi giá trị nào được dùng (cảnh báo).",
        "Đánh dấu giá trị được dùng bằng preferred: true, hoặc status: revised cho bản công bố sau.",
    ),
    "preferred-duplicate": (
        "Nhiều hơn một số liệu của cùng đơn vị và kỳ được đánh dấu preferred.",
        "Chỉ giữ preferred: true ở một số liệu.",
    ),
    "figure-cited-twice": (
        "Hai chỉ số trích cùng một con số của cùng một câu, nên một con số sẽ hiện hai lần.",
        "Chỉ giữ con số ở một chỉ số: bỏ số liệu thứ hai (hoặc tệp của nó), hoặc thêm phần nó bổ sung vào chỉ số "
        "thứ nhất bằng `new --indicator ID`.",
    ),
    "waiver-stale": ("Một miễn trừ độ phủ không còn khớp con số chưa trích dẫn nào.", "Bỏ miễn trừ đó."),
    "edit-log-unreadable": (
        "Một dòng của nhật ký biên tập không phải mục nhật ký (mỗi dòng một đối tượng JSON).",
        "Khôi phục nhật ký từ bản sao; một dòng bị cắt ngang do sự cố khi đang lưu cũng hiện ở đây.",
    ),
    "edit-log-changed": (
        "Một mục của nhật ký biên tập đã bị sửa sau khi ghi: mục kế tiếp ghi một mã băm khác cho nó.",
        "Khôi phục mục đó từ bản sao của nhật ký; lịch sử của sổ chỉ số sau dòng này không còn đáng tin.",
    ),
    "edit-log-removed": (
        "Nhật ký biên tập thiếu mục: mục này được ghi với số thứ tự lớn hơn số dòng của nó.",
        "Khôi phục các mục bị thiếu từ bản sao của nhật ký.",
    ),
    "edit-log-reordered": (
        "Các mục của nhật ký biên tập sai thứ tự: một mục nằm ở dòng khác với dòng nó được ghi.",
        "Xếp lại các dòng theo thứ tự số `seq` của chúng.",
    ),
    "edit-log-unchained": (
        "Các mục đầu nhật ký biên tập được ghi trước khi nhật ký được nối chuỗi; không có gì bảo đảm cho chúng "
        "(cảnh báo).",
        "Không cần sửa; hãy giữ một bản sao nhật ký như hiện tại. Mọi mục sau đó đều được nối chuỗi.",
    ),
    "edit-log-torn": (
        "Dòng cuối của nhật ký chưa trọn: một lần lưu bị ngắt khi đang ghi nhật ký (tệp của nó không bị thay đổi; "
        "cảnh báo).",
        "Không cần làm gì: lần lưu tiếp theo sẽ xóa dòng dở dang này.",
    ),
}

CATALOGUE: dict[str, Code] = {entry.name: entry for entry in _ENTRIES}


def schema_code(pydantic_type: str) -> str:
    """The catalogue's code for a pydantic error type (`float_parsing` -> `schema-float-parsing`)."""
    code = "schema-" + pydantic_type.replace("_", "-")
    return code if code in CATALOGUE else "schema-invalid"


def explain(name: str) -> str:
    """The catalogue entry as text; raises KeyError for an unknown code."""
    entry = CATALOGUE[name]
    return f"{entry.name}: {entry.summary}\n  fix: {entry.fix}"


def markdown_table() -> str:
    """The catalogue as the README's table."""
    rows = ["| code | what it means | how to fix it |", "| --- | --- | --- |"]
    rows += [f"| `{entry.name}` | {entry.summary} | {entry.fix} |" for entry in _ENTRIES]
    return "\n".join(rows)
