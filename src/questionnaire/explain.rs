//! Which sentence fits a loader problem: maps each [`Kind`] (and [`Slip`]) to its
//! (what is wrong, how to fix it) pair from `messages`, handing it the values it names (the
//! loader's limits among them).
//!
//! Must not: hold sentences (they are `messages`'), or know about answers, reports or terminals.

use super::diag::{Kind, Slip};
use super::{MAX_BYTES, MAX_DEPTH, MAX_ELEMENTS};
use crate::messages;

/// (what is wrong, how to fix it) for a loader problem.
pub fn diagnostic(kind: &Kind) -> (String, String) {
    match kind {
        Kind::Unreadable { detail } => messages::loader_unreadable(detail),
        Kind::TooLarge { bytes } => messages::loader_too_large(*bytes, MAX_BYTES),
        Kind::NotUtf8 => messages::loader_not_utf8(),
        Kind::ControlChar { code } => messages::loader_control_char(*code),
        Kind::TabIndent => messages::loader_tab_indent(),
        Kind::EmptyFile => messages::loader_empty_file(),
        Kind::Syntax { detail } => messages::loader_syntax(detail),
        Kind::SeveralDocuments => messages::loader_several_documents(),
        Kind::UnknownAnchor => messages::loader_unknown_anchor(),
        Kind::TooManyNodes => messages::loader_too_many_nodes(MAX_ELEMENTS),
        Kind::TooManyElements { limit } => messages::loader_too_many_elements(*limit),
        Kind::TooDeep => messages::loader_too_deep(MAX_DEPTH),
        Kind::ComplexKey => messages::loader_complex_key(),
        Kind::DuplicateKey { key, first_line } => messages::loader_duplicate_key(key, *first_line),
        Kind::UnknownKey {
            key,
            place,
            suggestion,
        } => messages::loader_unknown_key(key, place, *suggestion),
        Kind::MissingKey { key, place } => messages::loader_missing_key(key, place),
        Kind::WrongType {
            key,
            expected,
            found,
        } => messages::loader_wrong_type(key, expected, found),
        Kind::UnsupportedFormat { found } => messages::loader_unsupported_format(found),
        Kind::BadId { id } => messages::loader_bad_id(id),
        Kind::BadQuestionnaireId { id } => messages::loader_bad_questionnaire_id(id),
        Kind::DuplicateId { id, first_line } => messages::loader_duplicate_id(id, *first_line),
        Kind::NameClash { name, first_line } => messages::loader_name_clash(name, *first_line),
        Kind::UnknownKind { kind, suggestion } => messages::loader_unknown_kind(kind, *suggestion),
        Kind::UnknownNumbering { style } => messages::loader_unknown_numbering(style),
        Kind::KeyNotForKind { key, kind } => messages::loader_key_not_for_kind(key, kind),
        Kind::MissingForKind { key, kind } => messages::loader_missing_for_kind(key, kind),
        Kind::BadDefault { expected: "" } => messages::loader_table_default(),
        Kind::BadDefault { expected } => messages::loader_bad_default(expected),
        Kind::DuplicateOption { option } => messages::loader_duplicate_option(option),
        Kind::BadRange => messages::loader_bad_range(),
        Kind::BadRegex { detail } => messages::loader_bad_regex(detail),
        Kind::EmptySection => messages::loader_empty_section(),
        Kind::ConditionSyntax { detail } => messages::loader_condition_syntax(detail),
        Kind::TemplateSyntax { detail } => messages::loader_template_syntax(detail),
        Kind::TemplateFails { detail } => messages::loader_template_fails(detail),
        Kind::TemplateOverBudget {
            detail,
            in_condition,
        } => messages::loader_template_over_budget(detail, *in_condition),
        Kind::UnknownFilter {
            detail,
            in_condition,
        } => messages::loader_unknown_filter(detail, *in_condition),
        Kind::UnknownName {
            name,
            suggestion,
            in_condition,
            renamed,
        } => messages::loader_unknown_name(name, suggestion.as_deref(), *in_condition, *renamed),
        Kind::QuestionInVarsOnly { name } => messages::loader_question_in_vars_only(name),
        Kind::LaterName { name, line } => messages::loader_later_name(name, *line),
        Kind::RenameFromLive { from, line } => messages::loader_rename_from_live(from, *line),
        Kind::RenameTarget { to, suggestion } => {
            messages::loader_rename_target(to, suggestion.as_deref())
        }
        Kind::SumOnText => messages::loader_sum_on_text(),
        Kind::Slip { slip } => slip_message(*slip),
    }
}

fn slip_message(slip: Slip) -> (String, String) {
    let (what, fix) = match slip {
        Slip::OddSpace => messages::SLIP_ODD_SPACE,
        Slip::CurlyQuotes => messages::SLIP_CURLY_QUOTES,
        Slip::NoSpaceAfterColon => messages::SLIP_NO_SPACE_AFTER_COLON,
        Slip::NoSpaceAfterDash => messages::SLIP_NO_SPACE_AFTER_DASH,
        Slip::TemplateNeedsQuotes => messages::SLIP_TEMPLATE_NEEDS_QUOTES,
    };
    (what.to_owned(), fix.to_owned())
}
