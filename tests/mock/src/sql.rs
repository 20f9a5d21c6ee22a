//! The SQL API (`/v1/sql`, MaxScale 6.0+) over a simulated backend, as the real 24.02.4 answers
//! it (`fixtures/real-24.02/sql/`): connections with their token, queries, errors, cancel and
//! close. Each server's backend is computed when a query runs: the mock's live sessions are its
//! threads (`PROCESSLIST.ID` = the session's `connections[].connection_id` on that server), and
//! a [`Backend`] scenario adds threads, open transactions, row-lock waits and metadata locks.
//! Every connection opened and closed is recorded ([`SqlRecord`]).
//!
//! The SQL understood is what a client reads locks with: `SELECT` of columns (or `*`) from one
//! `information_schema` table (`PROCESSLIST`, `INNODB_TRX`, `INNODB_LOCK_WAITS`, `INNODB_LOCKS`,
//! `METADATA_LOCK_INFO`) with an optional `WHERE` of `COL IN (n, ...)`, `COL = 'x'` and
//! `COL LIKE 'x%'` terms joined by `OR`, an optional `ORDER BY COL`; `SELECT` of `NOW()`,
//! `@@version`, `@@version_comment`, `CONNECTION_ID()` and literals; `SET ...`; several
//! statements separated by `;`. Anything else is MariaDB's syntax error 1064.

use crate::http::{Body, Request, Response};
use crate::json::{Style, to_vec};
use crate::util::{gmtime, sha1_hex};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// The backend version a simulated server reports.
pub const BACKEND_VERSION: &str = "10.11.19-MariaDB-0+deb12u1";

/// A simulated backend: the database account the SQL API connects with, and what each server
/// holds besides the mock's sessions. Read from JSON with [`Backend::from_json`] (see the
/// README's "SQL API" section for the format).
#[derive(Debug, Clone, PartialEq)]
pub struct Backend {
    /// The database account that may connect (default `maxuser` / `maxpwd`, as captured).
    pub user: String,
    /// Its password.
    pub password: String,
    /// Every query waits until it is cancelled (`POST /v1/sql/:id/cancel`) or the mock stops:
    /// a query that is in flight when the client is interrupted.
    pub stall: bool,
    /// The admin account lacks MaxScale 25.10's `sql` permission: every `/sql` route answers
    /// 403 `Administrative access required` (an imitation: 25.10's own text is not captured).
    pub no_sql_permission: bool,
    /// The servers, by name. Servers that only the sessions name exist too, with nothing more.
    pub servers: BTreeMap<String, ServerSpec>,
}

/// What one backend server holds besides the sessions' threads.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServerSpec {
    /// `information_schema.METADATA_LOCK_INFO` exists (the `metadata_lock_info` plugin).
    pub metadata_lock_info: bool,
    /// The account lacks `PROCESS`: the InnoDB tables give error 1227, PROCESSLIST shows only
    /// the account's own threads.
    pub refuse: bool,
    /// The server is down: connecting fails (error 2002).
    pub down: bool,
    /// MaxScale knows no such target (`Target 'X' not found`), though sessions name it.
    pub unknown: bool,
    /// `mariadb` (the default), `mysql` (MySQL 8: no `INNODB_LOCK_WAITS`, `INNODB_LOCKS` or
    /// `METADATA_LOCK_INFO`; the waits in `performance_schema.data_lock_waits` and
    /// `data_locks`), or anything else: a server of another kind, with that `@@version`.
    pub flavour: String,
    /// Threads that are not (or not only) the mock's sessions: other clients, or sessions of
    /// another MaxScale in front of the same server. They win over a session's thread.
    pub threads: Vec<Thread>,
    /// Open transactions (RUNNING) by thread.
    pub transactions: Vec<Trx>,
    /// Row-lock waits: the waiter's transaction waits for the blockers' locks.
    pub row_waits: Vec<RowWait>,
    /// Metadata-lock waiters (PROCESSLIST says "Waiting for table metadata lock").
    pub mdl_waits: Vec<MdlWait>,
    /// Granted metadata locks (the rows of `METADATA_LOCK_INFO`).
    pub mdl_locks: Vec<MdlLock>,
}

/// A `PROCESSLIST` row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Thread {
    pub id: u64,
    pub user: String,
    pub host: String,
    pub db: Option<String>,
    pub command: String,
    pub time: i64,
    pub state: String,
    pub info: Option<String>,
}

/// An open transaction.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trx {
    pub thread: u64,
    /// Seconds since it started.
    pub age: i64,
    pub rows_locked: i64,
    pub rows_modified: i64,
    /// A read-only transaction (InnoDB shows its `trx_id` as 0).
    pub read_only: bool,
}

/// A row-lock wait.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowWait {
    pub waiter: u64,
    pub blockers: Vec<u64>,
    /// `` `test`.`locktest` ``
    pub table: String,
    pub index: String,
    pub mode: String,
    /// Seconds waited.
    pub seconds: i64,
    pub statement: String,
}

/// A thread waiting for a metadata lock.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MdlWait {
    pub waiter: u64,
    pub seconds: i64,
    pub statement: String,
}

/// A granted metadata lock.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MdlLock {
    pub thread: u64,
    pub mode: String,
    pub lock_type: String,
    pub schema: String,
    pub table: String,
}

impl Default for Backend {
    fn default() -> Self {
        Backend {
            user: "maxuser".into(),
            password: "maxpwd".into(),
            stall: false,
            no_sql_permission: false,
            servers: BTreeMap::new(),
        }
    }
}

fn u(v: &Value, key: &str) -> Result<u64, String> {
    v[key]
        .as_u64()
        .ok_or_else(|| format!("'{key}' must be a whole number in {v}"))
}

fn s(v: &Value, key: &str, default: &str) -> String {
    v[key].as_str().unwrap_or(default).to_string()
}

fn list<T>(
    v: &Value,
    key: &str,
    f: impl Fn(&Value) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    match &v[key] {
        Value::Null => Ok(Vec::new()),
        Value::Array(a) => a.iter().map(f).collect(),
        _ => Err(format!("'{key}' must be an array")),
    }
}

impl Backend {
    /// Reads a scenario:
    /// `{"user", "password", "stall", "servers": {"server1": {"metadata_lock_info", "refuse",
    /// "down", "threads": [{id, user, host, db, command, time, state, info}], "transactions":
    /// [{thread, age, rows_locked, rows_modified, read_only}], "row_waits": [{waiter, blockers,
    /// table, index, mode, seconds, statement}], "mdl_waits": [{waiter, seconds, statement}],
    /// "mdl_locks": [{thread, mode, type, schema, table}]}}}`; every key is optional.
    pub fn from_json(v: &Value) -> Result<Backend, String> {
        let mut b = Backend {
            user: s(v, "user", "maxuser"),
            password: s(v, "password", "maxpwd"),
            stall: v["stall"].as_bool().unwrap_or(false),
            no_sql_permission: v["no_sql_permission"].as_bool().unwrap_or(false),
            servers: BTreeMap::new(),
        };
        if let Some(servers) = v["servers"].as_object() {
            for (name, sv) in servers {
                let spec = ServerSpec {
                    metadata_lock_info: sv["metadata_lock_info"].as_bool().unwrap_or(true),
                    refuse: sv["refuse"].as_bool().unwrap_or(false),
                    down: sv["down"].as_bool().unwrap_or(false),
                    unknown: sv["unknown"].as_bool().unwrap_or(false),
                    flavour: s(sv, "flavour", "mariadb"),
                    threads: list(sv, "threads", |t| {
                        Ok(Thread {
                            id: u(t, "id")?,
                            user: s(t, "user", "app"),
                            host: s(t, "host", "10.0.0.9:40000"),
                            db: t["db"].as_str().map(str::to_string),
                            command: s(t, "command", "Sleep"),
                            time: t["time"].as_i64().unwrap_or(0),
                            state: s(t, "state", ""),
                            info: t["info"].as_str().map(str::to_string),
                        })
                    })?,
                    transactions: list(sv, "transactions", |t| {
                        Ok(Trx {
                            thread: u(t, "thread")?,
                            age: t["age"].as_i64().unwrap_or(10),
                            rows_locked: t["rows_locked"].as_i64().unwrap_or(1),
                            rows_modified: t["rows_modified"].as_i64().unwrap_or(1),
                            read_only: t["read_only"].as_bool().unwrap_or(false),
                        })
                    })?,
                    row_waits: list(sv, "row_waits", |w| {
                        Ok(RowWait {
                            waiter: u(w, "waiter")?,
                            blockers: list(w, "blockers", |b| {
                                b.as_u64()
                                    .ok_or_else(|| "blockers are thread ids".to_string())
                            })?,
                            table: s(w, "table", "`test`.`locktest`"),
                            index: s(w, "index", "PRIMARY"),
                            mode: s(w, "mode", "X"),
                            seconds: w["seconds"].as_i64().unwrap_or(5),
                            statement: s(
                                w,
                                "statement",
                                "UPDATE test.locktest SET val=val+1 WHERE id=1",
                            ),
                        })
                    })?,
                    mdl_waits: list(sv, "mdl_waits", |w| {
                        Ok(MdlWait {
                            waiter: u(w, "waiter")?,
                            seconds: w["seconds"].as_i64().unwrap_or(5),
                            statement: s(
                                w,
                                "statement",
                                "ALTER TABLE test.locktest ADD COLUMN c INT",
                            ),
                        })
                    })?,
                    mdl_locks: list(sv, "mdl_locks", |l| {
                        Ok(MdlLock {
                            thread: u(l, "thread")?,
                            mode: s(l, "mode", "MDL_SHARED_READ"),
                            lock_type: s(l, "type", "Table metadata lock"),
                            schema: s(l, "schema", "test"),
                            table: s(l, "table", "locktest"),
                        })
                    })?,
                };
                b.servers.insert(name.clone(), spec);
            }
        }
        Ok(b)
    }

    /// The demo scenario (`mxs-mock --backend demo`), over the real 24.02.4 dataset (sessions
    /// 1, 2, 3 on server1 with backend threads 10, 11, 12): session 1 holds a row lock in an
    /// idle transaction, session 2 waits for it and session 3 waits for both (a chain of
    /// three); a client that is no session (thread 900) holds a metadata lock that an ALTER
    /// (thread 901) waits for.
    pub fn demo() -> Backend {
        Backend::from_json(&json!({
            "servers": {"server1": {
                "threads": [
                    {"id": 900, "user": "report", "host": "10.0.0.7:51544", "db": "shop",
                     "command": "Sleep", "time": 340},
                    {"id": 901, "user": "deploy", "host": "10.0.0.8:40212", "db": "shop"}
                ],
                "transactions": [{"thread": 10, "age": 95, "rows_locked": 1, "rows_modified": 1},
                                 {"thread": 900, "age": 340, "rows_locked": 0,
                                  "rows_modified": 0, "read_only": true}],
                "row_waits": [
                    {"waiter": 11, "blockers": [10], "seconds": 42,
                     "statement": "UPDATE test.locktest SET val=val+1 WHERE id=1"},
                    {"waiter": 12, "blockers": [11, 10], "seconds": 17,
                     "statement": "UPDATE test.locktest SET val=val-1 WHERE id=1"}
                ],
                "mdl_waits": [{"waiter": 901, "seconds": 120,
                               "statement": "ALTER TABLE shop.orders ADD COLUMN note TEXT"}],
                "mdl_locks": [{"thread": 900, "schema": "shop", "table": "orders"}]
            }}
        }))
        .unwrap_or_default()
    }
}

/// One SQL connection, as recorded: opened, and closed once it was.
#[derive(Debug, Clone, PartialEq)]
pub struct SqlRecord {
    /// The connection's id (a UUID).
    pub id: String,
    /// The `target` it was opened on.
    pub target: String,
    /// The database user.
    pub user: String,
    /// Closed with `DELETE /v1/sql/:id`.
    pub closed: bool,
    /// Every SQL text it was asked to run, in order.
    pub statements: Vec<String>,
}

struct Conn {
    target: String,
    user: String,
    thread_id: u64,
    token: String,
    busy: bool,
    cancelled: bool,
    last_sql: Option<String>,
    queries: u64,
    opened_ms: i64,
    used_ms: i64,
}

#[derive(Default)]
struct Inner {
    conns: BTreeMap<String, Conn>,
    records: Vec<SqlRecord>,
    next: u64,
}

/// The SQL API's state, shared by the listeners of one server.
#[derive(Default)]
pub struct Sql {
    inner: Mutex<Inner>,
    wake: Condvar,
    stopped: std::sync::atomic::AtomicBool,
}

impl Sql {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Every connection opened so far, oldest first.
    pub fn records(&self) -> Vec<SqlRecord> {
        self.lock().records.clone()
    }

    /// Wakes stalled queries for good (the server stops).
    pub fn stop(&self) {
        self.stopped
            .store(true, std::sync::atomic::Ordering::SeqCst);
        let _g = self.lock();
        self.wake.notify_all();
    }
}

/// `YYYY-MM-DD HH:MM:SS` (the mock's local time is UTC).
fn datetime(secs: i64) -> String {
    let t = gmtime(secs);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        t.year, t.month, t.day, t.hour, t.min, t.sec
    )
}

/// A column of a result: name, type, flags, length (as a real MariaDB describes it).
#[derive(Debug, Clone)]
struct Column {
    name: String,
    ty: String,
    flags: u64,
    length: u64,
}

/// A table of the simulated backend.
struct Table {
    name: &'static str,
    columns: Vec<Column>,
    rows: Vec<Vec<Value>>,
}

/// The column metadata of a capture's first result.
fn captured_columns(capture: &str) -> Vec<Column> {
    let v: Value = serde_json::from_str(capture).unwrap_or_default();
    v.pointer("/data/attributes/results/0/metadata")
        .and_then(Value::as_array)
        .map(|m| {
            m.iter()
                .map(|c| Column {
                    name: s(c, "name", ""),
                    ty: s(c, "type", "VARCHAR"),
                    flags: c["flags"].as_u64().unwrap_or(0),
                    length: c["length"].as_u64().unwrap_or(0),
                })
                .collect()
        })
        .unwrap_or_default()
}

macro_rules! capture {
    ($name:literal) => {
        include_str!(concat!("../fixtures/real-24.02/sql/", $name, ".json"))
    };
}

/// A statement's outcome: a result set, an OK, or an error that stops the rest.
enum Outcome {
    Rows(Value),
    Ok,
    Error(u64, &'static str, String),
}

fn sql_error(errno: u64, sqlstate: &'static str, message: String) -> Outcome {
    Outcome::Error(errno, sqlstate, message)
}

fn syntax_error(near: &str) -> Outcome {
    sql_error(
        1064,
        "42000",
        format!(
            "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '{}' at line 1",
            near.chars().take(80).collect::<String>()
        ),
    )
}

/// The simulated server a query runs on, at one moment.
struct Server<'a> {
    name: &'a str,
    spec: Option<&'a ServerSpec>,
    sessions: &'a [Thread],
    /// The SQL API's own connections to this server: (thread id, user, running SQL).
    api_threads: Vec<(u64, String, Option<String>)>,
    now: i64,
    thread_id: u64,
    user: &'a str,
}

impl Server<'_> {
    fn threads(&self) -> Vec<Thread> {
        let mut by_id: BTreeMap<u64, Thread> = BTreeMap::new();
        for t in self.sessions {
            by_id.insert(t.id, t.clone());
        }
        for (id, user, sql) in &self.api_threads {
            by_id.insert(
                *id,
                Thread {
                    id: *id,
                    user: user.clone(),
                    host: format!("localhost:{}", 50000 + id % 10000),
                    db: None,
                    command: if sql.is_some() { "Query" } else { "Sleep" }.into(),
                    time: 0,
                    state: if sql.is_some() {
                        "Filling schema table"
                    } else {
                        ""
                    }
                    .into(),
                    info: sql.clone(),
                },
            );
        }
        if let Some(spec) = self.spec {
            for t in &spec.threads {
                by_id.insert(t.id, t.clone());
            }
            let mut waiting = |id: u64, seconds: i64, state: &str, statement: &str| {
                let t = by_id.entry(id).or_insert_with(|| Thread {
                    id,
                    user: "app".into(),
                    host: "10.0.0.9:40000".into(),
                    ..Thread::default()
                });
                t.command = "Query".into();
                t.time = seconds;
                t.state = state.into();
                t.info = Some(statement.into());
            };
            for w in &spec.row_waits {
                waiting(w.waiter, w.seconds, "Updating", &w.statement);
            }
            for w in &spec.mdl_waits {
                waiting(
                    w.waiter,
                    w.seconds,
                    "Waiting for table metadata lock",
                    &w.statement,
                );
            }
        }
        let mut threads: Vec<Thread> = by_id.into_values().collect();
        if self.spec.is_some_and(|s| s.refuse) {
            threads.retain(|t| t.user == self.user);
        }
        threads
    }

    /// (thread, trx id, state, started, wait started, rows locked, rows modified, query,
    /// requested lock).
    fn transactions(&self) -> Vec<Vec<Value>> {
        let Some(spec) = self.spec else {
            return Vec::new();
        };
        let threads = self.threads();
        let info = |id: u64| {
            threads
                .iter()
                .find(|t| t.id == id)
                .and_then(|t| t.info.clone())
                .map_or(Value::Null, Value::String)
        };
        let mut rows = Vec::new();
        for (thread, trx_id, state, age, wait, locked, modified, requested) in self.trx_list(spec) {
            let query = if wait.is_some() {
                info(thread)
            } else {
                Value::Null
            };
            rows.push(vec![
                json!(trx_id),
                json!(state),
                json!(datetime(self.now - age)),
                requested.map_or(Value::Null, Value::String),
                wait.map_or(Value::Null, |w| json!(datetime(self.now - w))),
                json!(2),
                json!(thread),
                query,
                json!(if wait.is_some() {
                    "starting index read"
                } else {
                    ""
                }),
                json!(u64::from(wait.is_some())),
                json!(1),
                json!(2),
                json!(1128),
                json!(locked),
                json!(modified),
                json!(0),
                json!("REPEATABLE READ"),
                json!(1),
                json!(1),
                Value::Null,
                json!(0),
                json!(0),
            ]);
        }
        rows
    }

    /// Every transaction: those of the scenario, the waiters' and the blockers' (a blocker
    /// without one gets a RUNNING transaction). Trx ids count from 59, as captured.
    #[allow(clippy::type_complexity)]
    fn trx_list(
        &self,
        spec: &ServerSpec,
    ) -> Vec<(
        u64,
        u64,
        &'static str,
        i64,
        Option<i64>,
        i64,
        i64,
        Option<String>,
    )> {
        let mut out = Vec::new();
        let mut next = 59u64;
        let mut seen = Vec::new();
        for t in &spec.transactions {
            let id = if t.read_only { 0 } else { next };
            next += 1;
            seen.push(t.thread);
            out.push((
                t.thread,
                id,
                "RUNNING",
                t.age,
                None,
                t.rows_locked,
                t.rows_modified,
                None,
            ));
        }
        for w in &spec.row_waits {
            for b in &w.blockers {
                if !seen.contains(b) {
                    seen.push(*b);
                    out.push((*b, next, "RUNNING", w.seconds + 1, None, 1, 1, None));
                    next += 1;
                }
            }
        }
        for w in &spec.row_waits {
            let lock = format!("{next}:7:3:2");
            out.retain(|t| t.0 != w.waiter);
            out.push((
                w.waiter,
                next,
                "LOCK WAIT",
                w.seconds,
                Some(w.seconds),
                1,
                0,
                Some(lock),
            ));
            next += 1;
        }
        out
    }

    fn trx_id_of(&self, spec: &ServerSpec, thread: u64) -> Option<u64> {
        self.trx_list(spec)
            .into_iter()
            .find(|t| t.0 == thread)
            .map(|t| t.1)
    }

    fn flavour(&self) -> &str {
        match self.spec.map_or("", |s| s.flavour.as_str()) {
            "" => "mariadb",
            f => f,
        }
    }

    /// MySQL 8's `performance_schema.data_lock_waits` and `data_locks`.
    fn performance_table(&self, schema: &str, name: &str) -> Result<Table, Outcome> {
        let empty = ServerSpec::default();
        let spec = self.spec.unwrap_or(&empty);
        let col = |name: &str, ty: &str| Column {
            name: name.into(),
            ty: ty.into(),
            flags: 0,
            length: 0,
        };
        match name.to_ascii_lowercase().as_str() {
            "data_lock_waits" => {
                let mut rows = Vec::new();
                for w in &spec.row_waits {
                    let wt = self.trx_id_of(spec, w.waiter).unwrap_or(0);
                    for b in &w.blockers {
                        let bt = self.trx_id_of(spec, *b).unwrap_or(0);
                        rows.push(vec![
                            json!("INNODB"),
                            json!(format!("1:{wt}:7:3:2")),
                            json!(wt),
                            json!(format!("1:{bt}:7:3:2")),
                            json!(bt),
                        ]);
                    }
                }
                Ok(Table {
                    name: "data_lock_waits",
                    columns: vec![
                        col("ENGINE", "VARCHAR"),
                        col("REQUESTING_ENGINE_LOCK_ID", "VARCHAR"),
                        col("REQUESTING_ENGINE_TRANSACTION_ID", "BIGINT"),
                        col("BLOCKING_ENGINE_LOCK_ID", "VARCHAR"),
                        col("BLOCKING_ENGINE_TRANSACTION_ID", "BIGINT"),
                    ],
                    rows,
                })
            }
            "data_locks" => {
                let mut rows: Vec<Vec<Value>> = Vec::new();
                for w in &spec.row_waits {
                    let mut threads = vec![(w.waiter, "WAITING")];
                    threads.extend(w.blockers.iter().map(|b| (*b, "GRANTED")));
                    let table = w.table.replace('`', "");
                    let (db, tb) = table.split_once('.').unwrap_or(("test", &table));
                    for (t, status) in threads {
                        let trx = self.trx_id_of(spec, t).unwrap_or(0);
                        let id = format!("1:{trx}:7:3:2");
                        if rows.iter().any(|r| r[0] == json!(id)) {
                            continue;
                        }
                        rows.push(vec![
                            json!(id),
                            json!(trx),
                            json!(db),
                            json!(tb),
                            json!(w.index),
                            json!("RECORD"),
                            json!(w.mode),
                            json!(status),
                            json!("1"),
                        ]);
                    }
                }
                Ok(Table {
                    name: "data_locks",
                    columns: vec![
                        col("ENGINE_LOCK_ID", "VARCHAR"),
                        col("ENGINE_TRANSACTION_ID", "BIGINT"),
                        col("OBJECT_SCHEMA", "VARCHAR"),
                        col("OBJECT_NAME", "VARCHAR"),
                        col("INDEX_NAME", "VARCHAR"),
                        col("LOCK_TYPE", "VARCHAR"),
                        col("LOCK_MODE", "VARCHAR"),
                        col("LOCK_STATUS", "VARCHAR"),
                        col("LOCK_DATA", "VARCHAR"),
                    ],
                    rows,
                })
            }
            _ => Err(sql_error(
                1146,
                "42S02",
                format!("Table '{schema}.{name}' doesn't exist"),
            )),
        }
    }

    fn table(&self, name: &str) -> Result<Table, Outcome> {
        let upper = name.to_ascii_uppercase();
        if self.flavour() == "mysql"
            && matches!(
                upper.as_str(),
                "INNODB_LOCK_WAITS" | "INNODB_LOCKS" | "METADATA_LOCK_INFO"
            )
        {
            return Err(unknown_table(name));
        }
        let refused = || {
            sql_error(
                1227,
                "42000",
                "Access denied; you need (at least one of) the PROCESS privilege(s) for this operation".into(),
            )
        };
        let refuse = self.spec.is_some_and(|s| s.refuse);
        let empty = ServerSpec::default();
        let spec = self.spec.unwrap_or(&empty);
        let table = match upper.as_str() {
            "PROCESSLIST" => Table {
                name: "PROCESSLIST",
                columns: captured_columns(capture!("mdl-processlist")),
                rows: self
                    .threads()
                    .into_iter()
                    .map(|t| {
                        vec![
                            json!(t.id),
                            json!(t.user),
                            json!(t.host),
                            t.db.map_or(Value::Null, Value::String),
                            json!(t.command),
                            json!(t.time),
                            json!(t.state),
                            t.info.map_or(Value::Null, Value::String),
                        ]
                    })
                    .collect(),
            },
            "INNODB_TRX" if refuse => return Err(refused()),
            "INNODB_TRX" => Table {
                name: "INNODB_TRX",
                columns: captured_columns(capture!("lock-innodb-trx")),
                rows: self.transactions(),
            },
            "INNODB_LOCK_WAITS" | "INNODB_LOCKS" if refuse => return Err(refused()),
            "INNODB_LOCK_WAITS" => {
                let mut rows = Vec::new();
                for w in &spec.row_waits {
                    let wt = self.trx_id_of(spec, w.waiter).unwrap_or(0);
                    for b in &w.blockers {
                        let bt = self.trx_id_of(spec, *b).unwrap_or(0);
                        rows.push(vec![
                            json!(wt),
                            json!(format!("{wt}:7:3:2")),
                            json!(bt),
                            json!(format!("{bt}:7:3:2")),
                        ]);
                    }
                }
                Table {
                    name: "INNODB_LOCK_WAITS",
                    columns: captured_columns(capture!("lock-innodb-lock-waits")),
                    rows,
                }
            }
            "INNODB_LOCKS" => {
                let mut rows: Vec<Vec<Value>> = Vec::new();
                for w in &spec.row_waits {
                    let mut threads = vec![w.waiter];
                    threads.extend(&w.blockers);
                    for t in threads {
                        let trx = self.trx_id_of(spec, t).unwrap_or(0);
                        let id = format!("{trx}:7:3:2");
                        if rows.iter().any(|r| r[0] == json!(id)) {
                            continue;
                        }
                        rows.push(vec![
                            json!(id),
                            json!(trx),
                            json!(w.mode),
                            json!("RECORD"),
                            json!(w.table),
                            json!(w.index),
                            json!(7),
                            json!(3),
                            json!(2),
                            json!("1"),
                        ]);
                    }
                }
                Table {
                    name: "INNODB_LOCKS",
                    columns: captured_columns(capture!("lock-innodb-locks")),
                    rows,
                }
            }
            "METADATA_LOCK_INFO" if spec.metadata_lock_info || self.spec.is_none() => {
                if self.spec.is_none() {
                    return Err(unknown_table(name));
                }
                Table {
                    name: "METADATA_LOCK_INFO",
                    columns: captured_columns(capture!("mdl-metadata-lock-info")),
                    rows: spec
                        .mdl_locks
                        .iter()
                        .map(|l| {
                            vec![
                                json!(l.thread),
                                json!(l.mode),
                                Value::Null,
                                json!(8496),
                                json!(l.lock_type),
                                json!("def"),
                                json!(l.schema),
                                json!(l.table),
                            ]
                        })
                        .collect(),
                }
            }
            _ => return Err(unknown_table(name)),
        };
        Ok(table)
    }
}

fn unknown_table(name: &str) -> Outcome {
    sql_error(
        1109,
        "42S02",
        format!("Unknown table '{name}' in information_schema"),
    )
}

// ---- a tiny SQL reader ----

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Num(i64),
    Str(String),
    Sym(String),
}

fn tokens(sql: &str) -> Option<Vec<Tok>> {
    let b: Vec<char> = sql.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() {
        let c = b[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Tok::Num(
                b[start..i].iter().collect::<String>().parse().ok()?,
            ));
        } else if c.is_alphanumeric() || c == '_' || c == '$' {
            let start = i;
            while i < b.len() && (b[i].is_alphanumeric() || b[i] == '_' || b[i] == '$') {
                i += 1;
            }
            out.push(Tok::Word(b[start..i].iter().collect()));
        } else if c == '`' {
            let start = i + 1;
            i += 1;
            while i < b.len() && b[i] != '`' {
                i += 1;
            }
            out.push(Tok::Word(b.get(start..i)?.iter().collect()));
            i += 1;
        } else if c == '\'' || c == '"' {
            let mut text = String::new();
            i += 1;
            loop {
                let ch = *b.get(i)?;
                if ch == '\\' {
                    text.push(*b.get(i + 1)?);
                    i += 2;
                } else if ch == c && b.get(i + 1) == Some(&c) {
                    text.push(c);
                    i += 2;
                } else if ch == c {
                    i += 1;
                    break;
                } else {
                    text.push(ch);
                    i += 1;
                }
            }
            out.push(Tok::Str(text));
        } else if c == '@' && b.get(i + 1) == Some(&'@') {
            out.push(Tok::Sym("@@".into()));
            i += 2;
        } else if c == '<' && b.get(i + 1) == Some(&'>') {
            out.push(Tok::Sym("<>".into()));
            i += 2;
        } else if "(),*.=".contains(c) {
            out.push(Tok::Sym(c.to_string()));
            i += 1;
        } else {
            return None;
        }
    }
    Some(out)
}

fn is_kw(t: Option<&Tok>, kw: &str) -> bool {
    matches!(t, Some(Tok::Word(w)) if w.eq_ignore_ascii_case(kw))
}

fn is_sym(t: Option<&Tok>, sym: &str) -> bool {
    matches!(t, Some(Tok::Sym(s)) if s == sym)
}

/// A select item without a table: a value and its column.
fn scalar(toks: &[Tok], server: &Server<'_>) -> Option<(Value, Column, usize)> {
    let col = |name: String, ty: &str, length: u64| Column {
        name,
        ty: ty.into(),
        flags: 0,
        length,
    };
    match toks {
        [Tok::Sym(a), Tok::Word(w), ..] if a == "@@" => {
            let v = match w.to_ascii_lowercase().as_str() {
                "version" => match server.flavour() {
                    "mariadb" => BACKEND_VERSION.to_string(),
                    "mysql" => "8.0.40".to_string(),
                    other => other.to_string(),
                },
                "version_comment" => match server.flavour() {
                    "mariadb" => "Debian 12".to_string(),
                    "mysql" => "MySQL Community Server - GPL".to_string(),
                    _ => String::new(),
                },
                // the backend's identity: the same server behind several MaxScales
                "hostname" => format!("db-{}", server.name),
                "port" => return Some((json!(3306), col(format!("@@{w}"), "BIGINT", 5), 2)),
                _ => return None,
            };
            Some((json!(v), col(format!("@@{w}"), "VARCHAR", 256), 2))
        }
        [Tok::Word(f), Tok::Sym(o), Tok::Sym(c), ..] if o == "(" && c == ")" => {
            match f.to_ascii_uppercase().as_str() {
                "NOW" => Some((
                    json!(datetime(server.now)),
                    col(format!("{f}()"), "DATETIME", 19),
                    3,
                )),
                "CONNECTION_ID" => Some((
                    json!(server.thread_id),
                    col(format!("{f}()"), "BIGINT", 10),
                    3,
                )),
                _ => None,
            }
        }
        [Tok::Num(n), ..] => Some((json!(n), col(n.to_string(), "INT", 1), 1)),
        [Tok::Str(t), ..] => Some((json!(t), col(t.clone(), "VARCHAR", t.len() as u64), 1)),
        _ => None,
    }
}

#[derive(Debug)]
enum Term {
    In(String, Vec<i64>),
    Eq(String, Value),
    Like(String, String),
}

fn like(text: &str, pattern: &str) -> bool {
    let (t, p): (Vec<char>, Vec<char>) = (
        text.to_lowercase().chars().collect(),
        pattern.to_lowercase().chars().collect(),
    );
    fn go(t: &[char], p: &[char]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some(('%', rest)) => (0..=t.len()).any(|i| go(&t[i..], rest)),
            Some(('_', rest)) => !t.is_empty() && go(&t[1..], rest),
            Some((c, rest)) => t.first() == Some(c) && go(&t[1..], rest),
        }
    }
    go(&t, &p)
}

fn run_select(toks: &[Tok], server: &Server<'_>) -> Outcome {
    let near = |i: usize| -> String {
        toks.get(i..)
            .unwrap_or(&[])
            .iter()
            .map(|t| match t {
                Tok::Word(w) => w.clone(),
                Tok::Num(n) => n.to_string(),
                Tok::Str(s) => format!("'{s}'"),
                Tok::Sym(s) => s.clone(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    // the select list
    let mut i = 1;
    let mut star = false;
    let mut names: Vec<(String, Option<String>)> = Vec::new();
    let mut scalars: Vec<(Value, Column)> = Vec::new();
    let mut last_scalar;
    loop {
        last_scalar = false;
        if is_sym(toks.get(i), "*") {
            star = true;
            i += 1;
        } else if let Some(Tok::Word(w)) = toks.get(i)
            && !is_sym(toks.get(i + 1), "(")
        {
            names.push((w.clone(), None));
            i += 1;
        } else if let Some((v, c, used)) = scalar(&toks[i..], server) {
            scalars.push((v, c));
            last_scalar = true;
            i += used;
        } else {
            return syntax_error(&near(i));
        }
        if is_kw(toks.get(i), "AS") {
            let Some(Tok::Word(alias)) = toks.get(i + 1) else {
                return syntax_error(&near(i + 1));
            };
            if last_scalar {
                if let Some((_, c)) = scalars.last_mut() {
                    c.name = alias.clone();
                }
            } else if let Some(n) = names.last_mut() {
                n.1 = Some(alias.clone());
            }
            i += 2;
        }
        if is_sym(toks.get(i), ",") {
            i += 1;
            continue;
        }
        break;
    }
    if !is_kw(toks.get(i), "FROM") {
        if i != toks.len() || star || !names.is_empty() {
            return syntax_error(&near(i));
        }
        let (values, cols): (Vec<Value>, Vec<Column>) = scalars.into_iter().unzip();
        return Outcome::Rows(result_set(&cols, "", "", vec![values], 1000));
    }
    if !scalars.is_empty() {
        return syntax_error(&near(i));
    }
    let (schema, table) = match (toks.get(i + 1), toks.get(i + 2), toks.get(i + 3)) {
        (Some(Tok::Word(s)), Some(Tok::Sym(d)), Some(Tok::Word(t))) if d == "." => {
            (s.clone(), t.clone())
        }
        _ => return syntax_error(&near(i + 1)),
    };
    i += 4;
    let performance = schema.eq_ignore_ascii_case("performance_schema");
    let readable = schema.eq_ignore_ascii_case("information_schema")
        || (performance && server.flavour() == "mysql");
    if !readable {
        return sql_error(
            1146,
            "42S02",
            format!("Table '{schema}.{table}' doesn't exist"),
        );
    }
    let found = if performance {
        server.performance_table(&schema, &table)
    } else {
        server.table(&table)
    };
    let t = match found {
        Ok(t) => t,
        Err(e) => return e,
    };
    let mut terms = Vec::new();
    if is_kw(toks.get(i), "WHERE") {
        i += 1;
        loop {
            let Some(Tok::Word(col)) = toks.get(i) else {
                return syntax_error(&near(i));
            };
            if is_kw(toks.get(i + 1), "IN") && is_sym(toks.get(i + 2), "(") {
                let mut j = i + 3;
                let mut ns = Vec::new();
                while let Some(Tok::Num(n)) = toks.get(j) {
                    ns.push(*n);
                    j += 1;
                    if is_sym(toks.get(j), ",") {
                        j += 1;
                    }
                }
                if !is_sym(toks.get(j), ")") {
                    return syntax_error(&near(j));
                }
                terms.push(Term::In(col.clone(), ns));
                i = j + 1;
            } else if is_kw(toks.get(i + 1), "LIKE")
                && let Some(Tok::Str(p)) = toks.get(i + 2)
            {
                terms.push(Term::Like(col.clone(), p.clone()));
                i += 3;
            } else if is_sym(toks.get(i + 1), "=") {
                let v = match toks.get(i + 2) {
                    Some(Tok::Str(s)) => json!(s),
                    Some(Tok::Num(n)) => json!(n),
                    _ => return syntax_error(&near(i + 2)),
                };
                terms.push(Term::Eq(col.clone(), v));
                i += 3;
            } else {
                return syntax_error(&near(i + 1));
            }
            if is_kw(toks.get(i), "OR") {
                i += 1;
                continue;
            }
            break;
        }
    }
    let mut order = None;
    if is_kw(toks.get(i), "ORDER") && is_kw(toks.get(i + 1), "BY") {
        let Some(Tok::Word(col)) = toks.get(i + 2) else {
            return syntax_error(&near(i + 2));
        };
        order = Some(col.clone());
        i += 3;
    }
    if i != toks.len() {
        return syntax_error(&near(i));
    }
    let index = |name: &str| {
        t.columns
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(name))
    };
    let unknown = |name: &str, clause: &str| {
        sql_error(
            1054,
            "42S22",
            format!("Unknown column '{name}' in '{clause}'"),
        )
    };
    let mut picked = Vec::new();
    if star {
        picked.extend((0..t.columns.len()).map(|k| (k, None)));
    }
    for (n, alias) in &names {
        match index(n) {
            Some(k) => picked.push((k, alias.clone())),
            None => return unknown(n, "field list"),
        }
    }
    let mut checks = Vec::new();
    for term in &terms {
        let name = match term {
            Term::In(c, _) | Term::Eq(c, _) | Term::Like(c, _) => c,
        };
        match index(name) {
            Some(k) => checks.push((k, term)),
            None => return unknown(name, "where clause"),
        }
    }
    let mut rows: Vec<Vec<Value>> = t
        .rows
        .into_iter()
        .filter(|r| {
            checks.is_empty()
                || checks.iter().any(|(k, term)| match term {
                    Term::In(_, ns) => r[*k].as_i64().is_some_and(|v| ns.contains(&v)),
                    Term::Eq(_, v) => &r[*k] == v,
                    Term::Like(_, p) => r[*k].as_str().is_some_and(|s| like(s, p)),
                })
        })
        .collect();
    if let Some(col) = order {
        let Some(k) = index(&col) else {
            return unknown(&col, "order clause");
        };
        rows.sort_by(|a, b| match (a[k].as_i64(), b[k].as_i64()) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => a[k].to_string().cmp(&b[k].to_string()),
        });
    }
    let cols: Vec<Column> = picked
        .iter()
        .map(|(k, alias)| {
            let mut c = t.columns[*k].clone();
            if let Some(a) = alias {
                c.name = a.clone();
            }
            c
        })
        .collect();
    let data = rows
        .into_iter()
        .map(|r| picked.iter().map(|(k, _)| r[*k].clone()).collect())
        .collect();
    Outcome::Rows(result_set(&cols, "information_schema", t.name, data, 0))
}

/// A result set; `max_rows` 0 is unlimited (`complete` is `rows < max_rows`, as MaxScale
/// computes it).
fn result_set(
    cols: &[Column],
    schema: &str,
    table: &str,
    mut data: Vec<Vec<Value>>,
    max_rows: u64,
) -> Value {
    let complete = if max_rows == 0 {
        true
    } else {
        data.truncate(max_rows as usize);
        (data.len() as u64) < max_rows
    };
    json!({
        "complete": complete,
        "data": data,
        "fields": cols.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
        "metadata": cols.iter().map(|c| json!({
            "catalog": "def", "decimals": 0, "flags": c.flags, "length": c.length,
            "name": c.name, "schema": schema, "table": table, "type": c.ty,
        })).collect::<Vec<_>>(),
    })
}

/// Splits on `;` outside quotes.
fn statements(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in sql.chars() {
        match quote {
            Some(q) => {
                cur.push(c);
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == ';' => out.push(std::mem::take(&mut cur)),
            None => {
                if c == '\'' || c == '"' || c == '`' {
                    quote = Some(c);
                }
                cur.push(c);
            }
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn run_statement(sql: &str, server: &Server<'_>, max_rows: u64) -> Outcome {
    let Some(toks) = tokens(sql) else {
        return syntax_error(sql);
    };
    if is_kw(toks.first(), "SET") {
        return Outcome::Ok;
    }
    if !is_kw(toks.first(), "SELECT") {
        return syntax_error(sql);
    }
    match run_select(&toks, server) {
        Outcome::Rows(mut v) => {
            if max_rows > 0
                && let Some(rows) = v["data"].as_array_mut()
            {
                rows.truncate(max_rows as usize);
                let n = rows.len() as u64;
                v["complete"] = json!(n < max_rows);
            }
            Outcome::Rows(v)
        }
        other => other,
    }
}

// ---- the HTTP side ----

impl crate::handler::State {
    /// The sessions' backend threads on `server`, as PROCESSLIST rows.
    fn session_threads(&self, server: &str) -> Vec<Thread> {
        let overlay = self.overlay();
        let mut out = Vec::new();
        for row in overlay.rows(&self.dataset) {
            let id: u64 = row["id"].as_str().and_then(|s| s.parse().ok()).unwrap_or(0);
            let a = &row["attributes"];
            let running = a["queries"]
                .as_array()
                .and_then(|q| q.last())
                .filter(|q| q.get("completed").is_none_or(Value::is_null))
                .and_then(|q| q["statement"].as_str().map(str::to_string));
            for c in a["connections"].as_array().into_iter().flatten() {
                if c["server"].as_str() != Some(server) {
                    continue;
                }
                let Some(thread) = c["connection_id"].as_u64() else {
                    continue;
                };
                out.push(Thread {
                    id: thread,
                    user: a["user"].as_str().unwrap_or("").to_string(),
                    host: format!("localhost:{}", 40000 + id % 20000),
                    db: a["default_database"].as_str().map(str::to_string),
                    command: if running.is_some() { "Query" } else { "Sleep" }.into(),
                    time: a["idle"].as_f64().unwrap_or(0.0) as i64,
                    state: if running.is_some() {
                        "Sending data"
                    } else {
                        ""
                    }
                    .into(),
                    info: running.clone(),
                });
            }
        }
        out
    }

    /// The servers a target may name: the scenario's and the sessions'.
    fn sql_targets(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .config
            .backend
            .as_ref()
            .map(|b| b.servers.keys().cloned().collect())
            .unwrap_or_default();
        for row in self.overlay().rows(&self.dataset) {
            for c in row["attributes"]["connections"]
                .as_array()
                .into_iter()
                .flatten()
            {
                if let Some(s) = c["server"].as_str()
                    && !names.iter().any(|n| n == s)
                {
                    names.push(s.to_string());
                }
            }
        }
        if names.is_empty() {
            names.push("server1".into());
        }
        names
    }

    fn sql_headers(&self, close: bool, content: bool) -> Vec<(String, String)> {
        let mut h = self.headers(None, content.then_some("application/json"));
        if !close {
            h.retain(|(k, _)| k != "Connection");
        }
        h
    }

    fn conn_resource(&self, id: &str, c: &Conn, base: &str) -> Value {
        let idle = (self.clock_ms() - c.used_ms).max(0) as f64 / 1000.0;
        json!({
            "attributes": {
                "seconds_idle": if c.busy { 0.0 } else { idle },
                "sql": c.last_sql,
                "target": c.target,
                "thread_id": c.thread_id,
            },
            "id": id,
            "links": {
                "related": format!("{base}sql/{id}/queries/"),
                "self": format!("{base}sql/{id}/"),
            },
            "type": "sql",
        })
    }

    fn clock_ms(&self) -> i64 {
        self.clock_secs() * 1000
    }

    fn sql_token(&self, id: &str) -> String {
        let now = self.clock_secs();
        let claims =
            json!({"aud": id, "exp": now + 28800, "iat": now, "iss": "maxscale", "sub": id});
        self.sign(br#"{"alg":"HS256"}"#, &claims)
    }

    /// The connection a token is for, if this server signed it (admin tokens included: their
    /// subject is the account).
    fn token_subject(&self, token: &str) -> Option<String> {
        let claims = self.signed_claims(token)?;
        let sub = claims["sub"].as_str()?;
        Some(if claims.get("account").is_some() {
            "admin".into()
        } else {
            sub.to_string()
        })
    }

    /// Checks the connection token of a request for connection `id` (the `token` parameter,
    /// else the `conn_id_sig_<id>` cookie).
    fn check_token(&self, req: &Request, id: &str, style: Style) -> Result<(), Response> {
        let pairs = crate::query::pairs(req.query.as_deref().unwrap_or(""));
        let token = pairs
            .iter()
            .find(|(k, _)| k == "token")
            .map(|(_, v)| v.clone())
            .or_else(|| {
                let name = format!("conn_id_sig_{id}=");
                req.header("Cookie").and_then(|c| {
                    c.split(';')
                        .map(str::trim)
                        .find_map(|kv| kv.strip_prefix(&name).map(str::to_string))
                })
            });
        let malformed = || self.error(400, "Malformed connection token", style, false);
        let Some(token) = token else {
            return Err(malformed());
        };
        match self.token_subject(&token) {
            None => Err(malformed()),
            Some(sub) if sub == id => Ok(()),
            Some(sub) => Err(self.error(
                400,
                &format!("URL is for connection {id}, token is for connection {sub}"),
                style,
                false,
            )),
        }
    }

    /// Routes under `/v1/sql` (6.0 and later); `None` when the path is not one of them.
    pub fn sql_route(
        &self,
        method: &str,
        segs: &[&str],
        req: &Request,
        json: Option<&Value>,
        base: &str,
        style: Style,
    ) -> Option<Response> {
        if segs.first() != Some(&"sql") || self.config.version < crate::config::Version::V6_4 {
            return None;
        }
        if self
            .config
            .backend
            .as_ref()
            .is_some_and(|b| b.no_sql_permission)
        {
            return Some(self.fixed(403, crate::auth::NOT_ADMIN));
        }
        let get = method == "GET" || method == "HEAD";
        Some(match (method, &segs[1..]) {
            ("POST", []) => self.sql_connect(json, base, style),
            (_, []) if get => {
                let inner = self.sql.lock();
                let data: Vec<Value> = inner
                    .conns
                    .iter()
                    .map(|(id, c)| self.conn_resource(id, c, base))
                    .collect();
                let doc = json!({"data": data, "links": {"self": format!("{base}sql/")}});
                drop(inner);
                self.get_json(&doc, style, base)
            }
            (_, ["odbc", "drivers"]) if get => {
                let doc =
                    json!({"data": [], "links": {"self": format!("{base}sql/odbc/drivers/")}});
                self.get_json(&doc, style, base)
            }
            (_, [id]) if get => {
                let inner = self.sql.lock();
                match inner.conns.get(*id) {
                    Some(c) => {
                        let r = self.conn_resource(id, c, base);
                        drop(inner);
                        let doc = json!({"data": r, "links": {"self": format!("{base}sql/{id}/")}});
                        self.get_json(&doc, style, base)
                    }
                    None => {
                        drop(inner);
                        self.error(404, &format!("{id} is not a connection_id"), style, true)
                    }
                }
            }
            ("DELETE", [id]) => self.sql_close(req, id, style),
            ("POST", [id, "queries"]) => self.sql_query(req, id, json, base, style),
            ("POST", [id, "cancel"]) => self.sql_cancel(req, id, style),
            ("POST", [id, "reconnect"]) => match self.sql_known(req, id, style) {
                Err(r) => r,
                Ok(()) => {
                    let mut inner = self.sql.lock();
                    match inner.conns.get_mut(*id) {
                        Some(c) if c.busy => {
                            drop(inner);
                            self.error(503, &format!("ID {id} is busy."), style, false)
                        }
                        Some(_) => {
                            drop(inner);
                            Response {
                                status: 204,
                                headers: self.sql_headers(true, false),
                                body: Body::Empty,
                            }
                        }
                        None => {
                            drop(inner);
                            self.error(404, &format!("{id} is not a connection_id"), style, false)
                        }
                    }
                }
            },
            _ => return None,
        })
    }

    fn get_json(&self, doc: &Value, style: Style, base: &str) -> Response {
        let body = to_vec(doc, style, base);
        let etag = crate::handler::quoted_sha1(&body);
        self.json_response(200, body, Some(etag))
    }

    /// The id exists and the token is for it.
    fn sql_known(&self, req: &Request, id: &str, style: Style) -> Result<(), Response> {
        if !self.sql.lock().conns.contains_key(id) {
            return Err(self.error(404, &format!("{id} is not a connection_id"), style, false));
        }
        self.check_token(req, id, style)
    }

    fn sql_connect(&self, json: Option<&Value>, base: &str, style: Style) -> Response {
        let bad = |detail: &str| self.error(400, detail, style, false);
        let Some(body) = json else {
            return bad("Missing request body");
        };
        let Some(target) = body["target"].as_str() else {
            return bad("The `target` field is mandatory");
        };
        let backend = self.config.backend.clone().unwrap_or_default();
        let unknown = backend.servers.get(target).is_some_and(|s| s.unknown);
        if unknown || !self.sql_targets().iter().any(|t| t == target) {
            return bad(&format!("Target '{target}' not found"));
        }
        let (Some(user), Some(password)) = (body["user"].as_str(), body["password"].as_str())
        else {
            return bad("The `user` and `password` fields are mandatory for this `target`");
        };
        if backend.servers.get(target).is_some_and(|s| s.down) {
            return bad(
                "Connection to [127.0.0.1]:3306 failed. Error 2002: Can't connect to server on '127.0.0.1' (115)",
            );
        }
        if user != backend.user || password != backend.password {
            return bad(&format!(
                "Connection to [127.0.0.1]:3306 failed. Error 1045: Access denied for user '{user}'@'localhost' (using password: {})",
                if password.is_empty() { "NO" } else { "YES" }
            ));
        }
        let mut inner = self.sql.lock();
        inner.next += 1;
        let n = inner.next;
        let hex = sha1_hex(format!("{}.sql.{n}", self.secret).as_bytes());
        let id = format!(
            "{}-{}-4{}-a{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[13..16],
            &hex[17..20],
            &hex[20..32]
        );
        let now = self.clock_ms();
        let conn = Conn {
            target: target.to_string(),
            user: user.to_string(),
            thread_id: 175 + n,
            token: self.sql_token(&id),
            busy: false,
            cancelled: false,
            last_sql: None,
            queries: 0,
            opened_ms: now,
            used_ms: now,
        };
        let doc = json!({
            "data": self.conn_resource(&id, &conn, base),
            "links": {"self": format!("{base}sql/{id}/")},
            "meta": {"token": conn.token},
        });
        inner.records.push(SqlRecord {
            id: id.clone(),
            target: target.to_string(),
            user: user.to_string(),
            closed: false,
            statements: Vec::new(),
        });
        inner.conns.insert(id.clone(), conn);
        drop(inner);
        let mut headers = vec![("Location".to_string(), format!("{}sql/{id}", base))];
        headers.extend(self.sql_headers(true, true));
        Response {
            status: 201,
            headers,
            body: Body::Bytes(to_vec(&doc, style, base)),
        }
    }

    fn sql_close(&self, req: &Request, id: &str, style: Style) -> Response {
        if let Err(r) = self.sql_known(req, id, style) {
            return r;
        }
        let mut inner = self.sql.lock();
        match inner.conns.get(id) {
            Some(c) if c.busy => {
                drop(inner);
                self.error(
                    404,
                    &format!("Connection {id} not found or is busy."),
                    style,
                    false,
                )
            }
            Some(_) => {
                inner.conns.remove(id);
                if let Some(r) = inner.records.iter_mut().find(|r| r.id == id) {
                    r.closed = true;
                }
                drop(inner);
                let mut headers = self.sql_headers(true, false);
                headers.push((
                    "Set-Cookie".into(),
                    format!("conn_id_sig_{id}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Strict; HttpOnly"),
                ));
                Response {
                    status: 204,
                    headers,
                    body: Body::Empty,
                }
            }
            None => {
                drop(inner);
                self.error(404, &format!("{id} is not a connection_id"), style, false)
            }
        }
    }

    fn sql_cancel(&self, req: &Request, id: &str, style: Style) -> Response {
        if let Err(r) = self.sql_known(req, id, style) {
            return r;
        }
        let mut inner = self.sql.lock();
        if let Some(c) = inner.conns.get_mut(id)
            && c.busy
        {
            c.cancelled = true;
        }
        self.sql.wake.notify_all();
        drop(inner);
        Response {
            status: 200,
            headers: self.sql_headers(true, false),
            body: Body::Bytes(Vec::new()),
        }
    }

    fn sql_query(
        &self,
        req: &Request,
        id: &str,
        json: Option<&Value>,
        base: &str,
        style: Style,
    ) -> Response {
        if let Err(r) = self.sql_known(req, id, style) {
            return r;
        }
        let bad = |detail: &str| self.error(400, detail, style, false);
        let Some(body) = json else {
            return bad("Missing request body");
        };
        let Some(sql) = body["sql"].as_str() else {
            return bad("No `sql` defined.");
        };
        let max_rows = match body.get("max_rows").map(Value::as_i64) {
            None => 1000,
            Some(Some(n)) if n < 0 => return bad("`max_rows` cannot be negative."),
            Some(n) => n.unwrap_or(1000) as u64,
        };
        let mut inner = self.sql.lock();
        let (target, user, thread_id, qn, stall) = {
            let Some(c) = inner.conns.get_mut(id) else {
                drop(inner);
                return self.error(404, &format!("{id} is not a connection_id"), style, false);
            };
            if c.busy {
                drop(inner);
                let body = to_vec(
                    &json!({"errors": [{"detail": format!("ID {id} is busy.")}]}),
                    style,
                    "",
                );
                return Response {
                    status: 503,
                    headers: self.sql_headers(false, true),
                    body: Body::Bytes(body),
                };
            }
            c.queries += 1;
            c.busy = true;
            c.cancelled = false;
            c.last_sql = Some(sql.to_string());
            let stall = self.config.backend.as_ref().is_some_and(|b| b.stall);
            (
                c.target.clone(),
                c.user.clone(),
                c.thread_id,
                c.queries,
                stall,
            )
        };
        if let Some(r) = inner.records.iter_mut().find(|r| r.id == id) {
            r.statements.push(sql.to_string());
        }
        let mut interrupted = false;
        if stall {
            while !self.sql.stopped.load(std::sync::atomic::Ordering::SeqCst) {
                if inner.conns.get(id).is_none_or(|c| c.cancelled) {
                    break;
                }
                inner = self
                    .sql
                    .wake
                    .wait_timeout(inner, Duration::from_millis(100))
                    .map(|(g, _)| g)
                    .unwrap_or_else(|e| e.into_inner().0);
            }
            interrupted = true;
        }
        let api_threads: Vec<(u64, String, Option<String>)> = inner
            .conns
            .values()
            .filter(|c| c.target == target)
            .map(|c| {
                (
                    c.thread_id,
                    c.user.clone(),
                    c.busy.then(|| c.last_sql.clone()).flatten(),
                )
            })
            .collect();
        drop(inner);
        let backend = self.config.backend.clone().unwrap_or_default();
        let sessions = self.session_threads(&target);
        let server = Server {
            name: &target,
            spec: backend.servers.get(&target),
            sessions: &sessions,
            api_threads,
            now: self.clock_secs(),
            thread_id,
            user: &user,
        };
        let mut results = Vec::new();
        if interrupted {
            results.push(json!({"errno": 1317, "message": "Query execution was interrupted", "sqlstate": "70100"}));
        } else {
            for statement in statements(sql) {
                match run_statement(&statement, &server, max_rows) {
                    Outcome::Rows(v) => results.push(v),
                    Outcome::Ok => results
                        .push(json!({"affected_rows": 0, "last_insert_id": 0, "warnings": 0})),
                    Outcome::Error(errno, sqlstate, message) => {
                        results.push(
                            json!({"errno": errno, "message": message, "sqlstate": sqlstate}),
                        );
                        break;
                    }
                }
            }
        }
        {
            let mut inner = self.sql.lock();
            if let Some(c) = inner.conns.get_mut(id) {
                c.busy = false;
                c.cancelled = false;
                c.used_ms = self.clock_ms();
                let _ = c.opened_ms;
            }
        }
        let qid = format!("{id}.{qn}");
        let doc = json!({
            "data": {
                "attributes": {"execution_time": 0.000_512, "results": results, "sql": sql},
                "id": qid,
                "type": "queries",
            },
            "links": {"self": format!("{base}sql/{id}/queries/{qid}/")},
        });
        Response {
            status: 201,
            headers: self.sql_headers(false, true),
            body: Body::Bytes(to_vec(&doc, style, base)),
        }
    }
}

/// Is the (decoded) path under `/sql`, where MaxScale lets read-only ("basic") accounts write?
pub fn is_sql_path(path: &str) -> bool {
    let rest = path.strip_prefix("/v1").unwrap_or(path);
    rest == "/sql" || rest.starts_with("/sql/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_split_outside_quotes() {
        assert_eq!(
            statements("SELECT 1 AS a; SELECT 'x;y' AS b ;"),
            vec!["SELECT 1 AS a".to_string(), "SELECT 'x;y' AS b".to_string()]
        );
    }

    #[test]
    fn like_matches_as_mariadb() {
        assert!(like("Waiting for table metadata lock", "Waiting for%"));
        assert!(!like("Updating", "Waiting for%"));
        assert!(like("abc", "a_c"));
    }
}
