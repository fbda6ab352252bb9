//! What other programs did beside the session.
//!
//! Owns: the stamp of the answers file as this session last saw it, noticing that another
//! program changed or removed it (its version is kept aside, never overwritten), keeping a
//! file aside under a dated name, and removing the temporary files an interrupted atomic
//! save left behind.
//!
//! Must not: decide when to save.

use std::path::{Path, PathBuf};

use super::lock::WriteRight;

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
pub fn remove_stale_temporaries(right: &WriteRight) -> usize {
    let answers = right.answers();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::claim;

    #[test]
    fn only_the_temporaries_of_this_answers_file_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("a.answers.yaml");
        let right = claim(&answers).expect("free");
        // The lock file is there already, held (on Windows nobody else may write it).
        for name in [
            ".a.answers.yaml.Ab3xY9",
            ".a.answers.yaml.journal",
            ".a.answers.yaml.Ab3xY",
            ".b.answers.yaml.Ab3xY9",
            "a.answers.yaml",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        assert_eq!(remove_stale_temporaries(&right), 1);
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
