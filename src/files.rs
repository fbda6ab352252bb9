//! Files in and out: bounded reads and atomic writes.
//!
//! Owns: [`read_limited`], which never reads more than a limit plus one byte, so a device
//! (`/dev/zero`), a pipe or a huge file cannot make the program read without end; and
//! [`write_atomic`], which replaces a file in one step (temporary file in the same folder,
//! fsync, rename — `atomic-write-file`), so a file is always either the old or the new one;
//! [`data_dirs`], where the program keeps files of its own; and [`hidden_beside`], the name
//! of a file's hidden companions (its journal, its lock); [`shown`], a path as the official
//! reads it (Windows' `\\?\` prefix and `/` taken out there).
//!
//! Must not: interpret what it reads or writes.

use std::io::{Read, Write};
use std::path::Path;

/// Reads at most `limit + 1` bytes of `path`: a result longer than `limit` means "too large".
pub fn read_limited(path: &Path, limit: usize) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Writes a whole file atomically. A symbolic link is followed, so the file it points to is
/// replaced, not the link.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = if path.is_symlink() {
        std::fs::canonicalize(path)?
    } else {
        path.to_owned()
    };
    let mut file = atomic_write_file::AtomicWriteFile::open(&target)?;
    file.write_all(bytes)?;
    file.commit()
}

/// The user's data folders for baocao, best first: `$XDG_DATA_HOME/baocao`, `%APPDATA%\baocao`
/// or `~/.local/share/baocao`, then the temporary folder. Recovery copies, and journals and
/// locks of answers files in folders that cannot be written, go there.
pub fn data_dirs() -> Vec<std::path::PathBuf> {
    use std::path::PathBuf;
    let mut dirs = Vec::new();
    if let Some(data) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        dirs.push(PathBuf::from(data).join("baocao"));
    } else if let Some(appdata) = std::env::var_os("APPDATA").filter(|d| !d.is_empty()) {
        dirs.push(PathBuf::from(appdata).join("baocao"));
    } else if let Some(home) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        dirs.push(PathBuf::from(home).join(".local/share/baocao"));
    }
    dirs.push(std::env::temp_dir().join("baocao"));
    dirs
}

/// A path as the official reads it. On Windows: without the `\\?\` prefix where the path means
/// the same without it, and with `\` for every `/` (a folder typed `bao-cao/dot-1` joined with
/// a file name would show both). Elsewhere as it is.
pub fn shown(path: &Path) -> String {
    #[cfg(windows)]
    {
        dunce::simplified(path)
            .display()
            .to_string()
            .replace('/', "\\")
    }
    #[cfg(not(windows))]
    {
        path.display().to_string()
    }
}

/// A file's name as text ("answers" for a path without one).
pub fn name_of(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "answers".into(), |n| n.to_string_lossy().into_owned())
}

/// A hidden companion of a file, in its folder: `a.yaml` + "lock" → `.a.yaml.lock`.
pub fn hidden_beside(path: &Path, what: &str) -> std::path::PathBuf {
    path.with_file_name(format!(".{}.{what}", name_of(path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_after_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x");
        std::fs::write(&path, vec![b'a'; 100]).unwrap();
        assert_eq!(read_limited(&path, 10).unwrap().len(), 11);
        assert_eq!(read_limited(&path, 1000).unwrap().len(), 100);
        #[cfg(unix)]
        assert_eq!(read_limited(Path::new("/dev/zero"), 10).unwrap().len(), 11);
    }
}
