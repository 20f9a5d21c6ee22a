//! Reverse DNS: client-side through the system resolver (only /etc/hosts entries: 127.0.0.1 and
//! ::ffff:127.0.0.1 are localhost) or the test fake, and server-side through the mock's rdns=true.

use crate::util::*;

#[test]
fn client_side_names_in_every_format() {
    let server = real();
    let run = mxs(&["sessions", "list", "--rdns", "--no-rdns-cache"])
        .hosts(&server)
        .run();
    run.ok().clean();
    assert!(
        run.stdout.lines().nth(1).unwrap().contains("localhost"),
        "{}",
        run.stdout
    );
    let run = mxs(&["sessions", "list", "--rdns", "--tsv", "--no-rdns-cache"])
        .hosts(&server)
        .run();
    let f: Vec<&str> = run.stdout.lines().next().unwrap().split('\t').collect();
    assert_eq!((f[2], f[3]), ("127.0.0.1", "localhost"));
    let run = mxs(&["sessions", "list", "--rdns", "--json", "--no-rdns-cache"])
        .hosts(&server)
        .run();
    let out = run.json();
    for d in out["data"].as_array().unwrap() {
        assert_eq!(d["attributes"]["remote"], "127.0.0.1", "never rewritten");
        assert_eq!(d["meta"]["remote_name"], "localhost");
    }
    // the server was not asked to resolve
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.query.as_deref() == Some("pretty=false"))
    );
    let run = mxs(&["sessions", "show", "2", "--rdns", "--no-rdns-cache"])
        .hosts(&server)
        .run();
    run.ok()
        .stdout_has("localhost")
        .stdout_has("127.0.0.1 port");
}

#[test]
fn mapped_ipv6_resolves_as_ipv4() {
    let server = version(Version::V2_2);
    let run = mxs(&[
        "sessions",
        "list",
        "--rdns=client",
        "--tsv",
        "--no-rdns-cache",
    ])
    .hosts(&server)
    .run();
    let f: Vec<&str> = run.stdout.lines().next().unwrap().split('\t').collect();
    assert_eq!((f[2], f[3]), ("::ffff:127.0.0.1", "localhost"));
}

#[test]
fn server_side_rdns_asks_maxscale() {
    let server = real();
    let run = mxs(&["sessions", "list", "--rdns=server", "--tsv"])
        .hosts(&server)
        .run();
    run.ok();
    assert_eq!(
        server.requests()[0].query.as_deref(),
        Some("rdns=true&pretty=false")
    );
    let f: Vec<&str> = run.stdout.lines().next().unwrap().split('\t').collect();
    assert_eq!(f[2], "localhost", "MaxScale rewrites remote itself");
    mxs(&["sessions", "show", "1", "--rdns=server"])
        .hosts(&server)
        .run()
        .ok();
    assert_eq!(
        server.requests()[1].query.as_deref(),
        Some("rdns=true&pretty=false")
    );
}

#[test]
fn failed_lookups_are_not_errors() {
    let server = generated(200, 5);
    let run = mxs(&["sessions", "list", "--rdns", "--tsv"])
        .hosts(&server)
        .env("MXS_TEST_RESOLVER", "fail")
        .run();
    run.ok().clean().stderr_has("not resolved");
    assert!(run.stdout.lines().all(|l| l.split('\t').nth(3) == Some("")));
    let run = mxs(&["sessions", "list", "--rdns", "--json"])
        .hosts(&server)
        .env("MXS_TEST_RESOLVER", "fail")
        .run();
    assert!(
        run.json()["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["meta"]["remote_name"].is_null())
    );
}

#[test]
fn fake_names_are_used_for_every_distinct_address() {
    let server = start(MockConfig {
        sessions: Some(300),
        addresses: Some(40),
        seed: 9,
        ..MockConfig::default()
    });
    let run = mxs(&["sessions", "list", "--rdns", "--tsv"])
        .hosts(&server)
        .env("MXS_TEST_RESOLVER", "delay=1ms")
        .run();
    run.ok();
    for line in run.stdout.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        assert!(
            f[3].starts_with("host-") && f[3].ends_with(".test"),
            "{line}"
        );
    }
}

#[test]
fn a_dead_resolver_costs_at_most_the_deadline() {
    let server = generated(100, 5);
    // no lookup times out on its own within the hour: only the deadline ends them
    let run = mxs(&[
        "sessions",
        "list",
        "--rdns",
        "--rdns-timeout",
        "1h",
        "--rdns-deadline",
        "300ms",
        "--tsv",
    ])
    .hosts(&server)
    .env("MXS_TEST_RESOLVER", "hang")
    .run();
    run.ok().stderr_has("timed out");
    assert_eq!(run.stdout.lines().count(), 100);
}

#[test]
fn the_cache_is_kept_between_runs() {
    let server = generated(50, 5);
    let cache = tempfile::tempdir().unwrap();
    let run = |spec: &str| {
        mxs(&["sessions", "list", "--rdns", "--tsv"])
            .hosts(&server)
            .env("XDG_CACHE_HOME", cache.path())
            .env("MXS_TEST_RESOLVER", spec)
            .run()
    };
    let first = run("delay=1ms");
    first.ok();
    assert!(cache.path().join("mxs/rdns.tsv").exists());
    // a resolver that fails now: every name still comes from the cache
    let second = run("fail");
    second.ok();
    assert_eq!(first.stdout, second.stdout);
    assert!(second.stderr.is_empty(), "{}", second.stderr);
}

#[test]
fn an_unusable_cache_file_is_a_warning_and_left_alone() {
    let server = real();
    for kind in ["huge", "fifo"] {
        let cache = tempfile::tempdir().unwrap();
        let m = mxs(&["sessions", "list", "--rdns", "--tsv"])
            .hosts(&server)
            .env("XDG_CACHE_HOME", cache.path());
        let dir = cache.path().join("mxs");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("rdns.tsv");
        if kind == "fifo" {
            let made = std::process::Command::new("mkfifo").arg(&path).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        } else {
            let line = "192.0.2.1\tname.example\t99999999999\n";
            std::fs::write(&path, line.repeat((17 << 20) / line.len())).unwrap();
        }
        let before = std::fs::metadata(&path).unwrap();
        let run = m.run();
        run.ok().clean();
        assert!(run.stdout.contains("\tlocalhost\t"), "{}", run.stdout);
        let why = if kind == "fifo" {
            "a FIFO, not a regular file"
        } else {
            "larger than 16.0 MiB"
        };
        run.stderr_has(&format!(
            "mxs: warning: the reverse-DNS cache {}: {why}; it is not used",
            path.display()
        ));
        let after = std::fs::metadata(&path).unwrap();
        assert_eq!(
            (before.file_type(), before.len()),
            (after.file_type(), after.len())
        );
    }
}

#[test]
fn server_side_rdns_in_the_live_view_is_warned_of_on_its_bottom_line() {
    let server = generated(400, 7);
    let run = mxs(&["top", "60s", "--rdns=server"])
        .hosts(&server)
        .pty(30, 400);
    run.wait_text("--rdns=server: MaxScale looked up the names of 400 sessions");
    run.write(b"q");
    assert_eq!(run.finish().0, Some(0));
}

#[test]
fn server_side_rdns_on_a_long_list_warns_once() {
    let server = generated(400, 7);
    let run = mxs(&["sessions", "list", "--rdns=server", "--tsv"])
        .hosts(&server)
        .run();
    run.ok();
    assert_eq!(
        run.stderr.matches("warning: --rdns=server").count(),
        1,
        "{}",
        run.stderr
    );
    run.stderr_has("MaxScale looked up the names of 400 sessions on its routing threads")
        .stderr_has("--rdns resolves them here instead");
    // a short list, or names resolved here: nothing said
    let small = real();
    mxs(&["sessions", "list", "--rdns=server", "--tsv"])
        .hosts(&small)
        .run()
        .ok()
        .clean();
    mxs(&[
        "sessions",
        "list",
        "--rdns",
        "--tsv",
        "--no-rdns-cache",
        "--rdns-deadline",
        "1s",
    ])
    .hosts(&server)
    .run()
    .ok();
}
