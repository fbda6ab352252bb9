//! The journal: every change to an answer, on disk before the next frame is drawn.
//!
//! Owns: the journal file beside the answers file (`.<answers file name>.journal`), its record
//! format, appending (one `write` per record, no fsync: the operating system has it the moment
//! the call returns, so a killed program loses nothing; a power cut loses what the disk had not
//! written, at most the second since the last fold), and replaying it over the answers read
//! from the answers file. The answers file itself is written by `persist`; folding is saving
//! it and then truncating the journal.
//!
//! A record is `bj <crc32 of payload, 8 hex> <payload length>\n<payload>\n`; the payload is
//! one byte saying what happened (`t` a text answer, `c` any answer in a compact form, `y` an
//! answer holding YAML tags, as YAML, `r` removed, `p`
//! the question the official is on, `v` an answer carried over was confirmed), the question id, a NUL, then the data. Each record holds
//! the whole answer, so replaying is applying the records in order, and replaying a record
//! twice changes nothing. A torn last record (the program died inside a write) fails its
//! length or checksum and is skipped with everything after it; opening the journal to append
//! cuts it off first, so what is appended later is replayed.
//!
//! Which records are still to be appended, and when a save (and so a fold) is due, is kept by
//! `unsaved`.
//!
//! Must not: decide when to append or fold, or know about terminals.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::persist;
use super::store::Answers;
use super::value::AnswerValue;
use crate::questionnaire::Questionnaire;

/// What one record says about one question.
#[derive(Debug, Clone, Copy)]
pub enum Entry<'a> {
    /// The question's answer is this value.
    Value(&'a AnswerValue),
    /// The question's answer is kept aside as typed (it does not fit the question).
    Kept(&'a serde_yaml::Value),
    /// The question has no answer.
    Removed,
    /// The official is on this question.
    Position,
    /// The official confirmed this answer carried over from an earlier period.
    Reviewed,
}

/// The journal of one answers file, open for appending.
#[derive(Debug)]
pub struct Journal {
    file: File,
    path: PathBuf,
    len: u64,
    /// One record's bytes, reused.
    buf: Vec<u8>,
    /// The last append failed (a full or read-only disk).
    failed: bool,
}

/// Where the journal of an answers file lives: beside it, hidden.
pub fn path_for(answers: &Path) -> PathBuf {
    crate::files::hidden_beside(answers, "journal")
}

impl Journal {
    /// Opens (or creates) a journal for appending; the whole records it holds are kept. A
    /// torn last record (the program died inside a write, or the disk filled) is cut off
    /// first: replay stops at the first bad record, so anything appended after it would never
    /// be replayed.
    pub fn open(path: &Path) -> std::io::Result<Self> {
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        // The journal holds the answers: readable by the official only (it may live in the
        // temporary folder, which every user of the machine shares).
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(path)?;
        let mut len = file.metadata()?.len();
        if len > 0
            && let Ok(bytes) = crate::files::read_limited(path, persist::MAX_BYTES)
            && bytes.len() as u64 == len
        {
            let whole = whole_records(&bytes) as u64;
            if whole < len {
                file.set_len(whole)?;
                len = whole;
            }
        }
        Ok(Journal {
            file,
            path: path.to_owned(),
            len,
            buf: Vec::new(),
            failed: false,
        })
    }

    /// The journal's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Bytes written so far (since the last truncation).
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends one record in one write.
    pub fn append(&mut self, id: &str, entry: Entry<'_>) -> std::io::Result<()> {
        encode(&mut self.buf, id, entry);
        self.failed = true;
        self.file.write_all(&self.buf)?;
        self.failed = false;
        self.len += self.buf.len() as u64;
        Ok(())
    }

    /// Whether the last append failed: what it held is not in this journal.
    pub fn failed(&self) -> bool {
        self.failed
    }

    /// Empties the journal (everything in it is in the answers file now).
    pub fn truncate(&mut self) -> std::io::Result<()> {
        self.file.set_len(0)?;
        self.len = 0;
        Ok(())
    }

    /// Forces what was appended onto the disk (on the way out; never on the key path).
    pub fn sync(&self) -> std::io::Result<()> {
        self.file.sync_data()
    }
}

/// Writes one record into `buf` (cleared first).
fn encode(buf: &mut Vec<u8>, id: &str, entry: Entry<'_>) {
    buf.clear();
    let (op, data): (u8, std::borrow::Cow<'_, [u8]>) = match entry {
        Entry::Value(AnswerValue::Text(text)) => (b't', text.as_bytes().into()),
        Entry::Value(value) => {
            let mut out = Vec::new();
            compact::encode_answer(value, &mut out);
            (b'c', out.into())
        }
        Entry::Kept(raw) => compact_or_yaml(raw),
        Entry::Removed => (b'r', (&[][..]).into()),
        Entry::Position => (b'p', (&[][..]).into()),
        Entry::Reviewed => (b'v', (&[][..]).into()),
    };
    let payload_len = 1 + id.len() + 1 + data.len();
    let crc = {
        let mut h = crc32fast::Hasher::new();
        h.update(&[op]);
        h.update(id.as_bytes());
        h.update(&[0]);
        h.update(&data);
        h.finalize()
    };
    // The checksum is taken over the parts, so the payload is copied once, after the header.
    let _ = writeln!(buf, "bj {crc:08x} {payload_len}");
    let payload_start = buf.len();
    buf.reserve(payload_len + 1);
    buf.push(op);
    buf.extend_from_slice(id.as_bytes());
    buf.push(0);
    buf.extend_from_slice(&data);
    buf.push(b'\n');
    debug_assert_eq!(buf.len(), payload_start + payload_len + 1);
}

/// A value in the compact form (`c`), or as YAML (`y`) when it holds something the compact
/// form does not (a YAML tag). YAML costs about 60 µs for a 20-row table; the compact form a
/// few.
fn compact_or_yaml(value: &serde_yaml::Value) -> (u8, std::borrow::Cow<'static, [u8]>) {
    let mut out = Vec::new();
    if compact::encode(value, &mut out) {
        (b'c', out.into())
    } else {
        (
            b'y',
            serde_yaml::to_string(value)
                .unwrap_or_default()
                .into_bytes()
                .into(),
        )
    }
}

/// The compact form of a YAML value: a letter, then for strings and numbers their length and
/// bytes, for sequences and mappings their count and items: `s3:abc`, `i2:42`, `f3:2.5`,
/// `t`/`u` (true/false), `n` (null), `q2:…` (sequence), `m1:…` (mapping, key then value).
mod compact {
    use std::io::Write;

    use serde_yaml::{Mapping, Number, Value};

    use crate::answers::value::{AnswerValue, Cell};

    fn put_count(tag: u8, n: usize, out: &mut Vec<u8>) {
        out.push(tag);
        let _ = write!(out, "{n}:");
    }

    fn text(s: &str, out: &mut Vec<u8>) {
        put_count(b's', s.len(), out);
        out.extend_from_slice(s.as_bytes());
    }

    /// A number as its text, behind its tag and length.
    fn number(tag: u8, n: impl std::fmt::Display, out: &mut Vec<u8>) {
        let mut digits = [0u8; 40];
        let mut cursor = std::io::Cursor::new(&mut digits[..]);
        let _ = write!(cursor, "{n}");
        let len = usize::try_from(cursor.position()).unwrap_or(0);
        put_count(tag, len, out);
        out.extend_from_slice(&digits[..len]);
    }

    /// Appends an answer in the form [`encode`] gives its YAML value (`persist::raw_of`),
    /// without building that value: the key path of a table is a few microseconds.
    pub fn encode_answer(value: &AnswerValue, out: &mut Vec<u8>) {
        match value {
            AnswerValue::Text(s) | AnswerValue::Choice(s) => text(s, out),
            AnswerValue::Integer(n) => number(b'i', n, out),
            AnswerValue::Decimal(x) => number(b'f', Number::from(*x), out),
            AnswerValue::Date(d) => text(&d.iso(), out),
            AnswerValue::Bool(true) => out.push(b't'),
            AnswerValue::Bool(false) => out.push(b'u'),
            AnswerValue::Choices(items) | AnswerValue::List(items) => {
                put_count(b'q', items.len(), out);
                for item in items {
                    text(item, out);
                }
            }
            AnswerValue::Table(rows) => {
                put_count(b'q', rows.len(), out);
                for row in rows {
                    put_count(b'm', row.len(), out);
                    for (key, cell) in row {
                        text(key, out);
                        match cell {
                            Cell::Text(s) => text(s, out),
                            Cell::Integer(n) => number(b'i', n, out),
                            Cell::Decimal(x) => number(b'f', Number::from(*x), out),
                        }
                    }
                }
            }
        }
    }

    /// Appends `value`; `false` when it holds a tagged value (written as YAML instead).
    pub fn encode(value: &Value, out: &mut Vec<u8>) -> bool {
        match value {
            Value::Null => out.push(b'n'),
            Value::Bool(true) => out.push(b't'),
            Value::Bool(false) => out.push(b'u'),
            Value::Number(n) => number(if n.is_f64() { b'f' } else { b'i' }, n, out),
            Value::String(s) => text(s, out),
            Value::Sequence(items) => {
                put_count(b'q', items.len(), out);
                return items.iter().all(|item| encode(item, out));
            }
            Value::Mapping(map) => {
                put_count(b'm', map.len(), out);
                return map.iter().all(|(k, v)| encode(k, out) && encode(v, out));
            }
            Value::Tagged(_) => return false,
        }
        true
    }

    /// A count and what follows its colon.
    fn counted(rest: &[u8]) -> Option<(usize, &[u8])> {
        let colon = rest.iter().take(24).position(|b| *b == b':')?;
        let n = std::str::from_utf8(&rest[..colon]).ok()?.parse().ok()?;
        Some((n, &rest[colon + 1..]))
    }

    /// Reads one value from the start of `bytes`; the value and what follows.
    pub fn decode(bytes: &[u8]) -> Option<(Value, &[u8])> {
        let (&tag, rest) = bytes.split_first()?;
        Some(match tag {
            b'n' => (Value::Null, rest),
            b't' => (Value::Bool(true), rest),
            b'u' => (Value::Bool(false), rest),
            b's' | b'i' | b'f' => {
                let (len, rest) = counted(rest)?;
                let text = std::str::from_utf8(rest.get(..len)?).ok()?;
                let value = match tag {
                    b's' => Value::String(text.to_owned()),
                    b'i' => Value::Number(
                        text.parse::<i64>()
                            .map(Number::from)
                            .or_else(|_| text.parse::<u64>().map(Number::from))
                            .ok()?,
                    ),
                    _ => Value::Number(Number::from(text.parse::<f64>().ok()?)),
                };
                (value, &rest[len..])
            }
            b'q' => {
                let (n, mut rest) = counted(rest)?;
                let mut items = Vec::with_capacity(n.min(4096));
                for _ in 0..n {
                    let (item, next) = decode(rest)?;
                    items.push(item);
                    rest = next;
                }
                (Value::Sequence(items), rest)
            }
            b'm' => {
                let (n, mut rest) = counted(rest)?;
                let mut map = Mapping::new();
                for _ in 0..n {
                    let (k, next) = decode(rest)?;
                    let (v, next) = decode(next)?;
                    map.insert(k, v);
                    rest = next;
                }
                (Value::Mapping(map), rest)
            }
            _ => return None,
        })
    }
}

/// What replaying a journal did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Replay {
    /// Records applied.
    pub applied: usize,
    /// Answers (not positions) they changed.
    pub answers: usize,
    /// Bytes at the end that were not a whole record (the program died while writing it).
    pub torn: usize,
}

/// Applies the records of `bytes` to `answers`, in order. Stops at the first record that is
/// not whole (its length or checksum does not match) and counts what it skipped.
pub fn replay(bytes: &[u8], answers: &mut Answers, q: &Questionnaire) -> Replay {
    let mut out = Replay::default();
    let mut changed = std::collections::HashSet::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let Some((op, id, data, next)) = decode(rest) else {
            out.torn = rest.len();
            break;
        };
        rest = next;
        out.applied += 1;
        // A change the official made is a review of that answer too.
        if op != b'p' {
            answers.unreviewed.shift_remove(id);
        }
        match op {
            b'p' => answers.position = Some(id.to_owned()),
            b'v' => {}
            b'r' => {
                answers.remove(id);
                answers.forget_kept(id);
                changed.insert(id.to_owned());
            }
            b't' => {
                let text = String::from_utf8_lossy(data).into_owned();
                persist::apply_raw(answers, q, id, serde_yaml::Value::String(text));
                changed.insert(id.to_owned());
            }
            b'c' => {
                let raw = compact::decode(data)
                    .filter(|(_, rest)| rest.is_empty())
                    .map_or(serde_yaml::Value::Null, |(v, _)| v);
                persist::apply_raw(answers, q, id, raw);
                changed.insert(id.to_owned());
            }
            _ => {
                let raw = std::str::from_utf8(data)
                    .ok()
                    .and_then(persist::yaml_value)
                    .unwrap_or(serde_yaml::Value::Null);
                persist::apply_raw(answers, q, id, raw);
                changed.insert(id.to_owned());
            }
        }
    }
    out.answers = changed.len();
    out
}

/// How many bytes at the start of `bytes` are whole records.
fn whole_records(bytes: &[u8]) -> usize {
    let mut rest = bytes;
    while let Some((_, _, _, next)) = decode(rest) {
        rest = next;
    }
    bytes.len() - rest.len()
}

/// One whole record at the start of `bytes`: (op, id, data, what follows), or `None` when
/// the record is torn or damaged.
fn decode(bytes: &[u8]) -> Option<(u8, &str, &[u8], &[u8])> {
    let header_end = bytes.iter().take(40).position(|b| *b == b'\n')?;
    let header = std::str::from_utf8(&bytes[..header_end]).ok()?;
    let mut parts = header.split(' ');
    if parts.next()? != "bj" {
        return None;
    }
    let crc = u32::from_str_radix(parts.next()?, 16).ok()?;
    let len: usize = parts.next()?.parse().ok()?;
    let start = header_end + 1;
    let end = start.checked_add(len)?;
    if bytes.len() < end + 1 || bytes[end] != b'\n' {
        return None;
    }
    let payload = &bytes[start..end];
    if crc32fast::hash(payload) != crc {
        return None;
    }
    let (&op, rest) = payload.split_first()?;
    let nul = rest.iter().position(|b| *b == 0)?;
    let id = std::str::from_utf8(&rest[..nul]).ok()?;
    Some((op, id, &rest[nul + 1..], &bytes[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> Questionnaire {
        crate::questionnaire::builtin().expect("the built-in questionnaire")
    }

    #[test]
    fn records_replay_in_order_and_twice_is_once() {
        let q = q();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".a.journal");
        let mut j = Journal::open(&path).unwrap();
        j.append("ten_xa", Entry::Value(&AnswerValue::Text("Ba".into())))
            .unwrap();
        j.append(
            "ten_xa",
            Entry::Value(&AnswerValue::Text("Ba Dinh\nx".into())),
        )
        .unwrap();
        j.append(
            "noi_nhan",
            Entry::Value(&AnswerValue::List(vec!["A;".into(), "B".into()])),
        )
        .unwrap();
        j.append("ten_xa", Entry::Position).unwrap();
        j.append("tinh", Entry::Value(&AnswerValue::Text("x".into())))
            .unwrap();
        j.append("tinh", Entry::Removed).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(bytes.len() as u64, j.len());
        let mut a = Answers::new();
        let r = replay(&bytes, &mut a, &q);
        assert_eq!(
            r,
            Replay {
                applied: 6,
                answers: 3,
                torn: 0
            }
        );
        assert_eq!(
            a.get("ten_xa"),
            Some(&AnswerValue::Text("Ba Dinh\nx".into()))
        );
        assert_eq!(
            a.get("noi_nhan"),
            Some(&AnswerValue::List(vec!["A;".into(), "B".into()]))
        );
        assert_eq!(a.get("tinh"), None);
        assert_eq!(a.position.as_deref(), Some("ten_xa"));
        let once = a.clone();
        replay(&bytes, &mut a, &q);
        assert_eq!(a, once);
    }

    #[test]
    fn a_torn_or_damaged_record_and_what_follows_are_skipped() {
        let q = q();
        let mut whole = Vec::new();
        let mut buf = Vec::new();
        encode(
            &mut buf,
            "ten_xa",
            Entry::Value(&AnswerValue::Text("An Phú".into())),
        );
        whole.extend_from_slice(&buf);
        encode(
            &mut buf,
            "tinh",
            Entry::Value(&AnswerValue::Text("Đồng Tháp".into())),
        );
        let second = buf.clone();
        // Cut anywhere inside the second record: the first survives, the rest is counted.
        for cut in 0..second.len() {
            let mut bytes = whole.clone();
            bytes.extend_from_slice(&second[..cut]);
            let mut a = Answers::new();
            let r = replay(&bytes, &mut a, &q);
            assert_eq!(r.applied, 1, "cut at {cut}");
            assert_eq!(r.torn, cut);
            assert_eq!(a.get("ten_xa"), Some(&AnswerValue::Text("An Phú".into())));
            assert_eq!(a.get("tinh"), None);
        }
        // A flipped byte in the payload fails the checksum.
        let mut bytes = whole.clone();
        bytes.extend_from_slice(&second);
        let last = bytes.len() - 3;
        bytes[last] ^= 0x20;
        let mut a = Answers::new();
        assert_eq!(replay(&bytes, &mut a, &q).applied, 1);
    }

    #[test]
    fn a_value_that_no_longer_fits_is_kept_not_dropped() {
        let q = q();
        let mut buf = Vec::new();
        // `nam_cuoi`-like integer questions refuse text; the journal keeps what was typed.
        let id = q
            .questions
            .iter()
            .find(|x| matches!(x.kind, crate::questionnaire::QuestionKind::Integer))
            .map(|x| x.id.clone())
            .expect("an integer question");
        let raw = serde_yaml::Value::String("mười".into());
        encode(&mut buf, &id, Entry::Kept(&raw));
        let mut a = Answers::new();
        replay(&buf, &mut a, &q);
        assert_eq!(a.get(&id), None);
        assert_eq!(
            a.kept().map(|(k, _)| k).collect::<Vec<_>>(),
            vec![id.as_str()]
        );
    }

    #[test]
    fn the_compact_form_gives_back_every_kind_of_answer() {
        use crate::answers::value::Cell;
        let mut row = crate::answers::Row::new();
        row.insert("ten".into(), Cell::Text("Tết: 2025 \n x".into()));
        row.insert("so".into(), Cell::Integer(-12));
        row.insert("tien".into(), Cell::Decimal(2.5));
        for value in [
            AnswerValue::Text(String::new()),
            AnswerValue::Integer(i64::MAX),
            AnswerValue::Decimal(0.1),
            AnswerValue::Bool(false),
            AnswerValue::List(vec!["a:b".into(), "3:".into(), String::new()]),
            AnswerValue::Table(vec![row.clone(), row]),
        ] {
            let raw = persist::raw_of(&value);
            let mut out = Vec::new();
            assert!(compact::encode(&raw, &mut out));
            // The answer's own encoder writes what the value's would.
            let mut direct = Vec::new();
            compact::encode_answer(&value, &mut direct);
            assert_eq!(direct, out, "{value:?}");
            let (back, rest) = compact::decode(&out).expect("decodes");
            assert!(rest.is_empty());
            assert_eq!(back, raw, "{value:?}");
        }
        // Damaged or cut input decodes to nothing, never to something else.
        let mut out = Vec::new();
        compact::encode(&serde_yaml::Value::String("abc".into()), &mut out);
        assert!(compact::decode(&out[..out.len() - 1]).is_none());
        assert!(compact::decode(b"x").is_none());
    }

    #[test]
    fn the_journal_sits_hidden_beside_the_answers() {
        assert_eq!(
            path_for(Path::new("/x/ba-dinh.answers.yaml")),
            PathBuf::from("/x/.ba-dinh.answers.yaml.journal")
        );
    }
}
