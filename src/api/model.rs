//! The typed view of a session resource: only the fields that tables, TSV, filters and sorting
//! use, parsed from borrowed bytes, tolerant of unknown keys (a newer MaxScale never breaks it)
//! and strict about the shape of what it reads (an id must be a string, `attributes` an object),
//! so a broken server is reported rather than rendered as empty rows.

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::IgnoredAny;

#[derive(Deserialize)]
struct Resource<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    attributes: Option<Attributes<'a>>,
    #[serde(borrow, default)]
    relationships: Option<Relationships<'a>>,
}

#[derive(Deserialize)]
struct Attributes<'a> {
    #[serde(borrow, default)]
    state: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    user: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    remote: Option<Cow<'a, str>>,
    #[serde(default)]
    port: Option<u64>,
    #[serde(borrow, default)]
    connected: Option<Cow<'a, str>>,
    #[serde(default)]
    idle: Option<f64>,
    #[serde(default)]
    seconds_alive: Option<f64>,
    #[serde(default)]
    memory: Option<Memory>,
    #[serde(default)]
    io_activity: Option<u64>,
    #[serde(default)]
    thread: Option<u64>,
    #[serde(borrow, default)]
    connections: Option<Vec<Backend<'a>>>,
    #[serde(borrow, default)]
    queries: Option<Vec<Query<'a>>>,
}

#[derive(Deserialize)]
struct Memory {
    #[serde(default)]
    total: Option<u64>,
}

#[derive(Deserialize)]
struct Backend<'a> {
    #[serde(borrow, default)]
    server: Option<Cow<'a, str>>,
    #[serde(default, rename = "connection_id")]
    _connection_id: Option<IgnoredAny>,
}

#[derive(Deserialize)]
struct Query<'a> {
    #[serde(borrow, default)]
    statement: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Relationships<'a> {
    #[serde(borrow, default)]
    services: Option<Relation<'a>>,
}

#[derive(Deserialize)]
struct Relation<'a> {
    #[serde(borrow, default)]
    data: Option<Vec<RelationItem<'a>>>,
}

#[derive(Deserialize)]
struct RelationItem<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
}

/// One session, owned, as the list views need it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    /// Index of the endpoint it came from.
    pub host: usize,
    pub id: String,
    pub user: Option<String>,
    pub remote: Option<String>,
    /// Filled in by client-side reverse DNS.
    pub remote_name: Option<String>,
    /// Reverse DNS was asked for this session's address and failed or timed out.
    pub unresolved: bool,
    pub port: Option<u64>,
    pub services: Vec<String>,
    pub state: Option<String>,
    pub connected: Option<String>,
    pub idle: Option<f64>,
    pub seconds_alive: Option<f64>,
    pub memory: Option<u64>,
    pub io_activity: Option<u64>,
    pub thread: Option<u64>,
    pub backends: Vec<String>,
    /// The most recent statement (the last element of `queries`).
    pub last_query: Option<String>,
}

impl Session {
    /// Parses one resource object. Errors are serde's (with places inside `bytes`) or name the
    /// missing part.
    pub fn parse(bytes: &[u8], host: usize) -> anyhow::Result<Session> {
        if bytes.first() != Some(&b'{') {
            anyhow::bail!("a session must be a JSON object, found {}", describe(bytes));
        }
        let r: Resource<'_> = serde_json::from_slice(bytes)?;
        let Some(a) = r.attributes else {
            anyhow::bail!(
                "session {} has no \"attributes\" object",
                crate::output::sanitize::line(&r.id)
            );
        };
        let own = |c: Option<Cow<'_, str>>| c.map(Cow::into_owned);
        Ok(Session {
            host,
            id: r.id.into_owned(),
            user: own(a.user),
            remote: own(a.remote),
            remote_name: None,
            unresolved: false,
            port: a.port,
            services: r
                .relationships
                .and_then(|rel| rel.services)
                .and_then(|s| s.data)
                .map(|d| d.into_iter().map(|i| i.id.into_owned()).collect())
                .unwrap_or_default(),
            state: own(a.state),
            connected: own(a.connected),
            idle: a.idle,
            seconds_alive: a.seconds_alive,
            memory: a.memory.and_then(|m| m.total),
            io_activity: a.io_activity,
            thread: a.thread,
            backends: a
                .connections
                .unwrap_or_default()
                .into_iter()
                .filter_map(|b| b.server.map(Cow::into_owned))
                .collect(),
            last_query: a
                .queries
                .and_then(|q| q.into_iter().rev().find_map(|q| q.statement))
                .map(Cow::into_owned),
        })
    }

    /// The numeric id, for sorting (ids are decimal strings; anything else sorts last).
    #[must_use]
    pub fn id_number(&self) -> u64 {
        self.id.parse().unwrap_or(u64::MAX)
    }

    /// The name to show for the client: the resolved name, else the address.
    #[must_use]
    pub fn host_display(&self) -> Option<&str> {
        self.remote_name.as_deref().or(self.remote.as_deref())
    }
}

/// A short description of a JSON value's type, for error messages.
#[must_use]
pub fn describe(bytes: &[u8]) -> &'static str {
    match bytes.first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        Some(b'-' | b'0'..=b'9') => "a number",
        _ => "nothing",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_real_session() {
        let doc: serde_json::Value = serde_json::from_str(include_str!(
            "../../tests/mock/fixtures/real-24.02/session-get-1.json"
        ))
        .unwrap();
        let bytes = serde_json::to_vec(&doc["data"]).unwrap();
        let s = Session::parse(&bytes, 0).unwrap();
        assert_eq!(s.id, "1");
        assert_eq!(s.user.as_deref(), Some("maxuser"));
        assert_eq!(s.remote.as_deref(), Some("127.0.0.1"));
        assert_eq!(s.services, ["RW-Split-Router"]);
        assert_eq!(s.backends, ["server1"]);
        assert_eq!(s.idle, Some(0.0));
        assert!(s.memory.is_some());
        assert_eq!(s.last_query.as_deref(), Some("SELECT SLEEP(86400)"));
    }

    #[test]
    fn tolerates_old_shapes_and_missing_fields() {
        let s = Session::parse(
            br#"{"id":"9","type":"sessions","attributes":{"state":"x","new_key":[1]},"extra":1}"#,
            2,
        )
        .unwrap();
        assert_eq!(s.host, 2);
        assert_eq!(s.user, None);
        assert_eq!(s.idle, None);
        assert!(s.services.is_empty());
        // 22.08: connection_buffers is an integer, total is still there
        let s = Session::parse(
            br#"{"id":"1","attributes":{"memory":{"connection_buffers":5,"total":9}}}"#,
            0,
        )
        .unwrap();
        assert_eq!(s.memory, Some(9));
    }

    #[test]
    fn rejects_wrong_shapes_clearly() {
        let e = Session::parse(br#"{"id":1,"attributes":{}}"#, 0)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("invalid type: integer `1`, expected a string"),
            "{e}"
        );
        let e = Session::parse(br#"{"id":"1"}"#, 0).unwrap_err().to_string();
        assert!(e.contains("has no \"attributes\""), "{e}");
        let e = Session::parse(br#""oops""#, 0).unwrap_err().to_string();
        assert!(e.contains("must be a JSON object, found a string"), "{e}");
        let e = Session::parse(br#"{"id":"1","attributes":{"idle":"x"}}"#, 0)
            .unwrap_err()
            .to_string();
        assert!(e.contains("expected f64"), "{e}");
    }
}
