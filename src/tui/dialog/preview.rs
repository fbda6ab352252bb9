//! The whole-report preview, and the scrolled text it, the help and the review share.
//!
//! Owns: [`Preview`] (its first line shown), [`scrolled_text`] — a titled, wrapped, scrolled
//! text that records how it was drawn in a [`ScrollView`] (ratatui's stateful-widget
//! pattern) — and [`scroll_by`], which pages by what the official saw.
//!
//! Must not: make the report's lines (the app does, once per revision) or change the app.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::super::action::Action;
use super::super::fit::{safe, wrap};
use super::super::theme::Theme;
use super::super::view::titled;
use super::Outcome;
use crate::messages::ui;

/// The whole report, scrolled by `scroll` lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preview {
    pub scroll: usize,
}

impl Preview {
    pub fn handle(&mut self, action: &Action, view: ScrollView) -> Outcome {
        self.scroll = scroll_by(self.scroll, action, view);
        Outcome::Stay
    }

    pub fn draw(
        &self,
        frame: &mut Frame,
        theme: &Theme,
        body: Rect,
        report: &[String],
        view: &Cell<ScrollView>,
    ) {
        let title = ui::FULL_PREVIEW_TITLE;
        scrolled_text(frame, view, theme, body, title, report, self.scroll);
    }
}

/// How a scrolled text was last drawn: the rows it had and the rows it needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScrollView {
    pub height: u16,
    pub total: usize,
}

/// A scrolled text's new first line, by pages of the height it was last drawn with, kept
/// within the text.
pub fn scroll_by(scroll: usize, action: &Action, view: ScrollView) -> usize {
    let height = usize::from(view.height.max(2));
    let page = height - 1;
    let last = view.total.saturating_sub(height);
    let scroll = scroll.min(last);
    match action {
        Action::ScrollUp => scroll.saturating_sub(1),
        Action::ScrollDown => (scroll + 1).min(last),
        Action::ScrollPageUp => scroll.saturating_sub(page),
        Action::ScrollPageDown => (scroll + page).min(last),
        Action::ScrollTop => 0,
        Action::ScrollBottom => last,
        _ => scroll,
    }
}

/// `lines` in a box titled `title` over `area`, wrapped, from row `scroll` on; how it was
/// drawn goes to `view`.
pub fn scrolled_text(
    frame: &mut Frame,
    view: &Cell<ScrollView>,
    theme: &Theme,
    area: Rect,
    title: &str,
    lines: &[String],
    scroll: usize,
) {
    frame.render_widget(Clear, area);
    let inner = titled(frame, area, title, theme.border_focused);
    // Wrapped here, with the same routine that counts the rows, so paging reaches the end.
    let mut rows: Vec<String> = Vec::new();
    for line in lines {
        wrap(&safe(line), inner.width, Some(&mut rows));
    }
    let total = rows.len();
    let max = total.saturating_sub(usize::from(inner.height));
    view.set(ScrollView {
        height: inner.height,
        total,
    });
    let text: Vec<Line> = rows
        .into_iter()
        .skip(scroll.min(max))
        .take(usize::from(inner.height))
        .map(Line::raw)
        .collect();
    frame.render_widget(Paragraph::new(text), inner);
}
