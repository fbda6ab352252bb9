//! Arbitrary template text rendered through the report template engine, with a context that
//! holds every name of the built-in questionnaire (vars, and a typical answer for each of its
//! questions) plus short names `t p n x d b c cs l tb` whose answers are arbitrary. Compiling,
//! rendering and evaluating the text as a condition must never panic and must stop (the
//! engine's fuel limit).
//!
//! Input layout: template text, then optionally a 0xFF byte (never part of UTF-8 text) followed
//! by bytes that drive `arbitrary` for the short names' answers. The text is read as UTF-8 with
//! replacement characters, so a plain template file is a valid input.

#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use baocao::answers::{AnswerValue, Cell, Row};
use baocao::questionnaire::{self, CellKind, Question, QuestionKind, Questionnaire};
use baocao::template::{Context, Engine, answer_value};
use baocao::vn::Date;
use libfuzzer_sys::fuzz_target;
use minijinja::Value;

/// Declares the short names with one question of each kind.
const SHORT: &str = r#"
format: 1
id: fuzz-template
version: 1
title: Fuzz
document: { summary: Fuzz }
questions:
  - { id: t, ask: t, kind: text }
  - { id: p, ask: p, kind: paragraph }
  - { id: n, ask: n, kind: integer }
  - { id: x, ask: x, kind: decimal }
  - { id: d, ask: d, kind: date }
  - { id: b, ask: b, kind: yes_no }
  - { id: c, ask: c, kind: choice, options: [Hợp tác xã, Doanh nghiệp], other: true }
  - { id: cs, ask: cs, kind: choices, options: [ISO 9001, 5S, Kaizen], other: true }
  - { id: l, ask: l, kind: list }
  - id: tb
    ask: tb
    kind: table
    columns:
      - { id: ten, title: Tên, kind: text }
      - { id: so, title: Số, kind: integer }
      - { id: ty_le, title: Tỷ lệ, kind: decimal }
      - { id: tong, title: Tổng, kind: decimal, sum: true }
    rows: [Hàng một, Hàng hai]
    total_row: Tổng cộng
sections:
  - { heading: A, questions: [] , text: "{{ t }}" }
"#;

struct Base {
    builtin: Questionnaire,
    short: Questionnaire,
    /// A typical answer for each built-in question, by index.
    samples: Vec<AnswerValue>,
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let builtin = questionnaire::builtin().expect("the built-in questionnaire loads");
        let short = questionnaire::load_bytes("fuzz-template.yaml", SHORT.as_bytes())
            .unwrap_or_else(|e| panic!("the short-names questionnaire loads: {e:?}"));
        let samples = builtin.questions.iter().map(|q| sample(&q.kind)).collect();
        Base {
            builtin,
            short,
            samples,
        }
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
                        .filter(|c| !c.sum)
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
struct ArbRow {
    ten: Option<String>,
    so: Option<i64>,
    ty_le: Option<f64>,
}

/// Arbitrary answers for the short names (`None`: not answered).
#[derive(Arbitrary, Debug)]
struct Values {
    text: Option<String>,
    paragraph: Option<String>,
    integer: Option<i64>,
    decimal: Option<f64>,
    date: Option<(u16, u8, u8)>,
    yes: Option<bool>,
    choice: Option<String>,
    choices: Option<Vec<String>>,
    list: Option<Vec<String>>,
    table: Option<Vec<ArbRow>>,
}

fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}

impl Values {
    /// Answers in the order of the short questionnaire's questions.
    fn answers(self) -> [Option<AnswerValue>; 10] {
        let date = self.date.map(|(y, m, d)| {
            Date::new(i32::from(y % 10_000), m % 13, d % 32).unwrap_or(Date {
                year: 2025,
                month: 7,
                day: 31,
            })
        });
        let table = self.table.map(|rows| {
            rows.into_iter()
                .map(|r| {
                    let mut row = Row::new();
                    if let Some(s) = r.ten {
                        row.insert("ten".into(), Cell::Text(s));
                    }
                    if let Some(n) = r.so {
                        row.insert("so".into(), Cell::Integer(n));
                    }
                    if let Some(x) = r.ty_le {
                        row.insert("ty_le".into(), Cell::Decimal(finite(x)));
                    }
                    row
                })
                .collect()
        });
        [
            self.text.map(AnswerValue::Text),
            self.paragraph.map(AnswerValue::Text),
            self.integer.map(AnswerValue::Integer),
            self.decimal.map(|x| AnswerValue::Decimal(finite(x))),
            date.map(AnswerValue::Date),
            self.yes.map(AnswerValue::Bool),
            self.choice.map(AnswerValue::Choice),
            self.choices.map(AnswerValue::Choices),
            self.list.map(AnswerValue::List),
            table.map(AnswerValue::Table),
        ]
    }
}

fn insert(names: &mut BTreeMap<String, Value>, q: &Question, v: Option<&AnswerValue>) {
    let value = v.map_or(Value::from(()), |v| answer_value(q, v));
    names.insert(q.id.clone(), value);
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
    let base = base();
    let mut names: BTreeMap<String, Value> = base
        .builtin
        .vars
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (question, sample) in base.builtin.questions.iter().zip(&base.samples) {
        insert(&mut names, question, Some(sample));
    }
    for (question, value) in base.short.questions.iter().zip(values.answers()) {
        insert(&mut names, question, value.as_ref());
    }
    let ctx = Context::new(names);

    let mut engine = Engine::new();
    if let Ok(compiled) = engine.add_template(&source) {
        let _ = engine.render(&compiled, &ctx);
    }
    if let Ok(condition) = engine.add_condition(&source) {
        let _ = engine.eval(&condition, &ctx);
    }
});
