//! The review (finish) screen: the problems left, to jump to, above the whole report.
//!
//! Owns: [`Review`] — the highlighted problem and the report's scroll, moving them, asking
//! for the jump or the export; [`ReviewRow`] and [`rows`], which lists the problems (missing
//! and invalid answers, broken conditions, then answers kept aside); and its drawing.
//!
//! Must not: change the app; decide whether a question can be reached (the app knows what
//! applies).

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::super::action::Action;
use super::super::fit::{safe, wrap};
use super::super::theme::Theme;
use super::super::view::titled;
use super::preview::{ScrollView, scroll_by, scrolled_text};
use super::{Context, Outcome, Request, step};
use crate::answers::{Answers, KeptReason};
use crate::flow::Evaluation;
use crate::messages::ui;
use crate::questionnaire::Questionnaire;
use crate::report::Problem;

/// The finish screen: the highlighted problem, and the report's first line shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    pub selected: usize,
    pub scroll: usize,
}

/// One row of the review screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    pub text: String,
    /// The question to jump to.
    pub target: Option<usize>,
    pub error: bool,
}

impl Review {
    pub fn handle(&mut self, action: &Action, ctx: &dyn Context) -> Outcome {
        match action {
            Action::SelectPrev | Action::SelectNext | Action::SelectFirst | Action::SelectLast => {
                self.selected = step(self.selected, ctx.review_rows().len(), action);
                Outcome::Stay
            }
            Action::ScrollPageUp | Action::ScrollPageDown => {
                self.scroll = scroll_by(self.scroll, action, ctx.scroll_view());
                Outcome::Stay
            }
            Action::Confirm => {
                let target = ctx.review_rows().get(self.selected).and_then(|r| r.target);
                Outcome::Then(Request::JumpToQuestion(target))
            }
            Action::Export => Outcome::Then(Request::OpenExport),
            _ => Outcome::Stay,
        }
    }

    pub fn draw(
        &self,
        frame: &mut Frame,
        theme: &Theme,
        area: Rect,
        rows: &[ReviewRow],
        report: &[String],
        view: &Cell<ScrollView>,
    ) {
        frame.render_widget(Clear, area);
        let list_height = u16::try_from(rows.len() + 3)
            .unwrap_or(u16::MAX)
            .clamp(4, area.height / 2);
        let [list, report_area] =
            Layout::vertical([Constraint::Length(list_height), Constraint::Min(1)]).areas(area);
        let title = if rows.is_empty() {
            ui::REVIEW_ALL_GOOD.to_owned()
        } else {
            ui::review_title(rows.len())
        };
        let inner = titled(frame, list, &title, theme.border_focused);
        // Each problem is wrapped whole; the highlighted one is kept in view.
        let mut lines: Vec<Line> = Vec::new();
        let mut selected_rows = (0, 0);
        if rows.is_empty() {
            lines.push(Line::styled(ui::REVIEW_READY, theme.ok));
        }
        for (i, r) in rows.iter().enumerate() {
            let mut style = if r.error { theme.error } else { theme.warning };
            if i == self.selected {
                style = style.patch(theme.selected);
                selected_rows.0 = lines.len();
            }
            let mut wrapped = Vec::new();
            let mark = if r.error { "✗" } else { "•" };
            wrap(
                &format!("{mark} {}", safe(&r.text)),
                inner.width,
                Some(&mut wrapped),
            );
            lines.extend(wrapped.into_iter().map(|row| Line::styled(row, style)));
            if i == self.selected {
                selected_rows.1 = lines.len();
            }
        }
        let height = usize::from(inner.height);
        let offset = if selected_rows.1 > height {
            (selected_rows.1 - height).min(selected_rows.0)
        } else {
            0
        };
        let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
        frame.render_widget(Paragraph::new(shown), inner);
        let title = ui::FULL_PREVIEW_TITLE;
        scrolled_text(frame, view, theme, report_area, title, report, self.scroll);
    }
}

/// The review screen's rows: problems first, then answers kept aside.
pub fn rows(q: &Questionnaire, eval: &Evaluation, answers: &Answers) -> Vec<ReviewRow> {
    let kept_invalid = |id: &str| {
        answers
            .kept()
            .any(|(k, kept)| k == id && matches!(kept.reason, KeptReason::Invalid { .. }))
    };
    let ask_of = |id: &str| {
        q.question(id)
            .map_or_else(|| id.to_owned(), |question| eval.text(q, &question.ask))
    };
    let mut rows: Vec<ReviewRow> = eval
        .problems
        .iter()
        // An answer kept because it does not fit is listed once, with its reason, below.
        .filter(|p| !matches!(p, Problem::Missing { id, .. } if kept_invalid(id)))
        .map(|p| match p {
            Problem::Missing { id, ask } => ReviewRow {
                text: ui::review_missing(ask.trim()),
                target: q.index_of(id),
                error: false,
            },
            Problem::Invalid { id, message } => ReviewRow {
                text: ui::review_invalid(&ask_of(id), message),
                target: q.index_of(id),
                error: true,
            },
            Problem::Condition { line, detail } => ReviewRow {
                text: ui::review_condition(*line, detail),
                target: None,
                error: true,
            },
        })
        .collect();
    for (id, kept) in answers.kept() {
        let target = q.index_of(id);
        let text = match &kept.reason {
            KeptReason::Invalid { reason } => ui::review_invalid(&ask_of(id), reason),
            KeptReason::Orphan { .. } => ui::review_orphan(id),
            KeptReason::Superseded { by } => ui::review_superseded(id, by),
        };
        rows.push(ReviewRow {
            text,
            target,
            error: matches!(kept.reason, KeptReason::Invalid { .. }),
        });
    }
    rows
}
