//! A table answer as a grid of typed cells: what every front end shows and reads back.
//!
//! Owns: [`cells_of`] (stored rows as texts, laid out by [`arrange`]: each fixed row under its
//! label), [`is_editable`] (not a computed sum, not a fixed row's label), [`cell_value`] (a
//! cell's text read as its column's kind, the Vietnamese way), [`to_rows`] and
//! [`table_value`] (the typed cells back as an answer; a cell that is not a number keeps the
//! whole table as typed, with a reason naming its row and column).
//!
//! Must not: know keys, terminals or layout, or touch the answers store.

use super::typed::Typed;
use super::value::{AnswerValue, Cell, Row};
use crate::messages::ui;
use crate::questionnaire::{CellKind, TableSpec};
use crate::vn;

/// Stored rows as texts, one per column, laid out by [`arrange`].
pub fn cells_of(spec: &TableSpec, rows: &[Row]) -> Vec<Vec<String>> {
    let cells = rows
        .iter()
        .map(|r| {
            spec.columns
                .iter()
                .map(|c| r.get(&c.id).map(Cell::display).unwrap_or_default())
                .collect()
        })
        .collect();
    arrange(spec, cells)
}

/// Whether a cell can be typed in: not a computed sum, not a fixed row's label.
pub fn is_editable(spec: &TableSpec, row: usize, col: usize) -> bool {
    let column = &spec.columns[col];
    let fixed_label = col == 0 && row < spec.rows.len() && column.kind == CellKind::Text;
    !column.sum && !fixed_label
}

/// A cell's text as a cell: `None` when empty, `Err` when it is not a number of its kind.
pub fn cell_value(kind: CellKind, text: &str) -> Option<Result<Cell, ()>> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    Some(match kind {
        CellKind::Text => Ok(Cell::Text(text.trim().to_owned())),
        CellKind::Integer => vn::parse_integer(t).map(Cell::Integer).ok_or(()),
        CellKind::Decimal => vn::parse_decimal(t).map(Cell::Decimal).ok_or(()),
    })
}

/// Stored rows laid out as the editor shows them: the fixed rows first, in the
/// questionnaire's order, each filled from the stored row that carries its label (or, failing
/// that, the unlabelled row in the same place — as the report matches them), then the other
/// rows. Empty fixed rows are not stored, so matching by place alone would shift them.
pub fn arrange(spec: &TableSpec, cells: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let width = spec.columns.len();
    let labelled = spec.label_column().is_some();
    let key = TableSpec::label_key;
    let label_of =
        |row: &Vec<String>| (labelled && !row[0].trim().is_empty()).then(|| key(&row[0]));
    let mut cells: Vec<Vec<String>> = cells
        .into_iter()
        .map(|mut r| {
            r.resize(width, String::new());
            r
        })
        .collect();
    let mut used = vec![false; cells.len()];
    let mut out = Vec::new();
    for (i, label) in spec.rows.iter().enumerate() {
        let by_label =
            (0..cells.len()).find(|&j| !used[j] && label_of(&cells[j]) == Some(key(label)));
        let by_place = (i < cells.len() && !used[i] && label_of(&cells[i]).is_none()).then_some(i);
        let mut row = match by_label.or(by_place) {
            Some(j) => {
                used[j] = true;
                std::mem::take(&mut cells[j])
            }
            None => vec![String::new(); width],
        };
        if labelled {
            row[0].clone_from(label);
        }
        out.push(row);
    }
    out.extend(
        cells
            .into_iter()
            .zip(used)
            .filter(|(_, u)| !u)
            .map(|(r, _)| r),
    );
    if out.is_empty() {
        out.push(vec![String::new(); width]);
    }
    out
}

pub fn to_rows(
    spec: &TableSpec,
    titles: &[String],
    cells: &[Vec<String>],
) -> Result<Vec<Row>, String> {
    let mut out = Vec::new();
    for (r, row) in cells.iter().enumerate() {
        let mut map = Row::new();
        for (c, (text, column)) in row.iter().zip(&spec.columns).enumerate() {
            if column.sum {
                continue;
            }
            match cell_value(column.kind, text) {
                None => {}
                Some(Ok(cell)) => {
                    map.insert(column.id.clone(), cell);
                }
                Some(Err(())) => {
                    let label = if spec.columns[0].kind == CellKind::Text {
                        row[0].trim().to_owned()
                    } else {
                        String::new()
                    };
                    let row_name = if label.is_empty() {
                        (r + 1).to_string()
                    } else {
                        label
                    };
                    let column_name = titles
                        .get(c)
                        .cloned()
                        .unwrap_or_else(|| (c + 1).to_string());
                    return Err(ui::bad_cell(
                        &row_name,
                        &column_name,
                        column.kind == CellKind::Integer,
                    ));
                }
            }
        }
        out.push(map);
    }
    Ok(out)
}

/// The cells as an answer; a cell that is not a number keeps the whole table as typed.
pub fn table_value(spec: &TableSpec, titles: &[String], cells: &[Vec<String>]) -> Typed {
    match to_rows(spec, titles, cells) {
        Ok(rows) => {
            // A fixed row holding only its label says nothing.
            let rows: Vec<Row> = rows
                .into_iter()
                .enumerate()
                .filter(|(i, r)| {
                    let label_only = *i < spec.rows.len() && r.len() <= 1;
                    !r.is_empty() && !label_only
                })
                .map(|(_, r)| r)
                .collect();
            if rows.is_empty() {
                Typed::Empty
            } else {
                Typed::Answer(AnswerValue::Table(rows))
            }
        }
        Err(reason) => {
            let raw = cells
                .iter()
                .map(|row| {
                    let map: serde_yaml::Mapping = row
                        .iter()
                        .zip(&spec.columns)
                        .filter(|(t, c)| !c.sum && !t.trim().is_empty())
                        .map(|(t, c)| {
                            (
                                serde_yaml::Value::String(c.id.clone()),
                                serde_yaml::Value::String(t.clone()),
                            )
                        })
                        .collect();
                    serde_yaml::Value::Mapping(map)
                })
                .collect();
            Typed::Raw {
                raw: serde_yaml::Value::Sequence(raw),
                reason,
            }
        }
    }
}
