//! The wizard end to end: the real `baocao` binary in a real pseudo-terminal, driven by the
//! bytes a terminal sends and read back through a vt100 screen.
//!
//! Covers: the whole built-in questionnaire answered by keystrokes (the Ba Dinh answers, and
//! the An Phu answers, which use every kind of question) and exported as text from the export
//! dialog, compared with the seed report and with `baocao render`; the Vietnamese input test
//! vectors (Telex with Backspace as DEL and as Ctrl+H, one key per write and all in one write,
//! decomposed marks in either order, bracketed paste in a one-line field, a paste carrying an
//! escape sequence); quitting with Ctrl+Q (exit code, terminal restored, the closing line) and
//! resuming at the same question.
//!
//! The harness is `common::pty` (the binary is `$BAOCAO_BIN` when set, else the one Cargo
//! built for these tests). Each wizard runs in its own temporary directory.

use std::path::{Path, PathBuf};

use baocao::answers::{AnswerValue, Answers, Row};
use baocao::questionnaire::{CellKind, Question, QuestionKind, Questionnaire, TableSpec};
use unicode_normalization::UnicodeNormalization;

use crate::common::normalise;
use crate::common::pty::{self, COLS, Pty, ROWS, binary};

// ----- keys, files and starting the wizard ---------------------------------------------------

const CTRL_Q: &[u8] = b"\x11";
const CTRL_S: &[u8] = b"\x13";
const CTRL_H: &[u8] = b"\x08";
const DEL: &[u8] = b"\x7f";
const TAB: &[u8] = b"\t";
const ENTER: &[u8] = b"\r";
const SPACE: &[u8] = b" ";
const DOWN: &[u8] = b"\x1b[B";
const HOME: &[u8] = b"\x1b[H";
const PAGE_DOWN: &[u8] = b"\x1b[6~";
const F10: &[u8] = b"\x1b[21~";

const QUESTIONNAIRE_ID: &str = "ct1322-so-ket-2021-2025";
const ANSWERS_FILE: &str = "ct1322-so-ket-2021-2025.answers.yaml";

/// Starts the wizard (no arguments: the built-in questionnaire) in `dir`.
fn start(dir: &Path) -> Pty {
    start_with(dir, &[], &[])
}

/// Starts the wizard in `dir` with arguments and extra environment variables.
fn start_with(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> Pty {
    let mut cmd = pty::command(dir);
    cmd.args(args);
    for (key, value) in env {
        cmd.env(key, value);
    }
    Pty::spawn(cmd)
}

/// The raw YAML of the answers file in `dir`.
fn answers_yaml(dir: &Path) -> serde_yaml::Value {
    let path = dir.join(ANSWERS_FILE);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} cannot be read: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", path.display()))
}

/// One stored answer as written in the file (not normalised by the loader).
fn stored_text(dir: &Path, id: &str) -> String {
    let yaml = answers_yaml(dir);
    yaml["answers"][id]
        .as_str()
        .unwrap_or_else(|| panic!("no text answer {id:?} in the answers file: {yaml:?}"))
        .to_owned()
}

fn builtin() -> Questionnaire {
    baocao::questionnaire::builtin().expect("the built-in questionnaire loads")
}

// ----- keystrokes for a whole answers file ---------------------------------------------------

/// The keys for one question: wait for `expect` on screen, then send `writes`, one write each.
struct Step {
    index: usize,
    expect: String,
    writes: Vec<Vec<u8>>,
}

fn same_option(a: &str, b: &str) -> bool {
    a.trim().nfc().eq(b.trim().nfc())
}

/// The writes that type `lines`, with `between` (Enter) between them.
fn joined(lines: &[String], between: &[u8]) -> Vec<Vec<u8>> {
    let mut writes = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            writes.push(between.to_vec());
        }
        if !line.is_empty() {
            writes.push(line.as_bytes().to_vec());
        }
    }
    writes
}

/// Choosing options: Down to each chosen option, Space; a text that is no option goes into
/// the "other" row (last), where typing checks it.
/// A choice: the editor opens with the question's default chosen and the highlight on it, so
/// the keys go to the top (Home) and then down the options. A single choice is chosen with
/// Space (a radio button: choosing the default again confirms it); a multiple choice gets
/// Space on every option whose state must change.
fn choice_keys(
    question: &Question,
    options: &[String],
    other: bool,
    chosen: &[String],
) -> Vec<Vec<u8>> {
    let id = question.id.as_str();
    let position = |c: &String| options.iter().position(|o| same_option(o, c));
    let mut picks = Vec::new();
    let mut free = None;
    for c in chosen {
        match position(c) {
            Some(i) => picks.push(i),
            None if other => free = Some(c.clone()),
            None => panic!("{id}: {c:?} is not an option and the question has no \"other\""),
        }
    }
    let initial: Vec<usize> = match &question.default {
        Some(AnswerValue::Choice(d)) => position(d).into_iter().collect(),
        Some(AnswerValue::Choices(v)) => v.iter().filter_map(position).collect(),
        _ => Vec::new(),
    };
    let multi = matches!(question.kind, QuestionKind::Choices { .. });
    let mut writes = vec![HOME.to_vec()];
    if multi {
        for i in 0..options.len() {
            if picks.contains(&i) != initial.contains(&i) {
                writes.push(SPACE.to_vec());
            }
            if i + 1 < options.len() || free.is_some() {
                writes.push(DOWN.to_vec());
            }
        }
    } else if let Some(&i) = picks.first() {
        writes.extend(std::iter::repeat_n(DOWN.to_vec(), i));
        writes.push(SPACE.to_vec());
    } else if free.is_some() {
        writes.extend(std::iter::repeat_n(DOWN.to_vec(), options.len()));
    }
    if let Some(text) = free {
        writes.push(text.into_bytes());
    }
    writes
}

/// A table: Tab from cell to cell (sum columns and fixed-row labels are skipped by the
/// wizard, so they are skipped here), Tab from a row's last cell to the next existing row,
/// Enter to add a row after the last one.
fn table_keys(id: &str, spec: &TableSpec, rows: &[Row]) -> Vec<Vec<u8>> {
    let fixed = spec.rows.len();
    let existing = fixed.max(1);
    let editable = |r: usize, c: usize| {
        let column = &spec.columns[c];
        !(column.sum || (c == 0 && r < fixed && column.kind == CellKind::Text))
    };
    let mut writes = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        if r > 0 {
            writes.push(if r < existing { TAB } else { ENTER }.to_vec());
        }
        let columns: Vec<usize> = (0..spec.columns.len())
            .filter(|&c| editable(r, c))
            .collect();
        for (k, &c) in columns.iter().enumerate() {
            if k > 0 {
                writes.push(TAB.to_vec());
            }
            if let Some(cell) = row.get(&spec.columns[c].id) {
                writes.push(cell.display().into_bytes());
            }
        }
        // A fixed row's label is not typed: the answer must carry that very label.
        if r < fixed
            && let Some(label) = row.get(&spec.columns[0].id)
        {
            assert!(
                same_option(&label.display(), &spec.rows[r]),
                "{id}: row {} is labelled {:?}, the questionnaire fixes {:?}",
                r + 1,
                label.display(),
                spec.rows[r]
            );
        }
    }
    writes
}

/// The keys that type `answer` into `question`'s editor.
fn answer_keys(question: &Question, answer: &AnswerValue) -> Vec<Vec<u8>> {
    let id = question.id.as_str();
    match (&question.kind, answer) {
        (QuestionKind::Text, AnswerValue::Text(_))
        | (QuestionKind::Integer, AnswerValue::Integer(_))
        | (QuestionKind::Decimal, AnswerValue::Decimal(_)) => vec![answer.display().into_bytes()],
        (QuestionKind::Paragraph, AnswerValue::Text(s)) => {
            let lines: Vec<String> = s.split('\n').map(str::to_owned).collect();
            joined(&lines, ENTER)
        }
        (QuestionKind::Date, AnswerValue::Date(d)) => {
            vec![format!("{:02}/{:02}/{:04}", d.day, d.month, d.year).into_bytes()]
        }
        (QuestionKind::YesNo, AnswerValue::Bool(b)) => vec![if *b { b"c" } else { b"k" }.to_vec()],
        (QuestionKind::Choice { options, other }, AnswerValue::Choice(s)) => {
            choice_keys(question, options, *other, std::slice::from_ref(s))
        }
        (QuestionKind::Choices { options, other }, AnswerValue::Choices(v)) => {
            choice_keys(question, options, *other, v)
        }
        (QuestionKind::List, AnswerValue::List(items)) => joined(items, ENTER),
        (QuestionKind::Table(spec), AnswerValue::Table(rows)) => table_keys(id, spec, rows),
        (kind, value) => panic!("{id}: cannot type {value:?} into a {kind:?} question"),
    }
}

/// The walk through the wizard: the questions that apply, in order, each with its keys and
/// the key that moves on (Tab; PgDn in a table, where Tab moves between cells).
/// Applicability is recomputed after each question from the answers typed so far, as the
/// wizard does.
fn plan(q: &Questionnaire, answers: &Answers) -> Vec<Step> {
    let mut typed = Answers::new();
    let mut applies = baocao::report::applicability(q, &typed).applies;
    let mut current = applies.iter().position(|a| *a);
    let mut steps: Vec<Step> = Vec::new();
    while let Some(i) = current {
        let question = &q.questions[i];
        let mut writes = Vec::new();
        if let Some(answer) = answers.get(&question.id) {
            writes = answer_keys(question, answer);
            typed.set(question.id.clone(), answer.clone());
        }
        let next_key = match question.kind {
            QuestionKind::Table(_) => PAGE_DOWN,
            _ => TAB,
        };
        writes.push(next_key.to_vec());
        steps.push(Step {
            index: i,
            expect: format!("Câu {}/", steps.len() + 1),
            writes,
        });
        applies = baocao::report::applicability(q, &typed).applies;
        current = (i + 1..q.questions.len()).find(|&j| applies[j]);
    }
    steps
}

/// What answering a whole answers file in the wizard produced.
struct Finished {
    /// The exported report (body only).
    exported: String,
    /// The answers file the wizard saved, loaded.
    saved: Answers,
    /// The answers typed in.
    expected: Answers,
    /// The questions that were answered (those that apply).
    visited: Vec<usize>,
    review: String,
    q: Questionnaire,
}

/// Starts the wizard in an empty directory, types every answer of `example` (a path in the
/// repository), opens the review (Tab after the last question), exports the body as text,
/// quits.
fn answer_all(example: &str) -> Finished {
    let q = builtin();
    let expected = baocao::answers::load(&crate::common::path(example), &q)
        .unwrap_or_else(|e| panic!("{example} loads: {e}"));
    let steps = plan(&q, &expected);
    let visited: Vec<usize> = steps.iter().map(|s| s.index).collect();
    // The conditions of this questionnaire only read earlier answers, so the walk visits
    // exactly the questions that apply to the finished answers.
    let final_applies = baocao::report::applicability(&q, &expected).applies;
    let applying: Vec<usize> = (0..q.questions.len())
        .filter(|&i| final_applies[i])
        .collect();
    assert_eq!(
        visited, applying,
        "the walk differs from the final applicability"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let mut w = start(dir.path());
    for step in &steps {
        w.wait_until(
            &format!(
                "question {} ({}) as {:?}",
                step.index, q.questions[step.index].id, step.expect
            ),
            |s| s.contains(&step.expect),
        );
        for write in &step.writes {
            w.send(write);
        }
    }
    let review = w.wait_for("Rà soát");
    w.send(F10);
    w.wait_for("Xuất báo cáo");
    w.wait_for("[x] Word (.docx)");
    w.wait_for("[x] Kèm phần đầu");
    // Rows: docx, txt, md, full frame, font size, name. Text instead of Word, and the frame
    // off: the body only.
    w.send(SPACE);
    w.wait_for("[ ] Word (.docx)");
    w.send(DOWN);
    w.send(SPACE);
    w.wait_for("[x] Văn bản (.txt)");
    w.send(DOWN);
    w.send(DOWN);
    w.send(SPACE);
    w.wait_for("[ ] Kèm phần đầu");
    w.send(ENTER);
    let done = w.wait_for("Đã ghi:");
    w.send(CTRL_Q);
    let status = w.wait_exit();
    assert!(
        status.success(),
        "the wizard exited with {status:?}\n{}",
        w.output()
    );

    let texts: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("read the temp dir")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert_eq!(texts.len(), 1, "one .txt written: {texts:?}");
    let name = texts[0]
        .file_name()
        .and_then(|n| n.to_str())
        .expect("UTF-8 name")
        .to_owned();
    assert!(
        name.starts_with(QUESTIONNAIRE_ID),
        "export file name {name:?}"
    );
    assert!(
        done.contains(&name),
        "the dialog does not name {name}:\n{done}"
    );
    let exported = std::fs::read_to_string(&texts[0]).expect("exported text");
    let saved = baocao::answers::load(&dir.path().join(ANSWERS_FILE), &q)
        .unwrap_or_else(|e| panic!("the saved answers load: {e}"));
    Finished {
        exported,
        saved,
        expected,
        visited,
        review,
        q,
    }
}

impl Finished {
    /// Every answer typed is saved as it is in the example file, and nothing else is.
    fn assert_answers_saved(&self) {
        let mut wrong = Vec::new();
        for &i in &self.visited {
            let id = &self.q.questions[i].id;
            let (got, want) = (self.saved.get(id), self.expected.get(id));
            // A multiple choice left as its default is not stored; the report uses the
            // default, which is what was wanted.
            let default_kept = got.is_none() && want == self.q.questions[i].default.as_ref();
            if got != want && !default_kept {
                wrong.push(format!("  {id}: saved {got:?}, typed {want:?}"));
            }
        }
        for (id, value) in self.saved.iter() {
            if self.expected.get(id).is_none() {
                wrong.push(format!("  {id}: saved {value:?}, nothing typed"));
            }
        }
        for (id, kept) in self.saved.kept() {
            wrong.push(format!("  {id}: kept aside: {kept:?}"));
        }
        assert!(
            wrong.is_empty(),
            "the saved answers differ from what was typed:\n{}",
            wrong.join("\n")
        );
    }

    /// The export equals `want` under the comparison of `common::normalise`.
    fn assert_export_is(&self, want: &str, what: &str) {
        let got = normalise(&self.exported);
        let want = normalise(want);
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            assert_eq!(g, w, "line {} of the export differs from {what}", i + 1);
        }
        assert_eq!(
            got.len(),
            want.len(),
            "the export has {} lines, {what} {}:\n{}",
            got.len(),
            want.len(),
            got.join("\n")
        );
    }

    fn assert_review_all_good(&self) {
        assert!(
            self.review.contains("Rà soát: không còn thiếu sót"),
            "the review lists problems:\n{}",
            self.review
        );
    }
}

#[test]
fn ba_dinh_typed_in_the_wizard_exports_the_seed() {
    let done = answer_all("questionnaires/examples/ba-dinh.answers.yaml");
    done.assert_answers_saved();
    done.assert_export_is(
        &crate::common::read("tests/fixtures/seed-ba-dinh.txt"),
        "the seed",
    );
    done.assert_review_all_good();
}

#[test]
fn an_phu_typed_in_the_wizard_exports_what_render_writes() {
    let example = "questionnaires/examples/an-phu.answers.yaml";
    let done = answer_all(example);
    done.assert_answers_saved();
    let out = std::process::Command::new(binary())
        .args([
            "render",
            "questionnaires/ct1322-so-ket-2021-2025.yaml",
            "--answers",
            example,
            "--format",
            "txt",
            "--body-only",
        ])
        .current_dir(crate::common::root())
        .output()
        .expect("baocao render runs");
    assert!(out.status.success(), "render failed: {out:?}");
    let rendered = String::from_utf8(out.stdout).expect("UTF-8");
    done.assert_export_is(&rendered, "baocao render --body-only");
    done.assert_review_all_good();
}

// ----- Vietnamese input ----------------------------------------------------------------------

/// Starts the wizard, waits for the first question (a one-line text), sends `writes` (paced:
/// one write each with a pause between, else all in one write), saves, quits, and returns
/// the stored answer to the first question.
fn typed_into_first_question(writes: &[&[u8]], paced: bool) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut w = start(dir.path());
    w.wait_for("Câu 1/");
    if paced {
        w.send_paced(writes);
    } else {
        w.send(&writes.concat());
    }
    w.send(CTRL_S);
    w.send(CTRL_Q);
    let status = w.wait_exit();
    assert!(status.success(), "exit {status:?}\n{}", w.output());
    stored_text(dir.path(), "ten_xa")
}

/// Asserts `got` is exactly `want`, both in NFC.
fn assert_nfc_eq(got: &str, want: &str, what: &str) {
    let nfc: String = want.nfc().collect();
    assert_eq!(want, nfc, "the expectation of {what} is not NFC");
    assert_eq!(
        got.chars()
            .map(|c| format!("{:04X}", u32::from(c)))
            .collect::<Vec<_>>(),
        want.chars()
            .map(|c| format!("{:04X}", u32::from(c)))
            .collect::<Vec<_>>(),
        "{what}: stored {got:?}, want {want:?} (code points shown)"
    );
}

/// v, i, e, BS, ê, t, BS, BS, ệ, t — what a Telex input method sends for "việt".
fn telex_viet(backspace: &'static [u8]) -> [&'static [u8]; 10] {
    [
        b"v",
        b"i",
        b"e",
        backspace,
        "ê".as_bytes(),
        b"t",
        backspace,
        backspace,
        "ệ".as_bytes(),
        b"t",
    ]
}

#[test]
fn telex_with_del_one_key_per_write() {
    let got = typed_into_first_question(&telex_viet(DEL), true);
    assert_nfc_eq(&got, "việt", "Telex, BS = DEL, one key per write");
}

#[test]
fn telex_with_del_in_one_write() {
    let got = typed_into_first_question(&telex_viet(DEL), false);
    assert_nfc_eq(&got, "việt", "Telex, BS = DEL, one write");
}

#[test]
fn telex_with_ctrl_h_one_key_per_write() {
    let got = typed_into_first_question(&telex_viet(CTRL_H), true);
    assert_nfc_eq(&got, "việt", "Telex, BS = Ctrl+H, one key per write");
}

#[test]
fn telex_with_ctrl_h_in_one_write() {
    let got = typed_into_first_question(&telex_viet(CTRL_H), false);
    assert_nfc_eq(&got, "việt", "Telex, BS = Ctrl+H, one write");
}

#[test]
fn decomposed_marks_are_composed() {
    let got = typed_into_first_question(&["tie\u{302}\u{301}ng".as_bytes()], false);
    assert_nfc_eq(&got, "tiếng", "NFD tie\\u{302}\\u{301}ng");
}

#[test]
fn two_marks_compose_in_either_order() {
    let got = typed_into_first_question(&["e\u{302}\u{323}".as_bytes()], false);
    assert_nfc_eq(&got, "ệ", "e + circumflex + dot below");
    let got = typed_into_first_question(&["e\u{323}\u{302}".as_bytes()], false);
    assert_nfc_eq(&got, "ệ", "e + dot below + circumflex");
}

#[test]
fn a_paste_with_a_line_break_stays_in_the_one_line_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut w = start(dir.path());
    w.wait_for("Câu 1/");
    assert!(
        w.with_screen(|s| s.parser.screen().bracketed_paste()),
        "the wizard did not turn bracketed paste on"
    );
    w.paste("được\r\nmột");
    w.send(CTRL_S);
    // No save happens before the paste, so once one is shown the paste has been handled
    // and drawn.
    let screen = w.wait_for("Đã lưu");
    assert!(
        screen.contains("Câu 1/"),
        "the paste moved off the first question:\n{screen}"
    );
    assert!(
        screen.contains("được một"),
        "the field does not show the paste:\n{screen}"
    );
    w.send(CTRL_Q);
    assert!(w.wait_exit().success());
    assert_nfc_eq(
        &stored_text(dir.path(), "ten_xa"),
        "được một",
        "pasted line break",
    );
    let position = answers_yaml(dir.path())["position"]
        .as_str()
        .map(str::to_owned);
    assert!(
        position.is_none() || position.as_deref() == Some("ten_xa"),
        "the saved position moved to {position:?}"
    );
}

fn is_red(c: vt100::Color) -> bool {
    match c {
        vt100::Color::Idx(i) => i == 1 || i == 9,
        vt100::Color::Rgb(r, g, b) => r >= 128 && g < 64 && b < 64,
        vt100::Color::Default => false,
    }
}

#[test]
fn a_pasted_escape_sequence_does_not_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut w = start(dir.path());
    w.wait_for("Câu 1/");
    w.paste("\x1b[31mđỏ");
    // The escape character is shown as a space; the rest is plain text.
    w.wait_for("[31mđỏ");
    let (red, do_cells) = w.with_screen(|s| {
        let screen = s.parser.screen();
        let mut red = Vec::new();
        let mut do_cells = 0;
        for row in 0..ROWS {
            for col in 0..COLS {
                let Some(cell) = screen.cell(row, col) else {
                    continue;
                };
                if is_red(cell.fgcolor()) || is_red(cell.bgcolor()) {
                    red.push(format!("({row},{col}) {:?}", cell.contents()));
                }
                let next = screen.cell(row, col + 1).map(vt100::Cell::contents);
                if cell.contents() == "đ" && next == Some("ỏ") {
                    do_cells += 1;
                    assert!(
                        !is_red(cell.fgcolor())
                            && !is_red(screen.cell(row, col + 1).expect("cell").fgcolor()),
                        "the pasted text is drawn red at ({row},{col})"
                    );
                }
            }
        }
        (red, do_cells)
    });
    assert!(do_cells > 0, "the pasted text is not on screen");
    assert!(
        red.is_empty(),
        "red cells on screen after the paste: {red:?}"
    );
    w.send(CTRL_S);
    w.send(CTRL_Q);
    assert!(w.wait_exit().success());
    let stored = stored_text(dir.path(), "ten_xa");
    assert!(
        !stored.contains('\u{1b}'),
        "the stored text holds an ESC: {stored:?}"
    );
    assert!(
        stored.contains("[31mđỏ"),
        "the stored text lost the paste: {stored:?}"
    );
}

// ----- quitting and resuming -----------------------------------------------------------------

#[test]
fn quit_restores_the_terminal_and_the_next_start_resumes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut w = start(dir.path());
    w.wait_for("Câu 1/");
    #[cfg(target_os = "linux")]
    assert!(w.raw_mode(), "the wizard runs without raw mode");
    w.type_text("Ba Dinh");
    w.send(TAB);
    w.wait_for("Câu 2/");
    w.type_text("Quảng Ngãi");
    w.send(TAB);
    w.wait_for("Câu 3/");
    w.send(CTRL_Q);
    let status = w.wait_exit();
    assert!(status.success(), "exit {status:?}\n{}", w.output());
    assert_eq!(status.exit_code(), 0);

    let last_line = format!("Câu trả lời đã lưu trong {ANSWERS_FILE}.");
    let output = w.output();
    let tail: String = {
        let chars: Vec<char> = output.chars().collect();
        chars[chars.len().saturating_sub(300)..].iter().collect()
    };
    assert!(
        output.trim_end().ends_with(&last_line),
        "the output does not end with {last_line:?}; it ends with:\n{tail:?}"
    );
    w.with_screen(|s| {
        let screen = s.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert!(!screen.bracketed_paste(), "bracketed paste is still on");
        assert!(
            screen.contents().contains(&last_line),
            "the main screen does not show {last_line:?}:\n{}",
            screen.contents()
        );
    });
    #[cfg(target_os = "linux")]
    assert!(!w.raw_mode(), "the terminal is left in raw mode");

    let yaml = answers_yaml(dir.path());
    assert_eq!(yaml["answers"]["ten_xa"].as_str(), Some("Ba Dinh"));
    assert_eq!(yaml["answers"]["tinh"].as_str(), Some("Quảng Ngãi"));
    assert_eq!(yaml["position"].as_str(), Some("dia_danh"));
    drop(w);

    let mut again = start(dir.path());
    let screen = again.wait_for("Câu 3/");
    assert!(
        screen.contains("Địa danh"),
        "resumed on another question:\n{screen}"
    );
    again.send(CTRL_Q);
    assert!(again.wait_exit().success());
    let yaml = answers_yaml(dir.path());
    assert_eq!(yaml["answers"]["ten_xa"].as_str(), Some("Ba Dinh"));
    assert_eq!(yaml["answers"]["tinh"].as_str(), Some("Quảng Ngãi"));
}

#[test]
fn a_failed_save_asks_before_quitting_and_leaves_a_private_recovery_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    // The answers file's folder does not exist, so every save fails (also for root).
    let mut w = start_with(
        dir.path(),
        &["run", "--answers", "khong-co/a.answers.yaml"],
        &[("XDG_DATA_HOME", data.path())],
    );
    w.wait_for("Câu 1/");
    w.type_text("Ba Đình");
    w.send(CTRL_S);
    w.wait_for("Chưa lưu được");
    w.send(CTRL_Q);
    w.wait_for("Ctrl+Q lần nữa");
    assert!(
        w.child.try_wait().expect("status").is_none(),
        "the first Ctrl+Q only warns"
    );
    w.send(CTRL_Q);
    let status = w.wait_exit();
    assert_eq!(status.exit_code(), 6, "{}", w.output());
    // In `sessions/`, beside the journal and the lock (the answers file's folder is missing),
    // named after the answers file so that the next start on it finds the copy.
    let folder = data.path().join("baocao/sessions");
    let copies: Vec<std::path::PathBuf> = std::fs::read_dir(&folder)
        .expect("the recovery folder exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(".answers.yaml"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let copy = &copies[0];
    let name = copy
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(name.ends_with(".answers.yaml"), "{name}");
    assert!(
        w.output().contains(&name),
        "the message names the copy:\n{}",
        w.output()
    );
    assert!(
        w.output()
            .contains("mở lại baocao trên đúng tệp câu trả lời này là đủ"),
        "the message says how the copy comes back:\n{}",
        w.output()
    );
    let saved = std::fs::read_to_string(copy).expect("the copy reads");
    assert!(saved.contains("ten_xa: Ba Đình"), "{saved}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(copy)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o077,
            0,
            "only the official can read the copy: {mode:o}"
        );
    }
}

#[test]
fn a_word_file_is_not_printed_onto_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = crate::common::root();
    let q = root.join("questionnaires/ct1322-so-ket-2021-2025.yaml");
    let a = root.join("questionnaires/examples/ba-dinh.answers.yaml");
    let (q, a) = (q.to_str().expect("UTF-8"), a.to_str().expect("UTF-8"));
    let mut w = start_with(
        dir.path(),
        &["render", q, "--answers", a, "--format", "docx"],
        &[],
    );
    let status = w.wait_exit();
    assert_eq!(status.exit_code(), 2, "{}", w.output());
    let out = w.output();
    assert!(out.contains("-o TỆP.docx"), "{out}");
    assert!(!out.contains("PK"), "no zip bytes on the terminal: {out}");
    // With -o the same command writes the file.
    let file = dir.path().join("bao-cao.docx");
    let file = file.to_str().expect("UTF-8");
    let mut w = start_with(
        dir.path(),
        &["render", q, "--answers", a, "--format", "docx", "-o", file],
        &[],
    );
    assert!(w.wait_exit().success(), "{}", w.output());
    let bytes = std::fs::read(file).expect("the Word file");
    assert!(bytes.starts_with(b"PK"), "a zip");
}

#[test]
fn next_period_starts_from_last_periods_answers_to_review() {
    let dir = tempfile::tempdir().expect("temp dir");
    let previous = crate::common::root().join("questionnaires/examples/ba-dinh.answers.yaml");
    let previous = previous.to_str().expect("UTF-8");
    let mut w = start_with(dir.path(), &["run", "--from", previous], &[]);
    // The status line, the outline's mark, the question's note and the key bar's F8, all on
    // one complete frame.
    w.wait_until("the carried-over answers to be marked", |s| {
        s.contains("Đã lấy 37 câu trả lời")
            && s.contains("? Phần đầu văn bản")
            && s.contains("cần xem lại")
            && s.contains("F8")
    });
    w.send(b"\x1b[19~");
    w.wait_for("Đã xác nhận");
    w.send(CTRL_Q);
    assert!(w.wait_exit().success(), "{}", w.output());
    let saved = answers_yaml(dir.path());
    let unreviewed = saved["unreviewed"].as_sequence().expect("a list");
    assert_eq!(unreviewed.len(), 36, "one confirmed of 37");
    assert!(!unreviewed.iter().any(|v| v.as_str() == Some("ten_xa")));
    assert_eq!(saved["answers"]["ten_xa"].as_str(), Some("Ba Dinh"));
}
