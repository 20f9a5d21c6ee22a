//! The closed choices that several layers name: the output format, when to color, where
//! reverse DNS is done. Each is defined once, here in the base layer, so that `cli` can give it
//! its flag values and help, `settings` can read it from the config file, and `output`,
//! `settings` and `plan` (which re-export them) act on it, with no twin to convert between.

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

/// When to color the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    /// The choice named `name` (case-insensitive), as the config file's `color` gives it.
    #[must_use]
    pub fn parse(name: &str) -> Option<ColorWhen> {
        match name.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(ColorWhen::Auto),
            "always" => Some(ColorWhen::Always),
            "never" => Some(ColorWhen::Never),
            _ => None,
        }
    }
}

/// Where reverse DNS is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdnsMode {
    /// On this machine, in parallel, with deadlines.
    Client,
    /// By MaxScale (`rdns=true`).
    Server,
}
