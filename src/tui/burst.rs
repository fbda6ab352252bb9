//! What a burst of queued terminal events is: keys typed, or one paste.
//!
//! Owns: [`coalesce`], the pure rule the loop applies to the events it finds queued at once
//! (the first one it waited for, then all that `event::poll(Duration::ZERO)` says are ready).
//!
//! Where the terminal marks pastes (bracketed paste: Linux, macOS), a paste is one
//! `Event::Paste` and every key stays a key. Windows' console has no bracketed paste
//! (crossterm#737): a paste arrives as a burst of key events — each character a press (and a
//! release), each line break an Enter. Left as keys, the first Enter of a multi-line paste
//! would answer a one-line question and move on, scattering the rest over the next
//! questions. So where pastes arrive as keys, a burst is one paste when both hold:
//!
//! - every event in it is a press, repeat or release of a printable character (no modifier
//!   but Shift), of Enter or of Tab (no modifier) — nothing else;
//! - an Enter in it is followed, later in the burst, by a printable character other than a
//!   space or Tab: a text of several lines.
//!
//! The paste's text is the characters in order, Enter as `\n`, Tab as `\t` (releases add
//! nothing). Anything else stays keys, in order:
//!
//! - typing, however fast: a slow machine's backlog "abc⏎" has no character after its Enter,
//!   so it still answers the question and moves on;
//! - a one-line paste: typing it key by key gives the same text. Copied with its line break
//!   ("abc⏎", an Excel cell), it answers the question and moves on, as typing it would — the
//!   text lands in the field it was pasted into, nothing is scattered;
//! - UniKey/EVKey bursts (a Backspace, then the composed letter) and anything with an arrow,
//!   a function key, a Ctrl or Alt shortcut (AltGr characters come as Ctrl+Alt), a mouse or
//!   resize event.
//!
//! A multi-line paste that ends with a line break keeps it: pasting never moves on (as
//! `Action::Paste` in a one-line field, where the break becomes a space and the trailing one
//! is dropped). The cost of the rule: a backlog holding an Enter with letters typed after it
//! (the official typed on while the machine was stalled, with no Backspace or arrow in
//! between) is taken as a paste into the current question; the next draw shows it, and undo
//! takes it back in one step.
//!
//! Must not: decide what a key means (that is `keymap`'s), or read the terminal.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Whether the terminal delivers pastes as keys (Windows' console) rather than as
/// `Event::Paste` (a terminal with bracketed paste).
pub const PASTES_ARRIVE_AS_KEYS: bool = cfg!(windows);

/// The most events the loop reads as one burst: a paste of about 100 000 characters (a press
/// and a release each). A longer paste is split, and each part is judged on its own.
pub const MAX_BURST: usize = 200_000;

/// What the loop applies for a burst of events read at once: the events themselves, or, when
/// `pastes_arrive_as_keys` and the burst is a multi-line paste (see the module's rule), one
/// `Event::Paste` holding its text.
pub fn coalesce(events: Vec<Event>, pastes_arrive_as_keys: bool) -> Vec<Event> {
    if !pastes_arrive_as_keys {
        return events;
    }
    match pasted_text(&events) {
        Some(text) => vec![Event::Paste(text)],
        None => events,
    }
}

/// A piece of a possible paste: a character, a line break, or nothing (a release).
enum Piece {
    Text(char),
    Break,
    Nothing,
}

fn piece(event: &Event) -> Option<Piece> {
    let Event::Key(KeyEvent {
        code,
        modifiers,
        kind,
        ..
    }) = event
    else {
        return None;
    };
    let plain = modifiers.is_empty();
    let text = match code {
        KeyCode::Char(c) if !c.is_control() && (*modifiers - KeyModifiers::SHIFT).is_empty() => {
            Piece::Text(*c)
        }
        KeyCode::Tab if plain => Piece::Text('\t'),
        KeyCode::Enter if plain => Piece::Break,
        _ => return None,
    };
    Some(if *kind == KeyEventKind::Release {
        Piece::Nothing
    } else {
        text
    })
}

/// The text of a burst that is a multi-line paste; `None` when it is keys.
fn pasted_text(events: &[Event]) -> Option<String> {
    let mut text = String::new();
    let mut after_break = false;
    let mut several_lines = false;
    for event in events {
        match piece(event)? {
            Piece::Text(c) => {
                several_lines |= after_break && !c.is_whitespace();
                text.push(c);
            }
            Piece::Break => {
                after_break = true;
                text.push('\n');
            }
            Piece::Nothing => {}
        }
    }
    several_lines.then_some(text)
}

#[cfg(test)]
mod tests;
