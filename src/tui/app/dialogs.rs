//! The dialogs' side of the app: the top dialog handling an action, what it asks of the app
//! carried out, opening the review and export, confirming carried-over answers, and handing
//! the export's files to the loop.
//!
//! Must not: draw, or write files (the loop does, as an effect).

use std::path::{Path, PathBuf};

use super::super::action::Action;
use super::super::dialog::{self, ConfirmUnreviewed, Context, Outcome, Request};
use super::super::editor::Editor;
use super::super::text_input::TextInput;
use crate::answers::unsaved::Change;
use crate::flow::{self, Mark};
use crate::messages::ui;

use super::{App, Effect, ExportDialog, Overlay, ReviewRow, Snapshot, default_file_name};

impl App {
    /// An action for the dialog on top: it is taken off the stack, handles the action with
    /// the app as its [`Context`], and goes back unless it closed; then what it asked for is
    /// done.
    pub(super) fn dialog_action(&mut self, mut dialog: Overlay, action: &Action) {
        let outcome = dialog.handle(action, &*self);
        match outcome {
            Outcome::Stay => self.overlays.push(dialog),
            Outcome::Close => {}
            Outcome::Then(request) => {
                self.overlays.push(dialog);
                self.request(request);
            }
            Outcome::CloseThen(request) => self.request(request),
        }
    }

    /// Does what a dialog asked for.
    pub(super) fn request(&mut self, request: Request) {
        match request {
            Request::JumpToOutlineRow(selected) => {
                let rows = self.outline_rows();
                match (selected..rows).find_map(|r| self.first_visible_in_row(r)) {
                    Some(i) => {
                        self.overlays.pop();
                        self.go_to(i);
                    }
                    None => self.status = Some(ui::SECTION_HAS_NO_QUESTIONS.to_owned()),
                }
            }
            Request::JumpToQuestion(target) => match target {
                Some(i) if self.visible.contains(&i) => {
                    self.overlays.clear();
                    self.go_to(i);
                }
                _ => self.status = Some(ui::CANNOT_JUMP.to_owned()),
            },
            Request::InsertSuggestion(text) => self.insert_suggestion(&text),
            Request::OpenExport => self.open_export(),
            Request::OpenExportDialog => self.open_export_dialog(),
            Request::KeepExportSize(size) => self.export_size = size,
            Request::Open(dialog) => self.overlays.push(*dialog),
            Request::WriteExport => self.write_export(),
            Request::ExportRefused => {
                if let Some(Overlay::Export(dialog)) = self.overlays.last_mut() {
                    dialog.result = Some(Err(ui::EXPORT_NOT_WRITTEN.to_owned()));
                }
            }
        }
    }

    /// The first question that applies in an outline row.
    pub(super) fn first_visible_in_row(&self, row: usize) -> Option<usize> {
        if row == 0 {
            return self
                .visible
                .iter()
                .copied()
                .find(|&i| i < self.q.header_len);
        }
        let subtree = self.sections.subtree.get(row - 1)?;
        self.visible.iter().copied().find(|i| subtree.contains(i))
    }

    /// How far the document's header questions are answered.
    pub fn header_mark(&self) -> Mark {
        let invalid = flow::invalid_ids(&self.eval, &self.answers);
        let header: Vec<usize> = (0..self.q.header_len).collect();
        flow::mark_of(&self.q, &self.eval, &self.answers, &invalid, &header)
    }

    pub(super) fn insert_suggestion(&mut self, text: &str) {
        let Some(question) = self.current else { return };
        let Some(before) = self.editor.clone() else {
            return;
        };
        match self.editor.as_mut() {
            Some(Editor::Text { input, .. }) => {
                if input.is_multiline() && !input.text().trim().is_empty() {
                    // A paragraph gets the suggestion as a new line after what is there.
                    input.bottom();
                    input.newline();
                    input.insert_str(text);
                } else {
                    // A one-line answer is replaced: a suggestion is a whole answer.
                    *input = TextInput::line(text).wrapped();
                }
            }
            Some(Editor::List(l)) => l.add_item(text),
            _ => return,
        }
        self.undo.push(Snapshot {
            question,
            editor: before,
        });
        self.redo.clear();
        self.sync();
    }

    /// The review screen's rows: problems first, then answers kept aside.
    pub fn review_rows(&self) -> Vec<ReviewRow> {
        dialog::review::rows(&self.q, &self.eval, &self.answers)
    }

    /// The export dialog; first, when answers carried over from an earlier period were not
    /// looked at, a question that lists them.
    pub(super) fn open_export(&mut self) {
        let asks: Vec<String> = self
            .unreviewed()
            .into_iter()
            .map(|i| {
                let question = &self.q.questions[i];
                self.eval.text(&self.q, &question.ask)
            })
            .collect();
        if asks.is_empty() {
            self.open_export_dialog();
        } else {
            self.overlays
                .push(Overlay::ConfirmUnreviewed(ConfirmUnreviewed { asks }));
        }
    }

    /// The questions that apply and hold an answer carried over and not yet reviewed.
    pub fn unreviewed(&self) -> Vec<usize> {
        self.visible
            .iter()
            .copied()
            .filter(|&i| self.answers.unreviewed.contains(&self.q.questions[i].id))
            .collect()
    }

    /// Whether the current question's answer was carried over and waits to be reviewed.
    pub fn needs_review(&self) -> bool {
        self.current
            .is_some_and(|i| self.answers.unreviewed.contains(&self.q.questions[i].id))
    }

    /// The official says the carried-over answer is right as it is.
    pub(super) fn confirm_review(&mut self) {
        let Some(i) = self.current else { return };
        if self.read_only {
            self.status = Some(ui::READ_ONLY_REFUSED.to_owned());
            return;
        }
        let id = self.q.questions[i].id.clone();
        if self.answers.unreviewed.shift_remove(&id) {
            self.status = Some(ui::REVIEW_CONFIRMED.to_owned());
            self.changed(Change::Reviewed(id));
            self.refresh();
        }
    }

    pub(super) fn open_export_dialog(&mut self) {
        let folder = self
            .answers_path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        // Shown in full, so the official knows where to look for the files (without the
        // `\\?\` prefix Windows' own `canonicalize` puts before it).
        let folder = dunce::canonicalize(&folder).unwrap_or(folder);
        let issuer = self
            .eval
            .document
            .as_ref()
            .ok()
            .and_then(|d| d.frame.issuer.last().cloned())
            .unwrap_or_default();
        let name = self
            .export_name
            .clone()
            .unwrap_or_else(|| default_file_name(&self.q.id, &issuer));
        let dialog = ExportDialog::new(folder, &name, self.export_size);
        self.overlays.push(Overlay::Export(Box::new(dialog)));
    }

    /// Hands the files the export dialog (on top of the stack) asks for to the loop, as an
    /// [`Effect::Export`]; what became of them comes back as [`Action::Exported`].
    pub(super) fn write_export(&mut self) {
        let Some(Overlay::Export(dialog)) = self.overlays.last_mut() else {
            return;
        };
        match &self.eval.document {
            Err(err) => dialog.result = Some(Err(ui::export_render_failed(&err.to_string()))),
            Ok(doc) => {
                self.effect = Some(Effect::Export {
                    files: dialog.files(doc),
                });
            }
        }
    }

    /// The loop wrote an export's files (or failed to): the export dialog says so, and a name
    /// that served is offered again next time.
    pub(super) fn exported(&mut self, result: Result<Vec<PathBuf>, String>) {
        let Some(Overlay::Export(dialog)) = self.overlays.last_mut() else {
            return;
        };
        if result.is_ok() {
            self.export_name = dialog.base_name().ok();
        }
        dialog.result = Some(result);
    }
}
