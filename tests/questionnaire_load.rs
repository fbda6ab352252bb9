//! Loading questionnaires: every broken fixture reports exactly the problems its `# expect:`
//! lines name, on the lines they name, when loaded as `baocao check` loads it (a plain load,
//! as `render` does, leaves the sample renders out and the render fails cleanly instead); every message is complete and Vietnamese; hostile input
//! fails fast without a panic; every valid file loads; `baocao check` exits with the right code.
//!
//! Fixture format (tests/fixtures/invalid/*.yaml): the file starts with one line
//! `# expect: <Kind variant> line <N>` per expected diagnostic, in the order the loader reports
//! them (sorted by position). Inputs that cannot be committed (huge, deeply nested, empty) are
//! generated here.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use baocao::questionnaire::{
    self, CellKind, Kind, LoadError, NumberStyle, QuestionKind, Questionnaire,
};
use proptest::prelude::*;

use crate::common;

const INVALID_DIR: &str = "tests/fixtures/invalid";
const VALID_DIR: &str = "tests/fixtures/valid";
const FIX: &str = "→ cách sửa:";
const ERROR: &str = "lỗi";

// ----- helpers -----

/// Every file of a directory of the repository, sorted.
fn files_in(rel: &str) -> Vec<PathBuf> {
    let dir = common::path(rel);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn yaml_files(rel: &str) -> Vec<PathBuf> {
    files_in(rel)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// The `(variant, line)` pairs announced by the leading `# expect:` lines.
fn expectations(name: &str, bytes: &[u8]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for raw in bytes.split(|b| *b == b'\n') {
        let line = String::from_utf8_lossy(raw);
        let Some(rest) = line.trim_end().strip_prefix("# expect:") else {
            break;
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        let pair = match words.as_slice() {
            [kind, "line", n] => n.parse().ok().map(|n| ((*kind).to_owned(), n)),
            _ => None,
        };
        let Some(pair) = pair else {
            panic!(
                "{name}: malformed `{}`; write `# expect: KindVariant line N`",
                line.trim_end()
            )
        };
        out.push(pair);
    }
    out
}

/// The variant name of a kind: `UnknownKey { .. }` → `UnknownKey`.
fn variant(kind: &Kind) -> String {
    format!("{kind:?}")
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect()
}

fn show(pairs: &[(String, usize)]) -> String {
    if pairs.is_empty() {
        return "(nothing)".to_owned();
    }
    pairs
        .iter()
        .map(|(k, l)| format!("{k} line {l}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn indented(text: &str) -> String {
    text.lines().fold(String::new(), |mut out, l| {
        let _ = writeln!(out, "      {l}");
        out
    })
}

/// Loads a generated input that must be refused, and records how long that took.
fn refuse(name: &str, bytes: &[u8]) -> LoadError {
    let start = Instant::now();
    let result = questionnaire::load_bytes(name, bytes);
    eprintln!(
        "{name}: {} bytes refused in {:?}",
        bytes.len(),
        start.elapsed()
    );
    match result {
        Ok(_) => panic!("{name}: loaded without error, but it must be refused"),
        Err(err) => err,
    }
}

/// Asserts that `err` holds exactly one diagnostic, of `kind` on `line`.
fn assert_single(err: &LoadError, kind: &str, line: usize) {
    let got: Vec<(String, usize)> = err
        .diagnostics
        .iter()
        .map(|d| (variant(&d.kind), d.pos.line))
        .collect();
    assert_eq!(
        got,
        vec![(kind.to_owned(), line)],
        "{}: expected {kind} line {line}, got {}",
        err.file,
        show(&got)
    );
    let problems = message_problems(err);
    assert!(
        problems.is_empty(),
        "{}: {}\n{err}",
        err.file,
        problems.join("; ")
    );
}

// ----- message quality -----

/// English words that must not appear in a message outside `code`, (details) and "quotes".
const ENGLISH: &[&str] = &[
    "expected",
    "found",
    "unexpected",
    "error",
    "invalid",
    "missing",
    "unknown",
    "while",
    "scanning",
    "parsing",
    "cannot",
    "could",
    "did",
    "not",
    "the",
    "mapping",
    "sequence",
    "scalar",
    "value",
    "values",
    "allowed",
    "undefined",
    "filter",
    "syntax",
    "line",
    "column",
    "end",
    "stream",
    "token",
    "character",
    "anchor",
    "node",
    "block",
    "input",
    "unclosed",
    "failed",
    "must",
    "should",
    "key",
    "keyword",
    "argument",
    "arguments",
    "tried",
    "unable",
    "operator",
    "unsupported",
    "types",
    "type",
    "number",
    "string",
    "range",
    "has",
    "too",
    "many",
    "elements",
    "limit",
    "exceeded",
    "recursion",
    "callable",
    "convert",
    "calculate",
    "literal",
    "float",
    "is",
    "of",
    "with",
    "for",
];

/// The text with `code`, (parenthesised details) and "quoted text" removed.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut in_code = false;
    let mut in_quote = false;
    for c in text.chars() {
        match c {
            '`' if depth == 0 && !in_quote => in_code = !in_code,
            '"' if depth == 0 && !in_code => in_quote = !in_quote,
            '(' if !in_code && !in_quote => depth += 1,
            ')' if !in_code && !in_quote && depth > 0 => depth -= 1,
            _ if depth == 0 && !in_code && !in_quote => out.push(c),
            _ => {}
        }
    }
    out
}

fn english_words(text: &str) -> Vec<String> {
    prose(text)
        .split(|c: char| !c.is_ascii_alphabetic())
        .map(str::to_ascii_lowercase)
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

/// True when the text has a letter outside ASCII (Vietnamese is written with diacritics).
fn looks_vietnamese(text: &str) -> bool {
    prose(text)
        .chars()
        .any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// What is wrong with how `err` is shown; empty when every diagnostic names the file, line and
/// column, shows the line with a caret, gives a fix, and speaks Vietnamese.
fn message_problems(err: &LoadError) -> Vec<String> {
    let mut problems = Vec::new();
    let shown = err.to_string();
    if let Some(c) = shown.chars().find(|c| c.is_control() && *c != '\n') {
        problems.push(format!(
            "the message contains the control character U+{:04X} (terminal escapes must never \
             reach the screen)",
            u32::from(c)
        ));
    }
    let lines: Vec<&str> = shown.lines().collect();
    let prefix = format!("{ERROR}: {}:", err.file);
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with(&prefix))
        .map(|(i, _)| i)
        .collect();
    if err.diagnostics.is_empty() {
        problems.push("an error without any diagnostic".to_owned());
    }
    if starts.len() != err.diagnostics.len() {
        problems.push(format!(
            "{} diagnostics but {} lines start with `{prefix}`",
            err.diagnostics.len(),
            starts.len()
        ));
        return problems;
    }
    let source_lines = err.source.as_deref().map(|s| s.lines().count());
    for (n, (d, start)) in err.diagnostics.iter().zip(&starts).enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let block = &lines[*start..end];
        let variant = variant(&d.kind);
        let head = format!("{ERROR}: {}:{}:{}: ", err.file, d.pos.line, d.pos.col);
        let Some(what) = block[0].strip_prefix(&head) else {
            problems.push(format!(
                "{variant}: the first line does not start with `{head}`"
            ));
            continue;
        };
        // A snippet for every line that exists in the file (a file that is not UTF-8 is shown
        // with replacement characters, so that the user sees which word is broken).
        let in_file = source_lines.is_none_or(|n| d.pos.line <= n);
        if in_file {
            let snippet = format!("{} | ", d.pos.line);
            if !block.iter().any(|l| l.starts_with(&snippet)) {
                problems.push(format!(
                    "{variant}: no snippet line `{snippet}…` (the file's line {})",
                    d.pos.line
                ));
            } else if !block.iter().any(|l| l.trim_end().ends_with('^')) {
                problems.push(format!("{variant}: no caret line under the snippet"));
            }
        }
        match block.iter().find_map(|l| l.trim_start().strip_prefix(FIX)) {
            None => problems.push(format!("{variant}: no `{FIX}` line")),
            Some(fix) => {
                let english = english_words(fix);
                if !english.is_empty() {
                    problems.push(format!("{variant}: English {english:?} in the fix: {fix}"));
                }
            }
        }
        if !looks_vietnamese(what) {
            problems.push(format!("{variant}: the message is not Vietnamese: {what}"));
        }
        let english = english_words(what);
        if !english.is_empty() {
            problems.push(format!(
                "{variant}: English {english:?} outside parentheses: {what}"
            ));
        }
    }
    let count = format!("tìm thấy {} lỗi.", err.diagnostics.len());
    if !lines.last().is_some_and(|l| l.ends_with(&count)) {
        problems.push(format!("the last line does not say `{count}`"));
    }
    problems
}

// ----- (a) (b) (c) the invalid corpus -----

fn invalid_fixtures() -> Vec<PathBuf> {
    files_in(INVALID_DIR)
}

/// A fixture loaded as `baocao check` loads it (with the sample renders), catching a panic.
fn load_fixture(path: &Path) -> Result<Result<Questionnaire, LoadError>, String> {
    std::panic::catch_unwind(|| questionnaire::check_path(path)).map_err(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default()
    })
}

#[test]
fn the_invalid_corpus_is_large_and_well_formed() {
    let files = invalid_fixtures();
    assert!(
        files.len() >= 30,
        "{INVALID_DIR} holds {} files; the corpus needs at least 30",
        files.len()
    );
    let mut several = 0;
    for path in &files {
        let name = file_name(path);
        assert!(
            path.extension().is_some_and(|e| e == "yaml"),
            "{name}: every file in {INVALID_DIR} must be a `.yaml` fixture"
        );
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            bytes.len() <= 4096,
            "{name}: {} bytes; keep fixtures small (generate big inputs in the test)",
            bytes.len()
        );
        let expected = expectations(&name, &bytes);
        assert!(
            !expected.is_empty(),
            "{name}: the file must start with `# expect: KindVariant line N`"
        );
        if expected.len() > 1 {
            several += 1;
        }
    }
    assert!(
        several >= 2,
        "the corpus needs files with several defects at once"
    );
}

#[test]
fn every_invalid_fixture_reports_exactly_its_expected_problems() {
    let files = invalid_fixtures();
    let mut failures = String::new();
    let mut failed = 0;
    for path in &files {
        let name = file_name(path);
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = expectations(&name, &bytes);
        let err = match load_fixture(path) {
            Err(panic) => {
                failed += 1;
                let _ = writeln!(failures, "{name}: the loader PANICKED: {panic}\n");
                continue;
            }
            Ok(Ok(_)) => {
                failed += 1;
                let _ = writeln!(
                    failures,
                    "{name}: loaded without error\n  expected: {}\n",
                    show(&expected)
                );
                continue;
            }
            Ok(Err(err)) => err,
        };
        let got: Vec<(String, usize)> = err
            .diagnostics
            .iter()
            .map(|d| (variant(&d.kind), d.pos.line))
            .collect();
        if got != expected {
            failed += 1;
            let debug: Vec<String> = err
                .diagnostics
                .iter()
                .map(|d| format!("{}:{} {:?}", d.pos.line, d.pos.col, d.kind))
                .collect();
            let _ = writeln!(
                failures,
                "{name}:\n  expected: {}\n  actual:   {}\n  kinds:    {}\n    message:\n{}",
                show(&expected),
                show(&got),
                debug.join("\n            "),
                indented(&err.to_string())
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{failed} of {} invalid fixtures do not report what their `# expect:` lines say:\n\n{failures}",
        files.len()
    );
}

#[test]
fn every_message_names_the_place_shows_the_line_and_says_how_to_fix_it_in_vietnamese() {
    let mut failures = String::new();
    for path in invalid_fixtures() {
        let name = file_name(&path);
        let Ok(Err(err)) = load_fixture(&path) else {
            continue; // reported by the test above
        };
        if !err.file.contains(&name) {
            let _ = writeln!(failures, "{name}: the error names the file `{}`", err.file);
        }
        let problems = message_problems(&err);
        if !problems.is_empty() {
            let _ = writeln!(
                failures,
                "{name}:\n  - {}\n    message:\n{}",
                problems.join("\n  - "),
                indented(&err.to_string())
            );
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

/// Messages that must help more than kind and line say: suggestions for typos, the first
/// place of a duplicate, the real cause of a syntax error.
#[test]
fn messages_carry_suggestions_and_the_real_cause() {
    let cases: &[(&str, &str)] = &[
        ("unknown-key-top.yaml", "Có phải ý bạn là `vars`?"),
        ("unknown-key-question.yaml", "Có phải ý bạn là `required`?"),
        ("unknown-key-section.yaml", "Có phải ý bạn là `inline`?"),
        ("unknown-key-document.yaml", "Có phải ý bạn là `summary`?"),
        (
            "unknown-key-validate.yaml",
            "Có phải ý bạn là `max_length`?",
        ),
        ("unknown-key-column.yaml", "Có phải ý bạn là `sum`?"),
        ("unknown-kind.yaml", "Có phải ý bạn là `paragraph`?"),
        ("unknown-column-kind.yaml", "Có phải ý bạn là `integer`?"),
        (
            "condition-unknown-name.yaml",
            "Có phải ý bạn là `co_tap_huan`?",
        ),
        ("duplicate-question-id.yaml", "dòng 12"),
        ("duplicate-column-id.yaml", "dòng 18"),
        ("duplicate-yaml-key.yaml", "dòng 13"),
        ("condition-later-name.yaml", "dòng 16"),
        ("syntax-unclosed-quote.yaml", "ngoặc kép"),
        ("syntax-stray-colon.yaml", "`:`"),
    ];
    let mut failures = String::new();
    for (file, wanted) in cases {
        let path = common::path(&format!("{INVALID_DIR}/{file}"));
        let Ok(Err(err)) = load_fixture(&path) else {
            let _ = writeln!(failures, "{file}: does not fail to load");
            continue;
        };
        // The sentence saying what is wrong (the first line of the first diagnostic).
        let shown = err.to_string();
        let what = shown.lines().next().unwrap_or_default();
        if !what.contains(wanted) {
            let _ = writeln!(
                failures,
                "{file}: the message should contain {wanted:?}:\n{}",
                indented(&shown)
            );
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

// ----- (d) hostile input -----

#[test]
fn empty_and_comment_only_input_is_an_empty_file() {
    for (name, text) in [
        ("empty.yaml", ""),
        ("blank.yaml", "  \n\n   \n"),
        ("bom.yaml", "\u{feff}"),
        ("comments.yaml", "# chỉ có chú thích\n# không có nội dung\n"),
        ("crlf-comments.yaml", "# chú thích\r\n\r\n"),
    ] {
        let err = refuse(name, text.as_bytes());
        assert_single(&err, "EmptyFile", 1);
    }
}

#[test]
fn deep_flow_nesting_is_refused() {
    let err = refuse("flow-seq.yaml", "[".repeat(20_000).as_bytes());
    assert_single(&err, "TooDeep", 1);
    let err = refuse("flow-map.yaml", "{a: ".repeat(20_000).as_bytes());
    assert_single(&err, "TooDeep", 1);
}

#[test]
fn deep_block_nesting_is_refused() {
    let mut text = "- ".repeat(20_000);
    text.push_str("x\n");
    let err = refuse("block-seq.yaml", text.as_bytes());
    assert_single(&err, "TooDeep", 1);

    // One mapping per line: the refused one is the first that is too deep.
    let mut text = String::new();
    for level in 0..200 {
        let _ = writeln!(text, "{}a:", "  ".repeat(level));
    }
    text.push_str(&"  ".repeat(200));
    text.push_str("x\n");
    let err = refuse("block-map.yaml", text.as_bytes());
    assert_single(&err, "TooDeep", questionnaire::MAX_DEPTH + 1);
}

#[test]
fn an_alias_bomb_is_refused() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        let _ = writeln!(text, "a{i}: &a{i} [{refs}]");
    }
    let err = refuse("alias-bomb.yaml", text.as_bytes());
    assert_eq!(err.diagnostics.len(), 1, "{err}");
    assert_eq!(variant(&err.diagnostics[0].kind), "TooManyNodes", "{err}");
    assert!(message_problems(&err).is_empty(), "{err}");
}

#[test]
fn a_huge_file_is_refused_before_parsing() {
    let line = "- Tình hình kinh tế – xã hội của xã ổn định, quốc phòng được giữ vững.\n";
    let text = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    assert!(text.len() >= 50 * 1024 * 1024);
    let err = refuse("huge.yaml", text.as_bytes());
    assert_eq!(err.diagnostics.len(), 1);
    assert_eq!(variant(&err.diagnostics[0].kind), "TooLarge");
    assert_eq!(err.diagnostics[0].pos.line, 1);
    // The same size in bytes that are not even text.
    let err = refuse("huge.bin", &vec![0xff; 50 * 1024 * 1024]);
    assert_eq!(variant(&err.diagnostics[0].kind), "TooLarge");
}

/// Loading never panics; a refusal always has diagnostics at real positions, and shows. The
/// same holds for `check`'s load, which also renders every template with sample answers.
fn check_any_input(bytes: &[u8]) -> Result<(), TestCaseError> {
    check_loaded(questionnaire::load_bytes("fuzz.yaml", bytes), bytes)?;
    check_loaded(questionnaire::check_bytes("fuzz.yaml", bytes), bytes)
}

fn check_loaded(
    loaded: Result<Questionnaire, LoadError>,
    bytes: &[u8],
) -> Result<(), TestCaseError> {
    let err = match loaded {
        // What loads can be previewed and compared with the original (no panic, no hang).
        Ok(q) => {
            let doc = baocao::report::preview::preview(&q);
            prop_assert!(!doc.frame.kind.is_empty());
            let _ = baocao::compare::compare(&q, &q);
            return Ok(());
        }
        Err(err) => err,
    };
    prop_assert!(!err.diagnostics.is_empty());
    let lines = String::from_utf8_lossy(bytes).lines().count();
    for d in &err.diagnostics {
        prop_assert!(d.pos.line >= 1 && d.pos.col >= 1, "{:?}", d);
        prop_assert!(
            d.pos.line <= lines + 1,
            "{:?} is past the end of a {lines}-line input",
            d
        );
    }
    let shown = err.to_string();
    prop_assert!(shown.contains(FIX));
    Ok(())
}

/// A real questionnaire, for damaging.
fn sample_source() -> String {
    common::read("questionnaires/attp-hang-nam.yaml")
}

/// The largest char boundary at or before `at`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// 256 cases per property; `PROPTEST_CASES=100000` for a longer hunt.
fn fuzz_cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: fuzz_cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        check_any_input(&bytes)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_any_input(text.as_bytes())?;
    }

    #[test]
    fn yaml_like_text_never_panics(
        text in "([a-z_]{1,8}|[-:,?!&*|>#%@`'\"{}\\[\\] ]|\n {0,6}|\\{\\{ [a-z]+ \\}\\}|\\{% if [a-z]+ %\\}){0,120}"
    ) {
        check_any_input(text.as_bytes())?;
    }

    #[test]
    fn damaged_questionnaires_never_panic(
        at in 0.0f64..1.0,
        cut in 0usize..200,
        insert in "([-:,?!&*|>#{}\\[\\] \n\t\"']|[a-z_]{1,6}|\\{\\{|\\}\\}|\\{%|%\\}|when: |kind: |- id: |  ){0,6}",
    ) {
        let source = sample_source();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let start = boundary(&source, (at * source.len() as f64) as usize);
        let end = boundary(&source, start + cut).max(start);
        let damaged = format!("{}{insert}{}", &source[..start], &source[end..]);
        check_any_input(damaged.as_bytes())?;
    }
}

// ----- (e) valid files -----

#[test]
fn every_valid_fixture_and_shipped_questionnaire_loads() {
    let fixtures = yaml_files(VALID_DIR);
    assert!(fixtures.len() >= 3, "{VALID_DIR} needs at least 3 fixtures");
    let shipped = yaml_files("questionnaires");
    assert!(!shipped.is_empty(), "no questionnaires/*.yaml");
    let mut failures = String::new();
    for path in fixtures.iter().chain(&shipped) {
        match load_fixture(path) {
            Ok(Ok(_)) => {}
            Ok(Err(err)) => {
                let _ = writeln!(
                    failures,
                    "{}:\n{}",
                    path.display(),
                    indented(&err.to_string())
                );
            }
            Err(panic) => {
                let _ = writeln!(failures, "{}: the loader PANICKED: {panic}", path.display());
            }
        }
    }
    assert!(failures.is_empty(), "valid files fail to load:\n{failures}");
    if let Err(err) = questionnaire::builtin() {
        panic!("the built-in questionnaire fails to load:\n{err}");
    }
}

fn valid(name: &str) -> Questionnaire {
    common::questionnaire(&format!("{VALID_DIR}/{name}"))
}

#[test]
fn numbering_styles_unnumbered_and_headingless_sections_load() {
    let q = valid("numbering.yaml");
    assert_eq!(
        q.numbering,
        vec![
            NumberStyle::Roman,
            NumberStyle::Arabic,
            NumberStyle::Nested,
            NumberStyle::Alpha,
            NumberStyle::None,
        ]
    );
    assert_eq!(q.version, "2025.1");
    let sections = q.walk_sections();
    let depth = sections.iter().map(|(d, _)| *d).max().unwrap_or_default();
    assert!(depth >= 4, "five levels of headings, got depth {depth}");
    assert!(sections.iter().any(|(_, s)| s.heading.is_none()));
    assert!(sections.iter().any(|(_, s)| !s.numbered));
    assert!(sections.iter().any(|(_, s)| s.inline));
}

#[test]
fn every_question_kind_loads() {
    let q = valid("kinds.yaml");
    let mut kinds: Vec<&str> = q.questions.iter().map(|x| x.kind.name()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut all = QuestionKind::NAMES.to_vec();
    all.sort_unstable();
    assert_eq!(kinds, all);
    assert_eq!(q.header_len, 6, "the header questions come first");
    assert_eq!(q.title, "Báo cáo thử các loại câu hỏi năm 2025");
    let ten_xa = q.question("ten_xa").expect("ten_xa");
    assert!(ten_xa.required && ten_xa.default.is_some());
    assert!(ten_xa.validation.pattern.is_some());
    let so_lop = q.question("so_lop").expect("so_lop");
    assert_eq!(
        (so_lop.validation.min, so_lop.validation.max),
        (Some(0.0), Some(1000.0))
    );
}

#[test]
fn conditions_on_sections_and_questions_load() {
    let q = valid("conditions.yaml");
    let conditional_questions = q.questions.iter().filter(|x| x.when.is_some()).count();
    assert_eq!(conditional_questions, 5);
    let conditional_sections = q
        .walk_sections()
        .iter()
        .filter(|(_, s)| s.when.is_some())
        .count();
    assert_eq!(conditional_sections, 4);
}

#[test]
fn a_table_with_a_sum_column_and_a_total_row_loads() {
    let q = valid("table.yaml");
    let question = q.question("ket_qua").expect("ket_qua");
    let QuestionKind::Table(spec) = &question.kind else {
        panic!("ket_qua is a table, got {}", question.kind.name());
    };
    let kinds: Vec<(&str, CellKind, bool)> = spec
        .columns
        .iter()
        .map(|c| (c.id.as_str(), c.kind, c.sum))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("chi_tieu", CellKind::Text, false),
            ("n2021", CellKind::Integer, false),
            ("n2022", CellKind::Integer, false),
            ("kinh_phi", CellKind::Decimal, false),
            ("tong", CellKind::Integer, true),
        ]
    );
    assert_eq!(spec.rows, vec!["Số lớp tập huấn", "Số học viên"]);
    assert_eq!(spec.total_row.as_deref(), Some("Tổng cộng"));
}

#[test]
fn renames_load() {
    let q = valid("renames.yaml");
    let renames: Vec<(&str, &str)> = q
        .renames
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        renames,
        vec![("so_lop_tap_huan", "so_lop"), ("y_kien", "de_xuat")]
    );
}

/// Problems only sample answers find (a filter on the wrong kind of answer, a huge range) are
/// `check`'s work: a plain load — `render`, `preview`, the wizard's start — reports the rest
/// only, and a render with answers that reach the template fails cleanly: exit 5 and a
/// Vietnamese error naming the questionnaire's line, under a memory limit.
#[test]
fn what_only_sample_renders_find_is_left_to_check_and_the_render_fails_cleanly() {
    const SAMPLE_ONLY: [&str; 2] = ["TemplateFails", "TemplateOverBudget"];
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut rendered = 0;
    for path in invalid_fixtures() {
        let name = file_name(&path);
        let expected = expectations(&name, &std::fs::read(&path).expect("readable"));
        let (later, now): (Vec<_>, Vec<_>) = expected
            .into_iter()
            .partition(|(kind, _)| SAMPLE_ONLY.contains(&kind.as_str()));
        if later.is_empty() {
            continue;
        }
        let q = match questionnaire::load_path(&path) {
            Ok(q) => q,
            Err(err) => {
                let got: Vec<(String, usize)> = err
                    .diagnostics
                    .iter()
                    .map(|d| (variant(&d.kind), d.pos.line))
                    .collect();
                assert_eq!(got, now, "{name}: a plain load reports the static problems");
                continue;
            }
        };
        assert!(now.is_empty(), "{name}: loaded despite {}", show(&now));
        let answers = tmp.path().join(format!("{name}.answers.yaml"));
        std::fs::write(&answers, baocao::answers::to_yaml(&typical_answers(&q), &q))
            .expect("answers written");
        let out = common::baocao_limited(
            path.parent().expect("in a folder"),
            &["render", &name, "--answers", &answers.display().to_string()],
            600,
            20,
        );
        assert!(!out.timed_out, "{name}: render hung");
        let err = out.stderr();
        assert_eq!(out.code(), Some(5), "{name}: render fails\n{err}");
        assert!(out.stdout().is_empty(), "{name}: no half report");
        let line = later[0].1;
        assert!(
            err.contains(&format!("{ERROR}: {name}:{line}: ")),
            "{name}: {err}"
        );
        assert!(looks_vietnamese(&err), "{name}: {err}");
        rendered += 1;
    }
    assert!(rendered >= 5, "{rendered} fixtures tried");
}

/// An answer of the usual shape for every text and number question.
fn typical_answers(q: &Questionnaire) -> baocao::answers::Answers {
    use baocao::answers::AnswerValue;
    let mut answers = baocao::answers::Answers::new();
    for question in &q.questions {
        let value = match question.kind {
            QuestionKind::Integer => AnswerValue::Integer(12),
            QuestionKind::Text | QuestionKind::Paragraph => AnswerValue::Text("mẫu".into()),
            _ => continue,
        };
        answers.set(question.id.clone(), value);
    }
    answers
}

// ----- (f) `baocao check` -----

#[test]
fn check_exits_0_on_a_valid_file() {
    // A file without warnings either (the fixtures' lower-case headings are warned about).
    let file = "questionnaires/attp-hang-nam.yaml";
    let out = common::baocao(&["check", file]);
    let (stdout, stderr) = (common::stdout(&out), common::stderr(&out));
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    assert!(stdout.contains(file), "stdout names the file: {stdout}");
    assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
}

#[test]
fn check_exits_1_on_an_invalid_file_with_the_errors_on_stderr() {
    let file = "tests/fixtures/invalid/several-defects.yaml";
    let out = common::baocao(&["check", file]);
    let (stdout, stderr) = (common::stdout(&out), common::stderr(&out));
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    assert!(stderr.contains(&format!("{ERROR}: {file}:")), "{stderr}");
    assert!(stderr.contains(FIX), "{stderr}");
    assert!(stderr.contains("tìm thấy 6 lỗi"), "{stderr}");
    assert!(
        !stdout.contains(ERROR) && !stdout.contains(FIX),
        "no errors on stdout: {stdout}"
    );
}

#[test]
fn check_of_several_files_exits_1_if_any_is_invalid() {
    let good = "questionnaires/attp-hang-nam.yaml";
    let bad = "tests/fixtures/invalid/unknown-kind.yaml";
    let out = common::baocao(&["check", good, bad]);
    let (stdout, stderr) = (common::stdout(&out), common::stderr(&out));
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    assert!(stdout.contains(good) && !stdout.contains(bad), "{stdout}");
    assert!(stderr.contains(bad) && !stderr.contains(good), "{stderr}");

    let missing = "tests/fixtures/invalid/khong-co-tep-nay.yaml";
    let out = common::baocao(&["check", missing]);
    assert_eq!(out.status.code(), Some(1));
    assert!(common::stderr(&out).contains(missing));
    assert!(common::stdout(&out).is_empty());
}

/// The id may be written from `vars`, so that a new period is an edit of the period alone.
#[test]
fn the_id_may_be_written_from_vars() {
    let source = |id: &str| {
        format!(
            "format: 1\nid: \"{id}\"\nversion: 1\ntitle: T\nvars:\n  nam: 2030\n  ten: Ba Dinh\n\
             document: {{}}\nquestions:\n  - {{ id: ten_xa, ask: Tên xã, kind: text }}\n\
             sections:\n  - text: \"{{{{ ten_xa }}}}\"\n"
        )
    };
    let q =
        questionnaire::load_bytes("id.yaml", source("attp-{{ nam }}").as_bytes()).expect("loads");
    assert_eq!(q.id, "attp-2030");
    // Only vars: an answer is not known when the file is read.
    let err = refuse("id-question.yaml", source("attp-{{ ten_xa }}").as_bytes());
    assert_single(&err, "QuestionInVarsOnly", 2);
    // What the template gives must still be an id.
    let err = refuse("id-rendered.yaml", source("attp-{{ ten }}").as_bytes());
    assert_single(&err, "BadQuestionnaireId", 2);
    assert!(err.to_string().contains("attp-Ba Dinh"), "{err}");
}

/// After renaming a question, a template still naming the old id is pointed at the new one
/// when `renames` says so — and a guess is offered as a guess, with the rename in mind.
#[test]
fn an_old_id_left_in_a_template_points_at_its_new_id() {
    let source = |renames: &str| {
        format!(
            "format: 1\nid: r\nversion: 2\ntitle: T\n{renames}document: {{}}\nsections:\n  \
             - questions:\n      - {{ id: so_lop_dao_tao, ask: Số lớp, kind: integer }}\n      \
             - {{ id: so_luot_tap_huan, ask: Số lượt, kind: integer }}\n    \
             text: \"{{{{ so_lop_tap_huan }}}} {{{{ so_luot_tap_huan }}}}\"\n"
        )
    };
    let err = refuse(
        "renamed.yaml",
        source("renames:\n  so_lop_tap_huan: so_lop_dao_tao\n").as_bytes(),
    );
    let text = err.to_string();
    assert!(
        text.contains("đã đổi mã thành `so_lop_dao_tao` (theo `renames`)"),
        "{text}"
    );
    assert!(
        text.contains("Đổi `so_lop_tap_huan` thành `so_lop_dao_tao`."),
        "{text}"
    );
    // Without `renames` the near name is only a guess, and the fix says so.
    let text = refuse("guess.yaml", source("").as_bytes()).to_string();
    assert!(
        text.contains("Có phải ý bạn là `so_luot_tap_huan`?"),
        "{text}"
    );
    assert!(
        text.contains("Nếu bạn vừa đổi mã câu hỏi `so_lop_tap_huan`"),
        "{text}"
    );
    // A mistyped target of `renames` gets the near id.
    let text = refuse(
        "target.yaml",
        source("renames:\n  so_lop_tap_huan: so_lop_dao_ta\n").as_bytes(),
    )
    .to_string();
    assert!(
        text.contains("Đổi `so_lop_dao_ta` thành `so_lop_dao_tao`."),
        "{text}"
    );
}

/// The caret of a name or filter error is on the name: in a quoted value on its key's line,
/// on a block's first line, on a line indented further inside the block, and in a condition
/// after a string that holds the same letters; a word of plain text is not a name.
#[test]
fn the_caret_is_on_the_name() {
    let source = "format: 1\nid: c\nversion: 1\ntitle: T\ndocument: {}\nquestions:\n  \
                  - { id: ten, ask: Tên, kind: text }\n  \
                  - { id: x, ask: X, kind: text, when: \"ten == 'xa' or xa\" }\n\
                  sections:\n  - text: \"Tên {{ tenn }}\"\n  - text: |\n      Abc {{ xa }}\n      \
                  Còn xa mục tiêu.\n          {{ tenn | lenght }}\n";
    let err = refuse("caret.yaml", source.as_bytes());
    let got: Vec<(String, usize, usize)> = err
        .diagnostics
        .iter()
        .map(|d| (variant(&d.kind), d.pos.line, d.pos.col))
        .collect();
    assert_eq!(
        got,
        [
            ("UnknownName".to_owned(), 8, 56),
            ("UnknownName".to_owned(), 10, 19),
            ("UnknownName".to_owned(), 12, 14),
            ("UnknownName".to_owned(), 14, 14),
            ("UnknownFilter".to_owned(), 14, 21),
        ],
        "{err}"
    );
}
