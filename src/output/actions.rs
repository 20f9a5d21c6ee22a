//! What `kill`, `restart` and `alter` print: the preview of a selection and the question (on
//! stderr, before acting), the dry run's lines, one line per result (on stderr), and the results
//! (`-o json`: `{"results": [...]}`; `-o jsonl`: one result per line; `-o tsv`:
//! `maxscale id action ok error` lines; a table prints none, the lines on stderr say it all). A
//! dry run prints the same document, each entry `"dry_run": true` with `"ok": null` (an empty
//! `ok` in TSV), or in a table its text lines on stdout.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::api::maxscale::Action;
use crate::api::model::Session;
use crate::columns::Column;
use crate::error::Failure;
use crate::output::table::Table;
use crate::output::{Format, Options};
use crate::text::sanitize;

/// How an action on one session ended.
#[derive(Debug)]
pub enum Outcome {
    Done,
    /// The session was already gone when a selection reached it: counts as done.
    Gone,
    Failed(Failure),
    /// A dry run: nothing was sent.
    DryRun,
}

/// The result of an action on one session.
#[derive(Debug)]
pub struct Result {
    pub endpoint: usize,
    pub id: String,
    pub outcome: Outcome,
}

/// The sessions a selection matched, as the question shows them.
pub struct Preview<'a> {
    pub sessions: &'a [Session],
    pub labels: &'a [String],
}

/// The preview table: id, user, host, idle, service, and maxscale with several hosts.
pub fn preview(out: &mut dyn Write, options: &Options, p: &Preview<'_>) -> io::Result<()> {
    let mut columns = vec![
        Column::Id,
        Column::User,
        Column::Host,
        Column::Idle,
        Column::Service,
    ];
    if p.labels.len() > 1 {
        columns.push(Column::Maxscale);
    }
    Table {
        columns: &columns,
        labels: p.labels,
        width: options.width,
        palette: options.palette,
    }
    .write(out, p.sessions, None)
}

/// The question asked before acting on a selection: `Kill 3 sessions on 2 hosts?`.
#[must_use]
pub fn question(action: &Action, sessions: usize, hosts: usize) -> String {
    format!(
        "{} {sessions} session{} on {hosts} host{}?",
        crate::text::capitalized(action.verb()),
        plural(sessions),
        plural(hosts),
    )
}

/// The refusal of a selection off a terminal, where nobody can confirm it.
#[must_use]
pub fn unconfirmed(action: &Action, sessions: usize) -> String {
    format!(
        "refusing to {} {sessions} selected session{} without confirmation; nothing was done",
        action.verb(),
        plural(sessions)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The dry run as text: one line per session, `would kill session 5 on mx1 after 30s`.
pub fn dry_run(
    out: &mut dyn Write,
    action: &Action,
    sessions: &[(usize, &str)],
    labels: &[String],
) -> io::Result<()> {
    for (host, id) in sessions {
        let r = Result {
            endpoint: *host,
            id: (*id).to_string(),
            outcome: Outcome::DryRun,
        };
        writeln!(out, "{}", outcome_line(action, &r, labels).0)?;
    }
    Ok(())
}

/// What the action changes, for the dry run: ` after 30s`, `: log_info=true, filters a,b`,
/// `: no filters`.
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

/// The line that tells how an action on one session ended (`killed session 5 on mx1`), and
/// whether it failed.
#[must_use]
pub fn outcome_line(action: &Action, r: &Result, labels: &[String]) -> (String, bool) {
    let id = sanitize::line(&r.id);
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
        Outcome::DryRun => (
            format!(
                "would {} session {id} on {host}{}",
                action.verb(),
                describe(action)
            ),
            false,
        ),
    }
}

/// The results on stdout, in `options.format`.
pub fn write(
    out: &mut dyn Write,
    options: &Options,
    action: &Action,
    results: &[Result],
    labels: &[String],
) -> io::Result<()> {
    let verb = action.verb();
    let value = |r: &Result| -> Value {
        let (ok, error, note) = match &r.outcome {
            Outcome::Done => (Value::from(true), Value::Null, Value::Null),
            Outcome::Gone => (Value::from(true), Value::Null, Value::from("already gone")),
            Outcome::Failed(f) => (
                Value::from(false),
                Value::from(sanitize::line(&f.message)),
                Value::Null,
            ),
            Outcome::DryRun => (
                Value::Null,
                Value::Null,
                Value::from(format!("would {verb}{}", describe(action))),
            ),
        };
        let mut v = json!({
            "maxscale": labels.get(r.endpoint).map_or("", String::as_str),
            "id": r.id,
            "action": verb,
            "ok": ok,
            "error": error,
            "note": note,
        });
        if matches!(r.outcome, Outcome::DryRun)
            && let Some(o) = v.as_object_mut()
        {
            o.insert("dry_run".into(), Value::from(true));
        }
        v
    };
    let mut buf = Vec::new();
    let mut emit = |v: &Value, layout| -> io::Result<()> {
        let bytes = serde_json::to_vec(v).map_err(io::Error::other)?;
        crate::output::json::reformat(&bytes, &mut buf, layout).map_err(io::Error::other)?;
        buf.push(b'\n');
        Ok(())
    };
    use crate::output::json::Layout;
    match options.format {
        Format::Table | Format::Ids => return Ok(()),
        Format::Json => {
            let doc = json!({ "results": results.iter().map(value).collect::<Vec<_>>() });
            let layout = if options.pretty_json {
                Layout::Pretty(0)
            } else {
                Layout::Compact
            };
            emit(&doc, layout)?;
        }
        Format::Jsonl => {
            for r in results {
                emit(&value(r), Layout::Compact)?;
            }
        }
        Format::Tsv => {
            for r in results {
                let (ok, error) = match &r.outcome {
                    Outcome::Done | Outcome::Gone => ("true", String::new()),
                    Outcome::Failed(f) => ("false", sanitize::tsv(&f.message).into_owned()),
                    Outcome::DryRun => ("", String::new()),
                };
                writeln!(
                    buf,
                    "{}\t{}\t{verb}\t{ok}\t{error}",
                    sanitize::tsv(labels.get(r.endpoint).map_or("", String::as_str)),
                    sanitize::tsv(&r.id)
                )?;
            }
        }
    }
    out.write_all(&buf)
}
