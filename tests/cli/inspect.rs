//! The inspector: --where, --sort, --limit, --columns, --wide and summaries, checked against an
//! independent computation over the plain TSV list.

use std::collections::BTreeMap;

use crate::util::*;

struct Row {
    id: u64,
    user: String,
    remote: String,
    service: String,
    idle: Option<f64>,
    memory: Option<u64>,
    backends: Vec<String>,
}

fn rows(server: &MockServer) -> Vec<Row> {
    let run = mxs(&["sessions", "list", "--tsv"]).hosts(server).run();
    run.ok();
    run.stdout
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Row {
                id: f[0].parse().unwrap(),
                user: f[1].to_string(),
                remote: f[2].to_string(),
                service: f[5].to_string(),
                idle: f[8].parse().ok(),
                memory: f[10].parse().ok(),
                backends: f[9]
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            }
        })
        .collect()
}

fn ids(run: &Run) -> Vec<u64> {
    run.stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap().parse().unwrap())
        .collect()
}

fn dataset() -> MockServer {
    start(MockConfig {
        sessions: Some(400),
        addresses: Some(30),
        seed: 11,
        ..MockConfig::default()
    })
}

#[test]
fn where_conditions_on_each_column_type() {
    let server = dataset();
    let all = rows(&server);
    assert_eq!(all.len(), 400);
    let user = all
        .iter()
        .find(|r| !r.user.is_empty())
        .unwrap()
        .user
        .clone();
    type Predicate = Box<dyn Fn(&Row) -> bool>;
    let cases: Vec<(Vec<String>, Predicate)> = vec![
        (
            vec![format!("user={user}")],
            Box::new(move |r: &Row| r.user == user),
        ),
        (
            vec!["idle>600".into()],
            Box::new(|r: &Row| r.idle.is_some_and(|i| i > 600.0)),
        ),
        (
            vec!["idle>10m".into(), "idle<=1h".into()],
            Box::new(|r: &Row| r.idle.is_some_and(|i| i > 600.0 && i <= 3600.0)),
        ),
        (
            vec!["memory>=4KiB".into()],
            Box::new(|r: &Row| r.memory.is_some_and(|m| m >= 4096)),
        ),
        (
            vec!["service~rw".into()],
            Box::new(|r: &Row| r.service.to_lowercase().contains("rw")),
        ),
        (vec!["id<=50".into()], Box::new(|r: &Row| r.id <= 50)),
        (
            vec!["backends~server2".into()],
            Box::new(|r: &Row| r.backends.iter().any(|b| b.contains("server2"))),
        ),
        (
            vec!["host~/^::ffff:/".into()],
            Box::new(|r: &Row| r.remote.starts_with("::ffff:")),
        ),
        (
            vec!["user!=".into()],
            Box::new(|r: &Row| !r.user.is_empty()),
        ),
    ];
    for (conds, pred) in cases {
        let mut args = vec!["sessions", "list", "--tsv"];
        for c in &conds {
            args.extend(["--where", c.as_str()]);
        }
        let run = mxs(&args).hosts(&server).run();
        run.ok();
        let want: Vec<u64> = all.iter().filter(|r| pred(r)).map(|r| r.id).collect();
        assert_eq!(ids(&run), want, "{conds:?}");
        assert!(
            !want.is_empty() || conds[0].starts_with("user="),
            "{conds:?} selects nothing; make the test meaningful"
        );
    }
}

#[test]
fn sort_and_limit() {
    let server = dataset();
    let all = rows(&server);
    let run = mxs(&[
        "sessions", "list", "--tsv", "--sort", "-memory", "--limit", "10",
    ])
    .hosts(&server)
    .run();
    run.ok();
    let mut want: Vec<&Row> = all.iter().collect();
    want.sort_by(|a, b| b.memory.cmp(&a.memory).then(a.id.cmp(&b.id)));
    assert_eq!(
        ids(&run),
        want.iter().take(10).map(|r| r.id).collect::<Vec<_>>()
    );
    let run = mxs(&["sessions", "list", "--tsv", "--sort", "user,-id"])
        .hosts(&server)
        .run();
    let mut want: Vec<&Row> = all.iter().collect();
    want.sort_by(|a, b| {
        let key = |r: &Row| (r.user.is_empty(), r.user.clone());
        key(a).cmp(&key(b)).then(b.id.cmp(&a.id))
    });
    assert_eq!(ids(&run), want.iter().map(|r| r.id).collect::<Vec<_>>());
    // json and jsonl honour the selection too
    let run = mxs(&[
        "sessions", "list", "-o", "jsonl", "--where", "id<=5", "--sort", "-id",
    ])
    .hosts(&server)
    .run();
    let got: Vec<String> = run
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(got, ["5", "4", "3", "2", "1"]);
}

#[test]
fn columns_and_wide() {
    let server = real();
    let run = mxs(&["sessions", "list", "--columns", "user,id,state"])
        .hosts(&server)
        .run();
    run.ok();
    let header: Vec<&str> = run
        .stdout
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(header, ["USER", "ID", "STATE"]);
    let run = mxs(&["sessions", "list", "--wide"])
        .hosts(&server)
        .env("COLUMNS", "400")
        .run();
    let header = run.stdout.lines().next().unwrap().to_string();
    for h in ["PORT", "STATE", "THREAD", "ALIVE", "LAST QUERY"] {
        assert!(header.contains(h), "{header}");
    }
    run.stdout_has("SELECT SLEEP(86400)");
}

#[test]
fn bad_selection_is_a_usage_error_listing_columns() {
    let server = real();
    // usage errors are found before any request
    server.expect(Expect::Nothing);
    let run = mxs(&["sessions", "list", "--where", "colour=red"])
        .hosts(&server)
        .run();
    run.code(2)
        .one_error()
        .stderr_has("unknown column 'colour'")
        .stderr_has("user, host");
    mxs(&["sessions", "list", "--where", "idle>soon"])
        .hosts(&server)
        .run()
        .code(2);
    mxs(&["sessions", "list", "--sort", "-nope"])
        .hosts(&server)
        .run()
        .code(2);
    mxs(&["sessions", "summary", "--by", "planet"])
        .hosts(&server)
        .run()
        .code(2);
}

#[test]
fn summary_figures_match_an_independent_count() {
    let server = dataset();
    let all = rows(&server);
    let mut want: BTreeMap<String, (u64, u64, f64, u64, f64)> = BTreeMap::new();
    for r in &all {
        let e = want
            .entry(r.user.clone())
            .or_insert((0, 0, 0.0, 0, f64::MIN));
        e.0 += 1;
        e.1 += r.memory.unwrap_or(0);
        if let Some(i) = r.idle {
            e.2 += i;
            e.3 += 1;
            e.4 = e.4.max(i);
        }
    }
    let run = mxs(&["sessions", "summary", "--by", "user", "--tsv"])
        .hosts(&server)
        .run();
    run.ok();
    let lines = run.tsv();
    assert_eq!(lines.len(), want.len());
    for l in &lines {
        let (n, mem, sum, count, max) = want[l[0]];
        assert_eq!(l[1].parse::<u64>().unwrap(), n, "{l:?}");
        assert_eq!(l[2].parse::<u64>().unwrap(), mem, "{l:?}");
        if count > 0 {
            let avg: f64 = l[4].parse().unwrap();
            assert!((avg - sum / count as f64).abs() < 1e-6, "{l:?}");
            assert_eq!(l[5].parse::<f64>().unwrap(), max);
        }
    }
    // sorted by count, descending
    let counts: Vec<u64> = lines.iter().map(|l| l[1].parse().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    // backends: a session counts in each of its backends' groups
    let run = mxs(&["sessions", "summary", "--by", "backend", "--json"])
        .hosts(&server)
        .run();
    let out = run.json();
    for g in out["data"].as_array().unwrap() {
        let b = g["group"]["backend"].as_str().unwrap();
        let n = all
            .iter()
            .filter(|r| r.backends.iter().any(|x| x == b))
            .count() as u64;
        assert_eq!(g["sessions"].as_u64(), Some(n), "{b}");
    }
    let run = mxs(&["sessions", "summary", "--by", "service,state"])
        .hosts(&server)
        .run();
    run.ok()
        .stdout_has("SESSIONS")
        .stdout_has("400 sessions in");
}

#[test]
fn the_group_without_a_value_is_labelled_in_tables_only() {
    // about one generated session in twelve has no user
    let server = generated(200, 7);
    let no_user = rows(&server).iter().filter(|r| r.user.is_empty()).count();
    assert!(no_user > 0);
    let run = mxs(&["sessions", "summary", "--by", "user"])
        .hosts(&server)
        .run();
    run.ok().clean();
    let line = run
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("(none)"))
        .unwrap_or_else(|| panic!("no (none) group:\n{}", run.stdout));
    assert_eq!(
        line.split_whitespace().nth(1),
        Some(no_user.to_string().as_str()),
        "{line}"
    );
    assert!(
        !run.stdout.lines().any(|l| l.starts_with("   ")),
        "{}",
        run.stdout
    );
    let run = mxs(&["sessions", "summary", "--by", "user", "--tsv"])
        .hosts(&server)
        .run();
    let empty: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with('\t')).collect();
    assert_eq!(empty.len(), 1, "{}", run.stdout);
    assert!(
        empty[0].starts_with(&format!("\t{no_user}\t")),
        "{}",
        empty[0]
    );
    assert!(!run.stdout.contains("(none)"));
    let out = mxs(&["sessions", "summary", "--by", "user", "--json"])
        .hosts(&server)
        .run()
        .json();
    let nulls: Vec<&serde_json::Value> = out["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| {
            g["group"]
                .get("user")
                .is_some_and(serde_json::Value::is_null)
        })
        .collect();
    assert_eq!(nulls.len(), 1, "{out}");
    assert_eq!(nulls[0]["sessions"].as_u64(), Some(no_user as u64));
    assert!(!out.to_string().contains("(none)"));
}

#[test]
fn an_empty_item_in_a_list_option_is_a_usage_error_naming_it() {
    let server = real();
    // usage errors are found before any request
    server.expect(Expect::Nothing);
    for list in [",,,", "id,,user", "", " ", "id,", ",id"] {
        for (args, option) in [
            (&["sessions", "list", "--sort"][..], "--sort"),
            (&["sessions", "list", "--columns"], "--columns"),
            (&["sessions", "summary", "--by", "user", "--sort"], "--sort"),
            (&["sessions", "summary", "--by"], "--by"),
            (
                &["sessions", "watch", "--count", "1", "--columns"],
                "--columns",
            ),
            (&["sessions", "watch", "--count", "1", "--sort"], "--sort"),
        ] {
            let list = list.replace("id", if option == "--by" { "user" } else { "id" });
            let run = mxs(args).args(&[&list]).hosts(&server).run();
            run.code(2).clean().one_error();
            run.stderr_has(&format!("mxs: error: {option}: an empty name in the list"));
        }
    }
}
