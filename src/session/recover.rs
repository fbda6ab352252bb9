//! Getting back what a crash or a full disk left behind.
//!
//! Owns: the copies of the answers written to a data folder when their own disk refuses them
//! (first line: the checksum and size of the answers file they were based on) and finding
//! them again; replaying the journals left by sessions that did not end cleanly, oldest
//! first, and retiring them once a save holds them; saving through the session's right;
//! opening the journal where it can be written; folding a journal into the answers file from
//! disk alone (what the signal and panic paths do).
//!
//! Must not: know about terminals, or decide when to save.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::lock::{WriteRight, resolve};
use super::outside::keep_aside;
use super::places::{fallback_answers_path, journal_paths, ours};
use crate::answers::journal::{self, Journal};
use crate::answers::{self, Answers};
use crate::questionnaire::Questionnaire;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recovered {
    /// Answers the copy and the journals changed.
    pub answers: usize,
    /// Bytes of torn records skipped.
    pub torn: usize,
    /// The copy in the data folder the answers were taken from (newer than the answers
    /// file: written when saving it failed).
    pub copy: Option<PathBuf>,
    /// Copies that could not be used (older than the answers file, or unreadable), kept
    /// aside under these names.
    pub set_aside: Vec<PathBuf>,
}

/// The first line of a copy of the answers: what the answers file held when the copy was
/// written (the checksum and size of its bytes, or `-` when there was none). The copy is
/// newer than the answers file exactly when the file still holds that; a file written since
/// (a later save, or another program) makes the copy the older one. The content, not the
/// modification time: `touch` or a copy that keeps times changes nothing here.
const BASE_TAG: &str = "# baocao-base: ";

fn base_line(answers: &Path) -> String {
    let base = crate::files::read_limited(answers, answers::persist::MAX_BYTES).map_or_else(
        |_| "-".to_owned(),
        |bytes| format!("crc32 {:08x} {}", crc32fast::hash(&bytes), bytes.len()),
    );
    format!("{BASE_TAG}{base}\n")
}

fn first_line(path: &Path) -> Option<String> {
    let bytes = crate::files::read_limited(path, 200).ok()?;
    let end = bytes.iter().position(|&b| b == b'\n')?;
    String::from_utf8(bytes[..=end].to_vec()).ok()
}

/// The copies of an answers file's answers in the data folders: the one written when a save
/// failed (`<name>-<crc>.answers.yaml`, see [`fallback_answers_path`]) and those written at
/// quit when even the last save failed (`<name>-<crc>.recovery-XXXXXX.answers.yaml`).
pub fn copies(answers: &Path) -> Vec<PathBuf> {
    let Some(own) = fallback_answers_path(answers) else {
        return Vec::new();
    };
    let own_name = crate::files::name_of(&own);
    let stem = own_name.trim_end_matches(".answers.yaml");
    let prefix = format!("{stem}.");
    let mut out = Vec::new();
    for dir in crate::files::data_dirs() {
        let Ok(entries) = std::fs::read_dir(dir.join("sessions")) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".answers.yaml")
                && (name == own_name || name.starts_with(&prefix))
                && entry.file_type().is_ok_and(|t| t.is_file())
                && entry.metadata().is_ok_and(|m| ours(&m))
            {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}
/// Answers waiting in the data folder or in a journal that the answers file lacks (a copy
/// newer than the file, or a journal that is not empty): what reopening the file in the
/// wizard would bring back. Reads only.
pub fn waiting(answers: &Path) -> Vec<PathBuf> {
    let answers = &resolve(answers);
    let base = base_line(answers);
    let mut out: Vec<PathBuf> = copies(answers)
        .into_iter()
        .filter(|copy| first_line(copy).as_deref() == Some(base.as_str()))
        .collect();
    out.extend(
        journal_paths(answers)
            .into_iter()
            .filter(|j| std::fs::metadata(j).is_ok_and(|m| m.len() > 0)),
    );
    out
}

/// Writes `text` (the answers as YAML) to a copy, after the line saying what the answers
/// file looks like now.
fn copy_text(right: &WriteRight, answers: &Answers, q: &Questionnaire) -> std::io::Result<String> {
    let yaml = answers::to_yaml(answers, q);
    if yaml.is_empty() {
        return Err(std::io::Error::other(
            "the answers could not be written as YAML",
        ));
    }
    Ok(format!("{}{yaml}", base_line(right.answers())))
}

/// The copy's text, and where the answers go when their own folder refuses them.
fn copy_text_and_place(
    right: &WriteRight,
    answers: &Answers,
    q: &Questionnaire,
) -> std::io::Result<(String, PathBuf)> {
    let text = copy_text(right, answers, q)?;
    let own = fallback_answers_path(right.answers())
        .ok_or_else(|| std::io::Error::other("no data folder"))?;
    Ok((text, own))
}

/// Writes the copy kept while the answers file's disk refuses it: in the first data folder
/// that takes it (the user's, else the temporary folder — the user's data folder is often on
/// the same full disk), always under the same name there, so the latest attempt replaces the
/// one before in one step; readable by the official only. Its path.
pub fn write_copy(
    right: &WriteRight,
    answers: &Answers,
    q: &Questionnaire,
) -> std::io::Result<PathBuf> {
    let (text, own) = copy_text_and_place(right, answers, q)?;
    let name = crate::files::name_of(&own);
    in_first_sessions_folder(|dir| {
        let copy = dir.join(&name);
        // A private temporary file beside it, then renamed over it.
        let mut file = tempfile::Builder::new().prefix(".copy-").tempfile_in(dir)?;
        file.write_all(text.as_bytes())?;
        file.as_file().sync_all()?;
        file.persist(&copy).map_err(|e| e.error)?;
        Ok(copy)
    })
}

/// The first `sessions` folder of the data folders ([`crate::files::data_dirs`]) in which
/// `write` succeeds (the folder made first when missing): what it returned, or the last error.
fn in_first_sessions_folder<T>(
    mut write: impl FnMut(&Path) -> std::io::Result<T>,
) -> std::io::Result<T> {
    let mut last = None;
    for dir in crate::files::data_dirs() {
        let dir = dir.join("sessions");
        match std::fs::create_dir_all(&dir).and_then(|()| write(&dir)) {
            Ok(done) => return Ok(done),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no folder")))
}

/// Writes a new copy that nothing else writes (when the writer hangs on a dead disk, its copy
/// is not raced): `<name>-<crc>.recovery-XXXXXX.answers.yaml` in the first data folder that
/// takes it, readable by the official only. Found again by the next start like the others.
pub fn write_recovery_copy(
    right: &WriteRight,
    answers: &Answers,
    q: &Questionnaire,
) -> std::io::Result<PathBuf> {
    let (text, own) = copy_text_and_place(right, answers, q)?;
    let stem = crate::files::name_of(&own)
        .trim_end_matches(".answers.yaml")
        .to_owned();
    in_first_sessions_folder(|dir| {
        let mut file = tempfile::Builder::new()
            .prefix(&format!("{stem}.recovery-"))
            .suffix(".answers.yaml")
            .tempfile_in(dir)?;
        file.write_all(text.as_bytes())?;
        file.as_file().sync_all()?;
        file.keep().map(|(_, path)| path).map_err(|e| e.error)
    })
}

/// Why saving failed, and where the answers were kept instead (if anywhere).
#[derive(Debug)]
pub struct SaveFailed {
    pub error: std::io::Error,
    pub kept: Option<PathBuf>,
}

/// Saves the answers file. Once it holds the answers, every copy of them in the data folder
/// has nothing more to give and is removed; when it refuses them, they are written to the
/// copy in the data folder instead, which the next start finds.
pub fn save(right: &WriteRight, answers: &Answers, q: &Questionnaire) -> Result<(), SaveFailed> {
    match answers::save(right.answers(), answers, q) {
        Ok(()) => {
            for copy in copies(right.answers()) {
                let _ = std::fs::remove_file(copy);
            }
            Ok(())
        }
        Err(error) => Err(SaveFailed {
            kept: write_copy(right, answers, q).ok(),
            error,
        }),
    }
}

/// What [`replay_all`] did.
struct Replayed {
    copy: Option<PathBuf>,
    journals: Vec<PathBuf>,
    torn: usize,
    set_aside: Vec<PathBuf>,
}

/// Brings `answers` (read from the answers file) up to date from disk: the newest copy in the
/// data folder that is newer than the answers file replaces them (it is a whole snapshot);
/// then every journal is replayed over the result. Copies older than the file that hold
/// something else are kept aside under a new name (never lost, never taken again); older
/// ones that hold nothing else are removed.
fn replay_all(right: &WriteRight, answers: &mut Answers, q: &Questionnaire) -> Replayed {
    let mut out = Replayed {
        copy: None,
        journals: Vec::new(),
        torn: 0,
        set_aside: Vec::new(),
    };
    let base = base_line(right.answers());
    let mut newest: Option<(std::time::SystemTime, PathBuf)> = None;
    let set_aside = |copy: &Path, what: &str, out: &mut Replayed| {
        if let Ok(kept) = keep_aside(copy, what) {
            out.set_aside.push(kept);
        }
    };
    for copy in copies(right.answers()) {
        if first_line(&copy).as_deref() == Some(base.as_str()) {
            let time = std::fs::metadata(&copy)
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            if let Some((older_time, older)) = newest.take() {
                // Every copy of one base is a whole snapshot: the newest holds the others.
                if older_time > time {
                    newest = Some((older_time, older));
                    continue;
                }
            }
            newest = Some((time, copy));
            continue;
        }
        // Older than the answers file: the file was written after it.
        let same = answers::load(&copy, q)
            .is_ok_and(|theirs| answers::to_yaml(&theirs, q) == answers::to_yaml(answers, q));
        if same {
            let _ = std::fs::remove_file(&copy);
        } else {
            set_aside(&copy, "old", &mut out);
        }
    }
    if let Some((_, copy)) = newest {
        match answers::load(&copy, q) {
            Ok(theirs) => {
                *answers = theirs;
                out.copy = Some(copy);
            }
            Err(_) => set_aside(&copy, "unreadable", &mut out),
        }
    }
    for path in journals_in_order(right.answers()) {
        let Ok(bytes) = crate::files::read_limited(&path, answers::persist::MAX_BYTES) else {
            continue;
        };
        out.torn += journal::replay(&bytes, answers, q).torn;
        out.journals.push(path);
    }
    out
}

/// The journals of an answers file that hold records, oldest last record first: one writer
/// at a time appends to one journal at a time, always the newest (see [`open_journal`]), so
/// replaying them in this order applies every change in the order it was made.
fn journals_in_order(answers: &Path) -> Vec<PathBuf> {
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = journal_paths(answers)
        .into_iter()
        .filter_map(|path| {
            let meta = std::fs::metadata(&path).ok()?;
            (meta.len() > 0).then(|| (meta.modified().unwrap_or(std::time::UNIX_EPOCH), path))
        })
        .collect();
    // Stable: equal times keep the order of `journal_paths`.
    found.sort_by_key(|(time, _)| *time);
    found.into_iter().map(|(_, path)| path).collect()
}

/// Once a save holds everything up to the end of `current` (the journal this session appends
/// to), every other journal of the answers file is older and has nothing more to give: each
/// is removed (or emptied). `true` when none is left holding records — only then may
/// `current` be emptied: a journal emptied while an older one stays would let the next start
/// replay that older one over newer answers.
pub fn retire_older_journals(right: &WriteRight, current: Option<&Path>) -> bool {
    let mut all_gone = true;
    for path in journal_paths(right.answers()) {
        if Some(path.as_path()) == current || !path.exists() {
            continue;
        }
        let gone = std::fs::remove_file(&path).is_ok()
            || OpenOptions::new()
                .write(true)
                .open(&path)
                .and_then(|f| f.set_len(0))
                .is_ok();
        all_gone &= gone;
    }
    all_gone
}

/// Brings back what an earlier session left over `answers` (read from the answers file): a
/// copy in the data folder newer than the file (written when saving failed), then every
/// journal. Every journal is replayed, whatever its age: a save may have written an older
/// snapshot after the last record, so a journal older than the answers file can still hold
/// what the file lacks. Replaying what the file already has changes nothing; only answers
/// that come out different are counted. A copy or journal that changed nothing is removed;
/// one that did stays until the next save has folded it (see [`save`]).
pub fn recover(
    right: &WriteRight,
    answers: &mut Answers,
    q: &Questionnaire,
) -> std::io::Result<Recovered> {
    let before = answers.clone();
    let replayed = replay_all(right, answers, q);
    let mut out = Recovered {
        torn: replayed.torn,
        copy: replayed.copy.clone(),
        set_aside: replayed.set_aside,
        ..Recovered::default()
    };
    out.answers = q
        .questions
        .iter()
        .map(|question| question.id.as_str())
        .chain(answers.kept().map(|(id, _)| id))
        .chain(before.kept().map(|(id, _)| id))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter(|id| {
            answers.get(id) != before.get(id)
                || answers.kept_of(id) != before.kept_of(id)
                || answers.unreviewed.contains(*id) != before.unreviewed.contains(*id)
        })
        .count();
    if out.answers == 0 {
        // The copy adds nothing either: the file has it all.
        for path in replayed.journals.into_iter().chain(replayed.copy) {
            let _ = std::fs::remove_file(path);
        }
        out.copy = None;
    }
    Ok(out)
}

/// Opens the journal for this session, in the first location that takes it: beside the
/// answers file, then each data folder. A location is taken only when its journal is empty,
/// or (at the start) when it is the newest journal holding records: appending after older
/// records than another journal's would make the next start replay them in the wrong order.
/// `refused`: the journals that just refused a record (a full or read-only disk): when there
/// are any, only an empty location elsewhere is taken. What an earlier journal holds was replayed already and
/// stays until a save holds it (see [`retire_older_journals`]).
pub fn open_journal(right: &WriteRight, refused: &[PathBuf]) -> std::io::Result<Journal> {
    let newest = journals_in_order(right.answers()).pop();
    let mut last = None;
    for (i, path) in journal_paths(right.answers()).into_iter().enumerate() {
        if refused.contains(&path) {
            continue;
        }
        let empty = std::fs::metadata(&path).map_or(true, |m| m.len() == 0);
        if !empty && (!refused.is_empty() || newest.as_ref() != Some(&path)) {
            continue;
        }
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

/// Folds from disk alone: the answers file (if it reads), a newer copy from the data folder,
/// and every journal, written back atomically (or, when the file's disk refuses, to the copy).
/// Used when the program must end at once (a signal, a panic): memory is not trusted, disk is.
/// The journals stay (the caller retires them, see [`retire_older_journals`]); replaying them
/// again changes nothing.
pub fn fold_from_disk(right: &WriteRight, q: &Questionnaire) -> std::io::Result<()> {
    let path = right.answers();
    let mut answers = if path.exists() {
        answers::load(path, q).map_err(|e| std::io::Error::other(e.message))?
    } else {
        Answers::new()
    };
    let replayed = replay_all(right, &mut answers, q);
    if replayed.journals.is_empty() && replayed.copy.is_none() {
        return Ok(());
    }
    save(right, &answers, q).map_err(|f| f.error)
}

/// After the last save held everything: the journal is closed and, once the older journals
/// are gone (see [`retire_older_journals`]), removed.
pub fn close_journal(right: &WriteRight, journal: Journal) {
    let path = journal.path().to_owned();
    drop(journal);
    if retire_older_journals(right, Some(&path)) {
        let _ = std::fs::remove_file(path);
    }
}
