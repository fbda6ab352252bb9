//! The document top: the file's top keys (`format`, `id`, `version`, `title`, `vars`,
//! `numbering`, `renames`), the document frame (`document` and its signer), and the title and
//! id rendered from `vars`.
//!
//! Must not: read questions or sections (that is `questions.rs`).

use std::collections::HashMap;

use indexmap::IndexMap;

use super::{Builder, DOCUMENT_KEYS, Fields, SIGNER_KEYS, TOP_KEYS, closest, place, valid_name};
use crate::questionnaire::diag::{Kind, Pos};
use crate::questionnaire::model::{Frame, NumberStyle, Questionnaire, Text};
use crate::questionnaire::yaml::{Node, Value};
use crate::template::{self, Context, Engine};

impl Builder<'_> {
    pub(super) fn top(&mut self, root: &Node, hash: String) -> Option<Questionnaire> {
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
        let id = self.questionnaire_id(&f, &vars);
        let title_node = self.require(&f, "title", place::TOP);
        let title = title_node.and_then(|n| {
            let s = self.string(n, "title")?;
            self.text_from(s, n.pos, true)
        });
        let numbering = f
            .get("numbering")
            .map_or_else(NumberStyle::defaults, |n| self.numbering(n));
        let frame = self.document(&f);
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

    /// The document frame, which every questionnaire has.
    fn document(&mut self, f: &Fields) -> Frame {
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
        frame
    }

    /// The questionnaire's id, rendered from `vars` when written as a template.
    fn questionnaire_id(
        &mut self,
        f: &Fields,
        vars: &IndexMap<String, (Pos, minijinja::Value)>,
    ) -> Option<String> {
        self.require(f, "id", place::TOP).and_then(|n| {
            let source = self.string(n, "id")?;
            let id = if template::is_template(&source) {
                let text = self.text_from(source, n.pos, true)?;
                let id = self.render_title(&text, vars);
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
        })
    }

    pub(super) fn render_title(
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

    pub(super) fn vars(&mut self, node: &Node) -> IndexMap<String, (Pos, minijinja::Value)> {
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

    pub(super) fn numbering(&mut self, node: &Node) -> Vec<NumberStyle> {
        let mut out = Vec::new();
        for (pos, name) in self.strings(node, "numbering") {
            match NumberStyle::from_name(&name) {
                Some(style) => out.push(style),
                None => self.err(pos, Kind::UnknownNumbering { style: name }),
            }
        }
        out
    }

    pub(super) fn renames(&mut self, node: &Node) -> IndexMap<String, String> {
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

    pub(super) fn frame(&mut self, node: &Node) -> Frame {
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
