//! The report's frame (NĐ 30 header, title and signer blocks) from the questionnaire's frame
//! templates: one line per template line, a list standing alone on a line one line per item.
//!
//! Must not: build the body (`body`).

use super::Applied;
use super::RenderError;
use super::fill::{inline_markers, render_text, whole_marker};
use crate::answers::AnswerValue;
use crate::messages;
use crate::questionnaire::{Questionnaire, Text};
use crate::report::document::FrameText;
use crate::template::Context;

/// The frame's texts: the header, title and signer blocks filled in with the answers.
pub(super) fn frame_text(
    q: &Questionnaire,
    applied: &Applied,
    ctx: &Context,
) -> Result<FrameText, RenderError> {
    let f = &q.frame;
    Ok(FrameText {
        parent: render_lines(q, &f.parent, ctx, applied)?,
        issuer: render_lines(q, &f.issuer, ctx, applied)?,
        number: inline_markers(&render_opt(q, f.number.as_ref(), ctx)?, q, applied),
        place_date: inline_markers(&render_opt(q, f.place_date.as_ref(), ctx)?, q, applied),
        kind: match &f.kind {
            Some(kind) => inline_markers(&render_opt(q, Some(kind), ctx)?, q, applied),
            None => messages::DEFAULT_KIND.to_owned(),
        },
        summary: inline_markers(&render_opt(q, f.summary.as_ref(), ctx)?, q, applied),
        to: render_lines(q, &f.to, ctx, applied)?,
        closing: inline_markers(&render_opt(q, f.closing.as_ref(), ctx)?, q, applied),
        authority: render_lines(q, &f.authority, ctx, applied)?,
        signer_title: inline_markers(&render_opt(q, f.signer_title.as_ref(), ctx)?, q, applied),
        signer_name: inline_markers(&render_opt(q, f.signer_name.as_ref(), ctx)?, q, applied),
        cc: render_lines(q, &f.cc, ctx, applied)?,
    })
}

fn render_opt(
    q: &Questionnaire,
    text: Option<&Text>,
    ctx: &Context,
) -> Result<String, RenderError> {
    text.map_or(Ok(String::new()), |t| render_text(q, t, ctx))
        .map(|s| s.trim().to_owned())
}

/// Frame lines: each template may give several lines; a list standing alone on a line gives
/// one line per item.
fn render_lines(
    q: &Questionnaire,
    texts: &[Text],
    ctx: &Context,
    applied: &Applied,
) -> Result<Vec<String>, RenderError> {
    let mut out = Vec::new();
    for text in texts {
        let rendered = render_text(q, text, ctx)?;
        for line in rendered.lines().map(str::trim) {
            let list = whole_marker(line)
                .and_then(|id| q.index_of(id))
                .and_then(|i| applied.values[i].as_ref());
            match list {
                Some(AnswerValue::List(items)) => {
                    out.extend(items.iter().map(|s| s.trim().to_owned()));
                }
                _ => out.push(inline_markers(line, q, applied).trim().to_owned()),
            }
        }
    }
    out.retain(|l| !l.is_empty());
    Ok(out)
}
