//! Keys → actions, in exactly one place, and the key list the help bar and help screen show.
//!
//! Owns: [`Focus`] (what has the keyboard), the [`BINDINGS`] table — each row the keys, where
//! they work, their Vietnamese description and what they mean in each place (an [`Action`]
//! that says what the official wants: ↑ is `SelectPrevOption` in a choice, `PrevRow` in a
//! table, `ScrollUp` in the help screen) — and [`action_for`], which turns a key event into
//! that meaning by reading the same table (so the help can never disagree with what the keys
//! do, and what a key means is decided here only). Typing a character into a text is the only
//! rule outside the table.
//!
//! Must not: change state.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use crate::messages::ui;

/// What has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A one-line text, number or date.
    Line,
    Paragraph,
    YesNo,
    /// A single choice.
    Choice,
    /// A multiple choice.
    Choices,
    /// The "other" text of a choice question.
    ChoiceOther,
    List,
    Table,
    Outline,
    Suggestions,
    Preview,
    Help,
    Review,
    Export,
    /// The file name in the export dialog.
    ExportName,
    /// A yes/no question in a dialog (overwrite? quit?).
    Confirm,
}

impl Focus {
    /// Whether typed characters go into a text.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Focus::Line
                | Focus::Paragraph
                | Focus::ChoiceOther
                | Focus::List
                | Focus::Table
                | Focus::ExportName
        )
    }

    fn answering(self) -> bool {
        matches!(
            self,
            Focus::Line
                | Focus::Paragraph
                | Focus::YesNo
                | Focus::Choice
                | Focus::Choices
                | Focus::ChoiceOther
                | Focus::List
                | Focus::Table
        )
    }
}

/// A key: code and the modifiers that must be held (Shift is ignored for characters).
#[derive(Debug, Clone, Copy)]
pub struct Key(pub KeyCode, pub KeyModifiers);

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

/// Where a binding works.
#[derive(Debug, Clone, Copy)]
pub enum Where {
    /// Everywhere, dialogs included.
    Always,
    /// While answering a question (any editor).
    Answering,
    /// While answering, in these editors.
    In(&'static [Focus]),
}

impl Where {
    fn contains(self, focus: Focus) -> bool {
        match self {
            Where::Always => true,
            Where::Answering => focus.answering(),
            Where::In(list) => list.contains(&focus),
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// The keys as shown ("Ctrl+S").
    pub label: &'static str,
    /// What they do, in Vietnamese.
    pub help: &'static str,
    /// Where the keys work; the help screen lists the row under these places.
    pub place: Where,
    /// What the keys mean, by place: the first entry whose place holds the focus. A place of
    /// `place` without an entry here is one where the keys do nothing.
    pub meanings: &'static [(Where, Action)],
    /// Shown in the help bar (the help screen shows all).
    pub bar: bool,
}

impl Binding {
    /// What the keys mean where `focus` has the keyboard, if anything.
    pub fn action(&self, focus: Focus) -> Option<&'static Action> {
        if !self.place.contains(focus) {
            return None;
        }
        self.meanings
            .iter()
            .find(|(place, _)| place.contains(focus))
            .map(|(_, action)| action)
    }
}

use Focus as F;

const TEXTS: &[Focus] = &[
    F::Line,
    F::Paragraph,
    F::ChoiceOther,
    F::List,
    F::Table,
    F::ExportName,
];
const LISTS: &[Focus] = &[F::Outline, F::Suggestions, F::Review];
const SCROLLS: &[Focus] = &[F::Preview, F::Help, F::Review];

/// A row whose keys mean one thing everywhere they work.
macro_rules! b {
    ($keys:expr, $label:expr, $help:expr, $place:expr, $action:expr, $bar:expr) => {
        Binding {
            keys: $keys,
            label: $label,
            help: $help,
            place: $place,
            meanings: &[($place, $action)],
            bar: $bar,
        }
    };
}

/// A row whose keys mean different things in different places.
macro_rules! by_place {
    ($keys:expr, $label:expr, $help:expr, $place:expr, [$(($in:expr, $action:expr)),+ $(,)?], $bar:expr) => {
        Binding {
            keys: $keys,
            label: $label,
            help: $help,
            place: $place,
            meanings: &[$((Where::In($in), $action)),+],
            bar: $bar,
        }
    };
}

/// Every key the wizard knows. Earlier rows win when two rows match the same key in the same
/// place.
pub static BINDINGS: &[Binding] = &[
    // Quitting and dialogs.
    b!(
        &[Key(KeyCode::Char('q'), CTRL), Key(KeyCode::Char('c'), CTRL)],
        "Ctrl+Q",
        ui::K_QUIT,
        Where::Always,
        Action::Quit,
        true
    ),
    b!(
        &[Key(KeyCode::Esc, NONE)],
        "Esc",
        ui::K_CLOSE,
        Where::In(&[
            F::Outline,
            F::Suggestions,
            F::Preview,
            F::Help,
            F::Review,
            F::Export,
            F::ExportName,
            F::Confirm
        ]),
        Action::Close,
        true
    ),
    b!(
        &[Key(KeyCode::Char('c'), NONE), Key(KeyCode::Char('y'), NONE)],
        "C",
        ui::K_CONFIRM_YES,
        Where::In(&[F::Confirm]),
        Action::DialogYes,
        true
    ),
    b!(
        &[Key(KeyCode::Char('k'), NONE), Key(KeyCode::Char('n'), NONE)],
        "K",
        ui::K_CONFIRM_NO,
        Where::In(&[F::Confirm]),
        Action::DialogNo,
        true
    ),
    // Moving between questions.
    b!(
        &[Key(KeyCode::Tab, NONE)],
        "Tab",
        ui::K_NEXT_CELL,
        Where::In(&[F::Table]),
        Action::NextCell,
        true
    ),
    b!(
        &[Key(KeyCode::BackTab, SHIFT), Key(KeyCode::BackTab, NONE)],
        "Shift+Tab",
        ui::K_PREV_CELL,
        Where::In(&[F::Table]),
        Action::PrevCell,
        true
    ),
    b!(
        &[Key(KeyCode::Tab, NONE), Key(KeyCode::PageDown, NONE)],
        "Tab",
        ui::K_NEXT,
        Where::Answering,
        Action::NextQuestion,
        true
    ),
    b!(
        &[
            Key(KeyCode::BackTab, SHIFT),
            Key(KeyCode::BackTab, NONE),
            Key(KeyCode::PageUp, NONE)
        ],
        "Shift+Tab",
        ui::K_PREV,
        Where::Answering,
        Action::PrevQuestion,
        true
    ),
    b!(
        &[Key(KeyCode::PageDown, NONE)],
        "PgDn",
        ui::K_NEXT,
        Where::In(&[F::Table]),
        Action::NextQuestion,
        true
    ),
    b!(
        &[Key(KeyCode::PageUp, NONE)],
        "PgUp",
        ui::K_PREV,
        Where::In(&[F::Table]),
        Action::PrevQuestion,
        false
    ),
    // Enter, by editor.
    b!(
        &[Key(KeyCode::Enter, NONE)],
        "Enter",
        ui::K_NEXT,
        Where::In(&[F::Line, F::YesNo, F::ChoiceOther]),
        Action::AcceptAndNext,
        false
    ),
    b!(
        &[Key(KeyCode::Enter, NONE)],
        "Enter",
        ui::K_NEWLINE,
        Where::In(&[F::Paragraph]),
        Action::NewLine,
        true
    ),
    b!(
        &[Key(KeyCode::Enter, NONE)],
        "Enter",
        ui::K_CHOOSE_NEXT,
        Where::In(&[F::Choice]),
        Action::ChooseAndNext,
        true
    ),
    b!(
        &[Key(KeyCode::Enter, NONE)],
        "Enter",
        ui::K_NEXT,
        Where::In(&[F::Choices]),
        Action::AcceptAndNext,
        false
    ),
    b!(
        &[Key(KeyCode::Enter, NONE)],
        "Enter",
        ui::K_NEW_ITEM,
        Where::In(&[F::List]),
        Action::AddListItem,
        true
    ),
    b!(
        &[Key(KeyCode::Enter, NONE)],
        "Enter",
        ui::K_NEXT_ROW,
        Where::In(&[F::Table]),
        Action::NextRowOrNew,
        true
    ),
    b!(
        &[Key(KeyCode::Enter, NONE)],
        "Enter",
        ui::K_INSERT,
        Where::In(&[F::Suggestions]),
        Action::Confirm,
        true
    ),
    b!(
        &[Key(KeyCode::Enter, NONE)],
        "Enter",
        ui::K_GO,
        Where::In(LISTS),
        Action::Confirm,
        true
    ),
    b!(
        &[Key(KeyCode::Enter, NONE)],
        "Enter",
        ui::K_EXPORT_NOW,
        Where::In(&[F::Export, F::ExportName]),
        Action::Confirm,
        true
    ),
    b!(
        &[Key(KeyCode::Tab, NONE)],
        "Tab",
        ui::K_DOWN,
        Where::In(&[F::Export, F::ExportName]),
        Action::SelectNext,
        false
    ),
    b!(
        &[Key(KeyCode::BackTab, SHIFT), Key(KeyCode::BackTab, NONE)],
        "Shift+Tab",
        ui::K_UP,
        Where::In(&[F::Export, F::ExportName]),
        Action::SelectPrev,
        false
    ),
    // Choices.
    b!(
        &[Key(KeyCode::Char(' '), NONE)],
        "Space",
        ui::K_CHOOSE,
        Where::In(&[F::Choice]),
        Action::ToggleChoice,
        true
    ),
    by_place!(
        &[Key(KeyCode::Char(' '), NONE)],
        "Space",
        ui::K_TOGGLE,
        Where::In(&[F::Choices, F::Export]),
        [
            (&[F::Choices], Action::ToggleChoice),
            (&[F::Export], Action::ToggleRow)
        ],
        true
    ),
    b!(
        &[Key(KeyCode::Char('c'), NONE), Key(KeyCode::Char('y'), NONE)],
        "C",
        ui::K_YES,
        Where::In(&[F::YesNo]),
        Action::AnswerYes,
        true
    ),
    b!(
        &[Key(KeyCode::Char('k'), NONE), Key(KeyCode::Char('n'), NONE)],
        "K",
        ui::K_NO,
        Where::In(&[F::YesNo]),
        Action::AnswerNo,
        true
    ),
    b!(
        &[
            Key(KeyCode::Char(' '), NONE),
            Key(KeyCode::Left, NONE),
            Key(KeyCode::Right, NONE)
        ],
        "Space",
        ui::K_SWITCH,
        Where::In(&[F::YesNo]),
        Action::SwitchYesNo,
        false
    ),
    b!(
        &[Key(KeyCode::Delete, NONE), Key(KeyCode::Backspace, NONE)],
        "Delete",
        ui::K_CLEAR_CHOICE,
        Where::In(&[F::Choice]),
        Action::ClearChoice,
        false
    ),
    // Lists and tables.
    b!(
        &[Key(KeyCode::Char('n'), CTRL)],
        "Ctrl+N",
        ui::K_ADD_ROW,
        Where::In(&[F::Table]),
        Action::AddTableRow,
        true
    ),
    b!(
        &[Key(KeyCode::Char('d'), CTRL)],
        "Ctrl+D",
        ui::K_DELETE_ITEM,
        Where::In(&[F::List]),
        Action::DeleteListItem,
        true
    ),
    b!(
        &[Key(KeyCode::Char('d'), CTRL)],
        "Ctrl+D",
        ui::K_DELETE_ROW,
        Where::In(&[F::Table]),
        Action::DeleteTableRow,
        true
    ),
    b!(
        &[Key(KeyCode::Up, ALT), Key(KeyCode::Up, CTRL)],
        "Alt+↑",
        ui::K_MOVE_UP,
        Where::In(&[F::List]),
        Action::MoveItemUp,
        false
    ),
    b!(
        &[Key(KeyCode::Down, ALT), Key(KeyCode::Down, CTRL)],
        "Alt+↓",
        ui::K_MOVE_DOWN,
        Where::In(&[F::List]),
        Action::MoveItemDown,
        false
    ),
    // Editing text.
    b!(
        &[
            Key(KeyCode::Backspace, NONE),
            Key(KeyCode::Char('h'), CTRL),
            Key(KeyCode::Backspace, SHIFT)
        ],
        "Backspace",
        ui::K_BACKSPACE,
        Where::In(TEXTS),
        Action::DeleteBack,
        false
    ),
    b!(
        &[Key(KeyCode::Delete, NONE)],
        "Delete",
        ui::K_DELETE,
        Where::In(TEXTS),
        Action::DeleteForward,
        false
    ),
    b!(
        &[Key(KeyCode::Left, CTRL)],
        "Ctrl+←",
        ui::K_WORD_LEFT,
        Where::In(TEXTS),
        Action::WordLeft,
        false
    ),
    b!(
        &[Key(KeyCode::Right, CTRL)],
        "Ctrl+→",
        ui::K_WORD_RIGHT,
        Where::In(TEXTS),
        Action::WordRight,
        false
    ),
    b!(
        &[Key(KeyCode::Left, NONE)],
        "←",
        ui::K_LEFT,
        Where::In(TEXTS),
        Action::CursorLeft,
        false
    ),
    b!(
        &[Key(KeyCode::Right, NONE)],
        "→",
        ui::K_RIGHT,
        Where::In(TEXTS),
        Action::CursorRight,
        false
    ),
    by_place!(
        &[Key(KeyCode::Home, NONE)],
        "Home",
        ui::K_HOME,
        Where::Always,
        [
            (TEXTS, Action::LineStart),
            (&[F::Choice, F::Choices], Action::FirstOption),
            (LISTS, Action::SelectFirst),
            (&[F::Preview, F::Help], Action::ScrollTop),
        ],
        false
    ),
    by_place!(
        &[Key(KeyCode::End, NONE)],
        "End",
        ui::K_END,
        Where::Always,
        [
            (TEXTS, Action::LineEnd),
            (&[F::Choice, F::Choices], Action::LastOption),
            (LISTS, Action::SelectLast),
            (&[F::Preview, F::Help], Action::ScrollBottom),
        ],
        false
    ),
    by_place!(
        &[Key(KeyCode::Up, NONE)],
        "↑",
        ui::K_UP,
        Where::Always,
        [
            (&[F::Line, F::Paragraph], Action::CursorUp),
            (&[F::YesNo], Action::SwitchYesNo),
            (
                &[F::Choice, F::Choices, F::ChoiceOther],
                Action::SelectPrevOption
            ),
            (&[F::List], Action::PrevItem),
            (&[F::Table], Action::PrevRow),
            (
                &[
                    F::Outline,
                    F::Suggestions,
                    F::Review,
                    F::Export,
                    F::ExportName
                ],
                Action::SelectPrev
            ),
            (&[F::Preview, F::Help], Action::ScrollUp),
        ],
        false
    ),
    by_place!(
        &[Key(KeyCode::Down, NONE)],
        "↓",
        ui::K_DOWN,
        Where::Always,
        [
            (&[F::Line, F::Paragraph], Action::CursorDown),
            (&[F::YesNo], Action::SwitchYesNo),
            (
                &[F::Choice, F::Choices, F::ChoiceOther],
                Action::SelectNextOption
            ),
            (&[F::List], Action::NextItem),
            (&[F::Table], Action::NextRow),
            (
                &[
                    F::Outline,
                    F::Suggestions,
                    F::Review,
                    F::Export,
                    F::ExportName
                ],
                Action::SelectNext
            ),
            (&[F::Preview, F::Help], Action::ScrollDown),
        ],
        false
    ),
    b!(
        &[Key(KeyCode::PageUp, NONE)],
        "PgUp",
        ui::K_PAGE_UP,
        Where::In(SCROLLS),
        Action::ScrollPageUp,
        false
    ),
    b!(
        &[Key(KeyCode::PageDown, NONE)],
        "PgDn",
        ui::K_PAGE_DOWN,
        Where::In(SCROLLS),
        Action::ScrollPageDown,
        false
    ),
    b!(
        &[Key(KeyCode::Char(' '), NONE)],
        "Space",
        ui::K_PAGE_DOWN,
        Where::In(&[F::Preview, F::Help]),
        Action::ScrollPageDown,
        false
    ),
    // Whole-answer commands.
    b!(
        &[Key(KeyCode::F(8), NONE), Key(KeyCode::Char('k'), CTRL)],
        "F8",
        ui::K_CONFIRM_REVIEW,
        Where::Answering,
        Action::ConfirmReview,
        true
    ),
    b!(
        &[Key(KeyCode::Char('z'), CTRL)],
        "Ctrl+Z",
        ui::K_UNDO,
        Where::Answering,
        Action::Undo,
        true
    ),
    b!(
        &[Key(KeyCode::Char('y'), CTRL)],
        "Ctrl+Y",
        ui::K_REDO,
        Where::Answering,
        Action::Redo,
        false
    ),
    b!(
        &[Key(KeyCode::Char('s'), CTRL)],
        "Ctrl+S",
        ui::K_SAVE,
        Where::Always,
        Action::Save,
        true
    ),
    b!(
        &[Key(KeyCode::F(2), NONE), Key(KeyCode::Char('g'), CTRL)],
        "F2",
        ui::K_SUGGESTIONS,
        Where::Answering,
        Action::Suggestions,
        true
    ),
    b!(
        &[Key(KeyCode::F(3), NONE), Key(KeyCode::Char('p'), CTRL)],
        "F3",
        ui::K_PREVIEW,
        Where::Answering,
        Action::Preview,
        true
    ),
    b!(
        &[
            Key(KeyCode::F(4), NONE),
            Key(KeyCode::F(6), NONE),
            Key(KeyCode::Char('o'), CTRL),
        ],
        "F4",
        ui::K_OUTLINE,
        Where::Answering,
        Action::Outline,
        true
    ),
    b!(
        &[Key(KeyCode::F(5), NONE), Key(KeyCode::Char('e'), CTRL)],
        "F5",
        ui::K_EDITOR,
        Where::Answering,
        Action::ExternalEditor,
        false
    ),
    b!(
        &[Key(KeyCode::F(7), NONE)],
        "F7",
        ui::K_TOGGLE_PREVIEW,
        Where::Answering,
        Action::TogglePreview,
        false
    ),
    b!(
        &[Key(KeyCode::F(10), NONE), Key(KeyCode::Char('r'), CTRL)],
        "F10",
        ui::K_FINISH,
        Where::Answering,
        Action::Finish,
        true
    ),
    b!(
        &[Key(KeyCode::F(10), NONE), Key(KeyCode::Char('x'), CTRL)],
        "F10",
        ui::K_EXPORT,
        Where::In(&[F::Review]),
        Action::Export,
        true
    ),
    b!(
        &[Key(KeyCode::F(1), NONE)],
        "F1",
        ui::K_HELP,
        Where::Always,
        Action::Help,
        true
    ),
];

/// The action for a key event where `focus` has the keyboard, if any. Key releases are
/// ignored (Windows sends press and release); repeats count as presses.
pub fn action_for(focus: Focus, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    // Characters ignore Shift ("A" comes with SHIFT); AltGr arrives as Ctrl+Alt on Windows.
    let mods = match key.code {
        KeyCode::Char(_) => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    let hit = BINDINGS.iter().find_map(|b| {
        let pressed = b.keys.iter().any(|k| {
            let want = match k.0 {
                KeyCode::Char(_) => k.1 - KeyModifiers::SHIFT,
                _ => k.1,
            };
            // "C" with Shift or Caps Lock is the same key as "c" (a plain letter only:
            // Ctrl+Shift+Z is not Ctrl+Z).
            let same_key = match (k.0, key.code) {
                (KeyCode::Char(a), KeyCode::Char(b)) if want.is_empty() => {
                    a.to_lowercase().eq(b.to_lowercase())
                }
                (a, b) => a == b,
            };
            same_key && want == mods
        });
        pressed.then(|| b.action(focus)).flatten()
    });
    // Typed letters go into a text before single-letter shortcuts: "c" in a text is a "c".
    if focus.takes_text()
        && let KeyCode::Char(c) = key.code
        && (mods.is_empty() || mods == KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(Action::Insert(c));
    }
    hit.cloned()
}

/// The bindings shown in the help bar where `focus` has the keyboard; the suggestions key
/// only when the question has suggestions; in a read-only session, no key that would save or
/// undo (it could do neither).
pub fn bar(
    focus: Focus,
    has_suggestions: bool,
    needs_review: bool,
    read_only: bool,
) -> impl Iterator<Item = &'static Binding> {
    let mut seen: Vec<&'static str> = Vec::new();
    BINDINGS.iter().filter(move |b| {
        let show = b.bar
            && !seen.contains(&b.label)
            && b.action(focus).is_some_and(|action| {
                (has_suggestions || *action != Action::Suggestions)
                    && (needs_review || *action != Action::ConfirmReview)
                    && !(read_only && matches!(action, Action::Save | Action::Undo | Action::Redo))
            });
        if show {
            seen.push(b.label);
        }
        show
    })
}

/// The help screen: groups of (title, bindings), every binding in the table appearing in
/// at least one group, without repeated (keys, description) rows inside a group.
pub fn help_groups() -> Vec<(&'static str, Vec<&'static Binding>)> {
    let groups: [(&'static str, &[Focus]); 11] = [
        (ui::HELP_GENERAL, &[]),
        (ui::HELP_LINE, &[F::Line]),
        (ui::HELP_PARAGRAPH, &[F::Paragraph]),
        (ui::HELP_YES_NO, &[F::YesNo]),
        (ui::HELP_CHOICE, &[F::Choice, F::Choices, F::ChoiceOther]),
        (ui::HELP_LIST, &[F::List]),
        (ui::HELP_TABLE, &[F::Table]),
        (ui::HELP_LISTS, &[F::Outline, F::Suggestions, F::Review]),
        (ui::HELP_SCROLL, &[F::Preview, F::Help]),
        (ui::HELP_EXPORT, &[F::Export, F::ExportName]),
        (ui::HELP_CONFIRM, &[F::Confirm]),
    ];
    groups
        .into_iter()
        .map(|(title, focuses)| {
            let mut rows: Vec<&'static Binding> = Vec::new();
            for b in BINDINGS {
                let belongs = match b.place {
                    Where::Always | Where::Answering => focuses.is_empty(),
                    Where::In(list) => list.iter().any(|f| focuses.contains(f)),
                };
                if belongs && !rows.iter().any(|r| r.label == b.label && r.help == b.help) {
                    rows.push(b);
                }
            }
            (title, rows)
        })
        .filter(|(_, rows)| !rows.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
