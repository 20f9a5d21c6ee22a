//! The layer rule of ARCHITECTURE.md, checked on the source: which top-level module may use
//! which, and that only `cli` names clap. A new import that breaks it fails here.

use std::collections::BTreeSet;
use std::path::Path;

/// Each module and the modules it may use (besides itself). `lib` (the entry point) may use all.
const ALLOWED: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("bounded", &["text"]),
    ("error", &[]),
    ("choice", &[]),
    ("endpoint", &["error", "text"]),
    ("config", &["bounded", "error", "text"]),
    ("api", &["endpoint", "error", "text"]),
    ("columns", &["api", "error", "text"]),
    ("select", &["api", "columns", "error", "text"]),
    ("summary", &["api", "error"]),
    ("rdns", &["bounded", "error", "text"]),
    (
        "output",
        &["api", "choice", "columns", "error", "summary", "text"],
    ),
    ("diag", &["error", "output", "text"]),
    (
        "tui",
        &["api", "columns", "error", "output", "select", "text"],
    ),
    (
        "plan",
        &[
            "choice", "columns", "error", "output", "select", "summary", "text",
        ],
    ),
    (
        "settings",
        &[
            "api", "choice", "cli", "columns", "config", "endpoint", "error", "output", "plan",
            "select", "summary", "text",
        ],
    ),
    (
        "commands",
        &[
            "api", "columns", "diag", "endpoint", "error", "output", "plan", "rdns", "select",
            "settings", "summary", "text", "tui",
        ],
    ),
    ("cli", &["choice", "error"]),
];

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to: `src/api/fetch.rs` is `api`, `src/lib.rs` is `lib`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next().expect("a component");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// The top-level modules named as `crate::NAME` in `text` (comments included: a doc link that
/// runs up the layers is a smell too).
fn uses(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        if i > 0 && text.as_bytes()[i - 1].is_ascii_alphanumeric() {
            continue; // `mxs_crate::`, not ours
        }
        let rest = &text[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            found.insert(name);
        }
    }
    found
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut broken = Vec::new();
    for file in &all {
        let module = module_of(&src, file);
        if module == "lib" || module == "main" {
            continue;
        }
        let allowed = ALLOWED
            .iter()
            .find(|(m, _)| *m == module)
            .unwrap_or_else(|| panic!("{module} ({}) has no layer in ALLOWED", file.display()))
            .1;
        let text = std::fs::read_to_string(file).expect("read");
        for used in uses(&text) {
            if used != module && !allowed.contains(&used.as_str()) {
                broken.push(format!("{}: uses crate::{used}", file.display()));
            }
        }
        let names_clap = text.contains("clap::") || text.contains("use clap");
        if names_clap && module != "cli" {
            broken.push(format!("{}: names clap", file.display()));
        }
    }
    assert!(
        broken.is_empty(),
        "imports that break the layer rule of ARCHITECTURE.md:\n{}",
        broken.join("\n")
    );
    assert!(all.len() > 30, "the source tree was read: {}", all.len());
}

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README")
}

fn help(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.push("--help");
    crate::util::mxs(&all).run().stdout
}

#[test]
fn the_exit_codes_of_the_readme_and_the_help_are_the_code_s() {
    let readme = readme();
    let long_help = help(&[]);
    for line in mxs::error::EXIT_CODES_HELP.lines().skip(1) {
        let (code, text) = line.trim().split_once("  ").expect("code  text");
        assert!(
            readme.contains(&format!("| {code} | ")),
            "README lacks exit code {code}"
        );
        assert!(long_help.contains(text.trim()), "--help lacks {line}");
    }
    for kind in [
        mxs::error::ExitKind::Other,
        mxs::error::ExitKind::Usage,
        mxs::error::ExitKind::Unreachable,
        mxs::error::ExitKind::Auth,
        mxs::error::ExitKind::NotFound,
    ] {
        let code = kind.code().to_string();
        assert!(
            mxs::error::EXIT_CODES_HELP.contains(&format!("  {code}  ")),
            "the help table lacks {code}"
        );
    }
}

#[test]
fn the_defaults_of_the_help_and_the_readme_are_the_code_s() {
    use mxs::settings::defaults as d;
    let readme = readme();
    let top = help(&[]);
    for (text, where_) in [
        (d::HOSTS, &top),
        (d::USER, &top),
        (d::PASSWORD, &top),
        (d::TIMEOUT, &top),
        (d::MAX_RESPONSE_SIZE, &top),
    ] {
        assert!(
            where_.contains(&format!("[default: {text}]")),
            "--help lacks {text}"
        );
        assert!(
            readme.contains(&format!("`{text}`")),
            "README lacks `{text}`"
        );
    }
    let list = help(&["sessions", "list"]);
    for text in [
        d::RDNS_TIMEOUT.to_string(),
        d::RDNS_DEADLINE.to_string(),
        d::RDNS_CONCURRENCY.to_string(),
        d::WATCH_INTERVAL.to_string(),
    ] {
        assert!(
            list.contains(&format!("[default: {text}]")),
            "list --help lacks {text}"
        );
    }
    let summary = help(&["sessions", "summary"]);
    let flat: Vec<&str> = summary.split_whitespace().collect();
    assert!(
        flat.join(" ").contains(&mxs::summary::GroupBy::names()),
        "summary --help lacks the group keys {}",
        mxs::summary::GroupBy::names()
    );
}

#[test]
fn the_readme_s_tsv_columns_are_the_code_s() {
    let readme = readme();
    for (i, name) in mxs::output::tsv::LIST_COLUMNS.iter().enumerate() {
        let row = format!("| {} | `{name}` |", i + 1);
        assert!(readme.contains(&row), "README lacks {row}");
    }
}

#[test]
fn the_readme_s_queries_tsv_columns_and_list_columns_are_the_code_s() {
    let readme = readme();
    for (i, name) in mxs::output::tsv::QUERY_COLUMNS.iter().enumerate() {
        let row = format!("| ${} | `{name}` |", i + 1);
        assert!(readme.contains(&row), "README lacks {row}");
    }
    let line = readme
        .lines()
        .find_map(|l| l.strip_prefix("Columns: `"))
        .and_then(|l| l.split('`').next())
        .expect("README's Columns: line");
    let names: Vec<&str> = mxs::columns::Column::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(line.split(' ').collect::<Vec<_>>(), names);
}

#[test]
fn every_maxctrl_form_is_in_the_readme_s_table() {
    use clap::CommandFactory;
    let readme = readme();
    let table = readme
        .split("## Coming from maxctrl")
        .nth(1)
        .expect("a Coming from maxctrl section");
    let cmd = mxs::cli::Cli::command();
    let mut forms = 0;
    for top in cmd.get_subcommands().filter(|c| c.is_hide_set()) {
        if top.get_name() == "generate" {
            continue;
        }
        for sub in top.get_subcommands().filter(|s| s.get_name() != "help") {
            let form = format!("| `{} {}", top.get_name(), sub.get_name());
            assert!(table.contains(&form), "README's maxctrl table lacks {form}");
            forms += 1;
        }
    }
    assert_eq!(forms, 9);
}
