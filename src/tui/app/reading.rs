//! What the view reads of the app: progress, messages, the paragraph preview, the whole
//! report's lines (cached per revision), and the narrow view dialogs get (`Context`).
//!
//! Must not: change the app's state (caches aside).

use super::super::dialog::Context;
use super::super::editor::{Editor, TextKind};
use crate::answers::{AnswerValue, KeptReason};
use crate::messages::ui;
use crate::report::{self, Block, Document, Format};

use super::{App, ReviewRow, ScrollView};

impl App {
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

    pub(super) fn make_paragraph_preview(&self) -> Vec<String> {
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
