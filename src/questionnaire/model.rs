//! The validated, immutable questionnaire: what the rest of the program works with.
//!
//! Owns: [`Questionnaire`], [`Section`], [`Question`], [`QuestionKind`], [`TableSpec`],
//! [`Validation`], [`NumberStyle`], [`Frame`] and [`Text`] (a piece of text that may be a
//! compiled template). Everything here has passed the loader's checks, so the other modules can
//! rely on it: ids are unique, conditions name only earlier answers, templates name only
//! known things. [`Question::template_value`] is how an answer to a question enters a template
//! (the engine sees a table question through [`TableLayout`]).
//!
//! Must not: parse YAML, know about answers files, terminals or output formats; import
//! `answers` (defaults are values of the leaf `crate::value`).

use indexmap::IndexMap;
use std::sync::OnceLock;

use regex_automata::nfa::thompson::{self, pikevm::PikeVM};

use super::diag::Pos;
use crate::template::{self, Compiled, Engine, TableLayout};
use crate::value::{AnswerValue, Cell, Row};

/// A loaded questionnaire.
#[derive(Debug)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    /// The title with vars filled in.
    pub title: String,
    /// A short hash of the file's bytes, recorded in answers files.
    pub hash: String,
    /// Per-period values, as template values.
    pub vars: IndexMap<String, minijinja::Value>,
    pub numbering: Vec<NumberStyle>,
    pub frame: Frame,
    /// Every question, in file order: header questions first, then the sections' depth-first.
    pub questions: Vec<Question>,
    /// Question id → index in `questions`.
    pub(crate) index: std::collections::HashMap<String, usize>,
    /// How many of `questions` are header questions.
    pub header_len: usize,
    /// The report body.
    pub sections: Vec<Section>,
    /// Old id → new id, for answers saved under an old id.
    pub renames: IndexMap<String, String>,
    pub(crate) engine: Engine,
}

impl Questionnaire {
    /// The index of a question by id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// A question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index_of(id).map(|i| &self.questions[i])
    }

    /// The template engine holding this questionnaire's compiled templates.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The numbering style of heading level `level` (1 = top) and of its parent level.
    pub fn number_styles(&self, level: usize) -> (NumberStyle, Option<NumberStyle>) {
        let style = self
            .numbering
            .get(level - 1)
            .copied()
            .unwrap_or(NumberStyle::None);
        let parent = level
            .checked_sub(2)
            .and_then(|l| self.numbering.get(l).copied());
        (style, parent)
    }

    /// Every section, depth first, with its level (1 = top).
    pub fn walk_sections(&self) -> Vec<(usize, &Section)> {
        let mut out = Vec::new();
        let mut todo: Vec<(usize, &Section)> = self.sections.iter().rev().map(|s| (1, s)).collect();
        while let Some((level, section)) = todo.pop() {
            out.push((level, section));
            todo.extend(section.sections.iter().rev().map(|s| (level + 1, s)));
        }
        out
    }
}

/// A piece of text from the questionnaire: plain, or a compiled template.
#[derive(Debug, Clone)]
pub struct Text {
    pub source: String,
    pub pos: Pos,
    /// The file line of the template's first line (the line after `|` for block text).
    pub first_line: usize,
    pub compiled: Option<Compiled>,
}

/// A `when:` condition.
#[derive(Debug, Clone)]
pub struct Condition {
    pub source: String,
    pub pos: Pos,
    pub compiled: Compiled,
}

/// How headings of one level are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// I., II., III.
    Roman,
    /// 1., 2., 3.
    Arabic,
    /// 1.1., 1.2. — the parent's number followed by this one.
    Nested,
    /// a), b), c)
    Alpha,
    /// No number.
    None,
}

impl NumberStyle {
    pub const NAMES: [&'static str; 5] = ["roman", "arabic", "nested", "alpha", "none"];

    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "roman" => Self::Roman,
            "arabic" => Self::Arabic,
            "nested" => Self::Nested,
            "alpha" => Self::Alpha,
            "none" => Self::None,
            _ => return None,
        })
    }

    /// The default styles: I. → 1. → 1.1. → a).
    pub fn defaults() -> Vec<Self> {
        vec![Self::Roman, Self::Arabic, Self::Nested, Self::Alpha]
    }
}

/// The NĐ 30 frame around the body.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    /// The issuing body's parent (cơ quan chủ quản), printed upright above it.
    pub parent: Vec<Text>,
    pub issuer: Vec<Text>,
    pub number: Option<Text>,
    pub place_date: Option<Text>,
    pub kind: Option<Text>,
    pub summary: Option<Text>,
    pub to: Vec<Text>,
    pub closing: Option<Text>,
    pub authority: Vec<Text>,
    pub signer_title: Option<Text>,
    pub signer_name: Option<Text>,
    pub cc: Vec<Text>,
}

/// One node of the report tree.
#[derive(Debug, Clone)]
pub struct Section {
    pub pos: Pos,
    pub heading: Option<Text>,
    /// The heading runs into the first paragraph ("1.1. Heading: text").
    pub inline: bool,
    /// Takes part in automatic numbering.
    pub numbered: bool,
    pub when: Option<Condition>,
    /// Indices into [`Questionnaire::questions`].
    pub questions: Vec<usize>,
    pub text: Option<Text>,
    pub sections: Vec<Section>,
}

/// One question.
#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub pos: Pos,
    pub ask: Text,
    pub help: Option<Text>,
    pub kind: QuestionKind,
    pub required: bool,
    pub default: Option<AnswerValue>,
    pub suggestions: Vec<Text>,
    pub validation: Validation,
    pub when: Option<Condition>,
    pub label: Option<String>,
}

impl Question {
    /// How an answer to this question looks inside templates and conditions (see
    /// [`template::answer_value`]; a table answer is shown with this question's columns).
    pub fn template_value(&self, value: &AnswerValue) -> minijinja::Value {
        let table = match &self.kind {
            QuestionKind::Table(spec) => Some(spec as &dyn TableLayout),
            _ => None,
        };
        template::answer_value(&self.id, value, table)
    }
}

/// What kind of answer a question takes.
#[derive(Debug, Clone)]
pub enum QuestionKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    Paragraph,
    /// A whole number.
    Integer,
    /// A number with decimals.
    Decimal,
    /// A calendar date.
    Date,
    /// Có / Không.
    YesNo,
    /// One of the options (or, with `other`, a free text).
    Choice { options: Vec<String>, other: bool },
    /// Any of the options (and, with `other`, one free text).
    Choices { options: Vec<String>, other: bool },
    /// A repeatable item: a list of texts.
    List,
    /// Rows × typed columns.
    Table(TableSpec),
}

impl QuestionKind {
    /// The name used in the YAML `kind:` key.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Paragraph => "paragraph",
            Self::Integer => "integer",
            Self::Decimal => "decimal",
            Self::Date => "date",
            Self::YesNo => "yes_no",
            Self::Choice { .. } => "choice",
            Self::Choices { .. } => "choices",
            Self::List => "list",
            Self::Table(_) => "table",
        }
    }

    pub const NAMES: [&'static str; 10] = [
        "text",
        "paragraph",
        "integer",
        "decimal",
        "date",
        "yes_no",
        "choice",
        "choices",
        "list",
        "table",
    ];
}

/// Columns and rows of a table question.
#[derive(Debug, Clone)]
pub struct TableSpec {
    pub columns: Vec<Column>,
    /// Fixed row labels, filled into the first column.
    pub rows: Vec<String>,
    /// Label of a computed totals row, if any.
    pub total_row: Option<String>,
}

impl TableSpec {
    /// How two row labels are compared, as an official would read them: NFC, any case,
    /// spaces collapsed.
    pub fn label_key(label: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        label
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .nfc()
            .flat_map(char::to_lowercase)
            .collect()
    }

    /// The id of the label column: the first column, when it holds text.
    pub fn label_column(&self) -> Option<&str> {
        self.columns
            .first()
            .filter(|c| c.kind == CellKind::Text && !c.sum)
            .map(|c| c.id.as_str())
    }

    /// The table as it is reported: fixed rows first, each matched to the answer row that
    /// carries its label (or, failing that, to the unlabelled answer row in the same place),
    /// then the other answer rows; labels filled in, `sum` columns computed, one cell per
    /// column; a fixed row shows its label as the questionnaire writes it. Rows with nothing in
    /// them are left out.
    pub fn complete(&self, rows: &[Row]) -> Vec<Vec<Option<Cell>>> {
        let label_col = self.label_column();
        let key = Self::label_key;
        let label_of = |row: &Row| match label_col.and_then(|c| row.get(c)) {
            Some(Cell::Text(t)) if !t.trim().is_empty() => Some(key(t)),
            _ => None,
        };
        let mut used = vec![false; rows.len()];
        let mut ordered: Vec<(Option<&str>, Option<&Row>)> = Vec::new();
        for (i, label) in self.rows.iter().enumerate() {
            let by_label = rows
                .iter()
                .enumerate()
                .find(|(j, r)| !used[*j] && label_of(r) == Some(key(label)));
            let by_place = rows
                .get(i)
                .filter(|r| !used[i] && label_of(r).is_none())
                .map(|r| (i, r));
            let pick = by_label.or(by_place);
            if let Some((j, _)) = pick {
                used[j] = true;
            }
            ordered.push((Some(label.as_str()), pick.map(|(_, r)| r)));
        }
        ordered.extend(
            rows.iter()
                .enumerate()
                .filter(|(j, _)| !used[*j])
                .map(|(_, r)| (None, Some(r))),
        );
        ordered
            .into_iter()
            .filter(|(label, row)| label.is_some() || row.is_some_and(|r| !r.is_empty()))
            .map(|(label, row)| {
                let given = |c: &Column| row.and_then(|r| r.get(&c.id)).cloned();
                let sum = self
                    .columns
                    .iter()
                    .filter(|c| !c.sum && c.kind != CellKind::Text)
                    .filter_map(given)
                    .reduce(|a, b| a.add(&b));
                self.columns
                    .iter()
                    .map(|c| {
                        if c.sum {
                            sum.clone()
                        } else if Some(c.id.as_str()) == label_col {
                            label.map(|l| Cell::Text(l.to_owned())).or_else(|| given(c))
                        } else {
                            given(c)
                        }
                    })
                    .collect()
            })
            .collect()
    }
}

impl TableLayout for TableSpec {
    fn column_ids(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.id.as_str()).collect()
    }

    fn complete(&self, rows: &[Row]) -> Vec<Vec<Option<Cell>>> {
        TableSpec::complete(self, rows)
    }
}

/// One table column.
#[derive(Debug, Clone)]
pub struct Column {
    pub id: String,
    pub title: Text,
    pub kind: CellKind,
    /// Computed: the sum of the row's other numeric columns.
    pub sum: bool,
}

/// What a table cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    Text,
    Integer,
    Decimal,
}

/// Checks on an answer, with an optional message from the questionnaire.
#[derive(Debug, Clone, Default)]
pub struct Validation {
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub pattern: Option<Pattern>,
    pub message: Option<String>,
}

/// A `pattern:` the loader has checked and compiled (a pattern too large to compile is a load
/// error, never a check silently skipped).
#[derive(Debug, Clone)]
pub struct Pattern {
    source: String,
    compiled: OnceLock<Option<PikeVM>>,
}

impl Pattern {
    /// A pattern whose syntax has been checked; compiled on first use.
    pub fn new(source: String) -> Self {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// A pattern compiled now; None when it is too large to compile (the NFA size limit).
    pub fn compiled(source: String) -> Option<Self> {
        let pattern = Pattern::new(source);
        pattern
            .compiled
            .get_or_init(|| compile(&pattern.source))
            .is_some()
            .then_some(pattern)
    }

    /// The pattern as written in the questionnaire.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether the whole of `text` matches. (A pattern too large to compile matches nothing;
    /// the loader refuses such patterns.)
    ///
    /// A bare Pike VM (no captures, no DFAs) is enough to answer yes or no on a short answer,
    /// and it compiles in half the time of a full `regex::Regex`, which a one-shot `render`
    /// would otherwise spend on every Unicode class.
    pub fn is_match(&self, text: &str) -> bool {
        let compiled = self.compiled.get_or_init(|| compile(&self.source));
        compiled
            .as_ref()
            .is_some_and(|vm| vm.is_match(&mut vm.create_cache(), text))
    }
}

/// A whole-answer matcher for a pattern, or None when it is too large (over 4 MB of NFA).
fn compile(source: &str) -> Option<PikeVM> {
    let nfa = thompson::Config::new()
        .shrink(false)
        .which_captures(thompson::WhichCaptures::None)
        .nfa_size_limit(Some(1 << 22));
    PikeVM::builder()
        .thompson(nfa)
        .build(&format!("^(?:{source})$"))
        .ok()
}
