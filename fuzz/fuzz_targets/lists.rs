//! The `lists` target: the checks are in `checks/lists.rs` (shared with `cargo test`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mxs_fuzz::lists::check(data));
