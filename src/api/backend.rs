//! What a backend server says of its threads, transactions and lock waits, read through the SQL
//! API ([`crate::api::sql`]) with read-only `information_schema` queries (and
//! `performance_schema` on MySQL 8), each bounded in rows and time. The SQL text mxs sends is
//! all here.
//!
//! MariaDB 10.x/11.x: `INNODB_TRX`, `INNODB_LOCK_WAITS` and `INNODB_LOCKS` for row locks, and the
//! granted locks of `METADATA_LOCK_INFO` (the `metadata_lock_info` plugin) for metadata-lock
//! waits, which the InnoDB tables do not show. MySQL 8: `performance_schema.data_lock_waits` and
//! `data_locks`, mapped to threads through `INNODB_TRX`. A query the server refuses (no
//! `PROCESS` privilege, a missing table) leaves a note in place of what it would have read.

use serde_json::Value;

use crate::api::sql::{Outcome, Pool, ResultSet};
use crate::error::Failure;
use crate::text::sanitize;

/// The most rows read of any one table.
pub const MAX_ROWS: usize = 1000;

/// The PROCESSLIST state of a thread waiting for a metadata lock ("Waiting for table metadata
/// lock", "Waiting for schema metadata lock", ...).
const MDL_STATE: &str = "metadata lock";

/// Which server it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flavour {
    MariaDb,
    MySql,
    /// Neither: its `@@version`.
    Unknown(String),
}

/// A `PROCESSLIST` row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Thread {
    pub id: u64,
    pub user: Option<String>,
    pub host: Option<String>,
    pub db: Option<String>,
    pub command: Option<String>,
    /// Seconds in the current state.
    pub time: Option<i64>,
    pub state: Option<String>,
    /// The statement, as sent (renderers sanitize it).
    pub info: Option<String>,
}

/// An open transaction (`INNODB_TRX`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trx {
    pub thread: u64,
    /// `0` for a read-only transaction.
    pub id: String,
    pub state: String,
    pub started: Option<String>,
    /// Seconds since it started, by the server's clock.
    pub age: Option<i64>,
    pub rows_locked: Option<i64>,
    pub rows_modified: Option<i64>,
}

/// What a thread waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lock {
    /// A row lock: mode (`X`), type (`RECORD`), table, index.
    Row {
        mode: Option<String>,
        kind: Option<String>,
        table: Option<String>,
        index: Option<String>,
    },
    /// A metadata lock on a table; the holder's lock mode when it is known.
    Metadata {
        table: Option<String>,
        mode: Option<String>,
    },
}

/// One edge of the wait graph: `waiter` waits for a lock `blocker` holds (`None`: the server
/// does not say who).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wait {
    pub waiter: u64,
    pub blocker: Option<u64>,
    pub lock: Lock,
    /// Seconds waited, by the server's clock.
    pub seconds: Option<i64>,
}

/// One backend server, as read through one MaxScale.
#[derive(Debug, Clone, PartialEq)]
pub struct Server {
    pub name: String,
    /// The host (MaxScale) it was read through.
    pub host: usize,
    /// Which server it is (`@@hostname:@@port`): the same server behind several MaxScales, or
    /// under several names, is read once and its threads are matched to every MaxScale's
    /// sessions. When the server does not say, the host and name.
    pub identity: String,
    pub version: Option<String>,
    pub flavour: Flavour,
    /// The threads asked for, the waiters and their blockers.
    pub threads: Vec<Thread>,
    pub transactions: Vec<Trx>,
    pub waits: Vec<Wait>,
    /// What could not be read, and why (sanitized).
    pub notes: Vec<String>,
    /// Why the holders of the metadata locks that threads wait for are unknown, when they
    /// are: a note for those waiters only.
    pub metadata: Option<String>,
}

impl Server {
    #[must_use]
    pub fn thread(&self, id: u64) -> Option<&Thread> {
        self.threads.iter().find(|t| t.id == id)
    }

    #[must_use]
    pub fn transaction(&self, thread: u64) -> Option<&Trx> {
        self.transactions.iter().find(|t| t.thread == thread)
    }

    /// Whether the thread waits for a metadata lock (its state says so).
    #[must_use]
    pub fn waits_for_metadata(&self, thread: u64) -> bool {
        self.thread(thread)
            .and_then(|t| t.state.as_deref())
            .is_some_and(|s| s.contains(MDL_STATE))
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn int(v: &Value) -> Option<i64> {
    v.as_i64()
        .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
}

/// A PROCESSLIST row.
fn thread(rs: &ResultSet, row: &[Value]) -> Option<Thread> {
    Some(Thread {
        id: rs.get(row, "ID").as_u64()?,
        user: text(rs.get(row, "USER")),
        host: text(rs.get(row, "HOST")),
        db: text(rs.get(row, "DB")),
        command: text(rs.get(row, "COMMAND")),
        time: int(rs.get(row, "TIME")),
        state: text(rs.get(row, "STATE")),
        info: text(rs.get(row, "INFO")),
    })
}

/// Seconds from `from` to `now`, both the server's `YYYY-MM-DD HH:MM:SS`.
fn seconds_between(from: Option<&str>, now: Option<&str>) -> Option<i64> {
    let at = |t: Option<&str>| crate::text::time::parse_utc_time(t?);
    Some((at(now)? - at(from)?).max(0))
}

/// What went wrong with one statement, for a note.
fn note(what: &str, outcome: Option<&Outcome>) -> Option<String> {
    match outcome {
        Some(Outcome::Error(e)) => Some(format!("{what}: {e}")),
        None => Some(format!("{what}: not read (an earlier statement failed)")),
        Some(Outcome::Rows(rs)) if !rs.complete => {
            Some(format!("{what}: only the first {MAX_ROWS} rows were read"))
        }
        _ => None,
    }
}

fn rows(outcome: Option<&Outcome>) -> Option<&ResultSet> {
    match outcome {
        Some(Outcome::Rows(rs)) => Some(rs),
        _ => None,
    }
}

/// Reads `server` through `host`: the threads `wanted` (a session's backend threads), every
/// thread in a lock wait and every blocker, their transactions and the waits.
pub fn read(pool: &Pool, host: usize, server: &str, wanted: &[u64]) -> Result<Server, Failure> {
    let mut out = Server {
        name: server.to_string(),
        host,
        identity: format!("{host}/{server}"),
        version: None,
        flavour: Flavour::Unknown(String::new()),
        threads: Vec::new(),
        transactions: Vec::new(),
        waits: Vec::new(),
        notes: Vec::new(),
        metadata: None,
    };
    let first = pool.query(
        host,
        server,
        "SELECT NOW() AS now, @@version AS version, @@version_comment AS version_comment, \
         @@hostname AS hostname, @@port AS port; \
         SELECT trx_id, trx_state, trx_started, trx_wait_started, trx_mysql_thread_id, \
         trx_rows_locked, trx_rows_modified FROM information_schema.INNODB_TRX",
        MAX_ROWS,
    )?;
    let mut now = None;
    if let Some(rs) = rows(first.first())
        && let Some(row) = rs.rows.first()
    {
        now = text(rs.get(row, "now"));
        let version = text(rs.get(row, "version")).unwrap_or_default();
        let comment = text(rs.get(row, "version_comment")).unwrap_or_default();
        out.flavour = if version.contains("MariaDB") || comment.contains("MariaDB") {
            Flavour::MariaDb
        } else if version.starts_with("8.") || version.starts_with("9.") {
            Flavour::MySql
        } else {
            Flavour::Unknown(sanitize::line(&version).into_owned())
        };
        out.version = Some(sanitize::line(&version).into_owned());
        if let (Some(name), Some(port)) = (text(rs.get(row, "hostname")), text(rs.get(row, "port")))
        {
            out.identity = format!("{name}:{port}");
        }
    }
    out.notes
        .extend(note("the server's version", first.first()));
    let mut wait_started: Vec<(u64, Option<String>)> = Vec::new();
    let mut trx_thread: Vec<(String, u64)> = Vec::new();
    if let Some(rs) = rows(first.get(1)) {
        for row in &rs.rows {
            let Some(thread) = rs.get(row, "trx_mysql_thread_id").as_u64() else {
                continue;
            };
            let id = text(rs.get(row, "trx_id")).unwrap_or_default();
            let started = text(rs.get(row, "trx_started"));
            trx_thread.push((id.clone(), thread));
            wait_started.push((thread, text(rs.get(row, "trx_wait_started"))));
            out.transactions.push(Trx {
                thread,
                age: seconds_between(started.as_deref(), now.as_deref()),
                id,
                state: text(rs.get(row, "trx_state")).unwrap_or_default(),
                started,
                rows_locked: int(rs.get(row, "trx_rows_locked")),
                rows_modified: int(rs.get(row, "trx_rows_modified")),
            });
        }
    }
    out.notes
        .extend(note("transactions (INNODB_TRX)", first.get(1)));
    // the row-lock waits, by transaction ids
    let (waits_sql, what) = match out.flavour {
        Flavour::MariaDb => (
            Some(
                "SELECT requesting_trx_id, blocking_trx_id, blocking_lock_id \
                 FROM information_schema.INNODB_LOCK_WAITS; \
                 SELECT lock_id, lock_mode, lock_type, lock_table, lock_index \
                 FROM information_schema.INNODB_LOCKS",
            ),
            "row-lock waits (INNODB_LOCK_WAITS)",
        ),
        Flavour::MySql => (
            Some(
                "SELECT REQUESTING_ENGINE_TRANSACTION_ID AS requesting_trx_id, \
                 BLOCKING_ENGINE_TRANSACTION_ID AS blocking_trx_id, \
                 BLOCKING_ENGINE_LOCK_ID AS blocking_lock_id \
                 FROM performance_schema.data_lock_waits; \
                 SELECT ENGINE_LOCK_ID AS lock_id, LOCK_MODE AS lock_mode, \
                 LOCK_TYPE AS lock_type, OBJECT_SCHEMA AS lock_schema, \
                 OBJECT_NAME AS lock_table, INDEX_NAME AS lock_index \
                 FROM performance_schema.data_locks WHERE LOCK_STATUS = 'GRANTED'",
            ),
            "row-lock waits (performance_schema.data_lock_waits)",
        ),
        Flavour::Unknown(ref v) => {
            out.notes.push(format!(
                "lock waits: not read: the server's version '{v}' is neither MariaDB nor MySQL 8"
            ));
            (None, "")
        }
    };
    if let Some(sql) = waits_sql {
        let second = pool.query(host, server, sql, MAX_ROWS)?;
        out.notes.extend(note(what, second.first()));
        let thread_of = |trx: &Value| {
            let id = text(trx)?;
            trx_thread.iter().find(|(t, _)| *t == id).map(|(_, th)| *th)
        };
        if let Some(rs) = rows(second.first()) {
            let locks = rows(second.get(1));
            for row in &rs.rows {
                let Some(waiter) = thread_of(rs.get(row, "requesting_trx_id")) else {
                    continue;
                };
                let lock_id = text(rs.get(row, "blocking_lock_id"));
                let lock = locks.and_then(|l| {
                    l.rows
                        .iter()
                        .find(|r| text(l.get(r, "lock_id")) == lock_id)
                        .map(|r| (l, r))
                });
                let field = |name: &str| lock.and_then(|(l, r)| text(l.get(r, name)));
                let started = wait_started
                    .iter()
                    .find(|(t, _)| *t == waiter)
                    .and_then(|(_, s)| s.clone());
                // MariaDB names the table `db`.`t`; MySQL gives the schema apart
                let table = match (field("lock_schema"), field("lock_table")) {
                    (Some(db), Some(t)) => Some(format!("`{db}`.`{t}`")),
                    (_, t) => t,
                };
                out.waits.push(Wait {
                    waiter,
                    blocker: thread_of(rs.get(row, "blocking_trx_id")),
                    lock: Lock::Row {
                        mode: field("lock_mode"),
                        kind: field("lock_type"),
                        table,
                        index: field("lock_index"),
                    },
                    seconds: seconds_between(started.as_deref(), now.as_deref()),
                });
            }
        }
    }
    // the threads: those asked for, the waiters and blockers, and metadata-lock waiters
    let mut ids: Vec<u64> = wanted.to_vec();
    for w in &out.waits {
        ids.push(w.waiter);
        ids.extend(w.blocker);
    }
    ids.sort_unstable();
    ids.dedup();
    let mut sql = String::from(
        "SELECT ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO FROM information_schema.PROCESSLIST WHERE ",
    );
    if !ids.is_empty() {
        let list: Vec<String> = ids.iter().map(u64::to_string).collect();
        sql.push_str(&format!("ID IN ({}) OR ", list.join(",")));
    }
    sql.push_str("STATE LIKE 'Waiting for%' ORDER BY ID");
    let third = pool.query(host, server, &sql, MAX_ROWS)?;
    out.notes
        .extend(note("threads (PROCESSLIST)", third.first()));
    if let Some(rs) = rows(third.first()) {
        out.threads
            .extend(rs.rows.iter().filter_map(|row| thread(rs, row)));
    }
    metadata_waits(pool, host, server, &mut out)?;
    Ok(out)
}

/// The metadata-lock waits: each waiter's blockers are the other threads holding a lock on a
/// table its statement names (`METADATA_LOCK_INFO` lists granted locks only); without the
/// plugin, the blocker is unknown.
fn metadata_waits(pool: &Pool, host: usize, server: &str, out: &mut Server) -> Result<(), Failure> {
    let waiters: Vec<Thread> = out
        .threads
        .iter()
        .filter(|t| out.waits_for_metadata(t.id))
        .cloned()
        .collect();
    if waiters.is_empty() {
        return Ok(());
    }
    let unknown = |out: &mut Server, why: String| {
        for w in &waiters {
            out.waits.push(Wait {
                waiter: w.id,
                blocker: None,
                lock: Lock::Metadata {
                    table: None,
                    mode: None,
                },
                seconds: w.time,
            });
        }
        out.metadata = Some(why);
    };
    if out.flavour != Flavour::MariaDb {
        unknown(
            out,
            "metadata-lock waits: their holders are read on MariaDB only".into(),
        );
        return Ok(());
    }
    let result = pool.query(
        host,
        server,
        "SELECT THREAD_ID, LOCK_MODE, LOCK_TYPE, TABLE_SCHEMA, TABLE_NAME \
         FROM information_schema.METADATA_LOCK_INFO WHERE LOCK_TYPE = 'Table metadata lock'",
        MAX_ROWS,
    )?;
    let Some(rs) = rows(result.first()) else {
        let why = match result.first() {
            Some(Outcome::Error(e)) if e.errno == 1109 => {
                "metadata-lock waits: the blocker is unknown: the metadata_lock_info plugin names it (INSTALL SONAME 'metadata_lock_info')".to_string()
            }
            other => note("metadata locks (METADATA_LOCK_INFO)", other)
                .unwrap_or_else(|| "metadata locks: not read".into()),
        };
        unknown(out, why);
        return Ok(());
    };
    for w in &waiters {
        let statement = w.info.as_deref().unwrap_or("");
        let mut found = false;
        for row in &rs.rows {
            let Some(holder) = rs.get(row, "THREAD_ID").as_u64() else {
                continue;
            };
            let schema = text(rs.get(row, "TABLE_SCHEMA")).unwrap_or_default();
            let table = text(rs.get(row, "TABLE_NAME")).unwrap_or_default();
            if holder == w.id || !names_table(statement, w.db.as_deref(), &schema, &table) {
                continue;
            }
            found = true;
            out.waits.push(Wait {
                waiter: w.id,
                blocker: Some(holder),
                lock: Lock::Metadata {
                    table: Some(format!("{schema}.{table}")),
                    mode: text(rs.get(row, "LOCK_MODE")),
                },
                seconds: w.time,
            });
        }
        if !found {
            out.waits.push(Wait {
                waiter: w.id,
                blocker: None,
                lock: Lock::Metadata {
                    table: None,
                    mode: None,
                },
                seconds: w.time,
            });
        }
    }
    // the holders' threads, if the first read did not have them
    let missing: Vec<u64> = out
        .waits
        .iter()
        .filter_map(|w| w.blocker)
        .filter(|b| out.thread(*b).is_none())
        .collect();
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(u64::to_string).collect();
        let sql = format!(
            "SELECT ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO FROM information_schema.PROCESSLIST WHERE ID IN ({}) ORDER BY ID",
            list.join(",")
        );
        let more = pool.query(host, server, &sql, MAX_ROWS)?;
        if let Some(rs) = rows(more.first()) {
            out.threads
                .extend(rs.rows.iter().filter_map(|row| thread(rs, row)));
        }
    }
    Ok(())
}

/// Does `statement` name the table `schema.table` (as `schema.table`, or as `table` when the
/// thread's default database is `schema`)? Words compare without case and backquotes.
fn names_table(statement: &str, db: Option<&str>, schema: &str, table: &str) -> bool {
    if table.is_empty() {
        return false;
    }
    let words: Vec<String> = statement
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$' || c == '.'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let (schema, table) = (schema.to_lowercase(), table.to_lowercase());
    let qualified = format!("{schema}.{table}");
    let default = db.is_some_and(|d| d.eq_ignore_ascii_case(&schema));
    words
        .iter()
        .any(|w| *w == qualified || (default && *w == table))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_names_a_table_qualified_or_in_its_database() {
        let alter = "ALTER TABLE test.locktest ADD COLUMN tmpcol INT";
        assert!(names_table(alter, None, "test", "locktest"));
        assert!(names_table(
            "select * from `locktest` where id=2",
            Some("test"),
            "test",
            "locktest"
        ));
        assert!(!names_table(
            "SELECT * FROM locktest2",
            Some("test"),
            "test",
            "locktest"
        ));
        assert!(!names_table(
            "SELECT * FROM locktest",
            Some("other"),
            "test",
            "locktest"
        ));
        assert!(!names_table(alter, None, "test", ""));
    }

    #[test]
    fn ages_are_by_the_server_s_clock() {
        assert_eq!(
            seconds_between(Some("2026-12-07 03:49:35"), Some("2026-12-07 03:50:05")),
            Some(30)
        );
        assert_eq!(seconds_between(None, Some("2026-12-07 03:50:05")), None);
    }
}
