//! The plain mode's loop on text in memory: what only a session that cannot write shows
//! (another session holds the file), which a pipe never reaches (it is refused before).

use std::io::Cursor;
use std::path::PathBuf;

use super::Session;
use crate::answers::Answers;
use crate::messages::plain as words;

const Q: &str = r#"format: 1
id: ro
version: 1
title: T
document: {}
questions:
  - { id: doan, ask: Tình hình chung, kind: paragraph }
  - id: lop
    ask: Số học viên từng lớp
    kind: table
    columns:
      - { id: ten, title: "Lớp", kind: text }
      - { id: so, title: "Số học viên", kind: integer }
    rows: [Lớp A]
sections:
  - text: "{{ doan }} {{ lop }}"
"#;

/// What a read-only session prints for `input`.
fn read_only(input: &str) -> String {
    let q = crate::questionnaire::load_bytes("ro.yaml", Q.as_bytes()).expect("loads");
    let mut out = Vec::new();
    let session = Session::new(
        q,
        Answers::default(),
        PathBuf::from("ro.answers.yaml"),
        crate::session::Opened::default(),
        &mut out,
    );
    session
        .drive(Cursor::new(input.as_bytes().to_vec()))
        .expect("ends");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn a_read_only_session_says_so_at_the_start_and_at_once_when_typed_in() {
    // Two lines of a paragraph: each is refused as it is typed, not once the paragraph ends.
    let shown = read_only("Dòng một\nDòng hai\n\n5\n");
    assert!(
        shown.contains("CHỈ XEM tệp câu trả lời ro.answers.yaml"),
        "{shown}"
    );
    assert_eq!(shown.matches(words::READ_ONLY).count(), 3, "{shown}");
    assert!(!shown.contains("Câu trả lời hiện tại"), "{shown}");
}
