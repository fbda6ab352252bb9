//! Plain-text and Markdown writers for a [`Document`].
//!
//! Owns: the text layout — body paragraphs one per line (never hard-wrapped, so they paste
//! cleanly), the NĐ 30 header and signer blocks as two columns aligned by display width
//! (`unicode-width`), tables drawn with box characters, Markdown equivalents, and the final
//! clean-up that keeps control and escape characters out of the output (the clean-up itself is
//! [`crate::text`]'s, re-exported here).
//!
//! Must not: build documents or read answers.

use super::document::{Block, Document, FrameText, TableBlock, join_number};
use crate::messages;
pub use crate::text::{clean_line, clean_text, sanitize_line};
use crate::vn::{center, display_width, pad_right};

/// Output format for [`render`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

/// Width of the full text layout, in display columns.
const PAGE: usize = 80;
/// Width of the left column of the header and signer blocks.
const LEFT: usize = 36;

/// Writes a document. `full` adds the NĐ 30 header and signer blocks.
pub fn render(doc: &Document, format: Format, full: bool) -> String {
    let lines = match format {
        Format::Text => plain(doc, full),
        Format::Markdown => markdown(doc, full),
    };
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    // A line may hold several lines (a multi-line bullet); each is checked on its own.
    for line in lines.iter().flat_map(|l| l.split('\n')) {
        out.push_str(&clean_line(line));
        out.push('\n');
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

fn plain(doc: &Document, full: bool) -> Vec<String> {
    let f = &doc.frame;
    let mut out = Vec::new();
    if full {
        header_block(f, &mut out);
        out.push(String::new());
    }
    if full {
        // In the full layout the title block is centred, the summary wrapped like a printed page.
        push_centered(&mut out, &f.kind, PAGE);
        for line in wrap(&f.summary, PAGE - 10) {
            push_centered(&mut out, &line, PAGE);
        }
    } else {
        // Body only: one line each, as the report's body would be pasted elsewhere.
        out.extend(
            [f.kind.clone(), f.summary.clone()]
                .into_iter()
                .filter(|l| !l.is_empty()),
        );
    }
    if full {
        out.push(center(&"─".repeat(12), PAGE));
        if !f.to.is_empty() {
            out.push(String::new());
        }
    }
    to_lines(f, &mut out);
    if full {
        out.push(String::new());
    }
    plain_blocks(&doc.body, &mut out);
    if !f.closing.is_empty() {
        out.push(f.closing.clone());
    }
    if full {
        out.push(String::new());
        signer_block(f, &mut out);
    }
    out
}

fn plain_blocks(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Heading { number, text, .. } => out.push(join_number(number, text)),
            Block::Paragraph {
                lead: Some(lead),
                text,
            } => out.push(format!("{} {text}", lead.printed())),
            Block::Paragraph { lead: None, text } | Block::Note(text) => out.push(text.clone()),
            Block::Bullets(items) => out.extend(items.iter().map(|i| bullet(i, str::to_owned))),
            Block::Table(table) => out.extend(table_lines(table)),
        }
    }
}

/// Some body blocks as plain text lines (the wizard's preview of one section), sanitised.
pub fn blocks_as_lines(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    plain_blocks(blocks, &mut out);
    out.iter()
        .flat_map(|l| l.split('\n'))
        .map(sanitize_line)
        .collect()
}

/// "- item", with the item's further lines indented under its first (plain text and Markdown
/// both read that as one item).
fn bullet(item: &str, line: impl Fn(&str) -> String) -> String {
    if !item.contains('\n') {
        return format!("- {}", line(item.trim()));
    }
    let lines: Vec<String> = item
        .lines()
        .map(|l| line(l.trim()))
        .filter(|l| !l.is_empty())
        .collect();
    format!("- {}", lines.join("\n  "))
}

/// A table cell on one line: a line break inside a cell would break the table's drawing.
fn one_line(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.contains(['\n', '\r', '\t']) {
        cell.split_whitespace().collect::<Vec<_>>().join(" ").into()
    } else {
        cell.into()
    }
}

fn push_centered(out: &mut Vec<String>, text: &str, width: usize) {
    if !text.is_empty() {
        out.push(if width == 0 {
            text.to_owned()
        } else {
            center(text, width)
        });
    }
}

fn to_lines(f: &FrameText, out: &mut Vec<String>) {
    match f.to.as_slice() {
        [] => {}
        [one] => out.push(format!("{} {one}", messages::TO_LABEL)),
        many => {
            out.push(messages::TO_LABEL.to_owned());
            out.extend(many.iter().map(|r| format!("- {r}")));
        }
    }
}

/// Word-wraps `text` to `width` display columns. A line that fits is kept exactly (the
/// blanks of "Số:      /BC-UBND" matter); a "- " item wraps with a hanging indent.
fn wrap(text: &str, width: usize) -> Vec<String> {
    if display_width(text) <= width {
        return vec![text.to_owned()];
    }
    let hang = if text.starts_with("- ") { "  " } else { "" };
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && display_width(&line) + 1 + display_width(word) > width {
            lines.push(std::mem::take(&mut line));
            line.push_str(hang);
        }
        if !line.is_empty() && line != hang {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Two columns side by side, each line centred in its column.
fn columns(left: &[String], right: &[String], out: &mut Vec<String>, centre_left: bool) {
    let right_width = PAGE - LEFT;
    let left: Vec<String> = left.iter().flat_map(|l| wrap(l, LEFT - 2)).collect();
    let right: Vec<String> = right.iter().flat_map(|l| wrap(l, right_width)).collect();
    for i in 0..left.len().max(right.len()) {
        let l = left.get(i).map_or("", String::as_str);
        let r = right.get(i).map_or("", String::as_str);
        let l = if centre_left {
            center(l, LEFT)
        } else {
            l.to_owned()
        };
        let line = format!("{}{}", pad_right(&l, LEFT), center(r, right_width));
        out.push(line.trim_end().to_owned());
    }
}

fn header_block(f: &FrameText, out: &mut Vec<String>) {
    let mut left: Vec<String> = f.parent.iter().chain(&f.issuer).cloned().collect();
    if !left.is_empty() {
        left.push("─".repeat(10));
    }
    let right = vec![
        messages::NATION.to_owned(),
        messages::MOTTO.to_owned(),
        "─".repeat(display_width(messages::MOTTO)),
    ];
    columns(&left, &right, out, true);
    let number = if f.number.is_empty() {
        Vec::new()
    } else {
        vec![f.number.clone()]
    };
    let place = if f.place_date.is_empty() {
        Vec::new()
    } else {
        vec![f.place_date.clone()]
    };
    columns(&number, &place, out, true);
}

fn signer_block(f: &FrameText, out: &mut Vec<String>) {
    let mut left = Vec::new();
    if !f.cc.is_empty() {
        left.push(messages::CC_LABEL.to_owned());
        left.extend(f.cc.iter().map(|c| format!("- {c}")));
    }
    let mut right: Vec<String> = f.authority.clone();
    if !f.signer_title.is_empty() {
        right.push(f.signer_title.clone());
    }
    if !f.signer_name.is_empty() {
        right.extend([String::new(), String::new(), String::new()]);
        right.push(f.signer_name.clone());
    }
    columns(&left, &right, out, false);
}

fn table_lines(t: &TableBlock) -> Vec<String> {
    let n = t.header.len();
    let all_rows = std::iter::once(&t.header)
        .chain(&t.rows)
        .chain(t.total.iter());
    let mut widths = vec![0; n];
    for row in all_rows {
        for (i, cell) in row.iter().enumerate().take(n) {
            widths[i] = widths[i].max(display_width(&one_line(cell)));
        }
    }
    let rule = |l: &str, m: &str, r: &str| {
        let parts: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
        format!("{l}{}{r}", parts.join(m))
    };
    let line = |row: &Vec<String>, header: bool| {
        let cells: Vec<String> = (0..n)
            .map(|i| {
                let cell = row.get(i).map_or("".into(), |c| one_line(c));
                let cell = cell.as_ref();
                let pad = widths[i] - display_width(cell);
                if header {
                    let left = pad / 2;
                    format!(" {}{cell}{} ", " ".repeat(left), " ".repeat(pad - left))
                } else if t.numeric.get(i).copied().unwrap_or(false) {
                    format!(" {}{cell} ", " ".repeat(pad))
                } else {
                    format!(" {cell}{} ", " ".repeat(pad))
                }
            })
            .collect();
        format!("│{}│", cells.join("│"))
    };
    let mut out = vec![
        rule("┌", "┬", "┐"),
        line(&t.header, true),
        rule("├", "┼", "┤"),
    ];
    out.extend(t.rows.iter().map(|r| line(r, false)));
    if let Some(total) = &t.total {
        out.push(rule("├", "┼", "┤"));
        out.push(line(total, false));
    }
    out.push(rule("└", "┴", "┘"));
    out
}

/// Two blocks side by side as a one-row Markdown table (the NĐ 30 header and signer blocks).
fn md_columns(left: &[String], right: &[String], left_align: &str, out: &mut Vec<String>) {
    out.push(format!(
        "| {} | {} |",
        left.join("<br>"),
        right.join("<br>")
    ));
    out.push(format!("|{left_align}|:---:|"));
}

/// Markdown for a frame line whose blanks matter ("Số:      /BC-UBND"): runs of spaces kept.
fn md_keep_blanks(s: &str) -> String {
    md_escape(s).replace("  ", "&nbsp;&nbsp;")
}

/// Markdown for text that starts a line: also escapes what would start a heading, a quote or a
/// list ("# ", "> ", "+ ", "1. ").
fn md_block(s: &str) -> String {
    let escaped = md_escape(s);
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    if escaped.starts_with(['#', '>', '+', '-', '=']) {
        format!("\\{escaped}")
    } else if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else {
        escaped
    }
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '|' | '<' | '>' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(doc: &Document, full: bool) -> Vec<String> {
    let f = &doc.frame;
    let mut out = Vec::new();
    if full {
        md_header(f, &mut out);
    }
    md_title(f, &mut out);
    for block in &doc.body {
        md_body_block(block, &mut out);
        out.push(String::new());
    }
    if !f.closing.is_empty() {
        out.push(md_escape(&f.closing));
        out.push(String::new());
    }
    if full {
        md_signer(f, &mut out);
    }
    out
}

/// The NĐ 30 header block: issuing body and number | national title, motto, place and date.
fn md_header(f: &FrameText, out: &mut Vec<String>) {
    let mut left: Vec<String> = f.parent.iter().map(|l| md_escape(l)).collect();
    left.extend(f.issuer.iter().map(|l| format!("**{}**", md_escape(l))));
    if !f.number.is_empty() {
        left.push(md_keep_blanks(&f.number));
    }
    let mut right = vec![
        format!("**{}**", messages::NATION),
        format!("**{}**", md_escape(messages::MOTTO)),
    ];
    if !f.place_date.is_empty() {
        right.push(format!("*{}*", md_keep_blanks(&f.place_date)));
    }
    md_columns(&left, &right, ":---:", out);
    out.push(String::new());
}

/// The kind of report as the title, the summary, and "Kính gửi".
fn md_title(f: &FrameText, out: &mut Vec<String>) {
    out.push(format!("# {}", md_escape(&f.kind)));
    out.push(String::new());
    if !f.summary.is_empty() {
        out.push(format!("**{}**", md_escape(&f.summary)));
        out.push(String::new());
    }
    let mut to = Vec::new();
    to_lines(f, &mut to);
    for line in to {
        out.push(md_escape(&line));
        out.push(String::new());
    }
}

/// One body block (without the blank line that follows it).
fn md_body_block(block: &Block, out: &mut Vec<String>) {
    match block {
        Block::Heading {
            level,
            number,
            text,
        } => {
            let hashes = "#".repeat((level + 1).min(6));
            out.push(format!(
                "{hashes} {}",
                md_escape(&join_number(number, text))
            ));
        }
        Block::Paragraph {
            lead: Some(lead),
            text,
        } => out.push(format!(
            "**{}** {}",
            md_escape(&lead.printed()),
            md_escape(text)
        )),
        Block::Paragraph { lead: None, text } => out.push(md_block(text)),
        Block::Note(text) => out.push(format!("*{}*", md_escape(text))),
        Block::Bullets(items) => {
            out.extend(items.iter().map(|i| bullet(i, md_block)));
        }
        Block::Table(t) => md_table(t, out),
    }
}

/// A table of figures: numbers right-aligned, the totals row bold.
fn md_table(t: &TableBlock, out: &mut Vec<String>) {
    let row = |cells: &Vec<String>| {
        format!(
            "| {} |",
            cells
                .iter()
                .map(|c| md_escape(&one_line(c)))
                .collect::<Vec<_>>()
                .join(" | ")
        )
    };
    out.push(row(&t.header));
    out.push(format!(
        "|{}|",
        t.numeric
            .iter()
            .map(|n| if *n { "---:" } else { ":---" })
            .collect::<Vec<_>>()
            .join("|")
    ));
    out.extend(t.rows.iter().map(row));
    if let Some(total) = &t.total {
        let cells: Vec<String> = total
            .iter()
            .map(|c| {
                if c.is_empty() {
                    String::new()
                } else {
                    format!("**{}**", md_escape(c))
                }
            })
            .collect();
        out.push(format!("| {} |", cells.join(" | ")));
    }
}

/// The signer block: "Nơi nhận" and its list | authority, title, room to sign, name.
fn md_signer(f: &FrameText, out: &mut Vec<String>) {
    let mut left = Vec::new();
    if !f.cc.is_empty() {
        left.push(format!("***{}***", messages::CC_LABEL));
        left.extend(f.cc.iter().map(|c| format!("\\- {}", md_escape(c))));
    }
    let mut right: Vec<String> = f
        .authority
        .iter()
        .map(|a| format!("**{}**", md_escape(a)))
        .collect();
    if !f.signer_title.is_empty() {
        right.push(format!("**{}**", md_escape(&f.signer_title)));
    }
    if !f.signer_name.is_empty() {
        right.extend(["&nbsp;".to_owned(), "&nbsp;".to_owned()]);
        right.push(format!("**{}**", md_escape(&f.signer_name)));
    }
    md_columns(&left, &right, ":---", out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_what_the_text_means() {
        assert_eq!(md_block("# không phải tiêu đề"), "\\# không phải tiêu đề");
        assert_eq!(
            md_block("1. không phải danh sách"),
            "1\\. không phải danh sách"
        );
        assert_eq!(md_block("2025 là năm"), "2025 là năm");
        assert_eq!(
            md_keep_blanks("Số:    /BC-UBND"),
            "Số:&nbsp;&nbsp;&nbsp;&nbsp;/BC-UBND"
        );
        assert_eq!(md_escape("a|b*c"), "a\\|b\\*c");
    }

    #[test]
    fn wrapping_keeps_short_lines_exact_and_hangs_items() {
        assert_eq!(wrap("Số:      /BC-UBND", 30), vec!["Số:      /BC-UBND"]);
        assert_eq!(wrap("- một hai ba bốn", 9), vec!["- một hai", "  ba bốn"]);
    }

    #[test]
    fn multi_line_items_and_cells_keep_the_layout() {
        assert_eq!(bullet("một\nhai", str::to_owned), "- một\n  hai");
        let t = TableBlock {
            header: vec!["A".into(), "B".into()],
            rows: vec![vec!["x\ny".into(), "1".into()]],
            numeric: vec![false, true],
            total: None,
        };
        let lines = table_lines(&t);
        assert!(lines.iter().any(|l| l.contains("x y")), "{lines:?}");
        let widths: Vec<usize> = lines.iter().map(|l| display_width(l)).collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{lines:?}");
    }
}
