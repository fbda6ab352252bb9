//! The body of a Word report other than tables: headings by level (bold, bold italic, italic;
//! in Word's navigation pane), paragraphs with their lead, bullets, and notes, each kept with
//! what it introduces.
//!
//! Must not: lay out tables (`table`) or the frame (`frame`), or write XML.

use super::para::{Align, Para, Style, body_paragraph, clean_lines};
use crate::report::document::{Block, join_number};

/// The style of a heading at a level: I. and 1. bold (upper case for I. comes from the
/// questionnaire), 1.1. bold italic, deeper levels italic.
fn heading_style(level: usize) -> Style {
    match level {
        0..=2 => Style::BOLD,
        3 => Style::BOLD_ITALIC,
        _ => Style::ITALIC,
    }
}

/// The paragraphs of one body block (not a table).
pub(super) fn body_paragraphs(block: &Block, body: u32) -> Vec<Para> {
    match block {
        Block::Heading {
            level,
            number,
            text,
        } => clean_lines(&join_number(number, text))
            .iter()
            .map(|line| {
                let mut p = body_paragraph()
                    .run(line, body, heading_style(*level))
                    .keep_next();
                p.outline = Some(level.saturating_sub(1));
                p
            })
            .collect(),
        Block::Paragraph { lead, text } => {
            let mut lines = clean_lines(text).into_iter();
            let mut out = Vec::new();
            if let Some(lead) = lead {
                let mut p = body_paragraph().run(&lead.printed(), body, heading_style(lead.level));
                match lines.next() {
                    Some(first) => p = p.run(&format!(" {first}"), body, Style::PLAIN),
                    None => p.keep_next = true,
                }
                out.push(p);
            }
            out.extend(lines.map(|line| body_paragraph().run(&line, body, Style::PLAIN)));
            // "… như sau:" introduces what follows and stays on its page.
            if let Some(last) = out.last_mut()
                && text.trim_end().ends_with(':')
            {
                last.keep_next = true;
            }
            out
        }
        Block::Bullets(items) => items
            .iter()
            .flat_map(|item| {
                clean_lines(item).into_iter().enumerate().map(|(i, line)| {
                    let line = if i == 0 { format!("- {line}") } else { line };
                    body_paragraph().run(&line, body, Style::PLAIN)
                })
            })
            .collect(),
        Block::Table(_) => Vec::new(),
        // A note is no report text: left-aligned, so that a long condition is not stretched.
        Block::Note(text) => clean_lines(text)
            .iter()
            .map(|line| {
                let mut p = body_paragraph().run(line, body, Style::ITALIC).keep_next();
                p.align = Align::Left;
                p
            })
            .collect(),
    }
}
