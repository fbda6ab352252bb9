//! The answers file: a YAML document a person can read and edit.
//!
//! Owns: the on-disk format (`questionnaire: {id, version, hash}`, `position`, `answers:` in
//! questionnaire order, multi-line text as block scalars, dates as `yyyy-mm-dd`), typing each
//! value by its question's kind when reading, keeping what does not fit, and the atomic save
//! (temporary file, fsync, rename — `atomic-write-file`). The YAML is read by `raw.rs` (once,
//! on the parser's event stream) and written by `serde_yaml`.
//!
//! Must not: decide when to save, or know about terminals.

use std::path::Path;

use serde_yaml::{Mapping, Value};

use super::raw::RawError;
use super::store::{Answers, Kept, KeptReason};
use super::value::{AnswerValue, Cell, Row};
use crate::messages;
use crate::questionnaire::{CellKind, QuestionKind, Questionnaire, TableSpec};
use crate::vn::{self, Date};

/// An answers file that cannot be used at all. The message is ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswersError {
    pub message: String,
    /// The file is there and readable but is not an answers file (bad YAML, wrong shape, not
    /// UTF-8): the wizard moves it aside and starts afresh instead of stopping.
    pub corrupt: bool,
}

impl std::fmt::Display for AnswersError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AnswersError {}

/// Largest answers file read, in bytes. A year of answers is a few hundred kilobytes.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// Reads an answers file for `q`. A missing file is an error; callers that want "start empty"
/// check for existence first.
pub fn load(path: &Path, q: &Questionnaire) -> Result<Answers, AnswersError> {
    let file = crate::files::shown(path);
    let bytes = crate::files::read_limited(path, MAX_BYTES).map_err(|e| AnswersError {
        corrupt: false,
        message: messages::answers_unreadable(&file, &messages::io_detail(&e)),
    })?;
    if bytes.len() > MAX_BYTES {
        return Err(AnswersError {
            corrupt: false,
            message: messages::answers_too_large(&file, MAX_BYTES / (1024 * 1024)),
        });
    }
    let text = String::from_utf8(bytes).map_err(|_| AnswersError {
        corrupt: true,
        message: messages::answers_not_utf8(&file),
    })?;
    parse(&file, &text, q)
}

/// Most elements (keys, values, list items) an answers file may hold: a year of answers is a
/// few thousand; a table of 100 000 rows of ten cells still fits.
pub const MAX_ELEMENTS: usize = 2_000_000;

/// Parses answers-file text for `q`; `file` names it in messages.
pub fn parse(file: &str, text: &str, q: &Questionnaire) -> Result<Answers, AnswersError> {
    let mut answers = Answers::new();
    let Some(mut root) = document(file, text)? else {
        return Ok(answers);
    };
    if let Some(Value::Mapping(meta)) = root.get("questionnaire") {
        answers.questionnaire_id = meta.get("id").and_then(scalar_string);
        answers.questionnaire_version = meta.get("version").and_then(scalar_string);
        answers.questionnaire_hash = meta.get("hash").and_then(scalar_string);
    }
    answers.position = root.get("position").and_then(scalar_string);
    if let Some(Value::Sequence(ids)) = root.get("unreviewed") {
        answers.unreviewed = ids.iter().filter_map(scalar_string).collect();
    }
    // Taken out of the document, not copied (a year of answers can be megabytes).
    let entries = match root.remove("answers") {
        Some(Value::Mapping(m)) => m,
        None | Some(Value::Null) => Mapping::new(),
        Some(_) => {
            return Err(AnswersError {
                corrupt: true,
                message: messages::answers_shape(file, messages::ANSWERS_NO_ANSWERS),
            });
        }
    };
    let ids: Vec<&str> = q.questions.iter().map(|q| q.id.as_str()).collect();
    let lines = answer_lines(text);
    // Answers saved under their current id win over answers saved under an old id (`renames`);
    // an old-id answer that loses is kept aside, not dropped.
    let direct: std::collections::HashSet<String> = entries
        .iter()
        .filter(|(_, v)| !v.is_null())
        .filter_map(|(k, _)| scalar_string(k))
        .filter(|k| q.question(k).is_some())
        .collect();
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
        if let Some(line) = lines.get(saved_id.as_str()) {
            answers.set_line(id.clone(), *line);
            answers.set_line(saved_id.clone(), *line);
        }
        let superseded = id != saved_id && (direct.contains(&id) || answers.get(&id).is_some());
        if superseded && q.question(&id).is_some() {
            answers.keep(
                saved_id,
                Kept {
                    raw,
                    reason: KeptReason::Superseded { by: id },
                },
            );
        } else {
            // Suggestions compare with every id: only the first orphans get one.
            let suggest = answers.kept().count() < 100;
            place(&mut answers, q, &ids, &saved_id, &id, raw, suggest);
        }
    }
    Ok(answers)
}

/// The answers file's top-level mapping, its keys checked; `None` for an empty file.
fn document(file: &str, text: &str) -> Result<Option<Mapping>, AnswersError> {
    // Read once, on the event stream, held to the limits every YAML file is held to as it
    // goes: a hostile text (`[` × 100 000) is stopped at the event that goes beyond one.
    let doc = super::raw::read(text, MAX_ELEMENTS).map_err(|err| AnswersError {
        corrupt: true,
        message: match err {
            RawError::Limit(d) => super::explain::answers_beyond_limits(
                file,
                d.pos.line,
                d.pos.col,
                &d.kind,
                MAX_ELEMENTS,
            ),
            RawError::Syntax { line, col, detail } => {
                messages::answers_syntax(file, line, col, &detail)
            }
        },
    })?;
    let root = match doc {
        Value::Mapping(m) => m,
        Value::Null => return Ok(None),
        _ => {
            return Err(AnswersError {
                corrupt: true,
                message: messages::answers_shape(file, messages::ANSWERS_NOT_MAP),
            });
        }
    };
    // An unknown top-level key (`answer:` for `answers:`) would make every answer vanish and
    // the next save drop them: refuse the file instead.
    for key in root.keys() {
        let name = scalar_string(key).unwrap_or_default();
        if !TOP_KEYS.contains(&name.as_str()) {
            let suggestion = crate::questionnaire::closest(&name, TOP_KEYS);
            return Err(AnswersError {
                corrupt: true,
                message: messages::answers_unknown_key(file, &name, suggestion),
            });
        }
    }
    Ok(Some(root))
}

/// Puts one raw answer where it belongs: typed under question `id` when it fits, kept aside
/// under `saved_id` when it does not fit or no question has that id (an orphan, with the
/// closest question id when `suggest`).
fn place(
    answers: &mut Answers,
    q: &Questionnaire,
    ids: &[&str],
    saved_id: &str,
    id: &str,
    raw: Value,
    suggest: bool,
) {
    if let Some(question) = q.question(id) {
        match typed(&question.kind, &raw) {
            Ok(value) => answers.set(id, value),
            Err(reason) => answers.keep(
                saved_id,
                Kept {
                    raw,
                    reason: KeptReason::Invalid { reason },
                },
            ),
        }
    } else {
        let suggestion = suggest
            .then(|| crate::questionnaire::closest(&saved_id.to_lowercase(), ids.iter().copied()))
            .flatten()
            .map(str::to_owned);
        answers.keep(
            saved_id,
            Kept {
                raw,
                reason: KeptReason::Orphan { suggestion },
            },
        );
    }
}

/// A YAML value read from `text` (a journal record), held to the same limits as an answers
/// file first; `None` when it cannot be read or goes beyond them.
pub fn yaml_value(text: &str) -> Option<Value> {
    super::raw::read(text, MAX_ELEMENTS).ok()
}

/// Applies one raw answer for question `id` (as the journal recorded it) the way the answers
/// file would be read: typed when it fits, kept aside when it does not.
pub fn apply_raw(answers: &mut Answers, q: &Questionnaire, id: &str, raw: Value) {
    answers.remove(id);
    place(answers, q, &[], id, id, raw, false);
}

/// An answer as the answers file writes it (the raw form [`apply_raw`] reads back).
pub fn raw_of(value: &AnswerValue) -> Value {
    to_value(value)
}

/// The line of each answer under `answers:`, found by reading the text once: a key at the
/// first indentation below `answers:`. Only for messages, so a line it cannot place is simply
/// not shown.
fn answer_lines(text: &str) -> std::collections::HashMap<&str, usize> {
    let mut out = std::collections::HashMap::new();
    let mut inside = false;
    let mut indent = None;
    for (index, line) in text.lines().enumerate() {
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let depth = line.len() - body.len();
        if depth == 0 {
            inside = body.starts_with("answers:");
            continue;
        }
        if !inside {
            continue;
        }
        let level = *indent.get_or_insert(depth);
        if depth == level
            && let Some((key, _)) = body.split_once(':')
        {
            out.entry(key.trim().trim_matches(['"', '\'']))
                .or_insert(index + 1);
        }
    }
    out
}

/// The keys an answers file may have at its top level.
const TOP_KEYS: [&str; 4] = ["questionnaire", "position", "unreviewed", "answers"];

fn scalar_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A scalar as text, numbers included (for keys and choices, where "2021" must match).
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Text an official wrote. A bare YAML number is refused rather than read: `05`, `1.50` and
/// `1e3` would come back as "5", "1.5" and "1000.0", and be saved that way.
fn written_text(v: &Value) -> Result<String, String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(_) => Err(messages::ANSWER_NUMBER_AS_TEXT.to_owned()),
        _ => Err(messages::answer_expectation("text").to_owned()),
    }
}

/// A list item as text. A YAML slip — an item like `- Lưu: VT` read as a one-pair mapping —
/// is read back as the text the official typed.
fn item_text(v: &Value) -> Option<String> {
    match v {
        Value::Mapping(m) if m.len() == 1 => {
            let (k, v) = m.iter().next()?;
            Some(format!("{}: {}", text_of(k)?, written_text(v).ok()?))
        }
        other => written_text(other).ok(),
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

/// The items of a list answer; empty items (a stray `-`) are skipped.
/// `read` turns one item into text: [`item_text`] for lists, [`text_of`] for choices (where a
/// bare `2021` must still match the option "2021").
fn items_of(v: &Value, read: fn(&Value) -> Option<String>) -> Result<Vec<String>, String> {
    let Value::Sequence(items) = v else {
        return Err(messages::ANSWER_NOT_LIST.to_owned());
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if item.is_null() {
            continue;
        }
        out.push(read(item).ok_or_else(|| messages::answer_item_not_text(i + 1))?);
    }
    Ok(out)
}

fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.trim().nfc().collect()
}

/// The option an answer names, compared after trimming and NFC (so text typed with a
/// decomposing input method still matches).
fn option_for(options: &[String], answer: &str) -> Option<String> {
    let wanted = nfc(answer);
    options.iter().find(|o| nfc(o) == wanted).cloned()
}

/// Reads a raw value as an answer to a question of `kind`; the reason when it does not fit.
fn typed(kind: &QuestionKind, raw: &Value) -> Result<AnswerValue, String> {
    let expected = || messages::answer_expectation(kind.name()).to_owned();
    Ok(match kind {
        QuestionKind::Text | QuestionKind::Paragraph => AnswerValue::Text(written_text(raw)?),
        QuestionKind::Integer => AnswerValue::Integer(integer_of(raw).ok_or_else(expected)?),
        QuestionKind::Decimal => AnswerValue::Decimal(decimal_of(raw).ok_or_else(expected)?),
        QuestionKind::Date => {
            let Value::String(s) = raw else {
                return Err(expected());
            };
            AnswerValue::Date(
                Date::parse_iso(s)
                    .or_else(|| Date::parse_user(s))
                    .ok_or_else(|| match looks_like_date(s) {
                        Some(true) => messages::answer_no_such_date(s),
                        Some(false) => messages::answer_short_year(s),
                        None => expected(),
                    })?,
            )
        }
        QuestionKind::YesNo => AnswerValue::Bool(match raw {
            Value::Bool(b) => *b,
            Value::String(s) if nfc(s).to_lowercase() == "có" => true,
            Value::String(s) if nfc(s).to_lowercase() == "không" => false,
            _ => return Err(expected()),
        }),
        QuestionKind::Choice { options, other } => {
            let s = text_of(raw).ok_or_else(expected)?;
            match option_for(options, &s) {
                Some(option) => AnswerValue::Choice(option),
                None if *other => AnswerValue::Choice(s),
                None => return Err(messages::answer_not_an_option(&s, options)),
            }
        }
        QuestionKind::Choices { options, other } => {
            let mut picked = Vec::new();
            let mut outside = Vec::new();
            for item in items_of(raw, text_of)? {
                if let Some(option) = option_for(options, &item) {
                    picked.push(option);
                } else {
                    outside.push(item.clone());
                    picked.push(item);
                }
            }
            if outside.len() > usize::from(*other) {
                return Err(messages::answer_not_options(&outside, options, *other));
            }
            AnswerValue::Choices(picked)
        }
        QuestionKind::List => AnswerValue::List(items_of(raw, item_text)?),
        QuestionKind::Table(spec) => table(spec, raw).map_err(|e| e.unwrap_or_else(expected))?,
    })
}

/// Rows of a table answer; the reason when they do not fit (`None`: not a list of rows).
fn table(spec: &TableSpec, raw: &Value) -> Result<AnswerValue, Option<String>> {
    let Value::Sequence(rows) = raw else {
        return Err(None);
    };
    let mut out = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let cells = match row {
            Value::Mapping(cells) => cells,
            Value::Null => continue,
            _ => return Err(Some(messages::answer_row_not_map(r + 1))),
        };
        let mut typed_row = Row::new();
        for (k, v) in cells {
            let name = text_of(k).unwrap_or_default();
            let Some(column) = spec.columns.iter().find(|c| c.id == name) else {
                let known: Vec<&str> = spec.columns.iter().map(|c| c.id.as_str()).collect();
                return Err(Some(messages::answer_unknown_column(r + 1, &name, &known)));
            };
            if v.is_null() {
                continue;
            }
            let cell = match column.kind {
                CellKind::Text => written_text(v).ok().map(Cell::Text),
                CellKind::Integer => integer_of(v).map(Cell::Integer),
                CellKind::Decimal => decimal_of(v).map(Cell::Decimal),
            };
            let cell = cell.ok_or_else(|| {
                Some(messages::answer_bad_cell(
                    r + 1,
                    &name,
                    column.kind == CellKind::Text,
                ))
            })?;
            typed_row.insert(column.id.clone(), cell);
        }
        out.push(typed_row);
    }
    Ok(AnswerValue::Table(out))
}

/// "31/02/2025", "2025-02-31": written like a date even if no such day exists — with
/// `Some(true)` when its year has four digits, `Some(false)` when not ("31/7/25").
fn looks_like_date(s: &str) -> Option<bool> {
    let parts: Vec<&str> = s.trim().split(['/', '-', '.']).collect();
    let numeric = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    numeric.then(|| parts.iter().any(|p| p.len() == 4 && !p.starts_with('0')))
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
    try_to_yaml(answers, q).unwrap_or_default()
}

/// [`to_yaml`], with the serialiser's failure (never seen, but an empty file would lose every
/// answer) reported instead of hidden.
fn try_to_yaml(answers: &Answers, q: &Questionnaire) -> Result<String, serde_yaml::Error> {
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
    if !answers.unreviewed.is_empty() {
        let ids = answers
            .unreviewed
            .iter()
            .cloned()
            .map(Value::String)
            .collect();
        root.insert("unreviewed".into(), Value::Sequence(ids));
    }
    root.insert("answers".into(), Value::Mapping(body));
    let yaml = serde_yaml::to_string(&Value::Mapping(root))?;
    Ok(format!("{}{yaml}", messages::ANSWERS_HEADER))
}

/// Saves atomically: the file is either the old one or the new one, never a mix.
pub fn save(path: &Path, answers: &Answers, q: &Questionnaire) -> std::io::Result<()> {
    let text = try_to_yaml(answers, q).map_err(std::io::Error::other)?;
    crate::files::write_atomic(path, text.as_bytes())
}
