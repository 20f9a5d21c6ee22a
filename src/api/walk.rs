//! A shallow walker over one JSON value held in memory: it lists an object's members or an
//! array's items as byte ranges, skipping every value it is not asked about with the same
//! `memchr` jumps as the scanner. The session model reads the dozen fields it needs this way
//! and hands only those small values to serde, instead of tokenizing the whole ~5 KB resource
//! (its queries, log lines, connection attributes, memory breakdown).
//!
//! What it skips is checked only for balanced brackets and strings; callers that pass the bytes
//! through (JSON output) validate them fully.

use serde::de::DeserializeOwned;

use super::place::{ElementError, error_at};
use super::scan;

/// Skips whitespace. Pretty-printed JSON indents deeply, so runs of eight spaces are skipped
/// a word at a time.
fn skip_ws(doc: &[u8], mut i: usize) -> usize {
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    loop {
        while let Some(word) = doc.get(i..i + 8) {
            if word != SPACES.to_le_bytes() {
                break;
            }
            i += 8;
        }
        match doc.get(i) {
            Some(b' ' | b'\n' | b'\r' | b'\t') => i += 1,
            _ => return i,
        }
    }
}

/// The end of the value starting at `doc[start]`.
pub fn value_end(doc: &[u8], start: usize) -> Result<usize, ElementError> {
    if start >= doc.len() {
        return Err(error_at(doc, start, true, "expected a value"));
    }
    scan::value_len(&doc[start..])
        .map(|n| start + n)
        .ok_or_else(|| error_at(doc, start, true, "expected a complete value"))
}

/// Where the scanner found the objects of a value: the (open, close) offsets of each `{` and its
/// `}`, ordered by open. Skipping an object it lists is a lookup instead of a second scan of its
/// bytes; anything it does not list is scanned. The scanner pairs brackets exactly as
/// [`value_end`] would from the same `{`, so the ends are the same either way.
#[derive(Debug, Clone, Copy, Default)]
pub struct Index<'a>(pub &'a [(usize, usize)]);

impl Index<'_> {
    /// No index: every skipped value is scanned.
    pub const NONE: Index<'static> = Index(&[]);

    /// The end of the value starting at `doc[start]`.
    pub fn end(self, doc: &[u8], start: usize) -> Result<usize, ElementError> {
        if doc.get(start) == Some(&b'{')
            && let Ok(k) = self.0.binary_search_by_key(&start, |o| o.0)
        {
            let close = self.0[k].1;
            if close > start && doc.get(close) == Some(&b'}') {
                return Ok(close + 1);
            }
        }
        value_end(doc, start)
    }
}

/// A member of an object: its key (without quotes, escapes as sent) and value range.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    pub key: &'a [u8],
    pub start: usize,
    pub end: usize,
}

/// Walks the object starting at `doc[start]` once: `visit(key, value_start)` handles a member
/// and returns the end of its value if it read it, or `None` to have it skipped. Returns the end
/// of the object. Nested objects are walked by calling `visit` again from inside, so every byte
/// is scanned once.
pub fn visit(
    doc: &[u8],
    index: Index<'_>,
    start: usize,
    mut visit: impl FnMut(&[u8], usize) -> Result<Option<usize>, ElementError>,
) -> Result<usize, ElementError> {
    let mut i = start;
    if doc.get(i) != Some(&b'{') {
        return Err(error_at(doc, i, false, "expected an object"));
    }
    i = skip_ws(doc, i + 1);
    if doc.get(i) == Some(&b'}') {
        return Ok(i + 1);
    }
    loop {
        if doc.get(i) != Some(&b'"') {
            return Err(error_at(doc, i, true, "expected a member name"));
        }
        let key_end = value_end(doc, i)?;
        let key = &doc[i + 1..key_end - 1];
        i = skip_ws(doc, key_end);
        if doc.get(i) != Some(&b':') {
            return Err(error_at(doc, i, true, "expected ':' after a member name"));
        }
        i = skip_ws(doc, i + 1);
        let end = match visit(key, i)? {
            Some(end) => end,
            None => index.end(doc, i)?,
        };
        i = skip_ws(doc, end);
        match doc.get(i) {
            Some(b',') => i = skip_ws(doc, i + 1),
            Some(b'}') => return Ok(i + 1),
            _ => return Err(error_at(doc, i, true, "expected ',' or '}' after a member")),
        }
    }
}

/// Parses the value at `doc[start]` with serde and returns it with its end.
pub fn parse_at<T: DeserializeOwned>(
    doc: &[u8],
    start: usize,
    path: &str,
) -> Result<(T, usize), ElementError> {
    let end = value_end(doc, start)?;
    let value = parse(
        doc,
        Member {
            key: b"",
            start,
            end,
        },
        path,
    )?;
    Ok((value, end))
}

/// The string at `doc[start]` and its end, when it is a plain one: no escapes, no control
/// characters, valid UTF-8. Serde would give the same string; anything else is left to it
/// (`None`), so errors are serde's.
#[must_use]
pub fn plain_string(doc: &[u8], start: usize) -> Option<(String, usize)> {
    if doc.get(start) != Some(&b'"') {
        return None;
    }
    let k = scan::quote_or_backslash(doc, start + 1)?;
    if doc[k] != b'"' {
        return None;
    }
    let inner = &doc[start + 1..k];
    if inner.iter().any(|b| *b < 0x20) {
        return None;
    }
    let text = std::str::from_utf8(inner).ok()?;
    Some((text.to_string(), k + 1))
}

/// The items of the array starting at `doc[start]`, as ranges, and the end of the array.
pub fn items(
    doc: &[u8],
    index: Index<'_>,
    start: usize,
) -> Result<(Vec<(usize, usize)>, usize), ElementError> {
    let mut out = Vec::new();
    if doc.get(start) != Some(&b'[') {
        return Err(error_at(doc, start, false, "expected an array"));
    }
    let mut i = skip_ws(doc, start + 1);
    if doc.get(i) == Some(&b']') {
        return Ok((out, i + 1));
    }
    loop {
        let end = index.end(doc, i)?;
        out.push((i, end));
        i = skip_ws(doc, end);
        match doc.get(i) {
            Some(b',') => i = skip_ws(doc, i + 1),
            Some(b']') => return Ok((out, i + 1)),
            _ => return Err(error_at(doc, i, true, "expected ',' or ']' in an array")),
        }
    }
}

/// Parses the value of a member with serde; `path` names it in errors.
pub fn parse<T: DeserializeOwned>(
    doc: &[u8],
    m: Member<'_>,
    path: &str,
) -> Result<T, ElementError> {
    serde_json::from_slice(&doc[m.start..m.end]).map_err(|e| {
        let text = e.to_string();
        let text = text
            .rsplit_once(" at line ")
            .map_or(text.as_str(), |(t, _)| t);
        error_at(
            doc,
            m.start,
            e.is_syntax() || e.is_eof(),
            format!("{path}: {text}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(doc: &[u8]) -> Result<Vec<(String, usize)>, ElementError> {
        let mut out = Vec::new();
        visit(doc, Index::NONE, 0, |k, at| {
            out.push((String::from_utf8_lossy(k).into_owned(), at));
            Ok(None)
        })?;
        Ok(out)
    }

    #[test]
    fn visits_members_and_items() {
        let doc = br#"{ "a" : [1, {"x": "}"}, "s"], "b":{}, "c": "q\"" }"#;
        let m = keys(doc).unwrap();
        assert_eq!(
            m.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!(items(doc, Index::NONE, m[0].1).unwrap().0.len(), 3);
        let (c, _) = parse_at::<String>(doc, m[2].1, "c").unwrap();
        assert_eq!(c, "q\"");
        assert_eq!(visit(b"{} ", Index::NONE, 0, |_, _| Ok(None)).unwrap(), 2);
        assert_eq!(items(b"[ ]", Index::NONE, 0).unwrap(), (vec![], 3));
        // a member read by the visitor is not scanned again
        let end = visit(doc, Index::NONE, 0, |k, at| {
            if k == b"b" {
                Ok(Some(at + 2))
            } else {
                Ok(None)
            }
        })
        .unwrap();
        assert_eq!(end, doc.len());
    }

    #[test]
    fn plain_strings_are_what_serde_reads() {
        for doc in [
            &br#""abc" "#[..],
            br#""""#,
            "\"caf\u{e9} \u{7f}\"".as_bytes(),
            br#""a\"b""#,
            b"\"tab\there\"",
            b"\"bad \xff\"",
            br#"null"#,
            br#""open"#,
        ] {
            let fast = plain_string(doc, 0);
            let slow = parse_at::<String>(doc, 0, "x").ok();
            if let Some(fast) = &fast {
                assert_eq!(
                    Some(fast),
                    slow.as_ref(),
                    "{}",
                    String::from_utf8_lossy(doc)
                );
            }
            let plain = !doc.contains(&b'\\') && !doc.contains(&b'\t') && doc != b"null";
            assert_eq!(
                fast.is_some(),
                plain && slow.is_some(),
                "{}",
                String::from_utf8_lossy(doc)
            );
        }
    }

    #[test]
    fn reports_places() {
        let doc = b"{\n  \"id\": \"1\",, }";
        let e = keys(doc).unwrap_err();
        assert!(e.syntax);
        assert_eq!((e.line, e.column), (2, 13));
        let doc = br#"{"idle": "x"}"#;
        let e = parse_at::<f64>(doc, 9, "attributes.idle").unwrap_err();
        assert!(!e.syntax);
        assert!(
            e.message
                .starts_with("attributes.idle: invalid type: string"),
            "{}",
            e.message
        );
        assert_eq!(e.column, 10);
    }
}
