//! `sessions log`: the lines of MaxScale's log tagged with the given sessions, alive or ended.
//! Each host's log is read backwards a page at a time ([`read_back`]) until `--since` (by
//! default the session's connection time when it is alive, else an hour back), `--lines` or
//! the start of the log; with `--follow`, the newest page is read at each interval and the
//! lines after the last one seen are printed (walking back further when more than a page came).
//!
//! Filters are applied here, not by MaxScale: it reads its whole log file for every page
//! whatever the request, and a page it filtered would hide the times of the lines it read, so
//! no bound could stop the reading.

use std::collections::HashSet;
use std::io::Write;

use anyhow::Context as _;

use crate::api::fetch::Shown;
use crate::api::log::Entry;
use crate::api::model::Session;
use crate::commands::Ctx;
use crate::error::{Cause, ExitKind, Failure};
use crate::hosts::IdRef;
use crate::output::Format;
use crate::output::log::{self as render, Line, Shape, Source};
use crate::plan::{self, Since};

/// The lines `show --log` adds.
pub const SHOW_LINES: usize = 20;

/// Why reading back stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The next line was older than the bound.
    Since,
    /// Enough lines were found.
    Lines,
    /// The log has no older page.
    Start,
    /// (Following) the last line seen was reached.
    Seen,
}

impl Stop {
    fn name(self) -> &'static str {
        match self {
            Stop::Since => "since",
            Stop::Lines => "lines",
            Stop::Start => "start",
            Stop::Seen => "seen",
        }
    }
}

/// Which lines to keep, and how far back to read.
#[derive(Debug, Clone)]
pub struct Bounds<'a> {
    /// The sessions (ids) of the host.
    pub ids: &'a [String],
    /// Stop at the first line older than this (Unix seconds).
    pub since: i64,
    pub until: Option<i64>,
    pub priorities: &'a [&'static str],
    /// Keep at most this many (the newest).
    pub lines: usize,
    /// Lines asked for per request.
    pub page_size: usize,
}

impl Bounds<'_> {
    fn keeps(&self, e: &Entry, utc_offset: i64) -> bool {
        e.session
            .as_deref()
            .is_some_and(|s| self.ids.iter().any(|id| id == s))
            && (self.priorities.is_empty()
                || plan::priority(&e.priority).is_some_and(|p| self.priorities.contains(&p)))
            && self
                .until
                .is_none_or(|u| e.unix(utc_offset).is_none_or(|t| t <= u))
    }
}

/// What reading one host's log back gave.
#[derive(Debug, Clone)]
pub struct Read {
    /// The lines kept, oldest first.
    pub lines: Vec<Entry>,
    /// The time (as sent) of the oldest line read.
    pub back_to: Option<String>,
    pub stopped: Stop,
    /// `log_source`, when a page said.
    pub source: Option<String>,
    /// The newest line of the log when it was read (kept or not): where following starts.
    pub newest: Option<Entry>,
    /// Any line read carried a session id.
    pub sessions_tagged: bool,
    pub pages: usize,
}

/// Reads `host`'s log backwards from its newest page, keeping the lines `bounds` keeps, until
/// a bound, the start of the log, or (following) the line `after`.
pub fn read_back(
    ctx: &Ctx,
    host: usize,
    bounds: &Bounds<'_>,
    after: Option<&Entry>,
) -> Result<Read, Failure> {
    let mut read = Read {
        lines: Vec::new(),
        back_to: None,
        stopped: Stop::Start,
        source: None,
        newest: None,
        sessions_tagged: false,
        pages: 0,
    };
    let mut cursor: Option<String> = None;
    let mut cursors = HashSet::new();
    // the page read before: `links.prev` of a page near the start overlaps it
    let mut newer: Vec<Entry> = Vec::new();
    'pages: loop {
        let page = ctx
            .api
            .log_page(host, cursor.as_deref(), bounds.page_size)?;
        read.pages += 1;
        if read.source.is_none() {
            read.source.clone_from(&page.source);
        }
        if read.pages == 1 {
            read.newest = page.entries.last().cloned();
        }
        let seen: HashSet<&str> = newer.iter().map(|e| e.id.as_str()).collect();
        for e in page.entries.iter().rev() {
            if seen.contains(e.id.as_str()) && newer.iter().any(|n| n.same_line(e)) {
                continue;
            }
            if after.is_some_and(|a| a.same_line(e)) {
                read.stopped = Stop::Seen;
                break 'pages;
            }
            if e.unix(ctx.utc_offset).is_some_and(|t| t < bounds.since) {
                read.stopped = Stop::Since;
                break 'pages;
            }
            read.back_to = Some(e.timestamp.trim_end().to_string());
            read.sessions_tagged |= e.session.is_some();
            if bounds.keeps(e, ctx.utc_offset) {
                read.lines.push(e.clone());
                if read.lines.len() >= bounds.lines {
                    read.stopped = Stop::Lines;
                    break 'pages;
                }
            }
        }
        match page.prev {
            None => {
                read.stopped = Stop::Start;
                break;
            }
            Some(c) => {
                if !cursors.insert(c.clone()) {
                    return Err(Failure::new(
                        Cause::InvalidDocument,
                        format!(
                            "{}: the log's links.prev leads back to a page already read (page[cursor]={})",
                            ctx.hosts().label(host),
                            crate::text::sanitize::line(&c)
                        ),
                    ));
                }
                cursor = Some(c);
            }
        }
        newer = page.entries;
    }
    read.lines.reverse();
    Ok(read)
}

/// Each host's ids: an `ID@HOST` on its host, a bare id on every host.
fn ids_by_host(ctx: &Ctx, ids: &[IdRef]) -> Vec<Vec<String>> {
    (0..ctx.hosts().len())
        .map(|host| {
            let mut mine: Vec<String> = Vec::new();
            for r in ids.iter().filter(|r| r.endpoint.is_none_or(|e| e == host)) {
                if !mine.contains(&r.id) {
                    mine.push(r.id.clone());
                }
            }
            mine
        })
        .collect()
}

/// When each session of `host` connected, if it is alive (Unix seconds), by id.
fn connections(ctx: &Ctx, host: usize, ids: &[String]) -> anyhow::Result<Vec<Option<i64>>> {
    ids.iter()
        .map(|id| {
            Ok(match ctx.api.session(host, id, false)? {
                Shown::Found(found) => Some(connected(ctx, &found.session)),
                Shown::Missing(_) => None,
            })
        })
        .collect()
}

/// When a session connected (Unix seconds); the dawn of time when the server does not say.
#[must_use]
pub fn connected(ctx: &Ctx, session: &Session) -> i64 {
    session
        .connected
        .as_deref()
        .and_then(crate::text::time::Stamp::parse)
        .map_or(i64::MIN, |s| {
            // asctime (22.08 and earlier) is the server's local time
            s.unix() - if s.utc { 0 } else { ctx.utc_offset }
        })
}

/// `show --log` and the live view's detail: a session's last [`SHOW_LINES`] lines, read back
/// to `since` (its connection when it is alive).
pub fn session_lines(ctx: &Ctx, host: usize, id: &str, since: i64) -> Result<Vec<Entry>, Failure> {
    let ids = [id.to_string()];
    let bounds = Bounds {
        ids: &ids,
        since,
        until: None,
        priorities: &[],
        lines: SHOW_LINES,
        page_size: plan::LOG_PAGE_SIZE,
    };
    Ok(read_back(ctx, host, &bounds, None)?.lines)
}

/// The first time read: `--since`, or the earliest of the sessions' connection times (an hour
/// back for a session that is not alive).
fn since(plan: &plan::Log, connected: &[Option<i64>], now: i64) -> i64 {
    match plan.since {
        Some(Since::At(t)) => t,
        Some(Since::Ago(d)) => now - i64::try_from(d.as_secs()).unwrap_or(i64::MAX / 2),
        None => connected
            .iter()
            .map(|c| c.unwrap_or(now - 3600))
            .min()
            .unwrap_or(now - 3600),
    }
}

/// One host's part of the command.
struct Host {
    ids: Vec<String>,
    read: Read,
    alive: Vec<bool>,
}

/// `sessions log`.
pub fn run(ctx: &Ctx, plan: &plan::Log) -> anyhow::Result<Option<ExitKind>> {
    let by_host = ids_by_host(ctx, &plan.ids);
    let now = crate::text::time::now_unix();
    let outcomes = ctx
        .api
        .on_every_host(|host| -> anyhow::Result<Option<Host>> {
            let ids = &by_host[host];
            if ids.is_empty() {
                return Ok(None);
            }
            let connected = connections(ctx, host, ids)?;
            let bounds = Bounds {
                ids,
                since: since(plan, &connected, now),
                until: plan.until,
                priorities: &plan.priorities,
                lines: plan.lines,
                page_size: plan.page_size,
            };
            let read = read_back(ctx, host, &bounds, None)?;
            Ok(Some(Host {
                ids: ids.clone(),
                read,
                alive: connected.iter().map(Option::is_some).collect(),
            }))
        });
    let mut hosts: Vec<Option<Host>> = Vec::new();
    let mut failures = Vec::new();
    for (host, outcome) in outcomes.into_iter().enumerate() {
        match outcome.and_then(|r| r) {
            Ok(h) => hosts.push(h),
            Err(e) => {
                failures.push((host, e));
                hosts.push(None);
            }
        }
    }
    let shape = shape(ctx, plan);
    let mut lines: Vec<Line<'_>> = hosts
        .iter()
        .enumerate()
        .filter_map(|(host, h)| h.as_ref().map(|h| (host, h)))
        .flat_map(|(host, h)| h.read.lines.iter().map(move |entry| Line { host, entry }))
        .collect();
    by_time(ctx, &mut lines);
    let mut out = ctx.stdout();
    if ctx.options.format == Format::Json {
        let sources: Vec<Source> = hosts
            .iter()
            .enumerate()
            .filter_map(|(host, h)| {
                h.as_ref().map(|h| Source {
                    host,
                    log_source: h.read.source.clone(),
                    read_back_to: h.read.back_to.clone(),
                    stopped: h.read.stopped.name(),
                })
            })
            .collect();
        render::document(&mut out, &ctx.options, ctx.labels(), &lines, &sources)?;
    } else {
        if ctx.options.format == Format::Tsv && ctx.options.header {
            render::write_header(&mut out)?;
        }
        render::write_lines(&mut out, &ctx.options, &shape, &lines)?;
    }
    out.flush().context("writing the output")?;
    for (host, h) in hosts.iter().enumerate() {
        if let Some(h) = h {
            note_read(ctx, plan, host, h);
        }
    }
    let failed = ctx.report_failures(failures)?;
    let Some(follow) = plan.follow else {
        return Ok(failed);
    };
    let anchors: Vec<Option<Anchor>> = hosts
        .into_iter()
        .map(|h| {
            h.map(|h| Anchor {
                ids: h.ids,
                newest: h.read.newest,
                ended: false,
            })
        })
        .collect();
    follow_lines(ctx, plan, &shape, follow, anchors)
}

/// Every host's lines in time order (the server's clock), then by host, then as read.
fn by_time(ctx: &Ctx, lines: &mut [Line<'_>]) {
    lines.sort_by_key(|l| (l.entry.unix(ctx.utc_offset).unwrap_or(i64::MIN), l.host));
}

fn shape<'a>(ctx: &'a Ctx, plan: &plan::Log) -> Shape<'a> {
    let mut ids: Vec<&str> = plan.ids.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    Shape {
        labels: ctx.labels(),
        hosts: ctx.hosts().several(),
        session_width: (ids.len() > 1).then(|| {
            ids.iter()
                .map(|id| unicode_width::UnicodeWidthStr::width(&*crate::text::sanitize::line(id)))
                .max()
                .unwrap_or(0)
        }),
    }
}

/// Says on stderr how far back a host's log was read and why it stopped; and, when no line
/// was found, what decides whether MaxScale writes any.
fn note_read(ctx: &Ctx, plan: &plan::Log, host: usize, h: &Host) {
    let who = if ctx.hosts().several() {
        format!("{}: ", ctx.hosts().label(host))
    } else {
        String::new()
    };
    let r = &h.read;
    if r.source.is_none() && r.back_to.is_none() && r.stopped == Stop::Start {
        ctx.diag.note(&format!(
            "{who}MaxScale writes no log it can serve (neither maxlog nor syslog is on)"
        ));
        return;
    }
    let back = r.back_to.as_deref().unwrap_or("the newest line");
    let pages = format!("{} page{}", r.pages, if r.pages == 1 { "" } else { "s" });
    ctx.diag.note(&match r.stopped {
        Stop::Since => format!(
            "{who}read back to {back} ({pages}); older entries not read: {}",
            if plan.since.is_some() {
                "--since"
            } else {
                "the session's start (--since reads further)"
            }
        ),
        Stop::Lines => format!(
            "{who}read back to {back} ({pages}); older entries not read: --lines {}",
            plan.lines
        ),
        Stop::Start | Stop::Seen => {
            format!("{who}read back to the start of the log, {back} ({pages})")
        }
    });
    if r.source.as_deref() == Some("syslog") && !r.sessions_tagged {
        ctx.diag.note(&format!(
            "{who}MaxScale logs to the journal and no line read carried a session id: its lines cannot be told apart by session"
        ));
    }
    if r.lines.is_empty() {
        let ended: Vec<&str> = h
            .ids
            .iter()
            .zip(&h.alive)
            .filter(|(_, alive)| !**alive)
            .map(|(id, _)| id.as_str())
            .collect();
        let first = crate::text::sanitize::line(&h.ids[0]).into_owned();
        ctx.diag.note(&format!(
            "{who}no lines of session{} {}{}: MaxScale writes a session's lines by its log levels (a plain kill logs nothing unless log_info is on); `mxs sessions alter {first} log_info=true` before reproducing",
            if h.ids.len() == 1 { "" } else { "s" },
            h.ids.join(", "),
            if ended.is_empty() {
                String::new()
            } else {
                format!(" ({} not alive)", ended.join(", "))
            },
        ));
    }
}

/// Where a host's log was read to, while following.
struct Anchor {
    ids: Vec<String>,
    /// The newest line read (kept or not).
    newest: Option<Entry>,
    /// Every session of the host has ended (with `--until-closed`).
    ended: bool,
}

/// `--follow`: reads each host's newest lines at the interval and prints those after the last
/// line seen, in time order; with `--until-closed`, stops after the read that follows the end
/// of every session.
fn follow_lines(
    ctx: &Ctx,
    plan: &plan::Log,
    shape: &Shape<'_>,
    follow: plan::Follow,
    mut anchors: Vec<Option<Anchor>>,
) -> anyhow::Result<Option<ExitKind>> {
    let mut worst = None;
    loop {
        let all_ended = follow.until_closed && anchors.iter().flatten().all(|a| a.ended);
        if all_ended {
            return Ok(worst);
        }
        std::thread::sleep(follow.interval);
        let polled = ctx
            .api
            .on_every_host(|host| -> anyhow::Result<Option<(Read, bool)>> {
                let Some(anchor) = &anchors[host] else {
                    return Ok(None);
                };
                // whether the sessions are gone is asked before the read: a line written as a
                // session ends is then in this read
                let ended = follow.until_closed
                    && connections(ctx, host, &anchor.ids)?
                        .iter()
                        .all(Option::is_none);
                let since = anchor
                    .newest
                    .as_ref()
                    .and_then(|e| e.unix(ctx.utc_offset))
                    .unwrap_or(i64::MIN);
                let bounds = Bounds {
                    ids: &anchor.ids,
                    since,
                    until: plan.until,
                    priorities: &plan.priorities,
                    lines: usize::MAX,
                    page_size: plan.page_size,
                };
                let read = read_back(ctx, host, &bounds, anchor.newest.as_ref())?;
                Ok(Some((read, ended)))
            });
        let mut reads: Vec<(usize, Read)> = Vec::new();
        let mut failures = Vec::new();
        for (host, outcome) in polled.into_iter().enumerate() {
            match outcome.and_then(|r| r) {
                Ok(Some((read, ended))) => {
                    if let Some(a) = &mut anchors[host] {
                        if read.newest.is_some() {
                            a.newest.clone_from(&read.newest);
                        }
                        a.ended = ended;
                    }
                    reads.push((host, read));
                }
                Ok(None) => {}
                Err(e) => failures.push((host, e)),
            }
        }
        let mut lines: Vec<Line<'_>> = reads
            .iter()
            .flat_map(|(host, r)| r.lines.iter().map(|entry| Line { host: *host, entry }))
            .collect();
        by_time(ctx, &mut lines);
        if !lines.is_empty() {
            let mut out = ctx.stdout();
            render::write_lines(&mut out, &ctx.options, shape, &lines)?;
            out.flush().context("writing the output")?;
        }
        if let Some(k) = ctx.report_failures(failures)? {
            worst = Some(k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn plan(since: Option<Since>) -> plan::Log {
        plan::Log {
            ids: Vec::new(),
            since,
            until: None,
            priorities: Vec::new(),
            lines: 10,
            page_size: 500,
            follow: None,
        }
    }

    #[test]
    fn since_is_asked_for_or_the_earliest_connection_or_an_hour() {
        let now = 10_000;
        assert_eq!(since(&plan(Some(Since::At(5))), &[Some(9_000)], now), 5);
        assert_eq!(
            since(&plan(Some(Since::Ago(Duration::from_secs(60)))), &[], now),
            9_940
        );
        assert_eq!(since(&plan(None), &[Some(9_500), Some(9_000)], now), 9_000);
        assert_eq!(since(&plan(None), &[Some(9_500), None], now), 6_400);
        assert_eq!(since(&plan(None), &[], now), 6_400);
    }

    #[test]
    fn bounds_keep_the_sessions_priorities_and_times_asked_for() {
        let e = |session: Option<&str>, priority: &str, unix: i64| Entry {
            id: "1".into(),
            timestamp: String::new(),
            unix_timestamp: Some(unix),
            priority: priority.into(),
            message: String::new(),
            session: session.map(Into::into),
            module: None,
            object: None,
            raw: serde_json::Value::Null,
        };
        let ids = ["7".to_string(), "9".to_string()];
        let warn = ["warning"];
        let b = Bounds {
            ids: &ids,
            since: 0,
            until: Some(100),
            priorities: &warn,
            lines: 5,
            page_size: 500,
        };
        assert!(b.keeps(&e(Some("9"), "warning", 100), 0));
        assert!(!b.keeps(&e(Some("9"), "warning", 101), 0), "after --until");
        assert!(!b.keeps(&e(Some("8"), "warning", 1), 0), "another session");
        assert!(!b.keeps(&e(None, "warning", 1), 0), "no session");
        assert!(!b.keeps(&e(Some("7"), "info", 1), 0), "another priority");
        let all = Bounds {
            priorities: &[],
            ..b.clone()
        };
        assert!(all.keeps(&e(Some("7"), "critical", 1), 0));
    }
}
