//! The mock's fault matrix, in every output format: the documented exit code within the
//! timeout, one clear line saying what was wrong, no panic, no raw control character.

use crate::util::*;

const FORMATS: [&str; 4] = ["table", "tsv", "json", "jsonl"];

/// (fault, exit code, what stderr must say)
fn matrix() -> Vec<(Fault, i32, &'static str)> {
    vec![
        (Fault::Status(500), 1, "500 Internal Server Error"),
        (Fault::Status(503), 1, "503 Service Unavailable"),
        (Fault::Status(401), 4, "401 Unauthorized"),
        (Fault::Status(404), 5, "404 Not Found"),
        (Fault::Html502, 1, "HTML page"),
        (Fault::InvalidJson, 1, "not valid JSON"),
        (Fault::Truncated, 1, "truncated"),
        (Fault::Empty, 1, "empty"),
        (Fault::DataString, 1, "\"data\" is a string"),
        (Fault::NumericIds, 1, "expected a string"),
        (Fault::NoAttributes, 1, "no \"attributes\""),
        (Fault::DeepNesting, 1, "data[0]"),
        (Fault::InvalidUtf8, 1, "invalid"),
        (Fault::Reset, 3, "GET http://"),
        (Fault::Redirect, 1, "http://other.invalid:8989/v1/sessions"),
        (Fault::NotJsonContentType, 0, ""),
    ]
}

#[test]
fn every_fault_in_every_format() {
    for (fault, code, says) in matrix() {
        let server = faulty(fault);
        for fmt in FORMATS {
            let run = mxs(&["-t", "5s", "sessions", "list", "-o", fmt])
                .hosts(&server)
                .run();
            assert_eq!(run.code, code, "{fault:?} {fmt}: {}", run.stderr);
            run.clean();
            if code != 0 {
                run.one_error().stderr_has(says);
            }
        }
    }
}

#[test]
fn faults_on_show_too() {
    for (fault, code, says) in matrix() {
        if matches!(fault, Fault::DataString | Fault::NotJsonContentType) {
            continue;
        }
        let server = faulty(fault);
        let run = mxs(&["-t", "5s", "sessions", "show", "1"])
            .hosts(&server)
            .run();
        assert_eq!(run.code, code, "{fault:?}: {}", run.stderr);
        run.clean().one_error();
        match fault {
            Fault::NoAttributes | Fault::NumericIds => {}
            Fault::Status(404) => {
                run.stderr_has("session 1 not found");
            }
            _ => {
                run.stderr_has(says);
            }
        }
    }
}

#[test]
fn slow_answer_is_bounded_by_the_timeout() {
    let server = faulty(Fault::Slow);
    let run = mxs(&["-t", "400ms", "sessions", "list"])
        .hosts(&server)
        .run();
    run.code(3)
        .clean()
        .one_error()
        .stderr_has("timed out after 400ms");
}

#[test]
fn redirect_is_not_followed() {
    let server = faulty(Fault::Redirect);
    let run = mxs(&["sessions", "list"]).hosts(&server).run();
    run.code(1)
        .stderr_has("302")
        .stderr_has("does not follow redirects");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_body_over_the_limit_is_refused() {
    let server = start(MockConfig {
        fault: Some(Fault::Huge { mb: 8 }),
        ..MockConfig::default()
    });
    let run = mxs(&["--max-response-size", "1MiB", "sessions", "list", "--tsv"])
        .hosts(&server)
        .run();
    run.code(1)
        .clean()
        .one_error()
        .stderr_has("larger than --max-response-size (1.0 MiB)");
    // and within the limit it is read
    let run = mxs(&["sessions", "list", "--tsv"]).hosts(&server).run();
    run.ok();
    assert!(run.stdout.lines().count() > 100);
}

#[test]
fn hostile_sessions_never_reach_the_terminal_raw() {
    let server = start(MockConfig {
        evil: true,
        ..MockConfig::default()
    });
    for fmt in FORMATS {
        let run = mxs(&["sessions", "list", "-o", fmt, "--wide"])
            .hosts(&server)
            .run();
        run.ok().clean();
    }
    let ids: Vec<String> = raw_get(&server, "/v1/sessions")["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    for id in &ids {
        for fmt in FORMATS {
            let run = mxs(&["sessions", "show", id, "-o", fmt])
                .hosts(&server)
                .run();
            run.ok().clean();
        }
    }
    // TSV keeps 12 tabs a line however hostile the data
    let run = mxs(&["sessions", "list", "--tsv"]).hosts(&server).run();
    assert!(
        run.stdout.lines().all(|l| l.matches('\t').count() == 12),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().count(), ids.len());
    // and JSON keeps the exact strings
    let raw = raw_get(&server, "/v1/sessions");
    let run = mxs(&["sessions", "list", "--json"]).hosts(&server).run();
    let out = run.json();
    for (mine, theirs) in out["data"]
        .as_array()
        .unwrap()
        .iter()
        .zip(raw["data"].as_array().unwrap())
    {
        assert_eq!(without_meta(mine.clone()), *theirs);
    }
}

#[test]
fn long_values_are_cut_in_the_list_and_wrapped_in_show() {
    let server = start(MockConfig {
        evil: true,
        ..MockConfig::default()
    });
    let run = mxs(&["sessions", "list"])
        .hosts(&server)
        .env("COLUMNS", "100")
        .run();
    for line in run.stdout.lines() {
        assert!(line.chars().count() <= 100, "{line}");
    }
    assert!(run.stdout.contains('…'));
}

#[test]
fn a_huge_header_block_is_an_invalid_response() {
    let server = faulty(Fault::HugeHeaders { mb: 300 });
    for args in [&["sessions", "list"][..], &["sessions", "show", "1"]] {
        let run = mxs(args).hosts(&server).run();
        run.code(1).clean().one_error();
        run.stderr_has("invalid response: its header block is too large");
    }
}

#[test]
fn one_huge_json_string_is_bounded_by_max_response_size() {
    // no Content-Length: the bound applies while the body streams in
    let server = faulty(Fault::HugeString { mb: 64 });
    for fmt in FORMATS {
        for args in [&["sessions", "list"][..], &["sessions", "show", "1"]] {
            let run = mxs(&["--max-response-size", "16MiB", "-o", fmt])
                .args(args)
                .hosts(&server)
                .run();
            run.code(1).clean().one_error();
            run.stderr_has("larger than --max-response-size (16.0 MiB)");
        }
    }
    // a name or a number as large is bounded the same way
    for fault in [Fault::HugeKey { mb: 64 }, Fault::HugeNumber { mb: 64 }] {
        let server = faulty(fault);
        for args in [
            &["sessions", "list", "--tsv"][..],
            &["sessions", "show", "1"],
        ] {
            let run = mxs(&["--max-response-size", "16MiB"])
                .args(args)
                .hosts(&server)
                .run();
            run.code(1).clean().one_error();
            run.stderr_has("larger than --max-response-size (16.0 MiB)");
        }
    }
    // within the bound, the value is read whole and cut to fit the table
    let server = faulty(Fault::HugeString { mb: 24 });
    let run = mxs(&["sessions", "list"]).hosts(&server).run();
    run.ok().clean();
    assert!(run.stdout.lines().all(|l| l.chars().count() <= 160));
    assert!(run.stdout.contains("uuu…"), "{}", run.stdout);
    let run = mxs(&["sessions", "list", "--json"]).hosts(&server).run();
    run.ok();
    let user = run.json()["data"][0]["attributes"]["user"]
        .as_str()
        .unwrap()
        .len();
    assert_eq!(user, 24 << 20);
}
