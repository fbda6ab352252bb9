//! Files in and out: bounded reads and atomic writes.
//!
//! Owns: [`read_limited`], which never reads more than a limit plus one byte, so a device
//! (`/dev/zero`), a pipe or a huge file cannot make the program read without end; and
//! [`write_atomic`], which replaces a file in one step (temporary file in the same folder,
//! fsync, rename — `atomic-write-file`), so a file is always either the old or the new one.
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
