//! A JSON reader that accepts and rejects what jansson's `json_loadb(buf, len, 0, &error)` does,
//! with jansson's error texts: MaxScale reads request bodies with it and answers
//! `Invalid JSON in request: <error.text>`.
//!
//! It follows jansson's `load.c`: the byte stream with its UTF-8 check, the lexer (which keeps the
//! text of the current token for the `near '...'` context), the parser, the first error winning,
//! the 2048 nesting limit and the 160-byte error buffer.

use serde_json::{Map, Number, Value};

/// `JSON_PARSER_MAX_DEPTH`.
const MAX_DEPTH: usize = 2048;
/// `JSON_ERROR_TEXT_LENGTH` (the text holds one byte less).
const TEXT_LENGTH: usize = 160;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Eof,
    Invalid,
    Str,
    Int,
    Real,
    True,
    False,
    Null,
    Punct(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Got {
    Byte(u8),
    Eof,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stream {
    Ok,
    Eof,
    Error,
}

struct Lexer<'a> {
    input: &'a [u8],
    pos: usize,
    /// End of the UTF-8 sequence last fetched (jansson's stream buffer).
    buffered: usize,
    stream: Stream,
    /// The text of the current token.
    saved: Vec<u8>,
    token: Token,
    string: Vec<u8>,
    int: i64,
    real: f64,
    error: Option<String>,
}

/// How many bytes a UTF-8 sequence starting with `b` has (0: not a valid first byte).
fn utf8_first(b: u8) -> usize {
    match b {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

fn truncate(mut s: String) -> String {
    if s.len() >= TEXT_LENGTH {
        let mut b = s.into_bytes();
        b.truncate(TEXT_LENGTH - 1);
        s = String::from_utf8_lossy(&b).into_owned();
    }
    s
}

fn is_digit(g: Got) -> bool {
    matches!(g, Got::Byte(b'0'..=b'9'))
}

impl<'a> Lexer<'a> {
    fn new(input: &'a [u8]) -> Self {
        Lexer {
            input,
            pos: 0,
            buffered: 0,
            stream: Stream::Ok,
            saved: Vec::new(),
            token: Token::Invalid,
            string: Vec::new(),
            int: 0,
            real: 0.0,
            error: None,
        }
    }

    /// jansson's `error_set`: the first error wins; the token text (if at most 20 bytes) or
    /// "end of file" is added as context.
    fn error(&mut self, msg: impl Into<String>) {
        if self.error.is_some() {
            return;
        }
        let msg = truncate(msg.into());
        // `saved_text` is a C string: it ends at the first NUL.
        let shown = self.saved.split(|&b| b == 0).next().unwrap_or(&[]);
        let text = if !shown.is_empty() {
            if self.saved.len() <= 20 {
                truncate(format!("{msg} near '{}'", String::from_utf8_lossy(shown)))
            } else {
                msg
            }
        } else if self.stream == Stream::Error {
            msg
        } else {
            truncate(format!("{msg} near end of file"))
        };
        self.error = Some(text);
    }

    /// `stream_get`: one byte, checking each UTF-8 sequence as a whole when it is first reached.
    fn get(&mut self) -> Got {
        match self.stream {
            Stream::Eof => return Got::Eof,
            Stream::Error => return Got::Error,
            Stream::Ok => {}
        }
        if self.pos >= self.buffered {
            let Some(&c) = self.input.get(self.pos) else {
                self.stream = Stream::Eof;
                return Got::Eof;
            };
            let count = utf8_first(c);
            let end = self.pos + count;
            let valid = count == 1
                || (count > 1
                    && end <= self.input.len()
                    && std::str::from_utf8(&self.input[self.pos..end]).is_ok());
            if !valid {
                self.stream = Stream::Error;
                self.error(format!("unable to decode byte 0x{c:x}"));
                return Got::Error;
            }
            self.buffered = end;
        }
        let c = self.input[self.pos];
        self.pos += 1;
        Got::Byte(c)
    }

    fn unget(&mut self, g: Got) {
        if let Got::Byte(_) = g {
            self.pos -= 1;
        }
    }

    fn get_save(&mut self) -> Got {
        let g = self.get();
        if let Got::Byte(c) = g {
            self.saved.push(c);
        }
        g
    }

    fn unget_unsave(&mut self, g: Got) {
        if let Got::Byte(_) = g {
            self.pos -= 1;
            self.saved.pop();
        }
    }

    /// The rest of the current UTF-8 sequence goes into the token text.
    fn save_cached(&mut self) {
        while self.pos < self.buffered {
            self.saved.push(self.input[self.pos]);
            self.pos += 1;
        }
    }

    fn scan(&mut self) {
        self.saved.clear();
        self.string.clear();
        let g = loop {
            match self.get() {
                Got::Byte(b' ' | b'\t' | b'\n' | b'\r') => {}
                g => break g,
            }
        };
        let c = match g {
            Got::Eof => {
                self.token = Token::Eof;
                return;
            }
            Got::Error => {
                self.token = Token::Invalid;
                return;
            }
            Got::Byte(c) => c,
        };
        self.saved.push(c);
        match c {
            b'{' | b'}' | b'[' | b']' | b':' | b',' => self.token = Token::Punct(c),
            b'"' => self.scan_string(),
            b'0'..=b'9' | b'-' => self.scan_number(c),
            b'a'..=b'z' | b'A'..=b'Z' => {
                loop {
                    let g = self.get_save();
                    if !matches!(g, Got::Byte(x) if x.is_ascii_alphabetic()) {
                        self.unget_unsave(g);
                        break;
                    }
                }
                self.token = match self.saved.as_slice() {
                    b"true" => Token::True,
                    b"false" => Token::False,
                    b"null" => Token::Null,
                    _ => Token::Invalid,
                };
            }
            _ => {
                self.save_cached();
                self.token = Token::Invalid;
            }
        }
    }

    fn scan_string(&mut self) {
        self.token = Token::Invalid;
        let mut g = self.get_save();
        loop {
            match g {
                Got::Byte(b'"') => break,
                Got::Error => return,
                Got::Eof => {
                    self.error("premature end of input");
                    return;
                }
                Got::Byte(c) if c <= 0x1f => {
                    self.unget_unsave(g);
                    if c == b'\n' {
                        self.error("unexpected newline");
                    } else {
                        self.error(format!("control character 0x{c:x}"));
                    }
                    return;
                }
                Got::Byte(b'\\') => {
                    g = self.get_save();
                    match g {
                        Got::Byte(b'u') => {
                            g = self.get_save();
                            for _ in 0..4 {
                                if !matches!(g, Got::Byte(x) if x.is_ascii_hexdigit()) {
                                    self.error("invalid escape");
                                    return;
                                }
                                g = self.get_save();
                            }
                        }
                        Got::Byte(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            g = self.get_save();
                        }
                        _ => {
                            self.error("invalid escape");
                            return;
                        }
                    }
                }
                Got::Byte(_) => g = self.get_save(),
            }
        }
        // Decode the escapes of the text between the quotes.
        let raw = self.saved[1..self.saved.len() - 1].to_vec();
        let hex4 = |b: &[u8]| -> u32 {
            u32::from_str_radix(std::str::from_utf8(&b[..4]).unwrap_or("0"), 16).unwrap_or(0)
        };
        let mut out = Vec::with_capacity(raw.len());
        let mut p = 0;
        while p < raw.len() {
            if raw[p] != b'\\' {
                out.push(raw[p]);
                p += 1;
                continue;
            }
            let e = raw[p + 1];
            p += 2;
            let ch = match e {
                b'u' => {
                    let mut value = hex4(&raw[p..]);
                    p += 4;
                    if (0xd800..=0xdbff).contains(&value) {
                        if raw.get(p) == Some(&b'\\') && raw.get(p + 1) == Some(&b'u') {
                            let value2 = hex4(&raw[p + 2..]);
                            p += 6;
                            if (0xdc00..=0xdfff).contains(&value2) {
                                value = ((value - 0xd800) << 10) + (value2 - 0xdc00) + 0x10000;
                            } else {
                                self.error(format!(
                                    "invalid Unicode '\\u{value:04X}\\u{value2:04X}'"
                                ));
                                return;
                            }
                        } else {
                            self.error(format!("invalid Unicode '\\u{value:04X}'"));
                            return;
                        }
                    } else if (0xdc00..=0xdfff).contains(&value) {
                        self.error(format!("invalid Unicode '\\u{value:04X}'"));
                        return;
                    }
                    char::from_u32(value).unwrap_or('\u{fffd}')
                }
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                other => char::from(other),
            };
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        }
        self.string = out;
        self.token = Token::Str;
    }

    fn scan_number(&mut self, first: u8) {
        self.token = Token::Invalid;
        let mut g = Got::Byte(first);
        if first == b'-' {
            g = self.get_save();
        }
        match g {
            Got::Byte(b'0') => {
                g = self.get_save();
                if is_digit(g) {
                    self.unget_unsave(g);
                    return;
                }
            }
            Got::Byte(b'1'..=b'9') => loop {
                g = self.get_save();
                if !is_digit(g) {
                    break;
                }
            },
            _ => {
                self.unget_unsave(g);
                return;
            }
        }
        if !matches!(g, Got::Byte(b'.' | b'E' | b'e')) {
            self.unget_unsave(g);
            let text = String::from_utf8_lossy(&self.saved).into_owned();
            match text.parse::<i64>() {
                Ok(v) => {
                    self.int = v;
                    self.token = Token::Int;
                }
                Err(_) if text.starts_with('-') => self.error("too big negative integer"),
                Err(_) => self.error("too big integer"),
            }
            return;
        }
        if g == Got::Byte(b'.') {
            g = self.get();
            if !is_digit(g) {
                self.unget(g);
                return;
            }
            if let Got::Byte(c) = g {
                self.saved.push(c);
            }
            loop {
                g = self.get_save();
                if !is_digit(g) {
                    break;
                }
            }
        }
        if matches!(g, Got::Byte(b'E' | b'e')) {
            g = self.get_save();
            if matches!(g, Got::Byte(b'+' | b'-')) {
                g = self.get_save();
            }
            if !is_digit(g) {
                self.unget_unsave(g);
                return;
            }
            loop {
                g = self.get_save();
                if !is_digit(g) {
                    break;
                }
            }
        }
        self.unget_unsave(g);
        let v: f64 = String::from_utf8_lossy(&self.saved)
            .parse()
            .unwrap_or(f64::INFINITY);
        if v.is_infinite() {
            self.error("real number overflow");
            return;
        }
        self.real = v;
        self.token = Token::Real;
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        let depth = depth + 1;
        if depth > MAX_DEPTH {
            self.error("maximum parsing depth reached");
            return None;
        }
        match self.token {
            Token::Str => {
                if self.string.contains(&0) {
                    self.error("\\u0000 is not allowed without JSON_ALLOW_NUL");
                    return None;
                }
                Some(Value::String(
                    String::from_utf8_lossy(&self.string).into_owned(),
                ))
            }
            Token::Int => Some(Value::from(self.int)),
            Token::Real => Some(Number::from_f64(self.real).map_or(Value::Null, Value::Number)),
            Token::True => Some(Value::Bool(true)),
            Token::False => Some(Value::Bool(false)),
            Token::Null => Some(Value::Null),
            Token::Punct(b'{') => self.object(depth),
            Token::Punct(b'[') => self.array(depth),
            Token::Invalid => {
                self.error("invalid token");
                None
            }
            _ => {
                self.error("unexpected token");
                None
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        let mut map = Map::new();
        self.scan();
        if self.token == Token::Punct(b'}') {
            return Some(Value::Object(map));
        }
        loop {
            if self.token != Token::Str {
                self.error("string or '}' expected");
                return None;
            }
            if self.string.contains(&0) {
                self.error("NUL byte in object key not supported");
                return None;
            }
            let key = String::from_utf8_lossy(&self.string).into_owned();
            self.scan();
            if self.token != Token::Punct(b':') {
                self.error("':' expected");
                return None;
            }
            self.scan();
            let v = self.value(depth)?;
            map.insert(key, v);
            self.scan();
            if self.token != Token::Punct(b',') {
                break;
            }
            self.scan();
        }
        if self.token != Token::Punct(b'}') {
            self.error("'}' expected");
            return None;
        }
        Some(Value::Object(map))
    }

    fn array(&mut self, depth: usize) -> Option<Value> {
        let mut items = Vec::new();
        self.scan();
        if self.token == Token::Punct(b']') {
            return Some(Value::Array(items));
        }
        while self.token != Token::Eof {
            items.push(self.value(depth)?);
            self.scan();
            if self.token != Token::Punct(b',') {
                break;
            }
            self.scan();
        }
        if self.token != Token::Punct(b']') {
            self.error("']' expected");
            return None;
        }
        Some(Value::Array(items))
    }
}

/// Parse `input` as jansson's `json_loadb` with flags 0 does (an object or an array, nothing after
/// it); `Err` holds jansson's error text.
pub fn parse(input: &[u8]) -> Result<Value, String> {
    let mut lx = Lexer::new(input);
    let fail = |lx: Lexer| Err(lx.error.unwrap_or_else(|| "unknown error".to_string()));
    lx.scan();
    if !matches!(lx.token, Token::Punct(b'[' | b'{')) {
        lx.error("'[' or '{' expected");
        return fail(lx);
    }
    let Some(v) = lx.value(0) else {
        return fail(lx);
    };
    lx.scan();
    if lx.token != Token::Eof {
        lx.error("end of file expected");
        return fail(lx);
    }
    Ok(v)
}

/// jansson's type names (`mxb::json_type_to_string`), as in "Not a JSON string but a integer".
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Object(_) => "object",
        Value::Array(_) => "array",
        Value::String(_) => "string",
        Value::Number(n) if n.is_f64() => "real",
        Value::Number(_) => "integer",
        Value::Bool(_) => "boolean",
        Value::Null => "null",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &[u8]) -> String {
        parse(s).expect_err(&String::from_utf8_lossy(s))
    }

    #[test]
    fn valid_documents() {
        let v =
            parse(br#" {"data": {"attributes": {"parameters": {"log_info": true}}}} "#).unwrap();
        assert_eq!(v["data"]["attributes"]["parameters"]["log_info"], true);
        let v = parse(br#"[1, -0, 2.5, 1e3, "a\u00e9\ud83d\ude00\n", null, false, {}]"#).unwrap();
        assert_eq!(v[0], 1);
        assert!(v[2].is_f64() && v[3].is_f64());
        assert_eq!(v[4], "a\u{e9}\u{1f600}\n");
        assert_eq!(parse(br#"{"a":1,"a":2}"#).unwrap()["a"], 2);
        let deep = format!("{}{}", "[".repeat(2047), "]".repeat(2047));
        assert!(parse(deep.as_bytes()).is_ok());
    }

    #[test]
    fn jansson_error_texts() {
        // The real MaxScale 24.02.4 capture.
        assert_eq!(err(br#"{"data":"#), "unexpected token near end of file");
        let cases: [(&[u8], &str); 27] = [
            (b"", "'[' or '{' expected near end of file"),
            (b"  ", "'[' or '{' expected near end of file"),
            (b"true", "'[' or '{' expected near 'true'"),
            (b"\"x\"", "'[' or '{' expected near '\"x\"'"),
            (b"{", "string or '}' expected near end of file"),
            (b"{,}", "string or '}' expected near ','"),
            (br#"{"a" 1}"#, "':' expected near '1'"),
            (br#"{"a":1,}"#, "string or '}' expected near '}'"),
            (br#"{"a":1 "b":2}"#, "'}' expected near '\"b\"'"),
            (b"[", "']' expected near end of file"),
            (b"[1,]", "unexpected token near ']'"),
            (b"[1 2]", "']' expected near '2'"),
            (b"[tru]", "invalid token near 'tru'"),
            (b"[01]", "invalid token near '0'"),
            (b"[1.]", "invalid token near '1.'"),
            (b"[-]", "invalid token near '-'"),
            (b"[1e]", "invalid token near '1e'"),
            (b"{} x", "end of file expected near 'x'"),
            (b"[\"abc", "premature end of input near '\"abc'"),
            (b"[\"a\nb\"]", "unexpected newline near '\"a'"),
            (b"[\"a\tb\"]", "control character 0x9 near '\"a'"),
            (b"[\"\\x\"]", "invalid escape near '\"\\x'"),
            (
                b"[\"\\ud800\"]",
                "invalid Unicode '\\uD800' near '\"\\ud800\"'",
            ),
            (
                b"[\"\\u0000\"]",
                "\\u0000 is not allowed without JSON_ALLOW_NUL near '\"\\u0000\"'",
            ),
            (
                b"[99999999999999999999]",
                "too big integer near '99999999999999999999'",
            ),
            (b"[1e999]", "real number overflow near '1e999'"),
            (b"[\xff]", "unable to decode byte 0xff"),
        ];
        for (input, text) in cases {
            assert_eq!(err(input), text, "{}", String::from_utf8_lossy(input));
        }
        assert_eq!(
            err(b"[\"ab\xc3\x28\"]"),
            "unable to decode byte 0xc3 near '\"ab'"
        );
        assert_eq!(err(b"[\xc3\xa9]"), "invalid token near '\u{e9}'");
        let long = format!("[\"{}", "x".repeat(30));
        assert_eq!(err(long.as_bytes()), "premature end of input");
        let deep = "[".repeat(2049);
        assert_eq!(
            err(deep.as_bytes()),
            "maximum parsing depth reached near '['"
        );
    }

    #[test]
    fn type_names() {
        let v = parse(br#"[{}, [], "", 1, 1.5, true, null]"#).unwrap();
        let names: Vec<&str> = v.as_array().unwrap().iter().map(type_name).collect();
        assert_eq!(
            names,
            [
                "object", "array", "string", "integer", "real", "boolean", "null"
            ]
        );
    }
}
