//! The editor of a yes/no question: an `Option<bool>` (no answer yet: `None`).
//!
//! Owns: filling it from a stored answer, its answer, how it answers an action ([`handle`]:
//! yes, no, switch, accept and move on) and its look ([`draw`]: two radio buttons on a line).
//!
//! Must not: read keys (it gets meanings), know the app, or touch the answers store.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Looks, Outcome, Value};
use crate::answers::AnswerValue;
use crate::messages::ui;
use crate::tui::action::Action;

/// The editor's state, filled from a stored answer.
pub fn from_answer(answer: Option<&AnswerValue>) -> Option<bool> {
    match answer {
        Some(AnswerValue::Bool(b)) => Some(*b),
        _ => None,
    }
}

/// The answer it holds.
pub fn value(value: Option<bool>) -> Value {
    value.map_or(Value::Empty, |b| Value::Answer(AnswerValue::Bool(b)))
}

/// The editor's answer to an action. Every yes/no action confirms what is shown, even when it
/// changes nothing (a default chosen as it stands).
pub fn handle(value: &mut Option<bool>, action: &Action) -> Outcome {
    let before = *value;
    match action {
        Action::AnswerYes => *value = Some(true),
        Action::AnswerNo => *value = Some(false),
        Action::SwitchYesNo => *value = Some(!value.unwrap_or(false)),
        _ => {}
    }
    Outcome {
        changed: *value != before,
        next: *action == Action::AcceptAndNext,
        confirmed: matches!(
            action,
            Action::AnswerYes | Action::AnswerNo | Action::SwitchYesNo | Action::AcceptAndNext
        ),
    }
}

/// "( ) Có   (•) Không" on one line.
pub fn draw(frame: &mut Frame, value: Option<bool>, looks: &Looks, area: Rect) {
    let theme = looks.theme;
    let choice = |label: &str, on: bool| {
        let mark = if on { "(•)" } else { "( )" };
        Span::styled(
            format!(" {mark} {label} "),
            if on { theme.selected } else { Style::default() },
        )
    };
    let line = Line::from(vec![
        choice(ui::YES_KEYED, value == Some(true)),
        Span::raw("   "),
        choice(ui::NO_KEYED, value == Some(false)),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_yes_no_action_confirms_and_only_accepting_moves_on() {
        let mut v = None;
        let out = handle(&mut v, &Action::SwitchYesNo);
        assert_eq!(v, Some(true), "switching from no answer gives yes");
        assert!(out.changed && out.confirmed && !out.next);
        let out = handle(&mut v, &Action::AnswerYes);
        assert!(!out.changed && out.confirmed);
        let out = handle(&mut v, &Action::AcceptAndNext);
        assert!(!out.changed && out.confirmed && out.next);
        let out = handle(&mut v, &Action::CursorLeft);
        assert_eq!(out, Outcome::default(), "a text key means nothing here");
    }
}
