//! The template engine: one configured MiniJinja environment per questionnaire.
//!
//! Owns: the safety settings (strict undefined, a fuel limit, no loader, no auto-escaping,
//! `trim_blocks` + `lstrip_blocks`), the Vietnamese filters (`ngay_dai`, `ngay_ngan`, `so`,
//! `phan_tram`, `noi`), how answer values look inside templates (dates print as "31/7/2025",
//! lists and tables standing alone on a line become block markers), and compiling and
//! rendering named templates and conditions. `filters` holds the filters and the formatter,
//! `answer` how answer values look inside templates, `explain` why a template failed (which
//! sentence of `messages` fits a MiniJinja error).
//!
//! Must not: read files, know about sections, or format whole reports; import `questionnaire`
//! or `answers` (it knows answer values from the leaf [`crate::value`], and a table question
//! only through [`TableLayout`], to show a table answer with its columns and totals).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use minijinja::value::{Enumerator, Object, ObjectExt, ObjectRepr};
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior, Value};

use crate::messages;
use filters::{
    capitalize, cased_len, format_value, lower, ngay_dai, ngay_ngan, noi, phan_tram, replace, so,
    sum, text_of, trim, upper,
};

mod answer;
pub mod explain;
mod filters;
pub mod probe;
pub mod shape;

pub use answer::{BlockValue, DateValue, TableLayout, answer_value};

/// The filters this engine adds for Vietnamese documents.
pub const VIETNAMESE_FILTERS: [&str; 5] = ["ngay_dai", "ngay_ngan", "so", "phan_tram", "noi"];

/// Jinja's string filters, as this engine has them (the first five print an unanswered
/// question as nothing).
pub const TEXT_FILTERS: [&str; 8] = [
    "upper",
    "lower",
    "capitalize",
    "trim",
    "replace",
    "title",
    "join",
    "default",
];

/// Fuel for one render: one unit per instruction, and one per 64 bytes of text or list a
/// template builds, writes, compares or hashes (the vendored MiniJinja checks a size it knows
/// ahead before allocating it, and charges text as it is written). So it bounds both the work
/// and the memory of one render: 700 000 fuel is 45 MB of text (a value being built may
/// briefly take twice that). Enough for any real report paragraph, even with answers of a
/// megabyte; small enough that a hostile questionnaire (it arrives by e-mail) stops within a
/// fraction of a second and about 100 MB.
pub const FUEL: u64 = 700_000;

/// Time for one render, whatever fuel is left: a backstop for work the fuel does not see.
pub const TIME_BUDGET: std::time::Duration = std::time::Duration::from_millis(400);

/// The block markers are defined beside the clean-up that strips them.
pub use crate::text::{BLOCK_END, BLOCK_START};

/// A template-compilation or render problem, with the line inside the template (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub line: Option<usize>,
    pub detail: String,
    /// True when the template source itself is malformed (as opposed to failing at render).
    pub syntax: bool,
    /// True when it names a filter, test or function the engine does not have: a mistake in
    /// the questionnaire whatever the answers.
    pub unknown: bool,
    /// True when the render was stopped by its budget ([`FUEL`] or [`TIME_BUDGET`]).
    pub budget: bool,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

impl From<Error> for TemplateError {
    fn from(err: Error) -> Self {
        let syntax = matches!(err.kind(), ErrorKind::SyntaxError | ErrorKind::BadEscape);
        let unknown = matches!(
            err.kind(),
            ErrorKind::UnknownFilter | ErrorKind::UnknownTest | ErrorKind::UnknownFunction
        );
        TemplateError {
            line: err.line(),
            detail: explain::template_error_detail(&err),
            syntax,
            unknown,
            budget: err.kind() == ErrorKind::OutOfFuel,
        }
    }
}

/// The names a template or condition reads, and its engine name.
#[derive(Debug, Clone)]
pub struct Compiled {
    name: String,
    pub names: Vec<String>,
}

/// A MiniJinja environment set up for untrusted report templates.
pub struct Engine {
    env: Environment<'static>,
    count: usize,
    /// Filters and tests already probed: (name, test) → the error when the engine lacks it.
    probed: std::collections::HashMap<(String, bool), Option<TemplateError>>,
}

impl fmt::Debug for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Engine")
            .field("templates", &self.count)
            .finish_non_exhaustive()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Engine {
    pub fn new() -> Self {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_fuel(Some(FUEL));
        env.set_fuel_deadline(Some(TIME_BUDGET));
        // `debug()` would print the engine's state (every answer, the questionnaire's
        // internals) into a report.
        env.remove_global("debug");
        env.set_recursion_limit(100);
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
        env.set_syntax(syntax());
        env.set_formatter(format_value);
        env.add_filter("ngay_dai", ngay_dai);
        env.add_filter("ngay_ngan", ngay_ngan);
        env.add_filter("so", so);
        env.add_filter("phan_tram", phan_tram);
        env.add_filter("noi", noi);
        // Jinja's string filters print an unanswered question as "none"; ours print nothing.
        env.add_filter("upper", upper);
        env.add_filter("lower", lower);
        env.add_filter("capitalize", |state: &State, v: &Value| {
            let text = text_of(v);
            state.ensure_bytes(cased_len(&text, char::to_lowercase))?;
            Ok::<_, Error>(capitalize(&text))
        });
        env.add_filter("trim", trim);
        env.add_filter("replace", replace);
        env.add_filter("sum", sum);
        Engine {
            env,
            count: 0,
            probed: std::collections::HashMap::new(),
        }
    }

    /// Compiles a template and returns its handle with the top-level names it reads.
    pub fn add_template(&mut self, source: &str) -> Result<Compiled, TemplateError> {
        self.count += 1;
        let name = format!("t{}", self.count);
        self.env
            .add_template_owned(name.clone(), source.to_owned())?;
        let template = self.env.get_template(&name)?;
        let mut names: Vec<String> = template.undeclared_variables(false).into_iter().collect();
        names.sort();
        Ok(Compiled { name, names })
    }

    /// Compiles a template to be rendered, without looking for the names it reads.
    pub fn add_unnamed(&mut self, source: &str) -> Result<Compiled, TemplateError> {
        self.count += 1;
        let name = format!("t{}", self.count);
        self.env
            .add_template_owned(name.clone(), source.to_owned())?;
        Ok(Compiled {
            name,
            names: Vec::new(),
        })
    }

    /// Compiles a condition (a Jinja expression).
    pub fn add_condition(&mut self, expr: &str) -> Result<Compiled, TemplateError> {
        if expr.contains("%}") || expr.contains("{%") || expr.contains("{{") {
            return Err(TemplateError {
                line: Some(1),
                detail: messages::CONDITION_HAS_DELIMITERS.to_owned(),
                syntax: true,
                unknown: false,
                budget: false,
            });
        }
        self.add_template(&format!("{{% if {expr} %}}1{{% endif %}}"))
    }

    /// The error of naming a filter (or, `test`, a test) the engine does not have; None when
    /// it has it. (MiniJinja finds out only when the filter runs, which sample answers may
    /// never make happen.)
    pub fn lacks(&mut self, name: &str, test: bool) -> Option<TemplateError> {
        let key = (name.to_owned(), test);
        if let Some(known) = self.probed.get(&key) {
            return known.clone();
        }
        let probe = if test {
            format!("{{{{ none is {name} }}}}")
        } else {
            format!("{{{{ none | {name} }}}}")
        };
        let lacking = match self.add_template(&probe) {
            Ok(compiled) => match self.render(&compiled, &Context::default()) {
                Err(err) if err.unknown => Some(err),
                _ => None,
            },
            Err(err) => Some(err),
        };
        self.probed.insert(key, lacking.clone());
        lacking
    }

    /// Renders a compiled template with the given names.
    pub fn render(&self, template: &Compiled, ctx: &Context) -> Result<String, TemplateError> {
        let tmpl = self.env.get_template(&template.name)?;
        Ok(tmpl.render(Value::from_object(ctx.clone()))?)
    }

    /// Evaluates a compiled condition.
    pub fn eval(&self, condition: &Compiled, ctx: &Context) -> Result<bool, TemplateError> {
        Ok(self.render(condition, ctx)? == "1")
    }
}

/// The syntax of every template: Jinja's delimiters, with `trim_blocks` and `lstrip_blocks` (a
/// line holding only a `{% %}` tag leaves nothing behind).
pub fn syntax() -> minijinja::syntax::SyntaxConfig {
    minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
        .unwrap_or_default()
}

/// The names visible to one render.
#[derive(Debug, Clone, Default)]
pub struct Context {
    values: Arc<BTreeMap<String, Value>>,
}

impl Context {
    pub fn new(values: BTreeMap<String, Value>) -> Self {
        Context {
            values: Arc::new(values),
        }
    }
}

impl Object for Context {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.values.get(key.as_str()?).cloned()
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        self.mapped_enumerator(|this| Box::new(this.values.keys().map(|k| Value::from(k.as_str()))))
    }
}

/// The block tag a template leaves open (`{% if %}` without its `{% endif %}`): the tag's
/// keyword and its 1-based line in the template. MiniJinja reports such a template at its end;
/// the tag that is open is what the author must find.
pub fn unclosed_block(source: &str) -> Option<(String, usize)> {
    use minijinja::machinery::Token;
    const OPENERS: [&str; 8] = [
        "if",
        "for",
        "macro",
        "call",
        "filter",
        "with",
        "autoescape",
        "raw",
    ];
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut after_start = None;
    for (token, span) in
        minijinja::machinery::tokenize(source, false, syntax()).map_while(Result::ok)
    {
        match (token, after_start.take()) {
            (Token::BlockStart, _) => after_start = Some(span.start_line),
            (Token::Ident(word), Some(line)) => {
                if OPENERS.contains(&word) {
                    open.push((word.to_owned(), usize::from(line)));
                } else if let Some(kind) = word.strip_prefix("end")
                    && let Some(at) = open.iter().rposition(|(k, _)| k == kind)
                {
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
    open.pop()
}

/// A place in a template: 1-based line, 0-based column in characters.
pub type Place = (usize, usize);

/// Where a template (or a condition, `expr`) reads `name` as a variable: not as an attribute
/// (`r.name`), a keyword argument (`f(name=…)`), a filter or a test; each line once. Text,
/// strings and comments are not looked at.
pub fn name_places(source: &str, expr: bool, name: &str) -> Vec<Place> {
    use minijinja::machinery::Token;
    let tokens: Vec<_> = minijinja::machinery::tokenize(source, expr, syntax())
        .map_while(Result::ok)
        .collect();
    let mut out: Vec<Place> = Vec::new();
    for (i, (token, span)) in tokens.iter().enumerate() {
        let Token::Ident(word) = token else { continue };
        let before = i.checked_sub(1).map(|j| &tokens[j].0);
        let after = tokens.get(i + 1).map(|(t, _)| t);
        let named = *word == name
            && !matches!(
                before,
                Some(Token::Dot | Token::Pipe | Token::Ident("is" | "not"))
            )
            && !matches!(after, Some(Token::Assign));
        let line = usize::from(span.start_line);
        if named && out.last().is_none_or(|(l, _)| *l != line) {
            out.push((line, usize::from(span.start_col)));
        }
    }
    out
}

/// A filter or test a template names, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callable {
    pub name: String,
    /// `x is name` rather than `x | name`.
    pub test: bool,
    pub place: Place,
}

/// Every filter (`| name`, `{% filter name %}`) and test (`is name`, `is not name`) a template
/// (or a condition, `expr`) names.
pub fn callables(source: &str, expr: bool) -> Vec<Callable> {
    use minijinja::machinery::Token;
    let tokens: Vec<_> = minijinja::machinery::tokenize(source, expr, syntax())
        .map_while(Result::ok)
        .collect();
    let mut out = Vec::new();
    for (i, (token, span)) in tokens.iter().enumerate() {
        let Token::Ident(word) = token else { continue };
        let before = |back: usize| i.checked_sub(back).map(|j| &tokens[j].0);
        let filter = matches!(before(1), Some(Token::Pipe))
            || (matches!(before(1), Some(Token::Ident("filter")))
                && matches!(before(2), Some(Token::BlockStart)));
        let test = matches!(before(1), Some(Token::Ident("is")))
            || (matches!(before(1), Some(Token::Ident("not")))
                && matches!(before(2), Some(Token::Ident("is"))));
        if (filter || test) && !(test && *word == "not") {
            out.push(Callable {
                name: (*word).to_owned(),
                test,
                place: (usize::from(span.start_line), usize::from(span.start_col)),
            });
        }
    }
    out
}

/// Whether a string needs the template engine at all.
pub fn is_template(source: &str) -> bool {
    source.contains("{{") || source.contains("{%") || source.contains("{#")
}

/// Names the template engine provides itself, which are not answers.
pub fn is_builtin_name(name: &str) -> bool {
    matches!(
        name,
        "loop" | "range" | "true" | "false" | "none" | "namespace" | "dict"
    )
}

#[cfg(test)]
mod tests;
