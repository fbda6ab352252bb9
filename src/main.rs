//! Process entry: hands over to `cli::run`, which returns the exit code.

fn main() -> std::process::ExitCode {
    baocao::cli::run()
}
