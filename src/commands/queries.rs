//! `sessions queries` (maxctrl's `list queries`): the statements running now. Each host is
//! asked whether it keeps statements (`retain_last_statements` in `GET /v1/maxscale`, alongside
//! the list); the sessions whose newest statement has not completed are listed with how long it
//! has run by the server's own clock, longest first, each host's rows together.

use std::io::{Read, Write};

use anyhow::Context as _;

use crate::api::fetch;
use crate::commands::sessions::{fetch_sessions, rdns_cache, running_times};
use crate::commands::{Ctx, resolve_names};
use crate::error::{Cause, ExitKind, Failure};
use crate::output::list::{Item, View};
use crate::output::queries;
use crate::plan;
use crate::select::Selection;
use crate::text::{sanitize, time, units};

/// A running statement received more than this after the server's clock means the UTC offset
/// is wrong (a clock read to the second, and a statement received during the request, are not).
const AHEAD_MS: i64 = 90_000;

/// What a host says about keeping statements.
enum Retain {
    /// `retain_last_statements` and its value.
    Set(i64),
    /// The server does not say (the parameter is absent).
    Unknown,
}

/// `sessions queries`.
pub fn run(ctx: &Ctx, plan: &plan::Queries) -> anyhow::Result<Option<ExitKind>> {
    let endpoints = &ctx.settings.connection.endpoints;
    let json = ctx.options.format.is_json();
    let rdns = &plan.list.rdns;
    // Every session, so that a host that keeps statements for some services only is told from
    // one that keeps none, whatever the selection; names are resolved for the rows shown only.
    let list_rdns = rdns.server_only();
    // The retention and the list are asked for together: a host that does not answer costs one
    // timeout, not two.
    let (checks, fetched) = std::thread::scope(|scope| {
        let checks = scope.spawn(|| fetch::on_every_endpoint(endpoints, |_, e| retain(ctx, e)));
        let fetched = fetch_sessions(
            ctx,
            &list_rdns,
            &mut crate::rdns::Cache::disabled(),
            &Selection::default(),
            json,
            true,
        );
        let checks = checks
            .join()
            .map_err(|_| Failure::internal("a worker thread panicked"));
        (checks, fetched)
    });
    let (checks, fetched) = (checks?, fetched?);
    let mut failures: Vec<(usize, anyhow::Error)> = Vec::new();
    let mut keeps = vec![true; endpoints.len()];
    for (i, check) in checks.into_iter().enumerate() {
        match check.and_then(|r| r) {
            Ok(Retain::Set(n)) if n <= 0 => {
                if fetched
                    .items
                    .iter()
                    .any(|(s, _)| s.endpoint == i && s.has_queries)
                {
                    ctx.diag.note(&format!(
                        "{}: retain_last_statements is {n}, but some services keep statements: showing theirs",
                        ctx.labels[i]
                    ));
                } else {
                    keeps[i] = false;
                    failures.push((i, keeps_none(&ctx.labels[i], n)));
                }
            }
            Ok(_) => {}
            Err(e) => {
                keeps[i] = false;
                failures.push((i, e));
            }
        }
    }
    for (i, e) in fetched.failures {
        if keeps[i] {
            keeps[i] = false;
            failures.push((i, e));
        }
    }
    failures.sort_by_key(|(i, _)| *i);
    let mut items: Vec<Item> = fetched
        .items
        .into_iter()
        .filter(|(s, _)| keeps[s.endpoint] && s.running.is_some())
        .filter(|(s, _)| {
            plan.min_duration
                .is_none_or(|min| s.query_age.is_some_and(|a| a >= min.as_secs_f64()))
        })
        .collect();
    if rdns.client() {
        let mut cache = rdns_cache(ctx, rdns);
        let report = resolve_names(
            ctx,
            rdns,
            &mut cache,
            items.iter().filter_map(|(s, _)| s.remote.as_deref()),
        )?;
        cache.save();
        for (s, _) in &mut items {
            if let Some(remote) = s.remote.as_deref() {
                s.remote_name = report.name(remote).map(str::to_string);
                s.unresolved = report.unresolved(remote);
            }
        }
    }
    items.retain(|(s, _)| plan.list.selection.keep(s, &ctx.labels));
    warn_if_ahead(ctx, &items);
    let selection = &plan.list.selection;
    if selection.sort.is_empty() {
        // each host's rows together, longest first, then by id
        items.sort_by(|(a, _), (b, _)| {
            a.endpoint
                .cmp(&b.endpoint)
                .then(
                    b.query_age
                        .unwrap_or(-1.0)
                        .total_cmp(&a.query_age.unwrap_or(-1.0)),
                )
                .then(a.id_number().cmp(&b.id_number()))
        });
    } else {
        selection.order_by(&mut items, &ctx.labels, |(s, _)| s);
    }
    if let Some(n) = selection.limit {
        items.truncate(n);
    }
    if !keeps.contains(&true) {
        // no host can say what runs: no empty list on stdout, only the reasons on stderr
        return ctx.report_failures(failures);
    }
    let mut out = ctx.stdout();
    let view = View {
        items: &items,
        sources: &fetched.sources,
        labels: &ctx.labels,
        columns: &plan.list.columns,
        client_rdns: plan.list.rdns.client(),
    };
    queries::write(&mut out, &ctx.options, &view)?;
    out.flush().context("writing the output")?;
    if items.is_empty() && failures.is_empty() && ctx.options.format == crate::output::Format::Table
    {
        ctx.diag.note("no statement is running");
    }
    ctx.report_failures(failures)
}

/// `GET /v1/maxscale`: `data.attributes.parameters.retain_last_statements`.
fn retain(ctx: &Ctx, e: &crate::endpoint::Endpoint) -> anyhow::Result<Retain> {
    let mut body = ctx.client.get(e, "v1/maxscale")?;
    let request = format!("GET {}", body.url);
    let mut bytes = Vec::new();
    body.by_ref()
        .take(4 * 1024 * 1024)
        .read_to_end(&mut bytes)
        .map_err(|err| {
            Failure::new(
                Cause::ConnectionLost,
                format!("{request}: reading the response failed: {err}"),
            )
        })?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).map_err(|err| {
        Failure::new(
            Cause::InvalidDocument,
            format!("{request}: invalid response: {err}"),
        )
    })?;
    let value = v.pointer("/data/attributes/parameters/retain_last_statements");
    Ok(match value {
        None | Some(serde_json::Value::Null) => Retain::Unknown,
        Some(n) => match n
            .as_i64()
            .or_else(|| n.as_str().and_then(|t| t.trim().parse().ok()))
        {
            Some(n) => Retain::Set(n),
            None => {
                return Err(Failure::new(
                    Cause::InvalidDocument,
                    format!(
                        "{request}: invalid response: retain_last_statements is {}",
                        sanitize::line(&n.to_string())
                    ),
                )
                .into());
            }
        },
    })
}

/// The error of a host that keeps no statements, with how to turn it on.
fn keeps_none(label: &str, n: i64) -> anyhow::Error {
    Failure::new(
        Cause::Unsupported,
        format!(
            "{label}: MaxScale keeps no statements (retain_last_statements={n}), so running queries cannot be seen"
        ),
    )
    .with_hint(
        "turn it on with `maxctrl alter maxscale retain_last_statements=5`, or \
         retain_last_statements=5 in the [maxscale] section of maxscale.cnf (or of a service)",
    )
    .into()
}

/// A running statement received well after the server's clock: the server's local time is not
/// at the offset mxs assumed. Says so once per host, with the offset that would fit.
fn warn_if_ahead(ctx: &Ctx, items: &[Item]) {
    let mut worst: Vec<i64> = vec![0; ctx.labels.len()];
    for (s, _) in items {
        if let Some((received, now)) = running_times(ctx, s)
            && let Some(w) = worst.get_mut(s.endpoint)
        {
            *w = (*w).max(received - now);
        }
    }
    let offset = ctx.settings.connection.utc_offset;
    for (i, ahead) in worst.into_iter().enumerate() {
        if ahead > AHEAD_MS {
            let quarter = 900_000;
            let guess = offset + (ahead + quarter / 2) / quarter * 900;
            #[allow(clippy::cast_precision_loss)]
            let shown = units::format_seconds(ahead as f64 / 1000.0);
            ctx.diag.warning(&format!(
                "{}: statements were received up to {shown} after the server's clock, so their ages read as 0: \
                 the server's local time is not UTC{}; is it {}? (--server-utc-offset {})",
                ctx.labels[i],
                time::format_utc_offset(offset),
                time::format_utc_offset(guess),
                time::format_utc_offset(guess),
            ));
        }
    }
}
