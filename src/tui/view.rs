//! Drawing the wizard: a pure function of the app's state.
//!
//! Owns: [`draw`] — the layout (title bar with the save state; where-am-I line; outline,
//! question and paragraph preview side by side when the terminal is wide, toggled when it is
//! narrow; status line; key bar from the key table) and the question panel around the editor
//! (each editor draws itself, in `editor/`; the dialog on top draws itself, in `dialog/`),
//! with the boxes and panels the dialogs share.
//! Every text that comes from a questionnaire or an answer is cleaned of control characters
//! before it reaches the terminal. Below [`MIN_WIDTH`]×[`MIN_HEIGHT`] it shows only a request
//! to enlarge the window; no size panics.
//!
//! Must not: change the app.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, SaveState};
use super::editor::Looks;
use super::fit::{fit, safe, wrap, wrapped_height};
use super::keymap;
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

/// The question as asked (a required one marked "*") and its help, cleaned; an answer carried
/// over from the last period says so above the help.
fn prompt_and_help(app: &App, i: usize) -> (String, Option<String>) {
    let question = &app.q.questions[i];
    // A prompt or help whose template fails with these answers is shown as written, and the
    // official is told why (the maintainer's `check` would have said so).
    let mut broken = None;
    let mut fill = |text: &crate::questionnaire::Text| {
        app.eval.try_text(&app.q, text).unwrap_or_else(|err| {
            broken.get_or_insert_with(|| ui::question_text_failed(err.pos.line, &err.detail));
            text.source.clone()
        })
    };
    let mut prompt = safe(&fill(&question.ask));
    if question.required {
        prompt.push_str(" *");
    }
    let help = question.help.as_ref().map(|h| safe(&fill(h)));
    let notes: Vec<String> = [
        app.needs_review().then(|| ui::REVIEW_NOTE.to_owned()),
        broken.map(|b| safe(&b)),
        help,
    ]
    .into_iter()
    .flatten()
    .collect();
    (prompt, (!notes.is_empty()).then(|| notes.join("\n")))
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
    let (prompt, help) = prompt_and_help(app, i);
    let messages = app.messages();
    let width = inner.width.max(1);
    let prompt_h = wrapped_height(&prompt, width);
    let mut help_h = help.as_deref().map_or(0, |h| wrapped_height(h, width));
    let messages_h: u16 = messages
        .iter()
        .map(|m| wrapped_height(&format!("⚠ {m}"), width))
        .sum();
    let mut hint = editor.hint();
    // On a small screen the editor comes first: the help line and the hint give way.
    let needed = editor.min_height();
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
    let looks = Looks {
        theme,
        default: default.as_deref(),
        text: &|t| app.eval.text(&app.q, t),
    };
    editor.draw(frame, &looks, editor_area);
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
