//! The real MaxScale 24.08.1 captures (`fixtures/real-24.08/`, admin port 8990).

use super::{Resp, assert_capture, auth, parse_http, raw_request, start};
use crate::util::base64_encode;
use crate::{MockConfig, MockServer, Version};

const DIR: &str = "../real-24.08/";

fn server() -> MockServer {
    start(MockConfig {
        version: Version::Real24_08_1,
        ..MockConfig::default()
    })
}

/// `method target` with `Host: 127.0.0.1:8990` (the captured MaxScale's) and admin:mariadb.
fn ask(s: &MockServer, method: &str, target: &str) -> Resp {
    let req = format!(
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:8990\r\n{}\r\n",
        auth()
    );
    parse_http(&raw_request(s.addr(), &req))
}

#[test]
fn reads_are_byte_identical() {
    let s = server();
    for (target, name) in [
        ("/v1/sessions", "sessions-list"),
        ("/v1/sessions/1", "session-get-busy"),
        ("/v1/sessions/2", "session-get-idle"),
        ("/v1/sessions/6", "session-get-victim-restart-before"),
        ("/v1/sessions/999999", "session-get-999999-notfound"),
        ("/v1/sessions/abc", "session-get-abc-invalid"),
        (
            "/v1/maxscale/logs/entries?page[size]=5",
            "logs/logs-entries-page-size-5",
        ),
        (
            "/v1/maxscale/logs/data?page[size]=5",
            "logs/logs-data-page-size-5",
        ),
    ] {
        assert_capture(&ask(&s, "GET", target), &format!("{DIR}{name}"));
    }
    let wrong = format!(
        "GET /v1/sessions HTTP/1.1\r\nHost: 127.0.0.1:8990\r\nAuthorization: Basic {}\r\n\r\n",
        base64_encode(b"admin:wrongpassword")
    );
    assert_capture(
        &parse_http(&raw_request(s.addr(), &wrong)),
        &format!("{DIR}sessions-list-wrong-password"),
    );
}

#[test]
fn the_maxscale_resource() {
    let s = server();
    // The body as captured (install paths edited); the captured ETag is that of the unedited
    // body, so only the body and the other headers are compared.
    let r = ask(&s, "GET", "/v1/maxscale");
    let cap = super::capture(&format!("{DIR}maxscale"));
    assert_eq!(r.status, 200);
    assert_eq!(
        String::from_utf8_lossy(&r.body),
        String::from_utf8_lossy(&cap.body)
    );
    assert_eq!(r.header("Last-Modified"), cap.header("Last-Modified"));
    let v = r.json();
    let params = &v["data"]["attributes"]["parameters"];
    assert_eq!(v["data"]["attributes"]["version"], "24.08.1");
    assert_eq!(params["session_trace"], 5);
    assert_eq!(params["host_cache_size"], 128);
    assert!(params.get("core_file").is_none());
    let r = ask(&s, "GET", "/v1/maxscale?fields[maxscale]=version,commit");
    let cap = super::capture(&format!("{DIR}maxscale-version-endpoint"));
    assert_eq!(
        String::from_utf8_lossy(&r.body),
        String::from_utf8_lossy(&cap.body)
    );
}

#[test]
fn writes_as_captured() {
    let s = server();
    for (method, target, name) in [
        ("POST", "/v1/sessions/6/restart", "session-restart"),
        ("POST", "/v1/sessions/restart", "sessions-restart-all"),
        (
            "POST",
            "/v1/sessions/999999/restart",
            "session-restart-999999-notfound",
        ),
        (
            "DELETE",
            "/v1/sessions/999999",
            "session-delete-999999-notfound",
        ),
        ("DELETE", "/v1/sessions/abc", "session-delete-abc-invalid"),
        ("DELETE", "/v1/sessions/7", "session-delete"),
    ] {
        assert_capture(&ask(&s, method, target), &format!("{DIR}{name}"));
    }
    // After the kill: an empty 404 (its Last-Modified is the kill's time, not the capture's).
    let after = ask(&s, "GET", "/v1/sessions/7");
    let cap = super::capture(&format!("{DIR}session-get-after-delete"));
    assert_eq!((after.status, after.body.len()), (404, 0));
    let names = |r: &Resp| r.headers.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    assert_eq!(names(&after), names(&cap));
    assert_eq!(after.header("ETag"), cap.header("ETag"));
    let ids: Vec<String> = s.session_ids();
    assert_eq!(ids, ["6", "2", "3", "1", "5", "4"]);
}

#[test]
fn sessions_keep_one_log_line() {
    // session_trace=5 keeps one line in 24.08.1 (see fixtures/real-24.08/README.txt).
    let s = server();
    let list = ask(&s, "GET", "/v1/sessions").json();
    for row in list["data"].as_array().unwrap() {
        assert!(row["attributes"]["log"].as_array().unwrap().len() <= 1);
    }
    let generated = start(MockConfig {
        version: Version::Real24_08_1,
        sessions: Some(50),
        ..MockConfig::default()
    });
    let list = ask(&generated, "GET", "/v1/sessions").json();
    let rows = list["data"].as_array().unwrap();
    assert!(
        rows.iter()
            .all(|r| r["attributes"]["log"].as_array().unwrap().len() <= 1)
    );
    assert!(
        rows.iter()
            .any(|r| r["attributes"]["log"].as_array().unwrap().len() == 1)
    );
    assert_eq!("24.08".parse::<Version>(), Ok(Version::Real24_08_1));
    assert_eq!("24.08.1".parse::<Version>(), Ok(Version::Real24_08_1));
}
