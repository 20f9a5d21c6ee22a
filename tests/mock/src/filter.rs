//! Row filters: `filter=PTR=EXPR` parsing (24.02 expression grammar and the older JSON equality) and matching.

use crate::config::Version;
use serde_json::Value;

/// A row filter: a JSON pointer and what its value must match.
#[derive(Debug, Clone, PartialEq)]
pub struct RowFilter {
    /// Pointer components.
    pub pointer: Vec<String>,
    /// The condition.
    pub matcher: Matcher,
}

/// A 24.02 filter expression (or the old plain-equality one).
#[derive(Debug, Clone, PartialEq)]
pub enum Matcher {
    /// `eq(v)` or a bare JSON value.
    Eq(Value),
    /// `ne(v)`
    Ne(Value),
    /// `lt(v)`
    Lt(Value),
    /// `gt(v)`
    Gt(Value),
    /// `le(v)`
    Le(Value),
    /// `ge(v)`
    Ge(Value),
    /// `and(e, ...)`
    And(Vec<Matcher>),
    /// `or(e, ...)`
    Or(Vec<Matcher>),
    /// `not(e, ...)`: none matches.
    Not(Vec<Matcher>),
}

pub fn parse_filter(v: &str, version: Version) -> Result<Option<RowFilter>, String> {
    let invalid = |expr: &str| format!("Not a valid filter expression: {expr}");
    let (ptr, expr) = match v.split_once('=') {
        Some(x) => x,
        None if version.is_24_02_or_later() => return Err(invalid("")),
        None => return Ok(None),
    };
    let pointer = ptr
        .split('/')
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    let matcher = if version.is_24_02_or_later() {
        let mut p = Parser { s: expr, pos: 0 };
        let m = p.expr().ok_or_else(|| invalid(expr))?;
        if p.pos != expr.len() {
            return Err(invalid(expr));
        }
        m
    } else {
        match serde_json::from_str::<Value>(expr) {
            Ok(v) => Matcher::Eq(v),
            Err(_) => return Ok(None), // silently ignored before 24.02
        }
    };
    Ok(Some(RowFilter { pointer, matcher }))
}

struct Parser<'a> {
    s: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.s[self.pos..]
    }

    fn eat(&mut self, c: char) -> bool {
        if self.rest().starts_with(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Parse one JSON value at the cursor (its extent is found by scanning, then serde parses it).
    fn json(&mut self) -> Option<Value> {
        let b = self.rest().as_bytes();
        let mut i = 0;
        let (mut depth, mut in_str, mut esc) = (0i32, false, false);
        while i < b.len() {
            let c = b[i];
            if in_str {
                if esc {
                    esc = false;
                } else if c == b'\\' {
                    esc = true;
                } else if c == b'"' {
                    in_str = false;
                    if depth == 0 {
                        i += 1;
                        break;
                    }
                }
            } else {
                match c {
                    b'"' => in_str = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth <= 0 {
                            i += 1;
                            break;
                        }
                    }
                    b',' | b')' if depth == 0 => break,
                    _ => {}
                }
            }
            i += 1;
        }
        let v = serde_json::from_str(&self.rest()[..i]).ok()?;
        self.pos += i;
        Some(v)
    }

    fn expr(&mut self) -> Option<Matcher> {
        let first = self.rest().chars().next()?;
        if !first.is_ascii_alphabetic() {
            return self.json().map(Matcher::Eq);
        }
        let name: String = self
            .rest()
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        self.pos += name.len();
        if !self.eat('(') {
            return None;
        }
        let m = match name.as_str() {
            "eq" | "ne" | "lt" | "gt" | "le" | "ge" => {
                let v = self.json()?;
                match name.as_str() {
                    "eq" => Matcher::Eq(v),
                    "ne" => Matcher::Ne(v),
                    "lt" => Matcher::Lt(v),
                    "gt" => Matcher::Gt(v),
                    "le" => Matcher::Le(v),
                    _ => Matcher::Ge(v),
                }
            }
            "and" | "or" | "not" => {
                let mut list = vec![self.expr()?];
                while self.eat(',') {
                    list.push(self.expr()?);
                }
                match name.as_str() {
                    "and" => Matcher::And(list),
                    "or" => Matcher::Or(list),
                    _ => Matcher::Not(list),
                }
            }
            _ => return None,
        };
        self.eat(')').then_some(m)
    }
}

fn lt(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x < y,
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x < y,
            _ if x.is_f64() && y.is_f64() => x.as_f64() < y.as_f64(),
            _ => false,
        },
        _ => false,
    }
}

impl Matcher {
    /// Does `v` (the value the pointer resolved to) match?
    pub fn matches(&self, v: &Value) -> bool {
        match self {
            Matcher::Eq(x) => v == x,
            Matcher::Ne(x) => v != x,
            Matcher::Lt(x) => lt(v, x),
            Matcher::Gt(x) => lt(x, v),
            Matcher::Le(x) => lt(v, x) || !lt(x, v),
            Matcher::Ge(x) => lt(x, v) || !lt(v, x),
            Matcher::And(l) => l.iter().all(|m| m.matches(v)),
            Matcher::Or(l) => l.iter().any(|m| m.matches(v)),
            Matcher::Not(l) => !l.iter().any(|m| m.matches(v)),
        }
    }
}

impl RowFilter {
    /// Keep this row?
    pub fn keep(&self, row: &Value) -> bool {
        let mut cur = row;
        for c in &self.pointer {
            cur = match cur {
                Value::Object(m) => match m.get(c) {
                    Some(x) => x,
                    None => return false,
                },
                Value::Array(a) => match c.parse::<usize>().ok().and_then(|i| a.get(i)) {
                    Some(x) => x,
                    None => return false,
                },
                _ => return false,
            };
        }
        self.matcher.matches(cur)
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Version;
    use crate::query::{QueryOptions, parse};
    use serde_json::json;

    fn p(q: &str) -> Result<QueryOptions, String> {
        parse(Some(q), Version::V24_02)
    }

    #[test]
    fn filters() {
        let row = json!({"id": "5", "attributes": {"user": "maxuser", "n": 3, "a": [1, 2]}});
        let keep = |q: &str| p(q).unwrap().filter.unwrap().keep(&row);
        assert!(keep("filter=/attributes/user=%22maxuser%22"));
        assert!(keep("filter=attributes//user=eq(\"maxuser\")"));
        assert!(!keep("filter=/attributes/user=ne(\"maxuser\")"));
        assert!(keep("filter=/attributes/n=and(gt(2),lt(4))"));
        assert!(keep("filter=/attributes/a/1=2"));
        assert!(keep("filter=id=and(ge(50),le(100))"));
        assert!(!keep("filter=id=lt(50)"));
        assert!(keep("filter=/attributes/n=not(eq(1),eq(2))"));
        assert!(!keep("filter=/attributes/nope=1"));
        assert_eq!(
            p("filter=/attributes/user=maxuser").unwrap_err(),
            "Not a valid filter expression: maxuser"
        );
        assert!(p("filter=id=magic(\"x\")").is_err());
        assert!(p("filter=id=eq(1)x").is_err());
        assert!(p("filter=id=").is_err());
        let old = parse(Some("filter=/attributes/user=maxuser"), Version::V23_02).unwrap();
        assert!(old.filter.is_none());
    }
}
