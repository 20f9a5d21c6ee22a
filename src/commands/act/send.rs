//! Sending the writes: every host concurrently, each host's sessions one after the other, each
//! write once; and what a failed write means (a version without the route, an account that can
//! read but not write, a session that is not there).

use super::Job;
use crate::api::maxscale::{Action, Route};
use crate::commands::Ctx;
use crate::error::{Cause, Failure};
use crate::output::actions::{Outcome, Result as ActResult};

/// Sends `action` to each session, every host concurrently. Jobs that are already results
/// (gone or changed since they were selected) are reported as they are.
pub(super) fn each(
    ctx: &Ctx,
    action: &Action,
    jobs: Vec<Result<Job, ActResult>>,
    selected: bool,
) -> Vec<ActResult> {
    on_each_host(ctx, jobs, |host, jobs| {
        let mut explain = Explain::new(ctx, host, action.route(), selected);
        jobs.iter()
            .map(|j| {
                let outcome = match ctx.api.act(host, action, &j.id) {
                    Ok(()) => Outcome::Done,
                    Err(f) => {
                        let f = explain.failure(f);
                        if f.cause == Cause::NotFound && selected {
                            Outcome::Gone
                        } else {
                            Outcome::Failed(f)
                        }
                    }
                };
                ActResult {
                    endpoint: host,
                    id: j.id.clone(),
                    outcome,
                }
            })
            .collect()
    })
}

/// `restart --all`: one request restarts every session of a host; its outcome is each
/// session's.
pub(super) fn restart_all(ctx: &Ctx, jobs: Vec<Result<Job, ActResult>>) -> Vec<ActResult> {
    on_each_host(ctx, jobs, |host, jobs| {
        let outcome = ctx
            .api
            .restart_all(host)
            .map_err(|f| Explain::new(ctx, host, Route::RestartAll, false).failure(f));
        jobs.iter()
            .map(|j| ActResult {
                endpoint: host,
                id: j.id.clone(),
                outcome: match &outcome {
                    Ok(()) => Outcome::Done,
                    Err(f) => {
                        let mut copy = Failure::new(f.cause, f.message.clone());
                        copy.hint.clone_from(&f.hint);
                        Outcome::Failed(copy)
                    }
                },
            })
            .collect()
    })
}

/// Runs `act` on each host that has jobs, every host on its own thread; the results, with
/// those that were already known, by host and numeric id.
fn on_each_host(
    ctx: &Ctx,
    jobs: Vec<Result<Job, ActResult>>,
    act: impl Fn(usize, &[Job]) -> Vec<ActResult> + Sync,
) -> Vec<ActResult> {
    let mut results = Vec::new();
    let mut by_host: Vec<Vec<Job>> = (0..ctx.hosts().len()).map(|_| Vec::new()).collect();
    for j in jobs {
        match j {
            Ok(j) => by_host[j.endpoint].push(j),
            Err(r) => results.push(r),
        }
    }
    let by_host = &by_host;
    let done = ctx.api.on_every_host(|host| {
        let jobs = &by_host[host];
        if jobs.is_empty() {
            Vec::new()
        } else {
            act(host, jobs)
        }
    });
    for (host, r) in done.into_iter().enumerate() {
        match r {
            Ok(rs) => results.extend(rs),
            Err(e) => results.extend(by_host[host].iter().map(|j| ActResult {
                endpoint: host,
                id: j.id.clone(),
                outcome: Outcome::Failed(Failure::internal(format!("{e:#}"))),
            })),
        }
    }
    results.sort_by(|a, b| {
        (a.endpoint, a.id.parse::<u64>().unwrap_or(u64::MAX), &a.id).cmp(&(
            b.endpoint,
            b.id.parse::<u64>().unwrap_or(u64::MAX),
            &b.id,
        ))
    });
    results
}

/// Turns a failed write on one host into what it means.
struct Explain<'a> {
    ctx: &'a Ctx,
    host: usize,
    route: Route,
    /// The session was selected (a 404 means it went away), not named.
    selected: bool,
    /// The host's version when it predates the route, once asked (at most once per host).
    lacks: Option<Option<String>>,
}

impl<'a> Explain<'a> {
    fn new(ctx: &'a Ctx, host: usize, route: Route, selected: bool) -> Explain<'a> {
        Explain {
            ctx,
            host,
            route,
            selected,
            lacks: None,
        }
    }

    fn failure(&mut self, f: Failure) -> Failure {
        let label = self.ctx.hosts().label(self.host);
        match f.cause {
            // Before its version MaxScale has no such route and answers 404 with an empty
            // body even for a session that exists.
            Cause::NotFound => {
                let (ctx, host, route) = (self.ctx, self.host, self.route);
                if let Some(v) = self
                    .lacks
                    .get_or_insert_with(|| ctx.api.lacks(host, route).map(str::to_string))
                {
                    let (major, minor) = self.route.since();
                    return Failure::new(
                        Cause::Unsupported,
                        format!(
                            "MaxScale {v} on {label} cannot {} sessions: that needs MaxScale {major}.{minor:02} or later",
                            self.route.verb()
                        ),
                    );
                }
                if self.selected {
                    f
                } else {
                    let mut message = f.message.clone();
                    message.push_str(": no such session");
                    Failure { message, ..f }
                        .with_hint("`mxs sessions list` shows the current sessions")
                }
            }
            // With HTTP Basic a read-only account's write gets the same 401 as bad credentials.
            Cause::Denied if f.status == Some(401) => {
                if self.ctx.api.can_read(self.host) {
                    Failure::new(
                        Cause::Denied,
                        format!(
                            "{}; the same credentials can read, so the account '{}' may lack write rights (a read-only 'basic' account?)",
                            f.message,
                            self.ctx.api.user()
                        ),
                    )
                    .with_hint("use an admin account for kill, restart and alter")
                } else {
                    f
                }
            }
            _ => f,
        }
    }
}
