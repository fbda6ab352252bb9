//! Report building: totals, conditions that cannot be evaluated, hostile answer text.

use baocao::answers::{AnswerValue, Answers, Cell, Row};
use baocao::report::{self, Block, Format, Problem};
use unicode_normalization::UnicodeNormalization;

fn row(name: &str, x: f64) -> Row {
    let mut r = Row::new();
    r.insert("muc".into(), Cell::Text(name.into()));
    r.insert("kinh_phi".into(), Cell::Decimal(x));
    r
}

fn answers() -> Answers {
    let mut a = Answers::new();
    a.set(
        "ten",
        AnswerValue::Text("An Phú \u{E000}bang\u{E001}".into()),
    );
    a.set("ghi_chu", AnswerValue::Text("không dùng".into()));
    a.set(
        "bang",
        AnswerValue::Table(vec![row("A", 1.1), row("B", 2.2)]),
    );
    a
}

#[test]
fn decimal_totals_have_no_float_noise() {
    let q = crate::common::questionnaire("tests/fixtures/render/sums.yaml");
    let doc = report::build(&q, &answers()).expect("builds");
    let text = report::render(&doc, Format::Text, false);
    assert!(text.contains("Tổng kinh phí 3,3 triệu đồng"), "{text}");
    let table = doc
        .body
        .iter()
        .find_map(|b| {
            if let Block::Table(t) = b {
                Some(t)
            } else {
                None
            }
        })
        .expect("a table");
    assert_eq!(table.total.as_ref().expect("total row")[1], "3,3");
}

#[test]
fn a_condition_that_cannot_be_evaluated_is_reported() {
    let q = crate::common::questionnaire("tests/fixtures/render/sums.yaml");
    let (doc, problems) = report::build_checked(&q, &answers());
    assert!(doc.is_ok());
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, Problem::Condition { line: 10, .. })),
        "{problems:?}"
    );
}

#[test]
fn markers_typed_into_answers_do_nothing() {
    let q = crate::common::questionnaire("tests/fixtures/render/sums.yaml");
    let doc = report::build(&q, &answers()).expect("builds");
    let tables = doc
        .body
        .iter()
        .filter(|b| matches!(b, Block::Table(_)))
        .count();
    assert_eq!(tables, 1, "{:?}", doc.body);
    let text = report::render(&doc, Format::Text, false);
    assert!(text.contains("An Phú bang."), "{text}");
}

#[test]
fn numbers_follow_what_is_shown() {
    let q = crate::common::questionnaire("tests/fixtures/render/numbering.yaml");
    let mut a = Answers::new();
    a.set("co_a", AnswerValue::Bool(false));
    a.set("x", AnswerValue::Text("Chữ.".into()));
    let text = report::render(&report::build(&q, &a).expect("builds"), Format::Text, false);
    let want = "BÁO CÁO\nThử\nMở đầu.\nI. HAI\n1. Con một: Chữ.\n2. Con ba\nBa.\n2.1. Cháu\nĐiểm.\n2.2. Cháu hai\nĐiểm hai.\nBA\nKhông số.\nII. BỐN\nBốn.\n";
    assert_eq!(text, want);
    a.set("co_a", AnswerValue::Bool(true));
    let text = report::render(&report::build(&q, &a).expect("builds"), Format::Text, false);
    assert!(
        text.contains("I. MỘT\nA.\nII. HAI\n") && text.contains("III. BỐN"),
        "{text}"
    );
}

#[test]
fn fixed_rows_match_labels_as_people_write_them() {
    use baocao::questionnaire::QuestionKind;
    let q = crate::common::questionnaire("tests/fixtures/valid/table.yaml");
    let spec = q
        .questions
        .iter()
        .find_map(|q| {
            if let QuestionKind::Table(t) = &q.kind {
                Some(t.clone())
            } else {
                None
            }
        })
        .expect("a table question");
    assert!(spec.rows.len() >= 2, "the fixture has fixed rows");
    let label_col = spec.columns[0].id.clone();
    let second = &spec.rows[1];
    // The answer names the second fixed row in NFD, upper case, with extra spaces.
    let typed: String = format!("  {}  ", second.to_uppercase()).nfd().collect();
    let mut row = Row::new();
    row.insert(label_col, Cell::Text(typed));
    let cells = spec.complete(&[row]);
    assert_eq!(cells.len(), spec.rows.len(), "no extra row: {cells:?}");
}

#[test]
fn an_absent_answer_takes_the_default_and_an_empty_one_stays_empty() {
    let q =
        baocao::questionnaire::load_path(&crate::common::path("tests/fixtures/valid/kinds.yaml"))
            .expect("kinds fixture");
    let render = |answers: &Answers| {
        let doc = report::build(&q, answers).expect("builds");
        report::render(&doc, Format::Text, true)
    };
    let absent = render(&Answers::new());
    assert!(absent.contains("Thường trực Đảng ủy xã"), "{absent}");
    let mut emptied = Answers::new();
    emptied.set("noi_nhan", AnswerValue::List(Vec::new()));
    let emptied = render(&emptied);
    assert!(!emptied.contains("Thường trực Đảng ủy xã"), "{emptied}");
}

#[test]
fn the_parent_body_prints_above_the_issuing_body() {
    let q = baocao::questionnaire::load_bytes(
        "so.yaml",
        "format: 1\nid: so\nversion: 1\ntitle: Sở\ndocument:\n  parent: UBND TỈNH QUẢNG NGÃI\n  issuer: SỞ KHOA HỌC VÀ CÔNG NGHỆ\n  summary: Tóm tắt\nsections:\n  - heading: MỘT\n    text: Nội dung.\n"
            .as_bytes(),
    )
    .expect("the questionnaire loads");
    let doc = report::build(&q, &Answers::new()).expect("the report builds");
    assert_eq!(doc.frame.parent, vec!["UBND TỈNH QUẢNG NGÃI".to_owned()]);
    assert_eq!(
        doc.frame.issuer,
        vec!["SỞ KHOA HỌC VÀ CÔNG NGHỆ".to_owned()]
    );
    let text = report::render(&doc, Format::Text, true);
    let parent = text
        .find("UBND TỈNH QUẢNG NGÃI")
        .expect("the parent is printed");
    let issuer = text
        .find("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
        .expect("the issuer is printed");
    assert!(parent < issuer, "{text}");
    let md = report::render(&doc, Format::Markdown, true);
    assert!(
        md.contains("| UBND TỈNH QUẢNG NGÃI<br>**SỞ KHOA HỌC VÀ CÔNG NGHỆ**"),
        "{md}"
    );
    // In Word the parent is upright and the issuing body bold.
    let bytes = report::docx::write(&doc, true, report::BodySize::Fourteen);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document.xml"),
        &mut xml,
    )
    .expect("UTF-8");
    let run_before = |text: &str| {
        let at = xml.find(text).expect("the line is in the file");
        let start = xml[..at].rfind("<w:r>").expect("its run");
        xml[start..at].to_owned()
    };
    assert!(!run_before("UBND TỈNH QUẢNG NGÃI").contains("<w:b/>"));
    assert!(run_before("SỞ KHOA HỌC VÀ CÔNG NGHỆ").contains("<w:b/>"));
}
