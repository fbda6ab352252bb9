//! Which sentence fits an answers file the YAML limits refused: maps the loader's [`Kind`]
//! (`TooDeep`, `TooManyElements`, `TooManyNodes`) to its sentence in `messages`, handing it the
//! limit it names.
//!
//! Must not: hold sentences (they are `messages`'), or read files.

use crate::messages;
use crate::questionnaire::{Kind, MAX_DEPTH};

/// The error for an answers file beyond the limits every YAML file is held to; `line` and `col`
/// are where it went beyond, `limit` the most elements an answers file may hold.
pub fn answers_beyond_limits(
    file: &str,
    line: usize,
    col: usize,
    kind: &Kind,
    limit: usize,
) -> String {
    match kind {
        Kind::TooDeep => messages::answers_too_deep(file, line, col, MAX_DEPTH),
        Kind::TooManyElements { .. } => messages::answers_too_many_elements(file, line, col, limit),
        _ => messages::answers_too_many_nodes(file, line, col, limit),
    }
}
