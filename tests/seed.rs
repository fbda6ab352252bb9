//! The built-in questionnaire reproduces the real Ba Dinh report from its answers.

use crate::common::{baocao, normalise, read, stderr, stdout};

const Q: &str = "questionnaires/ct1322-so-ket-2021-2025.yaml";
const SEED: &str = "../shared/seed/bao-cao-so-ket-ct1322-xa-ba-dinh.txt";

/// The seed, kept in the repository; when `shared/` lies beside the checkout, the copy must
/// still be the same text.
fn seed() -> String {
    let copy = read("tests/fixtures/seed-ba-dinh.txt");
    if crate::common::exists(SEED) {
        assert_eq!(
            copy,
            read(SEED),
            "tests/fixtures/seed-ba-dinh.txt differs from the shared seed"
        );
    }
    copy
}

#[test]
fn body_only_render_equals_the_seed() {
    let out = baocao(&[
        "render",
        Q,
        "--answers",
        "questionnaires/examples/ba-dinh.answers.yaml",
        "--format",
        "txt",
        "--body-only",
    ]);
    assert!(out.status.success(), "render failed: {}", stderr(&out));
    let got = normalise(&stdout(&out));
    let want = normalise(&seed());
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "line {} differs", i + 1);
    }
    assert_eq!(
        got.len(),
        want.len(),
        "line count differs:\n{}",
        got.join("\n")
    );
}

#[test]
fn ba_dinh_answers_are_complete_and_valid() {
    let out = baocao(&[
        "render",
        Q,
        "--answers",
        "questionnaires/examples/ba-dinh.answers.yaml",
    ]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "", "the example answers raise warnings");
}

#[test]
fn builtin_is_the_shipped_file() {
    let builtin = baocao::questionnaire::builtin().expect("built-in loads");
    let file = crate::common::questionnaire(Q);
    assert_eq!(builtin.hash, file.hash);
    assert_eq!(builtin.id, "ct1322-so-ket-2021-2025");
    // The header questions come first, starting with the commune's name.
    assert_eq!(builtin.questions[0].id, "ten_xa");
    assert!(builtin.header_len >= 5);
}
