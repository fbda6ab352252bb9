//! How answers look inside templates and conditions: [`answer_value`] turns an answer value
//! into a MiniJinja value — dates as [`DateValue`] ("31/7/2025", `.day`, compared by the
//! calendar), lists and tables as [`BlockValue`] (a block marker when printed alone on a line),
//! table rows completed through [`TableLayout`].
//!
//! Must not: import `questionnaire` or `answers` (a table question is seen only through
//! [`TableLayout`]), or render templates.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr};

use super::{BLOCK_END, BLOCK_START};
use crate::value::{AnswerValue, Cell, Row};
use crate::vn::{self, Date};

/// A date answer inside a template: prints as "31/7/2025", has `.day`, `.month`, `.year`.
#[derive(Debug, Clone, Copy)]
pub struct DateValue(pub Date);

impl Object for DateValue {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match key.as_str()? {
            "day" => Some(Value::from(self.0.day)),
            "month" => Some(Value::from(self.0.month)),
            "year" => Some(Value::from(self.0.year)),
            _ => None,
        }
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&vn::date_short(&self.0))
    }

    /// Dates compare by the calendar (`ngay_ky >= ngay_bat_dau`).
    fn custom_cmp(
        self: &Arc<Self>,
        other: &minijinja::value::DynObject,
    ) -> Option<std::cmp::Ordering> {
        Some(self.0.cmp(&other.downcast_ref::<Self>()?.0))
    }
}

/// A list or table answer: iterable like a list; printed, it becomes a block marker that the
/// report builder replaces with bullets or a table when it stands alone on a line.
#[derive(Debug)]
pub struct BlockValue {
    pub id: String,
    pub items: Vec<Value>,
}

impl BlockValue {
    /// The text that stands for this block in rendered output.
    pub fn marker(id: &str) -> String {
        format!("{BLOCK_START}{id}{BLOCK_END}")
    }
}

impl Object for BlockValue {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let index = usize::try_from(key.as_i64()?).ok()?;
        self.items.get(index).cloned()
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.items.len())
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&BlockValue::marker(&self.id))
    }
}

/// A table question's columns, as [`answer_value`] needs them to present a table answer. The
/// questionnaire's `TableSpec` implements it, so the engine need not know the questionnaire.
pub trait TableLayout {
    /// The column ids, in order.
    fn column_ids(&self) -> Vec<&str>;
    /// The rows as shown: each row's cells in column order (labels of fixed rows, `sum`
    /// columns and missing cells filled in as the questionnaire says).
    fn complete(&self, rows: &[Row]) -> Vec<Vec<Option<Cell>>>;
}

/// How the answer to question `id` looks inside templates and conditions. Blank list items are
/// left out; table rows are complete (labels, `sum` columns, every column present, empty as
/// `none`); a table answer shows as nothing when `table` (the question's columns) is `None`.
pub fn answer_value(id: &str, value: &AnswerValue, table: Option<&dyn TableLayout>) -> Value {
    // An answer cannot smuggle in a block marker of its own.
    let clean = |s: &str| -> Value {
        // Two single-character searches run as byte searches; a set of chars decodes all.
        if s.contains(BLOCK_START) || s.contains(BLOCK_END) {
            Value::from(s.replace([BLOCK_START, BLOCK_END], ""))
        } else {
            Value::from(s)
        }
    };
    let non_blank = |items: &[String]| -> Vec<Value> {
        items
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| clean(s))
            .collect()
    };
    match value {
        AnswerValue::Text(s) | AnswerValue::Choice(s) => clean(s),
        AnswerValue::Integer(n) => Value::from(*n),
        AnswerValue::Decimal(x) => Value::from(*x),
        AnswerValue::Date(d) => Value::from_object(DateValue(*d)),
        AnswerValue::Bool(b) => Value::from(*b),
        AnswerValue::Choices(items) => Value::from(non_blank(items)),
        AnswerValue::List(items) => Value::from_object(BlockValue {
            id: id.to_owned(),
            items: non_blank(items),
        }),
        AnswerValue::Table(rows) => {
            let Some(spec) = table else {
                return Value::from(());
            };
            let columns = spec.column_ids();
            let items = spec
                .complete(rows)
                .into_iter()
                .map(|cells| {
                    let map: BTreeMap<String, Value> = columns
                        .iter()
                        .zip(cells)
                        .map(|(column, cell)| {
                            let v = match cell {
                                None => Value::from(()),
                                Some(Cell::Text(s)) => Value::from(s),
                                Some(Cell::Integer(n)) => Value::from(n),
                                Some(Cell::Decimal(x)) => Value::from(x),
                            };
                            ((*column).to_owned(), v)
                        })
                        .collect();
                    Value::from(map)
                })
                .collect();
            Value::from_object(BlockValue {
                id: id.to_owned(),
                items,
            })
        }
    }
}
