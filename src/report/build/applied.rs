//! Which parts of a questionnaire apply to a set of answers: conditions evaluated in file
//! order (so a hidden answer reads as `none` to later conditions), the effective value of each
//! question (its answer, or its default), and the template context built from them.
//!
//! Must not: render texts or build blocks.

use std::collections::BTreeMap;

use minijinja::Value;

use super::{RenderError, error_at};
use crate::answers::{AnswerValue, Answers};
use crate::questionnaire::{Condition, Questionnaire, Section};
use crate::template::Context;

/// Which parts of a questionnaire apply to a set of answers, and the values that count.
#[derive(Debug, Clone)]
pub struct Applied {
    /// Per question (same order as `Questionnaire::questions`): does it apply?
    pub applies: Vec<bool>,
    /// Per question: the answer, or the default, when it applies.
    pub values: Vec<Option<AnswerValue>>,
    /// Per section in depth-first order: does it apply?
    pub sections: Vec<bool>,
    /// Conditions that failed although every answer they read was given (a questionnaire
    /// mistake such as `ten + 1 > 0`); each counted as false.
    pub failed_conditions: Vec<RenderError>,
}

impl Applied {
    /// The template context: vars plus every question (none when it does not apply).
    pub fn context(&self, q: &Questionnaire) -> Context {
        let mut names: BTreeMap<String, Value> =
            q.vars.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (question, value) in q.questions.iter().zip(&self.values) {
            let v = value
                .as_ref()
                .map_or(Value::from(()), |v| question.template_value(v));
            names.insert(question.id.clone(), v);
        }
        Context::new(names)
    }
}

/// Evaluates every condition in file order.
pub fn applicability(q: &Questionnaire, answers: &Answers) -> Applied {
    let n = q.questions.len();
    let mut applied = Applied {
        applies: vec![false; n],
        values: vec![None; n],
        sections: Vec::new(),
        failed_conditions: Vec::new(),
    };
    let engine = q.engine();
    let eval = |cond: &Option<Condition>, applied: &mut Applied| -> bool {
        let Some(cond) = cond else { return true };
        let mut names = BTreeMap::new();
        let mut unanswered = false;
        for name in &cond.compiled.names {
            let value = if let Some(v) = q.vars.get(name) {
                v.clone()
            } else if let Some(i) = q.index_of(name) {
                unanswered |= applied.values[i].is_none();
                applied.values[i]
                    .as_ref()
                    .map_or(Value::from(()), |v| q.questions[i].template_value(v))
            } else {
                Value::from(())
            };
            names.insert(name.clone(), value);
        }
        // A condition that cannot be evaluated (e.g. `"5S" in x` while x is unanswered) does
        // not hold: the part it guards does not apply. With every answer given, that is a
        // mistake in the questionnaire, and it is reported.
        match engine.eval(&cond.compiled, &Context::new(names)) {
            Ok(holds) => holds,
            Err(err) => {
                if !unanswered {
                    applied.failed_conditions.push(error_at(cond.pos, &err));
                }
                false
            }
        }
    };
    let settle = |i: usize, parent: bool, applied: &mut Applied| {
        let question = &q.questions[i];
        let visible = parent && eval(&question.when, applied);
        applied.applies[i] = visible;
        if visible {
            // The default stands in for an answer that is absent; an answer stored empty
            // (the official un-chose a default in the wizard) stays empty.
            applied.values[i] = match answers.get(&question.id) {
                Some(v) => (!v.is_empty()).then(|| v.clone()),
                None => question.default.clone(),
            };
        }
    };
    for i in 0..q.header_len {
        settle(i, true, &mut applied);
    }
    let mut todo: Vec<(&Section, bool)> = q.sections.iter().rev().map(|s| (s, true)).collect();
    while let Some((section, parent)) = todo.pop() {
        let visible = parent && eval(&section.when, &mut applied);
        applied.sections.push(visible);
        for &i in &section.questions {
            settle(i, visible, &mut applied);
        }
        todo.extend(section.sections.iter().rev().map(|s| (s, visible)));
    }
    applied
}
