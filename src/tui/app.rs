//! The wizard's state and the one function that changes it.
//!
//! Owns: [`App`] — the questionnaire, the answers, the evaluation of both (what applies, the
//! document, problems, outline), the current question and its [`Editor`], the stack of
//! dialogs on top ([`Overlay`], each kind in `dialog/`: the top one handles the actions, and
//! the app does what it asks for), undo/redo, which fields have been left (their checks are
//! shown). What is not on disk yet — and so when to save and what to journal — is one
//! `answers::unsaved::Unsaved`, told what happened. [`App::update`] applies one [`Action`] — a
//! meaning, not a key — by routing it to the dialog on top, to the app's own handling (moving
//! between questions, undo, screens), or to the current [`Editor`], which applies it itself
//! and says what it did; keys arrive through [`App::key`], which asks `keymap` with
//! [`App::focus`], decided once here. Work that needs the terminal, the disk or a thread
//! (saving, `$EDITOR`, writing exported files) is handed out as a [`SaveJob`] or an
//! [`Effect`] for the loop in `tui.rs` to run; its result comes back as an action.
//!
//! The parts, each an `impl App` of its own: `answering` (the current question and moving
//! between questions), `dialogs` (what the top dialog asks for), `saving` (what the loop
//! writes), `reading` (what the view reads).
//!
//! Must not: draw, read the terminal, write files, or match raw key codes.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::action::Action;
use super::dialog::Help;
pub use super::dialog::{ExportDialog, Overlay, ReviewRow, ScrollView, default_file_name};
use super::editor::Editor;
use super::keymap::{self, Focus};
use crate::answers::Answers;
use crate::answers::unsaved::Unsaved;
use crate::flow::{self, Evaluation, Mark, Sections};
use crate::messages::ui;
use crate::questionnaire::Questionnaire;
use crate::report::BodySize;

pub use crate::answers::unsaved::SAVE_DELAY;

mod answering;
mod dialogs;
mod reading;
mod saving;

/// Where saving stands, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since the file was read.
    Unchanged,
    /// Saved at this time ("10:42:13").
    Saved(String),
    /// A save is under way or due.
    Saving,
    /// The last save failed: the message.
    Failed(String),
}

/// A save for the background writer.
#[derive(Debug, Clone)]
pub struct SaveJob {
    pub path: PathBuf,
    pub answers: Answers,
    pub questionnaire: Arc<Questionnaire>,
    pub revision: u64,
}

/// Work the loop must do with the terminal or the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open `$EDITOR` on this text; hand the result to [`App::external_edit_done`].
    ExternalEdit { text: String },
    /// Write these files, in order, stopping at the first that fails; hand the files written
    /// (or the message) back as [`Action::Exported`].
    Export { files: Vec<(PathBuf, Vec<u8>)> },
}

#[derive(Debug, Clone)]
struct Snapshot {
    question: usize,
    editor: Editor,
}

/// The wizard.
#[derive(Debug)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent flags read by the view and the loop"
)]
pub struct App {
    pub q: Arc<Questionnaire>,
    pub answers: Answers,
    pub answers_path: PathBuf,
    pub eval: Evaluation,
    pub sections: Sections,
    pub marks: Vec<Mark>,
    /// Questions that apply now, in order.
    pub visible: Vec<usize>,
    /// The current question (index into `q.questions`), if any applies.
    pub current: Option<usize>,
    pub editor: Option<Editor>,
    pub overlays: Vec<Overlay>,
    /// Narrow screens: show the paragraph preview under the question.
    pub show_preview: bool,
    /// A one-line message for the status bar, until the next action.
    pub status: Option<String>,
    pub save_state: SaveState,
    /// Questions the official has left once: their checks are shown.
    left: HashSet<usize>,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The last action typed a letter into this question (consecutive letters undo together).
    typing_in: Option<usize>,
    /// What is not on disk yet: revisions, journal records to append, the save under way.
    unsaved: Unsaved,
    pub effect: Option<Effect>,
    pub quit: bool,
    /// The file name of the last export, offered again.
    export_name: Option<String>,
    /// The Word font size last chosen.
    export_size: BodySize,
    /// Another session holds the answers file: nothing is changed, saved or journaled.
    pub read_only: bool,
    /// The answers changed since the last evaluation.
    stale: bool,
    /// The paragraph preview, for the revision and question it was made from.
    preview_cache: std::cell::RefCell<PreviewCache>,
    /// The whole report as text, for the revision it was made from.
    report_cache: std::cell::RefCell<Option<(u64, std::rc::Rc<Vec<String>>)>>,
    /// Written by the view when it draws a scrolled text (preview, help, review), so paging
    /// moves by what the official sees: ratatui's stateful-widget pattern.
    pub scroll_view: std::cell::Cell<ScrollView>,
}

impl App {
    /// A wizard on `answers`, resuming at the question recorded in them.
    pub fn new(q: Arc<Questionnaire>, answers: Answers, answers_path: PathBuf) -> Self {
        let eval = Evaluation::new(&q, &answers);
        let sections = Sections::new(&q);
        let marks = sections.marks(&q, &eval, &answers);
        let visible = eval.visible();
        let wanted = answers.position.as_deref().and_then(|id| q.index_of(id));
        let current = flow::resume_at(&visible, wanted).or_else(|| visible.first().copied());
        // Answers already in the file have been "left" before: their checks show at once.
        let left = q
            .questions
            .iter()
            .enumerate()
            .filter(|(_, question)| {
                answers.get(&question.id).is_some()
                    || answers.kept().any(|(id, _)| id == question.id)
            })
            .map(|(i, _)| i)
            .collect();
        let mut app = App {
            q,
            answers,
            answers_path,
            eval,
            sections,
            marks,
            visible,
            current,
            editor: None,
            overlays: Vec::new(),
            show_preview: false,
            status: None,
            save_state: SaveState::Unchanged,
            left,
            undo: Vec::new(),
            redo: Vec::new(),
            typing_in: None,
            unsaved: Unsaved::new(),
            effect: None,
            quit: false,
            export_name: None,
            export_size: BodySize::default(),
            read_only: false,
            stale: false,
            preview_cache: std::cell::RefCell::default(),
            report_cache: std::cell::RefCell::default(),
            scroll_view: std::cell::Cell::default(),
        };
        app.load_editor();
        app
    }

    /// What has the keyboard: the dialog on top, else the editor. Decided here only; the
    /// key table then says what a key means there.
    pub fn focus(&self) -> Focus {
        if let Some(dialog) = self.overlays.last() {
            return dialog.focus();
        }
        // No question applies: nothing to type into, the keys of a line field.
        self.editor.as_ref().map_or(Focus::Line, Editor::focus)
    }

    /// Handles a key press.
    pub fn key(&mut self, key: KeyEvent) {
        if let Some(action) = keymap::action_for(self.focus(), key) {
            self.update(action);
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        // Only plain typing may run on a stale evaluation (see `begin_batch`).
        if self.stale
            && !matches!(
                action,
                Action::Insert(_) | Action::DeleteBack | Action::DeleteForward | Action::Paste(_)
            )
        {
            self.reevaluate();
        }
        // A result coming back from the loop is not the official's doing: it leaves the
        // status line and the undo step alone.
        if !matches!(
            action,
            Action::Saved(_) | Action::Exported(_) | Action::Resize
        ) {
            self.status = None;
        }
        if !matches!(
            action,
            Action::Insert(_) | Action::DeleteBack | Action::Saved(_) | Action::Exported(_)
        ) {
            self.typing_in = None;
        }
        match action {
            Action::Quit => self.quit_now(),
            Action::Save if self.read_only => {
                // Nothing is written, so nothing is pretended: the official is told why.
                self.commit_current();
                self.status = Some(ui::READ_ONLY_REFUSED.to_owned());
            }
            Action::Save => {
                self.commit_current();
                self.unsaved.save_asked();
            }
            Action::Saved(result) => self.saved(result),
            Action::Exported(result) => self.exported(result),
            Action::Help => {
                if matches!(self.overlays.last(), Some(Overlay::Help(_))) {
                    self.overlays.pop();
                } else {
                    self.overlays.push(Overlay::Help(Help::default()));
                }
            }
            Action::Resize => {
                if let Some(editor) = self.editor.as_mut() {
                    editor.reset_views();
                }
            }
            _ => match self.overlays.pop() {
                Some(dialog) => self.dialog_action(dialog, &action),
                None => self.answer_action(action),
            },
        }
    }
}

type PreviewCache = Option<((u64, Option<usize>), std::rc::Rc<Vec<String>>)>;

const UNDO_LIMIT: usize = 500;

trait TruncateFront {
    fn truncate_front(&mut self, limit: usize);
}

impl<T> TruncateFront for Vec<T> {
    fn truncate_front(&mut self, limit: usize) {
        if self.len() > limit {
            self.drain(..self.len() - limit);
        }
    }
}
