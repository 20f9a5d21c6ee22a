//! When MaxScale misbehaves over time: a write whose answer never comes, an admin API that
//! accepts and never answers, a session id reused between a read and a write, a MaxScale that
//! restarts; and the live view's pause and quit.

use mxs_mock::WriteFault;

use crate::util::*;

/// How many list requests `server` received.
fn lists(server: &MockServer) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| r.path == "/v1/sessions")
        .count()
}

#[test]
fn a_write_whose_answer_never_comes_may_have_been_done_and_exits_with_the_timeout_code() {
    for fault in [WriteFault::Hang, WriteFault::Slow, WriteFault::Reset] {
        let server = start(MockConfig {
            write_fault: Some(fault),
            ..MockConfig::default()
        });
        for (args, request) in [
            (&["sessions", "kill", "2"][..], "DELETE /v1/sessions/2"),
            (&["sessions", "restart", "3"], "POST /v1/sessions/3/restart"),
            (&["destroy", "session", "1"], "DELETE /v1/sessions/1"),
        ] {
            let run = mxs(&["-t", "300ms"]).args(args).hosts(&server).run();
            run.code(3)
                .clean()
                .one_error()
                .stderr_has("the server may have done it anyway");
            if fault != WriteFault::Reset {
                run.stderr_has("timed out after 300ms");
            }
            let sent: Vec<String> = server
                .writes()
                .iter()
                .map(|w| format!("{} {}", w.method, w.path))
                .collect();
            assert_eq!(
                sent.iter().filter(|w| *w == request).count(),
                1,
                "{fault:?}: sent once, never again: {sent:?}"
            );
        }
        // and it was done
        assert_eq!(server.session_ids(), ["3"], "{fault:?}");
    }
}

#[test]
fn a_stalled_admin_api_ends_every_command_at_its_timeout() {
    let server = faulty(Fault::Stall);
    let commands: [&[&str]; 13] = [
        &["sessions", "list"],
        &["sessions", "list", "-o", "json"],
        &["sessions", "show", "1"],
        &["sessions", "show", "--all"],
        &["sessions", "summary", "--by", "user"],
        &["sessions", "queries"],
        &["sessions", "log", "1"],
        &["sessions", "watch", "1s", "--count", "2", "-o", "jsonl"],
        &["sessions", "kill", "1"],
        &["sessions", "restart", "1"],
        &["sessions", "alter", "1", "log_info=true"],
        &["sessions", "kill", "--where", "id=1", "--yes"],
        &["sessions", "restart", "--all", "--yes"],
    ];
    for args in commands {
        let run = mxs(&["-t", "300ms"]).args(args).hosts(&server).run();
        assert_eq!(run.code, 3, "{args:?}: {}", run.stderr);
        run.clean().stderr_has("timed out after 300ms");
    }
    assert!(server.writes().is_empty(), "{:?}", server.writes());
}

#[test]
fn an_id_reused_between_selection_and_action_is_skipped() {
    let server = real();
    let run = mxs(&["sessions", "kill", "--where", "id<=2"])
        .hosts(&server)
        .pty(30, 200);
    run.wait_for("Kill 2 sessions on 1 host?");
    // session 2 closes and another client gets its id before the answer
    server.replace_session("2");
    run.write(b"y\r");
    let (code, text) = run.finish();
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("killed session 1")
            && text.contains("skipped: it is not the session that was selected"),
        "{text}"
    );
    let writes: Vec<String> = server.writes().into_iter().map(|w| w.path).collect();
    assert_eq!(writes, ["/v1/sessions/1"]);
}

#[test]
fn a_maxscale_restarted_between_selection_and_action_is_left_alone() {
    let server = real();
    let run = mxs(&["sessions", "restart", "--where", "id>=1"])
        .hosts(&server)
        .pty(30, 200);
    run.wait_for("Restart 3 sessions on 1 host?");
    // the new MaxScale's sessions have the old ids
    server.restart();
    run.write(b"y\r");
    let (code, text) = run.finish();
    assert_eq!(code, Some(1), "{text}");
    assert_eq!(
        text.matches("restarted at 09:20:01 UTC since the session was selected")
            .count(),
        3,
        "{text}"
    );
    assert!(server.writes().is_empty(), "{:?}", server.writes());
}

#[test]
fn the_live_view_says_that_maxscale_restarted_and_drops_its_old_rows() {
    let server = real();
    let label = server.endpoint();
    let run = mxs(&["top", "100ms", "--max-load", "100%"])
        .hosts(&server)
        .pty(30, 150);
    run.wait_text("3 sessions");
    server.restart();
    let screen = run.wait_text("restarted at");
    assert!(
        screen.contains(&format!(
            "{label} restarted at 09:20:01 UTC: its old sessions were dropped"
        )),
        "{screen}"
    );
    // every row is the new MaxScale's
    let screen = run.wait_text("3 new, 3 closed");
    assert!(screen.contains("3 sessions"), "{screen}");
    run.write(b"q");
    assert_eq!(run.finish().0, Some(0));
    assert!(server.writes().is_empty());
}

#[test]
fn a_kill_confirmed_on_a_row_of_the_old_maxscale_is_never_sent() {
    let server = real();
    let run = mxs(&["top", "60s"]).hosts(&server).pty(30, 150);
    run.wait_text("3 sessions");
    run.write(b"x");
    run.wait_text("Kill session 1");
    // restarted while the question was on the screen: session 1 is another one now
    server.restart();
    run.write(b"y");
    let screen = run.wait_text("skipped: it is not the session that was selected");
    assert!(!screen.contains("killed"), "{screen}");
    run.wait_text("restarted at 09:20:01 UTC");
    run.write(b"q");
    assert_eq!(run.finish().0, Some(0));
    assert!(server.writes().is_empty(), "{:?}", server.writes());
}

/// A live view of two hosts at 100ms, each listed at every refresh (the budget is another
/// test's), requests ending at `timeout`: once both have shown their sessions, the second
/// stalls (accepts and never answers).
fn live_and_stalled(timeout: &str) -> (MockServer, MockServer, PtyRun) {
    let (live, stalled) = (real(), real());
    let hosts = format!("{},{}", live.endpoint(), stalled.endpoint());
    let run = mxs(&[
        "top",
        "100ms",
        "--max-load",
        "100%",
        "-t",
        timeout,
        "-H",
        &hosts,
    ])
    .pty(30, 200);
    run.wait_text("6 sessions");
    stalled.stall(true);
    (live, stalled, run)
}

#[test]
fn a_stalled_host_goes_stale_and_the_others_keep_refreshing() {
    let (live, stalled, run) = live_and_stalled("500ms");
    let asked = stalled.requests().len();
    // a frame drawn whole: the host's line and its three rows marked stale (a screen read in
    // the middle of a draw may show some of them)
    let screen = run.wait_screen("the stalled host named, its three rows stale", |s| {
        s.contains("timed out after 500ms")
            && s.contains("(stale)")
            && s.lines().filter(|l| l.starts_with(" ~")).count() == 3
    });
    let line = screen
        .lines()
        .find(|l| l.starts_with(&format!("{}: ", stalled.endpoint())))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains("its rows are from"), "{line}");
    assert!(
        screen
            .lines()
            .filter(|l| l.starts_with(" ~"))
            .all(|l| l.trim_end().ends_with(&stalled.endpoint())),
        "{screen}"
    );
    // the live host is refreshed again and again, and the stalled one asked again after each
    // timeout: no request waits for more than one
    let refreshed = lists(&live);
    run.wait_screen("more refreshes of both", |_| {
        lists(&live) >= refreshed + 3 && stalled.requests().len() >= asked + 3
    });
    run.write(b"q");
    assert_eq!(run.finish().0, Some(0), "quitting waits for no request");
}

#[test]
fn a_stalled_host_holds_back_its_own_rows_only() {
    let (live, stalled, run) = live_and_stalled("3s");
    // the first stalled list holds one refresh back, for its timeout; the host is then listed
    // apart, one request at a time
    run.wait_text("timed out after 3s");
    let (asked, listed) = (stalled.requests().len(), lists(&live));
    run.wait_screen("the stalled host asked twice more", |_| {
        stalled.requests().len() >= asked + 2
    });
    // while two requests to the stalled host ran out their timeouts one after the other, the
    // live host was listed at its interval: waiting for them, it would have been listed twice
    let more = lists(&live) - listed;
    assert!(more >= 6, "the live host was listed {more} times");
    run.write(b"q");
    assert_eq!(run.finish().0, Some(0), "quitting waits for no request");
}

#[test]
fn the_paused_view_sends_no_request() {
    let (server, clock) = (real(), real());
    let run = mxs(&["top", "100ms", "--max-load", "100%"])
        .hosts(&server)
        .pty(30, 150);
    run.wait_text("3 sessions");
    run.write(b"p");
    run.wait_text("PAUSED");
    let paused = lists(&server);
    // another view at the same interval is the clock: ten of its refreshes
    let reference = mxs(&["top", "100ms", "--max-load", "100%"])
        .hosts(&clock)
        .pty(30, 150);
    reference.wait_text("3 sessions");
    let start = lists(&clock);
    reference.wait_screen("ten refreshes of the other view", |_| {
        lists(&clock) >= start + 10
    });
    // a refresh asked for just before the key may still arrive; nothing after it
    assert!(
        lists(&server) <= paused + 1,
        "{} list requests while paused",
        lists(&server) - paused
    );
    run.write(b" ");
    let resumed = lists(&server);
    run.wait_screen("refreshing again", |_| lists(&server) >= resumed + 2);
    run.write(b"q");
    reference.write(b"q");
    assert_eq!(run.finish().0, Some(0));
    assert_eq!(reference.finish().0, Some(0));
}

#[test]
fn quitting_in_the_middle_of_a_refresh_saves_the_rdns_cache() {
    let server = real();
    let cache = tempfile::tempdir().unwrap();
    let file = cache.path().join("mxs/rdns.tsv");
    let run = mxs(&["top", "100ms", "--rdns", "-t", "60s"])
        .hosts(&server)
        .env("XDG_CACHE_HOME", cache.path())
        .env("MXS_TEST_RESOLVER", "delay=1ms")
        .pty(30, 150);
    // the first refresh resolves the names; the server then holds the next one
    run.wait_text("3 sessions");
    server.stall(true);
    let held = server.requests().len();
    run.wait_screen("the next refresh sent", |_| server.requests().len() > held);
    run.write(b"q");
    assert_eq!(run.finish().0, Some(0));
    let saved = std::fs::read_to_string(&file).expect("the cache was saved");
    assert!(saved.contains("127.0.0.1\t"), "{saved}");
}
