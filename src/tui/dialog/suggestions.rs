//! The suggestions dialog: the question's suggested answers, filled in, to pick one.
//!
//! Owns: [`Suggestions`] — the texts and the highlighted one, moving it, handing the chosen
//! text to the app on Enter, and its drawing (each suggestion wrapped whole, the highlighted
//! one kept in view).
//!
//! Must not: change the answer itself (the app inserts the text, undoably).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::super::action::Action;
use super::super::fit::{safe, wrapped_height};
use super::super::theme::Theme;
use super::super::view::titled;
use super::{Outcome, Request, popup, step};
use crate::messages::ui;

/// The question's suggestions, filled in; the highlighted one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestions {
    pub items: Vec<String>,
    pub selected: usize,
}

impl Suggestions {
    /// The suggestions, the first highlighted.
    pub fn new(items: Vec<String>) -> Self {
        Suggestions { items, selected: 0 }
    }

    pub fn handle(&mut self, action: &Action) -> Outcome {
        match action {
            Action::SelectPrev | Action::SelectNext | Action::SelectFirst | Action::SelectLast => {
                self.selected = step(self.selected, self.items.len(), action);
                Outcome::Stay
            }
            Action::Confirm => match self.items.get(self.selected) {
                Some(text) => Outcome::CloseThen(Request::InsertSuggestion(text.clone())),
                None => Outcome::Close,
            },
            _ => Outcome::Stay,
        }
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, body: Rect) {
        let selected = self.selected;
        let width = body.width.saturating_sub(8).max(40).min(body.width);
        let texts: Vec<String> = self
            .items
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {}", i + 1, safe(s)))
            .collect();
        let heights: Vec<u16> = texts
            .iter()
            .map(|t| wrapped_height(t, width.saturating_sub(2)))
            .collect();
        let total: u16 = heights.iter().fold(0, |a, h| a.saturating_add(*h));
        let rect = popup(body, width, total.saturating_add(2).min(body.height));
        frame.render_widget(Clear, rect);
        let inner = titled(frame, rect, ui::SUGGESTIONS_TITLE, theme.border_focused);
        let lines: Vec<Line> = texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let style = if i == selected {
                    theme.selected
                } else {
                    Style::default()
                };
                Line::styled(text, style)
            })
            .collect();
        // Scroll so the highlighted suggestion is whole on screen.
        let before: u16 = heights[..selected.min(heights.len())]
            .iter()
            .fold(0, |a, h| a.saturating_add(*h));
        let mine = heights.get(selected).copied().unwrap_or(1);
        let offset = before
            .saturating_add(mine)
            .saturating_sub(inner.height)
            .min(before);
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .scroll((offset, 0)),
            inner,
        );
    }
}
