//! Typed node readers: a mapping's keys (unknown ones reported with the closest allowed
//! key), required keys, and scalars read as text, booleans, integers, numbers and counts,
//! sequences and lists of strings — each with a clear problem when the node has another shape.
//!
//! Must not: know what a key means (that is `top.rs` and `questions.rs`).

use super::{Builder, Fields, closest};
use crate::questionnaire::diag::{Kind, Pos};
use crate::questionnaire::schema::{self, Key};
use crate::questionnaire::yaml::{Node, Value};

impl Builder<'_> {
    pub(super) fn fields<'n>(
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

    pub(super) fn require<'n>(
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
    pub(super) fn string(&mut self, node: &Node, key: &str) -> Option<String> {
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

    pub(super) fn boolean(&mut self, node: &Node, key: &str) -> Option<bool> {
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

    pub(super) fn integer(&mut self, node: &Node, key: &str) -> Option<i64> {
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

    pub(super) fn number(&mut self, node: &Node, key: &str) -> Option<f64> {
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

    pub(super) fn count(&mut self, node: &Node, key: &str) -> Option<usize> {
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

    pub(super) fn seq<'n>(&mut self, node: &'n Node, key: &str) -> &'n [Node] {
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

    pub(super) fn strings(&mut self, node: &Node, key: &str) -> Vec<(Pos, String)> {
        let items = self.seq(node, key);
        items
            .iter()
            .filter_map(|item| self.string(item, key).map(|s| (item.pos, s)))
            .collect()
    }
}
