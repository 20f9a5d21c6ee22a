//! The columns of the session list: their names (for `--columns`, `--where`, `--sort`), table
//! headers, value types, and how each is read from a [`Session`]. Shared by the table renderer,
//! filtering and sorting so that a column means the same thing everywhere.

use std::borrow::Cow;

use crate::api::model::Session;
use crate::error::Failure;
use crate::text::time::Stamp;
use crate::text::units;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    User,
    Host,
    Remote,
    RemoteName,
    Port,
    Connected,
    Idle,
    Alive,
    Service,
    State,
    Backends,
    Memory,
    Io,
    Thread,
    Query,
    Running,
    QueryAge,
    ConnIds,
    Maxscale,
    BlockedBy,
    BackendState,
    BackendTime,
    TrxAge,
}

/// How a column's values compare and parse in conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Integers (id, port, io, thread).
    Number,
    /// Seconds, written with units in conditions (idle, alive).
    Duration,
    /// Bytes, written with units in conditions (memory).
    Size,
    /// A timestamp (connected), compared as time.
    Time,
    Text,
}

/// A column's value for comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Num(f64),
    Text(Cow<'a, str>),
    Missing,
}

impl Column {
    pub const ALL: [Column; 24] = [
        Column::Id,
        Column::User,
        Column::Host,
        Column::Remote,
        Column::RemoteName,
        Column::Port,
        Column::Connected,
        Column::Idle,
        Column::Alive,
        Column::Service,
        Column::State,
        Column::Backends,
        Column::Memory,
        Column::Io,
        Column::Thread,
        Column::Query,
        Column::Running,
        Column::QueryAge,
        Column::ConnIds,
        Column::Maxscale,
        Column::BlockedBy,
        Column::BackendState,
        Column::BackendTime,
        Column::TrxAge,
    ];

    /// The columns read from the backend servers (`list --backend`).
    pub const BACKEND: [Column; 4] = [
        Column::BlockedBy,
        Column::BackendState,
        Column::BackendTime,
        Column::TrxAge,
    ];

    /// The column is read from the backend servers through the SQL API (`--backend`).
    #[must_use]
    pub fn needs_backend(self) -> bool {
        Column::BACKEND.contains(&self)
    }

    /// The default table columns.
    #[must_use]
    pub fn defaults(several_hosts: bool) -> Vec<Column> {
        let mut cols = vec![
            Column::Id,
            Column::User,
            Column::Host,
            Column::Connected,
            Column::Idle,
            Column::Service,
            Column::Backends,
            Column::Memory,
            Column::Io,
        ];
        if several_hosts {
            cols.push(Column::Maxscale);
        }
        cols
    }

    /// The default columns of `sessions queries`.
    #[must_use]
    pub fn queries_defaults(several_hosts: bool) -> Vec<Column> {
        let mut cols = vec![
            Column::Id,
            Column::User,
            Column::Host,
            Column::Service,
            Column::QueryAge,
            Column::Running,
        ];
        if several_hosts {
            cols.push(Column::Maxscale);
        }
        cols
    }

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::User => "user",
            Column::Host => "host",
            Column::Remote => "remote",
            Column::RemoteName => "remote_name",
            Column::Port => "port",
            Column::Connected => "connected",
            Column::Idle => "idle",
            Column::Alive => "alive",
            Column::Service => "service",
            Column::State => "state",
            Column::Backends => "backends",
            Column::Memory => "memory",
            Column::Io => "io",
            Column::Thread => "thread",
            Column::Query => "query",
            Column::Running => "running",
            Column::QueryAge => "query_age",
            Column::ConnIds => "conn_ids",
            Column::Maxscale => "maxscale",
            Column::BlockedBy => "blocked_by",
            Column::BackendState => "backend_state",
            Column::BackendTime => "backend_time",
            Column::TrxAge => "trx_age",
        }
    }

    #[must_use]
    pub fn header(self) -> &'static str {
        match self {
            Column::Id => "ID",
            Column::User => "USER",
            Column::Host => "HOST",
            Column::Remote => "REMOTE",
            Column::RemoteName => "REMOTE NAME",
            Column::Port => "PORT",
            Column::Connected => "CONNECTED",
            Column::Idle => "IDLE",
            Column::Alive => "ALIVE",
            Column::Service => "SERVICE",
            Column::State => "STATE",
            Column::Backends => "BACKENDS",
            Column::Memory => "MEMORY",
            Column::Io => "I/O",
            Column::Thread => "THREAD",
            Column::Query => "LAST QUERY",
            Column::Running => "RUNNING",
            Column::QueryAge => "QUERY AGE",
            Column::ConnIds => "CONN IDS",
            Column::Maxscale => "MAXSCALE",
            Column::BlockedBy => "BLOCKED BY",
            Column::BackendState => "BACKEND STATE",
            Column::BackendTime => "BACKEND TIME",
            Column::TrxAge => "TRX AGE",
        }
    }

    #[must_use]
    pub fn kind(self) -> Kind {
        match self {
            Column::Id | Column::Port | Column::Io | Column::Thread => Kind::Number,
            Column::Idle
            | Column::Alive
            | Column::QueryAge
            | Column::BackendTime
            | Column::TrxAge => Kind::Duration,
            Column::Memory => Kind::Size,
            Column::Connected => Kind::Time,
            _ => Kind::Text,
        }
    }

    /// The column reads `queries`, which a list fetches only when asked (it is the largest part
    /// of a session): the last query, the running statement and its age.
    #[must_use]
    pub fn needs_queries(self) -> bool {
        matches!(self, Column::Query | Column::Running | Column::QueryAge)
    }

    /// Right-aligned in tables.
    #[must_use]
    pub fn numeric(self) -> bool {
        !matches!(self.kind(), Kind::Text | Kind::Time)
    }

    /// Parses a column name, accepting the TSV and JSON spellings too.
    #[must_use]
    pub fn parse(name: &str) -> Option<Column> {
        let lower = name.trim().to_ascii_lowercase().replace('-', "_");
        let alias = match lower.as_str() {
            "io_activity" | "i/o" => "io",
            "seconds_alive" => "alive",
            "services" => "service",
            "backend" | "connections" | "servers" => "backends",
            "client" | "address" => "remote",
            "statement" | "last_query" => "query",
            "conn_id" | "connection_id" | "connection_ids" | "backend_ids" => "conn_ids",
            "age" => "query_age",
            other => other,
        };
        Column::ALL.into_iter().find(|c| c.name() == alias)
    }

    /// Every column name, for error messages.
    #[must_use]
    pub fn names() -> String {
        Column::ALL.map(Column::name).join(", ")
    }

    /// The value used by `--where` and `--sort`.
    #[must_use]
    pub fn value<'a>(self, s: &'a Session, labels: &'a [String]) -> Value<'a> {
        let num = |v: Option<f64>| v.map_or(Value::Missing, Value::Num);
        #[allow(clippy::cast_precision_loss)]
        let int = |v: Option<u64>| num(v.map(|n| n as f64));
        let text = |v: Option<&'a str>| v.map_or(Value::Missing, |t| Value::Text(Cow::Borrowed(t)));
        match self {
            Column::Id => match s.id.parse::<u64>() {
                Ok(n) => int(Some(n)),
                Err(_) => Value::Text(Cow::Borrowed(&s.id)),
            },
            Column::User => text(s.user.as_deref()),
            Column::Host => text(s.client_display()),
            Column::Remote => text(s.remote.as_deref()),
            Column::RemoteName => text(s.remote_name.as_deref()),
            Column::Port => int(s.port),
            #[allow(clippy::cast_precision_loss)]
            Column::Connected => match s.connected.as_deref() {
                Some(c) => Stamp::parse(c).map_or_else(
                    || Value::Text(Cow::Borrowed(c)),
                    |st| Value::Num(st.unix() as f64),
                ),
                None => Value::Missing,
            },
            Column::Idle => num(s.idle),
            Column::Alive => num(s.seconds_alive),
            Column::Service => join(&s.services),
            Column::State => text(s.state.as_deref()),
            Column::Backends => join(&s.backends),
            Column::Memory => int(s.memory),
            Column::Io => int(s.io_activity),
            Column::Thread => int(s.thread),
            Column::Query => text(s.last_query.as_deref()),
            Column::Running => text(s.running.as_ref().map(|r| r.statement.as_str())),
            Column::QueryAge => num(s.query_age),
            Column::ConnIds if s.conn_ids.is_empty() => Value::Missing,
            Column::ConnIds => Value::Text(Cow::Owned(conn_ids(s.conn_ids(), ","))),
            Column::Maxscale => text(labels.get(s.endpoint).map(String::as_str)),
            Column::BlockedBy => match s.backend.as_deref() {
                Some(b) if !b.blocked_by.is_empty() => join(&b.blocked_by),
                _ => Value::Missing,
            },
            Column::BackendState => text(s.backend.as_deref().and_then(|b| b.state.as_deref())),
            Column::BackendTime => num(s.backend.as_deref().and_then(|b| b.time)),
            Column::TrxAge => num(s.backend.as_deref().and_then(|b| b.trx_age)),
        }
    }

    /// The table cell, for people (not yet sanitized).
    #[must_use]
    pub fn cell<'a>(self, s: &'a Session, labels: &'a [String]) -> Cow<'a, str> {
        let opt = |v: Option<String>| Cow::Owned(v.unwrap_or_default());
        match self {
            Column::Connected => match s.connected.as_deref() {
                Some(c) => Stamp::parse(c).map_or(Cow::Borrowed(c), |st| Cow::Owned(st.display())),
                None => Cow::Borrowed(""),
            },
            Column::Idle => opt(s.idle.map(units::format_seconds)),
            Column::Alive => opt(s.seconds_alive.map(units::format_seconds)),
            Column::Memory => opt(s.memory.map(units::format_bytes)),
            Column::Service => joined(&s.services),
            Column::Backends => joined(&s.backends),
            // what the number would print as, without the round trip through f64
            Column::Id if plain_number(&s.id) => Cow::Borrowed(&s.id),
            Column::Port => integer(s.port),
            Column::Io => integer(s.io_activity),
            Column::Thread => integer(s.thread),
            // one line in a list: runs of whitespace (SQL's newlines) fold to one space
            Column::Query => fold(s.last_query.as_deref()),
            Column::Running => fold(s.running.as_ref().map(|r| r.statement.as_str())),
            // whole seconds (the server's clock reads to the second): 28s, 3m 12s
            Column::QueryAge => opt(s.query_age.map(|a| {
                if (0.0..60.0).contains(&a) {
                    format!("{a:.0}s")
                } else {
                    units::format_seconds(a)
                }
            })),
            Column::ConnIds => Cow::Owned(conn_ids(s.conn_ids(), ", ")),
            Column::BackendTime => opt(s
                .backend
                .as_deref()
                .and_then(|b| b.time)
                .map(units::format_seconds)),
            Column::TrxAge => opt(s
                .backend
                .as_deref()
                .and_then(|b| b.trx_age)
                .map(units::format_seconds)),
            other => match other.value(s, labels) {
                Value::Num(n) => Cow::Owned(format!("{n}")),
                Value::Text(t) => t,
                Value::Missing => Cow::Borrowed(""),
            },
        }
    }
}

/// Items joined for a table cell; one item is borrowed.
fn joined(items: &[String]) -> Cow<'_, str> {
    match items {
        [one] => Cow::Borrowed(one),
        many => Cow::Owned(many.join(", ")),
    }
}

/// Digits with no leading zero, few enough that the id prints the same through an `f64`.
fn plain_number(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 15
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'))
}

/// A whole number as `value` then `{}` print it (as an `f64`), without the `f64` where the two
/// agree (below 2^53).
fn integer(v: Option<u64>) -> Cow<'static, str> {
    match v {
        Some(n) if n < 1 << 53 => Cow::Owned(n.to_string()),
        #[allow(clippy::cast_precision_loss)]
        Some(n) => Cow::Owned(format!("{}", n as f64)),
        None => Cow::Borrowed(""),
    }
}

/// SQL on one line: runs of whitespace (newlines too) fold to one space.
fn fold(text: Option<&str>) -> Cow<'_, str> {
    match text {
        Some(q) => Cow::Owned(q.split_whitespace().collect::<Vec<_>>().join(" ")),
        None => Cow::Borrowed(""),
    }
}

/// Backend connection ids as `server1:12345` (just the id when the server is not known).
#[must_use]
pub fn conn_ids<'a>(ids: impl Iterator<Item = (&'a str, u64)>, sep: &str) -> String {
    ids.map(|(server, id)| {
        if server.is_empty() {
            id.to_string()
        } else {
            format!("{server}:{id}")
        }
    })
    .collect::<Vec<_>>()
    .join(sep)
}

fn join(items: &[String]) -> Value<'_> {
    match items {
        [] => Value::Missing,
        [one] => Value::Text(Cow::Borrowed(one)),
        many => Value::Text(Cow::Owned(many.join(","))),
    }
}

/// Refuses an empty item in a comma-separated list option (`,,,`, `id,,user`, `''`): a stray
/// comma is a typo, not a request for the default.
pub fn no_empty_items(option: &str, items: &[String]) -> Result<(), Failure> {
    if items.iter().any(|i| i.trim().is_empty()) {
        return Err(
            Failure::usage(format!("{option}: an empty name in the list")).with_hint(format!(
                "give {option} comma-separated names, such as {}",
                match option {
                    "--by" => "user,backend",
                    "--sort" => "-memory,id",
                    _ => "id,user,idle",
                }
            )),
        );
    }
    Ok(())
}

/// The table columns from `--columns` / `--wide`.
pub fn table_columns(
    names: &[String],
    wide: bool,
    several_hosts: bool,
) -> Result<Vec<Column>, Failure> {
    if wide {
        return Ok(Column::ALL
            .iter()
            .copied()
            .filter(|c| (*c != Column::Maxscale || several_hosts) && !c.needs_backend())
            .collect());
    }
    if names.is_empty() {
        return Ok(Column::defaults(several_hosts));
    }
    no_empty_items("--columns", names)?;
    names
        .iter()
        .map(|n| {
            Column::parse(n).ok_or_else(|| {
                Failure::usage(format!("--columns: unknown column '{}'", n.trim()))
                    .with_hint(format!("columns: {}", Column::names()))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_aliases_parse() {
        for c in Column::ALL {
            assert_eq!(Column::parse(c.name()), Some(c));
        }
        assert_eq!(Column::parse("io_activity"), Some(Column::Io));
        assert_eq!(Column::parse("IDLE"), Some(Column::Idle));
        assert_eq!(Column::parse("backend"), Some(Column::Backends));
        assert_eq!(Column::parse("nope"), None);
    }

    proptest::proptest! {
        /// Ids and whole numbers print as they did through an `f64`, whatever their digits.
        #[test]
        fn numbers_print_as_through_an_f64(
            n in proptest::num::u64::ANY,
            small in 0u64..100_000,
            id in "(0|[0-9]{0,20}|[0-9a-z]{1,4})",
        ) {
            #[allow(clippy::cast_precision_loss)]
            for v in [n, small, n >> 11, n >> 10] {
                proptest::prop_assert_eq!(integer(Some(v)), format!("{}", v as f64));
            }
            let s = Session {
                id: id.clone(),
                ..Session::default()
            };
            #[allow(clippy::cast_precision_loss)]
            let through_f64 = match id.parse::<u64>() {
                Ok(n) => format!("{}", n as f64),
                Err(_) => id.clone(),
            };
            proptest::prop_assert_eq!(Column::Id.cell(&s, &[]), through_f64);
        }
    }

    #[test]
    fn cells_are_human() {
        let s = Session {
            id: "7".into(),
            idle: Some(192.0),
            memory: Some(67_337),
            connected: Some("Fri, 05 Jan 2024 07:24:06 GMT".into()),
            services: vec!["a".into(), "b".into()],
            ..Session::default()
        };
        let labels = vec!["mx1".to_string()];
        assert_eq!(Column::Idle.cell(&s, &labels), "3m 12s");
        assert_eq!(Column::Memory.cell(&s, &labels), "65.7 KiB");
        assert_eq!(Column::Connected.cell(&s, &labels), "2024-01-05 07:24:06");
        assert_eq!(Column::Service.cell(&s, &labels), "a, b");
        assert_eq!(Column::Id.cell(&s, &labels), "7");
        assert_eq!(Column::Maxscale.cell(&s, &labels), "mx1");
        assert_eq!(Column::User.cell(&s, &labels), "");
        assert_eq!(Column::Id.value(&s, &labels), Value::Num(7.0));
        assert_eq!(Column::ConnIds.cell(&s, &labels), "");
        assert_eq!(Column::ConnIds.value(&s, &labels), Value::Missing);
        let s = Session {
            backends: vec!["server1".into()],
            conn_ids: vec![(Some(0), 12345), (None, 7)],
            running: Some(Box::new(crate::api::model::Running {
                statement: "SELECT\n  SLEEP(10)".into(),
                received: None,
            })),
            query_age: Some(75.0),
            ..s
        };
        assert_eq!(Column::ConnIds.cell(&s, &labels), "server1:12345, 7");
        assert_eq!(Column::Running.cell(&s, &labels), "SELECT SLEEP(10)");
        assert_eq!(Column::QueryAge.cell(&s, &labels), "1m 15s");
        let young = Session {
            query_age: Some(28.0),
            ..s.clone()
        };
        assert_eq!(Column::QueryAge.cell(&young, &labels), "28s");
        assert_eq!(Column::QueryAge.value(&s, &labels), Value::Num(75.0));
        assert!(Column::ALL.iter().filter(|c| c.needs_queries()).count() == 3);
        assert_eq!(Column::parse("conn_id"), Some(Column::ConnIds));
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Column names, as `--columns`, `--sort` and `--where` read them.
        #[test]
        fn no_string_makes_the_parser_panic(s in any::<String>(), k in 0usize..Column::ALL.len(), upper in any::<bool>()) {
            let _ = Column::parse(&s);
            let name = Column::ALL[k].name().replace('_', "-");
            let name = if upper { name.to_uppercase() } else { name };
            prop_assert_eq!(Column::parse(&format!(" {name} ")), Some(Column::ALL[k]));
            let names: Vec<String> = s.split(',').map(String::from).collect();
            for wide in [false, true] {
                let _ = table_columns(&names, wide, true);
            }
        }
    }
}
