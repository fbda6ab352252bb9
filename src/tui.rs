//! The wizard in a real terminal.
//!
//! Owns: the terminal's lifecycle (raw mode, alternate screen, bracketed paste on; always
//! restored, on error and on panic too — ratatui's hook), the event loop (every key and paste
//! applied at once and in order, then one frame drawn), the background writer that saves
//! answers off the key path, and suspending the screen around `$EDITOR`.
//!
//! The parts: `action` (what can be asked), `keymap` (keys → actions, and the key list),
//! `app` (state and `update`), `editor` and `text_input` (the editors), `view` (drawing),
//! `theme` (styles).
//!
//! Must not: hold wizard state or decide what a key means.

pub mod action;
pub mod app;
pub mod editor;
pub mod keymap;
pub mod text_input;
pub mod theme;
pub mod view;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use crate::answers::{self, Answers};
use crate::messages::{self, ui};
use crate::questionnaire::Questionnaire;
use action::Action;
use app::{App, Effect, SaveJob};
use theme::Theme;

/// Runs the wizard until the official quits; answers are on disk when it returns `Ok`.
pub fn run(q: Questionnaire, answers: Answers, answers_path: PathBuf) -> Result<(), String> {
    let mut app = App::new(Arc::new(q), answers, answers_path);
    let theme = Theme::from_env();
    let saver = Saver::start();
    let mut terminal = ratatui::try_init().map_err(|e| ui::terminal_failed(&e.to_string()))?;
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app, &theme, &saver);
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    // Whatever ended the loop, what was typed is written before the program ends.
    let written = saver.finish(&mut app);
    result.and(written)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    saver: &Saver,
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
        for result in saver.results.try_iter() {
            app.update(Action::Saved(result));
            redraw = true;
        }
        if let Some(job) = app.poll_save(Instant::now()) {
            saver.send(job);
            redraw = true;
        }
        if let Some(Effect::ExternalEdit { text }) = app.effect.take() {
            let result = external_edit(terminal, &text);
            app.external_edit_done(result);
            terminal.clear().map_err(io)?;
            redraw = true;
        }
        if app.quit {
            return Ok(());
        }
        if redraw {
            terminal.draw(|f| view::draw(f, app, theme)).map_err(io)?;
        }
    }
}

/// The background writer: saves answers files one at a time, reporting each result.
struct Saver {
    jobs: mpsc::Sender<SaveJob>,
    results: mpsc::Receiver<Result<String, String>>,
    thread: std::thread::JoinHandle<()>,
}

impl Saver {
    fn start() -> Self {
        let (jobs, job_rx) = mpsc::channel::<SaveJob>();
        let (result_tx, results) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            for job in job_rx {
                if result_tx.send(save(&job)).is_err() {
                    break;
                }
            }
        });
        Saver {
            jobs,
            results,
            thread,
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
        drop(self.jobs);
        // The writer ends once its queue is done; a writer stuck on a dead disk is not
        // waited for without end, and is not raced either: the copy goes elsewhere.
        let mut hung = false;
        loop {
            match self.results.recv_timeout(Duration::from_secs(10)) {
                Ok(result) => app.update(Action::Saved(result)),
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
            match save(&job) {
                Ok(_) => return Ok(()),
                Err(message) => message,
            }
        };
        Err(match write_recovery(&job) {
            Ok(copy) => ui::saved_to_recovery(&failed, &copy.display().to_string()),
            Err(_) => failed,
        })
    }
}

/// Writes the answers to a new private file in the user's data folder (or, failing that, the
/// temporary folder): `<questionnaire id>-….answers.yaml`, readable by the official only.
fn write_recovery(job: &SaveJob) -> std::io::Result<PathBuf> {
    let text = answers::persist::to_yaml(&job.answers, &job.questionnaire);
    let mut last = None;
    for dir in recovery_dirs() {
        let attempt = std::fs::create_dir_all(&dir).and_then(|()| {
            let mut file = tempfile::Builder::new()
                .prefix(&format!("{}-", job.questionnaire.id))
                .suffix(".answers.yaml")
                .tempfile_in(&dir)?;
            file.write_all(text.as_bytes())?;
            file.as_file().sync_all()?;
            file.keep().map(|(_, path)| path).map_err(|e| e.error)
        });
        match attempt {
            Ok(path) => return Ok(path),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no folder")))
}

/// Where recovery copies go, best first: the user's data folder, then the temporary folder.
fn recovery_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(data) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        dirs.push(PathBuf::from(data).join("baocao"));
    } else if let Some(appdata) = std::env::var_os("APPDATA").filter(|d| !d.is_empty()) {
        dirs.push(PathBuf::from(appdata).join("baocao"));
    } else if let Some(home) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        dirs.push(PathBuf::from(home).join(".local/share/baocao"));
    }
    dirs.push(std::env::temp_dir());
    dirs
}

/// Writes one answers file; the time it was saved, or a message.
pub fn save(job: &SaveJob) -> Result<String, String> {
    answers::persist::save(&job.path, &job.answers, &job.questionnaire)
        .map(|()| now_hms())
        .map_err(|e| ui::save_error(&job.path.display().to_string(), &messages::io_detail(&e)))
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
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
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
    if let Ok(t) = ratatui::try_init() {
        *terminal = t;
    }
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
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
