//! Core benchmarks: loading questionnaires, reading answers, building and rendering reports.
//!
//! * `load_builtin` — `questionnaire::builtin()` (the seed questionnaire, compiled in).
//! * `render_seed` — the Ba Dinh example answers: parse + build + render as text, body only
//!   like `baocao render … --body-only` (the questionnaire is loaded once, outside the timing).
//! * `load_render_large` — a generated questionnaire of 1 000 sections / 5 000 questions of every
//!   kind, with `when` conditions and `text:` templates using the Vietnamese filters, and a
//!   generated answers file of about 1 MB: load + parse + build + render as text.
//!
//! `cargo bench` runs everything in well under three minutes.
//!
//! With `BAOCAO_BENCH_WRITE=<dir>` set, the generated pair is written to
//! `<dir>/large.yaml` and `<dir>/large.answers.yaml` and nothing is benchmarked — for timing
//! the whole process (`baocao render <dir>/large.yaml --answers <dir>/large.answers.yaml`).

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use baocao::answers;
use baocao::questionnaire;
use baocao::report::{self, Format};
use criterion::Criterion;

const SEED_ANSWERS: &str = include_str!("../questionnaires/examples/ba-dinh.answers.yaml");

/// Sections of the generated questionnaire: `TOP` top-level sections with `CHILDREN` each.
const TOP: usize = 200;
const CHILDREN: usize = 4;
/// Questions per section.
const PER_SECTION: usize = 5;

/// The kinds used by the two alternating section shapes.
const EVEN_KINDS: [&str; PER_SECTION] = ["text", "integer", "yes_no", "list", "date"];
const ODD_KINDS: [&str; PER_SECTION] = ["paragraph", "decimal", "choice", "choices", "table"];

const OPTIONS: [&str; 4] = ["Hợp tác xã", "Doanh nghiệp", "Hộ kinh doanh", "Tổ hợp tác"];
const TOOLS: [&str; 5] = ["ISO 9001", "ISO 22000/HACCP", "5S", "Kaizen", "Lean"];

/// Id of question `k` of section `s` (0-based, depth-first order).
fn qid(s: usize, k: usize) -> String {
    let suffix = if s.is_multiple_of(2) {
        ["t", "n", "b", "l", "d"][k]
    } else {
        ["p", "x", "c", "cs", "tb"][k]
    };
    format!("s{s}_{suffix}")
}

/// One generated section: its questions, plus a `when` and a `text` on some of them.
fn section_yaml(out: &mut String, s: usize, indent: &str) {
    let kinds = if s.is_multiple_of(2) {
        EVEN_KINDS
    } else {
        ODD_KINDS
    };
    let _ = writeln!(
        out,
        "{indent}- heading: \"Mục {s}: {{{{ ten_xa | upper }}}}\""
    );
    // Every fourth odd section depends on the yes/no answer of the section before it.
    if s % 8 == 1 {
        let _ = writeln!(out, "{indent}  when: \"{}\"", qid(s - 1, 2));
    }
    if s % 10 == 5 {
        let _ = writeln!(out, "{indent}  inline: true");
    }
    let _ = writeln!(out, "{indent}  questions:");
    for (k, kind) in kinds.iter().enumerate() {
        let id = qid(s, k);
        let _ = writeln!(out, "{indent}    - id: {id}");
        let _ = writeln!(
            out,
            "{indent}      ask: \"Câu hỏi {k} của mục {s} ({{{{ nam }}}})\""
        );
        let _ = writeln!(out, "{indent}      kind: {kind}");
        match *kind {
            "choice" => {
                let _ = writeln!(out, "{indent}      options: {OPTIONS:?}");
                let _ = writeln!(out, "{indent}      other: true");
            }
            "choices" => {
                let _ = writeln!(out, "{indent}      options: {TOOLS:?}");
            }
            "table" => {
                let _ = writeln!(out, "{indent}      columns:");
                let _ = writeln!(
                    out,
                    "{indent}        - {{ id: chi_tieu, title: Chỉ tiêu, kind: text }}"
                );
                for year in 2021..=2024 {
                    let _ = writeln!(
                        out,
                        "{indent}        - {{ id: n{year}, title: \"{year}\", kind: integer }}"
                    );
                }
                let _ = writeln!(
                    out,
                    "{indent}        - {{ id: tong, title: Tổng, kind: integer, sum: true }}"
                );
                let _ = writeln!(out, "{indent}      total_row: Tổng cộng");
            }
            "integer" => {
                let _ = writeln!(out, "{indent}      label: Số lượng của mục {s}");
                let _ = writeln!(out, "{indent}      validate: {{ min: 0, max: 1000000 }}");
            }
            "text" => {
                let _ = writeln!(out, "{indent}      required: true");
                let _ = writeln!(out, "{indent}      validate: {{ max_length: 200 }}");
            }
            _ => {}
        }
        // The last question of a section applies only when the count before it is positive.
        if s.is_multiple_of(2) && k == 4 {
            let _ = writeln!(
                out,
                "{indent}      when: \"{} and {} > 10\"",
                qid(s, 2),
                qid(s, 1)
            );
        }
    }
    // Every third section writes its own text with filters instead of the default rendering.
    if s.is_multiple_of(3) {
        let _ = writeln!(out, "{indent}  text: |");
        if s.is_multiple_of(2) {
            let (text, count, yes, list, date) =
                (qid(s, 0), qid(s, 1), qid(s, 2), qid(s, 3), qid(s, 4));
            let _ = writeln!(
                out,
                "{indent}    Xã {{{{ {text} }}}} có {{{{ {count} | so }}}} cơ sở tham gia, báo cáo {{{{ {date} | ngay_dai(nam=nam) }}}}."
            );
            let _ = writeln!(out, "{indent}    {{% if {yes} %}}");
            let _ = writeln!(out, "{indent}    Các việc đã làm: {{{{ {list} | noi }}}}.");
            let _ = writeln!(out, "{indent}    {{{{ {list} }}}}");
            let _ = writeln!(out, "{indent}    {{% else %}}");
            let _ = writeln!(
                out,
                "{indent}    - Chưa triển khai ({{{{ {date} | ngay_ngan }}}})."
            );
            let _ = writeln!(out, "{indent}    {{% endif %}}");
        } else {
            let (para, rate, choice, tools, table) =
                (qid(s, 0), qid(s, 1), qid(s, 2), qid(s, 3), qid(s, 4));
            let _ = writeln!(out, "{indent}    {{{{ {para} }}}}");
            let _ = writeln!(
                out,
                "{indent}    Tỷ lệ đạt {{{{ {rate} | phan_tram(1) }}}} ({{{{ {rate} | so(2) }}}}), loại hình {{{{ {choice} | lower }}}}; công cụ: {{{{ {tools} | noi('hoặc') }}}}."
            );
            let _ = writeln!(out, "{indent}    {{% for row in {table} or [] %}}");
            let _ = writeln!(
                out,
                "{indent}    - {{{{ row.chi_tieu }}}}: {{{{ row.tong | so }}}} (năm {{{{ nam }}}}: {{{{ row.n2024 | so }}}})"
            );
            let _ = writeln!(out, "{indent}    {{% endfor %}}");
            let _ = writeln!(out, "{indent}    {{{{ {table} }}}}");
        }
    }
}

/// A questionnaire of `TOP * (1 + CHILDREN)` sections and `PER_SECTION` questions each.
pub fn large_questionnaire() -> String {
    let mut out = String::with_capacity(2 << 20);
    out.push_str(
        "format: 1\n\
         id: bench-large\n\
         version: 1\n\
         title: \"Báo cáo thử nghiệm năm {{ nam }}\"\n\
         vars:\n  nam: 2025\n  ten_ct: \"Chương trình thử\"\n\
         document:\n\
         \x20 issuer: [\"ỦY BAN NHÂN DÂN\", \"XÃ {{ ten_xa | upper }}\"]\n\
         \x20 number: \"Số:       /BC-UBND\"\n\
         \x20 place_date: \"{{ ten_xa }}, {{ ngay_bao_cao | ngay_dai(nam=nam) }}\"\n\
         \x20 summary: \"Báo cáo {{ ten_ct }} năm {{ nam }}\"\n\
         \x20 closing: \"UBND xã {{ ten_xa }} kính báo cáo./.\"\n\
         \x20 signer:\n\
         \x20   authority: [\"TM. ỦY BAN NHÂN DÂN\"]\n\
         \x20   title: \"CHỦ TỊCH\"\n\
         \x20   name: \"{{ nguoi_ky }}\"\n\
         \x20 cc: [\"Như trên;\", \"Lưu: VT.\"]\n\
         questions:\n\
         \x20 - { id: ten_xa, ask: Tên xã, kind: text, required: true }\n\
         \x20 - { id: ngay_bao_cao, ask: Ngày báo cáo, kind: date }\n\
         \x20 - { id: nguoi_ky, ask: Người ký, kind: text }\n\
         sections:\n",
    );
    let mut s = 0;
    for _ in 0..TOP {
        section_yaml(&mut out, s, "  ");
        s += 1;
        out.push_str("    sections:\n");
        for _ in 0..CHILDREN {
            section_yaml(&mut out, s, "      ");
            s += 1;
        }
    }
    out
}

/// Answers for every question of [`large_questionnaire`], about 1 MB of YAML.
pub fn large_answers() -> String {
    const SENTENCE: &str = "UBND xã đã tổ chức tuyên truyền, hướng dẫn các hộ kinh doanh \
                            áp dụng tiêu chuẩn và công cụ cải tiến năng suất chất lượng.";
    let mut out = String::with_capacity(1 << 20);
    out.push_str(
        "questionnaire:\n  id: bench-large\n  version: \"1\"\nanswers:\n  \
         ten_xa: Ba Dinh\n  ngay_bao_cao: 2025-07-31\n  nguoi_ky: Nguyễn Văn Bình\n",
    );
    for s in 0..TOP * (1 + CHILDREN) {
        if s.is_multiple_of(2) {
            let _ = writeln!(out, "  {}: Nội dung ngắn của mục {s}", qid(s, 0));
            let _ = writeln!(out, "  {}: {}", qid(s, 1), (s * 37) % 500);
            let _ = writeln!(out, "  {}: {}", qid(s, 2), !s.is_multiple_of(5));
            let _ = writeln!(out, "  {}:", qid(s, 3));
            for i in 0..4 {
                let _ = writeln!(out, "    - Việc thứ {i} của mục {s} – {SENTENCE}");
            }
            let _ = writeln!(
                out,
                "  {}: 2025-{:02}-{:02}",
                qid(s, 4),
                s % 12 + 1,
                s % 28 + 1
            );
        } else {
            let _ = writeln!(out, "  {}: |-", qid(s, 0));
            for i in 0..3 {
                let _ = writeln!(out, "    Đoạn {i}. {SENTENCE} {SENTENCE}");
            }
            let _ = writeln!(out, "    - ý thứ nhất của mục {s}");
            let _ = writeln!(out, "    - ý thứ hai của mục {s}");
            let _ = writeln!(out, "  {}: {}.{}", qid(s, 1), s % 100, s % 10);
            let option = if s.is_multiple_of(7) {
                "Loại hình khác"
            } else {
                OPTIONS[s % OPTIONS.len()]
            };
            let _ = writeln!(out, "  {}: {option}", qid(s, 2));
            let _ = writeln!(
                out,
                "  {}: [{}, {}]",
                qid(s, 3),
                TOOLS[s % TOOLS.len()],
                TOOLS[(s + 2) % TOOLS.len()]
            );
            let _ = writeln!(out, "  {}:", qid(s, 4));
            for r in 0..5 {
                let _ = writeln!(
                    out,
                    "    - {{ chi_tieu: \"Chỉ tiêu {r} của mục {s}\", n2021: {}, n2022: {}, n2023: {}, n2024: {} }}",
                    r + s % 9,
                    r * 3,
                    s % 17,
                    r * s % 1000
                );
            }
        }
    }
    out
}

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

    let q = questionnaire::builtin().expect("builtin loads");
    c.bench_function("render_seed", |b| {
        b.iter(|| {
            let answers = answers::parse("ba-dinh.answers.yaml", black_box(SEED_ANSWERS), &q)
                .expect("seed answers parse");
            let doc = report::build(&q, &answers).expect("seed report builds");
            report::render(&doc, Format::Text, false)
        });
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
    let large_answers =
        answers::parse("large.answers.yaml", &answers_text, &large_q).expect("answers parse");
    let large_doc = report::build(&large_q, &large_answers).expect("report builds");
    group.bench_function("docx_large", |b| {
        b.iter(|| report::docx::write(black_box(&large_doc), true, report::BodySize::Fourteen));
    });
    group.finish();
}

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
