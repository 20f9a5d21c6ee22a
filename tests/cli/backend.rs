//! The backend through MaxScale's SQL API: `sessions locks`, `show --backend`, credentials,
//! versions, failures, Ctrl-C, and that every SQL connection opened is closed (the mock's
//! record of them).

use crate::util::*;
use mxs_mock::Backend;
use serde_json::{Value, json};

pub(crate) const SQL: [&str; 4] = ["--sql-user", "maxuser", "--sql-password", "maxpwd"];

/// The real dataset (sessions 1, 2, 3 on server1 with threads 10, 11, 12) behind `backend`.
pub(crate) fn with_backend(backend: Value) -> MockServer {
    start(MockConfig {
        backend: Some(Backend::from_json(&backend).unwrap()),
        ..MockConfig::default()
    })
}

/// Session 1 holds a row lock, session 2 waits for it, session 3 for both (a chain of three).
pub(crate) fn chain() -> Value {
    json!({"servers": {"server1": {
        "transactions": [{"thread": 10, "age": 95}],
        "row_waits": [
            {"waiter": 11, "blockers": [10], "seconds": 42},
            {"waiter": 12, "blockers": [11, 10], "seconds": 17,
             "statement": "UPDATE test.locktest SET val=0 WHERE id=1"}
        ]
    }}})
}

/// Every SQL connection opened was closed, and ran only reads of the information schema.
#[track_caller]
fn all_closed(server: &MockServer) -> usize {
    let records = server.sql_connections();
    for r in &records {
        assert!(r.closed, "left open: {r:?}");
        for sql in &r.statements {
            for statement in sql.split(';') {
                let s = statement.trim().to_ascii_uppercase();
                assert!(s.starts_with("SELECT "), "not a read: {sql}");
                assert!(
                    !s.contains(" FROM ")
                        || s.contains("INFORMATION_SCHEMA.")
                        || s.contains("PERFORMANCE_SCHEMA."),
                    "not the information schema: {sql}"
                );
            }
        }
    }
    records.len()
}

fn locks(server: &MockServer, extra: &[&str]) -> Run {
    let mut args = vec!["sessions", "locks"];
    args.extend_from_slice(extra);
    mxs(&args)
        .hosts(server)
        .args(&SQL)
        .env("COLUMNS", "300")
        .run()
}

#[test]
fn without_credentials_nothing_is_sent() {
    let server = with_backend(chain());
    for (args, env) in [
        (vec!["sessions", "locks"], None),
        (vec!["sessions", "show", "1", "--backend"], None),
        (vec!["sessions", "locks"], Some(("MXS_SQL_USER", "maxuser"))),
        (vec!["sessions", "locks", "--sql-password", "maxpwd"], None),
    ] {
        let mut cmd = mxs(&args).hosts(&server);
        if let Some((k, v)) = env {
            cmd = cmd.env(k, v);
        }
        let run = cmd.run();
        run.code(2).one_error().stderr_has("--sql-user");
    }
    server.expect(Expect::Nothing);
}

#[test]
fn credentials_come_from_the_environment_and_the_config_file() {
    let server = with_backend(chain());
    let run = mxs(&["sessions", "locks", "-o", "ids", "--blockers"])
        .hosts(&server)
        .env("MXS_SQL_USER", "maxuser")
        .env("MXS_SQL_PASSWORD", "maxpwd")
        .run();
    run.ok();
    assert_eq!(run.stdout, "1\n");
    let cmd = mxs(&["sessions", "locks", "-o", "ids", "--blockers"]).hosts(&server);
    let file = cmd.home.join("mxs.cnf");
    std::fs::write(&file, "[mxs]\nsql-user = maxuser\nsql-password = maxpwd\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let refused = mxs(&["sessions", "locks"])
        .hosts(&server)
        .args(&["--config", file.to_str().unwrap()])
        .run();
    refused.code(2).stderr_has("mode 0644");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let run = cmd.args(&["--config", file.to_str().unwrap()]).run();
    run.ok();
    assert_eq!(run.stdout, "1\n");
    // and from standard input, never echoed
    let run = mxs(&[
        "sessions",
        "locks",
        "--sql-user",
        "maxuser",
        "--sql-password-stdin",
    ])
    .hosts(&server)
    .stdin(b"maxpwd\n")
    .run();
    run.ok().stdout_has("session 3");
    assert!(!run.stdout.contains("maxpwd") && !run.stderr.contains("maxpwd"));
    assert_eq!(all_closed(&server), 3);
}

#[test]
fn a_chain_of_three_in_every_format() {
    let server = with_backend(chain());
    let run = locks(&server, &[]);
    run.ok().clean();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].contains("WAITING") && lines[0].contains("BLOCKED BY"));
    // longest wait first; session 3's chain goes through session 2 to session 1
    assert!(
        lines[1].contains("session 2 (maxuser@127.0.0.1)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("42.0s") && run.stdout.contains("17.0s"));
    assert!(
        run.stdout.contains("session 2 (maxuser@127.0.0.1) →"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("row lock X on `test`.`locktest` (PRIMARY)")
    );

    let run = locks(&server, &["-o", "json"]);
    run.ok();
    let doc = run.json();
    let data = doc["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    let c = &data[1];
    assert_eq!(c["waiter"]["session"], "3");
    assert_eq!(c["waiter"]["thread"], 12);
    assert_eq!(c["seconds"], 17);
    assert_eq!(
        c["waiter"]["process"]["statement"],
        "UPDATE test.locktest SET val=0 WHERE id=1"
    );
    let sessions = |k: &str| {
        c[k].as_array()
            .unwrap()
            .iter()
            .map(|p| p["session"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(sessions("blocked_by"), ["2", "1"]);
    assert_eq!(sessions("chain"), ["2", "1"]);
    assert_eq!(sessions("roots"), ["1"]);
    assert_eq!(c["roots"][0]["transaction"]["age"], 95);
    assert_eq!(c["lock"]["kind"], "row");

    let run = locks(&server, &["-o", "jsonl"]);
    run.ok();
    let rows: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows, *data);

    let run = locks(&server, &["-o", "tsv", "--header"]);
    run.ok().clean();
    let t = run.tsv();
    assert_eq!(t[0][0], "session");
    assert_eq!(t[2][0..4], ["3", &server.endpoint(), "server1", "12"]);
    assert_eq!(t[2][6..9], ["2,1", "2,1", "1"]);

    let run = locks(&server, &["--blockers"]);
    run.ok().clean().stdout_has("BLOCKER");
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    run.stdout_has("session 1 (maxuser@127.0.0.1)");
    let run = locks(&server, &["--blockers", "-o", "json"]);
    assert_eq!(run.json()["data"][0]["blocked"], 2);
    assert_eq!(run.json()["data"][0]["longest_wait"], 42);
    let run = locks(&server, &["--blockers", "-o", "ids"]);
    assert_eq!(run.stdout, "1\n");
    // --where keeps the blocked sessions that match
    let run = locks(&server, &["-o", "ids", "--where", "id=3"]);
    assert_eq!(run.stdout, "3\n");
    assert_eq!(all_closed(&server), 8);
    // one connection per (MaxScale, server) each time
    assert!(
        server
            .sql_connections()
            .iter()
            .all(|r| r.target == "server1")
    );
}

#[test]
fn the_blockers_go_to_kill_which_asks_first() {
    let server = with_backend(chain());
    let ids = locks(&server, &["--blockers", "-o", "ids"]);
    ids.ok();
    // off a terminal a selection needs --yes: nothing is killed
    let run = mxs(&["sessions", "kill", "-"])
        .hosts(&server)
        .stdin(ids.stdout.as_bytes())
        .run();
    run.code(2).stderr_has("--yes");
    assert!(
        server
            .writes()
            .iter()
            .all(|w| !w.path.starts_with("/v1/sessions"))
    );
    let run = mxs(&["sessions", "kill", "-", "--yes"])
        .hosts(&server)
        .stdin(ids.stdout.as_bytes())
        .run();
    run.ok();
    let kills: Vec<String> = server
        .writes()
        .iter()
        .filter(|w| w.method == "DELETE" && w.path.starts_with("/v1/sessions/"))
        .map(|w| w.path.clone())
        .collect();
    assert_eq!(kills, ["/v1/sessions/1"]);
    all_closed(&server);
}

#[test]
fn no_lock_waits() {
    let server = real();
    for (format, expected) in [("table", "no lock waits\n"), ("ids", "")] {
        let run = locks(&server, &["-o", format]);
        run.ok();
        assert_eq!(run.stdout, expected);
    }
    assert_eq!(locks(&server, &["-o", "json"]).json()["data"], json!([]));
    assert_eq!(all_closed(&server), 3);
}

#[test]
fn metadata_locks_with_and_without_the_plugin() {
    let scenario = |plugin: bool| {
        json!({"servers": {"server1": {
            "metadata_lock_info": plugin,
            "threads": [{"id": 900, "user": "report", "host": "10.0.0.7:5154", "db": "test",
                         "command": "Sleep", "time": 300}],
            "transactions": [{"thread": 900, "age": 300, "read_only": true}],
            "mdl_waits": [{"waiter": 11, "seconds": 8,
                           "statement": "ALTER TABLE test.locktest ADD COLUMN c INT"},
                          {"waiter": 12, "seconds": 7,
                           "statement": "SELECT * FROM test.locktest WHERE id=2"}],
            "mdl_locks": [{"thread": 900, "mode": "MDL_SHARED_READ", "schema": "test", "table": "locktest"},
                          {"thread": 11, "mode": "MDL_SHARED_UPGRADABLE", "schema": "test", "table": "locktest"},
                          {"thread": 12, "mode": "MDL_SHARED_READ", "schema": "test", "table": "other"}]
        }}})
    };
    let server = with_backend(scenario(true));
    let run = locks(&server, &["-o", "json"]);
    run.ok();
    let data = run.json()["data"].as_array().unwrap().clone();
    let by = |session: &str| {
        data.iter()
            .find(|d| d["waiter"]["session"] == session)
            .unwrap()
            .clone()
    };
    // the ALTER waits for the reader that is no session; the SELECT for it and the ALTER
    let alter = by("2");
    assert_eq!(
        alter["lock"],
        json!({"kind": "metadata", "table": "test.locktest", "holder_mode": "MDL_SHARED_READ"})
    );
    assert_eq!(alter["blocked_by"][0]["thread"], 900);
    assert_eq!(alter["blocked_by"][0]["session"], Value::Null);
    let select = by("3");
    let threads: Vec<&Value> = select["blocked_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["thread"])
        .collect();
    assert_eq!(threads, [&json!(900), &json!(11)]);
    assert_eq!(select["roots"][0]["thread"], 900);
    let run = locks(&server, &["--blockers"]);
    run.ok()
        .stdout_has("thread 900 on server1 (not through these MaxScales)")
        .stderr_has("KILL 900 on server1 ends it now");
    // -o ids: the root is no session; it is said on stderr
    let run = locks(&server, &["--blockers", "-o", "ids"]);
    run.ok();
    assert_eq!(run.stdout, "");
    run.stderr_has("thread 900 on server1 is not a session of these MaxScales");

    let server = with_backend(scenario(false));
    let run = locks(&server, &[]);
    run.ok().clean().stdout_has("unknown");
    run.stderr_has("the metadata_lock_info plugin names it");
    let run = locks(&server, &["-o", "json"]);
    let doc = run.json();
    assert_eq!(doc["data"][0]["blocked_by"], json!([]));
    assert!(
        doc["meta"]["notes"][0]
            .as_str()
            .unwrap()
            .contains("metadata_lock_info")
    );
    let run = mxs(&["sessions", "show", "2", "--backend"])
        .hosts(&server)
        .args(&SQL)
        .run();
    run.ok()
        .clean()
        .stdout_has("Backend threads (1)")
        .stdout_has("held by    unknown")
        .stdout_has("metadata_lock_info");
    // the plugin's absence is said of the threads that wait for a metadata lock only
    let run = mxs(&["sessions", "show", "1", "--backend"])
        .hosts(&server)
        .args(&SQL)
        .run();
    run.ok().clean().stdout_has("Backend threads (1)");
    assert!(!run.stdout.contains("metadata_lock_info"), "{}", run.stdout);
    all_closed(&server);
}

#[test]
fn show_backend_names_the_blocking_session() {
    let server = with_backend(chain());
    let run = mxs(&["sessions", "show", "3", "--backend"])
        .hosts(&server)
        .args(&SQL)
        .run();
    run.ok().clean();
    for needle in [
        "Backend threads (1)",
        "server1 thread 12: Query 17.0s, Updating",
        "statement    UPDATE test.locktest SET val=0 WHERE id=1",
        "transaction  LOCK WAIT, open 17.0s, 1 row locked, 0 modified",
        "waits for    row lock X on `test`.`locktest` (PRIMARY), for 17.0s",
        "held by      session 2 (maxuser@127.0.0.1)",
        "held by      session 1 (maxuser@127.0.0.1)",
        "chain        session 2 (maxuser@127.0.0.1) → session 1 (maxuser@127.0.0.1)",
    ] {
        run.stdout_has(needle);
    }
    let run = mxs(&["sessions", "show", "1", "--backend", "-o", "json"])
        .hosts(&server)
        .args(&SQL)
        .run();
    run.ok();
    let b = &run.json()["data"]["meta"]["backend"][0];
    assert_eq!(b["server"], "server1");
    assert_eq!(b["thread"], 10);
    assert_eq!(b["transaction"]["age"], 95);
    assert_eq!(b["waits"], json!([]));
    // the data is the server's, whole
    assert_eq!(run.json()["data"]["id"], "1");
    let run = mxs(&["sessions", "show", "2", "--backend", "-o", "tsv"])
        .hosts(&server)
        .args(&SQL)
        .run();
    run.ok().clean();
    let fields: Vec<Vec<&str>> = run.tsv();
    let get = |k: &str| fields.iter().find(|f| f[0] == k).map(|f| f[1]);
    assert_eq!(get("backend.0.thread"), Some("11"));
    assert_eq!(get("backend.0.state"), Some("Updating"));
    assert_eq!(
        get("backend.0.waits.0.blocked_by"),
        Some("session 1 (maxuser@127.0.0.1)")
    );
    assert_eq!(all_closed(&server), 3);
}

#[test]
fn a_graph_across_two_maxscales() {
    // the same server1 behind both: thread 119 is session 2 of the 24.08 MaxScale; it waits
    // for thread 10, session 1 of the 24.02 one, and thread 11 (session 2 there) for 119
    let scenario = json!({"servers": {"server1": {
        "threads": [{"id": 10, "user": "maxuser", "host": "localhost:1"},
                    {"id": 11, "user": "maxuser", "host": "localhost:2"},
                    {"id": 119, "user": "maxuser", "host": "localhost:3"}],
        "row_waits": [{"waiter": 119, "blockers": [10], "seconds": 30},
                      {"waiter": 11, "blockers": [119], "seconds": 20}]
    }}});
    let a = with_backend(scenario.clone());
    let b = start(MockConfig {
        version: Version::Real24_08_1,
        backend: Some(Backend::from_json(&scenario).unwrap()),
        ..MockConfig::default()
    });
    let hosts = format!("{},{}", a.endpoint(), b.endpoint());
    let run = mxs(&["sessions", "locks", "-o", "json", "-H", &hosts])
        .args(&SQL)
        .run();
    run.ok();
    let doc = run.json();
    let data = doc["data"].as_array().unwrap();
    assert_eq!(data.len(), 2, "the server is counted once: {doc}");
    assert_eq!(data[0]["waiter"]["session"], "2");
    assert_eq!(data[0]["waiter"]["maxscale"], json!(b.endpoint()));
    assert_eq!(data[0]["blocked_by"][0]["maxscale"], json!(a.endpoint()));
    assert_eq!(data[1]["waiter"]["maxscale"], json!(a.endpoint()));
    assert_eq!(data[1]["chain"][1]["session"], "1");
    let run = mxs(&["sessions", "locks", "--blockers", "-o", "ids", "-H", &hosts])
        .args(&SQL)
        .run();
    assert_eq!(run.stdout, format!("1@{}\n", a.endpoint()));
    // one connection per MaxScale and server, each closed
    assert_eq!(all_closed(&a), 2);
    assert_eq!(all_closed(&b), 2);
}

#[test]
fn a_server_that_refuses_and_one_that_is_down() {
    let server = start(MockConfig {
        sessions: Some(40),
        seed: 3,
        ..MockConfig::default()
    });
    // the generated sessions' servers and threads
    let list = raw_get(&server, "/v1/sessions");
    let mut by_server: std::collections::BTreeMap<String, Vec<(String, u64)>> = Default::default();
    for s in list["data"].as_array().unwrap() {
        for c in s["attributes"]["connections"].as_array().unwrap() {
            by_server
                .entry(c["server"].as_str().unwrap().to_string())
                .or_default()
                .push((
                    s["id"].as_str().unwrap().to_string(),
                    c["connection_id"].as_u64().unwrap(),
                ));
        }
    }
    assert!(by_server.len() >= 3, "{by_server:?}");
    let names: Vec<&String> = by_server.keys().collect();
    let (ok, refusing, down) = (names[0].clone(), names[1].clone(), names[2].clone());
    let (waiter, holder) = (by_server[&ok][0].clone(), by_server[&ok][1].clone());
    drop(server);
    let scenario = json!({"servers": {
        ok.clone(): {"row_waits": [{"waiter": waiter.1, "blockers": [holder.1], "seconds": 9}]},
        refusing.clone(): {"refuse": true},
        down.clone(): {"down": true}
    }});
    let server = start(MockConfig {
        sessions: Some(40),
        seed: 3,
        backend: Some(Backend::from_json(&scenario).unwrap()),
        ..MockConfig::default()
    });
    let run = locks(&server, &["-o", "ids"]);
    // the wait on the readable server is shown; the others say why they are not
    assert_eq!(run.stdout, format!("{}\n", waiter.0));
    run.code(1)
        .stderr_has(&format!("cannot connect to server {down}"))
        .stderr_has("Error 2002")
        .stderr_has("PROCESS privilege");
    all_closed(&server);
    let run = mxs(&["sessions", "show", &waiter.0, "--backend"])
        .hosts(&server)
        .args(&SQL)
        .run();
    run.ok()
        .stdout_has(&format!("held by      session {}", holder.0));
    all_closed(&server);
}

#[test]
fn bad_credentials_and_old_versions() {
    let server = with_backend(chain());
    let run = mxs(&[
        "sessions",
        "locks",
        "--sql-user",
        "maxuser",
        "--sql-password",
        "wrong",
    ])
    .hosts(&server)
    .run();
    run.code(4)
        .stderr_has("refused the database account 'maxuser'")
        .stderr_has("Error 1045")
        .stderr_has("--sql-password");
    assert_eq!(run.stdout, "");
    assert!(!run.stderr.contains("wrong"));
    assert!(server.sql_connections().is_empty());

    let old = version(Version::V2_5);
    for command in [
        &["sessions", "locks"][..],
        &["sessions", "show", "1", "--backend"][..],
    ] {
        let run = mxs(command).hosts(&old).args(&SQL).run();
        run.code(1)
            .one_error()
            .stderr_has(&format!(
                "MaxScale 2.5.29 on {} has no SQL API",
                old.endpoint()
            ))
            .stderr_has("MaxScale 6.0 or later");
        // nothing was asked of /v1/sql
        assert!(old.requests().iter().all(|r| !r.path.contains("sql")));
    }
    let run = mxs(&["sessions", "show", "1", "--backend"])
        .hosts(&old)
        .args(&SQL)
        .run();
    run.stdout_has("Backend threads (2)")
        .stdout_has("note  MaxScale 2.5.29");
    assert!(old.sql_connections().is_empty());
}

#[test]
fn hostile_users_and_statements_never_reach_the_terminal_raw() {
    let evil = "\u{1b}[31mred\u{1b}]52;c;aGk=\u{7}\u{202e}\r\nmxs: error: fake";
    let server = with_backend(json!({"servers": {"server1": {
        "threads": [{"id": 900, "user": evil, "host": evil, "db": evil, "command": "Sleep"}],
        "row_waits": [{"waiter": 11, "blockers": [900], "seconds": 3, "statement": evil,
                       "table": evil, "index": evil}]
    }}}));
    for format in ["table", "tsv", "ids", "json", "jsonl"] {
        for extra in [&[][..], &["--blockers"][..]] {
            let run = locks(&server, &[&["-o", format][..], extra].concat());
            run.ok().clean();
        }
    }
    for format in ["table", "tsv", "json"] {
        let run = mxs(&["sessions", "show", "2", "--backend", "-o", format])
            .hosts(&server)
            .args(&SQL)
            .run();
        run.ok().clean();
    }
    // JSON keeps what the server sent
    let doc = locks(&server, &["-o", "json"]).json();
    assert_eq!(doc["data"][0]["waiter"]["process"]["statement"], evil);
    all_closed(&server);
}

#[test]
fn ctrl_c_or_a_closed_terminal_in_the_middle_closes_the_connection() {
    use std::os::unix::process::ExitStatusExt;
    for (signal, number) in [
        (rustix::process::Signal::INT, 2),
        (rustix::process::Signal::HUP, 1),
        (rustix::process::Signal::TERM, 15),
    ] {
        let server = with_backend(json!({"stall": true}));
        let mut cmd = mxs(&["sessions", "locks"]).hosts(&server).args(&SQL);
        let mut child = cmd
            .command()
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // the query is in flight when the signal comes
        let start = std::time::Instant::now();
        while server
            .sql_connections()
            .first()
            .is_none_or(|r| r.statements.is_empty())
        {
            assert!(start.elapsed() < PTY_TIMEOUT, "no query came");
            std::thread::yield_now();
        }
        let pid = rustix::process::Pid::from_child(&child);
        rustix::process::kill_process(pid, signal).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(
            status.signal(),
            Some(number),
            "ended by the signal: {status:?}"
        );
        let records = server.sql_connections();
        assert_eq!(records.len(), 1);
        assert!(records[0].closed, "{records:?}");
        // it was cancelled, then closed
        assert!(
            server
                .requests()
                .iter()
                .any(|r| r.path.ends_with("/cancel"))
        );
    }
}

#[test]
fn list_backend_columns_with_where_and_sort() {
    let server = with_backend(chain());
    let run = mxs(&["sessions", "list", "--backend"])
        .hosts(&server)
        .args(&SQL)
        .env("COLUMNS", "300")
        .run();
    run.ok().clean();
    for needle in [
        "BLOCKED BY",
        "BACKEND STATE",
        "BACKEND TIME",
        "TRX AGE",
        "Updating",
    ] {
        run.stdout_has(needle);
    }
    let run = mxs(&[
        "sessions",
        "list",
        "--backend",
        "--columns",
        "id,blocked_by,backend_time,trx_age",
        "--where",
        "blocked_by~1",
        "--sort",
        "-backend_time",
        "-o",
        "tsv",
    ])
    .hosts(&server)
    .args(&SQL)
    .run();
    run.ok();
    let rows = run.tsv();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0][0], rows[1][0]), ("2", "3"));
    assert_eq!(rows[0][13..], ["1", "Updating", "42", "42"]);
    assert_eq!(rows[1][13], "2,1");
    let run = mxs(&[
        "sessions",
        "list",
        "--backend",
        "--sort",
        "-trx_age",
        "-o",
        "json",
    ])
    .hosts(&server)
    .args(&SQL)
    .run();
    run.ok();
    let doc = run.json();
    assert_eq!(doc["data"][0]["id"], "1");
    assert_eq!(
        doc["data"][0]["meta"]["backend"],
        json!({"blocked_by": [], "backend_state": "Sending data", "backend_time": 0, "trx_age": 95})
    );
    // the columns need --backend; nothing is sent without it
    let before = server.requests().len();
    let run = mxs(&["sessions", "list", "--where", "trx_age>1m"])
        .hosts(&server)
        .args(&SQL)
        .run();
    run.code(2).stderr_has("needs `sessions list --backend`");
    assert_eq!(server.requests().len(), before);
    assert_eq!(all_closed(&server), 3);
}

#[test]
fn an_unknown_server_and_an_account_without_the_sql_permission() {
    let server = with_backend(json!({"servers": {"server1": {"unknown": true}}}));
    let run = mxs(&["sessions", "show", "1", "--backend"])
        .hosts(&server)
        .args(&SQL)
        .run();
    run.code(5)
        .stderr_has("MaxScale knows no server server1 (Target 'server1' not found)")
        .stdout_has("Backend threads (1)");
    assert!(server.sql_connections().is_empty());
    let server = with_backend(json!({"no_sql_permission": true}));
    let run = locks(&server, &[]);
    run.code(4)
        .stderr_has("the admin account may not use the SQL API")
        .stderr_has("`sql` permission");
    assert!(server.sql_connections().is_empty());
}

#[test]
fn the_locks_table_with_and_without_color() {
    let server = with_backend(chain());
    let plain = locks(&server, &["--color", "never"]);
    plain.ok();
    assert!(!plain.stdout.contains('\u{1b}'));
    let colored = locks(&server, &["--color", "always"]);
    colored.ok();
    assert!(colored.stdout.contains("\u{1b}["), "{}", colored.stdout);
    assert_eq!(strip_ansi(&colored.stdout), plain.stdout);
    let show = |color: &str| {
        mxs(&["sessions", "show", "3", "--backend", "--color", color])
            .hosts(&server)
            .args(&SQL)
            .run()
    };
    let (plain, colored) = (show("never"), show("always"));
    assert!(!plain.stdout.contains('\u{1b}'));
    assert!(colored.stdout.contains("\u{1b}["));
    assert_eq!(strip_ansi(&colored.stdout), plain.stdout);
    all_closed(&server);
}

#[test]
fn mysql_8_and_a_server_of_another_kind() {
    let mut scenario = chain();
    scenario["servers"]["server1"]["flavour"] = json!("mysql");
    let server = with_backend(scenario);
    let run = locks(&server, &["-o", "json"]);
    run.ok();
    let doc = run.json();
    let data = doc["data"].as_array().unwrap();
    assert_eq!(data.len(), 2, "{doc}");
    assert_eq!(data[1]["waiter"]["session"], "3");
    assert_eq!(data[1]["roots"][0]["session"], "1");
    assert_eq!(
        data[0]["lock"],
        json!({"kind": "row", "mode": "X", "type": "RECORD", "table": "`test`.`locktest`", "index": "PRIMARY"})
    );
    let sql: Vec<String> = server
        .sql_connections()
        .iter()
        .flat_map(|r| r.statements.clone())
        .collect();
    assert!(
        sql.iter()
            .any(|s| s.contains("performance_schema.data_lock_waits"))
    );
    assert!(!sql.iter().any(|s| s.contains("INNODB_LOCK_WAITS")));
    all_closed(&server);

    let mut scenario = chain();
    scenario["servers"]["server1"]["flavour"] = json!("5.7.99-SomethingElse");
    let server = with_backend(scenario);
    let run = locks(&server, &[]);
    run.ok().stdout_has("no lock waits").stderr_has(
        "lock waits: not read: the server's version '5.7.99-SomethingElse' is neither MariaDB nor MySQL 8",
    );
    all_closed(&server);
}

#[test]
fn the_live_view_turns_the_backend_on_with_b() {
    let server = with_backend(chain());
    let run = mxs(&["top", "60s"]).hosts(&server).args(&SQL).pty(150, 200);
    run.wait_text("3 sessions");
    assert!(server.sql_connections().is_empty(), "nothing read before b");
    run.write(b"b");
    let screen = run.wait_screen("the backend columns", |s| {
        s.contains("BLOCKED BY") && s.contains("Updating")
    });
    assert!(screen.contains("TRX AGE"), "{screen}");
    // the detail of session 3: its backend thread and who blocks it
    run.write(b"jj\r");
    let screen = run.wait_screen("the detail's backend threads", |s| {
        s.lines()
            .any(|l| l.contains("held by") && l.contains("session 2 (maxuser@127.0.0.1)"))
    });
    assert!(screen.contains("Backend threads (1)"), "{screen}");
    run.write(b"\x1b");
    // the refreshes reuse the connection
    run.write(b"q");
    let (code, text, cooked) = run.finish_cooked();
    assert_eq!(code, Some(0), "{text}");
    assert!(cooked);
    assert_eq!(all_closed(&server), 1, "one connection, reused and closed");
}

#[test]
fn the_live_view_says_how_to_give_credentials() {
    let server = with_backend(chain());
    let run = mxs(&["top", "60s"]).hosts(&server).pty(30, 160);
    run.wait_text("3 sessions");
    run.write(b"b");
    run.wait_text("needs --sql-user and --sql-password");
    run.write(b"q");
    let (code, text, _) = run.finish_cooked();
    assert_eq!(code, Some(0), "{text}");
    assert!(server.sql_connections().is_empty());
}

#[test]
fn a_closed_terminal_closes_the_live_view_s_connection() {
    let server = with_backend(chain());
    let run = mxs(&["top", "60s"]).hosts(&server).args(&SQL).pty(40, 200);
    run.wait_text("3 sessions");
    run.write(b"b");
    // the backend was read: its connection is open
    run.wait_text("Updating");
    assert_eq!(run.hang_up(), Some(0));
    assert_eq!(all_closed(&server), 1);
}
