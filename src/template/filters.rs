//! The engine's filters and its formatter (the engine adds them in `Engine::new`): the Vietnamese filters (`ngay_dai`, `ngay_ngan`,
//! `so`, `phan_tram`, `noi`), Jinja's string filters redone to print an unanswered question as
//! nothing and to charge their output to the render's fuel, `sum`, and how a value prints
//! (yes/no as "Có"/"Không", decimals the Vietnamese way).
//!
//! Must not: know about questionnaires, answers or reports; hold sentences (they are
//! `messages`').

use minijinja::value::{Kwargs, Rest};
use minijinja::{Error, ErrorKind, State, Value};

use super::DateValue;
use crate::messages;
use crate::vn::{self, Date};

pub(super) fn format_value(
    out: &mut minijinja::Output,
    state: &mut State,
    value: &Value,
) -> Result<(), Error> {
    if value.is_none() {
        return Ok(());
    }
    // A yes/no answer printed as such reads "Có"/"Không", not Python's True/False.
    if let Some(b) = as_bool(value) {
        return out
            .write_str(if b { messages::YES } else { messages::NO })
            .map_err(Error::from);
    }
    // Decimals print the Vietnamese way ("25,5", and "100" rather than "100.0").
    if value.is_number()
        && !value.is_integer()
        && let Ok(x) = f64::try_from(value.clone())
    {
        return out
            .write_str(&vn::format_decimal(x, None))
            .map_err(Error::from);
    }
    minijinja::escape_formatter(out, state, value)
}

/// A value as text for the string filters: nothing for an unanswered question.
pub(super) fn text_of(value: &Value) -> String {
    if value.is_none() || value.is_undefined() {
        String::new()
    } else {
        value.to_string()
    }
}

pub(super) fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "MiniJinja hands filter arguments over by value"
)]
pub(super) fn trim(value: &Value, chars: Option<String>) -> String {
    let text = text_of(value);
    match chars {
        Some(chars) => {
            // A set, so that each character is looked up once: linear in both strings.
            let set: std::collections::HashSet<char> = chars.chars().collect();
            text.trim_matches(|c| set.contains(&c)).to_owned()
        }
        None => text.trim().to_owned(),
    }
}

/// The length in bytes of `text` with every character mapped by `case`.
pub(super) fn cased_len<I: Iterator<Item = char>>(text: &str, case: impl Fn(char) -> I) -> usize {
    text.chars()
        .map(|c| case(c).map(char::len_utf8).sum::<usize>())
        .sum()
}

pub(super) fn upper(state: &State, value: &Value) -> Result<String, Error> {
    let text = text_of(value);
    state.ensure_bytes(cased_len(&text, char::to_uppercase))?;
    Ok(text.to_uppercase())
}

pub(super) fn lower(state: &State, value: &Value) -> Result<String, Error> {
    let text = text_of(value);
    state.ensure_bytes(cased_len(&text, char::to_lowercase))?;
    Ok(text.to_lowercase())
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "MiniJinja hands filter arguments over by value"
)]
pub(super) fn replace(
    state: &State,
    value: &Value,
    from: String,
    to: String,
    count: Option<usize>,
) -> Result<String, Error> {
    let text = text_of(value);
    // The size of the result, counted before it is built (a linear search).
    if to.len() > from.len() {
        let found = text
            .matches(from.as_str())
            .take(count.unwrap_or(usize::MAX))
            .count();
        state.ensure_bytes(
            text.len()
                .saturating_add(found.saturating_mul(to.len() - from.len())),
        )?;
    }
    Ok(match count {
        Some(n) => text.replacen(&from, &to, n),
        None => text.replace(&from, &to),
    })
}

/// Jinja's `sum`, except that empty cells and unanswered values count as nothing (a table
/// row whose number was left blank must not stop the report).
#[allow(
    clippy::needless_pass_by_value,
    reason = "MiniJinja hands filter arguments over by value"
)]
pub(super) fn sum(
    state: &State,
    values: &Value,
    attribute: Option<String>,
    kwargs: Kwargs,
) -> Result<Value, Error> {
    let attribute = match attribute {
        Some(a) => Some(a),
        None => kwargs.get::<Option<String>>("attribute")?,
    };
    kwargs.assert_all_used()?;
    if values.is_none() || values.is_undefined() {
        return Ok(Value::from(0));
    }
    let Ok(items) = values.try_iter() else {
        return Err(wrong_kind("sum", messages::KIND_NAME_LIST, values));
    };
    let (mut whole, mut fraction, mut any_fraction) = (0i64, 0f64, false);
    for item in items {
        state.consume_fuel(1)?;
        let value = match &attribute {
            Some(a) => item.get_attr(a).unwrap_or(Value::UNDEFINED),
            None => item,
        };
        if value.is_none() || value.is_undefined() {
            continue;
        }
        if let Some(n) = value.as_i64() {
            whole = whole.saturating_add(n);
        } else if let (minijinja::value::ValueKind::Number, Ok(x)) =
            (value.kind(), f64::try_from(value.clone()))
        {
            fraction += x;
            any_fraction = true;
        } else {
            return Err(wrong_kind("sum", messages::KIND_NAME_NUMBER, &value));
        }
    }
    #[allow(clippy::cast_precision_loss, reason = "report sums are far below 2^52")]
    Ok(if any_fraction {
        Value::from(vn::round_sum(fraction + whole as f64))
    } else {
        Value::from(whole)
    })
}

/// The value if it is a boolean (not merely truthy).
fn as_bool(value: &Value) -> Option<bool> {
    (value.kind() == minijinja::value::ValueKind::Bool).then(|| value.is_true())
}

fn as_date(value: &Value) -> Option<Date> {
    if let Some(date) = value.downcast_object_ref::<DateValue>() {
        return Some(date.0);
    }
    value.as_str().and_then(Date::parse_iso)
}

fn wrong_kind(filter: &str, expected: &str, value: &Value) -> Error {
    Error::new(
        ErrorKind::InvalidOperation,
        messages::filter_wrong_kind(filter, expected, describe(value)),
    )
}

fn describe(value: &Value) -> &'static str {
    use minijinja::value::ValueKind;
    match value.kind() {
        ValueKind::String => messages::KIND_NAME_TEXT,
        ValueKind::Bool => messages::KIND_NAME_BOOL,
        ValueKind::Number => messages::KIND_NAME_NUMBER,
        ValueKind::Seq | ValueKind::Iterable => messages::KIND_NAME_LIST,
        ValueKind::Map => messages::KIND_NAME_MAP,
        _ if value.downcast_object_ref::<DateValue>().is_some() => messages::KIND_NAME_DATE,
        _ => messages::KIND_NAME_OTHER,
    }
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "MiniJinja hands filter arguments over by value"
)]
pub(super) fn ngay_dai(value: &Value, kwargs: Kwargs) -> Result<String, Error> {
    let year: Option<Value> = kwargs.get("nam")?;
    kwargs.assert_all_used()?;
    if value.is_none() || value.is_undefined() {
        let year = year.filter(|y| !y.is_none()).map(|y| y.to_string());
        return Ok(vn::date_long_blank(year.as_deref()));
    }
    as_date(value)
        .map(|d| vn::date_long(&d))
        .ok_or_else(|| wrong_kind("ngay_dai", messages::KIND_NAME_DATE, value))
}

pub(super) fn ngay_ngan(value: &Value) -> Result<String, Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(String::new());
    }
    as_date(value)
        .map(|d| vn::date_short(&d))
        .ok_or_else(|| wrong_kind("ngay_ngan", messages::KIND_NAME_DATE, value))
}

fn number(filter: &str, value: &Value) -> Result<Option<f64>, Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(None);
    }
    if value.kind() != minijinja::value::ValueKind::Number {
        return Err(wrong_kind(filter, messages::KIND_NAME_NUMBER, value));
    }
    Ok(f64::try_from(value.clone()).ok())
}

fn digits(arg: Option<Value>) -> Option<usize> {
    arg.and_then(|v| v.as_i64())
        .and_then(|n| usize::try_from(n.clamp(0, 12)).ok())
}

/// Without a digits argument, numbers keep at most this many decimals (a computed ratio such
/// as 100 / 3 must not print fifteen digits).
const DEFAULT_DECIMALS: usize = 2;

/// `x` with at most [`DEFAULT_DECIMALS`] decimals, trailing zeros dropped: "33,33", "2,5", "100".
fn short_decimal(x: f64) -> String {
    let fixed = vn::format_decimal(x, Some(DEFAULT_DECIMALS));
    match fixed.split_once(',') {
        Some((whole, fraction)) => {
            let fraction = fraction.trim_end_matches('0');
            if fraction.is_empty() {
                whole.to_owned()
            } else {
                format!("{whole},{fraction}")
            }
        }
        None => fixed,
    }
}

pub(super) fn so(value: &Value, decimals: Option<Value>) -> Result<String, Error> {
    if value.is_integer()
        && let (Some(n), None) = (value.as_i64(), &decimals)
    {
        return Ok(vn::format_integer(n));
    }
    Ok(number("so", value)?
        .map(|x| match digits(decimals) {
            Some(d) => vn::format_decimal(x, Some(d)),
            None => short_decimal(x),
        })
        .unwrap_or_default())
}

pub(super) fn phan_tram(value: &Value, decimals: Option<Value>) -> Result<String, Error> {
    Ok(number("phan_tram", value)?
        .map(|x| match digits(decimals) {
            Some(d) => vn::format_percent(x, Some(d)),
            None => format!("{}%", short_decimal(x)),
        })
        .unwrap_or_default())
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "MiniJinja hands filter arguments over by value"
)]
pub(super) fn noi(state: &State, value: &Value, conj: Rest<String>) -> Result<String, Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(String::new());
    }
    let conj = conj.first().map_or(messages::AND, String::as_str);
    let Ok(items) = value.try_iter() else {
        return Err(wrong_kind("noi", messages::KIND_NAME_LIST, value));
    };
    if value.kind() == minijinja::value::ValueKind::String {
        return Err(wrong_kind("noi", messages::KIND_NAME_LIST, value));
    }
    // Each item is charged as it is written out (the vendored engine's display), the whole
    // before it is joined.
    let mut size = 0usize;
    let mut texts: Vec<String> = Vec::new();
    for item in items {
        state.consume_fuel(1)?;
        let text = item.to_string();
        if !text.trim().is_empty() {
            size = size.saturating_add(text.len() + conj.len() + 2);
            texts.push(text);
        }
    }
    state.ensure_bytes(size)?;
    Ok(vn::join_list(&texts, conj))
}
