//! The MaxScale hosts a command talks to: each admin endpoint with its label, in `--hosts`
//! order (a host's index is its place in that order everywhere: sessions, failures, results),
//! and the session ids that name one of them (`ID@HOST`). Owns no I/O.

use crate::endpoint::Endpoint;
use crate::error::Failure;

/// The hosts of a command, at least one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hosts {
    endpoints: Vec<Endpoint>,
    /// Each endpoint's label, by index: what the `maxscale` column and `meta.maxscale` show,
    /// kept as one slice because every renderer reads labels by index.
    labels: Vec<String>,
}

impl Hosts {
    #[must_use]
    pub fn new(endpoints: Vec<Endpoint>) -> Hosts {
        let labels = endpoints.iter().map(|e| e.label.clone()).collect();
        Hosts { endpoints, labels }
    }

    #[must_use]
    pub fn endpoints(&self) -> &[Endpoint] {
        &self.endpoints
    }

    #[must_use]
    pub fn get(&self, host: usize) -> Option<&Endpoint> {
        self.endpoints.get(host)
    }

    /// The labels, by host index.
    #[must_use]
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// A host's label; empty for an index that names no host.
    #[must_use]
    pub fn label(&self, host: usize) -> &str {
        self.labels.get(host).map_or("", String::as_str)
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.endpoints.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.endpoints.is_empty()
    }

    /// More than one host: ids need their host to be unambiguous.
    #[must_use]
    pub fn several(&self) -> bool {
        self.endpoints.len() > 1
    }

    /// Any host is reached over HTTPS.
    #[must_use]
    pub fn any_https(&self) -> bool {
        self.endpoints.iter().any(|e| e.https)
    }

    /// The host a name stands for: its label, case-insensitive.
    #[must_use]
    pub fn find(&self, name: &str) -> Option<usize> {
        self.labels
            .iter()
            .position(|l| l.eq_ignore_ascii_case(name))
    }

    /// Reads `ID` or `ID@HOST`, where ID is a session id (digits) and HOST one of the `--hosts`
    /// entries as the labels show them (case-insensitive); `from` names where the text came
    /// from, for the error. White space around the whole is ignored, nowhere else: anything but
    /// these forms is a usage error, raised before any request.
    pub fn parse_id(&self, text: &str, from: &str) -> Result<IdRef, Failure> {
        let text = text.trim();
        let shown = crate::text::sanitize::line(text);
        let (id, host) = match text.split_once('@') {
            Some((id, host)) => (id, Some(host)),
            None => (text, None),
        };
        if id.is_empty() {
            return Err(Failure::usage(format!(
                "{from}: '{shown}' has no session id"
            )));
        }
        if !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(
                Failure::usage(format!("{from}: '{shown}' is not a session id"))
                    .with_hint("a session id is digits, as in 42 or 42@HOST"),
            );
        }
        let endpoint = match host {
            None => None,
            Some("") => {
                return Err(
                    Failure::usage(format!("{from}: '{shown}' has no host after '@'"))
                        .with_hint(format!("hosts: {}", self.labels.join(", "))),
                );
            }
            Some(h) => Some(self.find(h).ok_or_else(|| {
                Failure::usage(format!(
                    "{from}: '{shown}' names a host that is not in --hosts"
                ))
                .with_hint(format!("hosts: {}", self.labels.join(", ")))
            })?),
        };
        Ok(IdRef {
            id: id.to_string(),
            endpoint,
        })
    }

    /// Reads the ids of a text, one per line (blank lines and `#` comments skipped), as
    /// `sessions list -o ids` prints them.
    pub fn parse_id_lines(&self, text: &str) -> Result<Vec<IdRef>, Failure> {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|(n, l)| self.parse_id(l, &format!("standard input, line {}", n + 1)))
            .collect()
    }
}

/// A session named on the command line or on standard input: its id and, when given as
/// `ID@HOST`, the index of its host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdRef {
    pub id: String,
    pub endpoint: Option<usize>,
}

impl IdRef {
    /// Whether this names the session `id` of `host`.
    #[must_use]
    pub fn names(&self, host: usize, id: &str) -> bool {
        self.id == id && self.endpoint.is_none_or(|e| e == host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts() -> Hosts {
        Hosts::new(
            Endpoint::parse_list("mx1:8989,mx2:8989", false, "--hosts").expect("valid hosts"),
        )
    }

    #[test]
    fn labels_follow_the_endpoints() {
        let h = hosts();
        assert_eq!(h.labels(), ["mx1:8989", "mx2:8989"]);
        assert_eq!(h.label(1), "mx2:8989");
        assert_eq!(h.label(7), "");
        assert!(h.several());
        assert_eq!(h.find("MX2:8989"), Some(1));
    }

    #[test]
    fn ids_read_as_list_prints_them() {
        let h = hosts();
        let ids = h
            .parse_id_lines("1\n\n# comment\n 2@MX2:8989 \n")
            .expect("valid ids");
        assert_eq!(
            ids,
            [
                IdRef {
                    id: "1".into(),
                    endpoint: None
                },
                IdRef {
                    id: "2".into(),
                    endpoint: Some(1)
                }
            ]
        );
        assert!(ids[1].names(1, "2") && !ids[1].names(0, "2") && ids[0].names(1, "1"));
        let e = h.parse_id_lines("1\n3@nowhere\n").unwrap_err();
        assert!(e.message.contains("line 2"), "{}", e.message);
        assert!(e.hint.unwrap().contains("mx1:8989, mx2:8989"));
        assert!(h.parse_id_lines("@mx1:8989").is_err());
    }

    #[test]
    fn ids_are_digits_with_an_optional_host() {
        let h = hosts();
        assert_eq!(h.parse_id(" 42 ", "id").expect("an id").id, "42");
        assert_eq!(
            h.parse_id("7@mx2:8989", "id").expect("an id").endpoint,
            Some(1)
        );
        for bad in [
            "1x",
            "-3",
            "+1",
            "1.0",
            "0x10",
            "1 2",
            "1\u{7}",
            "\u{1b}[2J1",
            "1@",
            "@mx1:8989",
            "1 @mx1:8989",
            "1@ mx1:8989",
            "１",
            "1@mx1:8989@mx2:8989",
            "",
        ] {
            let e = h.parse_id(bad, "session id").unwrap_err();
            assert!(
                e.message.starts_with("session id: '"),
                "{bad:?}: {}",
                e.message
            );
            assert!(
                !e.message.contains('\u{1b}') && !e.message.contains('\u{7}'),
                "{bad:?}: {}",
                e.message
            );
        }
    }
}
