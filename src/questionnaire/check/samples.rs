//! `check`'s sample renders: every template rendered with three sets of sample answers — all
//! answered with yes/no true, all answered with yes/no false, then nothing answered — so that
//! both branches of a condition run and a template that cannot cope with a missing answer is
//! found before an official meets it; then the budget probe (`budget.rs`).
//!
//! Owns: the sample answers of every kind ([`sample_context`]) and which texts are tried.
//!
//! Must not: run on a plain load (`render`, `preview` and the wizard do not pay for it; the
//! render's own budget and errors still guard them), or check names (that is the loader).

use std::collections::{BTreeMap, HashSet};

use super::budget;
use crate::questionnaire::Questionnaire;
use crate::questionnaire::build::{Builder, Pending};
use crate::questionnaire::diag::Pos;
use crate::questionnaire::model::{CellKind, Question, QuestionKind};
use crate::template::Context;
use crate::value::AnswerValue;
use crate::vn::Date;

/// Renders every template with sample answers and probes the budgets; problems go to the
/// builder. Templates in `broken` (a name or filter problem, already reported) are skipped.
pub(super) fn try_all(b: &mut Builder, q: &Questionnaire, broken: &HashSet<Pos>) {
    let mut failed: HashSet<Pos> = HashSet::new();
    for sample in [Sample::Yes, Sample::No, Sample::Unanswered] {
        let ctx = sample_context(q, &b.questions, sample);
        let mut failures = Vec::new();
        for pending in &b.pending {
            // A condition that fails with some answers is false (the guide says so); only
            // templates are tried.
            let Pending::Template {
                compiled,
                pos,
                source,
                ..
            } = pending
            else {
                continue;
            };
            // Without `{% … %}` there is no branch for "no" answers to take.
            let branchless = sample == Sample::No && !source.contains("{%");
            if branchless || broken.contains(pos) || failed.contains(pos) {
                continue;
            }
            if let Err(err) = b.engine.render(compiled, &ctx) {
                failures.push((*pos, err));
            }
        }
        for (pos, err) in failures {
            failed.insert(pos);
            b.template_problem(pos, &err, false);
        }
    }
    b.probe_budgets(q, broken, &failed);
}

/// Which sample answers [`sample_context`] makes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Sample {
    /// Every question answered, yes/no questions with "yes".
    Yes,
    /// Every question answered, yes/no questions with "no".
    No,
    /// Nothing answered.
    Unanswered,
    /// Every question answered with the longest answer allowed (see `budget.rs`).
    Longest,
}

/// Typical answers of every kind, for checking templates before any real answer exists.
pub(super) fn sample_context(q: &Questionnaire, questions: &[Question], sample: Sample) -> Context {
    let mut values: BTreeMap<String, minijinja::Value> =
        q.vars.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let mut shared = budget::Longest::default();
    for question in questions {
        if sample == Sample::Unanswered {
            values.insert(question.id.clone(), minijinja::Value::from(()));
            continue;
        }
        let yes = sample != Sample::No;
        // Long texts are shared, not copied for each question.
        if sample == Sample::Longest
            && let Some(value) = shared.value(question)
        {
            values.insert(question.id.clone(), value);
            continue;
        }
        let sample = match &question.kind {
            QuestionKind::Text | QuestionKind::Paragraph => AnswerValue::Text("mẫu".into()),
            QuestionKind::Integer => AnswerValue::Integer(12),
            QuestionKind::Decimal => AnswerValue::Decimal(1.5),
            QuestionKind::Date => AnswerValue::Date(Date {
                year: 2025,
                month: 7,
                day: 31,
            }),
            QuestionKind::YesNo => AnswerValue::Bool(yes),
            QuestionKind::Choice { options, .. } => {
                AnswerValue::Choice(options.first().cloned().unwrap_or_default())
            }
            QuestionKind::Choices { options, .. } if sample == Sample::Longest => {
                AnswerValue::Choices(options.clone())
            }
            QuestionKind::Choices { options, .. } => {
                AnswerValue::Choices(options.iter().take(1).cloned().collect())
            }
            QuestionKind::List => AnswerValue::List(vec!["mục 1".into(), "mục 2".into()]),
            QuestionKind::Table(spec) => {
                let row = spec
                    .columns
                    .iter()
                    .map(|c| {
                        let cell = match c.kind {
                            CellKind::Text => crate::value::Cell::Text("mẫu".into()),
                            CellKind::Integer => crate::value::Cell::Integer(3),
                            CellKind::Decimal => crate::value::Cell::Decimal(1.5),
                        };
                        (c.id.clone(), cell)
                    })
                    .collect();
                // A full row and one left blank but for its label, as officials leave them.
                let mut blank = crate::value::Row::new();
                if let Some(first) = spec.columns.first() {
                    blank.insert(first.id.clone(), crate::value::Cell::Text("mẫu".into()));
                }
                AnswerValue::Table(vec![row, blank])
            }
        };
        values.insert(question.id.clone(), question.template_value(&sample));
    }
    Context::new(values)
}
