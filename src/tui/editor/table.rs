//! The editor of a table question: fixed and free rows, typed and computed columns, totals.
//!
//! Owns: [`TableEditor`] — the cells as typed and the one being edited; filling it from a
//! stored answer (rows back under their labels; a table kept as typed comes back as typed);
//! its answer (a cell that is not a number keeps the whole table, with the reason naming row
//! and column); live sums and totals; how it answers an action ([`TableEditor::handle`]) and
//! its look ([`TableEditor::draw`]).
//!
//! Must not: read keys (it gets meanings), know the app, or touch the answers store.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Looks, Outcome, Value, neighbour, raw_text, text};
use crate::answers::{AnswerValue, Cell, Row};
use crate::messages::ui;
use crate::questionnaire::{CellKind, TableSpec};
use crate::tui::action::Action;
use crate::tui::fit::{fit, safe};
use crate::tui::text_input::TextInput;
use crate::vn;

/// A table; `input` edits the cell at (`row`, `col`).
#[derive(Debug, Clone)]
pub struct TableEditor {
    pub spec: TableSpec,
    /// Column titles as shown (filled in by the app, templates rendered), for messages.
    pub titles: Vec<String>,
    /// Cell texts as typed, one `Vec` per row, one entry per column.
    pub rows: Vec<Vec<String>>,
    pub row: usize,
    pub col: usize,
    pub input: TextInput,
}

impl TableEditor {
    /// The editor of a table of `spec` holding `rows`.
    pub fn new(spec: &TableSpec, rows: &[Row]) -> Self {
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                spec.columns
                    .iter()
                    .map(|c| r.get(&c.id).map(Cell::display).unwrap_or_default())
                    .collect()
            })
            .collect();
        let mut editor = TableEditor {
            spec: spec.clone(),
            titles: spec
                .columns
                .iter()
                .map(|c| c.title.source.clone())
                .collect(),
            rows: arrange(spec, cells),
            row: 0,
            col: 0,
            input: TextInput::line(""),
        };
        editor.col = editor.first_editable_col();
        editor.load_cell();
        editor
    }

    /// Replaces the cells with `cells` (rows of texts, one per column).
    fn fill(&mut self, cells: Vec<Vec<String>>) {
        self.rows = arrange(&self.spec, cells);
        self.row = 0;
        self.col = self.first_editable_col();
        self.load_cell();
    }

    fn first_editable_col(&self) -> usize {
        (0..self.spec.columns.len())
            .find(|&c| self.is_editable(self.row, c))
            .unwrap_or(0)
    }

    /// Whether a cell can be typed in: not a computed sum, not a fixed row's label.
    pub fn is_editable(&self, row: usize, col: usize) -> bool {
        let column = &self.spec.columns[col];
        let fixed_label = col == 0 && row < self.spec.rows.len() && column.kind == CellKind::Text;
        !column.sum && !fixed_label
    }

    fn editable(&self) -> bool {
        self.is_editable(self.row, self.col)
    }

    pub(super) fn store_cell(&mut self) {
        if self.editable() {
            self.rows[self.row][self.col] = self.input.text();
        }
    }

    pub(super) fn load_cell(&mut self) {
        self.input = TextInput::line(&self.rows[self.row][self.col]);
    }

    /// The cells with the one being typed included.
    pub fn rows_now(&self) -> Vec<Vec<String>> {
        let mut rows = self.rows.clone();
        if self.editable() {
            rows[self.row][self.col] = self.input.text();
        }
        rows
    }

    /// Moves to the next (or previous) editable cell, row by row; false past either end.
    pub fn step_cell(&mut self, forward: bool) -> bool {
        let width = self.spec.columns.len();
        let total = self.rows.len() * width;
        let mut at = self.row * width + self.col;
        loop {
            if forward {
                at += 1;
                if at >= total {
                    return false;
                }
            } else {
                if at == 0 {
                    return false;
                }
                at -= 1;
            }
            if self.is_editable(at / width, at % width) {
                self.go(at / width, at % width);
                return true;
            }
        }
    }

    /// Moves to a cell.
    pub fn go(&mut self, row: usize, col: usize) {
        self.store_cell();
        self.tidy();
        self.row = row.min(self.rows.len() - 1);
        self.col = col.min(self.spec.columns.len() - 1);
        self.load_cell();
    }

    /// Up or down a row in the same column; false at either end.
    pub fn step_row(&mut self, down: bool) -> bool {
        let Some(target) = neighbour(self.row, self.rows.len(), down) else {
            return false;
        };
        self.go(target, self.col);
        if !self.editable() {
            let col = self.first_editable_col();
            self.go(self.row, col);
        }
        true
    }

    /// Whether a row has nothing typed in it (labels of fixed rows do not count).
    pub fn row_is_empty(&self, row: usize) -> bool {
        self.rows_now().get(row).is_none_or(|cells| {
            cells
                .iter()
                .enumerate()
                .all(|(c, t)| !self.is_editable(row, c) || t.trim().is_empty())
        })
    }

    /// A new empty row after the current one (never between fixed rows).
    pub fn add_row(&mut self) {
        self.store_cell();
        let at = (self.row + 1).max(self.spec.rows.len());
        self.rows
            .insert(at, vec![String::new(); self.spec.columns.len()]);
        self.row = at;
        self.col = self.first_editable_col();
        self.load_cell();
    }

    /// Deletes the current row; a fixed row is only emptied. Returns false when there was
    /// nothing to delete.
    pub fn delete_row(&mut self) -> bool {
        self.store_cell();
        if self.row < self.spec.rows.len() {
            for c in 1..self.spec.columns.len() {
                self.rows[self.row][c].clear();
            }
        } else {
            self.rows.remove(self.row);
            if self.rows.is_empty() {
                self.rows.push(vec![String::new(); self.spec.columns.len()]);
            }
            self.row = self.row.min(self.rows.len() - 1);
        }
        if !self.editable() {
            self.col = self.first_editable_col();
        }
        self.load_cell();
        true
    }

    /// Rewrites number cells the Vietnamese way.
    pub(super) fn tidy(&mut self) {
        for row in &mut self.rows {
            for (cell, column) in row.iter_mut().zip(&self.spec.columns) {
                if let Some(Ok(parsed)) = parse_cell(column.kind, cell) {
                    *cell = parsed.display();
                }
            }
        }
    }

    /// The cells as shown, row by row, with `sum` columns computed (live).
    pub fn display_rows(&self) -> Vec<Vec<String>> {
        self.rows_now()
            .into_iter()
            .map(|row| {
                let sum = row
                    .iter()
                    .zip(&self.spec.columns)
                    .filter(|(_, c)| !c.sum && c.kind != CellKind::Text)
                    .filter_map(|(t, c)| parse_cell(c.kind, t).and_then(Result::ok))
                    .reduce(|a, b| a.add(&b));
                row.iter()
                    .zip(&self.spec.columns)
                    .map(|(t, c)| {
                        if c.sum {
                            sum.as_ref().map(Cell::display).unwrap_or_default()
                        } else {
                            t.clone()
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// The totals row as shown, when the table has one: the label, then each number
    /// column's sum.
    pub fn totals(&self) -> Option<Vec<String>> {
        let label = self.spec.total_row.as_ref()?;
        let rows = self.display_rows();
        Some(
            self.spec
                .columns
                .iter()
                .enumerate()
                .map(|(c, column)| {
                    if c == 0 && column.kind == CellKind::Text {
                        return label.clone();
                    }
                    if column.kind == CellKind::Text {
                        return String::new();
                    }
                    rows.iter()
                        .filter_map(|r| parse_cell(column.kind, &r[c]).and_then(Result::ok))
                        .reduce(|a, b| a.add(&b))
                        .map(|c| c.display())
                        .unwrap_or_default()
                })
                .collect(),
        )
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

    /// The editor's answer to an action: moving between cells and rows, adding and deleting
    /// rows, typing in a cell that can be typed in. Past the last cell, `NextCell` moves on
    /// to the next question.
    pub fn handle(&mut self, action: &Action) -> Outcome {
        let before = self.rows_now();
        let rows_before = self.rows.len();
        let mut next = false;
        match action {
            Action::NextCell => next = !self.step_cell(true),
            Action::PrevCell => {
                self.step_cell(false);
            }
            Action::PrevRow => {
                self.step_row(false);
            }
            Action::NextRow => {
                self.step_row(true);
            }
            Action::NextRowOrNew => {
                // At the last row a new one is added, unless that row is still empty.
                let at_end = !self.step_row(true);
                if at_end && !self.row_is_empty(self.row) {
                    self.add_row();
                }
            }
            Action::AddTableRow => self.add_row(),
            Action::DeleteTableRow => {
                self.delete_row();
            }
            other if self.is_editable(self.row, self.col) => {
                text::edit(&mut self.input, other);
            }
            _ => {}
        }
        Outcome {
            changed: self.rows_now() != before || self.rows.len() != rows_before,
            next,
            confirmed: false,
        }
    }

    /// The column titles, the rows (the one being edited kept in view, its cell a text field),
    /// computed sums and the totals row; columns shrunk to fit.
    pub fn draw(&self, frame: &mut Frame, looks: &Looks, area: Rect) {
        let (table, theme) = (self, looks.theme);
        let headers: Vec<String> = self
            .spec
            .columns
            .iter()
            .map(|c| safe(&(looks.text)(&c.title)))
            .collect();
        let headers = headers.as_slice();
        let display = table.display_rows();
        let totals = table.totals();
        let columns = headers.len();
        if columns == 0 || area.width < 4 {
            return;
        }
        // Column widths: wide enough for the header and the cells, shrunk to fit.
        let mut widths: Vec<usize> = (0..columns)
            .map(|c| {
                let cells = display.iter().map(|r| r[c].width());
                let total = totals.as_ref().map_or(0, |row| row[c].width());
                cells
                    .chain([headers[c].width().min(18), total, 6])
                    .max()
                    .unwrap_or(6)
            })
            .collect();
        let available = usize::from(area.width).saturating_sub(columns + 1);
        while widths.iter().sum::<usize>() > available {
            let widest = (0..columns).max_by_key(|&c| widths[c]).unwrap_or(0);
            if widths[widest] <= 4 {
                break;
            }
            widths[widest] -= 1;
        }
        let mut y = area.y;
        let bottom = area.y + area.height;
        let draw_row =
            |frame: &mut Frame, y: u16, cells: &[String], style: Style, right: &[bool]| {
                let mut x = area.x;
                for (c, cell) in cells.iter().enumerate() {
                    let w = u16::try_from(widths[c]).unwrap_or(0);
                    let cell = safe(cell);
                    // A cut label says so ("…"); numbers are right-aligned.
                    let shown = fit(&cell, u16::try_from(widths[c]).unwrap_or(u16::MAX));
                    let text = if right[c] {
                        format!("{shown:>width$}", width = widths[c])
                    } else {
                        shown
                    };
                    let rect = Rect {
                        x,
                        y,
                        width: w.min(area.right().saturating_sub(x)),
                        height: 1,
                    };
                    frame.render_widget(Paragraph::new(Span::styled(text, style)), rect);
                    x = x.saturating_add(w + 1);
                }
            };
        let numeric: Vec<bool> = table
            .spec
            .columns
            .iter()
            .map(|c| c.kind != CellKind::Text)
            .collect();
        if y < bottom {
            draw_row(frame, y, headers, theme.table_header, &numeric);
            y += 1;
        }
        let rows_room =
            usize::from(bottom.saturating_sub(y)).saturating_sub(usize::from(totals.is_some()));
        let offset = table.row.saturating_sub(rows_room.saturating_sub(1));
        for (r, cells) in display.iter().enumerate().skip(offset).take(rows_room) {
            draw_row(frame, y, cells, Style::default(), &numeric);
            if r == table.row {
                let x: usize = widths[..table.col].iter().map(|w| w + 1).sum();
                let x = area.x.saturating_add(u16::try_from(x).unwrap_or(u16::MAX));
                let w = u16::try_from(widths[table.col]).unwrap_or(0);
                let rect = Rect {
                    x,
                    y,
                    width: w.min(area.right().saturating_sub(x)),
                    height: 1,
                };
                frame.render_widget(Clear, rect);
                if table.is_editable(table.row, table.col) {
                    frame.render_widget(table.input.textarea(), rect);
                } else {
                    frame.render_widget(
                        Paragraph::new(Span::styled(safe(&cells[table.col]), theme.selected)),
                        rect,
                    );
                }
            }
            y += 1;
        }
        if let Some(totals) = totals
            && y < bottom
        {
            draw_row(frame, y, &totals, theme.prompt, &numeric);
        }
    }
}

/// Stored rows laid out as the editor shows them: the fixed rows first, in the
/// questionnaire's order, each filled from the stored row that carries its label (or, failing
/// that, the unlabelled row in the same place — as the report matches them), then the other
/// rows. Empty fixed rows are not stored, so matching by place alone would shift them.
fn arrange(spec: &TableSpec, cells: Vec<Vec<String>>) -> Vec<Vec<String>> {
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

/// A cell's text as a cell: `None` when empty, `Err` when it is not a number of its kind.
fn parse_cell(kind: CellKind, text: &str) -> Option<Result<Cell, ()>> {
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

#[cfg(test)]
mod tests {
    use super::super::Editor;
    use super::*;
    use crate::questionnaire::Question;

    fn table_question() -> Question {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/valid/table.yaml"
        );
        let q = crate::questionnaire::load_path(std::path::Path::new(path)).unwrap();
        q.question("ket_qua").unwrap().clone()
    }

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

    #[test]
    fn sums_and_totals_are_live() {
        let question = table_question();
        let mut editor = Editor::new(&question, None, None);
        let Editor::Table(table) = &mut editor else {
            panic!("a table editor")
        };
        table.input.insert_str("1.200");
        table.step_cell(true);
        table.input.insert_str("300");
        table.step_row(true);
        table.input.insert_str("5");
        let rows = table.display_rows();
        assert_eq!(rows[0][4], "1.500");
        let totals = table.totals().unwrap();
        assert_eq!(totals[0], "Tổng cộng");
        assert_eq!(totals[2], "305");
        assert_eq!(totals[4], "1.505");
    }
}
