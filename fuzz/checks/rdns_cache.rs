//! The reverse-DNS cache file (`~/.cache/mxs/rdns.tsv`, `address<TAB>name<TAB>expires`):
//! [`Cache::parse`], and [`rdns::lookup_address`] on each line's address.
//!
//! - only entries that are still valid are kept, and no name holds a control character (a
//!   name is printed in tables and written back to the file);
//! - the entries written back as `save` writes them read back the same;
//! - an address to look up is already in its canonical form (IPv4-mapped IPv6 as IPv4).

use std::net::IpAddr;

use mxs::rdns::{self, Cache};

use super::common::text;

const NOW: u64 = 1_800_000_000;

pub fn check(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let cache = Cache::parse(t, NOW);
    let mut entries: Vec<(IpAddr, String, u64)> = cache
        .entries()
        .map(|(ip, name, exp)| (ip, name.to_string(), exp))
        .collect();
    let mut written = String::new();
    for (ip, name, exp) in &entries {
        assert!(*exp > NOW, "an expired entry is kept: {ip} {exp}");
        assert!(
            !name.chars().any(char::is_control),
            "a name with a control character: {name:?}"
        );
        written.push_str(&format!("{ip}\t{name}\t{exp}\n"));
    }
    let mut again: Vec<(IpAddr, String, u64)> = Cache::parse(&written, NOW)
        .entries()
        .map(|(ip, name, exp)| (ip, name.to_string(), exp))
        .collect();
    entries.sort();
    again.sort();
    assert_eq!(entries, again, "the cache does not read back:\n{written}");
    for line in t.lines() {
        let address = line.split('\t').next().unwrap_or(line);
        if let Some(ip) = rdns::lookup_address(address) {
            assert_eq!(
                ip,
                ip.to_canonical(),
                "{address:?} looks up {ip}, not its canonical form"
            );
        }
    }
}
