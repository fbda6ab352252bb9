//! The wizard's flow as pure logic: what applies now, where each question sits, and how far
//! each section is answered.
//!
//! Owns: [`Evaluation`] — one pass over questionnaire + answers giving applicability, the
//! document, the problems and the outline, recomputed after each change; the order of the
//! questions that apply ([`Evaluation::visible`]); the section each question belongs to
//! ([`Sections`]); and a [`Mark`] per section (answered, partly, has an error, does not apply).
//!
//! Must not: know about terminals, keys, or files.

use crate::answers::Answers;
use crate::questionnaire::{Questionnaire, Section};
use crate::report::{self, Applied, Document, OutlineEntry, Problem, RenderError};
use crate::template::Context;

/// Everything the wizard shows that depends on the answers, computed in one pass.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub applied: Applied,
    /// The template context of these answers (for prompts, help and suggestions).
    pub context: Context,
    pub document: Result<Document, RenderError>,
    pub problems: Vec<Problem>,
    pub outline: Vec<OutlineEntry>,
}

impl Evaluation {
    pub fn new(q: &Questionnaire, answers: &Answers) -> Self {
        let evaluated = report::evaluate(q, answers);
        let outline = report::outline(q, &evaluated.applied, &evaluated.context);
        Evaluation {
            applied: evaluated.applied,
            context: evaluated.context,
            document: evaluated.document,
            problems: evaluated.problems,
            outline,
        }
    }

    /// A questionnaire text filled in with these answers.
    pub fn text(&self, q: &Questionnaire, text: &crate::questionnaire::Text) -> String {
        report::text_for(q, text, &self.applied, &self.context)
    }

    /// [`Evaluation::text`], or why its template failed with these answers.
    pub fn try_text(
        &self,
        q: &Questionnaire,
        text: &crate::questionnaire::Text,
    ) -> Result<String, report::RenderError> {
        report::try_text_for(q, text, &self.applied, &self.context)
    }

    /// The questions that apply now, in order.
    pub fn visible(&self) -> Vec<usize> {
        (0..self.applied.applies.len())
            .filter(|&i| self.applied.applies[i])
            .collect()
    }

    /// The validation messages of one question (empty when it passes or has no answer).
    pub fn messages_for(&self, id: &str) -> Vec<&str> {
        self.problems
            .iter()
            .filter_map(|p| match p {
                Problem::Invalid { id: pid, message } if pid == id => Some(message.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// How far a section (with its subsections) is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Every question that applies has an answer.
    Answered,
    /// Some do.
    Partly,
    /// None do yet.
    Empty,
    /// An answer fails its checks.
    Error,
    /// An answer carried over from an earlier period waits to be looked at.
    Review,
    /// The section does not apply to these answers.
    NotApplicable,
}

/// Where each question sits in the section tree.
#[derive(Debug, Clone)]
pub struct Sections {
    /// Per question: the depth-first index of its section; `None` for header questions.
    pub of_question: Vec<Option<usize>>,
    /// Per section: the questions of the section and all its subsections.
    pub subtree: Vec<Vec<usize>>,
}

impl Sections {
    pub fn new(q: &Questionnaire) -> Self {
        fn walk(
            sections: &[Section],
            of_question: &mut [Option<usize>],
            subtree: &mut Vec<Vec<usize>>,
        ) -> Vec<usize> {
            let mut all = Vec::new();
            for section in sections {
                let index = subtree.len();
                subtree.push(Vec::new());
                for &i in &section.questions {
                    of_question[i] = Some(index);
                }
                let mut mine = section.questions.clone();
                mine.extend(walk(&section.sections, of_question, subtree));
                all.extend(&mine);
                subtree[index] = mine;
            }
            all
        }
        let mut of_question = vec![None; q.questions.len()];
        let mut subtree = Vec::new();
        walk(&q.sections, &mut of_question, &mut subtree);
        Sections {
            of_question,
            subtree,
        }
    }

    /// The mark of every section.
    pub fn marks(&self, q: &Questionnaire, eval: &Evaluation, answers: &Answers) -> Vec<Mark> {
        let invalid = invalid_ids(eval, answers);
        self.subtree
            .iter()
            .enumerate()
            .map(|(s, questions)| {
                if !eval.applied.sections.get(s).copied().unwrap_or(false) {
                    return Mark::NotApplicable;
                }
                mark_of(q, eval, answers, &invalid, questions)
            })
            .collect()
    }
}

/// Ids of answers that fail their checks or were kept aside because they do not fit.
pub type InvalidIds<'a> = std::collections::HashSet<&'a str>;

/// Ids whose answer fails its checks or was kept aside because it does not fit.
pub fn invalid_ids<'a>(eval: &'a Evaluation, answers: &'a Answers) -> InvalidIds<'a> {
    eval.problems
        .iter()
        .filter_map(|p| match p {
            Problem::Invalid { id, .. } => Some(id.as_str()),
            _ => None,
        })
        .chain(answers.kept().filter_map(|(id, kept)| {
            matches!(kept.reason, crate::answers::KeptReason::Invalid { .. }).then_some(id)
        }))
        .collect()
}

/// The mark of some questions: an error if one fails its checks; to review if one holds an
/// answer carried over from an earlier period not yet looked at; answered when every
/// required one has a value (its answer or its default) and something is said; partly when
/// something is said but a required one is missing; empty when nothing is said.
pub fn mark_of(
    q: &Questionnaire,
    eval: &Evaluation,
    answers: &Answers,
    invalid: &InvalidIds<'_>,
    questions: &[usize],
) -> Mark {
    let applying: Vec<usize> = questions
        .iter()
        .copied()
        .filter(|&i| eval.applied.applies[i])
        .collect();
    if applying
        .iter()
        .any(|&i| invalid.contains(q.questions[i].id.as_str()))
    {
        return Mark::Error;
    }
    if applying
        .iter()
        .any(|&i| answers.unreviewed.contains(&q.questions[i].id))
    {
        return Mark::Review;
    }
    let has = |i: usize| eval.applied.values[i].is_some();
    let said = applying.iter().any(|&i| has(i));
    let required_done = applying.iter().all(|&i| !q.questions[i].required || has(i));
    match (said, required_done) {
        _ if applying.is_empty() => Mark::Answered,
        (true, true) => Mark::Answered,
        (true, false) => Mark::Partly,
        (false, _) => Mark::Empty,
    }
}

/// The question to resume at: `wanted` if it applies, else the next one that does, else the
/// last one that does.
pub fn resume_at(visible: &[usize], wanted: Option<usize>) -> Option<usize> {
    let wanted = wanted?;
    visible
        .iter()
        .copied()
        .find(|&i| i >= wanted)
        .or_else(|| visible.last().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resume_moves_to_the_next_question_that_applies() {
        assert_eq!(resume_at(&[0, 2, 5], Some(3)), Some(5));
        assert_eq!(resume_at(&[0, 2, 5], Some(2)), Some(2));
        assert_eq!(resume_at(&[0, 2, 5], Some(9)), Some(5));
        assert_eq!(resume_at(&[0, 2, 5], None), None);
    }

    #[test]
    fn sections_index_questions_depth_first() {
        let q = crate::questionnaire::builtin().unwrap();
        let sections = Sections::new(&q);
        assert_eq!(sections.subtree.len(), q.walk_sections().len());
        for (i, question) in q.questions.iter().enumerate() {
            assert_eq!(
                sections.of_question[i].is_none(),
                i < q.header_len,
                "{}",
                question.id
            );
        }
        let answers = Answers::new();
        let eval = Evaluation::new(&q, &answers);
        let marks = sections.marks(&q, &eval, &answers);
        assert!(marks.contains(&Mark::Empty));
        assert!(!marks.contains(&Mark::Answered) || marks.contains(&Mark::Empty));
    }
}
