//! `baocao run --plain`'s `:xong` through the real binary: an unfinished report is exported
//! as a draft with what is missing listed, files that exist are never replaced from a pipe and
//! only after "c" at a keyboard, the paths read as the official typed them, and the lines
//! after say how to leave.

use std::path::Path;

use baocao::messages::plain as words;

use crate::plain::{plain, text};

/// The integer first (its answer, from the file, does not fit), then twelve required lines.
fn unfinished(dir: &Path) {
    let mut yaml = String::from(
        "format: 1\nid: u\nversion: 1\ntitle: U\ndocument: {}\nquestions:\n  - { id: so, ask: Số lớp, kind: integer, validate: { max: 10 } }\n",
    );
    for n in 1..=12 {
        let line = format!("  - {{ id: q{n:02}, ask: Hỏi {n}, kind: text, required: true }}\n");
        yaml.push_str(&line);
    }
    yaml.push_str("sections:\n  - text: \"{{ so }} {{ q01 }}\"\n");
    std::fs::write(dir.join("u.yaml"), yaml).expect("questionnaire written");
    std::fs::write(
        dir.join("a.answers.yaml"),
        "questionnaire: u\nanswers:\n  so: 50\n  q01: Một\n",
    )
    .expect("answers written");
}

/// The line after an export that says how to leave, on this system.
fn leave() -> &'static str {
    if cfg!(windows) {
        words::LEAVE_WINDOWS
    } else {
        words::LEAVE
    }
}

#[test]
fn an_unfinished_report_is_exported_with_what_is_missing_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    unfinished(dir.path());
    let out = plain(
        dir.path(),
        &["u.yaml", "--answers", "a.answers.yaml"],
        ":xong bc\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    // The draft is written all the same…
    assert!(dir.path().join("bc.txt").exists(), "{shown}");
    assert!(dir.path().join("bc.docx").exists(), "{shown}");
    // …and what is missing is counted and listed, numbered as `:đến` takes them.
    let head = "bản nháp, còn 11 câu bắt buộc chưa trả lời và 1 câu có lỗi. Gõ :đến SỐ để sửa:";
    assert!(shown.contains(head), "no {head:?} in\n{shown}");
    assert!(shown.contains("\n  Câu 1: Số lớp — có lỗi: "), "{shown}");
    assert!(
        shown.contains("\n  Câu 3: Hỏi 2 — chưa trả lời\n"),
        "{shown}"
    );
    assert!(
        shown.contains("\n  Câu 11: Hỏi 10 — chưa trả lời\n"),
        "{shown}"
    );
    // Ten listed, the other two counted.
    assert!(!shown.contains("Câu 12: Hỏi 11"), "{shown}");
    assert!(shown.contains("\n  và 2 câu nữa.\n"), "{shown}");
    assert!(
        !shown.contains("Câu 2: Hỏi 1 "),
        "an answered one listed:\n{shown}"
    );
}

#[test]
fn a_finished_report_in_this_folder_names_its_files_as_typed_and_how_to_leave() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        crate::common::path("questionnaires/examples/ba-dinh.answers.yaml"),
        dir.path().join("a.answers.yaml"),
    )
    .expect("copied");
    let out = plain(dir.path(), &["--answers", "a.answers.yaml"], ":xong bc\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    // As the official would type them: no "./" (or ".\") before a name in this folder.
    let exported = format!("Đã xuất báo cáo: bc.txt, bc.docx.\n{}\n", leave());
    assert!(shown.contains(&exported), "no {exported:?} in\n{shown}");
    assert!(!shown.contains("bản nháp"), "{shown}");
}

#[test]
fn files_that_exist_are_never_replaced_from_a_pipe() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The .docx the official edited in Word.
    let docx = dir.path().join("bc.docx");
    std::fs::write(&docx, b"edited in Word").expect("written");
    let out = plain(
        dir.path(),
        &["--answers", "a.answers.yaml"],
        "Hòa Bình\n:xong bc\n:xong bc-2\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    let refused = words::export_exists_piped("bc.docx");
    assert!(shown.contains(&refused), "no {refused:?} in\n{shown}");
    assert!(shown.contains(":xong TÊN_KHÁC"), "{shown}");
    assert!(!shown.contains("[c/K]"), "asked a pipe:\n{shown}");
    // Nothing written under that name, not even the .txt that did not exist…
    assert_eq!(std::fs::read(&docx).expect("kept"), b"edited in Word");
    assert!(!dir.path().join("bc.txt").exists());
    // …and the next line was read as the next command, not as a reply.
    assert!(
        shown.contains("Đã xuất báo cáo: bc-2.txt, bc-2.docx."),
        "{shown}"
    );
}

// A keyboard needs a pseudo-terminal: Unix only (Wine's ConPTY does not work).
#[cfg(unix)]
#[test]
fn at_a_keyboard_only_c_replaces_files_that_exist() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["bc.txt", "bc.docx"] {
        std::fs::write(dir.path().join(name), b"before").expect("written");
    }
    let mut cmd = crate::common::pty::command(dir.path());
    cmd.args(["run", "--plain", "--answers", "a.answers.yaml"]);
    let mut term = crate::common::pty::Pty::spawn(cmd);
    term.wait_output("Câu 1/");
    term.send(":xong bc\n".as_bytes());
    // The files named in the question; Enter alone (or anything but "c") keeps them.
    term.wait_output(&words::export_overwrite("bc.txt, bc.docx"));
    term.send(b"\n");
    term.wait_output(words::EXPORT_NOT_OVERWRITTEN);
    let read = |name: &str| std::fs::read(dir.path().join(name)).expect("a file");
    assert_eq!(read("bc.txt"), b"before");
    assert_eq!(read("bc.docx"), b"before");
    term.send(":xong bc\nc\n".as_bytes());
    term.wait_output("Đã xuất báo cáo: bc.txt, bc.docx.");
    assert_ne!(read("bc.txt"), b"before");
    assert!(read("bc.docx").starts_with(b"PK"), "a .docx is a zip");
    term.send(b"\x04");
    let status = term.wait_exit();
    assert!(status.success(), "{}", term.output());
}
