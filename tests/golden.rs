//! Golden outputs: other communes and another kind of report, compared line by line.

use crate::common::{baocao, read, stderr, stdout};

fn check(q: &str, answers: &str, golden: &str, extra: &[&str]) {
    let mut args = vec!["render", q, "--answers", answers];
    args.extend_from_slice(extra);
    compare(&args, golden);
}

/// Runs baocao with `args` and compares its output with the golden file.
fn compare(args: &[&str], golden: &str) {
    let out = baocao(args);
    assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
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

#[test]
fn diff_between_two_versions() {
    let out = baocao(&[
        "diff",
        "tests/fixtures/diff/old.yaml",
        "tests/fixtures/diff/new.yaml",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let got = stdout(&out);
    if std::env::var_os("BAOCAO_BLESS").is_some() {
        std::fs::write(crate::common::path("tests/golden/diff.txt"), &got).expect("written");
        return;
    }
    assert_eq!(got, read("tests/golden/diff.txt"));
}

#[test]
fn the_renames_diff_suggests_carry_the_old_answers_over() {
    // Add the `renames` lines `diff` suggests to the new questionnaire: the old answers are no
    // longer orphans.
    let out = baocao(&[
        "diff",
        "tests/fixtures/diff/old.yaml",
        "tests/fixtures/diff/new.yaml",
    ]);
    let said = stdout(&out);
    let suggested: Vec<&str> = said
        .split("\nrenames:\n")
        .nth(1)
        .expect("diff suggests renames")
        .lines()
        .filter(|l| l.starts_with("  "))
        .collect();
    assert_eq!(
        suggested,
        ["  kinh_phi: tong_kinh_phi", "  ghi_chu: ghi_chu_them"],
        "{said}"
    );
    let new = read("tests/fixtures/diff/new.yaml").replace(
        "renames:\n  so_lop_tap_huan: so_lop\n",
        &format!(
            "renames:\n  so_lop_tap_huan: so_lop\n{}\n",
            suggested.join("\n")
        ),
    );
    let q = baocao::questionnaire::load_bytes("new.yaml", new.as_bytes()).expect("loads");
    let old_answers = "answers:\n  so_lop_tap_huan: 3\n  ghi_chu: Ghi chú cũ\n  so_dot_kiem_tra: 2\n  \
                       kinh_phi: 12.5\n";
    let a = baocao::answers::parse("a.answers.yaml", old_answers, &q).expect("parses");
    assert_eq!(
        a.get("ghi_chu_them"),
        Some(&baocao::answers::AnswerValue::Text("Ghi chú cũ".into()))
    );
    assert_eq!(
        a.get("so_lop"),
        Some(&baocao::answers::AnswerValue::Integer(3))
    );
    assert_eq!(
        a.get("tong_kinh_phi"),
        Some(&baocao::answers::AnswerValue::Decimal(12.5))
    );
    let kept: Vec<&str> = a.kept().map(|(id, _)| id).collect();
    assert_eq!(
        kept,
        ["so_dot_kiem_tra"],
        "only the removed question's answer is aside"
    );
}

#[test]
fn diff_of_a_questionnaire_with_itself_says_nothing_changed() {
    let file = "questionnaires/ct1322-so-ket-2021-2025.yaml";
    let out = baocao(&["diff", file, file]);
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("Mục và câu hỏi giữ nguyên"),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("vars"), "{}", stdout(&out));
    // The final review made from it: only the id and the period change.
    let out = baocao(&[
        "diff",
        file,
        "questionnaires/ct1322-tong-ket-2021-2030.yaml",
    ]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        read("questionnaires/ct1322-tong-ket-2021-2030.diff.txt"),
        "the committed diff is what `baocao diff` says"
    );
    let bad = baocao(&["diff", file, "tests/fixtures/invalid/unknown-kind.yaml"]);
    assert_eq!(bad.status.code(), Some(1));
}

/// `baocao preview`: the shape of each shipped questionnaire's report, frame included.
#[test]
fn preview_of_the_built_in_questionnaire() {
    compare(
        &["preview", "questionnaires/ct1322-so-ket-2021-2025.yaml"],
        "tests/golden/preview-ct1322-so-ket.txt",
    );
}

#[test]
fn preview_of_the_food_safety_questionnaire() {
    compare(
        &["preview", "questionnaires/attp-hang-nam.yaml"],
        "tests/golden/preview-attp.txt",
    );
}

/// Conditional sections and questions of a section without `text`, marked with their
/// conditions.
#[test]
fn preview_of_conditions() {
    compare(
        &[
            "preview",
            "tests/fixtures/valid/conditions.yaml",
            "--body-only",
        ],
        "tests/golden/preview-conditions.txt",
    );
}

/// Two sub-sections of the same name under different parents are different sections; two
/// renamed questions asked the same way are paired in order, not crossed; a prompt that
/// prints the period's year still matches in the next period.
#[test]
fn diff_keeps_sections_under_their_parent_and_pairs_renames_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = "format: 1\nid: s\nversion: 1\ntitle: T\nvars: { nam: 2025 }\ndocument: {}\n\
               sections:\n  - heading: MỘT\n    sections:\n      - heading: Kết quả\n        \
               questions:\n          - { id: so_a, ask: Số lượng, kind: integer }\n          \
               - { id: so_b, ask: Số lượng, kind: integer }\n          \
               - { id: kp, ask: \"Số {{ nam }}\", kind: integer }\n  - heading: HAI\n    \
               sections:\n      - heading: Kết quả\n        \
               questions: [{ id: b, ask: B, kind: text }]\n";
    let new = old
        .replace("so_a", "sa")
        .replace("so_b", "sb")
        .replace("id: kp", "id: kinh_phi_nam")
        .replace("nam: 2025", "nam: 2030")
        .replace(
            "  - heading: HAI\n    sections:\n      - heading: Kết quả\n        questions:",
            "  - heading: HAI\n    questions:",
        );
    std::fs::write(dir.path().join("old.yaml"), old).unwrap();
    std::fs::write(dir.path().join("new.yaml"), new).unwrap();
    let out = baocao(&[
        "diff",
        dir.path().join("old.yaml").to_str().unwrap(),
        dir.path().join("new.yaml").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("  - 1. Kết quả (đã bỏ, trong mục II.)"),
        "{said}"
    );
    assert!(
        said.ends_with("renames:\n  so_a: sa\n  so_b: sb\n  kp: kinh_phi_nam\n"),
        "{said}"
    );
}
