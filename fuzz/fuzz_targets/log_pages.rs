//! The `log_pages` target: the checks are in `checks/log_pages.rs` (shared with `cargo test`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mxs_fuzz::log_pages::check(data));
