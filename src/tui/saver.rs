//! Writing the answers off the key path, and the journal the changes go to first.
//!
//! Owns: the background writer ([`Saver`]: one save at a time, each result reported, what
//! another program did to the file noticed), appending each batch's changes to the journal
//! before the frame is drawn (moving the journal when its disk refuses a record), retiring
//! the journals a finished save holds, and [`save`] itself (into the answers file, or into
//! the copy in a data folder when the file's disk refuses).
//!
//! Must not: draw, read keys, or decide when to save (the app's `Unsaved` does).

use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::action::Action;
use super::app::{App, SaveJob};
use crate::answers::journal::Journal;
use crate::messages::{self, ui};
use crate::session;

/// The journal, shared with the signal and panic paths.
pub(super) type SharedJournal = Arc<Mutex<Option<Journal>>>;

/// Appends the changes of the last batch to the journal, before the frame is drawn. When the
/// journal's disk refuses a record (full, or read-only), the journal moves to the next
/// location that takes it (a data folder, then the temporary folder) and the record goes
/// there: what is on screen is always in a journal, or the official is told it is not.
pub(super) fn journal_changes(
    app: &mut App,
    journal: &SharedJournal,
    right: Option<&session::WriteRight>,
) {
    let Ok(mut guard) = journal.lock() else {
        return;
    };
    let Some(j) = guard.as_mut() else {
        return;
    };
    let mut failed = None;
    let mut moved = false;
    app.drain_journal(|id, entry| {
        let mut error = match j.append(id, entry) {
            Ok(()) => return,
            Err(e) => e,
        };
        if let Some(right) = right {
            // Each location is tried once at most.
            let mut refused = vec![j.path().to_owned()];
            for _ in 0..session::journal_paths(right.answers()).len() {
                let Ok(next) = session::open_journal(right, &refused) else {
                    break;
                };
                refused.push(next.path().to_owned());
                *j = next;
                moved = true;
                match j.append(id, entry) {
                    Ok(()) => return,
                    Err(e) => error = e,
                }
            }
        }
        failed = Some(error);
    });
    if let Some(e) = failed {
        app.status = Some(ui::journal_failed(&messages::io_detail(&e)));
    } else if moved {
        app.status = Some(ui::journal_moved(&crate::files::shown(j.path())));
    }
}

/// Where the journal stood when a save was asked for: its file and length.
pub(super) type FoldMark = Option<(PathBuf, u64)>;

/// A save finished — into the answers file, or into the copy in the data folder: when that
/// holds everything the journal holds (nothing was appended since the save was asked for),
/// the older journals are retired and, once they are gone, this one is emptied. (After a
/// copy, the next start takes the copy, then replays only what the journals got later.)
pub(super) fn fold_done(
    journal: &SharedJournal,
    right: &session::WriteRight,
    asked_at: FoldMark,
    folded: bool,
) {
    if let (true, Some((path, at)), Ok(mut guard)) = (folded, asked_at, journal.lock())
        && let Some(j) = guard.as_mut()
        && j.path() == path
        && j.len() == at
        && session::retire_older_journals(right, Some(&path))
        && !j.is_empty()
    {
        let _ = j.truncate();
    }
}

pub(super) fn journal_mark(journal: &SharedJournal) -> FoldMark {
    let guard = journal.lock().ok()?;
    let j = guard.as_ref()?;
    Some((j.path().to_owned(), j.len()))
}

/// The background writer: saves answers files one at a time, reporting each result, and
/// what another program did to the file meanwhile.
pub(super) struct Saver {
    jobs: mpsc::Sender<SaveJob>,
    /// Each save's result, and whether the answers reached a disk (the file or the copy).
    pub(super) results: mpsc::Receiver<(Result<String, String>, bool)>,
    pub(super) notices: mpsc::Receiver<String>,
    thread: std::thread::JoinHandle<()>,
    /// The session's right to write (the journal moves and retires with it).
    pub(super) right: Arc<session::WriteRight>,
}

impl Saver {
    /// `known`: the answers file as this session read it. Only a session with the right to
    /// write has one.
    pub(super) fn start(
        right: Arc<session::WriteRight>,
        writing: Arc<Mutex<()>>,
        mut known: session::Stamp,
    ) -> Self {
        let (jobs, job_rx) = mpsc::channel::<SaveJob>();
        let (result_tx, results) = mpsc::channel();
        let (notice_tx, notices) = mpsc::channel();
        let kept = Arc::clone(&right);
        let thread = std::thread::spawn(move || {
            for job in job_rx {
                let result = {
                    let _writing = writing.lock();
                    let notice = match session::check_outside(&job.path, known) {
                        session::Outside::Untouched => None,
                        session::Outside::Changed(kept) => {
                            Some(ui::changed_outside(&crate::files::shown(&kept)))
                        }
                        session::Outside::Gone => Some(ui::GONE_OUTSIDE.to_owned()),
                    };
                    let result = save_kept(&right, &job);
                    if result.is_ok() {
                        known = session::stamp(right.answers());
                    }
                    if let Some(notice) = notice {
                        let _ = notice_tx.send(notice);
                    }
                    let folded = !matches!(result, Err((_, None)));
                    (result.map_err(|(message, _)| message), folded)
                };
                if result_tx.send(result).is_err() {
                    break;
                }
            }
        });
        Saver {
            jobs,
            results,
            notices,
            thread,
            right: kept,
        }
    }

    pub(super) fn send(&self, job: SaveJob) {
        // The writer only stops when the program does.
        let _ = self.jobs.send(job);
    }

    /// Lets the save under way finish, then saves what is left on this thread. When even
    /// that fails (or the writer hangs), the answers are written to a recovery copy whose
    /// path the error names.
    pub(super) fn finish(self, app: &mut App) -> Result<(), String> {
        let right = &*self.right;
        drop(self.jobs);
        // The writer ends once its queue is done; a writer stuck on a dead disk is not
        // waited for without end, and is not raced either: the copy goes elsewhere.
        let mut hung = false;
        loop {
            match self.results.recv_timeout(Duration::from_secs(10)) {
                Ok((result, _)) => app.update(Action::Saved(result)),
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    hung = true;
                    break;
                }
            }
        }
        if !hung {
            let _ = self.thread.join();
        }
        if !app.unsaved() {
            return Ok(());
        }
        let job = app.take_save_job();
        let failed = if hung {
            ui::SAVE_HUNG.to_owned()
        } else {
            match save_kept(right, &job) {
                Ok(_) => return Ok(()),
                // Kept in the copy in the data folder, which the next start finds.
                Err((message, Some(copy))) => {
                    return Err(ui::saved_to_copy(&message, &crate::files::shown(&copy)));
                }
                Err((message, None)) => message,
            }
        };
        // A writer stuck on a dead disk is not raced: this copy is a new file of its own.
        Err(
            match session::write_recovery_copy(right, &job.answers, &job.questionnaire) {
                Ok(copy) => ui::saved_to_copy(&failed, &crate::files::shown(&copy)),
                Err(_) => failed,
            },
        )
    }
}

/// Writes one answers file (the one `right` writes); the time it was saved, or a message.
/// When the file's disk refuses, the answers are written to the copy in the data folder
/// instead, and the message says where.
pub fn save(right: &session::WriteRight, job: &SaveJob) -> Result<String, String> {
    save_kept(right, job).map_err(|(message, _)| message)
}

/// [`save`], with where the answers were kept when the file refused them.
pub(super) fn save_kept(
    right: &session::WriteRight,
    job: &SaveJob,
) -> Result<String, (String, Option<PathBuf>)> {
    let Err(failed) = session::save(right, &job.answers, &job.questionnaire) else {
        return Ok(now_hms());
    };
    // The file as the official named it (a link is shown as the link).
    let file = crate::files::shown(&job.path);
    let detail = messages::io_detail(&failed.error);
    Err(match failed.kept {
        Some(copy) => (
            ui::save_error_kept(&file, &detail, &crate::files::shown(&copy)),
            Some(copy),
        ),
        None => (ui::save_error(&file, &detail), None),
    })
}

/// The local time as "10:42:13".
pub(super) fn now_hms() -> String {
    jiff::Zoned::now().strftime("%H:%M:%S").to_string()
}

/// After the last save held everything: the journal is closed and, once the older journals
/// are gone, removed (see `session::retire_older_journals`).
pub(super) fn close_journal(right: &session::WriteRight, journal: &SharedJournal) {
    if let Ok(mut guard) = journal.lock()
        && let Some(j) = guard.take()
    {
        session::close_journal(right, j);
    }
}
