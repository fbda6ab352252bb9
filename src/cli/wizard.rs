//! `baocao run`: everything before the first question (the wizard's or the plain mode's),
//! and what is said after it.
//!
//! Owns: choosing the answers file, reading it (a file that is not answers at all is kept
//! aside, never overwritten), reading the previous period's answers, taking the right to
//! write (or offering to only look when another session holds it), starting the session
//! (`session::start`), carrying the previous period's answers over, choosing the front end
//! (`--plain`, or a terminal that cannot show the full screen: `choose_front`), and the last
//! line said. Every path it names is shown as the official typed it (`files::shown`).
//!
//! Must not: draw, or decide anything the wizard decides.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{
    EXIT_ANSWERS, EXIT_OK, EXIT_QUESTIONNAIRE, EXIT_TERMINAL, EXIT_USAGE, load_questionnaire,
    same_file, say, warn,
};
use crate::answers::{self, Answers};
use crate::messages;
use crate::questionnaire::{self, Questionnaire};
use crate::session;

/// Which front end asks the questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Front {
    /// The full-screen wizard.
    Wizard,
    /// One question at a time on ordinary lines (`--plain`).
    Plain,
}

/// What every front end gets before the first question: the questionnaire, its answers (with
/// what an earlier session left brought back), the answers file and the session.
struct Started {
    q: Questionnaire,
    answers: Answers,
    a_path: PathBuf,
    opened: session::Opened,
}

/// The wizard (or the plain mode) on a questionnaire (the built-in one by default) and its
/// answers file, which is created on the first save when it does not exist yet. The wizard on
/// a terminal that cannot show the full screen (`TERM=dumb`, a Windows console without VT)
/// becomes the plain mode, with a one-line note.
pub(super) fn wizard(
    q_path: Option<&Path>,
    a_path: Option<&Path>,
    from: Option<&Path>,
    front: Front,
) -> u8 {
    use std::io::IsTerminal;
    let terminal = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    let (front, note) = choose_front(front, terminal, dumb, crate::tui::vt_support);
    if let Some(note) = note {
        warn(note);
    }
    let Started {
        q,
        answers,
        a_path,
        opened,
    } = match start(q_path, a_path, from, front) {
        Ok(started) => started,
        Err(code) => return code,
    };
    let read_only = opened.write.is_none();
    let file = crate::files::shown(&a_path);
    let ended = match front {
        Front::Wizard => crate::tui::run(q, answers, a_path, opened),
        Front::Plain => crate::plain::run(q, answers, a_path, opened),
    };
    match ended {
        Ok(()) if read_only => {
            say(&messages::wizard_viewed(&file));
            EXIT_OK
        }
        Ok(()) => {
            say(&messages::wizard_saved(&file));
            EXIT_OK
        }
        Err(message) => {
            warn(&message);
            EXIT_TERMINAL
        }
    }
}

/// Which front end asks, and the note said when it is not the one asked for: the wizard
/// asked on a terminal that cannot show the full screen — `TERM=dumb`, or (on Windows) a
/// console without VT sequences, which `vt` says (asked only then) — becomes the plain mode.
/// Without a terminal the wizard stays asked for (`start` then says it needs one); `--plain`
/// is always the plain mode.
fn choose_front(
    asked: Front,
    terminal: bool,
    dumb: bool,
    vt: impl FnOnce() -> bool,
) -> (Front, Option<&'static str>) {
    match asked {
        Front::Wizard if terminal && dumb => (
            Front::Plain,
            Some(messages::plain::CHOSEN_FOR_DUMB_TERMINAL),
        ),
        Front::Wizard if terminal && !vt() => {
            (Front::Plain, Some(messages::plain::CHOSEN_FOR_NO_VT))
        }
        asked => (asked, None),
    }
}

/// Everything before the first question, the same for every front end: the questionnaire
/// loaded, the answers read, the previous period's answers read, the right to write taken
/// (or only looking when another session holds it), the session started and the previous
/// period's answers carried over. An error ends the command (the exit code).
fn start(
    q_path: Option<&Path>,
    a_path: Option<&Path>,
    from: Option<&Path>,
    front: Front,
) -> Result<Started, u8> {
    use std::io::IsTerminal;
    let q = match q_path.map_or_else(questionnaire::builtin, load_questionnaire) {
        Ok(q) => q,
        Err(err) => {
            warn(&err.to_string());
            return Err(EXIT_QUESTIONNAIRE);
        }
    };
    let a_path = a_path.map_or_else(
        || PathBuf::from(format!("{}.answers.yaml", q.id)),
        Path::to_path_buf,
    );
    if q_path.is_some_and(|qp| same_file(qp, &a_path)) {
        warn(&messages::output_is_input(&crate::files::shown(&a_path)));
        return Err(EXIT_USAGE);
    }
    // The plain mode reads its lines from anywhere (a pipe too); someone answers it only
    // when its input is a terminal.
    let terminal = match front {
        Front::Wizard => std::io::stdout().is_terminal() && std::io::stdin().is_terminal(),
        Front::Plain => std::io::stdin().is_terminal(),
    };
    // One writer per answers file. Nothing on disk is touched before the lock is ours; a
    // session without the right to write (another holds it) can only look. A file reached
    // through a symbolic link is the file it points to: `claim` resolves it, and the lock,
    // journals and copies follow the resolved path (messages show the user's).
    let claim = session::claim(&a_path);
    let mut notes = Vec::new();
    let mut answers = read_answers(&a_path, &q, terminal, claim.as_ref().ok(), &mut notes)?;
    // The previous period's answers are read before anything starts, so a wrong file stops
    // here with its message.
    let previous = read_previous(from, &a_path, &q)?;
    if front == Front::Wizard && !terminal {
        warn(messages::WIZARD_NEEDS_TERMINAL);
        return Err(EXIT_TERMINAL);
    }
    let file = crate::files::shown(&a_path);
    let mut opened = match claim {
        Ok(right) => session::start(right, &mut answers, &q, &mut notes),
        Err(refused) if view_only(&file, &refused, terminal) => session::Opened::default(),
        Err(_) => return Err(EXIT_ANSWERS),
    };
    if let Some((path, previous)) = previous
        && opened.write.is_some()
    {
        let carried = carry_over(&q, &previous, &mut answers);
        notes.push(messages::carried_over(carried, &crate::files::shown(path)));
        // Saved at once, like recovered answers.
        opened.recovered |= carried > 0;
    }
    opened.message = (!notes.is_empty()).then(|| notes.join(" "));
    Ok(Started {
        q,
        answers,
        a_path,
        opened,
    })
}

/// The answers file's answers (none when it does not exist yet). On a terminal, with the
/// right to write, a file that is not answers at all is kept aside (said in `notes`) and
/// the wizard starts empty; otherwise its error ends the command (the exit code).
fn read_answers(
    a_path: &Path,
    q: &Questionnaire,
    terminal: bool,
    right: Option<&session::WriteRight>,
    notes: &mut Vec<String>,
) -> Result<Answers, u8> {
    let file = crate::files::shown(a_path);
    let answers = if a_path.exists() {
        match answers::load(a_path, q) {
            Ok(a) => a,
            Err(err) if err.corrupt && terminal && right.is_some() => {
                // The file itself, not a link to it (the session writes the file).
                let target = right.map_or(a_path, |r| r.answers());
                let Ok(kept) = session::keep_aside(target, "corrupt") else {
                    warn(&err.to_string());
                    return Err(EXIT_ANSWERS);
                };
                // Named as the official named the file when it is in the same folder.
                let shown = if target == session::resolve(a_path) && !a_path.is_symlink() {
                    a_path.with_file_name(kept.file_name().unwrap_or_default())
                } else {
                    kept
                };
                notes.push(messages::answers_moved_aside(
                    &file,
                    &crate::files::shown(&shown),
                ));
                Answers::new()
            }
            Err(err) => {
                warn(&err.to_string());
                return Err(EXIT_ANSWERS);
            }
        }
    } else {
        Answers::new()
    };
    if let Some(id) = answers.questionnaire_id.as_ref().filter(|id| **id != q.id) {
        warn(&messages::answers_wrong_questionnaire(&file, id, &q.id));
        return Err(EXIT_ANSWERS);
    }
    Ok(answers)
}

/// The previous period's answers (`--from`), with their path; an error ends the command.
fn read_previous<'a>(
    from: Option<&'a Path>,
    a_path: &Path,
    q: &Questionnaire,
) -> Result<Option<(&'a Path, Answers)>, u8> {
    match from {
        Some(path) if same_file(path, a_path) => {
            warn(&messages::output_is_input(&crate::files::shown(path)));
            Err(EXIT_USAGE)
        }
        Some(path) => match answers::load(path, q) {
            Ok(previous) => Ok(Some((path, previous))),
            Err(err) => {
                warn(&err.to_string());
                Err(EXIT_ANSWERS)
            }
        },
        None => Ok(None),
    }
}

/// Another session holds the file (or it cannot be locked): says so and, when someone answers
/// at a terminal, asks whether to open it only to look. `false` (after saying nothing was
/// opened) when the official says no, or when the input is a pipe or a file: its first line is
/// an answer, not a reply to this question, so nothing is asked and the command ends
/// (`EXIT_ANSWERS`, said in the message).
fn view_only(file: &str, refused: &session::Refused, terminal: bool) -> bool {
    warn(&match refused {
        session::Refused::Held(holder) => {
            messages::answers_locked(file, &holder.pid, &holder.since, terminal)
        }
        session::Refused::NoLock(e) => {
            messages::answers_no_lock(file, &messages::io_detail(e), terminal)
        }
    });
    if !terminal {
        warn(&messages::plain::not_opened_from_a_pipe(file, EXIT_ANSWERS));
        return false;
    }
    if ask_yes(messages::OPEN_READ_ONLY) {
        return true;
    }
    warn(messages::NOT_OPENED);
    false
}

/// Copies the previous period's answers into questions not answered yet, each marked "to
/// review"; returns how many. Answers the questionnaire no longer asks are left behind.
fn carry_over(q: &Questionnaire, previous: &Answers, answers: &mut Answers) -> usize {
    let mut carried = 0;
    for question in &q.questions {
        let id = question.id.as_str();
        if answers.get(id).is_some() || answers.kept_of(id).is_some() {
            continue;
        }
        if let Some(value) = previous.get(id) {
            answers.set(id, value.clone());
            answers.unreviewed.insert(id.to_owned());
            carried += 1;
        }
    }
    carried
}

/// Asks a yes/no question on the terminal, before the wizard takes it over; "c" is yes.
fn ask_yes(question: &str) -> bool {
    let _ = write!(std::io::stderr().lock(), "{question}");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    if std::io::stdin().read_line(&mut line).is_err() {
        return false;
    }
    matches!(
        line.trim().to_lowercase().as_str(),
        "c" | "có" | "co" | "y" | "yes"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `choose_front` with a VT answer that records whether it was asked.
    fn choose(
        asked: Front,
        terminal: bool,
        dumb: bool,
        vt: bool,
    ) -> (Front, Option<&'static str>, bool) {
        let mut vt_asked = false;
        let (front, note) = choose_front(asked, terminal, dumb, || {
            vt_asked = true;
            vt
        });
        (front, note, vt_asked)
    }

    #[test]
    fn the_front_end_for_every_console() {
        use Front::{Plain, Wizard};
        let dumb_note = Some(messages::plain::CHOSEN_FOR_DUMB_TERMINAL);
        let vt_note = Some(messages::plain::CHOSEN_FOR_NO_VT);
        // (asked, terminal, TERM=dumb, VT) → (front, note, VT asked)
        let cases = [
            ((Wizard, true, false, true), (Wizard, None, true)),
            ((Wizard, true, false, false), (Plain, vt_note, true)),
            ((Wizard, true, true, true), (Plain, dumb_note, false)),
            ((Wizard, true, true, false), (Plain, dumb_note, false)),
            // No terminal: the wizard stays asked for, and says it needs one.
            ((Wizard, false, false, true), (Wizard, None, false)),
            ((Wizard, false, false, false), (Wizard, None, false)),
            ((Wizard, false, true, false), (Wizard, None, false)),
            // `--plain` is the plain mode on anything, without a note.
            ((Plain, true, false, true), (Plain, None, false)),
            ((Plain, true, false, false), (Plain, None, false)),
            ((Plain, true, true, true), (Plain, None, false)),
            ((Plain, false, false, false), (Plain, None, false)),
        ];
        for ((asked, terminal, dumb, vt), expected) in cases {
            assert_eq!(
                choose(asked, terminal, dumb, vt),
                expected,
                "{asked:?}, terminal {terminal}, dumb {dumb}, VT {vt}"
            );
        }
    }
}
