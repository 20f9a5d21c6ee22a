//! `sessions watch` (and `list --watch`, and `top`). On a terminal, the interactive view of
//! `tui`: this module drives it, reading keys and the terminal's size, while a worker thread
//! fetches the sessions (so a slow host never blocks a key), reads the session of the detail
//! view, and kills or restarts through the code of `sessions kill` and `restart`. On a pipe it
//! prints one snapshot per interval instead.

use std::io::{IsTerminal as _, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use crossterm::event;

use crate::api::fetch::Shown;
use crate::api::maxscale::Action;
use crate::api::model::Session;
use crate::columns::Column;
use crate::commands::Ctx;
use crate::commands::sessions::{
    Fetched, fetch_sessions, query_age, rdns_cache, server_rdns_warning,
};
use crate::error::{Cause, ExitKind};
use crate::output::list::View;
use crate::output::watch as render;
use crate::plan::{self, RdnsSettings};
use crate::rdns;
use crate::select::Selection;
use crate::text::sanitize;
use crate::text::time::Stamp;
use crate::text::units;
use crate::tui::state::{
    DetailBackend, DetailLog, Document, Effect, Key, Pace, Refresh, Start, State,
};
use crate::tui::terminal::{self as term, Screen};
use crate::tui::view;

pub fn run(ctx: &Ctx, plan: &plan::Watch) -> anyhow::Result<Option<ExitKind>> {
    let mut cache = rdns_cache(ctx, &plan.list.rdns);
    if plan.live {
        return live(ctx, plan, cache);
    }
    let result = snapshots(ctx, plan, &mut cache);
    cache.save();
    result
}

fn fetch(ctx: &Ctx, plan: &plan::Watch, cache: &mut rdns::Cache) -> anyhow::Result<Fetched> {
    let l = &plan.list;
    fetch_sessions(
        ctx,
        &l.rdns,
        cache,
        &l.selection,
        plan.format.is_json(),
        l.columns.iter().copied().any(Column::needs_queries),
    )
}

fn view<'a>(ctx: &'a Ctx, plan: &'a plan::Watch, fetched: &'a Fetched) -> View<'a> {
    View {
        items: &fetched.items,
        sources: &fetched.sources,
        labels: ctx.labels(),
        columns: &plan.list.columns,
        client_rdns: plan.list.rdns.client(),
    }
}

/// On a pipe: one snapshot per interval, each with every host's full list. Without an
/// INTERVAL given, the snapshots are spaced like the live view's lists (by the slowest host);
/// with one, it is kept (scripts rely on it), and a host whose list costs more than
/// `--max-load` of it is said once on stderr.
fn snapshots(
    ctx: &Ctx,
    plan: &plan::Watch,
    cache: &mut rdns::Cache,
) -> anyhow::Result<Option<ExitKind>> {
    let options = crate::output::Options {
        format: plan.format,
        ..ctx.options
    };
    let mut n = 0u64;
    let mut worst = None;
    let mut warned = vec![false; ctx.hosts().len()];
    loop {
        let started = Instant::now();
        let fetched = fetch(ctx, plan, cache)?;
        let mut out = ctx.stdout();
        render::snapshot(
            &mut out,
            &options,
            &view(ctx, plan, &fetched),
            &Stamp::now(),
            n == 0,
        )?;
        out.flush().context("writing the output")?;
        if let Some(k) = ctx.report_failures(fetched.failures)? {
            worst = Some(k);
        }
        n += 1;
        if plan.count.is_some_and(|c| n >= c) {
            return Ok(worst);
        }
        let mut next = plan.interval;
        for (h, warned) in warned.iter_mut().enumerate() {
            let Some(took) = ctx.api.list_took(h) else {
                continue;
            };
            let every = spacing(took, plan.interval, plan.max_load);
            if every <= plan.interval {
                continue;
            }
            if !plan.interval_given {
                next = next.max(every);
            } else if !std::mem::replace(warned, true) {
                ctx.diag.warning(&format!(
                    "{}: a list takes it {:.1} s, more than --max-load {} of the {} interval; listing it every {} as asked (without an INTERVAL, every {})",
                    ctx.hosts().label(h),
                    took.as_secs_f64(),
                    plan::max_load_text(plan.max_load),
                    units::format_seconds(plan.interval.as_secs_f64()),
                    units::format_seconds(plan.interval.as_secs_f64()),
                    units::format_seconds(every.as_secs_f64()),
                ));
            }
        }
        std::thread::sleep(next.saturating_sub(started.elapsed()));
    }
}

/// Each host's turn for a full list. A list costs MaxScale about 0.06 ms of CPU per session
/// (24.02.4: 0.61 s at 10,005 sessions, during which each routing thread in turn stops
/// routing), so a host's lists are spaced to take at most `max_load` of its time: after a
/// list that took `t`, the next one comes `t / max_load` after it began, or one interval
/// after, whichever is later. A host that failed is asked again at the next interval.
#[derive(Debug)]
struct Pacer {
    max_load: f64,
    next: Vec<Option<Instant>>,
}

impl Pacer {
    fn new(hosts: usize, max_load: f64) -> Pacer {
        Pacer {
            max_load,
            next: vec![None; hosts],
        }
    }

    /// The hosts whose turn has come at `now` (all of them when `all`).
    fn due(&self, now: Instant, all: bool) -> Vec<usize> {
        (0..self.next.len())
            .filter(|&h| all || self.next[h].is_none_or(|t| t <= now))
            .collect()
    }

    /// A list of `host` began at `started` and took `took` (`None`: it failed); its pace
    /// when slower than `interval`.
    fn listed(
        &mut self,
        host: usize,
        started: Instant,
        took: Option<Duration>,
        interval: Duration,
        sessions: usize,
    ) -> Option<Pace> {
        let Some(took) = took else {
            self.next[host] = None;
            return None;
        };
        let every = spacing(took, interval, self.max_load);
        self.next[host] = Some(started + every);
        (every > interval).then_some(Pace {
            every,
            took,
            sessions,
        })
    }
}

/// The time from the start of one full list of a host to the next: the list, then
/// `took / max_load` of rest, at least `interval`. Lists then take at most
/// `max_load / (1 + max_load)` of the host's time, so that a window that begins with a list
/// (a minute of `top` from its start) stays within `--max-load` too: paced by `took /
/// max_load` alone, a minute holds one list more than its share (6 of 0.58 s on a real
/// 10,005-session MaxScale: 5.5% of a core at 5%).
fn spacing(took: Duration, interval: Duration, max_load: f64) -> Duration {
    if max_load >= 1.0 {
        return interval;
    }
    interval.max(took + took.div_f64(max_load))
}

/// A refresh the view asks for.
struct Tick {
    want_query: bool,
    detail: Option<Key>,
    /// The selected row, read by id when its host is not listed.
    selected: Option<Key>,
    interval: Duration,
    /// List every host now, whatever its pace (an action's result is shown at once, and the
    /// backend's columns when they are turned on).
    all: bool,
    /// When the view asked: the hosts' turns are counted from it, as are the view's.
    at: Instant,
    /// Read the backend too (`b`).
    backend: bool,
}

/// What the view asks the worker for.
enum Request {
    Refresh(Tick),
    /// Open the detail of a session (and read its backend threads when the backend is on).
    Detail(Key, bool),
    Act(Action, Box<Session>),
}

/// What the worker hands back.
enum Reply {
    Refreshed(Refresh),
    /// The list of a host listed apart ([`Apart`]): not the answer to the view's refresh.
    Apart(Refresh),
    /// A session read by id: fresh, or `None` when it is gone.
    Row(Key, Option<Box<Session>>),
    Detail(Key, Document),
    DetailLog(Key, DetailLog),
    Acted(String, bool),
    /// The detail's backend threads, and why a server could not be read.
    Backend(Option<(Key, DetailBackend)>, Option<String>),
}

/// The session whose log the detail view last read, and whether it was gone then: the log is
/// read when the pane opens and again when the session ends (each read costs MaxScale a read of
/// its whole log file), not at every refresh.
type LogRead = Option<(Key, bool)>;

/// Reads one session from its own host, for the detail view; then, when `logged` says it is
/// due, what MaxScale logged about it (back to its connection, or an hour back once it is
/// gone), each sent as it comes.
fn read_detail(
    ctx: &Ctx,
    rdns: &RdnsSettings,
    key: &Key,
    logged: &mut LogRead,
    replies: &mpsc::Sender<Reply>,
) {
    if ctx.hosts().get(key.0).is_none() {
        let _ = replies.send(Reply::Detail(
            key.clone(),
            Document::Failed("no such host".into()),
        ));
        return;
    }
    let (document, since) = match ctx.api.session(key.0, &key.1, rdns.server()) {
        Ok(Shown::Found(found)) => {
            let mut session = found.session.clone();
            session.query_age = query_age(ctx, &session);
            if replies
                .send(Reply::Row(key.clone(), Some(Box::new(session))))
                .is_err()
            {
                return;
            }
            (
                match serde_json::from_slice(&found.resource) {
                    Ok(value) => Document::Found {
                        value,
                        remote_name: None,
                        time: Stamp::now(),
                    },
                    Err(e) => Document::Failed(sanitize::line(&e.to_string()).into_owned()),
                },
                Some(crate::commands::log::connected(ctx, &found.session)),
            )
        }
        Ok(Shown::Missing(_)) => {
            if replies.send(Reply::Row(key.clone(), None)).is_err() {
                return;
            }
            (Document::Gone, Some(crate::text::time::now_unix() - 3600))
        }
        Err(e) => (
            Document::Failed(sanitize::line(&format!("{e:#}")).into_owned()),
            None,
        ),
    };
    let gone = matches!(document, Document::Gone);
    if replies.send(Reply::Detail(key.clone(), document)).is_err() {
        return;
    }
    let due = logged.as_ref() != Some(&(key.clone(), gone));
    if let Some(since) = since.filter(|_| due) {
        *logged = Some((key.clone(), gone));
        let log =
            crate::commands::log::session_lines(ctx, key.0, &key.1, since).map_err(|f| f.message);
        let _ = replies.send(Reply::DetailLog(key.clone(), log));
    }
}

/// When the MaxScale of each host that answered started, asked of them all at once: a host
/// that restarted counts its session ids from 1 again. A host that failed this refresh, or
/// that does not say, is left out.
fn started_at(ctx: &Ctx, failed: &[usize]) -> Vec<(usize, i64)> {
    ctx.api
        .on_every_host(|host| {
            if failed.contains(&host) {
                None
            } else {
                ctx.api.started(host).ok().flatten()
            }
        })
        .into_iter()
        .enumerate()
        .filter_map(|(host, at)| Some((host, at.ok()??)))
        .collect()
}

/// The hosts whose lists timed out, listed apart from the others: each on a thread of its
/// own, one request at a time, so that a stalled MaxScale holds back its own rows only and
/// the other hosts are refreshed at their pace. A host leaves once a list of it ends in time.
#[derive(Clone, Default)]
struct Apart(Arc<Mutex<std::collections::HashMap<usize, bool>>>);

impl Apart {
    /// Whether `host` is listed apart (its value: whether a list of it is under way).
    fn has(&self, host: usize) -> bool {
        self.0.lock().is_ok_and(|m| m.contains_key(&host))
    }

    fn busy(&self, host: usize) -> bool {
        self.0.lock().is_ok_and(|m| m.get(&host) == Some(&true))
    }

    /// `host`'s list timed out: it is listed apart, nothing under way.
    fn mark(&self, host: usize) {
        if let Ok(mut m) = self.0.lock() {
            m.insert(host, false);
        }
    }

    fn start(&self, host: usize) {
        if let Ok(mut m) = self.0.lock() {
            m.insert(host, true);
        }
    }

    /// A list of `host` listed apart ended: it stays apart if it timed out again.
    fn ended(&self, host: usize, timed_out: bool) {
        if let Ok(mut m) = self.0.lock() {
            if timed_out {
                m.insert(host, false);
            } else {
                m.remove(&host);
            }
        }
    }
}

/// Lists `hosts`. The names are resolved in a copy of the rDNS cache: the shared cache is
/// never locked for longer than a copy takes, so quitting in the middle of a list still
/// saves it.
fn list_hosts(
    ctx: &Ctx,
    rdns: &RdnsSettings,
    cache: &Mutex<rdns::Cache>,
    hosts: &[usize],
    want_query: bool,
) -> anyhow::Result<Fetched> {
    let mut listing = ctx.quiet();
    listing.api = ctx.api.listing_only(hosts);
    let copy = cache.lock().map(|c| c.clone());
    match copy {
        Ok(mut copy) => fetch_sessions(
            &listing,
            rdns,
            &mut copy,
            &Selection::default(),
            false,
            want_query,
        )
        .inspect(|_| {
            if let Ok(mut shared) = cache.lock() {
                *shared = copy;
            }
        }),
        Err(_) => Err(anyhow::anyhow!("internal error: lock poisoned")),
    }
}

/// A list's sessions, its hosts' failures, and the hosts whose list timed out.
fn outcome(
    fetched: anyhow::Result<Fetched>,
    hosts: &[usize],
) -> (Vec<Session>, Vec<(usize, String)>, Vec<usize>) {
    match fetched {
        Ok(f) => {
            let timed_out = f
                .failures
                .iter()
                .filter(|(_, e)| crate::error::cause(e) == Some(Cause::Timeout))
                .map(|(h, _)| *h)
                .collect();
            let failures = f
                .failures
                .into_iter()
                .map(|(h, e)| (h, format!("{e:#}")))
                .collect();
            (
                f.items.into_iter().map(|(s, _)| s).collect(),
                failures,
                timed_out,
            )
        }
        // resolving names failed as a whole: every host counts as failed
        Err(e) => (
            Vec::new(),
            hosts.iter().map(|&h| (h, format!("{e:#}"))).collect(),
            Vec::new(),
        ),
    }
}

/// Lists `host` apart, on a thread of its own; its rows come as [`Reply::Apart`].
fn list_apart(
    ctx: &Ctx,
    rdns: &RdnsSettings,
    cache: &Arc<Mutex<rdns::Cache>>,
    host: usize,
    want_query: bool,
    apart: &Apart,
    replies: &mpsc::Sender<Reply>,
) {
    apart.start(host);
    let (ctx, rdns, cache) = (ctx.quiet(), rdns.clone(), Arc::clone(cache));
    let (apart, replies) = (apart.clone(), replies.clone());
    let job = {
        let apart = apart.clone();
        move || {
            let time = Stamp::now();
            let started = Instant::now();
            let fetched = list_hosts(&ctx, &rdns, &cache, &[host], want_query);
            let (sessions, failures, timed_out) = outcome(fetched, &[host]);
            apart.ended(host, !timed_out.is_empty());
            let _ = replies.send(Reply::Apart(Refresh {
                sessions,
                failures,
                listed: vec![host],
                counts: Vec::new(),
                paces: Vec::new(),
                started: Vec::new(),
                time,
                took: started.elapsed(),
            }));
        }
    };
    if std::thread::Builder::new()
        .name("mxs-apart".into())
        .spawn(job)
        .is_err()
    {
        apart.ended(host, true);
    }
}

/// One refresh: the hosts whose turn has come are listed in full, the others counted
/// cheaply ([`crate::api::maxscale::MaxScale::session_count`]).
///
/// With the backend on (`b`), the listed sessions' backend threads are read through `pool`
/// too: the reply for the detail's threads comes with the refresh, and `last` keeps each
/// host's last list, whose sessions name the blockers of a detail opened between refreshes.
#[allow(clippy::too_many_arguments)]
fn refresh(
    ctx: &Ctx,
    rdns: &RdnsSettings,
    cache: &Arc<Mutex<rdns::Cache>>,
    pacer: &mut Pacer,
    apart: &Apart,
    replies: &mpsc::Sender<Reply>,
    backend: Option<&crate::api::sql::Pool>,
    last: &mut Vec<Session>,
    tick: &Tick,
) -> (Refresh, Option<Reply>) {
    let backend = backend.filter(|_| tick.backend);
    let time = Stamp::now();
    let started = Instant::now();
    // the hosts listed apart are not waited for: one whose turn has come is asked on a thread
    // of its own (unless its last request has not ended yet)
    let (stalled, listed): (Vec<usize>, Vec<usize>) = pacer
        .due(started, tick.all)
        .into_iter()
        .filter(|&h| !apart.busy(h))
        .partition(|&h| apart.has(h));
    for h in stalled {
        list_apart(ctx, rdns, cache, h, tick.want_query, apart, replies);
    }
    let mut backend_reply = None;
    let (sessions, failures, timed_out) = if listed.is_empty() {
        (Vec::new(), Vec::new(), Vec::new())
    } else {
        let fetched = list_hosts(ctx, rdns, cache, &listed, tick.want_query);
        let fetched = match (fetched, backend) {
            (Ok(mut f), Some(pool)) => {
                let others: Vec<Session> = last
                    .iter()
                    .filter(|s| !listed.contains(&s.endpoint))
                    .cloned()
                    .collect();
                backend_reply = Some(read_backend(
                    ctx,
                    pool,
                    &mut f,
                    &others,
                    tick.detail.as_ref(),
                ));
                Ok(f)
            }
            (other, _) => other,
        };
        outcome(fetched, &listed)
    };
    // a host whose list timed out is listed apart from now on, until one of its lists ends
    // in time
    for &h in &timed_out {
        apart.mark(h);
    }
    let paces = listed
        .iter()
        .map(|&h| {
            let ok = !failures.iter().any(|(f, _)| *f == h);
            let n = sessions.iter().filter(|s| s.endpoint == h).count();
            let took = ctx.api.list_took(h).filter(|_| ok);
            (h, pacer.listed(h, tick.at, took, tick.interval, n))
        })
        .collect();
    let counts = ctx
        .api
        .on_every_host(|h| {
            if listed.contains(&h) || apart.has(h) {
                None
            } else {
                ctx.api.session_count(h).ok().flatten()
            }
        })
        .into_iter()
        .enumerate()
        .filter_map(|(h, n)| Some((h, n.ok().flatten()?)))
        .collect();
    // between lists, the detail's backend threads are read again all the same (the session
    // as last listed)
    if listed.is_empty()
        && let (Some(pool), Some(key)) = (backend, tick.detail.as_ref())
        && let Some(at) = last
            .iter()
            .position(|s| s.endpoint == key.0 && s.id == key.1)
    {
        let mut others = last.clone();
        let mut one = Fetched {
            items: vec![(others.swap_remove(at), None)],
            sources: Vec::new(),
            failures: Vec::new(),
        };
        backend_reply = Some(read_backend(ctx, pool, &mut one, &others, Some(key)));
    }
    // kept only while the backend is on
    if backend.is_some() {
        last.retain(|s| !listed.contains(&s.endpoint));
        last.extend(sessions.iter().cloned());
    } else {
        last.clear();
    }
    let failed: Vec<usize> = failures
        .iter()
        .map(|(h, _)| *h)
        .chain((0..ctx.hosts().len()).filter(|&h| apart.has(h)))
        .collect();
    let refresh = Refresh {
        started: started_at(ctx, &failed),
        sessions,
        failures,
        listed,
        counts,
        paces,
        time,
        took: started.elapsed(),
    };
    (refresh, backend_reply)
}

/// Reads the backend of the fetched sessions through `pool` (its connections kept for the
/// next refresh): their backend columns, and the threads of the detail's session. `others`
/// (the sessions of hosts not listed this time) can name blockers too.
fn read_backend(
    ctx: &Ctx,
    pool: &crate::api::sql::Pool,
    fetched: &mut Fetched,
    others: &[Session],
    detail: Option<&Key>,
) -> Reply {
    let wanted: Vec<Session> = fetched.items.iter().map(|(s, _)| s.clone()).collect();
    let mut sessions = wanted.clone();
    sessions.extend(others.iter().cloned());
    let backends = crate::commands::locks::read_with(pool, &sessions, &wanted);
    for (s, _) in &mut fetched.items {
        s.backend = Some(Box::new(crate::commands::locks::facts(ctx, &backends, s)));
    }
    let threads = detail.map(|key| {
        let threads = sessions
            .iter()
            .find(|s| s.endpoint == key.0 && s.id == key.1)
            .map(|s| crate::commands::locks::threads_of(&backends, s))
            .ok_or_else(|| "the session is not in the list".to_string());
        (key.clone(), threads)
    });
    let error = backends
        .failures
        .first()
        .map(|(_, _, f)| format!("backend: {}", f.message));
    Reply::Backend(threads, error)
}

/// The worker: one request at a time, in order, until the view goes away.
fn worker(
    ctx: &Ctx,
    rdns: &RdnsSettings,
    cache: &Arc<Mutex<rdns::Cache>>,
    max_load: f64,
    pool: Option<&crate::api::sql::Pool>,
    requests: &mpsc::Receiver<Request>,
    replies: &mpsc::Sender<Reply>,
) {
    let mut logged: LogRead = None;
    let mut pacer = Pacer::new(ctx.hosts().len(), max_load);
    let apart = Apart::default();
    // each host's last list while the backend is on: its sessions name the blockers of a
    // detail opened between refreshes
    let mut last: Vec<Session> = Vec::new();
    for request in requests {
        let reply = match request {
            Request::Refresh(tick) => {
                let (r, backend) = refresh(
                    ctx, rdns, cache, &mut pacer, &apart, replies, pool, &mut last, &tick,
                );
                let listed = r.listed.clone();
                let Tick {
                    detail, selected, ..
                } = tick;
                if replies.send(Reply::Refreshed(r)).is_err() {
                    return;
                }
                if let Some(reply) = backend
                    && replies.send(reply).is_err()
                {
                    return;
                }
                // the selected row of a host not listed this time is read by id (the detail
                // view reads its own); a host listed apart is not waited for here
                if let Some(key) = selected.filter(|k| {
                    !listed.contains(&k.0) && detail.as_ref() != Some(k) && !apart.has(k.0)
                }) {
                    let row = match ctx.api.session(key.0, &key.1, rdns.server()) {
                        Ok(Shown::Found(found)) => {
                            let mut session = found.session;
                            session.query_age = query_age(ctx, &session);
                            Some(Some(Box::new(session)))
                        }
                        Ok(Shown::Missing(_)) => Some(None),
                        Err(_) => None,
                    };
                    if let Some(row) = row
                        && replies.send(Reply::Row(key, row)).is_err()
                    {
                        return;
                    }
                }
                if let Some(key) = detail.filter(|k| !apart.has(k.0)) {
                    read_detail(ctx, rdns, &key, &mut logged, replies);
                }
                continue;
            }
            Request::Detail(key, backend) => {
                // the pane opened: its log is read again
                logged = None;
                read_detail(ctx, rdns, &key, &mut logged, replies);
                if let (true, Some(pool)) = (backend, pool) {
                    let mut known = Fetched {
                        items: last.iter().map(|s| (s.clone(), None)).collect(),
                        sources: Vec::new(),
                        failures: Vec::new(),
                    };
                    let reply = read_backend(ctx, pool, &mut known, &[], Some(&key));
                    if replies.send(reply).is_err() {
                        return;
                    }
                }
                continue;
            }
            Request::Act(action, session) => {
                let result = crate::commands::act::on_chosen(ctx, &action, &session);
                let (line, failed) =
                    crate::output::actions::outcome_line(&action, &result, ctx.labels());
                Reply::Acted(line, failed)
            }
        };
        if replies.send(reply).is_err() {
            return;
        }
    }
}

/// Raw mode turns Ctrl-C into a key; a signal sent from outside (kill, a closed terminal) must
/// also end the loop, so that the screen is restored on the way out.
fn quit_on_signals() -> anyhow::Result<Arc<AtomicBool>> {
    let signalled = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&signalled))
            .context("setting up signal handling")?;
    }
    Ok(signalled)
}

/// The interactive view.
fn live(ctx: &Ctx, plan: &plan::Watch, cache: rdns::Cache) -> anyhow::Result<Option<ExitKind>> {
    let mut state = State::new(Start {
        labels: ctx.labels().to_vec(),
        columns: plan.list.columns.clone(),
        selection: plan.list.selection.clone(),
        interval: plan.interval,
    });
    // the backend's SQL connections, kept across refreshes and closed on the way out
    let pool = match ctx.sql {
        Some(_) => Some(crate::commands::locks::pool(ctx)?),
        None => None,
    };
    state.sql = pool.is_some();
    let color = ctx.options.palette.enabled;
    let signalled = quit_on_signals()?;
    let cache = Arc::new(Mutex::new(cache));
    let (request_tx, request_rx) = mpsc::channel::<Request>();
    let (reply_tx, reply_rx) = mpsc::channel::<Reply>();
    // The worker owns copies of what it needs and is left behind on quit: a request in flight
    // (up to --timeout) never delays leaving.
    {
        let quiet = ctx.quiet();
        let rdns = plan.list.rdns.clone();
        let cache = Arc::clone(&cache);
        let max_load = plan.max_load;
        let pool = pool.clone();
        std::thread::Builder::new()
            .name("mxs-fetch".into())
            .spawn(move || {
                worker(
                    &quiet,
                    &rdns,
                    &cache,
                    max_load,
                    pool.as_ref(),
                    &request_rx,
                    &reply_tx,
                );
            })
            .context("starting the fetching thread")?;
    }
    let mut screen = Screen::enter().context("setting up the terminal")?;
    let result = run_view(
        &mut screen,
        &mut state,
        plan,
        color,
        &signalled,
        &request_tx,
        &reply_rx,
    );
    drop(screen);
    if let Some(pool) = &pool {
        // a query in flight is cancelled first; what cannot be closed is said
        for f in pool.close() {
            ctx.diag.error(&anyhow::Error::new(f));
        }
    }
    // A terminal that went away (hung up) fails the next read or draw: nobody is left to tell,
    // so the view ends as after SIGHUP. An error on a terminal that is still there is reported.
    let result = match result {
        Err(_) if !std::io::stdout().is_terminal() => Ok(None),
        r => r,
    };
    // as the last refresh left it (one in flight holds no lock)
    if let Ok(cache) = cache.lock() {
        cache.save();
    }
    result
}

fn run_view(
    screen: &mut Screen,
    state: &mut State,
    plan: &plan::Watch,
    color: bool,
    signalled: &AtomicBool,
    requests: &mpsc::Sender<Request>,
    replies: &mpsc::Receiver<Reply>,
) -> anyhow::Result<Option<ExitKind>> {
    // crossterm starts listening for SIGWINCH at the first poll: poll once before the first
    // frame, or a resize right after it goes unnoticed.
    let _ = event::poll(Duration::ZERO);
    let gone = || anyhow::anyhow!("internal error: the fetching thread stopped");
    let mut in_flight = false;
    let mut started = Instant::now();
    let mut due = Instant::now();
    let mut dirty = true;
    // the next refresh lists every host, whatever its pace: after an action, and when the
    // backend columns are turned on
    let mut list_all = false;
    // warned of once, on the bottom line
    let mut server_rdns = plan.list.rdns.server();
    loop {
        // A closed terminal does not always send SIGHUP (no controlling terminal, a dropped
        // connection under setsid): its reads then return at once with nothing, and crossterm
        // reports no event, so without this check the loop would spin. A hung-up terminal
        // answers no terminal ioctl, so the view's own output stops being one.
        if signalled.load(Ordering::Relaxed) || !std::io::stdout().is_terminal() {
            return Ok(None);
        }
        if !state.paused && !in_flight && Instant::now() >= due {
            started = Instant::now();
            requests
                .send(Request::Refresh(Tick {
                    want_query: state.wants_query(),
                    detail: state.detail_key().cloned(),
                    selected: state.selected.clone(),
                    interval: state.interval,
                    all: std::mem::take(&mut list_all),
                    at: started,
                    backend: state.backend,
                }))
                .map_err(|_| gone())?;
            in_flight = true;
        }
        while let Ok(reply) = replies.try_recv() {
            dirty = true;
            match reply {
                Reply::Refreshed(r) => {
                    // the live view's stderr is its screen: the warning goes on its bottom line
                    if server_rdns && let Some(text) = server_rdns_warning(r.sessions.len()) {
                        server_rdns = false;
                        state.acted(text, true);
                    }
                    state.apply(r);
                    in_flight = false;
                    due = started + state.interval;
                }
                Reply::Apart(r) => state.apply_apart(r),
                Reply::Row(key, session) => state.apply_by_id(&key, session.map(|s| *s)),
                Reply::Detail(key, doc) => state.apply_detail(&key, doc),
                Reply::DetailLog(key, log) => state.apply_detail_log(&key, log),
                Reply::Backend(threads, error) => {
                    if let Some((key, threads)) = threads {
                        state.apply_detail_backend(&key, threads);
                    }
                    if let Some(e) = error {
                        state.acted(e, true);
                    }
                }
                Reply::Acted(line, failed) => {
                    state.acted(line, failed);
                    // show the result of the action at once
                    due = Instant::now();
                    list_all = true;
                }
            }
        }
        if dirty {
            let now = crate::text::time::now_unix();
            let mut viewport = state.viewport;
            screen
                .draw(|f| viewport = view::draw(f, state, color, now))
                .context("drawing the view")?;
            state.set_viewport(viewport);
            dirty = false;
        }
        if state.refreshes > 0 && term::TEST_PANIC.load(Ordering::Relaxed) {
            panic!("MXS_TEST_PANIC_LIVE is set");
        }
        if plan.count.is_some_and(|c| state.refreshes >= c) {
            return Ok(None);
        }
        let wait = if in_flight {
            Duration::from_millis(25)
        } else {
            due.saturating_duration_since(Instant::now())
                .clamp(Duration::from_millis(5), Duration::from_millis(250))
        };
        if !event::poll(wait).context("reading the terminal")? {
            continue;
        }
        let ev = event::read().context("reading the terminal")?;
        dirty = true;
        let Some(input) = term::input(&ev) else {
            continue;
        };
        match state.key(input) {
            Effect::None => {}
            Effect::Quit => return Ok(None),
            Effect::Detail(key) => requests
                .send(Request::Detail(key, state.backend))
                .map_err(|_| gone())?,
            Effect::Act(act, session) => {
                requests
                    .send(Request::Act(act, session))
                    .map_err(|_| gone())?;
            }
            Effect::Interval => {
                if !in_flight {
                    due = started + state.interval;
                }
            }
            Effect::Refresh => {
                due = Instant::now();
                list_all = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_spaced_by_their_cost() {
        let ms = Duration::from_millis;
        let two = Duration::from_secs(2);
        // 0.6 s a list at 5%: every 12.6 s (the list, then 12 s); 10 ms: every interval; 100%:
        // every interval
        assert_eq!(spacing(ms(600), two, 0.05), ms(12_600));
        assert_eq!(spacing(ms(10), two, 0.05), two);
        assert_eq!(spacing(ms(3000), two, 1.0), two);
        let t0 = Instant::now();
        let mut p = Pacer::new(2, 0.05);
        assert_eq!(p.due(t0, false), [0, 1], "never listed: both");
        let pace = p.listed(0, t0, Some(ms(600)), two, 10_004);
        assert_eq!(
            pace,
            Some(Pace {
                every: ms(12_600),
                took: ms(600),
                sessions: 10_004
            })
        );
        assert_eq!(p.listed(1, t0, Some(ms(10)), two, 5), None);
        assert_eq!(p.due(t0 + two, false), [1]);
        assert_eq!(p.due(t0 + Duration::from_secs(12), false), [1]);
        assert_eq!(p.due(t0 + ms(12_600), false), [0, 1]);
        assert_eq!(p.due(t0 + ms(1), true), [0, 1], "after an action: all");
        // a failed list is tried again at the next interval
        assert_eq!(p.listed(0, t0, None, two, 0), None);
        assert_eq!(p.due(t0 + two, false), [0, 1]);
    }
}
