//! The plan: one value per command with everything resolved (format, columns, selection,
//! reverse DNS, interval, group keys, ids), built by `settings` from the parsed command line,
//! the environment and the config file. Commands receive a plan and nothing of clap; every usage
//! error has been raised by the time one exists, before the first request.

use std::path::PathBuf;
use std::time::Duration;

use crate::columns::Column;
use crate::output::Format;
use crate::select::Selection;
use crate::summary::GroupBy;

/// Where reverse DNS is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdnsMode {
    /// On this machine, in parallel, with deadlines.
    Client,
    /// By MaxScale (`rdns=true`).
    Server,
}

/// Reverse-DNS settings of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RdnsSettings {
    pub mode: Option<RdnsMode>,
    pub per_lookup: Duration,
    pub deadline: Duration,
    pub concurrency: usize,
    /// The cache file, unless disabled or no cache directory is known.
    pub cache_file: Option<PathBuf>,
    /// A test-only fake resolver spec from `MXS_TEST_RESOLVER` (benchmarks use it).
    pub fake: Option<String>,
}

impl RdnsSettings {
    /// Client-side reverse DNS is asked for.
    #[must_use]
    pub fn client(&self) -> bool {
        self.mode == Some(RdnsMode::Client)
    }

    /// The list path, with `rdns=true` when the server is to resolve.
    #[must_use]
    pub fn list_path(&self) -> &'static str {
        if self.mode == Some(RdnsMode::Server) {
            "v1/sessions?rdns=true"
        } else {
            "v1/sessions"
        }
    }

    /// The query string of a single-session GET.
    #[must_use]
    pub fn show_query(&self) -> &'static str {
        if self.mode == Some(RdnsMode::Server) {
            "?rdns=true"
        } else {
            ""
        }
    }
}

/// `sessions list`.
#[derive(Debug)]
pub struct List {
    pub selection: Selection,
    pub rdns: RdnsSettings,
    pub columns: Vec<Column>,
}

/// `sessions show`.
#[derive(Debug)]
pub struct Show {
    /// The ids as given (trimmed, non-empty).
    pub ids: Vec<String>,
    pub rdns: RdnsSettings,
}

/// `sessions summary`.
#[derive(Debug)]
pub struct Summary {
    pub by: Vec<GroupBy>,
    pub selection: Selection,
    pub rdns: RdnsSettings,
}

/// `sessions watch` and `list --watch`.
#[derive(Debug)]
pub struct Watch {
    pub list: List,
    pub interval: Duration,
    /// Stop after this many refreshes.
    pub count: Option<u64>,
    /// Draw the live view (stdout is a terminal and the format is a table), else snapshots.
    pub live: bool,
    /// The snapshots' format on a pipe: the one asked for, TSV when none was.
    pub format: Format,
}

/// One command, resolved.
#[derive(Debug)]
pub enum Plan {
    List(List),
    Show(Show),
    Summary(Summary),
    Watch(Watch),
}
