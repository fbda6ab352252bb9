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
mod tests {
    use super::*;
    use crate::vn::Date;

    #[test]
    fn the_open_block_is_found_and_a_lexer_error_ends_the_search() {
        assert_eq!(
            unclosed_block("{% if a %}\n{% for x in b %}\n{% endfor %}\nx"),
            Some(("if".to_owned(), 1))
        );
        assert_eq!(unclosed_block("{% if a %}x{% endif %}"), None);
        // The tokenizer reports an unterminated string again and again; the search stops.
        assert_eq!(
            unclosed_block("{% if a %}\n{{ \"không đóng }}"),
            Some(("if".to_owned(), 1))
        );
    }

    fn render(src: &str, pairs: &[(&str, Value)]) -> Result<String, TemplateError> {
        let mut engine = Engine::new();
        let t = engine.add_template(src)?;
        let ctx = Context::new(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        );
        engine.render(&t, &ctx)
    }

    fn date(y: i32, m: u8, d: u8) -> Value {
        Value::from_object(DateValue(Date::new(y, m, d).unwrap()))
    }

    #[test]
    fn vietnamese_filters() {
        assert_eq!(
            render("{{ d | ngay_dai }}", &[("d", date(2025, 1, 5))]).unwrap(),
            "ngày 05 tháng 01 năm 2025"
        );
        assert_eq!(
            render("{{ d | ngay_dai }}", &[("d", date(2025, 7, 31))]).unwrap(),
            "ngày 31 tháng 7 năm 2025"
        );
        assert_eq!(
            render("{{ d }} {{ d | ngay_ngan }}", &[("d", date(2021, 1, 18))]).unwrap(),
            "18/01/2021 18/01/2021"
        );
        assert_eq!(
            render("{{ d | ngay_dai(nam=2025) }}", &[("d", Value::from(()))]).unwrap(),
            "ngày      tháng      năm 2025"
        );
        assert_eq!(
            render("{{ n | so }}", &[("n", Value::from(1_250_000))]).unwrap(),
            "1.250.000"
        );
        assert_eq!(
            render("{{ x | phan_tram }}", &[("x", Value::from(99.1))]).unwrap(),
            "99,1%"
        );
        assert_eq!(
            render("{{ x }}", &[("x", Value::from(3.5))]).unwrap(),
            "3,5"
        );
        let list = Value::from(vec!["a", "b", "c"]);
        assert_eq!(
            render("{{ l | noi }}", &[("l", list.clone())]).unwrap(),
            "a, b và c"
        );
        assert_eq!(
            render("{{ l | noi('hoặc') }}", &[("l", list)]).unwrap(),
            "a, b hoặc c"
        );
        assert_eq!(
            render("[{{ x }}]", &[("x", Value::from(()))]).unwrap(),
            "[]"
        );
    }

    #[test]
    fn filters_reject_the_wrong_kind() {
        let err = render("{{ t | ngay_dai }}", &[("t", Value::from("Ba Dinh"))]).unwrap_err();
        assert!(err.detail.contains("ngay_dai"), "{err:?}");
        assert!(render("{{ t | so }}", &[("t", Value::from("12"))]).is_err());
        assert!(render("{{ t | noi }}", &[("t", Value::from("abc"))]).is_err());
    }

    #[test]
    fn untrusted_templates_are_contained() {
        let err = render(
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
            &[],
        )
        .unwrap_err();
        assert!(!err.syntax);
        assert!(render("{{ unknown_name }}", &[]).is_err());
        assert!(render("{% include 'x' %}", &[]).is_err());
        assert_eq!(render("{{ '<b>&' }}", &[]).unwrap(), "<b>&");
    }

    #[test]
    fn trim_strips_any_of_its_characters_from_both_ends() {
        let text = [("x", Value::from("ẫ. xã Ba Đình .ẫ"))];
        assert_eq!(
            render("{{ x | trim('. ẫ') }}", &text).unwrap(),
            "xã Ba Đình"
        );
        assert_eq!(
            render("{{ x | trim('') }}", &text).unwrap(),
            "ẫ. xã Ba Đình .ẫ"
        );
        // One lookup per character: 100 000 characters against 100 000 (quadratic before,
        // 10^10 comparisons) is done at once.
        let long = [("x", Value::from("x".repeat(100_000)))];
        assert_eq!(
            render("{{ x | trim('y' * 100000 ~ 'x') | length }}", &long).unwrap(),
            "0"
        );
    }

    #[test]
    fn filters_refuse_a_result_over_the_budget_before_building_it() {
        // 100 MB from a 1 kB text: refused by its size, counted before it is built.
        let err = render(
            "{{ ('a' * 1000) | replace('a', 'b' * 100000) | length }}",
            &[],
        )
        .unwrap_err();
        assert!(err.budget, "{err:?}");
        assert_eq!(
            render("{{ 'a-b-c' | replace('-', ', ') }}", &[]).unwrap(),
            "a, b, c"
        );
        // 40 MB of items joined by `noi`.
        let err = render("{{ (['x' * 100000] * 400) | noi | length }}", &[]).unwrap_err();
        assert!(err.budget, "{err:?}");
        // `upper` of a text that cannot be paid for twice.
        let big = [("x", Value::from("a".repeat(30_000_000)))];
        let err = render("{{ x | upper | upper | length }}", &big).unwrap_err();
        assert!(err.budget, "{err:?}");
    }

    #[test]
    fn a_budget_error_says_so_in_vietnamese() {
        let err = render("{{ (['x' * 1000000] * 100000) | join | length }}", &[]).unwrap_err();
        assert!(err.budget);
        assert!(
            err.detail.contains("vượt giới hạn an toàn"),
            "{}",
            err.detail
        );
    }

    #[test]
    fn debug_is_not_in_the_engine() {
        // It would print the engine's state, every answer included, into a report.
        let err = render("{{ debug() }}", &[("ten", Value::from("bí mật"))]).unwrap_err();
        assert!(!err.budget, "{err:?}");
        assert!(!is_builtin_name("debug"));
    }

    #[test]
    fn conditions_and_names() {
        let mut engine = Engine::new();
        let c = engine.add_condition("a and not b").unwrap();
        assert_eq!(c.names, vec!["a", "b"]);
        let ctx = Context::new(
            [
                ("a".into(), Value::from(true)),
                ("b".into(), Value::from(())),
            ]
            .into(),
        );
        assert!(engine.eval(&c, &ctx).unwrap());
        assert!(engine.add_condition("a and").is_err());
        assert!(engine.add_condition("a %} x {% if b").is_err());
    }

    #[test]
    fn string_filters_print_nothing_for_unanswered() {
        let none = [("x", Value::from(()))];
        let src = "[{{ x | trim }}{{ x | upper }}{{ x | lower }}{{ x | replace('a', 'b') }}]";
        assert_eq!(render(src, &none).unwrap(), "[]");
        let text = [("x", Value::from(" xã ba dinh. "))];
        assert_eq!(
            render("{{ x | trim(' .') | upper }}", &text).unwrap(),
            "XÃ BA DINH"
        );
        assert_eq!(
            render("{{ x | trim | capitalize }}", &text).unwrap(),
            "Xã ba dinh."
        );
        assert_eq!(
            render("{{ x | replace('a', 'o', 1) }}", &text).unwrap(),
            " xã bo dinh. "
        );
    }

    #[test]
    fn sum_skips_blank_cells() {
        let rows = Value::from(vec![
            Value::from(BTreeMap::from([("n", Value::from(2))])),
            Value::from(BTreeMap::from([("n", Value::from(()))])),
            Value::from(BTreeMap::from([("n", Value::from(3))])),
        ]);
        let ctx = [("rows", rows)];
        assert_eq!(
            render("{{ rows | sum(attribute='n') }}", &ctx).unwrap(),
            "5"
        );
        assert_eq!(render("{{ rows | sum('n') }}", &ctx).unwrap(), "5");
        let mixed = [("x", Value::from(vec![Value::from(1), Value::from(0.5)]))];
        assert_eq!(render("{{ x | sum }}", &mixed).unwrap(), "1,5");
        assert_eq!(
            render("{{ x | sum }}", &[("x", Value::from(()))]).unwrap(),
            "0"
        );
        assert!(render("{{ x | sum }}", &[("x", Value::from(vec!["a"]))]).is_err());
    }

    #[test]
    fn computed_numbers_print_the_vietnamese_way() {
        let x = |v: f64| [("x", Value::from(v))];
        assert_eq!(render("{{ x }}", &x(100.0)).unwrap(), "100");
        assert_eq!(render("{{ x | so }}", &x(1250.0)).unwrap(), "1.250");
        assert_eq!(render("{{ x | so }}", &x(100.0 / 3.0)).unwrap(), "33,33");
        assert_eq!(render("{{ x | so(1) }}", &x(2.0)).unwrap(), "2,0");
        assert_eq!(
            render("{{ x | phan_tram }}", &x(100.0 / 3.0)).unwrap(),
            "33,33%"
        );
        assert_eq!(render("{{ x | phan_tram }}", &x(90.0)).unwrap(), "90%");
        assert_eq!(
            render("{{ (9 * 100 / 10) | phan_tram }}", &[]).unwrap(),
            "90%"
        );
    }

    #[test]
    fn dates_compare_by_the_calendar() {
        let ctx = [
            ("a", date(2020, 1, 1)),
            ("b", date(2025, 7, 31)),
            ("c", date(2025, 7, 31)),
        ];
        let t = "{{ a < b }} {{ b == c }} {{ b > a }} {{ a == b }}";
        assert_eq!(render(t, &ctx).unwrap(), "Có Có Có Không");
    }
}
