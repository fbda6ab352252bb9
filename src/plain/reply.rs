//! What one typed line (or, for a paragraph or a list, the lines up to an empty one) means:
//! a line command, nothing (keep what is there), or an answer of the question's kind.
//!
//! Owns: [`Line`] and [`Command`] (the line commands, typed after a colon, with or without
//! Vietnamese marks), and [`parse`]: yes/no as c/k, a choice by its number (or its text), a
//! multiple choice by numbers separated by commas or spaces, a free "other" text; numbers,
//! dates and lists are read by the core (`answers::typed`).
//!
//! Must not: print, read input, or touch the answers store.

use crate::answers::AnswerValue;
use crate::answers::typed::{self, TextKind, Typed};
use crate::messages::plain as words;
use crate::questionnaire::QuestionKind;

/// A line command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Back to the question before.
    Back,
    /// What is left of this question (a table's other cells) kept as it is; to the next one.
    Next,
    /// To a question, by its number among those that apply or by its id; `None` when the
    /// official typed none.
    Jump(Option<String>),
    /// The questions that apply: number, section, prompt, answered or not.
    List,
    /// Lines added after a paragraph's or a list's answer.
    Add,
    /// Save and quit, as the end of input does.
    Quit,
    /// The answer of this question is removed.
    Clear,
    /// The whole report, as text.
    Show,
    /// The report written as .txt and .docx, under this name or the default one.
    Finish(Option<String>),
    /// The question's suggestions, numbered; with a number, that suggestion is used.
    Suggest(Option<String>),
    /// The commands' help.
    Help,
}

/// What a typed line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// Nothing typed: keep what is there.
    Empty,
    Command(Command),
    /// A colon and something that is no command.
    Unknown(String),
    /// An answer (or its first line).
    Text(String),
}

/// What `line` is: a command after a colon (a double colon starts an answer with one colon).
pub fn classify(line: &str) -> Line {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Line::Empty;
    }
    if trimmed.starts_with("::") {
        return Line::Text(line.replacen("::", ":", 1));
    }
    let Some(rest) = trimmed.strip_prefix(':') else {
        return Line::Text(line.to_owned());
    };
    let rest = rest.trim();
    let lower = rest.to_lowercase();
    for name in ["danh sách", "danh sach", "danhsách", "danhsach"] {
        if lower == name {
            return Line::Command(Command::List);
        }
    }
    for name in ["gợi ý", "goi y", "gợiý", "goiy"] {
        if let Some(arg) = lower.strip_prefix(name)
            && (arg.is_empty() || arg.starts_with(char::is_whitespace))
        {
            let arg = Some(arg.trim().to_owned()).filter(|a| !a.is_empty());
            return Line::Command(Command::Suggest(arg));
        }
    }
    let (word, arg) = match rest.split_once(char::is_whitespace) {
        Some((word, arg)) => (word, Some(arg.trim()).filter(|a| !a.is_empty())),
        None => (rest, None),
    };
    let command = match (word.to_lowercase().as_str(), arg) {
        ("lui" | "lùi", None) => Command::Back,
        ("tiếp" | "tiep", None) => Command::Next,
        ("đến" | "den" | "di" | "đi", to) => Command::Jump(to.map(str::to_owned)),
        ("ds", None) => Command::List,
        ("thêm" | "them", None) => Command::Add,
        ("thoát" | "thoat", None) => Command::Quit,
        ("xóa" | "xoá" | "xoa", None) => Command::Clear,
        ("xem", None) => Command::Show,
        ("xong" | "xuất" | "xuat", name) => Command::Finish(name.map(str::to_owned)),
        ("?" | "giúp" | "giup", None) => Command::Help,
        _ => return Line::Unknown(trimmed.to_owned()),
    };
    Line::Command(command)
}

/// Whether a typed line holds a control character other than Tab: an arrow key typed in a
/// cooked terminal arrives as `ESC [ D`, which must not be stored as text.
pub fn has_control(line: &str) -> bool {
    line.chars().any(|c| c.is_control() && c != '\t')
}

/// Whether a question of `kind` is answered on several lines, up to an empty one.
pub fn several_lines(kind: &QuestionKind) -> bool {
    matches!(kind, QuestionKind::Paragraph | QuestionKind::List)
}

/// The typed lines as an answer to a question of `kind`, or why they are not one (in
/// Vietnamese). A table is not read here.
pub fn parse(kind: &QuestionKind, lines: &[String]) -> Result<Typed, String> {
    let first = lines.first().map_or("", String::as_str);
    let typed = match kind {
        QuestionKind::Text => typed::text_value(TextKind::Line, first),
        QuestionKind::Paragraph => typed::text_value(TextKind::Paragraph, &lines.join("\n")),
        QuestionKind::Integer => typed::text_value(TextKind::Integer, first),
        QuestionKind::Decimal => typed::text_value(TextKind::Decimal, first),
        QuestionKind::Date => typed::text_value(TextKind::Date, first),
        QuestionKind::List => typed::list_items(lines),
        QuestionKind::YesNo => yes_no(first)?,
        QuestionKind::Choice { options, other } => one_choice(options, *other, first)?,
        QuestionKind::Choices { options, other } => choices(options, *other, first)?,
        QuestionKind::Table(_) => Typed::Empty,
    };
    match typed {
        Typed::Raw { reason, .. } => Err(reason),
        typed => Ok(typed),
    }
}

pub(super) fn yes_no(line: &str) -> Result<Typed, String> {
    match line.trim().to_lowercase().as_str() {
        "c" | "có" | "co" | "y" => Ok(Typed::Answer(AnswerValue::Bool(true))),
        "k" | "không" | "khong" | "n" => Ok(Typed::Answer(AnswerValue::Bool(false))),
        _ => Err(words::NOT_YES_NO.to_owned()),
    }
}

/// The option `part` names: its number (1…n) or its text; `Err` for a number out of range.
fn option_of(options: &[String], part: &str) -> Result<Option<usize>, String> {
    if !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()) {
        return match part.parse::<usize>() {
            Ok(n) if (1..=options.len()).contains(&n) => Ok(Some(n - 1)),
            _ => Err(words::no_such_option(part, options.len())),
        };
    }
    let lower = part.to_lowercase();
    Ok(options.iter().position(|o| o.to_lowercase() == lower))
}

fn one_choice(options: &[String], other: bool, line: &str) -> Result<Typed, String> {
    let line = line.trim();
    match option_of(options, line)? {
        Some(i) => Ok(Typed::Answer(AnswerValue::Choice(options[i].clone()))),
        None if other => Ok(Typed::Answer(AnswerValue::Choice(line.to_owned()))),
        None if line.split([',', ' ']).filter(|p| !p.is_empty()).count() > 1 => {
            Err(words::ONE_CHOICE_ONLY.to_owned())
        }
        None => Err(words::choice_needs_number(options.len())),
    }
}

fn choices(options: &[String], other: bool, line: &str) -> Result<Typed, String> {
    let mut chosen = Vec::new();
    let mut free: Option<String> = None;
    for part in line
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let tokens: Vec<&str> = part.split_whitespace().collect();
        let numbers = tokens.iter().all(|t| t.chars().all(|c| c.is_ascii_digit()));
        let found: Vec<Option<usize>> = if numbers {
            tokens
                .iter()
                .map(|t| option_of(options, t))
                .collect::<Result<_, _>>()?
        } else {
            vec![option_of(options, part)?]
        };
        for found in found {
            match found {
                Some(i) if !chosen.contains(&i) => chosen.push(i),
                Some(_) => {}
                None if !other => return Err(words::choice_needs_number(options.len())),
                None if free.is_some() => return Err(words::ONE_OTHER_ONLY.to_owned()),
                None => free = Some(part.to_owned()),
            }
        }
    }
    chosen.sort_unstable();
    let mut texts: Vec<String> = chosen.into_iter().map(|i| options[i].clone()).collect();
    texts.extend(free);
    Ok(if texts.is_empty() {
        Typed::Empty
    } else {
        Typed::Answer(AnswerValue::Choices(texts))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Vec<String> {
        vec!["Tốt".into(), "Khá".into(), "Trung bình".into()]
    }

    #[test]
    fn commands_are_read_with_or_without_marks() {
        assert_eq!(classify(":lùi"), Line::Command(Command::Back));
        assert_eq!(
            classify(" :den 5 "),
            Line::Command(Command::Jump(Some("5".into())))
        );
        assert_eq!(classify(":đến"), Line::Command(Command::Jump(None)));
        assert_eq!(classify(":thoat"), Line::Command(Command::Quit));
        assert_eq!(classify(":Thoát"), Line::Command(Command::Quit));
        assert_eq!(classify(":tiếp"), Line::Command(Command::Next));
        assert_eq!(classify(":danh sách"), Line::Command(Command::List));
        assert_eq!(classify(":ds"), Line::Command(Command::List));
        assert_eq!(classify(":them"), Line::Command(Command::Add));
        assert_eq!(classify(":xong"), Line::Command(Command::Finish(None)));
        assert_eq!(classify(":?"), Line::Command(Command::Help));
        assert_eq!(classify(":gợi ý"), Line::Command(Command::Suggest(None)));
        assert_eq!(
            classify(":goi y 2"),
            Line::Command(Command::Suggest(Some("2".into())))
        );
        assert_eq!(classify(":bay"), Line::Unknown(":bay".into()));
        assert_eq!(classify("::3"), Line::Text(":3".into()));
        assert_eq!(classify("   "), Line::Empty);
    }

    #[test]
    fn arrow_keys_and_control_characters_are_found() {
        assert!(has_control("Hòa Bình\u{1b}[D"));
        assert!(has_control("a\u{7f}"));
        assert!(has_control("a\u{8}b"));
        assert!(!has_control("Hòa\tBình"));
        assert!(!has_control("Hòa Bình"));
    }

    #[test]
    fn choices_by_number_text_and_other() {
        let choice = QuestionKind::Choice {
            options: opts(),
            other: false,
        };
        let one = |s: &str| parse(&choice, &[s.to_owned()]);
        assert_eq!(
            one("2"),
            Ok(Typed::Answer(AnswerValue::Choice("Khá".into())))
        );
        assert_eq!(
            one("tốt"),
            Ok(Typed::Answer(AnswerValue::Choice("Tốt".into())))
        );
        assert_eq!(one("4"), Err(words::no_such_option("4", 3)));
        assert_eq!(one("1, 2"), Err(words::ONE_CHOICE_ONLY.to_owned()));
        let many = QuestionKind::Choices {
            options: opts(),
            other: true,
        };
        assert_eq!(
            parse(&many, &["3 1, Rất tốt".to_owned()]),
            Ok(Typed::Answer(AnswerValue::Choices(vec![
                "Tốt".into(),
                "Trung bình".into(),
                "Rất tốt".into()
            ])))
        );
        assert_eq!(
            parse(&many, &["a, b".to_owned()]),
            Err(words::ONE_OTHER_ONLY.to_owned())
        );
    }

    #[test]
    fn yes_no_and_dates() {
        assert_eq!(
            parse(&QuestionKind::YesNo, &["K".to_owned()]),
            Ok(Typed::Answer(AnswerValue::Bool(false)))
        );
        assert!(parse(&QuestionKind::YesNo, &["có lẽ".to_owned()]).is_err());
        assert!(parse(&QuestionKind::Date, &["31/02/2025".to_owned()]).is_err());
    }
}
