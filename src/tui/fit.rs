//! Fitting text into terminal cells, for every part of the screen that draws text.
//!
//! Owns: cleaning a questionnaire's or an answer's text for one line ([`safe`]), cutting it
//! to a width with "…" ([`fit`], [`fit_tail`]), and word-wrapping it with one routine that
//! both measures and draws ([`wrap`], [`wrapped_height`]), so the two always agree.
//!
//! Must not: know the app, an editor or a dialog; draw widgets.

use unicode_width::UnicodeWidthStr;

use super::text_input::clean;
use crate::vn;

/// `text` cut to `width` columns, with "…" where something was cut.
pub fn fit(text: &str, width: u16) -> String {
    cut(text, width, false)
}

/// `text` cut to its last `width` columns, with "…" in front when something was cut.
pub fn fit_tail(text: &str, width: u16) -> String {
    cut(text, width, true)
}

fn cut(text: &str, width: u16, keep_end: bool) -> String {
    let width = usize::from(width);
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    if !keep_end {
        return format!("{}…", vn::truncate_width(text, width - 1));
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        tail.push(c);
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

/// Text from a questionnaire or an answer, safe to print on one line.
pub fn safe(s: &str) -> String {
    clean(s, false)
}

/// Lines `text` takes when word-wrapped to `width` columns.
pub fn wrapped_height(text: &str, width: u16) -> u16 {
    u16::try_from(wrap(text, width, None)).unwrap_or(u16::MAX)
}

/// Word-wraps `text` to `width` columns (a word wider than a row is cut by letters), pushing
/// the rows to `rows` when given; returns how many rows it takes. One routine for measuring
/// and for drawing, so the two always agree.
pub fn wrap(text: &str, width: u16, mut rows: Option<&mut Vec<String>>) -> usize {
    let width = usize::from(width.max(1));
    let mut count = 0;
    for line in text.split('\n') {
        // Leading spaces (a centred line, an item's second line) are kept.
        let body = line.trim_start_matches(' ');
        let indent = (line.len() - body.len()).min(width.saturating_sub(1));
        let mut row = " ".repeat(indent);
        let mut used = indent;
        let line = body;
        let mut push = |row: &mut String, used: &mut usize| {
            count += 1;
            if let Some(rows) = rows.as_deref_mut() {
                rows.push(std::mem::take(row));
            } else {
                row.clear();
            }
            *used = 0;
        };
        for (n, word) in line.split(' ').enumerate() {
            let w = word.width();
            if n > 0 && used > 0 && used + 1 + w > width {
                push(&mut row, &mut used);
            }
            if n > 0 && used > 0 {
                row.push(' ');
                used += 1;
            }
            if w > width {
                for c in word.chars() {
                    let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    if used + cw > width && used > 0 {
                        push(&mut row, &mut used);
                    }
                    row.push(c);
                    used += cw;
                }
            } else {
                row.push_str(word);
                used += w;
            }
        }
        push(&mut row, &mut used);
    }
    count
}
