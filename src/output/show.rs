//! `sessions show`: everything the server sent about a session, organised for reading (table) or
//! flattened to `key<TAB>value` lines (TSV). Works on the resource as a JSON tree, so keys this
//! version of mxs does not know still appear (under "Other attributes"). Every server string is
//! sanitized; SQL keeps its line breaks.

use comfy_table::{ContentArrangement, Table, presets};
use serde_json::{Map, Value};

use crate::api::log::Entry;
use crate::output::style::Palette;
use crate::output::tsv;
use crate::text::sanitize;
use crate::text::time::{self, Stamp};
use crate::text::units;

/// What `show` needs besides the resource.
pub struct Context<'a> {
    pub maxscale: &'a str,
    /// `None`: reverse DNS was not asked for; `Some(None)`: asked, not resolved.
    pub remote_name: Option<Option<&'a str>>,
    pub width: usize,
    pub palette: Palette,
    /// "Now" in Unix seconds, for "... ago" when the server sends no `seconds_alive`.
    pub now: i64,
}

/// One session found, as `show` writes it.
pub struct Item<'a> {
    /// The server's bytes of the resource (`data`).
    pub resource: &'a [u8],
    /// The same, parsed.
    pub value: &'a Value,
    /// The document's other top-level members (`links`), raw.
    pub members: &'a [(Vec<u8>, Vec<u8>)],
    pub maxscale: &'a str,
    /// `None`: reverse DNS was not asked for; `Some(None)`: asked, not resolved.
    pub remote_name: Option<Option<&'a str>>,
    /// `show --log`: the session's last lines of MaxScale's log, oldest first.
    pub log: Option<&'a [Entry]>,
    /// `show --backend`: the session's backend threads.
    pub backend: Option<&'a [crate::output::locks::BackendThread]>,
    /// The hosts' labels (sessions named in the backend section).
    pub labels: &'a [String],
}

/// Writes every session found in `options.format`: sections (table), `key<TAB>value` blocks
/// (TSV), one document per session (JSON) or one resource per line (JSON Lines). `now` is Unix
/// seconds.
pub fn write(
    out: &mut dyn std::io::Write,
    options: &crate::output::Options,
    items: &[Item<'_>],
    now: i64,
) -> anyhow::Result<()> {
    use crate::output::Format;
    use crate::output::json::{self, Layout, Meta};
    for (i, item) in items.iter().enumerate() {
        let ctx = Context {
            maxscale: item.maxscale,
            remote_name: item.remote_name,
            width: options.width,
            palette: options.palette,
            now,
        };
        let log_value = item
            .log
            .map(|lines| Value::Array(lines.iter().map(|e| e.raw.clone()).collect()));
        let backend_value = item
            .backend
            .map(|b| crate::output::locks::backend_json(b, item.labels));
        let meta = Meta {
            maxscale: item.maxscale,
            remote_name: item.remote_name,
            running: None,
            log: log_value.as_ref(),
            backend: backend_value.as_ref(),
        };
        let mut buf = Vec::new();
        match options.format {
            Format::Table | Format::Tsv if i > 0 => buf.push(b'\n'),
            _ => {}
        }
        match options.format {
            Format::Table => {
                buf.extend_from_slice(render(item.value, &ctx).as_bytes());
                if let Some(lines) = item.log {
                    buf.extend_from_slice(log_text(lines, options.palette).as_bytes());
                }
                if let Some(threads) = item.backend {
                    let text = crate::output::locks::backend_text(
                        threads,
                        item.labels,
                        options.palette,
                        options.width,
                    );
                    buf.extend_from_slice(text.as_bytes());
                }
            }
            Format::Tsv => {
                let mut f = fields(item.value, &ctx);
                if let Some(lines) = item.log {
                    log_fields(&mut f, lines);
                }
                if let Some(threads) = item.backend {
                    crate::output::locks::backend_fields(&mut f, threads, item.labels);
                }
                tsv::write_fields(&mut buf, &f)?;
            }
            Format::Jsonl => {
                json::write_resource(&mut buf, item.resource, &meta, Layout::Compact)?;
                buf.push(b'\n');
            }
            Format::Ids => anyhow::bail!("-o ids: only `sessions list` prints ids"),
            Format::Json => {
                json::document(
                    &mut buf,
                    item.resource,
                    item.members,
                    &meta,
                    options.pretty_json,
                )?;
                buf.push(b'\n');
            }
        }
        out.write_all(&buf)?;
    }
    Ok(())
}

/// The "MaxScale log" section (`show --log`, the live view's detail): a blank line, its title,
/// and the lines as `sessions log` prints them.
#[must_use]
pub fn log_text(lines: &[Entry], palette: Palette) -> String {
    use crate::output::log::{Line, Shape, write_lines};
    let title = if lines.is_empty() {
        "MaxScale log: no lines (MaxScale writes a session's lines by its log levels)".to_string()
    } else {
        format!("MaxScale log ({}, oldest first)", lines.len())
    };
    let mut buf = format!("\n{}\n", palette.title(&title)).into_bytes();
    let shape = Shape {
        labels: &[],
        hosts: false,
        session_width: None,
    };
    let lines: Vec<Line<'_>> = lines.iter().map(|entry| Line { host: 0, entry }).collect();
    let options = crate::output::Options {
        format: crate::output::Format::Table,
        header: false,
        palette,
        width: 0,
        pretty_json: false,
    };
    // written into memory, of sanitized text: neither can fail
    let _ = write_lines(&mut buf, &options, &shape, &lines);
    String::from_utf8_lossy(&buf).into_owned()
}

/// `maxscale_log.N.FIELD` fields, the lines oldest first.
fn log_fields(out: &mut Vec<(String, String)>, lines: &[Entry]) {
    for (n, e) in lines.iter().enumerate() {
        let mut add = |field: &str, value: &str| {
            out.push((format!("maxscale_log.{n}.{field}"), value.to_string()));
        };
        add("timestamp", e.timestamp.trim_end());
        add("priority", &e.priority);
        add("session", e.session.as_deref().unwrap_or(""));
        add("module", e.module.as_deref().unwrap_or(""));
        add("object", e.object.as_deref().unwrap_or(""));
        add("message", &e.message);
    }
}

/// Attributes shown in the main section or their own sections.
const KNOWN: &[&str] = &[
    "state",
    "user",
    "remote",
    "port",
    "connected",
    "idle",
    "seconds_alive",
    "thread",
    "io_activity",
    "client",
    "parameters",
    "connections",
    "queries",
    "log",
    "memory",
    "default_database",
];

/// A scalar's text, sanitized for one line (`null` for null, JSON text for the rest).
fn text_of(v: &Value) -> String {
    match v {
        Value::String(t) => sanitize::line(t).into_owned(),
        Value::Null => "null".into(),
        other => sanitize::line(&other.to_string()).into_owned(),
    }
}

fn table(width: usize) -> Table {
    let mut t = Table::new();
    t.load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX));
    t
}

fn connected_text(a: &Map<String, Value>, now: i64) -> Option<String> {
    let raw = a.get("connected")?.as_str()?;
    let Some(stamp) = Stamp::parse(raw) else {
        return Some(sanitize::line(raw).into_owned());
    };
    let age = a
        .get("seconds_alive")
        .and_then(Value::as_f64)
        .or_else(|| stamp.utc.then(|| (now - stamp.unix()) as f64))
        .filter(|age| *age >= 0.0);
    let when = if stamp.utc {
        format!("{} UTC", stamp.display())
    } else {
        format!("{} (server local time)", stamp.display())
    };
    Some(match age {
        Some(age) => format!("{} ago ({when})", units::format_seconds(age)),
        None => when,
    })
}

/// The table view of one resource.
#[must_use]
pub fn render(resource: &Value, ctx: &Context<'_>) -> String {
    let p = ctx.palette;
    let empty = Map::new();
    let a = resource
        .get("attributes")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let id = resource.get("id").map(text_of).unwrap_or_default();
    let mut out = String::new();
    out.push_str(&p.title(&format!("Session {id}")));
    out.push_str(&p.muted(&format!("  on {}", sanitize::line(ctx.maxscale))));
    out.push('\n');
    out.push_str(&main_section(resource, a, &id, ctx).trim_fmt());
    out.push('\n');
    let client = a.get("client").and_then(Value::as_object);
    if let Some(c) = client {
        connection_attributes(&mut out, c, ctx);
    }
    if let Some(conns) = a.get("connections").and_then(Value::as_array) {
        section(
            &mut out,
            p,
            &format!("Backends ({})", conns.len()),
            &backends_table(conns, ctx),
        );
    }
    if let Some(queries) = a
        .get("queries")
        .and_then(Value::as_array)
        .filter(|q| !q.is_empty())
    {
        section(
            &mut out,
            p,
            &format!("Queries ({}, oldest first)", queries.len()),
            &queries_table(queries, ctx),
        );
    }
    if let Some(log) = a
        .get("log")
        .and_then(Value::as_array)
        .filter(|l| !l.is_empty())
    {
        let mut t = table(ctx.width);
        for line in log {
            t.add_row(vec![text_of(line)]);
        }
        section(&mut out, p, &format!("Log ({})", log.len()), &t);
    }
    if let Some(mem) = a.get("memory") {
        let mut t = table(ctx.width);
        memory_rows(&mut t, "", mem, 0);
        section(&mut out, p, "Memory", &t);
    }
    other_attributes(&mut out, resource, a, ctx);
    out
}

/// The main section: identity, client, times, TLS, parameters.
fn main_section(resource: &Value, a: &Map<String, Value>, id: &str, ctx: &Context<'_>) -> Table {
    let p = ctx.palette;
    let mut main = table(ctx.width);
    let mut row = |k: &str, v: String| {
        main.add_row(vec![k.to_string(), v]);
    };
    row("ID", id.to_string());
    let rel_ids = |name: &str| -> Option<String> {
        let items = resource
            .pointer(&format!("/relationships/{name}/data"))?
            .as_array()?;
        Some(
            items
                .iter()
                .filter_map(|i| i.get("id"))
                .map(text_of)
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    if let Some(svc) = rel_ids("services") {
        row("Service", svc);
    }
    if let Some(f) = rel_ids("filters") {
        row("Filters", f);
    }
    for (key, label) in [("state", "State"), ("user", "User")] {
        if let Some(v) = a.get(key) {
            row(label, text_of(v));
        }
    }
    if let Some(remote) = a.get("remote") {
        let mut text = text_of(remote);
        if let Some(port) = a.get("port") {
            text.push_str(&format!(" port {}", text_of(port)));
        }
        row("Client", text);
    }
    match ctx.remote_name {
        Some(Some(name)) => row("Client name", sanitize::line(name).into_owned()),
        Some(None) => row("Client name", p.muted("(not resolved)")),
        None => {}
    }
    if let Some(db) = a.get("default_database") {
        row("Default database", text_of(db));
    }
    if let Some(c) = connected_text(a, ctx.now) {
        row("Connected", c);
    }
    if let Some(idle) = a.get("idle").and_then(Value::as_f64) {
        row("Idle", units::format_seconds(idle));
    }
    if let Some(alive) = a.get("seconds_alive").and_then(Value::as_f64) {
        row("Alive", units::format_seconds(alive));
    }
    if let Some(t) = a.get("thread") {
        row("Thread", text_of(t));
    }
    if let Some(io) = a.get("io_activity") {
        row(
            "I/O activity",
            format!("{} events in the last 30s", text_of(io)),
        );
    }
    if let Some(c) = a.get("client").and_then(Value::as_object) {
        let cipher = c.get("cipher").and_then(Value::as_str).unwrap_or("");
        row(
            "Client TLS",
            if cipher.is_empty() {
                p.muted("none")
            } else {
                sanitize::line(cipher).into_owned()
            },
        );
        for (k, v) in c {
            if k != "cipher" && k != "connection_attributes" {
                row(&humanize_key(k), text_of(v));
            }
        }
    }
    if let Some(params) = a.get("parameters").and_then(Value::as_object) {
        let text: Vec<String> = params
            .iter()
            .map(|(k, v)| format!("{}={}", sanitize::line(k), text_of(v)))
            .collect();
        row("Parameters", text.join(" "));
    }
    if let Some(link) = resource.pointer("/links/self") {
        row("Link", text_of(link));
    }
    main
}

/// The client's connection attributes (`null` when the server sends that).
fn connection_attributes(out: &mut String, client: &Map<String, Value>, ctx: &Context<'_>) {
    let p = ctx.palette;
    match client.get("connection_attributes") {
        Some(Value::Object(attrs)) if !attrs.is_empty() => {
            let mut t = table(ctx.width);
            for (k, v) in attrs {
                t.add_row(vec![sanitize::line(k).into_owned(), text_of(v)]);
            }
            section(out, p, "Connection attributes", &t);
        }
        Some(Value::Null) => {
            out.push_str(&format!(
                "\n{}  {}\n",
                p.title("Connection attributes"),
                p.muted("null")
            ));
        }
        _ => {}
    }
}

/// One row per backend connection: server, connection id, TLS cipher.
fn backends_table(conns: &[Value], ctx: &Context<'_>) -> Table {
    let p = ctx.palette;
    let mut t = table(ctx.width);
    t.set_header(vec![
        p.header("SERVER"),
        p.header("CONNECTION ID"),
        p.header("TLS CIPHER"),
    ]);
    for c in conns {
        let cipher = c.get("cipher").and_then(Value::as_str).unwrap_or("");
        t.add_row(vec![
            c.get("server").map(text_of).unwrap_or_default(),
            c.get("connection_id").map(text_of).unwrap_or_default(),
            if cipher.is_empty() {
                "none".into()
            } else {
                sanitize::line(cipher).into_owned()
            },
        ]);
    }
    t
}

/// Attributes (and top-level members) this version of mxs does not know, so none is lost.
fn other_attributes(out: &mut String, resource: &Value, a: &Map<String, Value>, ctx: &Context<'_>) {
    let other: Vec<(&String, &Value)> = a
        .iter()
        .filter(|(k, _)| !KNOWN.contains(&k.as_str()))
        .collect();
    let extra_top: Vec<(&String, &Value)> = resource
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "id" | "type" | "attributes" | "relationships" | "links"
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    if !other.is_empty() || !extra_top.is_empty() {
        let mut t = table(ctx.width);
        for (k, v) in other.into_iter().chain(extra_top) {
            t.add_row(vec![sanitize::line(k).into_owned(), text_of(v)]);
        }
        section(out, ctx.palette, "Other attributes", &t);
    }
}

fn section(out: &mut String, p: Palette, title: &str, t: &Table) {
    out.push('\n');
    out.push_str(&p.title(title));
    out.push('\n');
    out.push_str(&t.trim_fmt());
    out.push('\n');
}

fn humanize_key(k: &str) -> String {
    let text = sanitize::line(k).replace('_', " ");
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

fn queries_table(queries: &[Value], ctx: &Context<'_>) -> Table {
    let p = ctx.palette;
    let mut t = table(ctx.width);
    t.set_header(
        ["#", "RECEIVED", "DURATION", "RESPONSES", "STATEMENT"]
            .map(|h| p.header(h))
            .to_vec(),
    );
    for (i, q) in queries.iter().enumerate() {
        let received = q.get("received").and_then(Value::as_str);
        let completed = q.get("completed").and_then(Value::as_str);
        let duration = match (
            received.and_then(time::query_millis),
            completed.and_then(time::query_millis),
        ) {
            (Some(r), Some(c)) => format!("{}ms", c.saturating_sub(r)),
            (Some(_), None) if completed.is_none() => "running".into(),
            _ => String::new(),
        };
        let responses = q
            .get("responses")
            .and_then(Value::as_array)
            .map(|rs| {
                rs.iter()
                    .map(|r| {
                        format!(
                            "{} {}ms",
                            r.get("server").map(text_of).unwrap_or_default(),
                            r.get("duration").map(text_of).unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        let mut statement = q
            .get("statement")
            .and_then(Value::as_str)
            .map(|st| sanitize::multiline(st).into_owned())
            .unwrap_or_default();
        if let Some(cmd) = q
            .get("command")
            .and_then(Value::as_str)
            .filter(|c| *c != "COM_QUERY")
        {
            statement = format!("[{}] {statement}", sanitize::line(cmd));
        }
        t.add_row(vec![
            (i + 1).to_string(),
            received
                .map(|r| sanitize::line(&r.replace('T', " ")).into_owned())
                .unwrap_or_default(),
            duration,
            responses,
            statement,
        ]);
    }
    t
}

fn memory_rows(t: &mut Table, label: &str, v: &Value, depth: usize) {
    let indent = "  ".repeat(depth);
    match v {
        Value::Object(map) => {
            if !label.is_empty() {
                let total = map
                    .get("total")
                    .and_then(Value::as_u64)
                    .map(units::format_bytes)
                    .unwrap_or_default();
                let parts: Vec<String> = map
                    .iter()
                    .filter(|(k, v)| *k != "total" && v.is_u64())
                    .map(|(k, v)| {
                        format!(
                            "{} {}",
                            sanitize::line(k),
                            units::format_bytes(v.as_u64().unwrap_or(0))
                        )
                    })
                    .collect();
                let text = if parts.is_empty() {
                    total
                } else {
                    format!("{total} ({})", parts.join(", "))
                };
                t.add_row(vec![format!("{indent}{label}"), text]);
            } else if let Some(total) = map.get("total").and_then(Value::as_u64) {
                t.add_row(vec!["total".to_string(), units::format_bytes(total)]);
            }
            for (k, child) in map {
                if child.is_object() {
                    let next = if label.is_empty() { 0 } else { depth + 1 };
                    memory_rows(t, &sanitize::line(&k.replace('_', " ")), child, next);
                } else if label.is_empty() && k != "total" {
                    memory_rows(t, &sanitize::line(&k.replace('_', " ")), child, depth);
                }
            }
        }
        Value::Number(n) => {
            let text = n
                .as_u64()
                .map_or_else(|| n.to_string(), units::format_bytes);
            t.add_row(vec![format!("{indent}{label}"), text]);
        }
        other => {
            t.add_row(vec![format!("{indent}{label}"), text_of(other)]);
        }
    }
}

/// The TSV fields of one resource: `id`, `service`, `maxscale`, `remote_name` (with `--rdns`),
/// then every attribute flattened (with `connected` in RFC 3339), then other members.
#[must_use]
pub fn fields(resource: &Value, ctx: &Context<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let text = |v: Option<&Value>| match v {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    out.push(("id".into(), text(resource.get("id"))));
    for rel in ["services", "filters"] {
        if let Some(items) = resource
            .pointer(&format!("/relationships/{rel}/data"))
            .and_then(Value::as_array)
        {
            let ids: Vec<String> = items.iter().map(|i| text(i.get("id"))).collect();
            out.push((rel.trim_end_matches('s').to_string(), ids.join(",")));
        }
    }
    out.push(("maxscale".into(), ctx.maxscale.to_string()));
    if let Some(name) = ctx.remote_name {
        out.push(("remote_name".into(), name.unwrap_or("").to_string()));
    }
    if let Some(Value::Object(attrs)) = resource.get("attributes") {
        for (k, v) in attrs {
            if k == "connected"
                && let Value::String(c) = v
            {
                out.push((k.clone(), time::rfc3339_or_raw(c)));
                continue;
            }
            tsv::flatten(k, v, &mut out);
        }
    }
    if let Some(obj) = resource.as_object() {
        for (k, v) in obj {
            if !matches!(k.as_str(), "id" | "attributes" | "relationships") {
                tsv::flatten(k, v, &mut out);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn real(n: u8) -> Value {
        let text = match n {
            1 => include_str!("../../tests/mock/fixtures/real-24.02/session-get-1.json"),
            _ => include_str!("../../tests/mock/fixtures/real-24.02/session-get-3.json"),
        };
        serde_json::from_str::<Value>(text).unwrap()["data"].clone()
    }

    fn ctx() -> Context<'static> {
        Context {
            maxscale: "127.0.0.1:8989",
            remote_name: None,
            width: 100,
            palette: Palette { enabled: false },
            now: 0,
        }
    }

    #[test]
    fn table_has_every_section() {
        let text = render(&real(1), &ctx());
        for needle in [
            "Session 1",
            "RW-Split-Router",
            "Session started",
            "maxuser",
            "127.0.0.1 port 35858",
            "s ago (2026-11-28 09:19:31 UTC)",
            "Connection attributes",
            "program_name",
            "Backends (1)",
            "server1",
            "Queries (3, oldest first)",
            "SELECT SLEEP(86400)",
            "running",
            "Log (5)",
            "Memory",
            "2.3 KiB",
            "log_info=false",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in\n{text}");
        }
        assert!(
            !text.contains("Database"),
            "maxctrl's always-empty Database row is gone"
        );
        for line in text.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(line) <= 100, "{line}");
        }
    }

    #[test]
    fn unknown_attributes_are_shown() {
        let v =
            serde_json::json!({"id": "5", "attributes": {"brand_new": {"x": 1}}, "extra": true});
        let text = render(&v, &ctx());
        assert!(text.contains("Other attributes"));
        assert!(text.contains("brand_new"));
        assert!(text.contains("extra"));
    }

    #[test]
    fn hostile_strings_are_escaped_and_sql_keeps_lines() {
        let v = serde_json::json!({"id": "5", "attributes": {
            "user": "\u{1b}]52;c;AAAA\u{7}", "queries": [{"statement": "SELECT 1\nFROM t\u{1b}[2J"}]}});
        let text = render(&v, &ctx());
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
        assert!(text.contains(r"\e]52;c;AAAA\x07"));
        assert!(
            text.contains("SELECT 1\n") && text.contains(r"FROM t\e[2J"),
            "{text}"
        );
    }

    #[test]
    fn tsv_fields_are_flat() {
        let f = fields(&real(3), &ctx());
        let get = |k: &str| f.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        assert_eq!(get("id"), Some("3"));
        assert_eq!(get("service"), Some("RW-Split-Router"));
        assert_eq!(get("connected"), Some("2026-11-28T09:19:32Z"));
        assert_eq!(
            get("client.connection_attributes.app"),
            Some("fixture-capture")
        );
        assert_eq!(get("connections.0.server"), Some("server1"));
        assert_eq!(
            get("queries.2.statement"),
            Some("SELECT v FROM t1 WHERE id = 2")
        );
        assert_eq!(
            get("links.self"),
            Some("http://127.0.0.1:8989/v1/sessions/3/")
        );
    }
}
