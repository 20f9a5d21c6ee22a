//! The `rdns_cache` target: the checks are in `checks/rdns_cache.rs` (shared with `cargo test`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mxs_fuzz::rdns_cache::check(data));
