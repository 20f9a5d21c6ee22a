//! Messages on stderr: errors (`mxs: error: ...` and an optional hint line), warnings, notes,
//! the progress line, and an action's preview and question. Every message is sanitized: errors quote server text. Progress is shown
//! only on a terminal, only after a short delay, and is erased when done.

use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::output::Options;
use crate::output::actions::Preview;
use crate::output::style::Palette;
use crate::text::sanitize;

/// The stderr printer.
#[derive(Debug, Clone, Copy)]
pub struct Diag {
    pub palette: Palette,
    pub tty: bool,
    /// Write nothing: the live view owns the terminal, and shows what matters itself.
    pub quiet: bool,
}

impl Diag {
    /// `mxs: error: <chain>` and, when known, `  hint: ...`.
    pub fn error(&self, err: &anyhow::Error) {
        if self.quiet {
            return;
        }
        let text = sanitize::line(&format!("{err:#}")).into_owned();
        let mut stderr = io::stderr().lock();
        let _ = writeln!(stderr, "{} {text}", self.palette.error("mxs: error:"));
        if let Some(h) = crate::error::hint(err) {
            let _ = writeln!(stderr, "  hint: {}", sanitize::line(h));
        }
    }

    pub fn warning(&self, text: &str) {
        if self.quiet {
            return;
        }
        let _ = writeln!(
            io::stderr().lock(),
            "{} {}",
            self.palette.warning("mxs: warning:"),
            sanitize::line(text)
        );
    }

    /// A line of its own on stderr (results of actions), sanitized.
    pub fn line(&self, text: &str) {
        if self.quiet {
            return;
        }
        let _ = writeln!(io::stderr().lock(), "{}", sanitize::line(text));
    }

    pub fn note(&self, text: &str) {
        if self.quiet {
            return;
        }
        let _ = writeln!(
            io::stderr().lock(),
            "{}",
            self.palette
                .muted(&format!("mxs: {}", sanitize::line(text)))
        );
    }

    /// The sessions a selection matched, as a table on stderr before the question (colored as
    /// stderr's messages are, laid out as stdout's tables).
    pub fn preview(&self, options: &Options, preview: &Preview<'_>) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        let options = Options {
            palette: self.palette,
            ..*options
        };
        crate::output::actions::preview(&mut io::stderr().lock(), &options, preview)
    }

    /// Asks `question [y/N]` on stderr and reads the answer from `input`: true for y or yes,
    /// in any case.
    pub fn ask(&self, question: &str, input: &mut dyn BufRead) -> anyhow::Result<bool> {
        let mut err = io::stderr().lock();
        write!(err, "{} [y/N] ", sanitize::line(question))?;
        err.flush()?;
        let mut line = String::new();
        input.read_line(&mut line).context("reading the answer")?;
        Ok(matches!(
            line.trim().to_ascii_lowercase().as_str(),
            "y" | "yes"
        ))
    }

    /// A progress line for a slow step.
    #[must_use]
    pub fn progress(&self, what: &'static str) -> Progress {
        Progress {
            what,
            start: Instant::now(),
            enabled: self.tty && !self.quiet,
            shown: false,
        }
    }
}

impl Diag {
    /// Runs `work`, showing `what: <status()>` on stderr while it takes longer than a moment
    /// (only on a terminal), refreshed a few times a second and erased at the end.
    pub fn while_running<T: Send>(
        &self,
        what: &'static str,
        status: impl Fn() -> String + Sync,
        work: impl FnOnce() -> T + Send,
    ) -> T {
        if !self.tty || self.quiet {
            return work();
        }
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            let ticker = scope.spawn(|| {
                let mut progress = self.progress(what);
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    std::thread::park_timeout(Duration::from_millis(100));
                    if !done.load(std::sync::atomic::Ordering::Relaxed) {
                        progress.status(&status());
                    }
                }
                progress.finish();
            });
            let result = work();
            done.store(true, std::sync::atomic::Ordering::Relaxed);
            ticker.thread().unpark();
            let _ = ticker.join();
            result
        })
    }
}

/// `what: done/total` on one erasable stderr line.
pub struct Progress {
    what: &'static str,
    start: Instant,
    enabled: bool,
    shown: bool,
}

const PROGRESS_DELAY: Duration = Duration::from_millis(300);

impl Progress {
    pub fn update(&mut self, done: usize, total: usize) {
        if self.enabled && self.start.elapsed() >= PROGRESS_DELAY {
            let _ = write!(
                io::stderr().lock(),
                "\r\u{1b}[2K{}: {done}/{total}",
                self.what
            );
            self.shown = true;
        }
    }

    /// A free-form status (bytes received), shown under the same rules.
    pub fn status(&mut self, text: &str) {
        if self.enabled && self.start.elapsed() >= PROGRESS_DELAY {
            let _ = write!(io::stderr().lock(), "\r\u{1b}[2K{}: {text}", self.what);
            self.shown = true;
        }
    }

    pub fn finish(&mut self) {
        if self.shown {
            let _ = write!(io::stderr().lock(), "\r\u{1b}[2K");
            self.shown = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
