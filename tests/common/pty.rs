//! The pseudo-terminal harness of the end-to-end tests (`tui_pty`, `tui_crash`): the real
//! `baocao` binary in a portable-pty terminal, read back through a vt100 screen by a thread
//! of its own.
//!
//! The binary is `$BAOCAO_BIN` when set (CI points it at the release build), else the one
//! Cargo built for these tests. What each test file starts, and what it reads off the
//! screen, stays in that file.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 40;
pub const COLS: u16 = 140;
/// How long any one thing may take to show up (the machine may be busy building).
pub const TIMEOUT: Duration = Duration::from_secs(15);
/// The pause between writes when keys are sent one by one.
pub const KEY_GAP: Duration = Duration::from_millis(20);

pub const PASTE_START: &str = "\x1b[200~";
pub const PASTE_END: &str = "\x1b[201~";

/// The binary under test.
pub fn binary() -> PathBuf {
    std::env::var_os("BAOCAO_BIN")
        .filter(|s| !s.is_empty())
        .map_or_else(
            || PathBuf::from(env!("CARGO_BIN_EXE_baocao")),
            PathBuf::from,
        )
}

/// The command every test starts from: the binary under test in `dir`, as an xterm with
/// colours. Add arguments and environment before [`Pty::spawn`].
pub fn command(dir: &Path) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(binary());
    cmd.cwd(dir);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd
}

/// What the reader thread has seen.
pub struct Screen {
    pub parser: vt100::Parser,
    /// Every byte the program wrote.
    pub output: Vec<u8>,
    /// The reader stopped (the program and its terminal are gone, or the test hung up).
    pub closed: bool,
}

/// The terminal's input end, shareable so a typing thread can write while the test watches
/// the screen.
pub type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

/// `baocao` running in a pseudo-terminal.
pub struct Pty {
    pub child: Box<dyn Child + Send + Sync>,
    /// `None` once the test hung up.
    writer: Option<Writer>,
    master: Option<Box<dyn MasterPty + Send>>,
    screen: Arc<Mutex<Screen>>,
    /// Asks the reader thread to let go of its end of the terminal after its next read.
    stop_reading: Arc<AtomicBool>,
}

impl Pty {
    /// Runs `cmd` (see [`command`]) in a new pseudo-terminal of `ROWS` × `COLS`.
    pub fn spawn(cmd: CommandBuilder) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal opens");
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("{} starts: {e}", binary().display()));
        // Only the child holds the terminal's other end, so reading ends when it exits.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(Screen {
            parser: vt100::Parser::new(
                NonZeroU16::new(ROWS).expect("rows"),
                NonZeroU16::new(COLS).expect("cols"),
                0,
            ),
            output: Vec::new(),
            closed: false,
        }));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let (feed, stop) = (Arc::clone(&screen), Arc::clone(&stop_reading));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // vt100 0.18 drops a character whose UTF-8 bytes arrive in two reads (seen with
            // "đ", C4|91), so an incomplete sequence at the end of a read waits for the next.
            let mut pending = Vec::new();
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        pending.extend_from_slice(&buf[..n]);
                        let whole = super::whole_utf8(&pending);
                        let mut s = feed.lock().expect("screen lock");
                        s.parser.process(&pending[..whole]);
                        s.output.extend_from_slice(&pending[..whole]);
                        drop(s);
                        pending.drain(..whole);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    // EIO: the program exited and closed the terminal.
                    Err(_) => break,
                }
                if stop.load(Ordering::SeqCst) {
                    break;
                }
            }
            // The reader's copy of the master goes here.
            drop(reader);
            feed.lock().expect("screen lock").closed = true;
        });
        Pty {
            child,
            writer: Some(Arc::new(Mutex::new(writer))),
            master: Some(pair.master),
            screen,
            stop_reading,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a process id")
    }

    /// The terminal's input end, for a thread that types.
    pub fn writer(&self) -> Writer {
        Arc::clone(self.writer.as_ref().expect("the terminal is open"))
    }

    /// Sends bytes as one write.
    pub fn send(&self, bytes: &[u8]) {
        let writer = self.writer();
        let mut w = writer.lock().expect("writer lock");
        w.write_all(bytes).expect("write to the pty");
        w.flush().expect("flush the pty");
    }

    /// Sends each element as its own write, with a short pause between them.
    pub fn send_paced(&self, writes: &[&[u8]]) {
        for w in writes {
            self.send(w);
            std::thread::sleep(KEY_GAP);
        }
    }

    /// Sends text as an input method commits it: raw UTF-8 in one write.
    pub fn type_text(&self, text: &str) {
        self.send(text.as_bytes());
    }

    /// Sends a bracketed paste.
    pub fn paste(&self, text: &str) {
        self.send(format!("{PASTE_START}{text}{PASTE_END}").as_bytes());
    }

    pub fn with_screen<T>(&self, f: impl FnOnce(&Screen) -> T) -> T {
        f(&self.screen.lock().expect("screen lock"))
    }

    /// The screen as text, one line per row.
    pub fn contents(&self) -> String {
        self.with_screen(|s| s.parser.screen().contents())
    }

    /// Everything the program wrote, as text.
    pub fn output(&self) -> String {
        self.with_screen(|s| String::from_utf8_lossy(&s.output).into_owned())
    }

    /// Waits until the screen shows `text`; returns the screen. Fails with the screen shown.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("the screen to show {text:?}"), |s| {
            s.contains(text)
        })
    }

    /// Waits until the screen satisfies `ok`; `what` names the wait in the failure message.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (contents, closed) = self.with_screen(|s| (s.parser.screen().contents(), s.closed));
            if ok(&contents) {
                return contents;
            }
            if closed || start.elapsed() > TIMEOUT {
                let why = if closed {
                    "the program exited"
                } else {
                    "timed out"
                };
                panic!(
                    "waiting for {what}: {why} after {:?}.\n--- screen ---\n{contents}\n--- end of screen ---",
                    start.elapsed()
                );
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Waits for `text` in everything the program wrote (lines printed before or after the
    /// full-screen wizard, which the screen may no longer show).
    pub fn wait_output(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let (out, closed) = self.with_screen(|s| (s.output.clone(), s.closed));
            let out = String::from_utf8_lossy(&out).into_owned();
            if out.contains(text) {
                return out;
            }
            assert!(
                !closed && start.elapsed() < TIMEOUT,
                "waiting for {text:?} in the output: {} after {:?}.\n--- output ---\n{out}",
                if closed { "closed" } else { "timed out" },
                start.elapsed()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Waits for the program to exit and for its last output to be read.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                break status;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the wizard did not exit within {TIMEOUT:?}.\n--- screen ---\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(2));
        };
        // Everything written before exiting is still in the terminal; read it all.
        while !self.with_screen(|s| s.closed) && start.elapsed() < TIMEOUT * 2 {
            std::thread::sleep(Duration::from_millis(2));
        }
        status
    }

    /// Closes the terminal as a closed window or a dropped SSH connection does: every copy of
    /// the master end is closed, and the kernel sends SIGHUP to the program.
    pub fn hang_up(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        // Wake the reader: any key makes the wizard draw (End at the end of a line changes
        // nothing else).
        self.send(b"\x1b[F");
        let start = Instant::now();
        while !self.with_screen(|s| s.closed) {
            assert!(
                start.elapsed() < TIMEOUT,
                "the reader thread did not let go of the terminal"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        // portable-pty's writer sends "\n" and EOT as it closes; a wizard in raw mode reads
        // them as two more keys, which do not touch the text.
        self.writer = None;
        self.master = None;
    }

    /// Whether the terminal is in raw mode (no line editing, no echo). Linux values.
    #[cfg(target_os = "linux")]
    pub fn raw_mode(&self) -> bool {
        const ICANON: u32 = 0o2;
        const ECHO: u32 = 0o10;
        let termios = self
            .master
            .as_ref()
            .expect("the terminal is open")
            .get_termios()
            .expect("terminal settings");
        termios.local_flags.bits() & (ICANON | ECHO) == 0
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            #[cfg(unix)]
            let _ = signal(self.pid(), "KILL");
            #[cfg(not(unix))]
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Sends a signal with the system's `kill`: portable-pty's `Child::kill` sends SIGHUP (and
/// only later SIGKILL), and unsafe code (libc::kill) is forbidden in this crate.
#[cfg(unix)]
pub fn signal(pid: u32, name: &str) -> std::io::Result<()> {
    let status = std::process::Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status()?;
    if status.success() {
        Ok(())
    } else {
        Err(std::io::Error::other(format!(
            "kill -{name} {pid}: {status}"
        )))
    }
}
