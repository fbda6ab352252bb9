//! What the official typed, turned into an answer of its question's kind.
//!
//! Owns: [`TextKind`] (what a typed text is read as: a line, a paragraph, a whole number, a
//! decimal, a date), [`Typed`] (nothing, an answer, or text kept as typed with the reason it
//! is not an answer yet), [`text_value`] (numbers and dates read the Vietnamese way, a day
//! that does not exist named as such) and [`list_items`] (the items of a list, a "- " typed
//! by habit dropped). Every front end (the wizard's editors, the plain mode) reads typing here.
//!
//! Must not: know about keys, terminals or layout, or touch the answers store.

use super::value::AnswerValue;
use crate::messages::{self, ui};
use crate::vn::{self, Date};

/// What a typed text is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Line,
    Paragraph,
    Integer,
    Decimal,
    Date,
}

/// What was typed, as an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Typed {
    /// Nothing given.
    Empty,
    /// A valid answer.
    Answer(AnswerValue),
    /// Typed text that is not (yet) a valid answer: kept as it is, with the reason.
    Raw {
        raw: serde_yaml::Value,
        reason: String,
    },
}

/// Day, month and a four-digit year written with one separator ("31/02/2025"): a date in
/// form, so one that fails is a day that does not exist.
fn looks_like_a_date(s: &str) -> bool {
    let Some(sep) = s.chars().find(|c| matches!(c, '/' | '-' | '.')) else {
        return false;
    };
    let parts: Vec<&str> = s.split(sep).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && (parts[2].len() == 4 || parts[0].len() == 4)
}

/// A typed text as an answer of its kind.
pub fn text_value(kind: TextKind, text: &str) -> Typed {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Typed::Empty;
    }
    let raw = || serde_yaml::Value::String(text.to_owned());
    match kind {
        TextKind::Line | TextKind::Paragraph => Typed::Answer(AnswerValue::Text(text.to_owned())),
        TextKind::Integer => vn::parse_integer(trimmed).map_or_else(
            || Typed::Raw {
                raw: raw(),
                reason: ui::NOT_AN_INTEGER.to_owned(),
            },
            |n| Typed::Answer(AnswerValue::Integer(n)),
        ),
        TextKind::Decimal => vn::parse_decimal(trimmed).map_or_else(
            || Typed::Raw {
                raw: raw(),
                reason: ui::NOT_A_NUMBER.to_owned(),
            },
            |x| Typed::Answer(AnswerValue::Decimal(x)),
        ),
        TextKind::Date => Date::parse_user(trimmed).map_or_else(
            || Typed::Raw {
                raw: raw(),
                reason: if looks_like_a_date(trimmed) {
                    messages::answer_no_such_date(trimmed)
                } else {
                    ui::NOT_A_DATE.to_owned()
                },
            },
            |d| Typed::Answer(AnswerValue::Date(d)),
        ),
    }
}

/// The items of a list as an answer; empty items are dropped, and so is a "- " typed by habit
/// (the report adds its own).
pub fn list_items<S: AsRef<str>>(lines: &[S]) -> Typed {
    let items: Vec<String> = lines
        .iter()
        .map(|s| {
            let t = s.as_ref().trim();
            t.strip_prefix("- ")
                .or_else(|| t.strip_prefix("• "))
                .or_else(|| t.strip_prefix("+ "))
                .unwrap_or(t)
                .trim()
                .to_owned()
        })
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        Typed::Empty
    } else {
        Typed::Answer(AnswerValue::List(items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_are_read_the_vietnamese_way() {
        assert_eq!(
            text_value(TextKind::Integer, " 1.250 "),
            Typed::Answer(AnswerValue::Integer(1250))
        );
        assert!(matches!(
            text_value(TextKind::Date, "31/02/2025"),
            Typed::Raw { reason, .. } if reason == messages::answer_no_such_date("31/02/2025")
        ));
        assert!(matches!(
            text_value(TextKind::Date, "hôm qua"),
            Typed::Raw { reason, .. } if reason == ui::NOT_A_DATE
        ));
        assert_eq!(text_value(TextKind::Decimal, "  "), Typed::Empty);
    }

    #[test]
    fn list_items_drop_empty_lines_and_bullets() {
        assert_eq!(
            list_items(&["- một", "", " hai "]),
            Typed::Answer(AnswerValue::List(vec!["một".into(), "hai".into()]))
        );
        assert_eq!(list_items(&["  ", ""]), Typed::Empty);
    }
}
