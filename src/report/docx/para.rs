//! The model the Word writer lays a report out in, before any XML: runs with their style,
//! paragraphs with the few properties a report uses, fixed-column tables, and the paragraph
//! shapes every part shares (a centred frame line, a body paragraph, a spacer, a rule), with
//! the measure of the widest of some texts.
//!
//! Must not: read [`crate::report::Document`] (the frame and body are laid out in `frame`,
//! `body` and `table`) or write XML (`xml` does).

use super::{AFTER, INDENT, LINE, RULE_SIZE};
use crate::report::metrics;
use crate::report::text::sanitize_line;

/// Bold and italic of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Style {
    pub(super) bold: bool,
    pub(super) italic: bool,
}

impl Style {
    pub(super) const PLAIN: Style = Style {
        bold: false,
        italic: false,
    };
    pub(super) const BOLD: Style = Style {
        bold: true,
        italic: false,
    };
    pub(super) const ITALIC: Style = Style {
        bold: false,
        italic: true,
    };
    pub(super) const BOLD_ITALIC: Style = Style {
        bold: true,
        italic: true,
    };
}

/// One piece of a paragraph.
#[derive(Debug, Clone)]
pub(super) enum Run {
    Text {
        text: String,
        size: u32,
        style: Style,
    },
    /// The PAGE field.
    PageNumber { size: u32 },
    /// A tab (to a hanging indent).
    Tab,
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// A paragraph with the few properties a report uses.
#[derive(Debug, Clone)]
pub(super) struct Para {
    pub(super) keep_next: bool,
    pub(super) widow_control: bool,
    /// A top border of this many eighths of a point: how rules are drawn.
    pub(super) rule: Option<u32>,
    pub(super) before: u32,
    pub(super) after: u32,
    /// Line spacing in 240ths of a line, or exactly this many twips.
    pub(super) line: Line,
    pub(super) left: i32,
    pub(super) right: i32,
    /// Positive: first-line indent; negative: hanging indent.
    pub(super) first: i32,
    pub(super) align: Align,
    /// The size of the paragraph mark (what an empty paragraph is as tall as).
    pub(super) mark_size: u32,
    /// A heading's level in Word's navigation pane (0 = top).
    pub(super) outline: Option<usize>,
    pub(super) runs: Vec<Run>,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Line {
    Auto(u32),
    Exact(u32),
}

impl Para {
    pub(super) fn new(align: Align) -> Self {
        Para {
            keep_next: false,
            widow_control: true,
            rule: None,
            before: 0,
            after: 0,
            line: Line::Auto(240),
            left: 0,
            right: 0,
            first: 0,
            align,
            mark_size: 0,
            outline: None,
            runs: Vec::new(),
        }
    }

    /// Adds a run of text: control characters made visible, tabs as spaces (XML cannot hold
    /// the first, Word would jump to a tab stop on the second).
    pub(super) fn run(mut self, text: &str, size: u32, style: Style) -> Self {
        self.runs.push(Run::Text {
            text: sanitize_line(text).replace('\t', " "),
            size,
            style,
        });
        self.mark_size = size;
        self
    }

    pub(super) fn space(mut self, before: u32, after: u32) -> Self {
        self.before = before;
        self.after = after;
        self
    }

    pub(super) fn indent(mut self, left: i32, right: i32) -> Self {
        self.left = left;
        self.right = right;
        self
    }

    pub(super) fn keep_next(mut self) -> Self {
        self.keep_next = true;
        self
    }
}

/// A table in fixed columns.
#[derive(Debug, Clone)]
pub(super) struct Table {
    pub(super) widths: Vec<u32>,
    /// Every border a thin line (data), or none at all (the frame).
    pub(super) ruled: bool,
    /// Left and right cell padding.
    pub(super) pad: u32,
    pub(super) rows: Vec<Row>,
}

#[derive(Debug, Clone)]
pub(super) struct Row {
    /// Repeated at the top of each page (a data table's header).
    pub(super) header: bool,
    pub(super) cells: Vec<Vec<Para>>,
}

#[derive(Debug, Clone)]
pub(super) enum Item {
    P(Para),
    Table(Table),
}

/// The lines of a text, trimmed, empty ones dropped (a Word paragraph cannot hold a newline).
pub(super) fn clean_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A centred frame line with no space around it.
pub(super) fn centred(text: &str, size: u32, style: Style) -> Para {
    Para::new(Align::Center).run(text, size, style)
}

/// A body paragraph: justified, first line indented 1 cm, 6 pt after, 1.15 lines.
pub(super) fn body_paragraph() -> Para {
    let mut p = Para::new(Align::Justify).space(0, AFTER);
    p.first = INDENT;
    p.line = Line::Auto(LINE);
    p
}

/// An empty paragraph exactly `height` twips tall.
pub(super) fn spacer(height: u32) -> Para {
    let mut p = Para::new(Align::Left);
    p.line = Line::Exact(height);
    p.mark_size = 2;
    p
}

/// A rule `length` twips long, centred in a space `room` twips wide: an empty paragraph one
/// point tall with a top border, indented from both sides, 5 pt below the text above.
pub(super) fn rule(length: u32, room: u32) -> Para {
    let side = i32::try_from(room.saturating_sub(length) / 2).unwrap_or(0);
    let mut p = spacer(20).indent(side, side);
    p.before = 100;
    p.rule = Some(RULE_SIZE);
    p
}

/// The widest of some texts, each on one line, in twips.
pub(super) fn widest<'a>(texts: impl Iterator<Item = &'a str>, size: u32, bold: bool) -> u32 {
    texts
        .map(|l| metrics::width(l, size, bold))
        .max()
        .unwrap_or(0)
}
