//! What `kill`, `restart` and `alter` print: the preview of a selection (on stderr, before the
//! question) and the results (`-o json`: `{"results": [...]}`; `-o jsonl`: one result per line;
//! `-o tsv`: `maxscale id action ok error` lines; a table prints none, the lines on stderr say
//! it all).

use std::io::{self, Write};

use serde_json::{Value, json};

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

/// The results on stdout, in `options.format`.
pub fn write(
    out: &mut dyn Write,
    options: &Options,
    action: &str,
    results: &[Result],
    labels: &[String],
) -> io::Result<()> {
    let value = |r: &Result| -> Value {
        let (ok, error, note) = match &r.outcome {
            Outcome::Done => (true, Value::Null, Value::Null),
            Outcome::Gone => (true, Value::Null, Value::from("already gone")),
            Outcome::Failed(f) => (false, Value::from(sanitize::line(&f.message)), Value::Null),
        };
        json!({
            "maxscale": labels.get(r.endpoint).map_or("", String::as_str),
            "id": r.id,
            "action": action,
            "ok": ok,
            "error": error,
            "note": note,
        })
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
                };
                writeln!(
                    buf,
                    "{}\t{}\t{action}\t{ok}\t{error}",
                    sanitize::tsv(labels.get(r.endpoint).map_or("", String::as_str)),
                    sanitize::tsv(&r.id)
                )?;
            }
        }
    }
    out.write_all(&buf)
}
