//! The terminal, given back whatever happens.
//!
//! Owns: taking the terminal (raw mode, alternate screen, bracketed paste) and giving it
//! back — on quit, on error, on a panic and on SIGHUP/SIGTERM/SIGINT/SIGQUIT, whose paths
//! also fold the journal into the answers file and end with 101 or 128 + signal — which of
//! the signal thread and the panic hook ends the program, and suspending the screen around
//! `$EDITOR`; whether the console shows VT sequences at all ([`vt_support`], asked before
//! the wizard starts).
//!
//! Must not: hold wizard state, or write anything in a read-only session.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use ratatui::crossterm::{cursor, execute, terminal};

use super::saver::SharedJournal;
use crate::messages::{self, ui};
use crate::questionnaire::Questionnaire;
use crate::session;

/// What the signal and panic paths may write: nothing in a read-only session; in a session
/// that writes, the right while the session lasts (gone once it ended and saved).
pub(super) type Ending = Option<std::sync::Weak<session::WriteRight>>;

/// Set by whichever of the signal thread and the panic hook ends the program first; the other
/// (and the main thread, when its terminal vanished with the signal) then waits for that end
/// instead of racing it to `exit`.
pub(super) static ENDING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Claims the end of the program; `false` when another thread has it already.
pub(super) fn claim_ending() -> bool {
    !ENDING.swap(true, std::sync::atomic::Ordering::SeqCst)
}

/// When another thread is ending the program, waits for it (never returns).
pub(super) fn wait_if_ending() {
    while ENDING.load(std::sync::atomic::Ordering::SeqCst) {
        std::thread::park_timeout(Duration::from_secs(1));
    }
}

/// Takes the terminal: raw mode, alternate screen, bracketed paste. No panic hook is added
/// (ours restores the terminal itself).
pub(super) fn init_terminal() -> std::io::Result<DefaultTerminal> {
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
pub(super) fn restore_terminal() {
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
pub(super) fn lock_for<T>(
    m: &Mutex<T>,
    patience: Duration,
) -> Option<std::sync::MutexGuard<'_, T>> {
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
pub(super) fn emergency_fold(
    q: &Questionnaire,
    answers_path: &Path,
    ending: &Ending,
    journal: &SharedJournal,
) -> String {
    let shown = crate::files::shown(answers_path);
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
                &crate::files::shown(&journal),
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
pub(super) fn end_now(
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
pub(super) fn install_panic_hook(
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
pub(super) mod signals {
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
    //! Built for Windows and linted by `.ci/windows`, but never triggered there: Wine gives
    //! the tests no console, so no Ctrl+C or closing window reaches this handler.

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

/// Suspends the screen, runs `$VISUAL`/`$EDITOR` on a temporary file holding `text`, and
/// returns what the official saved.
pub(super) fn external_edit(terminal: &mut DefaultTerminal, text: &str) -> Result<String, String> {
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
pub(super) fn default_editor() -> Option<&'static str> {
    if cfg!(windows) {
        return Some("notepad");
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    ["nano", "micro", "mcedit", "pico", "ne"]
        .into_iter()
        .find(|name| std::env::split_paths(&path).any(|dir| dir.join(name).is_file()))
}

/// Whether the console shows VT sequences (the full screen needs them). On Windows crossterm
/// turns them on where it can (Windows 10 and later) and says whether that worked, or whether
/// `TERM` names a terminal that has them (Git Bash); elsewhere every terminal has them.
pub fn vt_support() -> bool {
    #[cfg(windows)]
    {
        ratatui::crossterm::ansi_support::supports_ansi()
    }
    #[cfg(not(windows))]
    {
        true
    }
}
