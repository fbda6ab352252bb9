//! Between a table editor's typed cells and a stored table answer.
//!
//! Owns: filling a [`TableEditor`] from stored rows (each fixed row back under its label) or
//! from the raw cells kept when a cell was not a number, and turning the cells back into an
//! answer — a typed cell that is not a number of its column keeps the whole table as typed,
//! with a reason naming its row and column.
//!
//! Must not: draw, read keys, or touch the answers store.

use super::{TableEditor, parse_cell};
use crate::answers::{AnswerValue, Row};
use crate::messages::ui;
use crate::questionnaire::{CellKind, TableSpec};
use crate::tui::editor::{Value, raw_text};

impl TableEditor {
    /// Replaces the cells with `cells` (rows of texts, one per column).
    fn fill(&mut self, cells: Vec<Vec<String>>) {
        self.rows = arrange(&self.spec, cells);
        self.row = 0;
        self.col = self.first_editable_col();
        self.load_cell();
    }

    fn to_rows(&self, cells: &[Vec<String>]) -> Result<Vec<Row>, String> {
        let mut out = Vec::new();
        for (r, row) in cells.iter().enumerate() {
            let mut map = Row::new();
            for (c, (text, column)) in row.iter().zip(&self.spec.columns).enumerate() {
                if column.sum {
                    continue;
                }
                match parse_cell(column.kind, text) {
                    None => {}
                    Some(Ok(cell)) => {
                        map.insert(column.id.clone(), cell);
                    }
                    Some(Err(())) => {
                        let label = if self.spec.columns[0].kind == CellKind::Text {
                            row[0].trim().to_owned()
                        } else {
                            String::new()
                        };
                        let row_name = if label.is_empty() {
                            (r + 1).to_string()
                        } else {
                            label
                        };
                        let column_name = self
                            .titles
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
    pub fn value(&self) -> Value {
        let cells = self.rows_now();
        match self.to_rows(&cells) {
            Ok(rows) => {
                // A fixed row holding only its label says nothing.
                let rows: Vec<Row> = rows
                    .into_iter()
                    .enumerate()
                    .filter(|(i, r)| {
                        let label_only = *i < self.spec.rows.len() && r.len() <= 1;
                        !r.is_empty() && !label_only
                    })
                    .map(|(_, r)| r)
                    .collect();
                if rows.is_empty() {
                    Value::Empty
                } else {
                    Value::Answer(AnswerValue::Table(rows))
                }
            }
            Err(reason) => {
                let raw = cells
                    .iter()
                    .map(|row| {
                        let map: serde_yaml::Mapping = row
                            .iter()
                            .zip(&self.spec.columns)
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
                Value::Raw {
                    raw: serde_yaml::Value::Sequence(raw),
                    reason,
                }
            }
        }
    }

    /// The editor of a stored table; a table kept because a cell was not a number comes back
    /// as typed.
    pub fn from_answer(
        spec: &TableSpec,
        answer: Option<&AnswerValue>,
        raw: Option<&serde_yaml::Value>,
    ) -> Self {
        let rows = match answer {
            Some(AnswerValue::Table(rows)) => rows.as_slice(),
            _ => &[],
        };
        let mut table = TableEditor::new(spec, rows);
        if answer.is_none()
            && let Some(cells) = raw.and_then(|r| raw_cells(spec, r))
        {
            table = TableEditor::new(spec, &[]);
            table.fill(cells);
        }
        table
    }
}

/// Stored rows laid out as the editor shows them: the fixed rows first, in the
/// questionnaire's order, each filled from the stored row that carries its label (or, failing
/// that, the unlabelled row in the same place — as the report matches them), then the other
/// rows. Empty fixed rows are not stored, so matching by place alone would shift them.
pub(super) fn arrange(spec: &TableSpec, cells: Vec<Vec<String>>) -> Vec<Vec<String>> {
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

/// The cells of a kept table answer (a list of column → text maps), when it has that shape.
fn raw_cells(spec: &TableSpec, raw: &serde_yaml::Value) -> Option<Vec<Vec<String>>> {
    let rows = raw.as_sequence()?;
    let mut out = Vec::new();
    for row in rows {
        let map = row.as_mapping()?;
        out.push(
            spec.columns
                .iter()
                .map(|c| {
                    map.get(c.id.as_str())
                        .and_then(raw_text)
                        .unwrap_or_default()
                })
                .collect(),
        );
    }
    Some(out)
}

/// The table question of the test questionnaire.
#[cfg(test)]
pub(super) fn table_question() -> crate::questionnaire::Question {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid/table.yaml"
    );
    let q = crate::questionnaire::load_path(std::path::Path::new(path)).unwrap();
    q.question("ket_qua").unwrap().clone()
}

#[cfg(test)]
mod tests {
    use super::super::super::Editor;
    use super::*;
    use crate::answers::Cell;

    #[test]
    fn a_table_with_a_bad_number_is_kept_and_comes_back_as_typed() {
        let question = table_question();
        let mut editor = Editor::new(&question, None, None);
        let Editor::Table(table) = &mut editor else {
            panic!("a table editor")
        };
        assert_eq!(table.rows[0][0], "Số lớp tập huấn");
        assert!(!table.is_editable(0, 0), "a fixed row's label is not typed");
        assert_eq!((table.row, table.col), (0, 1));
        table.input.insert_str("12");
        table.step_cell(true);
        table.input.insert_str("mười");
        let Value::Raw { raw, reason } = editor.value() else {
            panic!("kept raw, not an answer")
        };
        // The row is named by its label, the column by its title; an integer column says so.
        assert!(reason.contains("\"Số lớp tập huấn\""), "{reason}");
        assert!(reason.contains("số nguyên"), "{reason}");
        let again = Editor::new(&question, None, Some(&raw));
        let Editor::Table(table) = again else {
            panic!("a table editor")
        };
        assert_eq!(table.rows[0][1], "12");
        assert_eq!(table.rows[0][2], "mười");
        assert_eq!(table.rows[0][0], "Số lớp tập huấn");
    }

    #[test]
    fn stored_rows_go_back_under_their_labels() {
        let question = table_question();
        let row = |label: &str, n: i64| -> Row {
            [
                ("chi_tieu".to_owned(), Cell::Text(label.to_owned())),
                ("n2021".to_owned(), Cell::Integer(n)),
            ]
            .into_iter()
            .collect()
        };
        // The first fixed row was left empty, so it is not in the file.
        let stored = AnswerValue::Table(vec![row("Số học viên", 40), row("Lớp ngoài kế hoạch", 2)]);
        let Editor::Table(table) = Editor::new(&question, Some(&stored), None) else {
            panic!("a table editor")
        };
        let firsts: Vec<(&str, &str)> = table
            .rows
            .iter()
            .map(|r| (r[0].as_str(), r[1].as_str()))
            .collect();
        assert_eq!(
            firsts,
            [
                ("Số lớp tập huấn", ""),
                ("Số học viên", "40"),
                ("Lớp ngoài kế hoạch", "2")
            ]
        );
    }
}
