//! The Word writer: a [`Document`] as a .docx laid out by Nghị định 30/2020/NĐ-CP.
//!
//! Owns: the page (A4 portrait, margins 20/20/30/15 mm), the fonts and sizes of every element
//! of the frame (NĐ 30 Mục V), the header and signer blocks as borderless two-column tables,
//! rules drawn as paragraph borders sized from the text they underline ([`super::metrics`]),
//! the body (justified, first-line indent, headings by level, bullets, bordered tables with
//! numbers right-aligned), page numbers centred in the top margin from page 2 on, and the bytes
//! of the package — the same document always gives the same bytes (no dates, fixed zip times).
//!
//! The WordprocessingML is written here rather than with `docx-rs`: docx-rs 0.4.22 writes the
//! children of `w:pPr` and `w:rPr` out of the order ECMA-376 prescribes (`w:rPr` first in
//! `w:pPr`, `w:jc` before `w:spacing`, `w:sz` before `w:rFonts`), which Word for the web refuses
//! and desktop Word repairs, and it cannot mark a table's header row. The few elements a report
//! needs are written below in schema order; the tests read the files back with docx-rs.
//!
//! Must not: read the questionnaire or answers (only [`Document`]), or write files.

use std::fmt::Write as _;
use std::io::Write as _;

use super::document::{Block, Document, FrameText, TableBlock, join_number};
use super::metrics;
use super::text::sanitize_line;
use crate::messages;

/// The body's font size; NĐ 30 allows 13 or 14 pt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BodySize {
    Thirteen,
    #[default]
    Fourteen,
}

impl BodySize {
    /// In half-points, Word's unit.
    fn half_points(self) -> u32 {
        match self {
            BodySize::Thirteen => 26,
            BodySize::Fourteen => 28,
        }
    }

    /// In points.
    pub fn points(self) -> u8 {
        match self {
            BodySize::Thirteen => 13,
            BodySize::Fourteen => 14,
        }
    }
}

/// The font of every run.
pub const FONT: &str = "Times New Roman";

/// Page and margins in twips (1 mm = 56.69 twips).
pub mod page {
    /// A4 portrait.
    pub const WIDTH: u32 = 11_906;
    pub const HEIGHT: u32 = 16_838;
    /// 20 mm (NĐ 30: 20–25).
    pub const TOP: u32 = 1_134;
    /// 20 mm (NĐ 30: 20–25).
    pub const BOTTOM: u32 = 1_134;
    /// 30 mm (NĐ 30: 30–35).
    pub const LEFT: u32 = 1_701;
    /// 15 mm (NĐ 30: 15–20): the widest text column, so the national title has room.
    pub const RIGHT: u32 = 850;
    /// The page number sits 10 mm from the top edge, in the top margin.
    pub const HEADER: u32 = 567;
    pub const FOOTER: u32 = 567;
    /// The width between the margins: 165 mm.
    pub const TEXT: u32 = WIDTH - LEFT - RIGHT;
    /// The header table's left column (issuing body, "Số"): 63 mm.
    pub const FRAME_LEFT: u32 = 3_572;
    /// The header table's right column (national title, place and date): 102 mm. The
    /// national title in 13 pt bold is 95.7 mm long, so it never wraps.
    pub const FRAME_RIGHT: u32 = TEXT - FRAME_LEFT;
    /// The signer table's left column ("Nơi nhận"): 75 mm.
    pub const SIGNER_LEFT: u32 = 4_252;
    pub const SIGNER_RIGHT: u32 = TEXT - SIGNER_LEFT;
}

/// First-line indent of body paragraphs: 1 cm.
const INDENT: i32 = 567;
/// Space after each body paragraph: 6 pt.
const AFTER: u32 = 120;
/// Line spacing of the body, in 240ths of a line: 1.15 lines.
const LINE: u32 = 276;
/// The gap left for the signature and seal above the signer's name: 28 mm.
const SIGNATURE_GAP: u32 = 1_587;
/// Rules: a single line of ¾ pt (in eighths of a point).
const RULE_SIZE: u32 = 6;
/// Table borders: ½ pt.
const TABLE_BORDER: u32 = 4;
/// Left and right padding of data table cells: 1.5 mm.
const CELL_PAD: u32 = 85;

/// Writes the document as .docx bytes. `full` adds the NĐ 30 header and signer blocks.
pub fn write(doc: &Document, full: bool, size: BodySize) -> Vec<u8> {
    let body = size.half_points();
    let f = &doc.frame;
    let mut items: Vec<Item> = Vec::new();
    if full {
        items.push(Item::Table(header_table(f, size)));
    }
    items.extend(title_block(f, body, full).into_iter().map(Item::P));
    for block in &doc.body {
        match block {
            Block::Table(t) => {
                // The sentence that introduces a table stays on its page.
                if let Some(Item::P(p)) = items.last_mut() {
                    p.keep_next = true;
                }
                items.push(Item::Table(data_table(t, body)));
                items.push(Item::P(spacer(AFTER)));
            }
            other => items.extend(body_paragraphs(other, body).into_iter().map(Item::P)),
        }
    }
    // The page that is signed carries some of the body: the last paragraph stays with the
    // closing sentence.
    if full
        && !f.closing.is_empty()
        && let Some(Item::P(p)) = items.last_mut()
    {
        p.keep_next = true;
    }
    for line in clean_lines(&f.closing) {
        let mut p = body_paragraph().run(&line, body, Style::PLAIN);
        // The closing sentence stays on the page of the signature.
        p.keep_next = full;
        items.push(Item::P(p));
    }
    if full && (!f.cc.is_empty() || has_signer(f)) {
        // The closing sentence, this space and the signature move to a new page together.
        items.push(Item::P(spacer(AFTER).keep_next()));
        items.push(Item::Table(signer_table(f, body)));
    }
    // Word ends a body with a paragraph, never a table; one point tall, it cannot push a page.
    if matches!(items.last(), Some(Item::Table(_))) {
        items.push(Item::P(spacer(20)));
    }
    package(&items, f, body)
}

/// Bold and italic of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Style {
    bold: bool,
    italic: bool,
}

impl Style {
    const PLAIN: Style = Style {
        bold: false,
        italic: false,
    };
    const BOLD: Style = Style {
        bold: true,
        italic: false,
    };
    const ITALIC: Style = Style {
        bold: false,
        italic: true,
    };
    const BOLD_ITALIC: Style = Style {
        bold: true,
        italic: true,
    };
}

/// One piece of a paragraph.
#[derive(Debug, Clone)]
enum Run {
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
enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// A paragraph with the few properties a report uses.
#[derive(Debug, Clone)]
struct Para {
    keep_next: bool,
    widow_control: bool,
    /// A top border of this many eighths of a point: how rules are drawn.
    rule: Option<u32>,
    before: u32,
    after: u32,
    /// Line spacing in 240ths of a line, or exactly this many twips.
    line: Line,
    left: i32,
    right: i32,
    /// Positive: first-line indent; negative: hanging indent.
    first: i32,
    align: Align,
    /// The size of the paragraph mark (what an empty paragraph is as tall as).
    mark_size: u32,
    /// A heading's level in Word's navigation pane (0 = top).
    outline: Option<usize>,
    runs: Vec<Run>,
}

#[derive(Debug, Clone, Copy)]
enum Line {
    Auto(u32),
    Exact(u32),
}

impl Para {
    fn new(align: Align) -> Self {
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
    fn run(mut self, text: &str, size: u32, style: Style) -> Self {
        self.runs.push(Run::Text {
            text: sanitize_line(text).replace('\t', " "),
            size,
            style,
        });
        self.mark_size = size;
        self
    }

    fn space(mut self, before: u32, after: u32) -> Self {
        self.before = before;
        self.after = after;
        self
    }

    fn indent(mut self, left: i32, right: i32) -> Self {
        self.left = left;
        self.right = right;
        self
    }

    fn keep_next(mut self) -> Self {
        self.keep_next = true;
        self
    }
}

/// A table in fixed columns.
#[derive(Debug, Clone)]
struct Table {
    widths: Vec<u32>,
    /// Every border a thin line (data), or none at all (the frame).
    ruled: bool,
    /// Left and right cell padding.
    pad: u32,
    rows: Vec<Row>,
}

#[derive(Debug, Clone)]
struct Row {
    /// Repeated at the top of each page (a data table's header).
    header: bool,
    cells: Vec<Vec<Para>>,
}

#[derive(Debug, Clone)]
enum Item {
    P(Para),
    Table(Table),
}

/// The lines of a text, trimmed, empty ones dropped (a Word paragraph cannot hold a newline).
fn clean_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A centred frame line with no space around it.
fn centred(text: &str, size: u32, style: Style) -> Para {
    Para::new(Align::Center).run(text, size, style)
}

/// A body paragraph: justified, first line indented 1 cm, 6 pt after, 1.15 lines.
fn body_paragraph() -> Para {
    let mut p = Para::new(Align::Justify).space(0, AFTER);
    p.first = INDENT;
    p.line = Line::Auto(LINE);
    p
}

/// An empty paragraph exactly `height` twips tall.
fn spacer(height: u32) -> Para {
    let mut p = Para::new(Align::Left);
    p.line = Line::Exact(height);
    p.mark_size = 2;
    p
}

/// A rule `length` twips long, centred in a space `room` twips wide: an empty paragraph one
/// point tall with a top border, indented from both sides, 5 pt below the text above.
fn rule(length: u32, room: u32) -> Para {
    let side = i32::try_from(room.saturating_sub(length) / 2).unwrap_or(0);
    let mut p = spacer(20).indent(side, side);
    p.before = 100;
    p.rule = Some(RULE_SIZE);
    p
}

/// Half-points of the frame for a body size.
struct FrameSizes {
    /// Issuing bodies and the national title: 13 pt (12 with a 13 pt body).
    names: u32,
    /// Motto, place and date, title, signer: the body size.
    body: u32,
    /// "Số": 13 pt.
    number: u32,
}

impl FrameSizes {
    fn of(size: BodySize) -> Self {
        let body = size.half_points();
        FrameSizes {
            names: body - 2,
            body,
            number: 26,
        }
    }
}

/// The header block: issuing body and number | national title, motto, place and date.
fn header_table(f: &FrameText, size: BodySize) -> Table {
    let s = FrameSizes::of(size);
    let mut left: Vec<Para> = f
        .parent
        .iter()
        .map(|l| centred(l, s.names, Style::PLAIN))
        .collect();
    left.extend(f.issuer.iter().map(|l| centred(l, s.names, Style::BOLD)));
    if !f.issuer.is_empty() {
        // A short rule: two fifths of the issuing body's longest line, at least 12 mm.
        let widest = widest(f.issuer.iter().map(String::as_str), s.names, true);
        left.push(rule((widest * 2 / 5).max(680), page::FRAME_LEFT));
    }
    let right = vec![
        centred(messages::NATION, s.names, Style::BOLD),
        centred(messages::MOTTO, s.body, Style::BOLD),
        // The motto's rule is exactly as long as the motto.
        rule(
            metrics::width(messages::MOTTO, s.body, true),
            page::FRAME_RIGHT,
        ),
    ];
    let line = |text: &str, size, style| {
        (!text.is_empty())
            .then(|| centred(text, size, style).space(120, 0))
            .into_iter()
            .collect()
    };
    Table {
        widths: vec![page::FRAME_LEFT, page::FRAME_RIGHT],
        ruled: false,
        pad: 0,
        rows: vec![
            Row {
                header: false,
                cells: vec![left, right],
            },
            Row {
                header: false,
                cells: vec![
                    line(&f.number, s.number, Style::PLAIN),
                    line(&f.place_date, s.body, Style::ITALIC),
                ],
            },
        ],
    }
}

/// "BÁO CÁO", the summary with a short rule under it, and "Kính gửi".
fn title_block(f: &FrameText, body: u32, full: bool) -> Vec<Para> {
    let mut out = Vec::new();
    if !f.kind.is_empty() {
        out.push(
            centred(&f.kind, body, Style::BOLD)
                .space(if full { 360 } else { 0 }, 0)
                .keep_next(),
        );
    }
    let summary = clean_lines(&f.summary);
    // The summary wraps 1 cm inside either margin, as a typed one does.
    for line in &summary {
        out.push(
            centred(line, body, Style::BOLD)
                .indent(567, 567)
                .keep_next(),
        );
    }
    if !summary.is_empty() || !f.kind.is_empty() {
        // Two fifths of the summary's widest line, between 2 cm and a third of the text width.
        let widest = widest(
            summary.iter().chain([&f.kind]).map(String::as_str),
            body,
            true,
        );
        out.push(rule(
            (widest * 2 / 5).clamp(1_134, page::TEXT / 3),
            page::TEXT,
        ));
    }
    match f.to.as_slice() {
        [] => {}
        [one] => out.push(
            centred(&format!("{} {one}", messages::TO_LABEL), body, Style::PLAIN).space(240, 0),
        ),
        many => {
            // "Kính gửi: - A;" with the other recipients aligned under "- A", the block centred.
            let label = metrics::width(messages::TO_LABEL, body, false) + 170;
            let items: Vec<String> = many.iter().map(|r| format!("- {r}")).collect();
            let widest = widest(items.iter().map(String::as_str), body, false);
            let start = page::TEXT.saturating_sub(label + widest) / 2;
            let left = i32::try_from(start + label).unwrap_or(0);
            for (i, item) in items.iter().enumerate() {
                let mut p = Para::new(Align::Left).indent(left, 0);
                if i == 0 {
                    // The hanging indent puts the label at the block's start; the tab reaches
                    // the indent, where the recipients begin.
                    p.first = -i32::try_from(label).unwrap_or(0);
                    p = p.run(messages::TO_LABEL, body, Style::PLAIN).space(240, 0);
                    p.runs.push(Run::Tab);
                }
                out.push(p.run(item, body, Style::PLAIN));
            }
        }
    }
    // Space between the title block and the body.
    out.push(spacer(240));
    out
}

/// The style of a heading at a level: I. and 1. bold (upper case for I. comes from the
/// questionnaire), 1.1. bold italic, deeper levels italic.
fn heading_style(level: usize) -> Style {
    match level {
        0..=2 => Style::BOLD,
        3 => Style::BOLD_ITALIC,
        _ => Style::ITALIC,
    }
}

/// The paragraphs of one body block (not a table).
fn body_paragraphs(block: &Block, body: u32) -> Vec<Para> {
    match block {
        Block::Heading {
            level,
            number,
            text,
        } => clean_lines(&join_number(number, text))
            .iter()
            .map(|line| {
                let mut p = body_paragraph()
                    .run(line, body, heading_style(*level))
                    .keep_next();
                p.outline = Some(level.saturating_sub(1));
                p
            })
            .collect(),
        Block::Paragraph { lead, text } => {
            let mut lines = clean_lines(text).into_iter();
            let mut out = Vec::new();
            if let Some(lead) = lead {
                let mut p = body_paragraph().run(&lead.printed(), body, heading_style(lead.level));
                match lines.next() {
                    Some(first) => p = p.run(&format!(" {first}"), body, Style::PLAIN),
                    None => p.keep_next = true,
                }
                out.push(p);
            }
            out.extend(lines.map(|line| body_paragraph().run(&line, body, Style::PLAIN)));
            // "… như sau:" introduces what follows and stays on its page.
            if let Some(last) = out.last_mut()
                && text.trim_end().ends_with(':')
            {
                last.keep_next = true;
            }
            out
        }
        Block::Bullets(items) => items
            .iter()
            .flat_map(|item| {
                clean_lines(item).into_iter().enumerate().map(|(i, line)| {
                    let line = if i == 0 { format!("- {line}") } else { line };
                    body_paragraph().run(&line, body, Style::PLAIN)
                })
            })
            .collect(),
        Block::Table(_) => Vec::new(),
        // A note is no report text: left-aligned, so that a long condition is not stretched.
        Block::Note(text) => clean_lines(text)
            .iter()
            .map(|line| {
                let mut p = body_paragraph().run(line, body, Style::ITALIC).keep_next();
                p.align = Align::Left;
                p
            })
            .collect(),
    }
}

/// A table of figures: every border a thin line, a bold centred header row repeated on each
/// page, numbers right-aligned, the totals row bold; one point smaller than the body.
fn data_table(t: &TableBlock, body: u32) -> Table {
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

/// The widest of some texts, each on one line, in twips.
fn widest<'a>(texts: impl Iterator<Item = &'a str>, size: u32, bold: bool) -> u32 {
    texts
        .map(|l| metrics::width(l, size, bold))
        .max()
        .unwrap_or(0)
}

fn has_signer(f: &FrameText) -> bool {
    !f.authority.is_empty() || !f.signer_title.is_empty() || !f.signer_name.is_empty()
}

/// The signer block: "Nơi nhận" and its list | authority, title, room to sign, name.
fn signer_table(f: &FrameText, body: u32) -> Table {
    let mut left = Vec::new();
    if !f.cc.is_empty() {
        left.push(Para::new(Align::Left).run(messages::CC_LABEL, 24, Style::BOLD_ITALIC));
        for line in &f.cc {
            // A long recipient wraps under its text, not under the dash.
            let mut p = Para::new(Align::Left)
                .run(&format!("- {line}"), 22, Style::PLAIN)
                .indent(142, 0);
            p.first = -142;
            left.push(p);
        }
    }
    let mut right: Vec<Para> = f
        .authority
        .iter()
        .map(|l| centred(l, body, Style::BOLD))
        .collect();
    if !f.signer_title.is_empty() {
        right.push(centred(&f.signer_title, body, Style::BOLD));
    }
    if !f.signer_name.is_empty() {
        right.push(centred(&f.signer_name, body, Style::BOLD).space(SIGNATURE_GAP, 0));
    } else if !right.is_empty() {
        // No name yet: the room to sign stays.
        right.push(spacer(SIGNATURE_GAP));
    }
    Table {
        widths: vec![page::SIGNER_LEFT, page::SIGNER_RIGHT],
        ruled: false,
        pad: 0,
        rows: vec![Row {
            header: false,
            cells: vec![left, right],
        }],
    }
}

// ----- WordprocessingML ------------------------------------------------------------------------

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Text for XML content and attribute values.
fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"']) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out.into()
}

/// `w:rPr` in the order of CT_RPr: rFonts, b, bCs, i, iCs, sz, szCs.
fn run_properties(out: &mut String, size: u32, style: Style) {
    out.push_str("<w:rPr>");
    let _ = write!(
        out,
        "<w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>"
    );
    if style.bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    if style.italic {
        out.push_str("<w:i/><w:iCs/>");
    }
    let _ = write!(out, "<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>");
    out.push_str("</w:rPr>");
}

/// `w:p`; `w:pPr` children in the order of CT_PPrBase: keepNext, widowControl, pBdr,
/// spacing, ind, jc, then rPr.
fn paragraph(out: &mut String, p: &Para) {
    out.push_str("<w:p><w:pPr>");
    if p.keep_next {
        out.push_str("<w:keepNext/>");
    }
    if p.widow_control {
        out.push_str("<w:widowControl/>");
    }
    if let Some(size) = p.rule {
        let _ = write!(
            out,
            "<w:pBdr><w:top w:val=\"single\" w:sz=\"{size}\" w:space=\"0\" w:color=\"000000\"/></w:pBdr>"
        );
    }
    let (line, rule) = match p.line {
        Line::Auto(l) => (l, "auto"),
        Line::Exact(l) => (l, "exact"),
    };
    let _ = write!(
        out,
        "<w:spacing w:before=\"{}\" w:after=\"{}\" w:line=\"{line}\" w:lineRule=\"{rule}\"/>",
        p.before, p.after
    );
    if p.left != 0 || p.right != 0 || p.first != 0 {
        let _ = write!(out, "<w:ind w:left=\"{}\" w:right=\"{}\"", p.left, p.right);
        match p.first {
            0 => {}
            f if f > 0 => {
                let _ = write!(out, " w:firstLine=\"{f}\"");
            }
            f => {
                let _ = write!(out, " w:hanging=\"{}\"", -f);
            }
        }
        out.push_str("/>");
    }
    let jc = match p.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    };
    let _ = write!(out, "<w:jc w:val=\"{jc}\"/>");
    if let Some(level) = p.outline {
        let _ = write!(out, "<w:outlineLvl w:val=\"{}\"/>", level.min(8));
    }
    if p.mark_size > 0 {
        run_properties(out, p.mark_size, Style::PLAIN);
    }
    out.push_str("</w:pPr>");
    for run in &p.runs {
        out.push_str("<w:r>");
        match run {
            Run::Text { text, size, style } => {
                run_properties(out, *size, *style);
                let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", escape(text));
            }
            Run::Tab => out.push_str("<w:tab/>"),
            Run::PageNumber { size } => {
                run_properties(out, *size, Style::PLAIN);
                out.push_str("<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>");
                run_properties(out, *size, Style::PLAIN);
                out.push_str("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r>");
                run_properties(out, *size, Style::PLAIN);
                out.push_str("<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>");
                run_properties(out, *size, Style::PLAIN);
                out.push_str("<w:t>2</w:t></w:r><w:r>");
                run_properties(out, *size, Style::PLAIN);
                out.push_str("<w:fldChar w:fldCharType=\"end\"/>");
            }
        }
        out.push_str("</w:r>");
    }
    out.push_str("</w:p>");
}

/// `w:tbl`: tblPr (tblW, tblBorders, tblLayout, tblCellMar, tblLook), tblGrid, rows (trPr:
/// cantSplit, tblHeader), cells (tcPr: tcW, tcBorders, vAlign).
fn table(out: &mut String, t: &Table) {
    let total: u32 = t.widths.iter().sum();
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>"
    );
    let border = if t.ruled {
        format!("w:val=\"single\" w:sz=\"{TABLE_BORDER}\" w:space=\"0\" w:color=\"000000\"")
    } else {
        "w:val=\"nil\"".to_owned()
    };
    out.push_str("<w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(out, "<w:{side} {border}/>");
    }
    out.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/>");
    let _ = write!(
        out,
        "<w:tblCellMar><w:left w:w=\"{0}\" w:type=\"dxa\"/><w:right w:w=\"{0}\" w:type=\"dxa\"/></w:tblCellMar>",
        t.pad
    );
    out.push_str(
        "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" \
         w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
    );
    for w in &t.widths {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
    for row in &t.rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if row.header {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        for (cell, width) in row.cells.iter().zip(&t.widths) {
            let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
            if t.ruled {
                out.push_str("<w:tcBorders>");
                for side in ["top", "left", "bottom", "right"] {
                    let _ = write!(out, "<w:{side} {border}/>");
                }
                out.push_str("</w:tcBorders><w:vAlign w:val=\"center\"/>");
            }
            out.push_str("</w:tcPr>");
            if cell.is_empty() {
                // A cell must hold a paragraph.
                paragraph(out, &Para::new(Align::Left));
            }
            for p in cell {
                paragraph(out, p);
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

/// `word/document.xml`: the items, then the section: headers (the first page's empty), A4,
/// margins, title page on.
fn document_xml(items: &[Item]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(XML_DECL);
    let _ = write!(
        out,
        "<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>"
    );
    for item in items {
        match item {
            Item::P(p) => paragraph(&mut out, p),
            Item::Table(t) => table(&mut out, t),
        }
    }
    let _ = write!(
        out,
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>\
         <w:headerReference w:type=\"first\" r:id=\"rIdFirstHeader\"/>\
         <w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
         <w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>\
         <w:cols w:space=\"720\"/><w:titlePg/></w:sectPr></w:body></w:document>",
        page::WIDTH,
        page::HEIGHT,
        page::TOP,
        page::RIGHT,
        page::BOTTOM,
        page::LEFT,
        page::HEADER,
        page::FOOTER,
    );
    out
}

/// A header part holding one paragraph.
fn header_xml(p: &Para) -> String {
    let mut out = String::new();
    out.push_str(XML_DECL);
    let _ = write!(out, "<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">");
    paragraph(&mut out, p);
    out.push_str("</w:hdr>");
    out
}

/// `word/styles.xml`: Times New Roman at the body size, Vietnamese, no space around
/// paragraphs unless asked.
fn styles_xml(body: u32) -> String {
    format!(
        "{XML_DECL}<w:styles xmlns:w=\"{W_NS}\"><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>\
         <w:sz w:val=\"{body}\"/><w:szCs w:val=\"{body}\"/>\
         <w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
         </w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>\
         </w:tblCellMar></w:tblPr></w:style></w:styles>"
    )
}

/// `word/settings.xml`: Word 2013+ layout (not compatibility mode).
fn settings_xml() -> String {
    format!(
        "{XML_DECL}<w:settings xmlns:w=\"{W_NS}\"><w:zoom w:percent=\"100\"/>\
         <w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" \
         w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         </w:settings>"
    )
}

/// `docProps/core.xml`: the title; no dates, so the same report gives the same bytes.
fn core_xml(f: &FrameText) -> String {
    let title = [f.kind.as_str(), f.summary.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(" ");
    let title = sanitize_line(&title);
    format!(
        "{XML_DECL}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>",
        escape(&title)
    )
}

fn app_xml() -> String {
    format!(
        "{XML_DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>baocao {}</Application></Properties>",
        env!("CARGO_PKG_VERSION")
    )
}

const CONTENT_TYPES: &str = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

fn package_rels() -> String {
    format!(
        "{XML_DECL}<Relationships xmlns=\"{REL_NS}\">\
         <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

fn document_rels() -> String {
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    format!(
        "{XML_DECL}<Relationships xmlns=\"{REL_NS}\">\
         <Relationship Id=\"rIdStyles\" Type=\"{rel}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{rel}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rIdHeader\" Type=\"{rel}/header\" Target=\"header1.xml\"/>\
         <Relationship Id=\"rIdFirstHeader\" Type=\"{rel}/header\" Target=\"header2.xml\"/>\
         </Relationships>"
    )
}

/// The zip package, parts in a fixed order with a fixed time.
fn package(items: &[Item], f: &FrameText, body: u32) -> Vec<u8> {
    let number = Para {
        runs: vec![Run::PageNumber { size: body }],
        ..Para::new(Align::Center)
    };
    let parts: [(&str, String); 10] = [
        ("[Content_Types].xml", format!("{XML_DECL}{CONTENT_TYPES}")),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core_xml(f)),
        ("docProps/app.xml", app_xml()),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/document.xml", document_xml(items)),
        ("word/styles.xml", styles_xml(body)),
        ("word/settings.xml", settings_xml()),
        ("word/header1.xml", header_xml(&number)),
        ("word/header2.xml", header_xml(&Para::new(Align::Center))),
    ];
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, options)
            .and_then(|()| zip.write_all(text.as_bytes()).map_err(Into::into))
            .expect("writing a zip into memory cannot fail");
    }
    zip.finish()
        .expect("writing a zip into memory cannot fail")
        .into_inner()
}
