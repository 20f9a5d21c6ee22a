//! The actions' inputs: `alter`'s KEY=VALUE pairs and `--filters` ([`plan::parse_alter`]),
//! `--ttl` ([`plan::parse_ttl`]) and ids read from standard input ([`Hosts::parse_id_lines`]).
//! The first line of the input goes to `--ttl` and `--filters`, the second to the pairs
//! (space-separated), the rest is standard input.
//!
//! - an accepted alter has only known keys, each once, with the value last given for it, and
//!   filters without empty names; a refused one is a usage error whose hint lists the keys;
//! - an accepted ttl is whole seconds and reads back from `Ns`; a refused one names `--ttl`;
//! - accepted ids are one per non-blank, non-comment line, trimmed, non-empty, with the host
//!   index in range; a refused line is named by its number;
//! - every message is safe to print.

use mxs::endpoint::Endpoint;
use mxs::error::ExitKind;
use mxs::hosts::Hosts;
use mxs::plan::{self, ALTER_KEYS, Action};

use super::common::{check_failure, text};

pub fn check(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let mut lines = t.splitn(3, '\n');
    let first = lines.next().unwrap_or_default();
    let pairs: Vec<String> = lines
        .next()
        .unwrap_or_default()
        .split(' ')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    let stdin = lines.next().unwrap_or_default();
    check_ttl(first);
    check_alter(&pairs, first);
    check_alter(&pairs, "");
    check_ids(stdin);
}

fn check_ttl(text: &str) {
    match plan::parse_ttl(text) {
        Ok(secs) => assert_eq!(plan::parse_ttl(&format!("{secs}s")).ok(), Some(secs)),
        Err(f) => {
            assert_eq!(f.kind(), ExitKind::Usage);
            assert!(f.message.starts_with("--ttl: "), "{}", f.message);
            check_failure(&f);
        }
    }
}

fn check_alter(pairs: &[String], filters: &str) {
    let refs: Vec<&String> = pairs.iter().filter(|p| p.contains('=')).collect();
    let filters = (!filters.is_empty()).then_some(filters);
    match plan::parse_alter(&refs, filters) {
        Ok(Action::Alter {
            parameters,
            filters: f,
        }) => {
            for (i, (k, v)) in parameters.iter().enumerate() {
                assert!(ALTER_KEYS.contains(&k.as_str()), "{k}");
                assert!(
                    parameters[..i].iter().all(|(other, _)| other != k),
                    "{k} twice"
                );
                let last = refs
                    .iter()
                    .rev()
                    .find_map(|p| {
                        let (pk, pv) = p.split_once('=')?;
                        (pk.trim() == k).then(|| pv.trim().eq_ignore_ascii_case("true"))
                    })
                    .expect("the key was given");
                assert_eq!(*v, last, "{k}: the last value wins");
            }
            if let Some(f) = f {
                assert!(f.iter().all(|n| !n.is_empty() && n.trim() == n), "{f:?}");
            }
            assert!(!parameters.is_empty() || filters.is_some());
        }
        Ok(other) => panic!("alter parsed as {other:?}"),
        Err(f) => {
            assert_eq!(f.kind(), ExitKind::Usage);
            check_failure(&f);
        }
    }
}

fn check_ids(stdin: &str) {
    let hosts = Hosts::new(
        Endpoint::parse_list("mx1:8989,mx2:8989", false, "--hosts").expect("valid hosts"),
    );
    match hosts.parse_id_lines(stdin) {
        Ok(ids) => {
            let lines = stdin
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                .count();
            assert_eq!(ids.len(), lines, "one id per line");
            for r in &ids {
                assert!(!r.id.is_empty() && r.id.trim() == r.id, "{r:?}");
                assert!(r.endpoint.is_none_or(|e| e < hosts.len()), "{r:?}");
            }
        }
        Err(f) => {
            assert_eq!(f.kind(), ExitKind::Usage);
            assert!(
                f.message.starts_with("standard input, line "),
                "{}",
                f.message
            );
            check_failure(&f);
        }
    }
}
