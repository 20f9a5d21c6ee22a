//! The live view, driven in a pseudo-terminal, and its pipe form.

use crate::util::*;

#[test]
fn on_a_pipe_one_snapshot_per_interval() {
    let server = real();
    let run = mxs(&["sessions", "watch", "100ms", "--count", "3"])
        .hosts(&server)
        .run();
    run.ok().clean();
    let snapshots: Vec<&str> = run.stdout.split("\n\n").collect();
    assert_eq!(snapshots.len(), 3, "{}", run.stdout);
    for s in snapshots {
        assert_eq!(s.trim_end().lines().count(), 3);
        assert!(s.lines().all(|l| l.matches('\t').count() == 12));
    }
    let run = mxs(&["sessions", "watch", "100ms", "--count", "2", "-o", "jsonl"])
        .hosts(&server)
        .run();
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["data"].as_array().unwrap().len(), 3);
    assert_eq!(server.requests().len(), 5);
}

#[test]
fn in_a_terminal_it_refreshes_in_place_and_restores_the_terminal() {
    let server = start(MockConfig {
        churn: true,
        ..MockConfig::default()
    });
    // every refresh a full list, whatever a list takes on a busy machine
    let run = mxs(&[
        "sessions",
        "watch",
        "200ms",
        "--count",
        "3",
        "--max-load",
        "100%",
    ])
    .hosts(&server)
    .pty(40, 120);
    let (code, text, cooked) = run.finish_cooked();
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("\u{1b}[?1049h"),
        "entered the alternate screen"
    );
    assert!(text.ends_with("\u{1b}[?1049l"), "left it last: {text:?}");
    assert!(cooked, "raw mode is off");
    let screen = last_screen(&text, 40, 120);
    assert!(screen.starts_with("mxs top  3 sessions"), "{screen}");
    // the mock changes its sessions between requests: new and closed ones are counted
    assert!(screen.contains("1 new, 1 closed"), "{screen}");
    assert!(
        screen.lines().any(|l| l.starts_with(" +")),
        "new rows are marked: {screen}"
    );
    // each list, then when MaxScale started (a restart reuses the ids)
    let requests: Vec<String> = server
        .requests()
        .iter()
        .map(|r| format!("{}?{}", r.path, r.query.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        requests,
        [
            "/v1/sessions?pretty=false",
            "/v1/maxscale?fields[maxscale]=started_at&pretty=false"
        ]
        .repeat(3)
    );
}

#[test]
fn progress_shows_on_a_terminal_only_while_slow() {
    let server = start(MockConfig {
        latency: std::time::Duration::from_millis(900),
        ..MockConfig::default()
    });
    let bin = env!("CARGO_BIN_EXE_mxs");
    let (code, text) = in_pty(&format!(
        "{bin} -H {} sessions list --tsv",
        server.endpoint()
    ));
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("receiving sessions: "), "{text}");
    assert!(text.contains("\u{1b}[2K"), "the progress line is erased");
    // and never when stderr is not a terminal
    let run = mxs(&["sessions", "list", "--tsv"]).hosts(&server).run();
    run.ok();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

/// JSON streamed to a terminal is its own progress: no progress line cuts into it, however
/// slow the server (the TSV list above, which prints at the end, shows one).
#[test]
fn json_streamed_to_a_terminal_has_no_progress_line() {
    let server = start(MockConfig {
        latency: std::time::Duration::from_millis(900),
        ..MockConfig::default()
    });
    let bin = env!("CARGO_BIN_EXE_mxs");
    for format in ["json", "jsonl"] {
        let (code, text) = in_pty(&format!(
            "{bin} -H {} sessions list -o {format}",
            server.endpoint()
        ));
        assert_eq!(code, Some(0), "{text}");
        assert!(!text.contains("receiving sessions"), "{format}: {text}");
        assert!(text.contains("\"maxscale\""), "{format}: {text}");
    }
}

#[test]
fn a_signal_from_outside_restores_the_terminal() {
    let server = real();
    let run = mxs(&["sessions", "watch", "10s"])
        .hosts(&server)
        .pty(40, 120);
    // drawn, and waiting for its next refresh
    run.wait_text("3 sessions");
    run.terminate();
    let (code, text, cooked) = run.finish_cooked();
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.rfind("\u{1b}[?1049l") > text.rfind("\u{1b}[?1049h"),
        "left the alternate screen after the signal: {text}"
    );
    assert!(cooked, "raw mode is off after the signal");
}

#[test]
fn json_snapshots_carry_an_rfc3339_utc_time() {
    let server = real();
    for format in ["json", "jsonl"] {
        let run = mxs(&["sessions", "watch", "100ms", "--count", "2", "-o", format])
            .hosts(&server)
            .run();
        run.ok();
        for line in run.stdout.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let time = v["time"].as_str().unwrap();
            // 2026-12-01T22:41:14Z
            let shape: String = time
                .chars()
                .map(|c| if c.is_ascii_digit() { '0' } else { c })
                .collect();
            assert_eq!(shape, "0000-00-00T00:00:00Z", "{time}");
        }
    }
}

#[test]
fn on_a_pipe_a_given_interval_is_kept_and_a_costly_list_said_once() {
    // 3 sessions at 20 ms each: a list takes 60 ms, more than 5% of 100ms
    let server = start(MockConfig {
        list_cost_us: 20_000,
        ..MockConfig::default()
    });
    let run = mxs(&["sessions", "watch", "100ms", "--count", "3"])
        .hosts(&server)
        .run();
    run.ok();
    assert_eq!(run.stdout.split("\n\n").count(), 3, "{}", run.stdout);
    let label = server.endpoint();
    let warning = format!("warning: {label}: a list takes it 0.");
    assert_eq!(run.stderr.matches(&warning).count(), 1, "{}", run.stderr);
    run.stderr_has("more than --max-load 5% of the 0.1s interval; listing it every 0.1s as asked (without an INTERVAL, every 1.");
    // the lists were not spaced: three snapshots, three lists, nothing else
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, ["/v1/sessions"; 3]);
    // 100%: no warning
    let run = mxs(&[
        "sessions",
        "watch",
        "100ms",
        "--count",
        "2",
        "--max-load",
        "100%",
    ])
    .hosts(&server)
    .run();
    run.ok();
    assert_eq!(run.stderr, "");
}

#[test]
fn max_load_is_checked_before_any_request() {
    let server = real();
    for bad in ["0", "150%", "lots"] {
        let run = mxs(&["top", "--max-load", bad]).hosts(&server).run();
        run.code(2).one_error();
        run.stderr_has(&format!("--max-load: '{bad}' is not a percentage"));
    }
    mxs(&["sessions", "list", "--max-load", "5%"])
        .hosts(&server)
        .run()
        .code(2);
    server.expect(Expect::Nothing);
}
