//! The `decode_render` target: the checks are in `checks/decode_render.rs` (shared with `cargo test`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mxs_fuzz::decode_render::check(data));
