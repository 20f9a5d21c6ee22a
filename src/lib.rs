//! mxs: a command-line client and inspector for the MariaDB MaxScale admin REST API.
//!
//! The binary is a thin `main` over [`run`]; the modules are public so that the fuzz target and
//! benchmarks can drive the decoder and renderers directly.

pub mod api;
pub mod bounded;
pub mod cli;
pub mod columns;
pub mod commands;
pub mod config;
pub mod diag;
pub mod endpoint;
pub mod error;
pub mod output;
pub mod rdns;
pub mod select;
pub mod settings;
pub mod units;

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, FromArgMatches};

use crate::api::client::Client;
use crate::cli::{Cli, Command, GenerateCommand, SessionsCommand};
use crate::commands::{Ctx, watch};
use crate::diag::Diag;
use crate::error::{ExitKind, Failure};
use crate::output::style::Palette;
use crate::settings::{Env, PasswordSource, Secret, Settings};

/// Parses the command line and runs it; the one place that turns errors into exit codes.
#[must_use]
pub fn main() -> ExitCode {
    let parsed = Cli::command().try_get_matches().and_then(|matches| {
        let mut cli = Cli::from_arg_matches(&matches)?;
        cli.connection.hosts_from_env =
            matches.value_source("hosts") == Some(clap::parser::ValueSource::EnvVariable);
        Ok(cli)
    });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (2).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                ExitKind::Usage.code()
            } else {
                0
            });
        }
    };
    let env = Env::from_process();
    // Until the settings are resolved (their errors need printing too), stderr follows `auto`.
    let mut diag = Diag {
        palette: Palette {
            enabled: settings::decide_color(&env, cli::ColorWhen::Auto, env.stderr_tty),
        },
        tty: env.stderr_tty,
    };
    match run(cli, env, &mut diag) {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(kind)) => ExitCode::from(kind.code()),
        Err(err) if error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            diag.error(&err);
            ExitCode::from(error::exit_kind(&err).code())
        }
    }
}

/// Runs a parsed command line; `Ok(Some(kind))` is a failure already reported on stderr.
pub fn run(cli: Cli, env: Env, diag: &mut Diag) -> anyhow::Result<Option<ExitKind>> {
    if let Command::Generate(g) = &cli.command {
        return generate(g);
    }
    let settings = Settings::resolve(&cli.connection, &cli.output, env)?;
    diag.palette.enabled = settings.output.stderr_color;
    for w in &settings.warnings {
        diag.warning(w);
    }
    let conn = &settings.connection;
    if conn.endpoints.iter().any(|e| e.https) && !conn.tls.verify {
        diag.warning("--tls-verify-server-cert=false: the server's certificate is not checked");
    }
    if diag.tty {
        if let Some(w) = settings.plain_http_warning() {
            diag.warning(&w);
        }
    }
    let password = password(&settings)?;
    let client = Arc::new(Client::new(conn, password)?);
    let ctx = Ctx {
        palette: Palette {
            enabled: settings.output.color,
        },
        labels: conn.endpoints.iter().map(|e| e.label.clone()).collect(),
        client,
        diag: *diag,
        settings,
    };
    let Command::Sessions(cmd) = &cli.command else {
        return Ok(None);
    };
    match cmd {
        SessionsCommand::List(args) => match &args.watch {
            Some(interval) => watch::run(
                &ctx,
                &watch::Watch {
                    interval: Some(interval),
                    count: None,
                    rdns: &args.rdns,
                    select: &args.select,
                    columns: &args.columns,
                    wide: args.wide,
                },
            ),
            None => commands::sessions::list(&ctx, args),
        },
        SessionsCommand::Show(args) => commands::sessions::show(&ctx, args),
        SessionsCommand::Summary(args) => commands::summary::run(&ctx, args),
        SessionsCommand::Watch(args) => watch::run(
            &ctx,
            &watch::Watch {
                interval: args.interval.as_deref(),
                count: args.count,
                rdns: &args.rdns,
                select: &args.select,
                columns: &args.columns,
                wide: args.wide,
            },
        ),
    }
}

fn generate(cmd: &GenerateCommand) -> anyhow::Result<Option<ExitKind>> {
    match cmd {
        GenerateCommand::Completions {
            shell: Some(shell), ..
        } => {
            let mut out = std::io::stdout().lock();
            out.write_all(&commands::generate::completions(*shell))?;
            out.flush()?;
        }
        GenerateCommand::Completions { dir, .. } => {
            commands::generate::write_completions(
                dir.as_deref().unwrap_or(std::path::Path::new(".")),
            )?;
        }
        GenerateCommand::Man { dir } => commands::generate::write_man(dir)?,
    }
    Ok(None)
}

/// The password: given, prompted for (hidden echo) on a terminal, or one line of stdin.
fn password(settings: &Settings) -> anyhow::Result<Secret> {
    let read_line = || -> anyhow::Result<Secret> {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Failure::usage(format!("reading the password from stdin: {e}")))?;
        Ok(Secret::new(line.trim_end_matches(['\n', '\r']).to_string()))
    };
    match &settings.connection.password {
        PasswordSource::Given(s) => Ok(s.clone()),
        PasswordSource::Stdin => read_line(),
        PasswordSource::Prompt if settings.stdin_tty() => Ok(Secret::new(
            rpassword::prompt_password("Enter password: ")
                .map_err(|e| Failure::usage(format!("reading the password: {e}")))?,
        )),
        PasswordSource::Prompt => read_line(),
    }
}

/// The inputs that fuzzing found troublesome (`fuzz/regressions/`), replayed through the decoder
/// and every renderer without a nightly toolchain.
#[cfg(test)]
mod fuzz_regressions {
    use crate::api::model::Session;
    use crate::api::scan::{self, Event};
    use crate::columns::Column;
    use crate::output::json::{self, Layout, Meta};
    use crate::output::style::Palette;
    use crate::output::{sanitize, show, table::Table, tsv};

    #[test]
    fn every_regression_renders_safely() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
        let labels = ["mx:8989".to_string()];
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).expect("fuzz/regressions") {
            let bytes = std::fs::read(entry.expect("entry").path()).expect("read");
            seen += 1;
            let _ = scan::scan(&bytes[..], |event| {
                let element = match event {
                    Event::Element { bytes, .. } | Event::Data { bytes } => bytes,
                    Event::Member { .. } => return Ok(()),
                };
                if let Ok(s) = Session::parse(element, 0) {
                    let mut out = Vec::new();
                    let t = Table {
                        columns: &Column::ALL,
                        labels: &labels,
                        width: 80,
                        palette: Palette { enabled: false },
                    };
                    t.write(&mut out, std::slice::from_ref(&s), None)?;
                    tsv::write_row(&mut out, &s, &labels)?;
                    let text = String::from_utf8(out)?;
                    assert!(
                        !text
                            .chars()
                            .any(|c| c != '\n' && c != '\t' && sanitize::is_unsafe(c)),
                        "{text}"
                    );
                }
                if json::validate(element).is_ok() {
                    let meta = Meta {
                        maxscale: "mx",
                        remote_name: Some(None),
                    };
                    let mut out = Vec::new();
                    json::write_resource(&mut out, element, &meta, Layout::Compact)?;
                    let text = String::from_utf8(out)?;
                    assert_eq!(text.matches("\"maxscale\":\"mx\"").count(), 1, "{text}");
                }
                if let Ok(v) = serde_json::from_slice::<serde_json::Value>(element) {
                    let ctx = show::Context {
                        maxscale: "mx",
                        remote_name: None,
                        width: 80,
                        palette: Palette { enabled: false },
                        now: 0,
                    };
                    let _ = show::render(&v, &ctx);
                    let _ = show::fields(&v, &ctx);
                }
                Ok(())
            });
        }
        assert!(seen >= 6, "the regression inputs are there");
    }
}
