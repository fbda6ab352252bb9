//! Wizard benchmarks: the terminal wizard's quality bars, measured on the real [`App`] and
//! [`view::draw`] into ratatui's `TestBackend` (140×40, wide layout: outline, question,
//! paragraph preview). Everything runs in-process; the terminal itself (raw mode, the escape
//! sequences written to a pty) is not part of these figures — `benches/first_frame.py` times
//! the real binary in a pseudo-terminal.
//!
//! * `key_20kb_paragraph` — one key press handled (`App::key`: editing, undo snapshot, writing
//!   the answer back and re-evaluating questionnaire + answers) **and** the next frame drawn,
//!   with a 20 KB Vietnamese paragraph focused (the Ba Dinh answers otherwise). Presses
//!   alternate between typing "ệ" and Backspace so the text keeps its size; the cursor is at the
//!   end of the text, where the official types. Goal: median < 1 ms.
//! * `key_1mb_answers` — the same, with about 1 MB of answers in total: every paragraph and list
//!   of the built-in questionnaire's body filled with long text, every yes/no of the body
//!   answered "Có" so that as much as possible applies and is rendered (the header — issuer,
//!   recipients, signer — stays as in the Ba Dinh file). Goal: median < 5 ms.
//! * `start_to_first_frame/ba_dinh` — load the built-in questionnaire, read the Ba Dinh answers
//!   file from disk, `App::new`, first frame drawn. Goal: median < 30 ms.
//! * `start_to_first_frame/answers_1mb` — the same with the 1 MB answers written to a
//!   temporary file, measured against the same 30 ms bar.
//!
//! Run: `cargo bench --bench wizard` (well under two minutes).
//!
//! With `BAOCAO_BENCH_WRITE=<dir>` set, the 1 MB answers file is written to
//! `<dir>/wizard-1mb.answers.yaml` and nothing is benchmarked — for `benches/first_frame.py`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use baocao::answers::{self, AnswerValue, Answers};
use baocao::questionnaire::{self, QuestionKind, Questionnaire};
use baocao::report::{self, Format};
use baocao::tui::app::App;
use baocao::tui::keymap::Focus;
use baocao::tui::theme::Theme;
use baocao::tui::view;
use criterion::{Criterion, SamplingMode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod common;
use common::vietnamese_text;

/// The Ba Dinh example answers, read from disk like the wizard does.
const SEED_ANSWERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/questionnaires/examples/ba-dinh.answers.yaml"
);

/// The paragraph question typed into: required, applies whatever the other answers are.
const FOCUSED: &str = "long_ghep";
/// Size of the focused paragraph.
const FOCUSED_BYTES: usize = 20 * 1024;
/// Text in all answers together for the large case.
const LARGE_BYTES: usize = 1024 * 1024;

const WIDTH: u16 = 140;
const HEIGHT: u16 = 40;

fn builtin() -> Questionnaire {
    questionnaire::builtin().expect("the built-in questionnaire loads")
}

fn seed_answers(q: &Questionnaire) -> Answers {
    answers::load(Path::new(SEED_ANSWERS), q).expect("the Ba Dinh answers load")
}

/// The Ba Dinh answers with the focused paragraph replaced by 20 KB of text.
fn answers_20kb(q: &Questionnaire) -> Answers {
    let mut answers = seed_answers(q);
    let text = vietnamese_text(FOCUSED_BYTES, 0, 4);
    assert!(text.lines().count() >= 10, "several lines");
    answers.set(FOCUSED, AnswerValue::Text(text));
    answers
}

/// The 20 KB answers plus about 1 MB of paragraphs and lists over the whole questionnaire.
fn answers_1mb(q: &Questionnaire) -> Answers {
    let mut answers = answers_20kb(q);
    // Body questions only: the header's lists (recipients, signer) stay as in the file.
    let body = &q.questions[q.header_len..];
    let paragraphs: Vec<&str> = body
        .iter()
        .filter(|question| matches!(question.kind, QuestionKind::Paragraph))
        .map(|question| question.id.as_str())
        .filter(|id| *id != FOCUSED)
        .collect();
    let lists: Vec<&str> = body
        .iter()
        .filter(|question| matches!(question.kind, QuestionKind::List))
        .map(|question| question.id.as_str())
        .collect();
    for question in body {
        if matches!(question.kind, QuestionKind::YesNo) {
            answers.set(question.id.clone(), AnswerValue::Bool(true));
        }
    }
    let share = (LARGE_BYTES - FOCUSED_BYTES) / (paragraphs.len() + lists.len());
    for (n, id) in paragraphs.iter().enumerate() {
        answers.set(*id, AnswerValue::Text(vietnamese_text(share, n, 4)));
    }
    for (n, id) in lists.iter().enumerate() {
        // Items of one or two sentences, like the Ba Dinh proposals.
        let text = vietnamese_text(share, n, 1 + n % 2);
        let items = text.lines().map(str::to_owned).collect();
        answers.set(*id, AnswerValue::List(items));
    }
    answers
}

/// A wizard on `answers`, on the focused paragraph, first frame drawn.
struct Wizard {
    app: App,
    terminal: Terminal<TestBackend>,
    theme: Theme,
    _dir: tempfile::TempDir,
}

impl Wizard {
    fn new(q: Questionnaire, answers: Answers) -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let index = q.index_of(FOCUSED).expect("the focused question exists");
        let mut app = App::new(Arc::new(q), answers, dir.path().join("bench.answers.yaml"));
        assert!(app.visible.contains(&index), "{FOCUSED} applies");
        app.go_to(index);
        assert_eq!(app.focus(), Focus::Paragraph);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
        let theme = Theme::color();
        terminal
            .draw(|f| view::draw(f, &app, &theme))
            .expect("first frame");
        Wizard {
            app,
            terminal,
            theme,
            _dir: dir,
        }
    }

    /// One key, then one frame. Outside a batch (`App::begin_batch`) the key re-evaluates the
    /// report at once: the event loop's work for a batch of one key.
    fn press(&mut self, key: KeyEvent) {
        self.app.key(key);
        let (app, theme) = (&self.app, &self.theme);
        self.terminal
            .draw(|f| view::draw(f, app, theme))
            .expect("frame");
    }

    fn focused_text(&self) -> &str {
        match self.app.answers.get(FOCUSED) {
            Some(AnswerValue::Text(s)) => s,
            other => panic!("{FOCUSED} holds {other:?}"),
        }
    }

    fn screen(&self) -> String {
        let buffer = self.terminal.backend().buffer();
        buffer
            .content()
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect()
    }
}

fn letter() -> KeyEvent {
    KeyEvent::new(KeyCode::Char('ệ'), KeyModifiers::NONE)
}

fn backspace() -> KeyEvent {
    KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)
}

/// Checks, outside the timing, that a press reaches the paragraph and shows on the screen.
fn check_typing(wizard: &mut Wizard) {
    let before = wizard.focused_text().to_owned();
    assert!(wizard.screen().contains("baocao"), "the title bar is drawn");
    wizard.press(letter());
    assert_eq!(
        wizard.focused_text(),
        format!("{before}ệ"),
        "the letter is typed at the end"
    );
    wizard.press(backspace());
    assert_eq!(wizard.focused_text(), before, "Backspace removes it");
}

/// One key press and one frame per iteration, alternating a letter and Backspace.
fn bench_typing(c: &mut Criterion, name: &str, mut wizard: Wizard) {
    check_typing(&mut wizard);
    let (letter, backspace) = (letter(), backspace());
    let mut typing = true;
    c.bench_function(name, |b| {
        b.iter(|| {
            wizard.press(black_box(if typing { letter } else { backspace }));
            typing = !typing;
        });
    });
}

/// Questionnaire, answers file, app and first frame: what the wizard does before the official
/// sees anything (terminal set-up aside).
fn start(answers_file: &Path, answers_path: &Path, theme: &Theme) -> (App, Terminal<TestBackend>) {
    let q = builtin();
    let answers = answers::load(answers_file, &q).expect("answers load");
    let app = App::new(Arc::new(q), answers, answers_path.to_path_buf());
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
    terminal
        .draw(|f| view::draw(f, &app, theme))
        .expect("first frame");
    (app, terminal)
}

/// Writes the 1 MB answers to `dir`; the path and its size.
fn write_1mb_answers(dir: &Path) -> (PathBuf, usize) {
    let q = builtin();
    let answers = answers_1mb(&q);
    let path = dir.join("wizard-1mb.answers.yaml");
    answers::save(&path, &answers, &q).expect("write the 1 MB answers");
    let size = std::fs::metadata(&path).expect("written").len();
    (path, usize::try_from(size).expect("fits"))
}

fn report_size(q: &Questionnaire, answers: &Answers) -> usize {
    let doc = report::build(q, answers).expect("the report builds");
    report::render(&doc, Format::Text, true).len()
}

fn benches(c: &mut Criterion) {
    let q = builtin();
    let small = answers_20kb(&q);
    eprintln!(
        "key_20kb_paragraph: {FOCUSED} holds {} bytes; report {} bytes",
        FOCUSED_BYTES,
        report_size(&q, &small)
    );
    bench_typing(c, "key_20kb_paragraph", Wizard::new(builtin(), small));

    let large = answers_1mb(&q);
    let yaml = answers::to_yaml(&large, &q);
    eprintln!(
        "key_1mb_answers: answers file {} bytes; report {} bytes",
        yaml.len(),
        report_size(&q, &large)
    );
    bench_typing(c, "key_1mb_answers", Wizard::new(builtin(), large));

    let dir = tempfile::tempdir().expect("temporary directory");
    let (large_file, large_size) = write_1mb_answers(dir.path());
    assert!(large_size > 900 * 1024, "about 1 MB: {large_size} bytes");
    let answers_path = dir.path().join("bench.answers.yaml");
    let theme = Theme::color();
    let mut group = c.benchmark_group("start_to_first_frame");
    // Flat sampling: one start takes milliseconds, tens of them with 1 MB of answers.
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(30)
        .measurement_time(Duration::from_secs(10));
    for (name, file) in [
        ("ba_dinh", Path::new(SEED_ANSWERS)),
        ("answers_1mb", large_file.as_path()),
    ] {
        group.bench_function(name, |b| {
            // The app and terminal are dropped outside the timing, as a program that just
            // started keeps them.
            b.iter_with_large_drop(|| start(black_box(file), &answers_path, &theme));
        });
    }
    group.finish();
}

fn main() {
    if let Some(dir) = std::env::var_os("BAOCAO_BENCH_WRITE") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("output directory");
        let (path, size) = write_1mb_answers(&dir);
        println!("wrote {} ({size} bytes)", path.display());
        return;
    }
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8))
        .configure_from_args();
    benches(&mut c);
    c.final_summary();
}
