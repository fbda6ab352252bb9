//! Text widths in Times New Roman, for drawing rules as long as the text they underline.
//!
//! Owns: the advance widths of Liberation Serif Regular and Bold (metric-compatible with Times
//! New Roman by design: every glyph has the same advance) for printable ASCII and the letters
//! Vietnamese adds to it, and [`width`], the width of a line of text in twips. Letters with
//! tone marks take the width of their base letter (true of every precomposed Vietnamese letter
//! in these fonts); combining marks take none.
//!
//! The tables were read with fontTools from `/usr/share/fonts/truetype/liberation2/
//! LiberationSerif-{Regular,Bold}.ttf` (Debian fonts-liberation2), in font units of 1/2048 em.
//! A test measures them again when the font is installed.
//!
//! Must not: lay out paragraphs; this is an estimate for one line.

use unicode_normalization::UnicodeNormalization;

/// Font units per em.
const UNITS_PER_EM: u32 = 2048;

/// Advances of U+0020..=U+007E, then [`EXTRA`], in Liberation Serif Regular.
const REGULAR: [u16; 108] = [
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886,
    1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139,
    1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024, 682, 909,
    1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682,
    797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108, 1024, 1479, 1083, 1479, 1110,
    1589, 1024, 2048, 2048, 909, 909, 682, 682,
];

/// The same in Liberation Serif Bold.
const BOLD: [u16; 108] = [
    512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905,
    1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251,
    1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024, 682,
    1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024, 1139, 1139,
    909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065, 1139, 1479, 1134, 1593,
    1229, 1630, 1024, 2048, 2048, 1024, 1024, 682, 682,
];

/// The letters beyond ASCII whose advance differs from their base letter, and common
/// punctuation.
const EXTRA: [char; 13] = [
    'đ', 'Đ', 'ơ', 'Ơ', 'ư', 'Ư', '–', '—', '…', '“', '”', '‘', '’',
];

/// The advance of one character in font units; an unknown character counts as half an em.
pub fn advance(c: char, bold: bool) -> u32 {
    let table = if bold { &BOLD } else { &REGULAR };
    let index = match c {
        ' '..='~' => Some(c as usize - 0x20),
        _ => EXTRA.iter().position(|e| *e == c).map(|i| 95 + i),
    };
    index.map_or(UNITS_PER_EM / 2, |i| u32::from(table[i]))
}

/// The width of `text` on one line at `half_points` (Word's unit for font sizes), in twips.
pub fn width(text: &str, half_points: u32, bold: bool) -> u32 {
    let mut units = 0;
    // A letter with a tone mark decomposes to its base letter (ơ and ư keep their horn) and
    // combining marks, which take no width.
    for c in text.nfc() {
        let base = if c.is_ascii() || EXTRA.contains(&c) {
            c
        } else {
            base_letter(c)
        };
        if !unicode_normalization::char::is_combining_mark(base) {
            units += advance(base, bold);
        }
    }
    // twips = units / 2048 em × (half_points / 2) pt × 20 twips per pt.
    (units * half_points * 10).div_ceil(UNITS_PER_EM)
}

/// The letter under the tone marks: "ở" → 'ơ', "Ấ" → 'A'.
fn base_letter(c: char) -> char {
    let mut decomposed = std::iter::once(c).nfd();
    let first = decomposed.next().unwrap_or(c);
    let horn = decomposed.any(|m| m == '\u{31B}');
    match (first, horn) {
        ('o', true) => 'ơ',
        ('O', true) => 'Ơ',
        ('u', true) => 'ư',
        ('U', true) => 'Ư',
        (base, _) => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_add_up_per_letter() {
        // "XÃ" in bold at 13 pt: X 1479 + A 1479 units.
        assert_eq!(width("XÃ", 26, true), (2958 * 26 * 10_u32).div_ceil(2048));
        assert_eq!(width("ở", 28, false), width("ơ", 28, false));
        assert!(width("ư", 28, false) > width("u", 28, false));
        // Decomposed input measures like composed.
        assert_eq!(width("Ha\u{300}", 28, false), width("Hà", 28, false));
        assert_eq!(width("", 28, true), 0);
    }
}
