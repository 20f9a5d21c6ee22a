//! The base layer every other module may use: the sanitizer that makes any string safe for a
//! terminal, the timestamp type, and durations and sizes (parsing and human formatting). It
//! depends on nothing else in the crate.

pub mod sanitize;
pub mod time;
pub mod units;

/// `word` with its first letter in upper case: `kill` → `Kill`.
#[must_use]
pub fn capitalized(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
