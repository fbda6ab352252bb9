//! Every sentence the user sees, in Vietnamese, in one place.
//!
//! Owns: labels, the loader's problem messages (what is wrong, and how to fix it), answers-file
//! messages, CLI messages, and words used inside reports ("Có", "Không", "và"). Another
//! language would be a sibling of this module.
//!
//! Must not: decide anything; it only words what other modules found. It imports nothing of the
//! crate but `vn` (tests/architecture.rs checks): the module that found a problem picks the
//! sentence (`questionnaire::explain`, `template::explain`, `answers::explain`,
//! `compare::report`) and hands it plain values — names, numbers, limits.

pub const ERROR_LABEL: &str = "lỗi";
pub const WARNING_LABEL: &str = "cảnh báo";
pub const FIX_LABEL: &str = "→ cách sửa:";
pub const YES: &str = "Có";
pub const NO: &str = "Không";
pub const AND: &str = "và";
pub const DEFAULT_KIND: &str = "BÁO CÁO";
/// How the outline names a section that has no heading (an opening paragraph).
pub const UNTITLED_SECTION: &str = "(đoạn mở đầu)";
pub const TO_LABEL: &str = "Kính gửi:";
pub const CC_LABEL: &str = "Nơi nhận:";
pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// `render --format docx` with no `-o` on a terminal.
pub const DOCX_NEEDS_OUTPUT: &str =
    "tệp Word không in ra màn hình được; hãy thêm `-o TỆP.docx` (ví dụ `-o bao-cao.docx`)";

pub const SHAPE_MAP: &str = "một bảng khóa–giá trị (các dòng `khóa: giá trị`)";
pub const SHAPE_TEXT: &str = "một đoạn văn bản";
pub const SHAPE_BOOL: &str = "`true` hoặc `false`";
pub const SHAPE_INTEGER: &str = "một số nguyên";
pub const SHAPE_NUMBER: &str = "một số";
pub const SHAPE_COUNT: &str = "một số nguyên không âm";
pub const SHAPE_LIST: &str = "một danh sách (các dòng bắt đầu bằng `- `)";
pub const SHAPE_VAR: &str = "một giá trị đơn hoặc một danh sách";

pub const KIND_NAME_TEXT: &str = "văn bản";
pub const KIND_NAME_BOOL: &str = "có/không";
pub const KIND_NAME_NUMBER: &str = "số";
pub const KIND_NAME_LIST: &str = "danh sách";
pub const KIND_NAME_MAP: &str = "bảng khóa–giá trị";
pub const KIND_NAME_DATE: &str = "ngày tháng";
pub const KIND_NAME_OTHER: &str = "khác";

pub const CONDITION_HAS_DELIMITERS: &str =
    "điều kiện `when` chỉ là một biểu thức, không dùng `{{ }}` hay `{% %}`";

/// A syntax problem of a condition, said of a condition (not of a template), with the slip
/// behind MiniJinja's "unexpected `=`" named.
fn condition_detail(detail: &str) -> String {
    if detail.contains("unexpected `=`") {
        return "dấu `=` đơn; so sánh bằng viết `==`".to_owned();
    }
    detail
        .strip_prefix("sai cú pháp mẫu câu: ")
        .map_or_else(|| detail.to_owned(), |rest| format!("sai cú pháp: {rest}"))
}

/// MiniJinja's "unexpected end of input", in Vietnamese.
pub const TEMPLATE_ENDS_EARLY: &str = "mẫu câu kết thúc khi còn thiếu `}}`, `%}` hoặc `{% end… %}`";

/// A template's `{% if %}` (or `{% for %}` …) that is never closed.
pub fn unclosed_block(keyword: &str) -> String {
    format!("thẻ `{{% {keyword} … %}}` ở dòng này chưa có `{{% end{keyword} %}}` đi cùng")
}

// The sentences for a template problem found by MiniJinja (`template::explain` picks one).

/// A template names something that was never declared.
pub fn template_undefined(detail: &str) -> String {
    format!("dùng một tên chưa được khai báo{}", suffix(detail))
}

/// A template's syntax error, with MiniJinja's English detail.
pub fn template_syntax(detail: &str) -> String {
    format!("sai cú pháp mẫu câu: {}", template_syntax_detail(detail))
}

/// A filter that does not exist, with the likely intended one.
pub fn unknown_filter(name: &str, near: Option<&str>) -> String {
    match near {
        Some(k) => format!("không có bộ lọc `{name}`; có phải ý bạn là `{k}`?"),
        None => format!(
            "không có bộ lọc `{name}` (các bộ lọc tiếng Việt: ngay_dai, ngay_ngan, so, phan_tram, noi)"
        ),
    }
}

/// A function that does not exist.
pub fn unknown_function(detail: &str) -> String {
    format!("không có hàm này{}", suffix(detail))
}

/// A test (`x is …`) that does not exist, with the likely intended one.
pub fn unknown_test(name: &str, near: Option<&str>) -> String {
    match near {
        Some(k) => format!("không có phép thử `{name}`; có phải ý bạn là `{k}`?"),
        None => format!(
            "không có phép thử `{name}` (hay dùng: `x is none`, `x is number`, `x is string`)"
        ),
    }
}

/// A render stopped by its time budget of `seconds`.
pub fn template_over_time(seconds: f64) -> String {
    format!(
        "mẫu câu vượt giới hạn an toàn (chạy quá {} giây) nên đã bị dừng; hãy viết mẫu câu đơn giản hơn",
        crate::vn::format_decimal(seconds, None)
    )
}

/// A render stopped by its fuel.
pub const TEMPLATE_OUT_OF_FUEL: &str = "mẫu câu vượt giới hạn an toàn (lặp quá nhiều lần, hoặc tạo ra văn bản hay danh sách quá lớn) nên đã bị dừng; hãy viết mẫu câu đơn giản hơn";

/// An operation on values of the wrong kind (or on an unanswered question).
pub fn template_invalid_operation(detail: &str) -> String {
    format!(
        "phép tính không thực hiện được, thường do một câu hỏi chưa được trả lời hoặc sai loại{}",
        suffix(detail)
    )
}

/// A filter or function given too few or too many arguments.
pub fn template_wrong_arguments(detail: &str) -> String {
    format!("bộ lọc hoặc hàm nhận sai số đối số{}", suffix(detail))
}

/// A template tried to read another template (`include`/`import`).
pub const TEMPLATE_NO_INCLUDE: &str = "mẫu câu không được đọc tệp khác (include/import)";

/// Any other render problem, with MiniJinja's own description.
pub fn template_failed(error: &str) -> String {
    format!("mẫu câu bị lỗi khi tạo văn bản{}", suffix(error))
}

/// A Vietnamese rendering of MiniJinja's English syntax detail.
fn template_syntax_detail(detail: &str) -> String {
    let known = [
        ("unexpected end of input", TEMPLATE_ENDS_EARLY),
        (
            "unexpected end of block",
            "thiếu nội dung hoặc thiếu `{% endif %}`/`{% endfor %}`",
        ),
        ("unknown statement", "lệnh trong `{% %}` không tồn tại"),
        (
            "unexpected end of variable block",
            "thiếu nội dung trong `{{ }}`",
        ),
        ("unclosed", "một dấu ngoặc hoặc chuỗi chưa được đóng"),
        ("unexpected", "có ký hiệu ở chỗ không được phép"),
    ];
    for (en, vi) in known {
        if detail.contains(en) {
            return format!("{vi} (chi tiết kỹ thuật: {detail})");
        }
    }
    format!("chi tiết kỹ thuật: {detail}")
}

/// `text` as the end of a sentence: a full stop unless it already ends with one, or with "?".
fn end(text: &str) -> String {
    if text.ends_with(['.', '?', '!']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

fn suffix(detail: &str) -> String {
    if detail.is_empty() {
        String::new()
    } else {
        format!(" ({detail})")
    }
}

/// How a filter's own error ([`filter_wrong_kind`]) starts: such an error is shown as it is.
pub const FILTER_ERROR_START: &str = "bộ lọc";

/// A Vietnamese filter got a value of the wrong kind.
pub fn filter_wrong_kind(filter: &str, expected: &str, found: &str) -> String {
    format!(
        "bộ lọc `{filter}` dùng cho giá trị kiểu {expected}, nhưng ở đây nhận giá trị kiểu {found}"
    )
}

/// A `pattern` that parses but is too large to compile.
pub const REGEX_TOO_LARGE: &str = "biểu thức quá lớn để dùng, thường do lặp lại quá nhiều lần (như `\\p{L}{1000}` hay `(a{100}){100}`); hãy viết gọn lại";

pub fn regex_detail(err: &regex_syntax::Error) -> String {
    let detail = err.to_string();
    let last = detail.lines().last().unwrap_or_default().trim();
    format!("chi tiết kỹ thuật: {}", last.trim_start_matches("error: "))
}

pub fn io_detail(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "không tìm thấy tệp".to_owned(),
        std::io::ErrorKind::PermissionDenied => "không có quyền đọc/ghi tệp".to_owned(),
        std::io::ErrorKind::IsADirectory => "đây là một thư mục, không phải tệp".to_owned(),
        std::io::ErrorKind::ReadOnlyFilesystem => "ổ đĩa hoặc thư mục chỉ cho đọc".to_owned(),
        std::io::ErrorKind::StorageFull => "ổ đĩa đã đầy".to_owned(),
        std::io::ErrorKind::QuotaExceeded => "đã dùng hết dung lượng được cấp".to_owned(),
        std::io::ErrorKind::NotADirectory => "một phần của đường dẫn không phải thư mục".to_owned(),
        _ => format!("lỗi hệ thống: {err}"),
    }
}

pub fn kind_expectation(kind: &str) -> &'static str {
    match kind {
        "text" | "paragraph" => "một đoạn văn bản",
        "integer" => "một số nguyên, ví dụ `12`",
        "decimal" => "một số, ví dụ `1.5`",
        "date" => "một ngày dạng `2025-07-31`",
        "yes_no" => "`true` hoặc `false`",
        "choice" => "một trong các lựa chọn ở `options`",
        "choices" => "một danh sách gồm các lựa chọn ở `options`",
        "list" => "một danh sách văn bản",
        _ => "",
    }
}

pub fn table_summary(rows: usize) -> String {
    format!("bảng {rows} dòng")
}

pub fn problem_count(file: &str, n: usize) -> String {
    format!("{file}: tìm thấy {n} lỗi.")
}

fn maybe(suggestion: Option<&str>) -> String {
    suggestion
        .map(|s| format!(" Có phải ý bạn là `{s}`?"))
        .unwrap_or_default()
}

// ----- the loader's problems: (what is wrong, how to fix it), one function per problem; -----
// ----- `questionnaire::explain` picks the one that fits.                                  -----

/// (what is wrong, how to fix it): the file could not be read.
pub fn loader_unreadable(detail: &str) -> (String, String) {
    (
        format!("Không đọc được tệp bảng hỏi: {detail}."),
        "Kiểm tra lại đường dẫn và quyền đọc tệp.".into(),
    )
}

/// (what is wrong, how to fix it): the file is larger than the loader accepts.
pub fn loader_too_large(bytes: usize, max_bytes: usize) -> (String, String) {
    (
        format!(
            "Tệp quá lớn ({} byte); bảng hỏi không được quá {} MB.",
            crate::vn::format_integer(i64::try_from(bytes).unwrap_or(i64::MAX)),
            max_bytes / (1024 * 1024)
        ),
        "Kiểm tra xem có chọn nhầm tệp không; một bảng hỏi thường chỉ vài chục KB.".into(),
    )
}

/// (what is wrong, how to fix it): the bytes are not UTF-8.
pub fn loader_not_utf8() -> (String, String) {
    ("Tệp không phải văn bản UTF-8 (có thể đã lưu bằng bảng mã TCVN3, VNI, Windows-1258, hoặc UTF-16 — trong Notepad gọi là \"Unicode\").".into(), "Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8 (trong Notepad: Lưu thành → Mã hóa: UTF-8).".into())
}

/// (what is wrong, how to fix it): a control character (NUL, ESC, …) in the text.
pub fn loader_control_char(code: u32) -> (String, String) {
    (
        format!("Có ký tự điều khiển không hợp lệ (mã U+{code:04X}) trong tệp."),
        "Xóa ký tự này; bảng hỏi chỉ chứa chữ, số, dấu câu, dấu cách và xuống dòng.".into(),
    )
}

/// (what is wrong, how to fix it): a tab used for indentation.
pub fn loader_tab_indent() -> (String, String) {
    (
        "Dòng này thụt lề bằng phím Tab; YAML chỉ cho phép thụt lề bằng dấu cách.".into(),
        "Thay các ký tự Tab ở đầu dòng bằng dấu cách (mỗi cấp 2 dấu cách).".into(),
    )
}

/// (what is wrong, how to fix it): nothing but white space or comments.
pub fn loader_empty_file() -> (String, String) {
    ("Tệp trống: không có nội dung bảng hỏi.".into(), "Viết bảng hỏi bắt đầu bằng `format: 1`, `id:`, `version:`, `title:`, `document:` và `sections:`.".into())
}

/// (what is wrong, how to fix it): the YAML parser could not read the text.
pub fn loader_syntax(detail: &str) -> (String, String) {
    (format!("Sai cú pháp YAML ở đây ({}).", syntax_detail(detail)), "Kiểm tra thụt lề (các khóa cùng cấp phải thẳng cột), dấu `:` sau mỗi khóa, và dấu ngoặc kép đóng mở đủ cặp.".into())
}

/// (what is wrong, how to fix it): more than one `---` document.
pub fn loader_several_documents() -> (String, String) {
    (
        "Tệp chứa nhiều tài liệu YAML (có dòng `---` thứ hai).".into(),
        "Mỗi tệp chỉ chứa một bảng hỏi; xóa dòng `---` hoặc tách ra tệp khác.".into(),
    )
}

/// (what is wrong, how to fix it): `*name` without a matching `&name`.
pub fn loader_unknown_anchor() -> (String, String) {
    (
        "Dùng `*tên` nhưng không có `&tên` nào được khai báo trước đó.".into(),
        "Khai báo `&tên` trước khi dùng `*tên`, hoặc viết thẳng nội dung.".into(),
    )
}

/// (what is wrong, how to fix it): aliases expand to too many elements (an "alias bomb"): `*name` references and the copies kept for `&name`, counted with what is written.
pub fn loader_too_many_nodes(max_elements: usize) -> (String, String) {
    (
        format!(
            "Các tham chiếu `*tên` nở ra quá nhiều phần tử: tính cả các phần được chép lại, tệp vượt quá {} phần tử (có thể là tệp độc hại).",
            crate::vn::format_integer(i64::try_from(max_elements).unwrap_or(i64::MAX))
        ),
        "Viết thẳng nội dung thay vì lồng nhiều tham chiếu `&`/`*`.".into(),
    )
}

/// (what is wrong, how to fix it): more elements (keys, values, list items) written than the loader accepts, aliases aside: a file too large, not an alias bomb.
pub fn loader_too_many_elements(limit: usize) -> (String, String) {
    (format!("Bảng hỏi có quá nhiều phần tử: hơn {} khóa, giá trị và mục danh sách được viết ra trong tệp (giới hạn kích thước để bảo vệ máy, không phải do tham chiếu `*tên`).", crate::vn::format_integer(i64::try_from(limit).unwrap_or(i64::MAX))), "Chia bảng hỏi thành nhiều bảng hỏi nhỏ hơn (mỗi kỳ báo cáo hoặc mỗi lĩnh vực một tệp); một bảng hỏi thật thường chỉ vài nghìn phần tử.".into())
}

/// (what is wrong, how to fix it): nesting deeper than the loader accepts.
pub fn loader_too_deep(max_depth: usize) -> (String, String) {
    (
        format!("Các mức lồng nhau quá sâu (quá {max_depth} mức)."),
        "Giảm số mức mục con; một báo cáo hiếm khi cần quá 4 mức.".into(),
    )
}

/// (what is wrong, how to fix it): a mapping key that is a list or mapping.
pub fn loader_complex_key() -> (String, String) {
    ("Khóa phải là một từ, không được là danh sách hay bảng.".into(), "Viết khóa dạng `ten_khoa: giá trị`; nếu giá trị bắt đầu bằng `{` hay `[`, đặt cả giá trị trong ngoặc kép.".into())
}

/// (what is wrong, how to fix it): the same key twice in one mapping.
pub fn loader_duplicate_key(key: &str, first_line: usize) -> (String, String) {
    (
        format!("Khóa `{key}` xuất hiện hai lần trong cùng một mục (lần đầu ở dòng {first_line})."),
        "Xóa một trong hai dòng, hoặc gộp nội dung lại.".into(),
    )
}

/// (what is wrong, how to fix it): a key that this place does not accept.
pub fn loader_unknown_key(key: &str, place: &str, suggestion: Option<&str>) -> (String, String) {
    (
        format!(
            "Khóa `{key}` không dùng được ở {place}.{}",
            maybe(suggestion)
        ),
        suggestion.map_or_else(
            || {
                "Xóa khóa này, hoặc xem các khóa hợp lệ trong docs/questionnaire-format.md."
                    .to_owned()
            },
            |s| format!("Đổi `{key}` thành `{s}`."),
        ),
    )
}

/// (what is wrong, how to fix it): a required key is missing.
pub fn loader_missing_key(key: &str, place: &str) -> (String, String) {
    (
        format!("Thiếu khóa bắt buộc `{key}` ở {place}."),
        format!("Thêm dòng `{key}: …` vào đây."),
    )
}

/// (what is wrong, how to fix it): a value of the wrong shape (list where text was expected, …).
pub fn loader_wrong_type(key: &str, expected: &str, found: &str) -> (String, String) {
    (
        if key.is_empty() {
            format!("Cần {expected}, nhưng ở đây là {found}.")
        } else {
            format!("Giá trị của `{key}` phải là {expected}, nhưng ở đây là {found}.")
        },
        format!("Sửa giá trị thành {expected}."),
    )
}

/// (what is wrong, how to fix it): `format:` is not a version this program reads.
pub fn loader_unsupported_format(found: &str) -> (String, String) {
    (
        format!("Phiên bản định dạng `format: {found}` không được hỗ trợ."),
        "Ghi `format: 1`.".into(),
    )
}

/// (what is wrong, how to fix it): an id that is not a valid name.
pub fn loader_bad_id(id: &str) -> (String, String) {
    (
        format!(
            "Tên `{id}` không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ, và không trùng từ khóa (and, or, not, if, …)."
        ),
        format!("Ví dụ: `{}`.", suggest_id(id)),
    )
}

/// (what is wrong, how to fix it): a questionnaire id that is not a valid file-name stem.
pub fn loader_bad_questionnaire_id(id: &str) -> (String, String) {
    (
        format!(
            "Mã bảng hỏi `{id}` không hợp lệ: chỉ dùng chữ thường không dấu, chữ số, `-` và `_`."
        ),
        "Ví dụ: `ct1322-so-ket-2021-2025`.".into(),
    )
}

/// (what is wrong, how to fix it): the same question id (or table column id) twice.
pub fn loader_duplicate_id(id: &str, first_line: usize) -> (String, String) {
    (
        format!("Mã `{id}` đã được dùng ở dòng {first_line}; mỗi mã chỉ được dùng một lần."),
        "Đổi một trong hai mã thành tên khác.".into(),
    )
}

/// (what is wrong, how to fix it): a var or question name that clashes with another name.
pub fn loader_name_clash(name: &str, first_line: usize) -> (String, String) {
    (
        format!("Tên `{name}` vừa là một biến ở `vars` (dòng {first_line}) vừa là mã câu hỏi."),
        "Đổi tên biến hoặc mã câu hỏi để không trùng nhau.".into(),
    )
}

/// (what is wrong, how to fix it): `kind:` names no known question kind.
pub fn loader_unknown_kind(kind: &str, suggestion: Option<&str>) -> (String, String) {
    (format!("Không có loại câu hỏi `{kind}`.{}", maybe(suggestion)), "Dùng một trong: text, paragraph, integer, decimal, date, yes_no, choice, choices, list, table (cột bảng: text, integer, decimal).".into())
}

/// (what is wrong, how to fix it): `numbering:` names no known style.
pub fn loader_unknown_numbering(style: &str) -> (String, String) {
    (
        format!("Không có kiểu đánh số `{style}`."),
        "Dùng một trong: roman (I.), arabic (1.), nested (1.1.), alpha (a)), none.".into(),
    )
}

/// (what is wrong, how to fix it): a key that only some kinds accept, used on another kind.
pub fn loader_key_not_for_kind(key: &str, kind: &str) -> (String, String) {
    (
        format!("Khóa `{key}` không dùng được cho câu hỏi loại `{kind}`."),
        format!("Xóa `{key}`, hoặc đổi loại câu hỏi cho phù hợp."),
    )
}

/// (what is wrong, how to fix it): a choice question without options, or a table without columns.
pub fn loader_missing_for_kind(key: &str, kind: &str) -> (String, String) {
    (
        format!("Câu hỏi loại `{kind}` cần khóa `{key}` (không được để trống)."),
        format!("Thêm `{key}:` với ít nhất một mục."),
    )
}

/// (what is wrong, how to fix it): `default:` does not fit the question's kind.
pub fn loader_table_default() -> (String, String) {
    (
        "Câu hỏi loại bảng không có giá trị mặc định.".into(),
        "Xóa dòng `default:`; nếu muốn bảng có sẵn các dòng, dùng `rows:`.".into(),
    )
}

/// (what is wrong, how to fix it): `default:` does not fit the question's kind.
pub fn loader_bad_default(expected: &str) -> (String, String) {
    (
        format!("Giá trị mặc định không hợp với loại câu hỏi: cần {expected}."),
        "Sửa `default:` hoặc xóa dòng này.".into(),
    )
}

/// (what is wrong, how to fix it): two options with the same text.
pub fn loader_duplicate_option(option: &str) -> (String, String) {
    (
        format!("Lựa chọn \"{option}\" bị lặp lại."),
        "Xóa lựa chọn trùng.".into(),
    )
}

/// (what is wrong, how to fix it): `min` greater than `max`, or `min_length` greater than `max_length`.
pub fn loader_bad_range() -> (String, String) {
    (
        "Giới hạn dưới lớn hơn giới hạn trên (min > max hoặc min_length > max_length).".into(),
        "Đổi lại cho giới hạn dưới nhỏ hơn hoặc bằng giới hạn trên.".into(),
    )
}

/// (what is wrong, how to fix it): a `pattern:` that is not a valid regular expression.
pub fn loader_bad_regex(detail: &str) -> (String, String) {
    (
        format!("Mẫu kiểm tra `pattern` không phải biểu thức chính quy hợp lệ ({detail})."),
        "Sửa biểu thức; ví dụ số văn bản: `^[0-9]+/[A-ZĐ-]+$`.".into(),
    )
}

/// (what is wrong, how to fix it): a section with nothing in it.
pub fn loader_empty_section() -> (String, String) {
    (
        "Mục này không có nội dung: không có `questions`, `text` hay `sections`.".into(),
        "Thêm câu hỏi hoặc mẫu câu cho mục, hoặc xóa mục.".into(),
    )
}

/// (what is wrong, how to fix it): a `when:` that cannot be parsed.
pub fn loader_condition_syntax(detail: &str) -> (String, String) {
    (format!("Điều kiện `when` viết sai: {}", end(&condition_detail(detail))), "Viết điều kiện như: `co_ke_hoach`, `not co_ke_hoach`, `so_lop > 0`, `loai == \"Hợp tác xã\"`, `a and (b or c)`. So sánh bằng dùng `==` (không phải `=`); nối điều kiện dùng `and`, `or`, `not` (không phải và, hoặc, không).".into())
}

/// (what is wrong, how to fix it): a template that cannot be parsed.
pub fn loader_template_syntax(detail: &str) -> (String, String) {
    (format!("Mẫu câu viết sai: {}", end(detail)), "Kiểm tra các cặp `{{ }}` và `{% %}`, và mỗi `{% if %}`/`{% for %}` có `{% endif %}`/`{% endfor %}`.".into())
}

/// (what is wrong, how to fix it): a template that fails when rendered with sample answers (e.g. a filter on the wrong kind).
pub fn loader_template_fails(detail: &str) -> (String, String) {
    (format!("Mẫu câu bị lỗi khi thử với câu trả lời mẫu: {}", end(detail)), "Sửa mẫu câu để nó chạy được với mọi câu trả lời, kể cả khi câu hỏi chưa được trả lời: dùng bộ lọc đúng loại (ngay_dai/ngay_ngan cho ngày, so/phan_tram cho số, noi cho danh sách), và `{% if x %}…{% endif %}` hoặc `(x or 0)` trước khi tính toán.".into())
}

/// (what is wrong, how to fix it): a template or condition that exceeds the render budget with some answers of the allowed lengths (tried branch by branch, so answers no sample gives are covered).
pub fn loader_template_over_budget(detail: &str, in_condition: bool) -> (String, String) {
    (format!("{} có thể vượt giới hạn an toàn với một câu trả lời (thử từng nhánh, câu trả lời dài nhất cho phép): {}", if in_condition { "Điều kiện" } else { "Mẫu câu" }, end(detail)), "Bảng hỏi có thể đến từ nơi khác: đừng dùng nó nếu không rõ nguồn. Nếu là bảng hỏi của bạn, bỏ phép nhân chuỗi/danh sách lớn, vòng lặp lồng nhau, hoặc đặt `max_length` cho câu hỏi văn bản.".into())
}

/// (what is wrong, how to fix it): a template or condition names a filter, test or function the engine does not have.
pub fn loader_unknown_filter(detail: &str, in_condition: bool) -> (String, String) {
    (
    format!("{} viết sai: {}", if in_condition { "Điều kiện `when`" } else { "Mẫu câu" }, end(detail)),
    "Sửa tên cho đúng (theo gợi ý, nếu có). Các bộ lọc dùng được: ngay_dai, ngay_ngan, so, phan_tram, noi và các bộ lọc có sẵn của Jinja — xem mục 10 và 16 của docs/questionnaire-format.md.".into(),
)
}

/// (what is wrong, how to fix it): a condition or template names something that is neither a var nor a question.
pub fn loader_unknown_name(
    name: &str,
    suggestion: Option<&str>,
    in_condition: bool,
    renamed: bool,
) -> (String, String) {
    let place = if in_condition {
        "Điều kiện"
    } else {
        "Mẫu câu"
    };
    match (suggestion, renamed) {
        (Some(to), true) => (
            format!(
                "{place} nhắc đến `{name}`, nhưng câu hỏi này đã đổi mã thành `{to}` (theo `renames`)."
            ),
            format!("Đổi `{name}` thành `{to}`."),
        ),
        (Some(s), false) => (
            format!(
                "{place} nhắc đến `{name}`, nhưng không có câu hỏi hay biến nào tên như vậy. Có phải ý bạn là `{s}`?"
            ),
            format!(
                "Nếu đúng là `{s}`, đổi `{name}` thành `{s}`. Nếu bạn vừa đổi mã câu hỏi `{name}`, dùng mã mới (và thêm vào `renames` để giữ câu trả lời cũ)."
            ),
        ),
        (None, _) => (
            format!("{place} nhắc đến `{name}`, nhưng không có câu hỏi hay biến nào tên như vậy."),
            "Sửa tên cho đúng mã câu hỏi (`id`) hoặc tên biến trong `vars`.".to_owned(),
        ),
    }
}

/// (what is wrong, how to fix it): the id or the title names a question: they are read before any answer, from `vars`.
pub fn loader_question_in_vars_only(name: &str) -> (String, String) {
    (
        format!(
            "`{name}` là một câu hỏi, nhưng `id` và `title` của bảng hỏi được đọc trước mọi câu trả lời: ở đây chỉ dùng được biến trong `vars`."
        ),
        format!(
            "Dùng một biến trong `vars` (giá trị cố định của kỳ báo cáo), hoặc bỏ `{{{{ {name} }}}}`."
        ),
    )
}

/// (what is wrong, how to fix it): a condition names a question that comes later (or is the question itself).
pub fn loader_later_name(name: &str, line: usize) -> (String, String) {
    (
        format!(
            "Điều kiện nhắc đến câu hỏi `{name}` (dòng {line}), nhưng câu hỏi đó nằm sau (hoặc chính là câu hỏi này); điều kiện chỉ được dựa vào câu trả lời đã hỏi trước."
        ),
        format!("Chuyển câu hỏi `{name}` lên trước, hoặc đổi điều kiện."),
    )
}

/// (what is wrong, how to fix it): a `renames:` entry whose old id is still a question.
pub fn loader_rename_from_live(from: &str, line: usize) -> (String, String) {
    (
        format!(
            "`renames` chuyển câu trả lời của `{from}` sang câu khác, nhưng `{from}` vẫn là một câu hỏi (dòng {line}); câu trả lời của nó sẽ bị chuyển nhầm."
        ),
        format!("Xóa dòng này trong `renames`, hoặc đổi mã câu hỏi ở dòng {line}."),
    )
}

/// (what is wrong, how to fix it): a `renames:` entry that points to no question.
pub fn loader_rename_target(to: &str, suggestion: Option<&str>) -> (String, String) {
    (
        format!(
            "`renames` chuyển sang `{to}`, nhưng không có câu hỏi nào mã `{to}`.{}",
            maybe(suggestion)
        ),
        suggestion.as_ref().map_or_else(
            || "Sửa tên đích cho đúng mã một câu hỏi hiện có.".to_owned(),
            |s| format!("Đổi `{to}` thành `{s}`."),
        ),
    )
}

/// (what is wrong, how to fix it): a table column `sum: true` on a text column.
pub fn loader_sum_on_text() -> (String, String) {
    (
        "Cột văn bản không thể là cột tổng (`sum: true`).".into(),
        "Đặt `kind: integer` hoặc `kind: decimal` cho cột này, hoặc bỏ `sum`.".into(),
    )
}

/// (what is wrong, how to fix it) for a YAML syntax error behind which lies a slip: a non-breaking or other special space (pasted from Word) where YAML needs a plain one.
pub const SLIP_ODD_SPACE: (&str, &str) = (
    "Dòng này có một dấu cách đặc biệt (thường do sao chép từ Word), YAML không hiểu.",
    "Xóa dấu cách ở vị trí được chỉ và gõ lại bằng phím cách.",
);

/// (what is wrong, how to fix it) for a YAML syntax error behind which lies a slip: typographic quotes “…” instead of straight ones.
pub const SLIP_CURLY_QUOTES: (&str, &str) = (
    "Dòng này dùng dấu ngoặc kép cong “ ” (do Word tự đổi); YAML chỉ hiểu dấu ngoặc kép thẳng \".",
    "Thay “ và ” bằng dấu \" gõ từ bàn phím (hoặc dùng dấu nháy đơn ').",
);

/// (what is wrong, how to fix it) for a YAML syntax error behind which lies a slip: `key:value` without a space after the colon.
pub const SLIP_NO_SPACE_AFTER_COLON: (&str, &str) = (
    "Thiếu dấu cách sau dấu `:` của khóa.",
    "Thêm một dấu cách sau dấu `:`, ví dụ `kind: yes_no`.",
);

/// (what is wrong, how to fix it) for a YAML syntax error behind which lies a slip: `-item` without a space after the dash.
pub const SLIP_NO_SPACE_AFTER_DASH: (&str, &str) = (
    "Thiếu dấu cách sau dấu `-` của một mục danh sách.",
    "Thêm một dấu cách sau dấu `-`, ví dụ `- heading: …`.",
);

/// (what is wrong, how to fix it) for a YAML syntax error behind which lies a slip: a value starting with `{{` or `{%` without quotes.
pub const SLIP_TEMPLATE_NEEDS_QUOTES: (&str, &str) = (
    "Giá trị bắt đầu bằng `{{` hoặc `{%` phải được đặt trong ngoặc kép (YAML hiểu `{` là bắt đầu một bảng).",
    "Đặt cả giá trị trong ngoặc kép: `\"{{ ten_xa }}\"`, hoặc viết ở dòng dưới sau dấu `|`.",
);

/// Lower-case ASCII with Vietnamese marks removed ("Số thành viên" → "so thanh vien").
pub fn ascii_fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.replace(['đ', 'Đ'], "d")
        .nfd()
        .filter(char::is_ascii)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn suggest_id(id: &str) -> String {
    let base: String = ascii_fold(id)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let base = base.trim_matches('_').to_owned();
    if base.is_empty() || !base.starts_with(|c: char| c.is_ascii_lowercase()) {
        format!("q_{base}")
    } else {
        format!("{base}_1")
    }
}

/// A Vietnamese rendering of the YAML parser's English detail.
fn syntax_detail(detail: &str) -> String {
    let known = [
        (
            "invalid indentation in quoted scalar",
            "thiếu dấu ngoặc kép đóng (hoặc câu trong ngoặc kép xuống dòng mà không thụt lề)",
        ),
        (
            "duplicate entry with key",
            "một khóa (mã câu hỏi) xuất hiện hai lần",
        ),
        (
            "control characters are not allowed",
            "có ký tự điều khiển không hợp lệ",
        ),
        ("as u128", "có một số quá lớn"),
        ("as i128", "có một số quá lớn"),
        (
            "did not find expected key",
            "thiếu khóa, hoặc thụt lề không thẳng cột",
        ),
        (
            "mapping values are not allowed",
            "có dấu `:` ở chỗ không được phép — nếu văn bản có dấu `:`, hãy đặt cả câu trong ngoặc kép",
        ),
        (
            "did not find expected '-'",
            "thiếu dấu `-` của một mục danh sách, hoặc thụt lề sai",
        ),
        ("unclosed quote", "thiếu dấu ngoặc kép đóng"),
        (
            "found unexpected end of stream",
            "tệp kết thúc khi một chuỗi hay ngoặc chưa được đóng",
        ),
        ("while scanning a quoted scalar", "thiếu dấu ngoặc kép đóng"),
        ("did not find expected ',' or ']'", "thiếu dấu `,` hoặc `]`"),
        ("did not find expected ',' or '}'", "thiếu dấu `,` hoặc `}`"),
        ("invalid indentation", "thụt lề không đúng"),
        (
            "block sequence entries are not allowed",
            "có dấu `-` ở chỗ không được phép, kiểm tra thụt lề",
        ),
        (
            "found character that cannot start any token",
            "có ký tự không được phép ở đầu giá trị (ví dụ `@`, `` ` ``, `%`) — đặt giá trị trong ngoặc kép",
        ),
        ("found undefined tag handle", "dùng thẻ `!` không xác định"),
        ("mapping ended after a key", "khóa không có giá trị"),
    ];
    for (en, vi) in known {
        if detail.contains(en) {
            return vi.to_owned();
        }
    }
    format!("chi tiết kỹ thuật: {detail}")
}

// ----- answers files -----

/// The header comment written at the top of every answers file.
pub const ANSWERS_HEADER: &str = "# Câu trả lời cho bảng hỏi baocao. Tệp do chương trình ghi; có thể sửa bằng tay.\n# Câu trả lời nhiều dòng được ghi dạng khối (dấu |).\n";

pub fn answers_unreadable(file: &str, detail: &str) -> String {
    format!(
        "{ERROR_LABEL}: {file}: không đọc được tệp câu trả lời: {detail}.\n  {FIX_LABEL} kiểm tra đường dẫn (`--answers`) và quyền đọc tệp."
    )
}

pub fn answers_syntax(file: &str, line: usize, col: usize, detail: &str) -> String {
    format!(
        "{ERROR_LABEL}: {file}:{line}:{col}: tệp câu trả lời không phải YAML hợp lệ ({}).\n  {FIX_LABEL} sửa dòng {line} (thụt lề, dấu `:`, ngoặc kép), hoặc khôi phục tệp từ bản sao lưu.",
        syntax_detail(detail)
    )
}

// An answers file beyond the limits every YAML file is held to (`answers::explain` picks the
// sentence); `line` and `col` are where it went beyond.

/// Nesting deeper than `max_depth`.
pub fn answers_too_deep(file: &str, line: usize, col: usize, max_depth: usize) -> String {
    answers_beyond(
        file,
        line,
        col,
        &format!(
            "các mức lồng nhau quá sâu (quá {max_depth} mức ngoặc `[`, `{{` hay thụt lề; tệp do baocao ghi chỉ có vài mức)"
        ),
        &format!(
            "tệp đã hỏng hoặc bị sửa nhầm: khôi phục tệp từ bản sao lưu, hoặc xóa phần lồng nhau bắt đầu ở dòng {line}"
        ),
    )
}

/// More than `limit` elements written in the file.
pub fn answers_too_many_elements(file: &str, line: usize, col: usize, limit: usize) -> String {
    answers_beyond(
        file,
        line,
        col,
        &format!(
            "tệp có quá nhiều phần tử (hơn {} khóa, giá trị và mục danh sách; đây là giới hạn kích thước, không phải lỗi cú pháp)",
            count(limit)
        ),
        "kiểm tra xem có chọn nhầm tệp không (`--answers`); nếu đúng tệp, chuyển bớt các danh sách, bảng rất dài sang tệp khác",
    )
}

/// Aliases that expand to more than `limit` elements.
pub fn answers_too_many_nodes(file: &str, line: usize, col: usize, limit: usize) -> String {
    answers_beyond(
        file,
        line,
        col,
        &format!(
            "các tham chiếu `*tên` nở ra quá nhiều phần tử (tính cả phần được chép lại, hơn {}; baocao không bao giờ ghi `&`/`*`)",
            count(limit)
        ),
        "viết thẳng nội dung thay vì dùng tham chiếu `&`/`*`, hoặc khôi phục tệp từ bản sao lưu",
    )
}

fn count(n: usize) -> String {
    crate::vn::format_integer(i64::try_from(n).unwrap_or(i64::MAX))
}

fn answers_beyond(file: &str, line: usize, col: usize, what: &str, fix: &str) -> String {
    format!(
        "{ERROR_LABEL}: {file}:{line}:{col}: tệp câu trả lời không đọc được: {what}.\n  {FIX_LABEL} {fix}."
    )
}

pub fn answers_shape(file: &str, detail: &str) -> String {
    format!(
        "{ERROR_LABEL}: {file}: tệp câu trả lời không đúng cấu trúc: {detail}.\n  {FIX_LABEL} tệp cần có khóa `answers:` chứa các dòng `mã_câu_hỏi: câu trả lời`."
    )
}

pub const ANSWERS_NOT_MAP: &str = "nội dung phải là một bảng khóa–giá trị";
pub const ANSWERS_NO_ANSWERS: &str = "khóa `answers` phải là một bảng khóa–giá trị";

pub fn answers_wrong_questionnaire(file: &str, found: &str, expected: &str) -> String {
    format!(
        "{ERROR_LABEL}: {file}: tệp câu trả lời này ghi cho bảng hỏi `{found}`, không phải bảng hỏi `{expected}` đang dùng.\n  {FIX_LABEL} chọn đúng tệp câu trả lời (`--answers`) hoặc đúng bảng hỏi; nếu cố ý dùng lại câu trả lời của bảng hỏi khác, sửa dòng `id:` dưới `questionnaire:` trong tệp câu trả lời thành `{expected}`."
    )
}

pub fn answers_questionnaire_changed(file: &str) -> String {
    format!(
        "{WARNING_LABEL}: {file}: bảng hỏi đã thay đổi kể từ lần lưu câu trả lời này.\n  {FIX_LABEL} đọc lại báo cáo; các câu trả lời không còn hợp được báo riêng."
    )
}

/// "file:line" when the line is known, else "file".
pub fn at(file: &str, line: Option<usize>) -> String {
    line.map_or_else(|| file.to_owned(), |l| format!("{file}:{l}"))
}

pub fn orphan_answer(file: &str, id: &str, suggestion: Option<&str>) -> String {
    let fix = match suggestion {
        Some(s) => format!(
            "nếu đây là câu trả lời cho câu `{s}`, sửa mã `{id}` thành `{s}` trong tệp câu trả lời"
        ),
        None => format!("nếu câu hỏi đã đổi mã, thêm `renames: {{ {id}: mã_mới }}` vào bảng hỏi"),
    };
    format!(
        "{WARNING_LABEL}: {file}: câu trả lời `{id}` không có câu hỏi tương ứng trong bảng hỏi; đã giữ nguyên trong tệp, không dùng trong báo cáo.\n  {FIX_LABEL} {fix}."
    )
}

pub fn superseded_answer(file: &str, old: &str, new: &str) -> String {
    format!(
        "{WARNING_LABEL}: {file}: có câu trả lời dưới cả mã cũ `{old}` lẫn mã mới `{new}`; dùng câu trả lời của `{new}`, câu của `{old}` được giữ nguyên trong tệp.\n  {FIX_LABEL} nếu câu trả lời cũ đúng hơn, chép nó sang `{new}` rồi xóa dòng `{old}`."
    )
}

pub fn answer_short_year(s: &str) -> String {
    format!(
        "ngày \"{}\" phải ghi năm đủ 4 chữ số, ví dụ 31/7/2025",
        s.trim()
    )
}

pub fn invalid_answer(file: &str, id: &str, reason: &str) -> String {
    format!(
        "{WARNING_LABEL}: {file}: câu trả lời `{id}` không dùng được: {reason}; đã giữ nguyên trong tệp, không dùng trong báo cáo.\n  {FIX_LABEL} sửa câu trả lời này trong tệp, hoặc trả lời lại câu hỏi."
    )
}

pub fn answer_expectation(kind: &str) -> &'static str {
    match kind {
        "text" | "paragraph" => "cần một đoạn văn bản",
        "integer" => "cần một số nguyên, ví dụ 12, hoặc \"1.250\" trong ngoặc kép",
        "decimal" => "cần một số, ví dụ 25.5, hoặc \"25,5\" trong ngoặc kép",
        "date" => "cần một ngày, ví dụ 2025-07-31 hoặc 31/7/2025",
        "yes_no" => "cần true hoặc false (hoặc Có/Không)",
        "choice" => "cần một trong các lựa chọn của câu hỏi",
        "choices" | "list" => "cần một danh sách (mỗi mục một dòng bắt đầu bằng `- `)",
        "table" => "cần một danh sách các dòng, mỗi dòng dạng `mã_cột: giá trị`",
        _ => "không hợp với loại câu hỏi",
    }
}

pub const ANSWER_NUMBER_AS_TEXT: &str = "đây là một số, mà câu hỏi cần văn bản; viết trong ngoặc kép (ví dụ \"05\") để giữ đúng như đã gõ";

pub const ANSWER_NOT_LIST: &str = "cần một danh sách (mỗi mục một dòng bắt đầu bằng `- `)";

pub fn answer_item_not_text(n: usize) -> String {
    format!("mục thứ {n} của danh sách không phải một đoạn văn bản")
}

pub fn answer_no_such_date(s: &str) -> String {
    format!("ngày \"{}\" không có thật trên lịch", s.trim())
}

fn quoted_options(options: &[String]) -> String {
    options
        .iter()
        .map(|o| format!("\"{o}\""))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn answer_not_an_option(answer: &str, options: &[String]) -> String {
    format!(
        "\"{}\" không có trong các lựa chọn: {}",
        answer.trim(),
        quoted_options(options)
    )
}

pub fn answer_not_options(outside: &[String], options: &[String], other: bool) -> String {
    let list = outside
        .iter()
        .map(|o| format!("\"{}\"", o.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let rule = if other {
        " (chỉ được thêm một lựa chọn khác)"
    } else {
        ""
    };
    format!(
        "{list} không có trong các lựa chọn{rule}: {}",
        quoted_options(options)
    )
}

pub fn answer_row_not_map(row: usize) -> String {
    format!("dòng thứ {row} của bảng phải có dạng `mã_cột: giá trị`")
}

pub fn answer_unknown_column(row: usize, column: &str, known: &[&str]) -> String {
    format!(
        "dòng thứ {row} của bảng có cột `{column}`, nhưng bảng chỉ có các cột: {}",
        known.join(", ")
    )
}

pub fn answer_bad_cell(row: usize, column: &str, text: bool) -> String {
    let want = if text {
        "một đoạn văn bản"
    } else {
        "một số"
    };
    format!("dòng thứ {row} của bảng, cột `{column}`: cần {want}")
}

pub fn answers_unknown_key(file: &str, key: &str, suggestion: Option<&str>) -> String {
    let hint = suggestion
        .map(|s| format!(" Có phải ý bạn là `{s}`?"))
        .unwrap_or_default();
    format!(
        "{ERROR_LABEL}: {file}: khóa `{key}` không dùng được ở đầu tệp câu trả lời.{hint}\n  {FIX_LABEL} tệp chỉ có các khóa `questionnaire`, `position` và `answers`; sửa tên khóa (các câu trả lời nằm dưới `answers:`)."
    )
}

pub fn answers_too_large(file: &str, mb: usize) -> String {
    format!(
        "{ERROR_LABEL}: {file}: tệp câu trả lời quá lớn (hơn {mb} MB).\n  {FIX_LABEL} kiểm tra xem có chọn nhầm tệp không (`--answers`)."
    )
}

pub fn answers_not_utf8(file: &str) -> String {
    format!(
        "{ERROR_LABEL}: {file}: tệp câu trả lời không phải văn bản UTF-8 (có thể đã lưu bằng bảng mã TCVN3, VNI, Windows-1258 hoặc UTF-16).\n  {FIX_LABEL} mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8 (trong Notepad: Lưu thành → Mã hóa: UTF-8)."
    )
}

pub fn missing_required(file: &str, id: &str, ask: &str) -> String {
    format!(
        "{WARNING_LABEL}: {file}: chưa trả lời câu bắt buộc `{id}` ({ask}).\n  {FIX_LABEL} thêm dòng `{id}: …` dưới `answers:` trong tệp câu trả lời."
    )
}

pub fn invalid_value(file: &str, id: &str, message: &str) -> String {
    format!(
        "{WARNING_LABEL}: {file}: câu trả lời `{id}`: {message}\n  {FIX_LABEL} sửa câu trả lời `{id}` trong tệp câu trả lời."
    )
}

pub fn condition_failed(file: &str, line: usize, detail: &str) -> String {
    format!(
        "{WARNING_LABEL}: {file}:{line}: điều kiện `when` ở dòng {line} không tính được với các câu trả lời này ({detail}); phần đó được coi là không áp dụng.\n  {FIX_LABEL} sửa điều kiện trong bảng hỏi, ví dụ so sánh số với số, văn bản với văn bản."
    )
}

// ----- validation of answers -----

pub fn too_short(min: usize) -> String {
    format!("Cần ít nhất {min} ký tự.")
}
pub fn too_long(max: usize) -> String {
    format!("Không được quá {max} ký tự.")
}
pub fn too_small(min: &str) -> String {
    format!("Không được nhỏ hơn {min}.")
}
pub fn too_large(max: &str) -> String {
    format!("Không được lớn hơn {max}.")
}
pub const PATTERN_MISMATCH: &str = "Câu trả lời không đúng dạng yêu cầu.";

// ----- command line -----

pub const CLI_ABOUT: &str =
    "baocao — viết báo cáo hành chính theo Nghị định 30/2020/NĐ-CP từ một bảng hỏi YAML.";

pub const CLI_EXIT_CODES: &str = "Mã thoát: 0 xong; 1 bảng hỏi có lỗi; 2 sai tham số; 3 tệp câu trả lời không dùng được; 4 không ghi được tệp; 5 không tạo được báo cáo; 6 không có cửa sổ dòng lệnh cho trình hỏi đáp hoặc không lưu được khi thoát; 101 lỗi nội bộ; 128+n dừng vì tín hiệu n (câu trả lời đã được lưu).";

pub const CLI_SYNTAX: &str = "sai cú pháp lệnh";

pub fn cli_usage_error(what: &str) -> String {
    format!("{ERROR_LABEL}: {what}.\n  {FIX_LABEL} xem `baocao --help` hoặc `baocao LỆNH --help`.")
}

pub fn cli_unknown_option(arg: &str) -> String {
    format!("không có tùy chọn `{arg}`")
}

pub fn cli_extra_argument(arg: &str) -> String {
    format!("thừa tham số `{arg}` (lệnh này không nhận thêm tệp)")
}

pub fn cli_unknown_command(command: &str) -> String {
    format!("không có lệnh `{command}` (các lệnh: run, render, check, preview, diff, schema)")
}

pub fn cli_missing_value(arg: &str) -> String {
    format!("thiếu giá trị sau `{arg}`")
}

pub fn cli_invalid_value(value: &str, arg: &str, valid: &str) -> String {
    format!("giá trị `{value}` không hợp lệ cho `{arg}` (dùng: {valid})")
}

pub fn cli_missing_argument(arg: &str) -> String {
    format!("thiếu tham số bắt buộc {arg}")
}

pub fn cli_repeated(arg: &str) -> String {
    format!("tùy chọn `{arg}` chỉ được dùng một lần")
}

pub fn output_is_input(path: &str) -> String {
    format!(
        "{ERROR_LABEL}: tệp kết quả {path} trùng với tệp bảng hỏi hoặc tệp câu trả lời; ghi đè sẽ làm mất dữ liệu nên chương trình không ghi.\n  {FIX_LABEL} chọn một tên tệp khác sau `-o`, ví dụ `bao-cao.txt`."
    )
}

pub fn write_failed(path: &str, detail: &str) -> String {
    format!(
        "{ERROR_LABEL}: không ghi được tệp {path}: {detail}.\n  {FIX_LABEL} kiểm tra thư mục có tồn tại và có quyền ghi, hoặc chọn nơi khác bằng `-o`."
    )
}

pub fn check_ok(file: &str) -> String {
    format!("{file}: hợp lệ.")
}

// ----- `baocao diff`: what changed between two questionnaire versions (`compare::report`
// ----- lays the lines out).

pub fn diff_title(old: &str, new: &str) -> String {
    format!("So sánh {old} → {new}\n")
}

pub fn diff_id(from: &str, to: &str) -> String {
    format!("\nMã bảng hỏi: {from} → {to}")
}

pub const DIFF_VARS: &str = "\nGiá trị theo kỳ (vars):\n";

pub fn diff_var_changed(name: &str, from: &str, to: &str) -> String {
    format!("  ~ {name}: {from} → {to}")
}

pub fn diff_var_added(name: &str, value: &str) -> String {
    format!("  + {name}: {value}")
}

pub fn diff_var_removed(name: &str, value: &str) -> String {
    format!("  - {name}: {value}")
}

pub const DIFF_SAME_STRUCTURE: &str =
    "\nMục và câu hỏi giữ nguyên: mọi câu trả lời của kỳ trước dùng được (baocao run … --from).\n";

pub const DIFF_SECTIONS: &str = "\nMục (số như khi in, khi mọi mục đều có):\n";

/// A section added (`+`) or removed (`-`): `printed` is its number and heading, `what` one of
/// [`DIFF_SECTION_ADDED`] and [`DIFF_SECTION_REMOVED`], `parent` the number of the section it
/// belongs to (empty at the top level).
pub fn diff_section(sign: char, printed: &str, what: &str, parent: &str) -> String {
    let within = if parent.is_empty() {
        String::new()
    } else {
        format!(", trong mục {parent}")
    };
    format!("  {sign} {printed} ({what}{within})")
}

pub const DIFF_SECTION_ADDED: &str = "mục mới";
pub const DIFF_SECTION_REMOVED: &str = "đã bỏ";

pub fn diff_section_renumbered(heading: &str, from: &str, to: &str) -> String {
    format!("  ~ {heading}: số {from} → {to}")
}

pub const DIFF_QUESTIONS: &str = "\nCâu hỏi:\n";

pub fn diff_question_added(id: &str, ask: &str) -> String {
    format!("  + {id}: {ask} (câu mới)")
}

pub fn diff_question_removed(id: &str, ask: &str) -> String {
    format!("  - {id}: {ask} (đã bỏ)")
}

pub fn diff_question_renamed(from: &str, to: &str) -> String {
    format!("  → {from} đổi mã thành {to} (có trong renames: câu trả lời cũ đi theo)")
}

pub fn diff_kind_changed(id: &str, from: &str, to: &str) -> String {
    format!(
        "  ≠ {id}: loại {from} → {to} (câu trả lời cũ không hợp loại mới sẽ được giữ riêng và báo ở màn hình rà soát)"
    )
}

pub const DIFF_ORPHANED: &str = "\nCâu trả lời đã lưu cho các câu hỏi sau sẽ bị để riêng (không dùng) khi mở bằng bảng hỏi mới:\n";

/// An old question whose saved answers would be kept aside; `like` the new question that may
/// be its successor.
pub fn diff_orphan(id: &str, like: Option<&str>) -> String {
    match like {
        Some(to) => format!("  - {id} (có thể là câu mới `{to}`)"),
        None => format!("  - {id}"),
    }
}

pub const DIFF_RENAMES_HINT: &str = "\nNếu đó là cùng một câu hỏi đã đổi mã, thêm vào bảng hỏi mới (kiểm tra lại từng dòng):\nrenames:\n";

pub fn diff_rename_line(from: &str, to: &str) -> String {
    format!("  {from}: {to}")
}

pub fn check_warnings(file: &str, count: usize) -> String {
    format!("{file}: hợp lệ, có {count} cảnh báo (nên xem lại, không bắt buộc sửa).")
}

/// A heading writes a year that `vars` hold; `vars` are the names holding it, in file order.
pub fn lint_heading_year(year: &str, vars: &[&str]) -> (String, String) {
    let first = vars.first().copied().unwrap_or_default();
    let held = vars
        .iter()
        .map(|v| format!("`{v}: {year}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let others = if vars.len() > 1 {
        let rest: Vec<String> = vars[1..].iter().map(|v| format!("{{{{ {v} }}}}")).collect();
        format!(
            " (hoặc {}, nếu năm này là của {})",
            rest.join(", "),
            vars[1..]
                .iter()
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else {
        String::new()
    };
    (
        format!("đề mục ghi thẳng năm {year}, trong khi `vars` đã có {held}"),
        format!(
            "viết {{{{ {first} }}}}{others} thay cho {year}, để kỳ sau chỉ cần sửa `vars` một lần."
        ),
    )
}

pub fn lint_heading_case() -> (String, String) {
    (
        "đề mục cấp 1 (I., II., …) không viết chữ in hoa".to_owned(),
        "viết cả đề mục bằng chữ in hoa, ví dụ `TÌNH HÌNH TRIỂN KHAI` (NĐ 30).".to_owned(),
    )
}

pub fn lint_closing() -> (String, String) {
    (
        "câu kết (`closing`) không kết thúc bằng \"./.\"".to_owned(),
        "thêm \"./.\" vào cuối câu kết, ví dụ `… kính báo cáo Sở Khoa học và Công nghệ./.`."
            .to_owned(),
    )
}

pub fn lint_suggestion_long(id: &str, len: usize, max: usize) -> (String, String) {
    (
        format!("câu gợi ý của `{id}` dài {len} ký tự, quá giới hạn {max} ký tự của chính câu hỏi"),
        "rút gọn câu gợi ý, hoặc tăng `max_length` trong `validate`.".to_owned(),
    )
}

pub fn lint_unused(id: &str) -> (String, String) {
    (
        format!(
            "câu hỏi `{id}` không được dùng ở đâu: không mẫu câu nào nhắc tới và mục của nó có `text`"
        ),
        format!(
            "dùng {{{{ {id} }}}} trong một mẫu câu (`text`, `document`…), hoặc bỏ câu hỏi này."
        ),
    )
}

pub fn lint_condition_never(id: &str, value: &str) -> (String, String) {
    (
        format!("điều kiện không bao giờ đúng: `{id}` không có lựa chọn \"{value}\""),
        format!(
            "sửa giá trị cho khớp một lựa chọn trong `options` của `{id}` (viết đúng từng chữ)."
        ),
    )
}

pub fn lint_condition_false() -> (String, String) {
    (
        "điều kiện luôn sai (`false`): phần này không bao giờ được hỏi hay in".to_owned(),
        "bỏ `when`, hoặc xóa hẳn phần không dùng nữa.".to_owned(),
    )
}

pub fn render_failed(file: &str, line: usize, detail: &str, budget: bool) -> String {
    if budget {
        // The answers are fine: the questionnaire asks for more work than any report needs.
        return format!(
            "{ERROR_LABEL}: {file}:{line}: không tạo được báo cáo vì mẫu câu ở dòng {line} vượt giới hạn an toàn với các câu trả lời này: {detail}.\n  {FIX_LABEL} câu trả lời không sai và vẫn được giữ nguyên; báo cho người soạn bảng hỏi sửa mẫu câu ở dòng {line} (bảng hỏi có thể đến từ nơi khác: đừng dùng nếu không rõ nguồn)."
        );
    }
    format!(
        "{ERROR_LABEL}: {file}:{line}: không tạo được báo cáo vì mẫu câu ở dòng {line} không chạy được với các câu trả lời này: {detail}.\n  {FIX_LABEL} trả lời câu hỏi mà mẫu câu dùng, hoặc sửa mẫu câu để chịu được câu trả lời trống (ví dụ `(x or 0)` hay `{{% if x %}}…{{% endif %}}`)."
    )
}

pub const WIZARD_NEEDS_TERMINAL: &str = "lỗi: trình hỏi đáp cần một cửa sổ dòng lệnh (terminal) để hiện.\n  → cách sửa: chạy `baocao` trực tiếp trong cửa sổ dòng lệnh; để tạo báo cáo không cần giao diện, dùng `baocao render BẢNG_HỎI.yaml --answers CÂU_TRẢ_LỜI.yaml`.";

/// Another session holds the answers file.
pub fn answers_locked(file: &str, pid: &str, since: &str) -> String {
    format!(
        "Tệp {file} đang được một phiên baocao khác sửa (PID {pid}, từ {since}).\n  → đóng phiên đó trước, hoặc mở tệp ở chế độ chỉ xem."
    )
}

/// `--from`: answers carried over from the previous period.
pub fn carried_over(count: usize, file: &str) -> String {
    format!(
        "Đã lấy {count} câu trả lời từ {file}; các câu này mang dấu ? (cần xem lại) cho tới khi bạn sửa hoặc nhấn F8 để xác nhận."
    )
}

/// No folder would take a lock file: writing could race a second window.
pub fn answers_no_lock(file: &str, detail: &str) -> String {
    format!(
        "Không tạo được tệp khóa cho {file} ở thư mục của tệp lẫn thư mục dữ liệu ({detail}), nên không ngăn được một cửa sổ khác cùng sửa tệp này.\n  → giải phóng chỗ trống trên đĩa (hoặc cho phép ghi vào thư mục) rồi mở lại; trong lúc chờ, có thể mở tệp ở chế độ chỉ xem."
    )
}

pub const OPEN_READ_ONLY: &str = "Mở để xem, không sửa? [c/K] ";

pub const NOT_OPENED: &str = "Không mở tệp câu trả lời.";

/// The answers file could not be read as answers: kept aside, the wizard starts afresh.
pub fn answers_moved_aside(file: &str, kept: &str) -> String {
    format!(
        "⚠ Tệp {file} bị hỏng nên không đọc được; đã giữ nguyên nó thành {kept} và bắt đầu với câu trả lời trống."
    )
}

/// The folder of the answers file refuses the journal and the lock: they go elsewhere.
pub fn session_elsewhere(dir: &str) -> String {
    format!("⚠ Thư mục của tệp câu trả lời không ghi được; nhật ký thay đổi được giữ ở {dir}.")
}

pub fn wizard_saved(file: &str) -> String {
    format!("Câu trả lời đã lưu trong {file}.")
}

/// A read-only session ended: nothing was written.
pub fn wizard_viewed(file: &str) -> String {
    format!("Đã đóng {file} (chỉ xem: không ghi gì vào tệp).")
}

/// `render`: answers wait in the data folder or a journal that the answers file lacks.
pub fn answers_waiting(file: &str, waiting: &str) -> String {
    format!(
        "⚠ {file}: còn câu trả lời mới hơn chưa được ghi vào tệp này, đang nằm ở {waiting}; báo cáo dưới đây chưa có chúng.\n  → mở lại tệp này bằng trình hỏi đáp (`baocao run BẢNG_HỎI --answers {file}`) để lấy lại và ghi chúng vào tệp, rồi tạo báo cáo lại."
    )
}

/// The wizard's words: labels, key descriptions, status lines and dialogs.
pub mod ui {
    pub const APP_NAME: &str = "baocao";
    pub const HEADER_SECTION: &str = "Phần đầu văn bản";
    pub const OUTLINE_TITLE: &str = "Mục lục";
    pub const PREVIEW_TITLE: &str = "Đoạn này trong báo cáo";
    pub const PREVIEW_EMPTY: &str = "(Chưa có gì — phần này sẽ hiện khi bạn trả lời.)";
    pub const FULL_PREVIEW_TITLE: &str = "Toàn bộ báo cáo";
    pub const HELP_TITLE: &str = "Trợ giúp — các phím";
    pub const SUGGESTIONS_TITLE: &str = "Gợi ý — Enter để chèn, rồi sửa tiếp";
    pub const NO_QUESTIONS: &str = "Không có câu hỏi nào áp dụng. Nhấn F10 để xem báo cáo.";
    pub const SAVE_UNCHANGED: &str = "Chưa sửa gì";
    pub const SAVING: &str = "Đang lưu…";
    pub const YES_KEYED: &str = "Có (C)";
    pub const NO_KEYED: &str = "Không (K)";
    pub const OTHER_LABEL: &str = "Khác:";
    pub const PLACEHOLDER_LINE: &str = "Gõ câu trả lời…";
    pub const PLACEHOLDER_PARAGRAPH: &str = "Gõ đoạn văn… (Enter xuống dòng, Tab sang câu sau)";
    pub const PLACEHOLDER_NUMBER: &str = "Ví dụ: 1.250 hoặc 12,5";
    pub const PLACEHOLDER_INTEGER: &str = "Số nguyên, ví dụ: 1.250.000";
    pub const PLACEHOLDER_DATE: &str = "ngày/tháng/năm, ví dụ 31/7/2025";
    pub const HINT_NUMBER: &str =
        "Số viết kiểu Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy thập phân.";
    pub const HINT_DATE: &str = "Gõ ngày dạng ngày/tháng/năm (năm đủ 4 chữ số).";
    pub const HINT_CHOICES: &str = "Space chọn hoặc bỏ chọn; có thể chọn nhiều.";
    pub const HINT_LIST: &str = "Enter thêm mục · Ctrl+D xóa mục · Alt+↑/↓ đổi thứ tự.";
    pub const HINT_TABLE: &str =
        "Tab ô sau · ↑/↓ đổi dòng · Ctrl+N thêm dòng · Ctrl+D xóa dòng · PgDn câu sau.";
    pub const REQUIRED_EMPTY: &str = "Câu này bắt buộc nhưng chưa có câu trả lời.";
    pub const NOT_AN_INTEGER: &str = "không phải số nguyên (ví dụ đúng: 1.250 hoặc 1250)";
    pub const NOT_A_NUMBER: &str = "không phải số (ví dụ đúng: 12,5 hoặc 1.250)";
    pub const NOT_A_DATE: &str = "không phải ngày hợp lệ (gõ ngày/tháng/năm, ví dụ 31/7/2025)";
    pub const AT_FIRST: &str = "Đây là câu đầu tiên.";
    pub const NOTHING_TO_UNDO: &str = "Không còn gì để hoàn tác.";
    pub const NOTHING_TO_REDO: &str = "Không còn gì để làm lại.";
    pub const NO_SUGGESTIONS: &str = "Câu này không có gợi ý.";
    pub const NO_EXTERNAL_EDITOR_FOR_KIND: &str =
        "Chỉ câu trả lời dạng chữ hoặc danh sách mới mở được bằng trình soạn thảo ngoài.";
    pub const SECTION_HAS_NO_QUESTIONS: &str = "Mục này không có câu hỏi nào đang áp dụng.";
    pub const CANNOT_JUMP: &str = "Không có câu hỏi đang áp dụng để chuyển tới.";
    pub const REVIEW_ALL_GOOD: &str = "Rà soát: không còn thiếu sót";
    pub const REVIEW_READY: &str = "Mọi câu bắt buộc đã có câu trả lời. Nhấn F10 để xuất báo cáo.";
    pub const EXPORT_TITLE: &str = "Xuất báo cáo — Space chọn, Enter ghi tệp, Esc đóng";
    pub const READ_ONLY_REFUSED: &str =
        "Đang mở ở chế độ chỉ xem (một phiên baocao khác đang sửa tệp này): không sửa được.";
    pub const READ_ONLY_BADGE: &str = "CHỈ XEM";
    pub const REVIEW_CONFIRMED: &str = "Đã xác nhận câu trả lời lấy từ kỳ trước.";
    pub const REVIEW_NOTE: &str = "↻ Câu trả lời lấy từ kỳ trước — cần xem lại: sửa nếu cần, hoặc nhấn F8 để xác nhận là vẫn đúng.";
    pub const UNREVIEWED_TITLE: &str = "Còn câu trả lời lấy từ kỳ trước chưa xem lại";
    pub const UNREVIEWED_QUESTION: &str =
        "Các câu sau vẫn giữ câu trả lời của kỳ trước, chưa được xem lại:";
    pub const UNREVIEWED_KEYS: &str = "C: vẫn xuất báo cáo   K hoặc Esc: quay lại xem";
    pub const K_CONFIRM_REVIEW: &str = "Xác nhận (kỳ trước)";

    pub fn and_more(count: usize) -> String {
        format!("  … và {count} câu khác (xem dấu ? trong mục lục)")
    }
    pub const FORMAT_WORD: &str = "Word (.docx), trình bày theo NĐ 30";
    pub const FORMAT_TEXT: &str = "Văn bản (.txt)";
    pub const FORMAT_MARKDOWN: &str = "Markdown (.md)";
    pub const EXPORT_FULL: &str = "Kèm phần đầu và khối chữ ký (thể thức NĐ 30)";
    pub const EXPORT_FOLDER: &str = "Thư mục:";
    pub const EXPORT_NAME: &str = "Tên tệp:";
    pub const EXPORT_WRITTEN: &str = "Đã ghi:";
    pub const EXPORT_NOTHING_CHOSEN: &str = "Hãy chọn ít nhất một định dạng và đặt tên tệp.";
    pub const CHOICE_HAS_DEFAULT: &str =
        "Câu này có lựa chọn mặc định nên không để trống được; hãy chọn một lựa chọn khác.";
    pub const NO_EDITOR: &str =
        "Chưa có trình soạn thảo: cài nano, hoặc đặt biến môi trường EDITOR (ví dụ EDITOR=nano).";
    pub const FIXED_ROW_CLEARED: &str = "Dòng này có sẵn trong bảng hỏi nên không xóa được; số liệu của dòng đã được xóa (Ctrl+Z để lấy lại).";
    pub const EXPORT_BAD_NAME: &str = "Tên tệp không được có dấu / \\ : hay bắt đầu bằng dấu chấm; tệp được ghi vào thư mục ở trên.";
    pub const EXPORT_NOT_WRITTEN: &str = "Chưa ghi tệp nào (các tệp cũ giữ nguyên).";
    pub const OVERWRITE_TITLE: &str = "Tệp đã có";
    pub const OVERWRITE_QUESTION: &str = "Các tệp này đã có. Ghi đè lên?";
    pub const OVERWRITE_KEYS: &str = "C: ghi đè   K hoặc Esc: không ghi";
    pub const HELP_FOOTER: &[&str] = &[
        "Câu trả lời được tự động lưu sau mỗi lần sửa; thoát lúc nào cũng không mất gì.",
        "Câu có dấu * là câu bắt buộc. Câu ẩn theo điều kiện vẫn được giữ câu trả lời.",
        "Gõ tiếng Việt: dùng bộ gõ Unicode (UniKey/EVKey: bảng mã Unicode dựng sẵn;",
        "Linux: ibus-bamboo hoặc fcitx5-unikey). Đoạn dài có thể sửa bằng F5 ($EDITOR).",
    ];

    pub const HELP_GENERAL: &str = "Mọi lúc";
    pub const HELP_LINE: &str = "Ô chữ một dòng, số, ngày";
    pub const HELP_PARAGRAPH: &str = "Đoạn văn";
    pub const HELP_YES_NO: &str = "Câu Có/Không";
    pub const HELP_CHOICE: &str = "Câu lựa chọn";
    pub const HELP_LIST: &str = "Danh sách";
    pub const HELP_TABLE: &str = "Bảng";
    pub const HELP_LISTS: &str = "Mục lục, gợi ý, rà soát";
    pub const HELP_SCROLL: &str = "Xem toàn bộ báo cáo, trợ giúp";
    pub const HELP_EXPORT: &str = "Xuất báo cáo";
    pub const HELP_CONFIRM: &str = "Câu hỏi xác nhận";
    pub const K_QUIT: &str = "Thoát";
    pub const K_CLOSE: &str = "Đóng";
    pub const K_CONFIRM_YES: &str = "Đồng ý";
    pub const K_CONFIRM_NO: &str = "Không";
    pub const K_NEXT: &str = "Câu sau";
    pub const K_PREV: &str = "Câu trước";
    pub const K_NEXT_CELL: &str = "Ô sau";
    pub const K_PREV_CELL: &str = "Ô trước";
    pub const K_NEWLINE: &str = "Xuống dòng";
    pub const K_CHOOSE_NEXT: &str = "Chọn, sang câu sau";
    pub const K_NEW_ITEM: &str = "Thêm mục";
    pub const K_NEXT_ROW: &str = "Dòng dưới";
    pub const K_GO: &str = "Đến đó";
    pub const K_INSERT: &str = "Chèn";
    pub const K_CLEAR_CHOICE: &str = "Bỏ chọn";
    pub const K_EXPORT_NOW: &str = "Ghi tệp";
    pub const K_TOGGLE: &str = "Chọn/bỏ";
    pub const K_CHOOSE: &str = "Chọn";
    pub const K_YES: &str = "Có";
    pub const K_NO: &str = "Không";
    pub const K_SWITCH: &str = "Đổi Có/Không";
    pub const K_ADD_ROW: &str = "Thêm dòng";
    pub const K_DELETE_ITEM: &str = "Xóa mục";
    pub const K_DELETE_ROW: &str = "Xóa dòng";
    pub const K_MOVE_UP: &str = "Đưa mục lên";
    pub const K_MOVE_DOWN: &str = "Đưa mục xuống";
    pub const K_BACKSPACE: &str = "Xóa chữ bên trái (cả Ctrl+H)";
    pub const K_DELETE: &str = "Xóa chữ bên phải";
    pub const K_WORD_LEFT: &str = "Về từ trước";
    pub const K_WORD_RIGHT: &str = "Sang từ sau";
    pub const K_LEFT: &str = "Sang trái";
    pub const K_RIGHT: &str = "Sang phải";
    pub const K_HOME: &str = "Đầu dòng";
    pub const K_END: &str = "Cuối dòng";
    pub const K_UP: &str = "Lên";
    pub const K_DOWN: &str = "Xuống";
    pub const K_PAGE_UP: &str = "Trang trước";
    pub const K_PAGE_DOWN: &str = "Trang sau";
    pub const K_UNDO: &str = "Hoàn tác";
    pub const K_REDO: &str = "Làm lại";
    pub const K_SAVE: &str = "Lưu";
    pub const K_SUGGESTIONS: &str = "Gợi ý";
    pub const K_PREVIEW: &str = "Xem báo cáo";
    pub const K_OUTLINE: &str = "Mục lục";
    pub const K_EDITOR: &str = "Sửa bằng trình soạn thảo ngoài";
    pub const K_TOGGLE_PREVIEW: &str = "Hiện/ẩn xem trước (màn hình hẹp)";
    pub const K_FINISH: &str = "Hoàn tất";
    pub const K_EXPORT: &str = "Xuất tệp";
    pub const K_HELP: &str = "Trợ giúp";

    pub fn placeholder_default(value: &str) -> String {
        format!("Mặc định: {value} (gõ để thay)")
    }

    pub fn too_small(width: u16, height: u16) -> String {
        format!("Cửa sổ quá nhỏ. Hãy phóng to ít nhất {width}×{height} ký tự.")
    }

    pub fn question_k_of_n(k: usize, n: usize) -> String {
        format!("Câu {k}/{n}")
    }

    pub fn saved_at(time: &str) -> String {
        format!("Đã lưu {time}")
    }

    pub fn save_failed(message: &str) -> String {
        format!("Chưa lưu được: {message}")
    }

    pub fn save_error(file: &str, detail: &str) -> String {
        format!("không ghi được {file} ({detail})")
    }

    pub fn save_error_kept(file: &str, detail: &str, copy: &str) -> String {
        format!("không ghi được {file} ({detail}); bản sao đang được giữ ở {copy}")
    }

    pub fn changed_outside(kept: &str) -> String {
        format!(
            "⚠ Tệp câu trả lời vừa bị một chương trình khác sửa; bản đó được giữ ở {kept}, câu trả lời đang làm đã được ghi."
        )
    }

    pub const GONE_OUTSIDE: &str =
        "⚠ Tệp câu trả lời đã bị xóa hoặc chuyển đi trong lúc làm; đã ghi lại ở chỗ cũ.";

    pub fn bad_cell(row: &str, column: &str, integer: bool) -> String {
        let what = if integer { "số nguyên" } else { "số" };
        format!("dòng \"{row}\", cột \"{column}\": không phải {what}")
    }

    pub fn left_with_problem(message: &str) -> String {
        format!("⚠ Câu vừa rời: {message}")
    }

    pub fn review_title(n: usize) -> String {
        format!("Rà soát: {n} việc cần xem — Enter để đến câu đó, F10 để xuất báo cáo")
    }

    pub fn review_missing(ask: &str) -> String {
        format!("Chưa trả lời: {ask}")
    }

    pub fn review_invalid(ask: &str, message: &str) -> String {
        format!("{ask} — {message}")
    }

    pub fn review_condition(line: usize, detail: &str) -> String {
        format!("Điều kiện ở dòng {line} của bảng hỏi không tính được: {detail}")
    }

    pub fn review_orphan(id: &str) -> String {
        format!("Câu trả lời \"{id}\" không còn câu hỏi tương ứng; được giữ nguyên trong tệp.")
    }

    pub fn review_superseded(old: &str, new: &str) -> String {
        format!("Câu trả lời cũ \"{old}\" đã được thay bằng \"{new}\"; được giữ nguyên trong tệp.")
    }

    /// The Word font size row of the export dialog.
    pub fn export_size(points: u8) -> String {
        format!("    Cỡ chữ tệp Word: {points} (Space: đổi 14/13)")
    }

    pub fn export_failed(file: &str, detail: &str) -> String {
        format!("Không ghi được {file}: {detail}")
    }

    pub fn export_render_failed(detail: &str) -> String {
        format!("Chưa tạo được báo cáo: {detail}")
    }

    pub fn editor_failed(command: &str, detail: &str) -> String {
        format!("Không mở được trình soạn thảo \"{command}\": {detail}")
    }

    /// Quitting when even the last save failed: the answers are in a copy in the data
    /// folder, which the next start on the same answers file takes back.
    pub fn saved_to_copy(message: &str, copy: &str) -> String {
        format!(
            "lỗi: {message}.\n  → câu trả lời đã được ghi vào bản sao {copy}; khi ổ đĩa có chỗ, mở lại baocao trên đúng tệp câu trả lời này là đủ: bản sao được lấy lại và ghi vào tệp."
        )
    }

    /// A read-only session ended by a signal or an internal error: it wrote nothing.
    pub fn read_only_ended(file: &str) -> String {
        format!("Phiên chỉ xem đã đóng; không ghi gì vào {file}.")
    }

    /// Answers brought back at the start from the copy kept in the data folder when the
    /// disk was full (and from the journals).
    pub fn recovered_from_copy(answers: usize, torn: bool, copy: &str) -> String {
        let tail = if torn {
            " (phần cuối của nhật ký bị đứt giữa chừng nên bỏ qua)"
        } else {
            ""
        };
        format!(
            "Đã khôi phục {answers} câu trả lời chưa kịp ghi vào tệp ở lần làm việc trước, từ bản sao {copy}{tail}; đang ghi vào tệp."
        )
    }

    /// Copies in the data folder older than the answers file that hold something else: kept.
    pub fn copies_set_aside(kept: &str) -> String {
        format!(
            "⚠ Bản sao câu trả lời cũ hơn tệp hiện tại (tệp đã được ghi sau đó) không được lấy lại; đã giữ nguyên ở {kept} để bạn xem nếu cần."
        )
    }

    pub const SAVE_HUNG: &str = "ổ đĩa không trả lời khi lưu câu trả lời";

    /// No location took the journal's last record (every disk full or read-only).
    pub fn journal_failed(detail: &str) -> String {
        format!(
            "⚠ Không ghi được nhật ký thay đổi ở thư mục nào ({detail}): những gì vừa gõ chỉ còn trên màn hình cho tới lần lưu được kế tiếp. → giải phóng chỗ trống trên đĩa rồi nhấn Ctrl+S; đừng đóng cửa sổ."
        )
    }

    /// The journal's disk refused a record: the journal goes on in another folder.
    pub fn journal_moved(journal: &str) -> String {
        format!(
            "⚠ Đĩa của nhật ký thay đổi không ghi được nữa; nhật ký được ghi tiếp ở {journal} và lần mở sau sẽ khôi phục từ đó."
        )
    }

    pub fn emergency_saved(file: &str) -> String {
        format!("Câu trả lời đã được lưu vào {file}.")
    }

    pub fn emergency_journal(file: &str, journal: &str, detail: &str) -> String {
        format!(
            "lỗi: không ghi được {file} ({detail}).\n  → mọi thay đổi nằm trong nhật ký {journal}; mở lại baocao trên tệp này để khôi phục."
        )
    }

    /// Neither the answers file nor any journal took the last changes.
    pub fn emergency_lost(file: &str, detail: &str) -> String {
        format!(
            "lỗi: không ghi được {file} ({detail}), và nhật ký thay đổi cũng không ghi được ở thư mục nào: những thay đổi cuối cùng có thể đã mất.\n  → giải phóng chỗ trống trên đĩa, mở lại baocao trên tệp này để khôi phục phần còn lại, rồi kiểm tra các câu vừa sửa."
        )
    }

    pub const PANICKED: &str =
        "baocao gặp lỗi nội bộ và phải dừng; xin gửi báo lỗi kèm các dòng ở trên.";

    pub fn recovered(answers: usize, torn: bool) -> String {
        let tail = if torn {
            " (phần cuối của nhật ký bị đứt giữa chừng nên bỏ qua)"
        } else {
            ""
        };
        format!("Đã khôi phục {answers} câu trả lời chưa kịp lưu ở lần làm việc trước{tail}.")
    }
    pub const QUIT_UNSAVED: &str = "Chưa lưu được câu trả lời. Nhấn Ctrl+Q lần nữa để thoát: chương trình thử lưu lần cuối, không được thì ghi một bản sao vào thư mục dữ liệu và báo đường dẫn.";

    pub fn terminal_failed(detail: &str) -> String {
        format!("Không dùng được cửa sổ dòng lệnh này: {detail}")
    }
}

// --- baocao preview ---------------------------------------------------------------------------

/// Stands for an answer inside a prompt or an empty table cell in a preview.
pub const PREVIEW_ELLIPSIS: &str = "…";

/// Where a question's answer goes: "[Tên xã]".
pub fn preview_placeholder(ask: &str) -> String {
    let ask = ask.trim().trim_end_matches(['?', ':', ' ']);
    format!("[{ask}]")
}

/// A value computed from answers (or not known without them): "[= kiem_tra | length]".
pub fn preview_computed(expression: &str) -> String {
    preview_computed_from(expression, &[])
}

/// A condition, with the questions it comes from when it reads them through names set earlier
/// in the template: "kq ← so_tin_bai, so_hoi_nghi".
pub fn preview_condition(condition: &str, questions: &[String]) -> String {
    if questions.is_empty() {
        condition.to_owned()
    } else {
        format!("{condition} ← {}", questions.join(", "))
    }
}

/// A computed value and the questions it comes from that it does not name itself:
/// "[= kq | join("; ") ← so_tin_bai, so_hoi_nghi]".
pub fn preview_computed_from(expression: &str, questions: &[String]) -> String {
    if questions.is_empty() {
        format!("[= {expression}]")
    } else {
        format!("[= {expression} ← {}]", questions.join(", "))
    }
}

/// One item of a list a `{% for %}` walks: "[mỗi mục của: Văn bản đã ban hành]".
pub fn preview_item(placeholder: &str) -> String {
    format!("[mỗi mục của: {}]", bracketed(placeholder))
}

/// How many items a list or table answer has: "[số mục của: Văn bản đã ban hành]".
pub fn preview_count(placeholder: &str) -> String {
    format!("[số mục của: {}]", bracketed(placeholder))
}

/// The text inside "[…]".
fn bracketed(placeholder: &str) -> &str {
    placeholder
        .strip_prefix('[')
        .and_then(|p| p.strip_suffix(']'))
        .unwrap_or(placeholder)
}

/// A branch of a condition inside a sentence: "nếu co_bcd:", "còn nếu …:", "nếu không:".
pub fn preview_branch(condition: Option<&str>, first: bool) -> String {
    match (condition, first) {
        (Some(c), true) => format!("nếu {c}:"),
        (Some(c), false) => format!("còn nếu {c}:"),
        (None, _) => "nếu không:".to_owned(),
    }
}

/// A branch of a condition on a line of its own: "«Nếu co_bcd:»".
pub fn preview_branch_line(condition: Option<&str>, first: bool) -> String {
    match (condition, first) {
        (Some(c), true) => format!("«Nếu {c}:»"),
        (Some(c), false) => format!("«Còn nếu {c}:»"),
        (None, _) => "«Nếu không:»".to_owned(),
    }
}

/// Ends a conditional part written on lines of its own: "«Hết phần “nếu co_bcd”»".
pub fn preview_end_if(condition: &str) -> String {
    format!("«Hết phần “nếu {condition}”»")
}

/// A condition inside a sentence: "«nếu a: … | nếu không: …»".
pub fn preview_inline_if(branches: &[String]) -> String {
    format!("«{}»", branches.join(" | "))
}

/// Before a section that has a `when`.
pub fn preview_section_when(condition: &str) -> String {
    format!("«Mục sau chỉ có khi: {condition}»")
}

/// Before the answer of a question that has a `when`, in a section without `text`.
pub fn preview_question_when(condition: &str) -> String {
    format!("«Phần sau chỉ có khi: {condition}»")
}
