//! Validation of one answer against its question's rules.
//!
//! Owns: length, range and pattern checks, with the questionnaire's own message when it gives
//! one and a default Vietnamese message otherwise.
//!
//! Must not: block anything — callers decide what to do with the messages.

use super::value::AnswerValue;
use crate::messages;
use crate::questionnaire::{Question, Validation};
use crate::vn;

/// Problems with `value` as an answer to `question`; empty when it passes.
pub fn check(question: &Question, value: &AnswerValue) -> Vec<String> {
    let v = &question.validation;
    let mut problems = Vec::new();
    match value {
        AnswerValue::Text(s) => check_text(v, s, &mut problems),
        AnswerValue::List(items) => {
            for item in items {
                check_text(v, item, &mut problems);
            }
        }
        AnswerValue::Integer(n) => {
            #[allow(clippy::cast_precision_loss, reason = "answers are far below 2^52")]
            check_number(v, *n as f64, &mut problems);
        }
        AnswerValue::Decimal(x) => check_number(v, *x, &mut problems),
        _ => {}
    }
    if let (Some(message), false) = (&v.message, problems.is_empty()) {
        return vec![message.clone()];
    }
    problems.dedup();
    problems
}

fn check_text(v: &Validation, s: &str, out: &mut Vec<String>) {
    let len = s.chars().count();
    if let Some(min) = v.min_length
        && len < min
    {
        out.push(messages::too_short(min));
    }
    if let Some(max) = v.max_length
        && len > max
    {
        out.push(messages::too_long(max));
    }
    if let Some(re) = &v.pattern
        && !re.is_match(s)
    {
        out.push(messages::PATTERN_MISMATCH.to_owned());
    }
}

fn check_number(v: &Validation, x: f64, out: &mut Vec<String>) {
    if let Some(min) = v.min
        && x < min
    {
        out.push(messages::too_small(&vn::format_decimal(min, None)));
    }
    if let Some(max) = v.max
        && x > max
    {
        out.push(messages::too_large(&vn::format_decimal(max, None)));
    }
}
