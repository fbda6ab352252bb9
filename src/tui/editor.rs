//! The editor of the current question: one kind per file under `editor/`, one enum here.
//!
//! Owns: [`Editor`] — which kind edits the current question, and the dispatch to that kind
//! for everything an editor does: filling itself from a stored answer ([`Editor::new`]),
//! turning back into an answer ([`Editor::value`]: a [`Value`], where what is typed but not
//! yet a valid number or date is kept raw so nothing is lost), what has the keyboard
//! ([`Editor::focus`], which picks the row of `keymap`'s table), answering an action
//! ([`Editor::handle`] → [`Outcome`]) and drawing itself ([`Editor::draw`], with the rows it
//! needs and the hint under it). The kinds: `text` (line, paragraph, number, date over the
//! shared `TextInput`), `yes_no`, `choice` (single, multiple, "other"), `list`, `table`.
//!
//! A new question kind is one file here — its state, `from_answer`, `value`, `handle`, `draw`,
//! `min_height`, `hint` — plus one arm of [`Editor`] and of each `match` below, a [`Focus`]
//! with its rows in `keymap::BINDINGS`, and the actions it needs in `action`.
//!
//! Must not: read keys (an editor gets meanings, never key codes), know the app or the
//! dialogs, or touch the answers store.

mod choice;
mod list;
mod table;
mod text;
mod yes_no;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::action::Action;
use super::keymap::Focus;
use super::text_input::TextInput;
use super::theme::Theme;
use crate::answers::AnswerValue;
use crate::questionnaire::{self, Question, QuestionKind};

pub use choice::ChoiceEditor;
pub use list::ListEditor;
pub use table::TableEditor;
pub use text::TextKind;
/// The typing every text input shares (a dialog's text field uses it too).
pub use text::edit as edit_text;

/// The editor of the current question.
#[derive(Debug, Clone)]
pub enum Editor {
    Text { kind: TextKind, input: TextInput },
    YesNo(Option<bool>),
    Choice(ChoiceEditor),
    List(ListEditor),
    Table(TableEditor),
}

/// What an editor holds, as an answer: nothing, an answer, or text kept as typed with the
/// reason (read in the core, `answers::typed`).
pub use crate::answers::typed::Typed as Value;

/// What an action did to an editor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The content changed: an undo step, and the answer is written.
    pub changed: bool,
    /// The official also asked for the next question.
    pub next: bool,
    /// The action says the answer shown is the official's, even when nothing changed (a
    /// default chosen as it stands is stored, so the confirmation is on record).
    pub confirmed: bool,
}

impl Outcome {
    fn changed(changed: bool) -> Self {
        Outcome {
            changed,
            ..Outcome::default()
        }
    }

    fn next() -> Self {
        Outcome {
            next: true,
            ..Outcome::default()
        }
    }
}

/// What an editor's drawing needs besides itself.
pub struct Looks<'a> {
    pub theme: &'a Theme,
    /// The question's default as shown (a text shows it greyed while empty).
    pub default: Option<&'a str>,
    /// A questionnaire text filled in with the answers (a table's column titles).
    pub text: &'a dyn Fn(&questionnaire::Text) -> String,
}

impl Editor {
    /// The editor for `question`, filled from its stored answer, or from the raw text kept
    /// when the stored answer did not fit.
    pub fn new(
        question: &Question,
        answer: Option<&AnswerValue>,
        raw: Option<&serde_yaml::Value>,
    ) -> Self {
        let text = |kind: TextKind| Editor::Text {
            kind,
            input: text::from_answer(kind, answer, raw),
        };
        match &question.kind {
            QuestionKind::Text => text(TextKind::Line),
            QuestionKind::Paragraph => text(TextKind::Paragraph),
            QuestionKind::Integer => text(TextKind::Integer),
            QuestionKind::Decimal => text(TextKind::Decimal),
            QuestionKind::Date => text(TextKind::Date),
            QuestionKind::YesNo => Editor::YesNo(yes_no::from_answer(answer)),
            QuestionKind::Choice { options, other } => Editor::Choice(ChoiceEditor::new(
                options,
                *other,
                false,
                &choice::chosen(answer, false),
            )),
            QuestionKind::Choices { options, other } => Editor::Choice(ChoiceEditor::new(
                options,
                *other,
                true,
                &choice::chosen(answer, true),
            )),
            QuestionKind::List => Editor::List(ListEditor::from_answer(answer)),
            QuestionKind::Table(spec) => Editor::Table(TableEditor::from_answer(spec, answer, raw)),
        }
    }

    /// The editor's content as an answer.
    pub fn value(&self) -> Value {
        match self {
            Editor::Text { kind, input } => text::value(*kind, &input.text()),
            Editor::YesNo(b) => yes_no::value(*b),
            Editor::Choice(c) => c.value(),
            Editor::List(l) => l.value(),
            Editor::Table(t) => t.value(),
        }
    }

    /// What has the keyboard while this editor is on screen.
    pub fn focus(&self) -> Focus {
        match self {
            Editor::Text {
                kind: TextKind::Paragraph,
                ..
            } => Focus::Paragraph,
            Editor::Text { .. } => Focus::Line,
            Editor::YesNo(_) => Focus::YesNo,
            Editor::Choice(c) => c.focus(),
            Editor::List(_) => Focus::List,
            Editor::Table(_) => Focus::Table,
        }
    }

    /// Applies an action meant for the editor; says what it did.
    pub fn handle(&mut self, action: &Action) -> Outcome {
        match self {
            Editor::Text { input, .. } => text::handle(input, action),
            Editor::YesNo(value) => yes_no::handle(value, action),
            Editor::Choice(c) => c.handle(action),
            Editor::List(l) => l.handle(action),
            Editor::Table(t) => t.handle(action),
        }
    }

    /// The text input that has the keyboard, if any.
    pub fn input(&self) -> Option<&TextInput> {
        match self {
            Editor::Text { input, .. } => Some(input),
            Editor::Choice(c) => c.other.as_ref().filter(|_| c.on_other()),
            Editor::List(l) => Some(&l.input),
            Editor::Table(t) => Some(&t.input),
            Editor::YesNo(_) => None,
        }
    }

    /// Every text input forgets its scrolling (the window changed size).
    pub fn reset_views(&mut self) {
        match self {
            Editor::Text { input, .. } => input.reset_view(),
            Editor::Choice(c) => {
                if let Some(other) = c.other.as_mut() {
                    other.reset_view();
                }
            }
            Editor::List(l) => l.input.reset_view(),
            Editor::Table(t) => t.input.reset_view(),
            Editor::YesNo(_) => {}
        }
    }

    /// Leaving the field: numbers and dates are shown the Vietnamese way ("1250000" →
    /// "1.250.000"); what does not parse stays as the official wrote it.
    pub fn tidy(&mut self) {
        match self {
            Editor::Text { kind, input } => text::tidy(*kind, input),
            Editor::Table(t) => {
                t.store_cell();
                t.tidy();
                t.load_cell();
            }
            Editor::YesNo(_) | Editor::Choice(_) | Editor::List(_) => {}
        }
    }

    /// Rows the editor needs to be usable.
    pub fn min_height(&self) -> u16 {
        match self {
            Editor::Text { kind, .. } => text::min_height(*kind),
            Editor::YesNo(_) => 1,
            Editor::Choice(c) => c.min_height(),
            Editor::List(_) => 3,
            // Header, the row being edited, the totals.
            Editor::Table(_) => 4,
        }
    }

    /// The line under the editor saying what it accepts or how it works, if any.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Editor::Text { kind, .. } => text::hint(*kind),
            Editor::YesNo(_) => None,
            Editor::Choice(c) => c.hint(),
            Editor::List(_) => Some(crate::messages::ui::HINT_LIST),
            Editor::Table(_) => Some(crate::messages::ui::HINT_TABLE),
        }
    }

    /// Draws the editor in `area`.
    pub fn draw(&self, frame: &mut Frame, looks: &Looks, area: Rect) {
        match self {
            Editor::Text { kind, input } => text::draw(frame, *kind, input, looks, area),
            Editor::YesNo(value) => yes_no::draw(frame, *value, looks, area),
            Editor::Choice(c) => c.draw(frame, looks, area),
            Editor::List(l) => l.draw(frame, looks, area),
            Editor::Table(t) => t.draw(frame, looks, area),
        }
    }
}

/// The index after (or before) `i` among `len`, if there is one.
fn neighbour(i: usize, len: usize, down: bool) -> Option<usize> {
    if down {
        Some(i + 1).filter(|&t| t < len)
    } else {
        i.checked_sub(1)
    }
}

/// The text kept for an answer that did not fit its question, when it is plain text.
pub fn raw_text(raw: &serde_yaml::Value) -> Option<String> {
    match raw {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
