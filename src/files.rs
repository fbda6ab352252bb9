//! Files in and out: bounded reads and atomic writes.
//!
//! Owns: [`read_limited`], which never reads more than a limit plus one byte, so a device
//! (`/dev/zero`), a pipe or a huge file cannot make the program read without end; and
//! [`write_atomic`], which replaces a file in one step (temporary file in the same folder,
//! fsync, rename — `atomic-write-file`), so a file is always either the old or the new one;
//! [`data_dirs`], where the program keeps files of its own (the rule is on the function);
//! [`hidden_beside`], the name of a file's hidden companions (its journal, its lock);
//! [`shown`], a path as the official reads it (Windows' `\\?\` prefix and `/` taken out
//! there, a relative path left relative).
//!
//! What every text file the program writes is (answers, journal, .txt, .md): UTF-8 without a
//! byte-order mark, lines ended by LF alone, the same bytes on every system (Notepad shows LF
//! files right since Windows 10 1809, and every Windows the program runs on is newer). What it
//! reads may come from Notepad: a questionnaire or answers file with a byte-order mark and
//! CRLF line ends reads as the same file without them.
//!
//! Must not: interpret what it reads or writes.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

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

/// The user's data folders for baocao, best first. Recovery copies, and journals and locks of
/// answers files in folders that cannot be written, go there.
///
/// The rule (for the README): `$XDG_DATA_HOME/baocao` when that variable is set, on every
/// system (an explicit choice; the tests isolate themselves with it, under Wine too);
/// otherwise on Windows `%LOCALAPPDATA%\baocao` (machine-local: recovery copies and journals
/// belong to this computer's disk, not to a roaming profile), else `%APPDATA%\baocao`; on
/// other systems `~/.local/share/baocao`; and always last the temporary folder's `baocao`.
pub fn data_dirs() -> Vec<PathBuf> {
    data_dirs_in(
        |name| std::env::var_os(name).filter(|v| !v.is_empty()),
        cfg!(windows),
        &std::env::temp_dir(),
    )
}

/// [`data_dirs`] for an environment (`var` gives a variable's non-empty value), a system
/// (`windows`) and a temporary folder.
fn data_dirs_in(
    var: impl Fn(&str) -> Option<std::ffi::OsString>,
    windows: bool,
    temp: &Path,
) -> Vec<PathBuf> {
    let first = if let Some(data) = var("XDG_DATA_HOME") {
        Some(PathBuf::from(data).join("baocao"))
    } else if windows {
        var("LOCALAPPDATA")
            .or_else(|| var("APPDATA"))
            .map(|d| PathBuf::from(d).join("baocao"))
    } else {
        var("HOME").map(|home| PathBuf::from(home).join(".local/share/baocao"))
    };
    first.into_iter().chain([temp.join("baocao")]).collect()
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
pub fn hidden_beside(path: &Path, what: &str) -> PathBuf {
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

    fn dirs(vars: &[(&str, &str)], windows: bool) -> Vec<PathBuf> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let var = |name: &str| {
            vars.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| std::ffi::OsString::from(v))
        };
        data_dirs_in(var, windows, Path::new("T"))
    }

    #[test]
    fn the_data_folder_is_machine_local_on_windows_and_xdg_wins_everywhere() {
        let all = [
            ("XDG_DATA_HOME", "X"),
            ("LOCALAPPDATA", "L"),
            ("APPDATA", "R"),
            ("HOME", "H"),
        ];
        // The first folder chosen, then always the temporary one.
        let then_temp = |first: Option<&str>| -> Vec<PathBuf> {
            let first = first.map(|f| PathBuf::from(f).join("baocao"));
            first
                .into_iter()
                .chain([Path::new("T").join("baocao")])
                .collect()
        };
        assert_eq!(dirs(&all, true), then_temp(Some("X")));
        assert_eq!(dirs(&all, false), then_temp(Some("X")));
        // Windows: the local folder, not the roaming one; the roaming one only without it.
        assert_eq!(dirs(&all[1..], true), then_temp(Some("L")));
        assert_eq!(dirs(&all[2..], true), then_temp(Some("R")));
        assert_eq!(dirs(&all[3..], true), then_temp(None));
        // Elsewhere: the home's share folder; the Windows variables mean nothing.
        assert_eq!(dirs(&all[1..], false), then_temp(Some("H/.local/share")));
        assert_eq!(dirs(&all[1..3], false), then_temp(None));
    }
}
