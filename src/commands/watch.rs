//! `sessions watch` (and `list --watch`): the session list refreshed in place. On a terminal it
//! uses the alternate screen in raw mode (so Ctrl-C and `q` arrive as keys and the terminal is
//! always restored, on every exit path), redraws on resize, marks sessions new since the last
//! refresh, counts those that closed, keeps the reverse-DNS cache between refreshes and shows a
//! failed refresh without exiting. On a pipe it prints one snapshot per interval instead: TSV
//! rows (snapshots separated by an empty line), or with `-o json`/`jsonl` one JSON line per
//! snapshot, `{"time":"2026-12-01T22:41:14Z","data":[...]}` (RFC 3339 UTC).

use std::collections::HashSet;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};
use crossterm::{cursor, execute, terminal};

use crate::api::model::Session;
use crate::cli::{Format, RdnsArgs, SelectArgs};
use crate::columns::Column;
use crate::commands::Ctx;
use crate::commands::sessions::{fetch_sessions, rdns_cache, table_columns, write_compact};
use crate::error::{ExitKind, Failure};
use crate::output::table::Mark;
use crate::output::time::Stamp;
use crate::output::{sanitize, tsv};
use crate::select::Selection;
use crate::units;

/// What to watch.
pub struct Watch<'a> {
    pub interval: Option<&'a str>,
    pub count: Option<u64>,
    pub rdns: &'a RdnsArgs,
    pub select: &'a SelectArgs,
    pub columns: &'a [String],
    pub wide: bool,
}

/// Restores the terminal when dropped, whatever the exit path.
struct Screen;

impl Screen {
    fn enter() -> io::Result<Screen> {
        terminal::enable_raw_mode()?;
        let screen = Screen;
        execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
        Ok(screen)
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), cursor::Show, terminal::LeaveAlternateScreen);
        let _ = terminal::disable_raw_mode();
    }
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The time of day for people (the title bar): `22:41:14 UTC`.
fn clock() -> String {
    let secs = unix_now();
    format!(
        "{:02}:{:02}:{:02} UTC",
        secs / 3600 % 24,
        secs / 60 % 60,
        secs % 60
    )
}

pub fn run(ctx: &Ctx, w: &Watch<'_>) -> anyhow::Result<Option<ExitKind>> {
    let interval = crate::units::parse_duration(w.interval.unwrap_or("2s"), 1.0)
        .map_err(|e| Failure::usage(format!("watch interval: {e}")))?;
    if interval < Duration::from_millis(100) {
        return Err(Failure::usage("watch interval: must be at least 100ms").into());
    }
    let selection = Selection::parse(w.select)?;
    let rdns = ctx.settings.rdns(w.rdns)?;
    let columns = table_columns(w.columns, w.wide, ctx.several_hosts())?;
    let mut cache = rdns_cache(ctx, &rdns);
    let o = ctx.settings.output;
    if o.stdout_tty && o.format == Format::Table {
        let result = live(ctx, w, interval, &selection, &rdns, &columns, &mut cache);
        cache.save();
        return result;
    }
    let mut n = 0u64;
    let mut worst = None;
    loop {
        let started = Instant::now();
        let json_out = matches!(o.format, Format::Json | Format::Jsonl);
        let fetched = fetch_sessions(
            ctx,
            &rdns,
            &mut cache,
            &selection,
            json_out,
            columns.contains(&Column::Query),
        )?;
        let mut out = ctx.stdout();
        if json_out {
            // RFC 3339, as every time in the output contract
            let time = Stamp::from_unix(i64::try_from(unix_now()).unwrap_or(0)).rfc3339();
            let mut buf = format!("{{\"time\":\"{time}\",\"data\":[").into_bytes();
            write_compact(&mut buf, ctx, &fetched.items, &rdns, b"")?;
            buf.extend_from_slice(b"]}\n");
            out.write_all(&buf)?;
        } else {
            if n > 0 {
                writeln!(out)?;
            }
            if o.header {
                tsv::write_header(&mut out)?;
            }
            for (s, _) in &fetched.items {
                tsv::write_row(&mut out, s, &ctx.labels)?;
            }
        }
        out.flush().context("writing the output")?;
        if let Some(k) = ctx.report_failures(fetched.failures)? {
            worst = Some(k);
        }
        n += 1;
        if w.count.is_some_and(|c| n >= c) {
            return Ok(worst);
        }
        std::thread::sleep(interval.saturating_sub(started.elapsed()));
    }
}

#[allow(clippy::too_many_arguments)]
fn live(
    ctx: &Ctx,
    w: &Watch<'_>,
    interval: Duration,
    selection: &Selection,
    rdns: &crate::settings::Rdns,
    columns: &[Column],
    cache: &mut crate::rdns::Cache,
) -> anyhow::Result<Option<ExitKind>> {
    let _screen = Screen::enter().context("setting up the terminal")?;
    // Raw mode turns Ctrl-C into a key; a signal sent from outside (kill, a closed terminal)
    // must also end the loop, so that the screen is restored on the way out.
    let signalled = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&signalled))
            .context("setting up signal handling")?;
    }
    // crossterm starts listening for SIGWINCH at the first poll: poll once before the first
    // frame, or a resize right after it goes unnoticed until the next refresh.
    let _ = event::poll(Duration::ZERO);
    let mut previous: Option<HashSet<(usize, String)>> = None;
    let mut sessions: Vec<Session> = Vec::new();
    let mut marks: Vec<Mark> = Vec::new();
    let mut status;
    let mut refreshes = 0u64;
    loop {
        let started = Instant::now();
        match fetch_sessions(
            ctx,
            rdns,
            cache,
            selection,
            false,
            columns.contains(&Column::Query),
        ) {
            Ok(fetched) => {
                let now: Vec<Session> = fetched.items.into_iter().map(|(s, _)| s).collect();
                let keys: HashSet<(usize, String)> =
                    now.iter().map(|s| (s.host, s.id.clone())).collect();
                let (new, closed) = match &previous {
                    Some(prev) => (
                        keys.difference(prev).count(),
                        prev.difference(&keys).count(),
                    ),
                    None => (0, 0),
                };
                marks = now
                    .iter()
                    .map(|s| match &previous {
                        Some(prev) if !prev.contains(&(s.host, s.id.clone())) => Mark::New,
                        _ => Mark::Plain,
                    })
                    .collect();
                status = format!(
                    "{} sessions, {new} new, {closed} closed since the last refresh",
                    now.len()
                );
                let failures: Vec<String> = fetched
                    .failures
                    .iter()
                    .map(|(h, e)| {
                        format!("{}: {}", ctx.labels[*h], sanitize::line(&format!("{e:#}")))
                    })
                    .collect();
                if !failures.is_empty() {
                    status.push_str(&format!("; failed: {}", failures.join("; ")));
                }
                sessions = now;
                previous = Some(keys);
            }
            Err(e) => {
                status = format!(
                    "last refresh failed at {}: {}",
                    clock(),
                    sanitize::line(&format!("{e:#}"))
                );
            }
        }
        refreshes += 1;
        draw(ctx, columns, &sessions, &marks, &status, interval)?;
        if w.count.is_some_and(|c| refreshes >= c) {
            return Ok(None);
        }
        // Wait for the next refresh, answering keys and resizes meanwhile.
        loop {
            if signalled.load(Ordering::Relaxed) {
                return Ok(None);
            }
            let left = interval.saturating_sub(started.elapsed());
            if left.is_zero() {
                break;
            }
            if event::poll(left.min(Duration::from_millis(100)))? {
                match event::read()? {
                    Event::Key(KeyEvent {
                        code: KeyCode::Char('c'),
                        modifiers,
                        ..
                    }) if modifiers.contains(KeyModifiers::CONTROL) => {
                        return Ok(None);
                    }
                    Event::Key(KeyEvent {
                        code: KeyCode::Char('q') | KeyCode::Esc,
                        ..
                    }) => return Ok(None),
                    Event::Resize(..) => draw(ctx, columns, &sessions, &marks, &status, interval)?,
                    _ => {}
                }
            }
        }
    }
}

fn draw(
    ctx: &Ctx,
    columns: &[Column],
    sessions: &[Session],
    marks: &[Mark],
    status: &str,
    interval: Duration,
) -> anyhow::Result<()> {
    // A pseudo-terminal may report 0x0: fall back to the resolved width and 24 lines.
    let (width, height) = match terminal::size() {
        Ok((w, h)) if w > 0 && h > 0 => (usize::from(w), usize::from(h)),
        _ => (ctx.settings.output.width, 24),
    };
    let mut frame = Vec::new();
    let title = format!(
        "mxs sessions watch: every {} on {}  (q to quit)  {}",
        units::format_seconds(interval.as_secs_f64()),
        ctx.labels.join(", "),
        clock()
    );
    writeln!(
        frame,
        "{}",
        ctx.palette
            .title(&crate::output::table::truncate(&title, width))
    )?;
    writeln!(
        frame,
        "{}",
        ctx.palette
            .muted(&crate::output::table::truncate(status, width))
    )?;
    let mut table = Vec::new();
    crate::output::table::Table {
        columns,
        labels: &ctx.labels,
        width,
        palette: ctx.palette,
    }
    .write(&mut table, sessions, Some(marks))?;
    let text = String::from_utf8_lossy(&table);
    for line in text.lines().take(height.saturating_sub(3)) {
        writeln!(frame, "{line}")?;
    }
    let shown = text.lines().count().saturating_sub(1);
    if shown + 3 > height && height > 3 {
        writeln!(
            frame,
            "{}",
            ctx.palette
                .muted(&format!("... {} more rows", shown + 3 - height))
        )?;
    }
    let body = String::from_utf8_lossy(&frame).replace('\n', "\r\n");
    let mut out = io::stdout().lock();
    execute!(
        out,
        cursor::MoveTo(0, 0),
        terminal::Clear(terminal::ClearType::All)
    )?;
    out.write_all(body.as_bytes())?;
    out.flush()?;
    Ok(())
}
