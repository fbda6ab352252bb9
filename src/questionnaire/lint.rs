//! Warnings for a questionnaire that loads but probably holds a slip: what `baocao check`
//! says after "hợp lệ".
//!
//! Owns: the checks — a heading that writes a period year the `vars` already hold, a level-1
//! heading not in upper case, a closing sentence without "./.", a suggestion longer than its
//! question allows, a question nothing prints, a condition that can never be true — each with
//! the line it is on and a fix (the sentences are in `messages`).
//!
//! Must not: refuse a questionnaire (that is the loader), or read answers.

use super::diag::Pos;
use super::model::{Question, QuestionKind, Questionnaire, Section, Text};
use crate::messages;

/// One warning: where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub pos: Pos,
    /// A short name for tools (`--format json`).
    pub code: &'static str,
    pub what: String,
    pub fix: String,
}

/// Every warning of a questionnaire, in file order.
pub fn lint(q: &Questionnaire) -> Vec<Warning> {
    let mut out = Vec::new();
    let years = period_years(q);
    walk(&q.sections, 1, &mut |section, level| {
        if let Some(heading) = &section.heading {
            let literal = literal(&heading.source);
            // One warning per year, naming every var that holds it.
            let mut seen: Vec<&str> = Vec::new();
            for (_, year) in &years {
                if seen.contains(&year.as_str()) || !contains_word(&literal, year) {
                    continue;
                }
                seen.push(year);
                let holders: Vec<&str> = years
                    .iter()
                    .filter(|(_, y)| y == year)
                    .map(|(name, _)| name.as_str())
                    .collect();
                let (what, fix) = messages::lint_heading_year(year, &holders);
                out.push(warn(heading.pos, "heading-repeats-period", what, fix));
            }
            if level == 1 && section.numbered && literal.chars().any(char::is_lowercase) {
                let (what, fix) = messages::lint_heading_case();
                out.push(warn(heading.pos, "heading-not-upper", what, fix));
            }
        }
    });
    if let Some(closing) = &q.frame.closing
        && !closing.source.contains("./.")
    {
        let (what, fix) = messages::lint_closing();
        out.push(warn(closing.pos, "closing-without-end", what, fix));
    }
    for question in &q.questions {
        if let Some(max) = question.validation.max_length {
            for s in &question.suggestions {
                let len = literal(&s.source).chars().count();
                if len > max {
                    let (what, fix) = messages::lint_suggestion_long(&question.id, len, max);
                    out.push(warn(s.pos, "suggestion-too-long", what, fix));
                }
            }
        }
    }
    let sources = all_sources(q);
    let naming = WordIndex::new(&sources);
    let printed_by_default = questions_printed_by_default(q);
    for (i, question) in q.questions.iter().enumerate() {
        let used = printed_by_default.contains(&i)
            || naming
                .sources_naming(&sources, &question.id)
                .any(|s| !is_own(question, s));
        if !used {
            let (what, fix) = messages::lint_unused(&question.id);
            out.push(warn(question.pos, "question-unused", what, fix));
        }
    }
    for (pos, source) in conditions(q) {
        if let Some((id, value)) = impossible_comparison(q, &source) {
            let (what, fix) = messages::lint_condition_never(&id, &value);
            out.push(warn(pos, "condition-never-true", what, fix));
        } else if matches!(source.trim(), "false" | "False") {
            let (what, fix) = messages::lint_condition_false();
            out.push(warn(pos, "condition-never-true", what, fix));
        }
    }
    out.sort_by_key(|w| (w.pos.line, w.pos.col));
    out
}

fn warn(pos: Pos, code: &'static str, what: String, fix: String) -> Warning {
    Warning {
        pos,
        code,
        what,
        fix,
    }
}

/// Visits sections depth-first with their level (1 = top).
fn walk(sections: &[Section], level: usize, visit: &mut impl FnMut(&Section, usize)) {
    for s in sections {
        visit(s, level);
        walk(&s.sections, level + 1, visit);
    }
}

/// The vars that hold a year (1900–2100), as (name, year).
fn period_years(q: &Questionnaire) -> Vec<(String, String)> {
    q.vars
        .iter()
        .filter_map(|(name, value)| {
            let text = value.to_string();
            let year: u32 = text.parse().ok()?;
            (1900..=2100).contains(&year).then(|| (name.clone(), text))
        })
        .collect()
}

/// A template's text outside `{{ … }}` and `{% … %}`.
fn literal(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find(['{']) {
        let close = match rest[start..].chars().nth(1) {
            Some('{') => "}}",
            Some('%') => "%}",
            Some('#') => "#}",
            _ => {
                out.push_str(&rest[..=start]);
                rest = &rest[start + 1..];
                continue;
            }
        };
        out.push_str(&rest[..start]);
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + 2..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether `word` stands in `text` as a whole word (not inside a longer number or name).
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    })
}

/// Whether a template or condition source names `id` (as a variable, not inside a word).
fn uses(source: &str, id: &str) -> bool {
    contains_word(source, id)
}

/// The sources each word stands in, built in one pass over all of them, so that finding the
/// sources that name a question costs the number of those sources, not a scan of every source
/// for every question (that was quadratic: 60 000 unprinted questions took a minute).
struct WordIndex<'s> {
    by_word: std::collections::HashMap<&'s str, Vec<usize>>,
}

impl<'s> WordIndex<'s> {
    fn new(sources: &'s [String]) -> Self {
        let mut by_word: std::collections::HashMap<&str, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, source) in sources.iter().enumerate() {
            for word in source
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
            {
                let at = by_word.entry(word).or_default();
                if at.last() != Some(&i) {
                    at.push(i);
                }
            }
        }
        WordIndex { by_word }
    }

    /// The sources that name `id` as a whole word — what [`uses`] finds, for an id made of
    /// word characters only (every loaded id is); any other id falls back to a scan.
    fn sources_naming<'a>(
        &'a self,
        sources: &'a [String],
        id: &'a str,
    ) -> Box<dyn Iterator<Item = &'a String> + 'a> {
        if id.is_empty() || !id.chars().all(is_word_char) {
            return Box::new(sources.iter().filter(move |s| uses(s, id)));
        }
        let found = self.by_word.get(id).map_or(&[][..], Vec::as_slice);
        Box::new(found.iter().map(|&i| &sources[i]))
    }
}

/// A character that can be part of a name (the boundaries of [`contains_word`]).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether a source is one of the question's own texts (its prompt naming itself is no use).
fn is_own(question: &Question, source: &str) -> bool {
    question.ask.source == source
        || question.help.as_ref().is_some_and(|h| h.source == source)
        || question.suggestions.iter().any(|s| s.source == source)
}

/// Every template and condition source of the questionnaire.
fn all_sources(q: &Questionnaire) -> Vec<String> {
    let f = &q.frame;
    let mut texts: Vec<&Text> = Vec::new();
    texts.extend(&f.parent);
    texts.extend(&f.issuer);
    texts.extend(&f.to);
    texts.extend(&f.authority);
    texts.extend(&f.cc);
    texts.extend(
        [
            &f.number,
            &f.place_date,
            &f.kind,
            &f.summary,
            &f.closing,
            &f.signer_title,
            &f.signer_name,
        ]
        .into_iter()
        .flatten(),
    );
    let mut out: Vec<String> = texts.iter().map(|t| t.source.clone()).collect();
    walk(&q.sections, 1, &mut |s, _| {
        out.extend(s.heading.iter().chain(&s.text).map(|t| t.source.clone()));
    });
    for question in &q.questions {
        out.push(question.ask.source.clone());
        out.extend(question.help.iter().map(|t| t.source.clone()));
        out.extend(question.suggestions.iter().map(|t| t.source.clone()));
    }
    out.extend(conditions(q).into_iter().map(|(_, s)| s));
    out
}

/// Questions of sections without `text:`: their answers are printed in turn.
fn questions_printed_by_default(q: &Questionnaire) -> std::collections::HashSet<usize> {
    let mut out = std::collections::HashSet::new();
    walk(&q.sections, 1, &mut |s, _| {
        if s.text.is_none() {
            out.extend(s.questions.iter().copied());
        }
    });
    out
}

/// Every `when:` of sections and questions.
fn conditions(q: &Questionnaire) -> Vec<(Pos, String)> {
    let mut out = Vec::new();
    walk(&q.sections, 1, &mut |s, _| {
        out.extend(s.when.iter().map(|c| (c.pos, c.source.clone())));
    });
    out.extend(
        q.questions
            .iter()
            .filter_map(|x| x.when.as_ref())
            .map(|c| (c.pos, c.source.clone())),
    );
    out
}

/// `id == 'value'` where `id` is a choice question and `value` none of its options (nor
/// "other" allowed): never true. Returns (id, value).
fn impossible_comparison(q: &Questionnaire, source: &str) -> Option<(String, String)> {
    let mut rest = source;
    while let Some(at) = rest.find("==") {
        let left = rest[..at].trim_end();
        let id: String = left
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let right = rest[at + 2..].trim_start();
        rest = &rest[at + 2..];
        let Some(quote) = right.chars().next().filter(|c| *c == '\'' || *c == '"') else {
            continue;
        };
        let Some(end) = right[1..].find(quote) else {
            continue;
        };
        let value = &right[1..=end];
        if let Some(question) = q.question(&id)
            && let QuestionKind::Choice { options, other } = &question.kind
            && !*other
            && !options.iter().any(|o| o == value)
        {
            return Some((id, value.to_owned()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_text_leaves_out_template_tags() {
        assert_eq!(
            literal("KẾT QUẢ {{ nam_dau }}–{{ nam_cuoi }} {% if x %}A{% endif %}"),
            "KẾT QUẢ – A"
        );
        assert_eq!(literal("a { b"), "a { b");
        assert!(contains_word("GIAI ĐOẠN 2021–2025", "2025"));
        assert!(!contains_word("12025", "2025"));
        assert!(uses("{{ ten_xa | upper }}", "ten_xa"));
        assert!(!uses("{{ ten_xa_cu }}", "ten_xa"));
    }

    #[test]
    fn the_word_index_finds_what_a_scan_finds() {
        let sources: Vec<String> = [
            "{{ ten_xa | upper }} và {{ so_ho }}",
            "{{ ten_xa_cu }}",
            "{% if co_ho_ngheo %}{{ so_ho_ngheo }}{% endif %}",
            "Xã {{ten_xa}}, năm 2025",
            "ten_xa",
            "",
        ]
        .map(str::to_owned)
        .to_vec();
        let index = WordIndex::new(&sources);
        for id in [
            "ten_xa",
            "so_ho",
            "so_ho_ngheo",
            "co_ho_ngheo",
            "ten_xa_cu",
            "2025",
            "ho",
            "khong_co",
            "ten xa",
            "",
        ] {
            let scanned: Vec<&String> = sources.iter().filter(|s| uses(s, id)).collect();
            let indexed: Vec<&String> = index.sources_naming(&sources, id).collect();
            assert_eq!(indexed, scanned, "{id}");
        }
    }
}
