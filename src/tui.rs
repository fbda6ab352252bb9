//! The wizard in a real terminal.
//!
//! Owns: the terminal's lifecycle (raw mode, alternate screen, bracketed paste on; always
//! restored — on quit, on error, on a panic and on SIGHUP/SIGTERM/SIGINT/SIGQUIT, whose
//! paths also fold the journal into the answers file and end with 101 or 128 + signal), the
//! event loop (every key and paste applied at once and in order, then journaled, then one
//! frame drawn), the background writer that saves answers off the key path (and notices a
//! file changed by another program), and suspending the screen around `$EDITOR`.
//!
//! Every write of the answers file goes through the session's `session::WriteRight`: a
//! read-only session has none, so it starts no writer and its signal and panic paths only
//! give the terminal back.
//!
//! The parts: `action` (what can be asked, as meanings), `keymap` (keys → meanings per place,
//! and the key list), `app` (state and `update`), `editor` (one file per editor kind: state,
//! actions, looks) over `text_input` (the shared text widget), `view` (the screen's layout),
//! `fit` (text cut and wrapped to the screen), `theme` (styles).
//!
//! Must not: hold wizard state or decide what a key means.

pub mod action;
pub mod app;
pub mod editor;
mod fit;
pub mod keymap;
pub mod text_input;
pub mod theme;
pub mod view;

use std::collections::VecDeque;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event,
};
use ratatui::crossterm::{cursor, execute, terminal};

use crate::answers::Answers;
use crate::answers::journal::Journal;
use crate::messages::{self, ui};
use crate::questionnaire::Questionnaire;
use crate::session;
use action::Action;
use app::{App, Effect, SaveJob};
use theme::Theme;

/// The on-disk side of a wizard session, prepared by the caller.
#[derive(Debug, Default)]
pub struct Session {
    /// The right to write the answers file (none when viewing read-only: another session
    /// holds it, so this one only looks).
    pub write: Option<session::WriteRight>,
    /// The journal every change goes to first (none when viewing read-only, or when no
    /// folder would take it).
    pub journal: Option<Journal>,
    /// Answers were recovered from an earlier session: save them at once.
    pub recovered: bool,
    /// A line for the status bar at the start.
    pub message: Option<String>,
}

/// What the signal and panic paths may write: nothing in a read-only session; in a session
/// that writes, the right while the session lasts (gone once it ended and saved).
type Ending = Option<std::sync::Weak<session::WriteRight>>;

/// The journal, shared with the signal and panic paths.
type SharedJournal = Arc<Mutex<Option<Journal>>>;

/// Set by whichever of the signal thread and the panic hook ends the program first; the other
/// (and the main thread, when its terminal vanished with the signal) then waits for that end
/// instead of racing it to `exit`.
static ENDING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Claims the end of the program; `false` when another thread has it already.
fn claim_ending() -> bool {
    !ENDING.swap(true, std::sync::atomic::Ordering::SeqCst)
}

/// When another thread is ending the program, waits for it (never returns).
fn wait_if_ending() {
    while ENDING.load(std::sync::atomic::Ordering::SeqCst) {
        std::thread::park_timeout(Duration::from_secs(1));
    }
}

/// Runs the wizard until the official quits; answers are on disk when it returns `Ok`.
pub fn run(
    q: Questionnaire,
    answers: Answers,
    answers_path: PathBuf,
    session: Session,
) -> Result<(), String> {
    let q = Arc::new(q);
    let mut app = App::new(Arc::clone(&q), answers, answers_path);
    let answers_path = app.answers_path.clone();
    let right = session.write.map(Arc::new);
    app.read_only = right.is_none();
    if let Some(message) = session.message {
        if session.recovered {
            app.recovered(message);
        } else {
            app.status = Some(message);
        }
    }
    let journal: SharedJournal = Arc::new(Mutex::new(session.journal));
    // One writer of the answers file at a time: the background saver, or the signal path.
    let writing = Arc::new(Mutex::new(()));
    let theme = Theme::from_env();
    let saver = right.as_ref().map(|right| {
        Saver::start(
            Arc::clone(right),
            Arc::clone(&writing),
            session::stamp(&answers_path),
        )
    });
    let ending: Ending = right.as_ref().map(Arc::downgrade);
    install_panic_hook(
        Arc::clone(&q),
        answers_path.clone(),
        ending.clone(),
        Arc::clone(&journal),
    );
    #[cfg(any(unix, windows))]
    signals::watch(
        Arc::clone(&q),
        answers_path.clone(),
        ending,
        Arc::clone(&journal),
        Arc::clone(&writing),
    );
    let mut terminal = init_terminal().map_err(|e| ui::terminal_failed(&e.to_string()))?;
    let mut folds = VecDeque::new();
    let result = event_loop(
        &mut terminal,
        &mut app,
        &theme,
        saver.as_ref(),
        &journal,
        &mut folds,
    );
    // The cursor is shown now, so dropping the terminal writes nothing (a write to a terminal
    // that went away would fail, and ratatui reports that with a panicking `eprintln!`).
    let _ = terminal.show_cursor();
    if result.is_err() {
        // The terminal went away: the SIGHUP that comes with it ends the program, on its own
        // thread. Give it a moment to claim that, then leave it the job.
        let start = Instant::now();
        while !ENDING.load(std::sync::atomic::Ordering::SeqCst)
            && start.elapsed() < Duration::from_millis(300)
        {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    wait_if_ending();
    restore_terminal();
    // Whatever ended the loop, what was typed is written before the program ends (a
    // read-only session has no writer and nothing to write).
    let written = saver.map_or(Ok(()), |saver| saver.finish(&mut app));
    if written.is_ok()
        && let Some(right) = right.as_deref()
        && let Ok(mut guard) = journal.lock()
        && let Some(j) = guard.take()
    {
        // Everything is in the answers file: the journals have nothing more to give (this
        // one goes only once the older ones are gone, see `session::retire_older_journals`).
        let path = j.path().to_owned();
        drop(j);
        if session::retire_older_journals(right, Some(&path)) {
            let _ = std::fs::remove_file(path);
        }
    }
    // The lock goes with the last holder of the right (the writer has ended).
    drop(right);
    result.and(written)
}

/// Appends the changes of the last batch to the journal, before the frame is drawn. When the
/// journal's disk refuses a record (full, or read-only), the journal moves to the next
/// location that takes it (a data folder, then the temporary folder) and the record goes
/// there: what is on screen is always in a journal, or the official is told it is not.
fn journal_changes(app: &mut App, journal: &SharedJournal, right: Option<&session::WriteRight>) {
    let Ok(mut guard) = journal.lock() else {
        return;
    };
    let Some(j) = guard.as_mut() else {
        return;
    };
    let mut failed = None;
    let mut moved = false;
    app.drain_journal(|id, entry| {
        let mut error = match j.append(id, entry) {
            Ok(()) => return,
            Err(e) => e,
        };
        if let Some(right) = right {
            // Each location is tried once at most.
            let mut refused = vec![j.path().to_owned()];
            for _ in 0..session::journal_paths(right.answers()).len() {
                let Ok(next) = session::open_journal(right, &refused) else {
                    break;
                };
                refused.push(next.path().to_owned());
                *j = next;
                moved = true;
                match j.append(id, entry) {
                    Ok(()) => return,
                    Err(e) => error = e,
                }
            }
        }
        failed = Some(error);
    });
    if let Some(e) = failed {
        app.status = Some(ui::journal_failed(&messages::io_detail(&e)));
    } else if moved {
        app.status = Some(ui::journal_moved(&j.path().display().to_string()));
    }
}

/// Where the journal stood when a save was asked for: its file and length.
type FoldMark = Option<(PathBuf, u64)>;

/// A save finished — into the answers file, or into the copy in the data folder: when that
/// holds everything the journal holds (nothing was appended since the save was asked for),
/// the older journals are retired and, once they are gone, this one is emptied. (After a
/// copy, the next start takes the copy, then replays only what the journals got later.)
fn fold_done(
    journal: &SharedJournal,
    right: &session::WriteRight,
    asked_at: FoldMark,
    folded: bool,
) {
    if let (true, Some((path, at)), Ok(mut guard)) = (folded, asked_at, journal.lock())
        && let Some(j) = guard.as_mut()
        && j.path() == path
        && j.len() == at
        && session::retire_older_journals(right, Some(&path))
        && !j.is_empty()
    {
        let _ = j.truncate();
    }
}

fn journal_mark(journal: &SharedJournal) -> FoldMark {
    let guard = journal.lock().ok()?;
    let j = guard.as_ref()?;
    Some((j.path().to_owned(), j.len()))
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    saver: Option<&Saver>,
    journal: &SharedJournal,
    folds: &mut VecDeque<FoldMark>,
) -> Result<(), String> {
    let io = |e: std::io::Error| ui::terminal_failed(&e.to_string());
    terminal.draw(|f| view::draw(f, app, theme)).map_err(io)?;
    loop {
        let now = Instant::now();
        let wait = app
            .save_due_in(now)
            .unwrap_or(Duration::from_millis(250))
            .min(Duration::from_millis(250));
        let mut redraw = false;
        if event::poll(wait).map_err(io)? {
            // Everything already typed is applied, in order, before the next frame; the
            // report is re-evaluated once for the whole batch.
            app.begin_batch();
            loop {
                match event::read().map_err(io)? {
                    // A hidden trigger for the tests of the panic path (never set by users).
                    Event::Key(key)
                        if key.code == event::KeyCode::F(12)
                            && std::env::var_os("BAOCAO_TEST_PANIC").is_some() =>
                    {
                        panic!("BAOCAO_TEST_PANIC");
                    }
                    Event::Key(key) => app.key(key),
                    Event::Paste(text) => app.update(Action::Paste(text)),
                    Event::Resize(..) => app.update(Action::Resize),
                    _ => {}
                }
                if app.quit || app.effect.is_some() || !event::poll(Duration::ZERO).map_err(io)? {
                    break;
                }
            }
            app.end_batch();
            redraw = true;
        }
        if let Some(saver) = saver {
            for notice in saver.notices.try_iter() {
                app.status = Some(notice);
                redraw = true;
            }
            for (result, folded) in saver.results.try_iter() {
                fold_done(journal, &saver.right, folds.pop_front().flatten(), folded);
                app.update(Action::Saved(result));
                redraw = true;
            }
        }
        if let Some(saver) = saver
            && let Some(job) = app.poll_save(Instant::now())
        {
            // Position changes and recoveries reach the journal too before the save is asked.
            journal_changes(app, journal, Some(&saver.right));
            folds.push_back(journal_mark(journal));
            saver.send(job);
            redraw = true;
        }
        if let Some(Effect::ExternalEdit { text }) = app.effect.take() {
            let result = external_edit(terminal, &text);
            app.external_edit_done(result);
            terminal.clear().map_err(io)?;
            redraw = true;
        }
        // Whatever changed is on disk before the official sees it, or before quitting.
        journal_changes(app, journal, saver.map(|s| &*s.right));
        if app.quit {
            return Ok(());
        }
        if redraw {
            terminal.draw(|f| view::draw(f, app, theme)).map_err(io)?;
        }
    }
}

/// The background writer: saves answers files one at a time, reporting each result, and
/// what another program did to the file meanwhile.
struct Saver {
    jobs: mpsc::Sender<SaveJob>,
    /// Each save's result, and whether the answers reached a disk (the file or the copy).
    results: mpsc::Receiver<(Result<String, String>, bool)>,
    notices: mpsc::Receiver<String>,
    thread: std::thread::JoinHandle<()>,
    /// The session's right to write (the journal moves and retires with it).
    right: Arc<session::WriteRight>,
}

impl Saver {
    /// `known`: the answers file as this session read it. Only a session with the right to
    /// write has one.
    fn start(
        right: Arc<session::WriteRight>,
        writing: Arc<Mutex<()>>,
        mut known: session::Stamp,
    ) -> Self {
        let (jobs, job_rx) = mpsc::channel::<SaveJob>();
        let (result_tx, results) = mpsc::channel();
        let (notice_tx, notices) = mpsc::channel();
        let kept = Arc::clone(&right);
        let thread = std::thread::spawn(move || {
            for job in job_rx {
                let result = {
                    let _writing = writing.lock();
                    let notice = match session::check_outside(&job.path, known) {
                        session::Outside::Untouched => None,
                        session::Outside::Changed(kept) => {
                            Some(ui::changed_outside(&kept.display().to_string()))
                        }
                        session::Outside::Gone => Some(ui::GONE_OUTSIDE.to_owned()),
                    };
                    let result = save_kept(&right, &job);
                    if result.is_ok() {
                        known = session::stamp(right.answers());
                    }
                    if let Some(notice) = notice {
                        let _ = notice_tx.send(notice);
                    }
                    let folded = !matches!(result, Err((_, None)));
                    (result.map_err(|(message, _)| message), folded)
                };
                if result_tx.send(result).is_err() {
                    break;
                }
            }
        });
        Saver {
            jobs,
            results,
            notices,
            thread,
            right: kept,
        }
    }

    fn send(&self, job: SaveJob) {
        // The writer only stops when the program does.
        let _ = self.jobs.send(job);
    }

    /// Lets the save under way finish, then saves what is left on this thread. When even
    /// that fails (or the writer hangs), the answers are written to a recovery copy whose
    /// path the error names.
    fn finish(self, app: &mut App) -> Result<(), String> {
        let right = &*self.right;
        drop(self.jobs);
        // The writer ends once its queue is done; a writer stuck on a dead disk is not
        // waited for without end, and is not raced either: the copy goes elsewhere.
        let mut hung = false;
        loop {
            match self.results.recv_timeout(Duration::from_secs(10)) {
                Ok((result, _)) => app.update(Action::Saved(result)),
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    hung = true;
                    break;
                }
            }
        }
        if !hung {
            let _ = self.thread.join();
        }
        if !app.unsaved() {
            return Ok(());
        }
        let job = app.take_save_job();
        let failed = if hung {
            ui::SAVE_HUNG.to_owned()
        } else {
            match save_kept(right, &job) {
                Ok(_) => return Ok(()),
                // Kept in the copy in the data folder, which the next start finds.
                Err((message, Some(copy))) => {
                    return Err(ui::saved_to_copy(&message, &copy.display().to_string()));
                }
                Err((message, None)) => message,
            }
        };
        // A writer stuck on a dead disk is not raced: this copy is a new file of its own.
        Err(
            match session::write_recovery_copy(right, &job.answers, &job.questionnaire) {
                Ok(copy) => ui::saved_to_copy(&failed, &copy.display().to_string()),
                Err(_) => failed,
            },
        )
    }
}

/// Takes the terminal: raw mode, alternate screen, bracketed paste. No panic hook is added
/// (ours restores the terminal itself).
fn init_terminal() -> std::io::Result<DefaultTerminal> {
    terminal::enable_raw_mode()?;
    if let Err(e) = execute!(std::io::stdout(), terminal::EnterAlternateScreen) {
        let _ = terminal::disable_raw_mode();
        return Err(e);
    }
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))
}

/// Gives the terminal back as it was: raw mode off, main screen, no bracketed paste, no mouse,
/// cursor shown. Safe to call more than once, from any thread, and when the terminal is gone
/// (every error is ignored: nothing here may panic).
fn restore_terminal() {
    let _ = execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// Waits up to `patience` for a lock that the stopped main thread may hold; goes on without
/// it rather than hang (the journal's checksums catch a half-written record).
fn lock_for<T>(m: &Mutex<T>, patience: Duration) -> Option<std::sync::MutexGuard<'_, T>> {
    let start = Instant::now();
    loop {
        match m.try_lock() {
            Ok(guard) => return Some(guard),
            Err(std::sync::TryLockError::Poisoned(p)) => return Some(p.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if start.elapsed() < patience => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

/// The way out when the program must stop at once: the journal forced to disk, the answers
/// file written from it, the terminal given back. Returns the message to print. A read-only
/// session writes nothing.
fn emergency_fold(
    q: &Questionnaire,
    answers_path: &Path,
    ending: &Ending,
    journal: &SharedJournal,
) -> String {
    let shown = answers_path.display().to_string();
    let Some(right) = ending else {
        return ui::read_only_ended(&shown);
    };
    let Some(right) = right.upgrade() else {
        // The session ended and saved already.
        return ui::emergency_saved(&shown);
    };
    let mut guard = lock_for(journal, Duration::from_secs(2));
    if let Some(j) = guard.as_ref().and_then(|g| g.as_ref()) {
        let _ = j.sync();
    }
    let current = guard
        .as_ref()
        .and_then(|g| g.as_ref())
        .map(|j| (j.path().to_owned(), j.failed()));
    match session::fold_from_disk(&right, q) {
        Ok(()) => {
            // Folded while no record could be appended: the journals have nothing more to
            // give (this one is emptied only once the older ones are gone).
            if let Some(j) = guard.as_mut().and_then(|g| g.as_mut())
                && session::retire_older_journals(&right, Some(j.path()))
            {
                let _ = j.truncate();
            }
            ui::emergency_saved(&shown)
        }
        Err(e) => match current {
            Some((journal, false)) => ui::emergency_journal(
                &shown,
                &journal.display().to_string(),
                &messages::io_detail(&e),
            ),
            // No journal, or its last record was refused everywhere: what was typed last
            // is not on any disk.
            _ => ui::emergency_lost(&shown, &messages::io_detail(&e)),
        },
    }
}

/// Ends the program at once on a signal: a save under way finishes first and none starts
/// after (the writing lock is kept), the journal is folded into the answers file, the
/// terminal given back, where the answers are printed, and the program exits with `code`.
/// Returns only when a panic is ending the program already.
#[cfg(any(unix, windows))]
fn end_now(
    q: &Questionnaire,
    answers_path: &Path,
    ending: &Ending,
    journal: &SharedJournal,
    writing: &Mutex<()>,
    code: i32,
) {
    if !claim_ending() {
        return;
    }
    let _writing = lock_for(writing, Duration::from_secs(5));
    let message = emergency_fold(q, answers_path, ending, journal);
    restore_terminal();
    let _ = writeln!(std::io::stderr(), "{message}");
    std::process::exit(code);
}

/// On a panic: the terminal back, the answers folded from the journal, where they are
/// printed, then the usual report and exit code 101.
fn install_panic_hook(
    q: Arc<Questionnaire>,
    answers_path: PathBuf,
    ending: Ending,
    journal: SharedJournal,
) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic while a signal is ending the program (a write to the vanished terminal
        // fails) leaves the ending to the signal thread.
        if !claim_ending() {
            loop {
                std::thread::park();
            }
        }
        restore_terminal();
        let message = emergency_fold(&q, &answers_path, &ending, &journal);
        previous(info);
        let _ = writeln!(std::io::stderr(), "{}\n{message}", ui::PANICKED);
        std::process::exit(101);
    }));
}

#[cfg(any(unix, windows))]
mod signals {
    //! The ways a program is told to stop, handled off the main thread: the journal is folded
    //! into the answers file, the terminal given back, and the program ends.
    //!
    //! Unix: SIGHUP (the window closed, SSH dropped), SIGTERM, SIGINT and SIGQUIT, on a thread
    //! of their own (signal-hook); exit 128 + the signal's number.
    //!
    //! Windows: Ctrl+C, Ctrl+Break, closing the console window, logging off and shutting down
    //! (`ctrlc` with `termination`); exit 130. The console handler returns while this runs,
    //! and Windows ends a closing console's process soon after: a fold cut short loses
    //! nothing, since every change is in the journal already and the next start replays it.
    //! Not run here (no Windows machine); type-checked on Linux.

    use std::path::PathBuf;
    use std::sync::{Arc, Mutex};

    use super::{Ending, SharedJournal};
    use crate::questionnaire::Questionnaire;

    pub fn watch(
        q: Arc<Questionnaire>,
        answers_path: PathBuf,
        ending: Ending,
        journal: SharedJournal,
        writing: Arc<Mutex<()>>,
    ) {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
            let Ok(mut signals) =
                signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])
            else {
                return;
            };
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    super::end_now(&q, &answers_path, &ending, &journal, &writing, 128 + signal);
                }
            });
        }
        #[cfg(windows)]
        {
            let _ = ctrlc::set_handler(move || {
                super::end_now(&q, &answers_path, &ending, &journal, &writing, 130);
            });
        }
    }
}

/// Writes one answers file (the one `right` writes); the time it was saved, or a message.
/// When the file's disk refuses, the answers are written to the copy in the data folder
/// instead, and the message says where.
pub fn save(right: &session::WriteRight, job: &SaveJob) -> Result<String, String> {
    save_kept(right, job).map_err(|(message, _)| message)
}

/// [`save`], with where the answers were kept when the file refused them.
fn save_kept(
    right: &session::WriteRight,
    job: &SaveJob,
) -> Result<String, (String, Option<PathBuf>)> {
    let Err(failed) = session::save(right, &job.answers, &job.questionnaire) else {
        return Ok(now_hms());
    };
    // The file as the official named it (a link is shown as the link).
    let file = job.path.display().to_string();
    let detail = messages::io_detail(&failed.error);
    Err(match failed.kept {
        Some(copy) => (
            ui::save_error_kept(&file, &detail, &copy.display().to_string()),
            Some(copy),
        ),
        None => (ui::save_error(&file, &detail), None),
    })
}

/// The local time as "10:42:13".
fn now_hms() -> String {
    jiff::Zoned::now().strftime("%H:%M:%S").to_string()
}

/// Suspends the screen, runs `$VISUAL`/`$EDITOR` on a temporary file holding `text`, and
/// returns what the official saved.
fn external_edit(terminal: &mut DefaultTerminal, text: &str) -> Result<String, String> {
    let command = std::env::var("VISUAL")
        .ok()
        .or_else(|| std::env::var("EDITOR").ok())
        .filter(|s| !s.trim().is_empty())
        .or_else(|| default_editor().map(str::to_owned))
        .ok_or_else(|| ui::NO_EDITOR.to_owned())?;
    // A private file (created new, readable by the official only), removed when dropped.
    let failed = |e: std::io::Error| ui::editor_failed(&command, &e.to_string());
    let file = tempfile::Builder::new()
        .prefix("baocao-")
        .suffix(".txt")
        .tempfile()
        .map_err(failed)?;
    std::fs::write(file.path(), format!("{text}\n")).map_err(failed)?;
    let path = file.path().to_path_buf();
    restore_terminal();
    // "code -w" is a program and its options; "C:\\Program Files\\…\\editor.exe" is one path.
    let (program, args): (&str, Vec<&str>) = if Path::new(command.trim()).is_file() {
        (command.trim(), Vec::new())
    } else {
        let mut words = command.split_whitespace();
        (words.next().unwrap_or_default(), words.collect())
    };
    let status = std::process::Command::new(program)
        .args(args)
        .arg(&path)
        .status();
    // What the official wrote is read before anything else can fail.
    let outcome = match status {
        Ok(s) if s.success() => std::fs::read_to_string(&path).map_err(failed),
        Ok(s) => Err(ui::editor_failed(&command, &s.to_string())),
        Err(e) => Err(ui::editor_failed(&command, &e.to_string())),
    };
    drop(file);
    // If the terminal cannot be taken back, the text is still handed over: the loop's next
    // draw fails, which ends the wizard, which then saves it.
    if let Ok(t) = init_terminal() {
        *terminal = t;
    }
    let _ = std::io::stdout().flush();
    outcome
}

/// An editor an office user can get out of: never `vi` unless asked for.
fn default_editor() -> Option<&'static str> {
    if cfg!(windows) {
        return Some("notepad");
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    ["nano", "micro", "mcedit", "pico", "ne"]
        .into_iter()
        .find(|name| std::env::split_paths(&path).any(|dir| dir.join(name).is_file()))
}
