//! JSON output. It is lossless: each resource object is the server's own bytes, re-indented or
//! compacted token by token (numbers keep the exact text the server sent, unknown keys stay),
//! with mxs's additions spliced into the resource's `meta`:
//!
//! - `meta.maxscale`: the endpoint (as given in `--hosts`) the resource came from;
//! - `meta.remote_name`: with `--rdns` (client side), the client's host name, or `null` when the
//!   lookup failed or timed out. `attributes.remote` is never rewritten.
//!
//! `sessions list -o json` prints `{"data": [...], "meta": {"sources": [...]}}`: `data` holds the
//! resources of every host (the same shape for one host or many), and each element of
//! `meta.sources` holds one host's other top-level members (its `links`, ...) under `maxscale`.
//! `sessions show -o json` prints one `{"data": {...}, "links": ...}` document per session found.
//! `-o jsonl` prints one resource object per line. Output is pretty on a terminal and compact
//! otherwise.
//!
//! Characters that JSON allows raw inside strings but a terminal would act on (DEL, C1 controls,
//! bidi and invisible format characters) are written as `\uXXXX` escapes: the same string, and
//! safe to print.

use std::io::{self, Write};

pub use crate::api::json::{Copied, Layout, newline, reformat, reformat_checked, validate};
use crate::api::walk;
#[cfg(test)]
use crate::text::sanitize::is_unsafe;

/// What mxs adds to a resource.
#[derive(Debug, Clone, Copy)]
pub struct Meta<'a> {
    pub maxscale: &'a str,
    /// `None`: reverse DNS was not asked for; `Some(None)`: asked, not resolved.
    pub remote_name: Option<Option<&'a str>>,
    /// `sessions queries`: the running statement and its age in seconds (`null` when its
    /// time cannot be read), as `meta.running` and `meta.query_age`.
    pub running: Option<(&'a str, Option<f64>)>,
    /// `show --log`: the session's lines of MaxScale's log, as the server sent them, as
    /// `meta.log`.
    pub log: Option<&'a serde_json::Value>,
    /// `show --backend`: the session's backend threads, as `meta.backend`.
    pub backend: Option<&'a serde_json::Value>,
}

impl Meta<'_> {
    fn members(&self) -> Vec<(&'static str, serde_json::Value)> {
        let mut m = vec![("maxscale", serde_json::Value::from(self.maxscale))];
        if let Some(name) = self.remote_name {
            m.push((
                "remote_name",
                name.map_or(serde_json::Value::Null, serde_json::Value::from),
            ));
        }
        if let Some((statement, age)) = self.running {
            m.push(("running", serde_json::Value::from(statement)));
            m.push((
                "query_age",
                age.map_or(serde_json::Value::Null, serde_json::Value::from),
            ));
        }
        if let Some(log) = self.log {
            m.push(("log", log.clone()));
        }
        if let Some(backend) = self.backend {
            m.push(("backend", backend.clone()));
        }
        m
    }
}

/// Writes one resource object with `meta` spliced in; tells what the copy saw of it.
pub fn write_resource(
    out: &mut Vec<u8>,
    bytes: &[u8],
    meta: &Meta<'_>,
    layout: Layout,
) -> anyhow::Result<Copied> {
    let start = out.len();
    let copied = reformat_checked(bytes, out, layout)?;
    if copied.meta
        && let Some(merged) = merge_server_meta(bytes, meta)?
    {
        // Rare: the server sent a meta of its own; ours goes inside it.
        out.truncate(start);
        reformat(&merged, out, layout)?;
        return Ok(copied);
    }
    // Remove the closing brace (and its newline and indent), add meta, close again.
    let close = out.iter().rposition(|b| *b == b'}').unwrap_or(out.len());
    let empty = out[start..close].ends_with(b"{");
    out.truncate(close);
    while out.len() > start && matches!(out.last(), Some(b' ' | b'\n')) {
        out.pop();
    }
    let depth = match layout {
        Layout::Pretty(base) => Layout::Pretty(base + 1),
        Layout::Compact => Layout::Compact,
    };
    if !empty {
        out.push(b',');
    }
    newline(out, depth, 0);
    out.extend_from_slice(b"\"meta\":");
    if matches!(layout, Layout::Pretty(_)) {
        out.push(b' ');
    }
    write_meta(out, meta, depth)?;
    newline(out, layout, 0);
    out.push(b'}');
    Ok(copied)
}

/// mxs's `meta` object, laid out at `depth`. When it holds only `maxscale` (every resource of
/// a plain list), it is the same for every resource of a host: each thread keeps it per
/// (endpoint, layout) rather than building and laying out the object again per resource.
fn write_meta(out: &mut Vec<u8>, meta: &Meta<'_>, depth: Layout) -> anyhow::Result<()> {
    type Rendered = Vec<(String, Layout, Vec<u8>)>;
    thread_local! {
        static RENDERED: std::cell::RefCell<Rendered> = const { std::cell::RefCell::new(Vec::new()) };
    }
    if meta.remote_name.is_some()
        || meta.running.is_some()
        || meta.log.is_some()
        || meta.backend.is_some()
    {
        return render_meta(out, meta, depth);
    }
    RENDERED.with(|cell| {
        let mut rendered = cell.borrow_mut();
        let found = rendered
            .iter()
            .position(|(label, layout, _)| label == meta.maxscale && *layout == depth);
        let k = match found {
            Some(k) => k,
            None => {
                let mut bytes = Vec::new();
                render_meta(&mut bytes, meta, depth)?;
                rendered.push((meta.maxscale.to_string(), depth, bytes));
                rendered.len() - 1
            }
        };
        out.extend_from_slice(&rendered[k].2);
        Ok(())
    })
}

/// [`write_meta`] without the kept copies.
fn render_meta(out: &mut Vec<u8>, meta: &Meta<'_>, depth: Layout) -> anyhow::Result<()> {
    let members: serde_json::Map<String, serde_json::Value> = meta
        .members()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    reformat(&serde_json::to_vec(&members)?, out, depth)?;
    Ok(())
}

/// When the resource has a top-level `meta` member (however its name is escaped), the resource
/// with mxs's members added inside it; a `meta` that is not an object is kept as `meta.server`.
/// `None` when there is no such member. Works on the bytes, so the server's values (numbers,
/// escapes) pass through untouched.
fn merge_server_meta(bytes: &[u8], meta: &Meta<'_>) -> anyhow::Result<Option<Vec<u8>>> {
    let mut found = None;
    walk::visit(bytes, walk::Index::NONE, 0, |key, at| {
        let is_meta = if key.contains(&b'\\') {
            serde_json::from_slice::<String>(&[b"\"", key, b"\""].concat())
                .is_ok_and(|k| k == "meta")
        } else {
            key == b"meta"
        };
        if !is_meta {
            return Ok(None);
        }
        let end = walk::value_end(bytes, at)?;
        found = Some((at, end));
        Ok(Some(end))
    })?;
    let Some((at, end)) = found else {
        return Ok(None);
    };
    let members: serde_json::Map<String, serde_json::Value> = meta
        .members()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let members = serde_json::to_vec(&members)?;
    let members = &members[1..members.len() - 1];
    let mut merged = Vec::with_capacity(bytes.len() + members.len() + 16);
    if bytes[at] == b'{' {
        let inner_empty = bytes[at + 1..end - 1].iter().all(u8::is_ascii_whitespace);
        merged.extend_from_slice(&bytes[..end - 1]);
        if !inner_empty {
            merged.push(b',');
        }
        merged.extend_from_slice(members);
        merged.extend_from_slice(&bytes[end - 1..]);
    } else {
        merged.extend_from_slice(&bytes[..at]);
        merged.extend_from_slice(b"{\"server\":");
        merged.extend_from_slice(&bytes[at..end]);
        merged.push(b',');
        merged.extend_from_slice(members);
        merged.push(b'}');
        merged.extend_from_slice(&bytes[end..]);
    }
    Ok(Some(merged))
}

/// A `show` document: `{"data": <resource with meta>, <the server's other members>}`.
pub fn document(
    buf: &mut Vec<u8>,
    resource: &[u8],
    members: &[(Vec<u8>, Vec<u8>)],
    m: &Meta<'_>,
    pretty: bool,
) -> anyhow::Result<()> {
    let inner = if pretty {
        Layout::Pretty(1)
    } else {
        Layout::Compact
    };
    buf.extend_from_slice(if pretty {
        b"{\n  \"data\": "
    } else {
        b"{\"data\":"
    });
    write_resource(buf, resource, m, inner)?;
    for (k, v) in members {
        buf.extend_from_slice(if pretty { b",\n  " } else { b"," });
        buf.extend_from_slice(k);
        buf.extend_from_slice(if pretty { b": " } else { b":" });
        reformat(v, buf, inner)?;
    }
    buf.extend_from_slice(if pretty { b"\n}" } else { b"}" });
    Ok(())
}

/// One host's other top-level members: its label and (raw key, raw value) pairs.
pub type Source = (String, Vec<(Vec<u8>, Vec<u8>)>);

/// Streams a `{"data": [...], "meta": {...}}` collection document.
pub struct Collection<W: Write> {
    out: W,
    layout: Layout,
    count: usize,
    buf: Vec<u8>,
}

impl<W: Write> Collection<W> {
    pub fn start(mut out: W, pretty: bool) -> io::Result<Self> {
        let layout = if pretty {
            Layout::Pretty(2)
        } else {
            Layout::Compact
        };
        out.write_all(if pretty {
            b"{\n  \"data\": ["
        } else {
            b"{\"data\":["
        })?;
        Ok(Collection {
            out,
            layout,
            count: 0,
            buf: Vec::with_capacity(8192),
        })
    }

    pub fn push(&mut self, bytes: &[u8], meta: &Meta<'_>) -> anyhow::Result<()> {
        // the scratch buffer, reused from resource to resource
        let mut rendered = std::mem::take(&mut self.buf);
        rendered.clear();
        Collection::<W>::render_into(
            &mut rendered,
            bytes,
            meta,
            matches!(self.layout, Layout::Pretty(_)),
        )?;
        self.push_rendered_batch(&rendered, 1)?;
        self.buf = rendered;
        Ok(())
    }

    /// A resource as [`Collection::push_rendered_batch`] wants it (done apart, on any thread),
    /// appended to `out`: on its own line when pretty. Resources of one batch are separated by
    /// a comma, which the caller writes.
    pub fn render_into(
        out: &mut Vec<u8>,
        bytes: &[u8],
        meta: &Meta<'_>,
        pretty: bool,
    ) -> anyhow::Result<Copied> {
        if pretty {
            out.extend_from_slice(b"\n    ");
        }
        write_resource(
            out,
            bytes,
            meta,
            if pretty {
                Layout::Pretty(2)
            } else {
                Layout::Compact
            },
        )
    }

    /// Appends `count` resources made by [`Collection::render_into`], separated by commas.
    pub fn push_rendered_batch(&mut self, rendered: &[u8], count: usize) -> io::Result<()> {
        if count == 0 {
            return Ok(());
        }
        if self.count > 0 {
            self.out.write_all(b",")?;
        }
        self.out.write_all(rendered)?;
        self.count += count;
        Ok(())
    }

    /// Closes `data` and writes `meta.sources` (one object per host: `maxscale` and that host's
    /// other top-level members as raw JSON).
    pub fn finish(mut self, sources: &[Source]) -> io::Result<W> {
        let pretty = matches!(self.layout, Layout::Pretty(_));
        let mut buf = Vec::new();
        if pretty && self.count > 0 {
            buf.extend_from_slice(b"\n  ");
        }
        buf.extend_from_slice(b"],");
        newline(
            &mut buf,
            if pretty {
                Layout::Pretty(0)
            } else {
                Layout::Compact
            },
            1,
        );
        let mut src = b"{\"sources\":[".to_vec();
        for (i, (label, members)) in sources.iter().enumerate() {
            if i > 0 {
                src.push(b',');
            }
            src.extend_from_slice(b"{\"maxscale\":");
            src.extend_from_slice(&serde_json::to_vec(label).unwrap_or_default());
            for (key, value) in members {
                src.push(b',');
                src.extend_from_slice(key);
                src.push(b':');
                src.extend_from_slice(value);
            }
            src.push(b'}');
        }
        src.extend_from_slice(b"]}");
        buf.extend_from_slice(b"\"meta\":");
        if pretty {
            buf.push(b' ');
        }
        reformat(
            &src,
            &mut buf,
            if pretty {
                Layout::Pretty(1)
            } else {
                Layout::Compact
            },
        )
        .map_err(io::Error::other)?;
        buf.extend_from_slice(if pretty { b"\n}\n" } else { b"}\n" });
        self.out.write_all(&buf)?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Meta<'static> {
        Meta {
            maxscale: "mx:8989",
            remote_name: None,
            running: None,
            log: None,
            backend: None,
        }
    }

    fn one(bytes: &[u8], m: &Meta<'_>, layout: Layout) -> String {
        let mut out = Vec::new();
        write_resource(&mut out, bytes, m, layout).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn compacts_losslessly_and_splices_meta() {
        let src = b"{\n    \"attributes\": {\"idle\": 22.399999999999999, \"e\": [ ], \"s\": \"a b\"},\n    \"id\": \"1\"\n}";
        assert_eq!(
            one(src, &meta(), Layout::Compact),
            r#"{"attributes":{"idle":22.399999999999999,"e":[],"s":"a b"},"id":"1","meta":{"maxscale":"mx:8989"}}"#
        );
        let m = Meta {
            maxscale: "mx",
            remote_name: Some(None),
            running: None,
            log: None,
            backend: None,
        };
        assert!(
            one(b"{}", &m, Layout::Compact) == r#"{"meta":{"maxscale":"mx","remote_name":null}}"#
        );
    }

    #[test]
    fn pretty_output_is_valid_and_equal() {
        let src = br#"{"a":{"b":[1,2,{"c":null}]},"id":"1"}"#;
        let text = one(src, &meta(), Layout::Pretty(0));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["a"]["b"][2]["c"], serde_json::Value::Null);
        assert_eq!(v["meta"]["maxscale"], "mx:8989");
        assert!(text.contains("\n  \"id\": \"1\""), "{text}");
    }

    #[test]
    fn merges_an_existing_meta() {
        let text = one(br#"{"id":"1","meta":{"x":1}}"#, &meta(), Layout::Compact);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["meta"]["x"], 1);
        assert_eq!(v["meta"]["maxscale"], "mx:8989");
        // an escaped name is still meta; a meta that is not an object is kept as meta.server
        let text = one(
            br#"{"id":"1","\u006deta":{"x":1e400,"s":"\udc00"}}"#,
            &meta(),
            Layout::Compact,
        );
        assert_eq!(
            text,
            r#"{"id":"1","\u006deta":{"x":1e400,"s":"\udc00","maxscale":"mx:8989"}}"#
        );
        let text = one(br#"{"id":"1","meta":7}"#, &meta(), Layout::Compact);
        assert_eq!(
            text,
            r#"{"id":"1","meta":{"server":7,"maxscale":"mx:8989"}}"#
        );
        let text = one(br#"{"id":"1","meta":{ }}"#, &meta(), Layout::Compact);
        assert_eq!(text, r#"{"id":"1","meta":{"maxscale":"mx:8989"}}"#);
        // a nested "meta" key is not the resource's meta
        let text = one(
            br#"{"attributes":{"meta":1},"id":"1"}"#,
            &meta(),
            Layout::Compact,
        );
        assert!(
            text.ends_with(r#""id":"1","meta":{"maxscale":"mx:8989"}}"#),
            "{text}"
        );
    }

    #[test]
    fn unsafe_characters_are_escaped_but_equal() {
        let src = "{\"user\":\"a\u{7f}\u{9b}\u{202e}\u{e0041}b\\u001b\"}";
        let text = one(src.as_bytes(), &meta(), Layout::Compact);
        assert!(!text.chars().any(is_unsafe), "{text}");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["user"], "a\u{7f}\u{9b}\u{202e}\u{e0041}b\u{1b}");
    }

    #[test]
    fn collection_document_shape() {
        for pretty in [false, true] {
            let mut c = Collection::start(Vec::new(), pretty).unwrap();
            c.push(br#"{"id":"1"}"#, &meta()).unwrap();
            c.push(br#"{"id":"2"}"#, &meta()).unwrap();
            let out = c
                .finish(&[(
                    "mx:8989".into(),
                    vec![(b"\"links\"".to_vec(), br#"{"self":"http://x/"}"#.to_vec())],
                )])
                .unwrap();
            let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(v["data"][1]["id"], "2");
            assert_eq!(v["meta"]["sources"][0]["links"]["self"], "http://x/");
            assert_eq!(v["meta"]["sources"][0]["maxscale"], "mx:8989");
        }
        let c = Collection::start(Vec::new(), false).unwrap();
        let out = c.finish(&[]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"data\":[],\"meta\":{\"sources\":[]}}\n"
        );
    }

    #[test]
    fn validate_rejects_bad_json_and_utf8() {
        assert!(validate(br#"{"id": "1",, }"#).is_err());
        assert!(validate(b"{\"u\": \"\xff\xfe\"}").is_err());
        assert!(validate(br#"{"id":"1"}"#).is_ok());
    }
}
