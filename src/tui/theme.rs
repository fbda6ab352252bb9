//! How the wizard looks, as data.
//!
//! Owns: [`Theme`] — every style the view uses. Colours are the 16 basic ANSI ones and text
//! keeps the terminal's own foreground and background, so the screen reads the same on light
//! and dark themes; with `NO_COLOR` set (any value) no colour is used at all, only bold,
//! reverse, dim and underline.
//!
//! Must not: hold state or draw.

use ratatui::style::{Color, Modifier, Style};

/// The styles of every part of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title_bar: Style,
    pub location: Style,
    pub prompt: Style,
    pub help: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub current_section: Style,
    pub not_applicable: Style,
    pub error: Style,
    pub ok: Style,
    pub warning: Style,
    pub key: Style,
    pub key_help: Style,
    pub placeholder: Style,
    pub table_header: Style,
}

impl Theme {
    /// The theme for this terminal: colour unless `NO_COLOR` is set.
    pub fn from_env() -> Self {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            Self::monochrome()
        } else {
            Self::color()
        }
    }

    /// 16-colour theme.
    pub fn color() -> Self {
        let plain = Style::default();
        Theme {
            title_bar: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            location: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            prompt: plain.add_modifier(Modifier::BOLD),
            help: plain.add_modifier(Modifier::ITALIC | Modifier::DIM),
            border: plain.add_modifier(Modifier::DIM),
            border_focused: plain.fg(Color::Cyan),
            selected: plain.add_modifier(Modifier::REVERSED),
            current_section: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            not_applicable: plain.add_modifier(Modifier::DIM | Modifier::CROSSED_OUT),
            error: plain.fg(Color::Red).add_modifier(Modifier::BOLD),
            ok: plain.fg(Color::Green),
            warning: plain.fg(Color::Yellow),
            key: plain.add_modifier(Modifier::BOLD | Modifier::REVERSED),
            key_help: plain,
            placeholder: plain.add_modifier(Modifier::DIM | Modifier::ITALIC),
            table_header: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// No colour at all (`NO_COLOR`).
    pub fn monochrome() -> Self {
        let plain = Style::default();
        Theme {
            location: plain.add_modifier(Modifier::BOLD),
            border_focused: plain.add_modifier(Modifier::BOLD),
            current_section: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            error: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ok: plain,
            warning: plain.add_modifier(Modifier::BOLD),
            ..Self::color()
        }
    }

    /// Whether any colour is used (tests).
    pub fn uses_color(&self) -> bool {
        [
            self.title_bar,
            self.location,
            self.border_focused,
            self.current_section,
            self.error,
            self.ok,
            self.warning,
        ]
        .iter()
        .any(|s| s.fg.is_some() || s.bg.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_has_no_colour() {
        assert!(Theme::color().uses_color());
        assert!(!Theme::monochrome().uses_color());
    }
}
