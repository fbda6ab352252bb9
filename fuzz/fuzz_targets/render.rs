//! Answers against the built-in questionnaire, two ways:
//!
//! * the input is an answers file (any bytes, read as UTF-8 with replacement), or
//! * the input starts with 0xFF (never the first byte of UTF-8 text) and the rest drives
//!   `arbitrary` to make typed answers of the right kind for random question ids: text with
//!   control characters, block markers, NFD Vietnamese, YAML-special words, huge numbers, …
//!
//! Building and rendering (text and Markdown; full or body-only by input length parity) must
//! never panic, and when the
//! report builds, saving the answers (`to_yaml`) and reading them back (`parse`) must leave
//! what a user sees unchanged: the report, each answer, kept entries, review marks, position.

#![no_main]

use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use baocao::answers::{self, AnswerValue, Answers, Cell, Row};
use baocao::questionnaire::{self, CellKind, QuestionKind, Questionnaire};
use baocao::report::{self, Format};
use baocao::vn::Date;
use libfuzzer_sys::fuzz_target;

fn questionnaire() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| questionnaire::builtin().expect("the built-in questionnaire loads"))
}

/// Pieces that are hard for YAML, for line-based layout or for Unicode handling.
const PIECES: &[&str] = &[
    "",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{e000}",
    "\u{e001}",
    "\u{e000}ten_xa\u{e001}",
    "\u{e000}noi_nhan\u{e001}",
    "- ",
    "-",
    "  - a",
    "# ",
    ": ",
    "'",
    "\"",
    "\\",
    "|",
    ">",
    "&a ",
    "*a",
    "!!str ",
    "!tag ",
    "? ",
    "---",
    "...",
    "~",
    "null",
    "Null",
    "true",
    "no",
    "Có",
    "Không",
    "0x1F",
    "1e400",
    ".nan",
    "-.inf",
    "2025-07-31",
    "31/7/2025",
    "1.250.000",
    "3,14",
    "{{ ten_xa }}",
    "{% if true %}",
    "Nguye\u{302}\u{303}n Va\u{306}n Bi\u{300}nh",
    "Thu\u{31b}\u{309} nghie\u{323}\u{302}m",
    "Nguyễn Văn Bình",
    "Ủy ban nhân dân xã",
    "ĐỀ XUẤT",
    "日本語",
    "👩‍👩‍👧",
    "e\u{301}\u{301}\u{301}\u{301}",
];

fn piece_string(u: &mut Unstructured<'_>) -> Result<String> {
    let mut s = String::new();
    let parts = u.int_in_range(0..=6)?;
    for _ in 0..parts {
        match u.int_in_range(0..=3)? {
            0 => s.push_str(u.arbitrary::<&str>()?),
            1 => {
                let piece = u.choose(PIECES)?;
                let times = if u.ratio(1, 16)? { u.int_in_range(1..=400)? } else { 1 };
                for _ in 0..times {
                    s.push_str(piece);
                }
            }
            _ => s.push_str(u.choose(PIECES)?),
        }
    }
    Ok(s)
}

fn integer(u: &mut Unstructured<'_>) -> Result<i64> {
    Ok(match u.int_in_range(0..=3)? {
        0 => *u.choose(&[
            i64::MIN,
            i64::MIN + 1,
            i64::MAX,
            -1,
            0,
            1,
            999,
            1000,
            9_007_199_254_740_993,
        ])?,
        1 => u.int_in_range(-10_000..=10_000)?,
        _ => u.arbitrary()?,
    })
}

fn decimal(u: &mut Unstructured<'_>) -> Result<f64> {
    let x = match u.int_in_range(0..=3)? {
        0 => *u.choose(&[
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            5e-324,
            -0.0,
            0.1 + 0.2,
            1e15,
            1e16 + 1.0,
            99.95,
            -0.005,
            9.223_372_036_854_776e18,
        ])?,
        1 => f64::from(u.int_in_range(-100_000..=100_000)?) / 100.0,
        _ => u.arbitrary()?,
    };
    // Decimal answers are always finite (see `AnswerValue::Decimal`).
    Ok(if x.is_finite() { x } else { 0.0 })
}

fn date(u: &mut Unstructured<'_>) -> Result<Date> {
    let year = if u.ratio(1, 4)? {
        *u.choose(&[1, 9, 99, 999, 1000, 1900, 2000, 2024, 9999])?
    } else {
        u.int_in_range(1..=9999)?
    };
    let month = u.int_in_range(1..=12)?;
    let day = u.int_in_range(1..=31)?;
    Ok((28..=31)
        .rev()
        .find_map(|max| Date::new(year, month, day.min(max)))
        .unwrap_or(Date {
            year: 2025,
            month: 7,
            day: 31,
        }))
}

fn option_or_other(u: &mut Unstructured<'_>, options: &[String], other: bool) -> Result<String> {
    if options.is_empty() || (other && u.ratio(1, 3)?) {
        piece_string(u)
    } else {
        Ok(u.choose(options)?.clone())
    }
}

fn value_for(u: &mut Unstructured<'_>, kind: &QuestionKind) -> Result<AnswerValue> {
    Ok(match kind {
        QuestionKind::Text | QuestionKind::Paragraph => AnswerValue::Text(piece_string(u)?),
        QuestionKind::Integer => AnswerValue::Integer(integer(u)?),
        QuestionKind::Decimal => AnswerValue::Decimal(decimal(u)?),
        QuestionKind::Date => AnswerValue::Date(date(u)?),
        QuestionKind::YesNo => AnswerValue::Bool(u.arbitrary()?),
        QuestionKind::Choice { options, other } => {
            AnswerValue::Choice(option_or_other(u, options, *other)?)
        }
        QuestionKind::Choices { options, other } => {
            let mut picked = Vec::new();
            let mut outside = false;
            for _ in 0..u.int_in_range(0..=6)? {
                if *other && !outside && u.ratio(1, 3)? {
                    let s = piece_string(u)?;
                    outside = !options.contains(&s);
                    picked.push(s);
                } else if !options.is_empty() {
                    picked.push(u.choose(options)?.clone());
                }
            }
            AnswerValue::Choices(picked)
        }
        QuestionKind::List => {
            let mut items = Vec::new();
            for _ in 0..u.int_in_range(0..=8)? {
                items.push(piece_string(u)?);
            }
            AnswerValue::List(items)
        }
        QuestionKind::Table(spec) => {
            let mut rows = Vec::new();
            for _ in 0..u.int_in_range(0..=6)? {
                let mut row = Row::new();
                for column in &spec.columns {
                    if u.ratio(1, 5)? {
                        continue;
                    }
                    let cell = match column.kind {
                        CellKind::Text => Cell::Text(piece_string(u)?),
                        CellKind::Integer => Cell::Integer(integer(u)?),
                        CellKind::Decimal => Cell::Decimal(decimal(u)?),
                    };
                    row.insert(column.id.clone(), cell);
                }
                rows.push(row);
            }
            AnswerValue::Table(rows)
        }
    })
}

fn structured(u: &mut Unstructured<'_>, q: &Questionnaire) -> Result<Answers> {
    let mut answers = Answers::new();
    if u.ratio(1, 8)? {
        answers.position = Some(piece_string(u)?);
    }
    while !u.is_empty() {
        let i = u.choose_index(q.questions.len())?;
        let question = &q.questions[i];
        let value = value_for(u, &question.kind)?;
        answers.set(question.id.clone(), value);
    }
    Ok(answers)
}

/// What a user sees of a set of answers: the report they make, every question's answer, the
/// entries kept because they could not be used, the carried-over marks and the question the
/// wizard reopens on. (Not the line numbers an answers file was read from: those are
/// bookkeeping for messages, and a save writes them anew.)
fn seen(q: &Questionnaire, answers: &Answers, full: bool) -> String {
    let mut out = String::new();
    if let Ok(doc) = report::build(q, answers) {
        out.push_str(&report::render(&doc, Format::Text, full));
    }
    for question in &q.questions {
        let id = question.id.as_str();
        out.push_str(&format!("{id}: {:?} {:?}\n", answers.get(id), answers.kept_of(id)));
    }
    let mut kept: Vec<String> = answers.kept().map(|(id, k)| format!("{id} {k:?}")).collect();
    kept.sort();
    out.push_str(&format!("kept {kept:?}\nunreviewed {:?}\n", answers.unreviewed));
    out.push_str(&format!("position {:?}\n", answers.position));
    out
}

fn check(q: &Questionnaire, answers: &Answers, full: bool) {
    let _ = report::problems(q, answers);
    let Ok(doc) = report::build(q, answers) else {
        return;
    };
    // Body-only output is a part of the full output; the input decides which one is made, so
    // each execution stays cheap.
    for format in [Format::Text, Format::Markdown] {
        let _ = report::render(&doc, format, full);
    }
    let yaml = answers::to_yaml(answers, q);
    let back = match answers::parse("roundtrip.answers.yaml", &yaml, q) {
        Ok(back) => back,
        Err(err) => panic!("saved answers do not parse back: {err}\n--- saved ---\n{yaml}"),
    };
    assert_eq!(
        back.questionnaire_id.as_deref(),
        Some(q.id.as_str()),
        "the saved file names its questionnaire"
    );
    let (before, after) = (seen(q, answers, full), seen(q, &back, full));
    assert!(
        before == after,
        "what the user sees changed on a save/read round trip\n--- saved ---\n{yaml}\n\
         --- before ---\n{before}\n--- after ---\n{after}"
    );
}

fuzz_target!(|data: &[u8]| {
    let q = questionnaire();
    let full = data.len() % 2 == 0;
    if let Some(rest) = data.strip_prefix(&[0xFF]) {
        let mut u = Unstructured::new(rest);
        if let Ok(answers) = structured(&mut u, q) {
            check(q, &answers, full);
        }
    } else {
        let text = String::from_utf8_lossy(data);
        if let Ok(answers) = answers::parse("fuzz.answers.yaml", &text, q) {
            check(q, &answers, full);
        }
    }
});
