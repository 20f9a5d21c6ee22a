//! `sessions show` in every format.

use crate::util::*;

#[test]
fn table_shows_everything_organised() {
    let server = real();
    let run = mxs(&["sessions", "show", "1"]).hosts(&server).run();
    run.ok().clean();
    for needle in [
        "Session 1",
        "Service",
        "RW-Split-Router",
        "Session started",
        "maxuser",
        "127.0.0.1 port 35858",
        "(2026-11-28 09:19:31 UTC)",
        "Connection attributes",
        "_client_name",
        "Backends (1)",
        "Queries (3, oldest first)",
        "SELECT SLEEP(86400)",
        "running",
        "Log (5)",
        "Memory",
    ] {
        run.stdout_has(needle);
    }
    assert!(
        !run.stdout.contains("Database"),
        "no always-empty Database row"
    );
}

#[test]
fn a_24_08_session_shows_the_one_log_line_it_keeps() {
    // 24.08.1 keeps one line of session log with session_trace=5 (fixtures/real-24.08/README.txt,
    // session-get-busy.json), where 24.02.4 kept five.
    let server = version(Version::Real24_08_1);
    let run = mxs(&["sessions", "show", "1"]).hosts(&server).run();
    run.ok().clean();
    for needle in [
        "Session 1",
        "SELECT SLEEP(86400)",
        "running",
        "Log (1)",
        "Route query to primary: server1 <",
    ] {
        run.stdout_has(needle);
    }
    let run = mxs(&["sessions", "show", "1", "-o", "json"])
        .hosts(&server)
        .run();
    run.ok().clean();
    let out = run.json();
    assert_eq!(
        out["data"]["attributes"]["log"].as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn every_version_shows_in_every_format() {
    for v in VERSIONS {
        let server = version(v);
        let list = raw_get(&server, "/v1/sessions");
        let id = list["data"][0]["id"].as_str().unwrap().to_string();
        for fmt in ["table", "tsv", "json", "jsonl"] {
            let run = mxs(&["sessions", "show", &id, "-o", fmt])
                .hosts(&server)
                .run();
            run.ok().clean();
            assert!(run.stdout.contains(&id), "{v:?} {fmt}");
        }
        // 2.5 had default_database; it is shown
        if v == Version::V2_5 {
            mxs(&["sessions", "show", &id])
                .hosts(&server)
                .run()
                .stdout_has("Default database");
        }
    }
}

#[test]
fn tsv_is_key_value_lines() {
    let server = real();
    let run = mxs(&["sessions", "show", "3", "--tsv"])
        .hosts(&server)
        .run();
    run.ok().clean();
    let get = |k: &str| {
        run.stdout.lines().find_map(|l| {
            l.split_once('\t')
                .filter(|(key, _)| *key == k)
                .map(|(_, v)| v.to_string())
        })
    };
    assert!(run.stdout.lines().all(|l| l.matches('\t').count() == 1));
    assert_eq!(get("id").as_deref(), Some("3"));
    assert_eq!(get("user").as_deref(), Some("maxuser"));
    assert_eq!(get("connected").as_deref(), Some("2026-11-28T09:19:32Z"));
    assert_eq!(
        get("client.connection_attributes.purpose").as_deref(),
        Some("rest-api-test")
    );
    assert_eq!(get("maxscale"), Some(server.endpoint()));
}

#[test]
fn json_is_the_servers_document_plus_meta() {
    let server = real();
    let raw = raw_get(&server, "/v1/sessions/2");
    let run = mxs(&["sessions", "show", "2", "--json"])
        .hosts(&server)
        .run();
    run.ok();
    let out = run.json();
    assert_eq!(out["data"]["meta"]["maxscale"], server.endpoint().as_str());
    assert_eq!(without_meta(out["data"].clone()), raw["data"]);
    assert_eq!(out["links"], raw["links"]);
}

#[test]
fn several_ids_and_several_hosts() {
    let a = real();
    let b = real();
    let hosts = format!("{},{}", a.endpoint(), b.endpoint());
    let run = mxs(&["-H", &hosts, "sessions", "show", "1", "3", "--json"]).run();
    run.ok();
    let docs: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 4, "one document per session and host");
    assert_eq!(docs[0]["data"]["id"], "1");
    assert_eq!(docs[3]["data"]["id"], "3");
}

#[test]
fn unknown_numeric_id_is_not_found() {
    let server = real();
    let run = mxs(&["sessions", "show", "999999"]).hosts(&server).run();
    run.code(5)
        .clean()
        .one_error()
        .stderr_has("session 999999 not found");
    assert!(run.stdout.is_empty());
}

#[test]
fn an_id_at_a_host_asks_that_host_alone() {
    let a = real();
    let b = real();
    let hosts = format!("{},{}", a.endpoint(), b.endpoint());
    let label = b.endpoint();
    a.expect(Expect::Nothing);
    b.expect_requests(&["GET /v1/sessions/1"]);
    let run = mxs(&["-H", &hosts, "sessions", "show", &format!("1@{label}")]).run();
    run.ok().stdout_has("Session 1");
    assert_eq!(b.requests().len(), 1, "{:?}", b.requests());
}

#[test]
fn found_on_one_host_is_found() {
    let a = real();
    let b = version(Version::V2_2);
    let hosts = format!("{},{}", a.endpoint(), b.endpoint());
    let run = mxs(&["-H", &hosts, "sessions", "show", "9"]).run();
    run.ok().stdout_has("Session 9");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}
