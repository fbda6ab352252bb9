//! The wizard fed what Windows' console sends, headlessly: every key as a press and a release
//! (a held key as repeats), IME input (UniKey/EVKey in Unicode mode) as `VK_PACKET`
//! characters — a Backspace then the composed letter, sometimes a letter and its combining
//! marks — characters outside the BMP, AltGr characters with Ctrl+Alt, and pastes as bursts of
//! keys (no bracketed paste). Each burst goes through `tui::burst::coalesce` and
//! `tui::feed`, as the loop applies a burst read from the terminal; the answers stored are
//! checked. The vectors are those of docs/vietnamese.md §3.7.

use std::collections::VecDeque;
use std::sync::Arc;

use baocao::answers::{AnswerValue, Answers, Cell};
use baocao::tui::app::{App, Overlay};
use baocao::tui::burst;
use baocao::tui::keymap::Focus;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};
use tempfile::TempDir;

use crate::tui_app::{current_id as current, go, text};

/// One question of each kind that takes text.
const QUESTIONNAIRE: &str = r#"
format: 1
id: thu-ban-phim-windows
version: 1
title: Báo cáo thử bàn phím Windows
document:
  issuer: ["ỦY BAN NHÂN DÂN", "XÃ AN PHÚ"]
sections:
  - heading: Thông tin chung
    questions:
      - id: ten
        ask: Tên đơn vị
        kind: text
      - id: so_hieu
        ask: Số hiệu
        kind: text
      - id: co_ke_hoach
        ask: Có kế hoạch không?
        kind: yes_no
      - id: tinh_hinh
        ask: Tình hình chung
        kind: paragraph
      - id: de_xuat
        ask: Đề xuất
        kind: list
      - id: bang
        ask: Kết quả
        kind: table
        columns:
          - { id: noi_dung, title: Nội dung, kind: text }
          - { id: so, title: Số lượng, kind: integer }
"#;

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
/// AltGr, as Windows reports it.
const ALTGR: KeyModifiers = KeyModifiers::CONTROL.union(KeyModifiers::ALT);

fn start() -> (TempDir, App) {
    let q = baocao::questionnaire::load_bytes("windows.yaml", QUESTIONNAIRE.as_bytes())
        .expect("the questionnaire loads");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bao-cao.answers.yaml");
    (dir, App::new(Arc::new(q), Answers::new(), path))
}

fn event(code: KeyCode, mods: KeyModifiers, kind: KeyEventKind) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers: mods,
        kind,
        state: KeyEventState::NONE,
    })
}

/// A key as Windows' console sends it: a press, then a release.
fn tap(code: KeyCode, mods: KeyModifiers) -> Vec<Event> {
    vec![
        event(code, mods, KeyEventKind::Press),
        event(code, mods, KeyEventKind::Release),
    ]
}

/// Keys as an IME or a typist sends them: each character tapped ("\n" as Enter), and the
/// token "BS" as a tapped Backspace.
fn keys(tokens: &[&str]) -> Vec<Event> {
    let mut events = Vec::new();
    for token in tokens {
        if *token == "BS" {
            events.extend(tap(KeyCode::Backspace, NONE));
            continue;
        }
        for c in token.chars() {
            events.extend(match c {
                '\n' => tap(KeyCode::Enter, NONE),
                '\t' => tap(KeyCode::Tab, NONE),
                c if c.is_uppercase() => tap(KeyCode::Char(c), KeyModifiers::SHIFT),
                c => tap(KeyCode::Char(c), NONE),
            });
        }
    }
    events
}

/// One burst, as the loop reads it from Windows' console and applies it (effects run as the
/// loop runs them).
fn send(app: &mut App, events: Vec<Event>) {
    let mut queued: VecDeque<Event> = burst::coalesce(events, true).into();
    while !queued.is_empty() {
        baocao::tui::feed(app, &mut queued);
        baocao::tui::run_disk_effect(app);
    }
}

/// Each key its own burst: an official typing at human speed.
fn send_slowly(app: &mut App, events: &[Event]) {
    for pair in events.chunks(2) {
        send(app, pair.to_vec());
    }
}

fn stored(app: &App, id: &str) -> Option<AnswerValue> {
    app.answers.get(id).cloned()
}

fn answer_text(s: &str) -> AnswerValue {
    AnswerValue::Text(s.to_owned())
}

// ----- 1. key releases and repeats ---------------------------------------------------------

#[test]
fn each_press_and_release_pair_acts_once() {
    let (_dir, mut app) = start();
    send_slowly(&mut app, &keys(&["Ba Dinh"]));
    assert_eq!(text(&app), "Ba Dinh");
    send_slowly(&mut app, &tap(KeyCode::Backspace, NONE));
    assert_eq!(text(&app), "Ba Din");
    // Ctrl+H deletes as Backspace does (Windows sends it with Ctrl held).
    send_slowly(&mut app, &tap(KeyCode::Char('h'), CTRL));
    assert_eq!(text(&app), "Ba Di");
    // ← once: the letter goes before the last one, not before the last two.
    send_slowly(&mut app, &tap(KeyCode::Left, NONE));
    send_slowly(&mut app, &keys(&["X"]));
    assert_eq!(text(&app), "Ba DXi");
    // Enter once: the next question, not the one after.
    send_slowly(&mut app, &tap(KeyCode::Enter, NONE));
    assert_eq!(current(&app), "so_hieu");
    assert_eq!(stored(&app, "ten"), Some(answer_text("Ba DXi")));
    // ↓ once on a yes/no switches it once.
    go(&mut app, "co_ke_hoach");
    send_slowly(&mut app, &tap(KeyCode::Down, NONE));
    assert_eq!(stored(&app, "co_ke_hoach"), Some(AnswerValue::Bool(true)));
}

#[test]
fn function_keys_and_ctrl_shortcuts_act_once() {
    let (_dir, mut app) = start();
    // F1 opens the help and F1 closes it: a release taken as a press would close it at once.
    send(&mut app, tap(KeyCode::F(1), NONE));
    assert!(matches!(app.overlays.as_slice(), [Overlay::Help(_)]));
    send(&mut app, tap(KeyCode::F(1), NONE));
    assert!(app.overlays.is_empty());
    // F4 opens the outline once.
    send(&mut app, tap(KeyCode::F(4), NONE));
    assert_eq!(app.overlays.len(), 1);
    assert_eq!(app.focus(), Focus::Outline);
    send(&mut app, tap(KeyCode::Esc, NONE));
    assert!(app.overlays.is_empty());
    // Two undo steps (a cursor move ends one); Ctrl+Z once undoes one of them.
    send_slowly(&mut app, &keys(&["một"]));
    send_slowly(&mut app, &tap(KeyCode::Left, NONE));
    send_slowly(&mut app, &keys(&["x"]));
    assert_eq!(text(&app), "mộxt");
    send(&mut app, tap(KeyCode::Char('z'), CTRL));
    assert_eq!(text(&app), "một");
    send(&mut app, tap(KeyCode::Char('y'), CTRL));
    assert_eq!(text(&app), "mộxt");
}

#[test]
fn a_held_key_repeats_like_presses() {
    let (_dir, mut app) = start();
    send_slowly(&mut app, &keys(&["Quảng Ngãi"]));
    let held = |code| {
        let mut events = vec![event(code, NONE, KeyEventKind::Press)];
        events.extend((0..3).map(|_| event(code, NONE, KeyEventKind::Repeat)));
        events.push(event(code, NONE, KeyEventKind::Release));
        events
    };
    // A press and three repeats: four letters.
    send(&mut app, held(KeyCode::Backspace));
    assert_eq!(text(&app), "Quảng ");
    send(&mut app, held(KeyCode::Left));
    send(&mut app, keys(&["-"]));
    assert_eq!(text(&app), "Qu-ảng ");
}

// ----- 2. IME input -------------------------------------------------------------------------

/// UniKey in Unicode mode, VNI "viet65": each tone a Backspace then the composed letter.
const UNIKEY_VIET: &[&str] = &["v", "i", "e", "BS", "ê", "t", "BS", "BS", "ệ", "t"];

/// The vectors of docs/vietnamese.md, each with what must be stored.
fn ime_vectors() -> Vec<(Vec<Event>, &'static str)> {
    let with_ctrl_h: Vec<Event> = keys(UNIKEY_VIET)
        .into_iter()
        .map(|e| match e {
            Event::Key(k) if k.code == KeyCode::Backspace => {
                event(KeyCode::Char('h'), CTRL, k.kind)
            }
            e => e,
        })
        .collect();
    vec![
        (keys(UNIKEY_VIET), "việt"),
        (with_ctrl_h, "việt"),
        // Decomposed: the letter, then its marks, each a VK_PACKET character.
        (keys(&["tie\u{302}\u{301}ng"]), "tiếng"),
        (keys(&["e\u{302}\u{323}"]), "ệ"),
        (keys(&["e\u{323}\u{302}"]), "ệ"),
        // EVKey's clipboard mode: the word pasted, which arrives as keys.
        (keys(&["được"]), "được"),
        (keys(&["đu\u{31b}o\u{31b}\u{323}c"]), "được"),
        // Outside the BMP (chữ Nôm), as crossterm joins a surrogate pair.
        (keys(&["chữ 𡨸喃"]), "chữ 𡨸喃"),
    ]
}

#[test]
fn ime_input_is_stored_composed_in_a_line() {
    for (events, want) in ime_vectors() {
        // Typed at human speed, and all in one burst (a slow machine's backlog).
        for one_burst in [false, true] {
            let (_dir, mut app) = start();
            if one_burst {
                send(&mut app, events.clone());
            } else {
                send_slowly(&mut app, &events);
            }
            send(&mut app, tap(KeyCode::Enter, NONE));
            assert_eq!(stored(&app, "ten"), Some(answer_text(want)), "{want}");
            assert_eq!(current(&app), "so_hieu");
        }
    }
}

#[test]
fn ime_input_is_stored_composed_in_a_paragraph() {
    for (events, want) in ime_vectors() {
        let (_dir, mut app) = start();
        go(&mut app, "tinh_hinh");
        send(&mut app, keys(&["Năm nay"]));
        send(&mut app, tap(KeyCode::Enter, NONE));
        send(&mut app, events);
        send(&mut app, tap(KeyCode::Tab, NONE));
        assert_eq!(
            stored(&app, "tinh_hinh"),
            Some(answer_text(&format!("Năm nay\n{want}")))
        );
    }
}

#[test]
fn ime_input_is_stored_composed_in_a_list_item() {
    for (events, want) in ime_vectors() {
        let (_dir, mut app) = start();
        go(&mut app, "de_xuat");
        send(&mut app, keys(&["Một"]));
        send(&mut app, tap(KeyCode::Enter, NONE));
        send(&mut app, events);
        send(&mut app, tap(KeyCode::Tab, NONE));
        assert_eq!(
            stored(&app, "de_xuat"),
            Some(AnswerValue::List(vec!["Một".into(), want.into()]))
        );
    }
}

#[test]
fn ime_input_is_stored_composed_in_a_table_cell() {
    for (events, want) in ime_vectors() {
        let (_dir, mut app) = start();
        go(&mut app, "bang");
        assert_eq!(app.focus(), Focus::Table);
        send(&mut app, events);
        send(&mut app, tap(KeyCode::Tab, NONE));
        send(&mut app, keys(&["12"]));
        send(&mut app, tap(KeyCode::Tab, NONE));
        let Some(AnswerValue::Table(rows)) = stored(&app, "bang") else {
            panic!("a table: {:?}", stored(&app, "bang"));
        };
        assert_eq!(rows[0].get("noi_dung"), Some(&Cell::Text(want.into())));
        assert_eq!(rows[0].get("so"), Some(&Cell::Integer(12)));
    }
}

// ----- 3. pastes arrive as keys ---------------------------------------------------------------

#[test]
fn a_multi_line_paste_into_a_line_stays_on_the_question() {
    let (_dir, mut app) = start();
    send(&mut app, keys(&["Hòa Bình\nQuảng Ngãi\n"]));
    assert_eq!(current(&app), "ten");
    assert_eq!(stored(&app, "so_hieu"), None);
    send(&mut app, tap(KeyCode::Tab, NONE));
    assert_eq!(
        stored(&app, "ten"),
        Some(answer_text("Hòa Bình Quảng Ngãi"))
    );
}

#[test]
fn a_multi_line_paste_keeps_its_lines_in_a_paragraph_and_a_list() {
    let (_dir, mut app) = start();
    go(&mut app, "tinh_hinh");
    send(&mut app, keys(&["Dòng một\nDòng hai"]));
    assert_eq!(current(&app), "tinh_hinh");
    assert_eq!(
        stored(&app, "tinh_hinh"),
        Some(answer_text("Dòng một\nDòng hai"))
    );
    go(&mut app, "de_xuat");
    send(&mut app, keys(&["một\nhai\nba\n"]));
    assert_eq!(current(&app), "de_xuat");
    assert_eq!(
        stored(&app, "de_xuat"),
        Some(AnswerValue::List(vec![
            "một".into(),
            "hai".into(),
            "ba".into()
        ]))
    );
}

#[test]
fn a_typing_backlog_still_answers_and_moves_on() {
    let (_dir, mut app) = start();
    // A slow machine: the word and Enter were queued before the loop came back.
    send(&mut app, keys(&["Ba Dinh\n"]));
    assert_eq!(stored(&app, "ten"), Some(answer_text("Ba Dinh")));
    assert_eq!(current(&app), "so_hieu");
    // UniKey's bursts stay keys even with an Enter and more typing after them.
    let mut backlog = keys(UNIKEY_VIET);
    backlog.extend(keys(&["\n"]));
    backlog.extend(keys(&["c"]));
    send(&mut app, backlog);
    assert_eq!(stored(&app, "so_hieu"), Some(answer_text("việt")));
    assert_eq!(current(&app), "co_ke_hoach");
    assert_eq!(stored(&app, "co_ke_hoach"), Some(AnswerValue::Bool(true)));
}

// ----- 4. AltGr -------------------------------------------------------------------------------

#[test]
fn altgr_characters_are_typed_not_taken_as_shortcuts() {
    let (_dir, mut app) = start();
    // German AltGr+Q, Polish AltGr+A; Windows' Vietnamese layout types digits with AltGr and
    // sends tone marks as combining characters.
    for c in ['@', 'ą', '1', '2'] {
        send(&mut app, tap(KeyCode::Char(c), ALTGR));
    }
    send(&mut app, keys(&["Vi", "ê", "\u{323}", "t"]));
    assert_eq!(text(&app), "@ą12Việt");
    // AltGr+S and AltGr+Z: letters, not Ctrl+S or Ctrl+Z.
    send(&mut app, tap(KeyCode::Char('s'), ALTGR));
    send(&mut app, tap(KeyCode::Char('z'), ALTGR));
    assert_eq!(text(&app), "@ą12Việtsz");
    assert!(app.overlays.is_empty());
    // Where nothing is typed, an AltGr character does nothing ("c" alone answers yes).
    go(&mut app, "co_ke_hoach");
    send(&mut app, tap(KeyCode::Char('c'), ALTGR));
    assert_eq!(stored(&app, "co_ke_hoach"), None);
    send(&mut app, tap(KeyCode::Char('c'), NONE));
    assert_eq!(stored(&app, "co_ke_hoach"), Some(AnswerValue::Bool(true)));
}

// ----- 5. the console's control handler -------------------------------------------------------

/// Unsafe code is denied in the crate; only the Windows console handler may allow it.
#[test]
fn only_the_console_handler_allows_unsafe_code() {
    fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs")
                && std::fs::read_to_string(&path)
                    .expect("a source file")
                    .contains("unsafe_code")
            {
                found.push(path.strip_prefix(crate::common::path("")).map_or_else(
                    |_| path.display().to_string(),
                    |p| p.to_string_lossy().replace('\\', "/"),
                ));
            }
        }
    }
    let mut found = Vec::new();
    walk(&crate::common::path("src"), &mut found);
    assert_eq!(found, ["src/tui/console.rs"]);
    let console =
        std::fs::read_to_string(crate::common::path("src/tui/console.rs")).expect("console.rs");
    assert_eq!(console.matches("allow(\n        unsafe_code").count(), 1);
}

// ----- the loop's order -----------------------------------------------------------------------

/// Keys read in the burst after one that asks for `$EDITOR` wait until it has run, as they
/// waited in the terminal before bursts were read whole.
#[test]
fn keys_after_an_effect_wait_for_it() {
    let (_dir, mut app) = start();
    go(&mut app, "tinh_hinh");
    let mut burst = tap(KeyCode::F(5), NONE);
    burst.extend(keys(&["x"]));
    let mut queued: VecDeque<Event> = burst::coalesce(burst, true).into();
    baocao::tui::feed(&mut app, &mut queued);
    assert!(app.effect.is_some(), "F5 asks for the editor");
    assert_eq!(
        queued.len(),
        3,
        "F5's release and the tapped x wait: {queued:?}"
    );
    assert_eq!(text(&app), "");
}
