//! WordprocessingML: runs, paragraphs and tables of the layout model as XML, their
//! properties in the order ECMA-376 prescribes, and the parts that hold them
//! (`word/document.xml` with its section, the header parts).
//!
//! Must not: decide the layout (the other parts do), or know the package's other parts
//! (`package`).

use std::fmt::Write as _;

use super::para::{Align, Item, Line, Para, Run, Style, Table};
use super::{FONT, TABLE_BORDER, page};

pub(super) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(super) const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub(super) const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Text for XML content and attribute values.
pub(super) fn escape(s: &str) -> std::borrow::Cow<'_, str> {
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
pub(super) fn document_xml(items: &[Item]) -> String {
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
pub(super) fn header_xml(p: &Para) -> String {
    let mut out = String::new();
    out.push_str(XML_DECL);
    let _ = write!(out, "<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">");
    paragraph(&mut out, p);
    out.push_str("</w:hdr>");
    out
}
