//! Template texts and conditions: compiled into the engine as they are read, queued for the
//! name check, and the file position of a place inside a text (line and caret for messages).
//!
//! Must not: render a template (the title and id are rendered from `vars` in `top.rs`;
//! sample renders are `check`'s work).

use super::{Builder, Pending};
use crate::questionnaire::diag::{Kind, Pos};
use crate::questionnaire::model::{Condition, Text};
use crate::questionnaire::yaml::{Node, Value};
use crate::template::{self, TemplateError};

impl Builder<'_> {
    /// The file position of line `line` (1-based) of a template written at `node`.
    pub(in crate::questionnaire) fn template_pos(&self, node_pos: Pos, line: Option<usize>) -> Pos {
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

    pub(in crate::questionnaire) fn template_problem(
        &mut self,
        pos: Pos,
        err: &TemplateError,
        condition: bool,
    ) {
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
    pub(super) fn spot(&self, pos: Pos, source: &str, (line, col): template::Place) -> Pos {
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
    pub(super) fn text(&mut self, node: &Node, key: &str) -> Option<Text> {
        let source = self.string(node, key)?;
        self.text_from(source, node.pos, false)
    }

    pub(super) fn text_from(&mut self, source: String, pos: Pos, vars_only: bool) -> Option<Text> {
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

    pub(super) fn texts(&mut self, node: Option<&Node>, key: &str) -> Vec<Text> {
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

    pub(super) fn condition(&mut self, node: &Node) -> Option<Condition> {
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
}
