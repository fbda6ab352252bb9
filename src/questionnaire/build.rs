//! The second loading stage: node tree → validated [`Questionnaire`].
//!
//! Owns: the questionnaire schema (which keys each place accepts, their kinds, their
//! defaults), turning nodes into model types, and every cross-check — unique ids, names in
//! conditions and templates, earlier-only conditions, filters used on the right kind (by
//! rendering each template with sample answers), valid regexes, non-empty sections. It keeps
//! going after a problem so that the user sees all of them at once.
//!
//! Must not: read files or parse YAML text (that is `yaml.rs`), or render reports.

use std::collections::{BTreeMap, HashMap, HashSet};

use indexmap::IndexMap;

use super::diag::{Diagnostic, Kind, Pos};
use super::model::{
    CellKind, Column, Condition, Frame, NumberStyle, Pattern, Question, QuestionKind,
    Questionnaire, Section, TableSpec, Text, Validation,
};
use super::yaml::{Node, Value};
use crate::template::{self, Compiled, Context, Engine, TemplateError};
use crate::text::closest;
use crate::value::AnswerValue;
use crate::vn::Date;

use super::schema::{self, Key};

mod budget;

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

/// Builds the model. `hash` identifies the file's bytes.
pub fn build(root: &Node, source: &str, hash: String) -> Result<Questionnaire, Vec<Diagnostic>> {
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
    b.cross_check(q.as_ref());
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

/// A name check to run once every question is known.
enum Pending {
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

struct Builder<'s> {
    /// The file's lines, split once (positions are looked up for every text).
    lines: Vec<&'s str>,
    /// Question id → index in `questions`.
    ids: HashMap<String, usize>,
    diags: Vec<Diagnostic>,
    engine: Engine,
    questions: Vec<Question>,
    pending: Vec<Pending>,
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
    fn err(&mut self, pos: Pos, kind: Kind) {
        self.diags.push(Diagnostic::new(pos, kind));
    }

    fn fields<'n>(
        &mut self,
        node: &'n Node,
        key: &str,
        place: &'static str,
        allowed: &[Key],
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            if !node.is_null() {
                self.err(
                    node.pos,
                    Kind::WrongType {
                        key: key.to_owned(),
                        expected: crate::messages::SHAPE_MAP,
                        found: node.shape(),
                    },
                );
            }
            return None;
        };
        let mut kept = Vec::new();
        for (k, v) in entries {
            let name = k.scalar().unwrap_or_default();
            if allowed.iter().any(|a| a.name == name) {
                kept.push((name, k, v));
            } else {
                let suggestion = closest(name, schema::names(allowed));
                self.err(
                    k.pos,
                    Kind::UnknownKey {
                        key: name.to_owned(),
                        place,
                        suggestion,
                    },
                );
            }
        }
        Some(Fields {
            pos: node.pos,
            entries: kept,
        })
    }

    fn require<'n>(
        &mut self,
        f: &Fields<'n>,
        key: &'static str,
        place: &'static str,
    ) -> Option<&'n Node> {
        let node = f.get(key);
        if node.is_none() {
            self.err(f.key_pos(key), Kind::MissingKey { key, place });
        }
        node
    }

    /// A scalar read as text.
    fn string(&mut self, node: &Node, key: &str) -> Option<String> {
        match &node.value {
            // Control characters were refused in every scalar by `yaml.rs`.
            Value::Scalar { text, .. } if !node.is_null() => Some(text.clone()),
            _ => {
                self.err(
                    node.pos,
                    Kind::WrongType {
                        key: key.to_owned(),
                        expected: crate::messages::SHAPE_TEXT,
                        found: node.shape(),
                    },
                );
                None
            }
        }
    }

    fn boolean(&mut self, node: &Node, key: &str) -> Option<bool> {
        match &node.value {
            Value::Scalar {
                text, plain: true, ..
            } if matches!(text.as_str(), "true" | "True" | "TRUE") => Some(true),
            Value::Scalar {
                text, plain: true, ..
            } if matches!(text.as_str(), "false" | "False" | "FALSE") => Some(false),
            _ => {
                self.err(
                    node.pos,
                    Kind::WrongType {
                        key: key.to_owned(),
                        expected: crate::messages::SHAPE_BOOL,
                        found: node.shape(),
                    },
                );
                None
            }
        }
    }

    fn integer(&mut self, node: &Node, key: &str) -> Option<i64> {
        if let Value::Scalar {
            text, plain: true, ..
        } = &node.value
            && let Ok(n) = text.parse::<i64>()
        {
            return Some(n);
        }
        self.err(
            node.pos,
            Kind::WrongType {
                key: key.to_owned(),
                expected: crate::messages::SHAPE_INTEGER,
                found: node.shape(),
            },
        );
        None
    }

    fn number(&mut self, node: &Node, key: &str) -> Option<f64> {
        if let Value::Scalar {
            text, plain: true, ..
        } = &node.value
            && let Ok(x) = text.parse::<f64>()
            && x.is_finite()
        {
            return Some(x);
        }
        self.err(
            node.pos,
            Kind::WrongType {
                key: key.to_owned(),
                expected: crate::messages::SHAPE_NUMBER,
                found: node.shape(),
            },
        );
        None
    }

    fn count(&mut self, node: &Node, key: &str) -> Option<usize> {
        let n = self.integer(node, key)?;
        let Ok(n) = usize::try_from(n) else {
            self.err(
                node.pos,
                Kind::WrongType {
                    key: key.to_owned(),
                    expected: crate::messages::SHAPE_COUNT,
                    found: node.shape(),
                },
            );
            return None;
        };
        Some(n)
    }

    fn seq<'n>(&mut self, node: &'n Node, key: &str) -> &'n [Node] {
        match &node.value {
            Value::Seq(items) => items,
            _ if node.is_null() => &[],
            _ => {
                self.err(
                    node.pos,
                    Kind::WrongType {
                        key: key.to_owned(),
                        expected: crate::messages::SHAPE_LIST,
                        found: node.shape(),
                    },
                );
                &[]
            }
        }
    }

    fn strings(&mut self, node: &Node, key: &str) -> Vec<(Pos, String)> {
        let items = self.seq(node, key);
        items
            .iter()
            .filter_map(|item| self.string(item, key).map(|s| (item.pos, s)))
            .collect()
    }

    /// The file position of line `line` (1-based) of a template written at `node`.
    fn template_pos(&self, node_pos: Pos, line: Option<usize>) -> Pos {
        let block = self
            .lines
            .get(node_pos.line - 1)
            .and_then(|l| l.chars().nth(node_pos.col - 1))
            .is_some_and(|c| c == '|' || c == '>');
        let offset = usize::from(block) + line.unwrap_or(1) - 1;
        if offset == 0 {
            return node_pos;
        }
        let line = node_pos.line + offset;
        let indent = self
            .lines
            .get(line - 1)
            .map_or(0, |l| l.chars().take_while(|c| *c == ' ').count());
        Pos::new(line, indent + 1)
    }

    fn template_problem(&mut self, pos: Pos, err: &TemplateError, condition: bool) {
        let at = self.template_pos(pos, err.line);
        let at = if condition { pos } else { at };
        let kind = if err.unknown {
            Kind::UnknownFilter {
                detail: err.detail.clone(),
                in_condition: condition,
            }
        } else if err.budget {
            // Over the budget with the sample answers: the questionnaire asks too much work,
            // whatever the answers (told as the budget probe tells it).
            Kind::TemplateOverBudget {
                detail: err.detail.clone(),
                in_condition: condition,
            }
        } else if condition {
            Kind::ConditionSyntax {
                detail: err.detail.clone(),
            }
        } else if err.syntax {
            Kind::TemplateSyntax {
                detail: err.detail.clone(),
            }
        } else {
            Kind::TemplateFails {
                detail: err.detail.clone(),
            }
        };
        self.err(at, kind);
    }

    /// The file position of a place in a text: `pos` is where the text's YAML value starts,
    /// `place` a 1-based line and 0-based column in the text. A value on its key's line
    /// (`text: "…"`, `when: …`) starts after its quote, if any; a block (`|`) has one file line
    /// per text line. (A folded `>` block joins lines, so its places are only near.)
    fn spot(&self, pos: Pos, source: &str, (line, col): template::Place) -> Pos {
        let at = self.template_pos(pos, Some(line));
        if at == pos {
            let quoted = self
                .lines
                .get(pos.line - 1)
                .and_then(|l| l.chars().nth(pos.col - 1))
                .is_some_and(|c| c == '"' || c == '\'');
            return Pos::new(pos.line, pos.col + usize::from(quoted) + col);
        }
        // `at` is the file line's first non-space character; the text line may itself start
        // with spaces, which are part of that indentation.
        let own_indent = source
            .lines()
            .nth(line - 1)
            .map_or(0, |l| l.chars().take_while(|c| *c == ' ').count());
        Pos::new(at.line, (at.col + col).saturating_sub(own_indent).max(1))
    }

    /// A text that may be a template over vars and answers.
    fn text(&mut self, node: &Node, key: &str) -> Option<Text> {
        let source = self.string(node, key)?;
        self.text_from(source, node.pos, false)
    }

    fn text_from(&mut self, source: String, pos: Pos, vars_only: bool) -> Option<Text> {
        let first_line = self.template_pos(pos, Some(1)).line;
        if !template::is_template(&source) {
            return Some(Text {
                source,
                pos,
                first_line,
                compiled: None,
            });
        }
        match self.engine.add_template(&source) {
            Ok(compiled) => {
                let check = compiled.clone();
                let source_copy = source.clone();
                self.pending.push(Pending::Template {
                    compiled: check,
                    pos,
                    source: source_copy,
                    vars_only,
                });
                Some(Text {
                    source,
                    pos,
                    first_line,
                    compiled: Some(compiled),
                })
            }
            Err(mut err) => {
                // A block left open is reported at the template's end; name the tag instead.
                if err.syntax
                    && err.detail.contains(crate::messages::TEMPLATE_ENDS_EARLY)
                    && let Some((keyword, line)) = template::unclosed_block(&source)
                {
                    err.detail = crate::messages::unclosed_block(&keyword);
                    err.line = Some(line);
                }
                self.template_problem(pos, &err, false);
                None
            }
        }
    }

    fn texts(&mut self, node: Option<&Node>, key: &str) -> Vec<Text> {
        let Some(node) = node else { return Vec::new() };
        let items = if let Value::Scalar { .. } = node.value {
            vec![(node.pos, self.string(node, key).unwrap_or_default())]
        } else {
            self.strings(node, key)
        };
        items
            .into_iter()
            .filter_map(|(pos, s)| self.text_from(s, pos, false))
            .collect()
    }

    fn condition(&mut self, node: &Node) -> Option<Condition> {
        let source = self.string(node, "when")?;
        match self.engine.add_condition(&source) {
            Ok(compiled) => {
                self.pending.push(Pending::Condition {
                    compiled: compiled.clone(),
                    pos: node.pos,
                    source: source.clone(),
                    limit: self.questions.len(),
                });
                Some(Condition {
                    source,
                    pos: node.pos,
                    compiled,
                })
            }
            Err(err) => {
                self.template_problem(node.pos, &err, true);
                None
            }
        }
    }

    fn top(&mut self, root: &Node, hash: String) -> Option<Questionnaire> {
        if !matches!(root.value, Value::Map(_)) {
            self.err(
                root.pos,
                Kind::WrongType {
                    key: String::new(),
                    expected: crate::messages::SHAPE_MAP,
                    found: root.shape(),
                },
            );
            return None;
        }
        let f = self.fields(root, "", place::TOP, TOP_KEYS)?;
        if let Some(node) = self.require(&f, "format", place::TOP)
            && node.scalar() != Some("1")
        {
            self.err(
                node.pos,
                Kind::UnsupportedFormat {
                    found: node.scalar().unwrap_or_default().to_owned(),
                },
            );
        }
        let version = self
            .require(&f, "version", place::TOP)
            .and_then(|n| self.string(n, "version"));
        let vars = f.get("vars").map(|n| self.vars(n)).unwrap_or_default();
        self.var_lines = vars
            .iter()
            .map(|(k, (pos, _))| (k.clone(), pos.line))
            .collect();
        // The id may be written from `vars` ("ct1322-so-ket-{{ nam_dau }}-{{ nam_cuoi }}"), so
        // that a new period is an edit of the period's values alone.
        let id = self.require(&f, "id", place::TOP).and_then(|n| {
            let source = self.string(n, "id")?;
            let id = if template::is_template(&source) {
                let text = self.text_from(source, n.pos, true)?;
                let id = self.render_title(&text, &vars);
                // Not rendered: a name that is not a var, reported where names are checked.
                if template::is_template(&id) {
                    return Some(id);
                }
                id
            } else {
                source
            };
            let ok = id
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
            if !ok {
                self.err(n.pos, Kind::BadQuestionnaireId { id: id.clone() });
            }
            Some(id)
        });
        let title_node = self.require(&f, "title", place::TOP);
        let title = title_node.and_then(|n| {
            let s = self.string(n, "title")?;
            self.text_from(s, n.pos, true)
        });
        let numbering = f
            .get("numbering")
            .map_or_else(NumberStyle::defaults, |n| self.numbering(n));
        let frame = f.get("document").map(|n| self.frame(n)).unwrap_or_default();
        if !f.has("document") {
            self.err(
                f.key_pos("document"),
                Kind::MissingKey {
                    key: "document",
                    place: place::TOP,
                },
            );
        }
        let header = f
            .get("questions")
            .map(|n| self.seq(n, "questions"))
            .unwrap_or_default();
        for item in header {
            self.question(item);
        }
        let header_len = self.questions.len();
        let sections = self
            .require(&f, "sections", place::TOP)
            .map(|n| self.sections(n))
            .unwrap_or_default();
        let renames = f
            .get("renames")
            .map(|n| self.renames(n))
            .unwrap_or_default();

        let title = title
            .map(|t| self.render_title(&t, &vars))
            .unwrap_or_default();
        Some(Questionnaire {
            id: id?,
            version: version?,
            title,
            hash,
            vars: vars.into_iter().map(|(k, (_, v))| (k, v)).collect(),
            numbering,
            frame,
            questions: Vec::new(),
            index: HashMap::new(),
            header_len,
            sections,
            renames,
            engine: Engine::new(),
        })
    }

    fn render_title(
        &mut self,
        title: &Text,
        vars: &IndexMap<String, (Pos, minijinja::Value)>,
    ) -> String {
        let Some(compiled) = &title.compiled else {
            return title.source.clone();
        };
        let ctx = Context::new(
            vars.iter()
                .map(|(k, (_, v))| (k.clone(), v.clone()))
                .collect(),
        );
        self.engine
            .render(compiled, &ctx)
            .unwrap_or_else(|_| title.source.clone())
    }

    fn vars(&mut self, node: &Node) -> IndexMap<String, (Pos, minijinja::Value)> {
        let mut out = IndexMap::new();
        let Value::Map(entries) = &node.value else {
            self.err(
                node.pos,
                Kind::WrongType {
                    key: "vars".into(),
                    expected: crate::messages::SHAPE_MAP,
                    found: node.shape(),
                },
            );
            return out;
        };
        for (k, v) in entries {
            let name = k.scalar().unwrap_or_default().to_owned();
            if !valid_name(&name) {
                self.err(k.pos, Kind::BadId { id: name });
                continue;
            }
            let value = match &v.value {
                Value::Scalar { text, plain, .. } if !v.is_null() => {
                    if *plain {
                        Some(scalar_value(text))
                    } else {
                        self.string(v, &name).map(minijinja::Value::from)
                    }
                }
                Value::Seq(_) => {
                    let items: Vec<String> =
                        self.strings(v, &name).into_iter().map(|(_, s)| s).collect();
                    Some(minijinja::Value::from(items))
                }
                _ => {
                    self.err(
                        v.pos,
                        Kind::WrongType {
                            key: name.clone(),
                            expected: crate::messages::SHAPE_VAR,
                            found: v.shape(),
                        },
                    );
                    None
                }
            };
            if let Some(value) = value {
                out.insert(name, (k.pos, value));
            }
        }
        out
    }

    fn numbering(&mut self, node: &Node) -> Vec<NumberStyle> {
        let mut out = Vec::new();
        for (pos, name) in self.strings(node, "numbering") {
            match NumberStyle::from_name(&name) {
                Some(style) => out.push(style),
                None => self.err(pos, Kind::UnknownNumbering { style: name }),
            }
        }
        out
    }

    fn renames(&mut self, node: &Node) -> IndexMap<String, String> {
        let mut out = IndexMap::new();
        let Value::Map(entries) = &node.value else {
            self.err(
                node.pos,
                Kind::WrongType {
                    key: "renames".into(),
                    expected: crate::messages::SHAPE_MAP,
                    found: node.shape(),
                },
            );
            return out;
        };
        for (k, v) in entries {
            let from = k.scalar().unwrap_or_default().to_owned();
            if let Some(to) = self.string(v, "renames") {
                if !self.ids.contains_key(&to) {
                    let suggestion =
                        closest(&to, self.ids.keys().map(String::as_str)).map(str::to_owned);
                    self.err(
                        v.pos,
                        Kind::RenameTarget {
                            to: to.clone(),
                            suggestion,
                        },
                    );
                }
                // An old id that is still a question would hand its answers to another one.
                if let Some(q) = self.ids.get(&from).map(|i| &self.questions[*i]) {
                    let line = q.pos.line;
                    self.err(
                        k.pos,
                        Kind::RenameFromLive {
                            from: from.clone(),
                            line,
                        },
                    );
                }
                out.insert(from, to);
            }
        }
        out
    }

    fn frame(&mut self, node: &Node) -> Frame {
        let Some(f) = self.fields(node, "document", place::DOCUMENT, DOCUMENT_KEYS) else {
            return Frame::default();
        };
        let mut frame = Frame {
            parent: self.texts(f.get("parent"), "parent"),
            issuer: self.texts(f.get("issuer"), "issuer"),
            to: self.texts(f.get("to"), "to"),
            cc: self.texts(f.get("cc"), "cc"),
            ..Frame::default()
        };
        frame.number = f.get("number").and_then(|n| self.text(n, "number"));
        frame.place_date = f.get("place_date").and_then(|n| self.text(n, "place_date"));
        frame.kind = f.get("kind").and_then(|n| self.text(n, "kind"));
        frame.summary = f.get("summary").and_then(|n| self.text(n, "summary"));
        frame.closing = f.get("closing").and_then(|n| self.text(n, "closing"));
        if let Some(signer) = f.get("signer")
            && let Some(s) = self.fields(signer, "signer", place::SIGNER, SIGNER_KEYS)
        {
            frame.authority = self.texts(s.get("authority"), "authority");
            frame.signer_title = s.get("title").and_then(|n| self.text(n, "title"));
            frame.signer_name = s.get("name").and_then(|n| self.text(n, "name"));
        }
        frame
    }

    fn sections(&mut self, node: &Node) -> Vec<Section> {
        let items = self.seq(node, "sections");
        items.iter().filter_map(|item| self.section(item)).collect()
    }

    fn section(&mut self, node: &Node) -> Option<Section> {
        let f = self.fields(node, "sections", place::SECTION, SECTION_KEYS)?;
        let heading = f.get("heading").and_then(|n| self.text(n, "heading"));
        let inline = f
            .get("inline")
            .and_then(|n| self.boolean(n, "inline"))
            .unwrap_or(false);
        let numbered = f
            .get("number")
            .and_then(|n| self.boolean(n, "number"))
            .unwrap_or(true);
        let when = f.get("when").and_then(|n| self.condition(n));
        let mut questions = Vec::new();
        for item in f
            .get("questions")
            .map(|n| self.seq(n, "questions"))
            .unwrap_or_default()
        {
            if self.question(item) {
                questions.push(self.questions.len() - 1);
            }
        }
        let text = f.get("text").and_then(|n| self.text(n, "text"));
        let sections = f
            .get("sections")
            .map(|n| self.sections(n))
            .unwrap_or_default();
        // Absent or an empty list; a value of the wrong shape is reported on its own.
        let listed = |key: &str| {
            f.get(key)
                .is_some_and(|n| !matches!(&n.value, Value::Seq(items) if items.is_empty()))
        };
        if !listed("questions") && !f.has("text") && !listed("sections") {
            self.err(node.pos, Kind::EmptySection);
        }
        Some(Section {
            pos: node.pos,
            heading,
            inline,
            numbered,
            when,
            questions,
            text,
            sections,
        })
    }

    /// Reads one question and appends it; false when it was too broken to keep.
    fn question(&mut self, node: &Node) -> bool {
        let Some(f) = self.fields(node, "questions", place::QUESTION, QUESTION_KEYS) else {
            if node.is_null() {
                self.err(
                    node.pos,
                    Kind::MissingKey {
                        key: "id",
                        place: place::QUESTION,
                    },
                );
            }
            return false;
        };
        let id_node = self.require(&f, "id", place::QUESTION);
        let id = id_node.and_then(|n| {
            let id = self.string(n, "id")?;
            if !valid_name(&id) {
                self.err(n.pos, Kind::BadId { id: id.clone() });
            }
            if let Some(first) = self.ids.get(&id).map(|i| &self.questions[*i]) {
                let first_line = first.pos.line;
                self.err(
                    n.pos,
                    Kind::DuplicateId {
                        id: id.clone(),
                        first_line,
                    },
                );
            }
            Some(id)
        });
        let ask = self
            .require(&f, "ask", place::QUESTION)
            .and_then(|n| self.text(n, "ask"));
        let kind_node = self.require(&f, "kind", place::QUESTION);
        let kind = kind_node.and_then(|n| self.kind(n, &f));
        // The condition is read before the question joins the list: it may only name earlier ones.
        let when = f.get("when").and_then(|n| self.condition(n));
        let help = f.get("help").and_then(|n| self.text(n, "help"));
        let required = f
            .get("required")
            .and_then(|n| self.boolean(n, "required"))
            .unwrap_or(false);
        let suggestions = self.texts(f.get("suggestions"), "suggestions");
        let label = f.get("label").and_then(|n| self.string(n, "label"));
        let validation = kind
            .as_ref()
            .map(|k| self.validation(&f, k))
            .unwrap_or_default();
        let default = match (f.get("default"), &kind) {
            (Some(n), Some(k)) => self.default(n, k),
            _ => None,
        };
        // A question whose prompt or kind is broken is kept (as text) so that the names that
        // refer to it do not raise a second, misleading error; the problem is already reported.
        let Some(id) = id else { return false };
        let pos = id_node.map_or(f.pos, |n| n.pos);
        let ask = ask.unwrap_or_else(|| Text {
            source: String::new(),
            pos,
            first_line: pos.line,
            compiled: None,
        });
        let kind = kind.unwrap_or(QuestionKind::Text);
        self.ids.entry(id.clone()).or_insert(self.questions.len());
        self.questions.push(Question {
            id,
            pos,
            ask,
            help,
            kind,
            required,
            default,
            suggestions,
            validation,
            when,
            label,
        });
        true
    }

    fn kind(&mut self, node: &Node, f: &Fields) -> Option<QuestionKind> {
        let name = self.string(node, "kind")?;
        let kind = match name.as_str() {
            "text" => QuestionKind::Text,
            "paragraph" => QuestionKind::Paragraph,
            "integer" => QuestionKind::Integer,
            "decimal" => QuestionKind::Decimal,
            "date" => QuestionKind::Date,
            "yes_no" => QuestionKind::YesNo,
            "choice" | "choices" => {
                let options = self.options(f, &name);
                let other = f
                    .get("other")
                    .and_then(|n| self.boolean(n, "other"))
                    .unwrap_or(false);
                if name == "choice" {
                    QuestionKind::Choice { options, other }
                } else {
                    QuestionKind::Choices { options, other }
                }
            }
            "list" => QuestionKind::List,
            "table" => QuestionKind::Table(self.table(f)?),
            _ => {
                let suggestion = closest(&name, QuestionKind::NAMES.iter().copied());
                self.err(
                    node.pos,
                    Kind::UnknownKind {
                        kind: name,
                        suggestion,
                    },
                );
                return None;
            }
        };
        let kind_name = kind.name();
        let only: [(&'static str, bool); 5] = [
            (
                "options",
                matches!(
                    kind,
                    QuestionKind::Choice { .. } | QuestionKind::Choices { .. }
                ),
            ),
            (
                "other",
                matches!(
                    kind,
                    QuestionKind::Choice { .. } | QuestionKind::Choices { .. }
                ),
            ),
            ("columns", matches!(kind, QuestionKind::Table(_))),
            ("rows", matches!(kind, QuestionKind::Table(_))),
            ("total_row", matches!(kind, QuestionKind::Table(_))),
        ];
        for (key, allowed) in only {
            if f.has(key) && !allowed {
                let pos = f.key_pos(key);
                self.err(
                    pos,
                    Kind::KeyNotForKind {
                        key,
                        kind: kind_name,
                    },
                );
            }
        }
        Some(kind)
    }

    fn options(&mut self, f: &Fields, kind: &str) -> Vec<String> {
        let kind: &'static str = if kind == "choice" {
            "choice"
        } else {
            "choices"
        };
        let Some(node) = f.get("options") else {
            self.err(
                f.key_pos("kind"),
                Kind::MissingForKind {
                    key: "options",
                    kind,
                },
            );
            return Vec::new();
        };
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (pos, option) in self.strings(node, "options") {
            if seen.insert(option.clone()) {
                out.push(option);
            } else {
                self.err(pos, Kind::DuplicateOption { option });
            }
        }
        if out.is_empty() {
            self.err(
                node.pos,
                Kind::MissingForKind {
                    key: "options",
                    kind,
                },
            );
        }
        out
    }

    fn table(&mut self, f: &Fields) -> Option<TableSpec> {
        let Some(node) = f.get("columns") else {
            self.err(
                f.key_pos("kind"),
                Kind::MissingForKind {
                    key: "columns",
                    kind: "table",
                },
            );
            return None;
        };
        let mut columns: Vec<Column> = Vec::new();
        let mut first_lines: HashMap<String, usize> = HashMap::new();
        for item in self.seq(node, "columns") {
            let Some(c) = self.fields(item, "columns", place::COLUMN, COLUMN_KEYS) else {
                continue;
            };
            let id_node = self.require(&c, "id", place::COLUMN);
            let id = id_node.and_then(|n| self.string(n, "id"));
            let title = self
                .require(&c, "title", place::COLUMN)
                .and_then(|n| self.text(n, "title"));
            let kind = match c.get("kind") {
                None => Some(CellKind::Text),
                Some(n) => match self.string(n, "kind").as_deref() {
                    Some("text") => Some(CellKind::Text),
                    Some("integer") => Some(CellKind::Integer),
                    Some("decimal") => Some(CellKind::Decimal),
                    Some(other) => {
                        let suggestion = closest(other, CELL_KINDS.iter().copied());
                        self.err(
                            n.pos,
                            Kind::UnknownKind {
                                kind: other.to_owned(),
                                suggestion,
                            },
                        );
                        None
                    }
                    None => None,
                },
            };
            let sum = c
                .get("sum")
                .and_then(|n| self.boolean(n, "sum"))
                .unwrap_or(false);
            if sum && kind == Some(CellKind::Text) {
                self.err(c.key_pos("sum"), Kind::SumOnText);
            }
            if let (Some(id), Some(id_node)) = (&id, id_node) {
                if !valid_name(id) {
                    self.err(id_node.pos, Kind::BadId { id: id.clone() });
                }
                if let Some(first_line) = first_lines.get(id) {
                    self.err(
                        id_node.pos,
                        Kind::DuplicateId {
                            id: id.clone(),
                            first_line: *first_line,
                        },
                    );
                }
                first_lines.insert(id.clone(), id_node.pos.line);
            }
            if let (Some(id), Some(title), Some(kind)) = (id, title, kind) {
                columns.push(Column {
                    id,
                    title,
                    kind,
                    sum,
                });
            }
        }
        if columns.is_empty() {
            self.err(
                node.pos,
                Kind::MissingForKind {
                    key: "columns",
                    kind: "table",
                },
            );
            return None;
        }
        let rows = f
            .get("rows")
            .map(|n| {
                self.strings(n, "rows")
                    .into_iter()
                    .map(|(_, s)| s)
                    .collect()
            })
            .unwrap_or_default();
        let total_row = f.get("total_row").and_then(|n| self.string(n, "total_row"));
        Some(TableSpec {
            columns,
            rows,
            total_row,
        })
    }

    fn validation(&mut self, f: &Fields, kind: &QuestionKind) -> Validation {
        let Some(node) = f.get("validate") else {
            return Validation::default();
        };
        let Some(v) = self.fields(node, "validate", place::VALIDATE, VALIDATE_KEYS) else {
            return Validation::default();
        };
        let textual = matches!(
            kind,
            QuestionKind::Text | QuestionKind::Paragraph | QuestionKind::List
        );
        let numeric = matches!(kind, QuestionKind::Integer | QuestionKind::Decimal);
        for (key, allowed) in [
            ("min_length", textual),
            ("max_length", textual),
            ("pattern", textual),
            ("min", numeric),
            ("max", numeric),
        ] {
            if v.has(key) && !allowed {
                let pos = v.key_pos(key);
                let key = schema::names(VALIDATE_KEYS)
                    .find(|k| *k == key)
                    .unwrap_or("validate");
                self.err(
                    pos,
                    Kind::KeyNotForKind {
                        key,
                        kind: kind.name(),
                    },
                );
            }
        }
        let mut out = Validation {
            min_length: v
                .get("min_length")
                .and_then(|n| self.count(n, "min_length")),
            max_length: v
                .get("max_length")
                .and_then(|n| self.count(n, "max_length")),
            min: v.get("min").and_then(|n| self.number(n, "min")),
            max: v.get("max").and_then(|n| self.number(n, "max")),
            message: v.get("message").and_then(|n| self.string(n, "message")),
            pattern: None,
        };
        if let Some(n) = v.get("pattern")
            && let Some(p) = self.string(n, "pattern")
        {
            // Compiled now: a pattern too large to compile must not silently check nothing.
            match regex_syntax::Parser::new().parse(&p) {
                Ok(_) => match Pattern::compiled(p) {
                    Some(pattern) => out.pattern = Some(pattern),
                    None => self.err(
                        n.pos,
                        Kind::BadRegex {
                            detail: crate::messages::REGEX_TOO_LARGE.to_owned(),
                        },
                    ),
                },
                Err(err) => self.err(
                    n.pos,
                    Kind::BadRegex {
                        detail: crate::messages::regex_detail(&err),
                    },
                ),
            }
        }
        let bad_len = matches!((out.min_length, out.max_length), (Some(a), Some(b)) if a > b);
        let bad_num = matches!((out.min, out.max), (Some(a), Some(b)) if a > b);
        if bad_len || bad_num {
            self.err(node.pos, Kind::BadRange);
        }
        out
    }

    fn default(&mut self, node: &Node, kind: &QuestionKind) -> Option<AnswerValue> {
        let expected = crate::messages::kind_expectation(kind.name());
        let value = match kind {
            QuestionKind::Text | QuestionKind::Paragraph => {
                node.scalar().map(|s| AnswerValue::Text(s.to_owned()))
            }
            QuestionKind::Integer => match &node.value {
                Value::Scalar {
                    text, plain: true, ..
                } => text.parse().ok().map(AnswerValue::Integer),
                _ => None,
            },
            QuestionKind::Decimal => match &node.value {
                Value::Scalar {
                    text, plain: true, ..
                } => text
                    .parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite())
                    .map(AnswerValue::Decimal),
                _ => None,
            },
            QuestionKind::Date => node
                .scalar()
                .and_then(|s| Date::parse_iso(s).or_else(|| Date::parse_user(s)))
                .map(AnswerValue::Date),
            QuestionKind::YesNo => match node.scalar() {
                Some("true" | "True" | "TRUE") => Some(AnswerValue::Bool(true)),
                Some("false" | "False" | "FALSE") => Some(AnswerValue::Bool(false)),
                _ => None,
            },
            QuestionKind::Choice { options, other } => node
                .scalar()
                .filter(|s| *other || options.iter().any(|o| o == s))
                .map(|s| AnswerValue::Choice(s.to_owned())),
            QuestionKind::Choices { options, other } => match &node.value {
                Value::Seq(items) => {
                    let picked: Option<Vec<String>> = items
                        .iter()
                        .map(|i| i.scalar().map(str::to_owned))
                        .collect();
                    picked
                        .filter(|p| {
                            p.iter().filter(|s| !options.contains(s)).count() <= usize::from(*other)
                        })
                        .map(AnswerValue::Choices)
                }
                _ => None,
            },
            QuestionKind::List => match &node.value {
                Value::Seq(items) => items
                    .iter()
                    .map(|i| i.scalar().map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
                    .map(AnswerValue::List),
                _ => None,
            },
            QuestionKind::Table(_) => None,
        };
        if value.is_none() {
            self.err(node.pos, Kind::BadDefault { expected });
        }
        value
    }

    /// Checks names in conditions and templates, and renders templates with sample answers.
    fn cross_check(&mut self, q: Option<&Questionnaire>) {
        let index: HashMap<&str, usize> = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let vars: HashSet<&str> = q
            .map(|q| q.vars.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let mut problems = Vec::new();
        let mut broken: HashSet<Pos> = HashSet::new();
        for name in q
            .map(|q| q.vars.keys().collect::<Vec<_>>())
            .unwrap_or_default()
        {
            if let Some(i) = index.get(name.as_str()) {
                let first_line = self.var_lines.get(name).copied().unwrap_or(1);
                problems.push(Diagnostic::new(
                    self.questions[*i].pos,
                    Kind::NameClash {
                        name: name.clone(),
                        first_line,
                    },
                ));
            }
        }
        // Names that are valid ids, for suggestions; an invalid id (already reported) is not
        // suggested, and a reference that would match it once fixed is not reported twice.
        let all: Vec<&str> = index
            .keys()
            .copied()
            .chain(vars.iter().copied())
            .filter(|n| valid_name(n))
            .collect();
        let bad_ids: Vec<String> = index
            .keys()
            .filter(|n| !valid_name(n))
            .map(|n| crate::messages::ascii_fold(n))
            .collect();
        // An old id that `renames` maps is the new id, not a guess.
        let renames = q.map(|q| &q.renames);
        let unknown =
            |name: &String, in_condition: bool, guess: &mut dyn FnMut(&str) -> Option<String>| {
                let new_id = renames
                    .and_then(|r| r.get(name))
                    .filter(|to| index.contains_key(to.as_str()));
                Kind::UnknownName {
                    name: name.clone(),
                    suggestion: new_id.cloned().or_else(|| guess(name)),
                    in_condition,
                    renamed: new_id.is_some(),
                }
            };
        let knock_on = |name: &str| {
            bad_ids
                .iter()
                .any(|bad| strsim::damerau_levenshtein(bad, name) <= 2)
        };
        // Suggestions cost a comparison with every name: a file with thousands of unknown
        // names (a broken generator, a hostile file) gets them for the first few only.
        let mut suggestions_left = 100usize;
        let mut suggest = |name: &str, candidates: &[&str]| {
            suggestions_left = suggestions_left.checked_sub(1)?;
            closest(name, candidates.iter().copied()).map(str::to_owned)
        };
        for pending in &self.pending {
            match pending {
                Pending::Condition {
                    compiled,
                    pos,
                    source,
                    limit,
                } => {
                    for name in &compiled.names {
                        if vars.contains(name.as_str()) || template::is_builtin_name(name) {
                            continue;
                        }
                        // A condition with a name problem is not tried with sample answers.
                        if index.get(name.as_str()).is_none_or(|i| i >= limit) {
                            broken.insert(*pos);
                        }
                        // The caret on the name.
                        let at = template::name_places(source, true, name)
                            .first()
                            .map_or(*pos, |&place| self.spot(*pos, source, place));
                        match index.get(name.as_str()) {
                            Some(i) if i < limit => {}
                            Some(i) => problems.push(Diagnostic::new(
                                at,
                                Kind::LaterName {
                                    name: name.clone(),
                                    line: self.questions[*i].pos.line,
                                },
                            )),
                            None if knock_on(name) => {}
                            None => problems.push(Diagnostic::new(
                                at,
                                unknown(name, true, &mut |n| suggest(n, &all)),
                            )),
                        }
                    }
                }
                Pending::Template {
                    compiled,
                    pos,
                    source,
                    vars_only,
                } => {
                    let vars_only = *vars_only;
                    for name in &compiled.names {
                        let known = vars.contains(name.as_str())
                            || (!vars_only && index.contains_key(name.as_str()));
                        if !known && !template::is_builtin_name(name) && knock_on(name) {
                            // Reported with the invalid id; but the template cannot be tried.
                            broken.insert(*pos);
                        } else if !known && !template::is_builtin_name(name) {
                            let candidates: Vec<&str> = if vars_only {
                                vars.iter().copied().collect()
                            } else {
                                all.clone()
                            };
                            let kind = if vars_only && index.contains_key(name.as_str()) {
                                Kind::QuestionInVarsOnly { name: name.clone() }
                            } else if vars_only {
                                Kind::UnknownName {
                                    name: name.clone(),
                                    suggestion: suggest(name, &candidates),
                                    in_condition: false,
                                    renamed: false,
                                }
                            } else {
                                unknown(name, false, &mut |n| suggest(n, &candidates))
                            };
                            // Every line it is read on, each with its caret on the name.
                            let places = template::name_places(source, false, name);
                            if places.is_empty() {
                                problems.push(Diagnostic::new(*pos, kind.clone()));
                            }
                            for place in places {
                                let at = self.spot(*pos, source, place);
                                problems.push(Diagnostic::new(at, kind.clone()));
                            }
                            broken.insert(*pos);
                        }
                    }
                }
            }
        }
        // A filter or test the engine lacks is wrong whatever the answers; sample answers may
        // never reach it (`{% if so > 100 %}{{ ten | lenght }}{% endif %}`).
        for pending in &self.pending {
            let (pos, source, expr) = match pending {
                Pending::Condition { pos, source, .. } => (*pos, source, true),
                Pending::Template { pos, source, .. } => (pos.to_owned(), source, false),
            };
            for callable in template::callables(source, expr) {
                if let Some(err) = self.engine.lacks(&callable.name, callable.test) {
                    let at = self.spot(pos, source, callable.place);
                    problems.push(Diagnostic::new(
                        at,
                        Kind::UnknownFilter {
                            detail: err.detail,
                            in_condition: expr,
                        },
                    ));
                    broken.insert(pos);
                }
            }
        }
        self.diags.extend(problems);
        let Some(q) = q else { return };
        // Render every template with sample answers — all answered with yes/no true, all
        // answered with yes/no false, then nothing answered — so that both branches of a
        // condition run and a template that cannot cope with a missing answer is caught.
        // Templates with unknown names were reported above and are skipped.
        let mut failed: HashSet<Pos> = HashSet::new();
        for sample in [Sample::Yes, Sample::No, Sample::Unanswered] {
            let ctx = sample_context(q, &self.questions, sample);
            let mut failures = Vec::new();
            for pending in &self.pending {
                // A condition that fails with some answers is false (the guide says so); only
                // templates are tried.
                let Pending::Template {
                    compiled,
                    pos,
                    source,
                    ..
                } = pending
                else {
                    continue;
                };
                // Without `{% … %}` there is no branch for "no" answers to take.
                let branchless = sample == Sample::No && !source.contains("{%");
                if branchless || broken.contains(pos) || failed.contains(pos) {
                    continue;
                }
                if let Err(err) = self.engine.render(compiled, &ctx) {
                    failures.push((*pos, err));
                }
            }
            for (pos, err) in failures {
                failed.insert(pos);
                self.template_problem(pos, &err, false);
            }
        }
        self.probe_budgets(q, &broken, &failed);
    }
}

/// Which sample answers [`sample_context`] makes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sample {
    /// Every question answered, yes/no questions with "yes".
    Yes,
    /// Every question answered, yes/no questions with "no".
    No,
    /// Nothing answered.
    Unanswered,
    /// Every question answered with the longest answer allowed (see `budget.rs`).
    Longest,
}

/// A plain YAML scalar as a template value (number, boolean or text).
fn scalar_value(text: &str) -> minijinja::Value {
    if let Ok(n) = text.parse::<i64>() {
        return minijinja::Value::from(n);
    }
    if let Ok(x) = text.parse::<f64>()
        && x.is_finite()
        && text.chars().any(|c| c.is_ascii_digit())
    {
        return minijinja::Value::from(x);
    }
    match text {
        "true" | "True" | "TRUE" => minijinja::Value::from(true),
        "false" | "False" | "FALSE" => minijinja::Value::from(false),
        _ => minijinja::Value::from(text),
    }
}

/// Typical answers of every kind, for checking templates before any real answer exists.
fn sample_context(q: &Questionnaire, questions: &[Question], sample: Sample) -> Context {
    let mut values: BTreeMap<String, minijinja::Value> =
        q.vars.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let mut shared = budget::Longest::default();
    for question in questions {
        if sample == Sample::Unanswered {
            values.insert(question.id.clone(), minijinja::Value::from(()));
            continue;
        }
        let yes = sample != Sample::No;
        // Long texts are shared, not copied for each question.
        if sample == Sample::Longest
            && let Some(value) = shared.value(question)
        {
            values.insert(question.id.clone(), value);
            continue;
        }
        let sample = match &question.kind {
            QuestionKind::Text | QuestionKind::Paragraph => AnswerValue::Text("mẫu".into()),
            QuestionKind::Integer => AnswerValue::Integer(12),
            QuestionKind::Decimal => AnswerValue::Decimal(1.5),
            QuestionKind::Date => AnswerValue::Date(Date {
                year: 2025,
                month: 7,
                day: 31,
            }),
            QuestionKind::YesNo => AnswerValue::Bool(yes),
            QuestionKind::Choice { options, .. } => {
                AnswerValue::Choice(options.first().cloned().unwrap_or_default())
            }
            QuestionKind::Choices { options, .. } if sample == Sample::Longest => {
                AnswerValue::Choices(options.clone())
            }
            QuestionKind::Choices { options, .. } => {
                AnswerValue::Choices(options.iter().take(1).cloned().collect())
            }
            QuestionKind::List => AnswerValue::List(vec!["mục 1".into(), "mục 2".into()]),
            QuestionKind::Table(spec) => {
                let row = spec
                    .columns
                    .iter()
                    .map(|c| {
                        let cell = match c.kind {
                            CellKind::Text => crate::value::Cell::Text("mẫu".into()),
                            CellKind::Integer => crate::value::Cell::Integer(3),
                            CellKind::Decimal => crate::value::Cell::Decimal(1.5),
                        };
                        (c.id.clone(), cell)
                    })
                    .collect();
                // A full row and one left blank but for its label, as officials leave them.
                let mut blank = crate::value::Row::new();
                if let Some(first) = spec.columns.first() {
                    blank.insert(first.id.clone(), crate::value::Cell::Text("mẫu".into()));
                }
                AnswerValue::Table(vec![row, blank])
            }
        };
        values.insert(question.id.clone(), question.template_value(&sample));
    }
    Context::new(values)
}
