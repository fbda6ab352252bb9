//! The second loading stage: node tree → validated [`Questionnaire`].
//!
//! Owns: the `Builder` that turns nodes into model types and collects every problem, so that
//! the user sees all of them at once; the questionnaire's names (valid ids, reserved words,
//! the closest name for a suggestion). Its parts: `read` (typed node readers), `text`
//! (template texts and conditions, compiled, with their file positions), `top` (the file's
//! top keys, `vars`, `renames`, the document frame), `questions` (sections, questions, kinds,
//! tables, validation, defaults) and `names` (the static cross-check: unique names, names in
//! conditions and templates, earlier-only conditions, filters the engine lacks).
//!
//! Must not: read files or parse YAML text (that is `yaml.rs`), render templates with sample
//! answers (that is `check`, run by `baocao check`, not by every load), or render reports.

use std::collections::{HashMap, HashSet};

use super::diag::{Diagnostic, Kind, Pos};
use super::model::{Question, Questionnaire};
use super::yaml::Node;
use crate::template::{Compiled, Engine};
use crate::text::closest;

use super::schema::{self, Key};

mod names;
mod questions;
mod read;
mod text;
mod top;

const TOP_KEYS: &[Key] = schema::TOP;
const DOCUMENT_KEYS: &[Key] = schema::DOCUMENT;
const SIGNER_KEYS: &[Key] = schema::SIGNER;
const SECTION_KEYS: &[Key] = schema::SECTION;
const QUESTION_KEYS: &[Key] = schema::QUESTION;
const VALIDATE_KEYS: &[Key] = schema::VALIDATE;
const COLUMN_KEYS: &[Key] = schema::COLUMN;
const CELL_KINDS: &[&str] = &["text", "integer", "decimal"];
/// Words that cannot be ids because templates and conditions read them as keywords.
const RESERVED: &[&str] = &[
    "and",
    "or",
    "not",
    "in",
    "is",
    "if",
    "else",
    "elif",
    "endif",
    "for",
    "endfor",
    "true",
    "false",
    "none",
    "True",
    "False",
    "None",
    "loop",
    "range",
    "self",
    "super",
    "namespace",
    "dict",
    "debug",
];

/// Where in the file a place is, for "unknown key" messages.
mod place {
    pub const TOP: &str = "đầu tệp";
    pub const DOCUMENT: &str = "document";
    pub const SIGNER: &str = "document.signer";
    pub const SECTION: &str = "một mục (section)";
    pub const QUESTION: &str = "một câu hỏi";
    pub const VALIDATE: &str = "validate";
    pub const COLUMN: &str = "một cột của bảng";
}

/// Builds the model. `hash` identifies the file's bytes. Checks what is cheap and static
/// (structure, kinds, names, compiled templates); templates are not rendered.
pub fn build(root: &Node, source: &str, hash: String) -> Result<Questionnaire, Vec<Diagnostic>> {
    build_then(root, source, hash, |_, _, _| {})
}

/// Builds the model, then runs `more` on the builder when the file had a usable top (`check`'s
/// sample renders); its problems are reported with the others. `more` is given the texts
/// already found broken.
pub(super) fn build_then(
    root: &Node,
    source: &str,
    hash: String,
    more: impl FnOnce(&mut Builder, &Questionnaire, &HashSet<Pos>),
) -> Result<Questionnaire, Vec<Diagnostic>> {
    let mut b = Builder {
        lines: source.lines().collect(),
        ids: HashMap::new(),
        diags: Vec::new(),
        engine: Engine::new(),
        questions: Vec::new(),
        pending: Vec::new(),
        var_lines: HashMap::new(),
    };
    let q = b.top(root, hash);
    let broken = b.cross_check(q.as_ref());
    if let Some(q) = &q {
        more(&mut b, q, &broken);
    }
    if let (Some(q), true) = (q, b.diags.is_empty()) {
        let mut q = q;
        q.engine = b.engine;
        q.questions = b.questions;
        q.index = b.ids;
        return Ok(q);
    }
    let mut diags = b.diags;
    diags.sort_by_key(|d| d.pos);
    diags.dedup();
    Err(diags)
}

/// A name check to run once every question is known (and a text `check` tries with sample
/// answers).
pub(super) enum Pending {
    /// Names in a condition must be vars or questions before index `limit`.
    Condition {
        compiled: Compiled,
        pos: Pos,
        source: String,
        limit: usize,
    },
    /// Names in a template must be vars or questions (only vars for the title: `vars_only`).
    Template {
        compiled: Compiled,
        pos: Pos,
        source: String,
        vars_only: bool,
    },
}

/// The model under construction and every problem found so far.
pub(super) struct Builder<'s> {
    /// The file's lines, split once (positions are looked up for every text).
    lines: Vec<&'s str>,
    /// Question id → index in `questions`.
    ids: HashMap<String, usize>,
    diags: Vec<Diagnostic>,
    pub(super) engine: Engine,
    pub(super) questions: Vec<Question>,
    pub(super) pending: Vec<Pending>,
    /// The line of each var, for name-clash messages.
    var_lines: HashMap<String, usize>,
}

/// A mapping's entries, after unknown keys were reported.
struct Fields<'n> {
    pos: Pos,
    entries: Vec<(&'n str, &'n Node, &'n Node)>,
}

impl<'n> Fields<'n> {
    fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, _, v)| *v)
            .filter(|v| !v.is_null())
    }

    fn key_pos(&self, key: &str) -> Pos {
        self.entries
            .iter()
            .find(|(k, _, _)| *k == key)
            .map_or(self.pos, |(_, k, _)| k.pos)
    }

    fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

fn valid_name(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !RESERVED.contains(&id)
}

impl Builder<'_> {
    pub(super) fn err(&mut self, pos: Pos, kind: Kind) {
        self.diags.push(Diagnostic::new(pos, kind));
    }
}
