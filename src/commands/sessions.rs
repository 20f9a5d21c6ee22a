//! `sessions list` and `sessions show`: fetch from every host, resolve names, select, and hand
//! the result to the renderer of the chosen format.

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use anyhow::Context as _;

use crate::api::fetch::{self, HostOutcome};
use crate::api::maxscale as api;
use crate::api::model::{Depth, Session};
use crate::api::walk::Index;
use crate::commands::{Ctx, name_sessions, resolve_names};
use crate::error::{Cause, ExitKind, Failure};
use crate::hosts::IdRef;
use crate::output::json::Source;
use crate::output::list::{self, Item, Stream, View};
use crate::output::show;
use crate::output::table::{Rows, cell_text};
use crate::plan::{self, RdnsSettings};
use crate::rdns;
use crate::select::Selection;
use crate::text::sanitize;

/// Failures by endpoint index.
pub type HostFailures = Vec<(usize, anyhow::Error)>;

/// Sessions fetched from every host, with raw bytes when JSON output needs them.
pub struct Fetched {
    pub items: Vec<Item>,
    pub sources: Vec<Source>,
    pub failures: HostFailures,
}

impl Fetched {
    /// The failures, for a one-shot command that has printed the sessions and is about to
    /// exit: the sessions are left for the exit to release. Freeing 100,000 of them an
    /// allocation at a time took a tenth of a second at the end of a one-second list, on the
    /// one thread still running, for memory the process hands back anyway.
    fn failures_at_exit(self) -> HostFailures {
        std::mem::forget(self.items);
        self.failures
    }
}

/// `GET` the list from every host, showing how much has come on stderr meanwhile: each session
/// parsed to `depth` and passed to `prepare` on the parsing threads, each batch to `commit` in
/// order ([`fetch::list`]). `streams`: the commit writes to stdout as the batches come; on a
/// terminal that output is its own progress, and a progress line on the same terminal would
/// cut into it, so none is shown.
fn receive<P: Send>(
    ctx: &Ctx,
    rdns: &RdnsSettings,
    depth: Depth,
    streams: bool,
    prepare: impl Fn(Session, &[u8], &mut Vec<u8>) -> anyhow::Result<P> + Sync,
    commit: impl Fn(Vec<P>, &[u8]) -> anyhow::Result<()> + Sync,
) -> Vec<HostOutcome> {
    let status = || crate::text::units::format_bytes(ctx.api.received());
    let server_rdns = rdns.server();
    let seen = AtomicUsize::new(0);
    let prepare = |s: Session, bytes: &[u8], out: &mut Vec<u8>| {
        if server_rdns {
            seen.fetch_add(1, Ordering::Relaxed);
        }
        prepare(s, bytes, out)
    };
    let (prepare, commit) = (&prepare, &commit);
    let fetch = || ctx.api.list(server_rdns, depth, prepare, commit);
    let outcomes = if streams && ctx.terminal.stdout {
        fetch()
    } else {
        ctx.diag.while_running("receiving sessions", status, fetch)
    };
    warn_of_server_rdns(ctx, seen.into_inner());
    outcomes
}

/// Past this many sessions, `--rdns=server` is warned of.
const SERVER_RDNS_WARN: usize = 300;

/// `--rdns=server` on a list of more than a few hundred sessions: MaxScale resolves every
/// session's address on its routing threads, blocking, before any filter, and 24.02 keeps no
/// cache (MXS-4148: routing stalls). What to say of a list of `sessions`, if anything.
#[must_use]
pub fn server_rdns_warning(sessions: usize) -> Option<String> {
    (sessions > SERVER_RDNS_WARN).then(|| format!(
        "--rdns=server: MaxScale looked up the names of {sessions} sessions on its routing threads, one blocking lookup at a time, while those threads routed nothing; --rdns resolves them here instead, in parallel, with deadlines and a cache"
    ))
}

/// [`server_rdns_warning`], said once per process on stderr.
fn warn_of_server_rdns(ctx: &Ctx, sessions: usize) {
    static WARNED: AtomicBool = AtomicBool::new(false);
    if let Some(text) = server_rdns_warning(sessions)
        && !WARNED.swap(true, Ordering::Relaxed)
    {
        ctx.diag.warning(&text);
    }
}

/// Fetches, resolves names (client side) and selects.
pub fn fetch_sessions(
    ctx: &Ctx,
    rdns: &RdnsSettings,
    cache: &mut rdns::Cache,
    selection: &Selection,
    keep_bytes: bool,
    want_query: bool,
) -> anyhow::Result<Fetched> {
    let collected = Mutex::new(Vec::new());
    let depth = if want_query || selection.needs_queries() {
        Depth::WithQuery
    } else {
        Depth::List
    };
    let outcomes = receive(
        ctx,
        rdns,
        depth,
        false,
        |s, bytes, _| {
            let raw = if keep_bytes {
                crate::api::json::validate(bytes)?;
                Some(bytes.to_vec())
            } else {
                None
            };
            Ok((s, raw))
        },
        |batch, _| {
            collected
                .lock()
                .map_err(|_| Failure::internal("lock poisoned"))?
                .extend(batch);
            Ok(())
        },
    );
    let mut items = collected.into_inner().unwrap_or_default();
    if depth == Depth::WithQuery {
        for (s, _) in &mut items {
            s.query_age = query_age(ctx, s);
        }
    }
    let (sources, failures) = split_outcomes(ctx, outcomes);
    if rdns.client() {
        name_sessions(ctx, rdns, cache, &mut items)?;
    }
    selection.apply(&mut items, ctx.labels(), |(s, _)| s);
    Ok(Fetched {
        items,
        sources,
        failures,
    })
}

/// How long the session's running statement has run, in whole seconds (the server's clock,
/// the `Date` header, reads to the second).
#[must_use]
pub fn query_age(ctx: &Ctx, s: &Session) -> Option<f64> {
    running_times(ctx, s).map(|(received, now)| {
        #[allow(clippy::cast_precision_loss)]
        let age = ((now - received).max(0) / 1000) as f64;
        age
    })
}

/// When the session's running statement was received and the server's time of the list it
/// came in, both in Unix milliseconds: `received` is the server's local time, read with
/// `--server-utc-offset`; the server's time is the `Date` header of its last list response
/// (this machine's clock when it sent none).
#[must_use]
pub fn running_times(ctx: &Ctx, s: &Session) -> Option<(i64, i64)> {
    let received = s.running.as_ref()?.received.as_deref()?;
    let local = crate::text::time::query_millis(received)?;
    let utc = local - ctx.utc_offset * 1000;
    let now = ctx
        .api
        .list_time(s.endpoint)
        .map_or_else(crate::text::time::now_millis, |t| t.saturating_mul(1000));
    Some((utc, now))
}

fn split_outcomes(ctx: &Ctx, outcomes: Vec<HostOutcome>) -> (Vec<Source>, HostFailures) {
    let mut sources = Vec::new();
    let mut failures = Vec::new();
    for o in outcomes {
        match o.result {
            Ok(m) => sources.push((ctx.hosts().label(o.endpoint).to_string(), m)),
            Err(e) => failures.push((o.endpoint, e)),
        }
    }
    (sources, failures)
}

/// `sessions list`.
pub fn list(ctx: &Ctx, plan: &plan::List) -> anyhow::Result<Option<ExitKind>> {
    let json = ctx.options.format.is_json();
    let straight = plan.selection.is_identity() && !plan.rdns.client() && !plan.backend;
    if json && straight {
        return list_json_streaming(ctx, &plan.rdns);
    }
    if ctx.options.format == crate::output::Format::Tsv && straight {
        return list_tsv_rows(ctx, &plan.rdns);
    }
    if ctx.options.format == crate::output::Format::Table
        && straight
        && !plan.columns.iter().any(|c| c.needs_queries())
    {
        return list_table_rows(ctx, plan);
    }
    let mut cache = rdns_cache(ctx, &plan.rdns);
    let everything = Selection::default();
    let mut fetched = fetch_sessions(
        ctx,
        &plan.rdns,
        &mut cache,
        // the backend columns are known once the backend is read
        if plan.backend {
            &everything
        } else {
            &plan.selection
        },
        json,
        plan.columns.iter().any(|c| c.needs_queries()),
    )?;
    cache.save();
    let mut backend_failed = None;
    if plan.backend {
        let sessions: Vec<Session> = fetched.items.iter().map(|(s, _)| s.clone()).collect();
        let backends = crate::commands::locks::read(ctx, &sessions, &sessions)?;
        for (s, _) in &mut fetched.items {
            s.backend = Some(Box::new(crate::commands::locks::facts(ctx, &backends, s)));
        }
        backend_failed = backends.report(ctx);
        plan.selection
            .apply(&mut fetched.items, ctx.labels(), |(s, _)| s);
    }
    let mut out = ctx.stdout();
    let view = View {
        items: &fetched.items,
        sources: &fetched.sources,
        labels: ctx.labels(),
        columns: &plan.columns,
        client_rdns: plan.rdns.client(),
    };
    list::write(&mut out, &ctx.options, &view)?;
    out.flush().context("writing the output")?;
    if fetched.items.is_empty()
        && fetched.failures.is_empty()
        && ctx.options.format == crate::output::Format::Table
    {
        ctx.diag.note("no sessions");
    }
    Ok(ctx
        .report_failures(fetched.failures_at_exit())?
        .or(backend_failed))
}

/// The reverse-DNS cache a command uses: loaded for client-side lookups, else disabled.
pub fn rdns_cache(ctx: &Ctx, rdns: &RdnsSettings) -> rdns::Cache {
    match (rdns.client(), &rdns.cache_file) {
        (true, Some(path)) => {
            let (cache, warning) = rdns::Cache::load(path);
            if let Some(w) = warning {
                ctx.diag.warning(&w);
            }
            cache
        }
        _ => rdns::Cache::disabled(),
    }
}

/// JSON straight through: each batch of resources is rendered where it is parsed and written as
/// soon as its turn comes, whatever host it came from, so memory stays at a few batches per
/// host. A batch's output (a few hundred KiB) is written as it is, not copied into a buffer.
/// With `--jq` the filter needs the whole document: its sink keeps it (the bytes, then the
/// parsed value) until the document's line ends.
fn list_json_streaming(ctx: &Ctx, rdns: &RdnsSettings) -> anyhow::Result<Option<ExitKind>> {
    let options = ctx.options;
    let mut out = ctx.stdout_with(16 * 1024);
    let sink = Mutex::new(Stream::start(
        &mut out as &mut (dyn Write + Send),
        &options,
    )?);
    let outcomes = receive(
        ctx,
        rdns,
        Depth::Unchecked,
        true,
        // Rendering validates the bytes (UTF-8 and grammar) as it copies them, and notes the
        // session's shape; when it fails or the shape is in doubt, the session model reads
        // the shape, and its error, when it has one, is the one reported (as when it read
        // every session first).
        |s, bytes, out| {
            let meta = list::meta(&s, ctx.labels(), false);
            match Stream::<Vec<u8>>::render_into(out, bytes, &meta, &options) {
                Ok(copied) if copied.session => Ok(()),
                other => {
                    Session::parse_for_list(bytes, Index::NONE, s.endpoint, Depth::Shape)?;
                    other.map(drop)
                }
            }
        },
        |batch, rendered| {
            sink.lock()
                .map_err(|_| Failure::internal("lock poisoned"))?
                .push_batch(rendered, batch.len())?;
            Ok(())
        },
    );
    let (sources, failures) = split_outcomes(ctx, outcomes);
    if let Ok(stream) = sink.into_inner() {
        stream.finish(&sources)?;
    }
    out.flush().context("writing the output")?;
    ctx.report_failures(failures)
}

/// A list kept as text: each session rendered where it is parsed (on the parsing threads,
/// while it is in cache) into a row of text, and the rows in the default order of every list
/// (`select::by_id`). A row is a hundred bytes or two instead of the session itself (a few
/// hundred bytes and a dozen allocations), and the rows are read back from one buffer.
struct TextRows {
    rows: Vec<TextRow>,
    /// Every row's id and rendering, checked as UTF-8 once, when it came.
    text: String,
    /// Indexes into `rows`, in order.
    order: Vec<usize>,
}

/// A row of [`TextRows`]: its sort key, and where its id and its rendering are in the text.
struct TextRow {
    number: u64,
    endpoint: usize,
    id: std::ops::Range<usize>,
    rendered: std::ops::Range<usize>,
}

impl TextRows {
    /// The renderings, in order.
    fn in_order(&self) -> impl Iterator<Item = &str> {
        self.order
            .iter()
            .map(|&k| &self.text[self.rows[k].rendered.clone()])
    }
}

/// Fetches the list with nothing selected or resolved client-side, rendering each session with
/// `render` into [`TextRows`].
fn fetch_text_rows(
    ctx: &Ctx,
    rdns: &RdnsSettings,
    render: impl Fn(&Session, &mut Vec<u8>) -> anyhow::Result<()> + Sync,
) -> (TextRows, Vec<HostOutcome>) {
    let rebase = |r: &std::ops::Range<usize>, by: usize| r.start + by..r.end + by;
    let collected = Mutex::new((Vec::<TextRow>::new(), String::new()));
    let outcomes = receive(
        ctx,
        rdns,
        Depth::List,
        false,
        |s, _, out| {
            let start = out.len();
            out.extend_from_slice(s.id.as_bytes());
            let id_end = out.len();
            render(&s, out)?;
            Ok(TextRow {
                number: s.id_number(),
                endpoint: s.endpoint,
                id: start..id_end,
                rendered: id_end..out.len(),
            })
        },
        |batch, out| {
            let mut c = collected
                .lock()
                .map_err(|_| Failure::internal("lock poisoned"))?;
            let (rows, text) = &mut *c;
            let base = text.len();
            // rendered from strings: a failure here is a bug, not the server's
            text.push_str(
                std::str::from_utf8(out)
                    .map_err(|_| Failure::internal("a rendered row is not UTF-8"))?,
            );
            rows.extend(batch.into_iter().map(|r| TextRow {
                id: rebase(&r.id, base),
                rendered: rebase(&r.rendered, base),
                ..r
            }));
            Ok(())
        },
    );
    let (rows, text) = collected.into_inner().unwrap_or_default();
    let mut order: Vec<(u64, usize)> = rows
        .iter()
        .enumerate()
        .map(|(k, r)| (r.number, k))
        .collect();
    order.sort_unstable_by(|&a, &b| {
        crate::select::by_id(a, b, |k| {
            (text[rows[k].id.clone()].as_bytes(), rows[k].endpoint)
        })
    });
    let order = order.into_iter().map(|(_, k)| k).collect();
    (TextRows { rows, text, order }, outcomes)
}

/// TSV with nothing selected or resolved client-side: lines kept as text ([`TextRows`]), the
/// same lines in the same order as [`list::write`] writes for the sessions.
fn list_tsv_rows(ctx: &Ctx, rdns: &RdnsSettings) -> anyhow::Result<Option<ExitKind>> {
    let (rows, outcomes) = fetch_text_rows(ctx, rdns, |s, out| {
        Ok(crate::output::tsv::write_row(out, s, ctx.labels())?)
    });
    let mut out = ctx.stdout();
    if ctx.options.header {
        crate::output::tsv::write_header(&mut out, false)?;
    }
    for line in rows.in_order() {
        out.write_all(line.as_bytes())?;
    }
    out.flush().context("writing the output")?;
    let (_, failures) = split_outcomes(ctx, outcomes);
    ctx.report_failures(failures)
}

/// The table with nothing selected or resolved client-side, and no column that needs the
/// statements: each row's cells kept as text ([`TextRows`]: the sanitized cells, each ended by
/// a NUL, which a sanitized cell never holds), laid out as [`list::write`] lays out the
/// sessions.
fn list_table_rows(ctx: &Ctx, plan: &plan::List) -> anyhow::Result<Option<ExitKind>> {
    let (rows, outcomes) = fetch_text_rows(ctx, &plan.rdns, |s, out| {
        for c in &plan.columns {
            out.extend_from_slice(cell_text(*c, s, ctx.labels()).as_bytes());
            out.push(0);
        }
        Ok(())
    });
    let mut out = ctx.stdout();
    list::table_of_rows(&mut out, &ctx.options, &plan.columns, ctx.labels(), &rows)?;
    out.flush().context("writing the output")?;
    let (_, failures) = split_outcomes(ctx, outcomes);
    if rows.rows.is_empty() && failures.is_empty() {
        ctx.diag.note("no sessions");
    }
    ctx.report_failures(failures)
}

impl Rows for TextRows {
    fn count(&self) -> usize {
        self.order.len()
    }

    fn cells(&self, r: usize, each: &mut dyn FnMut(usize, &str)) {
        let Some(row) = self.order.get(r).map(|&k| &self.rows[k]) else {
            return;
        };
        let cells = &self.text[row.rendered.clone()];
        // every cell ends in a NUL (one byte, never inside a character): found with memchr,
        // which does not depend on what the compiler inlines
        let mut start = 0;
        for (i, end) in memchr::memchr_iter(0, cells.as_bytes()).enumerate() {
            each(i, &cells[start..end]);
            start = end + 1;
        }
    }
}

/// What every host said about the ids asked for.
struct Lookup {
    found: Vec<fetch::Found>,
    failures: HostFailures,
    /// Ids no host has, with the servers' details.
    missing: Vec<(String, Vec<String>)>,
}

fn look_up(ctx: &Ctx, plan: &plan::Show) -> Lookup {
    let mut lookup = Lookup {
        found: Vec::new(),
        failures: Vec::new(),
        missing: Vec::new(),
    };
    for IdRef { id, endpoint } in &plan.ids {
        let results = match endpoint {
            Some(host) => vec![(*host, ctx.api.session(*host, id, plan.rdns.server()))],
            None => ctx.api.session_everywhere(id, plan.rdns.server()),
        };
        let before = lookup.found.len();
        let mut failed = false;
        let mut details = Vec::new();
        for (endpoint, r) in results {
            match r {
                Ok(fetch::Shown::Found(f)) => lookup.found.push(*f),
                Ok(fetch::Shown::Missing(detail)) => details.extend(detail),
                Err(e) => {
                    failed = true;
                    lookup.failures.push((endpoint, e));
                }
            }
        }
        if lookup.found.len() == before && !failed {
            details.dedup();
            lookup
                .missing
                .push((sanitize::line(id).into_owned(), details));
        }
    }
    lookup
}

/// Every session, for `show --all` (maxctrl's `show sessions`): the list, each resource with
/// the list document's other members (its `links`) as the document's.
fn look_up_all(ctx: &Ctx, plan: &plan::Show) -> anyhow::Result<Lookup> {
    let fetched = fetch_sessions(
        ctx,
        &plan.rdns.server_only(),
        &mut rdns::Cache::disabled(),
        &Selection::default(),
        true,
        true,
    )?;
    let found = fetched
        .items
        .into_iter()
        .map(|(session, raw)| {
            let members = fetched
                .sources
                .iter()
                .find(|(label, _)| ctx.labels().get(session.endpoint) == Some(label))
                .map(|(_, m)| m.clone())
                .unwrap_or_default();
            fetch::Found {
                endpoint: session.endpoint,
                resource: raw.unwrap_or_default(),
                members,
                session,
            }
        })
        .collect();
    Ok(Lookup {
        found,
        failures: fetched.failures,
        missing: Vec::new(),
    })
}

/// `sessions show`.
pub fn show(ctx: &Ctx, plan: &plan::Show) -> anyhow::Result<Option<ExitKind>> {
    let lookup = if plan.all {
        look_up_all(ctx, plan)?
    } else {
        look_up(ctx, plan)
    };
    let values: Vec<serde_json::Value> = lookup
        .found
        .iter()
        .map(|f| serde_json::from_slice(&f.resource))
        .collect::<Result<_, _>>()?;
    let mut cache = rdns_cache(ctx, &plan.rdns);
    let report = if plan.rdns.client() {
        Some(resolve_names(
            ctx,
            &plan.rdns,
            &mut cache,
            lookup
                .found
                .iter()
                .filter_map(|f| f.session.remote.as_deref()),
        )?)
    } else {
        None
    };
    cache.save();
    let mut failures = lookup.failures;
    let logs: Vec<Option<Vec<crate::api::log::Entry>>> = lookup
        .found
        .iter()
        .map(|f| {
            if !plan.log {
                return None;
            }
            let since = crate::commands::log::connected(ctx, &f.session);
            crate::commands::log::session_lines(ctx, f.endpoint, &f.session.id, since)
                .map_err(|e| {
                    let e = anyhow::Error::new(e).context(format!(
                        "reading MaxScale's log for session {}",
                        sanitize::line(&f.session.id)
                    ));
                    failures.push((f.endpoint, e));
                })
                .ok()
        })
        .collect();
    let (backend, backend_failed) = if plan.backend {
        show_backend(ctx, &lookup.found)?
    } else {
        (Vec::new(), None)
    };
    let items: Vec<show::Item<'_>> = lookup
        .found
        .iter()
        .zip(&values)
        .zip(&logs)
        .enumerate()
        .map(|(i, ((f, value), log))| show::Item {
            resource: &f.resource,
            value,
            members: &f.members,
            maxscale: ctx.hosts().label(f.endpoint),
            remote_name: report.as_ref().map(|r| {
                f.session
                    .remote
                    .as_deref()
                    .and_then(|remote| r.name(remote))
            }),
            log: log.as_deref(),
            backend: backend.get(i).map(Vec::as_slice),
            labels: ctx.labels(),
        })
        .collect();
    let now = crate::text::time::now_unix();
    let mut out = ctx.stdout();
    show::write(&mut out, &ctx.options, &items, now)?;
    out.flush().context("writing the output")?;
    let failed = ctx.report_failures(failures)?.or(backend_failed);
    if lookup.missing.is_empty() {
        return Ok(failed);
    }
    let hosts = ctx.labels().join(", ");
    for (id, details) in &lookup.missing {
        let mut message = format!(
            "{}: session {id} not found on {hosts}",
            api::session_request(id)
        );
        if !details.is_empty() {
            message.push_str(&format!(" (the server said: {})", details.join("; ")));
        }
        let err = anyhow::Error::new(
            Failure::new(Cause::NotFound, message)
                .with_hint("`mxs sessions list` shows the current sessions"),
        );
        ctx.diag.error(&err);
    }
    Ok(Some(failed.unwrap_or(ExitKind::NotFound)))
}

/// `show --backend`: each found session's backend threads, read with every host's sessions
/// (to name the blockers), and the exit kind of the first server that could not be read.
fn show_backend(
    ctx: &Ctx,
    found: &[fetch::Found],
) -> anyhow::Result<(
    Vec<Vec<crate::output::locks::BackendThread>>,
    Option<ExitKind>,
)> {
    let rdns = RdnsSettings::off();
    let mut cache = rdns_cache(ctx, &rdns);
    let fetched = fetch_sessions(ctx, &rdns, &mut cache, &Selection::default(), false, false)?;
    let all: Vec<Session> = fetched.items.into_iter().map(|(s, _)| s).collect();
    let host_failed = ctx.report_failures(fetched.failures)?;
    let shown: Vec<Session> = found.iter().map(|f| f.session.clone()).collect();
    let mut sessions = all;
    for s in &shown {
        if !sessions
            .iter()
            .any(|x| x.endpoint == s.endpoint && x.id == s.id)
        {
            sessions.push(s.clone());
        }
    }
    let backends = crate::commands::locks::read(ctx, &sessions, &shown)?;
    let threads = shown
        .iter()
        .map(|s| crate::commands::locks::threads_of(&backends, s))
        .collect();
    Ok((threads, host_failed.or(backends.report(ctx))))
}

/// The sessions of a list, for callers that need only the typed values.
#[must_use]
pub fn sessions_of(items: Vec<Item>) -> Vec<Session> {
    items.into_iter().map(|(s, _)| s).collect()
}
