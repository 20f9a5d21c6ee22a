//! The SQL API against the real 24.02.4 captures (`fixtures/real-24.02/sql/`): connect errors,
//! tokens, queries over the simulated backend, busy connections, cancel and close.

use super::writes::{as_user, assert_capture_except, send};
use super::{Resp, capture, start};
use crate::{Backend, MockConfig, MockServer};
use serde_json::{Value, json};

const CONNECT: &str = r#"{"user":"maxuser","password":"maxpwd","target":"server1"}"#;

/// The capture's body with its connection ids replaced by `id`.
fn body_with_id(name: &str, id: &str) -> String {
    let text = String::from_utf8(capture(name).body).unwrap();
    text.replace("d6dac912-5a5b-45f2-b1ae-6c06ba82f0a0", id)
}

fn connect(server: &MockServer) -> (String, String) {
    let r = send(server, "POST", "/v1/sql", Some(CONNECT));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let v = r.json();
    (
        v["data"]["id"].as_str().unwrap().to_string(),
        v["meta"]["token"].as_str().unwrap().to_string(),
    )
}

fn query(server: &MockServer, id: &str, token: &str, sql: &str) -> Resp {
    let body = json!({"sql": sql}).to_string();
    send(
        server,
        "POST",
        &format!("/v1/sql/{id}/queries?token={token}"),
        Some(&body),
    )
}

fn results(r: &Resp) -> Vec<Value> {
    r.json()["data"]["attributes"]["results"]
        .as_array()
        .unwrap()
        .clone()
}

/// The backend of the lock captures: A (195) holds a row lock, B (197) waits for it; then the
/// metadata-lock case's threads as PROCESSLIST showed them.
fn lock_backend() -> Backend {
    Backend::from_json(&json!({"servers": {"server1": {
        "threads": [
            {"id": 195, "user": "maxuser", "host": "localhost:41694", "db": "test", "command": "Sleep", "time": 8},
            {"id": 197, "user": "maxuser", "host": "localhost:59864", "db": "test"},
            {"id": 205, "user": "maxuser", "host": "localhost:57574", "db": "test"}
        ],
        "row_waits": [{"waiter": 197, "blockers": [195], "seconds": 7,
                       "statement": "UPDATE test.locktest SET val=val+1 WHERE id=1"}],
        "mdl_locks": [{"thread": 195, "mode": "MDL_SHARED_READ", "schema": "test", "table": "locktest"}]
    }}}))
    .unwrap()
}

#[test]
fn connect_errors_are_the_captured_answers() {
    let server = start(MockConfig::default());
    for (body, name) in [
        (None, "sql/sql-connect-no-body"),
        (
            Some(r#"{"user":"maxuser","password":"maxpwd"}"#),
            "sql/sql-connect-no-target",
        ),
        (Some(r#"{"target":"server1"}"#), "sql/sql-connect-no-user"),
        (
            Some(r#"{"user":"maxuser","password":"maxpwd","target":"nosuchserver"}"#),
            "sql/sql-connect-unknown-target",
        ),
        (
            Some(r#"{"user":"maxuser","password":"wrong","target":"server1"}"#),
            "sql/sql-connect-wrong-password",
        ),
    ] {
        let r = send(&server, "POST", "/v1/sql", body);
        assert_capture_except(&r, name, &[], true);
    }
    assert!(server.sql_connections().is_empty());
}

#[test]
fn connect_query_and_close_answer_as_captured() {
    let server = start(MockConfig::default());
    let r = send(&server, "POST", "/v1/sql", Some(CONNECT));
    assert_capture_except(
        &r,
        "sql/sql-connect-server1",
        &["Location", "Content-Length"],
        false,
    );
    let v = r.json();
    let id = v["data"]["id"].as_str().unwrap().to_string();
    let token = v["meta"]["token"].as_str().unwrap().to_string();
    assert_eq!(
        r.header("Location"),
        Some(format!("http://127.0.0.1:8989/v1/sql/{id}").as_str())
    );
    let cap: Value = serde_json::from_slice(&capture("sql/sql-connect-server1").body).unwrap();
    let keys = |v: &Value| {
        v["data"]["attributes"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&v), keys(&cap));
    assert_eq!(
        v["data"]["links"]["related"],
        json!(format!("http://127.0.0.1:8989/v1/sql/{id}/queries/"))
    );

    // SQL errors answer 201, the error an element of the results
    let r = query(&server, &id, &token, "SELEC 1");
    assert_capture_except(&r, "sql/sql-query-syntax-error", &["Content-Length"], false);
    assert_eq!(results(&r)[0]["errno"], 1064);
    let r = query(&server, &id, &token, "SELECT * FROM test.no_such_table");
    let cap: Value =
        serde_json::from_str(&body_with_id("sql/sql-query-no-such-table", &id)).unwrap();
    assert_eq!(
        results(&r),
        cap["data"]["attributes"]["results"]
            .as_array()
            .unwrap()
            .clone()
    );

    // token errors
    for (target, name) in [
        (format!("/v1/sql/{id}/queries"), "sql/sql-query-no-token"),
        (
            format!("/v1/sql/{id}/queries?token=abc.def.ghi"),
            "sql/sql-query-malformed-token",
        ),
    ] {
        let r = send(&server, "POST", &target, Some(r#"{"sql":"SELECT 1"}"#));
        assert_capture_except(&r, name, &[], true);
    }
    let (other, other_token) = connect(&server);
    let r = send(
        &server,
        "POST",
        &format!("/v1/sql/{id}/queries?token={other_token}"),
        Some(r#"{"sql":"SELECT 1"}"#),
    );
    assert_eq!(r.status, 400);
    assert_eq!(
        r.json()["errors"][0]["detail"],
        json!(format!(
            "URL is for connection {id}, token is for connection {other}"
        ))
    );
    let bad_body = send(
        &server,
        "POST",
        &format!("/v1/sql/{id}/queries?token={token}"),
        Some(r#"{"max_rows":-1,"sql":"SELECT 1"}"#),
    );
    assert_capture_except(&bad_body, "sql/sql-query-max-rows-negative", &[], true);
    let no_sql = send(
        &server,
        "POST",
        &format!("/v1/sql/{id}/queries?token={token}"),
        Some(r#"{"x":1}"#),
    );
    assert_capture_except(&no_sql, "sql/sql-query-no-sql", &[], true);

    // close: 204 with the cookie expired; again: 404
    let r = send(&server, "DELETE", &format!("/v1/sql/{other}"), None);
    assert_capture_except(&r, "sql/sql-disconnect-no-token", &[], true);
    let r = send(
        &server,
        "DELETE",
        &format!("/v1/sql/{other}?token={other_token}"),
        None,
    );
    assert_capture_except(&r, "sql/sql-disconnect-clone", &["Set-Cookie"], true);
    assert_eq!(
        r.header("Set-Cookie").unwrap(),
        format!(
            "conn_id_sig_{other}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Strict; HttpOnly"
        )
    );
    let r = send(
        &server,
        "DELETE",
        &format!("/v1/sql/{other}?token={other_token}"),
        None,
    );
    assert_capture_except(&r, "sql/sql-disconnect-again", &["Content-Length"], false);
    assert_eq!(
        r.json()["errors"][0]["detail"],
        json!(format!("{other} is not a connection_id"))
    );
    let unknown = super::get(&server, "/v1/sql/00000000-0000-0000-0000-000000000000");
    assert_capture_except(
        &unknown,
        "sql/sql-get-one-unknown",
        &["Last-Modified"],
        true,
    );

    let records = server.sql_connections();
    assert_eq!(records.len(), 2);
    assert!(!records[0].closed && records[1].closed);
    assert_eq!(
        records[0].statements,
        ["SELEC 1", "SELECT * FROM test.no_such_table"]
    );
}

#[test]
fn the_backend_tables_are_the_captured_ones() {
    let server = start(MockConfig {
        backend: Some(lock_backend()),
        ..MockConfig::default()
    });
    let (id, token) = connect(&server);
    for (name, sql) in [
        (
            "lock-innodb-lock-waits",
            "SELECT * FROM information_schema.INNODB_LOCK_WAITS",
        ),
        (
            "lock-innodb-locks",
            "SELECT * FROM information_schema.INNODB_LOCKS",
        ),
    ] {
        let r = query(&server, &id, &token, sql);
        let cap: Value = serde_json::from_slice(&capture(&format!("sql/{name}")).body).unwrap();
        assert_eq!(
            results(&r)[0],
            cap["data"]["attributes"]["results"][0],
            "{name}"
        );
    }
    let r = query(
        &server,
        &id,
        &token,
        "SELECT * FROM information_schema.INNODB_TRX",
    );
    let cap: Value = serde_json::from_slice(&capture("sql/lock-innodb-trx").body).unwrap();
    let (got, want) = (&results(&r)[0], &cap["data"]["attributes"]["results"][0]);
    assert_eq!(got["fields"], want["fields"]);
    assert_eq!(got["metadata"], want["metadata"]);
    let cols = |row: &Value, at: &[usize]| at.iter().map(|i| row[*i].clone()).collect::<Vec<_>>();
    // trx_id, trx_state, requested lock, thread, query
    let at = [0, 1, 3, 6, 7];
    assert_eq!(cols(&got["data"][0], &at), cols(&want["data"][1], &at));
    assert_eq!(cols(&got["data"][1], &at), cols(&want["data"][0], &at));

    // the metadata-lock capture's PROCESSLIST query, row for row but for the waits' states
    let r = query(
        &server,
        &id,
        &token,
        "SELECT ID,USER,HOST,DB,COMMAND,TIME,STATE,INFO FROM information_schema.PROCESSLIST WHERE ID IN (195,197,205) OR STATE LIKE 'Waiting for%' ORDER BY ID",
    );
    let cap: Value = serde_json::from_slice(&capture("sql/mdl-processlist").body).unwrap();
    let (got, want) = (&results(&r)[0], &cap["data"]["attributes"]["results"][0]);
    assert_eq!(got["fields"], want["fields"]);
    assert_eq!(got["metadata"], want["metadata"]);
    assert_eq!(got["data"][0], want["data"][0]);
    assert_eq!(got["data"][1][6], json!("Updating"));
    let r = query(
        &server,
        &id,
        &token,
        "SELECT * FROM information_schema.METADATA_LOCK_INFO",
    );
    assert_eq!(
        results(&r)[0]["data"],
        json!([[
            195,
            "MDL_SHARED_READ",
            null,
            8496,
            "Table metadata lock",
            "def",
            "test",
            "locktest"
        ]])
    );
    // several statements, one result each; an error stops the rest
    let r = query(
        &server,
        &id,
        &token,
        "SELECT NOW() AS now, @@version AS version; SELEC 2; SELECT 3",
    );
    let res = results(&r);
    assert_eq!(res.len(), 2);
    assert_eq!(res[0]["fields"], json!(["now", "version"]));
    assert_eq!(res[0]["data"][0][1], json!(crate::BACKEND_VERSION));
}

#[test]
fn refusing_and_missing_tables_and_sessions_as_threads() {
    let backend = Backend::from_json(
        &json!({"servers": {"server1": {"refuse": true, "metadata_lock_info": false}}}),
    )
    .unwrap();
    let server = start(MockConfig {
        backend: Some(backend),
        ..MockConfig::default()
    });
    let (id, token) = connect(&server);
    let r = query(
        &server,
        &id,
        &token,
        "SELECT * FROM information_schema.INNODB_TRX",
    );
    assert_eq!(results(&r)[0]["errno"], 1227);
    let r = query(
        &server,
        &id,
        &token,
        "SELECT * FROM information_schema.METADATA_LOCK_INFO",
    );
    assert_eq!(
        results(&r)[0],
        json!({"errno": 1109, "message": "Unknown table 'METADATA_LOCK_INFO' in information_schema", "sqlstate": "42S02"})
    );
    // without PROCESS only the account's own threads show: the sessions' are maxuser's here
    let server = start(MockConfig::default());
    let (id, token) = connect(&server);
    let r = query(
        &server,
        &id,
        &token,
        "SELECT ID, USER FROM information_schema.PROCESSLIST ORDER BY ID",
    );
    let ids: Vec<Value> = results(&r)[0]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(ids, [json!(10), json!(11), json!(12), json!(176)]);
}

#[test]
fn a_busy_connection_is_closed_after_a_cancel() {
    let backend = Backend {
        stall: true,
        ..Backend::default()
    };
    let server = start(MockConfig {
        backend: Some(backend),
        ..MockConfig::default()
    });
    let (id, token) = connect(&server);
    let stalled = std::thread::scope(|s| {
        let q = s.spawn(|| query(&server, &id, &token, "SELECT 1"));
        while server.sql_connections()[0].statements.is_empty() {
            std::thread::yield_now();
        }
        let r = query(&server, &id, &token, "SELECT 2");
        assert_eq!(r.status, 503);
        assert_eq!(
            r.json()["errors"][0]["detail"],
            json!(format!("ID {id} is busy."))
        );
        let r = send(
            &server,
            "DELETE",
            &format!("/v1/sql/{id}?token={token}"),
            None,
        );
        assert_eq!(r.status, 404);
        assert_eq!(
            r.json()["errors"][0]["detail"],
            json!(format!("Connection {id} not found or is busy."))
        );
        let r = send(
            &server,
            "POST",
            &format!("/v1/sql/{id}/cancel?token={token}"),
            None,
        );
        assert_eq!(r.status, 200);
        q.join().unwrap()
    });
    let cap: Value =
        serde_json::from_slice(&capture("sql/sql-query-result-after-cancel").body).unwrap();
    assert_eq!(
        results(&stalled),
        cap["data"]["attributes"]["results"]
            .as_array()
            .unwrap()
            .clone()
    );
    let r = send(
        &server,
        "DELETE",
        &format!("/v1/sql/{id}?token={token}"),
        None,
    );
    assert_eq!(r.status, 204);
    assert!(server.sql_connections()[0].closed);
}

#[test]
fn a_read_only_account_may_use_the_sql_api() {
    let server = start(MockConfig::default());
    let r = as_user(
        &server,
        Some(("ro", "ropw")),
        "POST",
        "/v1/sql",
        Some(CONNECT),
    );
    assert_eq!(r.status, 201);
    let r = as_user(
        &server,
        Some(("ro", "ropw")),
        "DELETE",
        "/v1/sessions/1",
        None,
    );
    assert_eq!(r.status, 401);
}
