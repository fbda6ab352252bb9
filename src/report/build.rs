//! Building a [`Document`] from a questionnaire and its answers.
//!
//! Owns: which questions and sections apply (conditions evaluated in file order, so a hidden
//! answer reads as `none` to later conditions), the effective value of each question (its
//! answer, or its default), heading numbers over the sections that apply, default rendering of
//! a section's answers, turning template output into blocks, tables with computed totals, and
//! the list of missing or invalid answers.
//!
//! Must not: format bytes for any output (that is `text.rs` and later `docx.rs`).

use std::collections::BTreeMap;

use minijinja::Value;

use super::document::{Block, Document, FrameText, Lead, TableBlock};
use crate::answers::{self, AnswerValue, Answers};
use crate::messages;
use crate::questionnaire::{
    CellKind, Condition, NumberStyle, Pos, QuestionKind, Questionnaire, Section, TableSpec, Text,
};
use crate::template::{BLOCK_END, BLOCK_START, Context, TemplateError};
use crate::vn;

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
        write!(f, "dòng {}: {}", self.pos.line, self.detail)
    }
}

impl std::error::Error for RenderError {}

/// Which parts of a questionnaire apply to a set of answers, and the values that count.
#[derive(Debug, Clone)]
pub struct Applied {
    /// Per question (same order as `Questionnaire::questions`): does it apply?
    pub applies: Vec<bool>,
    /// Per question: the answer, or the default, when it applies.
    pub values: Vec<Option<AnswerValue>>,
    /// Per section in depth-first order: does it apply?
    pub sections: Vec<bool>,
    /// Conditions that failed although every answer they read was given (a questionnaire
    /// mistake such as `ten + 1 > 0`); each counted as false.
    pub failed_conditions: Vec<RenderError>,
}

impl Applied {
    /// The template context: vars plus every question (none when it does not apply).
    pub fn context(&self, q: &Questionnaire) -> Context {
        let mut names: BTreeMap<String, Value> =
            q.vars.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (question, value) in q.questions.iter().zip(&self.values) {
            let v = value
                .as_ref()
                .map_or(Value::from(()), |v| question.template_value(v));
            names.insert(question.id.clone(), v);
        }
        Context::new(names)
    }
}

/// Evaluates every condition in file order.
pub fn applicability(q: &Questionnaire, answers: &Answers) -> Applied {
    let n = q.questions.len();
    let mut applied = Applied {
        applies: vec![false; n],
        values: vec![None; n],
        sections: Vec::new(),
        failed_conditions: Vec::new(),
    };
    let engine = q.engine();
    let eval = |cond: &Option<Condition>, applied: &mut Applied| -> bool {
        let Some(cond) = cond else { return true };
        let mut names = BTreeMap::new();
        let mut unanswered = false;
        for name in &cond.compiled.names {
            let value = if let Some(v) = q.vars.get(name) {
                v.clone()
            } else if let Some(i) = q.index_of(name) {
                unanswered |= applied.values[i].is_none();
                applied.values[i]
                    .as_ref()
                    .map_or(Value::from(()), |v| q.questions[i].template_value(v))
            } else {
                Value::from(())
            };
            names.insert(name.clone(), value);
        }
        // A condition that cannot be evaluated (e.g. `"5S" in x` while x is unanswered) does
        // not hold: the part it guards does not apply. With every answer given, that is a
        // mistake in the questionnaire, and it is reported.
        match engine.eval(&cond.compiled, &Context::new(names)) {
            Ok(holds) => holds,
            Err(err) => {
                if !unanswered {
                    applied.failed_conditions.push(error_at(cond.pos, &err));
                }
                false
            }
        }
    };
    let settle = |i: usize, parent: bool, applied: &mut Applied| {
        let question = &q.questions[i];
        let visible = parent && eval(&question.when, applied);
        applied.applies[i] = visible;
        if visible {
            // The default stands in for an answer that is absent; an answer stored empty
            // (the official un-chose a default in the wizard) stays empty.
            applied.values[i] = match answers.get(&question.id) {
                Some(v) => (!v.is_empty()).then(|| v.clone()),
                None => question.default.clone(),
            };
        }
    };
    for i in 0..q.header_len {
        settle(i, true, &mut applied);
    }
    let mut todo: Vec<(&Section, bool)> = q.sections.iter().rev().map(|s| (s, true)).collect();
    while let Some((section, parent)) = todo.pop() {
        let visible = parent && eval(&section.when, &mut applied);
        applied.sections.push(visible);
        for &i in &section.questions {
            settle(i, visible, &mut applied);
        }
        todo.extend(section.sections.iter().rev().map(|s| (s, visible)));
    }
    applied
}

fn error_at(pos: Pos, err: &TemplateError) -> RenderError {
    RenderError {
        pos,
        detail: err.detail.clone(),
        budget: err.budget,
    }
}

/// An answer that is missing or does not pass its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A required question that applies has no answer.
    Missing { id: String, ask: String },
    /// An answer fails the question's validation.
    Invalid { id: String, message: String },
    /// A condition could not be evaluated with the answers given; its part was left out.
    Condition { line: usize, detail: String },
}

/// Missing required answers and failing validations, among the questions that apply.
pub fn problems(q: &Questionnaire, answers: &Answers) -> Vec<Problem> {
    let applied = applicability(q, answers);
    problems_in(q, &applied, &applied.context(q))
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

fn problems_in(q: &Questionnaire, applied: &Applied, ctx: &Context) -> Vec<Problem> {
    let mut out: Vec<Problem> = applied
        .failed_conditions
        .iter()
        .map(|e| Problem::Condition {
            line: e.pos.line,
            detail: e.detail.clone(),
        })
        .collect();
    for (i, question) in q.questions.iter().enumerate() {
        if !applied.applies[i] {
            continue;
        }
        match &applied.values[i] {
            None if question.required => out.push(Problem::Missing {
                id: question.id.clone(),
                ask: inline_markers(
                    &render_text(q, &question.ask, ctx)
                        .unwrap_or_else(|_| question.ask.source.clone()),
                    q,
                    applied,
                ),
            }),
            None => {}
            Some(v) => {
                for message in answers::check::check(question, v) {
                    out.push(Problem::Invalid {
                        id: question.id.clone(),
                        message,
                    });
                }
            }
        }
    }
    out
}

fn render_text(q: &Questionnaire, text: &Text, ctx: &Context) -> Result<String, RenderError> {
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
    let rendered = render_text(q, text, context).unwrap_or_else(|_| text.source.clone());
    inline_markers(rendered.trim(), q, applied)
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

/// Block markers inside running text (a heading, a frame line, the middle of a sentence): a
/// list becomes "a, b và c"; a table cannot stand inside a sentence and is left out.
fn inline_markers(line: &str, q: &Questionnaire, applied: &Applied) -> String {
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
pub(super) fn replace_markers(line: &str, mut with: impl FnMut(&str) -> Option<String>) -> String {
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

/// Builds the whole document.
pub fn build(q: &Questionnaire, answers: &Answers) -> Result<Document, RenderError> {
    let applied = applicability(q, answers);
    build_in(q, &applied, &applied.context(q))
}

fn build_in(q: &Questionnaire, applied: &Applied, ctx: &Context) -> Result<Document, RenderError> {
    let f = &q.frame;
    let frame = FrameText {
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
    };
    let mut body = Body {
        q,
        applied,
        ctx,
        blocks: Vec::new(),
        origins: Vec::new(),
        section_index: 0,
    };
    body.sections(&q.sections, 1, "")?;
    Ok(Document {
        frame,
        body: body.blocks,
        origins: body.origins,
    })
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
                    let items: Vec<String> = items
                        .iter()
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect();
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
                let items: Vec<String> = items
                    .iter()
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect();
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
pub(super) fn place(
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

pub(super) fn count_descendants(section: &Section) -> usize {
    section
        .sections
        .iter()
        .map(|s| 1 + count_descendants(s))
        .sum()
}

pub(super) fn whole_marker(line: &str) -> Option<&str> {
    let inner = line.strip_prefix(BLOCK_START)?.strip_suffix(BLOCK_END)?;
    (!inner.contains(BLOCK_START) && !inner.contains(BLOCK_END)).then_some(inner)
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
pub(super) fn push_line(out: &mut Vec<Block>, line: &str) {
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

/// The printed number of the `n`-th section (1-based) of a level.
pub fn number_for(
    style: NumberStyle,
    n: usize,
    parent: &str,
    parent_style: Option<NumberStyle>,
) -> String {
    match style {
        NumberStyle::Roman => format!("{}.", roman(n)),
        NumberStyle::Arabic => format!("{n}."),
        NumberStyle::Nested => match parent_style {
            Some(NumberStyle::Arabic | NumberStyle::Nested) if !parent.is_empty() => {
                format!("{}.{n}.", parent.trim_end_matches('.'))
            }
            _ => format!("{n}."),
        },
        NumberStyle::Alpha => format!("{})", alpha(n)),
        NumberStyle::None => String::new(),
    }
}

fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// The letters of points in Vietnamese documents: a, b, c, d, đ, e, g, h, i, k, … y (the
/// Vietnamese alphabet without the marked vowels; no f, j, w, z). After y: aa, ab, …
const LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

fn alpha(n: usize) -> String {
    let mut n = n;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
    }
    out.iter().rev().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number_for(NumberStyle::Roman, 4, "", None), "IV.");
        assert_eq!(number_for(NumberStyle::Roman, 14, "", None), "XIV.");
        assert_eq!(
            number_for(NumberStyle::Arabic, 2, "II.", Some(NumberStyle::Roman)),
            "2."
        );
        assert_eq!(
            number_for(NumberStyle::Nested, 3, "1.", Some(NumberStyle::Arabic)),
            "1.3."
        );
        assert_eq!(
            number_for(NumberStyle::Nested, 2, "1.3.", Some(NumberStyle::Nested)),
            "1.3.2."
        );
        assert_eq!(
            number_for(NumberStyle::Nested, 2, "II.", Some(NumberStyle::Roman)),
            "2."
        );
        assert_eq!(number_for(NumberStyle::Alpha, 1, "", None), "a)");
        assert_eq!(number_for(NumberStyle::Alpha, 5, "", None), "đ)");
        assert_eq!(number_for(NumberStyle::Alpha, 7, "", None), "g)");
        assert_eq!(number_for(NumberStyle::Alpha, 23, "", None), "y)");
        assert_eq!(number_for(NumberStyle::Alpha, 24, "", None), "aa)");
        assert_eq!(number_for(NumberStyle::None, 1, "", None), "");
    }

    #[test]
    fn paragraph_lines_and_bullets() {
        let blocks = text_blocks("Một.\n\n- a\n- b\nHai.");
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[1], Block::Bullets(vec!["a".into(), "b".into()]));
    }
}
