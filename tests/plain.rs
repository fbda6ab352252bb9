//! `baocao run --plain`: the real binary driven through a pipe, as a screen-reader user's
//! console or a script would drive it.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use baocao::answers::AnswerValue;

use crate::common::{normalise, pty, read};

const Q: &str = "questionnaires/ct1322-so-ket-2021-2025.yaml";

/// A small questionnaire: a date, a yes/no, a number asked only after "yes", a text.
const SMALL: &str = r#"format: 1
id: t
version: 1
title: T
document: {}
questions:
  - { id: ngay, ask: Ngày báo cáo, kind: date }
  - { id: co_hop, ask: Có họp không, kind: yes_no }
  - { id: so_buoi, ask: Số buổi họp, kind: integer, when: co_hop }
  - { id: ghi_chu, ask: Ghi chú, kind: text }
sections:
  - text: "Ngày {{ ngay }}. {% if co_hop %}Họp {{ so_buoi }} buổi. {% endif %}{{ ghi_chu }}"
"#;

/// Runs `baocao run --plain ARGS` in `dir` with `input` on its standard input.
pub(crate) fn plain(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(pty::binary())
        .args(["run", "--plain"])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("baocao runs");
    let mut stdin = child.stdin.take().expect("stdin piped");
    let input = input.to_owned();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().expect("baocao ends");
    writer.join().expect("input written");
    out
}

pub(crate) fn small() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("t.yaml"), SMALL).expect("questionnaire written");
    dir
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

#[test]
fn piped_answers_are_saved_at_the_end_of_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = plain(
        dir.path(),
        &["--answers", "a.answers.yaml"],
        "Hòa Bình\nQuảng Ngãi\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved = std::fs::read_to_string(dir.path().join("a.answers.yaml")).expect("saved");
    assert!(saved.contains("ten_xa: Hòa Bình"), "{saved}");
    assert!(saved.contains("tinh: Quảng Ngãi"), "{saved}");
    // Nothing is left beside the file: the journal was folded and removed.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with(".a.answers.yaml.lock"))
        .collect();
    assert_eq!(names, ["a.answers.yaml"]);
}

#[test]
fn typing_is_stored_in_nfc() {
    let dir = tempfile::tempdir().expect("tempdir");
    // "Hòa Bình" typed decomposed (o + combining grave, i + combining grave).
    let out = plain(
        dir.path(),
        &["--answers", "a.answers.yaml"],
        "Ho\u{300}a Bi\u{300}nh\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved = std::fs::read_to_string(dir.path().join("a.answers.yaml")).expect("saved");
    assert!(saved.contains("ten_xa: Hòa Bình"), "{saved}");
}

#[test]
fn a_wrong_date_is_refused_and_asked_again_and_conditions_skip() {
    let dir = small();
    let out = plain(
        dir.path(),
        &["t.yaml", "--answers", "t.answers.yaml"],
        "31/02/2025\n5/8/2025\nk\nxong\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(
        shown.contains("ngày \"31/02/2025\" không có thật trên lịch"),
        "{shown}"
    );
    assert_eq!(
        shown.matches("Ngày báo cáo").count(),
        2,
        "asked again: {shown}"
    );
    // "Không": the number of meetings is never asked, and the text after it gets "xong".
    assert!(!shown.contains("Số buổi họp"), "{shown}");
    let saved = std::fs::read_to_string(dir.path().join("t.answers.yaml")).expect("saved");
    assert!(saved.contains("ngay: 2025-08-05"), "{saved}");
    assert!(saved.contains("co_hop: false"), "{saved}");
    assert!(saved.contains("ghi_chu: xong"), "{saved}");
    assert!(!saved.contains("so_buoi"), "{saved}");
}

#[test]
fn a_question_a_condition_opens_is_asked() {
    let dir = small();
    let out = plain(
        dir.path(),
        &["t.yaml", "--answers", "t.answers.yaml"],
        "\nc\nmười\n12\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.contains("Số buổi họp"), "{shown}");
    assert!(shown.contains("không phải số nguyên"), "{shown}");
    let saved = std::fs::read_to_string(dir.path().join("t.answers.yaml")).expect("saved");
    assert!(saved.contains("co_hop: true"), "{saved}");
    assert!(saved.contains("so_buoi: 12"), "{saved}");
}

#[test]
fn back_and_jump() {
    let dir = small();
    let out = plain(
        dir.path(),
        &["t.yaml", "--answers", "t.answers.yaml"],
        "1/1/2025\n:lui\n2/2/2025\n:đến ghi_chu\nmột\n:đến 1\n\n:bay\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.contains("Không có lệnh \":bay\""), "{shown}");
    let saved = std::fs::read_to_string(dir.path().join("t.answers.yaml")).expect("saved");
    assert!(saved.contains("ngay: 2025-02-02"), "{saved}");
    assert!(saved.contains("ghi_chu: một"), "{saved}");
    assert!(!saved.contains("  co_hop:"), "{saved}");
}

#[test]
fn the_output_holds_no_escape_sequence() {
    let dir = tempfile::tempdir().expect("tempdir");
    // An answer written by hand with an escape character in it is shown, cleaned.
    std::fs::write(
        dir.path().join("a.answers.yaml"),
        "answers:\n  tinh: \"Quảng\\e[2J Ngãi\"\n",
    )
    .expect("answers written");
    let out = plain(
        dir.path(),
        &["--answers", "a.answers.yaml"],
        "\u{1b}[31mHòa Bình\n\n:?\n:xem\n:xong\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.len() > 1000, "{}", text(&out.stdout));
    assert!(!out.stdout.contains(&0x1b), "{}", text(&out.stdout));
    assert!(!out.stderr.contains(&0x1b), "{}", text(&out.stderr));
}

#[test]
fn the_ba_dinh_answers_export_the_seed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let answers = dir.path().join("ba-dinh.answers.yaml");
    std::fs::copy(
        crate::common::path("questionnaires/examples/ba-dinh.answers.yaml"),
        &answers,
    )
    .expect("copied");
    let out = plain(
        dir.path(),
        &["--answers", "ba-dinh.answers.yaml"],
        "\n\n\n:xong bao-cao\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let exported = std::fs::read_to_string(dir.path().join("bao-cao.txt")).expect("exported");
    assert!(dir.path().join("bao-cao.docx").exists());
    let render = crate::common::baocao(&[
        "render",
        Q,
        "--answers",
        "questionnaires/examples/ba-dinh.answers.yaml",
        "--format",
        "txt",
    ]);
    assert_eq!(exported, text(&render.stdout));
    // The body is the seed, line for line as tests/seed.rs compares (from its first paragraph:
    // the full form lays the title out on its own lines, which the body-only seed does not).
    assert_body_is_the_seed(&exported);
}

#[test]
fn kill_9_after_an_answer_loses_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(pty::binary())
        .args(["run", "--plain", "--answers", "a.answers.yaml"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("baocao runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all("Hòa Bình\n".as_bytes()).expect("typed");
    // The second question is printed only after the first answer is stored.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("Câu 2/") {
        let n = stdout.read(&mut buf).expect("read");
        assert!(n > 0, "ended early: {}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buf[..n]);
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    let saved = std::fs::read_to_string(dir.path().join("a.answers.yaml")).expect("saved");
    assert!(saved.contains("ten_xa: Hòa Bình"), "{saved}");
}

// Pseudo-terminal tests stay Unix-only: `TERM` is a Unix terminal's name, and Wine's ConPTY
// does not work.
#[cfg(unix)]
#[test]
fn a_dumb_terminal_gets_the_plain_mode_and_ctrl_d_saves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cmd = pty::command(dir.path());
    cmd.env("TERM", "dumb");
    cmd.args(["run", "--answers", "a.answers.yaml"]);
    let mut term = pty::Pty::spawn(cmd);
    term.wait_output("Câu 1/");
    term.send("Hòa Bình\n".as_bytes());
    term.wait_output("Câu 2/");
    // Ctrl+D at the start of a line: the end of input.
    term.send(b"\x04");
    let status = term.wait_exit();
    assert!(status.success(), "{}", term.output());
    let output = term.output();
    assert!(output.contains("TERM=dumb"), "the note: {output}");
    // One short note, then the plain mode's opening: they do not say the same twice.
    assert_eq!(output.matches("chữ thường").count(), 1, "{output}");
    assert!(!output.contains('\u{1b}'), "{output}");
    let saved = std::fs::read_to_string(dir.path().join("a.answers.yaml")).expect("saved");
    assert!(saved.contains("ten_xa: Hòa Bình"), "{saved}");
}

#[cfg(unix)]
#[test]
fn kill_9_in_a_terminal_loses_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cmd = pty::command(dir.path());
    cmd.args(["run", "--plain", "--answers", "a.answers.yaml"]);
    let mut term = pty::Pty::spawn(cmd);
    term.wait_output("Câu 1/");
    term.send("Hòa Bình\n".as_bytes());
    term.wait_output("Câu 2/");
    pty::signal(term.pid(), "KILL").expect("kill -9");
    term.wait_exit();
    let saved = std::fs::read_to_string(dir.path().join("a.answers.yaml")).expect("saved");
    assert!(saved.contains("ten_xa: Hòa Bình"), "{saved}");
}

/// A table with two fixed rows: a label column and a number column.
const TABLE: &str = r#"format: 1
id: tb
version: 1
title: T
document: {}
questions:
  - id: lop
    ask: Số học viên từng lớp
    kind: table
    columns:
      - { id: ten, title: "Lớp", kind: text }
      - { id: so, title: "Số học viên", kind: integer }
    rows: [Lớp A, Lớp B]
  - { id: ghi_chu, ask: Ghi chú, kind: text }
sections:
  - text: "{{ lop }} {{ ghi_chu }}"
"#;

#[test]
fn a_table_is_asked_cell_by_cell() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("tb.yaml"), TABLE).expect("questionnaire written");
    let out = plain(
        dir.path(),
        &["tb.yaml", "--answers", "tb.answers.yaml"],
        "12\nmười\n7\nLớp C\n3\n\nhết\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    // Each cell names its row and column; a cell that is not a number is asked again.
    assert!(shown.contains("Dòng Lớp B, cột \"Số học viên\""), "{shown}");
    assert!(
        shown.contains("dòng \"Lớp B\", cột \"Số học viên\": không phải số nguyên"),
        "{shown}"
    );
    let saved = std::fs::read_to_string(dir.path().join("tb.answers.yaml")).expect("saved");
    let want = "  lop:\n  - ten: Lớp A\n    so: 12\n  - ten: Lớp B\n    so: 7\n  - ten: Lớp C\n    so: 3\n  ghi_chu: hết\n";
    assert!(saved.ends_with(want), "{saved}");
}

/// The lines an official types to give `value` to `question` in the plain mode.
fn typed_lines(question: &baocao::questionnaire::Question, value: &AnswerValue) -> Vec<String> {
    use baocao::questionnaire::QuestionKind;
    let escape = |s: &str| {
        if s.trim_start().starts_with(':') {
            format!(":{s}")
        } else {
            s.to_owned()
        }
    };
    let number_of = |options: &[String], s: &str| {
        options
            .iter()
            .position(|o| o == s)
            .map_or_else(|| s.to_owned(), |i| (i + 1).to_string())
    };
    match (&question.kind, value) {
        (QuestionKind::Paragraph, AnswerValue::Text(s)) => {
            let mut lines: Vec<String> = s.lines().map(escape).collect();
            lines.push(String::new());
            lines
        }
        (QuestionKind::List, AnswerValue::List(items)) if items.is_empty() => {
            vec![":xóa".into(), String::new()]
        }
        (QuestionKind::List, AnswerValue::List(items)) => {
            let mut lines: Vec<String> = items.iter().map(|s| escape(s)).collect();
            lines.push(String::new());
            lines
        }
        (QuestionKind::Choice { options, .. }, AnswerValue::Choice(s)) => {
            vec![number_of(options, s)]
        }
        (QuestionKind::Choices { .. }, AnswerValue::Choices(v)) if v.is_empty() => {
            vec![":xóa".into(), String::new()]
        }
        (QuestionKind::Choices { options, .. }, AnswerValue::Choices(v)) => {
            vec![
                v.iter()
                    .map(|s| number_of(options, s))
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        }
        (QuestionKind::YesNo, AnswerValue::Bool(b)) => vec![if *b { "c" } else { "k" }.into()],
        (QuestionKind::Table(spec), AnswerValue::Table(rows)) => {
            let cells = baocao::answers::grid::cells_of(spec, rows);
            let mut lines = Vec::new();
            for (r, row) in cells.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    if baocao::answers::grid::is_editable(spec, r, c) {
                        lines.push(cell.clone());
                    }
                }
            }
            // The first cell of a new row, left empty: the table ends.
            lines.push(String::new());
            lines
        }
        (_, AnswerValue::Text(s)) => vec![escape(s)],
        (_, v) => vec![v.display()],
    }
}

/// Where the Ba Dinh answers, typed line by line, are kept: `.ci/windows` pipes this file into
/// `baocao.exe run --plain` under Wine, so a change of the questionnaire or of the plain mode's
/// lines shows here first (`BAOCAO_BLESS=1 cargo test ba_dinh_input` rewrites it).
const BA_DINH_INPUT: &str = "tests/fixtures/plain/ba-dinh.input";

/// The lines an official types to answer the built-in questionnaire with the Ba Dinh answers,
/// then `:xong bao-cao`; with the answers they give.
fn ba_dinh_typed() -> (String, baocao::answers::Answers) {
    let q = baocao::questionnaire::builtin().expect("built-in questionnaire");
    let answers = baocao::answers::load(
        &crate::common::path("questionnaires/examples/ba-dinh.answers.yaml"),
        &q,
    )
    .expect("Ba Dinh answers");
    let eval = baocao::flow::Evaluation::new(&q, &answers);
    let mut input = String::new();
    for i in eval.visible() {
        let question = &q.questions[i];
        let lines = match answers.get(&question.id) {
            Some(value) => typed_lines(question, value),
            None => vec![String::new()],
        };
        for line in lines {
            input.push_str(&line);
            input.push('\n');
        }
    }
    input.push_str(":xong bao-cao\n");
    (input, answers)
}

#[test]
fn the_ba_dinh_input_fixture_is_the_ba_dinh_answers_typed() {
    let (input, _) = ba_dinh_typed();
    if std::env::var_os("BAOCAO_BLESS").is_some() {
        std::fs::write(crate::common::path(BA_DINH_INPUT), &input).expect("fixture written");
    }
    // A checkout that turned line ends into CRLF still holds the same lines.
    let committed = read(BA_DINH_INPUT).replace("\r\n", "\n");
    assert!(
        committed == input,
        "{BA_DINH_INPUT} is not the Ba Dinh answers typed line by line now; \
         run `BAOCAO_BLESS=1 cargo test ba_dinh_input` and look at the diff"
    );
}

#[test]
fn the_ba_dinh_input_fixture_gives_the_seed() {
    let q = baocao::questionnaire::builtin().expect("built-in questionnaire");
    let (_, answers) = ba_dinh_typed();
    let eval = baocao::flow::Evaluation::new(&q, &answers);
    let input = read(BA_DINH_INPUT);
    let dir = tempfile::tempdir().expect("tempdir");
    let out = plain(dir.path(), &["--answers", "a.answers.yaml"], &input);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(!shown.contains("Chưa nhận"), "a line was refused: {shown}");
    let typed = baocao::answers::load(&dir.path().join("a.answers.yaml"), &q).expect("saved");
    for (id, value) in answers.iter() {
        if eval.applied.applies[q.index_of(id).expect("a question")] {
            assert_eq!(typed.get(id), Some(value), "{id}");
        }
    }
    let exported = std::fs::read_to_string(dir.path().join("bao-cao.txt")).expect("exported");
    assert_body_is_the_seed(&exported);
}

#[test]
fn suggestions_are_numbered_and_picked_by_number() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = plain(
        dir.path(),
        &["--answers", "a.answers.yaml"],
        "Hòa Bình\n:đến ke_hoach_ly_do\n:gợi ý\n:gợi ý 1\n:gợi ý 9\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(
        shown.contains("  1. Ủy ban nhân dân xã Hòa Bình đã tiếp nhận"),
        "{shown}"
    );
    assert!(shown.contains("Không có gợi ý \"9\""), "{shown}");
    let saved = std::fs::read_to_string(dir.path().join("a.answers.yaml")).expect("saved");
    assert!(
        saved.contains("ke_hoach_ly_do: Ủy ban nhân dân xã Hòa Bình đã tiếp nhận"),
        "{saved}"
    );
}

/// The export's body is the seed, line for line as tests/seed.rs compares (from its first
/// paragraph: the full form lays the title out on its own lines, which the body-only seed does
/// not).
fn assert_body_is_the_seed(exported: &str) {
    let got = normalise(exported);
    let seed = normalise(&read("tests/fixtures/seed-ba-dinh.txt"));
    let first = seed
        .iter()
        .position(|l| l.starts_with("Thực hiện"))
        .expect("the seed's first paragraph");
    let start = got
        .iter()
        .position(|l| *l == seed[first])
        .expect("the seed's first paragraph is in the export");
    let body = &seed[first..];
    assert_eq!(got[start..(start + body.len()).min(got.len())], body[..]);
}
