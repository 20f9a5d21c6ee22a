//! Query parameters: `pretty`, `rdns`, sparse fieldsets, row filters and pagination.

use crate::config::Version;
use crate::json::{Emitter, Style};
use crate::util::percent_decode;
use serde_json::{Map, Value};

pub use crate::filter::RowFilter;
use crate::filter::parse_filter;

/// Parsed query options of one request.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryOptions {
    /// Output layout.
    pub style: Style,
    /// Reverse-DNS the `remote` attribute.
    pub rdns: bool,
    /// `fields[sessions]` paths.
    pub fields: Option<Vec<Vec<String>>>,
    /// `filter=PTR=EXPR`.
    pub filter: Option<RowFilter>,
    /// `(page[size], page[number])`.
    pub page: Option<(usize, usize)>,
}

impl QueryOptions {
    /// True when only `pretty`/`rdns` are in effect (the cached fast path applies).
    pub fn is_plain(&self) -> bool {
        self.fields.is_none() && self.filter.is_none() && self.page.is_none()
    }
}

fn truthy(v: &str) -> bool {
    matches!(v.to_ascii_lowercase().as_str(), "true" | "on" | "yes" | "1")
}

fn falsy(v: &str) -> bool {
    matches!(
        v.to_ascii_lowercase().as_str(),
        "false" | "off" | "no" | "0"
    )
}

/// C `strtol` on a decimal string: leading spaces, sign, digits, trailing garbage ignored.
fn strtol(s: &str) -> Option<i64> {
    let s = s.trim_start();
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let v: i64 = digits.parse().unwrap_or(i64::MAX);
    Some(if neg { -v } else { v })
}

/// Split and percent-decode a query string into (key, value) pairs.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(p), String::new()),
        })
        .collect()
}

/// The output style a query asks for.
pub fn style_of(query: Option<&str>, version: Version) -> Style {
    let pairs = pairs(query.unwrap_or(""));
    let pretty = pairs
        .iter()
        .find(|(k, _)| k == "pretty")
        .map(|(_, v)| v.as_str());
    match pretty {
        None => Style::Pretty,
        Some(v) if version <= Version::V2_5 => {
            if v.is_empty() || v == "true" {
                Style::Pretty
            } else {
                Style::Legacy
            }
        }
        Some(v) if falsy(v) => Style::Compact,
        Some(_) => Style::Pretty,
    }
}

/// Parse the query of a single-resource request (row filters do not apply there).
pub fn parse_single(query: Option<&str>, version: Version) -> QueryOptions {
    let q: Vec<&str> = query
        .unwrap_or("")
        .split('&')
        .filter(|p| percent_decode(p.split('=').next().unwrap_or("")) != "filter")
        .collect();
    let mut opts = parse(Some(&q.join("&")), version).unwrap_or(QueryOptions {
        style: Style::Pretty,
        rdns: false,
        fields: None,
        filter: None,
        page: None,
    });
    opts.filter = None;
    opts.page = None;
    opts
}

/// Parse the query of a request; `Err(detail)` is a 400.
pub fn parse(query: Option<&str>, version: Version) -> Result<QueryOptions, String> {
    let style = style_of(query, version);
    let pairs = pairs(query.unwrap_or(""));
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let rdns = match get("rdns") {
        None => false,
        Some(v) if version >= Version::V23_02 => truthy(v),
        Some(v) => v == "true",
    };
    let fields = match get("fields[sessions]") {
        Some(v) if !v.is_empty() && version >= Version::V2_5 => Some(
            v.split(',')
                .map(|f| f.split('/').map(str::to_string).collect())
                .collect(),
        ),
        _ => None,
    };
    let filter = match get("filter") {
        Some(v) if version >= Version::V2_5 => parse_filter(v, version)?,
        _ => None,
    };
    let page = match get("page[size]").and_then(strtol) {
        Some(size) if size > 0 && version >= Version::V6_4 => {
            match get("page[number]").map_or(Some(0), strtol) {
                Some(n) if n >= 0 => Some((size as usize, n as usize)),
                _ => None,
            }
        }
        _ => None,
    };
    Ok(QueryOptions {
        style,
        rdns,
        fields,
        filter,
        page,
    })
}

fn select(src: &Map<String, Value>, paths: &[&[String]]) -> Map<String, Value> {
    let mut out = Map::new();
    for (k, v) in src {
        let subs: Vec<&[String]> = paths
            .iter()
            .filter(|p| p.first() == Some(k))
            .map(|p| &p[1..])
            .collect();
        if subs.is_empty() {
            continue;
        }
        match v {
            Value::Object(m) if subs.iter().all(|s| !s.is_empty()) => {
                let sub = select(m, &subs);
                if !sub.is_empty() {
                    out.insert(k.clone(), Value::Object(sub));
                }
            }
            _ => {
                out.insert(k.clone(), v.clone());
            }
        }
    }
    out
}

/// Apply a sparse fieldset to one resource.
pub fn apply_fields(row: &mut Value, fields: &[Vec<String>]) {
    let paths: Vec<&[String]> = fields.iter().map(Vec::as_slice).collect();
    let Some(obj) = row.as_object_mut() else {
        return;
    };
    for part in ["attributes", "relationships"] {
        let selected = match obj.get(part) {
            Some(Value::Object(m)) => select(m, &paths),
            _ => continue,
        };
        if selected.is_empty() {
            obj.remove(part);
        } else {
            obj.insert(part.to_string(), Value::Object(selected));
        }
    }
}

/// Render a filtered, paginated, sparse collection, one row at a time (links already resolved).
pub fn render_collection(
    rows: &mut dyn Iterator<Item = Value>,
    self_link: &str,
    opts: &QueryOptions,
    transform: &dyn Fn(&mut Value),
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut e = Emitter::new(&mut out, opts.style, "");
    let prepare = |mut row: Value| {
        if let Some(f) = &opts.fields {
            apply_fields(&mut row, f);
        }
        transform(&mut row);
        row
    };
    let mut rows = rows.filter(|r| opts.filter.as_ref().is_none_or(|f| f.keep(r)));
    e.begin_object();
    e.key("data");
    e.begin_array();
    let Some((size, number)) = opts.page else {
        for row in rows {
            e.value(&prepare(row));
        }
        e.end_array();
        e.key("links");
        e.begin_object();
        e.key("self");
        e.string(self_link);
        e.end_object();
        e.end_object();
        return out;
    };
    let start = number.saturating_mul(size);
    let end = start.saturating_add(size);
    let (mut window, mut head, mut total) = (Vec::new(), Vec::new(), 0usize);
    for row in rows.by_ref() {
        let idx = total;
        total += 1;
        if (start..end).contains(&idx) {
            window.push(prepare(row));
        } else if number > 0 && idx < size {
            head.push(prepare(row));
        }
    }
    let data = if total <= size && number > 0 {
        head
    } else {
        window
    };
    for row in &data {
        e.value(row);
    }
    e.end_array();
    let base = format!("{self_link}?page%5Bsize%5D={size}&page%5Bnumber%5D=");
    let last = (total as i64 + size as i64 - 1) / size as i64 - 1;
    e.key("links");
    e.begin_object();
    e.key("first");
    e.string(&format!("{base}0"));
    e.key("last");
    e.string(&format!("{base}{last}"));
    if (number + 1).saturating_mul(size) < total {
        e.key("next");
        e.string(&format!("{base}{}", number + 1));
    }
    if number > 0 && start < total {
        e.key("prev");
        e.string(&format!("{base}{}", number - 1));
    }
    e.key("self");
    e.string(&format!("{base}{number}"));
    e.end_object();
    e.key("meta");
    e.begin_object();
    e.key("total");
    e.raw(total.to_string().as_bytes());
    e.end_object();
    e.end_object();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn p(q: &str) -> Result<QueryOptions, String> {
        parse(Some(q), Version::V24_02)
    }

    #[test]
    fn options() {
        assert_eq!(p("pretty=OFF").unwrap().style, Style::Compact);
        assert_eq!(p("pretty=yes").unwrap().style, Style::Pretty);
        assert_eq!(
            parse(Some("pretty=false"), Version::V2_5).unwrap().style,
            Style::Legacy
        );
        assert!(p("rdns=YES").unwrap().rdns);
        assert!(!parse(Some("rdns=yes"), Version::V22_08).unwrap().rdns);
        assert_eq!(p("page%5Bsize%5D=2").unwrap().page, Some((2, 0)));
        assert_eq!(p("page[size]=0").unwrap().page, None);
        assert_eq!(p("page[size]=2&page[number]=-1").unwrap().page, None);
        assert_eq!(
            p("fields[sessions]=user,client/cipher").unwrap().fields,
            Some(vec![
                vec!["user".into()],
                vec!["client".into(), "cipher".into()]
            ])
        );
    }

    #[test]
    fn fields() {
        let mut row = json!({"id": "1", "type": "sessions", "links": {},
            "attributes": {"user": "u", "client": {"cipher": "", "x": 1}, "log": []},
            "relationships": {"services": {}}});
        apply_fields(
            &mut row,
            &[
                vec!["client".into(), "cipher".into()],
                vec!["log".into(), "x".into()],
            ],
        );
        assert_eq!(
            row["attributes"],
            json!({"client": {"cipher": ""}, "log": []})
        );
        assert!(row.get("relationships").is_none());
        let mut row2 =
            json!({"attributes": {"user": "u"}, "relationships": {"services": {"a": 1}}});
        apply_fields(&mut row2, &[vec!["services".into()]]);
        assert!(row2.get("attributes").is_none());
        assert_eq!(row2["relationships"], json!({"services": {"a": 1}}));
    }

    #[test]
    fn pagination_links() {
        let rows: Vec<Value> = (1..=5).map(|i| json!({"id": i.to_string()})).collect();
        let opts = p("page[size]=2&page[number]=2").unwrap();
        let out = render_collection(&mut rows.clone().into_iter(), "S/", &opts, &|_| {});
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["data"], json!([{"id": "5"}]));
        assert_eq!(v["meta"]["total"], 5);
        assert_eq!(v["links"]["last"], "S/?page%5Bsize%5D=2&page%5Bnumber%5D=2");
        assert!(v["links"].get("next").is_none());
        assert_eq!(v["links"]["prev"], "S/?page%5Bsize%5D=2&page%5Bnumber%5D=1");
        let opts = p("page[size]=10&page[number]=3").unwrap();
        let out = render_collection(&mut rows.into_iter(), "S/", &opts, &|_| {});
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["data"].as_array().unwrap().len(), 5);
        assert_eq!(v["links"]["first"], v["links"]["last"]);
    }
}
