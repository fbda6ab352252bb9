//! The export dialog: which formats, the NĐ 30 frame, the Word font size, the file name.
//!
//! Owns: [`ExportDialog`] — its rows and their handling, the check of the typed name, the
//! files it would write and their bytes (by `report::encode`), what the last write gave, and
//! its drawing; [`default_file_name`].
//!
//! Must not: write files (asking to write is a [`Request::WriteExport`], which the app hands
//! to the loop as an effect) or change the app.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::action::Action;
use super::super::editor::edit_text;
use super::super::fit::{fit_tail, safe};
use super::super::keymap::Focus;
use super::super::text_input::TextInput;
use super::super::theme::Theme;
use super::super::view::titled;
use super::{ConfirmOverwrite, Outcome, Overlay, Request, popup};
use crate::files;
use crate::messages::ui;
use crate::report::{self, BodySize, Document, FileFormat};

/// The export dialog.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    /// Each format and whether it is chosen.
    pub formats: Vec<(FileFormat, bool)>,
    /// Include the NĐ 30 header and signature blocks.
    pub full: bool,
    /// The body's font size in the Word file.
    pub size: BodySize,
    /// The file name without extension.
    pub name: TextInput,
    /// The folder files are written to.
    pub folder: PathBuf,
    /// Highlighted row: formats, then "full", the Word font size, the name.
    pub cursor: usize,
    /// Files written, or the error.
    pub result: Option<Result<Vec<PathBuf>, String>>,
}

impl ExportDialog {
    /// The dialog for files named `name` in `folder`, Word chosen, with the full frame.
    pub fn new(folder: PathBuf, name: &str, size: BodySize) -> Self {
        ExportDialog {
            // Word first and chosen: it is what officials hand in.
            formats: vec![
                (FileFormat::Word, true),
                (FileFormat::Text, false),
                (FileFormat::Markdown, false),
            ],
            full: true,
            size,
            name: TextInput::line(name),
            folder,
            cursor: 0,
            result: None,
        }
    }

    fn rows(&self) -> usize {
        self.formats.len() + 3
    }

    /// The row of the "full frame" switch.
    pub fn full_row(&self) -> usize {
        self.formats.len()
    }

    /// The row of the Word font size.
    pub fn size_row(&self) -> usize {
        self.formats.len() + 1
    }

    /// Whether the name row has the keyboard.
    pub fn on_name(&self) -> bool {
        self.cursor == self.formats.len() + 2
    }

    /// What has the keyboard: the name row takes letters.
    pub fn focus(&self) -> Focus {
        if self.on_name() {
            Focus::ExportName
        } else {
            Focus::Export
        }
    }

    /// The file name without extension, as typed: a typed ".txt", ".md" or ".docx" is dropped; a
    /// name with a folder separator is refused (files go into the folder shown).
    pub fn base_name(&self) -> Result<String, String> {
        report::base_name(&self.name.text()).map_err(|bad| {
            match bad {
                report::BadName::Empty => ui::EXPORT_NOTHING_CHOSEN,
                report::BadName::NotAName => ui::EXPORT_BAD_NAME,
            }
            .to_owned()
        })
    }

    /// The files that would be written.
    pub fn paths(&self) -> Vec<PathBuf> {
        let Ok(name) = self.base_name() else {
            return Vec::new();
        };
        self.formats
            .iter()
            .filter(|(_, on)| *on)
            .map(|(f, _)| self.folder.join(format!("{name}.{}", f.extension())))
            .collect()
    }

    /// The files that would be written, each with its bytes.
    pub fn files(&self, doc: &Document) -> Vec<(PathBuf, Vec<u8>)> {
        let chosen = self.formats.iter().filter(|(_, on)| *on).map(|(f, _)| *f);
        chosen
            .zip(self.paths())
            .map(|(format, path)| (path, report::encode(format, doc, self.full, self.size)))
            .collect()
    }

    pub fn handle(&mut self, action: &Action) -> Outcome {
        let formats = self.formats.len();
        match action {
            Action::SelectPrev | Action::SelectNext => {
                let forward = *action == Action::SelectNext;
                self.cursor = if forward {
                    (self.cursor + 1) % self.rows()
                } else {
                    (self.cursor + self.rows() - 1) % self.rows()
                };
            }
            Action::ToggleRow if self.cursor < formats => {
                self.formats[self.cursor].1 = !self.formats[self.cursor].1;
            }
            Action::ToggleRow if self.cursor == self.full_row() => self.full = !self.full,
            Action::ToggleRow if self.cursor == self.size_row() => {
                self.size = match self.size {
                    BodySize::Fourteen => BodySize::Thirteen,
                    BodySize::Thirteen => BodySize::Fourteen,
                };
                return Outcome::Then(Request::KeepExportSize(self.size));
            }
            Action::Confirm => return self.confirm(),
            other if self.on_name() => {
                // Editing the name makes the last result stale.
                self.result = None;
                edit_text(&mut self.name, other);
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// Enter: the files are written, or the official is asked before any is overwritten,
    /// or told why nothing can be.
    fn confirm(&mut self) -> Outcome {
        self.result = None;
        let paths = self.paths();
        if let Err(message) = self.base_name() {
            self.result = Some(Err(message));
        } else if paths.is_empty() {
            self.result = Some(Err(ui::EXPORT_NOTHING_CHOSEN.to_owned()));
        } else {
            let existing: Vec<PathBuf> = paths.into_iter().filter(|p| p.exists()).collect();
            if existing.is_empty() {
                return Outcome::Then(Request::WriteExport);
            }
            let ask = ConfirmOverwrite { paths: existing };
            return Outcome::Then(Request::Open(Box::new(Overlay::ConfirmOverwrite(ask))));
        }
        Outcome::Stay
    }

    pub fn draw(&self, frame: &mut Frame, theme: &Theme, body: Rect) {
        let rect = popup(body, 76, 16);
        frame.render_widget(Clear, rect);
        let inner = titled(frame, rect, ui::EXPORT_TITLE, theme.border_focused);
        let row_style = |row: usize| {
            if self.cursor == row {
                theme.selected
            } else {
                Style::default()
            }
        };
        let mut lines = Vec::new();
        for (i, (format, on)) in self.formats.iter().enumerate() {
            let label = match format {
                FileFormat::Word => ui::FORMAT_WORD,
                FileFormat::Text => ui::FORMAT_TEXT,
                FileFormat::Markdown => ui::FORMAT_MARKDOWN,
            };
            lines.push(Line::styled(
                format!("[{}] {label}", if *on { "x" } else { " " }),
                row_style(i),
            ));
        }
        lines.push(Line::styled(
            format!(
                "[{}] {}",
                if self.full { "x" } else { " " },
                ui::EXPORT_FULL
            ),
            row_style(self.full_row()),
        ));
        lines.push(Line::styled(
            ui::export_size(self.size.points()),
            row_style(self.size_row()),
        ));
        // One row: a long folder shows its end, where the names that matter are.
        let folder_room = inner
            .width
            .saturating_sub(u16::try_from(ui::EXPORT_FOLDER.width() + 1).unwrap_or(0));
        lines.push(Line::raw(format!(
            "{} {}",
            ui::EXPORT_FOLDER,
            fit_tail(&safe(&files::shown(&self.folder)), folder_room)
        )));
        let name_row = u16::try_from(lines.len()).unwrap_or(0);
        lines.push(Line::raw(ui::EXPORT_NAME));
        lines.push(Line::raw(""));
        match &self.result {
            Some(Ok(paths)) => {
                lines.push(Line::styled(ui::EXPORT_WRITTEN, theme.ok));
                lines.extend(
                    paths
                        .iter()
                        .map(|p| Line::raw(format!("  {}", safe(&files::shown(p))))),
                );
            }
            Some(Err(message)) => lines.push(Line::styled(safe(message), theme.error)),
            None => {}
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        self.draw_name(frame, inner, name_row);
    }

    /// The name field, after its label on row `name_row` of `inner`.
    fn draw_name(&self, frame: &mut Frame, inner: Rect, name_row: u16) {
        let label_w = u16::try_from(ui::EXPORT_NAME.width() + 1).unwrap_or(0);
        if inner.height > name_row {
            let rect = Rect {
                x: inner.x + label_w.min(inner.width),
                y: inner.y + name_row,
                width: inner.width.saturating_sub(label_w),
                height: 1,
            };
            if self.on_name() {
                frame.render_widget(self.name.textarea(), rect);
            } else {
                frame.render_widget(Paragraph::new(safe(&self.name.text())), rect);
            }
        }
    }
}
pub use crate::report::default_file_name;
