//! The command line: the wizard (`baocao`, `baocao run`, or line by line with `--plain`),
//! `render`, `check`, `diff` and `schema`.
//!
//! Owns: argument parsing (clap derive, with Vietnamese help and errors), wiring the core
//! together for each command, where output goes (stdout or an atomically written file, never
//! one of the input files), and the exit codes:
//!
//! | code | meaning |
//! |---|---|
//! | 0 | done |
//! | 1 | a questionnaire has errors |
//! | 2 | the command line is wrong |
//! | 3 | the answers file cannot be used |
//! | 4 | a file cannot be written |
//! | 5 | the report cannot be produced (a template failed on these answers) |
//! | 6 | the wizard needs a terminal and has none, or the answers could not be saved on quit |
//! | 101 | the wizard panicked (the answers were folded from the journal first) |
//! | 128 + n | the wizard was stopped by signal n (the answers were folded first) |
//!
//! Must not: parse YAML, evaluate conditions, or lay out reports itself.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

use crate::answers::{self, Answers, KeptReason};
use crate::messages;
use crate::questionnaire::{self, Questionnaire};
use crate::report::{self, BodySize, FileFormat, Problem};
use crate::session;

mod wizard;

pub const EXIT_OK: u8 = 0;
pub const EXIT_QUESTIONNAIRE: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_ANSWERS: u8 = 3;
pub const EXIT_WRITE: u8 = 4;
pub const EXIT_RENDER: u8 = 5;
pub const EXIT_TERMINAL: u8 = 6;

const HELP_TEMPLATE: &str = "{about}\n\nCách dùng: {usage}\n\n{all-args}{after-help}";

#[derive(Parser, Debug)]
#[command(
    name = "baocao",
    version,
    about = messages::CLI_ABOUT,
    help_template = HELP_TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    next_help_heading = "Tùy chọn",
    subcommand_help_heading = "Lệnh",
    subcommand_value_name = "LỆNH",
    after_help = messages::CLI_EXIT_CODES,
    override_usage = "baocao [LỆNH] [TÙY_CHỌN]"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// In trợ giúp.
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,
    /// In phiên bản.
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Mở trình hỏi đáp trên một bảng hỏi (mặc định: bảng hỏi có sẵn).
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        override_usage = "baocao run [BẢNG_HỎI] [--answers TỆP] [--from TỆP_KỲ_TRƯỚC] [--plain]"
    )]
    Run {
        /// Tệp bảng hỏi (.yaml); bỏ trống để dùng bảng hỏi có sẵn.
        #[arg(value_name = "BẢNG_HỎI", help_heading = "Tham số")]
        questionnaire: Option<PathBuf>,
        /// Tệp câu trả lời (mặc định: <mã bảng hỏi>.answers.yaml trong thư mục hiện tại).
        #[arg(long, value_name = "TỆP")]
        answers: Option<PathBuf>,
        /// Lấy sẵn câu trả lời từ tệp câu trả lời của kỳ trước (các câu này được đánh dấu
        /// "cần xem lại"); câu đã trả lời trong tệp hiện tại được giữ nguyên.
        #[arg(long, value_name = "TỆP_KỲ_TRƯỚC")]
        from: Option<PathBuf>,
        /// Hỏi từng câu trên các dòng chữ thường (cho trình đọc màn hình, cửa sổ không hiện
        /// được toàn màn hình, hoặc để đưa câu trả lời vào qua đường ống).
        #[arg(long)]
        plain: bool,
    },
    /// Tạo báo cáo từ bảng hỏi và tệp câu trả lời (không cần giao diện).
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        override_usage = "baocao render BẢNG_HỎI --answers TỆP [--format txt|md|docx] [--font-size 13|14] [--body-only] [-o TỆP]"
    )]
    Render {
        /// Tệp bảng hỏi (.yaml).
        #[arg(value_name = "BẢNG_HỎI", help_heading = "Tham số")]
        questionnaire: PathBuf,
        /// Tệp câu trả lời (.answers.yaml).
        #[arg(long, value_name = "TỆP")]
        answers: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Xem trước hình dạng báo cáo khi chưa có câu trả lời (chỗ của câu trả lời ghi [câu hỏi]).
    ///
    /// Đề mục đánh số như khi in, chỗ của từng câu trả lời ghi [câu hỏi], phần có điều kiện ghi
    /// «nếu …». Dùng để soát bảng hỏi sau khi sửa, hay gửi bản Word cho lãnh đạo duyệt mẫu.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        override_usage = "baocao preview BẢNG_HỎI [--format txt|md|docx] [--font-size 13|14] [--body-only] [-o TỆP]"
    )]
    Preview {
        /// Tệp bảng hỏi (.yaml).
        #[arg(value_name = "BẢNG_HỎI", help_heading = "Tham số")]
        questionnaire: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Kiểm tra bảng hỏi; báo mọi lỗi kèm số dòng và cách sửa.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        override_usage = "baocao check BẢNG_HỎI... [--format text|json]"
    )]
    Check {
        /// Một hoặc nhiều tệp bảng hỏi.
        #[arg(value_name = "BẢNG_HỎI", required = true, help_heading = "Tham số")]
        questionnaires: Vec<PathBuf>,
        /// Định dạng: text (mặc định) hoặc json (cho công cụ khác: mỗi lỗi, cảnh báo một mục).
        #[arg(
            long,
            value_enum,
            default_value = "text",
            value_name = "ĐỊNH_DẠNG",
            hide_possible_values = true,
            hide_default_value = true
        )]
        format: CheckFormat,
    },
    /// So sánh hai phiên bản bảng hỏi: mục, câu hỏi thêm/bỏ/đổi, câu trả lời cũ sẽ bị bỏ riêng.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        override_usage = "baocao diff BẢNG_HỎI_CŨ BẢNG_HỎI_MỚI"
    )]
    Diff {
        /// Bảng hỏi cũ (kỳ trước).
        #[arg(value_name = "BẢNG_HỎI_CŨ", help_heading = "Tham số")]
        old: PathBuf,
        /// Bảng hỏi mới (kỳ này).
        #[arg(value_name = "BẢNG_HỎI_MỚI", help_heading = "Tham số")]
        new: PathBuf,
    },
    /// In JSON Schema của định dạng bảng hỏi (cho trình soạn thảo: gợi ý khóa, giải thích, gạch đỏ chỗ sai).
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        override_usage = "baocao schema [-o TỆP]"
    )]
    Schema {
        /// Ghi ra tệp thay vì in ra màn hình.
        #[arg(short = 'o', long = "output", value_name = "TỆP")]
        output: Option<PathBuf>,
    },
}

/// How `render` and `preview` write a report.
#[derive(Args, Debug)]
struct OutputArgs {
    /// Định dạng: txt (văn bản), md (Markdown) hoặc docx (Word, cần -o). Mặc định theo đuôi
    /// của tệp -o (.docx, .md), không thì txt.
    #[arg(
        long,
        value_enum,
        value_name = "ĐỊNH_DẠNG",
        hide_possible_values = true
    )]
    format: Option<OutputFormat>,
    /// Cỡ chữ phần nội dung của tệp Word: 14 (mặc định) hoặc 13.
    #[arg(
        long,
        value_enum,
        value_name = "CỠ",
        default_value = "14",
        hide_possible_values = true,
        hide_default_value = true
    )]
    font_size: FontSize,
    /// Chỉ phần nội dung (không có khối tiêu đề và khối chữ ký theo NĐ 30).
    #[arg(long)]
    body_only: bool,
    /// Ghi ra tệp thay vì in ra màn hình (không được trùng tệp bảng hỏi hay câu trả lời).
    #[arg(short = 'o', long = "output", value_name = "TỆP")]
    output: Option<PathBuf>,
}

impl OutputArgs {
    /// The format asked for (or, when none is, the one the output file's extension names),
    /// and the Word body's font size (unused by the text formats).
    fn target(&self) -> (FileFormat, BodySize) {
        let format = match self.format {
            Some(OutputFormat::Txt) => FileFormat::Text,
            Some(OutputFormat::Md) => FileFormat::Markdown,
            Some(OutputFormat::Docx) => FileFormat::Word,
            // Not said: what the output file's name says (`-o bao-cao.docx` is a Word file).
            None => match self.output.as_deref().and_then(Path::extension) {
                Some(ext) if ext.eq_ignore_ascii_case("docx") => FileFormat::Word,
                Some(ext) if ext.eq_ignore_ascii_case("md") => FileFormat::Markdown,
                _ => FileFormat::Text,
            },
        };
        let size = match self.font_size {
            FontSize::Thirteen => BodySize::Thirteen,
            FontSize::Fourteen => BodySize::Fourteen,
        };
        (format, size)
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum OutputFormat {
    /// Văn bản thuần (.txt).
    Txt,
    /// Markdown (.md).
    Md,
    /// Word (.docx), trình bày theo NĐ 30.
    Docx,
}

/// How `check` reports.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum CheckFormat {
    /// Cho người đọc.
    Text,
    /// JSON.
    Json,
}

/// The body size of a Word file.
#[derive(ValueEnum, Clone, Copy, Debug)]
enum FontSize {
    #[value(name = "13")]
    Thirteen,
    #[value(name = "14")]
    Fourteen,
}

/// Prints to stdout; a closed pipe (`baocao check … | head`) is not an error. Messages quote
/// questionnaires and answers, so control and reordering characters are taken out first.
fn say(text: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{}", report::clean_text(text));
}

/// Prints to stderr; a closed stderr is not an error either. Cleaned as [`say`] cleans.
fn warn(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{}", report::clean_text(text));
}

/// Runs the program with the process arguments; returns the exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    let code = match cli.command {
        None => wizard::wizard(None, None, None, wizard::Front::Wizard),
        Some(Command::Run {
            questionnaire,
            answers,
            from,
            plain,
        }) => wizard::wizard(
            questionnaire.as_deref(),
            answers.as_deref(),
            from.as_deref(),
            if plain {
                wizard::Front::Plain
            } else {
                wizard::Front::Wizard
            },
        ),
        Some(Command::Check {
            questionnaires,
            format,
        }) => check(&questionnaires, format == CheckFormat::Json),
        Some(Command::Schema { output }) => schema(output.as_deref()),
        Some(Command::Diff { old, new }) => diff(&old, &new),
        Some(Command::Render {
            questionnaire,
            answers,
            output,
        }) => render(&questionnaire, &answers, &output),
        Some(Command::Preview {
            questionnaire,
            output,
        }) => preview(&questionnaire, &output),
    };
    ExitCode::from(code)
}

fn usage_error(err: &clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            return ExitCode::from(EXIT_OK);
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            return ExitCode::from(EXIT_USAGE);
        }
        _ => {}
    }
    let context = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    };
    // clap writes value names as `<BẢNG_HỎI>...`; the sentence adds its own full stop.
    let arg = context(ContextKind::InvalidArg)
        .trim_end_matches('.')
        .to_owned();
    let value = context(ContextKind::InvalidValue);
    let what = match err.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => messages::cli_unknown_option(&arg),
        ErrorKind::UnknownArgument => messages::cli_extra_argument(&arg),
        ErrorKind::InvalidSubcommand => {
            messages::cli_unknown_command(&context(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue if value.is_empty() => messages::cli_missing_value(&arg),
        ErrorKind::InvalidValue => {
            messages::cli_invalid_value(&value, &arg, &context(ContextKind::ValidValue))
        }
        ErrorKind::MissingRequiredArgument => messages::cli_missing_argument(&arg),
        ErrorKind::ArgumentConflict => messages::cli_repeated(&arg),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            messages::cli_extra_argument(&value)
        }
        _ => messages::CLI_SYNTAX.to_owned(),
    };
    warn(&messages::cli_usage_error(&what));
    ExitCode::from(EXIT_USAGE)
}

/// Says what changed between two questionnaire versions.
fn diff(old_path: &Path, new_path: &Path) -> u8 {
    let mut loaded = Vec::new();
    for path in [old_path, new_path] {
        match load_questionnaire(path) {
            Ok(q) => loaded.push(q),
            Err(err) => {
                warn(&err.to_string());
                return EXIT_QUESTIONNAIRE;
            }
        }
    }
    let changes = crate::compare::compare(&loaded[0], &loaded[1]);
    say(crate::compare::diff_report(
        &old_path.display().to_string(),
        &new_path.display().to_string(),
        &changes,
    )
    .trim_end());
    EXIT_OK
}

/// Prints (or writes) the JSON Schema of the questionnaire format.
fn schema(output: Option<&Path>) -> u8 {
    let mut text =
        serde_json::to_string_pretty(&questionnaire::schema::json_schema()).unwrap_or_default();
    text.push('\n');
    match output {
        None => say(text.trim_end()),
        Some(path) => {
            if let Err(err) = crate::files::write_atomic(path, text.as_bytes()) {
                warn(&messages::write_failed(
                    &crate::files::shown(path),
                    &messages::io_detail(&err),
                ));
                return EXIT_WRITE;
            }
        }
    }
    EXIT_OK
}

/// Checks questionnaires: errors (exit 1) and warnings for likely slips (exit 0), as text
/// or as one JSON list for tools.
fn check(paths: &[PathBuf], json: bool) -> u8 {
    let mut code = EXIT_OK;
    let mut found = Vec::new();
    for path in paths {
        let file = path.display().to_string();
        match check_questionnaire(path) {
            Ok(q) => {
                let warnings = questionnaire::lint::lint(&q);
                if json {
                    found.extend(warnings.iter().map(|w| {
                        serde_json::json!({
                            "file": file, "line": w.pos.line, "column": w.pos.col,
                            "level": "warning", "code": w.code,
                            "message": w.what, "fix": w.fix,
                        })
                    }));
                } else if warnings.is_empty() {
                    say(&messages::check_ok(&file));
                } else {
                    let source = std::fs::read_to_string(path)
                        .unwrap_or_else(|_| questionnaire::BUILTIN_SOURCE.to_owned());
                    warn(questionnaire::diag::warnings_text(&file, &source, &warnings).trim_end());
                    say(&messages::check_warnings(&file, warnings.len()));
                }
            }
            Err(err) => {
                code = EXIT_QUESTIONNAIRE;
                if json {
                    found.extend(err.diagnostics.iter().map(|d| {
                        let (what, fix) = questionnaire::explain::diagnostic(&d.kind);
                        let kind = format!("{:?}", d.kind);
                        let code: String = kind
                            .chars()
                            .take_while(char::is_ascii_alphanumeric)
                            .collect();
                        serde_json::json!({
                            "file": file, "line": d.pos.line, "column": d.pos.col,
                            "level": "error", "code": code, "message": what, "fix": fix,
                        })
                    }));
                } else {
                    warn(&err.to_string());
                }
            }
        }
    }
    if json {
        say(&serde_json::to_string_pretty(&found).unwrap_or_default());
    }
    code
}

/// Refuses an output that cannot be written as asked: Word bytes onto a terminal, or over
/// one of the input files.
fn output_refused(args: &OutputArgs, inputs: &[&Path]) -> Option<u8> {
    use std::io::IsTerminal;
    if args.output.is_none()
        && args.target().0 == FileFormat::Word
        && std::io::stdout().is_terminal()
    {
        // A Word file is bytes, not text: printed on a terminal it would garble the screen.
        warn(&messages::cli_usage_error(messages::DOCX_NEEDS_OUTPUT));
        return Some(EXIT_USAGE);
    }
    if let Some(out) = &args.output
        && inputs.iter().any(|input| same_file(out, input))
    {
        warn(&messages::output_is_input(&crate::files::shown(out)));
        return Some(EXIT_WRITE);
    }
    None
}

/// Writes a document as asked: to stdout, or atomically to the output file.
fn emit(doc: &report::Document, args: &OutputArgs) -> u8 {
    let full = !args.body_only;
    let (format, size) = args.target();
    let bytes = report::encode(format, doc, full, size);
    match &args.output {
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe means the reader has what it wanted; that is not a failure.
            let _ = stdout.write_all(&bytes).and_then(|()| stdout.flush());
        }
        Some(path) => {
            if let Err(err) = crate::files::write_atomic(path, &bytes) {
                let shown = crate::files::shown(path);
                warn(&messages::write_failed(&shown, &messages::io_detail(&err)));
                return EXIT_WRITE;
            }
        }
    }
    EXIT_OK
}

/// `baocao preview`: the report's shape without answers.
fn preview(q_path: &Path, args: &OutputArgs) -> u8 {
    if let Some(code) = output_refused(args, &[q_path]) {
        return code;
    }
    match load_questionnaire(q_path) {
        Ok(q) => emit(&report::preview::preview(&q), args),
        Err(err) => {
            warn(&err.to_string());
            EXIT_QUESTIONNAIRE
        }
    }
}

fn render(q_path: &Path, a_path: &Path, args: &OutputArgs) -> u8 {
    if let Some(code) = output_refused(args, &[q_path, a_path]) {
        return code;
    }
    let q = match load_questionnaire(q_path) {
        Ok(q) => q,
        Err(err) => {
            warn(&err.to_string());
            return EXIT_QUESTIONNAIRE;
        }
    };
    let answers = match answers::load(a_path, &q) {
        Ok(a) => a,
        Err(err) => {
            warn(&err.to_string());
            return EXIT_ANSWERS;
        }
    };
    let file = crate::files::shown(a_path);
    // Answers written for another questionnaire would give a nearly empty report.
    if let Some(id) = answers.questionnaire_id.as_ref().filter(|id| **id != q.id) {
        warn(&messages::answers_wrong_questionnaire(&file, id, &q.id));
        return EXIT_ANSWERS;
    }
    warn_about_answers(&file, &answers, &q);
    // Answers the wizard would bring back (a copy from a full disk, a journal) are not in
    // this file: said, not taken (render only reads).
    let waiting = session::waiting(a_path);
    if !waiting.is_empty() {
        let shown: Vec<String> = waiting.iter().map(|p| crate::files::shown(p)).collect();
        warn(&messages::answers_waiting(&file, &shown.join(", ")));
    }
    let (doc, problems) = report::build_checked(&q, &answers);
    for p in problems {
        match p {
            Problem::Missing { id, ask } => warn(&messages::missing_required(&file, &id, &ask)),
            Problem::Invalid { id, message } => {
                let at = messages::at(&file, answers.line_of(&id));
                warn(&messages::invalid_value(&at, &id, &message));
            }
            Problem::Condition { line, detail } => {
                warn(&messages::condition_failed(
                    &crate::files::shown(q_path),
                    line,
                    &detail,
                ));
            }
        }
    }
    let doc = match doc {
        Ok(doc) => doc,
        Err(err) => {
            let q_file = crate::files::shown(q_path);
            warn(&messages::render_failed(
                &q_file,
                err.pos.line,
                &err.detail,
                err.budget,
            ));
            return EXIT_RENDER;
        }
    };
    let code = emit(&doc, args);
    // The process ends now: the system takes the memory back at once, without freeing the
    // questionnaire, the answers and the report piece by piece (a few per cent of a render).
    std::mem::forget((q, answers, doc));
    code
}

/// A questionnaire file — or the built-in one, named by its id or file name when no such file
/// exists here (`baocao render ct1322-so-ket-2021-2025 --answers …`).
/// Only loaded: templates are not tried with sample answers (that is `check`).
fn load_questionnaire(path: &Path) -> Result<Questionnaire, questionnaire::LoadError> {
    find_questionnaire(path, questionnaire::load_path, questionnaire::builtin)
}

/// [`load_questionnaire`] as `baocao check` does it: every template also rendered with
/// sample answers and probed against the render budget.
fn check_questionnaire(path: &Path) -> Result<Questionnaire, questionnaire::LoadError> {
    find_questionnaire(
        path,
        questionnaire::check_path,
        questionnaire::check_builtin,
    )
}

/// The file at `path` through `load`, or the built-in questionnaire through `builtin`.
fn find_questionnaire(
    path: &Path,
    load: fn(&Path) -> Result<Questionnaire, questionnaire::LoadError>,
    builtin: fn() -> Result<Questionnaire, questionnaire::LoadError>,
) -> Result<Questionnaire, questionnaire::LoadError> {
    let name = path.to_string_lossy();
    let builtin_id = questionnaire::BUILTIN_NAME.trim_end_matches(".yaml");
    if !path.exists() && (name == builtin_id || name == questionnaire::BUILTIN_NAME) {
        return builtin();
    }
    load(path)
}

/// Whether two paths name the same existing file (symlinks and `./` resolved).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn warn_about_answers(file: &str, answers: &Answers, q: &Questionnaire) {
    if answers
        .questionnaire_id
        .as_ref()
        .is_some_and(|id| *id == q.id)
        && answers
            .questionnaire_hash
            .as_ref()
            .is_some_and(|h| *h != q.hash)
    {
        warn(&messages::answers_questionnaire_changed(file));
    }
    for (id, kept) in answers.kept() {
        let file = &messages::at(file, answers.line_of(id));
        match &kept.reason {
            KeptReason::Orphan { suggestion } => {
                warn(&messages::orphan_answer(file, id, suggestion.as_deref()));
            }
            KeptReason::Invalid { reason } => warn(&messages::invalid_answer(file, id, reason)),
            KeptReason::Superseded { by } => warn(&messages::superseded_answer(file, id, by)),
        }
    }
}
