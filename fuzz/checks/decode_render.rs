//! Feeds arbitrary bytes to the response decoder (the streaming JSON:API scanner and the typed
//! session model) and to every renderer (list table, list TSV, JSON, `show` table and `show`
//! TSV), and checks the invariants that matter for a client that prints untrusted server data:
//!
//! - nothing panics (overflow checks and debug assertions are on in fuzz builds);
//! - the scanner gives the same events and the same error whatever the read sizes are;
//! - table and `show` output contain no raw control character but '\n', and no character the
//!   sanitizer calls unsafe (ESC, C1, DEL, bidi overrides and isolates, zero-width, ...); the
//!   palette's own colours are the only escape sequences, and removing them gives the
//!   uncoloured table;
//! - every list TSV line has exactly 12 tabs and ends in the only '\n'; every `show` TSV line
//!   has exactly one tab; no other control or unsafe character appears;
//! - JSON output is valid JSON equal to the input plus `meta.maxscale` / `meta.remote_name`
//!   (any `meta` object the server sent is kept), compact or pretty, and contains no unsafe
//!   character raw (only the pretty layout's '\n').

use std::io::{self, Read};

use serde_json::Value;

use mxs::api::model::Session;
use mxs::api::scan::{Event, scan};
use mxs::columns::Column;
use mxs::output::json::{self, Layout, Meta};
use mxs::output::show::{self, Context};
use mxs::output::style::Palette;
use mxs::output::table::Table;
use mxs::output::tsv;

use super::common::check_text;

const LABEL: &str = "mx:8989";
const MAXSCALE: &str = "mx";

/// Removes SGR sequences (`ESC [ digits/';' m`), the only escapes the palette writes.
fn strip_sgr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\u{1b}') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        let params = tail
            .strip_prefix('[')
            .map(|t| t.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';'));
        match params.and_then(|p| p.strip_prefix('m')) {
            Some(after) => rest = after,
            None => {
                // not SGR: keep the ESC so check_text reports it
                out.push('\u{1b}');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A reader that hands out at most `step` bytes per read, to exercise the scanner's refills.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.data.len().min(buf.len()).min(self.step);
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn events<R: Read>(reader: R) -> (Vec<String>, Option<String>) {
    let mut out = Vec::new();
    let result = scan(reader, |e| {
        out.push(match e {
            Event::Element { index, bytes, .. } => {
                format!("E{index}:{}", String::from_utf8_lossy(bytes))
            }
            Event::Data { bytes, .. } => format!("D:{}", String::from_utf8_lossy(bytes)),
            Event::Member { key, value, .. } => {
                format!(
                    "M{}:{}",
                    String::from_utf8_lossy(key),
                    String::from_utf8_lossy(value)
                )
            }
        });
        Ok(())
    });
    (out, result.err().map(|e| e.to_string()))
}

fn check_json(bytes: &[u8]) {
    if json::validate(bytes).is_err() {
        return;
    }
    let meta = Meta {
        maxscale: MAXSCALE,
        remote_name: Some(None),
        running: None,
        log: None,
        backend: None,
    };
    let Ok(input) = serde_json::from_slice::<Value>(bytes) else {
        // Valid JSON that serde_json::Value refuses (a lone surrogate escape "\udc00", a number
        // like 1e400): mxs passes it through as bytes, so writing must still work and be safe.
        for layout in [Layout::Pretty(1), Layout::Compact] {
            let mut out = Vec::new();
            json::write_resource(&mut out, bytes, &meta, layout)
                .expect("write_resource failed on valid JSON");
            let text = std::str::from_utf8(&out).expect("JSON output is not UTF-8");
            check_text(
                "JSON",
                text,
                if layout == Layout::Compact {
                    &[]
                } else {
                    &['\n']
                },
            );
        }
        return;
    };
    let mut expected = input.clone();
    if let Some(obj) = expected.as_object_mut() {
        let m = obj.entry("meta").or_insert_with(|| serde_json::json!({}));
        if !m.is_object() {
            // a meta that is not an object is kept under meta.server
            *m = serde_json::json!({ "server": m.clone() });
        }
        let m = m.as_object_mut().unwrap();
        m.insert("maxscale".into(), Value::from(MAXSCALE));
        m.insert("remote_name".into(), Value::Null);
    }
    for layout in [Layout::Pretty(1), Layout::Compact] {
        let mut out = Vec::new();
        json::write_resource(&mut out, bytes, &meta, layout)
            .expect("write_resource failed on valid JSON");
        let text = std::str::from_utf8(&out).expect("JSON output is not UTF-8");
        let got: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => panic!("{layout:?} JSON output does not parse ({e}):\n{text}"),
        };
        assert_eq!(
            got, expected,
            "{layout:?} JSON output differs from the input plus meta:\n{text}"
        );
        let allowed: &[char] = if layout == Layout::Compact {
            &[]
        } else {
            &['\n']
        };
        check_text("JSON", text, allowed);
    }
}

fn check_list(sessions: &[Session]) {
    let labels = [LABEL.to_string()];
    let mut plain = Vec::new();
    Table {
        columns: &Column::ALL,
        labels: &labels,
        width: 80,
        palette: Palette { enabled: false },
    }
    .write(&mut plain, sessions, None)
    .unwrap();
    let plain = String::from_utf8(plain).expect("table output is not UTF-8");
    check_text("table", &plain, &['\n']);
    assert_eq!(
        plain.lines().count(),
        sessions.len() + 1,
        "one header and one line per session:\n{plain}"
    );

    let mut colored = Vec::new();
    Table {
        columns: &Column::ALL,
        labels: &labels,
        width: 80,
        palette: Palette { enabled: true },
    }
    .write(&mut colored, sessions, None)
    .unwrap();
    let colored = String::from_utf8(colored).expect("table output is not UTF-8");
    let stripped = strip_sgr(&colored);
    check_text("colored table", &stripped, &['\n']);
    assert_eq!(stripped, plain, "the palette changed more than colours");

    for s in sessions {
        let mut row = Vec::new();
        tsv::write_row(&mut row, s, &labels).unwrap();
        let row = String::from_utf8(row).expect("TSV output is not UTF-8");
        check_text("TSV row", &row, &['\n', '\t']);
        assert!(
            row.ends_with('\n') && row.matches('\n').count() == 1,
            "TSV row is not one line: {row:?}"
        );
        assert_eq!(
            row.matches('\t').count(),
            12,
            "TSV row without exactly 12 tabs: {row:?}"
        );
    }
}

fn check_show(resource: &Value) {
    // (colours are on only for the no-panic check: comfy-table may wrap inside a coloured header)
    for (palette, remote_name) in [
        (false, Some(None)),
        (false, Some(Some("host\u{1b}[2J\u{202e}.example"))),
        (false, None),
        (true, Some(None)),
    ] {
        let ctx = Context {
            maxscale: LABEL,
            remote_name,
            width: 80,
            palette: Palette { enabled: palette },
            now: 1_800_000_000,
        };
        let text = show::render(resource, &ctx);
        if !palette {
            check_text("show table", &text, &['\n']);
        }
        let fields = show::fields(resource, &ctx);
        let mut out = Vec::new();
        tsv::write_fields(&mut out, &fields).unwrap();
        let out = String::from_utf8(out).expect("show TSV is not UTF-8");
        check_text("show TSV", &out, &['\n', '\t']);
        for line in out.lines() {
            assert_eq!(
                line.matches('\t').count(),
                1,
                "show TSV line without exactly one tab: {line:?}"
            );
        }
    }
}

pub fn check(data: &[u8]) {
    // The scanner must not depend on how the body arrives.
    let whole = events(data);
    let step = 1 + usize::from(data.first().copied().unwrap_or(0) % 7);
    let trickled = events(Trickle { data, step });
    assert_eq!(
        whole, trickled,
        "scanner results depend on read sizes (step {step})"
    );

    let mut sessions = Vec::new();
    let _ = scan(data, |event| {
        match event {
            Event::Element { bytes, .. } => {
                if let Ok(session) = Session::parse(bytes, 0) {
                    check_list(std::slice::from_ref(&session));
                    check_json(bytes);
                    sessions.push(session);
                }
            }
            Event::Data { bytes, .. } => {
                if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
                    check_show(&value);
                    // `sessions show -o json` writes the single resource the same way
                    if Session::parse(bytes, 0).is_ok() {
                        check_json(bytes);
                    }
                }
            }
            Event::Member { .. } => {}
        }
        Ok(())
    });
    if sessions.len() > 1 {
        check_list(&sessions);
    }
}
