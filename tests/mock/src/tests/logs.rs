//! The log endpoints: captures, paging, filters, priorities, version gating and the log growing
//! with session kills, ttl kills, churn, PATCHes and `append_log`.

use super::{Resp, assert_capture, auth, get, parse_http, raw_request, start};
use crate::{MockConfig, MockServer, Version};
use serde_json::Value;
use std::time::Duration;

/// 2026-12-07 03:51:25 UTC: when the two 400s of the captures were logged.
const AT_400S: i64 = 1_796_615_485;

const E: &str = "/v1/maxscale/logs/entries";
const D: &str = "/v1/maxscale/logs/data";

/// A request with a JSON body (and `Connection: close`).
fn send(server: &MockServer, method: &str, target: &str, body: &str) -> Resp {
    let req = format!(
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:8989\r\n{}Connection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        auth(),
        body.len()
    );
    parse_http(&raw_request(server.addr(), &req))
}

fn delete(server: &MockServer, target: &str) -> Resp {
    let req = format!(
        "DELETE {target} HTTP/1.1\r\nHost: 127.0.0.1:8989\r\n{}\r\n",
        auth()
    );
    parse_http(&raw_request(server.addr(), &req))
}

fn log_info_on(server: &MockServer, id: &str) {
    let r = send(
        server,
        "PATCH",
        &format!("/v1/sessions/{id}"),
        r#"{"data":{"attributes":{"parameters":{"log_info":true}}}}"#,
    );
    assert_eq!(r.status, 200);
}

/// The entries of an `/entries` answer: (id, attributes).
fn entries(r: &Resp) -> Vec<(String, Value)> {
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    r.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap().to_string(),
                e["attributes"].clone(),
            )
        })
        .collect()
}

fn messages(r: &Resp) -> Vec<String> {
    entries(r)
        .into_iter()
        .map(|(_, a)| a["message"].as_str().unwrap().to_string())
        .collect()
}

/// The path and query of a link (`http://127.0.0.1:8989/v1/...`).
fn target(link: &Value) -> String {
    link.as_str()
        .unwrap()
        .strip_prefix("http://127.0.0.1:8989")
        .unwrap()
        .to_string()
}

#[test]
fn captures_are_byte_identical() {
    let s = start(MockConfig {
        server_time: Some(AT_400S),
        ..MockConfig::default()
    });
    let session = |id: &str| format!("{E}?filter[$.attributes.session]=eq(%22{id}%22)");
    let cases = [
        (E.to_string(), "logs-entries"),
        (format!("{E}?page[size]=5"), "logs-entries-page-size-5"),
        (
            format!("{E}/?page%5Bcursor%5D=359&page%5Bsize%5D=5"),
            "logs-entries-page-size-5-prev",
        ),
        (
            session("10011"),
            "logs-entries-filter-jsonpath-session-A-after-kill",
        ),
        (
            format!("{E}?filter=/attributes/session=%2210011%22"),
            "logs-entries-filter-pointer-session-A-after-kill",
        ),
        (
            session("10012"),
            "logs-entries-filter-jsonpath-session-B-client-quit",
        ),
        (
            session("10015"),
            "logs-entries-filter-jsonpath-session-C-ttl",
        ),
        (
            session("10016"),
            "logs-entries-filter-jsonpath-session-D-sigkill-log-info",
        ),
        (
            session("10017"),
            "logs-entries-filter-jsonpath-session-E-delete-no-log-info",
        ),
        (
            session("10018"),
            "logs-entries-filter-jsonpath-session-F-sigkill-trace-only",
        ),
        (
            format!("{E}?page[size]=5&filter[$.attributes.session]=eq(%2210011%22)"),
            "logs-entries-filter-session-A-page-size-5",
        ),
        (
            format!("{E}?filter[$.attributes.session]=eq(10011)"),
            "logs-entries-filter-session-unquoted",
        ),
        (
            format!("{E}?priority=warning,error"),
            "logs-entries-priority-warning-error",
        ),
        (
            format!("{E}?priority=notice&page[size]=5"),
            "logs-entries-priority-notice-page-size-5",
        ),
        (format!("{E}?priority=bogus"), "logs-entries-priority-bogus"),
        // The two 400s log two lines (ids 369 and 370), as MaxScale does.
        (format!("{E}?page[size]=abc"), "logs-entries-page-size-abc"),
        (format!("{E}?page[size]=0"), "logs-entries-page-size-0"),
        (
            format!("{E}?page[size]=5&page[number]=1"),
            "logs-entries-page-number-1",
        ),
        (D.to_string(), "logs-data"),
        (format!("{D}?page[size]=5"), "logs-data-page-size-5"),
        (
            format!("{D}/?page%5Bcursor%5D=361&page%5Bsize%5D=5"),
            "logs-data-page-size-5-prev",
        ),
        (
            format!("{D}?priority=warning&page[size]=3"),
            "logs-data-priority-warning-page-size-3",
        ),
    ];
    assert_eq!(s.log_len(), 369);
    for (t, name) in &cases {
        assert_capture(&get(&s, t), &format!("logs/{name}"));
    }
    assert_eq!(s.log_len(), 371);
    // Recorded like every request.
    let paths: Vec<String> = s.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(paths.len(), cases.len());
    assert!(paths.iter().all(|p| p.starts_with("/v1/maxscale/logs/")));
}

#[test]
fn the_filter_sees_only_the_page_and_page_size_100_finds_the_session() {
    let s = start(MockConfig::default());
    let q = "filter[$.attributes.session]=eq(%2210011%22)";
    let r = get(&s, &format!("{E}?page[size]=100&{q}"));
    // The body is the capture's; its ETag hashes lines 269..318, which the mock generates.
    let cap = super::capture("logs/logs-entries-filter-session-A-page-size-100");
    assert_eq!(
        String::from_utf8_lossy(&r.body),
        String::from_utf8_lossy(&cap.body)
    );
    assert_eq!(r.json()["meta"]["total"], 4);
    let r = get(&s, &format!("{E}?page[size]=5&{q}"));
    assert!(entries(&r).is_empty());
    assert_eq!(r.json()["meta"]["total"], 0);
    // The filter and other parameters are dropped from the links; compact output on request.
    let r = get(
        &s,
        &format!("{E}?{q}&pretty=false&fields[log_entry]=message"),
    );
    assert!(!r.body.contains(&b'\n'));
    let v = r.json();
    assert_eq!(v["data"][0]["attributes"].as_object().unwrap().len(), 1);
    assert!(!v["links"]["self"].as_str().unwrap().contains("filter"));
    assert!(v.get("meta").is_none());
}

#[test]
fn paging_walks_prev_links_down_to_id_0() {
    let s = start(MockConfig {
        sessions: Some(200),
        seed: 3,
        log_lines: Some(1234),
        ..MockConfig::default()
    });
    assert_eq!(s.log_len(), 1234);
    let mut t = format!("{E}?page[size]=100");
    let mut ids = Vec::new();
    loop {
        let r = get(&s, &t);
        let v = r.json();
        let page: Vec<usize> = entries(&r)
            .iter()
            .map(|(id, _)| id.parse().unwrap())
            .collect();
        ids.splice(0..0, page);
        assert!(v["links"].get("next").is_none() && v["links"].get("first").is_none());
        assert_eq!(
            target(&v["links"]["last"]),
            format!("{E}/?page%5Bsize%5D=100")
        );
        match v["links"].get("prev") {
            Some(p) => t = target(p),
            None => break,
        }
    }
    // The last page read starts at 0 and overlaps the one after it (cursor max(first-N, 0)).
    ids.sort_unstable();
    ids.dedup();
    assert!(ids == (0..1234).collect::<Vec<_>>());
    // Deterministic by seed; the sessions with log_info have their statement lines.
    let again = start(MockConfig {
        sessions: Some(200),
        seed: 3,
        log_lines: Some(1234),
        ..MockConfig::default()
    });
    let q = format!("{E}?page[cursor]=0&page[size]=1234");
    assert_eq!(get(&s, &q).body, get(&again, &q).body);
    let all = entries(&get(&s, &q));
    let list = get(&s, "/v1/sessions").json();
    let with_info: Vec<String> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["attributes"]["parameters"]["log_info"] == true)
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!with_info.is_empty());
    for id in &with_info {
        let lines: Vec<&Value> = all
            .iter()
            .filter(|(_, a)| a["session"] == id.as_str())
            .map(|(_, a)| a)
            .collect();
        assert!(lines[0]["message"].as_str().unwrap().starts_with(
            "> Autocommit: [enabled], trx is [not open], cmd: (0x3) COM_QUERY, plen: "
        ));
        assert!(lines[0]["object"].is_string());
        assert_eq!(lines[1]["module"], "readwritesplit");
        assert!(
            lines[1]["message"]
                .as_str()
                .unwrap()
                .starts_with("Route query to primary: ")
        );
    }
    let timestamps: Vec<i64> = all
        .iter()
        .map(|(_, a)| a["unix_timestamp"].as_i64().unwrap())
        .collect();
    assert!(timestamps.windows(2).all(|w| w[0] <= w[1]));
    assert!(all.iter().any(|(_, a)| a.get("session").is_none()));
}

#[test]
fn priority_and_bad_page_sizes() {
    let s = start(MockConfig::default());
    let r = get(&s, &format!("{E}?priority=error,warning,error"));
    let v = r.json();
    assert!(
        v["links"]["self"]
            .as_str()
            .unwrap()
            .ends_with("&priority=error,warning")
    );
    assert!(
        entries(&r)
            .iter()
            .all(|(_, a)| a["priority"] == "error" || a["priority"] == "warning")
    );
    for bad in ["abc", "0", "-1", "1.5", "5x", ""] {
        let before = s.log_len();
        let r = get(&s, &format!("{D}?page[size]={bad}"));
        assert_eq!(r.status, 400);
        assert_eq!(
            r.json()["errors"][0]["detail"],
            format!("Invalid value for 'page[size]': {bad}")
        );
        assert_eq!(s.log_len(), before + 1);
    }
    // Unknown cursor past the end: an empty page.
    let r = get(&s, &format!("{E}?page[cursor]=100000"));
    assert!(entries(&r).is_empty());
}

#[test]
fn routes_exist_from_their_versions() {
    for v in Version::ALL {
        let s = start(MockConfig {
            version: v,
            ..MockConfig::default()
        });
        let e = get(&s, E);
        let d = get(&s, &format!("{D}?priority=info"));
        if v.is_24_02_or_later() {
            assert_eq!(e.status, 200, "{v}");
            assert!(e.json()["data"][0]["attributes"]["unix_timestamp"].is_i64());
        } else {
            assert_eq!((e.status, e.body.len()), (404, 0), "{v}");
        }
        if v >= Version::V6_4 {
            assert_eq!(d.status, 200, "{v}");
            let log = d.json()["data"]["attributes"]["log"].clone();
            for l in log.as_array().unwrap() {
                assert_eq!(l["priority"], "info");
                assert!(l.get("log_source").is_none());
                assert_eq!(
                    l.get("unix_timestamp").is_some(),
                    v.is_24_02_or_later(),
                    "{v}"
                );
            }
        } else {
            assert_eq!((d.status, d.body.len()), (404, 0), "{v}");
        }
    }
}

#[test]
fn the_log_grows_with_deletes_ttl_kills_patches_and_churn() {
    let t0 = 1_800_000_000;
    let s = start(MockConfig {
        sessions: Some(30),
        seed: 1,
        server_time: Some(t0),
        ..MockConfig::default()
    });
    let svc = |id: &str| {
        get(&s, &format!("/v1/sessions/{id}")).json()["data"]["relationships"]["services"]["data"]
            [0]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let quiet: Vec<String> = (1..=30)
        .map(|i| i.to_string())
        .filter(|id| {
            get(&s, &format!("/v1/sessions/{id}")).json()["data"]["attributes"]["parameters"]
                ["log_info"]
                == false
        })
        .collect();
    let (a, b, c, d) = (&quiet[0], &quiet[1], &quiet[2], &quiet[3]);
    let (svc_b, svc_d) = (svc(b), svc(d));
    let since = |n: usize| {
        let r = get(&s, &format!("{E}?page[cursor]={n}&page[size]=1000"));
        entries(&r)
    };
    // DELETE without log_info: nothing.
    let n0 = s.log_len();
    assert_eq!(delete(&s, &format!("/v1/sessions/{a}")).status, 200);
    assert_eq!(s.log_len(), n0);
    // PATCH log_info, then the session's statements and its DELETE are logged.
    log_info_on(&s, b);
    assert_eq!(s.log_statement(b, "SELECT 'B'"), 2);
    assert_eq!(s.log_statement(c, "SELECT 'C'"), 0);
    assert_eq!(delete(&s, &format!("/v1/sessions/{b}")).status, 200);
    let got = since(n0);
    assert_eq!(got.len(), 3);
    assert_eq!(got[0].0, n0.to_string());
    assert_eq!(
        got[0].1["message"],
        "> Autocommit: [enabled], trx is [not open], cmd: (0x3) COM_QUERY, plen: 15, type: sql::TYPE_READ, stmt: SELECT 'B'"
    );
    assert_eq!(got[0].1["object"], svc_b.as_str());
    assert_eq!(got[1].1["message"], "Route query to primary: server1 <");
    let stopped = format!("Stopped {svc_b} client session [{b}]");
    assert_eq!(got[2].1["message"], stopped.as_str());
    assert!(got[2].1.get("object").is_none());
    assert_eq!(got[2].1["session"], b.as_str());
    assert_eq!(got[2].1["priority"], "info");
    assert_eq!(got[2].1["timestamp"], "2027-01-15 08:00:00");
    // ttl kills: the warning even with log_info off, at the time they fall due.
    let n1 = s.log_len();
    log_info_on(&s, d);
    assert_eq!(delete(&s, &format!("/v1/sessions/{c}?ttl=2")).status, 200);
    assert_eq!(delete(&s, &format!("/v1/sessions/{d}?ttl=4")).status, 200);
    assert_eq!(s.log_len(), n1);
    s.advance_clock(Duration::from_secs(3));
    assert_eq!(s.log_len(), n1 + 1);
    s.advance_clock(Duration::from_secs(10));
    let got = since(n1);
    let msgs: Vec<&str> = got
        .iter()
        .map(|(_, a)| a["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        msgs,
        [
            format!("Killing session {c}, session TTL exceeded."),
            format!("Killing session {d}, session TTL exceeded."),
            format!("Stopped {svc_d} client session [{d}]"),
        ]
    );
    assert_eq!(got[0].1["priority"], "warning");
    assert_eq!(got[0].1["session"], c.as_str());
    assert_eq!(got[0].1["unix_timestamp"], t0 + 3);
    assert_eq!(got[1].1["unix_timestamp"], t0 + 5);
    // append_log at the mock's clock.
    let id = s.append_log("error", "two\nlines", Some("7"), Some("mod"), Some("Obj"));
    assert_eq!(id + 1, s.log_len());
    let (gid, a) = since(id).remove(0);
    assert_eq!(gid, id.to_string());
    assert_eq!(a["message"], "two\\nlines");
    assert_eq!(a["unix_timestamp"], t0 + 13);
    assert_eq!(
        (&a["session"], &a["module"], &a["object"]),
        (&Value::from("7"), &Value::from("mod"), &Value::from("Obj"))
    );
}

#[test]
fn real_dataset_kills_log_as_captured() {
    let s = start(MockConfig::default());
    let n = s.log_len();
    assert_eq!(delete(&s, "/v1/sessions/2").status, 200);
    assert_eq!(s.log_len(), n);
    log_info_on(&s, "3");
    assert_eq!(delete(&s, "/v1/sessions/3").status, 200);
    let r = get(&s, &format!("{E}?page[size]=1"));
    assert_eq!(messages(&r), ["Stopped RW-Split-Router client session [3]"]);
    assert_eq!(entries(&r)[0].0, n.to_string());
}

#[test]
fn churn_closes_are_logged_for_sessions_with_log_info() {
    let s = start(MockConfig {
        sessions: Some(5),
        churn: true,
        ..MockConfig::default()
    });
    for id in 1..=3 {
        log_info_on(&s, &id.to_string());
    }
    let n = s.log_len();
    get(&s, "/v1/sessions");
    get(&s, "/v1/sessions"); // closes session 1
    let r = get(&s, &format!("{E}?page[cursor]={n}"));
    let m = messages(&r);
    assert_eq!(m.len(), 2);
    assert_eq!(
        m[0],
        "> Autocommit: [enabled], trx is [not open], cmd: (0x1) COM_QUIT, plen: 5, type: N/A, stmt:"
    );
    assert!(m[1].starts_with("Stopped ") && m[1].ends_with(" client session [1]"));
}

#[test]
fn evil_logs_carry_hostile_strings_with_escaped_newlines() {
    let s = start(MockConfig {
        evil: true,
        log_lines: Some(500),
        ..MockConfig::default()
    });
    let r = get(&s, &format!("{E}?page[cursor]=0&page[size]=500"));
    let all = messages(&r);
    assert!(all.iter().all(|m| !m.contains('\n')));
    assert!(
        all.iter()
            .any(|m| m.contains("\\nmxs: error: fake error line"))
    );
    assert!(all.iter().any(|m| m.contains('\u{1b}')));
    assert!(all.iter().any(|m| m.contains('\u{202e}')));
}
