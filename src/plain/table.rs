//! A table question asked cell by cell: each cell that can be typed in (not a computed sum,
//! not a fixed row's label), row by row, with its row and column named and what it holds;
//! then new rows, until the first cell of a new row is left empty. A command typed in a cell
//! (`:tiếp`: the rest kept as it is) stops the table once what was typed is kept.
//!
//! Must not: read cells itself (the core's `answers::grid` does), or print anything but text.

use std::io::{BufRead, Write};

use super::reply::{self, Line};
use super::{Session, Step};
use crate::answers::grid;
use crate::answers::typed::Typed;
use crate::answers::{AnswerValue, Row};
use crate::messages::{plain as words, ui};
use crate::questionnaire::{CellKind, TableSpec};

/// What one cell's line did.
enum Cell {
    /// Kept (an empty line) or typed.
    Done,
    /// The end of input: the table stops here.
    End,
    /// A command: the table stops here, and the command runs once what was typed is kept.
    Command(reply::Command),
}

impl<W: Write> Session<W> {
    /// Asks table question `i` cell by cell; the table is stored when a cell changed.
    pub(super) fn ask_table(
        &mut self,
        i: usize,
        spec: &TableSpec,
        visible: &[usize],
        input: &mut impl BufRead,
    ) -> Step {
        let question = &self.q.questions[i];
        let titles: Vec<String> = spec
            .columns
            .iter()
            .map(|c| {
                self.eval
                    .try_text(&self.q, &c.title)
                    .unwrap_or_else(|_| c.title.source.clone())
            })
            .collect();
        let rows: &[Row] = match self.answers.get(&question.id) {
            Some(AnswerValue::Table(rows)) => rows,
            _ => &[],
        };
        let before = grid::cells_of(spec, rows);
        let mut cells = before.clone();
        let mut stopped = None;
        let mut r = 0;
        'rows: loop {
            if r == cells.len() {
                cells.push(vec![String::new(); spec.columns.len()]);
            }
            let new = r >= before.len();
            for c in 0..spec.columns.len() {
                if !grid::is_editable(spec, r, c) {
                    continue;
                }
                let first_of_new = new && (0..c).all(|k| !grid::is_editable(spec, r, k));
                let row_name = row_name(spec, &cells[r], r, new);
                let line = words::table_cell(&row_name, &titles[c], &cells[r][c], first_of_new);
                self.say(&line);
                match self.read_cell(spec, (r, c), &mut cells, &titles, input) {
                    Cell::Done if first_of_new && cells[r][c].trim().is_empty() => {
                        cells.pop();
                        break 'rows;
                    }
                    Cell::Done => {}
                    Cell::End => {
                        stopped = Some(None);
                        break 'rows;
                    }
                    Cell::Command(command) => {
                        stopped = Some(Some(command));
                        break 'rows;
                    }
                }
            }
            r += 1;
        }
        let cells = trimmed(cells);
        if cells != trimmed(before) {
            match grid::table_value(spec, &titles, &cells) {
                Typed::Answer(value) => self.set(i, Some(value)),
                Typed::Empty => self.set(i, None),
                // Every cell was read before it was kept: a table that still does not read
                // is said, and left as it was.
                Typed::Raw { reason, .. } => self.say(&words::refused(&reason)),
            }
        }
        match stopped {
            None => Step::Go(i + 1),
            Some(None) => Step::End,
            Some(Some(command)) => self.command(command, Some(i), visible, input),
        }
    }

    /// Reads one cell's line: kept, typed (read as its column's kind, asked again until it
    /// reads), or a command (which stops the table).
    fn read_cell(
        &mut self,
        spec: &TableSpec,
        (r, c): (usize, usize),
        cells: &mut [Vec<String>],
        titles: &[String],
        input: &mut impl BufRead,
    ) -> Cell {
        loop {
            let Some(line) = self.read_line(input) else {
                return Cell::End;
            };
            match reply::classify(&line) {
                Line::Empty => return Cell::Done,
                Line::Command(command) => return Cell::Command(command),
                Line::Unknown(typed) => self.say(&words::unknown_command(&typed)),
                Line::Text(_) if self.right.is_none() => self.say(words::READ_ONLY),
                Line::Text(text) => {
                    let kind = spec.columns[c].kind;
                    if let Some(Err(())) = grid::cell_value(kind, &text) {
                        let row = row_name(spec, &cells[r], r, false);
                        let reason = ui::bad_cell(&row, &titles[c], kind == CellKind::Integer);
                        self.say(&words::refused(&reason));
                        continue;
                    }
                    text.trim().clone_into(&mut cells[r][c]);
                    return Cell::Done;
                }
            }
        }
    }
}

/// The cells without the empty rows at the end.
fn trimmed(mut cells: Vec<Vec<String>>) -> Vec<Vec<String>> {
    while cells
        .last()
        .is_some_and(|row| row.iter().all(|t| t.trim().is_empty()))
    {
        cells.pop();
    }
    cells
}

/// A row as the official reads it: its label when the first column holds one, else its
/// number.
fn row_name(spec: &TableSpec, row: &[String], r: usize, new: bool) -> String {
    let labelled = spec
        .columns
        .first()
        .is_some_and(|c| c.kind == CellKind::Text);
    match row.first().map(|l| l.trim()) {
        Some(label) if labelled && !label.is_empty() && !new => label.to_owned(),
        _ => (r + 1).to_string(),
    }
}
