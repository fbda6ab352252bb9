//! Questionnaires: the YAML files that mirror a report's structure.
//!
//! Loading runs in two stages: `yaml` turns text into a tree of positioned nodes (syntax,
//! size, depth and alias limits), then `build` turns that tree into the validated model and
//! cross-checks it (names, structure, compiled templates), reporting every problem at once.
//! `check` adds what only `baocao check` pays for: every template rendered with sample answers
//! and probed against the render budget. `diag` holds the problem kinds and how they are
//! shown, `explain` which sentence of `messages` says each; `lint` finds likely slips in a
//! questionnaire that loads; `schema` lists every key the loader accepts, with its
//! description, and prints
//! them as a JSON Schema for editors. The built-in questionnaire is compiled into the binary.
//!
//! Must not: know about terminals, answers files or output formats; import `answers`, `report`
//! or `compare` (answer values for defaults come from the leaf `crate::value`).

mod build;
mod check;
pub mod diag;
pub mod explain;
pub mod lint;
pub mod model;
pub mod schema;
mod yaml;

pub use yaml::{Limits, MAX_BYTES, MAX_DEPTH, MAX_NODES as MAX_ELEMENTS, within as within_limits};

use std::path::Path;

/// Spelling suggestions live in the leaf `crate::text`; re-exported for the loader's callers.
pub use crate::text::closest;
pub use diag::{Diagnostic, Kind, LoadError, Pos};
pub use model::{
    CellKind, Column, Condition, Frame, NumberStyle, Pattern, Question, QuestionKind,
    Questionnaire, Section, TableSpec, Text, Validation,
};

/// The built-in questionnaire's file name.
pub const BUILTIN_NAME: &str = "ct1322-so-ket-2021-2025.yaml";
/// The built-in questionnaire's text.
pub const BUILTIN_SOURCE: &str = include_str!("../questionnaires/ct1322-so-ket-2021-2025.yaml");

/// Loads a questionnaire from a file.
pub fn load_path(path: &Path) -> Result<Questionnaire, LoadError> {
    read_then(path, load_bytes)
}

/// Loads a questionnaire from a file as `baocao check` does: the load, then every template
/// rendered with sample answers and probed against the render budget.
pub fn check_path(path: &Path) -> Result<Questionnaire, LoadError> {
    read_then(path, check_bytes)
}

/// Reads a questionnaire file (within [`MAX_BYTES`]) and hands its bytes to `load`.
fn read_then(
    path: &Path,
    load: fn(&str, &[u8]) -> Result<Questionnaire, LoadError>,
) -> Result<Questionnaire, LoadError> {
    let file = path.display().to_string();
    let bytes = crate::files::read_limited(path, MAX_BYTES).map_err(|err| LoadError {
        file: file.clone(),
        source: None,
        diagnostics: vec![Diagnostic::new(
            Pos::START,
            Kind::Unreadable {
                detail: crate::messages::io_detail(&err),
            },
        )],
    })?;
    load(&file, &bytes)
}

/// Loads a questionnaire from bytes; `file` names it in messages. Checks what is cheap and
/// static (syntax, structure, names, compiled templates); templates are not rendered.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Questionnaire, LoadError> {
    load_with(file, bytes, build::build)
}

/// Loads a questionnaire from bytes as `baocao check` does (see [`check_path`]).
pub fn check_bytes(file: &str, bytes: &[u8]) -> Result<Questionnaire, LoadError> {
    load_with(file, bytes, check::build)
}

/// The two loading stages, with `build` as the second.
fn load_with(
    file: &str,
    bytes: &[u8],
    build: fn(&yaml::Node, &str, String) -> Result<Questionnaire, Vec<Diagnostic>>,
) -> Result<Questionnaire, LoadError> {
    let source = || (bytes.len() <= MAX_BYTES).then(|| String::from_utf8_lossy(bytes).into_owned());
    let fail = |source: Option<String>, diagnostics| LoadError {
        file: file.to_owned(),
        source,
        diagnostics,
    };
    let (text, root) = yaml::parse(bytes).map_err(|d| fail(source(), d))?;
    build(&root, &text, content_hash(bytes)).map_err(|d| fail(Some(text.clone()), d))
}

/// Loads the built-in questionnaire.
pub fn builtin() -> Result<Questionnaire, LoadError> {
    load_bytes(BUILTIN_NAME, BUILTIN_SOURCE.as_bytes())
}

/// Loads the built-in questionnaire as `baocao check` does.
pub fn check_builtin() -> Result<Questionnaire, LoadError> {
    check_bytes(BUILTIN_NAME, BUILTIN_SOURCE.as_bytes())
}

/// A short, stable hash of a questionnaire's bytes (64-bit FNV-1a, in hex). It only tells
/// whether the questionnaire changed since answers were saved; it is not a security measure,
/// so it need not be a cryptographic hash (SHA-256 took 7 % of a whole render).
pub fn content_hash(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}
