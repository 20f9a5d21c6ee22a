//! Replays the inputs fuzzing found troublesome (`fuzz/regressions/<target>/`) and the seeds
//! (`fuzz/seeds/<target>/`) through the fuzz targets' own checks (`fuzz/checks/`), on a stable
//! toolchain: a regression fails `cargo test` without cargo-fuzz or a nightly compiler.

#[path = "../fuzz/checks/mod.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files of `dir/<target>/` for each target; a directory that names no target fails.
fn inputs(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let mut found = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for sub in entries {
        let name = sub.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let (target, _) = checks::TARGETS
            .iter()
            .find(|(t, _)| *t == name)
            .unwrap_or_else(|| panic!("{} is not named after a fuzz target", sub.display()));
        let mut files: Vec<_> = std::fs::read_dir(&sub)
            .expect("target directory")
            .map(|e| e.expect("directory entry").path())
            .collect();
        files.sort();
        found.extend(files.into_iter().map(|f| (*target, f)));
    }
    found
}

/// Runs each input through its target's check and reports every one that fails.
fn replay(inputs: &[(&'static str, PathBuf)]) {
    let mut failed = Vec::new();
    for (target, path) in inputs {
        let data = std::fs::read(path).expect("read");
        let check = checks::TARGETS
            .iter()
            .find(|(t, _)| t == target)
            .map(|(_, c)| *c)
            .expect("a known target");
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "failing inputs: {failed:#?}");
}

#[test]
fn every_regression_passes_its_target() {
    let inputs = inputs(&fuzz_dir().join("regressions"));
    assert!(inputs.len() >= 6, "the regression inputs are there");
    replay(&inputs);
}

#[test]
fn every_seed_passes_its_target() {
    let inputs = inputs(&fuzz_dir().join("seeds"));
    for (target, _) in checks::TARGETS {
        assert!(
            inputs.iter().any(|(t, _)| t == target),
            "no seeds for the {target} target"
        );
    }
    replay(&inputs);
}
