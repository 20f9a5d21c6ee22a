//! The command line as typed: with its `generate` submodule (completions and man pages), the
//! only code that knows clap. Nothing here reads the
//! environment (clap's `env` attributes aside) or the terminal; `settings` resolves these
//! values into what the commands use.
//!
//! House rules: derive only (but the `ValueEnum` of the base layer's `crate::choice` enums,
//! which may not name clap, is written here by hand); the first doc line is the short help,
//! later paragraphs are long help; every short flag is an explicit letter; every value has an
//! UPPERCASE `value_name`.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::choice::{ColorWhen, Format, RdnsMode};
use crate::error::EXIT_CODES_HELP;

pub mod complete;
pub mod generate;
mod maxctrl;

pub use maxctrl::{
    AlterSessionArgs, MAXCTRL_FORMS, MaxctrlAlter, MaxctrlDestroy, MaxctrlList, MaxctrlReload,
    MaxctrlShow, ReloadAllArgs, SessionFiltersArgs, ShowAllArgs, host_hint, maxctrl_hint,
};

const AFTER_HELP: &str = "\
Environment:
  MXS_HOSTS, MXS_USER, MXS_PASSWORD, MXS_CONFIG   defaults for --hosts, --user, --password, --config
  MXS_SQL_USER, MXS_SQL_PASSWORD                 defaults for --sql-user, --sql-password
  NO_COLOR, CLICOLOR_FORCE, TERM=dumb             color, when --color is auto

Precedence: flags, then environment, then the config file ([mxs] over [maxctrl]), then defaults.

maxctrl's forms work too: list sessions, list queries, show session ID, show sessions,
destroy session ID, reload session ID, reload sessions, alter session ID KEY=VALUE,
alter session-filters ID [FILTER...] (README: \"Coming from maxctrl\"). In mxs -h is help;
the hosts are -H.
";

/// A command-line client and inspector for the MariaDB MaxScale admin REST API.
///
/// mxs lists and inspects MaxScale client sessions over the admin REST API (default
/// 127.0.0.1:8989, user admin, password mariadb), against one or several MaxScale hosts, with
/// tables for people and lossless JSON and TSV for scripts.
#[derive(Debug, Parser)]
#[command(
    name = "mxs",
    version,
    propagate_version = true,
    about,
    long_about,
    max_term_width = 100
)]
#[command(after_help = AFTER_HELP, after_long_help = format!("{AFTER_HELP}\n{EXIT_CODES_HELP}"))]
pub struct Cli {
    #[command(flatten)]
    pub connection: ConnectionArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Where and how to reach MaxScale.
#[derive(Debug, Args, Default)]
#[command(next_help_heading = "Connection")]
pub struct ConnectionArgs {
    /// Comma-separated admin API endpoints [default: 127.0.0.1:8989]
    ///
    /// Each is host:port, host (port 8989), [::1]:8989, or a URL http://... or https://...
    /// (a URL may carry a path prefix). All hosts are queried concurrently.
    #[arg(
        short = 'H',
        long,
        global = true,
        value_name = "LIST",
        env = "MXS_HOSTS",
        hide_env_values = true
    )]
    pub hosts: Option<String>,

    /// Whether `hosts` came from `MXS_HOSTS` rather than the flag (set from clap's matches), so
    /// that an error names the right place.
    #[arg(skip)]
    pub hosts_from_env: bool,

    /// Admin API user [default: admin]
    #[arg(
        short = 'u',
        long,
        global = true,
        value_name = "USER",
        env = "MXS_USER",
        hide_env_values = true
    )]
    pub user: Option<String>,

    /// Admin API password [default: mariadb]
    ///
    /// An empty value (-p '') prompts for it with hidden echo on a terminal and reads one line
    /// of standard input otherwise.
    #[arg(
        short = 'p',
        long,
        global = true,
        value_name = "PASSWORD",
        env = "MXS_PASSWORD",
        hide_env_values = true
    )]
    pub password: Option<String>,

    /// Read the password from the first line of standard input
    #[arg(long, global = true, conflicts_with = "password")]
    pub password_stdin: bool,

    /// Database user for the SQL API (show --backend, list --backend, locks)
    ///
    /// MaxScale runs read-only information_schema queries on the backend servers with it
    /// (POST /v1/sql); it needs the PROCESS privilege to see other clients' threads and locks.
    #[arg(
        long,
        global = true,
        value_name = "USER",
        env = "MXS_SQL_USER",
        hide_env_values = true,
        help_heading = "Backend (SQL API)"
    )]
    pub sql_user: Option<String>,

    /// Password of --sql-user
    ///
    /// An empty value (--sql-password '') prompts for it with hidden echo on a terminal and
    /// reads one line of standard input otherwise.
    #[arg(
        long,
        global = true,
        value_name = "PASSWORD",
        env = "MXS_SQL_PASSWORD",
        hide_env_values = true,
        help_heading = "Backend (SQL API)"
    )]
    pub sql_password: Option<String>,

    /// Read the database password from the first line of standard input
    #[arg(long, global = true, conflicts_with_all = ["sql_password", "password_stdin"],
          help_heading = "Backend (SQL API)")]
    pub sql_password_stdin: bool,

    /// Use HTTPS for endpoints given without a scheme
    #[arg(short = 's', long, global = true)]
    pub secure: bool,

    /// CA certificate (PEM) to verify the server with, instead of the system's roots
    #[arg(long, global = true, value_name = "FILE")]
    pub tls_ca_cert: Option<PathBuf>,

    /// Client certificate (PEM) to present when the server asks for one
    #[arg(long, global = true, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,

    /// Private key (PEM) of --tls-cert
    #[arg(long, global = true, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,

    /// Verify the server's certificate [default: true]
    ///
    /// --tls-verify-server-cert=false accepts any certificate (with a warning).
    #[arg(long, global = true, value_name = "BOOL", num_args = 0..=1, require_equals = true,
          default_missing_value = "true", action = clap::ArgAction::Set)]
    pub tls_verify_server_cert: Option<bool>,

    /// The servers' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]
    ///
    /// MaxScale writes queries[].received in its local time without a zone. mxs reads it with
    /// this offset and measures a statement's age against the server's own clock (the Date
    /// header of the same response), so the two machines' clocks need not agree.
    #[arg(long, global = true, value_name = "OFFSET", allow_hyphen_values = true)]
    pub server_utc_offset: Option<String>,

    /// Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]
    #[arg(short = 't', long, global = true, value_name = "DURATION")]
    pub timeout: Option<String>,

    /// Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]
    #[arg(long, global = true, value_name = "SIZE")]
    pub max_response_size: Option<String>,

    /// Config file (maxctrl's INI format) [default: ~/.maxctrl.cnf when it exists]
    ///
    /// Keys of the [maxctrl] section (hosts, user, password, timeout, secure, tls-*) apply, and
    /// an [mxs] section wins over it. The file must not be accessible by group or others.
    #[arg(
        short = 'c',
        long,
        global = true,
        value_name = "FILE",
        env = "MXS_CONFIG",
        hide_env_values = true
    )]
    pub config: Option<PathBuf>,
}

/// How to print the answer.
#[derive(Debug, Args, Default)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Output format [default: table, whether or not stdout is a terminal]
    #[arg(short = 'o', long, global = true, value_name = "FORMAT", value_enum)]
    pub output: Option<Format>,

    /// Shorthand for --output json
    #[arg(long, global = true, conflicts_with_all = ["output", "tsv"])]
    pub json: bool,

    /// Shorthand for --output tsv
    #[arg(long, global = true, conflicts_with_all = ["output", "json"])]
    pub tsv: bool,

    /// Print a header row in TSV output
    #[arg(long, global = true)]
    pub header: bool,

    /// When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)
    #[arg(long, global = true, value_name = "WHEN", value_enum)]
    pub color: Option<ColorWhen>,

    /// Filter the JSON output with a jq expression, in-process: '.data[] | .id'
    ///
    /// Implies -o json (compact): the filter runs on each document (with -o jsonl, on each
    /// line's resource; with watch, on each snapshot). Each result is printed on its own line:
    /// a string raw, as jq -r prints it (sanitized on a terminal), any other value as compact
    /// JSON. jq's builtins are there (jaq's implementation). A filter that does not compile is
    /// a usage error before any request; an error while it runs ends the command with exit 1.
    #[arg(long, global = true, value_name = "EXPR", allow_hyphen_values = true)]
    pub jq: Option<String>,
}

/// The values of --output and their help.
impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            Format::Table,
            Format::Json,
            Format::Jsonl,
            Format::Tsv,
            Format::Ids,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            Format::Table => "Aligned, colored table for people",
            Format::Json => {
                "The server's JSON:API document, lossless, with mxs's additions under \"meta\""
            }
            Format::Jsonl => "One resource object per line (JSON Lines)",
            Format::Tsv => "Tab-separated values with escaped tabs and newlines, for awk and cut",
            Format::Ids => {
                "Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter"
            }
        };
        Some(PossibleValue::new(self.name()).help(help))
    }
}

/// The values of --color and their help.
impl ValueEnum for ColorWhen {
    fn value_variants<'a>() -> &'a [Self] {
        &[ColorWhen::Auto, ColorWhen::Always, ColorWhen::Never]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            ColorWhen::Auto => PossibleValue::new("auto").help(
                "Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb",
            ),
            ColorWhen::Always => PossibleValue::new("always").help("Always color tables"),
            ColorWhen::Never => PossibleValue::new("never").help("Never color"),
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Client sessions: list, show, summarise, watch, running queries, kill, restart, alter
    #[command(subcommand)]
    Sessions(SessionsCommand),

    /// Print the completion script of a shell on stdout
    ///
    /// The script asks mxs itself, so TAB completes commands, flags, columns, group keys, alter
    /// keys, the config file's hosts and the session ids of the hosts (bounded by a short
    /// timeout; nothing when they do not answer). Install it in one line, e.g. bash: mxs
    /// completions bash > ~/.local/share/bash-completion/completions/mxs; zsh: mxs completions
    /// zsh > ~/.zfunc/_mxs; fish: mxs completions fish > ~/.config/fish/completions/mxs.fish.
    Completions {
        /// The shell
        #[arg(value_name = "SHELL", value_enum)]
        shell: clap_complete::Shell,
    },

    /// The interactive session view: `mxs sessions watch` under a short name
    ///
    /// Sort, filter, pause, read a session in full, kill or restart it; press ? for the keys.
    /// Every option of `sessions watch` applies.
    Top(WatchArgs),

    /// Generate shell completions or man pages
    #[command(subcommand, hide = true)]
    Generate(GenerateCommand),

    /// maxctrl's `list sessions` and `list queries`
    #[command(subcommand, hide = true)]
    List(MaxctrlList),

    /// maxctrl's `show session ID` and `show sessions`
    #[command(subcommand, hide = true)]
    Show(MaxctrlShow),

    /// maxctrl's `destroy session ID`
    #[command(subcommand, hide = true)]
    Destroy(MaxctrlDestroy),

    /// maxctrl's `reload session ID` and `reload sessions`
    #[command(subcommand, hide = true)]
    Reload(MaxctrlReload),

    /// maxctrl's `alter session ID KEY=VALUE...` and `alter session-filters ID [FILTER...]`
    #[command(subcommand, hide = true)]
    Alter(MaxctrlAlter),
}

#[derive(Debug, Clone, Subcommand)]
pub enum SessionsCommand {
    /// List sessions, one row each, sorted by id
    #[command(visible_alias = "ls")]
    List(ListArgs),

    /// Show everything about one or more sessions
    Show(ShowArgs),

    /// Count sessions, memory and idle time per group
    Summary(SummaryArgs),

    /// The session list refreshed in place: an interactive view on a terminal (also `mxs top`)
    ///
    /// On a terminal, an interactive view refreshed every INTERVAL, starting from the selection,
    /// columns and sort given: arrows, j, k, PgUp, PgDn, Home and End move; Enter shows the
    /// session in full; s and S sort; / adds a --where condition and \ clears them; i hides
    /// idle sessions; p or Space pauses; + and - change the interval; x kills and r restarts
    /// the selected session after a y; ? lists the keys; q, Esc or Ctrl-C quits. On a pipe,
    /// one snapshot is printed per interval: TSV rows, snapshots separated by an empty line, or
    /// with -o json or jsonl one line per snapshot, {"time":"2026-12-01T22:41:14Z","data":[...]},
    /// its time in RFC 3339 UTC.
    Watch(WatchArgs),

    /// The statements running now, longest first (maxctrl's list queries)
    ///
    /// Needs MaxScale to keep statements (retain_last_statements, asked with GET /v1/maxscale
    /// alongside the list); a host that keeps none is an error (exit 1) that says how to turn it on.
    /// A session is running a statement when the newest element of its queries[] has no
    /// completed time. The age is measured against the server's own clock (the Date header of
    /// the response), reading queries[].received, which is in the server's local time, with
    /// --server-utc-offset (UTC unless given). With several hosts, each host's rows come
    /// together, in --hosts order, longest first; --sort replaces that order.
    Queries(QueriesArgs),

    /// Kill sessions: DELETE /v1/sessions/ID (MaxScale 22.08 or later)
    ///
    /// Explicit ids are killed at once. A selection (--where, or ids read from standard input
    /// with `-`) is shown first and confirmed on a terminal; off a terminal it needs --yes.
    Kill(KillArgs),

    /// Restart sessions (new backend connections): POST /v1/sessions/ID/restart (22.08 or later)
    ///
    /// MaxScale defers a restart until the client's next statement; the client stays connected.
    Restart(RestartArgs),

    /// Change a session's log levels or filters: PATCH /v1/sessions/ID (6.0 or later)
    ///
    /// KEY=VALUE pairs: log_info, log_notice, log_warning, log_error set to true or false.
    Alter(AlterArgs),

    /// What MaxScale logged about sessions, alive or ended (MaxScale 6.0 or later)
    ///
    /// The lines of MaxScale's log tagged with the sessions' ids, oldest first: time (the
    /// server's, as sent), priority, module, object and message. The log is read backwards,
    /// a page at a time, until --since, --lines or the start of the log; stderr says how far
    /// back it read and why it stopped. With several hosts a bare id is looked up on each
    /// (session ids repeat across MaxScales). What MaxScale writes depends on the session's
    /// log levels: a plain kill logs nothing unless log_info is on (`mxs sessions alter ID
    /// log_info=true` before reproducing).
    Log(LogArgs),

    /// Lock waits across every host and backend server: who waits for whom (SQL API, 6.0+)
    ///
    /// Each blocked session with its chain of blockers up to the root, how long it has waited
    /// and the statement it waits in, read through MaxScale's SQL API with read-only
    /// information_schema queries (one connection per MaxScale and backend server, closed
    /// before mxs exits, Ctrl-C included). Needs --sql-user and --sql-password. A blocker that
    /// no queried MaxScale owns is shown as its backend thread. `--blockers -o ids | mxs
    /// sessions kill -` shows the root blockers and asks before killing them.
    Locks(LocksArgs),
}

/// Reverse DNS of client addresses.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Reverse DNS")]
pub struct RdnsArgs {
    /// Resolve client addresses to host names: client (default) or server
    ///
    /// client resolves each distinct address once, in parallel, on this machine, bounded by
    /// --rdns-timeout per lookup and --rdns-deadline in all. server asks MaxScale (rdns=true),
    /// which resolves serially.
    #[arg(long, value_name = "WHERE", value_enum, num_args = 0..=1, require_equals = true,
          default_missing_value = "client")]
    pub rdns: Option<RdnsMode>,

    /// Deadline of one lookup [default: 2s]
    #[arg(long, value_name = "DURATION")]
    pub rdns_timeout: Option<String>,

    /// Deadline of the whole resolution [default: 5s]
    #[arg(long, value_name = "DURATION")]
    pub rdns_deadline: Option<String>,

    /// Lookups in flight at once [default: 64]
    #[arg(long, value_name = "N")]
    pub rdns_concurrency: Option<usize>,

    /// Do not read or write the reverse-DNS cache file
    #[arg(long)]
    pub no_rdns_cache: bool,
}

/// The values of --rdns and their help.
impl ValueEnum for RdnsMode {
    fn value_variants<'a>() -> &'a [Self] {
        &[RdnsMode::Client, RdnsMode::Server]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            RdnsMode::Client => {
                PossibleValue::new("client").help("On this machine, in parallel, with deadlines")
            }
            RdnsMode::Server => PossibleValue::new("server").help("By MaxScale (rdns=true)"),
        })
    }
}

/// Row selection shared by list, summary and watch.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Selection")]
pub struct SelectArgs {
    /// Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB,
    /// service~RW
    ///
    /// Operators: = != < <= > >= and ~ (substring, or /regex/). Durations (idle, alive) take
    /// units (10m, 2h), sizes (memory) take KiB/MiB/GiB; host= matches the address or the
    /// resolved name; conn_id=12345 or conn_id=server1:12345 matches any backend connection.
    #[arg(short = 'w', long = "where", value_name = "COND")]
    pub conditions: Vec<String>,

    /// Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]
    #[arg(
        long,
        value_name = "COLUMNS",
        value_delimiter = ',',
        allow_hyphen_values = true
    )]
    pub sort: Vec<String>,

    /// Print at most N sessions (after filtering and sorting)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ListArgs {
    #[command(flatten)]
    pub rdns: RdnsArgs,

    #[command(flatten)]
    pub select: SelectArgs,

    /// Table columns to print, in order (comma-separated)
    #[arg(
        long,
        value_name = "COLUMNS",
        value_delimiter = ',',
        conflicts_with = "wide"
    )]
    pub columns: Vec<String>,

    /// Print every column
    #[arg(long)]
    pub wide: bool,

    /// Add the columns read from the backend servers through MaxScale's SQL API (6.0+):
    /// blocked_by, backend_state, backend_time, trx_age (needs --sql-user and --sql-password)
    #[arg(long, conflicts_with = "watch")]
    pub backend: bool,

    /// Refresh every INTERVAL until interrupted (same as `sessions watch`) [default: 2s]
    #[arg(long, value_name = "INTERVAL", num_args = 0..=1, require_equals = true,
          default_missing_value = "2s")]
    pub watch: Option<String>,

    /// With --watch: the share of each host's time its full lists may take (see `sessions
    /// watch`) [default: 5%]
    #[arg(long, value_name = "PERCENT", requires = "watch")]
    pub max_load: Option<String>,
}

#[derive(Debug, Args, Clone)]
pub struct ShowArgs {
    /// Session ids (ID, or ID@HOST with several hosts)
    #[arg(value_name = "ID", required_unless_present = "all")]
    pub ids: Vec<String>,

    /// Show every session (GET /v1/sessions), as maxctrl's show sessions
    #[arg(long, conflicts_with = "ids")]
    pub all: bool,

    #[command(flatten)]
    pub rdns: RdnsArgs,

    /// Add what MaxScale logged about each session (its last 20 lines; 6.0 or later)
    #[arg(long)]
    pub log: bool,

    /// Add each backend thread of the session, and what it waits for and who holds it, read
    /// through MaxScale's SQL API (6.0 or later; needs --sql-user and --sql-password)
    #[arg(long)]
    pub backend: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct LocksArgs {
    /// Keep the blocked sessions matching COND (repeatable, ANDed; the --where of list)
    #[arg(short = 'w', long = "where", value_name = "COND")]
    pub conditions: Vec<String>,

    /// Only the root blockers: the sessions that hold what others wait for and wait for
    /// nothing themselves (`-o ids` pipes them into `mxs sessions kill -`)
    #[arg(long)]
    pub blockers: bool,
}

#[derive(Debug, Args, Clone)]
pub struct LogArgs {
    /// Session ids: ID, or ID@HOST with several hosts
    #[arg(value_name = "ID", required = true)]
    pub ids: Vec<String>,

    /// Only lines this recent: a duration back from now (30m, 2h) or a UTC time (2026-12-07
    /// 03:50, 2026-12-07T03:50:00Z) [default: the session's connection time when it is alive,
    /// else 1h]
    #[arg(long, value_name = "DURATION|TIME")]
    pub since: Option<String>,

    /// Only lines up to this UTC time (2026-12-07 03:55)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,

    /// Only these priorities (comma-separated): emerg, alert, crit, error, warning, notice,
    /// info, debug
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub priority: Vec<String>,

    /// Print at most the newest N lines of each host [default: 1000]
    #[arg(long, value_name = "N")]
    pub lines: Option<usize>,

    /// Keep printing the sessions' new lines as MaxScale writes them, until interrupted
    #[arg(short = 'f', long)]
    pub follow: bool,

    /// With --follow: stop once every session has ended and its last lines are printed
    #[arg(long, requires = "follow")]
    pub until_closed: bool,

    /// With --follow: how often to read the newest lines [default: 2s]
    #[arg(long, value_name = "INTERVAL", requires = "follow")]
    pub interval: Option<String>,

    /// Lines asked for per request (each costs MaxScale a read of its whole log file)
    /// [default: 1000]
    #[arg(long, value_name = "N")]
    pub page_size: Option<usize>,
}

#[derive(Debug, Args, Clone)]
pub struct SummaryArgs {
    /// Group by these (comma-separated or repeated): user, host, service, backend, state,
    /// maxscale
    #[arg(long, value_name = "GROUP", value_delimiter = ',', required = true)]
    pub by: Vec<String>,

    #[command(flatten)]
    pub rdns: RdnsArgs,

    #[command(flatten)]
    pub select: SelectArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct WatchArgs {
    /// Refresh interval [default: 2s]
    #[arg(value_name = "INTERVAL")]
    pub interval: Option<String>,

    /// Stop after N refreshes (default: until interrupted)
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,

    /// The share of each host's time its full lists may take: a list costs MaxScale about
    /// 0.06 ms of CPU per session, so a host whose list takes longer than PERCENT of the
    /// interval is listed less often (the view says when and why), and counted and its
    /// selected session read by id in between; 100% lists every interval (config file:
    /// `max-load`) [default: 5%]
    #[arg(long, value_name = "PERCENT")]
    pub max_load: Option<String>,

    #[command(flatten)]
    pub rdns: RdnsArgs,

    #[command(flatten)]
    pub select: SelectArgs,

    /// Table columns to print, in order (comma-separated)
    #[arg(
        long,
        value_name = "COLUMNS",
        value_delimiter = ',',
        conflicts_with = "wide"
    )]
    pub columns: Vec<String>,

    /// Print every column
    #[arg(long)]
    pub wide: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct QueriesArgs {
    /// Only statements running at least this long: 5s, 2m, 1h
    #[arg(long, value_name = "DURATION")]
    pub min_duration: Option<String>,

    #[command(flatten)]
    pub rdns: RdnsArgs,

    /// Keep rows matching COND and order them (the list's --where, --sort, --limit; default
    /// order: longest first)
    #[command(flatten)]
    pub select: SelectArgs,

    /// Table columns to print, in order [default: id,user,host,service,query_age,running]
    #[arg(
        long,
        value_name = "COLUMNS",
        value_delimiter = ',',
        conflicts_with = "wide"
    )]
    pub columns: Vec<String>,

    /// Print every column
    #[arg(long)]
    pub wide: bool,
}

/// What every action shares: a selection instead of ids, and its safety switches.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Selection and safety")]
pub struct ActArgs {
    /// Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)
    #[arg(short = 'w', long = "where", value_name = "COND")]
    pub conditions: Vec<String>,

    /// Act on at most N of the matched sessions (lowest ids first)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Do not ask before acting on a selection (needed off a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Print what would be done and send no write request
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args, Clone)]
pub struct KillArgs {
    /// Session ids (ID, or ID@HOST with several hosts); `-` reads them from standard input
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,

    /// Kill after this long instead of now: 30s, 5m, or whole seconds
    #[arg(long, value_name = "DURATION", allow_hyphen_values = true)]
    pub ttl: Option<String>,

    #[command(flatten)]
    pub act: ActArgs,
}

#[derive(Debug, Args, Clone)]
pub struct RestartArgs {
    /// Session ids (ID, or ID@HOST with several hosts); `-` reads them from standard input
    #[arg(value_name = "ID", conflicts_with = "all")]
    pub ids: Vec<String>,

    /// Restart every session of every host (POST /v1/sessions/restart), after confirmation
    #[arg(long, conflicts_with = "conditions")]
    pub all: bool,

    #[command(flatten)]
    pub act: ActArgs,
}

#[derive(Debug, Args, Clone)]
pub struct AlterArgs {
    /// Session ids (ID, or ID@HOST) followed by KEY=VALUE pairs: log_info=true ...
    #[arg(value_name = "ID|KEY=VALUE")]
    pub args: Vec<String>,

    /// Set the session's filters (comma-separated names; empty removes them all)
    #[arg(long, value_name = "NAMES", num_args = 1, allow_hyphen_values = false)]
    pub filters: Option<String>,

    #[command(flatten)]
    pub act: ActArgs,
}

#[derive(Debug, Subcommand)]
pub enum GenerateCommand {
    /// Print a shell completion script
    Completions {
        /// The shell (print its script on stdout)
        #[arg(value_name = "SHELL", value_enum, required_unless_present = "dir")]
        shell: Option<clap_complete::Shell>,
        /// Write every shell's script into DIR instead (mxs.bash, _mxs, mxs.fish, mxs.elv, _mxs.ps1)
        #[arg(long, value_name = "DIR", conflicts_with = "shell")]
        dir: Option<PathBuf>,
    },
    /// Write man pages (mxs.1 and one page per subcommand) into DIR
    Man {
        /// The directory
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

/// What became of the command line: a command to run, or an exit after clap printed help or
/// the version (stdout, exit 0) or a usage error (stderr, exit 2), with a hint to add on stderr
/// for a help request that took `-h` for a host, or a maxctrl command mxs does not take.
pub enum Parsed {
    Run(Box<Cli>),
    Exit { code: u8, hint: Option<String> },
}

/// Parses the process's arguments.
#[must_use]
pub fn parse() -> Parsed {
    use clap::{CommandFactory, FromArgMatches};
    let parsed = Cli::command().try_get_matches().and_then(|matches| {
        let mut cli = Cli::from_arg_matches(&matches)?;
        cli.connection.hosts_from_env =
            matches.value_source("hosts") == Some(clap::parser::ValueSource::EnvVariable);
        Ok(cli)
    });
    match parsed {
        Ok(cli) => Parsed::Run(Box::new(cli)),
        Err(e) => {
            let _ = e.print();
            let args: Vec<String> = std::env::args_os()
                .skip(1)
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            let hint = match e.kind() {
                clap::error::ErrorKind::DisplayHelp => host_hint(&args),
                clap::error::ErrorKind::InvalidSubcommand => maxctrl_hint(&args),
                _ => None,
            };
            Parsed::Exit {
                code: if e.use_stderr() {
                    crate::error::ExitKind::Usage.code()
                } else {
                    0
                },
                hint,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    pub(super) fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        let mut full = vec!["mxs"];
        full.extend_from_slice(args);
        Cli::try_parse_from(full)
    }

    #[test]
    fn command_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_go_before_or_after_the_subcommand() {
        let a = parse(&["-H", "h1,h2", "sessions", "list"]).unwrap();
        let b = parse(&["sessions", "list", "-H", "h1,h2"]).unwrap();
        assert_eq!(a.connection.hosts.as_deref(), Some("h1,h2"));
        assert_eq!(b.connection.hosts.as_deref(), Some("h1,h2"));
        assert!(parse(&["sessions", "ls", "--tsv"]).unwrap().output.tsv);
    }

    #[test]
    fn rdns_defaults_to_client_and_takes_server() {
        let cli = parse(&["sessions", "list", "--rdns"]).unwrap();
        let Command::Sessions(SessionsCommand::List(l)) = cli.command else {
            panic!()
        };
        assert_eq!(l.rdns.rdns, Some(RdnsMode::Client));
        let cli = parse(&["sessions", "show", "1", "--rdns=server"]).unwrap();
        let Command::Sessions(SessionsCommand::Show(s)) = cli.command else {
            panic!()
        };
        assert_eq!(s.rdns.rdns, Some(RdnsMode::Server));
        assert_eq!(s.ids, ["1"]);
    }

    #[test]
    fn json_and_tsv_shorthands_conflict_with_output() {
        assert!(parse(&["--json", "-o", "tsv", "sessions", "list"]).is_err());
        assert!(parse(&["--json", "--tsv", "sessions", "list"]).is_err());
    }

    #[test]
    fn tls_verify_takes_an_optional_boolean() {
        let cli = parse(&["--tls-verify-server-cert=false", "sessions", "list"]).unwrap();
        assert_eq!(cli.connection.tls_verify_server_cert, Some(false));
        let cli = parse(&["--tls-verify-server-cert", "sessions", "list"]).unwrap();
        assert_eq!(cli.connection.tls_verify_server_cert, Some(true));
    }

    #[test]
    fn tls_cert_requires_key() {
        assert!(parse(&["--tls-cert", "c.pem", "sessions", "list"]).is_err());
    }

    #[test]
    fn the_output_flag_takes_every_format_by_its_name() {
        assert_eq!(Format::value_variants().len(), Format::ALL.len());
        for (name, format) in Format::ALL {
            let cli = parse(&["-o", name, "sessions", "list"]).unwrap();
            assert_eq!(cli.output.output, Some(format));
        }
    }

    #[test]
    fn sort_accepts_descending_prefix() {
        let cli = parse(&["sessions", "list", "--sort", "-memory,id"]).unwrap();
        let Command::Sessions(SessionsCommand::List(l)) = cli.command else {
            panic!()
        };
        assert_eq!(l.select.sort, ["-memory", "id"]);
    }
}
