//! Answering: the app's own handling of what the official does to the current question and
//! between questions — the editor's meaning applied and its answer kept, moving on and back,
//! undo and redo, the question's suggestions and `$EDITOR`.
//!
//! Must not: draw, or write files.

use std::time::Instant;

use super::super::action::Action;
use super::super::dialog::{Outline, Preview, Review, Suggestions};
use super::super::editor::{Editor, TextKind, Value};
use super::super::text_input::TextInput;
use crate::answers::unsaved::Change;
use crate::answers::{AnswerValue, Kept, KeptReason};
use crate::flow::Evaluation;
use crate::messages::ui;
use crate::questionnaire::QuestionKind;

use super::{App, Effect, Overlay, SaveState, Snapshot, TruncateFront, UNDO_LIMIT};

impl App {
    /// An action while answering: the app's own (moving, undo, screens) or else the editor's.
    pub(super) fn answer_action(&mut self, action: Action) {
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
    pub(super) fn edit(&mut self, action: &Action) {
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
    pub(super) fn sync(&mut self) {
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
    pub(super) fn changed(&mut self, change: Change) {
        self.unsaved.changed(change, Instant::now());
        self.save_state = SaveState::Saving;
        if self.unsaved.batching() {
            self.stale = true;
        } else {
            self.reevaluate();
        }
    }

    pub(super) fn reevaluate(&mut self) {
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
    pub(super) fn commit_current(&mut self) {
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

    pub(super) fn load_editor(&mut self) {
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
    pub(super) fn refresh(&mut self) {
        if self.stale {
            self.reevaluate();
        }
    }

    pub(super) fn next(&mut self) {
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

    pub(super) fn prev(&mut self) {
        self.refresh();
        let Some(cur) = self.current else { return };
        match self.visible.iter().copied().rev().find(|&i| i < cur) {
            Some(i) => self.go_to(i),
            None => self.status = Some(ui::AT_FIRST.to_owned()),
        }
    }

    pub(super) fn undo(&mut self) {
        self.undo_redo(true);
    }

    pub(super) fn redo(&mut self) {
        self.undo_redo(false);
    }

    pub(super) fn undo_redo(&mut self, undo: bool) {
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

    pub(super) fn open_suggestions(&mut self) {
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

    pub(super) fn open_outline(&mut self) {
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

    pub(super) fn open_review(&mut self) {
        self.overlays.push(Overlay::Review(Review::default()));
    }

    pub(super) fn open_external(&mut self) {
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
}
