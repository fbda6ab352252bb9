//! Structural rules of the code base, checked on every test run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level module → the top-level modules it imports.
type Graph = BTreeMap<String, BTreeSet<String>>;

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

/// The top-level modules of `src/` (files and folders, `main` and `lib` left out) and the
/// top-level modules each reaches with a `crate::` path, as `module_cycles.py` reads them:
/// comments and a trailing `#[cfg(test)] mod tests { … }` (inline tests may reach anywhere)
/// are left out; `use crate::{a, b::c}` counts `a` and `b`.
fn module_imports() -> Graph {
    let src = crate::common::path("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| top_module(&src, f))
        .filter(|m| m != "main" && m != "lib")
        .collect();
    let mut edges: Graph = modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    for file in &files {
        let from = top_module(&src, file);
        let Some(targets) = edges.get_mut(&from) else {
            continue;
        };
        let text = std::fs::read_to_string(file).expect("readable");
        for to in crate_paths(&code_of(&text)) {
            if to != from && modules.contains(&to) {
                targets.insert(to);
            }
        }
    }
    edges
}

fn top_module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("inside src");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_owned()
}

/// The text of a file without its comments and its trailing inline test module.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]") {
        Some(at)
            if text[at..]["#[cfg(test)]".len()..]
                .trim_start()
                .starts_with("mod tests") =>
        {
            &text[..at]
        }
        _ => text,
    };
    text.lines()
        .map(|l| l.find("//").map_or(l, |at| &l[..at]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every top-level name reached by `crate::name` or inside `use crate::{…}`.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before_ok = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
        rest = &rest[at + "crate::".len()..];
        if !before_ok {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c, d::{e, f}}`: the names at the group's first level.
            let mut depth = 0usize;
            let mut start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if c.is_whitespace() => {}
                    _ if start && depth == 0 => {
                        start = false;
                        let name = ident(&group[i..]);
                        if !name.is_empty() {
                            out.insert(name);
                        }
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out.remove("self");
    out
}

/// A circle among the modules of `edges`, as a path that ends where it starts, if any.
fn find_circle(edges: &Graph) -> Option<Vec<String>> {
    // Depth-first search: a module met again while still on the path closes a circle.
    fn visit(
        m: &str,
        edges: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let mut circle = path[at..].to_vec();
            circle.push(m.to_owned());
            return Some(circle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_owned());
        for next in edges.get(m).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(m.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|m| visit(m, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_reader_of_crate_paths_sees_what_the_cycle_tool_sees() {
    let code = code_of(
        "use crate::{vn::{self, Date}, files, messages::ui};\n\
         // crate::cli in a comment\n\
         fn f() { crate::report::x(); my_crate::tui::y(); }\n\
         #[cfg(test)]\nmod tests { use crate::session; }\n",
    );
    let found: Vec<String> = crate_paths(&code).into_iter().collect();
    assert_eq!(found, ["files", "messages", "report", "vn"]);
    let edges = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]
        .iter()
        .fold(Graph::new(), |mut m, (from, to)| {
            m.entry((*from).to_owned())
                .or_default()
                .insert((*to).to_owned());
            m.entry((*to).to_owned()).or_default();
            m
        });
    assert_eq!(find_circle(&edges).expect("a circle"), ["a", "b", "c", "a"]);
}

#[test]
fn top_level_modules_stand_in_layers() {
    let edges = module_imports();
    assert!(edges.len() > 8, "{edges:?}");
    if let Some(circle) = find_circle(&edges) {
        panic!(
            "top-level modules import each other in a circle: {} — move what ties them into a \
             lower module (the order: CORE_LAYERS in tests/architecture.rs)",
            circle.join(" → ")
        );
    }
}

#[test]
fn messages_imports_nothing_of_the_crate_but_vn() {
    let edges = module_imports();
    let imports: Vec<&String> = edges["messages"].iter().filter(|m| *m != "vn").collect();
    assert!(
        imports.is_empty(),
        "messages imports {imports:?}: it only words what others found; pass the values in"
    );
}

/// The core's top-level modules, lowest first: each may import only
/// modules before it in this list.
const CORE_LAYERS: [&str; 10] = [
    "vn",
    "files",
    "text",
    "messages",
    "value",
    "template",
    "questionnaire",
    "answers",
    "report",
    "compare",
];

#[test]
fn the_core_layers_import_only_lower_ones() {
    let edges = module_imports();
    for (i, module) in CORE_LAYERS.iter().enumerate() {
        let above: Vec<&String> = edges
            .get(*module)
            .into_iter()
            .flatten()
            .filter(|m| !CORE_LAYERS[..i].contains(&m.as_str()))
            .collect();
        assert!(
            above.is_empty(),
            "{module} imports {above:?}, which do not stand below it in {CORE_LAYERS:?}"
        );
    }
    let missing: Vec<&&str> = CORE_LAYERS
        .iter()
        .filter(|m| !edges.contains_key(**m))
        .collect();
    assert!(missing.is_empty(), "src has no module {missing:?}");
}
