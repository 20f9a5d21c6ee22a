//! The HTTP client: one blocking reqwest client shared by every endpoint thread, preemptive Basic
//! auth, no redirects, no proxies, a bound on the whole request and on the body size. Turns every
//! failure into a one-line [`Failure`] with the right exit code; never formats output.

use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::blocking::{Client as Http, Response};

use crate::endpoint::Endpoint;
use crate::error::{Cause, Failure};
use crate::text::sanitize;

use super::tls::{self, TlsOptions};

/// A password: its `Debug` and `Display` never show the value.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    #[must_use]
    pub fn new(s: String) -> Self {
        Secret(s)
    }
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// What the client needs to know: its own type, so that this layer knows nothing of how the
/// command line, environment and config file were resolved.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub user: String,
    pub password: Secret,
    /// Bound on each whole request.
    pub timeout: Duration,
    pub max_response_size: u64,
    /// TLS set-up, when an endpoint uses HTTPS (certificates are loaded only then).
    pub tls: Option<TlsOptions>,
}

/// A configured client.
pub struct Client {
    http: Http,
    user: String,
    password: Secret,
    timeout: Duration,
    max_size: u64,
    /// Body bytes received so far, over every request (for progress).
    received: Arc<AtomicU64>,
    /// The server's clock: the `Date` header of the last successful GET of each URL (without
    /// its query), in Unix seconds.
    clocks: std::sync::Mutex<std::collections::HashMap<String, i64>>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("user", &self.user)
            .field("password", &self.password)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// A successful response whose body is read as it streams in.
pub struct Body {
    inner: Response,
    read: u64,
    max: u64,
    received: Arc<AtomicU64>,
    pub url: String,
}

impl Read for Body {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        self.received.fetch_add(n as u64, Ordering::Relaxed);
        if self.read > self.max {
            return Err(io::Error::other(TooLarge(self.max)));
        }
        Ok(n)
    }
}

/// The body passed `--max-response-size`.
#[derive(Debug)]
pub struct TooLarge(pub u64);

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the response is larger than --max-response-size ({})",
            crate::text::units::format_bytes(self.0)
        )
    }
}

impl std::error::Error for TooLarge {}

impl Client {
    /// Builds the client; TLS roots and certificates are loaded only if an endpoint is HTTPS.
    pub fn new(conn: &ClientConfig) -> Result<Client, Failure> {
        let tls_config = match &conn.tls {
            Some(options) => tls::config(options)?,
            None => tls::plain()?,
        };
        let http = Http::builder()
            .tls_backend_preconfigured(tls_config)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(conn.timeout)
            .connect_timeout(conn.timeout)
            .user_agent(concat!("mxs/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Failure::internal(format!("cannot set up the HTTP client: {e}")))?;
        Ok(Client {
            http,
            user: conn.user.clone(),
            password: conn.password.clone(),
            timeout: conn.timeout,
            max_size: conn.max_response_size,
            received: Arc::default(),
            clocks: std::sync::Mutex::default(),
        })
    }

    /// The account the requests are sent as.
    #[must_use]
    pub fn user(&self) -> &str {
        &self.user
    }

    /// Body bytes received so far by every request of this client.
    #[must_use]
    pub fn received(&self) -> u64 {
        self.received.load(Ordering::Relaxed)
    }

    /// The server's time (Unix seconds) by the `Date` header of the last successful GET of
    /// `path` (its query aside) from `endpoint`, if it sent one that reads as a date: the time
    /// of what that response described.
    #[must_use]
    pub fn server_time(&self, endpoint: &Endpoint, path: &str) -> Option<i64> {
        let url = endpoint.url(path);
        let key = url.split('?').next().unwrap_or(&url);
        self.clocks.lock().ok().and_then(|c| c.get(key).copied())
    }

    /// `GET` an API path (e.g. `v1/sessions?rdns=true`) and check the status. A 404 comes back as
    /// a [`Failure`] of kind [`ExitKind::NotFound`] whose message the caller may replace.
    pub fn get(&self, endpoint: &Endpoint, path: &str) -> Result<Body, Failure> {
        let url = endpoint.url(path);
        let request = format!("GET {url}");
        let response = self
            .http
            .get(&url)
            .basic_auth(&self.user, Some(self.password.expose()))
            .send()
            .map_err(|e| transport_failure(&e, &request, endpoint, self.timeout))?;
        let status = response.status();
        if status.is_success() {
            if let Some(len) = response.content_length()
                && len > self.max_size
            {
                return Err(Failure::new(
                    Cause::TooLarge,
                    format!("{request}: {}", TooLarge(self.max_size)),
                )
                .with_hint("raise --max-response-size if this is expected"));
            }
            if is_html(&response) {
                return Err(Failure::new(
                    Cause::InvalidDocument,
                    format!("{request}: the server answered {status} with an HTML page, not JSON"),
                )
                .with_hint("is this MaxScale's admin port? (the REST API is on 8989 by default)"));
            }
            if let Some(t) = response
                .headers()
                .get(reqwest::header::DATE)
                .and_then(|d| d.to_str().ok())
                .and_then(crate::text::time::Stamp::parse_http_date)
                && let Ok(mut clocks) = self.clocks.lock()
            {
                let key = url.split('?').next().unwrap_or(&url);
                clocks.insert(key.to_string(), t.unix());
            }
            return Ok(Body {
                inner: response,
                read: 0,
                max: self.max_size,
                received: Arc::clone(&self.received),
                url,
            });
        }
        Err(status_failure(response, &request))
    }

    /// Sends a write (`DELETE`, `POST`, `PATCH`) once: never retried, never redirected. Any 2xx
    /// is success (MaxScale answers 200 with an empty body; 204 is accepted too). A timeout or a
    /// lost connection says that the write may have been done; other failures are as for
    /// [`Client::get`].
    pub fn write(
        &self,
        endpoint: &Endpoint,
        method: Method,
        path: &str,
        body: Option<&[u8]>,
    ) -> Result<(), Failure> {
        self.send(endpoint, method, path, body, Duration::ZERO)
            .map(drop)
            .map_err(|f| {
                // the write may have reached the server: only a connection that never opened
                // proves that it was not done
                if matches!(f.cause, Cause::Timeout | Cause::ConnectionLost) {
                    f.with_hint("the server may have done it anyway: check before trying again")
                } else {
                    f
                }
            })
    }

    /// Sends a request once, as [`Client::write`], and reads its answer's body (bounded by
    /// `--max-response-size`): for the SQL API, whose answers carry a token or results.
    /// `longer` is added to the bound on the whole request (a query's own timeout).
    pub fn exchange(
        &self,
        endpoint: &Endpoint,
        method: Method,
        path: &str,
        body: Option<&[u8]>,
        longer: Duration,
    ) -> Result<Vec<u8>, Failure> {
        let response = self.send(endpoint, method, path, body, longer)?;
        let request = format!("{} {}", method.name(), endpoint.url(path));
        let mut bytes = Vec::new();
        let mut body = Body {
            inner: response,
            read: 0,
            max: self.max_size,
            received: Arc::clone(&self.received),
            url: String::new(),
        };
        body.read_to_end(&mut bytes).map_err(|err| {
            Failure::new(
                Cause::ConnectionLost,
                format!("{request}: reading the response failed: {err}"),
            )
        })?;
        Ok(bytes)
    }

    /// One request with Basic auth and an optional JSON body; a 2xx answer is returned unread,
    /// any other becomes a failure that quotes the server.
    fn send(
        &self,
        endpoint: &Endpoint,
        method: Method,
        path: &str,
        body: Option<&[u8]>,
        longer: Duration,
    ) -> Result<Response, Failure> {
        let url = endpoint.url(path);
        let request = format!("{} {url}", method.name());
        let mut builder = match method {
            Method::Delete => self.http.delete(&url),
            Method::Post => self.http.post(&url),
            Method::Patch => self.http.patch(&url),
        }
        .basic_auth(&self.user, Some(self.password.expose()));
        if !longer.is_zero() {
            builder = builder.timeout(self.timeout + longer);
        }
        if let Some(b) = body {
            builder = builder
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(b.to_vec());
        }
        let response = builder
            .send()
            .map_err(|e| transport_failure(&e, &request, endpoint, self.timeout + longer))?;
        if response.status().is_success() {
            return Ok(response);
        }
        Err(status_failure(response, &request))
    }
}

/// The methods of the write requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Delete,
    Post,
    Patch,
}

impl Method {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Method::Delete => "DELETE",
            Method::Post => "POST",
            Method::Patch => "PATCH",
        }
    }
}

fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().contains("html"))
}

fn status_text(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// Turns a non-2xx response into a failure that quotes the server's `errors[].detail`.
fn status_failure(mut response: Response, request: &str) -> Failure {
    let status = response.status();
    let html = is_html(&response);
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .map(|v| sanitize::line(&String::from_utf8_lossy(v.as_bytes())).into_owned());
    let mut body = Vec::new();
    // A bounded read: an error body is small, and a hostile one must not cost memory.
    let _ = (&mut response).take(64 * 1024).read_to_end(&mut body);
    let detail = error_detail(&body);
    let shown = status_text(status);
    let mut message = format!("{request}: the server answered {shown}");
    if status.is_redirection() {
        message.push_str(&format!(
            " redirecting to {}; mxs does not follow redirects (MaxScale never sends them)",
            location.as_deref().unwrap_or("(no Location header)")
        ));
        return Failure::new(Cause::InvalidDocument, message)
            .with_hint("check --hosts: is something other than MaxScale listening there?");
    }
    if let Some(d) = &detail {
        message.push_str(": ");
        message.push_str(d);
    } else if html {
        message.push_str(" with an HTML page");
    }
    let (cause, hint) = match status.as_u16() {
        401 | 403 => (
            Cause::Denied,
            Some("check --user and --password (or MXS_USER, MXS_PASSWORD, the config file)"),
        ),
        404 => (Cause::NotFound, None),
        _ if html => (
            Cause::InvalidDocument,
            Some("is this MaxScale's admin port? a proxy in between answered instead"),
        ),
        _ => (Cause::ServerError, None),
    };
    let mut failure = Failure::new(cause, message);
    failure.detail = detail;
    failure.status = Some(status.as_u16());
    match hint {
        Some(h) => failure.with_hint(h),
        None => failure,
    }
}

/// `errors[].detail` of a MaxScale error body, joined and made safe for a terminal.
#[must_use]
pub fn error_detail(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Errors {
        errors: Vec<Detail>,
    }
    #[derive(serde::Deserialize)]
    struct Detail {
        detail: Option<String>,
    }
    let parsed: Errors = serde_json::from_slice(body).ok()?;
    let details: Vec<String> = parsed
        .errors
        .into_iter()
        .filter_map(|d| d.detail)
        .map(|d| sanitize::line(&d).into_owned())
        .collect();
    (!details.is_empty()).then(|| details.join("; "))
}

/// The first error of type `T` in the chain of `err`, looking inside `io::Error`s too (hyper and
/// hyper-rustls wrap their causes in one, whose `source()` skips the inner error).
fn find_in_chain<'a, T: std::error::Error + 'static>(
    err: &'a (dyn std::error::Error + 'static),
) -> Option<&'a T> {
    let mut source = Some(err);
    while let Some(e) = source {
        if let Some(t) = e.downcast_ref::<T>() {
            return Some(t);
        }
        if let Some(t) = e
            .downcast_ref::<io::Error>()
            .and_then(io::Error::get_ref)
            .and_then(|inner| inner.downcast_ref::<T>())
        {
            return Some(t);
        }
        source = e.source();
    }
    None
}

fn has_io_kind(err: &(dyn std::error::Error + 'static), kind: io::ErrorKind) -> bool {
    let mut source = Some(err);
    while let Some(e) = source {
        if e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == kind)
        {
            return true;
        }
        source = e.source();
    }
    false
}

/// What kind of transport failure `err` is, from the types in its chain. Two causes are also
/// recognised by their text: a failed name lookup, which has no type of its own (the standard
/// library reports it as an uncategorized `io::Error`), and a TLS error that hyper's connector
/// boxes where it cannot be reached by type.
fn transport_cause(err: &reqwest::Error) -> Cause {
    let chain = error_chain(err).to_ascii_lowercase();
    if err.is_timeout() || has_io_kind(err, io::ErrorKind::TimedOut) {
        Cause::Timeout
    } else if find_in_chain::<rustls::Error>(err).is_some()
        || chain.contains("invalid peer certificate")
        || chain.contains("corrupt message")
        || chain.contains("handshake")
    {
        // rustls's error is not always reachable by type through hyper's boxed errors
        Cause::Tls
    } else if has_io_kind(err, io::ErrorKind::ConnectionRefused) {
        Cause::Refused
    } else if chain.contains("dns error")
        || chain.contains("failed to lookup")
        || chain.contains("name or service not known")
    {
        Cause::Unresolvable
    } else {
        Cause::ConnectionLost
    }
}

/// Turns a transport error into a one-line failure with a hint: refused, unresolvable, TLS,
/// timeout, reset, closed.
pub fn transport_failure(
    err: &reqwest::Error,
    request: &str,
    endpoint: &Endpoint,
    timeout: Duration,
) -> Failure {
    let cause = transport_cause(err);
    let chain = error_chain(err);
    let plain_hint = || {
        (!endpoint.https)
            .then(|| "if MaxScale's admin API uses HTTPS, use --secure or https://".to_string())
    };
    let (what, hint): (String, Option<String>) = match cause {
        Cause::Timeout => (
            format!("timed out after {}", humantime(timeout)),
            Some("raise --timeout, or check that MaxScale is responsive".into()),
        ),
        Cause::Tls => {
            let tls = find_in_chain::<rustls::Error>(err);
            let text = tls.map_or_else(|| tls_text(&chain), ToString::to_string);
            let lower = chain.to_ascii_lowercase();
            let certificate = "pass --tls-ca-cert FILE with the CA that signed MaxScale's certificate, or --tls-verify-server-cert=false";
            let plain = "is the endpoint plain HTTP? use http:// or drop --secure";
            let hint = match tls {
                Some(
                    rustls::Error::InvalidCertificate(_) | rustls::Error::NoCertificatesPresented,
                ) => certificate,
                Some(
                    rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. },
                ) => plain,
                _ if lower.contains("certificate") => certificate,
                _ if lower.contains("corrupt message") || lower.contains("invalidcontenttype") => {
                    plain
                }
                _ => "check the TLS options and MaxScale's admin_ssl_* settings",
            };
            (
                format!("TLS handshake failed: {}", sanitize::line(&text)),
                Some(hint.into()),
            )
        }
        Cause::Refused => (
            "connection refused".into(),
            Some(format!(
                "is MaxScale running with its REST API listening on {}:{}? (check --hosts, admin_host, admin_port)",
                endpoint.host, endpoint.port
            )),
        ),
        Cause::Unresolvable => (
            format!("cannot resolve host '{}'", endpoint.host),
            Some("check --hosts".into()),
        ),
        _ if has_io_kind(err, io::ErrorKind::ConnectionReset) => (
            "the connection was reset by the server".into(),
            plain_hint(),
        ),
        // hyper's bound on the header block (about 400 KiB, or 100 headers): the server
        // answered, with something that is not MaxScale's answer
        _ if find_in_chain::<hyper::Error>(err)
            .is_some_and(|h| h.is_parse() && h.to_string().contains("too large")) =>
        {
            return Failure::new(
                Cause::InvalidDocument,
                format!("{request}: invalid response: its header block is too large"),
            )
            .with_hint("is this MaxScale's admin port? (the REST API is on 8989 by default)");
        }
        _ if find_in_chain::<hyper::Error>(err)
            .is_some_and(|h| h.is_incomplete_message() || h.is_parse())
            || has_io_kind(err, io::ErrorKind::UnexpectedEof) =>
        {
            (
                "the server closed the connection without an HTTP answer".into(),
                plain_hint(),
            )
        }
        _ => (sanitize::line(&chain).into_owned(), None),
    };
    let failure = Failure::new(cause, format!("{request}: {what}"));
    match hint {
        Some(h) => failure.with_hint(h),
        None => failure,
    }
}

/// The TLS part of a reqwest error chain (after "client error (Connect): ").
fn tls_text(chain: &str) -> String {
    chain.rsplit(": ").next().unwrap_or(chain).to_string()
}

/// An I/O error and its causes as one line.
#[must_use]
pub fn io_chain(err: &io::Error) -> String {
    error_chain(err)
}

/// The error and its causes as one line, de-duplicated (reqwest repeats itself).
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut source: Option<&dyn std::error::Error> = Some(err);
    while let Some(e) = source {
        let text = e.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = e.source();
    }
    parts.join(": ")
}

fn humantime(d: Duration) -> String {
    if d.as_millis() < 1000 || d.subsec_millis() != 0 {
        format!("{}ms", d.as_millis())
    } else {
        format!("{}s", d.as_secs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_detail_quotes_and_sanitizes() {
        assert_eq!(
            error_detail(br#"{"errors": [ { "detail": "Access denied" } ] }"#).as_deref(),
            Some("Access denied")
        );
        assert_eq!(
            error_detail(br#"{"errors":[{"detail":"a"},{"detail":"b\u001b[31m"}]}"#).as_deref(),
            Some(r"a; b\e[31m")
        );
        assert_eq!(error_detail(b""), None);
        assert_eq!(error_detail(b"<html>"), None);
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(humantime(Duration::from_millis(500)), "500ms");
        assert_eq!(humantime(Duration::from_secs(10)), "10s");
        assert_eq!(humantime(Duration::from_millis(1500)), "1500ms");
    }
}
