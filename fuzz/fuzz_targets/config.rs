//! The `config` target: the checks are in `checks/config.rs` (shared with `cargo test`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mxs_fuzz::config::check(data));
