//! The list of missing or invalid answers among the questions that apply, and the conditions
//! that could not be evaluated.
//!
//! Must not: build the document.

use super::Applied;
use super::applicability;
use super::fill::{inline_markers, render_text};
use crate::answers::{self, Answers};
use crate::questionnaire::Questionnaire;
use crate::template::Context;

/// An answer that is missing or does not pass its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A required question that applies has no answer.
    Missing { id: String, ask: String },
    /// An answer fails the question's validation.
    Invalid { id: String, message: String },
    /// A condition could not be evaluated with the answers given; its part was left out.
    Condition { line: usize, detail: String },
}

/// Missing required answers and failing validations, among the questions that apply.
pub fn problems(q: &Questionnaire, answers: &Answers) -> Vec<Problem> {
    let applied = applicability(q, answers);
    problems_in(q, &applied, &applied.context(q))
}

pub(super) fn problems_in(q: &Questionnaire, applied: &Applied, ctx: &Context) -> Vec<Problem> {
    let mut out: Vec<Problem> = applied
        .failed_conditions
        .iter()
        .map(|e| Problem::Condition {
            line: e.pos.line,
            detail: e.detail.clone(),
        })
        .collect();
    for (i, question) in q.questions.iter().enumerate() {
        if !applied.applies[i] {
            continue;
        }
        match &applied.values[i] {
            None if question.required => out.push(Problem::Missing {
                id: question.id.clone(),
                ask: inline_markers(
                    &render_text(q, &question.ask, ctx)
                        .unwrap_or_else(|_| question.ask.source.clone()),
                    q,
                    applied,
                ),
            }),
            None => {}
            Some(v) => {
                for message in answers::check::check(question, v) {
                    out.push(Problem::Invalid {
                        id: question.id.clone(),
                        message,
                    });
                }
            }
        }
    }
    out
}
