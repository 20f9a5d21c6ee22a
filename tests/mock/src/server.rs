//! The listener: accept loop, one thread per connection (keep-alive where MaxScale keeps the
//! connection), TLS, request and write recording and shutdown.

use crate::config::{Fault, MockConfig, TlsFiles, WriteFault};
use crate::fault::{self, Action};
use crate::handler::State;
use crate::http::{Body, Conn, Framing, ReadError, Request, Response, read_body, read_head};
use crate::util::{base64_encode, http_date, now_secs};
use serde_json::Value;
use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One request as the server received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// Method, e.g. `GET`.
    pub method: String,
    /// Path, not decoded, without the query.
    pub path: String,
    /// Raw query string.
    pub query: Option<String>,
    /// Headers in order.
    pub headers: Vec<(String, String)>,
    /// The body (decoded if it was chunked; empty if it was refused unread).
    pub body: Vec<u8>,
    /// Did the TLS client present a verified certificate?
    pub client_cert: bool,
}

impl RecordedRequest {
    /// First header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One write request (POST, PUT, PATCH or DELETE, after `X-HTTP-Method-Override`) and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteRecord {
    /// Method as sent, e.g. `DELETE`.
    pub method: String,
    /// Path, not decoded, without the query, e.g. `/v1/sessions/3`.
    pub path: String,
    /// Raw query string, e.g. `ttl=5`.
    pub query: Option<String>,
    /// The body as sent (decoded if it was chunked; empty if the request was refused before
    /// its body was read).
    pub body: Vec<u8>,
    /// The account that made it (a Basic-auth name as presented, even with a wrong password,
    /// or a token's subject); `None` without credentials, and for a body over the size bound
    /// (refused before the credentials are looked at).
    pub user: Option<String>,
    /// The status answered.
    pub status: u16,
}

impl WriteRecord {
    /// The body as text (invalid UTF-8 replaced).
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as JSON, if it is JSON.
    pub fn body_json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The first value of a query parameter, percent-decoded (`+` is a space).
    pub fn query_param(&self, name: &str) -> Option<String> {
        crate::query::pairs(self.query.as_deref().unwrap_or(""))
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }

    /// The record as one JSON object: method, path, query, user, status and body (a string, or
    /// `body_base64` when it is not UTF-8).
    pub fn to_json(&self) -> Value {
        let mut m = serde_json::Map::new();
        m.insert("method".into(), self.method.clone().into());
        m.insert("path".into(), self.path.clone().into());
        m.insert("query".into(), self.query.clone().into());
        m.insert("user".into(), self.user.clone().into());
        m.insert("status".into(), self.status.into());
        match std::str::from_utf8(&self.body) {
            Ok(text) => m.insert("body".into(), text.into()),
            Err(_) => m.insert("body_base64".into(), base64_encode(&self.body).into()),
        };
        Value::Object(m)
    }
}

/// Per-listener control block shared with the connection threads.
struct Control {
    stopped: AtomicBool,
    lock: Mutex<()>,
    wake: Condvar,
    conns: Mutex<HashMap<u64, TcpStream>>,
    next_id: AtomicU64,
    requests: Mutex<Vec<RecordedRequest>>,
    /// Notified at every request recorded.
    arrived: Condvar,
    writes: Mutex<Vec<WriteRecord>>,
    /// Every request is read, recorded and never answered ([`Fault::Stall`]).
    stalled: AtomicBool,
    /// What the test expects to have arrived when the server is dropped.
    expect: Mutex<Expect>,
}

/// The requests a test expects a [`MockServer`] to receive, checked when it is dropped (unless
/// the test is already failing): a test that passes without talking to its server, or without
/// sending what it is about, fails.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Expect {
    /// Nothing is checked (the binary, benchmarks): the default of [`MockServer::start`].
    #[default]
    Unchecked,
    /// At least one request.
    Some,
    /// No request at all.
    Nothing,
    /// Each of these, in this order (others may come between): `METHOD /path`, the path as
    /// sent, without the query.
    These(Vec<String>),
}

impl Expect {
    /// What is missing from `requests`, or `None` when they meet the expectation.
    fn unmet(&self, requests: &[RecordedRequest]) -> Option<String> {
        match self {
            Expect::Unchecked => None,
            Expect::Some if requests.is_empty() => Some("no request arrived".into()),
            Expect::Nothing if !requests.is_empty() => Some(format!(
                "no request was expected, but {} arrived: {}",
                requests.len(),
                shown(requests)
            )),
            Expect::These(wanted) => {
                let mut got = requests.iter().map(|r| format!("{} {}", r.method, r.path));
                let missing: Vec<&String> = wanted
                    .iter()
                    .skip_while(|w| got.any(|g| &g == *w))
                    .collect();
                (!missing.is_empty()).then(|| {
                    format!(
                        "expected {missing:?} (in order), received: {}",
                        shown(requests)
                    )
                })
            }
            _ => None,
        }
    }
}

fn shown(requests: &[RecordedRequest]) -> String {
    requests
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Control {
    /// Sleep up to `d`; true if the server stopped meanwhile.
    fn wait(&self, d: Duration) -> bool {
        let guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        if self.stopped.load(Ordering::SeqCst) {
            return true;
        }
        let _g = self
            .wake
            .wait_timeout_while(guard, d, |_| !self.stopped.load(Ordering::SeqCst))
            .unwrap_or_else(|e| e.into_inner());
        self.stopped.load(Ordering::SeqCst)
    }

    /// Block until the server stops.
    fn wait_forever(&self) {
        let guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let _g = self
            .wake
            .wait_while(guard, |_| !self.stopped.load(Ordering::SeqCst))
            .unwrap_or_else(|e| e.into_inner());
    }
}

/// A running mock server; it stops (and unblocks its threads) when dropped.
pub struct MockServer {
    addr: SocketAddr,
    tls: bool,
    control: Arc<Control>,
    state: Arc<State>,
    accept: Option<JoinHandle<()>>,
}

fn build_tls(files: &TlsFiles) -> io::Result<Arc<rustls::ServerConfig>> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let bad = |what: &str, e: &dyn std::fmt::Display| {
        io::Error::new(io::ErrorKind::InvalidInput, format!("{what}: {e}"))
    };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let certs = CertificateDer::pem_slice_iter(&files.cert_pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad("invalid TLS certificate PEM", &e))?;
    if certs.is_empty() {
        return Err(bad("invalid TLS certificate PEM", &"no certificate found"));
    }
    let key = PrivateKeyDer::from_pem_slice(&files.key_pem)
        .map_err(|e| bad("invalid TLS key PEM", &e))?;
    let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| bad("TLS setup failed", &e))?;
    let builder = match &files.client_ca_pem {
        Some(ca) => {
            let mut roots = rustls::RootCertStore::empty();
            for c in CertificateDer::pem_slice_iter(ca) {
                let c = c.map_err(|e| bad("invalid client CA PEM", &e))?;
                roots
                    .add(c)
                    .map_err(|e| bad("invalid client CA certificate", &e))?;
            }
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
                Arc::new(roots),
                provider,
            )
            .allow_unauthenticated()
            .build()
            .map_err(|e| bad("invalid client CA", &e))?;
            builder.with_client_cert_verifier(verifier)
        }
        None => builder.with_no_client_auth(),
    };
    let config = builder
        .with_single_cert(certs, key)
        .map_err(|e| bad("TLS certificate/key rejected", &e))?;
    Ok(Arc::new(config))
}

impl MockServer {
    /// Bind `config.bind:config.port` (default 127.0.0.1:0) and start serving; returns once listening.
    pub fn start(config: MockConfig) -> io::Result<MockServer> {
        Ok(MockServer::start_many(config, 1)?.remove(0))
    }

    /// Start `n` independent listeners (ports `config.port`, or ephemeral) sharing one dataset.
    pub fn start_many(config: MockConfig, n: usize) -> io::Result<Vec<MockServer>> {
        if !config.bind.is_loopback() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "refusing to bind {}: only loopback addresses are allowed",
                    config.bind
                ),
            ));
        }
        let tls = config.tls.as_ref().map(build_tls).transpose()?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        if config.max_body == 0 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "max_body must be > 0",
            ));
        }
        let state = Arc::new(State::new(config.clone(), scheme)?);
        let mut servers = Vec::with_capacity(n);
        for i in 0..n.max(1) {
            let port = if config.port != 0 && i > 0 {
                config.port.saturating_add(i as u16)
            } else {
                config.port
            };
            let listener = TcpListener::bind((config.bind, port))?;
            let addr = listener.local_addr()?;
            let control = Arc::new(Control {
                stopped: AtomicBool::new(false),
                lock: Mutex::new(()),
                wake: Condvar::new(),
                conns: Mutex::new(HashMap::new()),
                next_id: AtomicU64::new(0),
                requests: Mutex::new(Vec::new()),
                arrived: Condvar::new(),
                writes: Mutex::new(Vec::new()),
                stalled: AtomicBool::new(config.fault == Some(Fault::Stall)),
                expect: Mutex::new(Expect::Unchecked),
            });
            let (st, ctl, tls) = (state.clone(), control.clone(), tls.clone());
            let accept = std::thread::Builder::new()
                .name(format!("mxs-mock-accept-{}", addr.port()))
                .spawn(move || accept_loop(listener, st, ctl, tls, addr))?;
            servers.push(MockServer {
                addr,
                tls: scheme == "https",
                control,
                state: state.clone(),
                accept: Some(accept),
            });
        }
        Ok(servers)
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `127.0.0.1:PORT`, or `https://127.0.0.1:PORT` with TLS.
    pub fn endpoint(&self) -> String {
        if self.tls {
            format!("https://{}", self.addr)
        } else {
            self.addr.to_string()
        }
    }

    /// The requests received so far, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.control
            .requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Waits until the requests received so far satisfy `ready`, at most `timeout`; false if
    /// they never did.
    pub fn wait_requests(
        &self,
        timeout: Duration,
        ready: impl Fn(&[RecordedRequest]) -> bool,
    ) -> bool {
        let guard = self
            .control
            .requests
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let (guard, _) = self
            .control
            .arrived
            .wait_timeout_while(guard, timeout, |r| !ready(r))
            .unwrap_or_else(|e| e.into_inner());
        ready(&guard)
    }

    /// The write requests received so far (POST, PUT, PATCH, DELETE, whatever their answer),
    /// oldest first; reads are not in it.
    pub fn writes(&self) -> Vec<WriteRecord> {
        self.control
            .writes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The lists that paid `--list-cost-us` (all listeners), and the time they cost.
    pub fn list_stats(&self) -> (u64, Duration) {
        self.state.list_stats()
    }

    /// The ids of the live sessions, in list order (ttl kills that are due applied).
    pub fn session_ids(&self) -> Vec<String> {
        self.state.overlay().live_ids(&self.state.dataset)
    }

    /// Move the mock's clock forward by `d`: ttl kills that fall due meanwhile happen at once
    /// (a `DELETE ...?ttl=N` kills after N+1 s). Shared by listeners started together.
    pub fn advance_clock(&self, d: Duration) {
        self.state.live.advance(d);
    }

    /// Append a line to the log at the mock's current time (`server_time`, else the real clock,
    /// plus `advance_clock`), as MaxScale would write it (newlines become the two characters `\n`); returns its
    /// id. `priority` is a maxlog word (`error`, `warning`, `notice`, `info`, ...). Shared by
    /// listeners started together.
    pub fn append_log(
        &self,
        priority: &str,
        message: &str,
        session: Option<&str>,
        module: Option<&str>,
        object: Option<&str>,
    ) -> usize {
        self.state
            .log_append(priority, message, session, module, object)
    }

    /// The session `id` ran `sql`: if its `log_info` is on (e.g. after a PATCH), the two
    /// per-statement info lines MaxScale writes (`> Autocommit: ... stmt: SQL` with the service
    /// as object, `Route query to primary: server1 <`) are appended. Returns how many lines were
    /// written (0 or 2).
    pub fn log_statement(&self, id: &str, sql: &str) -> usize {
        self.state.log_statement(id, sql)
    }

    /// Number of log lines, i.e. the id the next line gets (due ttl kills logged first).
    pub fn log_len(&self) -> usize {
        self.state.log_len()
    }

    /// MaxScale restarts: a second passes on the mock's clock, then every session closes and
    /// the dataset's sessions connect again under their ids (counted from 1 again), connected
    /// now; writes and churn are forgotten, and `GET /v1/maxscale` has the new `started_at`
    /// (and `activated_at`, `uptime`). Shared by listeners started together.
    pub fn restart(&self) {
        self.state.live.advance(Duration::from_secs(1));
        let now = self.state.elapsed_ms();
        self.state
            .live
            .update(|o| o.restart(&self.state.dataset, now));
    }

    /// The session `id` closes and another client connects under the same id, now (on the
    /// mock's clock: its connection time is now, its statements are none yet): an id reused
    /// between a client's read and its write.
    pub fn replace_session(&self, id: &str) {
        let now = self.state.elapsed_ms();
        self.state.live.update(|o| o.replace(id, now));
    }

    /// From now on every request to this listener is read, recorded and never answered (or,
    /// with `false`, answered again; connections already stalled stay so).
    pub fn stall(&self, on: bool) {
        self.control.stalled.store(on, Ordering::SeqCst);
    }

    /// What the test expects this server to have received when it is dropped; a failing check
    /// panics (unless the thread is already panicking).
    pub fn expect(&self, expect: Expect) {
        *self
            .control
            .expect
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = expect;
    }

    /// Expects these requests, in order: each `METHOD /path` (see [`Expect::These`]).
    pub fn expect_requests(&self, wanted: &[&str]) {
        self.expect(Expect::These(
            wanted.iter().map(|w| (*w).to_string()).collect(),
        ));
    }

    /// A token for an account (the admin or the read-only one), as `GET /v1/auth` gives, for
    /// `Authorization: Bearer`; `None` for an unknown user.
    pub fn token(&self, user: &str) -> Option<String> {
        self.state.token(user, 28800)
    }

    /// Every SQL API connection opened so far (`POST /v1/sql`), oldest first, with whether it
    /// was closed (`DELETE /v1/sql/:id`) and the SQL it ran. Shared by listeners started
    /// together.
    pub fn sql_connections(&self) -> Vec<crate::sql::SqlRecord> {
        self.state.sql.records()
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        let unmet = self
            .control
            .expect
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .unmet(&self.requests());
        {
            let _g = self.control.lock.lock().unwrap_or_else(|e| e.into_inner());
            self.control.stopped.store(true, Ordering::SeqCst);
            self.control.wake.notify_all();
        }
        self.state.sql.stop();
        for s in self
            .control
            .conns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
        {
            let _ = s.shutdown(Shutdown::Both);
        }
        // Wake the blocking accept().
        let woke = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1)).is_ok();
        if let Some(h) = self.accept.take()
            && woke
        {
            let _ = h.join();
        }
        if let Some(unmet) = unmet
            && !std::thread::panicking()
        {
            panic!("mxs-mock {}: {unmet}", self.addr);
        }
    }
}

fn accept_loop(
    listener: TcpListener,
    state: Arc<State>,
    control: Arc<Control>,
    tls: Option<Arc<rustls::ServerConfig>>,
    addr: SocketAddr,
) {
    for stream in listener.incoming() {
        if control.stopped.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let id = control.next_id.fetch_add(1, Ordering::SeqCst);
        if let Ok(clone) = stream.try_clone() {
            control
                .conns
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(id, clone);
        }
        let (st, ctl, tls) = (state.clone(), control.clone(), tls.clone());
        // Room for jansson's 2048 levels of nesting in request bodies.
        let spawned = std::thread::Builder::new()
            .name("mxs-mock-conn".into())
            .stack_size(8 << 20)
            .spawn(move || {
                let _ = serve(stream, &st, &ctl, tls, addr);
                ctl.conns
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .remove(&id);
            });
        if spawned.is_err() {
            control
                .conns
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&id);
        }
    }
}

/// A response of the mock itself (not MaxScale's): `status` with an errors body, then close.
fn mock_error(status: u16, detail: &str) -> Response {
    let body = serde_json::json!({"errors": [{"detail": detail}]});
    Response {
        status,
        headers: vec![
            ("Date".into(), http_date(now_secs(), false)),
            ("Connection".into(), "close".into()),
            ("Content-Type".into(), "application/json".into()),
        ],
        body: Body::Bytes(crate::json::to_vec(&body, crate::json::Style::Pretty, "")),
    }
}

/// Answer and close: send `resp`, end our side, then read what the client still sends for a
/// while (so that closing with unread data does not reset the connection before it reads the
/// answer).
fn answer_and_close(conn: &mut Conn, resp: &Response) -> io::Result<()> {
    resp.write_to(conn, true)?;
    conn.finish();
    let _ = conn
        .tcp()
        .set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 8192];
    let mut left: usize = 64 << 20;
    while left > 0 {
        match conn.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
    Ok(())
}

impl Control {
    fn record_request(&self, req: &Request, client_cert: bool) {
        self.requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(RecordedRequest {
                method: req.method.clone(),
                path: req.path.clone(),
                query: req.query.clone(),
                headers: req.headers.clone(),
                body: req.body.clone(),
                client_cert,
            });
        self.arrived.notify_all();
    }

    fn record_write(&self, state: &State, port: u16, rec: WriteRecord) {
        if let Some(file) = &state.record {
            let mut line = rec.to_json();
            line["port"] = port.into();
            let mut f = file.lock().unwrap_or_else(|e| e.into_inner());
            let _ = writeln!(f, "{line}");
            let _ = f.flush();
        }
        self.writes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(rec);
    }
}

fn serve(
    tcp: TcpStream,
    state: &State,
    control: &Control,
    tls: Option<Arc<rustls::ServerConfig>>,
    addr: SocketAddr,
) -> io::Result<()> {
    tcp.set_read_timeout(Some(Duration::from_secs(60)))?;
    let _ = tcp.set_nodelay(true);
    let mut conn = match tls {
        Some(cfg) => Conn::tls(tcp, cfg)?,
        None => Conn::Plain(tcp),
    };
    let mut buf = Vec::new();
    loop {
        let keep = serve_one(&mut conn, &mut buf, state, control, addr)?;
        if !keep || control.stopped.load(Ordering::SeqCst) {
            return Ok(());
        }
    }
}

/// Serve one request; true if the connection stays open for another.
fn serve_one(
    conn: &mut Conn,
    buf: &mut Vec<u8>,
    state: &State,
    control: &Control,
    addr: SocketAddr,
) -> io::Result<bool> {
    let malformed = || Response {
        status: 400,
        headers: vec![("Connection".into(), "close".into())],
        body: Body::Empty,
    };
    let mut req = match read_head(conn, buf) {
        Ok(r) => r,
        Err(ReadError::Malformed | ReadError::TooLarge) => {
            malformed().write_to(conn, true)?;
            conn.finish();
            return Ok(false);
        }
        Err(ReadError::Io) => return Ok(false),
    };
    let Ok(framing) = req.framing() else {
        malformed().write_to(conn, true)?;
        conn.finish();
        return Ok(false);
    };
    req.chunked = framing == Framing::Chunked;
    let write = req.is_write();
    let client_cert = conn.client_cert();
    let record_write = |req: &Request, user: Option<String>, status: u16| {
        if write {
            let rec = WriteRecord {
                method: req.method.clone(),
                path: req.path.clone(),
                query: req.query.clone(),
                body: req.body.clone(),
                user,
                status,
            };
            control.record_write(state, addr.port(), rec);
        }
    };
    let max = state.config.max_body;
    let too_large = format!("mxs-mock: the request body is larger than {max} bytes");
    if matches!(framing, Framing::Length(n) if n > max) {
        control.record_request(&req, client_cert);
        record_write(&req, None, 413);
        answer_and_close(conn, &mock_error(413, &too_large))?;
        return Ok(false);
    }
    let has_body = framing != Framing::Length(0);
    let auth = state.authenticate(&req);
    // MaxScale (libmicrohttpd) discards the body of a refused request, but does not ask for it.
    if auth.is_ok() || !req.expects_continue() {
        if has_body && req.expects_continue() {
            conn.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
            conn.flush()?;
        }
        match read_body(conn, buf, framing, max) {
            Ok(body) => req.body = body,
            Err(ReadError::Io) => return Ok(false),
            Err(ReadError::TooLarge) => {
                control.record_request(&req, client_cert);
                record_write(&req, None, 413);
                answer_and_close(conn, &mock_error(413, &too_large))?;
                return Ok(false);
            }
            Err(ReadError::Malformed) => {
                malformed().write_to(conn, true)?;
                conn.finish();
                return Ok(false);
            }
        }
    }
    control.record_request(&req, client_cert);
    if control.stalled.load(Ordering::SeqCst) {
        control.wait_forever();
        return Ok(false);
    }
    if !state.config.latency.is_zero() && control.wait(state.config.latency) {
        return Ok(false);
    }

    if control.stopped.load(Ordering::SeqCst) {
        return Ok(false);
    }
    let who = match auth {
        Ok(who) => who,
        Err((user, resp)) => {
            record_write(&req, user, resp.status);
            answer_and_close(conn, &resp)?;
            return Ok(false);
        }
    };
    let cost = state.list_cost(&req);
    if !cost.is_zero() && control.wait(cost) {
        return Ok(false);
    }
    let head_only = req.method.eq_ignore_ascii_case("HEAD");
    let action = state.handle(&req, &addr.to_string(), &who);
    if let Action::Respond(resp) = &action {
        record_write(&req, Some(who.user.clone()), resp.status);
    }
    let write_fault = state
        .config
        .write_fault
        .filter(|_| matches!(req.effective_method().as_str(), "DELETE" | "POST"));
    match (action, write_fault) {
        // the write is done: its answer is withheld, slow or cut
        (Action::Respond(_), Some(WriteFault::Hang)) => control.wait_forever(),
        (Action::Respond(_), Some(WriteFault::Reset)) => {
            socket2::SockRef::from(conn.tcp()).set_linger(Some(Duration::ZERO))?;
        }
        (Action::Respond(resp), Some(WriteFault::Slow)) => {
            fault::write_slow(conn, &resp, &|d| control.wait(d))?;
            conn.finish();
        }
        (action, _) => return serve_action(conn, state, control, &req, head_only, action),
    }
    conn.flush().ok();
    Ok(false)
}

/// Sends what the handler decided; true if the connection stays open for another request.
fn serve_action(
    conn: &mut Conn,
    state: &State,
    control: &Control,
    req: &Request,
    head_only: bool,
    action: Action,
) -> io::Result<bool> {
    match action {
        Action::Respond(mut resp) => {
            // libmicrohttpd keeps the connection when the answer was queued after a body it
            // read in full (MaxScale's answers to requests with a Content-Length body), and
            // then sends no `Connection: close`.
            let keep =
                req.maxscale_body().is_some() && !req.wants_close() && state.config.fault.is_none();
            if keep {
                resp.headers.retain(|(k, _)| k != "Connection");
            }
            resp.write_to(conn, !head_only)?;
            if keep {
                return Ok(true);
            }
            conn.finish();
        }
        Action::Hang => control.wait_forever(),
        Action::Reset => {
            socket2::SockRef::from(conn.tcp()).set_linger(Some(Duration::ZERO))?;
        }
        Action::Slow(resp) => {
            fault::write_slow(conn, &resp, &|d| control.wait(d))?;
            conn.finish();
        }
        Action::Truncated(resp) => {
            fault::write_truncated(conn, &resp)?;
            let _ = conn.tcp().shutdown(Shutdown::Both);
        }
        Action::HugeHeaders(mb) => {
            fault::write_huge_headers(conn, mb, &|| control.stopped.load(Ordering::SeqCst))?;
            conn.finish();
        }
        Action::HugeValue(what, mb) => {
            fault::write_huge_value(conn, what, mb, &|| control.stopped.load(Ordering::SeqCst))?;
            conn.finish();
        }
        Action::Huge { mb, base } => {
            fault::write_huge(conn, state, mb, &base, &|| {
                control.stopped.load(Ordering::SeqCst)
            })?;
            conn.finish();
        }
    }
    conn.flush().ok();
    Ok(false)
}
