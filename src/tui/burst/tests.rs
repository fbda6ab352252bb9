//! Unit tests of `burst`: which bursts of Windows key events are one paste, which stay keys.

use super::*;
use ratatui::crossterm::event::KeyEventState;

fn key(code: KeyCode, mods: KeyModifiers, kind: KeyEventKind) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers: mods,
        kind,
        state: KeyEventState::NONE,
    })
}

/// A key as Windows' console sends it: a press, then a release.
fn tap(code: KeyCode, mods: KeyModifiers) -> [Event; 2] {
    [
        key(code, mods, KeyEventKind::Press),
        key(code, mods, KeyEventKind::Release),
    ]
}

/// `text` as Windows Terminal pastes it: each character tapped, "\r\n" and "\n" as Enter,
/// capitals with Shift.
fn pasted(text: &str) -> Vec<Event> {
    text.replace("\r\n", "\n")
        .chars()
        .flat_map(|c| match c {
            '\n' => tap(KeyCode::Enter, KeyModifiers::NONE),
            '\t' => tap(KeyCode::Tab, KeyModifiers::NONE),
            c if c.is_uppercase() => tap(KeyCode::Char(c), KeyModifiers::SHIFT),
            c => tap(KeyCode::Char(c), KeyModifiers::NONE),
        })
        .collect()
}

fn as_paste(events: Vec<Event>) -> Option<String> {
    match coalesce(events, true).as_slice() {
        [Event::Paste(text)] => Some(text.clone()),
        _ => None,
    }
}

/// The burst stays keys, untouched.
fn stays_keys(events: &[Event]) {
    assert_eq!(coalesce(events.to_vec(), true), events);
}

#[test]
fn a_multi_line_paste_is_one_paste() {
    assert_eq!(
        as_paste(pasted("Hòa Bình\r\nQuảng Ngãi")).as_deref(),
        Some("Hòa Bình\nQuảng Ngãi")
    );
    assert_eq!(
        as_paste(pasted("Chỉ tiêu\tSố lượng\nLớp học\t12")).as_deref(),
        Some("Chỉ tiêu\tSố lượng\nLớp học\t12")
    );
}

#[test]
fn a_paste_ending_with_a_line_break_keeps_it() {
    // Copied lines end with a break: the paste keeps it and never moves on.
    assert_eq!(
        as_paste(pasted("một\r\nhai\r\n")).as_deref(),
        Some("một\nhai\n")
    );
}

#[test]
fn a_typing_backlog_ending_with_enter_stays_keys() {
    // A slow machine: "abc" then Enter were queued before the loop came back. They must
    // answer the question and move on.
    stays_keys(&pasted("abc\n"));
    stays_keys(&pasted("abc\n\n"));
    // Enter, then Space (to answer the next yes/no question) is typing too.
    stays_keys(&pasted("abc\n "));
}

#[test]
fn a_single_line_paste_stays_keys() {
    stays_keys(&pasted("Ủy ban nhân dân xã Ba Dinh"));
    stays_keys(&pasted("1.250.000"));
}

#[test]
fn a_unikey_burst_stays_keys() {
    // Telex "viet65" in UniKey's Unicode mode: each composition is a Backspace, then the
    // composed letter, as VK_PACKET characters; an Enter and more typing after them.
    let mut burst = Vec::new();
    for c in [
        "v", "i", "e", "BS", "ê", "t", "BS", "BS", "ệ", "t", "\n", "n", "a", "m",
    ] {
        match c {
            "BS" => burst.extend(tap(KeyCode::Backspace, KeyModifiers::NONE)),
            s => burst.extend(pasted(s)),
        }
    }
    stays_keys(&burst);
}

#[test]
fn a_burst_with_a_shortcut_an_arrow_or_altgr_stays_keys() {
    let mut with_ctrl = pasted("một\nhai");
    with_ctrl.extend(tap(KeyCode::Char('s'), KeyModifiers::CONTROL));
    stays_keys(&with_ctrl);
    let mut with_arrow = pasted("một\n");
    with_arrow.extend(tap(KeyCode::Down, KeyModifiers::NONE));
    with_arrow.extend(pasted("hai"));
    stays_keys(&with_arrow);
    let mut with_altgr = pasted("một\n");
    with_altgr.extend(tap(
        KeyCode::Char('@'),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    ));
    stays_keys(&with_altgr);
    let mut with_resize = pasted("một\nhai");
    with_resize.push(Event::Resize(80, 24));
    stays_keys(&with_resize);
}

#[test]
fn releases_add_nothing_and_presses_alone_are_enough() {
    // A terminal that sends no releases (or repeats, kitty's protocol) pastes the same text.
    let presses: Vec<Event> = pasted("một\nhai")
        .into_iter()
        .filter(|e| !matches!(e, Event::Key(k) if k.kind == KeyEventKind::Release))
        .collect();
    assert_eq!(as_paste(presses).as_deref(), Some("một\nhai"));
    let repeats: Vec<Event> = [
        key(KeyCode::Char('a'), KeyModifiers::NONE, KeyEventKind::Press),
        key(KeyCode::Enter, KeyModifiers::NONE, KeyEventKind::Repeat),
        key(KeyCode::Char('b'), KeyModifiers::NONE, KeyEventKind::Repeat),
    ]
    .into();
    assert_eq!(as_paste(repeats).as_deref(), Some("a\nb"));
}

#[test]
fn characters_outside_the_bmp_are_pasted_whole() {
    // Chữ Nôm: U+21A38 and U+5583, as crossterm joins a surrogate pair into one character.
    assert_eq!(as_paste(pasted("chữ\n𡨸喃")).as_deref(), Some("chữ\n𡨸喃"));
}

#[test]
fn where_the_terminal_marks_pastes_every_burst_stays_keys() {
    let burst = pasted("một\nhai");
    assert_eq!(coalesce(burst.clone(), false), burst);
    let marked = vec![Event::Paste("một\nhai".into())];
    assert_eq!(coalesce(marked.clone(), false), marked);
    assert_eq!(coalesce(marked.clone(), true), marked);
}
