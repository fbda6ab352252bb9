//! baocao — a terminal wizard that helps Vietnamese local officials write administrative
//! reports from a YAML questionnaire, laid out by Nghị định 30/2020/NĐ-CP.
//!
//! The core — [`questionnaire`] (format and loading), [`answers`] (values and their file),
//! [`template`] (the MiniJinja engine used for conditions and text), [`report`] (documents and
//! their text forms) and [`vn`] (Vietnamese dates and numbers) — knows nothing about terminals.
//! [`files`] reads with a size limit and writes atomically; [`session`] keeps one writer per
//! answers file and gets back what a crash left in the journal. [`cli`] wires them into
//! commands; [`compare`] says what changed between two questionnaire versions. Two front ends
//! drive the same core: [`tui`] (the full-screen wizard) and [`plain`] (one question at a time
//! on ordinary lines). [`messages`] holds every sentence the user reads. Two leaves serve the
//! core: [`value`] (answer values, which the questionnaire's defaults need) and [`text`] (line
//! clean-up and spelling suggestions).
//!
//! The core stands in layers, each importing only lower ones (tests/architecture.rs):
//! `vn`, `files` → `text` → `messages` → `value` → `template` → `questionnaire` → `answers` →
//! `report` → `compare` → `flow`, `session` → `tui`, `plain` → `cli`.

pub mod answers;
pub mod cli;
pub mod compare;
pub mod files;
pub mod flow;
pub mod messages;
pub mod plain;
pub mod questionnaire;
pub mod report;
pub mod session;
pub mod template;
pub mod text;
pub mod tui;
pub mod value;
pub mod vn;
