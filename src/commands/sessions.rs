//! `sessions list` and `sessions show`: fetch from every host, resolve names, select, and hand
//! the result to the renderer of the chosen format.

use std::io::Write;
use std::sync::Mutex;

use anyhow::Context as _;

use crate::api::model::{Detail, Session};
use crate::cli::{Format, ListArgs, RdnsMode, ShowArgs};
use crate::columns::Column;
use crate::commands::{Ctx, fetch, resolve_names};
use crate::error::{ExitKind, Failure};
use crate::output::json::{self, Collection, Layout, Meta};
use crate::output::show::{self, Context as ShowContext};
use crate::output::table::{Mark, Table};
use crate::output::tsv;
use crate::rdns;
use crate::select::Selection;
use crate::settings::Rdns;

/// The list path, with `rdns=true` when the server is to resolve.
#[must_use]
pub fn list_path(rdns: &Rdns) -> &'static str {
    if rdns.mode == Some(RdnsMode::Server) {
        "v1/sessions?rdns=true"
    } else {
        "v1/sessions"
    }
}

/// The table columns from `--columns` / `--wide`.
pub fn table_columns(
    names: &[String],
    wide: bool,
    several_hosts: bool,
) -> Result<Vec<Column>, Failure> {
    if wide {
        return Ok(Column::ALL
            .iter()
            .copied()
            .filter(|c| *c != Column::Maxscale || several_hosts)
            .collect());
    }
    if names.is_empty() {
        return Ok(Column::defaults(several_hosts));
    }
    crate::select::no_empty_items("--columns", names)?;
    names
        .iter()
        .map(|n| {
            Column::parse(n).ok_or_else(|| {
                Failure::usage(format!("--columns: unknown column '{}'", n.trim()))
                    .with_hint(format!("columns: {}", Column::names()))
            })
        })
        .collect()
}

/// Failures by host index.
pub type HostFailures = Vec<(usize, anyhow::Error)>;

/// Sessions fetched from every host, with raw bytes when JSON output needs them.
pub struct Fetched {
    pub items: Vec<(Session, Option<Vec<u8>>)>,
    pub sources: Vec<json::Source>,
    pub failures: HostFailures,
}

/// Fetches, resolves names (client side) and selects.
pub fn fetch_sessions(
    ctx: &Ctx,
    rdns: &Rdns,
    cache: &mut rdns::Cache,
    selection: &Selection,
    keep_bytes: bool,
    want_query: bool,
) -> anyhow::Result<Fetched> {
    let collected = Mutex::new(Vec::new());
    let status = || crate::units::format_bytes(ctx.client.received());
    let detail = if want_query || selection.uses(Column::Query) {
        Detail::WithQuery
    } else {
        Detail::List
    };
    let outcomes = ctx.diag.while_running("receiving sessions", status, || {
        fetch::list(
            &ctx.client,
            &ctx.settings.connection.endpoints,
            list_path(rdns),
            detail,
            |s, bytes| {
                let raw = if keep_bytes {
                    json::validate(bytes)?;
                    Some(bytes.to_vec())
                } else {
                    None
                };
                Ok((s, raw))
            },
            |batch| {
                collected
                    .lock()
                    .map_err(|_| anyhow::anyhow!("internal error: lock poisoned"))?
                    .extend(batch);
                Ok(())
            },
        )
    });
    let mut items = collected.into_inner().unwrap_or_default();
    let (sources, failures) = split_outcomes(ctx, outcomes);
    if rdns.mode == Some(RdnsMode::Client) {
        let report = resolve_names(
            ctx,
            rdns,
            cache,
            items.iter().filter_map(|(s, _)| s.remote.as_deref()),
        )?;
        for (s, _) in &mut items {
            if let Some(remote) = s.remote.as_deref() {
                s.remote_name = report.name(remote).map(str::to_string);
                s.unresolved = report.unresolved(remote);
            }
        }
    }
    items.retain(|(s, _)| selection.keep(s, &ctx.labels));
    selection.order_by(&mut items, &ctx.labels, |(s, _)| s);
    if let Some(n) = selection.limit {
        items.truncate(n);
    }
    Ok(Fetched {
        items,
        sources,
        failures,
    })
}

fn split_outcomes(
    ctx: &Ctx,
    outcomes: Vec<fetch::HostOutcome>,
) -> (Vec<json::Source>, HostFailures) {
    let mut sources = Vec::new();
    let mut failures = Vec::new();
    for o in outcomes {
        match o.result {
            Ok(m) => sources.push((ctx.labels[o.host].clone(), m)),
            Err(e) => failures.push((o.host, e)),
        }
    }
    (sources, failures)
}

/// What mxs adds to a resource in JSON output.
pub fn meta<'a>(ctx: &'a Ctx, s: &'a Session, rdns: &Rdns) -> Meta<'a> {
    Meta {
        maxscale: &ctx.labels[s.host],
        remote_name: (rdns.mode == Some(RdnsMode::Client)).then_some(s.remote_name.as_deref()),
    }
}

/// `sessions list`.
pub fn list(ctx: &Ctx, args: &ListArgs) -> anyhow::Result<Option<ExitKind>> {
    let selection = Selection::parse(&args.select)?;
    let rdns = ctx.settings.rdns(&args.rdns)?;
    let columns = table_columns(&args.columns, args.wide, ctx.several_hosts())?;
    let format = ctx.settings.output.format;
    let json_format = matches!(format, Format::Json | Format::Jsonl);
    if json_format && selection.is_identity() && rdns.mode != Some(RdnsMode::Client) {
        return list_json_streaming(ctx, &rdns, format == Format::Jsonl);
    }
    let mut cache = rdns_cache(ctx, &rdns);
    let fetched = fetch_sessions(
        ctx,
        &rdns,
        &mut cache,
        &selection,
        json_format,
        columns.contains(&Column::Query),
    )?;
    cache.save();
    let mut out = ctx.stdout();
    match format {
        Format::Table => {
            let sessions: Vec<Session> = fetched.items.into_iter().map(|(s, _)| s).collect();
            render_table(ctx, &columns, &sessions, None, &mut out)?;
            if sessions.is_empty() && fetched.failures.is_empty() {
                ctx.diag.note("no sessions");
            }
        }
        Format::Tsv => {
            if ctx.settings.output.header {
                tsv::write_header(&mut out)?;
            }
            for (s, _) in &fetched.items {
                tsv::write_row(&mut out, s, &ctx.labels)?;
            }
        }
        Format::Json => {
            let mut doc = Collection::start(&mut out, ctx.settings.output.pretty_json)?;
            for (s, raw) in &fetched.items {
                doc.push(raw.as_deref().unwrap_or_default(), &meta(ctx, s, &rdns))?;
            }
            doc.finish(&fetched.sources)?;
        }
        Format::Jsonl => {
            let mut buf = Vec::new();
            write_compact(&mut buf, ctx, &fetched.items, &rdns, b"\n")?;
            out.write_all(&buf)?;
        }
    }
    out.flush().context("writing the output")?;
    ctx.report_failures(fetched.failures)
}

/// Writes resources compact, each followed by `after` (a newline for JSON Lines), or with a
/// comma between them when `after` is empty (inside a JSON array).
pub fn write_compact(
    buf: &mut Vec<u8>,
    ctx: &Ctx,
    items: &[(Session, Option<Vec<u8>>)],
    rdns: &Rdns,
    after: &[u8],
) -> anyhow::Result<()> {
    for (i, (s, raw)) in items.iter().enumerate() {
        if after.is_empty() && i > 0 {
            buf.push(b',');
        }
        json::write_resource(
            buf,
            raw.as_deref().unwrap_or_default(),
            &meta(ctx, s, rdns),
            Layout::Compact,
        )?;
        buf.extend_from_slice(after);
    }
    Ok(())
}

pub fn rdns_cache(ctx: &Ctx, rdns: &Rdns) -> rdns::Cache {
    match (&rdns.mode, &rdns.cache_file) {
        (Some(RdnsMode::Client), Some(path)) => {
            let (cache, warning) = rdns::Cache::load(path);
            if let Some(w) = warning {
                ctx.diag.warning(&w);
            }
            cache
        }
        _ => rdns::Cache::disabled(),
    }
}

pub fn render_table(
    ctx: &Ctx,
    columns: &[Column],
    sessions: &[Session],
    marks: Option<&[Mark]>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    Table {
        columns,
        labels: &ctx.labels,
        width: ctx.settings.output.width,
        palette: ctx.palette,
    }
    .write(out, sessions, marks)
}

/// JSON straight through: each resource is written as soon as it is parsed, whatever host it
/// came from, so memory stays at one resource per host.
fn list_json_streaming(ctx: &Ctx, rdns: &Rdns, lines: bool) -> anyhow::Result<Option<ExitKind>> {
    enum Sink<'a> {
        Doc(Collection<&'a mut (dyn Write + Send)>),
        Lines(&'a mut (dyn Write + Send)),
    }
    let pretty = ctx.settings.output.pretty_json && !lines;
    let mut out = ctx.stdout();
    let sink = Mutex::new(if lines {
        Sink::Lines(&mut out)
    } else {
        Sink::Doc(Collection::start(
            &mut out as &mut (dyn Write + Send),
            ctx.settings.output.pretty_json,
        )?)
    });
    let status = || crate::units::format_bytes(ctx.client.received());
    let outcomes = ctx.diag.while_running("receiving sessions", status, || {
        fetch::list(
            &ctx.client,
            &ctx.settings.connection.endpoints,
            list_path(rdns),
            Detail::Shape,
            // rendering validates the bytes (UTF-8 and grammar) as it copies them
            |s, bytes| {
                let mut rendered =
                    Collection::<Vec<u8>>::render(bytes, &meta(ctx, &s, rdns), pretty)?;
                if lines {
                    rendered.push(b'\n');
                }
                Ok(rendered)
            },
            |batch| {
                let mut guard = sink
                    .lock()
                    .map_err(|_| anyhow::anyhow!("internal error: lock poisoned"))?;
                for rendered in batch {
                    match &mut *guard {
                        Sink::Doc(doc) => doc.push_rendered(&rendered)?,
                        Sink::Lines(w) => w.write_all(&rendered)?,
                    }
                }
                Ok(())
            },
        )
    });
    let (sources, failures) = split_outcomes(ctx, outcomes);
    if let Ok(Sink::Doc(doc)) = sink.into_inner() {
        doc.finish(&sources)?;
    }
    out.flush().context("writing the output")?;
    ctx.report_failures(failures)
}

/// A session id for the URL: MaxScale's ids are positive integers, but the server decides (old
/// versions read `1abc` as 1), so anything non-empty is sent, percent-encoded.
fn encode_id(id: &str) -> Result<String, Failure> {
    let t = id.trim();
    if t.is_empty() {
        return Err(Failure::usage("a session id cannot be empty"));
    }
    Ok(t.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect())
}

/// `sessions show`.
pub fn show(ctx: &Ctx, args: &ShowArgs) -> anyhow::Result<Option<ExitKind>> {
    let ids: Vec<(&str, String)> = args
        .ids
        .iter()
        .map(|i| Ok((i.trim(), encode_id(i)?)))
        .collect::<Result<_, Failure>>()?;
    let rdns = ctx.settings.rdns(&args.rdns)?;
    let query = if rdns.mode == Some(RdnsMode::Server) {
        "?rdns=true"
    } else {
        ""
    };
    let mut found = Vec::new();
    let mut failures = Vec::new();
    let mut missing = Vec::new();
    for (id, encoded) in &ids {
        let results = fetch::show(
            &ctx.client,
            &ctx.settings.connection.endpoints,
            &format!("v1/sessions/{encoded}{query}"),
        );
        let before = found.len();
        let mut failed = false;
        let mut details = Vec::new();
        for (host, r) in results {
            match r {
                Ok(fetch::Shown::Found(f)) => found.push(*f),
                Ok(fetch::Shown::Missing(detail)) => details.extend(detail),
                Err(e) => {
                    failed = true;
                    failures.push((host, e));
                }
            }
        }
        if found.len() == before && !failed {
            details.dedup();
            missing.push((crate::output::sanitize::line(id).into_owned(), details));
        }
    }
    let parsed: Vec<(serde_json::Value, &Session)> = found
        .iter()
        .map(|f| Ok((serde_json::from_slice(&f.resource)?, &f.session)))
        .collect::<anyhow::Result<_>>()?;
    let mut cache = rdns_cache(ctx, &rdns);
    let report = if rdns.mode == Some(RdnsMode::Client) {
        Some(resolve_names(
            ctx,
            &rdns,
            &mut cache,
            parsed.iter().filter_map(|(_, s)| s.remote.as_deref()),
        )?)
    } else {
        None
    };
    cache.save();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut out = ctx.stdout();
    let o = ctx.settings.output;
    for (i, (f, (value, session))) in found.iter().zip(&parsed).enumerate() {
        let remote_name = report
            .as_ref()
            .map(|r| session.remote.as_deref().and_then(|remote| r.name(remote)));
        let sc = ShowContext {
            maxscale: &ctx.labels[f.host],
            remote_name,
            width: o.width,
            palette: ctx.palette,
            now: i64::try_from(now).unwrap_or(i64::MAX),
        };
        match o.format {
            Format::Table => {
                if i > 0 {
                    writeln!(out)?;
                }
                out.write_all(show::render(value, &sc).as_bytes())?;
            }
            Format::Tsv => {
                if i > 0 {
                    writeln!(out)?;
                }
                tsv::write_fields(&mut out, &show::fields(value, &sc))?;
            }
            Format::Json | Format::Jsonl => {
                let m = Meta {
                    maxscale: sc.maxscale,
                    remote_name,
                };
                let mut buf = Vec::new();
                if o.format == Format::Jsonl || !o.pretty_json {
                    if o.format == Format::Jsonl {
                        json::write_resource(&mut buf, &f.resource, &m, Layout::Compact)?;
                    } else {
                        document(&mut buf, f, &m, Layout::Compact)?;
                    }
                } else {
                    document(&mut buf, f, &m, Layout::Pretty(0))?;
                }
                buf.push(b'\n');
                out.write_all(&buf)?;
            }
        }
    }
    out.flush().context("writing the output")?;
    let failed = ctx.report_failures(failures)?;
    if !missing.is_empty() {
        let hosts = ctx.labels.join(", ");
        for (id, details) in &missing {
            let mut message = format!("GET v1/sessions/{id}: session {id} not found on {hosts}");
            if !details.is_empty() {
                message.push_str(&format!(" (the server said: {})", details.join("; ")));
            }
            let err = anyhow::Error::new(
                Failure::new(ExitKind::NotFound, message)
                    .with_hint("`mxs sessions list` shows the current sessions"),
            );
            ctx.diag.error(&err);
        }
        return Ok(Some(failed.unwrap_or(ExitKind::NotFound)));
    }
    Ok(failed)
}

/// `{"data": <resource with meta>, <the server's other members>}`.
fn document(
    buf: &mut Vec<u8>,
    f: &fetch::Found,
    m: &Meta<'_>,
    layout: Layout,
) -> anyhow::Result<()> {
    let pretty = matches!(layout, Layout::Pretty(_));
    buf.extend_from_slice(if pretty {
        b"{\n  \"data\": "
    } else {
        b"{\"data\":"
    });
    json::write_resource(
        buf,
        &f.resource,
        m,
        if pretty {
            Layout::Pretty(1)
        } else {
            Layout::Compact
        },
    )?;
    for (k, v) in &f.members {
        buf.extend_from_slice(if pretty { b",\n  " } else { b"," });
        buf.extend_from_slice(k);
        buf.extend_from_slice(if pretty { b": " } else { b":" });
        json::reformat(
            v,
            buf,
            if pretty {
                Layout::Pretty(1)
            } else {
                Layout::Compact
            },
        )?;
    }
    buf.extend_from_slice(if pretty { b"\n}" } else { b"}" });
    Ok(())
}
