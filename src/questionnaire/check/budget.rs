//! `check`'s budget probe: every template and condition tried, expression by expression and
//! branch by branch, against the same render budget the wizard uses, with the longest answers
//! allowed — so that a questionnaire that passes `check` cannot exceed the budget in the
//! wizard because an official typed the one answer that takes a hostile branch.
//!
//! Owns: the longest sample answer of a question, and turning budget errors into diagnostics.
//! The probing itself is `template::probe` (it knows nothing of questionnaires).

use std::collections::{HashMap, HashSet};

use minijinja::Value;

use super::samples::{Sample, sample_context};
use crate::questionnaire::Questionnaire;
use crate::questionnaire::build::{Builder, Pending};
use crate::questionnaire::diag::{Kind, Pos};
use crate::template::probe;

/// The longest text answer tried when a question has no `max_length` (characters): a long
/// paragraph. (Longer answers cost every load time; an answer longer still that makes a
/// template exceed the budget is stopped by the budget of the render, with its line.)
pub const LONGEST_TEXT: usize = 2_000;

/// Items of a list tried. (Tables are tried with the usual sample rows: matching rows to their
/// labels reads every cell, and cells are short.)
pub const LONGEST_ROWS: usize = 10;

/// The length of the longest answer tried for a question (characters).
fn longest_len(question: &crate::questionnaire::Question) -> usize {
    question
        .validation
        .max_length
        .unwrap_or(LONGEST_TEXT)
        .min(LONGEST_TEXT)
}

/// The longest answer a text question allows, as sample text.
fn longest_text(question: &crate::questionnaire::Question) -> String {
    let n = longest_len(question);
    // Vietnamese letters of two and three bytes, as typed.
    "mẫu văn bản dài ".chars().cycle().take(n).collect()
}

/// The longest answers of text and list questions, as template values: one text per length,
/// shared by every question of that length (a questionnaire of thousands of questions must not
/// hold thousands of long texts).
#[derive(Default)]
pub struct Longest {
    texts: HashMap<usize, Value>,
}

impl Longest {
    /// The longest answer of a text, paragraph or list question; None for other kinds.
    pub fn value(&mut self, question: &crate::questionnaire::Question) -> Option<Value> {
        use crate::questionnaire::QuestionKind;
        let list = match question.kind {
            QuestionKind::Text | QuestionKind::Paragraph => false,
            QuestionKind::List => true,
            _ => return None,
        };
        let value = self
            .texts
            .entry(longest_len(question))
            .or_insert_with(|| Value::from(longest_text(question)))
            .clone();
        Some(if list {
            Value::from_object(crate::template::BlockValue {
                id: question.id.clone(),
                items: vec![value; LONGEST_ROWS],
            })
        } else {
            value
        })
    }
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
            let (pos, source, compiled, condition) = match pending {
                Pending::Condition {
                    pos,
                    source,
                    compiled,
                    ..
                } => (*pos, source, compiled, true),
                Pending::Template {
                    pos,
                    source,
                    compiled,
                    ..
                } => (*pos, source, compiled, false),
            };
            if broken.contains(&pos) || failed.contains(&pos) {
                continue;
            }
            if let Some(err) =
                probe::budget_problem(&mut self.engine, source, compiled, condition, &ctx)
            {
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
