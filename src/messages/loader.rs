//! The loader's problems: (what is wrong, how to fix it), one function per problem
//! (`questionnaire::explain` picks the one that fits).
//!
//! Must not: decide anything, or import anything of the crate but `vn`.

use super::condition_detail;
use super::template::{end, maybe};

// ----- the loader's problems: (what is wrong, how to fix it), one function per problem; -----
// ----- `questionnaire::explain` picks the one that fits.                                  -----

/// (what is wrong, how to fix it): the file could not be read.
pub fn loader_unreadable(detail: &str) -> (String, String) {
    (
        format!("Không đọc được tệp bảng hỏi: {detail}."),
        "Kiểm tra lại đường dẫn và quyền đọc tệp.".into(),
    )
}

/// (what is wrong, how to fix it): the file is larger than the loader accepts.
pub fn loader_too_large(bytes: usize, max_bytes: usize) -> (String, String) {
    (
        format!(
            "Tệp quá lớn ({} byte); bảng hỏi không được quá {} MB.",
            crate::vn::format_integer(i64::try_from(bytes).unwrap_or(i64::MAX)),
            max_bytes / (1024 * 1024)
        ),
        "Kiểm tra xem có chọn nhầm tệp không; một bảng hỏi thường chỉ vài chục KB.".into(),
    )
}

/// (what is wrong, how to fix it): the bytes are not UTF-8.
pub fn loader_not_utf8() -> (String, String) {
    ("Tệp không phải văn bản UTF-8 (có thể đã lưu bằng bảng mã TCVN3, VNI, Windows-1258, hoặc UTF-16 — trong Notepad gọi là \"Unicode\").".into(), "Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8 (trong Notepad: Lưu thành → Mã hóa: UTF-8).".into())
}

/// (what is wrong, how to fix it): a control character (NUL, ESC, …) in the text.
pub fn loader_control_char(code: u32) -> (String, String) {
    (
        format!("Có ký tự điều khiển không hợp lệ (mã U+{code:04X}) trong tệp."),
        "Xóa ký tự này; bảng hỏi chỉ chứa chữ, số, dấu câu, dấu cách và xuống dòng.".into(),
    )
}

/// (what is wrong, how to fix it): a tab used for indentation.
pub fn loader_tab_indent() -> (String, String) {
    (
        "Dòng này thụt lề bằng phím Tab; YAML chỉ cho phép thụt lề bằng dấu cách.".into(),
        "Thay các ký tự Tab ở đầu dòng bằng dấu cách (mỗi cấp 2 dấu cách).".into(),
    )
}

/// (what is wrong, how to fix it): nothing but white space or comments.
pub fn loader_empty_file() -> (String, String) {
    ("Tệp trống: không có nội dung bảng hỏi.".into(), "Viết bảng hỏi bắt đầu bằng `format: 1`, `id:`, `version:`, `title:`, `document:` và `sections:`.".into())
}

/// (what is wrong, how to fix it): the YAML parser could not read the text.
pub fn loader_syntax(detail: &str) -> (String, String) {
    (format!("Sai cú pháp YAML ở đây ({}).", syntax_detail(detail)), "Kiểm tra thụt lề (các khóa cùng cấp phải thẳng cột), dấu `:` sau mỗi khóa, và dấu ngoặc kép đóng mở đủ cặp.".into())
}

/// (what is wrong, how to fix it): more than one `---` document.
pub fn loader_several_documents() -> (String, String) {
    (
        "Tệp chứa nhiều tài liệu YAML (có dòng `---` thứ hai).".into(),
        "Mỗi tệp chỉ chứa một bảng hỏi; xóa dòng `---` hoặc tách ra tệp khác.".into(),
    )
}

/// (what is wrong, how to fix it): `*name` without a matching `&name`.
pub fn loader_unknown_anchor() -> (String, String) {
    (
        "Dùng `*tên` nhưng không có `&tên` nào được khai báo trước đó.".into(),
        "Khai báo `&tên` trước khi dùng `*tên`, hoặc viết thẳng nội dung.".into(),
    )
}

/// (what is wrong, how to fix it): aliases expand to too many elements (an "alias bomb"): `*name` references and the copies kept for `&name`, counted with what is written.
pub fn loader_too_many_nodes(max_elements: usize) -> (String, String) {
    (
        format!(
            "Các tham chiếu `*tên` nở ra quá nhiều phần tử: tính cả các phần được chép lại, tệp vượt quá {} phần tử (có thể là tệp độc hại).",
            crate::vn::format_integer(i64::try_from(max_elements).unwrap_or(i64::MAX))
        ),
        "Viết thẳng nội dung thay vì lồng nhiều tham chiếu `&`/`*`.".into(),
    )
}

/// (what is wrong, how to fix it): more elements (keys, values, list items) written than the loader accepts, aliases aside: a file too large, not an alias bomb.
pub fn loader_too_many_elements(limit: usize) -> (String, String) {
    (format!("Bảng hỏi có quá nhiều phần tử: hơn {} khóa, giá trị và mục danh sách được viết ra trong tệp (giới hạn kích thước để bảo vệ máy, không phải do tham chiếu `*tên`).", crate::vn::format_integer(i64::try_from(limit).unwrap_or(i64::MAX))), "Chia bảng hỏi thành nhiều bảng hỏi nhỏ hơn (mỗi kỳ báo cáo hoặc mỗi lĩnh vực một tệp); một bảng hỏi thật thường chỉ vài nghìn phần tử.".into())
}

/// (what is wrong, how to fix it): nesting deeper than the loader accepts.
pub fn loader_too_deep(max_depth: usize) -> (String, String) {
    (
        format!("Các mức lồng nhau quá sâu (quá {max_depth} mức)."),
        "Giảm số mức mục con; một báo cáo hiếm khi cần quá 4 mức.".into(),
    )
}

/// (what is wrong, how to fix it): a mapping key that is a list or mapping.
pub fn loader_complex_key() -> (String, String) {
    ("Khóa phải là một từ, không được là danh sách hay bảng.".into(), "Viết khóa dạng `ten_khoa: giá trị`; nếu giá trị bắt đầu bằng `{` hay `[`, đặt cả giá trị trong ngoặc kép.".into())
}

/// (what is wrong, how to fix it): the same key twice in one mapping.
pub fn loader_duplicate_key(key: &str, first_line: usize) -> (String, String) {
    (
        format!("Khóa `{key}` xuất hiện hai lần trong cùng một mục (lần đầu ở dòng {first_line})."),
        "Xóa một trong hai dòng, hoặc gộp nội dung lại.".into(),
    )
}

/// (what is wrong, how to fix it): a key that this place does not accept.
pub fn loader_unknown_key(key: &str, place: &str, suggestion: Option<&str>) -> (String, String) {
    (
        format!(
            "Khóa `{key}` không dùng được ở {place}.{}",
            maybe(suggestion)
        ),
        suggestion.map_or_else(
            || {
                "Xóa khóa này, hoặc xem các khóa hợp lệ trong docs/questionnaire-format.md."
                    .to_owned()
            },
            |s| format!("Đổi `{key}` thành `{s}`."),
        ),
    )
}

/// (what is wrong, how to fix it): a required key is missing.
pub fn loader_missing_key(key: &str, place: &str) -> (String, String) {
    (
        format!("Thiếu khóa bắt buộc `{key}` ở {place}."),
        format!("Thêm dòng `{key}: …` vào đây."),
    )
}

/// (what is wrong, how to fix it): a value of the wrong shape (list where text was expected, …).
pub fn loader_wrong_type(key: &str, expected: &str, found: &str) -> (String, String) {
    (
        if key.is_empty() {
            format!("Cần {expected}, nhưng ở đây là {found}.")
        } else {
            format!("Giá trị của `{key}` phải là {expected}, nhưng ở đây là {found}.")
        },
        format!("Sửa giá trị thành {expected}."),
    )
}

/// (what is wrong, how to fix it): `format:` is not a version this program reads.
pub fn loader_unsupported_format(found: &str) -> (String, String) {
    (
        format!("Phiên bản định dạng `format: {found}` không được hỗ trợ."),
        "Ghi `format: 1`.".into(),
    )
}

/// (what is wrong, how to fix it): an id that is not a valid name.
pub fn loader_bad_id(id: &str) -> (String, String) {
    (
        format!(
            "Tên `{id}` không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ, và không trùng từ khóa (and, or, not, if, …)."
        ),
        format!("Ví dụ: `{}`.", suggest_id(id)),
    )
}

/// (what is wrong, how to fix it): a questionnaire id that is not a valid file-name stem.
pub fn loader_bad_questionnaire_id(id: &str) -> (String, String) {
    (
        format!(
            "Mã bảng hỏi `{id}` không hợp lệ: chỉ dùng chữ thường không dấu, chữ số, `-` và `_`."
        ),
        "Ví dụ: `ct1322-so-ket-2021-2025`.".into(),
    )
}

/// (what is wrong, how to fix it): the same question id (or table column id) twice.
pub fn loader_duplicate_id(id: &str, first_line: usize) -> (String, String) {
    (
        format!("Mã `{id}` đã được dùng ở dòng {first_line}; mỗi mã chỉ được dùng một lần."),
        "Đổi một trong hai mã thành tên khác.".into(),
    )
}

/// (what is wrong, how to fix it): a var or question name that clashes with another name.
pub fn loader_name_clash(name: &str, first_line: usize) -> (String, String) {
    (
        format!("Tên `{name}` vừa là một biến ở `vars` (dòng {first_line}) vừa là mã câu hỏi."),
        "Đổi tên biến hoặc mã câu hỏi để không trùng nhau.".into(),
    )
}

/// (what is wrong, how to fix it): `kind:` names no known question kind.
pub fn loader_unknown_kind(kind: &str, suggestion: Option<&str>) -> (String, String) {
    (format!("Không có loại câu hỏi `{kind}`.{}", maybe(suggestion)), "Dùng một trong: text, paragraph, integer, decimal, date, yes_no, choice, choices, list, table (cột bảng: text, integer, decimal).".into())
}

/// (what is wrong, how to fix it): `numbering:` names no known style.
pub fn loader_unknown_numbering(style: &str) -> (String, String) {
    (
        format!("Không có kiểu đánh số `{style}`."),
        "Dùng một trong: roman (I.), arabic (1.), nested (1.1.), alpha (a)), none.".into(),
    )
}

/// (what is wrong, how to fix it): a key that only some kinds accept, used on another kind.
pub fn loader_key_not_for_kind(key: &str, kind: &str) -> (String, String) {
    (
        format!("Khóa `{key}` không dùng được cho câu hỏi loại `{kind}`."),
        format!("Xóa `{key}`, hoặc đổi loại câu hỏi cho phù hợp."),
    )
}

/// (what is wrong, how to fix it): a choice question without options, or a table without columns.
pub fn loader_missing_for_kind(key: &str, kind: &str) -> (String, String) {
    (
        format!("Câu hỏi loại `{kind}` cần khóa `{key}` (không được để trống)."),
        format!("Thêm `{key}:` với ít nhất một mục."),
    )
}

/// (what is wrong, how to fix it): `default:` does not fit the question's kind.
pub fn loader_table_default() -> (String, String) {
    (
        "Câu hỏi loại bảng không có giá trị mặc định.".into(),
        "Xóa dòng `default:`; nếu muốn bảng có sẵn các dòng, dùng `rows:`.".into(),
    )
}

/// (what is wrong, how to fix it): `default:` does not fit the question's kind.
pub fn loader_bad_default(expected: &str) -> (String, String) {
    (
        format!("Giá trị mặc định không hợp với loại câu hỏi: cần {expected}."),
        "Sửa `default:` hoặc xóa dòng này.".into(),
    )
}

/// (what is wrong, how to fix it): two options with the same text.
pub fn loader_duplicate_option(option: &str) -> (String, String) {
    (
        format!("Lựa chọn \"{option}\" bị lặp lại."),
        "Xóa lựa chọn trùng.".into(),
    )
}

/// (what is wrong, how to fix it): `min` greater than `max`, or `min_length` greater than `max_length`.
pub fn loader_bad_range() -> (String, String) {
    (
        "Giới hạn dưới lớn hơn giới hạn trên (min > max hoặc min_length > max_length).".into(),
        "Đổi lại cho giới hạn dưới nhỏ hơn hoặc bằng giới hạn trên.".into(),
    )
}

/// (what is wrong, how to fix it): a `pattern:` that is not a valid regular expression.
pub fn loader_bad_regex(detail: &str) -> (String, String) {
    (
        format!("Mẫu kiểm tra `pattern` không phải biểu thức chính quy hợp lệ ({detail})."),
        "Sửa biểu thức; ví dụ số văn bản: `^[0-9]+/[A-ZĐ-]+$`.".into(),
    )
}

/// (what is wrong, how to fix it): a section with nothing in it.
pub fn loader_empty_section() -> (String, String) {
    (
        "Mục này không có nội dung: không có `questions`, `text` hay `sections`.".into(),
        "Thêm câu hỏi hoặc mẫu câu cho mục, hoặc xóa mục.".into(),
    )
}

/// (what is wrong, how to fix it): a `when:` that cannot be parsed.
pub fn loader_condition_syntax(detail: &str) -> (String, String) {
    (format!("Điều kiện `when` viết sai: {}", end(&condition_detail(detail))), "Viết điều kiện như: `co_ke_hoach`, `not co_ke_hoach`, `so_lop > 0`, `loai == \"Hợp tác xã\"`, `a and (b or c)`. So sánh bằng dùng `==` (không phải `=`); nối điều kiện dùng `and`, `or`, `not` (không phải và, hoặc, không).".into())
}

/// (what is wrong, how to fix it): a template that cannot be parsed.
pub fn loader_template_syntax(detail: &str) -> (String, String) {
    (format!("Mẫu câu viết sai: {}", end(detail)), "Kiểm tra các cặp `{{ }}` và `{% %}`, và mỗi `{% if %}`/`{% for %}` có `{% endif %}`/`{% endfor %}`.".into())
}

/// (what is wrong, how to fix it): a template that fails when rendered with sample answers (e.g. a filter on the wrong kind).
pub fn loader_template_fails(detail: &str) -> (String, String) {
    (format!("Mẫu câu bị lỗi khi thử với câu trả lời mẫu: {}", end(detail)), "Sửa mẫu câu để nó chạy được với mọi câu trả lời, kể cả khi câu hỏi chưa được trả lời: dùng bộ lọc đúng loại (ngay_dai/ngay_ngan cho ngày, so/phan_tram cho số, noi cho danh sách), và `{% if x %}…{% endif %}` hoặc `(x or 0)` trước khi tính toán.".into())
}

/// (what is wrong, how to fix it): a template or condition that exceeds the render budget with some answers of the allowed lengths (tried branch by branch, so answers no sample gives are covered).
pub fn loader_template_over_budget(detail: &str, in_condition: bool) -> (String, String) {
    (format!("{} có thể vượt giới hạn an toàn với một câu trả lời (thử từng nhánh, câu trả lời dài nhất cho phép): {}", if in_condition { "Điều kiện" } else { "Mẫu câu" }, end(detail)), "Bảng hỏi có thể đến từ nơi khác: đừng dùng nó nếu không rõ nguồn. Nếu là bảng hỏi của bạn, bỏ phép nhân chuỗi/danh sách lớn, vòng lặp lồng nhau, hoặc đặt `max_length` cho câu hỏi văn bản.".into())
}

/// (what is wrong, how to fix it): a template or condition names a filter, test or function the engine does not have.
pub fn loader_unknown_filter(detail: &str, in_condition: bool) -> (String, String) {
    (
    format!("{} viết sai: {}", if in_condition { "Điều kiện `when`" } else { "Mẫu câu" }, end(detail)),
    "Sửa tên cho đúng (theo gợi ý, nếu có). Các bộ lọc dùng được: ngay_dai, ngay_ngan, so, phan_tram, noi và các bộ lọc có sẵn của Jinja — xem mục 10 và 16 của docs/questionnaire-format.md.".into(),
)
}

/// (what is wrong, how to fix it): a condition or template names something that is neither a var nor a question.
pub fn loader_unknown_name(
    name: &str,
    suggestion: Option<&str>,
    in_condition: bool,
    renamed: bool,
) -> (String, String) {
    let place = if in_condition {
        "Điều kiện"
    } else {
        "Mẫu câu"
    };
    match (suggestion, renamed) {
        (Some(to), true) => (
            format!(
                "{place} nhắc đến `{name}`, nhưng câu hỏi này đã đổi mã thành `{to}` (theo `renames`)."
            ),
            format!("Đổi `{name}` thành `{to}`."),
        ),
        (Some(s), false) => (
            format!(
                "{place} nhắc đến `{name}`, nhưng không có câu hỏi hay biến nào tên như vậy. Có phải ý bạn là `{s}`?"
            ),
            format!(
                "Nếu đúng là `{s}`, đổi `{name}` thành `{s}`. Nếu bạn vừa đổi mã câu hỏi `{name}`, dùng mã mới (và thêm vào `renames` để giữ câu trả lời cũ)."
            ),
        ),
        (None, _) => (
            format!("{place} nhắc đến `{name}`, nhưng không có câu hỏi hay biến nào tên như vậy."),
            "Sửa tên cho đúng mã câu hỏi (`id`) hoặc tên biến trong `vars`.".to_owned(),
        ),
    }
}

/// (what is wrong, how to fix it): the id or the title names a question: they are read before any answer, from `vars`.
pub fn loader_question_in_vars_only(name: &str) -> (String, String) {
    (
        format!(
            "`{name}` là một câu hỏi, nhưng `id` và `title` của bảng hỏi được đọc trước mọi câu trả lời: ở đây chỉ dùng được biến trong `vars`."
        ),
        format!(
            "Dùng một biến trong `vars` (giá trị cố định của kỳ báo cáo), hoặc bỏ `{{{{ {name} }}}}`."
        ),
    )
}

/// (what is wrong, how to fix it): a condition names a question that comes later (or is the question itself).
pub fn loader_later_name(name: &str, line: usize) -> (String, String) {
    (
        format!(
            "Điều kiện nhắc đến câu hỏi `{name}` (dòng {line}), nhưng câu hỏi đó nằm sau (hoặc chính là câu hỏi này); điều kiện chỉ được dựa vào câu trả lời đã hỏi trước."
        ),
        format!("Chuyển câu hỏi `{name}` lên trước, hoặc đổi điều kiện."),
    )
}

/// (what is wrong, how to fix it): a `renames:` entry whose old id is still a question.
pub fn loader_rename_from_live(from: &str, line: usize) -> (String, String) {
    (
        format!(
            "`renames` chuyển câu trả lời của `{from}` sang câu khác, nhưng `{from}` vẫn là một câu hỏi (dòng {line}); câu trả lời của nó sẽ bị chuyển nhầm."
        ),
        format!("Xóa dòng này trong `renames`, hoặc đổi mã câu hỏi ở dòng {line}."),
    )
}

/// (what is wrong, how to fix it): a `renames:` entry that points to no question.
pub fn loader_rename_target(to: &str, suggestion: Option<&str>) -> (String, String) {
    (
        format!(
            "`renames` chuyển sang `{to}`, nhưng không có câu hỏi nào mã `{to}`.{}",
            maybe(suggestion)
        ),
        suggestion.as_ref().map_or_else(
            || "Sửa tên đích cho đúng mã một câu hỏi hiện có.".to_owned(),
            |s| format!("Đổi `{to}` thành `{s}`."),
        ),
    )
}

/// (what is wrong, how to fix it): a table column `sum: true` on a text column.
pub fn loader_sum_on_text() -> (String, String) {
    (
        "Cột văn bản không thể là cột tổng (`sum: true`).".into(),
        "Đặt `kind: integer` hoặc `kind: decimal` cho cột này, hoặc bỏ `sum`.".into(),
    )
}

/// (what is wrong, how to fix it) for a YAML syntax error behind which lies a slip: a non-breaking or other special space (pasted from Word) where YAML needs a plain one.
pub const SLIP_ODD_SPACE: (&str, &str) = (
    "Dòng này có một dấu cách đặc biệt (thường do sao chép từ Word), YAML không hiểu.",
    "Xóa dấu cách ở vị trí được chỉ và gõ lại bằng phím cách.",
);

/// (what is wrong, how to fix it) for a YAML syntax error behind which lies a slip: typographic quotes “…” instead of straight ones.
pub const SLIP_CURLY_QUOTES: (&str, &str) = (
    "Dòng này dùng dấu ngoặc kép cong “ ” (do Word tự đổi); YAML chỉ hiểu dấu ngoặc kép thẳng \".",
    "Thay “ và ” bằng dấu \" gõ từ bàn phím (hoặc dùng dấu nháy đơn ').",
);

/// (what is wrong, how to fix it) for a YAML syntax error behind which lies a slip: `key:value` without a space after the colon.
pub const SLIP_NO_SPACE_AFTER_COLON: (&str, &str) = (
    "Thiếu dấu cách sau dấu `:` của khóa.",
    "Thêm một dấu cách sau dấu `:`, ví dụ `kind: yes_no`.",
);

/// (what is wrong, how to fix it) for a YAML syntax error behind which lies a slip: `-item` without a space after the dash.
pub const SLIP_NO_SPACE_AFTER_DASH: (&str, &str) = (
    "Thiếu dấu cách sau dấu `-` của một mục danh sách.",
    "Thêm một dấu cách sau dấu `-`, ví dụ `- heading: …`.",
);

/// (what is wrong, how to fix it) for a YAML syntax error behind which lies a slip: a value starting with `{{` or `{%` without quotes.
pub const SLIP_TEMPLATE_NEEDS_QUOTES: (&str, &str) = (
    "Giá trị bắt đầu bằng `{{` hoặc `{%` phải được đặt trong ngoặc kép (YAML hiểu `{` là bắt đầu một bảng).",
    "Đặt cả giá trị trong ngoặc kép: `\"{{ ten_xa }}\"`, hoặc viết ở dòng dưới sau dấu `|`.",
);

/// Lower-case ASCII with Vietnamese marks removed ("Số thành viên" → "so thanh vien").
pub fn ascii_fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.replace(['đ', 'Đ'], "d")
        .nfd()
        .filter(char::is_ascii)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn suggest_id(id: &str) -> String {
    let base: String = ascii_fold(id)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let base = base.trim_matches('_').to_owned();
    if base.is_empty() || !base.starts_with(|c: char| c.is_ascii_lowercase()) {
        format!("q_{base}")
    } else {
        format!("{base}_1")
    }
}

/// A Vietnamese rendering of the YAML parser's English detail.
pub(super) fn syntax_detail(detail: &str) -> String {
    let known = [
        (
            "invalid indentation in quoted scalar",
            "thiếu dấu ngoặc kép đóng (hoặc câu trong ngoặc kép xuống dòng mà không thụt lề)",
        ),
        (
            "duplicate entry with key",
            "một khóa (mã câu hỏi) xuất hiện hai lần",
        ),
        (
            "control characters are not allowed",
            "có ký tự điều khiển không hợp lệ",
        ),
        ("as u128", "có một số quá lớn"),
        ("as i128", "có một số quá lớn"),
        (
            "did not find expected key",
            "thiếu khóa, hoặc thụt lề không thẳng cột",
        ),
        (
            "mapping values are not allowed",
            "có dấu `:` ở chỗ không được phép — nếu văn bản có dấu `:`, hãy đặt cả câu trong ngoặc kép",
        ),
        (
            "did not find expected '-'",
            "thiếu dấu `-` của một mục danh sách, hoặc thụt lề sai",
        ),
        ("unclosed quote", "thiếu dấu ngoặc kép đóng"),
        (
            "found unexpected end of stream",
            "tệp kết thúc khi một chuỗi hay ngoặc chưa được đóng",
        ),
        ("while scanning a quoted scalar", "thiếu dấu ngoặc kép đóng"),
        ("did not find expected ',' or ']'", "thiếu dấu `,` hoặc `]`"),
        ("did not find expected ',' or '}'", "thiếu dấu `,` hoặc `}`"),
        ("invalid indentation", "thụt lề không đúng"),
        (
            "block sequence entries are not allowed",
            "có dấu `-` ở chỗ không được phép, kiểm tra thụt lề",
        ),
        (
            "found character that cannot start any token",
            "có ký tự không được phép ở đầu giá trị (ví dụ `@`, `` ` ``, `%`) — đặt giá trị trong ngoặc kép",
        ),
        ("found undefined tag handle", "dùng thẻ `!` không xác định"),
        ("mapping ended after a key", "khóa không có giá trị"),
    ];
    for (en, vi) in known {
        if detail.contains(en) {
            return vi.to_owned();
        }
    }
    format!("chi tiết kỹ thuật: {detail}")
}
