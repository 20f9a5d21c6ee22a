//! MaxScale's SQL API (`/v1/sql`, 6.0 and later): SQL run on a backend server through the admin
//! API, with database credentials. The one code besides `maxscale` that knows a path of the API
//! (its own routes only); `maxscale` tells it whether a host has the routes.
//!
//! A [`Pool`] holds one connection per (host, server) that a command uses: opened on demand
//! (`POST /v1/sql`), reused by every query of the command, and closed (`DELETE /v1/sql/:id`)
//! by [`Pool::close`], by its drop, and by the signal thread ([`Pool::close_on_signals`]) on
//! Ctrl-C, SIGTERM and a closed terminal. MaxScale never closes an idle connection itself: one
//! left open holds a backend connection until MaxScale restarts. A busy connection cannot be
//! closed; it is cancelled (`POST .../cancel`) first.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

use crate::api::client::{Method, Secret};
use crate::api::maxscale::{MaxScale, Route};
use crate::error::{Cause, Failure};
use crate::text::sanitize;

/// The routes.
const SQL: &str = "v1/sql";

/// The database account the SQL API connects with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    pub user: String,
    pub password: Secret,
}

/// One statement's outcome.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A result set.
    Rows(ResultSet),
    /// A statement without rows (`SET`).
    Done,
    /// The statement failed (the ones after it did not run).
    Error(SqlError),
}

/// Rows by column name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResultSet {
    pub fields: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    /// Fewer rows than `max_rows` came (MaxScale says false at exactly `max_rows`).
    pub complete: bool,
}

impl ResultSet {
    /// The value of column `name` (case-insensitive) in `row`; null when there is none.
    #[must_use]
    pub fn get<'a>(&self, row: &'a [Value], name: &str) -> &'a Value {
        self.fields
            .iter()
            .position(|f| f.eq_ignore_ascii_case(name))
            .and_then(|i| row.get(i))
            .unwrap_or(&Value::Null)
    }
}

/// A statement's error, as the server gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlError {
    pub errno: u64,
    pub sqlstate: String,
    /// Sanitized for one line.
    pub message: String,
}

impl std::fmt::Display for SqlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "error {} ({}): {}",
            self.errno, self.sqlstate, self.message
        )
    }
}

/// An open connection.
struct Conn {
    id: String,
    token: Secret,
}

struct Inner {
    api: MaxScale,
    credentials: Credentials,
    /// The `timeout` of the connection and of each query, in seconds.
    timeout: u64,
    open: Mutex<BTreeMap<(usize, String), Arc<Conn>>>,
    /// Set once closing began: no connection is opened, and no query sent, after it.
    closing: std::sync::atomic::AtomicBool,
}

impl Drop for Inner {
    fn drop(&mut self) {
        wait_if_signalled();
        close_all(self);
    }
}

/// The SQL connections of a command. Cloning it is cheap; the clones share the connections,
/// and the last one dropped closes what is still open.
#[derive(Clone)]
pub struct Pool {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("user", &self.inner.credentials.user)
            .finish_non_exhaustive()
    }
}

impl Pool {
    /// A pool that connects as `credentials`; `timeout` bounds each query on the server (and
    /// is the connection's read timeout).
    #[must_use]
    pub fn new(api: MaxScale, credentials: Credentials, timeout: Duration) -> Pool {
        let pool = Pool {
            inner: Arc::new(Inner {
                api,
                credentials,
                timeout: timeout.as_secs().max(1),
                open: Mutex::new(BTreeMap::new()),
                closing: std::sync::atomic::AtomicBool::new(false),
            }),
        };
        if let Ok(mut pools) = POOLS.lock() {
            pools.retain(|w| w.strong_count() > 0);
            pools.push(Arc::downgrade(&pool.inner));
        }
        pool
    }

    /// The hosts' API.
    #[must_use]
    pub fn api(&self) -> &MaxScale {
        &self.inner.api
    }

    /// Runs `sql` (read-only statements, `;`-separated) on `server` through `host`, at most
    /// `max_rows` rows per result: one outcome per statement that ran.
    pub fn query(
        &self,
        host: usize,
        server: &str,
        sql: &str,
        max_rows: usize,
    ) -> Result<Vec<Outcome>, Failure> {
        wait_if_signalled();
        let conn = self.connection(host, server)?;
        let body = serde_json::json!({
            "sql": sql,
            "max_rows": max_rows,
            "timeout": self.inner.timeout,
        })
        .to_string();
        let path = format!("{SQL}/{}/queries?token={}", conn.id, conn.token.expose());
        let bytes = self
            .inner
            .api
            .exchange(
                host,
                Method::Post,
                &path,
                Some(body.as_bytes()),
                Duration::from_secs(self.inner.timeout + 1),
            )
            .map_err(|f| hide(f, &conn.token))?;
        wait_if_signalled();
        parse_results(&bytes).map_err(|why| {
            Failure::new(
                Cause::InvalidDocument,
                format!(
                    "POST {} on {}: the SQL API's answer does not read: {why}",
                    SQL,
                    self.inner.api.hosts().label(host)
                ),
            )
        })
    }

    /// The connection to `server` through `host`, opened the first time.
    fn connection(&self, host: usize, server: &str) -> Result<Arc<Conn>, Failure> {
        let key = (host, server.to_string());
        let closing = || {
            Failure::new(
                Cause::Io,
                "interrupted: the SQL connections are being closed",
            )
        };
        {
            let open = self.lock();
            if self.inner.closing.load(std::sync::atomic::Ordering::SeqCst) {
                return Err(closing());
            }
            if let Some(c) = open.get(&key) {
                return Ok(Arc::clone(c));
            }
        }
        let api = &self.inner.api;
        if let Some(version) = api.lacks(host, Route::Sql) {
            return Err(Failure::new(
                Cause::Unsupported,
                format!(
                    "MaxScale {version} on {} has no SQL API: reading the backend needs MaxScale 6.0 or later",
                    api.hosts().label(host)
                ),
            ));
        }
        let body = serde_json::json!({
            "target": server,
            "user": self.inner.credentials.user,
            "password": self.inner.credentials.password.expose(),
            "timeout": self.inner.timeout,
        })
        .to_string();
        let bytes = api
            .exchange(
                host,
                Method::Post,
                SQL,
                Some(body.as_bytes()),
                Duration::ZERO,
            )
            .map_err(|f| self.connect_failure(f, host, server))?;
        let doc: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        let id = doc.pointer("/data/id").and_then(Value::as_str);
        let token = doc.pointer("/meta/token").and_then(Value::as_str);
        let (Some(id), Some(token)) = (id, token) else {
            return Err(Failure::new(
                Cause::InvalidDocument,
                format!(
                    "POST {SQL} on {}: the answer has no connection id and token",
                    api.hosts().label(host)
                ),
            ));
        };
        let conn = Arc::new(Conn {
            id: id.to_string(),
            token: Secret::new(token.to_string()),
        });
        let mut open = self.lock();
        if self.inner.closing.load(std::sync::atomic::Ordering::SeqCst) {
            // closing began while it was opened: close it here, nobody else will
            drop(open);
            let _ = close_one(&self.inner, host, &conn);
            return Err(closing());
        }
        open.insert(key, Arc::clone(&conn));
        Ok(conn)
    }

    /// What a refused connection means: wrong database credentials, an unknown server, an
    /// account without the `sql` permission.
    fn connect_failure(&self, f: Failure, host: usize, server: &str) -> Failure {
        let label = self.inner.api.hosts().label(host).to_string();
        let shown = sanitize::line(server);
        let detail = f.detail.clone().unwrap_or_default();
        let user = sanitize::line(&self.inner.credentials.user).into_owned();
        match f.status {
            Some(400) if detail.contains("Error 1045") => Failure::new(
                Cause::Denied,
                format!("{label}: server {shown} refused the database account '{user}': {detail}"),
            )
            .with_hint("check --sql-user and --sql-password (or MXS_SQL_USER, MXS_SQL_PASSWORD, sql-user and sql-password in the config file)"),
            Some(400) if detail.starts_with("Target ") && detail.ends_with("not found") => {
                Failure::new(
                    Cause::NotFound,
                    format!("{label}: MaxScale knows no server {shown} ({detail})"),
                )
            }
            Some(401 | 403) => Failure::new(
                Cause::Denied,
                format!("{label}: the admin account may not use the SQL API: {}", f.message),
            )
            .with_hint("MaxScale 25.10 and later give the SQL API only to accounts with the `sql` permission"),
            Some(400) => Failure::new(
                Cause::ServerError,
                format!("{label}: cannot connect to server {shown}: {detail}"),
            ),
            _ => f,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<(usize, String), Arc<Conn>>> {
        self.inner
            .open
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// How many connections are open.
    #[must_use]
    pub fn open_count(&self) -> usize {
        self.lock().len()
    }

    /// Closes every open connection; returns the failures (a connection that could not be
    /// closed is named, so that it can be closed by hand).
    pub fn close(&self) -> Vec<Failure> {
        wait_if_signalled();
        close_all(&self.inner)
    }

    /// From now on, SIGINT, SIGTERM and SIGHUP close every open connection (of every pool)
    /// before the process ends as the signal would have ended it. Installed once per process
    /// and left in place (a handler, once installed, stays): with nothing open, a signal does
    /// what it did before.
    pub fn close_on_signals(&self) -> anyhow::Result<()> {
        static INSTALLED: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
        INSTALLED
            .get_or_init(|| {
                use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
                let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
                    .map_err(|e| e.to_string())?;
                std::thread::Builder::new()
                    .name("mxs-sql-signals".into())
                    .spawn(move || {
                        if let Some(signal) = signals.forever().next() {
                            SIGNALLED.store(true, std::sync::atomic::Ordering::SeqCst);
                            close_everything();
                            let _ = signal_hook::low_level::emulate_default_handler(signal);
                            std::process::exit(128 + signal);
                        }
                    })
                    .map(drop)
                    .map_err(|e| e.to_string())
            })
            .clone()
            .map_err(|e| anyhow::anyhow!("setting up signal handling: {e}"))
    }
}

/// A signal came: its thread closes the connections and ends the process.
static SIGNALLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Once a signal came, the other threads wait for its thread to end the process: none goes on
/// to print, exit, or find the connections already taken and leave while they are closed.
fn wait_if_signalled() {
    while SIGNALLED.load(std::sync::atomic::Ordering::SeqCst) {
        std::thread::park();
    }
}

/// Every pool of the process, for [`close_everything`].
static POOLS: Mutex<Vec<std::sync::Weak<Inner>>> = Mutex::new(Vec::new());

/// Closes the open connections of every pool: for the signal thread, and the panic hook,
/// which ends the process without running destructors.
pub fn close_everything() {
    let pools: Vec<Arc<Inner>> = match POOLS.try_lock() {
        Ok(p) => p.iter().filter_map(std::sync::Weak::upgrade).collect(),
        Err(_) => return,
    };
    for inner in pools {
        close_all(&inner);
    }
}

/// A failure's message without the token (it is in the URL of the request).
fn hide(mut f: Failure, token: &Secret) -> Failure {
    if !token.expose().is_empty() {
        f.message = f.message.replace(token.expose(), "TOKEN");
    }
    f
}

fn close_all(inner: &Inner) -> Vec<Failure> {
    let conns: Vec<((usize, String), Arc<Conn>)> = {
        let mut open = inner
            .open
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        inner
            .closing
            .store(true, std::sync::atomic::Ordering::SeqCst);
        std::mem::take(&mut *open).into_iter().collect()
    };
    let mut failures = Vec::new();
    for ((host, server), conn) in conns {
        if let Err(f) = close_one(inner, host, &conn) {
            failures.push(Failure::new(
                f.cause,
                format!(
                    "the SQL connection {} to {} on {} is still open: {}",
                    conn.id,
                    sanitize::line(&server),
                    inner.api.hosts().label(host),
                    f.message
                ),
            ));
        }
    }
    failures
}

/// `DELETE /v1/sql/:id`; a busy connection (a query in flight) is cancelled first.
fn close_one(inner: &Inner, host: usize, conn: &Conn) -> Result<(), Failure> {
    let path = format!("{SQL}/{}?token={}", conn.id, conn.token.expose());
    let cancel = format!("{SQL}/{}/cancel?token={}", conn.id, conn.token.expose());
    let mut last = None;
    for attempt in 0..20 {
        match inner
            .api
            .exchange(host, Method::Delete, &path, None, Duration::ZERO)
        {
            Ok(_) => return Ok(()),
            // gone already (a restart, the idle cleanup)
            Err(f)
                if f.detail
                    .as_deref()
                    .is_some_and(|d| d.ends_with("is not a connection_id")) =>
            {
                return Ok(());
            }
            Err(f) if f.detail.as_deref().is_some_and(|d| d.contains("is busy")) => {
                let _ = inner
                    .api
                    .exchange(host, Method::Post, &cancel, None, Duration::ZERO);
                // the cancelled query ends with its error, then the connection is idle
                std::thread::sleep(Duration::from_millis(50 * (attempt + 1)));
                last = Some(hide(f, &conn.token));
            }
            Err(f) => return Err(hide(f, &conn.token)),
        }
    }
    Err(last.unwrap_or_else(|| Failure::internal("closing an SQL connection")))
}

/// The `results` of a query's answer.
fn parse_results(bytes: &[u8]) -> Result<Vec<Outcome>, String> {
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let results = doc
        .pointer("/data/attributes/results")
        .and_then(Value::as_array)
        .ok_or("no data.attributes.results array")?;
    Ok(results.iter().map(outcome).collect())
}

fn outcome(r: &Value) -> Outcome {
    if let Some(errno) = r.get("errno").and_then(Value::as_u64) {
        let text =
            |k: &str| sanitize::line(r.get(k).and_then(Value::as_str).unwrap_or("")).into_owned();
        return Outcome::Error(SqlError {
            errno,
            sqlstate: text("sqlstate"),
            message: text("message"),
        });
    }
    match (r.get("fields"), r.get("data")) {
        (Some(Value::Array(fields)), Some(Value::Array(rows))) => Outcome::Rows(ResultSet {
            fields: fields
                .iter()
                .map(|f| f.as_str().unwrap_or("").to_string())
                .collect(),
            rows: rows
                .iter()
                .map(|row| row.as_array().cloned().unwrap_or_default())
                .collect(),
            complete: r.get("complete").and_then(Value::as_bool).unwrap_or(true),
        }),
        _ => Outcome::Done,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_read_rows_errors_and_oks() {
        let doc = br#"{"data":{"attributes":{"results":[
            {"complete":false,"data":[[1,"a"],[2,null]],"fields":["ID","USER"],"metadata":[]},
            {"affected_rows":0,"last_insert_id":0,"warnings":0},
            {"errno":1227,"message":"Access denied;\u001b[31m you need","sqlstate":"42000"}]}}}"#;
        let out = parse_results(doc).unwrap();
        let Outcome::Rows(rs) = &out[0] else { panic!() };
        assert!(!rs.complete);
        assert_eq!(rs.get(&rs.rows[1], "user"), &Value::Null);
        assert_eq!(rs.get(&rs.rows[0], "id"), &serde_json::json!(1));
        assert_eq!(rs.get(&rs.rows[0], "nope"), &Value::Null);
        assert_eq!(out[1], Outcome::Done);
        let Outcome::Error(e) = &out[2] else { panic!() };
        assert_eq!(e.errno, 1227);
        assert!(!e.message.contains('\u{1b}'));
        assert!(parse_results(b"{}").is_err());
    }

    #[test]
    fn tokens_are_hidden_from_messages() {
        let f = hide(
            Failure::new(
                Cause::ServerError,
                "POST http://h/v1/sql/x/queries?token=abc.def",
            ),
            &Secret::new("abc.def".into()),
        );
        assert_eq!(f.message, "POST http://h/v1/sql/x/queries?token=TOKEN");
    }
}
