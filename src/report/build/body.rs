//! The report's body from the sections that apply: heading numbers over the sections that say
//! something, a section's template output turned into blocks (paragraphs, bullets, whole-line
//! lists and tables), the default rendering of a section's answers, tables with computed
//! totals, and run-in headings.
//!
//! Must not: fill the frame (`frame`) or list problems (`problems`).

use super::fill::{inline_markers, render_text, whole_marker};
use super::numbering::number_for;
use super::{Applied, RenderError};
use crate::answers::{self, AnswerValue};
use crate::questionnaire::{CellKind, QuestionKind, Questionnaire, Section, TableSpec};
use crate::report::document::{Block, Lead, TableBlock};
use crate::template::Context;

/// The body's blocks and the section index of each, over the sections that apply.
pub(super) fn blocks(
    q: &Questionnaire,
    applied: &Applied,
    ctx: &Context,
) -> Result<(Vec<Block>, Vec<usize>), RenderError> {
    let mut body = Body {
        q,
        applied,
        ctx,
        blocks: Vec::new(),
        origins: Vec::new(),
        section_index: 0,
    };
    body.sections(&q.sections, 1, "")?;
    Ok((body.blocks, body.origins))
}

struct Body<'a> {
    q: &'a Questionnaire,
    applied: &'a Applied,
    ctx: &'a Context,
    blocks: Vec<Block>,
    /// The section index of each block.
    origins: Vec<usize>,
    /// Depth-first index of the next section, matching `Applied::sections`.
    section_index: usize,
}

impl Body<'_> {
    fn sections(
        &mut self,
        sections: &[Section],
        level: usize,
        parent_number: &str,
    ) -> Result<bool, RenderError> {
        let (style, parent_style) = self.q.number_styles(level);
        let mut counter = 0;
        let mut any = false;
        for section in sections {
            let index = self.section_index;
            self.section_index += 1;
            if !self.applied.sections[index] {
                self.section_index += count_descendants(section);
                continue;
            }
            let numbered = section.numbered && section.heading.is_some();
            let number = if numbered {
                number_for(style, counter + 1, parent_number, parent_style)
            } else {
                String::new()
            };
            // A section that applies but says nothing (all its questions hidden or left
            // empty) is left out, heading and number included, like one that does not apply.
            let start = self.blocks.len();
            if self.section(section, level, &number, index)? {
                counter += usize::from(numbered);
                any = true;
            } else {
                self.blocks.truncate(start);
                self.origins.truncate(start);
            }
        }
        Ok(any)
    }

    fn section(
        &mut self,
        section: &Section,
        level: usize,
        number: &str,
        index: usize,
    ) -> Result<bool, RenderError> {
        let content = match &section.text {
            Some(text) => {
                let rendered = render_text(self.q, text, self.ctx)?;
                self.blocks_from_text(&rendered)?
            }
            None => self.default_blocks(section)?,
        };
        let has_content = !content.is_empty();
        let heading = match &section.heading {
            Some(heading) => Some(self.inline(render_text(self.q, heading, self.ctx)?.trim())),
            None => None,
        };
        place(
            &mut self.blocks,
            heading,
            section.inline,
            level,
            number,
            content,
        );
        self.origins.resize(self.blocks.len(), index);
        let children = self.sections(&section.sections, level + 1, number)?;
        Ok(has_content || children)
    }

    /// A section without a template: its answers in order.
    fn default_blocks(&self, section: &Section) -> Result<Vec<Block>, RenderError> {
        let mut out = Vec::new();
        for &i in &section.questions {
            let question = &self.q.questions[i];
            let Some(value) = &self.applied.values[i] else {
                continue;
            };
            match (value, &question.kind) {
                (AnswerValue::Text(s), _) => out.extend(text_blocks(s)),
                (AnswerValue::List(items), _) => {
                    let items = list_items(items);
                    if !items.is_empty() {
                        out.push(Block::Bullets(items));
                    }
                }
                (AnswerValue::Table(rows), QuestionKind::Table(spec)) => {
                    if let Some(table) = self.table(spec, rows)? {
                        out.push(Block::Table(table));
                    }
                }
                (AnswerValue::Bool(_), _) if question.label.is_none() => {}
                (value, _) => {
                    let label = match &question.label {
                        Some(label) => label.clone(),
                        None => self
                            .inline(&render_text(self.q, &question.ask, self.ctx)?)
                            .trim()
                            .trim_end_matches(['?', ':'])
                            .to_owned(),
                    };
                    out.push(Block::Paragraph {
                        lead: None,
                        text: format!("{label}: {}", value.display()),
                    });
                }
            }
        }
        Ok(out)
    }

    /// Template output → blocks: bullets, whole-line lists and tables, paragraphs.
    fn blocks_from_text(&self, rendered: &str) -> Result<Vec<Block>, RenderError> {
        let mut out: Vec<Block> = Vec::new();
        for line in rendered.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if let Some(id) = whole_marker(line) {
                if let Some(block) = self.block_for(id)? {
                    out.push(block);
                }
                continue;
            }
            let line = self.inline(line);
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            push_line(&mut out, line);
        }
        Ok(out)
    }

    fn value_of(&self, id: &str) -> Option<(&AnswerValue, &QuestionKind)> {
        let i = self.q.index_of(id)?;
        Some((self.applied.values[i].as_ref()?, &self.q.questions[i].kind))
    }

    fn block_for(&self, id: &str) -> Result<Option<Block>, RenderError> {
        let Some(value) = self.value_of(id) else {
            return Ok(None);
        };
        Ok(match value {
            (AnswerValue::List(items), _) => {
                let items = list_items(items);
                (!items.is_empty()).then_some(Block::Bullets(items))
            }
            (AnswerValue::Table(rows), QuestionKind::Table(spec)) => {
                self.table(spec, rows)?.map(Block::Table)
            }
            _ => None,
        })
    }

    fn table(
        &self,
        spec: &TableSpec,
        rows: &[answers::Row],
    ) -> Result<Option<TableBlock>, RenderError> {
        let cells = spec.complete(rows);
        if cells.is_empty() {
            return Ok(None);
        }
        let header = spec
            .columns
            .iter()
            .map(|c| render_text(self.q, &c.title, self.ctx).map(|s| self.inline(s.trim())))
            .collect::<Result<Vec<_>, _>>()?;
        let numeric: Vec<bool> = spec
            .columns
            .iter()
            .map(|c| c.kind != CellKind::Text)
            .collect();
        let total = spec.total_row.as_ref().map(|label| {
            spec.columns
                .iter()
                .enumerate()
                .map(|(ci, column)| match column.kind {
                    CellKind::Text if ci == 0 => label.clone(),
                    CellKind::Text => String::new(),
                    CellKind::Integer | CellKind::Decimal => cells
                        .iter()
                        .filter_map(|row| row[ci].clone())
                        .reduce(|a, b| a.add(&b))
                        .map_or_else(|| "0".to_owned(), |c| c.display()),
                })
                .collect()
        });
        let body = cells
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|c| c.map(|c| c.display()).unwrap_or_default())
                    .collect()
            })
            .collect();
        Ok(Some(TableBlock {
            header,
            rows: body,
            numeric,
            total,
        }))
    }

    fn inline(&self, text: &str) -> String {
        inline_markers(text, self.q, self.applied)
    }
}

/// A section's heading followed by its content. A run-in heading (`inline`) opens the first
/// paragraph ("1.1. Heading: text"), or stands alone with a colon when the content does not
/// start with a paragraph.
pub(in crate::report) fn place(
    blocks: &mut Vec<Block>,
    heading: Option<String>,
    inline: bool,
    level: usize,
    number: &str,
    content: Vec<Block>,
) {
    let Some(text) = heading else {
        blocks.extend(content);
        return;
    };
    let mut content = content.into_iter().peekable();
    if inline {
        if let Some(Block::Paragraph { lead: None, .. }) = content.peek()
            && let Some(Block::Paragraph { text: first, .. }) = content.next()
        {
            blocks.push(Block::Paragraph {
                lead: Some(Lead {
                    level,
                    number: number.to_owned(),
                    text,
                }),
                text: first,
            });
        } else {
            let text = if text.ends_with(':') {
                text
            } else {
                format!("{text}:")
            };
            blocks.push(Block::Heading {
                level,
                number: number.to_owned(),
                text,
            });
        }
    } else {
        blocks.push(Block::Heading {
            level,
            number: number.to_owned(),
            text,
        });
    }
    blocks.extend(content);
}

pub(in crate::report) fn count_descendants(section: &Section) -> usize {
    section
        .sections
        .iter()
        .map(|s| 1 + count_descendants(s))
        .sum()
}

/// Paragraph text → paragraphs, with "- " lines as bullets.
fn text_blocks(s: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty()) {
        push_line(&mut out, line);
    }
    out
}

/// One line of text as a block: a "- " line joins (or starts) a bullet list, any other line
/// is a paragraph.
pub(in crate::report) fn push_line(out: &mut Vec<Block>, line: &str) {
    if let Some(item) = line.strip_prefix("- ") {
        let item = item.trim().to_owned();
        if let Some(Block::Bullets(items)) = out.last_mut() {
            items.push(item);
        } else {
            out.push(Block::Bullets(vec![item]));
        }
    } else {
        out.push(Block::Paragraph {
            lead: None,
            text: line.to_owned(),
        });
    }
}

/// A list answer's items as printed: each trimmed, empty ones left out.
fn list_items(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_lines_and_bullets() {
        let blocks = text_blocks("Một.\n\n- a\n- b\nHai.");
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[1], Block::Bullets(vec!["a".into(), "b".into()]));
    }
}
