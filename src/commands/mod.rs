//! The commands: each takes its resolved plan, fetches, selects and hands a view to its
//! renderer in `output`; none formats output itself. [`Ctx`] carries what every command needs.

pub mod act;
pub mod complete;
pub mod locks;
pub mod log;
pub mod queries;
pub mod sessions;
pub mod summary;
pub mod watch;

use std::io::{self, BufWriter, Write};
use std::sync::Arc;

use crate::api::maxscale::MaxScale;
use crate::error::ExitKind;
use crate::hosts::Hosts;
use crate::output::Options;
use crate::plan::{Plan, RdnsSettings};
use crate::rdns;

/// What every command needs: the hosts' API, how to render stdout, stderr, and the facts of
/// the run that were captured once.
pub struct Ctx {
    pub api: MaxScale,
    /// How to render stdout.
    pub options: Options,
    pub diag: crate::diag::Diag,
    /// The servers' UTC offset in seconds, for the zoneless times of `queries[]`.
    pub utc_offset: i64,
    /// Which of the standard streams are terminals, as captured when the process started.
    pub terminal: Terminal,
    /// `--jq`: the filter that stdout's JSON goes through.
    pub jq: Option<Arc<crate::output::jq::Program>>,
    /// The database account of the SQL API, for the commands that read the backend.
    pub sql: Option<crate::api::sql::Credentials>,
}

/// Which of the standard streams are terminals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Terminal {
    pub stdin: bool,
    pub stdout: bool,
}

/// Runs a resolved command.
pub fn run(ctx: &Ctx, plan: &Plan) -> anyhow::Result<Option<ExitKind>> {
    match plan {
        Plan::List(p) => sessions::list(ctx, p),
        Plan::Queries(p) => queries::run(ctx, p),
        Plan::Show(p) => sessions::show(ctx, p),
        Plan::Summary(p) => summary::run(ctx, p),
        Plan::Watch(p) => watch::run(ctx, p),
        Plan::Act(p) => act::run(ctx, p),
        Plan::Log(p) => log::run(ctx, p),
        Plan::Locks(p) => locks::run(ctx, p),
    }
}

impl Ctx {
    /// A copy that writes nothing on stderr (for the live view, which owns the terminal).
    #[must_use]
    pub fn quiet(&self) -> Ctx {
        Ctx {
            api: self.api.clone(),
            options: self.options,
            diag: crate::diag::Diag {
                quiet: true,
                tty: false,
                ..self.diag
            },
            utc_offset: self.utc_offset,
            terminal: self.terminal,
            jq: self.jq.clone(),
            sql: self.sql.clone(),
        }
    }

    #[must_use]
    pub fn hosts(&self) -> &Hosts {
        self.api.hosts()
    }

    /// The hosts' labels, by index.
    #[must_use]
    pub fn labels(&self) -> &[String] {
        self.api.hosts().labels()
    }

    /// Buffered stdout (`Send`, so host threads can stream into it), through the `--jq`
    /// filter when there is one.
    #[must_use]
    pub fn stdout(&self) -> BufWriter<Stdout> {
        self.stdout_with(256 * 1024)
    }

    /// [`Ctx::stdout`] with a buffer of `capacity` bytes.
    #[must_use]
    pub fn stdout_with(&self, capacity: usize) -> BufWriter<Stdout> {
        let out = match &self.jq {
            Some(program) => Stdout::Jq(Box::new(crate::output::jq::Sink::new(
                Arc::clone(program),
                Stdout::new(),
                self.terminal.stdout,
            ))),
            None => Stdout::new(),
        };
        BufWriter::with_capacity(capacity, out)
    }

    /// Prints each host's failure on stderr; returns the exit kind of the first one (in host
    /// order), or the broken-pipe error to end quietly.
    pub fn report_failures(
        &self,
        failures: Vec<(usize, anyhow::Error)>,
    ) -> anyhow::Result<Option<ExitKind>> {
        let mut first = None;
        for (_, err) in failures {
            if crate::error::is_broken_pipe(&err) {
                return Err(err);
            }
            first.get_or_insert(crate::error::exit_kind(&err));
            self.diag.error(&err);
        }
        Ok(first)
    }
}

/// The resolver to use: the test fake when `MXS_TEST_RESOLVER` is set, else the system's.
pub fn resolver(settings: &RdnsSettings) -> anyhow::Result<Arc<dyn rdns::Resolver>> {
    Ok(match &settings.fake {
        Some(spec) => {
            Arc::new(rdns::FakeResolver::from_spec(spec).map_err(crate::error::Failure::usage)?)
        }
        None => Arc::new(rdns::SystemResolver),
    })
}

/// Resolves the client addresses of `remotes` (client-side reverse DNS), with progress on a
/// terminal and a summary line of failures on stderr.
pub fn resolve_names<'a>(
    ctx: &Ctx,
    settings: &RdnsSettings,
    cache: &mut rdns::Cache,
    remotes: impl IntoIterator<Item = &'a str>,
) -> anyhow::Result<rdns::Report> {
    let resolver = resolver(settings)?;
    let opts = rdns::Options {
        per_lookup: settings.per_lookup,
        deadline: settings.deadline,
        concurrency: settings.concurrency,
    };
    let mut progress = ctx.diag.progress("resolving host names");
    let report = rdns::resolve(remotes, &resolver, &opts, cache, &mut |done, total| {
        progress.update(done, total)
    });
    progress.finish();
    let failed = report.count(&rdns::Outcome::NoName);
    let timed_out = report.count(&rdns::Outcome::TimedOut);
    if failed + timed_out > 0 {
        ctx.diag.note(&format!(
            "reverse DNS: {} of {} addresses not resolved ({failed} without a name, {timed_out} timed out)",
            failed + timed_out,
            report.outcomes.len()
        ));
    }
    let _ = io::stderr().flush();
    Ok(report)
}

/// Resolves the client addresses of the listed sessions ([`resolve_names`]) and writes each
/// name (or that it has none) onto its session.
pub fn name_sessions(
    ctx: &Ctx,
    settings: &RdnsSettings,
    cache: &mut rdns::Cache,
    items: &mut [crate::output::list::Item],
) -> anyhow::Result<()> {
    let report = resolve_names(
        ctx,
        settings,
        cache,
        items.iter().filter_map(|(s, _)| s.remote.as_deref()),
    )?;
    for (s, _) in items {
        if let Some(remote) = s.remote.as_deref() {
            s.remote_name = report.name(remote).map(str::to_string);
            s.unresolved = report.unresolved(remote);
        }
    }
    Ok(())
}

/// Standard output written straight to its file descriptor. `io::Stdout` is line-buffered
/// whatever it is connected to, and searches every write for its last newline (a pass over the
/// bytes of every buffer flushed, for a JSON list of hundreds of MB); the commands buffer their
/// output themselves, so they write to a duplicate of the descriptor (same open file, offset
/// and flags), and to `io::Stdout` only where there is none to duplicate. With `--jq`, the
/// output goes through the filter first.
pub enum Stdout {
    File(std::fs::File),
    Std(io::Stdout),
    Jq(Box<crate::output::jq::Sink<Stdout>>),
}

impl Stdout {
    #[must_use]
    pub fn new() -> Stdout {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            if let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() {
                return Stdout::File(std::fs::File::from(fd));
            }
        }
        Stdout::Std(io::stdout())
    }
}

impl Default for Stdout {
    fn default() -> Self {
        Stdout::new()
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stdout::File(f) => f.write(buf),
            Stdout::Std(s) => s.write(buf),
            Stdout::Jq(j) => j.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Stdout::File(f) => f.write_all(buf),
            Stdout::Std(s) => s.write_all(buf),
            Stdout::Jq(j) => j.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stdout::File(f) => f.flush(),
            Stdout::Std(s) => s.flush(),
            Stdout::Jq(j) => j.flush(),
        }
    }
}
