//! Validation of one answer against its question's rules.
//!
//! Owns: length, range and pattern checks, with the questionnaire's own message when it gives
//! one and a default Vietnamese message otherwise.
//!
//! Must not: block anything — callers decide what to do with the messages.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

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
    if v.min_length.is_none() && v.max_length.is_none() && v.pattern.is_none() {
        return;
    }
    // Checked in NFC, as the text will be shown: "Huế" typed decomposed is still 3 letters.
    let nfc: std::borrow::Cow<str> = if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.into()
    } else {
        s.nfc().collect::<String>().into()
    };
    let s = nfc.as_ref();
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
    if let Some(pattern) = &v.pattern
        && !pattern.is_match(s)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn question(validate: &str, kind: &str) -> Question {
        let src = format!(
            "format: 1\nid: t\nversion: 1\ntitle: T\ndocument: {{}}\nquestions:\n  - {{ id: x, ask: X, kind: {kind}, validate: {validate} }}\nsections:\n  - text: \"{{{{ x }}}}\"\n"
        );
        let q = crate::questionnaire::load_bytes("t.yaml", src.as_bytes()).unwrap();
        q.questions[0].clone()
    }

    #[test]
    fn patterns_match_the_whole_answer() {
        let q = question(r"{ pattern: '[0-9]+/[\p{L}-]+' }", "text");
        assert!(check(&q, &AnswerValue::Text("567/SKHCN-TĐC".into())).is_empty());
        assert_eq!(
            check(&q, &AnswerValue::Text("số 567/SKHCN".into())),
            vec![messages::PATTERN_MISMATCH]
        );
        let q = question(
            r#"{ pattern: '[0-9]+', message: "Chỉ ghi chữ số." }"#,
            "list",
        );
        assert_eq!(
            check(&q, &AnswerValue::List(vec!["12".into(), "1a".into()])),
            vec!["Chỉ ghi chữ số."]
        );
    }

    #[test]
    fn lengths_and_ranges() {
        let q = question("{ min_length: 2, max_length: 4 }", "text");
        assert_eq!(
            check(&q, &AnswerValue::Text("ạ".into())),
            vec![messages::too_short(2)]
        );
        assert_eq!(
            check(&q, &AnswerValue::Text("Việt Nam".into())),
            vec![messages::too_long(4)]
        );
        assert!(check(&q, &AnswerValue::Text("Huế".into())).is_empty());
        let q = question("{ min: 0, max: 1000 }", "integer");
        assert_eq!(
            check(&q, &AnswerValue::Integer(1250)),
            vec![messages::too_large("1.000")]
        );
        let q = question("{ min: 0.5 }", "decimal");
        assert_eq!(
            check(&q, &AnswerValue::Decimal(0.25)),
            vec![messages::too_small("0,5")]
        );
    }
}
