//! The plan: one value per command with everything resolved (format, columns, selection,
//! reverse DNS, interval, group keys, ids), built by `settings` from the parsed command line,
//! the environment and the config file. Commands receive a plan and nothing of clap; every usage
//! error has been raised by the time one exists, before the first request.

use std::path::PathBuf;
use std::time::Duration;

use crate::columns::Column;
use crate::error::Failure;
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

/// A session named on the command line or on standard input: its id and, when given as
/// `ID@HOST`, the index of its endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdRef {
    pub id: String,
    pub endpoint: Option<usize>,
}

impl IdRef {
    /// Reads `ID` or `ID@HOST`, where HOST is one of the `--hosts` entries as `labels` shows
    /// them (case-insensitive); `from` names where the text came from, for the error.
    pub fn parse(text: &str, labels: &[String], from: &str) -> Result<IdRef, Failure> {
        let text = text.trim();
        let shown = crate::text::sanitize::line(text);
        let (id, host) = match text.split_once('@') {
            Some((id, host)) => (id.trim(), Some(host.trim())),
            None => (text, None),
        };
        if id.is_empty() {
            return Err(Failure::usage(format!(
                "{from}: '{shown}' has no session id"
            )));
        }
        let endpoint = match host {
            None => None,
            Some(h) => Some(
                labels
                    .iter()
                    .position(|l| l.eq_ignore_ascii_case(h))
                    .ok_or_else(|| {
                        Failure::usage(format!(
                            "{from}: '{shown}' names a host that is not in --hosts"
                        ))
                        .with_hint(format!("hosts: {}", labels.join(", ")))
                    })?,
            ),
        };
        Ok(IdRef {
            id: id.to_string(),
            endpoint,
        })
    }

    /// Reads the ids of a text, one per line (blank lines and `#` comments skipped), as
    /// `sessions list -o ids` prints them.
    pub fn parse_lines(text: &str, labels: &[String]) -> Result<Vec<IdRef>, Failure> {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|(n, l)| IdRef::parse(l, labels, &format!("standard input, line {}", n + 1)))
            .collect()
    }
}

/// A log level of `alter`.
pub const ALTER_KEYS: [&str; 4] = ["log_info", "log_notice", "log_warning", "log_error"];

/// What an action does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// `DELETE /v1/sessions/:id`, with `?ttl=N` when a ttl is given.
    Kill { ttl: Option<u64> },
    /// `POST /v1/sessions/:id/restart`.
    Restart,
    /// `PATCH /v1/sessions/:id` with log levels and/or filters.
    Alter {
        parameters: Vec<(String, bool)>,
        /// `Some(empty)` removes every filter.
        filters: Option<Vec<String>>,
    },
}

impl Action {
    /// The verb, for prompts and results: kill, restart, alter.
    #[must_use]
    pub fn verb(&self) -> &'static str {
        match self {
            Action::Kill { .. } => "kill",
            Action::Restart => "restart",
            Action::Alter { .. } => "alter",
        }
    }

    /// The verb in the past tense: killed, restarted, altered.
    #[must_use]
    pub fn done(&self) -> &'static str {
        match self {
            Action::Kill { .. } => "killed",
            Action::Restart => "restarted",
            Action::Alter { .. } => "altered",
        }
    }

    /// The first MaxScale version with the route (major, minor).
    #[must_use]
    pub fn since(&self) -> (u32, u32) {
        match self {
            Action::Kill { .. } | Action::Restart => (22, 8),
            Action::Alter { .. } => (6, 0),
        }
    }
}

/// Which sessions an action is for.
#[derive(Debug)]
pub enum Target {
    /// Ids on the command line: acted on at once.
    Ids(Vec<IdRef>),
    /// The sessions matching a selection: shown and confirmed first.
    Selection(Selection),
    /// Ids read from standard input (`-`): shown and confirmed first.
    Stdin,
    /// Every session of every host (`restart --all`): shown and confirmed first.
    All,
}

/// `sessions kill`, `restart`, `alter`.
#[derive(Debug)]
pub struct Act {
    pub action: Action,
    pub target: Target,
    /// Act on a selection without asking.
    pub yes: bool,
    /// Print what would be done; send nothing.
    pub dry_run: bool,
}

/// One command, resolved.
#[derive(Debug)]
pub enum Plan {
    List(List),
    Show(Show),
    Summary(Summary),
    Watch(Watch),
    Act(Act),
}
