//! Loader diagnostics: a position, what kind of problem it is, and how it is shown with a
//! snippet of the file.
//!
//! Owns: [`Pos`], [`Kind`] (every problem the loader can find, with its data), [`Diagnostic`]
//! and [`LoadError`] (all problems of one file). The Vietnamese sentences live in
//! `crate::messages`; `explain` picks the one for each kind.
//!
//! Must not: decide what is a problem (that is `yaml`, `build/` and `check/`).

use std::fmt;

use crate::messages;

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, col: 1 };

    pub fn new(line: usize, col: usize) -> Self {
        Pos {
            line: line.max(1),
            col: col.max(1),
        }
    }

    /// The position of a byte offset inside `text`.
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let before = &text[..offset.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Pos { line, col }
    }
}

/// Every problem the loader reports. Messages: `crate::messages`, picked by `explain`.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// The file could not be read.
    Unreadable { detail: String },
    /// The file is larger than the loader accepts.
    TooLarge { bytes: usize },
    /// The bytes are not UTF-8.
    NotUtf8,
    /// A control character (NUL, ESC, …) in the text.
    ControlChar { code: u32 },
    /// A tab used for indentation.
    TabIndent,
    /// Nothing but white space or comments.
    EmptyFile,
    /// The YAML parser could not read the text.
    Syntax { detail: String },
    /// The YAML parser failed, and the line shows a common slip.
    Slip { slip: Slip },
    /// More than one `---` document.
    SeveralDocuments,
    /// `*name` without a matching `&name`.
    UnknownAnchor,
    /// Aliases expand to too many elements (an "alias bomb"): `*name` references and the
    /// copies kept for `&name`, counted with what is written.
    TooManyNodes,
    /// More elements (keys, values, list items) written than the loader accepts, aliases
    /// aside: a file too large, not an alias bomb.
    TooManyElements { limit: usize },
    /// Nesting deeper than the loader accepts.
    TooDeep,
    /// A mapping key that is a list or mapping.
    ComplexKey,
    /// The same key twice in one mapping.
    DuplicateKey { key: String, first_line: usize },
    /// A key that this place does not accept.
    UnknownKey {
        key: String,
        place: &'static str,
        suggestion: Option<&'static str>,
    },
    /// A required key is missing.
    MissingKey {
        key: &'static str,
        place: &'static str,
    },
    /// A value of the wrong shape (list where text was expected, …).
    WrongType {
        key: String,
        expected: &'static str,
        found: &'static str,
    },
    /// `format:` is not a version this program reads.
    UnsupportedFormat { found: String },
    /// An id that is not a valid name.
    BadId { id: String },
    /// A questionnaire id that is not a valid file-name stem.
    BadQuestionnaireId { id: String },
    /// The same question id (or table column id) twice.
    DuplicateId { id: String, first_line: usize },
    /// A var or question name that clashes with another name.
    NameClash { name: String, first_line: usize },
    /// `kind:` names no known question kind.
    UnknownKind {
        kind: String,
        suggestion: Option<&'static str>,
    },
    /// `numbering:` names no known style.
    UnknownNumbering { style: String },
    /// A key that only some kinds accept, used on another kind.
    KeyNotForKind {
        key: &'static str,
        kind: &'static str,
    },
    /// A choice question without options, or a table without columns.
    MissingForKind {
        key: &'static str,
        kind: &'static str,
    },
    /// `default:` does not fit the question's kind.
    BadDefault { expected: &'static str },
    /// Two options with the same text.
    DuplicateOption { option: String },
    /// `min` greater than `max`, or `min_length` greater than `max_length`.
    BadRange,
    /// A `pattern:` that is not a valid regular expression.
    BadRegex { detail: String },
    /// A section with nothing in it.
    EmptySection,
    /// A `when:` that cannot be parsed.
    ConditionSyntax { detail: String },
    /// A template that cannot be parsed.
    TemplateSyntax { detail: String },
    /// A template that fails when rendered with sample answers (e.g. a filter on the wrong kind).
    TemplateFails { detail: String },
    /// A template or condition that exceeds the render budget with some answers of the
    /// allowed lengths (tried branch by branch, so answers no sample gives are covered).
    TemplateOverBudget { detail: String, in_condition: bool },
    /// A template or condition names a filter, test or function the engine does not have.
    UnknownFilter { detail: String, in_condition: bool },
    /// A condition or template names something that is neither a var nor a question.
    UnknownName {
        name: String,
        suggestion: Option<String>,
        in_condition: bool,
        /// The suggestion is the new id `renames` gives this old one (not a guess).
        renamed: bool,
    },
    /// The id or the title names a question: they are read before any answer, from `vars`.
    QuestionInVarsOnly { name: String },
    /// A condition names a question that comes later (or is the question itself).
    LaterName { name: String, line: usize },
    /// A `renames:` entry whose old id is still a question.
    RenameFromLive { from: String, line: usize },
    /// A `renames:` entry that points to no question.
    RenameTarget {
        to: String,
        suggestion: Option<String>,
    },
    /// A table column `sum: true` on a text column.
    SumOnText,
}

/// Common typing slips behind YAML syntax errors, found by looking at the failing lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slip {
    /// A non-breaking or other special space (pasted from Word) where YAML needs a plain one.
    OddSpace,
    /// Typographic quotes “…” instead of straight ones.
    CurlyQuotes,
    /// `key:value` without a space after the colon.
    NoSpaceAfterColon,
    /// `-item` without a space after the dash.
    NoSpaceAfterDash,
    /// A value starting with `{{` or `{%` without quotes.
    TemplateNeedsQuotes,
}

/// One problem at one place.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub pos: Pos,
    pub kind: Kind,
}

impl Diagnostic {
    pub fn new(pos: Pos, kind: Kind) -> Self {
        Diagnostic { pos, kind }
    }
}

/// Every problem found in one questionnaire file.
#[derive(Clone, Debug)]
pub struct LoadError {
    /// The file name as the user gave it.
    pub file: String,
    /// The source text, when it could be read as UTF-8 (for snippets).
    pub source: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl std::error::Error for LoadError {}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<&str> = self
            .source
            .as_deref()
            .map(|s| s.lines().collect())
            .unwrap_or_default();
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            let (what, fix) = super::explain::diagnostic(&d.kind);
            writeln!(
                f,
                "{}: {}:{}:{}: {what}",
                messages::ERROR_LABEL,
                self.file,
                d.pos.line,
                d.pos.col
            )?;
            if let Some(line) = lines.get(d.pos.line.wrapping_sub(1)) {
                let number = d.pos.line.to_string();
                let gutter = " ".repeat(number.len());
                let (shown, caret) = snippet(&crate::text::sanitize_line(line), d.pos.col);
                writeln!(f, "{gutter} |")?;
                writeln!(f, "{number} | {shown}")?;
                writeln!(f, "{gutter} | {}^", " ".repeat(caret))?;
            }
            writeln!(f, "  {} {fix}", messages::FIX_LABEL)?;
        }
        let n = self.diagnostics.len();
        write!(f, "{}", messages::problem_count(&self.file, n))
    }
}

/// At most `SNIPPET` characters of a line around column `col` (1-based), and the caret's
/// offset in what is shown. Tabs count as one column, as the YAML parser counts them.
/// Warnings as `baocao check` prints them: file, line and column, the line itself with a
/// caret, and the fix.
pub fn warnings_text(file: &str, source: &str, warnings: &[super::lint::Warning]) -> String {
    use std::fmt::Write as _;
    let lines: Vec<&str> = source.lines().collect();
    let mut out = String::new();
    for w in warnings {
        let _ = writeln!(
            out,
            "{}: {file}:{}:{}: {}",
            messages::WARNING_LABEL,
            w.pos.line,
            w.pos.col,
            w.what
        );
        if let Some(line) = lines.get(w.pos.line.wrapping_sub(1)) {
            let number = w.pos.line.to_string();
            let gutter = " ".repeat(number.len());
            let (shown, caret) = snippet(&crate::text::sanitize_line(line), w.pos.col);
            let _ = writeln!(out, "{gutter} |");
            let _ = writeln!(out, "{number} | {shown}");
            let _ = writeln!(out, "{gutter} | {}^", " ".repeat(caret));
        }
        let _ = writeln!(out, "  {} {}", messages::FIX_LABEL, w.fix);
    }
    out
}

fn snippet(line: &str, col: usize) -> (String, usize) {
    const SNIPPET: usize = 100;
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let at = col.saturating_sub(1).min(chars.len());
    if chars.len() <= SNIPPET {
        return (
            chars.iter().collect(),
            crate::vn::display_width(&chars[..at].iter().collect::<String>()),
        );
    }
    let start = at.saturating_sub(SNIPPET / 2);
    let end = (start + SNIPPET).min(chars.len());
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    let before: String = chars[start..at].iter().collect();
    let caret = crate::vn::display_width(&before) + usize::from(start > 0);
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}
