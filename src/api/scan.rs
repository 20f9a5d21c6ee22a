//! A streaming scanner for MaxScale's JSON:API documents. It reads the body as it arrives and
//! hands out the raw bytes of each element of the top-level `data` array (or of `data` itself
//! when it is not an array) and of every other top-level member, without building a tree, so a
//! 400 MB list costs the memory of one element. It checks the document's outer structure; the
//! contents of each element are validated by whoever parses them (serde), and errors found there
//! are reported at their absolute line and column in the body.

use std::fmt;
use std::io::{self, Read};

/// What the scanner found.
pub enum Event<'a> {
    /// An element of the top-level `data` array, counted from 0, with the line and column
    /// (1-based) where it starts in the body.
    Element {
        index: usize,
        bytes: &'a [u8],
        /// Where `bytes` start in the scanner's buffer: a caller that takes the buffers
        /// ([`scan_with`]) keeps this range instead of a copy.
        at: usize,
        line: u64,
        column: u64,
        /// The objects the scan found in the element: (open, close) offsets of each `{` and
        /// its `}` in `bytes`, ordered by open; empty when the element is not an object. The
        /// parsers skip objects with it instead of scanning them a second time.
        objects: &'a [(usize, usize)],
    },
    /// A `data` member that is not an array (a single resource, or a wrong shape).
    Data { bytes: &'a [u8] },
    /// Another top-level member: the key's raw JSON string (with quotes) and the value.
    Member { key: &'a [u8], value: &'a [u8] },
}

/// Why scanning stopped.
#[derive(Debug)]
pub enum ScanError {
    /// Reading the body failed (timeout, reset, size limit).
    Io(io::Error),
    /// The document is not valid JSON, or not an object, at this place.
    Syntax {
        line: u64,
        column: u64,
        message: String,
    },
    /// The body ended before the document did.
    Truncated { bytes: u64 },
    /// The callback refused an element; `place` says where it started.
    Rejected { place: String, error: anyhow::Error },
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScanError::Io(e) => write!(f, "reading the response failed: {e}"),
            ScanError::Syntax {
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "the server's response is not valid JSON at line {line} column {column}: {message}"
                )
            }
            ScanError::Truncated { bytes } => {
                write!(
                    f,
                    "the server's response ended early, after {bytes} bytes (truncated JSON)"
                )
            }
            ScanError::Rejected { place, error } => write!(f, "{place}: {error:#}"),
        }
    }
}

impl std::error::Error for ScanError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ScanError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<io::Error> for ScanError {
    fn from(e: io::Error) -> Self {
        ScanError::Io(e)
    }
}

const CHUNK: usize = 256 * 1024;

/// The error for a value (`what`, e.g. `data[3]`) that starts at `line`/`column` of the body
/// and was refused by its parser: serde's places inside the value become places in the body, and
/// serde's syntax errors are reported as invalid JSON.
#[must_use]
pub fn locate(what: &str, line: u64, column: u64, error: anyhow::Error) -> ScanError {
    let to_body = |el: u64, ec: u64| {
        if el <= 1 {
            (line, column + ec.saturating_sub(1))
        } else {
            (line + el - 1, ec)
        }
    };
    let error = match error.downcast::<super::place::ElementError>() {
        Ok(e) => {
            let (l, c) = to_body(e.line, e.column);
            if e.syntax {
                return ScanError::Syntax {
                    line: l,
                    column: c,
                    message: format!("{} (in {what})", e.message),
                };
            }
            return ScanError::Rejected {
                place: format!("{what} (line {line} column {column})"),
                error: anyhow::anyhow!("{} at line {l} column {c}", e.message),
            };
        }
        Err(other) => other,
    };
    let error = match error.downcast::<serde_json::Error>() {
        Ok(e) => {
            let (el, ec) = (e.line() as u64, e.column() as u64);
            let (l, c) = if el <= 1 {
                (line, column + ec.saturating_sub(1))
            } else {
                (line + el - 1, ec)
            };
            let text = e.to_string();
            let text = text
                .rsplit_once(" at line ")
                .map_or(text.as_str(), |(m, _)| m)
                .to_string();
            if (e.is_syntax() || e.is_eof()) && !text.contains("recursion limit") {
                return ScanError::Syntax {
                    line: l,
                    column: c,
                    message: format!("{text} (in {what})"),
                };
            }
            anyhow::anyhow!("{text} at line {l} column {c}")
        }
        Err(other) => other,
    };
    ScanError::Rejected {
        place: format!("{what} (line {line} column {column})"),
        error,
    }
}

/// Where the scanner's buffer goes when it is full ([`scan_with`]).
pub trait Buffers {
    /// An empty buffer to go on in (any length; its bytes are overwritten), or `None` to go on
    /// in the same one, its bytes still needed moved to its front.
    fn fresh(&mut self) -> Option<Vec<u8>>;
    /// The buffer the scanner leaves: every element it handed out since the last one is in
    /// it, at the `at` its event gave.
    fn full(&mut self, buf: Vec<u8>);
}

/// [`scan`]'s buffers: one, compacted in place.
struct InPlace;

impl Buffers for InPlace {
    fn fresh(&mut self) -> Option<Vec<u8>> {
        None
    }

    fn full(&mut self, _: Vec<u8>) {}
}

struct Scanner<R, B> {
    reader: R,
    buffers: B,
    /// The least room to read into: with less, the buffer is let go or compacted, then grown.
    low: usize,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    /// Absolute offset of `buf[0]`.
    base: u64,
    /// Newlines are counted up to `buf[counted]`; `line` is the line there (1-based).
    counted: usize,
    line: u64,
    /// Absolute offset of the first byte of the current line.
    line_start: u64,
    /// The objects of the element being captured (see [`Event::Element`]), and the stack of
    /// the open ones; reused from element to element.
    objects: Vec<(usize, usize)>,
    open: Vec<usize>,
}

/// Scans a whole document, calling `on` for each event in document order.
pub fn scan<R: Read>(
    reader: R,
    on: impl FnMut(Event<'_>) -> anyhow::Result<()>,
) -> Result<(), ScanError> {
    scan_with(reader, InPlace, CHUNK, on)
}

/// [`scan`], reading into buffers of at least `capacity` bytes that `buffers` hands out and
/// takes back: when a buffer is full, the scanner moves on to a fresh one (copying only the
/// value it is in the middle of) and hands the full one over, so a caller that keeps ranges of
/// the elements ([`Event::Element`]'s `at`) never copies them. The last buffer is handed over
/// when the scan ends, whatever its outcome.
pub fn scan_with<R: Read, B: Buffers>(
    reader: R,
    buffers: B,
    capacity: usize,
    mut on: impl FnMut(Event<'_>) -> anyhow::Result<()>,
) -> Result<(), ScanError> {
    let capacity = capacity.max(64);
    let mut s = Scanner {
        reader,
        buffers,
        low: capacity / 4,
        buf: vec![0; capacity],
        pos: 0,
        len: 0,
        eof: false,
        base: 0,
        counted: 0,
        line: 1,
        line_start: 0,
        objects: Vec::new(),
        open: Vec::new(),
    };
    let result = document(&mut s, &mut on);
    let last = std::mem::take(&mut s.buf);
    s.buffers.full(last);
    result
}

/// The document, from its first byte to its end.
fn document<R: Read, B: Buffers>(
    s: &mut Scanner<R, B>,
    on: &mut impl FnMut(Event<'_>) -> anyhow::Result<()>,
) -> Result<(), ScanError> {
    // A UTF-8 byte-order mark is not JSON, but some proxies and servers add one.
    if s.skip_ws()? == Some(0xEF) {
        while s.len - s.pos < 3 && s.fill(s.pos)? {}
        if s.buf[s.pos..s.len].starts_with(b"\xEF\xBB\xBF") {
            s.pos += 3;
        }
    }
    match s.skip_ws()? {
        Some(b'{') => s.pos += 1,
        Some(_) => return Err(s.syntax(s.pos, "expected the document to be a JSON object")),
        None => return Err(s.syntax(s.pos, "the response body is empty")),
    }
    let mut first = true;
    loop {
        match s.skip_ws()? {
            Some(b'}') if first => {
                s.pos += 1;
                break;
            }
            Some(b'"') => {}
            Some(_) => return Err(s.syntax(s.pos, "expected a member name")),
            None => return Err(s.truncated()),
        }
        let key_end = s.capture(s.pos, false)?;
        let key = s.buf[s.pos..key_end].to_vec();
        s.pos = key_end;
        match s.skip_ws()? {
            Some(b':') => s.pos += 1,
            Some(_) => return Err(s.syntax(s.pos, "expected ':' after a member name")),
            None => return Err(s.truncated()),
        }
        match s.skip_ws()? {
            Some(_) => {}
            None => return Err(s.truncated()),
        }
        if key == b"\"data\"" && s.buf[s.pos] == b'[' {
            s.scan_array(on)?;
        } else {
            let start = s.pos;
            let end = s.capture(start, false)?;
            let event = if key == b"\"data\"" {
                Event::Data {
                    bytes: &s.buf[s.pos..end],
                }
            } else {
                Event::Member {
                    key: &key,
                    value: &s.buf[s.pos..end],
                }
            };
            let start = s.pos;
            on(event).map_err(|e| s.rejected(start, "data", e))?;
            s.pos = end;
        }
        first = false;
        match s.skip_ws()? {
            Some(b',') => s.pos += 1,
            Some(b'}') => {
                s.pos += 1;
                break;
            }
            Some(_) => return Err(s.syntax(s.pos, "expected ',' or '}' after a member")),
            None => return Err(s.truncated()),
        }
    }
    match s.skip_ws()? {
        None => Ok(()),
        Some(_) => Err(s.syntax(s.pos, "unexpected data after the end of the document")),
    }
}

impl<R: Read, B: Buffers> Scanner<R, B> {
    /// Reads more bytes, keeping `buf[keep..len]`: when the buffer is short of room, everything
    /// before `keep` is let go, the rest moved to the front of a fresh buffer (or of this one).
    /// Returns false at EOF.
    fn fill(&mut self, keep: usize) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if keep > 0 && self.buf.len() - self.len < self.low {
            self.count_lines(keep);
            let tail = self.len - keep;
            match self.buffers.fresh() {
                Some(mut fresh) => {
                    if fresh.len() < self.buf.len() {
                        fresh.resize(self.buf.len(), 0);
                    }
                    fresh[..tail].copy_from_slice(&self.buf[keep..self.len]);
                    let full = std::mem::replace(&mut self.buf, fresh);
                    self.buffers.full(full);
                }
                None => self.buf.copy_within(keep..self.len, 0),
            }
            self.len -= keep;
            self.pos -= keep;
            self.counted -= keep;
            self.base += keep as u64;
        }
        if self.buf.len() - self.len < self.low {
            // Room for the next reads only: a value larger than the buffer grows it as a Vec
            // grows (its capacity doubles, and the allocator moves a large block without
            // copying it), but only the bytes about to be read are zeroed, so that the memory
            // a huge value holds is its size, not twice the buffer it is in.
            self.buf.resize(self.len + 4 * self.low, 0);
        }
        loop {
            match self.reader.read(&mut self.buf[self.len..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    self.len += n;
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    fn count_lines(&mut self, upto: usize) {
        if upto <= self.counted {
            return;
        }
        let range = &self.buf[self.counted..upto];
        let n = count_newlines(range);
        if let Some(last) = memchr::memrchr(b'\n', range) {
            self.line += n as u64;
            self.line_start = self.base + (self.counted + last) as u64 + 1;
        }
        self.counted = upto;
    }

    /// Line and column (1-based, in bytes) of `buf[at]`.
    fn place(&mut self, at: usize) -> (u64, u64) {
        self.count_lines(at);
        (self.line, self.base + at as u64 - self.line_start + 1)
    }

    fn syntax(&mut self, at: usize, message: &str) -> ScanError {
        let (line, column) = self.place(at.min(self.len));
        ScanError::Syntax {
            line,
            column,
            message: message.to_string(),
        }
    }

    fn truncated(&self) -> ScanError {
        ScanError::Truncated {
            bytes: self.base + self.len as u64,
        }
    }

    fn rejected(&mut self, start: usize, what: &str, error: anyhow::Error) -> ScanError {
        let (line, column) = self.place(start);
        locate(what, line, column, error)
    }

    /// Skips whitespace; returns the next byte without consuming it, or None at EOF.
    fn skip_ws(&mut self) -> io::Result<Option<u8>> {
        loop {
            while self.pos < self.len {
                let b = self.buf[self.pos];
                if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                    return Ok(Some(b));
                }
                self.pos += 1;
            }
            let keep = self.pos;
            if !self.fill(keep)? {
                return Ok(None);
            }
        }
    }

    /// Finds the end (exclusive) of the JSON value starting at `buf[start]`, reading more as
    /// needed; `start` may move if the buffer is compacted, so it is re-read from `self.pos`.
    /// Requires `start == self.pos`. With `record`, the objects of the value are left in
    /// `self.objects`.
    fn capture(&mut self, start: usize, record: bool) -> Result<usize, ScanError> {
        debug_assert_eq!(start, self.pos);
        let mut state = ValueState::default();
        if record {
            self.objects.clear();
            self.open.clear();
            state.record = Some(Record {
                objects: std::mem::take(&mut self.objects),
                open: std::mem::take(&mut self.open),
            });
        }
        let result = self.capture_with(&mut state);
        if let Some(r) = state.record {
            (self.objects, self.open) = (r.objects, r.open);
        }
        result
    }

    fn capture_with(&mut self, state: &mut ValueState) -> Result<usize, ScanError> {
        let mut offset = 0; // relative to self.pos
        loop {
            state.base = offset;
            match state.feed(&self.buf[self.pos + offset..self.len]) {
                Feed::Done(n) => return Ok(self.pos + offset + n),
                Feed::Invalid(n) => {
                    let at = self.pos + offset + n;
                    return Err(self.syntax(at, "unexpected character"));
                }
                Feed::More => {
                    offset = self.len - self.pos;
                    let keep = self.pos;
                    if !self.fill(keep)? {
                        // A scalar at the very end of the body is complete at EOF.
                        if state.scalar && state.depth == 0 {
                            return Ok(self.len);
                        }
                        return Err(self.truncated());
                    }
                }
            }
        }
    }

    fn scan_array(
        &mut self,
        on: &mut impl FnMut(Event<'_>) -> anyhow::Result<()>,
    ) -> Result<(), ScanError> {
        self.pos += 1; // '['
        let mut index = 0;
        loop {
            match self.skip_ws()? {
                Some(b']') if index == 0 => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(_) => {}
                None => return Err(self.truncated()),
            }
            let end = self.capture(self.pos, true)?;
            let start = self.pos;
            let (line, column) = self.place(start);
            on(Event::Element {
                index,
                bytes: &self.buf[start..end],
                at: start,
                line,
                column,
                objects: &self.objects,
            })
            .map_err(|e| self.rejected(start, &format!("data[{index}]"), e))?;
            self.pos = end;
            index += 1;
            match self.skip_ws()? {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(_) => {
                    return Err(self.syntax(self.pos, "expected ',' or ']' in the data array"));
                }
                None => return Err(self.truncated()),
            }
        }
    }
}

/// Counts `\n` bytes. Pretty JSON has a newline every few dozen bytes, too dense for
/// `memchr_iter`; sums over 64-byte blocks (each fits a `u8`) vectorize.
fn count_newlines(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(64);
    let mut n: usize = (&mut chunks)
        .map(|c| usize::from(c.iter().map(|b| u8::from(*b == b'\n')).sum::<u8>()))
        .sum();
    n += chunks.remainder().iter().filter(|b| **b == b'\n').count();
    n
}

/// The length of the JSON value at the start of `bytes` (which hold all of it), or `None` when
/// it is incomplete or does not start like a value. Only strings and brackets are checked.
#[must_use]
pub fn value_len(bytes: &[u8]) -> Option<usize> {
    // Strings (every member name) and scalars, the most of what a walk skips, end without the
    // container state: the same ends the state would find, at a fraction of its set-up.
    match bytes.first() {
        Some(b'"') => return string_len(bytes),
        Some(b'-' | b'0'..=b'9' | b't' | b'f' | b'n') => {
            let end = bytes[1..]
                .iter()
                .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'));
            return Some(end.map_or(bytes.len(), |k| k + 1));
        }
        _ => {}
    }
    value_len_by_state(bytes)
}

/// [`value_len`] by the container state alone, for any value.
fn value_len_by_state(bytes: &[u8]) -> Option<usize> {
    let mut state = ValueState::default();
    match state.feed(bytes) {
        Feed::Done(n) => Some(n),
        Feed::More if state.scalar => Some(bytes.len()),
        Feed::More | Feed::Invalid(_) => None,
    }
}

/// The length of the string starting at `bytes[0]` (a quote), closing quote included, or `None`
/// when it does not close in `bytes`.
fn string_len(bytes: &[u8]) -> Option<usize> {
    let mut i = 1;
    loop {
        let k = quote_or_backslash(bytes, i)?;
        if bytes[k] == b'"' {
            return Some(k + 1);
        }
        i = k + 2;
    }
}

/// The first `"` or `\` in `bytes` from `from`. Most strings a session holds are short (member
/// names, states, numbers as text), so the first bytes are looked at one by one before
/// `memchr2`'s vector set-up is worth its cost.
#[inline]
#[must_use]
pub fn quote_or_backslash(bytes: &[u8], from: usize) -> Option<usize> {
    const NEAR: usize = 24;
    let rest = bytes.get(from..)?;
    let near = rest.len().min(NEAR);
    match rest[..near].iter().position(|&b| b == b'"' || b == b'\\') {
        Some(k) => Some(from + k),
        None => memchr::memchr2(b'"', b'\\', &rest[near..]).map(|k| from + near + k),
    }
}

#[derive(Default)]
struct ValueState {
    started: bool,
    depth: u32,
    in_string: bool,
    escaped: bool,
    scalar: bool,
    /// The container's brackets (`{}` or `[]`). Only these are counted: in well-formed JSON the
    /// other kind is balanced inside, and whatever is captured is validated by its parser, so
    /// the scan can jump between the three interesting bytes with `memchr3`.
    open: u8,
    close: u8,
    /// Offset of the bytes being fed from the start of the value.
    base: usize,
    /// When recording: the objects found so far.
    record: Option<Record>,
}

/// The objects of a value being recorded: (open, close) offsets ordered by open (close is 0
/// until found), and the indexes in `objects` of the ones still open.
#[derive(Default)]
struct Record {
    objects: Vec<(usize, usize)>,
    open: Vec<usize>,
}

enum Feed {
    Done(usize),
    Invalid(usize),
    More,
}

impl ValueState {
    /// Feeds the next bytes of a value; `Done(n)` means the value ends before `bytes[n]`.
    fn feed(&mut self, bytes: &[u8]) -> Feed {
        let mut i = 0;
        if !self.started {
            let Some(&b) = bytes.first() else {
                return Feed::More;
            };
            self.started = true;
            match b {
                b'{' => {
                    (self.depth, self.open, self.close) = (0, b'{', b'}');
                    self.opened(0);
                }
                b'[' => (self.depth, self.open, self.close) = (1, b'[', b']'),
                b'"' => self.in_string = true,
                b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => self.scalar = true,
                _ => return Feed::Invalid(0),
            }
            i = 1;
        }
        if self.scalar {
            while i < bytes.len() {
                match bytes[i] {
                    b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t' => return Feed::Done(i),
                    _ => i += 1,
                }
            }
            return Feed::More;
        }
        loop {
            // Inside a container, whole blocks without a backslash go through their bitmasks;
            // a block with one (or after one) and the last partial block go byte by byte.
            if self.depth > 0 && !self.escaped {
                match self.blocks(bytes, i) {
                    Ok(n) => return Feed::Done(n),
                    Err(at) => i = at,
                }
            }
            let end = if self.depth > 0 {
                bytes.len().min(i + block::LEN)
            } else {
                bytes.len()
            };
            match self.bytes(&bytes[..end], i) {
                Feed::More if end < bytes.len() => i = end,
                other => return other,
            }
        }
    }

    /// Scans the whole blocks of `bytes` from `i` by their bitmasks, while they hold no
    /// backslash: with none, every quote opens or closes a string, so a prefix XOR of the quote
    /// mask is the mask of the bytes inside strings, and the brackets outside them are the
    /// structure. Returns the end of the value when it ends in them (`Ok`), or where it stopped
    /// (`Err`): at a block with a backslash, or fewer than a block's bytes from the end.
    fn blocks(&mut self, bytes: &[u8], mut i: usize) -> Result<usize, usize> {
        while let Some(chunk) = bytes.get(i..i + block::LEN) {
            let m = block::Masks::new(chunk, self.open, self.close);
            if m.backslash != 0 {
                return Err(i);
            }
            let mut inside = block::prefix_xor(m.quote);
            if self.in_string {
                inside = !inside;
            }
            self.in_string = inside >> 63 != 0;
            let mut brackets = (m.open | m.close) & !inside;
            while brackets != 0 {
                let k = brackets.trailing_zeros();
                brackets &= brackets - 1;
                let at = i + k as usize;
                if m.open >> k & 1 != 0 {
                    self.opened(at);
                } else if self.closed(at) {
                    return Ok(at + 1);
                }
            }
            i += block::LEN;
        }
        Err(i)
    }

    /// The counted bracket opens at `bytes[at]` (of the piece being fed).
    #[inline]
    fn opened(&mut self, at: usize) {
        self.depth += 1;
        if self.open == b'{'
            && let Some(r) = &mut self.record
        {
            r.open.push(r.objects.len());
            r.objects.push((self.base + at, 0));
        }
    }

    /// The counted bracket closes at `bytes[at]`; true when that ends the value.
    #[inline]
    fn closed(&mut self, at: usize) -> bool {
        if self.open == b'{'
            && let Some(r) = &mut self.record
            && let Some(k) = r.open.pop()
        {
            r.objects[k].1 = self.base + at;
        }
        self.depth -= 1;
        self.depth == 0
    }

    /// Scans `bytes` from `i` byte by byte, jumping between the interesting ones with `memchr`.
    fn bytes(&mut self, bytes: &[u8], mut i: usize) -> Feed {
        loop {
            if self.in_string {
                if self.escaped {
                    if i >= bytes.len() {
                        return Feed::More;
                    }
                    self.escaped = false;
                    i += 1;
                }
                match memchr::memchr2(b'"', b'\\', &bytes[i..]) {
                    None => return Feed::More,
                    Some(k) => {
                        i += k;
                        if bytes[i] == b'\\' {
                            self.escaped = true;
                            i += 1;
                            continue;
                        }
                        self.in_string = false;
                        i += 1;
                        if self.depth == 0 {
                            return Feed::Done(i);
                        }
                    }
                }
            }
            loop {
                let Some(k) = memchr::memchr3(b'"', self.open, self.close, &bytes[i..]) else {
                    return Feed::More;
                };
                i += k;
                let b = bytes[i];
                i += 1;
                if b == b'"' {
                    self.in_string = true;
                    break;
                } else if b == self.open {
                    self.opened(i - 1);
                } else if self.closed(i - 1) {
                    return Feed::Done(i);
                }
            }
        }
    }
}

/// 64-byte blocks as bitmasks (bit `k` for byte `k`), simdjson's first stage.
mod block {
    use wide::u8x16;

    pub const LEN: usize = 64;

    /// Where a block holds quotes, backslashes and the two brackets being counted.
    pub struct Masks {
        pub quote: u64,
        pub backslash: u64,
        pub open: u64,
        pub close: u64,
    }

    impl Masks {
        /// `block` holds exactly [`LEN`] bytes.
        #[inline]
        pub fn new(block: &[u8], open: u8, close: u8) -> Masks {
            let (q, b, o, c) = (
                u8x16::splat(b'"'),
                u8x16::splat(b'\\'),
                u8x16::splat(open),
                u8x16::splat(close),
            );
            let mut m = Masks {
                quote: 0,
                backslash: 0,
                open: 0,
                close: 0,
            };
            for (k, lane) in block.chunks_exact(16).enumerate() {
                let v = u8x16::new(lane.try_into().unwrap_or_default());
                let shift = 16 * k;
                m.quote |= u64::from(v.simd_eq(q).to_bitmask()) << shift;
                m.backslash |= u64::from(v.simd_eq(b).to_bitmask()) << shift;
                m.open |= u64::from(v.simd_eq(o).to_bitmask()) << shift;
                m.close |= u64::from(v.simd_eq(c).to_bitmask()) << shift;
            }
            m
        }
    }

    /// Bit `k` of the result is the XOR of bits `0..=k` of `x`: with `x` the quotes of a
    /// block, the bytes from an opening quote up to (not including) its closing one.
    #[inline]
    pub fn prefix_xor(mut x: u64) -> u64 {
        x ^= x << 1;
        x ^= x << 2;
        x ^= x << 4;
        x ^= x << 8;
        x ^= x << 16;
        x ^= x << 32;
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lengths of the buffers the scanner let go of.
    struct Lengths(Vec<usize>);
    impl Buffers for &mut Lengths {
        fn fresh(&mut self) -> Option<Vec<u8>> {
            Some(Vec::new())
        }
        fn full(&mut self, buf: Vec<u8>) {
            self.0.push(buf.len());
        }
    }

    #[test]
    fn a_value_larger_than_the_buffer_costs_its_size_not_twice_the_buffer() {
        // 1 MiB and a bit in one element, through a 1 KiB buffer
        let big = 1 << 20;
        let doc = format!(
            r#"{{"data":[{{"id":"1"}},{{"user":"{}"}}]}}"#,
            "u".repeat(big)
        );
        let mut lengths = Lengths(Vec::new());
        let mut sizes = Vec::new();
        scan_with(doc.as_bytes(), &mut lengths, 1024, |e| {
            if let Event::Element { bytes, .. } = e {
                sizes.push(bytes.len());
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(sizes[1], big + 11);
        // what is zeroed (and so resident) grows with the value, a read's room at a time
        let longest = lengths.0.iter().copied().max().unwrap();
        assert!(longest <= big + 11 + 1024, "{longest}");
    }

    /// A reader that hands out one byte at a time, to exercise every refill path.
    struct Trickle<'a>(&'a [u8]);
    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() || buf.is_empty() {
                return Ok(0);
            }
            buf[0] = self.0[0];
            self.0 = &self.0[1..];
            Ok(1)
        }
    }

    fn events(doc: &[u8], trickle: bool) -> Result<Vec<String>, ScanError> {
        let mut out = Vec::new();
        let cb = |e: Event<'_>| {
            out.push(match e {
                Event::Element { index, bytes, .. } => {
                    format!("E{index}:{}", String::from_utf8_lossy(bytes))
                }
                Event::Data { bytes } => format!("D:{}", String::from_utf8_lossy(bytes)),
                Event::Member { key, value } => {
                    format!(
                        "M{}:{}",
                        String::from_utf8_lossy(key),
                        String::from_utf8_lossy(value)
                    )
                }
            });
            Ok(())
        };
        if trickle {
            scan(Trickle(doc), cb)?;
        } else {
            scan(doc, cb)?;
        }
        Ok(out)
    }

    #[test]
    fn splits_data_elements_and_members() {
        let doc = br#"{ "data": [ {"id": "1", "a": "x]}\"\\"}, {"id":"2","n":[1,{"b":2}]} ],
            "links": {"self": "http://h/"}, "meta": 5 }"#;
        for trickle in [false, true] {
            let ev = events(doc, trickle).unwrap();
            assert_eq!(
                ev,
                [
                    r#"E0:{"id": "1", "a": "x]}\"\\"}"#,
                    r#"E1:{"id":"2","n":[1,{"b":2}]}"#,
                    r#"M"links":{"self": "http://h/"}"#,
                    r#"M"meta":5"#,
                ]
            );
        }
    }

    #[test]
    fn the_objects_of_an_element_pair_each_brace_as_value_len_does() {
        let doc =
            br#"{"data": [ {"a": {"b": "}{\"", "c": [1, {"d": {}}]}, "e": "{"}, [{"x": 1}] ]}"#;
        for trickle in [false, true] {
            let mut seen = Vec::new();
            let cb = |e: Event<'_>| {
                if let Event::Element { bytes, objects, .. } = e {
                    seen.push(objects.to_vec());
                    for &(open, close) in objects {
                        assert_eq!(bytes[open], b'{');
                        assert_eq!(value_len(&bytes[open..]), Some(close - open + 1));
                    }
                    let opens = bytes.iter().filter(|b| **b == b'{').count();
                    // the `{` inside a string is not an object; an array element has no index
                    assert!(
                        objects.is_empty() || objects.len() == opens - 2,
                        "{objects:?}"
                    );
                }
                Ok(())
            };
            if trickle {
                scan(Trickle(doc), cb).unwrap();
            } else {
                scan(&doc[..], cb).unwrap();
            }
            assert_eq!(seen[0].len(), 4);
            assert_eq!(seen[0][0].0, 0);
            assert!(
                seen[0].windows(2).all(|w| w[0].0 < w[1].0),
                "ordered by open"
            );
            assert!(seen[1].is_empty());
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        for trickle in [false, true] {
            assert_eq!(
                events(b"\xEF\xBB\xBF{\"data\":[{}]}", trickle).unwrap(),
                ["E0:{}"]
            );
        }
        assert!(events(b"\xEF\xBB{}", false).is_err());
    }

    #[test]
    fn data_that_is_not_an_array_is_one_event() {
        assert_eq!(
            events(br#"{"data": {"id": "1"}}"#, true).unwrap(),
            [r#"D:{"id": "1"}"#]
        );
        assert_eq!(
            events(br#"{"data":"oops"}"#, false).unwrap(),
            [r#"D:"oops""#]
        );
        assert_eq!(
            events(br#"{"data":[]}"#, false).unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(events(br"{}", false).unwrap(), Vec::<String>::new());
    }

    #[test]
    fn reports_syntax_errors_with_line_and_column() {
        let err = events(b"{\n  \"data\": [\n  x ]}", false).unwrap_err();
        assert!(
            matches!(
                err,
                ScanError::Syntax {
                    line: 3,
                    column: 3,
                    ..
                }
            ),
            "{err}"
        );
        let err = events(b"[1,2]", false).unwrap_err();
        assert!(
            err.to_string()
                .contains("not valid JSON at line 1 column 1"),
            "{err}"
        );
        let err = events(b"", false).unwrap_err();
        assert!(err.to_string().contains("empty"), "{err}");
        let err = events(br#"{"data": [1] } x"#, false).unwrap_err();
        assert!(err.to_string().contains("after the end"), "{err}");
    }

    #[test]
    fn reports_truncation() {
        for doc in [
            &br#"{"data": [ {"id": "1"#[..],
            br#"{"data": [ {"id": "1"}, "#,
            br#"{"data""#,
            b"{",
        ] {
            let err = events(doc, true).unwrap_err();
            assert!(
                matches!(err, ScanError::Truncated { .. }),
                "{}: {err}",
                String::from_utf8_lossy(doc)
            );
        }
    }

    #[test]
    fn serde_errors_are_placed_in_the_body() {
        let doc = b"{\n\"data\": [\n    {\"id\": 1}\n]}";
        let err = scan(&doc[..], |e| {
            if let Event::Element { bytes, .. } = e {
                #[derive(serde::Deserialize)]
                #[allow(dead_code)]
                struct S {
                    id: String,
                }
                serde_json::from_slice::<S>(bytes)?;
            }
            Ok(())
        })
        .unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("data[0] (line 3 column 5)"), "{text}");
        assert!(
            text.contains("invalid type: integer `1`, expected a string at line 3 column 12"),
            "{text}"
        );
    }

    #[test]
    fn newlines_are_counted_in_blocks() {
        let text: Vec<u8> = (0..1000u32)
            .map(|i| if i % 7 == 0 { b'\n' } else { b'x' })
            .collect();
        assert_eq!(
            count_newlines(&text),
            text.iter().filter(|b| **b == b'\n').count()
        );
        assert_eq!(count_newlines(b""), 0);
    }

    /// The value's end and its objects, scanned by `feed` in pieces of `piece` bytes (as reads
    /// arrive), or byte by byte only (`blocks: false`, the reference).
    fn scanned(doc: &[u8], piece: usize, blocks: bool) -> (Option<usize>, Vec<(usize, usize)>) {
        let mut state = ValueState {
            record: Some(Record::default()),
            ..ValueState::default()
        };
        let mut offset = 0;
        let end = loop {
            let upto = (offset + piece).min(doc.len());
            state.base = offset;
            let fed = &doc[offset..upto];
            let feed = if blocks || !state.started {
                state.feed(fed)
            } else {
                state.bytes(fed, 0)
            };
            match feed {
                Feed::Done(n) => break Some(offset + n),
                Feed::Invalid(_) => break None,
                Feed::More if upto == doc.len() => break None,
                Feed::More => offset = upto,
            }
        };
        let objects = state.record.map(|r| r.objects).unwrap_or_default();
        (end, objects)
    }

    #[test]
    fn blocks_find_what_the_byte_scan_finds() {
        let long = "x".repeat(100);
        let docs = [
            format!(r#"{{"a": "{long}", "b": {{"c": [1, {{"d": "}}"}}]}}, "e": "{{{long}"}} tail"#),
            // quotes and brackets on both sides of a block boundary
            format!(
                r#"{{"{}": {{}}, "k": "{}\"{{", "z": {{"y": "]}}"}}}}"#,
                "q".repeat(60),
                "w".repeat(62)
            ),
            // a backslash in the first block, a string running over three blocks
            format!(
                r#"{{"a\\": "\\\\", "s": "{}", "t": {{"u": 1}}}}"#,
                "p".repeat(150)
            ),
            format!(r#"[[{long}], "]", [[[]]], {{"a": [1]}}] "#),
            format!("{{\"a\": \"{long}\\"),
            format!("{{\"open\": {{\"{long}\": [1, 2]"),
        ];
        for doc in &docs {
            let reference = scanned(doc.as_bytes(), doc.len(), false);
            for piece in [1, 7, 63, 64, 65, 130, doc.len()] {
                assert_eq!(
                    scanned(doc.as_bytes(), piece, true),
                    reference,
                    "{doc} in {piece}"
                );
            }
        }
        assert_eq!(
            scanned(docs[0].as_bytes(), 1000, true).0,
            Some(docs[0].len() - 5)
        );
    }

    proptest::proptest! {
        /// Whatever the bytes, scanning by blocks ends (or fails) where the byte scan does and
        /// pairs the same braces.
        #[test]
        fn blocks_agree_with_the_byte_scan(
            body in proptest::collection::vec(
                proptest::sample::select(b"{}[]\\\\\"\"\"aaaa  ,:".to_vec()),
                0..400,
            ),
            open in proptest::sample::select(vec![b'{', b'[']),
            piece in 1usize..200,
            plain in proptest::bool::ANY,
        ) {
            let mut doc = vec![open];
            // without backslashes every block takes the bitmask path
            doc.extend(body.into_iter().filter(|b| !plain || *b != b'\\'));
            let reference = scanned(&doc, doc.len(), false);
            proptest::prop_assert_eq!(scanned(&doc, piece, true), reference.clone());
            proptest::prop_assert_eq!(scanned(&doc, doc.len(), true), reference);
        }

        /// Strings and scalars end where the container state ends them, whatever follows: long
        /// and short strings, escapes at every place, unclosed ones.
        #[test]
        fn strings_and_scalars_end_as_the_state_ends_them(
            first in proptest::sample::select(b"\"-0t".to_vec()),
            body in proptest::collection::vec(
                proptest::sample::select(b"\\\"aaaaaaaa ,}]\n1".to_vec()),
                0..120,
            ),
        ) {
            let mut doc = vec![first];
            doc.extend(body);
            proptest::prop_assert_eq!(value_len(&doc), value_len_by_state(&doc));
        }
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let mut doc = b"{\"data\": [".to_vec();
        doc.extend(std::iter::repeat_n(b'[', 100_000));
        doc.extend(std::iter::repeat_n(b']', 100_000));
        doc.extend(b"]}");
        assert_eq!(events(&doc, false).unwrap().len(), 1);
    }
}
