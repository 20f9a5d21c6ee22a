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

/// What [`reformat_noting_meta`] saw while copying.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Copied {
    /// The value is an object with a member named `meta`, or with a member name holding an
    /// escape (which may spell `meta`).
    pub meta: bool,
    /// Every byte is ASCII: the value is valid UTF-8 without a check of its own.
    pub ascii: bool,
    /// The value is an object with a member `id` whose every value is a string and a member
    /// `attributes` of which one value is an object (names as sent, without escapes): the
    /// shape of a session, as the session model reads it.
    pub session: bool,
}

/// Top-level members the copier notes ([`Copied`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Noted {
    Other,
    Id,
    Attributes,
}

/// [`reformat`], telling also what the copy passes over anyway ([`Copied`]), so the caller that
/// splices a `meta` in need not search for one first, nor check ASCII bytes for UTF-8.
///
/// The bytes are first classified in 64-byte blocks ([`Classes`]): whitespace, and quotes with
/// the bytes a plain string cannot hold. The tokens are then found with bit searches instead of
/// byte by byte, a string whose first quote-or-special byte is a quote is plain and ends there
/// (any other is read byte by byte), and the output is copied in runs: every token that follows
/// the previous one in the input extends the run, so compacting pretty JSON costs a copy per
/// line rather than per token.
pub fn reformat_noting_meta(
    bytes: &[u8],
    out: &mut Vec<u8>,
    layout: Layout,
) -> Result<Copied, ElementError> {
    CLASSES.with(|cell| {
        // taken, not borrowed: a nested call (none today) would classify into a fresh one
        let mut classes = cell.take();
        classes.classify(bytes);
        let result = copy(bytes, &classes, out, layout);
        cell.replace(classes);
        result
    })
}

thread_local! {
    /// Each thread's block classes, reused from value to value.
    static CLASSES: std::cell::Cell<Classes> = const { std::cell::Cell::new(Classes::new()) };
}

/// The output being written: a run of input bytes copied as one slice when it ends.
struct Runs<'a> {
    bytes: &'a [u8],
    out: &'a mut Vec<u8>,
    start: usize,
    end: usize,
}

impl Runs<'_> {
    /// `bytes[lo..hi]` goes out next: it extends the run when it follows it.
    #[inline]
    fn take(&mut self, lo: usize, hi: usize) {
        if lo != self.end {
            self.flush();
            self.start = lo;
        }
        self.end = hi;
    }

    /// Writes the run out, before anything that is not input is written.
    #[inline]
    fn flush(&mut self) -> &mut Vec<u8> {
        if self.end > self.start {
            self.out
                .extend_from_slice(&self.bytes[self.start..self.end]);
        }
        self.start = self.end;
        self.out
    }
}

fn copy(
    bytes: &[u8],
    classes: &Classes,
    out: &mut Vec<u8>,
    layout: Layout,
) -> Result<Copied, ElementError> {
    let mut meta = false;
    // the member whose value comes next, at the top level of an object, and what was seen
    let mut noted = Noted::Other;
    let (mut id, mut id_not_string, mut attributes) = (false, false, false);
    let pretty = matches!(layout, Layout::Pretty(_));
    let err = |at: usize, msg: &str| error_at(bytes, at, true, msg);
    let mut stack: Vec<u8> = Vec::new();
    let mut expect = Expect::Value;
    let mut runs = Runs {
        bytes,
        out,
        start: 0,
        end: 0,
    };
    let after_value = |stack: &Vec<u8>| {
        if stack.is_empty() {
            Expect::End
        } else {
            Expect::CommaOrClose
        }
    };
    let mut i = classes.next_token(0, bytes.len());
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => {
                let (end, escaped, plain) = match classes.next_stop(i + 1) {
                    // the first quote or special byte is a quote: a plain string
                    Some(close) if bytes[close] == b'"' => (close + 1, false, true),
                    // a backslash, a control character or a byte above 0x7e comes first (or
                    // nothing does): the string is read byte by byte
                    _ => {
                        let (end, escaped) =
                            string_end(bytes, i).ok_or_else(|| err(i, "unterminated string"))?;
                        let plain = check_string(&bytes[i..end], escaped)
                            .map_err(|k| err(i + k, "invalid string"))?;
                        (end, escaped, plain)
                    }
                };
                expect = match expect {
                    Expect::KeyOrClose | Expect::Key => {
                        if stack.len() == 1 {
                            let name = &bytes[i..end];
                            meta |= escaped || name == b"\"meta\"";
                            noted = match name {
                                b"\"id\"" if stack[0] == b'{' => Noted::Id,
                                b"\"attributes\"" if stack[0] == b'{' => Noted::Attributes,
                                _ => Noted::Other,
                            };
                        }
                        Expect::Colon
                    }
                    Expect::Value | Expect::ValueOrClose => after_value(&stack),
                    _ => return Err(err(i, "unexpected string")),
                };
                if plain {
                    runs.take(i, end);
                } else {
                    copy_string(&bytes[i..end], runs.flush());
                }
                i = classes.next_token(end, bytes.len());
                continue;
            }
            b'{' | b'[' => {
                if !matches!(expect, Expect::Value | Expect::ValueOrClose) {
                    return Err(err(i, "unexpected bracket"));
                }
                let close = if b == b'{' { b'}' } else { b']' };
                let next = classes.next_token(i + 1, bytes.len());
                if bytes.get(next) == Some(&close) {
                    // keep empty containers on one line
                    runs.take(i, i + 1);
                    runs.take(next, next + 1);
                    expect = after_value(&stack);
                    i = classes.next_token(next + 1, bytes.len());
                    continue;
                }
                runs.take(i, i + 1);
                stack.push(b);
                expect = if b == b'{' {
                    Expect::KeyOrClose
                } else {
                    Expect::ValueOrClose
                };
                if pretty {
                    newline(runs.flush(), layout, stack.len());
                }
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
                if pretty {
                    newline(runs.flush(), layout, stack.len());
                }
                runs.take(i, i + 1);
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
                runs.take(i, i + 1);
                if pretty {
                    newline(runs.flush(), layout, stack.len());
                }
            }
            b':' => {
                if expect != Expect::Colon {
                    return Err(err(i, "unexpected ':'"));
                }
                expect = Expect::Value;
                runs.take(i, i + 1);
                if pretty {
                    runs.flush().push(b' ');
                }
                if stack.len() == 1 && noted != Noted::Other {
                    let value = bytes.get(classes.next_token(i + 1, bytes.len()));
                    match noted {
                        Noted::Id if value == Some(&b'"') => id = true,
                        Noted::Id => id_not_string = true,
                        _ => attributes |= value == Some(&b'{'),
                    }
                    noted = Noted::Other;
                }
            }
            _ => {
                if !matches!(expect, Expect::Value | Expect::ValueOrClose) {
                    return Err(err(i, "unexpected value"));
                }
                let len =
                    scalar_len(&bytes[i..]).ok_or_else(|| err(i, "invalid number or literal"))?;
                runs.take(i, i + len);
                expect = after_value(&stack);
                i = classes.next_token(i + len, bytes.len());
                continue;
            }
        }
        i = classes.next_token(i + 1, bytes.len());
    }
    runs.flush();
    if expect == Expect::End {
        Ok(Copied {
            meta,
            ascii: classes.ascii,
            session: id && !id_not_string && attributes,
        })
    } else {
        Err(err(bytes.len(), "unexpected end of the value"))
    }
}

/// The classes of the bytes of a value, 64 at a time (bit `k` of a block's mask for its byte
/// `k`): simdjson's first stage, for the copier.
struct Classes {
    blocks: Vec<Block>,
    /// No byte is 0x80 or above.
    ascii: bool,
}

impl Classes {
    const fn new() -> Classes {
        Classes {
            blocks: Vec::new(),
            ascii: true,
        }
    }
}

impl Default for Classes {
    fn default() -> Self {
        Classes::new()
    }
}

#[derive(Clone, Copy, Default)]
struct Block {
    /// Space, tab, newline, carriage return.
    ws: u64,
    /// `"`, and what a plain string cannot hold: below 0x20, 0x7f and above (DEL, and every
    /// byte of a non-ASCII character, which may be one a terminal acts on), and `\`.
    stop: u64,
}

impl Block {
    /// The masks of 64 bytes, and a mask that is not zero when one of them is 0x80 or above.
    #[inline]
    fn of(chunk: &[u8; 64]) -> (Block, u32) {
        use wide::u8x16;
        let (space, nl, cr, tab) = (
            u8x16::splat(b' '),
            u8x16::splat(b'\n'),
            u8x16::splat(b'\r'),
            u8x16::splat(b'\t'),
        );
        let (quote, backslash) = (u8x16::splat(b'"'), u8x16::splat(b'\\'));
        let (below, above) = (u8x16::splat(0x20), u8x16::splat(0x7e));
        let mut m = Block::default();
        let mut high = 0;
        for (k, lane) in chunk.chunks_exact(16).enumerate() {
            let v = u8x16::new(lane.try_into().unwrap_or_default());
            high |= v.to_bitmask();
            let bs = v.simd_eq(backslash);
            let shift = 16 * k;
            let ws = v.simd_eq(space) | v.simd_eq(nl) | v.simd_eq(cr) | v.simd_eq(tab);
            m.ws |= u64::from(ws.to_bitmask()) << shift;
            let stop = v.simd_eq(quote) | v.simd_lt(below) | v.simd_gt(above) | bs;
            m.stop |= u64::from(stop.to_bitmask()) << shift;
        }
        (m, high)
    }
}

impl Classes {
    fn classify(&mut self, bytes: &[u8]) {
        self.blocks.clear();
        self.blocks.reserve(bytes.len().div_ceil(64));
        let mut high = 0;
        let mut chunks = bytes.chunks_exact(64);
        for chunk in &mut chunks {
            let (block, h) = Block::of(chunk.try_into().unwrap_or(&[b' '; 64]));
            self.blocks.push(block);
            high |= h;
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // padded with spaces: whitespace, which ends nothing and is never copied
            let mut last = [b' '; 64];
            last[..rest.len()].copy_from_slice(rest);
            let (block, h) = Block::of(&last);
            self.blocks.push(block);
            high |= h;
        }
        self.ascii = high == 0;
    }

    /// The first byte at or after `from` that is not whitespace, or `len`.
    #[inline]
    fn next_token(&self, from: usize, len: usize) -> usize {
        let mut b = from / 64;
        let Some(first) = self.blocks.get(b) else {
            return len;
        };
        let mut m = !first.ws & (u64::MAX << (from % 64));
        while m == 0 {
            b += 1;
            match self.blocks.get(b) {
                Some(block) => m = !block.ws,
                None => return len,
            }
        }
        // the last block is padded with whitespace: no token is found past `len`
        b * 64 + m.trailing_zeros() as usize
    }

    /// The first byte at or after `from` that is a quote or that a plain string cannot hold.
    #[inline]
    fn next_stop(&self, from: usize) -> Option<usize> {
        let mut b = from / 64;
        let mut m = self.blocks.get(b)?.stop & (u64::MAX << (from % 64));
        while m == 0 {
            b += 1;
            m = self.blocks.get(b)?.stop;
        }
        Some(b * 64 + m.trailing_zeros() as usize)
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
    reformat_checked(bytes, &mut Vec::new(), Layout::Compact)?;
    Ok(())
}

/// [`reformat_noting_meta`] of bytes not yet known to be UTF-8: a UTF-8 error is reported before
/// any other, as a check of the whole value ahead of the copy would; bytes the copy saw to be
/// ASCII are not checked again.
pub fn reformat_checked(bytes: &[u8], out: &mut Vec<u8>, layout: Layout) -> anyhow::Result<Copied> {
    let utf8 = || {
        std::str::from_utf8(bytes)
            .map(drop)
            .map_err(|e| anyhow::anyhow!("invalid UTF-8 in the server's JSON: {e}"))
    };
    match reformat_noting_meta(bytes, out, layout) {
        Ok(copied) => {
            if !copied.ascii {
                utf8()?;
            }
            Ok(copied)
        }
        Err(e) => {
            utf8()?;
            Err(e.into())
        }
    }
}

/// The copier as it was before the block classes: byte by byte, one copy per token. The tests
/// hold the copier to it, output and errors alike, whatever the bytes.
#[cfg(test)]
mod oracle {
    use super::*;

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
                    let len = scalar_len(&bytes[i..])
                        .ok_or_else(|| err(i, "invalid number or literal"))?;
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A copier, as the oracle's signature has it.
    type Copier = fn(&[u8], &mut Vec<u8>, Layout) -> Result<bool, ElementError>;

    /// A copy and its outcome, for comparing copiers.
    fn outcome(copier: Copier, bytes: &[u8], layout: Layout) -> (Vec<u8>, Result<bool, String>) {
        let mut out = b"prefix".to_vec();
        let result = copier(bytes, &mut out, layout).map_err(|e| format!("{e:?}"));
        if result.is_err() {
            // on error the partial copy is unspecified
            out.clear();
        }
        (out, result)
    }

    /// The copier, as the oracle's signature has it.
    fn copier(bytes: &[u8], out: &mut Vec<u8>, layout: Layout) -> Result<bool, ElementError> {
        reformat_noting_meta(bytes, out, layout).map(|c| c.meta)
    }

    /// Pieces of JSON, whole and broken, that put every token, escape, special byte and
    /// whitespace run at every place of a 64-byte block once strung together.
    const PIECES: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\t",
        "\r",
        "        ",
        "                                                                 ",
        "\"",
        "\"meta\"",
        "\"met\\u0061\"",
        "\"user\": ",
        "\"plain string\"",
        "\"a string long enough to cross the end of one block of sixty-four bytes\"",
        "\"esc\\\"aped\\\\\"",
        "\"bad \\x escape\"",
        "\"\\u00e9\\ud83d\"",
        "\"caf\u{e9}\"",
        "\"\u{202e}evil\"",
        "\"\u{7f}del\"",
        "\"\u{1}raw control\"",
        "\"\u{9f}c1\"",
        "\\",
        "0",
        "-12.5e+3",
        "1.",
        "01",
        "true",
        "fals",
        "null",
        "x",
        "{\"a\": [1, {\"b\": null}], \"c\": {}}",
        "[ ]",
        "{ }",
    ];

    proptest::proptest! {
        /// Whatever it is given, the copier by block classes writes what the byte-by-byte one
        /// wrote, notes `meta` as it did, and fails where and as it failed, in both layouts.
        #[test]
        fn the_copier_agrees_with_the_byte_by_byte_one(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            depth in 0usize..3,
        ) {
            // shifted by 0 to 63 spaces, every token stands at every place of a block
            for shift in 0..64 {
                let bytes = " ".repeat(shift) + &pieces.concat();
                for layout in [Layout::Compact, Layout::Pretty(depth)] {
                    proptest::prop_assert_eq!(
                        outcome(copier, bytes.as_bytes(), layout),
                        outcome(oracle::reformat_noting_meta, bytes.as_bytes(), layout),
                        "{:?} {:?}", bytes, layout
                    );
                }
            }
        }

        /// The same for arbitrary bytes (invalid UTF-8 included), cut anywhere.
        #[test]
        fn the_copier_agrees_on_arbitrary_bytes(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
        ) {
            for layout in [Layout::Compact, Layout::Pretty(1)] {
                proptest::prop_assert_eq!(
                    outcome(copier, &bytes, layout),
                    outcome(oracle::reformat_noting_meta, &bytes, layout)
                );
            }
        }
    }

    /// A list of MaxScale 24.02 as it is sent (pretty, four-space indents) compacts to its
    /// bytes without the whitespace between tokens (numbers as sent: `5.2000000000000002`),
    /// and its pretty copy reads back as the same value.
    #[test]
    fn a_pretty_document_compacts_to_its_own_tokens() {
        let doc = include_bytes!("../../tests/mock/fixtures/sessions-list.24.02.json");
        let (mut tokens, mut in_string, mut escaped) = (Vec::new(), false, false);
        for &b in doc {
            if in_string || !b.is_ascii_whitespace() {
                tokens.push(b);
            }
            if in_string && !escaped && b == b'"' {
                in_string = false;
            } else if !in_string && b == b'"' {
                in_string = true;
            }
            escaped = in_string && !escaped && b == b'\\';
        }
        let mut out = Vec::new();
        reformat(doc, &mut out, Layout::Compact).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            String::from_utf8(tokens).unwrap()
        );
        let mut pretty = Vec::new();
        reformat(doc, &mut pretty, Layout::Pretty(0)).unwrap();
        let back: serde_json::Value = serde_json::from_slice(&pretty).unwrap();
        assert_eq!(
            back,
            serde_json::from_slice::<serde_json::Value>(doc).unwrap()
        );
    }
}
