//! The answers file: a YAML document a person can read and edit.
//!
//! Owns: the on-disk format (`questionnaire: {id, version, hash}`, `position`, `answers:` in
//! questionnaire order, multi-line text as block scalars, dates as `yyyy-mm-dd`), typing each
//! value by its question's kind when reading, keeping what does not fit, and the atomic save
//! (temporary file, fsync, rename — `atomic-write-file`).
//!
//! Must not: decide when to save, or know about terminals.

use std::io::Write;
use std::path::Path;

use serde_yaml::{Mapping, Value};

use super::store::{Answers, Kept, KeptReason};
use super::value::{AnswerValue, Cell, Row};
use crate::messages;
use crate::questionnaire::{CellKind, QuestionKind, Questionnaire};
use crate::vn::{self, Date};

/// An answers file that cannot be used at all. The message is ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswersError {
    pub message: String,
}

impl std::fmt::Display for AnswersError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AnswersError {}

/// Reads an answers file for `q`. A missing file is an error; callers that want "start empty"
/// check for existence first.
pub fn load(path: &Path, q: &Questionnaire) -> Result<Answers, AnswersError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| AnswersError {
        message: messages::answers_unreadable(&file, &messages::io_detail(&e)),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| AnswersError {
        message: messages::answers_unreadable(&file, "tệp không phải văn bản UTF-8"),
    })?;
    parse(&file, &text, q)
}

/// Parses answers-file text for `q`; `file` names it in messages.
pub fn parse(file: &str, text: &str, q: &Questionnaire) -> Result<Answers, AnswersError> {
    let doc: Value = serde_yaml::from_str(text).map_err(|e| {
        let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        AnswersError {
            message: messages::answers_syntax(file, line, col, &e.to_string()),
        }
    })?;
    let mut answers = Answers::new();
    let root = match doc {
        Value::Mapping(m) => m,
        Value::Null => return Ok(answers),
        _ => {
            return Err(AnswersError {
                message: messages::answers_shape(file, messages::ANSWERS_NOT_MAP),
            });
        }
    };
    if let Some(Value::Mapping(meta)) = root.get("questionnaire") {
        answers.questionnaire_id = meta.get("id").and_then(scalar_string);
        answers.questionnaire_version = meta.get("version").and_then(scalar_string);
        answers.questionnaire_hash = meta.get("hash").and_then(scalar_string);
    }
    answers.position = root.get("position").and_then(scalar_string);
    let entries = match root.get("answers") {
        Some(Value::Mapping(m)) => m.clone(),
        None | Some(Value::Null) => Mapping::new(),
        Some(_) => {
            return Err(AnswersError {
                message: messages::answers_shape(file, messages::ANSWERS_NO_ANSWERS),
            });
        }
    };
    for (key, raw) in entries {
        let Some(saved_id) = scalar_string(&key) else {
            continue;
        };
        if raw.is_null() {
            continue;
        }
        let id = q
            .renames
            .get(&saved_id)
            .cloned()
            .unwrap_or(saved_id.clone());
        match q.question(&id) {
            None => answers.keep(
                saved_id,
                Kept {
                    raw,
                    reason: KeptReason::Orphan,
                },
            ),
            Some(question) => {
                if let Some(value) = typed(&question.kind, &raw) {
                    answers.set(id, value);
                } else {
                    let expected = messages::answer_expectation(question.kind.name());
                    answers.keep(
                        saved_id,
                        Kept {
                            raw,
                            reason: KeptReason::Invalid { expected },
                        },
                    );
                }
            }
        }
    }
    Ok(answers)
}

fn scalar_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn integer_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => vn::parse_integer(s),
        _ => None,
    }
}

fn decimal_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => vn::parse_decimal(s).or_else(|| s.trim().parse().ok()),
        _ => None,
    }
    .filter(|x: &f64| x.is_finite())
}

fn strings_of(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Sequence(items) => items.iter().map(text_of).collect(),
        _ => None,
    }
}

/// Reads a raw value as an answer to a question of `kind`; `None` when it does not fit.
fn typed(kind: &QuestionKind, raw: &Value) -> Option<AnswerValue> {
    Some(match kind {
        QuestionKind::Text | QuestionKind::Paragraph => AnswerValue::Text(text_of(raw)?),
        QuestionKind::Integer => AnswerValue::Integer(integer_of(raw)?),
        QuestionKind::Decimal => AnswerValue::Decimal(decimal_of(raw)?),
        QuestionKind::Date => AnswerValue::Date(match raw {
            Value::String(s) => Date::parse_iso(s).or_else(|| Date::parse_user(s))?,
            _ => return None,
        }),
        QuestionKind::YesNo => AnswerValue::Bool(match raw {
            Value::Bool(b) => *b,
            Value::String(s) if s.trim().eq_ignore_ascii_case("có") || s.trim() == "Có" => true,
            Value::String(s) if s.trim().eq_ignore_ascii_case("không") || s.trim() == "Không" => {
                false
            }
            _ => return None,
        }),
        QuestionKind::Choice { options, other } => {
            let s = text_of(raw)?;
            if !*other && !options.contains(&s) {
                return None;
            }
            AnswerValue::Choice(s)
        }
        QuestionKind::Choices { options, other } => {
            let picked = strings_of(raw)?;
            let outside = picked.iter().filter(|s| !options.contains(s)).count();
            if outside > usize::from(*other) {
                return None;
            }
            AnswerValue::Choices(picked)
        }
        QuestionKind::List => AnswerValue::List(strings_of(raw)?),
        QuestionKind::Table(spec) => {
            let Value::Sequence(rows) = raw else {
                return None;
            };
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                let Value::Mapping(cells) = row else {
                    return None;
                };
                let mut typed_row = Row::new();
                for (k, v) in cells {
                    let column = spec
                        .columns
                        .iter()
                        .find(|c| Some(c.id.as_str()) == k.as_str())?;
                    if v.is_null() {
                        continue;
                    }
                    let cell = match column.kind {
                        CellKind::Text => Cell::Text(text_of(v)?),
                        CellKind::Integer => Cell::Integer(integer_of(v)?),
                        CellKind::Decimal => Cell::Decimal(decimal_of(v)?),
                    };
                    typed_row.insert(column.id.clone(), cell);
                }
                out.push(typed_row);
            }
            AnswerValue::Table(out)
        }
    })
}

fn to_value(value: &AnswerValue) -> Value {
    match value {
        AnswerValue::Text(s) | AnswerValue::Choice(s) => Value::String(s.clone()),
        AnswerValue::Integer(n) => Value::Number((*n).into()),
        AnswerValue::Decimal(x) => Value::Number((*x).into()),
        AnswerValue::Date(d) => Value::String(d.iso()),
        AnswerValue::Bool(b) => Value::Bool(*b),
        AnswerValue::Choices(items) | AnswerValue::List(items) => {
            Value::Sequence(items.iter().map(|s| Value::String(s.clone())).collect())
        }
        AnswerValue::Table(rows) => Value::Sequence(
            rows.iter()
                .map(|row| {
                    let mut m = Mapping::new();
                    for (k, cell) in row {
                        let v = match cell {
                            Cell::Text(s) => Value::String(s.clone()),
                            Cell::Integer(n) => Value::Number((*n).into()),
                            Cell::Decimal(x) => Value::Number((*x).into()),
                        };
                        m.insert(Value::String(k.clone()), v);
                    }
                    Value::Mapping(m)
                })
                .collect(),
        ),
    }
}

/// The answers file's text: answers in questionnaire order, then any others, then kept entries.
pub fn to_yaml(answers: &Answers, q: &Questionnaire) -> String {
    let mut meta = Mapping::new();
    meta.insert("id".into(), Value::String(q.id.clone()));
    meta.insert("version".into(), Value::String(q.version.clone()));
    meta.insert("hash".into(), Value::String(q.hash.clone()));
    let mut body = Mapping::new();
    for question in &q.questions {
        if let Some(v) = answers.get(&question.id) {
            body.insert(Value::String(question.id.clone()), to_value(v));
        }
    }
    for (id, v) in answers.iter() {
        if q.question(id).is_none() {
            body.insert(Value::String(id.to_owned()), to_value(v));
        }
    }
    for (id, kept) in answers.kept() {
        if !body.contains_key(id) {
            body.insert(Value::String(id.to_owned()), kept.raw.clone());
        }
    }
    let mut root = Mapping::new();
    root.insert("questionnaire".into(), Value::Mapping(meta));
    if let Some(position) = &answers.position {
        root.insert("position".into(), Value::String(position.clone()));
    }
    root.insert("answers".into(), Value::Mapping(body));
    let yaml = serde_yaml::to_string(&Value::Mapping(root)).unwrap_or_default();
    format!("{}{yaml}", messages::ANSWERS_HEADER)
}

/// Saves atomically: the file is either the old one or the new one, never a mix.
pub fn save(path: &Path, answers: &Answers, q: &Questionnaire) -> std::io::Result<()> {
    let text = to_yaml(answers, q);
    let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
    file.write_all(text.as_bytes())?;
    file.commit()
}
