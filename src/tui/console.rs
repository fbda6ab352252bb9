//! The terminal, given back whatever happens.
//!
//! Owns: taking the terminal (raw mode, alternate screen, bracketed paste) and giving it
//! back — on quit, on error, on a panic and on SIGHUP/SIGTERM/SIGINT/SIGQUIT (Windows: the
//! console's Ctrl+C, Ctrl+Break, closing window, logoff and shutdown), whose paths also fold
//! the journal into the answers file and end with 101 or 128 + signal — which of
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

/// Ends the program at once on a signal: a save under way finishes first (waited for up to
/// `patience`) and none starts after (the writing lock is kept), the journal is folded into
/// the answers file, the terminal given back, where the answers are printed, and the program
/// exits with `code`. Returns only when a panic is ending the program already.
#[cfg(any(unix, windows))]
pub(super) fn end_now(
    q: &Questionnaire,
    answers_path: &Path,
    ending: &Ending,
    journal: &SharedJournal,
    writing: &Mutex<()>,
    stop: signals::Stop,
) {
    if !claim_ending() {
        return;
    }
    let _writing = lock_for(writing, stop.patience);
    let message = emergency_fold(q, answers_path, ending, journal);
    restore_terminal();
    let _ = writeln!(std::io::stderr(), "{message}");
    std::process::exit(stop.code);
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
    //! Windows: the console's control events, through `SetConsoleCtrlHandler`; what each one
    //! does is [`on_console_event`]'s decision. Windows runs the handler on a thread of its
    //! own and, for closing the window, logging off and shutting down, ends the process as soon
    //! as the handler returns (or after about 5 s for a closing window): so the handler does the
    //! whole fold itself and never returns once it has started (`end_now` exits), and waits at
    //! most 1.5 s for a save under way when the window closes, leaving the fold the rest of the
    //! 5 s. A fold cut short still loses nothing: every change is in the journal already and
    //! the next start replays it. Ctrl+C reaches the wizard as a key (raw mode turns the
    //! console's own handling off); it arrives here only while `$EDITOR` runs. Built for Windows
    //! and linted by `.ci/windows`, but never triggered there: Wine gives the tests no console,
    //! so no closing window reaches this handler; the decision is tested on every system.

    use std::path::PathBuf;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use super::{Ending, SharedJournal};
    use crate::questionnaire::Questionnaire;

    /// How the program ends: its exit code, and how long a save under way may hold the fold
    /// up.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Stop {
        pub code: i32,
        pub patience: Duration,
    }

    /// A save under way is waited for this long, when nothing hurries the end.
    const PATIENCE: Duration = Duration::from_secs(5);

    /// Windows' console control events (`wincon.h`; checked against `windows-sys` where it is
    /// built).
    #[cfg(any(windows, test))]
    pub const CTRL_C_EVENT: u32 = 0;
    #[cfg(any(windows, test))]
    pub const CTRL_BREAK_EVENT: u32 = 1;
    #[cfg(any(windows, test))]
    pub const CTRL_CLOSE_EVENT: u32 = 2;
    #[cfg(any(windows, test))]
    pub const CTRL_LOGOFF_EVENT: u32 = 5;
    #[cfg(any(windows, test))]
    pub const CTRL_SHUTDOWN_EVENT: u32 = 6;

    /// What a console control event does: end the program as the unix signal of the same
    /// meaning does (Ctrl+C as SIGINT, Ctrl+Break as SIGQUIT, a closing window as SIGHUP,
    /// logging off and shutting down as SIGTERM), or, for an event we do not know, nothing
    /// (`None`: the next handler gets it).
    #[cfg(any(windows, test))]
    pub fn on_console_event(event: u32) -> Option<Stop> {
        let stop = |signal: i32, patience| Stop {
            code: 128 + signal,
            patience,
        };
        match event {
            CTRL_C_EVENT => Some(stop(2, PATIENCE)),
            CTRL_BREAK_EVENT => Some(stop(3, PATIENCE)),
            // Windows ends the process about 5 s after the window closed.
            CTRL_CLOSE_EVENT => Some(stop(1, Duration::from_millis(1500))),
            CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => Some(stop(15, PATIENCE)),
            _ => None,
        }
    }

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
                    let stop = Stop {
                        code: 128 + signal,
                        patience: PATIENCE,
                    };
                    super::end_now(&q, &answers_path, &ending, &journal, &writing, stop);
                }
            });
        }
        #[cfg(windows)]
        {
            let end = move |stop| {
                super::end_now(&q, &answers_path, &ending, &journal, &writing, stop);
            };
            console_handler::install(Box::new(end));
        }
    }

    #[cfg(windows)]
    #[allow(
        unsafe_code,
        reason = "the Win32 call that installs the handler, and the handler's signature"
    )]
    mod console_handler {
        //! The one `SetConsoleCtrlHandler` handler: the event decided by `on_console_event`,
        //! the end run on Windows' handler thread.

        use std::sync::OnceLock;

        use windows_sys::Win32::System::Console as con;
        use windows_sys::core::BOOL;

        use super::{Stop, on_console_event};

        const _: () = assert!(
            super::CTRL_C_EVENT == con::CTRL_C_EVENT
                && super::CTRL_BREAK_EVENT == con::CTRL_BREAK_EVENT
                && super::CTRL_CLOSE_EVENT == con::CTRL_CLOSE_EVENT
                && super::CTRL_LOGOFF_EVENT == con::CTRL_LOGOFF_EVENT
                && super::CTRL_SHUTDOWN_EVENT == con::CTRL_SHUTDOWN_EVENT
        );

        type End = Box<dyn Fn(Stop) + Send + Sync>;

        /// What ends the program; set once, by the wizard's start.
        static END: OnceLock<End> = OnceLock::new();

        pub fn install(end: End) {
            if END.set(end).is_ok() {
                // SAFETY: `handler` is a plain function that lives as long as the program.
                unsafe {
                    con::SetConsoleCtrlHandler(Some(handler), 1);
                }
            }
        }

        /// Runs on a thread Windows starts for the event. Returning from a closing window's
        /// event ends the process, so it returns only for an event it leaves to others.
        unsafe extern "system" fn handler(event: u32) -> BOOL {
            let Some(stop) = on_console_event(event) else {
                return 0;
            };
            if let Some(end) = END.get() {
                end(stop);
            }
            // `end` returns only when a panic is ending the program: let it finish.
            super::super::wait_if_ending();
            1
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::signals::{
        CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
        Stop, on_console_event,
    };

    #[test]
    fn a_closing_console_ends_as_a_closing_terminal_does_and_in_time() {
        let close = on_console_event(CTRL_CLOSE_EVENT).expect("a closing window ends the wizard");
        // As SIGHUP on unix.
        assert_eq!(close.code, 129);
        // Windows ends the process about 5 s after: a save under way may not take them all.
        assert!(close.patience <= Duration::from_secs(2), "{close:?}");
    }

    #[test]
    fn every_console_event_that_stops_a_program_ends_the_wizard_with_its_unix_code() {
        let code = |event| on_console_event(event).map(|s: Stop| s.code);
        assert_eq!(code(CTRL_C_EVENT), Some(130));
        assert_eq!(code(CTRL_BREAK_EVENT), Some(131));
        assert_eq!(code(CTRL_LOGOFF_EVENT), Some(143));
        assert_eq!(code(CTRL_SHUTDOWN_EVENT), Some(143));
        // Events we do not know go to the next handler.
        assert_eq!(code(3), None);
        assert_eq!(code(99), None);
    }
}
