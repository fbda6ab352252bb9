//! The data tables of a Word report: bordered, a bold header row repeated on each page,
//! numbers right-aligned, the totals row bold, and column widths that fill the text width
//! without ever cutting a word.
//!
//! Must not: lay out the frame's borderless tables (`frame`) or write XML.

use super::para::{Align, Para, Row, Style, Table, clean_lines, widest};
use super::{CELL_PAD, page};
use crate::report::document::TableBlock;

/// A table of figures: every border a thin line, a bold centred header row repeated on each
/// page, numbers right-aligned, the totals row bold; one point smaller than the body.
pub(super) fn data_table(t: &TableBlock, body: u32) -> Table {
    let size = body - 2;
    let columns = t.header.len().max(1);
    let widths = column_widths(t, size, columns);
    let numeric = |i: usize| t.numeric.get(i).copied().unwrap_or(false);
    let row = |cells: &[String], header: bool, style: Style| Row {
        header,
        cells: (0..columns)
            .map(|i| {
                let align = if header {
                    Align::Center
                } else if numeric(i) {
                    Align::Right
                } else {
                    Align::Left
                };
                let lines = clean_lines(cells.get(i).map_or("", String::as_str));
                if lines.is_empty() {
                    let mut p = Para::new(align);
                    p.mark_size = size;
                    return vec![p];
                }
                lines
                    .iter()
                    .map(|l| Para::new(align).run(l, size, style).space(40, 40))
                    .collect()
            })
            .collect(),
    };
    let mut rows = vec![row(&t.header, true, Style::BOLD)];
    rows.extend(t.rows.iter().map(|r| row(r, false, Style::PLAIN)));
    if let Some(total) = &t.total {
        rows.push(row(total, false, Style::BOLD));
    }
    Table {
        widths,
        ruled: true,
        pad: CELL_PAD,
        rows,
    }
}

/// Column widths filling the text width. Each column wants its widest line (numbers: their
/// widest cell, the header may wrap into lines of 2.5 cm) and needs at least its longest word, so no word is ever
/// cut; when the wants do not fit, every column gives up the same share of what it wants beyond
/// its need, and when they leave room, text columns take it.
fn column_widths(t: &TableBlock, size: u32, columns: usize) -> Vec<u32> {
    let total = page::TEXT;
    let pad = 2 * CELL_PAD + 60;
    let numeric = |i: usize| t.numeric.get(i).copied().unwrap_or(false);
    let cells = |i: usize| {
        std::iter::once(&t.header)
            .chain(&t.rows)
            .chain(t.total.iter())
            .enumerate()
            .filter_map(move |(row, r)| r.get(i).map(|c| (row == 0, c)))
    };
    let need: Vec<u32> = (0..columns)
        .map(|i| widest(cells(i).flat_map(|(_, c)| c.split_whitespace()), size, true) + pad)
        .collect();
    let want: Vec<u32> = (0..columns)
        .map(|i| {
            let lines = cells(i)
                .filter(|(header, _)| !(numeric(i) && *header))
                .flat_map(|(_, c)| c.lines().map(str::trim));
            // A number column's header may wrap, but not beyond 2.5 cm a line.
            let header = if numeric(i) {
                let text = t.header.get(i).map_or("", String::as_str);
                (widest(text.lines(), size, true) + pad).min(1_418)
            } else {
                0
            };
            (widest(lines, size, true) + pad).max(need[i]).max(header)
        })
        .collect();
    let (need_sum, want_sum): (u64, u64) = (
        need.iter().map(|w| u64::from(*w)).sum(),
        want.iter().map(|w| u64::from(*w)).sum(),
    );
    let share = |part: u64, of: u64, whole: u64| {
        u32::try_from(part * whole / of.max(1)).unwrap_or(u32::MAX)
    };
    let mut widths: Vec<u32> = if want_sum <= u64::from(total) {
        // Room to spare: text columns share it in proportion to what they want.
        let room = u64::from(total) - want_sum;
        let text_want: u64 = (0..columns)
            .filter(|i| !numeric(*i))
            .map(|i| u64::from(want[i]))
            .sum();
        (0..columns)
            .map(|i| match (numeric(i), text_want) {
                (_, 0) => want[i] + share(1, u64::try_from(columns).unwrap_or(1), room),
                (true, _) => want[i],
                (false, _) => want[i] + share(u64::from(want[i]), text_want, room),
            })
            .collect()
    } else if need_sum <= u64::from(total) {
        // Each column keeps its need and the same fraction of its want beyond it.
        let room = u64::from(total) - need_sum;
        (0..columns)
            .map(|i| need[i] + share(u64::from(want[i] - need[i]), want_sum - need_sum, room))
            .collect()
    } else {
        // Even the longest words do not fit: shrink everything alike.
        (0..columns)
            .map(|i| share(u64::from(need[i]), need_sum, u64::from(total)))
            .collect()
    };
    // What rounding left goes to the first column, so the table spans the text width.
    let sum: u32 = widths.iter().sum();
    if let Some(first) = widths.first_mut() {
        *first = (*first + total).saturating_sub(sum);
    }
    widths
}
