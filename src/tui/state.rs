//! The live view's state and its transitions: keys in, [`Effect`]s out, refreshes applied. Pure:
//! no terminal, no network, no clock of its own (times come with the refreshes), so every
//! transition is unit-tested.

use std::collections::HashSet;
use std::time::Duration;

use crate::api::log::Entry;
use crate::api::maxscale::Action;
use crate::api::model::Session;
use crate::columns::{Column, Kind};
use crate::select::{Condition, Selection, SortKey};
use crate::text::sanitize;
use crate::text::time::Stamp;

/// A session's identity in the view: its endpoint and id (ids repeat across hosts).
pub type Key = (usize, String);

/// A key, as the view reads it (the terminal's events are mapped to these in `terminal`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Left,
    Right,
    Enter,
    Esc,
    Backspace,
    Delete,
    Char(char),
    /// Ctrl-C: quits from anywhere.
    Interrupt,
}

/// What the driver must do after a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    None,
    Quit,
    /// Read this session for the detail view, now.
    Detail(Key),
    /// Confirmed: act on this session (as it was shown).
    Act(Action, Box<Session>),
    /// The refresh interval changed: schedule the next refresh from it.
    Interval,
    /// Refresh now, every host listed (the backend columns were turned on).
    Refresh,
}

/// One row of the list: a session and how it is marked.
#[derive(Debug, Clone)]
pub struct Row {
    pub session: Session,
    /// Not there at the previous refresh.
    pub new: bool,
    /// From an earlier refresh: its host failed this time.
    pub stale: bool,
    /// Read by id since its host's last list, and gone: it closed.
    pub closed: bool,
}

/// A host's state.
#[derive(Debug, Clone, Default)]
pub struct Host {
    pub label: String,
    /// The last refresh's error (sanitized), when it failed.
    pub error: Option<String>,
    /// When it last answered.
    pub last_ok: Option<Stamp>,
    /// When its MaxScale started (Unix seconds), as it last said: another answer means that
    /// it restarted, and its session ids name other sessions.
    pub started: Option<i64>,
    /// Its sessions now, from its last list or, between lists, a cheap count.
    pub count: Option<u64>,
    /// Why its full lists are further apart than the interval, when they are.
    pub pace: Option<Pace>,
}

/// A host whose full lists are spaced beyond the interval, and why: a list took `took` for
/// `sessions` sessions, and lists may take only `--max-load` of its time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    /// The time from one full list to the next.
    pub every: Duration,
    pub took: Duration,
    pub sessions: usize,
}

/// One refresh, as the fetcher hands it over.
#[derive(Debug)]
pub struct Refresh {
    /// The sessions of the listed hosts that answered.
    pub sessions: Vec<Session>,
    /// The listed hosts that failed, with the error (not yet sanitized).
    pub failures: Vec<(usize, String)>,
    /// The hosts whose full list this refresh carries; the others keep their rows.
    pub listed: Vec<usize>,
    /// Sessions counted cheaply on hosts that were not listed.
    pub counts: Vec<(usize, u64)>,
    /// Each listed host's pace from now on (`None`: every interval).
    pub paces: Vec<(usize, Option<Pace>)>,
    pub time: Stamp,
    pub took: Duration,
    /// When each host that said so started (Unix seconds), asked with this refresh.
    pub started: Vec<(usize, i64)>,
}

/// The detail view's document.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    /// Not read yet.
    Waiting,
    Found {
        value: serde_json::Value,
        remote_name: Option<Option<String>>,
        time: Stamp,
    },
    /// The session is gone (the last document, if any, is kept beside it).
    Gone,
    /// Reading it failed (sanitized).
    Failed(String),
}

/// The detail view of one session.
#[derive(Debug, Clone)]
pub struct Detail {
    pub key: Key,
    pub document: Document,
    /// The last document found, shown dimmed once the session is gone or a read fails.
    pub last: Option<serde_json::Value>,
    /// What MaxScale logged about the session: its last lines, or why they could not be read
    /// (sanitized); `None` until read.
    pub log: Option<DetailLog>,
    /// Its backend threads (`b`, through the SQL API), read with each refresh; `None` until
    /// read or while the backend is off.
    pub backend: Option<DetailBackend>,
    pub scroll: usize,
}

/// The detail view's backend threads, or why they could not be read.
pub type DetailBackend = Result<Vec<crate::output::locks::BackendThread>, String>;

/// The detail view's lines of MaxScale's log, or why they could not be read.
pub type DetailLog = Result<Vec<Entry>, String>;

/// The filter prompt.
#[derive(Debug, Clone, Default)]
pub struct Prompt {
    pub text: String,
    /// Cursor position, in characters.
    pub cursor: usize,
    /// Why the last condition was refused (sanitized).
    pub error: Option<String>,
}

/// A confirmation waiting for `y`.
#[derive(Debug, Clone)]
pub struct Pending {
    pub act: Action,
    pub session: Box<Session>,
}

/// What covers the bottom line or the screen.
#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    Filter(Prompt),
    Confirm(Pending),
    Help,
}

/// A message on the bottom line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// How much the last frame showed, for paging and scrolling.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    /// Table rows shown.
    pub rows: usize,
    /// Lines of the detail view shown, and its length.
    pub detail_rows: usize,
    pub detail_len: usize,
}

/// The starting state: what `list`'s options chose.
pub struct Start {
    pub labels: Vec<String>,
    pub columns: Vec<Column>,
    /// `--where`, `--sort` and `--limit`: the view's own from then on.
    pub selection: Selection,
    pub interval: Duration,
}

/// The refresh intervals `+` and `-` step through.
pub const INTERVALS: [Duration; 13] = [
    Duration::from_millis(100),
    Duration::from_millis(250),
    Duration::from_millis(500),
    Duration::from_secs(1),
    Duration::from_secs(2),
    Duration::from_secs(3),
    Duration::from_secs(5),
    Duration::from_secs(10),
    Duration::from_secs(15),
    Duration::from_secs(30),
    Duration::from_secs(60),
    Duration::from_secs(120),
    Duration::from_secs(300),
];

/// Everything the view shows.
pub struct State {
    /// Database credentials were given: the backend can be read (`b`).
    pub sql: bool,
    /// The backend columns and the detail's backend threads are on (`b`).
    pub backend: bool,
    pub labels: Vec<String>,
    pub columns: Vec<Column>,
    /// The filters, sort keys and limit, as `list` applies them.
    pub selection: Selection,
    pub interval: Duration,
    pub hide_idle: bool,
    pub paused: bool,
    pub hosts: Vec<Host>,
    /// Every session of the last refresh (stale ones included), in no order.
    pub rows: Vec<Row>,
    /// The rows shown: indices into `rows`, filtered, sorted and limited.
    pub view: Vec<usize>,
    /// The selected row's position in `view`, and its session.
    pub cursor: usize,
    pub selected: Option<Key>,
    /// The first row shown.
    pub offset: usize,
    pub detail: Option<Detail>,
    pub overlay: Overlay,
    pub message: Option<Message>,
    /// The last refresh: when, how long, how many came and went.
    pub refreshed: Option<(Stamp, Duration)>,
    pub new: usize,
    pub closed: usize,
    pub refreshes: u64,
    pub viewport: Viewport,
}

impl State {
    #[must_use]
    pub fn new(start: Start) -> State {
        State {
            sql: false,
            backend: false,
            hosts: start
                .labels
                .iter()
                .map(|l| Host {
                    label: l.clone(),
                    ..Host::default()
                })
                .collect(),
            labels: start.labels,
            columns: start.columns,
            selection: start.selection,
            interval: start.interval,
            hide_idle: false,
            paused: false,
            rows: Vec::new(),
            view: Vec::new(),
            cursor: 0,
            selected: None,
            offset: 0,
            detail: None,
            overlay: Overlay::None,
            message: None,
            refreshed: None,
            new: 0,
            closed: 0,
            refreshes: 0,
            viewport: Viewport {
                rows: 20,
                detail_rows: 20,
                detail_len: 0,
            },
        }
    }

    /// Whether a column must be read with the last query (shown, filtered or sorted on).
    #[must_use]
    pub fn wants_query(&self) -> bool {
        self.columns.iter().any(|c| c.needs_queries()) || self.selection.needs_queries()
    }

    /// The session shown in the detail view, to refresh with the list.
    #[must_use]
    pub fn detail_key(&self) -> Option<&Key> {
        self.detail.as_ref().map(|d| &d.key)
    }

    /// The selected row.
    #[must_use]
    pub fn selected_row(&self) -> Option<&Row> {
        self.view.get(self.cursor).map(|&i| &self.rows[i])
    }

    /// Applies the list of a host listed apart (its earlier list timed out): its rows as
    /// [`State::apply`] would, but the header's refresh time stays the view's own refresh's,
    /// not the stalled host's late answer.
    pub fn apply_apart(&mut self, refresh: Refresh) {
        let refreshed = self.refreshed;
        self.apply(refresh);
        self.refreshed = refreshed;
    }

    /// Applies a refresh: the listed hosts' sessions replace theirs, a failed host's rows
    /// stay, marked stale, and a host that was not listed keeps its rows as they were (its
    /// count updated); new and closed sessions of the listed hosts are counted; the selection
    /// is kept. A host whose MaxScale restarted has its old sessions dropped, listed or not:
    /// every one counts as closed, and the detail or a question about one of them is closed.
    pub fn apply(&mut self, refresh: Refresh) {
        let failed: HashSet<usize> = refresh.failures.iter().map(|(h, _)| *h).collect();
        let listed: HashSet<usize> = refresh.listed.iter().copied().collect();
        let restarted = self.restarts(&refresh.started);
        let mut dropped = 0;
        let before: HashSet<Key> = self
            .rows
            .iter()
            .filter(|r| {
                let gone = restarted.contains(&r.session.endpoint);
                dropped += usize::from(gone);
                !gone && listed.contains(&r.session.endpoint)
            })
            .map(|r| (r.session.endpoint, r.session.id.clone()))
            .collect();
        let first = self.refreshes == 0;
        let mut rows: Vec<Row> = refresh
            .sessions
            .into_iter()
            .filter(|s| listed.contains(&s.endpoint) && !failed.contains(&s.endpoint))
            .map(|session| Row {
                new: !first && !before.contains(&(session.endpoint, session.id.clone())),
                stale: false,
                closed: false,
                session,
            })
            .collect();
        let mut now: HashSet<Key> = rows
            .iter()
            .map(|r| (r.session.endpoint, r.session.id.clone()))
            .collect();
        let mut listed_counts = vec![0u64; self.hosts.len()];
        for r in &rows {
            if let Some(n) = listed_counts.get_mut(r.session.endpoint) {
                *n += 1;
            }
        }
        for old in std::mem::take(&mut self.rows) {
            let host = old.session.endpoint;
            if restarted.contains(&host) {
                continue;
            }
            if failed.contains(&host) {
                now.insert((host, old.session.id.clone()));
                rows.push(Row {
                    stale: true,
                    new: false,
                    ..old
                });
            } else if !listed.contains(&host) {
                rows.push(old);
            }
        }
        if !listed.is_empty() || dropped > 0 {
            self.new = rows.iter().filter(|r| r.new).count();
            self.closed = if first {
                0
            } else {
                before.difference(&now).count() + dropped
            };
        }
        self.rows = rows;
        for (i, host) in self.hosts.iter_mut().enumerate() {
            if let Some((_, n)) = refresh.counts.iter().find(|(h, _)| *h == i) {
                host.count = Some(*n);
            }
            if let Some((_, pace)) = refresh.paces.iter().find(|(h, _)| *h == i) {
                host.pace = *pace;
            }
            if !listed.contains(&i) {
                continue;
            }
            match refresh.failures.iter().find(|(h, _)| *h == i) {
                Some((_, e)) => host.error = Some(sanitize::line(e).into_owned()),
                None => {
                    host.error = None;
                    host.last_ok = Some(refresh.time);
                    host.count = Some(listed_counts[i]);
                }
            }
        }
        self.refreshed = Some((refresh.time, refresh.took));
        self.refreshes += 1;
        if let Some(d) = &mut self.detail {
            let gone =
                listed.contains(&d.key.0) && !now.contains(&d.key) && !failed.contains(&d.key.0);
            if gone || restarted.contains(&d.key.0) {
                d.document = Document::Gone;
            }
        }
        self.rebuild();
    }

    /// The hosts whose MaxScale started at another time than it said before (each host's start
    /// time is then the new one); the first says so on the bottom line, and a question about a
    /// session of one of them is closed with nothing sent.
    fn restarts(&mut self, started: &[(usize, i64)]) -> HashSet<usize> {
        let mut restarted = HashSet::new();
        for &(h, at) in started {
            let Some(host) = self.hosts.get_mut(h) else {
                continue;
            };
            if host.started.is_some_and(|before| before != at) {
                restarted.insert(h);
                self.message = Some(Message {
                    text: format!(
                        "{} restarted at {} UTC: its old sessions were dropped",
                        sanitize::line(&host.label),
                        Stamp::from_unix(at).time_of_day()
                    ),
                    error: true,
                });
            }
            host.started = Some(at);
        }
        if let Overlay::Confirm(p) = &self.overlay
            && restarted.contains(&p.session.endpoint)
        {
            let verb = p.act.verb();
            self.overlay = Overlay::None;
            if let Some(m) = &mut self.message {
                m.text
                    .push_str(&format!("; {verb} cancelled: nothing was sent"));
            }
        }
        restarted
    }

    /// A session read by id between its host's lists: its row takes the fresh copy (the
    /// name the list resolved kept), or is marked closed when the host no longer has it.
    pub fn apply_by_id(&mut self, key: &Key, session: Option<Session>) {
        let Some(row) = self
            .rows
            .iter_mut()
            .find(|r| r.session.endpoint == key.0 && r.session.id == key.1)
        else {
            return;
        };
        match session {
            Some(mut s) => {
                if s.remote == row.session.remote {
                    s.remote_name = row.session.remote_name.take();
                    s.unresolved = row.session.unresolved;
                }
                s.endpoint = key.0;
                row.session = s;
                row.closed = false;
            }
            None => row.closed = true,
        }
        self.rebuild();
    }

    /// The detail document read for `key`. A client name the list resolved is shown there too.
    pub fn apply_detail(&mut self, key: &Key, mut document: Document) {
        if let Document::Found { remote_name, .. } = &mut document
            && remote_name.is_none()
            && let Some(row) = self
                .rows
                .iter()
                .find(|r| r.session.endpoint == key.0 && r.session.id == key.1)
            && (row.session.remote_name.is_some() || row.session.unresolved)
        {
            *remote_name = Some(row.session.remote_name.clone());
        }
        if let Some(d) = &mut self.detail
            && &d.key == key
        {
            if let Document::Found { value, .. } = &document {
                d.last = Some(value.clone());
            }
            d.document = document;
        }
    }

    /// The backend threads read for the detail of `key`.
    pub fn apply_detail_backend(&mut self, key: &Key, threads: DetailBackend) {
        if let Some(d) = &mut self.detail
            && &d.key == key
            && self.backend
        {
            d.backend = Some(threads.map_err(|e| sanitize::line(&e).into_owned()));
        }
    }

    /// `b`: the backend columns (and the detail's backend threads) on or off.
    fn toggle_backend(&mut self) -> Effect {
        if !self.sql {
            self.message = Some(Message {
                text: "b: the backend is read through MaxScale's SQL API, which needs --sql-user and --sql-password".into(),
                error: true,
            });
            return Effect::None;
        }
        self.backend = !self.backend;
        if self.backend {
            for c in Column::BACKEND {
                if !self.columns.contains(&c) {
                    self.columns.push(c);
                }
            }
        } else {
            self.columns.retain(|c| !c.needs_backend());
            if let Some(d) = &mut self.detail {
                d.backend = None;
            }
        }
        self.rebuild();
        Effect::Refresh
    }

    /// The log lines read for the detail of `key`.
    pub fn apply_detail_log(&mut self, key: &Key, log: DetailLog) {
        if let Some(d) = &mut self.detail
            && &d.key == key
        {
            d.log = Some(log.map_err(|e| sanitize::line(&e).into_owned()));
        }
    }

    /// The result of an action: a line on the bottom row.
    pub fn acted(&mut self, text: String, error: bool) {
        self.message = Some(Message {
            text: sanitize::line(&text).into_owned(),
            error,
        });
    }

    /// Filters, sorts and limits the rows again, keeping the selected session selected (or
    /// the row at its place when it is gone).
    pub fn rebuild(&mut self) {
        let hide_over = self.hide_idle.then_some(self.interval.as_secs_f64());
        let mut shown: Vec<(usize, &Session)> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (i, &r.session))
            .filter(|(_, s)| hide_over.is_none_or(|limit| s.idle.is_none_or(|idle| idle <= limit)))
            .collect();
        self.selection.apply(&mut shown, &self.labels, |(_, s)| *s);
        let view = shown.into_iter().map(|(i, _)| i).collect();
        self.view = view;
        let found = self.selected.as_ref().and_then(|key| {
            self.view.iter().position(|&i| {
                let s = &self.rows[i].session;
                s.endpoint == key.0 && s.id == key.1
            })
        });
        self.cursor = found.unwrap_or_else(|| self.cursor.min(self.view.len().saturating_sub(1)));
        self.select_cursor();
    }

    fn select_cursor(&mut self) {
        self.selected = self.view.get(self.cursor).map(|&i| {
            (
                self.rows[i].session.endpoint,
                self.rows[i].session.id.clone(),
            )
        });
        self.scroll_to_cursor();
    }

    /// Keeps the selected row within the rows shown.
    pub fn scroll_to_cursor(&mut self) {
        let page = self.viewport.rows.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + page {
            self.offset = self.cursor + 1 - page;
        }
        self.offset = self.offset.min(self.view.len().saturating_sub(page));
    }

    /// Records how much the last frame showed.
    pub fn set_viewport(&mut self, viewport: Viewport) {
        self.viewport = viewport;
        self.scroll_to_cursor();
        if let Some(d) = &mut self.detail {
            d.scroll = d
                .scroll
                .min(viewport.detail_len.saturating_sub(viewport.detail_rows));
        }
    }

    /// The sort shown in the header: the first key, `id` ascending by default.
    #[must_use]
    pub fn sort_shown(&self) -> SortKey {
        self.selection.sort.first().copied().unwrap_or(SortKey {
            column: Column::Id,
            descending: false,
        })
    }

    /// Handles one key.
    pub fn key(&mut self, input: Input) -> Effect {
        if input == Input::Interrupt {
            return Effect::Quit;
        }
        match std::mem::replace(&mut self.overlay, Overlay::None) {
            Overlay::Help => {
                if input == Input::Char('q') {
                    return Effect::Quit;
                }
                Effect::None
            }
            Overlay::Confirm(p) => {
                if input == Input::Char('y') || input == Input::Char('Y') {
                    self.message = Some(Message {
                        text: format!(
                            "{} session {} on {}…",
                            p.act.doing(),
                            sanitize::line(&p.session.id),
                            self.label(p.session.endpoint)
                        ),
                        error: false,
                    });
                    Effect::Act(p.act, p.session)
                } else {
                    self.message = Some(Message {
                        text: format!("{} cancelled: nothing was sent", p.act.verb()),
                        error: false,
                    });
                    Effect::None
                }
            }
            Overlay::Filter(prompt) => self.filter_key(prompt, input),
            Overlay::None => {
                self.message = None;
                if self.detail.is_some() {
                    self.detail_key_input(input)
                } else {
                    self.list_key(input)
                }
            }
        }
    }

    fn label(&self, endpoint: usize) -> &str {
        self.labels.get(endpoint).map_or("", String::as_str)
    }

    /// Keys that work in the list and in the detail view alike; `None` when not one of them.
    fn common_key(&mut self, input: Input) -> Option<Effect> {
        Some(match input {
            Input::Char('q') => Effect::Quit,
            Input::Char('?') => {
                self.overlay = Overlay::Help;
                Effect::None
            }
            Input::Char('p' | ' ') => {
                self.paused = !self.paused;
                Effect::None
            }
            Input::Char('+') => self.step_interval(true),
            Input::Char('-') => self.step_interval(false),
            Input::Char('b') => self.toggle_backend(),
            Input::Char('x') => self.ask(Action::Kill { ttl: None }),
            Input::Char('r') => self.ask(Action::Restart),
            _ => return None,
        })
    }

    fn step_interval(&mut self, up: bool) -> Effect {
        let next = if up {
            INTERVALS.iter().find(|d| **d > self.interval)
        } else {
            INTERVALS.iter().rev().find(|d| **d < self.interval)
        };
        match next {
            Some(d) => {
                self.interval = *d;
                if self.hide_idle {
                    self.rebuild();
                }
                Effect::Interval
            }
            None => Effect::None,
        }
    }

    /// The session an action is for: the detail view's, else the selected row's.
    fn target(&self) -> Option<Session> {
        if let Some(d) = &self.detail {
            return self
                .rows
                .iter()
                .find(|r| r.session.endpoint == d.key.0 && r.session.id == d.key.1)
                .map(|r| r.session.clone());
        }
        self.selected_row().map(|r| r.session.clone())
    }

    fn ask(&mut self, act: Action) -> Effect {
        match self.target() {
            Some(session) => {
                self.overlay = Overlay::Confirm(Pending {
                    act,
                    session: Box::new(session),
                });
            }
            None => {
                self.message = Some(Message {
                    text: format!("no session selected: nothing to {}", act.verb()),
                    error: true,
                });
            }
        }
        Effect::None
    }

    fn list_key(&mut self, input: Input) -> Effect {
        if let Some(e) = self.common_key(input) {
            return e;
        }
        let page = self.viewport.rows.max(1);
        let last = self.view.len().saturating_sub(1);
        let moved = match input {
            Input::Esc => return Effect::Quit,
            Input::Up | Input::Char('k') => Some(self.cursor.saturating_sub(1)),
            Input::Down | Input::Char('j') => Some((self.cursor + 1).min(last)),
            Input::PageUp => Some(self.cursor.saturating_sub(page)),
            Input::PageDown => Some((self.cursor + page).min(last)),
            Input::Home | Input::Char('g') => Some(0),
            Input::End | Input::Char('G') => Some(last),
            _ => None,
        };
        if let Some(c) = moved {
            self.cursor = c;
            self.select_cursor();
            return Effect::None;
        }
        match input {
            Input::Enter => match &self.selected {
                Some(key) => {
                    self.detail = Some(Detail {
                        key: key.clone(),
                        document: Document::Waiting,
                        last: None,
                        log: None,
                        backend: None,
                        scroll: 0,
                    });
                    Effect::Detail(key.clone())
                }
                None => Effect::None,
            },
            Input::Char('s') => {
                let now = self.sort_shown().column;
                let next = match self.columns.iter().position(|c| *c == now) {
                    Some(i) => self.columns[(i + 1) % self.columns.len()],
                    None => self.columns.first().copied().unwrap_or(Column::Id),
                };
                self.selection.sort = vec![SortKey {
                    column: next,
                    descending: matches!(next.kind(), Kind::Size | Kind::Duration)
                        || next == Column::Io,
                }];
                self.rebuild();
                Effect::None
            }
            Input::Char('S') => {
                if self.selection.sort.is_empty() {
                    let shown = self.sort_shown();
                    self.selection.sort.push(shown);
                }
                for k in &mut self.selection.sort {
                    k.descending = !k.descending;
                }
                self.rebuild();
                Effect::None
            }
            Input::Char('/') => {
                self.overlay = Overlay::Filter(Prompt::default());
                Effect::None
            }
            Input::Char('\\') => {
                let n = self.selection.conditions.len();
                self.selection.conditions.clear();
                self.message = Some(Message {
                    text: format!("{n} condition{} cleared", if n == 1 { "" } else { "s" }),
                    error: false,
                });
                self.rebuild();
                Effect::None
            }
            Input::Char('i') => {
                self.hide_idle = !self.hide_idle;
                self.rebuild();
                Effect::None
            }
            _ => Effect::None,
        }
    }

    fn detail_key_input(&mut self, input: Input) -> Effect {
        if let Some(e) = self.common_key(input) {
            return e;
        }
        let Some(d) = &mut self.detail else {
            return Effect::None;
        };
        let page = self.viewport.detail_rows.max(1);
        let last = self
            .viewport
            .detail_len
            .saturating_sub(self.viewport.detail_rows);
        d.scroll = match input {
            Input::Esc | Input::Backspace => {
                self.detail = None;
                return Effect::None;
            }
            Input::Up | Input::Char('k') => d.scroll.saturating_sub(1),
            Input::Down | Input::Char('j') => (d.scroll + 1).min(last),
            Input::PageUp => d.scroll.saturating_sub(page),
            Input::PageDown => (d.scroll + page).min(last),
            Input::Home | Input::Char('g') => 0,
            Input::End | Input::Char('G') => last,
            _ => d.scroll,
        };
        Effect::None
    }

    fn filter_key(&mut self, mut p: Prompt, input: Input) -> Effect {
        let len = p.text.chars().count();
        let at = |text: &str, n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
        match input {
            Input::Esc => return Effect::None,
            Input::Enter => {
                let text = p.text.trim();
                if text.is_empty() {
                    return Effect::None;
                }
                match Condition::parse(text) {
                    Ok(c) => {
                        self.selection.conditions.push(c);
                        self.rebuild();
                        return Effect::None;
                    }
                    Err(e) => {
                        let mut why = e.message;
                        if let Some(h) = e.hint {
                            why.push_str(&format!(" ({h})"));
                        }
                        p.error = Some(sanitize::line(&why).into_owned());
                    }
                }
            }
            Input::Char(c) => {
                let i = at(&p.text, p.cursor);
                p.text.insert(i, c);
                p.cursor += 1;
                p.error = None;
            }
            Input::Backspace if p.cursor > 0 => {
                let i = at(&p.text, p.cursor - 1);
                p.text.remove(i);
                p.cursor -= 1;
                p.error = None;
            }
            Input::Delete if p.cursor < len => {
                let i = at(&p.text, p.cursor);
                p.text.remove(i);
                p.error = None;
            }
            Input::Left => p.cursor = p.cursor.saturating_sub(1),
            Input::Right => p.cursor = (p.cursor + 1).min(len),
            Input::Home => p.cursor = 0,
            Input::End => p.cursor = len,
            _ => {}
        }
        self.overlay = Overlay::Filter(p);
        Effect::None
    }

    /// The shown sessions' memory, added up.
    #[must_use]
    pub fn memory(&self) -> u64 {
        self.view
            .iter()
            .filter_map(|&i| self.rows[i].session.memory)
            .fold(0u64, u64::saturating_add)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn session(endpoint: usize, id: u64, user: &str, idle: f64, memory: u64) -> Session {
        Session {
            endpoint,
            id: id.to_string(),
            user: Some(user.into()),
            remote: Some("192.0.2.7".into()),
            idle: Some(idle),
            memory: Some(memory),
            services: vec!["RW-Split-Router".into()],
            connected: Some("Fri, 05 Jan 2024 07:24:06 GMT".into()),
            ..Session::default()
        }
    }

    pub fn state(hosts: usize) -> State {
        State::new(Start {
            labels: (1..=hosts).map(|h| format!("mx{h}:8989")).collect(),
            columns: Column::defaults(hosts > 1),
            selection: Selection::default(),
            interval: Duration::from_secs(2),
        })
    }

    pub fn refresh(sessions: Vec<Session>, failures: Vec<(usize, &str)>) -> Refresh {
        Refresh {
            sessions,
            failures: failures
                .into_iter()
                .map(|(h, e)| (h, e.to_string()))
                .collect(),
            listed: (0..4).collect(),
            counts: Vec::new(),
            paces: Vec::new(),
            time: Stamp::from_unix(1_704_439_446),
            took: Duration::from_millis(12),
            started: Vec::new(),
        }
    }

    fn ids(s: &State) -> Vec<String> {
        s.view
            .iter()
            .map(|&i| {
                let r = &s.rows[i].session;
                format!("{}@{}", r.id, r.endpoint)
            })
            .collect()
    }

    #[test]
    fn a_filter_or_sort_on_a_statement_column_reads_the_queries() {
        let mut s = state(1);
        assert!(!s.wants_query());
        for text in ["query_age>1m", "running~select", "query~sleep"] {
            s.selection.conditions = vec![Condition::parse(text).unwrap()];
            assert!(s.wants_query(), "{text}");
        }
        s.selection.conditions = vec![Condition::parse("conn_id=12").unwrap()];
        assert!(!s.wants_query());
        s.selection.conditions.clear();
        s.selection.sort = vec![SortKey::parse("-query_age").unwrap()];
        assert!(s.wants_query());
    }

    #[test]
    fn the_selection_follows_its_session_across_refreshes() {
        let mut s = state(2);
        s.apply(refresh(
            vec![
                session(0, 1, "a", 1.0, 10),
                session(0, 2, "b", 1.0, 10),
                session(1, 2, "c", 1.0, 10),
            ],
            vec![],
        ));
        assert_eq!(ids(&s), ["1@0", "2@0", "2@1"]);
        assert_eq!(s.key(Input::Down), Effect::None);
        s.key(Input::Char('j'));
        assert_eq!(s.selected, Some((1, "2".into())));
        // session 1 closes and 0 opens: the same session stays selected, at another place
        s.apply(refresh(
            vec![
                session(0, 0, "z", 1.0, 10),
                session(0, 2, "b", 1.0, 10),
                session(1, 2, "c", 1.0, 10),
            ],
            vec![],
        ));
        assert_eq!(s.selected, Some((1, "2".into())));
        assert_eq!((s.new, s.closed), (1, 1));
        assert!(s.rows.iter().any(|r| r.new && r.session.id == "0"));
        // it closes: the row at its place is selected
        s.apply(refresh(vec![session(0, 0, "z", 1.0, 10)], vec![]));
        assert_eq!(s.selected, Some((0, "0".into())));
        s.key(Input::Up);
        s.key(Input::Home);
        s.key(Input::End);
        assert_eq!(s.cursor, 0);
    }

    #[test]
    fn paging_scrolls_to_keep_the_selection_visible() {
        let mut s = state(1);
        s.set_viewport(Viewport {
            rows: 5,
            ..Viewport::default()
        });
        s.apply(refresh(
            (1..=20).map(|i| session(0, i, "u", 1.0, 1)).collect(),
            vec![],
        ));
        s.key(Input::PageDown);
        assert_eq!((s.cursor, s.offset), (5, 1));
        s.key(Input::End);
        assert_eq!((s.cursor, s.offset), (19, 15));
        s.key(Input::PageUp);
        assert_eq!((s.cursor, s.offset), (14, 14));
        s.key(Input::Home);
        assert_eq!((s.cursor, s.offset), (0, 0));
        // an empty view has nothing selected and does not underflow
        s.apply(refresh(vec![], vec![]));
        s.key(Input::End);
        s.key(Input::Down);
        assert_eq!((s.cursor, s.selected.clone()), (0, None));
        assert_eq!(s.key(Input::Enter), Effect::None);
    }

    #[test]
    fn s_sorts_by_the_next_column_and_capital_s_reverses() {
        let mut s = state(1);
        s.apply(refresh(
            vec![
                session(0, 1, "b", 5.0, 300),
                session(0, 2, "a", 9.0, 100),
                session(0, 3, "c", 1.0, 200),
            ],
            vec![],
        ));
        assert_eq!(s.sort_shown().column, Column::Id);
        s.key(Input::Char('s'));
        assert_eq!(s.sort_shown().column, Column::User);
        assert_eq!(ids(&s), ["2@0", "1@0", "3@0"]);
        s.key(Input::Char('S'));
        assert!(s.sort_shown().descending);
        assert_eq!(ids(&s), ["3@0", "1@0", "2@0"]);
        // memory sorts biggest first
        while s.sort_shown().column != Column::Memory {
            s.key(Input::Char('s'));
        }
        assert!(s.sort_shown().descending);
        assert_eq!(ids(&s), ["1@0", "3@0", "2@0"]);
        // and around to id again
        for _ in 0..s.columns.len() {
            s.key(Input::Char('s'));
        }
        assert_eq!(s.sort_shown().column, Column::Memory);
    }

    #[test]
    fn a_filter_is_added_a_bad_one_changes_nothing_and_backslash_clears() {
        let mut s = state(1);
        s.apply(refresh(
            vec![
                session(0, 1, "app", 5.0, 300),
                session(0, 2, "bob", 9.0, 100),
            ],
            vec![],
        ));
        s.key(Input::Char('/'));
        for c in "usr=app".chars() {
            s.key(Input::Char(c));
        }
        s.key(Input::Enter);
        let Overlay::Filter(p) = &s.overlay else {
            panic!("the prompt stays open")
        };
        assert!(p.error.as_deref().unwrap().contains("unknown column 'usr'"));
        assert_eq!(s.view.len(), 2, "nothing changed");
        // fix it: Home, Right twice, insert 'e'
        s.key(Input::Home);
        s.key(Input::Right);
        s.key(Input::Right);
        s.key(Input::Char('e'));
        s.key(Input::Enter);
        assert!(matches!(s.overlay, Overlay::None));
        assert_eq!(ids(&s), ["1@0"]);
        assert_eq!(s.selection.conditions[0].text(), "user=app");
        // Esc cancels a prompt
        s.key(Input::Char('/'));
        s.key(Input::Char('x'));
        s.key(Input::Esc);
        assert!(matches!(s.overlay, Overlay::None));
        assert_eq!(s.selection.conditions.len(), 1);
        s.key(Input::Char('\\'));
        assert!(s.selection.conditions.is_empty());
        assert_eq!(s.view.len(), 2);
    }

    #[test]
    fn idle_sessions_hide_and_the_interval_steps() {
        let mut s = state(1);
        s.apply(refresh(
            vec![session(0, 1, "a", 1.0, 1), session(0, 2, "b", 4.0, 1)],
            vec![],
        ));
        s.key(Input::Char('i'));
        assert_eq!(ids(&s), ["1@0"]);
        assert_eq!(s.key(Input::Char('+')), Effect::Interval);
        assert_eq!(s.interval, Duration::from_secs(3));
        assert_eq!(s.key(Input::Char('+')), Effect::Interval);
        assert_eq!(ids(&s), ["1@0", "2@0"], "idle 4s is under the 5s interval");
        for _ in 0..20 {
            s.key(Input::Char('-'));
        }
        assert_eq!(s.interval, Duration::from_millis(100));
        assert_eq!(s.key(Input::Char('-')), Effect::None);
        s.key(Input::Char('p'));
        assert!(s.paused);
        s.key(Input::Char(' '));
        assert!(!s.paused);
    }

    #[test]
    fn a_late_list_of_a_host_listed_apart_keeps_the_header_s_refresh_time() {
        let mut s = state(2);
        s.apply(refresh(vec![session(0, 1, "a", 1.0, 1)], vec![]));
        let mine = s.refreshed;
        let mut late = refresh(vec![session(1, 7, "b", 1.0, 1)], vec![]);
        late.listed = vec![1];
        late.took = Duration::from_secs(10);
        s.apply_apart(late);
        assert_eq!(s.refreshed, mine);
        assert_eq!(ids(&s), ["1@0", "7@1"]);
    }

    #[test]
    fn a_host_that_restarted_has_its_old_sessions_dropped_and_its_question_closed() {
        let mut s = state(2);
        let with = |sessions, started: Vec<(usize, i64)>| Refresh {
            started,
            ..refresh(sessions, vec![])
        };
        s.apply(with(
            vec![
                session(0, 1, "a", 1.0, 1),
                session(0, 2, "b", 1.0, 1),
                session(1, 1, "c", 1.0, 1),
            ],
            vec![(0, 1_704_400_000), (1, 1_704_400_000)],
        ));
        s.key(Input::Down);
        s.key(Input::Down);
        s.key(Input::Char('x'));
        assert!(
            matches!(&s.overlay, Overlay::Confirm(p) if p.session.endpoint == 0 && p.session.id == "2")
        );
        s.detail = Some(Detail {
            key: (0, "2".into()),
            document: Document::Waiting,
            last: None,
            log: None,
            scroll: 0,
            backend: None,
        });
        // mx1 restarted at 07:24:06: its ids 1 and 2 are other sessions now
        let mut again = session(0, 2, "intruder", 0.0, 1);
        again.connected = Some("Fri, 05 Jan 2024 07:24:06 GMT".into());
        s.apply(with(
            vec![again, session(1, 1, "c", 1.0, 1)],
            vec![(0, 1_704_439_446), (1, 1_704_400_000)],
        ));
        let m = s.message.clone().unwrap();
        assert_eq!(
            m.text,
            "mx1:8989 restarted at 07:24:06 UTC: its old sessions were dropped; kill cancelled: nothing was sent"
        );
        assert!(matches!(s.overlay, Overlay::None));
        assert_eq!(s.detail.as_ref().unwrap().document, Document::Gone);
        assert_eq!((s.new, s.closed), (1, 2));
        assert_eq!(ids(&s), ["1@1", "2@0"]);
        assert!(s.rows.iter().all(|r| !r.stale));
        // the same start time again is no restart
        s.message = None;
        s.apply(with(vec![], vec![(0, 1_704_439_446)]));
        assert!(s.message.is_none());
    }

    #[test]
    fn kill_asks_and_only_y_confirms() {
        let mut s = state(1);
        s.apply(refresh(vec![session(0, 7, "app", 1.0, 1)], vec![]));
        assert_eq!(s.key(Input::Char('x')), Effect::None);
        assert!(matches!(&s.overlay, Overlay::Confirm(p) if p.act == Action::Kill { ttl: None }));
        assert_eq!(s.key(Input::Char('n')), Effect::None);
        assert!(
            s.message
                .as_ref()
                .unwrap()
                .text
                .contains("nothing was sent")
        );
        s.key(Input::Char('x'));
        assert_eq!(s.key(Input::Enter), Effect::None, "Enter is not yes");
        s.key(Input::Char('r'));
        match s.key(Input::Char('y')) {
            Effect::Act(Action::Restart, session) => assert_eq!(session.id, "7"),
            other => panic!("{other:?}"),
        }
        s.key(Input::Char('x'));
        assert_eq!(s.key(Input::Interrupt), Effect::Quit);
        // nothing selected: nothing to ask
        let mut empty = state(1);
        empty.key(Input::Char('x'));
        assert!(matches!(empty.overlay, Overlay::None));
    }

    #[test]
    fn a_failed_host_keeps_its_rows_marked_stale() {
        let mut s = state(2);
        s.apply(refresh(
            vec![session(0, 1, "a", 1.0, 1), session(1, 1, "b", 1.0, 1)],
            vec![],
        ));
        s.apply(refresh(
            vec![session(0, 1, "a", 1.0, 1)],
            vec![(1, "GET x: connection refused\x1b[31m")],
        ));
        assert_eq!(s.view.len(), 2);
        assert!(s.rows.iter().any(|r| r.stale && r.session.endpoint == 1));
        assert_eq!((s.new, s.closed), (0, 0));
        assert_eq!(
            s.hosts[1].error.as_deref(),
            Some(r"GET x: connection refused\e[31m")
        );
        s.apply(refresh(vec![session(0, 1, "a", 1.0, 1)], vec![]));
        assert_eq!(s.view.len(), 1);
        assert_eq!(s.closed, 1);
        assert!(s.hosts[1].error.is_none());
    }

    #[test]
    fn a_host_not_listed_keeps_its_rows_and_takes_its_count_and_rows_by_id() {
        let mut s = state(2);
        s.apply(refresh(
            vec![
                session(0, 1, "a", 1.0, 1),
                session(1, 1, "b", 1.0, 1),
                session(1, 2, "c", 1.0, 1),
            ],
            vec![],
        ));
        assert_eq!(s.hosts[1].count, Some(2));
        // only host 0 is listed: its session 3 is new, host 1 keeps its rows, counted at 5
        let mut r = refresh(
            vec![session(0, 1, "a", 1.0, 1), session(0, 3, "d", 1.0, 1)],
            vec![],
        );
        r.listed = vec![0];
        r.counts = vec![(1, 5)];
        s.apply(r);
        assert_eq!(ids(&s), ["1@0", "1@1", "2@1", "3@0"]);
        assert_eq!((s.new, s.closed), (1, 0));
        assert_eq!((s.hosts[0].count, s.hosts[1].count), (Some(2), Some(5)));
        assert!(s.rows.iter().all(|r| !r.stale));
        // nothing listed: new and closed stay those of the last list
        let mut r = refresh(vec![], vec![]);
        r.listed = vec![];
        s.apply(r);
        assert_eq!(ids(&s).len(), 4);
        assert_eq!((s.new, s.closed), (1, 0));
        // read by id: a fresh copy keeps the name the list resolved; a gone one is marked
        s.rows
            .iter_mut()
            .find(|r| r.session.endpoint == 1 && r.session.id == "2")
            .unwrap()
            .session
            .remote_name = Some("app.example".into());
        let mut fresh = session(9, 2, "c", 42.0, 7);
        fresh.remote_name = None;
        s.apply_by_id(&(1, "2".into()), Some(fresh));
        let row = s
            .rows
            .iter()
            .find(|r| r.session.endpoint == 1 && r.session.id == "2")
            .unwrap();
        assert_eq!(row.session.idle, Some(42.0));
        assert_eq!(row.session.remote_name.as_deref(), Some("app.example"));
        assert!(!row.closed);
        s.apply_by_id(&(1, "1".into()), None);
        assert!(
            s.rows
                .iter()
                .any(|r| r.closed && r.session.id == "1" && r.session.endpoint == 1)
        );
        // a session no row has changes nothing
        s.apply_by_id(&(0, "99".into()), None);
        assert_eq!(s.rows.iter().filter(|r| r.closed).count(), 1);
        // the next list of host 1 replaces its rows, the closed one gone
        let mut r = refresh(vec![session(1, 2, "c", 1.0, 1)], vec![]);
        r.listed = vec![1];
        s.apply(r);
        assert_eq!(ids(&s), ["1@0", "2@1", "3@0"]);
        assert_eq!(s.closed, 1);
    }

    #[test]
    fn enter_opens_the_detail_and_esc_goes_back() {
        let mut s = state(1);
        s.apply(refresh(vec![session(0, 7, "app", 1.0, 1)], vec![]));
        assert_eq!(s.key(Input::Enter), Effect::Detail((0, "7".into())));
        let found = |remote_name| Document::Found {
            value: serde_json::json!({"id": "7"}),
            remote_name,
            time: Stamp::from_unix(0),
        };
        // without reverse DNS no name is shown; with it, the list's name is
        s.apply_detail(&(0, "7".into()), found(None));
        assert_eq!(s.detail.as_ref().unwrap().document, found(None));
        s.rows[0].session.remote_name = Some("app1.example".into());
        s.apply_detail(&(0, "7".into()), found(None));
        assert_eq!(
            s.detail.as_ref().unwrap().document,
            found(Some(Some("app1.example".into())))
        );
        s.set_viewport(Viewport {
            rows: 5,
            detail_rows: 5,
            detail_len: 30,
        });
        s.key(Input::End);
        assert_eq!(s.detail.as_ref().unwrap().scroll, 25);
        s.key(Input::PageUp);
        assert_eq!(s.detail.as_ref().unwrap().scroll, 20);
        s.apply(refresh(vec![], vec![]));
        assert_eq!(s.detail.as_ref().unwrap().document, Document::Gone);
        assert_eq!(s.key(Input::Esc), Effect::None);
        assert!(s.detail.is_none());
        assert_eq!(s.key(Input::Esc), Effect::Quit);
    }

    #[test]
    fn help_opens_and_any_key_closes_it() {
        let mut s = state(1);
        s.key(Input::Char('?'));
        assert!(matches!(s.overlay, Overlay::Help));
        assert_eq!(s.key(Input::Char('j')), Effect::None);
        assert!(matches!(s.overlay, Overlay::None));
        s.key(Input::Char('?'));
        assert_eq!(s.key(Input::Char('q')), Effect::Quit);
    }
}
