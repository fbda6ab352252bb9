//! The editor of a line, paragraph, number or date question, over the shared [`TextInput`].
//!
//! Owns: [`TextKind`]; filling the text from a stored answer; turning the text back into an
//! answer ([`value`]: a number or date that does not parse is kept as typed, with the reason);
//! tidying numbers and dates when the field is left; [`edit`], the typing every text input
//! shares (lists, tables, a choice's "other", the export dialog's file name use it too); how
//! the editor answers an action ([`handle`]); and its look ([`draw`]: a bordered field, the
//! placeholder, the hint under it).
//!
//! Must not: read keys (it gets meanings), know the app, or touch the answers store.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::{Looks, Outcome, Value, raw_text};
use crate::answers::AnswerValue;
use crate::messages::ui;
use crate::tui::action::Action;
use crate::tui::fit::{safe, wrapped_height};
use crate::tui::text_input::TextInput;
use crate::vn;

/// What the editor of a text-like question accepts (read in the core).
pub use crate::answers::typed::TextKind;

/// The input of a text of `kind`, filled from a stored answer or else from the raw text kept
/// when the answer did not fit.
pub fn from_answer(
    kind: TextKind,
    answer: Option<&AnswerValue>,
    raw: Option<&serde_yaml::Value>,
) -> TextInput {
    let s = match answer {
        Some(AnswerValue::Text(s)) => s.clone(),
        Some(v @ (AnswerValue::Integer(_) | AnswerValue::Decimal(_))) => v.display(),
        Some(AnswerValue::Date(d)) => vn::date_short(d),
        _ => raw.and_then(raw_text).unwrap_or_default(),
    };
    match kind {
        TextKind::Paragraph => TextInput::paragraph(&s),
        TextKind::Line => TextInput::line(&s).wrapped(),
        _ => TextInput::line(&s),
    }
}

/// A number or date shows its value the Vietnamese way when left: "1250000" → "1.250.000";
/// what does not parse stays as the official wrote it.
pub fn tidy(kind: TextKind, input: &mut TextInput) {
    if matches!(kind, TextKind::Integer | TextKind::Decimal | TextKind::Date)
        && let Value::Answer(v) = value(kind, &input.text())
    {
        let shown = match &v {
            AnswerValue::Date(d) => vn::date_short(d),
            v => v.display(),
        };
        *input = TextInput::line(&shown);
    }
}

/// A typed text as an answer of its kind (the core reads it).
pub fn value(kind: TextKind, text: &str) -> Value {
    crate::answers::typed::text_value(kind, text)
}

/// The editor's answer to an action: typing, or moving on.
pub fn handle(input: &mut TextInput, action: &Action) -> Outcome {
    match action {
        Action::AcceptAndNext => Outcome::next(),
        other => Outcome::changed(edit(input, other)),
    }
}

/// Applies a typing action to any text input; returns whether the text changed (told by the
/// edit itself: no copy of a long text is compared on every key). Anything else is ignored.
pub fn edit(input: &mut TextInput, action: &Action) -> bool {
    match action {
        Action::Insert(c) => {
            input.insert_char(*c);
            true
        }
        Action::Paste(s) => {
            input.insert_str(s);
            !s.is_empty()
        }
        Action::DeleteBack => input.backspace(),
        Action::DeleteForward => input.delete(),
        Action::NewLine if input.is_multiline() => {
            input.newline();
            true
        }
        other => {
            match other {
                Action::CursorLeft => input.left(),
                Action::CursorRight => input.right(),
                Action::WordLeft => input.word_left(),
                Action::WordRight => input.word_right(),
                Action::LineStart => input.home(),
                Action::LineEnd => input.end(),
                Action::CursorUp => {
                    input.up();
                }
                Action::CursorDown => {
                    input.down();
                }
                _ => {}
            }
            false
        }
    }
}

/// Rows the editor needs to be usable.
pub fn min_height(kind: TextKind) -> u16 {
    if kind == TextKind::Paragraph { 5 } else { 3 }
}

/// The line under the field saying what it accepts.
pub fn hint(kind: TextKind) -> Option<&'static str> {
    match kind {
        TextKind::Integer | TextKind::Decimal => Some(ui::HINT_NUMBER),
        TextKind::Date => Some(ui::HINT_DATE),
        TextKind::Line | TextKind::Paragraph => None,
    }
}

/// A bordered field; empty, it shows what to type (or the default) greyed.
pub fn draw(frame: &mut Frame, kind: TextKind, input: &TextInput, looks: &Looks, area: Rect) {
    let (theme, default, kind) = (looks.theme, looks.default, &kind);
    let height = match kind {
        TextKind::Paragraph => area.height,
        // A one-line answer shows whole, wrapped, however long it is.
        _ => wrapped_height(&format!("{}  ", input.text()), area.width.saturating_sub(2))
            .saturating_add(2)
            .min(area.height),
    };
    let [field, _] = Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(area);
    let block = Block::bordered().border_style(theme.border_focused);
    let inner = block.inner(field);
    frame.render_widget(block, field);
    frame.render_widget(input.textarea(), inner);
    if input.text().is_empty() {
        let placeholder = match (default, kind) {
            (Some(d), _) => ui::placeholder_default(&safe(d)),
            (None, TextKind::Paragraph) => ui::PLACEHOLDER_PARAGRAPH.to_owned(),
            (None, TextKind::Date) => ui::PLACEHOLDER_DATE.to_owned(),
            (None, TextKind::Integer) => ui::PLACEHOLDER_INTEGER.to_owned(),
            (None, TextKind::Decimal) => ui::PLACEHOLDER_NUMBER.to_owned(),
            (None, TextKind::Line) => ui::PLACEHOLDER_LINE.to_owned(),
        };
        let [_, rest] =
            Layout::horizontal([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        frame.render_widget(
            Paragraph::new(Line::styled(placeholder, theme.placeholder)),
            Rect {
                height: 1.min(rest.height),
                ..rest
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::Editor;
    use super::*;

    #[test]
    fn numbers_and_dates_are_tidied_when_left() {
        let mut e = Editor::Text {
            kind: TextKind::Integer,
            input: TextInput::line("1250000"),
        };
        e.tidy();
        let Editor::Text { input, .. } = &e else {
            unreachable!()
        };
        assert_eq!(input.text(), "1.250.000");
        let mut bad = Editor::Text {
            kind: TextKind::Date,
            input: TextInput::line("31/2/2025"),
        };
        bad.tidy();
        assert!(matches!(bad.value(), Value::Raw { .. }));
        let Editor::Text { input, .. } = &bad else {
            unreachable!()
        };
        assert_eq!(input.text(), "31/2/2025", "an invalid date stays as typed");
    }
}
