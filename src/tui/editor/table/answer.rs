//! Between a table editor's typed cells and a stored table answer.
//!
//! Owns: filling a [`TableEditor`] from stored rows (each fixed row back under its label) or
//! from the raw cells kept when a cell was not a number, and turning the cells back into an
//! answer — a typed cell that is not a number of its column keeps the whole table as typed,
//! with a reason naming its row and column (the grid itself is the core's `answers::grid`).
//!
//! Must not: draw, read keys, or touch the answers store.

use super::TableEditor;
use crate::answers::AnswerValue;
use crate::answers::grid::{self, arrange};
use crate::questionnaire::TableSpec;
use crate::tui::editor::{Value, raw_text};

impl TableEditor {
    /// Replaces the cells with `cells` (rows of texts, one per column).
    fn fill(&mut self, cells: Vec<Vec<String>>) {
        self.rows = arrange(&self.spec, cells);
        self.row = 0;
        self.col = self.first_editable_col();
        self.load_cell();
    }

    /// The cells as an answer; a cell that is not a number keeps the whole table as typed.
    pub fn value(&self) -> Value {
        grid::table_value(&self.spec, &self.titles, &self.rows_now())
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
    use crate::answers::{Cell, Row};

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
