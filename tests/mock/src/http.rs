//! Minimal HTTP/1.1: request parsing, response serialization and the (plain or TLS) connection type.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;

/// Largest accepted request head.
const MAX_HEAD: usize = 64 * 1024;

/// A parsed request.
#[derive(Debug, Clone)]
pub struct Request {
    /// Method, e.g. `GET`.
    pub method: String,
    /// Path without the query (not decoded).
    pub path: String,
    /// Raw query string (after `?`).
    pub query: Option<String>,
    /// Headers in order.
    pub headers: Vec<(String, String)>,
    /// The body (empty if none; decoded if it was chunked).
    pub body: Vec<u8>,
    /// The body came with `Transfer-Encoding: chunked` (MaxScale does not see such bodies).
    pub chunked: bool,
}

impl Request {
    /// First header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The method after `X-HTTP-Method-Override`, upper case.
    pub fn effective_method(&self) -> String {
        self.header("X-HTTP-Method-Override")
            .unwrap_or(&self.method)
            .to_ascii_uppercase()
    }

    /// POST, PUT, PATCH or DELETE: the methods MaxScale counts as modifying data.
    pub fn is_write(&self) -> bool {
        matches!(
            self.effective_method().as_str(),
            "POST" | "PUT" | "PATCH" | "DELETE"
        )
    }

    /// The body as MaxScale reads it: only one announced by a non-zero `Content-Length`.
    pub fn maxscale_body(&self) -> Option<&[u8]> {
        (!self.chunked && !self.body.is_empty()).then_some(self.body.as_slice())
    }

    /// Did the client ask for the connection to be closed?
    pub fn wants_close(&self) -> bool {
        self.header("Connection")
            .is_some_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case("close")))
    }

    /// `Expect: 100-continue`?
    pub fn expects_continue(&self) -> bool {
        self.header("Expect")
            .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
    }

    /// How the body is delimited.
    pub fn framing(&self) -> Result<Framing, ReadError> {
        if self
            .header("Transfer-Encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
        {
            return Ok(Framing::Chunked);
        }
        match self.header("Content-Length") {
            Some(v) => v
                .parse()
                .map(Framing::Length)
                .map_err(|_| ReadError::Malformed),
            None => Ok(Framing::Length(0)),
        }
    }
}

/// How a request body is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// `Content-Length: N` (0 without the header).
    Length(usize),
    /// `Transfer-Encoding: chunked`.
    Chunked,
}
/// A connection: plain TCP or rustls over TCP.
pub enum Conn {
    /// Plain HTTP.
    Plain(TcpStream),
    /// HTTPS.
    Tls(Box<rustls::StreamOwned<rustls::ServerConnection, TcpStream>>),
}

impl Conn {
    /// The underlying socket.
    pub fn tcp(&self) -> &TcpStream {
        match self {
            Conn::Plain(s) => s,
            Conn::Tls(s) => &s.sock,
        }
    }

    /// Did the TLS client present a (verified) certificate?
    pub fn client_cert(&self) -> bool {
        match self {
            Conn::Plain(_) => false,
            Conn::Tls(s) => s.conn.peer_certificates().is_some_and(|c| !c.is_empty()),
        }
    }

    /// Flush and end the stream cleanly (TLS close_notify).
    pub fn finish(&mut self) {
        let _ = self.flush();
        if let Conn::Tls(s) = self {
            s.conn.send_close_notify();
            let _ = s.flush();
        }
        let _ = self.tcp().shutdown(std::net::Shutdown::Write);
    }

    /// Wrap a socket for TLS.
    pub fn tls(tcp: TcpStream, config: Arc<rustls::ServerConfig>) -> io::Result<Conn> {
        let conn = rustls::ServerConnection::new(config).map_err(io::Error::other)?;
        Ok(Conn::Tls(Box::new(rustls::StreamOwned::new(conn, tcp))))
    }
}

impl Read for Conn {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Conn::Plain(s) => s.read(buf),
            Conn::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Conn {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Conn::Plain(s) => s.write(buf),
            Conn::Tls(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Conn::Plain(s) => s.flush(),
            Conn::Tls(s) => s.flush(),
        }
    }
}

/// Why a request could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The peer closed or the socket failed before a full request arrived.
    Io,
    /// The request is malformed (answer 400).
    Malformed,
    /// The body is larger than allowed (answer 413).
    TooLarge,
}

/// Read until `buf` holds at least `n` bytes.
fn fill(conn: &mut impl Read, buf: &mut Vec<u8>, n: usize) -> Result<(), ReadError> {
    let mut chunk = [0u8; 8192];
    while buf.len() < n {
        match conn.read(&mut chunk) {
            Ok(0) | Err(_) => return Err(ReadError::Io),
            Ok(k) => buf.extend_from_slice(&chunk[..k]),
        }
    }
    Ok(())
}

/// Read the head of the next request (its body is left in `buf`, which carries bytes read past
/// one request over to the next).
pub fn read_head(conn: &mut impl Read, buf: &mut Vec<u8>) -> Result<Request, ReadError> {
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        if buf.len() > MAX_HEAD {
            return Err(ReadError::Malformed);
        }
        // Not HTTP at all (a TLS ClientHello, say): answer 400 at once, as a real server does,
        // instead of waiting for a blank line that never comes.
        if !buf.is_empty() && !buf[0].is_ascii_uppercase() {
            return Err(ReadError::Malformed);
        }
        match conn.read(&mut chunk) {
            Ok(0) | Err(_) => return Err(ReadError::Io),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = std::str::from_utf8(&buf[..head_end]).map_err(|_| ReadError::Malformed)?;
    let mut lines = head.split("\r\n");
    let mut parts = lines.next().unwrap_or("").split(' ');
    let (Some(method), Some(target), Some(proto), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Malformed);
    };
    if method.is_empty() || !proto.starts_with("HTTP/1.") || !target.starts_with('/') {
        return Err(ReadError::Malformed);
    }
    let mut headers = Vec::new();
    for line in lines {
        let (k, v) = line.split_once(':').ok_or(ReadError::Malformed)?;
        headers.push((k.trim().to_string(), v.trim().to_string()));
    }
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), Some(q.to_string())),
        None => (target.to_string(), None),
    };
    let req = Request {
        method: method.to_string(),
        path,
        query,
        headers,
        body: Vec::new(),
        chunked: false,
    };
    buf.drain(..head_end + 4);
    Ok(req)
}

/// Read one CRLF-terminated line (without the CRLF) from `buf`/`conn`.
fn read_line(conn: &mut impl Read, buf: &mut Vec<u8>) -> Result<Vec<u8>, ReadError> {
    loop {
        if let Some(p) = buf.windows(2).position(|w| w == b"\r\n") {
            let line = buf[..p].to_vec();
            buf.drain(..p + 2);
            return Ok(line);
        }
        if buf.len() > 4096 {
            return Err(ReadError::Malformed);
        }
        fill(conn, buf, buf.len() + 1)?;
    }
}

/// Read a body delimited by `framing`, at most `max` bytes.
pub fn read_body(
    conn: &mut impl Read,
    buf: &mut Vec<u8>,
    framing: Framing,
    max: usize,
) -> Result<Vec<u8>, ReadError> {
    match framing {
        Framing::Length(n) if n > max => Err(ReadError::TooLarge),
        Framing::Length(n) => {
            fill(conn, buf, n)?;
            Ok(buf.drain(..n).collect())
        }
        Framing::Chunked => {
            let mut body = Vec::new();
            loop {
                let line = read_line(conn, buf)?;
                let line = String::from_utf8_lossy(&line);
                let size = line.split(';').next().unwrap_or("").trim();
                let size = usize::from_str_radix(size, 16).map_err(|_| ReadError::Malformed)?;
                if size == 0 {
                    // Trailer fields up to the blank line.
                    while !read_line(conn, buf)?.is_empty() {}
                    return Ok(body);
                }
                if body.len().saturating_add(size) > max {
                    return Err(ReadError::TooLarge);
                }
                fill(conn, buf, size + 2)?;
                body.extend(buf.drain(..size));
                if buf.drain(..2).as_slice() != b"\r\n" {
                    return Err(ReadError::Malformed);
                }
            }
        }
    }
}

/// Read one whole request (head and body, at most `max` bytes of body).
#[cfg(test)]
pub fn read_request(conn: &mut impl Read, max: usize) -> Result<Request, ReadError> {
    let mut buf = Vec::new();
    let mut req = read_head(conn, &mut buf)?;
    let framing = req.framing()?;
    req.chunked = framing == Framing::Chunked;
    req.body = read_body(conn, &mut buf, framing, max)?;
    Ok(req)
}

/// A response body.
#[derive(Debug, Clone)]
pub enum Body {
    /// No body.
    Empty,
    /// Owned bytes.
    Bytes(Vec<u8>),
    /// Shared, cached bytes.
    Shared(Arc<Vec<u8>>),
}

impl Body {
    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        match self {
            Body::Empty => &[],
            Body::Bytes(b) => b,
            Body::Shared(b) => b,
        }
    }
}

/// A complete response.
#[derive(Debug, Clone)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers in order, `Content-Length` excluded (it is added last).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Body,
}

/// The reason phrase of a status code.
pub fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        412 => "Precondition Failed",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unknown",
    }
}

impl Response {
    /// Status line and headers, with `Content-Length: content_length` (none on a 204, which
    /// must not have one).
    pub fn head(&self, content_length: usize) -> Vec<u8> {
        let mut h = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (k, v) in &self.headers {
            h.push_str(k);
            h.push_str(": ");
            h.push_str(v);
            h.push_str("\r\n");
        }
        if self.status != 204 {
            h.push_str(&format!("Content-Length: {content_length}\r\n"));
        }
        h.push_str("\r\n");
        h.into_bytes()
    }

    /// Write the response (`with_body` false for HEAD).
    pub fn write_to(&self, w: &mut impl Write, with_body: bool) -> io::Result<()> {
        let body = self.body.as_slice();
        let head = self.head(body.len());
        if with_body && body.len() < 64 * 1024 {
            let mut all = head;
            all.extend_from_slice(body);
            w.write_all(&all)?;
        } else {
            w.write_all(&head)?;
            if with_body {
                w.write_all(body)?;
            }
        }
        w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_request() {
        let raw =
            b"GET /v1/sessions?rdns=true HTTP/1.1\r\nHost: x:1\r\nContent-Length: 3\r\n\r\nabc";
        let r = read_request(&mut &raw[..], 16).unwrap();
        assert_eq!(r.method, "GET");
        assert_eq!(r.path, "/v1/sessions");
        assert_eq!(r.query.as_deref(), Some("rdns=true"));
        assert_eq!(r.header("host"), Some("x:1"));
        assert_eq!(r.body, b"abc");
        assert!(!r.chunked && !r.is_write() && !r.wants_close());
        assert_eq!(
            read_request(&mut &b"garbage\r\n\r\n"[..], 16).unwrap_err(),
            ReadError::Malformed
        );
        assert_eq!(
            read_request(&mut &b"GET / HT"[..], 16).unwrap_err(),
            ReadError::Io
        );
        assert_eq!(
            read_request(&mut &raw[..], 2).unwrap_err(),
            ReadError::TooLarge
        );
    }

    #[test]
    fn chunked_bodies_and_pipelining() {
        let raw = b"PATCH /v1/sessions/1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: Close\r\n\r\n3;x=y\r\n{\"a\r\n2\r\n\":\r\n3\r\n1}x\r\n0\r\nTrailer: t\r\n\r\nDELETE /v1/sessions/2?ttl=1 HTTP/1.1\r\nX-HTTP-Method-Override: get\r\n\r\n";
        let mut input = &raw[..];
        let mut buf = Vec::new();
        let mut r = read_head(&mut input, &mut buf).unwrap();
        assert_eq!(r.framing().unwrap(), Framing::Chunked);
        r.body = read_body(&mut input, &mut buf, Framing::Chunked, 100).unwrap();
        r.chunked = true;
        assert_eq!(r.body, b"{\"a\":1}x");
        assert!(r.is_write() && r.wants_close() && r.maxscale_body().is_none());
        let next = read_head(&mut input, &mut buf).unwrap();
        assert_eq!(
            (next.method.as_str(), next.path.as_str()),
            ("DELETE", "/v1/sessions/2")
        );
        assert_eq!(next.effective_method(), "GET");
        assert!(!next.is_write());
        let mut input = &raw[..];
        let mut buf = Vec::new();
        read_head(&mut input, &mut buf).unwrap();
        assert_eq!(
            read_body(&mut input, &mut buf, Framing::Chunked, 4).unwrap_err(),
            ReadError::TooLarge
        );
    }
}
