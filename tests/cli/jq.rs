//! `--jq EXPR`: the README's jq examples run both ways (through `jq`, when it is installed, and
//! with `--jq`), every command's JSON filtered, compile errors before any request, errors while
//! filtering, strings exact on a pipe and sanitized on a terminal.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::util::*;

/// The README's examples of the form `mxs ARGS | jq [FLAGS] 'EXPR'` in its code blocks: (ARGS,
/// EXPR), ARGS split as the shell would (single quotes).
fn readme_examples() -> Vec<(Vec<String>, String)> {
    let readme = include_str!("../../README.md");
    let mut found = Vec::new();
    let mut in_code = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        let Some((left, right)) = line.split_once(" | jq ").filter(|_| in_code) else {
            continue;
        };
        let Some(args) = left.trim().strip_prefix("mxs ") else {
            continue;
        };
        let (Some(open), Some(close)) = (right.find('\''), right.rfind('\'')) else {
            panic!("no quoted filter: {line}");
        };
        assert!(close > open, "{line}");
        found.push((shell_words(args), right[open + 1..close].to_string()));
    }
    found
}

/// Words split at spaces, single quotes kept together and removed.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let (mut quoted, mut any) = (false, false);
    for c in line.chars() {
        match c {
            '\'' => (quoted, any) = (!quoted, true),
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                }
                any = false;
            }
            c => (word, any) = (word + &c.to_string(), true),
        }
    }
    if any {
        words.push(word);
    }
    words
}

/// Whether `jq` runs here.
fn jq_installed() -> bool {
    Command::new("jq")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `jq -rc EXPR` on `input` (gh's convention is jq's -r, with compact JSON).
fn through_jq(expr: &str, input: &str) -> String {
    let mut child = Command::new("jq")
        .args(["-rc", expr])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("jq");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "jq {expr}");
    String::from_utf8(out.stdout).unwrap()
}

/// The same lines: equal text, or equal JSON (jq 1.6 rewrites numbers such as
/// 22.399999999999999 as 22.4 and leaves C1 characters unescaped; --jq keeps the server's text).
#[track_caller]
fn assert_same_lines(theirs: &str, ours: &str, what: &str) {
    let (a, b): (Vec<&str>, Vec<&str>) = (theirs.lines().collect(), ours.lines().collect());
    assert_eq!(a.len(), b.len(), "{what}\njq:\n{theirs}\n--jq:\n{ours}");
    for (x, y) in a.iter().zip(&b) {
        if x == y {
            continue;
        }
        let parse = |text: &str| {
            numbers_as_floats(
                serde_json::from_str(text).unwrap_or_else(|_| panic!("{what}: {x} != {y}")),
            )
        };
        assert_eq!(parse(x), parse(y), "{what}");
    }
}

/// Every number as the double it reads as (jq 1.6 prints 0.0 as 0).
fn numbers_as_floats(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Number(n) => n.as_f64().map_or(Value::Number(n), Value::from),
        Value::Array(a) => Value::Array(a.into_iter().map(numbers_as_floats).collect()),
        Value::Object(o) => Value::Object(
            o.into_iter()
                .map(|(k, v)| (k, numbers_as_floats(v)))
                .collect(),
        ),
        other => other,
    }
}

/// An id the server has, with statements in its `queries` when one has them.
fn an_id(server: &MockServer) -> String {
    let list = raw_get(server, "/v1/sessions");
    let data = list["data"].as_array().unwrap();
    let with_queries = data.iter().find(|s| {
        s["attributes"]["queries"]
            .as_array()
            .is_some_and(|q| !q.is_empty())
    });
    with_queries.unwrap_or(&data[0])["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn the_readme_examples_print_the_same_with_jq_and_with_dash_dash_jq() {
    let examples = readme_examples();
    assert!(examples.len() >= 5, "{examples:?}");
    let jq = jq_installed();
    // each way against a server of its own: some examples write (kill)
    let servers: [fn() -> MockServer; 2] = [real, || generated(200, 7)];
    for server in servers {
        for (args, expr) in &examples {
            let (mine, theirs, implied) = (server(), server(), server());
            if !jq {
                theirs.expect(Expect::Nothing);
            }
            let id = an_id(&mine);
            let args: Vec<&str> = args
                .iter()
                .map(|a| if a == "42" { id.as_str() } else { a.as_str() })
                .collect();
            // the servers' ports differ: each output names its own as MXS
            let named =
                |run: &Run, server: &MockServer| run.stdout.replace(&server.endpoint(), "MXS");
            let ours = mxs(&args).hosts(&mine).args(&["--jq", expr]).run();
            ours.ok().clean();
            let ours = named(&ours, &mine);
            let what = format!("mxs {} --jq '{expr}'", args.join(" "));
            if jq {
                let plain = mxs(&args).hosts(&theirs).run();
                plain.ok();
                let theirs = through_jq(expr, &named(&plain, &theirs));
                assert_same_lines(&theirs, &ours, &what);
            }
            // and -o json is implied
            let without: Vec<&str> = args
                .iter()
                .copied()
                .filter(|a| !["-o", "json"].contains(a))
                .collect();
            if without.len() + 2 == args.len() {
                let run = mxs(&without).hosts(&implied).args(&["--jq", expr]).run();
                run.ok();
                assert_eq!(named(&run, &implied), ours, "{what}");
            } else {
                implied.expect(Expect::Nothing);
            }
        }
    }
    // the examples find something: idle sessions, the users of a list
    let server = generated(200, 7);
    let run = mxs(&["sessions", "list"])
        .hosts(&server)
        .args(&["--jq", ".data[] | select(.attributes.idle > 600) | .id"])
        .run();
    assert!(run.ok().stdout.lines().count() > 3, "{}", run.stdout);
}

#[test]
fn every_command_with_json_output_is_filtered() {
    let server = real();
    let list = raw_get(&server, "/v1/sessions");
    let ids: Vec<&str> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let label = server.endpoint();
    // list, filtered (not streamed) and streamed
    let run = mxs(&["sessions", "list", "--jq", ".data[].id"])
        .hosts(&server)
        .run();
    let mut sorted = ids.clone();
    sorted.sort_by_key(|i| i.parse::<u64>().unwrap());
    let mut got: Vec<&str> = run.ok().stdout.lines().collect();
    got.sort_by_key(|i| i.parse::<u64>().unwrap());
    assert_eq!(got, sorted);
    let run = mxs(&["sessions", "list", "--sort", "id", "--jq", ".data | length"])
        .hosts(&server)
        .run();
    assert_eq!(run.ok().stdout, format!("{}\n", ids.len()));
    // the document's own members
    let run = mxs(&["sessions", "ls", "--jq", ".meta.sources[].maxscale"])
        .hosts(&server)
        .run();
    assert_eq!(run.ok().stdout, format!("{label}\n"));
    // -o jsonl: each line's resource
    let run = mxs(&["sessions", "list", "-o", "jsonl", "--jq", ".id"])
        .hosts(&server)
        .run();
    assert_eq!(run.ok().stdout.lines().count(), ids.len());
    // show: each document
    let run = mxs(&["sessions", "show", ids[0], ids[1], "--jq", ".data.id"])
        .hosts(&server)
        .run();
    assert_eq!(run.ok().stdout, format!("{}\n{}\n", ids[0], ids[1]));
    let run = mxs(&["sessions", "show", ids[0], "--jq", ".data.meta"])
        .hosts(&server)
        .run();
    assert_eq!(run.ok().stdout, format!("{{\"maxscale\":\"{label}\"}}\n"));
    // summary
    let run = mxs(&["sessions", "summary", "--by", "user"])
        .hosts(&server)
        .args(&["--jq", "[.data[].sessions] | add"])
        .run();
    assert_eq!(run.ok().stdout, format!("{}\n", ids.len()));
    // queries
    let run = mxs(&[
        "sessions",
        "queries",
        "--jq",
        ".data[] | [.id, .meta.running] | @tsv",
    ])
    .hosts(&server)
    .run();
    run.ok().clean();
    for line in run.stdout.lines() {
        assert!(ids.contains(&line.split('\t').next().unwrap()), "{line}");
    }
    // log
    server.append_log("warning", "a line for the filter", Some(ids[0]), None, None);
    let run = mxs(&["sessions", "log", ids[0], "--jq", ".data[].meta.maxscale"])
        .hosts(&server)
        .run();
    assert!(
        run.ok().stdout.lines().all(|l| l == label),
        "{}",
        run.stdout
    );
    assert!(run.stdout.lines().count() >= 1);
    let run = mxs(&[
        "sessions",
        "log",
        ids[0],
        "-o",
        "jsonl",
        "--jq",
        ".meta.maxscale",
    ])
    .hosts(&server)
    .run();
    assert!(
        run.ok().stdout.lines().all(|l| l == label),
        "{}",
        run.stdout
    );
    // the actions' results document
    let run = mxs(&["sessions", "kill", ids[1], "--jq", ".results[].ok"])
        .hosts(&server)
        .run();
    assert_eq!(run.ok().stdout, "true\n");
    let run = mxs(&[
        "sessions",
        "restart",
        ids[0],
        "--jq",
        ".results[] | .action",
    ])
    .hosts(&server)
    .run();
    assert_eq!(run.ok().stdout, "restart\n");
    let run = mxs(&["sessions", "alter", ids[0], "log_info=true"])
        .hosts(&server)
        .args(&["--jq", ".results[] | [.id, .ok]"])
        .run();
    assert_eq!(run.ok().stdout, format!("[\"{}\",true]\n", ids[0]));
    // watch on a pipe: each snapshot
    let run = mxs(&[
        "sessions",
        "watch",
        "100ms",
        "--count",
        "2",
        "--jq",
        ".data | length",
    ])
    .hosts(&server)
    .run();
    assert_eq!(run.ok().stdout.lines().count(), 2, "{}", run.stdout);
}

#[test]
fn a_filter_that_does_not_compile_is_a_usage_error_before_any_request() {
    let server = real();
    server.expect(Expect::Nothing);
    for (expr, place, token) in [
        (".data[] | select(.attributes.idle > )", "column 37", "')'"),
        (".data[] | nosuch(1)", "column 11", "nosuch/1"),
        (".data[\"a]", "column 7", "closing quote"),
        (".data[\"a\"", "column 6", "closing bracket"),
        (".data |\n  (.a", "line 2, column 3", "closing parenthesis"),
    ] {
        let run = mxs(&["sessions", "list", "--jq", expr])
            .hosts(&server)
            .run();
        run.code(2).clean().one_error();
        run.stderr_has("--jq: the filter does not compile")
            .stderr_has(place)
            .stderr_has(token);
        assert!(run.stdout.is_empty());
    }
    // nor for an action, which would write
    let run = mxs(&["sessions", "kill", "1", "--jq", ".results[] |"])
        .hosts(&server)
        .run();
    run.code(2).one_error();
}

#[test]
fn formats_other_than_json_are_refused_with_jq() {
    let server = real();
    for args in [
        &["-o", "tsv"][..],
        &["--tsv"],
        &["-o", "table"],
        &["-o", "ids"],
    ] {
        let run = mxs(&["sessions", "list", "--jq", ".data"])
            .args(args)
            .hosts(&server)
            .run();
        run.code(2)
            .one_error()
            .stderr_has("--jq filters JSON output");
    }
    let run = mxs(&["sessions", "log", "1", "-f", "--jq", ".data"])
        .hosts(&server)
        .run();
    run.code(2).one_error().stderr_has("-o jsonl");
    assert!(server.requests().is_empty(), "{:?}", server.requests());
    // a dry run prints the results document a run prints: --jq filters it, and nothing is sent
    let run = mxs(&[
        "sessions",
        "kill",
        "1",
        "--dry-run",
        "--jq",
        ".results[] | [.id, .dry_run, .note] | @tsv",
    ])
    .hosts(&server)
    .run();
    run.ok();
    assert_eq!(run.stdout, "1\ttrue\twould kill\n");
    assert!(server.writes().is_empty());
    // the config file's format gives way to --jq
    let run = mxs(&["sessions", "list", "--jq", ".data | length"]).hosts(&server);
    let cnf = run.home.join(".maxctrl.cnf");
    std::fs::write(&cnf, "[mxs]\noutput = tsv\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&cnf, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    run.run().ok().stdout_has("3");
}

#[test]
fn an_error_while_filtering_exits_1_after_the_results_before_it() {
    let server = real();
    let run = mxs(&["sessions", "list", "--sort", "id"])
        .hosts(&server)
        .args(&["--jq", ".data[0].id, (.data | length | .foo)"])
        .run();
    run.code(1)
        .clean()
        .one_error()
        .stderr_has("mxs: error: --jq: ");
    assert!(!run.stderr.contains("writing"), "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    let run = mxs(&["sessions", "list", "--jq", "error(\"no \\u001b[2J way\")"])
        .hosts(&server)
        .run();
    run.code(1)
        .clean()
        .one_error()
        .stderr_has("mxs: error: --jq: no \\e[2J way\n");
    // a message that quotes a whole list is cut
    let server = generated(300, 3);
    let run = mxs(&["sessions", "list", "--jq", ".data | .foo"])
        .hosts(&server)
        .run();
    run.code(1).one_error().stderr_has("…");
    assert!(run.stderr.len() < 2000, "{}", run.stderr);
    // halt stops quietly
    let run = mxs(&["sessions", "list", "-o", "jsonl", "--jq", ".id, halt"])
        .hosts(&server)
        .run();
    assert_eq!(run.ok().stdout.lines().count(), 1);
}

#[test]
fn strings_are_exact_on_a_pipe_and_sanitized_on_a_terminal() {
    let server = start(MockConfig {
        evil: true,
        ..MockConfig::default()
    });
    let raw = raw_get(&server, "/v1/sessions");
    let mut users: Vec<String> = raw["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["attributes"]["user"].as_str().map(str::to_string))
        .collect();
    assert!(
        users.iter().any(|u| u.chars().any(char::is_control)),
        "{users:?}"
    );
    // a pipe gets the bytes the server sent
    let run = mxs(&[
        "sessions",
        "list",
        "--jq",
        ".data[].attributes.user | select(. != null)",
    ])
    .hosts(&server)
    .run();
    run.ok();
    let mut got: Vec<String> = Vec::new();
    let mut rest = run.stdout.as_str();
    for user in &users {
        // users may hold newlines: take each by its length
        assert!(rest.starts_with(user.as_str()), "{rest:?} vs {user:?}");
        got.push(user.clone());
        rest = rest[user.len()..].strip_prefix('\n').unwrap();
    }
    users.sort();
    got.sort();
    assert_eq!(got, users);
    // a terminal gets them escaped, strings and JSON values alike
    for expr in [
        ".data[].attributes.user",
        ".data[].attributes",
        ".data[].id",
    ] {
        let term = mxs(&["sessions", "list", "--jq", expr])
            .hosts(&server)
            .pty(40, 200);
        let (code, text) = term.finish();
        assert_eq!(code, Some(0), "{text}");
        let text = text.replace("\r\n", "\n");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{9b}'),
            "{expr}: {text:?}"
        );
        assert!(
            !text.chars().any(|c| ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)),
            "{expr}: {text:?}"
        );
    }
}
