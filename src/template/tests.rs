//! Unit tests of `template`.

use super::*;
use crate::vn::Date;

#[test]
fn the_open_block_is_found_and_a_lexer_error_ends_the_search() {
    assert_eq!(
        unclosed_block("{% if a %}\n{% for x in b %}\n{% endfor %}\nx"),
        Some(("if".to_owned(), 1))
    );
    assert_eq!(unclosed_block("{% if a %}x{% endif %}"), None);
    // The tokenizer reports an unterminated string again and again; the search stops.
    assert_eq!(
        unclosed_block("{% if a %}\n{{ \"không đóng }}"),
        Some(("if".to_owned(), 1))
    );
}

fn render(src: &str, pairs: &[(&str, Value)]) -> Result<String, TemplateError> {
    let mut engine = Engine::new();
    let t = engine.add_template(src)?;
    let ctx = Context::new(
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect(),
    );
    engine.render(&t, &ctx)
}

fn date(y: i32, m: u8, d: u8) -> Value {
    Value::from_object(DateValue(Date::new(y, m, d).unwrap()))
}

#[test]
fn vietnamese_filters() {
    assert_eq!(
        render("{{ d | ngay_dai }}", &[("d", date(2025, 1, 5))]).unwrap(),
        "ngày 05 tháng 01 năm 2025"
    );
    assert_eq!(
        render("{{ d | ngay_dai }}", &[("d", date(2025, 7, 31))]).unwrap(),
        "ngày 31 tháng 7 năm 2025"
    );
    assert_eq!(
        render("{{ d }} {{ d | ngay_ngan }}", &[("d", date(2021, 1, 18))]).unwrap(),
        "18/01/2021 18/01/2021"
    );
    assert_eq!(
        render("{{ d | ngay_dai(nam=2025) }}", &[("d", Value::from(()))]).unwrap(),
        "ngày      tháng      năm 2025"
    );
    assert_eq!(
        render("{{ n | so }}", &[("n", Value::from(1_250_000))]).unwrap(),
        "1.250.000"
    );
    assert_eq!(
        render("{{ x | phan_tram }}", &[("x", Value::from(99.1))]).unwrap(),
        "99,1%"
    );
    assert_eq!(
        render("{{ x }}", &[("x", Value::from(3.5))]).unwrap(),
        "3,5"
    );
    let list = Value::from(vec!["a", "b", "c"]);
    assert_eq!(
        render("{{ l | noi }}", &[("l", list.clone())]).unwrap(),
        "a, b và c"
    );
    assert_eq!(
        render("{{ l | noi('hoặc') }}", &[("l", list)]).unwrap(),
        "a, b hoặc c"
    );
    assert_eq!(
        render("[{{ x }}]", &[("x", Value::from(()))]).unwrap(),
        "[]"
    );
}

#[test]
fn filters_reject_the_wrong_kind() {
    let err = render("{{ t | ngay_dai }}", &[("t", Value::from("Ba Dinh"))]).unwrap_err();
    assert!(err.detail.contains("ngay_dai"), "{err:?}");
    assert!(render("{{ t | so }}", &[("t", Value::from("12"))]).is_err());
    assert!(render("{{ t | noi }}", &[("t", Value::from("abc"))]).is_err());
}

#[test]
fn untrusted_templates_are_contained() {
    let err = render(
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        &[],
    )
    .unwrap_err();
    assert!(!err.syntax);
    assert!(render("{{ unknown_name }}", &[]).is_err());
    assert!(render("{% include 'x' %}", &[]).is_err());
    assert_eq!(render("{{ '<b>&' }}", &[]).unwrap(), "<b>&");
}

#[test]
fn trim_strips_any_of_its_characters_from_both_ends() {
    let text = [("x", Value::from("ẫ. xã Ba Đình .ẫ"))];
    assert_eq!(
        render("{{ x | trim('. ẫ') }}", &text).unwrap(),
        "xã Ba Đình"
    );
    assert_eq!(
        render("{{ x | trim('') }}", &text).unwrap(),
        "ẫ. xã Ba Đình .ẫ"
    );
    // One lookup per character: 100 000 characters against 100 000 (quadratic before,
    // 10^10 comparisons) is done at once.
    let long = [("x", Value::from("x".repeat(100_000)))];
    assert_eq!(
        render("{{ x | trim('y' * 100000 ~ 'x') | length }}", &long).unwrap(),
        "0"
    );
}

#[test]
fn filters_refuse_a_result_over_the_budget_before_building_it() {
    // 100 MB from a 1 kB text: refused by its size, counted before it is built.
    let err = render(
        "{{ ('a' * 1000) | replace('a', 'b' * 100000) | length }}",
        &[],
    )
    .unwrap_err();
    assert!(err.budget, "{err:?}");
    assert_eq!(
        render("{{ 'a-b-c' | replace('-', ', ') }}", &[]).unwrap(),
        "a, b, c"
    );
    // 40 MB of items joined by `noi`.
    let err = render("{{ (['x' * 100000] * 400) | noi | length }}", &[]).unwrap_err();
    assert!(err.budget, "{err:?}");
    // `upper` of a text that cannot be paid for twice.
    let big = [("x", Value::from("a".repeat(30_000_000)))];
    let err = render("{{ x | upper | upper | length }}", &big).unwrap_err();
    assert!(err.budget, "{err:?}");
}

#[test]
fn a_budget_error_says_so_in_vietnamese() {
    let err = render("{{ (['x' * 1000000] * 100000) | join | length }}", &[]).unwrap_err();
    assert!(err.budget);
    assert!(
        err.detail.contains("vượt giới hạn an toàn"),
        "{}",
        err.detail
    );
}

#[test]
fn debug_is_not_in_the_engine() {
    // It would print the engine's state, every answer included, into a report.
    let err = render("{{ debug() }}", &[("ten", Value::from("bí mật"))]).unwrap_err();
    assert!(!err.budget, "{err:?}");
    assert!(!is_builtin_name("debug"));
}

#[test]
fn conditions_and_names() {
    let mut engine = Engine::new();
    let c = engine.add_condition("a and not b").unwrap();
    assert_eq!(c.names, vec!["a", "b"]);
    let ctx = Context::new(
        [
            ("a".into(), Value::from(true)),
            ("b".into(), Value::from(())),
        ]
        .into(),
    );
    assert!(engine.eval(&c, &ctx).unwrap());
    assert!(engine.add_condition("a and").is_err());
    assert!(engine.add_condition("a %} x {% if b").is_err());
}

#[test]
fn string_filters_print_nothing_for_unanswered() {
    let none = [("x", Value::from(()))];
    let src = "[{{ x | trim }}{{ x | upper }}{{ x | lower }}{{ x | replace('a', 'b') }}]";
    assert_eq!(render(src, &none).unwrap(), "[]");
    let text = [("x", Value::from(" xã ba dinh. "))];
    assert_eq!(
        render("{{ x | trim(' .') | upper }}", &text).unwrap(),
        "XÃ BA DINH"
    );
    assert_eq!(
        render("{{ x | trim | capitalize }}", &text).unwrap(),
        "Xã ba dinh."
    );
    assert_eq!(
        render("{{ x | replace('a', 'o', 1) }}", &text).unwrap(),
        " xã bo dinh. "
    );
}

#[test]
fn sum_skips_blank_cells() {
    let rows = Value::from(vec![
        Value::from(BTreeMap::from([("n", Value::from(2))])),
        Value::from(BTreeMap::from([("n", Value::from(()))])),
        Value::from(BTreeMap::from([("n", Value::from(3))])),
    ]);
    let ctx = [("rows", rows)];
    assert_eq!(
        render("{{ rows | sum(attribute='n') }}", &ctx).unwrap(),
        "5"
    );
    assert_eq!(render("{{ rows | sum('n') }}", &ctx).unwrap(), "5");
    let mixed = [("x", Value::from(vec![Value::from(1), Value::from(0.5)]))];
    assert_eq!(render("{{ x | sum }}", &mixed).unwrap(), "1,5");
    assert_eq!(
        render("{{ x | sum }}", &[("x", Value::from(()))]).unwrap(),
        "0"
    );
    assert!(render("{{ x | sum }}", &[("x", Value::from(vec!["a"]))]).is_err());
}

#[test]
fn computed_numbers_print_the_vietnamese_way() {
    let x = |v: f64| [("x", Value::from(v))];
    assert_eq!(render("{{ x }}", &x(100.0)).unwrap(), "100");
    assert_eq!(render("{{ x | so }}", &x(1250.0)).unwrap(), "1.250");
    assert_eq!(render("{{ x | so }}", &x(100.0 / 3.0)).unwrap(), "33,33");
    assert_eq!(render("{{ x | so(1) }}", &x(2.0)).unwrap(), "2,0");
    assert_eq!(
        render("{{ x | phan_tram }}", &x(100.0 / 3.0)).unwrap(),
        "33,33%"
    );
    assert_eq!(render("{{ x | phan_tram }}", &x(90.0)).unwrap(), "90%");
    assert_eq!(
        render("{{ (9 * 100 / 10) | phan_tram }}", &[]).unwrap(),
        "90%"
    );
}

#[test]
fn dates_compare_by_the_calendar() {
    let ctx = [
        ("a", date(2020, 1, 1)),
        ("b", date(2025, 7, 31)),
        ("c", date(2025, 7, 31)),
    ];
    let t = "{{ a < b }} {{ b == c }} {{ b > a }} {{ a == b }}";
    assert_eq!(render(t, &ctx).unwrap(), "Có Có Có Không");
}
