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

mod answer;

use grid::arrange;

use super::{Looks, Outcome, neighbour, text};
use crate::answers::grid::{self, cell_value as parse_cell};
use crate::answers::{Cell, Row};
use crate::questionnaire::{CellKind, TableSpec};
use crate::tui::action::Action;
use crate::tui::fit::{fit, safe};
use crate::tui::text_input::TextInput;

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
        let cells = grid::cells_of(spec, rows);
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

    fn first_editable_col(&self) -> usize {
        (0..self.spec.columns.len())
            .find(|&c| self.is_editable(self.row, c))
            .unwrap_or(0)
    }

    /// Whether a cell can be typed in: not a computed sum, not a fixed row's label.
    pub fn is_editable(&self, row: usize, col: usize) -> bool {
        grid::is_editable(&self.spec, row, col)
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
        let theme = looks.theme;
        let headers: Vec<String> = self
            .spec
            .columns
            .iter()
            .map(|c| safe(&(looks.text)(&c.title)))
            .collect();
        let display = self.display_rows();
        let totals = self.totals();
        if headers.is_empty() || area.width < 4 {
            return;
        }
        let widths = column_widths(&headers, &display, totals.as_ref(), area.width);
        let numeric: Vec<bool> = self
            .spec
            .columns
            .iter()
            .map(|c| c.kind != CellKind::Text)
            .collect();
        let row = |y: u16| Cells {
            area,
            y,
            widths: &widths,
            right: &numeric,
        };
        let mut y = area.y;
        let bottom = area.y + area.height;
        if y < bottom {
            row(y).draw(frame, &headers, theme.table_header);
            y += 1;
        }
        let rows_room =
            usize::from(bottom.saturating_sub(y)).saturating_sub(usize::from(totals.is_some()));
        let offset = self.row.saturating_sub(rows_room.saturating_sub(1));
        for (r, cells) in display.iter().enumerate().skip(offset).take(rows_room) {
            row(y).draw(frame, cells, Style::default());
            if r == self.row {
                self.draw_current_cell(frame, &row(y), &cells[self.col], looks);
            }
            y += 1;
        }
        if let Some(totals) = totals
            && y < bottom
        {
            row(y).draw(frame, &totals, theme.prompt);
        }
    }

    /// The cell being edited, over its row: the text field, or (a label, a sum) highlighted.
    fn draw_current_cell(&self, frame: &mut Frame, row: &Cells, shown: &str, looks: &Looks) {
        let x: usize = row.widths[..self.col].iter().map(|w| w + 1).sum();
        let x = row
            .area
            .x
            .saturating_add(u16::try_from(x).unwrap_or(u16::MAX));
        let w = u16::try_from(row.widths[self.col]).unwrap_or(0);
        let rect = Rect {
            x,
            y: row.y,
            width: w.min(row.area.right().saturating_sub(x)),
            height: 1,
        };
        frame.render_widget(Clear, rect);
        if self.is_editable(self.row, self.col) {
            frame.render_widget(self.input.textarea(), rect);
        } else {
            frame.render_widget(
                Paragraph::new(Span::styled(safe(shown), looks.theme.selected)),
                rect,
            );
        }
    }
}

/// Column widths: wide enough for the header and the cells, shrunk to fit `width`.
fn column_widths(
    headers: &[String],
    display: &[Vec<String>],
    totals: Option<&Vec<String>>,
    width: u16,
) -> Vec<usize> {
    let columns = headers.len();
    let mut widths: Vec<usize> = (0..columns)
        .map(|c| {
            let cells = display.iter().map(|r| r[c].width());
            let total = totals.map_or(0, |row| row[c].width());
            cells
                .chain([headers[c].width().min(18), total, 6])
                .max()
                .unwrap_or(6)
        })
        .collect();
    let available = usize::from(width).saturating_sub(columns + 1);
    while widths.iter().sum::<usize>() > available {
        let widest = (0..columns).max_by_key(|&c| widths[c]).unwrap_or(0);
        if widths[widest] <= 4 {
            break;
        }
        widths[widest] -= 1;
    }
    widths
}

/// One screen row of a table: where it is drawn, the columns' widths, which are numbers.
struct Cells<'a> {
    area: Rect,
    y: u16,
    widths: &'a [usize],
    right: &'a [bool],
}

impl Cells<'_> {
    fn draw(&self, frame: &mut Frame, cells: &[String], style: Style) {
        let mut x = self.area.x;
        for (c, cell) in cells.iter().enumerate() {
            let w = u16::try_from(self.widths[c]).unwrap_or(0);
            let cell = safe(cell);
            // A cut label says so ("…"); numbers are right-aligned.
            let shown = fit(&cell, u16::try_from(self.widths[c]).unwrap_or(u16::MAX));
            let text = if self.right[c] {
                format!("{shown:>width$}", width = self.widths[c])
            } else {
                shown
            };
            let rect = Rect {
                x,
                y: self.y,
                width: w.min(self.area.right().saturating_sub(x)),
                height: 1,
            };
            frame.render_widget(Paragraph::new(Span::styled(text, style)), rect);
            x = x.saturating_add(w + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Editor;
    use super::answer::table_question;
    use crate::tui::action::Action;

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

    #[test]
    fn tab_past_the_last_cell_asks_for_the_next_question() {
        let mut editor = Editor::new(&table_question(), None, None);
        let Editor::Table(table) = &mut editor else {
            panic!("a table editor")
        };
        let mut steps = 0;
        loop {
            let out = table.handle(&Action::NextCell);
            steps += 1;
            assert!(!out.changed && !out.confirmed);
            if out.next {
                break;
            }
            assert!(steps < 100, "Tab never leaves the table");
        }
        assert!(steps > 1);
        // Enter on the last row adds one only when that row has something in it.
        let rows = table.rows.len();
        table.handle(&Action::NextRowOrNew);
        assert_eq!(table.rows.len(), rows, "the last row is empty: no new one");
        table.handle(&Action::Insert('7'));
        assert!(table.handle(&Action::NextRowOrNew).changed);
        assert_eq!(table.rows.len(), rows + 1);
    }
}
