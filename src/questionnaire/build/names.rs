//! The static cross-check, run once every question is known: vars that clash with questions,
//! names in conditions (known, and asked earlier) and in templates (known; only vars in the
//! title and the id), and filters or tests the engine lacks.
//!
//! Owns: which names a text may use and the suggestion for a name that is not known.
//!
//! Must not: render templates (sample renders are `check`'s work, see `check/samples.rs`).

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use super::{Builder, Pending, closest, valid_name};
use crate::questionnaire::Questionnaire;
use crate::questionnaire::diag::{Diagnostic, Kind, Pos};
use crate::template::{self, Compiled};

/// The names a text may use, and what is needed to suggest one for a name that is not known.
struct Known<'a> {
    /// Question id → index in the questions.
    index: HashMap<&'a str, usize>,
    vars: HashSet<&'a str>,
    /// Names that are valid ids, for suggestions; an invalid id (already reported) is not
    /// suggested, and a reference that would match it once fixed is not reported twice.
    all: Vec<&'a str>,
    bad_ids: Vec<String>,
    /// An old id that `renames` maps is the new id, not a guess.
    renames: Option<&'a IndexMap<String, String>>,
    /// Suggestions cost a comparison with every name: a file with thousands of unknown
    /// names (a broken generator, a hostile file) gets them for the first few only.
    suggestions_left: usize,
}

impl<'a> Known<'a> {
    fn new(questions: &'a [crate::questionnaire::Question], q: Option<&'a Questionnaire>) -> Self {
        let index: HashMap<&str, usize> = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let vars: HashSet<&str> = q
            .map(|q| q.vars.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let all: Vec<&str> = index
            .keys()
            .copied()
            .chain(vars.iter().copied())
            .filter(|n| valid_name(n))
            .collect();
        let bad_ids: Vec<String> = index
            .keys()
            .filter(|n| !valid_name(n))
            .map(|n| crate::messages::ascii_fold(n))
            .collect();
        Known {
            index,
            vars,
            all,
            bad_ids,
            renames: q.map(|q| &q.renames),
            suggestions_left: 100,
        }
    }

    /// The closest var (`vars_only`) or name, while suggestions are left.
    fn suggest(&mut self, name: &str, vars_only: bool) -> Option<String> {
        self.suggestions_left = self.suggestions_left.checked_sub(1)?;
        if vars_only {
            closest(name, self.vars.iter().copied()).map(str::to_owned)
        } else {
            closest(name, self.all.iter().copied()).map(str::to_owned)
        }
    }

    /// An unknown name, with the new id `renames` gives it or else a guess.
    fn unknown(&mut self, name: &String, in_condition: bool) -> Kind {
        let new_id = self
            .renames
            .and_then(|r| r.get(name))
            .filter(|to| self.index.contains_key(to.as_str()));
        let renamed = new_id.is_some();
        let suggestion = match new_id {
            Some(to) => Some(to.clone()),
            None => self.suggest(name, false),
        };
        Kind::UnknownName {
            name: name.clone(),
            suggestion,
            in_condition,
            renamed,
        }
    }

    /// Whether a name is an invalid id's likely twin (reported with the invalid id).
    fn knock_on(&self, name: &str) -> bool {
        self.bad_ids
            .iter()
            .any(|bad| strsim::damerau_levenshtein(bad, name) <= 2)
    }
}

/// The problems found, and the texts that cannot be tried with sample answers.
#[derive(Default)]
struct Found {
    problems: Vec<Diagnostic>,
    broken: HashSet<Pos>,
}

impl Builder<'_> {
    /// Checks names in conditions and templates, and filters the engine lacks. Returns the
    /// texts with a problem (they are not tried with sample answers).
    pub(in crate::questionnaire) fn cross_check(
        &mut self,
        q: Option<&Questionnaire>,
    ) -> HashSet<Pos> {
        let mut known = Known::new(&self.questions, q);
        let mut found = Found::default();
        self.name_clashes(&known, q, &mut found);
        for pending in &self.pending {
            match pending {
                Pending::Condition {
                    compiled,
                    pos,
                    source,
                    limit,
                } => self.condition_names(&mut known, &mut found, *pos, source, compiled, *limit),
                Pending::Template {
                    compiled,
                    pos,
                    source,
                    vars_only,
                } => {
                    let text = (*pos, source.as_str(), compiled);
                    self.template_names(&mut known, &mut found, text, *vars_only);
                }
            }
        }
        self.unknown_filters(&mut found);
        self.diags.extend(found.problems);
        found.broken
    }

    /// A var with the id of a question.
    fn name_clashes(&self, known: &Known, q: Option<&Questionnaire>, found: &mut Found) {
        for name in q
            .map(|q| q.vars.keys().collect::<Vec<_>>())
            .unwrap_or_default()
        {
            if let Some(i) = known.index.get(name.as_str()) {
                let first_line = self.var_lines.get(name).copied().unwrap_or(1);
                found.problems.push(Diagnostic::new(
                    self.questions[*i].pos,
                    Kind::NameClash {
                        name: name.clone(),
                        first_line,
                    },
                ));
            }
        }
    }

    /// Names in a condition must be vars or questions before index `limit`.
    fn condition_names(
        &self,
        known: &mut Known,
        found: &mut Found,
        pos: Pos,
        source: &str,
        compiled: &Compiled,
        limit: usize,
    ) {
        for name in &compiled.names {
            if known.vars.contains(name.as_str()) || template::is_builtin_name(name) {
                continue;
            }
            // A condition with a name problem is not tried with sample answers.
            if known.index.get(name.as_str()).is_none_or(|i| *i >= limit) {
                found.broken.insert(pos);
            }
            // The caret on the name.
            let at = template::name_places(source, true, name)
                .first()
                .map_or(pos, |&place| self.spot(pos, source, place));
            match known.index.get(name.as_str()) {
                Some(i) if *i < limit => {}
                Some(i) => found.problems.push(Diagnostic::new(
                    at,
                    Kind::LaterName {
                        name: name.clone(),
                        line: self.questions[*i].pos.line,
                    },
                )),
                None if known.knock_on(name) => {}
                None => {
                    let kind = known.unknown(name, true);
                    found.problems.push(Diagnostic::new(at, kind));
                }
            }
        }
    }

    /// Names in a template must be vars or questions (only vars for the title: `vars_only`).
    fn template_names(
        &self,
        known: &mut Known,
        found: &mut Found,
        (pos, source, compiled): (Pos, &str, &Compiled),
        vars_only: bool,
    ) {
        for name in &compiled.names {
            let known_name = known.vars.contains(name.as_str())
                || (!vars_only && known.index.contains_key(name.as_str()));
            if known_name || template::is_builtin_name(name) {
                continue;
            }
            if known.knock_on(name) {
                // Reported with the invalid id; but the template cannot be tried.
                found.broken.insert(pos);
                continue;
            }
            let kind = if vars_only && known.index.contains_key(name.as_str()) {
                Kind::QuestionInVarsOnly { name: name.clone() }
            } else if vars_only {
                Kind::UnknownName {
                    name: name.clone(),
                    suggestion: known.suggest(name, true),
                    in_condition: false,
                    renamed: false,
                }
            } else {
                known.unknown(name, false)
            };
            // Every line it is read on, each with its caret on the name.
            let places = template::name_places(source, false, name);
            if places.is_empty() {
                found.problems.push(Diagnostic::new(pos, kind.clone()));
            }
            for place in places {
                let at = self.spot(pos, source, place);
                found.problems.push(Diagnostic::new(at, kind.clone()));
            }
            found.broken.insert(pos);
        }
    }

    /// A filter or test the engine lacks is wrong whatever the answers; sample answers may
    /// never reach it (`{% if so > 100 %}{{ ten | lenght }}{% endif %}`).
    fn unknown_filters(&mut self, found: &mut Found) {
        for pending in &self.pending {
            let (pos, source, expr) = match pending {
                Pending::Condition { pos, source, .. } => (*pos, source, true),
                Pending::Template { pos, source, .. } => (pos.to_owned(), source, false),
            };
            for callable in template::callables(source, expr) {
                if let Some(err) = self.engine.lacks(&callable.name, callable.test) {
                    let at = self.spot(pos, source, callable.place);
                    found.problems.push(Diagnostic::new(
                        at,
                        Kind::UnknownFilter {
                            detail: err.detail,
                            in_condition: expr,
                        },
                    ));
                    found.broken.insert(pos);
                }
            }
        }
    }
}
