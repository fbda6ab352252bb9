//! Unit tests of `keymap`: every key reaches the meaning the help says, in every place.

use super::*;

fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn backspace_and_ctrl_h_both_delete() {
    for f in [Focus::Line, Focus::Paragraph, Focus::List, Focus::Table] {
        assert_eq!(
            action_for(f, key(KeyCode::Backspace, NONE)),
            Some(Action::DeleteBack)
        );
        assert_eq!(
            action_for(f, key(KeyCode::Char('h'), CTRL)),
            Some(Action::DeleteBack)
        );
    }
}

#[test]
fn releases_are_ignored() {
    let mut k = key(KeyCode::Char('a'), NONE);
    k.kind = KeyEventKind::Release;
    assert_eq!(action_for(Focus::Line, k), None);
    k.kind = KeyEventKind::Repeat;
    assert_eq!(action_for(Focus::Line, k), Some(Action::Insert('a')));
}

#[test]
fn letters_type_in_texts_and_answer_yes_no_elsewhere() {
    assert_eq!(
        action_for(Focus::Line, key(KeyCode::Char('c'), NONE)),
        Some(Action::Insert('c'))
    );
    assert_eq!(
        action_for(Focus::YesNo, key(KeyCode::Char('c'), NONE)),
        Some(Action::AnswerYes)
    );
    assert_eq!(
        action_for(Focus::Line, key(KeyCode::Char('Ê'), SHIFT)),
        Some(Action::Insert('Ê'))
    );
}

#[test]
fn enter_depends_on_the_editor_and_tab_always_moves_on() {
    assert_eq!(
        action_for(Focus::Paragraph, key(KeyCode::Enter, NONE)),
        Some(Action::NewLine)
    );
    assert_eq!(
        action_for(Focus::Paragraph, key(KeyCode::Tab, NONE)),
        Some(Action::NextQuestion)
    );
    assert_eq!(
        action_for(Focus::Table, key(KeyCode::Tab, NONE)),
        Some(Action::NextCell)
    );
    assert_eq!(
        action_for(Focus::Table, key(KeyCode::PageDown, NONE)),
        Some(Action::NextQuestion)
    );
}

const EVERY_FOCUS: [Focus; 16] = [
    F::Line,
    F::Paragraph,
    F::YesNo,
    F::Choice,
    F::Choices,
    F::ChoiceOther,
    F::List,
    F::Table,
    F::Outline,
    F::Suggestions,
    F::Preview,
    F::Help,
    F::Review,
    F::Export,
    F::ExportName,
    F::Confirm,
];

#[test]
fn what_up_means_is_decided_by_the_place() {
    let up = key(KeyCode::Up, NONE);
    let cases = [
        (F::Line, Some(Action::CursorUp)),
        (F::Paragraph, Some(Action::CursorUp)),
        (F::YesNo, Some(Action::SwitchYesNo)),
        (F::Choice, Some(Action::SelectPrevOption)),
        (F::ChoiceOther, Some(Action::SelectPrevOption)),
        (F::List, Some(Action::PrevItem)),
        (F::Table, Some(Action::PrevRow)),
        (F::Outline, Some(Action::SelectPrev)),
        (F::ExportName, Some(Action::SelectPrev)),
        (F::Help, Some(Action::ScrollUp)),
        (F::Confirm, None),
    ];
    for (focus, meaning) in cases {
        assert_eq!(action_for(focus, up), meaning, "{focus:?}");
    }
    assert_eq!(
        action_for(F::Choice, key(KeyCode::Enter, NONE)),
        Some(Action::ChooseAndNext)
    );
    assert_eq!(
        action_for(F::Review, key(KeyCode::Enter, NONE)),
        Some(Action::Confirm)
    );
}

/// `update` routes a meaning to whoever has focus without interpreting it again, so a
/// meaning is either one for answering (the app or an editor) or one for a dialog, never
/// both — except quitting, saving, help, and typing in a text that a dialog has too.
#[test]
fn no_meaning_serves_both_an_editor_and_a_dialog() {
    let shared = |a: &Action| matches!(a, Action::Quit | Action::Save | Action::Help);
    let typing = |a: &Action| {
        matches!(
            a,
            Action::DeleteBack
                | Action::DeleteForward
                | Action::CursorLeft
                | Action::CursorRight
                | Action::WordLeft
                | Action::WordRight
                | Action::LineStart
                | Action::LineEnd
        )
    };
    let mut places: Vec<(&Action, Focus)> = Vec::new();
    for b in BINDINGS {
        for focus in EVERY_FOCUS {
            if let Some(a) = b.action(focus)
                && !shared(a)
                && !(typing(a) && focus.takes_text())
            {
                places.push((a, focus));
            }
        }
    }
    for (a, f) in &places {
        for (b, g) in &places {
            assert!(
                a != b || f.answering() == g.answering(),
                "{a:?} means something both in {f:?} and in {g:?}"
            );
        }
    }
}

#[test]
fn the_help_screen_lists_every_binding() {
    let groups = help_groups();
    for b in BINDINGS {
        assert!(
            groups.iter().any(|(_, rows)| rows
                .iter()
                .any(|r| std::ptr::eq(*r, b) || (r.label == b.label && r.help == b.help))),
            "{} ({}) is missing from the help screen",
            b.label,
            b.help
        );
    }
}

#[test]
fn every_bar_entry_has_a_label_and_help() {
    for f in [Focus::Line, Focus::Paragraph, Focus::Table, Focus::Review] {
        let entries: Vec<_> = bar(f, true, true, false).collect();
        assert!(!entries.is_empty());
        assert!(
            entries
                .iter()
                .all(|b| !b.label.is_empty() && !b.help.is_empty())
        );
    }
    // F8 shows only where an answer carried over waits for review.
    let f8 = |review| bar(Focus::Line, false, review, false).any(|b| b.label == "F8");
    assert!(f8(true));
    assert!(!f8(false));
}

#[test]
fn a_read_only_session_is_offered_no_save_or_undo() {
    for f in [Focus::Line, Focus::Paragraph, Focus::List, Focus::Table] {
        let labels =
            |read_only| -> Vec<&str> { bar(f, false, false, read_only).map(|b| b.label).collect() };
        assert!(
            labels(false).contains(&"Ctrl+S"),
            "{f:?}: {:?}",
            labels(false)
        );
        let viewing = labels(true);
        for edit in ["Ctrl+S", "Ctrl+Z", "Ctrl+Y"] {
            assert!(!viewing.contains(&edit), "{f:?}: {viewing:?}");
        }
        assert!(viewing.contains(&"Ctrl+Q"), "{f:?}: {viewing:?}");
    }
}

/// Windows reports AltGr as Ctrl+Alt: a character typed with it goes into the text, which is
/// right only while no binding uses Ctrl+Alt with a character (it would never be reached in a
/// text).
#[test]
fn no_binding_takes_an_altgr_character() {
    let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
    for b in BINDINGS {
        for k in b.keys {
            assert!(
                !(matches!(k.0, KeyCode::Char(_)) && k.1.contains(altgr)),
                "{} uses Ctrl+Alt with a character: AltGr types it in a text",
                b.label
            );
        }
    }
    for c in ['@', '€', 'ą', '1', 's'] {
        assert_eq!(
            action_for(Focus::Line, key(KeyCode::Char(c), altgr)),
            Some(Action::Insert(c))
        );
        assert_eq!(action_for(Focus::YesNo, key(KeyCode::Char(c), altgr)), None);
    }
}
