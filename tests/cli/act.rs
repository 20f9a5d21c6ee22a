//! kill, restart, alter: the exact requests sent, and the cases where none is.

use mxs_mock::{MockConfig, MockServer, RestartError, RestartFailure, Version};

use crate::util::*;

fn writes(server: &MockServer) -> Vec<(String, String, Option<String>)> {
    server
        .writes()
        .into_iter()
        .map(|w| (w.method, w.path, w.query))
        .collect()
}

fn w(method: &str, path: &str, query: Option<&str>) -> (String, String, Option<String>) {
    (method.into(), path.into(), query.map(str::to_string))
}

#[test]
fn kill_sends_one_delete_at_once_and_the_session_is_gone() {
    let server = real();
    let run = mxs(&["sessions", "kill", "2"]).hosts(&server).run();
    run.ok().stderr_has("killed session 2 on 127.0.0.1:");
    assert_eq!(writes(&server), [w("DELETE", "/v1/sessions/2", None)]);
    assert!(!server.session_ids().contains(&"2".to_string()));
}

#[test]
fn ttl_is_sent_in_whole_seconds_and_a_bad_one_sends_nothing() {
    let server = real();
    mxs(&["sessions", "kill", "2", "--ttl", "5m"])
        .hosts(&server)
        .run()
        .ok();
    mxs(&["sessions", "kill", "3", "--ttl", "30"])
        .hosts(&server)
        .run()
        .ok();
    assert_eq!(
        writes(&server),
        [
            w("DELETE", "/v1/sessions/2", Some("ttl=300")),
            w("DELETE", "/v1/sessions/3", Some("ttl=30"))
        ]
    );
    for bad in ["1.5", "-3", "abc", "NaN", "1.5s", ""] {
        let run = mxs(&["sessions", "kill", "1", "--ttl", bad])
            .hosts(&server)
            .run();
        run.code(2).one_error().stderr_has("--ttl");
    }
    assert_eq!(server.writes().len(), 2, "no request for a bad ttl");
}

#[test]
fn restart_one_and_all_and_the_server_s_refusal_is_quoted() {
    let server = start(MockConfig {
        restart_failures: vec![RestartFailure::ids([3], RestartError::IdlePoolTime)],
        ..MockConfig::default()
    });
    mxs(&["sessions", "restart", "2"]).hosts(&server).run().ok();
    let run = mxs(&["sessions", "restart", "3"]).hosts(&server).run();
    run.code(1)
        .stderr_has("Cannot restart session if 'idle_session_pool_time' is in use.");
    mxs(&["sessions", "restart", "--all", "--yes"])
        .hosts(&server)
        .run()
        .code(1)
        .stderr_has("Could not restart all sessions");
    assert_eq!(
        writes(&server),
        [
            w("POST", "/v1/sessions/2/restart", None),
            w("POST", "/v1/sessions/3/restart", None),
            w("POST", "/v1/sessions/restart", None)
        ]
    );
}

#[test]
fn alter_sends_parameters_and_filters_in_one_body() {
    let server = real();
    mxs(&[
        "sessions",
        "alter",
        "2",
        "log_info=true",
        "log_error=false",
        "--filters",
        "Regex",
    ])
    .hosts(&server)
    .run()
    .ok()
    .stderr_has("altered session 2");
    mxs(&["sessions", "alter", "2", "--filters", ""])
        .hosts(&server)
        .run()
        .ok();
    let bodies: Vec<serde_json::Value> = server
        .writes()
        .iter()
        .map(|w| w.body_json().expect("a JSON body"))
        .collect();
    assert_eq!(
        bodies[0],
        serde_json::json!({"data": {
            "attributes": {"parameters": {"log_info": true, "log_error": false}},
            "relationships": {"filters": {"data": [{"id": "Regex", "type": "filters"}]}}
        }})
    );
    assert_eq!(
        bodies[1],
        serde_json::json!({"data": {"relationships": {"filters": {"data": []}}}})
    );
    let shown = raw_get(&server, "/v1/sessions/2");
    assert_eq!(shown["data"]["attributes"]["parameters"]["log_info"], true);
    // usage errors list what is valid, and send nothing
    for (args, needle) in [
        (
            &["sessions", "alter", "2", "log_debug=true"][..],
            "log_info, log_notice",
        ),
        (
            &["sessions", "alter", "2", "log_info=yes"][..],
            "true or false",
        ),
        (&["sessions", "alter", "2"][..], "nothing to change"),
    ] {
        let run = mxs(args).hosts(&server).run();
        run.code(2).stderr_has(needle);
    }
    let run = mxs(&["sessions", "alter", "2", "--filters", "NoSuch"])
        .hosts(&server)
        .run();
    run.code(1).stderr_has("Not a valid filter: NoSuch");
    assert_eq!(server.writes().len(), 3);
}

#[test]
fn a_selection_off_a_terminal_needs_yes_and_a_dry_run_sends_nothing() {
    let server = generated(20, 3);
    let run = mxs(&["sessions", "kill", "--where", "id<=5"])
        .hosts(&server)
        .run();
    run.code(2)
        .stderr_has("refusing to kill 5 selected sessions");
    let run = mxs(&["sessions", "kill", "--where", "id<=5", "--dry-run"])
        .hosts(&server)
        .run();
    run.ok();
    assert_eq!(run.stdout.lines().count(), 5, "{}", run.stdout);
    assert!(
        run.stdout.starts_with("would kill session 1 on "),
        "{}",
        run.stdout
    );
    assert!(server.writes().is_empty(), "no write without confirmation");
    let run = mxs(&[
        "sessions", "kill", "--where", "id<=5", "--limit", "3", "--yes", "-o", "json",
    ])
    .hosts(&server)
    .run();
    run.ok();
    let paths: Vec<String> = server.writes().into_iter().map(|w| w.path).collect();
    assert_eq!(
        paths,
        ["/v1/sessions/1", "/v1/sessions/2", "/v1/sessions/3"]
    );
    let results = run.json();
    let results = results["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert!(
        results
            .iter()
            .all(|r| r["ok"] == true && r["action"] == "kill")
    );
    // nothing matched: nothing done, exit 0
    let run = mxs(&["sessions", "kill", "--where", "user=nobody-at-all", "--yes"])
        .hosts(&server)
        .run();
    run.ok().stderr_has("no sessions matched");
    assert_eq!(server.writes().len(), 3);
}

#[test]
fn several_hosts_route_a_bare_id_to_the_one_that_has_it_and_refuse_an_ambiguous_one() {
    let a = generated(5, 1);
    let b = real();
    let hosts = format!("{},{}", a.endpoint(), b.endpoint());
    // 5 exists only on a; 2 exists on both
    mxs(&["-H", &hosts, "sessions", "kill", "5"]).run().ok();
    let run = mxs(&["-H", &hosts, "sessions", "kill", "2"]).run();
    run.code(2)
        .stderr_has("exists on 2 hosts")
        .stderr_has(&format!("2@{}", b.addr()));
    assert_eq!(writes(&a), [w("DELETE", "/v1/sessions/5", None)]);
    assert!(b.writes().is_empty());
    mxs(&["-H", &hosts, "sessions", "kill", &format!("2@{}", b.addr())])
        .run()
        .ok();
    assert_eq!(writes(&b), [w("DELETE", "/v1/sessions/2", None)]);
    assert_eq!(a.writes().len(), 1);
}

#[test]
fn ids_from_standard_input_as_list_prints_them() {
    let a = generated(4, 1);
    let b = generated(4, 2);
    let hosts = format!("{},{}", a.endpoint(), b.endpoint());
    let ids = mxs(&[
        "-H", &hosts, "sessions", "list", "--where", "id<=2", "-o", "ids",
    ])
    .run();
    ids.ok();
    assert_eq!(ids.stdout.lines().count(), 4, "{}", ids.stdout);
    assert!(
        ids.stdout.lines().all(|l| l.contains('@')),
        "{}",
        ids.stdout
    );
    let run = mxs(&["-H", &hosts, "sessions", "kill", "-"])
        .stdin(ids.stdout.as_bytes())
        .run();
    run.code(2).stderr_has("without confirmation");
    assert!(a.writes().is_empty() && b.writes().is_empty());
    mxs(&["-H", &hosts, "sessions", "kill", "-", "--yes"])
        .stdin(ids.stdout.as_bytes())
        .run()
        .ok();
    for s in [&a, &b] {
        let paths: Vec<String> = s.writes().into_iter().map(|w| w.path).collect();
        assert_eq!(paths, ["/v1/sessions/1", "/v1/sessions/2"]);
    }
    let run = mxs(&["sessions", "kill", "-", "--yes"])
        .hosts(&a)
        .stdin(b"1@nowhere:1\n")
        .run();
    run.code(2).stderr_has("standard input, line 1");
}

#[test]
fn an_old_maxscale_is_named_with_the_version_needed_not_not_found() {
    let server = version(Version::V6_4);
    let run = mxs(&["sessions", "kill", "1"]).hosts(&server).run();
    run.code(1)
        .stderr_has("MaxScale 6.4.15")
        .stderr_has("needs MaxScale 22.08 or later");
    let server = version(Version::V2_5);
    let run = mxs(&["sessions", "alter", "1", "log_info=true"])
        .hosts(&server)
        .run();
    run.code(1).stderr_has("needs MaxScale 6.00 or later");
}

#[test]
fn a_read_only_account_is_told_it_may_lack_write_rights() {
    let server = real();
    let run = mxs(&["-u", "ro", "-p", "ropw", "sessions", "kill", "2"])
        .hosts(&server)
        .run();
    run.code(4).stderr_has("may lack write rights");
    assert!(server.session_ids().contains(&"2".to_string()));
    let run = mxs(&["-p", "wrong", "sessions", "kill", "2"])
        .hosts(&server)
        .run();
    run.code(4);
    assert!(
        !run.stderr.contains("may lack write rights"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("wrong") && !run.stderr.contains("ropw"));
}

#[test]
fn results_json_and_exit_codes_of_a_missing_id_and_a_204() {
    let server = real();
    let run = mxs(&["sessions", "kill", "2", "999999", "-o", "json"])
        .hosts(&server)
        .run();
    run.code(5).stderr_has("no such session");
    let doc = run.json();
    let r = doc["results"].as_array().unwrap();
    assert_eq!(
        (r[0]["id"].as_str(), r[0]["ok"].as_bool()),
        (Some("2"), Some(true))
    );
    assert_eq!(
        (r[1]["id"].as_str(), r[1]["ok"].as_bool()),
        (Some("999999"), Some(false))
    );
    assert!(r[1]["error"].as_str().unwrap().contains("404"));
    let server = start(MockConfig {
        no_content: true,
        ..MockConfig::default()
    });
    mxs(&["sessions", "restart", "1"]).hosts(&server).run().ok();
}

#[test]
fn ids_is_a_format_only_list_prints() {
    let server = real();
    let run = mxs(&["sessions", "list", "-o", "ids"]).hosts(&server).run();
    run.ok();
    assert_eq!(run.stdout, "1\n2\n3\n");
    for args in [
        &["sessions", "show", "1", "-o", "ids"][..],
        &["sessions", "summary", "--by", "user", "-o", "ids"][..],
        &["sessions", "kill", "1", "-o", "ids"][..],
    ] {
        mxs(args).hosts(&server).run().code(2).stderr_has("-o ids");
    }
    assert!(server.writes().is_empty());
    let run = mxs(&["sessions", "kill", "1", "--where", "id=1"])
        .hosts(&server)
        .run();
    run.code(2).stderr_has("not both");
    mxs(&["sessions", "kill"]).hosts(&server).run().code(2);
    assert!(server.writes().is_empty());
}

#[test]
fn on_a_terminal_a_selection_is_shown_and_asked_about_yes_and_no() {
    let server = generated(10, 4);
    // no: nothing is sent
    let run = mxs(&["sessions", "kill", "--where", "id<=2"])
        .hosts(&server)
        .pty(30, 120);
    run.wait_for("Kill 2 sessions on 1 host? [y/N]");
    run.write(b"n\r");
    let (code, text) = run.finish();
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("not confirmed; nothing was done"), "{text}");
    assert!(
        text.contains("ID") && text.contains("USER") && text.contains("IDLE"),
        "{text}"
    );
    assert!(server.writes().is_empty());
    // yes: exactly the two shown
    let run = mxs(&["sessions", "kill", "--where", "id<=2"])
        .hosts(&server)
        .pty(30, 120);
    run.wait_for("[y/N]");
    run.write(b"y\r");
    let (code, text) = run.finish();
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("killed session 1 on") && text.contains("killed session 2 on"),
        "{text}"
    );
    let paths: Vec<String> = server.writes().into_iter().map(|w| w.path).collect();
    assert_eq!(paths, ["/v1/sessions/1", "/v1/sessions/2"]);
    // explicit ids on a terminal act at once, without a question
    let run = mxs(&["sessions", "kill", "3"]).hosts(&server).pty(30, 120);
    let (code, text) = run.finish();
    assert_eq!(code, Some(0), "{text}");
    assert!(!text.contains("[y/N]"), "{text}");
    assert_eq!(server.writes().len(), 3);
}

#[test]
fn a_dry_run_prints_the_results_document_of_a_run_marked_and_sends_nothing() {
    let server = generated(20, 3);
    let doc = mxs(&[
        "sessions",
        "kill",
        "--where",
        "id<=3",
        "--ttl",
        "30",
        "--dry-run",
        "-o",
        "json",
    ])
    .hosts(&server)
    .run()
    .json();
    let results = doc["results"].as_array().expect("results");
    assert_eq!(results.len(), 3, "{doc}");
    for (r, id) in results.iter().zip(["1", "2", "3"]) {
        assert_eq!(r["id"], id);
        assert_eq!(r["action"], "kill");
        assert_eq!(r["dry_run"], true);
        assert!(r["ok"].is_null() && r["error"].is_null(), "{r}");
        assert_eq!(r["note"], "would kill after 30s");
    }
    let run = mxs(&[
        "sessions",
        "alter",
        "2",
        "log_info=true",
        "--dry-run",
        "-o",
        "jsonl",
    ])
    .hosts(&server)
    .run();
    run.ok();
    let line: serde_json::Value = serde_json::from_str(run.stdout.trim()).expect("one line");
    assert_eq!(line["note"], "would alter: log_info=true");
    assert_eq!(line["dry_run"], true);
    let run = mxs(&["sessions", "restart", "1", "2", "--dry-run", "-o", "tsv"])
        .hosts(&server)
        .run();
    run.ok();
    let rows = run.tsv();
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .all(|r| r.len() == 5 && r[2] == "restart" && r[3].is_empty())
    );
    // the same document as a run, but for its marks
    let run_doc = mxs(&[
        "sessions", "kill", "--where", "id<=3", "--yes", "-o", "json",
    ])
    .hosts(&server)
    .run()
    .json();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.retain(|k| k != "dry_run");
        k
    };
    assert_eq!(keys(&run_doc["results"][0]), keys(&results[0]));
    assert_eq!(server.writes().len(), 3, "only the real run wrote");
}

#[test]
fn an_id_that_is_not_digits_or_id_at_host_is_refused_before_any_request() {
    let server = real();
    server.expect(Expect::Nothing);
    let label = server.endpoint();
    for bad in [
        "1x",
        "-3",
        "1@",
        "@h",
        "1 2",
        "1\u{7}",
        "1@nowhere",
        "abc",
        "1/../x",
    ] {
        let at_host = format!("{bad}@{label}");
        let forms: [Vec<&str>; 8] = [
            vec!["sessions", "show", "--", bad],
            vec!["sessions", "kill", "--", bad],
            vec!["sessions", "restart", "--", bad],
            vec!["sessions", "alter", "--", bad, "log_info=true"],
            vec!["sessions", "log", "--", bad],
            vec!["destroy", "session", "--", bad],
            vec!["show", "session", "--", bad],
            vec!["reload", "session", "--", &at_host],
        ];
        for args in forms {
            let run = mxs(&args).hosts(&server).run();
            run.code(2).one_error().stderr_has("session id: '");
            assert!(!run.stderr.contains('\u{7}'), "{args:?}: {}", run.stderr);
            if bad.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
                run.stderr_has(&format!("'{bad}"));
            }
        }
        let run = mxs(&["sessions", "kill", "-", "--yes"])
            .hosts(&server)
            .stdin(format!("2\n{bad}\n").as_bytes())
            .run();
        run.code(2).one_error().stderr_has("standard input, line 2");
    }
}

/// MaxScale before 24.02.10 authorises the method as sent and executes the one an
/// `X-HTTP-Method-Override` names (MXS-6579): every command, the live view's writes
/// included, sends the method it means and never that header.
#[test]
fn no_request_of_any_command_carries_a_method_override() {
    let server = real();
    let dir = tempfile::tempdir().unwrap();
    let commands: [&[&str]; 19] = [
        &["sessions", "list"],
        &["sessions", "list", "-o", "json"],
        &["sessions", "summary", "--by", "user"],
        &["sessions", "queries"],
        &["sessions", "show", "1", "--log"],
        &["sessions", "show", "--all"],
        &["sessions", "log", "1"],
        &["sessions", "watch", "100ms", "--count", "2", "-o", "jsonl"],
        &["sessions", "alter", "1", "log_info=true"],
        &["sessions", "alter", "1", "--filters", "Regex"],
        &["sessions", "restart", "3"],
        &["sessions", "restart", "--all", "--yes"],
        &["sessions", "kill", "3", "--ttl", "60"],
        &["list", "sessions"],
        &["show", "session", "2"],
        &["alter", "session", "2", "log_info", "false"],
        &["reload", "session", "2"],
        &["destroy", "session", "3"],
        &["sessions", "kill", "-", "--yes"],
    ];
    for args in commands {
        mxs(args)
            .hosts(&server)
            .env("XDG_CACHE_HOME", dir.path())
            .stdin(b"")
            .run();
    }
    // TAB completion reads ids too
    mxs(&["--", "mxs", "sessions", "kill", ""])
        .hosts(&server)
        .env("COMPLETE", "fish")
        .run();
    // the live view's kill and restart
    let run = mxs(&["top", "60s"]).hosts(&server).pty(30, 150);
    run.wait_text("2 sessions");
    run.write(b"r");
    run.wait_text("Restart session 1");
    run.write(b"y");
    run.wait_text("restarted session 1");
    run.write(b"x");
    run.wait_text("Kill session 1");
    run.write(b"y");
    run.wait_text("killed session 1");
    run.write(b"q");
    assert_eq!(run.finish().0, Some(0));

    let requests = server.requests();
    for method in ["GET", "POST", "PATCH", "DELETE"] {
        assert!(
            requests.iter().any(|r| r.method == method),
            "{method} was sent: {requests:?}"
        );
    }
    for r in &requests {
        assert!(
            r.header("X-HTTP-Method-Override").is_none()
                && !r
                    .headers
                    .iter()
                    .any(|(k, _)| k.to_ascii_lowercase().contains("method")),
            "{} {} carries a method override: {:?}",
            r.method,
            r.path,
            r.headers
        );
    }
    assert_eq!(
        server
            .writes()
            .iter()
            .filter(|w| w.method == "DELETE")
            .count(),
        3,
        "{:?}",
        server.writes()
    );
}
