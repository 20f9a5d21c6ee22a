//! `sessions queries` (the running statements), the `running` and `query_age` columns, and the
//! backend side: `conn_ids` and `--where conn_id=...`.

use crate::util::*;

/// 2026-11-28T09:20:00Z: 28.11 s after the captures' running statement (SELECT SLEEP(86400),
/// session 1) was received, by the server's clock (its local time is UTC).
const CAPTURE_NOW: i64 = 1_795_857_600;

fn fixed(config: MockConfig) -> MockServer {
    start(MockConfig {
        server_time: Some(CAPTURE_NOW),
        ..config
    })
}

fn real_fixed() -> MockServer {
    fixed(MockConfig::default())
}

/// A server that keeps no statements: the documented 24.02 responses (empty `queries`) with
/// `retain_last_statements=0`.
fn keeps_none() -> MockServer {
    fixed(MockConfig {
        version: Version::V24_02,
        retain_last_statements: 0,
        ..MockConfig::default()
    })
}

#[test]
fn only_the_running_statement_is_listed_with_its_age_by_the_server_s_clock() {
    let s = real_fixed();
    let run = mxs(&["sessions", "queries"]).hosts(&s).run();
    run.ok().clean();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[0].starts_with("ID  USER"), "{}", run.stdout);
    assert!(lines[0].contains("QUERY AGE") && lines[0].contains("RUNNING"));
    assert!(
        lines[1].starts_with(" 1  maxuser  127.0.0.1  RW-Split-Router")
            && lines[1].contains("28s")
            && lines[1].ends_with("SELECT SLEEP(86400)"),
        "{}",
        run.stdout
    );
    // the retention is asked for, with the list
    let mut paths: Vec<String> = s.requests().into_iter().map(|r| r.path).collect();
    paths.sort();
    assert_eq!(paths, ["/v1/maxscale", "/v1/sessions"]);

    let tsv = mxs(&["sessions", "queries", "--tsv"]).hosts(&s).run();
    tsv.ok();
    assert_eq!(
        tsv.stdout,
        format!(
            "1\tmaxuser\t127.0.0.1\t\tRW-Split-Router\t28\t2026-11-28T09:19:31.890\tSELECT SLEEP(86400)\t{}\n",
            s.endpoint()
        )
    );
    let json = mxs(&["sessions", "queries", "-o", "json"])
        .hosts(&s)
        .run()
        .json();
    let data = json["data"].as_array().unwrap();
    assert_eq!(data.len(), 1);
    assert_eq!(data[0]["meta"]["running"], "SELECT SLEEP(86400)");
    assert_eq!(data[0]["meta"]["query_age"], 28.0);
    // the server's resource, whole
    let raw = raw_get(&s, "/v1/sessions");
    let listed = raw["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "1")
        .unwrap();
    assert_eq!(&without_meta(data[0].clone()), listed);
    mxs(&["sessions", "queries", "-o", "ids"])
        .hosts(&s)
        .run()
        .ok()
        .stdout_has("1\n");
}

#[test]
fn min_duration_where_and_the_utc_offset() {
    let s = real_fixed();
    let rows = |args: &[&str]| {
        let mut all = vec!["sessions", "queries", "--tsv"];
        all.extend_from_slice(args);
        let run = mxs(&all).hosts(&s).run();
        run.ok();
        run.stdout
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[0].to_string(), f[5].to_string())
            })
            .collect::<Vec<_>>()
    };
    let one = vec![("1".to_string(), "28".to_string())];
    assert_eq!(rows(&["--min-duration", "5s"]), one);
    assert_eq!(rows(&["--min-duration", "28s"]), one);
    assert_eq!(rows(&["--min-duration", "1m"]), []);
    assert_eq!(rows(&["--where", "user=maxuser"]), one);
    assert_eq!(rows(&["--where", "user=bob"]), []);
    // the server's local time is two hours ahead of UTC: the statement is two hours older
    assert_eq!(
        rows(&["--server-utc-offset", "+02:00"]),
        [("1".to_string(), "7228".to_string())]
    );
    // or from the config file's [mxs] section
    let m = mxs(&["sessions", "queries", "--tsv"]).hosts(&s);
    let cnf = m.home.join(".maxctrl.cnf");
    std::fs::write(&cnf, "[mxs]\nserver-utc-offset = +02:00\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&cnf, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let run = m.run();
    run.ok();
    assert!(
        run.stdout
            .starts_with("1\tmaxuser\t127.0.0.1\t\tRW-Split-Router\t7228\t"),
        "{}",
        run.stdout
    );
    // an offset that puts the statement after the server's clock: age 0, and a warning
    let run = mxs(&["sessions", "queries", "--server-utc-offset", "-01:00"])
        .hosts(&s)
        .run();
    run.ok()
        .stderr_has("mxs: warning: ")
        .stderr_has("--server-utc-offset +00:00");
    let bad = mxs(&["sessions", "queries", "--server-utc-offset", "EET"])
        .hosts(&s)
        .run();
    bad.code(2).one_error().stderr_has("--server-utc-offset");
    mxs(&["sessions", "queries", "--min-duration", "soon"])
        .hosts(&s)
        .run()
        .code(2)
        .one_error()
        .stderr_has("--min-duration");
}

#[test]
fn a_server_that_keeps_no_statements_is_an_error_that_says_how_to_turn_it_on() {
    let s = keeps_none();
    for format in ["table", "tsv", "json"] {
        let run = mxs(&["sessions", "queries", "-o", format]).hosts(&s).run();
        run.code(1)
            .one_error()
            .stderr_has("retain_last_statements=0")
            .stderr_has("maxctrl alter maxscale retain_last_statements=");
        assert_eq!(run.stdout, "", "no empty list");
    }
    // with another host that keeps them, its statements are still shown
    let other = real_fixed();
    let run = mxs(&["sessions", "queries", "--tsv"])
        .args(&["--hosts", &format!("{},{}", s.endpoint(), other.endpoint())])
        .run();
    run.code(1).stderr_has("keeps no statements");
    assert!(
        run.stdout.starts_with("1\tmaxuser\t") && run.stdout.lines().count() == 1,
        "{}",
        run.stdout
    );
}

#[test]
fn running_statements_longest_first_each_host_together() {
    let config = |seed| MockConfig {
        sessions: Some(300),
        seed,
        server_time: Some(CAPTURE_NOW),
        ..MockConfig::default()
    };
    let (a, b) = (start(config(3)), start(config(4)));
    let hosts = format!("{},{}", a.endpoint(), b.endpoint());
    let run = mxs(&["sessions", "queries", "--tsv", "--hosts", &hosts]).run();
    run.ok().clean();
    let rows: Vec<(String, f64, String)> = run
        .stdout
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 9, "{l}");
            assert!(!f[7].is_empty(), "a running statement: {l}");
            (f[8].to_string(), f[5].parse().unwrap(), f[0].to_string())
        })
        .collect();
    assert!(rows.len() > 10, "{}", run.stdout);
    let first_b = rows.iter().position(|r| r.0 == b.endpoint()).unwrap();
    assert!(rows[..first_b].iter().all(|r| r.0 == a.endpoint()));
    assert!(rows[first_b..].iter().all(|r| r.0 == b.endpoint()));
    for host in [&rows[..first_b], &rows[first_b..]] {
        assert!(
            host.windows(2).all(|w| w[0].1 >= w[1].1),
            "longest first: {host:?}"
        );
    }
    // exactly the sessions whose newest statement has no `completed`
    let raw = raw_get(&a, "/v1/sessions");
    let mut running: Vec<String> = raw["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            s["attributes"]["queries"]
                .as_array()
                .and_then(|q| q.last())
                .is_some_and(|q| q.get("completed").is_none())
        })
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    let mut shown: Vec<String> = rows[..first_b].iter().map(|r| r.2.clone()).collect();
    running.sort();
    shown.sort();
    assert_eq!(shown, running);
    // --sort replaces the order
    let sorted = mxs(&[
        "sessions", "queries", "--tsv", "--sort", "id", "--hosts", &hosts,
    ])
    .run();
    let ids: Vec<u64> = sorted
        .stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap().parse().unwrap())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] <= w[1]), "{ids:?}");
}

#[test]
fn list_and_watch_read_the_queries_for_the_running_and_query_age_columns() {
    let s = real_fixed();
    let run = mxs(&["sessions", "list", "--columns", "id,running,query_age"])
        .hosts(&s)
        .run();
    run.ok();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "ID  RUNNING              QUERY AGE");
    assert_eq!(lines[1], " 1  SELECT SLEEP(86400)        28s");
    assert_eq!(lines[2].trim_end(), " 2");
    let run = mxs(&["sessions", "list", "--where", "query_age>10", "-o", "ids"])
        .hosts(&s)
        .run();
    assert_eq!(run.stdout, "1\n");
    // an action's selection reads them too
    let run = mxs(&["sessions", "kill", "--where", "query_age>10", "--dry-run"])
        .hosts(&s)
        .run();
    run.ok();
    assert_eq!(
        run.stdout,
        format!("would kill session 1 on {}\n", s.endpoint())
    );
    assert!(s.writes().is_empty());
    let run = mxs(&["sessions", "list", "--where", "running~sleep", "-o", "ids"])
        .hosts(&s)
        .run();
    assert_eq!(run.stdout, "1\n");
    let run = mxs(&[
        "sessions",
        "watch",
        "--count",
        "1",
        "-o",
        "table",
        "--columns",
        "id,query_age,running",
    ])
    .hosts(&s)
    .run();
    run.ok().stdout_has("28s  SELECT SLEEP(86400)");
}

#[test]
fn conn_id_finds_the_session_behind_a_backend_thread() {
    let s = real_fixed();
    let ids = |cond: &str| {
        let run = mxs(&["sessions", "list", "--where", cond, "-o", "ids"])
            .hosts(&s)
            .run();
        run.ok();
        run.stdout
    };
    assert_eq!(ids("conn_id=11"), "2\n");
    assert_eq!(ids("conn_id=server1:12"), "3\n");
    assert_eq!(ids("conn_id=server2:12"), "");
    assert_eq!(ids("conn_id!=10"), "2\n3\n");
    let run = mxs(&["sessions", "list", "--columns", "id,conn_ids"])
        .hosts(&s)
        .run();
    assert!(run.stdout.contains(" 1  server1:10\n"), "{}", run.stdout);
    // two backends (22.08): either id finds the session
    let v = version(Version::V22_08);
    for cond in ["conn_id=169", "conn_id=90", "conn_id=server2:90"] {
        let run = mxs(&["sessions", "list", "--where", cond, "-o", "ids"])
            .hosts(&v)
            .run();
        assert_eq!(run.stdout, "1\n", "{cond}");
    }
    let run = mxs(&["sessions", "list", "--columns", "id,conn_ids"])
        .hosts(&v)
        .run();
    run.ok().stdout_has("server1:169, server2:90");
    // 2.2 sends no connections: the column is empty, nothing matches, nothing fails
    let old = version(Version::V2_2);
    let run = mxs(&["sessions", "list", "--where", "conn_id=9", "-o", "ids"])
        .hosts(&old)
        .run();
    run.ok();
    assert_eq!(run.stdout, "");
    mxs(&["sessions", "list", "--columns", "id,conn_ids"])
        .hosts(&old)
        .run()
        .ok();
    mxs(&["sessions", "list", "--where", "conn_id=x"])
        .hosts(&s)
        .run()
        .code(2)
        .one_error()
        .stderr_has("not a backend connection id");
    assert!(
        mxs(&["sessions", "list", "--where", "conn_id>3"])
            .hosts(&s)
            .run()
            .code(2)
            .stderr
            .contains("conn_id takes")
    );
}

#[test]
fn hostile_statements_never_reach_the_terminal_raw_and_old_versions_list_nothing() {
    let s = start(MockConfig {
        sessions: Some(200),
        evil: true,
        server_time: Some(CAPTURE_NOW),
        ..MockConfig::default()
    });
    for format in ["table", "tsv"] {
        let run = mxs(&["sessions", "queries", "-o", format, "--wide"])
            .hosts(&s)
            .run();
        run.ok().clean();
    }
    let run = mxs(&["sessions", "list", "--columns", "id,running,conn_ids"])
        .hosts(&s)
        .run();
    run.ok().clean();
    for v in [Version::V2_2, Version::V6_4, Version::V23_02] {
        let run = mxs(&["sessions", "queries"]).hosts(&version(v)).run();
        run.ok().stderr_has("no statement is running");
        assert_eq!(run.stdout.lines().count(), 1, "{v}: the header only");
    }
}

#[test]
fn client_side_names_are_resolved_for_the_rows_shown_and_host_matches_them() {
    let s = real_fixed();
    let run = mxs(&["sessions", "queries", "--rdns", "--tsv"])
        .hosts(&s)
        .env("MXS_TEST_RESOLVER", "delay=1ms")
        .run();
    run.ok();
    let f: Vec<&str> = run.stdout.trim_end().split('\t').collect();
    assert_eq!((f[0], f[3]), ("1", "host-127-0-0-1.test"), "{}", run.stdout);
    let run = mxs(&[
        "sessions",
        "queries",
        "--rdns",
        "-o",
        "ids",
        "--where",
        "host=host-127-0-0-1.test",
    ])
    .hosts(&s)
    .env("MXS_TEST_RESOLVER", "delay=1ms")
    .run();
    assert_eq!(run.stdout, "1\n");
    let json = mxs(&["sessions", "queries", "--rdns", "-o", "json"])
        .hosts(&s)
        .env("MXS_TEST_RESOLVER", "delay=1ms")
        .run()
        .json();
    assert_eq!(
        json["data"][0]["meta"]["remote_name"],
        "host-127-0-0-1.test"
    );
}

#[test]
fn a_host_that_is_down_is_reported_once_and_the_others_are_listed() {
    let s = real_fixed();
    let down = format!("127.0.0.1:{}", closed_port());
    let run = mxs(&["sessions", "queries", "--tsv"])
        .args(&["--hosts", &format!("{down},{}", s.endpoint())])
        .run();
    run.code(3);
    assert_eq!(
        run.stderr.matches("mxs: error: ").count(),
        1,
        "{}",
        run.stderr
    );
    run.stderr_has(&down);
    assert!(run.stdout.starts_with("1\tmaxuser\t"), "{}", run.stdout);
}
