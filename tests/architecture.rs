//! Structural rules of the code base, checked on every test run.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_core_knows_nothing_of_the_terminal() {
    let src = crate::common::path("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for file in files {
        let rel = file
            .strip_prefix(&src)
            .expect("inside src")
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("tui") || rel == "main.rs" || rel == "cli.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("readable");
        for word in ["ratatui", "crossterm"] {
            assert!(
                !text.contains(word),
                "{rel} mentions {word}: the core must not depend on the terminal"
            );
        }
    }
}

#[test]
fn every_module_says_what_it_owns() {
    let src = crate::common::path("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 10);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        assert!(
            text.trim_start().starts_with("//!"),
            "{} does not open with a //! comment",
            file.display()
        );
    }
}
