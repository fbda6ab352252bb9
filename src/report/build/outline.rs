//! The report's outline as the wizard lists it: every section with the number it will print
//! with and its title.
//!
//! Must not: build the document.

use super::Applied;
use super::fill::{inline_markers, render_text};
use super::numbering::number_for;
use crate::messages;
use crate::questionnaire::{Questionnaire, Section};
use crate::template::Context;

/// One section of the report's outline, as the wizard lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineEntry {
    /// Depth-first index of the section (as in [`Applied::sections`]).
    pub section: usize,
    /// 1 = top level.
    pub level: usize,
    /// The number it prints with ("II.", "1.1.") when it applies; empty otherwise.
    pub number: String,
    /// The heading, or for a section without one the prompt of its first question.
    pub title: String,
    pub applies: bool,
}

/// Every section with the number it will print with. Sections that apply are numbered as if
/// each will say something, so numbers do not shift while the official is still answering.
pub fn outline(q: &Questionnaire, applied: &Applied, context: &Context) -> Vec<OutlineEntry> {
    fn walk(
        q: &Questionnaire,
        applied: &Applied,
        ctx: &Context,
        sections: &[Section],
        level: usize,
        parent_number: &str,
        out: &mut Vec<OutlineEntry>,
    ) {
        let (style, parent_style) = q.number_styles(level);
        let mut counter = 0;
        for section in sections {
            let index = out.len();
            let in_force = applied.sections.get(index).copied().unwrap_or(false);
            let number = if in_force && section.numbered && section.heading.is_some() {
                counter += 1;
                number_for(style, counter, parent_number, parent_style)
            } else {
                String::new()
            };
            let title = match &section.heading {
                Some(heading) => {
                    render_text(q, heading, ctx).unwrap_or_else(|_| heading.source.clone())
                }
                None => section
                    .questions
                    .first()
                    .map(|&i| {
                        let ask = &q.questions[i].ask;
                        render_text(q, ask, ctx).unwrap_or_else(|_| ask.source.clone())
                    })
                    .unwrap_or_default(),
            };
            out.push(OutlineEntry {
                section: index,
                level,
                number: number.clone(),
                title: if title.trim().is_empty() {
                    messages::UNTITLED_SECTION.to_owned()
                } else {
                    // A list in a heading reads "a, b và c", as in the report.
                    inline_markers(title.trim(), q, applied).trim().to_owned()
                },
                applies: in_force,
            });
            walk(q, applied, ctx, &section.sections, level + 1, &number, out);
        }
    }
    let mut out = Vec::new();
    walk(q, applied, context, &q.sections, 1, "", &mut out);
    out
}
