//! The help screen: every key, grouped by where it works, from the key table.
//!
//! Owns: [`Help`] — its scroll, and its text (made from `keymap::help_groups`, so it always
//! matches the keys).
//!
//! Must not: list keys of its own; change the app.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::super::action::Action;
use super::super::keymap;
use super::super::theme::Theme;
use super::Outcome;
use super::preview::{ScrollView, scroll_by, scrolled_text};
use crate::messages::ui;

/// Every key, scrolled by `scroll` lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    pub scroll: usize,
}

impl Help {
    pub fn handle(&mut self, action: &Action, view: ScrollView) -> Outcome {
        self.scroll = scroll_by(self.scroll, action, view);
        Outcome::Stay
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, body: Rect, view: &Cell<ScrollView>) {
        let mut lines: Vec<String> = Vec::new();
        for (title, rows) in keymap::help_groups() {
            lines.push(title.to_owned());
            lines.extend(rows.iter().map(|b| format!("  {:<12} {}", b.label, b.help)));
            lines.push(String::new());
        }
        lines.extend(ui::HELP_FOOTER.iter().map(|s| (*s).to_owned()));
        scrolled_text(
            frame,
            view,
            theme,
            body,
            ui::HELP_TITLE,
            &lines,
            self.scroll,
        );
    }
}
