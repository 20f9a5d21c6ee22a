//! The cost of one refresh of the interactive view, apart from the request: 10,000 sessions
//! (as the parser hands them over) applied to the state (new and closed counted, filtered,
//! sorted, the selection kept) and a frame drawn at 200x50 (only the visible rows formatted).
//! Run by bench/tui.sh; prints the median wall time and the CPU time per refresh.

use std::time::{Duration, Instant};

use mxs::api::model::Session;
use mxs::columns::Column;
use mxs::select::{Condition, Selection, SortKey};
use mxs::tui::state::{Refresh, Start, State, Viewport};
use mxs::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn sessions(n: usize, shift: usize) -> Vec<Session> {
    (shift..n + shift)
        .map(|i| Session {
            endpoint: i % 2,
            id: i.to_string(),
            user: Some(format!("user{}", i % 97)),
            remote: Some(format!("10.0.{}.{}", i / 250 % 250, i % 250)),
            port: Some(40_000 + (i % 20_000) as u64),
            services: vec!["RW-Split-Router".into()],
            state: Some("Session started".into()),
            connected: Some(format!(
                "Fri, 05 Jan 2024 {:02}:{:02}:{:02} GMT",
                i / 3600 % 24,
                i / 60 % 60,
                i % 60
            )),
            idle: Some((i % 1000) as f64 / 3.0),
            seconds_alive: Some((i % 5000) as f64),
            memory: Some(20_000 + (i * 7919 % 200_000) as u64),
            io_activity: Some((i % 50) as u64),
            thread: Some((i % 8) as u64),
            backends: vec!["server1".into(), "server2".into()],
            ..Session::default()
        })
        .collect()
}

/// CPU time of this thread so far (user + system), from /proc.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<u64> = after
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    // utime and stime are fields 14 and 15 of stat(5); after the ')' they are 12th and 13th
    let ticks = fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let runs = 60;
    for (name, conditions, sort) in [
        ("sorted by id", vec![], vec![]),
        (
            "sorted by -memory, filtered idle>10",
            vec!["idle>10"],
            vec![SortKey {
                column: Column::Memory,
                descending: true,
            }],
        ),
        (
            "sorted by connected",
            vec![],
            vec![SortKey {
                column: Column::Connected,
                descending: false,
            }],
        ),
    ] {
        let mut state = State::new(Start {
            labels: vec!["mx1:8989".into(), "mx2:8989".into()],
            columns: Column::defaults(true),
            selection: Selection {
                conditions: conditions
                    .iter()
                    .map(|c| Condition::parse(c).expect("condition"))
                    .collect(),
                sort,
                limit: None,
            },
            interval: Duration::from_secs(2),
        });
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
        // the batches are made beforehand: the parser's work is the request's
        let batches: Vec<Vec<Session>> = (0..runs + 1).map(|k| sessions(n, k)).collect();
        let mut walls = Vec::new();
        let mut cpu_total = Duration::ZERO;
        for (k, batch) in batches.into_iter().enumerate() {
            let (c0, t0) = (cpu(), Instant::now());
            state.apply(Refresh {
                sessions: batch,
                failures: Vec::new(),
                listed: vec![0, 1],
                counts: Vec::new(),
                paces: Vec::new(),
                time: mxs::text::time::Stamp::from_unix(0),
                took: Duration::ZERO,
                started: Vec::new(),
            });
            let mut vp = Viewport::default();
            terminal
                .draw(|f| vp = view::draw(f, &state, true, 0))
                .expect("draw");
            state.set_viewport(vp);
            let (wall, c) = (t0.elapsed(), cpu() - c0);
            if k > 0 {
                walls.push(wall);
                cpu_total += c;
            }
        }
        walls.sort();
        println!(
            "{n} sessions, {name}: median {:.1} ms wall, {:.1} ms CPU per refresh (mean of {runs}), max {:.1} ms wall",
            walls[walls.len() / 2].as_secs_f64() * 1000.0,
            cpu_total.as_secs_f64() * 1000.0 / runs as f64,
            walls[walls.len() - 1].as_secs_f64() * 1000.0,
        );
    }
}
