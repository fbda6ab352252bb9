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
//! Must not: draw, read the terminal, write files, or match raw key codes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyEvent;

use super::action::Action;
use super::dialog::{
    self, ConfirmUnreviewed, Context, Help, Outcome, Outline, Preview, Request, Review, Suggestions,
};
pub use super::dialog::{ExportDialog, Overlay, ReviewRow, ScrollView, default_file_name};
use super::editor::{Editor, TextKind, Value};
use super::keymap::{self, Focus};
use super::text_input::TextInput;
use crate::answers::unsaved::{Change, Unsaved};
use crate::answers::{AnswerValue, Answers, Kept, KeptReason, journal};
use crate::flow::{self, Evaluation, Mark, Sections};
use crate::messages::ui;
use crate::questionnaire::{QuestionKind, Questionnaire};
use crate::report::{self, Block, BodySize, Document, Format};

pub use crate::answers::unsaved::SAVE_DELAY;

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

    // ----- answering -------------------------------------------------------------------------

    /// An action while answering: the app's own (moving, undo, screens) or else the editor's.
    fn answer_action(&mut self, action: Action) {
        match action {
            Action::NextQuestion => self.next(),
            Action::PrevQuestion => self.prev(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Suggestions => self.open_suggestions(),
            Action::Preview => self.overlays.push(Overlay::Preview(Preview::default())),
            Action::Outline => self.open_outline(),
            Action::TogglePreview => self.show_preview = !self.show_preview,
            Action::Finish => self.open_review(),
            Action::ExternalEditor => self.open_external(),
            Action::ConfirmReview => self.confirm_review(),
            other => self.edit(&other),
        }
    }

    /// An action for the current editor: it applies it, and says whether the answer changed
    /// (an undo step; the answer is written), was confirmed as shown, or the official moves on.
    fn edit(&mut self, action: &Action) {
        let Some(question) = self.current else {
            return;
        };
        let Some(editor) = self.editor.as_ref() else {
            return;
        };
        // A word typed undoes in one step, including the Backspaces an input method sends
        // to replace a letter with its accented form ("a", Backspace, "â"); a space starts
        // a new step, and so does anything else.
        let joins = matches!(*action, Action::Insert(c) if !c.is_whitespace())
            || matches!(*action, Action::DeleteBack);
        let joins = joins && self.typing_in == Some(question);
        // A single choice with a default cannot be left empty: the report would use the
        // default anyway, so un-choosing is refused and explained.
        if let (Action::ClearChoice, Editor::Choice(c)) = (action, editor)
            && !c.multi
            && !c.on_other()
            && self.q.questions[question].default.is_some()
        {
            self.status = Some(ui::CHOICE_HAS_DEFAULT.to_owned());
            return;
        }
        if let (Action::DeleteTableRow, Editor::Table(t)) = (action, editor)
            && t.row < t.spec.rows.len()
        {
            self.status = Some(ui::FIXED_ROW_CLEARED.to_owned());
        }
        // A letter that joins the undo step before needs no copy of the editor.
        let before = (!joins).then(|| editor.clone());
        let outcome = self.editor.as_mut().expect("checked above").handle(action);
        let changed = outcome.changed;
        // Choosing what the editor already shows (a default) is an answer too: it is stored,
        // so the official's confirmation is on record.
        let confirms = outcome.confirmed;
        let id = &self.q.questions[question].id;
        if !changed
            && confirms
            && self.answers.get(id).is_none()
            && matches!(
                self.editor.as_ref().map(Editor::value),
                Some(Value::Answer(_))
            )
        {
            self.sync();
        }
        if changed {
            if let Some(before) = before {
                self.undo.push(Snapshot {
                    question,
                    editor: before,
                });
                self.undo.truncate_front(UNDO_LIMIT);
            }
            self.redo.clear();
            self.typing_in =
                matches!(action, Action::Insert(_) | Action::DeleteBack).then_some(question);
            self.sync();
        }
        if outcome.next {
            self.next();
        }
    }

    /// Writes the editor's content into the answers and re-evaluates everything.
    fn sync(&mut self) {
        let (Some(i), Some(editor)) = (self.current, self.editor.as_ref()) else {
            return;
        };
        if self.read_only {
            // Every change to an answer passes here: in a read-only session it is undone.
            self.load_editor();
            self.status = Some(ui::READ_ONLY_REFUSED.to_owned());
            return;
        }
        let id = self.q.questions[i].id.clone();
        let change = Change::Answer(id.clone());
        // Editing a carried-over answer is reviewing it.
        self.answers.unreviewed.shift_remove(&id);
        match editor.value() {
            Value::Empty => {
                self.answers.forget_kept(&id);
                // Un-choosing a default must stick: an empty answer is stored, which the
                // report reads as "nothing" rather than falling back to the default.
                let question = &self.q.questions[i];
                let empty = match (&question.default, &question.kind) {
                    (Some(_), QuestionKind::Choices { .. }) => {
                        Some(AnswerValue::Choices(Vec::new()))
                    }
                    (Some(_), QuestionKind::List) => Some(AnswerValue::List(Vec::new())),
                    _ => None,
                };
                match empty {
                    Some(v) => self.answers.set(id, v),
                    None => {
                        self.answers.remove(&id);
                    }
                }
            }
            Value::Answer(v) => self.answers.set(id, v),
            Value::Raw { raw, reason } => {
                self.answers.remove(&id);
                self.answers.keep(
                    id,
                    Kept {
                        raw,
                        reason: KeptReason::Invalid { reason },
                    },
                );
            }
        }
        self.changed(change);
    }

    /// After any change to the answers: journaled, saved soon, and the report re-evaluated.
    fn changed(&mut self, change: Change) {
        self.unsaved.changed(change, Instant::now());
        self.save_state = SaveState::Saving;
        if self.unsaved.batching() {
            self.stale = true;
        } else {
            self.reevaluate();
        }
    }

    fn reevaluate(&mut self) {
        self.eval = Evaluation::new(&self.q, &self.answers);
        self.marks = self.sections.marks(&self.q, &self.eval, &self.answers);
        self.visible = self.eval.visible();
        self.stale = false;
    }

    /// Starts a batch of keys already typed: edits inside it re-evaluate the report once, at
    /// [`App::end_batch`], instead of after every letter (an input method or a fast typist
    /// sends several at once). Anything that reads the evaluation brings it up to date first.
    pub fn begin_batch(&mut self) {
        self.unsaved.batch_begin();
    }

    /// Ends a batch: the evaluation is brought up to date for drawing.
    pub fn end_batch(&mut self) {
        self.unsaved.batch_end();
        self.refresh();
    }

    /// Leaving the current field: tidy what it shows, show its checks, save soon.
    fn commit_current(&mut self) {
        self.refresh();
        let Some(i) = self.current else { return };
        if let Some(editor) = self.editor.as_mut() {
            editor.tidy();
        }
        self.left.insert(i);
        // Checks show beside the field when the official comes back; the status line says
        // at once that something is wrong with the field just left.
        if let Some(first) = self.messages().into_iter().next() {
            self.status = Some(ui::left_with_problem(&first));
        }
        self.unsaved.field_left();
    }

    /// Goes to question `i`.
    pub fn go_to(&mut self, i: usize) {
        self.refresh();
        self.commit_current();
        self.current = Some(i);
        let id = self.q.questions[i].id.clone();
        if self.answers.position.as_deref() != Some(id.as_str()) && !self.read_only {
            self.answers.position = Some(id);
            self.unsaved.changed(Change::Position, Instant::now());
        }
        self.load_editor();
    }

    fn load_editor(&mut self) {
        self.editor = self.current.map(|i| {
            let question = &self.q.questions[i];
            let raw = self
                .answers
                .kept()
                .find(|(id, _)| *id == question.id)
                .map(|(_, k)| k.raw.clone());
            // A choice, list or table not answered yet shows its default, which the report
            // uses; a text shows it greyed, as a placeholder, so typing replaces it.
            let typed = matches!(
                question.kind,
                QuestionKind::Text
                    | QuestionKind::Paragraph
                    | QuestionKind::Integer
                    | QuestionKind::Decimal
                    | QuestionKind::Date
            );
            let answer = self
                .answers
                .get(&question.id)
                .or(if raw.is_none() && !typed {
                    question.default.as_ref()
                } else {
                    None
                });
            let mut editor = Editor::new(question, answer, raw.as_ref());
            if let (Editor::Table(t), QuestionKind::Table(spec)) = (&mut editor, &question.kind) {
                t.titles = spec
                    .columns
                    .iter()
                    .map(|c| self.eval.text(&self.q, &c.title))
                    .collect();
            }
            editor
        });
    }

    /// Brings the evaluation up to date when a batch of keys left it behind.
    fn refresh(&mut self) {
        if self.stale {
            self.reevaluate();
        }
    }

    fn next(&mut self) {
        self.refresh();
        let Some(cur) = self.current else {
            self.open_review();
            return;
        };
        if let Some(i) = self.visible.iter().copied().find(|&i| i > cur) {
            self.go_to(i);
        } else {
            self.commit_current();
            self.open_review();
        }
    }

    fn prev(&mut self) {
        self.refresh();
        let Some(cur) = self.current else { return };
        match self.visible.iter().copied().rev().find(|&i| i < cur) {
            Some(i) => self.go_to(i),
            None => self.status = Some(ui::AT_FIRST.to_owned()),
        }
    }

    fn undo(&mut self) {
        self.undo_redo(true);
    }

    fn redo(&mut self) {
        self.undo_redo(false);
    }

    fn undo_redo(&mut self, undo: bool) {
        let stack = if undo { &mut self.undo } else { &mut self.redo };
        let Some(snap) = stack.pop() else {
            self.status = Some(
                if undo {
                    ui::NOTHING_TO_UNDO
                } else {
                    ui::NOTHING_TO_REDO
                }
                .to_owned(),
            );
            return;
        };
        if self.current != Some(snap.question) {
            self.go_to(snap.question);
        }
        let now = self.editor.replace(snap.editor);
        if let Some(now) = now {
            let other = if undo { &mut self.redo } else { &mut self.undo };
            other.push(Snapshot {
                question: snap.question,
                editor: now,
            });
        }
        self.sync();
    }

    fn open_suggestions(&mut self) {
        let Some(i) = self.current else { return };
        let question = &self.q.questions[i];
        if !self.has_suggestions() {
            self.status = Some(ui::NO_SUGGESTIONS.to_owned());
            return;
        }
        let items = question
            .suggestions
            .iter()
            .map(|s| self.eval.text(&self.q, s))
            .collect();
        self.overlays
            .push(Overlay::Suggestions(Suggestions::new(items)));
    }

    fn open_outline(&mut self) {
        let here = self.outline_row_of_current();
        self.overlays.push(Overlay::Outline(Outline::new(here)));
    }

    /// The outline row of the current question: 0 is the document's header, section `s` is
    /// row `s + 1`.
    pub fn outline_row_of_current(&self) -> usize {
        self.current
            .and_then(|i| self.sections.of_question[i])
            .map_or(0, |s| s + 1)
    }

    fn open_review(&mut self) {
        self.overlays.push(Overlay::Review(Review::default()));
    }

    fn open_external(&mut self) {
        let text = match &self.editor {
            Some(Editor::Text { input, .. }) => input.text(),
            Some(Editor::List(l)) => l.items_now().join("\n"),
            _ => {
                self.status = Some(ui::NO_EXTERNAL_EDITOR_FOR_KIND.to_owned());
                return;
            }
        };
        self.effect = Some(Effect::ExternalEdit { text });
    }

    /// The text came back from `$EDITOR` (`None`: the editor failed, with a message).
    pub fn external_edit_done(&mut self, result: Result<String, String>) {
        let text = match result {
            Ok(text) => text,
            Err(message) => {
                self.status = Some(message);
                return;
            }
        };
        let Some(question) = self.current else { return };
        let Some(before) = self.editor.clone() else {
            return;
        };
        let text = text.strip_suffix('\n').unwrap_or(&text).to_owned();
        let replaced = match &before {
            Editor::Text { kind, .. } => Editor::Text {
                kind: *kind,
                input: match kind {
                    TextKind::Paragraph => TextInput::paragraph(&text),
                    TextKind::Line => TextInput::line(&text).wrapped(),
                    _ => TextInput::line(&text),
                },
            },
            Editor::List(_) => Editor::new(
                &self.q.questions[question],
                Some(&AnswerValue::List(
                    text.lines().map(str::to_owned).collect(),
                )),
                None,
            ),
            _ => return,
        };
        self.undo.push(Snapshot {
            question,
            editor: before,
        });
        self.redo.clear();
        self.editor = Some(replaced);
        self.sync();
    }

    // ----- dialogs ---------------------------------------------------------------------------

    /// An action for the dialog on top: it is taken off the stack, handles the action with
    /// the app as its [`Context`], and goes back unless it closed; then what it asked for is
    /// done.
    fn dialog_action(&mut self, mut dialog: Overlay, action: &Action) {
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
    fn request(&mut self, request: Request) {
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
    fn first_visible_in_row(&self, row: usize) -> Option<usize> {
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

    fn insert_suggestion(&mut self, text: &str) {
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
    fn open_export(&mut self) {
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
    fn confirm_review(&mut self) {
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

    fn open_export_dialog(&mut self) {
        let folder = self
            .answers_path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        // Shown in full, so the official knows where to look for the files.
        let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
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
    fn write_export(&mut self) {
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
    fn exported(&mut self, result: Result<Vec<PathBuf>, String>) {
        let Some(Overlay::Export(dialog)) = self.overlays.last_mut() else {
            return;
        };
        if result.is_ok() {
            self.export_name = dialog.base_name().ok();
        }
        dialog.result = Some(result);
    }

    // ----- saving ----------------------------------------------------------------------------

    /// A save to run now, if one is due: right after leaving a field, on Ctrl+S, or
    /// [`SAVE_DELAY`] after the first unsaved edit. At most one is in flight.
    pub fn poll_save(&mut self, now: Instant) -> Option<SaveJob> {
        if self.read_only || !self.unsaved.poll(now) {
            return None;
        }
        Some(self.take_save_job())
    }

    /// The save job for everything so far, regardless of timing (quitting).
    pub fn take_save_job(&mut self) -> SaveJob {
        let revision = self.unsaved.save_started();
        self.save_state = SaveState::Saving;
        SaveJob {
            path: self.answers_path.clone(),
            answers: self.answers.clone(),
            questionnaire: Arc::clone(&self.q),
            revision,
        }
    }

    /// Hands every change since the last call to `write`, as journal entries: the whole answer
    /// of each question changed (or its removal), then the question the official is on.
    pub fn drain_journal(&mut self, mut write: impl FnMut(&str, journal::Entry<'_>)) {
        let pending = self.unsaved.drain();
        for id in pending.answers {
            let entry = match (self.answers.get(&id), self.answers.kept_of(&id)) {
                (Some(value), _) => journal::Entry::Value(value),
                (None, Some(kept)) => journal::Entry::Kept(&kept.raw),
                (None, None) => journal::Entry::Removed,
            };
            write(&id, entry);
        }
        for id in pending.reviewed {
            write(&id, journal::Entry::Reviewed);
        }
        if pending.position
            && let Some(position) = &self.answers.position
        {
            write(position, journal::Entry::Position);
        }
    }

    /// Answers were recovered from an earlier session's journal: they are saved at once, and
    /// the official is told.
    pub fn recovered(&mut self, message: String) {
        self.status = Some(message);
        if self.read_only {
            return;
        }
        self.unsaved.changed(Change::Recovered, Instant::now());
        self.save_state = SaveState::Saving;
    }

    /// Whether there are changes not yet on disk (or being written).
    pub fn unsaved(&self) -> bool {
        !self.read_only && self.unsaved.is_unsaved()
    }

    /// When the next save falls due, for the loop's wait.
    pub fn save_due_in(&self, now: Instant) -> Option<Duration> {
        self.unsaved.due_in(now)
    }

    fn saved(&mut self, result: Result<String, String>) {
        let all = self.unsaved.save_finished(result.is_ok(), Instant::now());
        self.save_state = match result {
            Ok(time) if all => SaveState::Saved(time),
            Ok(_) => SaveState::Saving,
            // Tried again at the next tick after the delay; the answers stay in memory.
            Err(message) => SaveState::Failed(message),
        };
    }

    fn quit_now(&mut self) {
        self.commit_current();
        // With the last save failed, quitting is confirmed first (the final attempt may fail
        // too; then a recovery copy is written).
        if !self.unsaved.quit_requested() {
            self.status = Some(ui::QUIT_UNSAVED.to_owned());
            return;
        }
        self.quit = true;
    }

    // ----- what the view reads ---------------------------------------------------------------

    /// Whether the current question offers suggestions the editor can take.
    pub fn has_suggestions(&self) -> bool {
        self.current.is_some_and(|i| {
            !self.q.questions[i].suggestions.is_empty()
                && matches!(
                    self.editor,
                    Some(
                        Editor::Text {
                            kind: TextKind::Line | TextKind::Paragraph,
                            ..
                        } | Editor::List(_)
                    )
                )
        })
    }

    /// The current question's position among those that apply: (k, n), k from 1.
    pub fn progress(&self) -> (usize, usize) {
        let n = self.visible.len();
        let k = self
            .current
            .and_then(|c| self.visible.iter().position(|&i| i == c))
            .map_or(0, |p| p + 1);
        (k, n)
    }

    /// The checks shown under the current question (once it has been left).
    pub fn messages(&self) -> Vec<String> {
        let Some(i) = self.current else {
            return Vec::new();
        };
        // A table shows a bad cell at once: its report paragraph already changed.
        if !self.left.contains(&i) && !matches!(self.editor, Some(Editor::Table(_))) {
            return Vec::new();
        }
        let id = &self.q.questions[i].id;
        let mut out: Vec<String> = self
            .eval
            .messages_for(id)
            .into_iter()
            .map(str::to_owned)
            .collect();
        if let Some((_, kept)) = self.answers.kept().find(|(k, _)| k == id)
            && let KeptReason::Invalid { reason } = &kept.reason
        {
            out.push(reason.clone());
        }
        if self.q.questions[i].required
            && self.left.contains(&i)
            && self.eval.applied.values[i].is_none()
            && out.is_empty()
        {
            out.push(ui::REQUIRED_EMPTY.to_owned());
        }
        out
    }

    /// The lines the current answer produces in the report (its section's blocks), made
    /// once per revision and question.
    pub fn paragraph_preview(&self) -> std::rc::Rc<Vec<String>> {
        let key = (self.unsaved.revision(), self.current);
        if let Some((k, lines)) = self.preview_cache.borrow().as_ref()
            && *k == key
            && !self.stale
        {
            return std::rc::Rc::clone(lines);
        }
        let lines = std::rc::Rc::new(self.make_paragraph_preview());
        if !self.stale {
            *self.preview_cache.borrow_mut() = Some((key, std::rc::Rc::clone(&lines)));
        }
        lines
    }

    fn make_paragraph_preview(&self) -> Vec<String> {
        let Some(i) = self.current else {
            return Vec::new();
        };
        let Ok(doc) = &self.eval.document else {
            return self
                .eval
                .document
                .as_ref()
                .err()
                .map(|e| vec![ui::export_render_failed(&e.to_string())])
                .unwrap_or_default();
        };
        if let Some(section) = self.sections.of_question[i] {
            let blocks: Vec<Block> = doc
                .body
                .iter()
                .zip(&doc.origins)
                .filter(|(_, o)| **o == section)
                .map(|(b, _)| b.clone())
                .collect();
            return report::blocks_as_lines(&blocks);
        }
        // A header question: the frame as it will print.
        let frame_only = Document {
            frame: doc.frame.clone(),
            body: Vec::new(),
            origins: Vec::new(),
        };
        report::render(&frame_only, Format::Text, true)
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// A piece of the current answer to look for in the preview (its first words), so the
    /// preview can scroll to where the answer lands.
    pub fn preview_anchor(&self) -> Option<String> {
        let i = self.current?;
        let value = self.eval.applied.values[i].as_ref()?;
        let shown = match value {
            AnswerValue::List(items) | AnswerValue::Choices(items) => items.first()?.clone(),
            AnswerValue::Table(_) | AnswerValue::Bool(_) => return None,
            other => other.display(),
        };
        let first = shown.lines().map(str::trim).find(|l| !l.is_empty())?;
        let words: Vec<&str> = first.split_whitespace().take(5).collect();
        (!words.is_empty()).then(|| words.join(" "))
    }

    /// Whether the preview shows the document's frame (a header question): laid out in
    /// columns, so it is cut rather than wrapped.
    pub fn preview_is_frame(&self) -> bool {
        self.current
            .is_some_and(|i| self.sections.of_question[i].is_none())
    }

    /// The whole report as text (preview and review screens).
    pub fn report_lines(&self) -> std::rc::Rc<Vec<String>> {
        if let Some((revision, lines)) = self.report_cache.borrow().as_ref()
            && *revision == self.unsaved.revision()
            && !self.stale
        {
            return std::rc::Rc::clone(lines);
        }
        let lines = std::rc::Rc::new(match &self.eval.document {
            Ok(doc) => report::render(doc, Format::Text, true)
                .lines()
                .map(str::to_owned)
                .collect(),
            Err(e) => vec![ui::export_render_failed(&e.to_string())],
        });
        if !self.stale {
            *self.report_cache.borrow_mut() =
                Some((self.unsaved.revision(), std::rc::Rc::clone(&lines)));
        }
        lines
    }
}

/// What dialogs read of the app while they handle an action.
impl Context for App {
    fn outline_rows(&self) -> usize {
        self.eval.outline.len() + 1
    }

    fn review_rows(&self) -> Vec<ReviewRow> {
        App::review_rows(self)
    }

    fn scroll_view(&self) -> ScrollView {
        self.scroll_view.get()
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
