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
use crate::commands::sessions::{Fetched, fetch_sessions, rdns_cache};
use crate::error::ExitKind;
use crate::output::list::View;
use crate::output::watch as render;
use crate::plan::{self, RdnsSettings};
use crate::rdns;
use crate::select::Selection;
use crate::text::sanitize;
use crate::text::time::Stamp;
use crate::tui::state::{DetailBackend, DetailLog, Document, Effect, Key, Refresh, Start, State};
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

/// On a pipe: one snapshot per interval.
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
        std::thread::sleep(plan.interval.saturating_sub(started.elapsed()));
    }
}

/// What the view asks the worker for.
enum Request {
    Refresh {
        want_query: bool,
        detail: Option<Key>,
        /// Read the backend too (`b`).
        backend: bool,
    },
    /// Open the detail of a session (and read its backend threads when the backend is on).
    Detail(Key, bool),
    Act(Action, Box<Session>),
}

/// What the worker hands back.
enum Reply {
    Refreshed(Refresh),
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
        Ok(Shown::Found(found)) => (
            match serde_json::from_slice(&found.resource) {
                Ok(value) => Document::Found {
                    value,
                    remote_name: None,
                    time: Stamp::now(),
                },
                Err(e) => Document::Failed(sanitize::line(&e.to_string()).into_owned()),
            },
            Some(crate::commands::log::connected(ctx, &found.session)),
        ),
        Ok(Shown::Missing(_)) => (Document::Gone, Some(crate::text::time::now_unix() - 3600)),
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

/// Reads the backend of every session through `pool` (its connections kept for the next
/// refresh): the backend columns of the sessions, and the threads of the detail's session.
fn read_backend(
    ctx: &Ctx,
    pool: &crate::api::sql::Pool,
    fetched: &mut Fetched,
    detail: Option<&Key>,
) -> Reply {
    let sessions: Vec<Session> = fetched.items.iter().map(|(s, _)| s.clone()).collect();
    let backends = crate::commands::locks::read_with(pool, &sessions, &sessions);
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
    cache: &Mutex<rdns::Cache>,
    pool: Option<&crate::api::sql::Pool>,
    requests: &mpsc::Receiver<Request>,
    replies: &mpsc::Sender<Reply>,
) {
    let mut logged: LogRead = None;
    // the last list, whose sessions name the blockers of a detail opened between refreshes
    let mut sessions: Vec<Session> = Vec::new();
    for request in requests {
        let reply = match request {
            Request::Refresh {
                want_query,
                detail,
                backend,
            } => {
                let time = Stamp::now();
                let started = Instant::now();
                let fetched = match cache.lock() {
                    Ok(mut cache) => fetch_sessions(
                        ctx,
                        rdns,
                        &mut cache,
                        &Selection::default(),
                        false,
                        want_query,
                    ),
                    Err(_) => Err(anyhow::anyhow!("internal error: lock poisoned")),
                };
                let mut backend_reply = None;
                let fetched = match (fetched, pool) {
                    (Ok(mut f), Some(pool)) if backend => {
                        backend_reply = Some(read_backend(ctx, pool, &mut f, detail.as_ref()));
                        Ok(f)
                    }
                    (other, _) => other,
                };
                let took = started.elapsed();
                let refresh = match fetched {
                    Ok(f) => Refresh {
                        sessions: {
                            let list: Vec<Session> = f.items.into_iter().map(|(s, _)| s).collect();
                            // kept only while the backend is on
                            sessions = if backend && pool.is_some() {
                                list.clone()
                            } else {
                                Vec::new()
                            };
                            list
                        },
                        failures: f
                            .failures
                            .into_iter()
                            .map(|(h, e)| (h, format!("{e:#}")))
                            .collect(),
                        time,
                        took,
                    },
                    // resolving names failed as a whole: every host counts as failed
                    Err(e) => Refresh {
                        sessions: Vec::new(),
                        failures: (0..ctx.hosts().len())
                            .map(|h| (h, format!("{e:#}")))
                            .collect(),
                        time,
                        took,
                    },
                };
                if replies.send(Reply::Refreshed(refresh)).is_err() {
                    return;
                }
                if let Some(reply) = backend_reply
                    && replies.send(reply).is_err()
                {
                    return;
                }
                if let Some(key) = detail {
                    read_detail(ctx, rdns, &key, &mut logged, replies);
                }
                continue;
            }
            Request::Detail(key, backend) => {
                // the pane opened: its log is read again
                logged = None;
                read_detail(ctx, rdns, &key, &mut logged, replies);
                if let (true, Some(pool)) = (backend, pool) {
                    let mut last = Fetched {
                        items: sessions.iter().map(|s| (s.clone(), None)).collect(),
                        sources: Vec::new(),
                        failures: Vec::new(),
                    };
                    let reply = read_backend(ctx, pool, &mut last, Some(&key));
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
        let pool = pool.clone();
        std::thread::Builder::new()
            .name("mxs-fetch".into())
            .spawn(move || {
                worker(&quiet, &rdns, &cache, pool.as_ref(), &request_rx, &reply_tx);
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
    // the cache is saved unless a refresh holds it (an optimisation, not worth a wait)
    if let Ok(cache) = cache.try_lock() {
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
                .send(Request::Refresh {
                    want_query: state.wants_query(),
                    detail: state.detail_key().cloned(),
                    backend: state.backend,
                })
                .map_err(|_| gone())?;
            in_flight = true;
        }
        while let Ok(reply) = replies.try_recv() {
            dirty = true;
            match reply {
                Reply::Refreshed(r) => {
                    state.apply(r);
                    in_flight = false;
                    due = started + state.interval;
                }
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
            Effect::Refresh => due = Instant::now(),
        }
    }
}
