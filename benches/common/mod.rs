//! Inputs shared by the benchmarks: Vietnamese report text, and a generated questionnaire
//! (1 000 sections, 5 000 questions) with about 1 MB of answers.

#![allow(dead_code)]

use std::fmt::Write as _;

use baocao::tui::text_input::clean;

/// Sentences of the kind these reports are made of, combined into paragraphs and list items.
pub const SENTENCES: [&str; 14] = [
    "Ủy ban nhân dân xã đã phối hợp với các phòng, ban chuyên môn tổ chức tuyên truyền, phổ biến \
     nội dung Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản \
     phẩm, hàng hóa đến các hộ kinh doanh trên địa bàn.",
    "Trong giai đoạn 2021 – 2025, xã đã tổ chức 12 hội nghị phổ biến pháp luật về tiêu chuẩn, đo \
     lường, chất lượng với hơn 850 lượt người tham dự.",
    "Các hộ sản xuất, kinh doanh thực phẩm nhỏ lẻ được hướng dẫn ký bản cam kết bảo đảm an toàn \
     thực phẩm và thực hiện truy xuất nguồn gốc sản phẩm.",
    "Tuy nhiên, phần lớn cơ sở trên địa bàn có quy mô nhỏ, vốn ít, trình độ quản lý còn hạn chế \
     nên việc áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001, ISO 22000 hay công \
     cụ 5S, Kaizen chưa được triển khai rộng rãi.",
    "Công tác lồng ghép nội dung của Chương trình vào các chương trình mục tiêu quốc gia về xây \
     dựng nông thôn mới, giảm nghèo bền vững được thực hiện thường xuyên, góp phần nâng cao nhận \
     thức của người dân.",
    "Kinh phí thực hiện chủ yếu từ nguồn ngân sách xã và nguồn xã hội hóa, tổng cộng khoảng 45,5 \
     triệu đồng.",
    "Đài truyền thanh xã đã phát 36 tin, bài về năng suất, chất lượng; thông tin được đăng tải \
     trên trang thông tin điện tử và các nhóm Zalo của thôn.",
    "Hợp tác xã nông nghiệp bước đầu áp dụng quy trình sản xuất theo tiêu chuẩn VietGAP trên diện \
     tích 15 héc-ta lúa, năng suất tăng khoảng 8% so với năm 2021.",
    "Đội ngũ cán bộ làm công tác quản lý nhà nước về tiêu chuẩn, đo lường, chất lượng ở cấp xã \
     còn kiêm nhiệm, chưa được đào tạo chuyên sâu.",
    "Thời gian tới, UBND xã tiếp tục đẩy mạnh chuyển đổi số, hỗ trợ các hộ kinh doanh đăng ký \
     nhãn hiệu tập thể, xây dựng sản phẩm OCOP gắn với đặc sản địa phương.",
    "Việc kiểm tra, giám sát chất lượng hàng hóa lưu thông trên thị trường được thực hiện định kỳ \
     mỗi quý, kịp thời phát hiện và xử lý 7 trường hợp vi phạm về nhãn hàng hóa.",
    "Nhìn chung, nhận thức của cộng đồng doanh nghiệp, hộ kinh doanh về vai trò của năng suất, \
     chất lượng đã có chuyển biến tích cực, song kết quả đạt được còn khiêm tốn so với mục tiêu \
     đề ra.",
    "Năm 2024, Sở Khoa học và Công nghệ tỉnh Quảng Ngãi đã hỗ trợ xã tài liệu hướng dẫn, mẫu \
     biểu và cử cán bộ về tập huấn trực tiếp cho 46 hộ kinh doanh.",
    "Một số hộ đã mạnh dạn đầu tư máy móc, thiết bị, cải tiến bao bì, nhãn mác, đưa sản phẩm \
     nước mắm, bánh tráng, mạch nha lên sàn thương mại điện tử.",
];

/// About `bytes` of Vietnamese text (never less), in lines of `per_line` sentences; `seed`
/// varies where it starts so that answers differ.
pub fn vietnamese_text(bytes: usize, seed: usize, per_line: usize) -> String {
    let mut out = String::with_capacity(bytes + 512);
    let mut k = seed;
    let mut line = 1;
    while out.len() < bytes {
        if !out.is_empty() {
            out.push('\n');
        }
        if per_line > 1 {
            let _ = write!(out, "{line}. ");
        }
        for s in 0..per_line {
            if s > 0 {
                out.push(' ');
            }
            out.push_str(SENTENCES[k % SENTENCES.len()]);
            k += 1;
        }
        line += 1;
    }
    assert_eq!(clean(&out, true), out, "the text is NFC and clean");
    out
}

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
