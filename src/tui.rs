//! The wizard in a real terminal.
//!
//! Owns: the event loop (every key and paste applied at once and in order, then journaled,
//! then one frame drawn) and the effects the app hands out (suspending the screen around
//! `$EDITOR`; writing an export's files, [`run_disk_effect`]), each result handed back as an
//! action. The terminal's lifecycle — taken, and always given back on quit, error, panic and
//! signal, whose paths also fold the journal into the answers file — is `console`'s; the
//! background writer that saves answers off the key path and the journal it feeds are
//! `saver`'s.
//!
//! Every write of the answers file goes through the session's `session::WriteRight`: a
//! read-only session has none, so it starts no writer and its signal and panic paths only
//! give the terminal back.
//!
//! The parts: `action` (what can be asked, as meanings), `burst` (a burst of queued events:
//! keys, or one paste where pastes arrive as keys), `keymap` (keys → meanings per place,
//! and the key list), `app` (state and `update`), `editor` (one file per editor kind: state,
//! actions, looks) over `text_input` (the shared text widget), `dialog` (the screens on top,
//! one file each), `view` (the screen's layout), `fit` (text cut and wrapped to the screen),
//! `theme` (styles), `console` (the terminal's lifecycle), `saver` (saving and journaling).
//!
//! Must not: hold wizard state or decide what a key means.

pub mod action;
pub mod app;
pub mod burst;
mod console;
pub use console::vt_support;
pub mod dialog;
pub mod editor;
mod fit;
pub mod keymap;
mod saver;
pub use saver::save;
pub mod text_input;
pub mod theme;
pub mod view;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::answers::Answers;
use crate::messages::{self, ui};
use crate::questionnaire::Questionnaire;
use crate::session;
use action::Action;
use app::{App, Effect};
use console::{
    ENDING, Ending, external_edit, init_terminal, install_panic_hook, restore_terminal, signals,
    wait_if_ending,
};
use saver::{
    FoldMark, Saver, SharedJournal, close_journal, fold_done, journal_changes, journal_mark,
};
use theme::Theme;

/// Runs the wizard until the official quits; answers are on disk when it returns `Ok`.
pub fn run(
    q: Questionnaire,
    answers: Answers,
    answers_path: PathBuf,
    session: session::Opened,
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
    {
        close_journal(right, &journal);
    }
    // The lock goes with the last holder of the right (the writer has ended).
    drop(right);
    result.and(written)
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
    // Events read but not applied yet: those after one that asked for an effect (`$EDITOR`,
    // an export) wait for it to be run.
    let mut queued = VecDeque::new();
    loop {
        let now = Instant::now();
        let wait = app
            .save_due_in(now)
            .unwrap_or(Duration::from_millis(250))
            .min(Duration::from_millis(250));
        let mut redraw = false;
        if !queued.is_empty() || event::poll(wait).map_err(io)? {
            // Everything already typed is read as one burst (one paste, where pastes arrive
            // as keys, see `burst`) and applied, in order, before the next frame; the report
            // is re-evaluated once for the whole batch.
            let mut burst = Vec::new();
            while burst.len() < burst::MAX_BURST && event::poll(Duration::ZERO).map_err(io)? {
                burst.push(event::read().map_err(io)?);
            }
            queued.extend(burst::coalesce(burst, burst::PASTES_ARRIVE_AS_KEYS));
            app.begin_batch();
            feed(app, &mut queued);
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
        if run_effect(terminal, app).map_err(io)? {
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

/// Applies queued events to the app in order, as the loop does, until one quits or asks for
/// an effect (the rest wait in `queued` until it has run). Tests that drive the app headlessly
/// with terminal events call this after [`burst::coalesce`], as the loop does.
pub fn feed(app: &mut App, queued: &mut VecDeque<Event>) {
    while let Some(event) = queued.pop_front() {
        match event {
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
        if app.quit || app.effect.is_some() {
            return;
        }
    }
}

/// Runs the effect the app handed out, if any; its result goes back to the app as an action
/// before the next frame. Returns whether there was one.
fn run_effect(terminal: &mut DefaultTerminal, app: &mut App) -> std::io::Result<bool> {
    if run_disk_effect(app) {
        return Ok(true);
    }
    match app.effect.take() {
        Some(Effect::ExternalEdit { text }) => {
            let result = external_edit(terminal, &text);
            app.external_edit_done(result);
            terminal.clear()?;
            Ok(true)
        }
        // Run just above.
        Some(Effect::Export { .. }) | None => Ok(false),
    }
}

/// Runs the effect the app asks for when it needs only the disk (an export's files) and hands
/// the result back as an action; returns whether there was one. An effect that needs the
/// terminal is left for the loop. Tests that drive the app headlessly call this as the loop
/// does.
pub fn run_disk_effect(app: &mut App) -> bool {
    if !matches!(app.effect, Some(Effect::Export { .. })) {
        return false;
    }
    if let Some(Effect::Export { files }) = app.effect.take() {
        let result = write_export(&files);
        app.update(Action::Exported(result));
    }
    true
}

/// Writes an export's files in order, each atomically, stopping at the first that fails: the
/// files written, or the message.
fn write_export(files: &[(PathBuf, Vec<u8>)]) -> Result<Vec<PathBuf>, String> {
    let mut written = Vec::new();
    for (path, bytes) in files {
        if let Err(err) = crate::files::write_atomic(path, bytes) {
            return Err(ui::export_failed(
                &path.display().to_string(),
                &messages::io_detail(&err),
            ));
        }
        written.push(path.clone());
    }
    Ok(written)
}
