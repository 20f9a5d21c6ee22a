//! MaxScale's log as its admin API serves it: a page of `GET /v1/maxscale/logs/entries` (24.02
//! and later: a collection of `log_entry` resources) or of `GET /v1/maxscale/logs/data` (6.0
//! and later: one `log_data` resource whose `attributes.log` holds the lines), read into
//! [`Entry`]s, oldest first, with the cursor of the page before it taken from `links.prev`
//! (never computed: ids are opaque journal cursors with syslog). Knows no path.

use serde_json::Value;

use crate::error::{Cause, Failure};
use crate::text::sanitize;

/// Which of the two routes a page came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `logs/entries`: each line a `log_entry` resource (24.02 and later).
    Entries,
    /// `logs/data`: the lines in `data.attributes.log` (6.0 and later).
    Data,
}

/// One line of the log.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The server's id (a line index with maxlog, a journal cursor with syslog).
    pub id: String,
    /// The time as sent: the server's local time, no zone.
    pub timestamp: String,
    /// `unix_timestamp` (24.02 and later).
    pub unix_timestamp: Option<i64>,
    pub priority: String,
    pub message: String,
    /// The session the line was logged for, when it was (a string in every version).
    pub session: Option<String>,
    pub module: Option<String>,
    pub object: Option<String>,
    /// The entry as the server sent it (the resource with `logs/entries`, the line's object
    /// with `logs/data`), for JSON output.
    pub raw: Value,
}

/// One page of the log, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub entries: Vec<Entry>,
    /// `page[cursor]` of the page before this one (`links.prev`); none at the start of the log.
    pub prev: Option<String>,
    /// `log_source`: `maxlog`, `syslog`, or none when MaxScale logs to neither.
    pub source: Option<String>,
}

/// Reads a page; `request` names it in errors.
pub fn parse(bytes: &[u8], route: Route, request: &str) -> Result<Page, Failure> {
    let invalid = |why: String| {
        Failure::new(
            Cause::InvalidDocument,
            format!("{request}: invalid response: {why}"),
        )
    };
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| invalid(e.to_string()))?;
    let (lines, mut source): (Vec<(Value, &Value)>, Option<String>) = match route {
        Route::Entries => {
            let data = doc
                .get("data")
                .and_then(Value::as_array)
                .ok_or_else(|| invalid("it has no \"data\" array".into()))?;
            let lines = data
                .iter()
                .map(|resource| {
                    let attributes = resource
                        .get("attributes")
                        .filter(|a| a.is_object())
                        .ok_or_else(|| {
                            invalid("a log entry has no \"attributes\" object".into())
                        })?;
                    let mut line = attributes.clone();
                    if let (Some(object), Some(id)) = (line.as_object_mut(), resource.get("id")) {
                        object.insert("id".into(), id.clone());
                    }
                    Ok((line, resource))
                })
                .collect::<Result<_, Failure>>()?;
            (lines, None)
        }
        Route::Data => {
            let attributes = doc
                .pointer("/data/attributes")
                .filter(|a| a.is_object())
                .ok_or_else(|| invalid("it has no \"data.attributes\" object".into()))?;
            let source = attributes
                .get("log_source")
                .and_then(Value::as_str)
                .map(str::to_string);
            let lines = match attributes.get("log") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(lines)) => lines.iter().map(|l| (l.clone(), l)).collect(),
                Some(_) => return Err(invalid("\"log\" is not an array".into())),
            };
            (lines, source)
        }
    };
    let mut entries = Vec::with_capacity(lines.len());
    for (line, raw) in lines {
        let entry = entry(&line, raw).map_err(|why| invalid(why.to_string()))?;
        if source.is_none() {
            source = line
                .get("log_source")
                .and_then(Value::as_str)
                .map(str::to_string);
        }
        entries.push(entry);
    }
    let prev = doc
        .pointer("/links/prev")
        .and_then(Value::as_str)
        .and_then(cursor_of);
    Ok(Page {
        entries,
        prev,
        source,
    })
}

/// One line: its fields (in `logs/entries` the resource's attributes with its id).
fn entry(line: &Value, raw: &Value) -> Result<Entry, &'static str> {
    let text = |key: &str| -> Result<Option<String>, &'static str> {
        match line.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            // the session is a string in every version seen; take a number as its text
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err("a log entry's field is neither a string nor a number"),
        }
    };
    Ok(Entry {
        id: text("id")?.ok_or("a log entry has no id")?,
        timestamp: text("timestamp")?.unwrap_or_default(),
        unix_timestamp: line.get("unix_timestamp").and_then(Value::as_i64),
        priority: text("priority")?.unwrap_or_default(),
        message: text("message")?.unwrap_or_default(),
        session: text("session")?,
        module: text("module")?,
        object: text("object")?,
        raw: raw.clone(),
    })
}

/// `page[cursor]` of a link, percent-decoded: `…/entries/?page%5Bcursor%5D=359&page%5Bsize%5D=5`
/// gives `359`.
fn cursor_of(link: &str) -> Option<String> {
    let query = link.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (percent_decode(key) == "page[cursor]").then(|| percent_decode(value))
    })
}

fn percent_decode(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |k: usize| b.get(k).and_then(|c| (*c as char).to_digit(16));
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Entry {
    /// Unix seconds of the line: `unix_timestamp` when the server sent it, else its local time
    /// read with the server's UTC offset.
    #[must_use]
    pub fn unix(&self, utc_offset: i64) -> Option<i64> {
        self.unix_timestamp
            .or_else(|| crate::text::time::log_unix(&self.timestamp, utc_offset))
    }

    /// Whether this is the same line as `other` (same id, time and message): ids restart when
    /// the log is rotated.
    #[must_use]
    pub fn same_line(&self, other: &Entry) -> bool {
        self.id == other.id && self.timestamp == other.timestamp && self.message == other.message
    }

    /// The priority, sanitized, for messages.
    #[must_use]
    pub fn priority_shown(&self) -> std::borrow::Cow<'_, str> {
        sanitize::line(&self.priority)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRIES: &str = r#"{ "data": [ { "attributes": { "log_source": "maxlog",
        "message": "Stopped RW-Split-Router client session [10016]", "priority": "info",
        "session": "10016", "timestamp": "2026-12-07 03:51:09", "unix_timestamp": 1796615469 },
        "id": "368", "type": "log_entry" } ],
      "links": { "last": "http://127.0.0.1:8989/v1/maxscale/logs/entries/?page%5Bsize%5D=5",
        "prev": "http://127.0.0.1:8989/v1/maxscale/logs/entries/?page%5Bcursor%5D=359&page%5Bsize%5D=5",
        "self": "http://127.0.0.1:8989/v1/maxscale/logs/entries/?page%5Bcursor%5D=364&page%5Bsize%5D=5" },
      "meta": { "total": 5 } }"#;

    #[test]
    fn an_entries_page_reads_its_lines_and_the_cursor_before_it() {
        let page = parse(ENTRIES.as_bytes(), Route::Entries, "GET x").unwrap();
        assert_eq!(page.prev.as_deref(), Some("359"));
        assert_eq!(page.source.as_deref(), Some("maxlog"));
        let e = &page.entries[0];
        assert_eq!(
            (e.id.as_str(), e.session.as_deref(), e.module.as_deref()),
            ("368", Some("10016"), None)
        );
        assert_eq!(e.unix(3600), Some(1_796_615_469));
        assert_eq!(e.raw["type"], "log_entry");
    }

    #[test]
    fn a_data_page_reads_the_lines_of_its_resource() {
        let body = r#"{"data":{"id":"log_data","type":"log_data","attributes":{"log":[
            {"id":"7","message":"(x) hello","priority":"notice","timestamp":"2023-01-02 03:04:05",
             "session":"12","module":"readwritesplit","object":"RW"}],"log_source":"maxlog"}},
            "links":{"last":"http://h/v1/maxscale/logs/data/?page%5Bsize%5D=50"}}"#;
        let page = parse(body.as_bytes(), Route::Data, "GET x").unwrap();
        assert_eq!(page.prev, None, "no prev link: the start of the log");
        let e = &page.entries[0];
        assert_eq!(e.unix_timestamp, None);
        assert_eq!(
            e.unix(0),
            crate::text::time::log_unix("2023-01-02 03:04:05", 0)
        );
        assert_eq!(e.object.as_deref(), Some("RW"));
        assert_eq!(e.raw["id"], "7");
        // a MaxScale that logs nowhere: no lines, no source
        let none = parse(br#"{"data":{"attributes":{}}}"#, Route::Data, "GET x").unwrap();
        assert!(none.entries.is_empty() && none.source.is_none());
    }

    #[test]
    fn what_is_not_a_page_is_an_invalid_answer() {
        for (body, route) in [
            ("{", Route::Entries),
            (r#"{"data":{}}"#, Route::Entries),
            (r#"{"data":[{"id":"1"}]}"#, Route::Entries),
            (
                r#"{"data":[{"attributes":{"message":"no id"}}]}"#,
                Route::Entries,
            ),
            (r#"{"data":{"attributes":{"log":7}}}"#, Route::Data),
            (
                r#"{"data":{"attributes":{"log":[{"id":[1]}]}}}"#,
                Route::Data,
            ),
        ] {
            let e = parse(body.as_bytes(), route, "GET x").unwrap_err();
            assert_eq!(e.cause, Cause::InvalidDocument, "{body}");
            assert!(
                e.message.starts_with("GET x: invalid response"),
                "{}",
                e.message
            );
        }
    }

    #[test]
    fn cursors_are_taken_from_links_and_decoded() {
        assert_eq!(
            cursor_of(
                "http://h/v1/maxscale/logs/entries/?page%5Bcursor%5D=s%3Dab%3Bi%3D1&page%5Bsize%5D=5"
            ),
            Some("s=ab;i=1".into())
        );
        assert_eq!(cursor_of("http://h/x/?page[cursor]=0"), Some("0".into()));
        assert_eq!(cursor_of("http://h/x/?page%5Bsize%5D=5"), None);
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }
}
