//! The committed completions and man pages match what the binary generates.

use std::path::Path;

use crate::util::*;

const REFRESH: &str =
    "cargo run -- generate completions --dir completions && cargo run -- generate man man";

#[test]
fn completions_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    mxs(&[
        "generate",
        "completions",
        "--dir",
        dir.path().to_str().unwrap(),
    ])
    .run()
    .ok();
    for shell in mxs::cli::generate::SHELLS {
        let file = mxs::cli::generate::completion_file(shell);
        let fresh = std::fs::read_to_string(dir.path().join(file)).unwrap();
        let committed =
            std::fs::read_to_string(root.join("completions").join(file)).unwrap_or_default();
        assert!(
            committed == fresh,
            "completions/{file} is stale; refresh with: {REFRESH}"
        );
        // the same script as printed for one shell
        let run = mxs(&["generate", "completions", &shell.to_string()]).run();
        assert!(run.stdout == fresh, "{file}");
    }
}

#[test]
fn man_pages_are_fresh_and_well_formed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    mxs(&["generate", "man", dir.path().to_str().unwrap()])
        .run()
        .ok();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.contains(&"mxs.1".to_string()) && names.contains(&"mxs-sessions-list.1".to_string()),
        "{names:?}"
    );
    let mut committed: Vec<String> = std::fs::read_dir(root.join("man"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    committed.sort();
    assert_eq!(
        names, committed,
        "man/ is stale; run: cargo run -- generate man man"
    );
    for n in &names {
        let fresh = std::fs::read_to_string(dir.path().join(n)).unwrap();
        let old = std::fs::read_to_string(root.join("man").join(n)).unwrap();
        assert!(
            fresh == old,
            "man/{n} is stale; run: cargo run -- generate man man"
        );
        assert!(
            fresh.starts_with(".ie") || fresh.contains(".TH "),
            "{n} has no .TH header"
        );
        assert!(fresh.contains(".TH "), "{n}");
    }
    let main = std::fs::read_to_string(dir.path().join("mxs.1")).unwrap();
    assert!(main.contains("EXIT STATUS") && main.contains("MXS_HOSTS"));
}
