//! End-to-end unit tests (captures, routes, versions, generated data): a real [`MockServer`] spoken to over raw loopback TCP (and TLS).

use crate::util::base64_encode;
use crate::{MockConfig, MockServer, Version};
use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

mod clock;
mod counts;
mod faults;
mod logs;
mod real_24_08;
mod sql;
mod writes;

#[derive(Debug)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("JSON body")
    }
}

fn parse_http(raw: &[u8]) -> Resp {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("header block");
    let head = std::str::from_utf8(&raw[..end]).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .map(|l| {
            let (k, v) = l.split_once(": ").unwrap();
            (k.to_string(), v.to_string())
        })
        .collect();
    Resp {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    }
}

fn auth() -> String {
    format!(
        "Authorization: Basic {}\r\n",
        base64_encode(b"admin:mariadb")
    )
}

fn raw_request(addr: SocketAddr, req: &str) -> Vec<u8> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    s.write_all(req.as_bytes()).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    out
}

/// GET `target` with `Host: 127.0.0.1:8989` and admin:mariadb.
fn get(server: &MockServer, target: &str) -> Resp {
    let req = format!(
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:8989\r\n{}\r\n",
        auth()
    );
    parse_http(&raw_request(server.addr(), &req))
}

/// The time the tests' servers are frozen at unless a test sets its own `server_time`
/// (2026-11-28 09:20:00 UTC, the generated sessions' "now"): the documents are the dataset's own
/// and only `advance_clock` moves time.
const FROZEN_AT: i64 = 1_795_857_600;

/// `config` with a frozen clock (see [`FROZEN_AT`]).
fn frozen(mut config: MockConfig) -> MockConfig {
    config.server_time.get_or_insert(FROZEN_AT);
    config
}

fn start(config: MockConfig) -> MockServer {
    MockServer::start(frozen(config)).unwrap()
}

fn capture(name: &str) -> Resp {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/real-24.02/");
    parse_http(&std::fs::read(format!("{dir}{name}.http")).unwrap())
}

/// Status, body bytes, header names/order and values (Date only by shape) equal the capture.
fn assert_capture(resp: &Resp, name: &str) {
    let cap = capture(name);
    assert_eq!(resp.status, cap.status, "{name}: status");
    assert_eq!(
        String::from_utf8_lossy(&resp.body),
        String::from_utf8_lossy(&cap.body),
        "{name}: body"
    );
    let names = |r: &Resp| r.headers.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    assert_eq!(names(resp), names(&cap), "{name}: header names");
    for ((k, v), (_, cv)) in resp.headers.iter().zip(&cap.headers) {
        if k == "Date" {
            assert_eq!(v.len(), cv.len(), "{name}: Date shape {v:?} vs {cv:?}");
            assert!(v.ends_with(" GMT"));
        } else {
            assert_eq!(v, cv, "{name}: header {k}");
        }
    }
}

#[test]
fn real_captures_are_byte_identical() {
    let s = start(MockConfig::default());
    let cases = [
        ("/v1/sessions", "sessions-list"),
        ("/v1/sessions/1", "session-get-1"),
        ("/v1/sessions/2", "session-get-2"),
        ("/v1/sessions/3", "session-get-3"),
        ("/v1/sessions?rdns=true", "sessions-list-rdns-true"),
        ("/v1/sessions/abc", "session-get-abc-invalid"),
        ("/v1/sessions/999999", "session-get-999999-notfound"),
        (
            "/v1/sessions?fields[sessions]=user,remote",
            "sessions-list-fields-user-remote",
        ),
        (
            "/v1/sessions?page[size]=1&page[number]=1",
            "sessions-list-page-size1-number1",
        ),
        (
            "/v1/sessions?page[size]=1&page[number]=0",
            "sessions-list-page-size1-number0",
        ),
        (
            "/v1/sessions?filter=/attributes/user=%22maxuser%22",
            "sessions-list-filter-user-quoted",
        ),
        (
            "/v1/sessions?filter=/attributes/user=maxuser",
            "sessions-list-filter-user-unquoted",
        ),
        (
            "/v1/sessions?filter=/attributes/user=%22nobody%22",
            "sessions-list-filter-user-nomatch",
        ),
    ];
    for (target, name) in cases {
        assert_capture(&get(&s, target), name);
    }
    let wrong = format!(
        "GET /v1/sessions HTTP/1.1\r\nHost: 127.0.0.1:8989\r\nAuthorization: Basic {}\r\n\r\n",
        base64_encode(b"admin:wrongpassword")
    );
    assert_capture(
        &parse_http(&raw_request(s.addr(), &wrong)),
        "sessions-list-wrong-password",
    );
    let none = "GET /v1/sessions HTTP/1.1\r\nHost: 127.0.0.1:8989\r\n\r\n";
    assert_capture(
        &parse_http(&raw_request(s.addr(), none)),
        "sessions-list-no-credentials",
    );
}

#[test]
fn generic_query_paths_on_real_data() {
    let s = start(MockConfig::default());
    // Not captured, so computed: still consistent with the captures.
    let r = get(
        &s,
        "/v1/sessions?page%5Bsize%5D=2&page%5Bnumber%5D=1&pretty=false",
    );
    let v = r.json();
    assert_eq!(v["meta"]["total"], 3);
    assert_eq!(v["data"].as_array().unwrap().len(), 1);
    assert_eq!(v["data"][0]["id"], "1");
    assert!(!r.body.contains(&b'\n'));
    let v = get(&s, "/v1/sessions?rdns=YES&fields%5Bsessions%5D=remote").json();
    assert_eq!(v["data"][0]["attributes"]["remote"], "localhost");
    let v = get(&s, "/v1/sessions?filter=id=and(ge(%222%22),le(%223%22))").json();
    let ids: Vec<&str> = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["2", "3"]);
    let v = get(&s, "/v1/sessions/2?rdns=true").json();
    assert_eq!(v["data"]["attributes"]["remote"], "localhost");
    for bad in ["0", "+1", "1abc", "abc"] {
        let r = get(&s, &format!("/v1/sessions/{bad}"));
        assert_eq!(r.status, 404);
        assert_eq!(
            r.json()["errors"][0]["detail"],
            format!("{bad} is not a session")
        );
    }
    assert_eq!(get(&s, "/v1/sessions/01").status, 200);
}

#[test]
fn prefixes_slashes_head_and_unknown_paths() {
    let s = start(MockConfig::default());
    for (target, base) in [
        ("/v1/sessions/", "http://127.0.0.1:8989/v1/"),
        ("/sessions", "http://127.0.0.1:8989/"),
        ("/sessions/", "http://127.0.0.1:8989/"),
    ] {
        let v = get(&s, target).json();
        assert_eq!(v["links"]["self"], format!("{base}sessions/"), "{target}");
        assert_eq!(v["data"][0]["links"]["self"], format!("{base}sessions/2/"));
    }
    let v = get(&s, "/sessions/3/").json();
    assert_eq!(v["links"]["self"], "http://127.0.0.1:8989/sessions/3/");
    for root in ["/", "/v1/", "/v1"] {
        let r = get(&s, root);
        assert_eq!((r.status, r.body.len()), (200, 0), "{root}");
        assert!(r.header("Content-Type").is_none());
    }
    for unknown in ["/v1/servers", "/v1/sessions/1/foo", "/nope"] {
        let r = get(&s, unknown);
        assert_eq!((r.status, r.body.len()), (404, 0), "{unknown}");
    }
    let head = format!(
        "HEAD /v1/sessions HTTP/1.1\r\nHost: 127.0.0.1:8989\r\n{}\r\n",
        auth()
    );
    let r = parse_http(&raw_request(s.addr(), &head));
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty());
    assert_eq!(r.header("Content-Length"), Some("15822"));
    let del = format!(
        "DELETE /v1/sessions/1?ttl=0 HTTP/1.1\r\nHost: h\r\n{}\r\n",
        auth()
    );
    assert_eq!(parse_http(&raw_request(s.addr(), &del)).status, 200);
    let patch = format!("PATCH /v1/sessions/1 HTTP/1.1\r\nHost: h\r\n{}\r\n", auth());
    assert_eq!(parse_http(&raw_request(s.addr(), &patch)).status, 400);
    let r = parse_http(&raw_request(s.addr(), "garbage\r\n\r\n"));
    assert_eq!(r.status, 400);
}

#[test]
fn each_version_dataset() {
    for v in Version::ALL {
        let s = start(MockConfig {
            version: v,
            ..MockConfig::default()
        });
        let list = get(&s, "/v1/sessions");
        assert_eq!(list.status, 200, "{v}");
        let doc = list.json();
        let rows = doc["data"].as_array().unwrap();
        assert!(!rows.is_empty());
        for row in rows {
            let id = row["id"].as_str().unwrap();
            let one = get(&s, &format!("/v1/sessions/{id}")).json();
            assert_eq!(one["data"]["id"], id);
            assert_eq!(one["links"]["self"], one["data"]["links"]["self"]);
            assert!(
                one["links"]["self"]
                    .as_str()
                    .unwrap()
                    .starts_with("http://127.0.0.1:8989/v1/sessions/")
            );
        }
        let abc = get(&s, "/v1/sessions/abc");
        assert_eq!(abc.status, 404);
        assert_eq!(abc.body.is_empty(), v < Version::V24_02, "{v}");
        assert_eq!(get(&s, "/v1/sessions/999999").body.len(), 0);
        let unquoted = get(&s, "/v1/sessions?filter=/attributes/user=maxuser");
        if v >= Version::V24_02 {
            assert_eq!(unquoted.status, 400, "{v}");
        } else {
            assert_eq!(unquoted.status, 200, "{v}");
            assert_eq!(unquoted.json()["data"], doc["data"], "{v}: ignored filter");
        }
    }
    let s = start(MockConfig {
        version: Version::V23_02,
        ..MockConfig::default()
    });
    assert_eq!(
        get(&s, "/v1/sessions/1abc").status,
        200,
        "atoi before 24.02"
    );
    let s = start(MockConfig {
        version: Version::V2_5,
        ..MockConfig::default()
    });
    let r = get(&s, "/v1/sessions?pretty=false");
    assert!(
        String::from_utf8(r.body)
            .unwrap()
            .starts_with("{\"data\": [{")
    );
    let s = start(MockConfig {
        version: Version::V2_2,
        ..MockConfig::default()
    });
    assert_eq!(
        get(&s, "/v1/sessions/9").json()["data"]["attributes"]["user"],
        "maxuser"
    );
}

fn generated(n: usize, seed: u64, k: Option<usize>) -> MockServer {
    start(MockConfig {
        sessions: Some(n),
        seed,
        addresses: k,
        ..MockConfig::default()
    })
}

#[test]
fn generated_sessions() {
    let a = generated(300, 42, Some(40));
    let b = generated(300, 42, Some(40));
    let ra = get(&a, "/v1/sessions");
    let rb = get(&b, "/v1/sessions");
    assert_eq!(ra.body, rb.body, "deterministic per seed");
    assert_eq!(ra.header("ETag"), rb.header("ETag"));
    let doc = ra.json();
    let rows = doc["data"].as_array().unwrap();
    assert_eq!(rows.len(), 300);
    let ids: Vec<u64> = rows
        .iter()
        .map(|r| r["id"].as_str().unwrap().parse().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(sorted, (1..=300).collect::<Vec<_>>());
    assert_ne!(ids, sorted, "served unordered");
    let remotes: std::collections::HashSet<&str> = rows
        .iter()
        .map(|r| r["attributes"]["remote"].as_str().unwrap())
        .collect();
    assert_eq!(remotes.len(), 40);
    assert!(rows.iter().any(|r| r["attributes"].get("user").is_none()));
    assert!(rows.iter().any(|r| r["attributes"].get("idle").is_none()));
    let avg = ra.body.len() / 300;
    assert!((2500..6500).contains(&avg), "avg {avg}");
    // GET one equals the list element; compact is the same document.
    let one = get(&a, "/v1/sessions/17").json();
    let row = rows.iter().find(|r| r["id"] == "17").unwrap();
    assert_eq!(&one["data"], row);
    assert_eq!(get(&a, "/v1/sessions?pretty=false").json(), doc);
    assert_eq!(get(&a, "/v1/sessions/301").status, 404);
    let c = generated(300, 43, Some(40));
    assert_ne!(get(&c, "/v1/sessions").body, ra.body);
    // rdns maps the loopback address.
    let rd = get(&a, "/v1/sessions?rdns=1").json();
    let names: Vec<&str> = rd["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["attributes"]["remote"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"localhost"));
    assert!(!names.contains(&"127.0.0.1"));
    // Pagination over generated data.
    let p = get(&a, "/v1/sessions?page[size]=7&page[number]=42").json();
    assert_eq!(p["meta"]["total"], 300);
    assert_eq!(p["data"].as_array().unwrap().len(), 6);
    assert_eq!(
        p["links"]["last"],
        "http://127.0.0.1:8989/v1/sessions/?page%5Bsize%5D=7&page%5Bnumber%5D=42"
    );
}

#[test]
fn generated_older_shapes_and_evil() {
    let s = start(MockConfig {
        sessions: Some(20),
        version: Version::V22_08,
        ..MockConfig::default()
    });
    let v = get(&s, "/v1/sessions").json();
    let a = &v["data"][0]["attributes"];
    assert!(a["memory"]["connection_buffers"].is_u64());
    assert!(a.get("seconds_alive").is_none() && a.get("thread").is_none());
    let evil = start(MockConfig {
        evil: true,
        ..MockConfig::default()
    });
    let r = get(&evil, "/v1/sessions");
    let text = String::from_utf8(r.body.clone()).unwrap();
    assert!(text.contains("\\u001B[31m") && text.contains('\u{202e}') && text.contains('\u{9b}'));
    let doc = r.json();
    assert_eq!(doc["data"].as_array().unwrap().len(), 8);
    let one = get(&evil, "/v1/sessions/1").json();
    assert_eq!(
        one["data"]["attributes"]["user"]
            .as_str()
            .unwrap()
            .chars()
            .count(),
        10_000
    );
}

#[test]
fn recording_and_multiple_listeners() {
    let servers = MockServer::start_many(frozen(MockConfig::default()), 2).unwrap();
    assert_ne!(servers[0].addr(), servers[1].addr());
    assert_eq!(
        get(&servers[0], "/v1/sessions").body,
        get(&servers[1], "/v1/sessions").body
    );
    get(&servers[0], "/v1/sessions/2?rdns=true");
    let reqs = servers[0].requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[1].method, "GET");
    assert_eq!(reqs[1].path, "/v1/sessions/2");
    assert_eq!(reqs[1].query.as_deref(), Some("rdns=true"));
    assert_eq!(reqs[1].header("host"), Some("127.0.0.1:8989"));
    assert!(!reqs[1].client_cert);
    assert_eq!(servers[1].requests().len(), 1);
    assert_eq!(servers[0].endpoint(), servers[0].addr().to_string());
}

#[test]
fn parallel_fast_path_equals_slow_path() {
    let s = generated(2500, 9, None);
    let fast = get(&s, "/v1/sessions");
    let slow = get(&s, "/v1/sessions?filter=/type=%22sessions%22");
    assert_eq!(fast.body.len(), slow.body.len());
    assert!(fast.body == slow.body, "fast and slow renderings differ");
    let fast = get(&s, "/v1/sessions?pretty=false&rdns=true");
    let slow = get(
        &s,
        "/v1/sessions?pretty=false&rdns=true&filter=/type=%22sessions%22",
    );
    assert!(fast.body == slow.body, "compact renderings differ");
    assert_eq!(fast.json()["data"].as_array().unwrap().len(), 2500);
}

#[test]
fn retain_last_statements_and_a_fixed_server_clock() {
    let s = start(MockConfig::default());
    let v = get(&s, "/v1/maxscale").json();
    assert_eq!(
        v["data"]["attributes"]["parameters"]["retain_last_statements"],
        5
    );
    let s = start(MockConfig {
        retain_last_statements: 0,
        server_time: Some(1_795_857_600),
        ..MockConfig::default()
    });
    let v = get(&s, "/v1/maxscale").json();
    assert_eq!(
        v["data"]["attributes"]["parameters"]["retain_last_statements"],
        0
    );
    for path in ["/v1/maxscale", "/v1/sessions", "/v1/sessions/1"] {
        let r = get(&s, path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(
            r.header("Date"),
            Some("Sat, 28 Nov 26 09:20:00 GMT"),
            "{path}"
        );
    }
}
