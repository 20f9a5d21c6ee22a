//! Resolution: the parsed command line, the environment and the config file become clap-free
//! settings (endpoints, credentials, TLS, timeouts, output format, color and width) and a
//! [`Plan`] for the command. This is the one place that reads the environment, the config file
//! and the terminal state (through [`Env`]), and the only module besides `cli` that knows the
//! command line's types; after it, no module looks at `std::env` or `is_terminal()`.

use std::collections::HashMap;
use std::fmt;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::api::client::ClientConfig;
pub use crate::api::client::Secret;
use crate::api::tls::TlsOptions;
pub use crate::choice::ColorWhen;
use crate::cli::{self, ConnectionArgs, OutputArgs, RdnsArgs, SessionsCommand};
use crate::columns::Column;
use crate::config::{self, ConfigValues};
use crate::endpoint::Endpoint;
use crate::error::Failure;
use crate::hosts::Hosts;
use crate::output::style::Palette;
use crate::output::{self, Format};
use crate::plan::{self, Plan, RdnsSettings};
use crate::select::Selection;
use crate::summary::GroupBy;
use crate::text::units;

/// The defaults: the one place they are written (the help text and the README are checked
/// against these by tests).
pub mod defaults {
    pub const HOSTS: &str = "127.0.0.1:8989";
    pub const USER: &str = "admin";
    pub const PASSWORD: &str = "mariadb";
    pub const TIMEOUT: &str = "10s";
    pub const MAX_RESPONSE_SIZE: &str = "1GiB";
    pub const RDNS_TIMEOUT: &str = "2s";
    pub const RDNS_DEADLINE: &str = "5s";
    pub const RDNS_CONCURRENCY: usize = 64;
    pub const WATCH_INTERVAL: &str = "2s";
    /// The share of a host's time its repeated full lists may take (`--max-load`).
    pub const MAX_LOAD: &str = "5%";
    /// The most lines `sessions log` prints per host.
    pub const LOG_LINES: usize = 1000;
    /// The lines `sessions log` asks for per request (see `bench/README.md`).
    pub const LOG_PAGE_SIZE: usize = crate::plan::LOG_PAGE_SIZE;
    /// The width of tables when stdout is not a terminal and `COLUMNS` is unset.
    pub const WIDTH: usize = 160;
}

/// What the process sees of its surroundings, captured once. Its `Debug` lists variable names
/// only, since values can hold a password (`MXS_PASSWORD`).
#[derive(Clone, Default)]
pub struct Env {
    pub vars: HashMap<String, String>,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    pub stdin_tty: bool,
    /// The terminal's width, when stdout is a terminal.
    pub term_width: Option<usize>,
}

impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut names: Vec<&String> = self.vars.keys().collect();
        names.sort();
        f.debug_struct("Env")
            .field("vars", &names)
            .field("stdout_tty", &self.stdout_tty)
            .field("stderr_tty", &self.stderr_tty)
            .field("stdin_tty", &self.stdin_tty)
            .field("term_width", &self.term_width)
            .finish()
    }
}

impl Env {
    #[must_use]
    pub fn from_process() -> Env {
        let stdout_tty = std::io::stdout().is_terminal();
        Env {
            vars: std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
                .collect(),
            stdout_tty,
            stderr_tty: std::io::stderr().is_terminal(),
            stdin_tty: std::io::stdin().is_terminal(),
            term_width: stdout_tty
                .then(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
                .flatten(),
        }
    }

    fn var(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }

    fn var_nonempty(&self, name: &str) -> Option<&str> {
        self.var(name).filter(|v| !v.is_empty())
    }
}

/// Where the password comes from when it is not given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordSource {
    Given(Secret),
    /// Prompt on a terminal, else read a line of stdin.
    Prompt,
    Stdin,
}

/// The database account of the SQL API, as far as it was given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SqlAccount {
    pub user: Option<String>,
    pub password: Option<PasswordSource>,
}

/// Connection settings.
#[derive(Debug, Clone)]
pub struct Connection {
    pub hosts: Hosts,
    pub user: String,
    pub password: PasswordSource,
    pub tls: TlsOptions,
    pub timeout: Duration,
    pub max_response_size: u64,
    /// The servers' UTC offset in seconds, for the zoneless times of `queries[]`.
    pub utc_offset: i64,
    /// The database account of the SQL API (`--backend`, `locks`).
    pub sql: SqlAccount,
}

/// Output settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Output {
    pub format: Format,
    /// The format was asked for (flag or config file), not the default.
    pub format_given: bool,
    pub header: bool,
    pub color: bool,
    /// Color for messages on stderr, by the same rules applied to stderr.
    pub stderr_color: bool,
    /// The width tables must fit: the terminal's, else `COLUMNS`, else a fixed 160.
    pub width: usize,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    /// Pretty JSON (stdout is a terminal) or compact.
    pub pretty_json: bool,
}

/// Everything resolved.
#[derive(Debug, Clone)]
pub struct Settings {
    pub connection: Connection,
    pub output: Output,
    /// Warn (once, on a terminal) when Basic credentials go over plain HTTP off loopback.
    pub plain_http_warning: bool,
    /// Warnings found while resolving (config permissions), printed by the caller.
    pub warnings: Vec<String>,
    /// `--jq`: the compiled filter.
    pub jq: Option<Arc<output::jq::Program>>,
    config: Option<ConfigValues>,
    env: Env,
}

impl Connection {
    /// The HTTP client's configuration, with the password once it is known.
    #[must_use]
    pub fn client_config(&self, password: Secret) -> ClientConfig {
        ClientConfig {
            user: self.user.clone(),
            password,
            timeout: self.timeout,
            max_response_size: self.max_response_size,
            tls: self.hosts.any_https().then(|| self.tls.clone()),
        }
    }
}

impl Output {
    /// What the renderers need.
    #[must_use]
    pub fn options(&self) -> output::Options {
        output::Options {
            format: self.format,
            header: self.header,
            palette: Palette {
                enabled: self.color,
            },
            width: self.width,
            pretty_json: self.pretty_json,
        }
    }
}

impl Settings {
    /// Resolves flags, environment (already merged into the flags by clap) and config file.
    pub fn resolve(conn: &ConnectionArgs, out: &OutputArgs, env: Env) -> Result<Settings, Failure> {
        let config = load_config(conn, &env)?;
        let mut warnings = Vec::new();
        if let Some(w) = config.as_ref().and_then(|c| c.warning.clone()) {
            warnings.push(w);
        }
        let connection = resolve_connection(conn, config.as_ref())?;
        let output = resolve_output(out, config.as_ref(), &env)?;
        let jq = out
            .jq
            .as_deref()
            .map(|text| {
                output::jq::Program::compile(text)
                    .map(Arc::new)
                    .map_err(|e| Failure::usage(e.to_string()))
            })
            .transpose()?;
        let plain_http_warning = config
            .as_ref()
            .map_or(Ok(None), |c| c.get_bool("plain-http-warning"))?
            .unwrap_or(true);
        Ok(Settings {
            connection,
            output,
            plain_http_warning,
            warnings,
            jq,
            config,
            env,
        })
    }

    /// Resolves the reverse-DNS flags of a command against the config file.
    fn rdns(&self, args: &RdnsArgs) -> Result<RdnsSettings, Failure> {
        let cfg = |key: &str| self.config.as_ref().and_then(|c| c.get(key));
        let dur = |flag: &Option<String>, key: &str, default: &str, name: &str| {
            let text = flag.as_deref().or(cfg(key)).unwrap_or(default);
            units::parse_duration(text, 0.001).map_err(|e| Failure::usage(format!("{name}: {e}")))
        };
        let per_lookup = dur(
            &args.rdns_timeout,
            "rdns-timeout",
            defaults::RDNS_TIMEOUT,
            "--rdns-timeout",
        )?;
        let deadline = dur(
            &args.rdns_deadline,
            "rdns-deadline",
            defaults::RDNS_DEADLINE,
            "--rdns-deadline",
        )?;
        let concurrency = match args.rdns_concurrency {
            Some(n) => n,
            None => match cfg("rdns-concurrency") {
                Some(t) => t.parse().map_err(|_| {
                    Failure::usage(format!(
                        "config file: 'rdns-concurrency' must be a number, not '{t}'"
                    ))
                })?,
                None => defaults::RDNS_CONCURRENCY,
            },
        };
        if concurrency == 0 {
            return Err(Failure::usage("--rdns-concurrency: must be at least 1"));
        }
        let cache_file = if args.no_rdns_cache {
            None
        } else {
            self.cache_dir().map(|d| d.join("rdns.tsv"))
        };
        Ok(RdnsSettings {
            mode: args.rdns,
            per_lookup,
            deadline,
            concurrency,
            cache_file,
            fake: self
                .env
                .var_nonempty("MXS_TEST_RESOLVER")
                .map(str::to_string),
        })
    }

    /// Resolves a `sessions` command into its plan; every usage error is raised here.
    pub fn plan(&self, command: &SessionsCommand) -> Result<Plan, Failure> {
        let lists_ids = matches!(command, SessionsCommand::List(a) if a.watch.is_none())
            || matches!(
                command,
                SessionsCommand::Queries(_) | SessionsCommand::Locks(_)
            );
        if self.output.format == Format::Ids && !lists_ids {
            return Err(Failure::usage(
                "-o ids: only `sessions list`, `sessions queries` and `sessions locks` print ids (`mxs sessions list -o ids | mxs sessions kill -`)",
            ));
        }
        let several = self.connection.hosts.several();
        let list = |rdns: &RdnsArgs,
                    select: &cli::SelectArgs,
                    columns: &[String],
                    wide,
                    backend: bool| {
            let selection = selection(select)?;
            let mut columns = table_columns(columns, wide, several)?;
            if backend && (wide || columns == Column::defaults(several)) {
                columns.extend(Column::BACKEND);
            }
            let read = columns
                .iter()
                .copied()
                .chain(Column::ALL.into_iter().filter(|c| selection.uses(*c)))
                .find(|c| c.needs_backend());
            if let (Some(c), false) = (read, backend) {
                return Err(Failure::usage(format!(
                    "the column {} is read from the backend servers: it needs `sessions list --backend`",
                    c.name()
                )));
            }
            Ok::<_, Failure>(plan::List {
                selection,
                rdns: self.rdns(rdns)?,
                columns,
                backend,
            })
        };
        let plan = match command {
            SessionsCommand::List(a) => {
                let l = list(&a.rdns, &a.select, &a.columns, a.wide, a.backend)?;
                match &a.watch {
                    Some(interval) => {
                        Plan::Watch(self.watch(l, Some(interval), None, a.max_load.as_deref())?)
                    }
                    None => Plan::List(l),
                }
            }
            SessionsCommand::Watch(a) => {
                let l = list(&a.rdns, &a.select, &a.columns, a.wide, false)?;
                Plan::Watch(self.watch(l, a.interval.as_deref(), a.count, a.max_load.as_deref())?)
            }
            SessionsCommand::Queries(a) => {
                let columns = if a.columns.is_empty() && !a.wide {
                    Column::queries_defaults(several)
                } else {
                    table_columns(&a.columns, a.wide, several)?
                };
                let min_duration = a
                    .min_duration
                    .as_deref()
                    .map(|t| {
                        units::parse_duration(t, 1.0)
                            .map_err(|e| Failure::usage(format!("--min-duration: {e}")))
                    })
                    .transpose()?;
                Plan::Queries(plan::Queries {
                    list: plan::List {
                        selection: selection(&a.select)?,
                        rdns: self.rdns(&a.rdns)?,
                        columns,
                        backend: false,
                    },
                    min_duration,
                })
            }
            SessionsCommand::Show(a) => Plan::Show(plan::Show {
                all: a.all,
                ids: a
                    .ids
                    .iter()
                    .map(|i| self.connection.hosts.parse_id(i, "session id"))
                    .collect::<Result<_, _>>()?,
                rdns: self.rdns(&a.rdns)?,
                log: a.log,
                backend: a.backend,
            }),
            SessionsCommand::Locks(a) => Plan::Locks(plan::Locks {
                selection: Selection::parse(&a.conditions, &[], None)?,
                blockers: a.blockers,
            }),
            SessionsCommand::Log(a) => Plan::Log(self.log(a)?),
            SessionsCommand::Kill(a) => Plan::Act(self.act(
                plan::Action::Kill {
                    ttl: a.ttl.as_deref().map(plan::parse_ttl).transpose()?,
                },
                &a.ids,
                false,
                &a.act,
            )?),
            SessionsCommand::Restart(a) => {
                Plan::Act(self.act(plan::Action::Restart, &a.ids, a.all, &a.act)?)
            }
            SessionsCommand::Alter(a) => {
                let (pairs, ids): (Vec<&String>, Vec<&String>) =
                    a.args.iter().partition(|s| s.contains('='));
                let ids: Vec<String> = ids.into_iter().cloned().collect();
                let action = plan::parse_alter(&pairs, a.filters.as_deref())?;
                Plan::Act(self.act(action, &ids, false, &a.act)?)
            }
            SessionsCommand::Summary(a) => {
                crate::select::no_empty_items("--by", &a.by)?;
                let by: Vec<GroupBy> =
                    a.by.iter()
                        .map(|b| GroupBy::parse(b))
                        .collect::<Result<_, _>>()?;
                Plan::Summary(plan::Summary {
                    by,
                    selection: selection(&a.select)?,
                    rdns: self.rdns(&a.rdns)?,
                })
            }
        };
        if plan.reads_backend() {
            let sql = &self.connection.sql;
            let what = match plan {
                Plan::Locks(_) => "sessions locks",
                Plan::List(_) => "list --backend",
                _ => "show --backend",
            };
            if sql.user.is_none() || sql.password.is_none() {
                let missing = match (&sql.user, &sql.password) {
                    (None, None) => "a database user and password",
                    (None, Some(_)) => "a database user",
                    _ => "a database password",
                };
                return Err(Failure::usage(format!(
                    "{what} reads the backend servers through MaxScale's SQL API, which needs {missing}"
                ))
                .with_hint(
                    "give --sql-user and --sql-password (or --sql-password-stdin, or MXS_SQL_USER and MXS_SQL_PASSWORD, or sql-user and sql-password in the config file's [mxs] section)",
                ));
            }
        }
        Ok(plan)
    }

    fn log(&self, a: &cli::LogArgs) -> Result<plan::Log, Failure> {
        let ids = a
            .ids
            .iter()
            .map(|i| self.connection.hosts.parse_id(i, "session id"))
            .collect::<Result<Vec<_>, _>>()?;
        let since = a
            .since
            .as_deref()
            .map(|t| {
                if let Some(at) = crate::text::time::parse_utc_time(t) {
                    return Ok(plan::Since::At(at));
                }
                units::parse_duration(t, 1.0)
                    .map(plan::Since::Ago)
                    .map_err(|_| {
                        Failure::usage(format!(
                            "--since: '{}' is neither a duration nor a time",
                            crate::text::sanitize::line(t.trim())
                        ))
                        .with_hint("--since 30m, --since 2h, --since '2026-12-07 03:50' (UTC)")
                    })
            })
            .transpose()?;
        let until = a
            .until
            .as_deref()
            .map(|t| {
                crate::text::time::parse_utc_time(t).ok_or_else(|| {
                    Failure::usage(format!(
                        "--until: '{}' is not a time",
                        crate::text::sanitize::line(t.trim())
                    ))
                    .with_hint("--until '2026-12-07 03:55' or 2026-12-07T03:55:00Z (UTC)")
                })
            })
            .transpose()?;
        crate::select::no_empty_items("--priority", &a.priority)?;
        let mut priorities = Vec::new();
        for word in &a.priority {
            let p = plan::priority(word).ok_or_else(|| {
                Failure::usage(format!(
                    "--priority: unknown priority '{}'",
                    crate::text::sanitize::line(word.trim())
                ))
                .with_hint(format!("priorities: {}", plan::PRIORITIES.join(", ")))
            })?;
            if !priorities.contains(&p) {
                priorities.push(p);
            }
        }
        let lines = a.lines.unwrap_or(defaults::LOG_LINES);
        if lines == 0 {
            return Err(Failure::usage("--lines: give at least 1"));
        }
        let page_size = a.page_size.unwrap_or(defaults::LOG_PAGE_SIZE);
        if !(1..=100_000).contains(&page_size) {
            return Err(Failure::usage(
                "--page-size: give a number of lines from 1 to 100000",
            ));
        }
        let follow = if a.follow {
            if self.output.format == Format::Json && self.jq.is_some() {
                return Err(Failure::usage(
                    "--follow streams the lines: --jq (-o json) would filter a document that never ends",
                )
                .with_hint("add -o jsonl: the filter then runs on each entry"));
            }
            if self.output.format == Format::Json {
                return Err(Failure::usage(
                    "--follow streams the lines: -o json would never end its document",
                )
                .with_hint("use -o jsonl (one entry per line) or -o tsv"));
            }
            let interval = units::parse_duration(
                a.interval.as_deref().unwrap_or(defaults::WATCH_INTERVAL),
                1.0,
            )
            .map_err(|e| Failure::usage(format!("--interval: {e}")))?;
            if interval < std::time::Duration::from_millis(100) {
                return Err(Failure::usage("--interval: at least 100ms"));
            }
            Some(plan::Follow {
                interval,
                until_closed: a.until_closed,
            })
        } else {
            None
        };
        Ok(plan::Log {
            ids,
            since,
            until,
            priorities,
            lines,
            page_size,
            follow,
        })
    }

    fn act(
        &self,
        action: plan::Action,
        ids: &[String],
        all: bool,
        args: &cli::ActArgs,
    ) -> Result<plan::Act, Failure> {
        if matches!(self.output.format, Format::Ids) {
            return Err(Failure::usage("-o ids: only `sessions list` prints ids"));
        }
        let verb = action.verb();
        let selecting = !args.conditions.is_empty() || args.limit.is_some();
        let target = if all {
            plan::Target::All
        } else if ids.len() == 1 && ids[0].trim() == "-" {
            if selecting {
                return Err(Failure::usage(format!(
                    "{verb}: give ids on standard input (-) or --where, not both"
                )));
            }
            plan::Target::Stdin
        } else if !ids.is_empty() {
            if selecting {
                return Err(Failure::usage(format!(
                    "{verb}: give session ids or --where/--limit, not both"
                ))
                .with_hint("explicit ids act at once; a selection is shown and confirmed first"));
            }
            plan::Target::Ids(
                ids.iter()
                    .map(|i| self.connection.hosts.parse_id(i, "session id"))
                    .collect::<Result<_, _>>()?,
            )
        } else if selecting {
            plan::Target::Selection(Selection::parse(&args.conditions, &[], args.limit)?)
        } else {
            return Err(Failure::usage(format!(
                "{verb}: name the sessions: ids, `-` for ids on standard input, or --where"
            ))
            .with_hint(format!(
                "mxs sessions {verb} 42, or mxs sessions {verb} --where 'idle>1h'"
            )));
        };
        Ok(plan::Act {
            action,
            target,
            yes: args.yes,
            dry_run: args.dry_run,
        })
    }

    fn watch(
        &self,
        list: plan::List,
        interval: Option<&str>,
        count: Option<u64>,
        max_load: Option<&str>,
    ) -> Result<plan::Watch, Failure> {
        let from_file = self.config.as_ref().and_then(|c| c.get("max-load"));
        let max_load = match (max_load, from_file) {
            (Some(flag), _) => plan::parse_max_load(flag)?,
            (None, Some(v)) => plan::parse_max_load(v).map_err(|e| {
                Failure::usage(format!(
                    "config file: 'max-load'{}",
                    e.message.trim_start_matches("--max-load")
                ))
            })?,
            (None, None) => plan::parse_max_load(defaults::MAX_LOAD)?,
        };
        let interval_given = interval.is_some();
        let interval = units::parse_duration(interval.unwrap_or(defaults::WATCH_INTERVAL), 1.0)
            .map_err(|e| Failure::usage(format!("watch interval: {e}")))?;
        if interval < Duration::from_millis(100) {
            return Err(Failure::usage("watch interval: must be at least 100ms"));
        }
        Ok(plan::Watch {
            list,
            interval,
            interval_given,
            max_load,
            count,
            live: self.output.stdout_tty && self.output.format == Format::Table,
            format: if self.output.format_given {
                self.output.format
            } else {
                Format::Tsv
            },
        })
    }

    fn cache_dir(&self) -> Option<PathBuf> {
        if let Some(x) = self.env.var_nonempty("XDG_CACHE_HOME") {
            return Some(PathBuf::from(x).join("mxs"));
        }
        self.env
            .var_nonempty("HOME")
            .map(|h| PathBuf::from(h).join(".cache").join("mxs"))
    }

    /// The warning for Basic credentials sent over plain HTTP to a host that is not loopback
    /// (once per run; the caller shows it only on a terminal), unless the config silences it.
    #[must_use]
    pub fn plain_http_warning(&self) -> Option<String> {
        if !self.plain_http_warning {
            return None;
        }
        let e = self
            .connection
            .hosts
            .endpoints()
            .iter()
            .find(|e| !e.https && !e.is_loopback())?;
        Some(format!(
            "credentials are sent unencrypted over plain HTTP to {} (use --secure or https://; \
             silence with plain-http-warning = false in the [mxs] section)",
            e.label
        ))
    }

    /// Whether standard input is a terminal (for the password prompt).
    #[must_use]
    pub fn stdin_tty(&self) -> bool {
        self.env.stdin_tty
    }
}

/// Endpoints, credentials, TLS, timeout and size bound: flags (and environment), then the
/// config file, then the defaults.
fn resolve_connection(
    conn: &ConnectionArgs,
    config: Option<&ConfigValues>,
) -> Result<Connection, Failure> {
    let cfg = |key: &str| config.and_then(|c| c.get(key));
    let cfg_bool = |key: &str| config.map_or(Ok(None), |c| c.get_bool(key));
    let secure = conn.secure || cfg_bool("secure")?.unwrap_or(false);
    let from_config = config.and_then(|c| Some((c.get("hosts")?, c)));
    let (hosts, origin) = match (&conn.hosts, from_config) {
        (Some(h), _) if conn.hosts_from_env => (h.as_str(), "MXS_HOSTS".to_string()),
        (Some(h), _) => (h.as_str(), "--hosts".to_string()),
        (None, Some((h, c))) => (h, format!("{}: hosts", c.place("hosts"))),
        (None, None) => (defaults::HOSTS, "the default hosts".to_string()),
    };
    let endpoints = Endpoint::parse_list(hosts, secure, &origin).map_err(Failure::usage)?;

    let user = conn
        .user
        .clone()
        .or(cfg("user").map(str::to_string))
        .unwrap_or_else(|| defaults::USER.into());
    let password = if conn.password_stdin {
        PasswordSource::Stdin
    } else {
        match conn.password.as_deref().or(cfg("password")) {
            Some("") => PasswordSource::Prompt,
            Some(p) => PasswordSource::Given(Secret::new(p.to_string())),
            None => PasswordSource::Given(Secret::new(defaults::PASSWORD.into())),
        }
    };

    let path_opt =
        |flag: &Option<PathBuf>, key: &str| flag.clone().or_else(|| cfg(key).map(PathBuf::from));
    let tls = TlsOptions {
        ca_cert: path_opt(&conn.tls_ca_cert, "tls-ca-cert"),
        cert: path_opt(&conn.tls_cert, "tls-cert"),
        key: path_opt(&conn.tls_key, "tls-key"),
        verify: match conn.tls_verify_server_cert {
            Some(v) => v,
            None => cfg_bool("tls-verify-server-cert")?.unwrap_or(true),
        },
    };
    if tls.cert.is_some() != tls.key.is_some() {
        return Err(Failure::usage(
            "--tls-cert and --tls-key must be given together",
        ));
    }
    let tls_given = tls.ca_cert.is_some() || tls.cert.is_some() || !tls.verify;
    if tls_given && !endpoints.iter().any(|e| e.https) {
        return Err(
            Failure::usage("TLS options were given but no endpoint uses HTTPS")
                .with_hint("add --secure, or write the endpoints as https://HOST:PORT"),
        );
    }

    let timeout_text = conn
        .timeout
        .as_deref()
        .or(cfg("timeout"))
        .unwrap_or(defaults::TIMEOUT);
    let timeout = units::parse_duration(timeout_text, 0.001)
        .map_err(|e| Failure::usage(format!("--timeout: {e}")))?;
    if timeout.is_zero() {
        return Err(Failure::usage("--timeout: must be greater than zero"));
    }
    let size_text = conn
        .max_response_size
        .as_deref()
        .or(cfg("max-response-size"))
        .unwrap_or(defaults::MAX_RESPONSE_SIZE);
    let max_response_size = units::parse_size(size_text)
        .map_err(|e| Failure::usage(format!("--max-response-size: {e}")))?;

    let utc_offset = match conn.server_utc_offset.as_deref() {
        Some(t) => crate::text::time::parse_utc_offset(t)
            .map_err(|e| Failure::usage(format!("--server-utc-offset: {e}")))?,
        None => match cfg("server-utc-offset") {
            Some(t) => crate::text::time::parse_utc_offset(t)
                .map_err(|e| Failure::usage(format!("config file: 'server-utc-offset': {e}")))?,
            None => 0,
        },
    };

    let sql = SqlAccount {
        user: conn
            .sql_user
            .clone()
            .or(cfg("sql-user").map(str::to_string))
            .filter(|u| !u.is_empty()),
        password: if conn.sql_password_stdin {
            Some(PasswordSource::Stdin)
        } else {
            conn.sql_password
                .as_deref()
                .or(cfg("sql-password"))
                .map(|p| match p {
                    "" => PasswordSource::Prompt,
                    p => PasswordSource::Given(Secret::new(p.to_string())),
                })
        },
    };

    Ok(Connection {
        hosts: Hosts::new(endpoints),
        user,
        password,
        tls,
        timeout,
        max_response_size,
        utc_offset,
        sql,
    })
}

/// Format, colors and width, from the flags, the config file and the terminal.
fn resolve_output(
    out: &OutputArgs,
    config: Option<&ConfigValues>,
    env: &Env,
) -> Result<Output, Failure> {
    let cfg = |key: &str| config.and_then(|c| c.get(key));
    let cfg_bool = |key: &str| config.map_or(Ok(None), |c| c.get_bool(key));
    let format = if out.json {
        Format::Json
    } else if out.tsv {
        Format::Tsv
    } else if let Some(f) = out.output {
        f
    } else if let Some(f) = cfg("output") {
        Format::parse(f).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|(n, _)| *n).collect();
            Failure::usage(format!(
                "config file: 'output' must be one of {}, not '{f}'",
                names.join(", ")
            ))
        })?
    } else if cfg_bool("tsv")? == Some(true) {
        Format::Tsv
    } else {
        Format::Table
    };
    let mut format_given = out.json
        || out.tsv
        || out.output.is_some()
        || cfg("output").is_some()
        || cfg_bool("tsv")? == Some(true);
    // --jq filters JSON: it implies -o json (over the config file's format) and takes -o jsonl.
    let format = match (&out.jq, out.tsv, out.output) {
        (None, ..) => format,
        (Some(_), true, _) => {
            return Err(Failure::usage(
                "--jq filters JSON output: it cannot be used with --tsv",
            ));
        }
        (Some(_), _, Some(f)) if !f.is_json() => {
            return Err(Failure::usage(format!(
                "--jq filters JSON output: it cannot be used with -o {}",
                f.name()
            ))
            .with_hint("--jq implies -o json; -o jsonl filters each line"));
        }
        (Some(_), _, Some(f)) => f,
        (Some(_), _, None) => Format::Json,
    };
    format_given |= out.jq.is_some();
    let color_when = match (out.color, cfg("color")) {
        (Some(c), _) => c,
        (None, Some(c)) => ColorWhen::parse(c).ok_or_else(|| {
            Failure::usage(format!(
                "config file: 'color' must be auto, always or never, not '{c}'"
            ))
        })?,
        (None, None) => ColorWhen::Auto,
    };
    let color = decide_color(env, color_when, env.stdout_tty);
    let stderr_color = decide_color(env, color_when, env.stderr_tty);
    let width = env
        .term_width
        .or_else(|| env.var("COLUMNS").and_then(|c| c.parse().ok()))
        .filter(|w| *w >= 20)
        .unwrap_or(defaults::WIDTH);
    let output = Output {
        format,
        format_given,
        header: out.header,
        color,
        stderr_color,
        width,
        stdout_tty: env.stdout_tty,
        stderr_tty: env.stderr_tty,
        // one document per line, which is what the --jq filter reads
        pretty_json: env.stdout_tty && out.jq.is_none(),
    };
    Ok(output)
}

fn selection(args: &cli::SelectArgs) -> Result<Selection, Failure> {
    Selection::parse(&args.conditions, &args.sort, args.limit)
}

pub use crate::columns::table_columns;

/// `--color`: `auto` colors a terminal (`tty`) unless `NO_COLOR` is set and non-empty or `TERM`
/// is `dumb`; `CLICOLOR_FORCE` (non-empty, not `0`) forces it.
#[must_use]
pub fn decide_color(env: &Env, when: ColorWhen, tty: bool) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            env.var("CLICOLOR_FORCE")
                .is_some_and(|v| !v.is_empty() && v != "0")
                || (tty
                    && env.var_nonempty("NO_COLOR").is_none()
                    && env.var("TERM") != Some("dumb"))
        }
    }
}

/// The config file's hosts (`hosts` of `[mxs]`, else of `[maxctrl]`), each entry of the list;
/// none when the file is absent or unreadable.
#[must_use]
pub fn config_hosts(conn: &ConnectionArgs, env: &Env) -> Vec<String> {
    let Ok(Some(config)) = load_config(conn, env) else {
        return Vec::new();
    };
    config
        .get("hosts")
        .map(|hosts| {
            hosts
                .split(',')
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn load_config(conn: &ConnectionArgs, env: &Env) -> Result<Option<ConfigValues>, Failure> {
    if let Some(path) = &conn.config {
        return config::load(path, true);
    }
    match env.var_nonempty("HOME") {
        Some(home) => config::load(&PathBuf::from(home).join(".maxctrl.cnf"), false),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)], tty: bool) -> Env {
        Env {
            vars: vars
                .iter()
                .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
                .collect(),
            stdout_tty: tty,
            stderr_tty: tty,
            stdin_tty: false,
            term_width: tty.then_some(100),
        }
    }

    fn resolve(conn: ConnectionArgs, out: OutputArgs, e: Env) -> Result<Settings, Failure> {
        Settings::resolve(&conn, &out, e)
    }

    #[test]
    fn defaults() {
        let s = resolve(
            ConnectionArgs::default(),
            OutputArgs::default(),
            env(&[], false),
        )
        .unwrap();
        assert_eq!(
            s.connection.hosts.endpoints()[0].base,
            "http://127.0.0.1:8989/"
        );
        assert_eq!(s.connection.user, "admin");
        assert_eq!(
            s.connection.password,
            PasswordSource::Given(Secret::new("mariadb".into()))
        );
        assert_eq!(s.connection.timeout, Duration::from_secs(10));
        assert_eq!(s.output.format, Format::Table);
        assert!(!s.output.color);
        assert_eq!(s.output.width, 160);
    }

    #[test]
    fn color_auto_rules() {
        let c = |vars: &[(&str, &str)], tty| {
            resolve(
                ConnectionArgs::default(),
                OutputArgs::default(),
                env(vars, tty),
            )
            .unwrap()
            .output
            .color
        };
        assert!(c(&[], true));
        assert!(!c(&[], false));
        assert!(!c(&[("NO_COLOR", "1")], true));
        assert!(c(&[("NO_COLOR", "")], true));
        assert!(!c(&[("TERM", "dumb")], true));
        assert!(c(&[("CLICOLOR_FORCE", "1")], false));
    }

    #[test]
    fn tls_options_without_https_are_an_error() {
        let conn = ConnectionArgs {
            tls_ca_cert: Some("ca.pem".into()),
            ..Default::default()
        };
        let err = resolve(conn, OutputArgs::default(), env(&[], false)).unwrap_err();
        assert!(
            err.message.contains("no endpoint uses HTTPS"),
            "{}",
            err.message
        );
        let conn = ConnectionArgs {
            tls_ca_cert: Some("ca.pem".into()),
            secure: true,
            ..Default::default()
        };
        assert!(resolve(conn, OutputArgs::default(), env(&[], false)).is_ok());
    }

    #[test]
    fn empty_password_prompts() {
        let conn = ConnectionArgs {
            password: Some(String::new()),
            ..Default::default()
        };
        let s = resolve(conn, OutputArgs::default(), env(&[], false)).unwrap();
        assert_eq!(s.connection.password, PasswordSource::Prompt);
    }

    #[test]
    fn secret_debug_is_redacted() {
        let s = Secret::new("hunter2".into());
        assert!(!format!("{s:?}").contains("hunter2"));
        let conn = ConnectionArgs {
            password: Some("hunter2".into()),
            ..Default::default()
        };
        let set = resolve(conn, OutputArgs::default(), env(&[], false)).unwrap();
        assert!(!format!("{set:?}").contains("hunter2"));
    }

    #[test]
    fn plain_http_to_a_remote_host_warns_unless_silenced() {
        let conn = |hosts: &str| ConnectionArgs {
            hosts: Some(hosts.into()),
            ..Default::default()
        };
        let s = resolve(
            conn("mx1.example:8989,127.0.0.1"),
            OutputArgs::default(),
            env(&[], true),
        )
        .unwrap();
        assert!(s.plain_http_warning().unwrap().contains("mx1.example:8989"));
        let s = resolve(
            conn("127.0.0.1,localhost,https://mx1"),
            OutputArgs::default(),
            env(&[], true),
        )
        .unwrap();
        assert_eq!(s.plain_http_warning(), None);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.cnf");
        std::fs::write(&path, "[mxs]\nplain-http-warning = false\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let args = ConnectionArgs {
            config: Some(path),
            ..conn("mx1.example")
        };
        let s = resolve(args, OutputArgs::default(), env(&[], true)).unwrap();
        assert_eq!(s.plain_http_warning(), None);
    }

    #[test]
    fn jq_implies_compact_json_takes_jsonl_and_refuses_other_formats() {
        let args = |jq: &str, output: Option<Format>| OutputArgs {
            jq: Some(jq.into()),
            output,
            ..Default::default()
        };
        let s = resolve(
            ConnectionArgs::default(),
            args(".data", None),
            env(&[], true),
        )
        .unwrap();
        assert_eq!(s.output.format, Format::Json);
        assert!(!s.output.pretty_json && s.output.format_given && s.jq.is_some());
        let s = resolve(
            ConnectionArgs::default(),
            args(".", Some(Format::Jsonl)),
            env(&[], false),
        )
        .unwrap();
        assert_eq!(s.output.format, Format::Jsonl);
        for format in [Format::Tsv, Format::Table, Format::Ids] {
            let err = resolve(
                ConnectionArgs::default(),
                args(".", Some(format)),
                env(&[], false),
            )
            .unwrap_err();
            assert_eq!(err.cause, crate::error::Cause::Usage, "{}", err.message);
        }
        let err =
            resolve(ConnectionArgs::default(), args(".[", None), env(&[], false)).unwrap_err();
        assert_eq!(err.cause, crate::error::Cause::Usage);
        assert!(err.message.contains("(column 2)"), "{}", err.message);
    }

    #[test]
    fn width_falls_back_to_columns_then_fixed() {
        let s = resolve(
            ConnectionArgs::default(),
            OutputArgs::default(),
            env(&[("COLUMNS", "90")], false),
        )
        .unwrap();
        assert_eq!(s.output.width, 90);
    }
}
