//! The backend through the SQL API: `sessions locks` in every format, and the "Backend threads"
//! of `show --backend` (table section, TSV fields, JSON `meta.backend`). Every string a server
//! sent (user names, hosts, statements, lock names) is sanitized; statements are cut in tables
//! only, whole in JSON and TSV.

use std::io::Write;

use comfy_table::{ContentArrangement, Table, presets};
use serde_json::{Value, json};

use crate::api::backend::{Lock, Thread, Trx};
use crate::api::json::Layout;
use crate::locks::{Blocked, Party, Root, Waiting};
use crate::output::style::Palette;
use crate::output::{Format, Options};
use crate::text::sanitize;
use crate::text::units::format_seconds;

/// Longest statement shown in a table cell.
const STATEMENT_WIDTH: usize = 60;

/// What `sessions locks` prints: every blocked thread, or only the root blockers.
#[derive(Debug)]
pub enum View {
    Blocked(Vec<Blocked>),
    Roots(Vec<Root>),
}

impl View {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        match self {
            View::Blocked(b) => b.is_empty(),
            View::Roots(r) => r.is_empty(),
        }
    }

    /// The thread each row is about: the waiter, or the root.
    pub fn parties(&self) -> Box<dyn Iterator<Item = &Party> + '_> {
        match self {
            View::Blocked(b) => Box::new(b.iter().map(|b| &b.waiter)),
            View::Roots(r) => Box::new(r.iter().map(|r| &r.party)),
        }
    }
}

fn secs(s: Option<i64>) -> String {
    #[allow(clippy::cast_precision_loss)]
    s.map_or_else(String::new, |s| format_seconds(s as f64))
}

/// A session's id as the actions read it (`ID`, or `ID@HOST` with several hosts).
fn id_of(p: &Party, labels: &[String]) -> Option<String> {
    let o = p.owner.as_ref()?;
    Some(crate::output::list::id_text(
        &o.id,
        o.host,
        labels,
        labels.len() > 1,
    ))
}

/// `session 2 (maxuser@127.0.0.1)`, or `thread 900 on server1 (not through these MaxScales)`.
#[must_use]
pub fn party_text(p: &Party, labels: &[String]) -> String {
    match (&p.owner, id_of(p, labels)) {
        (Some(o), Some(id)) => {
            let who = match (&o.user, &o.remote) {
                (Some(u), Some(r)) => format!(" ({}@{})", sanitize::line(u), sanitize::line(r)),
                (Some(u), None) => format!(" ({})", sanitize::line(u)),
                (None, Some(r)) => format!(" ({})", sanitize::line(r)),
                (None, None) => String::new(),
            };
            format!("session {id}{who}")
        }
        _ => format!(
            "thread {} on {} (not through these MaxScales)",
            p.thread,
            sanitize::line(&p.server)
        ),
    }
}

/// `row lock X on `test`.`locktest` (PRIMARY)`, `metadata lock on test.locktest`.
#[must_use]
pub fn lock_text(lock: &Lock) -> String {
    let s = |v: &Option<String>| v.as_deref().map(|t| sanitize::line(t).into_owned());
    match lock {
        Lock::Row {
            mode, table, index, ..
        } => {
            let mut t = String::from("row lock");
            if let Some(m) = s(mode) {
                t.push_str(&format!(" {m}"));
            }
            if let Some(tb) = s(table) {
                t.push_str(&format!(" on {tb}"));
            }
            if let Some(i) = s(index) {
                t.push_str(&format!(" ({i})"));
            }
            t
        }
        Lock::Metadata { table, mode } => {
            let mut t = String::from("metadata lock");
            if let Some(tb) = s(table) {
                t.push_str(&format!(" on {tb}"));
            }
            if let Some(m) = s(mode) {
                t.push_str(&format!(", held as {m}"));
            }
            t
        }
    }
}

fn statement(p: &Party) -> Option<&str> {
    p.info.as_ref().and_then(|t| t.info.as_deref())
}

/// The chain a wait hangs on: `session 2 → session 1`, and the other direct blockers.
fn chain_text(w: &Waiting, labels: &[String]) -> String {
    if w.blockers.is_empty() {
        return "unknown".into();
    }
    let parts: Vec<String> = w.chain.iter().map(|p| party_text(p, labels)).collect();
    let others: Vec<String> = w
        .blockers
        .iter()
        .filter(|b| !w.chain.iter().any(|c| c.thread == b.thread))
        .map(|b| party_text(b, labels))
        .collect();
    let mut text = parts.join(" → ");
    if !others.is_empty() {
        text.push_str(&format!(" (also {})", others.join(", ")));
    }
    text
}

fn trx_json(t: &Trx) -> Value {
    json!({
        "id": t.id, "state": t.state, "started": t.started, "age": t.age,
        "rows_locked": t.rows_locked, "rows_modified": t.rows_modified,
    })
}

fn thread_json(t: &Thread) -> Value {
    json!({
        "user": t.user, "host": t.host, "db": t.db, "command": t.command, "time": t.time,
        "state": t.state, "statement": t.info,
    })
}

/// A thread in JSON: server, thread, the session that owns it (or null), its PROCESSLIST row
/// and transaction as the server sent them.
#[must_use]
pub fn party_json(p: &Party, labels: &[String]) -> Value {
    let o = p.owner.as_ref();
    json!({
        "server": p.server,
        "thread": p.thread,
        "session": o.map(|o| o.id.clone()),
        "maxscale": o.and_then(|o| labels.get(o.host).cloned()),
        "user": o.and_then(|o| o.user.clone()),
        "remote": o.and_then(|o| o.remote.clone()),
        "process": p.info.as_ref().map(thread_json),
        "transaction": p.trx.as_ref().map(trx_json),
    })
}

fn lock_json(lock: &Lock) -> Value {
    match lock {
        Lock::Row {
            mode,
            kind,
            table,
            index,
        } => json!({"kind": "row", "mode": mode, "type": kind, "table": table, "index": index}),
        Lock::Metadata { table, mode } => {
            json!({"kind": "metadata", "table": table, "holder_mode": mode})
        }
    }
}

/// A wait in JSON.
#[must_use]
pub fn waiting_json(w: &Waiting, labels: &[String]) -> Value {
    let list = |ps: &[Party]| ps.iter().map(|p| party_json(p, labels)).collect::<Vec<_>>();
    json!({
        "lock": lock_json(&w.lock),
        "seconds": w.seconds,
        "blocked_by": list(&w.blockers),
        "chain": list(&w.chain),
        "roots": list(&w.roots),
    })
}

fn table(width: usize) -> Table {
    let mut t = Table::new();
    t.load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX));
    t
}

fn cut(text: Option<&str>) -> String {
    crate::output::table::truncate(&sanitize::line(text.unwrap_or("")), STATEMENT_WIDTH)
}

/// Writes `sessions locks` in `options.format`; `notes` (what a server could not say) go to
/// JSON's `meta.notes`.
pub fn write(
    out: &mut dyn Write,
    options: &Options,
    labels: &[String],
    view: &View,
    notes: &[String],
) -> anyhow::Result<()> {
    let p = options.palette;
    let rows: Vec<Value> = match view {
        View::Blocked(b) => b
            .iter()
            .map(|b| {
                let mut v = json!({"waiter": party_json(&b.waiter, labels)});
                if let (Some(obj), Value::Object(w)) =
                    (v.as_object_mut(), waiting_json(&b.waiting, labels))
                {
                    obj.extend(w);
                }
                v
            })
            .collect(),
        View::Roots(r) => r
            .iter()
            .map(|r| {
                json!({"root": party_json(&r.party, labels), "blocked": r.blocked,
                       "longest_wait": r.longest})
            })
            .collect(),
    };
    // laid out by the copier, which escapes what a terminal would obey
    let write_json = |out: &mut dyn Write, v: &Value, pretty: bool| -> anyhow::Result<()> {
        let mut buf = Vec::new();
        let layout = if pretty {
            Layout::Pretty(0)
        } else {
            Layout::Compact
        };
        crate::api::json::reformat(&serde_json::to_vec(v)?, &mut buf, layout)
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        buf.push(b'\n');
        out.write_all(&buf)?;
        Ok(())
    };
    match options.format {
        Format::Json => {
            let doc = json!({"data": rows, "meta": {"notes": notes}});
            write_json(out, &doc, options.pretty_json)?;
        }
        Format::Jsonl => {
            for r in &rows {
                write_json(out, r, false)?;
            }
        }
        Format::Ids => {
            for party in view.parties() {
                if let Some(id) = id_of(party, labels) {
                    writeln!(out, "{id}")?;
                }
            }
        }
        Format::Tsv => write_tsv(out, options, labels, view)?,
        Format::Table if view.is_empty() => writeln!(out, "no lock waits")?,
        Format::Table => {
            let mut t = table(options.width);
            match view {
                View::Blocked(b) => {
                    t.set_header(
                        [
                            "WAITING",
                            "SERVER",
                            "THREAD",
                            "WAITED",
                            "LOCK",
                            "BLOCKED BY",
                            "STATEMENT",
                        ]
                        .map(|h| p.header(h)),
                    );
                    for b in b {
                        t.add_row(vec![
                            party_text(&b.waiter, labels),
                            sanitize::line(&b.waiter.server).into_owned(),
                            b.waiter.thread.to_string(),
                            secs(b.waiting.seconds),
                            lock_text(&b.waiting.lock),
                            chain_text(&b.waiting, labels),
                            cut(statement(&b.waiter)),
                        ]);
                    }
                }
                View::Roots(r) => {
                    t.set_header(
                        [
                            "BLOCKER",
                            "SERVER",
                            "THREAD",
                            "COMMAND",
                            "TIME",
                            "TRX AGE",
                            "ROWS LOCKED",
                            "BLOCKS",
                            "LONGEST WAIT",
                            "STATEMENT",
                        ]
                        .map(|h| p.header(h)),
                    );
                    for r in r {
                        let info = r.party.info.as_ref();
                        let trx = r.party.trx.as_ref();
                        t.add_row(vec![
                            party_text(&r.party, labels),
                            sanitize::line(&r.party.server).into_owned(),
                            r.party.thread.to_string(),
                            sanitize::line(info.and_then(|i| i.command.as_deref()).unwrap_or(""))
                                .into_owned(),
                            secs(info.and_then(|i| i.time)),
                            secs(trx.and_then(|t| t.age)),
                            trx.and_then(|t| t.rows_locked)
                                .map_or_else(String::new, |n| n.to_string()),
                            r.blocked.to_string(),
                            secs(r.longest),
                            cut(statement(&r.party)),
                        ]);
                    }
                }
            }
            writeln!(out, "{}", t.trim_fmt())?;
        }
    }
    Ok(())
}

fn write_tsv(
    out: &mut dyn Write,
    options: &Options,
    labels: &[String],
    view: &View,
) -> std::io::Result<()> {
    let field = |v: Option<String>| sanitize::tsv(&v.unwrap_or_default()).into_owned();
    let session = |p: &Party| p.owner.as_ref().map(|o| o.id.clone());
    let maxscale = |p: &Party| p.owner.as_ref().and_then(|o| labels.get(o.host).cloned());
    let ids = |ps: &[Party]| {
        ps.iter()
            .map(|p| id_of(p, labels).unwrap_or_else(|| format!("thread:{}", p.thread)))
            .collect::<Vec<_>>()
            .join(",")
    };
    match view {
        View::Blocked(b) => {
            if options.header {
                writeln!(
                    out,
                    "session\tmaxscale\tserver\tthread\twaited\tlock\tblocked_by\tchain\troots\tstatement"
                )?;
            }
            for b in b {
                let w = &b.waiting;
                let row = [
                    field(session(&b.waiter)),
                    field(maxscale(&b.waiter)),
                    field(Some(b.waiter.server.clone())),
                    b.waiter.thread.to_string(),
                    w.seconds.map_or_else(String::new, |s| s.to_string()),
                    field(Some(lock_text(&w.lock))),
                    field(Some(ids(&w.blockers))),
                    field(Some(ids(&w.chain))),
                    field(Some(ids(&w.roots))),
                    field(statement(&b.waiter).map(str::to_string)),
                ];
                writeln!(out, "{}", row.join("\t"))?;
            }
        }
        View::Roots(r) => {
            if options.header {
                writeln!(
                    out,
                    "session\tmaxscale\tserver\tthread\tuser\tcommand\ttime\ttrx_age\trows_locked\tblocks\tlongest_wait\tstatement"
                )?;
            }
            for r in r {
                let p = &r.party;
                let info = p.info.as_ref();
                let trx = p.trx.as_ref();
                let row = [
                    field(session(p)),
                    field(maxscale(p)),
                    field(Some(p.server.clone())),
                    p.thread.to_string(),
                    field(info.and_then(|i| i.user.clone())),
                    field(info.and_then(|i| i.command.clone())),
                    info.and_then(|i| i.time)
                        .map_or_else(String::new, |s| s.to_string()),
                    trx.and_then(|t| t.age)
                        .map_or_else(String::new, |s| s.to_string()),
                    trx.and_then(|t| t.rows_locked)
                        .map_or_else(String::new, |s| s.to_string()),
                    r.blocked.to_string(),
                    r.longest.map_or_else(String::new, |s| s.to_string()),
                    field(statement(p).map(str::to_string)),
                ];
                writeln!(out, "{}", row.join("\t"))?;
            }
        }
    }
    Ok(())
}

/// One backend connection of a session, for `show --backend`: the thread and what it waits
/// for, or why the server could not be read.
#[derive(Debug, Clone)]
pub struct BackendThread {
    pub server: String,
    pub thread: u64,
    pub party: Option<Party>,
    pub waiting: Vec<Waiting>,
    /// What the server could not say (a refused query, a failed connection).
    pub notes: Vec<String>,
}

/// The "Backend threads" section of `show --backend`.
#[must_use]
pub fn backend_text(
    threads: &[BackendThread],
    labels: &[String],
    palette: Palette,
    width: usize,
) -> String {
    let mut out = format!(
        "\n{}\n",
        palette.title(&format!("Backend threads ({})", threads.len()))
    );
    for bt in threads {
        let mut t = table(width);
        let mut row = |k: &str, v: String| {
            t.add_row(vec![format!("  {k}"), v]);
        };
        let info = bt.party.as_ref().and_then(|p| p.info.as_ref());
        let mut head = format!("{} thread {}", sanitize::line(&bt.server), bt.thread);
        if let Some(i) = info {
            let cmd = sanitize::line(i.command.as_deref().unwrap_or("")).into_owned();
            head.push_str(&format!(": {cmd} {}", secs(i.time)));
            if let Some(state) = i.state.as_deref().filter(|s| !s.is_empty()) {
                head.push_str(&format!(", {}", sanitize::line(state)));
            }
        }
        out.push_str(&format!("{}\n", palette.key(&head)));
        if let Some(i) = info {
            row("statement", cut(i.info.as_deref()));
        } else if bt.notes.is_empty() {
            row("thread", palette.muted("not in the server's process list"));
        }
        if let Some(trx) = bt.party.as_ref().and_then(|p| p.trx.as_ref()) {
            let mut text = sanitize::line(&trx.state).into_owned();
            if let Some(a) = trx.age {
                text.push_str(&format!(", open {}", secs(Some(a))));
            }
            if let Some(n) = trx.rows_locked {
                let rows = if n == 1 { "row" } else { "rows" };
                text.push_str(&format!(", {n} {rows} locked"));
            }
            if let Some(n) = trx.rows_modified {
                text.push_str(&format!(", {n} modified"));
            }
            row("transaction", text);
        }
        for w in &bt.waiting {
            let mut text = lock_text(&w.lock);
            if w.seconds.is_some() {
                text.push_str(&format!(", for {}", secs(w.seconds)));
            }
            row("waits for", text);
            if w.blockers.is_empty() {
                row("held by", palette.warning("unknown"));
            }
            for b in &w.blockers {
                row("held by", party_text(b, labels));
            }
            if w.chain.len() > 1 {
                let chain: Vec<String> = w.chain.iter().map(|p| party_text(p, labels)).collect();
                row("chain", chain.join(" → "));
            }
        }
        for n in &bt.notes {
            row("note", palette.warning(&sanitize::line(n)));
        }
        if !t.is_empty() {
            out.push_str(&t.trim_fmt());
            out.push('\n');
        }
    }
    out
}

/// `backend.N.FIELD` fields of `show --backend -o tsv`.
pub fn backend_fields(
    out: &mut Vec<(String, String)>,
    threads: &[BackendThread],
    labels: &[String],
) {
    for (n, bt) in threads.iter().enumerate() {
        let mut add = |k: &str, v: String| out.push((format!("backend.{n}.{k}"), v));
        add("server", bt.server.clone());
        add("thread", bt.thread.to_string());
        let info = bt.party.as_ref().and_then(|p| p.info.as_ref());
        add(
            "command",
            info.and_then(|i| i.command.clone()).unwrap_or_default(),
        );
        add(
            "time",
            info.and_then(|i| i.time)
                .map_or_else(String::new, |t| t.to_string()),
        );
        add(
            "state",
            info.and_then(|i| i.state.clone()).unwrap_or_default(),
        );
        add(
            "statement",
            info.and_then(|i| i.info.clone()).unwrap_or_default(),
        );
        let trx = bt.party.as_ref().and_then(|p| p.trx.as_ref());
        add(
            "trx_state",
            trx.map(|t| t.state.clone()).unwrap_or_default(),
        );
        add(
            "trx_age",
            trx.and_then(|t| t.age)
                .map_or_else(String::new, |t| t.to_string()),
        );
        add(
            "trx_rows_locked",
            trx.and_then(|t| t.rows_locked)
                .map_or_else(String::new, |t| t.to_string()),
        );
        for (k, w) in bt.waiting.iter().enumerate() {
            add(&format!("waits.{k}.lock"), lock_text(&w.lock));
            add(
                &format!("waits.{k}.seconds"),
                w.seconds.map_or_else(String::new, |t| t.to_string()),
            );
            let list = |ps: &[Party]| {
                ps.iter()
                    .map(|p| party_text(p, labels))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            add(&format!("waits.{k}.blocked_by"), list(&w.blockers));
            add(&format!("waits.{k}.roots"), list(&w.roots));
        }
        for (k, note) in bt.notes.iter().enumerate() {
            add(&format!("notes.{k}"), note.clone());
        }
    }
}

/// `meta.backend` of `show --backend -o json`.
#[must_use]
pub fn backend_json(threads: &[BackendThread], labels: &[String]) -> Value {
    Value::Array(
        threads
            .iter()
            .map(|bt| {
                let party = bt.party.as_ref();
                json!({
                    "server": bt.server,
                    "thread": bt.thread,
                    "process": party.and_then(|p| p.info.as_ref()).map(thread_json),
                    "transaction": party.and_then(|p| p.trx.as_ref()).map(trx_json),
                    "waits": bt.waiting.iter().map(|w| waiting_json(w, labels)).collect::<Vec<_>>(),
                    "notes": bt.notes,
                })
            })
            .collect(),
    )
}
