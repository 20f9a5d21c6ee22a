//! The listener: accept loop, one thread per connection, TLS, request recording and shutdown.

use crate::config::{MockConfig, TlsFiles};
use crate::fault::{self, Action};
use crate::handler::State;
use crate::http::{Conn, ReadError, Response, read_request};
use std::collections::HashMap;
use std::io::{self, Write};
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

/// Per-listener control block shared with the connection threads.
struct Control {
    stopped: AtomicBool,
    lock: Mutex<()>,
    wake: Condvar,
    conns: Mutex<HashMap<u64, TcpStream>>,
    next_id: AtomicU64,
    requests: Mutex<Vec<RecordedRequest>>,
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
        let state = Arc::new(State::new(config.clone(), scheme));
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
            });
            let (st, ctl, tls) = (state.clone(), control.clone(), tls.clone());
            let accept = std::thread::Builder::new()
                .name(format!("mxs-mock-accept-{}", addr.port()))
                .spawn(move || accept_loop(listener, st, ctl, tls, addr))?;
            servers.push(MockServer {
                addr,
                tls: scheme == "https",
                control,
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
}

impl Drop for MockServer {
    fn drop(&mut self) {
        {
            let _g = self.control.lock.lock().unwrap_or_else(|e| e.into_inner());
            self.control.stopped.store(true, Ordering::SeqCst);
            self.control.wake.notify_all();
        }
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
        let spawned = std::thread::Builder::new()
            .name("mxs-mock-conn".into())
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
    let req = match read_request(&mut conn) {
        Ok(r) => r,
        Err(ReadError::Io) => return Ok(()),
        Err(ReadError::Malformed) => {
            let resp = Response {
                status: 400,
                headers: vec![("Connection".into(), "close".into())],
                body: crate::http::Body::Empty,
            };
            resp.write_to(&mut conn, true)?;
            conn.finish();
            return Ok(());
        }
    };
    control
        .requests
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(RecordedRequest {
            method: req.method.clone(),
            path: req.path.clone(),
            query: req.query.clone(),
            headers: req.headers.clone(),
            client_cert: conn.client_cert(),
        });
    if !state.config.latency.is_zero() && control.wait(state.config.latency) {
        return Ok(());
    }
    if control.stopped.load(Ordering::SeqCst) {
        return Ok(());
    }
    let head_only = req.method.eq_ignore_ascii_case("HEAD");
    match state.handle(&req, &addr.to_string()) {
        Action::Respond(resp) => {
            resp.write_to(&mut conn, !head_only)?;
            conn.finish();
        }
        Action::Hang => control.wait_forever(),
        Action::Reset => {
            socket2::SockRef::from(conn.tcp()).set_linger(Some(Duration::ZERO))?;
        }
        Action::Slow(resp) => {
            fault::write_slow(&mut conn, &resp, &|d| control.wait(d))?;
            conn.finish();
        }
        Action::Truncated(resp) => {
            fault::write_truncated(&mut conn, &resp)?;
            let _ = conn.tcp().shutdown(Shutdown::Both);
        }
        Action::HugeHeaders(mb) => {
            fault::write_huge_headers(&mut conn, mb, &|| control.stopped.load(Ordering::SeqCst))?;
            conn.finish();
        }
        Action::HugeString(mb) => {
            fault::write_huge_string(&mut conn, mb, &|| control.stopped.load(Ordering::SeqCst))?;
            conn.finish();
        }
        Action::Huge { mb, base } => {
            fault::write_huge(&mut conn, state, mb, &base, &|| {
                control.stopped.load(Ordering::SeqCst)
            })?;
            conn.finish();
        }
    }
    conn.flush().ok();
    Ok(())
}
