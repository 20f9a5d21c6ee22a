//! The plan: one value per command with everything resolved (format, columns, selection,
//! reverse DNS, interval, group keys, ids), built by `settings` from the parsed command line,
//! the environment and the config file. Commands receive a plan and nothing of clap; every usage
//! error has been raised by the time one exists, before the first request.

use std::path::PathBuf;
use std::time::Duration;

pub use crate::api::maxscale::Action;
pub use crate::choice::RdnsMode;
use crate::columns::Column;
use crate::error::Failure;
use crate::hosts::IdRef;
use crate::output::Format;
use crate::select::Selection;
use crate::summary::GroupBy;

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
    /// No reverse DNS: the actions read sessions to select and check them, never to show names.
    #[must_use]
    pub fn off() -> RdnsSettings {
        RdnsSettings {
            mode: None,
            per_lookup: Duration::ZERO,
            deadline: Duration::ZERO,
            concurrency: 1,
            cache_file: None,
            fake: None,
        }
    }

    /// These settings with only the server's resolution kept: for a fetch whose names are
    /// resolved client-side afterwards, for the rows shown only.
    #[must_use]
    pub fn server_only(&self) -> RdnsSettings {
        RdnsSettings {
            mode: self.mode.filter(|m| *m == RdnsMode::Server),
            ..self.clone()
        }
    }

    /// Client-side reverse DNS is asked for.
    #[must_use]
    pub fn client(&self) -> bool {
        self.mode == Some(RdnsMode::Client)
    }

    /// MaxScale is to resolve names (`rdns=true`).
    #[must_use]
    pub fn server(&self) -> bool {
        self.mode == Some(RdnsMode::Server)
    }
}

/// `sessions list`.
#[derive(Debug)]
pub struct List {
    pub selection: Selection,
    pub rdns: RdnsSettings,
    pub columns: Vec<Column>,
    /// Read the backend servers for the backend columns (`list --backend`).
    pub backend: bool,
}

/// `sessions show`.
#[derive(Debug)]
pub struct Show {
    /// The sessions named, each on every host or on the one its `ID@HOST` names.
    pub ids: Vec<IdRef>,
    /// Every session (`show --all`, maxctrl's `show sessions`) instead of ids.
    pub all: bool,
    pub rdns: RdnsSettings,
    /// Add each session's last lines of MaxScale's log (`show --log`).
    pub log: bool,
    /// Add each session's backend threads and lock waits (`show --backend`, SQL API).
    pub backend: bool,
}

/// `sessions locks`: the lock waits of every host and backend server.
#[derive(Debug)]
pub struct Locks {
    /// Keeps the blocked sessions (with `blockers`, the roots) that match.
    pub selection: Selection,
    /// Only the root blockers.
    pub blockers: bool,
}

/// Where `sessions log` stops reading back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    /// This long before now.
    Ago(Duration),
    /// This Unix time.
    At(i64),
}

/// The lines `sessions log` asks for per request unless `--page-size` says, and `show --log`
/// and the live view always: a request costs MaxScale a read of its whole log file, so a page
/// is large enough that an hour of a busy log takes few requests, and small enough to cost mxs
/// little (measured in `bench/README.md`).
pub const LOG_PAGE_SIZE: usize = 1000;

/// `sessions log`.
#[derive(Debug)]
pub struct Log {
    pub ids: Vec<IdRef>,
    /// `None`: the session's connection time when it is alive, else an hour ago.
    pub since: Option<Since>,
    /// Only lines up to this Unix time.
    pub until: Option<i64>,
    /// Only these priorities (canonical words, see [`priority`]); empty for all.
    pub priorities: Vec<&'static str>,
    /// At most this many lines per host (the newest).
    pub lines: usize,
    /// Lines asked for per request.
    pub page_size: usize,
    pub follow: Option<Follow>,
}

/// `sessions log --follow`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Follow {
    pub interval: Duration,
    /// Stop once every session has ended and its last lines are printed.
    pub until_closed: bool,
}

/// The priorities of MaxScale's log, most severe first: maxlog writes these words, the journal
/// the long forms of the first three.
pub const PRIORITIES: [&str; 8] = [
    "emerg", "alert", "crit", "error", "warning", "notice", "info", "debug",
];

/// A priority as either log source writes it (or as a user types it) in its canonical word.
#[must_use]
pub fn priority(word: &str) -> Option<&'static str> {
    let w = word.trim().to_ascii_lowercase();
    let w = match w.as_str() {
        "emergency" => "emerg",
        "critical" => "crit",
        "err" => "error",
        "warn" => "warning",
        other => other,
    };
    PRIORITIES.iter().copied().find(|p| *p == w)
}

/// `sessions queries`: the list of the sessions running a statement. With no `--sort`, each
/// host's rows come together (in `--hosts` order), longest first.
#[derive(Debug)]
pub struct Queries {
    pub list: List,
    /// Only statements running at least this long.
    pub min_duration: Option<Duration>,
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
    /// The interval was given (`list --watch` always gives one): a pipe's snapshots keep it
    /// whatever the lists cost.
    pub interval_given: bool,
    /// `--max-load`: the share of each host's time its full lists may take (1.0: no limit).
    pub max_load: f64,
    /// Stop after this many refreshes.
    pub count: Option<u64>,
    /// Draw the live view (stdout is a terminal and the format is a table), else snapshots.
    pub live: bool,
    /// The snapshots' format on a pipe: the one asked for, TSV when none was.
    pub format: Format,
}

/// A log level of `alter`.
pub const ALTER_KEYS: [&str; 4] = ["log_info", "log_notice", "log_warning", "log_error"];

/// `--max-load`: a percentage in (0, 100], with or without its `%` (`5%`, `0.5`, `100%`), as
/// a fraction.
pub fn parse_max_load(text: &str) -> Result<f64, Failure> {
    let t = text.trim();
    let number = t.strip_suffix('%').unwrap_or(t).trim();
    match number.parse::<f64>() {
        Ok(p) if p > 0.0 && p <= 100.0 => Ok(p / 100.0),
        _ => Err(Failure::usage(format!(
            "--max-load: '{}' is not a percentage above 0 and at most 100 (e.g. 5%)",
            crate::text::sanitize::line(t)
        ))),
    }
}

/// A `--max-load` as the user would write it: `5%`, `0.5%`.
#[must_use]
pub fn max_load_text(fraction: f64) -> String {
    let text = format!("{:.3}", fraction * 100.0);
    format!("{}%", text.trim_end_matches('0').trim_end_matches('.'))
}

/// `--ttl`: a duration in whole seconds (`30s`, `5m`, or a bare number of seconds). Anything
/// the server would read as 0 by mistake (a fraction, a negative, text) is refused.
pub fn parse_ttl(text: &str) -> Result<u64, Failure> {
    let bad = |why: &str| {
        Failure::usage(format!(
            "--ttl: '{}' {why}",
            crate::text::sanitize::line(text.trim())
        ))
        .with_hint("give whole seconds or a duration: --ttl 30, --ttl 30s, --ttl 5m")
    };
    if text.trim_start().starts_with('-') {
        return Err(bad("is negative"));
    }
    let d = crate::text::units::parse_duration(text, 1.0)
        .map_err(|e| bad(&format!("is not a duration ({e})")))?;
    if d.subsec_nanos() != 0 {
        return Err(bad("is not a whole number of seconds"));
    }
    Ok(d.as_secs())
}

/// The KEY=VALUE pairs and `--filters` of `alter`: unknown keys and values are usage errors
/// that list the valid ones.
pub fn parse_alter(pairs: &[&String], filters: Option<&str>) -> Result<Action, Failure> {
    let keys = ALTER_KEYS.join(", ");
    let mut parameters = Vec::new();
    for pair in pairs {
        let (k, v) = pair.split_once('=').unwrap_or((pair.as_str(), ""));
        let (k, v) = (k.trim(), v.trim());
        let shown = crate::text::sanitize::line(k);
        if !ALTER_KEYS.contains(&k) {
            return Err(Failure::usage(format!("alter: unknown key '{shown}'"))
                .with_hint(format!("keys: {keys} (each =true or =false)")));
        }
        let value = match v.to_ascii_lowercase().as_str() {
            "true" => true,
            "false" => false,
            _ => {
                return Err(Failure::usage(format!(
                    "alter: {k} takes true or false, not '{}'",
                    crate::text::sanitize::line(v)
                )));
            }
        };
        parameters.retain(|(key, _): &(String, bool)| key != k);
        parameters.push((k.to_string(), value));
    }
    let filters = filters.map(|f| {
        f.split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    });
    if parameters.is_empty() && filters.is_none() {
        return Err(Failure::usage("alter: nothing to change")
            .with_hint(format!("give KEY=VALUE pairs ({keys}) or --filters NAMES")));
    }
    Ok(Action::Alter {
        parameters,
        filters,
    })
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
    Queries(Queries),
    Show(Show),
    Summary(Summary),
    Watch(Watch),
    Act(Act),
    Log(Log),
    Locks(Locks),
}

impl Plan {
    /// Whether the command reads the backend through the SQL API (and so needs database
    /// credentials).
    #[must_use]
    pub fn reads_backend(&self) -> bool {
        matches!(
            self,
            Plan::Show(Show { backend: true, .. })
                | Plan::Locks(_)
                | Plan::List(List { backend: true, .. })
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttl_takes_whole_seconds_and_refuses_what_a_server_would_read_as_zero() {
        assert_eq!(parse_ttl("30").unwrap(), 30);
        assert_eq!(parse_ttl("30s").unwrap(), 30);
        assert_eq!(parse_ttl("5m").unwrap(), 300);
        assert_eq!(parse_ttl("0").unwrap(), 0);
        for bad in ["-3", "1.5", "1.5s", "abc", "NaN", "", "500ms"] {
            let e = parse_ttl(bad).unwrap_err();
            assert!(e.message.starts_with("--ttl:"), "{bad}: {}", e.message);
        }
    }

    #[test]
    fn max_load_is_a_percentage() {
        assert!((parse_max_load("5%").unwrap() - 0.05).abs() < 1e-12);
        assert!((parse_max_load(" 0.5 ").unwrap() - 0.005).abs() < 1e-12);
        assert!((parse_max_load("100%").unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(max_load_text(parse_max_load("7").unwrap()), "7%");
        assert_eq!(max_load_text(0.005), "0.5%");
        for bad in ["0", "0%", "101%", "-5%", "five", "", "NaN", "inf"] {
            let e = parse_max_load(bad).unwrap_err();
            assert!(
                e.message.starts_with("--max-load: '"),
                "{bad}: {}",
                e.message
            );
        }
    }

    #[test]
    fn alter_pairs_and_filters() {
        let pairs = ["log_info=true".to_string(), "log_info=FALSE".to_string()];
        let refs: Vec<&String> = pairs.iter().collect();
        assert_eq!(
            parse_alter(&refs, Some("a, b,,")).unwrap(),
            Action::Alter {
                parameters: vec![("log_info".into(), false)],
                filters: Some(vec!["a".into(), "b".into()]),
            }
        );
        let bad = ["log_debug=true".to_string()];
        let refs: Vec<&String> = bad.iter().collect();
        let e = parse_alter(&refs, None).unwrap_err();
        assert!(e.hint.unwrap().contains("log_warning"));
        assert!(parse_alter(&[], None).is_err());
        assert_eq!(
            parse_alter(&[], Some("")).unwrap(),
            Action::Alter {
                parameters: vec![],
                filters: Some(vec![]),
            }
        );
    }
}
