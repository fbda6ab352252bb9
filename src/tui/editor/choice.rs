//! The editor of a single or multiple choice question, with an optional free "other" text.
//!
//! Owns: [`ChoiceEditor`] — the options, which are chosen, the highlighted row, the "other"
//! text; filling it from a stored answer; its answer; how it answers an action
//! ([`ChoiceEditor::handle`]: move the highlight, choose, toggle, clear, type into "other")
//! and its look ([`ChoiceEditor::draw`]).
//!
//! Must not: read keys (it gets meanings), know the app, or touch the answers store.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Looks, Outcome, Value, text};
use crate::answers::AnswerValue;
use crate::messages::ui;
use crate::tui::action::Action;
use crate::tui::fit::safe;
use crate::tui::keymap::Focus;
use crate::tui::text_input::TextInput;

/// Single or multiple choice, with an optional free "other" text as the last row.
#[derive(Debug, Clone)]
pub struct ChoiceEditor {
    pub options: Vec<String>,
    pub multi: bool,
    /// The "other" text, when the question allows one.
    pub other: Option<TextInput>,
    /// Per row (options, then "other"): chosen?
    pub checked: Vec<bool>,
    /// The highlighted row.
    pub cursor: usize,
}

/// The choices stored for a single (`multi` false) or multiple choice.
pub fn chosen(answer: Option<&AnswerValue>, multi: bool) -> Vec<String> {
    match (answer, multi) {
        (Some(AnswerValue::Choice(s)), false) => vec![s.clone()],
        (Some(AnswerValue::Choices(v)), true) => v.clone(),
        _ => Vec::new(),
    }
}

impl ChoiceEditor {
    /// The editor of a single (`multi` false) or multiple choice, with `chosen` checked.
    pub fn new(options: &[String], other: bool, multi: bool, chosen: &[String]) -> Self {
        let key = |s: &str| -> String {
            use unicode_normalization::UnicodeNormalization;
            s.trim().nfc().collect()
        };
        let mut checked = vec![false; options.len() + usize::from(other)];
        let mut other_text = String::new();
        for c in chosen {
            match options.iter().position(|o| key(o) == key(c)) {
                Some(i) => checked[i] = true,
                None if other => {
                    other_text.clone_from(c);
                    checked[options.len()] = true;
                }
                None => {}
            }
        }
        let cursor = checked.iter().position(|c| *c).unwrap_or(0);
        ChoiceEditor {
            options: options.to_vec(),
            multi,
            other: other.then(|| TextInput::line(&other_text)),
            checked,
            cursor,
        }
    }

    /// Rows: the options, then "other".
    pub fn len(&self) -> usize {
        self.checked.len()
    }

    pub fn is_empty(&self) -> bool {
        self.checked.is_empty()
    }

    /// Whether the highlighted row is the "other" text.
    pub fn on_other(&self) -> bool {
        self.other.is_some() && self.cursor == self.options.len()
    }

    /// Moves the highlight; false at either end.
    pub fn step(&mut self, down: bool) -> bool {
        if down && self.cursor + 1 < self.len() {
            self.cursor += 1;
            true
        } else if !down && self.cursor > 0 {
            self.cursor -= 1;
            true
        } else {
            false
        }
    }

    /// Space: toggles the highlighted row (multiple), or chooses it (single, like a radio
    /// button: choosing again keeps it chosen).
    pub fn toggle(&mut self) {
        if self.is_empty() {
            return;
        }
        if self.multi {
            self.checked[self.cursor] = !self.checked[self.cursor];
        } else {
            self.choose();
        }
    }

    /// Un-chooses everything (Delete or Backspace on a single choice).
    pub fn clear(&mut self) {
        self.checked.iter_mut().for_each(|c| *c = false);
    }

    /// Chooses the highlighted row (single choice: Enter), without un-choosing it.
    pub fn choose(&mut self) {
        if self.is_empty() {
            return;
        }
        if !self.multi {
            self.checked.iter_mut().for_each(|c| *c = false);
        }
        self.checked[self.cursor] = true;
    }

    /// Typing into "other" checks it.
    pub fn typed_other(&mut self) {
        if !self.multi {
            self.checked.iter_mut().for_each(|c| *c = false);
        }
        if let Some(last) = self.checked.last_mut() {
            *last = true;
        }
    }

    /// The options chosen, as an answer.
    pub fn value(&self) -> Value {
        let mut chosen: Vec<String> = self
            .options
            .iter()
            .zip(&self.checked)
            .filter(|(_, c)| **c)
            .map(|(o, _)| o.clone())
            .collect();
        if let Some(other) = &self.other
            && self.checked.last().copied().unwrap_or(false)
        {
            let text = other.text().trim().to_owned();
            if !text.is_empty() {
                chosen.push(text);
            }
        }
        if chosen.is_empty() {
            Value::Empty
        } else if self.multi {
            Value::Answer(AnswerValue::Choices(chosen))
        } else {
            Value::Answer(AnswerValue::Choice(chosen.remove(0)))
        }
    }

    /// What has the keyboard: the options, or the "other" text.
    pub fn focus(&self) -> Focus {
        if self.on_other() {
            Focus::ChoiceOther
        } else if self.multi {
            Focus::Choices
        } else {
            Focus::Choice
        }
    }

    /// The editor's answer to an action. Choosing (or accepting what is shown) confirms it,
    /// even when it changes nothing (a default chosen as it stands).
    pub fn handle(&mut self, action: &Action) -> Outcome {
        let before = self.checked.clone();
        let out = Outcome {
            changed: false,
            next: matches!(action, Action::AcceptAndNext | Action::ChooseAndNext),
            confirmed: matches!(
                action,
                Action::ToggleChoice | Action::ChooseAndNext | Action::AcceptAndNext
            ),
        };
        match action {
            Action::SelectPrevOption => {
                self.step(false);
            }
            Action::SelectNextOption => {
                self.step(true);
            }
            Action::FirstOption => self.cursor = 0,
            Action::LastOption => self.cursor = self.len().saturating_sub(1),
            Action::AcceptAndNext => {}
            _ if self.on_other() => {
                return Outcome {
                    changed: self.edit_other(action),
                    ..out
                };
            }
            Action::ToggleChoice => self.toggle(),
            Action::ClearChoice if !self.multi => self.clear(),
            Action::ChooseAndNext if !self.multi => self.choose(),
            _ => {}
        }
        Outcome {
            changed: self.checked != before,
            ..out
        }
    }

    /// Typing into "other": text there checks it, none left un-checks it (the rest stays).
    fn edit_other(&mut self, action: &Action) -> bool {
        let before = self.checked.clone();
        let input = self.other.as_mut().expect("on other");
        let text_before = input.text();
        text::edit(input, action);
        let text_now = input.text();
        if text_now != text_before {
            if text_now.trim().is_empty() {
                if let Some(last) = self.checked.last_mut() {
                    *last = false;
                }
            } else {
                self.typed_other();
            }
            return true;
        }
        self.checked != before
    }

    /// Rows the editor needs to be usable.
    pub fn min_height(&self) -> u16 {
        u16::try_from(self.len()).unwrap_or(u16::MAX).min(4)
    }

    /// The line under the options saying how to choose.
    pub fn hint(&self) -> Option<&'static str> {
        self.multi.then_some(ui::HINT_CHOICES)
    }

    /// One row per option, "other" last with its text; the highlighted row kept in view.
    pub fn draw(&self, frame: &mut Frame, looks: &Looks, area: Rect) {
        let (c, theme) = (self, looks.theme);
        let rows = usize::from(area.height);
        let offset = c.cursor.saturating_sub(rows.saturating_sub(1));
        for (row, i) in (offset..c.len()).enumerate().take(rows) {
            let y = area.y + u16::try_from(row).unwrap_or(0);
            let mark = match (c.multi, c.checked[i]) {
                (true, true) => "[x]",
                (true, false) => "[ ]",
                (false, true) => "(•)",
                (false, false) => "( )",
            };
            let label = if i < c.options.len() {
                safe(&c.options[i])
            } else {
                ui::OTHER_LABEL.to_owned()
            };
            let style = if i == c.cursor {
                theme.selected
            } else {
                Style::default()
            };
            let text = format!("{mark} {label}");
            let line_area = Rect {
                x: area.x,
                y,
                width: area.width,
                height: 1,
            };
            frame.render_widget(Paragraph::new(Line::styled(text.clone(), style)), line_area);
            if i == c.options.len()
                && let Some(other) = &c.other
            {
                let used = u16::try_from(text.width() + 1).unwrap_or(u16::MAX);
                let rest = Rect {
                    x: area.x.saturating_add(used),
                    y,
                    width: area.width.saturating_sub(used),
                    height: 1,
                };
                if c.on_other() {
                    frame.render_widget(other.textarea(), rest);
                } else {
                    frame.render_widget(Paragraph::new(safe(&other.text())), rest);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(chosen: &[&str]) -> ChoiceEditor {
        let options = ["Có".to_owned(), "Không".to_owned()];
        let chosen: Vec<String> = chosen.iter().map(|s| (*s).to_owned()).collect();
        ChoiceEditor::new(&options, true, false, &chosen)
    }

    #[test]
    fn accepting_a_choice_shown_confirms_it_without_changing_it() {
        let mut c = single(&["Không"]);
        assert_eq!(c.cursor, 1, "the highlight starts on what is chosen");
        let out = c.handle(&Action::AcceptAndNext);
        assert_eq!(
            out,
            Outcome {
                changed: false,
                next: true,
                confirmed: true
            }
        );
        let moved = c.handle(&Action::SelectPrevOption);
        assert!(!moved.changed && !moved.confirmed && !moved.next);
        let chose = c.handle(&Action::ChooseAndNext);
        assert!(chose.changed && chose.next && chose.confirmed);
        assert_eq!(c.checked, [true, false, false]);
    }

    #[test]
    fn typing_into_other_chooses_it_and_emptying_it_lets_go() {
        let mut c = single(&["Có"]);
        c.handle(&Action::SelectNextOption);
        c.handle(&Action::SelectNextOption);
        assert_eq!(c.focus(), Focus::ChoiceOther);
        assert!(c.handle(&Action::Insert('x')).changed);
        assert_eq!(c.checked, [false, false, true]);
        // The text's own keys work there: clearing is Backspace, not "un-choose".
        assert!(!c.handle(&Action::ClearChoice).changed);
        assert!(c.handle(&Action::DeleteBack).changed);
        assert_eq!(c.checked, [false, false, false]);
        assert_eq!(c.value(), Value::Empty);
    }
}
