//! Which sessions an action is for: explicit ids routed to the host that has each, or the
//! sessions a selection (or standard input) names; and, right before acting, whether each
//! selected session is still the one that was shown.

use std::collections::HashMap;
use std::io::Read;

use super::{Identity, Job};
use crate::api::fetch::Shown;
use crate::commands::Ctx;
use crate::commands::sessions::fetch_sessions;
use crate::error::{Cause, Failure};
use crate::hosts::IdRef;
use crate::output::actions::{Outcome, Result as ActResult};
use crate::rdns;
use crate::select::Selection;
use crate::text::sanitize;
use crate::text::time::Stamp;

/// Explicit ids: an `ID@HOST` goes to that host, a bare id to the only host, or, with several
/// hosts, to the one that has it (asked for first). Every routing error comes before any write.
pub(super) fn route(ctx: &Ctx, ids: &[IdRef]) -> anyhow::Result<Vec<Job>> {
    let mut jobs = Vec::new();
    for r in ids {
        let job = |endpoint| Job {
            endpoint,
            id: r.id.clone(),
            identity: None,
            started: None,
            session: None,
        };
        match r.endpoint {
            Some(e) => jobs.push(job(e)),
            None if !ctx.hosts().several() => jobs.push(job(0)),
            None => jobs.push(job(host_of(ctx, &r.id)?)),
        }
    }
    Ok(jobs)
}

/// The one host that has the session `id`; none, or several, is an error.
fn host_of(ctx: &Ctx, id: &str) -> anyhow::Result<usize> {
    let mut have = Vec::new();
    for (endpoint, result) in ctx.api.session_everywhere(id, false) {
        match result? {
            Shown::Found(_) => have.push(endpoint),
            Shown::Missing(_) => {}
        }
    }
    let id = sanitize::line(id);
    let labels = ctx.labels();
    match have.as_slice() {
        [] => Err(Failure::new(
            Cause::NotFound,
            format!("session {id} not found on {}", labels.join(", ")),
        )
        .with_hint("`mxs sessions list` shows the current sessions")
        .into()),
        [one] => Ok(*one),
        several => {
            let forms: Vec<String> = several
                .iter()
                .map(|e| format!("{id}@{}", labels[*e]))
                .collect();
            Err(Failure::usage(format!(
                "session {id} exists on {} hosts: {}; nothing was done",
                several.len(),
                several
                    .iter()
                    .map(|e| labels[*e].as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .with_hint(format!("name one: {}", forms.join(" or ")))
            .into())
        }
    }
}

/// Ids from standard input, one per line, as `sessions list -o ids` prints them.
pub(super) fn read_stdin_ids(ctx: &Ctx) -> anyhow::Result<Vec<IdRef>> {
    let mut text = String::new();
    std::io::stdin()
        .lock()
        .take(16 * 1024 * 1024)
        .read_to_string(&mut text)
        .map_err(|e| Failure::usage(format!("reading session ids from standard input: {e}")))?;
    Ok(ctx.hosts().parse_id_lines(&text)?)
}

/// A selection: the sessions of every host that match (and, for ids from standard input, that
/// are named), lowest ids first.
pub(super) fn select(
    ctx: &Ctx,
    selection: &Selection,
    ids: Option<&[IdRef]>,
) -> anyhow::Result<Vec<Job>> {
    let fetched = fetch_sessions(
        ctx,
        &crate::plan::RdnsSettings::off(),
        &mut rdns::Cache::disabled(),
        selection,
        false,
        false,
    )?;
    // A host that cannot be read cannot be acted on safely: stop before any write.
    if let Some((_, e)) = fetched.failures.into_iter().next() {
        return Err(e.context("reading the sessions to act on; nothing was done"));
    }
    if let Some(ids) = ids
        && ctx.hosts().several()
    {
        for r in ids.iter().filter(|r| r.endpoint.is_none()) {
            let hosts = fetched.items.iter().filter(|(s, _)| s.id == r.id).count();
            if hosts > 1 {
                return Err(Failure::usage(format!(
                    "session {} from standard input exists on {hosts} hosts; nothing was done",
                    sanitize::line(&r.id)
                ))
                .with_hint("qualify it as ID@HOST (`mxs sessions list -o ids` does)")
                .into());
            }
        }
    }
    let mut jobs: Vec<Job> = fetched
        .items
        .into_iter()
        .map(|(s, _)| s)
        .filter(|s| ids.is_none_or(|ids| ids.iter().any(|r| r.names(s.endpoint, &s.id))))
        .map(Job::selected)
        .collect();
    let started = started_at(ctx, &jobs);
    for j in &mut jobs {
        j.started = started[j.endpoint];
    }
    Ok(jobs)
}

/// When the MaxScale of each host that has a job started (Unix seconds), asked of them all
/// at once; `None` for a host without jobs, or that does not say.
fn started_at(ctx: &Ctx, jobs: &[Job]) -> Vec<Option<i64>> {
    ctx.api
        .on_every_host(|host| {
            if jobs.iter().any(|j| j.endpoint == host) {
                ctx.api.started(host).ok().flatten()
            } else {
                None
            }
        })
        .into_iter()
        .map(|r| r.ok().flatten())
        .collect()
}

/// Reads the selected sessions again, right before acting: a session whose host's MaxScale
/// restarted since, or whose identity changed, is skipped, one already gone is done. A host
/// that cannot be read stops everything when a session to act on is there.
pub(super) fn recheck(ctx: &Ctx, jobs: Vec<Job>) -> anyhow::Result<Vec<Result<Job, ActResult>>> {
    let started = if jobs.iter().any(|j| j.started.is_some()) {
        started_at(ctx, &jobs)
    } else {
        vec![None; ctx.hosts().len()]
    };
    let fetched = fetch_sessions(
        ctx,
        &crate::plan::RdnsSettings::off(),
        &mut rdns::Cache::disabled(),
        &Selection::default(),
        false,
        false,
    )?;
    if let Some((_, e)) = fetched
        .failures
        .into_iter()
        .find(|(host, _)| jobs.iter().any(|j| j.endpoint == *host))
    {
        return Err(e.context("reading the sessions again before acting; nothing was done"));
    }
    let now: HashMap<(usize, String), Identity> = fetched
        .items
        .iter()
        .map(|(s, _)| ((s.endpoint, s.id.clone()), Identity::of(s)))
        .collect();
    let (jobs, restarted): (Vec<Job>, Vec<Job>) = jobs.into_iter().partition(|j| {
        j.started.is_none() || started[j.endpoint].is_none() || j.started == started[j.endpoint]
    });
    let mut checked = check_identities(jobs, &now);
    checked.extend(restarted.into_iter().map(|j| {
        let at = Stamp::from_unix(started[j.endpoint].unwrap_or_default());
        Err(ActResult {
            endpoint: j.endpoint,
            id: j.id,
            outcome: Outcome::Failed(Failure::new(
                Cause::ServerError,
                format!(
                    "skipped: MaxScale on {} restarted at {} UTC since the session was selected (its ids name other sessions now)",
                    ctx.hosts().label(j.endpoint),
                    at.time_of_day()
                ),
            )),
        })
    }));
    Ok(checked)
}

/// Each selected session against what the server has now: gone (done), changed (skipped) or
/// still the same (acted on).
fn check_identities(
    jobs: Vec<Job>,
    now: &HashMap<(usize, String), Identity>,
) -> Vec<Result<Job, ActResult>> {
    jobs.into_iter()
        .map(|j| match now.get(&(j.endpoint, j.id.clone())) {
            None => Err(ActResult {
                endpoint: j.endpoint,
                id: j.id,
                outcome: Outcome::Gone,
            }),
            Some(identity) if Some(identity) != j.identity.as_ref() => Err(ActResult {
                endpoint: j.endpoint,
                id: j.id,
                outcome: Outcome::Failed(Failure::new(
                    Cause::ServerError,
                    "skipped: it is not the session that was selected (another connection time, user or client address: was MaxScale restarted?)",
                )),
            }),
            Some(_) => Ok(j),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::model::Session;

    fn job(endpoint: usize, id: &str, user: &str) -> Job {
        Job::selected(Session {
            endpoint,
            id: id.into(),
            user: Some(user.into()),
            connected: Some("Fri, 05 Jan 2024 07:24:06 GMT".into()),
            remote: Some("127.0.0.1".into()),
            ..Session::default()
        })
    }

    #[test]
    fn a_session_whose_identity_changed_is_skipped_and_one_gone_is_done() {
        let mut now = HashMap::new();
        now.insert((0, "1".to_string()), job(0, "1", "app").identity.unwrap());
        // id 2 was reused by another client after a restart
        now.insert(
            (0, "2".to_string()),
            job(0, "2", "intruder").identity.unwrap(),
        );
        // id 3 on host 1 is gone
        let checked = check_identities(
            vec![job(0, "1", "app"), job(0, "2", "app"), job(1, "3", "app")],
            &now,
        );
        assert!(matches!(&checked[0], Ok(j) if j.id == "1"));
        assert!(
            matches!(&checked[1], Err(ActResult { outcome: Outcome::Failed(f), .. }) if f.message.contains("not the session that was selected"))
        );
        assert!(matches!(
            &checked[2],
            Err(ActResult {
                outcome: Outcome::Gone,
                ..
            })
        ));
    }
}
