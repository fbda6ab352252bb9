//! `baocao check`'s work beyond the load: every template rendered with sample answers
//! (`samples.rs`) and probed against the render budget with the longest answers allowed
//! (`budget.rs`), so that a questionnaire that passes `check` does not fail in an official's
//! hands. `lint.rs` then adds warnings for likely slips.
//!
//! Owns: building a questionnaire with these renders added to the loader's checks; their
//! problems are reported with the loader's, in file order.
//!
//! Must not: run on a plain load — `render`, `preview` and the wizard only load (a
//! questionnaire that loads is renderable; the render's own budget and errors still hold).

mod budget;
mod samples;

use super::build;
use super::diag::Diagnostic;
use super::model::Questionnaire;
use super::yaml::Node;

/// Builds the model as the loader does, then renders every template with sample answers and
/// probes the budgets.
pub(super) fn build(
    root: &Node,
    source: &str,
    hash: String,
) -> Result<Questionnaire, Vec<Diagnostic>> {
    build::build_then(root, source, hash, samples::try_all)
}
