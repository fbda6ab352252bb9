//! The outline dialog: jump to a section.
//!
//! Owns: [`Outline`] — the highlighted row (0 is the document's header, section `s` is row
//! `s + 1`), moving it, asking for the jump on Enter, and where the outline is drawn (beside
//! the question on a wide screen, over it on a narrow one).
//!
//! Must not: decide which question a row leads to (the app knows what applies), or change
//! the app.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

use super::super::action::Action;
use super::super::app::App;
use super::super::theme::Theme;
use super::super::view::{WIDE, outline_panel, wide_columns};
use super::{Outcome, Request, popup, step};

/// Jump to a section: the highlighted outline row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    pub selected: usize,
}

impl Outline {
    /// The outline, `here` highlighted (the current question's row).
    pub fn new(here: usize) -> Self {
        Outline { selected: here }
    }

    /// `rows`: the outline's rows, the header's included.
    pub fn handle(&mut self, action: &Action, rows: usize) -> Outcome {
        match action {
            Action::SelectPrev
            | Action::SelectNext
            | Action::SelectFirst
            | Action::SelectLast
            | Action::ScrollPageUp
            | Action::ScrollPageDown => {
                self.selected = step(self.selected, rows, action);
                Outcome::Stay
            }
            // A row without questions of its own leads to the next question after it.
            Action::Confirm => Outcome::Then(Request::JumpToOutlineRow(self.selected)),
            _ => Outcome::Stay,
        }
    }

    pub fn draw(&self, frame: &mut Frame, app: &App, theme: &Theme, body: Rect) {
        // Wide: the outline beside the question takes the keyboard where it stands.
        let rect = if body.width >= WIDE {
            wide_columns(body)[0]
        } else {
            popup(body, 90, body.height)
        };
        frame.render_widget(Clear, rect);
        outline_panel(frame, app, theme, rect, Some(self.selected));
    }
}
