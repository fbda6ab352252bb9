//! The command line as a user runs it: exit codes, output, Vietnamese messages.

use crate::common::{baocao, stderr, stdout};

const Q: &str = "questionnaires/ct1322-so-ket-2021-2025.yaml";
const A: &str = "questionnaires/examples/ba-dinh.answers.yaml";

/// An answers file with `text` in a fresh folder (kept alive by the returned guard).
fn answers_file(text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.answers.yaml");
    std::fs::write(&path, text).expect("written");
    let path = path.to_str().expect("utf-8").to_owned();
    (dir, path)
}

#[test]
fn help_and_version_are_vietnamese() {
    let out = baocao(&["--help"]);
    assert!(out.status.success());
    let help = stdout(&out);
    for word in ["render", "check", "Tùy chọn", "Mã thoát"] {
        assert!(help.contains(word), "help lacks {word}:\n{help}");
    }
    let out = baocao(&["render", "--help"]);
    assert!(stdout(&out).contains("--body-only"));
    assert!(stdout(&out).contains("Chỉ phần nội dung"));
    let out = baocao(&["--version"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_2_in_vietnamese() {
    let out = baocao(&["render", Q]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("thiếu tham số"), "{}", stderr(&out));
    let out = baocao(&["lam-gi-do"]);
    assert_eq!(out.status.code(), Some(2));
    let out = baocao(&["render", Q, "--answers", A, "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("không hợp lệ"), "{}", stderr(&out));
}

#[test]
fn render_writes_a_file_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_path = dir.path().join("bao-cao.md");
    let out = baocao(&[
        "render",
        Q,
        "--answers",
        A,
        "--format",
        "md",
        "-o",
        out_path.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let md = std::fs::read_to_string(&out_path).expect("written");
    assert!(md.contains("# BÁO CÁO"));
    assert!(
        md.contains("## I\\. TÌNH HÌNH TRIỂN KHAI CHƯƠNG TRÌNH")
            || md.contains("## I. TÌNH HÌNH TRIỂN KHAI CHƯƠNG TRÌNH"),
        "{md}"
    );
    assert!(md.contains("**1.1. Hoàn thiện chính sách:**"), "{md}");
}

#[test]
fn full_text_has_the_nd30_frame() {
    let out = baocao(&["render", Q, "--answers", A]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].contains("ỦY BAN NHÂN DÂN")
            && lines[0].contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "{text}"
    );
    assert!(
        lines[1].contains("XÃ BA DINH") && lines[1].contains("Độc lập - Tự do - Hạnh phúc"),
        "{text}"
    );
    // The national title starts in the same display column on the first line as the motto block.
    assert!(text.contains("Nơi nhận:"));
    assert!(text.contains("/BC-UBND"));
    assert!(text.contains("năm 2025"));
}

#[test]
fn errors_have_their_own_exit_codes() {
    let (dir, bad_answers) = answers_file("answers: [\n");
    let out = baocao(&["render", Q, "--answers", &bad_answers]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("x.answers.yaml:"), "{}", stderr(&out));

    let missing = dir.path().join("khong-co.answers.yaml");
    let out = baocao(&["render", Q, "--answers", missing.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("không tìm thấy tệp"),
        "{}",
        stderr(&out)
    );

    let out = baocao(&["render", "khong-co.yaml", "--answers", A]);
    assert_eq!(out.status.code(), Some(1));

    let out = baocao(&["render", Q, "--answers", A, "-o", "/thu-muc-khong-co/x.txt"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr(&out).contains("không ghi được"), "{}", stderr(&out));
}

#[test]
fn warnings_name_orphans_and_missing_answers() {
    let (_dir, path) = answers_file("answers:\n  ten_xa: An Phú\n  cau_hoi_da_xoa: giữ lại\n");
    let out = baocao(&["render", Q, "--answers", &path, "--body-only"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("cau_hoi_da_xoa") && err.contains("đã giữ nguyên"),
        "{err}"
    );
    assert!(err.contains("chưa trả lời câu bắt buộc"), "{err}");
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let (_dir, path) = answers_file("answers:\n  ten_xa: \"Ba\\e[31mDinh\\u0007\"\n");
    let out = baocao(&["render", Q, "--answers", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "escape reached stdout"
    );
    assert!(text.contains("Ba\u{FFFD}[31mDinh"), "{text}");
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let answers = dir.path().join("a.answers.yaml");
    std::fs::copy(crate::common::path(A), &answers).expect("copied");
    let before = std::fs::read(&answers).expect("read");
    let path = answers.to_str().expect("utf-8");
    let out = baocao(&["render", Q, "--answers", path, "-o", path]);
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr(&out).contains("trùng với tệp"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&answers).expect("read"), before);
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args(["check", Q, Q, Q, Q])
        .current_dir(crate::common::root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("waits");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn usage_errors_name_the_slip() {
    let out = baocao(&["render", Q, "--answers", A, "-o"]);
    assert!(stderr(&out).contains("thiếu giá trị"), "{}", stderr(&out));
    let out = baocao(&["check"]);
    assert!(!stderr(&out).contains("...."), "{}", stderr(&out));
    let out = baocao(&["render", Q, "thua.yaml", "--answers", A]);
    assert!(stderr(&out).contains("thừa tham số"), "{}", stderr(&out));
    let out = baocao(&["render", "--help"]);
    assert!(
        !stdout(&out).contains("Usage") && !stdout(&out).contains("Possible"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn answers_for_another_questionnaire_are_refused() {
    let (_dir, path) =
        answers_file("questionnaire:\n  id: attp-hang-nam\nanswers:\n  ten_xa: An Phú\n");
    let out = baocao(&["render", Q, "--answers", &path]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("attp-hang-nam"), "{}", stderr(&out));
}

#[test]
fn the_built_in_questionnaire_is_reachable_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let answers = crate::common::path(A);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args([
            "render",
            "ct1322-so-ket-2021-2025",
            "--answers",
            answers.to_str().expect("utf-8"),
            "--body-only",
        ])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("BÁO CÁO\n"), "{}", stdout(&out));
}

#[test]
fn render_says_when_newer_answers_wait_outside_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("x.answers.yaml");
    std::fs::copy(crate::common::path(A), &file).expect("copied");
    let file_s = file.to_str().expect("utf-8");
    let out = baocao(&["render", Q, "--answers", file_s]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("chưa được ghi vào tệp này"));
    // What a wizard left in its journal (a crash, a full disk) is not in the file yet.
    let journal = baocao::answers::journal::path_for(&file);
    let mut j = baocao::answers::journal::Journal::open(&journal).expect("journal");
    j.append(
        "ten_xa",
        baocao::answers::journal::Entry::Value(&baocao::answers::AnswerValue::Text("Mới".into())),
    )
    .expect("appended");
    let out = baocao(&["render", Q, "--answers", file_s]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("chưa được ghi vào tệp này"), "{err}");
    assert!(err.contains(&journal.display().to_string()), "{err}");
    assert!(err.contains("baocao run"), "{err}");
}
