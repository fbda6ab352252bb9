//! The plain mode's `:xong`: the report written as .txt and .docx beside the answers file.
//!
//! Owns: the export's file name (typed, or the default one), the files' folder, writing them
//! atomically and saying what was written or why not.
//!
//! Must not: read input other than through the session, build the report (the core's
//! `flow::Evaluation` has it), or lay it out (`report::encode` does).

use std::io::Write;
use std::path::PathBuf;

use super::Session;
use crate::messages::{self, plain as words};
use crate::report::{self, BodySize, FileFormat};

impl<W: Write> Session<W> {
    /// `:xong`: the report written as .txt and .docx beside the answers file.
    pub(super) fn export(&mut self, name: Option<&str>) {
        let doc = match &self.eval.document {
            Ok(doc) => doc,
            Err(err) => {
                let message = words::report_failed(&err.to_string());
                self.say(&message);
                return;
            }
        };
        let issuer = doc.frame.issuer.last().cloned().unwrap_or_default();
        let typed = name.map_or_else(
            || report::default_file_name(&self.q.id, &issuer),
            str::to_owned,
        );
        let Ok(name) = report::base_name(&typed) else {
            self.say(&words::refused(words::EXPORT_BAD_NAME));
            return;
        };
        let folder = self
            .answers_path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), PathBuf::from);
        let mut written = Vec::new();
        for format in [FileFormat::Text, FileFormat::Word] {
            let path = folder.join(format!("{name}.{}", format.extension()));
            let bytes = report::encode(format, doc, true, BodySize::default());
            if let Err(e) = crate::files::write_atomic(&path, &bytes) {
                let message =
                    words::export_failed(&crate::files::shown(&path), &messages::io_detail(&e));
                self.say(&message);
                return;
            }
            written.push(crate::files::shown(&path));
        }
        self.say(&words::exported(&written.join(", ")));
    }
}
