//! The first loading stage: YAML text → a tree of nodes that remember where they were written.
//!
//! Owns: the checks on raw bytes (size, UTF-8, control characters, tabs in indentation), driving
//! the `saphyr-parser` event stream, [`Limits`] — the nesting, size and alias-expansion limits
//! every YAML file baocao reads is held to, questionnaires and answers files alike (the answers
//! reader, `answers/raw.rs`, counts its events with them; [`within`] checks a text against them
//! without building anything) — and duplicate-key detection. Every node carries its [`Pos`] so that later stages can point at
//! the exact line of a problem.
//!
//! Must not: know what a questionnaire is (keys, kinds, ids) — that is `build/`.
//!
//! Why not serde: a serde deserializer stops at the first error and `serde_yaml` keeps no
//! position for values that parsed fine, so it can neither report every problem at once nor say
//! on which line a duplicate id or a bad condition is. The event parser gives both.

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};

use super::diag::{Diagnostic, Kind, Pos, Slip};

/// Largest questionnaire accepted, in bytes. Real ones are tens of kilobytes.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// Deepest nesting of mappings and sequences accepted.
pub const MAX_DEPTH: usize = 64;
/// Most elements (keys, values, list items) a questionnaire may hold, as written and once its
/// aliases are expanded.
pub const MAX_NODES: usize = 500_000;

/// One YAML value with its position.
#[derive(Clone, Debug)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

/// The shape of a YAML value; scalars keep their source text and whether they were quoted.
#[derive(Clone, Debug)]
pub enum Value {
    Scalar { text: String, plain: bool },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The scalar's text, if this is a scalar.
    pub fn scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// True for a plain `null`, `~` or empty scalar.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true, .. } if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// A short Vietnamese name of the node's shape, for error messages.
    pub fn shape(&self) -> &'static str {
        match &self.value {
            Value::Scalar { .. } if self.is_null() => "giá trị rỗng",
            Value::Scalar { .. } => "một giá trị đơn",
            Value::Seq(_) => "một danh sách",
            Value::Map(_) => "một bảng khóa–giá trị",
        }
    }
}

/// Parses `source` into one document node. Problems are returned as diagnostics (never a panic).
pub fn parse(bytes: &[u8]) -> Result<(String, Node), Vec<Diagnostic>> {
    if bytes.len() > MAX_BYTES {
        return Err(vec![Diagnostic::new(
            Pos::START,
            Kind::TooLarge { bytes: bytes.len() },
        )]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let pos = Pos::of_offset(std::str::from_utf8(good).unwrap_or(""), good.len());
            return Err(vec![Diagnostic::new(pos, Kind::NotUtf8)]);
        }
    };
    let mut problems = if plainly_clean(text) {
        Vec::new()
    } else {
        check_characters(text)
    };
    if !problems.is_empty() {
        problems.truncate(20);
        return Err(problems);
    }
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::new(Pos::START, Kind::EmptyFile)]);
    }
    let root = Builder {
        text,
        stack: Vec::new(),
        anchors: std::collections::HashMap::new(),
        limits: Limits::new(MAX_NODES),
        root: None,
    }
    .run()?;
    if root.is_null() {
        return Err(vec![Diagnostic::new(Pos::START, Kind::EmptyFile)]);
    }
    let mut dups = Vec::new();
    find_duplicate_keys(&root, &mut dups);
    if dups.is_empty() {
        Ok((text.to_owned(), root))
    } else {
        Err(dups)
    }
}

/// Spaces that look like a space but are not one to YAML (pasted from Word and the web).
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{200b}' | '\u{202f}' | '\u{3000}' | '\u{feff}'
    )
}

/// The column (1-based) of an odd space right after `key:`, where YAML needs a plain space.
fn odd_space_after_key(line: &str) -> Option<usize> {
    let body = line.trim_start_matches([' ', '-']);
    let key_len = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .count();
    let rest = body[key_len..].strip_prefix(':')?;
    rest.starts_with(is_odd_space)
        .then(|| line.chars().count() - rest.chars().count() + 1)
}

/// True when `text` holds none of the characters [`check_characters`] looks for — control
/// characters (tabs among them) and the spaces of [`is_odd_space`] — read byte by byte in one
/// pass, so that a clean file (nearly every file) is not walked character by character.
fn plainly_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| {
        let next = &bytes[i + 1..];
        match b {
            b'\n' => true,
            0..0x20 | 0x7f => false,
            // U+0080–U+009F (controls) and U+00A0.
            0xc2 => next.first().is_none_or(|&n| n > 0xa0),
            // U+2000–U+200B and U+202F.
            0xe2 => {
                !(next.first() == Some(&0x80)
                    && next.get(1).is_some_and(|&n| n <= 0x8b || n == 0xaf))
            }
            // U+3000 and U+FEFF.
            0xe3 => !next.starts_with(&[0x80, 0x80]),
            0xef => !next.starts_with(&[0xbb, 0xbf]),
            _ => true,
        }
    })
}

/// Control characters and tabs in indentation, found before parsing so that the message is ours.
fn check_characters(text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        let line_no = index + 1;
        if let Some(col) = odd_space_after_key(line) {
            problems.push(Diagnostic::new(
                Pos::new(line_no, col),
                Kind::Slip {
                    slip: Slip::OddSpace,
                },
            ));
            continue;
        }
        let mut in_indent = true;
        for (col, ch) in line.chars().enumerate() {
            let pos = Pos::new(line_no, col + 1);
            if ch == '\t' {
                if in_indent {
                    problems.push(Diagnostic::new(pos, Kind::TabIndent));
                    break;
                }
            } else if ch == '\r' {
                // CR LF line ends are fine.
            } else if in_indent && is_odd_space(ch) {
                problems.push(Diagnostic::new(
                    pos,
                    Kind::Slip {
                        slip: Slip::OddSpace,
                    },
                ));
                break;
            } else if ch.is_control() {
                problems.push(Diagnostic::new(
                    pos,
                    Kind::ControlChar {
                        code: u32::from(ch),
                    },
                ));
                break;
            } else if ch != ' ' && ch != '-' {
                in_indent = false;
            }
        }
    }
    problems
}

/// The limits a YAML text is held to, counted on the parser's event stream so that a hostile
/// text is stopped at the event that exceeds one, before any tree is built and in time linear
/// in what was read: nesting depth ([`MAX_DEPTH`]), elements written (keys, values, list
/// items, `*name` references) and elements once aliases are expanded (each `*name` counts the
/// size of what it names, each `&name` the copy kept for it), both at most `max_elements`.
/// The two element counts are told apart, so that a large file is not called an alias bomb.
pub struct Limits {
    max_elements: usize,
    /// The size so far of each open collection (itself included), innermost last.
    open: Vec<(usize, usize)>,
    /// The size of each anchored element, by anchor id.
    anchored: std::collections::HashMap<usize, usize>,
    written: usize,
    expanded: usize,
}

impl Limits {
    pub fn new(max_elements: usize) -> Self {
        Limits {
            max_elements,
            open: Vec::new(),
            anchored: std::collections::HashMap::new(),
            written: 0,
            expanded: 0,
        }
    }

    /// Counts one parser event; the limit it exceeds, if any ([`Kind::TooDeep`],
    /// [`Kind::TooManyElements`] or [`Kind::TooManyNodes`] for aliases).
    pub fn take(&mut self, event: &Event) -> Result<(), Kind> {
        match event {
            Event::Scalar(_, _, anchor, _) => {
                self.written += 1;
                self.finished(1, *anchor);
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if self.open.len() >= MAX_DEPTH {
                    return Err(Kind::TooDeep);
                }
                self.written += 1;
                self.open.push((1, *anchor));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((size, anchor)) = self.open.pop() {
                    self.finished(size, anchor);
                }
            }
            Event::Alias(id) => {
                let size = self.anchored.get(id).copied().unwrap_or(1);
                self.written += 1;
                self.expanded += size;
                self.grow(size);
            }
            _ => {}
        }
        if self.written > self.max_elements {
            Err(Kind::TooManyElements {
                limit: self.max_elements,
            })
        } else if self.written.saturating_add(self.expanded) > self.max_elements {
            Err(Kind::TooManyNodes)
        } else {
            Ok(())
        }
    }

    /// An element of `size` is complete: it counts in the collection around it, and its copy
    /// kept for `*name` counts too (nested anchors alone could otherwise copy gigabytes).
    fn finished(&mut self, size: usize, anchor: usize) {
        if anchor != 0 {
            self.anchored.insert(anchor, size);
            self.expanded += size;
        }
        self.grow(size);
    }

    fn grow(&mut self, size: usize) {
        if let Some((open, _)) = self.open.last_mut() {
            *open = open.saturating_add(size);
        }
    }
}

/// Holds `text` to [`Limits`] with `max_elements`, reading its events only (nothing is built);
/// the limit exceeded and where. A text the parser cannot read is left to the reader that
/// follows, which says what is wrong with it; the parser's own nesting limit is
/// [`Kind::TooDeep`].
pub fn within(text: &str, max_elements: usize) -> Result<(), Diagnostic> {
    let mut limits = Limits::new(max_elements);
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let (event, span) = match next {
            Ok(next) => next,
            Err(err) if err.info().contains("recursion limit") => {
                let mark = err.marker();
                let pos = Pos::new(mark.line(), mark.col() + 1);
                return Err(Diagnostic::new(pos, Kind::TooDeep));
            }
            Err(_) => return Ok(()),
        };
        if matches!(event, Event::StreamEnd) {
            break;
        }
        let pos = Pos::new(span.start.line(), span.start.col() + 1);
        limits
            .take(&event)
            .map_err(|kind| Diagnostic::new(pos, kind))?;
    }
    Ok(())
}

struct Builder<'t> {
    text: &'t str,
    /// Open collections: the node being filled and, for maps, a pending key.
    stack: Vec<Frame>,
    anchors: std::collections::HashMap<usize, Node>,
    limits: Limits,
    root: Option<Node>,
}

struct Frame {
    node: Node,
    anchor: usize,
    pending_key: Option<Node>,
}

impl Builder<'_> {
    fn run(mut self) -> Result<Node, Vec<Diagnostic>> {
        let text = self.text;
        let mut parser = Parser::new_from_str(text);
        let mut documents = 0;
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(|err| vec![syntax(&err, text)])?;
            let pos = Pos::new(span.start.line(), span.start.col() + 1);
            self.limits
                .take(&event)
                .map_err(|kind| vec![Diagnostic::new(pos, kind)])?;
            match event {
                Event::DocumentStart(_) => {
                    documents += 1;
                    if documents > 1 {
                        return Err(vec![Diagnostic::new(pos, Kind::SeveralDocuments)]);
                    }
                }
                Event::Scalar(text, style, anchor, _tag) => {
                    let plain = style == ScalarStyle::Plain;
                    let value = Value::Scalar {
                        text: text.into_owned(),
                        plain,
                    };
                    let node = Node { pos, value };
                    self.add(node, anchor)?;
                }
                Event::SequenceStart(anchor, _) => {
                    self.open(pos, Value::Seq(Vec::new()), anchor);
                }
                Event::MappingStart(anchor, _) => self.open(pos, Value::Map(Vec::new()), anchor),
                Event::SequenceEnd | Event::MappingEnd => {
                    if let Some(frame) = self.stack.pop() {
                        if frame.pending_key.is_some() {
                            return Err(vec![Diagnostic::new(
                                frame.node.pos,
                                Kind::Syntax {
                                    detail: "mapping ended after a key".into(),
                                },
                            )]);
                        }
                        self.add(frame.node, frame.anchor)?;
                    }
                }
                Event::Alias(id) => {
                    let Some(target) = self.anchors.get(&id).cloned() else {
                        return Err(vec![Diagnostic::new(pos, Kind::UnknownAnchor)]);
                    };
                    let mut node = target;
                    node.pos = pos;
                    self.add(node, 0)?;
                }
                Event::StreamEnd => break,
                Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
            }
        }
        self.root
            .ok_or_else(|| vec![Diagnostic::new(Pos::START, Kind::EmptyFile)])
    }

    /// A list or mapping used as a key — usually `{{ … }}` written without quotes.
    fn complex_key(&self, pos: Pos) -> Diagnostic {
        let line = self
            .text
            .lines()
            .nth(pos.line.saturating_sub(1))
            .unwrap_or_default();
        match find_slip(line) {
            Some((col, slip)) => Diagnostic::new(Pos::new(pos.line, col), Kind::Slip { slip }),
            None => Diagnostic::new(pos, Kind::ComplexKey),
        }
    }

    /// Opens a collection; [`Limits`] has already refused one too deep.
    fn open(&mut self, pos: Pos, value: Value, anchor: usize) {
        self.stack.push(Frame {
            node: Node { pos, value },
            anchor,
            pending_key: None,
        });
    }

    /// Adds a finished node to the open collection; [`Limits`] has already counted it.
    fn add(&mut self, node: Node, anchor: usize) -> Result<(), Vec<Diagnostic>> {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(frame) => match &mut frame.node.value {
                Value::Seq(items) => items.push(node),
                Value::Map(entries) => match frame.pending_key.take() {
                    None => {
                        if !matches!(node.value, Value::Scalar { .. }) {
                            return Err(vec![self.complex_key(node.pos)]);
                        }
                        frame.pending_key = Some(node);
                    }
                    Some(key) => entries.push((key, node)),
                },
                Value::Scalar { .. } => unreachable!("scalars are never open frames"),
            },
        }
        Ok(())
    }
}

fn find_duplicate_keys(root: &Node, out: &mut Vec<Diagnostic>) {
    let mut todo = vec![root];
    while let Some(node) = todo.pop() {
        match &node.value {
            Value::Scalar { text, .. } => {
                // Escapes such as "\e" in quoted scalars make control characters the
                // character check above cannot see; refuse them in keys and values alike.
                if let Some(c) = text
                    .chars()
                    .find(|c| c.is_control() && *c != '\n' && *c != '\t')
                {
                    out.push(Diagnostic::new(
                        node.pos,
                        Kind::ControlChar { code: u32::from(c) },
                    ));
                }
            }
            Value::Seq(items) => todo.extend(items),
            Value::Map(entries) => {
                // Small mappings (nearly all) are checked by a scan; large ones by a map, so a
                // hostile file with a huge mapping stays linear.
                let mut seen: std::collections::HashMap<&str, Pos> =
                    std::collections::HashMap::new();
                for (index, (key, value)) in entries.iter().enumerate() {
                    let name = key.scalar().unwrap_or_default();
                    let first = if entries.len() <= 16 {
                        entries[..index]
                            .iter()
                            .find(|(k, _)| k.scalar() == Some(name))
                            .map(|(k, _)| k.pos)
                    } else {
                        let first = seen.get(name).copied();
                        seen.entry(name).or_insert(key.pos);
                        first
                    };
                    if let Some(first) = first {
                        out.push(Diagnostic::new(
                            key.pos,
                            Kind::DuplicateKey {
                                key: name.to_owned(),
                                first_line: first.line,
                            },
                        ));
                    }
                    todo.push(key);
                    todo.push(value);
                }
            }
        }
    }
    out.sort_by_key(|d| d.pos);
}

fn syntax(err: &ScanError, text: &str) -> Diagnostic {
    let mark = err.marker();
    let pos = Pos::new(mark.line(), mark.col() + 1);
    if err.info().contains("recursion limit") {
        return Diagnostic::new(pos, Kind::TooDeep);
    }
    if err.info().contains("unknown anchor") {
        return Diagnostic::new(pos, Kind::UnknownAnchor);
    }
    // The parser often notices a slip a line late: look at the line before and the line itself.
    for line_no in [pos.line.saturating_sub(1), pos.line] {
        if let Some(line) = text.lines().nth(line_no.wrapping_sub(1))
            && let Some((col, slip)) = find_slip(line)
        {
            return Diagnostic::new(Pos::new(line_no, col), Kind::Slip { slip });
        }
    }
    Diagnostic::new(
        pos,
        Kind::Syntax {
            detail: err.info().to_owned(),
        },
    )
}

/// The column (1-based) and kind of a common slip on one line, if any.
fn find_slip(line: &str) -> Option<(usize, Slip)> {
    let col_of = |byte: usize| line[..byte].chars().count() + 1;
    if let Some(at) = line.find(is_odd_space) {
        return Some((col_of(at), Slip::OddSpace));
    }
    if let Some(at) = line.find(['\u{201c}', '\u{201d}']) {
        return Some((col_of(at), Slip::CurlyQuotes));
    }
    let body = line.trim_start();
    let indent = line.len() - body.len();
    if body.starts_with('-') && body.len() > 1 && !body.starts_with("- ") && !body.starts_with("--")
    {
        return Some((col_of(indent), Slip::NoSpaceAfterDash));
    }
    let entry = body.strip_prefix("- ").unwrap_or(body);
    let key_len = entry
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .count();
    let after_key = &entry[key_len..];
    if key_len > 0 && after_key.starts_with(':') {
        let value = &after_key[1..];
        if !value.is_empty() && !value.starts_with([' ', '/']) {
            return Some((col_of(line.len() - value.len()), Slip::NoSpaceAfterColon));
        }
        let value = value.trim_start();
        if value.starts_with("{{") || value.starts_with("{%") {
            return Some((col_of(line.len() - value.len()), Slip::TemplateNeedsQuotes));
        }
    }
    None
}

#[cfg(test)]
mod tests;
