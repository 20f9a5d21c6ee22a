//! The interactive view (`mxs top`, `sessions watch` on a terminal), driven in a
//! pseudo-terminal against the mock: keys in, the screen read through a terminal emulator.

use crate::util::*;

/// Quits with `q` and checks that the terminal was restored: the alternate screen left last,
/// raw mode off.
#[track_caller]
fn quit(run: PtyRun) -> String {
    run.write(b"q");
    let (code, text, cooked) = run.finish_cooked();
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.ends_with("\u{1b}[?1049l"),
        "left the alternate screen last: {text:?}"
    );
    assert!(cooked, "raw mode is off after the view");
    assert!(!text.contains("panicked"), "{text}");
    text
}

fn row<'a>(screen: &'a str, id: &str) -> Option<&'a str> {
    screen.lines().find(|l| {
        l.get(2..)
            .is_some_and(|r| r.trim_start().starts_with(&format!("{id} ")))
    })
}

#[test]
fn select_sort_filter_detail_pause_and_quit() {
    let server = real();
    let run = mxs(&["top", "60s"]).hosts(&server).pty(30, 150);
    let screen = run.wait_text("3 sessions");
    assert!(row(&screen, "1").unwrap().starts_with('>'), "{screen}");
    // select the second row
    run.write(b"j");
    let screen = run.wait_screen("row 2 selected", |s| {
        row(s, "2").is_some_and(|r| r.starts_with('>'))
    });
    assert!(!row(&screen, "1").unwrap().starts_with('>'), "{screen}");
    // sort by the next column, then reverse: the header says so
    run.write(b"s");
    run.wait_text("sort user ▲");
    run.write(b"S");
    let screen = run.wait_text("sort user ▼");
    assert!(screen.contains("USER▼"), "{screen}");
    assert!(
        row(&screen, "2").unwrap().starts_with('>'),
        "still selected: {screen}"
    );
    // a filter, then a bad one that changes nothing, then clear
    run.write(b"/id>=2\r");
    run.wait_text("2 sessions (of 3)");
    run.write(b"/nope=1\r");
    let screen = run.wait_text("refused: --where 'nope=1': unknown column 'nope'");
    assert!(
        screen.contains("2 sessions (of 3)") && screen.contains("where id>=2"),
        "{screen}"
    );
    run.write(b"\x1b");
    run.wait_screen("the prompt closed", |s| !s.contains("where> "));
    run.write(b"\\");
    run.wait_text("3 sessions, ");
    // the detail view of the selected session, and back
    run.write(b"\r");
    let screen = run.wait_text("Session 2  on");
    assert!(screen.contains("Esc back"), "{screen}");
    run.write(b"\x1b");
    run.wait_screen("the list again", |s| {
        s.contains("Enter detail") && !s.contains("Session 2  on")
    });
    // pause and resume
    run.write(b"p");
    run.wait_text("PAUSED");
    run.write(b" ");
    run.wait_screen("resumed", |s| !s.contains("PAUSED"));
    quit(run);
    assert!(server.writes().is_empty());
}

#[test]
fn x_then_y_kills_the_selected_session_at_its_host_only() {
    let (a, b) = (real(), real());
    let hosts = format!("{},{}", a.endpoint(), b.endpoint());
    let run = mxs(&["top", "60s", "-H", &hosts]).pty(30, 160);
    run.wait_text("6 sessions");
    // rows by id then host: 1@a 1@b 2@a 2@b: the fourth is 2 on b
    run.write(b"jjj");
    let b_label = b.endpoint();
    run.wait_screen("2@b selected", |s| {
        s.lines()
            .any(|l| l.starts_with(">   2") && l.contains(&b_label))
    });
    run.write(b"x");
    let screen = run.wait_text("? y to confirm");
    assert!(
        screen.contains(&format!(
            "Kill session 2 (user maxuser, client 127.0.0.1) on MaxScale {b_label}? y to confirm"
        )),
        "{screen}"
    );
    assert!(
        b.writes().is_empty() && a.writes().is_empty(),
        "nothing before y"
    );
    run.write(b"y");
    run.wait_text(&format!("killed session 2 on {b_label}"));
    // the list is refreshed at once: session 2 of b is gone, a's is not
    run.wait_text("5 sessions");
    quit(run);
    assert!(a.writes().is_empty(), "{:?}", a.writes());
    let writes = b.writes();
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert_eq!(
        (writes[0].method.as_str(), writes[0].path.as_str()),
        ("DELETE", "/v1/sessions/2")
    );
    assert_eq!(writes[0].query, None);
}

#[test]
fn x_or_r_then_anything_but_y_sends_nothing() {
    let server = real();
    let run = mxs(&["sessions", "watch", "60s"])
        .hosts(&server)
        .pty(30, 150);
    run.wait_text("3 sessions");
    run.write(b"x");
    run.wait_text("Kill session 1");
    run.write(b"n");
    run.wait_text("kill cancelled: nothing was sent");
    run.write(b"r");
    run.wait_text("Restart session 1");
    run.write(b"\x1b");
    run.wait_text("restart cancelled: nothing was sent");
    run.write(b"x");
    run.wait_text("Kill session 1");
    run.write(b"\r");
    run.wait_text("kill cancelled");
    quit(run);
    assert!(server.writes().is_empty(), "{:?}", server.writes());
}

#[test]
fn resizing_down_to_a_tiny_terminal_and_back() {
    let server = real();
    let run = mxs(&["top", "60s"]).hosts(&server).pty(30, 150);
    run.wait_text("3 sessions");
    run.resize(10, 40);
    let screen = run.wait_screen("the view redrawn at 40 columns", |s| {
        s.lines().count() <= 10 && s.contains("ID▲") && s.lines().all(|l| l.chars().count() <= 40)
    });
    assert!(screen.starts_with("mxs top  3 sessions"), "{screen}");
    run.resize(4, 12);
    run.wait_screen("a tiny frame", |s| s.starts_with("mxs top"));
    run.resize(2, 1);
    run.resize(30, 120);
    run.wait_screen("the full view again", |s| {
        s.contains("RW-Split-Router") && s.contains("Enter detail")
    });
    // the help overlay at a small size too, once the view is drawn at that size
    run.resize(10, 40);
    run.wait_screen("the view redrawn at 40 columns again", |s| {
        s.contains("ID▲") && s.lines().all(|l| l.chars().count() <= 40)
    });
    run.write(b"?");
    run.wait_text("keys (any key closes)");
    run.write(b"j");
    run.wait_screen("help closed", |s| !s.contains("keys (any key"));
    quit(run);
}

#[test]
fn a_terminal_closed_without_a_signal_ends_the_view() {
    let server = real();
    let run = mxs(&["top", "60s"]).hosts(&server).pty(30, 150);
    run.wait_text("3 sessions");
    // its reads now return nothing at once: the view must leave, not spin on them
    assert_eq!(run.hang_up(), Some(0));
    assert!(server.writes().is_empty(), "{:?}", server.writes());
}

#[test]
fn a_failed_host_is_named_and_the_other_keeps_refreshing() {
    let server = real();
    let dead = format!("127.0.0.1:{}", closed_port());
    let hosts = format!("{},{dead}", server.endpoint());
    let run = mxs(&["top", "100ms", "-H", &hosts]).pty(30, 200);
    let screen = run.wait_text("connection refused");
    let line = screen
        .lines()
        .find(|l| l.starts_with(&format!("{dead}: ")))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains("no rows yet"), "{line}");
    assert!(screen.contains("3 sessions"), "{screen}");
    // it keeps refreshing the live host
    let before = server.requests().len();
    run.wait_screen("more refreshes", |_| server.requests().len() >= before + 2);
    quit(run);
}

#[test]
fn colors_follow_no_color() {
    let server = real();
    for no_color in [false, true] {
        let m = mxs(&["top", "60s"]).hosts(&server);
        let m = if no_color { m.env("NO_COLOR", "1") } else { m };
        let run = m.pty(30, 150);
        run.wait_text("3 sessions");
        run.screen();
        let row = (0..30u16)
            .find(|r| {
                run.screen()
                    .lines()
                    .nth(usize::from(*r))
                    .is_some_and(|l| l.starts_with(">"))
            })
            .unwrap();
        assert_eq!(
            run.cell_attrs(row, 4).1,
            !no_color,
            "the selection is reversed in color only"
        );
        assert_eq!(
            run.cell_attrs(0, 0).0,
            !no_color,
            "the title is bold in color only"
        );
        let text = quit(run);
        assert_eq!(text.contains("\u{1b}[1m"), !no_color);
        assert_eq!(text.contains("\u{1b}[38;5;"), !no_color);
    }
}

#[test]
fn hostile_session_data_reaches_the_screen_escaped() {
    let server = start(MockConfig {
        evil: true,
        ..MockConfig::default()
    });
    let run = mxs(&["top", "60s", "--wide"]).hosts(&server).pty(30, 250);
    let screen = run.wait_text("refreshed ");
    assert!(screen.contains(r"\e"), "{screen}");
    run.write(b"\r");
    run.wait_text("on 127.0.0.1");
    let text = quit(run);
    // nothing a client sent became an escape sequence: no OSC, no bell
    assert!(
        !text.contains("\u{1b}]") && !text.contains('\u{7}'),
        "{text:?}"
    );
}

#[test]
fn a_panic_in_the_view_restores_the_terminal() {
    let server = real();
    let run = mxs(&["top", "60s"])
        .hosts(&server)
        .env("MXS_TEST_PANIC_LIVE", "1")
        .pty(30, 150);
    let (code, text, cooked) = run.finish_cooked();
    assert_eq!(code, Some(1), "{text}");
    let left = text
        .rfind("\u{1b}[?1049l")
        .expect("left the alternate screen");
    assert!(left > text.rfind("\u{1b}[?1049h").unwrap(), "{text:?}");
    assert!(
        text[left..].contains("mxs: internal error: MXS_TEST_PANIC_LIVE is set"),
        "{text:?}"
    );
    assert!(cooked, "raw mode is off after the panic");
}

#[test]
fn the_detail_shows_what_maxscale_logged_about_the_session() {
    let server = real();
    server.append_log("warning", "a warning for one", Some("1"), None, None);
    server.append_log("info", "not for one", Some("2"), None, None);
    let run = mxs(&["top", "100ms"]).hosts(&server).pty(120, 160);
    run.wait_text("3 sessions");
    run.write(b"\r");
    let screen = run.wait_text("MaxScale log (1, oldest first)");
    assert!(screen.contains("a warning for one"), "{screen}");
    assert!(!screen.contains("not for one"), "{screen}");
    // read when the pane opened, not at each of the refreshes that follow
    let count = |what: &str| {
        server
            .requests()
            .iter()
            .filter(|r| r.path.ends_with(what))
            .count()
    };
    let lists = count("/v1/sessions");
    run.wait_screen("three more refreshes", |_| {
        count("/v1/sessions") >= lists + 3
    });
    assert_eq!(count("/logs/entries"), 1);
    quit(run);
}

/// The real captures (3 sessions) where a list costs 0.2 s per session: 0.6 s a list, so at
/// the default --max-load of 5% a full list every 12.6 s.
fn costly() -> MockServer {
    start(MockConfig {
        list_cost_us: 200_000,
        ..MockConfig::default()
    })
}

fn requests_to(server: &MockServer, path: &str) -> usize {
    server.requests().iter().filter(|r| r.path == path).count()
}

/// Waits until `server` got `n` requests to `path`.
#[track_caller]
fn wait_requests(server: &MockServer, path: &str, n: usize) {
    let arrived = server.wait_requests(std::time::Duration::from_secs(60), |r| {
        r.iter().filter(|r| r.path == path).count() >= n
    });
    assert!(
        arrived,
        "{n} requests to {path} never came: {:?}",
        server.requests()
    );
}

#[test]
fn a_costly_list_is_spaced_and_the_count_and_the_selected_row_stay_live() {
    let server = costly();
    let run = mxs(&["top", "100ms"]).hosts(&server).pty(30, 160);
    let screen = run.wait_text("a list takes it");
    assert!(
        screen.contains(&format!("on {}: a list takes it 0.", server.endpoint()))
            && screen.contains("for 3 sessions (--max-load); 3 sessions now"),
        "{screen}"
    );
    assert!(screen.contains("list every 1"), "12s or so: {screen}");
    // between lists, every interval: the count, and the selected row by id (session 1)
    wait_requests(&server, "/v1/maxscale/threads", 3);
    wait_requests(&server, "/v1/sessions/1", 3);
    assert_eq!(requests_to(&server, "/v1/sessions"), 1, "one list so far");
    let by_id = server
        .requests()
        .into_iter()
        .find(|r| r.path == "/v1/sessions/1")
        .unwrap();
    assert_eq!(by_id.query.as_deref(), Some("pretty=false"));
    // session 2 closes (killed by someone else): the count follows without a list
    mxs(&["sessions", "kill", "2"]).hosts(&server).run().ok();
    run.wait_text("; 2 sessions now");
    // the selected session closes: its row is marked at once, read by id
    mxs(&["sessions", "kill", "1"]).hosts(&server).run().ok();
    let screen = run.wait_screen("session 1 marked closed", |s| {
        row(s, "1").is_some_and(|r| r.starts_with(">x"))
    });
    assert!(screen.contains("; 1 session now"), "{screen}");
    assert_eq!(
        requests_to(&server, "/v1/sessions"),
        1,
        "still one list: {screen}"
    );
    quit(run);
}

#[test]
fn max_load_100_lists_every_interval() {
    let server = start(MockConfig {
        list_cost_us: 20_000,
        ..MockConfig::default()
    });
    let run = mxs(&["top", "100ms", "--max-load", "100%"])
        .hosts(&server)
        .pty(30, 160);
    run.wait_text("3 sessions");
    wait_requests(&server, "/v1/sessions", 4);
    let screen = run.screen();
    assert!(!screen.contains("list every"), "{screen}");
    assert_eq!(requests_to(&server, "/v1/maxscale/threads"), 0);
    quit(run);
}

#[test]
fn a_cheap_list_runs_every_interval_and_counts_nothing() {
    let server = real();
    // within budget while a list takes under 100 ms (the mock's take a few)
    let run = mxs(&["top", "200ms", "--max-load", "50%"])
        .hosts(&server)
        .pty(30, 160);
    run.wait_text("3 sessions");
    wait_requests(&server, "/v1/sessions", 4);
    let screen = run.screen();
    assert!(!screen.contains("list every"), "{screen}");
    assert_eq!(requests_to(&server, "/v1/maxscale/threads"), 0);
    assert_eq!(requests_to(&server, "/v1/services"), 0);
    quit(run);
}

#[test]
fn before_22_08_the_count_comes_from_the_services() {
    let server = start(MockConfig {
        version: Version::V6_4,
        list_cost_us: 200_000,
        ..MockConfig::default()
    });
    let run = mxs(&["top", "100ms"]).hosts(&server).pty(30, 160);
    run.wait_text("(--max-load); 1 session now");
    wait_requests(&server, "/v1/services", 2);
    assert_eq!(requests_to(&server, "/v1/maxscale/threads"), 0);
    assert_eq!(requests_to(&server, "/v1/sessions"), 1);
    quit(run);
}
