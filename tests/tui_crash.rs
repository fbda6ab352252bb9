//! Crash safety of the real binary in a pseudo-terminal: kill -9 while typing, signals, a
//! forced panic, two instances, stale locks, damaged files, folders and disks that say no.
//!
//! The promise under test: whatever the official typed is on disk before the next frame is
//! drawn, and survives quitting, Ctrl+C, a closed terminal (SIGHUP), SIGTERM, SIGINT,
//! SIGQUIT, a panic and kill -9. Each test runs the binary (`$BAOCAO_BIN`, else the one Cargo
//! built) in its own temporary folder, with `XDG_DATA_HOME` pointing at another one.
//!
//! The read-only folder and full disk tests mount small tmpfs file systems, so they need
//! root; without it they print a loud SKIPPED note (and fail when `CI=true`). Linux only:
//! signals are sent with `kill`, termios flags are Linux values, tmpfs is mounted.
#![cfg(target_os = "linux")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use baocao::answers::journal::{Entry, Journal};
use baocao::answers::{AnswerValue, Answers};

use crate::common::pty::{self, COLS, PASTE_END, PASTE_START, Pty, ROWS, Writer, signal};

// ----- starting the wizard, and what these tests read off its screen -------------------------

const ANSWERS_FILE: &str = "ct1322-so-ket-2021-2025.answers.yaml";
const JOURNAL_FILE: &str = ".ct1322-so-ket-2021-2025.answers.yaml.journal";
const LOCK_FILE: &str = ".ct1322-so-ket-2021-2025.answers.yaml.lock";

const CTRL_Q: &[u8] = b"\x11";
const CTRL_C: &[u8] = b"\x03";
const CTRL_S: &[u8] = b"\x13";
const END: &[u8] = b"\x1b[F";
const F12: &[u8] = b"\x1b[24~";

const SAVED_TO: &str = "Câu trả lời đã được lưu vào";
const READ_ONLY_REFUSED: &str = "Đang mở ở chế độ chỉ xem";
const PLACEHOLDER: &str = "Gõ câu trả lời…";

/// Starts `baocao` (the built-in questionnaire) in `dir`, its data folder in `data`.
fn start(dir: &Path, data: &Path, env: &[(&str, &str)]) -> Pty {
    let mut cmd = pty::command(dir);
    cmd.env("XDG_DATA_HOME", data);
    cmd.env_remove("BAOCAO_TEST_PANIC");
    for (key, value) in env {
        cmd.env(key, value);
    }
    Pty::spawn(cmd)
}

/// What these tests look at beyond the shared harness.
trait Wizard {
    /// The text in the answer box of a one-line question, as drawn now.
    fn answer_box(&self) -> Option<String>;
    /// Waits for the first question's whole first frame (the key bar is drawn last).
    fn wait_ready(&self) -> String;
    /// The terminal is given back: not raw, main screen, cursor shown, no bracketed paste.
    fn assert_terminal_restored(&self, what: &str);
}

impl Wizard for Pty {
    fn answer_box(&self) -> Option<String> {
        self.with_screen(|s| answer_box(s.parser.screen()))
    }

    fn wait_ready(&self) -> String {
        self.wait_until("the first question, drawn to the key bar", |s| {
            s.contains("Câu 1/") && s.lines().last().is_some_and(|l| l.contains("Ctrl+Q"))
        })
    }

    fn assert_terminal_restored(&self, what: &str) {
        assert!(!self.raw_mode(), "{what}: the terminal is left in raw mode");
        self.with_screen(|s| {
            let screen = s.parser.screen();
            assert!(
                !screen.alternate_screen(),
                "{what}: still on the alternate screen"
            );
            assert!(!screen.hide_cursor(), "{what}: the cursor is still hidden");
            assert!(
                !screen.bracketed_paste(),
                "{what}: bracketed paste is still on"
            );
        });
    }
}

/// A `kill -KILL <pid>` waiting in a shell for its cue, so the signal leaves within a fraction
/// of a millisecond of the moment the test picks (no fork and exec at that moment).
struct Killer(std::process::Child);

impl Killer {
    fn ready(pid: u32) -> Self {
        let child = std::process::Command::new("sh")
            .args(["-c", "read _ && kill -KILL \"$0\"", &pid.to_string()])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .expect("sh starts");
        Killer(child)
    }

    fn fire(mut self) {
        let mut stdin = self.0.stdin.take().expect("the killer's stdin");
        stdin.write_all(b"\n").expect("cue the killer");
        drop(stdin);
        let status = self.0.wait().expect("the killer ends");
        assert!(status.success(), "kill -KILL failed: {status}");
    }
}

/// The text in the answer box of a one-line question: the box inside the question panel,
/// its rows joined (a long answer wraps; the box shows the rows around the cursor). Trailing
/// blanks of each row are dropped, so the text must have no spaces to compare exactly.
fn answer_box(screen: &vt100::Screen) -> Option<String> {
    let cell = |r: u16, c: u16| {
        screen
            .cell(r, c)
            .map(|x| x.contents().to_owned())
            .unwrap_or_default()
    };
    // The question panel's top left corner: "┌ Câu k/n".
    let (panel_row, panel_col) = (0..ROWS).find_map(|r| {
        (1..COLS.saturating_sub(6)).find_map(|c| {
            (cell(r, c) == "┌"
                && cell(r, c + 2) == "C"
                && cell(r, c + 3) == "â"
                && cell(r, c + 4) == "u")
                .then_some((r, c))
        })
    })?;
    let col = panel_col + 1;
    let top = (panel_row + 1..ROWS).find(|&r| cell(r, col) == "┌")?;
    let bottom = (top + 1..ROWS).find(|&r| cell(r, col) == "└")?;
    let right = (col + 1..COLS).find(|&c| cell(top, c) == "┐")?;
    let mut text = String::new();
    for r in top + 1..bottom {
        let mut row = String::new();
        for c in col + 1..right {
            match cell(r, c).as_str() {
                "" => row.push(' '),
                s => row.push_str(s),
            }
        }
        text.push_str(row.trim_end());
    }
    // An empty answer shows a placeholder.
    if text.trim() == PLACEHOLDER {
        text.clear();
    }
    Some(text)
}

/// A tmpfs mounted for one test, unmounted when dropped.
struct Mount(PathBuf);

impl Mount {
    fn tmpfs(dir: &Path, size: &str) -> Self {
        run_ok(
            "mount",
            &["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"],
            dir,
        );
        Mount(dir.to_owned())
    }

    fn read_only(&self) {
        run_ok("mount", &["-o", "remount,ro"], &self.0);
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

fn run_ok(program: &str, args: &[&str], path: &Path) {
    let out = std::process::Command::new(program)
        .args(args)
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Whether this process may mount file systems; when not, says so loudly (and fails on CI).
fn can_mount(test: &str) -> bool {
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if root {
        return true;
    }
    let note = format!("SKIPPED {test}: it mounts a tmpfs and needs root (run the tests as root)");
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{note}");
    eprintln!("\n*** {note} ***\n");
    false
}

fn builtin() -> baocao::questionnaire::Questionnaire {
    baocao::questionnaire::builtin().expect("the built-in questionnaire loads")
}

/// One answer as stored in the answers file in `dir` (`None`: no file or no such answer).
fn stored(dir: &Path, id: &str) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(ANSWERS_FILE)).ok()?;
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text)
        .unwrap_or_else(|e| panic!("the answers file is not YAML: {e}\n{text}"));
    yaml["answers"][id].as_str().map(str::to_owned)
}

fn read_bytes(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

/// Files in `dir` (names), sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| {
                e.expect("dir entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Starts the wizard, types `text` into the first question and waits until it is drawn.
fn start_and_type(dir: &Path, data: &Path, env: &[(&str, &str)], text: &str) -> Pty {
    let w = start(dir, data, env);
    w.wait_ready();
    w.send(text.as_bytes());
    w.wait_until(&format!("{text:?} in the answer box"), |_| {
        w.answer_box().is_some_and(|b| b.contains(text))
    });
    w
}

// ----- kill -9 while typing ------------------------------------------------------------------

/// xorshift64: fixed seeds, the same run every time.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn pick(&mut self, chars: &[char]) -> char {
        chars[usize::try_from(self.next() % chars.len() as u64).expect("index")]
    }
}

/// What is typed: no spaces (the answer box is compared row by row) and no combining marks;
/// Vietnamese letters so multi-byte text is torn too.
const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\
ăâđêôơưáàảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵĂÂĐÊÔƠƯ";

/// What the typing thread has sent in one run.
#[derive(Default)]
struct Typed {
    /// Every character sent (a paste's whole text as soon as its first part is written).
    sent: Vec<char>,
    /// Each paste's range in `sent`.
    pastes: Vec<(usize, usize)>,
    /// A paste is started (its first part written) and not finished.
    in_paste: bool,
}

/// Types continuously: one key per write with 0–15 ms between keys, and now and then a
/// bracketed paste of 20–200 characters written in two or three parts with 1–15 ms between
/// them (so a kill can land inside it). Stops when told, or when the terminal refuses.
fn typist(
    writer: Writer,
    log: Arc<Mutex<Typed>>,
    stop: Arc<AtomicBool>,
    seed: u64,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let alphabet: Vec<char> = ALPHABET.chars().collect();
        let mut rng = Rng(seed);
        let write = |bytes: &[u8]| {
            let mut w = writer.lock().expect("writer lock");
            w.write_all(bytes).and_then(|()| w.flush()).is_ok()
        };
        while !stop.load(Ordering::SeqCst) {
            if rng.range(0, 24) == 0 {
                let len = usize::try_from(rng.range(20, 200)).expect("length");
                let text: Vec<char> = (0..len).map(|_| rng.pick(&alphabet)).collect();
                // Cut inside the text only: a part ending in a lone ESC would read as Esc.
                let mut cuts = vec![0, len];
                for _ in 0..rng.range(1, 2) {
                    cuts.push(usize::try_from(rng.range(1, len as u64 - 1)).expect("cut"));
                }
                cuts.sort_unstable();
                cuts.dedup();
                {
                    let mut l = log.lock().expect("log lock");
                    let start = l.sent.len();
                    l.sent.extend_from_slice(&text);
                    l.pastes.push((start, start + len));
                }
                for (i, pair) in cuts.windows(2).enumerate() {
                    let mut part = String::new();
                    if i == 0 {
                        part.push_str(PASTE_START);
                    }
                    part.extend(&text[pair[0]..pair[1]]);
                    let last = pair[1] == len;
                    if last {
                        part.push_str(PASTE_END);
                    }
                    if !write(part.as_bytes()) {
                        return;
                    }
                    log.lock().expect("log lock").in_paste = !last;
                    if !last {
                        std::thread::sleep(Duration::from_millis(rng.range(1, 15)));
                    }
                }
            } else {
                let c = rng.pick(&alphabet);
                log.lock().expect("log lock").sent.push(c);
                let mut buf = [0u8; 4];
                if !write(c.encode_utf8(&mut buf).as_bytes()) {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(rng.range(0, 15)));
        }
    })
}

/// Where `visible` ends in `text`: the largest `k` with `text[..k]` ending in `visible`.
fn visible_end(text: &[char], visible: &[char]) -> Option<usize> {
    if visible.is_empty() {
        return Some(0);
    }
    (visible.len()..=text.len())
        .rev()
        .find(|&k| text[k - visible.len()..k] == *visible)
}

fn common_prefix(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// After a start: the answer to the first question as the wizard recovered it (the answers
/// file once the recovery has been saved), whether it said it recovered, whether it said the
/// journal's tail was torn, and whether the file lagged behind the screen (and the title
/// bar's "Đã lưu") for a moment.
fn recovered_text(w: &Pty, dir: &Path) -> (Vec<char>, bool, bool, bool) {
    let screen = w.wait_ready();
    let recovered = screen.contains("Đã khôi phục");
    let torn = screen.contains("bị đứt giữa chừng");
    if recovered {
        // The recovery is saved at once.
        w.wait_until("the recovered answers to be saved", |s| {
            s.lines().next().is_some_and(|l| l.contains("Đã lưu"))
        });
    }
    // What the wizard shows is what is on disk (the box shows the end of a long answer).
    let start = Instant::now();
    let mut late = false;
    let text = loop {
        let text: Vec<char> = stored(dir, "ten_xa").unwrap_or_default().chars().collect();
        let shown: Vec<char> = w
            .answer_box()
            .expect("the answer box on screen")
            .chars()
            .collect();
        if text.ends_with(&shown) {
            break text;
        }
        late = true;
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "the answer box shows {} characters {:?}… which are not the end of the stored \
             answer ({} characters, …{:?}; the box's text is found at {:?}; recovered: \
             {recovered})\n{}",
            shown.len(),
            shown.iter().take(40).collect::<String>(),
            text.len(),
            text.iter()
                .skip(text.len().saturating_sub(40))
                .collect::<String>(),
            (0..=text.len().saturating_sub(shown.len())).find(|&i| text[i..].starts_with(&shown)),
            w.contents()
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    (text, recovered, torn, late)
}

/// The atomic-write temporary files of the answers file in `dir` (`.<name>.XXXXXX`): one
/// exists while a save is under way, and one is left behind when a kill lands inside a save.
fn save_temporaries(dir: &Path) -> Vec<String> {
    let prefix = format!(".{ANSWERS_FILE}.");
    names_in(dir)
        .into_iter()
        .filter(|n| n.starts_with(&prefix) && n.len() == prefix.len() + 6)
        .collect()
}

/// The journal and the answers file on disk: sizes, and which was written last.
fn disk_state(dir: &Path) -> String {
    let meta = |name: &str| std::fs::metadata(dir.join(name)).ok();
    let (journal, answers) = (meta(JOURNAL_FILE), meta(ANSWERS_FILE));
    let order = match (
        journal.as_ref().and_then(|m| m.modified().ok()),
        answers.as_ref().and_then(|m| m.modified().ok()),
    ) {
        (Some(j), Some(a)) if j < a => "the journal is older than the answers file",
        (Some(_), Some(_)) => "the journal is not older than the answers file",
        _ => "",
    };
    format!(
        "journal {:?} bytes, answers file {:?} bytes, {order}",
        journal.map(|m| m.len()),
        answers.map(|m| m.len())
    )
}

/// How a run picks the moment of its kill.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Moment {
    /// 20–600 ms after the typing starts.
    Random,
    /// As soon as a paste is half written.
    MidPaste,
    /// As soon as a save has its temporary file open.
    MidSave,
    /// Right after a save renamed its temporary file, before the journal is emptied (the
    /// middle of a fold).
    AfterSave,
}

#[test]
fn kill_9_at_50_moments_loses_nothing_that_was_drawn() {
    const RUNS: usize = 50;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    // The whole text the first question should hold after the kill, and how much of it the
    // screen showed before the kill.
    let mut expected: Vec<char> = Vec::new();
    let mut drawn = 0usize;
    let (mut typed_total, mut drawn_new, mut lost, mut in_flight, mut in_flight_kept) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut mid_paste, mut mid_save, mut torn_frames, mut recoveries, mut torn_journals) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut moments = Vec::new();
    let mut losses = Vec::new();
    let mut disk_after_kill = String::new();
    let mut late_files = 0usize;
    let started = Instant::now();
    for run in 0..=RUNS {
        let w = start(dir.path(), data.path(), &[]);
        let (text, recovered, torn, late) = recovered_text(&w, dir.path());
        late_files += usize::from(late);
        if run > 0 {
            recoveries += usize::from(recovered);
            torn_journals += usize::from(torn);
            let kept = common_prefix(&text, &expected);
            assert_eq!(
                kept,
                text.len(),
                "run {run}: the recovered answer is not what was typed: it differs at \
                 character {kept} ({:?} recovered, {:?} typed)",
                text.iter().skip(kept).take(20).collect::<String>(),
                expected.iter().skip(kept).take(20).collect::<String>()
            );
            if kept < drawn {
                lost += drawn - kept;
                losses.push(format!(
                    "kill {run} ({:?}): {} characters that were on screen are gone \
                     (recovered {kept} characters, {drawn} were drawn; the start said \
                     recovered: {recovered}; after the kill: {disk_after_kill})",
                    moments[run - 1],
                    drawn - kept
                ));
            }
            in_flight += expected.len() - drawn;
            in_flight_kept += kept.saturating_sub(drawn);
        }
        if run == RUNS {
            // The last start quits cleanly: everything recovered is in the answers file.
            let mut w = w;
            w.send(CTRL_Q);
            let status = w.wait_exit();
            assert!(
                status.success(),
                "the last run exited with {status:?}\n{}",
                w.output()
            );
            let stored: Vec<char> = stored(dir.path(), "ten_xa")
                .unwrap_or_default()
                .chars()
                .collect();
            assert!(stored == text, "Ctrl+Q did not keep the recovered answer");
            assert!(
                !dir.path().join(JOURNAL_FILE).exists(),
                "the journal is left after a clean quit"
            );
            assert!(
                !dir.path().join(LOCK_FILE).exists(),
                "the lock is left after a clean quit"
            );
            break;
        }
        let base = text.len();
        let moment = match run % 5 {
            1 => Moment::MidPaste,
            3 => Moment::MidSave,
            4 => Moment::AfterSave,
            _ => Moment::Random,
        };
        moments.push(moment);
        let old_temporaries = save_temporaries(dir.path());
        let new_temporary = || {
            save_temporaries(dir.path())
                .iter()
                .any(|n| !old_temporaries.contains(n))
        };
        w.send(END);
        let killer = Killer::ready(w.pid());
        let log = Arc::new(Mutex::new(Typed::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let typing = typist(w.writer(), Arc::clone(&log), Arc::clone(&stop), rng.next());
        let delay = Duration::from_millis(rng.range(20, 600));
        let t0 = Instant::now();
        match moment {
            Moment::Random => std::thread::sleep(delay),
            Moment::MidPaste => {
                while t0.elapsed() < Duration::from_secs(2) && !log.lock().expect("log").in_paste {
                    std::thread::sleep(Duration::from_micros(100));
                }
            }
            Moment::MidSave | Moment::AfterSave => {
                while t0.elapsed() < Duration::from_secs(2) && !new_temporary() {
                    std::thread::sleep(Duration::from_micros(100));
                }
                if moment == Moment::AfterSave {
                    let seen: Vec<String> = save_temporaries(dir.path())
                        .into_iter()
                        .filter(|n| !old_temporaries.contains(n))
                        .collect();
                    while t0.elapsed() < Duration::from_secs(2)
                        && save_temporaries(dir.path())
                            .iter()
                            .any(|n| seen.contains(n))
                    {
                        std::thread::sleep(Duration::from_micros(50));
                    }
                }
            }
        }
        // What the screen shows now (a frame half drawn is looked at again), then the kill.
        let mut before = None;
        for _ in 0..50 {
            let shown = w.answer_box();
            let sent = {
                let l = log.lock().expect("log lock");
                [&text[..], &l.sent[..]].concat()
            };
            let shown: Vec<char> = shown.unwrap_or_default().chars().collect();
            if let Some(k) = visible_end(&sent, &shown) {
                before = Some(k);
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let (paste_open, saving) = (log.lock().expect("log").in_paste, new_temporary());
        killer.fire();
        stop.store(true, Ordering::SeqCst);
        let mut w = w;
        let status = w.wait_exit();
        typing.join().expect("the typing thread");
        assert_eq!(
            status.signal(),
            Some("Killed"),
            "run {run}: the wizard was not killed by SIGKILL: {status:?}"
        );
        disk_after_kill = disk_state(dir.path());
        let log = log.lock().expect("log lock");
        expected = [&text[..], &log.sent[..]].concat();
        typed_total += log.sent.len();
        let before = before.unwrap_or_else(|| {
            panic!(
                "run {run}: the answer box never showed a prefix of what was typed:\n{}",
                w.contents()
            )
        });
        // The last frame the program drew before it died holds at least as much; a frame
        // torn by the kill is not trusted.
        let after: Vec<char> = w.answer_box().unwrap_or_default().chars().collect();
        drawn = match visible_end(&expected, &after) {
            Some(k) if k >= before => k,
            _ => {
                torn_frames += 1;
                before
            }
        };
        drawn_new += drawn.saturating_sub(base);
        // Inside a paste: half written, or written but not yet drawn whole.
        let undrawn_paste = log
            .pastes
            .last()
            .is_some_and(|&(start, end)| drawn > base + start && drawn < base + end);
        mid_paste += usize::from(paste_open || undrawn_paste);
        // Inside a save: its temporary file was there just before the kill, or is left.
        mid_save += usize::from(saving || new_temporary());
    }
    let left = save_temporaries(dir.path()).len();
    eprintln!(
        "kill -9 × {RUNS} in {:.1} s: {typed_total} characters typed, {drawn_new} of them drawn \
         before their kill; characters lost: {lost} of {drawn_new} ({in_flight} were still in \
         flight at a kill, {in_flight_kept} of those kept anyway); kills mid-paste: \
         {mid_paste}; kills mid-save: {mid_save} ({left} temporary files left beside the \
         answers); kills that tore the last frame: {torn_frames}; starts that recovered from \
         the journal: {recoveries} (torn tail skipped: {torn_journals}); starts whose answers \
         file lagged behind the screen: {late_files}",
        started.elapsed().as_secs_f64()
    );
    assert!(
        lost == 0,
        "{lost} characters that were on screen were lost:\n{}",
        losses.join("\n")
    );
    assert!(
        mid_paste > 0 && mid_save > 0,
        "the kills did not land mid-paste ({mid_paste}) and mid-save ({mid_save})"
    );
}

// ----- signals and panics --------------------------------------------------------------------

/// Types, sends `sig` with `kill`, and checks the exit code, the message, the terminal and
/// the answers file.
fn signal_saves(sig: &str, code: u32) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let mut w = start_and_type(dir.path(), data.path(), &[], "BaĐình");
    // Within 0.5 s of the edit no save has run yet: the answers come from the journal.
    let saved_before = dir.path().join(ANSWERS_FILE).exists();
    signal(w.pid(), sig).expect("kill");
    let status = w.wait_exit();
    let out = w.output();
    assert_eq!(
        (status.signal(), status.exit_code()),
        (None, code),
        "SIG{sig}: exit {status:?}\n{out}"
    );
    assert!(
        out.contains(SAVED_TO),
        "SIG{sig}: no {SAVED_TO:?} in:\n{out}"
    );
    w.assert_terminal_restored(&format!("SIG{sig}"));
    assert_eq!(
        stored(dir.path(), "ten_xa").as_deref(),
        Some("BaĐình"),
        "SIG{sig} (answers file before the signal: {saved_before})"
    );
}

#[test]
fn sigterm_saves_restores_the_terminal_and_exits_143() {
    signal_saves("TERM", 143);
}

#[test]
fn sigint_and_sigquit_save_and_exit_130_and_131() {
    signal_saves("INT", 130);
    signal_saves("QUIT", 131);
}

#[test]
fn ctrl_c_key_quits_and_saves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let mut w = start_and_type(dir.path(), data.path(), &[], "CtrlC");
    w.send(CTRL_C);
    let status = w.wait_exit();
    assert!(status.success(), "Ctrl+C: {status:?}\n{}", w.output());
    w.assert_terminal_restored("Ctrl+C");
    assert_eq!(stored(dir.path(), "ten_xa").as_deref(), Some("CtrlC"));
}

#[test]
fn closing_the_terminal_sends_sighup_which_saves_and_exits_129() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let mut w = start_and_type(dir.path(), data.path(), &[], "HangUp");
    w.hang_up();
    let status = w.wait_exit();
    let saved = stored(dir.path(), "ten_xa");
    let journal = read_bytes(&dir.path().join(JOURNAL_FILE)).map(|b| b.len());
    let what = format!(
        "exit {status:?}; answers file: {saved:?}; journal: {journal:?} bytes; files: {:?}",
        names_in(dir.path())
    );
    assert!(
        status.signal().is_none(),
        "the wizard did not end by its SIGHUP handler; it was ended by a signal: {what}"
    );
    assert_eq!(status.exit_code(), 129, "{what}");
    assert_eq!(saved.as_deref(), Some("HangUp"), "{what}");
}

#[test]
fn a_panic_saves_restores_the_terminal_and_exits_101() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let mut w = start_and_type(
        dir.path(),
        data.path(),
        &[("BAOCAO_TEST_PANIC", "1")],
        "PanicĐình",
    );
    w.send(F12);
    let status = w.wait_exit();
    let out = w.output();
    assert_eq!(
        (status.signal(), status.exit_code()),
        (None, 101),
        "panic: {status:?}\n{out}"
    );
    assert!(out.contains("baocao gặp lỗi nội bộ"), "{out}");
    assert!(out.contains(SAVED_TO), "{out}");
    let file = dir.path().join(ANSWERS_FILE);
    assert!(
        out.contains(ANSWERS_FILE),
        "the panic message does not say where the answers are ({}):\n{out}",
        file.display()
    );
    w.assert_terminal_restored("panic");
    assert_eq!(stored(dir.path(), "ten_xa").as_deref(), Some("PanicĐình"));
}

// ----- damaged files -------------------------------------------------------------------------

#[test]
fn a_torn_journal_record_is_skipped_and_the_whole_one_recovered() {
    let q = builtin();
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let answers_path = dir.path().join(ANSWERS_FILE);
    let mut answers = Answers::new();
    answers.set("ten_xa", AnswerValue::Text("An".into()));
    baocao::answers::save(&answers_path, &answers, &q).expect("the answers file is written");
    // The journal is newer than the answers file.
    std::thread::sleep(Duration::from_millis(20));
    let journal_path = dir.path().join(JOURNAL_FILE);
    let mut journal = Journal::open(&journal_path).expect("journal");
    journal
        .append("ten_xa", Entry::Value(&AnswerValue::Text("An Phú".into())))
        .expect("append");
    drop(journal);
    // A second record, cut in the middle of its text, as a kill inside write(2) leaves it.
    let scratch = dir.path().join("second.journal");
    let mut second = Journal::open(&scratch).expect("scratch journal");
    second
        .append("tinh", Entry::Value(&AnswerValue::Text("Đồng Tháp".into())))
        .expect("append");
    drop(second);
    let bytes = std::fs::read(&scratch).expect("the second record");
    std::fs::remove_file(&scratch).expect("remove scratch");
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&journal_path)
        .expect("journal opens");
    file.write_all(&bytes[..bytes.len() - 5])
        .expect("torn record");
    drop(file);

    let mut w = start(dir.path(), data.path(), &[]);
    let screen = w.wait_ready();
    assert!(
        screen.contains("Đã khôi phục 1 câu trả lời chưa kịp lưu"),
        "no recovery line:\n{screen}"
    );
    assert!(
        screen.contains("bị đứt giữa chừng nên bỏ qua"),
        "the torn tail is not mentioned:\n{screen}"
    );
    assert_eq!(w.answer_box().as_deref(), Some("An Phú"), "{screen}");
    w.send(CTRL_Q);
    let status = w.wait_exit();
    assert!(status.success(), "{status:?}\n{}", w.output());
    assert_eq!(stored(dir.path(), "ten_xa").as_deref(), Some("An Phú"));
    assert_eq!(
        stored(dir.path(), "tinh"),
        None,
        "the torn record was applied"
    );
    assert!(
        std::fs::metadata(&journal_path).map_or(true, |m| m.len() == 0),
        "the journal is left with {:?}",
        std::fs::read(&journal_path).ok().map(|b| b.len())
    );
}

/// A save copies the answers, the next key is journaled, and only then is the answers file
/// written: the journal is older than the answers file yet holds a change the file lacks.
/// (kill -9 right after such a save loses the change: seen in the kill -9 test.)
#[test]
fn a_journal_older_than_the_answers_file_is_replayed_when_the_file_lacks_its_change() {
    let q = builtin();
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let journal_path = dir.path().join(JOURNAL_FILE);
    let mut journal = Journal::open(&journal_path).expect("journal");
    for text in ["B", "Ba", "BaĐình"] {
        journal
            .append("ten_xa", Entry::Value(&AnswerValue::Text(text.into())))
            .expect("append");
    }
    drop(journal);
    std::thread::sleep(Duration::from_millis(20));
    // The save that copied the answers when they were "Ba" writes its file now.
    let mut answers = Answers::new();
    answers.set("ten_xa", AnswerValue::Text("Ba".into()));
    baocao::answers::save(&dir.path().join(ANSWERS_FILE), &answers, &q).expect("save");

    let mut w = start(dir.path(), data.path(), &[]);
    let screen = w.wait_ready();
    let shown = w.answer_box();
    w.send(CTRL_Q);
    assert!(w.wait_exit().success(), "{}", w.output());
    assert_eq!(
        stored(dir.path(), "ten_xa").as_deref(),
        Some("BaĐình"),
        "the journal's last change was dropped because the journal is older than the \
         answers file (the box showed {shown:?}):\n{screen}"
    );
}

#[test]
fn a_corrupt_answers_file_is_kept_aside_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let answers_path = dir.path().join(ANSWERS_FILE);
    let corrupt = |dir: &Path| -> Vec<String> {
        names_in(dir)
            .into_iter()
            .filter(|n| n.starts_with(&format!("{ANSWERS_FILE}.corrupt-")))
            .collect()
    };
    let first_bytes = b"answers: [unclosed\n".to_vec();
    std::fs::write(&answers_path, &first_bytes).expect("write");
    let mut w = start(dir.path(), data.path(), &[]);
    let screen = w.wait_ready();
    assert!(
        screen.contains("bị hỏng nên không đọc được"),
        "no message about the damaged file:\n{screen}"
    );
    let kept = corrupt(dir.path());
    assert_eq!(kept.len(), 1, "{:?}", names_in(dir.path()));
    let first = dir.path().join(&kept[0]);
    assert_eq!(read_bytes(&first).as_deref(), Some(&first_bytes[..]));
    // The message names the copy (the status bar may cut it; the name's start is enough).
    assert!(screen.contains(".corrupt-"), "{screen}");
    w.send("Mới".as_bytes());
    w.wait_until("the typing", |_| w.answer_box().as_deref() == Some("Mới"));
    w.send(CTRL_Q);
    assert!(w.wait_exit().success(), "{}", w.output());
    assert_eq!(stored(dir.path(), "ten_xa").as_deref(), Some("Mới"));

    // Damaged again, within the same second: a second copy, the first one untouched.
    let second_bytes = b"answers: {broken\n".to_vec();
    std::fs::write(&answers_path, &second_bytes).expect("write");
    let mut w = start(dir.path(), data.path(), &[]);
    w.wait_for("bị hỏng nên không đọc được");
    w.send(CTRL_Q);
    assert!(w.wait_exit().success(), "{}", w.output());
    let kept = corrupt(dir.path());
    assert_eq!(kept.len(), 2, "{:?}", names_in(dir.path()));
    assert_eq!(
        read_bytes(&first).as_deref(),
        Some(&first_bytes[..]),
        "the first copy was overwritten"
    );
    let other = kept
        .iter()
        .map(|n| dir.path().join(n))
        .find(|p| *p != first)
        .expect("the second copy");
    assert_eq!(read_bytes(&other).as_deref(), Some(&second_bytes[..]));
}

// ----- one writer ----------------------------------------------------------------------------

#[test]
fn a_second_instance_names_the_first_and_only_views() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let mut first = start_and_type(dir.path(), data.path(), &[], "BaĐình");
    first.wait_until("the first instance to save", |s| {
        s.lines().next().is_some_and(|l| l.contains("Đã lưu"))
    });
    let answers_path = dir.path().join(ANSWERS_FILE);
    let journal_path = dir.path().join(JOURNAL_FILE);
    let lock_path = dir.path().join(LOCK_FILE);
    let files = || {
        (
            read_bytes(&answers_path),
            read_bytes(&journal_path),
            read_bytes(&lock_path),
        )
    };
    let before = files();
    let pid = first.pid().to_string();

    // "k": not opened.
    let mut second = start(dir.path(), data.path(), &[]);
    let out = second.wait_output("Mở để xem, không sửa? [c/K]");
    assert!(
        out.contains(&format!("(PID {pid}, từ ")),
        "the message does not name PID {pid}:\n{out}"
    );
    assert!(out.contains("đang được một phiên baocao khác sửa"), "{out}");
    second.send(b"k\r");
    let status = second.wait_exit();
    assert_eq!(status.exit_code(), 3, "{status:?}\n{}", second.output());
    assert!(second.output().contains("Không mở tệp câu trả lời."));
    assert!(files() == before, "the refused instance changed the files");

    // "c": read-only.
    let mut viewer = start(dir.path(), data.path(), &[]);
    viewer.wait_output("Mở để xem, không sửa? [c/K]");
    viewer.send(b"c\r");
    viewer.wait_for("CHỈ XEM");
    // The title bar arrives before the rest of the frame: wait for the key bar, drawn last.
    viewer.wait_ready();
    assert_eq!(viewer.answer_box().as_deref(), Some("BaĐình"));
    viewer.send(b"zzz");
    viewer.wait_for(READ_ONLY_REFUSED);
    assert_eq!(
        viewer.answer_box().as_deref(),
        Some("BaĐình"),
        "the viewer's answer box took the typing"
    );
    // Past the save delay: still nothing written.
    std::thread::sleep(Duration::from_millis(700));
    assert!(files() == before, "the read-only viewer changed the files");
    viewer.send(CTRL_Q);
    let status = viewer.wait_exit();
    assert!(status.success(), "{status:?}\n{}", viewer.output());
    assert!(
        files() == before,
        "quitting the read-only viewer changed the files (the first instance's lock: {:?})",
        read_bytes(&lock_path).map(|b| String::from_utf8_lossy(&b).into_owned())
    );

    // The first instance still works and saves its own typing.
    first.send("Mới".as_bytes());
    first.wait_until("the first instance's typing", |_| {
        first.answer_box().as_deref() == Some("BaĐìnhMới")
    });
    first.send(CTRL_Q);
    assert!(first.wait_exit().success(), "{}", first.output());
    assert_eq!(stored(dir.path(), "ten_xa").as_deref(), Some("BaĐìnhMới"));
}

#[test]
fn a_stale_lock_is_taken_over_without_asking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let lock_path = dir.path().join(LOCK_FILE);
    std::fs::write(&lock_path, "4194000\n10:00:00 01/01/2020\n").expect("write the lock");
    let mut w = start(dir.path(), data.path(), &[]);
    w.wait_ready();
    assert!(
        !w.output().contains("Mở để xem"),
        "a stale lock made it ask:\n{}",
        w.output()
    );
    let lock = std::fs::read_to_string(&lock_path).expect("the lock file");
    assert_eq!(
        lock.lines().next(),
        Some(w.pid().to_string().as_str()),
        "the lock names {lock:?}"
    );
    w.send(b"Lock");
    w.wait_until("the typing", |_| w.answer_box().as_deref() == Some("Lock"));
    w.send(CTRL_Q);
    assert!(w.wait_exit().success(), "{}", w.output());
    assert_eq!(stored(dir.path(), "ten_xa").as_deref(), Some("Lock"));
    assert!(!lock_path.exists(), "the lock is left after quitting");
}

#[test]
fn a_lock_left_by_kill_9_is_taken_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let mut w = start_and_type(dir.path(), data.path(), &[], "Killed");
    let old = w.pid();
    signal(old, "KILL").expect("kill -9");
    w.wait_exit();
    let lock_path = dir.path().join(LOCK_FILE);
    assert!(lock_path.exists(), "kill -9 leaves the lock file behind");
    let mut w = start(dir.path(), data.path(), &[]);
    w.wait_ready();
    assert!(!w.output().contains("Mở để xem"), "{}", w.output());
    let lock = std::fs::read_to_string(&lock_path).expect("the lock file");
    assert_eq!(lock.lines().next(), Some(w.pid().to_string().as_str()));
    assert_eq!(w.answer_box().as_deref(), Some("Killed"));
    w.send(CTRL_Q);
    assert!(w.wait_exit().success());
}

// ----- folders and disks that say no (root: tmpfs) --------------------------------------------

#[test]
fn a_read_only_folder_keeps_the_journal_in_the_data_folder() {
    if !can_mount("a_read_only_folder_keeps_the_journal_in_the_data_folder") {
        return;
    }
    let q = builtin();
    let base = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let dir = base.path().join("ro");
    std::fs::create_dir(&dir).expect("mount point");
    let mount = Mount::tmpfs(&dir, "1m");
    let mut answers = Answers::new();
    answers.set("ten_xa", AnswerValue::Text("An".into()));
    baocao::answers::save(&dir.join(ANSWERS_FILE), &answers, &q).expect("the answers file");
    let original = read_bytes(&dir.join(ANSWERS_FILE));
    mount.read_only();
    let sessions = data.path().join("baocao").join("sessions");

    let mut w = start(&dir, data.path(), &[]);
    let screen = w.wait_ready();
    assert!(
        screen.contains("Thư mục của tệp câu trả lời không ghi được"),
        "no word about the folder:\n{screen}"
    );
    assert_eq!(w.answer_box().as_deref(), Some("An"), "{screen}");
    w.send("BaĐình".as_bytes());
    w.wait_until("the typing", |_| {
        w.answer_box().as_deref() == Some("AnBaĐình")
    });
    // The journal in the data folder has the text the moment it is drawn.
    let journals: Vec<PathBuf> = names_in(&sessions)
        .into_iter()
        .filter(|n| n.ends_with(".journal"))
        .map(|n| sessions.join(n))
        .collect();
    assert_eq!(journals.len(), 1, "{:?}", names_in(&sessions));
    let journal =
        String::from_utf8_lossy(&read_bytes(&journals[0]).unwrap_or_default()).into_owned();
    assert!(journal.contains("AnBaĐình"), "journal: {journal:?}");
    // The save fails and says which file.
    let screen = w.wait_for("Chưa lưu được");
    assert!(
        screen.contains(&format!("không ghi được {ANSWERS_FILE}")),
        "the save error does not name the file:\n{screen}"
    );

    // kill -9 in the read-only folder: the next start finds the journal in the data folder.
    signal(w.pid(), "KILL").expect("kill -9");
    w.wait_exit();
    let mut w = start(&dir, data.path(), &[]);
    let screen = w.wait_ready();
    assert!(
        screen.contains("Đã khôi phục"),
        "the journal in the data folder was not recovered:\n{screen}"
    );
    assert_eq!(w.answer_box().as_deref(), Some("AnBaĐình"), "{screen}");
    w.wait_for("Chưa lưu được");
    // Quitting twice writes a recovery copy (the one the next start finds) and names it.
    w.send(CTRL_Q);
    w.wait_for("Ctrl+Q lần nữa");
    w.send(CTRL_Q);
    let status = w.wait_exit();
    assert_eq!(status.exit_code(), 6, "{status:?}\n{}", w.output());
    let folder = data.path().join("baocao/sessions");
    let copies: Vec<PathBuf> = names_in(&folder)
        .into_iter()
        .filter(|n| n.ends_with(".answers.yaml"))
        .map(|n| folder.join(n))
        .collect();
    assert_eq!(copies.len(), 1, "{:?}", names_in(&folder));
    let copy = std::fs::read_to_string(&copies[0]).expect("the copy");
    assert!(copy.contains("ten_xa: AnBaĐình"), "{copy}");
    let name = copies[0]
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(w.output().contains(&name), "{}", w.output());
    assert_eq!(
        read_bytes(&dir.join(ANSWERS_FILE)),
        original,
        "the file in the read-only folder changed"
    );
    drop(mount);
}

#[test]
fn a_full_disk_keeps_the_answers_in_memory_until_there_is_room() {
    if !can_mount("a_full_disk_keeps_the_answers_in_memory_until_there_is_room") {
        return;
    }
    let base = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let dir = base.path().join("full");
    std::fs::create_dir(&dir).expect("mount point");
    let mount = Mount::tmpfs(&dir, "64k");
    let mut w = start_and_type(&dir, data.path(), &[], "Đầy");
    w.wait_until("the first save", |s| {
        s.lines().next().is_some_and(|l| l.contains("Đã lưu"))
    });
    // Fill the disk to the last byte.
    let filler = dir.join("filler");
    {
        let mut f = std::fs::File::create(&filler).expect("filler");
        let block = [0x55u8; 4096];
        while f.write_all(&block).is_ok() {}
        while f.write_all(&[0x55]).is_ok() {}
    }
    let text = "ĐầyMàVẫnGõ";
    w.send("MàVẫnGõ".as_bytes());
    w.wait_until("the typing", |_| w.answer_box().as_deref() == Some(text));
    let screen = w.wait_for("Chưa lưu được");
    assert!(
        screen.contains(&format!("không ghi được {ANSWERS_FILE}")),
        "the save error does not name the file:\n{screen}"
    );
    assert_eq!(w.answer_box().as_deref(), Some(text), "the text is kept");
    assert_eq!(
        stored(&dir, "ten_xa").as_deref(),
        Some("Đầy"),
        "the old answers file is intact"
    );
    // Room again: the next save writes everything.
    std::fs::remove_file(&filler).expect("remove the filler");
    w.send(CTRL_S);
    w.wait_until("a save after the room came back", |s| {
        s.lines().next().is_some_and(|l| l.contains("Đã lưu"))
    });
    assert_eq!(stored(&dir, "ten_xa").as_deref(), Some(text));
    assert!(
        names_in(&data.path().join("baocao/sessions"))
            .iter()
            .all(|n| !n.ends_with(".answers.yaml")),
        "the copy in the data folder outlived the save that has its content: {:?}",
        names_in(&data.path().join("baocao/sessions"))
    );
    w.send(CTRL_Q);
    let status = w.wait_exit();
    assert!(status.success(), "{status:?}\n{}", w.output());
    assert_eq!(stored(&dir, "ten_xa").as_deref(), Some(text));
    assert_eq!(
        names_in(&dir),
        vec![ANSWERS_FILE.to_owned()],
        "files left behind on the full disk"
    );
    drop(mount);
}

// ----- a read-only viewer writes nothing; a full disk's copy comes back ----------------------

/// The questionnaire of issue 12's reproduction: one text question `p`, printed as is.
const ONE_QUESTION: &str = r#"format: 1
id: mot-cau
version: 1
title: Một câu
document:
  issuer: ["ỦY BAN NHÂN DÂN", "XÃ AN PHÚ"]
sections:
  - heading: Phần một
    questions:
      - id: p
        ask: Nội dung
        kind: text
    text: "{{ p }}"
"#;
const ONE_QUESTION_ANSWERS: &str = "p.answers.yaml";

/// Starts the wizard on [`ONE_QUESTION`] (written into `dir`) and `p.answers.yaml`.
fn start_one(dir: &Path, data: &Path) -> Pty {
    start_one_with(dir, data, &[])
}

fn start_one_with(dir: &Path, data: &Path, env: &[(&str, &str)]) -> Pty {
    let q = dir.join("q.yaml");
    if !q.exists() {
        std::fs::write(&q, ONE_QUESTION).expect("questionnaire");
    }
    let mut cmd = pty::command(dir);
    cmd.args(["run", "q.yaml", "--answers", ONE_QUESTION_ANSWERS]);
    cmd.env("XDG_DATA_HOME", data);
    cmd.env_remove("BAOCAO_TEST_PANIC");
    for (key, value) in env {
        cmd.env(key, value);
    }
    Pty::spawn(cmd)
}

/// The answer `p` as stored in `dir`'s answers file.
fn stored_p(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(ONE_QUESTION_ANSWERS)).ok()?;
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).ok()?;
    yaml["answers"]["p"].as_str().map(str::to_owned)
}

fn wait_saved(w: &Pty, what: &str) {
    w.wait_until(what, |s| {
        s.lines().next().is_some_and(|l| l.contains("Đã lưu"))
    });
}

/// Issue 12: A types and saves; B opens read-only and presses Ctrl+S; A types more and
/// saves, then types one more letter that only its journal holds yet (A is stopped there, so
/// no save races the check); B ends (Ctrl+Q, or SIGTERM), then A goes on and quits. B must
/// have written nothing — not its stale copy, not A's journal folded — and A's file must
/// hold all of A's text, with no copy of B's kept anywhere. Returns what B printed.
fn a_read_only_viewer_ends_without_writing(
    viewer_env: &[(&str, &str)],
    end_viewer: impl FnOnce(&mut Pty),
) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let a = start_one(dir.path(), data.path());
    a.wait_ready();
    a.send(b"fromA");
    a.wait_until("A's typing", |_| a.answer_box().as_deref() == Some("fromA"));
    a.send(CTRL_S);
    wait_saved(&a, "A's first save");
    assert_eq!(stored_p(dir.path()).as_deref(), Some("fromA"));

    let mut b = start_one_with(dir.path(), data.path(), viewer_env);
    b.wait_output("Mở để xem, không sửa? [c/K]");
    b.send(b"c\r");
    b.wait_for("CHỈ XEM");
    b.wait_ready();
    b.send(CTRL_S);
    // Ctrl+S in a read-only session says so, and writes nothing.
    b.wait_for(READ_ONLY_REFUSED);

    let mut a = a;
    a.send(b"_later");
    a.wait_until("A's later typing", |_| {
        a.answer_box().as_deref() == Some("fromA_later")
    });
    a.send(CTRL_S);
    a.wait_until("A's second save", |_| {
        stored_p(dir.path()).as_deref() == Some("fromA_later")
    });
    wait_saved(&a, "A's second save drawn");
    a.send(b"X");
    a.wait_until("A's unsaved letter", |_| {
        a.answer_box().as_deref() == Some("fromA_laterX")
    });
    signal(a.pid(), "STOP").expect("kill -STOP");
    let file = dir.path().join(ONE_QUESTION_ANSWERS);
    let before = read_bytes(&file);

    end_viewer(&mut b);
    assert_eq!(
        stored_p(dir.path()).as_deref(),
        Some("fromA_later"),
        "the read-only viewer wrote over A's file"
    );
    assert!(
        read_bytes(&file) == before,
        "the read-only viewer wrote the answers file"
    );
    signal(a.pid(), "CONT").expect("kill -CONT");
    a.send(CTRL_Q);
    let status = a.wait_exit();
    assert!(status.success(), "{status:?}\n{}", a.output());
    assert_eq!(stored_p(dir.path()).as_deref(), Some("fromA_laterX"));
    let left: Vec<String> = names_in(dir.path())
        .into_iter()
        .filter(|n| n.contains("external") || n.contains("recovery"))
        .collect();
    assert!(left.is_empty(), "copies left beside the file: {left:?}");
    assert!(
        names_in(&data.path().join("baocao/sessions")).is_empty(),
        "the viewer wrote into the data folder: {:?}",
        names_in(&data.path().join("baocao/sessions"))
    );
    b.output()
}

#[test]
fn a_read_only_viewer_quitting_never_writes_over_the_editor() {
    let said = a_read_only_viewer_ends_without_writing(&[], |b| {
        b.send(CTRL_Q);
        let status = b.wait_exit();
        assert!(status.success(), "{status:?}\n{}", b.output());
    });
    assert!(
        said.contains("chỉ xem: không ghi gì"),
        "the viewer does not say it wrote nothing:\n{said}"
    );
}

#[test]
fn a_read_only_viewer_ended_by_sigterm_never_writes_and_exits_143() {
    let said = a_read_only_viewer_ends_without_writing(&[], |b| {
        signal(b.pid(), "TERM").expect("kill -TERM");
        let status = b.wait_exit();
        assert_eq!(status.exit_code(), 143, "{status:?}\n{}", b.output());
        b.assert_terminal_restored("a read-only viewer after SIGTERM");
    });
    assert!(
        said.contains("Phiên chỉ xem đã đóng; không ghi gì"),
        "the viewer does not say it wrote nothing:\n{said}"
    );
}

/// Issue 12: while the answers file's disk is full, the answers are kept in a copy in the
/// data folder; after `kill -9` and room again, reopening the same file brings them back,
/// says so, writes them into the file and removes the copy.
#[test]
fn a_full_disk_then_kill_9_then_a_restart_brings_the_copy_back() {
    if !can_mount("a_full_disk_then_kill_9_then_a_restart_brings_the_copy_back") {
        return;
    }
    full_disk_kill_9_restart(false);
}

/// The same when the user's data folder is on the full disk too (a home folder holding both):
/// the copy goes to the temporary folder, and the restart finds it there.
#[test]
fn a_full_disk_holding_the_data_folder_too_keeps_the_copy_in_the_temporary_folder() {
    if !can_mount("a_full_disk_holding_the_data_folder_too_keeps_the_copy_in_the_temporary_folder")
    {
        return;
    }
    full_disk_kill_9_restart(true);
}

fn full_disk_kill_9_restart(data_on_the_full_disk: bool) {
    let base = tempfile::tempdir().expect("temp dir");
    let other_data = tempfile::tempdir().expect("data dir");
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = base.path().join("full");
    std::fs::create_dir(&dir).expect("mount point");
    let mount = Mount::tmpfs(&dir, "64k");
    let data = if data_on_the_full_disk {
        let data = dir.join("data");
        std::fs::create_dir(&data).expect("data folder on the full disk");
        data
    } else {
        other_data.path().to_owned()
    };
    let tmp_s = tmp.path().to_str().expect("UTF-8");
    let env = [("TMPDIR", tmp_s)];
    let mut w = start_one_with(&dir, &data, &env);
    w.wait_ready();
    w.send(b"before");
    w.wait_until("the typing", |_| {
        w.answer_box().as_deref() == Some("before")
    });
    w.send(CTRL_S);
    wait_saved(&w, "the first save");
    // One more letter, in the journal only: the wizard is stopped before its save is due, and
    // the disk filled meanwhile. The journal now holds an older answer than what follows.
    w.send(b"x");
    w.wait_until("the letter", |_| {
        w.answer_box().as_deref() == Some("beforex")
    });
    signal(w.pid(), "STOP").expect("kill -STOP");
    let filler = dir.join("filler");
    {
        let mut f = std::fs::File::create(&filler).expect("filler");
        let block = [0x55u8; 4096];
        while f.write_all(&block).is_ok() {}
        while f.write_all(&[0x55]).is_ok() {}
    }
    signal(w.pid(), "CONT").expect("kill -CONT");
    w.wait_for("Chưa lưu được");
    // Longer than a page, so that the journal beside the file cannot take it either.
    let more: String = "ĐầyMàVẫnGõ".repeat(400);
    let text = format!("beforex{more}");
    w.paste(&more);
    w.wait_until("the pasted text", |_| {
        w.answer_box().is_some_and(|b| b.ends_with("ĐầyMàVẫnGõ"))
    });
    w.send(CTRL_S);
    w.wait_for("Chưa lưu được");
    let folders = [
        data.join("baocao/sessions"),
        tmp.path().join("baocao/sessions"),
    ];
    let copies = || -> Vec<PathBuf> {
        folders
            .iter()
            .flat_map(|f| {
                names_in(f)
                    .into_iter()
                    .filter(|n| n.ends_with(".answers.yaml"))
                    .map(|n| f.join(n))
            })
            .collect()
    };
    w.wait_until("the copy in a data folder", |_| {
        copies()
            .iter()
            .any(|c| std::fs::read_to_string(c).is_ok_and(|t| t.contains(&text)))
    });
    if data_on_the_full_disk {
        assert!(
            copies().iter().all(|c| c.starts_with(tmp.path())),
            "{:?}",
            copies()
        );
    }
    assert_eq!(stored_p(&dir).as_deref(), Some("before"));
    signal(w.pid(), "KILL").expect("kill -9");
    let _ = w.wait_exit();
    std::fs::remove_file(&filler).expect("remove the filler");

    let mut again = start_one_with(&dir, &data, &env);
    let screen = again.wait_for("Đã khôi phục");
    again.wait_until("the recovered save", |_| {
        stored_p(&dir).as_deref() == Some(text.as_str())
    });
    again.send(CTRL_Q);
    let status = again.wait_exit();
    assert!(status.success(), "{status:?}\n{}", again.output());
    assert_eq!(
        stored_p(&dir).as_deref(),
        Some(text.as_str()),
        "after the restart:\n{screen}"
    );
    assert!(
        copies().is_empty(),
        "a copy is left after its content reached the file: {:?}",
        copies()
    );
    drop(mount);
}

#[test]
fn a_read_only_viewer_that_panics_never_writes_and_exits_101() {
    let said = a_read_only_viewer_ends_without_writing(&[("BAOCAO_TEST_PANIC", "1")], |b| {
        b.send(F12);
        let status = b.wait_exit();
        assert_eq!(status.exit_code(), 101, "{status:?}\n{}", b.output());
        b.assert_terminal_restored("a read-only viewer after a panic");
    });
    assert!(
        said.contains("Phiên chỉ xem đã đóng; không ghi gì"),
        "the viewer does not say it wrote nothing:\n{said}"
    );
}

#[test]
fn a_read_only_viewer_whose_terminal_closes_never_writes() {
    a_read_only_viewer_ends_without_writing(&[], |b| {
        b.hang_up();
        let status = b.wait_exit();
        assert!(
            status.signal().is_none(),
            "not ended by its handler: {status:?}"
        );
        assert_eq!(status.exit_code(), 129, "{status:?}");
    });
}

impl Mount {
    fn read_write(&self) {
        run_ok("mount", &["-o", "remount,rw"], &self.0);
    }
}

/// Starts [`ONE_QUESTION`] in `dir` and quits at once; `p` has been typed (and saved).
fn one_question_holding(dir: &Path, data: &Path, env: &[(&str, &str)], text: &str) {
    let mut w = start_one_with(dir, data, env);
    w.wait_ready();
    w.send(text.as_bytes());
    w.wait_until("the typing", |_| w.answer_box().as_deref() == Some(text));
    w.send(CTRL_Q);
    let status = w.wait_exit();
    assert!(status.success(), "{status:?}\n{}", w.output());
    assert_eq!(stored_p(dir).as_deref(), Some(text));
}

/// Quits a session whose save fails: Ctrl+Q, and Ctrl+Q again when asked.
fn quit_anyway(w: &mut Pty) {
    w.send(CTRL_Q);
    let start = std::time::Instant::now();
    loop {
        let (contents, closed) = w.with_screen(|s| (s.parser.screen().contents(), s.closed));
        if closed {
            break;
        }
        if contents.contains("Ctrl+Q lần nữa") {
            w.send(CTRL_Q);
            break;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "{contents}"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = w.wait_exit();
}

/// Types `more` after what the box holds (`before`), waiting until it is drawn.
fn type_more(w: &Pty, before: &str, more: &str) {
    w.send(END);
    w.send(more.as_bytes());
    let want = format!("{before}{more}");
    w.wait_until("the typing", |_| {
        w.answer_box().as_deref() == Some(want.as_str())
    });
}

/// Issue 12, review: a journal left in the data folder by a session on a read-only disk is
/// retired by the later session that saved what it held: the start after that must neither
/// put the old answer back nor say "Đã khôi phục" (before the fix it did, on every start).
#[test]
fn an_old_journal_in_the_data_folder_never_comes_back_over_a_later_save() {
    if !can_mount("an_old_journal_in_the_data_folder_never_comes_back_over_a_later_save") {
        return;
    }
    let base = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let tmp = tempfile::tempdir().expect("temporary folder");
    let env = [("TMPDIR", tmp.path().to_str().expect("UTF-8"))];
    let dir = base.path().join("disk");
    std::fs::create_dir(&dir).expect("mount point");
    let mount = Mount::tmpfs(&dir, "1m");
    one_question_holding(&dir, data.path(), &env, "v0");
    mount.read_only();

    // S1 on the read-only disk: the save fails, quitting twice keeps a copy.
    let mut w = start_one_with(&dir, data.path(), &env);
    w.wait_ready();
    type_more(&w, "v0", "_q");
    quit_anyway(&mut w);
    mount.read_write();

    // S2 brings `v0_q` back, types more and quits: the file holds it all.
    let mut w = start_one_with(&dir, data.path(), &env);
    w.wait_for("Đã khôi phục");
    w.wait_until("the recovered text", |_| {
        w.answer_box().as_deref() == Some("v0_q")
    });
    type_more(&w, "v0_q", "_NEWER");
    w.send(CTRL_Q);
    let status = w.wait_exit();
    assert!(status.success(), "{status:?}\n{}", w.output());
    assert_eq!(stored_p(&dir).as_deref(), Some("v0_q_NEWER"));

    // S3 (and every start after it) finds nothing to bring back.
    for _ in 0..2 {
        let mut w = start_one_with(&dir, data.path(), &env);
        let screen = w.wait_ready();
        assert!(!screen.contains("Đã khôi phục"), "{screen}");
        assert_eq!(w.answer_box().as_deref(), Some("v0_q_NEWER"), "{screen}");
        w.send(CTRL_Q);
        let status = w.wait_exit();
        assert!(status.success(), "{status:?}\n{}", w.output());
        assert_eq!(stored_p(&dir).as_deref(), Some("v0_q_NEWER"));
    }
    drop(mount);
}

/// Issue 12, review: the copy variant. S1 is killed with `_v1` in the journal beside the
/// file; on the read-only disk S2 recovers it, types `_v2` and quits into a copy (it cannot
/// remove the old journal there, so it keeps its own whole); on the writable disk S3 must
/// bring back `v0_v1_v2` (before the fix the old journal was replayed over the copy: `v0_v1`).
#[test]
fn a_journal_older_than_the_copy_is_never_replayed_over_it() {
    if !can_mount("a_journal_older_than_the_copy_is_never_replayed_over_it") {
        return;
    }
    let base = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("data dir");
    let tmp = tempfile::tempdir().expect("temporary folder");
    let env = [("TMPDIR", tmp.path().to_str().expect("UTF-8"))];
    let dir = base.path().join("disk");
    std::fs::create_dir(&dir).expect("mount point");
    let mount = Mount::tmpfs(&dir, "1m");
    one_question_holding(&dir, data.path(), &env, "v0");

    let mut w = start_one_with(&dir, data.path(), &env);
    w.wait_ready();
    type_more(&w, "v0", "_v1");
    signal(w.pid(), "KILL").expect("kill -9");
    let _ = w.wait_exit();
    mount.read_only();

    let mut w = start_one_with(&dir, data.path(), &env);
    w.wait_for("Đã khôi phục");
    w.wait_until("the recovered text", |_| {
        w.answer_box().as_deref() == Some("v0_v1")
    });
    type_more(&w, "v0_v1", "_v2");
    // The save that follows fails and keeps a copy; the fold that follows it empties the
    // journal it appends to (the main loop takes the result within its 250 ms poll).
    let sessions = data.path().join("baocao/sessions");
    w.wait_until("the copy holding v0_v1_v2", |_| {
        names_in(&sessions).iter().any(|n| {
            n.ends_with(".answers.yaml")
                && std::fs::read_to_string(sessions.join(n)).is_ok_and(|t| t.contains("v0_v1_v2"))
        })
    });
    std::thread::sleep(Duration::from_millis(600));
    quit_anyway(&mut w);
    mount.read_write();

    let mut w = start_one_with(&dir, data.path(), &env);
    w.wait_for("Đã khôi phục");
    w.wait_until("the file holds the copy's text", |_| {
        stored_p(&dir).as_deref() == Some("v0_v1_v2")
    });
    assert_eq!(w.answer_box().as_deref(), Some("v0_v1_v2"));
    w.send(CTRL_Q);
    let status = w.wait_exit();
    assert!(status.success(), "{status:?}\n{}", w.output());
    assert_eq!(stored_p(&dir).as_deref(), Some("v0_v1_v2"));
    let mut w = start_one_with(&dir, data.path(), &env);
    let screen = w.wait_ready();
    assert!(!screen.contains("Đã khôi phục"), "{screen}");
    assert_eq!(w.answer_box().as_deref(), Some("v0_v1_v2"), "{screen}");
    w.send(CTRL_Q);
    let _ = w.wait_exit();
    drop(mount);
}

/// Fills the file system of `dir` (the wizard is stopped meanwhile, so no save races it).
fn fill_disk(dir: &Path, pid: u32) -> PathBuf {
    signal(pid, "STOP").expect("kill -STOP");
    let filler = dir.join("filler");
    {
        let mut f = std::fs::File::create(&filler).expect("filler");
        let block = [0x55u8; 4096];
        while f.write_all(&block).is_ok() {}
        while f.write_all(&[0x55]).is_ok() {}
    }
    signal(pid, "CONT").expect("kill -CONT");
    filler
}

/// Issue 12, review: on a disk so full that neither the answers file nor the journal beside
/// it nor the data folder (on the same disk) takes a record, what is drawn goes to a journal
/// in the temporary folder, so `kill -9` a moment later loses nothing, and the next start
/// brings it back. Before the fix the record had nowhere to go and the text was lost.
#[test]
fn a_full_disk_moves_the_journal_to_the_temporary_folder_and_kill_9_loses_nothing() {
    if !can_mount("a_full_disk_moves_the_journal_to_the_temporary_folder_and_kill_9_loses_nothing")
    {
        return;
    }
    let base = tempfile::tempdir().expect("temp dir");
    let tmp = tempfile::tempdir().expect("temporary folder");
    let env = [("TMPDIR", tmp.path().to_str().expect("UTF-8"))];
    let dir = base.path().join("full");
    std::fs::create_dir(&dir).expect("mount point");
    let mount = Mount::tmpfs(&dir, "64k");
    let data = dir.join("data");
    std::fs::create_dir(&data).expect("data folder on the full disk");
    one_question_holding(&dir, &data, &env, "before");

    let mut w = start_one_with(&dir, &data, &env);
    w.wait_ready();
    let filler = fill_disk(&dir, w.pid());
    let more: String = "ĐầyMàVẫnGõ".repeat(400);
    w.send(END);
    w.paste(&more);
    let screen = w.wait_until("the pasted text", |_| {
        w.answer_box().is_some_and(|b| b.ends_with("ĐầyMàVẫnGõ"))
    });
    // Drawn, so in a journal already: the one in the temporary folder.
    let moved = tmp.path().join("baocao/sessions");
    let journals: Vec<String> = names_in(&moved)
        .into_iter()
        .filter(|n| n.ends_with(".journal"))
        .map(|n| {
            String::from_utf8_lossy(&read_bytes(&moved.join(n)).unwrap_or_default()).into_owned()
        })
        .collect();
    assert!(
        journals.iter().any(|j| j.contains(&more)),
        "{:?} {}\n{screen}",
        names_in(&moved),
        String::from_utf8_lossy(
            &std::process::Command::new("ls")
                .args(["-laR"])
                .arg(&dir)
                .output()
                .expect("ls")
                .stdout
        )
    );
    signal(w.pid(), "KILL").expect("kill -9");
    let _ = w.wait_exit();
    assert_eq!(stored_p(&dir).as_deref(), Some("before"));
    std::fs::remove_file(&filler).expect("remove the filler");

    let text = format!("before{more}");
    let mut w = start_one_with(&dir, &data, &env);
    w.wait_for("Đã khôi phục");
    w.wait_until("the recovered save", |_| {
        stored_p(&dir).as_deref() == Some(text.as_str())
    });
    w.send(CTRL_Q);
    let status = w.wait_exit();
    assert!(status.success(), "{status:?}\n{}", w.output());
    assert_eq!(stored_p(&dir).as_deref(), Some(text.as_str()));
    drop(mount);
}

/// Issue 12, review: on a full disk the lock file cannot hold the holder's PID, but the lock
/// is held all the same: a second window is told (PID "?") and may only look. Before the fix
/// the first session dropped its lock and the second became a writer too.
#[test]
fn on_a_full_disk_the_lock_still_keeps_a_second_writer_out() {
    if !can_mount("on_a_full_disk_the_lock_still_keeps_a_second_writer_out") {
        return;
    }
    let base = tempfile::tempdir().expect("temp dir");
    let tmp = tempfile::tempdir().expect("temporary folder");
    let env = [("TMPDIR", tmp.path().to_str().expect("UTF-8"))];
    let dir = base.path().join("full");
    std::fs::create_dir(&dir).expect("mount point");
    let mount = Mount::tmpfs(&dir, "64k");
    let data = dir.join("data");
    std::fs::create_dir(&data).expect("data folder on the full disk");
    std::fs::write(dir.join("q.yaml"), ONE_QUESTION).expect("questionnaire");
    let filler = dir.join("filler");
    {
        let mut f = std::fs::File::create(&filler).expect("filler");
        while f.write_all(&[0x55u8; 4096]).is_ok() {}
        while f.write_all(&[0x55]).is_ok() {}
    }
    // The temporary folder is full too (its lock file cannot hold a PID either).
    let tmp_mount = Mount::tmpfs(tmp.path(), "64k");
    let tmp_filler = tmp.path().join("filler");
    {
        let mut f = std::fs::File::create(&tmp_filler).expect("filler");
        while f.write_all(&[0x55u8; 4096]).is_ok() {}
        while f.write_all(&[0x55]).is_ok() {}
    }
    let mut a = start_one_with(&dir, &data, &env);
    a.wait_ready();
    let mut b = start_one_with(&dir, &data, &env);
    let out = b.wait_output("Mở để xem, không sửa? [c/K]");
    assert!(out.contains("PID ?"), "{out}");
    b.send(b"k\r");
    let _ = b.wait_exit();
    a.send(CTRL_Q);
    let _ = a.wait_exit();
    drop(tmp_mount);
    drop(mount);
}

/// Issue 12, review: when no folder takes a lock file (the answers file's folder, the data
/// folder and the temporary folder all read-only), the session says so and offers only to
/// look: without a lock it could not keep a second window from writing too. Before the fix
/// it became a writer without a lock.
#[test]
fn without_a_lock_anywhere_the_session_only_offers_to_look() {
    if !can_mount("without_a_lock_anywhere_the_session_only_offers_to_look") {
        return;
    }
    let base = tempfile::tempdir().expect("temp dir");
    let dir = base.path().join("ro");
    std::fs::create_dir(&dir).expect("mount point");
    let mount = Mount::tmpfs(&dir, "1m");
    for sub in ["data", "tmp"] {
        std::fs::create_dir(dir.join(sub)).expect("folder");
    }
    std::fs::write(dir.join("q.yaml"), ONE_QUESTION).expect("questionnaire");
    std::fs::write(dir.join(ONE_QUESTION_ANSWERS), "answers:\n  p: cũ\n").expect("answers");
    mount.read_only();
    let tmp = dir.join("tmp");
    let env = [("TMPDIR", tmp.to_str().expect("UTF-8"))];
    let mut w = start_one_with(&dir, &dir.join("data"), &env);
    let out = w.wait_output("Mở để xem, không sửa? [c/K]");
    assert!(out.contains("Không tạo được tệp khóa"), "{out}");
    w.send(b"k\r");
    let status = w.wait_exit();
    assert!(!status.success(), "{status:?}");
    drop(mount);
}
