//! The shape of the code, kept by a test (ARCHITECTURE.md, "Invariants"): core never imports
//! the UI framework, no two modules of a crate import each other, and no production source
//! file grows past about 400 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest a production source file may be (tests in `#[cfg(test)]` modules aside).
const MOST_LINES: usize = 420;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its test module and comments.
fn production_code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module a file is, from its path under `src/`: `pack/mod.rs` is `pack`,
/// `search/query.rs` is `search::query`, `lib.rs` and `main.rs` are the crate root.
fn module_of(src: &Path, path: &Path) -> Vec<String> {
    let rel = path.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The top-level modules each top-level module of a crate uses (`crate::x`, or `super::x`
/// climbing out of it).
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    sources(src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in files {
        let module = module_of(src, &path);
        let Some(top) = module.first().cloned() else {
            continue;
        };
        let code = production_code(&path);
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != top {
                graph.entry(top.clone()).or_default().insert(name);
            }
        }
    }
    graph
}

#[test]
fn no_two_modules_import_each_other() {
    let root = workspace();
    let mut cycles = Vec::new();
    for krate in ["crates/core/src", "crates/pack/src", "src"] {
        let graph = imports(&root.join(krate));
        for (a, uses) in &graph {
            for b in uses {
                if a < b && graph.get(b).is_some_and(|back| back.contains(a)) {
                    cycles.push(format!("{krate}: {a} <-> {b}"));
                }
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "modules importing each other: {cycles:#?}"
    );
}

#[test]
fn core_never_imports_the_ui_framework() {
    let mut files = Vec::new();
    sources(&workspace().join("crates/core/src"), &mut files);
    for path in files {
        assert!(
            !production_code(&path).contains("dioxus"),
            "{} imports dioxus",
            path.display()
        );
    }
}

#[test]
fn no_production_file_is_longer_than_about_400_lines() {
    let root = workspace();
    let mut long = Vec::new();
    for krate in ["crates/core/src", "crates/pack/src", "src"] {
        let mut files = Vec::new();
        sources(&root.join(krate), &mut files);
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let lines = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .lines()
                .count();
            if lines > MOST_LINES {
                long.push(format!("{}: {lines} lines", path.display()));
            }
        }
    }
    assert!(long.is_empty(), "split these by responsibility: {long:#?}");
}
