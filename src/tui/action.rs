//! Everything the official can ask the wizard to do.
//!
//! Owns: [`Action`] — the only input of `App::update`. Keys become actions in `keymap`; tests
//! drive the app by sending actions (or keys) directly. Each variant says what it does; what
//! a generic action (Enter, Up …) means depends on what has focus, decided in `app`.
//!
//! Must not: hold terminal types.

/// One thing to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Type a character into the text that has focus.
    Insert(char),
    /// Insert pasted text (bracketed paste): as text, never as keys.
    Paste(String),
    /// Next question (past the last one: the review screen).
    Next,
    /// Previous question.
    Prev,
    /// Enter: next question in a one-line field, new line in a paragraph, new item in a list,
    /// next row in a table, choose in a list of options, confirm in a dialog.
    Enter,
    /// Delete the letter before the cursor (Backspace, Ctrl+H).
    Backspace,
    /// Delete the letter after the cursor.
    Delete,
    Left,
    Right,
    /// Up: previous line, option, item, row or entry.
    Up,
    /// Down: next line, option, item, row or entry.
    Down,
    Home,
    End,
    WordLeft,
    WordRight,
    /// Scroll a page up in a long view.
    PageUp,
    /// Scroll a page down in a long view.
    PageDown,
    /// Choose or un-choose the highlighted option (Space in choices).
    Toggle,
    /// Yes / no answer, or the answer to a dialog's question.
    Yes,
    No,
    /// A new list item or table row.
    AddItem,
    /// Delete the current list item or table row (undoable).
    DeleteItem,
    /// Move the current list item up / down.
    MoveItemUp,
    MoveItemDown,
    /// Next / previous table cell (Tab inside a table).
    NextCell,
    PrevCell,
    Undo,
    Redo,
    /// Save now.
    Save,
    /// The help screen with every key.
    Help,
    /// The question's suggestions.
    Suggestions,
    /// The whole report, scrollable.
    Preview,
    /// The outline, to jump to a section.
    Outline,
    /// Edit the answer in `$EDITOR`.
    ExternalEditor,
    /// On a narrow screen: show or hide the paragraph preview under the question.
    TogglePreview,
    /// The review screen (finish).
    Finish,
    /// The export dialog.
    Export,
    /// The answer carried over from an earlier period is right as it is.
    ConfirmReview,
    /// Close the dialog or screen on top.
    Close,
    /// Quit (answers are saved first).
    Quit,
    /// The terminal changed size: editors scroll afresh to show their text.
    Resize,
    /// The background save finished: `Ok(time shown)` or `Err(message)`.
    Saved(Result<String, String>),
    /// The loop wrote an export's files: `Ok(the files)` or `Err(message)`.
    Exported(Result<Vec<std::path::PathBuf>, String>),
}
