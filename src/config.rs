//! The config file: maxctrl's `~/.maxctrl.cnf` INI format, its `[maxctrl]` keys, and an optional
//! `[mxs]` section whose keys win. Owns reading, the permission check and key validation; the
//! precedence against flags and environment is `settings`'s business.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::Failure;

/// Values found in a config file, by canonical key (`hosts`, `user`, `tls-ca-cert`, ...).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ConfigValues {
    pub path: PathBuf,
    values: BTreeMap<&'static str, String>,
    /// The line each value was read from.
    lines: BTreeMap<&'static str, usize>,
    /// A permission problem that maxctrl tolerates but we warn about (group-readable).
    pub warning: Option<String>,
}

impl ConfigValues {
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(String::as_str)
    }

    /// Where a key's value was read: `config file PATH line N`.
    #[must_use]
    pub fn place(&self, key: &str) -> String {
        match self.lines.get(key) {
            Some(n) => format!("config file {} line {n}", self.path.display()),
            None => format!("config file {}", self.path.display()),
        }
    }

    /// A boolean key; `Err` names the file and key when the value is not a boolean.
    pub fn get_bool(&self, key: &str) -> Result<Option<bool>, Failure> {
        self.get(key)
            .map(|v| {
                parse_bool(v).ok_or_else(|| {
                    Failure::usage(format!(
                        "config file {}: '{key}' must be true or false, not '{v}'",
                        self.path.display()
                    ))
                })
            })
            .transpose()
    }
}

/// Canonical keys, with the aliases maxctrl accepts (short option letters).
const KEYS: &[(&str, &[&str])] = &[
    ("hosts", &["h"]),
    ("user", &["u"]),
    ("password", &["p"]),
    ("timeout", &["t"]),
    ("secure", &["s"]),
    ("tls-key", &[]),
    ("tls-cert", &[]),
    ("tls-ca-cert", &[]),
    ("tls-verify-server-cert", &["n"]),
    ("tsv", &[]),
];

/// maxctrl keys that mean nothing to mxs; accepted and ignored so a shared file keeps working.
const MAXCTRL_ONLY: &[&str] = &["quiet", "q", "skip-sync", "tls-passphrase", "config", "c"];

/// Keys only the `[mxs]` section knows.
const MXS_KEYS: &[&str] = &[
    "output",
    "color",
    "max-response-size",
    "plain-http-warning",
    "rdns-timeout",
    "rdns-deadline",
    "rdns-concurrency",
    "server-utc-offset",
    "max-load",
    "sql-user",
    "sql-password",
];

pub fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Some(true),
        "false" | "no" | "off" | "0" => Some(false),
        _ => None,
    }
}

/// The largest config file read: maxctrl's are a few lines.
pub const MAX_BYTES: u64 = 1 << 20;

/// Loads a config file. `explicit` is whether the user named it (a missing default file is fine).
/// Only a regular file of at most [`MAX_BYTES`] is read; a FIFO or a device is refused without
/// waiting on it.
pub fn load(path: &Path, explicit: bool) -> Result<Option<ConfigValues>, Failure> {
    let shown = path.display();
    let usage = |e: std::io::Error| Failure::usage(format!("config file {shown}: {e}"));
    let file = match crate::bounded::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => return Ok(None),
        Err(e) => return Err(usage(e)),
    };
    let meta = file.metadata().map_err(usage)?;
    if let Some(what) = crate::bounded::not_regular(&meta) {
        return Err(Failure::usage(format!(
            "config file {shown} is {what}, not a regular file"
        )));
    }
    let warning = check_permissions(path, &meta)?;
    let bytes = crate::bounded::read_at_most(file, MAX_BYTES).map_err(usage)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Failure::usage(format!("config file {shown} is not UTF-8 text")))?;
    let mut values = parse(&text, path)?;
    values.warning = warning;
    Ok(Some(values))
}

#[cfg(unix)]
fn check_permissions(path: &Path, meta: &std::fs::Metadata) -> Result<Option<String>, Failure> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    let shown = path.display();
    // maxctrl refuses any bit of 0o037 (group write/execute, any world bit); it lets group-read
    // through, which still exposes the password: we refuse what maxctrl refuses and warn on that.
    if mode & 0o037 != 0 {
        return Err(Failure::new(
            crate::error::Cause::Usage,
            format!(
                "config file {shown} has mode {mode:04o}: it can be accessed by group or others \
                 and may hold a password"
            ),
        )
        .with_hint(format!("run: chmod 600 {shown}")));
    }
    if mode & 0o040 != 0 {
        return Ok(Some(format!(
            "config file {shown} is readable by its group (mode {mode:04o}); run: chmod 600 {shown}"
        )));
    }
    Ok(None)
}

#[cfg(not(unix))]
fn check_permissions(_: &Path, _: &std::fs::Metadata) -> Result<Option<String>, Failure> {
    Ok(None)
}

/// Parses the INI text: `[section]` headers, `key = value` lines, `;` and `#` comments.
pub fn parse(text: &str, path: &Path) -> Result<ConfigValues, Failure> {
    let shown = path.display();
    let err = |line: usize, msg: String| {
        Failure::usage(format!("config file {shown} line {line}: {msg}"))
    };
    let mut maxctrl = BTreeMap::new();
    let mut mxs = BTreeMap::new();
    let mut maxctrl_lines = BTreeMap::new();
    let mut mxs_lines = BTreeMap::new();
    let mut section: Option<String> = None;
    let mut saw_known_section = false;
    for (idx, raw) in text.lines().enumerate() {
        let n = idx + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with(';') || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let name = rest
                .strip_suffix(']')
                .ok_or_else(|| err(n, format!("unclosed section header '{line}'")))?
                .trim();
            saw_known_section |= name == "maxctrl" || name == "mxs";
            section = Some(name.to_string());
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .ok_or_else(|| err(n, format!("expected 'key = value', found '{line}'")))?;
        let key = key.trim();
        let value = unquote(value.trim());
        if key.starts_with('-') {
            return Err(err(
                n,
                format!("option names must be written without hyphens: {key}"),
            ));
        }
        let (target, lines) = match section.as_deref() {
            Some("maxctrl") => (&mut maxctrl, &mut maxctrl_lines),
            Some("mxs") => (&mut mxs, &mut mxs_lines),
            // Other sections belong to other tools; ignore them.
            Some(_) => continue,
            None => {
                return Err(err(
                    n,
                    format!("'{key}' is outside any section (expected [maxctrl] or [mxs])"),
                ));
            }
        };
        let in_mxs = section.as_deref() == Some("mxs");
        match canonical(key, in_mxs) {
            Some(Some(c)) => {
                target.insert(c, value.to_string());
                lines.insert(c, n);
            }
            Some(None) => {}
            None => {
                let mut known: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
                if in_mxs {
                    known.extend_from_slice(MXS_KEYS);
                }
                return Err(err(
                    n,
                    format!("unknown key '{key}' (known keys: {})", known.join(", ")),
                ));
            }
        }
    }
    if !saw_known_section {
        return Err(Failure::usage(format!(
            "config file {shown} has no [maxctrl] or [mxs] section"
        )));
    }
    // [mxs] wins over [maxctrl].
    maxctrl.extend(mxs);
    maxctrl_lines.extend(mxs_lines);
    Ok(ConfigValues {
        path: path.to_path_buf(),
        values: maxctrl,
        lines: maxctrl_lines,
        warning: None,
    })
}

/// `Some(Some(key))` for a key we use, `Some(None)` for one we ignore, `None` for unknown.
fn canonical(key: &str, in_mxs: bool) -> Option<Option<&'static str>> {
    let lower = key.to_ascii_lowercase().replace('_', "-");
    for (canon, aliases) in KEYS {
        if lower == *canon || aliases.contains(&lower.as_str()) {
            return Some(Some(canon));
        }
    }
    if in_mxs && let Some(k) = MXS_KEYS.iter().find(|k| **k == lower) {
        return Some(Some(k));
    }
    MAXCTRL_ONLY.contains(&lower.as_str()).then_some(None)
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<ConfigValues, Failure> {
        parse(text, Path::new("/tmp/x.cnf"))
    }

    #[test]
    fn reads_maxctrl_keys_and_short_aliases() {
        let c = p("[maxctrl]\nu = bob\np = 'secret'\nh = a:1,b:2\nt = 5s\n; comment\ntsv = true\n")
            .unwrap();
        assert_eq!(c.get("user"), Some("bob"));
        assert_eq!(c.get("password"), Some("secret"));
        assert_eq!(c.get("hosts"), Some("a:1,b:2"));
        assert_eq!(c.get("timeout"), Some("5s"));
        assert_eq!(c.get_bool("tsv").unwrap(), Some(true));
    }

    #[test]
    fn mxs_section_wins_over_maxctrl() {
        let c =
            p("[mxs]\nuser = carol\noutput = json\n[maxctrl]\nuser = bob\nhosts = x\n").unwrap();
        assert_eq!(c.get("user"), Some("carol"));
        assert_eq!(c.get("hosts"), Some("x"));
        assert_eq!(c.get("output"), Some("json"));
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let e = p("[maxctrl]\nbogus = 1\n").unwrap_err();
        assert!(
            e.message.contains("/tmp/x.cnf line 2: unknown key 'bogus'"),
            "{}",
            e.message
        );
        let e = p("[maxctrl]\n--hosts = x\n").unwrap_err();
        assert!(e.message.contains("without hyphens"), "{}", e.message);
        let e = p("hosts = x\n").unwrap_err();
        assert!(e.message.contains("line 1"), "{}", e.message);
        let e = p("[other]\na = b\n").unwrap_err();
        assert!(
            e.message.contains("no [maxctrl] or [mxs] section"),
            "{}",
            e.message
        );
        // mxs-only keys are not accepted in [maxctrl]
        assert!(p("[maxctrl]\noutput = json\n").is_err());
        // maxctrl-only keys are ignored
        assert!(p("[maxctrl]\nquiet = true\nskip-sync = true\n").is_ok());
    }

    #[test]
    fn bad_boolean_is_named() {
        let c = p("[maxctrl]\nsecure = maybe\n").unwrap();
        let e = c.get_bool("secure").unwrap_err();
        assert!(
            e.message.contains("'secure' must be true or false"),
            "{}",
            e.message
        );
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// Config-file-shaped text: section headers, keys, values, comments, quotes, CRLF.
    fn configish() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            "\\[(maxctrl|mxs|other|)\\]?",
            "(hosts|h|user|password|timeout|secure|tls-ca-cert|n|tsv|quiet|output|color|max-response-size|rdns_timeout|--hosts|bogus|) ?= ?[\"']?[a-z0-9 :,=\"'é]{0,10}[\"']?",
            "[;#].{0,10}",
            ".{0,12}",
        ];
        proptest::collection::vec((line, prop::sample::select(vec!["\n", "\r\n", "\r"])), 0..8)
            .prop_map(|v| v.into_iter().map(|(l, e)| format!("{l}{e}")).collect())
    }

    proptest! {
        #[test]
        fn no_string_makes_the_parser_panic(s in any::<String>(), c in configish()) {
            for t in [&s, &c] {
                if let Ok(v) = parse(t, Path::new("/tmp/x.cnf")) {
                    for key in ["secure", "tls-verify-server-cert", "tsv", "plain-http-warning"] {
                        let _ = v.get_bool(key);
                    }
                }
                let _ = parse_bool(t);
            }
        }
    }
}
