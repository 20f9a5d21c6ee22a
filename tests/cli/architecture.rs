//! The layer rule of ARCHITECTURE.md, checked on the source: which top-level module may use
//! which, which part of `api` may use which, that only `cli` names clap, and that only `api`
//! writes a path of MaxScale's API. A new import that breaks it fails here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each module and the modules it may use (besides itself), in the order of ARCHITECTURE.md's
/// layers, bottom up. `lib` and `main` (the entry point) may use all.
const ALLOWED: &[(&str, &[&str])] = &[
    // base
    ("text", &[]),
    ("bounded", &["text"]),
    ("error", &[]),
    ("choice", &[]),
    ("endpoint", &["error", "text"]),
    ("hosts", &["endpoint", "error", "text"]),
    ("config", &["bounded", "error", "text"]),
    // API
    ("api", &["endpoint", "error", "hosts", "text"]),
    // domain
    ("columns", &["api", "error", "text"]),
    ("select", &["api", "columns", "error", "text"]),
    ("summary", &["api", "error"]),
    ("locks", &["api"]),
    ("rdns", &["bounded", "error", "text"]),
    // rendering
    (
        "output",
        &[
            "api", "choice", "columns", "error", "locks", "summary", "text",
        ],
    ),
    ("diag", &["error", "output", "text"]),
    // command line
    ("cli", &["choice", "error"]),
    // resolution
    (
        "plan",
        &[
            "api", "choice", "columns", "error", "hosts", "output", "select", "summary", "text",
        ],
    ),
    (
        "settings",
        &[
            "api", "choice", "cli", "columns", "config", "endpoint", "error", "hosts", "output",
            "plan", "select", "summary", "text",
        ],
    ),
    // live view
    (
        "tui",
        &["api", "columns", "error", "output", "select", "text"],
    ),
    // commands
    (
        "commands",
        &[
            "api", "columns", "diag", "error", "hosts", "locks", "output", "plan", "rdns",
            "select", "summary", "text", "tui",
        ],
    ),
];

/// Inside `api`: each part and the parts it may use. `maxscale` is the layer commands call;
/// below it, `fetch` runs the pipeline over the client, and the document readers never reach
/// the network.
const API_ALLOWED: &[(&str, &[&str])] = &[
    ("place", &[]),
    ("tls", &[]),
    ("scan", &["place"]),
    ("walk", &["place", "scan"]),
    ("json", &["place", "scan"]),
    ("model", &["json", "place", "walk"]),
    ("client", &["tls"]),
    (
        "fetch",
        &["client", "json", "model", "place", "scan", "walk"],
    ),
    ("log", &[]),
    ("maxscale", &["client", "fetch", "log", "model"]),
    ("sql", &["client", "maxscale"]),
    ("backend", &["sql"]),
];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn source_files() -> (PathBuf, Vec<PathBuf>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.sort();
    assert!(all.len() > 30, "the source tree was read: {}", all.len());
    (src, all)
}

/// The top-level module a file belongs to: `src/api/fetch.rs` is `api`, `src/lib.rs` is `lib`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next().expect("a component");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// The code of a file before its test module (`#[cfg(test)]` at the start of a line).
fn code(text: &str) -> &str {
    text.find("\n#[cfg(test)]").map_or(text, |i| &text[..i])
}

/// The names a path names after `prefix` (`crate::`, `crate::api::`, `super::`): `NAME`, or
/// each first name of a group `{a, b::c, d::{e}}`. Comments are included: a doc link that runs
/// up the layers is a smell too.
fn uses(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in text.match_indices(prefix) {
        if i > 0 {
            let before = text.as_bytes()[i - 1];
            if before.is_ascii_alphanumeric() || before == b'_' || before == b':' {
                continue; // `mxs_crate::`, `a::super::`: not ours
            }
        }
        let rest = &text[i + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            found.extend(group_names(group));
            continue;
        }
        let name = ident(rest);
        if !name.is_empty() {
            found.insert(name);
        }
    }
    found
}

fn ident(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The first name of each path of a `{...}` group (the text after its `{`).
fn group_names(group: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0;
    let mut at_start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => at_start = true,
            c if at_start && depth == 0 && !c.is_whitespace() => {
                at_start = false;
                let name = ident(&group[i..]);
                if !name.is_empty() && name != "self" {
                    names.push(name);
                }
            }
            _ => {}
        }
    }
    names
}

#[test]
fn uses_are_read_from_paths_and_groups() {
    let text = "use crate::{api::{fetch, model}, error, text::sanitize};\n\
                use crate::hosts::Hosts; // crate::rdns\n\
                let x = mxs_crate::nothing; use super::{self, scan};";
    assert_eq!(
        uses(text, "crate::"),
        ["api", "error", "hosts", "rdns", "text"]
            .map(String::from)
            .into()
    );
    assert_eq!(uses(text, "super::"), ["scan"].map(String::from).into());
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let (src, all) = source_files();
    let mut broken = Vec::new();
    for file in &all {
        let module = module_of(&src, file);
        let text = std::fs::read_to_string(file).expect("read");
        if module != "lib" && module != "main" {
            let allowed = ALLOWED
                .iter()
                .find(|(m, _)| *m == module)
                .unwrap_or_else(|| panic!("{module} ({}) has no layer in ALLOWED", file.display()))
                .1;
            for used in uses(&text, "crate::") {
                if used != module && !allowed.contains(&used.as_str()) {
                    broken.push(format!("{}: uses crate::{used}", file.display()));
                }
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
}

#[test]
fn every_part_of_api_uses_only_the_parts_below_it() {
    let (src, all) = source_files();
    let mut broken = Vec::new();
    let mut parts = 0;
    for file in all.iter().filter(|f| module_of(&src, f) == "api") {
        let part = file
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        if part == "mod" {
            continue;
        }
        parts += 1;
        let allowed = API_ALLOWED
            .iter()
            .find(|(p, _)| *p == part)
            .unwrap_or_else(|| panic!("api::{part} has no place in API_ALLOWED"))
            .1;
        let text = std::fs::read_to_string(file).expect("read");
        let used = uses(&text, "crate::api::")
            .into_iter()
            .chain(uses(code(&text), "super::"));
        for used in used {
            if used != part && !allowed.contains(&used.as_str()) {
                broken.push(format!("{}: uses api::{used}", file.display()));
            }
        }
    }
    assert_eq!(parts, API_ALLOWED.len(), "every part of api was read");
    assert!(
        broken.is_empty(),
        "imports that break the order inside api (ARCHITECTURE.md):\n{}",
        broken.join("\n")
    );
}

/// The string literals of a text, comments left out (raw strings, byte strings and character
/// literals read as Rust reads them).
fn string_literals(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(b.len(), |n| i + n);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
            }
            b'r' if (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'_')
                && matches!(b.get(i + 1), Some(b'"' | b'#')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                let open = i + 1 + hashes;
                if b.get(open) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let end = text[open + 1..]
                    .find(&close)
                    .map_or(b.len(), |n| open + 1 + n);
                found.push(text[open + 1..end].to_string());
                i = end + close.len();
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                found.push(text[i + 1..j.min(b.len())].to_string());
                i = j + 1;
            }
            b'\'' => {
                // a character literal ('"', '\'') or a lifetime ('a)
                let len = if b.get(i + 1) == Some(&b'\\') {
                    text[i + 2..].find('\'').map(|n| n + 3)
                } else {
                    text[i + 1..]
                        .char_indices()
                        .nth(1)
                        .filter(|&(_, c)| c == '\'')
                        .map(|(n, _)| n + 2)
                };
                i += len.unwrap_or(1);
            }
            _ => i += 1,
        }
    }
    found
}

#[test]
fn string_literals_skip_comments_and_characters() {
    let text = "let a = \"v1/x\"; // \"not\"\n let q = '\"'; let r = r#\"a \"b\" c\"#; \
                fn f<'a>(x: &'a str) {} /* \"no\" */ let e = \"\\\"q\";";
    assert_eq!(
        string_literals(text),
        ["v1/x", "a \"b\" c", "\\\"q"].map(String::from)
    );
}

#[test]
fn only_api_writes_a_path_of_maxscale_s_api() {
    let (src, all) = source_files();
    let mut found = Vec::new();
    for file in &all {
        let text = std::fs::read_to_string(file).expect("read");
        let module = module_of(&src, file);
        for literal in string_literals(code(&text)) {
            // in api, only the layer commands call knows a path (and `sql`, the SQL API's)
            let path = literal.starts_with("v1/") || literal.contains(" v1/");
            let outside = module != "api" && literal.contains("v1/");
            let inside = module == "api"
                && path
                && !file.ends_with("api/maxscale.rs")
                && !(file.ends_with("api/sql.rs") && literal.starts_with("v1/sql"));
            if outside || inside {
                found.push(format!("{}: \"{literal}\"", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "paths of the admin API outside api::maxscale:\n{}",
        found.join("\n")
    );
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
