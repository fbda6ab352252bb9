//! The answers of one questionnaire, in memory.
//!
//! Owns: [`Answers`] — typed values by question id, plus [`Kept`] entries: answers whose
//! question is gone (orphans) or whose value no longer fits the question. Kept entries are
//! written back unchanged on every save, so nothing the official typed is ever dropped.
//!
//! Must not: do I/O (that is `persist`), or decide what applies (that is `report`).

use indexmap::IndexMap;

use super::value::AnswerValue;

/// Why an answer is kept aside instead of used.
#[derive(Debug, Clone, PartialEq)]
pub enum KeptReason {
    /// No question has this id (and no `renames` entry leads to one); `suggestion` is a
    /// question id it may be a typo of.
    Orphan { suggestion: Option<String> },
    /// Saved under an old id (`renames`) while the new id `by` has its own answer.
    Superseded { by: String },
    /// The value does not fit the question; `reason` says why, in Vietnamese.
    Invalid { reason: String },
}

/// An answer kept as it was read, with the reason it is not used.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub raw: serde_yaml::Value,
    pub reason: KeptReason,
}

/// The answers to one questionnaire.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    /// The questionnaire id recorded in the file.
    pub questionnaire_id: Option<String>,
    /// The questionnaire version recorded in the file.
    pub questionnaire_version: Option<String>,
    /// The questionnaire content hash recorded in the file.
    pub questionnaire_hash: Option<String>,
    /// The question the official was on (for resuming).
    pub position: Option<String>,
    /// Answers carried over from an earlier period (`--from`) that the official has not yet
    /// looked at ("cần xem lại"); editing or confirming one takes it off.
    pub unreviewed: indexmap::IndexSet<String>,
    values: IndexMap<String, AnswerValue>,
    kept: IndexMap<String, Kept>,
    /// Where each answer was read from (line in the file), for messages; not saved.
    lines: std::collections::HashMap<String, usize>,
}

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// The answer to a question, if any.
    pub fn get(&self, id: &str) -> Option<&AnswerValue> {
        self.values.get(id)
    }

    /// Sets an answer; a kept (unusable) entry under the same id is replaced.
    pub fn set(&mut self, id: impl Into<String>, value: AnswerValue) {
        let id = id.into();
        self.kept.shift_remove(&id);
        self.values.insert(id, value);
    }

    /// Removes an answer, returning it.
    pub fn remove(&mut self, id: &str) -> Option<AnswerValue> {
        self.values.shift_remove(id)
    }

    /// Keeps an entry that cannot be used.
    pub fn keep(&mut self, id: impl Into<String>, kept: Kept) {
        self.kept.insert(id.into(), kept);
    }

    /// The kept entry of a question, if any.
    pub fn kept_of(&self, id: &str) -> Option<&Kept> {
        self.kept.get(id)
    }

    /// Drops a kept entry (the official cleared the answer it stood for).
    pub fn forget_kept(&mut self, id: &str) {
        self.kept.shift_remove(id);
    }

    /// All usable answers, in the order they were set or read.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &AnswerValue)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The line of the answers file an answer was read from, when it was read from one.
    pub fn line_of(&self, id: &str) -> Option<usize> {
        self.lines.get(id).copied()
    }

    /// Records where an answer was read from.
    pub fn set_line(&mut self, id: impl Into<String>, line: usize) {
        self.lines.insert(id.into(), line);
    }

    /// Entries kept aside (orphans and values that do not fit).
    pub fn kept(&self) -> impl Iterator<Item = (&str, &Kept)> {
        self.kept.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}
