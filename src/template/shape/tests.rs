//! Unit tests of `shape`.

use super::*;

/// `nam` is a var; `ten`, `so` are questions; `ds` is a list question.
struct Fake {
    nam: Value,
}

impl Names for Fake {
    fn var(&self, name: &str) -> Option<&Value> {
        (name == "nam").then_some(&self.nam)
    }
    fn placeholder(&self, id: &str) -> Option<String> {
        ["ten", "so", "ds"]
            .contains(&id)
            .then(|| format!("[{id}?]"))
    }
    fn is_block(&self, id: &str) -> bool {
        id == "ds"
    }
}

fn shape(source: &str) -> String {
    let names = Fake {
        nam: Value::from(2030),
    };
    Shaper::new(&names).shape(source)
}

#[test]
fn fixed_text_vars_and_questions() {
    assert_eq!(
        shape("Năm {{ nam }}, xã {{ ten }}."),
        "Năm 2030, xã [ten?]."
    );
    assert_eq!(shape("{{ nam - 4 }}–{{ nam }}"), "2026–2030");
    // Filters that only change the look keep the question's placeholder.
    assert_eq!(shape("{{ ten | upper }} {{ so | so }}"), "[ten?] [so?]");
    assert_eq!(shape("{{ ten or 'xã' }}"), "[ten?]");
    assert_eq!(shape("{{ ds | length }}"), "[số mục của: ds?]");
    // Anything else shows how it is computed.
    assert_eq!(
        shape("{{ so * 100 | round(1) }}"),
        "[= so * 100 | round(1)]"
    );
    assert_eq!(shape("{{- so + 1 -}}"), "[= so + 1]");
    assert_eq!(shape("plain"), "plain");
}

#[test]
fn a_list_alone_becomes_a_block_marker() {
    assert_eq!(shape("{{ ds }}"), format!("{BLOCK_START}ds{BLOCK_END}"));
}

#[test]
fn conditions_inside_a_sentence() {
    assert_eq!(
        shape("Số {{ so }}{% if ten %} của {{ ten }}{% endif %}."),
        "Số [so?] «nếu ten: của [ten?]»."
    );
    // The spaces a branch prints at its edges stay outside the mark.
    assert_eq!(
        shape("Xong.{% if ten %} Tên {{ ten }}. {% endif %}{{ so }}"),
        "Xong. «nếu ten: Tên [ten?].» [so?]"
    );
    assert_eq!(
        shape("A{% if so > 1 %}b{% elif ten %}c{% else %}d{% endif %}"),
        "A«nếu so > 1: b | còn nếu ten: c | nếu không: d»"
    );
}

#[test]
fn conditions_on_lines_of_their_own() {
    let shaped = shape("{% if ten %}\nCó {{ ten }}.\n{% else %}\nKhông.\n{% endif %}\nSau.");
    let n = NOTE;
    assert_eq!(
        shaped,
        format!(
            "{n}«Nếu ten:»\nCó [ten?].\n{n}«Nếu không:»\nKhông.\n{n}«Hết phần “nếu ten”»\nSau."
        )
    );
}

#[test]
fn conditions_on_vars_are_decided() {
    assert_eq!(
        shape("{% if nam > 2025 %}mới{% else %}cũ{% endif %}"),
        "mới"
    );
    assert_eq!(shape("{% if nam < 2025 %}cũ{% endif %}x"), "x");
    // A decided branch after an open one is that one's "otherwise".
    assert_eq!(
        shape("{% if ten %}a{% elif nam %}b{% endif %}"),
        "«nếu ten: a | nếu không: b»"
    );
}

#[test]
fn conditions_that_print_nothing_leave_no_mark() {
    assert_eq!(
        shape(
            "{% set kq = [] %}\n{% if so %}{% set kq = kq + [so] %}{% endif %}\n{{ kq | join(', ') }}"
        ),
        "[= kq | join(', ') ← so]"
    );
}

#[test]
fn a_loop_is_written_once_for_one_item() {
    assert_eq!(
        shape("{% for v in ds %}\n- {{ v | trim }}{{ '.' if loop.last else ';' }}\n{% endfor %}"),
        "- [mỗi mục của: ds?].\n"
    );
    // A loop over something computed: its variable is computed too.
    assert_eq!(shape("{% for v in [1, 2] %}{{ v }}{% endfor %}"), "[= v]");
}

#[test]
fn a_loops_else_is_the_other_branch() {
    assert_eq!(
        shape("{% for v in ds %}- {{ v }}\n{% else %}Không có.\n{% endfor %}"),
        format!(
            "{NOTE}«Nếu ds:»\n- [mỗi mục của: ds?]\n{NOTE}«Nếu không:»\nKhông có.\n\
             {NOTE}«Hết phần “nếu ds”»\n"
        )
    );
    // A loop over something computed names what it comes from.
    assert_eq!(
        shape("{% for v in (ds or []) | reverse %}{{ v }}{% endfor %}"),
        "[= v ← ds]"
    );
}

#[test]
fn a_condition_over_several_lines_reads_as_one() {
    assert_eq!(
        shape("A{% if so > 1\n   and ten %}b{% endif %}"),
        "A«nếu so > 1 and ten: b»"
    );
    assert_eq!(shape("{{ -nam }}"), "-2030");
}

#[test]
fn a_template_that_does_not_parse_is_kept() {
    assert_eq!(shape("{% if %}"), "{% if %}");
}
