//! Arbitrary template text rendered through the report template engine, with a context that
//! holds every name of the built-in questionnaire (vars and answers of every kind) plus short
//! names `t n x d b c cs l tb` with arbitrary values. Compiling, rendering and evaluating as
//! a condition must never panic and must stop (the engine's fuel limit).
//!
//! Input layout: template text, then optionally a 0xFF byte (never part of UTF-8 text) followed
//! by bytes that drive `arbitrary` for the short names' values. Text is read as UTF-8 with
//! replacement characters.

#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use baocao::answers::{AnswerValue, Cell, Row};
use baocao::questionnaire::{self, CellKind, QuestionKind, Questionnaire};
use baocao::template::{Context, Engine, answer_value};
use baocao::vn::Date;
use libfuzzer_sys::fuzz_target;

/// The built-in questionnaire and typical answers for every one of its questions.
fn base() -> &'static (Questionnaire, Vec<(String, AnswerValue)>) {
    static BASE: OnceLock<(Questionnaire, Vec<(String, AnswerValue)>)> = OnceLock::new();
    BASE.get_or_init(|| {
        let q = questionnaire::builtin().expect("the built-in questionnaire loads");
        let values = q
            .questions
            .iter()
            .map(|question| (question.id.clone(), sample(&question.kind)))
            .collect();
        (q, values)
    })
}

fn sample(kind: &QuestionKind) -> AnswerValue {
    match kind {
        QuestionKind::Text => AnswerValue::Text("Ba Dinh".into()),
        QuestionKind::Paragraph => AnswerValue::Text("Dòng một.\n- ý a\n- ý b\nDòng hai.".into()),
        QuestionKind::Integer => AnswerValue::Integer(1_250_000),
        QuestionKind::Decimal => AnswerValue::Decimal(99.1),
        QuestionKind::Date => AnswerValue::Date(Date {
            year: 2025,
            month: 1,
            day: 5,
        }),
        QuestionKind::YesNo => AnswerValue::Bool(true),
        QuestionKind::Choice { options, .. } => {
            AnswerValue::Choice(options.first().cloned().unwrap_or_default())
        }
        QuestionKind::Choices { options, .. } => AnswerValue::Choices(options.clone()),
        QuestionKind::List => AnswerValue::List(vec!["mục một".into(), "mục hai".into()]),
        QuestionKind::Table(spec) => AnswerValue::Table(
            (0..3)
                .map(|i| {
                    spec.columns
                        .iter()
                        .map(|c| {
                            let cell = match c.kind {
                                CellKind::Text => Cell::Text(format!("hàng {i}")),
                                CellKind::Integer => Cell::Integer(i),
                                CellKind::Decimal => Cell::Decimal(1.5),
                            };
                            (c.id.clone(), cell)
                        })
                        .collect::<Row>()
                })
                .collect(),
        ),
    }
}

#[derive(Arbitrary, Debug)]
enum ArbCell {
    Text(String),
    Integer(i64),
    Decimal(f64),
}

#[derive(Arbitrary, Debug)]
struct Values {
    text: String,
    integer: i64,
    decimal: f64,
    date: (u16, u8, u8),
    yes: bool,
    choices: Vec<String>,
    list: Vec<String>,
    table: Vec<Vec<(String, ArbCell)>>,
}

fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}

impl Values {
    fn answers(self) -> Vec<(&'static str, AnswerValue)> {
        let (y, m, d) = self.date;
        let date = Date::new(i32::from(y % 10_000), m % 13, d % 32).unwrap_or(Date {
            year: 2025,
            month: 7,
            day: 31,
        });
        let table = self
            .table
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|(k, c)| {
                        let cell = match c {
                            ArbCell::Text(s) => Cell::Text(s),
                            ArbCell::Integer(n) => Cell::Integer(n),
                            ArbCell::Decimal(x) => Cell::Decimal(finite(x)),
                        };
                        (k, cell)
                    })
                    .collect::<Row>()
            })
            .collect();
        vec![
            ("t", AnswerValue::Text(self.text)),
            ("n", AnswerValue::Integer(self.integer)),
            ("x", AnswerValue::Decimal(finite(self.decimal))),
            ("d", AnswerValue::Date(date)),
            ("b", AnswerValue::Bool(self.yes)),
            ("c", AnswerValue::Choice(self.choices.first().cloned().unwrap_or_default())),
            ("cs", AnswerValue::Choices(self.choices)),
            ("l", AnswerValue::List(self.list)),
            ("tb", AnswerValue::Table(table)),
        ]
    }
}

fuzz_target!(|data: &[u8]| {
    let (source, rest) = match data.iter().rposition(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let source = String::from_utf8_lossy(source);
    let Ok(values) = Values::arbitrary_take_rest(Unstructured::new(rest)) else {
        return;
    };
    let (q, base) = base();
    let mut names = BTreeMap::new();
    for (k, v) in &q.vars {
        names.insert(k.clone(), v.clone());
    }
    for (id, value) in base {
        names.insert(id.clone(), answer_value(id, value));
    }
    for (id, value) in values.answers() {
        names.insert(id.to_owned(), answer_value(id, &value));
    }
    names.insert("khong".to_owned(), answer_value("khong", &AnswerValue::Bool(false)));
    let ctx = Context::new(names);

    let mut engine = Engine::new();
    if let Ok(compiled) = engine.add_template(&source) {
        let _ = engine.render(&compiled, &ctx);
    }
    if let Ok(condition) = engine.add_condition(&source) {
        let _ = engine.eval(&condition, &ctx);
    }
});
