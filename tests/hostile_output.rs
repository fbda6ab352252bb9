//! Hostile text in questionnaires and answers never reaches an output as it came: the
//! bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make
//! "abc\u{202E}gnp.exe" show as "abcexe.png", are taken out of every report (text, Markdown,
//! Word), of `preview`, `diff` and `check`, on stdout, stderr and in files.

use std::path::Path;

use crate::common::{Limited, baocao_limited, path};

const DIR: &str = "tests/fixtures/hostile/bidi";

fn reordering(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

fn run(dir: &Path, args: &[&str]) -> Limited {
    let out = baocao_limited(dir, args, 1024, 30);
    assert!(!out.timed_out, "{args:?} hung");
    out
}

/// Runs `args` with `--format docx -o <a scratch file>` and gives every part of the Word file
/// it wrote, as text.
fn word_file(dir: &Path, args: &[&str]) -> String {
    let scratch = tempfile::tempdir().expect("tempdir");
    let word = scratch.path().join("bao-cao.docx");
    let mut args = args.to_vec();
    args.extend(["--format", "docx", "-o", word.to_str().expect("utf-8")]);
    let out = run(dir, &args);
    assert_eq!(out.code(), Some(0), "{args:?}: {}", out.stderr());
    docx_text(&std::fs::read(&word).expect("the Word file"))
}

/// Every part of a Word file, as text.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a part");
        std::io::Read::read_to_string(&mut part, &mut all).expect("UTF-8 part");
    }
    all
}

#[test]
fn the_fixtures_do_carry_overrides() {
    // The YAML escapes become the characters themselves once read.
    let q = baocao::questionnaire::load_path(&path(&format!("{DIR}/bidi.yaml"))).expect("loads");
    let baocao::questionnaire::QuestionKind::Choice { options, .. } = &q.questions[0].kind else {
        panic!("a choice question first");
    };
    assert_eq!(reordering(&options[0]), ['\u{202E}']);
}

#[test]
fn reports_carry_no_reordering_character_in_any_format() {
    let dir = path(DIR);
    for format in ["txt", "md"] {
        let out = run(
            &dir,
            &[
                "render",
                "bidi.yaml",
                "--answers",
                "bidi.answers.yaml",
                "--format",
                format,
            ],
        );
        assert_eq!(out.code(), Some(0), "{}", out.stderr());
        let text = out.stdout();
        assert!(reordering(&text).is_empty(), "{format}:\n{text}");
        assert!(reordering(&out.stderr()).is_empty(), "{format} stderr");
        // What was written is what shows: the letters in the order they were typed.
        assert!(text.contains("abcgnp.exe"), "{format}:\n{text}");
        assert!(text.contains("xyz"), "{format}:\n{text}");
        assert!(text.contains("AN PHÚ"), "{format}:\n{text}");
    }
    let xml = word_file(
        &dir,
        &["render", "bidi.yaml", "--answers", "bidi.answers.yaml"],
    );
    assert!(reordering(&xml).is_empty());
    assert!(xml.contains("abcgnp.exe"));
}

#[test]
fn preview_diff_and_check_carry_no_reordering_character() {
    let dir = path(DIR);
    for args in [
        &["preview", "bidi.yaml"][..],
        &["preview", "bidi.yaml", "--format", "md"],
        &["diff", "bidi.yaml", "bidi-v2.yaml"],
        &["check", "bidi.yaml"],
        &["check", "bidi-v2.yaml"],
    ] {
        let out = run(&dir, args);
        assert!(
            out.code().is_some_and(|c| c <= 1),
            "{args:?}: {}",
            out.stderr()
        );
        let (stdout, stderr) = (out.stdout(), out.stderr());
        assert!(reordering(&stdout).is_empty(), "{args:?}:\n{stdout}");
        assert!(reordering(&stderr).is_empty(), "{args:?}:\n{stderr}");
        assert!(
            !stdout.is_empty() || !stderr.is_empty(),
            "{args:?} printed nothing"
        );
    }
    // The added section and question are named, without their overrides.
    let diff = run(&dir, &["diff", "bidi.yaml", "bidi-v2.yaml"]).stdout();
    assert!(diff.contains("Mục mới thêm"), "{diff}");
    assert!(diff.contains("Câu hỏi thêm"), "{diff}");
    let xml = word_file(&dir, &["preview", "bidi.yaml"]);
    assert!(reordering(&xml).is_empty());
}

#[test]
fn the_report_api_drops_them_too() {
    // The same mechanism serves the wizard's export (it writes with report::render and docx).
    let line = "abc\u{202E}gnp.exe \u{2066}x\u{2069} \u{1b}[31m";
    let clean = baocao::report::sanitize_line(line);
    assert!(reordering(&clean).is_empty());
    assert!(clean.starts_with("abcgnp.exe x "), "{clean:?}");
    assert!(!clean.contains('\u{1b}'));
    assert_eq!(baocao::report::clean_text("a\nb"), "a\nb");
    assert_eq!(baocao::report::clean_text("a\u{202E}\nb"), "a\nb");
}
