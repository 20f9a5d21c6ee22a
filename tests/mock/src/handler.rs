//! Request handling: routes, 404 rules, rendering (with the cached fast path) and headers.
//! Authentication is in `auth.rs`, the write endpoints in `writes.rs`.

use crate::auth::Principal;
use crate::clock::{self, Moment, TICK_MS};
use crate::config::{MockConfig, Version};
use crate::dataset::{Dataset, REAL_24_08_LAST_MODIFIED, REAL_24_08_MAXSCALE, REAL_LAST_MODIFIED};
use crate::fault::{self, Action};
use crate::http::{Body, Request, Response};
use crate::json::{Emitter, Style, resolve_links, to_vec};
use crate::live::{Live, Overlay};
use crate::query::{self, QueryOptions};
use crate::util::{atoi, http_date, now_secs, sha1_hex};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::fs::File;
use std::sync::{Arc, Mutex, OnceLock};

/// The fixed 401 body MaxScale (libmicrohttpd) sends.
pub const ACCESS_DENIED: &str = r#"{"errors": [ { "detail": "Access denied" } ] }"#;

/// A rendered, cached collection body.
#[derive(Debug)]
struct Rendered {
    body: Arc<Vec<u8>>,
    etag: String,
}

type CacheKey = (String, Style, bool);

/// Rendered collections of one overlay generation at one moment.
#[derive(Default)]
struct Cache {
    generation: (u64, i64),
    entries: HashMap<CacheKey, Arc<OnceLock<Arc<Rendered>>>>,
}

/// Everything shared by the connections of one server.
pub struct State {
    /// The configuration.
    pub config: MockConfig,
    /// The sessions.
    pub dataset: Dataset,
    /// `http` or `https`.
    pub scheme: &'static str,
    /// What writes and churn changed.
    pub live: Live,
    /// Signs the tokens of `GET /v1/auth`.
    pub secret: String,
    /// The `record` file.
    pub record: Option<Mutex<File>>,
    /// The log (maxlog).
    pub log: crate::logs::Log,
    /// The SQL API's connections.
    pub sql: crate::sql::Sql,
    last_modified: String,
    cache: Mutex<Cache>,
    /// The real clock at the start.
    started: std::time::Instant,
    /// Unix milliseconds at the start (`server_time` when the clock is frozen).
    start_ms: i64,
    /// Seconds added to the dataset's times (0 with a frozen clock).
    shift_secs: i64,
    /// The dataset's "now" (shifted), Unix milliseconds.
    origin_ms: i64,
    /// List requests served so far (for `churn`).
    lists: std::sync::atomic::AtomicUsize,
    /// Lists that paid `--list-cost-us`, and the microseconds they cost (`counts`).
    pub(crate) costed_lists: std::sync::atomic::AtomicU64,
    pub(crate) cost_spent_us: std::sync::atomic::AtomicU64,
    /// The dataset's sessions per service (`counts`).
    pub(crate) services: OnceLock<std::collections::BTreeMap<String, u64>>,
}

/// The version whose rules apply (generated data of the real version follows 24.02).
fn rules(config: &MockConfig) -> Version {
    config.version
}

impl State {
    /// Build the state (the dataset is generated lazily where possible; the `record` file is
    /// opened for appending).
    pub fn new(config: MockConfig, scheme: &'static str) -> std::io::Result<State> {
        let dataset = Dataset::from_config(&config);
        let frozen = config.server_time.is_some();
        let started = std::time::Instant::now();
        let start_ms = match config.server_time {
            Some(t) => t * 1000,
            None => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as i64),
        };
        // A running clock puts the dataset's "now" at the start, so that ages look live; a
        // frozen one serves the dataset as it is.
        let dataset_now = dataset.reference_now();
        let shift_secs = if config.server_time.is_some() {
            0
        } else {
            start_ms.div_euclid(1000) - dataset_now
        };
        let origin_ms = (dataset_now + shift_secs) * 1000;
        let last_modified = match config.version {
            _ if !dataset.is_real() => http_date(start_ms.div_euclid(1000), false),
            Version::Real24_08_1 => REAL_24_08_LAST_MODIFIED.to_string(),
            _ => REAL_LAST_MODIFIED.to_string(),
        };
        let record = match &config.record {
            Some(path) => Some(Mutex::new(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .map_err(|e| {
                        std::io::Error::new(
                            e.kind(),
                            format!("cannot open {}: {e}", path.display()),
                        )
                    })?,
            )),
            None => None,
        };
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let secret = sha1_hex(format!("{nanos}.{}.{:p}", std::process::id(), &config).as_bytes());
        Ok(State {
            config,
            dataset,
            scheme,
            live: Live::new(frozen),
            secret,
            record,
            log: crate::logs::Log::default(),
            sql: crate::sql::Sql::default(),
            last_modified,
            cache: Mutex::new(Cache::default()),
            started,
            start_ms,
            shift_secs,
            origin_ms,
            lists: std::sync::atomic::AtomicUsize::new(0),
            costed_lists: std::sync::atomic::AtomicU64::new(0),
            cost_spent_us: std::sync::atomic::AtomicU64::new(0),
            services: OnceLock::new(),
        })
    }

    /// Milliseconds the mock's clock has run since the start (in steps of [`TICK_MS`]): only
    /// `advance_clock` moves a frozen clock (`server_time`).
    pub fn elapsed_ms(&self) -> i64 {
        let real = if self.config.server_time.is_some() {
            0
        } else {
            self.started.elapsed().as_millis() as i64
        };
        let ms = real + self.live.offset().as_millis() as i64;
        ms - ms % TICK_MS
    }

    /// The mock's clock in Unix seconds (`server_time`, else the real clock, plus
    /// `advance_clock`).
    pub fn clock_secs(&self) -> i64 {
        (self.start_ms + self.elapsed_ms()).div_euclid(1000)
    }

    /// The start in Unix seconds.
    pub fn start_secs(&self) -> i64 {
        self.start_ms.div_euclid(1000)
    }

    /// When MaxScale started, Unix seconds: the mock's start, or its last restart.
    pub fn maxscale_started(&self) -> i64 {
        let restarted = self.overlay().restarted().unwrap_or(0);
        (self.start_ms + restarted).div_euclid(1000)
    }

    /// The moment sessions are seen at now.
    pub fn moment(&self) -> Moment {
        Moment {
            elapsed_ms: self.elapsed_ms(),
            shift_secs: self.shift_secs,
            origin_ms: self.origin_ms,
            retain: usize::try_from(self.config.retain_last_statements).unwrap_or(0),
            seed: self.config.seed,
        }
    }

    /// A session as it is at `m`.
    fn animate(&self, overlay: &Overlay, m: &Moment, mut row: Value) -> Value {
        let born = row["id"].as_str().and_then(|id| overlay.born(id));
        clock::animate(&mut row, m, born);
        row
    }

    /// `Last-Modified` of a path (`sessions`, `sessions/3`): the last successful write to it or
    /// below it, else the start.
    pub fn last_modified(&self, path: &str) -> String {
        match self.live.modified(path) {
            Some(secs) => http_date(secs, false),
            None => self.last_modified.clone(),
        }
    }

    /// MaxScale's own response headers for the collection (`etag` with quotes; None for
    /// responses without one).
    pub fn headers(&self, etag: Option<&str>, content_type: Option<&str>) -> Vec<(String, String)> {
        self.headers_at("sessions", etag, content_type)
    }

    /// MaxScale's own response headers; `Last-Modified` (with an ETag) is that of `path`.
    pub fn headers_at(
        &self,
        path: &str,
        etag: Option<&str>,
        content_type: Option<&str>,
    ) -> Vec<(String, String)> {
        let mut h = vec![("Connection".to_string(), "close".to_string())];
        if let Some(e) = etag {
            h.push(("ETag".into(), e.to_string()));
            h.push(("Last-Modified".into(), self.last_modified(path)));
        }
        if let Some(ct) = content_type {
            h.push(("Content-Type".into(), ct.to_string()));
        }
        h.push(("Date".into(), http_date(self.clock_secs(), true)));
        h.push(("X-Frame-Options".into(), "Deny".into()));
        h.push(("X-XSS-Protection".into(), "1".into()));
        h.push(("Referrer-Policy".into(), "same-origin".into()));
        h.push(("Cache-Control".into(), "no-cache".into()));
        h
    }

    /// A JSON (or empty) response with MaxScale's headers.
    pub fn json_response(&self, status: u16, body: Vec<u8>, etag: Option<String>) -> Response {
        self.json_response_at("sessions", status, body, etag)
    }

    /// A JSON (or empty) response with MaxScale's headers, `Last-Modified` of `path`.
    pub fn json_response_at(
        &self,
        path: &str,
        status: u16,
        body: Vec<u8>,
        etag: Option<String>,
    ) -> Response {
        let ct = (!body.is_empty()).then_some("application/json");
        Response {
            status,
            headers: self.headers_at(path, etag.as_deref(), ct),
            body: if body.is_empty() {
                Body::Empty
            } else {
                Body::Bytes(body)
            },
        }
    }

    /// `{"errors":[{"detail":...}]}`; `with_etag` for handler-made errors (404s).
    pub fn error(&self, status: u16, detail: &str, style: Style, with_etag: bool) -> Response {
        let doc = json!({"errors": [{"detail": detail}]});
        let etag = with_etag.then(|| quoted_sha1(&to_vec(&doc, Style::Compact, "")));
        self.json_response(status, to_vec(&doc, style, ""), etag)
    }

    /// An empty-bodied response from a read handler (with ETag of the empty body and
    /// `Last-Modified` of `path`).
    fn empty_at(&self, path: &str, status: u16) -> Response {
        self.json_response_at(path, status, Vec::new(), Some(quoted_sha1(b"")))
    }

    /// An empty-bodied response without ETag: no route, or an answer to a write.
    pub fn no_route(&self, status: u16) -> Response {
        self.json_response(status, Vec::new(), None)
    }

    /// The 400 MaxScale's `admin.cc` sends for a body jansson cannot read: a compact fixed-format
    /// body (the error text is not escaped) and no Content-Type.
    fn invalid_json(&self, text: &str) -> Response {
        let body =
            format!(r#"{{"errors": [ {{ "detail": "Invalid JSON in request: {text}" }} ] }}"#);
        Response {
            status: 400,
            headers: vec![
                ("Date".to_string(), http_date(self.clock_secs(), false)),
                ("Connection".to_string(), "close".to_string()),
            ],
            body: Body::Bytes(body.into_bytes()),
        }
    }

    fn rdns(&self, row: &mut Value) {
        if let Some(remote) = row.pointer_mut("/attributes/remote")
            && let Some(addr) = remote.as_str()
            && let Some((_, name)) = self.config.rdns_names.iter().find(|(a, _)| a == addr)
        {
            *remote = Value::String(name.clone());
        }
    }

    /// The current overlay (due ttl kills applied).
    pub fn overlay(&self) -> Arc<Overlay> {
        self.live.snapshot()
    }

    /// Handle one authenticated request.
    pub fn handle(&self, req: &Request, local: &str, who: &Principal) -> Action {
        let method = req.effective_method();
        if !matches!(
            method.as_str(),
            "GET" | "HEAD" | "PUT" | "PATCH" | "POST" | "DELETE" | "OPTIONS"
        ) {
            return Action::Respond(self.no_route(405));
        }
        let get = method == "GET" || method == "HEAD";
        let decoded = crate::util::percent_decode_path(&req.path);
        let (v1, rest) = match decoded.strip_prefix("/v1") {
            Some(r) if r.is_empty() || r.starts_with('/') => (true, r),
            _ => (false, decoded.as_str()),
        };
        let host = req.header("Host").unwrap_or(local);
        let base = format!("{}://{}/{}", self.scheme, host, if v1 { "v1/" } else { "" });
        let segs: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        let version = rules(&self.config);
        let style = query::style_of(req.query.as_deref(), version);
        // MaxScale reads any request body with jansson before routing.
        let json = match req.maxscale_body().map(crate::jansson::parse) {
            Some(Err(text)) => return Action::Respond(self.invalid_json(&text)),
            Some(Ok(v)) => Some(v),
            None => None,
        };
        if let Some(resp) = self.sql_route(&method, &segs, req, json.as_ref(), &base, style) {
            return Action::Respond(resp);
        }
        let resp = match (method.as_str(), segs.as_slice()) {
            (_, []) if get => self.empty_at("", 200),
            ("OPTIONS", _) => self.no_route(200),
            (_, ["auth"]) if version >= Version::V2_5 => self.auth_endpoint(req, who),
            (_, ["maxscale"]) if get && version == Version::Real24_08_1 => {
                self.maxscale_24_08(req.query.as_deref(), &base)
            }
            (_, ["maxscale"]) if get => self.maxscale(&base, version, style),
            (_, ["maxscale", "threads"]) if get => self.threads(&base, style, version),
            (_, ["services"]) if get => self.services(&base, style),
            (_, ["maxscale", "logs", which @ ("entries" | "data")])
                if get && self.has_log_route(which) =>
            {
                self.logs(req.query.as_deref(), &base, *which == "entries")
            }
            (_, ["sessions"]) if get => {
                if let Some(f) = self.config.fault {
                    return fault::act(self, f, &base, None, req);
                }
                self.list(req, &base, None)
            }
            (_, ["sessions", id]) if get => {
                if let Some(f) = self.config.fault {
                    return fault::act(self, f, &base, Some(id), req);
                }
                match self.lookup(id, style) {
                    Ok(row) => self.single(req, &base, row, None),
                    Err(r) => r,
                }
            }
            _ if req.is_write() => {
                let mut resp = self.write(&method, &segs, req, json.as_ref(), style);
                if resp.status == 200 {
                    self.live.modified_now(&segs.join("/"), now_secs());
                    if self.config.no_content {
                        resp.status = 204;
                    }
                }
                resp
            }
            _ => self.no_route(404),
        };
        Action::Respond(resp)
    }

    /// `GET /v1/maxscale`: the parts of the core resource clients read (the version, and
    /// `retain_last_statements`, which `list queries` checks).
    fn maxscale(&self, base: &str, version: Version, style: Style) -> Response {
        let body = serde_json::json!({
            "data": {
                "id": "maxscale",
                "type": "maxscale",
                "attributes": {
                    "version": version.full(),
                    "started_at": http_date(self.maxscale_started(), false),
                    "activated_at": http_date(self.maxscale_started(), false),
                    "uptime": self.clock_secs() - self.maxscale_started(),
                    "parameters": {
                        "retain_last_statements": self.config.retain_last_statements,
                        "session_trace": 5,
                    },
                },
            },
            "links": {"self": format!("{base}maxscale/")},
        });
        self.json_response(200, to_vec(&body, style, base), None)
    }

    /// `GET /v1/maxscale` of 24.08.1: the capture (its install paths edited to `<prefix>`), with
    /// `retain_last_statements` as configured; `fields[maxscale]` selects attributes.
    fn maxscale_24_08(&self, query: Option<&str>, base: &str) -> Response {
        let mut doc = crate::dataset::parse_capture(REAL_24_08_MAXSCALE).body;
        doc["data"]["attributes"]["parameters"]["retain_last_statements"] =
            json!(self.config.retain_last_statements);
        if self.overlay().restarted().is_some() {
            let started = self.maxscale_started();
            let attributes = &mut doc["data"]["attributes"];
            attributes["started_at"] = json!(http_date(started, false));
            attributes["activated_at"] = json!(http_date(started, false));
            attributes["uptime"] = json!(self.clock_secs() - started);
        }
        let pairs = query::pairs(query.unwrap_or(""));
        if let Some((_, f)) = pairs.iter().find(|(k, _)| k == "fields[maxscale]") {
            let fields: Vec<Vec<String>> = f
                .split(',')
                .map(|p| p.split('/').map(str::to_string).collect())
                .collect();
            query::apply_fields(&mut doc["data"], &fields);
        }
        let style = query::style_of(query, Version::Real24_08_1);
        let body = to_vec(&doc, style, base);
        let etag = quoted_sha1(&body);
        self.json_response_at("maxscale", 200, body, Some(etag))
    }

    /// Resolve a `:session` path segment of a GET with the version's rules.
    pub fn lookup(&self, raw: &str, style: Style) -> Result<Value, Response> {
        let version = rules(&self.config);
        let path = format!("sessions/{raw}");
        let id = if version.is_24_02_or_later() {
            match to_session_id(raw) {
                Some(n) => n.to_string(),
                None => {
                    let detail = format!("{raw} is not a session");
                    return Err(self.error(404, &detail, style, true));
                }
            }
        } else {
            (atoi(raw) as i64).to_string()
        };
        let overlay = self.overlay();
        let row = overlay
            .row(&self.dataset, &id)
            .ok_or_else(|| self.empty_at(&path, 404))?;
        Ok(self.animate(&overlay, &self.moment(), row))
    }

    /// GET one session (`transform` from a fault mode).
    pub fn single(
        &self,
        req: &Request,
        base: &str,
        row: Value,
        transform: Option<&dyn Fn(&mut Value)>,
    ) -> Response {
        let version = rules(&self.config);
        let opts = query::parse_single(req.query.as_deref(), version);
        let id = row["id"].as_str().unwrap_or("").to_string();
        let overlay = self.overlay();
        let patched =
            overlay.patched(&id) || overlay.born(&id).is_some() || !self.moment().is_still();
        let canned = self.dataset.canned_single(&id);
        let untouched = !opts.rdns && opts.fields.is_none() && transform.is_none() && !patched;
        let (mut doc, etag) = match canned {
            Some(c) => {
                let mut doc = c.body.clone();
                if patched {
                    doc["data"] = row;
                }
                (doc, c.etag.clone().filter(|_| untouched))
            }
            None => {
                let link = row["links"]["self"].clone();
                (json!({"data": row, "links": {"self": link}}), None)
            }
        };
        let data = &mut doc["data"];
        if opts.rdns {
            self.rdns(data);
        }
        if let Some(f) = &opts.fields {
            query::apply_fields(data, f);
        }
        if let Some(t) = transform {
            t(data);
        }
        let body = to_vec(&doc, opts.style, base);
        let etag = etag.unwrap_or_else(|| quoted_sha1(&body));
        self.json_response_at(&format!("sessions/{id}"), 200, body, Some(etag))
    }

    /// GET the collection (`transform` from a fault mode forces the slow path).
    pub fn list(
        &self,
        req: &Request,
        base: &str,
        transform: Option<&dyn Fn(&mut Value)>,
    ) -> Response {
        let version = rules(&self.config);
        let opts = match query::parse(req.query.as_deref(), version) {
            Ok(o) => o,
            Err(detail) => {
                let style = query::style_of(req.query.as_deref(), version);
                return self.error(400, &detail, style, false);
            }
        };
        if self.config.churn && self.lists.fetch_add(1, std::sync::atomic::Ordering::SeqCst) > 0 {
            let now = self.elapsed_ms();
            self.live.update(|o| o.churn(&self.dataset, now));
        }
        let overlay = self.overlay();
        let moment = self.moment();
        if transform.is_none() {
            if !overlay.touched()
                && moment.is_still()
                && let Some(c) = self.dataset.canned_list(&opts)
            {
                let body = to_vec(&c.body, opts.style, base);
                let etag = c.etag.clone().unwrap_or_else(|| quoted_sha1(&body));
                return self.json_response(200, body, Some(etag));
            }
            if opts.is_plain() {
                let r = self.rendered(&overlay, &moment, base, opts.style, opts.rdns);
                return Response {
                    status: 200,
                    headers: self.headers(Some(&r.etag), Some("application/json")),
                    body: Body::Shared(r.body.clone()),
                };
            }
        }
        self.list_slow(&overlay, &moment, base, &opts, transform)
    }

    fn list_slow(
        &self,
        overlay: &Overlay,
        moment: &Moment,
        base: &str,
        opts: &QueryOptions,
        transform: Option<&dyn Fn(&mut Value)>,
    ) -> Response {
        let mut rows = overlay.rows(&self.dataset).map(|r| {
            let mut r = self.animate(overlay, moment, r);
            if opts.rdns {
                self.rdns(&mut r);
            }
            resolve_links(&mut r, base);
            r
        });
        let mut self_link = Value::String(self.dataset.list_self());
        resolve_links(&mut self_link, base);
        let noop = |_: &mut Value| {};
        let body = query::render_collection(
            &mut rows,
            self_link.as_str().unwrap_or(""),
            opts,
            transform.unwrap_or(&noop),
        );
        let etag = quoted_sha1(&body);
        self.json_response(200, body, Some(etag))
    }

    fn rendered(
        &self,
        overlay: &Overlay,
        moment: &Moment,
        base: &str,
        style: Style,
        rdns: bool,
    ) -> Arc<Rendered> {
        let cell = {
            let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            let key = (overlay.generation, moment.elapsed_ms);
            if cache.entries.len() >= 16 || cache.generation != key {
                cache.entries.clear();
                cache.generation = key;
            }
            cache
                .entries
                .entry((base.to_string(), style, rdns))
                .or_default()
                .clone()
        };
        cell.get_or_init(|| Arc::new(self.render(overlay, moment, base, style, rdns)))
            .clone()
    }

    /// Render rows as elements of the `data` array, each after a separator (the caller drops
    /// the first one).
    #[allow(clippy::too_many_arguments)]
    fn render_rows(
        &self,
        overlay: &Overlay,
        moment: Option<&Moment>,
        rows: impl Iterator<Item = Value>,
        base: &str,
        style: Style,
        rdns: bool,
        capacity: usize,
    ) -> Vec<u8> {
        let mut out = Vec::with_capacity(capacity * 4400);
        let mut e = Emitter::continuing(&mut out, style, base, 2, true);
        for mut row in rows {
            if let Some(m) = moment {
                row = self.animate(overlay, m, row);
            }
            if rdns {
                self.rdns(&mut row);
            }
            e.value(&row);
        }
        out
    }

    /// Render the whole collection (in parallel for large datasets).
    fn render(
        &self,
        overlay: &Overlay,
        moment: &Moment,
        base: &str,
        style: Style,
        rdns: bool,
    ) -> Rendered {
        let moving = (!moment.is_still() || overlay.any_born()).then_some(moment);
        let n = self.dataset.len();
        let threads = if n < 2000 {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |p| p.get().min(8))
        };
        let mut parts: Vec<Vec<u8>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (start, end) = (n * t / threads, n * (t + 1) / threads);
                    s.spawn(move || {
                        let rows = overlay.dataset_rows(&self.dataset, start, end);
                        self.render_rows(overlay, moving, rows, base, style, rdns, end - start)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        parts.push(self.render_rows(overlay, moving, overlay.added_rows(), base, style, rdns, 0));
        let any = parts.iter().any(|p| !p.is_empty());
        if let Some(first) = parts.iter_mut().find(|p| !p.is_empty()) {
            let separator = if style == Style::Legacy { 2 } else { 1 };
            first.drain(..separator);
        }
        let total: usize = parts.iter().map(Vec::len).sum();
        let mut out = Vec::with_capacity(total + 256);
        {
            let mut e = Emitter::new(&mut out, style, base);
            e.begin_object();
            e.key("data");
            e.begin_array();
        }
        for p in parts {
            out.extend_from_slice(&p);
        }
        {
            let mut e = Emitter::continuing(&mut out, style, base, 2, any);
            e.end_array();
            e.key("links");
            e.begin_object();
            e.key("self");
            e.string(&self.dataset.list_self());
            e.end_object();
            e.end_object();
        }
        let etag = if out.len() <= 8 << 20 {
            quoted_sha1(&out)
        } else {
            quoted_fast_hash(&out)
        };
        Rendered {
            body: Arc::new(out),
            etag,
        }
    }
}

/// MaxScale 24.02's `to_session_id`: all digits (`std::from_chars` into `uint64_t` consuming the
/// whole segment), and not 0.
pub fn to_session_id(raw: &str) -> Option<u64> {
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    raw.parse::<u64>().ok().filter(|&n| n > 0)
}

/// `"<sha1 hex>"`
pub fn quoted_sha1(b: &[u8]) -> String {
    format!("\"{}\"", sha1_hex(b))
}

fn quoted_fast_hash(b: &[u8]) -> String {
    let (mut h1, mut h2) = (0xcbf29ce484222325u64, 0x84222325cbf29ce4u64);
    for c in b.chunks(8) {
        let mut w = [0u8; 8];
        w[..c.len()].copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        h1 = (h1 ^ x).wrapping_mul(0x100000001b3);
        h2 = (h2 ^ x.rotate_left(17)).wrapping_mul(0x9E3779B97F4A7C15);
    }
    format!("\"{h1:016x}{h2:016x}{:08x}\"", b.len() as u32)
}
