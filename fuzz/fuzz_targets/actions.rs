//! The `actions` target: the checks are in `checks/actions.rs` (shared with `cargo test`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mxs_fuzz::actions::check(data));
