//! Drawing the wizard: a pure function of the app's state.
//!
//! Owns: [`draw`] — the layout (title bar with the save state; where-am-I line; outline,
//! question and paragraph preview side by side when the terminal is wide, toggled when it is
//! narrow; status line; key bar from the key table), each editor's look, and the drawing
//! primitives the dialogs share (boxes, cutting, wrapping, cleaning); the dialog on top draws
//! itself (`dialog/`).
//! Every text that comes from a questionnaire or an answer is cleaned of control characters
//! before it reaches the terminal. Below [`MIN_WIDTH`]×[`MIN_HEIGHT`] it shows only a request
//! to enlarge the window; no size panics.
//!
//! Must not: change the app.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, SaveState};
use super::editor::{ChoiceEditor, Editor, ListEditor, TableEditor, TextKind};
use super::keymap;
use super::text_input::clean;
use super::theme::Theme;
use crate::flow::Mark;
use crate::messages::ui;
use crate::report;
use crate::vn;

/// Smallest usable size.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 14;
/// From this width the outline and the preview stand beside the question.
pub const WIDE: u16 = 100;
const OUTLINE_WIDTH: u16 = 34;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let [title, location, body, status, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    title_bar(frame, app, theme, title);
    location_line(frame, app, theme, location);
    main_body(frame, app, theme, body);
    status_line(frame, app, theme, status);
    key_bar(frame, app, theme, keys);
    if let Some(dialog) = app.overlays.last() {
        dialog.draw(frame, app, theme, body);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = ui::too_small(MIN_WIDTH, MIN_HEIGHT);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// A bordered box titled `title`; returns the area inside it.
pub(super) fn titled(frame: &mut Frame, area: Rect, title: &str, border: Style) -> Rect {
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// `text` cut to `width` columns, with "…" where something was cut.
pub(super) fn fit(text: &str, width: u16) -> String {
    cut(text, width, false)
}

/// `text` cut to its last `width` columns, with "…" in front when something was cut.
pub(super) fn fit_tail(text: &str, width: u16) -> String {
    cut(text, width, true)
}

fn cut(text: &str, width: u16, keep_end: bool) -> String {
    let width = usize::from(width);
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    if !keep_end {
        return format!("{}…", vn::truncate_width(text, width - 1));
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        tail.push(c);
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

/// Text from a questionnaire or an answer, safe to print on one line.
pub(super) fn safe(s: &str) -> String {
    clean(s, false)
}

fn title_bar(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let save = match &app.save_state {
        _ if app.read_only => ui::READ_ONLY_BADGE.to_owned(),
        SaveState::Unchanged => ui::SAVE_UNCHANGED.to_owned(),
        SaveState::Saved(time) => ui::saved_at(time),
        SaveState::Saving => ui::SAVING.to_owned(),
        SaveState::Failed(message) => ui::save_failed(message),
    };
    let save = safe(&save);
    let save_width = u16::try_from(save.width() + 2)
        .unwrap_or(u16::MAX)
        .min(area.width);
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(save_width)]).areas(area);
    let title = format!(" {} · {}", ui::APP_NAME, safe(&app.q.title));
    frame.render_widget(
        Paragraph::new(fit(&title, left.width)).style(theme.title_bar),
        left,
    );
    let save_style = match app.save_state {
        _ if app.read_only => theme.title_bar.patch(theme.error),
        SaveState::Failed(_) => theme.title_bar.patch(theme.error),
        _ => theme.title_bar,
    };
    frame.render_widget(
        Paragraph::new(format!("{save} "))
            .style(save_style)
            .right_aligned(),
        right,
    );
}

fn location_line(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let (k, n) = app.progress();
    let section = app
        .current
        .and_then(|i| app.sections.of_question[i])
        .and_then(|s| app.eval.outline.get(s))
        .map_or_else(
            || ui::HEADER_SECTION.to_owned(),
            |e| safe(&report::document::join_number(&e.number, &e.title)),
        );
    let count = ui::question_k_of_n(k, n);
    let line = Line::from(vec![
        Span::styled(format!(" {count}"), theme.location),
        Span::raw(" · "),
        Span::raw(section),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn main_body(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if area.width >= WIDE {
        let [outline, center] = wide_columns(area);
        outline_panel(frame, app, theme, outline, None);
        let preview_height = (center.height / 3).max(5);
        let [question, preview] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(preview_height)])
                .areas(center);
        question_panel(frame, app, theme, question);
        preview_panel(frame, app, theme, preview);
    } else if app.show_preview && area.height >= 20 {
        let [question, preview] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length((area.height / 3).max(4)),
        ])
        .areas(area);
        question_panel(frame, app, theme, question);
        preview_panel(frame, app, theme, preview);
    } else {
        question_panel(frame, app, theme, area);
    }
}

/// The outline column and the question column of a wide screen.
pub(super) fn wide_columns(area: Rect) -> [Rect; 2] {
    let outline_width = (area.width * 3 / 10).clamp(OUTLINE_WIDTH, 52);
    Layout::horizontal([Constraint::Length(outline_width), Constraint::Min(1)]).areas(area)
}

fn mark_symbol(mark: Mark) -> &'static str {
    match mark {
        Mark::Answered => "✓",
        Mark::Partly => "◐",
        Mark::Empty => "○",
        Mark::Error => "!",
        Mark::Review => "?",
        Mark::NotApplicable => "–",
    }
}

/// The outline; `selected` highlights a row (the jump dialog), else the current section.
pub(super) fn outline_panel(
    frame: &mut Frame,
    app: &App,
    theme: &Theme,
    area: Rect,
    selected: Option<usize>,
) {
    let focused = selected.is_some();
    let border = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    let inner = titled(frame, area, ui::OUTLINE_TITLE, border);
    let here = app.outline_row_of_current();
    let highlight = selected.unwrap_or(here);
    let row = |row: usize, text: String, mark: Mark| {
        let text = fit(&text, inner.width);
        let mut style = match mark {
            Mark::NotApplicable => theme.not_applicable,
            Mark::Error => theme.error,
            _ => Style::default(),
        };
        if row == here {
            style = style.patch(theme.current_section);
        }
        if row == highlight && focused {
            style = style.patch(theme.selected);
        }
        Line::styled(text, style)
    };
    let header_mark = app.header_mark();
    let mut lines = vec![row(
        0,
        format!("{} {}", mark_symbol(header_mark), ui::HEADER_SECTION),
        header_mark,
    )];
    lines.extend(app.eval.outline.iter().map(|e| {
        let mark = app.marks.get(e.section).copied().unwrap_or(Mark::Empty);
        let indent = "  ".repeat(e.level.saturating_sub(1));
        let head = report::document::join_number(&e.number, &e.title);
        row(
            e.section + 1,
            format!("{indent}{} {}", mark_symbol(mark), safe(&head)),
            mark,
        )
    }));
    let offset = scroll_to_show(highlight, inner.height);
    frame.render_widget(Paragraph::new(lines).scroll((offset, 0)), inner);
}

/// The first line to show so that `row` is visible, keeping it a third from the top.
fn scroll_to_show(row: usize, height: u16) -> u16 {
    let height = usize::from(height);
    let offset = if row + 2 > height {
        row.saturating_sub(height / 3)
    } else {
        0
    };
    u16::try_from(offset).unwrap_or(u16::MAX)
}

fn question_panel(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let block = Block::bordered().border_style(theme.border_focused);
    let (k, n) = app.progress();
    let block = block.title(format!(" {} ", ui::question_k_of_n(k, n)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (Some(i), Some(editor)) = (app.current, app.editor.as_ref()) else {
        frame.render_widget(
            Paragraph::new(ui::NO_QUESTIONS).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let question = &app.q.questions[i];
    let mut prompt = safe(&app.eval.text(&app.q, &question.ask));
    if question.required {
        prompt.push_str(" *");
    }
    let help = question
        .help
        .as_ref()
        .map(|h| safe(&app.eval.text(&app.q, h)));
    // An answer carried over from the last period says so above the question's help.
    let help = match (app.needs_review(), help) {
        (true, Some(h)) => Some(format!("{}\n{h}", ui::REVIEW_NOTE)),
        (true, None) => Some(ui::REVIEW_NOTE.to_owned()),
        (false, help) => help,
    };
    let messages = app.messages();
    let width = inner.width.max(1);
    let prompt_h = wrapped_height(&prompt, width);
    let mut help_h = help.as_deref().map_or(0, |h| wrapped_height(h, width));
    let messages_h: u16 = messages
        .iter()
        .map(|m| wrapped_height(&format!("⚠ {m}"), width))
        .sum();
    let mut hint = editor_hint(editor);
    // On a small screen the editor comes first: the help line and the hint give way.
    let needed = editor_min_height(editor);
    let fixed = prompt_h.saturating_add(messages_h).saturating_add(1);
    if inner.height < fixed + help_h + u16::from(hint.is_some()) + needed {
        hint = None;
        if inner.height < fixed + help_h + needed {
            help_h = 0;
        }
    }
    let [
        prompt_area,
        help_area,
        _,
        editor_area,
        messages_area,
        hint_area,
    ] = Layout::vertical([
        Constraint::Length(prompt_h),
        Constraint::Length(help_h),
        Constraint::Length(u16::from(help_h > 0 || prompt_h > 0)),
        Constraint::Min(1),
        Constraint::Length(messages_h),
        Constraint::Length(u16::from(hint.is_some())),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(prompt)
            .style(theme.prompt)
            .wrap(Wrap { trim: true }),
        prompt_area,
    );
    if let Some(help) = help.filter(|_| help_h > 0) {
        frame.render_widget(
            Paragraph::new(help)
                .style(theme.help)
                .wrap(Wrap { trim: true }),
            help_area,
        );
    }
    let default = question.default.as_ref().map(|d| match d {
        crate::answers::AnswerValue::Date(date) => vn::date_short(date),
        other => other.display(),
    });
    draw_editor(frame, app, editor, default.as_deref(), theme, editor_area);
    let lines: Vec<Line> = messages
        .iter()
        .map(|m| Line::styled(format!("⚠ {}", safe(m)), theme.error))
        .collect();
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        messages_area,
    );
    if let Some(hint) = hint {
        frame.render_widget(Paragraph::new(hint).style(theme.help), hint_area);
    }
}

/// Rows an editor needs to be usable.
fn editor_min_height(editor: &Editor) -> u16 {
    match editor {
        Editor::Text {
            kind: TextKind::Paragraph,
            ..
        } => 5,
        Editor::Text { .. } | Editor::List(_) => 3,
        Editor::YesNo(_) => 1,
        Editor::Choice(c) => u16::try_from(c.len()).unwrap_or(u16::MAX).min(4),
        // Header, the row being edited, the totals.
        Editor::Table(_) => 4,
    }
}

fn editor_hint(editor: &Editor) -> Option<&'static str> {
    match editor {
        Editor::Text {
            kind: TextKind::Integer | TextKind::Decimal,
            ..
        } => Some(ui::HINT_NUMBER),
        Editor::Text {
            kind: TextKind::Date,
            ..
        } => Some(ui::HINT_DATE),
        Editor::Choice(c) if c.multi => Some(ui::HINT_CHOICES),
        Editor::List(_) => Some(ui::HINT_LIST),
        Editor::Table(_) => Some(ui::HINT_TABLE),
        _ => None,
    }
}

/// Lines `text` takes when word-wrapped to `width` columns.
pub(super) fn wrapped_height(text: &str, width: u16) -> u16 {
    u16::try_from(wrap(text, width, None)).unwrap_or(u16::MAX)
}

/// Word-wraps `text` to `width` columns (a word wider than a row is cut by letters), pushing
/// the rows to `rows` when given; returns how many rows it takes. One routine for measuring
/// and for drawing, so the two always agree.
pub(super) fn wrap(text: &str, width: u16, mut rows: Option<&mut Vec<String>>) -> usize {
    let width = usize::from(width.max(1));
    let mut count = 0;
    for line in text.split('\n') {
        // Leading spaces (a centred line, an item's second line) are kept.
        let body = line.trim_start_matches(' ');
        let indent = (line.len() - body.len()).min(width.saturating_sub(1));
        let mut row = " ".repeat(indent);
        let mut used = indent;
        let line = body;
        let mut push = |row: &mut String, used: &mut usize| {
            count += 1;
            if let Some(rows) = rows.as_deref_mut() {
                rows.push(std::mem::take(row));
            } else {
                row.clear();
            }
            *used = 0;
        };
        for (n, word) in line.split(' ').enumerate() {
            let w = word.width();
            if n > 0 && used > 0 && used + 1 + w > width {
                push(&mut row, &mut used);
            }
            if n > 0 && used > 0 {
                row.push(' ');
                used += 1;
            }
            if w > width {
                for c in word.chars() {
                    let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    if used + cw > width && used > 0 {
                        push(&mut row, &mut used);
                    }
                    row.push(c);
                    used += cw;
                }
            } else {
                row.push_str(word);
                used += w;
            }
        }
        push(&mut row, &mut used);
    }
    count
}

fn draw_editor(
    frame: &mut Frame,
    app: &App,
    editor: &Editor,
    default: Option<&str>,
    theme: &Theme,
    area: Rect,
) {
    match editor {
        Editor::Text { kind, input } => {
            let height = match kind {
                TextKind::Paragraph => area.height,
                // A one-line answer shows whole, wrapped, however long it is.
                _ => wrapped_height(&format!("{}  ", input.text()), area.width.saturating_sub(2))
                    .saturating_add(2)
                    .min(area.height),
            };
            let [field, _] =
                Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(area);
            let block = Block::bordered().border_style(theme.border_focused);
            let inner = block.inner(field);
            frame.render_widget(block, field);
            frame.render_widget(input.textarea(), inner);
            if input.text().is_empty() {
                let placeholder = match (default, kind) {
                    (Some(d), _) => ui::placeholder_default(&safe(d)),
                    (None, TextKind::Paragraph) => ui::PLACEHOLDER_PARAGRAPH.to_owned(),
                    (None, TextKind::Date) => ui::PLACEHOLDER_DATE.to_owned(),
                    (None, TextKind::Integer) => ui::PLACEHOLDER_INTEGER.to_owned(),
                    (None, TextKind::Decimal) => ui::PLACEHOLDER_NUMBER.to_owned(),
                    (None, TextKind::Line) => ui::PLACEHOLDER_LINE.to_owned(),
                };
                let [_, rest] =
                    Layout::horizontal([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
                frame.render_widget(
                    Paragraph::new(Line::styled(placeholder, theme.placeholder)),
                    Rect {
                        height: 1.min(rest.height),
                        ..rest
                    },
                );
            }
        }
        Editor::YesNo(value) => {
            let choice = |label: &str, on: bool| {
                let mark = if on { "(•)" } else { "( )" };
                Span::styled(
                    format!(" {mark} {label} "),
                    if on { theme.selected } else { Style::default() },
                )
            };
            let line = Line::from(vec![
                choice(ui::YES_KEYED, *value == Some(true)),
                Span::raw("   "),
                choice(ui::NO_KEYED, *value == Some(false)),
            ]);
            frame.render_widget(Paragraph::new(line), area);
        }
        Editor::Choice(c) => draw_choice(frame, c, theme, area),
        Editor::List(l) => draw_list(frame, l, theme, area),
        Editor::Table(t) => {
            let headers: Vec<String> = t
                .spec
                .columns
                .iter()
                .map(|c| safe(&app.eval.text(&app.q, &c.title)))
                .collect();
            draw_table(frame, t, &headers, theme, area);
        }
    }
}

fn draw_choice(frame: &mut Frame, c: &ChoiceEditor, theme: &Theme, area: Rect) {
    let rows = usize::from(area.height);
    let offset = c.cursor.saturating_sub(rows.saturating_sub(1));
    for (row, i) in (offset..c.len()).enumerate().take(rows) {
        let y = area.y + u16::try_from(row).unwrap_or(0);
        let mark = match (c.multi, c.checked[i]) {
            (true, true) => "[x]",
            (true, false) => "[ ]",
            (false, true) => "(•)",
            (false, false) => "( )",
        };
        let label = if i < c.options.len() {
            safe(&c.options[i])
        } else {
            ui::OTHER_LABEL.to_owned()
        };
        let style = if i == c.cursor {
            theme.selected
        } else {
            Style::default()
        };
        let text = format!("{mark} {label}");
        let line_area = Rect {
            x: area.x,
            y,
            width: area.width,
            height: 1,
        };
        frame.render_widget(Paragraph::new(Line::styled(text.clone(), style)), line_area);
        if i == c.options.len()
            && let Some(other) = &c.other
        {
            let used = u16::try_from(text.width() + 1).unwrap_or(u16::MAX);
            let rest = Rect {
                x: area.x.saturating_add(used),
                y,
                width: area.width.saturating_sub(used),
                height: 1,
            };
            if c.on_other() {
                frame.render_widget(other.textarea(), rest);
            } else {
                frame.render_widget(Paragraph::new(safe(&other.text())), rest);
            }
        }
    }
}

fn draw_list(frame: &mut Frame, l: &ListEditor, theme: &Theme, area: Rect) {
    const BULLET: u16 = 4;
    let width = area.width.saturating_sub(BULLET).max(1);
    let heights: Vec<u16> = l
        .items_now()
        .iter()
        .map(|item| wrapped_height(&format!("{item}  "), width))
        .collect();
    // Start early enough that the item being edited is fully visible.
    let mut first = 0;
    while first < l.cursor
        && heights[first..=l.cursor]
            .iter()
            .map(|h| u32::from(*h))
            .sum::<u32>()
            > u32::from(area.height)
    {
        first += 1;
    }
    let mut y = area.y;
    for (i, item_height) in heights.iter().enumerate().skip(first) {
        if y >= area.bottom() {
            break;
        }
        let height = (*item_height).min(area.bottom() - y);
        let style = if i == l.cursor {
            theme.border_focused
        } else {
            Style::default()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!("{:>2}. ", i + 1), style)),
            Rect {
                x: area.x,
                y,
                width: BULLET.min(area.width),
                height: 1,
            },
        );
        let rest = Rect {
            x: area.x.saturating_add(BULLET),
            y,
            width: area.width.saturating_sub(BULLET),
            height,
        };
        if i == l.cursor {
            frame.render_widget(l.input.textarea(), rest);
        } else {
            frame.render_widget(
                Paragraph::new(safe(&l.items[i])).wrap(Wrap { trim: true }),
                rest,
            );
        }
        y = y.saturating_add(height);
    }
}

fn draw_table(
    frame: &mut Frame,
    table: &TableEditor,
    headers: &[String],
    theme: &Theme,
    area: Rect,
) {
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
    let draw_row = |frame: &mut Frame, y: u16, cells: &[String], style: Style, right: &[bool]| {
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
        .map(|c| c.kind != crate::questionnaire::CellKind::Text)
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

fn preview_panel(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let inner = titled(frame, area, ui::PREVIEW_TITLE, theme.border);
    let lines = app.paragraph_preview();
    if lines.iter().all(|l| l.trim().is_empty()) {
        frame.render_widget(
            Paragraph::new(Text::styled(ui::PREVIEW_EMPTY, theme.placeholder)),
            inner,
        );
        return;
    }
    if app.preview_is_frame() {
        let shown = lines.iter().take(usize::from(inner.height));
        let text: Vec<Line> = shown.map(|l| Line::raw(safe(l))).collect();
        frame.render_widget(Paragraph::new(text), inner);
        return;
    }
    // Follow the answer: when its words are below the pane, scroll them into view. Only the
    // lines that can show are cleaned and wrapped (a section may be long).
    let cleaned: Vec<String> = lines.iter().map(|l| safe(l)).collect();
    let heights: Vec<u16> = cleaned
        .iter()
        .map(|l| wrapped_height(l, inner.width))
        .collect();
    let anchor = app.preview_anchor();
    let at = anchor
        .as_deref()
        .and_then(|a| lines.iter().position(|l| l.contains(a)));
    let offset = at.map_or(0, |at| {
        let before: u16 = heights[..at].iter().fold(0, |n, h| n.saturating_add(*h));
        if before.saturating_add(heights[at].min(inner.height)) > inner.height {
            before.saturating_sub(inner.height / 3)
        } else {
            0
        }
    });
    // Only the rows that show are wrapped (here, not by the widget) and cleaned.
    let mut rows: Vec<String> = Vec::with_capacity(usize::from(inner.height));
    let mut skipped = 0u16;
    for (line, height) in cleaned.iter().zip(&heights) {
        if rows.len() >= usize::from(inner.height) {
            break;
        }
        if skipped.saturating_add(*height) <= offset {
            skipped = skipped.saturating_add(*height);
            continue;
        }
        let mut wrapped = Vec::new();
        wrap(line, inner.width, Some(&mut wrapped));
        let skip = usize::from(offset.saturating_sub(skipped));
        skipped = offset;
        rows.extend(wrapped.into_iter().skip(skip));
    }
    rows.truncate(usize::from(inner.height));
    let text: Vec<Line> = rows.into_iter().map(Line::raw).collect();
    frame.render_widget(Paragraph::new(text), inner);
}

fn status_line(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if let Some(status) = &app.status {
        frame.render_widget(Paragraph::new(safe(status)).style(theme.warning), area);
    }
}

fn key_bar(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let focus = app.focus();
    let mut spans = Vec::new();
    let mut used = 0usize;
    let room = usize::from(area.width);
    let entries: Vec<_> = keymap::bar(
        focus,
        app.has_suggestions(),
        app.needs_review(),
        app.read_only,
    )
    .collect();
    // F1 and quitting always fit: they are placed first when room is short.
    let mut ordered: Vec<_> = entries
        .iter()
        .filter(|b| b.label == "F1" || b.label == "Ctrl+Q")
        .collect();
    ordered.extend(
        entries
            .iter()
            .filter(|b| b.label != "F1" && b.label != "Ctrl+Q"),
    );
    let mut chosen = Vec::new();
    for b in ordered {
        let w = b.label.width() + b.help.width() + 3;
        if used + w > room {
            continue;
        }
        used += w;
        chosen.push(*b);
    }
    // Shown in table order.
    chosen.sort_by_key(|b| keymap::BINDINGS.iter().position(|x| std::ptr::eq(x, *b)));
    for b in chosen {
        spans.push(Span::styled(format!(" {} ", b.label), theme.key));
        spans.push(Span::styled(format!("{} ", b.help), theme.key_help));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
