//! `mxs-mock`: a MaxScale-compatible admin REST API mock server (sessions endpoints) for tests and benchmarks.
//!
//! ```no_run
//! use mxs_mock::{MockConfig, MockServer};
//! let server = MockServer::start(MockConfig::default()).unwrap();
//! println!("serving on {}", server.endpoint());
//! ```

mod config;
mod dataset;
mod fault;
mod filter;
mod generate;
mod handler;
mod http;
mod json;
pub mod pki;
mod query;
mod server;
mod util;

#[cfg(test)]
mod tests;

pub use config::{
    DEFAULT_HUGE_MB, DEFAULT_PASSWORD, DEFAULT_USER, Fault, MockConfig, TlsFiles, Version,
    default_rdns_names,
};
pub use server::{MockServer, RecordedRequest};
