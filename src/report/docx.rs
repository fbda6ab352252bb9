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
//! needs are written in `xml` in schema order; the tests read the files back with docx-rs.
//!
//! The parts: `para` is the layout model (runs, paragraphs, tables) and the shapes every part
//! shares; `frame` lays out the NĐ 30 header, title and signer blocks; `body` the headings,
//! paragraphs, bullets and notes; `table` the data tables and their column widths; `xml`
//! writes the model as WordprocessingML; `package` adds the other parts and zips them. This
//! file holds the page, the measures they share, and [`write`], which puts them in order.
//!
//! Must not: read the questionnaire or answers (only [`Document`]), or write files.

mod body;
mod frame;
mod package;
mod para;
mod table;
mod xml;

use super::document::{Block, Document};
use body::body_paragraphs;
use frame::{has_signer, header_table, signer_table, title_block};
use package::package;
use para::{Item, Style, body_paragraph, clean_lines, spacer};
use table::data_table;

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
