//! What is not on disk yet: the bookkeeping between the answers in memory and the answers
//! file and its journal.
//!
//! Owns: [`Unsaved`] — the revision of the answers in memory and the newest one on disk, the
//! journal records still to append (which questions changed, which carried-over answers were
//! confirmed, whether the official moved), the save under way, when the next save falls due
//! ([`SAVE_DELAY`] after the first unsaved change, or at once), a failed save to retry, a batch
//! of typed keys (one journal hand-over and one save for the whole batch), and whether
//! quitting with a failed save was asked once. Its methods name what happened; the caller
//! does the writing. Together with `journal` this is the crash-safety promise: every change is
//! handed to the journal before the next save is started or the next frame drawn, and the
//! answers count as saved only up to the revision a finished save held.
//!
//! Must not: hold the answers, write files, read the clock (every time comes in as `now`), or
//! know about terminals.

use std::time::{Duration, Instant};

use super::journal;
use super::store::Answers;

/// How long after the first unsaved edit a save starts, at most.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);

/// What happened to the answers in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The answer to this question changed (or was removed): saved after a pause.
    Answer(String),
    /// The official confirmed this carried-over answer: saved after a pause.
    Reviewed(String),
    /// The official moved to another question: saved at once.
    Position,
    /// Answers were recovered from an earlier session's journal: saved at once (they are in
    /// that journal already, so nothing is journaled again).
    Recovered,
}

/// The journal records still to append, in the order they are to be written: each changed
/// question's whole answer (once, however often it changed), the confirmations, then the
/// question the official is on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pending {
    /// Questions whose answer changed, in the order they first changed.
    pub answers: Vec<String>,
    /// Carried-over answers confirmed, in order.
    pub reviewed: Vec<String>,
    /// The question the official is on changed.
    pub position: bool,
}

impl Pending {
    /// Whether there is nothing to journal.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.reviewed.is_empty() && !self.position
    }

    /// The journal records, in order, for `answers` as they stand: each changed question's
    /// whole answer (its kept raw value, or its removal), the confirmations, then the question
    /// the official is on.
    pub fn entries(&self, answers: &Answers, mut write: impl FnMut(&str, journal::Entry<'_>)) {
        for id in &self.answers {
            let entry = match (answers.get(id), answers.kept_of(id)) {
                (Some(value), _) => journal::Entry::Value(value),
                (None, Some(kept)) => journal::Entry::Kept(&kept.raw),
                (None, None) => journal::Entry::Removed,
            };
            write(id, entry);
        }
        for id in &self.reviewed {
            write(id, journal::Entry::Reviewed);
        }
        if self.position
            && let Some(position) = &answers.position
        {
            write(position, journal::Entry::Position);
        }
    }
}

/// When the next save falls due.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Due {
    /// No save is waiting (nothing changed since the last one started).
    #[default]
    Idle,
    /// [`SAVE_DELAY`] after this: the first change not yet in a save started (or a failed
    /// save, which starts the wait again).
    After(Instant),
    /// At once: leaving a field, Ctrl+S, a move, recovered answers.
    Now,
}

/// What is not on disk yet (see the module's documentation).
#[derive(Debug, Clone, Default)]
pub struct Unsaved {
    /// Counts changes: the answers in memory are at this revision.
    revision: u64,
    /// The newest revision a finished save held.
    saved: u64,
    /// When the next save falls due.
    due: Due,
    /// The revision the save under way holds.
    in_flight: Option<u64>,
    /// The last save failed, and no answer changed and no save started since.
    failed: bool,
    /// Quitting with a failed save was asked once.
    quit_asked: bool,
    /// Inside a batch of typed keys.
    batching: bool,
    /// Journal records not yet handed over.
    journal: Pending,
}

impl Unsaved {
    /// Nothing changed: everything is on disk (or nothing was ever read).
    pub fn new() -> Self {
        Self::default()
    }

    /// The revision of the answers in memory (changes with every change; caches key on it).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Something happened to the answers: it is journaled, and a save falls due.
    pub fn changed(&mut self, change: Change, now: Instant) {
        match change {
            Change::Answer(id) => {
                if !self.journal.answers.contains(&id) {
                    self.journal.answers.push(id);
                }
                self.failed = false;
            }
            Change::Reviewed(id) => {
                self.journal.reviewed.push(id);
                self.failed = false;
            }
            Change::Position => {
                // A move alone leaves a failure shown: nothing typed is newer than it.
                self.journal.position = true;
                self.due = Due::Now;
            }
            Change::Recovered => {
                self.failed = false;
                self.due = Due::Now;
            }
        }
        self.revision += 1;
        if self.due == Due::Idle {
            self.due = Due::After(now);
        }
    }

    /// Ctrl+S: a save at once; with nothing new and none under way, the file is written anyway,
    /// so Ctrl+S always leaves a file behind.
    pub fn save_asked(&mut self) {
        self.due = Due::Now;
        if self.revision == self.saved && self.in_flight.is_none() {
            self.revision += 1;
        }
    }

    /// The official left a field: what changed in it is saved at once.
    pub fn field_left(&mut self) {
        if self.revision != self.saved {
            self.due = Due::Now;
        }
    }

    /// Keys already typed arrive together: the batch is handed to the journal once and saved
    /// once, after [`Unsaved::batch_end`].
    pub fn batch_begin(&mut self) {
        self.batching = true;
    }

    /// The batch is over: its changes may be journaled and saved.
    pub fn batch_end(&mut self) {
        self.batching = false;
    }

    /// Inside a batch of typed keys.
    pub fn batching(&self) -> bool {
        self.batching
    }

    /// Whether a save should start now: something is newer than the disk, no save is under
    /// way, no batch is open, and a save was asked for or [`SAVE_DELAY`] has passed since the
    /// first unsaved change.
    pub fn poll(&self, now: Instant) -> bool {
        if self.batching || self.in_flight.is_some() || self.revision == self.saved {
            return false;
        }
        self.due_in(now) == Some(Duration::ZERO)
    }

    /// When the next save falls due, for the loop's wait; `None` when none is (nothing new, or
    /// a save under way).
    pub fn due_in(&self, now: Instant) -> Option<Duration> {
        if self.in_flight.is_some() || self.revision == self.saved {
            return None;
        }
        match self.due {
            Due::Idle => None,
            Due::After(t) => Some(SAVE_DELAY.saturating_sub(now.duration_since(t))),
            Due::Now => Some(Duration::ZERO),
        }
    }

    /// A save of the answers as they are now started; the revision it holds.
    pub fn save_started(&mut self) -> u64 {
        self.due = Due::Idle;
        self.in_flight = Some(self.revision);
        self.failed = false;
        self.revision
    }

    /// The save under way finished. When it wrote, the revision it held is on disk (not any
    /// change made meanwhile); when it failed, nothing more is on disk and the save is tried
    /// again [`SAVE_DELAY`] after `now`. Returns whether everything is on disk now.
    pub fn save_finished(&mut self, written: bool, now: Instant) -> bool {
        let revision = self.in_flight.take();
        if written {
            if let Some(r) = revision {
                self.saved = self.saved.max(r);
            }
            self.failed = false;
        } else {
            // Asked for at once meanwhile (a field left): tried again at once.
            if self.due != Due::Now {
                self.due = Due::After(now);
            }
            self.failed = true;
        }
        self.revision == self.saved
    }

    /// Whether anything is not on disk yet, or still being written.
    pub fn is_unsaved(&self) -> bool {
        self.revision != self.saved || self.in_flight.is_some()
    }

    /// Whether a save is under way.
    pub fn in_flight(&self) -> bool {
        self.in_flight.is_some()
    }

    /// The last save failed (and nothing newer was typed or tried since).
    pub fn failed(&self) -> bool {
        self.failed
    }

    /// The journal records not yet handed over.
    pub fn journal_pending(&self) -> &Pending {
        &self.journal
    }

    /// Takes the journal records to append; each is handed over once.
    pub fn drain(&mut self) -> Pending {
        std::mem::take(&mut self.journal)
    }

    /// The official asked to quit: `true` to quit now. With the last save failed, the first
    /// ask is refused (the caller says what quitting will do), the second goes.
    pub fn quit_requested(&mut self) -> bool {
        if self.failed && !self.quit_asked {
            self.quit_asked = true;
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(id: &str) -> Change {
        Change::Answer(id.to_owned())
    }

    #[test]
    fn nothing_changed_is_nothing_unsaved() {
        let u = Unsaved::new();
        let now = Instant::now();
        assert!(!u.is_unsaved());
        assert!(!u.poll(now + SAVE_DELAY * 4));
        assert_eq!(u.due_in(now), None);
        assert!(u.journal_pending().is_empty());
    }

    #[test]
    fn a_change_is_journaled_before_anything_else() {
        let mut u = Unsaved::new();
        let t0 = Instant::now();
        u.changed(answer("ten_xa"), t0);
        // Before any save is due, the change waits for the journal.
        assert!(!u.poll(t0), "typing waits for a pause");
        assert_eq!(u.journal_pending().answers, ["ten_xa"]);
        assert!(u.is_unsaved());
        // A save started does not take the journal's records: they are appended first.
        assert!(u.poll(t0 + SAVE_DELAY));
        u.save_started();
        assert_eq!(u.journal_pending().answers, ["ten_xa"]);
        let taken = u.drain();
        assert_eq!(taken.answers, ["ten_xa"]);
        assert!(u.drain().is_empty(), "each record is handed over once");
    }

    #[test]
    fn records_come_once_per_question_then_confirmations_then_the_move() {
        let mut u = Unsaved::new();
        let t0 = Instant::now();
        u.changed(answer("a"), t0);
        u.changed(answer("b"), t0);
        u.changed(answer("a"), t0);
        u.changed(Change::Reviewed("c".into()), t0);
        u.changed(Change::Position, t0);
        assert_eq!(
            u.drain(),
            Pending {
                answers: vec!["a".into(), "b".into()],
                reviewed: vec!["c".into()],
                position: true,
            }
        );
        assert_eq!(u.revision(), 5, "every change is a revision");
    }

    #[test]
    fn typing_saves_after_a_pause_and_a_move_or_leaving_a_field_at_once() {
        let mut u = Unsaved::new();
        let t0 = Instant::now();
        u.changed(answer("a"), t0);
        assert_eq!(u.due_in(t0), Some(SAVE_DELAY));
        // A later change does not push the save back.
        u.changed(answer("a"), t0 + SAVE_DELAY / 2);
        assert!(u.poll(t0 + SAVE_DELAY));
        u.field_left();
        assert!(u.poll(t0), "leaving the field saves at once");
        assert_eq!(u.due_in(t0), Some(Duration::ZERO));

        let mut moved = Unsaved::new();
        moved.changed(Change::Position, t0);
        assert!(moved.poll(t0));
        let mut recovered = Unsaved::new();
        recovered.changed(Change::Recovered, t0);
        assert!(recovered.poll(t0));
        assert!(
            recovered.drain().is_empty(),
            "recovered answers are journaled already"
        );
    }

    #[test]
    fn leaving_an_unchanged_field_saves_nothing() {
        let mut u = Unsaved::new();
        u.field_left();
        assert!(!u.poll(Instant::now()));
        assert!(!u.is_unsaved());
    }

    #[test]
    fn ctrl_s_writes_even_without_changes_but_not_twice_over_a_save_under_way() {
        let mut u = Unsaved::new();
        let t0 = Instant::now();
        u.save_asked();
        assert!(u.poll(t0), "Ctrl+S always writes");
        let r = u.save_started();
        u.save_asked();
        assert_eq!(u.revision(), r, "nothing new while one is under way");
        assert!(!u.poll(t0), "one save at a time");
        assert!(u.save_finished(true, t0));
        assert!(!u.poll(t0), "the save under way held everything");
    }

    #[test]
    fn a_save_that_finishes_after_a_newer_change_does_not_mark_it_saved() {
        let mut u = Unsaved::new();
        let t0 = Instant::now();
        u.changed(answer("a"), t0);
        u.field_left();
        let held = u.save_started();
        assert!(!u.poll(t0 + SAVE_DELAY * 4), "one save at a time");
        u.changed(answer("a"), t0);
        assert!(
            !u.save_finished(true, t0),
            "the newer change is not on disk"
        );
        assert!(u.is_unsaved());
        assert!(u.poll(t0 + SAVE_DELAY), "the newer change is saved next");
        let next = u.save_started();
        assert!(next > held);
        assert!(u.save_finished(true, t0));
        assert!(!u.is_unsaved());
        assert!(!u.poll(t0 + SAVE_DELAY * 4));
    }

    #[test]
    fn a_failed_save_keeps_the_answers_unsaved_and_is_tried_again() {
        let mut u = Unsaved::new();
        let t0 = Instant::now();
        u.changed(answer("a"), t0);
        u.save_asked();
        u.save_started();
        let t1 = t0 + SAVE_DELAY * 2;
        assert!(!u.save_finished(false, t1));
        assert!(u.failed());
        assert!(u.is_unsaved());
        assert!(!u.poll(t1), "not at once: the disk had just refused");
        assert!(u.poll(t1 + SAVE_DELAY), "tried again after a pause");
        u.save_started();
        assert!(!u.failed(), "a new attempt is under way");
        assert!(u.save_finished(true, t1));
        assert!(!u.is_unsaved());
    }

    #[test]
    fn a_field_left_while_a_save_fails_is_tried_again_at_once() {
        let mut u = Unsaved::new();
        let t0 = Instant::now();
        u.changed(answer("a"), t0);
        u.save_started();
        u.field_left();
        assert!(!u.poll(t0), "one save at a time");
        u.save_finished(false, t0);
        assert!(u.poll(t0), "leaving the field asked for a save at once");
    }

    #[test]
    fn quitting_waits_for_the_save_under_way() {
        let mut u = Unsaved::new();
        let t0 = Instant::now();
        u.changed(answer("a"), t0);
        u.field_left();
        u.save_started();
        assert!(u.quit_requested(), "nothing failed: quitting goes on");
        // The save under way is not on disk yet: the quitter must wait for its result.
        assert!(u.is_unsaved());
        assert!(u.in_flight());
        assert!(u.save_finished(true, t0));
        assert!(!u.is_unsaved(), "once it wrote, nothing is left to save");
    }

    #[test]
    fn a_change_made_while_quitting_waits_is_saved_last() {
        let mut u = Unsaved::new();
        let t0 = Instant::now();
        u.changed(answer("a"), t0);
        u.save_started();
        u.changed(answer("b"), t0);
        u.save_finished(true, t0);
        assert!(u.is_unsaved(), "the last change still needs the final save");
        u.save_started();
        assert!(u.save_finished(true, t0));
    }

    #[test]
    fn quitting_after_a_failed_save_is_asked_once() {
        let mut u = Unsaved::new();
        let t0 = Instant::now();
        u.changed(answer("a"), t0);
        u.save_started();
        u.save_finished(false, t0);
        assert!(!u.quit_requested(), "the first ask is refused");
        assert!(u.quit_requested(), "the second goes");
    }

    #[test]
    fn a_new_change_or_attempt_clears_the_failure_but_a_move_does_not() {
        let t0 = Instant::now();
        let failed = || {
            let mut u = Unsaved::new();
            u.changed(answer("a"), t0);
            u.save_started();
            u.save_finished(false, t0);
            u
        };
        let mut moved = failed();
        moved.changed(Change::Position, t0);
        assert!(moved.failed());
        let mut typed = failed();
        typed.changed(answer("a"), t0);
        assert!(!typed.failed());
        assert!(typed.quit_requested());
        let mut confirmed = failed();
        confirmed.changed(Change::Reviewed("a".into()), t0);
        assert!(!confirmed.failed());
    }

    #[test]
    fn a_batch_makes_one_journal_record_and_one_save() {
        let mut u = Unsaved::new();
        let t0 = Instant::now();
        u.batch_begin();
        for _ in 0..5 {
            u.changed(answer("a"), t0);
        }
        u.field_left();
        assert!(u.batching());
        assert!(!u.poll(t0), "no save starts inside a batch");
        u.batch_end();
        assert!(u.poll(t0));
        u.save_started();
        assert!(
            !u.poll(t0 + SAVE_DELAY * 4),
            "the whole batch is in that one save"
        );
        assert_eq!(u.drain().answers, ["a"], "one record for the question");
        assert!(u.save_finished(true, t0));
    }
}
