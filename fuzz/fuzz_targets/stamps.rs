//! The `stamps` target: the checks are in `checks/stamps.rs` (shared with `cargo test`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mxs_fuzz::stamps::check(data));
