//! Replays every saved input of every fuzz target (`corpus/<target>/*` and
//! `regressions/<target>/*`) through the same functions the fuzzers run, so
//! `cargo test --workspace` catches a regression of anything a fuzzer once found.

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for kind in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(kind).join(target)) else {
            continue;
        };
        files.extend(entries.map(|e| e.expect("a corpus entry").path()));
    }
    files.sort();
    files
}

fn replay(target: &str) {
    let (_, run) = merhaba_fuzz::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .expect("a known target");
    let files = inputs(target);
    assert!(!files.is_empty(), "no saved inputs for `{target}`");
    for file in files {
        let data = std::fs::read(&file).expect("read a saved input");
        eprintln!("{target}: {}", file.display());
        run(&data);
    }
}

#[test]
fn every_target_has_a_test_here() {
    let names: Vec<&str> = merhaba_fuzz::TARGETS.iter().map(|(n, _)| *n).collect();
    let here = include_str!("replay.rs");
    for name in names {
        assert!(
            here.contains(&format!("replay(\"{name}\")")),
            "{name} is not replayed"
        );
    }
}

#[test]
fn content_service() {
    replay("content_service");
}

#[test]
fn content_city() {
    replay("content_city");
}

#[test]
fn pack() {
    replay("pack");
}

#[test]
fn delta() {
    replay("delta");
}

#[test]
fn feed() {
    replay("feed");
}

#[test]
fn hours() {
    replay("hours");
}

#[test]
fn search() {
    replay("search");
}
