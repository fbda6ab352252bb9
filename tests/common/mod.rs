//! Helpers shared by the integration tests.

#![allow(dead_code)]

pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use unicode_normalization::UnicodeNormalization;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path inside the repository.
pub fn path(rel: &str) -> PathBuf {
    root().join(rel)
}

/// Runs the real `baocao` binary with `args`, from the repository root.
pub fn baocao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the baocao binary runs")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// The comparison the issue defines: NFC, each line trimmed, runs of white space collapsed to
/// one space, empty lines dropped.
pub fn normalise(text: &str) -> Vec<String> {
    let nfc: String = text.nfc().collect();
    nfc.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Loads a questionnaire from the repository.
pub fn questionnaire(rel: &str) -> baocao::questionnaire::Questionnaire {
    baocao::questionnaire::load_path(&path(rel)).unwrap_or_else(|e| panic!("{rel} loads:\n{e}"))
}

/// Reads a file of the repository as text.
pub fn read(rel: &str) -> String {
    std::fs::read_to_string(path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub fn exists(rel: &str) -> bool {
    Path::new(&path(rel)).exists()
}

/// How many leading bytes of `bytes` end on a whole UTF-8 sequence (all of them, unless the
/// last sequence is cut short).
pub fn whole_utf8(bytes: &[u8]) -> usize {
    let n = bytes.len();
    for back in 1..=n.min(4) {
        let b = bytes[n - back];
        if b & 0xC0 == 0x80 {
            continue;
        }
        let need = match b {
            _ if b & 0x80 == 0 => 1,
            _ if b & 0xE0 == 0xC0 => 2,
            _ if b & 0xF0 == 0xE0 => 3,
            _ if b & 0xF8 == 0xF0 => 4,
            _ => 1,
        };
        return if back >= need { n } else { n - back };
    }
    n
}

/// The binary under `ulimit -v` (`memory_mb` MiB), through `sh`.
#[cfg(unix)]
fn limited_command(memory_mb: u64) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "ulimit -v {}; exec \"$0\" \"$@\"",
            memory_mb * 1024
        ))
        .arg(pty::binary());
    cmd
}

/// The binary itself: Windows has no `ulimit` (a job object could cap memory; not needed to
/// run these tests under Wine).
#[cfg(not(unix))]
fn limited_command(_memory_mb: u64) -> Command {
    Command::new(pty::binary())
}

/// What [`baocao_limited`] saw.
#[derive(Debug)]
pub struct Limited {
    pub output: Output,
    /// Killed after the time limit (the output is what came before).
    pub timed_out: bool,
    pub elapsed: std::time::Duration,
}

impl Limited {
    pub fn code(&self) -> Option<i32> {
        self.output.status.code()
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
}

/// Runs the real `baocao` binary (`$BAOCAO_BIN` when set: the release build users run, as in
/// CI) with `args` in `dir` under an address-space limit of
/// `memory_mb` MiB (`ulimit -v`) and a wall-clock limit of `seconds`, so that a regression on
/// hostile input fails the test instead of taking the machine. The memory limit needs `sh`
/// and `ulimit`: on Windows only the wall-clock limit holds.
pub fn baocao_limited(dir: &Path, args: &[&str], memory_mb: u64, seconds: u64) -> Limited {
    use std::io::Read;
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let mut child = limited_command(memory_mb)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh runs baocao");
    // Read both pipes on threads, so a child writing much never blocks on a full pipe.
    let mut out_pipe = child.stdout.take().expect("stdout piped");
    let mut err_pipe = child.stderr.take().expect("stderr piped");
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for baocao") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(seconds) {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("wait for the killed baocao");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    Limited {
        output: Output {
            status,
            stdout: out_reader.join().unwrap_or_default(),
            stderr: err_reader.join().unwrap_or_default(),
        },
        timed_out,
        elapsed,
    }
}
