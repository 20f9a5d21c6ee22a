//! A jansson-compatible JSON writer: sorted keys, 4-space indent, `%.17g` reals, link-base substitution.

use serde_json::Value;

/// Prefix marking a link string whose base (`http://HOST/v1/`) is filled in at write time.
pub const LINK: &str = "\u{1}mxs-link\u{1}";

/// Output layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// `JSON_INDENT(4)`: MaxScale's default.
    Pretty,
    /// `JSON_COMPACT`: `pretty=false`.
    Compact,
    /// One line with `", "` / `": "` separators (MaxScale 2.5 with `pretty` not `true`).
    Legacy,
}

/// Streaming JSON emitter writing into a byte buffer.
pub struct Emitter<'a> {
    out: &'a mut Vec<u8>,
    style: Style,
    base: &'a str,
    /// One entry per open container: has it any element yet?
    stack: Vec<bool>,
    /// Set after `key()`: the next value follows the key on the same line.
    after_key: bool,
}

impl<'a> Emitter<'a> {
    /// A new emitter. `base` replaces the [`LINK`] prefix of link strings.
    pub fn new(out: &'a mut Vec<u8>, style: Style, base: &'a str) -> Self {
        Emitter {
            out,
            style,
            base,
            stack: Vec::new(),
            after_key: false,
        }
    }

    /// An emitter continuing inside `depth` open containers; the innermost `has_elements` or not.
    pub fn continuing(
        out: &'a mut Vec<u8>,
        style: Style,
        base: &'a str,
        depth: usize,
        has_elements: bool,
    ) -> Self {
        let mut e = Emitter::new(out, style, base);
        e.stack = vec![true; depth];
        if let Some(last) = e.stack.last_mut() {
            *last = has_elements;
        }
        e
    }

    fn indent(&mut self, level: usize) {
        self.out.push(b'\n');
        self.out.resize(self.out.len() + 4 * level, b' ');
    }

    /// Separator and indentation before an element of the current container.
    fn element(&mut self) {
        if self.after_key {
            self.after_key = false;
            return;
        }
        let level = self.stack.len();
        if let Some(has) = self.stack.last_mut() {
            let first = !*has;
            *has = true;
            match self.style {
                Style::Pretty => {
                    if !first {
                        self.out.push(b',');
                    }
                    self.indent(level);
                }
                Style::Compact => {
                    if !first {
                        self.out.push(b',');
                    }
                }
                Style::Legacy => {
                    if !first {
                        self.out.extend_from_slice(b", ");
                    }
                }
            }
        }
    }

    fn close(&mut self, ch: u8) {
        let had = self.stack.pop().unwrap_or(false);
        if had && self.style == Style::Pretty {
            let level = self.stack.len();
            self.indent(level);
        }
        self.out.push(ch);
    }

    /// `{`
    pub fn begin_object(&mut self) {
        self.element();
        self.out.push(b'{');
        self.stack.push(false);
    }

    /// `}`
    pub fn end_object(&mut self) {
        self.close(b'}');
    }

    /// `[`
    pub fn begin_array(&mut self) {
        self.element();
        self.out.push(b'[');
        self.stack.push(false);
    }

    /// `]`
    pub fn end_array(&mut self) {
        self.close(b']');
    }

    /// An object key; the next call writes its value.
    pub fn key(&mut self, k: &str) {
        self.element();
        write_string(self.out, k, "");
        self.out.extend_from_slice(match self.style {
            Style::Compact => b":",
            _ => b": ",
        });
        self.after_key = true;
    }

    /// A string value (with link-base substitution).
    pub fn string(&mut self, s: &str) {
        self.element();
        write_string(self.out, s, self.base);
    }

    /// Raw bytes as a value (the caller guarantees they are valid JSON for the position).
    pub fn raw(&mut self, bytes: &[u8]) {
        self.element();
        self.out.extend_from_slice(bytes);
    }

    /// Any value, keys sorted.
    pub fn value(&mut self, v: &Value) {
        match v {
            Value::Null => self.raw(b"null"),
            Value::Bool(true) => self.raw(b"true"),
            Value::Bool(false) => self.raw(b"false"),
            Value::Number(n) => {
                self.element();
                write_number(self.out, n);
            }
            Value::String(s) => self.string(s),
            Value::Array(a) => {
                self.begin_array();
                for x in a {
                    self.value(x);
                }
                self.end_array();
            }
            Value::Object(m) => {
                self.begin_object();
                // serde_json's default map is a BTreeMap: already sorted by key.
                for (k, x) in m {
                    self.key(k);
                    self.value(x);
                }
                self.end_object();
            }
        }
    }
}

/// Serialize one value.
pub fn to_vec(v: &Value, style: Style, base: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    Emitter::new(&mut out, style, base).value(v);
    out
}

fn write_number(out: &mut Vec<u8>, n: &serde_json::Number) {
    if let Some(i) = n.as_i64() {
        out.extend_from_slice(i.to_string().as_bytes());
    } else if let Some(u) = n.as_u64() {
        out.extend_from_slice(u.to_string().as_bytes());
    } else {
        out.extend_from_slice(format_real(n.as_f64().unwrap_or(0.0)).as_bytes());
    }
}

/// Format a real like jansson: `%.17g`, always with `.` or `e`, exponent without `+` or leading zeros.
pub fn format_real(x: f64) -> String {
    if !x.is_finite() {
        return "null".to_string();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    const P: i32 = 17;
    let sci = format!("{:.*e}", (P - 1) as usize, x);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut s = if (-4..P).contains(&exp) {
        let prec = (P - 1 - exp) as usize;
        let mut f = format!("{x:.prec$}");
        if f.contains('.') {
            while f.ends_with('0') {
                f.pop();
            }
            if f.ends_with('.') {
                f.pop();
            }
        }
        f
    } else {
        let mut m = mantissa.to_string();
        if m.contains('.') {
            while m.ends_with('0') {
                m.pop();
            }
            if m.ends_with('.') {
                m.pop();
            }
        }
        format!("{m}e{exp}")
    };
    if !s.contains('.') && !s.contains('e') {
        s.push_str(".0");
    }
    s
}

/// Write a JSON string the way jansson does (UTF-8 kept, `\uXXXX` upper-case for other controls).
pub fn write_string(out: &mut Vec<u8>, s: &str, base: &str) {
    out.push(b'"');
    let s = match s.strip_prefix(LINK) {
        Some(rest) => {
            escape_into(out, base);
            rest
        }
        None => s,
    };
    escape_into(out, s);
    out.push(b'"');
}

fn escape_into(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        if esc.is_empty() {
            out.extend_from_slice(format!("\\u{:04X}", b).as_bytes());
        } else {
            out.extend_from_slice(esc);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Replace every link string's [`LINK`] prefix by `base`, in place.
pub fn resolve_links(v: &mut Value, base: &str) {
    match v {
        Value::String(s) => {
            if let Some(rest) = s.strip_prefix(LINK) {
                *s = format!("{base}{rest}");
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| resolve_links(x, base)),
        Value::Object(m) => m.values_mut().for_each(|x| resolve_links(x, base)),
        _ => {}
    }
}

/// Replace every string starting with one of `prefixes` by [`LINK`] + the rest, in place.
pub fn mark_links(v: &mut Value, prefixes: &[&str]) {
    match v {
        Value::String(s) => {
            for p in prefixes {
                if let Some(rest) = s.strip_prefix(p) {
                    *s = format!("{LINK}{rest}");
                    break;
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| mark_links(x, prefixes)),
        Value::Object(m) => m.values_mut().for_each(|x| mark_links(x, prefixes)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reals_like_jansson() {
        assert_eq!(format_real(22.4), "22.399999999999999");
        assert_eq!(format_real(0.0), "0.0");
        assert_eq!(format_real(5.2), "5.2000000000000002");
        assert_eq!(format_real(1.0), "1.0");
        assert_eq!(format_real(1e20), "1e20");
        assert_eq!(format_real(1.5e-7), "1.4999999999999999e-7");
        assert_eq!(format_real(0.001), "0.001");
        assert_eq!(format_real(123456.0), "123456.0");
    }

    #[test]
    fn styles() {
        let v = json!({"b": [1, {}], "a": "x\u{1b}\"/", "c": []});
        assert_eq!(
            to_vec(&v, Style::Compact, ""),
            br#"{"a":"x\u001B\"/","b":[1,{}],"c":[]}"#
        );
        assert_eq!(
            to_vec(&v, Style::Legacy, ""),
            br#"{"a": "x\u001B\"/", "b": [1, {}], "c": []}"#
        );
        let pretty = String::from_utf8(to_vec(&v, Style::Pretty, "")).unwrap();
        assert_eq!(
            pretty,
            "{\n    \"a\": \"x\\u001B\\\"/\",\n    \"b\": [\n        1,\n        {}\n    ],\n    \"c\": []\n}"
        );
    }

    #[test]
    fn links() {
        let v = json!({"self": format!("{LINK}sessions/1/")});
        assert_eq!(
            to_vec(&v, Style::Compact, "http://h:1/v1/"),
            br#"{"self":"http://h:1/v1/sessions/1/"}"#
        );
    }
}
