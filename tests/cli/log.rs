//! `sessions log` and `show --log`: the requests that read MaxScale's log back page by page,
//! the lines kept, every format, the versions, several hosts, and `--follow` picking up lines
//! written after it started.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use mxs_mock::{MockConfig, MockServer, Version};
use serde_json::Value;

use crate::util::*;

/// The log requests the server received, as (path, query).
fn log_requests(server: &MockServer) -> Vec<(String, String)> {
    server
        .requests()
        .into_iter()
        .filter(|r| r.path.contains("/logs/"))
        .map(|r| (r.path, r.query.unwrap_or_default()))
        .collect()
}

/// Every line of the server's log, as `logs/entries` gives them (oldest first).
fn all_entries(server: &MockServer) -> Vec<Value> {
    let doc = raw_get(server, "/v1/maxscale/logs/entries?page[size]=1000000");
    doc["data"].as_array().expect("data").clone()
}

/// The session with the most lines in the log, and its line count.
fn busiest_session(server: &MockServer) -> (String, usize) {
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for e in all_entries(server) {
        if let Some(s) = e["attributes"]["session"].as_str() {
            *counts.entry(s.to_string()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .expect("a session with lines")
}

/// Turns `log_info` on for session `id`, as an operator would before reproducing.
fn log_info_on(server: &MockServer, id: &str) {
    mxs(&["sessions", "alter", id, "log_info=true"])
        .hosts(server)
        .run()
        .ok();
}

#[test]
fn a_killed_session_s_lines_are_read_after_it_is_gone() {
    // the captures: session 10011 ran a statement with log_info on, then was killed
    let server = real();
    let run = mxs(&["sessions", "log", "10011", "--since", "2026-12-01"])
        .hosts(&server)
        .run();
    run.ok()
        .stderr_has("read back to the start of the log")
        .stdout_has("Stopped RW-Split-Router client session [10011]")
        .stdout_has("stmt: SELECT 'A-before-kill' AS marker");
    assert_eq!(run.stdout.lines().count(), 4, "{}", run.stdout);
    // the session is looked up (gone: 404), then the newest page is read; the log is shorter
    // than a page, so no other page is asked for
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            "/v1/sessions/10011",
            "/v1/maxscale",
            "/v1/maxscale/logs/entries"
        ]
    );
    assert_eq!(
        log_requests(&server),
        [(
            "/v1/maxscale/logs/entries".to_string(),
            "page[size]=1000&pretty=false".to_string()
        )]
    );
}

#[test]
fn a_session_s_lines_from_alter_to_kill() {
    // The lines are logged at the mock's clock and read back from mxs's: the clock must run.
    let server = real_running();
    log_info_on(&server, "2");
    assert_eq!(server.log_statement("2", "SELECT 42 AS answer"), 2);
    assert_eq!(server.log_statement("3", "SELECT 'not logged'"), 0);
    // alive: read back to its connection (a few seconds before the mock's start), so the lines
    // logged since are in
    let run = mxs(&["sessions", "log", "2"]).hosts(&server).run();
    run.ok()
        .stdout_has("stmt: SELECT 42 AS answer")
        .stdout_has("[readwritesplit] (RW-Split-Router) Route query to primary: server1 <");
    assert!(!run.stdout.contains("not logged"));
    mxs(&["sessions", "kill", "2"]).hosts(&server).run().ok();
    // gone: an hour back by default
    let run = mxs(&["sessions", "log", "2", "-o", "tsv"])
        .hosts(&server)
        .run();
    run.ok();
    let rows = run.tsv();
    assert_eq!(rows.len(), 3, "{}", run.stdout);
    assert!(
        rows.iter()
            .all(|r| r.len() == 9 && r[1] == "2" && r[5] == "info")
    );
    assert!(rows[2][8].starts_with("Stopped RW-Split-Router client session [2]"));
}

#[test]
fn a_session_whose_lines_are_spread_over_many_pages_is_read_back_to_the_start() {
    let server = start(MockConfig {
        sessions: Some(30),
        seed: 5,
        log_lines: Some(3000),
        ..MockConfig::default()
    });
    let (id, count) = busiest_session(&server);
    let total = all_entries(&server).len();
    let before = log_requests(&server).len();
    let run = mxs(&[
        "sessions",
        "log",
        &id,
        "--since",
        "2000-01-01",
        "-o",
        "jsonl",
    ])
    .hosts(&server)
    .run();
    run.ok().stderr_has("read back to the start of the log");
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), count, "every line of session {id}");
    assert!(
        lines
            .iter()
            .all(|l| l["attributes"]["session"] == id.as_str())
    );
    let ids: Vec<u64> = lines
        .iter()
        .map(|l| l["id"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "oldest first, no repeat"
    );
    // one request per page, each after the first at the cursor the page before gave
    let requests = &log_requests(&server)[before..];
    assert_eq!(requests.len(), total.div_ceil(1000), "{requests:?}");
    assert_eq!(requests[0].1, "page[size]=1000&pretty=false");
    for (_, query) in &requests[1..] {
        assert!(
            query.starts_with("page[size]=1000&pretty=false&page[cursor]="),
            "{query}"
        );
    }
    // --lines stops early and says so
    let run = mxs(&[
        "sessions",
        "log",
        &id,
        "--since",
        "2000-01-01",
        "--lines",
        "3",
    ])
    .hosts(&server)
    .run();
    run.ok().stderr_has("older entries not read: --lines 3");
    assert_eq!(run.stdout.lines().count(), 3);
    // and --since stops at the first older line
    let run = mxs(&["sessions", "log", &id, "--since", "1m"])
        .hosts(&server)
        .run();
    run.ok().stderr_has("older entries not read: --since");
}

#[test]
fn formats_priorities_and_a_hostile_message() {
    let server = real();
    let evil = "SELECT '\u{1b}]52;c;aGk=\u{7}' -- \u{1b}[2J\nmxs: error: fake \u{202e}";
    server.append_log("warning", evil, Some("3"), Some("readwritesplit"), None);
    server.append_log("info", "plain", Some("3"), None, Some("RW-Split-Router"));
    server.append_log("error", "another session", Some("1"), None, None);
    let log = |args: &[&str]| {
        let mut all = vec!["sessions", "log", "3"];
        all.extend_from_slice(args);
        mxs(&all).hosts(&server).run()
    };
    for color in ["never", "always"] {
        let run = log(&["--color", color]);
        run.ok();
        let shown = strip_ansi(&run.stdout);
        assert_eq!(shown.lines().count(), 2, "{shown}");
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{202e}'),
            "{shown:?}"
        );
        assert!(
            shown.contains("\\n"),
            "the newline is written as \\n: {shown}"
        );
        assert_eq!(
            run.stdout.contains("\u{1b}[33;1mwarning"),
            color == "always"
        );
    }
    let run = log(&["--priority", "warn"]);
    run.ok();
    assert_eq!(run.stdout.lines().count(), 1);
    let doc = log(&["-o", "json"]).json();
    assert_eq!(doc["data"].as_array().unwrap().len(), 2);
    assert_eq!(doc["data"][0]["type"], "log_entry");
    assert_eq!(doc["data"][0]["attributes"]["module"], "readwritesplit");
    assert!(
        doc["data"][0]["meta"]["maxscale"]
            .as_str()
            .unwrap()
            .starts_with("127.0.0.1:")
    );
    assert_eq!(doc["meta"]["sources"][0]["log_source"], "maxlog");
    // alive since 2026-11-28: read back to the start of the log
    assert_eq!(doc["meta"]["sources"][0]["stopped"], "start");
    let run = log(&["-o", "tsv", "--header"]);
    run.ok();
    let mut lines = run.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("maxscale\tsession\tid\ttimestamp\tunix_timestamp\tpriority\tmodule\tobject\tmessage")
    );
    for line in lines {
        assert_eq!(line.split('\t').count(), 9, "{line:?}");
        assert!(!line.contains('\u{1b}'));
    }
}

#[test]
fn each_version_reads_the_route_it_has() {
    for (v, path) in [
        (Version::V6_4, Some("/v1/maxscale/logs/data")),
        (Version::V22_08, Some("/v1/maxscale/logs/data")),
        (Version::V23_02, Some("/v1/maxscale/logs/data")),
        (Version::V24_02, Some("/v1/maxscale/logs/entries")),
        (Version::Real24_08_1, Some("/v1/maxscale/logs/entries")),
        (Version::V2_5, None),
        (Version::V2_2, None),
    ] {
        let server = version(v);
        server.append_log("notice", "a line of its own", Some("1"), None, None);
        let run = mxs(&["sessions", "log", "1", "--since", "2000-01-01"])
            .hosts(&server)
            .run();
        let requests = log_requests(&server);
        match path {
            Some(p) => {
                run.ok().stdout_has("a line of its own");
                assert!(requests.iter().all(|(q, _)| q == p), "{v:?}: {requests:?}");
            }
            None => {
                run.code(1)
                    .one_error()
                    .stderr_has("needs MaxScale 6.0 or later");
                assert!(requests.is_empty(), "{v:?}: {requests:?}");
            }
        }
    }
}

#[test]
fn a_bare_id_is_read_on_every_host_and_id_at_host_on_one() {
    let servers = MockServer::start_many(frozen(MockConfig::default()), 2).expect("mock servers");
    servers.iter().for_each(|s| s.expect(Expect::Some));
    servers[0].append_log("notice", "from the log", Some("3"), None, None);
    let hosts = format!("{},{}", servers[0].endpoint(), servers[1].endpoint());
    let run = mxs(&["--hosts", &hosts, "sessions", "log", "3"]).run();
    run.ok();
    // the listeners share their log: each host has the line, and says so
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    assert!(run.stdout.contains(&servers[1].endpoint()));
    let at = format!("3@{}", servers[1].endpoint());
    let before: Vec<usize> = servers.iter().map(|s| log_requests(s).len()).collect();
    let run = mxs(&["--hosts", &hosts, "sessions", "log", &at]).run();
    run.ok();
    assert_eq!(run.stdout.lines().count(), 1);
    assert_eq!(
        log_requests(&servers[0]).len(),
        before[0],
        "host 1 not asked"
    );
    assert!(log_requests(&servers[1]).len() > before[1]);
}

#[test]
fn show_log_adds_the_session_s_last_lines() {
    let server = real();
    for n in 0..25 {
        server.append_log("info", &format!("line {n}"), Some("1"), None, None);
    }
    let run = mxs(&["sessions", "show", "1", "--log"])
        .hosts(&server)
        .run();
    run.ok()
        .stdout_has("MaxScale log (20, oldest first)")
        .stdout_has("line 24");
    assert!(!run.stdout.contains("line 4\n"), "only the last 20");
    let doc = mxs(&["sessions", "show", "1", "--log", "-o", "json"])
        .hosts(&server)
        .run()
        .json();
    assert_eq!(doc["data"]["meta"]["log"].as_array().unwrap().len(), 20);
    let run = mxs(&["sessions", "show", "1", "--log", "-o", "tsv"])
        .hosts(&server)
        .run();
    run.ok().stdout_has("maxscale_log.19.message\tline 24");
    // without --log the log is not read
    let before = log_requests(&server).len();
    mxs(&["sessions", "show", "1"]).hosts(&server).run().ok();
    assert_eq!(log_requests(&server).len(), before);
}

#[test]
fn bad_options_send_nothing() {
    let server = real();
    server.expect(Expect::Nothing);
    for (args, needle) in [
        (vec!["--since", "yesterday"], "--since"),
        (vec!["--until", "soon"], "--until"),
        (vec!["--priority", "loud"], "unknown priority"),
        (vec!["--lines", "0"], "--lines"),
        (vec!["--follow", "-o", "json"], "-o jsonl"),
        (vec!["--until-closed"], "--follow"),
        (vec!["-f", "--interval", "10ms"], "--interval"),
        (vec!["-o", "ids"], "ids"),
    ] {
        let mut all = vec!["sessions", "log", "1"];
        all.extend(args.iter().copied());
        let run = mxs(&all).hosts(&server).run();
        run.code(2);
        assert!(run.stderr.contains(needle), "{args:?}: {}", run.stderr);
    }
}

/// `mxs sessions log ... --follow` with its stdout read line by line on a thread.
struct Follower {
    child: std::process::Child,
    lines: mpsc::Receiver<String>,
}

impl Follower {
    fn start(server: &MockServer, args: &[&str]) -> Follower {
        let mut cmd = mxs(&["sessions", "log", "--interval", "100ms", "-f"])
            .hosts(server)
            .args(args);
        let mut child = cmd
            .command()
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn mxs");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Follower { child, lines }
    }

    /// The next `n` lines, failing the test if they do not come within a generous bound.
    fn take(&self, n: usize) -> Vec<String> {
        (0..n)
            .map(|k| {
                self.lines
                    .recv_timeout(Duration::from_secs(60))
                    .unwrap_or_else(|_| panic!("line {k} of {n} never came"))
            })
            .collect()
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn follow_prints_each_new_line_once_even_when_more_than_a_page_comes() {
    let server = real();
    server.append_log("notice", "before", Some("3"), None, None);
    let f = Follower::start(&server, &["3", "-o", "tsv"]);
    assert!(f.take(1)[0].ends_with("\tbefore"));
    // more than a page (1000 lines) between two reads is likely; every line must come once
    for n in 0..2500 {
        server.append_log("info", &format!("new {n}"), Some("3"), None, None);
        if n % 100 == 0 {
            server.append_log("info", "another session", Some("1"), None, None);
        }
    }
    let got = f.take(2500);
    for (n, line) in got.iter().enumerate() {
        assert!(line.ends_with(&format!("\tnew {n}")), "line {n}: {line}");
    }
    // the next line printed is the next one written: none came twice
    server.append_log("notice", "the end", Some("3"), None, None);
    assert!(f.take(1)[0].ends_with("\tthe end"));
}

#[test]
fn follow_until_closed_ends_after_the_session_s_last_lines() {
    let server = real();
    log_info_on(&server, "2");
    let mut f = Follower::start(&server, &["2", "--until-closed"]);
    server.log_statement("2", "SELECT 'still here'");
    let got = f.take(2);
    assert!(got[0].contains("stmt: SELECT 'still here'"), "{got:?}");
    mxs(&["sessions", "kill", "2"]).hosts(&server).run().ok();
    let last = f.take(1);
    assert!(
        last[0].contains("Stopped RW-Split-Router client session [2]"),
        "{last:?}"
    );
    let status = f.child.wait().expect("wait");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_host_that_cannot_be_read_is_reported_and_the_others_lines_are_printed() {
    let server = real();
    server.append_log(
        "notice",
        "from the host that answers",
        Some("3"),
        None,
        None,
    );
    let hosts = format!("{},127.0.0.1:1", server.endpoint());
    let run = mxs(&["--hosts", &hosts, "sessions", "log", "3"]).run();
    run.code(3)
        .stdout_has("from the host that answers")
        .stderr_has("127.0.0.1:1");
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    // --until drops the lines after it
    let run = mxs(&["sessions", "log", "3", "--until", "2000-01-01"])
        .hosts(&server)
        .run();
    run.ok();
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}
