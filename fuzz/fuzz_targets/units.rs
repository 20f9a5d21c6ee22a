//! The `units` target: the checks are in `checks/units.rs` (shared with `cargo test`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mxs_fuzz::units::check(data));
