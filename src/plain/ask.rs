//! A question as plain lines: where it is (the section path with its printed numbers, which
//! question of how many), the prompt and help filled in with the answers so far, what the
//! kind accepts, the options numbered 1…n, and the current answer or the default.
//!
//! Must not: read input, write files, or print anything but text (no escape sequence: every
//! text from the questionnaire or the answers is cleaned by the caller's printer).

use crate::answers::{AnswerValue, Answers};
use crate::flow::{Evaluation, Sections};
use crate::messages::plain as words;
use crate::questionnaire::{Question, QuestionKind, Questionnaire};
use crate::report;

/// The lines that ask question `i`, the `k`-th of the `n` that apply.
pub fn lines(
    q: &Questionnaire,
    eval: &Evaluation,
    sections: &Sections,
    answers: &Answers,
    (i, k, n): (usize, usize, usize),
) -> Vec<String> {
    let question = &q.questions[i];
    let fill = |text: &crate::questionnaire::Text| {
        eval.try_text(q, text)
            .unwrap_or_else(|_| text.source.clone())
    };
    let mut out = vec![words::question_head(k, n, &section_path(eval, sections, i))];
    let mut prompt = fill(&question.ask);
    if question.required {
        prompt.push(' ');
        prompt.push_str(words::REQUIRED);
    }
    out.push(prompt);
    if let Some(help) = &question.help {
        out.push(format!("{} {}", words::HELP_LABEL, fill(help)));
    }
    let answer = answers.get(&question.id);
    out.push(hint(&question.kind).to_owned());
    if super::reply::several_lines(&question.kind) && answer.is_some_and(|a| !a.is_empty()) {
        out.push(words::HINT_REPLACES.to_owned());
    }
    if let QuestionKind::Choice { options, .. } | QuestionKind::Choices { options, .. } =
        &question.kind
    {
        let chosen = chosen(answer.or(question.default.as_ref()));
        for (at, option) in options.iter().enumerate() {
            out.push(words::option_line(at + 1, option, chosen.contains(option)));
        }
    }
    out.extend(current(question, answer));
    out
}

/// "II. Heading › 1. Subheading" for the question's section; the header's name for the
/// questions of the document's header.
pub(super) fn section_path(eval: &Evaluation, sections: &Sections, i: usize) -> String {
    let Some(s) = sections.of_question.get(i).copied().flatten() else {
        return words::HEADER_SECTION.to_owned();
    };
    let Some(at) = eval.outline.iter().position(|e| e.section == s) else {
        return words::HEADER_SECTION.to_owned();
    };
    let mut level = eval.outline[at].level;
    let mut path = vec![&eval.outline[at]];
    for entry in eval.outline[..at].iter().rev() {
        if entry.level < level {
            level = entry.level;
            path.push(entry);
        }
    }
    path.iter()
        .rev()
        .map(|e| report::document::join_number(&e.number, &e.title))
        .collect::<Vec<_>>()
        .join(" › ")
}

/// What a question of `kind` accepts.
fn hint(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Text => words::HINT_TEXT,
        QuestionKind::Paragraph => words::HINT_PARAGRAPH,
        QuestionKind::Integer => words::HINT_INTEGER,
        QuestionKind::Decimal => words::HINT_DECIMAL,
        QuestionKind::Date => words::HINT_DATE,
        QuestionKind::YesNo => words::HINT_YES_NO,
        QuestionKind::Choice { other: false, .. } => words::HINT_CHOICE,
        QuestionKind::Choice { other: true, .. } => words::HINT_CHOICE_OTHER,
        QuestionKind::Choices { other: false, .. } => words::HINT_CHOICES,
        QuestionKind::Choices { other: true, .. } => words::HINT_CHOICES_OTHER,
        QuestionKind::List => words::HINT_LIST,
        QuestionKind::Table(_) => words::HINT_TABLE,
    }
}

/// The options a choice's answer names.
fn chosen(answer: Option<&AnswerValue>) -> Vec<String> {
    match answer {
        Some(AnswerValue::Choice(s)) => vec![s.clone()],
        Some(AnswerValue::Choices(v)) => v.clone(),
        _ => Vec::new(),
    }
}

/// The current answer (a list or a paragraph on its own lines), else the default, else a
/// line saying nothing is answered yet.
fn current(question: &Question, answer: Option<&AnswerValue>) -> Vec<String> {
    let (value, label): (_, fn(&str) -> String) = match (answer, &question.default) {
        (Some(v), _) => (v, words::current_answer),
        (None, Some(d)) => (d, words::default_answer),
        (None, None) => return vec![words::NOTHING_YET.to_owned()],
    };
    match value {
        AnswerValue::List(items) => {
            let mut out = vec![label("")];
            out.extend(items.iter().map(|item| format!("  - {item}")));
            out
        }
        AnswerValue::Text(s) if s.contains('\n') => {
            let mut out = vec![label("")];
            out.extend(s.lines().map(|l| format!("  {l}")));
            out
        }
        v => vec![label(&v.display())],
    }
}
