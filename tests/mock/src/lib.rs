//! `mxs-mock`: a MaxScale-compatible admin REST API mock server (sessions endpoints) for tests and benchmarks.
//!
//! ```no_run
//! use mxs_mock::{MockConfig, MockServer};
//! let server = MockServer::start(MockConfig::default()).unwrap();
//! println!("serving on {}", server.endpoint());
//! ```

mod auth;
mod clock;
mod config;
mod counts;
mod dataset;
mod fault;
mod filter;
mod generate;
mod handler;
mod http;
mod jansson;
mod json;
mod live;
mod logs;
pub mod pki;
mod query;
mod server;
mod sql;
mod util;
mod writes;

#[cfg(test)]
mod tests;

pub use config::{
    DEFAULT_HUGE_MB, DEFAULT_MAX_BODY, DEFAULT_PASSWORD, DEFAULT_RETAIN_LAST_STATEMENTS,
    DEFAULT_RO_PASSWORD, DEFAULT_RO_USER, DEFAULT_USER, Fault, MockConfig, RestartError,
    RestartFailure, SessionSet, TlsFiles, Version, WriteFault, default_filters, default_rdns_names,
};
pub use logs::PRIORITIES as LOG_PRIORITIES;
pub use server::{Expect, MockServer, RecordedRequest, WriteRecord};
pub use sql::{
    BACKEND_VERSION, Backend, MdlLock, MdlWait, RowWait, ServerSpec, SqlRecord, Thread, Trx,
};
