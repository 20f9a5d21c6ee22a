//! Places inside one JSON value: the error type that the walker, the session model and the JSON
//! copier report, with a 1-based line and column relative to the value. The scanner turns these
//! into places in the whole body. Depends on nothing else in the crate.

use std::fmt;

/// A problem at a place inside the walked value (1-based line and column, relative to it).
#[derive(Debug)]
pub struct ElementError {
    pub line: u64,
    pub column: u64,
    /// The value is not valid JSON (as opposed to JSON of an unexpected shape).
    pub syntax: bool,
    pub message: String,
}

impl fmt::Display for ElementError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for ElementError {}

/// The error for `doc[offset]`.
pub fn error_at(
    doc: &[u8],
    offset: usize,
    syntax: bool,
    message: impl Into<String>,
) -> ElementError {
    let before = &doc[..offset.min(doc.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let column = match memchr::memrchr(b'\n', before) {
        Some(nl) => offset - nl,
        None => offset + 1,
    } as u64;
    ElementError {
        line,
        column,
        syntax,
        message: message.into(),
    }
}
