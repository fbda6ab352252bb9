//! Building a [`Document`] from a questionnaire and its answers.
//!
//! Owns: which questions and sections apply (conditions evaluated in file order, so a hidden
//! answer reads as `none` to later conditions), the effective value of each question (its
//! answer, or its default), heading numbers over the sections that apply, default rendering of
//! a section's answers, turning template output into blocks, tables with computed totals, and
//! the list of missing or invalid answers.
//!
//! The parts: `applied` decides what applies and the values that count; `fill` renders
//! questionnaire texts and replaces block markers; `frame` fills the NĐ 30 frame; `body` builds
//! the body's blocks; `numbering` prints heading numbers; `outline` lists the sections for the
//! wizard; `problems` lists missing and invalid answers. This file holds the render error and
//! the entry points that evaluate conditions once and hand the result to the parts.
//!
//! Must not: format bytes for any output (that is `text.rs` and `docx.rs`).

use super::document::Document;
use crate::answers::Answers;
use crate::questionnaire::{Pos, Questionnaire};
use crate::template::{Context, TemplateError};

mod applied;
mod body;
mod fill;
mod frame;
mod numbering;
mod outline;
mod problems;

pub use applied::{Applied, applicability};
pub(in crate::report) use body::{count_descendants, place, push_line};
pub(in crate::report) use fill::{replace_markers, whole_marker};
pub use fill::{text_for, try_text_for};
pub use numbering::number_for;
pub use outline::{OutlineEntry, outline};
use problems::problems_in;
pub use problems::{Problem, problems};

/// A template failed while rendering real answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError {
    /// Where the failing template is written in the questionnaire.
    pub pos: Pos,
    pub detail: String,
    /// Stopped by the render budget: the questionnaire is at fault, not a missing answer.
    pub budget: bool,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::messages::render_error_at(
            self.pos.line,
            &self.detail,
        ))
    }
}

impl std::error::Error for RenderError {}

fn error_at(pos: Pos, err: &TemplateError) -> RenderError {
    RenderError {
        pos,
        detail: err.detail.clone(),
        budget: err.budget,
    }
}

/// The document and the problems of one set of answers, evaluating conditions once.
pub fn build_checked(
    q: &Questionnaire,
    answers: &Answers,
) -> (Result<Document, RenderError>, Vec<Problem>) {
    let applied = applicability(q, answers);
    let ctx = applied.context(q);
    (build_in(q, &applied, &ctx), problems_in(q, &applied, &ctx))
}

/// One evaluation of a set of answers: what applies, the template context, the document and
/// the problems, with conditions evaluated once.
#[derive(Debug, Clone)]
pub struct Evaluated {
    pub applied: Applied,
    pub context: Context,
    pub document: Result<Document, RenderError>,
    pub problems: Vec<Problem>,
}

/// Applicability, document and problems of one set of answers, evaluating conditions once.
pub fn evaluate(q: &Questionnaire, answers: &Answers) -> Evaluated {
    let applied = applicability(q, answers);
    let context = applied.context(q);
    let document = build_in(q, &applied, &context);
    let problems = problems_in(q, &applied, &context);
    Evaluated {
        applied,
        context,
        document,
        problems,
    }
}

/// Builds the whole document.
pub fn build(q: &Questionnaire, answers: &Answers) -> Result<Document, RenderError> {
    let applied = applicability(q, answers);
    build_in(q, &applied, &applied.context(q))
}

fn build_in(q: &Questionnaire, applied: &Applied, ctx: &Context) -> Result<Document, RenderError> {
    let frame = frame::frame_text(q, applied, ctx)?;
    let (body, origins) = body::blocks(q, applied, ctx)?;
    Ok(Document {
        frame,
        body,
        origins,
    })
}
