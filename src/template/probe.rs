//! Probing a template against the render budget before anyone answers: each expression of
//! every branch evaluated on its own, so that `check` finds a template that would exceed the
//! budget ([`super::FUEL`], [`super::TIME_BUDGET`]) only when an answer takes a branch that
//! sample answers never take (`{% if ten == "go" %}…{% endif %}`).
//!
//! Owns: cutting a template into its tags (MiniJinja's own tokenizer, with the engine's
//! syntax settings) and evaluating each tag's expression alone with the caller's names. Only
//! budget errors count: an expression taken out of its context (reading a loop variable or a
//! `{% set %}` name) may fail for other reasons, which say nothing.
//!
//! Must not: know about questionnaires or answers (the caller gives the names, typically the
//! longest answers allowed).

use super::{Compiled, Context, Engine, TemplateError};

/// One tag of a template: its keyword (`None` for `{{ }}`), what it holds after the keyword,
/// and its 1-based line in the template.
struct Tag<'s> {
    keyword: Option<&'s str>,
    rest: &'s str,
    line: usize,
}

fn tags(source: &str) -> Vec<Tag<'_>> {
    use minijinja::machinery::Token;
    let mut out = Vec::new();
    let mut open: Option<(bool, minijinja::machinery::Span)> = None;
    for (token, span) in
        minijinja::machinery::tokenize(source, false, super::syntax()).map_while(Result::ok)
    {
        match token {
            Token::VariableStart => open = Some((false, span)),
            Token::BlockStart => open = Some((true, span)),
            Token::VariableEnd | Token::BlockEnd => {
                let Some((block, start)) = open.take() else {
                    continue;
                };
                let inner = source
                    .get(start.end_offset as usize..span.start_offset as usize)
                    .unwrap_or_default()
                    .trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
                let (keyword, rest) = if block {
                    let (word, rest) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
                    (Some(word), rest.trim())
                } else {
                    (None, inner)
                };
                out.push(Tag {
                    keyword,
                    rest,
                    line: usize::from(start.start_line),
                });
            }
            _ => {}
        }
    }
    out
}

/// The template that evaluates one tag's expression on its own, or None for tags without one
/// worth trying (`else`, `endif`, `macro`, …).
fn probe_of(tag: &Tag<'_>) -> Option<String> {
    Some(match tag.keyword {
        None => format!("{{{{ {} }}}}", tag.rest),
        Some("if" | "elif") => format!("{{% if {} %}}{{% endif %}}", tag.rest),
        Some("for") => format!("{{% for {} %}}{{% endfor %}}", tag.rest),
        Some("set") if tag.rest.contains('=') => format!("{{% set {} %}}", tag.rest),
        Some("with") => format!("{{% with {} %}}{{% endwith %}}", tag.rest),
        _ => return None,
    })
}

/// The first budget error of a template's expressions, each evaluated alone with `ctx`, with
/// its line in the template. `compiled` is the template (or the condition, `condition`) as
/// the engine already has it: a condition, or a template without `{% %}` tags (every
/// expression runs whatever the answers), is simply rendered whole.
pub fn budget_problem(
    engine: &mut Engine,
    source: &str,
    compiled: &Compiled,
    condition: bool,
    ctx: &Context,
) -> Option<TemplateError> {
    if condition || !source.contains("{%") {
        return engine
            .render(compiled, ctx)
            .err()
            .filter(|e| e.budget)
            .map(|e| TemplateError {
                line: if condition { Some(1) } else { e.line },
                ..e
            });
    }
    for tag in tags(source) {
        let Some(probe) = probe_of(&tag) else {
            continue;
        };
        let Ok(compiled) = engine.add_unnamed(&probe) else {
            continue;
        };
        if let Err(err) = engine.render(&compiled, ctx)
            && err.budget
        {
            return Some(TemplateError {
                line: Some(tag.line),
                ..err
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(source: &str, names: &[(&str, &str)]) -> Option<TemplateError> {
        let ctx = Context::new(
            names
                .iter()
                .map(|(k, v)| ((*k).to_owned(), minijinja::Value::from(*v)))
                .collect(),
        );
        let mut engine = Engine::new();
        let compiled = engine.add_template(source).expect("compiles");
        budget_problem(&mut engine, source, &compiled, false, &ctx)
    }

    #[test]
    fn a_branch_no_sample_takes_is_tried() {
        let source =
            "a {{ ten }}\n{% if ten == 'go' %}\n{{ (['x'*1000000]*100000) | join }}\n{% endif %}";
        let err = problem(source, &[("ten", "mẫu")]).expect("a budget error");
        assert_eq!(err.line, Some(3));
        assert!(err.budget);
    }

    #[test]
    fn expressions_out_of_context_and_small_ones_pass() {
        let source = "{% for x in ds %}{{ x | upper }}{% endfor %}{% set n = ten | length %}{{ n * 2 }}\n{% if ten %}{{ ten ~ ten }}{% endif %}";
        assert_eq!(problem(source, &[("ten", "mẫu"), ("ds", "ab")]), None);
    }

    #[test]
    fn a_condition_is_tried_whole() {
        let ctx = Context::default();
        let mut engine = Engine::new();
        let source = "(['x'*1000000]*100000) | join | length > 0";
        let compiled = engine.add_condition(source).expect("compiles");
        let err =
            budget_problem(&mut engine, source, &compiled, true, &ctx).expect("a budget error");
        assert_eq!(err.line, Some(1));
    }
}
