//! The plain mode (`baocao run --plain`): the questionnaire asked one question at a time on
//! ordinary lines, for screen readers, consoles that cannot show the full screen, poor links,
//! and input from a pipe.
//!
//! Owns: the loop — each question that applies printed as text (`ask`), one line read (or,
//! for a paragraph or a list, lines up to an empty one; a table cell by cell, `table`), read
//! as a line command or an answer (`reply`), the answer checked (`answers::check`) and
//! stored, or refused with a Vietnamese message and asked again (a line holding an arrow
//! key's escape sequence or another control character is refused before it is read); the
//! line commands (back, next, jump, the list of questions, clear, add, suggestions, show the
//! report, finish, quit, help), on any line of a paragraph or a list too. It starts where
//! the answers file's `position` says and records the question asked there, as the wizard
//! does. Every change goes through the same core as the wizard's: `flow::Evaluation` decides
//! what applies, `answers::unsaved::Unsaved` what is not on disk yet, each change is handed to
//! the session's journal and then saved atomically (`session::save`), so `kill -9` loses
//! nothing; the end of input saves and quits.
//!
//! Must not: know terminals (no full-screen library, no raw mode), write an escape sequence
//! (every line printed is cleaned by `text::clean_text`), or decide anything the core decides
//! (what applies, how numbers and dates read, what is valid).

mod ask;
mod export;
mod list;
mod reply;
mod suggest;
mod table;
#[cfg(test)]
mod tests;

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::Instant;

use crate::answers::journal::Journal;
use crate::answers::typed::Typed;
use crate::answers::unsaved::{Change, Unsaved};
use crate::answers::{self, AnswerValue, Answers};
use crate::flow::{self, Evaluation, Sections};
use crate::messages::{self, plain as words};
use crate::questionnaire::{QuestionKind, Questionnaire};
use crate::report::{self, BodySize, FileFormat};
use crate::session;
use reply::{Command, Line};

/// Asks the questionnaire on stdin and stdout until the input ends; answers are on disk when
/// it returns `Ok`, and the error says where they are kept when the last save failed.
pub fn run(
    q: Questionnaire,
    answers: Answers,
    answers_path: PathBuf,
    opened: session::Opened,
) -> Result<(), String> {
    let input = std::io::stdin().lock();
    let out = std::io::stdout().lock();
    let mut session = Session::new(q, answers, answers_path, opened, out);
    session.terminal = std::io::IsTerminal::is_terminal(&std::io::stdin());
    session.drive(input)
}

/// How the further lines of a paragraph or a list ended.
enum More {
    /// An empty line: the answer is done.
    Blank,
    /// A command line, run once the lines typed so far are kept.
    Command(Command),
    /// The end of input: the lines typed so far are kept and the session ends.
    End,
}

/// Where the loop goes after a line.
enum Step {
    /// The input ended.
    End,
    /// Ask this question again.
    Stay,
    /// To the first question that applies at or after this index.
    Go(usize),
}

/// One plain-mode session: the answers, what applies, and the session's files.
struct Session<W: Write> {
    q: Questionnaire,
    answers: Answers,
    eval: Evaluation,
    sections: Sections,
    answers_path: PathBuf,
    right: Option<session::WriteRight>,
    journal: Option<Journal>,
    unsaved: Unsaved,
    /// The last save's failure, said again when the session ends.
    failed: Option<String>,
    /// Whether the input is a keyboard (a question may be asked) rather than a pipe or a file.
    terminal: bool,
    out: W,
}

impl<W: Write> Session<W> {
    fn new(
        q: Questionnaire,
        answers: Answers,
        answers_path: PathBuf,
        opened: session::Opened,
        out: W,
    ) -> Self {
        let eval = Evaluation::new(&q, &answers);
        let sections = Sections::new(&q);
        let mut session = Session {
            q,
            answers,
            eval,
            sections,
            answers_path,
            right: opened.write,
            journal: opened.journal,
            unsaved: Unsaved::new(),
            failed: None,
            terminal: false,
            out,
        };
        let file = crate::files::shown(&session.answers_path);
        session.say(&words::intro(&file, session.right.is_none()));
        if let Some(message) = opened.message {
            session.say(&message);
        }
        if opened.recovered && session.right.is_some() {
            session.unsaved.changed(Change::Recovered, Instant::now());
            session.save();
        }
        session
    }

    /// Prints a text (each line cleaned: no control character reaches the output).
    fn say(&mut self, text: &str) {
        let _ = writeln!(self.out, "{}", crate::text::clean_text(text));
    }

    /// The next line of input, without its line break, cleaned and NFC-normalised as the
    /// wizard stores typing; `None` at the end of input (or when it cannot be read).
    /// A line holding an arrow key's escape sequence or another control character is
    /// refused and read again.
    fn read_line(&mut self, input: &mut impl BufRead) -> Option<String> {
        loop {
            let _ = write!(self.out, "> ");
            let _ = self.out.flush();
            let mut bytes = Vec::new();
            match input.read_until(b'\n', &mut bytes) {
                Ok(0) | Err(_) => {
                    let _ = writeln!(self.out);
                    return None;
                }
                Ok(_) => {
                    let line = String::from_utf8_lossy(&bytes);
                    let line = line.trim_end_matches(['\n', '\r']);
                    if reply::has_control(line) {
                        self.say(words::CONTROL_KEYS);
                        continue;
                    }
                    return Some(crate::text::clean_typed(line, false));
                }
            }
        }
    }

    /// The loop: every question that applies, in order, until the input ends.
    fn drive(mut self, mut input: impl BufRead) -> Result<(), String> {
        let mut at = self.resume_at();
        let mut count = None;
        loop {
            let visible = self.eval.visible();
            // An answer that made questions apply or stop applying moves the numbers after it
            // (the ones `:đến` takes and a list printed earlier showed): said once.
            if let Some(before) = count.replace(visible.len())
                && before != visible.len()
            {
                self.say(&words::questions_changed(before, visible.len()));
            }
            let step = match visible.iter().position(|&v| v >= at) {
                Some(k) => self.ask(&visible, k, &mut input),
                None => self.after_last(&visible, &mut input),
            };
            match step {
                Step::End => break,
                Step::Stay => {}
                Step::Go(to) => at = to,
            }
        }
        self.end()
    }

    /// Where the answers file says the official was, when that question (or one after it)
    /// still applies: said, and the index to start at; else the first question.
    fn resume_at(&mut self) -> usize {
        let visible = self.eval.visible();
        let wanted = self
            .answers
            .position
            .as_deref()
            .and_then(|id| self.q.index_of(id));
        let Some(i) = flow::resume_at(&visible, wanted) else {
            return 0;
        };
        match visible.iter().position(|&v| v == i) {
            Some(k) if k > 0 => {
                self.say(&words::resuming(k + 1, visible.len()));
                i
            }
            _ => 0,
        }
    }

    /// Past the last question: commands, until an empty line or the end of input.
    fn after_last(&mut self, visible: &[usize], input: &mut impl BufRead) -> Step {
        self.say(words::END_OF_QUESTIONS);
        let Some(line) = self.read_line(input) else {
            return Step::End;
        };
        match reply::classify(&line) {
            Line::Empty => Step::End,
            Line::Command(command) => self.command(command, None, visible, input),
            Line::Unknown(typed) => {
                self.say(&words::unknown_command(&typed));
                Step::Stay
            }
            Line::Text(_) => {
                self.say(words::NOT_A_COMMAND_HERE);
                Step::Stay
            }
        }
    }

    /// Asks the `k`-th question that applies and reads the reply.
    fn ask(&mut self, visible: &[usize], k: usize, input: &mut impl BufRead) -> Step {
        let i = visible[k];
        self.note_position(i);
        let text = ask::lines(
            &self.q,
            &self.eval,
            &self.sections,
            &self.answers,
            (i, k + 1, visible.len()),
        )
        .join("\n");
        self.say(&text);
        let kind = self.q.questions[i].kind.clone();
        if let QuestionKind::Table(spec) = &kind {
            return self.ask_table(i, spec, visible, input);
        }
        let Some(first) = self.read_line(input) else {
            return Step::End;
        };
        let several = reply::several_lines(&kind);
        let (mut lines, adding) = match reply::classify(&first) {
            Line::Empty => return Step::Go(i + 1),
            Line::Command(Command::Add) if several => {
                self.say(words::ADDING);
                (Vec::new(), true)
            }
            Line::Command(Command::Add) => {
                self.say(words::ADD_NOT_HERE);
                return Step::Stay;
            }
            Line::Command(command) => return self.command(command, Some(i), visible, input),
            Line::Unknown(typed) => {
                self.say(&words::unknown_command(&typed));
                return Step::Stay;
            }
            Line::Text(text) => (vec![text], false),
        };
        if self.right.is_none() {
            self.say(words::READ_ONLY);
            return Step::Stay;
        }
        // A paragraph or a list: up to an empty line, a command (run once the lines typed so
        // far are kept) or the end of input (which ends the session after it).
        let then = if several {
            self.read_more(input, &mut lines)
        } else {
            More::Blank
        };
        if adding {
            if lines.is_empty() {
                return if matches!(then, More::End) {
                    Step::End
                } else {
                    Step::Stay
                };
            }
            lines.splice(0..0, self.answer_lines(i));
        }
        if !self.answer(i, &kind, &lines) {
            return Step::Stay;
        }
        match then {
            More::Command(command) => self.command(command, Some(i), visible, input),
            More::Blank => Step::Go(i + 1),
            // Ctrl+D (Ctrl+Z on Windows) at a terminal ends the input once: the lines typed
            // are kept and the session ends, as the message after an export says.
            More::End => Step::End,
        }
    }

    /// The further lines of a paragraph or a list, up to an empty line, a command line
    /// (returned to be run once the answer is kept) or the end of input.
    fn read_more(&mut self, input: &mut impl BufRead, lines: &mut Vec<String>) -> More {
        while let Some(line) = self.read_line(input) {
            match reply::classify(&line) {
                Line::Empty => return More::Blank,
                Line::Command(command) => return More::Command(command),
                Line::Unknown(typed) => self.say(&words::unknown_command(&typed)),
                Line::Text(text) => lines.push(text),
            }
        }
        More::End
    }

    /// The current answer of paragraph or list `i` as the lines that would type it.
    fn answer_lines(&self, i: usize) -> Vec<String> {
        match self.answers.get(&self.q.questions[i].id) {
            Some(AnswerValue::List(items)) => items.clone(),
            Some(AnswerValue::Text(s)) if !s.trim().is_empty() => {
                s.lines().map(str::to_owned).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The typed lines read as question `i`'s answer, checked and stored; `false` (said)
    /// when they are refused.
    fn answer(&mut self, i: usize, kind: &QuestionKind, lines: &[String]) -> bool {
        match reply::parse(kind, lines) {
            Err(reason) => {
                self.say(&words::refused(&reason));
                false
            }
            Ok(Typed::Answer(value)) => {
                let problems = answers::check::check(&self.q.questions[i], &value);
                if problems.is_empty() {
                    self.set(i, Some(value));
                    true
                } else {
                    self.say(&words::refused(&problems.join(" ")));
                    false
                }
            }
            Ok(_) => true,
        }
    }

    /// A line command at question `here` (none past the last question).
    fn command(
        &mut self,
        command: Command,
        here: Option<usize>,
        visible: &[usize],
        input: &mut impl BufRead,
    ) -> Step {
        match command {
            Command::Back => {
                let before = visible.iter().rev().find(|&&v| here.is_none_or(|h| v < h));
                if let Some(&v) = before {
                    Step::Go(v)
                } else {
                    self.say(words::NO_PREVIOUS);
                    Step::Stay
                }
            }
            Command::Next => match here {
                Some(i) => Step::Go(i + 1),
                None => Step::Stay,
            },
            Command::Jump(Some(target)) => self.jump(&target, visible),
            Command::Jump(None) => {
                self.say(words::JUMP_NEEDS_TARGET);
                Step::Stay
            }
            Command::List => {
                let lines = list::lines(
                    &self.q,
                    &self.eval,
                    &self.sections,
                    &self.answers,
                    visible,
                    here,
                );
                self.say(&lines.join("\n"));
                Step::Stay
            }
            Command::Add => {
                self.say(words::ADD_NOT_HERE);
                Step::Stay
            }
            Command::Quit => Step::End,
            Command::Clear => match here {
                Some(i) => {
                    self.set(i, None);
                    self.say(words::ANSWER_CLEARED);
                    Step::Stay
                }
                None => Step::Stay,
            },
            Command::Show => {
                match &self.eval.document {
                    Ok(doc) => {
                        let bytes =
                            report::encode(FileFormat::Text, doc, true, BodySize::default());
                        self.say(&String::from_utf8_lossy(&bytes));
                    }
                    Err(err) => {
                        let message = words::report_failed(&err.to_string());
                        self.say(&message);
                    }
                }
                Step::Stay
            }
            Command::Finish(name) => self.export(name.as_deref(), input),
            Command::Suggest(pick) => {
                if let Some(i) = here {
                    self.suggest(i, pick.as_deref());
                }
                Step::Stay
            }
            Command::Help => {
                self.say(words::HELP);
                Step::Stay
            }
        }
    }

    /// `:đến`: a number among the questions that apply, or a question's id.
    fn jump(&mut self, target: &str, visible: &[usize]) -> Step {
        if let Ok(n) = target.parse::<usize>() {
            if let Some(&i) = n.checked_sub(1).and_then(|k| visible.get(k)) {
                return Step::Go(i);
            }
        } else if let Some(i) = self.q.index_of(target) {
            if visible.contains(&i) {
                return Step::Go(i);
            }
            self.say(&words::question_not_applying(target));
            return Step::Stay;
        }
        self.say(&words::no_such_question(target, visible.len()));
        Step::Stay
    }

    /// Stores question `i`'s answer (`None`: removed), journals it and saves.
    fn set(&mut self, i: usize, value: Option<AnswerValue>) {
        if self.right.is_none() {
            self.say(words::READ_ONLY);
            return;
        }
        let question = &self.q.questions[i];
        let id = question.id.clone();
        // Answering a carried-over answer is reviewing it.
        self.answers.unreviewed.shift_remove(&id);
        self.answers.forget_kept(&id);
        match value {
            Some(v) => self.answers.set(id.clone(), v),
            // Clearing a default must stick (as in the wizard): an empty answer is stored,
            // which the report reads as "nothing" rather than the default.
            None => match (&question.default, &question.kind) {
                (Some(_), QuestionKind::Choices { .. }) => {
                    self.answers
                        .set(id.clone(), AnswerValue::Choices(Vec::new()));
                }
                (Some(_), QuestionKind::List) => {
                    self.answers.set(id.clone(), AnswerValue::List(Vec::new()));
                }
                _ => {
                    self.answers.remove(&id);
                }
            },
        }
        self.answers.position = Some(id.clone());
        let now = Instant::now();
        self.unsaved.changed(Change::Answer(id), now);
        self.unsaved.changed(Change::Position, now);
        self.eval = Evaluation::new(&self.q, &self.answers);
        self.save();
    }

    /// Question `i` is being asked: where the official is, as the wizard records it, so
    /// either front end resumes there; journaled at once, saved with the next save.
    fn note_position(&mut self, i: usize) {
        let id = &self.q.questions[i].id;
        if self.right.is_none() || self.answers.position.as_deref() == Some(id.as_str()) {
            return;
        }
        self.answers.position = Some(id.clone());
        self.unsaved.changed(Change::Position, Instant::now());
        if let Some(e) = self.journal_pending() {
            self.say(&messages::ui::journal_failed(&messages::io_detail(&e)));
        }
    }

    /// Hands what changed to the journal; the first error, if any.
    fn journal_pending(&mut self) -> Option<std::io::Error> {
        let pending = self.unsaved.drain();
        let mut journal_error = None;
        if let Some(j) = self.journal.as_mut() {
            pending.entries(&self.answers, |id, entry| {
                if let Err(e) = j.append(id, entry) {
                    journal_error.get_or_insert(e);
                }
            });
        }
        journal_error
    }

    /// Hands what changed to the journal, then saves the answers file (atomically; into the
    /// copy in a data folder when its disk refuses).
    fn save(&mut self) {
        if self.right.is_none() {
            return;
        }
        let journal_error = self.journal_pending();
        let Some(right) = &self.right else {
            return;
        };
        if !self.unsaved.is_unsaved() {
            return;
        }
        self.unsaved.save_started();
        let result = session::save(right, &self.answers, &self.q);
        self.unsaved.save_finished(result.is_ok(), Instant::now());
        let message = match result {
            Ok(()) => {
                self.failed = None;
                if let Some(j) = self.journal.as_mut()
                    && session::retire_older_journals(right, Some(j.path()))
                    && !j.is_empty()
                {
                    let _ = j.truncate();
                }
                journal_error.map(|e| messages::ui::journal_failed(&messages::io_detail(&e)))
            }
            Err(failed) => {
                let file = crate::files::shown(&self.answers_path);
                let detail = messages::io_detail(&failed.error);
                let message = match failed.kept {
                    Some(copy) => {
                        messages::ui::save_error_kept(&file, &detail, &crate::files::shown(&copy))
                    }
                    None => messages::ui::save_error(&file, &detail),
                };
                self.failed = Some(message.clone());
                Some(words::save_failed(&message))
            }
        };
        if let Some(message) = message {
            self.say(&message);
        }
    }

    /// The end: what is not saved yet is saved, the journal closed and, once every older one
    /// is gone, removed.
    fn end(mut self) -> Result<(), String> {
        if self.unsaved.is_unsaved() {
            self.save();
        }
        let _ = self.out.flush();
        if let Some(message) = self.failed.take() {
            return Err(message);
        }
        if let (Some(right), Some(j)) = (&self.right, self.journal.take()) {
            session::close_journal(right, j);
        }
        Ok(())
    }
}
