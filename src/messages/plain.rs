//! The plain mode's words (`baocao run --plain`): what is printed around each question, the
//! hints of each kind, the line commands and their help, and what is said when a line is
//! refused.
//!
//! Must not: decide anything, or import anything of the crate but `vn`.

pub const CHOSEN_FOR_DUMB_TERMINAL: &str =
    "ghi chú: cửa sổ này không hiện được toàn màn hình (TERM=dumb), nên dùng chế độ dòng.";
pub const CHOSEN_FOR_NO_VT: &str = "ghi chú: cửa sổ này không hiện được toàn màn hình (không hỗ trợ chuỗi điều khiển VT), nên dùng chế độ dòng. Muốn toàn màn hình: mở Windows Terminal hoặc PowerShell rồi chạy baocao.";

/// The answers file is held by another session and the input is not a keyboard: nothing is
/// asked (the first line would be taken as the reply) and the command ends with `code`.
pub fn not_opened_from_a_pipe(file: &str, code: u8) -> String {
    format!(
        "Không mở {file}: dữ liệu vào không phải từ bàn phím (ống dẫn hoặc tệp) nên không hỏi có mở chỉ để xem không; không đọc dòng nào, không ghi gì (mã thoát {code})."
    )
}

/// The opening lines: the answers file in use, how to answer, how to leave; when another
/// session holds the file, that nothing typed here is kept.
pub fn intro(file: &str, read_only: bool) -> String {
    let how = "Mỗi câu hỏi hiện trên các dòng chữ thường. Gõ câu trả lời rồi Enter; Enter trên dòng trống giữ nguyên câu trả lời đang có. Gõ :? để xem các lệnh.";
    if read_only {
        format!(
            "Chế độ dòng, CHỈ XEM tệp câu trả lời {file}: một phiên baocao khác đang sửa tệp này, nên câu trả lời gõ ở đây không được nhận. {how}\nĐể thoát: gõ :thoát, hoặc hết dữ liệu vào (Ctrl+D; trên Windows: Ctrl+Z rồi Enter)."
        )
    } else {
        format!(
            "Chế độ dòng, tệp câu trả lời: {file}. {how}\nĐể lưu và thoát: gõ :thoát, hoặc hết dữ liệu vào (Ctrl+D; trên Windows: Ctrl+Z rồi Enter)."
        )
    }
}

/// The session starts where the answers file says the official was.
pub fn resuming(k: usize, n: usize) -> String {
    format!("Tiếp tục từ câu {k}/{n}, nơi lần trước dừng lại; gõ :đến 1 để về câu đầu.")
}

/// A line holding an escape sequence (an arrow key) or another control character.
pub const CONTROL_KEYS: &str = "Chưa nhận dòng này: phím mũi tên và phím điều khiển không dùng được ở chế độ dòng; sửa bằng Backspace rồi gõ lại.";
/// A paragraph or a list that has an answer: what typing does to it.
pub const HINT_REPLACES: &str = "Đã có câu trả lời: các dòng gõ sau đây thay toàn bộ câu trả lời; Enter ở dòng đầu giữ nguyên; gõ :thêm để thêm dòng vào sau, :gợi ý SỐ để thêm một gợi ý.";
/// `:thêm` on a question that is no paragraph or list.
pub const ADD_NOT_HERE: &str = "Lệnh :thêm chỉ dùng cho đoạn văn hoặc danh sách.";
/// `:thêm`: the lines typed next are added after the answer.
pub const ADDING: &str = "Gõ các dòng thêm vào sau câu trả lời; một dòng trống để kết thúc.";
/// `:đến` without a question.
pub const JUMP_NEEDS_TARGET: &str =
    "Lệnh :đến cần số thứ tự của câu, ví dụ :đến 5 (gõ :ds để xem số các câu).";
pub const LIST_TITLE: &str = "Các câu hỏi (gõ :đến SỐ để đến một câu):";
pub const LIST_ANSWERED: &str = "đã trả lời";
pub const LIST_UNANSWERED: &str = "chưa trả lời";
pub const LIST_HERE: &str = "(đang ở đây)";

/// One question of `:ds`.
pub fn list_line(k: usize, prompt: &str, answered: bool, here: bool) -> String {
    let state = if answered {
        LIST_ANSWERED
    } else {
        LIST_UNANSWERED
    };
    let here = if here {
        format!(" {LIST_HERE}")
    } else {
        String::new()
    };
    format!("  {k}. {prompt} — {state}{here}")
}

/// A section's line in `:ds`.
pub fn list_section(path: &str) -> String {
    format!("{path}:")
}
pub const HEADER_SECTION: &str = "Phần đầu văn bản";
pub const REQUIRED: &str = "(bắt buộc)";
pub const HELP_LABEL: &str = "Hướng dẫn:";
pub const NOTHING_YET: &str = "Chưa trả lời.";
pub const HINT_TEXT: &str = "Gõ một dòng.";
pub const HINT_PARAGRAPH: &str = "Gõ đoạn văn, có thể nhiều dòng; một dòng trống để kết thúc.";
pub const HINT_INTEGER: &str = "Gõ một số nguyên, ví dụ 1.250 hoặc 1250.";
pub const HINT_DECIMAL: &str = "Gõ một số, ví dụ 12,5 hoặc 1.250.";
pub const HINT_DATE: &str = "Gõ ngày dạng dd/mm/yyyy, ví dụ 31/07/2025.";
pub const HINT_YES_NO: &str = "Gõ c (có) hoặc k (không).";
pub const HINT_CHOICE: &str = "Gõ số của một lựa chọn.";
pub const HINT_CHOICE_OTHER: &str = "Gõ số của một lựa chọn, hoặc gõ chữ để ghi ý khác.";
pub const HINT_CHOICES: &str =
    "Gõ số của các lựa chọn, cách nhau bằng dấu phẩy hoặc dấu cách (ví dụ 1, 3).";
pub const HINT_CHOICES_OTHER: &str = "Gõ số của các lựa chọn, cách nhau bằng dấu phẩy hoặc dấu cách (ví dụ 1, 3); thêm chữ (sau dấu phẩy) để ghi ý khác.";
pub const HINT_LIST: &str = "Gõ mỗi mục trên một dòng; một dòng trống để kết thúc.";
pub const HINT_TABLE: &str = "Bảng: hỏi từng ô, theo từng dòng; Enter giữ nguyên ô. Gõ :tiếp để giữ nguyên phần còn lại của bảng và sang câu sau. Sau các dòng đã có là dòng mới: để trống ô đầu của dòng mới để kết thúc bảng.";
pub const NOT_YES_NO: &str = "câu này chỉ nhận c (có) hoặc k (không).";
pub const ANSWER_KEPT: &str = "Giữ nguyên.";
pub const ANSWER_CLEARED: &str = "Đã xóa câu trả lời.";
pub const NO_PREVIOUS: &str = "Đây là câu đầu tiên, không lùi được nữa.";
pub const END_OF_QUESTIONS: &str = "Đã hết câu hỏi. Gõ :xong để xuất báo cáo, :lui để quay lại, hoặc Enter (hay :thoát) để lưu và thoát.";
pub const NOT_A_COMMAND_HERE: &str = "Đã hết câu hỏi: chỉ gõ được lệnh (:? để xem các lệnh).";
pub const READ_ONLY: &str = "Không nhận: đang mở ở chế độ chỉ xem (một phiên baocao khác đang sửa tệp này), không sửa được câu trả lời. Enter để sang câu sau, :thoát để thoát.";

/// The help of the line commands (`:?`).
pub const HELP: &str = "Các lệnh (gõ trên một dòng riêng, bắt đầu bằng dấu hai chấm):
  :lui          quay lại câu trước
  :tiếp         giữ nguyên phần còn lại của câu này (ví dụ các ô còn lại của bảng) và sang câu sau
  :đến SỐ       đến câu số SỐ (ví dụ :đến 5)
  :ds           danh sách các câu hỏi: số, phần, câu hỏi, đã trả lời chưa
  :xóa          xóa câu trả lời của câu này
  :thêm         đoạn văn, danh sách: thêm dòng (mục) vào sau câu trả lời đang có
  :gợi ý        xem các câu gợi ý của câu này, đánh số
  :gợi ý SỐ     dùng câu gợi ý số SỐ (câu một dòng: thay; đoạn văn: thêm dòng; danh sách: thêm mục)
  :xem          xem toàn bộ báo cáo
  :xong [TÊN]   xuất báo cáo ra TÊN.txt và TÊN.docx (bên cạnh tệp câu trả lời; đã có thì hỏi trước khi ghi đè)
  :thoát        lưu và thoát
  :?            xem trợ giúp này
Enter trên dòng trống giữ nguyên câu trả lời đang có và sang câu sau. Trong đoạn văn hoặc danh sách, một lệnh ở bất kỳ dòng nào kết thúc câu trả lời với các dòng đã gõ rồi chạy lệnh. Hết dữ liệu vào (Ctrl+D; trên Windows: Ctrl+Z rồi Enter) cũng lưu và thoát. Gõ :: ở đầu dòng để bắt đầu câu trả lời bằng dấu hai chấm.";

/// The line above a question: where it is and which one of how many.
pub fn question_head(k: usize, n: usize, path: &str) -> String {
    format!("--- Câu {k}/{n} · {path}")
}

/// The current answer.
pub fn current_answer(shown: &str) -> String {
    format!("Câu trả lời hiện tại: {shown}")
}

/// The default the report uses while nothing is answered.
pub fn default_answer(shown: &str) -> String {
    format!("Mặc định: {shown}")
}

/// One numbered option of a choice.
pub fn option_line(n: usize, option: &str, chosen: bool) -> String {
    let mark = if chosen { " (đang chọn)" } else { "" };
    format!("  {n}. {option}{mark}")
}

/// A choice's number that is not one of its options.
pub fn no_such_option(typed: &str, n: usize) -> String {
    format!("không có lựa chọn \"{typed}\": gõ một số từ 1 đến {n}.")
}

/// A choice without "other" got text.
pub fn choice_needs_number(n: usize) -> String {
    format!("câu này chỉ nhận số của lựa chọn, từ 1 đến {n}.")
}

/// A single choice got several numbers.
pub const ONE_CHOICE_ONLY: &str = "câu này chỉ chọn một lựa chọn.";
/// A multiple choice got more than one free text.
pub const ONE_OTHER_ONLY: &str = "chỉ ghi được một ý khác.";

/// A line refused, and why.
pub fn refused(reason: &str) -> String {
    let reason = reason.trim().trim_end_matches('.');
    format!("Chưa nhận: {reason}. Mời gõ lại.")
}

/// `:đến` with something that is no question.
pub fn no_such_question(target: &str, count: usize) -> String {
    format!(
        "Không có câu \"{target}\": gõ :đến và một số từ 1 đến {count} (:ds để xem danh sách câu hỏi)."
    )
}

/// The answer just given made questions apply or stop applying: how many there are now, and
/// that the numbers after it moved.
pub fn questions_changed(before: usize, now: usize) -> String {
    if now > before {
        format!(
            "Câu trả lời vừa rồi mở thêm {} câu hỏi: nay có {now} câu, các câu sau đổi số thứ tự (:ds để xem).",
            now - before
        )
    } else {
        format!(
            "Câu trả lời vừa rồi làm {} câu hỏi không còn cần trả lời: nay có {now} câu, các câu sau đổi số thứ tự (:ds để xem).",
            before - now
        )
    }
}

/// `:đến` to a question that does not apply with these answers.
pub fn question_not_applying(id: &str) -> String {
    format!("Câu \"{id}\" không áp dụng với các câu trả lời hiện tại.")
}

/// A line starting with ":" that is no command.
pub fn unknown_command(typed: &str) -> String {
    format!(
        "Không có lệnh \"{typed}\". Các lệnh: :lui, :tiếp, :đến SỐ, :ds, :xóa, :thêm, :gợi ý, :xem, :xong, :thoát; :? để xem giải thích (gõ :: nếu câu trả lời bắt đầu bằng dấu hai chấm)."
    )
}

/// The report cannot be built with these answers.
pub fn report_failed(detail: &str) -> String {
    format!("Chưa tạo được báo cáo: {detail}")
}

/// The report files were written.
pub fn exported(files: &str) -> String {
    format!("Đã xuất báo cáo: {files}.")
}

/// The report files exist and the input is a pipe or a file (its next line is no reply):
/// nothing is written.
pub fn export_exists_piped(files: &str) -> String {
    format!(
        "Chưa xuất: đã có {files}; không ghi đè khi dữ liệu vào không phải từ bàn phím. Gõ :xong TÊN_KHÁC để xuất ra tệp khác."
    )
}

/// The report files exist: overwrite them (only "c" does)?
pub fn export_overwrite(files: &str) -> String {
    format!("Đã có {files}. Ghi đè lên? Gõ c để ghi đè; Enter để giữ nguyên. [c/K]")
}

pub const EXPORT_NOT_OVERWRITTEN: &str =
    "Không ghi đè, chưa xuất. Gõ :xong TÊN_KHÁC để xuất ra tệp khác.";

/// Above the questions still missing or wrong after an export.
pub fn unfinished_head(missing: usize, invalid: usize) -> String {
    let mut parts = Vec::new();
    if missing > 0 {
        parts.push(format!("{missing} câu bắt buộc chưa trả lời"));
    }
    if invalid > 0 {
        parts.push(format!("{invalid} câu có lỗi"));
    }
    if parts.is_empty() {
        return "Lưu ý: báo cáo vừa xuất là bản nháp.".to_owned();
    }
    format!(
        "Lưu ý: báo cáo vừa xuất là bản nháp, còn {}. Gõ :đến SỐ để sửa:",
        parts.join(" và ")
    )
}

/// A required question without an answer, numbered as `:đến` takes it.
pub fn unfinished_missing(n: usize, ask: &str) -> String {
    format!("Câu {n}: {ask} — chưa trả lời")
}

/// A question whose answer does not fit, and why.
pub fn unfinished_invalid(n: usize, ask: &str, reason: &str) -> String {
    let reason = reason.trim().trim_end_matches('.');
    if reason.is_empty() {
        return format!("Câu {n}: {ask} — có lỗi");
    }
    format!("Câu {n}: {ask} — có lỗi: {reason}")
}

/// The unfinished questions not listed.
pub fn unfinished_more(m: usize) -> String {
    format!("và {m} câu nữa.")
}

/// After an export: how to leave (the answers are saved as they are typed).
pub const LEAVE: &str = "Muốn lưu và thoát: gõ :thoát (hoặc nhấn Ctrl+D ở một dòng trống).";
pub const LEAVE_WINDOWS: &str =
    "Muốn lưu và thoát: gõ :thoát (hoặc nhấn Ctrl+Z rồi Enter ở một dòng trống).";

/// A report file could not be written.
pub fn export_failed(file: &str, detail: &str) -> String {
    format!("Không ghi được {file}: {detail}")
}

/// A name for the report that cannot be a file name.
pub const EXPORT_BAD_NAME: &str = "tên tệp không được chứa / \\ : và không bắt đầu bằng dấu chấm.";

/// A save failed (the file's message says where the answers are kept).
pub fn save_failed(detail: &str) -> String {
    format!("Chưa lưu được: {detail}")
}

/// One table cell asked: its row and column named, what it holds; the first cell of a new
/// row says that leaving it empty ends the table.
pub fn table_cell(row: &str, column: &str, current: &str, first_of_new: bool) -> String {
    let now = if current.trim().is_empty() {
        "trống".to_owned()
    } else {
        format!("hiện tại: {current}")
    };
    let end = if first_of_new {
        " (dòng mới; để trống để kết thúc bảng)"
    } else {
        ""
    };
    format!("Dòng {row}, cột \"{column}\" ({now}){end}:")
}

pub const SUGGESTIONS_TITLE: &str = "Gợi ý (gõ :gợi ý SỐ để dùng):";
pub const NO_SUGGESTIONS: &str = "Câu này không có gợi ý.";

/// `:gợi ý` with a number that is no suggestion.
pub fn no_such_suggestion(typed: &str, n: usize) -> String {
    format!("Không có gợi ý \"{typed}\": gõ :gợi ý và một số từ 1 đến {n}.")
}
