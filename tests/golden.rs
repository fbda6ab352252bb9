//! Golden outputs: other communes and another kind of report, compared line by line.

use crate::common::{baocao, read, stderr, stdout};

fn check(q: &str, answers: &str, golden: &str, extra: &[&str]) {
    let mut args = vec!["render", q, "--answers", answers];
    args.extend_from_slice(extra);
    let out = baocao(&args);
    assert!(out.status.success(), "render failed: {}", stderr(&out));
    let got = stdout(&out);
    if std::env::var_os("BAOCAO_BLESS").is_some() {
        std::fs::write(crate::common::path(golden), &got).expect("golden written");
        return;
    }
    let want = read(golden);
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(
            g,
            w,
            "{golden}: line {} differs (BAOCAO_BLESS=1 rewrites after review)",
            i + 1
        );
    }
    assert_eq!(
        got.lines().count(),
        want.lines().count(),
        "{golden}: line count differs"
    );
}

#[test]
fn an_phu_body() {
    check(
        "questionnaires/ct1322-so-ket-2021-2025.yaml",
        "questionnaires/examples/an-phu.answers.yaml",
        "tests/golden/an-phu.body.txt",
        &["--body-only"],
    );
}

#[test]
fn an_phu_full() {
    check(
        "questionnaires/ct1322-so-ket-2021-2025.yaml",
        "questionnaires/examples/an-phu.answers.yaml",
        "tests/golden/an-phu.full.txt",
        &[],
    );
}

#[test]
fn attp_tan_hoa_body() {
    check(
        "questionnaires/attp-hang-nam.yaml",
        "questionnaires/examples/attp-tan-hoa.answers.yaml",
        "tests/golden/attp-tan-hoa.body.txt",
        &["--body-only"],
    );
}

#[test]
fn attp_tan_hoa_full() {
    check(
        "questionnaires/attp-hang-nam.yaml",
        "questionnaires/examples/attp-tan-hoa.answers.yaml",
        "tests/golden/attp-tan-hoa.full.txt",
        &[],
    );
}

#[test]
fn an_phu_markdown() {
    check(
        "questionnaires/ct1322-so-ket-2021-2025.yaml",
        "questionnaires/examples/an-phu.answers.yaml",
        "tests/golden/an-phu.full.md",
        &["--format", "md"],
    );
}
