//! TSV for scripts. `list` writes exactly one line per session with these 13 columns, in this
//! order: `id user remote remote_name port service state connected idle backends memory
//! io_activity maxscale`, so every line has exactly 12 tabs. Absent values are empty;
//! `connected` is RFC 3339 (`2024-01-05T07:24:06Z`; no offset for the zoneless asctime form of
//! MaxScale 22.08 and older); `idle` and `memory` are plain numbers (seconds, bytes); `service`
//! and `backends` are comma-joined; `remote_name` is empty unless `--rdns` resolved it;
//! `maxscale` is the endpoint the row came from. No header unless `--header`.
//!
//! `show` writes one `key<TAB>value` line per field, keys in snake_case (nested keys joined with
//! `.`, array elements by index: `connections.0.server`), one block per session, blocks
//! separated by an empty line.
//!
//! Inside values, backslash, tab, newline and carriage return are written `\\`, `\t`, `\n`,
//! `\r`, and other control or invisible characters as in [`sanitize`]: a line never contains a
//! raw control character, and the escaping can be reversed.

use std::io::{self, Write};

use serde_json::Value;

use crate::api::model::Session;
use crate::text::sanitize;
use crate::text::time;

/// The list columns, in order.
pub const LIST_COLUMNS: [&str; 13] = [
    "id",
    "user",
    "remote",
    "remote_name",
    "port",
    "service",
    "state",
    "connected",
    "idle",
    "backends",
    "memory",
    "io_activity",
    "maxscale",
];

/// The columns `list --backend` adds after [`LIST_COLUMNS`].
pub const BACKEND_COLUMNS: [&str; 4] = ["blocked_by", "backend_state", "backend_time", "trx_age"];

pub fn write_header(out: &mut dyn Write, backend: bool) -> io::Result<()> {
    if backend {
        writeln!(
            out,
            "{}\t{}",
            LIST_COLUMNS.join("\t"),
            BACKEND_COLUMNS.join("\t")
        )
    } else {
        writeln!(out, "{}", LIST_COLUMNS.join("\t"))
    }
}

/// The [`BACKEND_COLUMNS`] of a row written by [`write_row`]: its newline moves after them.
pub fn write_backend(out: &mut Vec<u8>, s: &Session) {
    if out.last() == Some(&b'\n') {
        out.pop();
    }
    let b = s.backend.as_deref();
    out.push(b'\t');
    if let Some(b) = b {
        out.extend_from_slice(sanitize::tsv(&b.blocked_by.join(",")).as_bytes());
    }
    out.push(b'\t');
    out.extend_from_slice(
        sanitize::tsv(b.and_then(|b| b.state.as_deref()).unwrap_or("")).as_bytes(),
    );
    out.push(b'\t');
    num(out, b.and_then(|b| b.time));
    out.push(b'\t');
    num(out, b.and_then(|b| b.trx_age));
    out.push(b'\n');
}

/// A number, or nothing when absent.
fn num<T: std::fmt::Display>(out: &mut Vec<u8>, v: Option<T>) {
    if let Some(v) = v {
        let _ = write!(out, "{v}");
    }
}

/// A whole number (what `{}` prints, by `itoa`), or nothing when absent.
fn int(out: &mut Vec<u8>, v: Option<u64>) {
    if let Some(v) = v {
        out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    }
}

/// One list line, written field by field into `out` (no allocation for plain values).
pub fn write_row(out: &mut Vec<u8>, s: &Session, labels: &[String]) -> io::Result<()> {
    let text = |out: &mut Vec<u8>, v: Option<&str>| {
        out.extend_from_slice(sanitize::tsv(v.unwrap_or("")).as_bytes());
    };
    let list = |out: &mut Vec<u8>, items: &[String]| {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(sanitize::tsv(item).as_bytes());
        }
    };
    text(out, Some(&s.id));
    out.push(b'\t');
    text(out, s.user.as_deref());
    out.push(b'\t');
    text(out, s.remote.as_deref());
    out.push(b'\t');
    text(out, s.remote_name.as_deref());
    out.push(b'\t');
    int(out, s.port);
    out.push(b'\t');
    list(out, &s.services);
    out.push(b'\t');
    text(out, s.state.as_deref());
    out.push(b'\t');
    match s.connected.as_deref().map(|c| (c, time::Stamp::parse(c))) {
        Some((_, Some(stamp))) => stamp.write_rfc3339(out)?,
        Some((raw, None)) => text(out, Some(raw)),
        None => {}
    }
    out.push(b'\t');
    num(out, s.idle);
    out.push(b'\t');
    list(out, &s.backends);
    out.push(b'\t');
    int(out, s.memory);
    out.push(b'\t');
    int(out, s.io_activity);
    out.push(b'\t');
    text(out, labels.get(s.endpoint).map(String::as_str));
    out.push(b'\n');
    Ok(())
}

/// The columns of `sessions queries`, in order: the statement whole (escaped), its age in
/// whole seconds by the server's clock, and `received` as the server sent it (its local time).
pub const QUERY_COLUMNS: [&str; 9] = [
    "id",
    "user",
    "remote",
    "remote_name",
    "service",
    "query_age",
    "received",
    "statement",
    "maxscale",
];

pub fn write_query_header(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", QUERY_COLUMNS.join("\t"))
}

/// One `sessions queries` line.
pub fn write_query_row(out: &mut dyn Write, s: &Session, labels: &[String]) -> io::Result<()> {
    let text = |v: Option<&str>| sanitize::tsv(v.unwrap_or("")).into_owned();
    let running = s.running.as_ref();
    let fields = [
        text(Some(&s.id)),
        text(s.user.as_deref()),
        text(s.remote.as_deref()),
        text(s.remote_name.as_deref()),
        s.services
            .iter()
            .map(|x| sanitize::tsv(x).into_owned())
            .collect::<Vec<_>>()
            .join(","),
        s.query_age.map(|a| a.to_string()).unwrap_or_default(),
        text(running.and_then(|r| r.received.as_deref())),
        text(running.map(|r| r.statement.as_str())),
        text(labels.get(s.endpoint).map(String::as_str)),
    ];
    writeln!(out, "{}", fields.join("\t"))
}

/// One `show` block: `key<TAB>value` lines.
pub fn write_fields(out: &mut dyn Write, fields: &[(String, String)]) -> io::Result<()> {
    for (k, v) in fields {
        writeln!(out, "{}\t{}", sanitize::tsv(k), sanitize::tsv(v))?;
    }
    Ok(())
}

/// Flattens a JSON value into `prefix.key` / `prefix.N` fields; scalars as text (strings
/// unquoted, null as empty), empty objects and arrays as `{}` / `[]`.
pub fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    let join = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                flatten(&join(k), v, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, v) in items.iter().enumerate() {
                flatten(&join(&i.to_string()), v, out);
            }
        }
        Value::Object(_) => out.push((prefix.to_string(), "{}".into())),
        Value::Array(_) => out.push((prefix.to_string(), "[]".into())),
        Value::Null => out.push((prefix.to_string(), String::new())),
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_has_twelve_tabs_and_escapes() {
        let s = Session {
            id: "1".into(),
            user: Some("a\tb\nc\\d\u{1b}".into()),
            connected: Some("Fri, 05 Jan 2024 07:24:06 GMT".into()),
            idle: Some(22.4),
            memory: Some(67_337),
            services: vec!["s1".into(), "s2".into()],
            backends: vec!["b1".into(), "b2".into()],
            ..Session::default()
        };
        let mut out = Vec::new();
        write_row(&mut out, &s, &["mx:8989".into()]).unwrap();
        let line = String::from_utf8(out).unwrap();
        assert_eq!(line.matches('\t').count(), 12, "{line}");
        assert_eq!(
            line,
            "1\ta\\tb\\nc\\\\d\\e\t\t\t\ts1,s2\t\t2024-01-05T07:24:06Z\t22.4\tb1,b2\t67337\t\tmx:8989\n"
        );
        let mut out = Vec::new();
        write_header(&mut out, false).unwrap();
        assert_eq!(String::from_utf8(out).unwrap().matches('\t').count(), 12);
    }

    #[test]
    fn flatten_names_nested_fields() {
        let v: Value = serde_json::json!({"a": {"b": 1, "c": [true, null]}, "e": [], "s": "x"});
        let mut out = Vec::new();
        flatten("", &v, &mut out);
        let text: Vec<String> = out.iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(text, ["a.b=1", "a.c.0=true", "a.c.1=", "e=[]", "s=x"]);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use crate::text::sanitize::proptests::hostile;
    use proptest::prelude::*;

    /// Reverses the documented escapes: `\\`, `\t`, `\n`, `\r`, `\e`, `\xNN`, `\u{NNNN}`.
    /// `None` for anything else after a backslash, or a raw tab or newline.
    fn unescape(field: &str) -> Option<String> {
        let mut out = String::new();
        let mut chars = field.chars();
        while let Some(c) = chars.next() {
            if c == '\t' || c == '\n' {
                return None;
            }
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next()? {
                '\\' => out.push('\\'),
                't' => out.push('\t'),
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                'e' => out.push('\u{1b}'),
                'x' => {
                    let hex: String = chars.by_ref().take(2).collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                'u' => {
                    if chars.next()? != '{' {
                        return None;
                    }
                    let hex: String = chars.by_ref().take_while(|c| *c != '}').collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                _ => return None,
            }
        }
        Some(out)
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![hostile(), any::<String>()]
    }

    proptest! {
        /// Every field unescapes to what it was.
        #[test]
        fn escaping_round_trips(s in text()) {
            let escaped = sanitize::tsv(&s);
            prop_assert!(!escaped.chars().any(|c| c.is_control() || sanitize::is_unsafe(c)));
            prop_assert_eq!(unescape(&escaped), Some(s));
        }

        /// A list line has 13 fields whatever the values, and each text field reads back.
        /// (`service` and `backends` are comma-joined without escaping the comma, so they are
        /// left out: MaxScale's object names have no commas.)
        #[test]
        fn list_lines_split_into_fields_that_read_back(
            id in text(), user in text(), remote in text(), name in text(), state in text(),
            connected in text(), label in text(),
        ) {
            let s = Session {
                id: id.clone(),
                user: Some(user.clone()),
                remote: Some(remote.clone()),
                remote_name: Some(name.clone()),
                state: Some(state.clone()),
                connected: Some(connected.clone()),
                ..Session::default()
            };
            let mut out = Vec::new();
            write_row(&mut out, &s, std::slice::from_ref(&label)).unwrap();
            let line = String::from_utf8(out).unwrap();
            let line = line.strip_suffix('\n').unwrap();
            let fields: Vec<&str> = line.split('\t').collect();
            prop_assert_eq!(fields.len(), 13);
            for (i, want) in [(0, &id), (1, &user), (2, &remote), (3, &name), (6, &state), (12, &label)] {
                prop_assert_eq!(unescape(fields[i]), Some(want.clone()), "field {}", i);
            }
            if time::Stamp::parse(&connected).is_none() {
                prop_assert_eq!(unescape(fields[7]), Some(connected));
            }
        }

        /// A `show` line is `key<TAB>value`, both reading back.
        #[test]
        fn show_lines_read_back(k in text(), v in text()) {
            let mut out = Vec::new();
            write_fields(&mut out, &[(k.clone(), v.clone())]).unwrap();
            let line = String::from_utf8(out).unwrap();
            let (ek, ev) = line.strip_suffix('\n').unwrap().split_once('\t').unwrap();
            prop_assert_eq!(unescape(ek), Some(k));
            prop_assert_eq!(unescape(ev), Some(v));
        }
    }
}
