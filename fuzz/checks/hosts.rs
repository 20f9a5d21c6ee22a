//! `--hosts` / `MXS_HOSTS` / the config file's `hosts`: [`Endpoint::parse_list`].
//!
//! - an accepted list has one endpoint per comma-separated entry; each has a non-empty host
//!   without brackets, a port from 1 to 65535, the trimmed entry as its label, and a base URL
//!   `http(s)://host:port/prefix/` built from them;
//! - parsing an endpoint's label again gives the same endpoint, and parsing its base URL gives
//!   the same base (the normal form is a fixed point);
//! - a refused list names the entry, and the message is safe to print.

use mxs::endpoint::Endpoint;

use super::common::{check_message, text};

pub fn check(data: &[u8]) {
    let Some(list) = text(data) else { return };
    for secure in [false, true] {
        match Endpoint::parse_list(list, secure, "--hosts") {
            Ok(endpoints) => {
                assert_eq!(
                    endpoints.len(),
                    list.split(',').count(),
                    "one endpoint per entry"
                );
                for (ep, entry) in endpoints.iter().zip(list.split(',')) {
                    check_endpoint(ep, entry, secure);
                }
            }
            Err(e) => {
                assert!(e.starts_with("--hosts entry "), "the entry is named: {e:?}");
                check_message(&e);
            }
        }
    }
}

fn check_endpoint(ep: &Endpoint, entry: &str, secure: bool) {
    assert!(!ep.host.is_empty(), "an empty host: {ep:?}");
    assert_ne!(ep.port, 0, "port 0: {ep:?}");
    assert!(
        !ep.host.contains(['[', ']', '/', '@', '?', '#'])
            && !ep.host.chars().any(char::is_whitespace),
        "a host with URL syntax in it: {ep:?}"
    );
    assert_eq!(ep.label, entry.trim(), "the label is the trimmed entry");
    let scheme = if ep.https { "https://" } else { "http://" };
    let host = if ep.host.contains(':') {
        format!("[{}]", ep.host)
    } else {
        ep.host.clone()
    };
    let authority = format!("{scheme}{host}:{}/", ep.port);
    assert!(
        ep.base.starts_with(&authority) && ep.base.ends_with('/'),
        "base {:?} is not {authority:?}...: {ep:?}",
        ep.base
    );
    assert_eq!(ep.url("v1/sessions"), format!("{}v1/sessions", ep.base));
    let lower = ep.label.to_ascii_lowercase();
    if lower.starts_with("https://") {
        assert!(ep.https, "an https:// entry without HTTPS: {ep:?}");
    } else if lower.starts_with("http://") {
        assert!(!ep.https, "an http:// entry with HTTPS: {ep:?}");
    } else {
        assert_eq!(
            ep.https, secure,
            "--secure decides for an entry without a scheme"
        );
    }
    assert_eq!(
        Endpoint::parse(&ep.label, secure).as_ref(),
        Ok(ep),
        "the label parses differently"
    );
    match Endpoint::parse(&ep.base, !secure) {
        Ok(again) => {
            assert_eq!(again.base, ep.base, "the base URL is not a fixed point");
            assert_eq!(
                (again.https, &again.host, again.port),
                (ep.https, &ep.host, ep.port)
            );
        }
        Err(e) => panic!("the base URL {:?} does not parse: {e}", ep.base),
    }
}
