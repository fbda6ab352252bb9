//! One writer per answers file.
//!
//! Owns: [`Lock`] (an operating-system lock on a file beside the answers and in each data
//! folder, holding the holder's PID and start time for the message; free again when its
//! process dies, even by `kill -9`; on unix an advisory `flock`, on Windows the file held
//! open with no other writer allowed and deleted on close — see `os`), resolving the answers
//! path (a symbolic link and its target are one file), and [`WriteRight`], which only
//! [`claim`] makes: the proof that this session holds every lock of the answers file.
//!
//! Must not: read or write the answers, the journal or the copies.

use std::fs::File;
use std::io::Write;
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
        let mut file = match os::open_locked(path) {
            Ok(file) => file,
            Err(os::Taken::Held) => return Err(LockError::Held(os::holder(path))),
            Err(os::Taken::Io(e)) => return Err(LockError::Io(e)),
        };
        // The holder's PID and time are for the message only: on a full disk they cannot be
        // written, and the lock is held all the same (the other session then says "?").
        let since = jiff::Zoned::now().strftime("%H:%M:%S %d/%m/%Y").to_string();
        if file.set_len(0).is_ok() {
            let _ = write!(file, "{}\n{since}\n", std::process::id());
            let _ = file.flush();
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
        os::release(&self.file, &self.path);
    }
}

/// The holder written in a lock file: its PID on the first line, its start on the second
/// ("?" for what is missing).
fn holder_of(text: &str) -> Holder {
    let mut lines = text.lines();
    Holder {
        pid: lines.next().map_or("?", str::trim).to_owned(),
        since: lines.next().map_or("?", str::trim).to_owned(),
    }
}

/// Unix: an advisory `flock` on the whole file (`File::try_lock`), so another session can
/// still read who holds it; the file is removed before the lock is let go.
#[cfg(not(windows))]
mod os {
    use std::fs::{File, OpenOptions};
    use std::io::Read;
    use std::path::Path;

    use super::{Holder, holder_of};

    pub(super) enum Taken {
        Held,
        Io(std::io::Error),
    }

    pub(super) fn open_locked(path: &Path) -> Result<File, Taken> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(Taken::Io)?;
        match file.try_lock() {
            Ok(()) => Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => Err(Taken::Held),
            Err(std::fs::TryLockError::Error(e)) => Err(Taken::Io(e)),
        }
    }

    pub(super) fn holder(path: &Path) -> Holder {
        let mut text = String::new();
        if let Ok(mut file) = File::open(path) {
            let _ = file.read_to_string(&mut text);
        }
        holder_of(&text)
    }

    pub(super) fn release(file: &File, path: &Path) {
        let _ = std::fs::remove_file(path);
        let _ = file.unlock();
    }
}

/// Windows: the lock is the file opened for writing with no other writer allowed (share
/// mode read + delete) and deleted when its last handle closes (`FILE_FLAG_DELETE_ON_CLOSE`).
/// `LockFileEx` is not used: its byte-range locks are mandatory, so a second session could
/// not read who holds the file, and the file could not be removed while locked. Here a second
/// session's open for writing fails with a sharing violation (held), its open for reading
/// (sharing everything) still reads the holder, and the system closes the handle when the
/// process ends, even killed, so the file goes with the lock (Wine 8 leaves the file of a
/// killed process behind, unheld: the next session takes it). No `unsafe` is needed (the
/// crate denies it). Two rare cases: a program that opens the file without sharing writes (a
/// backup tool) makes it look held, with a holder "?"; and for the moment a reader still has
/// the file of a session that just ended open, it cannot be made again (access denied), so a
/// session starting just then holds only its data-folder lock, where two sessions still meet.
#[cfg(windows)]
mod os {
    use std::fs::{File, OpenOptions};
    use std::io::Read;
    use std::os::windows::fs::OpenOptionsExt;
    use std::path::Path;

    use super::{Holder, holder_of};

    const FILE_SHARE_READ: u32 = 0x1;
    const FILE_SHARE_WRITE: u32 = 0x2;
    const FILE_SHARE_DELETE: u32 = 0x4;
    const GENERIC_READ: u32 = 0x8000_0000;
    const GENERIC_WRITE: u32 = 0x4000_0000;
    const DELETE: u32 = 0x0001_0000;
    const FILE_FLAG_DELETE_ON_CLOSE: u32 = 0x0400_0000;
    const ERROR_SHARING_VIOLATION: i32 = 32;

    pub(super) enum Taken {
        Held,
        Io(std::io::Error),
    }

    pub(super) fn open_locked(path: &Path) -> Result<File, Taken> {
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .access_mode(GENERIC_READ | GENERIC_WRITE | DELETE)
            .share_mode(FILE_SHARE_READ | FILE_SHARE_DELETE)
            .custom_flags(FILE_FLAG_DELETE_ON_CLOSE)
            .open(path)
            .map_err(|e| {
                if e.raw_os_error() == Some(ERROR_SHARING_VIOLATION) {
                    Taken::Held
                } else {
                    Taken::Io(e)
                }
            })
    }

    pub(super) fn holder(path: &Path) -> Holder {
        let mut text = String::new();
        if let Ok(mut file) = OpenOptions::new()
            .read(true)
            .share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)
            .open(path)
        {
            let _ = file.read_to_string(&mut text);
        }
        holder_of(&text)
    }

    /// Nothing to do: closing the handle (the `File` dropped right after) deletes the file.
    pub(super) fn release(_file: &File, _path: &Path) {}
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
