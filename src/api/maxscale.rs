//! The one place that speaks MaxScale's admin API: every path, query parameter and request body
//! mxs sends, which version has which route (one table, [`Route::since`]), and what
//! `GET /v1/maxscale` says of a host ([`Info`], asked at most once per host while it answers).
//! Commands call [`MaxScale`] with hosts by index, ids and typed actions; above `api`, no code
//! writes a URL.

use std::io::Read;
use std::sync::{Arc, OnceLock};

use crate::api::client::{Client, Method};
use crate::api::fetch::{self, HostOutcome, Shown};
use crate::api::log;
use crate::api::model::{Depth, Session};
use crate::error::{Cause, Failure};
use crate::hosts::Hosts;
use crate::text::sanitize;

/// The sessions collection.
const SESSIONS: &str = "v1/sessions";
/// The MaxScale resource: version and global parameters.
const MAXSCALE: &str = "v1/maxscale";
/// Restarts every session of a host.
const RESTART_ALL: &str = "v1/sessions/restart";
/// The cheapest read there is: one session id. Tells an account that can read from one that
/// cannot (a read-only account's write is refused with the same 401 as bad credentials).
const PROBE: &str = "v1/sessions?fields[sessions]=id&page[size]=1";
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
    /// `/v1/sql`: SQL on a backend server (`api::sql` knows its paths).
    Sql,
}

/// The first MaxScale version (major, minor) with each route. Before it, MaxScale has no such
/// route and answers 404 with an empty body, even for a session that exists.
const SINCE: [(Route, (u32, u32)); 7] = [
    (Route::Kill, (22, 8)),
    (Route::Restart, (22, 8)),
    (Route::RestartAll, (22, 8)),
    (Route::Alter, (6, 0)),
    (Route::LogEntries, (24, 2)),
    (Route::LogData, (6, 0)),
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
        Ok(Info {
            request,
            version,
            retain_last_statements,
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
}

impl MaxScale {
    #[must_use]
    pub fn new(client: Arc<Client>, hosts: Hosts) -> MaxScale {
        let info = (0..hosts.len()).map(|_| OnceLock::new()).collect();
        MaxScale {
            client,
            hosts,
            info,
        }
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
            "v1/sessions?rdns=true"
        } else {
            SESSIONS
        };
        fetch::list(
            &self.client,
            self.hosts.endpoints(),
            path,
            depth,
            prepare,
            commit,
        )
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

    /// Whether the account can read `host`'s sessions (one id asked for).
    #[must_use]
    pub fn can_read(&self, host: usize) -> bool {
        self.hosts
            .get(host)
            .is_some_and(|e| self.client.get(e, PROBE).is_ok())
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

    fn read_info(&self, host: usize) -> Result<Info, Failure> {
        let endpoint = self
            .hosts
            .get(host)
            .ok_or_else(|| Failure::internal("no such host"))?;
        let mut body = self.client.get(endpoint, MAXSCALE)?;
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
        Info::parse(&bytes, request)
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
        // compact: half the bytes of the default pretty layout, which mxs does not keep
        let mut path = format!("{path}?page[size]={size}&pretty=false");
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
        format!("{path}?rdns=true")
    } else {
        path
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
        assert_eq!(session_get_path("7", true), "v1/sessions/7?rdns=true");
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
        let bad = Info::parse(b"{", request()).unwrap_err();
        assert_eq!(bad.cause, Cause::InvalidDocument);
        assert!(
            bad.message
                .starts_with("GET http://mx1:8989/v1/maxscale: invalid response")
        );
    }
}
