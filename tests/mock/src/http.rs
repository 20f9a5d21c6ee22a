//! Minimal HTTP/1.1: request parsing, response serialization and the (plain or TLS) connection type.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;

/// Largest accepted request head.
const MAX_HEAD: usize = 64 * 1024;
/// Largest accepted request body.
const MAX_BODY: usize = 16 * 1024 * 1024;

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
    /// The body (empty if none).
    pub body: Vec<u8>,
}

impl Request {
    /// First header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
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
#[derive(Debug)]
pub enum ReadError {
    /// The peer closed or the socket failed before a full request arrived.
    Io,
    /// The request is malformed (answer 400).
    Malformed,
}

/// Read one request (head and `Content-Length` body).
pub fn read_request(conn: &mut impl Read) -> Result<Request, ReadError> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        if buf.len() > MAX_HEAD {
            return Err(ReadError::Malformed);
        }
        match conn.read(&mut chunk) {
            Ok(0) | Err(_) => return Err(ReadError::Io),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
        // Not HTTP at all (a TLS ClientHello, say): answer 400 at once, as a real server does,
        // instead of waiting for a blank line that never comes.
        if !buf.is_empty() && !buf[0].is_ascii_uppercase() {
            return Err(ReadError::Malformed);
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
    let mut req = Request {
        method: method.to_string(),
        path,
        query,
        headers,
        body: buf[head_end + 4..].to_vec(),
    };
    let len: usize = match req.header("content-length") {
        Some(v) => v.parse().map_err(|_| ReadError::Malformed)?,
        None => 0,
    };
    if len > MAX_BODY {
        return Err(ReadError::Malformed);
    }
    while req.body.len() < len {
        match conn.read(&mut chunk) {
            Ok(0) | Err(_) => return Err(ReadError::Io),
            Ok(n) => req.body.extend_from_slice(&chunk[..n]),
        }
    }
    req.body.truncate(len);
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
        200 => "OK",
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
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unknown",
    }
}

impl Response {
    /// Status line and headers, with `Content-Length: content_length`.
    pub fn head(&self, content_length: usize) -> Vec<u8> {
        let mut h = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (k, v) in &self.headers {
            h.push_str(k);
            h.push_str(": ");
            h.push_str(v);
            h.push_str("\r\n");
        }
        h.push_str(&format!("Content-Length: {content_length}\r\n\r\n"));
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
        let r = read_request(&mut &raw[..]).unwrap();
        assert_eq!(r.method, "GET");
        assert_eq!(r.path, "/v1/sessions");
        assert_eq!(r.query.as_deref(), Some("rdns=true"));
        assert_eq!(r.header("host"), Some("x:1"));
        assert_eq!(r.body, b"abc");
        assert!(matches!(
            read_request(&mut &b"garbage\r\n\r\n"[..]),
            Err(ReadError::Malformed)
        ));
        assert!(matches!(
            read_request(&mut &b"GET / HT"[..]),
            Err(ReadError::Io)
        ));
    }
}
