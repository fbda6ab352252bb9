//! Sections and questions: each question's keys, its kind (with the keys only some kinds
//! take), choice options, table columns and rows, validation rules and default answer.
//!
//! Must not: check names across questions (that is `names.rs`, once every question is known).

use std::collections::{HashMap, HashSet};

use super::{
    Builder, CELL_KINDS, COLUMN_KEYS, Fields, QUESTION_KEYS, SECTION_KEYS, VALIDATE_KEYS, closest,
    place, schema, valid_name,
};
use crate::questionnaire::diag::Kind;
use crate::questionnaire::model::{
    CellKind, Column, Pattern, Question, QuestionKind, Section, TableSpec, Text, Validation,
};
use crate::questionnaire::yaml::{Node, Value};
use crate::value::AnswerValue;
use crate::vn::Date;

impl Builder<'_> {
    pub(super) fn sections(&mut self, node: &Node) -> Vec<Section> {
        let items = self.seq(node, "sections");
        items.iter().filter_map(|item| self.section(item)).collect()
    }

    pub(super) fn section(&mut self, node: &Node) -> Option<Section> {
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
    pub(super) fn question(&mut self, node: &Node) -> bool {
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

    pub(super) fn kind(&mut self, node: &Node, f: &Fields) -> Option<QuestionKind> {
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

    pub(super) fn options(&mut self, f: &Fields, kind: &str) -> Vec<String> {
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

    pub(super) fn table(&mut self, f: &Fields) -> Option<TableSpec> {
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
            if let Some(column) = self.column(item, &mut first_lines) {
                columns.push(column);
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

    /// One column of a table; `first_lines` holds the line of each column id seen.
    fn column(&mut self, item: &Node, first_lines: &mut HashMap<String, usize>) -> Option<Column> {
        let c = self.fields(item, "columns", place::COLUMN, COLUMN_KEYS)?;
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
        Some(Column {
            id: id?,
            title: title?,
            kind: kind?,
            sum,
        })
    }

    pub(super) fn validation(&mut self, f: &Fields, kind: &QuestionKind) -> Validation {
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

    pub(super) fn default(&mut self, node: &Node, kind: &QuestionKind) -> Option<AnswerValue> {
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
}
