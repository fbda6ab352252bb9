//! An editing session's files: one writer per answers file, the journal, and getting back
//! what a crash left behind.
//!
//! Owns: the lock beside the answers file (`.<name>.lock`, an operating-system lock, so a
//! lock whose process died — even by `kill -9` — is free again, and a file holding the
//! holder's PID and start time for the message), where the journal lives (beside the answers
//! file, or in the user's data folder when that folder cannot be written), replaying a journal
//! left by a session that did not end cleanly, and folding a journal into the answers file
//! from disk alone (what the signal and panic paths do).
//!
//! Must not: know about terminals, or decide when to save.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::answers::journal::{self, Journal};
use crate::answers::{self, Answers};
use crate::questionnaire::Questionnaire;

/// The lock of one answers file, held while the session lasts.
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
        let since = jiff::Zoned::now().strftime("%H:%M:%S %d/%m/%Y").to_string();
        file.set_len(0).map_err(LockError::Io)?;
        write!(file, "{}\n{since}\n", std::process::id()).map_err(LockError::Io)?;
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

/// The journals an answers file may have, best first: beside it, then in the user's data
/// folder (named by the answers file's full path, so two folders never share one).
pub fn journal_paths(answers: &Path) -> Vec<PathBuf> {
    let mut out = vec![journal::path_for(answers)];
    out.extend(fallback(answers, "journal"));
    out
}

/// Where the lock goes when the answers file's folder cannot hold it.
pub fn fallback_lock_path(answers: &Path) -> Option<PathBuf> {
    fallback(answers, "lock")
}

fn fallback(answers: &Path, what: &str) -> Option<PathBuf> {
    let dir = crate::files::data_dirs().into_iter().next()?;
    let full = std::path::absolute(answers).unwrap_or_else(|_| answers.to_owned());
    let name = crate::files::name_of(answers);
    let tag = crc32fast::hash(full.to_string_lossy().as_bytes());
    Some(
        dir.join("sessions")
            .join(format!("{name}-{tag:08x}.{what}")),
    )
}

/// Where the answers go when their own folder refuses them.
pub fn fallback_answers_path(answers: &Path) -> Option<PathBuf> {
    fallback(answers, "answers.yaml")
}

/// What a file looked like when this session last wrote or read it.
pub type Stamp = Option<(std::time::SystemTime, u64)>;

/// The file's modification time and size now (`None` when it is not there).
pub fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// What another program did to the answers file since `known`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outside {
    /// Nothing.
    Untouched,
    /// It was changed; its version is kept at this path.
    Changed(PathBuf),
    /// It is gone (deleted or moved).
    Gone,
}

/// Before writing the answers file: if another program changed it since this session last
/// wrote it, its version is kept aside as `<name>.external-<time>` (never over another
/// file), so the write that follows loses nothing.
pub fn check_outside(path: &Path, known: Stamp) -> Outside {
    let now = stamp(path);
    match (known, now) {
        (Some(_), None) => Outside::Gone,
        // Changed, or created by someone else since the start: theirs is kept.
        (known, Some(now)) if known != Some(now) => match keep_aside(path, "external") {
            Ok(kept) => Outside::Changed(kept),
            Err(_) => Outside::Untouched,
        },
        _ => Outside::Untouched,
    }
}

/// Renames a file to `<name>.<what>-<date>-<time>` (never over another); the new path.
pub fn keep_aside(path: &Path, what: &str) -> std::io::Result<PathBuf> {
    let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
    let name = crate::files::name_of(path);
    for n in 0..100 {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let target = path.with_file_name(format!("{name}.{what}-{stamp}{suffix}"));
        if !target.exists() {
            std::fs::rename(path, &target)?;
            return Ok(target);
        }
    }
    Err(std::io::Error::other("too many copies"))
}

/// Removes the temporary files an atomic save leaves when the program dies in the middle of
/// it (`.<name>.XXXXXX`, six letters or digits, beside the answers file); each is a copy of
/// the answers that nothing would ever read. Only while holding the lock: no other session
/// is writing. Returns how many were removed.
pub fn remove_stale_temporaries(answers: &Path) -> usize {
    let Some(name) = answers
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
    else {
        return 0;
    };
    let dir = match answers.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let prefix = format!(".{name}.");
    let mut removed = 0;
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let stale = file.strip_prefix(&prefix).is_some_and(|suffix| {
            suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        });
        if stale && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// What was found on disk from an earlier session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recovered {
    /// Answers the journals changed.
    pub answers: usize,
    /// Bytes of torn records skipped.
    pub torn: usize,
}

/// Replays the journals an earlier session left over `answers` (read from the answers file).
/// Every journal is replayed, whatever its age: a save may have written an older snapshot
/// after the last record, so a journal older than the answers file can still hold what the
/// file lacks. Replaying what the file already has changes nothing; only answers that come
/// out different are counted. A journal that changed nothing is removed; one that did stays
/// until the next save has folded it.
pub fn recover(
    answers_path: &Path,
    answers: &mut Answers,
    q: &Questionnaire,
) -> std::io::Result<Recovered> {
    let before = answers.clone();
    let mut out = Recovered::default();
    let mut found = Vec::new();
    for path in journal_paths(answers_path) {
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.len() == 0 {
            continue;
        }
        let bytes = crate::files::read_limited(&path, answers::persist::MAX_BYTES)?;
        out.torn += journal::replay(&bytes, answers, q).torn;
        found.push(path);
    }
    out.answers = q
        .questions
        .iter()
        .map(|question| question.id.as_str())
        .chain(answers.kept().map(|(id, _)| id))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter(|id| {
            answers.get(id) != before.get(id)
                || answers.kept_of(id) != before.kept_of(id)
                || answers.unreviewed.contains(*id) != before.unreviewed.contains(*id)
        })
        .count();
    if out.answers == 0 {
        for path in found {
            let _ = std::fs::remove_file(path);
        }
    }
    Ok(out)
}

/// Opens the journal for this session: beside the answers file, or in the data folder when
/// that folder refuses. What an earlier journal holds was replayed already and stays until
/// the first save.
pub fn open_journal(answers_path: &Path) -> std::io::Result<Journal> {
    let mut last = None;
    for (i, path) in journal_paths(answers_path).into_iter().enumerate() {
        // The data folder is ours to make; the answers file's folder is not.
        if i > 0
            && let Some(dir) = path.parent()
        {
            let _ = std::fs::create_dir_all(dir);
        }
        match Journal::open(&path) {
            Ok(j) => return Ok(j),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no journal")))
}

/// Folds from disk alone: the answers file (if it reads) plus every journal, written back
/// atomically. Used when the program must end at once (a signal, a panic): memory is not
/// trusted, disk is. The journals stay; replaying them again changes nothing.
pub fn fold_from_disk(answers_path: &Path, q: &Questionnaire) -> std::io::Result<()> {
    let mut answers = if answers_path.exists() {
        answers::load(answers_path, q).map_err(|e| std::io::Error::other(e.message))?
    } else {
        Answers::new()
    };
    let mut replayed = false;
    for path in journal_paths(answers_path) {
        if let Ok(bytes) = crate::files::read_limited(&path, answers::persist::MAX_BYTES)
            && !bytes.is_empty()
        {
            journal::replay(&bytes, &mut answers, q);
            replayed = true;
        }
    }
    if !replayed {
        return Ok(());
    }
    answers::save(answers_path, &answers, q)
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

    #[test]
    fn only_the_temporaries_of_this_answers_file_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("a.answers.yaml");
        for name in [
            ".a.answers.yaml.Ab3xY9",
            ".a.answers.yaml.journal",
            ".a.answers.yaml.lock",
            ".a.answers.yaml.Ab3xY",
            ".b.answers.yaml.Ab3xY9",
            "a.answers.yaml",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        assert_eq!(remove_stale_temporaries(&answers), 1);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".a.answers.yaml.Ab3xY",
                ".a.answers.yaml.journal",
                ".a.answers.yaml.lock",
                ".b.answers.yaml.Ab3xY9",
                "a.answers.yaml"
            ]
        );
    }
}
