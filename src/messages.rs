//! Every sentence the user sees, in Vietnamese, in one module.
//!
//! Owns: labels, the loader's problem messages (what is wrong, and how to fix it), answers-file
//! messages, CLI messages, and words used inside reports ("Có", "Không", "và"). Another
//! language would be a sibling of this module.
//!
//! Must not: decide anything; it only words what other modules found. It imports nothing of the
//! crate but `vn` (tests/architecture.rs checks): the module that found a problem picks the
//! sentence (`questionnaire::explain`, `template::explain`, `answers::explain`,
//! `compare::report`) and hands it plain values — names, numbers, limits.
//!
//! The parts, by subject: here the labels and words shared by all; `template` (a template's
//! or condition's problems), `loader` (a questionnaire's problems), `answers` (answers files
//! and answer checks), `cli` (commands and `preview`), `diff` (`baocao diff`), `ui` (the
//! wizard's words, reached as `messages::ui::…`), `plain` (the plain line-by-line mode's
//! words, reached as `messages::plain::…`).

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
pub(super) fn condition_detail(detail: &str) -> String {
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

// The sentences by subject, each in its own file; all are reached as `messages::…`, except
// the wizard's words, which are `messages::ui::…`.
mod answers;
mod cli;
mod diff;
mod loader;
pub mod plain;
mod template;
pub mod ui;

pub use answers::*;
pub use cli::*;
pub use diff::*;
pub use loader::*;
pub use template::*;
