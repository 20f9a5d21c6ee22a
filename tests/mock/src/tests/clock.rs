//! The mock's clock: sessions age, go busy and idle, and stay put while the clock is frozen.

use super::{FROZEN_AT, get, start};
use crate::clock::parse_http_date;
use crate::{MockConfig, MockServer, Version};
use serde_json::Value;
use std::time::Duration;

fn session(s: &MockServer, id: &str) -> Value {
    get(s, &format!("/v1/sessions/{id}")).json()["data"].clone()
}

fn list(s: &MockServer) -> Vec<Value> {
    get(s, "/v1/sessions").json()["data"]
        .as_array()
        .unwrap()
        .clone()
}

/// Is the session running a statement (its last one has not completed)?
fn busy(row: &Value) -> bool {
    let a = &row["attributes"];
    let last = a["queries"].as_array().and_then(|q| q.last()).cloned();
    last.is_some_and(|q| q.get("completed").is_none())
}

fn idle(row: &Value) -> f64 {
    row["attributes"]["idle"].as_f64().unwrap()
}

fn by_id(rows: &[Value], id: &str) -> Value {
    rows.iter().find(|r| r["id"] == id).unwrap().clone()
}

#[test]
fn idle_grows_between_two_lists_as_the_clock_advances() {
    let s = start(MockConfig::default());
    let before = list(&s);
    s.advance_clock(Duration::from_secs(1));
    let after = list(&s);
    assert_eq!(before.len(), after.len());
    let mut grew = 0;
    for b in &before {
        let id = b["id"].as_str().unwrap();
        let a = by_id(&after, id);
        let alive = |r: &Value| r["attributes"]["seconds_alive"].as_f64().unwrap();
        assert!((alive(&a) - alive(b) - 1.0).abs() < 1e-6, "{id}");
        assert_eq!(a["attributes"]["connected"], b["attributes"]["connected"]);
        // A session that ran nothing meanwhile has been idle a second longer.
        if !busy(b) && a["attributes"]["queries"] == b["attributes"]["queries"] {
            assert!((idle(&a) - idle(b) - 1.0).abs() < 1e-9, "{id}");
            grew += 1;
        }
    }
    assert!(grew > 0);
}

#[test]
fn a_busy_session_goes_idle_and_back() {
    // Session 1 of the captures is running SELECT SLEEP(86400).
    let s = start(MockConfig::default());
    let first = session(&s, "1");
    assert!(busy(&first) && idle(&first) == 0.0);
    let mut states = vec![(true, first)];
    for _ in 0..1200 {
        s.advance_clock(Duration::from_millis(100));
        let row = session(&s, "1");
        let b = busy(&row);
        if b != states.last().unwrap().0 {
            states.push((b, row));
        }
    }
    assert!(
        states.len() >= 4,
        "busy, idle, busy, idle: {}",
        states.len()
    );
    // It went idle: the statement completed, with a response.
    let done = &states[1].1;
    let sleep = done["attributes"]["queries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["statement"] == "SELECT SLEEP(86400)")
        .unwrap()
        .clone();
    assert!(sleep["completed"].as_str().unwrap() > sleep["received"].as_str().unwrap());
    assert_eq!(sleep["responses"][0]["server"], "server1");
    assert!(sleep["responses"][0]["duration"].as_i64().unwrap() > 0);
    // Then a new statement ran: idle 0 while it runs, and it completes too.
    let again = &states[2].1;
    assert_eq!(idle(again), 0.0);
    let queries = again["attributes"]["queries"].as_array().unwrap();
    assert!(queries.len() <= 5, "retain_last_statements");
    assert_eq!(queries.last().unwrap()["responses"], serde_json::json!([]));
    let later = &states[3].1;
    let last = later["attributes"]["queries"]
        .as_array()
        .unwrap()
        .last()
        .unwrap();
    assert!(last.get("completed").is_some());
    assert!(later["attributes"]["io_activity"].as_i64().unwrap() > 0);
}

#[test]
fn frozen_with_server_time_gives_identical_documents() {
    let config = || MockConfig {
        sessions: Some(40),
        seed: 3,
        server_time: Some(FROZEN_AT),
        ..MockConfig::default()
    };
    let (a, b) = (start(config()), start(config()));
    for path in [
        "/v1/sessions",
        "/v1/sessions/7",
        "/v1/sessions?pretty=false",
    ] {
        let first = get(&a, path).body;
        assert_eq!(get(&a, path).body, first, "{path}");
        assert_eq!(get(&b, path).body, first, "{path}");
    }
    // The same (seed, elapsed time) gives the same document, whatever the steps.
    a.advance_clock(Duration::from_secs(30));
    b.advance_clock(Duration::from_secs(12));
    b.advance_clock(Duration::from_millis(18_000));
    assert_eq!(get(&a, "/v1/sessions").body, get(&b, "/v1/sessions").body);
    assert_ne!(
        get(&a, "/v1/sessions").body,
        get(&start(config()), "/v1/sessions").body
    );
    // The Date header follows the same clock.
    let date = get(&a, "/v1/sessions").header("Date").unwrap().to_string();
    assert_eq!(date, crate::util::http_date(FROZEN_AT + 30, true));
}

#[test]
fn a_running_clock_puts_the_sessions_at_the_start() {
    let s = MockServer::start(MockConfig {
        sessions: Some(20),
        ..MockConfig::default()
    })
    .unwrap();
    let now = crate::util::now_secs();
    for row in list(&s) {
        let a = &row["attributes"];
        let connected = parse_http_date(a["connected"].as_str().unwrap()).unwrap();
        let alive = a["seconds_alive"].as_f64().unwrap();
        // Connected `seconds_alive` ago (give or take the test's own run time).
        assert!(
            ((connected as f64 + alive) - now as f64).abs() < 30.0,
            "{row}"
        );
        for q in a["queries"].as_array().unwrap() {
            let received = crate::clock::parse_millis(q["received"].as_str().unwrap()).unwrap();
            assert!(received / 1000 >= connected && received / 1000 <= now + 30);
        }
    }
}

#[test]
fn churned_sessions_connect_at_the_mock_clock() {
    let s = start(MockConfig {
        sessions: Some(5),
        churn: true,
        ..MockConfig::default()
    });
    list(&s);
    s.advance_clock(Duration::from_secs(10));
    let rows = list(&s);
    let new = by_id(&rows, "6");
    assert_eq!(new["attributes"]["seconds_alive"].as_f64(), Some(0.0));
    s.advance_clock(Duration::from_secs(5));
    let later = session(&s, "6");
    assert_eq!(later["attributes"]["seconds_alive"].as_f64(), Some(5.0));
    let connected = parse_http_date(later["attributes"]["connected"].as_str().unwrap()).unwrap();
    assert_eq!(connected, crate::generate::NOW + 10);
}

#[test]
fn a_restart_counts_ids_from_one_again_with_a_new_start_time() {
    for version in [Version::Real24_02_4, Version::Real24_08_1, Version::V2_2] {
        let server = start(MockConfig {
            version,
            ..MockConfig::default()
        });
        let before = get(&server, "/v1/maxscale").json();
        let started = before["data"]["attributes"]["started_at"].clone();
        assert!(started.is_string(), "{version:?}: {before}");
        let list = get(&server, "/v1/sessions").json();
        let first = &list["data"][0];
        let id = first["id"].as_str().unwrap().to_string();
        let connected = first["attributes"]["connected"].clone();
        // a kill is forgotten: the id comes back with another connection
        server.restart();
        let after = get(&server, "/v1/maxscale").json();
        let attributes = &after["data"]["attributes"];
        assert_ne!(attributes["started_at"], started, "{version:?}");
        assert_eq!(attributes["uptime"], 0, "{version:?}");
        let again = get(&server, &format!("/v1/sessions/{id}")).json();
        assert_ne!(
            again["data"]["attributes"]["connected"], connected,
            "{version:?}"
        );
        assert_eq!(
            server.session_ids().len(),
            list["data"].as_array().unwrap().len()
        );
    }
}

#[test]
fn a_replaced_session_keeps_its_id_and_changes_its_connection() {
    let server = start(MockConfig::default());
    let before = get(&server, "/v1/sessions/2").json();
    server.replace_session("2");
    let after = get(&server, "/v1/sessions/2").json();
    assert_eq!(after["data"]["id"], "2");
    assert_ne!(
        after["data"]["attributes"]["connected"],
        before["data"]["attributes"]["connected"]
    );
    let listed = get(&server, "/v1/sessions").json();
    let row = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "2")
        .unwrap()
        .clone();
    assert_eq!(
        row["attributes"]["connected"],
        after["data"]["attributes"]["connected"]
    );
}
