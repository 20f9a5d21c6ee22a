//! The typed view of a session resource: only the fields that tables, TSV, filters and sorting
//! use, parsed from borrowed bytes, tolerant of unknown keys (a newer MaxScale never breaks it)
//! and strict about the shape of what it reads (an id must be a string, `attributes` an object),
//! so a broken server is reported rather than rendered as empty rows.

use super::place::{ElementError, error_at};
use super::walk;

/// How much of a resource [`Session::parse_for_list`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Nothing: the session is only its endpoint. For JSON passed straight through, whose
    /// copier notes the shape as it copies ([`crate::api::json::Copied::session`]) and reads
    /// it with [`Depth::Shape`] only when that is in doubt.
    Unchecked,
    /// The id, and that `attributes` is an object.
    Shape,
    /// Every list column but the last query.
    List,
    /// Every list column.
    WithQuery,
}

/// One session, owned, as the list views need it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    /// Index (in `--hosts` order) of the endpoint it came from.
    pub endpoint: usize,
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
    /// The backend connections' ids (`connections[].connection_id`), each with its server as
    /// an index into `backends` (`None` when the connection named none): kept on every list, so
    /// the names are not copied again. Versions without ids give none. See [`Session::conn_ids`].
    pub conn_ids: Vec<(Option<u32>, u64)>,
    /// `queries` holds at least one statement (read with the queries only).
    pub has_queries: bool,
    /// The newest element of `queries` has not completed: its statement (or, without one, its
    /// command) and its `received` time as sent (the server's local time, no zone).
    pub running: Option<Box<Running>>,
    /// How long the running statement has run, in seconds, by the server's clock (set by the
    /// commands, which know that clock).
    pub query_age: Option<f64>,
    /// What the backend servers say of its threads (`list --backend`, set by the commands).
    pub backend: Option<Box<BackendFacts>>,
}

/// A session's backend threads in a list: what blocks them, their state, how long they have
/// been in it, the age of their open transaction (the longest over its connections).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BackendFacts {
    /// The sessions (`ID` or `ID@HOST`) and threads (`thread:T`) its threads wait for.
    pub blocked_by: Vec<String>,
    pub state: Option<String>,
    pub time: Option<f64>,
    pub trx_age: Option<f64>,
    /// The same for `meta.backend` in JSON.
    pub json: serde_json::Value,
}

/// The statement a session is running.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Running {
    pub statement: String,
    pub received: Option<String>,
}

impl Session {
    /// The backend connections' ids with their servers (empty when the connection named none).
    pub fn conn_ids(&self) -> impl Iterator<Item = (&str, u64)> {
        self.conn_ids.iter().map(|&(server, id)| {
            let name = server.and_then(|i| self.backends.get(i as usize));
            (name.map_or("", String::as_str), id)
        })
    }

    /// Parses one resource object. Errors are [`ElementError`]s placed inside `bytes`.
    pub fn parse(bytes: &[u8], endpoint: usize) -> anyhow::Result<Session> {
        Ok(Session::parse_element(
            bytes,
            walk::Index::NONE,
            endpoint,
            Depth::WithQuery,
        )?)
    }

    /// [`Session::parse`] reading only what `depth` asks for: a list of 100,000 sessions rarely
    /// shows the last query (the largest string kept per session), and JSON passed straight
    /// through needs only the shape checked. `index` (the scanner's) lets it skip objects
    /// without scanning them again.
    pub fn parse_for_list(
        bytes: &[u8],
        index: walk::Index<'_>,
        endpoint: usize,
        depth: Depth,
    ) -> anyhow::Result<Session> {
        if depth == Depth::Unchecked {
            return Ok(Session {
                endpoint,
                ..Session::default()
            });
        }
        Ok(Session::parse_element(bytes, index, endpoint, depth)?)
    }

    fn parse_element(
        doc: &[u8],
        ix: walk::Index<'_>,
        endpoint: usize,
        depth: Depth,
    ) -> Result<Session, ElementError> {
        if doc.first() != Some(&b'{') {
            return Err(error_at(
                doc,
                0,
                false,
                format!("a session must be a JSON object, found {}", describe(doc)),
            ));
        }
        let mut s = Session {
            endpoint,
            ..Session::default()
        };
        let (mut id, mut attributes) = (None, false);
        walk::visit(doc, ix, 0, |key, at| {
            Ok(match key {
                b"id" => {
                    let (v, end) = match walk::plain_string(doc, at) {
                        Some(plain) => plain,
                        None => walk::parse_at::<String>(doc, at, "id")?,
                    };
                    id = Some(v);
                    Some(end)
                }
                b"attributes" if doc[at] == b'{' && depth == Depth::Shape => {
                    attributes = true;
                    None
                }
                b"attributes" if doc[at] == b'{' => {
                    attributes = true;
                    Some(walk::visit(doc, ix, at, |k, at| {
                        attribute(doc, ix, &mut s, k, at, depth == Depth::WithQuery)
                    })?)
                }
                b"relationships" if doc[at] == b'{' && depth != Depth::Shape => {
                    Some(walk::visit(doc, ix, at, |k, at| {
                        if k == b"services" && doc[at] == b'{' {
                            return Ok(Some(relation_ids(doc, ix, at, &mut s.services)?));
                        }
                        Ok(None)
                    })?)
                }
                _ => None,
            })
        })?;
        let Some(id) = id else {
            return Err(error_at(doc, 0, false, "a session has no \"id\""));
        };
        if !attributes {
            return Err(error_at(
                doc,
                0,
                false,
                format!(
                    "session {} has no \"attributes\" object",
                    crate::text::sanitize::line(&id)
                ),
            ));
        }
        s.id = id;
        Ok(s)
    }

    /// The numeric id, for sorting (ids are decimal strings; anything else sorts last).
    #[must_use]
    pub fn id_number(&self) -> u64 {
        self.id.parse().unwrap_or(u64::MAX)
    }

    /// The name to show for the client: the resolved name, else the address.
    #[must_use]
    pub fn client_display(&self) -> Option<&str> {
        self.remote_name.as_deref().or(self.remote.as_deref())
    }
}

/// Reads the value at `at` into `slot` (`null` is none); `path` names it in errors.
fn set<T: serde::de::DeserializeOwned>(
    doc: &[u8],
    at: usize,
    path: &str,
    slot: &mut Option<T>,
) -> Result<Option<usize>, ElementError> {
    let (v, end) = walk::parse_at::<Option<T>>(doc, at, path)?;
    *slot = v;
    Ok(Some(end))
}

/// `set` for a string, without serde when the string is a plain one.
fn text(
    doc: &[u8],
    at: usize,
    path: &str,
    slot: &mut Option<String>,
) -> Result<Option<usize>, ElementError> {
    if let Some((v, end)) = walk::plain_string(doc, at) {
        *slot = Some(v);
        return Ok(Some(end));
    }
    set(doc, at, path, slot)
}

/// Reads one member of `attributes` into the session; `None` leaves it to be skipped.
fn attribute(
    doc: &[u8],
    ix: walk::Index<'_>,
    s: &mut Session,
    key: &[u8],
    at: usize,
    want_query: bool,
) -> Result<Option<usize>, ElementError> {
    match key {
        b"user" => text(doc, at, "attributes.user", &mut s.user),
        b"remote" => text(doc, at, "attributes.remote", &mut s.remote),
        b"state" => text(doc, at, "attributes.state", &mut s.state),
        b"connected" => text(doc, at, "attributes.connected", &mut s.connected),
        b"port" => set(doc, at, "attributes.port", &mut s.port),
        b"idle" => set(doc, at, "attributes.idle", &mut s.idle),
        b"seconds_alive" => set(doc, at, "attributes.seconds_alive", &mut s.seconds_alive),
        b"io_activity" => set(doc, at, "attributes.io_activity", &mut s.io_activity),
        b"thread" => set(doc, at, "attributes.thread", &mut s.thread),
        b"memory" if doc[at] == b'{' => Ok(Some(walk::visit(doc, ix, at, |k, at| {
            if k == b"total" {
                set(doc, at, "attributes.memory.total", &mut s.memory)
            } else {
                Ok(None)
            }
        })?)),
        b"connections" if doc[at] == b'[' => connections(doc, ix, s, at),
        b"queries" if want_query && doc[at] == b'[' => queries(doc, ix, s, at),
        _ => Ok(None),
    }
}

/// `attributes.connections`: each backend connection's server (its name pushed to `backends`)
/// and connection id (in `conn_ids`).
fn connections(
    doc: &[u8],
    ix: walk::Index<'_>,
    s: &mut Session,
    at: usize,
) -> Result<Option<usize>, ElementError> {
    let (items, end) = walk::items(doc, ix, at)?;
    for &(start, _) in &items {
        if doc[start] == b'{' {
            let (mut server, mut conn_id) = (None, None::<u64>);
            walk::visit(doc, ix, start, |k, at| {
                if k == b"server" {
                    let (name, end) = match walk::plain_string(doc, at) {
                        Some((name, end)) => (Some(name), end),
                        None => walk::parse_at::<Option<String>>(
                            doc,
                            at,
                            "attributes.connections[].server",
                        )?,
                    };
                    if let Some(name) = name {
                        server = u32::try_from(s.backends.len()).ok();
                        s.backends.push(name);
                    }
                    return Ok(Some(end));
                }
                if k == b"connection_id" {
                    // read on every list: digits without serde, anything else with it
                    // (null is none, another type an error)
                    let end = walk::value_end(doc, at)?;
                    let digits = &doc[at..end];
                    conn_id = match std::str::from_utf8(digits)
                        .ok()
                        .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
                        .and_then(|t| t.parse::<u64>().ok())
                    {
                        Some(id) => Some(id),
                        None => {
                            walk::parse_at::<Option<u64>>(
                                doc,
                                at,
                                "attributes.connections[].connection_id",
                            )?
                            .0
                        }
                    };
                    return Ok(Some(end));
                }
                Ok(None)
            })?;
            if let Some(id) = conn_id {
                s.conn_ids.push((server, id));
            }
        }
    }
    Ok(Some(end))
}

/// `attributes.queries`: whether there are any, the newest one when it is still running, and
/// the last statement.
fn queries(
    doc: &[u8],
    ix: walk::Index<'_>,
    s: &mut Session,
    at: usize,
) -> Result<Option<usize>, ElementError> {
    // the last statement only (queries are oldest first)
    let (items, end) = walk::items(doc, ix, at)?;
    s.has_queries = !items.is_empty();
    if let Some(&(start, _)) = items.last()
        && doc[start] == b'{'
    {
        s.running = newest(doc, ix, start)?;
    }
    for &(start, _) in items.iter().rev() {
        if doc[start] != b'{' {
            continue;
        }
        let mut found = false;
        walk::visit(doc, ix, start, |k, at| {
            if k == b"statement" {
                found = true;
                return set(doc, at, "attributes.queries[].statement", &mut s.last_query);
            }
            Ok(None)
        })?;
        if found {
            break;
        }
    }
    Ok(Some(end))
}

/// The newest element of `queries`, when it has not completed (no `completed`, or `null`).
fn newest(
    doc: &[u8],
    ix: walk::Index<'_>,
    start: usize,
) -> Result<Option<Box<Running>>, ElementError> {
    let (mut statement, mut command, mut received, mut completed) = (None, None, None, None);
    walk::visit(doc, ix, start, |k, at| {
        let slot = match k {
            b"statement" => &mut statement,
            b"command" => &mut command,
            b"received" => &mut received,
            b"completed" => &mut completed,
            _ => return Ok(None),
        };
        let path = format!("attributes.queries[].{}", String::from_utf8_lossy(k));
        let (v, end) = walk::parse_at::<Option<String>>(doc, at, &path)?;
        *slot = v;
        Ok(Some(end))
    })?;
    Ok(completed.is_none().then(|| {
        Box::new(Running {
            statement: statement.or(command).unwrap_or_default(),
            received,
        })
    }))
}

/// The ids of a relationship object's `data` into `ids`; returns the object's end.
fn relation_ids(
    doc: &[u8],
    ix: walk::Index<'_>,
    at: usize,
    ids: &mut Vec<String>,
) -> Result<usize, ElementError> {
    walk::visit(doc, ix, at, |k, at| {
        if k != b"data" || doc[at] != b'[' {
            return Ok(None);
        }
        let (items, end) = walk::items(doc, ix, at)?;
        for &(start, _) in &items {
            if doc[start] == b'{' {
                walk::visit(doc, ix, start, |k, at| {
                    if k == b"id" {
                        let (id, end) = match walk::plain_string(doc, at) {
                            Some(plain) => plain,
                            None => walk::parse_at::<String>(
                                doc,
                                at,
                                "relationships.services.data[].id",
                            )?,
                        };
                        ids.push(id);
                        return Ok(Some(end));
                    }
                    Ok(None)
                })?;
            }
        }
        Ok(Some(end))
    })
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]

        /// The copier's note that a value has a session's shape is never wrong: whatever it
        /// notes as a session, the session model reads without an error. Objects of members
        /// named `id`, `attributes` (plain or escaped) or other, each of every type, repeated.
        #[test]
        fn what_the_copier_notes_as_a_session_reads_as_one(
            members in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["id", "attributes", "x", "i\\u0064"]),
                    proptest::sample::select(vec![
                        "\"1\"", "1", "null", "{}", "[]", "{\"id\": 2}", "\"a\\\"b\"",
                    ]),
                ),
                0..6,
            ),
            array in proptest::bool::ANY,
        ) {
            let body = members
                .iter()
                .map(|(name, value)| format!("\"{name}\": {value}"))
                .collect::<Vec<_>>()
                .join(", ");
            let doc = if array { format!("[{body}]") } else { format!("{{{body}}}") };
            let copied = crate::api::json::reformat_noting_meta(
                doc.as_bytes(),
                &mut Vec::new(),
                crate::api::json::Layout::Compact,
            );
            let read = Session::parse_for_list(doc.as_bytes(), walk::Index::NONE, 0, Depth::Shape);
            if copied.is_ok_and(|c| c.session) {
                proptest::prop_assert!(read.is_ok(), "{doc}: {:?}", read.err());
            } else if !array {
                // and it misses no session the model reads
                proptest::prop_assert!(read.is_err(), "{doc}");
            }
        }
    }

    #[test]
    fn sessions_of_every_version_are_noted_as_sessions() {
        for doc in [
            &include_bytes!("../../tests/mock/fixtures/sessions-list.24.02.json")[..],
            include_bytes!("../../tests/mock/fixtures/sessions-list.2.2.json"),
            include_bytes!("../../tests/mock/fixtures/sessions-list.6.4.json"),
        ] {
            let v: serde_json::Value = serde_json::from_slice(doc).unwrap();
            for session in v["data"].as_array().unwrap() {
                let bytes = serde_json::to_vec_pretty(session).unwrap();
                let copied = crate::api::json::reformat_noting_meta(
                    &bytes,
                    &mut Vec::new(),
                    crate::api::json::Layout::Compact,
                )
                .unwrap();
                assert!(copied.session, "{session}");
            }
        }
    }

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
        assert_eq!(s.conn_ids().collect::<Vec<_>>(), [("server1", 10)]);
        assert!(s.has_queries);
        assert_eq!(
            s.running.as_deref(),
            Some(&Running {
                statement: "SELECT SLEEP(86400)".into(),
                received: Some("2026-11-28T09:19:31.890".into()),
            })
        );
        // session 2's statements have completed
        let doc: serde_json::Value = serde_json::from_str(include_str!(
            "../../tests/mock/fixtures/real-24.02/session-get-2.json"
        ))
        .unwrap();
        let s = Session::parse(&serde_json::to_vec(&doc["data"]).unwrap(), 0).unwrap();
        assert!(s.has_queries);
        assert_eq!(s.running, None);
        // read at list depth, the queries are not looked at
        let s = Session::parse_for_list(&bytes, walk::Index::NONE, 0, Depth::List).unwrap();
        assert_eq!((s.has_queries, s.running), (false, None));
        assert_eq!(s.conn_ids.len(), 1);
    }

    #[test]
    fn connection_ids_of_every_version_and_none_when_absent() {
        let s = Session::parse(
            br#"{"id":"1","attributes":{"connections":[
                {"connection_id":169,"server":"server1"},{"server":"server2"},
                {"connection_id":90}],
                "queries":[{"statement":"SELECT 1","completed":null},{"command":"COM_PING"}]}}"#,
            0,
        )
        .unwrap();
        assert_eq!(
            s.conn_ids().collect::<Vec<_>>(),
            [("server1", 169), ("", 90)]
        );
        assert_eq!(s.backends, ["server1", "server2"]);
        assert_eq!(s.running.unwrap().statement, "COM_PING");
        let s = Session::parse(br#"{"id":"9","attributes":{"queries":[]}}"#, 0).unwrap();
        assert!(s.conn_ids.is_empty() && !s.has_queries && s.running.is_none());
        for bad in [r#""x""#, "-1", "1.5", "99999999999999999999"] {
            let e = Session::parse(
                format!(
                    r#"{{"id":"1","attributes":{{"connections":[{{"connection_id":{bad}}}]}}}}"#
                )
                .as_bytes(),
                0,
            )
            .unwrap_err()
            .to_string();
            assert!(e.contains("connection_id"), "{bad}: {e}");
        }
        let s = Session::parse(
            br#"{"id":"1","attributes":{"connections":[{"connection_id":null,"server":"a"}]}}"#,
            0,
        )
        .unwrap();
        assert!(s.conn_ids.is_empty());
    }

    #[test]
    fn tolerates_old_shapes_and_missing_fields() {
        let s = Session::parse(
            br#"{"id":"9","type":"sessions","attributes":{"state":"x","new_key":[1]},"extra":1}"#,
            2,
        )
        .unwrap();
        assert_eq!(s.endpoint, 2);
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
