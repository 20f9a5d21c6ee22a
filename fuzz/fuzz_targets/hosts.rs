//! The `hosts` target: the checks are in `checks/hosts.rs` (shared with `cargo test`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mxs_fuzz::hosts::check(data));
