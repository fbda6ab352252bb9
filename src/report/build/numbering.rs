//! Heading numbers as Vietnamese documents print them: Roman, Arabic, nested ("1.3.2.") and
//! the letters of points ("a)", "đ)", "aa)").
//!
//! Must not: know which sections apply (`body`, `outline` count them).

use crate::questionnaire::NumberStyle;

/// The printed number of the `n`-th section (1-based) of a level.
pub fn number_for(
    style: NumberStyle,
    n: usize,
    parent: &str,
    parent_style: Option<NumberStyle>,
) -> String {
    match style {
        NumberStyle::Roman => format!("{}.", roman(n)),
        NumberStyle::Arabic => format!("{n}."),
        NumberStyle::Nested => match parent_style {
            Some(NumberStyle::Arabic | NumberStyle::Nested) if !parent.is_empty() => {
                format!("{}.{n}.", parent.trim_end_matches('.'))
            }
            _ => format!("{n}."),
        },
        NumberStyle::Alpha => format!("{})", alpha(n)),
        NumberStyle::None => String::new(),
    }
}

fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// The letters of points in Vietnamese documents: a, b, c, d, đ, e, g, h, i, k, … y (the
/// Vietnamese alphabet without the marked vowels; no f, j, w, z). After y: aa, ab, …
const LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

fn alpha(n: usize) -> String {
    let mut n = n;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
    }
    out.iter().rev().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number_for(NumberStyle::Roman, 4, "", None), "IV.");
        assert_eq!(number_for(NumberStyle::Roman, 14, "", None), "XIV.");
        assert_eq!(
            number_for(NumberStyle::Arabic, 2, "II.", Some(NumberStyle::Roman)),
            "2."
        );
        assert_eq!(
            number_for(NumberStyle::Nested, 3, "1.", Some(NumberStyle::Arabic)),
            "1.3."
        );
        assert_eq!(
            number_for(NumberStyle::Nested, 2, "1.3.", Some(NumberStyle::Nested)),
            "1.3.2."
        );
        assert_eq!(
            number_for(NumberStyle::Nested, 2, "II.", Some(NumberStyle::Roman)),
            "2."
        );
        assert_eq!(number_for(NumberStyle::Alpha, 1, "", None), "a)");
        assert_eq!(number_for(NumberStyle::Alpha, 5, "", None), "đ)");
        assert_eq!(number_for(NumberStyle::Alpha, 7, "", None), "g)");
        assert_eq!(number_for(NumberStyle::Alpha, 23, "", None), "y)");
        assert_eq!(number_for(NumberStyle::Alpha, 24, "", None), "aa)");
        assert_eq!(number_for(NumberStyle::None, 1, "", None), "");
    }
}
