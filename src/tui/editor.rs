//! The editor of the current question, one variant per kind (huh's Field idea as an enum).
//!
//! Owns: [`Editor`] — its state (text being typed, the highlighted option, the list item or
//! table cell being edited), how it is filled from a stored answer, and how it turns back into
//! an [`AnswerValue`] (or, when what is typed is not yet a valid number or date, into the raw
//! text that is kept so nothing is lost). Editing operations are plain methods; which key
//! calls them is `keymap`'s business.
//!
//! Must not: draw, read keys, or touch the answers store.

use crate::answers::{AnswerValue, Cell, Row};
use crate::messages::ui;
use crate::questionnaire::{CellKind, Question, QuestionKind, TableSpec};
use crate::vn::{self, Date};

use super::text_input::TextInput;

/// What the editor of a text-like question accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Line,
    Paragraph,
    Integer,
    Decimal,
    Date,
}

/// The editor of the current question.
#[derive(Debug, Clone)]
pub enum Editor {
    Text { kind: TextKind, input: TextInput },
    YesNo(Option<bool>),
    Choice(ChoiceEditor),
    List(ListEditor),
    Table(TableEditor),
}

/// Single or multiple choice, with an optional free "other" text as the last row.
#[derive(Debug, Clone)]
pub struct ChoiceEditor {
    pub options: Vec<String>,
    pub multi: bool,
    /// The "other" text, when the question allows one.
    pub other: Option<TextInput>,
    /// Per row (options, then "other"): chosen?
    pub checked: Vec<bool>,
    /// The highlighted row.
    pub cursor: usize,
}

/// A list of texts; `input` edits `items[cursor]`.
#[derive(Debug, Clone)]
pub struct ListEditor {
    pub items: Vec<String>,
    pub cursor: usize,
    pub input: TextInput,
}

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

/// What an editor holds, as an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing given.
    Empty,
    /// A valid answer.
    Answer(AnswerValue),
    /// Typed text that is not (yet) a valid answer: kept as it is, with the reason.
    Raw {
        raw: serde_yaml::Value,
        reason: String,
    },
}

impl Editor {
    /// The editor for `question`, filled from its stored answer, or from the raw text kept
    /// when the stored answer did not fit.
    pub fn new(
        question: &Question,
        answer: Option<&AnswerValue>,
        raw: Option<&serde_yaml::Value>,
    ) -> Self {
        let text_of = |answer: Option<&AnswerValue>| -> String {
            match answer {
                Some(AnswerValue::Text(s)) => s.clone(),
                Some(v @ (AnswerValue::Integer(_) | AnswerValue::Decimal(_))) => v.display(),
                Some(AnswerValue::Date(d)) => vn::date_short(d),
                _ => raw.and_then(raw_text).unwrap_or_default(),
            }
        };
        let text = |kind: TextKind| {
            let s = text_of(answer);
            let input = match kind {
                TextKind::Paragraph => TextInput::paragraph(&s),
                TextKind::Line => TextInput::line(&s).wrapped(),
                _ => TextInput::line(&s),
            };
            Editor::Text { kind, input }
        };
        match &question.kind {
            QuestionKind::Text => text(TextKind::Line),
            QuestionKind::Paragraph => text(TextKind::Paragraph),
            QuestionKind::Integer => text(TextKind::Integer),
            QuestionKind::Decimal => text(TextKind::Decimal),
            QuestionKind::Date => text(TextKind::Date),
            QuestionKind::YesNo => Editor::YesNo(match answer {
                Some(AnswerValue::Bool(b)) => Some(*b),
                _ => None,
            }),
            QuestionKind::Choice { options, other } => {
                let chosen: Vec<String> = match answer {
                    Some(AnswerValue::Choice(s)) => vec![s.clone()],
                    _ => Vec::new(),
                };
                Editor::Choice(ChoiceEditor::new(options, *other, false, &chosen))
            }
            QuestionKind::Choices { options, other } => {
                let chosen: Vec<String> = match answer {
                    Some(AnswerValue::Choices(v)) => v.clone(),
                    _ => Vec::new(),
                };
                Editor::Choice(ChoiceEditor::new(options, *other, true, &chosen))
            }
            QuestionKind::List => {
                let items = match answer {
                    Some(AnswerValue::List(items)) if !items.is_empty() => items.clone(),
                    _ => vec![String::new()],
                };
                Editor::List(ListEditor::new(items))
            }
            QuestionKind::Table(spec) => {
                let rows = match answer {
                    Some(AnswerValue::Table(rows)) => rows.as_slice(),
                    _ => &[],
                };
                let mut table = TableEditor::new(spec, rows);
                if answer.is_none()
                    && let Some(cells) = raw.and_then(|r| raw_cells(spec, r))
                {
                    // A table kept because a cell was not a number comes back as typed.
                    table = TableEditor::new(spec, &[]);
                    table.fill(cells);
                }
                Editor::Table(table)
            }
        }
    }

    /// The editor's content as an answer.
    pub fn value(&self) -> Value {
        match self {
            Editor::Text { kind, input } => text_value(*kind, &input.text()),
            Editor::YesNo(b) => b.map_or(Value::Empty, |b| Value::Answer(AnswerValue::Bool(b))),
            Editor::Choice(c) => c.value(),
            Editor::List(l) => {
                // The report adds its own "- ": one typed by habit is dropped.
                let items: Vec<String> = l
                    .items_now()
                    .into_iter()
                    .map(|s| {
                        let t = s.trim();
                        t.strip_prefix("- ")
                            .or_else(|| t.strip_prefix("• "))
                            .or_else(|| t.strip_prefix("+ "))
                            .unwrap_or(t)
                            .trim()
                            .to_owned()
                    })
                    .filter(|s| !s.is_empty())
                    .collect();
                if items.is_empty() {
                    Value::Empty
                } else {
                    Value::Answer(AnswerValue::List(items))
                }
            }
            Editor::Table(t) => t.value(),
        }
    }

    /// The text input that has the keyboard, if any.
    pub fn input(&self) -> Option<&TextInput> {
        match self {
            Editor::Text { input, .. } => Some(input),
            Editor::Choice(c) => c.other.as_ref().filter(|_| c.on_other()),
            Editor::List(l) => Some(&l.input),
            Editor::Table(t) => Some(&t.input),
            Editor::YesNo(_) => None,
        }
    }

    /// Every text input forgets its scrolling (the window changed size).
    pub fn reset_views(&mut self) {
        match self {
            Editor::Text { input, .. } => input.reset_view(),
            Editor::Choice(c) => {
                if let Some(other) = c.other.as_mut() {
                    other.reset_view();
                }
            }
            Editor::List(l) => l.input.reset_view(),
            Editor::Table(t) => t.input.reset_view(),
            Editor::YesNo(_) => {}
        }
    }

    /// A number or date editor shows its value the Vietnamese way when left:
    /// "1250000" → "1.250.000", "5/8/2025" → "05/8/2025" stays as the official wrote it
    /// only when it does not parse.
    pub fn tidy(&mut self) {
        if let Editor::Text { kind, input } = self
            && matches!(kind, TextKind::Integer | TextKind::Decimal | TextKind::Date)
            && let Value::Answer(v) = text_value(*kind, &input.text())
        {
            *input = TextInput::line(&Self::shown(&v));
        }
        if let Editor::Table(t) = self {
            t.store_cell();
            t.tidy();
            t.load_cell();
        }
    }

    fn shown(v: &AnswerValue) -> String {
        match v {
            AnswerValue::Date(d) => vn::date_short(d),
            v => v.display(),
        }
    }
}

/// Day, month and a four-digit year written with one separator ("31/02/2025"): a date in
/// form, so one that fails is a day that does not exist.
fn looks_like_a_date(s: &str) -> bool {
    let Some(sep) = s.chars().find(|c| matches!(c, '/' | '-' | '.')) else {
        return false;
    };
    let parts: Vec<&str> = s.split(sep).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && (parts[2].len() == 4 || parts[0].len() == 4)
}

/// A typed text as an answer of its kind.
fn text_value(kind: TextKind, text: &str) -> Value {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Value::Empty;
    }
    let raw = || serde_yaml::Value::String(text.to_owned());
    match kind {
        TextKind::Line | TextKind::Paragraph => Value::Answer(AnswerValue::Text(text.to_owned())),
        TextKind::Integer => vn::parse_integer(trimmed).map_or_else(
            || Value::Raw {
                raw: raw(),
                reason: ui::NOT_AN_INTEGER.to_owned(),
            },
            |n| Value::Answer(AnswerValue::Integer(n)),
        ),
        TextKind::Decimal => vn::parse_decimal(trimmed).map_or_else(
            || Value::Raw {
                raw: raw(),
                reason: ui::NOT_A_NUMBER.to_owned(),
            },
            |x| Value::Answer(AnswerValue::Decimal(x)),
        ),
        TextKind::Date => Date::parse_user(trimmed).map_or_else(
            || Value::Raw {
                raw: raw(),
                reason: if looks_like_a_date(trimmed) {
                    crate::messages::answer_no_such_date(trimmed)
                } else {
                    ui::NOT_A_DATE.to_owned()
                },
            },
            |d| Value::Answer(AnswerValue::Date(d)),
        ),
    }
}

impl ChoiceEditor {
    fn new(options: &[String], other: bool, multi: bool, chosen: &[String]) -> Self {
        let key = |s: &str| -> String {
            use unicode_normalization::UnicodeNormalization;
            s.trim().nfc().collect()
        };
        let mut checked = vec![false; options.len() + usize::from(other)];
        let mut other_text = String::new();
        for c in chosen {
            match options.iter().position(|o| key(o) == key(c)) {
                Some(i) => checked[i] = true,
                None if other => {
                    other_text.clone_from(c);
                    checked[options.len()] = true;
                }
                None => {}
            }
        }
        let cursor = checked.iter().position(|c| *c).unwrap_or(0);
        ChoiceEditor {
            options: options.to_vec(),
            multi,
            other: other.then(|| TextInput::line(&other_text)),
            checked,
            cursor,
        }
    }

    /// Rows: the options, then "other".
    pub fn len(&self) -> usize {
        self.checked.len()
    }

    pub fn is_empty(&self) -> bool {
        self.checked.is_empty()
    }

    /// Whether the highlighted row is the "other" text.
    pub fn on_other(&self) -> bool {
        self.other.is_some() && self.cursor == self.options.len()
    }

    /// Moves the highlight; false at either end.
    pub fn step(&mut self, down: bool) -> bool {
        if down && self.cursor + 1 < self.len() {
            self.cursor += 1;
            true
        } else if !down && self.cursor > 0 {
            self.cursor -= 1;
            true
        } else {
            false
        }
    }

    /// Space: toggles the highlighted row (multiple), or chooses it (single, like a radio
    /// button: choosing again keeps it chosen).
    pub fn toggle(&mut self) {
        if self.is_empty() {
            return;
        }
        if self.multi {
            self.checked[self.cursor] = !self.checked[self.cursor];
        } else {
            self.choose();
        }
    }

    /// Un-chooses everything (Delete or Backspace on a single choice).
    pub fn clear(&mut self) {
        self.checked.iter_mut().for_each(|c| *c = false);
    }

    /// Chooses the highlighted row (single choice: Enter), without un-choosing it.
    pub fn choose(&mut self) {
        if self.is_empty() {
            return;
        }
        if !self.multi {
            self.checked.iter_mut().for_each(|c| *c = false);
        }
        self.checked[self.cursor] = true;
    }

    /// Typing into "other" checks it.
    pub fn typed_other(&mut self) {
        if !self.multi {
            self.checked.iter_mut().for_each(|c| *c = false);
        }
        if let Some(last) = self.checked.last_mut() {
            *last = true;
        }
    }

    fn value(&self) -> Value {
        let mut chosen: Vec<String> = self
            .options
            .iter()
            .zip(&self.checked)
            .filter(|(_, c)| **c)
            .map(|(o, _)| o.clone())
            .collect();
        if let Some(other) = &self.other
            && self.checked.last().copied().unwrap_or(false)
        {
            let text = other.text().trim().to_owned();
            if !text.is_empty() {
                chosen.push(text);
            }
        }
        if chosen.is_empty() {
            Value::Empty
        } else if self.multi {
            Value::Answer(AnswerValue::Choices(chosen))
        } else {
            Value::Answer(AnswerValue::Choice(chosen.remove(0)))
        }
    }
}

impl ListEditor {
    fn new(items: Vec<String>) -> Self {
        let input = TextInput::line(&items[0]).wrapped();
        let mut editor = ListEditor {
            items,
            cursor: 0,
            input,
        };
        editor.go(editor.items.len() - 1);
        editor
    }

    /// The items with the one being typed included.
    pub fn items_now(&self) -> Vec<String> {
        let mut items = self.items.clone();
        items[self.cursor] = self.input.text();
        items
    }

    fn store(&mut self) {
        self.items[self.cursor] = self.input.text();
    }

    /// Edits item `i`.
    pub fn go(&mut self, i: usize) {
        self.store();
        self.cursor = i.min(self.items.len() - 1);
        self.input = TextInput::line(&self.items[self.cursor]).wrapped();
    }

    /// Enter: a new empty item after the current one.
    pub fn add_after(&mut self) {
        self.store();
        self.items.insert(self.cursor + 1, String::new());
        self.cursor += 1;
        self.input = TextInput::line("").wrapped();
    }

    /// Inserts a whole item after the current one (a suggestion); replaces an empty one.
    pub fn add_item(&mut self, text: &str) {
        self.store();
        if self.items[self.cursor].trim().is_empty() {
            self.items[self.cursor] = String::new();
        } else {
            self.items.insert(self.cursor + 1, String::new());
            self.cursor += 1;
        }
        self.input = TextInput::line("").wrapped();
        self.input.insert_str(text);
    }

    /// Pasted lines: the first goes where the cursor is, each other one becomes an item after
    /// it.
    pub fn paste_lines(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut lines = text.split('\n').filter(|l| !l.trim().is_empty());
        if let Some(first) = lines.next() {
            self.input.insert_str(first);
        }
        for line in lines {
            self.add_after();
            self.input.insert_str(line);
        }
    }

    /// Deletes the current item (an empty list keeps one empty item).
    pub fn delete_item(&mut self) {
        self.items.remove(self.cursor);
        if self.items.is_empty() {
            self.items.push(String::new());
        }
        self.cursor = self.cursor.min(self.items.len() - 1);
        self.input = TextInput::line(&self.items[self.cursor]).wrapped();
    }

    /// Moves the current item up or down; false at the end.
    pub fn move_item(&mut self, down: bool) -> bool {
        self.store();
        let Some(target) = neighbour(self.cursor, self.items.len(), down) else {
            return false;
        };
        self.items.swap(self.cursor, target);
        self.cursor = target;
        let col = self.input.cursor().1;
        self.input = TextInput::line(&self.items[self.cursor]).wrapped();
        self.input.set_cursor(0, col);
        true
    }
}

impl TableEditor {
    fn new(spec: &TableSpec, rows: &[Row]) -> Self {
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

    fn store_cell(&mut self) {
        if self.editable() {
            self.rows[self.row][self.col] = self.input.text();
        }
    }

    fn load_cell(&mut self) {
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
    fn tidy(&mut self) {
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

    fn value(&self) -> Value {
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

/// The index after (or before) `i` among `len`, if there is one.
fn neighbour(i: usize, len: usize, down: bool) -> Option<usize> {
    if down {
        Some(i + 1).filter(|&t| t < len)
    } else {
        i.checked_sub(1)
    }
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

/// The text kept for an answer that did not fit its question, when it is plain text.
pub fn raw_text(raw: &serde_yaml::Value) -> Option<String> {
    match raw {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn numbers_and_dates_are_tidied_when_left() {
        let mut e = Editor::Text {
            kind: TextKind::Integer,
            input: TextInput::line("1250000"),
        };
        e.tidy();
        let Editor::Text { input, .. } = &e else {
            unreachable!()
        };
        assert_eq!(input.text(), "1.250.000");
        let mut bad = Editor::Text {
            kind: TextKind::Date,
            input: TextInput::line("31/2/2025"),
        };
        bad.tidy();
        assert!(matches!(bad.value(), Value::Raw { .. }));
        let Editor::Text { input, .. } = &bad else {
            unreachable!()
        };
        assert_eq!(input.text(), "31/2/2025", "an invalid date stays as typed");
    }
}
