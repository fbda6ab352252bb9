//! The questionnaire format described once: every key the loader accepts, at every place,
//! with what it holds, a Vietnamese description and an example.
//!
//! Owns: the key tables the loader checks keys against (so a key added to the loader is a key
//! added here, with its description — the loader and `baocao schema` cannot drift apart), and
//! [`json_schema`], which prints them as a JSON Schema (draft 2020-12) for editors: strict
//! about unknown keys, with descriptions and examples for hover help and completion.
//!
//! Must not: load questionnaires, or check more than shapes (the loader does the rest).

use serde_json::{Map, Value, json};

use super::model::{NumberStyle, QuestionKind};

/// One key of one place in the file.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    /// What the value may be, as a JSON Schema fragment.
    pub shape: &'static str,
    /// Vietnamese, for hover help.
    pub doc: &'static str,
    /// An example value, as JSON.
    pub example: &'static str,
}

const fn key(
    name: &'static str,
    shape: &'static str,
    doc: &'static str,
    example: &'static str,
) -> Key {
    Key {
        name,
        shape,
        doc,
        example,
    }
}

const TEXT: &str = r#"{"type": "string"}"#;
const TEXT_OR_NUMBER: &str = r#"{"type": ["string", "number"]}"#;
/// One line or several.
const LINES: &str =
    r#"{"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}"#;
const TEXTS: &str = r#"{"type": "array", "items": {"type": "string"}}"#;
const BOOL: &str = r#"{"type": "boolean"}"#;
const CONDITION: &str = r#"{"type": ["string", "boolean"]}"#;
const ID: &str = r#"{"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}"#;

/// The top of the file.
pub const TOP: &[Key] = &[
    key(
        "format",
        r#"{"const": 1}"#,
        "Phiên bản định dạng bảng hỏi; hiện nay luôn là 1.",
        "1",
    ),
    key(
        "id",
        r#"{"type": "string", "pattern": "^([a-z0-9]|\\{\\{[^}]*\\}\\})([a-z0-9_-]|\\{\\{[^}]*\\}\\})*$"}"#,
        "Mã bảng hỏi: chữ thường không dấu, số, dấu gạch ngang và gạch dưới; có thể lấy giá trị từ vars như {{ nam_dau }}, để sang kỳ mới chỉ sửa vars. Tệp câu trả lời ghi mã này.",
        r#""ct1322-so-ket-{{ nam_dau }}-{{ nam_cuoi }}""#,
    ),
    key(
        "version",
        TEXT_OR_NUMBER,
        "Phiên bản của bảng hỏi, tăng lên mỗi lần sửa (ghi vào tệp câu trả lời).",
        "2",
    ),
    key(
        "title",
        TEXT,
        "Tên bảng hỏi, hiện ở thanh tiêu đề của trình hỏi đáp.",
        r#""Sơ kết giai đoạn 2021–2025 Chương trình 1322""#,
    ),
    key(
        "vars",
        r#"{"type": "object", "additionalProperties": {"type": ["string", "number", "boolean", "array"]}}"#,
        "Giá trị thay đổi theo kỳ báo cáo (năm, giai đoạn…), dùng trong mẫu câu như {{ nam_cuoi }}: sửa ở đây một lần cho cả bảng hỏi.",
        r#"{"nam_dau": 2021, "nam_cuoi": 2025}"#,
    ),
    key(
        "numbering",
        r#"{"type": "array", "items": {"enum": ["roman", "arabic", "nested", "alpha", "none"]}}"#,
        "Kiểu đánh số đề mục từng cấp: roman (I.), arabic (1.), nested (1.1.), alpha (a)), none (không số).",
        r#"["roman", "arabic", "nested", "alpha"]"#,
    ),
    key(
        "renames",
        r#"{"type": "object", "additionalProperties": {"type": "string"}}"#,
        "Đổi mã câu hỏi mà không mất câu trả lời cũ: mã cũ: mã mới.",
        r#"{"so_lop_tap_huan": "so_lop"}"#,
    ),
    key(
        "document",
        r##"{"$ref": "#/$defs/document"}"##,
        "Khung văn bản theo NĐ 30: cơ quan ban hành, số, địa danh và ngày, tên loại, trích yếu, câu kết, khối chữ ký, nơi nhận.",
        r#"{"issuer": ["ỦY BAN NHÂN DÂN", "XÃ {{ ten_xa | upper }}"], "kind": "BÁO CÁO"}"#,
    ),
    key(
        "questions",
        r##"{"type": "array", "items": {"$ref": "#/$defs/question"}}"##,
        "Các câu hỏi chung, hỏi trước (phần đầu văn bản, chữ ký…).",
        r#"[{"id": "ten_xa", "ask": "Tên xã", "kind": "text"}]"#,
    ),
    key(
        "sections",
        r##"{"type": "array", "items": {"$ref": "#/$defs/section"}}"##,
        "Các phần của báo cáo, theo đúng thứ tự và cấp đề mục khi in.",
        r#"[{"heading": "TÌNH HÌNH TRIỂN KHAI", "sections": []}]"#,
    ),
];

/// `document:`.
pub const DOCUMENT: &[Key] = &[
    key(
        "parent",
        LINES,
        "Tên cơ quan chủ quản trực tiếp (in chữ đứng, trên tên cơ quan ban hành); bỏ trống với UBND xã.",
        r#""UBND TỈNH QUẢNG NGÃI""#,
    ),
    key(
        "issuer",
        LINES,
        "Tên cơ quan ban hành, chữ in hoa, có thể chia nhiều dòng (in đậm, có gạch ngắn bên dưới).",
        r#"["ỦY BAN NHÂN DÂN", "XÃ {{ ten_xa | upper }}"]"#,
    ),
    key(
        "number",
        TEXT,
        "Số, ký hiệu văn bản, viết cả chữ \"Số:\"; khoảng trống bên trong được giữ cho văn thư ghi tay.",
        r#""Số: {{ so_bao_cao or '      ' }}/BC-UBND""#,
    ),
    key(
        "place_date",
        TEXT,
        "Địa danh và ngày tháng (in nghiêng); dùng bộ lọc ngay_dai để có dạng \"ngày 05 tháng 8 năm 2025\".",
        r#""{{ ten_xa }}, {{ ngay_bao_cao | ngay_dai(nam=nam_cuoi) }}""#,
    ),
    key(
        "kind",
        TEXT,
        "Tên loại văn bản, giữa trang, in đậm. Bỏ trống thì là BÁO CÁO.",
        r#""BÁO CÁO""#,
    ),
    key(
        "summary",
        TEXT,
        "Trích yếu nội dung, ngay dưới tên loại.",
        r#""Sơ kết giai đoạn {{ nam_dau }} – {{ nam_cuoi }} …""#,
    ),
    key(
        "to",
        LINES,
        "Nơi nhận ghi ở dòng \"Kính gửi:\"; không dòng nào thì không in.",
        r#"["{% if kinh_gui %}{{ co_quan_nhan }}.{% endif %}"]"#,
    ),
    key(
        "closing",
        TEXT,
        "Câu kết sau phần nội dung, kết thúc bằng \"./.\".",
        r#""UBND xã {{ ten_xa }} kính báo cáo {{ co_quan_nhan }}./.""#,
    ),
    key(
        "signer",
        r##"{"$ref": "#/$defs/signer"}"##,
        "Khối chữ ký: thẩm quyền ký, chức vụ, họ tên.",
        r#"{"authority": ["TM. ỦY BAN NHÂN DÂN"], "title": "CHỦ TỊCH", "name": "{{ nguoi_ky }}"}"#,
    ),
    key(
        "cc",
        LINES,
        "\"Nơi nhận:\", mỗi dòng một nơi, không viết \"- \" (chương trình tự thêm).",
        r#"["Như trên;", "Lưu: VT."]"#,
    ),
];

/// `document.signer:`.
pub const SIGNER: &[Key] = &[
    key(
        "authority",
        LINES,
        "Các dòng thẩm quyền ký (TM., KT., Q., TL., TUQ.), chữ in hoa.",
        r#"["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]"#,
    ),
    key(
        "title",
        TEXT,
        "Chức vụ người ký, chữ in hoa (dùng | upper).",
        r#""{{ chuc_vu_ky | upper }}""#,
    ),
    key(
        "name",
        TEXT,
        "Họ tên người ký (chương trình chừa chỗ ký và đóng dấu phía trên).",
        r#""{{ nguoi_ky }}""#,
    ),
];

/// One item of `sections:`.
pub const SECTION: &[Key] = &[
    key(
        "heading",
        TEXT,
        "Đề mục; số (I., 1., 1.1.) được thêm tự động theo cấp. Đề mục cấp 1 viết chữ in hoa.",
        r#""TÌNH HÌNH TRIỂN KHAI CHƯƠNG TRÌNH""#,
    ),
    key(
        "inline",
        BOOL,
        "true: đề mục in liền với đoạn văn đầu tiên (\"1.1. Đề mục: nội dung\").",
        "true",
    ),
    key(
        "number",
        BOOL,
        "false: mục này không đánh số (và không chiếm số).",
        "false",
    ),
    key(
        "when",
        CONDITION,
        "Điều kiện: mục chỉ có trong báo cáo khi điều kiện đúng (dựa trên câu trả lời trước đó).",
        r#""co_ke_hoach_rieng""#,
    ),
    key(
        "questions",
        r##"{"type": "array", "items": {"$ref": "#/$defs/question"}}"##,
        "Các câu hỏi của mục; câu trả lời thành đoạn văn của mục.",
        r#"[{"id": "ke_hoach", "ask": "Tình hình triển khai kế hoạch", "kind": "paragraph"}]"#,
    ),
    key(
        "text",
        TEXT,
        "Mẫu đoạn văn của mục, dùng câu trả lời: {{ ma_cau_hoi }}. Không có thì in các câu trả lời lần lượt.",
        r#""Xã đã tổ chức {{ so_lop }} lớp tập huấn.""#,
    ),
    key(
        "sections",
        r##"{"type": "array", "items": {"$ref": "#/$defs/section"}}"##,
        "Các mục con (cấp đề mục tiếp theo).",
        "[]",
    ),
];

/// One item of `questions:`.
pub const QUESTION: &[Key] = &[
    key(
        "id",
        ID,
        "Mã câu hỏi: chữ thường không dấu, số và dấu gạch dưới; dùng trong mẫu câu và tệp câu trả lời.",
        r#""ten_xa""#,
    ),
    key(
        "ask",
        TEXT,
        "Câu hỏi hiện cho người trả lời.",
        r#""Tên xã (không ghi chữ \"xã\")""#,
    ),
    key(
        "help",
        TEXT,
        "Lời hướng dẫn hiện dưới câu hỏi.",
        r#""Ví dụ \"Ba Đình\".""#,
    ),
    key(
        "kind",
        r#"{"enum": ["text", "paragraph", "integer", "decimal", "date", "yes_no", "choice", "choices", "list", "table"]}"#,
        "Loại câu hỏi: text (một dòng), paragraph (đoạn văn), integer, decimal, date (ngày), yes_no, choice (chọn một), choices (chọn nhiều), list (danh sách), table (bảng).",
        r#""paragraph""#,
    ),
    key(
        "required",
        BOOL,
        "true: câu bắt buộc (dấu * trong trình hỏi đáp).",
        "true",
    ),
    key(
        "default",
        "{}",
        "Giá trị mặc định, dùng khi câu chưa được trả lời; cùng loại với câu hỏi.",
        r#""Không có hoạt động.""#,
    ),
    key(
        "suggestions",
        TEXTS,
        "Các câu trả lời gợi ý (F2 trong trình hỏi đáp).",
        r#"["Không có hoạt động xây dựng chính sách tại địa phương."]"#,
    ),
    key(
        "validate",
        r##"{"$ref": "#/$defs/validate"}"##,
        "Kiểm tra câu trả lời: độ dài, khoảng giá trị, mẫu, kèm lời báo.",
        r#"{"min_length": 2, "max_length": 50, "message": "Tên xã phải có từ 2 đến 50 ký tự."}"#,
    ),
    key(
        "when",
        CONDITION,
        "Điều kiện: câu chỉ được hỏi khi điều kiện đúng.",
        r#""co_ke_hoach_rieng""#,
    ),
    key(
        "label",
        TEXT,
        "Nhãn in trước câu trả lời (\"Nhãn: giá trị\") ở mục không có text; không có thì dùng ask. Câu yes_no chỉ được in khi có label.",
        r#""Kinh phí""#,
    ),
    key(
        "options",
        TEXTS,
        "Các lựa chọn (loại choice, choices).",
        r#"["Chủ tịch", "Phó Chủ tịch"]"#,
    ),
    key(
        "other",
        BOOL,
        "true: có thêm lựa chọn \"Khác\" để gõ câu trả lời riêng (loại choice, choices).",
        "true",
    ),
    key(
        "columns",
        r##"{"type": "array", "items": {"$ref": "#/$defs/column"}}"##,
        "Các cột của bảng (loại table).",
        r#"[{"id": "noi_dung", "title": "Nội dung"}, {"id": "so_luong", "title": "Số lượng", "kind": "integer", "sum": true}]"#,
    ),
    key(
        "rows",
        TEXTS,
        "Các dòng có sẵn của bảng (cột đầu), người trả lời chỉ điền số.",
        r#"["Hệ thống quản lý chất lượng ISO 9001", "Công cụ 5S"]"#,
    ),
    key(
        "total_row",
        TEXT,
        "Tên dòng tổng cộng ở cuối bảng; dòng này cộng dồn mọi cột số.",
        r#""Tổng cộng""#,
    ),
];

/// `validate:`.
pub const VALIDATE: &[Key] = &[
    key(
        "min_length",
        r#"{"type": "integer", "minimum": 0}"#,
        "Số ký tự ít nhất.",
        "2",
    ),
    key(
        "max_length",
        r#"{"type": "integer", "minimum": 0}"#,
        "Số ký tự nhiều nhất.",
        "50",
    ),
    key(
        "min",
        r#"{"type": "number"}"#,
        "Giá trị nhỏ nhất (số).",
        "0",
    ),
    key(
        "max",
        r#"{"type": "number"}"#,
        "Giá trị lớn nhất (số).",
        "100",
    ),
    key(
        "pattern",
        TEXT,
        "Mẫu (biểu thức chính quy) câu trả lời phải khớp.",
        r#""^[0-9]+$""#,
    ),
    key(
        "message",
        TEXT,
        "Lời báo khi câu trả lời không đạt, bằng tiếng Việt.",
        r#""Số báo cáo chỉ gồm chữ số.""#,
    ),
];

/// One item of `columns:`.
pub const COLUMN: &[Key] = &[
    key("id", ID, "Mã cột.", r#""so_luong""#),
    key("title", TEXT, "Tiêu đề cột khi in.", r#""Số lượng""#),
    key(
        "kind",
        r#"{"enum": ["text", "integer", "decimal"]}"#,
        "Loại ô: text, integer hoặc decimal.",
        r#""integer""#,
    ),
    key(
        "sum",
        BOOL,
        "true: cột tự tính, mỗi ô là tổng các cột số khác của cùng dòng (cột \"Tổng\").",
        "true",
    ),
];

/// The names of some keys.
pub fn names(keys: &[Key]) -> impl Iterator<Item = &'static str> + '_ {
    keys.iter().map(|k| k.name)
}

/// An object of `keys`, strict about others.
fn object(keys: &[Key], required: &[&str], doc: &str) -> Value {
    let mut properties = Map::new();
    for k in keys {
        let mut property: Value = serde_json::from_str(k.shape).expect("a valid shape");
        let example: Value = serde_json::from_str(k.example).expect("a valid example");
        if let Value::Object(p) = &mut property {
            p.insert("description".into(), Value::String(k.doc.to_owned()));
            p.insert("examples".into(), json!([example]));
        }
        properties.insert(k.name.to_owned(), property);
    }
    json!({
        "type": "object",
        "description": doc,
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// The questionnaire format as a JSON Schema (draft 2020-12), for editors.
pub fn json_schema() -> Value {
    let mut root = object(
        TOP,
        &["format", "id", "version", "title", "document", "sections"],
        "Bảng hỏi baocao: cấu trúc báo cáo, câu hỏi và khung văn bản theo NĐ 30.",
    );
    let root_map = root.as_object_mut().expect("an object");
    root_map.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    root_map.insert(
        "$id".into(),
        json!("https://baocao.invalid/schema/questionnaire-1.json"),
    );
    root_map.insert("title".into(), json!("Bảng hỏi baocao (format: 1)"));
    root_map.insert(
        "$defs".into(),
        json!({
            "document": object(DOCUMENT, &[], "Khung văn bản theo Nghị định 30/2020/NĐ-CP."),
            "signer": object(SIGNER, &[], "Khối chữ ký."),
            "section": object(SECTION, &[], "Một mục của báo cáo."),
            "question": object(QUESTION, &["id", "ask", "kind"], "Một câu hỏi."),
            "validate": object(VALIDATE, &[], "Kiểm tra câu trả lời."),
            "column": object(COLUMN, &["id", "title"], "Một cột của bảng."),
        }),
    );
    // The lists of names come from the model, so they cannot drift either.
    root["properties"]["numbering"]["items"]["enum"] = json!(NumberStyle::NAMES);
    root["$defs"]["question"]["properties"]["kind"]["enum"] = json!(QuestionKind::NAMES);
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_description_an_example_and_a_shape_that_parse() {
        for keys in [TOP, DOCUMENT, SIGNER, SECTION, QUESTION, VALIDATE, COLUMN] {
            for k in keys {
                assert!(!k.doc.is_empty(), "{}", k.name);
                serde_json::from_str::<Value>(k.shape)
                    .unwrap_or_else(|e| panic!("{}: {e}", k.name));
                serde_json::from_str::<Value>(k.example)
                    .unwrap_or_else(|e| panic!("{}: {e}", k.name));
            }
        }
        let schema = json_schema();
        assert_eq!(schema["additionalProperties"], json!(false));
        assert_eq!(
            schema["$defs"]["question"]["additionalProperties"],
            json!(false)
        );
    }
}
