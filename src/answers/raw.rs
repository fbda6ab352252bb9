//! The answers file's YAML, read once: the `saphyr-parser` event stream the questionnaire
//! loader reads too, held to the same [`Limits`] event by event (a hostile text is stopped at
//! the event that goes beyond one, before anything is built), turned into the raw values
//! (`serde_yaml::Value`) that answers are typed from and kept aside in.
//!
//! Owns: how a scalar is read — null, boolean, integer, decimal or text, by the YAML 1.2 rules
//! `serde_yaml` applies (`05` is text, `1.50` a number), so that a file reads as it always did
//! — tags and aliases. A text this reader does not take as it stands (a syntax error, a key
//! written twice, a second document, an integer beyond 64 bits) is handed to `serde_yaml`,
//! which reads or refuses it as it always did, with its own words and place: only a broken
//! file pays for a second reading.
//!
//! Must not: know what an answer or a question is (that is `persist.rs`).

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Tag};
use serde_yaml::value::TaggedValue;
use serde_yaml::{Mapping, Number, Value};

use crate::questionnaire::{Diagnostic, Kind, Limits, Pos};

/// Why a text could not be read.
#[derive(Debug)]
pub enum RawError {
    /// Beyond the limits every YAML file is held to (nesting, elements, aliases).
    Limit(Diagnostic),
    /// Not YAML that reads as one value, as `serde_yaml` says it: `line` and `col` 1-based,
    /// `detail` in English (`messages` words the known ones in Vietnamese).
    Syntax {
        line: usize,
        col: usize,
        detail: String,
    },
}

/// Reads `text` as one YAML value, held to [`Limits`] with `max_elements`. An empty text (or
/// only comments) is `Value::Null`.
pub fn read(text: &str, max_elements: usize) -> Result<Value, RawError> {
    match events(text, max_elements) {
        Ok(value) => Ok(value),
        Err(Some(limit)) => Err(RawError::Limit(limit)),
        // Not taken as it stands: the whole text is held to the limits before `serde_yaml`
        // (quadratic in the nesting) reads it, whatever made the event reader stop.
        Err(None) => {
            crate::questionnaire::within_limits(text, max_elements).map_err(RawError::Limit)?;
            serde_yaml::from_str(text).map_err(|e| {
                let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
                RawError::Syntax {
                    line,
                    col,
                    detail: e.to_string(),
                }
            })
        }
    }
}

/// Whether YAML 1.1 (libyaml, which `serde_yaml` follows and which wrote every answers file)
/// may read `text` otherwise than the event parser (YAML 1.2) does: NEL, LS and PS are line
/// breaks there, characters it cannot print are refused, and a tab, a directive, a document
/// end or a key left empty are read more strictly. Such a text is left to `serde_yaml`, so it
/// reads as it always did; the answers the wizard writes never hold one.
fn yaml_1_1_differs(text: &str) -> bool {
    let odd_char = |c: char| {
        !matches!(c, '\n' | '\r' | ' '..='~' | '\u{a0}'..='\u{2027}' | '\u{202a}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
            && c < '\u{10000}'
    };
    if !text.is_ascii() && text.chars().any(odd_char) {
        return true;
    }
    text.lines().any(|line| {
        let body = line.trim_start_matches(' ');
        line.contains('\t')
            || line.starts_with('%')
            || line.starts_with("...")
            || line.bytes().any(|b| (b < 0x20 && b != b'\r') || b == 0x7f)
            || body == ":"
            || body.starts_with(": ")
            || body.starts_with("- : ")
    })
}

/// Not taken as it stands: beyond a limit (`Some`), or left to `serde_yaml` (`None`).
pub type Unread = Option<Diagnostic>;

/// The value of `text`, read from its events alone ([`read`] without handing a text it does
/// not take to `serde_yaml`; public for the tests that compare the two).
pub fn events(text: &str, max_elements: usize) -> Result<Value, Unread> {
    if yaml_1_1_differs(text) {
        return Err(None);
    }
    let mut reader = Reader {
        limits: Limits::new(max_elements),
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        documents: 0,
    };
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|err| {
            // The parser's own nesting limit is the depth limit.
            let mark = err.marker();
            let pos = Pos::new(mark.line(), mark.col() + 1);
            err.info()
                .contains("recursion limit")
                .then(|| Diagnostic::new(pos, Kind::TooDeep))
        })?;
        if matches!(event, Event::StreamEnd) {
            break;
        }
        let pos = Pos::new(span.start.line(), span.start.col() + 1);
        reader
            .limits
            .take(&event)
            .map_err(|kind| Some(Diagnostic::new(pos, kind)))?;
        reader.event(event)?;
    }
    Ok(reader.root.unwrap_or(Value::Null))
}

/// A collection being read.
struct Open {
    anchor: usize,
    /// The tag it is wrapped in, when it has a local tag (`!tag`).
    tag: Option<String>,
    body: Body,
}

enum Body {
    Seq(Vec<Value>),
    /// The entries so far, and a key waiting for its value.
    Map(Mapping, Option<Value>),
}

struct Reader {
    limits: Limits,
    stack: Vec<Open>,
    anchors: HashMap<usize, Value>,
    root: Option<Value>,
    documents: usize,
}

impl Reader {
    fn event(&mut self, event: Event) -> Result<(), Unread> {
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(None);
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let value = scalar(&text, style, tag.as_deref()).ok_or(None)?;
                self.add(value, anchor)?;
            }
            Event::SequenceStart(anchor, tag) => self.stack.push(Open {
                anchor,
                tag: local_tag(tag.as_deref()),
                body: Body::Seq(Vec::new()),
            }),
            Event::MappingStart(anchor, tag) => self.stack.push(Open {
                anchor,
                tag: local_tag(tag.as_deref()),
                body: Body::Map(Mapping::new(), None),
            }),
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(open) = self.stack.pop() {
                    let value = match open.body {
                        Body::Seq(items) => Value::Sequence(items),
                        Body::Map(map, _) => Value::Mapping(map),
                    };
                    self.add(tagged(open.tag, value), open.anchor)?;
                }
            }
            Event::Alias(id) => {
                let value = self.anchors.get(&id).cloned().ok_or(None)?;
                self.add(value, 0)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    /// Adds a finished value to the open collection (or makes it the document).
    fn add(&mut self, value: Value, anchor: usize) -> Result<(), Unread> {
        if anchor != 0 {
            self.anchors.insert(anchor, value.clone());
        }
        let Some(open) = self.stack.last_mut() else {
            self.root = Some(value);
            return Ok(());
        };
        match &mut open.body {
            Body::Seq(items) => items.push(value),
            Body::Map(map, pending) => match pending.take() {
                None => *pending = Some(value),
                // A key written twice: `serde_yaml` refuses it in its words.
                Some(key) => {
                    if map.insert(key, value).is_some() {
                        return Err(None);
                    }
                }
            },
        }
        Ok(())
    }
}

/// The full name of a tag (`!!int` is `tag:yaml.org,2002:int`).
fn full_tag(tag: &Tag) -> String {
    format!("{}{}", tag.handle, tag.suffix)
}

/// A local tag (`!name`) wraps the value it is on, as `serde_yaml` read it; core tags
/// (`!!str`, `!!seq`, …) do not.
fn local_tag(tag: Option<&Tag>) -> Option<String> {
    let full = full_tag(tag?);
    let rest = full.strip_prefix('!')?;
    Some(if rest.is_empty() {
        full.clone()
    } else {
        rest.to_owned()
    })
}

fn tagged(tag: Option<String>, value: Value) -> Value {
    match tag {
        Some(tag) => Value::Tagged(Box::new(TaggedValue {
            tag: serde_yaml::value::Tag::new(tag),
            value,
        })),
        None => value,
    }
}

/// One scalar as `serde_yaml` read it: plain ones by the YAML 1.2 rules, quoted and block
/// ones as text, those with a core tag (`!!int`) held to it; `None` when `serde_yaml` refused
/// it (a value that does not fit its tag, an integer beyond 64 bits).
fn scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Option<Value> {
    let plain = style == ScalarStyle::Plain;
    if let Some(local) = local_tag(tag) {
        let value = if plain {
            untagged(text)?
        } else {
            Value::String(text.to_owned())
        };
        return Some(tagged(Some(local), value));
    }
    match tag.map(full_tag).as_deref() {
        None if plain => untagged(text),
        Some("tag:yaml.org,2002:bool") => parse_bool(text).map(Value::Bool),
        Some("tag:yaml.org,2002:int") => match integer(text) {
            Integer::Is(n) => Some(n),
            Integer::Not | Integer::Beyond => None,
        },
        Some("tag:yaml.org,2002:float") => parse_f64(text).map(|x| Value::Number(x.into())),
        Some("tag:yaml.org,2002:null") => is_null(text).then_some(Value::Null),
        _ => Some(Value::String(text.to_owned())),
    }
}

/// A plain scalar without a tag: null, boolean, integer, decimal, else text.
fn untagged(text: &str) -> Option<Value> {
    if text.is_empty() || is_null(text) {
        return Some(Value::Null);
    }
    if let Some(b) = parse_bool(text) {
        return Some(Value::Bool(b));
    }
    match integer(text) {
        Integer::Is(n) => return Some(n),
        Integer::Beyond => return None,
        Integer::Not => {}
    }
    if !digits_but_not_number(text)
        && let Some(x) = parse_f64(text)
    {
        return Some(Value::Number(x.into()));
    }
    Some(Value::String(text.to_owned()))
}

/// What a plain text is as an integer, as `serde_yaml` read it (decimal, `0x`, `0o`, `0b`).
enum Integer {
    Is(Value),
    Not,
    /// Beyond 64 bits but within 128: `serde_yaml` refused it.
    Beyond,
}

fn integer(text: &str) -> Integer {
    if let Some(n) = parse_unsigned(text, u64::from_str_radix) {
        return Integer::Is(Value::Number(Number::from(n)));
    }
    if let Some(n) = parse_negative(text, i64::from_str_radix) {
        return Integer::Is(Value::Number(Number::from(n)));
    }
    let beyond = parse_unsigned(text, u128::from_str_radix).is_some()
        || parse_negative(text, i128::from_str_radix).is_some();
    if beyond {
        Integer::Beyond
    } else {
        Integer::Not
    }
}

fn is_null(text: &str) -> bool {
    matches!(text, "null" | "Null" | "NULL" | "~")
}

fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

type Radix<T> = fn(&str, u32) -> Result<T, std::num::ParseIntError>;

/// `0x`, `0o` and `0b` prefixes after an optional `+`, else decimal.
fn parse_unsigned<T>(text: &str, from: Radix<T>) -> Option<T> {
    let unsigned = text.strip_prefix('+').unwrap_or(text);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unsigned.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(n) = from(rest, radix) {
                return Some(n);
            }
        }
    }
    if unsigned.starts_with(['+', '-']) || digits_but_not_number(text) {
        return None;
    }
    from(unsigned, 10).ok()
}

/// `-0x`, `-0o` and `-0b` prefixes, else decimal (negative numbers; others fail to parse or
/// were read by [`parse_unsigned`] already).
fn parse_negative<T>(text: &str, from: Radix<T>) -> Option<T> {
    for (prefix, radix) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = text.strip_prefix(prefix)
            && let Ok(n) = from(&format!("-{rest}"), radix)
        {
            return Some(n);
        }
    }
    if digits_but_not_number(text) {
        return None;
    }
    from(text, 10).ok()
}

fn parse_f64(text: &str) -> Option<f64> {
    let unsigned = match text.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => text,
    };
    if let ".inf" | ".Inf" | ".INF" = unsigned {
        return Some(f64::INFINITY);
    }
    if let "-.inf" | "-.Inf" | "-.INF" = text {
        return Some(f64::NEG_INFINITY);
    }
    if let ".nan" | ".NaN" | ".NAN" = text {
        return Some(f64::NAN.copysign(1.0));
    }
    unsigned.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Leading zeros followed by digits are text to YAML 1.2 (`05`).
fn digits_but_not_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    digits.len() > 1 && digits.starts_with('0') && digits[1..].bytes().all(|b| b.is_ascii_digit())
}
