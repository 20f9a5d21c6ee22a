//! `sessions list` in every format, for sessions collected and selected by the command, and
//! the streaming JSON path that writes each resource as soon as it is parsed.

use std::io::{self, Write};

use crate::api::model::Session;
use crate::columns::Column;
use crate::output::json::{self, Collection, Layout, Meta, Source};
use crate::output::table::{Mark, Table};
use crate::output::{Format, Options, parallel, tsv};

/// A session and, for JSON output, the server's bytes of its resource.
pub type Item = (Session, Option<Vec<u8>>);

/// What a list shows.
pub struct View<'a> {
    pub items: &'a [Item],
    /// Each host's other top-level members, for `meta.sources` in JSON.
    pub sources: &'a [Source],
    /// Endpoint labels, by endpoint index.
    pub labels: &'a [String],
    /// Table columns.
    pub columns: &'a [Column],
    /// Client-side reverse DNS was done: JSON resources get `meta.remote_name`.
    pub client_rdns: bool,
}

impl View<'_> {
    /// What mxs adds to a resource in JSON output.
    #[must_use]
    pub fn meta<'s>(&'s self, s: &'s Session) -> Meta<'s> {
        meta(s, self.labels, self.client_rdns)
    }
}

/// What mxs adds to the resource of `s` in JSON output.
#[must_use]
pub fn meta<'a>(s: &'a Session, labels: &'a [String], client_rdns: bool) -> Meta<'a> {
    Meta {
        maxscale: labels.get(s.endpoint).map_or("", String::as_str),
        remote_name: client_rdns.then_some(s.remote_name.as_deref()),
        running: None,
        log: None,
        backend: s.backend.as_deref().map(|b| &b.json),
    }
}

/// Writes the list in `options.format`.
pub fn write(out: &mut dyn Write, options: &Options, view: &View<'_>) -> anyhow::Result<()> {
    match options.format {
        Format::Table => {
            let sessions: Vec<&Session> = view.items.iter().map(|(s, _)| s).collect();
            table(out, options, view.columns, view.labels, &sessions, None)?;
        }
        Format::Tsv => tsv_rows(out, options, view.items, view.labels)?,
        Format::Json => {
            let mut doc = Collection::start(out, options.pretty_json)?;
            for (s, raw) in view.items {
                doc.push(raw.as_deref().unwrap_or_default(), &view.meta(s))?;
            }
            doc.finish(view.sources)?;
        }
        Format::Jsonl => {
            let mut buf = Vec::new();
            compact(&mut buf, view, b"\n")?;
            out.write_all(&buf)?;
        }
        Format::Ids => {
            let qualified = view.labels.len() > 1;
            for (s, _) in view.items {
                writeln!(out, "{}", id_ref(s, view.labels, qualified))?;
            }
        }
    }
    Ok(())
}

/// A session's id as the actions read it: `ID`, or `ID@HOST` (the `--hosts` label) when
/// `qualified`. Ids that are not plain (never seen from MaxScale) are sanitized.
#[must_use]
pub fn id_ref(s: &Session, labels: &[String], qualified: bool) -> String {
    id_text(&s.id, s.endpoint, labels, qualified)
}

/// [`id_ref`] of an id and its host.
#[must_use]
pub fn id_text(id: &str, host: usize, labels: &[String], qualified: bool) -> String {
    let id = crate::text::sanitize::line(id);
    if qualified {
        format!("{id}@{}", labels.get(host).map_or("", String::as_str))
    } else {
        id.into_owned()
    }
}

/// The table of `sessions`, with rows marked (new since the last refresh) when `marks` is given.
pub fn table<S: std::borrow::Borrow<Session> + Sync>(
    out: &mut dyn Write,
    options: &Options,
    columns: &[Column],
    labels: &[String],
    sessions: &[S],
    marks: Option<&[Mark]>,
) -> io::Result<()> {
    layout(options, columns, labels).write(out, sessions, marks)
}

/// The table of `columns` as `options` lay it out.
fn layout<'a>(options: &Options, columns: &'a [Column], labels: &'a [String]) -> Table<'a> {
    Table {
        columns,
        labels,
        width: options.width,
        palette: options.palette,
    }
}

/// The table of `rows`, which are already cells (see [`crate::output::table::Rows`]).
pub fn table_of_rows(
    out: &mut dyn Write,
    options: &Options,
    columns: &[Column],
    labels: &[String],
    rows: &impl crate::output::table::Rows,
) -> io::Result<()> {
    layout(options, columns, labels).write_rows(out, rows)
}

/// TSV rows, after a header row when asked for.
pub fn tsv_rows(
    out: &mut dyn Write,
    options: &Options,
    items: &[Item],
    labels: &[String],
) -> io::Result<()> {
    let backend = items.iter().any(|(s, _)| s.backend.is_some());
    if options.header {
        tsv::write_header(out, backend)?;
    }
    parallel::write_rows(out, items, |buf, _, (s, _)| {
        tsv::write_row(buf, s, labels)?;
        if backend {
            tsv::write_backend(buf, s);
        }
        Ok(())
    })
}

/// Writes resources compact, each followed by `after` (a newline for JSON Lines), or with a
/// comma between them when `after` is empty (inside a JSON array).
pub fn compact(buf: &mut Vec<u8>, view: &View<'_>, after: &[u8]) -> anyhow::Result<()> {
    for (i, (s, raw)) in view.items.iter().enumerate() {
        if after.is_empty() && i > 0 {
            buf.push(b',');
        }
        json::write_resource(
            buf,
            raw.as_deref().unwrap_or_default(),
            &view.meta(s),
            Layout::Compact,
        )?;
        buf.extend_from_slice(after);
    }
    Ok(())
}

/// The JSON list written as it arrives: [`Stream::render`] prepares a resource (on any thread),
/// [`Stream::push`] appends it in order, [`Stream::finish`] closes the document.
pub enum Stream<W: Write> {
    Document(Collection<W>),
    Lines(W),
}

impl<W: Write> Stream<W> {
    /// Starts a JSON document, or JSON Lines.
    pub fn start(out: W, options: &Options) -> io::Result<Self> {
        Ok(if options.format == Format::Jsonl {
            Stream::Lines(out)
        } else {
            Stream::Document(Collection::start(out, options.pretty_json)?)
        })
    }

    /// One resource, rendered (and validated) and appended to `out`, a batch of them for
    /// [`Stream::push_batch`]: after a separator when `out` already holds one.
    pub fn render_into(
        out: &mut Vec<u8>,
        bytes: &[u8],
        meta: &Meta<'_>,
        options: &Options,
    ) -> anyhow::Result<json::Copied> {
        if options.format == Format::Jsonl {
            let copied = json::write_resource(out, bytes, meta, Layout::Compact)?;
            out.push(b'\n');
            Ok(copied)
        } else {
            if !out.is_empty() {
                out.push(b',');
            }
            Collection::<Vec<u8>>::render_into(out, bytes, meta, options.pretty_json)
        }
    }

    /// Appends a batch of `count` resources made by [`Stream::render_into`].
    pub fn push_batch(&mut self, rendered: &[u8], count: usize) -> io::Result<()> {
        match self {
            Stream::Document(doc) => doc.push_rendered_batch(rendered, count),
            Stream::Lines(w) => w.write_all(rendered),
        }
    }

    /// Closes the document with each host's `meta.sources`.
    pub fn finish(self, sources: &[Source]) -> io::Result<()> {
        match self {
            Stream::Document(doc) => doc.finish(sources).map(drop),
            Stream::Lines(_) => Ok(()),
        }
    }
}
