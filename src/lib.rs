//! mxs: a command-line client and inspector for the MariaDB MaxScale admin REST API.
//!
//! The binary is a thin `main` over [`run`]; the modules are public so that the fuzz target and
//! benchmarks can drive the decoder and renderers directly.

pub mod api;
pub mod bounded;
pub mod choice;
pub mod cli;
pub mod columns;
pub mod commands;
pub mod config;
pub mod diag;
pub mod endpoint;
pub mod error;
pub mod hosts;
pub mod locks;
pub mod output;
pub mod plan;
pub mod rdns;
pub mod select;
pub mod settings;
pub mod summary;
pub mod text;
pub mod tui;

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::sync::Arc;

use crate::api::client::Client;
use crate::api::maxscale::MaxScale;
use crate::cli::{Cli, Command, GenerateCommand};
use crate::commands::{Ctx, Terminal};
use crate::diag::Diag;
use crate::error::{ExitKind, Failure};
use crate::output::style::Palette;
use crate::settings::{ColorWhen, Env, PasswordSource, Secret, Settings};

/// Parses the command line and runs it; the one place that turns errors into exit codes.
#[must_use]
pub fn main() -> ExitCode {
    if cli::complete::requested() {
        // A completion answers or says nothing: no message on stderr, not even a panic's.
        std::panic::set_hook(Box::new(|_| {}));
        cli::complete::answer(complete_values);
        return ExitCode::SUCCESS;
    }
    install_panic_hook();
    let cli = match cli::parse() {
        cli::Parsed::Run(cli) => *cli,
        cli::Parsed::Exit { code, hint } => {
            if let Some(hint) = hint {
                let _ = writeln!(
                    std::io::stderr(),
                    "mxs: hint: {}",
                    text::sanitize::line(&hint)
                );
            }
            return ExitCode::from(code);
        }
    };
    let env = Env::from_process();
    // Until the settings are resolved (their errors need printing too), stderr follows `auto`.
    let mut diag = Diag {
        palette: Palette {
            enabled: settings::decide_color(&env, ColorWhen::Auto, env.stderr_tty),
        },
        tty: env.stderr_tty,
        quiet: false,
    };
    match run(cli, env, &mut diag) {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(kind)) => ExitCode::from(kind.code()),
        Err(err) if error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) if output::jq::runtime_error(&err).is_some() => {
            // the filter's own error, without the writes it went through
            let message = output::jq::runtime_error(&err).map(ToString::to_string);
            diag.error(&anyhow::anyhow!(message.unwrap_or_default()));
            ExitCode::from(ExitKind::Other.code())
        }
        Err(err) => {
            diag.error(&err);
            ExitCode::from(error::exit_kind(&err).code())
        }
    }
}

/// The values TAB offers (`cli::complete`): the lists from their one source, the config
/// file's hosts, and the session ids of the hosts the typed words, the environment and the
/// config file name, read as a command would read them but never prompting for a password and
/// never waiting past `commands::complete::DEADLINE`. A failure offers nothing.
fn complete_values(
    kind: cli::complete::Values,
    conn: &cli::ConnectionArgs,
    current: &str,
) -> Vec<cli::complete::Candidate> {
    use crate::cli::complete::Values;
    use crate::commands::complete as offer;
    let deadline = std::time::Instant::now() + offer::DEADLINE;
    let ids = |conn| {
        let env = Env::from_process();
        let Ok(settings) = Settings::resolve(conn, &cli::OutputArgs::default(), env) else {
            return Vec::new();
        };
        let connection = &settings.connection;
        let PasswordSource::Given(password) = &connection.password else {
            return Vec::new();
        };
        let mut config = connection.client_config(password.clone());
        config.timeout = config.timeout.min(offer::REQUEST_TIMEOUT);
        let Ok(client) = Client::new(&config) else {
            return Vec::new();
        };
        let api = MaxScale::new(Arc::new(client), connection.hosts.clone());
        offer::session_ids(&api, deadline)
    };
    let offers = match kind {
        Values::Columns | Values::Where => offer::columns(),
        Values::Sort => offer::sort_columns(current),
        Values::Groups => offer::groups(),
        Values::Pairs => offer::alter_pairs(),
        Values::Hosts => {
            let hosts: Vec<offer::Offer> = settings::config_hosts(conn, &Env::from_process())
                .into_iter()
                .map(|h| (h, Some("config file".to_string())))
                .collect();
            offer::list_items(current, &hosts)
        }
        Values::Ids => ids(conn),
        Values::IdsOrPairs => {
            // ids first (alter ID KEY=VALUE...), unless a key is being typed
            let mut offers = if current.starts_with(|c: char| c.is_ascii_alphabetic()) {
                Vec::new()
            } else {
                ids(conn)
            };
            offers.extend(offer::alter_pairs());
            offers
        }
    };
    offers
        .into_iter()
        .filter(|(value, _)| offer::plain(value))
        .map(|(value, help)| cli::complete::Candidate {
            value,
            help: help.map(|h| offer::help(&h)),
        })
        .collect()
}

/// A panic is a bug: print one line that says so (with the version, and a request to report
/// it), leave the terminal as it was found (raw mode off, main screen), and exit 1 rather than
/// Rust's 101 and a backtrace.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        tui::terminal::restore();
        // a backend connection is held until MaxScale restarts unless it is closed
        api::sql::close_everything();
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let _ = writeln!(
            std::io::stderr(),
            "mxs: internal error: {}{place} (mxs {}); please report it with the command that caused it",
            text::sanitize::line(&payload),
            env!("CARGO_PKG_VERSION")
        );
        std::process::exit(1);
    }));
}

/// Runs a parsed command line: resolve everything, then act. `Ok(Some(kind))` is a failure
/// already reported on stderr.
pub fn run(cli: Cli, env: Env, diag: &mut Diag) -> anyhow::Result<Option<ExitKind>> {
    let sessions = match &cli.command {
        Command::Generate(g) => return generate(g),
        Command::Completions { shell } => {
            let mut out = std::io::stdout().lock();
            out.write_all(&cli::generate::completions(*shell))?;
            out.flush()?;
            return Ok(None);
        }
        other => other.sessions(),
    };
    let Some(sessions) = sessions else {
        return Err(Failure::internal("no command").into());
    };
    // The panic hook's test: a bug on demand, through a variable no user sets.
    if env.vars.contains_key("MXS_TEST_PANIC") {
        panic!("MXS_TEST_PANIC is set");
    }
    // ... and one inside the live view, once it owns the terminal
    if env.vars.contains_key("MXS_TEST_PANIC_LIVE") {
        tui::terminal::TEST_PANIC.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let settings = Settings::resolve(&cli.connection, &cli.output, env)?;
    diag.palette.enabled = settings.output.stderr_color;
    for w in &settings.warnings {
        diag.warning(w);
    }
    let plan = settings.plan(&sessions)?;
    let conn = &settings.connection;
    if conn.hosts.any_https() && !conn.tls.verify {
        diag.warning("--tls-verify-server-cert=false: the server's certificate is not checked");
    }
    if diag.tty
        && let Some(w) = settings.plain_http_warning()
    {
        diag.warning(&w);
    }
    let password = password(&settings, &settings.connection.password, "Enter password: ")?;
    let sql = match (&conn.sql.user, &conn.sql.password) {
        // the live view reads the backend when asked (`b`), if credentials were given
        (Some(user), Some(source))
            if plan.reads_backend() || matches!(&plan, plan::Plan::Watch(w) if w.live) =>
        {
            Some(api::sql::Credentials {
                user: user.clone(),
                password: self::password(&settings, source, "Enter database password: ")?,
            })
        }
        _ => None,
    };
    let client = Arc::new(Client::new(&conn.client_config(password))?);
    let ctx = Ctx {
        api: MaxScale::new(client, conn.hosts.clone()),
        options: settings.output.options(),
        diag: *diag,
        utc_offset: conn.utc_offset,
        terminal: Terminal {
            stdin: settings.stdin_tty(),
            stdout: settings.output.stdout_tty,
        },
        jq: settings.jq.clone(),
        sql,
    };
    commands::run(&ctx, &plan)
}

fn generate(cmd: &GenerateCommand) -> anyhow::Result<Option<ExitKind>> {
    match cmd {
        GenerateCommand::Completions {
            shell: Some(shell), ..
        } => {
            let mut out = std::io::stdout().lock();
            out.write_all(&cli::generate::completions(*shell))?;
            out.flush()?;
        }
        GenerateCommand::Completions { dir, .. } => {
            cli::generate::write_completions(dir.as_deref().unwrap_or(std::path::Path::new(".")))?;
        }
        GenerateCommand::Man { dir } => cli::generate::write_man(dir)?,
    }
    Ok(None)
}

/// A password: given, prompted for (hidden echo) on a terminal, or one line of stdin.
fn password(settings: &Settings, source: &PasswordSource, prompt: &str) -> anyhow::Result<Secret> {
    let read_line = || -> anyhow::Result<Secret> {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Failure::usage(format!("reading the password from stdin: {e}")))?;
        Ok(Secret::new(line.trim_end_matches(['\n', '\r']).to_string()))
    };
    match source {
        PasswordSource::Given(s) => Ok(s.clone()),
        PasswordSource::Stdin => read_line(),
        PasswordSource::Prompt if settings.stdin_tty() => Ok(Secret::new(
            rpassword::prompt_password(prompt)
                .map_err(|e| Failure::usage(format!("reading the password: {e}")))?,
        )),
        PasswordSource::Prompt => read_line(),
    }
}
