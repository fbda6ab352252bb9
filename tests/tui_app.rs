//! The wizard driven headlessly: actions and key events go into `App`, and its state is checked
//! after each step — navigation and progress, conditions applied live, every editor kind,
//! undo/redo, suggestions, the outline, review, export, save scheduling, resuming and paste.
//! No terminal is involved.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use baocao::answers::{self, AnswerValue, Answers, Cell};
use baocao::messages::ui;
use baocao::questionnaire::Questionnaire;
use baocao::tui::action::Action;
use baocao::tui::app::{App, Effect, Overlay, ReviewRow, SAVE_DELAY, SaveState};
use baocao::tui::dialog::{ConfirmOverwrite, Outline, Suggestions};
use baocao::tui::editor::{Editor, TableEditor};
use baocao::tui::keymap::Focus;
use baocao::tui::text_input::TextInput;
use baocao::vn::Date;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

use crate::common;

const KINDS: &str = "tests/fixtures/valid/kinds.yaml";
const CONDITIONS: &str = "tests/fixtures/valid/conditions.yaml";
const TABLE: &str = "tests/fixtures/valid/table.yaml";
const RENAMES: &str = "tests/fixtures/valid/renames.yaml";
const BA_DINH: &str = "questionnaires/examples/ba-dinh.answers.yaml";
const ANSWERS_FILE: &str = "bao-cao.answers.yaml";

// ----- helpers -------------------------------------------------------------------------------

fn builtin() -> Questionnaire {
    baocao::questionnaire::builtin().expect("the built-in questionnaire loads")
}

/// A wizard whose answers file lives in a fresh temporary folder (kept alive by the `TempDir`).
fn start(q: Questionnaire, answers: Answers) -> (TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(ANSWERS_FILE);
    (dir, App::new(Arc::new(q), answers, path))
}

fn fixture(rel: &str) -> (TempDir, App) {
    start(common::questionnaire(rel), Answers::new())
}

fn ba_dinh_answers(q: &Questionnaire) -> Answers {
    answers::load(&common::path(BA_DINH), q).expect("the Ba Dinh answers load")
}

fn ba_dinh() -> (TempDir, App) {
    let q = builtin();
    let answers = ba_dinh_answers(&q);
    start(q, answers)
}

/// A key press, then the effect it asked for (writing files) run as the loop runs it.
fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    app.key(KeyEvent::new(code, modifiers));
    baocao::tui::run_disk_effect(app);
}

fn press(app: &mut App, code: KeyCode) {
    key(app, code, KeyModifiers::NONE);
}

fn ctrl(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

/// Types `s` key by key, as an official would.
fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

pub(crate) fn index(app: &App, id: &str) -> usize {
    app.q
        .index_of(id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

/// Jumps to question `id`, which must apply.
pub(crate) fn go(app: &mut App, id: &str) {
    let i = index(app, id);
    assert!(app.visible.contains(&i), "{id} should apply here");
    app.go_to(i);
    assert_eq!(current_id(app), id);
}

pub(crate) fn current_id(app: &App) -> &str {
    &app.q.questions[app.current.expect("a current question")].id
}

/// The text of the input that has the keyboard ("" when there is none).
pub(crate) fn text(app: &App) -> String {
    app.editor
        .as_ref()
        .and_then(Editor::input)
        .map(TextInput::text)
        .unwrap_or_default()
}

fn answer<'a>(app: &'a App, id: &str) -> Option<&'a AnswerValue> {
    app.answers.get(id)
}

fn answer_text(s: &str) -> AnswerValue {
    AnswerValue::Text(s.to_owned())
}

fn list(items: &[&str]) -> AnswerValue {
    AnswerValue::List(items.iter().map(|s| (*s).to_owned()).collect())
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn table(app: &App) -> &TableEditor {
    match &app.editor {
        Some(Editor::Table(t)) => t,
        other => panic!("expected a table editor, got {other:?}"),
    }
}

fn report_text(app: &App) -> String {
    app.report_lines().join("\n")
}

/// Saves as the wizard's writer does, with the right to write the job's file.
fn save(job: &baocao::tui::app::SaveJob) -> Result<String, String> {
    let right = baocao::session::claim(&job.path).expect("no other session holds it");
    baocao::tui::save(&right, job)
}

fn answers_path(dir: &TempDir) -> PathBuf {
    dir.path().join(ANSWERS_FILE)
}

// ----- navigation ----------------------------------------------------------------------------

#[test]
fn next_and_prev_walk_the_questions_that_apply_with_progress() {
    let (_dir, mut app) = start(builtin(), Answers::new());
    let n = app.visible.len();
    assert!(
        n > 20,
        "the built-in questionnaire has many questions, got {n}"
    );
    assert_eq!(app.progress(), (1, n));
    assert_eq!(current_id(&app), "ten_xa");

    app.update(Action::NextQuestion);
    assert_eq!(current_id(&app), "tinh");
    assert_eq!(app.progress(), (2, n));

    press(&mut app, KeyCode::Tab);
    assert_eq!(current_id(&app), "dia_danh");
    assert_eq!(app.progress(), (3, n));

    key(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(current_id(&app), "tinh");
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.progress(), (1, n));

    app.update(Action::PrevQuestion);
    assert_eq!(
        app.progress(),
        (1, n),
        "there is nothing before the first question"
    );
    assert_eq!(app.status.as_deref(), Some(ui::AT_FIRST));
}

#[test]
fn next_past_the_last_question_opens_the_review() {
    let (_dir, mut app) = fixture(RENAMES);
    assert_eq!(app.progress(), (1, 2));
    app.update(Action::NextQuestion);
    assert_eq!(app.progress(), (2, 2));
    assert!(app.overlays.is_empty());

    app.update(Action::NextQuestion);
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Review { .. })),
        "{:?}",
        app.overlays
    );
    assert_eq!(app.focus(), Focus::Review);
    assert_eq!(
        app.progress(),
        (2, 2),
        "the last question stays current beneath"
    );

    press(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty());
    assert_eq!(current_id(&app), "de_xuat");
}

#[test]
fn the_outline_jumps_to_the_first_question_of_a_section() {
    let (_dir, mut app) = start(builtin(), Answers::new());
    press(&mut app, KeyCode::F(4));
    assert!(matches!(app.overlays.last(), Some(Overlay::Outline { .. })));
    assert_eq!(app.focus(), Focus::Outline);

    let section = app.sections.of_question[index(&app, "kh_tinh_loai")].expect("in a section");
    let (from, target) = (app.outline_row_of_current(), section + 1);
    assert!(target > from);
    for _ in from..target {
        press(&mut app, KeyCode::Down);
    }
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Outline(Outline { selected })) if *selected == target)
    );
    press(&mut app, KeyCode::Enter);
    assert!(app.overlays.is_empty());
    assert_eq!(current_id(&app), "kh_tinh_loai");
}

#[test]
fn f6_opens_the_outline_at_the_current_section_and_esc_closes_it() {
    let (_dir, mut app) = start(builtin(), Answers::new());
    go(&mut app, "kh_tinh_loai");
    press(&mut app, KeyCode::F(6));
    assert_eq!(app.focus(), Focus::Outline);
    let here = app.outline_row_of_current();
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Outline(Outline { selected })) if *selected == here)
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty());
    assert_eq!(current_id(&app), "kh_tinh_loai");

    // Down then Enter: the next section's first question.
    press(&mut app, KeyCode::F(6));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(app.overlays.is_empty());
    let now = app.sections.of_question[app.current.expect("current")];
    let before = app.sections.of_question[index(&app, "kh_tinh_loai")];
    assert_ne!(now, before, "{}", current_id(&app));
}

// ----- conditions ----------------------------------------------------------------------------

#[test]
fn answering_a_yes_no_shows_and_hides_dependent_questions_at_once() {
    let (_dir, mut app) = fixture(CONDITIONS);
    let ly_do = index(&app, "ly_do");
    let so_dn = index(&app, "so_dn");
    go(&mut app, "co_ke_hoach");
    assert_eq!(app.focus(), Focus::YesNo);

    press(&mut app, KeyCode::Char('c'));
    assert_eq!(answer(&app, "co_ke_hoach"), Some(&AnswerValue::Bool(true)));
    assert!(app.visible.contains(&so_dn));
    assert!(!app.visible.contains(&ly_do));
    assert_eq!(app.progress().1, app.visible.len());

    press(&mut app, KeyCode::Char('k'));
    assert_eq!(answer(&app, "co_ke_hoach"), Some(&AnswerValue::Bool(false)));
    assert!(!app.visible.contains(&so_dn));
    assert!(app.visible.contains(&ly_do));

    app.update(Action::NextQuestion);
    assert_eq!(
        current_id(&app),
        "ly_do",
        "Next follows the questions that apply now"
    );
}

#[test]
fn hidden_answers_are_kept_and_come_back_when_the_condition_flips() {
    let (_dir, mut app) = fixture(CONDITIONS);
    let so_dn = index(&app, "so_dn");
    go(&mut app, "co_ke_hoach");
    press(&mut app, KeyCode::Char('c'));
    app.update(Action::NextQuestion);
    assert_eq!(current_id(&app), "so_dn");
    type_text(&mut app, "3");
    assert!(report_text(&app).contains("Có 3 doanh nghiệp tham gia năm 2025."));
    app.update(Action::PrevQuestion);
    assert_eq!(current_id(&app), "co_ke_hoach");

    press(&mut app, KeyCode::Char('k'));
    assert!(!app.visible.contains(&so_dn));
    assert_eq!(
        answer(&app, "so_dn"),
        Some(&AnswerValue::Integer(3)),
        "hidden, not lost"
    );
    assert!(!report_text(&app).contains("doanh nghiệp tham gia"));

    press(&mut app, KeyCode::Char('c'));
    assert!(app.visible.contains(&so_dn));
    assert!(report_text(&app).contains("Có 3 doanh nghiệp tham gia năm 2025."));
    app.update(Action::NextQuestion);
    assert_eq!(current_id(&app), "so_dn");
    assert_eq!(text(&app), "3");
}

// ----- editors -------------------------------------------------------------------------------

#[test]
fn a_text_answer_is_typed_letters_included_and_enter_moves_on() {
    let (_dir, mut app) = fixture(KINDS);
    assert_eq!(current_id(&app), "ten_xa");
    assert_eq!(app.focus(), Focus::Line);
    // "C" and "K" answer yes/no questions, but in a text they are letters.
    type_text(&mut app, "Cầu Kè");
    assert_eq!(text(&app), "Cầu Kè");
    assert_eq!(answer(&app, "ten_xa"), Some(&answer_text("Cầu Kè")));
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "so_bao_cao");
}

#[test]
fn a_paragraph_keeps_line_breaks_and_enter_does_not_move_on() {
    let (_dir, mut app) = fixture(KINDS);
    go(&mut app, "tinh_hinh");
    assert_eq!(app.focus(), Focus::Paragraph);
    type_text(&mut app, "Dòng một");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Dòng hai");
    assert_eq!(current_id(&app), "tinh_hinh");
    assert_eq!(
        answer(&app, "tinh_hinh"),
        Some(&answer_text("Dòng một\nDòng hai"))
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(current_id(&app), "so_lop");
}

#[test]
fn an_integer_shows_thousands_dots_once_left_and_its_checks_then() {
    let (_dir, mut app) = fixture(KINDS);
    go(&mut app, "so_lop");
    type_text(&mut app, "1250000");
    assert_eq!(text(&app), "1250000", "not reformatted while typing");
    assert_eq!(
        answer(&app, "so_lop"),
        Some(&AnswerValue::Integer(1_250_000))
    );
    assert!(
        app.messages().is_empty(),
        "checks wait until the field is left"
    );

    app.update(Action::NextQuestion);
    assert_eq!(current_id(&app), "ty_le");
    app.update(Action::PrevQuestion);
    assert_eq!(text(&app), "1.250.000");
    // so_lop allows at most 1000: the check shows now that the field has been left.
    assert!(!app.messages().is_empty());
}

#[test]
fn a_decimal_takes_a_vietnamese_comma() {
    let (_dir, mut app) = fixture(KINDS);
    go(&mut app, "ty_le");
    type_text(&mut app, "12,5");
    assert_eq!(answer(&app, "ty_le"), Some(&AnswerValue::Decimal(12.5)));
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "co_ke_hoach");
    app.update(Action::PrevQuestion);
    assert_eq!(text(&app), "12,5");
    assert!(app.messages().is_empty(), "{:?}", app.messages());
}

#[test]
fn a_date_is_read_the_vietnamese_way_and_tidied_once_left() {
    let (_dir, mut app) = fixture(KINDS);
    go(&mut app, "ngay_bao_cao");
    type_text(&mut app, "5/8/2025");
    assert_eq!(text(&app), "5/8/2025");
    assert_eq!(
        answer(&app, "ngay_bao_cao"),
        Some(&AnswerValue::Date(Date::new(2025, 8, 5).expect("a date")))
    );
    app.update(Action::NextQuestion);
    app.update(Action::PrevQuestion);
    assert_eq!(current_id(&app), "ngay_bao_cao");
    assert_eq!(text(&app), "05/8/2025");
    assert!(app.messages().is_empty(), "{:?}", app.messages());
}

#[test]
fn an_invalid_date_is_kept_as_typed_with_a_message_and_does_not_block() {
    let (_dir, mut app) = fixture(KINDS);
    go(&mut app, "ngay_bao_cao");
    type_text(&mut app, "31/2/2025");
    assert!(app.messages().is_empty(), "no message while still typing");
    assert_eq!(answer(&app, "ngay_bao_cao"), None);

    press(&mut app, KeyCode::Enter);
    assert_eq!(
        current_id(&app),
        "chuc_vu",
        "an invalid date does not block moving on"
    );
    assert!(
        app.answers.kept().any(|(id, _)| id == "ngay_bao_cao"),
        "the raw text is kept"
    );

    app.update(Action::PrevQuestion);
    assert_eq!(current_id(&app), "ngay_bao_cao");
    assert_eq!(text(&app), "31/2/2025", "kept exactly as typed");
    // A date in form that is not on the calendar says so.
    assert!(
        app.messages()
            .iter()
            .any(|m| *m == baocao::messages::answer_no_such_date("31/2/2025")),
        "{:?}",
        app.messages()
    );
    app.update(Action::NextQuestion);
    assert_eq!(current_id(&app), "chuc_vu");
}

#[test]
fn yes_no_answers_with_c_k_and_space_and_enter_moves_on() {
    let (_dir, mut app) = fixture(KINDS);
    go(&mut app, "co_ke_hoach");
    // The question's default (false) is shown, not stored until the official answers.
    assert!(matches!(app.editor, Some(Editor::YesNo(Some(false)))));
    assert_eq!(answer(&app, "co_ke_hoach"), None);
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(answer(&app, "co_ke_hoach"), Some(&AnswerValue::Bool(true)));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(answer(&app, "co_ke_hoach"), Some(&AnswerValue::Bool(false)));
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(answer(&app, "co_ke_hoach"), Some(&AnswerValue::Bool(true)));
    press(&mut app, KeyCode::Right);
    assert_eq!(answer(&app, "co_ke_hoach"), Some(&AnswerValue::Bool(false)));
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "cong_cu");
}

#[test]
fn a_choice_is_chosen_with_enter_and_other_takes_free_text() {
    let (_dir, mut app) = start(builtin(), Answers::new());
    go(&mut app, "yc_loai");
    assert_eq!(app.focus(), Focus::Choice);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        answer(&app, "yc_loai"),
        Some(&AnswerValue::Choice("Kế hoạch".into()))
    );
    assert_eq!(current_id(&app), "yc_so", "Enter chooses and moves on");

    app.update(Action::PrevQuestion);
    assert_eq!(current_id(&app), "yc_loai");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.focus(), Focus::ChoiceOther);
    // Letters that are shortcuts elsewhere are typed into the "other" text.
    type_text(&mut app, "Công điện");
    assert_eq!(
        answer(&app, "yc_loai"),
        Some(&AnswerValue::Choice("Công điện".into()))
    );
    let Some(Editor::Choice(c)) = &app.editor else {
        panic!("a choice editor")
    };
    assert_eq!(
        c.checked,
        vec![false, false, false, true],
        "typing into other chooses it"
    );

    press(&mut app, KeyCode::Up);
    assert_eq!(app.focus(), Focus::Choice);
    assert_eq!(
        answer(&app, "yc_loai"),
        Some(&AnswerValue::Choice("Công điện".into()))
    );
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(
        answer(&app, "yc_loai"),
        Some(&AnswerValue::Choice("Thông báo".into()))
    );
}

#[test]
fn choices_toggle_with_space_and_enter_only_moves_on() {
    let (_dir, mut app) = fixture(KINDS);
    go(&mut app, "cong_cu");
    let choices = |items: &[&str]| AnswerValue::Choices(strings(items));
    // The default ("5S") is shown checked, with the highlight on it; nothing stored yet.
    assert_eq!(answer(&app, "cong_cu"), None);
    press(&mut app, KeyCode::Char(' '));
    // Un-checking the default stores an empty answer, so the report does not bring it back.
    assert_eq!(answer(&app, "cong_cu"), Some(&choices(&[])));
    assert!(
        !app.report_lines().iter().any(|l| l.contains("5S")),
        "the un-checked default is not in the report"
    );
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(answer(&app, "cong_cu"), Some(&choices(&["ISO 9001"])));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(
        answer(&app, "cong_cu"),
        Some(&choices(&["ISO 9001", "Kaizen"]))
    );
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(answer(&app, "cong_cu"), Some(&choices(&["ISO 9001"])));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.focus(), Focus::ChoiceOther);
    type_text(&mut app, "Lean");
    assert_eq!(
        answer(&app, "cong_cu"),
        Some(&choices(&["ISO 9001", "Lean"]))
    );
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "de_xuat");
    assert_eq!(
        answer(&app, "cong_cu"),
        Some(&choices(&["ISO 9001", "Lean"]))
    );
}

#[test]
fn list_items_are_added_edited_deleted_and_reordered() {
    let (_dir, mut app) = fixture(KINDS);
    go(&mut app, "de_xuat");
    assert_eq!(app.focus(), Focus::List);
    type_text(&mut app, "một");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "hai");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "ba");
    assert_eq!(
        current_id(&app),
        "de_xuat",
        "Enter adds an item, it does not move on"
    );
    assert_eq!(answer(&app, "de_xuat"), Some(&list(&["một", "hai", "ba"])));

    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::End);
    type_text(&mut app, " sửa");
    assert_eq!(
        answer(&app, "de_xuat"),
        Some(&list(&["một", "hai sửa", "ba"]))
    );

    key(&mut app, KeyCode::Up, KeyModifiers::ALT);
    assert_eq!(
        answer(&app, "de_xuat"),
        Some(&list(&["hai sửa", "một", "ba"]))
    );
    key(&mut app, KeyCode::Down, KeyModifiers::ALT);
    key(&mut app, KeyCode::Down, KeyModifiers::ALT);
    assert_eq!(
        answer(&app, "de_xuat"),
        Some(&list(&["một", "ba", "hai sửa"]))
    );

    ctrl(&mut app, 'd');
    assert_eq!(answer(&app, "de_xuat"), Some(&list(&["một", "ba"])));

    // Backspace in an empty item removes it.
    press(&mut app, KeyCode::Enter);
    let Some(Editor::List(l)) = &app.editor else {
        panic!("a list editor")
    };
    assert_eq!(l.items.len(), 3);
    press(&mut app, KeyCode::Backspace);
    let Some(Editor::List(l)) = &app.editor else {
        panic!("a list editor")
    };
    assert_eq!(l.items_now(), strings(&["một", "ba"]));
}

#[test]
fn table_cells_rows_and_live_sums_and_totals() {
    let (_dir, mut app) = fixture(TABLE);
    assert_eq!(current_id(&app), "ket_qua");
    assert_eq!(app.focus(), Focus::Table);
    assert_eq!(
        (table(&app).row, table(&app).col),
        (0, 1),
        "the fixed row label is skipped"
    );

    type_text(&mut app, "10");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "5");
    // Live, before the cell is left.
    assert_eq!(
        table(&app).display_rows()[0],
        strings(&["Số lớp tập huấn", "10", "5", "", "15"])
    );
    assert_eq!(
        table(&app).totals(),
        Some(strings(&["Tổng cộng", "10", "5", "", "15"]))
    );

    // Tab skips the computed column and the next row's label.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!((table(&app).row, table(&app).col), (1, 1));
    type_text(&mut app, "1250");
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        table(&app).display_rows()[1][1],
        "1.250",
        "tidied once left"
    );
    assert_eq!(
        table(&app).totals(),
        Some(strings(&["Tổng cộng", "1.260", "5", "", "1.265"]))
    );

    ctrl(&mut app, 'n');
    assert_eq!(table(&app).rows.len(), 3);
    assert_eq!(
        (table(&app).row, table(&app).col),
        (2, 0),
        "an added row has its own label"
    );
    type_text(&mut app, "Khác");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "7");
    assert_eq!(table(&app).totals().expect("totals")[1], "1.267");
    let Some(AnswerValue::Table(rows)) = answer(&app, "ket_qua") else {
        panic!("a table answer: {:?}", answer(&app, "ket_qua"))
    };
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].get("n2021"), Some(&Cell::Integer(10)));
    assert_eq!(rows[1].get("n2021"), Some(&Cell::Integer(1250)));
    assert_eq!(rows[2].get("chi_tieu"), Some(&Cell::Text("Khác".into())));
    assert_eq!(rows[2].get("n2021"), Some(&Cell::Integer(7)));
    assert!(
        rows[0].get("tong").is_none(),
        "sums are computed, not stored"
    );

    ctrl(&mut app, 'd');
    assert_eq!(table(&app).rows.len(), 2);
    assert_eq!(table(&app).totals().expect("totals")[1], "1.260");

    // Enter on the last row adds one.
    press(&mut app, KeyCode::Enter);
    assert_eq!(table(&app).rows.len(), 3);
    assert_eq!(current_id(&app), "ket_qua");
}

// ----- undo and redo -------------------------------------------------------------------------

#[test]
fn consecutive_letters_undo_as_one_word_and_redo_brings_them_back() {
    let (_dir, mut app) = fixture(KINDS);
    type_text(&mut app, "xin chào");
    ctrl(&mut app, 'z');
    assert_eq!(text(&app), "xin");
    assert_eq!(answer(&app, "ten_xa"), Some(&answer_text("xin")));
    ctrl(&mut app, 'z');
    assert_eq!(text(&app), "");
    assert_eq!(answer(&app, "ten_xa"), None);
    ctrl(&mut app, 'z');
    assert_eq!(app.status.as_deref(), Some(ui::NOTHING_TO_UNDO));

    ctrl(&mut app, 'y');
    assert_eq!(text(&app), "xin");
    ctrl(&mut app, 'y');
    assert_eq!(text(&app), "xin chào");
    assert_eq!(answer(&app, "ten_xa"), Some(&answer_text("xin chào")));
    ctrl(&mut app, 'y');
    assert_eq!(app.status.as_deref(), Some(ui::NOTHING_TO_REDO));
}

#[test]
fn moving_the_cursor_ends_an_undo_step_and_a_new_edit_clears_redo() {
    let (_dir, mut app) = fixture(KINDS);
    type_text(&mut app, "ab");
    press(&mut app, KeyCode::Left);
    type_text(&mut app, "c");
    assert_eq!(text(&app), "acb");
    ctrl(&mut app, 'z');
    assert_eq!(text(&app), "ab");
    type_text(&mut app, "d");
    ctrl(&mut app, 'y');
    assert_eq!(app.status.as_deref(), Some(ui::NOTHING_TO_REDO));
    assert!(text(&app).contains('d'));
}

#[test]
fn undo_brings_back_a_deleted_list_item() {
    let (_dir, mut app) = fixture(KINDS);
    go(&mut app, "de_xuat");
    type_text(&mut app, "a");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "b");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Up);
    ctrl(&mut app, 'd');
    assert_eq!(answer(&app, "de_xuat"), Some(&list(&["a", "c"])));
    ctrl(&mut app, 'z');
    assert_eq!(answer(&app, "de_xuat"), Some(&list(&["a", "b", "c"])));
    ctrl(&mut app, 'y');
    assert_eq!(answer(&app, "de_xuat"), Some(&list(&["a", "c"])));
}

#[test]
fn undo_goes_back_across_questions() {
    let (_dir, mut app) = fixture(KINDS);
    type_text(&mut app, "Phú");
    app.update(Action::NextQuestion);
    type_text(&mut app, "12");
    assert_eq!(current_id(&app), "so_bao_cao");

    ctrl(&mut app, 'z');
    assert_eq!(current_id(&app), "so_bao_cao");
    assert_eq!(answer(&app, "so_bao_cao"), None);
    ctrl(&mut app, 'z');
    assert_eq!(
        current_id(&app),
        "ten_xa",
        "undo returns to the question it changes"
    );
    assert_eq!(text(&app), "");
    assert_eq!(answer(&app, "ten_xa"), None);

    ctrl(&mut app, 'y');
    assert_eq!(current_id(&app), "ten_xa");
    assert_eq!(answer(&app, "ten_xa"), Some(&answer_text("Phú")));
    ctrl(&mut app, 'y');
    assert_eq!(current_id(&app), "so_bao_cao");
    assert_eq!(text(&app), "12");
}

#[test]
fn undoing_a_yes_no_restores_what_applies() {
    let (_dir, mut app) = fixture(CONDITIONS);
    let so_dn = index(&app, "so_dn");
    go(&mut app, "co_ke_hoach");
    let before = app.visible.clone();
    press(&mut app, KeyCode::Char('c'));
    assert!(app.visible.contains(&so_dn));
    ctrl(&mut app, 'z');
    assert_eq!(answer(&app, "co_ke_hoach"), None);
    assert_eq!(app.visible, before);
}

// ----- suggestions ---------------------------------------------------------------------------

#[test]
fn f2_opens_suggestions_and_enter_inserts_editable_text() {
    let q = builtin();
    let mut answers = Answers::new();
    answers.set("tinh", answer_text("Quảng Ngãi"));
    let (_dir, mut app) = start(q, answers);
    go(&mut app, "yc_co_quan");

    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus(), Focus::Suggestions);
    let Some(Overlay::Suggestions(Suggestions { items, selected })) = app.overlays.last() else {
        panic!("the suggestions: {:?}", app.overlays)
    };
    assert_eq!(*selected, 0);
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[1], "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi",
        "filled in"
    );

    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(app.overlays.is_empty());
    assert_eq!(app.focus(), Focus::Line);
    assert_eq!(text(&app), "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi");
    type_text(&mut app, " (TĐC)");
    assert_eq!(
        answer(&app, "yc_co_quan"),
        Some(&answer_text(
            "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi (TĐC)"
        ))
    );
    ctrl(&mut app, 'z');
    assert_eq!(text(&app), "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi");
    ctrl(&mut app, 'z');
    assert_eq!(text(&app), "", "inserting a suggestion is one undo step");
}

#[test]
fn suggestions_are_closed_with_esc_and_absent_ones_are_reported() {
    let (_dir, mut app) = start(builtin(), Answers::new());
    press(&mut app, KeyCode::F(2));
    assert!(app.overlays.is_empty());
    assert_eq!(app.status.as_deref(), Some(ui::NO_SUGGESTIONS));

    go(&mut app, "yc_co_quan");
    press(&mut app, KeyCode::F(2));
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty());
    assert_eq!(text(&app), "");
}

#[test]
fn suggestions_become_list_items_and_paragraph_lines() {
    let (_dir, mut app) = start(builtin(), Answers::new());
    go(&mut app, "de_xuat");
    press(&mut app, KeyCode::F(2));
    let Some(Overlay::Suggestions(Suggestions { items, .. })) = app.overlays.last().cloned() else {
        panic!("the suggestions")
    };
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(2));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        answer(&app, "de_xuat"),
        Some(&AnswerValue::List(vec![items[0].clone(), items[1].clone()]))
    );

    go(&mut app, "long_ghep");
    type_text(&mut app, "Mở đầu.");
    press(&mut app, KeyCode::F(2));
    let Some(Overlay::Suggestions(Suggestions { items, .. })) = app.overlays.last().cloned() else {
        panic!("the suggestions")
    };
    press(&mut app, KeyCode::Enter);
    assert_eq!(text(&app), format!("Mở đầu.\n{}", items[0]));
}

// ----- review --------------------------------------------------------------------------------

#[test]
fn the_review_lists_missing_answers_and_enter_jumps_to_one() {
    let (_dir, mut app) = start(builtin(), Answers::new());
    press(&mut app, KeyCode::F(10));
    assert!(matches!(app.overlays.last(), Some(Overlay::Review { .. })));
    let rows = app.review_rows();
    let tinh = index(&app, "tinh");
    let expected = ReviewRow {
        text: ui::review_missing("Tên tỉnh, thành phố (không ghi chữ \"tỉnh\")"),
        target: Some(tinh),
        error: false,
    };
    let at = rows
        .iter()
        .position(|r| *r == expected)
        .unwrap_or_else(|| panic!("{expected:?} in {rows:#?}"));
    assert!(
        rows.iter().all(|r| !r.error),
        "nothing is invalid yet: {rows:#?}"
    );

    for _ in 0..at {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.overlays.is_empty());
    assert_eq!(current_id(&app), "tinh");
}

#[test]
fn the_review_shows_invalid_answers_as_errors() {
    let (_dir, mut app) = start(builtin(), Answers::new());
    go(&mut app, "yc_ngay");
    type_text(&mut app, "32/7/2025");
    app.update(Action::Finish);
    let rows = app.review_rows();
    let yc_ngay = index(&app, "yc_ngay");
    assert!(
        rows.iter().any(|r| r.error
            && r.target == Some(yc_ngay)
            && r.text
                .contains(&baocao::messages::answer_no_such_date("32/7/2025"))),
        "{rows:#?}"
    );
}

#[test]
fn the_review_does_not_call_an_invalid_answer_unanswered() {
    let (_dir, mut app) = start(builtin(), Answers::new());
    go(&mut app, "yc_ngay");
    type_text(&mut app, "32/7/2025");
    app.update(Action::NextQuestion);
    app.update(Action::PrevQuestion);
    // The question screen shows only the date's problem, not "required but empty" …
    assert_eq!(
        app.messages(),
        vec![baocao::messages::answer_no_such_date("32/7/2025")]
    );
    // … and the review must agree: one row for yc_ngay, the error.
    let yc_ngay = index(&app, "yc_ngay");
    let rows: Vec<ReviewRow> = app
        .review_rows()
        .into_iter()
        .filter(|r| r.target == Some(yc_ngay))
        .collect();
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert!(rows[0].error);
}

#[test]
fn a_complete_report_has_nothing_to_review() {
    let (_dir, app) = ba_dinh();
    assert_eq!(app.review_rows(), Vec::<ReviewRow>::new());
}

// ----- export --------------------------------------------------------------------------------

fn open_export(app: &mut App) {
    app.update(Action::Finish);
    app.update(Action::Export);
    assert_eq!(app.focus(), Focus::Export);
}

fn export_paths(app: &App) -> Vec<PathBuf> {
    match app.overlays.last() {
        Some(Overlay::Export(d)) => d.paths(),
        other => panic!("the export dialog, got {other:?}"),
    }
}

fn export_result(app: &App) -> Option<Result<Vec<PathBuf>, String>> {
    match app.overlays.last() {
        Some(Overlay::Export(d)) => d.result.clone(),
        other => panic!("the export dialog, got {other:?}"),
    }
}

/// `word/document.xml` of a .docx.
fn docx_xml(path: &std::path::Path) -> String {
    let file = std::fs::File::open(path).expect("the Word file");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("word/document.xml"),
        &mut xml,
    )
    .expect("UTF-8");
    xml
}

/// The text of `word/document.xml` in a .docx, its tags removed.
fn docx_text(path: &std::path::Path) -> String {
    let xml = docx_xml(path);
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn export_writes_a_word_file_next_to_the_answers_file() {
    let (dir, mut app) = ba_dinh();
    open_export(&mut app);
    let paths = export_paths(&app);
    assert_eq!(paths.len(), 1, "Word only by default: {paths:?}");
    assert_eq!(paths[0].parent(), Some(dir.path()));
    assert_eq!(paths[0].extension().and_then(|e| e.to_str()), Some("docx"));
    assert!(!paths[0].exists());

    press(&mut app, KeyCode::Enter);
    assert_eq!(export_result(&app), Some(Ok(paths.clone())));
    let written = docx_text(&paths[0]);
    assert!(written.contains("XÃ BA DINH"), "{written}");
    assert!(written.contains("Nguyễn Văn Bình"), "{written}");
    assert!(!paths[0].with_extension("txt").exists());
}

#[test]
fn the_word_font_size_is_chosen_in_the_dialog_and_remembered() {
    let (_dir, mut app) = ba_dinh();
    open_export(&mut app);
    // Rows: docx, txt, md, full frame, font size.
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    let Some(Overlay::Export(d)) = app.overlays.last() else {
        panic!("the export dialog")
    };
    assert_eq!(d.size, baocao::report::BodySize::Thirteen);
    press(&mut app, KeyCode::Enter);
    let xml = docx_xml(&export_paths(&app)[0]);
    assert!(xml.contains("<w:sz w:val=\"26\"/>"), "13 pt body runs");
    assert!(!xml.contains("<w:sz w:val=\"28\"/>"), "no 14 pt runs");

    press(&mut app, KeyCode::Esc);
    app.update(Action::Export);
    let Some(Overlay::Export(d)) = app.overlays.last() else {
        panic!("the export dialog again")
    };
    assert_eq!(d.size, baocao::report::BodySize::Thirteen, "remembered");
}

#[test]
fn export_can_write_text_instead_of_word() {
    let (_dir, mut app) = ba_dinh();
    open_export(&mut app);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    let paths = export_paths(&app);
    assert_eq!(paths.len(), 1, "{paths:?}");
    assert_eq!(paths[0].extension().and_then(|e| e.to_str()), Some("txt"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(export_result(&app), Some(Ok(paths.clone())));
    let written = std::fs::read_to_string(&paths[0]).expect("the report is written");
    assert!(written.contains("XÃ BA DINH"), "{written}");
    assert!(written.contains("Nguyễn Văn Bình"), "{written}");
    assert!(!paths[0].with_extension("docx").exists());
}

#[test]
fn export_asks_before_overwriting_and_no_keeps_the_old_file() {
    let (_dir, mut app) = ba_dinh();
    open_export(&mut app);
    let path = export_paths(&app)[0].clone();
    std::fs::write(&path, "cũ").expect("write");

    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::Confirm);
    let Some(Overlay::ConfirmOverwrite(ConfirmOverwrite { paths })) = app.overlays.last() else {
        panic!("the overwrite question: {:?}", app.overlays)
    };
    assert_eq!(paths, &vec![path.clone()]);

    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.focus(), Focus::Export);
    // The dialog says nothing was written, instead of an earlier "written" list.
    assert!(
        matches!(export_result(&app), Some(Err(_))),
        "{:?}",
        export_result(&app)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "cũ");

    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Export, "Esc also says no");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "cũ");

    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.focus(), Focus::Export);
    assert_eq!(export_result(&app), Some(Ok(vec![path.clone()])));
    assert!(docx_text(&path).contains("XÃ BA DINH"));
}

#[test]
fn export_writes_every_format_under_the_name_typed() {
    let (dir, mut app) = ba_dinh();
    open_export(&mut app);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(app.focus(), Focus::ExportName, "the name row takes text");
    type_text(&mut app, "-ban-2");
    let paths = export_paths(&app);
    assert_eq!(paths.len(), 3);
    for p in &paths {
        let name = p.file_stem().and_then(|s| s.to_str()).expect("a name");
        assert!(name.ends_with("-ban-2"), "{p:?}");
        assert_eq!(p.parent(), Some(dir.path()));
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(export_result(&app), Some(Ok(paths.clone())));
    assert!(docx_text(&paths[0]).contains("Ba Dinh"));
    let txt = std::fs::read_to_string(&paths[1]).expect("the text file");
    assert!(txt.contains("Ba Dinh"), "{txt}");
    let md = std::fs::read_to_string(&paths[2]).expect("the Markdown file");
    assert!(md.contains("Ba Dinh"), "{md}");
}

/// The files an export asks the loop to write, taken from the app (nothing is written).
fn export_effect(app: &mut App) -> Vec<(PathBuf, Vec<u8>)> {
    match app.effect.take() {
        Some(Effect::Export { files }) => files,
        other => panic!("an export for the loop to write, got {other:?}"),
    }
}

#[test]
fn update_hands_the_export_to_the_loop_and_writes_nothing_itself() {
    let (_dir, mut app) = ba_dinh();
    open_export(&mut app);
    let paths = export_paths(&app);
    // `update` alone, as the loop calls it: the files are asked for, not written.
    app.update(Action::Confirm);
    assert!(!paths[0].exists(), "update wrote {:?} itself", paths[0]);
    assert!(
        matches!(&app.effect, Some(Effect::Export { files }) if files.len() == 1 && files[0].0 == paths[0]),
        "{:?}",
        app.effect.as_ref().map(|_| "another effect")
    );
    assert_eq!(
        export_result(&app),
        None,
        "nothing is said before the loop wrote"
    );
    // A line the loop put in the status bar meanwhile (a save's notice) stays.
    app.status = Some("ghi chú".to_owned());
    assert!(baocao::tui::run_disk_effect(&mut app));
    assert!(app.effect.is_none());
    assert_eq!(export_result(&app), Some(Ok(paths.clone())));
    assert!(docx_text(&paths[0]).contains("XÃ BA DINH"));
    assert_eq!(app.status.as_deref(), Some("ghi chú"));
    assert!(
        !baocao::tui::run_disk_effect(&mut app),
        "nothing more to run"
    );
}

#[test]
fn a_failed_export_names_the_file_and_the_name_is_not_offered_again() {
    let (_dir, mut app) = ba_dinh();
    open_export(&mut app);
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(app.focus(), Focus::ExportName);
    type_text(&mut app, "-hong");
    let path = export_paths(&app)[0].clone();
    // A folder where the file should go: it "exists", and no file can replace it.
    std::fs::create_dir(&path).expect("a folder in the way");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::Confirm);
    press(&mut app, KeyCode::Char('c'));
    let Some(Err(message)) = export_result(&app) else {
        panic!("a failure, got {:?}", export_result(&app))
    };
    assert!(
        message.contains(&path.display().to_string()),
        "names the file: {message}"
    );
    assert!(path.is_dir(), "the folder is left as it was");
    press(&mut app, KeyCode::Esc);
    app.update(Action::Export);
    let offered = export_paths(&app)[0].clone();
    assert_ne!(offered, path, "a name that failed is not offered again");
}

#[test]
fn the_export_dialog_writes_the_bytes_the_command_line_writes() {
    let (dir, mut app) = ba_dinh();
    open_export(&mut app);
    // Every format: Word is chosen; text and Markdown are added.
    for _ in 0..2 {
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Char(' '));
    }
    app.update(Action::Confirm);
    let files = export_effect(&mut app);
    assert_eq!(
        files.len(),
        3,
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (path, bytes) in &files {
        let format = path
            .extension()
            .and_then(|e| e.to_str())
            .expect("an extension");
        let out = dir.path().join(format!("cli.{format}"));
        let run = common::baocao(&[
            "render",
            "questionnaires/ct1322-so-ket-2021-2025.yaml",
            "--answers",
            BA_DINH,
            "--format",
            format,
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        assert!(run.status.success(), "{}", common::stderr(&run));
        let cli = std::fs::read(&out).expect("the command line wrote");
        assert!(
            cli == *bytes,
            "{format}: the dialog and the command line differ"
        );
    }
}

#[test]
fn export_with_no_format_chosen_writes_nothing() {
    let (dir, mut app) = ba_dinh();
    open_export(&mut app);
    press(&mut app, KeyCode::Char(' '));
    assert!(export_paths(&app).is_empty());
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        export_result(&app),
        Some(Err(ui::EXPORT_NOTHING_CHOSEN.to_owned()))
    );
    let files: Vec<_> = std::fs::read_dir(dir.path()).expect("read_dir").collect();
    assert!(files.is_empty(), "{files:?}");
}

// ----- saving and resuming -------------------------------------------------------------------

#[test]
fn leaving_a_field_schedules_a_save_and_saved_updates_the_state() {
    let (dir, mut app) = fixture(KINDS);
    let t0 = Instant::now();
    assert_eq!(app.save_state, SaveState::Unchanged);
    assert!(app.poll_save(t0).is_none(), "nothing to save yet");
    assert!(!app.unsaved());

    type_text(&mut app, "An Phú");
    assert_eq!(app.save_state, SaveState::Saving);
    assert!(app.unsaved());
    assert!(app.poll_save(t0).is_none(), "typing waits for a pause");

    app.update(Action::NextQuestion);
    let job = app.poll_save(t0).expect("leaving a field saves at once");
    assert_eq!(job.path, answers_path(&dir));
    assert!(app.poll_save(t0).is_none(), "one save at a time");

    let time = save(&job).expect("the answers are written");
    app.update(Action::Saved(Ok(time.clone())));
    assert_eq!(app.save_state, SaveState::Saved(time));
    assert!(!app.unsaved());
    assert!(app.poll_save(Instant::now() + SAVE_DELAY * 4).is_none());

    let reloaded = answers::load(&job.path, &app.q).expect("the file loads back");
    assert_eq!(reloaded.get("ten_xa"), Some(&answer_text("An Phú")));
    assert_eq!(reloaded.position.as_deref(), Some("so_bao_cao"));
}

#[test]
fn a_pause_in_typing_saves_and_edits_during_a_save_are_saved_next() {
    let (_dir, mut app) = fixture(KINDS);
    type_text(&mut app, "An");
    let job = app
        .poll_save(Instant::now() + SAVE_DELAY)
        .expect("a pause after an edit saves");
    assert_eq!(job.answers.get("ten_xa"), Some(&answer_text("An")));

    type_text(&mut app, " Phú");
    assert!(
        app.poll_save(Instant::now() + SAVE_DELAY * 4).is_none(),
        "one in flight"
    );
    app.update(Action::Saved(Ok("10:42:13".into())));
    assert_eq!(
        app.save_state,
        SaveState::Saving,
        "newer edits are not saved yet"
    );
    let next = app
        .poll_save(Instant::now() + SAVE_DELAY * 4)
        .expect("the newer edits are saved next");
    assert_eq!(next.answers.get("ten_xa"), Some(&answer_text("An Phú")));
    app.update(Action::Saved(Ok("10:42:14".into())));
    assert_eq!(app.save_state, SaveState::Saved("10:42:14".into()));
}

#[test]
fn a_failed_save_is_shown_and_tried_again() {
    let q = common::questionnaire(KINDS);
    let path = PathBuf::from("/nonexistent-baocao-dir/sub/bao-cao.answers.yaml");
    let mut app = App::new(Arc::new(q), Answers::new(), path);
    type_text(&mut app, "An");
    app.update(Action::Save);
    let job = app.poll_save(Instant::now()).expect("Ctrl+S saves at once");
    let result = save(&job);
    let Err(message) = result.clone() else {
        panic!("saving into a missing folder fails")
    };
    app.update(Action::Saved(result));
    assert_eq!(app.save_state, SaveState::Failed(message));
    assert!(app.unsaved());
    assert!(
        app.poll_save(Instant::now() + SAVE_DELAY * 4).is_some(),
        "a failed save is tried again"
    );
    // The copy kept in the data folder is not left behind by the test.
    for copy in baocao::session::copies(&job.path) {
        let _ = std::fs::remove_file(copy);
    }
}

#[test]
fn quitting_after_a_failed_save_asks_once_and_a_move_does_not_clear_the_failure() {
    let q = common::questionnaire(KINDS);
    let path = PathBuf::from("/nonexistent-baocao-dir/sub/bao-cao.answers.yaml");
    let mut app = App::new(Arc::new(q), Answers::new(), path);
    type_text(&mut app, "An");
    ctrl(&mut app, 's');
    let job = app.poll_save(Instant::now()).expect("Ctrl+S saves at once");
    let result = save(&job);
    assert!(result.is_err(), "saving into a missing folder fails");
    app.update(Action::Saved(result));
    // Moving on changes only the position: what failed to save is still not saved.
    let before = app.current;
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_ne!(app.current, before, "Enter moved on");
    ctrl(&mut app, 'q');
    assert!(!app.quit, "the first Ctrl+Q after a failed save asks first");
    assert_eq!(app.status.as_deref(), Some(ui::QUIT_UNSAVED));
    ctrl(&mut app, 'q');
    assert!(app.quit, "the second one quits");
    for copy in baocao::session::copies(&job.path) {
        let _ = std::fs::remove_file(copy);
    }
}

#[test]
fn quitting_after_a_save_that_failed_and_then_wrote_asks_nothing() {
    let (_dir, mut app) = fixture(KINDS);
    type_text(&mut app, "An");
    ctrl(&mut app, 's');
    let _job = app.poll_save(Instant::now()).expect("Ctrl+S saves at once");
    app.update(Action::Saved(Err("the disk refused".into())));
    let job = app
        .poll_save(Instant::now() + SAVE_DELAY * 4)
        .expect("tried again");
    app.update(Action::Saved(save(&job)));
    ctrl(&mut app, 'q');
    assert!(app.quit, "nothing failed any more: quitting goes at once");
}

#[test]
fn ctrl_s_saves_even_without_changes() {
    let (dir, mut app) = fixture(KINDS);
    ctrl(&mut app, 's');
    let job = app.poll_save(Instant::now()).expect("Ctrl+S always writes");
    save(&job).expect("saved");
    assert!(answers_path(&dir).exists());
}

#[test]
fn the_wizard_resumes_at_the_saved_position() {
    let q = builtin();
    let mut answers = ba_dinh_answers(&q);
    answers.position = Some("nguoi_ky".into());
    let (_dir, app) = start(q, answers);
    assert_eq!(current_id(&app), "nguoi_ky");
    assert_eq!(text(&app), "Nguyễn Văn Bình");
}

#[test]
fn resuming_at_a_hidden_question_goes_to_the_next_one_that_applies() {
    let q = builtin();
    let mut answers = ba_dinh_answers(&q);
    // Ba Dinh has no plan of its own, so the plan's number does not apply.
    answers.position = Some("kh_xa_so".into());
    let (_dir, app) = start(q, answers);
    assert_eq!(current_id(&app), "ke_hoach_ly_do");
}

#[test]
fn the_position_saved_on_leaving_is_where_the_next_session_starts() {
    let (dir, mut app) = ba_dinh();
    go(&mut app, "de_xuat");
    let job = app
        .poll_save(Instant::now())
        .expect("moving saves the position");
    save(&job).expect("saved");

    let q = builtin();
    let answers = answers::load(&answers_path(&dir), &q).expect("loads");
    let again = App::new(Arc::new(q), answers, answers_path(&dir));
    assert_eq!(current_id(&again), "de_xuat");
}

// ----- paste ---------------------------------------------------------------------------------

#[test]
fn a_paste_with_line_breaks_never_moves_to_the_next_question() {
    let (_dir, mut app) = fixture(KINDS);
    let paste = |app: &mut App, s: &str| app.update(Action::Paste(s.to_owned()));

    paste(&mut app, "An\r\nPhú\r\n");
    assert_eq!(current_id(&app), "ten_xa");
    assert!(!text(&app).contains(['\n', '\r']), "{:?}", text(&app));
    assert!(text(&app).starts_with("An Phú"), "{:?}", text(&app));

    go(&mut app, "so_lop");
    paste(&mut app, "12\r\n");
    assert_eq!(current_id(&app), "so_lop");
    assert_eq!(answer(&app, "so_lop"), Some(&AnswerValue::Integer(12)));

    go(&mut app, "de_xuat");
    paste(&mut app, "một\r\nhai\r\n");
    assert_eq!(current_id(&app), "de_xuat");

    go(&mut app, "ket_qua");
    paste(&mut app, "3\r\n");
    assert_eq!(current_id(&app), "ket_qua");

    go(&mut app, "tinh_hinh");
    paste(&mut app, "một\r\nhai");
    assert_eq!(current_id(&app), "tinh_hinh");
    assert_eq!(answer(&app, "tinh_hinh"), Some(&answer_text("một\nhai")));
}

#[test]
fn a_paste_into_a_choice_other_text_stays_on_the_question() {
    let (_dir, mut app) = start(builtin(), Answers::new());
    go(&mut app, "yc_loai");
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(app.focus(), Focus::ChoiceOther);
    app.update(Action::Paste("Tờ\r\ntrình\r\n".into()));
    assert_eq!(current_id(&app), "yc_loai");
    let Some(AnswerValue::Choice(s)) = answer(&app, "yc_loai") else {
        panic!("a choice: {:?}", answer(&app, "yc_loai"))
    };
    assert!(s.starts_with("Tờ trình"), "{s:?}");
}
