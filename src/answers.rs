//! Answers: what the official typed, typed by kind, and the file they live in.
//!
//! `value` holds the typed values, `store` the collection of one questionnaire's answers
//! (including answers that no longer fit the questionnaire, which are kept, never dropped),
//! `persist` the YAML file format and its atomic save, `journal` the record of every change
//! kept beside it until the next save, `unsaved` what of the answers in memory is not in the
//! journal or the file yet (and when to save), `check` the validation of one answer against
//! its question.
//!
//! Must not: know about terminals or report layout.

pub mod check;
pub mod journal;
pub mod persist;
pub mod store;
pub mod unsaved;
pub mod value;

pub use persist::{AnswersError, load, parse, save, to_yaml};
pub use store::{Answers, Kept, KeptReason};
pub use value::{AnswerValue, Cell, Row};
