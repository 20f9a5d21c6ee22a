//! The checks behind the fuzz targets, one module per target. Each `check(data)` feeds the bytes
//! to one parser (or the decoder and renderers) and panics when an invariant does not hold.
//!
//! This file is the root of the fuzz package's library, which the targets in `fuzz_targets/`
//! call, and it is also compiled into the main crate's `fuzz_regressions` test (through a
//! `#[path]` module), which replays `fuzz/regressions/<target>/` and `fuzz/seeds/<target>/` with
//! the same checks on a stable toolchain.

pub mod actions;
pub mod common;
pub mod conditions;
pub mod config;
pub mod decode_render;
pub mod hosts;
pub mod lists;
pub mod log_pages;
pub mod rdns_cache;
pub mod stamps;
pub mod units;

/// A target's check: panics when an invariant does not hold.
pub type Check = fn(&[u8]);

/// Every target, by name, with its check.
pub const TARGETS: &[(&str, Check)] = &[
    ("actions", actions::check),
    ("conditions", conditions::check),
    ("config", config::check),
    ("decode_render", decode_render::check),
    ("hosts", hosts::check),
    ("lists", lists::check),
    ("log_pages", log_pages::check),
    ("rdns_cache", rdns_cache::check),
    ("stamps", stamps::check),
    ("units", units::check),
];
