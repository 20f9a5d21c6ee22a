//! Helpers shared by the checks: what may never reach a terminal, and sessions to test against.

use mxs::api::model::Session;
use mxs::error::Failure;
use mxs::text::sanitize::{self, is_unsafe};

/// A character that must never reach a terminal raw.
#[must_use]
pub fn forbidden(c: char) -> bool {
    c.is_control() // C0, DEL, C1
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || is_unsafe(c)
}

/// Panics when `text` holds a forbidden character other than those `allowed`.
pub fn check_text(what: &str, text: &str, allowed: &[char]) {
    if let Some((at, c)) = text
        .char_indices()
        .find(|(_, c)| forbidden(*c) && !allowed.contains(c))
    {
        panic!(
            "{what}: raw {c:?} (U+{:04X}) at byte {at} in output:\n{text:?}",
            u32::from(c)
        );
    }
}

/// An error message quotes the user's input raw; what reaches stderr is `sanitize::line` of
/// it (`Diag::error`, `Diag::warning`). That must be one non-empty line with nothing forbidden.
pub fn check_message(message: &str) {
    assert!(!message.trim().is_empty(), "an empty error message");
    check_text("error message", &sanitize::line(message), &[]);
}

/// [`check_message`] for a usage error and its hint.
pub fn check_failure(f: &Failure) {
    check_message(&f.message);
    if let Some(h) = &f.hint {
        check_message(h);
    }
}

/// The endpoint labels the sessions below refer to (`Session::host`).
#[must_use]
pub fn labels() -> Vec<String> {
    vec!["mx1:8989".to_string(), "https://mx2/".to_string()]
}

/// A few sessions covering each column's shapes: numeric and text ids, absent values, both
/// timestamp forms and a garbage one, IPv4, IPv6 and a socket path, hostile text.
#[must_use]
pub fn sessions() -> Vec<Session> {
    let text = |s: &str| Some(s.to_string());
    vec![
        Session {
            endpoint: 0,
            id: "7".into(),
            user: text("maxuser"),
            remote: text("192.0.2.1"),
            remote_name: text("db1.example"),
            port: Some(50_512),
            services: vec!["RW-Split-Router".into()],
            state: text("Session started"),
            connected: text("Fri, 05 Jan 2024 07:24:06 GMT"),
            idle: Some(700.5),
            seconds_alive: Some(86_400.0),
            memory: Some(2 << 20),
            io_activity: Some(3),
            thread: Some(1),
            backends: vec!["server1".into(), "server2".into()],
            last_query: text("SELECT 1\nFROM t"),
            conn_ids: vec![(Some(0), 12_345), (Some(1), 77)],
            has_queries: true,
            running: Some(Box::new(mxs::api::model::Running {
                statement: "SELECT SLEEP(10)\n".into(),
                received: text("2024-01-05T07:24:06.100"),
            })),
            query_age: Some(12.0),
            ..Session::default()
        },
        Session {
            endpoint: 1,
            id: "7".into(),
            user: text("Grüße\u{1b}[31m\u{202e}"),
            remote: text("::ffff:127.0.0.1"),
            connected: text("Thu Jul 20 07:28:51 2023"),
            idle: Some(0.0),
            memory: Some(0),
            unresolved: true,
            conn_ids: vec![(None, u64::MAX)],
            running: Some(Box::default()),
            ..Session::default()
        },
        Session {
            endpoint: 0,
            id: "abc".into(),
            remote: text("/tmp/mysql.sock"),
            connected: text("soon"),
            idle: Some(1e-3),
            memory: Some(u64::MAX),
            services: vec!["a".into(), "b\tc".into()],
            ..Session::default()
        },
        Session {
            endpoint: 1,
            id: "18446744073709551616".into(),
            remote: text("2001:db8::1"),
            port: Some(u64::MAX),
            idle: Some(1e300),
            seconds_alive: Some(0.25),
            ..Session::default()
        },
        Session {
            endpoint: 0,
            id: "10".into(),
            ..Session::default()
        },
    ]
}

/// The input as text, as clap and `read_to_string` give it (they refuse other bytes).
#[must_use]
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}
