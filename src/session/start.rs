//! Starting an editing session: what a front end gets before it shows the first question.
//!
//! Owns: [`Opened`] — the right to write (none when only viewing), the journal, whether
//! answers came back from an earlier session, the note for the first screen — and [`start`],
//! which, holding the right, removes what an interrupted save left, brings back what a
//! session that did not end cleanly left (copies, journals) and opens the journal. The
//! wizard and any other front end start the same way.
//!
//! Must not: know about terminals, or ask the official anything.

use super::lock::WriteRight;
use super::outside::remove_stale_temporaries;
use super::recover::{open_journal, recover};
use crate::answers::{self, Answers, journal::Journal};
use crate::messages;
use crate::questionnaire::Questionnaire;

/// The on-disk side of an editing session, prepared before a front end starts.
#[derive(Debug, Default)]
pub struct Opened {
    /// The right to write the answers file (none when viewing read-only: another session
    /// holds it, so this one only looks).
    pub write: Option<WriteRight>,
    /// The journal every change goes to first (none when viewing read-only, or when no
    /// folder would take it).
    pub journal: Option<Journal>,
    /// Answers were recovered from an earlier session (or carried over): save them at once.
    pub recovered: bool,
    /// A line for the status bar at the start.
    pub message: Option<String>,
}

/// Starts a session that writes: stale temporaries removed, what an earlier session left
/// brought back into `answers`, the journal opened. What the official should know is added
/// to `notes`.
pub fn start(
    right: WriteRight,
    answers: &mut Answers,
    q: &Questionnaire,
    notes: &mut Vec<String>,
) -> Opened {
    let mut opened = Opened::default();
    remove_stale_temporaries(&right);
    if let Ok(found) = recover(&right, answers, q) {
        for kept in &found.set_aside {
            notes.push(messages::ui::copies_set_aside(&crate::files::shown(kept)));
        }
        if found.answers > 0 {
            notes.push(match &found.copy {
                Some(copy) => messages::ui::recovered_from_copy(
                    found.answers,
                    found.torn > 0,
                    &crate::files::shown(copy),
                ),
                None => messages::ui::recovered(found.answers, found.torn > 0),
            });
            opened.recovered = true;
        }
    }
    match open_journal(&right, &[]) {
        Ok(journal) => {
            if journal.path() != answers::journal::path_for(right.answers())
                && let Some(dir) = journal.path().parent()
            {
                notes.push(messages::session_elsewhere(&crate::files::shown(dir)));
            }
            opened.journal = Some(journal);
        }
        Err(e) => notes.push(messages::ui::journal_failed(&messages::io_detail(&e))),
    }
    opened.write = Some(right);
    opened
}
