//! Plain text helpers every layer may use: the clean-up of a line before it is printed or
//! stored, the private-use block markers it removes, and spelling suggestions.
//!
//! Owns: [`BLOCK_START`]/[`BLOCK_END`] (the template engine writes them around a list or table
//! standing alone on a line, the report reads them back), [`sanitize_line`], [`clean_line`],
//! [`clean_text`], [`clean_typed`] (what the official typed, as it may be stored: every front
//! end reads typing through it), and [`closest`] (the likely intended name for a typo).
//!
//! A leaf: imports nothing of the crate but `vn`. Must not: know about questionnaires, answers,
//! templates or reports.

/// Marks the start and end of a block value (a list or table) inside rendered text.
pub const BLOCK_START: char = '\u{E000}';
/// See [`BLOCK_START`].
pub const BLOCK_END: char = '\u{E001}';

/// One line as it may be printed or stored: itself when clean (nearly every line of a report:
/// only a line with a suspicious byte — a C0 control, DEL, the lead byte of C1 controls, of the
/// block markers or of U+FFFE/U+FFFF — or a reordering control is rebuilt by [`sanitize_line`]).
pub fn clean_line(line: &str) -> std::borrow::Cow<'_, str> {
    let suspicious = |b: u8| (b < 0x20 && b != b'\t') || matches!(b, 0x7f | 0xc2 | 0xee | 0xef);
    if line.bytes().any(suspicious) || crate::vn::has_reordering(line) {
        sanitize_line(line).into()
    } else {
        line.into()
    }
}

/// A text of several lines as it may be printed (each line by [`clean_line`]; line breaks kept).
pub fn clean_text(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .split('\n')
        .any(|l| matches!(clean_line(l), std::borrow::Cow::Owned(_)))
    {
        return text.into();
    }
    text.split('\n')
        .map(clean_line)
        .collect::<Vec<_>>()
        .join("\n")
        .into()
}

/// Replaces control characters (terminal escapes among them) and the noncharacters U+FFFE and
/// U+FFFF (which XML, and so a Word file, cannot hold) so output is safe to print and to store.
/// Bidirectional overrides and isolates ([`crate::vn::is_reordering`]) are dropped: they would
/// show the text in another order than it is written.
pub fn sanitize_line(line: &str) -> String {
    line.chars()
        .filter(|c| {
            *c != '\r' && *c != BLOCK_START && *c != BLOCK_END && !crate::vn::is_reordering(*c)
        })
        .map(|c| {
            if (c.is_control() && c != '\t') || matches!(c, '\u{FFFE}' | '\u{FFFF}') {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// The candidate closest to `word` when it is close enough to be a likely typo: at most two
/// edits, or a third of the candidate's length for long names.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Text as it may be stored: NFC, CR/LF → LF, tabs and other control characters → spaces,
/// and, for one line, line breaks → spaces.
pub fn clean_typed(s: &str, multiline: bool) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    // Nearly every text is clean already: checking costs far less than normalising.
    if is_nfc_quick(s.chars()) == IsNormalized::Yes
        && s.chars().all(|c| clean_char(c, multiline) == c)
    {
        return s.to_owned();
    }
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.nfc().map(|c| clean_char(c, multiline)).collect()
}

/// One character as it may be stored (see [`clean_typed`]).
pub fn clean_char(c: char, multiline: bool) -> char {
    match c {
        '\n' if multiline => '\n',
        c if c.is_control() => ' ',
        // Line/paragraph separators and bidi controls would move the terminal's cursor or
        // reorder what is shown.
        '\u{2028}' | '\u{2029}' => ' ',
        c if crate::vn::is_reordering(c) => ' ',
        c => c,
    }
}
