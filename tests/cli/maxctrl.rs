//! maxctrl's words: its command forms as aliases (the same requests and output as mxs's own
//! forms), the hint for `-h HOST`, and `mxs completions SHELL`.

use std::path::Path;

use crate::util::*;

/// A mock whose clock is fixed 28 s after the captures' running statement was received, so
/// that ages are the same in every run.
fn server() -> MockServer {
    start(MockConfig {
        server_time: Some(1_795_857_600),
        ..MockConfig::default()
    })
}

type Request = (String, String, Option<String>, Vec<u8>);

/// Every request the mock received (method, path, query and body), sorted (reads of several
/// hosts or routes go out together), and the writes alone, in the order they were sent.
fn requests(server: &MockServer) -> (Vec<Request>, Vec<Request>) {
    let mut all: Vec<Request> = server
        .requests()
        .into_iter()
        .map(|r| (r.method, r.path, r.query, r.body))
        .collect();
    all.sort();
    let writes = server
        .writes()
        .into_iter()
        .map(|w| (w.method, w.path, w.query, w.body))
        .collect();
    (all, writes)
}

/// Runs both forms, each against a fresh mock, and checks that they send the same requests and
/// print the same output (the mock's port aside).
#[track_caller]
fn same(alias: &[&str], own: &[&str]) -> Run {
    let run = |args: &[&str]| {
        let s = server();
        let run = mxs(args).hosts(&s).run();
        let ep = s.endpoint();
        let norm = |t: &str| t.replace(&ep, "MOCK");
        (
            norm(&run.stdout),
            norm(&run.stderr),
            run.code,
            requests(&s),
            run,
        )
    };
    let (a_out, a_err, a_code, a_req, a_run) = run(alias);
    let (o_out, o_err, o_code, o_req, _) = run(own);
    assert_eq!(a_code, o_code, "{alias:?} vs {own:?}: {a_err}");
    assert_eq!(a_out, o_out, "{alias:?} vs {own:?}");
    assert_eq!(a_err, o_err, "{alias:?} vs {own:?}");
    assert_eq!(a_req, o_req, "{alias:?} vs {own:?}");
    assert!(!a_req.0.is_empty(), "{alias:?} sent nothing");
    a_run
}

#[test]
fn read_forms_send_and_print_what_mxs_s_own_forms_do() {
    for (alias, own) in [
        (&["list", "sessions"][..], &["sessions", "list"][..]),
        (
            &["list", "sessions", "--tsv"],
            &["sessions", "list", "--tsv"],
        ),
        (
            &["list", "sessions", "--where", "idle>10", "-o", "json"],
            &["sessions", "list", "--where", "idle>10", "-o", "json"],
        ),
        (&["show", "session", "2"], &["sessions", "show", "2"]),
        (
            &["show", "session", "1", "--tsv"],
            &["sessions", "show", "1", "--tsv"],
        ),
        (&["show", "sessions"], &["sessions", "show", "--all"]),
        (
            &["show", "sessions", "-o", "json"],
            &["sessions", "show", "--all", "-o", "json"],
        ),
        (&["list", "queries"], &["sessions", "queries"]),
        (
            &["list", "queries", "--tsv"],
            &["sessions", "queries", "--tsv"],
        ),
    ] {
        same(alias, own).ok();
    }
}

#[test]
fn show_sessions_shows_every_session_as_show_does() {
    let s = server();
    let all = mxs(&["show", "sessions", "--tsv"]).hosts(&s).run();
    all.ok();
    let one_by_one: Vec<String> = ["1", "2", "3"]
        .iter()
        .map(|id| {
            mxs(&["sessions", "show", id, "--tsv"])
                .hosts(&s)
                .run()
                .stdout
        })
        .collect();
    // the same fields (the values of a live session, such as idle, change between requests)
    let keys = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| l.split('\t').next().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(keys(&all.stdout), keys(&one_by_one.join("\n")));
    assert_eq!(all.stdout.matches("\nid\t").count(), 2, "{}", all.stdout);
    let json = mxs(&["show", "sessions", "-o", "jsonl"]).hosts(&s).run();
    let ids: Vec<String> = json
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"1\"", "\"2\"", "\"3\""]);
}

#[test]
fn write_forms_send_exactly_mxs_s_requests() {
    for (alias, own) in [
        (
            &["destroy", "session", "2"][..],
            &["sessions", "kill", "2"][..],
        ),
        (
            &["destroy", "session", "2", "--ttl", "5"],
            &["sessions", "kill", "2", "--ttl", "5"],
        ),
        (&["reload", "session", "3"], &["sessions", "restart", "3"]),
        (
            &["reload", "sessions", "--yes"],
            &["sessions", "restart", "--all", "--yes"],
        ),
        (
            &["alter", "session", "1", "log_info=true", "log_error=false"],
            &["sessions", "alter", "1", "log_info=true", "log_error=false"],
        ),
        // maxctrl's older KEY VALUE form
        (
            &["alter", "session", "1", "log_info", "true"],
            &["sessions", "alter", "1", "log_info=true"],
        ),
        (
            &["alter", "session-filters", "1", "Regex"],
            &["sessions", "alter", "1", "--filters", "Regex"],
        ),
        (
            &["alter", "session-filters", "1"],
            &["sessions", "alter", "1", "--filters", ""],
        ),
    ] {
        same(alias, own).ok();
    }
}

#[test]
fn reload_sessions_asks_first_like_restart_all() {
    let s = server();
    let run = mxs(&["reload", "sessions"]).hosts(&s).run();
    run.code(2).stderr_has("--yes");
    assert!(s.writes().is_empty(), "nothing restarted without --yes");
}

#[test]
fn destroy_s_ttl_refuses_what_maxctrl_would_turn_into_an_immediate_kill() {
    let s = server();
    // not even a read: the ttl is refused before any request
    s.expect(Expect::Nothing);
    for bad in [
        "NaN", "abc", "-3", "1.5", "", "1e3", "0x10", "+5", "Infinity",
    ] {
        mxs(&["destroy", "session", "1", "--ttl", bad])
            .hosts(&s)
            .run()
            .code(2)
            .one_error()
            .stderr_has("--ttl");
    }
}

#[test]
fn dash_h_before_a_host_prints_the_help_and_a_hint_naming_dash_capital_h() {
    for host in ["10.0.0.5:8989", "mx1", "http://mx1:8989", "127.0.0.1"] {
        let run = mxs(&["-h", host, "list", "sessions"]).run();
        run.ok().stdout_has("Usage: mxs");
        assert_eq!(
            run.stderr,
            format!(
                "mxs: hint: -h is help; the host option is -H/--hosts (try: mxs -H {host} list sessions)\n"
            )
        );
    }
    let run = mxs(&["-h10.0.0.5:8989", "list", "sessions"]).run();
    run.ok().stdout_has("Usage: mxs");
    run.stderr_has("(try: mxs -H 10.0.0.5:8989 list sessions)");
    for args in [
        &["-h"][..],
        &["-h", "sessions"],
        &["sessions", "-h"],
        &["sessions", "list", "-h"],
        &["-h", "list", "sessions"],
        &["--help"],
    ] {
        let run = mxs(args).run();
        run.ok().stdout_has("Usage: mxs");
        assert_eq!(run.stderr, "", "{args:?}");
    }
}

#[test]
fn maxctrl_commands_for_other_objects_are_refused_with_the_forms_mxs_takes() {
    let run = mxs(&["list", "servers"]).run();
    run.code(2)
        .stderr_has("unrecognized subcommand 'servers'")
        .stderr_has("mxs: hint: mxs reads and acts on sessions only; of maxctrl's commands it takes list sessions, list queries");
    let run = mxs(&["sessions", "servers"]).run();
    run.code(2);
    assert!(!run.stderr.contains("mxs: hint"), "{}", run.stderr);
}

#[test]
fn completions_prints_the_committed_script_of_each_shell() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for shell in mxs::cli::generate::SHELLS {
        let run = mxs(&["completions", &shell.to_string()]).run();
        run.ok();
        let committed = std::fs::read_to_string(
            root.join("completions")
                .join(mxs::cli::generate::completion_file(shell)),
        )
        .unwrap();
        assert!(run.stdout == committed, "{shell}: not the committed script");
    }
    let bash = mxs(&["completions", "bash"]).run();
    assert!(bash.stdout.contains("_mxs()"), "{}", bash.stdout);
    assert!(bash.stdout.contains("complete -F _mxs"), "{}", bash.stdout);
    mxs(&["completions", "tcsh"]).run().code(2);
    mxs(&["completions"]).run().code(2);
}
