//! The command line: `render`, `check`, and (later) the wizard.
//!
//! Owns: argument parsing (clap derive, with Vietnamese help and errors), wiring the core
//! together for each command, where output goes (stdout or an atomically written file), and
//! the exit codes:
//!
//! | code | meaning |
//! |---|---|
//! | 0 | done |
//! | 1 | a questionnaire has errors |
//! | 2 | the command line is wrong |
//! | 3 | the answers file cannot be used |
//! | 4 | a file cannot be written |
//! | 5 | the report cannot be produced (a template failed on these answers) |
//!
//! Must not: parse YAML, evaluate conditions, or lay out reports itself.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Parser, Subcommand, ValueEnum};

use crate::answers::{self, Answers, KeptReason};
use crate::messages;
use crate::questionnaire::{self, Questionnaire};
use crate::report::{self, Format, Problem};

pub const EXIT_OK: u8 = 0;
pub const EXIT_QUESTIONNAIRE: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_ANSWERS: u8 = 3;
pub const EXIT_WRITE: u8 = 4;
pub const EXIT_RENDER: u8 = 5;

const HELP_TEMPLATE: &str = "{about}\n\n{usage-heading} {usage}\n\n{all-args}{after-help}";

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
    after_help = "Mã thoát: 0 xong; 1 bảng hỏi có lỗi; 2 sai tham số; 3 tệp câu trả lời không dùng được; 4 không ghi được tệp; 5 không tạo được báo cáo."
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
    /// Tạo báo cáo từ bảng hỏi và tệp câu trả lời (không cần giao diện).
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Render {
        /// Tệp bảng hỏi (.yaml).
        #[arg(value_name = "BẢNG_HỎI")]
        questionnaire: PathBuf,
        /// Tệp câu trả lời (.answers.yaml).
        #[arg(long, value_name = "TỆP")]
        answers: PathBuf,
        /// Định dạng: txt (văn bản) hoặc md (Markdown).
        #[arg(long, value_enum, default_value = "txt", value_name = "ĐỊNH_DẠNG")]
        format: OutputFormat,
        /// Chỉ phần nội dung (không có khối tiêu đề và khối chữ ký theo NĐ 30).
        #[arg(long)]
        body_only: bool,
        /// Ghi ra tệp thay vì in ra màn hình.
        #[arg(short = 'o', long = "output", value_name = "TỆP")]
        output: Option<PathBuf>,
    },
    /// Kiểm tra bảng hỏi; báo mọi lỗi kèm số dòng và cách sửa.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Check {
        /// Một hoặc nhiều tệp bảng hỏi.
        #[arg(value_name = "BẢNG_HỎI", required = true)]
        questionnaires: Vec<PathBuf>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum OutputFormat {
    /// Văn bản thuần (.txt).
    Txt,
    /// Markdown (.md).
    Md,
}

/// Runs the program with the process arguments; returns the exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    let code = match cli.command {
        None => {
            println!("{}", messages::WIZARD_NOT_YET);
            EXIT_OK
        }
        Some(Command::Check { questionnaires }) => check(&questionnaires),
        Some(Command::Render {
            questionnaire,
            answers,
            format,
            body_only,
            output,
        }) => {
            let format = match format {
                OutputFormat::Txt => Format::Text,
                OutputFormat::Md => Format::Markdown,
            };
            render(
                &questionnaire,
                &answers,
                format,
                !body_only,
                output.as_deref(),
            )
        }
    };
    ExitCode::from(code)
}

fn usage_error(err: &clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            return ExitCode::from(
                if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                    EXIT_USAGE
                } else {
                    EXIT_OK
                },
            );
        }
        _ => {}
    }
    let context = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    };
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let what = match err.kind() {
        ErrorKind::UnknownArgument => format!("tham số `{arg}` không tồn tại"),
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh `{}`",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue => format!(
            "giá trị `{value}` không hợp lệ cho `{arg}` (dùng: {})",
            context(ContextKind::ValidValue)
        ),
        ErrorKind::MissingRequiredArgument => format!("thiếu tham số bắt buộc {arg}"),
        ErrorKind::ArgumentConflict => format!("tham số `{arg}` không dùng cùng được"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("thừa giá trị `{value}`")
        }
        _ => "sai cú pháp lệnh".to_owned(),
    };
    eprintln!(
        "{}: {what}.\n  {} xem `baocao --help` hoặc `baocao LỆNH --help`.",
        messages::ERROR_LABEL,
        messages::FIX_LABEL
    );
    ExitCode::from(EXIT_USAGE)
}

fn check(paths: &[PathBuf]) -> u8 {
    let mut code = EXIT_OK;
    for path in paths {
        match questionnaire::load_path(path) {
            Ok(_) => println!("{}", messages::check_ok(&path.display().to_string())),
            Err(err) => {
                eprintln!("{err}");
                code = EXIT_QUESTIONNAIRE;
            }
        }
    }
    code
}

fn render(q_path: &Path, a_path: &Path, format: Format, full: bool, output: Option<&Path>) -> u8 {
    let q = match questionnaire::load_path(q_path) {
        Ok(q) => q,
        Err(err) => {
            eprintln!("{err}");
            return EXIT_QUESTIONNAIRE;
        }
    };
    let answers = match answers::load(a_path, &q) {
        Ok(a) => a,
        Err(err) => {
            eprintln!("{err}");
            return EXIT_ANSWERS;
        }
    };
    let file = a_path.display().to_string();
    warn_about_answers(&file, &answers, &q);
    match report::problems(&q, &answers) {
        Ok(problems) => {
            for p in problems {
                match p {
                    Problem::Missing { id, ask } => {
                        eprintln!("{}", messages::missing_required(&file, &id, &ask));
                    }
                    Problem::Invalid { id, message } => {
                        eprintln!("{}", messages::invalid_value(&file, &id, &message));
                    }
                }
            }
        }
        Err(err) => {
            eprintln!("{}", messages::render_failed(&err.to_string()));
            return EXIT_RENDER;
        }
    }
    let doc = match report::build(&q, &answers) {
        Ok(doc) => doc,
        Err(err) => {
            eprintln!("{}", messages::render_failed(&err.to_string()));
            return EXIT_RENDER;
        }
    };
    let text = report::render(&doc, format, full);
    match output {
        None => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .is_err()
            {
                return EXIT_WRITE;
            }
        }
        Some(path) => {
            if let Err(err) = write_atomic(path, text.as_bytes()) {
                eprintln!(
                    "{}",
                    messages::write_failed(&path.display().to_string(), &messages::io_detail(&err))
                );
                return EXIT_WRITE;
            }
        }
    }
    EXIT_OK
}

fn warn_about_answers(file: &str, answers: &Answers, q: &Questionnaire) {
    if let Some(id) = &answers.questionnaire_id {
        if *id != q.id {
            eprintln!("{}", messages::answers_wrong_questionnaire(file, id, &q.id));
        } else if answers
            .questionnaire_hash
            .as_ref()
            .is_some_and(|h| *h != q.hash)
        {
            eprintln!("{}", messages::answers_questionnaire_changed(file));
        }
    }
    for (id, kept) in answers.kept() {
        match kept.reason {
            KeptReason::Orphan => eprintln!("{}", messages::orphan_answer(file, id)),
            KeptReason::Invalid { expected } => {
                eprintln!("{}", messages::invalid_answer(file, id, expected));
            }
        }
    }
}

/// Writes a whole file atomically (temporary file, fsync, rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
    file.write_all(bytes)?;
    file.commit()
}
