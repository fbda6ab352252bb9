//! Hostile questionnaires (tests/fixtures/hostile/, each saying what it attacks) against the
//! render budget: the real binary under a memory and time limit must end quickly with a
//! Vietnamese error naming the questionnaire's line — in `check` (which tries every template)
//! and `render` (whose own budget stops it) — or, in `preview` and `diff`, which do not run
//! templates, end cleanly; never abort, hang or die by a signal; and the wizard keeps
//! running, shows the error and keeps the answer.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use baocao::answers::{AnswerValue, Answers};
use baocao::tui::app::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::common::{self, Limited};

/// Address space for one run (MiB): a debug build maps ~40 MB before doing anything; the
/// budget lets a template use about 45 MB (twice that briefly while a value grows).
const MEMORY_MB: u64 = 600;
/// Wall-clock kill (s). A run takes well under a second; a loaded machine gets slack.
const SECONDS: u64 = 20;

/// What the Vietnamese budget error says, whichever budget (size or time) ran out first.
const OVER_BUDGET: &str = "vượt giới hạn an toàn";

fn dir() -> PathBuf {
    common::path("tests/fixtures/hostile")
}

fn run(args: &[&str]) -> Limited {
    let out = common::baocao_limited(&dir(), args, MEMORY_MB, SECONDS);
    assert!(!out.timed_out, "{args:?} hung: killed after {SECONDS} s");
    assert!(
        out.code().is_some(),
        "{args:?} died by a signal ({:?}):\n{}",
        out.output.status,
        out.stderr()
    );
    out
}

/// Asserts a refusal (exit `code`) saying `what` at `file:line` (and, for `check`, quoting
/// the line).
fn assert_refused(out: &Limited, code: i32, file: &str, line: usize, what: &str) {
    let err = out.stderr();
    assert_eq!(out.code(), Some(code), "{file}: exit code\n{err}");
    assert!(err.contains(what), "{file}: says {what:?}\n{err}");
    assert!(
        err.contains(&format!("{file}:{line}:")),
        "{file}: names line {line}\n{err}"
    );
}

/// Every fixture whose hostile template is on line 14, unconditionally.
const ON_LINE_14: [&str; 11] = [
    "replace",
    "join",
    "string",
    "pprint",
    "reverse_join",
    "noi",
    "format",
    "in",
    "min",
    "sort",
    "unique",
];

#[test]
fn check_stops_every_hostile_template_with_its_line() {
    for name in ON_LINE_14 {
        let file = format!("{name}.yaml");
        let out = run(&["check", &file]);
        assert_refused(&out, 1, &file, 14, OVER_BUDGET);
        // The maintainer is warned about the questionnaire's origin, not told to guard
        // against unanswered questions.
        let err = out.stderr();
        assert!(
            err.contains("đừng dùng nó nếu không rõ nguồn"),
            "{file}: {err}"
        );
        assert!(!err.contains("chưa được trả lời"), "{file}: {err}");
    }
}

/// `render`, `preview` and `diff` only load (sample renders and the budget probe are
/// `check`'s work): the render's own budget stops the hostile template with its line;
/// `preview` shows it as written and `diff` compares, neither running it.
#[test]
fn render_stops_them_by_its_budget_and_preview_and_diff_do_not_run_them() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for name in ["replace", "join", "unique"] {
        let file = format!("{name}.yaml");
        let answers = tmp.path().join(format!("{name}.answers.yaml"));
        std::fs::write(
            &answers,
            format!("questionnaire:\n  id: hostile-{name}\n  version: \"1\"\nanswers:\n  ten: x\n"),
        )
        .expect("answers written");
        let answers = answers.display().to_string();
        let out = run(&["render", &file, "--answers", &answers]);
        assert_refused(&out, 5, &file, 14, OVER_BUDGET);
        assert!(out.stdout().is_empty(), "no half report: {}", out.stdout());
        assert_runs_nothing(&file);
    }
}

/// `preview` shows a hostile template as written and `diff` compares it: both end cleanly
/// without running it.
fn assert_runs_nothing(file: &str) {
    let out = run(&["preview", file]);
    assert_eq!(out.code(), Some(0), "{file}: preview\n{}", out.stderr());
    assert!(
        out.stdout().contains("[= "),
        "{file}: shown as written\n{}",
        out.stdout()
    );
    let out = run(&["diff", file, file]);
    assert_eq!(out.code(), Some(0), "{file}: diff\n{}", out.stderr());
}

/// Sample answers never take `{% if ten == "go" %}`: `check` tries each expression of every
/// branch on its own, so the questionnaire is refused before an official types `go`.
#[test]
fn a_hostile_branch_no_sample_answer_takes_is_found_by_check() {
    let file = "if_go.yaml";
    let out = run(&["check", file]);
    assert_refused(&out, 1, file, 16, OVER_BUDGET);
    assert!(out.stderr().contains("thử từng nhánh"), "{}", out.stderr());
    // `render` only loads; answers that take the branch meet the render's budget.
    assert_refused(
        &run(&["render", file, "--answers", "if_go.answers.yaml"]),
        5,
        file,
        16,
        OVER_BUDGET,
    );
    assert_runs_nothing(file);
}

/// A size chosen by the answer in one tag and used in another passes `check` (no expression
/// alone shows it); the budget of the render itself stops it, with the line.
#[test]
fn a_size_chosen_by_the_answer_is_stopped_by_the_render_budget() {
    let file = "set_branch.yaml";
    assert_eq!(run(&["check", file]).code(), Some(0));
    let out = run(&["render", file, "--answers", "set_branch.answers.yaml"]);
    assert_refused(&out, 5, file, 19, OVER_BUDGET);
    assert!(out.stdout().is_empty(), "no half report: {}", out.stdout());
    // The official is not told to answer differently: the questionnaire is at fault.
    let err = out.stderr();
    assert!(err.contains("báo cho người soạn bảng hỏi"), "{err}");
    assert!(!err.contains("câu trả lời trống"), "{err}");
}

/// Our `trim` was quadratic (each character looked up in the whole argument): 900 000
/// characters against 900 000 took minutes. Linear, it is simply done.
#[test]
fn trim_with_a_huge_set_of_characters_is_linear() {
    let out = run(&["check", "trim.yaml"]);
    assert_eq!(out.code(), Some(0), "{}", out.stderr());
}

#[test]
fn debug_is_not_in_the_engine() {
    let out = run(&["check", "debug.yaml"]);
    assert_refused(&out, 1, "debug.yaml", 14, "`debug`");
}

#[test]
fn a_pattern_too_large_to_compile_is_a_load_error_with_its_line() {
    let out = run(&["check", "pattern.yaml"]);
    assert_refused(&out, 1, "pattern.yaml", 12, "quá lớn");
}

/// The wizard: typing `go` makes the render exceed its budget. The app goes on, shows the
/// error where the report would be, and the answer is kept and saved.
#[test]
fn the_wizard_shows_a_budget_error_and_keeps_the_answer() {
    let q = baocao::questionnaire::load_path(&dir().join("set_branch.yaml"))
        .expect("set_branch.yaml passes check");
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("x.answers.yaml");
    let mut app = App::new(Arc::new(q), Answers::new(), path.clone());
    for c in "go".chars() {
        app.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert_eq!(
        app.answers.get("ten"),
        Some(&AnswerValue::Text("go".into()))
    );
    let report = app.report_lines().join("\n");
    assert!(report.contains(OVER_BUDGET), "the error is shown: {report}");
    // It keeps working: one more letter leaves the branch, and the report is back.
    app.key(KeyEvent::new(KeyCode::Char('!'), KeyModifiers::NONE));
    let report = app.report_lines().join("\n");
    assert!(report.contains("Mở đầu go!"), "{report}");
    app.key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    app.key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    let job = app.poll_save(Instant::now()).expect("Ctrl+S writes");
    let right = baocao::session::claim(&path).expect("nobody else holds it");
    baocao::tui::save(&right, &job).expect("saved");
    let saved = std::fs::read_to_string(&path).expect("the answers file");
    assert!(saved.contains("ten: go"), "{saved}");
}
