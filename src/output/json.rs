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

use crate::api::place::{ElementError, error_at};
use crate::api::walk;
use crate::text::sanitize::is_unsafe;

/// What mxs adds to a resource.
#[derive(Debug, Clone, Copy)]
pub struct Meta<'a> {
    pub maxscale: &'a str,
    /// `None`: reverse DNS was not asked for; `Some(None)`: asked, not resolved.
    pub remote_name: Option<Option<&'a str>>,
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
        m
    }
}

/// Layout: compact, or pretty at a nesting level (two spaces per level).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Compact,
    Pretty(usize),
}

fn newline(out: &mut Vec<u8>, layout: Layout, depth: usize) {
    if let Layout::Pretty(base) = layout {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', (base + depth) * 2));
    }
}

/// Where the tokenizer is in the grammar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Value,
    /// After `[`: a value or `]`.
    ValueOrClose,
    /// After `{`: a key or `}`.
    KeyOrClose,
    /// After `,` in an object.
    Key,
    Colon,
    /// After a value inside a container.
    CommaOrClose,
    /// After the top-level value.
    End,
}

/// Copies one JSON value token by token in `layout`, validating it on the way (grammar,
/// string escapes, numbers, literals; UTF-8 is the caller's or [`validate`]'s to check) and
/// escaping terminal-unsafe characters inside strings. One pass, no recursion: depth is only a
/// counter, so a hostile nesting depth costs nothing. On error, `out` holds a partial copy.
pub fn reformat(bytes: &[u8], out: &mut Vec<u8>, layout: Layout) -> Result<(), ElementError> {
    let pretty = matches!(layout, Layout::Pretty(_));
    let err = |at: usize, msg: &str| error_at(bytes, at, true, msg);
    let mut stack: Vec<u8> = Vec::new();
    let mut expect = Expect::Value;
    let mut i = 0;
    let after_value = |stack: &Vec<u8>| {
        if stack.is_empty() {
            Expect::End
        } else {
            Expect::CommaOrClose
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\n' | b'\r' | b'\t' => {
                i = skip_ws(bytes, i);
                continue;
            }
            b'"' => {
                let (end, escaped) =
                    string_end(bytes, i).ok_or_else(|| err(i, "unterminated string"))?;
                let plain_ascii = check_string(&bytes[i..end], escaped)
                    .map_err(|k| err(i + k, "invalid string"))?;
                expect = match expect {
                    Expect::KeyOrClose | Expect::Key => Expect::Colon,
                    Expect::Value | Expect::ValueOrClose => after_value(&stack),
                    _ => return Err(err(i, "unexpected string")),
                };
                if plain_ascii {
                    out.extend_from_slice(&bytes[i..end]);
                } else {
                    copy_string(&bytes[i..end], out);
                }
                i = end;
                continue;
            }
            b'{' | b'[' => {
                if !matches!(expect, Expect::Value | Expect::ValueOrClose) {
                    return Err(err(i, "unexpected bracket"));
                }
                let close = if b == b'{' { b'}' } else { b']' };
                let next = skip_ws(bytes, i + 1);
                if bytes.get(next) == Some(&close) {
                    // keep empty containers on one line
                    out.push(b);
                    out.push(close);
                    expect = after_value(&stack);
                    i = next + 1;
                    continue;
                }
                out.push(b);
                stack.push(b);
                expect = if b == b'{' {
                    Expect::KeyOrClose
                } else {
                    Expect::ValueOrClose
                };
                newline(out, layout, stack.len());
            }
            b'}' | b']' => {
                let open = if b == b'}' { b'{' } else { b'[' };
                let ok = stack.last() == Some(&open)
                    && matches!(
                        expect,
                        Expect::CommaOrClose | Expect::KeyOrClose | Expect::ValueOrClose
                    );
                if !ok {
                    return Err(err(i, "unexpected closing bracket"));
                }
                stack.pop();
                newline(out, layout, stack.len());
                out.push(b);
                expect = after_value(&stack);
            }
            b',' => {
                if expect != Expect::CommaOrClose {
                    return Err(err(i, "unexpected ','"));
                }
                expect = if stack.last() == Some(&b'{') {
                    Expect::Key
                } else {
                    Expect::Value
                };
                out.push(b',');
                newline(out, layout, stack.len());
            }
            b':' => {
                if expect != Expect::Colon {
                    return Err(err(i, "unexpected ':'"));
                }
                expect = Expect::Value;
                out.push(b':');
                if pretty {
                    out.push(b' ');
                }
            }
            _ => {
                if !matches!(expect, Expect::Value | Expect::ValueOrClose) {
                    return Err(err(i, "unexpected value"));
                }
                let len =
                    scalar_len(&bytes[i..]).ok_or_else(|| err(i, "invalid number or literal"))?;
                out.extend_from_slice(&bytes[i..i + len]);
                expect = after_value(&stack);
                i += len;
                continue;
            }
        }
        i += 1;
    }
    if expect == Expect::End {
        Ok(())
    } else {
        Err(err(bytes.len(), "unexpected end of the value"))
    }
}

/// Skips whitespace, eight spaces at a time where it can (pretty JSON indents deeply).
fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    const SPACES: [u8; 8] = [b' '; 8];
    loop {
        while bytes.get(i..i + 8) == Some(&SPACES[..]) {
            i += 8;
        }
        match bytes.get(i) {
            Some(b' ' | b'\n' | b'\r' | b'\t') => i += 1,
            _ => return i,
        }
    }
}

/// The length of a number or literal at the start of `bytes`, if it is a valid one.
fn scalar_len(bytes: &[u8]) -> Option<usize> {
    for lit in [&b"true"[..], b"false", b"null"] {
        if bytes.starts_with(lit) {
            return Some(lit.len());
        }
    }
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    match bytes.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i += digits(i),
        _ => return None,
    }
    if bytes.get(i) == Some(&b'.') {
        let n = digits(i + 1);
        if n == 0 {
            return None;
        }
        i += 1 + n;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let n = digits(i);
        if n == 0 {
            return None;
        }
        i += n;
    }
    Some(i)
}

/// Checks a string token (with its quotes): no raw control characters, valid escapes. Returns
/// the offset of the first problem.
/// Returns whether the string is plain printable ASCII (nothing to escape for a terminal).
/// `escaped`: whether it holds a backslash at all (the scan for its end knows).
fn check_string(token: &[u8], escaped: bool) -> Result<bool, usize> {
    let inner = &token[1..token.len() - 1];
    // one pass that vectorizes: the smallest and the largest byte
    let (lo, hi) = inner
        .iter()
        .fold((u8::MAX, 0u8), |(lo, hi), b| (lo.min(*b), hi.max(*b)));
    if lo < 0x20 {
        return Err(1 + inner.iter().position(|b| *b < 0x20).unwrap_or(0));
    }
    let plain = hi < 0x7f;
    if !escaped {
        return Ok(plain);
    }
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\\', &inner[i..]) {
        i += k + 1;
        match inner.get(i) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 1,
            Some(b'u')
                if inner
                    .get(i + 1..i + 5)
                    .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) =>
            {
                i += 5
            }
            _ => return Err(i),
        }
    }
    Ok(plain)
}

/// The index just past the closing quote of the string starting at `start`, and whether the
/// string holds an escape.
fn string_end(bytes: &[u8], start: usize) -> Option<(usize, bool)> {
    let mut i = start + 1;
    let mut escaped = false;
    while let Some(k) = memchr::memchr2(b'"', b'\\', &bytes[i.min(bytes.len())..]) {
        i += k;
        if bytes[i] == b'\\' {
            escaped = true;
            i += 2;
        } else {
            return Some((i + 1, escaped));
        }
    }
    None
}

/// Copies a JSON string token, writing terminal-unsafe characters as `\uXXXX`.
fn copy_string(token: &[u8], out: &mut Vec<u8>) {
    let text = String::from_utf8_lossy(token);
    let mut buf = [0u16; 2];
    for c in text.chars() {
        if is_unsafe(c) {
            for unit in c.encode_utf16(&mut buf) {
                out.extend_from_slice(format!("\\u{unit:04x}").as_bytes());
            }
        } else {
            let mut tmp = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
        }
    }
}

/// Validates a JSON value (grammar and UTF-8) before it is passed through.
pub fn validate(bytes: &[u8]) -> anyhow::Result<()> {
    std::str::from_utf8(bytes)
        .map_err(|e| anyhow::anyhow!("invalid UTF-8 in the server's JSON: {e}"))?;
    reformat(bytes, &mut Vec::new(), Layout::Compact)?;
    Ok(())
}

/// Writes one resource object with `meta` spliced in.
pub fn write_resource(
    out: &mut Vec<u8>,
    bytes: &[u8],
    meta: &Meta<'_>,
    layout: Layout,
) -> anyhow::Result<()> {
    std::str::from_utf8(bytes)
        .map_err(|e| anyhow::anyhow!("invalid UTF-8 in the server's JSON: {e}"))?;
    if let Some(merged) = merge_server_meta(bytes, meta)? {
        // Rare: the server sent a meta of its own; ours went inside it.
        reformat(&merged, out, layout)?;
        return Ok(());
    }
    let start = out.len();
    reformat(bytes, out, layout)?;
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
    let members: serde_json::Map<String, serde_json::Value> = meta
        .members()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    reformat(&serde_json::to_vec(&members)?, out, depth)?;
    newline(out, layout, 0);
    out.push(b'}');
    Ok(())
}

/// When the resource has a top-level `meta` member (however its name is escaped), the resource
/// with mxs's members added inside it; a `meta` that is not an object is kept as `meta.server`.
/// `None` when there is no such member. Works on the bytes, so the server's values (numbers,
/// escapes) pass through untouched.
fn merge_server_meta(bytes: &[u8], meta: &Meta<'_>) -> anyhow::Result<Option<Vec<u8>>> {
    if memchr::memmem::find(bytes, b"meta").is_none() && memchr::memchr(b'\\', bytes).is_none() {
        return Ok(None);
    }
    let mut found = None;
    walk::visit(bytes, 0, |key, at| {
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
        let rendered =
            Collection::<W>::render(bytes, meta, matches!(self.layout, Layout::Pretty(_)))?;
        self.push_rendered(&rendered)?;
        Ok(())
    }

    /// A resource as [`Collection::push_rendered`] wants it (done apart, on any thread).
    pub fn render(bytes: &[u8], meta: &Meta<'_>, pretty: bool) -> anyhow::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(bytes.len());
        write_resource(
            &mut out,
            bytes,
            meta,
            if pretty {
                Layout::Pretty(2)
            } else {
                Layout::Compact
            },
        )?;
        Ok(out)
    }

    /// Appends a resource made by [`Collection::render`].
    pub fn push_rendered(&mut self, rendered: &[u8]) -> io::Result<()> {
        self.buf.clear();
        if self.count > 0 {
            self.buf.push(b',');
        }
        if matches!(self.layout, Layout::Pretty(_)) {
            self.buf.extend_from_slice(b"\n    ");
        }
        self.out.write_all(&self.buf)?;
        self.out.write_all(rendered)?;
        self.count += 1;
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
