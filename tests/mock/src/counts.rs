//! What a client asks to count sessions without listing them, and what a list costs: `GET
//! /v1/maxscale/threads` (each routing thread's `stats.sessions`, since 22.08.2) and `GET
//! /v1/services` (each service's current `connections`, every version), and the
//! `--list-cost-us` model of a list's price.

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::time::Duration;

use serde_json::{Value, json};

use crate::config::Version;
use crate::handler::State;
use crate::http::{Request, Response};
use crate::json::{Style, to_vec};

/// The mock's routing threads (`threads=2`, as the real captures' MaxScale ran).
pub const THREADS: usize = 2;

impl State {
    /// Live sessions now.
    pub fn live_count(&self) -> usize {
        self.overlay().live_count(&self.dataset)
    }

    /// What `req` costs before it is answered: `--list-cost-us` per live session for a list
    /// (`GET` or `HEAD` of the sessions collection, whatever its query), nothing for the rest.
    /// The cost is waited, not burnt: the mock models the time a client waits for a list (what
    /// MaxScale spends, at about 60 µs of CPU per session on 24.02.4, before it answers), and a
    /// wait keeps the tests and benchmarks that share the machine's cores out of each other's
    /// way. The lists served and the cost spent are counted (see [`State::list_stats`]).
    pub fn list_cost(&self, req: &Request) -> Duration {
        let per = self.config.list_cost_us;
        let method = req.effective_method();
        if per == 0 || !(method == "GET" || method == "HEAD") {
            return Duration::ZERO;
        }
        let path = crate::util::percent_decode_path(&req.path);
        let path = path.strip_prefix("/v1").unwrap_or(&path);
        if path.trim_matches('/') != "sessions" {
            return Duration::ZERO;
        }
        let cost = Duration::from_micros(per.saturating_mul(self.live_count() as u64));
        self.costed_lists.fetch_add(1, Ordering::SeqCst);
        self.cost_spent_us
            .fetch_add(cost.as_micros() as u64, Ordering::SeqCst);
        cost
    }

    /// The lists that paid `--list-cost-us`, and the time they cost.
    pub fn list_stats(&self) -> (u64, Duration) {
        (
            self.costed_lists.load(Ordering::SeqCst),
            Duration::from_micros(self.cost_spent_us.load(Ordering::SeqCst)),
        )
    }

    /// `GET /v1/maxscale/threads`: the live sessions spread over [`THREADS`] threads, each
    /// with `stats.sessions` from 22.08 on (the mock's 22.08 is 22.08.13; the field came with
    /// 22.08.2) and without it before.
    pub fn threads(&self, base: &str, style: Style, version: Version) -> Response {
        let n = self.live_count();
        let data: Vec<Value> = (0..THREADS)
            .map(|t| {
                let mut stats = json!({
                    "reads": 0, "writes": 0, "errors": 0, "hangups": 0, "accepts": 0,
                });
                if version >= Version::V22_08 {
                    let mine = n / THREADS + usize::from(t < n % THREADS);
                    stats["sessions"] = json!(mine);
                    stats["zombies"] = json!(0);
                }
                json!({
                    "id": t.to_string(),
                    "type": "threads",
                    "attributes": {"stats": stats},
                    "links": {"self": format!("{base}maxscale/threads/{t}/")},
                })
            })
            .collect();
        let doc = json!({"data": data, "links": {"self": format!("{base}maxscale/threads/")}});
        self.json_response(200, to_vec(&doc, style, base), None)
    }

    /// `GET /v1/services`: one service per service the sessions name, with its current
    /// `connections` (the live sessions in it) and `total_connections`.
    pub fn services(&self, base: &str, style: Style) -> Response {
        let overlay = self.overlay();
        let mut per: BTreeMap<String, u64> = BTreeMap::new();
        for (service, n) in self.dataset_services() {
            per.insert(service.clone(), *n);
        }
        let service_of = |row: &Value| {
            row.pointer("/relationships/services/data/0/id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        for row in overlay.added_rows() {
            *per.entry(service_of(&row)).or_default() += 1;
        }
        // (the added rows above are the live ones: only the dataset's dead are taken off)
        for row in overlay.killed_ids().filter_map(|id| self.dataset.get(id)) {
            if let Some(n) = per.get_mut(&service_of(&row)) {
                *n = n.saturating_sub(1);
            }
        }
        let data: Vec<Value> = per
            .into_iter()
            .filter(|(name, _)| !name.is_empty())
            .map(|(name, n)| {
                json!({
                    "id": name,
                    "type": "services",
                    "attributes": {
                        "router": "readwritesplit",
                        "state": "Started",
                        "connections": n,
                        "total_connections": n,
                    },
                    "links": {"self": format!("{base}services/{name}/")},
                })
            })
            .collect();
        let doc = json!({"data": data, "links": {"self": format!("{base}services/")}});
        self.json_response(200, to_vec(&doc, style, base), None)
    }

    /// The dataset's sessions per service, counted once.
    fn dataset_services(&self) -> &BTreeMap<String, u64> {
        self.services.get_or_init(|| {
            let mut per = BTreeMap::new();
            for row in self.dataset.rows_range(0, self.dataset.len()) {
                if let Some(s) = row
                    .pointer("/relationships/services/data/0/id")
                    .and_then(Value::as_str)
                {
                    *per.entry(s.to_string()).or_default() += 1;
                }
            }
            per
        })
    }
}
