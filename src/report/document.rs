//! The shape of a finished report, independent of the output format.
//!
//! Owns: [`Document`] — the NĐ 30 frame as plain strings ([`FrameText`]) and the body as
//! [`Block`]s (headings with their printed numbers, paragraphs that may open with a run-in
//! heading, bullet lists, tables with computed totals already filled in).
//!
//! Must not: hold templates, answers or questionnaire types: everything here is final text.

/// A finished report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub frame: FrameText,
    pub body: Vec<Block>,
    /// For each body block, the depth-first index of the section that produced it (the
    /// wizard previews one section's blocks).
    pub origins: Vec<usize>,
}

/// The frame around the body, every part already rendered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrameText {
    /// The parent body's lines (cơ quan chủ quản, "UBND TỈNH QUẢNG NGÃI"), printed upright.
    pub parent: Vec<String>,
    /// The issuing body's lines ("ỦY BAN NHÂN DÂN", "XÃ BA DINH"), printed bold.
    pub issuer: Vec<String>,
    /// "Số: 12/BC-UBND".
    pub number: String,
    /// "Ba Dinh, ngày 05 tháng 8 năm 2025".
    pub place_date: String,
    /// "BÁO CÁO".
    pub kind: String,
    pub summary: String,
    /// "Kính gửi" recipients.
    pub to: Vec<String>,
    /// The closing sentence, ending in "./.".
    pub closing: String,
    /// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH".
    pub authority: Vec<String>,
    pub signer_title: String,
    pub signer_name: String,
    /// "Nơi nhận" lines, without the leading "- ".
    pub cc: Vec<String>,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading on its own line. `number` is "II.", "1.", "1.1." or empty.
    Heading {
        level: usize,
        number: String,
        text: String,
    },
    /// A paragraph, possibly opening with a run-in heading.
    Paragraph { lead: Option<Lead>, text: String },
    /// A bullet list ("- item").
    Bullets(Vec<String>),
    /// A table.
    Table(TableBlock),
    /// A note for the questionnaire's author, not report text: a `baocao preview` marks the
    /// condition a part depends on with it. Never produced from answers.
    Note(String),
}

/// A run-in heading: "1.1. Hoàn thiện chính sách" before ": text".
#[derive(Debug, Clone, PartialEq)]
pub struct Lead {
    pub level: usize,
    pub number: String,
    pub text: String,
}

impl Lead {
    /// "1.1. Hoàn thiện chính sách:" — the heading as printed before its text.
    pub fn printed(&self) -> String {
        let head = join_number(&self.number, &self.text);
        if head.ends_with(':') {
            head
        } else {
            format!("{head}:")
        }
    }
}

/// "II." + "TEXT" → "II. TEXT"; no number → the text alone.
pub fn join_number(number: &str, text: &str) -> String {
    if number.is_empty() {
        text.to_owned()
    } else {
        format!("{number} {text}")
    }
}

/// A table with its header, body rows and optional totals row, all as display strings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableBlock {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Whether each column holds numbers (right-aligned).
    pub numeric: Vec<bool>,
    pub total: Option<Vec<String>>,
}
