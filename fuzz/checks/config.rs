//! The config file (`~/.maxctrl.cnf`, `--config`, `MXS_CONFIG`): [`config::parse`], and the
//! values it gives fed to the parsers `Settings` uses for them.
//!
//! - a refused file is a usage error naming the file (and the line), safe to print;
//! - every value of an accepted file, written back as `key = "value"` in an `[mxs]` section,
//!   reads back the same;
//! - hosts, durations, sizes, numbers and booleans from the file go through their parsers
//!   without panicking, and a bad boolean names the file and the key.

use std::fmt::Write;
use std::path::Path;

use mxs::config::{self, ConfigValues};
use mxs::endpoint::Endpoint;
use mxs::text::units;

use super::common::{check_failure, check_message, text};

const PATH: &str = "/home/u/.maxctrl.cnf";

/// Every key the file can hold.
const KEYS: [&str; 17] = [
    "hosts",
    "user",
    "password",
    "timeout",
    "secure",
    "tls-key",
    "tls-cert",
    "tls-ca-cert",
    "tls-verify-server-cert",
    "tsv",
    "output",
    "color",
    "max-response-size",
    "plain-http-warning",
    "rdns-timeout",
    "rdns-deadline",
    "rdns-concurrency",
];

const BOOLEANS: [&str; 4] = [
    "secure",
    "tls-verify-server-cert",
    "tsv",
    "plain-http-warning",
];

pub fn check(data: &[u8]) {
    let Some(t) = text(data) else { return };
    match config::parse(t, Path::new(PATH)) {
        Ok(values) => check_values(&values),
        Err(f) => {
            assert!(
                f.message.starts_with(&format!("config file {PATH}")),
                "{}",
                f.message
            );
            check_failure(&f);
        }
    }
}

fn check_values(values: &ConfigValues) {
    let mut written = String::from("[mxs]\n");
    for key in KEYS {
        if let Some(v) = values.get(key) {
            let _ = writeln!(written, "{key} = \"{v}\"");
        }
    }
    let again = config::parse(&written, Path::new(PATH))
        .unwrap_or_else(|e| panic!("the values written back do not parse: {e}\n{written}"));
    for key in KEYS {
        assert_eq!(
            values.get(key),
            again.get(key),
            "{key} does not read back:\n{written}"
        );
    }
    if let Some(h) = values.get("hosts")
        && let Err(e) = Endpoint::parse_list(h, false, "hosts")
    {
        check_message(&e);
    }
    for key in ["timeout", "rdns-timeout", "rdns-deadline"] {
        if let Some(Err(e)) = values.get(key).map(|v| units::parse_duration(v, 0.001)) {
            check_message(&e);
        }
    }
    if let Some(Err(e)) = values.get("max-response-size").map(units::parse_size) {
        check_message(&e);
    }
    let _ = values.get("rdns-concurrency").map(str::parse::<usize>);
    for key in BOOLEANS {
        if let Err(f) = values.get_bool(key) {
            assert!(
                f.message
                    .starts_with(&format!("config file {PATH}: '{key}'")),
                "{}",
                f.message
            );
            check_failure(&f);
        }
    }
}
