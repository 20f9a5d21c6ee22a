//! `mxs-static`: the benchmarks' floor. It serves `GET /v1/sessions` from bodies rendered once at
//! start-up by the mock's own renderer (an in-process `mxs-mock`, asked once per listener with
//! that listener's `Host`, so the links name the right port), and then does no per-request
//! work: no authentication, no rendering, no copying; each response is one `write_all` of the
//! status line and headers and one of the body, from memory.
//!
//! It is not a MaxScale imitation (that is `mxs-mock`): every other path gets a 404, requests are
//! not authenticated, and request bodies are not read.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use mxs_mock::{DEFAULT_PASSWORD, DEFAULT_USER, MockConfig, MockServer, Version};

#[derive(Parser, Debug)]
#[command(
    name = "mxs-static",
    about = "Serves GET /v1/sessions from pre-rendered bodies in memory (the benchmarks' floor)"
)]
struct Cli {
    /// Number of listeners (each its own ephemeral port, unless --port is given)
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u16).range(1..=256))]
    listeners: u16,
    /// Port of the first listener (the others follow); 0 for ephemeral ports
    #[arg(long, value_name = "PORT", default_value_t = 0)]
    port: u16,
    /// Serve N generated sessions (24.02 shape) instead of the 3 captured ones
    #[arg(long, value_name = "N")]
    sessions: Option<usize>,
    /// Seed of the session generator
    #[arg(long, value_name = "S", default_value_t = 0)]
    seed: u64,
    /// Delay before each response, in milliseconds
    #[arg(long, value_name = "MS", default_value_t = 0)]
    latency: u64,
}

/// One listener's response: the head and the body, rendered once.
struct Prepared {
    head: Vec<u8>,
    body: Vec<u8>,
}

const NOT_FOUND: &[u8] =
    b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\nnot found\n";

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mxs-static: error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: &Cli) -> io::Result<()> {
    let bind = IpAddr::V4(Ipv4Addr::LOCALHOST);
    let listeners: Vec<TcpListener> = (0..cli.listeners)
        .map(|i| {
            let port = if cli.port == 0 { 0 } else { cli.port + i };
            TcpListener::bind(SocketAddr::new(bind, port))
        })
        .collect::<io::Result<_>>()?;
    let config = MockConfig {
        sessions: cli.sessions,
        seed: cli.seed,
        version: Version::default(),
        ..MockConfig::default()
    };
    let bodies: Vec<Arc<Prepared>> = {
        let mock = MockServer::start(config)?;
        listeners
            .iter()
            .map(|l| prepare(mock.addr(), l.local_addr()?).map(Arc::new))
            .collect::<io::Result<_>>()?
    };
    let latency = Duration::from_millis(cli.latency);
    let mut out = io::stdout().lock();
    for l in &listeners {
        writeln!(out, "listening on http://{}", l.local_addr()?)?;
    }
    out.flush()?;
    drop(out);
    std::thread::scope(|scope| {
        for (listener, body) in listeners.iter().zip(&bodies) {
            scope.spawn(move || {
                for conn in listener.incoming().flatten() {
                    let body = Arc::clone(body);
                    std::thread::spawn(move || {
                        // A client that goes away mid-response is not an error of the server.
                        let _ = serve(conn, &body, latency);
                    });
                }
            });
        }
    });
    Ok(())
}

/// Asks the in-process mock for the list as `host` would see it, and keeps its head (with a
/// `Content-Length`, without `Connection: close`) and body.
fn prepare(mock: SocketAddr, host: SocketAddr) -> io::Result<Prepared> {
    let mut conn = TcpStream::connect(mock)?;
    let auth = base64(format!("{DEFAULT_USER}:{DEFAULT_PASSWORD}").as_bytes());
    write!(
        conn,
        "GET /v1/sessions HTTP/1.1\r\nHost: {host}\r\nAuthorization: Basic {auth}\r\nConnection: close\r\n\r\n"
    )?;
    let mut reader = BufReader::new(conn);
    let mut status = String::new();
    reader.read_line(&mut status)?;
    if !status.starts_with("HTTP/1.1 200 ") {
        return Err(io::Error::other(format!(
            "the mock answered {}",
            status.trim_end()
        )));
    }
    let mut head = b"HTTP/1.1 200 OK\r\n".to_vec();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(io::Error::other("the mock's response ended in its head"));
        }
        if line == "\r\n" {
            break;
        }
        let name = line.split(':').next().unwrap_or("").to_ascii_lowercase();
        if !matches!(
            name.as_str(),
            "connection" | "content-length" | "transfer-encoding"
        ) {
            head.extend_from_slice(line.as_bytes());
        }
    }
    let mut body = Vec::new();
    reader.read_to_end(&mut body)?;
    head.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    Ok(Prepared { head, body })
}

/// Answers the requests of one connection until the client closes it.
fn serve(mut conn: TcpStream, prepared: &Prepared, latency: Duration) -> io::Result<()> {
    conn.set_nodelay(true)?;
    let mut buf = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    loop {
        // Read one request head (bodies are not expected: only GETs are served).
        let end = loop {
            if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break at + 4;
            }
            if buf.len() > 64 * 1024 {
                return Ok(());
            }
            let n = conn.read(&mut chunk)?;
            if n == 0 {
                return Ok(());
            }
            buf.extend_from_slice(&chunk[..n]);
        };
        let line = buf.split(|b| *b == b'\r').next().unwrap_or(&[]);
        let target = line.split(|b| *b == b' ').nth(1).unwrap_or(&[]);
        let path = target.split(|b| *b == b'?').next().unwrap_or(&[]);
        let list = line.starts_with(b"GET ") && matches!(path, b"/v1/sessions" | b"/v1/sessions/");
        buf.drain(..end);
        if !latency.is_zero() {
            std::thread::sleep(latency);
        }
        if list {
            conn.write_all(&prepared.head)?;
            conn.write_all(&prepared.body)?;
        } else {
            conn.write_all(NOT_FOUND)?;
        }
    }
}

/// Standard base64 with padding (for the one Basic credential).
fn base64(input: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in input.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b"admin:mariadb"), "YWRtaW46bWFyaWFkYg==");
        assert_eq!(base64(b"abc"), "YWJj");
        assert_eq!(base64(b"ab"), "YWI=");
    }
}
