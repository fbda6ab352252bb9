//! `:gợi ý`: a question's suggestions listed, numbered, and one used by its number, as the
//! wizard inserts it (a line is replaced, a paragraph gets it as a new line, a list a new
//! item).
//!
//! Must not: read input, or store an answer the core's checks refuse.

use std::io::Write;

use super::Session;
use crate::answers::{self, AnswerValue};
use crate::messages::plain as words;
use crate::questionnaire::QuestionKind;

impl<W: Write> Session<W> {
    /// `:gợi ý`: the question's suggestions, numbered; `:gợi ý N` uses the N-th as the wizard
    /// inserts it (a line is replaced, a paragraph gets it as a new line, a list a new item).
    pub(super) fn suggest(&mut self, i: usize, pick: Option<&str>) {
        let question = &self.q.questions[i];
        let items: Vec<String> = question
            .suggestions
            .iter()
            .map(|s| self.eval.text(&self.q, s))
            .collect();
        let multiline = matches!(question.kind, QuestionKind::Paragraph);
        let usable = matches!(
            question.kind,
            QuestionKind::Text | QuestionKind::Paragraph | QuestionKind::List
        );
        if items.is_empty() || !usable {
            self.say(words::NO_SUGGESTIONS);
            return;
        }
        let Some(pick) = pick else {
            let mut lines = vec![words::SUGGESTIONS_TITLE.to_owned()];
            lines.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(k, s)| format!("  {}. {s}", k + 1)),
            );
            self.say(&lines.join("\n"));
            return;
        };
        let Some(text) = pick
            .parse::<usize>()
            .ok()
            .and_then(|n| items.get(n.checked_sub(1)?))
        else {
            self.say(&words::no_such_suggestion(pick, items.len()));
            return;
        };
        let text = crate::text::clean_typed(text, multiline);
        let value = match (&question.kind, self.answers.get(&question.id)) {
            (QuestionKind::Paragraph, Some(AnswerValue::Text(s))) if !s.trim().is_empty() => {
                AnswerValue::Text(format!("{s}\n{text}"))
            }
            (QuestionKind::List, Some(AnswerValue::List(items))) => {
                let mut items = items.clone();
                items.push(text);
                AnswerValue::List(items)
            }
            (QuestionKind::List, _) => AnswerValue::List(vec![text]),
            _ => AnswerValue::Text(text),
        };
        let problems = answers::check::check(question, &value);
        if problems.is_empty() {
            self.set(i, Some(value));
        } else {
            self.say(&words::refused(&problems.join(" ")));
        }
    }
}
