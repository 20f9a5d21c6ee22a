//! `--where` conditions: [`Condition::parse`] and [`Condition::matches`].
//!
//! - a refused condition is a usage error that names it and lists the columns, safe to print;
//! - an accepted one is evaluated against sessions covering every column's shapes;
//! - `=` and `!=`, and `~` and `!~`, with the same column and value, are exact complements:
//!   every session matches exactly one of the two.

use mxs::select::Condition;

use super::common::{check_failure, labels, sessions, text};

pub fn check(data: &[u8]) {
    let Some(t) = text(data) else { return };
    match Condition::parse(t) {
        Ok(c) => {
            let (sessions, labels) = (sessions(), labels());
            let hits: Vec<bool> = sessions.iter().map(|s| c.matches(s, &labels)).collect();
            if let Some(negated) = negate(t) {
                let n = Condition::parse(&negated)
                    .unwrap_or_else(|e| panic!("{t:?} parses but {negated:?} does not: {e}"));
                for (s, hit) in sessions.iter().zip(hits) {
                    assert_ne!(
                        n.matches(s, &labels),
                        hit,
                        "{t:?} and {negated:?} agree on session {s:?}"
                    );
                }
            }
        }
        Err(f) => {
            assert!(f.message.starts_with("--where '"), "{}", f.message);
            assert!(
                f.hint
                    .as_deref()
                    .is_some_and(|h| h.starts_with("columns: ")),
                "no list of columns: {f:?}"
            );
            check_failure(&f);
        }
    }
}

/// The same condition with `=`/`!=` or `~`/`!~` swapped, found where `Condition::parse` looks
/// for the operator (the first of `= ! < > ~`).
#[must_use]
pub fn negate(t: &str) -> Option<String> {
    let at = t.find(['=', '!', '<', '>', '~'])?;
    let (name, rest) = t.split_at(at);
    let swapped = if let Some(v) = rest.strip_prefix("!=") {
        format!("={v}")
    } else if let Some(v) = rest.strip_prefix("!~") {
        format!("~{v}")
    } else if let Some(v) = rest.strip_prefix('=') {
        format!("!={v}")
    } else if let Some(v) = rest.strip_prefix('~') {
        format!("!~{v}")
    } else {
        return None;
    };
    Some(format!("{name}{swapped}"))
}
