//! `baocao preview`: the report's shape without answers — every question has its place, the
//! period's values flow in, conditions are marked, bad input is refused clearly. (The golden
//! outputs are in golden.rs, the Word file in report_docx.rs.)

use baocao::questionnaire::QuestionKind;

use crate::common::{self, baocao, stderr, stdout};

const SHIPPED: [&str; 3] = [
    "questionnaires/ct1322-so-ket-2021-2025.yaml",
    "questionnaires/ct1322-tong-ket-2021-2030.yaml",
    "questionnaires/attp-hang-nam.yaml",
];

fn preview(args: &[&str]) -> String {
    let mut all = vec!["preview"];
    all.extend_from_slice(args);
    let out = baocao(&all);
    assert!(out.status.success(), "{all:?}: {}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{all:?} warns: {}", stderr(&out));
    stdout(&out)
}

/// Every question whose answer prints shows up: as "[its prompt]", as the list it counts or
/// walks, or by its id in a condition or a computed value.
#[test]
fn every_question_has_its_place() {
    for q_path in SHIPPED {
        let q = common::questionnaire(q_path);
        // The frame's texts as they are (the text output wraps them in columns) and the body.
        let doc = baocao::report::preview::preview(&q);
        let f = &doc.frame;
        let mut shown = [&f.parent, &f.issuer, &f.to, &f.authority, &f.cc]
            .iter()
            .flat_map(|lines| lines.iter().cloned())
            .chain([
                f.number.clone(),
                f.place_date.clone(),
                f.summary.clone(),
                f.closing.clone(),
                f.signer_title.clone(),
                f.signer_name.clone(),
            ])
            .collect::<Vec<_>>()
            .join("\n");
        shown.push_str(&preview(&[q_path, "--body-only"]));
        let mut placeholders = 0;
        for question in &q.questions {
            let ask = question.ask.source.trim().trim_end_matches(['?', ':', ' ']);
            // A prompt that is itself a template shows its fixed start.
            let by_prompt = match ask.split_once("{{") {
                None => {
                    shown.contains(&format!("[{ask}]")) || shown.contains(&format!("của: {ask}]"))
                }
                Some((start, _)) => {
                    shown.contains(&format!("[{start}")) || shown.contains(&format!("của: {start}"))
                }
            };
            placeholders += usize::from(by_prompt);
            let by_id = shown.contains(&question.id);
            assert!(
                by_prompt || by_id || matches!(question.kind, QuestionKind::YesNo),
                "{q_path}: question `{}` ({ask}) does not show in the preview",
                question.id
            );
        }
        assert!(
            placeholders * 2 > q.questions.len(),
            "{q_path}: only {placeholders} of {} questions shown by their prompt",
            q.questions.len()
        );
    }
}

/// Sections are numbered as they print when every section applies: the same numbers as a
/// full report.
#[test]
fn headings_are_numbered_as_in_a_full_report() {
    let shown = preview(&[SHIPPED[0]]);
    let report = stdout(&baocao(&[
        "render",
        SHIPPED[0],
        "--answers",
        "questionnaires/examples/an-phu.answers.yaml",
    ]));
    let numbered = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| {
                ["I. ", "II. ", "III. ", "1. ", "2. ", "1.1. ", "1.6. "]
                    .iter()
                    .any(|n| l.starts_with(n))
            })
            .map(|l| l.split(' ').next().unwrap_or_default().to_owned())
            .collect()
    };
    let want = numbered(&report);
    assert!(want.len() >= 9, "{want:?}");
    assert_eq!(numbered(&shown), want);
}

/// The period lives in `vars`: the final review's preview differs from the built-in one's
/// only where the year or the kind of review is written.
#[test]
fn the_period_flows_into_the_preview() {
    let old = preview(&[SHIPPED[0], "--body-only"]);
    let new = preview(&[SHIPPED[1], "--body-only"]);
    assert_eq!(old.lines().count(), new.lines().count());
    let mut changed = 0;
    for (a, b) in old.lines().zip(new.lines()) {
        if a != b {
            changed += 1;
            assert!(
                b.contains("2030") || b.contains("Tổng kết") || b.contains("tổng kết"),
                "changed line without the new period: {a:?} → {b:?}"
            );
        }
    }
    assert!(changed >= 5, "{changed} lines changed");
    assert!(
        new.contains("II. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021–2030"),
        "{new}"
    );
}

#[test]
fn markdown_shows_notes_in_italics() {
    let md = preview(&["tests/fixtures/valid/conditions.yaml", "--format", "md"]);
    assert!(
        md.contains("*«Mục sau chỉ có khi: co\\_ke\\_hoach»*"),
        "{md}"
    );
    assert!(md.contains("\\[Vì sao chưa ban hành kế hoạch\\]"), "{md}");
}

#[test]
fn the_built_in_questionnaire_is_found_by_its_name() {
    assert_eq!(
        preview(&["ct1322-so-ket-2021-2025"]),
        preview(&[SHIPPED[0]])
    );
}

#[test]
fn a_broken_questionnaire_is_refused_with_its_line() {
    let out = baocao(&[
        "preview",
        "tests/fixtures/invalid/unknown-key-question.yaml",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("unknown-key-question.yaml:"), "{err}");
    assert!(err.contains("lỗi"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn the_output_never_overwrites_the_questionnaire() {
    let dir = tempfile::tempdir().expect("tempdir");
    let q = dir.path().join("q.yaml");
    std::fs::copy(common::path(SHIPPED[2]), &q).expect("copied");
    let before = std::fs::read(&q).expect("read");
    let q_arg = q.to_str().expect("utf-8");
    let out = baocao(&["preview", q_arg, "-o", q_arg]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert_eq!(std::fs::read(&q).expect("read"), before);
    let file = dir.path().join("shape.txt");
    let out = baocao(&["preview", q_arg, "-o", file.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&file).expect("written"),
        preview(&[q_arg])
    );
}

/// Conditions on `vars` alone are decided as a report decides them: a section whose `when`
/// is false is not shown and does not take a number; one whose `when` is true has no mark. A
/// table inside a sentence is left out, as in a report.
#[test]
fn conditions_on_vars_are_decided_and_tables_stay_out_of_sentences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("vars.yaml");
    std::fs::write(
        &file,
        "format: 1\nid: v\nversion: 1\ntitle: T\nvars: { phu_luc: false, nam: 2030 }\n\
         document: {}\nsections:\n  - heading: CŨ\n    when: phu_luc\n    \
         questions: [{ id: cu, ask: Cũ, kind: text }]\n  - heading: CHÍNH\n    \
         when: nam >= 2030\n    questions:\n      - id: bang\n        ask: Bảng kết quả\n        \
         kind: table\n        columns: [{ id: ten, title: Tên }]\n      \
         - { id: ghi_chu, ask: Ghi chú, kind: text, when: nam > 2000 }\n    \
         text: \"Bảng: {{ bang }}. {{ ghi_chu }}\"\n",
    )
    .expect("written");
    let shown = preview(&[file.to_str().expect("utf-8"), "--body-only"]);
    assert!(!shown.contains("CŨ"), "{shown}");
    assert!(shown.contains("I. CHÍNH"), "{shown}");
    assert!(
        !shown.contains('«'),
        "no condition is left to mark:\n{shown}"
    );
    assert!(shown.contains("Bảng: . [Ghi chú]"), "{shown}");
}
