//! What `sessions log` prints: the lines of MaxScale's log, oldest first.
//!
//! - The table is the log as a person reads it, one line each, colored by priority:
//!   `TIME  PRIORITY  [MAXSCALE]  [SESSION]  [module] (object) message`, the host with several
//!   hosts and the session with several ids. Lines print as they come, so `--follow` writes the
//!   same lines.
//! - `-o json`: `{"data": [...], "meta": {"sources": [...]}}`, each entry as the server sent it
//!   (a `log_entry` resource from `logs/entries`, a line's object from `logs/data`) with
//!   `meta.maxscale`, and per host how far back the log was read and why it stopped.
//! - `-o jsonl`: one entry per line, as in the document.
//! - `-o tsv`: the columns of [`TSV_COLUMNS`], the time as sent.
//!
//! Every string from the server is sanitized: log messages hold SQL and user names from
//! untrusted clients.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::api::json::Layout;
use crate::api::log::Entry;
use crate::output::style::{Palette, Role};
use crate::output::{Format, Options};
use crate::text::sanitize;

/// The TSV columns, in order.
pub const TSV_COLUMNS: [&str; 9] = [
    "maxscale",
    "session",
    "id",
    "timestamp",
    "unix_timestamp",
    "priority",
    "module",
    "object",
    "message",
];

/// One line of a host's log.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// The host's index.
    pub host: usize,
    pub entry: &'a Entry,
}

/// What the table shows besides each line's own fields.
#[derive(Debug, Clone, Copy)]
pub struct Shape<'a> {
    pub labels: &'a [String],
    /// Several hosts: each line says its host.
    pub hosts: bool,
    /// Several sessions: each line says its session, right-aligned to this width.
    pub session_width: Option<usize>,
}

/// How far back one host's log was read, for the JSON document.
#[derive(Debug, Clone)]
pub struct Source {
    pub host: usize,
    /// `log_source`: maxlog, syslog, or none.
    pub log_source: Option<String>,
    /// The time (as sent) of the oldest line read.
    pub read_back_to: Option<String>,
    /// Why reading stopped: `since`, `lines`, `start`.
    pub stopped: &'static str,
}

/// The look of a priority in the table.
fn role(priority: &str) -> Role {
    match priority {
        "emerg" | "emergency" | "alert" | "crit" | "critical" | "error" => Role::Error,
        "warning" => Role::Warning,
        "notice" => Role::Notice,
        "info" => Role::Info,
        _ => Role::Muted,
    }
}

/// The widest priority word (`warning`), for alignment.
const PRIORITY_WIDTH: usize = 7;

/// Writes lines in `options.format` (not `-o json`, which is a whole document: [`document`]).
pub fn write_lines(
    out: &mut dyn Write,
    options: &Options,
    layout: &Shape<'_>,
    lines: &[Line<'_>],
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(lines.len() * 160);
    for line in lines {
        match options.format {
            Format::Tsv => tsv_row(&mut buf, layout.labels, line)?,
            Format::Jsonl | Format::Json => {
                let value = with_meta(line, layout.labels);
                json_into(&mut buf, &value, Layout::Compact)?;
            }
            Format::Table | Format::Ids => table_line(&mut buf, options.palette, layout, line)?,
        }
    }
    out.write_all(&buf)
}

/// The TSV header line.
pub fn write_header(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", TSV_COLUMNS.join("\t"))
}

/// The `-o json` document.
pub fn document(
    out: &mut dyn Write,
    options: &Options,
    labels: &[String],
    lines: &[Line<'_>],
    sources: &[Source],
) -> io::Result<()> {
    let doc = json!({
        "data": lines.iter().map(|l| with_meta(l, labels)).collect::<Vec<_>>(),
        "meta": {
            "sources": sources.iter().map(|s| json!({
                "maxscale": labels.get(s.host).map_or("", String::as_str),
                "log_source": s.log_source,
                "read_back_to": s.read_back_to,
                "stopped": s.stopped,
            })).collect::<Vec<_>>(),
        },
    });
    let layout = if options.pretty_json {
        Layout::Pretty(0)
    } else {
        Layout::Compact
    };
    let mut buf = Vec::new();
    json_into(&mut buf, &doc, layout)?;
    out.write_all(&buf)
}

/// The entry as sent, with `meta.maxscale` (added to a `meta` the server sent, if any).
fn with_meta(line: &Line<'_>, labels: &[String]) -> Value {
    let mut value = line.entry.raw.clone();
    let label = labels.get(line.host).map_or("", String::as_str);
    if let Some(object) = value.as_object_mut() {
        match object.get_mut("meta").and_then(Value::as_object_mut) {
            Some(meta) => {
                meta.insert("maxscale".into(), label.into());
            }
            None => {
                object.insert("meta".into(), json!({ "maxscale": label }));
            }
        }
    }
    value
}

fn json_into(buf: &mut Vec<u8>, value: &Value, layout: Layout) -> io::Result<()> {
    let bytes = serde_json::to_vec(value).map_err(io::Error::other)?;
    crate::api::json::reformat(&bytes, buf, layout).map_err(io::Error::other)?;
    buf.push(b'\n');
    Ok(())
}

fn tsv_row(buf: &mut Vec<u8>, labels: &[String], line: &Line<'_>) -> io::Result<()> {
    let e = line.entry;
    let opt = |v: &Option<String>| sanitize::tsv(v.as_deref().unwrap_or("")).into_owned();
    writeln!(
        buf,
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        sanitize::tsv(labels.get(line.host).map_or("", String::as_str)),
        opt(&e.session),
        sanitize::tsv(&e.id),
        sanitize::tsv(e.timestamp.trim_end()),
        e.unix_timestamp.map(|t| t.to_string()).unwrap_or_default(),
        sanitize::tsv(&e.priority),
        opt(&e.module),
        opt(&e.object),
        sanitize::tsv(&e.message),
    )
}

fn table_line(
    buf: &mut Vec<u8>,
    palette: Palette,
    layout: &Shape<'_>,
    line: &Line<'_>,
) -> io::Result<()> {
    let e = line.entry;
    let priority = sanitize::line(&e.priority);
    let pad = PRIORITY_WIDTH.saturating_sub(unicode_width::UnicodeWidthStr::width(&*priority));
    write!(
        buf,
        "{}  {}{:pad$}  ",
        sanitize::line(e.timestamp.trim_end()),
        palette.paint(role(&e.priority), &priority),
        ""
    )?;
    if layout.hosts {
        let label = layout.labels.get(line.host).map_or("", String::as_str);
        let width = layout
            .labels
            .iter()
            .map(|l| unicode_width::UnicodeWidthStr::width(l.as_str()))
            .max()
            .unwrap_or(0);
        let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(label));
        write!(buf, "{}{:pad$}  ", palette.muted(label), "")?;
    }
    if let Some(width) = layout.session_width {
        let session = sanitize::line(e.session.as_deref().unwrap_or(""));
        write!(buf, "{session:>width$}  ")?;
    }
    if let Some(m) = &e.module {
        write!(
            buf,
            "{} ",
            palette.muted(&format!("[{}]", sanitize::line(m)))
        )?;
    }
    if let Some(o) = &e.object {
        write!(
            buf,
            "{} ",
            palette.muted(&format!("({})", sanitize::line(o)))
        )?;
    }
    writeln!(buf, "{}", sanitize::line(&e.message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::style::strip_ansi;

    fn entry(id: &str, priority: &str, session: &str, message: &str) -> Entry {
        Entry {
            id: id.into(),
            timestamp: "2026-12-07 03:50:53".into(),
            unix_timestamp: Some(1_796_615_453),
            priority: priority.into(),
            message: message.into(),
            session: Some(session.into()),
            module: (priority == "info").then(|| "readwritesplit".into()),
            object: Some("RW-Split-Router".into()),
            raw: json!({"id": id, "type": "log_entry", "attributes": {"message": message}}),
        }
    }

    fn options(format: Format, color: bool) -> Options {
        Options {
            format,
            header: false,
            palette: Palette { enabled: color },
            width: 120,
            pretty_json: false,
        }
    }

    fn render(format: Format, color: bool, layout: &Shape<'_>, entries: &[Entry]) -> String {
        let lines: Vec<Line<'_>> = entries
            .iter()
            .enumerate()
            .map(|(i, entry)| Line { host: i % 2, entry })
            .collect();
        let mut out = Vec::new();
        write_lines(&mut out, &options(format, color), layout, &lines).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_table_aligns_with_color_on_and_off_and_colors_priorities() {
        let labels = ["mx1:8989".to_string(), "mx22:8989".to_string()];
        let layout = Shape {
            labels: &labels,
            hosts: true,
            session_width: Some(5),
        };
        let entries = [
            entry("1", "info", "7", "Route query to primary: server1 <"),
            entry(
                "2",
                "warning",
                "10015",
                "Killing session 10015, session TTL exceeded.",
            ),
            entry("3", "error", "7", "boom"),
        ];
        let plain = render(Format::Table, false, &layout, &entries);
        assert_eq!(
            plain,
            "2026-12-07 03:50:53  info     mx1:8989       7  [readwritesplit] (RW-Split-Router) Route query to primary: server1 <\n\
             2026-12-07 03:50:53  warning  mx22:8989  10015  (RW-Split-Router) Killing session 10015, session TTL exceeded.\n\
             2026-12-07 03:50:53  error    mx1:8989       7  (RW-Split-Router) boom\n"
        );
        let colored = render(Format::Table, true, &layout, &entries);
        assert_ne!(colored, plain);
        assert_eq!(strip_ansi(&colored), plain);
        assert!(
            colored.contains("\u{1b}[33;1mwarning\u{1b}[0m"),
            "{colored:?}"
        );
        assert!(
            colored.contains("\u{1b}[31;1merror\u{1b}[0m"),
            "{colored:?}"
        );
    }

    #[test]
    fn hostile_messages_never_reach_the_terminal_raw() {
        let labels = ["mx1".to_string()];
        let layout = Shape {
            labels: &labels,
            hosts: false,
            session_width: None,
        };
        let evil = entry(
            "9",
            "info\u{1b}[31m",
            "1",
            "SELECT '\u{1b}]52;c;aGk=\u{7}'\nmxs: error: fake\u{202e}",
        );
        for color in [false, true] {
            let text = render(Format::Table, color, &layout, std::slice::from_ref(&evil));
            let shown = strip_ansi(&text);
            assert_eq!(shown.lines().count(), 1, "{shown:?}");
            assert!(
                !shown.contains('\u{1b}') && !shown.contains('\u{202e}'),
                "{shown:?}"
            );
            let tsv = render(Format::Tsv, color, &layout, std::slice::from_ref(&evil));
            assert_eq!(tsv.lines().count(), 1);
            assert_eq!(tsv.trim_end().split('\t').count(), TSV_COLUMNS.len());
            assert!(!tsv.contains('\u{1b}'));
        }
    }

    #[test]
    fn json_keeps_each_entry_as_sent_with_its_host() {
        let labels = ["mx1".to_string(), "mx2".to_string()];
        let layout = Shape {
            labels: &labels,
            hosts: true,
            session_width: None,
        };
        let entries = [entry("1", "info", "7", "a"), entry("2", "notice", "8", "b")];
        let jsonl = render(Format::Jsonl, true, &layout, &entries);
        let rows: Vec<Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows[1]["meta"]["maxscale"], "mx2");
        assert_eq!(rows[1]["attributes"]["message"], "b");
        let lines: Vec<Line<'_>> = entries
            .iter()
            .map(|entry| Line { host: 0, entry })
            .collect();
        let mut out = Vec::new();
        let sources = [Source {
            host: 0,
            log_source: Some("maxlog".into()),
            read_back_to: Some("2026-12-07 03:40:00".into()),
            stopped: "since",
        }];
        document(
            &mut out,
            &options(Format::Json, false),
            &labels,
            &lines,
            &sources,
        )
        .unwrap();
        let doc: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(doc["data"][0]["id"], "1");
        assert_eq!(doc["data"][0]["meta"]["maxscale"], "mx1");
        assert_eq!(doc["meta"]["sources"][0]["stopped"], "since");
        assert_eq!(doc["meta"]["sources"][0]["log_source"], "maxlog");
    }
}
