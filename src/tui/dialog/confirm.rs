//! The yes/no questions asked before an export: overwrite files that exist? export with
//! answers carried over and not reviewed?
//!
//! Owns: [`ConfirmOverwrite`] and [`ConfirmUnreviewed`] — what each lists, what yes and no
//! ask of the app, and their drawing.
//!
//! Must not: write files or open dialogs itself (the app does, on request).

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::super::action::Action;
use super::super::fit::{fit, safe};
use super::super::theme::Theme;
use super::super::view::titled;
use super::{Outcome, Request, popup};
use crate::files;
use crate::messages::ui;

/// Files exist: overwrite them?
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmOverwrite {
    /// The files that exist.
    pub paths: Vec<PathBuf>,
}

/// Answers carried over from an earlier period are not reviewed yet: export anyway?
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmUnreviewed {
    /// The questions, as asked.
    pub asks: Vec<String>,
}

impl ConfirmOverwrite {
    pub fn handle(&mut self, action: &Action) -> Outcome {
        match action {
            Action::DialogYes => Outcome::CloseThen(Request::WriteExport),
            Action::DialogNo => Outcome::CloseThen(Request::ExportRefused),
            _ => Outcome::Stay,
        }
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, body: Rect) {
        let paths = &self.paths;
        let rect = popup(body, 70, u16::try_from(paths.len() + 5).unwrap_or(u16::MAX));
        frame.render_widget(Clear, rect);
        let inner = titled(frame, rect, ui::OVERWRITE_TITLE, theme.error);
        let mut lines: Vec<Line> = vec![Line::raw(ui::OVERWRITE_QUESTION)];
        lines.extend(
            paths
                .iter()
                .map(|p| Line::raw(format!("  {}", safe(&files::shown(p))))),
        );
        lines.push(Line::styled(ui::OVERWRITE_KEYS, theme.prompt));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}

impl ConfirmUnreviewed {
    pub fn handle(&mut self, action: &Action) -> Outcome {
        match action {
            Action::DialogYes => Outcome::CloseThen(Request::OpenExportDialog),
            Action::DialogNo => Outcome::Close,
            _ => Outcome::Stay,
        }
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, body: Rect) {
        let asks = &self.asks;
        // As many as the screen holds; the rest are counted.
        let room = usize::from(body.height.saturating_sub(6)).clamp(1, 12);
        let shown = asks.len().min(room);
        let more = asks.len() - shown;
        let height = shown + 4 + usize::from(more > 0);
        let rect = popup(body, 76, u16::try_from(height).unwrap_or(u16::MAX));
        frame.render_widget(Clear, rect);
        let inner = titled(frame, rect, ui::UNREVIEWED_TITLE, theme.error);
        let mut lines: Vec<Line> = vec![Line::raw(ui::UNREVIEWED_QUESTION)];
        lines.extend(
            asks.iter()
                .take(shown)
                .map(|a| Line::raw(fit(&format!("  - {}", safe(a)), inner.width))),
        );
        if more > 0 {
            lines.push(Line::raw(ui::and_more(more)));
        }
        lines.push(Line::styled(ui::UNREVIEWED_KEYS, theme.prompt));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}
