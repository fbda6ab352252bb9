//! The command line and `baocao preview`: what a command says on its way.
//!
//! Must not: decide anything, or import anything of the crate but `vn`.

use super::{ERROR_LABEL, FIX_LABEL};

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

/// A template that failed while building the report, without its file: "dòng 12: …".
pub fn render_error_at(line: usize, detail: &str) -> String {
    format!("dòng {line}: {detail}")
}
