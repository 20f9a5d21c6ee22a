//! Exit codes and error messages: one line naming the endpoint and the request, a hint where
//! useful, never a panic, never the password.

use crate::util::*;

#[test]
fn refused_port_is_unreachable() {
    let port = closed_port();
    let run = mxs(&["-H", &format!("127.0.0.1:{port}"), "sessions", "list"]).run();
    run.code(3).clean().one_error();
    run.stderr_has(&format!(
        "GET http://127.0.0.1:{port}/v1/sessions?pretty=false: connection refused"
    ));
    run.stderr_has("hint:");
}

#[test]
fn hanging_listener_times_out() {
    let server = faulty(Fault::Hang);
    let run = mxs(&["-t", "300ms", "sessions", "list"])
        .hosts(&server)
        .run();
    run.code(3)
        .clean()
        .one_error()
        .stderr_has("timed out after 300ms");
}

#[test]
fn wrong_credentials_are_an_auth_error() {
    let server = real();
    let run = mxs(&["-p", "wrong-secret", "sessions", "list"])
        .hosts(&server)
        .run();
    run.code(4).clean().one_error();
    run.stderr_has("401 Unauthorized: Access denied")
        .stderr_has("hint: check --user and --password");
    assert!(!run.stderr.contains("wrong-secret"));
    assert!(!run.stdout.contains("wrong-secret"));
}

#[test]
fn forbidden_is_an_auth_error() {
    let server = faulty(Fault::Status(403));
    mxs(&["sessions", "list"])
        .hosts(&server)
        .run()
        .code(4)
        .one_error();
}

#[test]
fn malformed_json_is_exit_1() {
    let server = faulty(Fault::InvalidJson);
    let run = mxs(&["sessions", "list"]).hosts(&server).run();
    run.code(1).clean().one_error().stderr_has("not valid JSON");
}

#[test]
fn one_host_down_still_prints_the_others() {
    let up = real();
    let port = closed_port();
    let hosts = format!("{},127.0.0.1:{port}", up.endpoint());
    for fmt in ["table", "tsv", "json"] {
        let run = mxs(&["-H", &hosts, "sessions", "list", "-o", fmt]).run();
        run.code(3)
            .clean()
            .one_error()
            .stderr_has(&format!("127.0.0.1:{port}"));
        assert!(run.stdout.contains("maxuser"), "{fmt}: {}", run.stdout);
    }
}

#[test]
fn usage_errors_are_exit_2() {
    for args in [
        &["sessions", "list", "--bogus"][..],
        &["-t", "5x", "sessions", "list"],
        &["-H", "a,,b", "sessions", "list"],
        &["-H", "http://u:p@h", "sessions", "list"],
        &["--tls-ca-cert", "ca.pem", "sessions", "list"],
        &["sessions", "list", "--where", "bogus=1"],
        &["sessions", "list", "--columns", "id,nope"],
        &["sessions", "show"],
        &["sessions"],
    ] {
        let run = mxs(args).run();
        run.code(2).clean();
        assert!(!run.stderr.is_empty(), "{args:?}");
    }
    mxs(&["-t", "5x", "sessions", "list"])
        .run()
        .stderr_has("'x' in '5x'");
}

#[test]
fn help_and_version_succeed() {
    let run = mxs(&["--help"]).run();
    run.ok().stdout_has("sessions").stdout_has("Exit status");
    mxs(&["--version"]).run().ok().stdout_has("mxs ");
    mxs(&["sessions", "list", "--help"])
        .run()
        .ok()
        .stdout_has("--where");
}

#[test]
fn password_from_stdin_and_prompt_fallback() {
    let server = start(MockConfig {
        password: "s3cret".into(),
        ..MockConfig::default()
    });
    mxs(&["--password-stdin", "sessions", "list"])
        .hosts(&server)
        .stdin(b"s3cret\n")
        .run()
        .ok();
    // -p '' reads one line of stdin when stdin is not a terminal
    mxs(&["-p", "", "sessions", "list"])
        .hosts(&server)
        .stdin(b"s3cret\n")
        .run()
        .ok();
    let run = mxs(&["-p", "", "sessions", "list"])
        .hosts(&server)
        .stdin(b"nope\n")
        .run();
    run.code(4);
    assert!(!run.stderr.contains("nope"));
}

#[test]
fn a_panic_is_one_internal_error_line_and_exit_1() {
    let run = mxs(&["sessions", "list"])
        .env("MXS_TEST_PANIC", "1")
        .env("RUST_BACKTRACE", "1")
        .run();
    run.code(1);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines[0].starts_with("mxs: internal error: "),
        "{}",
        run.stderr
    );
    assert!(
        lines[0].contains(env!("CARGO_PKG_VERSION")),
        "{}",
        run.stderr
    );
    assert!(lines[0].contains("please report it"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn more_hosts_than_the_limit_is_a_usage_error() {
    let port = closed_port();
    let list = |n: usize| {
        (0..n)
            .map(|i| format!("127.0.0.{}:{port}", 1 + i % 200))
            .collect::<Vec<_>>()
            .join(",")
    };
    for n in [257, 5000] {
        let run = mxs(&["-H", &list(n), "sessions", "list"]).run();
        run.code(2).clean().one_error();
        run.stderr_has(&format!(
            "mxs: error: --hosts: {n} hosts; at most 256 are supported"
        ));
        let run = mxs(&["sessions", "list"]).env("MXS_HOSTS", list(n)).run();
        run.code(2).stderr_has(&format!("MXS_HOSTS: {n} hosts"));
    }
    // 256 are queried, each failure reported
    let run = mxs(&["-H", &list(256), "-t", "2s", "sessions", "list", "--tsv"]).run();
    run.code(3).clean();
    assert_eq!(
        run.stderr.matches("connection refused").count(),
        256,
        "{}",
        run.stderr
    );
}
