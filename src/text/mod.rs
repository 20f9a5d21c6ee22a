//! The base layer every other module may use: the sanitizer that makes any string safe for a
//! terminal, the timestamp type, and durations and sizes (parsing and human formatting). It
//! depends on nothing else in the crate.

pub mod sanitize;
pub mod time;
pub mod units;
