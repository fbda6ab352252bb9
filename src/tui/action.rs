//! Everything the official can ask the wizard to do, as what they mean.
//!
//! Owns: [`Action`] — the only input of `App::update`. Each variant is one meaning ("next
//! question", "choose the highlighted option", "add a table row"), never a key: which key
//! means what, and where, is decided once, in `keymap`'s table. `update` routes a meaning to
//! whoever has focus (a dialog, the app, or the editor of the current question) without
//! deciding again. Tests drive the app by sending actions (or keys) directly.
//!
//! Must not: hold terminal types or name keys.

// Every meaning says what it does: a variant without a doc line does not build.
#![deny(missing_docs)]

/// One thing to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // ----- typing, in whatever text has the keyboard ---------------------------------------
    /// Type a character into the text that has focus.
    Insert(char),
    /// Insert pasted text (bracketed paste): as text, never as keys. In a list, each pasted
    /// line becomes an item.
    Paste(String),
    /// Delete the letter before the cursor; in an empty list item, delete the item.
    DeleteBack,
    /// Delete the letter after the cursor.
    DeleteForward,
    /// Move the cursor a letter left.
    CursorLeft,
    /// Move the cursor a letter right.
    CursorRight,
    /// Move the cursor up a line (in a paragraph, or a long answer shown wrapped).
    CursorUp,
    /// Move the cursor down a line.
    CursorDown,
    /// Move the cursor to the start of the word (or the one before).
    WordLeft,
    /// Move the cursor past the end of the word.
    WordRight,
    /// Move the cursor to the start of the line.
    LineStart,
    /// Move the cursor to the end of the line.
    LineEnd,
    /// Start a new line in a paragraph.
    NewLine,

    // ----- moving between questions ---------------------------------------------------------
    /// Next question (past the last one: the review screen); the answer is left as it is.
    NextQuestion,
    /// Previous question.
    PrevQuestion,
    /// The answer as the editor shows it is the official's answer (a default shown becomes
    /// their own); go to the next question.
    AcceptAndNext,

    // ----- yes / no -------------------------------------------------------------------------
    /// Answer yes.
    AnswerYes,
    /// Answer no.
    AnswerNo,
    /// Switch between yes and no (no answer yet: yes).
    SwitchYesNo,

    // ----- choices --------------------------------------------------------------------------
    /// Highlight the next option (or the "other" text after the last one).
    SelectNextOption,
    /// Highlight the previous option.
    SelectPrevOption,
    /// Highlight the first option.
    FirstOption,
    /// Highlight the last option.
    LastOption,
    /// Choose or un-choose the highlighted option (a single choice only chooses, like a radio
    /// button).
    ToggleChoice,
    /// Choose the highlighted option of a single choice and go to the next question.
    ChooseAndNext,
    /// Un-choose the single choice (refused, and explained, when the question has a default).
    ClearChoice,

    // ----- lists ----------------------------------------------------------------------------
    /// Edit the next list item.
    NextItem,
    /// Edit the previous list item (on the first: the cursor goes up a row in it).
    PrevItem,
    /// A new empty list item after the current one.
    AddListItem,
    /// Delete the current list item (undoable).
    DeleteListItem,
    /// Move the current list item up.
    MoveItemUp,
    /// Move the current list item down.
    MoveItemDown,

    // ----- tables ---------------------------------------------------------------------------
    /// Next table cell that can be typed in (past the last: the next question).
    NextCell,
    /// Previous table cell that can be typed in.
    PrevCell,
    /// The row below, same column.
    NextRow,
    /// The row above, same column.
    PrevRow,
    /// The row below; at the last row, a new row unless the last one is still empty.
    NextRowOrNew,
    /// A new empty table row after the current one.
    AddTableRow,
    /// Delete the current table row (a fixed row is only emptied; undoable).
    DeleteTableRow,

    // ----- the whole answer and the session -------------------------------------------------
    /// Undo the last change to an answer.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Save now.
    Save,
    /// Show the help screen with every key, or close it when it is on top.
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
    /// Quit (answers are saved first).
    Quit,

    // ----- dialogs and screens on top -------------------------------------------------------
    /// Highlight the next row of a dialog (outline, suggestions, review, export).
    SelectNext,
    /// Highlight the previous row of a dialog.
    SelectPrev,
    /// Highlight a dialog's first row.
    SelectFirst,
    /// Highlight a dialog's last row.
    SelectLast,
    /// Scroll a long text a line up.
    ScrollUp,
    /// Scroll a long text a line down.
    ScrollDown,
    /// Scroll a long text a page up (in a list: the highlight moves ten rows up).
    ScrollPageUp,
    /// Scroll a long text a page down (in a list: the highlight moves ten rows down).
    ScrollPageDown,
    /// Scroll a long text to its start.
    ScrollTop,
    /// Scroll a long text to its end.
    ScrollBottom,
    /// Switch the highlighted row of a dialog on or off (export formats, options).
    ToggleRow,
    /// Do what the dialog is for with its highlighted row (go there, insert it, export now).
    Confirm,
    /// The answer to a dialog's question is yes.
    DialogYes,
    /// The answer to a dialog's question is no.
    DialogNo,
    /// Close the dialog or screen on top.
    Close,

    // ----- from the loop, not from keys -----------------------------------------------------
    /// The terminal changed size: editors scroll afresh to show their text.
    Resize,
    /// The background save finished: `Ok(time shown)` or `Err(message)`.
    Saved(Result<String, String>),
    /// The loop wrote an export's files: `Ok(the files)` or `Err(message)`.
    Exported(Result<Vec<std::path::PathBuf>, String>),
}
