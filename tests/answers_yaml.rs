//! The answers file's YAML is read once, on the parser's event stream (`answers::raw`), where
//! `serde_yaml` read it before, after a first pass for the limits: every text reads as
//! `serde_yaml` reads it — value for value — and a text it refused is refused with the same
//! message (line, column and words; such a text is handed to `serde_yaml`).

use baocao::answers::raw::{self, RawError};
use baocao::answers::{self, persist::MAX_ELEMENTS};
use proptest::prelude::*;
use serde_yaml::Value;

use crate::common::{self, questionnaire};

/// Texts whose scalars, tags, aliases and shapes `serde_yaml` reads in its own way.
const TEXTS: &[&str] = &[
    "",
    "# chỉ có ghi chú\n",
    "---\na: 1\n",
    "a: 05\nb: 1.50\nc: 1e3\nd: 0x1F\ne: 0o17\nf: 0b101\ng: +5\nh: -5\ni: -0x10\nj: 007\n",
    "a: .inf\nb: -.inf\nc: +.inf\nd: .NaN\ne: inf\nf: nan\ng: 1_000\nh: 1.\ni: .5\nj: -0\n",
    "a: 18446744073709551615\nb: -9223372036854775808\nc: 1e400\nd: 12345678901234567890123456789012345678901\n",
    "a: ~\nb: null\nc: Null\nd:\ne: ''\nf: \"\"\ng: True\nh: yes\ni: 'true'\nj: FALSE\n",
    "a: |\n  dòng 1\n  dòng 2\nb: >-\n  gấp\n  dòng\nc: |+\n  giữ\n\nd: \"x\\ty\\u00e9\"\ne: 'it''s'\n",
    "a: &x [1, 2]\nb: *x\nc: &y {k: v}\nd: *y\n",
    "a: !!str 5\nb: !!int \"7\"\nc: !!float 1\nd: !!bool true\ne: !!null ~\nf: !foo bar\ng: !foo [a]\nh: !foo {k: v}\ni: !!seq [1]\n",
    "1: số\ntrue: đúng\n~: rỗng\n",
    "answers:\n  ten_xa: \"Ba\\LĐình\"\n",
    "answers:\n  van_ban: \"dòng có: dấu hai chấm\"\n  danh_sach:\n    - Lưu: VT\n    -\n    - Như trên\n",
    "answers:\n  ngay: 2025-07-31\n  thoi_gian: 12:30\n  so: 1,5\n  tien: 45.500.000\n",
    "- một\n- hai\n",
    "văn bản trơn\n",
    "a: b\n  c\n  d\n",
];

/// Texts `serde_yaml` refused: the message names the same line and column.
const BROKEN: &[&str] = &[
    "answers:\n  van_ban: \"chưa đóng\n",
    "answers:\n  a: 1\n  a: 2\n",
    "answers:\n  a: 1\n b: 2\n",
    "a: [1, 2\n",
    "a: {b: 1\n",
    "a: 'x\n",
    "a: b: c\n",
    "a:\n  - x\n  y: z\n",
    "---\na: 1\n---\nb: 2\n",
    "a: *nothing\n",
    "a: 99999999999999999999\n",
    "a: -99999999999999999999\n",
    "a: !!int x\n",
    "a: !!bool có\n",
    "a: @b\n",
    "a: `b\n",
    "- a\nb: c\n",
    "? a\n? a\n",
    "1: x\n1: y\n",
    // Read by the event parser (YAML 1.2), refused by `serde_yaml` (YAML 1.1): still refused.
    "a: x\u{7f}y\n",
    "a: x\u{9b}y\n",
    "a: ok\nb: x\u{1b}y\n",
    "ten_\u{2028}xa: 1\n",
    "%YAML 1.3\n---\na: 1\n",
    "...\na: 1\n",
    ": v\n",
    "\ta: b\n",
];

/// What `serde_yaml` made of a text: the value, or the message the answers file showed.
fn by_serde(text: &str) -> Result<Value, String> {
    serde_yaml::from_str::<Value>(text).map_err(|e| {
        let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        baocao::messages::answers_syntax("x.answers.yaml", line, col, &e.to_string())
    })
}

/// Texts `serde_yaml` reads but the event parser does not take, or reads otherwise (YAML 1.1
/// line breaks NEL, LS and PS; a tab): handed to `serde_yaml`.
const HANDED_OVER: &[&str] = &[
    "a: [0 -]\nb: 0 -\n",
    "answers:\n  ten_xa: 'Ba\u{2028}    Đình'\n",
    "a: x\u{85}  y\n",
    "a: 'x\u{2029}  y'\n",
    "a:\tb\n",
    // A line opening with `: ` (the value of a `? ` key) is left to `serde_yaml` too.
    "? [a, b]\n: c\n? {k: v}\n: d\n",
];

fn by_events(text: &str) -> Result<Value, String> {
    raw::read(text, MAX_ELEMENTS).map_err(|err| match err {
        RawError::Syntax { line, col, detail } => {
            baocao::messages::answers_syntax("x.answers.yaml", line, col, &detail)
        }
        RawError::Limit(d) => format!("limit {:?} at {:?}", d.kind, d.pos),
    })
}

#[test]
fn every_text_reads_as_serde_yaml_read_it() {
    let mut texts: Vec<String> = TEXTS.iter().map(|t| (*t).to_owned()).collect();
    for name in ["an-phu", "attp-tan-hoa", "ba-dinh"] {
        texts.push(common::read(&format!(
            "questionnaires/examples/{name}.answers.yaml"
        )));
    }
    for text in &texts {
        let want = by_serde(text).unwrap_or_else(|e| panic!("serde_yaml reads {text:?}: {e}"));
        // Read from the events alone, not handed over.
        assert_eq!(raw::events(text, MAX_ELEMENTS).ok(), Some(want), "{text:?}");
    }
    for text in HANDED_OVER {
        assert_eq!(raw::events(text, MAX_ELEMENTS).ok(), None, "{text:?}");
        let want = by_serde(text).unwrap_or_else(|e| panic!("serde_yaml reads {text:?}: {e}"));
        assert_eq!(by_events(text), Ok(want), "{text:?}");
    }
}

#[test]
fn every_text_serde_yaml_refused_is_refused_with_the_same_message() {
    let mut differ = Vec::new();
    for text in BROKEN {
        let want = by_serde(text).expect_err(text);
        match by_events(text) {
            Err(got) if got == want => {}
            got => differ.push(format!("{text:?}\n  serde:  {want}\n  events: {got:?}")),
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// Any flow-style text of scalars, sequences and mappings.
    #[test]
    fn arbitrary_scalars_read_as_serde_yaml_reads_them(
        items in proptest::collection::vec("[-+.~0-9a-zA-Z_xob ]{0,12}", 1..8)
    ) {
        let text = format!("a: [{}]\nb: {}\n", items.join(", "), items[0]);
        prop_assert_eq!(by_events(&text), by_serde(&text), "{:?}", text);
    }
}

/// The answers file as a whole: what the wizard saves reads back the same either way.
#[test]
fn a_saved_answers_file_reads_the_same() {
    let text = common::read("questionnaires/examples/ba-dinh.answers.yaml");
    let seed = questionnaire("questionnaires/ct1322-so-ket-2021-2025.yaml");
    let a = answers::parse("ba-dinh.answers.yaml", &text, &seed).expect("parses");
    let saved = answers::to_yaml(&a, &seed);
    let want = by_serde(&saved).expect("serde_yaml reads it");
    assert_eq!(raw::events(&saved, MAX_ELEMENTS).ok(), Some(want));
}

/// A key written twice early does not let the rest of the file skip the limits: the text
/// handed to `serde_yaml` (quadratic in the nesting) is held to them first.
#[test]
fn a_text_handed_over_is_held_to_the_limits_first() {
    for head in [
        "questionnaire: {}\nquestionnaire: {}\n",
        "answers: {}\n---\n",
    ] {
        let text = format!("{head}answers:\n  x: {}\n", "[".repeat(100_000));
        let got = raw::read(&text, MAX_ELEMENTS);
        assert!(
            matches!(&got, Err(RawError::Limit(d)) if format!("{:?}", d.kind) == "TooDeep"),
            "{head:?}: {:?}",
            got.err().map(|e| format!("{e:?}"))
        );
    }
}

/// Every value the answers file's writer can write reads back as it was written, however
/// odd its characters (line separators, control characters, quotes, YAML punctuation).
#[test]
fn odd_characters_read_back_as_written() {
    let parts = [
        "\u{85}",
        "\u{2028}",
        "\u{2029}",
        "\u{7f}",
        "\u{9b}",
        "\u{feff}",
        "\t",
        "\r",
        "\r\n",
        "\n",
        " ",
        "\u{a0}",
        "\u{1b}",
        "#",
        ": ",
        "- ",
        "\"",
        "'",
        "\\",
        "|",
        ">",
        "{",
        "[",
        "&",
        "*",
        "!",
        "%",
        "@",
        "`",
        "?",
        "~",
        "0",
        "1.5",
        "05",
        "null",
        "yes",
        "\u{200b}",
        "\u{202e}",
        "\u{1F600}",
        "Đình",
    ];
    let mut differ = Vec::new();
    // Every pair of parts, each with and without a letter after it.
    for a in parts {
        for b in parts {
            for s in [format!("{a}{b}"), format!("{a}x{b}y")] {
                let mut map = serde_yaml::Mapping::new();
                map.insert(Value::String("k".into()), Value::String(s.clone()));
                map.insert(
                    Value::String(s.clone()),
                    Value::Sequence(vec![Value::String(s.clone())]),
                );
                let text = serde_yaml::to_string(&Value::Mapping(map.clone())).expect("writes");
                let got = by_events(&text);
                if got != Ok(Value::Mapping(map)) {
                    differ.push(format!("{s:?} written as {text:?}: {got:?}"));
                }
            }
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// An answer holding a line separator (from a file another program wrote) survives a save and
/// a load unchanged, as when `serde_yaml` read every file.
#[test]
fn an_answer_with_a_line_separator_survives_a_save() {
    let q = questionnaire("tests/fixtures/valid/kinds.yaml");
    let id = q.questions[0].id.clone();
    let text = format!("answers:\n  {id}: \"Ba\\LĐình\"\n");
    let first = answers::parse("x.answers.yaml", &text, &q).expect("parses");
    let value = first.get(&id).cloned();
    let mut saved = answers::to_yaml(&first, &q);
    for _ in 0..3 {
        let again = answers::parse("x.answers.yaml", &saved, &q).expect("parses");
        assert_eq!(again.get(&id).cloned(), value, "saved as {saved:?}");
        saved = answers::to_yaml(&again, &q);
    }
}
