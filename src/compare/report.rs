//! `baocao diff`'s text: lays out [`Changes`] as the lines a maintainer reads, in the order the
//! changes matter, with the `renames` entries to paste when an orphan looks like a new question.
//!
//! Must not: hold sentences (they are `messages`'), compare questionnaires, or print.

use std::fmt::Write as _;

use super::Changes;
use crate::messages;
use crate::report::document::join_number;

/// `baocao diff`: what changed between two questionnaire versions.
pub fn diff_report(old: &str, new: &str, c: &Changes) -> String {
    let mut out = messages::diff_title(old, new);
    if let Some((from, to)) = &c.id {
        let _ = writeln!(out, "{}", messages::diff_id(from, to));
    }
    if !c.vars.is_empty() {
        out.push_str(messages::DIFF_VARS);
        for (name, from, to) in &c.vars {
            let line = match (from, to) {
                (Some(f), Some(t)) => messages::diff_var_changed(name, f, t),
                (None, Some(t)) => messages::diff_var_added(name, t),
                (Some(f), None) => messages::diff_var_removed(name, f),
                (None, None) => continue,
            };
            let _ = writeln!(out, "{line}");
        }
    }
    if c.same_structure() {
        out.push_str(messages::DIFF_SAME_STRUCTURE);
        return out;
    }
    sections(c, &mut out);
    questions(c, &mut out);
    orphaned(c, &mut out);
    out
}

fn sections(c: &Changes, out: &mut String) {
    if c.sections_added.is_empty()
        && c.sections_removed.is_empty()
        && c.sections_renumbered.is_empty()
    {
        return;
    }
    out.push_str(messages::DIFF_SECTIONS);
    for (list, sign, what) in [
        (&c.sections_added, '+', messages::DIFF_SECTION_ADDED),
        (&c.sections_removed, '-', messages::DIFF_SECTION_REMOVED),
    ] {
        for s in list {
            let printed = join_number(&s.number, &s.shown);
            let _ = writeln!(
                out,
                "{}",
                messages::diff_section(sign, &printed, what, &s.parent)
            );
        }
    }
    for (from, to, heading) in &c.sections_renumbered {
        let _ = writeln!(
            out,
            "{}",
            messages::diff_section_renumbered(heading, from, to)
        );
    }
}

fn questions(c: &Changes, out: &mut String) {
    if c.questions_added.is_empty()
        && c.questions_removed.is_empty()
        && c.questions_renamed.is_empty()
        && c.kinds_changed.is_empty()
    {
        return;
    }
    out.push_str(messages::DIFF_QUESTIONS);
    for (id, ask) in &c.questions_added {
        let _ = writeln!(out, "{}", messages::diff_question_added(id, ask));
    }
    for (id, ask) in &c.questions_removed {
        let _ = writeln!(out, "{}", messages::diff_question_removed(id, ask));
    }
    for (from, to) in &c.questions_renamed {
        let _ = writeln!(out, "{}", messages::diff_question_renamed(from, to));
    }
    for (id, from, to) in &c.kinds_changed {
        let _ = writeln!(out, "{}", messages::diff_kind_changed(id, from, to));
    }
}

fn orphaned(c: &Changes, out: &mut String) {
    if c.orphaned.is_empty() {
        return;
    }
    out.push_str(messages::DIFF_ORPHANED);
    for (id, like) in &c.orphaned {
        let _ = writeln!(out, "{}", messages::diff_orphan(id, like.as_deref()));
    }
    let renames: Vec<(&String, &String)> = c
        .orphaned
        .iter()
        .filter_map(|(id, like)| like.as_ref().map(|to| (id, to)))
        .collect();
    if !renames.is_empty() {
        out.push_str(messages::DIFF_RENAMES_HINT);
        for (id, to) in renames {
            let _ = writeln!(out, "{}", messages::diff_rename_line(id, to));
        }
    }
}
