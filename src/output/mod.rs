//! Rendering: tables for people, TSV and JSON for scripts. Renderers own every byte written to
//! stdout: commands fetch and select, then hand a view to one entry point per command
//! ([`list`], [`log`], [`queries`], [`show`], [`summary`], [`watch`], [`actions`]), which writes it in the chosen
//! [`Format`]; with `--jq`, [`jq::Sink`] filters the JSON they write. Renderers never fetch, and every server-supplied string they print passes
//! through `text::sanitize`.

pub mod actions;
pub mod jq;
pub mod json;
pub mod list;
pub mod locks;
pub mod log;
pub mod parallel;
pub mod queries;
pub mod show;
pub mod style;
pub mod summary;
pub mod table;
pub mod tsv;
pub mod watch;

pub use crate::choice::Format;
use crate::output::style::Palette;

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
