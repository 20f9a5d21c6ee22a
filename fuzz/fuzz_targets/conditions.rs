//! The `conditions` target: the checks are in `checks/conditions.rs` (shared with `cargo test`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mxs_fuzz::conditions::check(data));
