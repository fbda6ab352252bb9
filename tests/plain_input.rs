//! `baocao run --plain`: what an official types that is not a plain answer — arrow keys and
//! other control keys, commands on a later line of a paragraph or a list, `:thêm`, `:thoát`,
//! `:tiếp` in a table, `:ds`, `:đến` without a number — and resuming where the answers file
//! says the official was.

use crate::plain::{plain, text};
use baocao::messages::plain as words;

/// A line, a paragraph with a suggestion, a list, a table of three fixed rows, a line.
const LINES: &str = r#"format: 1
id: ln
version: 1
title: T
document: {}
questions:
  - { id: ten, ask: Tên xã, kind: text }
  - { id: doan, ask: Tình hình chung, kind: paragraph, suggestions: ["Gợi ý một"] }
  - { id: viec, ask: Việc đã làm, kind: list }
  - id: lop
    ask: Số học viên từng lớp
    kind: table
    columns:
      - { id: ten, title: "Lớp", kind: text }
      - { id: so, title: "Số học viên", kind: integer }
    rows: [Lớp A, Lớp B, Lớp C]
  - { id: ghi_chu, ask: Ghi chú, kind: text }
sections:
  - text: "{{ ten }} {{ doan }} {{ viec }} {{ lop }} {{ ghi_chu }}"
"#;

fn lines_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("ln.yaml"), LINES).expect("questionnaire written");
    dir
}

/// Runs the plain mode on `ln.yaml` with `input`: what it printed and the answers file.
fn run(dir: &tempfile::TempDir, input: &str) -> (String, String) {
    let out = plain(
        dir.path(),
        &["ln.yaml", "--answers", "ln.answers.yaml"],
        input,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved = std::fs::read_to_string(dir.path().join("ln.answers.yaml")).unwrap_or_default();
    (text(&out.stdout), saved)
}

const CONTROL_KEYS: &str = "phím mũi tên và phím điều khiển không dùng được ở chế độ dòng";

#[test]
fn arrow_keys_are_refused_and_the_line_asked_again() {
    let dir = lines_dir();
    let (shown, saved) = run(
        &dir,
        "Hòa Bình\u{1b}[D\nHòa Bình\nDòng một\nDòng\u{1b}[A hai\nDòng hai\n\n",
    );
    assert_eq!(shown.matches(CONTROL_KEYS).count(), 2, "{shown}");
    assert!(saved.contains("ten: Hòa Bình\n"), "{saved}");
    assert!(saved.contains("Dòng một\n    Dòng hai"), "{saved}");
    assert!(!saved.contains("[D") && !saved.contains("[A"), "{saved}");
}

#[test]
fn a_command_on_a_later_line_ends_the_answer_then_runs() {
    let dir = lines_dir();
    // `:gợi ý 1` on the second line: "Dòng một" is kept, the suggestion added after it, and
    // the question asked again, saying that typing replaces the answer.
    let (shown, saved) = run(&dir, "X\nDòng một\n:gợi ý 1\n\n");
    assert!(saved.contains("Dòng một\n    Gợi ý một"), "{saved}");
    assert!(shown.contains("thay toàn bộ câu trả lời"), "{shown}");
    // `:lui` on the third line of a list: both items kept, then back to the paragraph.
    let dir = lines_dir();
    let (shown, saved) = run(&dir, "\n\nviệc một\nviệc hai\n:lui\n");
    assert!(
        saved.contains("viec:\n  - việc một\n  - việc hai\n"),
        "{saved}"
    );
    assert_eq!(shown.matches("--- Câu 2/5").count(), 2, "{shown}");
}

#[test]
fn add_puts_lines_after_the_answer() {
    let dir = lines_dir();
    let (_, saved) = run(&dir, "X\nA\n\nviệc một\n\n:lui\n:thêm\nviệc hai\n\n");
    assert!(
        saved.contains("viec:\n  - việc một\n  - việc hai\n"),
        "{saved}"
    );
    // Typing replaces the whole answer.
    let (_, saved) = run(&dir, ":đến 3\nviệc ba\n\n");
    assert!(saved.contains("viec:\n  - việc ba\n"), "{saved}");
}

#[test]
fn quit_saves_and_ends_and_the_opening_says_how() {
    let dir = lines_dir();
    let (shown, saved) = run(&dir, "X\n:thoat\nY\n");
    assert!(
        shown.contains("tệp câu trả lời: ln.answers.yaml"),
        "{shown}"
    );
    assert!(shown.contains(":thoát"), "{shown}");
    assert!(saved.contains("ten: X\n"), "{saved}");
    assert!(!saved.contains('Y'), "{saved}");
    let (_, saved) = run(&dir, ":thoát\n");
    assert!(saved.contains("ten: X\n"), "{saved}");
}

#[test]
fn unknown_and_incomplete_commands_say_what_to_type() {
    let dir = lines_dir();
    let (shown, _) = run(&dir, ":bay\nX\n:đến\n:ds\n");
    assert!(
        shown.contains("Không có lệnh \":bay\". Các lệnh: :lui"),
        "{shown}"
    );
    assert!(shown.contains(":thoát; :?"), "{shown}");
    assert!(!shown.contains("Không có lệnh \":đến\""), "{shown}");
    assert!(
        shown.contains("Lệnh :đến cần số thứ tự của câu, ví dụ :đến 5"),
        "{shown}"
    );
    assert!(shown.contains("  1. Tên xã — đã trả lời\n"), "{shown}");
    assert!(
        shown.contains("  2. Tình hình chung — chưa trả lời (đang ở đây)\n"),
        "{shown}"
    );
    assert!(shown.contains("  5. Ghi chú — chưa trả lời\n"), "{shown}");
}

#[test]
fn next_leaves_a_table_keeping_the_rest() {
    let dir = lines_dir();
    let (shown, saved) = run(&dir, "X\n\n\n12\n:tiếp\nhết\n");
    assert!(
        shown.contains(":tiếp để giữ nguyên phần còn lại"),
        "{shown}"
    );
    assert!(saved.contains("so: 12\n"), "{saved}");
    assert!(saved.contains("ghi_chu: hết\n"), "{saved}");
}

#[test]
fn the_next_session_resumes_where_the_last_one_stopped() {
    let dir = lines_dir();
    // The input ends while the list (question 3) is asked: that is where the official was.
    let (shown, saved) = run(&dir, "X\nA\n\n");
    assert!(
        !shown.contains("Tiếp tục"),
        "a fresh file starts at 1: {shown}"
    );
    assert!(saved.contains("position: viec\n"), "{saved}");
    let (shown, _) = run(&dir, "");
    assert!(
        shown.contains("Tiếp tục từ câu 3/5, nơi lần trước dừng lại; gõ :đến 1 để về câu đầu."),
        "{shown}"
    );
    assert!(!shown.contains("Câu 1/5"), "{shown}");
    assert!(shown.contains("--- Câu 3/5"), "{shown}");
    let (_, saved) = run(&dir, ":đến 1\nZ\n");
    assert!(saved.contains("ten: Z\n"), "{saved}");
    assert!(saved.contains("position: doan\n"), "{saved}");
}

/// At a keyboard, Ctrl+D ends the input once: on a line after a paragraph's lines it keeps
/// them and ends the session (it used to end only the paragraph and ask the next question, so
/// a second Ctrl+D was needed). A pipe cannot show it: its end of input stays ended.
#[cfg(unix)]
#[test]
fn end_of_input_inside_a_paragraph_keeps_its_lines_and_ends_the_session() {
    let dir = lines_dir();
    let mut cmd = crate::common::pty::command(dir.path());
    cmd.args(["run", "ln.yaml", "--plain", "--answers", "ln.answers.yaml"]);
    let mut term = crate::common::pty::Pty::spawn(cmd);
    term.wait_output("Câu 1/");
    term.send(":đến 2\n".as_bytes());
    term.wait_output("Câu 2/");
    term.send("Dòng một.\n".as_bytes());
    term.send(b"\x04");
    let status = term.wait_exit();
    assert!(status.success(), "{}", term.output());
    let saved = std::fs::read_to_string(dir.path().join("ln.answers.yaml")).expect("saved");
    assert!(saved.contains("doan: Dòng một."), "{saved}");
    assert!(!term.output().contains("Câu 3/"), "{}", term.output());
}

/// A yes/no whose "có" makes two more questions apply: the numbers after it move, and the
/// official is told so at once (a "Câu N" noted from `:ds` or `:xong` would otherwise lead
/// elsewhere); "không" takes them away again, said too.
#[test]
fn an_answer_that_adds_or_removes_questions_says_the_numbers_moved() {
    const Q: &str = r#"format: 1
id: cd
version: 1
title: T
document: {}
questions:
  - { id: co_hop, ask: Có họp không, kind: yes_no }
  - { id: so_buoi, ask: Số buổi họp, kind: integer, when: co_hop }
  - { id: noi_dung, ask: Nội dung họp, kind: text, when: co_hop }
  - { id: ghi_chu, ask: Ghi chú, kind: text }
sections:
  - text: "{{ so_buoi }} {{ noi_dung }} {{ ghi_chu }}"
"#;
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("cd.yaml"), Q).expect("questionnaire written");
    let out = plain(
        dir.path(),
        &["cd.yaml", "--answers", "cd.answers.yaml"],
        "c\n\n\n:đến 1\nk\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let added = words::questions_changed(2, 4);
    let removed = words::questions_changed(4, 2);
    assert!(stdout.contains(&added), "no «{added}» in\n{stdout}");
    assert!(stdout.contains(&removed), "no «{removed}» in\n{stdout}");
    assert!(stdout.contains("Câu 2/4"), "{stdout}");
    // Said once each, not before every question.
    assert_eq!(stdout.matches("đổi số thứ tự").count(), 2, "{stdout}");
}
