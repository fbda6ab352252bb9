//! Hostile input that must be refused or read in time linear in its size: a deeply nested
//! answers file or questionnaire, a questionnaire with tens of thousands of questions nothing
//! prints, a diff of tens of thousands of sections, a questionnaire over the size limit. Each
//! is generated here and given to the real binary under a memory limit and a wall-clock kill
//! (`common::baocao_limited`): the kill is a safety net so that a regression (these took from
//! half a minute to several minutes) fails instead of holding the machine, not a speed claim —
//! the figures are in the `core` benchmarks.

#![cfg(unix)]

use std::fmt::Write as _;
use std::path::Path;

use crate::common::{Limited, baocao_limited};

/// Address space for the binary, in MiB: the real need is far below.
const MEMORY_MB: u64 = 1024;
/// The safety net, in seconds.
const SECONDS: u64 = 60;

/// The head of a questionnaire with one section whose text prints no answer, so that every
/// question below it is "printed nowhere" (a warning each).
fn questionnaire_head() -> String {
    "format: 1\nid: lon\nversion: \"1\"\ntitle: Lớn\ndocument:\n  issuer: [\"ỦY BAN NHÂN DÂN\", \"XÃ AN PHÚ\"]\nsections:\n  - heading: MỘT\n    text: Không in câu trả lời nào.\n    questions:\n"
        .to_owned()
}

fn run(dir: &Path, args: &[&str]) -> Limited {
    let out = baocao_limited(dir, args, MEMORY_MB, SECONDS);
    assert!(
        !out.timed_out,
        "{args:?} was killed after {SECONDS} s (the safety net)\n{}",
        out.stderr()
    );
    out
}

/// The end of a long output, for a failure message.
fn tail(text: &str) -> &str {
    let mut start = text.len().saturating_sub(2000);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// The line a `lỗi: FILE:LINE:COL:` message names.
fn error_line(stderr: &str, file: &str) -> usize {
    let prefix = format!("lỗi: {file}:");
    let rest = stderr
        .lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no `{prefix}LINE:COL` in:\n{stderr}"));
    rest.split(':')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no line number in `{rest}`"))
}

#[test]
fn an_answers_file_nested_100000_deep_is_refused_with_its_line() {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(
        dir.path().join("q.yaml"),
        crate::common::read("tests/fixtures/valid/conditions.yaml"),
    )
    .expect("questionnaire written");
    // The reviewer's file (`[` × 100 000 then `]` × 100 000), and the same under an answer,
    // where the YAML reader's scanner was quadratic (render took 31 s, the wizard stayed blank).
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    for (name, text, line) in [
        ("top.answers.yaml", deep.clone(), 1),
        ("answer.answers.yaml", format!("answers:\n  p: {deep}\n"), 2),
        (
            "block.answers.yaml",
            format!(
                "answers:\n  p:\n{}",
                (0..200).fold(String::new(), |mut s, i| {
                    let _ = writeln!(s, "{}- ", "  ".repeat(i + 2));
                    s
                })
            ),
            // 64 levels: the root, `answers`, `p`, then sequences from line 3 on.
            3 + baocao::questionnaire::MAX_DEPTH - 2,
        ),
        // A key written twice or a second document first: the event reader hands such a text
        // to the other YAML reader, which is held to the limits too (it took 23 s, and said
        // only that the key was written twice).
        (
            "twice.answers.yaml",
            format!("questionnaire: {{}}\nquestionnaire: {{}}\nanswers:\n  p: {deep}\n"),
            4,
        ),
        (
            "second.answers.yaml",
            format!("answers: {{}}\n---\nanswers:\n  p: {deep}\n"),
            4,
        ),
    ] {
        std::fs::write(dir.path().join(name), text).expect("answers written");
        let out = run(dir.path(), &["render", "q.yaml", "--answers", name]);
        let err = out.stderr();
        assert_eq!(out.code(), Some(3), "{name}: {err}");
        assert_eq!(error_line(&err, name), line, "{name}: {err}");
        assert!(err.contains("lồng nhau quá sâu"), "{name}: {err}");
        assert!(
            err.contains(&format!("quá {} mức", baocao::questionnaire::MAX_DEPTH)),
            "{name}: {err}"
        );
        assert!(
            err.contains("khôi phục tệp từ bản sao lưu"),
            "{name}: {err}"
        );
    }
}

#[test]
fn a_questionnaire_nested_100000_deep_is_refused_with_its_line() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let text = format!(
        "format: 1\nid: sau\ntitle: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(dir.path().join("sau.yaml"), text).expect("questionnaire written");
    let out = run(dir.path(), &["check", "sau.yaml"]);
    let err = out.stderr();
    assert_eq!(out.code(), Some(1), "{err}");
    assert_eq!(error_line(&err, "sau.yaml"), 3, "{err}");
    assert!(err.contains("lồng nhau quá sâu"), "{err}");
}

#[test]
fn check_of_60000_questions_printed_nowhere_warns_of_each() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut text = questionnaire_head();
    for i in 0..60_000 {
        let _ = write!(
            text,
            "      - id: q{i}\n        ask: Câu {i}\n        kind: text\n"
        );
    }
    std::fs::write(dir.path().join("lon.yaml"), text).expect("questionnaire written");
    let out = run(dir.path(), &["check", "lon.yaml"]);
    let all = format!("{}{}", out.stdout(), out.stderr());
    let end = tail(&all);
    assert_eq!(out.code(), Some(0), "{end}");
    assert!(all.contains("có 60000 cảnh báo"), "{end}");
    // The first and the last question, each at its id.
    assert!(
        all.contains("lon.yaml:11:13: câu hỏi `q0` không được dùng"),
        "{end}"
    );
    let last = format!("lon.yaml:{}:13: câu hỏi `q59999`", 11 + 3 * 59_999);
    assert!(all.contains(&last), "{end}");
}

#[test]
fn diff_of_50000_sections_each_renumbered_added_or_removed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    // The new version drops the first half and adds as many after the rest.
    let version = |first: usize| {
        let mut text = String::from(
            "format: 1\nid: lon\nversion: \"1\"\ntitle: Lớn\ndocument:\n  issuer: [\"ỦY BAN NHÂN DÂN\", \"XÃ AN PHÚ\"]\nsections:\n",
        );
        for i in first..first + 50_000 {
            let _ = write!(text, "  - heading: MỤC {i}\n    text: Nội dung {i}.\n");
        }
        text
    };
    std::fs::write(dir.path().join("cu.yaml"), version(0)).expect("old written");
    std::fs::write(dir.path().join("moi.yaml"), version(25_000)).expect("new written");
    let out = run(dir.path(), &["diff", "cu.yaml", "moi.yaml"]);
    let text = out.stdout();
    let end = tail(&text);
    assert!(
        matches!(out.code(), Some(0 | 1)),
        "{:?}: {}",
        out.code(),
        out.stderr()
    );
    // A section kept, renumbered; one removed; one added.
    assert!(text.contains("MỤC 25000"), "{end}");
    assert!(text.contains("MỤC 0"), "{end}");
    assert!(text.contains("MỤC 74999"), "{end}");
}

#[test]
fn a_questionnaire_over_the_size_limit_says_so_not_aliases() {
    let dir = tempfile::tempdir().expect("temporary folder");
    // 100 000 questions in flow style: about 700 000 elements and no alias anywhere.
    let mut text = questionnaire_head();
    for i in 0..100_000 {
        let _ = writeln!(text, "      - {{id: q{i}, ask: Câu {i}, kind: text}}");
    }
    std::fs::write(dir.path().join("lon.yaml"), &text).expect("questionnaire written");
    let out = run(dir.path(), &["check", "lon.yaml"]);
    let err = out.stderr();
    assert_eq!(out.code(), Some(1), "{err}");
    assert!(err.contains("quá nhiều phần tử"), "{err}");
    assert!(err.contains("500.000"), "{err}");
    assert!(!err.contains("tham chiếu `*tên` nở ra"), "{err}");
    assert!(err.contains("Chia bảng hỏi"), "{err}");
    // The line where the count went over: a question line, about 500 000 / 7 questions in.
    let line = error_line(&err, "lon.yaml");
    let written = text.lines().nth(line - 1).unwrap_or_default();
    assert!(written.starts_with("      - {id: q"), "line {line}: {err}");
    assert!((70_000..73_000).contains(&line), "line {line}: {err}");

    // Aliases that expand beyond the limit still say so.
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        let _ = writeln!(bomb, "a{i}: &a{i} [{refs}]");
    }
    std::fs::write(dir.path().join("bom.yaml"), bomb).expect("bomb written");
    let out = run(dir.path(), &["check", "bom.yaml"]);
    let err = out.stderr();
    assert_eq!(out.code(), Some(1), "{err}");
    assert!(err.contains("tham chiếu `*tên` nở ra"), "{err}");
}

#[test]
fn the_wizard_sets_a_deeply_nested_answers_file_aside_and_starts_at_once() {
    use crate::common::pty::{self, Pty};
    let dir = tempfile::tempdir().expect("temporary folder");
    let data = tempfile::tempdir().expect("data folder");
    let id = baocao::questionnaire::builtin()
        .expect("the built-in questionnaire loads")
        .id;
    let name = format!("{id}.answers.yaml");
    let deep = format!(
        "answers:\n  p: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(dir.path().join(&name), &deep).expect("answers written");
    // The binary under the same memory limit, through `sh`.
    let mut cmd = pty::command(dir.path());
    let mut argv = cmd.get_argv().clone();
    argv.insert(0, "sh".into());
    argv.insert(1, "-c".into());
    argv.insert(
        2,
        format!("ulimit -v {}; exec \"$0\" \"$@\"", MEMORY_MB * 1024).into(),
    );
    *cmd.get_argv_mut() = argv;
    cmd.env("XDG_DATA_HOME", data.path());
    let mut wizard = Pty::spawn(cmd);
    // The first frame (within the harness's patience) says the file was kept aside.
    let screen = wizard.wait_until("the first question and the note on the answers file", |s| {
        s.contains("Câu 1/") && s.contains("bị hỏng nên không đọc được")
    });
    assert!(screen.contains(&name), "{screen}");
    wizard.send(b"\x11");
    wizard.wait_exit();
    // The file is kept whole beside, never lost.
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .expect("folder listed")
        .filter_map(Result::ok)
        .filter(|e| std::fs::read(e.path()).is_ok_and(|b| b == deep.as_bytes()))
        .collect();
    assert_eq!(kept.len(), 1, "the nested file is kept aside once");
}

#[test]
fn an_answers_file_over_the_size_limit_or_with_an_alias_bomb_says_which() {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(
        dir.path().join("q.yaml"),
        crate::common::read("tests/fixtures/valid/conditions.yaml"),
    )
    .expect("questionnaire written");
    let limit = baocao::answers::persist::MAX_ELEMENTS;
    // One list of `limit` items under an answer: over the limit with the mappings around it.
    let mut many = String::from("answers:\n  p: [");
    many.push_str(&vec!["x"; limit].join(","));
    many.push_str("]\n");
    std::fs::write(dir.path().join("many.answers.yaml"), many).expect("answers written");
    let out = run(
        dir.path(),
        &["render", "q.yaml", "--answers", "many.answers.yaml"],
    );
    let err = out.stderr();
    assert_eq!(out.code(), Some(3), "{}", tail(&err));
    assert_eq!(error_line(&err, "many.answers.yaml"), 2, "{}", tail(&err));
    assert!(err.contains("quá nhiều phần tử"), "{err}");
    assert!(err.contains("2.000.000"), "{err}");
    assert!(!err.contains("tham chiếu"), "{err}");

    let mut bomb = String::from("answers:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        let _ = writeln!(bomb, "  a{i}: &a{i} [{refs}]");
    }
    std::fs::write(dir.path().join("bomb.answers.yaml"), bomb).expect("answers written");
    let out = run(
        dir.path(),
        &["render", "q.yaml", "--answers", "bomb.answers.yaml"],
    );
    let err = out.stderr();
    assert_eq!(out.code(), Some(3), "{err}");
    assert!(err.contains("tham chiếu `*tên`"), "{err}");
    assert!(err.contains("khôi phục tệp từ bản sao lưu"), "{err}");
}
