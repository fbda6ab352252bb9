//! Answers: what the official typed, typed by kind, and the file they live in.
//!
//! `value` holds the typed values, `store` the collection of one questionnaire's answers
//! (including answers that no longer fit the questionnaire, which are kept, never dropped),
//! `persist` the YAML file format and its atomic save, `raw` the reading of its YAML (once, on
//! the event stream the questionnaire loader reads too), `journal` the record of every change
//! kept beside it until the next save, `check` the validation of one answer against its
//! question.
//!
//! Must not: know about terminals or report layout.

pub mod check;
pub mod journal;
pub mod persist;
pub mod raw;
pub mod store;
pub mod value;

pub use persist::{AnswersError, load, parse, save, to_yaml};
pub use store::{Answers, Kept, KeptReason};
pub use value::{AnswerValue, Cell, Row};
