//! Typed answer values.
//!
//! Owns: [`AnswerValue`] (one variant per kind of question), [`Cell`] and [`Row`] for tables,
//! and how a value is shown in plain Vietnamese text ("1.250.000", "31/7/2025", "Có").
//!
//! A leaf below the questionnaire: the model's defaults and the template engine use these types
//! without importing `answers`. It imports only `messages` and `vn`.
//!
//! Must not: know where answers are stored or which question they belong to.

use indexmap::IndexMap;

use crate::messages;
use crate::vn::{self, Date};

/// One table row: column id → cell. Columns missing from the map are empty.
pub type Row = IndexMap<String, Cell>;

/// An answer, typed by the kind of its question.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    /// `text` and `paragraph`.
    Text(String),
    /// `integer`.
    Integer(i64),
    /// `decimal` (always finite).
    Decimal(f64),
    /// `date`.
    Date(Date),
    /// `yes_no`.
    Bool(bool),
    /// `choice`: an option's text, or the free "other" text.
    Choice(String),
    /// `choices`: the chosen options' texts (and at most one free text).
    Choices(Vec<String>),
    /// `list`: the items.
    List(Vec<String>),
    /// `table`: the rows.
    Table(Vec<Row>),
}

/// One table cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Integer(i64),
    Decimal(f64),
}

impl Cell {
    /// The cell as a number, for totals.
    pub fn number(&self) -> Option<f64> {
        match self {
            #[allow(
                clippy::cast_precision_loss,
                reason = "table counts are far below 2^52"
            )]
            Cell::Integer(n) => Some(*n as f64),
            Cell::Decimal(x) => Some(*x),
            Cell::Text(_) => None,
        }
    }

    /// The sum of two numeric cells: whole numbers stay whole (saturating), anything else
    /// becomes a decimal; text counts as nothing.
    #[must_use]
    pub fn add(&self, other: &Cell) -> Cell {
        match (self, other) {
            (Cell::Integer(a), Cell::Integer(b)) => Cell::Integer(a.saturating_add(*b)),
            (Cell::Text(_), c) | (c, Cell::Text(_)) => c.clone(),
            (a, b) => Cell::Decimal(vn::round_sum(
                a.number().unwrap_or(0.0) + b.number().unwrap_or(0.0),
            )),
        }
    }

    /// The cell as shown in a report.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Integer(n) => vn::format_integer(*n),
            Cell::Decimal(x) => vn::format_decimal(*x, None),
        }
    }
}

impl AnswerValue {
    /// True when the answer carries nothing (empty text, empty list …).
    pub fn is_empty(&self) -> bool {
        match self {
            AnswerValue::Text(s) | AnswerValue::Choice(s) => s.trim().is_empty(),
            AnswerValue::Choices(v) | AnswerValue::List(v) => v.iter().all(|s| s.trim().is_empty()),
            AnswerValue::Table(rows) => rows.iter().all(IndexMap::is_empty),
            _ => false,
        }
    }

    /// The value as one line of Vietnamese text.
    pub fn display(&self) -> String {
        match self {
            AnswerValue::Text(s) | AnswerValue::Choice(s) => s.clone(),
            AnswerValue::Integer(n) => vn::format_integer(*n),
            AnswerValue::Decimal(x) => vn::format_decimal(*x, None),
            AnswerValue::Date(d) => vn::date_short(d),
            AnswerValue::Bool(b) => (if *b { messages::YES } else { messages::NO }).to_owned(),
            AnswerValue::Choices(v) | AnswerValue::List(v) => {
                let items: Vec<&str> = v
                    .iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect();
                vn::join_list(&items, messages::AND)
            }
            AnswerValue::Table(rows) => messages::table_summary(rows.len()),
        }
    }
}
