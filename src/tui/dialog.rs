//! The screens on top of the question screen, as components behind one small interface.
//!
//! Owns: [`Overlay`] — one variant per dialog kind, each kind in its own file under `dialog/`
//! (outline, suggestions, preview, help, review, export, confirm) with its state, its handling
//! of an action and its drawing — and the interface they share: [`Overlay::handle`] turns an
//! action into an [`Outcome`] (stay, close, and maybe a [`Request`] the app carries out),
//! [`Overlay::draw`] draws it, [`Overlay::focus`] says what has the keyboard, which picks the
//! keys the key bar offers. What a dialog needs to know of the app comes through the narrow
//! [`Context`]; what it wants done to the app goes out as a [`Request`].
//!
//! Must not: change the app, write files, or match raw key codes.

pub mod confirm;
pub mod export;
pub mod help;
pub mod outline;
pub mod preview;
pub mod review;
pub mod suggestions;

use ratatui::Frame;
use ratatui::layout::Rect;

pub use confirm::{ConfirmOverwrite, ConfirmUnreviewed};
pub use export::{ExportDialog, default_file_name};
pub use help::Help;
pub use outline::Outline;
pub use preview::{Preview, ScrollView};
pub use review::{Review, ReviewRow};
pub use suggestions::Suggestions;

use super::action::Action;
use super::app::App;
use super::keymap::Focus;
use super::theme::Theme;
use crate::report::BodySize;

/// Something on top of the question screen.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Jump to a section.
    Outline(Outline),
    /// The question's suggestions, filled in.
    Suggestions(Suggestions),
    /// The whole report.
    Preview(Preview),
    /// Every key.
    Help(Help),
    /// The finish screen: problems to jump to, and the report.
    Review(Review),
    /// Which files to write, and where.
    Export(Box<ExportDialog>),
    /// Files exist: overwrite them?
    ConfirmOverwrite(ConfirmOverwrite),
    /// Answers carried over from an earlier period are not reviewed yet: export anyway?
    ConfirmUnreviewed(ConfirmUnreviewed),
}

/// What became of a dialog after an action.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The dialog stays on top (its own state may have changed).
    Stay,
    /// The dialog closes.
    Close,
    /// The dialog stays on top, and the app is asked for something.
    Then(Request),
    /// The dialog closes, then the app is asked for something.
    CloseThen(Request),
}

/// What a dialog asks of the app.
#[derive(Debug, Clone)]
pub enum Request {
    /// Go to the first question that applies from this outline row on (closing the outline),
    /// or say that there is none.
    JumpToOutlineRow(usize),
    /// Go to this question, closing every dialog, or say that it cannot be reached.
    JumpToQuestion(Option<usize>),
    /// Put a suggestion into the current answer.
    InsertSuggestion(String),
    /// Export: first the question about answers not reviewed, if there are any.
    OpenExport,
    /// The export dialog itself.
    OpenExportDialog,
    /// Remember the Word font size chosen, for the next export.
    KeepExportSize(BodySize),
    /// Open another dialog on top.
    Open(Box<Overlay>),
    /// Write the files the export dialog on top asks for.
    WriteExport,
    /// The official would not overwrite: the export dialog says nothing was written.
    ExportRefused,
}

/// What dialogs may read of the app while handling an action.
pub trait Context {
    /// Rows of the outline: the document's header, then one per section.
    fn outline_rows(&self) -> usize;
    /// The review screen's rows.
    fn review_rows(&self) -> Vec<ReviewRow>;
    /// How the last scrolled text was drawn.
    fn scroll_view(&self) -> ScrollView;
}

impl Overlay {
    /// Applies one action to the dialog.
    pub fn handle(&mut self, action: &Action, ctx: &dyn Context) -> Outcome {
        if *action == Action::Close {
            return Outcome::Close;
        }
        match self {
            Overlay::Outline(d) => d.handle(action, ctx.outline_rows()),
            Overlay::Suggestions(d) => d.handle(action),
            Overlay::Preview(d) => d.handle(action, ctx.scroll_view()),
            Overlay::Help(d) => d.handle(action, ctx.scroll_view()),
            Overlay::Review(d) => d.handle(action, ctx),
            Overlay::Export(d) => d.handle(action),
            Overlay::ConfirmOverwrite(d) => d.handle(action),
            Overlay::ConfirmUnreviewed(d) => d.handle(action),
        }
    }

    /// What has the keyboard while this dialog is on top.
    pub fn focus(&self) -> Focus {
        match self {
            Overlay::Outline(_) => Focus::Outline,
            Overlay::Suggestions(_) => Focus::Suggestions,
            Overlay::Preview(_) => Focus::Preview,
            Overlay::Help(_) => Focus::Help,
            Overlay::Review(_) => Focus::Review,
            Overlay::Export(d) => d.focus(),
            Overlay::ConfirmOverwrite(_) | Overlay::ConfirmUnreviewed(_) => Focus::Confirm,
        }
    }

    /// Draws the dialog over `body` (the area between the location line and the status line).
    /// Each kind is given only what it shows of the app.
    pub fn draw(&self, frame: &mut Frame, app: &App, theme: &Theme, body: Rect) {
        match self {
            Overlay::Outline(d) => d.draw(frame, app, theme, body),
            Overlay::Suggestions(d) => d.draw(frame, theme, body),
            Overlay::Preview(d) => {
                d.draw(frame, theme, body, &app.report_lines(), &app.scroll_view);
            }
            Overlay::Help(d) => d.draw(frame, theme, body, &app.scroll_view),
            Overlay::Review(d) => d.draw(
                frame,
                theme,
                body,
                &app.review_rows(),
                &app.report_lines(),
                &app.scroll_view,
            ),
            Overlay::Export(d) => d.draw(frame, theme, body),
            Overlay::ConfirmOverwrite(d) => d.draw(frame, theme, body),
            Overlay::ConfirmUnreviewed(d) => d.draw(frame, theme, body),
        }
    }
}

/// The highlighted row after a move in a list of `len` rows.
fn step(selected: usize, len: usize, action: &Action) -> usize {
    if len == 0 {
        return 0;
    }
    match action {
        Action::SelectPrev => selected.saturating_sub(1),
        Action::SelectNext => (selected + 1).min(len - 1),
        Action::SelectFirst => 0,
        Action::SelectLast => len - 1,
        Action::ScrollPageUp => selected.saturating_sub(10),
        Action::ScrollPageDown => (selected + 10).min(len - 1),
        _ => selected,
    }
}

/// A box of `width`×`height` centred in `area` (cut to it).
fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    //! Dialogs driven on their own, without an app: the outcome of each action.

    use std::path::PathBuf;

    use super::*;
    use crate::messages::ui;

    /// What a dialog may read of an app, fixed.
    struct Fixed {
        rows: Vec<ReviewRow>,
    }

    impl Context for Fixed {
        fn outline_rows(&self) -> usize {
            4
        }
        fn review_rows(&self) -> Vec<ReviewRow> {
            self.rows.clone()
        }
        fn scroll_view(&self) -> ScrollView {
            ScrollView {
                height: 10,
                total: 100,
            }
        }
    }

    fn ctx() -> Fixed {
        let row = |target| ReviewRow {
            text: "x".to_owned(),
            target,
            error: false,
        };
        Fixed {
            rows: vec![row(Some(3)), row(None)],
        }
    }

    #[test]
    fn close_closes_every_dialog() {
        let dialogs = [
            Overlay::Outline(Outline::new(0)),
            Overlay::Help(Help::default()),
            Overlay::ConfirmUnreviewed(ConfirmUnreviewed { asks: Vec::new() }),
        ];
        for mut dialog in dialogs {
            assert!(matches!(
                dialog.handle(&Action::Close, &ctx()),
                Outcome::Close
            ));
        }
    }

    #[test]
    fn the_outline_moves_within_its_rows_and_asks_for_the_jump() {
        let mut dialog = Overlay::Outline(Outline::new(2));
        for _ in 0..3 {
            assert!(matches!(
                dialog.handle(&Action::SelectNext, &ctx()),
                Outcome::Stay
            ));
        }
        assert!(matches!(
            dialog.handle(&Action::Confirm, &ctx()),
            Outcome::Then(Request::JumpToOutlineRow(3))
        ));
    }

    #[test]
    fn the_review_jumps_to_the_highlighted_problem() {
        let mut dialog = Overlay::Review(Review::default());
        assert!(matches!(
            dialog.handle(&Action::Confirm, &ctx()),
            Outcome::Then(Request::JumpToQuestion(Some(3)))
        ));
        dialog.handle(&Action::SelectLast, &ctx());
        assert!(matches!(
            dialog.handle(&Action::Confirm, &ctx()),
            Outcome::Then(Request::JumpToQuestion(None))
        ));
        dialog.handle(&Action::ScrollPageDown, &ctx());
        let Overlay::Review(review) = &dialog else {
            unreachable!()
        };
        assert_eq!(
            (review.selected, review.scroll),
            (1, 9),
            "a page is a row less"
        );
    }

    #[test]
    fn a_suggestion_chosen_closes_the_dialog_and_goes_to_the_answer() {
        let mut dialog = Overlay::Suggestions(Suggestions::new(vec!["a".into(), "b".into()]));
        dialog.handle(&Action::SelectNext, &ctx());
        assert!(matches!(
            dialog.handle(&Action::Confirm, &ctx()),
            Outcome::CloseThen(Request::InsertSuggestion(text)) if text == "b"
        ));
    }

    #[test]
    fn the_export_dialog_refuses_a_name_with_a_folder_and_asks_to_write_a_good_one() {
        let folder = tempfile::tempdir().expect("tempdir");
        let dialog = ExportDialog::new(folder.path().to_path_buf(), "a/b", BodySize::Fourteen);
        let mut dialog = Overlay::Export(Box::new(dialog));
        assert!(matches!(
            dialog.handle(&Action::Confirm, &ctx()),
            Outcome::Stay
        ));
        let Overlay::Export(export) = &mut dialog else {
            unreachable!()
        };
        assert_eq!(export.result, Some(Err(ui::EXPORT_BAD_NAME.to_owned())));
        export.name = crate::tui::text_input::TextInput::line("bao-cao");
        assert!(matches!(
            dialog.handle(&Action::Confirm, &ctx()),
            Outcome::Then(Request::WriteExport)
        ));
        // The file is there now: the official is asked first.
        std::fs::write(folder.path().join("bao-cao.docx"), "cũ").expect("write");
        let Outcome::Then(Request::Open(ask)) = dialog.handle(&Action::Confirm, &ctx()) else {
            panic!("the overwrite question")
        };
        let Overlay::ConfirmOverwrite(mut ask) = *ask else {
            panic!("the overwrite question")
        };
        assert_eq!(ask.paths, vec![folder.path().join("bao-cao.docx")]);
        assert!(matches!(
            ask.handle(&Action::DialogNo),
            Outcome::CloseThen(Request::ExportRefused)
        ));
        assert!(matches!(
            ask.handle(&Action::DialogYes),
            Outcome::CloseThen(Request::WriteExport)
        ));
    }

    #[test]
    fn the_word_size_chosen_is_kept_by_the_app() {
        let dialog = ExportDialog::new(PathBuf::from("."), "x", BodySize::Fourteen);
        let size_row = dialog.size_row();
        let mut dialog = Overlay::Export(Box::new(dialog));
        for _ in 0..size_row {
            dialog.handle(&Action::SelectNext, &ctx());
        }
        assert!(matches!(
            dialog.handle(&Action::ToggleRow, &ctx()),
            Outcome::Then(Request::KeepExportSize(BodySize::Thirteen))
        ));
    }
}
