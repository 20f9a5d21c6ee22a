//! Choosing sessions client-side, so it works with every MaxScale version: `--where`
//! conditions on column names (ANDed), `--sort` keys and `--limit`. Conditions are parsed once,
//! up front, into typed comparisons; an unknown column or a malformed condition is a usage error
//! that lists the valid columns.

use std::cmp::Ordering;

use regex_lite::Regex;

use crate::api::model::Session;
use crate::columns::{Column, Kind, Value};
use crate::error::Failure;
use crate::text::units;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Match,
    NoMatch,
}

#[derive(Debug, Clone)]
enum Operand {
    /// `conn_id=12345` or `conn_id=server1:12345`: a backend connection (`None`: `conn_id=`,
    /// no connection ids at all).
    Conn(Option<(Option<String>, u64)>),
    Num(f64),
    Text(String),
    Substring(String),
    Pattern(Regex),
}

/// One parsed `--where` condition.
#[derive(Debug, Clone)]
pub struct Condition {
    column: Column,
    op: Op,
    operand: Operand,
    /// The condition as written (trimmed), for the live view's header.
    text: String,
}

fn usage(text: &str, why: &str) -> Failure {
    Failure::usage(format!("--where '{text}': {why}"))
        .with_hint(format!("columns: {}", Column::names()))
}

impl Condition {
    pub fn parse(text: &str) -> Result<Condition, Failure> {
        let start = text.find(['=', '!', '<', '>', '~']).ok_or_else(|| {
            usage(
                text,
                "expected COLUMN OP VALUE, with OP one of = != < <= > >= ~ !~",
            )
        })?;
        let (name, rest) = text.split_at(start);
        let column = Column::parse(name)
            .ok_or_else(|| usage(text, &format!("unknown column '{}'", name.trim())))?;
        let (op, value) = [
            ("!=", Op::Ne),
            ("!~", Op::NoMatch),
            ("<=", Op::Le),
            (">=", Op::Ge),
            ("=", Op::Eq),
            ("<", Op::Lt),
            (">", Op::Gt),
            ("~", Op::Match),
        ]
        .into_iter()
        .find_map(|(sym, op)| rest.strip_prefix(sym).map(|v| (op, v.trim())))
        .ok_or_else(|| usage(text, "expected an operator: = != < <= > >= ~ !~"))?;
        let kind = column.kind();
        if column == Column::ConnIds && matches!(op, Op::Eq | Op::Ne) {
            return Ok(Condition {
                column,
                op,
                operand: Operand::Conn(conn_operand(text, value)?),
                text: text.trim().to_string(),
            });
        }
        if column == Column::ConnIds && !matches!(op, Op::Match | Op::NoMatch) {
            return Err(usage(
                text,
                "conn_id takes = != ~ !~ (conn_id=12345 or conn_id=server1:12345)",
            ));
        }
        let operand = match op {
            Op::Match | Op::NoMatch => {
                if let Some(pattern) = value.strip_prefix('/').and_then(|v| v.strip_suffix('/')) {
                    Operand::Pattern(
                        Regex::new(pattern)
                            .map_err(|e| usage(text, &format!("invalid pattern: {e}")))?,
                    )
                } else {
                    Operand::Substring(value.to_lowercase())
                }
            }
            _ => match kind {
                Kind::Text => Operand::Text(value.to_string()),
                Kind::Number => Operand::Num(
                    value
                        .parse()
                        .ok()
                        // NaN is neither equal nor unequal to anything: `id!=nan` would be false
                        .filter(|n: &f64| !n.is_nan())
                        .ok_or_else(|| usage(text, &format!("'{value}' is not a number")))?,
                ),
                Kind::Duration => Operand::Num(
                    units::parse_duration(value, 1.0)
                        .map_err(|e| usage(text, &e))?
                        .as_secs_f64(),
                ),
                #[allow(clippy::cast_precision_loss)]
                Kind::Size => {
                    Operand::Num(units::parse_size(value).map_err(|e| usage(text, &e))? as f64)
                }
                #[allow(clippy::cast_precision_loss)]
                Kind::Time => {
                    Operand::Num(crate::text::time::parse_utc_time(value).ok_or_else(|| {
                        usage(
                            text,
                            &format!(
                                "'{value}' is not a time (write 2024-01-05T07:24:06Z or 2024-01-05)"
                            ),
                        )
                    })? as f64)
                }
            },
        };
        Ok(Condition {
            column,
            op,
            operand,
            text: text.trim().to_string(),
        })
    }

    /// The condition as written.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The column it reads.
    #[must_use]
    pub fn column(&self) -> Column {
        self.column
    }

    /// Whether a session satisfies the condition.
    #[must_use]
    pub fn matches(&self, s: &Session, labels: &[String]) -> bool {
        if self.column == Column::ConnIds {
            // any of the session's backend connections
            let hit = match &self.operand {
                Operand::Conn(None) => s.conn_ids.is_empty(),
                Operand::Conn(Some((server, id))) => s
                    .conn_ids()
                    .any(|(sv, i)| i == *id && server.as_ref().is_none_or(|want| want == sv)),
                _ => s
                    .conn_ids()
                    .any(|c| self.positive_text(&crate::columns::conn_ids(std::iter::once(c), ""))),
            };
            return if matches!(self.op, Op::Ne | Op::NoMatch) {
                !hit
            } else {
                hit
            };
        }
        if self.column == Column::Host
            && matches!(self.op, Op::Eq | Op::Ne | Op::Match | Op::NoMatch)
        {
            // host matches the address or the resolved name (absent, it compares as empty)
            let candidates: Vec<&str> = [s.remote.as_deref(), s.remote_name.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            let hit = if candidates.is_empty() {
                self.positive_text("")
            } else {
                candidates.iter().any(|c| self.positive_text(c))
            };
            return if matches!(self.op, Op::Ne | Op::NoMatch) {
                !hit
            } else {
                hit
            };
        }
        match self.column.value(s, labels) {
            // an absent text value compares as the empty string: `user=` finds sessions without one
            Value::Missing if self.column.kind() == Kind::Text => self.test_text(""),
            Value::Missing => matches!(self.op, Op::Ne | Op::NoMatch),
            Value::Num(n) => match (&self.operand, self.op) {
                (Operand::Num(x), op) => compare(n.partial_cmp(x), op),
                (_, _) => self.test_text(&format!("{n}")),
            },
            Value::Text(t) => self.test_text(&t),
        }
    }

    fn positive_text(&self, t: &str) -> bool {
        match &self.operand {
            Operand::Conn(_) => false,
            Operand::Text(x) => t == x,
            Operand::Substring(x) => t.to_lowercase().contains(x.as_str()),
            Operand::Pattern(r) => r.is_match(t),
            Operand::Num(x) => t.parse::<f64>().is_ok_and(|n| n == *x),
        }
    }

    fn test_text(&self, t: &str) -> bool {
        match (self.op, &self.operand) {
            (Op::Match | Op::Eq, _) => self.positive_text(t),
            (Op::NoMatch | Op::Ne, _) => !self.positive_text(t),
            (op, Operand::Text(x)) => compare(Some(t.cmp(x.as_str())), op),
            (op, Operand::Num(x)) => t
                .parse::<f64>()
                .is_ok_and(|n| compare(n.partial_cmp(x), op)),
            _ => false,
        }
    }
}

/// The value of `conn_id=VALUE`: `12345`, `server1:12345`, or empty for sessions without
/// backend connection ids.
fn conn_operand(text: &str, value: &str) -> Result<Option<(Option<String>, u64)>, Failure> {
    if value.is_empty() {
        return Ok(None);
    }
    let (server, id) = match value.rsplit_once(':') {
        Some((server, id)) => (Some(server.trim().to_string()), id.trim()),
        None => (None, value),
    };
    let id = id.parse::<u64>().map_err(|_| {
        usage(
            text,
            &format!(
                "'{value}' is not a backend connection id (write conn_id=12345 or \
                 conn_id=server1:12345: the thread id MariaDB shows)"
            ),
        )
    })?;
    if server.as_deref() == Some("") {
        return Err(usage(
            text,
            "the server name before ':' is empty (write conn_id=server1:12345)",
        ));
    }
    Ok(Some((server, id)))
}

fn compare(ord: Option<Ordering>, op: Op) -> bool {
    let Some(o) = ord else { return false };
    match op {
        Op::Eq | Op::Match => o == Ordering::Equal,
        Op::Ne | Op::NoMatch => o != Ordering::Equal,
        Op::Lt => o == Ordering::Less,
        Op::Le => o != Ordering::Greater,
        Op::Gt => o == Ordering::Greater,
        Op::Ge => o != Ordering::Less,
    }
}

pub use crate::columns::no_empty_items;

/// A `--sort` key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortKey {
    pub column: Column,
    pub descending: bool,
}

impl SortKey {
    pub fn parse(text: &str) -> Result<SortKey, Failure> {
        let t = text.trim();
        let (descending, name) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let column = Column::parse(name).ok_or_else(|| {
            Failure::usage(format!("--sort: unknown column '{name}'"))
                .with_hint(format!("columns: {}", Column::names()))
        })?;
        Ok(SortKey { column, descending })
    }
}

/// How two values of a column compare in `--sort`: numbers before text, absent values last.
#[must_use]
pub fn cmp_values(a: &Value<'_>, b: &Value<'_>) -> Ordering {
    match (a, b) {
        (Value::Missing, Value::Missing) => Ordering::Equal,
        (Value::Missing, _) => Ordering::Greater,
        (_, Value::Missing) => Ordering::Less,
        (Value::Num(x), Value::Num(y)) => x.total_cmp(y),
        (Value::Num(_), Value::Text(_)) => Ordering::Less,
        (Value::Text(_), Value::Num(_)) => Ordering::Greater,
        (Value::Text(x), Value::Text(y)) => x.cmp(y),
    }
}

/// The order every list ends in, after its sort keys: numeric id ([`Session::id_number`]),
/// then the id as text, then the host (its index in `--hosts`), then the position in what was
/// fetched. `a` and `b` are (numeric id, position); `id` gives the id's text and the host of a
/// position, read only when the numbers tie.
pub fn by_id<'a>(
    a: (u64, usize),
    b: (u64, usize),
    id: impl Fn(usize) -> (&'a [u8], usize),
) -> Ordering {
    a.0.cmp(&b.0)
        .then_with(|| {
            let ((ta, ha), (tb, hb)) = (id(a.1), id(b.1));
            ta.cmp(tb).then(ha.cmp(&hb))
        })
        .then(a.1.cmp(&b.1))
}

/// Reorders `items` in place so that position `k` holds what was at `order[k]`, following
/// each cycle of the permutation with swaps (no second copy of the items).
fn apply_permutation<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        if order[start] == usize::MAX {
            continue;
        }
        let mut k = start;
        loop {
            let src = order[k];
            order[k] = usize::MAX;
            if src == start {
                break;
            }
            items.swap(k, src);
            k = src;
        }
    }
}

/// An order of items, for a list whose default order is its own.
pub type Order<T> = dyn Fn(&T, &T) -> Ordering;

/// The whole selection.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub conditions: Vec<Condition>,
    pub sort: Vec<SortKey>,
    pub limit: Option<usize>,
}

impl Selection {
    /// The selection of `--where` conditions, `--sort` keys and `--limit`.
    pub fn parse(
        conditions: &[String],
        sort: &[String],
        limit: Option<usize>,
    ) -> Result<Selection, Failure> {
        no_empty_items("--sort", sort)?;
        Ok(Selection {
            conditions: conditions
                .iter()
                .map(|c| Condition::parse(c))
                .collect::<Result<_, _>>()?,
            sort: sort
                .iter()
                .map(|s| SortKey::parse(s))
                .collect::<Result<_, _>>()?,
            limit,
        })
    }

    /// Whether a condition or sort key reads this column.
    #[must_use]
    pub fn uses(&self, column: Column) -> bool {
        self.conditions.iter().any(|c| c.column == column)
            || self.sort.iter().any(|k| k.column == column)
    }

    /// Whether a condition or sort key reads `queries` ([`Column::needs_queries`]).
    #[must_use]
    pub fn needs_queries(&self) -> bool {
        Column::ALL
            .iter()
            .any(|c| c.needs_queries() && self.uses(*c))
    }

    /// Whether nothing is filtered, re-sorted or limited.
    #[must_use]
    pub fn is_identity(&self) -> bool {
        self.conditions.is_empty() && self.sort.is_empty() && self.limit.is_none()
    }

    #[must_use]
    pub fn keep(&self, s: &Session, labels: &[String]) -> bool {
        self.conditions.iter().all(|c| c.matches(s, labels))
    }

    /// Keeps the items whose session matches every condition.
    pub fn retain<T>(&self, items: &mut Vec<T>, labels: &[String], get: impl Fn(&T) -> &Session) {
        items.retain(|t| self.keep(get(t), labels));
    }

    /// Orders the items by the sort keys (with none, by `default` when one is given, else in
    /// the order every list ends in) and keeps the first `--limit`.
    pub fn arrange<T>(
        &self,
        items: &mut Vec<T>,
        labels: &[String],
        get: impl Fn(&T) -> &Session,
        default: Option<&Order<T>>,
    ) {
        match default {
            Some(cmp) if self.sort.is_empty() => items.sort_by(cmp),
            _ => self.order_by(items, labels, get),
        }
        if let Some(n) = self.limit {
            items.truncate(n);
        }
    }

    /// The whole selection: [`Selection::retain`], then [`Selection::arrange`] in the order
    /// every list ends in. Every list applies it here (`list`, `summary`, the actions, the live
    /// view); `queries` keeps and arranges on either side of its own checks.
    pub fn apply<T>(&self, items: &mut Vec<T>, labels: &[String], get: impl Fn(&T) -> &Session) {
        self.retain(items, labels, &get);
        self.arrange(items, labels, get, None);
    }

    /// Orders sessions by the sort keys, then by numeric id and host.
    pub fn order(&self, items: &mut [Session], labels: &[String]) {
        self.order_by(items, labels, |s| s);
    }

    /// [`Selection::order`] for items that carry a session. Sorts a permutation, not the
    /// items: a session is a few hundred bytes, and moving 100,000 of them around costs more
    /// than comparing them.
    pub fn order_by<T>(&self, items: &mut [T], labels: &[String], get: impl Fn(&T) -> &Session) {
        // Every key is computed once per item (a timestamp parsed once, not at each of the
        // n log n comparisons), and the numeric id, the final tie-break, travels with the
        // index: a sort by id alone compares what is in the array, never the items.
        let order = {
            let width = self.sort.len();
            let keys: Vec<Value<'_>> = items
                .iter()
                .flat_map(|t| self.sort.iter().map(|k| k.column.value(get(t), labels)))
                .collect();
            let mut order: Vec<(u64, usize)> = items
                .iter()
                .enumerate()
                .map(|(k, t)| (get(t).id_number(), k))
                .collect();
            // unstable, but never tied: the last key is the position in the input
            order.sort_unstable_by(|&(na, ia), &(nb, ib)| {
                for (k, key) in self.sort.iter().enumerate() {
                    let (va, vb) = (&keys[ia * width + k], &keys[ib * width + k]);
                    let o = cmp_values(va, vb);
                    // absent values sort last in either direction
                    let absent = matches!(va, Value::Missing) || matches!(vb, Value::Missing);
                    let o = if key.descending && !absent {
                        o.reverse()
                    } else {
                        o
                    };
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                by_id((na, ia), (nb, ib), |k| {
                    let s = get(&items[k]);
                    (s.id.as_bytes(), s.endpoint)
                })
            });
            order
        };
        // already in order: nothing to move
        if order.iter().enumerate().any(|(k, &(_, from))| k != from) {
            apply_permutation(items, order.into_iter().map(|(_, from)| from).collect());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str, user: Option<&str>, idle: Option<f64>, memory: u64) -> Session {
        Session {
            id: id.into(),
            user: user.map(Into::into),
            idle,
            memory: Some(memory),
            remote: Some("192.0.2.1".into()),
            remote_name: Some("db1.example".into()),
            services: vec!["RW-Split-Router".into()],
            connected: Some("Fri, 05 Jan 2024 07:24:06 GMT".into()),
            ..Session::default()
        }
    }

    fn keep(cond: &str, session: &Session) -> bool {
        Condition::parse(cond)
            .unwrap()
            .matches(session, &["mx".into()])
    }

    #[test]
    fn conditions_on_every_column_type() {
        let a = s("7", Some("maxuser"), Some(700.0), 2 << 20);
        assert!(keep("user=maxuser", &a));
        assert!(!keep("user=max", &a));
        assert!(keep("user~MAX", &a));
        assert!(keep("user~/^max.*r$/", &a));
        assert!(keep("user!=bob", &a));
        assert!(keep("idle>600", &a));
        assert!(keep("idle>10m", &a));
        assert!(!keep("idle>=1h", &a));
        assert!(keep("memory>=1MiB", &a));
        assert!(!keep("memory<1MiB", &a));
        assert!(keep("id=7", &a));
        assert!(keep("id>=5", &a));
        assert!(keep("service~RW", &a));
        assert!(keep("host=192.0.2.1", &a));
        assert!(keep("host=db1.example", &a));
        assert!(!keep("host!=db1.example", &a));
        assert!(keep("connected<2024-02-01", &a));
        assert!(keep("connected>=2024-01-05T07:24:06Z", &a));
        assert!(keep("maxscale=mx", &a));
        let mut b = s("8", None, None, 0);
        b.remote = None;
        b.remote_name = None;
        assert!(keep("host=", &b));
        assert!(!keep("host!=", &b));
        assert!(!keep("user=maxuser", &b));
        assert!(keep("user!=maxuser", &b));
        assert!(keep("user=", &b));
        assert!(!keep("user!=", &b));
        assert!(keep("user!=", &a));
        assert!(!keep("idle>0", &b));
    }

    #[test]
    fn conn_id_matches_any_backend_connection() {
        let mut a = s("7", Some("maxuser"), Some(1.0), 1);
        a.backends = vec!["server1".into(), "server2".into()];
        a.conn_ids = vec![(Some(0), 12345), (Some(1), 77)];
        assert!(keep("conn_id=12345", &a));
        assert!(keep("conn_id=77", &a));
        assert!(keep("conn_id=server1:12345", &a));
        assert!(keep("conn_id = server2:77", &a));
        assert!(!keep("conn_id=server2:12345", &a));
        assert!(!keep("conn_id=1234", &a));
        assert!(keep("conn_id!=1234", &a));
        assert!(!keep("conn_id!=77", &a));
        assert!(keep("conn_ids~server2:7", &a));
        assert!(!keep("conn_id=", &a));
        let none = s("8", None, None, 0);
        assert!(keep("conn_id=", &none));
        assert!(!keep("conn_id=12345", &none));
        assert!(keep("conn_id!=12345", &none));
        for (bad, why) in [
            ("conn_id=abc", "not a backend connection id"),
            ("conn_id=server1:", "not a backend connection id"),
            ("conn_id=:5", "server name before ':' is empty"),
            ("conn_id>5", "conn_id takes = != ~ !~"),
        ] {
            let e = Condition::parse(bad).unwrap_err();
            assert!(e.message.contains(why), "{bad}: {}", e.message);
        }
    }

    #[test]
    fn bad_conditions_are_usage_errors_listing_columns() {
        for (bad, why) in [
            ("nope=1", "unknown column 'nope'"),
            ("user", "expected COLUMN OP VALUE"),
            ("idle>abc", "not a valid duration"),
            ("memory>lots", "not a valid size"),
            ("id>x", "not a number"),
            ("user~/(/", "invalid pattern"),
            ("connected>yesterday", "not a time"),
            ("connected<99999999999999-01-01", "not a time"),
            ("id!=nan", "not a number"),
            ("port=NaN", "not a number"),
        ] {
            let e = Condition::parse(bad).unwrap_err();
            assert_eq!(e.kind(), crate::error::ExitKind::Usage);
            assert!(e.message.contains(why), "{bad}: {}", e.message);
            assert!(
                e.hint.as_deref().unwrap_or("").contains("user, host"),
                "{bad}"
            );
        }
        assert!(SortKey::parse("-bogus").is_err());
    }

    #[test]
    fn permutations_apply_in_place() {
        let mut v = vec!['a', 'b', 'c', 'd', 'e'];
        apply_permutation(&mut v, vec![3, 0, 4, 1, 2]);
        assert_eq!(v, ['d', 'a', 'e', 'b', 'c']);
        let mut v = vec![1, 2, 3];
        apply_permutation(&mut v, vec![0, 1, 2]);
        assert_eq!(v, [1, 2, 3]);
    }

    #[test]
    fn sorting_by_keys_then_id() {
        let mut v = vec![
            s("10", Some("b"), Some(1.0), 5),
            s("2", Some("a"), Some(9.0), 5),
            s("3", None, Some(5.0), 7),
        ];
        let labels = ["mx".to_string()];
        Selection::default().order(&mut v, &labels);
        assert_eq!(
            v.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["2", "3", "10"]
        );
        let sel = Selection {
            sort: vec![
                SortKey::parse("-memory").unwrap(),
                SortKey::parse("idle").unwrap(),
            ],
            ..Default::default()
        };
        sel.order(&mut v, &labels);
        assert_eq!(
            v.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["3", "10", "2"]
        );
        let sel = Selection {
            sort: vec![SortKey::parse("user").unwrap()],
            ..Default::default()
        };
        sel.order(&mut v, &labels);
        // missing values sort last
        assert_eq!(
            v.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["2", "10", "3"]
        );
        let sel = Selection {
            sort: vec![SortKey::parse("-user").unwrap()],
            ..Default::default()
        };
        sel.order(&mut v, &labels);
        // descending too
        assert_eq!(
            v.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["10", "2", "3"]
        );
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// Condition-shaped text: a column (or not), an operator, a value of every kind.
    fn conditionish() -> impl Strategy<Value = String> {
        let column = prop::sample::select(
            Column::ALL
                .iter()
                .map(|c| c.name().to_string())
                .chain(["nope".into(), String::new()])
                .collect::<Vec<_>>(),
        );
        let op = prop::sample::select(vec!["=", "!=", "<", "<=", ">", ">=", "~", "!~", "!", "=="]);
        let value = prop_oneof![
            "[0-9.]{0,20}(ms|s|m|h|d|KiB|MiB|GB|x|)",
            "-?[0-9]{1,15}-[0-9]{1,3}-[0-9]{1,3}([T ][0-9]{1,3}(:[0-9]{0,3}){0,3}Z?)?",
            "/[a-z.*+?()\\[\\]{}|^$\\\\]{0,8}/?",
            "(nan|inf|-inf|1e400|)",
            any::<String>(),
        ];
        (column, op, value).prop_map(|(c, o, v)| format!("{c}{o}{v}"))
    }

    fn session() -> Session {
        Session {
            id: "7".into(),
            user: Some("maxuser".into()),
            remote: Some("192.0.2.1".into()),
            connected: Some("Fri, 05 Jan 2024 07:24:06 GMT".into()),
            idle: Some(700.0),
            memory: Some(1 << 20),
            ..Session::default()
        }
    }

    proptest! {
        #[test]
        fn no_string_makes_the_parsers_panic(s in any::<String>(), c in conditionish()) {
            let labels = ["mx".to_string()];
            for t in [&s, &c] {
                if let Ok(cond) = Condition::parse(t) {
                    let _ = cond.matches(&session(), &labels);
                    let _ = cond.matches(&Session::default(), &labels);
                }
                let _ = SortKey::parse(t);
            }
        }

        /// `=` and `!=` (and `~` and `!~`) are complements on every session.
        #[test]
        fn negated_conditions_are_complements(c in conditionish()) {
            let labels = ["mx".to_string()];
            let Some(at) = c.find(['=', '!', '<', '>', '~']) else { return Ok(()) };
            let (name, rest) = c.split_at(at);
            let negated = if let Some(v) = rest.strip_prefix("!=") {
                format!("{name}={v}")
            } else if let Some(v) = rest.strip_prefix('=') {
                format!("{name}!={v}")
            } else if let Some(v) = rest.strip_prefix("!~") {
                format!("{name}~{v}")
            } else if let Some(v) = rest.strip_prefix('~') {
                format!("{name}!~{v}")
            } else {
                return Ok(());
            };
            if let (Ok(a), Ok(b)) = (Condition::parse(&c), Condition::parse(&negated)) {
                for s in [session(), Session::default()] {
                    prop_assert_ne!(a.matches(&s, &labels), b.matches(&s, &labels), "{} / {}", c, negated);
                }
            }
        }
    }
}
