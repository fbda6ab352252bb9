//! The plain mode's `:xong`: the report written as .txt and .docx beside the answers file.
//!
//! Owns: the export's file name (typed, or the default one) and paths (as the official would
//! type them: no `./` for the current folder), the files that exist already (asked `[c/K]` at
//! a keyboard; never overwritten when the input is a pipe or a file, whose next line is no
//! reply), writing them atomically, and what is said after: the files, what is still missing
//! or wrong (the core's problems, numbered as `:đến` takes them), and how to leave.
//!
//! Must not: build the report or decide what is missing (the core's `flow::Evaluation` has
//! both), lay it out (`report::encode` does), or read input other than through the session.

use std::collections::HashSet;
use std::io::{BufRead, Write};
use std::path::PathBuf;

use super::{Session, Step, reply};
use crate::answers::typed::Typed;
use crate::answers::{AnswerValue, KeptReason};
use crate::files;
use crate::messages::{self, plain as words};
use crate::report::{self, BodySize, FileFormat, Problem};

/// At most this many unfinished questions are listed; the rest are counted.
const LISTED: usize = 10;

impl<W: Write> Session<W> {
    /// `:xong`: the report written as .txt and .docx beside the answers file (asking before
    /// replacing a file at a keyboard, never from a pipe); `Step::End` when the input ended
    /// while asking.
    pub(super) fn export(&mut self, name: Option<&str>, input: &mut impl BufRead) -> Step {
        let planned = match self.planned(name) {
            Ok(planned) => planned,
            Err(message) => {
                self.say(&message);
                return Step::Stay;
            }
        };
        let existing: Vec<String> = planned
            .iter()
            .filter(|(path, _)| path.exists())
            .map(|(path, _)| files::shown(path))
            .collect();
        if !existing.is_empty() {
            let existing = existing.join(", ");
            if !self.terminal {
                self.say(&words::export_exists_piped(&existing));
                return Step::Stay;
            }
            self.say(&words::export_overwrite(&existing));
            let Some(line) = self.read_line(input) else {
                self.say(words::EXPORT_NOT_OVERWRITTEN);
                return Step::End;
            };
            if !matches!(
                reply::yes_no(&line),
                Ok(Typed::Answer(AnswerValue::Bool(true)))
            ) {
                self.say(words::EXPORT_NOT_OVERWRITTEN);
                return Step::Stay;
            }
        }
        let mut written = Vec::new();
        for (path, bytes) in &planned {
            if let Err(e) = files::write_atomic(path, bytes) {
                let message = words::export_failed(&files::shown(path), &messages::io_detail(&e));
                self.say(&message);
                return Step::Stay;
            }
            written.push(files::shown(path));
        }
        self.say(&words::exported(&written.join(", ")));
        if let Some(unfinished) = self.unfinished() {
            self.say(&unfinished);
        }
        self.say(if cfg!(windows) {
            words::LEAVE_WINDOWS
        } else {
            words::LEAVE
        });
        Step::Stay
    }

    /// The files to write, each with its bytes; or what to say when there is no report or
    /// the name cannot be a file's.
    fn planned(&self, name: Option<&str>) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
        let doc = match &self.eval.document {
            Ok(doc) => doc,
            Err(err) => return Err(words::report_failed(&err.to_string())),
        };
        let issuer = doc.frame.issuer.last().cloned().unwrap_or_default();
        let typed = name.map_or_else(
            || report::default_file_name(&self.q.id, &issuer),
            str::to_owned,
        );
        let Ok(name) = report::base_name(&typed) else {
            return Err(words::refused(words::EXPORT_BAD_NAME));
        };
        // Beside the answers file, in its folder as typed; in the current folder, the bare
        // name (as the official would type it, never "./name.txt").
        let folder = self
            .answers_path
            .parent()
            .unwrap_or(std::path::Path::new(""));
        Ok([FileFormat::Text, FileFormat::Word]
            .into_iter()
            .map(|format| {
                let path = folder.join(format!("{name}.{}", format.extension()));
                (path, report::encode(format, doc, true, BodySize::default()))
            })
            .collect())
    }

    /// What is still missing or wrong, as the wizard's review lists it (the core's problems
    /// and the answers kept aside because they do not fit), each question numbered as `:đến`
    /// takes it; `None` when nothing is.
    fn unfinished(&self) -> Option<String> {
        let eval = &self.eval;
        let invalid = crate::flow::invalid_ids(eval, &self.answers);
        let missing: HashSet<&str> = eval
            .problems
            .iter()
            .filter_map(|p| match p {
                Problem::Missing { id, .. } => Some(id.as_str()),
                _ => None,
            })
            .collect();
        let (mut n_missing, mut n_invalid) = (0, 0);
        let mut rows = Vec::new();
        for (k, &i) in eval.visible().iter().enumerate() {
            let question = &self.q.questions[i];
            let id = question.id.as_str();
            let ask = eval.text(&self.q, &question.ask);
            let ask = ask.trim();
            if invalid.contains(id) {
                n_invalid += 1;
                rows.push(words::unfinished_invalid(k + 1, ask, &self.reason(id)));
            } else if missing.contains(id) {
                n_missing += 1;
                rows.push(words::unfinished_missing(k + 1, ask));
            }
        }
        let conditions: Vec<String> = eval
            .problems
            .iter()
            .filter_map(|p| match p {
                Problem::Condition { line, detail } => {
                    Some(messages::ui::review_condition(*line, detail))
                }
                _ => None,
            })
            .collect();
        if rows.is_empty() && conditions.is_empty() {
            return None;
        }
        let mut lines = vec![words::unfinished_head(n_missing, n_invalid)];
        let more = rows.len().saturating_sub(LISTED);
        lines.extend(rows.into_iter().take(LISTED).map(|r| format!("  {r}")));
        if more > 0 {
            lines.push(format!("  {}", words::unfinished_more(more)));
        }
        lines.extend(conditions);
        Some(lines.join("\n"))
    }

    /// Why question `id`'s answer does not fit: its check's first message, or why it was kept
    /// aside when the file was read.
    fn reason(&self, id: &str) -> String {
        if let Some(message) = self.eval.messages_for(id).first() {
            return (*message).to_owned();
        }
        match self.answers.kept_of(id).map(|kept| &kept.reason) {
            Some(KeptReason::Invalid { reason }) => reason.clone(),
            _ => String::new(),
        }
    }
}
