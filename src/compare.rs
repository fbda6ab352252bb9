//! What changed between two versions of a questionnaire, in terms a maintainer cares about.
//!
//! Owns: [`compare`] — the id and per-period values (`vars`) changed, sections added, removed
//! and renumbered (matched by their heading as written, shown as printed with `vars` filled
//! in; numbers as printed when every section applies), questions added, removed, renamed (the
//! new version's `renames`) and changed in kind, and the answers saved for the old version
//! that the new one would keep aside as orphans, each with the `renames` entry that would carry
//! it over when a new question looks like its successor (same kind and prompt, or a near id).
//!
//! `report` lays the changes out as `baocao diff`'s text.
//!
//! Must not: read files or print (the command line does), or look at answers.

use std::collections::{HashMap, HashSet};

pub mod report;

pub use report::diff_report;

use crate::questionnaire::{Question, Questionnaire, Section, Text};
use crate::report::build::number_for;
use crate::report::preview::Shown;

/// A section as printed: its number and heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionRef {
    pub number: String,
    /// The headings as written from the top down to this one (sections are matched by it:
    /// a heading that prints the period's years is the same section in every period, and two
    /// sub-sections of the same name under different parents are not).
    pub heading: String,
    /// The heading as it prints: `vars` filled in.
    pub shown: String,
    /// The number of the section it belongs to, for one below the top level.
    pub parent: String,
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
    /// (old number, new number, heading as printed).
    pub sections_renumbered: Vec<(String, String, String)>,
    /// (id, question as asked, `vars` filled in).
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

/// The sections of a questionnaire in order, with their printed numbers (numbered as a
/// report numbers them when every section applies) and their headings as written; `shown` is
/// left empty — [`with_shown`] fills it for the few sections a diff names (it renders the
/// heading, and most sections are the same in both versions).
fn numbered(q: &Questionnaire) -> Vec<(SectionRef, &Text)> {
    struct Walk<'q> {
        q: &'q Questionnaire,
        out: Vec<(SectionRef, &'q Text)>,
    }
    impl<'q> Walk<'q> {
        fn visit(&mut self, sections: &'q [Section], level: usize, parent: &str, path: &str) {
            let (style, parent_style) = self.q.number_styles(level);
            let mut counter = 0;
            for s in sections {
                let number = if s.numbered && s.heading.is_some() {
                    counter += 1;
                    number_for(style, counter, parent, parent_style)
                } else {
                    String::new()
                };
                let heading = s
                    .heading
                    .as_ref()
                    .map(|h| h.source.trim().to_owned())
                    .unwrap_or_default();
                let key = format!("{path}\u{1f}{heading}");
                if let Some(h) = &s.heading {
                    let section = SectionRef {
                        number: number.clone(),
                        heading: key.clone(),
                        shown: String::new(),
                        parent: parent.to_owned(),
                    };
                    self.out.push((section, h));
                }
                self.visit(&s.sections, level + 1, &number, &key);
            }
        }
    }
    let mut walk = Walk { q, out: Vec::new() };
    walk.visit(&q.sections, 1, "", "");
    walk.out
}

/// A section of [`numbered`] with its heading as printed.
fn with_shown(shown: &Shown, (section, heading): &(SectionRef, &Text)) -> SectionRef {
    SectionRef {
        shown: shown.line(heading),
        ..section.clone()
    }
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
    let (old_shown, new_shown) = (Shown::new(old), Shown::new(new));
    // Sections are matched by heading through a map, not by a scan of the other version for
    // each one (that was quadratic: 50 000 sections took 22 s). The first of equal headings
    // answers, as the scan did.
    let mut old_by_heading: HashMap<&str, &SectionRef> = HashMap::new();
    for (o, _) in &old_sections {
        old_by_heading.entry(o.heading.as_str()).or_insert(o);
    }
    let new_headings: HashSet<&str> = new_sections
        .iter()
        .map(|(s, _)| s.heading.as_str())
        .collect();
    for entry in &new_sections {
        let s = &entry.0;
        match old_by_heading.get(s.heading.as_str()) {
            None => c.sections_added.push(with_shown(&new_shown, entry)),
            Some(o) if o.number != s.number => {
                c.sections_renumbered.push((
                    o.number.clone(),
                    s.number.clone(),
                    new_shown.line(entry.1),
                ));
            }
            Some(_) => {}
        }
    }
    c.sections_removed = old_sections
        .iter()
        .filter(|(o, _)| !new_headings.contains(o.heading.as_str()))
        .map(|entry| with_shown(&old_shown, entry))
        .collect();

    let asked = |shown: &Shown, q: &Question| shown.ask(&q.id).unwrap_or_default().to_owned();
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
                .push((q.id.clone(), asked(&old_shown, q))),
        }
    }
    let renamed_targets: HashSet<&String> = c.questions_renamed.iter().map(|(_, to)| to).collect();
    c.questions_added = new
        .questions
        .iter()
        .filter(|n| old.question(&n.id).is_none() && !renamed_targets.contains(&n.id))
        .map(|n| (n.id.clone(), asked(&new_shown, n)))
        .collect();
    c.orphaned = successors(old, new, &c);
    c
}

/// Removed questions that are compared with every added one (prompts nearly alike, near ids):
/// the first ones only, as suggestions elsewhere. After them only a prompt asked the same way
/// is found, through a map, so that a diff of tens of thousands of questions stays linear.
const COMPARED_SUCCESSORS: usize = 200;

/// For each removed question, the added one that looks like it under a new id: the same kind
/// asked the same way (or nearly: at least 80 % alike), else a near spelling of the id or one
/// that extends it (`ghi_chu` → `ghi_chu_them`). Each added question is suggested once.
fn successors(
    old: &Questionnaire,
    new: &Questionnaire,
    c: &Changes,
) -> Vec<(String, Option<String>)> {
    let added: Vec<Added<'_>> = c
        .questions_added
        .iter()
        .map(|(id, _)| {
            let n = new.question(id);
            (id.as_str(), plain_ask(n), kind_of(n))
        })
        .collect();
    // Added questions by (kind, prompt), in file order.
    let mut same_ask: HashMap<(Option<&str>, &str), Vec<usize>> = HashMap::new();
    for (i, (_, ask, kind)) in added.iter().enumerate() {
        same_ask.entry((*kind, ask.as_str())).or_default().push(i);
    }
    let mut taken = vec![false; added.len()];
    c.questions_removed
        .iter()
        .enumerate()
        .map(|(nth, (id, _))| {
            let ask = plain_ask(old.question(id));
            let kind = kind_of(old.question(id));
            let like = if nth < COMPARED_SUCCESSORS {
                let alike = added
                    .iter()
                    .enumerate()
                    .filter(|(i, (_, _, k))| !taken[*i] && *k == kind)
                    .map(|(i, (_, a, _))| (i, strsim::normalized_levenshtein(a, &ask)));
                most_alike(id, &added, alike).or_else(|| near_id(id, &added, &taken))
            } else {
                let same = same_ask
                    .get(&(kind, ask.as_str()))
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&i| !taken[i])
                    .map(|i| (i, 1.0));
                most_alike(id, &added, same)
            };
            if let Some(i) = like {
                taken[i] = true;
            }
            (id.clone(), like.map(|i| added[i].0.to_owned()))
        })
        .collect()
}

/// An added question as [`successors`] compares it: its id, its prompt as written, its kind.
type Added<'a> = (&'a str, String, Option<&'static str>);

/// A prompt as written (before `vars` are filled in), so that a new period's years do not make
/// the same question look different.
fn plain_ask(q: Option<&Question>) -> String {
    q.map(|q| {
        q.ask
            .source
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    })
    .unwrap_or_default()
}

fn kind_of(q: Option<&Question>) -> Option<&'static str> {
    q.map(|q| q.kind.name())
}

/// Among `candidates` (an index into `added`, how alike its prompt is), the most alike prompt
/// at least 80 % alike; on a tie the nearer id, then the first in the file.
fn most_alike(
    id: &str,
    added: &[Added<'_>],
    candidates: impl Iterator<Item = (usize, f64)>,
) -> Option<usize> {
    let mut by_ask: Option<(usize, f64, f64)> = None;
    for (i, alike) in candidates {
        let near = strsim::normalized_levenshtein(added[i].0, id);
        let better = by_ask.is_none_or(|(_, best, best_near)| {
            alike
                .total_cmp(&best)
                .then(near.total_cmp(&best_near))
                .is_gt()
        });
        if alike >= 0.8 && better {
            by_ask = Some((i, alike, near));
        }
    }
    by_ask.map(|(i, _, _)| i)
}

/// The added question not yet suggested whose id is the nearest spelling of `id`, else one
/// that extends it or that it extends.
fn near_id(id: &str, added: &[Added<'_>], taken: &[bool]) -> Option<usize> {
    let free = || {
        added
            .iter()
            .enumerate()
            .filter(|(i, _)| !taken[*i])
            .map(|(i, (to, _, _))| (i, *to))
    };
    let ids: Vec<&str> = free().map(|(_, to)| to).collect();
    crate::text::closest(id, ids.iter().copied())
        .and_then(|to| free().find(|(_, a)| *a == to))
        .or_else(|| free().find(|(_, a)| a.starts_with(id) || id.starts_with(a)))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn questionnaire(ids: &[String], extra: &str) -> Questionnaire {
        let mut text = String::from(
            "format: 1\nid: thu\nversion: \"1\"\ntitle: Thử\ndocument:\n  issuer: [\"ỦY BAN NHÂN DÂN\", \"XÃ AN PHÚ\"]\nsections:\n  - heading: MỘT\n    questions:\n",
        );
        for (i, id) in ids.iter().enumerate() {
            text.push_str("      - id: ");
            text.push_str(id);
            text.push_str("\n        ask: Câu hỏi số ");
            text.push_str(&i.to_string());
            text.push_str("\n        kind: text\n");
        }
        text.push_str(extra);
        crate::questionnaire::load_bytes("thu.yaml", text.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn sections_are_matched_by_heading_and_every_removed_question_finds_its_successor() {
        let n = COMPARED_SUCCESSORS + 50;
        let old_ids: Vec<String> = (0..n).map(|i| format!("cu_{i}")).collect();
        let new_ids: Vec<String> = (0..n).map(|i| format!("moi_{i}")).collect();
        let old = questionnaire(&old_ids, "  - heading: HAI\n    text: Hai.\n");
        let new = questionnaire(&new_ids, "  - heading: BA\n    text: Ba.\n");
        let c = compare(&old, &new);
        assert_eq!(c.orphaned.len(), n);
        // Past the ones compared with every added question, the same prompt still finds it.
        for (i, (id, like)) in c.orphaned.iter().enumerate() {
            assert_eq!(id, &format!("cu_{i}"));
            assert_eq!(like.as_deref(), Some(format!("moi_{i}").as_str()), "{id}");
        }
        let headings = |s: &[SectionRef]| s.iter().map(|s| s.shown.clone()).collect::<Vec<_>>();
        assert_eq!(headings(&c.sections_removed), ["HAI"]);
        assert_eq!(headings(&c.sections_added), ["BA"]);
        assert!(c.sections_renumbered.is_empty());
    }
}
