//! The JSON tokenizer: one pass over a value that validates it (grammar, string escapes,
//! numbers, literals, UTF-8) and copies it compact or pretty, escaping the characters a terminal
//! would act on. The fetch pipeline validates what it passes through with it; `output::json`
//! lays out resources with it.

use crate::api::place::{ElementError, error_at};
use crate::text::sanitize::{is_unsafe, printable_ascii};

/// Layout: compact, or pretty at a nesting level (two spaces per level).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Compact,
    Pretty(usize),
}

/// A newline and indentation at `depth` in a pretty layout; nothing when compact.
pub fn newline(out: &mut Vec<u8>, layout: Layout, depth: usize) {
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
    reformat_noting_meta(bytes, out, layout).map(drop)
}

/// [`reformat`], telling also whether the value is an object with a member named `meta`, or
/// with a member name holding an escape (which may spell `meta`): what the copy passes over
/// anyway, so the caller that splices a `meta` in need not search for one first.
pub fn reformat_noting_meta(
    bytes: &[u8],
    out: &mut Vec<u8>,
    layout: Layout,
) -> Result<bool, ElementError> {
    let mut meta = false;
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
                    Expect::KeyOrClose | Expect::Key => {
                        if stack.len() == 1 {
                            meta |= escaped || &bytes[i..end] == b"\"meta\"";
                        }
                        Expect::Colon
                    }
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
        Ok(meta)
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
    if !escaped && printable_ascii(inner, false) {
        return Ok(true);
    }
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
    while let Some(k) = crate::api::scan::quote_or_backslash(bytes, i) {
        i = k;
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
