//! `check`'s budget probe: every template and condition tried, expression by expression and
//! branch by branch, against the same render budget the wizard uses, with the longest answers
//! allowed — so that a questionnaire that passes `check` cannot exceed the budget in the
//! wizard because an official typed the one answer that takes a hostile branch.
//!
//! Owns: the longest sample answer of a question, and turning budget errors into diagnostics.
//! The probing itself is `template::probe` (it knows nothing of questionnaires).

use std::collections::HashSet;

use super::{Builder, Pending, Pos, Questionnaire, Sample, sample_context};
use crate::questionnaire::diag::Kind;
use crate::template::probe;

/// The longest text answer tried when a question has no `max_length` (characters): about
/// thirty pages.
pub const LONGEST_TEXT: usize = 100_000;

/// Items of a list and rows of a table tried.
pub const LONGEST_ROWS: usize = 20;

/// The longest text tried in a table cell (characters): cells are short, and matching rows to
/// their labels reads every cell.
pub const LONGEST_CELL: usize = 1_000;

/// The longest answer a text question allows, as sample text.
pub fn longest_text(question: &crate::questionnaire::Question) -> String {
    let most = if matches!(question.kind, crate::questionnaire::QuestionKind::Table(_)) {
        LONGEST_CELL
    } else {
        LONGEST_TEXT
    };
    let n = question.validation.max_length.unwrap_or(most).min(most);
    // Vietnamese letters of two and three bytes, as typed.
    "mẫu văn bản dài ".chars().cycle().take(n).collect()
}

impl Builder<'_> {
    /// Reports every template and condition that exceeds the budget with the longest answers
    /// (those already found broken or failing are left alone).
    pub(super) fn probe_budgets(
        &mut self,
        q: &Questionnaire,
        broken: &HashSet<Pos>,
        failed: &HashSet<Pos>,
    ) {
        let ctx = sample_context(q, &self.questions, Sample::Longest);
        let mut found = Vec::new();
        for pending in &self.pending {
            let (pos, source, condition) = match pending {
                Pending::Condition { pos, source, .. } => (*pos, source, true),
                Pending::Template { pos, source, .. } => (*pos, source, false),
            };
            if broken.contains(&pos) || failed.contains(&pos) {
                continue;
            }
            if let Some(err) = probe::budget_problem(&mut self.engine, source, condition, &ctx) {
                found.push((pos, err, condition));
            }
        }
        for (pos, err, condition) in found {
            let at = if condition {
                pos
            } else {
                self.template_pos(pos, err.line)
            };
            self.err(
                at,
                Kind::TemplateOverBudget {
                    detail: err.detail,
                    in_condition: condition,
                },
            );
        }
    }
}
