//! Rendering: tables for people, TSV and JSON for scripts. Renderers own every byte written to
//! stdout: commands fetch and select, then hand a view to one entry point per command
//! ([`list`], [`queries`], [`show`], [`summary`], [`watch`]), which writes it in the chosen
//! [`Format`]. Renderers never fetch, and every server-supplied string they print passes
//! through `text::sanitize`.

pub mod actions;
pub mod json;
pub mod list;
pub mod parallel;
pub mod queries;
pub mod show;
pub mod style;
pub mod summary;
pub mod table;
pub mod tsv;
pub mod watch;

use crate::output::style::Palette;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned, colored table for people.
    Table,
    /// The server's JSON:API document, lossless, with mxs's additions under `meta`.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Tab-separated values, escaped.
    Tsv,
    /// Session ids, one per line (`ID@HOST` with several hosts): what the actions read.
    Ids,
}

impl Format {
    /// Every format by name: the one list that parsing and messages use.
    pub const ALL: [(&'static str, Format); 5] = [
        ("table", Format::Table),
        ("json", Format::Json),
        ("jsonl", Format::Jsonl),
        ("tsv", Format::Tsv),
        ("ids", Format::Ids),
    ];

    #[must_use]
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("", |(n, _)| n)
    }

    /// The format named `name` (case-insensitive).
    #[must_use]
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name.trim()))
            .map(|(_, f)| *f)
    }

    /// JSON or JSON Lines.
    #[must_use]
    pub fn is_json(self) -> bool {
        matches!(self, Format::Json | Format::Jsonl)
    }
}

/// How to render: resolved once from the command line, environment and terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    /// A header row in TSV output.
    pub header: bool,
    /// Colors for tables (never for JSON or TSV).
    pub palette: Palette,
    /// The width tables must fit.
    pub width: usize,
    /// Pretty JSON (stdout is a terminal) or compact.
    pub pretty_json: bool,
}
