//! Integration tests: the real `mxs` binary against the real `mxs-mock` over loopback HTTP(S).
//! One test binary (it links once), a module per area.

mod util;

mod act;
mod architecture;
mod backend;
mod complete;
mod config;
mod errors;
mod faults;
mod generated;
mod inspect;
mod jq;
mod list;
mod log;
mod maxctrl;
mod queries;
mod rdns;
mod reliability;
mod render;
mod show;
mod tls;
mod top;
mod watch;
