//! A page of MaxScale's log as the server sends it (`logs/entries` and `logs/data`): any bytes
//! are read by [`log::parse`] as either route, and every page it accepts is rendered.
//!
//! - parsing any bytes gives a page or an invalid-response failure, never a panic; the failure's
//!   message holds nothing forbidden once sanitized;
//! - a page's lines render in every format: the table (colors on and off) and TSV hold no
//!   forbidden character but the newline that ends each line, one line per entry, and the table
//!   with its colors removed is the plain one; TSV has its nine columns;
//! - JSON Lines and the JSON document parse back, one entry per line, each with its host in
//!   `meta.maxscale`; the time of a line is read without panicking.

use mxs::api::log::{self, Route};
use mxs::output::log::{self as render, Line, Shape, Source, TSV_COLUMNS};
use mxs::output::style::{Palette, strip_ansi};
use mxs::output::{Format, Options};

use super::common::{check_message, check_text, labels};

pub fn check(data: &[u8]) {
    for route in [Route::Entries, Route::Data] {
        match log::parse(data, route, "GET http://mx1:8989/v1/maxscale/logs/entries") {
            Ok(page) => check_page(&page),
            Err(f) => check_message(&f.message),
        }
    }
}

fn options(format: Format, color: bool) -> Options {
    Options {
        format,
        header: true,
        palette: Palette { enabled: color },
        width: 100,
        pretty_json: false,
    }
}

fn check_page(page: &log::Page) {
    let labels = labels();
    let lines: Vec<Line<'_>> = page
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| Line {
            host: i % labels.len(),
            entry,
        })
        .collect();
    for e in &page.entries {
        let _ = e.unix(3600);
    }
    let shape = Shape {
        labels: &labels,
        hosts: true,
        session_width: Some(6),
    };
    let write = |format, color| {
        let mut out = Vec::new();
        render::write_lines(&mut out, &options(format, color), &shape, &lines).expect("write");
        String::from_utf8(out).expect("UTF-8 output")
    };
    let plain = write(Format::Table, false);
    let colored = write(Format::Table, true);
    assert_eq!(strip_ansi(&colored), plain);
    check_text("log table", &plain, &['\n']);
    assert_eq!(plain.lines().count(), lines.len(), "{plain:?}");
    let tsv = write(Format::Tsv, false);
    check_text("log tsv", &tsv, &['\n', '\t']);
    assert_eq!(tsv.lines().count(), lines.len());
    for row in tsv.lines() {
        assert_eq!(row.split('\t').count(), TSV_COLUMNS.len(), "{row:?}");
    }
    let jsonl = write(Format::Jsonl, false);
    assert_eq!(jsonl.lines().count(), lines.len());
    for (row, line) in jsonl.lines().zip(&lines) {
        let v: serde_json::Value = serde_json::from_str(row).expect("a JSON line");
        assert_eq!(v["meta"]["maxscale"], labels[line.host].as_str(), "{row}");
    }
    let mut doc = Vec::new();
    let sources = [Source {
        host: 0,
        log_source: page.source.clone(),
        read_back_to: page.entries.first().map(|e| e.timestamp.clone()),
        stopped: "start",
    }];
    render::document(
        &mut doc,
        &options(Format::Json, false),
        &labels,
        &lines,
        &sources,
    )
    .expect("write");
    let v: serde_json::Value = serde_json::from_slice(&doc).expect("a JSON document");
    assert_eq!(v["data"].as_array().map(Vec::len), Some(lines.len()), "{v}");
}
