//! Answers: what the official typed, typed by kind, and the file they live in.
//!
//! The typed values live in the leaf [`crate::value`] (re-exported here as `value`, so the
//! questionnaire can hold defaults without importing answers); `store` the collection of one
//! questionnaire's answers (including answers that no longer fit the questionnaire, which are
//! kept, never dropped), `persist` the YAML file format and its atomic save, `raw` the reading
//! of its YAML (once, on the event stream the questionnaire loader reads too), `journal` the
//! record of every change kept beside it until the next save, `unsaved` what of the answers in
//! memory is not in the journal or the file yet (and when to save), `check` the validation of
//! one answer against its question, `grid` a table answer as a grid of typed cells,
//! `typed` what the official typed read as an answer of
//! its kind (numbers, dates, list items), `explain` which sentence fits a file the YAML limits
//! refused.
//!
//! Must not: know about terminals or report layout.

pub mod check;
pub mod explain;
pub mod grid;
pub mod journal;
pub mod persist;
pub mod raw;
pub mod store;
pub mod typed;
pub mod unsaved;
pub use crate::value;

pub use crate::value::{AnswerValue, Cell, Row};
pub use persist::{AnswersError, load, parse, save, to_yaml};
pub use store::{Answers, Kept, KeptReason};
