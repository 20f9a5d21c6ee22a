//! Talking to MaxScale: the HTTP client, TLS, the streaming document scanner and the typed
//! session model. Nothing here formats output.

pub mod backend;
pub mod client;
pub mod fetch;
pub mod json;
pub mod log;
pub mod maxscale;
pub mod model;
pub mod place;
pub mod scan;
pub mod sql;
pub mod tls;
pub mod walk;
