//! The NĐ 30 frame of a Word report: the header block (issuing body and number | national
//! title, motto, place and date), the title block ("BÁO CÁO", the summary and its rule,
//! "Kính gửi"), and the signer block ("Nơi nhận" | authority, title, room to sign, name).
//!
//! Must not: lay out the body (`body`, `table`) or write XML.

use super::para::{
    Align, Para, Row, Run, Style, Table, centred, clean_lines, rule, spacer, widest,
};
use super::{BodySize, SIGNATURE_GAP, page};
use crate::messages;
use crate::report::document::FrameText;
use crate::report::metrics;

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
pub(super) fn header_table(f: &FrameText, size: BodySize) -> Table {
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
pub(super) fn title_block(f: &FrameText, body: u32, full: bool) -> Vec<Para> {
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

pub(super) fn has_signer(f: &FrameText) -> bool {
    !f.authority.is_empty() || !f.signer_title.is_empty() || !f.signer_name.is_empty()
}

/// The signer block: "Nơi nhận" and its list | authority, title, room to sign, name.
pub(super) fn signer_table(f: &FrameText, body: u32) -> Table {
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
