//! An editing session's files: one writer per answers file, the journal, and getting back
//! what a crash left behind.
//!
//! Owns: the locks of an answers file (beside it, `.<name>.lock`, and in each data folder;
//! operating-system locks, so a lock whose process died — even by `kill -9` — is free again,
//! each file holding the holder's PID and start time for the message), resolving the answers
//! path (a symbolic link and its target are one file), where the journal lives (beside the
//! answers file, or in a data folder when that folder cannot be written or refuses a record),
//! replaying the journals left by sessions that did not end cleanly, oldest first, and
//! retiring them once a save holds them, and folding a journal into the answers file
//! from disk alone (what the signal and panic paths do); the copies of the answers kept in
//! the data folder when their own disk refuses them, and finding them again on the next
//! start.
//!
//! Writing is a right: every function here that writes the answers file, its journal or its
//! copies takes the session's [`WriteRight`], which only [`claim`] makes, and only when no
//! other live session holds the lock. A session without it (the read-only viewer) has no way
//! to write.
//!
//! Must not: know about terminals, or decide when to save.
//!
//! The parts: `lock` (the locks and the write right), `places` (where journals, locks and
//! copies live), `outside` (what other programs did to the file), `recover` (copies,
//! journals, replay and folding), `start` (what a front end gets before the first question).

mod lock;
mod outside;
mod places;
mod recover;
mod start;

pub use lock::{Holder, Lock, LockError, Refused, WriteRight, claim, lock_path, resolve};
pub use outside::{Outside, Stamp, check_outside, keep_aside, remove_stale_temporaries, stamp};
pub use places::{fallback_answers_path, fallback_lock_paths, journal_paths};
pub use recover::{
    Recovered, SaveFailed, close_journal, copies, fold_from_disk, open_journal, recover,
    retire_older_journals, save, waiting, write_copy, write_recovery_copy,
};
pub use start::{Opened, start};
