//! The wizard drawn into ratatui's `TestBackend`: a snapshot of every screen at 80×24 and
//! 140×40 (question kinds, overlays, review, export, the narrow layout's toggles), every
//! screen drawn at every tiny size and at odd larger ones without a panic, and no control
//! character from a questionnaire or an answer ever reaching a cell.

use std::path::PathBuf;
use std::sync::Arc;

use baocao::answers::{self, AnswerValue, Answers, Cell, Kept, KeptReason, Row};
use baocao::questionnaire::{QuestionKind, Questionnaire};
use baocao::tui::action::Action;
use baocao::tui::app::{App, Overlay};
use baocao::tui::dialog::{ConfirmOverwrite, Suggestions};
use baocao::tui::theme::Theme;
use baocao::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::common;

const BA_DINH: &str = "questionnaires/examples/ba-dinh.answers.yaml";
/// The answers file the wizard is given. Never written here; only its folder is shown (in
/// the export dialog), so it is fixed to keep the snapshots stable.
const ANSWERS_PATH: &str = "bao-cao/ba-dinh.answers.yaml";
const SIZES: [(u16, u16); 2] = [(80, 24), (140, 40)];
const SAVED_AT: &str = "10:42:13";

// ----- building the screens ------------------------------------------------------------------

fn builtin() -> Questionnaire {
    baocao::questionnaire::builtin().expect("the built-in questionnaire loads")
}

fn new_app(q: Questionnaire, answers: Answers) -> App {
    App::new(Arc::new(q), answers, PathBuf::from(ANSWERS_PATH))
}

fn empty() -> App {
    new_app(builtin(), Answers::new())
}

fn ba_dinh() -> App {
    let q = builtin();
    let answers = answers::load(&common::path(BA_DINH), &q).expect("the Ba Dinh answers load");
    new_app(q, answers)
}

fn press(app: &mut App, code: KeyCode) {
    app.key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn go(app: &mut App, id: &str) {
    let i = app
        .q
        .index_of(id)
        .unwrap_or_else(|| panic!("no question {id}"));
    assert!(app.visible.contains(&i), "{id} should apply");
    app.go_to(i);
}

/// Pretends the background writer saved everything, so the title bar shows a fixed time.
fn settle(app: &mut App) {
    if app.unsaved() {
        let _ = app.take_save_job();
        app.update(Action::Saved(Ok(SAVED_AT.into())));
    }
}

fn at(mut app: App, id: &str) -> App {
    go(&mut app, id);
    settle(&mut app);
    app
}

fn first_question() -> App {
    empty()
}

fn paragraph() -> App {
    let mut app = ba_dinh();
    go(&mut app, "ke_hoach_ly_do");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Thêm một dòng.");
    settle(&mut app);
    app
}

fn yes_no() -> App {
    at(ba_dinh(), "co_truyen_thong")
}

fn choice() -> App {
    at(ba_dinh(), "tham_quyen")
}

fn choice_other() -> App {
    let mut app = empty();
    go(&mut app, "yc_loai");
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    type_text(&mut app, "Tờ trình");
    settle(&mut app);
    app
}

fn choices() -> App {
    let mut app = ba_dinh();
    go(&mut app, "hinh_thuc_truyen_thong");
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Down);
    settle(&mut app);
    app
}

fn list() -> App {
    at(ba_dinh(), "de_xuat")
}

fn table() -> App {
    let mut app = ba_dinh();
    go(&mut app, "co_so_lieu");
    press(&mut app, KeyCode::Char('c'));
    app.update(Action::NextQuestion);
    for cell in ["1", "2", "3"] {
        type_text(&mut app, cell);
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "1250");
    settle(&mut app);
    app
}

fn invalid_date() -> App {
    let mut app = empty();
    go(&mut app, "yc_ngay");
    type_text(&mut app, "32/7/2025");
    app.update(Action::NextQuestion);
    app.update(Action::PrevQuestion);
    settle(&mut app);
    app
}

fn with_key(mut app: App, code: KeyCode) -> App {
    press(&mut app, code);
    app
}

fn outline() -> App {
    with_key(at(ba_dinh(), "truyen_thong"), KeyCode::F(4))
}

fn suggestions() -> App {
    with_key(at(ba_dinh(), "de_xuat"), KeyCode::F(2))
}

fn preview() -> App {
    with_key(at(ba_dinh(), "truyen_thong"), KeyCode::F(3))
}

fn preview_end() -> App {
    with_key(preview(), KeyCode::End)
}

fn help() -> App {
    with_key(at(ba_dinh(), "truyen_thong"), KeyCode::F(1))
}

fn review_missing() -> App {
    with_key(empty(), KeyCode::F(10))
}

fn review_done() -> App {
    with_key(at(ba_dinh(), "de_xuat"), KeyCode::F(10))
}

fn export() -> App {
    with_key(review_done(), KeyCode::F(10))
}

fn export_path(app: &App) -> PathBuf {
    match app.overlays.last() {
        Some(Overlay::Export(d)) => d.paths()[0].clone(),
        other => panic!("the export dialog, got {other:?}"),
    }
}

fn export_done() -> App {
    let mut app = export();
    let path = export_path(&app);
    // What the dialog shows after writing (the files themselves are tested in tui_app).
    if let Some(Overlay::Export(d)) = app.overlays.last_mut() {
        d.result = Some(Ok(vec![path]));
    }
    app
}

fn overwrite() -> App {
    let mut app = export();
    let path = export_path(&app);
    app.overlays
        .push(Overlay::ConfirmOverwrite(ConfirmOverwrite {
            paths: vec![path],
        }));
    app
}

fn narrow_outline() -> App {
    with_key(at(ba_dinh(), "truyen_thong"), KeyCode::F(6))
}

fn narrow_preview() -> App {
    with_key(at(ba_dinh(), "truyen_thong"), KeyCode::F(7))
}

type Screen = (&'static str, fn() -> App);

/// Every screen, by name.
const SCREENS: &[Screen] = &[
    ("first_question", first_question),
    ("paragraph", paragraph),
    ("yes_no", yes_no),
    ("choice", choice),
    ("choice_other", choice_other),
    ("choices", choices),
    ("list", list),
    ("table", table),
    ("invalid_date", invalid_date),
    ("outline", outline),
    ("suggestions", suggestions),
    ("preview", preview),
    ("preview_end", preview_end),
    ("help", help),
    ("review_missing", review_missing),
    ("review_done", review_done),
    ("export", export),
    ("export_done", export_done),
    ("overwrite", overwrite),
    ("narrow_outline", narrow_outline),
    ("narrow_preview", narrow_preview),
];

// ----- drawing -------------------------------------------------------------------------------

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| view::draw(frame, app, &Theme::monochrome()))
        .expect("drawn");
    terminal
}

fn screen_text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width.max(1));
    buffer
        .content()
        .chunks(width)
        .map(|row| {
            row.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

// ----- snapshots -----------------------------------------------------------------------------

#[test]
fn every_screen_matches_its_snapshot() {
    for (name, build) in SCREENS {
        let app = build();
        for (w, h) in SIZES {
            let screen = draw(&app, w, h).backend().to_string();
            // Taken on Linux: Windows writes the export folder `bao-cao\…` where they show
            // `bao-cao/…` (that it does is tested in `windows`).
            #[cfg(windows)]
            let screen = screen.replace("bao-cao\\", "bao-cao/");
            insta::assert_snapshot!(format!("{name}_{w}x{h}").as_str(), screen);
        }
    }
}

#[test]
fn the_title_bar_shows_the_save_state() {
    let mut app = empty();
    let top = |app: &App| {
        screen_text(draw(app, 80, 24).backend().buffer())
            .lines()
            .next()
            .map(str::to_owned)
    };
    assert!(top(&app).expect("a title").contains("Chưa sửa gì"));
    type_text(&mut app, "Ba");
    assert!(top(&app).expect("a title").contains("Đang lưu…"));
    settle(&mut app);
    assert!(top(&app).expect("a title").contains("Đã lưu 10:42:13"));
}

#[test]
fn the_first_question_shows_its_prompt_progress_and_keys() {
    let app = empty();
    let (_, n) = app.progress();
    for (w, h) in SIZES {
        let text = screen_text(draw(&app, w, h).backend().buffer());
        assert!(text.contains(&format!("Câu 1/{n}")), "{text}");
        assert!(text.contains("Tên xã"), "{text}");
        assert!(text.contains("Trợ giúp"), "the key bar shows F1: {text}");
        assert!(
            text.contains("Thoát"),
            "the key bar shows how to quit: {text}"
        );
    }
}

// ----- sizes ---------------------------------------------------------------------------------

/// Sizes around and above the minimum, including odd ones.
const LARGER: &[(u16, u16)] = &[
    (49, 13),
    (49, 14),
    (50, 13),
    (50, 14),
    (51, 15),
    (55, 16),
    (60, 17),
    (64, 20),
    (79, 23),
    (99, 30),
    (100, 30),
    (101, 31),
    (120, 14),
    (200, 60),
    (400, 14),
    (50, 150),
];

#[test]
fn every_screen_draws_at_every_tiny_size_without_panicking() {
    for (name, build) in SCREENS {
        let app = build();
        for w in 0..=30 {
            for h in 0..=12 {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    draw(&app, w, h);
                }));
                assert!(result.is_ok(), "{name} panics at {w}x{h}");
            }
        }
    }
}

#[test]
fn every_screen_draws_at_larger_odd_sizes_without_panicking() {
    for (name, build) in SCREENS {
        let app = build();
        for &(w, h) in LARGER {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                draw(&app, w, h);
            }));
            assert!(result.is_ok(), "{name} panics at {w}x{h}");
        }
    }
}

#[test]
fn a_too_small_window_asks_to_be_enlarged() {
    let app = empty();
    let text = screen_text(draw(&app, 30, 12).backend().buffer());
    assert!(text.contains("Cửa sổ quá nhỏ"), "{text}");
    let text = screen_text(draw(&app, 49, 24).backend().buffer());
    assert!(text.contains("Cửa sổ quá nhỏ"), "{text}");
    let text = screen_text(draw(&app, 50, 14).backend().buffer());
    assert!(!text.contains("Cửa sổ quá nhỏ"), "{text}");
}

// ----- reading long texts --------------------------------------------------------------------

/// The words on the screen.
fn words_on(buffer: &Buffer) -> Vec<String> {
    screen_text(buffer)
        .split(|c: char| c.is_whitespace() || c == '│')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_full_preview_shows_every_word_of_the_report() {
    for (w, h) in SIZES {
        let mut app = preview();
        let report: Vec<String> = app
            .report_lines()
            .iter()
            .flat_map(|l| l.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
            .collect();
        // Page through the whole preview, collecting what is shown.
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut last = String::new();
        for _ in 0..100 {
            let terminal = draw(&app, w, h);
            let text = screen_text(terminal.backend().buffer());
            if text == last {
                break;
            }
            seen.extend(words_on(terminal.backend().buffer()));
            last = text;
            press(&mut app, KeyCode::PageDown);
        }
        let missing: Vec<&String> = report.iter().filter(|word| !seen.contains(*word)).collect();
        assert!(
            missing.is_empty(),
            "at {w}x{h} the preview never shows {missing:?}"
        );
    }
}

#[test]
fn the_highlighted_suggestion_can_be_read_in_full() {
    for (w, h) in [(80, 24), (50, 14)] {
        let mut app = empty();
        go(&mut app, "de_xuat");
        press(&mut app, KeyCode::F(2));
        let Some(Overlay::Suggestions(Suggestions { items, .. })) = app.overlays.last().cloned()
        else {
            panic!("the suggestions")
        };
        for (i, item) in items.iter().enumerate() {
            let terminal = draw(&app, w, h);
            let seen = words_on(terminal.backend().buffer());
            let missing: Vec<&str> = item
                .split_whitespace()
                .filter(|word| !seen.iter().any(|s| s == word))
                .collect();
            assert!(
                missing.is_empty(),
                "at {w}x{h}, suggestion {} is highlighted but {missing:?} is not shown:\n{}",
                i + 1,
                screen_text(terminal.backend().buffer())
            );
            press(&mut app, KeyCode::Down);
        }
    }
}

#[test]
fn a_screen_does_not_depend_on_earlier_draws_at_other_sizes() {
    // The view is a pure function of the app: after the window grows, what is shown must be
    // what a fresh draw at the new size shows.
    let mut differ = Vec::new();
    for (name, build) in SCREENS {
        let fresh = screen_text(draw(&build(), 100, 30).backend().buffer());
        let mut app = build();
        draw(&app, 50, 14);
        // The event loop reports every change of size.
        app.update(Action::Resize);
        let resized = screen_text(draw(&app, 100, 30).backend().buffer());
        if resized != fresh {
            differ.push(format!(
                "{name}:\n{resized}\n--- a fresh draw shows ---\n{fresh}"
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "100x30 after 50x14 differs:\n{}",
        differ.join("\n\n")
    );
}

// ----- control characters --------------------------------------------------------------------

/// A small questionnaire with every kind of text the screen shows; [`inject`] then puts
/// terminal escapes into each of them.
const HOSTILE: &str = r#"
format: 1
id: thu-ky-tu-dieu-khien
version: 1
title: "Tiêu đề"
document:
  issuer: ["ỦY BAN NHÂN DÂN", "XÃ {{ ten_xa | upper }}"]
  summary: "Trích yếu"
questions:
  - id: ten_xa
    ask: "Tên xã"
    help: "Trợ giúp"
    kind: text
    required: true
    suggestions: ["Gợi ý"]
sections:
  - heading: "Mục"
    questions:
      - id: loai
        ask: "Loại"
        help: "Trợ giúp loại"
        kind: choice
        options: ["Một", "Hai"]
        other: true
      - id: nhieu
        ask: "Nhiều"
        kind: choices
        options: ["A", "B"]
      - id: ds
        ask: "Danh sách"
        kind: list
        suggestions: ["Mục gợi ý"]
      - id: ngay
        ask: Ngày
        kind: date
      - id: bang
        ask: Bảng
        kind: table
        columns:
          - { id: ten, title: "Tên", kind: text }
          - { id: so, title: "Số", kind: integer }
          - { id: tong, title: "Tổng", kind: integer, sum: true }
        rows: ["Dòng một"]
        total_row: "Tổng cộng"
    text: "Nội dung {{ ten_xa }} {{ loai }} {{ ds }} {{ bang }}"
"#;

/// ESC sequences, BEL, DEL and the one-byte CSI.
const ESCAPES: &str = " \x1b[2J\x1b]0;x\x07\u{7f}\u{9b}31m";

/// Puts [`ESCAPES`] into every plain text of `q`: the loader refuses them in a file, so this
/// is the view's own defence.
fn inject(q: &mut Questionnaire) {
    q.title.push_str(ESCAPES);
    let text = |t: &mut baocao::questionnaire::Text| {
        if t.compiled.is_none() {
            t.source.push_str(ESCAPES);
        }
    };
    for question in &mut q.questions {
        text(&mut question.ask);
        if let Some(help) = question.help.as_mut() {
            text(help);
        }
        question.suggestions.iter_mut().for_each(text);
        match &mut question.kind {
            QuestionKind::Choice { options, .. } | QuestionKind::Choices { options, .. } => {
                for o in options {
                    o.push_str(ESCAPES);
                }
            }
            QuestionKind::Table(spec) => {
                for c in &mut spec.columns {
                    text(&mut c.title);
                }
                for r in &mut spec.rows {
                    r.push_str(ESCAPES);
                }
                if let Some(total) = spec.total_row.as_mut() {
                    total.push_str(ESCAPES);
                }
            }
            _ => {}
        }
    }
    for section in &mut q.sections {
        if let Some(heading) = section.heading.as_mut() {
            text(heading);
        }
    }
}

#[test]
fn the_loader_refuses_control_characters_in_a_questionnaire() {
    let escaped = HOSTILE.replace("title: \"Tiêu đề\"", "title: \"Tiêu đề \\e[2J\"");
    assert_ne!(escaped, HOSTILE);
    assert!(baocao::questionnaire::load_bytes("hostile.yaml", escaped.as_bytes()).is_err());
}

fn hostile_answers() -> Answers {
    let mut answers = Answers::new();
    answers.set(
        "ten_xa",
        AnswerValue::Text("Xã \x1b[2J\x1b[31m đỏ \u{9b}1m \x07".into()),
    );
    answers.set(
        "loai",
        AnswerValue::Choice("Khác \x1b]0;x\x07 \u{7f}".into()),
    );
    answers.set(
        "nhieu",
        AnswerValue::Choices(vec!["A \x1b[31m".into(), "Lạ \x1b[5m".into()]),
    );
    answers.set(
        "ds",
        AnswerValue::List(vec!["mục \x1b[31m".into(), "\u{7f}\u{9b}".into()]),
    );
    let mut row = Row::new();
    row.insert("ten".into(), Cell::Text("Ô \x1b[1m đậm \u{9b}".into()));
    row.insert("so".into(), Cell::Integer(3));
    let mut fixed = Row::new();
    fixed.insert("ten".into(), Cell::Text("Dòng \x1b[1m một".into()));
    fixed.insert("so".into(), Cell::Integer(2));
    answers.set("bang", AnswerValue::Table(vec![fixed, row]));
    answers.keep(
        "ngay",
        Kept {
            raw: serde_yaml::Value::String("31/2\x1b[2J".into()),
            reason: KeptReason::Invalid {
                reason: "không phải ngày \x1b[31m".into(),
            },
        },
    );
    answers.keep(
        "cu\x1b[31m",
        Kept {
            raw: serde_yaml::Value::String("x".into()),
            reason: KeptReason::Orphan { suggestion: None },
        },
    );
    answers
}

fn control_in(symbol: &str) -> bool {
    symbol
        .chars()
        .any(|c| c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c))
}

fn assert_clean(buffer: &Buffer, what: &str) {
    let width = usize::from(buffer.area.width.max(1));
    for (i, cell) in buffer.content().iter().enumerate() {
        assert!(
            !control_in(cell.symbol()),
            "{what}: cell ({}, {}) holds {:?}",
            i % width,
            i / width,
            cell.symbol()
        );
    }
}

/// One thing done to the app before the screen is checked.
type Step = Box<dyn Fn(&mut App)>;

#[test]
fn control_characters_never_reach_the_screen() {
    let mut q = baocao::questionnaire::load_bytes("hostile.yaml", HOSTILE.as_bytes())
        .unwrap_or_else(|e| panic!("the questionnaire loads:\n{e}"));
    inject(&mut q);
    let q = Arc::new(q);
    let path = PathBuf::from("thư mục \x1b[31m/bao-cao.answers.yaml");
    let ids: Vec<String> = q.questions.iter().map(|x| x.id.clone()).collect();

    // Each question, then each overlay over the last one, plus a failed save in the title.
    let mut steps: Vec<(String, Step)> = Vec::new();
    for id in &ids {
        let id = id.clone();
        steps.push((
            format!("question {id}"),
            Box::new(move |app: &mut App| {
                let i = app.q.index_of(&id).expect("known");
                app.go_to(i);
            }),
        ));
    }
    let keys: &[(&str, KeyCode)] = &[
        ("outline", KeyCode::F(4)),
        ("preview", KeyCode::F(3)),
        ("help", KeyCode::F(1)),
        ("review", KeyCode::F(10)),
    ];
    for &(name, code) in keys {
        steps.push((
            name.to_owned(),
            Box::new(move |app: &mut App| {
                app.overlays.clear();
                press(app, code);
            }),
        ));
    }
    steps.push((
        "suggestions".to_owned(),
        Box::new(|app: &mut App| {
            app.overlays.clear();
            app.go_to(0);
            press(app, KeyCode::F(2));
        }),
    ));
    steps.push((
        "export".to_owned(),
        Box::new(|app: &mut App| {
            app.overlays.clear();
            app.update(Action::Finish);
            app.update(Action::Export);
        }),
    ));
    steps.push((
        "overwrite".to_owned(),
        Box::new(|app: &mut App| {
            let paths = vec![PathBuf::from("thư mục \x1b[31m/báo cáo \x1b[2J.txt")];
            app.overlays
                .push(Overlay::ConfirmOverwrite(ConfirmOverwrite { paths }));
        }),
    ));
    steps.push((
        "failed save".to_owned(),
        Box::new(|app: &mut App| {
            app.overlays.clear();
            let _ = app.take_save_job();
            app.update(Action::Saved(Err("lỗi \x1b[2J\u{9b}H".into())));
        }),
    ));
    steps.push((
        "paste".to_owned(),
        Box::new(|app: &mut App| {
            app.go_to(0);
            app.update(Action::Paste("dán \x1b[31m\u{9b}2J\x07\r\n".into()));
        }),
    ));
    steps.push((
        "narrow outline".to_owned(),
        Box::new(|app: &mut App| press(app, KeyCode::F(6))),
    ));

    let mut app = App::new(Arc::clone(&q), hostile_answers(), path);
    let first = screen_text(draw(&app, 80, 24).backend().buffer());
    assert!(
        first.contains("Tên xã") && first.contains("đỏ"),
        "the texts are shown:\n{first}"
    );
    for (name, step) in &steps {
        step(&mut app);
        for (w, h) in SIZES.iter().copied().chain([(50, 14), (100, 30)]) {
            let terminal = draw(&app, w, h);
            assert_clean(terminal.backend().buffer(), &format!("{name} at {w}x{h}"));
        }
    }
}

#[test]
fn a_prompt_whose_template_fails_is_shown_as_written_and_the_official_is_told() {
    // Loads (a plain load does not try templates with answers); fails once `so` is 0.
    let yaml = "format: 1\nid: hong\nversion: 1\ntitle: Hỏng\ndocument:\n  issuer: [\"UBND\"]\nsections:\n  - heading: Mục\n    questions:\n      - id: so\n        kind: integer\n        ask: Số\n      - id: ten\n        kind: text\n        ask: \"Chia {{ 10 / so }}\"\n";
    let q = baocao::questionnaire::load_bytes("hong.yaml", yaml.as_bytes()).expect("loads");
    let mut answers = Answers::new();
    answers.set("so", AnswerValue::Integer(0));
    let mut app = at(new_app(q, answers), "ten");
    settle(&mut app);
    let text = screen_text(draw(&app, 140, 40).backend().buffer());
    assert!(text.contains("Chia {{ 10 / so }}"), "{text}");
    assert!(
        text.contains("Mẫu câu của câu hỏi này bị lỗi (bảng hỏi, dòng 15)"),
        "{text}"
    );
    // With an answer it can use, the prompt is filled in and nothing is said.
    let mut answers = Answers::new();
    answers.set("so", AnswerValue::Integer(5));
    let q = baocao::questionnaire::load_bytes("hong.yaml", yaml.as_bytes()).expect("loads");
    let mut app = at(new_app(q, answers), "ten");
    settle(&mut app);
    let text = screen_text(draw(&app, 140, 40).backend().buffer());
    assert!(text.contains("Chia 2"), "{text}");
    assert!(!text.contains("bị lỗi"), "{text}");
}
