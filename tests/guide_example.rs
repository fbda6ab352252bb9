//! The guide's worked examples are true: every block of `docs/questionnaire-format.md` marked
//! `<!-- guide-test: … -->` is replayed in a scratch folder — the edit applied, the commands
//! run — and what the guide shows must be what the program prints. Plus the guide's counts of
//! lines a maintainer edits for a new period.

use std::path::Path;
use std::process::Command;

use crate::common::{self, stderr, stdout};

const GUIDE: &str = "docs/questionnaire-format.md";

/// One marked block: its command words and the block's lines (common indentation removed).
struct Step {
    line: usize,
    excerpt: bool,
    words: Vec<String>,
    block: Vec<String>,
}

/// The marked blocks of a guide text, in order.
fn steps(guide: &str) -> Vec<Step> {
    let lines: Vec<&str> = guide.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(marker) = line
            .trim()
            .strip_prefix("<!-- guide-test:")
            .and_then(|m| m.strip_suffix("-->"))
        else {
            continue;
        };
        let mut words: Vec<String> = marker.split_whitespace().map(str::to_owned).collect();
        let excerpt = words.first().is_some_and(|w| w == "excerpt");
        if excerpt {
            words.remove(0);
        }
        let open = lines[i + 1];
        assert!(
            open.trim_start().starts_with("```"),
            "{GUIDE}:{}: a guide-test marker must stand right above a ``` block",
            i + 1
        );
        let indent = open.len() - open.trim_start().len();
        let block: Vec<String> = lines[i + 2..]
            .iter()
            .take_while(|l| !l.trim_start().starts_with("```"))
            .map(|l| l.get(indent..).unwrap_or("").to_owned())
            .collect();
        out.push(Step {
            line: i + 1,
            excerpt,
            words,
            block,
        });
    }
    out
}

/// Copies a file the guide names into the scratch folder, from where it is in the project (or
/// from `questionnaires/` for a bare shipped name), unless an earlier step made it.
fn provide(dir: &Path, name: &str) {
    let target = dir.join(name);
    if target.exists() {
        return;
    }
    let from = [name.to_owned(), format!("questionnaires/{name}")]
        .into_iter()
        .map(|rel| common::path(&rel))
        .find(|p| p.exists());
    if let Some(from) = from {
        std::fs::create_dir_all(target.parent().expect("a parent")).expect("folder");
        std::fs::copy(from, &target).expect("copied");
    }
}

/// Runs baocao in `dir`.
fn run(dir: &Path, args: &[String]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("baocao runs")
}

/// Applies an edit block: each `key: value` line replaces the file's line with the same
/// indentation and key. Returns how many lines changed.
fn apply_edit(dir: &Path, step: &Step) -> usize {
    let [from, to] = &step.words[1..] else {
        panic!("{GUIDE}:{}: write `edit FROM TO`", step.line);
    };
    provide(dir, from);
    let old = std::fs::read_to_string(dir.join(from)).expect("read");
    let mut lines: Vec<String> = old.lines().map(str::to_owned).collect();
    let mut changed = 0;
    for edit in step.block.iter().filter(|l| {
        let t = l.trim();
        !t.is_empty() && !t.ends_with(':')
    }) {
        let key = &edit[..edit.find(':').expect("key: value")];
        let at = lines
            .iter()
            .position(|l| l.starts_with(&format!("{key}:")))
            .unwrap_or_else(|| panic!("{GUIDE}:{}: no line `{key}:` in {from} to edit", step.line));
        if lines[at] != *edit {
            changed += 1;
        }
        lines[at].clone_from(edit);
    }
    std::fs::write(dir.join(to), lines.join("\n") + "\n").expect("written");
    changed
}

fn replay(guide: &str) -> Result<usize, String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut replayed = 0;
    for step in steps(guide) {
        replayed += 1;
        let at = format!("{GUIDE}:{}", step.line);
        match step.words.first().map(String::as_str) {
            Some("edit") => {
                let changed = apply_edit(dir.path(), &step);
                if changed != 2 {
                    return Err(format!("{at}: the edit changes {changed} lines, not 2"));
                }
                continue;
            }
            // The block is a file the next steps use.
            Some("file") => {
                let name = &step.words[1];
                std::fs::write(dir.path().join(name), step.block.join("\n") + "\n")
                    .expect("written");
                continue;
            }
            _ => {}
        }
        // `fails CMD …`: the command must fail; what it says (errors, then the summary) is
        // the block.
        let fails = step.words[0] == "fails";
        let words = if fails {
            &step.words[1..]
        } else {
            &step.words[..]
        };
        for word in &words[1..] {
            provide(dir.path(), word);
        }
        let out = run(dir.path(), words);
        let got = if fails {
            if out.status.success() {
                return Err(format!(
                    "{at}: {words:?} succeeded, the guide shows it failing"
                ));
            }
            format!("{}{}", stderr(&out), stdout(&out))
        } else {
            if !out.status.success() {
                return Err(format!("{at}: {words:?} failed: {}", stderr(&out)));
            }
            if !stderr(&out).is_empty() {
                return Err(format!("{at}: {words:?} warns: {}", stderr(&out)));
            }
            stdout(&out)
        };
        let got: Vec<&str> = got.lines().collect();
        // The block may show the command as typed.
        let want: Vec<&str> = step
            .block
            .iter()
            .map(String::as_str)
            .filter(|l| !l.starts_with("$ "))
            .collect();
        if step.excerpt {
            // Every line shown, in order, among the output's lines.
            let mut rest = got.iter();
            for line in &want {
                if line.trim().is_empty() {
                    continue;
                }
                if !rest.any(|g| g == line) {
                    return Err(format!(
                        "{at}: {words:?} does not print (in this order) {line:?}"
                    ));
                }
            }
        } else if got != want {
            return Err(format!(
                "{at}: {words:?} prints\n{}\nbut the guide shows\n{}",
                got.join("\n"),
                want.join("\n")
            ));
        }
    }
    Ok(replayed)
}

#[test]
fn the_guides_examples_print_what_the_guide_shows() {
    let guide = common::read(GUIDE);
    let replayed = replay(&guide).unwrap_or_else(|e| panic!("{e}"));
    assert!(replayed >= 7, "only {replayed} marked examples");
    // The walk-through covers the steps from the copy to the checked file.
    let kinds: Vec<String> = steps(&guide).iter().map(|s| s.words[0].clone()).collect();
    for kind in ["edit", "check", "preview", "diff", "file", "fails"] {
        assert!(kinds.iter().any(|k| k == kind), "no `{kind}` example");
    }
}

/// A guide that shows something the program does not print is caught.
#[test]
fn a_wrong_example_is_caught() {
    let guide = common::read(GUIDE);
    for (from, to) in [
        ("  ~ nam_dau: 2021 → 2026", "  ~ nam_dau: 2021 → 2027"),
        (
            "II. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2026–2030",
            "II. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2026–2031",
        ),
        ("  nam_dau: 2026  ", "  nam_dau: 2021  "),
        (
            "lỗi: bang-hoi-loi.yaml:23:18:",
            "lỗi: bang-hoi-loi.yaml:23:7:",
        ),
    ] {
        assert!(guide.contains(from), "{from:?} is in the guide");
        let wrong = guide.replacen(from, to, 1);
        assert!(replay(&wrong).is_err(), "changing {from:?} is caught");
    }
}

/// The yearly food-safety questionnaire: the guide says a new year is one line (`nam`).
#[test]
fn a_new_year_of_the_food_safety_report_is_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = std::fs::read_to_string(common::path("questionnaires/attp-hang-nam.yaml")).unwrap();
    let new = old.replacen("\n  nam: 2025 ", "\n  nam: 2026 ", 1);
    let changed = old.lines().zip(new.lines()).filter(|(a, b)| a != b).count();
    assert_eq!(changed, 1);
    std::fs::write(dir.path().join("attp-2025.yaml"), &old).unwrap();
    std::fs::write(dir.path().join("attp-2026.yaml"), &new).unwrap();
    let args = |a: &[&str]| a.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let check = run(dir.path(), &args(&["check", "attp-2026.yaml"]));
    assert!(
        check.status.success() && stderr(&check).is_empty(),
        "{}",
        stderr(&check)
    );
    let diff = stdout(&run(
        dir.path(),
        &args(&["diff", "attp-2025.yaml", "attp-2026.yaml"]),
    ));
    assert!(diff.contains("attp-2025 → attp-2026"), "{diff}");
    let preview = stdout(&run(dir.path(), &args(&["preview", "attp-2026.yaml"])));
    assert!(preview.contains("năm 2026"), "{preview}");
    assert!(preview.contains("NĂM 2027"), "next year's tasks");
    assert!(
        !preview.contains("2025"),
        "no year of the old period is left"
    );
}
