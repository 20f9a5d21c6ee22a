//! The one place that speaks MaxScale's admin API: every path, query parameter and request body
//! mxs sends, which version has which route (one table, [`Route::since`]), and what
//! `GET /v1/maxscale` says of a host ([`Info`], asked at most once per host while it answers).
//! Commands call [`MaxScale`] with hosts by index, ids and typed actions; above `api`, no code
//! writes a URL.

use std::io::Read;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use crate::api::client::{Client, Method};
use crate::api::fetch::{self, HostOutcome, Shown};
use crate::api::log;
use crate::api::model::{Depth, Session};
use crate::error::{Cause, Failure};
use crate::hosts::Hosts;
use crate::text::sanitize;

/// The sessions collection.
const SESSIONS: &str = "v1/sessions";
/// Every GET whose body mxs parses asks for it compact: every version honours `pretty=false`
/// (2.2 and 2.5 read anything but `true` as one-line output), and it halves the bytes of a
/// list (14.7 MB instead of 29.5 MB at 10,005 sessions on 24.02.4), which is what a fleet over
/// real networks pays for. `-o json` is laid out by mxs itself, so its output does not change.
///
/// Never `fields[sessions]` on a list, however few fields are wanted: MaxScale applies it
/// after building and hashing the whole list, and then deep-copies the attributes once per
/// field per session. Measured on 24.02.4 at 10,005 sessions: a plain list costs it 0.61 s of
/// CPU, the same list with ten fields 1.25 s. `page[size]` and `filter` save only the last
/// dump (0.46 s).
const COMPACT: &str = "pretty=false";
/// The MaxScale resource: version and global parameters.
const MAXSCALE: &str = "v1/maxscale";
/// When the host's MaxScale started: `started_at`, which every version since 2.2 has (with
/// `activated_at`, which moves when a passive MaxScale becomes active, and `uptime`).
const STARTED: &str = "v1/maxscale?fields[maxscale]=started_at&pretty=false";
/// The routing threads, each with its `stats.sessions` since 22.08.2.
const THREADS: &str = "v1/maxscale/threads";
/// The services, each with its current client `connections` (every version).
const SERVICES: &str = "v1/services";
/// Restarts every session of a host.
const RESTART_ALL: &str = "v1/sessions/restart";
/// Tells an account that can read from one that cannot (a read-only account's write is
/// refused with the same 401 as bad credentials): `GET /v1/maxscale`, which is authenticated
/// like every route and costs MaxScale nothing worth measuring. It replaced
/// `v1/sessions?fields[sessions]=id&page[size]=1`, which looks cheap but is not: MaxScale
/// builds every session's JSON before it pages or picks fields, and copies the attributes per
/// field, 1.25 s of its CPU at 10,005 sessions (24.02.4).
const PROBE: &str = "v1/maxscale?pretty=false";
/// The log, as a collection of entries (24.02 and later).
const LOG_ENTRIES: &str = "v1/maxscale/logs/entries";
/// The log, as one resource (6.0 and later).
const LOG_DATA: &str = "v1/maxscale/logs/data";
/// The largest `GET /v1/maxscale` read: a few KiB in practice.
const INFO_LIMIT: u64 = 4 * 1024 * 1024;

/// What an action does to a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// `DELETE /v1/sessions/:id`, with `?ttl=N` when a ttl is given.
    Kill { ttl: Option<u64> },
    /// `POST /v1/sessions/:id/restart`.
    Restart,
    /// `PATCH /v1/sessions/:id` with log levels and/or filters.
    Alter {
        parameters: Vec<(String, bool)>,
        /// `Some(empty)` removes every filter.
        filters: Option<Vec<String>>,
    },
}

impl Action {
    /// The verb, for prompts and results: kill, restart, alter.
    #[must_use]
    pub fn verb(&self) -> &'static str {
        match self {
            Action::Kill { .. } => "kill",
            Action::Restart => "restart",
            Action::Alter { .. } => "alter",
        }
    }

    /// The verb in the past tense: killed, restarted, altered.
    #[must_use]
    pub fn done(&self) -> &'static str {
        match self {
            Action::Kill { .. } => "killed",
            Action::Restart => "restarted",
            Action::Alter { .. } => "altered",
        }
    }

    /// The verb in the progressive: killing, restarting, altering.
    #[must_use]
    pub fn doing(&self) -> &'static str {
        match self {
            Action::Kill { .. } => "killing",
            Action::Restart => "restarting",
            Action::Alter { .. } => "altering",
        }
    }

    /// The route the action is sent to.
    #[must_use]
    pub fn route(&self) -> Route {
        match self {
            Action::Kill { .. } => Route::Kill,
            Action::Restart => Route::Restart,
            Action::Alter { .. } => Route::Alter,
        }
    }

    /// The request of this action on one session: method, path and body.
    fn request(&self, id: &str) -> (Method, String, Option<Vec<u8>>) {
        let path = session_path(id);
        match self {
            Action::Kill { ttl: None } => (Method::Delete, path, None),
            Action::Kill { ttl: Some(t) } => (Method::Delete, format!("{path}?ttl={t}"), None),
            Action::Restart => (Method::Post, format!("{path}/restart"), None),
            Action::Alter {
                parameters,
                filters,
            } => {
                let mut data = serde_json::Map::new();
                if !parameters.is_empty() {
                    let p: serde_json::Map<String, serde_json::Value> = parameters
                        .iter()
                        .map(|(k, v)| (k.clone(), serde_json::Value::Bool(*v)))
                        .collect();
                    data.insert("attributes".into(), serde_json::json!({ "parameters": p }));
                }
                if let Some(f) = filters {
                    let list: Vec<serde_json::Value> = f
                        .iter()
                        .map(|n| serde_json::json!({"id": n, "type": "filters"}))
                        .collect();
                    data.insert(
                        "relationships".into(),
                        serde_json::json!({"filters": {"data": list}}),
                    );
                }
                let body = serde_json::json!({ "data": data }).to_string().into_bytes();
                (Method::Patch, path, Some(body))
            }
        }
    }
}

/// A route that not every version has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `DELETE /v1/sessions/:id`.
    Kill,
    /// `POST /v1/sessions/:id/restart`.
    Restart,
    /// `POST /v1/sessions/restart`.
    RestartAll,
    /// `PATCH /v1/sessions/:id`.
    Alter,
    /// `GET /v1/maxscale/logs/entries`: the log as a collection.
    LogEntries,
    /// `GET /v1/maxscale/logs/data`: the log as one resource.
    LogData,
    /// `GET /v1/maxscale/threads` with each thread's `stats.sessions`.
    ThreadSessions,
    /// `GET /v1/services` with each service's `connections`.
    ServiceConnections,
    /// `/v1/sql`: SQL on a backend server (`api::sql` knows its paths).
    Sql,
}

/// The first MaxScale version (major, minor) with each route. Before it, MaxScale has no such
/// route and answers 404 with an empty body, even for a session that exists.
const SINCE: [(Route, (u32, u32)); 9] = [
    (Route::Kill, (22, 8)),
    (Route::Restart, (22, 8)),
    (Route::RestartAll, (22, 8)),
    (Route::Alter, (6, 0)),
    (Route::LogEntries, (24, 2)),
    (Route::LogData, (6, 0)),
    // `maxscale/threads` is as old as 2.2, but `stats.sessions` came with 22.08.2 (MXS-3822,
    // `server/core/routingworker.cc`); 22.08.0 and .1 answer without it, which
    // `session_count` sees in the answer.
    (Route::ThreadSessions, (22, 8)),
    // `attributes.connections` of a service: 2.2's `service.cc` has it, as has every version since
    (Route::ServiceConnections, (2, 2)),
    (Route::Sql, (6, 0)),
];

impl Route {
    /// What the route does, as a verb: kill, restart, alter.
    #[must_use]
    pub fn verb(self) -> &'static str {
        match self {
            Route::Kill => "kill",
            Route::Restart | Route::RestartAll => "restart",
            Route::Alter => "alter",
            Route::LogEntries | Route::LogData => "read the log of",
            Route::ThreadSessions | Route::ServiceConnections => "count the sessions of",
            Route::Sql => "run SQL through",
        }
    }

    /// The first MaxScale version with the route (major, minor).
    #[must_use]
    pub fn since(self) -> (u32, u32) {
        SINCE
            .iter()
            .find(|(r, _)| *r == self)
            .map_or((0, 0), |(_, v)| *v)
    }
}

/// Whether `version` (`6.4.1`, `24.02.4`) is older than `(major, minor)`; a version that does
/// not read as numbers (`develop`) is not.
#[must_use]
pub fn older_than(version: &str, (major, minor): (u32, u32)) -> bool {
    let mut parts = version.split(['.', '-']).map(|p| p.parse::<u32>().ok());
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(a), Some(b)) => (a, b) < (major, minor),
        (Some(a), None) => a < major,
        _ => false,
    }
}

/// What `GET /v1/maxscale` says of a host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Info {
    /// The request as sent (`GET http://…/v1/maxscale`), for messages about the answer.
    pub request: String,
    /// `data.attributes.version`, sanitized.
    pub version: Option<String>,
    /// `data.attributes.parameters.retain_last_statements`.
    pub retain_last_statements: Retain,
    /// `data.attributes.started_at`, Unix seconds: when this MaxScale started.
    pub started: Option<i64>,
}

/// What a host says about keeping statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Retain {
    /// `retain_last_statements` and its value.
    Set(i64),
    /// The server does not say (the parameter is absent or null).
    Unknown,
    /// A value that is not a number, as sent (sanitized).
    Invalid(String),
}

impl Info {
    /// Reads the document; `request` names it in errors.
    fn parse(bytes: &[u8], request: String) -> Result<Info, Failure> {
        let v: serde_json::Value = serde_json::from_slice(bytes).map_err(|err| {
            Failure::new(
                Cause::InvalidDocument,
                format!("{request}: invalid response: {err}"),
            )
        })?;
        let version = v
            .pointer("/data/attributes/version")
            .and_then(serde_json::Value::as_str)
            .map(|s| sanitize::line(s).into_owned());
        let retain_last_statements =
            match v.pointer("/data/attributes/parameters/retain_last_statements") {
                None | Some(serde_json::Value::Null) => Retain::Unknown,
                Some(n) => n
                    .as_i64()
                    .or_else(|| n.as_str().and_then(|t| t.trim().parse().ok()))
                    .map_or_else(
                        || Retain::Invalid(sanitize::line(&n.to_string()).into_owned()),
                        Retain::Set,
                    ),
            };
        let started = v
            .pointer("/data/attributes/started_at")
            .and_then(serde_json::Value::as_str)
            .and_then(crate::text::time::Stamp::parse_http_date)
            .map(|s| s.unix());
        Ok(Info {
            request,
            version,
            retain_last_statements,
            started,
        })
    }
}

/// The admin APIs of the hosts of a command, through one client. Cloning it is cheap and the
/// clones share the client and what each host said of itself.
#[derive(Debug, Clone)]
pub struct MaxScale {
    client: Arc<Client>,
    hosts: Hosts,
    /// `GET /v1/maxscale` of each host, once it answered.
    info: Arc<[OnceLock<Info>]>,
    /// How long each host's last list took.
    took: Arc<[Mutex<Option<Duration>>]>,
    /// The hosts [`MaxScale::list`] asks (all when `None`).
    listing: Option<Arc<[bool]>>,
}

impl MaxScale {
    #[must_use]
    pub fn new(client: Arc<Client>, hosts: Hosts) -> MaxScale {
        let info = (0..hosts.len()).map(|_| OnceLock::new()).collect();
        let took = (0..hosts.len()).map(|_| Mutex::new(None)).collect();
        MaxScale {
            client,
            hosts,
            info,
            took,
            listing: None,
        }
    }

    /// A copy whose [`MaxScale::list`] asks only `hosts` (the others have no outcome).
    #[must_use]
    pub fn listing_only(&self, hosts: &[usize]) -> MaxScale {
        let mask = (0..self.hosts.len()).map(|h| hosts.contains(&h)).collect();
        MaxScale {
            listing: Some(mask),
            ..self.clone()
        }
    }

    /// How long `host`'s last list took, from the request to its last session parsed.
    #[must_use]
    pub fn list_took(&self, host: usize) -> Option<Duration> {
        *self.took.get(host)?.lock().ok()?
    }

    #[must_use]
    pub fn hosts(&self) -> &Hosts {
        &self.hosts
    }

    /// The account the requests are sent as.
    #[must_use]
    pub fn user(&self) -> &str {
        self.client.user()
    }

    /// Body bytes received so far by every request (for progress).
    #[must_use]
    pub fn received(&self) -> u64 {
        self.client.received()
    }

    /// Runs `task` for every host, each on its own thread; a thread that panicked gives an
    /// internal error in its place.
    pub fn on_every_host<T: Send>(
        &self,
        task: impl Fn(usize) -> T + Sync,
    ) -> Vec<anyhow::Result<T>> {
        fetch::on_every_endpoint(self.hosts.endpoints(), |host, _| task(host))
    }

    /// `GET /v1/sessions` (with `rdns=true` when the server is to resolve names) from every
    /// host concurrently: each session parsed to `depth` and passed to `prepare` on the parsing
    /// threads, each batch to `commit` in document order ([`fetch::list`]).
    pub fn list<P, F, C>(
        &self,
        server_rdns: bool,
        depth: Depth,
        prepare: F,
        commit: C,
    ) -> Vec<HostOutcome>
    where
        P: Send,
        F: Fn(Session, &[u8], &mut Vec<u8>) -> anyhow::Result<P> + Sync,
        C: Fn(Vec<P>, &[u8]) -> anyhow::Result<()> + Sync,
    {
        let path = if server_rdns {
            format!("{SESSIONS}?rdns=true&{COMPACT}")
        } else {
            format!("{SESSIONS}?{COMPACT}")
        };
        let listing = self.listing.as_deref();
        let outcomes = fetch::list(
            &self.client,
            self.hosts.endpoints(),
            |h| listing.is_none_or(|l| l.get(h).copied().unwrap_or(false)),
            &path,
            depth,
            prepare,
            commit,
        );
        for o in &outcomes {
            if let Some(Ok(mut took)) = self.took.get(o.endpoint).map(Mutex::lock) {
                *took = o.result.is_ok().then_some(o.took);
            }
        }
        outcomes
    }

    /// The host's time (Unix seconds) when it sent its last list, by that answer's `Date`
    /// header, if it sent one that reads as a date.
    #[must_use]
    pub fn list_time(&self, host: usize) -> Option<i64> {
        self.client.server_time(self.hosts.get(host)?, SESSIONS)
    }

    /// `GET /v1/sessions/:id` from every host concurrently.
    #[must_use]
    pub fn session_everywhere(
        &self,
        id: &str,
        server_rdns: bool,
    ) -> Vec<(usize, anyhow::Result<Shown>)> {
        fetch::show(
            &self.client,
            self.hosts.endpoints(),
            &session_get_path(id, server_rdns),
        )
    }

    /// `GET /v1/sessions/:id` from one host.
    pub fn session(&self, host: usize, id: &str, server_rdns: bool) -> anyhow::Result<Shown> {
        let endpoint = self
            .hosts
            .get(host)
            .ok_or_else(|| Failure::internal("no such host"))?;
        fetch::show(
            &self.client,
            std::slice::from_ref(endpoint),
            &session_get_path(id, server_rdns),
        )
        .pop()
        .map_or_else(|| Err(Failure::internal("no answer").into()), |(_, r)| r)
    }

    /// Sends `action` for the session `id` of `host`, once (see [`Client::write`]).
    pub fn act(&self, host: usize, action: &Action, id: &str) -> Result<(), Failure> {
        let (method, path, body) = action.request(id);
        self.write(host, method, &path, body.as_deref())
    }

    /// `POST /v1/sessions/restart`: restarts every session of `host` in one request.
    pub fn restart_all(&self, host: usize) -> Result<(), Failure> {
        self.write(host, Method::Post, RESTART_ALL, None)
    }

    /// A request of the SQL API (`api::sql`, the sibling that knows its paths), sent once, and
    /// its answer's body; `longer` extends the bound on the request (a query's own timeout).
    pub(crate) fn exchange(
        &self,
        host: usize,
        method: Method,
        path: &str,
        body: Option<&[u8]>,
        longer: std::time::Duration,
    ) -> Result<Vec<u8>, Failure> {
        let endpoint = self
            .hosts
            .get(host)
            .ok_or_else(|| Failure::internal("no such host"))?;
        self.client.exchange(endpoint, method, path, body, longer)
    }

    fn write(
        &self,
        host: usize,
        method: Method,
        path: &str,
        body: Option<&[u8]>,
    ) -> Result<(), Failure> {
        let endpoint = self
            .hosts
            .get(host)
            .ok_or_else(|| Failure::internal("no such host"))?;
        self.client.write(endpoint, method, path, body)
    }

    /// Whether the account can read from `host` (see [`PROBE`]): yes at once when
    /// `GET /v1/maxscale` answered it before.
    #[must_use]
    pub fn can_read(&self, host: usize) -> bool {
        self.info.get(host).is_some_and(|i| i.get().is_some())
            || self
                .hosts
                .get(host)
                .is_some_and(|e| self.client.get(e, PROBE).is_ok())
    }

    /// How many sessions `host` has now, asked cheaply (a list costs MaxScale about 0.06 ms
    /// of CPU per session; these, about a millisecond): the sum of the routing threads'
    /// `stats.sessions` where the version has it, else of the services' `connections` (a
    /// session is a client connection to one service), else `None`.
    pub fn session_count(&self, host: usize) -> Result<Option<u64>, Failure> {
        let version = self.info(host).ok().and_then(|i| i.version.clone());
        let has = |route: Route| {
            version
                .as_deref()
                .is_some_and(|v| !older_than(v, route.since()))
        };
        if has(Route::ThreadSessions)
            && let Some(n) = self.sum(host, THREADS, "/attributes/stats/sessions")?
        {
            return Ok(Some(n));
        }
        if has(Route::ServiceConnections) {
            return self.sum(host, SERVICES, "/attributes/connections");
        }
        Ok(None)
    }

    /// The sum of `pointer` over the elements of the collection at `path`; `None` when an
    /// element lacks it.
    fn sum(&self, host: usize, path: &str, pointer: &str) -> Result<Option<u64>, Failure> {
        let doc = self.read_small(host, &format!("{path}?{COMPACT}"))?;
        let (bytes, request) = doc;
        let v: serde_json::Value = serde_json::from_slice(&bytes).map_err(|err| {
            Failure::new(
                Cause::InvalidDocument,
                format!("{request}: invalid response: {err}"),
            )
        })?;
        let Some(items) = v.get("data").and_then(serde_json::Value::as_array) else {
            return Ok(None);
        };
        Ok(items
            .iter()
            .map(|t| t.pointer(pointer).and_then(serde_json::Value::as_u64))
            .sum())
    }

    /// What `GET /v1/maxscale` says of `host`: asked the first time, then remembered (a
    /// failure is not, so the next call asks again).
    pub fn info(&self, host: usize) -> Result<&Info, Failure> {
        let cell = self
            .info
            .get(host)
            .ok_or_else(|| Failure::internal("no such host"))?;
        if let Some(info) = cell.get() {
            return Ok(info);
        }
        let info = self.read_info(host)?;
        Ok(cell.get_or_init(|| info))
    }

    /// When `host`'s MaxScale started (Unix seconds), asked now, never remembered: another
    /// answer than before means that it restarted (and counts session ids from 1 again).
    /// `None` when the server does not say.
    pub fn started(&self, host: usize) -> Result<Option<i64>, Failure> {
        Ok(self.read_info_at(host, STARTED)?.started)
    }

    fn read_info(&self, host: usize) -> Result<Info, Failure> {
        self.read_info_at(host, &format!("{MAXSCALE}?{COMPACT}"))
    }

    fn read_info_at(&self, host: usize, path: &str) -> Result<Info, Failure> {
        let (bytes, request) = self.read_small(host, path)?;
        Info::parse(&bytes, request)
    }

    /// The body of a small document (at most [`INFO_LIMIT`]) and its request, for messages.
    fn read_small(&self, host: usize, path: &str) -> Result<(Vec<u8>, String), Failure> {
        let endpoint = self
            .hosts
            .get(host)
            .ok_or_else(|| Failure::internal("no such host"))?;
        let mut body = self.client.get(endpoint, path)?;
        let request = format!("GET {}", body.url);
        let mut bytes = Vec::new();
        body.by_ref()
            .take(INFO_LIMIT)
            .read_to_end(&mut bytes)
            .map_err(|err| {
                Failure::new(
                    Cause::ConnectionLost,
                    format!("{request}: reading the response failed: {err}"),
                )
            })?;
        Ok((bytes, request))
    }

    /// A page of `host`'s log, oldest first: the newest `size` lines, or those from `cursor`
    /// (taken from an earlier page's `links.prev`) on. Read from `logs/entries` on 24.02 and
    /// later, `logs/data` on 6.0 and later; a host whose version is not known is asked the
    /// first, then the second. Neither filters nor priorities are sent: MaxScale applies them
    /// to the page it read, which would hide the time of the lines read (and reads its whole
    /// log file for every page whatever they are).
    pub fn log_page(
        &self,
        host: usize,
        cursor: Option<&str>,
        size: usize,
    ) -> Result<log::Page, Failure> {
        let version = self.info(host).ok().and_then(|i| i.version.clone());
        let known = version
            .as_deref()
            .filter(|v| v.starts_with(|c: char| c.is_ascii_digit()));
        let routes: &[Route] = match known {
            Some(v) if !older_than(v, Route::LogEntries.since()) => &[Route::LogEntries],
            Some(v) if !older_than(v, Route::LogData.since()) => &[Route::LogData],
            Some(v) => {
                return Err(Failure::new(
                    Cause::Unsupported,
                    format!(
                        "MaxScale {v} on {} has no log in its admin API: reading it needs MaxScale 6.0 or later",
                        self.hosts.label(host)
                    ),
                ));
            }
            None => &[Route::LogEntries, Route::LogData],
        };
        let mut last = None;
        for &route in routes {
            match self.read_log(host, route, cursor, size) {
                Err(f) if f.cause == Cause::NotFound => last = Some(f),
                other => return other,
            }
        }
        let f = last.unwrap_or_else(|| Failure::internal("no log route"));
        Err(Failure::new(
            Cause::Unsupported,
            format!(
                "{}: {} has no log in its admin API (MaxScale 6.0 or later has one)",
                f.message,
                self.hosts.label(host)
            ),
        ))
    }

    fn read_log(
        &self,
        host: usize,
        route: Route,
        cursor: Option<&str>,
        size: usize,
    ) -> Result<log::Page, Failure> {
        let endpoint = self
            .hosts
            .get(host)
            .ok_or_else(|| Failure::internal("no such host"))?;
        let (path, which) = match route {
            Route::LogData => (LOG_DATA, log::Route::Data),
            _ => (LOG_ENTRIES, log::Route::Entries),
        };
        let mut path = format!("{path}?page[size]={size}&{COMPACT}");
        if let Some(c) = cursor {
            path.push_str(&format!("&page[cursor]={}", encode_id(c)));
        }
        let mut body = self.client.get(endpoint, &path)?;
        let request = format!("GET {}", body.url);
        let mut bytes = Vec::new();
        body.read_to_end(&mut bytes).map_err(|err| {
            let cause = if err
                .get_ref()
                .is_some_and(|e| e.is::<crate::api::client::TooLarge>())
            {
                Cause::TooLarge
            } else {
                Cause::ConnectionLost
            };
            Failure::new(
                cause,
                format!("{request}: reading the response failed: {err}"),
            )
        })?;
        log::parse(&bytes, which, &request)
    }

    /// The version of `host` when it predates `route`: the host has no such route.
    #[must_use]
    pub fn lacks(&self, host: usize, route: Route) -> Option<&str> {
        let version = self.info(host).ok()?.version.as_deref()?;
        older_than(version, route.since()).then_some(version)
    }
}

/// How a single-session GET is named in a message about every host: `GET v1/sessions/ID`.
#[must_use]
pub fn session_request(id: &str) -> String {
    format!("GET {SESSIONS}/{id}")
}

/// `v1/sessions/:id`, the id percent-encoded.
fn session_path(id: &str) -> String {
    format!("{SESSIONS}/{}", encode_id(id))
}

/// The path of a single-session GET, with `rdns=true` when the server is to resolve.
fn session_get_path(id: &str, server_rdns: bool) -> String {
    let path = session_path(id);
    if server_rdns {
        format!("{path}?rdns=true&{COMPACT}")
    } else {
        format!("{path}?{COMPACT}")
    }
}

/// A session id for the URL: MaxScale's ids are positive integers, but the server decides (old
/// versions read `1abc` as 1), so anything non-empty is sent, percent-encoded.
fn encode_id(id: &str) -> String {
    id.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_by_major_and_minor() {
        assert!(older_than("6.4.1", (22, 8)));
        assert!(older_than("22.02.1", (22, 8)));
        assert!(!older_than("22.08.0", (22, 8)));
        assert!(!older_than("24.02.4", (22, 8)));
        assert!(older_than("2.5.29", (6, 0)));
        assert!(!older_than("6.0.0", (6, 0)));
        assert!(!older_than("develop", (22, 8)));
    }

    #[test]
    fn every_route_has_its_version() {
        for route in [
            Route::Kill,
            Route::Restart,
            Route::RestartAll,
            Route::Alter,
            Route::LogEntries,
            Route::LogData,
            Route::ThreadSessions,
            Route::ServiceConnections,
            Route::Sql,
        ] {
            assert_ne!(route.since(), (0, 0), "{route:?}");
        }
        assert_eq!(Action::Kill { ttl: Some(1) }.route().since(), (22, 8));
        assert_eq!(
            Action::Alter {
                parameters: vec![],
                filters: None
            }
            .route()
            .since(),
            (6, 0)
        );
    }

    #[test]
    fn ids_are_percent_encoded() {
        assert_eq!(session_path("42"), "v1/sessions/42");
        assert_eq!(session_path("a b/../c"), "v1/sessions/a%20b%2F..%2Fc");
        assert_eq!(
            session_get_path("7", true),
            "v1/sessions/7?rdns=true&pretty=false"
        );
    }

    #[test]
    fn requests_are_exactly_what_the_server_reads() {
        assert_eq!(
            Action::Kill { ttl: None }.request("42"),
            (Method::Delete, "v1/sessions/42".into(), None)
        );
        assert_eq!(
            Action::Kill { ttl: Some(30) }.request("42").1,
            "v1/sessions/42?ttl=30"
        );
        assert_eq!(
            Action::Restart.request("7"),
            (Method::Post, "v1/sessions/7/restart".into(), None)
        );
        let (m, p, body) = Action::Alter {
            parameters: vec![("log_info".into(), true)],
            filters: Some(vec!["Regex".into()]),
        }
        .request("8");
        assert_eq!((m, p.as_str()), (Method::Patch, "v1/sessions/8"));
        let body: serde_json::Value = serde_json::from_slice(&body.unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"data": {
                "attributes": {"parameters": {"log_info": true}},
                "relationships": {"filters": {"data": [{"id": "Regex", "type": "filters"}]}}
            }})
        );
        let (_, _, body) = Action::Alter {
            parameters: vec![],
            filters: Some(vec![]),
        }
        .request("8");
        let body: serde_json::Value = serde_json::from_slice(&body.unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"data": {"relationships": {"filters": {"data": []}}}})
        );
    }

    #[test]
    fn info_reads_the_version_and_the_retention() {
        let request = || "GET http://mx1:8989/v1/maxscale".to_string();
        let info = Info::parse(
            br#"{"data":{"attributes":{"version":"24.02.4","parameters":{"retain_last_statements":5}}}}"#,
            request(),
        )
        .unwrap();
        assert_eq!(info.version.as_deref(), Some("24.02.4"));
        assert_eq!(info.retain_last_statements, Retain::Set(5));
        let text = Info::parse(
            br#"{"data":{"attributes":{"parameters":{"retain_last_statements":" 0 "}}}}"#,
            request(),
        )
        .unwrap();
        assert_eq!(text.version, None);
        assert_eq!(text.retain_last_statements, Retain::Set(0));
        let absent = Info::parse(br#"{"data":{"attributes":{}}}"#, request()).unwrap();
        assert_eq!(absent.retain_last_statements, Retain::Unknown);
        let odd = Info::parse(
            br#"{"data":{"attributes":{"parameters":{"retain_last_statements":[1]}}}}"#,
            request(),
        )
        .unwrap();
        assert_eq!(odd.retain_last_statements, Retain::Invalid("[1]".into()));
        assert_eq!(odd.started, None);
        // as 24.08.1 sent it
        let started = Info::parse(
            br#"{"data":{"attributes":{"started_at":"Mon, 07 Dec 2026 03:32:03 GMT","uptime":8}}}"#,
            request(),
        )
        .unwrap();
        assert_eq!(started.started, Some(1_796_614_323));
        let bad = Info::parse(b"{", request()).unwrap_err();
        assert_eq!(bad.cause, Cause::InvalidDocument);
        assert!(
            bad.message
                .starts_with("GET http://mx1:8989/v1/maxscale: invalid response")
        );
    }
}
