//! Sessions without a terminal: what the journal records, what a crash leaves and how it
//! comes back, answers carried over from the last period, read-only sessions, questionnaires
//! that changed between runs, and files changed by other programs.

use std::path::Path;
use std::sync::Arc;

use baocao::answers::journal::{self, Entry, Journal};
use baocao::answers::{self, AnswerValue, Answers};
use baocao::flow::Mark;
use baocao::messages::ui;
use baocao::questionnaire::Questionnaire;
use baocao::session::{self, Outside};
use baocao::tui::action::Action;
use baocao::tui::app::{App, Overlay};
use baocao::tui::dialog::ConfirmUnreviewed;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::common;

const BA_DINH: &str = "questionnaires/examples/ba-dinh.answers.yaml";

fn builtin() -> Questionnaire {
    baocao::questionnaire::builtin().expect("the built-in questionnaire")
}

fn press(app: &mut App, code: KeyCode) {
    app.key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The Ba Dinh answers as if carried over from the last period: every one to review.
fn carried() -> (Questionnaire, Answers) {
    let q = builtin();
    let mut a = answers::load(&common::path(BA_DINH), &q).expect("Ba Dinh loads");
    let ids: Vec<String> = a.iter().map(|(id, _)| id.to_owned()).collect();
    a.unreviewed = ids.into_iter().collect();
    a.position = None;
    (q, a)
}

fn app_in(dir: &Path, q: Questionnaire, a: Answers) -> App {
    App::new(Arc::new(q), a, dir.join("bao-cao.answers.yaml"))
}

/// Everything the app hands to the journal, as (id, record kind).
fn drained(app: &mut App) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    app.drain_journal(|id, entry| {
        let kind = match entry {
            Entry::Value(_) => "value",
            Entry::Kept(_) => "kept",
            Entry::Removed => "removed",
            Entry::Position => "position",
            Entry::Reviewed => "reviewed",
        };
        out.push((id.to_owned(), kind));
    });
    out
}

// ----- answers carried over from the last period ---------------------------------------------

#[test]
fn carried_over_answers_are_marked_until_confirmed_or_edited() {
    let dir = tempfile::tempdir().unwrap();
    let (q, a) = carried();
    let total = a.unreviewed.len();
    let mut app = app_in(dir.path(), q, a);
    assert!(app.marks.contains(&Mark::Review), "{:?}", app.marks);
    assert!(app.needs_review());
    let first = app.q.questions[app.current.unwrap()].id.clone();

    // F8: right as it is.
    press(&mut app, KeyCode::F(8));
    assert!(!app.needs_review());
    assert_eq!(app.status.as_deref(), Some(ui::REVIEW_CONFIRMED));
    assert!(!app.answers.unreviewed.contains(&first));
    assert!(app.unsaved(), "a confirmation is saved");
    assert!(
        drained(&mut app).contains(&(first.clone(), "reviewed")),
        "and journaled"
    );

    // Editing the next one reviews it too.
    app.update(Action::NextQuestion);
    let second = app.q.questions[app.current.unwrap()].id.clone();
    assert!(app.needs_review());
    type_text(&mut app, "x");
    assert!(!app.answers.unreviewed.contains(&second));
    assert_eq!(app.answers.unreviewed.len(), total - 2);
    assert!(drained(&mut app).contains(&(second, "value")));
}

#[test]
fn export_first_lists_what_was_not_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let (q, a) = carried();
    let mut app = app_in(dir.path(), q, a);
    let waiting = app.unreviewed().len();
    assert!(waiting > 30, "{waiting}");
    app.update(Action::Finish);
    app.update(Action::Export);
    let Some(Overlay::ConfirmUnreviewed(ConfirmUnreviewed { asks })) = app.overlays.last() else {
        panic!("the question first: {:?}", app.overlays.last())
    };
    assert_eq!(asks.len(), waiting);
    assert!(asks.iter().any(|a| a.contains("Tên xã")), "{asks:?}");

    // No: back to the review, no dialog.
    press(&mut app, KeyCode::Char('k'));
    assert!(matches!(app.overlays.last(), Some(Overlay::Review { .. })));
    // Yes: the export dialog.
    app.update(Action::Export);
    press(&mut app, KeyCode::Char('c'));
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Export(_))),
        "{:?}",
        app.overlays.last()
    );
}

#[test]
fn nothing_to_review_exports_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let (q, mut a) = carried();
    a.unreviewed.clear();
    let mut app = app_in(dir.path(), q, a);
    assert!(!app.marks.contains(&Mark::Review));
    app.update(Action::Finish);
    app.update(Action::Export);
    assert!(matches!(app.overlays.last(), Some(Overlay::Export(_))));
}

#[test]
fn the_review_marks_survive_a_save_and_a_crash() {
    let (q, a) = carried();
    let text = answers::to_yaml(&a, &q);
    assert!(text.contains("unreviewed:"), "{text}");
    let back = answers::parse("x.answers.yaml", &text, &q).expect("parses");
    assert_eq!(back.unreviewed, a.unreviewed);

    // A confirmation in the journal takes the mark off when replayed.
    let mut buf = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".j");
    let mut j = Journal::open(&path).unwrap();
    j.append("ten_xa", Entry::Reviewed).unwrap();
    j.append("tinh", Entry::Value(&AnswerValue::Text("Bình Định".into())))
        .unwrap();
    buf.extend(std::fs::read(&path).unwrap());
    let mut replayed = back.clone();
    journal::replay(&buf, &mut replayed, &q);
    assert!(!replayed.unreviewed.contains("ten_xa"));
    assert!(!replayed.unreviewed.contains("tinh"), "an edit is a review");
    assert_eq!(replayed.unreviewed.len(), back.unreviewed.len() - 2);
}

// ----- the journal follows every change ------------------------------------------------------

#[test]
fn every_change_reaches_the_journal_and_replays_to_the_same_answers() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let mut app = app_in(dir.path(), builtin(), Answers::new());
    let path = dir.path().join(".journal");
    let mut j = Journal::open(&path).unwrap();
    let mut step = |app: &mut App| {
        app.drain_journal(|id, entry| j.append(id, entry).expect("append"));
    };
    type_text(&mut app, "Ba Đình");
    step(&mut app);
    app.update(Action::NextQuestion);
    type_text(&mut app, "Quảng Ngãi");
    step(&mut app);
    // Undo and a deleted answer are changes too.
    app.update(Action::Undo);
    step(&mut app);
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    step(&mut app);
    app.update(Action::NextQuestion);
    step(&mut app);
    let bytes = std::fs::read(&path).unwrap();
    let mut replayed = Answers::new();
    let r = journal::replay(&bytes, &mut replayed, &q);
    assert_eq!(r.torn, 0);
    assert_eq!(replayed.get("ten_xa"), app.answers.get("ten_xa"));
    assert_eq!(replayed.get("tinh"), app.answers.get("tinh"));
    assert_eq!(replayed.get("tinh"), None, "the deleted answer is gone");
    assert_eq!(replayed.position, app.answers.position);
}

#[test]
fn a_read_only_session_changes_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let a = answers::load(&common::path(BA_DINH), &q).unwrap();
    let before = a.clone();
    let mut app = app_in(dir.path(), q, a);
    app.read_only = true;
    type_text(&mut app, "zzz");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.status.as_deref(), Some(ui::READ_ONLY_REFUSED));
    app.update(Action::NextQuestion);
    assert_eq!(app.answers.get("ten_xa"), before.get("ten_xa"));
    assert!(app.poll_save(std::time::Instant::now()).is_none());
    assert!(drained(&mut app).is_empty());
    assert!(!app.unsaved());
}

#[test]
fn ctrl_s_in_a_read_only_session_says_so_and_leaves_nothing_to_save() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let a = answers::load(&common::path(BA_DINH), &q).unwrap();
    let mut app = app_in(dir.path(), q, a);
    app.read_only = true;
    app.key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert_eq!(app.status.as_deref(), Some(ui::READ_ONLY_REFUSED));
    // Before the fix Ctrl+S counted as a change, and quitting then saved the stale copy.
    assert!(!app.unsaved(), "a read-only session has something to save");
    assert!(app.poll_save(std::time::Instant::now()).is_none());
    app.recovered("x".into());
    assert!(
        !app.unsaved(),
        "a read-only session saves recovered answers"
    );
    app.update(Action::Quit);
    assert!(app.quit);
    assert!(!app.unsaved());
}

#[test]
fn only_one_session_gets_the_right_to_write_and_it_is_free_again_when_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.answers.yaml");
    let right = session::claim(&file).expect("free");
    assert_eq!(right.answers(), file.as_path());
    assert!(!right.locks().is_empty());
    // A second session is told who writes; without the right it has no way to fold, save,
    // recover or open the journal (each takes the right).
    match session::claim(&file) {
        Err(session::Refused::Held(holder)) => {
            assert_eq!(holder.pid, std::process::id().to_string());
        }
        other => panic!("a second right to write the same file: {other:?}"),
    }
    drop(right);
    assert!(!session::lock_path(&file).exists());
    session::claim(&file).expect("free again");
}

// ----- a copy kept in the data folder when the disk was full -----------------------------------

/// The copies of `file` in the (real) data folder are removed when dropped: these tests run
/// in one process with the others, so `XDG_DATA_HOME` is not changed for them; the copies'
/// names hold a checksum of the temporary folder's path, so no two tests share one.
struct CopiesGone(std::path::PathBuf);

impl Drop for CopiesGone {
    fn drop(&mut self) {
        for copy in session::copies(&self.0) {
            let _ = std::fs::remove_file(copy);
        }
    }
}

fn text_of(a: &Answers, id: &str) -> Option<String> {
    match a.get(id) {
        Some(AnswerValue::Text(t)) => Some(t.clone()),
        _ => None,
    }
}

#[test]
fn a_copy_newer_than_the_answers_file_is_taken_then_the_journal_and_removed_by_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let file = dir.path().join("a.answers.yaml");
    let _gone = CopiesGone(file.clone());
    let mut a = Answers::new();
    a.set("ten_xa", AnswerValue::Text("Cũ".into()));
    answers::save(&file, &a, &q).unwrap();
    let right = session::claim(&file).expect("free");
    // The save that failed on the full disk: the copy holds the newer text ...
    a.set("ten_xa", AnswerValue::Text("Mới, chỉ ở bản sao".into()));
    let copy = session::write_copy(&right, &a, &q).unwrap();
    // ... and the journal what was typed after that copy.
    write_journal(&journal::path_for(&file), &[("tinh", "Quảng Ngãi")]);
    assert_eq!(session::waiting(&file).len(), 2, "render is told of both");

    let mut loaded = answers::load(&file, &q).unwrap();
    let found = session::recover(&right, &mut loaded, &q).unwrap();
    assert_eq!(found.copy.as_deref(), Some(copy.as_path()));
    assert_eq!(found.answers, 2);
    assert_eq!(
        text_of(&loaded, "ten_xa").as_deref(),
        Some("Mới, chỉ ở bản sao")
    );
    assert_eq!(text_of(&loaded, "tinh").as_deref(), Some("Quảng Ngãi"));
    assert!(copy.exists(), "kept until a save has it in the file");

    session::save(&right, &loaded, &q).unwrap();
    assert!(
        session::copies(&file).is_empty(),
        "the copy outlived the save"
    );
    let back = answers::load(&file, &q).unwrap();
    assert_eq!(
        text_of(&back, "ten_xa").as_deref(),
        Some("Mới, chỉ ở bản sao")
    );
}

#[test]
fn a_copy_older_than_the_answers_file_never_overwrites_it() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let file = dir.path().join("a.answers.yaml");
    let _gone = CopiesGone(file.clone());
    let right = session::claim(&file).expect("free");
    let mut a = Answers::new();
    a.set("ten_xa", AnswerValue::Text("Bản sao cũ".into()));
    let copy = session::write_copy(&right, &a, &q).unwrap();
    // The file is written after the copy (by another program here): the copy is older.
    a.set("ten_xa", AnswerValue::Text("Tệp mới hơn".into()));
    answers::save(&file, &a, &q).unwrap();
    assert!(session::waiting(&file).is_empty());

    let mut loaded = answers::load(&file, &q).unwrap();
    let found = session::recover(&right, &mut loaded, &q).unwrap();
    assert_eq!(found.answers, 0);
    assert_eq!(found.copy, None);
    assert_eq!(text_of(&loaded, "ten_xa").as_deref(), Some("Tệp mới hơn"));
    // Kept aside, under a name that is not taken again, and said.
    assert!(!copy.exists());
    assert_eq!(found.set_aside.len(), 1);
    let kept = &found.set_aside[0];
    assert!(
        std::fs::read_to_string(kept)
            .unwrap()
            .contains("Bản sao cũ")
    );
    let _ = std::fs::remove_file(kept);

    // An older copy holding what the file holds is simply removed.
    let same = session::write_copy(&right, &loaded, &q).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    answers::save(&file, &loaded, &q).unwrap();
    let found = session::recover(&right, &mut loaded, &q).unwrap();
    assert!(found.set_aside.is_empty());
    assert!(!same.exists());
}

#[test]
fn folding_from_disk_takes_the_copy_too() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let file = dir.path().join("a.answers.yaml");
    let _gone = CopiesGone(file.clone());
    let right = session::claim(&file).expect("free");
    let mut a = Answers::new();
    a.set("ten_xa", AnswerValue::Text("Chỉ ở bản sao".into()));
    session::write_copy(&right, &a, &q).unwrap();
    write_journal(&journal::path_for(&file), &[("tinh", "Bình Định")]);
    session::fold_from_disk(&right, &q).unwrap();
    let back = answers::load(&file, &q).unwrap();
    assert_eq!(text_of(&back, "ten_xa").as_deref(), Some("Chỉ ở bản sao"));
    assert_eq!(text_of(&back, "tinh").as_deref(), Some("Bình Định"));
    assert!(session::copies(&file).is_empty());
}

/// A copy planted in a data folder by another user (the temporary folder is shared), or
/// writable by others, is never taken.
#[cfg(unix)]
#[test]
fn a_copy_another_user_could_write_is_never_taken() {
    use std::os::unix::fs::{PermissionsExt, chown};
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let file = dir.path().join("a.answers.yaml");
    let _gone = CopiesGone(file.clone());
    let right = session::claim(&file).expect("free");
    let mut a = Answers::new();
    a.set("ten_xa", AnswerValue::Text("Cài vào".into()));
    let copy = session::write_copy(&right, &a, &q).unwrap();
    assert_eq!(session::copies(&file), vec![copy.clone()]);
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o666)).unwrap();
    assert!(session::copies(&file).is_empty(), "a copy others can write");
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o600)).unwrap();
    // Another owner: only root can give a file away; others check the mode alone.
    if chown(&copy, Some(54_321), None).is_ok() {
        assert!(session::copies(&file).is_empty(), "another user's copy");
        let mut loaded = Answers::new();
        let found = session::recover(&right, &mut loaded, &q).unwrap();
        assert_eq!(found.answers, 0);
        assert_eq!(loaded.get("ten_xa"), None);
    }
    let _ = std::fs::remove_file(copy);
}

#[test]
fn a_copy_written_at_quit_is_found_like_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let file = dir.path().join("a.answers.yaml");
    let _gone = CopiesGone(file.clone());
    let right = session::claim(&file).expect("free");
    let mut a = Answers::new();
    a.set("ten_xa", AnswerValue::Text("Lúc thoát".into()));
    let copy = session::write_recovery_copy(&right, &a, &q).unwrap();
    assert_eq!(session::copies(&file), vec![copy]);
    let mut loaded = Answers::new();
    let found = session::recover(&right, &mut loaded, &q).unwrap();
    assert_eq!(found.answers, 1);
    assert_eq!(text_of(&loaded, "ten_xa").as_deref(), Some("Lúc thoát"));
}

// ----- what a crash leaves behind -------------------------------------------------------------

fn write_journal(path: &Path, records: &[(&str, &str)]) {
    let mut j = Journal::open(path).unwrap();
    for (id, text) in records {
        j.append(id, Entry::Value(&AnswerValue::Text((*text).into())))
            .unwrap();
    }
}

#[test]
fn a_journal_is_replayed_whatever_its_age_and_removed_when_it_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let file = dir.path().join("a.answers.yaml");
    let jpath = journal::path_for(&file);
    write_journal(&jpath, &[("ten_xa", "Mới"), ("tinh", "Quảng Ngãi")]);
    // The answers file is written after the journal, from a snapshot older than its records
    // (a save asked for before the last keys): the journal is older but not folded.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut a = Answers::new();
    a.set("ten_xa", AnswerValue::Text("Cũ".into()));
    answers::save(&file, &a, &q).unwrap();
    let mut loaded = answers::load(&file, &q).unwrap();
    let right = session::claim(&file).expect("free");
    let found = session::recover(&right, &mut loaded, &q).unwrap();
    assert_eq!(found.answers, 2);
    assert_eq!(loaded.get("ten_xa"), Some(&AnswerValue::Text("Mới".into())));
    assert!(jpath.exists(), "kept until the next save folds it");

    // Once the file has everything, the journal adds nothing: no message, and it goes.
    answers::save(&file, &loaded, &q).unwrap();
    let mut again = answers::load(&file, &q).unwrap();
    let found = session::recover(&right, &mut again, &q).unwrap();
    assert_eq!(found.answers, 0);
    assert_eq!(again.get("ten_xa"), loaded.get("ten_xa"));
    assert_eq!(again.get("tinh"), loaded.get("tinh"));
    assert!(!jpath.exists());
}

/// Removes `file`'s journals in the (real) data folders when dropped.
struct JournalsGone(std::path::PathBuf);

impl Drop for JournalsGone {
    fn drop(&mut self) {
        for path in session::journal_paths(&self.0) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Issue 12, review: a journal left in the data folder by an old session must not put its
/// older answer back over what a later session saved. The later session's save retires it
/// (before the fix, only the journal the session appended to was ever emptied, and every
/// later start replayed the old one and said "Đã khôi phục").
#[test]
fn an_old_journal_elsewhere_is_retired_by_the_save_that_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let file = dir.path().join("a.answers.yaml");
    let _gone = JournalsGone(session::resolve(&file));
    let mut a = Answers::new();
    a.set("ten_xa", AnswerValue::Text("v0".into()));
    answers::save(&file, &a, &q).unwrap();
    // S1 could not write beside the file: its journal is in the data folder.
    let elsewhere = session::journal_paths(&session::resolve(&file))[1].clone();
    std::fs::create_dir_all(elsewhere.parent().unwrap()).unwrap();
    write_journal(&elsewhere, &[("ten_xa", "v0_q")]);

    // S2 recovers it, appends to its own journal, saves; the fold retires the old one.
    let right = session::claim(&file).expect("free");
    let mut loaded = answers::load(&file, &q).unwrap();
    assert_eq!(
        session::recover(&right, &mut loaded, &q).unwrap().answers,
        1
    );
    let mut own = session::open_journal(&right, &[]).unwrap();
    assert_ne!(
        own.path(),
        elsewhere.as_path(),
        "a fresh journal beside the file"
    );
    loaded.set("ten_xa", AnswerValue::Text("v0_q_NEWER".into()));
    own.append("ten_xa", Entry::Value(loaded.get("ten_xa").unwrap()))
        .unwrap();
    session::save(&right, &loaded, &q).unwrap();
    assert!(session::retire_older_journals(&right, Some(own.path())));
    own.truncate().unwrap();
    assert!(!elsewhere.exists());
    drop(own);
    drop(right);

    // S3 finds nothing to bring back.
    let right = session::claim(&file).expect("free");
    let mut again = answers::load(&file, &q).unwrap();
    let found = session::recover(&right, &mut again, &q).unwrap();
    assert_eq!(found.answers, 0);
    assert_eq!(text_of(&again, "ten_xa").as_deref(), Some("v0_q_NEWER"));
}

/// Issue 12, review: two journals are replayed in the order their records were written, not
/// in the order of their folders: a session killed before its first fold leaves its own
/// journal (beside the file) newer than the one it replayed (in the data folder). Before the
/// fix the older one was replayed last and won.
#[test]
fn journals_are_replayed_oldest_first_whatever_their_folder() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let file = dir.path().join("a.answers.yaml");
    let _gone = JournalsGone(session::resolve(&file));
    let paths = session::journal_paths(&session::resolve(&file));
    std::fs::create_dir_all(paths[1].parent().unwrap()).unwrap();
    write_journal(&paths[1], &[("ten_xa", "cũ")]);
    std::thread::sleep(std::time::Duration::from_millis(20));
    write_journal(&paths[0], &[("ten_xa", "mới")]);
    let right = session::claim(&file).expect("free");
    let mut a = Answers::new();
    session::recover(&right, &mut a, &q).unwrap();
    assert_eq!(text_of(&a, "ten_xa").as_deref(), Some("mới"));
    // A session appends only to the newest journal, or to an empty one.
    let own = session::open_journal(&right, &[]).unwrap();
    assert_eq!(own.path(), paths[0].as_path());
    drop(own);
    std::thread::sleep(std::time::Duration::from_millis(20));
    write_journal(&paths[1], &[("ten_xa", "mới hơn")]);
    let own = session::open_journal(&right, &[]).unwrap();
    assert_eq!(own.path(), paths[1].as_path(), "the newest one");
    // Moving off a journal that refused a record takes an empty location only.
    let moved = session::open_journal(&right, &[own.path().to_owned()]).unwrap();
    assert!(std::fs::metadata(moved.path()).unwrap().len() == 0);
    assert!(!paths[..2].contains(&moved.path().to_owned()));
}

/// Issue 12, review: a lock in the data folder (taken by a session whose folder refused the
/// lock beside the file) stops a second session too; before the fix the second one took the
/// lock beside the file and wrote as well.
#[test]
fn a_lock_in_the_data_folder_stops_a_second_writer() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.answers.yaml");
    let place = &session::fallback_lock_paths(&session::resolve(&file))[0];
    std::fs::create_dir_all(place.parent().unwrap()).unwrap();
    let first = session::Lock::acquire(place).expect("the first session's lock");
    match session::claim(&file) {
        Err(session::Refused::Held(holder)) => {
            assert_eq!(holder.pid, std::process::id().to_string());
        }
        other => panic!("a second writer: {other:?}"),
    }
    drop(first);
    let right = session::claim(&file).expect("free again");
    assert!(
        right.locks().len() >= 2,
        "beside the file and in the data folder"
    );
}

/// Issue 12, review: a file opened through a symbolic link has the lock of the file itself
/// (before the fix the lock went beside the link, and two sessions both wrote).
#[cfg(unix)]
#[test]
fn a_file_reached_through_a_link_has_one_lock() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    let link_dir = dir.path().join("link");
    std::fs::create_dir(&real_dir).unwrap();
    std::fs::create_dir(&link_dir).unwrap();
    std::fs::write(real_dir.join("x.answers.yaml"), "answers: {}\n").unwrap();
    std::os::unix::fs::symlink(
        real_dir.join("x.answers.yaml"),
        link_dir.join("x.answers.yaml"),
    )
    .unwrap();
    let first = session::claim(&real_dir.join("x.answers.yaml")).expect("free");
    assert!(matches!(
        session::claim(&link_dir.join("x.answers.yaml")),
        Err(session::Refused::Held(_))
    ));
    assert_eq!(
        session::resolve(&link_dir.join("x.answers.yaml")),
        first.answers()
    );
    // A file not there yet, in a folder reached through a link, is named in the real folder.
    let linked_dir = dir.path().join("linked");
    std::os::unix::fs::symlink(&real_dir, &linked_dir).unwrap();
    assert_eq!(
        session::resolve(&linked_dir.join("y.answers.yaml")),
        std::fs::canonicalize(&real_dir)
            .unwrap()
            .join("y.answers.yaml")
    );
}

/// Issue 12, review: a torn last record is cut off when the journal is opened to append, so
/// the records appended after it are replayed (before the fix replay stopped at the torn one).
#[test]
fn records_appended_after_a_torn_one_are_replayed() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let jpath = dir.path().join(".a.answers.yaml.journal");
    write_journal(&jpath, &[("ten_xa", "một")]);
    let whole = std::fs::metadata(&jpath).unwrap().len();
    {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&jpath)
            .unwrap();
        f.write_all(b"bj 0000abcd 40\ntten").unwrap();
    }
    write_journal(&jpath, &[("tinh", "hai")]);
    let bytes = std::fs::read(&jpath).unwrap();
    let mut a = Answers::new();
    let replayed = journal::replay(&bytes, &mut a, &q);
    assert_eq!(replayed.torn, 0);
    assert_eq!(text_of(&a, "ten_xa").as_deref(), Some("một"));
    assert_eq!(text_of(&a, "tinh").as_deref(), Some("hai"));
    assert!(bytes.len() as u64 > whole);
}

/// Issue 12, review: a copy is newer than the answers file when the file still holds what it
/// held then — its content, not its time: `touch` does not make the copy look older.
#[test]
fn touching_the_answers_file_does_not_make_a_copy_older() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let file = dir.path().join("a.answers.yaml");
    let _copies = CopiesGone(session::resolve(&file));
    let mut a = Answers::new();
    a.set("ten_xa", AnswerValue::Text("Cũ".into()));
    answers::save(&file, &a, &q).unwrap();
    let right = session::claim(&file).expect("free");
    a.set("ten_xa", AnswerValue::Text("Ở bản sao".into()));
    session::write_copy(&right, &a, &q).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let f = std::fs::File::options().write(true).open(&file).unwrap();
    f.set_modified(std::time::SystemTime::now()).unwrap();
    drop(f);
    let mut loaded = answers::load(&file, &q).unwrap();
    let found = session::recover(&right, &mut loaded, &q).unwrap();
    assert!(found.set_aside.is_empty(), "{:?}", found.set_aside);
    assert_eq!(text_of(&loaded, "ten_xa").as_deref(), Some("Ở bản sao"));
}

#[test]
fn folding_from_disk_writes_the_journal_into_the_answers_file() {
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let file = dir.path().join("a.answers.yaml");
    write_journal(&journal::path_for(&file), &[("ten_xa", "An Phú")]);
    let right = session::claim(&file).expect("free");
    session::fold_from_disk(&right, &q).unwrap();
    let a = answers::load(&file, &q).unwrap();
    assert_eq!(a.get("ten_xa"), Some(&AnswerValue::Text("An Phú".into())));
}

#[test]
fn a_file_changed_or_removed_by_another_program_is_noticed_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.answers.yaml");
    std::fs::write(&file, "answers: {}\n").unwrap();
    let known = session::stamp(&file);
    assert_eq!(session::check_outside(&file, known), Outside::Untouched);
    std::fs::write(&file, "answers: {ten_xa: Sửa tay}\n").unwrap();
    let Outside::Changed(kept) = session::check_outside(&file, known) else {
        panic!("changed")
    };
    assert!(!file.exists(), "moved aside for the save that follows");
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        "answers: {ten_xa: Sửa tay}\n"
    );
    assert!(
        kept.file_name()
            .unwrap()
            .to_string_lossy()
            .contains(".external-")
    );
    assert_eq!(session::check_outside(&file, known), Outside::Gone);
    // Kept copies never overwrite each other.
    std::fs::write(&file, "b").unwrap();
    let second = session::keep_aside(&file, "external").unwrap();
    assert_ne!(second, kept);
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        "answers: {ten_xa: Sửa tay}\n"
    );
    assert_eq!(std::fs::read_to_string(&second).unwrap(), "b");
}

// ----- the questionnaire changed between runs ------------------------------------------------

#[test]
fn renamed_removed_and_retyped_questions_keep_their_answers_and_are_listed() {
    let q = common::questionnaire("tests/fixtures/valid/renames.yaml");
    let text = "answers:\n  so_lop_tap_huan: 4\n  khong_con_hoi: Câu đã bỏ\n  de_xuat: mười\n";
    let a = answers::parse("a.answers.yaml", text, &q).expect("parses");
    // Renamed: migrated to the new id.
    assert_eq!(a.get("so_lop"), Some(&AnswerValue::Integer(4)));
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), q, a);
    let rows: Vec<String> = app.review_rows().into_iter().map(|r| r.text).collect();
    // Removed: kept and listed.
    assert!(
        rows.contains(&ui::review_orphan("khong_con_hoi")),
        "{rows:#?}"
    );
    // Kind changed (a list now): the old text kept and reported.
    assert!(
        rows.iter().any(|r| r.contains("Đề xuất")),
        "the retyped answer is listed: {rows:#?}"
    );
    let saved = answers::to_yaml(&app.answers, &app.q);
    assert!(saved.contains("khong_con_hoi: Câu đã bỏ"), "{saved}");
    assert!(saved.contains("de_xuat: mười"), "{saved}");
}

// ----- the command line ----------------------------------------------------------------------

#[test]
fn from_a_previous_file_that_cannot_be_read_stops_with_its_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baocao"))
        .current_dir(dir.path())
        .args(["run", "--from", "khong-co.answers.yaml"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("khong-co.answers.yaml"), "{err}");
}

/// The temporary folder is shared by every user of the machine: a journal planted there under
/// the name of an official's answers file (or one another user could write) must never put
/// answers into it. And the journals baocao writes are readable by the official only.
#[cfg(unix)]
#[test]
fn a_journal_another_user_could_write_is_never_replayed() {
    use std::os::unix::fs::{PermissionsExt, chown};
    let dir = tempfile::tempdir().unwrap();
    let q = builtin();
    let file = dir.path().join("a.answers.yaml");
    let right = session::claim(&file).expect("free");
    // The last place a journal may live: the temporary folder's.
    let planted = session::journal_paths(&file)
        .into_iter()
        .next_back()
        .expect("a data-folder journal");
    std::fs::create_dir_all(planted.parent().unwrap()).unwrap();
    write_journal(&planted, &[("ten_xa", "Cài vào")]);
    assert_eq!(
        std::fs::metadata(&planted).unwrap().permissions().mode() & 0o777,
        0o600,
        "a journal is private"
    );
    std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o666)).unwrap();
    assert!(
        !session::journal_paths(&file).contains(&planted),
        "a journal others can write is not one of ours"
    );
    let mut loaded = Answers::new();
    let found = session::recover(&right, &mut loaded, &q).unwrap();
    assert_eq!((found.answers, loaded.get("ten_xa")), (0, None));
    std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o600)).unwrap();
    // Another owner: only root can give a file away.
    if chown(&planted, Some(54_321), None).is_ok() {
        let mut loaded = Answers::new();
        let found = session::recover(&right, &mut loaded, &q).unwrap();
        assert_eq!((found.answers, loaded.get("ten_xa")), (0, None));
    }
    let _ = std::fs::remove_file(planted);
}
