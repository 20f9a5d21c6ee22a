//! Reading the backend servers through MaxScale's SQL API (`show --backend`, `sessions
//! locks`): one SQL connection per (host, server) that the sessions use, read in parallel,
//! closed before the command goes on (and on Ctrl-C, SIGTERM or a closed terminal meanwhile).

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

use anyhow::Context;

use crate::api::backend;
use crate::api::model::{BackendFacts, Session};
use crate::api::sql::Pool;
use crate::commands::Ctx;
use crate::commands::sessions::{fetch_sessions, rdns_cache};
use crate::error::{ExitKind, Failure};
use crate::locks::Graph;
use crate::output::locks::{self as render, BackendThread};
use crate::plan::{self, RdnsSettings};
use crate::select::Selection;
use crate::text::sanitize;

/// The SQL API's `timeout` of each connection and query: MaxScale's default, which is also
/// the connection's read timeout.
pub const SQL_TIMEOUT: Duration = Duration::from_secs(10);

/// What the backend servers said, joined to the sessions, and the (host, server) pairs that
/// could not be read.
pub struct Backends {
    pub graph: Graph,
    pub failures: Vec<(usize, String, Failure)>,
}

/// Reads the (host, server) pairs that the `wanted` sessions use (with none, those every one
/// of `sessions` uses), asking for the wanted sessions' threads besides the waits; the
/// connections are closed before it returns. `sessions` name the threads.
pub fn read(ctx: &Ctx, sessions: &[Session], wanted: &[Session]) -> anyhow::Result<Backends> {
    let pool = pool(ctx)?;
    pool.close_on_signals()?;
    let backends = ctx
        .diag
        .while_running("reading the backend servers", String::new, || {
            read_with(&pool, sessions, wanted)
        });
    for f in pool.close() {
        ctx.diag.error(&anyhow::Error::new(f));
    }
    Ok(backends)
}

/// The command's SQL connections (none open yet).
pub fn pool(ctx: &Ctx) -> anyhow::Result<Pool> {
    let credentials = ctx
        .sql
        .clone()
        .ok_or_else(|| Failure::internal("no database credentials"))?;
    Ok(Pool::new(ctx.api.clone(), credentials, SQL_TIMEOUT))
}

/// [`read`] through `pool`, whose connections stay open for the next read (the live view's
/// refreshes); its owner closes them.
#[must_use]
pub fn read_with(pool: &Pool, sessions: &[Session], wanted: &[Session]) -> Backends {
    let mut pairs: BTreeMap<(usize, String), Vec<u64>> = BTreeMap::new();
    if wanted.is_empty() {
        for s in sessions {
            for (server, _) in s.conn_ids() {
                pairs.entry((s.endpoint, server.to_string())).or_default();
            }
        }
    }
    for s in wanted {
        for (server, thread) in s.conn_ids() {
            pairs
                .entry((s.endpoint, server.to_string()))
                .or_default()
                .push(thread);
        }
    }
    let reads: Vec<((usize, String), Result<backend::Server, Failure>)> = std::thread::scope(|s| {
        let handles: Vec<_> = pairs
            .iter()
            .map(|((host, server), threads)| {
                s.spawn(move || backend::read(pool, *host, server, threads))
            })
            .collect();
        pairs
            .keys()
            .cloned()
            .zip(handles)
            .map(|(k, h)| {
                let r = h
                    .join()
                    .unwrap_or_else(|_| Err(Failure::internal("a reader panicked")));
                (k, r)
            })
            .collect()
    });
    let mut failures = Vec::new();
    let mut servers = Vec::new();
    for ((host, server), r) in reads {
        match r {
            Ok(s) => servers.push(s),
            Err(f) => failures.push((host, server, f)),
        }
    }
    Backends {
        graph: Graph::new(servers, sessions),
        failures,
    }
}

impl Backends {
    /// Prints each failure on stderr (once: a host's version is the same for its servers);
    /// the exit kind of the first.
    pub fn report(&self, ctx: &Ctx) -> Option<ExitKind> {
        let mut first = None;
        let mut said: Vec<&str> = Vec::new();
        for (_, _, f) in &self.failures {
            first.get_or_insert(f.kind());
            if said.contains(&f.message.as_str()) {
                continue;
            }
            said.push(&f.message);
            let copy = Failure {
                cause: f.cause,
                message: f.message.clone(),
                hint: f.hint.clone(),
                detail: f.detail.clone(),
                status: f.status,
            };
            ctx.diag.error(&anyhow::Error::new(copy));
        }
        first
    }

    /// Why `server` of `host` has no rows, if it could not be read.
    #[must_use]
    pub fn failure(&self, host: usize, server: &str) -> Option<&Failure> {
        self.failures
            .iter()
            .find(|(h, s, _)| *h == host && s == server)
            .map(|(_, _, f)| f)
    }
}

/// A session's backend threads as `show --backend` and the live view's detail show them: each
/// connection's thread, what it waits for, and what its server could not say.
#[must_use]
pub fn threads_of(backends: &Backends, s: &Session) -> Vec<BackendThread> {
    s.conn_ids()
        .map(|(server, thread)| {
            let mut notes = Vec::new();
            if let Some(f) = backends.failure(s.endpoint, server) {
                notes.push(f.message.clone());
            }
            let (party, waiting) = match backends.graph.thread(s.endpoint, server, thread) {
                Some((p, w)) => (Some(p), w),
                None => (None, Vec::new()),
            };
            if let Some(srv) = backends.graph.server(s.endpoint, server) {
                notes.extend(srv.notes.iter().cloned());
                if srv.waits_for_metadata(thread) {
                    notes.extend(srv.metadata.iter().cloned());
                }
            }
            BackendThread {
                server: server.to_string(),
                thread,
                party,
                waiting,
                notes,
            }
        })
        .collect()
}

/// What `list --backend` shows of a session: the longest state and transaction over its
/// backend threads, and who blocks them.
#[must_use]
pub fn facts(ctx: &Ctx, backends: &Backends, s: &Session) -> BackendFacts {
    let labels = ctx.labels();
    let mut f = BackendFacts::default();
    let mut time: Option<i64> = None;
    let mut trx_age: Option<i64> = None;
    for (server, thread) in s.conn_ids() {
        let Some((party, waiting)) = backends.graph.thread(s.endpoint, server, thread) else {
            continue;
        };
        if let Some(info) = &party.info
            && info.time >= time
        {
            time = info.time;
            f.state = info
                .state
                .clone()
                .filter(|st| !st.is_empty())
                .or_else(|| info.command.clone());
        }
        trx_age = trx_age.max(party.trx.as_ref().and_then(|t| t.age));
        for w in &waiting {
            for b in &w.blockers {
                let name = match &b.owner {
                    Some(o) => {
                        crate::output::list::id_text(&o.id, o.host, labels, labels.len() > 1)
                    }
                    None => format!("thread:{}", b.thread),
                };
                if !f.blocked_by.contains(&name) {
                    f.blocked_by.push(name);
                }
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    {
        f.time = time.map(|t| t as f64);
        f.trx_age = trx_age.map(|t| t as f64);
    }
    f.json = serde_json::json!({
        "blocked_by": f.blocked_by,
        "backend_state": f.state,
        "backend_time": time,
        "trx_age": trx_age,
    });
    f
}

/// `sessions locks`.
pub fn run(ctx: &Ctx, plan: &plan::Locks) -> anyhow::Result<Option<ExitKind>> {
    let rdns = RdnsSettings::off();
    let mut cache = rdns_cache(ctx, &rdns);
    let fetched = fetch_sessions(ctx, &rdns, &mut cache, &Selection::default(), false, false)?;
    let sessions: Vec<Session> = fetched.items.into_iter().map(|(s, _)| s).collect();
    let host_failed = ctx.report_failures(fetched.failures)?;
    let backends = read(ctx, &sessions, &[])?;
    let labels = ctx.labels();
    let keep = |owner: Option<&crate::locks::Owner>| {
        plan.selection.conditions.is_empty()
            || owner.is_some_and(|o| {
                sessions
                    .iter()
                    .find(|s| s.endpoint == o.host && s.id == o.id)
                    .is_some_and(|s| plan.selection.keep(s, labels))
            })
    };
    let mut blocked = backends.graph.blocked();
    let view = if plan.blockers {
        let mut roots = Graph::roots_of(&blocked);
        roots.retain(|r| keep(r.party.owner.as_ref()));
        render::View::Roots(roots)
    } else {
        blocked.retain(|b| keep(b.waiter.owner.as_ref()));
        render::View::Blocked(blocked)
    };
    let notes: Vec<String> = backends
        .graph
        .servers
        .iter()
        .flat_map(|s| {
            s.notes.iter().chain(&s.metadata).map(move |n| {
                format!(
                    "{} on {}: {n}",
                    sanitize::line(&s.name),
                    ctx.hosts().label(s.host)
                )
            })
        })
        .collect();
    // "no lock waits" only when every server could be read
    let nothing_read = view.is_empty() && !backends.failures.is_empty();
    if !(nothing_read && ctx.options.format == crate::output::Format::Table) {
        let mut out = ctx.stdout();
        render::write(&mut out, &ctx.options, labels, &view, &notes)?;
        out.flush().context("writing the output")?;
    }
    if ctx.options.format == crate::output::Format::Ids {
        for p in view.parties().filter(|p| p.owner.is_none()) {
            ctx.diag.note(&format!(
                "thread {} on {} is not a session of these MaxScales: it is not listed",
                p.thread,
                sanitize::line(&p.server)
            ));
        }
    }
    for n in &notes {
        ctx.diag.note(n);
    }
    // Killing a session through MaxScale closes its backend connection, but a server notices
    // that only when the running statement ends: until then its thread, no session's any
    // more, keeps its locks (seen on MariaDB 10.11 behind MaxScale 24.02.4).
    if let Some(p) = view.parties().find(|p| p.owner.is_none()) {
        ctx.diag.note(&format!(
            "a blocker that is no session of these MaxScales is another client's thread, or one \
             whose session was killed while its statement ran: the server ends it with its \
             statement (KILL {} on {} ends it now)",
            p.thread,
            sanitize::line(&p.server)
        ));
    }
    let failed = backends.report(ctx);
    Ok(host_failed.or(failed))
}
