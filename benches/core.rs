//! Core benchmarks: loading questionnaires, reading answers, building and rendering reports.
//!
//! * `load_builtin` — `questionnaire::builtin()` (the seed questionnaire, compiled in): what
//!   `render`, `preview` and the wizard's start pay (no sample renders).
//! * `check_builtin` — `questionnaire::check_builtin()`: the load plus `check`'s sample renders
//!   and budget probe, which only `baocao check` pays.
//! * `answers_large` — reading the generated 1 MB answers file below (one pass over its YAML
//!   events, typed by kind).
//! * `render_seed` — the Ba Dinh example answers: parse + build + render as text, body only
//!   like `baocao render … --body-only` (the questionnaire is loaded once, outside the timing).
//! * `preview_builtin` — `baocao preview` of the built-in questionnaire: its shape as text
//!   (templates parsed and walked; the questionnaire is loaded outside the timing).
//! * `preview_large` — the same for the generated 1 000-section questionnaire below.
//! * `load_render_large` — a generated questionnaire of 1 000 sections / 5 000 questions of every
//!   kind, with `when` conditions and `text:` templates using the Vietnamese filters, and a
//!   generated answers file of about 1 MB: load + parse + build + render as text.
//!
//! * `hostile/check_60000_unprinted` — `baocao check` of a generated questionnaire of 60 000
//!   questions that nothing prints (load + the warnings, each with its line): linear, it was
//!   quadratic in the warnings.
//! * `hostile/diff_50000_sections` — `baocao diff` of two generated versions of 50 000
//!   sections each, half of them kept and renumbered (the two are loaded outside the timing).
//! * `hostile/answers_100000_deep` — reading an answers file holding `[` × 100 000 then
//!   `]` × 100 000 under an answer, refused for its depth.
//! * `hostile_templates/*` — the worst hostile templates of tests/fixtures/hostile/ (a list of
//!   100 000 items of 1 MB joined, written out as text and sorted), each stopped by the render
//!   budget: compile once, time the render that fails.
//!
//! `cargo bench` runs everything in well under three minutes.
//!
//! With `BAOCAO_BENCH_WRITE=<dir>` set, the generated pair is written to
//! `<dir>/large.yaml` and `<dir>/large.answers.yaml` and nothing is benchmarked — for timing
//! the whole process (`baocao render <dir>/large.yaml --answers <dir>/large.answers.yaml`).

use std::hint::black_box;
use std::time::Duration;

use baocao::answers;
use baocao::questionnaire;
use baocao::report::{self, Format};
use criterion::Criterion;

mod common;
use common::{large_answers, large_questionnaire};

const SEED_ANSWERS: &str = include_str!("../questionnaires/examples/ba-dinh.answers.yaml");

fn load_render(source: &str, answers_text: &str) -> String {
    let q = questionnaire::load_bytes("large.yaml", source.as_bytes()).expect("large loads");
    let answers = answers::parse("large.answers.yaml", answers_text, &q).expect("answers parse");
    let doc = report::build(&q, &answers).expect("report builds");
    report::render(&doc, Format::Text, true)
}

fn benches(c: &mut Criterion) {
    c.bench_function("load_builtin", |b| {
        b.iter(|| questionnaire::builtin().expect("builtin loads"));
    });

    c.bench_function("check_builtin", |b| {
        b.iter(|| questionnaire::check_builtin().expect("builtin passes check"));
    });

    let q = questionnaire::builtin().expect("builtin loads");
    c.bench_function("render_seed", |b| {
        b.iter(|| {
            let answers = answers::parse("ba-dinh.answers.yaml", black_box(SEED_ANSWERS), &q)
                .expect("seed answers parse");
            let doc = report::build(&q, &answers).expect("seed report builds");
            report::render(&doc, Format::Text, false)
        });
    });

    c.bench_function("preview_builtin", |b| {
        b.iter(|| report::render(&report::preview::preview(black_box(&q)), Format::Text, true));
    });

    // The Word file of the seed report, from the built document.
    let answers = answers::parse("ba-dinh.answers.yaml", SEED_ANSWERS, &q).expect("seed answers");
    let seed_doc = report::build(&q, &answers).expect("seed report builds");
    c.bench_function("docx_seed", |b| {
        b.iter(|| report::docx::write(black_box(&seed_doc), true, report::BodySize::Fourteen));
    });

    let source = large_questionnaire();
    let answers_text = large_answers();
    // Check once, outside the timing, that the pair is what it claims to be.
    let text = load_render(&source, &answers_text);
    assert!(text.contains("Mục 999"), "the last section is rendered");
    let mut group = c.benchmark_group("large");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(20));
    group.bench_function("load_render_large", |b| {
        b.iter(|| load_render(black_box(&source), black_box(&answers_text)));
    });
    let large_q = questionnaire::load_bytes("large.yaml", source.as_bytes()).expect("large loads");
    group.bench_function("answers_large", |b| {
        b.iter(|| answers::parse("large.answers.yaml", black_box(&answers_text), &large_q));
    });
    let large_answers =
        answers::parse("large.answers.yaml", &answers_text, &large_q).expect("answers parse");
    let large_doc = report::build(&large_q, &large_answers).expect("report builds");
    group.bench_function("preview_large", |b| {
        b.iter(|| {
            report::render(
                &report::preview::preview(black_box(&large_q)),
                Format::Text,
                true,
            )
        });
    });
    group.bench_function("docx_large", |b| {
        b.iter(|| report::docx::write(black_box(&large_doc), true, report::BodySize::Fourteen));
    });
    group.finish();
    hostile(c);
    hostile_templates(c);
}

/// The head of a generated questionnaire: one section whose text prints no answer.
const HOSTILE_HEAD: &str = "format: 1\nid: lon\nversion: \"1\"\ntitle: Lớn\ndocument:\n  issuer: [\"ỦY BAN NHÂN DÂN\", \"XÃ AN PHÚ\"]\nsections:\n";

fn hostile(c: &mut Criterion) {
    use std::fmt::Write as _;
    let mut group = c.benchmark_group("hostile");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));

    let mut unprinted =
        format!("{HOSTILE_HEAD}  - heading: MỘT\n    text: Không in gì.\n    questions:\n");
    for i in 0..60_000 {
        let _ = write!(
            unprinted,
            "      - id: q{i}\n        ask: Câu {i}\n        kind: text\n"
        );
    }
    group.bench_function("check_60000_unprinted", |b| {
        b.iter(|| {
            let q = questionnaire::load_bytes("lon.yaml", black_box(unprinted.as_bytes()))
                .expect("loads");
            let warnings = questionnaire::lint::lint(&q);
            assert_eq!(warnings.len(), 60_000);
            questionnaire::diag::warnings_text("lon.yaml", &unprinted, &warnings)
        });
    });

    let version = |first: usize| {
        let mut text = HOSTILE_HEAD.to_owned();
        for i in first..first + 50_000 {
            let _ = write!(text, "  - heading: MỤC {i}\n    text: Nội dung {i}.\n");
        }
        questionnaire::load_bytes("lon.yaml", text.as_bytes()).expect("loads")
    };
    let (old, new) = (version(0), version(25_000));
    group.bench_function("diff_50000_sections", |b| {
        b.iter(|| {
            let changes = baocao::compare::compare(black_box(&old), black_box(&new));
            baocao::compare::diff_report("cu.yaml", "moi.yaml", &changes)
        });
    });

    let q = questionnaire::builtin().expect("builtin loads");
    let deep = format!(
        "answers:\n  p: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    group.bench_function("answers_100000_deep", |b| {
        b.iter(|| answers::parse("sau.answers.yaml", black_box(&deep), &q).expect_err("refused"));
    });
    group.finish();
}

fn hostile_templates(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile_templates");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (name, source) in HOSTILE {
        let mut engine = baocao::template::Engine::new();
        let template = engine.add_template(source).expect("compiles");
        let ctx = baocao::template::Context::default();
        group.bench_function(name, |b| {
            b.iter(|| {
                let err = engine.render(&template, &ctx).expect_err("over budget");
                assert!(err.budget, "{err:?}");
            });
        });
    }
    group.finish();
}

/// The worst hostile templates (see tests/fixtures/hostile/).
const HOSTILE: [(&str, &str); 4] = [
    ("join", "{{ (['x'*1000000]*100000) | join | length }}"),
    ("string", "{{ (['x'*1000000]*100000) | string | length }}"),
    (
        "replace_list",
        "{{ (['x'*1000000]*100000) | replace('x', 'y') | length }}",
    ),
    ("sort", "{{ (['x'*1000000]*100000) | sort | length }}"),
];

fn main() {
    if let Some(dir) = std::env::var_os("BAOCAO_BENCH_WRITE") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("output directory");
        let source = large_questionnaire();
        let answers_text = large_answers();
        std::fs::write(dir.join("large.yaml"), &source).expect("write large.yaml");
        std::fs::write(dir.join("large.answers.yaml"), &answers_text)
            .expect("write large.answers.yaml");
        println!(
            "wrote {} ({} bytes) and {} ({} bytes)",
            dir.join("large.yaml").display(),
            source.len(),
            dir.join("large.answers.yaml").display(),
            answers_text.len()
        );
        return;
    }
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    benches(&mut c);
    c.final_summary();
}
