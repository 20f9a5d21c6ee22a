//! Request handling: authentication, routes, 404 rules, rendering (with the cached fast path) and headers.

use crate::config::{MockConfig, Version};
use crate::dataset::{Dataset, REAL_LAST_MODIFIED};
use crate::fault::{self, Action};
use crate::http::{Body, Request, Response};
use crate::json::{Emitter, Style, resolve_links, to_vec};
use crate::query::{self, QueryOptions};
use crate::util::{base64_decode, http_date, now_secs, sha1_hex};
use serde_json::{Value, json};
use std::collections::HashMap;
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

/// Everything shared by the connections of one server.
pub struct State {
    /// The configuration.
    pub config: MockConfig,
    /// The sessions.
    pub dataset: Dataset,
    /// `http` or `https`.
    pub scheme: &'static str,
    last_modified: String,
    cache: Mutex<HashMap<CacheKey, Arc<OnceLock<Arc<Rendered>>>>>,
    /// List requests served so far (for `churn`).
    lists: std::sync::atomic::AtomicUsize,
}

/// The version whose rules apply (generated data of the real version follows 24.02).
fn rules(config: &MockConfig) -> Version {
    config.version
}

impl State {
    /// Build the state (the dataset is generated lazily where possible).
    pub fn new(config: MockConfig, scheme: &'static str) -> State {
        let dataset = Dataset::from_config(&config);
        let last_modified = if dataset.is_real() {
            REAL_LAST_MODIFIED.to_string()
        } else {
            http_date(now_secs(), false)
        };
        State {
            config,
            dataset,
            scheme,
            last_modified,
            cache: Mutex::new(HashMap::new()),
            lists: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// MaxScale's own response headers (`etag` with quotes; None for responses without one).
    pub fn headers(&self, etag: Option<&str>, content_type: Option<&str>) -> Vec<(String, String)> {
        let mut h = vec![("Connection".to_string(), "close".to_string())];
        if let Some(e) = etag {
            h.push(("ETag".into(), e.to_string()));
            h.push(("Last-Modified".into(), self.last_modified.clone()));
        }
        if let Some(ct) = content_type {
            h.push(("Content-Type".into(), ct.to_string()));
        }
        h.push(("Date".into(), http_date(now_secs(), true)));
        h.push(("X-Frame-Options".into(), "Deny".into()));
        h.push(("X-XSS-Protection".into(), "1".into()));
        h.push(("Referrer-Policy".into(), "same-origin".into()));
        h.push(("Cache-Control".into(), "no-cache".into()));
        h
    }

    /// A JSON (or empty) response with MaxScale's headers.
    pub fn json_response(&self, status: u16, body: Vec<u8>, etag: Option<String>) -> Response {
        let ct = (!body.is_empty()).then_some("application/json");
        Response {
            status,
            headers: self.headers(etag.as_deref(), ct),
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

    /// An empty-bodied response from a handler (with ETag of the empty body).
    fn empty(&self, status: u16) -> Response {
        self.json_response(status, Vec::new(), Some(quoted_sha1(b"")))
    }

    /// An empty-bodied response for a path without a route.
    fn no_route(&self, status: u16) -> Response {
        self.json_response(status, Vec::new(), None)
    }

    fn unauthorized(&self, req: &Request) -> Response {
        let mut headers = vec![
            ("Date".to_string(), http_date(now_secs(), false)),
            ("Connection".to_string(), "close".to_string()),
        ];
        if req.header("X-Requested-With") != Some("XMLHttpRequest") {
            headers.push(("WWW-Authenticate".into(), "Basic realm=\"maxscale\"".into()));
        }
        Response {
            status: 401,
            headers,
            body: Body::Bytes(ACCESS_DENIED.as_bytes().to_vec()),
        }
    }

    fn authorized(&self, req: &Request) -> bool {
        let Some(v) = req.header("Authorization") else {
            return false;
        };
        let Some(b64) = v
            .strip_prefix("Basic ")
            .or_else(|| v.strip_prefix("basic "))
        else {
            return false;
        };
        let Some(raw) = base64_decode(b64.trim()) else {
            return false;
        };
        let expected = format!("{}:{}", self.config.user, self.config.password);
        raw == expected.as_bytes()
    }

    fn rdns(&self, row: &mut Value) {
        if let Some(remote) = row.pointer_mut("/attributes/remote")
            && let Some(addr) = remote.as_str()
            && let Some((_, name)) = self.config.rdns_names.iter().find(|(a, _)| a == addr)
        {
            *remote = Value::String(name.clone());
        }
    }

    /// Handle one request.
    pub fn handle(&self, req: &Request, local: &str) -> Action {
        if !self.authorized(req) {
            return Action::Respond(self.unauthorized(req));
        }
        let method = req
            .header("X-HTTP-Method-Override")
            .unwrap_or(&req.method)
            .to_ascii_uppercase();
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
        let resp = match (method.as_str(), segs.as_slice()) {
            (_, []) if get => self.empty(200),
            ("OPTIONS", _) => self.no_route(200),
            (_, ["sessions"]) if get => {
                if let Some(f) = self.config.fault {
                    return fault::act(self, f, &base, None, req);
                }
                self.list(req, &base, None)
            }
            ("POST", ["sessions", "restart"]) => self.empty(200),
            (_, ["sessions", id]) if get => {
                if let Some(f) = self.config.fault {
                    return fault::act(self, f, &base, Some(id), req);
                }
                match self.lookup(id, style) {
                    Ok(row) => self.single(req, &base, row, None),
                    Err(r) => r,
                }
            }
            ("DELETE", ["sessions", id]) | ("POST", ["sessions", id, "restart"]) => {
                match self.lookup(id, style) {
                    Ok(_) => self.empty(200),
                    Err(r) => r,
                }
            }
            ("PATCH", ["sessions", id])
            | ("PATCH", ["sessions", id, "relationships", "filters"]) => {
                match self.lookup(id, style) {
                    Err(r) => r,
                    Ok(_) if req.body.is_empty() => {
                        self.error(400, "Missing request body", style, false)
                    }
                    Ok(_) => match serde_json::from_slice::<Value>(&req.body) {
                        Ok(_) => self.empty(200),
                        Err(e) => {
                            self.error(400, &format!("Invalid JSON in request: {e}"), style, false)
                        }
                    },
                }
            }
            _ => self.no_route(404),
        };
        Action::Respond(resp)
    }

    /// Resolve a `:session` path segment with the version's rules.
    pub fn lookup(&self, raw: &str, style: Style) -> Result<Value, Response> {
        let version = rules(&self.config);
        let id = if version.is_24_02_or_later() {
            match raw.parse::<u64>() {
                Ok(n) if n > 0 && raw.bytes().all(|b| b.is_ascii_digit()) => n,
                _ => {
                    let detail = format!("{raw} is not a session");
                    return Err(self.error(404, &detail, style, true));
                }
            }
        } else {
            atoi(raw)
        };
        self.dataset
            .get(&id.to_string())
            .ok_or_else(|| self.empty(404))
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
        let canned = self.dataset.canned_single(&id);
        let untouched = !opts.rdns && opts.fields.is_none() && transform.is_none();
        let (mut doc, etag) = match canned {
            Some(c) => (c.body.clone(), c.etag.clone().filter(|_| untouched)),
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
        self.json_response(200, body, Some(etag))
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
        if self.config.churn {
            return self.list_churn(base, &opts);
        }
        if transform.is_none() {
            if let Some(c) = self.dataset.canned_list(&opts) {
                let body = to_vec(&c.body, opts.style, base);
                let etag = c.etag.clone().unwrap_or_else(|| quoted_sha1(&body));
                return self.json_response(200, body, Some(etag));
            }
            if opts.is_plain() {
                let r = self.rendered(base, opts.style, opts.rdns);
                return Response {
                    status: 200,
                    headers: self.headers(Some(&r.etag), Some("application/json")),
                    body: Body::Shared(r.body.clone()),
                };
            }
        }
        self.list_slow(base, &opts, transform)
    }

    fn list_slow(
        &self,
        base: &str,
        opts: &QueryOptions,
        transform: Option<&dyn Fn(&mut Value)>,
    ) -> Response {
        let mut rows = self.dataset.rows().map(|mut r| {
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

    /// The list after `k` earlier list requests: the `k` lowest ids closed, `k` new ones opened.
    fn list_churn(&self, base: &str, opts: &QueryOptions) -> Response {
        let k = self.lists.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let mut rows: Vec<Value> = self.dataset.rows().collect();
        let id_of = |r: &Value| r["id"].as_str().map_or(0, atoi);
        rows.sort_by_key(id_of);
        let max = rows.iter().map(id_of).max().unwrap_or(0);
        let templates = rows.clone();
        rows.drain(..k.min(rows.len()));
        for j in 0..k {
            let Some(template) = templates.get(j % templates.len().max(1)) else {
                break;
            };
            let old = template["id"].as_str().unwrap_or("").to_string();
            let new = (max + 1 + j as u64).to_string();
            let text = serde_json::to_string(template).unwrap_or_default();
            let text = text.replace(&format!("sessions/{old}/"), &format!("sessions/{new}/"));
            let mut row: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            row["id"] = Value::String(new);
            rows.push(row);
        }
        let mut rows = rows.into_iter().map(|mut r| {
            if opts.rdns {
                self.rdns(&mut r);
            }
            resolve_links(&mut r, base);
            r
        });
        let mut self_link = Value::String(self.dataset.list_self());
        resolve_links(&mut self_link, base);
        let body = query::render_collection(
            &mut rows,
            self_link.as_str().unwrap_or(""),
            opts,
            &|_: &mut Value| {},
        );
        let etag = quoted_sha1(&body);
        self.json_response(200, body, Some(etag))
    }

    fn rendered(&self, base: &str, style: Style, rdns: bool) -> Arc<Rendered> {
        let cell = {
            let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            if cache.len() >= 16 {
                cache.clear();
            }
            cache
                .entry((base.to_string(), style, rdns))
                .or_default()
                .clone()
        };
        cell.get_or_init(|| Arc::new(self.render(base, style, rdns)))
            .clone()
    }

    /// Render rows `start..end` as elements of the `data` array (`first`: no leading comma).
    fn render_rows(
        &self,
        base: &str,
        style: Style,
        rdns: bool,
        start: usize,
        end: usize,
    ) -> Vec<u8> {
        let mut out = Vec::with_capacity((end - start) * 4400);
        let mut e = Emitter::continuing(&mut out, style, base, 2, start > 0);
        for mut row in self.dataset.rows_range(start, end) {
            if rdns {
                self.rdns(&mut row);
            }
            e.value(&row);
        }
        out
    }

    /// Render the whole collection (in parallel for large datasets).
    fn render(&self, base: &str, style: Style, rdns: bool) -> Rendered {
        let n = self.dataset.len();
        let threads = if n < 2000 {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |p| p.get().min(8))
        };
        let parts: Vec<Vec<u8>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (start, end) = (n * t / threads, n * (t + 1) / threads);
                    s.spawn(move || self.render_rows(base, style, rdns, start, end))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
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
            let mut e = Emitter::continuing(&mut out, style, base, 2, n > 0);
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

/// C `atoi` (≤ 23.02 session ids).
fn atoi(s: &str) -> u64 {
    let s = s.trim_start();
    let s = s.strip_prefix('+').unwrap_or(s);
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(0)
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
