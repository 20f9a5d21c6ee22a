//! `sessions kill`, `restart` and `alter`: find the sessions (explicit ids, routed to the one
//! host that has each; or a selection, shown and confirmed), check that a selected session is
//! still the one that was shown, act on every host concurrently, and report one result per
//! session. A write is sent once, never retried, and never without the confirmation the
//! contract asks for.

use std::collections::HashMap;
use std::io::{BufRead, IsTerminal, Read, Write};

use anyhow::Context as _;

use crate::api::client::Method;
use crate::api::fetch::{self, Shown};
use crate::api::model::Session;
use crate::commands::Ctx;
use crate::commands::sessions::{encode_id, fetch_sessions};
use crate::error::{Cause, ExitKind, Failure};
use crate::output::actions::{self, Outcome, Preview, Result as ActResult};
use crate::plan::{self, Action, IdRef, Target};
use crate::rdns;
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
    session: Option<Session>,
}

/// `sessions kill | restart | alter`.
pub fn run(ctx: &Ctx, plan: &plan::Act) -> anyhow::Result<Option<ExitKind>> {
    let (jobs, selected) = match &plan.target {
        Target::Ids(ids) => (route(ctx, ids)?, false),
        Target::Selection(selection) => (select(ctx, selection, None)?, true),
        Target::Stdin => {
            let ids = read_stdin_ids(ctx)?;
            (select(ctx, &Selection::default(), Some(&ids))?, true)
        }
        Target::All => (select(ctx, &Selection::default(), None)?, true),
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
            let mut err = std::io::stderr().lock();
            let options = crate::output::Options {
                palette: ctx.diag.palette,
                ..ctx.options
            };
            actions::preview(
                &mut err,
                &options,
                &Preview {
                    sessions: &sessions,
                    labels: &ctx.labels,
                },
            )?;
        }
    }
    if plan.dry_run {
        let mut out = ctx.stdout();
        for j in &jobs {
            writeln!(
                out,
                "would {} session {} on {}{}",
                plan.action.verb(),
                crate::text::sanitize::line(&j.id),
                ctx.labels[j.endpoint],
                describe(&plan.action)
            )?;
        }
        out.flush()?;
        return Ok(None);
    }
    if selected && !plan.yes {
        confirm(ctx, plan, &jobs)?;
    }
    let jobs = if selected {
        recheck(ctx, jobs)?
    } else {
        jobs.into_iter().map(Ok).collect()
    };
    let results = execute(
        ctx,
        &plan.action,
        jobs,
        selected,
        matches!(plan.target, Target::All),
    );
    report(ctx, plan, &results)
}

/// Acts on one session chosen in a listing, once the caller has had it confirmed (the live
/// view's `x` and `r`): the path of a confirmed selection, so the session is read again first,
/// left alone when it is no longer the one that was shown, and counted as done when it is
/// already gone.
pub fn on_chosen(ctx: &Ctx, action: &Action, session: &Session) -> ActResult {
    let job = Job {
        endpoint: session.endpoint,
        id: session.id.clone(),
        identity: Some(Identity::of(session)),
        session: Some(session.clone()),
    };
    let jobs = match recheck(ctx, vec![job]) {
        Ok(jobs) => jobs,
        Err(e) => {
            let cause = e
                .chain()
                .find_map(|c| c.downcast_ref::<Failure>().map(|f| f.cause))
                .unwrap_or(Cause::Internal);
            let mut failure = Failure::new(cause, format!("{e:#}"));
            failure.hint = crate::error::hint(&e).map(str::to_string);
            return ActResult {
                endpoint: session.endpoint,
                id: session.id.clone(),
                outcome: Outcome::Failed(failure),
            };
        }
    };
    execute(ctx, action, jobs, true, false)
        .pop()
        .unwrap_or_else(|| ActResult {
            endpoint: session.endpoint,
            id: session.id.clone(),
            outcome: Outcome::Failed(Failure::internal("the action produced no result")),
        })
}

/// The line that tells how an action on one session ended (`killed session 5 on mx1`), and
/// whether it failed.
#[must_use]
pub fn outcome_line(action: &Action, r: &ActResult, labels: &[String]) -> (String, bool) {
    let id = crate::text::sanitize::line(&r.id);
    let host = labels.get(r.endpoint).map_or("", String::as_str);
    match &r.outcome {
        Outcome::Done => (
            format!(
                "{} session {id} on {host}{}",
                action.done(),
                match action {
                    Action::Kill { ttl: Some(t) } => format!(" (in {t}s)"),
                    _ => String::new(),
                }
            ),
            false,
        ),
        Outcome::Gone => (
            format!(
                "session {id} on {host} was already gone: nothing to {}",
                action.verb()
            ),
            false,
        ),
        Outcome::Failed(f) => (format!("session {id} on {host}: {}", f.message), true),
    }
}

/// What the action changes, for the dry run: ` (ttl 30s)`, ` (log_info=true, filters: a, b)`.
fn describe(action: &Action) -> String {
    match action {
        Action::Kill { ttl: Some(t) } => format!(" after {t}s"),
        Action::Kill { ttl: None } | Action::Restart => String::new(),
        Action::Alter {
            parameters,
            filters,
        } => {
            let mut parts: Vec<String> =
                parameters.iter().map(|(k, v)| format!("{k}={v}")).collect();
            if let Some(f) = filters {
                parts.push(if f.is_empty() {
                    "no filters".into()
                } else {
                    format!("filters {}", f.join(","))
                });
            }
            format!(": {}", parts.join(", "))
        }
    }
}

/// Explicit ids: an `ID@HOST` goes to that host, a bare id to the only host, or, with several
/// hosts, to the one that has it (asked for first). Every routing error comes before any write.
fn route(ctx: &Ctx, ids: &[IdRef]) -> anyhow::Result<Vec<Job>> {
    let endpoints = &ctx.settings.connection.endpoints;
    let mut jobs = Vec::new();
    for r in ids {
        let job = |endpoint| Job {
            endpoint,
            id: r.id.clone(),
            identity: None,
            session: None,
        };
        match r.endpoint {
            Some(e) => jobs.push(job(e)),
            None if endpoints.len() == 1 => jobs.push(job(0)),
            None => {
                let path = format!("v1/sessions/{}", encode_id(&r.id));
                let mut have = Vec::new();
                for (endpoint, result) in fetch::show(&ctx.client, endpoints, &path) {
                    match result? {
                        Shown::Found(_) => have.push(endpoint),
                        Shown::Missing(_) => {}
                    }
                }
                let id = crate::text::sanitize::line(&r.id);
                match have.as_slice() {
                    [] => {
                        return Err(Failure::new(
                            Cause::NotFound,
                            format!("session {id} not found on {}", ctx.labels.join(", ")),
                        )
                        .with_hint("`mxs sessions list` shows the current sessions")
                        .into());
                    }
                    [one] => jobs.push(job(*one)),
                    several => {
                        let forms: Vec<String> = several
                            .iter()
                            .map(|e| format!("{id}@{}", ctx.labels[*e]))
                            .collect();
                        return Err(Failure::usage(format!(
                            "session {id} exists on {} hosts: {}; nothing was done",
                            several.len(),
                            several
                                .iter()
                                .map(|e| ctx.labels[*e].as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ))
                        .with_hint(format!("name one: {}", forms.join(" or ")))
                        .into());
                    }
                }
            }
        }
    }
    Ok(jobs)
}

/// Ids from standard input, one per line, as `sessions list -o ids` prints them.
fn read_stdin_ids(ctx: &Ctx) -> anyhow::Result<Vec<IdRef>> {
    let mut text = String::new();
    std::io::stdin()
        .lock()
        .take(16 * 1024 * 1024)
        .read_to_string(&mut text)
        .map_err(|e| Failure::usage(format!("reading session ids from standard input: {e}")))?;
    Ok(IdRef::parse_lines(&text, &ctx.labels)?)
}

/// A selection: the sessions of every host that match (and, for ids from standard input, that
/// are named), lowest ids first.
fn select(ctx: &Ctx, selection: &Selection, ids: Option<&[IdRef]>) -> anyhow::Result<Vec<Job>> {
    let rdns = crate::plan::RdnsSettings::off();
    let fetched = fetch_sessions(
        ctx,
        &rdns,
        &mut rdns::Cache::disabled(),
        selection,
        false,
        false,
    )?;
    // A host that cannot be read cannot be acted on safely: stop before any write.
    if let Some((_, e)) = fetched.failures.into_iter().next() {
        return Err(e.context("reading the sessions to act on; nothing was done"));
    }
    let named = |s: &Session| match ids {
        None => true,
        Some(ids) => ids
            .iter()
            .any(|r| r.id == s.id && r.endpoint.is_none_or(|e| e == s.endpoint)),
    };
    if let Some(ids) = ids {
        let several = ctx.labels.len() > 1;
        for r in ids.iter().filter(|r| r.endpoint.is_none() && several) {
            let hosts = fetched.items.iter().filter(|(s, _)| s.id == r.id).count();
            if hosts > 1 {
                return Err(Failure::usage(format!(
                    "session {} from standard input exists on {hosts} hosts; nothing was done",
                    crate::text::sanitize::line(&r.id)
                ))
                .with_hint("qualify it as ID@HOST (`mxs sessions list -o ids` does)")
                .into());
            }
        }
    }
    Ok(fetched
        .items
        .into_iter()
        .map(|(s, _)| s)
        .filter(|s| named(s))
        .map(|s| Job {
            endpoint: s.endpoint,
            id: s.id.clone(),
            identity: Some(Identity::of(&s)),
            session: Some(s),
        })
        .collect())
}

/// Asks on the terminal; refuses (exit 2) off a terminal.
fn confirm(ctx: &Ctx, plan: &plan::Act, jobs: &[Job]) -> anyhow::Result<()> {
    let mut hosts: Vec<usize> = jobs.iter().map(|j| j.endpoint).collect();
    hosts.sort_unstable();
    hosts.dedup();
    let question = format!(
        "{} {} session{} on {} host{}?",
        capitalized(plan.action.verb()),
        jobs.len(),
        if jobs.len() == 1 { "" } else { "s" },
        hosts.len(),
        if hosts.len() == 1 { "" } else { "s" },
    );
    let refuse = || {
        Failure::usage(format!(
            "refusing to {} {} selected session{} without confirmation; nothing was done",
            plan.action.verb(),
            jobs.len(),
            if jobs.len() == 1 { "" } else { "s" }
        ))
        .with_hint("add --yes to act without asking, or --dry-run to see what would be done")
    };
    // With ids on standard input the answer must come from the terminal itself.
    let from_stdin = matches!(plan.target, Target::Stdin);
    let answer = if !from_stdin && std::io::stdin().is_terminal() && ctx.diag.tty {
        ask(&question, &mut std::io::stdin().lock())?
    } else if ctx.diag.tty {
        match std::fs::File::open("/dev/tty") {
            Ok(tty) => ask(&question, &mut std::io::BufReader::new(tty))?,
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

fn ask(question: &str, input: &mut dyn BufRead) -> anyhow::Result<bool> {
    let mut err = std::io::stderr().lock();
    write!(err, "{question} [y/N] ")?;
    err.flush()?;
    let mut line = String::new();
    input.read_line(&mut line).context("reading the answer")?;
    Ok(matches!(
        line.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}

fn capitalized(verb: &str) -> String {
    let mut c = verb.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Reads the selected sessions again, right before acting: a session whose identity changed
/// is skipped, one already gone is done. A host that cannot be read stops everything when a
/// session to act on is there.
fn recheck(ctx: &Ctx, jobs: Vec<Job>) -> anyhow::Result<Vec<Result<Job, ActResult>>> {
    let rdns = crate::plan::RdnsSettings::off();
    let fetched = fetch_sessions(
        ctx,
        &rdns,
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
    Ok(check_identities(jobs, &now))
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

/// The request of an action on one session.
fn request(action: &Action, id: &str) -> (Method, String, Option<Vec<u8>>) {
    let id = encode_id(id);
    match action {
        Action::Kill { ttl: None } => (Method::Delete, format!("v1/sessions/{id}"), None),
        Action::Kill { ttl: Some(t) } => {
            (Method::Delete, format!("v1/sessions/{id}?ttl={t}"), None)
        }
        Action::Restart => (Method::Post, format!("v1/sessions/{id}/restart"), None),
        Action::Alter {
            parameters,
            filters,
        } => {
            let mut data = serde_json::Map::new();
            if !parameters.is_empty() {
                let p: serde_json::Map<String, serde_json::Value> = parameters
                    .iter()
                    .map(|(k, v)| (k.clone(), serde_json::Value::Bool(*v)))
                    .collect();
                data.insert("attributes".into(), serde_json::json!({ "parameters": p }));
            }
            if let Some(f) = filters {
                let list: Vec<serde_json::Value> = f
                    .iter()
                    .map(|n| serde_json::json!({"id": n, "type": "filters"}))
                    .collect();
                data.insert(
                    "relationships".into(),
                    serde_json::json!({"filters": {"data": list}}),
                );
            }
            let body = serde_json::json!({ "data": data }).to_string().into_bytes();
            (Method::Patch, format!("v1/sessions/{id}"), Some(body))
        }
    }
}

/// Acts on every host concurrently, each host's sessions one after the other.
fn execute(
    ctx: &Ctx,
    action: &Action,
    jobs: Vec<Result<Job, ActResult>>,
    selected: bool,
    all: bool,
) -> Vec<ActResult> {
    let mut results = Vec::new();
    let mut by_host: Vec<Vec<Job>> = (0..ctx.labels.len()).map(|_| Vec::new()).collect();
    for j in jobs {
        match j {
            Ok(j) => by_host[j.endpoint].push(j),
            Err(r) => results.push(r),
        }
    }
    let by_host = &by_host;
    let done = fetch::on_every_endpoint(&ctx.settings.connection.endpoints, |endpoint, e| {
        let jobs = &by_host[endpoint];
        if jobs.is_empty() {
            return Vec::new();
        }
        let mut version = None;
        if all {
            // one request restarts every session of the host
            let outcome = ctx
                .client
                .write(e, Method::Post, "v1/sessions/restart", None)
                .map_err(|f| explain(ctx, action, e, endpoint, f, &mut version, false));
            return jobs
                .iter()
                .map(|j| ActResult {
                    endpoint,
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
                .collect();
        }
        jobs.iter()
            .map(|j| {
                let (method, path, body) = request(action, &j.id);
                let outcome = match ctx.client.write(e, method, &path, body.as_deref()) {
                    Ok(()) => Outcome::Done,
                    Err(f) => {
                        let f = explain(ctx, action, e, endpoint, f, &mut version, selected);
                        if f.cause == Cause::NotFound && selected {
                            Outcome::Gone
                        } else {
                            Outcome::Failed(f)
                        }
                    }
                };
                ActResult {
                    endpoint,
                    id: j.id.clone(),
                    outcome,
                }
            })
            .collect()
    });
    for (endpoint, r) in done.into_iter().enumerate() {
        match r {
            Ok(rs) => results.extend(rs),
            Err(e) => results.extend(by_host[endpoint].iter().map(|j| ActResult {
                endpoint,
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

/// Turns a failed write into what it means: a version without the route, an account that can
/// read but not write, a session that is not there.
fn explain(
    ctx: &Ctx,
    action: &Action,
    e: &crate::endpoint::Endpoint,
    endpoint: usize,
    f: Failure,
    version: &mut Option<Option<String>>,
    selected: bool,
) -> Failure {
    let label = &ctx.labels[endpoint];
    match f.cause {
        // Before 22.08 (6.0 for alter) MaxScale has no such route and answers 404 with an
        // empty body even for a session that exists.
        Cause::NotFound => {
            let v = version.get_or_insert_with(|| server_version(ctx, e));
            if let Some(v) = v
                && older_than(v, action.since())
            {
                let (major, minor) = action.since();
                return Failure::new(
                    Cause::Unsupported,
                    format!(
                        "MaxScale {v} on {label} cannot {} sessions: that needs MaxScale {major}.{minor:02} or later",
                        action.verb()
                    ),
                );
            }
            if selected {
                f
            } else {
                let mut message = f.message.clone();
                message.push_str(": no such session");
                Failure { message, ..f }.with_hint("`mxs sessions list` shows the current sessions")
            }
        }
        // With HTTP Basic a read-only account's write gets the same 401 as bad credentials.
        Cause::Denied if f.status == Some(401) => {
            if ctx
                .client
                .get(e, "v1/sessions?fields[sessions]=id&page[size]=1")
                .is_ok()
            {
                Failure::new(
                    Cause::Denied,
                    format!(
                        "{}; the same credentials can read, so the account '{}' may lack write rights (a read-only 'basic' account?)",
                        f.message, ctx.settings.connection.user
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

/// The version MaxScale reports (`GET /v1/maxscale`), if it says.
fn server_version(ctx: &Ctx, e: &crate::endpoint::Endpoint) -> Option<String> {
    let mut body = ctx.client.get(e, "v1/maxscale").ok()?;
    let mut bytes = Vec::new();
    body.by_ref()
        .take(1024 * 1024)
        .read_to_end(&mut bytes)
        .ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    v.pointer("/data/attributes/version")
        .and_then(serde_json::Value::as_str)
        .map(|s| crate::text::sanitize::line(s).into_owned())
}

/// Whether `version` (`6.4.1`, `24.02.4`) is older than `(major, minor)`.
fn older_than(version: &str, (major, minor): (u32, u32)) -> bool {
    let mut parts = version.split(['.', '-']).map(|p| p.parse::<u32>().ok());
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(a), Some(b)) => (a, b) < (major, minor),
        (Some(a), None) => a < major,
        _ => false,
    }
}

/// One line per session on stderr; a results document on stdout with `-o json`/`jsonl`/`tsv`.
fn report(ctx: &Ctx, plan: &plan::Act, results: &[ActResult]) -> anyhow::Result<Option<ExitKind>> {
    let mut first = None;
    for r in results {
        let (line, failed) = outcome_line(&plan.action, r, &ctx.labels);
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
    actions::write(
        &mut out,
        &ctx.options,
        plan.action.verb(),
        results,
        &ctx.labels,
    )?;
    out.flush().context("writing the output")?;
    Ok(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(endpoint: usize, id: &str, user: &str) -> Job {
        let s = Session {
            endpoint,
            id: id.into(),
            user: Some(user.into()),
            connected: Some("Fri, 05 Jan 2024 07:24:06 GMT".into()),
            remote: Some("127.0.0.1".into()),
            ..Session::default()
        };
        Job {
            endpoint,
            id: id.into(),
            identity: Some(Identity::of(&s)),
            session: Some(s),
        }
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

    #[test]
    fn versions_compare_by_major_and_minor() {
        assert!(older_than("6.4.1", (22, 8)));
        assert!(older_than("22.02.1", (22, 8)));
        assert!(!older_than("22.08.0", (22, 8)));
        assert!(!older_than("24.02.4", (22, 8)));
        assert!(older_than("2.5.29", (6, 0)));
        assert!(!older_than("6.0.0", (6, 0)));
        assert!(!older_than("develop", (22, 8)));
    }

    #[test]
    fn requests_are_exactly_what_the_server_reads() {
        assert_eq!(
            request(&Action::Kill { ttl: None }, "42"),
            (Method::Delete, "v1/sessions/42".into(), None)
        );
        assert_eq!(
            request(&Action::Kill { ttl: Some(30) }, "42").1,
            "v1/sessions/42?ttl=30"
        );
        assert_eq!(
            request(&Action::Restart, "7"),
            (Method::Post, "v1/sessions/7/restart".into(), None)
        );
        let (m, p, body) = request(
            &Action::Alter {
                parameters: vec![("log_info".into(), true)],
                filters: Some(vec!["Regex".into()]),
            },
            "8",
        );
        assert_eq!((m, p.as_str()), (Method::Patch, "v1/sessions/8"));
        let body: serde_json::Value = serde_json::from_slice(&body.unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"data": {
                "attributes": {"parameters": {"log_info": true}},
                "relationships": {"filters": {"data": [{"id": "Regex", "type": "filters"}]}}
            }})
        );
        let (_, _, body) = request(
            &Action::Alter {
                parameters: vec![],
                filters: Some(vec![]),
            },
            "8",
        );
        let body: serde_json::Value = serde_json::from_slice(&body.unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"data": {"relationships": {"filters": {"data": []}}}})
        );
    }
}
