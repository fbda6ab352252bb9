//! Unit tests of `vn`.

use super::*;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn d(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).expect("valid test date")
}

#[test]
fn the_byte_search_finds_exactly_the_reordering_controls() {
    // Every character whose UTF-8 form starts with E2 (U+2000–U+2FFF), alone and between
    // Vietnamese letters.
    for c in (0x2000..=0x2FFF).filter_map(char::from_u32) {
        let expected = is_reordering(c);
        assert_eq!(has_reordering(&c.to_string()), expected, "{:04X}", c as u32);
        assert_eq!(
            has_reordering(&format!("ệ{c}–")),
            expected,
            "{:04X}",
            c as u32
        );
    }
    assert_eq!(
        ('\u{2000}'..='\u{2FFF}')
            .filter(|c| is_reordering(*c))
            .count(),
        9
    );
    assert!(!has_reordering(
        "Độc lập - Tự do - Hạnh phúc – “2021–2025”…"
    ));
}

// --- Date::new ---

#[test]
fn new_validates_leap_years() {
    assert!(Date::new(2024, 2, 29).is_some());
    assert!(Date::new(2025, 2, 29).is_none());
    assert!(Date::new(2000, 2, 29).is_some());
    assert!(Date::new(1900, 2, 29).is_none());
    assert!(Date::new(2025, 2, 28).is_some());
}

#[test]
fn new_validates_ranges() {
    assert!(Date::new(2025, 4, 31).is_none());
    assert!(Date::new(2025, 4, 30).is_some());
    assert!(Date::new(2025, 0, 1).is_none());
    assert!(Date::new(2025, 13, 1).is_none());
    assert!(Date::new(2025, 1, 0).is_none());
    assert!(Date::new(2025, 1, 32).is_none());
    assert!(Date::new(0, 1, 1).is_none());
    assert!(Date::new(-1, 1, 1).is_none());
    assert!(Date::new(10000, 1, 1).is_none());
    assert!(Date::new(25, 1, 1).is_none(), "a two-digit year is a typo");
    assert!(Date::new(1000, 1, 1).is_some());
    assert!(Date::new(9999, 12, 31).is_some());
}

#[test]
fn ordering_is_chronological() {
    assert!(d(2024, 12, 31) < d(2025, 1, 1));
    assert!(d(2025, 1, 31) < d(2025, 2, 1));
    assert!(d(2025, 2, 1) < d(2025, 2, 2));
}

// --- parsing ---

#[test]
fn parse_iso_examples() {
    assert_eq!(Date::parse_iso("2025-07-31"), Some(d(2025, 7, 31)));
    assert_eq!(Date::parse_iso("2025-7-31"), Some(d(2025, 7, 31)));
    assert_eq!(Date::parse_iso("2024-02-29"), Some(d(2024, 2, 29)));
    assert_eq!(Date::parse_iso("2025-02-29"), None);
    assert_eq!(Date::parse_iso("2025-04-31"), None);
    assert_eq!(Date::parse_iso("2025-00-10"), None);
    assert_eq!(Date::parse_iso("2025-13-10"), None);
    assert_eq!(Date::parse_iso("0000-01-01"), None);
    assert_eq!(Date::parse_iso(" 2025-07-31"), None);
    assert_eq!(Date::parse_iso("25-07-31"), None);
    assert_eq!(Date::parse_iso("2025-07-31-1"), None);
    assert_eq!(Date::parse_iso("2025-007-31"), None);
    assert_eq!(Date::parse_iso("2025-+7-31"), None);
    assert_eq!(Date::parse_iso("2025/07/31"), None);
    assert_eq!(Date::parse_iso(""), None);
}

#[test]
fn parse_user_examples() {
    assert_eq!(Date::parse_user("31/7/2025"), Some(d(2025, 7, 31)));
    assert_eq!(Date::parse_user("31/07/2025"), Some(d(2025, 7, 31)));
    assert_eq!(Date::parse_user("5/1/2025"), Some(d(2025, 1, 5)));
    assert_eq!(Date::parse_user("31-7-2025"), Some(d(2025, 7, 31)));
    assert_eq!(Date::parse_user("31.7.2025"), Some(d(2025, 7, 31)));
    assert_eq!(Date::parse_user("2025-07-31"), Some(d(2025, 7, 31)));
    assert_eq!(Date::parse_user("  31/7/2025 \t"), Some(d(2025, 7, 31)));
    assert_eq!(Date::parse_user(" 2025-7-31 "), Some(d(2025, 7, 31)));
}

#[test]
fn parse_user_rejects() {
    assert_eq!(Date::parse_user("31/7/25"), None);
    assert_eq!(Date::parse_user("31/4/2025"), None);
    assert_eq!(Date::parse_user("29/2/2025"), None);
    assert_eq!(Date::parse_user("29/02/2024"), Some(d(2024, 2, 29)));
    assert_eq!(Date::parse_user("1/13/2025"), None);
    assert_eq!(Date::parse_user("1/0/2025"), None);
    assert_eq!(Date::parse_user("0/1/2025"), None);
    assert_eq!(Date::parse_user("1/1/0000"), None);
    assert_eq!(Date::parse_user("31/7-2025"), None);
    assert_eq!(Date::parse_user("31 / 7 / 2025"), None);
    assert_eq!(Date::parse_user("31/7/2025/1"), None);
    assert_eq!(Date::parse_user("7/31"), None);
    assert_eq!(Date::parse_user("ngày 31 tháng 7"), None);
    assert_eq!(Date::parse_user(""), None);
    assert_eq!(Date::parse_user("   "), None);
}

#[test]
fn iso_output() {
    assert_eq!(d(2025, 7, 31).iso(), "2025-07-31");
    assert_eq!(d(2025, 1, 5).iso(), "2025-01-05");
    assert_eq!(d(1033, 1, 5).iso(), "1033-01-05");
    assert!(Date::parse_user("05/01/0025").is_none());
}

// --- formatting dates ---

#[test]
fn date_long_examples() {
    assert_eq!(date_long(&d(2025, 1, 5)), "ngày 05 tháng 01 năm 2025");
    assert_eq!(date_long(&d(2025, 7, 31)), "ngày 31 tháng 7 năm 2025");
    assert_eq!(date_long(&d(2024, 2, 20)), "ngày 20 tháng 02 năm 2024");
    assert_eq!(date_long(&d(2021, 4, 14)), "ngày 14 tháng 4 năm 2021");
    assert_eq!(date_long(&d(2019, 6, 29)), "ngày 29 tháng 6 năm 2019");
    assert_eq!(date_long(&d(2020, 12, 1)), "ngày 01 tháng 12 năm 2020");
    assert_eq!(date_long(&d(2020, 3, 9)), "ngày 09 tháng 3 năm 2020");
}

#[test]
fn date_long_blank_examples() {
    assert_eq!(
        date_long_blank(Some("2025")),
        "ngày      tháng      năm 2025"
    );
    assert_eq!(date_long_blank(None), "ngày      tháng      năm      ");
}

#[test]
fn date_short_examples() {
    assert_eq!(date_short(&d(2025, 7, 31)), "31/7/2025");
    assert_eq!(date_short(&d(2021, 1, 18)), "18/01/2021");
    assert_eq!(date_short(&d(2019, 11, 5)), "05/11/2019");
    assert_eq!(date_short(&d(2019, 12, 9)), "09/12/2019");
    assert_eq!(date_short(&d(2015, 6, 1)), "01/6/2015");
    assert_eq!(date_short(&d(2020, 2, 29)), "29/02/2020");
    assert_eq!(date_short(&d(2020, 8, 31)), "31/8/2020");
}

#[test]
fn display_is_date_short() {
    let date = d(2025, 7, 31);
    assert_eq!(date.to_string(), date_short(&date));
    assert_eq!(format!("{}", d(2021, 1, 18)), "18/01/2021");
}

// --- number formatting ---

#[test]
fn format_integer_examples() {
    assert_eq!(format_integer(1_250_000), "1.250.000");
    assert_eq!(format_integer(0), "0");
    assert_eq!(format_integer(-1250), "-1.250");
    assert_eq!(format_integer(999), "999");
    assert_eq!(format_integer(1000), "1.000");
    assert_eq!(format_integer(-999), "-999");
    assert_eq!(format_integer(100_000), "100.000");
    assert_eq!(format_integer(i64::MAX), "9.223.372.036.854.775.807");
    assert_eq!(format_integer(i64::MIN), "-9.223.372.036.854.775.808");
}

#[test]
fn format_decimal_shortest() {
    assert_eq!(format_decimal(3.14, None), "3,14");
    assert_eq!(format_decimal(1_250_000.5, None), "1.250.000,5");
    assert_eq!(format_decimal(2.0, None), "2");
    assert_eq!(format_decimal(0.1, None), "0,1");
    assert_eq!(format_decimal(-1234.25, None), "-1.234,25");
    assert_eq!(format_decimal(1e21, None), "1.000.000.000.000.000.000.000");
    assert_eq!(format_decimal(0.0, None), "0");
    assert_eq!(format_decimal(-0.0, None), "0");
}

#[test]
fn format_decimal_fixed() {
    assert_eq!(format_decimal(2.0, Some(1)), "2,0");
    assert_eq!(format_decimal(2.0, Some(0)), "2");
    assert_eq!(format_decimal(3.14159, Some(2)), "3,14");
    assert_eq!(format_decimal(1_250_000.5, Some(2)), "1.250.000,50");
    assert_eq!(format_decimal(-0.0, Some(1)), "0,0");
    // Half away from zero.
    assert_eq!(format_decimal(0.5, Some(0)), "1");
    assert_eq!(format_decimal(1.5, Some(0)), "2");
    assert_eq!(format_decimal(2.5, Some(0)), "3");
    assert_eq!(format_decimal(-2.5, Some(0)), "-3");
    assert_eq!(format_decimal(0.125, Some(2)), "0,13");
    assert_eq!(format_decimal(2.675, Some(2)), "2,68");
    assert_eq!(format_decimal(99.95, Some(1)), "100,0");
    assert_eq!(format_decimal(999.96, Some(1)), "1.000,0");
    assert_eq!(format_decimal(9.5, Some(0)), "10");
    assert_eq!(format_decimal(0.04, Some(1)), "0,0");
    // Negative values that round to zero carry no sign.
    assert_eq!(format_decimal(-0.04, Some(1)), "0,0");
    assert_eq!(format_decimal(-0.05, Some(1)), "-0,1");
}

#[test]
fn format_decimal_non_finite() {
    assert_eq!(format_decimal(f64::NAN, None), "");
    assert_eq!(format_decimal(f64::INFINITY, Some(2)), "");
    assert_eq!(format_decimal(f64::NEG_INFINITY, None), "");
}

#[test]
fn format_percent_examples() {
    assert_eq!(format_percent(99.1, None), "99,1%");
    assert_eq!(format_percent(100.0, None), "100%");
    assert_eq!(format_percent(100.0, Some(1)), "100,0%");
    assert_eq!(format_percent(33.333_333, Some(2)), "33,33%");
    assert_eq!(format_percent(f64::NAN, None), "");
}

// --- number parsing ---

#[test]
fn parse_integer_accepts() {
    assert_eq!(parse_integer("1250000"), Some(1_250_000));
    assert_eq!(parse_integer("1.250.000"), Some(1_250_000));
    assert_eq!(parse_integer(" 12 "), Some(12));
    assert_eq!(parse_integer("-5"), Some(-5));
    assert_eq!(parse_integer("-1.250"), Some(-1250));
    assert_eq!(parse_integer("0"), Some(0));
    assert_eq!(parse_integer("-0"), Some(0));
    assert_eq!(parse_integer("9.223.372.036.854.775.807"), Some(i64::MAX));
    assert_eq!(parse_integer("-9.223.372.036.854.775.808"), Some(i64::MIN));
}

#[test]
fn parse_integer_rejects() {
    for s in [
        "1,5",
        "1.25",
        "1.2500",
        "",
        "  ",
        "abc",
        "-",
        "+5",
        "1..250",
        ".250",
        "1.250.",
        "0.500",
        "1 250",
        "12a",
        "9223372036854775808",
        "-9223372036854775809",
        "99999999999999999999",
        "١٢",
    ] {
        assert_eq!(parse_integer(s), None, "{s:?}");
    }
}

#[test]
fn parse_decimal_accepts() {
    let cases: [(&str, f64); 14] = [
        ("1,5", 1.5),
        ("1.250,5", 1250.5),
        ("1.250.000", 1_250_000.0),
        ("1.250.000,75", 1_250_000.75),
        ("1.5", 1.5),
        ("3.14", 3.14),
        ("3,14", 3.14),
        ("1.250", 1250.0),
        ("1,250", 1.25),
        ("1.2500", 1.25),
        ("0.500", 0.5),
        (" -2,5 ", -2.5),
        ("42", 42.0),
        ("0,0", 0.0),
    ];
    for (s, want) in cases {
        assert_eq!(parse_decimal(s), Some(want), "{s:?}");
    }
}

#[test]
fn parse_decimal_rejects() {
    for s in [
        "", " ", "abc", "NaN", "nan", "inf", "-inf", "infinity", "1e5", "1,2,3", "1.2.3",
        "1.250.5", ",5", "5,", ".5", "5.", "1,5.0", "1 250", "-", "--1", "+1", "1.25,5",
    ] {
        assert_eq!(parse_decimal(s), None, "{s:?}");
    }
}

// --- lists ---

#[test]
fn join_list_examples() {
    let empty: [&str; 0] = [];
    assert_eq!(join_list(&empty, "và"), "");
    assert_eq!(join_list(&["a"], "và"), "a");
    assert_eq!(join_list(&["a", "b"], "và"), "a và b");
    assert_eq!(join_list(&["a", "b", "c"], "và"), "a, b và c");
    assert_eq!(join_list(&["a", "b", "c", "d"], "hoặc"), "a, b, c hoặc d");
    let owned = vec![String::from("Sở Tài chính"), String::from("Sở Nội vụ")];
    assert_eq!(join_list(&owned, "và"), "Sở Tài chính và Sở Nội vụ");
}

// --- display width ---

#[test]
fn display_width_nfc_nfd() {
    let text = "Cộng hòa xã hội chủ nghĩa Việt Nam";
    let nfc: String = text.nfc().collect();
    let nfd: String = text.nfd().collect();
    assert_ne!(nfc, nfd);
    assert_eq!(display_width(&nfc), nfc.chars().count());
    assert_eq!(display_width(&nfd), display_width(&nfc));
    assert_eq!(display_width("Tiếng Việt"), 10);
    assert_eq!(display_width(""), 0);
    assert_eq!(display_width("漢字"), 4);
}

#[test]
fn center_examples() {
    assert_eq!(center("ab", 6), "  ab");
    assert_eq!(center("abc", 6), " abc");
    assert_eq!(center("Độc lập", 11), "  Độc lập");
    assert_eq!(center("abcdef", 4), "abcdef");
    assert_eq!(center("abcd", 4), "abcd");
    assert_eq!(center("", 4), "  ");
    let nfd: String = "Độc lập".nfd().collect();
    assert_eq!(center(&nfd, 11), format!("  {nfd}"));
}

#[test]
fn pad_right_examples() {
    assert_eq!(pad_right("ab", 5), "ab   ");
    assert_eq!(pad_right("Việt", 6), "Việt  ");
    assert_eq!(pad_right("abcdef", 3), "abcdef");
    assert_eq!(pad_right("漢", 3), "漢 ");
    let nfd: String = "Việt".nfd().collect();
    assert_eq!(pad_right(&nfd, 6), format!("{nfd}  "));
}

#[test]
fn truncate_width_examples() {
    assert_eq!(truncate_width("abcdef", 3), "abc");
    assert_eq!(truncate_width("abc", 10), "abc");
    assert_eq!(truncate_width("abc", 0), "");
    assert_eq!(truncate_width("Việt Nam", 4), "Việt");
    let nfd: String = "Việt Nam".nfd().collect();
    let cut = truncate_width(&nfd, 4);
    assert_eq!(cut, "Việt".nfd().collect::<String>());
    // A wide character is not split and does not overflow.
    assert_eq!(truncate_width("a漢b", 2), "a");
    assert_eq!(truncate_width("a漢b", 3), "a漢");
}

// --- properties ---

proptest! {
    #[test]
    fn prop_integer_round_trip(n in (i64::MIN + 1)..=i64::MAX) {
        prop_assert_eq!(parse_integer(&format_integer(n)), Some(n));
    }

    #[test]
    fn prop_decimal_round_trip(x in -1e15f64..1e15f64) {
        let s = format_decimal(x, None);
        let back = parse_decimal(&s);
        // -0.0 is printed as "0" and reads back as +0.0, which compares equal.
        prop_assert_eq!(back, Some(x), "{}", s);
    }

    #[test]
    fn prop_decimal_round_trip_any_finite(
        x in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO
    ) {
        let s = format_decimal(x, None);
        prop_assert_eq!(parse_decimal(&s), Some(x), "{}", s);
    }

    #[test]
    fn prop_fixed_decimals_have_n_digits(x in -1e12f64..1e12f64, n in 0usize..6) {
        let s = format_decimal(x, Some(n));
        let frac_len = s.split_once(',').map_or(0, |(_, f)| f.len());
        prop_assert_eq!(frac_len, n);
        let back = parse_decimal(&s).expect("formatted decimal parses");
        let tolerance = 0.5 * 10f64.powi(-i32::try_from(n).unwrap_or(0)) + x.abs() * 1e-12;
        prop_assert!((back - x).abs() <= tolerance, "{} -> {} vs {}", x, s, back);
    }

    #[test]
    fn prop_date_short_round_trip(year in 1i32..=9999, month in 1u8..=12, day in 1u8..=31) {
        if let Some(date) = Date::new(year, month, day) {
            prop_assert_eq!(Date::parse_user(&date_short(&date)), Some(date));
            prop_assert_eq!(Date::parse_user(&date.iso()), Some(date));
            prop_assert_eq!(Date::parse_iso(&date.iso()), Some(date));
        }
    }

    #[test]
    fn prop_truncate_fits(s in "(?s).{0,40}", width in 0usize..50) {
        let cut = truncate_width(&s, width);
        prop_assert!(s.starts_with(cut));
        prop_assert!(display_width(cut) <= width);
    }

    #[test]
    fn prop_truncate_fits_tricky(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "ệ", "e\u{0302}\u{0323}", "漢", "\u{200D}", "\u{FE0F}", "\u{FE0E}",
                "❤", "👨", "\u{1F3FB}", "🇻", "🇳", "\r", "\n", "\t", "\u{0301}",
                "\u{1100}", "\u{1161}", "\u{0644}", "\u{0627}", " ",
            ]),
            0..20,
        ),
        width in 0usize..30,
    ) {
        let s: String = parts.concat();
        let cut = truncate_width(&s, width);
        prop_assert!(s.starts_with(cut));
        prop_assert!(display_width(cut) <= width, "{:?} {} -> {:?}", s, width, cut);
    }

    #[test]
    fn prop_padding_width(s in "[a-zA-Zàáạảãăắằẳẵặâấầẩẫậđèéẹẻẽêếềểễệ ]{0,20}", width in 0usize..30) {
        let padded = pad_right(&s, width);
        prop_assert_eq!(display_width(&padded), display_width(&s).max(width));
        let centred = center(&s, width);
        prop_assert!(display_width(&centred) <= display_width(&s).max(width));
        prop_assert!(centred.ends_with(s.as_str()));
    }
}
