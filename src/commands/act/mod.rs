//! `sessions kill`, `restart` and `alter`: find the sessions (explicit ids, routed to the one
//! host that has each; or a selection, shown and confirmed: [`find`]), check that a selected
//! session is still the one that was shown, act on every host concurrently ([`send`]), and
//! report one result per session. A write is sent once, never retried, and never without the
//! confirmation the contract asks for.

mod find;
mod send;

use std::io::Write;

use anyhow::Context as _;

use crate::api::maxscale::Action;
use crate::api::model::Session;
use crate::commands::Ctx;
use crate::error::{Cause, ExitKind, Failure};
use crate::output::actions::{self, Outcome, Preview, Result as ActResult};
use crate::plan::{self, Target};
use crate::select::Selection;

/// What a session was when it was selected: a reused id (after a MaxScale restart) shows up as
/// another connection time, user or client address.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Identity {
    connected: Option<String>,
    user: Option<String>,
    remote: Option<String>,
}

impl Identity {
    fn of(s: &Session) -> Identity {
        Identity {
            connected: s.connected.clone(),
            user: s.user.clone(),
            remote: s.remote.clone(),
        }
    }
}

/// One session to act on.
struct Job {
    endpoint: usize,
    id: String,
    /// For a selection: what it was when shown (checked again before acting).
    identity: Option<Identity>,
    /// For a selection: when its host's MaxScale started (Unix seconds), as it said when the
    /// session was read (checked again before acting: a restart reuses the ids).
    started: Option<i64>,
    session: Option<Session>,
}

impl Job {
    /// A session of a selection, to be checked again before acting.
    fn selected(session: Session) -> Job {
        Job {
            endpoint: session.endpoint,
            id: session.id.clone(),
            identity: Some(Identity::of(&session)),
            started: None,
            session: Some(session),
        }
    }
}

/// `sessions kill | restart | alter`.
pub fn run(ctx: &Ctx, plan: &plan::Act) -> anyhow::Result<Option<ExitKind>> {
    let (jobs, selected) = match &plan.target {
        Target::Ids(ids) => (find::route(ctx, ids)?, false),
        Target::Selection(selection) => (find::select(ctx, selection, None)?, true),
        Target::Stdin => {
            let ids = find::read_stdin_ids(ctx)?;
            (find::select(ctx, &Selection::default(), Some(&ids))?, true)
        }
        Target::All => (find::select(ctx, &Selection::default(), None)?, true),
    };
    if jobs.is_empty() {
        ctx.diag.note(&format!(
            "no sessions matched: nothing to {}",
            plan.action.verb()
        ));
        return Ok(None);
    }
    if selected || plan.dry_run {
        let sessions: Vec<Session> = jobs.iter().filter_map(|j| j.session.clone()).collect();
        if !sessions.is_empty() {
            ctx.diag.preview(
                &ctx.options,
                &Preview {
                    sessions: &sessions,
                    labels: ctx.labels(),
                },
            )?;
        }
    }
    if plan.dry_run {
        let mut out = ctx.stdout();
        if ctx.options.format.is_json() || ctx.options.format == crate::output::Format::Tsv {
            // the document a run would print, each entry marked as not sent
            let results: Vec<ActResult> = jobs
                .iter()
                .map(|j| ActResult {
                    endpoint: j.endpoint,
                    id: j.id.clone(),
                    outcome: Outcome::DryRun,
                })
                .collect();
            actions::write(&mut out, &ctx.options, &plan.action, &results, ctx.labels())?;
        } else {
            let sessions: Vec<(usize, &str)> =
                jobs.iter().map(|j| (j.endpoint, j.id.as_str())).collect();
            actions::dry_run(&mut out, &plan.action, &sessions, ctx.labels())?;
        }
        out.flush()?;
        return Ok(None);
    }
    if selected && !plan.yes {
        confirm(ctx, plan, &jobs)?;
    }
    let jobs = if selected {
        find::recheck(ctx, jobs)?
    } else {
        jobs.into_iter().map(Ok).collect()
    };
    let results = if matches!(plan.target, Target::All) {
        send::restart_all(ctx, jobs)
    } else {
        send::each(ctx, &plan.action, jobs, selected)
    };
    report(ctx, plan, &results)
}

/// Acts on one session chosen in a listing, once the caller has had it confirmed (the live
/// view's `x` and `r`): the path of a confirmed selection, so the session is read again first,
/// left alone when it is no longer the one that was shown, and counted as done when it is
/// already gone.
pub fn on_chosen(ctx: &Ctx, action: &Action, session: &Session) -> ActResult {
    let failed = |failure| ActResult {
        endpoint: session.endpoint,
        id: session.id.clone(),
        outcome: Outcome::Failed(failure),
    };
    let jobs = match find::recheck(ctx, vec![Job::selected(session.clone())]) {
        Ok(jobs) => jobs,
        Err(e) => {
            let cause = crate::error::cause(&e).unwrap_or(Cause::Internal);
            let mut failure = Failure::new(cause, format!("{e:#}"));
            failure.hint = crate::error::hint(&e).map(str::to_string);
            return failed(failure);
        }
    };
    send::each(ctx, action, jobs, true)
        .pop()
        .unwrap_or_else(|| failed(Failure::internal("the action produced no result")))
}

/// Asks on the terminal; refuses (exit 2) off a terminal.
fn confirm(ctx: &Ctx, plan: &plan::Act, jobs: &[Job]) -> anyhow::Result<()> {
    let mut hosts: Vec<usize> = jobs.iter().map(|j| j.endpoint).collect();
    hosts.sort_unstable();
    hosts.dedup();
    let question = actions::question(&plan.action, jobs.len(), hosts.len());
    let refuse = || {
        Failure::usage(actions::unconfirmed(&plan.action, jobs.len()))
            .with_hint("add --yes to act without asking, or --dry-run to see what would be done")
    };
    // With ids on standard input the answer must come from the terminal itself.
    let from_stdin = matches!(plan.target, Target::Stdin);
    let answer = if !from_stdin && ctx.terminal.stdin && ctx.diag.tty {
        ctx.diag.ask(&question, &mut std::io::stdin().lock())?
    } else if ctx.diag.tty {
        match std::fs::File::open("/dev/tty") {
            Ok(tty) => ctx.diag.ask(&question, &mut std::io::BufReader::new(tty))?,
            Err(_) => return Err(refuse().into()),
        }
    } else {
        return Err(refuse().into());
    };
    if answer {
        Ok(())
    } else {
        Err(Failure::new(Cause::Usage, "not confirmed; nothing was done").into())
    }
}

/// One line per session on stderr; a results document on stdout with `-o json`/`jsonl`/`tsv`.
fn report(ctx: &Ctx, plan: &plan::Act, results: &[ActResult]) -> anyhow::Result<Option<ExitKind>> {
    let mut first = None;
    for r in results {
        let (line, failed) = actions::outcome_line(&plan.action, r, ctx.labels());
        match &r.outcome {
            Outcome::Failed(f) if failed => {
                first.get_or_insert(f.kind());
                let mut shown = Failure::new(f.cause, line);
                shown.hint.clone_from(&f.hint);
                ctx.diag.error(&anyhow::Error::new(shown));
            }
            _ => ctx.diag.line(&line),
        }
    }
    let mut out = ctx.stdout();
    actions::write(&mut out, &ctx.options, &plan.action, results, ctx.labels())?;
    out.flush().context("writing the output")?;
    Ok(first)
}
