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
use crate::error::{ExitKind, Failure};
use crate::output::sanitize;
use crate::settings::{Connection, Secret};

use super::tls;

/// A configured client.
pub struct Client {
    http: Http,
    user: String,
    password: Secret,
    timeout: Duration,
    max_size: u64,
    /// Body bytes received so far, over every request (for progress).
    received: Arc<AtomicU64>,
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
            crate::units::format_bytes(self.0)
        )
    }
}

impl std::error::Error for TooLarge {}

impl Client {
    /// Builds the client; TLS roots and certificates are loaded only if an endpoint is HTTPS.
    pub fn new(conn: &Connection, password: Secret) -> Result<Client, Failure> {
        let tls_config = if conn.endpoints.iter().any(|e| e.https) {
            tls::config(&conn.tls)?
        } else {
            tls::plain()?
        };
        let http = Http::builder()
            .tls_backend_preconfigured(tls_config)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(conn.timeout)
            .connect_timeout(conn.timeout)
            .user_agent(concat!("mxs/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| {
                Failure::new(
                    ExitKind::Other,
                    format!("cannot set up the HTTP client: {e}"),
                )
            })?;
        Ok(Client {
            http,
            user: conn.user.clone(),
            password,
            timeout: conn.timeout,
            max_size: conn.max_response_size,
            received: Arc::default(),
        })
    }

    /// Body bytes received so far by every request of this client.
    #[must_use]
    pub fn received(&self) -> u64 {
        self.received.load(Ordering::Relaxed)
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
                    ExitKind::Other,
                    format!("{request}: {}", TooLarge(self.max_size)),
                )
                .with_hint("raise --max-response-size if this is expected"));
            }
            if is_html(&response) {
                return Err(Failure::new(
                    ExitKind::Other,
                    format!("{request}: the server answered {status} with an HTML page, not JSON"),
                )
                .with_hint("is this MaxScale's admin port? (the REST API is on 8989 by default)"));
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
        return Failure::new(ExitKind::Other, message)
            .with_hint("check --hosts: is something other than MaxScale listening there?");
    }
    if let Some(d) = &detail {
        message.push_str(": ");
        message.push_str(d);
    } else if html {
        message.push_str(" with an HTML page");
    }
    let (kind, hint) = match status.as_u16() {
        401 | 403 => (
            ExitKind::Auth,
            Some("check --user and --password (or MXS_USER, MXS_PASSWORD, the config file)"),
        ),
        404 => (ExitKind::NotFound, None),
        _ if html => (
            ExitKind::Other,
            Some("is this MaxScale's admin port? a proxy in between answered instead"),
        ),
        _ => (ExitKind::Other, None),
    };
    let mut failure = Failure::new(kind, message);
    failure.detail = detail;
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

/// Classifies a transport error: refused, unresolvable, TLS, timeout, reset.
pub fn transport_failure(
    err: &reqwest::Error,
    request: &str,
    endpoint: &Endpoint,
    timeout: Duration,
) -> Failure {
    let chain = error_chain(err);
    let lower = chain.to_ascii_lowercase();
    let has_io = |kind: io::ErrorKind| {
        let mut source: Option<&dyn std::error::Error> = Some(err);
        while let Some(e) = source {
            if e.downcast_ref::<io::Error>()
                .is_some_and(|io| io.kind() == kind)
            {
                return true;
            }
            source = e.source();
        }
        false
    };
    let tls_error = {
        let mut source: Option<&dyn std::error::Error> = Some(err);
        let mut found = None;
        while let Some(e) = source {
            if let Some(t) = e.downcast_ref::<rustls::Error>() {
                found = Some(t.clone());
            }
            // hyper-rustls wraps rustls errors in io::Error, whose source() skips the inner error
            if let Some(t) = e
                .downcast_ref::<io::Error>()
                .and_then(io::Error::get_ref)
                .and_then(|inner| inner.downcast_ref::<rustls::Error>())
            {
                found = Some(t.clone());
            }
            source = e.source();
        }
        found
    };
    let (what, hint): (String, Option<String>) = if err.is_timeout()
        || has_io(io::ErrorKind::TimedOut)
    {
        (
            format!("timed out after {}", humantime(timeout)),
            Some("raise --timeout, or check that MaxScale is responsive".into()),
        )
    } else if tls_error.is_some()
        || lower.contains("invalid peer certificate")
        || lower.contains("corrupt message")
        || lower.contains("handshake")
    {
        // rustls's own error when it can be reached through the chain, else the chain's text
        let text = tls_error
            .as_ref()
            .map_or_else(|| tls_text(&chain), ToString::to_string);
        let hint = if lower.contains("certificate") {
            "pass --tls-ca-cert FILE with the CA that signed MaxScale's certificate, or --tls-verify-server-cert=false"
        } else if lower.contains("corrupt message") || lower.contains("invalidcontenttype") {
            "is the endpoint plain HTTP? use http:// or drop --secure"
        } else {
            "check the TLS options and MaxScale's admin_ssl_* settings"
        };
        (
            format!("TLS handshake failed: {}", sanitize::line(&text)),
            Some(hint.into()),
        )
    } else if has_io(io::ErrorKind::ConnectionRefused) {
        (
            "connection refused".into(),
            Some(format!(
                "is MaxScale running with its REST API listening on {}:{}? (check --hosts, admin_host, admin_port)",
                endpoint.host, endpoint.port
            )),
        )
    } else if lower.contains("dns error")
        || lower.contains("failed to lookup")
        || lower.contains("name or service not known")
    {
        (
            format!("cannot resolve host '{}'", endpoint.host),
            Some("check --hosts".into()),
        )
    } else if has_io(io::ErrorKind::ConnectionReset) || lower.contains("connection reset") {
        (
            "the connection was reset by the server".into(),
            (!endpoint.https)
                .then(|| "if MaxScale's admin API uses HTTPS, use --secure or https://".into()),
        )
    } else if lower.contains("connection closed before message completed")
        || lower.contains("invalid http version")
        || lower.contains("unexpected eof")
    {
        (
            "the server closed the connection without an HTTP answer".into(),
            (!endpoint.https)
                .then(|| "if MaxScale's admin API uses HTTPS, use --secure or https://".into()),
        )
    } else if lower.contains("message head is too large") {
        // hyper's bound on the header block (about 400 KiB, or 100 headers): the server
        // answered, with something that is not MaxScale's answer
        return Failure::new(
            ExitKind::Other,
            format!("{request}: invalid response: its header block is too large"),
        )
        .with_hint("is this MaxScale's admin port? (the REST API is on 8989 by default)");
    } else {
        (sanitize::line(&chain).into_owned(), None)
    };
    let failure = Failure::new(ExitKind::Unreachable, format!("{request}: {what}"));
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
