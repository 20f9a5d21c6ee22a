//! MaxScale's log (maxlog) and its endpoints `GET /v1/maxscale/logs/entries` (24.02+) and
//! `GET /v1/maxscale/logs/data` (6.0+), as `get_log_data_json` and `create_pagination_links`
//! answer them with `maxlog=true, syslog=false`.
//!
//! The log of a server (shared by listeners started together) is a base (the captured 24.02.4
//! lines, or a generated log) plus the lines appended since the start: by session kills, ttl
//! kills, churn, bad `page[size]` values and the library's `append_log`.
//!
//! Ids are 0-based line indexes. A page is chosen first (`page[cursor]`, else the newest
//! `page[size]`, default 50), then `priority` and (entries only) the generic `filter` apply to
//! that page only. The ETag is the SHA-1 of the handler's document before the generic filter,
//! dumped compact in jansson's insertion order (checked against every capture).

use crate::config::Version;
use crate::filter::{RowFilter, parse_filter};
use crate::handler::{State, quoted_sha1};
use crate::http::Response;
use crate::json::{Style, to_vec, write_string};
use crate::live::Event;
use crate::query::{self, apply_fields};
use crate::util::{Rng, gmtime};
use serde_json::{Map, Value, json};
use std::sync::{Mutex, OnceLock};

/// `Last-Modified` of the log endpoints of the real dataset: that MaxScale's start.
pub const REAL_LOGS_LAST_MODIFIED: &str = "Mon, 07 Dec 2026 03:35:09 GMT";

/// The captured 24.02.4 `/entries` answer holding lines 319..368.
const REAL_ENTRIES: &str = include_str!("../fixtures/real-24.02/logs/logs-entries.http");

/// First id of the captured lines; the lines before it are generated.
const REAL_FIRST: usize = 319;

/// `2026-12-07 00:00:00` UTC: the day of the log captures.
const REAL_DAY: i64 = 1_796_601_600;

/// `Last-Modified` of the log endpoints of the real 24.08.1 dataset: that MaxScale's start.
pub const REAL_24_08_LOGS_LAST_MODIFIED: &str = "Mon, 07 Dec 2026 03:35:14 GMT";

/// The captured 24.08.1 `/entries?page[size]=5` answer holding lines 73..77 (the older lines
/// held install paths and were not captured).
const REAL_24_08_ENTRIES: &str =
    include_str!("../fixtures/real-24.08/logs/logs-entries-page-size-5.http");

/// First id of the captured 24.08.1 lines.
const REAL_24_08_FIRST: usize = 73;

/// maxlog's priority words.
pub const PRIORITIES: [&str; 8] = [
    "emerg", "alert", "crit", "error", "warning", "notice", "info", "debug",
];

/// The default page size.
const DEFAULT_PAGE: usize = 50;

/// One log line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Unix time (whole seconds); `timestamp` is its UTC `YYYY-MM-DD HH:MM:SS`.
    pub secs: i64,
    /// A maxlog priority word.
    pub priority: String,
    /// The message, newlines written as `\n` (two characters), as maxlog writes them.
    pub message: String,
    /// The session id, for lines logged in a session's context.
    pub session: Option<String>,
    /// The module (`[readwritesplit]`).
    pub module: Option<String>,
    /// The object (`(RW-Split-Router);`).
    pub object: Option<String>,
}

impl Entry {
    fn new(secs: i64, priority: &str, message: &str) -> Entry {
        Entry {
            secs,
            priority: priority.to_string(),
            message: maxlog_escape(message),
            session: None,
            module: None,
            object: None,
        }
    }

    fn session(mut self, id: &str) -> Entry {
        self.session = Some(id.to_string());
        self
    }

    fn module(mut self, m: &str) -> Entry {
        self.module = Some(m.to_string());
        self
    }

    fn object(mut self, o: &str) -> Entry {
        self.object = Some(maxlog_escape(o));
        self
    }

    /// `(key, value)` in the order MaxScale's `line_to_json` adds them.
    fn fields(&self, id: usize, unix: bool) -> Vec<(&'static str, Value)> {
        let mut f = vec![
            ("id", Value::String(id.to_string())),
            ("message", Value::String(self.message.clone())),
            ("timestamp", Value::String(timestamp(self.secs))),
        ];
        if unix {
            f.push(("unix_timestamp", json!(self.secs)));
        }
        f.push(("priority", Value::String(self.priority.clone())));
        for (k, v) in [
            ("session", &self.session),
            ("module", &self.module),
            ("object", &self.object),
        ] {
            if let Some(v) = v {
                f.push((k, Value::String(v.clone())));
            }
        }
        f
    }
}

/// Newlines as the two characters `\n`, as maxlog writes a message.
fn maxlog_escape(s: &str) -> String {
    s.replace('\n', "\\n")
}

/// `YYYY-MM-DD HH:MM:SS` (the mock's local time is UTC).
pub fn timestamp(secs: i64) -> String {
    let t = gmtime(secs);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        t.year, t.month, t.day, t.hour, t.min, t.sec
    )
}

/// The per-statement info lines of a session with `log_info` on.
fn statement_lines(secs: i64, id: &str, service: &str, server: &str, sql: &str) -> [Entry; 2] {
    [
        Entry::new(
            secs,
            "info",
            &format!(
                "> Autocommit: [enabled], trx is [not open], cmd: (0x3) COM_QUERY, plen: {}, type: sql::TYPE_READ, stmt: {sql}",
                sql.len() + 5
            ),
        )
        .session(id)
        .object(service),
        Entry::new(
            secs,
            "info",
            &format!("Route query to primary: {server} <"),
        )
        .session(id)
        .module("readwritesplit")
        .object(service),
    ]
}

fn stopped(secs: i64, id: &str, service: &str) -> Entry {
    Entry::new(
        secs,
        "info",
        &format!("Stopped {service} client session [{id}]"),
    )
    .session(id)
}

/// A generated log: `n` lines, the sessions' lines at fixed positions, the rest unrelated lines
/// computed from the seed and the position.
#[derive(Debug)]
struct Generated {
    n: usize,
    seed: u64,
    end: i64,
    evil: bool,
    /// (position, line), sorted by position.
    sessions: Vec<(usize, Entry)>,
}

impl Generated {
    fn secs(&self, i: usize) -> i64 {
        self.end - (self.n - i) as i64
    }

    fn get(&self, i: usize) -> Entry {
        match self.sessions.binary_search_by_key(&i, |(p, _)| *p) {
            Ok(k) => self.sessions[k].1.clone(),
            Err(_) => unrelated(self.seed, i, self.secs(i), self.evil),
        }
    }
}

/// An unrelated line: notices without a session, REST errors, other sessions' lines.
fn unrelated(seed: u64, i: usize, secs: i64, evil: bool) -> Entry {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    rng.next_u64();
    let svc = *rng.pick(&[
        "RW-Split-Router",
        "Read-Connection-Router",
        "Analytics-Router",
    ]);
    let server = *rng.pick(&["server1", "server2", "server3"]);
    let other = (900_000 + rng.below(100_000)).to_string();
    let mut e = match rng.below(10) {
        0 => Entry::new(
            secs,
            "notice",
            &format!(
                "Read {} user@host entries from '{server}' for service '{svc}'.",
                rng.range(2, 40)
            ),
        ),
        1 => Entry::new(
            secs,
            "notice",
            &format!(
                "Server changed state: {server}[127.0.0.1:3306]: slave_up. [Down] -> [Slave, Running]"
            ),
        ),
        2 => Entry::new(
            secs,
            "error",
            &format!("{} is not a session", rng.pick(&["abc", "0", "x1", "-3"])),
        ),
        3 => Entry::new(
            secs,
            "warning",
            "Authentication failed for 'admin', using password. Request: GET /v1/sessions",
        ),
        4 => Entry::new(
            secs,
            "error",
            &format!(
                "Failed to connect to server '{server}' ([127.0.0.1]:3306) when checking monitor user credentials and permissions: Can't connect to server on '127.0.0.1' (115)"
            ),
        )
        .module("mariadbmon")
        .object("MariaDB-Monitor"),
        5 | 6 => {
            let [a, _] = statement_lines(secs, &other, svc, server, "SELECT 1");
            a
        }
        7 => {
            let [_, b] = statement_lines(secs, &other, svc, server, "SELECT 1");
            b
        }
        8 => Entry::new(
            secs,
            "info",
            &format!("Reply complete from '{server}' (Resultset: 1 rows in 75B)"),
        )
        .session(&other)
        .module("readwritesplit")
        .object(svc),
        _ => stopped(secs, &other, svc),
    };
    if evil {
        let k = rng.below(crate::generate::EVIL.len() as u64) as usize;
        e.message = maxlog_escape(&format!("{}{}", crate::generate::EVIL[k], e.message));
        if rng.chance(20) {
            e = Entry::new(secs, "error", crate::generate::EVIL[8]);
        }
    }
    e
}

#[derive(Debug)]
enum Base {
    Lines(Vec<Entry>),
    Generated(Generated),
}

impl Base {
    fn len(&self) -> usize {
        match self {
            Base::Lines(l) => l.len(),
            Base::Generated(g) => g.n,
        }
    }

    fn get(&self, i: usize) -> Entry {
        match self {
            Base::Lines(l) => l[i].clone(),
            Base::Generated(g) => g.get(i),
        }
    }
}

#[derive(Debug, Default)]
struct Appended {
    lines: Vec<Entry>,
    /// Overlay events already logged.
    events_seen: usize,
}

/// The log of a server.
#[derive(Debug, Default)]
pub struct Log {
    base: OnceLock<Base>,
    appended: Mutex<Appended>,
}

/// The captured lines 319..368 with the generated lines 0..318 before them.
fn real_base() -> Vec<Entry> {
    captured_base(REAL_ENTRIES, REAL_FIRST, REAL_DAY, 40)
}

/// The captured 24.08.1 lines 73..77 with the generated lines 0..72 before them (ten seconds
/// apart, before that MaxScale's start at 03:35:14).
fn real_24_08_base() -> Vec<Entry> {
    captured_base(REAL_24_08_ENTRIES, REAL_24_08_FIRST, REAL_DAY + 12_000, 10)
}

/// The lines of a captured `/entries` answer, from id `first`, with generated lines 0..first
/// (`step` seconds apart from `from`) before them.
fn captured_base(capture: &str, first: usize, from: i64, step: i64) -> Vec<Entry> {
    let mut lines: Vec<Entry> = (0..first)
        .map(|i| unrelated(0, i, from + step * i as i64, false))
        .collect();
    let body = capture.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    let doc: Value = serde_json::from_str(body).expect("captured log entries are JSON");
    for (k, e) in doc["data"].as_array().into_iter().flatten().enumerate() {
        debug_assert_eq!(e["id"], (first + k).to_string());
        let a = &e["attributes"];
        let s = |k: &str| a[k].as_str().map(str::to_string);
        lines.push(Entry {
            secs: a["unix_timestamp"].as_i64().unwrap_or(0),
            priority: s("priority").unwrap_or_default(),
            message: s("message").unwrap_or_default(),
            session: s("session"),
            module: s("module"),
            object: s("object"),
        });
    }
    lines
}

/// `attributes.parameters.log_info` of a session row, and its service.
fn session_info(row: &Value) -> (bool, String) {
    let info = row["attributes"]["parameters"]["log_info"] == Value::Bool(true);
    let svc = row
        .pointer("/relationships/services/data/0/id")
        .and_then(Value::as_str)
        .unwrap_or("RW-Split-Router")
        .to_string();
    (info, svc)
}

/// Parsed parameters of a log request.
struct LogQuery {
    size: usize,
    size_given: bool,
    cursor: Option<usize>,
    /// Sorted, deduplicated.
    priority: Option<Vec<String>>,
    filters: Vec<RowFilter>,
    fields: Option<Vec<Vec<String>>>,
}

/// `$.a.b` or `$['a']['b']` → `/a/b`; `None` for other paths.
fn json_path_to_pointer(path: &str) -> Option<String> {
    let rest = path.strip_prefix('$')?;
    let mut out = String::new();
    let mut s = rest;
    while !s.is_empty() {
        if let Some(r) = s.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            if end == 0 {
                return None;
            }
            out.push('/');
            out.push_str(&r[..end]);
            s = &r[end..];
        } else if let Some(r) = s.strip_prefix("['") {
            let end = r.find("']")?;
            out.push('/');
            out.push_str(&r[..end]);
            s = &r[end + 2..];
        } else if let Some(r) = s.strip_prefix('[') {
            let end = r.find(']')?;
            out.push('/');
            out.push_str(&r[..end]);
            s = &r[end + 1..];
        } else {
            return None;
        }
    }
    Some(out)
}

impl State {
    fn log_base(&self) -> &Base {
        self.log.base.get_or_init(|| self.build_log_base())
    }

    fn build_log_base(&self) -> Base {
        if self.dataset.is_real() && self.config.log_lines.is_none() {
            return Base::Lines(match self.config.version {
                Version::Real24_08_1 => real_24_08_base(),
                _ => real_base(),
            });
        }
        // The sessions' statement lines, two per statement, in session id order.
        let mut units: Vec<[Entry; 2]> = Vec::new();
        let mut ids: Vec<String> = self.dataset.ids().collect();
        ids.sort_by_key(|id| (id.len(), id.clone()));
        for id in &ids {
            let Some(row) = self.dataset.get(id) else {
                continue;
            };
            let (info, svc) = session_info(&row);
            if !info {
                continue;
            }
            let queries = row["attributes"]["queries"].as_array().cloned();
            let mut stmts: Vec<(String, String)> = queries
                .into_iter()
                .flatten()
                .filter_map(|q| {
                    let sql = q["statement"].as_str()?.to_string();
                    let server = q
                        .pointer("/responses/0/server")
                        .and_then(Value::as_str)
                        .unwrap_or("server1")
                        .to_string();
                    Some((sql, server))
                })
                .collect();
            if stmts.is_empty() {
                stmts.push(("SELECT 1".into(), "server1".into()));
            }
            for (sql, server) in stmts {
                units.push(statement_lines(0, id, &svc, &server, &sql));
            }
        }
        let n = self
            .config
            .log_lines
            .unwrap_or_else(|| (units.len() * 6).max(100));
        units.truncate(n / 2);
        // Up to the start of a running clock.
        let end = self.config.server_time.unwrap_or_else(|| self.start_secs());
        let mut g = Generated {
            n,
            seed: self.config.seed,
            end,
            evil: self.config.evil,
            sessions: Vec::with_capacity(units.len() * 2),
        };
        let u = units.len();
        for (j, unit) in units.into_iter().enumerate() {
            let pos = j * n / u;
            for (k, mut e) in unit.into_iter().enumerate() {
                e.secs = g.secs(pos + k);
                g.sessions.push((pos + k, e));
            }
        }
        Base::Generated(g)
    }

    /// The mock's clock in Unix seconds (`server_time`, else the real clock, plus
    /// `advance_clock`).
    pub fn log_now(&self) -> i64 {
        self.clock_secs()
    }

    /// Log what the overlay's events (ttl kills, churn) left unlogged. Called with the lock.
    fn log_events(&self, app: &mut Appended) {
        let overlay = self.overlay();
        let events = overlay.events();
        if app.events_seen >= events.len() {
            return;
        }
        let now = self.log_now();
        let mock_now = self.live.now();
        for ev in &events[app.events_seen..] {
            match ev {
                Event::TtlKill(id, deadline) => {
                    let ago = mock_now.saturating_duration_since(*deadline).as_secs() as i64;
                    let secs = now - ago;
                    app.lines.push(
                        Entry::new(
                            secs,
                            "warning",
                            &format!("Killing session {id}, session TTL exceeded."),
                        )
                        .session(id),
                    );
                    let (info, svc) = session_info(&overlay.any_row(&self.dataset, id));
                    if info {
                        app.lines.push(stopped(secs, id, &svc));
                    }
                }
                Event::ChurnClose(id) => {
                    let (info, svc) = session_info(&overlay.any_row(&self.dataset, id));
                    if info {
                        app.lines.push(
                            Entry::new(
                                now,
                                "info",
                                "> Autocommit: [enabled], trx is [not open], cmd: (0x1) COM_QUIT, plen: 5, type: N/A, stmt:",
                            )
                            .session(id)
                            .object(&svc),
                        );
                        app.lines.push(stopped(now, id, &svc));
                    }
                }
            }
        }
        app.events_seen = events.len();
    }

    fn with_log<R>(&self, f: impl FnOnce(&Base, &mut Appended) -> R) -> R {
        let base = self.log_base();
        let mut app = self.log.appended.lock().unwrap_or_else(|e| e.into_inner());
        self.log_events(&mut app);
        f(base, &mut app)
    }

    /// Number of lines (the next line's id).
    pub fn log_len(&self) -> usize {
        self.with_log(|b, a| b.len() + a.lines.len())
    }

    /// Append a line at the mock's current time; returns its id.
    pub fn log_append(
        &self,
        priority: &str,
        message: &str,
        session: Option<&str>,
        module: Option<&str>,
        object: Option<&str>,
    ) -> usize {
        let mut e = Entry::new(self.log_now(), priority, message);
        e.session = session.map(str::to_string);
        e.module = module.map(str::to_string);
        e.object = object.map(maxlog_escape);
        self.with_log(|b, a| {
            a.lines.push(e);
            b.len() + a.lines.len() - 1
        })
    }

    /// A session ended by `DELETE` (now): `Stopped ...` if its `log_info` is on.
    pub fn log_session_deleted(&self, id: &str) {
        let (info, svc) = session_info(&self.overlay().any_row(&self.dataset, id));
        let now = self.log_now();
        self.with_log(|_, a| {
            if info {
                a.lines.push(stopped(now, id, &svc));
            }
        });
    }

    /// The session ran `sql`: its statement lines, if its `log_info` is on (now, e.g. after a
    /// PATCH). Returns the number of lines written.
    pub fn log_statement(&self, id: &str, sql: &str) -> usize {
        let Some(row) = self.overlay().row(&self.dataset, id) else {
            return 0;
        };
        let (info, svc) = session_info(&row);
        if !info {
            return 0;
        }
        let now = self.log_now();
        self.with_log(|_, a| {
            a.lines
                .extend(statement_lines(now, id, &svc, "server1", sql));
            2
        })
    }

    /// Lines `start..end` (clamped), with their ids.
    fn log_read(&self, start: usize, end: usize) -> Vec<(usize, Entry)> {
        self.with_log(|b, a| {
            let len = b.len() + a.lines.len();
            (start.min(len)..end.min(len))
                .map(|i| {
                    let e = if i < b.len() {
                        b.get(i)
                    } else {
                        a.lines[i - b.len()].clone()
                    };
                    (i, e)
                })
                .collect()
        })
    }

    /// Does the version have this log route?
    pub fn has_log_route(&self, which: &str) -> bool {
        match which {
            "entries" => self.config.version.is_24_02_or_later(),
            "data" => self.config.version >= Version::V6_4,
            _ => false,
        }
    }

    fn log_headers(&self, mut r: Response) -> Response {
        let lm = if self.dataset.is_real() {
            match self.config.version {
                Version::Real24_08_1 => REAL_24_08_LOGS_LAST_MODIFIED,
                _ => REAL_LOGS_LAST_MODIFIED,
            }
            .to_string()
        } else {
            self.last_modified("maxscale/logs")
        };
        for (k, v) in &mut r.headers {
            if k == "Last-Modified" {
                *v = lm.clone();
            }
        }
        r
    }

    fn parse_log_query(&self, query: Option<&str>, entries: bool) -> Result<LogQuery, String> {
        let version = self.config.version;
        let pairs = query::pairs(query.unwrap_or(""));
        let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v);
        let (size, size_given) = match get("page[size]") {
            Some(v) => match v.parse::<usize>() {
                Ok(n) if n > 0 && v.bytes().all(|b| b.is_ascii_digit()) => (n, true),
                _ => return Err(format!("Invalid value for 'page[size]': {v}")),
            },
            None => (DEFAULT_PAGE, false),
        };
        let cursor = get("page[cursor]").and_then(|v| v.parse::<usize>().ok());
        let priority = get("priority").filter(|v| !v.is_empty()).map(|v| {
            let mut p: Vec<String> = v.split(',').map(str::to_string).collect();
            p.sort();
            p.dedup();
            p
        });
        let mut filters = Vec::new();
        let mut fields = None;
        if entries {
            for (k, v) in &pairs {
                let spec = if k == "filter" {
                    Some(v.clone())
                } else if let Some(path) =
                    k.strip_prefix("filter[").and_then(|r| r.strip_suffix(']'))
                {
                    json_path_to_pointer(path).map(|p| format!("{p}={v}"))
                } else {
                    None
                };
                if let Some(spec) = spec
                    && let Some(f) = parse_filter(&spec, version)?
                {
                    filters.push(f);
                }
            }
            if let Some(v) = get("fields[log_entry]").filter(|v| !v.is_empty()) {
                fields = Some(
                    v.split(',')
                        .map(|f| f.split('/').map(str::to_string).collect())
                        .collect(),
                );
            }
        }
        Ok(LogQuery {
            size,
            size_given,
            cursor,
            priority,
            filters,
            fields,
        })
    }

    /// `GET /v1/maxscale/logs/entries` (`entries`) or `/v1/maxscale/logs/data`.
    pub fn logs(&self, query: Option<&str>, base: &str, entries: bool) -> Response {
        let version = self.config.version;
        let style = query::style_of(query, version);
        let q = match self.parse_log_query(query, entries) {
            Ok(q) => q,
            Err(detail) => {
                // MaxScale writes a bad page[size] into its log too.
                let page = detail.starts_with("Invalid value");
                if page {
                    self.log_append("error", &detail, None, None, None);
                }
                return self.log_headers(self.error(400, &detail, style, page));
            }
        };
        let unix = version.is_24_02_or_later();
        let len = self.log_len();
        let start = q.cursor.unwrap_or(len.saturating_sub(q.size));
        let mut lines = self.log_read(start, start.saturating_add(q.size));
        if let Some(p) = &q.priority {
            lines.retain(|(_, e)| p.contains(&e.priority));
        }
        // Links.
        let kind = if entries { "entries" } else { "data" };
        let prio = q
            .priority
            .as_ref()
            .map_or(String::new(), |p| format!("&priority={}", p.join(",")));
        let url = format!("{base}maxscale/logs/{kind}/?");
        let mut links: Vec<(&str, String)> = vec![(
            "self",
            format!(
                "{url}page%5Bcursor%5D={start}&page%5Bsize%5D={}{prio}",
                q.size
            ),
        )];
        if start > 0 {
            links.push((
                "prev",
                format!(
                    "{url}page%5Bcursor%5D={}&page%5Bsize%5D={}{prio}",
                    start.saturating_sub(q.size),
                    q.size
                ),
            ));
        }
        links.push(("last", format!("{url}page%5Bsize%5D={}{prio}", q.size)));
        let etag = quoted_sha1(&etag_document(&links, &lines, unix, entries));
        let links_obj: Map<String, Value> = links
            .iter()
            .map(|(k, v)| (k.to_string(), Value::String(v.clone())))
            .collect();
        let obj = |id: usize, e: &Entry| -> Map<String, Value> {
            e.fields(id, unix)
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect()
        };
        let doc = if entries {
            let mut rows: Vec<Value> = lines
                .iter()
                .map(|(id, e)| {
                    let mut a = obj(*id, e);
                    a.remove("id");
                    a.insert("log_source".into(), json!("maxlog"));
                    json!({"id": id.to_string(), "type": "log_entry", "attributes": a})
                })
                .collect();
            rows.retain(|r| q.filters.iter().all(|f| f.keep(r)));
            if let Some(f) = &q.fields {
                for r in &mut rows {
                    apply_fields(r, f);
                }
            }
            let total = rows.len();
            let mut doc = json!({"data": rows, "links": links_obj});
            if q.size_given {
                doc["meta"] = json!({ "total": total });
            }
            doc
        } else {
            let log: Vec<Value> = lines
                .iter()
                .map(|(id, e)| Value::Object(obj(*id, e)))
                .collect();
            json!({
                "data": {
                    "attributes": {"log": log, "log_source": "maxlog"},
                    "id": "log_data",
                    "type": "log_data",
                },
                "links": links_obj,
            })
        };
        let body = to_vec(&doc, style, "");
        self.log_headers(self.json_response(200, body, Some(etag)))
    }
}

/// The document MaxScale hashes for the ETag: compact, in insertion order, before the generic
/// filter (`{"links":{...},"data":...}`).
fn etag_document(
    links: &[(&str, String)],
    lines: &[(usize, Entry)],
    unix: bool,
    entries: bool,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + lines.len() * 200);
    out.extend_from_slice(b"{\"links\":{");
    for (i, (k, v)) in links.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_string(&mut out, k, "");
        out.push(b':');
        write_string(&mut out, v, "");
    }
    out.extend_from_slice(b"},\"data\":");
    let fields = |out: &mut Vec<u8>, f: &[(&str, Value)]| {
        for (i, (k, v)) in f.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_string(out, k, "");
            out.push(b':');
            out.extend_from_slice(&to_vec(v, Style::Compact, ""));
        }
    };
    if entries {
        out.push(b'[');
        for (i, (id, e)) in lines.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"type\":\"log_entry\",\"id\":");
            write_string(&mut out, &id.to_string(), "");
            out.extend_from_slice(b",\"attributes\":{");
            let mut f = e.fields(*id, unix);
            f.remove(0);
            f.push(("log_source", json!("maxlog")));
            fields(&mut out, &f);
            out.extend_from_slice(b"}}");
        }
        out.push(b']');
    } else {
        out.extend_from_slice(b"{\"attributes\":{\"log_source\":\"maxlog\",\"log\":[");
        for (i, (id, e)) in lines.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.push(b'{');
            fields(&mut out, &e.fields(*id, unix));
            out.push(b'}');
        }
        out.extend_from_slice(b"]},\"id\":\"log_data\",\"type\":\"log_data\"}");
    }
    out.push(b'}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_paths() {
        assert_eq!(
            json_path_to_pointer("$.attributes.session").as_deref(),
            Some("/attributes/session")
        );
        assert_eq!(
            json_path_to_pointer("$['attributes']['priority']").as_deref(),
            Some("/attributes/priority")
        );
        assert_eq!(json_path_to_pointer("attributes").as_deref(), None);
        assert_eq!(json_path_to_pointer("$..x").as_deref(), None);
    }

    #[test]
    fn timestamps_are_utc() {
        assert_eq!(timestamp(1_796_615_469), "2026-12-07 03:51:09");
        assert_eq!(timestamp(REAL_DAY), "2026-12-07 00:00:00");
    }

    #[test]
    fn the_real_base_ends_with_the_captured_lines() {
        let l = real_base();
        assert_eq!(l.len(), 369);
        assert_eq!(
            l[368].message,
            "Stopped RW-Split-Router client session [10016]"
        );
        assert!(l[..REAL_FIRST].iter().all(|e| e.secs < 1_796_614_509));
        assert!(l.iter().all(|e| PRIORITIES.contains(&e.priority.as_str())));
    }
}
