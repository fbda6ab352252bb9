//! Vietnamese conventions: dates, numbers, list joining and display-width padding.
//!
//! This module owns:
//! * dates: validation, parsing of what an official types ("31/7/2025", ISO "2025-07-31"),
//!   the NĐ 30/2020/NĐ-CP header form ("ngày 05 tháng 01 năm 2025") and the short running-text
//!   form ("31/7/2025");
//! * numbers: "." as the thousands separator and "," as the decimal separator, both for
//!   formatting and for parsing user input;
//! * list joining ("a, b và c");
//! * display-width helpers (width, centring, padding, truncation) on grapheme boundaries, so that
//!   Vietnamese text in NFC or NFD measures the same.
//!
//! It must not do I/O, must not depend on terminal crates and must not produce user-facing error
//! messages: failures are reported as `Option` (or `Result` with plain enums) and the caller
//! decides what to tell the user.

use std::fmt;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/// A calendar date (proleptic Gregorian), years 1..=9999.
///
/// Field order makes the derived `Ord` chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> Option<u8> {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_leap_year(year) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// Parses 1 or 2 ASCII digits (e.g. a day or month).
fn parse_small(s: &str) -> Option<u8> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses exactly 4 ASCII digits (a year).
fn parse_year(s: &str) -> Option<i32> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Date {
    /// Returns the date if it exists: a four-digit year (1000..=9999; "0025" is a typo, not a
    /// year of a report), month 1..=12, day within the month
    /// (leap years follow the Gregorian rule).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1000..=9999).contains(&year) {
            return None;
        }
        let max = days_in_month(year, month)?;
        if day == 0 || day > max {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses ISO `YYYY-MM-DD`; month and day may also have a single digit ("2025-7-31").
    /// No surrounding whitespace is accepted.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let year = parse_year(parts.next()?)?;
        let month = parse_small(parts.next()?)?;
        let day = parse_small(parts.next()?)?;
        if parts.next().is_some() {
            return None;
        }
        Date::new(year, month, day)
    }

    /// Parses a date as typed by a Vietnamese official, after trimming surrounding whitespace:
    /// * day first: `d/m/yyyy`, `d-m-yyyy` or `d.m.yyyy` (day and month 1 or 2 digits, the
    ///   same separator twice), e.g. "31/7/2025", "05/01/2025", "31-7-2025", "31.7.2025";
    /// * ISO: `yyyy-mm-dd` (see [`Date::parse_iso`]).
    ///
    /// The year must have 4 digits; two-digit years are rejected rather than guessed.
    pub fn parse_user(s: &str) -> Option<Date> {
        let s = s.trim();
        if let Some(d) = Date::parse_iso(s) {
            return Some(d);
        }
        let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
        let mut parts = s.split(sep);
        let day = parse_small(parts.next()?)?;
        let month = parse_small(parts.next()?)?;
        let year = parse_year(parts.next()?)?;
        if parts.next().is_some() {
            return None;
        }
        Date::new(year, month, day)
    }

    /// ISO 8601 form, always zero-padded: "2025-07-31".
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    /// Same as [`date_short`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&date_short(self))
    }
}

/// Month as written in Vietnamese dates: zero-padded only for January and February
/// ("01", "02", "3", …, "12"), per NĐ 30 Phụ lục I and observed practice.
fn month_vn(month: u8) -> String {
    if month < 3 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// Header date per NĐ 30/2020/NĐ-CP: day always 2 digits, month zero-padded only for 1 and 2,
/// year 4 digits. "ngày 05 tháng 01 năm 2025", "ngày 31 tháng 7 năm 2025".
pub fn date_long(d: &Date) -> String {
    format!(
        "ngày {:02} tháng {} năm {:04}",
        d.day,
        month_vn(d.month),
        d.year
    )
}

/// Header date of an unsigned draft, day and month left blank (6 spaces each):
/// "ngày      tháng      năm 2025". With `year` `None` the year is blank too:
/// "ngày      tháng      năm      ".
pub fn date_long_blank(year: Option<&str>) -> String {
    const BLANK: &str = "      ";
    match year {
        Some(y) => format!("ngày{BLANK}tháng{BLANK}năm {y}"),
        None => format!("ngày{BLANK}tháng{BLANK}năm{BLANK}"),
    }
}

/// Short date for running text: day 2 digits, month without leading zero except 01 and 02,
/// year 4 digits. "31/7/2025", "18/01/2021", "05/11/2019", "01/6/2015".
pub fn date_short(d: &Date) -> String {
    format!("{:02}/{}/{:04}", d.day, month_vn(d.month), d.year)
}

// ---------------------------------------------------------------------------
// Numbers: formatting
// ---------------------------------------------------------------------------

/// Inserts "." every three digits from the right. `digits` must be ASCII digits.
fn group_thousands(digits: &str) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Integer with "." thousands separators: "1.250.000", "-1.250", "0". Handles `i64::MIN`.
pub fn format_integer(n: i64) -> String {
    let grouped = group_thousands(&n.unsigned_abs().to_string());
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// Adds one unit in the last place to a string of ASCII digits ("199" -> "200", "99" -> "100").
fn increment_digits(digits: &str) -> String {
    let mut bytes = digits.as_bytes().to_vec();
    let mut i = bytes.len();
    loop {
        if i == 0 {
            bytes.insert(0, b'1');
            break;
        }
        i -= 1;
        if bytes[i] == b'9' {
            bytes[i] = b'0';
        } else {
            bytes[i] += 1;
            break;
        }
    }
    // Only ASCII digits were touched, so this cannot fail.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Decimal number with "." thousands separators and "," as the decimal separator.
///
/// * `decimals == None`: the shortest representation that reads back as the same `f64`, without
///   trailing zeros: 2.0 -> "2", 3.14 -> "3,14", 1250000.5 -> "1.250.000,5".
/// * `decimals == Some(n)`: exactly `n` digits after the comma, rounded half away from zero.
///   Rounding is done on the shortest decimal representation (what a person would read or type),
///   so 2.675 with 2 decimals gives "2,68" even though the nearest `f64` is slightly below 2.675.
///
/// NaN and infinities give "". Negative zero, and negative values that round to zero, are printed
/// without a sign.
pub fn format_decimal(x: f64, decimals: Option<usize>) -> String {
    if !x.is_finite() {
        return String::new();
    }
    // `Display` for f64 never uses exponent notation and gives the shortest round-trip digits.
    let repr = format!("{}", x.abs());
    let (int_part, frac_part) = repr.split_once('.').unwrap_or((repr.as_str(), ""));
    let (int_digits, frac_digits) = match decimals {
        None => (int_part.to_owned(), frac_part.to_owned()),
        Some(n) if frac_part.len() <= n => {
            let mut frac = frac_part.to_owned();
            frac.extend(std::iter::repeat_n('0', n - frac_part.len()));
            (int_part.to_owned(), frac)
        }
        Some(n) => {
            let round_up = frac_part.as_bytes()[n] >= b'5';
            let kept = format!("{int_part}{}", &frac_part[..n]);
            let kept = if round_up {
                increment_digits(&kept)
            } else {
                kept
            };
            let split = kept.len() - n;
            (kept[..split].to_owned(), kept[split..].to_owned())
        }
    };
    let is_zero = int_digits
        .bytes()
        .chain(frac_digits.bytes())
        .all(|b| b == b'0');
    let mut out = String::new();
    if x.is_sign_negative() && !is_zero {
        out.push('-');
    }
    out.push_str(&group_thousands(&int_digits));
    if !frac_digits.is_empty() {
        out.push(',');
        out.push_str(&frac_digits);
    }
    out
}

/// Percentage; `x` is already a percentage: 99.1 -> "99,1%", 100.0 -> "100%" (no space, as in
/// CLDR vi). Same rounding as [`format_decimal`]; NaN and infinities give "".
pub fn format_percent(x: f64, decimals: Option<usize>) -> String {
    let s = format_decimal(x, decimals);
    if s.is_empty() { s } else { s + "%" }
}

// ---------------------------------------------------------------------------
// Numbers: parsing
// ---------------------------------------------------------------------------

/// Splits off a leading '-' (after trimming). Returns (negative, rest).
fn split_sign(s: &str) -> (bool, &str) {
    match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// If `s` is an integer written with "." thousands separators ("1.250.000"), returns its digits
/// ("1250000"). Requires at least one dot, a first group of 1–3 digits not starting with '0',
/// and every later group of exactly 3 digits.
fn ungroup(s: &str) -> Option<String> {
    let mut groups = s.split('.');
    let first = groups.next()?;
    if !all_digits(first) || first.len() > 3 || first.starts_with('0') {
        return None;
    }
    let mut digits = first.to_owned();
    let mut count = 0usize;
    for g in groups {
        if g.len() != 3 || !all_digits(g) {
            return None;
        }
        digits.push_str(g);
        count += 1;
    }
    (count > 0).then_some(digits)
}

/// Digits of an integer part: plain digits ("1250000") or grouped ("1.250.000").
fn integer_digits(s: &str) -> Option<String> {
    if all_digits(s) {
        Some(s.to_owned())
    } else {
        ungroup(s)
    }
}

/// Parses an integer as typed by a user: surrounding whitespace is trimmed, an optional leading
/// '-' is allowed, digits may be grouped with "." ("1.250.000"; groups must be exactly 3 digits
/// after the first). Rejects decimal commas ("1,5"), bad groups ("1.25", "1.2500"), empty input,
/// garbage and values outside `i64`.
pub fn parse_integer(s: &str) -> Option<i64> {
    let (negative, rest) = split_sign(s.trim());
    let digits = integer_digits(rest)?;
    let signed = if negative {
        format!("-{digits}")
    } else {
        digits
    };
    signed.parse().ok()
}

/// Parses a decimal number as typed by a user, Vietnamese conventions first.
///
/// After trimming whitespace and an optional leading '-':
/// 1. If there is a comma, it is the decimal separator (exactly one, with digits on both sides);
///    the part before it is plain digits or "."-grouped thousands: "1,5" -> 1.5,
///    "1.250,5" -> 1250.5, "1,250" -> 1.25.
/// 2. Without a comma, if the dots form valid thousands groups (first group 1–3 digits not
///    starting with '0', every later group exactly 3 digits), they are thousands separators:
///    "1.250.000" -> 1250000, "1.250" -> 1250.
/// 3. Otherwise a single dot is a decimal point (digits on both sides): "1.5" -> 1.5,
///    "3.14" -> 3.14, "1.2500" -> 1.25, "0.500" -> 0.5.
///
/// Anything else (several dots that are not thousands groups, exponents, "NaN", "inf", spaces
/// inside the number, a bare ".5" or "5,") is rejected. Note that "1.250" is ambiguous and is
/// read the Vietnamese way, as 1250.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (negative, rest) = split_sign(s.trim());
    let normalized = if let Some((int_part, frac_part)) = rest.split_once(',') {
        if !all_digits(frac_part) {
            return None;
        }
        format!("{}.{frac_part}", integer_digits(int_part)?)
    } else if let Some(digits) = integer_digits(rest) {
        digits
    } else {
        let (int_part, frac_part) = rest.split_once('.')?;
        if !all_digits(int_part) || !all_digits(frac_part) {
            return None;
        }
        format!("{int_part}.{frac_part}")
    };
    let value: f64 = normalized.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    Some(if negative { -value } else { value })
}

// ---------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------

/// Joins items Vietnamese-style with `conj` before the last item and no serial comma:
/// `["a"]` -> "a", `["a", "b"]` -> "a và b", `["a", "b", "c"]` -> "a, b và c", `[]` -> "".
/// A sum of decimals without binary-fraction noise (1,1 + 2,2 gives 3,3, not
/// 3,3000000000000003): rounded to nine decimals, far below anything a report shows.
pub fn round_sum(x: f64) -> f64 {
    let rounded = (x * 1e9).round() / 1e9;
    if rounded.is_finite() { rounded } else { x }
}

pub fn join_list<S: AsRef<str>>(items: &[S], conj: &str) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {conj} {}", head.join(", "), last.as_ref())
        }
    }
}

// ---------------------------------------------------------------------------
// Display width
// ---------------------------------------------------------------------------

/// Whether `c` is a bidirectional embedding, override or isolate control (U+202A–U+202E,
/// U+2066–U+2069). Invisible, they reorder the text around them when shown: "abc\u{202E}gnp.exe"
/// displays as "abcexe.png". No report, screen or message may carry one.
pub fn is_reordering(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `s` holds a character [`is_reordering`] names (a byte search: every such character
/// is E2 80 AA–AE or E2 81 A6–A9 in UTF-8).
pub fn has_reordering(s: &str) -> bool {
    s.as_bytes().windows(3).any(|w| {
        w[0] == 0xE2
            && ((w[1] == 0x80 && (0xAA..=0xAE).contains(&w[2]))
                || (w[1] == 0x81 && (0xA6..=0xA9).contains(&w[2])))
    })
}

/// Terminal display width (Unicode East Asian Width; combining marks count 0, so NFC and NFD
/// Vietnamese measure the same).
pub fn display_width(s: &str) -> usize {
    s.width()
}

/// Left-pads `s` with spaces so it is centred in `width` columns (extra column, if any, goes to
/// the right, which is not padded). Returns `s` unchanged if it is at least `width` wide.
pub fn center(s: &str, width: usize) -> String {
    let w = display_width(s);
    if w >= width {
        return s.to_owned();
    }
    let left = (width - w) / 2;
    format!("{}{s}", " ".repeat(left))
}

/// Right-pads `s` with spaces to `width` columns. Returns `s` unchanged if already that wide.
pub fn pad_right(s: &str, width: usize) -> String {
    let w = display_width(s);
    if w >= width {
        return s.to_owned();
    }
    format!("{s}{}", " ".repeat(width - w))
}

/// Longest prefix of `s` that ends on a grapheme boundary and fits in `width` columns.
///
/// Widths are summed per grapheme cluster, so the result never splits a letter from its
/// combining marks (NFD Vietnamese) and never exceeds `width`. For the rare context-dependent
/// sequences that span clusters (e.g. Arabic lam-alef) this can be one column conservative.
pub fn truncate_width(s: &str, width: usize) -> &str {
    let mut used = 0usize;
    let mut end = 0usize;
    for (idx, g) in s.grapheme_indices(true) {
        used += g.width();
        if used > width {
            break;
        }
        end = idx + g.len();
    }
    &s[..end]
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
#[allow(
    clippy::approx_constant,
    reason = "3.14 is the documented Vietnamese formatting example, not an approximation of pi"
)]
mod tests;
