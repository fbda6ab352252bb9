//! `:ds`: the questions that apply as lines an official can act on — each section's path
//! once, then its questions with the number `:đến` takes, the prompt, and whether it is
//! answered (question codes are not shown: officials do not know them).
//!
//! Must not: read input, write files, or decide what applies (the caller's `Evaluation`
//! does).

use crate::answers::Answers;
use crate::flow::{Evaluation, Sections};
use crate::messages::plain as words;
use crate::questionnaire::Questionnaire;

/// The lines of `:ds` for the questions in `visible`; `here` is the question being asked.
pub fn lines(
    q: &Questionnaire,
    eval: &Evaluation,
    sections: &Sections,
    answers: &Answers,
    visible: &[usize],
    here: Option<usize>,
) -> Vec<String> {
    let mut out = vec![words::LIST_TITLE.to_owned()];
    let mut last_path = None;
    for (k, &i) in visible.iter().enumerate() {
        let path = super::ask::section_path(eval, sections, i);
        if last_path.as_ref() != Some(&path) {
            out.push(words::list_section(&path));
            last_path = Some(path);
        }
        let question = &q.questions[i];
        let prompt = eval
            .try_text(q, &question.ask)
            .unwrap_or_else(|_| question.ask.source.clone());
        let answered = answers.get(&question.id).is_some_and(|a| !a.is_empty());
        out.push(words::list_line(k + 1, &prompt, answered, here == Some(i)));
    }
    out
}
