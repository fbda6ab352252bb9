//! `baocao check` warnings: every kind triggered by a fixture, none in the shipped files, and
//! the same findings as JSON for tools.

use crate::common::{baocao, stderr, stdout};

fn json(args: &[&str]) -> (Option<i32>, Vec<serde_json::Value>) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let out = baocao(&all);
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&out)).expect("a JSON list on stdout");
    (out.status.code(), list)
}

#[test]
fn every_warning_kind_is_found_once_with_its_line() {
    let (code, found) = json(&["tests/fixtures/lint/slips.yaml"]);
    assert_eq!(code, Some(0), "warnings do not fail the check");
    let got: Vec<(String, u64)> = found
        .iter()
        .map(|w| {
            assert_eq!(w["level"], "warning");
            assert!(!w["message"].as_str().unwrap().is_empty());
            assert!(!w["fix"].as_str().unwrap().is_empty());
            (
                w["code"].as_str().unwrap().to_owned(),
                w["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("closing-without-end".to_owned(), 10),
            ("question-unused".to_owned(), 15),
            ("heading-repeats-period".to_owned(), 23),
            ("heading-not-upper".to_owned(), 23),
            ("suggestion-too-long".to_owned(), 31),
            ("condition-never-true".to_owned(), 33),
        ]
    );
}

#[test]
fn the_shipped_questionnaires_have_no_warnings() {
    let (code, found) = json(&[
        "questionnaires/ct1322-so-ket-2021-2025.yaml",
        "questionnaires/attp-hang-nam.yaml",
        "questionnaires/ct1322-tong-ket-2021-2030.yaml",
    ]);
    assert_eq!(code, Some(0));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn warnings_in_text_name_the_line_show_it_and_say_how_to_fix() {
    let out = baocao(&["check", "tests/fixtures/lint/slips.yaml"]);
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("hợp lệ, có 6 cảnh báo"),
        "{}",
        stdout(&out)
    );
    let err = stderr(&out);
    assert!(
        err.contains("cảnh báo: tests/fixtures/lint/slips.yaml:23:14: đề mục ghi thẳng năm 2025"),
        "{err}"
    );
    assert!(err.contains("23 |   - heading: Kết quả năm 2025"), "{err}");
    assert!(
        err.contains("→ cách sửa: viết {{ nam }} thay cho 2025"),
        "{err}"
    );
}

#[test]
fn errors_come_out_as_json_too() {
    let (code, found) = json(&["tests/fixtures/invalid/unknown-key-question.yaml"]);
    assert_eq!(code, Some(1));
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|e| e["level"] == "error" && e["line"].as_u64().unwrap() > 0),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|e| e["code"] == "UnknownKey"),
        "{found:#?}"
    );
}

/// A heading writing a year two vars hold (the period's end and the programme's end) gets
/// one warning naming both, the first as the fix.
#[test]
fn a_year_two_vars_hold_is_one_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("nam.yaml");
    std::fs::write(
        &file,
        "format: 1\nid: nam\nversion: 1\ntitle: T\nvars:\n  nam_cuoi: 2030\n  ct_nam_cuoi: 2030\n\
         document:\n  closing: Kính báo cáo./.\nsections:\n  - heading: KIẾN NGHỊ NĂM 2030\n    \
         questions:\n      - { id: kien_nghi, ask: Kiến nghị, kind: paragraph }\n",
    )
    .expect("written");
    let (code, found) = json(&[file.to_str().expect("utf-8")]);
    assert_eq!(code, Some(0));
    assert_eq!(found.len(), 1, "{found:?}");
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.contains("`nam_cuoi: 2030`, `ct_nam_cuoi: 2030`"),
        "{message}"
    );
    let fix = found[0]["fix"].as_str().unwrap();
    assert!(
        fix.starts_with("viết {{ nam_cuoi }} (hoặc {{ ct_nam_cuoi }}"),
        "{fix}"
    );
}
