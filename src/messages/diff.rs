//! `baocao diff`: what changed between two questionnaire versions (`compare::report` lays
//! the lines out).
//!
//! Must not: decide anything, or import anything of the crate but `vn`.

use super::{ERROR_LABEL, FIX_LABEL};

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
pub fn answers_locked(file: &str, pid: &str, since: &str, can_look: bool) -> String {
    let then = if can_look {
        "đóng phiên đó trước, hoặc mở tệp ở chế độ chỉ xem"
    } else {
        "đóng phiên đó rồi chạy lại lệnh này"
    };
    format!("Tệp {file} đang được một phiên baocao khác sửa (PID {pid}, từ {since}).\n  → {then}.")
}

/// `--from`: answers carried over from the previous period.
pub fn carried_over(count: usize, file: &str) -> String {
    format!(
        "Đã lấy {count} câu trả lời từ {file}; các câu này mang dấu ? (cần xem lại) cho tới khi bạn sửa hoặc nhấn F8 để xác nhận."
    )
}

/// No folder would take a lock file: writing could race a second window.
pub fn answers_no_lock(file: &str, detail: &str, can_look: bool) -> String {
    let meanwhile = if can_look {
        "; trong lúc chờ, có thể mở tệp ở chế độ chỉ xem"
    } else {
        ""
    };
    format!(
        "Không tạo được tệp khóa cho {file} ở thư mục của tệp lẫn thư mục dữ liệu ({detail}), nên không ngăn được một cửa sổ khác cùng sửa tệp này.\n  → giải phóng chỗ trống trên đĩa (hoặc cho phép ghi vào thư mục) rồi mở lại{meanwhile}."
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
