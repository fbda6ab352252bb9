//! A finished report as the bytes of a file: the one place where an output format is chosen.
//!
//! Owns: [`FileFormat`] (the formats a report is written in, with their file extensions),
//! [`default_file_name`] (what a report is called unless the official says otherwise),
//! [`base_name`] (a typed name made one that every format's extension is added to), and
//! [`encode`], which serves both the command line (`cli::emit`) and the wizard's export dialog,
//! so the two always write the same bytes.
//!
//! Must not: write files, or know who asked (terminal, command line).

use super::document::Document;
use super::docx::{self, BodySize};
use super::text::{self, Format};

/// A format a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// A Word file laid out by NĐ 30.
    Word,
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
}

impl FileFormat {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Word => "docx",
            FileFormat::Text => "txt",
            FileFormat::Markdown => "md",
        }
    }
}

/// `doc` in `format`: `full` includes the NĐ 30 header and signature blocks; `size` is the
/// body's font size of a Word file (the text formats have none).
pub fn encode(format: FileFormat, doc: &Document, full: bool, size: BodySize) -> Vec<u8> {
    match format {
        FileFormat::Word => docx::write(doc, full, size),
        FileFormat::Text => text::render(doc, Format::Text, full).into_bytes(),
        FileFormat::Markdown => text::render(doc, Format::Markdown, full).into_bytes(),
    }
}

/// "ct1322-so-ket-2021-2025" + "UBND XÃ BA ĐÌNH" → "ct1322-so-ket-2021-2025-ubnd-xa-ba-dinh".
pub fn default_file_name(questionnaire_id: &str, issuer: &str) -> String {
    let slug: String = crate::messages::ascii_fold(issuer)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        questionnaire_id.to_owned()
    } else {
        format!("{questionnaire_id}-{slug}")
    }
}

/// Why a typed file name cannot name an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadName {
    /// Nothing but an extension (or nothing) was typed.
    Empty,
    /// It holds a folder separator or `:`, or starts with a dot.
    NotAName,
}

/// The name every format's extension is added to, from what the official typed: trimmed, a
/// typed `.txt`, `.md` or `.docx` (any case) taken off.
pub fn base_name(typed: &str) -> Result<String, BadName> {
    let mut name = typed.trim();
    for ext in [".txt", ".md", ".docx"] {
        if name.len() > ext.len() && name.to_lowercase().ends_with(ext) {
            name = name[..name.len() - ext.len()].trim_end();
        }
    }
    if name.is_empty() {
        return Err(BadName::Empty);
    }
    if name.contains(['/', '\\', ':']) || name.starts_with('.') {
        return Err(BadName::NotAName);
    }
    Ok(name.to_owned())
}
