//! What differs on Windows, checked on every system (and under Wine by `.ci/windows`): paths
//! shown to the official carry neither the `\\?\` prefix `canonicalize` gives on Windows nor a
//! `/` where the system writes `\`; file and folder names with Vietnamese letters are written
//! and read back. On Linux these pass with or without the fixes; under Wine they failed before.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};
use std::sync::Arc;

use baocao::answers::Answers;
use baocao::tui::action::Action;
use baocao::tui::app::{App, Overlay};
use baocao::tui::keymap::Focus;
use baocao::tui::theme::Theme;
use baocao::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common::{self, baocao, stderr};

/// Windows' verbatim prefix, which `std::fs::canonicalize` puts before every path there.
const VERBATIM: &str = r"\\?\";

/// The wizard on the built-in questionnaire, its export dialog open, as if `paths` had just
/// been written; returns the dialog's folder and the screen's text.
fn export_screen(answers_path: PathBuf) -> (PathBuf, String) {
    let q = baocao::questionnaire::builtin().expect("the built-in questionnaire loads");
    let mut app = App::new(Arc::new(q), Answers::new(), answers_path);
    app.update(Action::Finish);
    app.update(Action::Export);
    assert_eq!(app.focus(), Focus::Export);
    let Some(Overlay::Export(dialog)) = app.overlays.last_mut() else {
        panic!("the export dialog");
    };
    let folder = dialog.folder.clone();
    dialog.result = Some(Ok(dialog.paths()));
    let mut terminal = Terminal::new(TestBackend::new(160, 40)).expect("a test terminal");
    terminal
        .draw(|frame| view::draw(frame, &app, &Theme::monochrome()))
        .expect("drawn");
    (folder, terminal.backend().to_string())
}

#[test]
fn the_export_dialog_shows_its_folder_without_the_verbatim_prefix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (folder, screen) = export_screen(dir.path().join("a.answers.yaml"));
    let folder = folder.to_string_lossy().into_owned();
    assert!(!folder.starts_with(VERBATIM), "the folder: {folder}");
    assert!(!screen.contains(VERBATIM), "{screen}");
    // The folder is still the real one, in full (resolved, so compared by what it names).
    assert!(
        Path::new(&folder).is_absolute() && same_dir(Path::new(&folder), dir.path()),
        "{folder} is not {}",
        dir.path().display()
    );
}

#[test]
fn the_export_dialog_writes_paths_with_the_system_separator() {
    // A folder not there: shown as given, but with the system's separator throughout (the
    // file's name is joined with `\` on Windows; the folder was typed with `/`).
    let (_, screen) = export_screen(PathBuf::from("bao-cao/dot-1/a.answers.yaml"));
    let s = MAIN_SEPARATOR;
    let expected = format!("bao-cao{s}dot-1{s}ct1322-so-ket-2021-2025");
    assert!(screen.contains(&expected), "no {expected} in\n{screen}");
    if s != '/' {
        assert!(!screen.contains("bao-cao/"), "{screen}");
    }
}

#[test]
fn a_session_names_its_answers_file_without_the_verbatim_prefix() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Not there yet (its folder is resolved) and there (itself resolved).
    let missing = baocao::session::resolve(&dir.path().join("a.answers.yaml"));
    std::fs::write(dir.path().join("b.answers.yaml"), "").expect("written");
    let present = baocao::session::resolve(&dir.path().join("b.answers.yaml"));
    for path in [missing, present] {
        let shown = path.to_string_lossy().into_owned();
        assert!(!shown.starts_with(VERBATIM), "{shown}");
        assert!(path.is_absolute(), "{shown}");
    }
}

#[test]
fn vietnamese_folder_and_file_names_are_written_and_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("Báo cáo Đảng ủy");
    std::fs::create_dir(&folder).expect("a folder with Vietnamese letters");
    let answers = folder.join("xã Ba Đình.answers.yaml");
    std::fs::copy(
        common::path("questionnaires/examples/ba-dinh.answers.yaml"),
        &answers,
    )
    .expect("copied");
    let out_path = folder.join("báo cáo sơ kết.txt");
    let args = |out: Option<&Path>| {
        let mut v = vec![
            "render".to_owned(),
            "questionnaires/ct1322-so-ket-2021-2025.yaml".to_owned(),
            "--answers".to_owned(),
            answers.to_str().expect("UTF-8").to_owned(),
        ];
        if let Some(out) = out {
            v.extend(["-o".to_owned(), out.to_str().expect("UTF-8").to_owned()]);
        }
        v
    };
    let run = |v: Vec<String>| baocao(&v.iter().map(String::as_str).collect::<Vec<_>>());
    let printed = run(args(None));
    assert!(printed.status.success(), "{}", stderr(&printed));
    let written = run(args(Some(&out_path)));
    assert!(written.status.success(), "{}", stderr(&written));
    let text = std::fs::read(&out_path).expect("the report under its Vietnamese name");
    assert_eq!(text, printed.stdout);
    assert!(String::from_utf8_lossy(&text).contains("BÁO CÁO"));
}

/// Whether two existing folders are one (both resolved).
fn same_dir(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
