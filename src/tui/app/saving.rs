//! Saving, as the loop sees it: the next save job, the journal records to append, the result
//! of a save, quitting. What is unsaved is `answers::unsaved::Unsaved`'s to know.
//!
//! Must not: write files or read the clock (times come in as `now`).

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::answers::journal;
use crate::answers::unsaved::Change;
use crate::messages::ui;

use super::{App, SaveJob, SaveState};

impl App {
    /// A save to run now, if one is due: right after leaving a field, on Ctrl+S, or
    /// [`SAVE_DELAY`] after the first unsaved edit. At most one is in flight.
    pub fn poll_save(&mut self, now: Instant) -> Option<SaveJob> {
        if self.read_only || !self.unsaved.poll(now) {
            return None;
        }
        Some(self.take_save_job())
    }

    /// The save job for everything so far, regardless of timing (quitting).
    pub fn take_save_job(&mut self) -> SaveJob {
        let revision = self.unsaved.save_started();
        self.save_state = SaveState::Saving;
        SaveJob {
            path: self.answers_path.clone(),
            answers: self.answers.clone(),
            questionnaire: Arc::clone(&self.q),
            revision,
        }
    }

    /// Hands every change since the last call to `write`, as journal entries: the whole answer
    /// of each question changed (or its removal), then the question the official is on.
    pub fn drain_journal(&mut self, mut write: impl FnMut(&str, journal::Entry<'_>)) {
        self.unsaved.drain().entries(&self.answers, &mut write);
    }

    /// Answers were recovered from an earlier session's journal: they are saved at once, and
    /// the official is told.
    pub fn recovered(&mut self, message: String) {
        self.status = Some(message);
        if self.read_only {
            return;
        }
        self.unsaved.changed(Change::Recovered, Instant::now());
        self.save_state = SaveState::Saving;
    }

    /// Whether there are changes not yet on disk (or being written).
    pub fn unsaved(&self) -> bool {
        !self.read_only && self.unsaved.is_unsaved()
    }

    /// When the next save falls due, for the loop's wait.
    pub fn save_due_in(&self, now: Instant) -> Option<Duration> {
        self.unsaved.due_in(now)
    }

    pub(super) fn saved(&mut self, result: Result<String, String>) {
        let all = self.unsaved.save_finished(result.is_ok(), Instant::now());
        self.save_state = match result {
            Ok(time) if all => SaveState::Saved(time),
            Ok(_) => SaveState::Saving,
            // Tried again at the next tick after the delay; the answers stay in memory.
            Err(message) => SaveState::Failed(message),
        };
    }

    pub(super) fn quit_now(&mut self) {
        self.commit_current();
        // With the last save failed, quitting is confirmed first (the final attempt may fail
        // too; then a recovery copy is written).
        if !self.unsaved.quit_requested() {
            self.status = Some(ui::QUIT_UNSAVED.to_owned());
            return;
        }
        self.quit = true;
    }
}
