//! One editable piece of text: a line or a paragraph.
//!
//! Owns: [`TextInput`], a `ratatui_textarea::TextArea` driven only through its plain editing
//! calls (no built-in shortcuts; our keys live in `keymap`), with the rules Vietnamese typing
//! needs: every insertion normalised to NFC (a combining mark typed after its letter is
//! composed with it, so "e" + U+0302 becomes "ê"), Backspace and Delete remove one whole
//! grapheme, control characters become spaces (never reach the terminal), pasted CR/LF become
//! LF, and a single-line input turns line breaks into spaces. Undo lives in the app, not here.
//!
//! Must not: know which question it edits, or decide what a key means.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// An editable text.
#[derive(Debug, Clone)]
pub struct TextInput {
    area: TextArea<'static>,
    multiline: bool,
}

impl TextInput {
    /// A single-line input holding `text` (line breaks become spaces), cursor at the end.
    pub fn line(text: &str) -> Self {
        Self::new(text, false)
    }

    /// A paragraph input holding `text`, cursor at the end.
    pub fn paragraph(text: &str) -> Self {
        Self::new(text, true)
    }

    fn new(text: &str, multiline: bool) -> Self {
        let clean = clean(text, multiline);
        let lines: Vec<String> = clean.split('\n').map(str::to_owned).collect();
        let mut area = TextArea::new(lines);
        area.set_max_histories(0);
        area.set_wrap_mode(if multiline {
            WrapMode::WordOrGlyph
        } else {
            WrapMode::None
        });
        area.set_cursor_line_style(ratatui::style::Style::default());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextInput { area, multiline }
    }

    /// Soft-wraps long lines (a one-line answer shown in full) instead of scrolling sideways.
    #[must_use]
    pub fn wrapped(mut self) -> Self {
        self.area.set_wrap_mode(WrapMode::WordOrGlyph);
        self
    }

    /// Forgets how the text was scrolled (after the window changed size), keeping the text,
    /// the cursor and the wrapping.
    pub fn reset_view(&mut self) {
        let (line, col) = self.cursor();
        let wrap = self.area.wrap_mode();
        let placeholder = self.area.placeholder_text().to_owned();
        let placeholder_style = self.area.placeholder_style();
        let mut area = TextArea::new(self.area.lines().to_vec());
        area.set_max_histories(0);
        area.set_wrap_mode(wrap);
        area.set_cursor_line_style(ratatui::style::Style::default());
        area.set_style(self.area.style());
        area.set_cursor_style(self.area.cursor_style());
        if !placeholder.is_empty() {
            area.set_placeholder_text(placeholder);
        }
        if let Some(style) = placeholder_style {
            area.set_placeholder_style(style);
        }
        self.area = area;
        self.set_cursor(line, col);
    }

    /// The text, lines joined by `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// The cursor as (line, character index).
    pub fn cursor(&self) -> (usize, usize) {
        let c = self.area.cursor();
        (c.0, c.1)
    }

    /// Puts the cursor at (line, character index), clamped to the text.
    pub fn set_cursor(&mut self, line: usize, col: usize) {
        let lines = self.area.lines();
        let line = line.min(lines.len().saturating_sub(1));
        let col = col.min(lines[line].chars().count());
        self.area.move_cursor(CursorMove::Jump(
            u16::try_from(line).unwrap_or(u16::MAX),
            u16::try_from(col).unwrap_or(u16::MAX),
        ));
    }

    /// The widget that draws the text and its cursor.
    pub fn textarea(&self) -> &TextArea<'static> {
        &self.area
    }

    /// Types one character.
    pub fn insert_char(&mut self, c: char) {
        if c == '\n' || c == '\r' {
            self.newline();
        } else if is_combining_mark(c) {
            self.compose_with_previous(&c.to_string());
        } else {
            // The same rule as pasted text: controls, line separators and bidi overrides
            // become spaces.
            self.area.insert_char(clean_char(c, false));
        }
    }

    /// Inserts text (a paste, a suggestion, a file): NFC, CR/LF → LF, control characters as
    /// spaces, line breaks as spaces in a single-line input — where the line breaks that end
    /// the text (copied lines end with one) are left out.
    pub fn insert_str(&mut self, s: &str) {
        let s = if self.multiline {
            s
        } else {
            s.trim_end_matches(['\r', '\n'])
        };
        let clean = clean(s, self.multiline);
        let first_mark = clean.chars().next().is_some_and(is_combining_mark);
        if first_mark {
            // A paste that starts with combining marks belongs to the letter before it.
            let marks: String = clean
                .chars()
                .take_while(|c| is_combining_mark(*c))
                .collect();
            self.compose_with_previous(&marks);
            self.area.insert_str(&clean[marks.len()..]);
        } else {
            self.area.insert_str(&clean);
        }
    }

    /// A line break (paragraphs only).
    pub fn newline(&mut self) {
        if self.multiline {
            self.area.insert_newline();
        }
    }

    /// Replaces the letter before the cursor plus `marks` with their NFC composition.
    fn compose_with_previous(&mut self, marks: &str) {
        let before = self.grapheme_before();
        let n = before.chars().count();
        for _ in 0..n {
            self.area.move_cursor(CursorMove::Back);
        }
        if n > 0 {
            self.area.delete_str(n);
        }
        let composed: String = format!("{before}{marks}").nfc().collect();
        self.area.insert_str(composed);
    }

    /// The grapheme right before the cursor on its line ("" at the start of a line).
    fn grapheme_before(&self) -> String {
        let (row, col) = self.cursor();
        let line = &self.area.lines()[row];
        let byte = char_to_byte(line, col);
        line[..byte]
            .graphemes(true)
            .next_back()
            .unwrap_or("")
            .to_owned()
    }

    fn grapheme_after(&self) -> String {
        let (row, col) = self.cursor();
        let line = &self.area.lines()[row];
        let byte = char_to_byte(line, col);
        line[byte..].graphemes(true).next().unwrap_or("").to_owned()
    }

    /// Deletes one letter (grapheme) to the left; at the start of a line, joins it to the
    /// previous one. Returns whether anything changed.
    pub fn backspace(&mut self) -> bool {
        let n = self.grapheme_before().chars().count();
        if n == 0 {
            return self.area.delete_char();
        }
        for _ in 0..n {
            self.area.move_cursor(CursorMove::Back);
        }
        self.area.delete_str(n)
    }

    /// Deletes one letter (grapheme) to the right; at the end of a line, joins the next one.
    pub fn delete(&mut self) -> bool {
        let n = self.grapheme_after().chars().count();
        if n == 0 {
            return self.area.delete_next_char();
        }
        self.area.delete_str(n)
    }

    pub fn left(&mut self) {
        for _ in 0..self.grapheme_before().chars().count().max(1) {
            self.area.move_cursor(CursorMove::Back);
        }
    }

    pub fn right(&mut self) {
        for _ in 0..self.grapheme_after().chars().count().max(1) {
            self.area.move_cursor(CursorMove::Forward);
        }
    }

    pub fn word_left(&mut self) {
        self.area.move_cursor(CursorMove::WordBack);
    }

    pub fn word_right(&mut self) {
        self.area.move_cursor(CursorMove::WordForward);
    }

    /// Moves up a line; false when already on the first line.
    pub fn up(&mut self) -> bool {
        let before = self.cursor();
        self.area.move_cursor(CursorMove::Up);
        self.cursor() != before
    }

    /// Moves down a line; false when already on the last line.
    pub fn down(&mut self) -> bool {
        let before = self.cursor();
        self.area.move_cursor(CursorMove::Down);
        self.cursor() != before
    }

    pub fn home(&mut self) {
        self.area.move_cursor(CursorMove::Head);
    }

    pub fn end(&mut self) {
        self.area.move_cursor(CursorMove::End);
    }

    /// The end of the whole text.
    pub fn bottom(&mut self) {
        self.area.move_cursor(CursorMove::Bottom);
        self.area.move_cursor(CursorMove::End);
    }
}

/// Text as it may be stored (the core's [`crate::text::clean_typed`]).
pub use crate::text::{clean_char, clean_typed as clean};

fn char_to_byte(s: &str, col: usize) -> usize {
    s.char_indices().nth(col).map_or(s.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[&str]) -> String {
        let mut input = TextInput::line("");
        for k in keys {
            match *k {
                "BS" => {
                    input.backspace();
                }
                s => s.chars().for_each(|c| input.insert_char(c)),
            }
        }
        input.text()
    }

    #[test]
    fn telex_sequence_with_backspaces() {
        assert_eq!(
            typed(&["v", "i", "e", "BS", "ê", "t", "BS", "BS", "ệ", "t"]),
            "việt"
        );
    }

    #[test]
    fn decomposed_input_is_composed() {
        assert_eq!(typed(&["tie\u{302}\u{301}ng"]), "tiếng");
        assert_eq!(typed(&["e\u{302}\u{323}"]), "ệ");
        assert_eq!(typed(&["e\u{323}\u{302}"]), "ệ");
    }

    #[test]
    fn backspace_removes_a_whole_grapheme() {
        // A letter with two marks that has no precomposed form still goes in one press.
        let mut input = TextInput::line("ab\u{301}\u{31b}");
        input.backspace();
        assert_eq!(input.text(), "a");
    }

    #[test]
    fn paste_normalises_line_breaks_and_controls() {
        let mut p = TextInput::paragraph("");
        p.insert_str("một\r\nhai\rba\x1b[31m\tbốn");
        assert_eq!(p.text(), "một\nhai\nba [31m bốn");
        let mut l = TextInput::line("");
        l.insert_str("một\r\nhai");
        assert_eq!(l.text(), "một hai");
        // The break that ends copied lines is no trailing space.
        let mut l = TextInput::line("");
        l.insert_str("một\r\nhai\r\n\n");
        assert_eq!(l.text(), "một hai");
    }

    #[test]
    fn paste_starting_with_a_mark_composes() {
        let mut input = TextInput::line("Hoa");
        input.insert_str("\u{300} Bình");
        assert_eq!(input.text(), "Hoà Bình");
    }

    #[test]
    fn cursor_moves_by_grapheme() {
        let mut input = TextInput::line("ab\u{301}\u{31b}c");
        input.home();
        input.right();
        input.right();
        assert_eq!(input.cursor(), (0, 4));
        input.left();
        assert_eq!(input.cursor(), (0, 1));
    }
}
