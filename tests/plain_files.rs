//! The files a session reads and writes, through the real binary in plain mode, on every
//! system (and under Wine by `.ci/windows`): what we write (UTF-8 without a byte-order mark,
//! LF only), what Notepad saves (a byte-order mark, CRLF) read as the same file, Vietnamese
//! file names end to end, paths shown as the official typed them, and a file held by another
//! session when the input is a pipe.

use std::path::{MAIN_SEPARATOR, Path};

use baocao::answers::{self, AnswerValue};

use crate::common::baocao;
use crate::plain::{plain, small, text};

const Q: &str = "questionnaires/ct1322-so-ket-2021-2025.yaml";
const BA_DINH: &str = "questionnaires/examples/ba-dinh.answers.yaml";
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A file as Notepad may save it: a byte-order mark first, every line ended by CRLF.
fn as_notepad(text: &str) -> Vec<u8> {
    let mut bytes = BOM.to_vec();
    bytes.extend(
        text.replace("\r\n", "\n")
            .replace('\n', "\r\n")
            .into_bytes(),
    );
    bytes
}

/// Fails when a file we wrote has a CR anywhere or starts with a byte-order mark.
fn assert_lf_without_bom(path: &Path) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(!bytes.is_empty(), "{} is empty", path.display());
    assert!(
        !bytes.starts_with(BOM),
        "{} starts with a BOM",
        path.display()
    );
    assert!(!bytes.contains(&b'\r'), "{} holds a CR", path.display());
}

#[test]
fn every_text_file_written_is_lf_only_without_a_bom() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = plain(
        dir.path(),
        &["--answers", "a.answers.yaml"],
        "Hòa Bình\nQuảng Ngãi\n:xong bc\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = dir.path().join("bc.md");
    let answers = dir.path().join("a.answers.yaml");
    let render = baocao(&[
        "render",
        Q,
        "--answers",
        &answers.to_string_lossy(),
        "--format",
        "md",
        "-o",
        &md.to_string_lossy(),
    ]);
    assert_eq!(render.status.code(), Some(0), "{}", text(&render.stderr));
    for name in ["a.answers.yaml", "bc.txt", "bc.md"] {
        assert_lf_without_bom(&dir.path().join(name));
    }
}

#[test]
fn a_questionnaire_and_answers_saved_by_notepad_read_the_same() {
    let dir = tempfile::tempdir().expect("tempdir");
    let q = dir.path().join("q.yaml");
    let a = dir.path().join("a.answers.yaml");
    std::fs::write(&q, as_notepad(&crate::common::read(Q))).expect("written");
    std::fs::write(&a, as_notepad(&crate::common::read(BA_DINH))).expect("written");
    // The same answers, read by the library…
    let model = baocao::questionnaire::load_path(&q).expect("the Notepad questionnaire loads");
    let plain_q = crate::common::questionnaire(Q);
    let from_notepad = answers::load(&a, &model).expect("the Notepad answers load");
    let original = answers::load(&crate::common::path(BA_DINH), &plain_q).expect("loads");
    assert_eq!(from_notepad, original);
    // …and the same report from the binary.
    let render = |q: &str, a: &str| {
        let out = baocao(&["render", q, "--answers", a, "--format", "txt"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        out.stdout
    };
    let ours = render(&q.to_string_lossy(), &a.to_string_lossy());
    assert_eq!(text(&ours), text(&render(Q, BA_DINH)));
}

#[test]
fn a_paragraph_pasted_with_crlf_is_stored_with_lf() {
    let dir = small();
    let q = dir.path().join("t.yaml");
    let yaml = std::fs::read_to_string(&q).expect("read");
    let yaml = yaml.replace(
        "  - { id: ghi_chu, ask: Ghi chú, kind: text }",
        "  - { id: ghi_chu, ask: Ghi chú, kind: paragraph }",
    );
    std::fs::write(&q, yaml).expect("written");
    let out = plain(
        dir.path(),
        &["t.yaml", "--answers", "a.answers.yaml"],
        "01/02/2025\r\nk\r\nDòng một\r\nDòng hai\r\n\r\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved = dir.path().join("a.answers.yaml");
    assert_lf_without_bom(&saved);
    let model = baocao::questionnaire::load_path(&q).expect("loads");
    let read = answers::load(&saved, &model).expect("the answers load");
    assert_eq!(
        read.get("ghi_chu"),
        Some(&AnswerValue::Text("Dòng một\nDòng hai".into()))
    );
}

#[test]
fn vietnamese_file_names_work_end_to_end() {
    use unicode_normalization::is_nfc;
    let name = "Báo cáo xã Ba Đình";
    assert!(is_nfc(name), "the test's name is NFC");
    let dir = tempfile::tempdir().expect("tempdir");
    let answers = format!("{name}.answers.yaml");
    std::fs::copy(crate::common::path(BA_DINH), dir.path().join(&answers)).expect("copied");
    // One answer changed (so the file is saved again), then the export under the same name.
    let out = plain(
        dir.path(),
        &["--answers", &answers],
        &format!("Ba Đình\n:xong {name}\n"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains(&format!("{name}.txt")), "{stdout}");
    assert!(text(&out.stderr).contains(&answers) || stdout.contains(&answers));
    let saved = std::fs::read_to_string(dir.path().join(&answers)).expect("saved");
    assert!(saved.contains("ten_xa: Ba Đình"), "{saved}");
    assert!(dir.path().join(format!("{name}.docx")).exists());
    let exported = std::fs::read_to_string(dir.path().join(format!("{name}.txt"))).expect("txt");
    // The file names read back, and the export is the render of the saved answers.
    let render = baocao(&[
        "render",
        Q,
        "--answers",
        &dir.path().join(&answers).to_string_lossy(),
        "--format",
        "txt",
    ]);
    assert_eq!(render.status.code(), Some(0), "{}", text(&render.stderr));
    assert_eq!(exported, text(&render.stdout));
    assert!(exported.contains("Ba Đình"));
}

#[test]
fn paths_are_shown_as_typed_with_the_system_separator() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("dot-1")).expect("folder");
    // Typed with `/`, relative: shown relative, with the system's separator, never made full.
    let out = plain(
        dir.path(),
        &["--answers", "dot-1/a.answers.yaml"],
        "Hòa Bình\n:xong bc\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let (stdout, s) = (text(&out.stdout), MAIN_SEPARATOR);
    let exported = format!("Đã xuất báo cáo: dot-1{s}bc.txt, dot-1{s}bc.docx.");
    assert!(stdout.contains(&exported), "no {exported} in\n{stdout}");
    let saved = format!("Câu trả lời đã lưu trong dot-1{s}a.answers.yaml.");
    assert!(stdout.contains(&saved), "no {saved} in\n{stdout}");
    let full = dir.path().to_string_lossy().into_owned();
    assert!(!stdout.contains(&full), "a full path in\n{stdout}");
    assert!(!stdout.contains(r"\\?\"), "{stdout}");
}

#[test]
fn a_file_held_by_another_session_is_refused_without_reading_the_pipe() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a.answers.yaml");
    // This test process holds the file, as another window would.
    let held = baocao::session::claim(&file).expect("the first session's right");
    let out = plain(dir.path(), &["--answers", "a.answers.yaml"], "Hòa Bình\n");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    // The file and its holder named (the holder readable while it holds the lock)…
    let pid = format!("PID {},", std::process::id());
    assert!(stderr.contains(&pid), "no {pid} in\n{stderr}");
    assert!(stderr.contains("a.answers.yaml"), "{stderr}");
    assert!(stderr.contains("mã thoát 3"), "{stderr}");
    // …nothing asked, nothing read as a reply, nothing written.
    assert!(!stderr.contains("[c/K]"), "{stderr}");
    // …and no offer to only look, which a pipe cannot take up.
    assert!(!stderr.contains("chỉ xem"), "{stderr}");
    assert!(stderr.contains("chạy lại"), "{stderr}");
    assert!(!file.exists());
    drop(held);
    // Free again once the first session ends: the lock file goes with it, on every system.
    assert!(!baocao::session::lock_path(&file).exists());
    let out = plain(dir.path(), &["--answers", "a.answers.yaml"], "Hòa Bình\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        std::fs::read_to_string(&file)
            .expect("saved")
            .contains("Hòa Bình")
    );
    // The lock file of a session that ended in another process is gone too.
    assert!(!baocao::session::lock_path(&file).exists());
}

#[test]
fn the_data_folder_is_the_one_xdg_data_home_names_on_every_system() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().expect("tempdir");
    let data = tempfile::tempdir().expect("tempdir");
    let sessions = data.path().join("baocao").join("sessions");
    let locks = || -> Vec<String> {
        std::fs::read_dir(&sessions).map_or_else(
            |_| Vec::new(),
            |entries| {
                entries
                    .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                    .filter(|n| Path::new(n).extension().is_some_and(|e| e == "lock"))
                    .collect()
            },
        )
    };
    let mut child = Command::new(crate::common::pty::binary())
        .args(["run", "--plain", "--answers", "a.answers.yaml"])
        .current_dir(dir.path())
        .env("XDG_DATA_HOME", data.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("baocao runs");
    // While the session runs (its input still open), its lock is in the folder the variable
    // names (so tests stay apart from the official's data, under Wine too)…
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while locks().is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let held = locks();
    drop(child.stdin.take());
    let status = child.wait().expect("baocao ends");
    assert_eq!(
        held.len(),
        1,
        "the session's lock in {}",
        sessions.display()
    );
    assert!(held[0].starts_with("a.answers.yaml-"), "{held:?}");
    // …and it goes when the session ends.
    assert_eq!(status.code(), Some(0));
    assert_eq!(locks(), Vec::<String>::new());
}
