//! HTTPS for real: a throwaway CA and certificates made at run time, the mock serving TLS.

use mxs_mock::pki::TestPki;

use crate::util::*;

struct Tls {
    server: MockServer,
    dir: tempfile::TempDir,
}

impl Tls {
    fn new(client_auth: bool) -> Tls {
        let pki = TestPki::generate();
        let dir = tempfile::tempdir().unwrap();
        pki.write_to(dir.path()).unwrap();
        let server = start(MockConfig {
            tls: Some(pki.tls_files(client_auth)),
            ..MockConfig::default()
        });
        Tls { server, dir }
    }

    fn file(&self, name: &str) -> String {
        self.dir.path().join(name).to_string_lossy().into_owned()
    }
}

#[test]
fn https_with_the_ca_works_without_system_roots() {
    let t = Tls::new(false);
    assert!(t.server.endpoint().starts_with("https://"));
    let run = mxs(&[
        "sessions",
        "list",
        "--tsv",
        "--tls-ca-cert",
        &t.file("ca.pem"),
    ])
    .hosts(&t.server)
    .env("SSL_CERT_FILE", "/nonexistent/ca.pem")
    .env("SSL_CERT_DIR", "/nonexistent")
    .run();
    run.ok();
    assert_eq!(run.stdout.lines().count(), 3);
    // --secure with host:port is the same
    let port = t.server.addr().port();
    let run = mxs(&[
        "-s",
        "-H",
        &format!("127.0.0.1:{port}"),
        "--tls-ca-cert",
        &t.file("ca.pem"),
        "sessions",
        "list",
    ])
    .run();
    run.ok();
}

#[test]
fn unknown_certificate_is_a_clear_tls_error() {
    let t = Tls::new(false);
    // no handshake succeeds: no request is read
    t.server.expect(Expect::Nothing);
    let run = mxs(&["sessions", "list"])
        .hosts(&t.server)
        .env("SSL_CERT_FILE", "/nonexistent/ca.pem")
        .env("SSL_CERT_DIR", "/nonexistent")
        .run();
    run.code(3).clean().one_error();
    // a CA that did not sign the server's certificate
    let other = TestPki::generate();
    let dir = tempfile::tempdir().unwrap();
    other.write_to(dir.path()).unwrap();
    let ca = dir.path().join("ca.pem");
    let run = mxs(&["sessions", "list", "--tls-ca-cert", ca.to_str().unwrap()])
        .hosts(&t.server)
        .run();
    run.code(3)
        .clean()
        .one_error()
        .stderr_has("TLS handshake failed")
        .stderr_has("certificate");
}

#[test]
fn verification_can_be_disabled_with_a_warning() {
    let t = Tls::new(false);
    let run = mxs(&["sessions", "list", "--tls-verify-server-cert=false"])
        .hosts(&t.server)
        .run();
    run.ok().stderr_has("warning").stderr_has("not checked");
}

#[test]
fn client_certificates_are_sent_when_asked() {
    let t = Tls::new(true);
    let ca = t.file("ca.pem");
    // the mock asks for a certificate but lets anonymous clients in: nothing is sent unasked-for
    mxs(&["sessions", "list", "--tls-ca-cert", &ca])
        .hosts(&t.server)
        .run()
        .ok();
    assert!(!t.server.requests()[0].client_cert);
    let run = mxs(&[
        "sessions",
        "list",
        "--tls-ca-cert",
        &ca,
        "--tls-cert",
        &t.file("client.pem"),
        "--tls-key",
        &t.file("client.key"),
    ])
    .hosts(&t.server)
    .run();
    run.ok();
    assert!(t.server.requests().iter().any(|r| r.client_cert));
}

#[test]
fn https_client_against_plain_http_and_back() {
    let server = real();
    // the handshakes fail: no request is read
    server.expect(Expect::Nothing);
    let port = server.addr().port();
    let run = mxs(&[
        "-H",
        &format!("https://127.0.0.1:{port}"),
        "--tls-verify-server-cert=false",
        "sessions",
        "list",
    ])
    .run();
    run.code(3).clean().one_error().stderr_has("TLS");
    let t = Tls::new(false);
    let run = mxs(&[
        "-H",
        &format!("127.0.0.1:{}", t.server.addr().port()),
        "sessions",
        "list",
    ])
    .run();
    run.code(3).clean().one_error().stderr_has("--secure");
    t.server.expect(Expect::Nothing);
}

#[test]
fn bad_tls_files_are_named() {
    let t = Tls::new(false);
    t.server.expect(Expect::Nothing);
    let run = mxs(&["sessions", "list", "--tls-ca-cert", "/nonexistent/ca.pem"])
        .hosts(&t.server)
        .run();
    run.code(2)
        .one_error()
        .stderr_has("--tls-ca-cert /nonexistent/ca.pem");
    let run = mxs(&["sessions", "list", "--tls-ca-cert", &t.file("server.key")])
        .hosts(&t.server)
        .run();
    run.code(2).one_error().stderr_has("no PEM certificate");
}
