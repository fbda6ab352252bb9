//! Journal benchmarks: what the journal costs per key press, per fold and per restart.
//!
//! * `journal_append_key/short` — one key typed into a one-line text answer (`ten_xa`): a
//!   letter added to the answer, then `Journal::append` of the whole answer (one `write`, no
//!   fsync), as the wizard does before drawing the frame. The text grows letter by letter
//!   ("Ủy ban nhân dân xã Ba Đình, …") and starts again every [`RESET_KEYS`] keys. Goal:
//!   median < 20 µs.
//! * `journal_append_key/paragraph_20k` — the same into a 20 KB Vietnamese paragraph
//!   (`long_ghep`): every record holds the whole 20 KB, which is the design (the worst
//!   realistic case).
//! * `journal_append_key/table` — the same into the first cell of the last row of a 20-row
//!   table (`so_lieu_khac`): every record is the whole table as YAML.
//! * `fold/1mb/tmpfs` and `fold/1mb/disk` — a key pressed [`FOLD_KEYS`] times into a paragraph
//!   of an answers file of about 1 MB (the generated questionnaire and answers of
//!   `benches/core.rs`), then `session::fold_from_disk`: read and parse the answers file,
//!   replay the journal, write the file back atomically (temporary file, fsync, rename). Once on
//!   tmpfs (`/dev/shm`, where fsync costs next to nothing: parsing and writing alone) and once
//!   in the normal temporary folder (a real disk here: with the fsync).
//! * `replay/1mb_journal` — `session::recover` of a journal of 1 000 records of about 1 KB
//!   each (about 1 MB) onto empty answers, the answers file never written: what a restart after
//!   a crash costs before the wizard shows anything.
//!
//! The journals of the append benchmarks live in the normal temporary folder, like a journal
//! beside an answers file on disk. Text resets and journal truncations (every
//! [`TRUNCATE_APPENDS`] appends or [`TRUNCATE_BYTES`] bytes, whichever comes first; the wizard
//! truncates after every save) happen outside the timed part. Every benchmark checks once,
//! outside the timing, that what it measures works: the journal replays to the last answer,
//! the folded file holds it.
//!
//! Run: `cargo bench --bench journal` (about a minute and a half).

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use baocao::answers::journal::{self, Entry, Journal};
use baocao::answers::{self, AnswerValue, Answers, Cell, Row};
use baocao::questionnaire::{self, QuestionKind, Questionnaire};
use baocao::session;
use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode};

mod common;
use common::{large_answers, large_questionnaire, vietnamese_text};

/// What is typed, letter by letter, over and over.
const TYPED: &str = "Ủy ban nhân dân xã Ba Đình, huyện Ba Tơ, tỉnh Quảng Ngãi báo cáo kết quả \
                     thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và \
                     chất lượng sản phẩm, hàng hóa giai đoạn 2021 – 2025 như sau. ";
/// Keys typed into an answer before it goes back to how it started.
const RESET_KEYS: usize = 200;
/// Appends after which the journal is emptied (checked every [`RESET_KEYS`] keys) …
const TRUNCATE_APPENDS: usize = 10_000;
/// … or bytes, so that 20 KB records do not fill hundreds of megabytes.
const TRUNCATE_BYTES: u64 = 32 << 20;

/// The one-line text question of the built-in questionnaire.
const SHORT_ID: &str = "ten_xa";
/// The paragraph question of the built-in questionnaire (the wizard benchmarks' one too).
const PARAGRAPH_ID: &str = "long_ghep";
const PARAGRAPH_BYTES: usize = 20 * 1024;
/// The table question of the built-in questionnaire, and its rows.
const TABLE_ID: &str = "so_lieu_khac";
const TABLE_ROWS: usize = 20;
const TABLE_ROW_NAMES: [&str; 7] = [
    "Doanh nghiệp được hỗ trợ (doanh nghiệp)",
    "Hợp tác xã được hỗ trợ (hợp tác xã)",
    "Hộ kinh doanh được hỗ trợ (hộ)",
    "Tin, bài, buổi phát thanh tuyên truyền (tin, bài)",
    "Lớp đào tạo, tập huấn (lớp)",
    "Người tham gia đào tạo, tập huấn (lượt người)",
    "Sản phẩm được công nhận OCOP (sản phẩm)",
];

/// Keys (records) per fold; divides [`RESET_KEYS`], so a fold's keys never cross a reset.
const FOLD_KEYS: usize = 5;
/// The paragraph of the generated questionnaire typed into before each fold.
const FOLD_ID: &str = "s1_p";

/// Records of the replayed journal, and the size of each record's text.
const REPLAY_RECORDS: usize = 1000;
const REPLAY_TEXT_BYTES: usize = 1024;

// --- Typing --------------------------------------------------------------------------------------

/// The text a key press changes: a text answer itself, or the first cell of a table's last row.
fn typed_text(value: &mut AnswerValue) -> &mut String {
    match value {
        AnswerValue::Text(s) => s,
        AnswerValue::Table(rows) => match rows.last_mut().and_then(|r| r.get_mut("chi_tieu")) {
            Some(Cell::Text(s)) => s,
            other => panic!("the last row has no text chi_tieu: {other:?}"),
        },
        other => panic!("nothing to type into: {other:?}"),
    }
}

/// Someone typing into one answer, with its journal: each key adds a letter and appends the
/// whole answer, as the wizard does before the next frame.
struct Typist {
    journal: Journal,
    id: String,
    value: AnswerValue,
    /// Bytes of the typed text it goes back to every [`RESET_KEYS`] keys.
    base: usize,
    letters: Vec<char>,
    /// Keys since the last reset.
    typed: usize,
    /// Appends since the journal was last emptied.
    appended: usize,
}

impl Typist {
    /// Starts on `value`, with the journal at `path` emptied.
    fn new(path: &Path, id: &str, mut value: AnswerValue) -> Self {
        let base = typed_text(&mut value).len();
        let mut journal = Journal::open(path).expect("the journal opens");
        journal.truncate().expect("the journal empties");
        Typist {
            journal,
            id: id.to_owned(),
            value,
            base,
            letters: TYPED.chars().collect(),
            typed: 0,
            appended: 0,
        }
    }

    /// One key: a letter more, and the whole answer appended.
    fn key(&mut self) {
        let letter = self.letters[self.typed % self.letters.len()];
        typed_text(&mut self.value).push(letter);
        self.typed += 1;
        self.journal
            .append(&self.id, Entry::Value(&self.value))
            .expect("append");
        self.appended += 1;
    }

    /// Keys that may be pressed before [`Typist::tidy`] must run.
    fn keys_left(&self) -> u64 {
        (RESET_KEYS - self.typed) as u64
    }

    /// Outside the timing: after [`RESET_KEYS`] keys the text goes back to how it started,
    /// and a journal grown past its limits is emptied.
    fn tidy(&mut self) {
        if self.typed < RESET_KEYS {
            return;
        }
        let base = self.base;
        typed_text(&mut self.value).truncate(base);
        self.typed = 0;
        if self.appended >= TRUNCATE_APPENDS || self.journal.len() >= TRUNCATE_BYTES {
            self.truncate();
        }
    }

    fn truncate(&mut self) {
        self.journal.truncate().expect("the journal empties");
        self.appended = 0;
    }

    /// Presses `keys` keys, timing the keys only (not [`Typist::tidy`]).
    fn type_keys(&mut self, keys: u64) -> Duration {
        let mut total = Duration::ZERO;
        let mut left = keys;
        while left > 0 {
            self.tidy();
            let run = self.keys_left().min(left);
            let start = Instant::now();
            for _ in 0..run {
                self.key();
            }
            total += start.elapsed();
            left -= run;
        }
        total
    }

    /// Replays the journal file onto empty answers: every record whole, the last answer back.
    fn check_replay(&self, q: &Questionnaire) {
        let bytes = std::fs::read(self.journal.path()).expect("the journal reads");
        assert_eq!(bytes.len() as u64, self.journal.len(), "every byte written");
        let mut answers = Answers::new();
        let replay = journal::replay(&bytes, &mut answers, q);
        assert_eq!(replay.torn, 0, "no torn record");
        assert_eq!(replay.applied, self.appended, "every record replayed");
        assert_eq!(
            answers.get(&self.id),
            Some(&self.value),
            "{}: replaying gives back the last answer",
            self.id
        );
    }
}

fn builtin() -> Questionnaire {
    questionnaire::builtin().expect("the built-in questionnaire loads")
}

fn assert_kind(q: &Questionnaire, id: &str, fits: fn(&QuestionKind) -> bool) {
    let question = q.question(id).unwrap_or_else(|| panic!("{id} exists"));
    assert!(fits(&question.kind), "{id} is {:?}", question.kind);
}

/// A 20-row table for [`TABLE_ID`]: a name and five yearly counts per row (the total column
/// is computed, so not stored).
fn table_20_rows() -> AnswerValue {
    let rows = (0..TABLE_ROWS)
        .map(|r| {
            let mut row = Row::new();
            let name = TABLE_ROW_NAMES[r % TABLE_ROW_NAMES.len()];
            row.insert(
                "chi_tieu".into(),
                Cell::Text(format!("{name} – nhóm {}", r / TABLE_ROW_NAMES.len() + 1)),
            );
            for year in 1..=5_i64 {
                let r = i64::try_from(r).expect("few rows");
                row.insert(format!("nam_{year}"), Cell::Integer(r * 37 + year * 1000));
            }
            row
        })
        .collect();
    AnswerValue::Table(rows)
}

fn bench_append(c: &mut Criterion, dir: &Path) {
    let q = builtin();
    assert_kind(&q, SHORT_ID, |k| matches!(k, QuestionKind::Text));
    assert_kind(&q, PARAGRAPH_ID, |k| matches!(k, QuestionKind::Paragraph));
    assert_kind(&q, TABLE_ID, |k| matches!(k, QuestionKind::Table(_)));
    let cases = [
        ("short", SHORT_ID, AnswerValue::Text(String::new())),
        (
            "paragraph_20k",
            PARAGRAPH_ID,
            AnswerValue::Text(vietnamese_text(PARAGRAPH_BYTES, 0, 4)),
        ),
        ("table", TABLE_ID, table_20_rows()),
    ];
    let mut group = c.benchmark_group("journal_append_key");
    for (name, id, value) in cases {
        let mut typist = Typist::new(&dir.join(format!(".{name}.journal")), id, value);
        // Checked once, outside the timing: 450 keys (two resets) replay to the last answer.
        typist.key();
        let first = typist.journal.len();
        typist.type_keys(449);
        typist.check_replay(&q);
        eprintln!(
            "journal_append_key/{name}: first record {first} bytes, {} on average",
            typist.journal.len() / 450
        );
        typist.truncate();
        group.bench_function(name, |b| b.iter_custom(|keys| typist.type_keys(keys)));
        // And what the benchmark left behind replays too.
        if typist.appended > 0 {
            typist.check_replay(&q);
        }
    }
    group.finish();
}

/// [`FOLD_KEYS`] keys, then the fold from disk; the journal is emptied afterwards, outside the
/// timing, as the wizard does once a save is done.
fn fold_once(typist: &mut Typist, right: &session::WriteRight, q: &Questionnaire) -> Duration {
    typist.tidy();
    let start = Instant::now();
    for _ in 0..FOLD_KEYS {
        typist.key();
    }
    session::fold_from_disk(right, q).expect("the fold");
    let spent = start.elapsed();
    typist.truncate();
    spent
}

fn check_folded(typist: &Typist, answers_path: &Path, q: &Questionnaire, expected: &Answers) {
    let folded = answers::load(answers_path, q).expect("the folded answers load");
    assert_eq!(
        folded.get(FOLD_ID),
        Some(&typist.value),
        "the fold holds the key"
    );
    assert_eq!(folded.len(), expected.len(), "every answer is still there");
}

fn bench_fold(c: &mut Criterion, disk: &Path) {
    let source = large_questionnaire();
    let q = questionnaire::load_bytes("large.yaml", source.as_bytes()).expect("large loads");
    let answers =
        answers::parse("large.answers.yaml", &large_answers(), &q).expect("answers parse");
    let start = answers.get(FOLD_ID).cloned().expect("the folded paragraph");
    // tmpfs when there is one (fsync costs next to nothing there), and the normal temporary
    // folder (here a real disk, with the fsync).
    let mut places = Vec::new();
    let shm = Path::new("/dev/shm");
    match shm.is_dir().then(|| tempfile::tempdir_in(shm)) {
        Some(Ok(dir)) => places.push(("tmpfs", dir)),
        Some(Err(e)) => eprintln!("fold/1mb/tmpfs skipped: /dev/shm refuses a folder: {e}"),
        None => eprintln!("fold/1mb/tmpfs skipped: no /dev/shm"),
    }
    places.push((
        "disk",
        tempfile::tempdir_in(disk).expect("temporary directory"),
    ));
    let mut group = c.benchmark_group("fold");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    for (name, dir) in &places {
        let answers_path = dir.path().join("large.answers.yaml");
        answers::save(&answers_path, &answers, &q).expect("the answers file is written");
        let size = std::fs::metadata(&answers_path).expect("written").len();
        let right = session::claim(&answers_path).expect("no other session holds it");
        assert!(size > 900 * 1024, "about 1 MB: {size} bytes");
        eprintln!(
            "fold/1mb/{name}: answers file of {size} bytes in {}",
            dir.path().display()
        );
        let mut typist = Typist::new(&journal::path_for(&answers_path), FOLD_ID, start.clone());
        // Checked once, outside the timing: the folded file holds the last key.
        fold_once(&mut typist, &right, &q);
        check_folded(&typist, &answers_path, &q, &answers);
        group.bench_function(BenchmarkId::new("1mb", name), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| fold_once(&mut typist, &right, &q)).sum());
        });
        check_folded(&typist, &answers_path, &q, &answers);
    }
    group.finish();
}

fn bench_replay(c: &mut Criterion, dir: &Path) {
    let q = builtin();
    let ids: Vec<&str> = q
        .questions
        .iter()
        .filter(|question| matches!(question.kind, QuestionKind::Paragraph))
        .map(|question| question.id.as_str())
        .collect();
    assert!(ids.len() > 5, "paragraph questions to replay into");
    // A session that died before its first save: the answers file was never written, only
    // the journal beside it.
    let answers_path = dir.join("crash.answers.yaml");
    let mut journal = Journal::open(&journal::path_for(&answers_path)).expect("journal opens");
    let right = session::claim(&answers_path).expect("no other session holds it");
    journal.truncate().expect("the journal empties");
    let mut last = HashMap::new();
    for i in 0..REPLAY_RECORDS {
        let id = ids[i % ids.len()];
        let mut text = format!("{i}. {}", vietnamese_text(REPLAY_TEXT_BYTES, i, 2));
        let mut end = REPLAY_TEXT_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        let value = AnswerValue::Text(text);
        journal.append(id, Entry::Value(&value)).expect("append");
        last.insert(id, value);
    }
    eprintln!(
        "replay/1mb_journal: {REPLAY_RECORDS} records over {} questions, {} bytes",
        ids.len(),
        journal.len()
    );
    // Checked once, outside the timing: every question holds its last record.
    let mut answers = Answers::new();
    let recovered = session::recover(&right, &mut answers, &q).expect("recover");
    assert_eq!(recovered.answers, ids.len(), "every question replayed");
    assert_eq!(recovered.torn, 0, "no torn record");
    for (id, value) in &last {
        assert_eq!(answers.get(id), Some(value), "{id} holds its last record");
    }
    let mut group = c.benchmark_group("replay");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("1mb_journal", |b| {
        b.iter_batched(
            Answers::new,
            |mut answers| {
                session::recover(&right, &mut answers, &q).expect("recover");
                answers
            },
            BatchSize::SmallInput,
        );
    });
    group.finish();
    assert!(
        journal::path_for(&answers_path).exists(),
        "recovering keeps the journal until a save"
    );
}

fn main() {
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    // The normal temporary folder: where a journal beside an answers file on disk would be.
    let tmp = tempfile::tempdir().expect("temporary directory");
    bench_append(&mut c, tmp.path());
    bench_fold(&mut c, tmp.path());
    bench_replay(&mut c, tmp.path());
    c.final_summary();
}
