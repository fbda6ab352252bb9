//! The maintainers' guide keeps up with the program: its quick reference (§16 of
//! `docs/questionnaire-format.md`) names every key of every place of the schema (with `*` on
//! exactly the required ones), every question kind, numbering style and column kind, and every
//! filter `src/template.rs` adds; its links lead somewhere; and every `when:` example of the
//! tables of §8 and §16 passes `baocao check`.
//!
//! Each check is a function of the texts it compares, so the tests at the end can show it fails,
//! naming what is missing, on a copy of the guide or schema with one thing changed.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::common::{baocao, read, stderr, stdout};

const GUIDE: &str = "docs/questionnaire-format.md";
const SCHEMA: &str = "docs/questionnaire.schema.json";
const TEMPLATES: &str = "src/template.rs";

/// The chapter of the guide that is the quick reference, and the one about conditions.
const REFERENCE: &str = "16";
const CONDITIONS: &str = "8";

/// Each place of the file: its name in messages, the `###` heading of its table in the
/// reference, and where the schema describes it.
const PLACES: &[(&str, &str, &str)] = &[
    ("top level", "Khóa ở đầu tệp", ""),
    ("document", "Khóa trong `document`", "/$defs/document"),
    (
        "document.signer",
        "Khóa trong `document.signer`",
        "/$defs/signer",
    ),
    ("section", "Khóa của một mục (`sections`)", "/$defs/section"),
    (
        "question",
        "Khóa của một câu hỏi (`questions`)",
        "/$defs/question",
    ),
    ("validate", "Khóa trong `validate`", "/$defs/validate"),
    (
        "table column",
        "Khóa của một cột bảng (`columns`)",
        "/$defs/column",
    ),
];

/// Each list of names the schema fixes: its name, its heading in the reference, where the schema
/// lists it.
const ENUMS: &[(&str, &str, &str)] = &[
    (
        "question kind",
        "Loại câu hỏi (`kind`)",
        "/$defs/question/properties/kind/enum",
    ),
    (
        "numbering style",
        "Kiểu đánh số (`numbering`)",
        "/properties/numbering/items/enum",
    ),
    (
        "column kind",
        "Loại cột bảng (`kind` của cột)",
        "/$defs/column/properties/kind/enum",
    ),
];

const FILTERS: &str = "Bộ lọc";
const CONDITION_TABLE: &str = "Điều kiện `when`";

/// The questions (and vars) the `when:` examples of the guide may name, with their kinds, for
/// the questionnaire they are checked in. An example naming anything else fails the test.
const QUESTIONS: &[(&str, &str)] = &[
    ("ten_xa", "kind: text"),
    ("co_ke_hoach", "kind: yes_no"),
    (
        "loai",
        r#"kind: choice, options: ["Doanh nghiệp", "Hợp tác xã"]"#,
    ),
    (
        "nguyen_nhan",
        r#"kind: choice, options: ["Vi sinh vật", "Chưa xác định được nguyên nhân"]"#,
    ),
    ("so_dn", "kind: integer"),
    ("ngay_bat_dau", "kind: date"),
    ("ngay_ky", "kind: date"),
    ("kh_tinh_so", "kind: text"),
    (
        "cong_cu",
        r#"kind: choices, options: ["5S", "Kaizen", "Lean"]"#,
    ),
    ("co_tap_huan", "kind: yes_no"),
    ("so_lop", "kind: integer"),
    ("so_nguoi", "kind: integer"),
];
const VARS: &[(&str, &str)] = &[("nam_cuoi", "2025")];

// ---------------------------------------------------------------------------------------------
// Reading the guide.

/// The lines of `text` outside fenced code blocks, with their 1-based numbers.
fn prose(text: &str) -> Vec<(usize, &str)> {
    let mut fenced = false;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            out.push((i + 1, line));
        }
    }
    out
}

/// The lines of chapter `number` (from `## number. …` to the next `## `), outside code.
fn chapter<'a>(guide: &'a str, number: &str) -> Option<Vec<&'a str>> {
    let start = format!("## {number}. ");
    let lines = prose(guide);
    let from = lines.iter().position(|(_, l)| l.starts_with(&start))?;
    Some(
        lines[from + 1..]
            .iter()
            .map(|&(_, l)| l)
            .take_while(|l| !l.starts_with("## "))
            .collect(),
    )
}

/// The lines under `### heading` in `chapter`, up to the next `###`.
fn subsection<'a>(chapter: &[&'a str], heading: &str) -> Option<Vec<&'a str>> {
    let from = chapter
        .iter()
        .position(|l| l.strip_prefix("### ").is_some_and(|h| h.trim() == heading))?;
    Some(
        chapter[from + 1..]
            .iter()
            .copied()
            .take_while(|l| !l.starts_with("### "))
            .collect(),
    )
}

/// The cells of a table row, split at `|` but not at `\|`.
fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                out.last_mut().expect("a cell").push_str("\\|");
                chars.next();
            }
            '|' => out.push(String::new()),
            _ => out.last_mut().expect("a cell").push(c),
        }
    }
    out.into_iter().map(|c| c.trim().to_owned()).collect()
}

fn is_separator(row: &str) -> bool {
    row.trim()
        .chars()
        .all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// The body rows of every table in `lines` (no header, no separator), as cells.
fn table_rows(lines: &[&str]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.trim_start().starts_with('|') || is_separator(line) {
            continue;
        }
        let is_header = lines
            .get(i + 1)
            .is_some_and(|next| next.trim_start().starts_with('|') && is_separator(next));
        if !is_header {
            out.push(cells(line));
        }
    }
    out
}

/// The code spans of a piece of Markdown, with `\|` read as `|` (as in a table).
fn code_spans(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(|s| s.replace("\\|", "|"))
        .collect()
}

/// What the first cells of the tables of a subsection name: each code span, and whether the
/// cell marks it required (a `*` outside the code).
fn listed(lines: &[&str]) -> BTreeMap<String, bool> {
    let mut out = BTreeMap::new();
    for row in table_rows(lines) {
        let first = &row[0];
        let outside: String = first.split('`').step_by(2).collect();
        let required = outside.contains('*');
        for name in code_spans(first) {
            out.insert(name, required);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The checks.

/// The names of the filters `src/template.rs` adds with `add_filter("…"`.
fn filters_added(source: &str) -> Vec<String> {
    source
        .split("add_filter(\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(name, _)| name.to_owned()))
        .collect()
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Everything the quick reference fails to say right about the program: keys of each place of
/// `schema` (missing, extra, or with the wrong `*`), places the schema has that the reference
/// does not cover, values of the schema's lists, and `filters`. Empty when it is complete.
fn reference_problems(guide: &str, schema: &Value, filters: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(reference) = chapter(guide, REFERENCE) else {
        return vec![format!("the guide has no chapter `## {REFERENCE}. …`")];
    };
    let section = |heading: &str, problems: &mut Vec<String>| {
        let found = subsection(&reference, heading);
        if found.is_none() {
            problems.push(format!("§{REFERENCE} has no subsection `### {heading}`"));
        }
        found.map(|lines| listed(&lines))
    };

    let covered: BTreeSet<&str> = PLACES
        .iter()
        .filter_map(|(_, _, at)| at.strip_prefix("/$defs/"))
        .collect();
    if let Some(defs) = schema["$defs"].as_object() {
        for place in defs.keys() {
            if !covered.contains(place.as_str()) {
                problems.push(format!(
                    "the schema has a place `$defs/{place}` that §{REFERENCE} has no table for \
                     (add a `### …` table of its keys and a line to PLACES in {})",
                    file!()
                ));
            }
        }
    }

    for &(place, heading, at) in PLACES {
        let object = schema.pointer(at);
        let keys: Vec<String> = object
            .and_then(|o| o["properties"].as_object())
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default();
        if keys.is_empty() {
            problems.push(format!("the schema has no keys at `{at}` ({place})"));
            continue;
        }
        let required: BTreeSet<String> = strings(object.and_then(|o| o.get("required")))
            .into_iter()
            .collect();
        let Some(listed) = section(heading, &mut problems) else {
            continue;
        };
        for key in &keys {
            match listed.get(key) {
                None => problems.push(format!(
                    "§{REFERENCE} «{heading}» does not list `{key}`, a key of the {place} in \
                     the schema"
                )),
                Some(&marked) if marked != required.contains(key) => problems.push(format!(
                    "§{REFERENCE} «{heading}» marks `{key}` {}, but the schema says it is {}",
                    if marked { "required (*)" } else { "optional" },
                    if marked { "optional" } else { "required" },
                )),
                Some(_) => {}
            }
        }
        for name in listed.keys() {
            if !keys.contains(name) {
                problems.push(format!(
                    "§{REFERENCE} «{heading}» lists `{name}`, which is not a key of the {place} \
                     in the schema"
                ));
            }
        }
    }

    for &(what, heading, at) in ENUMS {
        let values = strings(schema.pointer(at));
        if values.is_empty() {
            problems.push(format!("the schema has no list of {what}s at `{at}`"));
            continue;
        }
        let Some(listed) = section(heading, &mut problems) else {
            continue;
        };
        for value in &values {
            if !listed.contains_key(value) {
                problems.push(format!(
                    "§{REFERENCE} «{heading}» does not list the {what} `{value}`"
                ));
            }
        }
        for name in listed.keys() {
            if !values.contains(name) {
                problems.push(format!(
                    "§{REFERENCE} «{heading}» lists `{name}`, which is not a {what} in the schema"
                ));
            }
        }
    }

    if let Some(listed) = section(FILTERS, &mut problems) {
        for filter in filters {
            if !listed.contains_key(filter) {
                problems.push(format!(
                    "§{REFERENCE} «{FILTERS}» does not list the filter `{filter}` \
                     (added in {TEMPLATES})"
                ));
            }
        }
    }
    problems
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Links of the table of contents and of the quick reference that lead to no heading.
fn broken_links(guide: &str) -> Vec<String> {
    let mut anchors = BTreeSet::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (_, line) in prose(guide) {
        let Some(heading) = line
            .strip_prefix('#')
            .map(|l| l.trim_start_matches('#'))
            .and_then(|l| l.strip_prefix(' '))
        else {
            continue;
        };
        let base = slug(heading);
        let n = seen.entry(base.clone()).or_insert(0);
        anchors.insert(if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        });
        *n += 1;
    }
    let mut lines = chapter(guide, REFERENCE).unwrap_or_default();
    let toc = prose(guide)
        .into_iter()
        .map(|(_, l)| l)
        .skip_while(|l| *l != "## Mục lục")
        .skip(1)
        .take_while(|l| !l.starts_with("## "));
    lines.extend(toc);
    let mut broken = Vec::new();
    for line in lines {
        for part in line.split("](#").skip(1) {
            let Some((target, _)) = part.split_once(')') else {
                continue;
            };
            if !anchors.contains(target) {
                broken.push(format!(
                    "the link `#{target}` leads to no heading of the guide"
                ));
            }
        }
    }
    broken
}

/// The `when: …` examples written in the tables of §8 and of the reference's conditions.
fn when_examples(guide: &str) -> Vec<String> {
    let mut tables = chapter(guide, CONDITIONS).unwrap_or_default();
    if let Some(reference) = chapter(guide, REFERENCE) {
        tables.extend(subsection(&reference, CONDITION_TABLE).unwrap_or_default());
    }
    table_rows(&tables)
        .iter()
        .flatten()
        .flat_map(|cell| code_spans(cell))
        .filter(|span| span.starts_with("when: "))
        .collect()
}

/// The names a condition reads (words outside quotes that are not keywords, filter names,
/// attributes, tests or keyword arguments), and the filters it uses.
fn names_read(expr: &str) -> (Vec<String>, Vec<String>) {
    const KEYWORDS: &[&str] = &[
        "and", "or", "not", "in", "is", "if", "else", "none", "true", "false", "None", "True",
        "False",
    ];
    let chars: Vec<char> = expr.chars().collect();
    let mut out = Vec::new();
    let mut filters = Vec::new();
    let mut before = ' ';
    let mut words: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' || c == '\'' {
            i += 1;
            while i < chars.len() && chars[i] != c {
                i += 1;
            }
            i += 1;
            before = c;
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let rest: String = chars[i..].iter().collect();
            let rest = rest.trim_start();
            let keyword_argument = rest.starts_with('=') && !rest.starts_with("==");
            let after_is = matches!(
                words.iter().rev().map(String::as_str).collect::<Vec<_>>()[..],
                ["is", ..] | ["not", "is", ..]
            );
            if before == '|' {
                filters.push(word.clone());
            } else if !KEYWORDS.contains(&word.as_str())
                && before != '.'
                && before != '|'
                && !keyword_argument
                && !after_is
            {
                out.push(word.clone());
            }
            words.push(word);
            before = 'a';
            continue;
        }
        if !c.is_whitespace() {
            before = c;
            if !c.is_ascii_digit() {
                words.push(c.to_string());
            }
        }
        i += 1;
    }
    (out, filters)
}

/// The filters the reference lists.
fn reference_filters(guide: &str) -> BTreeSet<String> {
    chapter(guide, REFERENCE)
        .and_then(|reference| subsection(&reference, FILTERS))
        .map(|lines| listed(&lines).into_keys().collect())
        .unwrap_or_default()
}

/// Runs `baocao check` on a questionnaire holding one question per example, each with the
/// example as its condition, after the questions and vars the examples name. Filters must be
/// among `filters` too: `check` does not report an unknown filter in a condition (MiniJinja
/// looks filters up only when it runs one).
fn check_conditions(examples: &[String], filters: &BTreeSet<String>) -> Result<(), String> {
    let declared: BTreeSet<&str> = QUESTIONS
        .iter()
        .chain(VARS)
        .map(|(name, _)| *name)
        .collect();
    for example in examples {
        let yaml: serde_yaml::Value =
            serde_yaml::from_str(example).map_err(|e| format!("`{example}` is not YAML: {e}"))?;
        let expr = match &yaml["when"] {
            serde_yaml::Value::String(s) => s.clone(),
            serde_yaml::Value::Bool(_) => continue,
            other => return Err(format!("`{example}` is not a condition: {other:?}")),
        };
        let (names, used) = names_read(&expr);
        for name in names {
            if !declared.contains(name.as_str()) {
                return Err(format!(
                    "the example `{example}` names `{name}`, which {} does not declare: add it \
                     to QUESTIONS (with its kind) or VARS",
                    file!()
                ));
            }
        }
        for filter in used {
            if !filters.contains(&filter) {
                return Err(format!(
                    "the example `{example}` uses the filter `{filter}`, which §{REFERENCE} \
                     «{FILTERS}» does not list"
                ));
            }
        }
    }
    let mut yaml: Vec<String> = vec![
        "format: 1".into(),
        "id: guide-conditions".into(),
        "version: 1".into(),
        "title: Điều kiện trong hướng dẫn".into(),
        "document: {}".into(),
        "vars:".into(),
    ];
    yaml.extend(
        VARS.iter()
            .map(|(name, value)| format!("  {name}: {value}")),
    );
    yaml.push("questions:".into());
    yaml.extend(
        QUESTIONS
            .iter()
            .map(|(id, kind)| format!("  - {{ id: {id}, ask: \"Câu {id}\", {kind} }}")),
    );
    yaml.push("sections:".into());
    yaml.push("  - heading: CÁC ĐIỀU KIỆN".into());
    yaml.push("    questions:".into());
    let mut lines = BTreeMap::new();
    for (i, example) in examples.iter().enumerate() {
        yaml.push(format!("      - id: vi_du_{}", i + 1));
        yaml.push(format!("        ask: Ví dụ {}", i + 1));
        yaml.push("        kind: text".into());
        yaml.push(format!("        {example}"));
        lines.insert(yaml.len(), example);
    }
    let yaml = yaml.join("\n") + "\n";
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("dieu-kien.yaml");
    std::fs::write(&file, &yaml).expect("written");
    let out = baocao(&["check", file.to_str().expect("UTF-8 path")]);
    if out.status.success() {
        return Ok(());
    }
    let examples: Vec<String> = lines
        .iter()
        .map(|(line, example)| format!("  line {line}: {example}"))
        .collect();
    Err(format!(
        "`baocao check` refused the guide's conditions ({:?}):\n{}{}\nthe examples:\n{}",
        out.status.code(),
        stdout(&out),
        stderr(&out),
        examples.join("\n")
    ))
}

// ---------------------------------------------------------------------------------------------
// The guide against the program.

fn guide() -> String {
    read(GUIDE)
}

fn schema() -> Value {
    serde_json::from_str(&read(SCHEMA)).expect("the schema is JSON")
}

fn filters() -> Vec<String> {
    filters_added(&read(TEMPLATES))
}

#[test]
fn the_reference_lists_every_key_kind_numbering_style_column_kind_and_filter() {
    let problems = reference_problems(&guide(), &schema(), &filters());
    assert!(
        problems.is_empty(),
        "{GUIDE} is behind the program:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_filters_are_read_from_the_source() {
    let filters = filters();
    for name in [
        "ngay_dai",
        "ngay_ngan",
        "so",
        "phan_tram",
        "noi",
        "upper",
        "sum",
    ] {
        assert!(filters.iter().any(|f| f == name), "{name} in {filters:?}");
    }
}

#[test]
fn the_links_of_the_contents_and_the_reference_lead_to_headings() {
    let broken = broken_links(&guide());
    assert!(broken.is_empty(), "{GUIDE}:\n{}", broken.join("\n"));
}

#[test]
fn every_when_example_of_the_guide_passes_check() {
    let examples = when_examples(&guide());
    assert!(
        examples.len() >= 25,
        "too few `when:` examples found in §{CONDITIONS} and §{REFERENCE}: {examples:#?}"
    );
    for expected in [
        "when: co_ke_hoach",
        "when: '\"5S\" in cong_cu'",
        "when: ten_xa and ten_xa | length > 3",
    ] {
        assert!(
            examples.iter().any(|e| e == expected),
            "{expected} not among {examples:#?}"
        );
    }
    let filters = reference_filters(&guide());
    assert!(filters.contains("length"), "{filters:?}");
    if let Err(e) = check_conditions(&examples, &filters) {
        panic!("{e}");
    }
}

// ---------------------------------------------------------------------------------------------
// Each check fails, naming what is wrong, when the guide or the program changes.

/// `guide` without the row for `name` in the reference's table under `heading`.
fn without_row(guide: &str, heading: &str, name: &str) -> String {
    let at = guide
        .find(&format!("## {REFERENCE}. "))
        .expect("the reference");
    let (before, reference) = guide.split_at(at);
    let table = reference
        .find(&format!("### {heading}\n"))
        .expect("the subsection");
    let row = format!("| `{name}`");
    let start = table + reference[table..].find(&row).expect("the row");
    let end = start + reference[start..].find('\n').expect("a line end") + 1;
    format!("{before}{}{}", &reference[..start], &reference[end..])
}

#[test]
fn a_key_left_out_of_the_reference_is_named() {
    for (heading, key, place) in [
        ("Khóa trong `document`", "parent", "document"),
        ("Khóa ở đầu tệp", "renames", "top level"),
        (
            "Khóa trong `document.signer`",
            "authority",
            "document.signer",
        ),
        ("Khóa của một mục (`sections`)", "inline", "section"),
        (
            "Khóa của một câu hỏi (`questions`)",
            "total_row",
            "question",
        ),
        ("Khóa trong `validate`", "pattern", "validate"),
        ("Khóa của một cột bảng (`columns`)", "sum", "table column"),
    ] {
        let problems =
            reference_problems(&without_row(&guide(), heading, key), &schema(), &filters());
        assert_eq!(
            problems,
            [format!(
                "§16 «{heading}» does not list `{key}`, a key of the {place} in the schema"
            )]
        );
    }
}

#[test]
fn a_wrong_required_mark_is_named() {
    let guide = guide();
    let unmarked = guide.replacen("| `ask`\\* |", "| `ask` |", 1);
    assert_ne!(unmarked, guide);
    let problems = reference_problems(&unmarked, &schema(), &filters());
    assert!(
        problems.len() == 1 && problems[0].contains("`ask` optional"),
        "{problems:#?}"
    );
    let marked = guide.replacen("| `sum` | `true`:", "| `sum`\\* | `true`:", 1);
    assert_ne!(marked, guide);
    let problems = reference_problems(&marked, &schema(), &filters());
    assert!(
        problems.len() == 1 && problems[0].contains("`sum` required"),
        "{problems:#?}"
    );
}

#[test]
fn a_key_the_program_does_not_accept_is_named() {
    let guide = guide().replacen(
        "| `message` | câu báo lỗi riêng",
        "| `messages` | câu báo | [mục 6](#validate) |\n| `message` | câu báo lỗi riêng",
        1,
    );
    let problems = reference_problems(&guide, &schema(), &filters());
    assert!(
        problems.len() == 1 && problems[0].contains("lists `messages`"),
        "{problems:#?}"
    );
}

#[test]
fn a_new_key_or_place_in_the_schema_is_named() {
    let mut schema = schema();
    schema["$defs"]["column"]["properties"]["width"] = serde_json::json!({"type": "integer"});
    schema["$defs"]["row"] = serde_json::json!({"type": "object", "properties": {}});
    let problems = reference_problems(&guide(), &schema, &filters());
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems[0].contains("`$defs/row`"), "{problems:#?}");
    assert!(
        problems[1].contains("does not list `width`, a key of the table column"),
        "{problems:#?}"
    );
}

#[test]
fn a_kind_style_or_column_kind_left_out_is_named() {
    for (heading, value, what) in [
        ("Loại câu hỏi (`kind`)", "yes_no", "question kind"),
        ("Kiểu đánh số (`numbering`)", "alpha", "numbering style"),
        ("Loại cột bảng (`kind` của cột)", "decimal", "column kind"),
    ] {
        let problems = reference_problems(
            &without_row(&guide(), heading, value),
            &schema(),
            &filters(),
        );
        assert_eq!(
            problems,
            [format!(
                "§16 «{heading}» does not list the {what} `{value}`"
            )]
        );
    }
    let mut schema = schema();
    schema["properties"]["numbering"]["items"]["enum"]
        .as_array_mut()
        .expect("the styles")
        .push("greek".into());
    let problems = reference_problems(&guide(), &schema, &filters());
    assert!(
        problems.len() == 1 && problems[0].contains("numbering style `greek`"),
        "{problems:#?}"
    );
}

#[test]
fn a_filter_left_out_is_named() {
    let problems = reference_problems(
        &without_row(&guide(), FILTERS, "noi"),
        &schema(),
        &filters(),
    );
    assert_eq!(
        problems,
        ["§16 «Bộ lọc» does not list the filter `noi` (added in src/template.rs)"]
    );
    let mut more = filters();
    more.push("viet_hoa".to_owned());
    let problems = reference_problems(&guide(), &schema(), &more);
    assert!(
        problems.len() == 1 && problems[0].contains("`viet_hoa`"),
        "{problems:#?}"
    );
    assert_eq!(
        filters_added("env.add_filter(\"a\", f);\n    env.add_filter(\"b_c\", |v| v);"),
        ["a", "b_c"]
    );
}

#[test]
fn a_missing_reference_subsection_is_named() {
    let guide = guide().replacen("### Bộ lọc\n", "### Các bộ lọc\n", 1);
    let problems = reference_problems(&guide, &schema(), &filters());
    assert_eq!(problems, ["§16 has no subsection `### Bộ lọc`"]);
}

#[test]
fn a_broken_link_is_named() {
    let guide = guide().replacen("(#16-tra-cứu-nhanh)", "(#16-bảng-tóm-tắt-mọi-khóa)", 1);
    assert_eq!(
        broken_links(&guide),
        ["the link `#16-bảng-tóm-tắt-mọi-khóa` leads to no heading of the guide"]
    );
}

#[test]
fn a_wrong_condition_example_fails() {
    let filters = reference_filters(&guide());
    let wrong = |example: &str| check_conditions(&[example.to_owned()], &filters).unwrap_err();
    let err = wrong("when: co_ke_hoach = true");
    assert!(err.contains("Điều kiện `when` viết sai"), "{err}");
    assert!(err.contains("when: co_ke_hoach = true"), "{err}");
    let err = wrong("when: (so_lop > 0 or co_tap_huan");
    assert!(err.contains("Điều kiện `when` viết sai"), "{err}");
    let err = wrong("when: \"{{ so_lop }}\"");
    assert!(err.contains("refused"), "{err}");
    let err = wrong("when: so_hoc_vien > 0");
    assert!(err.contains("names `so_hoc_vien`"), "{err}");
    let err = wrong("when: so_lop | phantram");
    assert!(err.contains("uses the filter `phantram`"), "{err}");
    assert_eq!(
        names_read(
            r#"not cong_cu or "5S" not in cong_cu and x.year >= nam | so(nam=y) and z is not none"#
        ),
        (
            vec!["cong_cu", "cong_cu", "x", "nam", "y", "z"]
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
            vec!["so".to_owned()]
        )
    );
}

#[test]
fn the_tables_are_read_as_written() {
    assert_eq!(
        cells(r"| `upper` | viết hoa | `{{ a \| upper }}` → `A` |"),
        ["`upper`", "viết hoa", r"`{{ a \| upper }}` → `A`"]
    );
    assert_eq!(
        code_spans(r"`{{ a \| upper }}` → `A`"),
        ["{{ a | upper }}", "A"]
    );
    let lines = [
        "| khóa | nghĩa |",
        "|---|---|",
        "| `id`\\* | mã |",
        "| `help` | lời |",
    ];
    assert_eq!(
        listed(&lines),
        BTreeMap::from([("id".to_owned(), true), ("help".to_owned(), false)])
    );
    assert_eq!(
        slug("`parent` — cơ quan chủ quản"),
        "parent--cơ-quan-chủ-quản"
    );
    assert_eq!(slug("16. Tra cứu nhanh"), "16-tra-cứu-nhanh");
}
