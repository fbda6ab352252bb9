//! Why a template failed, in the user's words: picks the sentence from `messages` for a
//! MiniJinja error (its kind and English detail), with a spelling suggestion for an unknown
//! filter or test.
//!
//! Must not: hold sentences (they are `messages`'), or know about questionnaires or answers.

use minijinja::ErrorKind as K;

use super::{TEXT_FILTERS, TIME_BUDGET, VIETNAMESE_FILTERS};
use crate::messages;
use crate::text::closest;

/// The sentence for a template problem found by MiniJinja.
pub fn template_error_detail(err: &minijinja::Error) -> String {
    let detail = err.detail().unwrap_or_default();
    match err.kind() {
        K::UndefinedError => messages::template_undefined(detail),
        K::SyntaxError => messages::template_syntax(detail),
        K::UnknownFilter => {
            let name = detail
                .strip_prefix("filter ")
                .and_then(|d| d.strip_suffix(" is unknown"))
                .unwrap_or(detail);
            let known = VIETNAMESE_FILTERS
                .iter()
                .chain(&TEXT_FILTERS)
                .chain(&["sum", "length", "round", "first", "last"])
                .copied();
            messages::unknown_filter(name, closest(name, known))
        }
        K::UnknownFunction => messages::unknown_function(detail),
        K::UnknownTest => {
            let name = detail
                .strip_prefix("test ")
                .and_then(|d| d.strip_suffix(" is unknown"))
                .unwrap_or(detail);
            let known = [
                "none",
                "defined",
                "undefined",
                "number",
                "string",
                "sequence",
                "mapping",
                "true",
                "false",
                "odd",
                "even",
                "divisibleby",
                "in",
                "startingwith",
                "endingwith",
            ];
            messages::unknown_test(name, closest(name, known))
        }
        K::OutOfFuel if detail == minijinja::FUEL_DEADLINE_DETAIL => {
            messages::template_over_time(TIME_BUDGET.as_secs_f64())
        }
        K::OutOfFuel => messages::TEMPLATE_OUT_OF_FUEL.to_owned(),
        K::InvalidOperation if detail.starts_with(messages::FILTER_ERROR_START) => {
            detail.to_owned()
        }
        K::InvalidOperation => messages::template_invalid_operation(detail),
        K::MissingArgument | K::TooManyArguments => messages::template_wrong_arguments(detail),
        K::TemplateNotFound => messages::TEMPLATE_NO_INCLUDE.to_owned(),
        _ => messages::template_failed(&err.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_error_is_shown_as_it_is() {
        let sentence = messages::filter_wrong_kind("so", "số", "văn bản");
        let err = minijinja::Error::new(K::InvalidOperation, sentence.clone());
        assert_eq!(template_error_detail(&err), sentence);
        let other = minijinja::Error::new(K::InvalidOperation, "x");
        assert_ne!(template_error_detail(&other), "x");
    }
}
