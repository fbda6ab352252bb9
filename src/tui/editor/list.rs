//! The editor of a list question: one text per item.
//!
//! Owns: [`ListEditor`] — the items and the one being typed; filling it from a stored answer;
//! its answer; how it answers an action ([`ListEditor::handle`]: add, delete, move and go
//! through items, paste lines as items, type in the current one) and its look
//! ([`ListEditor::draw`]).
//!
//! Must not: read keys (it gets meanings), know the app, or touch the answers store.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Looks, Outcome, Value, neighbour, text};
use crate::answers::AnswerValue;
use crate::tui::action::Action;
use crate::tui::fit::{safe, wrapped_height};
use crate::tui::text_input::TextInput;

/// A list of texts; `input` edits `items[cursor]`.
#[derive(Debug, Clone)]
pub struct ListEditor {
    pub items: Vec<String>,
    pub cursor: usize,
    pub input: TextInput,
}

impl ListEditor {
    /// The editor of `items` (at least one), editing the last.
    pub fn new(items: Vec<String>) -> Self {
        let input = TextInput::line(&items[0]).wrapped();
        let mut editor = ListEditor {
            items,
            cursor: 0,
            input,
        };
        editor.go(editor.items.len() - 1);
        editor
    }

    /// The items with the one being typed included.
    pub fn items_now(&self) -> Vec<String> {
        let mut items = self.items.clone();
        items[self.cursor] = self.input.text();
        items
    }

    fn store(&mut self) {
        self.items[self.cursor] = self.input.text();
    }

    /// Edits item `i`.
    pub fn go(&mut self, i: usize) {
        self.store();
        self.cursor = i.min(self.items.len() - 1);
        self.input = TextInput::line(&self.items[self.cursor]).wrapped();
    }

    /// Enter: a new empty item after the current one.
    pub fn add_after(&mut self) {
        self.store();
        self.items.insert(self.cursor + 1, String::new());
        self.cursor += 1;
        self.input = TextInput::line("").wrapped();
    }

    /// Inserts a whole item after the current one (a suggestion); replaces an empty one.
    pub fn add_item(&mut self, text: &str) {
        self.store();
        if self.items[self.cursor].trim().is_empty() {
            self.items[self.cursor] = String::new();
        } else {
            self.items.insert(self.cursor + 1, String::new());
            self.cursor += 1;
        }
        self.input = TextInput::line("").wrapped();
        self.input.insert_str(text);
    }

    /// Pasted lines: the first goes where the cursor is, each other one becomes an item after
    /// it.
    pub fn paste_lines(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut lines = text.split('\n').filter(|l| !l.trim().is_empty());
        if let Some(first) = lines.next() {
            self.input.insert_str(first);
        }
        for line in lines {
            self.add_after();
            self.input.insert_str(line);
        }
    }

    /// Deletes the current item (an empty list keeps one empty item).
    pub fn delete_item(&mut self) {
        self.items.remove(self.cursor);
        if self.items.is_empty() {
            self.items.push(String::new());
        }
        self.cursor = self.cursor.min(self.items.len() - 1);
        self.input = TextInput::line(&self.items[self.cursor]).wrapped();
    }

    /// Moves the current item up or down; false at the end.
    pub fn move_item(&mut self, down: bool) -> bool {
        self.store();
        let Some(target) = neighbour(self.cursor, self.items.len(), down) else {
            return false;
        };
        self.items.swap(self.cursor, target);
        self.cursor = target;
        let col = self.input.cursor().1;
        self.input = TextInput::line(&self.items[self.cursor]).wrapped();
        self.input.set_cursor(0, col);
        true
    }

    /// The editor of a stored list (none: one empty item).
    pub fn from_answer(answer: Option<&AnswerValue>) -> Self {
        let items = match answer {
            Some(AnswerValue::List(items)) if !items.is_empty() => items.clone(),
            _ => vec![String::new()],
        };
        Self::new(items)
    }

    /// The items as an answer; empty items are dropped, and so is a "- " typed by habit (the
    /// report adds its own).
    pub fn value(&self) -> Value {
        crate::answers::typed::list_items(&self.items_now())
    }

    /// The editor's answer to an action: items added, deleted, moved, gone through; anything
    /// else is typing in the current item.
    pub fn handle(&mut self, action: &Action) -> Outcome {
        let before = self.items_now();
        match action {
            Action::AddListItem => self.add_after(),
            // Pasted lines become items, as the list's help says: one per line.
            Action::Paste(text) if text.contains(['\n', '\r']) => self.paste_lines(text),
            Action::DeleteListItem => self.delete_item(),
            Action::MoveItemUp => {
                self.move_item(false);
            }
            Action::MoveItemDown => {
                self.move_item(true);
            }
            Action::PrevItem if self.cursor > 0 => self.go(self.cursor - 1),
            // On the first item: up a row inside it (a long item shows wrapped).
            Action::PrevItem => {
                text::edit(&mut self.input, &Action::CursorUp);
            }
            Action::NextItem => self.go(self.cursor + 1),
            Action::DeleteBack if self.input.text().is_empty() && self.items.len() > 1 => {
                // Backspace in an empty item removes it and goes to the end of the one
                // before, as in a word processor's list.
                let was = self.cursor;
                self.delete_item();
                if was > 0 {
                    self.go(was - 1);
                    self.input.end();
                }
            }
            other => {
                text::edit(&mut self.input, other);
            }
        }
        Outcome::changed(self.items_now() != before || self.items.len() != before.len())
    }

    /// Numbered items, the one being edited as a text field, kept whole in view.
    pub fn draw(&self, frame: &mut Frame, looks: &Looks, area: Rect) {
        const BULLET: u16 = 4;
        let (l, theme) = (self, looks.theme);
        let width = area.width.saturating_sub(BULLET).max(1);
        let heights: Vec<u16> = l
            .items_now()
            .iter()
            .map(|item| wrapped_height(&format!("{item}  "), width))
            .collect();
        // Start early enough that the item being edited is fully visible.
        let mut first = 0;
        while first < l.cursor
            && heights[first..=l.cursor]
                .iter()
                .map(|h| u32::from(*h))
                .sum::<u32>()
                > u32::from(area.height)
        {
            first += 1;
        }
        let mut y = area.y;
        for (i, item_height) in heights.iter().enumerate().skip(first) {
            if y >= area.bottom() {
                break;
            }
            let height = (*item_height).min(area.bottom() - y);
            let style = if i == l.cursor {
                theme.border_focused
            } else {
                Style::default()
            };
            frame.render_widget(
                Paragraph::new(Span::styled(format!("{:>2}. ", i + 1), style)),
                Rect {
                    x: area.x,
                    y,
                    width: BULLET.min(area.width),
                    height: 1,
                },
            );
            let rest = Rect {
                x: area.x.saturating_add(BULLET),
                y,
                width: area.width.saturating_sub(BULLET),
                height,
            };
            if i == l.cursor {
                frame.render_widget(l.input.textarea(), rest);
            } else {
                frame.render_widget(
                    Paragraph::new(safe(&l.items[i])).wrap(Wrap { trim: true }),
                    rest,
                );
            }
            y = y.saturating_add(height);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backspace_in_an_empty_item_removes_it_and_up_on_the_first_stays() {
        let mut l = ListEditor::new(vec!["một".to_owned(), "hai".to_owned()]);
        assert_eq!(l.cursor, 1);
        assert!(l.handle(&Action::AddListItem).changed);
        assert_eq!(l.items_now(), ["một", "hai", ""]);
        assert!(l.handle(&Action::DeleteBack).changed);
        assert_eq!(l.items_now(), ["một", "hai"]);
        assert_eq!(
            (l.cursor, l.input.cursor()),
            (1, (0, 3)),
            "at the end of the item before"
        );
        l.handle(&Action::PrevItem);
        l.handle(&Action::PrevItem);
        assert_eq!(l.cursor, 0);
        assert!(
            !l.handle(&Action::NextQuestion).changed,
            "not the list's to do"
        );
    }
}
