//! The sentences for a template problem found by MiniJinja: what went wrong in a
//! condition or a template, and how to fix it (`template::explain` picks one).
//!
//! Must not: decide anything, or import anything of the crate but `vn`.

use super::TEMPLATE_ENDS_EARLY;

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
pub(super) fn end(text: &str) -> String {
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

pub(super) fn maybe(suggestion: Option<&str>) -> String {
    suggestion
        .map(|s| format!(" Có phải ý bạn là `{s}`?"))
        .unwrap_or_default()
}
