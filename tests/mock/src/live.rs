//! What writes (and `churn`) change: killed sessions, ttl kills pending, PATCHed parameters and
//! filters, sessions opened by churn, and the modification times behind `Last-Modified`.
//!
//! The dataset itself never changes; an [`Overlay`] is applied to it when rows are read. The
//! overlay is shared as an `Arc` snapshot, so a long render never blocks a write.

use crate::dataset::Dataset;
use crate::json::LINK;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A PATCH's lasting effect on one session.
#[derive(Debug, Clone, Default)]
pub struct Patch {
    /// `attributes.parameters` booleans that were set.
    pub params: BTreeMap<String, bool>,
    /// The filter chain, if it was set (empty: no `relationships.filters`).
    pub filters: Option<Vec<String>>,
}

/// What the log must tell about a change that happened inside the overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A ttl kill fell due (at this mock-clock instant).
    TtlKill(String, Instant),
    /// Churn closed the session.
    ChurnClose(String),
}

/// Changes to the dataset.
#[derive(Debug, Clone, Default)]
pub struct Overlay {
    /// Bumped on every change (cache key; 0 means untouched).
    pub generation: u64,
    killed: HashSet<String>,
    ttl: HashMap<String, Instant>,
    patches: HashMap<String, Patch>,
    /// Sessions opened by churn, in id order (links marked).
    added: Vec<(String, Value)>,
    /// Churn steps taken.
    churned: u64,
    /// Sessions opened by churn → the mock-clock time (ms since the start) they connected at.
    born: HashMap<String, i64>,
    /// Ttl kills and churn closes, oldest first (append-only; the log reads them).
    events: Vec<Event>,
    /// When MaxScale last restarted (ms since the start), if it did.
    restarted: Option<i64>,
}

impl Overlay {
    /// Has anything changed since the start?
    pub fn touched(&self) -> bool {
        self.generation > 0
    }

    /// Was the session `id` PATCHed (its captured body and ETag no longer apply)?
    pub fn patched(&self, id: &str) -> bool {
        self.patches.contains_key(id)
    }

    /// Is the session `id` (exactly as the dataset spells it) alive?
    pub fn is_live(&self, dataset: &Dataset, id: &str) -> bool {
        !self.killed.contains(id)
            && (self.added.iter().any(|(a, _)| a == id) || dataset.get(id).is_some())
    }

    /// Apply the session's PATCHes to a row (`data` object).
    pub fn patch_row(&self, row: &mut Value) {
        let Some(id) = row["id"].as_str() else {
            return;
        };
        let Some(p) = self.patches.get(id) else {
            return;
        };
        let id = id.to_string();
        if !p.params.is_empty() {
            if !row["attributes"]["parameters"].is_object() && row["attributes"].is_object() {
                row["attributes"]["parameters"] = json!({});
            }
            if let Some(params) = row["attributes"]["parameters"].as_object_mut() {
                for (k, v) in &p.params {
                    params.insert(k.clone(), Value::Bool(*v));
                }
            }
        }
        if let Some(filters) = &p.filters {
            let Some(rel) = row.get_mut("relationships").and_then(Value::as_object_mut) else {
                return;
            };
            if filters.is_empty() {
                rel.remove("filters");
                return;
            }
            let services = &rel.get("services").map(|s| s["links"].clone());
            let link = |key: &str, from: &str, to: &str, default: String| {
                services
                    .as_ref()
                    .and_then(|l| l[key].as_str())
                    .map_or(default, |s| s.replace(from, to))
            };
            let self_link = link(
                "self",
                "relationships/services",
                "relationships/filters",
                format!("{LINK}sessions/{id}/relationships/filters/"),
            );
            let related = link(
                "related",
                "services/",
                "filters/",
                format!("{LINK}filters/"),
            );
            let data: Vec<Value> = filters
                .iter()
                .map(|f| json!({"id": f, "type": "filters"}))
                .collect();
            rel.insert(
                "filters".into(),
                json!({"data": data, "links": {"related": related, "self": self_link}}),
            );
        }
    }

    /// The live session `id` with its PATCHes applied (`None` if killed or unknown).
    pub fn row(&self, dataset: &Dataset, id: &str) -> Option<Value> {
        if self.killed.contains(id) {
            return None;
        }
        let mut row = match self.added.iter().find(|(a, _)| a == id) {
            Some((_, r)) => r.clone(),
            None => dataset.get(id)?,
        };
        self.patch_row(&mut row);
        Some(row)
    }

    /// The session `id` with its PATCHes applied, even if it was killed.
    pub fn any_row(&self, dataset: &Dataset, id: &str) -> Value {
        let mut row = match self.added.iter().find(|(a, _)| a == id) {
            Some((_, r)) => r.clone(),
            None => dataset.get(id).unwrap_or(Value::Null),
        };
        self.patch_row(&mut row);
        row
    }

    /// When the session `id` was opened by churn (ms since the start), if it was.
    pub fn born(&self, id: &str) -> Option<i64> {
        self.born.get(id).copied()
    }

    /// When MaxScale last restarted (ms since the mock's start), if it did.
    pub fn restarted(&self) -> Option<i64> {
        self.restarted
    }

    /// Did churn (or a restart, or a replacement) open any session?
    pub fn any_born(&self) -> bool {
        !self.born.is_empty()
    }

    /// Ttl kills and churn closes so far, oldest first.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Rows `start..end` of the dataset's list order that are alive, patched.
    pub fn dataset_rows<'a>(
        &'a self,
        dataset: &'a Dataset,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = Value> + 'a {
        dataset
            .rows_range(start, end)
            .filter(|r| !r["id"].as_str().is_some_and(|id| self.killed.contains(id)))
            .map(|mut r| {
                self.patch_row(&mut r);
                r
            })
    }

    /// The live sessions opened by churn, patched.
    pub fn added_rows(&self) -> impl Iterator<Item = Value> + '_ {
        self.added
            .iter()
            .filter(|(id, _)| !self.killed.contains(id))
            .map(|(_, r)| {
                let mut r = r.clone();
                self.patch_row(&mut r);
                r
            })
    }

    /// All live sessions in list order, patched.
    pub fn rows<'a>(&'a self, dataset: &'a Dataset) -> impl Iterator<Item = Value> + 'a {
        self.dataset_rows(dataset, 0, dataset.len())
            .chain(self.added_rows())
    }

    /// How many sessions are alive (every killed one was alive when it was killed).
    pub fn live_count(&self, dataset: &Dataset) -> usize {
        (dataset.len() + self.added.len()).saturating_sub(self.killed.len())
    }

    /// The sessions killed so far (by a write, a ttl or churn), in no order.
    pub fn killed_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.killed.iter().map(String::as_str)
    }

    /// Ids of the live sessions in list order.
    pub fn live_ids(&self, dataset: &Dataset) -> Vec<String> {
        let mut ids: Vec<String> = dataset
            .ids()
            .filter(|id| !self.killed.contains(id))
            .collect();
        ids.extend(
            self.added
                .iter()
                .filter(|(id, _)| !self.killed.contains(id))
                .map(|(id, _)| id.clone()),
        );
        ids
    }

    /// Kill the session now.
    pub fn kill(&mut self, id: &str) {
        self.ttl.remove(id);
        self.killed.insert(id.to_string());
        self.generation += 1;
    }

    /// Kill the session at `deadline` (a later DELETE replaces it).
    pub fn kill_at(&mut self, id: &str, deadline: Instant) {
        self.ttl.insert(id.to_string(), deadline);
        self.generation += 1;
    }

    /// Set parameters and, if given, the filter chain of a session.
    pub fn patch(
        &mut self,
        id: &str,
        params: &BTreeMap<String, bool>,
        filters: Option<Vec<String>>,
    ) {
        if params.is_empty() && filters.is_none() {
            return;
        }
        let p = self.patches.entry(id.to_string()).or_default();
        p.params.extend(params.iter().map(|(k, v)| (k.clone(), *v)));
        if filters.is_some() {
            p.filters = filters;
        }
        self.generation += 1;
    }

    /// Kill the sessions whose ttl ran out by `now`; true if any.
    fn expire(&mut self, now: Instant) -> bool {
        let mut due: Vec<(String, Instant)> = self
            .ttl
            .iter()
            .filter(|(_, d)| **d <= now)
            .map(|(id, d)| (id.clone(), *d))
            .collect();
        due.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
        for (id, deadline) in &due {
            self.kill(id);
            self.events.push(Event::TtlKill(id.clone(), *deadline));
        }
        !due.is_empty()
    }

    /// The session `id` closes and another client connects at `now` (ms since the start) and
    /// gets the same id: what a client of a restarted MaxScale sees.
    pub fn replace(&mut self, id: &str, now: i64) {
        self.ttl.remove(id);
        self.patches.remove(id);
        self.killed.remove(id);
        self.born.insert(id.to_string(), now);
        self.generation += 1;
    }

    /// MaxScale restarts at `now` (ms since the start): every session closes, writes and churn
    /// are forgotten, and the dataset's sessions connect again with their ids (counted from 1
    /// again, as a new MaxScale counts them), connected at `now`.
    pub fn restart(&mut self, dataset: &Dataset, now: i64) {
        let events = std::mem::take(&mut self.events);
        let generation = self.generation + 1;
        *self = Overlay {
            generation,
            events,
            restarted: Some(now),
            ..Overlay::default()
        };
        self.born = dataset.ids().map(|id| (id, now)).collect();
    }

    /// One churn step: the live session with the lowest id closes and a new one opens, copied
    /// from the dataset's sessions in turn with the next unused id, connected at `now` (ms since
    /// the start).
    pub fn churn(&mut self, dataset: &Dataset, now: i64) {
        let num = |id: &str| id.parse::<u64>().unwrap_or(u64::MAX);
        let mut templates: Vec<String> = dataset.ids().collect();
        if templates.is_empty() {
            return;
        }
        templates.sort_by_key(|id| num(id));
        let max = templates
            .iter()
            .map(|id| num(id))
            .filter(|&n| n != u64::MAX)
            .max()
            .unwrap_or(0);
        if let Some(lowest) = self.live_ids(dataset).into_iter().min_by_key(|id| num(id)) {
            self.kill(&lowest);
            self.events.push(Event::ChurnClose(lowest));
        }
        let k = self.churned;
        self.churned += 1;
        let old = &templates[(k % templates.len() as u64) as usize];
        let new = (max + 1 + k).to_string();
        let Some(template) = dataset.get(old) else {
            return;
        };
        let text = serde_json::to_string(&template).unwrap_or_default();
        let text = text.replace(&format!("sessions/{old}/"), &format!("sessions/{new}/"));
        let mut row: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        row["id"] = Value::String(new.clone());
        self.born.insert(new.clone(), now);
        self.added.push((new, row));
        self.generation += 1;
    }
}

/// The mutable state of a server (shared by its listeners).
#[derive(Debug)]
pub struct Live {
    /// The real clock at the start.
    start: Instant,
    /// Only `advance` moves the clock (`server_time`): ttl kills fall due as a test says.
    frozen: bool,
    overlay: Mutex<Arc<Overlay>>,
    /// How far the mock's clock (for ttl kills) is ahead of the real one.
    offset: Mutex<Duration>,
    /// Path (`sessions/8`) → time of the last successful write to it or below it.
    modified: Mutex<HashMap<String, i64>>,
}

impl Live {
    /// A server's state at its start; with `frozen`, only [`Live::advance`] moves its clock.
    pub fn new(frozen: bool) -> Live {
        Live {
            start: Instant::now(),
            frozen,
            overlay: Mutex::default(),
            offset: Mutex::default(),
            modified: Mutex::default(),
        }
    }

    /// The mock's clock: the real one (or, frozen, the start) plus what was advanced.
    pub fn now(&self) -> Instant {
        let base = if self.frozen {
            self.start
        } else {
            Instant::now()
        };
        base + *self.offset.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// How far the mock's clock is ahead of the real one.
    pub fn offset(&self) -> Duration {
        *self.offset.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Move the mock's clock forward.
    pub fn advance(&self, d: Duration) {
        *self.offset.lock().unwrap_or_else(|e| e.into_inner()) += d;
    }

    /// The current state (ttl kills that are due are applied first).
    pub fn snapshot(&self) -> Arc<Overlay> {
        let now = self.now();
        let mut guard = self.overlay.lock().unwrap_or_else(|e| e.into_inner());
        if guard.ttl.values().any(|d| *d <= now) {
            Arc::make_mut(&mut guard).expire(now);
        }
        guard.clone()
    }

    /// Change the state.
    pub fn update<R>(&self, f: impl FnOnce(&mut Overlay) -> R) -> R {
        let now = self.now();
        let mut guard = self.overlay.lock().unwrap_or_else(|e| e.into_inner());
        let o = Arc::make_mut(&mut guard);
        o.expire(now);
        f(o)
    }

    /// Note a successful write to `path` (segments joined by `/`, no `v1`): it and every parent
    /// path are modified now, as MaxScale's `ResourceWatcher` does.
    pub fn modified_now(&self, path: &str, secs: i64) {
        let mut m = self.modified.lock().unwrap_or_else(|e| e.into_inner());
        let mut p = path;
        loop {
            m.insert(p.to_string(), secs);
            match p.rfind('/') {
                Some(i) if i > 0 => p = &p[..i],
                _ => break,
            }
        }
    }

    /// When `path` was last modified by a write, if ever.
    pub fn modified(&self, path: &str) -> Option<i64> {
        self.modified
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
            .copied()
    }
}
