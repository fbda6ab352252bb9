//! Where an answers file's session files may live.
//!
//! Owns: the journal's and the lock's places (beside the answers file, then in the
//! `sessions` folder of each data folder, named by the answers file's full path), where the
//! answers go when their own folder refuses them, and which files in a shared data folder
//! are this user's own (never another user's planted file).
//!
//! Must not: create, lock or write any file.

use std::path::{Path, PathBuf};

use crate::answers::journal;

/// The journals an answers file may have, in the order a session tries them: beside it, then
/// in each data folder (named by the answers file's full path, so two folders never share
/// one).
pub fn journal_paths(answers: &Path) -> Vec<PathBuf> {
    let mut out = vec![journal::path_for(answers)];
    // The temporary folder is shared by every user of the machine: a journal planted there
    // by another (or a link, or one another could write) is neither replayed nor written.
    out.extend(fallbacks(answers, "journal").into_iter().filter(|path| {
        std::fs::symlink_metadata(path).map_or(true, |m| m.file_type().is_file() && ours(&m))
    }));
    out
}

/// Where the lock also goes: in each data folder.
pub fn fallback_lock_paths(answers: &Path) -> Vec<PathBuf> {
    fallbacks(answers, "lock")
}

/// `<name>-<crc of the full path>.<what>` in the `sessions` folder of each data folder.
pub(super) fn fallbacks(answers: &Path, what: &str) -> Vec<PathBuf> {
    let full = std::path::absolute(answers).unwrap_or_else(|_| answers.to_owned());
    let name = crate::files::name_of(answers);
    let tag = crc32fast::hash(full.to_string_lossy().as_bytes());
    crate::files::data_dirs()
        .into_iter()
        .map(|dir| {
            dir.join("sessions")
                .join(format!("{name}-{tag:08x}.{what}"))
        })
        .collect()
}

pub(super) fn fallback(answers: &Path, what: &str) -> Option<PathBuf> {
    fallbacks(answers, what).into_iter().next()
}

/// Where the answers go when their own folder refuses them.
pub fn fallback_answers_path(answers: &Path) -> Option<PathBuf> {
    fallback(answers, "answers.yaml")
}

/// Whether a file in a data folder is one this user wrote: the temporary folder is shared
/// with every user of the machine, so a copy planted there by another (or writable by
/// another) is never taken as the official's answers. Copies are written readable by their
/// owner only.
#[cfg(unix)]
pub(super) fn ours(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    static UID: std::sync::OnceLock<Option<u32>> = std::sync::OnceLock::new();
    // The owner of a file made now is this process's user (when no file can be made, the
    // mode alone is checked).
    let uid = *UID.get_or_init(|| {
        tempfile::tempfile()
            .and_then(|f| f.metadata())
            .ok()
            .map(|m| m.uid())
    });
    uid.is_none_or(|uid| uid == meta.uid()) && meta.mode() & 0o022 == 0
}

#[cfg(not(unix))]
pub(super) fn ours(_meta: &std::fs::Metadata) -> bool {
    true
}
