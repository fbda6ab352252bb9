//! What changed between two versions of a questionnaire, in terms a maintainer cares about.
//!
//! Owns: [`compare`] — the id and per-period values (`vars`) changed, sections added, removed
//! and renumbered (matched by their heading text;
//! numbers as printed when every section applies), questions added, removed, renamed (the new
//! version's `renames`) and changed in kind, and the answers saved for the old version that
//! the new one would keep aside as orphans, each with the `renames` entry that would carry it
//! over when a new question looks like its successor.
//!
//! Must not: read files or print (the command line does), or look at answers.

use crate::questionnaire::{NumberStyle, Questionnaire, Section};
use crate::report::build::number_for;

/// A section as printed: its number and heading text (template text as written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionRef {
    pub number: String,
    pub heading: String,
}

/// Everything that changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// (old id, new id) when the questionnaire's id changed.
    pub id: Option<(String, String)>,
    /// Per-period values: (name, old value, new value); `None` when absent.
    pub vars: Vec<(String, Option<String>, Option<String>)>,
    pub sections_added: Vec<SectionRef>,
    pub sections_removed: Vec<SectionRef>,
    /// (old number, new number, heading).
    pub sections_renumbered: Vec<(String, String, String)>,
    /// (id, question as asked).
    pub questions_added: Vec<(String, String)>,
    pub questions_removed: Vec<(String, String)>,
    /// (old id, new id), declared in the new version's `renames`.
    pub questions_renamed: Vec<(String, String)>,
    /// (id, old kind, new kind).
    pub kinds_changed: Vec<(String, &'static str, &'static str)>,
    /// Answers to these old questions would be kept aside as orphans; with the new question
    /// that looks like the one to rename to.
    pub orphaned: Vec<(String, Option<String>)>,
}

impl Changes {
    /// Whether the sections and questions are the same (answers carry over whole).
    pub fn same_structure(&self) -> bool {
        Changes {
            id: None,
            vars: Vec::new(),
            ..self.clone()
        } == Changes::default()
    }
}

/// The sections of a questionnaire in order, with their printed numbers.
fn numbered(q: &Questionnaire) -> Vec<SectionRef> {
    fn visit(
        sections: &[Section],
        styles: &[NumberStyle],
        depth: usize,
        parent: &str,
        parent_style: Option<NumberStyle>,
        out: &mut Vec<SectionRef>,
    ) {
        let style = styles.get(depth).copied().unwrap_or(NumberStyle::None);
        let mut counter = 0;
        for s in sections {
            let number = if s.numbered && s.heading.is_some() {
                counter += 1;
                number_for(style, counter, parent, parent_style)
            } else {
                String::new()
            };
            if let Some(h) = &s.heading {
                out.push(SectionRef {
                    number: number.clone(),
                    heading: h.source.trim().to_owned(),
                });
            }
            let (next_parent, next_style) = if number.is_empty() {
                (parent.to_owned(), parent_style)
            } else {
                (number, Some(style))
            };
            visit(
                &s.sections,
                styles,
                depth + 1,
                &next_parent,
                next_style,
                out,
            );
        }
    }
    let mut out = Vec::new();
    visit(&q.sections, &q.numbering, 0, "", None, &mut out);
    out
}

/// Compares two versions of a questionnaire.
pub fn compare(old: &Questionnaire, new: &Questionnaire) -> Changes {
    let mut c = Changes::default();
    if old.id != new.id {
        c.id = Some((old.id.clone(), new.id.clone()));
    }
    let shown = |v: Option<&minijinja::Value>| v.map(ToString::to_string);
    for (name, value) in &old.vars {
        let now = new.vars.get(name);
        if now != Some(value) {
            c.vars.push((name.clone(), shown(Some(value)), shown(now)));
        }
    }
    for (name, value) in &new.vars {
        if !old.vars.contains_key(name) {
            c.vars.push((name.clone(), None, shown(Some(value))));
        }
    }
    let (old_sections, new_sections) = (numbered(old), numbered(new));
    for s in &new_sections {
        match old_sections.iter().find(|o| o.heading == s.heading) {
            None => c.sections_added.push(s.clone()),
            Some(o) if o.number != s.number => {
                c.sections_renumbered
                    .push((o.number.clone(), s.number.clone(), s.heading.clone()));
            }
            Some(_) => {}
        }
    }
    c.sections_removed = old_sections
        .into_iter()
        .filter(|o| !new_sections.iter().any(|s| s.heading == o.heading))
        .collect();

    let renamed_to = |id: &str| new.renames.get(id).filter(|to| new.question(to).is_some());
    for q in &old.questions {
        match (new.question(&q.id), renamed_to(&q.id)) {
            (Some(n), _) => {
                if n.kind.name() != q.kind.name() {
                    c.kinds_changed
                        .push((q.id.clone(), q.kind.name(), n.kind.name()));
                }
            }
            (None, Some(to)) => c.questions_renamed.push((q.id.clone(), to.clone())),
            (None, None) => c
                .questions_removed
                .push((q.id.clone(), q.ask.source.trim().to_owned())),
        }
    }
    let renamed_targets: Vec<&String> = c.questions_renamed.iter().map(|(_, to)| to).collect();
    c.questions_added = new
        .questions
        .iter()
        .filter(|n| old.question(&n.id).is_none() && !renamed_targets.contains(&&n.id))
        .map(|n| (n.id.clone(), n.ask.source.trim().to_owned()))
        .collect();
    let added: Vec<&str> = c
        .questions_added
        .iter()
        .map(|(id, _)| id.as_str())
        .collect();
    c.orphaned = c
        .questions_removed
        .iter()
        .map(|(id, _)| {
            // A near spelling, or a new id that extends the old one (`ghi_chu` → `ghi_chu_them`).
            let like = crate::questionnaire::closest(id, added.iter().copied())
                .or_else(|| {
                    added
                        .iter()
                        .copied()
                        .find(|a| a.starts_with(id.as_str()) || id.starts_with(a))
                })
                .map(str::to_owned);
            (id.clone(), like)
        })
        .collect();
    c
}
