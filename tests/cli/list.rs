//! `sessions list` in every format against every documented version and the real captures.

use crate::util::*;

#[test]
fn table_of_the_real_capture_is_sorted_and_aligned() {
    let server = real();
    let run = mxs(&["sessions", "list"]).hosts(&server).run();
    run.ok().clean();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    for col in [
        "ID",
        "USER",
        "HOST",
        "CONNECTED",
        "IDLE",
        "SERVICE",
        "BACKENDS",
        "MEMORY",
        "I/O",
    ] {
        assert!(lines[0].contains(col), "{col} missing: {}", lines[0]);
    }
    // MaxScale answered 2, 3, 1: the table is in id order.
    let ids: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(ids, ["1", "2", "3"]);
    assert!(
        lines[1].contains("maxuser")
            && lines[1].contains("127.0.0.1")
            && lines[1].contains("RW-Split-Router")
    );
    assert!(lines[1].contains("2026-11-28 09:19:31"), "{}", lines[1]);
    assert!(lines[2].contains("22.4s"), "{}", lines[2]);
    assert!(lines[2].contains("66.0 KiB"), "{}", lines[2]);
    // aligned: the USER column starts at the same place on every line
    let at = lines[0].find("USER").unwrap();
    for l in &lines[1..] {
        assert_eq!(&l[at..at + 7], "maxuser", "{l}");
    }
    assert!(!run.stdout.contains('\u{1b}'), "no color off a terminal");
}

#[test]
fn ls_alias_and_color_always() {
    let server = real();
    let run = mxs(&["sessions", "ls", "--color", "always"])
        .hosts(&server)
        .run();
    run.ok();
    assert!(run.stdout.contains("\u{1b}["), "header is styled");
    let run = mxs(&["sessions", "ls"])
        .hosts(&server)
        .env("CLICOLOR_FORCE", "1")
        .run();
    assert!(run.stdout.contains("\u{1b}["));
}

#[test]
fn tsv_follows_the_contract() {
    let server = real();
    let ep = server.endpoint();
    let run = mxs(&["sessions", "list", "-o", "tsv"]).hosts(&server).run();
    run.ok().clean();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    for l in &lines {
        assert_eq!(l.matches('\t').count(), 12, "{l}");
    }
    let f: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(
        f,
        [
            "1",
            "maxuser",
            "127.0.0.1",
            "",
            "35858",
            "RW-Split-Router",
            "Session started",
            "2026-11-28T09:19:31Z",
            "0",
            "server1",
            "2371",
            "0",
            ep.as_str()
        ]
    );
    let f: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(f[8], "22.4");
    let run = mxs(&["sessions", "list", "--tsv", "--header"])
        .hosts(&server)
        .run();
    assert_eq!(
        run.stdout.lines().next().unwrap(),
        "id\tuser\tremote\tremote_name\tport\tservice\tstate\tconnected\tidle\tbackends\tmemory\tio_activity\tmaxscale"
    );
}

#[test]
fn tsv_of_old_versions_keeps_columns_and_asctime_has_no_offset() {
    let server = version(Version::V2_2);
    let run = mxs(&["sessions", "list", "--tsv"]).hosts(&server).run();
    run.ok();
    let lines = run.tsv();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0][0], "9");
    assert_eq!(lines[0][2], "::ffff:127.0.0.1");
    assert_eq!(lines[0][7], "2017-07-17T11:10:39");
    assert_eq!(lines[0][4], "", "no port in 2.2");
    assert_eq!(lines[0][10], "", "no memory in 2.2");
    assert_eq!(lines[1][1], "skysql");
}

#[test]
fn json_is_lossless_for_every_version() {
    for v in VERSIONS {
        let server = version(v);
        let raw = raw_get(&server, "/v1/sessions");
        let run = mxs(&["sessions", "list", "-o", "json"])
            .hosts(&server)
            .run();
        run.ok().clean();
        let out = run.json();
        let data = out["data"].as_array().unwrap();
        let raw_data = raw["data"].as_array().unwrap();
        assert_eq!(data.len(), raw_data.len(), "{v:?}");
        for (mine, theirs) in data.iter().zip(raw_data) {
            assert_eq!(
                mine["meta"]["maxscale"],
                server.endpoint().as_str(),
                "{v:?}"
            );
            assert_eq!(
                without_meta(mine.clone()),
                *theirs,
                "{v:?}: every key survives"
            );
        }
        assert_eq!(out["meta"]["sources"][0]["links"], raw["links"], "{v:?}");
        // jq-style access works whatever the version
        assert!(data.iter().all(|d| d["attributes"].is_object()));
    }
}

#[test]
fn json_keeps_the_servers_number_text() {
    let server = real();
    let run = mxs(&["sessions", "list", "--json"]).hosts(&server).run();
    assert!(run.stdout.contains("22.399999999999999"), "{}", run.stdout);
    assert!(
        !run.stdout.contains("\n"[..0].trim()) || run.stdout.lines().count() == 1,
        "compact when piped"
    );
}

#[test]
fn every_version_renders_in_every_format() {
    for v in VERSIONS {
        let server = version(v);
        for fmt in ["table", "tsv", "json", "jsonl"] {
            let run = mxs(&["sessions", "list", "-o", fmt]).hosts(&server).run();
            run.ok().clean();
            assert!(run.stderr.is_empty(), "{v:?} {fmt}: {}", run.stderr);
            assert!(!run.stdout.is_empty(), "{v:?} {fmt}");
        }
    }
}

#[test]
fn jsonl_has_one_line_per_session() {
    let server = generated(250, 7);
    let run = mxs(&["sessions", "list", "-o", "jsonl"])
        .hosts(&server)
        .run();
    run.ok();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 250);
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["type"], "sessions");
        assert_eq!(v["meta"]["maxscale"], server.endpoint().as_str());
    }
}

#[test]
fn empty_list() {
    let server = generated(0, 1);
    let run = mxs(&["sessions", "list"]).hosts(&server).run();
    run.ok();
    assert_eq!(run.stdout.lines().count(), 1, "header only");
    assert!(run.stdout.starts_with("ID"));
    run.stderr_has("no sessions");
    let run = mxs(&["sessions", "list", "--tsv"]).hosts(&server).run();
    run.ok();
    assert_eq!(run.stdout, "");
    let run = mxs(&["sessions", "list", "--json"]).hosts(&server).run();
    run.ok();
    assert_eq!(run.json()["data"], serde_json::json!([]));
}

#[test]
fn several_hosts_are_merged_with_a_maxscale_column() {
    let a = real();
    let b = version(Version::V22_08);
    let hosts = format!("{},{}", a.endpoint(), b.endpoint());
    let run = mxs(&["-H", &hosts, "sessions", "list"]).run();
    run.ok().clean();
    assert!(run.stdout.lines().next().unwrap().contains("MAXSCALE"));
    assert_eq!(run.stdout.lines().count(), 1 + 3 + 1);
    assert!(run.stdout.contains(&b.endpoint()));
    let run = mxs(&["-H", &hosts, "sessions", "list", "--json"]).run();
    let out = run.json();
    assert_eq!(out["data"].as_array().unwrap().len(), 4);
    assert_eq!(out["meta"]["sources"].as_array().unwrap().len(), 2);
    let run = mxs(&["-H", &hosts, "sessions", "list", "--tsv"]).run();
    let last: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.rsplit('\t').next().unwrap())
        .collect();
    assert!(last.contains(&a.endpoint().as_str()) && last.contains(&b.endpoint().as_str()));
    // each run asked both hosts once
    assert_eq!(a.requests().len(), 3);
    assert_eq!(b.requests().len(), 3);
}

#[test]
fn requests_carry_preemptive_basic_auth_and_no_password_in_the_url() {
    let server = real();
    mxs(&["sessions", "list"]).hosts(&server).run().ok();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].method, "GET");
    assert_eq!(reqs[0].path, "/v1/sessions");
    // compact: half the bytes
    assert_eq!(reqs[0].query.as_deref(), Some("pretty=false"));
    assert_eq!(
        reqs[0].header("authorization"),
        Some("Basic YWRtaW46bWFyaWFkYg==")
    );
}

#[test]
fn closed_pipe_is_success() {
    use std::io::{BufRead, BufReader};
    let server = generated(20_000, 3);
    let mut m = mxs(&["sessions", "list", "--tsv"]).hosts(&server);
    let mut child = m
        .command()
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    drop(reader);
    let out = child.wait_with_output().unwrap();
    assert!(!first.is_empty());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn json_keeps_the_servers_order_across_parallel_batches() {
    // ~5 MB: many batches, parsed by several workers, written in document order
    let server = generated(1000, 21);
    let raw = raw_get(&server, "/v1/sessions");
    let want: Vec<&str> = raw["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    for fmt in ["json", "jsonl"] {
        let run = mxs(&["sessions", "list", "-o", fmt]).hosts(&server).run();
        run.ok();
        let got: Vec<String> = if fmt == "json" {
            run.json()["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["id"].as_str().unwrap().to_string())
                .collect()
        } else {
            run.stdout
                .lines()
                .map(|l| {
                    serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect()
        };
        assert_eq!(got, want, "{fmt}");
    }
}

/// Four hosts: shuffled ids, the same ids on two of them, hostile strings, 22.08's fields.
fn mixed_hosts() -> (Vec<MockServer>, String) {
    let servers = vec![
        generated(1500, 7),
        generated(1500, 7),
        start(MockConfig {
            evil: true,
            sessions: Some(40),
            ..MockConfig::default()
        }),
        start(MockConfig {
            version: Version::V22_08,
            sessions: Some(300),
            seed: 3,
            ..MockConfig::default()
        }),
    ];
    let hosts = servers
        .iter()
        .map(MockServer::endpoint)
        .collect::<Vec<_>>()
        .join(",");
    (servers, hosts)
}

/// A plain table (no filter, sort, limit, client-side names or statement column) keeps each
/// row's cells as text, rendered as its session is parsed; it must read exactly as the general
/// path that sorts the sessions (asked for with `--sort id`), in color and without, with the
/// default columns and others.
#[test]
fn a_plain_table_reads_as_the_sorted_sessions_do() {
    let (_servers, hosts) = mixed_hosts();
    for extra in [
        &[][..],
        &["--color", "always"][..],
        &[
            "--columns",
            "id,remote,port,state,thread,alive,conn_ids,maxscale",
        ][..],
    ] {
        let run = |sort: &[&str]| {
            let mut args = vec!["-H", hosts.as_str(), "sessions", "list"];
            args.extend_from_slice(extra);
            args.extend_from_slice(sort);
            mxs(&args).run()
        };
        let (plain, sorted) = (run(&[]), run(&["--sort", "id"]));
        plain.ok();
        sorted.ok();
        assert_eq!(plain.stdout.lines().count(), 1 + 3340, "{extra:?}");
        assert!(
            plain.stdout == sorted.stdout,
            "{extra:?}: the plain table differs"
        );
    }
}

/// A plain TSV list (no filter, sort or limit) writes each row as its session is parsed and
/// sorts the rows; it must read exactly as the general path that sorts the sessions (asked for
/// with `--sort id`): shuffled ids, the same ids on two hosts (ordered by host), hostile strings,
/// an older version's fields, many batches, with and without a header.
#[test]
fn a_plain_tsv_list_reads_as_the_sorted_sessions_do() {
    let (servers, hosts) = mixed_hosts();
    for header in [&[][..], &["--header"][..]] {
        let run = |sort: &[&str]| {
            let mut args = vec!["-H", hosts.as_str(), "sessions", "list", "--tsv"];
            args.extend_from_slice(header);
            args.extend_from_slice(sort);
            mxs(&args).run()
        };
        let (plain, sorted) = (run(&[]), run(&["--sort", "id"]));
        plain.ok().clean();
        sorted.ok().clean();
        assert_eq!(plain.stdout.lines().count(), 3340 + header.len());
        assert!(
            plain.stdout == sorted.stdout,
            "the plain list differs from --sort id"
        );
        // the same id on two hosts: the first host's row first
        let rows: Vec<&str> = plain
            .stdout
            .lines()
            .filter(|l| l.starts_with("17\t"))
            .collect();
        assert!(rows.len() >= 2, "{rows:?}");
        assert!(rows[0].ends_with(&servers[0].endpoint()));
        assert!(rows[1].ends_with(&servers[1].endpoint()));
    }
}
