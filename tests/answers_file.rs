//! The answers file: exact round trip of every kind, kept orphans, renames, atomic save.

use baocao::answers::{self, AnswerValue, Answers, Cell, KeptReason, Row};
use baocao::vn::Date;
use proptest::prelude::*;

use crate::common::questionnaire;

const KINDS: &str = "tests/fixtures/answers/kinds.yaml";

/// Text that stresses YAML: Vietnamese in NFC and NFD, CR/LF, tabs, emoji, YAML keywords,
/// indicators, empty strings, and any Unicode at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Tiếng Việt".to_owned()),
        Just("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t".to_owned()),
        Just("dòng 1\r\ndòng 2\n\tthụt lề\n".to_owned()),
        Just("  khoảng trắng cuối  ".to_owned()),
        Just("no".to_owned()),
        Just("~".to_owned()),
        Just("1e3".to_owned()),
        Just("---".to_owned()),
        Just("- a: b # c | > ' \"".to_owned()),
        Just("😀 👨‍👩‍👧 🇻🇳".to_owned()),
        "[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Z} \\t\\r\\n]{0,40}",
        any::<String>(),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1000i32..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).expect("valid"))
}

fn finite() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("finite", |x| x.is_finite())
}

fn row() -> impl Strategy<Value = Row> {
    (
        proptest::option::of(text()),
        proptest::option::of(any::<i64>()),
        proptest::option::of(finite()),
    )
        .prop_map(|(t, n, x)| {
            let mut row = Row::new();
            if let Some(t) = t {
                row.insert("ten".into(), Cell::Text(t));
            }
            if let Some(n) = n {
                row.insert("dem".into(), Cell::Integer(n));
            }
            if let Some(x) = x {
                row.insert("ty_le".into(), Cell::Decimal(x));
            }
            row
        })
}

fn answers() -> impl Strategy<Value = Answers> {
    let options = ["ISO 9001", "5S", "Kaizen"];
    (
        (
            text(),
            text(),
            any::<i64>(),
            finite(),
            date(),
            any::<bool>(),
        ),
        (
            prop_oneof![Just("Hợp tác xã".to_owned()), text()],
            proptest::sample::subsequence(options.to_vec(), 0..=3),
            proptest::option::of(text()),
        ),
        (
            proptest::collection::vec(text(), 0..5),
            proptest::collection::vec(row(), 0..4),
            proptest::option::of("[a-z_]{1,12}"),
        ),
    )
        .prop_map(
            |((t, p, n, x, d, b), (choice, picked, other), (list, rows, position))| {
                let mut a = Answers::new();
                a.set("van_ban", AnswerValue::Text(t));
                a.set("doan_van", AnswerValue::Text(p));
                a.set("so_nguyen", AnswerValue::Integer(n));
                a.set("so_thuc", AnswerValue::Decimal(x));
                a.set("ngay", AnswerValue::Date(d));
                a.set("co_khong", AnswerValue::Bool(b));
                a.set("mot_lua_chon", AnswerValue::Choice(choice));
                let mut picked: Vec<String> = picked.into_iter().map(str::to_owned).collect();
                picked.extend(other);
                a.set("nhieu_lua_chon", AnswerValue::Choices(picked));
                a.set("danh_sach", AnswerValue::List(list));
                a.set("bang", AnswerValue::Table(rows));
                a.position = position;
                a
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn saved_answers_load_back_exactly(a in answers()) {
        let q = questionnaire(KINDS);
        let text = answers::to_yaml(&a, &q);
        let back = answers::parse("kinds.answers.yaml", &text, &q).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (id, value) in a.iter() {
            prop_assert_eq!(back.get(id), Some(value), "answer {} in:\n{}", id, text);
        }
        prop_assert_eq!(back.len(), a.len());
        prop_assert_eq!(back.kept().count(), 0);
        prop_assert_eq!(&back.position, &a.position);
        prop_assert_eq!(back.questionnaire_id.as_deref(), Some("moi-loai"));
        prop_assert_eq!(back.questionnaire_hash.as_deref(), Some(q.hash.as_str()));
    }
}

#[test]
fn multi_line_answers_are_block_text() {
    let q = questionnaire(KINDS);
    let mut a = Answers::new();
    a.set("doan_van", AnswerValue::Text("Dòng một.\nDòng hai.".into()));
    let text = answers::to_yaml(&a, &q);
    assert!(text.contains("doan_van: |"), "not a block scalar:\n{text}");
    assert!(text.contains("    Dòng hai."), "{text}");
}

#[test]
fn orphans_and_misfits_are_kept_and_written_back() {
    let q = questionnaire(KINDS);
    let text = "answers:\n  van_ban: Còn\n  cau_hoi_cu: |-\n    Câu trả lời cũ\n    hai dòng\n  so_nguyen: mười hai\n";
    let a = answers::parse("x.answers.yaml", text, &q).expect("parses");
    assert_eq!(a.get("van_ban"), Some(&AnswerValue::Text("Còn".into())));
    let kept: Vec<(&str, &KeptReason)> = a.kept().map(|(id, k)| (id, &k.reason)).collect();
    assert_eq!(kept.len(), 2);
    assert_eq!(
        kept[0],
        ("cau_hoi_cu", &KeptReason::Orphan { suggestion: None })
    );
    assert!(matches!(kept[1], ("so_nguyen", KeptReason::Invalid { .. })));
    let saved = answers::to_yaml(&a, &q);
    let again = answers::parse("x.answers.yaml", &saved, &q).expect("parses");
    assert_eq!(again.kept().count(), 2, "{saved}");
    assert!(saved.contains("Câu trả lời cũ\n    hai dòng"), "{saved}");
    assert!(saved.contains("mười hai"), "{saved}");
}

#[test]
fn renamed_questions_take_their_old_answers() {
    let src =
        crate::common::read(KINDS).replace("sections:", "renames:\n  ten_cu: van_ban\nsections:");
    let q = baocao::questionnaire::load_bytes("kinds.yaml", src.as_bytes()).expect("loads");
    let a = answers::parse("x.answers.yaml", "answers:\n  ten_cu: Giữ lại\n", &q).expect("parses");
    assert_eq!(a.get("van_ban"), Some(&AnswerValue::Text("Giữ lại".into())));
}

#[test]
fn broken_answers_files_name_the_line() {
    let q = questionnaire(KINDS);
    let err =
        answers::parse("x.answers.yaml", "answers:\n  van_ban: \"chưa đóng\n", &q).unwrap_err();
    assert!(err.message.contains("x.answers.yaml:"), "{}", err.message);
    assert!(err.message.contains("cách sửa"), "{}", err.message);
    let err = answers::parse("x.answers.yaml", "- một\n- hai\n", &q).unwrap_err();
    assert!(
        err.message.contains("không đúng cấu trúc"),
        "{}",
        err.message
    );
}

#[test]
fn save_replaces_the_file_atomically() {
    let q = questionnaire(KINDS);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("moi-loai.answers.yaml");
    let mut a = Answers::new();
    a.set("van_ban", AnswerValue::Text("một".into()));
    answers::save(&path, &a, &q).expect("saved");
    a.set("van_ban", AnswerValue::Text("hai".into()));
    answers::save(&path, &a, &q).expect("saved again");
    let back = answers::load(&path, &q).expect("loads");
    assert_eq!(back.get("van_ban"), Some(&AnswerValue::Text("hai".into())));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "temporary files left behind: {names:?}");
}

#[test]
fn an_unknown_top_level_key_refuses_the_file() {
    let q = questionnaire(KINDS);
    let err = answers::parse("x.answers.yaml", "answer:\n  van_ban: Một\n", &q).unwrap_err();
    assert!(
        err.message.contains("`answer`") && err.message.contains("`answers`"),
        "{}",
        err.message
    );
}

#[test]
fn hand_typed_answers_are_read_as_meant() {
    let q = questionnaire(KINDS);
    let text = "answers:\n  mot_lua_chon: \"  Ho\u{31b}\u{323}p ta\u{301}c xa\u{303} \"\n  danh_sach:\n    - Lưu: VT\n    -\n    - Như trên\n  co_khong: Có\n";
    let a = answers::parse("x.answers.yaml", text, &q).expect("parses");
    assert_eq!(
        a.get("mot_lua_chon"),
        Some(&AnswerValue::Choice("Hợp tác xã".into()))
    );
    assert_eq!(
        a.get("danh_sach"),
        Some(&AnswerValue::List(vec![
            "Lưu: VT".into(),
            "Như trên".into()
        ]))
    );
    assert_eq!(a.get("co_khong"), Some(&AnswerValue::Bool(true)));
    assert_eq!(a.kept().count(), 0);
}

#[test]
fn misfits_say_what_is_wrong() {
    let q = questionnaire(KINDS);
    let text = "answers:\n  ngay: 31/02/2025\n  nhieu_lua_chon: [5S, Lean, TPM]\n  bang:\n    - { ten: A, nam_6: 3 }\n  Van_ban: x\n";
    let a = answers::parse("x.answers.yaml", text, &q).expect("parses");
    let reasons: Vec<String> = a
        .kept()
        .map(|(id, k)| match &k.reason {
            KeptReason::Invalid { reason } => format!("{id}: {reason}"),
            KeptReason::Orphan { suggestion } => format!("{id}: orphan {suggestion:?}"),
            KeptReason::Superseded { by } => format!("{id}: superseded by {by}"),
        })
        .collect();
    assert!(reasons[0].contains("không có thật"), "{reasons:?}");
    assert!(
        reasons[1].contains("\"Lean\", \"TPM\"") && reasons[1].contains("\"Kaizen\""),
        "{reasons:?}"
    );
    assert!(
        reasons[2].contains("nam_6") && reasons[2].contains("ten, dem, ty_le"),
        "{reasons:?}"
    );
    assert!(reasons[3].contains("Some(\"van_ban\")"), "{reasons:?}");
}

#[test]
fn an_old_id_does_not_overwrite_the_new_one() {
    let src =
        crate::common::read(KINDS).replace("sections:", "renames:\n  ten_cu: van_ban\nsections:");
    let q = baocao::questionnaire::load_bytes("kinds.yaml", src.as_bytes()).expect("loads");
    let a = answers::parse(
        "x.answers.yaml",
        "answers:\n  ten_cu: Cũ\n  van_ban: Mới\n",
        &q,
    )
    .expect("parses");
    assert_eq!(a.get("van_ban"), Some(&AnswerValue::Text("Mới".into())));
    let kept: Vec<_> = a.kept().map(|(id, k)| (id, k.reason.clone())).collect();
    assert_eq!(
        kept,
        vec![(
            "ten_cu",
            KeptReason::Superseded {
                by: "van_ban".into()
            }
        )]
    );
}

#[test]
fn bare_numbers_are_not_rewritten_as_text() {
    let q = questionnaire(KINDS);
    let text = "answers:\n  van_ban: 1.50\n  doan_van: 05\n  danh_sach: [1e3]\n";
    let a = answers::parse("x.answers.yaml", text, &q).expect("parses");
    // `05` is text to YAML 1.2 and stays as typed; `1.50` and `1e3` are numbers and would
    // come back as "1.5" and "1000": they are kept aside, unchanged.
    assert_eq!(a.get("doan_van"), Some(&AnswerValue::Text("05".into())));
    let kept: Vec<&str> = a.kept().map(|(id, _)| id).collect();
    assert_eq!(kept, vec!["van_ban", "danh_sach"]);
    let saved = answers::to_yaml(&a, &q);
    assert!(saved.contains("van_ban: 1.5"), "{saved}");
}

#[test]
fn answers_remember_their_line() {
    let q = questionnaire(KINDS);
    let text = "questionnaire:\n  id: moi-loai\nanswers:\n  van_ban: Một\n  # ghi chú\n  cu: x\n  ngay: 31/02/2025\n";
    let a = answers::parse("x.answers.yaml", text, &q).expect("parses");
    assert_eq!(a.line_of("van_ban"), Some(4));
    assert_eq!(a.line_of("cu"), Some(6));
    assert_eq!(a.line_of("ngay"), Some(7));
}
