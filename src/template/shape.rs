//! The shape of a template before anyone answers: what `baocao preview` prints in place of
//! each template.
//!
//! Owns: walking a template's syntax tree (MiniJinja's own parser, with the engine's syntax
//! settings, so the preview reads a template exactly as a render does) and writing its text
//! with fixed text kept, `vars` filled in, each question's place as a placeholder given by the
//! caller, any other value as "[= expression]", and `{% if %}` parts marked with their
//! condition — on lines of their own ([`NOTE`]) when the tags stand alone on their lines,
//! inside the sentence otherwise. A condition that reads only `vars` is decided, not marked.
//! A `{% for %}` body is written once, its loop variable standing for one item.
//!
//! Must not: know about sections or documents, or read answers.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use minijinja::Value;
use minijinja::machinery::ast::{self, Expr, Stmt};

use super::{BLOCK_END, BLOCK_START, Context, Engine};
use crate::messages;

/// Starts a line that is a note about the template (a condition), not report text.
pub const NOTE: char = '\u{E002}';

/// What a name in a template stands for, as the caller knows it.
pub trait Names {
    /// The values fixed for the period (`vars`).
    fn var(&self, name: &str) -> Option<&Value>;
    /// The placeholder of question `id` ("[Tên xã]"), or None when `id` is not a question.
    fn placeholder(&self, id: &str) -> Option<String>;
    /// Whether question `id` prints as a block (a list or a table) when it stands alone on a
    /// line.
    fn is_block(&self, id: &str) -> bool;
}

/// Writes the shapes of templates; one per questionnaire (it compiles each expression once).
pub struct Shaper<'n> {
    names: &'n dyn Names,
    engine: Engine,
    compiled: HashMap<String, Option<super::Compiled>>,
}

/// Whether a filter changes how a value looks, not what it is: a question seen through it is
/// still that question's placeholder.
fn only_looks(filter: &str) -> bool {
    super::VIETNAMESE_FILTERS.contains(&filter)
        || super::TEXT_FILTERS.contains(&filter)
        || filter == "d"
}

impl<'n> Shaper<'n> {
    pub fn new(names: &'n dyn Names) -> Self {
        Shaper {
            names,
            engine: Engine::new(),
            compiled: HashMap::new(),
        }
    }

    /// The shape of one template. A template that does not parse is returned as written (the
    /// loader has already refused such questionnaires).
    pub fn shape(&mut self, source: &str) -> String {
        if !super::is_template(source) {
            return source.to_owned();
        }
        let Ok(tree) = minijinja::machinery::parse(source, "<preview>", super::syntax()) else {
            return source.to_owned();
        };
        let mut walk = Walk {
            shaper: self,
            source,
            tags: tags(source),
            out: String::new(),
            locals: BTreeMap::new(),
            guards: BTreeSet::new(),
            starts_line: true,
        };
        walk.stmt(&tree);
        walk.out
    }

    /// The names a bit of template reads and the handle to evaluate it, compiled once.
    fn compile(&mut self, template: String) -> Option<super::Compiled> {
        if let Some(done) = self.compiled.get(&template) {
            return done.clone();
        }
        let compiled = self.engine.add_template(&template).ok();
        self.compiled.insert(template, compiled.clone());
        compiled
    }
}

/// What a name bound inside the template stands for.
#[derive(Clone)]
enum Local {
    /// A `{% for %}` variable: one item of what the loop walks, shown as this placeholder.
    Item(String),
    /// A `{% set %}` name or a loop over something computed: known only with answers, which
    /// are these questions' (including those whose conditions decide whether it was set).
    Computed(BTreeSet<String>),
}

impl Local {
    fn computed() -> Self {
        Local::Computed(BTreeSet::new())
    }
}

struct Walk<'a, 'n> {
    shaper: &'a mut Shaper<'n>,
    source: &'a str,
    /// Every `{{ }}` and `{% %}` tag, in order.
    tags: std::rc::Rc<[Tag]>,
    out: String,
    locals: BTreeMap<String, Local>,
    /// The questions the conditions around this point read.
    guards: BTreeSet<String>,
    /// Whether `out` being empty means the start of a line in the final text.
    starts_line: bool,
}

impl Walk<'_, '_> {
    fn at_line_start(&self) -> bool {
        if self.out.is_empty() {
            self.starts_line
        } else {
            self.out.ends_with('\n')
        }
    }

    /// The part of the template an expression was written as: what its tag holds, without
    /// the delimiters and the `if`/`elif` keyword. (The parser's spans of some expressions
    /// start at a filter's name, so the tag is the reliable measure.)
    fn text_of(&self, expr: &Expr) -> String {
        let at = expr.span().start_offset as usize;
        let i = self.tags.partition_point(|t| t.end <= at);
        let inner = match self.tags.get(i) {
            Some(tag) if tag.start <= at => self.source.get(tag.inner.clone()),
            _ => None,
        }
        .unwrap_or_default();
        // On one line, whatever the tag's line breaks (`{%- -%}` marks are the delimiters').
        let inner = inner.split_whitespace().collect::<Vec<_>>().join(" ");
        let inner = ["if ", "elif "]
            .iter()
            .find_map(|keyword| inner.strip_prefix(keyword))
            .unwrap_or(&inner);
        // `for v in …`: what the loop walks.
        let inner = inner
            .strip_prefix("for ")
            .and_then(|rest| rest.split_once(" in "))
            .map_or(inner, |(_, walked)| walked);
        inner.trim().to_owned()
    }

    fn stmts(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::Template(t) => self.stmts(&t.children),
            Stmt::EmitRaw(raw) => self.out.push_str(raw.raw),
            Stmt::EmitExpr(e) => {
                let shown = self.expr(&e.expr);
                self.out.push_str(&shown);
            }
            Stmt::IfCond(cond) => self.if_cond(cond),
            Stmt::ForLoop(l) => self.for_loop(l),
            Stmt::Set(set) => {
                let text = self.text_of(&set.expr);
                let value = assigned(&text);
                let mut from = self.reads(value);
                from.extend(self.guards.iter().cloned());
                self.bind(&set.target, Local::Computed(from));
            }
            Stmt::SetBlock(set) => {
                let from = self.guards.clone();
                self.bind(&set.target, Local::Computed(from));
            }
            Stmt::WithBlock(with) => {
                for (target, _) in &with.assignments {
                    self.bind(target, Local::computed());
                }
                self.stmts(&with.body);
            }
            Stmt::AutoEscape(a) => self.stmts(&a.body),
            Stmt::FilterBlock(f) => self.stmts(&f.body),
            Stmt::CallBlock(call) => {
                let span = call.call_expr_span;
                let text = self
                    .source
                    .get(span.start_offset as usize..span.end_offset as usize)
                    .unwrap_or_default()
                    .trim();
                self.out.push_str(&messages::preview_computed(text));
            }
            // Definitions and statements that print nothing.
            Stmt::Macro(_) | Stmt::Do(_) => {}
        }
    }

    fn bind(&mut self, target: &Expr, local: Local) {
        match target {
            // `{% set kq = kq + [...] %}` adds to what `kq` already came from.
            Expr::Var(v) => self.bind_name(v.id.to_owned(), local),
            Expr::Tuple(t) => {
                for item in &t.items {
                    self.bind(item, local.clone());
                }
            }
            _ => {}
        }
    }

    fn bind_name(&mut self, name: String, local: Local) {
        let local = match (local, self.locals.get(&name)) {
            (Local::Computed(mut from), Some(Local::Computed(before))) => {
                from.extend(before.iter().cloned());
                Local::Computed(from)
            }
            (local, _) => local,
        };
        self.locals.insert(name, local);
    }

    /// What `{{ expr }}` shows.
    fn expr(&mut self, expr: &Expr) -> String {
        let text = self.text_of(expr);
        if let Some(value) = self.fixed(&text, "{{ ", " }}") {
            return value;
        }
        // A question standing alone on its line may print as a block (list, table).
        if let Expr::Var(v) = expr
            && self.shaper.names.is_block(v.id)
            && !self.locals.contains_key(v.id)
        {
            return format!("{BLOCK_START}{}{BLOCK_END}", v.id);
        }
        if let Some(placeholder) = self.seen_through(expr) {
            return placeholder;
        }
        let from = self.unnamed_sources(&text);
        messages::preview_computed_from(&text, &from)
    }

    /// The questions a bit of template depends on that it does not name itself (it reads
    /// them through names set earlier).
    fn unnamed_sources(&mut self, text: &str) -> Vec<String> {
        let named = names_in(text);
        self.reads(text)
            .into_iter()
            .filter(|id| !named.contains(id.as_str()))
            .collect()
    }

    /// The questions a bit of template reads, directly or through names it set earlier.
    fn reads(&mut self, text: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let Some(compiled) = self.shaper.compile(format!("{{{{ {text} }}}}")) else {
            return out;
        };
        for name in &compiled.names {
            match self.locals.get(name) {
                Some(Local::Computed(from)) => out.extend(from.iter().cloned()),
                Some(Local::Item(_)) => {}
                None => {
                    if self.shaper.names.placeholder(name).is_some() {
                        out.insert(name.clone());
                    }
                }
            }
        }
        out
    }

    /// The placeholder of the question (or loop item) an expression shows, when it shows one
    /// through filters that only change its look, or as the first choice of an `or`.
    fn seen_through(&self, expr: &Expr) -> Option<String> {
        match expr {
            Expr::Var(v) => match self.locals.get(v.id) {
                Some(Local::Item(placeholder)) => Some(placeholder.clone()),
                Some(Local::Computed(_)) => None,
                None => self.shaper.names.placeholder(v.id),
            },
            Expr::Filter(f) if only_looks(f.name) => self.seen_through(f.expr.as_ref()?),
            Expr::Filter(f) if matches!(f.name, "length" | "count") => self
                .seen_through(f.expr.as_ref()?)
                .map(|p| messages::preview_count(&p)),
            Expr::BinOp(op) if matches!(op.op, ast::BinOpKind::ScOr) => self.seen_through(&op.left),
            _ => None,
        }
    }

    /// The value of a bit of template that reads nothing but `vars` (and `loop`, taken as a
    /// loop of one item), or None.
    fn fixed(&mut self, text: &str, open: &str, close: &str) -> Option<String> {
        let compiled = self.shaper.compile(format!("{open}{text}{close}"))?;
        let mut values = BTreeMap::new();
        for name in &compiled.names {
            if self.locals.contains_key(name) {
                return None;
            }
            if name == "loop" {
                values.insert(name.clone(), one_item_loop());
            } else if let Some(v) = self.shaper.names.var(name) {
                values.insert(name.clone(), v.clone());
            } else if !super::is_builtin_name(name) {
                return None;
            }
        }
        self.shaper
            .engine
            .render(&compiled, &Context::new(values))
            .ok()
    }

    /// Renders statements into a buffer of their own, with this walk's names; names they set
    /// stay set afterwards (an `{% if %}` is no scope in Jinja).
    fn nested(&mut self, stmts: &[Stmt], starts_line: bool, guards: &BTreeSet<String>) -> String {
        let mut inner = Walk {
            shaper: &mut *self.shaper,
            source: self.source,
            tags: self.tags.clone(),
            out: String::new(),
            locals: self.locals.clone(),
            guards: guards.clone(),
            starts_line,
        };
        inner.stmts(stmts);
        let Walk { out, locals, .. } = inner;
        for (name, local) in locals {
            self.bind_name(name, local);
        }
        out
    }

    fn if_cond(&mut self, first: &ast::IfCond) {
        // `{% if a %}…{% elif b %}…{% else %}…{% endif %}`: the branches in order, the last
        // without a condition when there is an `else`.
        let starts_line = self.at_line_start();
        let mut branches: Vec<(Option<String>, String)> = Vec::new();
        let mut guards = self.guards.clone();
        let mut cond = first;
        loop {
            let text = self.text_of(&cond.expr);
            guards.extend(self.reads(&text));
            match self.fixed(&text, "{% if ", " %}1{% endif %}") {
                // Decided by `vars` alone: only the branch that prints.
                Some(holds) if holds == "1" => {
                    let body = self.nested(&cond.true_body, starts_line, &guards);
                    branches.push((None, body));
                    break;
                }
                Some(_) => {}
                None => {
                    let body = self.nested(&cond.true_body, starts_line, &guards);
                    // A condition on a name set earlier says which answers it comes from.
                    let from = self.unnamed_sources(&text);
                    branches.push((Some(messages::preview_condition(&text, &from)), body));
                }
            }
            match cond.false_body.as_slice() {
                [Stmt::IfCond(next)] => cond = next,
                [] => break,
                rest => {
                    let body = self.nested(rest, starts_line, &guards);
                    branches.push((None, body));
                    break;
                }
            }
        }
        self.write_branches(&branches, starts_line);
    }

    fn write_branches(&mut self, branches: &[(Option<String>, String)], starts_line: bool) {
        // Only an unconditional branch left: the condition was decided.
        if let [(None, body)] = branches {
            self.out.push_str(body);
            return;
        }
        // Conditions around `{% set %}` and the like print nothing either way.
        if branches.iter().all(|(_, body)| body.trim().is_empty()) {
            return;
        }
        let own_lines = starts_line
            && branches
                .iter()
                .all(|(_, body)| body.is_empty() || body.ends_with('\n'));
        if own_lines {
            for (i, (cond, body)) in branches.iter().enumerate() {
                self.out.push(NOTE);
                self.out
                    .push_str(&messages::preview_branch_line(cond.as_deref(), i == 0));
                self.out.push('\n');
                self.out.push_str(body);
            }
            self.out.push(NOTE);
            let first = branches.iter().find_map(|(cond, _)| cond.as_deref());
            let first = first.map(|c| c.split(" ← ").next().unwrap_or(c));
            self.out
                .push_str(&messages::preview_end_if(first.unwrap_or_default()));
            self.out.push('\n');
        } else {
            let parts: Vec<String> = branches
                .iter()
                .enumerate()
                .map(|(i, (cond, body))| {
                    let label = messages::preview_branch(cond.as_deref(), i == 0);
                    format!("{label} {}", body.trim()).trim().to_owned()
                })
                .collect();
            // A space the branches begin or end with stays outside the mark, where it prints.
            let edge = |f: fn(&str) -> Option<char>| {
                branches
                    .iter()
                    .any(|(_, body)| f(body).is_some_and(char::is_whitespace))
            };
            if edge(|b| b.chars().next()) && !self.out.ends_with(' ') {
                self.out.push(' ');
            }
            self.out.push_str(&messages::preview_inline_if(&parts));
            if edge(|b| b.chars().next_back()) {
                self.out.push(' ');
            }
        }
    }

    fn for_loop(&mut self, l: &ast::ForLoop) {
        let item = match self.seen_through(&l.iter) {
            Some(placeholder) => Local::Item(messages::preview_item(&placeholder)),
            None => Local::Computed(self.reads(&self.text_of(&l.iter))),
        };
        let saved = self.locals.clone();
        self.bind(&l.target, item);
        let starts_line = self.at_line_start();
        let guards = self.guards.clone();
        let body = self.nested(&l.body, starts_line, &guards);
        self.locals = saved;
        if l.else_body.is_empty() {
            self.out.push_str(&body);
            return;
        }
        // `{% for %}…{% else %}…{% endfor %}`: the else part prints when there is nothing to
        // walk — shown as the other branch of "if there is something".
        let walked = self.text_of(&l.iter);
        let otherwise = self.nested(&l.else_body, starts_line, &guards);
        self.write_branches(&[(Some(walked), body), (None, otherwise)], starts_line);
    }
}

/// The value side of a `set` tag's text ("set kq = kq + [1]" → "kq + [1]").
fn assigned(tag: &str) -> &str {
    let rest = tag.strip_prefix("set").unwrap_or(tag);
    let bytes = rest.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        if b == b'='
            && bytes.get(i + 1) != Some(&b'=')
            && !matches!(before, Some(b'=' | b'!' | b'<' | b'>'))
        {
            return rest[i + 1..].trim();
        }
    }
    rest.trim()
}

/// The identifiers written in a bit of template.
fn names_in(text: &str) -> BTreeSet<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Where a tag is in the template: the whole of it, and what it holds between its delimiters.
struct Tag {
    start: usize,
    end: usize,
    inner: std::ops::Range<usize>,
}

/// The tags of a template, in order.
fn tags(source: &str) -> std::rc::Rc<[Tag]> {
    use minijinja::machinery::Token;
    let mut out = Vec::new();
    let mut open = None;
    for (token, span) in
        minijinja::machinery::tokenize(source, false, super::syntax()).map_while(Result::ok)
    {
        match token {
            Token::VariableStart | Token::BlockStart => open = Some(span),
            Token::VariableEnd | Token::BlockEnd => {
                if let Some(start) = open.take() {
                    out.push(Tag {
                        start: start.start_offset as usize,
                        end: span.end_offset as usize,
                        inner: start.end_offset as usize..span.start_offset as usize,
                    });
                }
            }
            _ => {}
        }
    }
    out.into()
}

/// `loop` inside a loop of one item (`loop.last` is true: "- item." ends the list).
fn one_item_loop() -> Value {
    let mut map = BTreeMap::new();
    for (key, value) in [
        ("index", 1),
        ("index0", 0),
        ("revindex", 1),
        ("revindex0", 0),
        ("length", 1),
        ("depth", 1),
        ("depth0", 0),
    ] {
        map.insert(key, Value::from(value));
    }
    map.insert("first", Value::from(true));
    map.insert("last", Value::from(true));
    Value::from(map)
}

#[cfg(test)]
mod tests;
