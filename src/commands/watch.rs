//! `sessions watch` (and `list --watch`): the session list refreshed in place. On a terminal it
//! uses the alternate screen in raw mode (so Ctrl-C and `q` arrive as keys and the terminal is
//! always restored, on every exit path), redraws on resize, marks sessions new since the last
//! refresh, counts those that closed, keeps the reverse-DNS cache between refreshes and shows a
//! failed refresh without exiting. On a pipe it prints one snapshot per interval instead.

use std::collections::HashSet;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};

use crate::api::model::Session;
use crate::columns::Column;
use crate::commands::Ctx;
use crate::commands::sessions::{Fetched, fetch_sessions, rdns_cache};
use crate::error::ExitKind;
use crate::output::list::View;
use crate::output::table::Mark;
use crate::output::watch::{self as render, Frame, Screen};
use crate::plan;
use crate::rdns;
use crate::text::sanitize;
use crate::text::time::Stamp;

pub fn run(ctx: &Ctx, plan: &plan::Watch) -> anyhow::Result<Option<ExitKind>> {
    let mut cache = rdns_cache(ctx, &plan.list.rdns);
    let result = if plan.live {
        live(ctx, plan, &mut cache)
    } else {
        snapshots(ctx, plan, &mut cache)
    };
    cache.save();
    result
}

fn fetch(ctx: &Ctx, plan: &plan::Watch, cache: &mut rdns::Cache) -> anyhow::Result<Fetched> {
    let l = &plan.list;
    fetch_sessions(
        ctx,
        &l.rdns,
        cache,
        &l.selection,
        plan.format.is_json(),
        l.columns.iter().copied().any(Column::needs_queries),
    )
}

fn view<'a>(ctx: &'a Ctx, plan: &'a plan::Watch, fetched: &'a Fetched) -> View<'a> {
    View {
        items: &fetched.items,
        sources: &fetched.sources,
        labels: &ctx.labels,
        columns: &plan.list.columns,
        client_rdns: plan.list.rdns.client(),
    }
}

/// On a pipe: one snapshot per interval.
fn snapshots(
    ctx: &Ctx,
    plan: &plan::Watch,
    cache: &mut rdns::Cache,
) -> anyhow::Result<Option<ExitKind>> {
    let options = crate::output::Options {
        format: plan.format,
        ..ctx.options
    };
    let mut n = 0u64;
    let mut worst = None;
    loop {
        let started = Instant::now();
        let fetched = fetch(ctx, plan, cache)?;
        let mut out = ctx.stdout();
        render::snapshot(
            &mut out,
            &options,
            &view(ctx, plan, &fetched),
            &Stamp::now(),
            n == 0,
        )?;
        out.flush().context("writing the output")?;
        if let Some(k) = ctx.report_failures(fetched.failures)? {
            worst = Some(k);
        }
        n += 1;
        if plan.count.is_some_and(|c| n >= c) {
            return Ok(worst);
        }
        std::thread::sleep(plan.interval.saturating_sub(started.elapsed()));
    }
}

/// What the live view shows between refreshes.
struct State {
    fetched: Fetched,
    marks: Vec<Mark>,
    status: String,
    previous: Option<HashSet<(usize, String)>>,
}

impl State {
    fn refresh(&mut self, ctx: &Ctx, result: anyhow::Result<Fetched>) {
        let fetched = match result {
            Ok(f) => f,
            Err(e) => {
                self.status = format!(
                    "last refresh failed at {}: {}",
                    Stamp::now().rfc3339(),
                    sanitize::line(&format!("{e:#}"))
                );
                return;
            }
        };
        let key = |s: &Session| (s.endpoint, s.id.clone());
        let keys: HashSet<(usize, String)> = fetched.items.iter().map(|(s, _)| key(s)).collect();
        let (new, closed) = match &self.previous {
            Some(prev) => (
                keys.difference(prev).count(),
                prev.difference(&keys).count(),
            ),
            None => (0, 0),
        };
        self.marks = fetched
            .items
            .iter()
            .map(|(s, _)| match &self.previous {
                Some(prev) if !prev.contains(&key(s)) => Mark::New,
                _ => Mark::Plain,
            })
            .collect();
        self.status = format!(
            "{} sessions, {new} new, {closed} closed since the last refresh",
            fetched.items.len()
        );
        let failures: Vec<String> = fetched
            .failures
            .iter()
            .map(|(h, e)| format!("{}: {}", ctx.labels[*h], sanitize::line(&format!("{e:#}"))))
            .collect();
        if !failures.is_empty() {
            self.status
                .push_str(&format!("; failed: {}", failures.join("; ")));
        }
        self.fetched = fetched;
        self.previous = Some(keys);
    }
}

/// What a key or a signal asks for.
enum Input {
    Quit,
    Redraw,
    Nothing,
}

fn input(timeout: Duration, signalled: &AtomicBool) -> anyhow::Result<Input> {
    if signalled.load(Ordering::Relaxed) {
        return Ok(Input::Quit);
    }
    if !event::poll(timeout)? {
        return Ok(Input::Nothing);
    }
    Ok(match event::read()? {
        Event::Key(KeyEvent {
            code: KeyCode::Char('c'),
            modifiers,
            ..
        }) if modifiers.contains(KeyModifiers::CONTROL) => Input::Quit,
        Event::Key(KeyEvent {
            code: KeyCode::Char('q') | KeyCode::Esc,
            ..
        }) => Input::Quit,
        Event::Resize(..) => Input::Redraw,
        _ => Input::Nothing,
    })
}

/// Raw mode turns Ctrl-C into a key; a signal sent from outside (kill, a closed terminal) must
/// also end the loop, so that the screen is restored on the way out.
fn quit_on_signals() -> anyhow::Result<Arc<AtomicBool>> {
    let signalled = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&signalled))
            .context("setting up signal handling")?;
    }
    Ok(signalled)
}

fn live(
    ctx: &Ctx,
    plan: &plan::Watch,
    cache: &mut rdns::Cache,
) -> anyhow::Result<Option<ExitKind>> {
    let screen = Screen::enter().context("setting up the terminal")?;
    let signalled = quit_on_signals()?;
    // crossterm starts listening for SIGWINCH at the first poll: poll once before the first
    // frame, or a resize right after it goes unnoticed until the next refresh.
    let _ = event::poll(Duration::ZERO);
    let mut state = State {
        fetched: Fetched {
            items: Vec::new(),
            sources: Vec::new(),
            failures: Vec::new(),
        },
        marks: Vec::new(),
        status: String::new(),
        previous: None,
    };
    let draw = |state: &State| -> anyhow::Result<()> {
        let size = Screen::size((ctx.options.width, 24));
        let f = Frame {
            interval: plan.interval,
            labels: &ctx.labels,
            status: &state.status,
            time: Stamp::now(),
        };
        let text = render::frame(
            &ctx.options,
            &f,
            &view(ctx, plan, &state.fetched),
            &state.marks,
            size,
        );
        screen.present(&text)?;
        Ok(())
    };
    let mut refreshes = 0u64;
    loop {
        let started = Instant::now();
        state.refresh(ctx, fetch(ctx, plan, cache));
        refreshes += 1;
        draw(&state)?;
        if plan.count.is_some_and(|c| refreshes >= c) {
            return Ok(None);
        }
        // Wait for the next refresh, answering keys and resizes meanwhile.
        loop {
            let left = plan.interval.saturating_sub(started.elapsed());
            if left.is_zero() {
                break;
            }
            match input(left.min(Duration::from_millis(100)), &signalled)? {
                Input::Quit => return Ok(None),
                Input::Redraw => draw(&state)?,
                Input::Nothing => {}
            }
        }
    }
}
