//! The session write endpoints, as MaxScale's `resource.cc` and `Session::update()` /
//! `Session::restart()` answer them (24.02; older versions where they differed):
//!
//! * `DELETE /v1/sessions/:id[?ttl=N]` (22.08+): kill now, or after ttl seconds (ttl read with
//!   `atoi`; ttl <= 0 kills now);
//! * `POST /v1/sessions/:id/restart`, `POST /v1/sessions/restart` (22.08+): 24.02 answers 400
//!   when a restart fails, 22.08 and 23.02 answered 200 whatever happened;
//! * `PATCH /v1/sessions/:id` (6.0+): log levels and the filter chain; a failed update is 400
//!   (6.x: 403) and, before 24.02, its error text never reached the answer;
//! * `PATCH /v1/sessions/:id/relationships/filters` (6.0+): the filter chain from 24.02, a no-op
//!   before; failures answer 400 with an empty body.
//!
//! Successful writes answer 200 with an empty body; `handle` turns that into 204 on request.

use crate::config::Version;
use crate::handler::{State, to_session_id};
use crate::http::{Request, Response};
use crate::jansson::type_name;
use crate::json::{Style, to_vec};
use crate::query;
use crate::util::atoi;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::Duration;

/// The log levels a session PATCH may set (`log_debug` only where the session shows it, as in
/// debug builds).
const LOG_LEVELS: [&str; 5] = [
    "log_debug",
    "log_info",
    "log_notice",
    "log_warning",
    "log_error",
];

impl State {
    /// Answer a write request (POST, PUT, PATCH, DELETE) to `segs`.
    pub fn write(
        &self,
        method: &str,
        segs: &[&str],
        req: &Request,
        json: Option<&Value>,
        style: Style,
    ) -> Response {
        let v = self.config.version;
        match (method, segs) {
            ("POST", ["sessions", "restart"]) if v.has_kill_and_restart() => {
                self.restart_all(style)
            }
            ("DELETE", ["sessions", id]) if v.has_kill_and_restart() => {
                match self.write_target(id, style) {
                    Err(r) => r,
                    Ok(None) => self.no_route(404),
                    Ok(Some(id)) => self.kill(&id, req),
                }
            }
            ("POST", ["sessions", id, "restart"]) if v.has_kill_and_restart() => {
                match self.write_target(id, style) {
                    Err(r) => r,
                    Ok(None) => self.no_route(404),
                    Ok(Some(id)) => self.restart(&id, style),
                }
            }
            ("PATCH", ["sessions", id]) if v.has_session_patch() => {
                match (self.write_target(id, style), json) {
                    (Err(r), _) => r,
                    (_, None) => self.missing_body(style),
                    (Ok(None), _) => self.no_route(404),
                    (Ok(Some(id)), Some(json)) => self.alter(&id, json, style),
                }
            }
            ("PATCH", ["sessions", id, "relationships", "filters"]) if v.has_session_patch() => {
                match (self.write_target(id, style), json) {
                    (Err(r), _) => r,
                    (_, None) => self.missing_body(style),
                    (Ok(None), _) => self.no_route(404),
                    (Ok(Some(id)), Some(json)) => self.alter_filters(&id, json),
                }
            }
            _ => self.no_route(404),
        }
    }

    /// The `:session` of a write route. `Err`: the route does not match (24.02: "abc is not a
    /// session"; before: any id that is not a live session). `Ok(None)`: a valid id that is not
    /// a live session (24.02 answers 404 after checking the body).
    fn write_target(&self, raw: &str, style: Style) -> Result<Option<String>, Response> {
        let overlay = self.overlay();
        if self.config.version.is_24_02_or_later() {
            let Some(n) = to_session_id(raw) else {
                return Err(self.error(404, &format!("{raw} is not a session"), style, false));
            };
            let id = n.to_string();
            Ok(overlay.is_live(&self.dataset, &id).then_some(id))
        } else {
            let id = i64::from(atoi(raw)).to_string();
            if overlay.is_live(&self.dataset, &id) {
                Ok(Some(id))
            } else {
                Err(self.no_route(404))
            }
        }
    }

    /// `Missing request body`: 400, 403 in 6.x.
    fn missing_body(&self, style: Style) -> Response {
        let status = if self.config.version < Version::V22_08 {
            403
        } else {
            400
        };
        self.error(status, "Missing request body", style, false)
    }

    fn kill(&self, id: &str, req: &Request) -> Response {
        let pairs = query::pairs(req.query.as_deref().unwrap_or(""));
        let ttl = pairs
            .iter()
            .find(|(k, _)| k == "ttl")
            .map_or(0, |(_, v)| atoi(v));
        if ttl > 0 {
            // MaxScale kills once more than ttl whole seconds have passed (it looks once a
            // second, so a real one takes ttl+1 to ttl+2 s); the mock kills at ttl+1 s.
            let deadline = self.live.now() + Duration::from_secs(ttl as u64 + 1);
            self.live.update(|o| o.kill_at(id, deadline));
        } else {
            self.live.update(|o| o.kill(id));
            self.log_session_deleted(id);
        }
        self.no_route(200)
    }

    /// The configured restart failure of a session, if any.
    fn restart_error(&self, id: &str) -> Option<&'static str> {
        self.config
            .restart_failures
            .iter()
            .find(|f| f.sessions.contains(id))
            .map(|f| f.error.message())
    }

    fn errors(&self, status: u16, details: &[&str], style: Style) -> Response {
        let errors: Vec<Value> = details.iter().map(|d| json!({"detail": d})).collect();
        let body = to_vec(&json!({ "errors": errors }), style, "");
        self.json_response(status, body, None)
    }

    fn restart(&self, id: &str, style: Style) -> Response {
        match self.restart_error(id) {
            Some(msg) if self.config.version.is_24_02_or_later() => self.errors(400, &[msg], style),
            _ => self.no_route(200),
        }
    }

    fn restart_all(&self, style: Style) -> Response {
        if !self.config.version.is_24_02_or_later() {
            return self.no_route(200);
        }
        let mut details: Vec<&str> = self
            .overlay()
            .live_ids(&self.dataset)
            .iter()
            .filter_map(|id| self.restart_error(id))
            .collect();
        if details.is_empty() {
            return self.no_route(200);
        }
        // runtime_get_json_error() drops repeated errors.
        details.dedup();
        details.push("Could not restart all sessions");
        self.errors(400, &details, style)
    }

    /// `Session::update()`: the log levels are set first; then the filter chain, replaced only if
    /// every filter is valid. `Err` holds the error text.
    fn update(&self, id: &str, json: &Value) -> Result<(), String> {
        let row = self.overlay().row(&self.dataset, id).unwrap_or(Value::Null);
        let mut params = BTreeMap::new();
        if let Some(p) = json
            .pointer("/data/attributes/parameters")
            .and_then(Value::as_object)
        {
            for key in LOG_LEVELS {
                let shown = row["attributes"]["parameters"].get(key).is_some();
                if key == "log_debug" && !shown {
                    continue;
                }
                if let Some(Value::Bool(b)) = p.get(key) {
                    params.insert(key.to_string(), *b);
                }
            }
        }
        let mut result = Ok(None);
        if let Some(rel) = json.pointer("/data/relationships/filters/data") {
            let mut names = Vec::new();
            // jansson iterates a non-array as an empty one: the chain is emptied.
            for item in rel.as_array().into_iter().flatten() {
                match item.get("id") {
                    Some(Value::String(name)) if self.config.filters.contains(name) => {
                        names.push(name.clone());
                    }
                    Some(Value::String(name)) => {
                        result = Err(format!("Not a valid filter: {name}"));
                        break;
                    }
                    // MaxScale dereferences a null pointer for an element without an id; the
                    // mock calls it a null.
                    other => {
                        let kind = other.map_or("null", type_name);
                        result = Err(format!("Not a JSON string but a {kind}"));
                        break;
                    }
                }
            }
            if result.is_ok() {
                result = Ok(Some(names));
            }
        }
        let filters = result.clone().ok().flatten();
        self.live.update(|o| o.patch(id, &params, filters));
        result.map(|_| ())
    }

    fn alter(&self, id: &str, json: &Value, style: Style) -> Response {
        match self.update(id, json) {
            Ok(()) => self.no_route(200),
            // 24.02 redirects the error into the answer; before, it was logged by the routing
            // worker while the redirect was set on the main worker, so the body was empty.
            Err(text) if self.config.version.is_24_02_or_later() => {
                self.error(400, &text, style, false)
            }
            Err(_) if self.config.version < Version::V22_08 => self.no_route(403),
            Err(_) => self.no_route(400),
        }
    }

    fn alter_filters(&self, id: &str, json: &Value) -> Response {
        if !self.config.version.is_24_02_or_later() {
            return self.no_route(200);
        }
        // The body's `data` becomes `/data/relationships/filters/data` of a session PATCH;
        // without it nothing changes.
        let Some(data) = json.as_object().and_then(|o| o.get("data")) else {
            return self.no_route(200);
        };
        let wrapped = json!({"data": {"relationships": {"filters": {"data": data}}}});
        match self.update(id, &wrapped) {
            Ok(()) => self.no_route(200),
            Err(_) => self.no_route(400),
        }
    }
}
