//! Answers files and the validation of answers: what is wrong with a file or an
//! answer, and what to do.
//!
//! Must not: decide anything, or import anything of the crate but `vn`.

use super::loader::syntax_detail;
use super::{ERROR_LABEL, FIX_LABEL, WARNING_LABEL};

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
