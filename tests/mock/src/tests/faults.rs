//! End-to-end tests of fault modes, latency, credentials and TLS.

use super::{Resp, auth, get, parse_http, raw_request, start};
use crate::pki::TestPki;
use crate::util::base64_encode;
use crate::{Fault, MockConfig, MockServer};
use serde_json::Value;
use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn faulty(f: Fault) -> MockServer {
    start(MockConfig {
        fault: Some(f),
        ..MockConfig::default()
    })
}

#[test]
fn simple_fault_modes() {
    let r = get(&faulty(Fault::Status(503)), "/v1/sessions");
    assert_eq!(r.status, 503);
    assert!(r.json()["errors"][0]["detail"].is_string());
    let s = faulty(Fault::Status(500));
    let none = "GET /v1/sessions HTTP/1.1\r\nHost: h\r\n\r\n";
    assert_eq!(
        parse_http(&raw_request(s.addr(), none)).status,
        401,
        "auth first"
    );
    assert_eq!(
        get(&s, "/v1/").status,
        200,
        "only sessions endpoints misbehave"
    );
    let r = get(&faulty(Fault::Html502), "/v1/sessions/1");
    assert_eq!(
        (r.status, r.header("Content-Type")),
        (502, Some("text/html"))
    );
    assert!(String::from_utf8_lossy(&r.body).contains("<html>"));
    let r = get(&faulty(Fault::InvalidJson), "/v1/sessions");
    assert_eq!(r.status, 200);
    assert!(serde_json::from_slice::<Value>(&r.body).is_err());
    let r = get(&faulty(Fault::Empty), "/v1/sessions");
    assert_eq!(
        (r.status, r.header("Content-Length"), r.body.len()),
        (200, Some("0"), 0)
    );
    assert_eq!(
        get(&faulty(Fault::DataString), "/v1/sessions").json()["data"],
        "oops"
    );
    let v = get(&faulty(Fault::NumericIds), "/v1/sessions").json();
    assert!(v["data"][0]["id"].is_u64());
    assert!(get(&faulty(Fault::NumericIds), "/v1/sessions/1").json()["data"]["id"].is_u64());
    let v = get(&faulty(Fault::NoAttributes), "/v1/sessions").json();
    assert!(
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r.get("attributes").is_none())
    );
    let r = get(&faulty(Fault::DeepNesting), "/v1/sessions");
    assert!(r.body.len() > 200_000 && r.body.starts_with(b"{\"data\":[[[["));
    let r = get(&faulty(Fault::InvalidUtf8), "/v1/sessions");
    assert!(std::str::from_utf8(&r.body).is_err());
    assert!(r.body.windows(2).any(|w| w == [0xff, 0xfe]));
    let r = get(&faulty(Fault::Redirect), "/v1/sessions");
    assert_eq!(r.status, 302);
    assert_eq!(
        r.header("Location"),
        Some("http://other.invalid:8989/v1/sessions")
    );
    let r = get(&faulty(Fault::NotJsonContentType), "/v1/sessions");
    assert_eq!(r.header("Content-Type"), Some("text/plain"));
    assert!(r.json()["data"].is_array());
    let r = get(&faulty(Fault::Truncated), "/v1/sessions");
    let declared: usize = r.header("Content-Length").unwrap().parse().unwrap();
    assert!(r.body.len() < declared);
    let r = get(&faulty(Fault::Huge { mb: 2 }), "/v1/sessions");
    assert_eq!(r.body.len(), 2 << 20);
    assert_eq!(r.header("Content-Length"), Some("2097152"));
    assert!(r.json()["data"].as_array().unwrap().len() > 100);
    let r = get(&faulty(Fault::HugeString { mb: 2 }), "/v1/sessions");
    assert_eq!(r.header("Content-Length"), None);
    let user = r.json()["data"][0]["attributes"]["user"]
        .as_str()
        .unwrap()
        .len();
    assert_eq!(user, 2 << 20);
    let r = get(&faulty(Fault::HugeHeaders { mb: 2 }), "/v1/sessions");
    assert!(r.headers.len() > 2000, "{}", r.headers.len());
    assert_eq!(r.json()["data"], serde_json::json!([]));
}

fn send_get(addr: SocketAddr) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    let req = format!("GET /v1/sessions HTTP/1.1\r\nHost: h\r\n{}\r\n", auth());
    s.write_all(req.as_bytes()).unwrap();
    s
}

#[test]
fn hang_reset_and_slow() {
    let server = faulty(Fault::Hang);
    let mut s = send_get(server.addr());
    s.set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let mut buf = [0u8; 16];
    let e = s.read(&mut buf).unwrap_err();
    assert!(matches!(
        e.kind(),
        ErrorKind::WouldBlock | ErrorKind::TimedOut
    ));
    // drop does not wait for the hung connection: it closes it
    drop(server);
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    assert!(
        matches!(s.read(&mut buf), Ok(0) | Err(_)),
        "connection closed by drop"
    );

    let server = faulty(Fault::Reset);
    let mut s = send_get(server.addr());
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut out = Vec::new();
    let e = s.read_to_end(&mut out).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ConnectionReset);

    let server = faulty(Fault::Slow);
    let mut s = send_get(server.addr());
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let t = Instant::now();
    let mut got = Vec::new();
    while got.len() < 48 {
        let n = s.read(&mut buf).unwrap();
        assert!(n > 0);
        got.extend_from_slice(&buf[..n]);
    }
    assert!(got.starts_with(b"HTTP/1.1 200 OK\r\n"));
    assert!(
        t.elapsed() >= Duration::from_millis(200),
        "slow: {:?}",
        t.elapsed()
    );
    drop(server);
}

#[test]
fn latency_and_credentials() {
    let s = start(MockConfig {
        latency: Duration::from_millis(150),
        user: "bob".into(),
        password: "secret".into(),
        ..MockConfig::default()
    });
    let t = Instant::now();
    let req = format!(
        "GET /v1/sessions HTTP/1.1\r\nHost: h\r\nAuthorization: Basic {}\r\n\r\n",
        base64_encode(b"bob:secret")
    );
    assert_eq!(parse_http(&raw_request(s.addr(), &req)).status, 200);
    assert!(t.elapsed() >= Duration::from_millis(150));
    assert_eq!(get(&s, "/v1/sessions").status, 401);
}

fn tls_get(server: &MockServer, pki: &TestPki, with_client_cert: bool) -> Resp {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(CertificateDer::from_pem_slice(pki.ca_pem.as_bytes()).unwrap())
        .unwrap();
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots);
    let config = if with_client_cert {
        let cert = CertificateDer::from_pem_slice(pki.client_cert_pem.as_bytes()).unwrap();
        let key = PrivateKeyDer::from_pem_slice(pki.client_key_pem.as_bytes()).unwrap();
        builder.with_client_auth_cert(vec![cert], key).unwrap()
    } else {
        builder.with_no_client_auth()
    };
    let name = ServerName::try_from("127.0.0.1").unwrap();
    let conn = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
    let tcp = TcpStream::connect(server.addr()).unwrap();
    let mut tls = rustls::StreamOwned::new(conn, tcp);
    let req = format!(
        "GET /v1/sessions/1 HTTP/1.1\r\nHost: 127.0.0.1:8989\r\n{}\r\n",
        auth()
    );
    tls.write_all(req.as_bytes()).unwrap();
    let mut out = Vec::new();
    tls.read_to_end(&mut out).unwrap();
    parse_http(&out)
}

#[test]
fn tls_with_and_without_client_certificates() {
    let pki = TestPki::generate();
    let dir = std::env::temp_dir().join(format!("mxs-mock-pki-{}", std::process::id()));
    pki.write_to(&dir).unwrap();
    assert!(dir.join("server.key").exists());
    let _ = std::fs::remove_dir_all(&dir);

    let plain_tls = start(MockConfig {
        tls: Some(pki.tls_files(false)),
        ..MockConfig::default()
    });
    assert!(plain_tls.endpoint().starts_with("https://127.0.0.1:"));
    let r = tls_get(&plain_tls, &pki, false);
    assert_eq!(r.status, 200);
    assert_eq!(
        r.json()["links"]["self"],
        "https://127.0.0.1:8989/v1/sessions/1/"
    );
    assert!(!plain_tls.requests()[0].client_cert);

    let mtls = start(MockConfig {
        tls: Some(pki.tls_files(true)),
        ..MockConfig::default()
    });
    assert_eq!(tls_get(&mtls, &pki, true).status, 200);
    assert_eq!(tls_get(&mtls, &pki, false).status, 200);
    let reqs = mtls.requests();
    assert!(reqs[0].client_cert);
    assert!(!reqs[1].client_cert);

    let bad = MockServer::start(MockConfig {
        tls: Some(crate::TlsFiles {
            cert_pem: b"nope".to_vec(),
            key_pem: b"nope".to_vec(),
            client_ca_pem: None,
        }),
        ..MockConfig::default()
    });
    assert!(bad.is_err());
}

/// No answer within a while: the read times out (the server holds the connection).
fn unanswered(s: &mut TcpStream) -> bool {
    s.set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let mut buf = [0u8; 16];
    matches!(
        s.read(&mut buf).map_err(|e| e.kind()),
        Err(ErrorKind::WouldBlock | ErrorKind::TimedOut)
    )
}

fn send(addr: SocketAddr, method: &str, target: &str) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    let req = format!("{method} {target} HTTP/1.1\r\nHost: h\r\n{}\r\n", auth());
    s.write_all(req.as_bytes()).unwrap();
    s
}

#[test]
fn stall_holds_every_endpoint_and_can_be_turned_on_and_off() {
    let server = faulty(Fault::Stall);
    for (method, target) in [
        ("GET", "/v1/maxscale"),
        ("GET", "/v1/sessions/1"),
        ("GET", "/v1/maxscale/logs/entries"),
        ("DELETE", "/v1/sessions/1"),
        ("GET", "/nowhere"),
    ] {
        assert!(
            unanswered(&mut send(server.addr(), method, target)),
            "{method} {target}"
        );
    }
    assert_eq!(server.requests().len(), 5, "read and recorded");
    assert!(server.writes().is_empty(), "nothing is done");
    assert_eq!(server.session_ids().len(), 3);
    server.stall(false);
    assert_eq!(get(&server, "/v1/maxscale").status, 200);
    let plain = start(MockConfig::default());
    assert_eq!(get(&plain, "/v1/sessions").status, 200);
    plain.stall(true);
    assert!(unanswered(&mut send(plain.addr(), "GET", "/v1/sessions")));
}

#[test]
fn write_faults_do_the_write_and_withhold_the_answer() {
    use crate::WriteFault;
    let with = |f| {
        start(MockConfig {
            write_fault: Some(f),
            ..MockConfig::default()
        })
    };
    let server = with(WriteFault::Hang);
    assert!(unanswered(&mut send(
        server.addr(),
        "DELETE",
        "/v1/sessions/2"
    )));
    assert!(unanswered(&mut send(
        server.addr(),
        "POST",
        "/v1/sessions/3/restart"
    )));
    assert!(!server.session_ids().contains(&"2".to_string()), "killed");
    assert_eq!(server.writes().len(), 2);
    assert_eq!(get(&server, "/v1/sessions/1").status, 200, "reads answered");

    let server = with(WriteFault::Reset);
    let mut s = send(server.addr(), "DELETE", "/v1/sessions/2");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut out = Vec::new();
    assert_eq!(
        s.read_to_end(&mut out).unwrap_err().kind(),
        ErrorKind::ConnectionReset
    );
    assert!(!server.session_ids().contains(&"2".to_string()), "killed");

    let server = with(WriteFault::Slow);
    let mut s = send(server.addr(), "DELETE", "/v1/sessions/2");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    assert_eq!(parse_http(&out).status, 200, "the whole answer, in the end");
}

#[test]
fn expectations_are_checked_when_the_server_is_dropped() {
    use crate::Expect;
    let met = start(MockConfig::default());
    met.expect_requests(&["GET /v1/maxscale", "GET /v1/sessions/1"]);
    get(&met, "/v1/maxscale");
    get(&met, "/v1/sessions");
    get(&met, "/v1/sessions/1");
    drop(met);
    for (expect, paths) in [
        (Expect::Some, &[][..]),
        (Expect::Nothing, &["/v1/sessions"][..]),
        (
            Expect::These(vec!["GET /v1/sessions/1".into(), "GET /v1/maxscale".into()]),
            &["/v1/maxscale", "/v1/sessions/1"],
        ),
    ] {
        let server = start(MockConfig::default());
        server.expect(expect.clone());
        for p in paths {
            get(&server, p);
        }
        let dropped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| drop(server)));
        let message = dropped.expect_err("an unmet expectation fails");
        let text = message
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_default();
        assert!(
            text.starts_with("mxs-mock 127.0.0.1:"),
            "{expect:?}: {text}"
        );
    }
}
