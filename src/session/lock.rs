//! One writer per answers file.
//!
//! Owns: [`Lock`] (an operating-system lock on a file beside the answers and in each data
//! folder, holding the holder's PID and start time for the message; free again when its
//! process dies, even by `kill -9`), resolving the answers path (a symbolic link and its
//! target are one file), and [`WriteRight`], which only [`claim`] makes: the proof that this
//! session holds every lock of the answers file.
//!
//! Must not: read or write the answers, the journal or the copies.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::places::fallback_lock_paths;

#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
}

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: String,
    pub since: String,
}

/// Why a lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another live session holds it.
    Held(Holder),
    /// The lock file could not be made (a read-only folder).
    Io(std::io::Error),
}

/// Where the lock of an answers file lives: beside it, hidden.
pub fn lock_path(answers: &Path) -> PathBuf {
    crate::files::hidden_beside(answers, "lock")
}

impl Lock {
    /// Takes the lock at `path`, or says who holds it.
    pub fn acquire(path: &Path) -> Result<Lock, LockError> {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(LockError::Io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                let mut lines = text.lines();
                return Err(LockError::Held(Holder {
                    pid: lines.next().unwrap_or("?").trim().to_owned(),
                    since: lines.next().unwrap_or("?").trim().to_owned(),
                }));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(LockError::Io(e)),
        }
        // The holder's PID and time are for the message only: on a full disk they cannot be
        // written, and the lock is held all the same (the other session then says "?").
        let since = jiff::Zoned::now().strftime("%H:%M:%S %d/%m/%Y").to_string();
        if file.set_len(0).is_ok() {
            let _ = write!(file, "{}\n{since}\n", std::process::id());
        }
        Ok(Lock {
            file,
            path: path.to_owned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// The right to write one answers file — the file, its journal, its copies in the data
/// folder — held by the one session that took its locks. Only [`claim`] makes one.
#[derive(Debug)]
pub struct WriteRight {
    answers: PathBuf,
    /// Every lock held: beside the answers file when its folder takes one, and in each data
    /// folder that takes one. At least one.
    locks: Vec<Lock>,
}

impl WriteRight {
    /// The answers file this right writes (resolved: see [`resolve`]).
    pub fn answers(&self) -> &Path {
        &self.answers
    }

    /// The locks held (never none).
    pub fn locks(&self) -> &[Lock] {
        &self.locks
    }
}

/// Why a session may not write.
#[derive(Debug)]
pub enum Refused {
    /// Another live session holds a lock of this answers file.
    Held(Holder),
    /// No folder would take a lock file (the answers file's folder, the data folders): the
    /// session could not keep a second window from writing too, so it does not write.
    NoLock(std::io::Error),
}

/// The answers file's path with symbolic links resolved, so a file reached through a link
/// and by its own name has one lock, one journal and one set of copies. A file not there yet
/// is named in its resolved folder. On Windows without the `\\?\` prefix (the path is shown to
/// the official, and names the session files in the data folders).
pub fn resolve(answers: &Path) -> PathBuf {
    if let Ok(real) = dunce::canonicalize(answers) {
        return real;
    }
    let parent = match answers.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match (dunce::canonicalize(parent), answers.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => answers.to_owned(),
    }
}

/// Takes the right to write `answers` (resolved first): its lock beside it when its folder
/// takes one, AND its lock in every data folder that takes one — whichever folder refuses
/// what, two sessions always meet at one of them. `Err` when a live session holds any of
/// them (this one may only look), or when no folder takes a lock at all.
pub fn claim(answers: &Path) -> Result<WriteRight, Refused> {
    let answers = resolve(answers);
    let mut locks = Vec::new();
    let mut last = None;
    let mut places = vec![lock_path(&answers)];
    places.extend(fallback_lock_paths(&answers));
    for (i, path) in places.into_iter().enumerate() {
        // The data folders are ours to make; the answers file's folder is not.
        if i > 0
            && let Some(dir) = path.parent()
        {
            let _ = std::fs::create_dir_all(dir);
        }
        match Lock::acquire(&path) {
            Ok(lock) => locks.push(lock),
            Err(LockError::Held(holder)) => return Err(Refused::Held(holder)),
            Err(LockError::Io(e)) => last = Some(e),
        }
    }
    if locks.is_empty() {
        return Err(Refused::NoLock(
            last.unwrap_or_else(|| std::io::Error::other("no folder")),
        ));
    }
    Ok(WriteRight { answers, locks })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_names_the_first_and_a_released_lock_is_free() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".a.lock");
        let first = Lock::acquire(&path).expect("the first lock");
        match Lock::acquire(&path) {
            Err(LockError::Held(h)) => assert_eq!(h.pid, std::process::id().to_string()),
            other => panic!("held, got {other:?}"),
        }
        drop(first);
        assert!(!path.exists(), "the lock file goes with the lock");
        Lock::acquire(&path).expect("free again");
    }
}
