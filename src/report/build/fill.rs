//! Questionnaire texts filled in with the answers: templates rendered with the context, and
//! the block markers a template leaves for lists and tables replaced in running text (a list
//! reads "a, b và c", a table is left out) or recognised when they stand alone on a line.
//!
//! Must not: decide what applies (`applied`) or build blocks (`body`).

use super::{Applied, RenderError, error_at};
use crate::answers::AnswerValue;
use crate::messages;
use crate::questionnaire::{Pos, Questionnaire, Text};
use crate::template::{BLOCK_END, BLOCK_START, Context};
use crate::vn;

pub(super) fn render_text(
    q: &Questionnaire,
    text: &Text,
    ctx: &Context,
) -> Result<String, RenderError> {
    match &text.compiled {
        None => Ok(text.source.clone()),
        Some(compiled) => q
            .engine()
            .render(compiled, ctx)
            .map_err(|e| error_at(Pos::new(text.first_line + e.line.unwrap_or(1) - 1, 1), &e)),
    }
}

/// A questionnaire text (a prompt, a help line, a suggestion) filled in with the answers
/// (`context` is [`Applied::context`]); the source itself if the template fails.
pub fn text_for(q: &Questionnaire, text: &Text, applied: &Applied, context: &Context) -> String {
    try_text_for(q, text, applied, context).unwrap_or_else(|_| text.source.clone())
}

/// [`text_for`], or why the template failed (where the front end shows a text, it can say so).
pub fn try_text_for(
    q: &Questionnaire,
    text: &Text,
    applied: &Applied,
    context: &Context,
) -> Result<String, RenderError> {
    let rendered = render_text(q, text, context)?;
    Ok(inline_markers(rendered.trim(), q, applied))
}

/// Block markers inside running text (a heading, a frame line, the middle of a sentence): a
/// list becomes "a, b và c"; a table cannot stand inside a sentence and is left out.
pub(super) fn inline_markers(line: &str, q: &Questionnaire, applied: &Applied) -> String {
    replace_markers(line, |id| {
        let value = q.index_of(id).and_then(|i| applied.values[i].as_ref());
        let Some(AnswerValue::List(items)) = value else {
            return None;
        };
        let items: Vec<&str> = items
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        Some(vn::join_list(&items, messages::AND))
    })
}

/// Each block marker in running text replaced by what `with` gives for its question id
/// (nothing for None), stray markers dropped.
pub(in crate::report) fn replace_markers(
    line: &str,
    mut with: impl FnMut(&str) -> Option<String>,
) -> String {
    // Most lines hold no marker: a byte search (memchr) settles that without decoding.
    if !has_marker(line) {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find(BLOCK_START) {
        out.push_str(&rest[..start]);
        let after = &rest[start + BLOCK_START.len_utf8()..];
        let Some(end) = after.find(BLOCK_END) else {
            rest = after;
            continue;
        };
        if let Some(text) = with(&after[..end]) {
            out.push_str(&text);
        }
        rest = &after[end + BLOCK_END.len_utf8()..];
    }
    out.push_str(rest);
    strip_markers(&out)
}

/// Removes stray block markers.
fn strip_markers(s: &str) -> String {
    if !has_marker(s) {
        return s.to_owned();
    }
    s.chars()
        .filter(|c| *c != BLOCK_START && *c != BLOCK_END)
        .collect()
}

/// Whether a text holds a block marker.
fn has_marker(s: &str) -> bool {
    s.contains(BLOCK_START) || s.contains(BLOCK_END)
}

pub(in crate::report) fn whole_marker(line: &str) -> Option<&str> {
    let inner = line.strip_prefix(BLOCK_START)?.strip_suffix(BLOCK_END)?;
    (!inner.contains(BLOCK_START) && !inner.contains(BLOCK_END)).then_some(inner)
}
