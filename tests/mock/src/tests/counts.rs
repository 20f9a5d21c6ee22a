//! The cheap counts (`maxscale/threads`, `services`) and the list cost model.

use super::*;

fn threads_sessions(server: &MockServer) -> Vec<Option<u64>> {
    get(server, "/v1/maxscale/threads?pretty=false").json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["attributes"]["stats"]["sessions"].as_u64())
        .collect()
}

fn service_connections(server: &MockServer) -> Vec<(String, u64)> {
    get(server, "/v1/services").json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["attributes"]["connections"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn threads_count_sessions_from_22_08_and_services_always() {
    for v in Version::ALL {
        let s = start(MockConfig {
            version: v,
            ..MockConfig::default()
        });
        let live = s.session_ids().len() as u64;
        let per_thread = threads_sessions(&s);
        assert_eq!(per_thread.len(), 2, "{v}");
        if v >= Version::V22_08 {
            assert_eq!(
                per_thread.iter().map(|n| n.unwrap()).sum::<u64>(),
                live,
                "{v}"
            );
        } else {
            assert!(
                per_thread.iter().all(Option::is_none),
                "{v}: no sessions before 22.08.2"
            );
        }
        let services = service_connections(&s);
        assert!(!services.is_empty(), "{v}");
        assert_eq!(services.iter().map(|(_, n)| n).sum::<u64>(), live, "{v}");
    }
}

#[test]
fn counts_follow_kills_and_churn() {
    let s = start(MockConfig {
        sessions: Some(1001),
        churn: true,
        ..MockConfig::default()
    });
    assert_eq!(threads_sessions(&s), [Some(501), Some(500)]);
    let delete = format!(
        "DELETE /v1/sessions/1 HTTP/1.1\r\nHost: 127.0.0.1:8989\r\n{}\r\n",
        auth()
    );
    assert_eq!(parse_http(&raw_request(s.addr(), &delete)).status, 200);
    assert_eq!(threads_sessions(&s), [Some(500), Some(500)]);
    // two lists: the second closes one and opens one
    get(&s, "/v1/sessions");
    get(&s, "/v1/sessions");
    let total: u64 = service_connections(&s).iter().map(|(_, n)| n).sum();
    assert_eq!(total, 1000);
    assert_eq!(s.session_ids().len(), 1000);
}

#[test]
fn a_list_costs_its_sessions_and_is_counted() {
    let s = start(MockConfig {
        list_cost_us: 1000,
        ..MockConfig::default()
    });
    assert_eq!(s.list_stats(), (0, Duration::ZERO));
    get(&s, "/v1/sessions?pretty=false");
    get(&s, "/v1/sessions/1");
    get(&s, "/v1/maxscale/threads");
    // 3 sessions at 1 ms: only the list paid
    assert_eq!(s.list_stats(), (1, Duration::from_millis(3)));
}
