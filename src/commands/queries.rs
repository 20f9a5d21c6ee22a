//! `sessions queries` (maxctrl's `list queries`): the statements running now. Each host is
//! asked whether it keeps statements (`retain_last_statements` in `GET /v1/maxscale`, alongside
//! the list); the sessions whose newest statement has not completed are listed with how long it
//! has run by the server's own clock, longest first, each host's rows together.

use std::io::Write;

use anyhow::Context as _;

use crate::api::maxscale::Retain;
use crate::commands::sessions::{Fetched, HostFailures, fetch_sessions, rdns_cache, running_times};
use crate::commands::{Ctx, name_sessions};
use crate::error::{Cause, ExitKind, Failure};
use crate::output::list::{Item, View};
use crate::output::queries;
use crate::plan;
use crate::select::Selection;
use crate::text::{time, units};

/// A running statement received more than this after the server's clock means the UTC offset
/// is wrong (a clock read to the second, and a statement received during the request, are not).
const AHEAD_MS: i64 = 90_000;

/// `sessions queries`.
pub fn run(ctx: &Ctx, plan: &plan::Queries) -> anyhow::Result<Option<ExitKind>> {
    let (checks, mut fetched) = retention_and_list(ctx, plan)?;
    let list_failures = std::mem::take(&mut fetched.failures);
    let (keeps, failures) = hosts_that_keep(ctx, checks, &fetched.items, list_failures);
    let mut items: Vec<Item> = fetched
        .items
        .into_iter()
        .filter(|(s, _)| keeps[s.endpoint] && s.running.is_some())
        .filter(|(s, _)| {
            plan.min_duration
                .is_none_or(|min| s.query_age.is_some_and(|a| a >= min.as_secs_f64()))
        })
        .collect();
    let rdns = &plan.list.rdns;
    if rdns.client() {
        let mut cache = rdns_cache(ctx, rdns);
        name_sessions(ctx, rdns, &mut cache, &mut items)?;
        cache.save();
    }
    let selection = &plan.list.selection;
    selection.retain(&mut items, ctx.labels(), |(s, _)| s);
    warn_if_ahead(ctx, &items);
    // with no --sort, each host's rows together, longest first, then by id
    selection.arrange(
        &mut items,
        ctx.labels(),
        |(s, _)| s,
        Some(&|(a, _): &Item, (b, _): &Item| {
            a.endpoint
                .cmp(&b.endpoint)
                .then(
                    b.query_age
                        .unwrap_or(-1.0)
                        .total_cmp(&a.query_age.unwrap_or(-1.0)),
                )
                .then(a.id_number().cmp(&b.id_number()))
        }),
    );
    if !keeps.contains(&true) {
        // no host can say what runs: no empty list on stdout, only the reasons on stderr
        return ctx.report_failures(failures);
    }
    let mut out = ctx.stdout();
    let view = View {
        items: &items,
        sources: &fetched.sources,
        labels: ctx.labels(),
        columns: &plan.list.columns,
        client_rdns: rdns.client(),
    };
    queries::write(&mut out, &ctx.options, &view)?;
    out.flush().context("writing the output")?;
    if items.is_empty() && failures.is_empty() && ctx.options.format == crate::output::Format::Table
    {
        ctx.diag.note("no statement is running");
    }
    ctx.report_failures(failures)
}

/// Each host's `retain_last_statements` and every session, asked for together: a host that
/// does not answer costs one timeout, not two. Every session, whatever the selection, so that a
/// host that keeps statements for some services only is told from one that keeps none; names
/// are resolved later, for the rows shown only.
fn retention_and_list(
    ctx: &Ctx,
    plan: &plan::Queries,
) -> anyhow::Result<(Vec<anyhow::Result<Retain>>, Fetched)> {
    let list_rdns = plan.list.rdns.server_only();
    let (checks, fetched) = std::thread::scope(|scope| {
        let checks = scope.spawn(|| {
            ctx.api
                .on_every_host(|host| retention(ctx, host))
                .into_iter()
                .map(|check| check.and_then(|r| r))
                .collect::<Vec<_>>()
        });
        let fetched = fetch_sessions(
            ctx,
            &list_rdns,
            &mut crate::rdns::Cache::disabled(),
            &Selection::default(),
            ctx.options.format.is_json(),
            true,
        );
        let checks = checks
            .join()
            .map_err(|_| Failure::internal("a worker thread panicked"));
        (checks, fetched)
    });
    Ok((checks?, fetched?))
}

/// What a host says about keeping statements; a value that is not a number is an invalid
/// answer.
fn retention(ctx: &Ctx, host: usize) -> anyhow::Result<Retain> {
    let info = ctx.api.info(host)?;
    match &info.retain_last_statements {
        Retain::Invalid(text) => Err(Failure::new(
            Cause::InvalidDocument,
            format!(
                "{}: invalid response: retain_last_statements is {text}",
                info.request
            ),
        )
        .into()),
        other => Ok(other.clone()),
    }
}

/// Which hosts can say what runs (by host index), and why the others cannot, in host order:
/// a host that keeps no statements (unless some of its services do), or that failed to answer.
fn hosts_that_keep(
    ctx: &Ctx,
    checks: Vec<anyhow::Result<Retain>>,
    items: &[Item],
    list_failures: HostFailures,
) -> (Vec<bool>, HostFailures) {
    let mut failures: HostFailures = Vec::new();
    let mut keeps = vec![true; ctx.hosts().len()];
    for (i, check) in checks.into_iter().enumerate() {
        match check {
            Ok(Retain::Set(n)) if n <= 0 => {
                if items.iter().any(|(s, _)| s.endpoint == i && s.has_queries) {
                    ctx.diag.note(&format!(
                        "{}: retain_last_statements is {n}, but some services keep statements: showing theirs",
                        ctx.hosts().label(i)
                    ));
                } else {
                    keeps[i] = false;
                    failures.push((i, keeps_none(ctx.hosts().label(i), n)));
                }
            }
            Ok(_) => {}
            Err(e) => {
                keeps[i] = false;
                failures.push((i, e));
            }
        }
    }
    for (i, e) in list_failures {
        if keeps[i] {
            keeps[i] = false;
            failures.push((i, e));
        }
    }
    failures.sort_by_key(|(i, _)| *i);
    (keeps, failures)
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
    let mut worst: Vec<i64> = vec![0; ctx.hosts().len()];
    for (s, _) in items {
        if let Some((received, now)) = running_times(ctx, s)
            && let Some(w) = worst.get_mut(s.endpoint)
        {
            *w = (*w).max(received - now);
        }
    }
    let offset = ctx.utc_offset;
    for (i, ahead) in worst.into_iter().enumerate() {
        if ahead > AHEAD_MS {
            let quarter = 900_000;
            let guess = offset + (ahead + quarter / 2) / quarter * 900;
            #[allow(clippy::cast_precision_loss)]
            let shown = units::format_seconds(ahead as f64 / 1000.0);
            ctx.diag.warning(&format!(
                "{}: statements were received up to {shown} after the server's clock, so their ages read as 0: \
                 the server's local time is not UTC{}; is it {}? (--server-utc-offset {})",
                ctx.hosts().label(i),
                time::format_utc_offset(offset),
                time::format_utc_offset(guess),
                time::format_utc_offset(guess),
            ));
        }
    }
}
