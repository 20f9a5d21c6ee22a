//! Admin API endpoints: parsing `--hosts` entries (`host:port`, `host`, `[::1]:8989`, URLs) into
//! base URLs. Owns no I/O.

use std::net::IpAddr;

/// The default admin port.
pub const DEFAULT_PORT: u16 = 8989;

/// The most hosts one command queries: each gets its own connection and threads, all at once.
pub const MAX_HOSTS: usize = 256;

/// One MaxScale admin endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// As the user wrote it (trimmed): what the `maxscale` column and `meta.maxscale` show.
    pub label: String,
    /// `http://host:port/prefix/`, always ending in `/`.
    pub base: String,
    pub https: bool,
    /// The host part without brackets.
    pub host: String,
    pub port: u16,
}

impl Endpoint {
    /// Parses one entry; `secure` picks HTTPS for entries without a scheme.
    pub fn parse(entry: &str, secure: bool) -> Result<Endpoint, String> {
        let label = entry.trim();
        if label.is_empty() {
            return Err("an empty host entry".to_string());
        }
        let (https, rest) = if let Some(r) = strip_prefix_ci(label, "https://") {
            (true, r)
        } else if let Some(r) = strip_prefix_ci(label, "http://") {
            (false, r)
        } else if label.contains("://") {
            return Err(format!(
                "'{label}': only http:// and https:// URLs are supported"
            ));
        } else {
            (secure, label)
        };
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        if authority.contains('@') {
            return Err(format!(
                "'{label}': credentials in the URL are not supported; use --user and --password"
            ));
        }
        let (host, port) = split_host_port(authority).map_err(|e| format!("'{label}': {e}"))?;
        let mut prefix = path.trim_end_matches('/').to_string();
        if prefix.contains(['?', '#']) {
            return Err(format!(
                "'{label}': a host entry cannot carry a query or fragment"
            ));
        }
        prefix.push('/');
        let scheme = if https { "https" } else { "http" };
        let host_in_url = if host.contains(':') {
            format!("[{host}]")
        } else {
            host.clone()
        };
        Ok(Endpoint {
            label: label.to_string(),
            base: format!("{scheme}://{host_in_url}:{port}{prefix}"),
            https,
            host,
            port,
        })
    }

    /// Parses a comma-separated list; `origin` says where it came from (`--hosts`,
    /// `MXS_HOSTS`, `config file F line N: hosts`) for the error message.
    pub fn parse_list(list: &str, secure: bool, origin: &str) -> Result<Vec<Endpoint>, String> {
        let count = list.split(',').count();
        if count > MAX_HOSTS {
            return Err(format!(
                "{origin}: {count} hosts; at most {MAX_HOSTS} are supported"
            ));
        }
        list.split(',')
            .enumerate()
            .map(|(i, e)| {
                Endpoint::parse(e, secure).map_err(|m| format!("{origin} entry {}: {m}", i + 1))
            })
            .collect()
    }

    /// Whether the host is a loopback address or `localhost`.
    #[must_use]
    pub fn is_loopback(&self) -> bool {
        self.host.eq_ignore_ascii_case("localhost")
            || self
                .host
                .parse::<IpAddr>()
                .is_ok_and(|ip| ip.to_canonical().is_loopback())
    }

    /// The URL of an API path such as `v1/sessions`.
    #[must_use]
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// `s` without an ASCII `prefix` matched case-insensitively. `get` rather than indexing: the
/// cut may fall inside a multi-byte character of what the user typed.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    s.get(..prefix.len())
        .filter(|head| head.eq_ignore_ascii_case(prefix))
        .and_then(|_| s.get(prefix.len()..))
}

fn split_host_port(authority: &str) -> Result<(String, u16), String> {
    if let Some(rest) = authority.strip_prefix('[') {
        let (host, after) = rest
            .split_once(']')
            .ok_or_else(|| "unclosed '[' in an IPv6 address".to_string())?;
        host.parse::<std::net::Ipv6Addr>()
            .map_err(|_| format!("'{host}' is not an IPv6 address"))?;
        let port = match after {
            "" => DEFAULT_PORT,
            p => parse_port(
                p.strip_prefix(':')
                    .ok_or_else(|| format!("unexpected '{p}' after ']'"))?,
            )?,
        };
        return Ok((host.to_string(), port));
    }
    // A bare IPv6 address (several colons) has no port.
    if authority.matches(':').count() > 1 {
        authority.parse::<std::net::Ipv6Addr>().map_err(|_| {
            format!("'{authority}' is not a valid address (write IPv6 as [addr]:port)")
        })?;
        return Ok((authority.to_string(), DEFAULT_PORT));
    }
    let (host, port) = match authority.split_once(':') {
        Some((h, p)) => (h, parse_port(p)?),
        None => (authority, DEFAULT_PORT),
    };
    if host.is_empty() {
        return Err("the host name is empty".to_string());
    }
    if !host
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        return Err(format!("'{host}' is not a valid host name"));
    }
    Ok((host.to_string(), port))
}

fn parse_port(p: &str) -> Result<u16, String> {
    match p.parse::<u16>() {
        Ok(0) | Err(_) => Err(format!("'{p}' is not a valid port (1-65535)")),
        Ok(n) => Ok(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(s: &str) -> String {
        Endpoint::parse(s, false).unwrap().base
    }

    #[test]
    fn parses_every_documented_form() {
        assert_eq!(base("127.0.0.1:8989"), "http://127.0.0.1:8989/");
        assert_eq!(base("maxscale1"), "http://maxscale1:8989/");
        assert_eq!(base("[::1]:9000"), "http://[::1]:9000/");
        assert_eq!(base("[::1]"), "http://[::1]:8989/");
        assert_eq!(base("::1"), "http://[::1]:8989/");
        assert_eq!(base("https://mx.example:443"), "https://mx.example:443/");
        assert_eq!(base("http://mx/admin/"), "http://mx:8989/admin/");
        assert_eq!(base(" HTTP://mx:1 "), "http://mx:1/");
        let e = Endpoint::parse("mx", true).unwrap();
        assert!(e.https);
        assert_eq!(e.base, "https://mx:8989/");
        assert_eq!(e.label, "mx");
    }

    #[test]
    fn rejects_bad_entries_with_a_reason() {
        for (bad, why) in [
            ("", "empty"),
            ("mx:0", "valid port"),
            ("mx:99999", "valid port"),
            ("mx:abc", "valid port"),
            ("ftp://mx", "only http"),
            ("http://u:p@mx", "credentials"),
            ("[::1", "unclosed"),
            ("bad host", "valid host name"),
        ] {
            let err = Endpoint::parse(bad, false).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
        let err = Endpoint::parse_list("a,,b", false, "--hosts").unwrap_err();
        assert!(err.starts_with("--hosts entry 2"), "{err}");
        // a multi-byte character across the length of "http://" or "https://"
        for bad in ["http:/é", "https:/é", "http://é", "httpś://x"] {
            assert!(Endpoint::parse(bad, false).is_err(), "{bad}");
        }
    }

    #[test]
    fn multibyte_text_is_an_error_not_a_panic() {
        for (bad, why) in [
            ("aéééé", "'aéééé' is not a valid host name"),
            ("httpséé://x", "only http:// and https://"),
            ("héllo://x", "only http:// and https://"),
            ("ééééééééé", "not a valid host name"),
            ("http://é", "'é' is not a valid host name"),
            ("https://mx:é", "'é' is not a valid port"),
            ("[é]:1", "not an IPv6 address"),
            ("é:é:é", "not a valid address"),
        ] {
            let err = Endpoint::parse(bad, false).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
        let err = Endpoint::parse_list("mx,aéééé", false, "MXS_HOSTS").unwrap_err();
        assert!(err.starts_with("MXS_HOSTS entry 2: 'aéééé'"), "{err}");
        assert_eq!(base("HTTPS://mx"), "https://mx:8989/");
    }

    #[test]
    fn the_number_of_hosts_is_bounded() {
        let list = |n: usize| vec!["mx"; n].join(",");
        assert_eq!(
            Endpoint::parse_list(&list(MAX_HOSTS), false, "-H")
                .unwrap()
                .len(),
            256
        );
        let err = Endpoint::parse_list(&list(MAX_HOSTS + 1), false, "-H").unwrap_err();
        assert_eq!(err, "-H: 257 hosts; at most 256 are supported");
    }

    #[test]
    fn loopback_detection() {
        for h in ["127.0.0.1", "localhost", "[::1]", "127.3.4.5:1"] {
            assert!(Endpoint::parse(h, false).unwrap().is_loopback(), "{h}");
        }
        assert!(!Endpoint::parse("10.0.0.1", false).unwrap().is_loopback());
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// Entry-shaped text: schemes, brackets, ports, paths and multi-byte characters.
    fn entryish() -> impl Strategy<Value = String> {
        "(https?://|HTTP://|ftp://|[a-zé]{0,4}:?/{0,2})?(\\[[0-9a-f:.%é]{0,12}\\]?|[a-z0-9._é-]{0,10}|[0-9:]{0,12})(:[0-9]{0,6}|:é)?(/[a-z?#@é/]{0,6})?"
    }

    proptest! {
        #[test]
        fn no_string_makes_the_parser_panic(s in any::<String>(), e in entryish(), secure in any::<bool>()) {
            let _ = Endpoint::parse(&s, secure);
            let _ = Endpoint::parse_list(&s, secure, "--hosts");
            let list = format!("{e},{s}");
            let _ = Endpoint::parse_list(&list, secure, "--hosts");
            if let Ok(ep) = Endpoint::parse(&e, secure) {
                prop_assert!(!ep.host.is_empty() && ep.port != 0 && ep.base.ends_with('/'), "{:?}", ep);
                prop_assert_eq!(Endpoint::parse(&ep.label, secure), Ok(ep.clone()));
                let _ = ep.is_loopback();
            }
        }
    }
}
