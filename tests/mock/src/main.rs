//! The `mxs-mock` binary: serve the mock until killed, or around a command (`-- COMMAND ARGS...`).

use clap::Parser;
use mxs_mock::{
    DEFAULT_MAX_BODY, DEFAULT_PASSWORD, DEFAULT_RO_PASSWORD, DEFAULT_RO_USER, DEFAULT_USER, Fault,
    MockConfig, MockServer, RestartFailure, TlsFiles, Version,
};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(
    name = "mxs-mock",
    version,
    about = "A MaxScale-compatible admin REST API mock server (sessions endpoints)",
    after_help = "Fault modes (--fault MODE):\n  status:CODE, html-502, invalid-json, truncated, empty, data-string, numeric-ids,\n  no-attributes, deep-nesting, invalid-utf8, hang, slow, reset, redirect, huge[:MB],\n  not-json-content-type, huge-headers[:MB], huge-string[:MB],\n  huge-key[:MB], huge-number[:MB], stall   (--fault help describes each)"
)]
struct Cli {
    /// Port to listen on (0 = ephemeral); with --listeners N, ports PORT..PORT+N-1
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Number of independent listeners serving the same data
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=256))]
    listeners: u16,
    /// Loopback address to bind
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Basic-auth user
    #[arg(long, default_value = DEFAULT_USER)]
    user: String,
    /// Basic-auth password
    #[arg(long, default_value = DEFAULT_PASSWORD)]
    password: String,
    /// Read-only account: reads work, writes get 401 (403 with a token)
    #[arg(long, value_name = "USER", default_value = DEFAULT_RO_USER)]
    ro_user: String,
    /// Password of --ro-user
    #[arg(long, value_name = "PASSWORD", default_value = DEFAULT_RO_PASSWORD)]
    ro_password: String,
    /// No read-only account
    #[arg(long, conflicts_with_all = ["ro_user", "ro_password"])]
    no_ro_user: bool,
    /// Filters that exist, for session PATCHes (comma-separated; "" for none)
    #[arg(long, value_name = "NAMES", default_value = "Regex")]
    filters: String,
    /// Restarting these sessions fails: all or ID[,ID...], then :pool (default) or :busy (repeatable)
    #[arg(long = "restart-fail", value_name = "SPEC")]
    restart_fail: Vec<RestartFailure>,
    /// Answer successful writes with 204 No Content (MaxScale sends 200 with an empty body)
    #[arg(long)]
    no_content: bool,
    /// Largest request body accepted, in bytes (larger ones get a 413)
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BODY)]
    max_body: usize,
    /// Append one JSON line per write request (method, path, query, user, status, body, port)
    #[arg(long, value_name = "FILE")]
    record: Option<PathBuf>,
    /// MaxScale version to imitate (dataset and rules)
    #[arg(long = "maxscale-version", value_name = "V", default_value = "24.02.4",
          value_parser = ["2.2", "2.5", "6.4", "22.08", "23.02", "24.02", "24.02.4", "24.08", "24.08.1"])]
    maxscale_version: String,
    /// Serve N generated sessions instead of the fixtures
    #[arg(long, value_name = "N")]
    sessions: Option<usize>,
    /// Seed of the session generator
    #[arg(long, value_name = "S", default_value_t = 0)]
    seed: u64,
    /// Number of distinct client addresses of generated sessions (default min(N, 1000))
    #[arg(long, value_name = "K")]
    addresses: Option<usize>,
    /// Reverse-DNS entry for rdns=true (repeatable); 127.0.0.1 and ::ffff:127.0.0.1 are localhost
    #[arg(long = "rdns-name", value_name = "ADDR=NAME")]
    rdns_name: Vec<String>,
    /// Delay before each response, in milliseconds
    #[arg(long, value_name = "MS", default_value_t = 0)]
    latency: u64,
    /// A list waits N microseconds per live session before it is answered (a real MaxScale
    /// 24.02 spends about 60 of CPU); with a COMMAND, the lists and their cost are printed on
    /// stderr when it exits
    #[arg(long, value_name = "N", default_value_t = 0)]
    list_cost_us: u64,
    /// Serve sessions with hostile strings (terminal escapes, bidi, controls, ...)
    #[arg(long)]
    evil: bool,
    /// Sessions come and go: each list request closes the lowest id and opens a new one
    #[arg(long)]
    churn: bool,
    /// Misbehave on the sessions endpoints ("help" lists the modes)
    #[arg(long, value_name = "MODE")]
    fault: Option<String>,
    /// Session writes (DELETE, POST) are carried out, then answered never (hang), slowly
    /// (slow) or with a reset (reset)
    #[arg(long, value_name = "MODE")]
    write_fault: Option<mxs_mock::WriteFault>,
    /// Body size of --fault huge, in MiB
    #[arg(long, value_name = "MB")]
    huge_mb: Option<usize>,
    /// Serve HTTPS with this certificate chain (PEM)
    #[arg(long, value_name = "PEM", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// Private key of --tls-cert (PEM)
    #[arg(long, value_name = "PEM", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Request client certificates and verify them against this CA (PEM)
    #[arg(long, value_name = "PEM", requires = "tls_cert")]
    tls_client_ca: Option<PathBuf>,
    /// parameters.retain_last_statements of GET /v1/maxscale (0: the server keeps no statements)
    #[arg(long, value_name = "N", default_value_t = mxs_mock::DEFAULT_RETAIN_LAST_STATEMENTS)]
    retain_last_statements: i64,
    /// The server's clock is fixed at this Unix time (seconds): the Date header reads it
    #[arg(long, value_name = "SECS")]
    server_time: Option<i64>,
    /// Serve a generated log of N lines (GET /v1/maxscale/logs/entries and /data)
    #[arg(long, value_name = "N")]
    log_lines: Option<usize>,
    /// The backend behind the SQL API (/v1/sql): `demo` (lock waits over the default
    /// dataset) or a scenario file (JSON; see the README's "SQL API")
    #[arg(long, value_name = "demo|FILE")]
    backend: Option<String>,
    /// Command to run with MXS_HOSTS set; the mock stops when it exits
    #[arg(last = true, value_name = "COMMAND")]
    command: Vec<String>,
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("mxs-mock: error: {msg}");
    ExitCode::from(1)
}

fn read(path: &PathBuf) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn config(cli: &Cli) -> Result<MockConfig, String> {
    let version: Version = cli.maxscale_version.parse()?;
    if cli.max_body == 0 {
        return Err("--max-body must be > 0".into());
    }
    if let Some(path) = &cli.record {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    }
    let mut fault: Option<Fault> = cli.fault.as_deref().map(str::parse).transpose()?;
    if let (Some(Fault::Huge { mb }), Some(size)) = (&mut fault, cli.huge_mb) {
        if size == 0 {
            return Err("--huge-mb must be > 0".into());
        }
        *mb = size;
    }
    let mut rdns_names = mxs_mock::default_rdns_names();
    for entry in &cli.rdns_name {
        let (addr, name) = entry
            .split_once('=')
            .ok_or_else(|| format!("invalid --rdns-name '{entry}' (expected ADDR=NAME)"))?;
        rdns_names.retain(|(a, _)| a != addr);
        rdns_names.insert(0, (addr.to_string(), name.to_string()));
    }
    let tls = match (&cli.tls_cert, &cli.tls_key) {
        (Some(cert), Some(key)) => Some(TlsFiles {
            cert_pem: read(cert)?,
            key_pem: read(key)?,
            client_ca_pem: cli.tls_client_ca.as_ref().map(read).transpose()?,
        }),
        _ => None,
    };
    Ok(MockConfig {
        bind: cli.bind,
        port: cli.port,
        version,
        sessions: cli.sessions,
        seed: cli.seed,
        addresses: cli.addresses,
        user: cli.user.clone(),
        password: cli.password.clone(),
        readonly: (!cli.no_ro_user).then(|| (cli.ro_user.clone(), cli.ro_password.clone())),
        filters: cli
            .filters
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect(),
        restart_failures: cli.restart_fail.clone(),
        no_content: cli.no_content,
        max_body: cli.max_body,
        record: cli.record.clone(),
        rdns_names,
        latency: Duration::from_millis(cli.latency),
        list_cost_us: cli.list_cost_us,
        fault,
        write_fault: cli.write_fault,
        evil: cli.evil,
        churn: cli.churn,
        tls,
        retain_last_statements: cli.retain_last_statements,
        server_time: cli.server_time,
        log_lines: cli.log_lines,
        backend: match cli.backend.as_deref() {
            None => None,
            Some("demo") => Some(mxs_mock::Backend::demo()),
            Some(file) => {
                let text = read(&PathBuf::from(file))?;
                let v: serde_json::Value = serde_json::from_slice(&text)
                    .map_err(|e| format!("--backend {file}: invalid JSON: {e}"))?;
                Some(
                    mxs_mock::Backend::from_json(&v)
                        .map_err(|e| format!("--backend {file}: {e}"))?,
                )
            }
        },
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.fault.as_deref() == Some("help") {
        print!("{}", Fault::help());
        return ExitCode::SUCCESS;
    }
    let config = match config(&cli) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let servers = match MockServer::start_many(config.clone(), usize::from(cli.listeners)) {
        Ok(s) => s,
        Err(e) => return fail(format!("cannot listen on {}:{}: {e}", cli.bind, cli.port)),
    };
    let endpoints: Vec<String> = servers.iter().map(MockServer::endpoint).collect();
    if cli.command.is_empty() {
        let mut out = std::io::stdout().lock();
        for s in &servers {
            let scheme = if config.tls.is_some() {
                "https"
            } else {
                "http"
            };
            let _ = writeln!(out, "listening on {scheme}://{}", s.addr());
        }
        let _ = out.flush();
        drop(out);
        loop {
            std::thread::park();
        }
    }
    let mut cmd = std::process::Command::new(&cli.command[0]);
    cmd.args(&cli.command[1..])
        .env("MXS_HOSTS", endpoints.join(","));
    if config.user != DEFAULT_USER || config.password != DEFAULT_PASSWORD {
        cmd.env("MXS_USER", &config.user)
            .env("MXS_PASSWORD", &config.password);
    }
    let status = match cmd.status() {
        Ok(s) => s,
        Err(e) => {
            drop(servers);
            eprintln!("mxs-mock: error: cannot run '{}': {e}", cli.command[0]);
            return ExitCode::from(127);
        }
    };
    if config.list_cost_us > 0
        && let Some(s) = servers.first()
    {
        let (lists, cost) = s.list_stats();
        eprintln!(
            "mxs-mock: {lists} list(s) answered, {:.3} s of list cost ({} us per session)",
            cost.as_secs_f64(),
            config.list_cost_us
        );
    }
    drop(servers);
    if let Some(code) = status.code() {
        return ExitCode::from(code as u8);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return ExitCode::from((128 + sig) as u8);
        }
    }
    ExitCode::from(1)
}
