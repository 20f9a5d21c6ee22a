//! Fault modes: what a misbehaving server sends instead of the normal sessions response.

use crate::config::{Fault, Version};
use crate::generate::Generator;
use crate::handler::State;
use crate::http::{Body, Conn, Request, Response};
use crate::json::{Style, to_vec};
use crate::query;
use serde_json::Value;
use std::io::{self, Write};
use std::time::Duration;

/// What the connection thread should do.
pub enum Action {
    /// Send this response.
    Respond(Response),
    /// Never answer.
    Hang,
    /// Reset the connection.
    Reset,
    /// Send this response a few bytes at a time.
    Slow(Response),
    /// Send the head (with the full Content-Length) and half the body, then close.
    Truncated(Response),
    /// A 200 whose header block is `mb` MiB.
    HugeHeaders(usize),
    /// A document whose one string (or key, or number) is `mb` MiB, without a Content-Length.
    HugeValue(Huge, usize),
    /// Stream a valid document of `mb` MiB.
    Huge {
        /// Size in MiB.
        mb: usize,
        /// Link base.
        base: String,
    },
}

/// The user-name marker replaced by invalid UTF-8 after rendering.
const BAD_UTF8_MARKER: &[u8] = b"@@mxs-mock-invalid-utf8@@";
/// What the marker becomes.
const BAD_UTF8: &[u8] = b"bad\xff\xfeuser";

fn replace_marker(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i..].starts_with(BAD_UTF8_MARKER) {
            out.extend_from_slice(BAD_UTF8);
            i += BAD_UTF8_MARKER.len();
        } else {
            out.push(body[i]);
            i += 1;
        }
    }
    out
}

fn numeric_ids(v: &mut Value) {
    if let Some(id) = v.get_mut("id")
        && let Some(n) = id.as_str().and_then(|s| s.parse::<u64>().ok())
    {
        *id = Value::from(n);
    }
}

fn no_attributes(v: &mut Value) {
    if let Some(m) = v.as_object_mut() {
        m.remove("attributes");
    }
}

fn bad_user(v: &mut Value) {
    if let Some(a) = v.get_mut("attributes").and_then(Value::as_object_mut) {
        let marker = String::from_utf8_lossy(BAD_UTF8_MARKER).into_owned();
        a.insert("user".into(), Value::String(marker));
    }
}

/// The action for a sessions request (`id` for `/sessions/:id`) under a fault.
pub fn act(state: &State, fault: Fault, base: &str, id: Option<&str>, req: &Request) -> Action {
    let json200 = |body: &[u8]| state.json_response(200, body.to_vec(), None);
    let normal = |transform: Option<&dyn Fn(&mut Value)>| -> Response {
        match id {
            None => state.list(req, base, transform),
            Some(id) => {
                let style = query::style_of(req.query.as_deref(), state.config.version);
                match state.lookup(id, style) {
                    Ok(row) => state.single(req, base, row, transform),
                    Err(r) => r,
                }
            }
        }
    };
    let resp = match fault {
        Fault::Status(code) => state.error(
            code,
            &format!("mxs-mock fault: status {code}"),
            Style::Pretty,
            false,
        ),
        Fault::Html502 => Response {
            status: 502,
            headers: vec![
                ("Server".into(), "nginx/1.24.0".into()),
                ("Date".into(), crate::util::http_date(crate::util::now_secs(), false)),
                ("Content-Type".into(), "text/html".into()),
                ("Connection".into(), "close".into()),
            ],
            body: Body::Bytes(
                b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n"
                    .to_vec(),
            ),
        },
        Fault::InvalidJson => json200(b"{\"data\": [ {\"id\": \"1\",, }"),
        Fault::Empty => Response {
            status: 200,
            headers: state.headers(None, Some("application/json")),
            body: Body::Empty,
        },
        Fault::DataString => json200(b"{\"data\":\"oops\"}"),
        Fault::DeepNesting => {
            let depth = 100_000;
            let mut b = Vec::with_capacity(2 * depth + 32);
            b.extend_from_slice(b"{\"data\":");
            b.resize(b.len() + depth, b'[');
            b.resize(b.len() + depth, b']');
            b.push(b'}');
            json200(&b)
        }
        Fault::Hang | Fault::Stall => return Action::Hang,
        Fault::Reset => return Action::Reset,
        Fault::Redirect => Response {
            status: 302,
            headers: vec![
                ("Connection".into(), "close".into()),
                (
                    "Location".into(),
                    "http://other.invalid:8989/v1/sessions".into(),
                ),
                ("Date".into(), crate::util::http_date(crate::util::now_secs(), true)),
            ],
            body: Body::Empty,
        },
        Fault::Huge { mb } => {
            return Action::Huge {
                mb,
                base: base.to_string(),
            };
        }
        Fault::HugeHeaders { mb } => return Action::HugeHeaders(mb),
        Fault::HugeString { mb } => return Action::HugeValue(Huge::String, mb),
        Fault::HugeKey { mb } => return Action::HugeValue(Huge::Key, mb),
        Fault::HugeNumber { mb } => return Action::HugeValue(Huge::Number, mb),
        Fault::Truncated => return Action::Truncated(normal(None)),
        Fault::Slow => return Action::Slow(normal(None)),
        Fault::NotJsonContentType => {
            let mut r = normal(None);
            for (k, v) in &mut r.headers {
                if k == "Content-Type" {
                    *v = "text/plain".into();
                }
            }
            r
        }
        Fault::NumericIds => normal(Some(&numeric_ids)),
        Fault::NoAttributes => normal(Some(&no_attributes)),
        Fault::InvalidUtf8 => {
            let mut r = normal(Some(&bad_user));
            r.body = Body::Bytes(replace_marker(r.body.as_slice()));
            r
        }
    };
    Action::Respond(resp)
}

/// Write `resp` in 16-byte pieces every 100 ms; `wait` returns true when the server stops.
pub fn write_slow(
    conn: &mut Conn,
    resp: &Response,
    wait: &dyn Fn(Duration) -> bool,
) -> io::Result<()> {
    let mut all = resp.head(resp.body.as_slice().len());
    all.extend_from_slice(resp.body.as_slice());
    for piece in all.chunks(16) {
        conn.write_all(piece)?;
        conn.flush()?;
        if wait(Duration::from_millis(100)) {
            return Ok(());
        }
    }
    Ok(())
}

/// Write the head with the full Content-Length, then only half the body.
pub fn write_truncated(conn: &mut Conn, resp: &Response) -> io::Result<()> {
    let body = resp.body.as_slice();
    let mut all = resp.head(body.len());
    all.extend_from_slice(&body[..body.len() / 2]);
    conn.write_all(&all)?;
    conn.flush()
}

/// Stream a valid sessions collection of exactly `mb` MiB without holding it in memory.
pub fn write_huge(
    conn: &mut Conn,
    state: &State,
    mb: usize,
    base: &str,
    stopped: &dyn Fn() -> bool,
) -> io::Result<()> {
    let total = mb.max(1) << 20;
    let head_resp = Response {
        status: 200,
        headers: state.headers(Some("\"mxs-mock-huge\""), Some("application/json")),
        body: Body::Empty,
    };
    conn.write_all(&head_resp.head(total))?;
    let tail = format!("],\"links\":{{\"self\":\"{base}sessions/\"}}}}");
    let shape = match state.config.version {
        Version::Real24_02_4 => Version::V24_02,
        v => v,
    };
    let generator = Generator::new(1000, state.config.seed, None, shape, state.config.evil);
    let mut buf: Vec<u8> = Vec::with_capacity(512 * 1024);
    buf.extend_from_slice(b"{\"data\":[");
    let mut written = 0usize;
    let mut id = 1u64;
    loop {
        let row = to_vec(&generator.session(id), Style::Compact, base);
        let sep = usize::from(id > 1);
        if written + buf.len() + sep + row.len() + tail.len() > total {
            break;
        }
        if sep == 1 {
            buf.push(b',');
        }
        buf.extend_from_slice(&row);
        id += 1;
        if buf.len() >= 256 * 1024 {
            if stopped() {
                return Ok(());
            }
            conn.write_all(&buf)?;
            written += buf.len();
            buf.clear();
        }
    }
    let pad = total - written - buf.len() - tail.len();
    buf.resize(buf.len() + pad, b' ');
    buf.extend_from_slice(tail.as_bytes());
    conn.write_all(&buf)?;
    conn.flush()
}

/// Stream a 200 whose header block holds `mb` MiB of padding headers, then a small body; stops
/// when the client goes away.
pub fn write_huge_headers(
    conn: &mut Conn,
    mb: usize,
    stopped: &dyn Fn() -> bool,
) -> io::Result<()> {
    conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")?;
    let pad = "a".repeat(1000);
    let mut chunk = String::with_capacity(64 * 1024);
    let (mut written, mut n) = (0usize, 0u64);
    while written < mb.max(1) << 20 {
        chunk.clear();
        while chunk.len() < 60 * 1024 {
            chunk.push_str(&format!("X-Mxs-Mock-Pad-{n}: {pad}\r\n"));
            n += 1;
        }
        if stopped() {
            return Ok(());
        }
        conn.write_all(chunk.as_bytes())?;
        written += chunk.len();
    }
    conn.write_all(b"Content-Length: 11\r\nConnection: close\r\n\r\n{\"data\":[]}")?;
    conn.flush()
}

/// Which value of a one-session document is huge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Huge {
    /// `user`, a string of `u`.
    String,
    /// The name of an attribute (`kkk…`, whose value is 1).
    Key,
    /// `memory`, a number of `9`s.
    Number,
}

/// Stream a one-session document one of whose values (see [`Huge`]) is `mb` MiB, with no
/// Content-Length (the body ends when the connection closes); stops when the client goes away.
pub fn write_huge_value(
    conn: &mut Conn,
    what: Huge,
    mb: usize,
    stopped: &dyn Fn() -> bool,
) -> io::Result<()> {
    let (open, byte, close): (&[u8], u8, &[u8]) = match what {
        Huge::String => (b"\"user\":\"", b'u', b"\""),
        Huge::Key => (b"\"user\":\"u\",\"", b'k', b"\":1"),
        Huge::Number => (b"\"user\":\"u\",\"memory\":", b'9', b""),
    };
    conn.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n\
          {\"data\":[{\"id\":\"1\",\"type\":\"sessions\",\"attributes\":{",
    )?;
    conn.write_all(open)?;
    let chunk = vec![byte; 256 * 1024];
    for _ in 0..(mb.max(1) << 20) / chunk.len() {
        if stopped() {
            return Ok(());
        }
        conn.write_all(&chunk)?;
    }
    conn.write_all(close)?;
    conn.write_all(b"}}],\"links\":{}}")?;
    conn.flush()
}
