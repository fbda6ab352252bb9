//! Reports: from a questionnaire and its answers to a finished document.
//!
//! `document` is the backend-neutral shape of a report (frame texts and body blocks), `build`
//! fills it from questionnaire + answers honouring conditions, `text` writes it as plain text
//! or Markdown, `docx` as a Word file laid out by NĐ 30 (`metrics` measures its rules), and
//! `encode` chooses between them by [`FileFormat`], for every caller.
//!
//! Must not: know about terminals, or read and write files.

pub mod build;
pub mod document;
pub mod docx;
pub mod encode;
mod metrics;
pub mod preview;
pub mod text;

pub use build::{
    Applied, Evaluated, OutlineEntry, Problem, RenderError, applicability, build, build_checked,
    evaluate, outline, problems, text_for, try_text_for,
};
pub use document::{Block, Document, FrameText, Lead, TableBlock};
pub use docx::BodySize;
pub use encode::{BadName, FileFormat, base_name, default_file_name, encode};
pub use text::{Format, blocks_as_lines, clean_text, render, sanitize_line};
