//! The wizard's words: labels, key descriptions, status lines and dialogs.
//!
//! Must not: decide anything, or import anything of the crate but `vn`.

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
pub const EXPORT_BAD_NAME: &str =
    "Tên tệp không được có dấu / \\ : hay bắt đầu bằng dấu chấm; tệp được ghi vào thư mục ở trên.";
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

/// Under a question whose prompt or help template fails with the answers given so far.
pub fn question_text_failed(line: usize, detail: &str) -> String {
    format!(
        "⚠ Mẫu câu của câu hỏi này bị lỗi (bảng hỏi, dòng {line}): {detail}. Câu hỏi được hiện nguyên văn; hãy báo người soạn bảng hỏi sửa (chạy `baocao check`)."
    )
}
