//! The report's shape before anyone answers (`baocao preview`).
//!
//! Owns: the [`Document`] of a questionnaire without answers — the frame and every section,
//! numbered as if every section applies, each question's place as "[its prompt]", a list as
//! one bullet, a table as its header over its fixed rows (or one row of blanks), and notes
//! («…», [`Block::Note`]) saying which condition a section, a question or a part of a template
//! depends on. Templates are read by [`crate::template::shape`].
//!
//! Must not: read answers, or format bytes (that is `text.rs` and `docx.rs`).

use minijinja::Value;

use super::build::{
    count_descendants, number_for, place, push_line, replace_markers, whole_marker,
};
use super::document::{Block, Document, FrameText, TableBlock};
use crate::messages;
use crate::questionnaire::{
    CellKind, Condition, QuestionKind, Questionnaire, Section, TableSpec, Text,
};
use crate::template::shape::{NOTE, Names, Shaper};
use crate::template::{BLOCK_END, BLOCK_START};

/// The shape of the report a questionnaire produces.
pub fn preview(q: &Questionnaire) -> Document {
    let names = Placeholders::new(q);
    let mut shaper = Shaper::new(&names);
    let mut body = Body {
        q,
        names: &names,
        shaper: &mut shaper,
        blocks: Vec::new(),
        origins: Vec::new(),
        section_index: 0,
    };
    let frame = body.frame();
    body.sections(&q.sections, 1, "");
    Document {
        frame,
        body: body.blocks,
        origins: body.origins,
    }
}

/// A questionnaire's texts as the preview shows them, for other reports on a questionnaire
/// (`baocao diff`): `vars` filled in, each question as "[its prompt]", on one line.
pub struct Shown<'q> {
    names: Placeholders<'q>,
}

impl<'q> Shown<'q> {
    pub fn new(q: &'q Questionnaire) -> Self {
        Shown {
            names: Placeholders::new(q),
        }
    }

    /// A text (a heading, a prompt) on one line.
    pub fn line(&self, text: &Text) -> String {
        let shaped = Shaper::new(&self.names).shape(&text.source);
        one_line(&self.names.inline(&shaped))
    }

    /// The prompt of question `id` on one line (a question inside it as "…").
    pub fn ask(&self, id: &str) -> Option<&str> {
        let i = self.names.q.index_of(id)?;
        Some(&self.names.asks[i])
    }
}

/// Names inside prompts: `vars`, and any question as "…".
struct Prompts<'q> {
    q: &'q Questionnaire,
}

impl Names for Prompts<'_> {
    fn var(&self, name: &str) -> Option<&Value> {
        self.q.vars.get(name)
    }

    fn placeholder(&self, id: &str) -> Option<String> {
        self.q
            .index_of(id)
            .map(|_| messages::PREVIEW_ELLIPSIS.to_owned())
    }

    fn is_block(&self, _id: &str) -> bool {
        false
    }
}

/// Names inside report texts: `vars`, and each question as its placeholder.
struct Placeholders<'q> {
    q: &'q Questionnaire,
    /// Per question: its prompt on one line.
    asks: Vec<String>,
    /// Per question: "[prompt]".
    shown: Vec<String>,
}

impl<'q> Placeholders<'q> {
    fn new(q: &'q Questionnaire) -> Self {
        // Prompts first: a prompt may itself be a template (a question inside shows as "…").
        let asks: Vec<String> = {
            let names = Prompts { q };
            let mut shaper = Shaper::new(&names);
            q.questions
                .iter()
                .map(|question| one_line(&strip_markers(&shaper.shape(&question.ask.source))))
                .collect()
        };
        Placeholders {
            q,
            shown: asks
                .iter()
                .map(|ask| messages::preview_placeholder(ask))
                .collect(),
            asks,
        }
    }

    /// Text of one line: a question standing for a block reads as its placeholder, notes
    /// lose their mark.
    fn inline(&self, text: &str) -> String {
        // As in a report: a list inside a sentence reads "a, b và c"; a table cannot stand
        // there and is left out.
        let replaced = replace_markers(text, |id| {
            let table = self
                .q
                .question(id)
                .is_some_and(|q| matches!(q.kind, QuestionKind::Table(_)));
            (!table).then(|| {
                self.placeholder(id)
                    .unwrap_or_else(|| messages::preview_computed(id))
            })
        });
        strip_markers(&replaced)
    }
}

impl Names for Placeholders<'_> {
    fn var(&self, name: &str) -> Option<&Value> {
        self.q.vars.get(name)
    }

    fn placeholder(&self, id: &str) -> Option<String> {
        self.q.index_of(id).map(|i| self.shown[i].clone())
    }

    fn is_block(&self, id: &str) -> bool {
        self.q.index_of(id).is_some_and(|i| {
            matches!(
                self.q.questions[i].kind,
                QuestionKind::List | QuestionKind::Table(_)
            )
        })
    }
}

struct Body<'a, 'n> {
    q: &'a Questionnaire,
    names: &'a Placeholders<'a>,
    shaper: &'a mut Shaper<'n>,
    blocks: Vec<Block>,
    origins: Vec<usize>,
    section_index: usize,
}

impl Body<'_, '_> {
    fn inline(&self, text: &str) -> String {
        self.names.inline(text)
    }

    fn shape_line(&mut self, text: Option<&Text>) -> String {
        text.map_or_else(String::new, |t| {
            let shaped = self.shaper.shape(&t.source);
            one_line(&self.inline(&shaped))
        })
    }

    /// Frame lines: one per line of each template, notes as plain lines.
    fn shape_lines(&mut self, texts: &[Text]) -> Vec<String> {
        let mut out = Vec::new();
        for text in texts {
            let shaped = self.shaper.shape(&text.source);
            out.extend(
                shaped
                    .lines()
                    .map(|line| self.inline(line).trim().to_owned())
                    .filter(|line| !line.is_empty()),
            );
        }
        out
    }

    fn frame(&mut self) -> FrameText {
        let f = &self.q.frame;
        FrameText {
            parent: self.shape_lines(&f.parent),
            issuer: self.shape_lines(&f.issuer),
            number: self.shape_line(f.number.as_ref()),
            place_date: self.shape_line(f.place_date.as_ref()),
            kind: match &f.kind {
                Some(_) => self.shape_line(f.kind.as_ref()),
                None => messages::DEFAULT_KIND.to_owned(),
            },
            summary: self.shape_line(f.summary.as_ref()),
            to: self.shape_lines(&f.to),
            closing: self.shape_line(f.closing.as_ref()),
            authority: self.shape_lines(&f.authority),
            signer_title: self.shape_line(f.signer_title.as_ref()),
            signer_name: self.shape_line(f.signer_name.as_ref()),
            cc: self.shape_lines(&f.cc),
        }
    }

    /// Every section, numbered as if all of them apply.
    fn sections(&mut self, sections: &[Section], level: usize, parent_number: &str) {
        let (style, parent_style) = self.q.number_styles(level);
        let mut counter = 0;
        for section in sections {
            let index = self.section_index;
            self.section_index += 1;
            // A condition on `vars` alone is decided, as a report decides it.
            let decided = section.when.as_ref().and_then(|w| self.decided(w));
            if decided == Some(false) {
                self.section_index += count_descendants(section);
                continue;
            }
            let number = if section.numbered && section.heading.is_some() {
                counter += 1;
                number_for(style, counter, parent_number, parent_style)
            } else {
                String::new()
            };
            if let Some(when) = section.when.as_ref().filter(|_| decided.is_none()) {
                self.blocks
                    .push(Block::Note(messages::preview_section_when(&when.source)));
            }
            let content = match &section.text {
                Some(text) => {
                    let shaped = self.shaper.shape(&text.source);
                    self.blocks_from(&shaped)
                }
                None => self.default_blocks(section),
            };
            let heading = section.heading.as_ref().map(|h| self.shape_line(Some(h)));
            place(
                &mut self.blocks,
                heading,
                section.inline,
                level,
                &number,
                content,
            );
            self.origins.resize(self.blocks.len(), index);
            self.sections(&section.sections, level + 1, &number);
        }
    }

    /// The value of a condition that reads only `vars`; None when it reads answers.
    fn decided(&self, when: &Condition) -> Option<bool> {
        let mut values = std::collections::BTreeMap::new();
        for name in &when.compiled.names {
            if let Some(v) = self.q.vars.get(name) {
                values.insert(name.clone(), v.clone());
            } else if !crate::template::is_builtin_name(name) {
                return None;
            }
        }
        self.q
            .engine()
            .eval(&when.compiled, &crate::template::Context::new(values))
            .ok()
    }

    /// A template's shape as blocks: notes, lists and tables standing alone, paragraphs.
    fn blocks_from(&self, shaped: &str) -> Vec<Block> {
        let mut out = Vec::new();
        for line in shaped.lines().map(str::trim) {
            if let Some(note) = line.strip_prefix(NOTE) {
                out.push(Block::Note(note.trim().to_owned()));
                continue;
            }
            if let Some(i) = whole_marker(line).and_then(|id| self.q.index_of(id)) {
                out.extend(self.question_blocks(i));
                continue;
            }
            let line = self.inline(line);
            let line = line.trim();
            if !line.is_empty() {
                push_line(&mut out, line);
            }
        }
        out
    }

    /// A section without a template: each question's place, in order, as the report prints
    /// its answer.
    fn default_blocks(&self, section: &Section) -> Vec<Block> {
        let mut out = Vec::new();
        for &i in &section.questions {
            let question = &self.q.questions[i];
            let decided = question.when.as_ref().and_then(|w| self.decided(w));
            let blocks = self.question_blocks(i);
            if blocks.is_empty() || decided == Some(false) {
                continue;
            }
            if let Some(when) = question.when.as_ref().filter(|_| decided.is_none()) {
                out.push(Block::Note(messages::preview_question_when(&when.source)));
            }
            out.extend(blocks);
        }
        out
    }

    /// How question `i` prints standing alone.
    fn question_blocks(&self, i: usize) -> Vec<Block> {
        let question = &self.q.questions[i];
        let placeholder = self.names.shown[i].clone();
        let paragraph = |text: String| Block::Paragraph { lead: None, text };
        match &question.kind {
            QuestionKind::Text | QuestionKind::Paragraph => vec![paragraph(placeholder)],
            QuestionKind::List => vec![Block::Bullets(vec![messages::preview_item(&placeholder)])],
            QuestionKind::Table(spec) => vec![Block::Table(self.table(spec))],
            // A yes/no answer without a label prints nothing by itself.
            QuestionKind::YesNo if question.label.is_none() => Vec::new(),
            _ => {
                let ask = &self.names.asks[i];
                let label = question
                    .label
                    .clone()
                    .unwrap_or_else(|| ask.trim_end_matches(['?', ':']).trim().to_owned());
                vec![paragraph(format!("{label}: {placeholder}"))]
            }
        }
    }

    /// A table's header over its fixed rows (or one row of blanks), and its totals row.
    fn table(&self, spec: &TableSpec) -> TableBlock {
        let mut prompts = Shaper::new(self.names);
        let header: Vec<String> = spec
            .columns
            .iter()
            .map(|c| one_line(&self.inline(&prompts.shape(&c.title.source))))
            .collect();
        let numeric: Vec<bool> = spec
            .columns
            .iter()
            .map(|c| c.kind != CellKind::Text)
            .collect();
        let blank = || -> Vec<String> {
            spec.columns
                .iter()
                .map(|_| messages::PREVIEW_ELLIPSIS.to_owned())
                .collect()
        };
        let labelled = |label: &str| {
            let mut row = blank();
            if let Some(first) = row.first_mut() {
                label.clone_into(first);
            }
            row
        };
        let rows = if spec.rows.is_empty() {
            vec![blank()]
        } else {
            spec.rows.iter().map(|label| labelled(label)).collect()
        };
        TableBlock {
            header,
            rows,
            numeric,
            total: spec.total_row.as_deref().map(labelled),
        }
    }
}

/// Whitespace (line breaks included) collapsed to single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Block and note marks taken out.
fn strip_markers(text: &str) -> String {
    text.chars()
        .filter(|c| ![BLOCK_START, BLOCK_END, NOTE].contains(c))
        .collect()
}
