//! End-to-end tests of the session write endpoints: the real 24.02.4 write captures, ttl, versions,
//! the read-only account and tokens, 204 mode, restart failures, keep-alive and the write record.

use super::{Resp, assert_capture, capture, frozen, get, parse_http, start};
use crate::util::{base64_encode, http_date, now_secs};
use crate::{MockConfig, MockServer, RestartError, RestartFailure, Version};
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

const ADMIN: Option<(&str, &str)> = Some(("admin", "mariadb"));
const RO: Option<(&str, &str)> = Some(("ro", "ropw"));
const LOG_INFO: &str = r#"{"data":{"attributes":{"parameters":{"log_info":true}}}}"#;

/// Read one response by its Content-Length (to the end without one); 100 Continue is skipped.
fn read_response(s: &mut TcpStream) -> Resp {
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        let n = s.read(&mut byte).unwrap();
        assert_eq!(
            n,
            1,
            "closed inside the head: {:?}",
            String::from_utf8_lossy(&raw)
        );
        raw.push(byte[0]);
    }
    let mut resp = parse_http(&raw);
    if resp.status == 100 {
        return read_response(s);
    }
    match resp.header("Content-Length") {
        Some(n) => {
            let mut body = vec![0u8; n.parse().unwrap()];
            s.read_exact(&mut body).unwrap();
            resp.body = body;
        }
        None if resp.status == 204 => {}
        None => {
            s.read_to_end(&mut resp.body).unwrap();
        }
    }
    resp
}

/// Is the connection closed by the server (EOF, or a reset)?
fn closed(s: &mut TcpStream) -> bool {
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut b = [0u8; 1];
    matches!(s.read(&mut b), Ok(0) | Err(_))
}

/// A request as curl sends it: `Host: 127.0.0.1:8989`, Basic credentials, and with a body
/// `Content-Type: application/json` and `Content-Length`.
fn request(
    method: &str,
    target: &str,
    creds: Option<(&str, &str)>,
    body: Option<&str>,
    extra: &str,
) -> String {
    let mut r = format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:8989\r\n");
    if let Some((u, p)) = creds {
        let b64 = base64_encode(format!("{u}:{p}").as_bytes());
        r.push_str(&format!("Authorization: Basic {b64}\r\n"));
    }
    r.push_str(extra);
    if let Some(b) = body {
        r.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{b}",
            b.len()
        ));
    } else {
        r.push_str("\r\n");
    }
    r
}

fn connect(server: &MockServer) -> TcpStream {
    let s = TcpStream::connect(server.addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s
}

/// One request on a new connection.
pub(super) fn send_with(
    server: &MockServer,
    method: &str,
    target: &str,
    creds: Option<(&str, &str)>,
    body: Option<&str>,
    extra: &str,
) -> Resp {
    let mut s = connect(server);
    s.write_all(request(method, target, creds, body, extra).as_bytes())
        .unwrap();
    read_response(&mut s)
}

pub(super) fn send(server: &MockServer, method: &str, target: &str, body: Option<&str>) -> Resp {
    send_with(server, method, target, ADMIN, body, "")
}

pub(super) fn as_user(
    server: &MockServer,
    creds: Option<(&str, &str)>,
    method: &str,
    target: &str,
    body: Option<&str>,
) -> Resp {
    send_with(server, method, target, creds, body, "")
}

fn status(r: &Resp) -> (u16, usize) {
    (r.status, r.body.len())
}

pub(super) fn names(r: &Resp) -> Vec<String> {
    r.headers.iter().map(|(k, _)| k.clone()).collect()
}

/// Status, header names and values equal the capture except those in `except` (and Date,
/// compared by shape); the body too when `body`.
pub(super) fn assert_capture_except(resp: &Resp, name: &str, except: &[&str], body: bool) {
    let cap = capture(name);
    assert_eq!(resp.status, cap.status, "{name}: status");
    assert_eq!(names(resp), names(&cap), "{name}: header names");
    for ((k, v), (_, cv)) in resp.headers.iter().zip(&cap.headers) {
        if k == "Date" {
            assert_eq!(v.len(), cv.len(), "{name}: Date shape");
        } else if !except.contains(&k.as_str()) {
            assert_eq!(v, cv, "{name}: header {k}");
        }
    }
    if body {
        assert_eq!(
            String::from_utf8_lossy(&resp.body),
            String::from_utf8_lossy(&cap.body),
            "{name}: body"
        );
    }
}

/// A 404 after a kill: as captured, with `Last-Modified` the time of the write.
fn assert_gone(resp: &Resp, name: &str, written: i64) {
    assert_capture_except(resp, name, &["Last-Modified"], true);
    let lm = resp.header("Last-Modified").unwrap();
    assert!(
        (written..=now_secs()).any(|t| http_date(t, false) == lm),
        "{name}: Last-Modified {lm} is not the time of the write"
    );
}

/// The pretty text of a key's value block (`"key": {...},`) inside a capture body.
fn block<'a>(text: &'a str, key: &str, next: &str) -> &'a str {
    let start = text.find(&format!("\"{key}\": {{")).expect(key);
    let end = start + text[start..].find(&format!("\"{next}\"")).expect(next);
    &text[start..end]
}

fn w(name: &str) -> String {
    format!("writes/{name}")
}

#[test]
fn kills_on_the_real_captures_are_as_captured() {
    let s = start(MockConfig::default());
    let t = now_secs();
    assert_capture(
        &send(&s, "DELETE", "/v1/sessions/1", None),
        &w("session-delete-1"),
    );
    assert_gone(
        &get(&s, "/v1/sessions/1"),
        &w("session-get-1-after-delete"),
        t,
    );
    assert_capture(
        &send(&s, "DELETE", "/v1/sessions/2", None),
        &w("session-delete-2-busy"),
    );
    assert_gone(
        &get(&s, "/v1/sessions/2"),
        &w("session-get-2-after-delete"),
        t,
    );
    assert_capture(
        &send(&s, "DELETE", "/v1/sessions/3?ttl=5", None),
        &w("session-delete-3-ttl5"),
    );
    let alive = get(&s, "/v1/sessions/3");
    assert_capture_except(
        &alive,
        &w("session-get-3-after-ttl5-immediate"),
        &["ETag", "Last-Modified", "Content-Length"],
        false,
    );
    // The body is the read capture's, untouched; only Last-Modified moved to the write.
    assert_eq!(alive.body, capture("session-get-3").body);
    assert_ne!(
        alive.header("Last-Modified"),
        capture("session-get-3").header("Last-Modified")
    );
    let list = get(&s, "/v1/sessions");
    assert_eq!(list.json()["data"].as_array().unwrap().len(), 1);
    assert_eq!(list.json()["data"][0]["id"], "3");
    assert_eq!(list.header("Last-Modified"), alive.header("Last-Modified"));
    s.advance_clock(Duration::from_secs(5));
    assert_eq!(get(&s, "/v1/sessions/3").status, 200, "ttl=5: alive at 5 s");
    s.advance_clock(Duration::from_secs(2));
    assert_gone(
        &get(&s, "/v1/sessions/3"),
        &w("session-get-3-after-ttl5-7s"),
        t,
    );
    assert_eq!(get(&s, "/v1/sessions").json()["data"], json!([]));
    assert!(s.session_ids().is_empty());
}

#[test]
fn writes_on_generated_sessions_are_as_captured() {
    let s = start(MockConfig {
        sessions: Some(12),
        ..MockConfig::default()
    });
    let t = now_secs();
    // ttl=1.5 is 1: alive at first, gone 4 s later.
    assert_capture(
        &send(&s, "DELETE", "/v1/sessions/4?ttl=1.5", None),
        &w("session-delete-4-ttl1.5"),
    );
    assert_capture_except(
        &get(&s, "/v1/sessions/4"),
        &w("session-get-4-after-ttl1.5-immediate"),
        &["ETag", "Last-Modified", "Content-Length"],
        false,
    );
    s.advance_clock(Duration::from_secs(4));
    assert_gone(
        &get(&s, "/v1/sessions/4"),
        &w("session-get-4-after-ttl1.5-4s"),
        t,
    );
    for (target, del, after) in [
        (
            "5?ttl=abc",
            "session-delete-5-ttlabc",
            "session-get-5-after-ttlabc",
        ),
        (
            "6?ttl=-3",
            "session-delete-6-ttlminus3",
            "session-get-6-after-ttlminus3",
        ),
        (
            "12?ttl=0",
            "session-delete-12-ttl0",
            "session-get-12-after-ttl0",
        ),
    ] {
        assert_capture(
            &send(&s, "DELETE", &format!("/v1/sessions/{target}"), None),
            &w(del),
        );
        let id = target.split('?').next().unwrap();
        assert_gone(&get(&s, &format!("/v1/sessions/{id}")), &w(after), t);
    }
    for (target, name) in [
        ("999999", "session-delete-999999-notfound"),
        ("abc", "session-delete-abc-invalid"),
        ("0", "session-delete-0-invalid"),
    ] {
        assert_capture(
            &send(&s, "DELETE", &format!("/v1/sessions/{target}"), None),
            &w(name),
        );
    }

    // Restart.
    assert_capture(
        &send(&s, "POST", "/v1/sessions/7/restart", None),
        &w("session-restart-7"),
    );
    assert_capture_except(
        &get(&s, "/v1/sessions/7"),
        &w("session-get-7-after-restart"),
        &["ETag", "Last-Modified", "Content-Length"],
        false,
    );
    assert_capture(
        &send(&s, "POST", "/v1/sessions/restart", None),
        &w("sessions-restart-all"),
    );
    assert_capture(
        &send(&s, "POST", "/v1/sessions/999999/restart", None),
        &w("session-restart-999999-notfound"),
    );
    assert_capture(
        &send(&s, "POST", "/v1/sessions/abc/restart", None),
        &w("session-restart-abc-invalid"),
    );

    // PATCH session 8, in the captured order.
    let before = get(&s, "/v1/sessions/8").json();
    assert_capture(
        &send(&s, "PATCH", "/v1/sessions/8", Some(LOG_INFO)),
        &w("session-patch-8-log-info"),
    );
    let after = get(&s, "/v1/sessions/8");
    let cap = capture(&w("session-get-8-after-patch-log-info"));
    assert_capture_except(
        &after,
        &w("session-get-8-after-patch-log-info"),
        &["ETag", "Last-Modified", "Content-Length"],
        false,
    );
    assert_eq!(
        after.json()["data"]["attributes"]["parameters"],
        cap.json()["data"]["attributes"]["parameters"]
    );
    let text = String::from_utf8(after.body.clone()).unwrap();
    let cap_text = String::from_utf8(cap.body.clone()).unwrap();
    assert!(text.contains(block(&cap_text, "parameters", "port")));
    assert_capture(
        &send(&s, "PATCH", "/v1/sessions/8", None),
        &w("session-patch-8-empty-body"),
    );
    assert_capture(
        &send(&s, "PATCH", "/v1/sessions/8", Some("")),
        &w("session-patch-8-zero-length-body"),
    );
    assert_capture(
        &send(&s, "PATCH", "/v1/sessions/8", Some(r#"{"data":"#)),
        &w("session-patch-8-invalid-json"),
    );
    let filter = |id: &str| {
        format!(
            r#"{{"data":{{"relationships":{{"filters":{{"data":[{{"id":{id},"type":"filters"}}]}}}}}}}}"#
        )
    };
    assert_capture(
        &send(
            &s,
            "PATCH",
            "/v1/sessions/8",
            Some(&filter("\"NoSuchFilter\"")),
        ),
        &w("session-patch-8-unknown-filter"),
    );
    assert_capture(
        &send(&s, "PATCH", "/v1/sessions/8", Some(&filter("\"Regex\""))),
        &w("session-patch-8-regex-filter"),
    );
    let after = get(&s, "/v1/sessions/8");
    let cap = capture(&w("session-get-8-after-patch-regex-filter"));
    assert_capture_except(
        &after,
        &w("session-get-8-after-patch-regex-filter"),
        &["ETag", "Last-Modified", "Content-Length"],
        false,
    );
    let (doc, cap_doc) = (after.json(), cap.json());
    assert_eq!(
        doc["data"]["relationships"]["filters"],
        cap_doc["data"]["relationships"]["filters"]
    );
    assert_eq!(doc["data"]["attributes"]["parameters"]["log_info"], true);
    let text = String::from_utf8(after.body.clone()).unwrap();
    let cap_text = String::from_utf8(cap.body.clone()).unwrap();
    assert!(
        text.contains(block(&cap_text, "filters", "services")),
        "{text}"
    );
    // Apart from the PATCHed parts, the session is what it was.
    let mut same = doc.clone();
    same["data"]["attributes"]["parameters"] = before["data"]["attributes"]["parameters"].clone();
    same["data"]["relationships"]
        .as_object_mut()
        .unwrap()
        .remove("filters");
    assert_eq!(same, before);
    assert_capture(
        &send(&s, "PATCH", "/v1/sessions/8", Some(&filter("1"))),
        &w("session-patch-8-filter-id-not-string"),
    );
    assert_capture(
        &send(&s, "PATCH", "/v1/sessions/8", Some("{}")),
        &w("session-patch-8-empty-object"),
    );
    assert_capture(
        &send(&s, "PATCH", "/v1/sessions/999999", Some(LOG_INFO)),
        &w("session-patch-999999-notfound"),
    );
    assert_capture(
        &send(&s, "PATCH", "/v1/sessions/abc", Some(LOG_INFO)),
        &w("session-patch-abc-invalid"),
    );
    assert_eq!(
        get(&s, "/v1/sessions/8").json()["data"]["relationships"]["filters"],
        cap_doc["data"]["relationships"]["filters"],
        "the failed PATCHes changed nothing"
    );

    // PATCH .../relationships/filters on session 10.
    let rel = |id: &str| format!(r#"{{"data":[{{"id":"{id}","type":"filters"}}]}}"#);
    assert_capture(
        &send(
            &s,
            "PATCH",
            "/v1/sessions/10/relationships/filters",
            Some(&rel("Regex")),
        ),
        &w("session-patch-10-relationships-filters-regex"),
    );
    assert_capture(
        &send(
            &s,
            "PATCH",
            "/v1/sessions/10/relationships/filters",
            Some(&rel("NoSuchFilter")),
        ),
        &w("session-patch-10-relationships-filters-unknown"),
    );
    let after = get(&s, "/v1/sessions/10");
    let cap = capture(&w("session-get-10-after-relationships-filters"));
    assert_capture_except(
        &after,
        &w("session-get-10-after-relationships-filters"),
        &["ETag", "Last-Modified", "Content-Length"],
        false,
    );
    assert_eq!(
        after.json()["data"]["relationships"]["filters"],
        cap.json()["data"]["relationships"]["filters"]
    );

    // The read-only account.
    let ro_list = as_user(&s, RO, "GET", "/v1/sessions", None);
    assert_capture_except(
        &ro_list,
        &w("ro-sessions-list"),
        &["ETag", "Last-Modified", "Content-Length"],
        false,
    );
    let before_ro = get(&s, "/v1/sessions/9").body;
    for (method, target, body, name) in [
        ("DELETE", "/v1/sessions/9", None, "ro-session-delete-9"),
        (
            "PATCH",
            "/v1/sessions/9",
            Some(LOG_INFO),
            "ro-session-patch-9",
        ),
        (
            "POST",
            "/v1/sessions/9/restart",
            None,
            "ro-session-restart-9",
        ),
        (
            "POST",
            "/v1/sessions/restart",
            None,
            "ro-sessions-restart-all",
        ),
    ] {
        assert_capture(&as_user(&s, RO, method, target, body), &w(name));
    }
    let nine = get(&s, "/v1/sessions/9");
    assert_capture_except(
        &nine,
        &w("session-get-9-after-ro-writes"),
        &["ETag", "Last-Modified", "Content-Length"],
        false,
    );
    assert_eq!(nine.body, before_ro, "the refused writes changed nothing");

    // A read-only token gets 403; wrong or missing credentials 401.
    let token = get(&s, "/v1/auth?pretty=false");
    let ro_token = as_user(&s, RO, "GET", "/v1/auth", None).json()["meta"]["token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(token.status, 200);
    let bearer = format!("Authorization: Bearer {ro_token}\r\n");
    assert_capture(
        &send_with(&s, "DELETE", "/v1/sessions/9", None, None, &bearer),
        &w("ro-token-session-delete-9"),
    );
    assert_capture(
        &as_user(
            &s,
            Some(("admin", "wrongpassword")),
            "DELETE",
            "/v1/sessions/9",
            None,
        ),
        &w("session-delete-9-wrong-password"),
    );
    assert_capture(
        &as_user(&s, None, "DELETE", "/v1/sessions/9", None),
        &w("session-delete-9-no-credentials"),
    );
    let nine = get(&s, "/v1/sessions/9");
    assert_capture_except(
        &nine,
        &w("session-get-9-after-denied-deletes"),
        &["ETag", "Last-Modified", "Content-Length"],
        false,
    );
    assert_eq!(nine.body, before_ro);
    // Refused writes leave Last-Modified alone; the list's is the last successful write's.
    assert_eq!(
        get(&s, "/v1/sessions").header("Last-Modified"),
        ro_list.header("Last-Modified")
    );
}

#[test]
fn ttl_is_read_like_atoi_and_kills_after_ttl() {
    let s = start(MockConfig {
        sessions: Some(20),
        ..MockConfig::default()
    });
    // Immediate kills: no ttl, and every ttl atoi reads as <= 0.
    for (id, q) in [
        (1, ""),
        (2, "?ttl=0"),
        (3, "?ttl=abc"),
        (4, "?ttl=-3"),
        (5, "?ttl="),
        (6, "?ttl=NaN"),
        (7, "?ttl=-1.5"),
        (8, "?ttl=99999999999999999999"),
    ] {
        let r = send(&s, "DELETE", &format!("/v1/sessions/{id}{q}"), None);
        assert_eq!(status(&r), (200, 0), "{q}");
        assert_eq!(
            get(&s, &format!("/v1/sessions/{id}")).status,
            404,
            "{q}: killed at once"
        );
    }
    // Later kills: atoi reads these as 1, 1, 2 and 5 (a '+' in a query is a space).
    for (id, q) in [(9, "1.5"), (10, "%201x"), (11, "2"), (12, "+5")] {
        assert_eq!(
            send(&s, "DELETE", &format!("/v1/sessions/{id}?ttl={q}"), None).status,
            200
        );
    }
    let alive = |id: u64| get(&s, &format!("/v1/sessions/{id}")).status == 200;
    assert!(alive(9) && alive(10) && alive(11) && alive(12));
    s.advance_clock(Duration::from_millis(1500));
    assert!(alive(9) && alive(10), "ttl=1 still alive after 1.5 s");
    s.advance_clock(Duration::from_millis(500));
    assert!(
        !alive(9) && !alive(10),
        "ttl=1 gone after 2 s (more than 1 whole second)"
    );
    assert!(alive(11));
    s.advance_clock(Duration::from_secs(1));
    assert!(!alive(11) && alive(12));
    // A later DELETE replaces the ttl.
    assert_eq!(send(&s, "DELETE", "/v1/sessions/12", None).status, 200);
    assert!(!alive(12));
    assert_eq!(
        send(&s, "DELETE", "/v1/sessions/13?ttl=100", None).status,
        200
    );
    assert_eq!(
        send(&s, "DELETE", "/v1/sessions/13?ttl=1", None).status,
        200
    );
    s.advance_clock(Duration::from_secs(2));
    assert!(!alive(13));
    // The list and session_ids() agree.
    let list = get(&s, "/v1/sessions").json();
    let mut listed: Vec<u64> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().parse().unwrap())
        .collect();
    let mut ids: Vec<u64> = s.session_ids().iter().map(|i| i.parse().unwrap()).collect();
    listed.sort();
    ids.sort();
    assert_eq!(listed, (14..=20).collect::<Vec<_>>());
    assert_eq!(ids, listed);
    // Deleting a killed session is a 404.
    assert_eq!(
        status(&send(&s, "DELETE", "/v1/sessions/1", None)),
        (404, 0)
    );
}

#[test]
fn ttl_kills_follow_the_mock_s_clock() {
    // frozen: only advance_clock moves it, and the kill falls due after ttl+1 s of it
    let s = start(MockConfig::default());
    assert_eq!(send(&s, "DELETE", "/v1/sessions/2?ttl=1", None).status, 200);
    s.advance_clock(Duration::from_millis(1900));
    assert_eq!(get(&s, "/v1/sessions/2").status, 200, "alive at 1.9 s");
    s.advance_clock(Duration::from_millis(100));
    assert_eq!(get(&s, "/v1/sessions/2").status, 404, "killed at 2 s");
    assert_eq!(s.session_ids(), ["3", "1"]);
}

fn first_id(s: &MockServer) -> String {
    get(s, "/v1/sessions").json()["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn versions_gate_and_shape_the_write_routes() {
    let unknown = r#"{"data":{"relationships":{"filters":{"data":[{"id":"Nope"}]}}}}"#;
    for v in Version::ALL {
        let s = start(MockConfig {
            version: v,
            restart_failures: vec![RestartFailure::all(RestartError::IdlePoolTime)],
            ..MockConfig::default()
        });
        let id = first_id(&s);
        let one = format!("/v1/sessions/{id}");
        let kill = v >= Version::V22_08;
        let patch = v >= Version::V6_4;
        let r = send(&s, "POST", &format!("{one}/restart"), None);
        let expected = match v {
            _ if !kill => 404,
            Version::V22_08 | Version::V23_02 => 200,
            _ => 400,
        };
        assert_eq!(r.status, expected, "{v}: restart (failing)");
        if !kill {
            assert_eq!(r.body.len(), 0, "{v}");
            assert!(r.header("ETag").is_none());
        }
        let r = send(&s, "POST", "/v1/sessions/restart", None);
        assert_eq!(r.status, expected, "{v}: restart all (failing)");
        let r = send(&s, "PATCH", &one, Some(LOG_INFO));
        assert_eq!(status(&r), (if patch { 200 } else { 404 }, 0), "{v}: PATCH");
        if patch {
            let params = &get(&s, &one).json()["data"]["attributes"]["parameters"];
            assert_eq!(params["log_info"], true, "{v}");
            let r = send(&s, "PATCH", &one, None);
            let code = if v == Version::V6_4 { 403 } else { 400 };
            assert_eq!(r.status, code, "{v}: missing body");
            assert_eq!(r.json()["errors"][0]["detail"], "Missing request body");
            let r = send(&s, "PATCH", &one, Some(unknown));
            assert_eq!(r.status, code, "{v}: unknown filter");
            if v >= Version::V24_02 {
                assert_eq!(r.json()["errors"][0]["detail"], "Not a valid filter: Nope");
            } else {
                assert!(r.body.is_empty(), "{v}: the error was only logged");
            }
            let rel = r#"{"data":[{"id":"Regex","type":"filters"}]}"#;
            let r = send(
                &s,
                "PATCH",
                &format!("{one}/relationships/filters"),
                Some(rel),
            );
            assert_eq!(status(&r), (200, 0), "{v}: relationships/filters");
            let has = get(&s, &one).json()["data"]["relationships"]
                .get("filters")
                .is_some();
            assert_eq!(has, v >= Version::V24_02, "{v}: a no-op before 24.02");
        } else {
            assert_eq!(status(&send(&s, "PATCH", &one, None)), (404, 0), "{v}");
        }
        // Unknown and invalid ids.
        let abc = send(&s, "DELETE", "/v1/sessions/abc", None);
        let missing = send(&s, "PATCH", "/v1/sessions/999999", None);
        if v >= Version::V24_02 {
            assert_eq!(abc.json()["errors"][0]["detail"], "abc is not a session");
            assert_eq!(missing.status, 400, "{v}: the body is checked first");
        } else {
            assert_eq!(status(&abc), (404, 0), "{v}");
            assert_eq!(status(&missing), (404, 0), "{v}");
        }
        let r = send(&s, "DELETE", &one, None);
        assert_eq!(status(&r), (if kill { 200 } else { 404 }, 0), "{v}: DELETE");
        assert_eq!(get(&s, &one).status, if kill { 404 } else { 200 }, "{v}");
        if !kill {
            assert!(s.session_ids().contains(&id), "{v}: still there");
        }
        // Before 24.02 ids are read with atoi.
        if (Version::V22_08..Version::V24_02).contains(&v) {
            let s = start(MockConfig {
                version: v,
                ..MockConfig::default()
            });
            let id = first_id(&s);
            assert_eq!(
                send(&s, "DELETE", &format!("/v1/sessions/{id}abc"), None).status,
                200
            );
            assert!(s.session_ids().is_empty(), "{v}");
        }
    }
}

#[test]
fn readonly_account_and_tokens() {
    let s = start(MockConfig::default());
    assert_eq!(as_user(&s, RO, "GET", "/v1/sessions/1", None).status, 200);
    let r = as_user(&s, RO, "DELETE", "/v1/sessions/1", None);
    assert_eq!(r.status, 401);
    assert!(r.header("WWW-Authenticate").is_some());
    assert_eq!(s.session_ids().len(), 3);
    // Tokens: admin tokens write, read-only ones read; bad ones get a 401 without a challenge.
    let admin_token = s.token("admin").unwrap();
    let ro_token = s.token("ro").unwrap();
    assert!(s.token("nobody").is_none());
    let bearer = |t: &str| format!("Authorization: Bearer {t}\r\n");
    let r = send_with(&s, "GET", "/v1/sessions", None, None, &bearer(&ro_token));
    assert_eq!(r.status, 200);
    let r = send_with(
        &s,
        "POST",
        "/v1/sessions/1/restart",
        None,
        None,
        &bearer(&ro_token),
    );
    assert_eq!(r.status, 403);
    assert_eq!(
        r.body,
        br#"{"errors": [ { "detail": "Administrative access required" } ] }"#
    );
    let r = send_with(
        &s,
        "DELETE",
        "/v1/sessions/1",
        None,
        None,
        &bearer(&admin_token),
    );
    assert_eq!(r.status, 200);
    for bad in ["nonsense", &admin_token[..admin_token.len() - 1]] {
        let r = send_with(&s, "GET", "/v1/sessions", None, None, &bearer(bad));
        assert_eq!(r.status, 401);
        assert!(r.header("WWW-Authenticate").is_none());
    }
    // The token_sig cookie works too.
    let cookie = format!("Cookie: a=b; token_sig={ro_token}\r\n");
    assert_eq!(
        send_with(&s, "GET", "/v1/sessions", None, None, &cookie).status,
        200
    );
    assert_eq!(
        send_with(&s, "DELETE", "/v1/sessions/2", None, None, &cookie).status,
        403
    );
    // GET /v1/auth: Basic only, a 401 without challenge on failure; persist sets the cookie.
    let r = as_user(&s, Some(("ro", "bad")), "GET", "/v1/auth", None);
    assert_eq!(r.status, 401);
    assert!(r.header("WWW-Authenticate").is_none());
    let r = send(&s, "GET", "/v1/auth?persist=yes&max-age=60", None);
    assert_eq!(r.status, 204);
    assert!(r.header("Content-Length").is_none());
    let set = r.header("Set-Cookie").unwrap();
    assert!(
        set.starts_with("token_sig=")
            && set.ends_with("; Path=/; Max-Age=60; SameSite=Strict; HttpOnly")
    );
    let token = &set["token_sig=".len()..set.find(';').unwrap()];
    let r = send_with(&s, "GET", "/v1/sessions", None, None, &bearer(token));
    assert_eq!(r.status, 200);
    // Another read-only account, or none.
    let s = start(MockConfig {
        readonly: Some(("viewer".into(), "secret".into())),
        ..MockConfig::default()
    });
    assert_eq!(as_user(&s, RO, "GET", "/v1/sessions", None).status, 401);
    let viewer = Some(("viewer", "secret"));
    assert_eq!(as_user(&s, viewer, "GET", "/v1/sessions", None).status, 200);
    assert_eq!(
        as_user(&s, viewer, "PATCH", "/v1/sessions/1", Some(LOG_INFO)).status,
        401
    );
    let s = start(MockConfig {
        readonly: None,
        ..MockConfig::default()
    });
    assert_eq!(as_user(&s, RO, "GET", "/v1/sessions", None).status, 401);
}

#[test]
fn no_content_mode_answers_204() {
    let s = start(MockConfig {
        no_content: true,
        ..MockConfig::default()
    });
    for (method, target, body) in [
        ("POST", "/v1/sessions/1/restart", None),
        ("POST", "/v1/sessions/restart", None),
        ("PATCH", "/v1/sessions/1", Some(LOG_INFO)),
        ("DELETE", "/v1/sessions/1", None),
    ] {
        let mut c = connect(&s);
        c.write_all(request(method, target, ADMIN, body, "").as_bytes())
            .unwrap();
        let r = read_response(&mut c);
        assert_eq!(r.status, 204, "{method} {target}");
        assert!(r.header("Content-Length").is_none() && r.body.is_empty());
        assert!(r.header("Content-Type").is_none());
        if body.is_none() {
            assert!(closed(&mut c), "nothing follows a 204");
        }
    }
    assert_eq!(get(&s, "/v1/sessions/1").status, 404);
    // Failures are unchanged.
    assert_eq!(send(&s, "DELETE", "/v1/sessions/1", None).status, 404);
    assert_eq!(send(&s, "PATCH", "/v1/sessions/2", None).status, 400);
}

#[test]
fn restart_failures_on_request() {
    let pool = "Cannot restart session if 'idle_session_pool_time' is in use.";
    let busy = "Cannot restart session due to ongoing internal operations. Try again later.";
    let s = start(MockConfig {
        restart_failures: vec![
            RestartFailure::ids([2], RestartError::IdlePoolTime),
            RestartFailure::ids([3, 2], RestartError::OngoingOperations),
        ],
        ..MockConfig::default()
    });
    let r = send(&s, "POST", "/v1/sessions/2/restart", None);
    assert_eq!(r.status, 400);
    assert_eq!(
        String::from_utf8(r.body.clone()).unwrap(),
        format!(
            "{{\n    \"errors\": [\n        {{\n            \"detail\": \"{pool}\"\n        }}\n    ]\n}}"
        )
    );
    assert_eq!(r.header("Content-Type"), Some("application/json"));
    let r = send(&s, "POST", "/v1/sessions/3/restart?pretty=false", None);
    assert_eq!(
        String::from_utf8(r.body).unwrap(),
        format!(r#"{{"errors":[{{"detail":"{busy}"}}]}}"#)
    );
    assert_eq!(
        status(&send(&s, "POST", "/v1/sessions/1/restart", None)),
        (200, 0)
    );
    // Restart-all: the errors of the sessions in list order (2, 3, 1), then MaxScale's own.
    let r = send(&s, "POST", "/v1/sessions/restart", None);
    assert_eq!(r.status, 400);
    let details: Vec<Value> = r.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["detail"].clone())
        .collect();
    assert_eq!(
        details,
        [
            json!(pool),
            json!(busy),
            json!("Could not restart all sessions")
        ]
    );
    // Repeated errors are given once.
    let s = start(MockConfig {
        restart_failures: vec!["all:busy".parse().unwrap()],
        ..MockConfig::default()
    });
    let r = send(&s, "POST", "/v1/sessions/restart", None);
    assert_eq!(
        r.json(),
        json!({"errors": [{"detail": busy}, {"detail": "Could not restart all sessions"}]})
    );
    // Failed restarts are not modifications.
    assert_eq!(
        get(&s, "/v1/sessions").header("Last-Modified"),
        capture("sessions-list").header("Last-Modified")
    );
}

#[test]
fn patch_effects_and_edge_cases() {
    let s = start(MockConfig {
        filters: vec!["Regex".into(), "Masking".into()],
        ..MockConfig::default()
    });
    let plain = get(&s, "/v1/sessions/2");
    let body = r#"{"data":{"attributes":{"parameters":{"log_info":true,"log_error":"yes","log_warning":true,"log_debug":true}},"relationships":{"filters":{"data":[{"id":"Masking"},{"id":"Regex","type":"filters"}]}}}}"#;
    assert_eq!(
        status(&send(&s, "PATCH", "/v1/sessions/2", Some(body))),
        (200, 0)
    );
    let r = get(&s, "/v1/sessions/2");
    assert_ne!(r.header("ETag"), plain.header("ETag"));
    let v = r.json();
    assert_eq!(
        v["data"]["attributes"]["parameters"],
        json!({"log_error": false, "log_info": true, "log_notice": false, "log_warning": true}),
        "non-booleans are ignored, log_debug is not shown by a release build"
    );
    let filters = &v["data"]["relationships"]["filters"];
    assert_eq!(
        filters["data"],
        json!([{"id": "Masking", "type": "filters"}, {"id": "Regex", "type": "filters"}])
    );
    assert_eq!(
        filters["links"]["self"],
        "http://127.0.0.1:8989/v1/sessions/2/relationships/filters/"
    );
    // The list shows it too (it is no longer the captured one).
    let list = get(&s, "/v1/sessions").json();
    let row = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "2")
        .unwrap();
    assert_eq!(row["relationships"]["filters"], *filters);
    let rdns = get(&s, "/v1/sessions/2?rdns=true&fields[sessions]=parameters").json();
    assert_eq!(rdns["data"]["attributes"]["parameters"]["log_info"], true);
    // An unknown filter: 400, the filters stay, but the log levels before it were set.
    let r = send(
        &s,
        "PATCH",
        "/v1/sessions/2",
        Some(
            r#"{"data":{"attributes":{"parameters":{"log_info":false}},"relationships":{"filters":{"data":[{"id":"Regex"},{"id":"Nope"}]}}}}"#,
        ),
    );
    assert_eq!(r.json()["errors"][0]["detail"], "Not a valid filter: Nope");
    let v = get(&s, "/v1/sessions/2").json();
    assert_eq!(v["data"]["attributes"]["parameters"]["log_info"], false);
    assert_eq!(v["data"]["relationships"]["filters"], *filters);
    // Element types, jansson's names.
    for (id, kind) in [
        ("true", "boolean"),
        ("1.5", "real"),
        ("null", "null"),
        ("[]", "array"),
    ] {
        let b =
            format!(r#"{{"data":{{"relationships":{{"filters":{{"data":[{{"id":{id}}}]}}}}}}}}"#);
        let r = send(&s, "PATCH", "/v1/sessions/2", Some(&b));
        assert_eq!(
            r.json()["errors"][0]["detail"],
            format!("Not a JSON string but a {kind}")
        );
    }
    // An empty (or non-array) list removes the filters.
    let empty = r#"{"data":{"relationships":{"filters":{"data":{}}}}}"#;
    assert_eq!(send(&s, "PATCH", "/v1/sessions/2", Some(empty)).status, 200);
    let v = get(&s, "/v1/sessions/2").json();
    assert!(v["data"]["relationships"].get("filters").is_none());
    // relationships/filters without `data` changes nothing.
    let r = send(
        &s,
        "PATCH",
        "/v1/sessions/2/relationships/filters",
        Some("[1]"),
    );
    assert_eq!(status(&r), (200, 0));
    // Other JSON errors are jansson's.
    let r = send(&s, "PATCH", "/v1/sessions/2", Some("[1,]"));
    assert_eq!(
        r.body,
        br#"{"errors": [ { "detail": "Invalid JSON in request: unexpected token near ']'" } ] }"#
    );
    assert_eq!(names(&r), ["Date", "Content-Length"]);
    // Even on a read, and before routing.
    let r = send(&s, "GET", "/v1/sessions", Some("nope"));
    assert_eq!(r.status, 400);
    let r = send(&s, "DELETE", "/v1/nothing", Some("{"));
    assert_eq!(r.status, 400);
    // log_debug is honoured where the session shows it (the 24.02 documentation fixture).
    let s = start(MockConfig {
        version: Version::V24_02,
        ..MockConfig::default()
    });
    let id = first_id(&s);
    let b = r#"{"data":{"attributes":{"parameters":{"log_debug":true}}}}"#;
    assert_eq!(
        send(&s, "PATCH", &format!("/v1/sessions/{id}"), Some(b)).status,
        200
    );
    let v = get(&s, &format!("/v1/sessions/{id}")).json();
    assert_eq!(v["data"]["attributes"]["parameters"]["log_debug"], true);
}

#[test]
fn connections_are_kept_as_maxscale_keeps_them() {
    let s = start(MockConfig::default());
    // An answer after a Content-Length body keeps the connection, without `Connection: close`.
    let mut c = connect(&s);
    c.write_all(request("PATCH", "/v1/sessions/1", ADMIN, Some(LOG_INFO), "").as_bytes())
        .unwrap();
    let r = read_response(&mut c);
    assert_eq!(r.status, 200);
    assert!(r.header("Connection").is_none());
    c.write_all(request("PATCH", "/v1/sessions/1", ADMIN, Some("{"), "").as_bytes())
        .unwrap();
    let r = read_response(&mut c);
    assert_eq!(names(&r), ["Date", "Content-Length"]);
    c.write_all(request("GET", "/v1/sessions/1", ADMIN, None, "").as_bytes())
        .unwrap();
    let r = read_response(&mut c);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("Connection"), Some("close"));
    assert!(closed(&mut c));
    // The client asks to close.
    let r = send_with(
        &s,
        "PATCH",
        "/v1/sessions/1",
        ADMIN,
        Some(LOG_INFO),
        "Connection: close\r\n",
    );
    assert_eq!(r.header("Connection"), Some("close"));
    // Refusals close, the body is discarded.
    let mut c = connect(&s);
    c.write_all(request("PATCH", "/v1/sessions/1", RO, Some(LOG_INFO), "").as_bytes())
        .unwrap();
    let r = read_response(&mut c);
    assert_eq!((r.status, r.header("Connection")), (401, Some("close")));
    assert!(closed(&mut c));
    // A chunked body is not seen by MaxScale: "Missing request body", and close.
    let mut c = connect(&s);
    let head = "PATCH /v1/sessions/1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n";
    let auth = format!(
        "Authorization: Basic {}\r\n",
        base64_encode(b"admin:mariadb")
    );
    c.write_all(format!("{head}{auth}\r\n2\r\n{{}}\r\n0\r\n\r\n").as_bytes())
        .unwrap();
    let r = read_response(&mut c);
    assert_eq!(r.json()["errors"][0]["detail"], "Missing request body");
    assert!(closed(&mut c));
    assert_eq!(s.writes().last().unwrap().body, b"{}");
    // Expect: 100-continue gets its interim answer first.
    let mut c = connect(&s);
    let expect = request(
        "PATCH",
        "/v1/sessions/1",
        ADMIN,
        Some(LOG_INFO),
        "Expect: 100-continue\r\n",
    );
    let (head, body) = expect.split_once("\r\n\r\n").unwrap();
    c.write_all(format!("{head}\r\n\r\n").as_bytes()).unwrap();
    let mut interim = [0u8; 25];
    c.read_exact(&mut interim).unwrap();
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");
    c.write_all(body.as_bytes()).unwrap();
    assert_eq!(read_response(&mut c).status, 200);
    // Bodies over the bound: 413, and close.
    let s = start(MockConfig {
        max_body: 64,
        ..MockConfig::default()
    });
    let big = format!(r#"{{"data":{{"pad":"{}"}}}}"#, "x".repeat(100));
    let mut c = connect(&s);
    c.write_all(request("PATCH", "/v1/sessions/1", ADMIN, Some(&big), "").as_bytes())
        .unwrap();
    let r = read_response(&mut c);
    assert_eq!(r.status, 413);
    assert!(
        r.json()["errors"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("64 bytes")
    );
    assert!(closed(&mut c));
    assert_eq!(s.writes()[0].status, 413);
    assert_eq!(
        send(&s, "PATCH", "/v1/sessions/1", Some(LOG_INFO)).status,
        200
    );
}

#[test]
fn every_write_is_recorded_in_order() {
    let file = std::env::temp_dir().join(format!("mxs-mock-record-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&file);
    let servers = MockServer::start_many(
        frozen(MockConfig {
            record: Some(file.clone()),
            ..MockConfig::default()
        }),
        2,
    )
    .unwrap();
    let (a, b) = (&servers[0], &servers[1]);
    get(a, "/v1/sessions");
    send(a, "DELETE", "/v1/sessions/3?ttl=5", None);
    as_user(a, RO, "DELETE", "/v1/sessions/2", None);
    as_user(
        a,
        Some(("admin", "oops")),
        "POST",
        "/v1/sessions/2/restart",
        None,
    );
    send(a, "PATCH", "/v1/sessions/2", Some(LOG_INFO));
    send(a, "PUT", "/v1/sessions/2", None);
    send(b, "DELETE", "/v1/sessions/1", None);
    get(a, "/v1/sessions/2");
    let writes = a.writes();
    type Row<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, u16);
    let summary: Vec<Row> = writes
        .iter()
        .map(|w| {
            (
                w.method.as_str(),
                w.path.as_str(),
                w.query.as_deref(),
                w.user.as_deref(),
                w.status,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "DELETE",
                "/v1/sessions/3",
                Some("ttl=5"),
                Some("admin"),
                200
            ),
            ("DELETE", "/v1/sessions/2", None, Some("ro"), 401),
            ("POST", "/v1/sessions/2/restart", None, Some("admin"), 401),
            ("PATCH", "/v1/sessions/2", None, Some("admin"), 200),
            ("PUT", "/v1/sessions/2", None, Some("admin"), 404),
        ]
    );
    assert_eq!(writes[0].query_param("ttl").as_deref(), Some("5"));
    assert_eq!(writes[3].body_text(), LOG_INFO);
    assert_eq!(
        writes[3].body_json().unwrap()["data"]["attributes"]["parameters"]["log_info"],
        true
    );
    assert!(writes[0].body.is_empty());
    assert_eq!(a.requests().len(), 7, "reads and writes");
    assert_eq!(a.requests()[4].body, LOG_INFO.as_bytes());
    // Listeners share the sessions, not the record.
    assert_eq!(b.writes().len(), 1);
    assert_eq!(a.session_ids(), ["2", "3"]);
    // The record file has every write of both listeners.
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(
        lines[0],
        json!({"method": "DELETE", "path": "/v1/sessions/3", "query": "ttl=5", "user": "admin",
               "status": 200, "body": "", "port": a.addr().port()})
    );
    assert_eq!(lines[3]["body"], LOG_INFO);
    assert_eq!(lines[5]["port"], b.addr().port());
    let _ = std::fs::remove_file(&file);
}

#[test]
fn writes_follow_churn() {
    let s = start(MockConfig {
        churn: true,
        ..MockConfig::default()
    });
    let ids = |s: &MockServer| -> Vec<String> {
        get(s, "/v1/sessions").json()["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&s), ["2", "3", "1"]);
    assert_eq!(ids(&s), ["2", "3", "4"]);
    // The churned-in session is a session like the others; the churned-out one is gone.
    let four = get(&s, "/v1/sessions/4").json();
    assert_eq!(four["data"]["id"], "4");
    assert_eq!(
        four["data"]["links"]["self"],
        "http://127.0.0.1:8989/v1/sessions/4/"
    );
    assert_eq!(
        status(&send(&s, "DELETE", "/v1/sessions/1", None)),
        (404, 0)
    );
    assert_eq!(
        send(&s, "PATCH", "/v1/sessions/4", Some(LOG_INFO)).status,
        200
    );
    assert_eq!(send(&s, "DELETE", "/v1/sessions/3", None).status, 200);
    // Next step: 2 (the lowest) closes, 5 opens.
    assert_eq!(ids(&s), ["4", "5"]);
    let four = get(&s, "/v1/sessions/4").json();
    assert_eq!(four["data"]["attributes"]["parameters"]["log_info"], true);
}

#[test]
fn large_lists_after_writes_render_like_the_slow_path() {
    let s = start(MockConfig {
        sessions: Some(2500),
        ..MockConfig::default()
    });
    // The first rows of the list order and some others, so that whole leading rows vanish.
    let order = s.session_ids();
    for id in order.iter().take(3).chain(order.iter().skip(1300).take(2)) {
        assert_eq!(
            send(&s, "DELETE", &format!("/v1/sessions/{id}"), None).status,
            200
        );
    }
    let patched = &order[10];
    assert_eq!(
        send(
            &s,
            "PATCH",
            &format!("/v1/sessions/{patched}"),
            Some(LOG_INFO)
        )
        .status,
        200
    );
    for q in ["", "pretty=false&"] {
        let fast = get(&s, &format!("/v1/sessions?{q}"));
        let slow = get(&s, &format!("/v1/sessions?{q}filter=/type=%22sessions%22"));
        assert!(
            fast.body == slow.body,
            "{q}: fast and slow renderings differ"
        );
        let doc = fast.json();
        let rows = doc["data"].as_array().unwrap();
        assert_eq!(rows.len(), 2495);
        let row = rows.iter().find(|r| r["id"] == patched.as_str()).unwrap();
        assert_eq!(row["attributes"]["parameters"]["log_info"], true);
    }
}
