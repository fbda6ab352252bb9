//! Unit tests of `yaml`.

use super::*;

fn kinds(src: &str) -> Vec<(usize, String)> {
    match parse(src.as_bytes()) {
        Ok(_) => vec![],
        Err(diags) => diags
            .iter()
            .map(|d| (d.pos.line, format!("{:?}", d.kind)))
            .collect(),
    }
}

#[test]
fn positions_are_one_based() {
    let (_, root) = parse(b"a: 1\nb:\n  - x\n").unwrap();
    let Value::Map(entries) = &root.value else {
        panic!()
    };
    assert_eq!(entries[1].0.pos, Pos::new(2, 1));
    let Value::Seq(items) = &entries[1].1.value else {
        panic!()
    };
    assert_eq!(items[0].pos, Pos::new(3, 5));
}

#[test]
fn rejects_tabs_nul_duplicates_and_deep_nesting() {
    assert!(kinds("a:\n\tb: 1\n")[0].1.starts_with("TabIndent"));
    assert!(kinds("a: b\0c\n")[0].1.starts_with("ControlChar"));
    let dup = kinds("a: 1\nb: 2\na: 3\n");
    assert_eq!(dup[0].0, 3);
    assert!(dup[0].1.starts_with("DuplicateKey"));
    let deep = "[".repeat(20_000);
    assert!(kinds(&deep)[0].1.starts_with("TooDeep"));
    assert!(kinds("")[0].1.starts_with("EmptyFile"));
    assert!(parse(&[0xff, 0xfe, 0x00]).is_err());
}

/// The byte pass lets no character through that the character walk would refuse.
#[test]
fn the_clean_fast_path_misses_nothing() {
    let odd: Vec<char> = (0..=0x3000u32)
        .chain([0xfeff, 0x202f])
        .filter_map(char::from_u32)
        .filter(|c| (c.is_control() && *c != '\n') || is_odd_space(*c))
        .collect();
    assert!(odd.len() > 40, "{odd:?}");
    for c in odd {
        for text in [
            format!("a: b{c}c\n"),
            format!("{c}a: b\n"),
            format!("a:{c}b"),
        ] {
            assert!(!plainly_clean(&text), "{c:?}");
        }
    }
    for text in [
        "a: b\n",
        "tiêu đề: “Báo cáo” – 2025 ✓\n",
        "\u{a1}\u{200c}\u{2030}\u{3001}\u{feff}",
    ] {
        let text = text.replace('\u{feff}', "\u{fefe}");
        assert!(plainly_clean(&text), "{text:?}");
        assert!(check_characters(&text).is_empty(), "{text:?}");
    }
}

proptest::proptest! {
    #[test]
    fn what_the_fast_path_passes_the_walk_passes(text in proptest::prelude::any::<String>()) {
        if plainly_clean(&text) {
            proptest::prop_assert!(check_characters(&text).is_empty());
        }
    }
}

#[test]
fn alias_bomb_hits_the_budget() {
    let mut src = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let prev = i - 1;
        let refs = vec![format!("*a{prev}"); 10].join(", ");
        src.extend([format!("a{i}: &a{i} [{refs}]\n")]);
    }
    assert!(kinds(&src)[0].1.starts_with("TooManyNodes"));
}

#[test]
fn many_elements_without_aliases_are_a_size_limit_not_an_alias_bomb() {
    let items = vec!["x"; MAX_NODES].join(", ");
    let found = kinds(&format!("a: [{items}]\n"));
    assert!(found[0].1.starts_with("TooManyElements"), "{found:?}");
    // One element fewer than the limit in all is read.
    let items = vec!["x"; MAX_NODES - 4].join(", ");
    assert!(kinds(&format!("a: [{items}]\n")).is_empty());
}

#[test]
fn limits_are_counted_on_the_event_stream() {
    // Nesting is refused at the level past the limit, on its line, whatever follows (line
    // `n` of `block` opens level `n`).
    let deep = format!("a:\n  b: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let refused = within(&deep, MAX_NODES).unwrap_err();
    assert_eq!((refused.pos.line, refused.kind), (2, Kind::TooDeep));
    let block: String = (0..=MAX_DEPTH).map(|i| "  ".repeat(i) + "- \n").collect();
    let refused = within(&block, MAX_NODES).unwrap_err();
    assert_eq!(
        (refused.pos.line, refused.kind),
        (MAX_DEPTH + 1, Kind::TooDeep)
    );
    assert!(
        within(
            &block.lines().take(MAX_DEPTH).collect::<Vec<_>>().join("\n"),
            MAX_NODES
        )
        .is_ok()
    );
    // Elements written, then aliases, each against the caller's limit: `&x [a, b]` is 3
    // written and 3 kept, each `*x` 1 written and 3 expanded (7, 11, then 15 > 12).
    assert_eq!(
        within("[a, b, c, d]", 4).unwrap_err().kind,
        Kind::TooManyElements { limit: 4 }
    );
    assert!(within("[a, b, c]", 4).is_ok());
    assert_eq!(
        within("- &x [a, b]\n- *x\n- *x\n", 12).unwrap_err(),
        Diagnostic::new(Pos::new(3, 3), Kind::TooManyNodes)
    );
    // Text the parser cannot read is left to the reader that follows.
    assert!(within("a: [b\n", 10).is_ok());
}

#[test]
fn nested_anchors_count_against_the_budget() {
    let items = vec!["x"; 100_000].join(",");
    let mut src = String::from("a: ");
    for i in 0..20 {
        src.extend([format!("&a{i} [")]);
    }
    src.push_str(&items);
    src.push_str(&"]".repeat(20));
    assert!(kinds(&src)[0].1.starts_with("TooManyNodes"));
}
